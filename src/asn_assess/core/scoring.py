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

The levels above an item are computed on columns of respondents (``score_block``): a
batch scores thousands of rows in one call, and one answer sheet is a block of one row
(``score``), so there is no second implementation to keep equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import numpy.typing as npt

from asn_assess.core.documents import (
    AnswerSheet,
    AnswerValue,
    IndicatorResult,
    OverallResult,
    PillarResult,
    Result,
)
from asn_assess.core.errors import AnswerSheetError, Problem, ResultError
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank, Item

FloatColumn = npt.NDArray[np.float64]
IntColumn = npt.NDArray[np.int64]
BoolColumn = npt.NDArray[np.bool_]

NO_BAND = -1
"""Band index of a level without a score."""


# --- items ------------------------------------------------------------------------------


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


# --- levels, for a block of respondents ----------------------------------------------------


@dataclass
class LevelScores:
    """Scores of one level (an indicator, a pillar, or overall) for a block of rows."""

    score: FloatColumn
    """0-100, NaN where the level has no score."""
    band: IntColumn
    """Index into ``bank.bands``; ``NO_BAND`` where there is no score."""
    answered: IntColumn
    """Items answered."""


@dataclass
class BlockScores:
    """Every level's scores for a block of respondents."""

    indicators: dict[str, LevelScores]
    pillars: dict[str, LevelScores]
    scored_indicators: dict[str, IntColumn]
    """Pillar id -> how many of its indicators got a score."""
    overall: LevelScores
    scored_pillars: IntColumn


ItemColumns = dict[str, tuple[FloatColumn, BoolColumn]]
"""Item id -> (item scores with 0.0 where unanswered, answered mask)."""

_Part = tuple[float, FloatColumn, BoolColumn]


def score_block(bank: Bank, item_columns: ItemColumns, rows: int) -> BlockScores:
    """Indicator, pillar and overall scores for ``rows`` respondents at once.

    ``item_columns`` holds each answered item's scores (see ``ItemColumns``); an item
    missing from it is unanswered in every row.
    """
    unanswered = (np.zeros(rows), np.zeros(rows, dtype=bool))
    minimums = band_minimums(bank)
    indicators: dict[str, LevelScores] = {}
    pillars: dict[str, LevelScores] = {}
    scored_indicators: dict[str, IntColumn] = {}
    for pillar in bank.pillars:
        pillar_parts = []
        pillar_answered = np.zeros(rows, dtype=np.int64)
        for indicator in pillar.indicators:
            parts = [
                (item.weight, *item_columns.get(item.id, unanswered)) for item in indicator.items
            ]
            score, count = _mean_if_enough(parts, len(indicator.items), bank.min_answered, rows)
            indicators[indicator.id] = LevelScores(score, bands_of(minimums, score), count)
            pillar_parts.append(_part(indicator.weight, score))
            pillar_answered += count
        score, count = _mean_if_enough(
            pillar_parts, len(pillar.indicators), bank.min_answered, rows
        )
        pillars[pillar.id] = LevelScores(score, bands_of(minimums, score), pillar_answered)
        scored_indicators[pillar.id] = count
    overall, scored = overall_scores(bank, [pillars[p.id].score for p in bank.pillars])
    answered = np.zeros(rows, dtype=np.int64)
    for pillar in bank.pillars:
        answered += pillars[pillar.id].answered
    return BlockScores(
        indicators,
        pillars,
        scored_indicators,
        LevelScores(overall, bands_of(minimums, overall), answered),
        scored,
    )


def overall_scores(bank: Bank, pillar_scores: list[FloatColumn]) -> tuple[FloatColumn, IntColumn]:
    """The overall scores of rows whose pillar scores (in bank order) are given, and how
    many pillars each row has scored. The one place the overall rule is computed."""
    rows = len(pillar_scores[0]) if pillar_scores else 0
    parts = [_part(p.weight, scores) for p, scores in zip(bank.pillars, pillar_scores, strict=True)]
    total, weights, scored = _accumulate(parts, rows)
    with np.errstate(invalid="ignore", divide="ignore"):
        overall: FloatColumn = np.where(scored == len(bank.pillars), total / weights, np.nan)
    return overall, scored


def _part(weight: float, scores: FloatColumn) -> _Part:
    """(weight, scores with 0.0 for None, scored mask) for one level's scores."""
    present = ~np.isnan(scores)
    return weight, np.where(present, scores, 0.0), present


def _accumulate(parts: list[_Part], rows: int) -> tuple[FloatColumn, FloatColumn, IntColumn]:
    # A weighted mean by plain left-to-right additions (total += w * v; weights += w) over
    # the answered parts; adding w * 0.0 and 0.0 for the others changes no bit. Fixed
    # order keeps every score reproducible to the last bit on every platform.
    total = np.zeros(rows)
    weights = np.zeros(rows)
    count = np.zeros(rows, dtype=np.int64)
    for weight, filled, present in parts:
        total += weight * filled
        weights += weight * present
        count += present
    return total, weights, count


def _mean_if_enough(
    parts: list[_Part], size: int, min_answered: float, rows: int
) -> tuple[FloatColumn, IntColumn]:
    total, weights, count = _accumulate(parts, rows)
    # No score when nothing counts or the counted share is below min_answered. The share
    # is compared as a quotient: 7 / 10 rounds to the same float as the literal 0.7 in a
    # bank, whereas 0.7 * 10 is 7.000000000000001 and would reject 7 of 10.
    enough = (count > 0) & ~(count / size < min_answered)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(enough, total / weights, np.nan)
    return score, count


def band_minimums(bank: Bank) -> FloatColumn:
    """The bands' lower bounds, rising (the validator guarantees the order)."""
    return np.array([band.min for band in bank.bands], dtype=np.float64)


def bands_of(minimums: FloatColumn, scores: FloatColumn) -> IntColumn:
    """Per score, the index of the band with the highest minimum not above it."""
    index = np.searchsorted(minimums, scores, side="right") - 1
    return np.where(np.isnan(scores), NO_BAND, index).astype(np.int64)


def band_for(bank: Bank, value: Optional[float]) -> Optional[str]:
    """The id of the band ``value`` falls in (None for no score)."""
    if value is None:
        return None
    index = int(bands_of(band_minimums(bank), np.array([value], dtype=np.float64))[0])
    return bank.bands[index].id if index != NO_BAND else None


# --- one answer sheet ---------------------------------------------------------------------


def score(bank: Bank, sheet: AnswerSheet) -> Result:
    """Score an answer sheet against its bank. Raises ``AnswerSheetError`` listing every
    answer that does not fit the bank."""
    check_sheet(bank, sheet)
    columns: ItemColumns = {
        item_id: (np.array([item_score(bank, bank.items[item_id], answer)]), np.ones(1, bool))
        for item_id, answer in sheet.answers.items()
    }
    return result_of_row(bank, score_block(bank, columns, 1), 0, sheet)


def _value(column: FloatColumn, row: int) -> Optional[float]:
    value = float(column[row])
    return None if value != value else value  # NaN is the only float not equal to itself


def _band_id(bank: Bank, level: LevelScores, row: int) -> Optional[str]:
    index = int(level.band[row])
    return bank.bands[index].id if index != NO_BAND else None


def result_of_row(bank: Bank, block: BlockScores, row: int, sheet: AnswerSheet) -> Result:
    """The ``Result`` of one row of a scored block; ``sheet`` gives its answers and
    where they came from."""
    pillars = []
    for pillar in bank.pillars:
        indicators = [
            IndicatorResult(
                id=indicator.id,
                score=_value(block.indicators[indicator.id].score, row),
                band=_band_id(bank, block.indicators[indicator.id], row),
                answered_items=int(block.indicators[indicator.id].answered[row]),
                total_items=len(indicator.items),
            )
            for indicator in pillar.indicators
        ]
        level = block.pillars[pillar.id]
        pillars.append(
            PillarResult(
                id=pillar.id,
                score=_value(level.score, row),
                band=_band_id(bank, level, row),
                answered_items=int(level.answered[row]),
                total_items=sum(len(indicator.items) for indicator in pillar.indicators),
                scored_indicators=int(block.scored_indicators[pillar.id][row]),
                total_indicators=len(pillar.indicators),
                indicators=indicators,
            )
        )
    return Result(
        bank_id=bank.id,
        bank_version=bank.version,
        language=sheet.language,
        respondent=sheet.respondent,
        started_at=sheet.started_at,
        finished_at=sheet.finished_at,
        overall=OverallResult(
            score=_value(block.overall.score, row),
            band=_band_id(bank, block.overall, row),
            answered_items=int(block.overall.answered[row]),
            total_items=bank.item_count,
            scored_pillars=int(block.scored_pillars[row]),
            total_pillars=len(bank.pillars),
        ),
        pillars=pillars,
        answers=dict(sheet.answers),
    )


# --- checking answers ------------------------------------------------------------------------


def check_sheet(bank: Bank, sheet: AnswerSheet) -> None:
    """Every answer names an item of this bank and is a valid answer to it."""
    problems = answer_problems(bank, sheet)
    if problems:
        raise AnswerSheetError(problems)


def answer_problems(bank: Bank, sheet: AnswerSheet) -> list[Problem]:
    """Every way ``sheet`` does not fit ``bank``: its bank, language and answers."""
    problems: list[Problem] = []
    if sheet.bank_id != bank.id:
        problems.append(
            Problem(
                "bank_id",
                f"the sheet is for bank {sheet.bank_id!r}, not {bank.id!r}; "
                "pass the right bank with --bank",
            )
        )
    elif sheet.bank_version != bank.version:
        problems.append(
            Problem(
                "bank_version",
                f"the sheet is for version {sheet.bank_version!r} of "
                f"{bank.id!r}, this bank is version {bank.version!r}",
            )
        )
    if sheet.language not in bank.languages:
        problems.append(
            Problem(
                "language",
                f"{sheet.language!r} is not one of the bank's languages "
                f"({', '.join(bank.languages)})",
            )
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


# --- checking results ------------------------------------------------------------------------


def check_result(bank: Bank, result: Result, source: str = "<result>") -> None:
    """Every pillar and indicator of a saved result is one of ``bank``'s: otherwise
    ``ResultError`` naming the key path, before anything looks the ids up."""
    pillars = {pillar.id: pillar for pillar in bank.pillars}
    problems: list[Problem] = []
    for p_index, pillar_result in enumerate(result.pillars):
        pillar = pillars.get(pillar_result.id)
        path = f"{source}: pillars[{p_index}]"
        if pillar is None:
            message = say("result.unknown_part", kind="pillar", id=pillar_result.id, bank=bank.id)
            problems.append(Problem(f"{path}.id", message))
            continue
        indicators = {indicator.id for indicator in pillar.indicators}
        for i_index, indicator_result in enumerate(pillar_result.indicators):
            if indicator_result.id not in indicators:
                message = say(
                    "result.unknown_part", kind="indicator", id=indicator_result.id, bank=bank.id
                )
                problems.append(Problem(f"{path}.indicators[{i_index}].id", message))
    if problems:
        raise ResultError(problems)
