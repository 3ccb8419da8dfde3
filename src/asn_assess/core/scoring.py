"""Scoring rules (versions 2 and 3): the one implementation every command uses.

docs/scoring.md states the same rules in prose with a worked example; keep them in step.

- Item: a scale answer ``x`` on ``[lo, hi]`` is first reversed when the item is
  reverse-keyed (``lo + hi - x``); a situational answer takes its option's score. The
  item score is ``(x - lo) / (hi - lo) * 100``. "na" (not applicable) has no score.
- Items a person's role is not asked are not part of that person's assessment at all.
  Nor, on a rater's sheet (360-degree feedback), are the items of indicators the rater's
  group does not rate, and self-only items (``Indicator.items_asked``).
- Indicator: weighted mean of its answered items; None when the answered share of its
  applicable items (asked, not "na") is below the bank's ``min_answered``. An indicator
  with no applicable item is not applicable. Version 3 (``Bank.statements_needed``):
  it is not applicable when fewer statements (scale items) than that apply, and None
  when fewer are answered, so a scenario alone never scores it.
- Pillar: weighted mean of its scored indicators; None when the scored share of its
  applicable indicators is below ``min_answered``; not applicable when none applies.
- Overall: weighted mean of the pillars; None unless every applicable pillar is scored.
- Band: the band with the highest ``min`` not above the score, decided on the exact
  score (``core.decisions``). Full precision is kept.
- Core values: ``core.value_scores``.

With no "na" answers and no role these are exactly the rules of version 1.

The levels above an item are computed on columns of respondents (``score_block``): a
batch scores thousands of rows in one call, and one answer sheet is a block of one row
(``score``), so there is no second implementation to keep equal.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import Optional

import numpy as np
import numpy.typing as npt

from asn_assess.core.answers import answer_problems, check_sheet
from asn_assess.core.decisions import band_indices
from asn_assess.core.documents import (
    AnswerSheet,
    AnswerValue,
    IndicatorResult,
    OverallResult,
    PillarResult,
    Result,
    ValueResult,
)
from asn_assess.core.errors import Problem, ResultError
from asn_assess.core.i18n import say
from asn_assess.core.models import NOT_APPLICABLE, Bank, Item

FloatColumn = npt.NDArray[np.float64]
IntColumn = npt.NDArray[np.int64]
BoolColumn = npt.NDArray[np.bool_]

NO_BAND = -1
"""Band index of a level without a score."""


# --- items ------------------------------------------------------------------------------


def item_score(bank: Bank, item: Item, answer: AnswerValue) -> float:
    """An answer's score on 0-100 (POMP). The answer must already be checked and must
    not be "na"."""
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


@dataclass
class ItemColumn:
    """One item's answers for a block of rows."""

    scores: FloatColumn
    """Item scores, 0.0 where there is none."""
    answered: BoolColumn
    """Where the item was answered (with a score)."""
    not_applicable: BoolColumn
    """Where it was answered "na"."""


ItemColumns = dict[str, ItemColumn]
"""Item id -> its column; an item missing from the dict is unanswered in every row."""


def sheet_columns(bank: Bank, answers: dict[str, AnswerValue]) -> ItemColumns:
    """One answer sheet's (checked) answers as item columns of one row."""
    yes, no = np.ones(1, dtype=bool), np.zeros(1, dtype=bool)
    columns: ItemColumns = {}
    for item_id, answer in answers.items():
        if answer == NOT_APPLICABLE and not bank.items[item_id].is_situational:
            columns[item_id] = ItemColumn(np.zeros(1), no, yes)
        else:
            value = item_score(bank, bank.items[item_id], answer)
            columns[item_id] = ItemColumn(np.array([value]), yes, no)
    return columns


# --- levels, for a block of respondents ----------------------------------------------------


@dataclass
class LevelScores:
    """Scores of one level (an indicator, a pillar, or overall) for a block of rows."""

    score: FloatColumn
    """0-100, NaN where the level has no score."""
    band: IntColumn
    """Index into ``bank.bands``; ``NO_BAND`` where there is no score."""
    answered: IntColumn
    """Items answered (with a score)."""
    not_applicable: IntColumn
    """Items answered "na"."""
    total: IntColumn
    """Items asked (of the row's role)."""
    parts_scored: IntColumn
    """Indicators (of a pillar) or pillars (overall) that got a score; items otherwise."""
    parts_not_applicable: IntColumn
    """Parts that do not apply at all."""
    applies: BoolColumn
    """Where the level applies to the row: an indicator with an applicable item (from
    version 3: enough applicable statements), a level above with a part that applies."""


@dataclass
class BlockScores:
    """Every level's scores for a block of respondents."""

    indicators: dict[str, LevelScores]
    pillars: dict[str, LevelScores]
    overall: LevelScores
    values: dict[str, LevelScores] = dataclasses.field(default_factory=dict)
    """Core values (``core.value_scores``); parts are not counted at this level."""


_Part = tuple[float, FloatColumn, BoolColumn]  # weight, values (0.0 if none), present


def score_block(
    bank: Bank,
    columns: ItemColumns,
    rows: int,
    role: Optional[str] = None,
    rater_group: Optional[str] = None,
) -> BlockScores:
    """Indicator, pillar and overall scores for ``rows`` respondents at once, all of
    ``role`` (None: every item is asked) answering as ``rater_group`` (None: self)."""
    minimums = band_minimums(bank)
    none = np.zeros(rows, dtype=bool)
    unanswered = ItemColumn(np.zeros(rows), none, none)
    zero = np.zeros(rows, dtype=np.int64)
    indicators: dict[str, LevelScores] = {}
    pillars: dict[str, LevelScores] = {}
    for pillar in bank.pillars:
        pillar_parts: list[_Part] = []
        answered, not_applicable, total, parts_na = (
            zero.copy(),
            zero.copy(),
            zero.copy(),
            zero.copy(),
        )
        for indicator in pillar.indicators:
            asked = indicator.items_asked(role, rater_group)
            item_columns = [columns.get(item.id, unanswered) for item in asked]
            parts = [
                (item.weight, c.scores, c.answered)
                for item, c in zip(asked, item_columns, strict=True)
            ]
            level_na = np.zeros(rows, dtype=np.int64)
            for column in item_columns:
                level_na += column.not_applicable
            level_total = np.full(rows, len(asked), dtype=np.int64)
            score, count = mean_if_enough(parts, level_total - level_na, bank.min_answered, rows)
            applies = level_total > level_na
            if bank.statements_needed:
                applies, enough = _enough_statements(bank, asked, item_columns, rows)
                score = np.where(applies & enough, score, np.nan)
            level = LevelScores(
                score, bands_of(minimums, score), count, level_na, level_total, count, zero, applies
            )
            indicators[indicator.id] = level
            pillar_parts.append(_part(indicator.weight, score))
            answered += count
            not_applicable += level_na
            total += level_total
            parts_na += ~applies
        applicable = len(pillar.indicators) - parts_na
        score, count = mean_if_enough(pillar_parts, applicable, bank.min_answered, rows)
        pillars[pillar.id] = LevelScores(
            score,
            bands_of(minimums, score),
            answered,
            not_applicable,
            total,
            count,
            parts_na,
            applicable > 0,
        )
    levels = [pillars[p.id] for p in bank.pillars]
    overall, scored = overall_scores(bank, [p.score for p in levels], [p.applies for p in levels])
    pillars_na = sum((~level.applies).astype(np.int64) for level in levels)

    def summed(name: str) -> IntColumn:
        values: IntColumn = sum((getattr(pillars[p.id], name) for p in bank.pillars), zero)
        return values

    overall_level = LevelScores(
        overall,
        bands_of(minimums, overall),
        summed("answered"),
        summed("not_applicable"),
        summed("total"),
        scored,
        np.asarray(pillars_na, dtype=np.int64) + zero,
        np.asarray(pillars_na, dtype=np.int64) < len(bank.pillars),
    )
    from asn_assess.core.value_scores import score_values

    values = score_values(bank, columns, rows, role, rater_group)
    return BlockScores(indicators, pillars, overall_level, values)


def _enough_statements(
    bank: Bank, asked: list[Item], item_columns: list[ItemColumn], rows: int
) -> tuple[BoolColumn, BoolColumn]:
    """Scoring version 3: where at least ``bank.statements_needed`` of an indicator's
    statements (its scale items; a scenario never counts) apply, and where that many
    are answered. Fewer applying: the indicator does not apply to the row; fewer
    answered: it has too few answers."""
    applying = np.zeros(rows, dtype=np.int64)
    answered = np.zeros(rows, dtype=np.int64)
    for item, column in zip(asked, item_columns, strict=True):
        if not item.is_situational:
            applying += ~column.not_applicable
            answered += column.answered
    needed = bank.statements_needed
    return applying >= needed, answered >= needed


def score_block_by_role(
    bank: Bank,
    columns: ItemColumns,
    roles: list[Optional[str]],
    rater_groups: Optional[list[Optional[str]]] = None,
) -> BlockScores:
    """``score_block`` for rows of different roles (and rater groups): each kind of row
    is scored with the items it is asked, and the results put back in row order."""
    rows = len(roles)
    kinds = list(zip(roles, rater_groups or [None] * rows, strict=True))
    distinct = sorted(set(kinds), key=lambda kind: tuple((k is not None, k or "") for k in kind))
    if len(distinct) <= 1:
        return score_block(bank, columns, rows, *(distinct[0] if distinct else (None, None)))
    merged: Optional[BlockScores] = None
    for kind in distinct:
        where = np.flatnonzero(np.array([k == kind for k in kinds], dtype=bool))
        part = score_block(
            bank, {i: _take(c, where) for i, c in columns.items()}, len(where), *kind
        )
        if merged is None:
            merged = _empty_like(part, rows)
        _put(merged, part, where)
    assert merged is not None
    return merged


def _take(column: ItemColumn, where: IntColumn) -> ItemColumn:
    return ItemColumn(column.scores[where], column.answered[where], column.not_applicable[where])


def _levels(block: BlockScores) -> list[tuple[dict[str, LevelScores] | None, str]]:
    keys: list[tuple[dict[str, LevelScores] | None, str]] = [(None, "overall")]
    keys += [(block.pillars, key) for key in block.pillars]
    keys += [(block.indicators, key) for key in block.indicators]
    keys += [(block.values, key) for key in block.values]
    return keys


def _empty_like(block: BlockScores, rows: int) -> BlockScores:
    def empty(level: LevelScores) -> LevelScores:
        return LevelScores(*(np.empty(rows, getattr(level, f.name).dtype) for f in fields(level)))

    return BlockScores(
        {key: empty(level) for key, level in block.indicators.items()},
        {key: empty(level) for key, level in block.pillars.items()},
        empty(block.overall),
        {key: empty(level) for key, level in block.values.items()},
    )


def _put(into: BlockScores, part: BlockScores, where: IntColumn) -> None:
    for (target, key), (source, _) in zip(_levels(into), _levels(part), strict=True):
        to = into.overall if target is None else target[key]
        came = part.overall if source is None else source[key]
        for field in fields(to):
            getattr(to, field.name)[where] = getattr(came, field.name)


def overall_scores(
    bank: Bank, pillar_scores: list[FloatColumn], pillar_applies: list[BoolColumn]
) -> tuple[FloatColumn, IntColumn]:
    """The overall scores of rows whose pillar scores (in bank order) and applicability
    are given, and how many pillars each row has scored: the weighted mean of the
    pillars, when every pillar that applies has a score. The one place the overall
    rule is computed (batch summaries recompute it from kept pillar scores)."""
    rows = len(pillar_scores[0]) if pillar_scores else 0
    parts = [_part(p.weight, scores) for p, scores in zip(bank.pillars, pillar_scores, strict=True)]
    weighted, weights, scored = _accumulate(parts, rows)
    applying = np.zeros(rows, dtype=np.int64)
    for applies in pillar_applies:
        applying += applies
    with np.errstate(invalid="ignore", divide="ignore"):
        overall: FloatColumn = np.where(
            (scored > 0) & (scored == applying), weighted / weights, np.nan
        )
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


def mean_if_enough(
    parts: list[_Part], applicable: IntColumn | int, min_answered: float, rows: int
) -> tuple[FloatColumn, IntColumn]:
    """The weighted mean of ``parts`` where enough of the ``applicable`` ones count, and
    how many count."""
    total, weights, count = _accumulate(parts, rows)
    # No score when nothing counts or the counted share of the applicable parts is below
    # min_answered. The share is compared as a quotient: 7 / 10 rounds to the same float
    # as the literal 0.7 in a bank, whereas 0.7 * 10 is 7.000000000000001.
    with np.errstate(invalid="ignore", divide="ignore"):
        enough = (count > 0) & ~(count / applicable < min_answered)
        score = np.where(enough, total / weights, np.nan)
    return score, count


def band_minimums(bank: Bank) -> FloatColumn:
    """The bands' lower bounds, rising (the validator guarantees the order)."""
    return np.array([band.min for band in bank.bands], dtype=np.float64)


def bands_of(minimums: FloatColumn, scores: FloatColumn) -> IntColumn:
    """Per score, the index of the band with the highest minimum not above it, decided
    on the exact score (``core.decisions``: 49.99999999999999 for 300/6 is in the band
    starting at 50)."""
    return band_indices(minimums, scores, NO_BAND)


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
    columns = sheet_columns(bank, sheet.answers)
    block = score_block(bank, columns, 1, sheet.role, sheet.rater_group)
    return result_of_row(bank, block, 0, sheet)


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
        indicators = []
        for indicator in pillar.indicators:
            level = block.indicators[indicator.id]
            indicators.append(
                IndicatorResult(
                    id=indicator.id,
                    score=_value(level.score, row),
                    band=_band_id(bank, level, row),
                    answered_items=int(level.answered[row]),
                    not_applicable_items=int(level.not_applicable[row]),
                    total_items=int(level.total[row]),
                    not_applicable=not bool(level.applies[row]),
                )
            )
        level = block.pillars[pillar.id]
        pillars.append(
            PillarResult(
                id=pillar.id,
                score=_value(level.score, row),
                band=_band_id(bank, level, row),
                answered_items=int(level.answered[row]),
                not_applicable_items=int(level.not_applicable[row]),
                total_items=int(level.total[row]),
                scored_indicators=int(level.parts_scored[row]),
                not_applicable_indicators=int(level.parts_not_applicable[row]),
                total_indicators=len(pillar.indicators),
                indicators=indicators,
            )
        )
    overall = block.overall
    return Result(
        scoring_version=bank.scoring_version,
        bank_id=bank.id,
        bank_version=bank.version,
        language=sheet.language,
        role=sheet.role,
        respondent=sheet.respondent,
        target=sheet.target,
        rater_group=sheet.rater_group,
        started_at=sheet.started_at,
        finished_at=sheet.finished_at,
        overall=OverallResult(
            score=_value(overall.score, row),
            band=_band_id(bank, overall, row),
            answered_items=int(overall.answered[row]),
            not_applicable_items=int(overall.not_applicable[row]),
            total_items=int(overall.total[row]),
            scored_pillars=int(overall.parts_scored[row]),
            not_applicable_pillars=int(overall.parts_not_applicable[row]),
            total_pillars=len(bank.pillars),
        ),
        pillars=pillars,
        values=[
            ValueResult(
                id=value.id,
                score=_value(level.score, row),
                band=_band_id(bank, level, row),
                answered_items=int(level.answered[row]),
                not_applicable_items=int(level.not_applicable[row]),
                total_items=int(level.total[row]),
                not_applicable=not bool(level.applies[row]),
            )
            for value, level in ((v, block.values[v.id]) for v in bank.values)
        ],
        answers=dict(sheet.answers),
        durations=dict(sheet.durations) if sheet.durations is not None else None,
    )


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
            message = say(
                "result.unknown_part",
                kind=say("result.part_pillar"),
                id=pillar_result.id,
                bank=bank.id,
            )
            problems.append(Problem(f"{path}.id", message))
            continue
        indicators = {indicator.id for indicator in pillar.indicators}
        for i_index, indicator_result in enumerate(pillar_result.indicators):
            if indicator_result.id not in indicators:
                message = say(
                    "result.unknown_part",
                    kind=say("result.part_indicator"),
                    id=indicator_result.id,
                    bank=bank.id,
                )
                problems.append(Problem(f"{path}.indicators[{i_index}].id", message))
    values = {value.id for value in bank.values}
    for v_index, value_result in enumerate(result.values):
        if value_result.id not in values:
            message = say(
                "result.unknown_part",
                kind=say("result.part_value"),
                id=value_result.id,
                bank=bank.id,
            )
            problems.append(Problem(f"{source}: values[{v_index}].id", message))
    # Its answers too: the report quotes them and works out which pulled a score down.
    fields = set(AnswerSheet.model_fields) - {"schema_version"}
    sheet = AnswerSheet.model_validate(result.model_dump(include=fields))
    problems += [
        Problem(f"{source}: {problem.where}", problem.message)
        for problem in answer_problems(bank, sheet)
        if problem.where.startswith("answers.")
    ]
    if problems:
        raise ResultError(problems)
