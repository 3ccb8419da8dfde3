"""Hypothesis strategies that mutate what users hand the tool: banks, answer sheets,
results and CSV tables; and the checks every run on them must pass.

Used by tests/test_fuzz.py with a few examples each (the suite stays fast) and by
tools/fuzz.py with many more, run by hand.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank, starter_bank_text
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.scoring import score

BANK = resolve_bank()
STARTER = starter_bank_text()
COUNTS = re.compile(
    r"read ([\d,]+), scored ([\d,]+) \(incomplete ([\d,]+)\), rejected ([\d,]+)(?:, set aside ([\d,]+))?"
)
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})

HOSTILE_TOML_VALUES = [
    "inf",
    "-inf",
    "nan",
    "1e308",
    "-1",
    "0",
    "1001",
    "5",
    "true",
    "[]",
    "{}",
    "[1, 2]",
    '["a", ["b"]]',
    "[" * 500 + "]" * 500,
    "7" * 4400,
    '"' + "x" * 300 + '"',
    '""',
    '"[bold]x[/]"',
    '"=HYPERLINK(1)"',
    '"a\\u0000b"',
    "{ id = 1 }",
    "2024-01-01",
]

HOSTILE_JSON_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    10**30,
    1e308,
    "",
    "x" * 300,
    "../../etc/passwd",
    "[bold]x[/]",
    "=1+1",
    [],
    {},
    [[[[1]]]],
    {"a": {"b": {"c": []}}},
]
RAW_JSON_TEXTS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "7" * 4400,
    "[" * 5000 + "]" * 5000,
]


@st.composite
def mutated_banks(draw: Any) -> str:
    """The starter bank with a few values replaced by hostile ones, or lines dropped or
    repeated."""
    lines = STARTER.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "drop", "repeat"]))
        line = lines[index]
        if action == "value" and "=" in line:
            key = line.split("=", 1)[0]
            lines[index] = f"{key}= {draw(st.sampled_from(HOSTILE_TOML_VALUES))}"
        elif action == "drop":
            del lines[index]
        else:
            lines.insert(index, line)
    return "\n".join(lines) + "\n"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> None:
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@st.composite
def mutated_documents(draw: Any, document: dict[str, Any]) -> str:
    """``document`` as JSON text with a few values replaced by hostile ones, a raw
    token spliced in, or the text cut short."""
    document = json.loads(json.dumps(document))
    paths = _paths(document)
    raw: dict[str, str] = {}
    for number in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        if draw(st.booleans()):
            # A copy: a later change in this document must not alter the shared value.
            value = copy.deepcopy(draw(st.sampled_from(HOSTILE_JSON_VALUES)))
        else:
            marker = f"@@raw{number}@@"
            raw[json.dumps(marker)] = draw(st.sampled_from(RAW_JSON_TEXTS))
            value = marker
        try:
            _replace(document, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change removed the place
        paths = _paths(document) or paths
    text = json.dumps(document, ensure_ascii=False)
    for marker, token in raw.items():
        text = text.replace(marker, token)
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _sheet_document() -> dict[str, Any]:
    answers = {i: ("b" if item.is_situational else 3) for i, item in list(BANK.items.items())[:9]}
    return {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "language": "en",
        "respondent": {"name": "Budi", "nip": "198609262015051001", "unit": "Dinas A"},
        "answers": answers,
    }


def _result_document() -> dict[str, Any]:
    answers = {i: ("a" if item.is_situational else 4) for i, item in BANK.items.items()}
    sheet = AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers)
    return json.loads(score(BANK, sheet).model_dump_json())


def mutated_sheets() -> Any:
    """Answer sheets with hostile values in random places."""
    return mutated_documents(_sheet_document())


def mutated_results() -> Any:
    """Saved results with hostile values in random places."""
    return mutated_documents(_result_document())


CSV_PIECES = ['"', ",", ";", "\t", "\n", "\r\n", "\r", "\x00", "\ufeff", "=cmd", "é", " ", "a"]


@st.composite
def mutated_tables(draw: Any) -> bytes:
    """A small valid table with characters inserted, lines cut, or bytes that are not
    UTF-8."""
    items = list(BANK.items)[:6]
    lines = [",".join(["respondent_id", "catatan", "unit", *items])]
    for number in range(draw(st.integers(0, 6))):
        answers = ["a" if BANK.items[i].is_situational else str(1 + number % 5) for i in items]
        lines.append(",".join([f"R{number}", "baik", "Dinas A", *answers]))
    text = "\n".join(lines) + "\n"
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(CSV_PIECES)) + text[position:]
    data = text.encode("utf-8")
    if draw(st.integers(0, 4)) == 0:
        position = draw(st.integers(0, len(data)))
        data = (
            data[:position] + draw(st.sampled_from([b"\xff", b"\x92", b"\xc3"])) + data[position:]
        )
    return data


SMALL_BLOCK_BYTES = 2048  # blocks of a few dozen rows: a short table crosses many
BAD_ROWS = ["more", "fewer", "huge", "quote"]


def _answers_row(number: int, items: list[str]) -> list[str]:
    return [
        "a" if BANK.items[i].is_situational else str(1 + (number + k) % 5)
        for k, i in enumerate(items)
    ]


@st.composite
def tables_with_a_bad_row(draw: Any) -> tuple[bytes, int, int]:
    """A table of random length read in small blocks (``SMALL_BLOCK_BYTES``), with one
    bad row at a random place, often at a block's edge: a field too many or too few, a
    cell longer than a block, or a quoted note that spans lines. Returns the bytes, the
    number of rows and the bad row's number."""
    items = [item_id for item_id, item in BANK.items.items() if not item.roles][:8]
    rows = draw(st.integers(1, 300))
    bad = draw(st.integers(1, rows))
    kind = draw(st.sampled_from(BAD_ROWS))
    lines = [",".join(["respondent_id", "catatan", *items])]
    for number in range(1, rows + 1):
        cells = [f"R{number:04d}", "baik", *_answers_row(number, items)]
        if number == bad:
            if kind == "more":
                cells.append("5")
            elif kind == "fewer":
                cells.pop()
            elif kind == "huge":
                cells[1] = "x" * draw(st.integers(SMALL_BLOCK_BYTES, 3 * SMALL_BLOCK_BYTES))
            else:  # a note of a few lines, then a field too many: still one bad row
                cells[1] = '"' + "\n".join(["satu", "dua", "tiga"]) + '"'
                cells.append("5")
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode("utf-8"), rows, bad


@st.composite
def tables_with_a_huge_cell(draw: Any) -> tuple[bytes, int, int]:
    """A table with one cell longer than the parser's block (read at its real size),
    quoted or not, in a random row. Returns the bytes, the number of rows and the row
    holding the cell."""
    items = list(BANK.items)[:6]
    rows = draw(st.integers(1, 40))
    huge = draw(st.integers(1, rows))
    size = draw(st.integers(300_000, 1_200_000))
    quoted = draw(st.booleans())
    lines = [",".join(["respondent_id", "catatan", *items])]
    for number in range(1, rows + 1):
        note = "baik"
        if number == huge:
            note = ('"' + "y" * size + '"') if quoted else "y" * size
        lines.append(",".join([f"R{number:03d}", note, *_answers_row(number, items)]))
    return ("\n".join(lines) + "\n").encode("utf-8"), rows, huge


# --- what every run must do -----------------------------------------------------------------


def invoke(*args: str) -> Any:
    """Run the CLI in-process; fail on a traceback or an exception other than an exit."""
    result = runner.invoke(app, list(args))
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    if result.exit_code:
        assert any(line.startswith("error:") for line in result.stderr.splitlines()) or (
            "rejected" in result.stderr
        ), result.stderr
    return result


def check_bank_text(text: str) -> None:
    """`bank validate` lists problems or says valid; a valid bank shows and templates."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.toml"
        path.write_text(text, encoding="utf-8")
        validated = invoke("bank", "validate", str(path))
        if validated.exit_code == 0:
            invoke("bank", "show", str(path))
            invoke("batch", "template", "--bank", str(path))


def check_sheet_text(text: str) -> None:
    """`score` gives a result or one error per problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.json"
        path.write_text(text, encoding="utf-8")
        invoke("score", str(path), "--json")
        invoke("batch", str(path), "-o", str(Path(folder) / "out.csv"))


def check_result_text(text: str) -> None:
    """`report` shows the result or says what is wrong with it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "result.json"
        path.write_text(text, encoding="utf-8")
        invoke("report", str(path))


def check_table_bytes(data: bytes) -> None:
    """`batch` scores, rejects or refuses; what it read is scored or rejected."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(data)
        result = invoke("batch", str(path), "-o", str(Path(folder) / "out.csv"))
        if result.exit_code == 0:
            found = [COUNTS.fullmatch(line) for line in result.stderr.splitlines()]
            (counts,) = [m for m in found if m]
            read, scored, incomplete, rejected, aside = (
                int((g or "0").replace(",", "")) for g in counts.groups()
            )
            assert read == scored + rejected + aside and incomplete <= scored, result.stderr


def check_one_bad_row(case: tuple[bytes, int, int], block_bytes: int = SMALL_BLOCK_BYTES) -> None:
    """The bad row is one rejected row, every other row is scored, and the counts add
    up: read = scored + rejected = the rows of the table."""
    from asn_assess.batch import reading

    data, rows, bad = case
    saved = reading.BLOCK_BYTES
    reading.BLOCK_BYTES = block_bytes
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "in.csv"
            path.write_bytes(data)
            errors = Path(folder) / "e.jsonl"
            result = invoke("batch", str(path), "-o", str(Path(folder) / "out.csv"),
                            "--errors", str(errors))  # fmt: skip
            found = [COUNTS.fullmatch(line) for line in result.stderr.splitlines()]
            (counts,) = [m for m in found if m]
            read, scored, _, rejected, aside = (
                int((g or "0").replace(",", "")) for g in counts.groups()
            )
            assert (read, scored, rejected, aside) == (rows, rows - 1, 1, 0), result.stderr
            (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
            assert record["row"] == bad, record
    finally:
        reading.BLOCK_BYTES = saved


def check_huge_cell(case: tuple[bytes, int, int]) -> None:
    """A cell longer than a block rejects its row only (at the real block size)."""
    from asn_assess.batch import reading

    check_one_bad_row(case, reading.BLOCK_BYTES)


# --- escape sequences in data ------------------------------------------------------------

ESCAPE_SEQUENCES = [
    "\x1b]0;PWNED\x07",  # retitle the terminal
    "\x1b]8;;https://contoh.invalid\x1b\\tautan\x1b]8;;\x1b\\",  # a hyperlink
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b[31m",
    "\x1bP+q544e\x1b\\",  # a device control string
    "\x9b6n",  # C1 CSI: ask the terminal to answer
    "\x85",
    "\r",
    "\x08\x08",
    "\x00",
    "\x7f",
]


def _with_escapes(draw: Any, text: str) -> str:
    """``text`` with one to three escape sequences put in at random places."""
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(ESCAPE_SEQUENCES)) + text[position:]
    return text


@st.composite
def escaped_inputs(draw: Any) -> tuple[str, str]:
    """(kind, text): an answer sheet, a table or a bank whose names, ids, answers, keys
    or texts hold terminal escape sequences."""
    kind = draw(st.sampled_from(["sheet", "table", "bank"]))
    if kind == "sheet":
        document = _sheet_document()
        answers = document["answers"]
        if draw(st.booleans()):  # an answer's key, quoted by the error about it
            key = draw(st.sampled_from(sorted(answers)))
            answers[_with_escapes(draw, key)] = answers.pop(key)
        if draw(st.booleans()):
            key = draw(st.sampled_from(sorted(answers)))
            answers[key] = _with_escapes(draw, str(answers[key]))
        for field in ("name", "unit"):
            if draw(st.booleans()):
                document["respondent"][field] = _with_escapes(draw, document["respondent"][field])
        return kind, json.dumps(document, ensure_ascii=draw(st.booleans()))
    if kind == "table":
        items = list(BANK.items)[:6]
        rows = [["respondent_id", "unit", *items]]
        for number in range(draw(st.integers(1, 6))):
            answers = ["a" if BANK.items[i].is_situational else "4" for i in items]
            rows.append([f"R{number}", "Dinas A", *answers])
        for _ in range(draw(st.integers(1, 4))):
            row = draw(st.integers(0, len(rows) - 1))
            column = draw(st.integers(0, len(rows[row]) - 1))
            rows[row][column] = _with_escapes(draw, rows[row][column])
        quoted = (",".join('"' + cell.replace('"', '""') + '"' for cell in r) for r in rows)
        return kind, "\n".join(quoted) + "\n"
    lines = STARTER.splitlines()
    texts = [n for n, line in enumerate(lines) if '{ id = "' in line or 'id = "' in line]
    for _ in range(draw(st.integers(1, 3))):
        number = draw(st.sampled_from(texts))
        line = lines[number]
        at = line.index('"') + 1
        escaped = json.dumps(draw(st.sampled_from(ESCAPE_SEQUENCES)))[1:-1]  # TOML reads it
        lines[number] = line[:at] + escaped + line[at:]
    return kind, "\n".join(lines) + "\n"


def _printable_only(text: str, what: str) -> None:
    from asn_assess.core.printable import CONTROL_CHARACTERS

    found = sorted({hex(ord(c)) for c in text if ord(c) in CONTROL_CHARACTERS})
    assert not found, f"{what} printed control characters {found}: {text!r:.600}"


def check_escaped_input(value: tuple[str, str]) -> None:
    """Whatever a command prints for people (stdout of a report, every line on stderr)
    holds no control character of the data, and the run ends cleanly."""
    kind, text = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / {"sheet": "sheet.json", "table": "in.csv", "bank": "bank.toml"}[kind]
        path.write_text(text, encoding="utf-8")
        if kind == "sheet":
            runs = [invoke("score", str(path)), invoke("batch", str(path), "-o", os.devnull)]
        elif kind == "table":
            runs = [invoke("batch", str(path), "-o", os.devnull, "--summary-by", "unit")]
        else:
            runs = [invoke("bank", "validate", str(path))]
            if runs[0].exit_code == 0:
                runs += [invoke("bank", "show", str(path), "--lang", lang) for lang in ("id", "en")]
        for result in runs:
            _printable_only(result.stdout + result.stderr, kind)
