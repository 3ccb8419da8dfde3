"""`asn-assess batch` on .xlsx workbooks: the same matching, answers and outputs as CSV,
rows numbered as Excel shows them, the sheet chosen with --sheet, and clear errors for
files that are not what they claim."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.scoring import score
from conftest import expected_cells, parsed_cells

runner = CliRunner()


def run(*args: str, input: bytes | None = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def answers_of(bank, seed: int) -> dict:
    rng = random.Random(seed)
    return {
        item_id: rng.choice(item.options).id
        if item.is_situational
        else rng.choice(bank.scale_of(item).points).value
        for item_id, item in bank.items.items()
        if not item.roles
    }


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An .xlsx file written by openpyxl (shared strings, typed cells)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def read_scored(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_xlsx_scores_like_the_same_table_as_csv(tmp_path, bundled_bank):
    items = [i for i, item in bundled_bank.items.items() if not item.roles]
    people = [answers_of(bundled_bank, seed) for seed in range(5)]
    header = ["respondent_id", "Unit kerja", *items]
    rows = [[f"R{n}", "Dinas A", *[a.get(i, "") for i in items]] for n, a in enumerate(people)]
    # Numbers as number cells, as a spreadsheet user types them; a date cell in a
    # column that is not used.
    typed = [[*row[:2], *[v if isinstance(v, str) else float(v) for v in row[2:]]] for row in rows]
    workbook(
        tmp_path / "in.xlsx",
        {"Jawaban": [[*header, "Tanggal"], *[[*r, dt.date(2024, 5, 2)] for r in typed]]},
    )
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])

    from_xlsx = run("batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "x.csv"))
    from_csv = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "c.csv"))
    assert from_xlsx.exit_code == 0 and from_csv.exit_code == 0, from_xlsx.stderr
    x_rows, c_rows = read_scored(tmp_path / "x.csv"), read_scored(tmp_path / "c.csv")
    assert [parsed_cells(r) for r in x_rows] == [parsed_cells(r) for r in c_rows]
    for row, answers in zip(x_rows, people, strict=True):
        sheet = AnswerSheet(
            bank_id=bundled_bank.id, bank_version=bundled_bank.version, answers=answers
        )
        assert parsed_cells(row) == expected_cells(score(bundled_bank, sheet))
    assert [r["row"] for r in x_rows] == ["2", "3", "4", "5", "6"]  # Excel's row numbers
    assert [r["row"] for r in c_rows] == ["1", "2", "3", "4", "5"]
    assert "Tanggal" in from_xlsx.stderr  # unused columns are named, as for CSV


def test_rows_keep_excel_numbers_past_blank_rows_and_a_late_header(tmp_path, bundled_bank):
    answers = answers_of(bundled_bank, 1)
    items = list(answers)
    rows = [
        [],
        [],
        ["respondent_id", *items],  # the header on row 3
        ["A", *answers.values()],
        [],
        ["B", *["x"] * len(items)],  # row 6: not answers
        ["C", *answers.values(), None, "terlalu lebar"],  # row 7: a cell past the header
        ["D", *answers.values()],
    ]
    path = workbook(tmp_path / "in.xlsx", {"Sheet": rows})
    result = run(
        "batch", str(path), "-o", str(tmp_path / "out.csv"), "--errors", str(tmp_path / "e.jsonl")
    )
    assert result.exit_code == 0, result.stderr
    assert [r["row"] for r in read_scored(tmp_path / "out.csv")] == ["4", "8"]
    errors = (tmp_path / "e.jsonl").read_text(encoding="utf-8")
    assert '"row": 6' in errors and '"respondent_id": "B"' in errors
    assert (
        '"row": 7' in errors
        and f"memiliki {len(items) + 3} kolom, baris judul memiliki {len(items) + 1}" in errors
    )
    assert result.stderr.strip().endswith("dibaca 4, dinilai 2 (tidak lengkap 0), ditolak 2")


def test_sheet_chooses_the_sheet_and_a_missing_one_is_named(tmp_path, bundled_bank, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")  # the messages are checked in English
    answers = answers_of(bundled_bank, 2)
    path = workbook(
        tmp_path / "in.xlsx",
        {
            "Catatan": [["bukan tabel jawaban"]],
            "Jawaban": [["respondent_id", *answers], ["A", *answers.values()]],
        },
    )
    first = run("batch", str(path), "-o", str(tmp_path / "a.csv"))
    assert first.exit_code == 1 and "no column matches an item" in first.stderr
    chosen = run("batch", str(path), "--sheet", "Jawaban", "-o", str(tmp_path / "b.csv"))
    assert chosen.exit_code == 0, chosen.stderr
    assert len(read_scored(tmp_path / "b.csv")) == 1
    missing = run("batch", str(path), "--sheet", "Hasil", "-o", str(tmp_path / "c.csv"))
    assert missing.exit_code == 1
    assert "Hasil" in missing.stderr and "Catatan, Jawaban" in missing.stderr
    assert not (tmp_path / "c.csv").exists()


def test_a_zip_that_is_no_workbook_and_an_empty_sheet_are_one_line_errors(tmp_path):
    with zipfile.ZipFile(tmp_path / "not.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    broken = run("batch", str(tmp_path / "not.xlsx"), "-o", str(tmp_path / "a.csv"))
    assert broken.exit_code == 1
    assert broken.stderr.count("galat:") == 1 and "not.xlsx" in broken.stderr
    empty = run("batch", str(workbook(tmp_path / "empty.xlsx", {"Kosong": []})))
    assert empty.exit_code == 1 and "Kosong" in empty.stderr


def test_a_workbook_on_standard_input(tmp_path, bundled_bank):
    answers = answers_of(bundled_bank, 3)
    buffer = io.BytesIO()
    path = workbook(
        tmp_path / "in.xlsx", {"S": [["respondent_id", *answers], ["A", *answers.values()]]}
    )
    buffer.write(path.read_bytes())
    result = run("batch", "-", "-o", str(tmp_path / "out.csv"), input=buffer.getvalue())
    assert result.exit_code == 0, result.stderr
    (row,) = read_scored(tmp_path / "out.csv")
    assert row["source"] == "<stdin>" and row["row"] == "2"


@pytest.mark.parametrize("cell", [5, 5.0, "5", " 5 "])
def test_a_number_cell_reads_as_its_text(tmp_path, bundled_bank, cell):
    path = workbook(tmp_path / "in.xlsx", {"S": [["respondent_id", "disiplin-01"], ["A", cell]]})
    assert run("batch", str(path), "-o", str(tmp_path / "out.csv")).exit_code == 0
    (row,) = read_scored(tmp_path / "out.csv")
    assert row["answered_items"] == "1"
