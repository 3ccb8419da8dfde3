"""The scoring rules of scoring.py applied to many respondents at once (numpy).

Nothing here defines a rule of its own:
- an answer's item score comes from ``scoring.item_score``, computed once per distinct
  answer and looked up per respondent;
- indicator, pillar and overall scores repeat ``scoring.weighted_mean`` and its
  ``min_answered`` test operation for operation, in the same order, so the floats are
  bit-identical to the one-respondent path (tests/test_batch_equivalence.py proves it);
- bands repeat ``scoring.band_for``: the highest band minimum not above the score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from asn_assess.models import Bank
from asn_assess.scoring import item_score

NO_BAND = -1


@dataclass
class LevelScores:
    """Scores of one level (an indicator, a pillar, or overall) for a block of rows."""

    score: np.ndarray  # float64, NaN where the level has no score
    band: np.ndarray  # int index into bank.bands, NO_BAND where no score
    answered: np.ndarray  # items answered (int64)


@dataclass
class BlockScores:
    indicators: dict[str, LevelScores]
    pillars: dict[str, LevelScores]
    scored_indicators: dict[str, np.ndarray]  # pillar id -> indicators scored
    overall: LevelScores
    scored_pillars: np.ndarray


def _part(weight: float, scores: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """(weight, scores with 0.0 for None, scored mask) for one level's scores."""
    present = ~np.isnan(scores)
    return weight, np.where(present, scores, 0.0), present


class ColumnarScorer:
    """Scores blocks of respondents given each item's answers as item scores."""

    def __init__(self, bank: Bank):
        self.bank = bank
        self._band_minimums = np.array([band.min for band in bank.bands], dtype=np.float64)

    def item_score_of(self, item_id: str, value) -> float:
        """The core's item score for one answer value (already validated)."""
        item = self.bank.items[item_id]
        return item_score(self.bank, item, value)

    def score_block(self, item_scores: dict[str, tuple[np.ndarray, np.ndarray]],
                    rows: int) -> BlockScores:
        """``item_scores``: item id -> (item scores with 0.0 where unanswered, answered
        mask). An item missing from the dict is unanswered in every row."""
        bank = self.bank
        min_answered = bank.min_answered
        unanswered = (np.zeros(rows), np.zeros(rows, dtype=bool))
        indicators: dict[str, LevelScores] = {}
        pillars: dict[str, LevelScores] = {}
        scored_indicators: dict[str, np.ndarray] = {}
        for pillar in bank.pillars:
            pillar_parts = []
            pillar_answered = np.zeros(rows, dtype=np.int64)
            for indicator in pillar.indicators:
                parts = [(item.weight, *item_scores.get(item.id, unanswered)) for item in indicator.items]
                score, count = self._mean_if_enough(parts, len(indicator.items), min_answered, rows)
                indicators[indicator.id] = LevelScores(score, self.bands(score), count)
                pillar_parts.append(_part(indicator.weight, score))
                pillar_answered += count
            score, count = self._mean_if_enough(pillar_parts, len(pillar.indicators), min_answered, rows)
            pillars[pillar.id] = LevelScores(score, self.bands(score), pillar_answered)
            scored_indicators[pillar.id] = count
        overall_parts = [_part(pillar.weight, pillars[pillar.id].score) for pillar in bank.pillars]
        total, weights, scored = self._accumulate(overall_parts, rows)
        all_scored = scored == len(bank.pillars)
        with np.errstate(invalid="ignore", divide="ignore"):
            overall = np.where(all_scored, total / weights, np.nan)
        answered = sum((pillars[p.id].answered for p in bank.pillars), np.zeros(rows, dtype=np.int64))
        return BlockScores(indicators, pillars, scored_indicators,
                           LevelScores(overall, self.bands(overall), answered), scored)

    @staticmethod
    def _accumulate(parts, rows):
        # Left to right, like scoring.weighted_mean: total += w * v; weights += w, for the
        # answered parts only. Adding w * 0.0 and 0.0 for the others changes no bit.
        total = np.zeros(rows)
        weights = np.zeros(rows)
        count = np.zeros(rows, dtype=np.int64)
        for weight, filled, present in parts:
            total += weight * filled
            weights += weight * present
            count += present
        return total, weights, count

    def _mean_if_enough(self, parts, size, min_answered, rows):
        total, weights, count = self._accumulate(parts, rows)
        # scoring._mean_if_enough: no score when nothing counts or count / size < share.
        enough = (count > 0) & ~(count / size < min_answered)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(enough, total / weights, np.nan)
        return score, count

    def bands(self, scores: np.ndarray) -> np.ndarray:
        index = np.searchsorted(self._band_minimums, scores, side="right") - 1
        return np.where(np.isnan(scores), NO_BAND, index)
