"""Scoring version 3: an indicator needs two answered statements. Exact numbers on the
worked example of docs/scoring.md and on the small bank of core values
(tests/data/banks/nilai-v3.toml), and the case that made the rule: a scenario alone
must not score an indicator nor put it in the development plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from asn_assess.core.bank import bundled_banks, load_bank, parse_bank
from asn_assess.core.documents import AnswerSheet, IndicatorResult, parse_result
from asn_assess.core.errors import ResultError
from asn_assess.core.models import Bank
from asn_assess.core.scoring import check_result, score
from asn_assess.reports.plan import development_plan
from asn_assess.reports.report_data import build_report

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def sheet_for(bank: Bank, answers: dict[str, Any], **extra: Any) -> AnswerSheet:
    return AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, **extra)


def as_version_3(text: str) -> str:
    """A bank's text declaring scoring version 3 (right after its version line)."""
    head, version_line, rest = text.partition("\nversion = ")
    line_end = rest.index("\n")
    return head + version_line + rest[:line_end] + "\nscoring_version = 3" + rest[line_end:]


# --- the worked example of docs/scoring.md -----------------------------------------------------


@pytest.fixture(scope="module")
def contoh_text() -> str:
    return (EXAMPLES / "contoh.toml").read_text(encoding="utf-8")


def example_answers() -> dict[str, Any]:
    return json.loads((EXAMPLES / "contoh-answers-v3.json").read_text(encoding="utf-8"))["answers"]


def test_version_2_scores_an_indicator_from_its_scenario_alone(contoh_text):
    bank = parse_bank(contoh_text)
    result = score(bank, sheet_for(bank, example_answers()))
    assert result.scoring_version == 2
    disiplin = result.indicator("disiplin")
    assert (disiplin.score, disiplin.not_applicable) == (50.0, False)
    assert result.pillar("diri").score == 75.0


def test_version_3_finds_the_indicator_not_applicable_as_docs_scoring_says(contoh_text):
    bank = parse_bank(as_version_3(contoh_text))
    result = score(bank, sheet_for(bank, example_answers()))
    assert result.scoring_version == 3
    disiplin = result.indicator("disiplin")
    assert (disiplin.score, disiplin.band, disiplin.not_applicable) == (None, None, True)
    # The scenario's answer is still counted as answered: the counts say what happened.
    assert (disiplin.answered_items, disiplin.not_applicable_items) == (1, 3)
    semangat = result.indicator("semangat")  # 3 statements apply, 1 answered
    assert (semangat.score, semangat.not_applicable) == (None, False)
    diri = result.pillar("diri")
    assert (diri.score, diri.scored_indicators, diri.not_applicable_indicators) == (87.5, 1, 1)
    assert result.overall.score == 81.25
    assert "disiplin" not in [focus.indicator.id for focus in development_plan(bank, result, "id")]


def test_one_statement_and_a_scenario_are_not_enough_either(contoh_text):
    bank = parse_bank(as_version_3(contoh_text))
    answers = {**example_answers(), "disiplin-01": 5}
    disiplin = score(bank, sheet_for(bank, answers)).indicator("disiplin")
    assert (disiplin.score, disiplin.not_applicable, disiplin.answered_items) == (None, True, 2)


def test_with_two_statements_version_3_scores_as_version_2(contoh_text):
    answers = json.loads((EXAMPLES / "contoh-answers.json").read_text(encoding="utf-8"))["answers"]
    old, new = parse_bank(contoh_text), parse_bank(as_version_3(contoh_text))
    before, after = score(old, sheet_for(old, answers)), score(new, sheet_for(new, answers))
    # semangat has 1 of 3 answered: null under both (by the share rule, by the count).
    assert after.model_dump(exclude={"scoring_version"}) == before.model_dump(
        exclude={"scoring_version"}
    )
    assert after.overall.score == 78.125


# --- the bundled bank: the case of the review ---------------------------------------------------


def bundled_versions() -> tuple[Bank, Bank]:
    """Bank 2.0.0 (scoring version 2) and the same bank by version 3: the bundled bank
    that declares it, else 2.0.0's text declaring it."""
    paths = {b.version: b.path for b in bundled_banks() if b.id == "asn-profesional"}
    old = load_bank(paths["2.0.0"])
    newest = load_bank(paths[max(paths, key=lambda v: tuple(map(int, v.split("."))))])
    if newest.scoring_version == 3:
        return old, newest
    return old, parse_bank(as_version_3(paths["2.0.0"].read_text(encoding="utf-8")))


def pelaksana_without_planning(bank: Bank) -> AnswerSheet:
    """A pelaksana who answers "na" to every perencanaan statement and picks the
    scenario's worst option, and gives every other item a middling answer (so that
    perencanaan would be the lowest indicator if it were scored)."""
    answers: dict[str, Any] = {}
    planning = {
        i.id for p in bank.pillars for x in p.indicators if x.id == "perencanaan" for i in x.items
    }
    for item in bank.items_asked_of("pelaksana"):
        if item.is_situational:
            best_first = sorted(item.options, key=lambda o: -o.score)
            answers[item.id] = (best_first[-1] if item.id in planning else best_first[1]).id
        else:
            answers[item.id] = "na" if item.id in planning else 4
    return sheet_for(bank, answers, role="pelaksana")


def test_a_pelaksana_answering_na_to_every_planning_statement_gets_no_planning_score():
    old, new = bundled_versions()
    before = score(old, pelaksana_without_planning(old))
    assert before.scoring_version == 2
    assert before.indicator("perencanaan").score == 0.0  # from the lone scenario
    assert "perencanaan" in [f.indicator.id for f in development_plan(old, before, "id")]

    after = score(new, pelaksana_without_planning(new))
    assert after.scoring_version == 3
    planning = after.indicator("perencanaan")
    assert (planning.score, planning.not_applicable) == (None, True)
    assert "perencanaan" not in [f.indicator.id for f in development_plan(new, after, "id")]
    program = next(p for p in after.pillars if any(i.id == "perencanaan" for i in p.indicators))
    assert program.not_applicable_indicators == 1
    assert program.score is not None
    line = next(
        line
        for p in build_report(new, after, "id").pillars
        for line in p.indicators
        if line.id == "perencanaan"
    )
    assert (line.level.state, line.level.label) == ("not-applicable", "tidak berlaku")
    counts = build_report(new, after, "en").counts_text
    assert "1 indicator(s) do not apply to you: an indicator is scored only when at least 2" in (
        counts
    )
    assert "do not apply" not in build_report(old, before, "en").counts_text


# --- the small bank of core values (scoring version 3) ------------------------------------------


def test_a_skipped_statement_is_missing_not_inapplicable(values_bank):
    # d-01, d-02 apply but are skipped; d-03, d-04 "na": 2 statements apply, none answered.
    result = score(values_bank, sheet_for(values_bank, {"d-03": "na", "d-04": "na", "d-s": "a"}))
    disiplin = result.indicator("disiplin")
    assert (disiplin.score, disiplin.not_applicable) == (None, False)
    # One of the two answered: still fewer than 2.
    result = score(values_bank, sheet_for(values_bank, {"d-01": 5, "d-03": "na", "d-04": "na"}))
    assert result.indicator("disiplin").score is None
    assert result.indicator("disiplin").not_applicable is False
    # Both answered: scored, the scenario too.
    answers = {"d-01": 5, "d-02": 2, "d-03": "na", "d-04": "na", "d-s": "b"}
    assert score(values_bank, sheet_for(values_bank, answers)).indicator("disiplin").score == 75.0


def test_an_indicator_that_does_not_apply_is_left_out_of_its_pillar(values_bank):
    answers = {"d-01": "na", "d-02": "na", "d-03": "na", "d-04": 2, "d-s": "a"}
    answers |= {"l-01": 5, "l-02": 4, "l-03": 1, "l-s": "b"}  # 100, 75, 100, 100
    result = score(values_bank, sheet_for(values_bank, answers))
    diri = result.pillar("diri")
    assert result.indicator("disiplin").not_applicable is True
    assert result.indicator("layanan").score == 93.75
    assert (diri.score, diri.scored_indicators, diri.not_applicable_indicators) == (93.75, 1, 1)
    # Skipped instead of "na", disiplin is missing: 1 of 2 indicators is still enough
    # by min_answered, but it counts as applicable.
    skipped = {k: v for k, v in answers.items() if v != "na"}
    diri = score(values_bank, sheet_for(values_bank, skipped)).pillar("diri")
    assert (diri.score, diri.scored_indicators, diri.not_applicable_indicators) == (93.75, 1, 0)


def test_a_role_with_one_applicable_statement_has_no_score_there(values_bank):
    # staf is asked r-01 and r-03 (r-02 is for kepala): with r-01 "na", one applies.
    answers = {"r-01": "na", "r-03": 5, "r-s": "e", "d-01": 5, "d-02": 1, "d-s": "a"}
    result = score(values_bank, sheet_for(values_bank, answers, role="staf"))
    assert result.indicator("rencana").not_applicable is True
    program = result.pillar("program")
    assert (program.score, program.not_applicable_indicators) == (None, 1)
    assert result.overall.not_applicable_pillars == 1
    # The overall score is the only scored pillar's: diri has disiplin 100, layanan skipped.
    assert result.pillar("diri").score == 100.0
    assert result.overall.score == 100.0
    # kepala is asked r-02 as well: two statements apply, one answered: not enough.
    result = score(values_bank, sheet_for(values_bank, answers, role="kepala"))
    assert (result.indicator("rencana").score, result.indicator("rencana").not_applicable) == (
        None,
        False,
    )


def test_a_rater_group_asked_one_statement_of_an_indicator_gives_it_no_score(values_bank):
    answers = {"l-02": 5}
    result = score(
        values_bank,
        sheet_for(values_bank, answers, rater_group="pengguna", target="Rina"),
    )
    layanan = result.indicator("layanan")
    assert (layanan.total_items, layanan.score, layanan.not_applicable) == (1, None, True)


def test_a_bank_may_ask_for_three_statements(values_bank_text):
    bank = parse_bank(
        values_bank_text.replace(
            "scoring_version = 3", "scoring_version = 3\nmin_answered_statements = 3"
        )
    )
    two = {"d-01": 5, "d-02": 1, "d-03": "na", "d-04": "na"}
    assert score(bank, sheet_for(bank, two)).indicator("disiplin").not_applicable is True
    three = {**two, "d-03": 5}
    assert score(bank, sheet_for(bank, three)).indicator("disiplin").score == 100.0


# --- results ---------------------------------------------------------------------------------


def test_a_result_saved_without_not_applicable_works_it_out_from_its_counts(small_bank):
    result = score(small_bank, sheet_for(small_bank, {"a1-1": "na", "a1-2": "na", "a1-3": "na"}))
    data = json.loads(result.model_dump_json())
    for pillar in data["pillars"]:
        for indicator in pillar["indicators"]:
            del indicator["not_applicable"]
    del data["values"]
    again = parse_result(json.dumps(data))
    # a1 has a situational item that was skipped: not every item is "na".
    assert again.indicator("a1").not_applicable is False
    assert IndicatorResult(
        id="x", score=None, answered_items=0, not_applicable_items=2, total_items=2
    ).not_applicable
    assert again == result


def test_a_result_naming_a_value_the_bank_lacks_is_refused(values_bank):
    result = score(values_bank, sheet_for(values_bank, {"d-01": 5}))
    data = json.loads(result.model_dump_json())
    data["values"][1]["id"] = "integritas"
    with pytest.raises(ResultError) as caught:
        check_result(values_bank, parse_result(json.dumps(data)), "hasil.json")
    (problem,) = caught.value.problems
    assert problem.where == "hasil.json: values[1].id"
    assert "integritas" in problem.message
