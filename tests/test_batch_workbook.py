"""The workbook an HR officer opens (docs/batch.md, "The Excel workbook"): titles in the
interface language over hidden machine names, scores of full precision shown with one
decimal, band cells coloured as in the report, a frozen header with an autofilter, the
unit and position carried, names only when asked; and the CSV as it was."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from asn_assess.batch.layout import column_names
from asn_assess.batch.workbook import BAND_COLOURS
from asn_assess.cli import app
from asn_assess.core.bank import load_bank

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "docs" / "examples"
CONTOH = EXAMPLES / "contoh.toml"
GOOGLE = EXAMPLES / "google-forms-grid.csv"
BANK = load_bank(CONTOH)
KEY = "kunci-rahasia-untuk-uji-0123456789"


def run(*args: str, language: str = "en"):
    result = CliRunner(env={"ASN_ASSESS_LANG": language}).invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def workbook(tmp_path: Path, *more: str, language: str = "en") -> openpyxl.Workbook:
    out = tmp_path / "hasil.xlsx"
    result = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(out), *more,
                 language=language)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(out)


def columns(sheet) -> tuple[tuple, tuple, list[dict]]:
    rows = list(sheet.iter_rows(values_only=True))
    names, titles = rows[0], rows[1]
    return names, titles, [dict(zip(names, row, strict=True)) for row in rows[2:]]


def test_titles_are_in_the_interface_language_over_hidden_machine_names(tmp_path):
    for language, overall, band, pillar in (("id", "Skor keseluruhan", "Kategori", "id"),
                                            ("en", "Overall score", "Band", "en")):  # fmt: skip
        book = workbook(tmp_path, language=language)
        sheet = book.worksheets[0]
        names, titles, _ = columns(sheet)
        assert sheet.row_dimensions[1].hidden and not sheet.row_dimensions[2].hidden
        assert titles[names.index("overall_score")] == overall
        assert titles[names.index("overall_band")] == band
        diri = BANK.pillars[0]
        assert titles[names.index(f"pillar.{diri.id}.score")] == diri.title[pillar]
        indicator = diri.indicators[0]
        assert titles[names.index(f"indicator.{indicator.id}.score")] == indicator.title[pillar]
        assert names[0] == "respondent_id"


def test_sheet_names_follow_the_interface_language(tmp_path):
    assert workbook(tmp_path, "--summary-by", "Unit kerja", "--min-group", "1",
                    language="id").sheetnames == ["Hasil", "Ditolak", "Disisihkan", "Ringkasan"]  # fmt: skip
    assert workbook(tmp_path, "--summary-by", "Unit kerja", "--min-group", "1").sheetnames == [
        "Results", "Rejected", "Set aside", "Summary"]  # fmt: skip


def test_scores_are_full_precision_numbers_shown_with_one_decimal(tmp_path):
    book = workbook(tmp_path)
    sheet = book["Results"]
    names, _, rows = columns(sheet)
    csv_out = tmp_path / "hasil.csv"
    assert run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(csv_out)).exit_code == 0
    with csv_out.open(encoding="utf-8", newline="") as stream:
        from_csv = {r["respondent_id"]: r for r in csv.DictReader(stream)}
    for row in rows:
        for name in ("overall_score", f"pillar.{BANK.pillars[0].id}.score"):
            assert row[name] == float(from_csv[row["respondent_id"]][name])  # not rounded
    score_column = names.index("overall_score") + 1
    assert sheet.cell(row=3, column=score_column).number_format == "0.0"
    answered = names.index("answered_items") + 1
    assert sheet.cell(row=3, column=answered).number_format == "General"


def test_band_cells_are_coloured_as_in_the_report(tmp_path):
    sheet = workbook(tmp_path)["Results"]
    names, _, rows = columns(sheet)
    band_column = names.index("overall_band") + 1
    labels = {band.label["en"]: rank for rank, band in enumerate(BANK.bands)}
    seen = 0
    for number in range(3, len(rows) + 3):
        cell = sheet.cell(row=number, column=band_column)
        if cell.value is None:
            continue
        colour = BAND_COLOURS[labels[cell.value]]
        assert cell.font.color.rgb == f"FF{colour}" and cell.font.b
        assert cell.fill.fgColor.rgb != "00000000"
        seen += 1
    assert seen == len(rows)


def test_the_header_is_frozen_filtered_and_the_details_start_folded(tmp_path):
    sheet = workbook(tmp_path)["Results"]
    names, _, rows = columns(sheet)
    assert sheet.freeze_panes == "B3"
    last = openpyxl.utils.get_column_letter(len(names))
    assert sheet.auto_filter.ref == f"A2:{last}{len(rows) + 2}"
    for name in ("answered_items", "quality.longest-run", "source", "row"):
        dimension = sheet.column_dimensions[openpyxl.utils.get_column_letter(names.index(name) + 1)]
        assert dimension.hidden and dimension.outlineLevel == 1
    for name in ("respondent_id", "overall_score", "overall_band", "unit", "job_title"):
        letter = openpyxl.utils.get_column_letter(names.index(name) + 1)
        assert not sheet.column_dimensions[letter].hidden, name
    # No role, target or rater group in this export: those columns are hidden.
    for name in ("role", "target", "rater_group"):
        letter = openpyxl.utils.get_column_letter(names.index(name) + 1)
        assert sheet.column_dimensions[letter].hidden, name


def test_the_unit_and_position_are_carried_and_names_only_when_asked(tmp_path):
    _, titles, rows = columns(workbook(tmp_path)["Results"])
    first = rows[0]
    assert (first["unit"], first["job_title"]) == ("Bagian Umum", "Pengadministrasi")
    assert "Nama" not in titles and "Email Address" not in titles
    assert "Ani Lestari" not in json.dumps(rows, default=str)
    names, titles, rows = columns(
        workbook(tmp_path, "--keep", "Nama", "--keep", "Jabatan")["Results"]
    )
    assert "input.Nama" in names and titles[names.index("input.Nama")] == "Nama"
    assert rows[0]["input.Nama"] == "Ani Lestari" and "unit" not in names


def test_names_are_never_kept_in_a_pseudonymised_run(tmp_path):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    (tmp_path / "k").chmod(0o600)
    for column in ("Nama", "Email Address", "NIP"):
        result = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(tmp_path / "o.xlsx"),
                     "--pseudonymize", "--key-file", str(tmp_path / "k"), "--keep", column)  # fmt: skip
        assert result.exit_code == 2, result.stderr
        assert "names people" in result.stderr
    result = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(tmp_path / "o.xlsx"),
                 "--pseudonymize", "--key-file", str(tmp_path / "k"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    _, _, rows = columns(openpyxl.load_workbook(tmp_path / "o.xlsx")["Results"])
    assert rows[0]["unit"] == "Bagian Umum"  # a unit names no one
    assert all(len(row["respondent_id"]) == 32 for row in rows)


def test_the_summary_sheet_has_titles_and_one_decimal(tmp_path):
    book = workbook(tmp_path, "--summary-by", "Unit kerja", "--min-group", "1")
    names, titles, rows = columns(book["Summary"])
    assert titles[0] == "Group" and titles[names.index("n")] == "Respondents"
    diri = BANK.pillars[0]
    assert titles[names.index(f"pillar.{diri.id}.mean")] == f"{diri.title['en']}: mean"
    band = BANK.bands[-1]
    assert titles[names.index(f"band.{band.id}")] == f"Band {band.label['en']}: count"
    mean = names.index("overall.mean") + 1
    assert book["Summary"].cell(row=3, column=mean).number_format == "0.0"
    assert {row["group"] for row in rows} >= {"Bagian Umum", "Bagian Keuangan", "(all)"}


def test_rejected_and_set_aside_rows_have_sheets_of_their_own(tmp_path):
    book = workbook(tmp_path)
    _, titles, rejected = columns(book["Rejected"])
    assert titles == ("File", "Row", "Line", "Respondent id", "Reasons")
    assert [row["row"] for row in rejected] == [4] and "Excel" in rejected[0]["reasons"]
    _, _, aside = columns(book["Set aside"])
    assert [row["row"] for row in aside] == [1] and "latest" in aside[0]["reasons"]


def test_the_csv_stays_machine_first_and_carries_columns_only_when_asked(tmp_path):
    out = tmp_path / "o.csv"
    assert run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(out)).exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].replace('"', "").split(",")
    assert header == column_names(BANK)
    kept = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(out),
               "--keep", "Unit kerja", "--keep", "Jabatan")  # fmt: skip
    assert kept.exit_code == 0, kept.stderr
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0])[-2:] == ["input.Unit kerja", "input.Jabatan"]
    assert rows[0]["input.Jabatan"] == "Pengadministrasi"


def test_jsonl_carries_kept_columns_under_input_and_reads_them_back(tmp_path):
    out = tmp_path / "o.jsonl"
    result = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(out),
                 "--keep", "Unit kerja")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["input"] == {"Unit kerja": "Bagian Umum"}
    again = run("batch", str(out), "--bank", str(CONTOH), "-o", str(tmp_path / "again.csv"))
    assert again.exit_code == 0, again.stderr


def test_a_keep_column_that_is_missing_is_an_error(tmp_path):
    result = run("batch", str(GOOGLE), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"),
                 "--keep", "Golongan")  # fmt: skip
    assert result.exit_code == 1
    assert "--keep 'Golongan'" in result.stderr or "Golongan" in result.stderr


@pytest.mark.parametrize("text", ["x\x01y", "a_x0041_b", "<b>&amp;</b>", "y" * 40_000])
def test_any_text_is_written_as_text_excel_can_read(tmp_path, text):
    """Control characters, Excel's own escapes, markup and over-long texts."""
    item = next(iter(BANK.items))
    (tmp_path / "in.csv").write_text(f'respondent_id,unit,{item}\n"{text}",u,4\n', encoding="utf-8")
    out = tmp_path / "o.xlsx"
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    _, _, rows = columns(openpyxl.load_workbook(out)["Results"])
    value = rows[0]["respondent_id"]
    # openpyxl shows Excel's escapes as written; Excel shows what they stand for.
    shown = {"x\x01y": "x_x0001_y", "a_x0041_b": "a_x005F_x0041_b"}
    if len(text) > 32_767:
        assert len(value) == 32_767 and value.endswith("…")
    else:
        assert value == shown.get(text, text)


def test_every_score_of_the_csv_is_in_the_workbook(tmp_path, bundled_bank):
    """Whatever levels the bank has (pillars, indicators, core values), the workbook
    shows each score and band the CSV has, titled with its name."""
    items = [i.id for i in bundled_bank.items.values() if not i.roles]
    rows = ["respondent_id," + ",".join(items)]
    rows += [f"R{n}," + ",".join("a" if bundled_bank.items[i].is_situational else str(1 + n)
                                 for i in items) for n in range(3)]  # fmt: skip
    (tmp_path / "in.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    names, titles, _ = columns(openpyxl.load_workbook(out)["Results"])
    wanted = [n for n in column_names(bundled_bank) if n.endswith((".score", ".band"))]
    assert set(wanted) <= set(names)
    assert all(titles[names.index(n)] for n in wanted)
