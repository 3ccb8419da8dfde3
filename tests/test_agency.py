"""`asn-assess agency`: its figures against batch's per-person scores, the ranking of
training needs, the privacy rules under differencing attacks, the trend's
comparability, and every format."""

from __future__ import annotations

import json
import math
import random
import statistics
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from typer.testing import CliRunner

from agency_helpers import PROFILE, people, per_person, with_profiles, write_csv
from asn_assess.agency.api import run_agency
from asn_assess.agency.figures import POOL, Figures, Withheld
from asn_assess.agency.needs import ranked_needs
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from test_disclosure import smallest_recoverable

UNITS = {"Bidang A": 40, "Bidang B": 25, "Bidang C": 12, "Bidang D": 7, "UPT Kecil": 2}
K = 5


@pytest.fixture(scope="module")
def agency_file(tmp_path_factory, bundled_bank):
    folder = tmp_path_factory.mktemp("agency")
    lean = {"Bidang A": 4, "Bidang B": 3, "Bidang C": 2, "Bidang D": 4, "UPT Kecil": 3}
    rows = with_profiles(people(bundled_bank, UNITS, random.Random(11), lean=lean))
    return write_csv(folder / "jawaban.csv", bundled_bank, rows)


@pytest.fixture(scope="module")
def report(agency_file, bundled_bank):
    return run_agency([str(agency_file)], BatchSettings(bundled_bank, summary_by="unit"))


@pytest.fixture(scope="module")
def persons(agency_file, bundled_bank):
    return per_person(bundled_bank, agency_file)


def indicator_ids(bank):
    return [i.id for p in bank.pillars for i in p.indicators]


def independent(rows, indicator, threshold):
    """n, people below ``threshold``, mean and sd of an indicator over ``rows``, from
    batch's per-person scores alone."""
    scores = [row[f"indicator.{indicator}.score"] for row in rows]
    scores = [s for s in scores if s is not None]
    below = sum(1 for s in scores if s < threshold)
    sd = statistics.stdev(scores) if len(scores) > 1 else None
    return len(scores), below, statistics.fmean(scores), sd


def test_training_needs_equal_an_independent_count_from_batchs_scores(
    report, persons, bundled_bank
):
    figures = report.current.figures
    threshold = bundled_bank.development_threshold
    assert figures.respondents == len(persons) == sum(UNITS.values())
    checked = 0
    for row in figures.indicators:
        groups = {"agency": (row.agency, persons)}
        for unit, cell in row.units.items():
            members = [p for p in persons if p["unit"] == unit] if unit != POOL else []
            groups[unit] = (cell, members)
        for role, cell in row.roles.items():
            groups[role] = (cell, [p for p in persons if p["role"] == role])
        for name, (cell, members) in groups.items():
            if isinstance(cell, Withheld):
                continue
            n, below, mean, sd = independent(members, row.indicator, threshold)
            assert (cell.n, cell.below) == (n, below), (row.indicator, name)
            assert cell.mean == pytest.approx(mean, abs=1e-9)
            assert cell.sd == pytest.approx(sd, abs=1e-9)
            assert sum(cell.bands) == n
            checked += 1
    assert checked > 3 * len(figures.indicators)


def test_the_overall_and_pillar_spreads_equal_batchs_scores(report, persons, bundled_bank):
    spreads = {s.measure: s for s in report.current.figures.spreads}
    columns = {"overall": "overall_score"}
    columns |= {f"pillar.{p.id}": f"pillar.{p.id}.score" for p in bundled_bank.pillars}
    for measure, column in columns.items():
        scores = np.array([p[column] for p in persons if p[column] is not None])
        spread = spreads[measure]
        assert isinstance(spread.figures, Figures)
        assert spread.figures.n == scores.size
        assert spread.figures.mean == pytest.approx(scores.mean(), abs=1e-9)
        assert spread.figures.sd == pytest.approx(float(np.std(scores, ddof=1)), abs=1e-9)
        # quantiles of the scores rounded to 0.01 (fixed-size counts): within 0.005
        assert spread.median == pytest.approx(float(np.median(scores)), abs=0.005)
        assert spread.quartiles == pytest.approx(tuple(np.percentile(scores, [25, 75])), abs=0.005)
        rounded = np.rint(scores * 100) / 100
        assert spread.median == pytest.approx(float(np.median(rounded)), abs=1e-9)
        assert sum(b.people for b in spread.bins) == scores.size
        for band_rank, count in enumerate(spread.figures.bands):
            low = bundled_bank.bands[band_rank].min
            high = bundled_bank.bands[band_rank + 1].min if band_rank + 1 < 4 else 101
            assert count == int(((scores >= low) & (scores < high)).sum())
            in_bars = sum(b.people for b in spread.bins if b.band == band_rank)
            assert in_bars == count


def test_training_needs_are_ranked_from_most_people_to_fewest(report, persons, bundled_bank):
    figures = report.current.figures
    needs = ranked_needs(figures)
    threshold = bundled_bank.development_threshold
    expected = []
    for position, indicator in enumerate(indicator_ids(bundled_bank)):
        n, below, _, _ = independent(persons, indicator, threshold)
        expected.append((-below, -below / n, position, indicator))
    assert [need.row.indicator for need in needs] == [e[3] for e in sorted(expected)]
    assert [need.rank for need in needs] == list(range(1, len(needs) + 1))
    for need in needs:
        assert all(action.kind == "training" for action in need.training)
        assert need.training, "the bundled bank has a training action for every indicator"


def test_a_unit_of_two_is_pooled_and_a_second_unit_withheld_beside_the_agency_total(report):
    figures = report.current.figures
    names = [group.key for group in figures.units]
    assert "UPT Kecil" not in names, "a unit under k is never named"
    pool = next(group for group in figures.units if group.key == POOL)
    assert pool.respondents == Withheld("few") and pool.pooled_units == 1
    smallest = next(group for group in figures.units if group.key == "Bidang D")
    assert smallest.respondents == Withheld("complement")
    for row in figures.indicators:
        assert row.units[POOL] == Withheld("few")
        assert isinstance(row.units["Bidang D"], Withheld)
        assert isinstance(row.agency, Figures)


def released_sums(document, indicator):
    """What a reader of the JSON report knows about one indicator: the people and the
    sum of scores of every group shown."""
    known = {}
    for row in document["figures"]:
        if row["measure"] == f"indicator.{indicator}" and row.get("mean") is not None:
            known[(row["group_type"], row["group_id"])] = (row["n"], row["mean"] * row["n"])
    return known


def test_differencing_attacks_on_the_json_report_recover_no_small_group(
    agency_file, persons, bundled_bank, tmp_path
):
    """Subtract the units shown from the agency: the rest must hold k people or none.
    Then the full attack: every set of unit x role cells whose sum follows from the
    unit, role and agency sums shown must hold k people or more."""
    output = tmp_path / "laporan.json"
    result = CliRunner().invoke(
        app, ["agency", str(agency_file), "--by", "unit", "-o", str(output)]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(output.read_text(encoding="utf-8"))
    for indicator in indicator_ids(bundled_bank):
        known = released_sums(document, indicator)
        scored = [p for p in persons if p[f"indicator.{indicator}.score"] is not None]
        everyone, _ = known[("agency", "agency")]
        assert everyone == len(scored)
        units = {key for kind, key in known if kind == "unit"}
        rest = everyone - sum(known[("unit", u)][0] for u in units)
        rest -= known.get(("pool", "pool"), (0, 0))[0]
        assert rest == 0 or rest >= K, (indicator, rest)
        cells: dict[tuple[str, str], int] = {}
        for person in scored:
            key = (person["unit"], person["role"])
            cells[key] = cells.get(key, 0) + 1
        shown_units = set(units) | ({"UPT Kecil"} if ("pool", "pool") in known else set())
        roles = {key for kind, key in known if kind == "role"}
        found = smallest_recoverable(cells, shown_units, roles, under=K)
        assert found is None, (indicator, found)


def test_every_figure_shown_rests_on_k_people_and_a_withheld_one_carries_no_number(
    agency_file, tmp_path
):
    output = tmp_path / "laporan.json"
    CliRunner().invoke(app, ["agency", str(agency_file), "--by", "unit", "-o", str(output)])
    document = json.loads(output.read_text(encoding="utf-8"))
    numbers = ("n", "mean", "median", "sd", "below", "share_below", "top_band", "share_top")
    for row in document["figures"]:
        if row.get("withheld"):
            assert all(row.get(key) is None for key in numbers), row
            assert not any(row.get(key) is not None for key in row if key.startswith("band."))
        else:
            assert row["n"] >= K, row


# --- the trend ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def earlier_file(tmp_path_factory, bundled_bank):
    folder = tmp_path_factory.mktemp("earlier")
    lean = {"Bidang A": 3, "Bidang B": 3, "Bidang C": 2, "Bidang D": 3, "UPT Kecil": 3}
    rows = people(bundled_bank, UNITS, random.Random(12), lean=lean)
    return write_csv(folder / "2025.csv", bundled_bank, rows)


def test_the_trend_of_two_rounds_of_one_bank_is_the_change_of_their_means(
    agency_file, earlier_file, bundled_bank
):
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(earlier_file)],
    )
    trend = found.trend
    assert trend is not None and trend.why_not is None and not trend.apart
    before = {row.indicator: row for row in found.previous.figures.indicators}
    after = {row.indicator: row for row in found.current.figures.indicators}
    changes = {c.measure: c for c in trend.agency}
    assert set(changes) == {
        "overall",
        *[f"pillar.{p.id}" for p in bundled_bank.pillars],
        *[f"indicator.{i}" for i in indicator_ids(bundled_bank)],
    }
    for indicator, row in after.items():
        change = changes[f"indicator.{indicator}"]
        assert change.delta == pytest.approx(row.agency.mean - before[indicator].agency.mean)
        assert change.beyond_error is None  # no reliability given
    for unit, unit_changes in trend.units.items():
        for change in unit_changes:
            if change.delta is not None:
                indicator = change.measure.split(".", 1)[1]
                assert isinstance(after[indicator].units[unit], Figures)
                assert isinstance(before[indicator].units[unit], Figures)
    assert "Bidang D" in trend.units  # shown in neither round: every change withheld
    assert all(change.delta is None for change in trend.units["Bidang D"])


def test_changes_beyond_measurement_error_are_marked_by_the_stated_rule(
    agency_file, earlier_file, bundled_bank
):
    error = {f"indicator.{i}": 6.0 for i in indicator_ids(bundled_bank)}
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(earlier_file)],
        measurement_error=error,
    )
    marked = 0
    for change in found.trend.agency:
        if change.measure.startswith("indicator."):
            bound = 1.96 * 6.0 * math.sqrt(1 / change.before.n + 1 / change.after.n)
            assert change.beyond_error == (abs(change.delta) > bound)
            marked += change.beyond_error
        else:
            assert change.beyond_error is None
    assert marked > 0


def test_no_trend_across_banks_or_scoring_rules(
    tmp_path, agency_file, bundled_bank, small_bank, small_bank_text, edit_text, build_bank
):
    other = write_csv(
        tmp_path / "other.csv", small_bank, people(small_bank, {"A": 8}, random.Random(3))
    )
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(other)],
        BatchSettings(small_bank, summary_by="unit"),
    )
    assert found.trend.why_not == "other-bank" and not found.trend.agency

    text = (Path(__file__).parents[1] / "questions" / "asn-profesional.toml").read_text("utf-8")
    stricter = build_bank(edit_text(text, ("min_answered = 0.5", "min_answered = 0.8")))
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(agency_file)],
        BatchSettings(stricter, summary_by="unit"),
    )
    assert found.trend.why_not == "other-scoring" and not found.trend.agency


def test_across_versions_only_unchanged_indicators_compare(
    tmp_path, agency_file, bundled_bank, bank_v1
):
    from asn_assess.core.bank import bank_from_data

    # The next version with one statement of the first indicator keyed the other way.
    data = bundled_bank.model_dump(mode="json", exclude_none=True)
    data["version"] += "-rekeyed"
    first = bundled_bank.pillars[0].indicators[0]
    item = next(i for i in data["pillars"][0]["indicators"][0]["items"] if i["kind"] == "scale")
    item["reverse"] = not item.get("reverse", False)
    rekeyed = bank_from_data(data)
    found = run_agency(
        [str(agency_file)],
        BatchSettings(rekeyed, summary_by="unit"),
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
    )
    trend = found.trend
    assert trend.why_not is None
    compared = {c.measure for c in trend.agency}
    pillar = bundled_bank.pillars[0].id
    others = {f"indicator.{i}" for i in indicator_ids(bundled_bank) if i != first.id}
    kept_pillars = {f"pillar.{p.id}" for p in bundled_bank.pillars if p.id != pillar}
    assert compared == others | kept_pillars
    assert set(trend.apart) == {"overall", f"pillar.{pillar}", f"indicator.{first.id}"}
    for unit_changes in trend.units.values():
        assert f"indicator.{first.id}" not in {c.measure for c in unit_changes}

    earlier = write_csv(
        tmp_path / "v1.csv", bank_v1, people(bank_v1, {"A": 30, "B": 20}, random.Random(4))
    )
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(earlier)],
        BatchSettings(bank_v1, summary_by="unit"),
    )
    from asn_assess.agency.trend import same_scoring

    # 1.0.0 and later versions share no indicator; from 2.1.0 the scoring rules differ too
    expected = "nothing-compares" if same_scoring(bank_v1, bundled_bank) else "other-scoring"
    assert found.trend.why_not == expected


# --- formats and the command line -----------------------------------------------------------


def run_cli(*args: str, language: str = "id"):
    result = CliRunner().invoke(app, list(args), env={"ASN_ASSESS_LANG": language})
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.mark.parametrize("form", ["html", "md", "csv", "json", "xlsx"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_format_holds_the_report_and_no_name_nip_or_email(
    form, language, agency_file, tmp_path
):
    output = tmp_path / f"laporan.{form}"
    result = run_cli(
        "agency", str(agency_file), "--by", "unit", "-o", str(output), language=language
    )
    assert result.exit_code == 0, result.stderr
    data = output.read_bytes()
    if form == "xlsx":
        book = openpyxl.load_workbook(output)
        text = "\n".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        needs = book.worksheets[
            [s.title for s in book.worksheets].index(
                "Kebutuhan pengembangan" if language == "id" else "Training needs"
            )
        ]
        header = [cell.value for cell in needs[1]]
        first = [cell.value for cell in needs[2]]
        assert first[0] == 1 and isinstance(first[4], int) and 0 <= first[5] <= 1, first
        assert len(header) == 8
        assert len(book.worksheets) >= 8
    else:
        text = data.decode("utf-8")
    with open(agency_file, newline="", encoding="utf-8") as file:
        import csv

        for row in csv.DictReader(file):
            for column in PROFILE:
                assert row[column] not in text
            assert row["respondent_id"] not in text
    if form in ("html", "md"):
        title = "Laporan instansi" if language == "id" else "Agency report"
        assert title in text
        assert ("Unit lain" if language == "id" else "Other units") in text
    if form == "html":
        import re

        # self-contained: nothing to run, nothing to fetch (an SVG namespace is a name)
        assert "<script" not in text and not re.search(r"\b(src|href)\s*=", text)
        assert "@import" not in text and "url(" not in text and "@font-face" not in text
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
    if form == "csv":
        assert text.splitlines()[0].startswith("group_type,group_id,group,measure,title,n,mean")
    if form == "json":
        document = json.loads(text)
        assert document["respondents"] == sum(UNITS.values())
        assert document["training_needs"][0]["rank"] == 1


def test_unit_names_are_data_never_markup_or_formulas(tmp_path, bundled_bank):
    units = {"<script>alert(1)</script>": 6, '=HYPERLINK("http://x")': 6, "Biasa": 6}
    path = write_csv(
        tmp_path / "x.csv", bundled_bank, people(bundled_bank, units, random.Random(2))
    )
    html = tmp_path / "x.html"
    assert run_cli("agency", str(path), "--by", "unit", "-o", str(html)).exit_code == 0
    page = html.read_text("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    table = tmp_path / "x.csv.out"
    result = run_cli("agency", str(path), "--by", "unit", "--format", "csv", "-o", str(table))
    assert result.exit_code == 0
    assert "'=HYPERLINK" in table.read_text("utf-8")
    book = tmp_path / "x.xlsx"
    assert run_cli("agency", str(path), "--by", "unit", "-o", str(book)).exit_code == 0
    cells = [
        cell
        for sheet in openpyxl.load_workbook(book).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_without_by_the_agency_is_one_group_broken_down_by_role(agency_file, bundled_bank):
    found = run_agency([str(agency_file)], BatchSettings(bundled_bank))
    figures = found.current.figures
    assert figures.units == [] and [g.key for g in figures.roles] == [
        r.id for r in bundled_bank.roles
    ]
    assert all(row.units == {} for row in figures.indicators)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--by", "Nama"], "Nama"),
        (["-o", "laporan.txt"], ".txt"),
        (["--previous-bank", "asn-profesional@1.0.0"], "--previous"),
        (["--format", "docx"], "docx"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(agency_file, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("agency", str(agency_file), *args, language="en")
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_rejected_rows_are_counted_and_shown_without_whom_they_are_about(tmp_path, bundled_bank):
    rows = people(bundled_bank, {"A": 12}, random.Random(9))
    first_item = next(iter(bundled_bank.items))
    rows[3][first_item] = "Sangat"
    rows[3]["respondent_id"] = "RAHASIA-77"
    path = write_csv(tmp_path / "r.csv", bundled_bank, rows)
    output = tmp_path / "r.md"
    result = run_cli("agency", str(path), "--by", "unit", "-o", str(output), language="en")
    assert result.exit_code == 0
    assert "row 4" in result.stderr and "RAHASIA-77" not in result.stderr
    assert "read 12, scored 11 (incomplete 0), rejected 1" in result.stderr
    assert "Read 12 rows: 11 scored, 1 rejected" in output.read_text("utf-8").replace("\\", "")


def test_ratings_of_others_are_left_out_and_said(tmp_path, bundled_bank):
    from multirater_helpers import generated_round, write_round

    sheets = generated_round(bundled_bank, random.Random(3), targets=6)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    found = run_agency([str(source)], BatchSettings(bundled_bank))
    own = sum(1 for sheet in sheets if sheet.group == "self")
    assert found.current.figures.respondents == own
    assert found.current.ratings_of_others == len(sheets) - own


def test_every_text_the_report_builds_a_key_for_exists_in_both_languages():
    """Keys put together at run time (a reason, a table, why no trend) are all there."""
    from typing import get_args

    from asn_assess.agency.trend import NotComparable
    from asn_assess.analysis.disclosure import Reason
    from asn_assess.core.i18n import messages

    catalogue = messages()
    keys = [f"agency.note_{reason}" for reason in get_args(Reason)]
    keys += [f"agency.note_count_{reason}" for reason in get_args(Reason)]
    keys += [f"agency.trend_not.{why}" for why in get_args(NotComparable)]
    tables = ["respondents_by_unit", "respondents_by_role", "distribution", "histogram"]
    tables += ["units", "training_needs", "needs_by_role", "needs_by_unit", "strengths"]
    tables += ["trend", "trend_by_unit", "values", "notes"]
    keys += [f"agency.table.{table}" for table in tables]
    for key in keys:
        assert set(catalogue[key]) == {"id", "en"}, key
        assert all(len(text) <= 31 for text in catalogue[key].values()) or "table" not in key


def test_the_pdf_is_the_page_printed_by_the_browser_and_a_missing_one_is_one_line(
    agency_file, tmp_path, monkeypatch
):
    import shutil

    output = tmp_path / "laporan.pdf"
    monkeypatch.setenv("ASN_ASSESS_BROWSER", str(tmp_path / "no-such-browser"))
    result = run_cli("agency", str(agency_file), "--by", "unit", "-o", str(output), language="en")
    assert result.exit_code == 1 and not output.exists()
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no such program" in result.stderr
    monkeypatch.setenv("ASN_ASSESS_BROWSER", "false")  # a program that fails
    result = run_cli("agency", str(agency_file), "--by", "unit", "-o", str(output), language="en")
    assert result.exit_code == 1 and "the browser made no PDF" in result.stderr
    result = run_cli("agency", str(agency_file), "--format", "pdf", language="en")
    assert result.exit_code == 2 and "add -o report.pdf" in result.stderr
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed: the PDF itself was not made")
    monkeypatch.setenv("ASN_ASSESS_BROWSER", browser)
    result = run_cli("agency", str(agency_file), "--by", "unit", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    import re

    assert 1 <= len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) <= 6


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_trend_that_does_not_compare_says_why_in_the_report(
    agency_file, tmp_path, small_bank, small_bank_text, language
):
    bank_file = tmp_path / "kecil.toml"
    bank_file.write_text(small_bank_text, encoding="utf-8")
    other = write_csv(
        tmp_path / "other.csv", small_bank, people(small_bank, {"A": 8}, random.Random(3))
    )
    output = tmp_path / "laporan.md"
    result = run_cli(
        "agency",
        str(agency_file),
        "--by",
        "unit",
        "--previous",
        str(other),
        "--previous-bank",
        str(bank_file),
        "-o",
        str(output),
        language=language,
    )
    assert result.exit_code == 0, result.stderr
    text = output.read_text("utf-8").replace("\\", "")
    why = "dinilai dengan bank soal lain" if language == "id" else "scored with another bank"
    assert why in text and f"{small_bank.id} {small_bank.version}" in text


def test_a_page_splits_many_units_into_tables_that_each_name_the_agency(tmp_path, bundled_bank):
    units = {f"Unit {letter}": 6 for letter in "ABCDEFGHIJKL"}
    path = write_csv(
        tmp_path / "u.csv", bundled_bank, people(bundled_bank, units, random.Random(8))
    )
    html = tmp_path / "u.html"
    assert run_cli("agency", str(path), "--by", "unit", "-o", str(html)).exit_code == 0
    page = html.read_text("utf-8")
    heat = page.split('data-table="units"')[1:]
    assert len(heat) == 2
    for part in heat:
        header = part.split("</thead>")[0]
        import re

        assert len(re.findall(r"<th[ >]", header)) == 2 + (8 if part is heat[0] else 4)
        assert "Instansi" in header
    book = tmp_path / "u.xlsx"
    assert run_cli("agency", str(path), "--by", "unit", "-o", str(book)).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Rata-rata per unit"]
    assert sheet.max_column == 2 + 12  # one sheet holds every unit


def test_norms_with_reliability_mark_the_changes_measurement_error_does_not_explain(
    tmp_path, agency_file, earlier_file, bundled_bank
):
    from asn_assess.agency.trend import measurement_errors
    from asn_assess.analysis.norms import norm_reference

    norms = tmp_path / "norma.json"
    made = run_cli("analyze", str(agency_file), "--norms-out", str(norms), "--norm-min", "30")
    assert made.exit_code == 0, made.stderr
    errors = measurement_errors(norm_reference(norms, bundled_bank), bundled_bank)
    # every scale the norm could give a reliability (one asked of few roles may lack it)
    assert len({f"indicator.{i}" for i in indicator_ids(bundled_bank)} & set(errors)) >= 10
    output = tmp_path / "laporan.md"
    result = run_cli(
        "agency",
        str(agency_file),
        "--by",
        "unit",
        "--previous",
        str(earlier_file),
        "--norms",
        str(norms),
        "-o",
        str(output),
        language="en",
    )
    assert result.exit_code == 0, result.stderr
    text = output.read_text("utf-8").replace("\\", "")
    assert "Changes marked * are larger than measurement error explains" in text
    found = run_agency(
        [str(agency_file)],
        BatchSettings(bundled_bank, summary_by="unit"),
        [str(earlier_file)],
        measurement_error=errors,
    )
    marked = 0
    for change in found.trend.agency:
        if change.measure in errors and change.delta is not None:
            bound = 1.96 * errors[change.measure]
            bound *= math.sqrt(1 / change.before.n + 1 / change.after.n)
            assert change.beyond_error == (abs(change.delta) > bound)
            marked += change.beyond_error
        else:
            assert change.beyond_error is None
    trend_rows = text.split("## Change since the previous round")[1].split("**Change by unit**")[0]
    assert marked > 0, "the two rounds differ by more than the error somewhere"
    assert trend_rows.count("*|") + trend_rows.count("* |") == marked


@pytest.mark.parametrize("policy, set_aside", [("latest", 2), ("first", 2), ("all", 0)])
def test_duplicate_submissions_are_set_aside_as_batch_does_and_counted(
    tmp_path, bundled_bank, policy, set_aside
):
    rows = people(bundled_bank, {"A": 10, "B": 8}, random.Random(13))
    again = [dict(rows[2]), dict(rows[12])]  # two people send the form once more
    path = write_csv(tmp_path / "d.csv", bundled_bank, rows + again)
    output = tmp_path / "d.json"
    result = run_cli(
        "agency",
        str(path),
        "--by",
        "unit",
        "--duplicates",
        policy,
        "-o",
        str(output),
        language="en",
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(output.read_text("utf-8"))
    assert document["rows"]["read"] == 20
    assert document["rows"]["set_aside"] == set_aside
    assert document["respondents"] == 20 - set_aside
    assert "P00003" not in result.stderr  # whom it is about is never said
    markdown = tmp_path / "d.md"
    run_cli("agency", str(path), "--duplicates", policy, "-o", str(markdown), language="en")
    text = markdown.read_text("utf-8").replace("\\", "")
    assert f"{set_aside} set aside as duplicates" in text
