"""Two results of one bank side by side: before, after and the change, for the overall
score, each pillar and each indicator.

Scores compare only when they measure the same thing. Within one bank version they
always do. Across versions ``core.bank_diff`` decides: an indicator compares when it is
in both versions unchanged; a pillar when all its indicators do; the overall score when
every pillar does with the same weight. Indicators that changed or exist in one version only are listed
apart, never compared. Pure: no terminal, no Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from asn_assess.core.decisions import at_least
from asn_assess.core.documents import Result
from asn_assess.core.models import Bank

STEADY = 0.05
"""A change smaller than this shows as 0,0 at one decimal: no arrow up or down."""

Apart = Literal["only-before", "only-after", "changed"]


@dataclass(frozen=True)
class Change:
    """One part's score before and after (None: no score at that time)."""

    id: str
    before: Optional[float]
    after: Optional[float]

    @property
    def delta(self) -> Optional[float]:
        """After minus before, when both have a score."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def direction(self) -> Literal["up", "down", "same", "none"]:
        """Which way the score moved ("none": one side has no score)."""
        delta = self.delta
        if delta is None:
            return "none"
        if at_least(delta, STEADY):
            return "up"
        if at_least(-delta, STEADY):
            return "down"
        return "same"


@dataclass
class Comparison:
    """What compares between two results, and what is listed apart."""

    before: Result
    after: Result
    overall: Optional[Change] = None
    """None when the overall scores do not compare."""
    pillars: list[Change] = field(default_factory=list)
    pillars_apart: list[str] = field(default_factory=list)
    indicators: list[Change] = field(default_factory=list)
    indicators_apart: list[tuple[str, Apart]] = field(default_factory=list)

    @property
    def same_role(self) -> bool:
        """Whether both results were for the same role (the same questions asked)."""
        return self.before.role == self.after.role


def compare_results(
    before_bank: Bank, before: Result, after_bank: Bank, after: Result
) -> Comparison:
    """Compare ``before`` (scored with ``before_bank``) with ``after``."""
    from asn_assess.core.bank_diff import bank_diff

    comparison = Comparison(before, after)
    old_indicators = {i.id: i.score for p in before.pillars for i in p.indicators}
    new_indicators = {i.id: i.score for p in after.pillars for i in p.indicators}
    if before_bank.version == after_bank.version and before_bank.id == after_bank.id:
        comparable = set(old_indicators) & set(new_indicators)
    else:
        comparable = set(bank_diff(before_bank, after_bank).comparable_indicators)
    for pillar in after_bank.pillars:
        for indicator in pillar.indicators:
            if indicator.id in comparable:
                comparison.indicators.append(
                    Change(indicator.id, old_indicators[indicator.id], new_indicators[indicator.id])
                )
            elif indicator.id in old_indicators:
                comparison.indicators_apart.append((indicator.id, "changed"))
            else:
                comparison.indicators_apart.append((indicator.id, "only-after"))
    for indicator_id in old_indicators:
        if indicator_id not in new_indicators:
            comparison.indicators_apart.append((indicator_id, "only-before"))

    old_pillars = {p.id: p for p in before.pillars}
    old_members = {p.id: {i.id for i in p.indicators} for p in before_bank.pillars}
    for pillar in after_bank.pillars:
        members = {i.id for i in pillar.indicators}
        if (
            pillar.id in old_pillars
            and members == old_members.get(pillar.id)
            and members <= comparable
        ):
            comparison.pillars.append(
                Change(pillar.id, old_pillars[pillar.id].score, after.pillar(pillar.id).score)
            )
        else:
            comparison.pillars_apart.append(pillar.id)
    weights = {p.id: p.weight for p in after_bank.pillars}
    if not comparison.pillars_apart and weights == {p.id: p.weight for p in before_bank.pillars}:
        comparison.overall = Change("overall", before.overall.score, after.overall.score)
    return comparison


@dataclass(frozen=True)
class ReliableChange:
    """Whether a change is more than measurement error (Jacobson & Truax's reliable
    change index): its size against ``limit`` = 1.96 * sqrt(2) * SEM."""

    limit: float
    real: bool


def reliable_changes(
    comparison: Comparison, standard_errors: dict[str, Optional[float]]
) -> dict[str, ReliableChange]:
    """Per pillar and indicator change with both scores and a standard error
    (``standard_errors``: ``pillar.<id>`` / ``indicator.<id>`` -> SEM), whether it
    exceeds 1.96 * sqrt(2) * SEM; keyed like ``standard_errors``."""
    from asn_assess.analysis.measurement_error import reliable_change

    found = {}
    changes = [("pillar", c) for c in comparison.pillars]
    changes += [("indicator", c) for c in comparison.indicators]
    for kind, change in changes:
        key = f"{kind}.{change.id}"
        limit = reliable_change(standard_errors.get(key))
        if change.delta is None or limit is None:
            continue
        found[key] = ReliableChange(limit, not at_least(limit, abs(change.delta)))
    return found
