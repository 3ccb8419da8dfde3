"""The ratings of a 360-degree round, as read by the batch readers: one ``Rating`` per
answer sheet or table row, gathered per person rated.

``RatingsSink`` is a batch sink (``batch.outputs.BatchSink``): the rows arrive scored by
the scoring rules every command uses, and it keeps of each what the aggregation needs,
the indicator scores and the item scores (for rater agreement), never a name.

One rater, one vote: a rating file sent twice, or a form submitted twice, must not
count as two raters (two real peers shown as "3 raters" would let the one who sent
twice work out the other's exact score). A rater's second rating of one person is set
aside, with its reason, before anything is counted: the same rater id (the id, NIP,
e-mail or name column of a table, the profile of an answer sheet) or, where either
rating has no id, the same answers (every answer, "na" included, and the answering time
when recorded). The first one read is kept. docs/multirater.md states the rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from asn_assess.batch.blocks import RowError, ScoredBlock
from asn_assess.batch.cells import ROW_ID_PREFIX
from asn_assess.batch.pseudonyms import normalise_identifier
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.i18n import say
from asn_assess.core.models import SELF, Bank
from asn_assess.core.scoring import FloatColumn


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
    rater: Optional[str] = None
    """Who rated, when the input says (already pseudonymised when asked)."""
    sheet: str = ""
    """What makes two ratings the same sheet: its answers, "na" included, its group and
    role, and when it was answered (times, or the seconds answering took), as text."""

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
        self.duplicates = 0
        """Raters' ratings set aside as a second vote (``by_target``)."""

    def write(self, block: ScoredBlock) -> None:
        """Keep each row of a scored block."""
        answers, scores = block.answers, block.scores
        targets = answers.targets or [None] * answers.size
        groups = answers.rater_groups or [SELF] * answers.size
        roles = answers.roles or [None] * answers.size
        keeps_answers = answers.sheets is not None or answers.answer_values is not None
        sheets = answers.answer_sheets(self.bank) if keeps_answers else None
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
                answers.source,
                number,
                target,
                groups[row],
                roles[row],
                indicators,
                items,
                rater=_rater_id(answers.respondent_ids[row], number),
                sheet=_sheet_text(sheets[row] if sheets else None, answers.seconds, row),
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
        in a round (the first one read is kept). So is a rater's second rating of one
        person (see the module's documentation)."""
        found: dict[str, TargetRatings] = {}
        for rating in self.ratings:
            entry = found.setdefault(rating.target, TargetRatings(rating.target))
            if rating.rater_group != SELF:
                first = next((r for r in entry.raters if _same_vote(r, rating)), None)
                if first is None:
                    entry.raters.append(rating)
                    continue
                key = "mr.reject.same_rater" if first.rater else "mr.reject.same_sheet"
                reason = say(key, first=first.where)
                self.reject(RowError(rating.source, rating.row, None, rating.rater, [reason]))
                self.duplicates += 1
            elif entry.own is None:
                entry.own = rating
            else:
                reason = say("mr.reject.second_self", first=entry.own.where)
                self.reject(RowError(rating.source, rating.row, None, None, [reason]))
        return list(found.values())


def _rater_id(respondent_id: Optional[str], row: int) -> Optional[str]:
    """The rater's id, or None where the input gives none (an empty id cell stands as
    ``row-N``, which names the row, not a person)."""
    if not respondent_id or respondent_id == f"{ROW_ID_PREFIX}{row}":
        return None
    # One rater typed two ways (an e-mail in capitals, a NIP with spaces) is one rater.
    return normalise_identifier(respondent_id)


def _same_vote(first: Rating, later: Rating) -> bool:
    """Whether ``later`` is a second rating by the rater of ``first`` (same person
    rated): the same rater id when both carry one, else the same sheet."""
    if first.rater is not None and later.rater is not None:
        return first.rater == later.rater
    return bool(first.sheet) and first.sheet == later.sheet


def _sheet_text(sheet: Optional[AnswerSheet], seconds: Optional[FloatColumn], row: int) -> str:
    """The answer sheet as ``Rating.sheet`` keeps it (without the profile: a rater who
    sends the same file again with their name added sends the same rating)."""
    if sheet is None:
        return ""
    taken = None if seconds is None or math.isnan(seconds[row]) else float(seconds[row])
    return f"{sheet.model_dump_json(exclude={'respondent'})} {taken}"
