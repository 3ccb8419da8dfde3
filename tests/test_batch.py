"""`asn-assess batch`: inputs, matching, error records, exit codes, pseudonyms, summaries.

Driven through Typer's runner: results go to files (-o), messages to stderr. Survey
exports that are easier to read as files than as strings live in tests/data/batch/;
files whose bytes matter (BOM, CRLF, tabs) are built here.

The scores themselves are compared with ``scoring.score``; that batch equals it on
random data is tests/test_batch_equivalence.py's job.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import random
import re
import statistics
from pathlib import Path
from typing import Any, Optional

import pytest
from typer.testing import CliRunner

from asn_assess.analysis.quality import with_quality
from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.models import Bank
from asn_assess.core.scoring import score
from conftest import SMALL_BANK_TOML, expected_cells, parsed_cells

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})  # messages checked in English
DATA = Path(__file__).parent / "data" / "batch"
V1 = "asn-profesional@1.0.0"  # the survey exports below were made for version 1.0.0

# The answers held by every survey export in tests/data/batch/ (google-forms-id.csv,
# google-forms-en.csv, kobo.csv, limesurvey.csv), in the bank's values. Respondent 4
# skipped disiplin-01.
FORM_ANSWERS: list[dict[str, Any]] = [
    {
        "disiplin-01": 5,
        "disiplin-02": 5,
        "disiplin-03": 4,
        "disiplin-04": 1,
        "disiplin-05": 4,
        "kerja-tuntas-s1": "a",
    },
    {
        "disiplin-01": 3,
        "disiplin-02": 5,
        "disiplin-03": 2,
        "disiplin-04": 3,
        "disiplin-05": 3,
        "kerja-tuntas-s1": "b",
    },
    {
        "disiplin-01": 1,
        "disiplin-02": 3,
        "disiplin-03": 5,
        "disiplin-04": 4,
        "disiplin-05": 1,
        "kerja-tuntas-s1": "c",
    },
    {
        "disiplin-02": 2,
        "disiplin-03": 5,
        "disiplin-04": 2,
        "disiplin-05": 3,
        "kerja-tuntas-s1": "e",
    },
]
FORM_EMAILS = ["budi@contoh.go.id", "ani@contoh.go.id", "citra@contoh.go.id", "dedi@contoh.go.id"]
COUNTS = re.compile(r"read \d+, scored \d+ \(incomplete \d+\), rejected \d+")


# --- helpers ---------------------------------------------------------------------------------


def run(*args: str, input: Optional[str] = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def counts_line(stderr: str) -> str:
    found = [line for line in stderr.splitlines() if COUNTS.fullmatch(line)]
    assert len(found) == 1, f"expected one counts line in:\n{stderr}"
    return found[0]


def write_csv(path: Path, rows: list[list[Any]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def read_jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def sheet(bank: Bank, answers: dict[str, Any]) -> AnswerSheet:
    return AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers)


def assert_scores(row: dict[str, str], bank: Bank, answers: dict[str, Any]) -> None:
    assert parsed_cells(row) == expected_cells(score(bank, sheet(bank, answers)))


def numeric_table(path: Path, bank: Bank, people: list[dict[str, Any]], ids: list[str]) -> Path:
    """The plain table `template batch` describes, holding ``people``'s answers."""
    rows: list[list[Any]] = [["respondent_id", *bank.items]]
    for respondent, answers in zip(ids, people, strict=False):
        rows.append([respondent, *[answers.get(item_id, "") for item_id in bank.items]])
    return write_csv(path, rows)


def random_answers(bank: Bank, rng: random.Random) -> dict[str, Any]:
    """Every item answered, at random."""
    return {
        item_id: (
            rng.choice(item.options).id
            if item.is_situational
            else rng.choice(bank.scale_of(item).points).value
        )
        for item_id, item in bank.items.items()
    }


def pseudonym(key: bytes, identifier: str) -> str:
    return hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


# --- template batch -----------------------------------------------------------------------------


def test_template_header_is_respondent_id_unit_then_every_item_in_bank_order(bundled_bank):
    result = run("template", "batch")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(result.stdout.splitlines()))
    # The bundled bank declares roles, so the template has a role column.
    assert rows == [["respondent_id", "unit", "role", *bundled_bank.items]]
    assert rows[0][3:5] == ["disiplin-01", "disiplin-02"]
    assert rows[0][-1] == list(bundled_bank.items)[-1]


def test_template_follows_the_bank_given(tmp_path, small_bank):
    (tmp_path / "small.toml").write_text(SMALL_BANK_TOML, encoding="utf-8")
    result = run(
        "template", "batch", "--bank", str(tmp_path / "small.toml"), "-o", str(tmp_path / "t.csv")
    )
    assert result.exit_code == 0, result.stderr
    header = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert header == [",".join(["respondent_id", "unit", *small_bank.items])]


def test_template_output_refuses_to_overwrite_without_force(tmp_path, bundled_bank):
    target = tmp_path / "blank.csv"
    target.write_text("mine, keep me\n", encoding="utf-8")
    refused = run("template", "batch", "-o", str(target))
    assert refused.exit_code == 2  # the one output policy: a usage error
    assert str(target) in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine, keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["blank.csv"]  # no temporary left

    forced = run("template", "batch", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert next(csv.reader(target.open(encoding="utf-8"))) == [
        "respondent_id",
        "unit",
        "role",
        *bundled_bank.items,
    ]


def test_a_file_named_template_is_scored_and_without_one_the_word_points_to_the_command(
    tmp_path, bundled_bank, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    hint = run("batch", "template")
    assert hint.exit_code == 2
    assert "asn-assess template batch" in hint.stderr
    assert run("template", "batch", "-o", "blank.csv").exit_code == 0
    header = next(csv.reader((tmp_path / "blank.csv").open(encoding="utf-8")))
    answers = random_answers(bundled_bank, random.Random(3))
    write_csv(
        tmp_path / "template", [header, ["R-9", "Dinas B", "", *[answers[i] for i in header[3:]]]]
    )
    scored = run("batch", "template", "-o", "out.csv")
    assert scored.exit_code == 0, scored.stderr
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["respondent_id"] == "R-9"


def test_template_options_of_multirater_only_are_refused_for_batch():
    refused = run("template", "batch", "--as", "rekan")
    assert refused.exit_code == 2 and "template multirater" in refused.stderr
    assert run("template", "forms").exit_code == 2


def test_filled_template_is_scored_and_its_respondent_id_column_used(tmp_path, bundled_bank):
    """docs/batch.md: the id is `--id-column NAME`, else `respondent_id`."""
    template = tmp_path / "t.csv"
    assert run("template", "batch", "-o", str(template)).exit_code == 0
    header = next(csv.reader(template.open(encoding="utf-8")))
    answers = random_answers(bundled_bank, random.Random(7))
    write_csv(template, [header, ["R-01", "Dinas A", "", *[answers[i] for i in header[3:]]]])
    result = run("batch", str(template), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr  # unit is a known profile column
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["respondent_id"] == "R-01"
    assert_scores(row, bundled_bank, answers)


# --- survey exports ------------------------------------------------------------------------------


@pytest.mark.parametrize("export", ["google-forms-id.csv", "google-forms-en.csv"])
def test_google_forms_export_scores_like_the_numeric_table(tmp_path, bank_v1, export):
    """Question texts as headers (other case, punctuation, spaces), answers as labels,
    abbreviations and option texts; Timestamp and Email Address are known columns."""
    form = run(
        "batch",
        "--bank",
        V1,
        str(DATA / export),
        "--id-column",
        "Email Address",
        "-o",
        str(tmp_path / "form.csv"),
    )
    numeric = run(
        "batch",
        "--bank",
        V1,
        str(numeric_table(tmp_path / "n.csv", bank_v1, FORM_ANSWERS, FORM_EMAILS)),
        "-o",
        str(tmp_path / "numeric.csv"),
    )
    for result in (form, numeric):
        assert result.exit_code == 0, result.stderr
        assert counts_line(result.stderr) == "read 4, scored 4 (incomplete 4), rejected 0"
    assert "not used" not in form.stderr, form.stderr  # every column recognised
    form_rows, numeric_rows = read_csv(tmp_path / "form.csv"), read_csv(tmp_path / "numeric.csv")
    assert [r["respondent_id"] for r in form_rows] == FORM_EMAILS
    assert [r["row"] for r in form_rows] == ["1", "2", "3", "4"]
    assert [parsed_cells(r) for r in form_rows] == [parsed_cells(r) for r in numeric_rows]
    for row, answers in zip(form_rows, FORM_ANSWERS, strict=False):
        assert_scores(row, bank_v1, answers)
    assert [int(r["answered_items"]) for r in form_rows] == [6, 6, 6, 5]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_question_text_of_the_bank_is_matched_however_the_form_wrote_it(
    tmp_path, bundled_bank, language
):
    """All 89 questions as a form would title them: scale items by their text,
    situational items by their scenario, with case, punctuation and spaces changed."""
    variants = [
        str.upper,
        str.lower,
        lambda t: t.rstrip(".?!"),
        lambda t: "  " + t.replace(" ", "   ") + " ",
        lambda t: t.replace(", ", " - ").replace("'", "’"),
        lambda t: t.replace(",", "").replace(".", "!"),
    ]
    headers = []
    for index, item in enumerate(bundled_bank.items.values()):
        text = item.scenario[language] if item.is_situational else item.text[language]
        headers.append(variants[index % len(variants)](text))
    answers = random_answers(bundled_bank, random.Random(language))
    write_csv(
        tmp_path / "form.csv", [["Timestamp", *headers], ["2024/05/02 9:15:31", *answers.values()]]
    )
    result = run("batch", str(tmp_path / "form.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert "not used" not in result.stderr, result.stderr
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["answered_items"] == str(bundled_bank.item_count)
    assert_scores(row, bundled_bank, answers)


def test_kobo_group_paths_with_semicolons(tmp_path, bank_v1):
    """`group_diri/disiplin-01` headers, `;` between fields, Kobo's own metadata columns."""
    result = run("batch", "--bank", V1, str(DATA / "kobo.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 4, scored 4 (incomplete 4), rejected 0"
    assert "not used" not in result.stderr, result.stderr  # start, end, _uuid ... are metadata
    rows = read_csv(tmp_path / "out.csv")
    assert len(rows) == 4
    for row, answers in zip(rows, FORM_ANSWERS, strict=False):
        assert_scores(row, bank_v1, answers)


def test_limesurvey_codes_through_a_mapping_file(tmp_path, bank_v1):
    result = run(
        "batch",
        "--bank",
        V1,
        str(DATA / "limesurvey.csv"),
        "--mapping",
        str(DATA / "limesurvey-mapping.toml"),
        "--id-column",
        "id",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 4, scored 4 (incomplete 4), rejected 0"
    assert "not used" not in result.stderr, result.stderr
    rows = read_csv(tmp_path / "out.csv")
    assert [r["respondent_id"] for r in rows] == ["1", "2", "3", "4"]
    for row, answers in zip(rows, FORM_ANSWERS, strict=False):
        assert_scores(row, bank_v1, answers)


def test_limesurvey_codes_without_the_mapping_are_not_scored(tmp_path):
    result = run(
        "batch", "--bank", V1, str(DATA / "limesurvey.csv"), "-o", str(tmp_path / "out.csv")
    )
    assert result.exit_code == 1
    assert "no column matches an item" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_bom_semicolons_crlf_and_a_quoted_line_break(tmp_path, bank_v1):
    text = (
        "respondent_id;Unit kerja;disiplin-01;Saya menepati tenggat yang saya janjikan kepada "
        "rekan kerja atau atasan.;catatan\r\n"
        'R1;Dinas A;5;Setuju;"baris satu\r\nbaris dua; masih catatan"\r\n'
        "R2;Dinas B;SL;sangat setuju;\r\n"
    )
    (tmp_path / "in.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run(
        "batch",
        "--bank",
        V1,
        str(tmp_path / "in.csv"),
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 2, scored 2 (incomplete 2), rejected 0"
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["row"], r["respondent_id"]) for r in rows] == [("1", "R1"), ("2", "R2")]
    assert_scores(rows[0], bank_v1, {"disiplin-01": 5, "disiplin-02": 4})
    assert_scores(rows[1], bank_v1, {"disiplin-01": 5, "disiplin-02": 5})
    assert "'catatan'" in result.stderr  # a free-text column is reported, not silently ignored


def test_tab_separated_with_commas_inside_question_texts(tmp_path, bank_v1):
    disiplin_04 = bank_v1.items["disiplin-04"].text["id"]  # holds a comma
    assert "," in disiplin_04
    write_csv(
        tmp_path / "in.tsv",
        [
            ["respondent_id", "disiplin-01", disiplin_04, "disiplin-05"],
            ["R1", "Sering", "Jarang", "Ragu-ragu"],
            ["R2", "1", " TP ", "N"],
        ],
        delimiter="\t",
    )
    result = run(
        "batch",
        "--bank",
        V1,
        str(tmp_path / "in.tsv"),
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.exit_code == 0, result.stderr
    rows = read_csv(tmp_path / "out.csv")
    assert [r["respondent_id"] for r in rows] == ["R1", "R2"]
    assert_scores(rows[0], bank_v1, {"disiplin-01": 4, "disiplin-04": 2, "disiplin-05": 3})
    assert_scores(rows[1], bank_v1, {"disiplin-01": 1, "disiplin-04": 1, "disiplin-05": 3})


def test_semicolon_file_whose_question_headers_hold_commas(tmp_path, bank_v1):
    """Excel with an Indonesian locale saves `;` files and quotes only fields holding `;`:
    a question text with a comma stays unquoted in the header."""
    with_commas = [
        i for i in bank_v1.items.values() if not i.is_situational and "," in i.text["id"]
    ][:3]
    assert len(with_commas) == 3
    lines = [
        ";".join(["Nama", *[i.text["id"] for i in with_commas]]),
        ";".join(["Budi", "5", "4", "3"]),
    ]
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", "--bank", V1, str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    (row,) = read_csv(tmp_path / "out.csv")
    assert_scores(row, bank_v1, dict(zip([i.id for i in with_commas], [5, 4, 3], strict=False)))


def test_unmatched_question_column_is_named_in_a_warning(tmp_path, bundled_bank):
    write_csv(
        tmp_path / "in.csv",
        [
            ["Timestamp", "respondent_id", "disiplin-01", "Saya selalu minum kopi pagi?", "Saran"],
            ["2024/05/02 9:15:31", "R1", "5", "Setuju", "lebih banyak pelatihan"],
        ],
    )
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "not used" in line]
    assert len(warnings) == 1, result.stderr
    assert "Saya selalu minum kopi pagi?" in warnings[0] and "Saran" in warnings[0]
    assert "2 column(s)" in warnings[0]
    assert "Timestamp" not in warnings[0] and "respondent_id" not in warnings[0]
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["answered_items"] == "1"  # the unmatched column was not taken as an answer


# --- rejected rows ------------------------------------------------------------------------------------


def bad_values_table(path: Path) -> Path:
    return write_csv(
        path,
        [
            ["respondent_id", "disiplin-01", "disiplin-02", "disiplin-03"],
            ["R1", "5", "4", "3"],
            ["R2", "7", "Setuju sekali", "3"],
            ["R3", "", "", ""],
            ["R4", "4", "4", "4"],
        ],
    )


def test_bad_values_give_one_error_record_naming_row_respondent_and_every_bad_item(
    tmp_path, bank_v1
):
    source = bad_values_table(tmp_path / "in.csv")
    result = run(
        "batch",
        "--bank",
        V1,
        str(source),
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 4, scored 2 (incomplete 2), rejected 2"
    assert "rejected:" not in result.stderr  # they went to the errors file
    records = read_jsonl(tmp_path / "errors.jsonl")
    keys = {"source", "row", "line", "respondent_id", "status", "reasons"}
    assert [set(r) for r in records] == [keys] * 2
    assert {r["status"] for r in records} == {"rejected"}
    bad, empty = records
    assert (bad["source"], bad["row"], bad["respondent_id"]) == (str(source), 2, "R2")
    assert len(bad["reasons"]) == 2
    assert "disiplin-01" in bad["reasons"][0] and "'7'" in bad["reasons"][0]
    assert "disiplin-02" in bad["reasons"][1] and "Setuju sekali" in bad["reasons"][1]
    assert (empty["row"], empty["respondent_id"]) == (3, "R3")
    assert "no answers" in empty["reasons"][0]
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["row"], r["respondent_id"]) for r in rows] == [("1", "R1"), ("4", "R4")]
    assert_scores(rows[1], bank_v1, {"disiplin-01": 4, "disiplin-02": 4, "disiplin-03": 4})


def test_without_errors_file_rejected_rows_are_shown_on_stderr(tmp_path):
    source = bad_values_table(tmp_path / "in.csv")
    result = run(
        "batch", str(source), "--id-column", "respondent_id", "-o", str(tmp_path / "out.csv")
    )
    assert result.exit_code == 0
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(rejected) == 2, result.stderr
    assert rejected[0].startswith(f"rejected: {source}: row 2 (R2): ")
    assert (
        "disiplin-01" in rejected[0]
        and "disiplin-02" in rejected[0]
        and "disiplin-03" not in rejected[0]
    )
    assert rejected[1].startswith(f"rejected: {source}: row 3 (R3): no answers")


def malformed_table(path: Path) -> Path:
    path.write_text(
        "respondent_id,disiplin-01,disiplin-02\nR1,5,4\nR2,5\nR3,4,4,9\nR4,zz,3\nR5,3,3\n",
        encoding="utf-8",
    )
    return path


def test_row_with_a_wrong_number_of_fields_is_reported_with_its_row_number(tmp_path):
    source = malformed_table(tmp_path / "in.csv")
    result = run(
        "batch",
        str(source),
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 5, scored 2 (incomplete 2), rejected 3"
    records = read_jsonl(tmp_path / "errors.jsonl")
    malformed = {r["row"]: r for r in records if "fields" in r["reasons"][0]}
    assert sorted(malformed) == [2, 3]
    assert "has 2 fields, the header has 3" in malformed[2]["reasons"][0]
    assert "has 4 fields, the header has 3" in malformed[3]["reasons"][0]
    assert [r["respondent_id"] for r in read_csv(tmp_path / "out.csv")] == ["R1", "R5"]


def test_rows_after_a_malformed_row_keep_their_numbers(tmp_path):
    source = malformed_table(tmp_path / "in.csv")
    result = run(
        "batch",
        str(source),
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    bad_value = [r for r in read_jsonl(tmp_path / "errors.jsonl") if r["respondent_id"] == "R4"]
    assert [r["row"] for r in bad_value] == [4]  # R4 is the 4th data row
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["row"], r["respondent_id"]) for r in rows] == [("1", "R1"), ("5", "R5")]


def test_malformed_row_number_counts_records_not_lines(tmp_path):
    (tmp_path / "in.csv").write_text(
        'respondent_id,catatan,disiplin-01\nR1,"dua\nbaris",5\nR2,x,5,6\nR3,y,4\n', encoding="utf-8"
    )
    result = run(
        "batch",
        str(tmp_path / "in.csv"),
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    (record,) = read_jsonl(tmp_path / "errors.jsonl")
    assert record["row"] == 2  # R2 is the 2nd data row, though it starts on line 4
    assert [r["row"] for r in read_csv(tmp_path / "out.csv")] == ["1", "3"]


@pytest.mark.parametrize("strict", [False, True])
def test_rejected_rows_exit_0_with_a_warning_or_1_with_strict(tmp_path, strict):
    source = bad_values_table(tmp_path / "in.csv")
    args = ["batch", str(source), "--id-column", "respondent_id", "-o", str(tmp_path / "out.csv")]
    result = run(*args, *(["--strict"] if strict else []))
    assert counts_line(result.stderr) == "read 4, scored 2 (incomplete 2), rejected 2"
    if strict:
        assert result.exit_code == 1
    else:
        assert result.exit_code == 0
        assert "warning: 2 row(s) rejected" in result.stderr


def test_clean_run_ends_with_the_counts_line_and_no_warning(tmp_path, bundled_bank):
    rng = random.Random(4)
    people = [random_answers(bundled_bank, rng) for _ in range(4)]
    source = numeric_table(tmp_path / "in.csv", bundled_bank, people, ["A", "B", "C", "D"])
    result = run("batch", str(source), "--strict", "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "read 4, scored 4 (incomplete 0), rejected 0"
    assert "warning" not in result.stderr
    assert result.stdout == ""  # results went to the file


# --- answer sheets --------------------------------------------------------------------------------


def sheet_line(bank: Bank, answers: dict[str, Any], **extra: Any) -> str:
    document = {"bank_id": bank.id, "bank_version": bank.version, "answers": answers, **extra}
    return json.dumps(document, ensure_ascii=False)


def test_jsonl_invalid_lines_are_rejected_with_line_number_and_reason(tmp_path, bank_v1):
    good = {"disiplin-01": 5, "disiplin-02": 4, "kerja-tuntas-s1": "b"}
    lines = [
        sheet_line(bank_v1, good, respondent={"name": "Satu"}),
        '{"bank_id": "asn-profesional", "bank_version": "1.0.0", "answers": {"disiplin-01": 5,',
        "",
        sheet_line(bank_v1, {"tidak-ada": 3, "disiplin-01": 4}, respondent={"name": "Tiga"}),
        json.dumps(
            {"bank_id": "bank-lain", "bank_version": "1.0.0", "answers": {"disiplin-01": 4}}
        ),
        sheet_line(bank_v1, {"disiplin-03": 2}, respondent={"name": "Lima"}),
    ]
    source = tmp_path / "sheets.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "batch",
        "--bank",
        V1,
        str(source),
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 5, scored 2 (incomplete 2), rejected 3"
    records = read_jsonl(tmp_path / "errors.jsonl")
    assert [(r["line"], r["row"]) for r in records] == [(2, 2), (4, 3), (5, 4)]
    assert all(r["source"] == str(source) for r in records)
    assert "invalid JSON" in " ".join(records[0]["reasons"])
    assert any("tidak-ada" in reason for reason in records[1]["reasons"])
    assert records[1]["respondent_id"] == "Tiga"
    assert any("bank-lain" in reason for reason in records[2]["reasons"])
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["row"], r["respondent_id"]) for r in rows] == [("1", "Satu"), ("5", "Lima")]
    assert_scores(rows[0], bank_v1, good)
    assert_scores(rows[1], bank_v1, {"disiplin-03": 2})


def test_json_array_of_answer_sheets(tmp_path, bank_v1):
    documents = [
        {
            "bank_id": bank_v1.id,
            "bank_version": bank_v1.version,
            "respondent": {"name": "Satu"},
            "answers": FORM_ANSWERS[0],
        },
        {
            "bank_id": bank_v1.id,
            "bank_version": bank_v1.version,
            "respondent": {"name": "Dua"},
            "answers": {"disiplin-01": 6},
        },
        {
            "bank_id": bank_v1.id,
            "bank_version": bank_v1.version,
            "respondent": {"name": "Tiga"},
            "answers": FORM_ANSWERS[3],
        },
    ]
    source = tmp_path / "sheets.json"
    source.write_text(json.dumps(documents, indent=2), encoding="utf-8")
    result = run(
        "batch",
        "--bank",
        V1,
        str(source),
        "--format",
        "jsonl",
        "-o",
        str(tmp_path / "out.jsonl"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 3, scored 2 (incomplete 2), rejected 1"
    (record,) = read_jsonl(tmp_path / "errors.jsonl")
    assert (record["row"], record["respondent_id"]) == (2, "Dua")
    assert "answers.disiplin-01" in record["reasons"][0]
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(o["row"], o["respondent_id"]) for o in out] == [(1, "Satu"), (3, "Tiga")]
    for line, document in zip(out, [documents[0], documents[2]], strict=False):
        expected = with_quality(bank_v1, score(bank_v1, AnswerSheet.model_validate(document)))
        assert line["result"] == json.loads(expected.model_dump_json())


# --- pseudonyms ----------------------------------------------------------------------------------------

PEOPLE = [
    # name, NIP, e-mail, unit, answers to disiplin-01..05
    (
        "Budi Santoso",
        "198609262015051001",
        "budi.santoso@contoh.go.id",
        "Dinas A",
        ["5", "4", "3", "2", "1"],
    ),
    (
        "Ani Lestari",
        "199001012018012002",
        "ani.lestari@contoh.go.id",
        "Dinas A",
        ["4", "4", "4", "4", "4"],
    ),
    (
        "Citra Dewi",
        "198512312010122003",
        "citra.dewi@contoh.go.id",
        "Dinas B",
        ["zz", "4", "4", "4", "4"],
    ),
]
IDENTIFIERS = [value for person in PEOPLE for value in person[:3]]
KEY = "5f4dcc3b5aa765d61d8327deb882cf99\n"


def profile_table(path: Path) -> Path:
    rows: list[list[Any]] = [
        [
            "Nama",
            "NIP",
            "Email Address",
            "Unit kerja",
            "disiplin-01",
            "disiplin-02",
            "disiplin-03",
            "disiplin-04",
            "disiplin-05",
        ]
    ]
    rows += [[name, nip, email, unit, *answers] for name, nip, email, unit, answers in PEOPLE]
    return write_csv(path, rows)


def run_pseudonymized(tmp_path: Path, key_text: str, name: str, *extra: str):
    (tmp_path / f"{name}.key").write_text(key_text, encoding="utf-8")
    outputs = {
        "out": tmp_path / f"{name}-out.csv",
        "errors": tmp_path / f"{name}-errors.jsonl",
        "summary": tmp_path / f"{name}-summary.csv",
    }
    result = run(
        "batch",
        str(profile_table(tmp_path / "people.csv")),
        "--pseudonymize",
        "--key-file",
        str(tmp_path / f"{name}.key"),
        "-o",
        str(outputs["out"]),
        "--errors",
        str(outputs["errors"]),
        "--summary-by",
        "Unit kerja",
        "--summary-output",
        str(outputs["summary"]),
        "--min-group",
        "1",
        *extra,
    )
    return result, outputs


def assert_no_identifier_in(texts: dict[str, str]) -> None:
    for where, text in texts.items():
        for identifier in IDENTIFIERS:
            assert identifier not in text, f"{identifier!r} appears in {where}"
        for nip in (p[1] for p in PEOPLE):
            assert nip[:8] not in text, f"digits of a NIP appear in {where}"


def test_pseudonymized_ids_are_keyed_hashes_and_no_identifier_reaches_any_file(tmp_path):
    result, outputs = run_pseudonymized(tmp_path, KEY, "first", "--id-column", "NIP")
    assert result.exit_code == 0, result.stderr
    assert counts_line(result.stderr) == "read 3, scored 2 (incomplete 2), rejected 1"
    key = KEY.strip().encode()
    rows = read_csv(outputs["out"])
    assert [r["respondent_id"] for r in rows] == [pseudonym(key, p[1]) for p in PEOPLE[:2]]
    assert all(re.fullmatch(r"[0-9a-f]{32}", r["respondent_id"]) for r in rows)
    (record,) = read_jsonl(outputs["errors"])
    assert record["respondent_id"] == pseudonym(key, PEOPLE[2][1])
    assert_no_identifier_in(
        {name: path.read_text(encoding="utf-8") for name, path in outputs.items()}
        | {"stderr": result.stderr, "stdout": result.stdout}
    )


def test_pseudonyms_are_stable_for_one_key_and_differ_for_another(tmp_path):
    first, first_files = run_pseudonymized(tmp_path, KEY, "first", "--id-column", "NIP")
    again, again_files = run_pseudonymized(tmp_path, KEY, "again", "--id-column", "NIP")
    other, other_files = run_pseudonymized(
        tmp_path, "another secret of 32 characters!", "other", "--id-column", "NIP"
    )
    assert first.exit_code == again.exit_code == other.exit_code == 0

    def ids(files):
        return [r["respondent_id"] for r in read_csv(files["out"])] + [
            r["respondent_id"] for r in read_jsonl(files["errors"])
        ]

    assert ids(first_files) == ids(again_files)
    assert first_files["out"].read_bytes() == again_files["out"].read_bytes()
    assert len(set(ids(first_files))) == 3
    assert not set(ids(first_files)) & set(ids(other_files))


def test_pseudonymized_without_id_column_hashes_the_nip_email_or_name(tmp_path):
    result, outputs = run_pseudonymized(tmp_path, KEY, "auto")
    assert result.exit_code == 0, result.stderr
    key = KEY.strip().encode()
    for row, person in zip(read_csv(outputs["out"]), PEOPLE, strict=False):
        assert row["respondent_id"] in {pseudonym(key, value) for value in person[:3]}
    assert_no_identifier_in(
        {name: path.read_text(encoding="utf-8") for name, path in outputs.items()}
        | {"stderr": result.stderr}
    )


def test_pseudonymized_jsonl_output_leaves_the_profile_out(tmp_path):
    result, outputs = run_pseudonymized(
        tmp_path, KEY, "jsonl", "--id-column", "NIP", "--format", "jsonl"
    )
    assert result.exit_code == 0, result.stderr
    lines = read_jsonl(outputs["out"])
    assert len(lines) == 2
    assert all(line["result"]["respondent"] is None for line in lines)
    assert_no_identifier_in(
        {name: path.read_text(encoding="utf-8") for name, path in outputs.items()}
    )


def test_pseudonymized_answer_sheets(tmp_path, bundled_bank):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    lines = [
        sheet_line(bundled_bank, {"disiplin-01": 5}, respondent={"name": n, "nip": nip, "unit": u})
        for n, nip, _, u, _ in PEOPLE[:2]
    ]
    lines.append(
        sheet_line(
            bundled_bank, {"disiplin-01": 9}, respondent={"name": PEOPLE[2][0], "nip": PEOPLE[2][1]}
        )
    )
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for output_format in ("csv", "jsonl"):
        out = tmp_path / f"out.{output_format}"
        errors = tmp_path / f"errors-{output_format}.jsonl"
        result = run(
            "batch",
            str(tmp_path / "in.jsonl"),
            "--pseudonymize",
            "--key-file",
            str(tmp_path / "k"),
            "--format",
            output_format,
            "-o",
            str(out),
            "--errors",
            str(errors),
        )
        assert result.exit_code == 0, result.stderr
        assert counts_line(result.stderr) == "read 3, scored 2 (incomplete 2), rejected 1"
        assert read_jsonl(errors)[0]["respondent_id"] == pseudonym(
            KEY.strip().encode(), PEOPLE[2][1]
        )
        assert_no_identifier_in(
            {
                "output": out.read_text(encoding="utf-8"),
                "errors": errors.read_text(encoding="utf-8"),
            }
        )


def test_pseudonymized_error_record_of_an_invalid_nip_holds_none_of_its_digits(
    tmp_path, bundled_bank
):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    nip = "19861399 201505 1 001"  # month 13: not a birth date
    (tmp_path / "in.jsonl").write_text(
        sheet_line(
            bundled_bank, {"disiplin-01": 5}, respondent={"name": "Eko Prasetyo", "nip": nip}
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(
        "batch",
        str(tmp_path / "in.jsonl"),
        "--pseudonymize",
        "--key-file",
        str(tmp_path / "k"),
        "-o",
        str(tmp_path / "out.csv"),
        "--errors",
        str(tmp_path / "errors.jsonl"),
    )
    assert result.exit_code == 1, result.stderr  # its only row rejected: nothing scored
    errors = (tmp_path / "errors.jsonl").read_text(encoding="utf-8")
    assert "respondent.nip" in errors  # the row is rejected and says why
    assert "19861399" not in errors and "Eko Prasetyo" not in errors


def test_pseudonymized_summary_never_names_people(tmp_path):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    result = run(
        "batch",
        str(profile_table(tmp_path / "people.csv")),
        "--pseudonymize",
        "--key-file",
        str(tmp_path / "k"),
        "-o",
        str(tmp_path / "out.csv"),
        "--summary-by",
        "Email Address",
        "--summary-output",
        str(tmp_path / "summary.csv"),
        "--min-group",
        "1",
    )
    assert result.exit_code in (0, 1, 2)  # refusing the request would be fine as well
    files = {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(tmp_path.iterdir())
        if p.name not in ("people.csv", "k")
    }
    assert "summary.csv" in files or result.exit_code != 0
    assert_no_identifier_in(files | {"stderr": result.stderr})


def test_pseudonymize_without_key_file_is_a_usage_error(tmp_path):
    result = run(
        "batch",
        str(profile_table(tmp_path / "people.csv")),
        "--pseudonymize",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.exit_code == 2
    assert "--key-file" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_key_file_too_short_is_refused(tmp_path):
    (tmp_path / "k").write_text("pendek\n", encoding="utf-8")
    result = run(
        "batch",
        str(profile_table(tmp_path / "people.csv")),
        "--pseudonymize",
        "--key-file",
        str(tmp_path / "k"),
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert result.exit_code == 1
    assert str(tmp_path / "k") in result.stderr and "16" in result.stderr
    assert not (tmp_path / "out.csv").exists()


# --- summary by group ------------------------------------------------------------------------------

UNITS = ["Dinas A"] * 6 + ["Dinas B"] * 5 + ["Dinas C"] * 2 + ["Dinas D"]


def unit_table(path: Path, bank: Bank) -> tuple[Path, dict[str, str]]:
    """14 respondents answering everything at random; returns the table and id -> unit."""
    rng = random.Random(2024)
    order = list(range(len(UNITS)))
    rng.shuffle(order)  # groups interleaved, as in a real export
    rows: list[list[Any]] = [["respondent_id", "unit", *bank.items]]
    unit_of = {}
    for number, index in enumerate(order, start=1):
        answers = random_answers(bank, rng)
        rows.append([f"R{number:02d}", UNITS[index], *answers.values()])
        unit_of[f"R{number:02d}"] = UNITS[index]
    return write_csv(path, rows), unit_of


def statistics_by_group(rows: list[dict[str, str]], bank: Bank) -> dict[str, Any]:
    """n, and mean, median, sd per pillar and overall, and band counts, of output rows."""
    described: dict[str, Any] = {"n": len(rows)}
    for metric in [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]:
        column = f"{metric}.score" if metric != "overall" else "overall_score"
        values = [float(r[column]) for r in rows if r[column] != ""]
        described[f"{metric}.mean"] = statistics.fmean(values)
        described[f"{metric}.median"] = statistics.median(values)
        described[f"{metric}.sd"] = statistics.stdev(values)
    for band in bank.bands:
        described[f"band.{band.id}"] = sum(r["overall_band"] == band.id for r in rows)
    return described


def summary_rows(path: Path) -> dict[str, dict[str, str]]:
    return {row["group"]: row for row in read_csv(path)}


def test_summary_by_unit_matches_statistics_of_the_scored_rows(tmp_path, bundled_bank):
    source, unit_of = unit_table(tmp_path / "in.csv", bundled_bank)
    result = run(
        "batch",
        str(source),
        "--summary-by",
        "unit",
        "--min-group",
        "3",
        "--id-column",
        "respondent_id",
        "-o",
        str(tmp_path / "out.csv"),
        "--summary-output",
        str(tmp_path / "summary.csv"),
    )
    assert result.exit_code == 0, result.stderr
    scored = read_csv(tmp_path / "out.csv")
    assert len(scored) == 14 and all(r["overall_score"] for r in scored)
    summary = summary_rows(tmp_path / "summary.csv")
    assert list(summary) == ["Dinas A", "Dinas B", "(other)", "(all)"]
    groups = {
        "Dinas A": [r for r in scored if unit_of[r["respondent_id"]] == "Dinas A"],
        "Dinas B": [r for r in scored if unit_of[r["respondent_id"]] == "Dinas B"],
        "(other)": [r for r in scored if unit_of[r["respondent_id"]] in ("Dinas C", "Dinas D")],
        "(all)": scored,
    }
    for group, rows in groups.items():
        expected = statistics_by_group(rows, bundled_bank)
        got = summary[group]
        for name, value in expected.items():
            assert got[name] != "", f"{group}: {name} is empty"
            if name.endswith(".sd"):  # the same sum of squares, computed another way
                assert float(got[name]) == pytest.approx(value, rel=1e-12), (group, name)
                continue
            assert (float(got[name]) if isinstance(value, float) else int(got[name])) == value, (
                group,
                name,
            )
        assert int(got["band.none"]) == 0
    # The group of one (Dinas D) and the group of two (Dinas C) never appear by name.
    text = (tmp_path / "summary.csv").read_text(encoding="utf-8")
    assert "Dinas D" not in text and "Dinas C" not in text
    assert "Dinas D" not in result.stderr and "Dinas C" not in result.stderr


def test_summary_with_the_default_min_group_shows_small_pools_by_count_only(tmp_path, bundled_bank):
    source, _ = unit_table(tmp_path / "in.csv", bundled_bank)
    result = run(
        "batch",
        str(source),
        "--summary-by",
        "unit",
        "-o",
        str(tmp_path / "out.csv"),
        "--summary-output",
        str(tmp_path / "summary.csv"),
    )
    assert result.exit_code == 0, result.stderr
    summary = summary_rows(tmp_path / "summary.csv")
    assert list(summary) == ["Dinas A", "Dinas B", "(other)", "(all)"]
    assert [summary[g]["n"] for g in summary] == ["6", "5", "3", "14"]
    assert summary["Dinas B"]["overall.mean"] != ""
    # (other) has 3 < 5 people, and (all) minus the named groups would reveal them:
    # both show counts only.
    for group in ("(other)", "(all)"):
        assert all(
            value == ""
            for name, value in summary[group].items()
            if name not in ("group", "n", "band.none") and not name.endswith(".n")
        ), group
        assert summary[group]["overall.n"] == summary[group]["n"]
    text = (tmp_path / "summary.csv").read_text(encoding="utf-8")
    assert "Dinas C" not in text and "Dinas D" not in text
    assert "Dinas D" not in result.stderr and "Dinas C" not in result.stderr
    assert "Dinas A" in result.stderr  # the summary is also shown on stderr


def test_summary_of_answer_sheets_uses_the_respondent_field(tmp_path, bank_v1):
    lines = [
        sheet_line(
            bank_v1,
            FORM_ANSWERS[i % 4],
            respondent={"unit": "Dinas A" if i < 5 else "Dinas Z"},
        )
        for i in range(6)
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "batch",
        "--bank",
        V1,
        str(tmp_path / "in.jsonl"),
        "--summary-by",
        "unit",
        "-o",
        str(tmp_path / "out.csv"),
        "--summary-output",
        str(tmp_path / "summary.csv"),
    )
    assert result.exit_code == 0, result.stderr
    summary = summary_rows(tmp_path / "summary.csv")
    assert [(g, summary[g]["n"]) for g in summary] == [
        ("Dinas A", "5"),
        ("(other)", "1"),
        ("(all)", "6"),
    ]
    assert "Dinas Z" not in (tmp_path / "summary.csv").read_text(encoding="utf-8")


# --- failures: atomic output, bad arguments ------------------------------------------------------------------


def test_mapping_naming_an_unknown_item_fails_and_leaves_no_output(tmp_path):
    (tmp_path / "map.toml").write_text('[columns]\n"Q001" = "tidak-ada"\n', encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run(
        "batch",
        str(DATA / "limesurvey.csv"),
        "--mapping",
        str(tmp_path / "map.toml"),
        "-o",
        str(out_dir / "hasil.csv"),
        "--errors",
        str(out_dir / "ditolak.jsonl"),
    )
    assert result.exit_code == 1
    assert "tidak-ada" in result.stderr
    assert list(out_dir.iterdir()) == []


def test_a_run_failing_midway_leaves_the_old_output_and_no_temporary_file(tmp_path, bundled_bank):
    """The first input is scored and written before the second turns out unusable: the
    output must still be all or nothing."""
    good = numeric_table(tmp_path / "good.csv", bundled_bank, FORM_ANSWERS, ["A", "B", "C", "D"])
    write_csv(tmp_path / "bad.csv", [["kolom", "lain"], ["1", "2"]])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "hasil.csv").write_text("old results\n", encoding="utf-8")
    result = run(
        "batch",
        str(good),
        str(tmp_path / "bad.csv"),
        "-o",
        str(out_dir / "hasil.csv"),
        "--errors",
        str(out_dir / "ditolak.jsonl"),
    )
    assert result.exit_code == 1
    assert "bad.csv" in result.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["hasil.csv"]
    assert (out_dir / "hasil.csv").read_text(encoding="utf-8") == "old results\n"


def test_unknown_id_column_is_an_error_naming_it(tmp_path, bundled_bank):
    source = numeric_table(tmp_path / "in.csv", bundled_bank, FORM_ANSWERS, ["A", "B", "C", "D"])
    result = run(
        "batch", str(source), "--id-column", "nomor_pegawai", "-o", str(tmp_path / "out.csv")
    )
    assert result.exit_code == 1
    assert "nomor_pegawai" in result.stderr and "--id-column" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_missing_input_file_is_an_error_naming_it(tmp_path, bundled_bank):
    good = numeric_table(tmp_path / "good.csv", bundled_bank, FORM_ANSWERS, ["A", "B", "C", "D"])
    missing = tmp_path / "tidak-ada.csv"
    result = run("batch", str(good), str(missing), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    assert f"error: {missing}: no such file" in result.stderr
    assert not (tmp_path / "out.csv").exists()
    assert not COUNTS.search(result.stderr)  # nothing was scored


def test_table_whose_headers_match_no_item_is_an_error(tmp_path):
    write_csv(
        tmp_path / "in.csv", [["Nama", "Pertanyaan satu", "Pertanyaan dua"], ["Budi", "5", "4"]]
    )
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1
    assert str(tmp_path / "in.csv") in error_lines[0]
    assert "no column matches an item of bank 'asn-profesional'" in error_lines[0]
    assert "--mapping" in error_lines[0]
    assert not (tmp_path / "out.csv").exists()


def test_an_item_in_two_columns_is_an_error_naming_both(tmp_path):
    write_csv(
        tmp_path / "in.csv",
        [["respondent_id", "disiplin-01", "grup/DISIPLIN-01"], ["R1", "5", "4"]],
    )
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    assert (
        "column 3" in result.stderr
        and "column 2" in result.stderr
        and "disiplin-01" in result.stderr
    )
    assert not (tmp_path / "out.csv").exists()


def test_unknown_output_format_is_a_usage_error(tmp_path, bundled_bank):
    source = numeric_table(tmp_path / "in.csv", bundled_bank, FORM_ANSWERS, ["A", "B", "C", "D"])
    result = run("batch", str(source), "--format", "ods", "-o", str(tmp_path / "out.ods"))
    assert result.exit_code == 2
    assert "ods" in result.stderr
    assert not (tmp_path / "out.ods").exists()


@pytest.mark.parametrize("strict", [False, True])
def test_the_counts_line_ends_the_run_even_with_rejected_rows(tmp_path, strict):
    source = bad_values_table(tmp_path / "in.csv")
    result = run(
        "batch", str(source), "-o", str(tmp_path / "out.csv"), *(["--strict"] if strict else [])
    )
    assert result.stderr.splitlines()[-1] == "read 4, scored 2 (incomplete 2), rejected 2"


def test_a_header_error_prints_no_csv_to_stdout(tmp_path):
    write_csv(tmp_path / "in.csv", [["disiplin-01", "DISIPLIN-01"], ["4", "5"]])
    result = run("batch", str(tmp_path / "in.csv"))
    assert result.exit_code == 1
    assert "already in column 1" in result.stderr
    assert result.stdout == ""


def test_summary_output_without_summary_by_is_a_usage_error(tmp_path):
    source = bad_values_table(tmp_path / "in.csv")
    result = run("batch", str(source), "--summary-output", str(tmp_path / "s.csv"))
    assert result.exit_code == 2
    assert "--summary-output needs --summary-by" in result.stderr
    assert not (tmp_path / "s.csv").exists()


def test_mapping_whose_columns_is_not_a_table_is_an_error(tmp_path):
    source = bad_values_table(tmp_path / "in.csv")
    (tmp_path / "map.toml").write_text("columns = 3\n", encoding="utf-8")
    result = run("batch", str(source), "--mapping", str(tmp_path / "map.toml"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'map.toml'}: columns: must be a table" in result.stderr


def test_unwritable_output_is_an_error_and_leaves_no_temporary_file(tmp_path):
    source = bad_values_table(tmp_path / "in.csv")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    result = run(
        "batch",
        str(source),
        "--errors",
        str(tmp_path / "errors.jsonl"),
        "-o",
        str(blocker / "out.csv"),
    )
    assert result.exit_code == 1
    assert f"{blocker / 'out.csv'}: cannot write" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "not-a-folder"]


# --- bank 2.0: not applicable answers and roles ----------------------------------------------


def test_not_applicable_spellings_are_counted_apart_from_skips(tmp_path, bundled_bank):
    items = list(bundled_bank.items)
    scale = [i for i in items if not bundled_bank.items[i].is_situational]
    answers = {i: ("a" if bundled_bank.items[i].is_situational else "4") for i in items}
    for spelling, item_id in zip(
        ["NA", "n/a", "TB", "Tidak berlaku", "Not applicable"], scale, strict=False
    ):
        answers[item_id] = spelling
    path = write_csv(tmp_path / "in.csv", [["respondent_id", *items], ["R1", *answers.values()]])
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    (row,) = read_csv(tmp_path / "out.csv")
    assert row["not_applicable_items"] == "5"
    assert row["answered_items"] == str(bundled_bank.item_count - 5)
    typed = {
        i: ("na" if v in ("NA", "n/a", "TB", "Tidak berlaku", "Not applicable") else v)
        for i, v in answers.items()
    }
    typed = {
        i: (v if bundled_bank.items[i].is_situational or v == "na" else int(v))
        for i, v in typed.items()
    }
    assert_scores(row, bundled_bank, typed)


def test_a_role_column_scores_each_row_on_its_roles_items(tmp_path, bundled_bank):
    items = list(bundled_bank.items)

    def asked(role):
        return {i for i in items if bundled_bank.items[i].asked_of(role)}

    def answered(item_ids):
        return [
            ("a" if bundled_bank.items[i].is_situational else "4") if i in item_ids else ""
            for i in items
        ]

    rows = [
        ["respondent_id", "peran", *items],
        ["R1", "pelaksana", *answered(asked("pelaksana"))],
        ["R2", "Jabatan dengan bawahan", *answered(asked("struktural"))],
        ["R3", "", *answered(set(items))],
    ]
    path = write_csv(tmp_path / "in.csv", rows)
    result = run("batch", str(path), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    out = read_csv(tmp_path / "out.csv")
    assert [r["role"] for r in out] == ["pelaksana", "struktural", ""]
    totals = [int(r["total_items"]) for r in out]
    assert totals == [
        len(bundled_bank.items_asked_of(role)) for role in ("pelaksana", "struktural", None)
    ]
    for row, role in zip(out, ["pelaksana", "struktural", None], strict=True):
        asked = {i for i in items if bundled_bank.items[i].asked_of(role)}
        answers = {i: ("a" if bundled_bank.items[i].is_situational else 4) for i in asked}
        sheet_ = AnswerSheet(
            bank_id=bundled_bank.id, bank_version=bundled_bank.version, role=role, answers=answers
        )
        assert parsed_cells(row) == expected_cells(score(bundled_bank, sheet_))


def test_answers_to_items_a_role_is_not_asked_and_unknown_roles_reject_the_row(
    tmp_path, bundled_bank
):
    items = list(bundled_bank.items)
    struktural_only = next(i for i in items if bundled_bank.items[i].roles == ("struktural",))
    full = [("a" if bundled_bank.items[i].is_situational else "4") for i in items]
    rows = [["respondent_id", "role", *items], ["R1", "pelaksana", *full], ["R2", "kepala", *full]]
    path = write_csv(tmp_path / "in.csv", rows)
    result = run(
        "batch", str(path), "-o", str(tmp_path / "out.csv"), "--errors", str(tmp_path / "e.jsonl")
    )
    assert counts_line(result.stderr) == "read 2, scored 0 (incomplete 0), rejected 2"
    first, second = read_jsonl(tmp_path / "e.jsonl")
    assert f"{struktural_only}: not asked of role 'pelaksana'; leave it empty" in first["reasons"]
    assert second["reasons"][0].startswith(
        "role: 'kepala' is not a role (pelaksana, fungsional, struktural)"
    )


def test_a_long_bad_cell_is_quoted_short_in_the_interface_language(tmp_path):
    source = tmp_path / "panjang.csv"
    source.write_text(f"respondent_id,disiplin-01\nR1,{'9' * 5000}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(tmp_path / "o.csv")])
    [line] = [x for x in result.stderr.splitlines() if x.startswith("ditolak:")]
    assert line == (
        f"ditolak: {source}: baris 1 (R1): disiplin-01: '{'9' * 40}…' (5.000 karakter) "
        "bukan jawaban untuk butir ini (kolom 'disiplin-01')"
    )
