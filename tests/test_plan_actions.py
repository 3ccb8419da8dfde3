"""Which development actions the plan shows: those aimed at the person's lowest answers,
then role-specific and linked ones, then the rest; and the JP an action counts. On the
small bank of core values (tests/data/banks/nilai-v3.toml), whose actions are:

disiplin  on-the-job  items d-01 · on-the-job  items d-02 · on-the-job  linked (e-Kinerja)
          from-others items d-04, 2 JP · training 8 JP
layanan   on-the-job  linked, items l-02 · from-others 2 JP
rencana   on-the-job  linked, kepala only · on-the-job items r-01 · training 16 JP
"""

from __future__ import annotations

from typing import Any, Optional

from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.models import Action, Bank
from asn_assess.core.scoring import score
from asn_assess.reports.plan import (
    action_list,
    chosen_actions,
    development_plan,
    losing_answers,
    ranked_actions,
)
from asn_assess.reports.report_data import build_report
from asn_assess.reports.text import render_text


def result_of(bank: Bank, answers: dict[str, Any], role: Optional[str] = None) -> Result:
    sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, role=role)
    return score(bank, sheet)


def short(bank: Bank, actions: Any) -> list[str]:
    """Each action as the start of its English text."""
    return [bank.text(a.text, "en").split(" ")[0] + "/" + a.kind for a in actions]


def indicator(bank: Bank, indicator_id: str) -> Any:
    return next(i for p in bank.pillars for i in p.indicators if i.id == indicator_id)


def plan_actions(bank: Bank, result: Result, indicator_id: str) -> tuple[Action, ...]:
    entry = next(f for f in development_plan(bank, result, "en") if f.indicator.id == indicator_id)
    return entry.actions


LOW_DISCIPLINE = {"d-01": 5, "d-02": 5, "d-03": 3, "d-04": 1, "d-s": "b"}
"""d-02 (reversed, answered Always) is the lowest answer, then d-03 and d-s; d-01 and
d-04 score 100. Disiplin: (100 + 0 + 50 + 2 * 100 + 50) / 6 = 66.7, below Cakap."""


def test_the_action_aimed_at_the_lowest_answer_comes_first(values_bank):
    result = result_of(values_bank, LOW_DISCIPLINE)
    disiplin = indicator(values_bank, "disiplin")
    lowest = [r.item.id for r in losing_answers(values_bank, disiplin, result, "en")]
    assert lowest == ["d-02", "d-03", "d-s"]  # equal losses in bank order
    assert short(values_bank, plan_actions(values_bank, result, "disiplin")) == [
        "Set/on-the-job",  # items d-02: the lowest answer
        "Take/training",  # aimed at nothing in particular
        "Ask/from-others",  # items d-04, answered at its best
    ]
    # The full list: matched, linked, untagged, aimed elsewhere; bank order within.
    assert short(values_bank, ranked_actions(disiplin, None, lowest)) == [
        "Set/on-the-job",
        "Discuss/on-the-job",
        "Take/training",
        "Mark/on-the-job",
        "Ask/from-others",
    ]
    listed = {i.id: actions for i, actions in action_list(values_bank, result)}
    assert short(values_bank, listed["disiplin"]) == short(
        values_bank, ranked_actions(disiplin, None, lowest)
    )


def test_the_earlier_lowest_answer_wins(values_bank):
    answers = {**LOW_DISCIPLINE, "d-01": 1, "d-02": 4}  # d-01 0, d-02 25
    result = result_of(values_bank, answers)
    assert short(values_bank, plan_actions(values_bank, result, "disiplin"))[0] == (
        "Mark/on-the-job"
    )


def test_without_a_matching_action_the_linked_one_comes_first(values_bank):
    # Only d-03 (untagged) and the scenario lose points; d-01, d-02 and d-04 are at best.
    answers = {"d-01": 5, "d-02": 1, "d-03": 1, "d-04": 1, "d-s": "c"}
    result = result_of(values_bank, answers)
    assert short(values_bank, plan_actions(values_bank, result, "disiplin")) == [
        "Discuss/on-the-job",  # linked: e-Kinerja
        "Take/training",
        "Ask/from-others",
    ]


def test_role_specific_actions_come_first_and_other_roles_never_see_them(values_bank):
    rencana = indicator(values_bank, "rencana")
    high_r01 = {"r-01": 5, "r-02": 1, "r-03": 1, "r-s": "a"}
    kepala = result_of(values_bank, high_r01, role="kepala")
    assert short(values_bank, plan_actions(values_bank, kepala, "rencana"))[0] == "Check/on-the-job"
    low_r01 = {**high_r01, "r-01": 1, "r-02": 2}  # r-01 lowest, then r-02
    kepala = result_of(values_bank, low_r01, role="kepala")
    assert short(values_bank, plan_actions(values_bank, kepala, "rencana"))[0] == "Write/on-the-job"
    staf = {k: v for k, v in low_r01.items() if k != "r-02"}
    actions = chosen_actions(rencana, "staf", ["r-01"])
    assert all(not a.roles for a in actions)
    assert short(
        values_bank, plan_actions(values_bank, result_of(values_bank, staf, "staf"), "rencana")
    )[0] == ("Write/on-the-job")


def test_jp_is_named_with_the_action_and_explained_once(values_bank):
    result = result_of(values_bank, LOW_DISCIPLINE)
    data = build_report(values_bank, result, "en")
    entry = next(e for e in data.plan if e.id == "disiplin")
    assert [(a.kind, a.details) for a in entry.actions] == [
        ("on-the-job", None),
        ("training", "8 JP"),
        ("from-others", "2 JP"),
    ]
    text = " ".join(render_text(data).split())
    assert "Training (8 JP): Take an online class" in text
    assert text.count("can be recorded towards the yearly entitlement of at least 20 JP") == 1
    assert data.jp_note is not None


def test_weeks_and_jp_show_together(values_bank, edit_text, values_bank_text, build_bank):
    bank = build_bank(edit_text(values_bank_text, ("jp = 8", "jp = 8\nweeks = 6")))
    data = build_report(bank, result_of(bank, LOW_DISCIPLINE), "id")
    entry = next(e for e in data.plan if e.id == "disiplin")
    assert "6 minggu, 8 JP" in [a.details for a in entry.actions]


def test_no_jp_note_when_no_action_shown_counts_jp(small_bank):
    answers = {
        item_id: ("y" if item.is_situational else 2) for item_id, item in small_bank.items.items()
    }
    data = build_report(small_bank, result_of(small_bank, answers), "id")
    assert data.jp_note is None
    assert "20 JP" not in render_text(data, all_actions=True)
