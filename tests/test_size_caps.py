"""Size caps (core/limits.py, docs/reliability.md): a document read whole is refused
with one line before more than its cap is read, whatever it is (a file, a device that
never ends, standard input); a stream keeps memory flat and caps what it holds at once
(a JSON Lines line rejects its row only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.batch import sheets
from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank
from asn_assess.core.limits import DOCUMENT_BYTES, KEY_FILE_BYTES

BANK = resolve_bank()
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
SHEET = {"bank_id": BANK.id, "bank_version": BANK.version, "answers": {"disiplin-01": 3}}


def _one_error_line(result, where: str, size: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert errors == [
        f"error: {where}: larger than {size}, the limit for one document of "
        "this kind; check that this is the file you meant"
    ], result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def oversized(tmp_path: Path) -> Path:
    """A regular file one byte over the cap (sparse: nothing is written to disk)."""
    path = tmp_path / "big.json"
    with open(path, "wb") as stream:
        stream.truncate(DOCUMENT_BYTES + 1)
    return path


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize(
    "command",
    [
        ["score", "{}"],
        ["report", "{}"],
        ["bank", "validate", "{}"],
        ["batch", "tests/data/batch/kobo.csv", "--bank", "BANK", "--mapping", "{}"],
        ["batch", "tests/data/batch/kobo.csv", "--norms", "{}"],
        ["report", "RESULT", "--norms", "{}"],
    ],
    ids=["answer sheet", "result", "bank", "mapping", "norms", "norms of a report"],
)
@pytest.mark.parametrize("source", ["/dev/zero", "oversized"])
def test_a_document_over_its_cap_is_one_line_before_it_is_read_whole(
    command, source, oversized, tmp_path
):
    path = str(oversized) if source == "oversized" else source
    result_file = tmp_path / "result.json"
    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(SHEET), encoding="utf-8")
    assert runner.invoke(app, ["score", str(sheet), "-o", str(result_file)]).exit_code == 0
    args = [
        {"{}": path, "BANK": BANK.id, "RESULT": str(result_file)}.get(part, part)
        for part in command
    ]
    result = runner.invoke(app, args)
    _one_error_line(result, path, "16 MiB")
    if command[:2] == ["bank", "validate"]:
        assert "1 problem" in result.stderr


def test_standard_input_over_the_cap_is_refused_the_same_way():
    result = runner.invoke(app, ["score", "-"], input=b" " * (DOCUMENT_BYTES + 1))
    _one_error_line(result, "<stdin>", "16 MiB")


def test_a_key_file_holds_a_secret_not_a_document(tmp_path):
    table = tmp_path / "in.csv"
    table.write_text("respondent_id,disiplin-01\nA,3\n", encoding="utf-8")
    key = tmp_path / "key.txt"
    for size, code in ((KEY_FILE_BYTES, 0), (KEY_FILE_BYTES + 1, 1)):
        key.write_text("k" * size, encoding="utf-8")
        key.chmod(0o600)
        result = runner.invoke(app, ["batch", str(table), "--pseudonymize", "--key-file", str(key)])
        assert result.exit_code == code, result.output
    _one_error_line(result, str(key), "4 KiB")


def test_a_json_lines_line_over_the_cap_rejects_that_row_only(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "JSON_LINE_BYTES", 4096)
    line = json.dumps(SHEET)
    long_line = json.dumps({**SHEET, "respondent": {"name": "x" * 20_000}})
    path = tmp_path / "in.jsonl"
    path.write_text(f"{line}\n{long_line}\n{line}\n{long_line}", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["batch", str(path), "-o", os.devnull, "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert "read 4, scored 2 (incomplete 2), rejected 2" in result.stderr
    rejected = [json.loads(text) for text in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["row"], r["line"]) for r in rejected] == [(2, 2), (4, 4)]
    assert rejected[0]["reasons"] == [
        "the line is longer than 4 KiB, the limit for one answer sheet"
    ]


def test_a_json_lines_line_over_the_cap_in_utf16_rejects_that_row_only(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "JSON_LINE_BYTES", 4096)
    line = json.dumps(SHEET)
    long_line = json.dumps({**SHEET, "respondent": {"name": "x" * 20_000}})
    path = tmp_path / "in.jsonl"
    path.write_bytes(f"{line}\n{long_line}\n{line}\n".encode("utf-16"))
    result = runner.invoke(app, ["batch", str(path), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert "read 3, scored 2 (incomplete 2), rejected 1" in result.stderr


@pytest.mark.parametrize("layout", ["array", "indented"])
def test_json_read_whole_over_its_cap_points_to_json_lines(tmp_path, monkeypatch, layout):
    monkeypatch.setattr(sheets, "WHOLE_JSON_BYTES", 10_000)
    documents = [SHEET] * 200
    text = (
        json.dumps(documents)
        if layout == "array"
        else "".join(json.dumps(d, indent=2) + "\n" for d in documents)
    )
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "-o", os.devnull])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: {path}: larger than")
    assert "write one answer sheet per line (JSON Lines)" in result.stderr
