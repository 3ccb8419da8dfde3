"""The response-quality flag for an implausibly perfect pattern: nearly every statement
at its favourable extreme (90% or more) and every scenario at its best option. Its
threshold is exact, it never changes a score, and the report words it kindly."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from asn_assess.analysis.quality import (
    PERFECT_PATTERN,
    RULES_BY_ID,
    QualityChecker,
    result_quality,
)
from asn_assess.core.answer_codes import answer_codes
from asn_assess.core.documents import AnswerSheet, QualityFlag
from asn_assess.core.models import Bank, Item
from asn_assess.core.scoring import score, score_block, sheet_columns
from asn_assess.reports.report_data import build_report
from asn_assess.reports.text import render_text

ROLE = "pelaksana"


def best(item: Item) -> str:
    return max(item.options, key=lambda o: o.score).id


def second_best(item: Item) -> str:
    return sorted(item.options, key=lambda o: -o.score)[1].id


def favourable(bank: Bank, item: Item) -> int:
    scale = bank.scale_of(item)
    return scale.low if item.is_reversed else scale.high


def fake_good(bank: Bank, role: Optional[str] = ROLE) -> dict[str, Any]:
    """Every statement at its favourable extreme, every scenario at its best option."""
    return {
        item.id: best(item) if item.is_situational else favourable(bank, item)
        for item in bank.items_asked_of(role)
    }


def perfect(bank: Bank, answers: dict[str, Any], role: Optional[str] = ROLE) -> Any:
    """(value, flagged) of the rule for these answers: the value as the batch column
    holds it, whether the flag is in the result's flags."""
    sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, role=role)
    result = score(bank, sheet)
    flags = {flag.rule: flag for flag in result_quality(bank, result)}
    columns = sheet_columns(bank, answers)
    block = QualityChecker(bank).block(
        columns, answer_codes(bank, [answers]), score_block(bank, columns, 1, role)
    )
    value = float(block.values[PERFECT_PATTERN][0])
    return value, PERFECT_PATTERN in flags


def statements(bank: Bank, role: Optional[str] = ROLE) -> list[Item]:
    return [item for item in bank.items_asked_of(role) if not item.is_situational]


def test_a_fake_good_pattern_is_flagged(bundled_bank):
    value, flagged = perfect(bundled_bank, fake_good(bundled_bank))
    assert (value, flagged) == (1.0, True)


def test_one_scenario_short_of_its_best_is_not_flagged(bundled_bank):
    answers = fake_good(bundled_bank)
    scenario = next(i for i in bundled_bank.items_asked_of(ROLE) if i.is_situational)
    answers[scenario.id] = second_best(scenario)
    assert perfect(bundled_bank, answers) == (1.0, False)
    # Skipping a scenario is not answering it below its best.
    del answers[scenario.id]
    assert perfect(bundled_bank, answers) == (1.0, True)


def test_the_threshold_is_exact_at_ninety_percent(bundled_bank):
    items = statements(bundled_bank)
    base = fake_good(bundled_bank)
    # Exactly 9 of 10 answered statements at the extreme: 90%, flagged.
    kept = items[:10]
    answers = {k: v for k, v in base.items() if k not in {i.id for i in items[10:]}}
    answers[kept[0].id] = 3  # the middle of the scale, not an extreme
    assert perfect(bundled_bank, answers) == (0.9, True)
    # 8 of 10: 80%, not flagged.
    answers[kept[1].id] = 3
    assert perfect(bundled_bank, answers) == (0.8, False)
    # The value is a quotient of counts: 63 of 70 is 0.9 as well.
    answers = {k: v for k, v in base.items() if k not in {i.id for i in items[70:]}}
    for item in items[:7]:
        answers[item.id] = 3
    assert perfect(bundled_bank, answers) == (0.9, True)


def test_fewer_than_ten_statements_are_not_measured(bundled_bank):
    items = statements(bundled_bank)
    answers = {
        k: v for k, v in fake_good(bundled_bank).items() if k not in {i.id for i in items[9:]}
    }
    value, flagged = perfect(bundled_bank, answers)
    assert np.isnan(value) and not flagged


def test_sometimes_and_rarely_is_no_perfect_pattern(bundled_bank):
    # "Sering" to every positive statement, "Jarang" to every lapse: no extreme at all.
    answers = {
        item.id: best(item) if item.is_situational else (2 if item.is_reversed else 4)
        for item in bundled_bank.items_asked_of(ROLE)
    }
    assert perfect(bundled_bank, answers) == (0.0, False)


def test_na_answers_do_not_count_either_way(bundled_bank):
    answers = fake_good(bundled_bank)
    for item in statements(bundled_bank)[:30]:
        answers[item.id] = "na"
    assert perfect(bundled_bank, answers) == (1.0, True)


def test_the_flag_changes_no_score_and_the_report_says_it_kindly(bundled_bank):
    sheet = AnswerSheet(
        bank_id=bundled_bank.id,
        bank_version=bundled_bank.version,
        answers=fake_good(bundled_bank),
        role=ROLE,
    )
    result = score(bundled_bank, sheet)
    flagged = result.model_copy(update={"quality": result_quality(bundled_bank, result)})
    assert QualityFlag(rule=PERFECT_PATTERN, value=1.0, threshold=0.9) in flagged.quality
    assert flagged.pillars == result.pillars and flagged.overall == result.overall
    assert RULES_BY_ID[PERFECT_PATTERN].threshold == 0.9
    indonesian = " ".join(render_text(build_report(bundled_bank, flagged, "id")).split())
    assert "Hampir semua pernyataan (100%) Anda jawab pada ujung yang paling baik" in indonesian
    assert "bukan menurut yang seharusnya" in indonesian
    english = " ".join(render_text(build_report(bundled_bank, flagged, "en")).split())
    assert "even very capable people usually find one or two things they rarely do" in english
