"""Intraclass correlations of ratings grouped by the person rated, as R's
``multilevel::ICC1`` and ``ICC2`` compute them on ``aov(score ~ target)``.

With ``J`` people rated, ``N`` ratings in all, ``MSB`` the mean square between people
(their means' spread, ``J - 1`` degrees of freedom) and ``MSW`` the mean square within
(raters' spread around each person's mean, ``N - J`` degrees of freedom):

- ``ICC(1) = (MSB - MSW) / (MSB + (N / J - 1) MSW)``: the share of the ratings'
  spread that lies between the people rated, the reliability of *one* rater's score;
- ``ICC(2) = (MSB - MSW) / MSB``: the reliability of a person's *mean* rating, with
  as many raters as they have on average.

multilevel takes the average group size ``N / J`` even when the groups differ in size,
and so does this module. A person with a single rating adds to ``MSB`` and nothing to
``MSW``, as in ``aov``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Optional

ROUNDING_NOISE = 1e-12
"""A between-people sum of squares at most this share of the ratings' sum of squares is
floating-point noise, not spread."""


@dataclass(frozen=True)
class IntraclassCorrelation:
    """ICC(1) and ICC(2) of ratings grouped by the person rated; None when undefined
    (fewer than two people rated, no person with two ratings, or no spread)."""

    icc1: Optional[float]
    icc2: Optional[float]
    targets: int
    """People rated (with at least one rating)."""
    ratings: int

    @property
    def raters_per_target(self) -> Optional[float]:
        """The average number of ratings per person rated (multilevel's group size)."""
        return self.ratings / self.targets if self.targets else None


def intraclass(groups: Mapping[str, Sequence[float]]) -> IntraclassCorrelation:
    """ICC(1) and ICC(2) of the ratings in ``groups`` (person rated -> their ratings)."""
    rated = [list(values) for values in groups.values() if values]
    targets, ratings = len(rated), sum(len(values) for values in rated)
    if targets < 2 or ratings <= targets:
        return IntraclassCorrelation(None, None, targets, ratings)
    grand = math.fsum(math.fsum(values) for values in rated) / ratings
    means = [math.fsum(values) / len(values) for values in rated]
    between = math.fsum(len(v) * (m - grand) ** 2 for v, m in zip(rated, means, strict=True))
    # Means that are equal in exact arithmetic (58.75 from six ratings and from seven)
    # differ in the last bits of a float; that noise is no spread between the people
    # rated, and dividing by it would give an ICC(2) of minus 10^29.
    if between <= ROUNDING_NOISE * math.fsum(x * x for values in rated for x in values):
        between = 0.0
    within = math.fsum((x - m) ** 2 for v, m in zip(rated, means, strict=True) for x in v)
    msb = between / (targets - 1)
    msw = within / (ratings - targets)
    size = ratings / targets
    denominator = msb + (size - 1.0) * msw
    icc1 = (msb - msw) / denominator if denominator > 0 else None
    icc2 = (msb - msw) / msb if msb > 0 else None
    return IntraclassCorrelation(icc1, icc2, targets, ratings)
