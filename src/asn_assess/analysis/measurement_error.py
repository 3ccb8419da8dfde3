"""How far a reliability figure, a score and a change can be trusted.

- ``feldt_interval``: the 95% interval of Cronbach's alpha after Feldt (1965), as
  ``psych::alpha`` gives it (``$feldt``, psych's ``alpha.ci``): with n respondents and
  k items, ``1 - (1 - alpha) * qf(0.975, n - 1, (n - 1)(k - 1))`` to
  ``1 - (1 - alpha) * qf(0.025, n - 1, (n - 1)(k - 1))``.
- ``standard_error``: the standard error of measurement of a score, ``SD * sqrt(1 -
  alpha)``, from the spread of the scores among colleagues and their reliability.
- ``score_band``: the score's 95% band, ``score ± 1.96 SEM``, kept within 0-100.
- ``reliable_change``: the least change between two results that is more than
  measurement error at 95%, ``1.96 * sqrt(2) * SEM`` (the reliable change index of
  Jacobson & Truax, 1991: a change divided by ``sqrt(2) * SEM`` beyond 1.96).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from asn_assess.analysis.f_distribution import f_quantile

Z95 = 1.96
"""The normal quantile of a two-sided 95% interval, as the references write it."""


@dataclass(frozen=True)
class Interval:
    """A 95% interval."""

    lower: float
    upper: float


def feldt_interval(alpha: Optional[float], respondents: int, items: int) -> Optional[Interval]:
    """Feldt's 95% interval of ``alpha`` from ``respondents`` and ``items``; None when
    alpha is undefined or either count is below two."""
    if alpha is None or respondents < 2 or items < 2:
        return None
    df1 = respondents - 1
    df2 = df1 * (items - 1)
    return Interval(
        lower=1.0 - (1.0 - alpha) * f_quantile(0.975, df1, df2),
        upper=1.0 - (1.0 - alpha) * f_quantile(0.025, df1, df2),
    )


def standard_error(sd: Optional[float], alpha: Optional[float]) -> Optional[float]:
    """``sd * sqrt(1 - alpha)``; None without both (or with an alpha that is not a
    reliability: below 0 or above 1)."""
    if sd is None or alpha is None or not 0.0 <= alpha <= 1.0:
        return None
    return sd * math.sqrt(1.0 - alpha)


def score_band(score: Optional[float], sem: Optional[float]) -> Optional[Interval]:
    """``score ± 1.96 sem``, within 0 to 100; None without both."""
    if score is None or sem is None:
        return None
    return Interval(max(0.0, score - Z95 * sem), min(100.0, score + Z95 * sem))


def reliable_change(sem: Optional[float]) -> Optional[float]:
    """The smallest change that exceeds measurement error (``1.96 * sqrt(2) * sem``)."""
    return None if sem is None else Z95 * math.sqrt(2.0) * sem


def difference_error(first: Optional[float], second: Optional[float]) -> Optional[float]:
    """The least difference between two scores with standard errors ``first`` and
    ``second`` that is more than measurement error: ``1.96 * sqrt(first² + second²)``."""
    if first is None or second is None:
        return None
    return Z95 * math.sqrt(first * first + second * second)
