"""The BerAKHLAK profile and the JP of training in the agency report, against batch's
per-person value scores and the bank's own actions."""

from __future__ import annotations

import json
import random
import statistics
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from agency_helpers import people, per_person, write_csv
from asn_assess.agency.api import run_agency
from asn_assess.agency.figures import Figures, Withheld
from asn_assess.agency.needs import ranked_needs, training_actions
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import load_bank, resolve_bank
from asn_assess.reports.agency_view import build_agency_view

VALUES_BANK = Path(__file__).parent / "data" / "banks" / "nilai-v3.toml"


@pytest.fixture(scope="module")
def values_bank():
    return load_bank(VALUES_BANK)


@pytest.fixture(scope="module")
def agency(tmp_path_factory, values_bank):
    folder = tmp_path_factory.mktemp("values")
    rows = people(values_bank, {"A": 14, "B": 9, "C": 2}, random.Random(4))
    return write_csv(folder / "nilai.csv", values_bank, rows)


def test_each_core_value_s_profile_equals_batch_s_value_scores(agency, values_bank):
    report = run_agency([str(agency)], BatchSettings(values_bank, summary_by="unit"))
    persons = per_person(values_bank, agency)
    spreads = {spread.measure: spread for spread in report.current.figures.values}
    assert list(spreads) == [f"value.{value.id}" for value in values_bank.values]
    threshold = values_bank.development_threshold
    for value in values_bank.values:
        column = f"value.{value.id}.score"
        scores = [p[column] for p in persons if p[column] is not None]
        cell = spreads[f"value.{value.id}"].figures
        assert isinstance(cell, Figures)
        assert cell.n == len(scores)
        assert cell.mean == pytest.approx(statistics.fmean(scores), abs=1e-9)
        assert cell.below == sum(1 for score in scores if score < threshold)
    view = build_agency_view(report, "en")
    section = next(s for s in view.sections if s.key == "values")
    table = section.tables[0]
    assert section.values is not None
    for bar, row in zip(section.values.bars, table.rows, strict=True):
        assert bar.value == row[2].value  # the bar draws the table's mean
        assert bar.length == pytest.approx(330.0 * row[2].value / 100)


def test_a_value_few_people_have_is_withheld_for_the_agency_too(tmp_path, values_bank):
    path = write_csv(
        tmp_path / "few.csv", values_bank, people(values_bank, {"A": 3}, random.Random(1))
    )
    report = run_agency([str(path)], BatchSettings(values_bank, min_group=5))
    assert all(isinstance(s.figures, Withheld) for s in report.current.figures.values)
    view = build_agency_view(report, "id")
    notes = next(s for s in view.sections if s.key == "privacy").notes
    assert any("Akuntabel" in note for note in notes)


def test_a_bank_without_core_values_has_no_profile_section(tmp_path):
    bank = resolve_bank("asn-profesional@2.0.0")
    path = write_csv(tmp_path / "v2.csv", bank, people(bank, {"A": 10}, random.Random(2)))
    report = run_agency([str(path)], BatchSettings(bank))
    assert report.current.figures.values == []
    view = build_agency_view(report, "en")
    assert "values" not in [section.key for section in view.sections]


def test_training_needs_give_the_jp_the_bank_gives(tmp_path, bundled_bank):
    path = write_csv(
        tmp_path / "jp.csv", bundled_bank, people(bundled_bank, {"A": 20}, random.Random(6))
    )
    report = run_agency([str(path)], BatchSettings(bundled_bank))
    needs = ranked_needs(report.current.figures)
    with_jp = [need for need in needs if need.jp is not None]
    assert with_jp, "the bundled bank gives the JP of its training"
    for need in needs:
        stated = [a.jp for a in training_actions(need.indicator) if a.jp is not None]
        assert need.jp == (stated[0] if stated else None)
    output = tmp_path / "jp.json"
    result = CliRunner().invoke(app, ["agency", str(path), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    document = json.loads(output.read_text("utf-8"))
    assert [n["jp"] for n in document["training_needs"]] == [n.jp for n in needs]
    book = tmp_path / "jp.xlsx"
    assert CliRunner().invoke(app, ["agency", str(path), "-o", str(book)]).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Kebutuhan pengembangan"]
    column = [cell.value for cell in sheet["H"]][1:]
    assert column == [n.jp for n in needs]
