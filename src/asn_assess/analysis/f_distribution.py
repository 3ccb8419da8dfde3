"""Quantiles of Fisher's F distribution, for the Feldt interval of alpha.

R's ``qf(p, df1, df2)`` without R: F with ``df1`` and ``df2`` degrees of freedom is
``(df2 / df1) * Y / (1 - Y)`` for ``Y`` following a beta distribution with shapes
``df1 / 2`` and ``df2 / 2``, so its quantile comes from the inverse of the regularized
incomplete beta function ``I_y(a, b)``.

``I_y(a, b)`` is evaluated from its continued fraction (Abramowitz & Stegun 26.5.8),
on the side of ``y`` where it converges fast, and inverted by Newton's method kept
inside a bracket that halves whenever a step would leave it.

R itself does not use the beta distribution when a degree of freedom exceeds 400,000:
it takes the chi-square limit, ``qchisq(p, df1) / df1`` (and ``df2 / qchisq(1 - p,
df2)`` when ``df1`` is the large one). So that an interval equals psych's in every
case, ``f_quantile`` does the same there, with the chi-square quantile from the
regularized incomplete gamma function (its series below ``a + 1``, its continued
fraction above; Abramowitz & Stegun 6.5.29 and 6.5.31), inverted the same way. The
tests compare the quantiles with R's ``qf`` (tools/reference/reliability.R).
"""

from __future__ import annotations

import math

_TINY = 1e-300
_EPSILON = 1e-15
_MOST_TERMS = 100_000  # the fraction needs about sqrt(max(a, b)) terms: never reached


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _continued_fraction(a: float, b: float, y: float) -> float:
    """The continued fraction of ``I_y(a, b)`` (modified Lentz evaluation)."""
    c, d = 1.0, 1.0 - (a + b) * y / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    fraction = d
    for m in range(1, _MOST_TERMS):
        # Two terms per step: the even one, then the odd one.
        for numerator in (
            m * (b - m) * y / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * y / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            fraction *= c * d
        if abs(c * d - 1.0) < _EPSILON:
            break
    return fraction


def beta_cdf(y: float, a: float, b: float) -> float:
    """``I_y(a, b)``: the probability that a beta(a, b) variable is at most ``y``."""
    if y <= 0.0:
        return 0.0
    if y >= 1.0:
        return 1.0
    log_front = a * math.log(y) + b * math.log1p(-y) - _log_beta(a, b)
    if y < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _continued_fraction(a, b, y) / a
    return 1.0 - math.exp(log_front) * _continued_fraction(b, a, 1.0 - y) / b


def _beta_density(y: float, a: float, b: float) -> float:
    return math.exp((a - 1.0) * math.log(y) + (b - 1.0) * math.log1p(-y) - _log_beta(a, b))


def beta_quantile(p: float, a: float, b: float) -> float:
    """The ``y`` with ``I_y(a, b) = p``, for 0 < p < 1."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie strictly between 0 and 1, not {p}")
    if p > 0.5:  # the upper tail, from the other side: more digits where they count
        return 1.0 - beta_quantile(1.0 - p, b, a)
    low, high = 0.0, 1.0
    y = a / (a + b)  # the mean: a start inside the bulk of the distribution
    for _ in range(200):
        error = beta_cdf(y, a, b) - p
        if error > 0:
            high = y
        else:
            low = y
        density = _beta_density(y, a, b)
        step = error / density if density > 0 else math.inf
        guess = y - step
        if not low < guess < high:
            guess = (low + high) / 2.0
        if abs(guess - y) <= 4 * _EPSILON * max(y, _TINY):
            return guess
        y = guess
    return y


def gamma_cdf(x: float, a: float) -> float:
    """The regularized lower incomplete gamma function ``P(a, x)``."""
    if x <= 0.0:
        return 0.0
    log_front = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1.0:
        term = total = 1.0 / a
        for n in range(1, _MOST_TERMS):
            term *= x / (a + n)
            total += term
            if abs(term) < abs(total) * _EPSILON:
                break
        return math.exp(log_front) * total
    # The continued fraction of the upper part Q(a, x), by modified Lentz.
    b = x + 1.0 - a
    c, d = 1.0 / _TINY, 1.0 / b
    fraction = d
    for i in range(1, _MOST_TERMS):
        numerator = -i * (i - a)
        b += 2.0
        d = numerator * d + b
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = b + numerator / c
        c = c if abs(c) > _TINY else _TINY
        fraction *= c * d
        if abs(c * d - 1.0) < _EPSILON:
            break
    return 1.0 - math.exp(log_front) * fraction


def chi_square_quantile(p: float, df: float) -> float:
    """R's ``qchisq(p, df)``."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie strictly between 0 and 1, not {p}")
    a = df / 2.0
    low, high = 0.0, math.inf
    x = a  # the mean of the gamma distribution
    for _ in range(400):
        error = gamma_cdf(x, a) - p
        if error > 0:
            high = x
        else:
            low = x
        density = math.exp((a - 1.0) * math.log(x) - x - math.lgamma(a)) if x > 0 else 0.0
        step = error / density if density > 0 else math.inf
        guess = x - step
        if not low < guess < high:
            guess = (low + high) / 2.0 if high < math.inf else 2.0 * x + 1.0
        if abs(guess - x) <= 4 * _EPSILON * max(x, _TINY):
            return 2.0 * guess
        x = guess
    return 2.0 * x


LARGE_DF = 4e5
"""Above this many degrees of freedom R's ``qf`` takes the chi-square limit."""


def f_quantile(p: float, df1: float, df2: float) -> float:
    """R's ``qf(p, df1, df2)``: the ``p`` quantile of the F distribution."""
    if df1 <= 0 or df2 <= 0:
        raise ValueError(f"degrees of freedom must be positive, not {df1} and {df2}")
    if df1 <= df2 and df2 > LARGE_DF:
        return chi_square_quantile(p, df1) / df1
    if df1 > LARGE_DF:
        return df2 / chi_square_quantile(1.0 - p, df2)
    y = beta_quantile(p, df1 / 2.0, df2 / 2.0)
    return (df2 / df1) * y / (1.0 - y)
