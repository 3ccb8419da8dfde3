"""Scoring rules v1 with exact numbers, on the small bank in conftest.py.

Item scores on the small bank, worked out by hand:
  agree 1-5:          1 -> 0, 2 -> 25, 3 -> 50, 4 -> 75, 5 -> 100
  agree 1-5 reversed: 1 -> 100, 2 -> 75, 3 -> 50, 4 -> 25, 5 -> 0
  four 0-3:           0 -> 0, 1 -> 33.3, 2 -> 66.7, 3 -> 100
  situational a1-s:   x (5) -> 100, y (2) -> 25, z (1) -> 0
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest import approx

from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.errors import AnswerSheetError
from asn_assess.core.scoring import band_for, item_score, score


def sheet(
    answers: dict[str, Any], bank_id: str = "small", bank_version: str = "2.0", **extra
) -> AnswerSheet:
    return AnswerSheet(bank_id=bank_id, bank_version=bank_version, answers=answers, **extra)


# Every pillar and indicator scored: the full worked example.
FULL = {
    "a1-1": 4,
    "a1-2": 2,
    "a1-3": 2,
    "a1-s": "y",  # 75, 75 (reversed, weight 3), 66.7, 25
    "a2-1": 5,
    "a2-2": 3,  # 100, 50
    "b1-1": 1,
    "b1-2": 1,  # 0, 0
    "b2-1": 3,
    "b2-2": 3,  # 50, 50
    "b3-1": 5,
    "b3-2": 4,  # 100, 75
}
A1 = (75 + 3 * 75 + 200 / 3 + 25) / 6
A2 = (100 + 50) / 2
PILLAR_A = (1 * A1 + 3 * A2) / 4
PILLAR_B = (0 + 50 + 87.5) / 3
OVERALL = (2 * PILLAR_A + 1 * PILLAR_B) / 3


# --- items ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item_id", "answer", "expected"),
    [
        ("a1-1", 1, 0),
        ("a1-1", 2, 25),
        ("a1-1", 3, 50),
        ("a1-1", 4, 75),
        ("a1-1", 5, 100),
        ("a1-3", 0, 0),
        ("a1-3", 1, 100 / 3),
        ("a1-3", 2, 200 / 3),
        ("a1-3", 3, 100),
    ],
)
def test_item_score_is_percent_of_maximum_possible(small_bank, item_id, answer, expected):
    assert item_score(small_bank, small_bank.items[item_id], answer) == approx(expected)


@pytest.mark.parametrize(("answer", "expected"), [(1, 100), (2, 75), (3, 50), (4, 25), (5, 0)])
def test_reversed_item_scores_low_plus_high_minus_answer(small_bank, answer, expected):
    assert item_score(small_bank, small_bank.items["a1-2"], answer) == approx(expected)


@pytest.mark.parametrize(("option", "expected"), [("x", 100), ("y", 25), ("z", 0)])
def test_situational_item_scores_the_chosen_options_value(small_bank, option, expected):
    assert item_score(small_bank, small_bank.items["a1-s"], option) == approx(expected)


# --- the full worked example -------------------------------------------------------------


def test_full_sheet_scores_every_level(small_bank):
    result = score(small_bank, sheet(FULL))
    assert result.indicator("a1").score == approx(A1)
    assert result.indicator("a2").score == approx(75)
    assert result.indicator("b1").score == approx(0)
    assert result.indicator("b2").score == approx(50)
    assert result.indicator("b3").score == approx(87.5)
    assert result.pillar("A").score == approx(PILLAR_A)
    assert result.pillar("B").score == approx(PILLAR_B)
    assert result.overall.score == approx(OVERALL)
    assert OVERALL == approx(63.657407, abs=1e-6)  # the hand calculation, spelled out


def test_full_sheet_gets_bands_at_every_level(small_bank):
    result = score(small_bank, sheet(FULL))
    assert [i.band for i in result.pillar("A").indicators] == ["mid", "high"]
    assert [i.band for i in result.pillar("B").indicators] == ["low", "mid", "high"]
    assert result.pillar("A").band == "mid"  # 72.6
    assert result.pillar("B").band == "low"  # 45.8
    assert result.overall.band == "mid"  # 63.7


def test_full_sheet_counts(small_bank):
    result = score(small_bank, sheet(FULL))
    assert (result.overall.answered_items, result.overall.total_items) == (12, 12)
    assert (result.overall.scored_pillars, result.overall.total_pillars) == (2, 2)
    pillar_a = result.pillar("A")
    assert (pillar_a.answered_items, pillar_a.total_items) == (6, 6)
    assert (pillar_a.scored_indicators, pillar_a.total_indicators) == (2, 2)
    assert (result.indicator("a1").answered_items, result.indicator("a1").total_items) == (4, 4)


def test_result_keeps_raw_answers_bank_and_sheet_details(small_bank):
    answers = dict(FULL)
    result = score(small_bank, sheet(answers, language="id", respondent={"name": "Ani"}))
    assert result.answers == answers
    assert (result.bank_id, result.bank_version) == ("small", "2.0")
    assert result.language == "id"
    assert result.respondent.name == "Ani"
    assert (result.schema_version, result.scoring_version) == (1, 2)


def test_result_round_trips_through_json_and_rescores_identically(small_bank):
    result = score(small_bank, sheet(FULL))
    reloaded = Result.model_validate_json(result.model_dump_json())
    assert reloaded == result
    rescored = score(
        small_bank,
        sheet(reloaded.answers, bank_id=reloaded.bank_id, bank_version=reloaded.bank_version),
    )
    assert rescored == result


# --- weights ----------------------------------------------------------------------------


def test_item_weights_in_indicator_mean(small_bank):
    # a1-1 = 100 (weight 1) and a1-2 = 0 (reversed 5, weight 3): 25, not the plain mean 50.
    result = score(small_bank, sheet({"a1-1": 5, "a1-2": 5}))
    assert result.indicator("a1").score == approx(25)


def test_indicator_weights_in_pillar_mean(small_bank):
    # a1 = 25 (weight 1), a2 = 100 (weight 3): (25 + 300) / 4.
    result = score(small_bank, sheet({"a1-1": 5, "a1-2": 5, "a2-1": 5, "a2-2": 5}))
    assert result.pillar("A").score == approx(81.25)


def test_pillar_weights_in_overall_mean(small_bank):
    # A = 100 (weight 2), B = 0 (weight 1): 200 / 3, not the plain mean 50.
    answers = {"a1-1": 5, "a1-2": 1, "a2-1": 5, "a2-2": 5}
    answers |= {f"b{i}-{j}": 1 for i in (1, 2, 3) for j in (1, 2)}
    result = score(small_bank, sheet(answers))
    assert result.pillar("A").score == approx(100)
    assert result.pillar("B").score == approx(0)
    assert result.overall.score == approx(200 / 3)


# --- how much must be answered ------------------------------------------------------------


def test_indicator_answered_exactly_at_min_answered_is_scored(small_bank):
    # 2 of a1's 4 items is exactly the bank's min_answered of 0.5.
    result = score(small_bank, sheet({"a1-1": 4, "a1-3": 3}))
    indicator = result.indicator("a1")
    assert indicator.score == approx((75 + 100) / 2)
    assert (indicator.answered_items, indicator.total_items) == (2, 4)


def test_indicator_answered_below_min_answered_is_null(small_bank):
    result = score(small_bank, sheet({"a1-1": 4}))
    indicator = result.indicator("a1")
    assert indicator.score is None
    assert indicator.band is None
    assert (indicator.answered_items, indicator.total_items) == (1, 4)


def test_unanswered_indicator_is_null(small_bank):
    result = score(small_bank, sheet({}))
    assert all(i.score is None for p in result.pillars for i in p.indicators)
    assert result.overall.score is None
    assert result.overall.answered_items == 0


def test_pillar_with_scored_share_exactly_at_min_answered_is_scored(small_bank):
    # Pillar A: a2 scored, a1 not: 1 of 2 indicators = 0.5.
    result = score(small_bank, sheet({"a1-1": 1, "a2-1": 4, "a2-2": 4}))
    pillar = result.pillar("A")
    assert result.indicator("a1").score is None
    assert pillar.score == approx(75)  # a2 alone; a1's weight does not dilute it
    assert (pillar.scored_indicators, pillar.total_indicators) == (1, 2)
    assert pillar.answered_items == 3


def test_pillar_with_scored_share_above_min_answered_is_scored(small_bank):
    # Pillar B: 2 of 3 indicators.
    result = score(small_bank, sheet({"b1-1": 5, "b1-2": 5, "b2-1": 1}))
    assert result.pillar("B").score == approx((100 + 0) / 2)
    assert result.pillar("B").scored_indicators == 2


def test_pillar_with_scored_share_below_min_answered_is_null(small_bank):
    # Pillar B: 1 of 3 indicators scored (b2 has 1 of 2 items answered, which is enough
    # on its own, so leave it and b3 empty).
    result = score(small_bank, sheet({"b1-1": 5, "b1-2": 5}))
    pillar = result.pillar("B")
    assert result.indicator("b1").score == approx(100)
    assert pillar.score is None
    assert pillar.band is None
    assert (pillar.scored_indicators, pillar.total_indicators) == (1, 3)


def test_overall_is_null_when_a_pillar_is_null(small_bank):
    answers = {k: v for k, v in FULL.items() if not k.startswith(("b2", "b3"))}
    result = score(small_bank, sheet(answers))
    assert result.pillar("A").score == approx(PILLAR_A)
    assert result.pillar("B").score is None
    assert result.overall.score is None
    assert result.overall.band is None
    assert (result.overall.scored_pillars, result.overall.total_pillars) == (1, 2)


def test_min_answered_is_read_from_the_bank(small_bank_text, build_bank, edit_text):
    strict = build_bank(edit_text(small_bank_text, ("min_answered = 0.5", "min_answered = 0.75")))
    assert score(strict, sheet({"a1-1": 4, "a1-3": 3})).indicator("a1").score is None
    three_of_four = score(strict, sheet({"a1-1": 4, "a1-3": 3, "a1-s": "x"}))
    assert three_of_four.indicator("a1").score == approx((75 + 100 + 100) / 3)


# --- bands ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "low"),
        (49.999999, "low"),
        (50, "mid"),
        (50.000001, "mid"),
        (74.999999, "mid"),
        (75, "high"),
        (100, "high"),
        (None, None),
    ],
)
def test_band_is_the_highest_threshold_not_above_the_score(small_bank, value, band):
    assert band_for(small_bank, value) == band


@pytest.mark.parametrize(
    ("answers", "score_", "band"),
    [
        ({"a2-1": 3, "a2-2": 3}, 50, "mid"),
        ({"a2-1": 3, "a2-2": 2}, 37.5, "low"),
        ({"a2-1": 4, "a2-2": 4}, 75, "high"),
        ({"a2-1": 4, "a2-2": 3}, 62.5, "mid"),
    ],
)
def test_indicator_band_at_and_below_the_edges(small_bank, answers, score_, band):
    indicator = score(small_bank, sheet(answers)).indicator("a2")
    assert indicator.score == approx(score_)
    assert indicator.band == band


def test_scores_keep_full_precision(small_bank):
    value = score(small_bank, sheet({"a1-1": 1, "a1-3": 1})).indicator("a1").score
    assert value == approx(100 / 6, rel=1e-12)  # (0 + 33.33...) / 2
    assert value != round(value, 2)


# --- answers that do not fit the bank ----------------------------------------------------


def problems_of(bank, answer_sheet):
    with pytest.raises(AnswerSheetError) as caught:
        score(bank, answer_sheet)
    return {p.where: p.message for p in caught.value.problems}


def test_sheet_for_another_bank_is_rejected(small_bank):
    problems = problems_of(small_bank, sheet({"a1-1": 3}, bank_id="asn-profesional"))
    assert list(problems) == ["bank_id"]
    assert "'asn-profesional'" in problems["bank_id"] and "'small'" in problems["bank_id"]


def test_sheet_for_another_version_is_rejected(small_bank):
    problems = problems_of(small_bank, sheet({"a1-1": 3}, bank_version="1.0"))
    assert list(problems) == ["bank_version"]
    assert "'1.0'" in problems["bank_version"] and "'2.0'" in problems["bank_version"]


def test_sheet_in_a_language_the_bank_lacks_is_rejected(small_bank):
    problems = problems_of(small_bank, sheet({"a1-1": 3}, language="en"))
    assert "'en'" in problems["language"]


@pytest.mark.parametrize(
    ("item_id", "answer", "fragment"),
    [
        ("nope-1", 3, "no item 'nope-1'"),
        ("a1-1", 6, "not a value of scale 'agree'"),
        ("a1-1", 0, "not a value of scale 'agree'"),
        ("a1-1", -1, "not a value of scale 'agree'"),
        ("a1-1", "4", "not a number on scale 'agree'"),
        ("a1-1", "SS", "not a number on scale 'agree'"),
        ("a1-s", "w", "not an option"),
        ("a1-s", "X", "not an option"),
        ("a1-s", 5, "not an option"),
    ],
    ids=[
        "unknown-item",
        "above-range",
        "below-range",
        "negative",
        "digit-string",
        "label-string",
        "unknown-option",
        "option-case",
        "number-for-situational",
    ],
)
def test_invalid_answer_is_rejected_naming_the_item(
    small_bank, item_id, answer, fragment, monkeypatch
):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")  # the fragments are the English texts
    problems = problems_of(small_bank, sheet({"a1-2": 3, item_id: answer}))
    assert list(problems) == [f"answers.{item_id}"]
    assert fragment in problems[f"answers.{item_id}"]


def test_value_inside_the_range_but_not_on_the_scale_is_rejected(
    small_bank_text, build_bank, edit_text
):
    # Scale "four" without its point 2: values 0, 1, 3.
    gapped = build_bank(
        edit_text(small_bank_text, ('  { value = 2, label = { id = "dua" } },\n', ""))
    )
    assert item_score(gapped, gapped.items["a1-3"], 3) == approx(100)
    problems = problems_of(gapped, sheet({"a1-3": 2}))
    assert "bukan nilai skala 'four' (0, 1, 3)" in problems["answers.a1-3"]


def test_situational_options_name_the_choices(small_bank):
    problems = problems_of(small_bank, sheet({"a1-s": "w"}))
    assert "x, y, z" in problems["answers.a1-s"]


def test_every_bad_answer_is_reported(small_bank):
    problems = problems_of(
        small_bank, sheet({"a1-1": 9, "a1-s": 2, "ghost": 1, "b1-1": "3", "b1-2": 3})
    )
    assert set(problems) == {"answers.a1-1", "answers.a1-s", "answers.ghost", "answers.b1-1"}


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        (81.25, "en", "81.3"),
        (68.75, "id", "68,8"),
        (66.66666666666667, "en", "66.7"),
        (100.0, "id", "100,0"),
        (0.0, "en", "0.0"),
        (0.05, "en", "0.1"),
    ],
)
def test_display_rounds_half_up_with_the_language_decimal_mark(value, language, shown):
    from asn_assess.core.i18n import format_score

    assert format_score(value, language) == shown
