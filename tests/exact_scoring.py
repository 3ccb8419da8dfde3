"""A second scorer, written from docs/scoring.md alone, in exact fractions.

It shares no code with ``asn_assess.core.scoring``: every quantity is a ``Fraction``,
bank numbers are read as the decimals the bank wrote (``Fraction(str(0.5))``), and a
band is the band with the highest minimum not above the exact score.

Which levels get a score at all is a matter of counting answers (whole numbers, no
rounding), and the tests of ``test_scoring.py`` pin those rules; here the levels a
result scored are taken from it, and each of their values is recomputed exactly: an
indicator as the weighted mean of its answered items, a pillar of its scored
indicators, the overall score of the scored pillars.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Optional

from asn_assess.core.documents import Result
from asn_assess.core.models import NOT_APPLICABLE, Bank, Item


def decimal(value: float) -> Fraction:
    """A bank's number as the decimal it was written as."""
    return Fraction(str(value))


def exact_band(bank: Bank, score: Optional[Fraction]) -> Optional[str]:
    """The band with the highest minimum not above ``score``."""
    if score is None:
        return None
    chosen = None
    for band in bank.bands:
        if decimal(band.min) <= score:
            chosen = band.id
    return chosen


def exact_item_score(bank: Bank, item: Item, answer: Any) -> Fraction:
    """(x' - lo) / (hi - lo) * 100, with x' turned round for a reverse-keyed item."""
    points = [decimal(point.value) for point in bank.scale_of(item).points]
    low, high = min(points), max(points)
    if item.is_situational:
        option = next(o for o in item.options if o.id == answer)
        value = decimal(option.score)
    else:
        value = Fraction(int(answer))
        if item.is_reversed:
            value = low + high - value
    return (value - low) / (high - low) * 100


def weighted_mean(parts: list[tuple[Fraction, Fraction]]) -> Fraction:
    """sum(w * v) / sum(w)."""
    return sum((w * v for w, v in parts), Fraction(0)) / sum((w for w, _ in parts), Fraction(0))


def exact_scores(bank: Bank, result: Result) -> dict[str, Optional[Fraction]]:
    """The exact score of every level ``result`` scored ('overall', 'pillar.<id>',
    'indicator.<id>'), None where the result has none."""
    answers = result.answers
    scores: dict[str, Optional[Fraction]] = {}
    pillar_parts: list[tuple[Fraction, Fraction]] = []
    for pillar in bank.pillars:
        pillar_result = result.pillar(pillar.id)
        parts: list[tuple[Fraction, Fraction]] = []
        for indicator in pillar.indicators:
            key = f"indicator.{indicator.id}"
            if result.indicator(indicator.id).score is None:
                scores[key] = None
                continue
            answered = [
                (decimal(item.weight), exact_item_score(bank, item, answers[item.id]))
                for item in indicator.items
                if item.asked_of(result.role)
                and item.id in answers
                and not (answers[item.id] == NOT_APPLICABLE and not item.is_situational)
            ]
            scores[key] = weighted_mean(answered)
            parts.append((decimal(indicator.weight), scores[key]))
        pillar_score = weighted_mean(parts) if pillar_result.score is not None else None
        scores[f"pillar.{pillar.id}"] = pillar_score
        if pillar_score is not None:
            pillar_parts.append((decimal(pillar.weight), pillar_score))
    scores["overall"] = weighted_mean(pillar_parts) if result.overall.score is not None else None
    return scores


def tool_scores(result: Result) -> dict[str, tuple[Optional[float], Optional[str]]]:
    """The tool's (score, band) of every level, keyed as ``exact_scores``."""
    levels = {"overall": (result.overall.score, result.overall.band)}
    for pillar in result.pillars:
        levels[f"pillar.{pillar.id}"] = (pillar.score, pillar.band)
        for indicator in pillar.indicators:
            levels[f"indicator.{indicator.id}"] = (indicator.score, indicator.band)
    return levels
