"""The ratings of a 360-degree round, as read by the batch readers: one ``Rating`` per
answer sheet or table row, gathered per person rated.

``RatingsSink`` is a batch sink (``batch.outputs.BatchSink``): the rows arrive scored by
the scoring rules every command uses, and it keeps of each what the aggregation needs,
the indicator scores and the item scores (for rater agreement), never a name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from asn_assess.batch.blocks import RowError, ScoredBlock
from asn_assess.core.i18n import say
from asn_assess.core.models import SELF, Bank


@dataclass(frozen=True)
class Rating:
    """One person's answers about one person rated (themself, for ``self``)."""

    source: str
    row: int
    target: str
    rater_group: str
    role: Optional[str]
    indicators: dict[str, float]
    """Indicator id -> score 0-100, for the indicators that got a score."""
    items: dict[str, float]
    """Item id -> item score 0-100, for the items answered (not "na", not skipped)."""

    @property
    def where(self) -> str:
        """``file: row 3``, for messages."""
        return f"{self.source}: row {self.row}"


@dataclass
class TargetRatings:
    """Every rating of one person: their own (if any) and the raters'."""

    target: str
    own: Optional[Rating] = None
    raters: list[Rating] = field(default_factory=list)

    @property
    def role(self) -> Optional[str]:
        """The person's role: from their own answers, else the first rater's row."""
        if self.own is not None and self.own.role:
            return self.own.role
        return next((r.role for r in self.raters if r.role), None)

    def group(self, group_id: str) -> list[Rating]:
        """The ratings of one rater group, in input order."""
        return [rating for rating in self.raters if rating.rater_group == group_id]


class RatingsSink:
    """Keeps every scored row as a ``Rating``; rows that name nobody rated, and the
    second and later self-assessments of one person, are rejected with a reason."""

    def __init__(self, bank: Bank):
        self.bank = bank
        self.ratings: list[Rating] = []
        self.rejected: list[RowError] = []

    def write(self, block: ScoredBlock) -> None:
        """Keep each row of a scored block."""
        answers, scores = block.answers, block.scores
        targets = answers.targets or [None] * answers.size
        groups = answers.rater_groups or [SELF] * answers.size
        roles = answers.roles or [None] * answers.size
        for row in range(answers.size):
            number = int(answers.rows[row])
            target = targets[row]
            if not target:
                reason = say("mr.reject.no_target")
                self.reject(
                    RowError(answers.source, number, None, answers.respondent_ids[row], [reason])
                )
                continue
            indicators = {
                indicator_id: float(level.score[row])
                for indicator_id, level in scores.indicators.items()
                if not math.isnan(level.score[row])
            }
            items = {
                item_id: float(column.scores[row])
                for item_id, column in answers.item_columns.items()
                if column.answered[row]
            }
            rating = Rating(
                answers.source, number, target, groups[row], roles[row], indicators, items
            )
            self.ratings.append(rating)

    def reject(self, error: RowError) -> None:
        """Keep a rejected row."""
        self.rejected.append(error)

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """Nothing to complete: the ratings are aggregated by the caller."""

    def abort(self) -> None:
        """Forget the run."""
        self.ratings.clear()

    def by_target(self) -> list[TargetRatings]:
        """The ratings per person rated, in the order each person first appears. A second
        self-assessment of one person is rejected: one person has one view of themself
        in a round (the first one read is kept)."""
        found: dict[str, TargetRatings] = {}
        for rating in self.ratings:
            entry = found.setdefault(rating.target, TargetRatings(rating.target))
            if rating.rater_group != SELF:
                entry.raters.append(rating)
            elif entry.own is None:
                entry.own = rating
            else:
                reason = say("mr.reject.second_self", first=entry.own.where)
                self.reject(RowError(rating.source, rating.row, None, None, [reason]))
        return list(found.values())
