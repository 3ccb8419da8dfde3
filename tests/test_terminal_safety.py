"""Data never drives the terminal: escape sequences and other control characters in
names, ids, answers, bank texts and keys are dropped from everything printed for people
(the terminal, text reports, Markdown, error lines), through one function
(``core.printable``). Files of data keep every value as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank, starter_bank_text
from asn_assess.core.printable import CONTROL_CHARACTERS, printable

BANK = resolve_bank()
# Retitle the terminal, clear it, a C1 CSI, a carriage return and a backspace, a NUL.
PAYLOAD = "\x1b]0;PWNED\x07\x1b[2J\x9b31m\r\x08\x00\x7f"
TOML_PAYLOAD = "\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b31m\\r\\b\\u007f"
runner = CliRunner(env={"ASN_ASSESS_LANG": "en", "COLUMNS": "100"})


def _clean(text: str) -> bool:
    """No character of the payload's kinds, and the harmless letters still there."""
    return not any(ord(character) in CONTROL_CHARACTERS for character in text)


def _invoke(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert result.exit_code == code, output
    assert "Traceback" not in output
    return output


def test_printable_keeps_tab_line_feed_and_every_other_character():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable(f"Budi{PAYLOAD}!") == "Budi]0;PWNED[2J31m!"
    kept = "é ñ ١٢ 你好 \u00a0 ✓ —"
    assert printable(kept) == kept
    assert {ord(c) for c in "\x1b\x9b\x00\x7f\r"} <= CONTROL_CHARACTERS


def _csv(rows: list[list[str]]) -> str:
    """Rows as CSV, every cell quoted (a carriage return is part of the payload)."""
    return "".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in rows)


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    """Every input a command prints from, with the payload in its texts."""
    files: dict[str, Path] = {}
    bank = starter_bank_text().replace(
        'title = { id = "Bank soal saya"', f'title = {{ id = "Bank{TOML_PAYLOAD}"'
    )
    bank = bank.replace('text = { id = "', f'text = {{ id = "{TOML_PAYLOAD}')
    bank = bank.replace('label = { id = "', f'label = {{ id = "{TOML_PAYLOAD}')
    files["bank"] = tmp_path / "bank.toml"
    files["bank"].write_text(bank, encoding="utf-8")
    broken = bank.replace('scale = "kekerapan"', f'scale = "x{TOML_PAYLOAD}"', 1)
    files["broken_bank"] = tmp_path / "broken.toml"
    files["broken_bank"].write_text(broken, encoding="utf-8")

    answers = {item.id: "a" if item.is_situational else 4 for item in BANK.items.values()}
    sheet = {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "respondent": {"name": f"Budi{PAYLOAD}", "unit": f"Umum{PAYLOAD}"},
        "answers": answers,
    }
    files["sheet"] = tmp_path / "sheet.json"
    files["sheet"].write_text(json.dumps(sheet), encoding="utf-8")
    bad_key = {**sheet, "answers": {f"{PAYLOAD}disiplin-99": 3}}
    files["bad_key"] = tmp_path / "bad_key.json"
    files["bad_key"].write_text(json.dumps(bad_key), encoding="utf-8")

    items = [i.id for i in BANK.items_asked_of("pelaksana", None) if not i.is_situational][:6]
    rows = [["respondent_id", "unit", *items]]
    for number in range(7):
        rows.append([f"R{number}{PAYLOAD}", f"Umum{PAYLOAD}", *["4"] * len(items)])
    rows.append([f"X{PAYLOAD}", "Umum", f"4{PAYLOAD}", *["9"] * (len(items) - 1)])
    files["table"] = tmp_path / "table.csv"
    files["table"].write_text(_csv(rows), encoding="utf-8")

    peer = [item.id for item in BANK.items_asked_of("pelaksana", "rekan")][:6]
    ratings = [["target_id", "rater_group", "role", *peer]]
    for group in ["self", "rekan", "rekan", "rekan", "atasan"]:
        ratings.append([f"Siti{PAYLOAD}", group, "pelaksana", *["4"] * len(peer)])
    ratings.append([f"Siti{PAYLOAD}", f"rekan{PAYLOAD}", "pelaksana", *["4"] * len(peer)])
    files["ratings"] = tmp_path / "ratings.csv"
    files["ratings"].write_text(_csv(ratings), encoding="utf-8")
    files["result"] = tmp_path / "result.json"
    _invoke("score", str(files["sheet"]), "-o", str(files["result"]))
    return files


def test_every_command_that_prints_data_drops_control_characters(hostile, tmp_path):
    bank, table = str(hostile["bank"]), str(hostile["table"])
    outputs = {
        "bank show": _invoke("bank", "show", bank, "--lang", "id"),
        "bank show --order": _invoke("bank", "show", bank, "--order", "--lang", "id"),
        "bank validate": _invoke("bank", "validate", bank),
        "bank validate (errors)": _invoke("bank", "validate", str(hostile["broken_bank"]), code=1),
        "bank diff": _invoke("bank", "diff", bank, str(hostile["broken_bank"]), code=1),
        "score": _invoke("score", str(hostile["sheet"])),
        "score (unknown key)": _invoke("score", str(hostile["bad_key"]), code=1),
        "report": _invoke("report", str(hostile["result"])),
        "report text": _invoke("report", str(hostile["result"]), "--format", "text"),
        "report md": _invoke("report", str(hostile["result"]), "--format", "md"),
        "batch": _invoke("batch", table, "-o", str(tmp_path / "o.csv"), "--summary-by", "unit"),
        "batch (a bad id column)": _invoke("batch", table, "--id-column", f"x{PAYLOAD}", code=1),
        "analyze": _invoke("analyze", table),
        "multirater text": _invoke("multirater", str(hostile["ratings"])),
        "multirater md": _invoke("multirater", str(hostile["ratings"]), "--format", "md"),
        "start (an unknown role)": _invoke(
            "start", "--role", f"x{PAYLOAD}", "--data-dir", str(tmp_path / "d"), code=2
        ),
    }
    dirty = [name for name, output in outputs.items() if not _clean(output)]
    assert dirty == []
    # The data is still shown, only its control characters are gone.
    assert "Budi]0;PWNED[2J31m" in outputs["score"]
    assert "]0;PWNED[2J31mdisiplin-99" in outputs["score (unknown key)"]
    assert "Siti]0;PWNED" in outputs["multirater text"]
    assert "PWNED" in outputs["bank show"] and "PWNED" in outputs["batch"]


def test_written_text_reports_drop_control_characters_and_data_files_keep_them(hostile, tmp_path):
    for suffix in ("txt", "md"):
        path = tmp_path / f"report.{suffix}"
        _invoke("report", str(hostile["result"]), "-o", str(path))
        assert _clean(path.read_text(encoding="utf-8"))
        path = tmp_path / f"multirater.{suffix}"
        _invoke("multirater", str(hostile["ratings"]), "-o", str(path))
        assert _clean(path.read_text(encoding="utf-8"))
    # Data files: every value as it was.
    result = json.loads(hostile["result"].read_text(encoding="utf-8"))
    assert result["respondent"]["name"] == f"Budi{PAYLOAD}"
    summary = tmp_path / "summary.csv"
    table = str(hostile["table"])
    _invoke(
        "batch", table, "-o", os.devnull, "--summary-by", "unit", "--summary-output", str(summary)
    )
    assert f"Umum{PAYLOAD}".encode() in summary.read_bytes()


def test_a_terminal_with_colour_gets_its_styles_and_none_of_the_data_s_sequences(hostile):
    result = CliRunner(env={"ASN_ASSESS_LANG": "en", "FORCE_COLOR": "1"}).invoke(
        app, ["score", str(hostile["sheet"])]
    )
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout  # the report's own colours
    for sequence in ("\x1b]0;", "\x07", "\x1b[2J", "\x9b", "\r", "\x08", "\x00"):
        assert sequence not in result.stdout


@pytest.mark.skipif(os.name == "nt", reason="a pseudo-terminal is POSIX")
@pytest.mark.parametrize(
    "command",
    [["batch", "TABLE"], ["batch", "TABLE", "--format", "jsonl"], ["score", "SHEET", "--json"]],
    ids=["csv", "jsonl", "json"],
)
def test_data_on_a_terminal_drops_control_characters_and_piped_keeps_them(hostile, command):
    import pty
    import subprocess
    import sys

    args = [
        {"TABLE": str(hostile["table"]), "SHEET": str(hostile["sheet"])}.get(a, a) for a in command
    ]
    argv = [sys.executable, "-m", "asn_assess", *args]
    environment = {**os.environ, "ASN_ASSESS_LANG": "en", "NO_COLOR": "1"}
    main, secondary = pty.openpty()
    child = subprocess.Popen(argv, stdout=secondary, stderr=subprocess.DEVNULL, env=environment)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert child.wait() == 0
    # The terminal turns each line feed into CR LF itself; the data's own sequences are gone.
    assert b"PWNED" in shown
    for sequence in (b"\x1b]0;", b"\x07", b"\x1b[2J", b"\xc2\x9b", b"\x08", b"\x00", b"\x7f"):
        assert sequence not in shown
    piped = subprocess.run(argv, capture_output=True, env=environment, check=True).stdout
    raw = PAYLOAD[:10].encode() if command == ["batch", "TABLE"] else b"\\u001b]0;PWNED"
    assert raw in piped
