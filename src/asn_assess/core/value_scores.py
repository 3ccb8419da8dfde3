"""The core-value profile (BerAKHLAK): a score per core value of the bank, from the
items tagged with it. docs/scoring.md states the rule with an example; keep them in step.

- The items of a value are those tagged with it (``values = [...]``) that the person
  is asked (their role; on a rater's sheet, what their group rates), wherever they sit
  in the bank. Each keeps the 0-100 score and the weight it has in its indicator.
- A value's score is the weighted mean of its answered items. "na" answers and skipped
  items are left out of the mean, as in an indicator.
- It applies when at least ``VALUE_ITEMS_NEEDED`` of its items apply (asked, not "na");
  otherwise it is not applicable to the person. It has a score when at least that many
  are answered and the answered share of the applicable ones is not below the bank's
  ``min_answered``; otherwise too few answers.
- Its band is chosen exactly as every other score's (``scoring.bands_of``).

A value's score stands apart from the pillars: it never changes an indicator, a pillar
or the overall score, and the indicators' own applicability rules (scoring version 3)
do not remove an answered item from a value.
"""

from __future__ import annotations

from typing import Optional

import numpy as np

from asn_assess.core.models import Bank
from asn_assess.core.scoring import (
    ItemColumn,
    ItemColumns,
    LevelScores,
    band_minimums,
    bands_of,
    mean_if_enough,
)

VALUE_ITEMS_NEEDED = 2
"""Answered items a core value needs for a score: one answer is one behaviour, not a
value."""


def score_values(
    bank: Bank,
    columns: ItemColumns,
    rows: int,
    role: Optional[str] = None,
    rater_group: Optional[str] = None,
) -> dict[str, LevelScores]:
    """Each core value's scores for ``rows`` respondents of ``role`` answering as
    ``rater_group``, by value id in bank order (empty for a bank without values)."""
    if not bank.values:
        return {}
    minimums = band_minimums(bank)
    asked = {item.id for item in bank.items_asked_of(role, rater_group)}
    none = np.zeros(rows, dtype=bool)
    unanswered = ItemColumn(np.zeros(rows), none, none)
    zero = np.zeros(rows, dtype=np.int64)
    scores: dict[str, LevelScores] = {}
    for value in bank.values:
        items = [item for item in bank.items_of_value(value.id) if item.id in asked]
        item_columns = [columns.get(item.id, unanswered) for item in items]
        parts = [
            (item.weight, column.scores, column.answered)
            for item, column in zip(items, item_columns, strict=True)
        ]
        not_applicable = zero.copy()
        for column in item_columns:
            not_applicable += column.not_applicable
        total = np.full(rows, len(items), dtype=np.int64)
        applicable = total - not_applicable
        score, answered = mean_if_enough(parts, applicable, bank.min_answered, rows)
        applies = applicable >= VALUE_ITEMS_NEEDED
        score = np.where(applies & (answered >= VALUE_ITEMS_NEEDED), score, np.nan)
        scores[value.id] = LevelScores(
            score,
            bands_of(minimums, score),
            answered,
            not_applicable,
            total,
            answered,
            zero,
            applies,
        )
    return scores
