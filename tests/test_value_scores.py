"""Core-value scores (the BerAKHLAK profile): exact numbers worked out by hand on the
small bank of core values (tests/data/banks/nilai-v3.toml, whose header lists its
items), the rule for "na", skipped items and too few answers, and every value score
against a mean computed here independently, with fractions, on random answers."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any, Optional

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_assess.core.bank import load_bank, parse_bank
from asn_assess.core.documents import AnswerSheet, Result, ValueResult
from asn_assess.core.models import Bank, Item
from asn_assess.core.scoring import score
from asn_assess.core.value_scores import VALUE_ITEMS_NEEDED
from conftest import VALUES_BANK_PATH

BANK = load_bank(VALUES_BANK_PATH)
EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def sheet(answers: dict[str, Any], **extra: Any) -> AnswerSheet:
    return AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers, **extra)


def value(result: Result, value_id: str) -> ValueResult:
    return next(v for v in result.values if v.id == value_id)


# --- by hand --------------------------------------------------------------------------------


def test_value_scores_by_hand():
    answers = {
        "d-01": 5,  # akuntabel: 100
        "d-02": 2,  # akuntabel, reversed: 4 -> 75
        "d-s": "b",  # akuntabel: option b scores 3 -> 50
        "d-04": 1,  # loyal, reversed, weight 2: 5 -> 100
        "l-03": 3,  # pelayanan and loyal, reversed: 50
        "r-03": 4,  # loyal: 75
        "l-01": 4,  # pelayanan: 75
        "l-02": "na",  # pelayanan: not applicable
    }
    result = score(BANK, sheet(answers))
    assert [v.id for v in result.values] == ["pelayanan", "akuntabel", "loyal"]
    akuntabel = value(result, "akuntabel")
    assert (akuntabel.score, akuntabel.band) == (75.0, "cakap")  # (100 + 75 + 50) / 3
    assert (akuntabel.answered_items, akuntabel.not_applicable_items, akuntabel.total_items) == (
        3,
        0,
        3,
    )
    loyal = value(result, "loyal")
    assert (loyal.score, loyal.band) == (81.25, "cakap")  # (2 * 100 + 50 + 75) / 4
    pelayanan = value(result, "pelayanan")
    assert (pelayanan.score, pelayanan.band) == (62.5, "perlu")  # (75 + 50) / 2, l-02 "na"
    assert (pelayanan.answered_items, pelayanan.not_applicable_items) == (2, 1)
    # A value never changes the pillars' scores: the same answers without tags.
    text = VALUES_BANK_PATH.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^values = .*\n", "", text)
    text = re.sub(r"\[\[values\]\]\n(?:[a-z]+ = .*\n)+", "", text)
    untagged = parse_bank(text)
    plain = score(
        untagged, AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers)
    )
    assert plain.values == []
    assert plain.pillars == result.pillars
    assert plain.overall == result.overall


def test_na_skipped_and_too_few_answers():
    # pelayanan: l-01 and l-02 "na", l-03 answered: 1 applicable item, not applicable.
    result = score(BANK, sheet({"l-01": "na", "l-02": "na", "l-03": 5}))
    pelayanan = value(result, "pelayanan")
    assert (pelayanan.score, pelayanan.not_applicable, pelayanan.answered_items) == (None, True, 1)
    # Skipped instead: 3 apply, 1 answered: too few answers, not "not applicable".
    result = score(BANK, sheet({"l-03": 5}))
    pelayanan = value(result, "pelayanan")
    assert (pelayanan.score, pelayanan.not_applicable) == (None, False)
    # Two of three answered: share 2/3 is not below min_answered 0.5, and 2 answers.
    result = score(BANK, sheet({"l-03": 5, "l-01": 5}))
    assert value(result, "pelayanan").score == 50.0  # (0 + 100) / 2
    # Nothing answered at all.
    assert all(v.score is None and not v.not_applicable for v in score(BANK, sheet({})).values)


def test_an_answered_scenario_of_an_indicator_that_does_not_apply_counts_for_its_value():
    # disiplin does not apply (its statements "na" but d-01); d-s still counts for akuntabel.
    result = score(BANK, sheet({"d-01": 5, "d-02": "na", "d-03": "na", "d-04": "na", "d-s": "a"}))
    assert result.indicator("disiplin").not_applicable is True
    assert value(result, "akuntabel").score == 100.0


def test_a_rater_sees_a_value_through_the_items_their_group_is_asked():
    answers = {"l-02": 5}
    result = score(BANK, sheet(answers, rater_group="pengguna", target="Rina"))
    pelayanan = value(result, "pelayanan")
    assert (pelayanan.total_items, pelayanan.not_applicable, pelayanan.score) == (1, True, None)
    assert value(result, "akuntabel").total_items == 0
    result = score(BANK, sheet({"l-01": 4, "l-02": 5}, rater_group="rekan", target="Rina"))
    assert value(result, "pelayanan").score == 87.5


def test_the_example_of_docs_scoring_md():
    text = (EXAMPLES / "contoh.toml").read_text(encoding="utf-8")
    tagged = {"disiplin-01", "disiplin-02", "disiplin-s1", "tuntas-01"}
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.startswith("id = ") and line[6:-1] in tagged:
            lines.append('values = ["akuntabel"]')
    text = (
        "\n".join(lines)
        + '\n[[values]]\nid = "akuntabel"\nlabel = { id = "Akuntabel", en = "Accountable" }\n'
    )
    bank = parse_bank(text)
    answers = json.loads((EXAMPLES / "contoh-answers.json").read_text(encoding="utf-8"))["answers"]

    def akuntabel(changes: dict[str, Any]) -> ValueResult:
        sheet = AnswerSheet(bank_id="contoh", bank_version="1.0.0", answers={**answers, **changes})
        return score(bank, sheet).values[0]

    assert (akuntabel({}).score, akuntabel({}).band) == (70.0, "cakap")
    assert (akuntabel({"disiplin-02": "na"}).score, akuntabel({"disiplin-02": "na"}).band) == (
        68.75,
        "berkembang",
    )
    # disiplin-02 and tuntas-01 "na", disiplin-s1 skipped (a scenario has no "na"):
    # 2 tagged items apply, 1 answered.
    one = {k: v for k, v in answers.items() if k != "disiplin-s1"}
    sheet = AnswerSheet(
        bank_id="contoh",
        bank_version="1.0.0",
        answers={**one, "disiplin-02": "na", "tuntas-01": "na"},
    )
    found = score(bank, sheet).values[0]
    assert (found.score, found.not_applicable, found.answered_items) == (None, False, 1)


# --- against an independent mean ---------------------------------------------------------------


def pomp(bank: Bank, item: Item, answer: Any) -> Fraction:
    """An item's 0-100 score, worked out here from the bank's numbers."""
    values = [p.value for p in bank.scale_of(item).points]
    low, high = min(values), max(values)
    if item.is_situational:
        raw = next(o.score for o in item.options if o.id == answer)
    else:
        raw = low + high - answer if item.reverse else answer
    return Fraction(raw - low, high - low) * 100


def expected_value(
    bank: Bank, value_id: str, answers: dict[str, Any], role: Optional[str]
) -> tuple[Optional[Fraction], bool]:
    """(score, not applicable) of a value by the rule of docs/scoring.md."""
    items = [
        item
        for pillar in bank.pillars
        for indicator in pillar.indicators
        for item in indicator.items
        if value_id in item.values and (not item.roles or role is None or role in item.roles)
    ]
    applicable = [i for i in items if answers.get(i.id) != "na"]
    answered = [i for i in applicable if i.id in answers]
    if len(applicable) < 2:
        return None, True
    if len(answered) < 2 or Fraction(len(answered), len(applicable)) < Fraction(
        str(bank.min_answered)
    ):
        return None, False
    weights = sum(Fraction(i.weight) for i in answered)
    total = sum(Fraction(i.weight) * pomp(bank, i, answers[i.id]) for i in answered)
    return total / weights, False


def answer_options(item: Item) -> list[Any]:
    if item.is_situational:
        return [o.id for o in item.options]
    return [p.value for p in BANK.scale_of(item).points] + ["na"]


answer_sets = st.fixed_dictionaries(
    {},
    optional={
        item_id: st.sampled_from(answer_options(item)) for item_id, item in BANK.items.items()
    },
)


@settings(max_examples=300, deadline=None)
@given(
    answer_sets, st.sampled_from([None, "staf", "kepala"]), st.sampled_from([0.0, 0.5, 0.75, 1.0])
)
def test_every_value_score_equals_an_independent_weighted_mean(answers, role, min_answered):
    bank = BANK
    if min_answered != 0.5:
        bank = parse_bank(
            VALUES_BANK_PATH.read_text(encoding="utf-8").replace(
                "scoring_version = 3", f"scoring_version = 3\nmin_answered = {min_answered}"
            )
        )
    if role is not None:
        answers = {k: v for k, v in answers.items() if bank.items[k].asked_of(role)}
    result = score(
        bank, AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, role=role)
    )
    assert VALUE_ITEMS_NEEDED == 2  # the rule written in expected_value
    for found in result.values:
        wanted, not_applicable = expected_value(bank, found.id, answers, role)
        assert found.not_applicable is not_applicable, found
        if wanted is None:
            assert found.score is None and found.band is None
        else:
            assert found.score is not None
            assert abs(Fraction(found.score) - wanted) < Fraction(1, 10**9), (found, wanted)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(answer_sets, st.sampled_from([None, "staf", "kepala"])), min_size=1, max_size=8
    )
)
def test_rows_of_different_roles_scored_together_keep_their_own_values(people):
    from asn_assess.core.scoring import ItemColumn, item_score, score_block_by_role

    people = [
        ({k: v for k, v in answers.items() if role is None or BANK.items[k].asked_of(role)}, role)
        for answers, role in people
    ]
    rows = len(people)
    columns = {}
    for item_id, item in BANK.items.items():
        scores, answered, na = np.zeros(rows), np.zeros(rows, bool), np.zeros(rows, bool)
        for row, (answers, _) in enumerate(people):
            if answers.get(item_id) == "na":
                na[row] = True
            elif item_id in answers:
                scores[row] = item_score(BANK, item, answers[item_id])
                answered[row] = True
        columns[item_id] = ItemColumn(scores, answered, na)
    block = score_block_by_role(BANK, columns, [role for _, role in people])
    for row, (answers, role) in enumerate(people):
        alone = score(BANK, sheet(answers, role=role))
        for found in alone.values:
            level = block.values[found.id]
            got = float(level.score[row])
            assert (None if got != got else got) == found.score
            assert not bool(level.applies[row]) == found.not_applicable
            assert int(level.answered[row]) == found.answered_items
