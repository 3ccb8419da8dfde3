"""The numbers of a 360-degree report for one person rated: per indicator, their own
score, each rater group's mean and size, the mean of all others, the gap, the raters'
agreement and the Johari window. Pure: no files, no terminal.

docs/multirater.md states these rules with a worked example; keep them in step.

- A rater's indicator score follows the scoring rules (docs/scoring.md) on the items
  their group is asked. A group's mean is the mean of its raters' indicator scores.
- "Others" are every rater not withheld (``anonymity``); their mean counts each rater
  once (not each group), so a large group weighs more than a small one.
- Gap: own score minus the others' mean.
- Agreement: rwg(j) (James, Demaree & Wolf, 1984) of the others' item answers against a
  uniform null: ``J (1 - r) / (J (1 - r) + r)``, where ``J`` counts the indicator's items
  that at least two others answered and ``r`` is the mean, over those items, of the
  answers' variance (n - 1) divided by the variance of the scale's points (every
  answer equally likely). ``r >= 1`` (no more agreement than chance) gives 0. Below
  ``LOW_AGREEMENT`` the report flags it: the others' mean hides differing views.
- Consistency across the round (``round_consistency``): ICC(1) and ICC(2) of the
  others' indicator scores with the people rated as groups (multilevel's ICC1 and
  ICC2): whether others' means tell people apart beyond chance.
- Johari window, with ``T`` the bank's development threshold (70 in the bundled bank):
  own score at least ``CLEAR_GAP`` points above the others' mean is a blind spot; at
  least ``CLEAR_GAP`` below it, with the others' mean at ``T`` or above, a hidden
  strength; otherwise own view and others' agree closely enough, on a strength when
  the others' mean reaches ``T``, else on a development area.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional

from asn_assess.analysis.icc import IntraclassCorrelation, intraclass
from asn_assess.core.decisions import at_least, below
from asn_assess.core.models import Bank, Indicator, Item
from asn_assess.multirater.anonymity import MIN_RATERS, Visibility, checked_min_raters, disclose
from asn_assess.multirater.ratings import Rating, TargetRatings

CLEAR_GAP = 10.0
"""Points (0-100) between own score and others' mean that make a clear difference."""
LOW_AGREEMENT = 0.70
"""rwg(j) below this is flagged: the raters do not agree enough for their mean to speak
for them (the usual cut-off in the literature)."""


class Johari(str, Enum):
    """Where an indicator falls in the Johari window of own view against others'."""

    AGREED_STRENGTH = "agreed-strength"
    AGREED_DEVELOPMENT = "agreed-development"
    BLIND_SPOT = "blind-spot"
    HIDDEN_STRENGTH = "hidden-strength"


@dataclass(frozen=True)
class MultiraterSettings:
    """The thresholds of a 360-degree report."""

    min_raters: int = MIN_RATERS
    clear_gap: float = CLEAR_GAP
    low_agreement: float = LOW_AGREEMENT

    def __post_init__(self) -> None:
        checked_min_raters(self.min_raters)


@dataclass(frozen=True)
class GroupCell:
    """One rater group on one indicator."""

    group: str
    raters: int
    """Raters of the group who scored the indicator."""
    mean: Optional[float]
    """Their mean, only when the group is shown on its own."""
    visibility: Optional[Visibility]
    """None when the group has no rater here."""


@dataclass(frozen=True)
class IndicatorView:
    """One indicator of one person's 360-degree report."""

    id: str
    pillar_id: str
    own: Optional[float]
    groups: tuple[GroupCell, ...]
    """Each rater group that rates the indicator, in bank order."""
    others_raters: int
    others_mean: Optional[float]
    gap: Optional[float]
    agreement: Optional[float]
    """rwg(j) among the others; None with fewer than two of them on any item."""
    agreement_items: int
    """The J of rwg(j): items at least two others answered."""
    low_agreement: bool
    johari: Optional[Johari]


@dataclass(frozen=True)
class TargetView:
    """The 360-degree numbers of one person rated."""

    target: str
    role: Optional[str]
    has_own: bool
    raters: dict[str, int]
    """Answer sheets per rater group of the bank (0 for none), in bank order."""
    status: dict[str, Visibility]
    """Per group with raters: the rules applied to the sheets counts (the summary; each
    indicator applies them to its own counts)."""
    indicators: tuple[IndicatorView, ...]
    settings: MultiraterSettings
    threshold: float
    """The bank's development threshold, which separates strengths from areas to develop."""
    consistency: dict[str, IntraclassCorrelation] = field(default_factory=dict)
    """Per indicator, ICC(1) and ICC(2) of the others' ratings over the whole round
    (``round_consistency``): how far others' means can be trusted to tell people apart.
    Empty when the view was made on its own."""

    @property
    def withheld(self) -> list[str]:
        """Groups whose ratings were left out of at least one indicator."""
        return [
            group
            for group in self.raters
            if any(
                cell.group == group and cell.visibility is Visibility.WITHHELD
                for line in self.indicators
                for cell in line.groups
            )
        ]

    def indicator(self, indicator_id: str) -> IndicatorView:
        """The view of one indicator (``StopIteration`` when there is none)."""
        return next(line for line in self.indicators if line.id == indicator_id)


def johari(
    own: Optional[float], others: Optional[float], threshold: float, clear_gap: float
) -> Optional[Johari]:
    """The Johari window of one indicator; None without both views."""
    if own is None or others is None:
        return None
    # Decided on exact values: a gap of exactly 10 computes as 9.999999999999993.
    gap = own - others
    if at_least(gap, clear_gap):
        return Johari.BLIND_SPOT
    if below(others, threshold):  # below the threshold in others' eyes: to develop,
        return Johari.AGREED_DEVELOPMENT  # however low the person rates themself
    return Johari.HIDDEN_STRENGTH if at_least(-gap, clear_gap) else Johari.AGREED_STRENGTH


def null_variance(bank: Bank, item: Item) -> float:
    """The variance (0-100 points squared) of an item's answers if every point of its
    scale were equally likely: the uniform null of rwg."""
    scale = bank.scale_of(item)
    low, high = scale.low, scale.high
    return statistics.pvariance([(p.value - low) / (high - low) * 100 for p in scale.points])


def rwg_j(bank: Bank, items: list[Item], ratings: list[Rating]) -> tuple[Optional[float], int]:
    """rwg(j) of ``ratings`` on ``items`` and the number of items it rests on."""
    ratios = []
    for item in items:
        answers = [rating.items[item.id] for rating in ratings if item.id in rating.items]
        if len(answers) >= 2:
            ratios.append(statistics.variance(answers) / null_variance(bank, item))
    if not ratios:
        return None, 0
    count, mean = len(ratios), statistics.fmean(ratios)
    if mean >= 1:
        return 0.0, count
    return count * (1 - mean) / (count * (1 - mean) + mean), count


def _mean(values: list[float]) -> Optional[float]:
    return statistics.fmean(values) if values else None


def _indicator_view(
    bank: Bank,
    pillar_id: str,
    indicator: Indicator,
    person: TargetRatings,
    settings: MultiraterSettings,
) -> IndicatorView:
    anonymous = {group.id: group.anonymous for group in bank.rater_groups}
    rating_groups = [g for g in bank.rater_groups if g.id in indicator.rated_by]
    scored = {
        group.id: [r for r in person.group(group.id) if indicator.id in r.indicators]
        for group in rating_groups
    }
    disclosure = disclose({g: len(rs) for g, rs in scored.items()}, anonymous, settings.min_raters)
    cells = []
    for group in rating_groups:
        seen = disclosure.visibility.get(group.id)
        values = [r.indicators[indicator.id] for r in scored[group.id]]
        mean = _mean(values) if seen is Visibility.SHOWN else None
        cells.append(GroupCell(group.id, len(values), mean, seen))
    others = [r for g in disclosure.others for r in scored[g]]
    others_mean = _mean([r.indicators[indicator.id] for r in others])
    own = person.own.indicators.get(indicator.id) if person.own else None
    # Only the items raters were asked carry their answers; rwg_j skips the others.
    agreement, agreement_items = rwg_j(bank, list(indicator.items), others)
    return IndicatorView(
        id=indicator.id,
        pillar_id=pillar_id,
        own=own,
        groups=tuple(cells),
        others_raters=len(others),
        others_mean=others_mean,
        gap=own - others_mean if own is not None and others_mean is not None else None,
        agreement=agreement,
        agreement_items=agreement_items,
        low_agreement=agreement is not None and below(agreement, settings.low_agreement),
        johari=johari(own, others_mean, bank.development_threshold, settings.clear_gap),
    )


def target_view(
    bank: Bank, person: TargetRatings, settings: Optional[MultiraterSettings] = None
) -> TargetView:
    """Every number of one person's 360-degree report."""
    settings = settings or MultiraterSettings()
    raters = {group.id: len(person.group(group.id)) for group in bank.rater_groups}
    anonymous = {group.id: group.anonymous for group in bank.rater_groups}
    status = disclose(raters, anonymous, settings.min_raters).visibility
    indicators = tuple(
        _indicator_view(bank, pillar.id, indicator, person, settings)
        for pillar in bank.pillars
        for indicator in pillar.indicators
    )
    return TargetView(
        target=person.target,
        role=person.role,
        has_own=person.own is not None,
        raters=raters,
        status=status,
        indicators=indicators,
        settings=settings,
        threshold=bank.development_threshold,
    )


def round_consistency(
    bank: Bank, people: Sequence[TargetRatings]
) -> dict[str, IntraclassCorrelation]:
    """Per indicator, ICC(1) and ICC(2) of every rating by others (all rater groups
    but the person's own, pooled) with the people rated as groups: ``multilevel::ICC1``
    and ``ICC2`` on ``aov(score ~ target)``. Round-wide figures, from every rating
    (withheld groups included: they show no one's score)."""
    found = {}
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            groups = {
                person.target: [
                    rating.indicators[indicator.id]
                    for rating in person.raters
                    if indicator.id in rating.indicators
                ]
                for person in people
            }
            found[indicator.id] = intraclass(groups)
    return found
