"""Batch outputs HR opens: the Excel workbook, rounded scores, band labels, the
codebook, and ids for rows without one."""

from __future__ import annotations

import csv
import io
import os
import random
import sys
from pathlib import Path

import openpyxl
import pexpect
import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.models import Bank
from test_batch import pseudonym, random_answers, run, write_csv

FORMULA = '=HYPERLINK("http://example.invalid","klik")'


def table(path: Path, bank: Bank) -> Path:
    """Four people (one without an id, one in a unit named like a formula) and a row
    that is rejected."""
    rows: list[list[object]] = [["respondent_id", "unit", *bank.items]]
    ids = ["A", "", FORMULA, "D"]
    units = ["Biro Umum", FORMULA, "Biro Umum", "-2+3"]
    rng = random.Random(5)
    for who, unit in zip(ids, units, strict=True):
        answers = random_answers(bank, rng)
        rows.append([who, unit, *[answers[item_id] for item_id in bank.items]])
    rows.append(["E", "Biro Umum", *["zzz"] * len(bank.items)])
    return write_csv(path, rows)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_xlsx_output_has_typed_sheets_and_literal_text(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    out = tmp_path / "hasil.xlsx"  # the format comes from the suffix
    result = run("batch", str(source), "-o", str(out), "--summary-by", "unit", "--min-group", "1")
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Results", "Rejected", "Summary"]  # interface language: en
    results = book["Results"]
    assert results.freeze_panes == "B3"  # the names, the titles and the id column
    rows = list(results.iter_rows(values_only=True))
    names, titles = rows[0], rows[1]
    by_name = [dict(zip(names, row, strict=True)) for row in rows[2:]]
    assert len(by_name) == 4
    assert isinstance(by_name[0]["row"], int) and by_name[0]["row"] == 1
    first = next(row for row in by_name if row["overall_score"] is not None)
    assert isinstance(first["overall_score"], float)
    assert isinstance(first["answered_items"], int)
    assert titles[names.index("overall_score")] == "Overall score"
    assert titles[names.index("overall_band")] == "Band"
    assert first["overall_band"] in {band.label["en"] for band in bundled_bank.bands}
    # Text stays text: no formula, and no quote added in front of it.
    assert by_name[2]["respondent_id"] == FORMULA
    cell = results.cell(row=5, column=names.index("respondent_id") + 1)
    assert cell.data_type == "s" and cell.value == FORMULA
    assert by_name[1]["respondent_id"] == "row-2"
    assert by_name[1]["unit"] == FORMULA  # the unit is carried, as text
    rejected = list(book["Rejected"].iter_rows(values_only=True))
    assert rejected[0] == ("source", "row", "line", "respondent_id", "reasons")
    assert rejected[1] == ("File", "Row", "Line", "Respondent id", "Reasons")
    assert rejected[2][1] == 5 and rejected[2][3] == "E" and "zzz" in rejected[2][4]
    summary = list(book["Summary"].iter_rows(values_only=True))
    groups = [row[0] for row in summary[2:]]
    assert FORMULA in groups and "-2+3" in groups and "(all)" in groups
    assert book["Summary"].freeze_panes == "B3"


def test_xlsx_sheet_names_follow_the_interface_language(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    out = tmp_path / "out.xlsx"
    result = CliRunner(env={"ASN_ASSESS_LANG": "id"}).invoke(
        app, ["batch", str(source), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Hasil", "Ditolak"]  # no summary asked for
    names, titles = list(book["Hasil"].iter_rows(max_row=2, values_only=True))
    assert titles[names.index("overall_score")] == "Skor keseluruhan"
    assert titles[names.index("overall_band")] == "Kategori"
    labels = [
        row[names.index("overall_band")]
        for row in book["Hasil"].iter_rows(min_row=3, values_only=True)
    ]
    label = next(label for label in labels if label is not None)
    assert label in {band.label["id"] for band in bundled_bank.bands}


def test_xlsx_to_a_pipe_is_written(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    result = run("batch", str(source), "-f", "xlsx")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes[:2] == b"PK"
    book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert book.sheetnames[0] == "Results"


def test_xlsx_to_a_terminal_is_refused(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    env = {**os.environ, "ASN_ASSESS_LANG": "en", "PYTHONPATH": os.pathsep.join(sys.path)}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "asn_assess", "batch", str(source), "-f", "xlsx"],
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "binary Excel file" in child.before and "PK" not in child.before


def test_decimals_round_scores_and_band_labels_sit_beside_bands(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    plain = run("batch", str(source))
    rounded = run("batch", str(source), "--decimals", "1", "--band-labels")
    assert plain.exit_code == rounded.exit_code == 0, rounded.stderr
    plain_rows, rounded_rows = read_csv(plain.stdout), read_csv(rounded.stdout)
    header = next(csv.reader(io.StringIO(rounded.stdout)))
    assert header.index("overall_band_label") == header.index("overall_band") + 1
    assert header.index("indicator.disiplin.band_label") == (
        header.index("indicator.disiplin.band") + 1
    )
    assert [c for c in header if not c.endswith("_label")] == next(
        csv.reader(io.StringIO(plain.stdout))
    )  # the other columns as they were
    for before, after in zip(plain_rows, rounded_rows, strict=True):
        for name, value in before.items():
            if name.endswith("score") and value:
                assert after[name] == str(round(float(value), 1)) or float(after[name]) == round(
                    float(value), 1
                )
            elif name.startswith("quality.") and value:
                assert after[name] == value  # not a score: never rounded
        if before["overall_band"]:
            band = next(b for b in bundled_bank.bands if b.id == before["overall_band"])
            assert after["overall_band_label"] == band.label["en"]


def test_empty_id_gets_the_row_number_also_when_pseudonymised(tmp_path: Path, bundled_bank: Bank):
    source = table(tmp_path / "in.csv", bundled_bank)
    key = tmp_path / "kunci.txt"
    key.write_bytes(b"k" * 32 + b"\n")
    result = run("batch", str(source), "--pseudonymize", "--key-file", str(key))
    assert result.exit_code == 0, result.stderr
    ids = [row["respondent_id"] for row in read_csv(result.stdout)]
    assert ids[1] == "row-2"
    assert ids[0] == pseudonym(b"k" * 32, "A") or ids[0] not in ("A", "row-1")


def test_codebook_lists_every_item(tmp_path: Path, bundled_bank: Bank):
    out = tmp_path / "codebook.csv"
    result = run("codebook", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert str(out) in result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [row["item_id"] for row in rows] == list(bundled_bank.items)
    reversed_item = next(i for i in bundled_bank.items.values() if i.is_reversed)
    row = next(r for r in rows if r["item_id"] == reversed_item.id)
    assert row["keying"] == "reversed"
    assert row["text_id"] == reversed_item.text["id"] and row["text_en"] == reversed_item.text["en"]
    situational = next(i for i in bundled_bank.items.values() if i.is_situational)
    row = next(r for r in rows if r["item_id"] == situational.id)
    assert row["keying"] == "situational"
    assert row["answers_en"].startswith(f"{situational.options[0].id} (")


@pytest.mark.parametrize("name", ["codebook.csv", "-"])
def test_codebook_to_stdout_or_file(tmp_path: Path, name: str):
    target = "-" if name == "-" else str(tmp_path / name)
    result = run("codebook", "-o", target)
    assert result.exit_code == 0
    text = result.stdout if name == "-" else (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith("item_id,pillar,indicator,kind,scale,keying,weight,text_id,text_en")


def test_more_rows_than_a_sheet_holds_is_an_error(
    tmp_path: Path, bundled_bank: Bank, monkeypatch: pytest.MonkeyPatch
):
    import asn_assess.batch.xlsx_writer as xlsx_writer

    monkeypatch.setattr(xlsx_writer, "MAX_ROWS", 4)  # two header rows and two rows
    source = table(tmp_path / "in.csv", bundled_bank)
    out = tmp_path / "out.xlsx"
    result = run("batch", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert "at most 2 rows" in result.stderr and "CSV" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
