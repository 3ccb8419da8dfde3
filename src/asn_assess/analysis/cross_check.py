"""The multitrait scaling check: do an indicator's items belong with another one?

For every item: its correlation with the rest of its own indicator (psych's
``r.drop``) and with the total of each other indicator, all read off one
covariance matrix of a :class:`ReliabilityAccumulator`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from asn_assess.analysis.reliability import ReliabilityAccumulator, rest_correlation
from asn_assess.analysis.reliability_figures import MissingMode


@dataclass(frozen=True)
class ItemCrossCheck:
    """How one item correlates with its own indicator and with the others.

    ``own_r`` is the item's correlation with the sum of the *other* items of
    its indicator (psych's ``r.drop``); ``best_other`` is the other indicator
    whose total the item correlates with most, and ``best_other_r`` that
    correlation. None where undefined (a one-item indicator, a constant item).
    """

    index: int
    own_r: float | None
    best_other: str | None
    best_other_r: float | None

    @property
    def flagged(self) -> bool:
        """True if the item correlates more with another indicator's total."""
        return (
            self.own_r is not None
            and self.best_other_r is not None
            and self.best_other_r > self.own_r
        )


@dataclass(frozen=True)
class IndicatorCrossCheck:
    """Whether an indicator's items belong more to another indicator.

    ``own_r`` is the mean over the indicator's items of their ``own_r``;
    ``rival`` is the other indicator with the highest mean correlation of
    these items with its total, ``rival_r`` that mean. ``flagged`` is True
    when the rival's mean exceeds the own mean: the items, on average,
    correlate more with another indicator's total than with their own.
    """

    indicator: str
    own_r: float | None
    rival: str | None
    rival_r: float | None
    items: tuple[ItemCrossCheck, ...]

    @property
    def flagged(self) -> bool:
        """True if the rival indicator's mean correlation exceeds the own one."""
        return self.own_r is not None and self.rival_r is not None and self.rival_r > self.own_r


def cross_indicator_check(
    accumulator: ReliabilityAccumulator,
    indicators: Mapping[str, Sequence[int]],
    missing: MissingMode = "pairwise",
) -> tuple[IndicatorCrossCheck, ...]:
    """Check each indicator's items against the totals of the other indicators.

    For every item: its correlation with the rest of its own indicator
    (``r.drop``) and with the total of each other indicator, all read off one
    covariance matrix of the accumulator (the multitrait scaling check). An
    indicator is flagged when its items, on average, correlate more with
    another indicator's total than with their own rest score; each item is
    flagged on its own as well. Listwise, all figures rest on the rows
    complete on the smallest registered set holding every indicator's items.
    Returns one entry per indicator, in the order given.
    """
    names = list(indicators)
    union = sorted({i for name in names for i in indicators[name]})
    if not union:
        return tuple(IndicatorCrossCheck(name, None, None, None, ()) for name in names)
    cov = accumulator.covariance(union, missing)
    where = {column: position for position, column in enumerate(union)}
    members = {name: [where[i] for i in indicators[name]] for name in names}

    checks: list[IndicatorCrossCheck] = []
    for name in names:
        own = members[name]
        item_checks: list[ItemCrossCheck] = []
        # Per rival indicator, the correlations of this indicator's items
        # with the rival's total.
        rival_rs: dict[str, list[float]] = {other: [] for other in names if other != name}
        own_rs: list[float] = []
        for column, position in zip(indicators[name], own, strict=True):
            own_r = rest_correlation(cov, position, [p for p in own if p != position])
            best_other: str | None = None
            best_other_r: float | None = None
            for other, rs in rival_rs.items():
                # An item listed in both indicators is left out of the
                # other's total, so the item is never correlated with itself.
                rest = [p for p in members[other] if p != position]
                r = rest_correlation(cov, position, rest)
                if r is None:
                    continue
                rs.append(r)
                if best_other_r is None or r > best_other_r:
                    best_other, best_other_r = other, r
            if own_r is not None:
                own_rs.append(own_r)
            item_checks.append(ItemCrossCheck(column, own_r, best_other, best_other_r))
        own_mean = float(np.mean(own_rs)) if own_rs else None
        rival: str | None = None
        rival_r: float | None = None
        for other, rs in rival_rs.items():
            if rs and (rival_r is None or float(np.mean(rs)) > rival_r):
                rival, rival_r = other, float(np.mean(rs))
        checks.append(IndicatorCrossCheck(name, own_mean, rival, rival_r, tuple(item_checks)))
    return tuple(checks)
