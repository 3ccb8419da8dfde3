"""Scoring rules v1: the one implementation every command uses.

docs/scoring.md states the same rules in prose with a worked example; keep them in step.

- Item: a scale answer ``x`` on ``[lo, hi]`` is first reversed when the item is
  reverse-keyed (``lo + hi - x``); a situational answer takes its option's score. The
  item score is ``(x - lo) / (hi - lo) * 100``.
- Indicator: weighted mean of its answered items; None when the answered share of its
  items is below the bank's ``min_answered``.
- Pillar: weighted mean of its scored indicators; None when the scored share of its
  indicators is below ``min_answered``.
- Overall: weighted mean of the pillars; None unless every pillar is scored.
- Band: the band with the highest ``min`` not above the score. Full precision is kept.
"""

from __future__ import annotations

from typing import Iterable, Optional

from asn_assess.errors import AnswerSheetError, Problem
from asn_assess.models import (
    AnswerSheet,
    AnswerValue,
    Bank,
    IndicatorResult,
    Item,
    OverallResult,
    PillarResult,
    Result,
)


def score(bank: Bank, sheet: AnswerSheet) -> Result:
    """Score an answer sheet against its bank. Raises ``AnswerSheetError`` listing every
    answer that does not fit the bank."""
    check_sheet(bank, sheet)
    pillar_results = []
    for pillar in bank.pillars:
        indicator_results = []
        for indicator in pillar.indicators:
            answered = [
                (item.weight, item_score(bank, item, sheet.answers[item.id]))
                for item in indicator.items
                if item.id in sheet.answers
            ]
            value = _mean_if_enough(answered, len(indicator.items), bank.min_answered)
            indicator_results.append(
                IndicatorResult(
                    id=indicator.id,
                    score=value,
                    band=band_for(bank, value),
                    answered_items=len(answered),
                    total_items=len(indicator.items),
                )
            )
        scored = [
            (indicator.weight, result.score)
            for indicator, result in zip(pillar.indicators, indicator_results)
            if result.score is not None
        ]
        value = _mean_if_enough(scored, len(pillar.indicators), bank.min_answered)
        pillar_results.append(
            PillarResult(
                id=pillar.id,
                score=value,
                band=band_for(bank, value),
                answered_items=sum(r.answered_items for r in indicator_results),
                total_items=sum(r.total_items for r in indicator_results),
                scored_indicators=len(scored),
                total_indicators=len(pillar.indicators),
                indicators=indicator_results,
            )
        )
    scored_pillars = [
        (pillar.weight, result.score)
        for pillar, result in zip(bank.pillars, pillar_results)
        if result.score is not None
    ]
    overall = (
        weighted_mean(scored_pillars) if len(scored_pillars) == len(bank.pillars) else None
    )
    return Result(
        bank_id=bank.id,
        bank_version=bank.version,
        language=sheet.language,
        respondent=sheet.respondent,
        started_at=sheet.started_at,
        finished_at=sheet.finished_at,
        overall=OverallResult(
            score=overall,
            band=band_for(bank, overall),
            answered_items=sum(p.answered_items for p in pillar_results),
            total_items=bank.item_count,
            scored_pillars=len(scored_pillars),
            total_pillars=len(bank.pillars),
        ),
        pillars=pillar_results,
        answers=dict(sheet.answers),
    )


def item_score(bank: Bank, item: Item, answer: AnswerValue) -> float:
    """An answer's score on 0-100 (POMP). The answer must already be checked."""
    scale = bank.scale_of(item)
    low, high = scale.low, scale.high
    if item.is_situational:
        option = item.option(str(answer))
        assert option is not None, "check_sheet lets no unknown option through"
        value = option.score
    else:
        value = int(answer)
        if item.is_reversed:
            value = low + high - value
    return (value - low) / (high - low) * 100


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float:
    # Plain left-to-right additions, not sum(): Python 3.12+ compensates float sums, and
    # the columnar batch path (fastscore.py) repeats exactly these operations in this
    # order, so both give bit-identical scores on every Python.
    total = 0.0
    total_weight = 0.0
    for weight, value in pairs:
        total += weight * value
        total_weight += weight
    return total / total_weight


def _mean_if_enough(
    pairs: list[tuple[float, float]], total: int, min_answered: float
) -> Optional[float]:
    # Compare the share as a quotient: 7 / 10 rounds to the same float as the literal
    # 0.7 in a bank, whereas 0.7 * 10 is 7.000000000000001 and would reject 7 of 10.
    if not pairs or len(pairs) / total < min_answered:
        return None
    return weighted_mean(pairs)


def band_for(bank: Bank, value: Optional[float]) -> Optional[str]:
    """The id of the band with the highest ``min`` that is not above ``value``."""
    if value is None:
        return None
    chosen = None
    for band in bank.bands:  # validated: sorted by rising min, first at 0
        if band.min <= value:
            chosen = band.id
    return chosen


def check_sheet(bank: Bank, sheet: AnswerSheet) -> None:
    """Every answer names an item of this bank and is a valid answer to it."""
    problems = answer_problems(bank, sheet)
    if problems:
        raise AnswerSheetError(problems)


def answer_problems(bank: Bank, sheet: AnswerSheet) -> list[Problem]:
    problems: list[Problem] = []
    if sheet.bank_id != bank.id:
        problems.append(
            Problem("bank_id", f"the sheet is for bank {sheet.bank_id!r}, not {bank.id!r}; "
                               "pass the right bank with --bank")
        )
    elif sheet.bank_version != bank.version:
        problems.append(
            Problem("bank_version", f"the sheet is for version {sheet.bank_version!r} of "
                                    f"{bank.id!r}, this bank is version {bank.version!r}")
        )
    if sheet.language not in bank.languages:
        problems.append(
            Problem("language", f"{sheet.language!r} is not one of the bank's languages "
                                f"({', '.join(bank.languages)})")
        )
    for item_id, answer in sheet.answers.items():
        where = f"answers.{item_id}"
        item = bank.items.get(item_id)
        if item is None:
            problems.append(Problem(where, f"no item {item_id!r} in bank {bank.id!r}"))
            continue
        message = answer_problem(bank, item, answer)
        if message:
            problems.append(Problem(where, message))
    return problems


def answer_problem(bank: Bank, item: Item, answer: AnswerValue) -> Optional[str]:
    """Why ``answer`` is not a valid answer to ``item``, or None when it is."""
    if item.is_situational:
        choices = ", ".join(o.id for o in item.options)
        if not isinstance(answer, str) or item.option(answer) is None:
            return f"{answer!r} is not an option of this situational item (options: {choices})"
        return None
    scale = bank.scale_of(item)
    if isinstance(answer, bool) or not isinstance(answer, int):
        return f"{answer!r} is not a number on scale {scale.id!r} ({scale.low}-{scale.high})"
    if scale.point(answer) is None:
        values = ", ".join(str(p.value) for p in scale.points)
        return f"{answer} is not a value of scale {scale.id!r} ({values})"
    return None
