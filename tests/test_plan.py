"""The development plan rule (reports/plan.py, docs/reports.md) on crafted results:
one per pillar below the threshold, at least two, ties in bank order, all high, all
without a score; the answers behind a choice; actions by role."""

from __future__ import annotations

import pytest

from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.scoring import score
from asn_assess.reports.plan import (
    action_list,
    chosen_actions,
    development_plan,
    development_threshold,
    focus_indicators,
    pulling_down,
)
from asn_assess.reports.report_data import build_report


def scored(bank, answers=None, role=None) -> Result:
    answers = answers or {
        item_id: ("x" if item.is_situational else 3) for item_id, item in bank.items.items()
    }
    sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, role=role)
    return score(bank, sheet)


def with_scores(result: Result, scores: dict) -> Result:
    """``result`` with these indicator scores (None: no score)."""
    pillars = []
    for pillar in result.pillars:
        indicators = [
            i.model_copy(update={"score": scores[i.id]}) if i.id in scores else i
            for i in pillar.indicators
        ]
        pillars.append(pillar.model_copy(update={"indicators": indicators}))
    return result.model_copy(update={"pillars": pillars})


def plan_ids(bank, result) -> tuple[list[str], bool]:
    chosen, below = focus_indicators(bank, result)
    return [s.indicator.id for s in chosen], below


def test_threshold_is_the_named_band(small_bank, bundled_bank):
    assert development_threshold(small_bank) == 50
    assert development_threshold(bundled_bank) == 70


def test_lowest_below_the_threshold_of_each_pillar_lowest_first(small_bank):
    result = with_scores(scored(small_bank), {"a1": 40, "a2": 30, "b1": 45, "b2": 20, "b3": 60})
    assert plan_ids(small_bank, result) == (["b2", "a2"], True)


def test_at_least_two_when_one_pillar_holds_every_low_indicator(small_bank):
    result = with_scores(scored(small_bank), {"a1": 10, "a2": 20, "b1": 50, "b2": 70, "b3": 90})
    assert plan_ids(small_bank, result) == (["a1", "a2"], True)


def test_a_single_indicator_below_is_the_whole_plan(small_bank):
    result = with_scores(scored(small_bank), {"a1": 60, "a2": 49.99, "b1": 50, "b2": 70, "b3": 90})
    assert plan_ids(small_bank, result) == (["a2"], True)


def test_ties_go_to_the_first_in_the_bank(small_bank):
    result = with_scores(scored(small_bank), {"a1": 30, "a2": 30, "b1": 30, "b2": 30, "b3": 30})
    assert plan_ids(small_bank, result) == (["a1", "b1"], True)


def test_all_high_plans_the_lowest_to_strengthen_further(small_bank):
    result = with_scores(scored(small_bank), {"a1": 90, "a2": 75, "b1": 80, "b2": 75, "b3": 100})
    assert plan_ids(small_bank, result) == (["a2"], False)
    data = build_report(small_bank, result, "en")
    assert data.plan_intro.startswith("Every indicator has reached the threshold")
    assert "to strengthen further" in data.plan[0].why


def test_all_null_plans_nothing(small_bank):
    result = with_scores(scored(small_bank), dict.fromkeys(["a1", "a2", "b1", "b2", "b3"]))
    assert plan_ids(small_bank, result) == ([], False)
    data = build_report(small_bank, result, "id")
    assert data.plan == []
    assert (
        data.plan_intro == "Belum ada indikator yang terukur, jadi belum ada rencana pengembangan."
    )


def test_at_most_three_one_per_pillar(bundled_bank):
    answers = {
        item_id: (item.options[0].id if item.is_situational else 3)
        for item_id, item in bundled_bank.items.items()
    }
    result = scored(bundled_bank, answers)
    chosen, below = focus_indicators(bundled_bank, result)
    assert below and len(chosen) == 3
    assert sorted(s.pillar_id for s in chosen) == sorted(p.id for p in bundled_bank.pillars)
    scores = [s.score for s in chosen]
    assert scores == sorted(scores)


def test_not_applicable_indicators_take_no_part(small_bank):
    answers = {"a1-1": 5, "a1-2": 1, "a1-3": 3, "a1-s": "x", "a2-1": "na", "a2-2": "na"}
    answers |= {f"b{n}-{m}": 5 for n in (1, 2, 3) for m in (1, 2)}
    result = scored(small_bank, answers)
    assert result.indicator("a2").score is None
    ids, below = plan_ids(small_bank, result)
    assert "a2" not in ids and not below
    data = build_report(small_bank, result, "id")
    a2 = next(line for line in data.weakest_first if line.id == "a2")
    assert a2.level.label == "tidak berlaku"
    assert data.weakest_first[-1].id == "a2"  # without a score: after every score


def test_reasons_are_the_answers_that_cost_most(small_bank):
    # a1: a1-1 (w1) at 4 -> 75, a1-2 reversed (w3) at 4 -> 25, a1-3 at 3 -> 100, a1-s y -> 25
    answers = {"a1-1": 4, "a1-2": 4, "a1-3": 3, "a1-s": "y"}
    answers |= {i: 1 for i in ("a2-1", "a2-2", "b1-1", "b1-2", "b2-1", "b2-2", "b3-1", "b3-2")}
    result = scored(small_bank, answers)
    a1 = small_bank.pillars[0].indicators[0]
    reasons = pulling_down(small_bank, a1, result, "id")
    assert [r.item.id for r in reasons] == ["a1-2", "a1-s"]
    assert reasons[0].loss == pytest.approx(3 * 75 / 6)
    assert reasons[0].answer == "S"
    assert reasons[1].answer == "Pilihan y"
    assert [f.indicator.id for f in development_plan(small_bank, result, "id")][:1] == ["a2"]


def test_situational_reason_quotes_the_situation_and_the_choice(bundled_bank):
    answers = {
        item_id: (
            min(item.options, key=lambda o: o.score).id
            if item.is_situational
            else (1 if item.is_reversed else 5)
        )
        for item_id, item in bundled_bank.items.items()
        if item_id.startswith("disiplin")
    }
    result = scored(bundled_bank, answers)
    data = build_report(bundled_bank, result, "en")
    [entry] = [e for e in data.plan if e.id == "disiplin"]
    situational = [r for r in entry.reasons if r.situational]
    assert situational, entry.reasons
    assert situational[0].statement.startswith("Your unit's rules require")
    assert situational[0].answer.startswith("Hand over the file, then fill in the loan book")
    assert situational[0].rationale.startswith("Logging the loan")


def test_one_action_of_each_kind_suited_to_the_role(bundled_bank):
    downward = next(
        i for p in bundled_bank.pillars for i in p.indicators if i.id == "komunikasi-ke-bawah"
    )
    for role in (None, "pelaksana", "struktural"):
        actions = chosen_actions(downward, role)
        assert sorted(a.kind for a in actions) == ["from-others", "on-the-job", "training"]
        assert all(not a.roles or role in a.roles for a in actions if role)
    answers = {
        item.id: 1 for item in bundled_bank.items_asked_of("pelaksana") if not item.is_situational
    }
    answers |= {
        item.id: item.options[0].id
        for item in bundled_bank.items_asked_of("pelaksana")
        if item.is_situational
    }
    result = scored(bundled_bank, answers, role="pelaksana")
    listed = {indicator.id: actions for indicator, actions in action_list(bundled_bank, result)}
    kept = listed[downward.id]
    assert len(kept) == len([a for a in downward.actions if not a.roles or "pelaksana" in a.roles])
    assert all("struktural" not in a.roles or "pelaksana" in a.roles for a in kept)
