"""McDonald's omega total from a one-factor model, as ``psych::omega(x, nfactors = 1)``
computes it (psych 2.2.9).

What psych does, and so what this module does:

* ``R = cor(x, use = "pairwise")``: Pearson correlations, each over the respondents
  who answered both items (unlike ``psych::alpha``, which divides the pairwise
  covariances by the items' overall spreads).
* One factor by minimum residuals ("minres", psych's default): the loadings ``l``
  that make ``l l'`` closest to ``R`` off its diagonal, with each uniqueness
  ``1 - l_i^2`` kept at 0.005 or more. psych finds them with R's ``optim``; here
  they are found by iterated principal axes (the communalities put on the diagonal
  of ``R``, the first eigenvector taken, its squared loadings put back, until they
  no longer change), whose fixed point is the same minimum.
* The factor points the way most loadings do; an item loading negatively is turned
  round (psych's ``flip = TRUE``): its correlations change sign.
* ``omega.tot = (sum(R) - sum(1 - l_i^2)) / sum(R)``, with ``R`` after turning.

The two searches stop at different tolerances, so the figures agree to about 1e-6,
not to the last digit (the tests allow 0.005, and find far less).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from asn_assess.analysis.moments import FloatArray

LOWEST_UNIQUENESS = 0.005
"""psych's lower bound on a uniqueness (so no communality reaches 1)."""
_TOLERANCE = 1e-12
_MOST_STEPS = 20_000
MIN_ITEMS = 3
"""A one-factor model of fewer items is not identified: no omega below three."""


@dataclass(frozen=True)
class OmegaResult:
    """Omega total of a set of items and the one-factor model behind it."""

    omega_total: float | None
    loadings: tuple[float, ...]
    """Per item, its loading on the factor (which points the way most items do); empty
    when there is no model."""
    turned: tuple[int, ...]
    """Positions (in the items given) of the items psych turns round: those loading
    negatively. The score does not turn them; a note says so."""
    problem: str | None = None
    """Why there is no omega: ``too-few-items``, ``undefined-correlation`` or
    ``non-positive-total-variance``."""


def one_factor_loadings(correlations: FloatArray) -> FloatArray:
    """The minres loadings of one factor of a correlation matrix (no missing cells)."""
    k = correlations.shape[0]
    try:  # psych starts from the squared multiple correlations
        with np.errstate(divide="ignore", invalid="ignore"):
            start = 1.0 - 1.0 / np.diagonal(np.linalg.inv(correlations))
    except np.linalg.LinAlgError:
        start = np.full(k, 0.5)
    communality = np.clip(np.nan_to_num(start, nan=0.5), 0.0, 1.0 - LOWEST_UNIQUENESS)
    reduced = correlations.copy()
    loadings = np.zeros(k)
    for _ in range(_MOST_STEPS):
        np.fill_diagonal(reduced, communality)
        values, vectors = np.linalg.eigh(reduced)
        loadings = vectors[:, -1] * math.sqrt(max(float(values[-1]), 0.0))
        updated = np.clip(loadings * loadings, 0.0, 1.0 - LOWEST_UNIQUENESS)
        change = float(np.abs(updated - communality).max())
        communality = updated
        if change < _TOLERANCE:
            break
    if loadings.sum() < 0:  # the factor points the way most items do
        loadings = -loadings
    return loadings


def omega_total(correlations: FloatArray) -> OmegaResult:
    """psych's omega total of the items whose correlation matrix is given."""
    k = correlations.shape[0]
    if k < MIN_ITEMS:
        return OmegaResult(None, (), (), "too-few-items")
    if not np.isfinite(correlations).all():
        return OmegaResult(None, (), (), "undefined-correlation")
    loadings = one_factor_loadings(correlations)
    signs = np.where(loadings < 0, -1.0, 1.0)
    turned = correlations * np.outer(signs, signs)
    total = float(turned.sum())
    uniqueness = float((1.0 - loadings * loadings).sum())
    shown = tuple(float(value) for value in loadings)
    turned_items = tuple(int(i) for i in np.flatnonzero(signs < 0))
    if not total > 0:
        return OmegaResult(None, shown, turned_items, "non-positive-total-variance")
    return OmegaResult((total - uniqueness) / total, shown, turned_items)
