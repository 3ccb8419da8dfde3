"""The change since the previous round, where the two rounds compare.

Two rounds compare only when they were scored by the same bank and the same scoring
rules; across versions of one bank, only the scores ``core.bank_diff`` finds unchanged.
Each round's figures are suppressed on their own (``agency.figures``), and a change is
shown only where both rounds show the figure, so the trend shows nothing either round
withholds.

A change counts as larger than measurement error explains when it exceeds 1.96 times
the standard error of a difference of two means of scores that each carry the
standard error of measurement ``SEM = SD * sqrt(1 - reliability)`` of that score:
``|change| > 1.96 * SEM * sqrt(1/n_before + 1/n_after)`` (``analysis.measurement_error``,
the error of a mean of n scores being ``SEM / sqrt(n)``), decided on exact values
(``core.decisions``). The SEM comes from norms that carry each scale's reliability;
without them no change is marked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Optional

from asn_assess.agency.figures import POOL, AgencyFigures, Cell, Figures, Group, Withheld
from asn_assess.analysis.measurement_error import difference_error
from asn_assess.analysis.norms import NormReference
from asn_assess.core.bank_diff import comparable_scores
from asn_assess.core.decisions import below
from asn_assess.core.models import Bank

NotComparable = Literal["other-bank", "other-scoring", "nothing-compares", "too-few"]


@dataclass(frozen=True)
class Change:
    """One measure of one group in both rounds."""

    measure: str
    before: Cell
    after: Cell
    beyond_error: Optional[bool] = None
    """Whether the change is larger than measurement error explains (None: unknown)."""

    @property
    def delta(self) -> Optional[float]:
        """After minus before, when both rounds show the figure."""
        if isinstance(self.before, Figures) and isinstance(self.after, Figures):
            return self.after.mean - self.before.mean
        return None


@dataclass
class Trend:
    """What compares between the previous round and this one."""

    previous: AgencyFigures
    why_not: Optional[NotComparable] = None
    """Set when nothing compares: the reason."""
    agency: list[Change] = field(default_factory=list)
    """Overall, pillars and indicators that compare, in bank order."""
    units: dict[str, list[Change]] = field(default_factory=dict)
    """Per unit shown in both rounds: its comparable indicators."""
    apart: list[str] = field(default_factory=list)
    """Measures of this round's bank that do not compare with the previous round's."""
    measurement_error: bool = False
    """Whether changes were weighed against measurement error."""


def same_scoring(before: Bank, after: Bank) -> bool:
    """Whether two banks score answers by the same rules (not only the same items)."""
    return (
        before.min_answered == after.min_answered
        and before.scoring_version == after.scoring_version
        and before.statements_needed == after.statements_needed
    )


def trend(
    previous: AgencyFigures,
    current: AgencyFigures,
    error: Optional[Mapping[str, float]] = None,
) -> Trend:
    """The change from ``previous`` to ``current``; ``error`` gives, per measure
    (``overall``, ``pillar.<id>``, ``indicator.<id>``), the standard error of
    measurement of one person's score, when known."""
    found = Trend(previous, measurement_error=bool(error))
    before_bank, after_bank = previous.bank, current.bank
    if before_bank.id != after_bank.id:
        found.why_not = "other-bank"
        return found
    if not same_scoring(before_bank, after_bank):
        found.why_not = "other-scoring"
        return found
    compares = comparable_scores(before_bank, after_bank)
    if not compares.indicators:
        found.why_not = "nothing-compares"
        return found
    if previous.respondents < previous.min_group:
        found.why_not = "too-few"
        return found
    errors = error or {}
    before_spreads = {s.measure: s.figures for s in previous.spreads}
    for spread in current.spreads:
        key = spread.measure
        comparable = key == "overall" and compares.overall
        comparable |= key.startswith("pillar.") and key[7:] in compares.pillars
        if comparable and key in before_spreads:
            found.agency.append(_change(key, before_spreads[key], spread.figures, errors))
        else:
            found.apart.append(key)
    before_rows = {row.indicator: row for row in previous.indicators}
    before_units = {g.key: g for g in previous.units}
    current_units = {g.key: g for g in current.units}
    for row in current.indicators:
        key = f"indicator.{row.indicator}"
        if row.indicator not in compares.indicators or row.indicator not in before_rows:
            found.apart.append(key)
            continue
        before = before_rows[row.indicator]
        found.agency.append(_change(key, before.agency, row.agency, errors))
        for unit, cell in row.units.items():
            if unit not in before.units or not _same_unit(
                before_units.get(unit), current_units.get(unit)
            ):
                continue
            change = _change(key, before.units[unit], cell, errors)
            found.units.setdefault(unit, []).append(change)
    return found


def _same_unit(before: Optional[Group], after: Optional[Group]) -> bool:
    """Units compare by name; the pooled small units only when they pool the same units."""
    if before is None or after is None:
        return False
    return after.key != POOL or before.members == after.members


def _change(measure: str, before: Cell, after: Cell, errors: Mapping[str, float]) -> Change:
    change = Change(measure, before, after)
    sem = errors.get(measure)
    delta = change.delta
    if sem is None or delta is None:
        return change
    assert isinstance(before, Figures) and isinstance(after, Figures)
    bound = difference_error(sem / math.sqrt(before.n), sem / math.sqrt(after.n))
    assert bound is not None
    return Change(measure, before, after, below(bound, abs(delta)))


def measurement_errors(reference: NormReference, bank: Bank) -> dict[str, float]:
    """The standard error of measurement of each of ``bank``'s scores the norms give a
    reliability and a spread for (``SD * sqrt(1 - alpha)``)."""
    keys = ["overall", *[f"pillar.{p.id}" for p in bank.pillars]]
    keys += [f"indicator.{i.id}" for p in bank.pillars for i in p.indicators]
    errors: dict[str, float] = {}
    for key in keys:
        sem = reference.standard_error(key)
        if sem is not None:
            errors[key] = sem
    return errors


def withheld_either(change: Change) -> bool:
    """Whether either round withholds the figure (the change is then not shown)."""
    return isinstance(change.before, Withheld) or isinstance(change.after, Withheld)
