"""`asn-assess multirater` and `template multirater` from the command line: the template's
columns, the round trip from the template to every report format, one file per person
rated, pseudonyms, the summary for HR, outputs that never overwrite inputs, data that
stays data in every format, and the counts on stderr."""

from __future__ import annotations

import csv
import io
import json
import random
import re

import pytest
from typer.testing import CliRunner

from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.cli.multirater_template import template_items
from asn_assess.multirater.api import run_multirater
from conftest import SMALL_BANK_TOML
from multirater_helpers import Sheet, answers_for, generated_round, scored, write_round

runner = CliRunner()
KEY = "kunci-rahasia-unit-sdm-0123456789"


def run(*args: str, lang: str = "en"):
    return runner.invoke(app, ["multirater", *args], env={"ASN_ASSESS_LANG": lang})


def make_template(*args: str, lang: str = "en"):
    return runner.invoke(app, ["template", "multirater", *args], env={"ASN_ASSESS_LANG": lang})


def counts(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


@pytest.fixture
def round_file(tmp_path, bundled_bank):
    sheets = generated_round(bundled_bank, random.Random(11), targets=3)
    return write_round(tmp_path / "round.csv", bundled_bank, sheets), sheets


# --- the template ---------------------------------------------------------------------------------


def test_template_titles_every_observable_statement_with_its_observer_wording(bundled_bank):
    result = make_template()
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:3] == ["target_id", "rater_group", "role"]
    observable = [
        item
        for item in bundled_bank.items.values()
        if item.observer_text is not None
        and any(
            item.id in {i.id for i in ind.items} and ind.rated_by
            for p in bundled_bank.pillars
            for ind in p.indicators
        )
    ]
    assert observable == template_items(bundled_bank, None)
    assert header[3:] == [item.observer_text["id"] for item in observable]
    assert all(
        title.startswith(("Ia ", "Ketika ", "Saat ", "Bila ", "Sebelum ", "Selama "))
        for title in header[3:]
    )
    english = make_template("--lang", "en")
    assert next(csv.reader(io.StringIO(english.stdout)))[3:] == [
        item.observer_text["en"] for item in observable
    ]


def test_template_for_one_group_holds_only_what_it_rates(bundled_bank):
    header = next(csv.reader(io.StringIO(make_template("--as", "Bawahan").stdout)))
    asked = bundled_bank.items_asked_of(None, "bawahan")
    assert header[3:] == [item.observer_text["id"] for item in asked]
    refused = make_template("--as", "teman")
    assert refused.exit_code == 2
    assert "--as 'teman': not a rater group" in refused.stderr


def test_xlsx_template_has_the_statements_sheet_and_offers_the_groups(tmp_path, bundled_bank):
    from openpyxl import load_workbook

    path = tmp_path / "penilaian.xlsx"
    result = make_template("-o", str(path))
    assert result.exit_code == 0, result.stderr
    assert f"wrote {path}" in result.stderr
    book = load_workbook(path)
    ratings, statements, groups = book.worksheets
    header = [cell.value for cell in next(ratings.iter_rows(max_row=1))]
    assert header[:3] == ["target_id", "rater_group", "role"]
    assert ratings.max_row == 1
    listed = [row[0] for row in statements.iter_rows(min_row=2, values_only=True)]
    assert listed == [item.id for item in template_items(bundled_bank, None)]
    [rule] = ratings.data_validations.dataValidation
    assert rule.formula1 == '"self,atasan,rekan,bawahan,pengguna-layanan"'
    assert [row[0] for row in groups.iter_rows(min_row=2, values_only=True)][0] == "self"
    again = make_template("-o", str(path))
    assert again.exit_code == 2 and "--force" in again.stderr


def fill(header: list[str], bank, sheets: list[Sheet], language: str = "id") -> list[list[str]]:
    """Rows under the template's header: statements found by their observer wording."""
    by_title = {
        bank.text(item.observer_text, language): item.id
        for item in bank.items.values()
        if item.observer_text
    }
    rows = [header]
    for sheet in sheets:
        cells = {"target_id": sheet.target, "rater_group": sheet.group, "role": sheet.role or ""}
        rows.append([str(cells.get(h, sheet.answers.get(by_title.get(h, ""), ""))) for h in header])
    return rows


def rater_round(bank, seed: int) -> list[Sheet]:
    """A round of raters only (the template has no self-only statements), answering the
    statements of the template, and own answers to those statements too."""
    rng = random.Random(seed)
    sheets = []
    for target in ("Budi Santoso", "19860926 201505 1 001"):
        for group in ["self", "atasan", *["rekan"] * 3, *["bawahan"] * rng.randint(1, 4)]:
            answers = answers_for(bank, rng, "struktural", "rekan" if group == "self" else group)
            sheets.append(Sheet(target, group, "struktural", answers))
    return scored(bank, sheets)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_from_the_template_to_every_report(tmp_path, bundled_bank, suffix):
    template = tmp_path / f"template{suffix}"
    assert make_template("-o", str(template)).exit_code == 0
    sheets = rater_round(bundled_bank, 3)
    filled = tmp_path / f"filled{suffix}"
    if suffix == ".csv":
        header = next(csv.reader(template.open(encoding="utf-8")))
        with filled.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(fill(header, bundled_bank, sheets))
    else:
        from openpyxl import load_workbook

        book = load_workbook(template)
        sheet = book.worksheets[0]
        header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        for row in fill(header, bundled_bank, sheets)[1:]:
            sheet.append(row)
        book.save(filled)
    expected = {
        v.target: v
        for v in run_multirater(
            [str(write_round(tmp_path / "ids.csv", bundled_bank, sheets))],
            BatchSettings(bundled_bank),
        ).views
    }

    document = run(str(filled), "--format", "json")
    assert document.exit_code == 0, document.stderr
    withheld = sum(len(view.withheld) for view in expected.values())
    assert counts(document.stderr) == (
        f"read {len(sheets)} sheets, targets 2, withheld groups {withheld}"
    )
    report = json.loads(document.stdout)
    assert [t["target"] for t in report["targets"]] == ["Budi Santoso", "198609262015051001"]
    for person in report["targets"]:
        view = expected[person["target"]]
        for line, mine in zip(person["indicators"], view.indicators, strict=True):
            assert line["id"] == mine.id
            assert line["others"]["mean"] == pytest.approx(mine.others_mean)
            assert line["own"] == pytest.approx(mine.own)
            assert line["gap"] == pytest.approx(mine.gap)

    folder = tmp_path / "laporan"
    for form, marker in [
        ("text", "360-degree feedback: "),
        ("md", "# 360-degree feedback: "),
        ("html", '<svg class="dots"'),
        ("csv", "target,pillar_id,indicator_id"),
        ("json", '"schema_version": 1'),
    ]:
        written = run(str(filled), "-o", f"{folder}/", "--format", form, "--lang", "en")
        assert written.exit_code == 0, written.stderr
        ext = {"text": "txt"}.get(form, form)
        files = sorted(p.name for p in folder.glob(f"*.{ext}"))
        assert files == [f"198609262015051001.{ext}", f"Budi_Santoso.{ext}"]
        assert marker in (folder / f"Budi_Santoso.{ext}").read_text("utf-8")
    html = (folder / "Budi_Santoso.html").read_text("utf-8")
    view = expected["Budi Santoso"]
    markers = re.findall(r'data-series="([^"]+)" data-value="([^"]+)"', html)
    assert ("self", repr(view.indicators[0].own)) in markers
    assert ("others", repr(view.indicators[0].others_mean)) in markers
    assert "198609262015051001" not in html  # one person per file


def test_one_file_per_person_named_by_pseudonym_and_no_name_in_any_output(tmp_path, bundled_bank):
    import hashlib
    import hmac

    sheets = rater_round(bundled_bank, 4)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    key = tmp_path / "kunci.txt"
    key.write_text(KEY, encoding="utf-8")
    folder = tmp_path / "out"
    summary = tmp_path / "ringkasan.csv"
    result = run(
        str(source), "-o", str(folder), "--format", "md", "--pseudonymize", "--key-file", str(key),
        "--summary", str(summary),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr

    def pseudonym(identifier: str) -> str:
        return hmac.new(KEY.encode(), identifier.encode(), hashlib.sha256).hexdigest()[:32]

    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{pseudonym(t)}.md" for t in ("Budi Santoso", "198609262015051001"))
    texts = [p.read_text("utf-8") for p in folder.iterdir()] + [summary.read_text("utf-8")]
    texts.append(result.stderr)
    for text in texts:
        assert "Budi" not in text and "19860926" not in text
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert sorted(r["target"] for r in rows) == sorted(
        pseudonym(t) for t in ("Budi Santoso", "198609262015051001")
    )
    refused = run(str(source), "--pseudonymize")
    assert refused.exit_code == 2 and "--key-file" in refused.stderr


def test_summary_for_hr_as_csv_and_xlsx(tmp_path, round_file, bundled_bank):
    from openpyxl import load_workbook

    source, sheets = round_file
    views = run_multirater([str(source)], BatchSettings(bundled_bank)).views
    for suffix in (".csv", ".xlsx"):
        summary = tmp_path / f"summary{suffix}"
        result = run(str(source), "--summary", str(summary), "-o", str(tmp_path / "all.txt"))
        assert result.exit_code == 0, result.stderr
        if suffix == ".csv":
            rows = list(csv.DictReader(summary.open(encoding="utf-8")))
        else:
            values = list(load_workbook(summary).worksheets[0].iter_rows(values_only=True))
            rows = [dict(zip(values[0], row, strict=True)) for row in values[1:]]
        assert [r["target"] for r in rows] == [v.target for v in views]
        for row, view in zip(rows, views, strict=True):
            assert int(row["rekan.raters"]) == view.raters["rekan"]
            blind = [v for v in view.indicators if v.johari and v.johari.value == "blind-spot"]
            assert int(row["blind-spot.count"]) == len(blind)
    wrong = run(str(source), "--summary", str(tmp_path / "summary.txt"))
    assert wrong.exit_code == 2 and ".csv or .xlsx" in wrong.stderr


# --- safety ------------------------------------------------------------------------------------------


def test_outputs_that_are_inputs_or_the_key_file_are_refused_before_anything_is_written(
    tmp_path, round_file
):
    source, _ = round_file
    before = source.read_bytes()
    key = tmp_path / "kunci.txt"
    key.write_text(KEY, encoding="utf-8")
    for args in (
        ["-o", str(source)],
        ["--summary", str(source.with_suffix(".csv"))],
        ["--errors", str(key), "--pseudonymize", "--key-file", str(key)],
        ["-o", str(tmp_path / "a.csv"), "--summary", str(tmp_path / "a.csv")],
    ):
        result = run(str(source), *args)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.startswith("error: ")
    assert source.read_bytes() == before and key.read_text("utf-8") == KEY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kunci.txt", "round.csv"]


def test_a_folder_output_that_would_overwrite_an_input_is_refused(tmp_path, bundled_bank):
    sheets = scored(bundled_bank, [Sheet("round", "self", None, {"disiplin-01": 4})])
    source = write_round(tmp_path / "round.txt", bundled_bank, sheets)
    result = run(str(source), "-o", str(tmp_path))
    assert result.exit_code == 2 and "round.txt" in result.stderr


HOSTILE = ['<script>alert("x")</script>', '=HYPERLINK("http://x")', "[klik](http://x) *b*"]


def test_data_stays_data_in_every_format(tmp_path, bundled_bank):
    rng = random.Random(1)
    sheets = scored(
        bundled_bank,
        [
            Sheet(name, g, None, answers_for(bundled_bank, rng, None, g, 0.0))
            for name in HOSTILE
            for g in ("self", "atasan", "rekan", "rekan", "rekan")
        ],
    )
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    html = run(str(source), "--format", "html").stdout
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = run(str(source), "--format", "md").stdout
    assert "[klik](http" not in markdown and r"\[klik\]" in markdown
    table = run(str(source), "--format", "csv").stdout
    targets = {row["target"] for row in csv.DictReader(io.StringIO(table))}
    assert '\'=HYPERLINK("http://x")' in targets
    summary = tmp_path / "s.xlsx"
    assert run(str(source), "--summary", str(summary), "-o", str(tmp_path / "r.txt")).exit_code == 0
    from openpyxl import load_workbook

    cells = [
        row[0]
        for row in load_workbook(summary).worksheets[0].iter_rows(min_row=2, values_only=True)
    ]
    assert '\'=HYPERLINK("http://x")' in cells


# --- messages --------------------------------------------------------------------------------------


def test_rejected_rows_are_named_and_counted(tmp_path, bundled_bank):
    items = list(bundled_bank.items)
    rows = [["target_id", "rater_group", *items]]
    rows.append(["", "rekan", "4", *[""] * (len(items) - 1)])
    rows.append(["A", "teman", "4", *[""] * (len(items) - 1)])
    rows.append(["A", "self", "4", *[""] * (len(items) - 1)])
    rows.append(["A", "self", "3", *[""] * (len(items) - 1)])
    rows.append(["", "self", "3", *[""] * (len(items) - 1)])  # own answers of nobody known
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    result = run(str(source))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert any(f"rejected: {source}: row 1: target: a rater's row names" in line for line in lines)
    assert any("row 2: rater group: 'teman' is not a rater group" in line for line in lines)
    assert any(
        "row 4: a second self-assessment of this person (the first:" in line for line in lines
    )
    assert any("row 5: no target: name the person rated" in line for line in lines)
    assert "warning: 4 row(s) rejected" in lines
    assert counts(result.stderr) == "read 5 sheets, targets 1, withheld groups 0"
    errors = tmp_path / "errors.jsonl"
    logged = run(str(source), "--errors", str(errors))
    assert len(errors.read_text("utf-8").splitlines()) == 4
    assert "rejected: " not in logged.stderr


def test_counts_and_messages_follow_the_interface_language(round_file):
    source, sheets = round_file
    indonesian = run(str(source), lang="id")
    assert counts(indonesian.stderr).startswith(
        f"dibaca {len(sheets)} lembar, orang yang dinilai 3"
    )
    assert "Umpan balik 360 derajat" in indonesian.stdout
    assert "360-degree feedback" in run(str(source), "--lang", "en", lang="id").stdout


def test_min_raters_below_two_is_refused_and_two_warns(round_file):
    source, _ = round_file
    low = run(str(source), "--min-raters", "1")
    assert low.exit_code == 2 and "--min-raters 1: at least 2" in low.stderr
    pair = run(str(source), "--min-raters", "2")
    assert pair.exit_code == 0 and "warning: --min-raters 2" in pair.stderr


def test_a_bank_without_rater_groups_is_named(tmp_path):
    bank = tmp_path / "small.toml"
    bank.write_text(SMALL_BANK_TOML, encoding="utf-8")
    source = tmp_path / "in.csv"
    source.write_text("a1-1\n4\n", encoding="utf-8")
    result = run(str(source), "--bank", str(bank))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: bank 'small' declares no rater groups ([[rater_groups]]); "
        "360-degree feedback needs them (docs/bank-format.md)"
    )
    assert "Traceback" not in result.stderr


def test_the_text_report_fits_80_columns_and_shows_no_individual_answer(round_file):
    source, _ = round_file
    text = run(str(source), "--lang", "en").stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "your answer" not in text.casefold()
    assert "Anonymity: an anonymous rater group with fewer than 3 raters" in text
