"""Survey exports as HR units download them (docs/batch.md, "Survey platforms, one by
one"): a Google Forms grid, a LimeSurvey array, a Microsoft Forms Excel download; every
spelling of "not applicable"; what a column accepts; ids that Excel mangled.

The exports in docs/examples/ are written by tools/batch_examples.py for the small bank
docs/examples/contoh.toml; the answers they hold are taken from there."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from asn_assess.batch.columns import plan_columns
from asn_assess.cli import app
from asn_assess.core.bank import load_bank, resolve_bank
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.scoring import score
from conftest import expected_cells, parsed_cells

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "docs" / "examples"
CONTOH = EXAMPLES / "contoh.toml"
sys.path.insert(0, str(REPO / "tools"))
import batch_examples  # noqa: E402

BANK = load_bank(CONTOH)
BUNDLED = resolve_bank()
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
COUNTS = re.compile(
    r"read ([\d,]+), scored ([\d,]+) \(incomplete ([\d,]+)\), rejected ([\d,]+)(?:, set aside ([\d,]+))?"
)


def run(*args: str, input: bytes | str | None = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def counts(stderr: str) -> tuple[int, ...]:
    (found,) = [m for m in map(COUNTS.fullmatch, stderr.splitlines()) if m]
    return tuple(int((g or "0").replace(",", "")) for g in found.groups())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def expected(answers: list[object]) -> dict:
    """The CSV cells `score` gives for one person of tools/batch_examples.py."""
    items = [item.id for item in batch_examples.SCALE_ITEMS] + [batch_examples.SITUATIONAL.id]
    sheet = AnswerSheet(
        bank_id=BANK.id, bank_version=BANK.version, answers=dict(zip(items, answers, strict=True))
    )
    return expected_cells(score(BANK, sheet))


# --- Google Forms: a multiple-choice grid ------------------------------------------------------


def test_the_docs_google_forms_grid_export_is_scored_column_for_column(tmp_path):
    """Every grid row is matched by its text as Google wrote it (a final period gone,
    a number before it, capitals); nothing is left unused. Budi sent the form twice:
    his later submission is scored. Dedi's NIP went through Excel: rejected."""
    out = tmp_path / "hasil.csv"
    errors = tmp_path / "e.jsonl"
    result = run("batch", str(EXAMPLES / "google-forms-grid.csv"), "--bank", str(CONTOH),
                 "-o", str(out), "--errors", str(errors))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "not used" not in result.stderr
    assert counts(result.stderr) == (7, 5, 0, 1, 1)
    rows = {row["respondent_id"]: row for row in read_csv(out)}
    assert set(rows) == {"19860926 201505 1 001", "198701012010012002", "198803152012012003",
                         "198512302009011005", "199205052019032006"}  # fmt: skip
    budi = rows["19860926 201505 1 001"]
    assert budi["row"] == "7"
    assert parsed_cells(budi) == expected(batch_examples.RESUBMITTED)
    ani = rows["198701012010012002"]  # answered "Tidak berlaku" once
    assert parsed_cells(ani) == expected(batch_examples.ANSWERS[1])
    assert ani["not_applicable_items"] == "1"
    statuses = [line for line in errors.read_text().splitlines()]
    assert len(statuses) == 2
    assert '"status": "set aside"' in statuses[0] and '"row": 1' in statuses[0]
    assert '"status": "rejected"' in statuses[1] and "Excel" in statuses[1]


@pytest.mark.parametrize(
    "header",
    [
        "Seberapa sering? [Saya siap bekerja ketika jam kerja dimulai.]",
        "Seberapa sering?  [ saya siap bekerja ketika jam kerja dimulai ]",
        "Bagian [1] Disiplin [Saya siap bekerja, ketika jam kerja dimulai!]",
        "[1. Saya siap bekerja ketika jam kerja dimulai]",
        "Q3[SQ002]. Seberapa setuju Anda? [I am ready to work when working hours begin.]",
    ],
)
def test_a_grid_column_is_matched_by_its_row_text(header):
    plan = plan_columns(["NIP", header], BANK)
    assert plan.items == {1: "disiplin-01"}


def test_a_grid_title_alone_matches_nothing_and_is_shown_whole_enough_to_tell_apart(tmp_path):
    title = "Seberapa sering Anda melakukan hal-hal berikut dalam pekerjaan sehari-hari?"
    lines = [
        ",".join(
            [
                "NIP",
                "disiplin-01",
                f'"{title} [Saya menyiram tanaman kantor.]"',
                f'"{title} [Saya merapikan meja rekan.]"',
            ]
        ),  # fmt: skip
        "198609262015051001,4,Sering,Jarang",
    ]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH),
                 "-o", str(tmp_path / "o.csv"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if "not used" in line]
    assert "[Saya menyiram tanaman kantor.]" in warning
    assert "[Saya merapikan meja rekan.]" in warning


@pytest.mark.parametrize(
    ("name", "id_column"), [("google-forms.csv", "NIP"), ("kobotoolbox.csv", "profil/nip")]
)
def test_the_docs_exports_with_a_column_per_question_are_scored(tmp_path, name, id_column):
    out = tmp_path / "hasil.csv"
    result = run("batch", str(EXAMPLES / name), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "not used" not in result.stderr
    assert counts(result.stderr) == (6, 6, 0, 0, 0)
    rows = read_csv(out)
    assert [row["respondent_id"] for row in rows] == [p[1] for p in batch_examples.PEOPLE]
    for row, answers in zip(rows, batch_examples.ANSWERS, strict=True):
        assert parsed_cells(row) == expected(answers)


# --- LimeSurvey: an array question -------------------------------------------------------------


def test_the_docs_limesurvey_array_export_is_scored_with_its_mapping(tmp_path):
    out = tmp_path / "hasil.csv"
    result = run("batch", str(EXAMPLES / "limesurvey-array.csv"), "--bank", str(CONTOH),
                 "--mapping", str(EXAMPLES / "limesurvey-array-mapping.toml"),
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (6, 6, 0, 0, 0)
    rows = read_csv(out)
    assert [row["respondent_id"] for row in rows] == [p[1] for p in batch_examples.PEOPLE]
    for row, answers in zip(rows, batch_examples.ANSWERS, strict=True):
        assert parsed_cells(row) == expected(answers)


def test_limesurvey_array_columns_coded_with_the_items_codes_need_no_mapping(tmp_path):
    """Sub-questions given the codes of a form made by `asn-assess form export`."""
    plan = plan_columns(
        ["id", "submitdate", "SIKAP[disiplin01]", "SIKAP[disiplin02]", "SIKAP[SQ003]"], BUNDLED
    )
    assert list(plan.items.values()) == ["disiplin-01", "disiplin-02"]
    assert plan.unused == ("SIKAP[SQ003]",)


# --- Microsoft Forms: the Excel download -------------------------------------------------------


def test_the_docs_microsoft_forms_download_is_a_known_layout(tmp_path):
    """ID, Start time, Completion time, Email and Name are recognised; the Likert
    statements are matched by their titles; Citra's second submission, by its
    completion time, is the one scored; the answering time is measured."""
    out = tmp_path / "hasil.csv"
    result = run("batch", str(EXAMPLES / "microsoft-forms.xlsx"), "--bank", str(CONTOH),
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "not used" not in result.stderr
    assert counts(result.stderr) == (7, 6, 0, 0, 1)
    assert "'Completion time'" in result.stderr
    rows = read_csv(out)
    assert [row["row"] for row in rows] == ["2", "3", "5", "6", "7", "8"]  # row 4 set aside
    order = [0, 1, 3, 4, 5, 2]  # Citra's latest submission is the last row
    assert [row["respondent_id"] for row in rows] == [batch_examples.PEOPLE[n][1] for n in order]
    for row, person in zip(rows, order, strict=True):
        assert parsed_cells(row) == expected(batch_examples.ANSWERS[person])
    assert all(row["quality.fast-answers"] != "" for row in rows)  # the times were read


def test_microsoft_forms_anonymous_names_identify_no_one(tmp_path):
    """A form that does not collect names writes "Anonymous": those rows are not one
    person submitting six times."""
    book = openpyxl.Workbook()
    sheet = book.active
    items = [item.text["en"] for item in batch_examples.SCALE_ITEMS]
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", *items])
    when = dt.datetime(2024, 5, 6, 8, 0)
    for number in range(1, 7):
        sheet.append([number, when, when + dt.timedelta(minutes=5), "anonymous", "Anonymous",
                      *["Agree"] * len(items)])  # fmt: skip
    book.save(tmp_path / "forms.xlsx")
    out = tmp_path / "o.csv"
    result = run("batch", str(tmp_path / "forms.xlsx"), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (6, 6, 0, 0, 0)
    assert [row["respondent_id"] for row in read_csv(out)] == [f"row-{n}" for n in range(2, 8)]


# --- answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "n",
        "N",
        " n ",
        "NA",
        "na",
        "N/A",
        "n/a",
        "TB",
        "tb",
        "Tidak berlaku",
        "TIDAK BERLAKU",
        "Not applicable",
        "not applicable",
    ],  # fmt: skip
)
def test_every_spelling_of_not_applicable_is_read(tmp_path, spelling):
    items = [item.id for item in batch_examples.SCALE_ITEMS]
    lines = [",".join(["respondent_id", *items]), ",".join(["R1", f'"{spelling}"', *["4"] * 9])]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    (row,) = read_csv(out)
    assert (row["answered_items"], row["not_applicable_items"]) == ("9", "1")


def test_n_is_not_applicable_in_every_column_of_the_bundled_bank(tmp_path):
    """Bank 2.1.0's agreement scale has no "N" for Netral, so "n" means not applicable
    in its agreement columns too, as the key does in `start`."""
    agreement = next(i for i in BUNDLED.items.values() if i.scale == "setuju" and not i.roles)
    frequency = next(i for i in BUNDLED.items.values() if i.scale == "frekuensi" and not i.roles)
    lines = [f"respondent_id,{frequency.id},{agreement.id}", "R1,n,N", "R2,4,Netral"]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    first, second = read_csv(out)
    assert (first["answered_items"], first["not_applicable_items"]) == ("0", "2")
    assert (second["answered_items"], second["not_applicable_items"]) == ("2", "0")
    assert "'n' is read as" not in result.stderr


def test_n_on_a_scale_that_abbreviates_a_point_with_n_is_that_point_and_said(tmp_path):
    """Bank 2.0.0's agreement scale writes Netral as N: there 'n' stays Netral;
    a run that also reads 'n' as not applicable elsewhere says so."""
    older = resolve_bank("asn-profesional@2.0.0")
    agreement = next(i for i in older.items.values() if i.scale == "setuju" and not i.roles)
    frequency = next(i for i in older.items.values() if i.scale == "frekuensi" and not i.roles)
    lines = [f"respondent_id,{frequency.id},{agreement.id}", "R1,n,n", "R2,4,N"]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    result = run(
        "batch", str(tmp_path / "in.csv"), "--bank", "asn-profesional@2.0.0", "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    first, second = read_csv(out)
    assert (first["answered_items"], first["not_applicable_items"]) == ("1", "1")
    assert (second["answered_items"], second["not_applicable_items"]) == ("2", "0")
    (warning,) = [line for line in result.stderr.splitlines() if "'n' is read as" in line]
    assert repr(agreement.id) in warning and "write NA" in warning


def test_what_a_column_accepts_is_said_once_per_column(tmp_path):
    items = [item.id for item in batch_examples.SCALE_ITEMS]
    lines = [",".join(["respondent_id", *items])]
    lines += [",".join([f"R{n}", "Sangat", "Kadang", *["4"] * 8]) for n in range(30)]
    lines.append(",".join(["R99", *["4"] * 10]))
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH),
                 "-o", str(tmp_path / "o.csv"), "--errors", str(tmp_path / "e.jsonl"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (31, 1, 0, 30, 0)
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 2
    assert "column 'disiplin-01' (disiplin-01) accepts 1, 2, 3, 4, 5 or " in notes[0]
    assert "Strongly disagree/Disagree/Neutral/Agree/Strongly agree" in notes[0]
    assert "for not applicable: n, NA, N/A, TB, Tidak berlaku, Not applicable" in notes[0]
    assert "'disiplin-02'" in notes[1]


def test_the_situational_column_lists_its_option_letters(tmp_path):
    item = batch_examples.SITUATIONAL
    (tmp_path / "in.csv").write_text(f"respondent_id,{item.id},disiplin-01\nR1,f,4\nR2,b,4\n")
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH),
                 "-o", str(tmp_path / "o.csv"))  # fmt: skip
    assert "accepts the option letter a, b, c, d, e" in result.stderr


def test_a_run_that_scores_no_row_fails_without_strict(tmp_path):
    (tmp_path / "in.csv").write_text("respondent_id,disiplin-01\nR1,9\nR2,x\n")
    out = tmp_path / "o.csv"
    result = run("batch", str(tmp_path / "in.csv"), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 1
    assert "error: no row was scored: all 2 rows read were rejected" in result.stderr
    assert result.stderr.splitlines()[-1] == "read 2, scored 0 (incomplete 0), rejected 2"
    (tmp_path / "empty.csv").write_text("respondent_id,disiplin-01\n")
    empty = run("batch", str(tmp_path / "empty.csv"), "--bank", str(CONTOH), "-o", str(out))
    assert empty.exit_code == 0, empty.stderr  # nothing to score is no failure


# --- ids that Excel mangled --------------------------------------------------------------------


def nip_table(path: Path, nips: list[str], header: str = "NIP") -> Path:
    items = [item.id for item in batch_examples.SCALE_ITEMS]
    rows = [[header, *items], *[[nip, *["4"] * 10] for nip in nips]]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def test_nips_in_scientific_notation_or_without_their_last_digits_are_rejected(tmp_path):
    source = nip_table(tmp_path / "in.csv", ["1.97802E+17", "198609262015051000",
                                             "1,98609E+17", "198609262015051001"])  # fmt: skip
    errors = tmp_path / "e.jsonl"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"),
                 "--errors", str(errors))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (4, 1, 0, 3, 0)
    reasons = [line for line in errors.read_text().splitlines()]
    assert "scientific notation: Excel turned the id into a number" in reasons[0]
    assert "Format the column as Text in Excel" in reasons[0]
    assert "ends in 000, which no NIP does: Excel keeps only 15 digits" in reasons[1]
    assert "scientific notation" in reasons[2]


def test_a_nip_stored_as_a_number_in_a_workbook_is_rejected(tmp_path):
    book = openpyxl.Workbook()
    items = [item.id for item in batch_examples.SCALE_ITEMS]
    book.active.append(["NIP", *items])
    book.active.append([198609262015051001, *[4] * 10])  # Excel's General cell: a float
    book.active.append(["198701012010012002", *[4] * 10])
    book.save(tmp_path / "in.xlsx")
    result = run("batch", str(tmp_path / "in.xlsx"), "--bank", str(CONTOH),
                 "-o", str(tmp_path / "o.csv"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (2, 1, 0, 1, 0)
    assert "row 2 (1.98609262015051e+17)" in result.stderr and "Excel" in result.stderr


def test_an_ni_pppk_ending_in_000_is_not_held_to_the_nip_layout(tmp_path):
    source = nip_table(tmp_path / "in.csv", ["202301012023210000"], header="NI PPPK")
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (1, 1, 0, 0, 0)


def test_ids_that_lost_their_leading_zeros_are_warned_about(tmp_path):
    source = nip_table(tmp_path / "in.csv", ["00123", "00124", "125", "00126"], header="Kode")
    result = run("batch", str(source), "--bank", str(CONTOH), "--id-column", "Kode",
                 "-o", str(tmp_path / "o.csv"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if "leading zeros" in line]
    assert "1 id(s) in column 'Kode' are shorter than the 5-digit ids that start with 0" in warning
