"""Item analysis as ``psych::alpha`` computes it, in one streaming pass.

A :class:`ReliabilityAccumulator` is fed blocks of keyed answers (rows =
respondents, columns = items, NaN = missing) and keeps only O(k^2) numbers:
per pair of items the count of rows where both are present, the mean of each
over those rows and their co-moment, plus the same for the rows complete on
registered item sets (for listwise deletion). Every figure of
``psych::alpha`` that the project uses is derived from those sums afterwards,
for the whole bank or any subset of it (an indicator, a pillar), without a
second pass over the answers.

How ``psych::alpha`` (psych 2.2.9) computes, and so how this module does:

* ``C = cov(x, use = "pairwise")``: each covariance over the rows where both
  items are present, centred on the means of *those* rows, divided by
  ``n_ij - 1``. The diagonal is each item's variance over all its answers.
* ``R = cov2cor(C)``: correlations are ``C_ij / sqrt(C_ii C_jj)`` with the
  variances of the diagonal, *not* pairwise-complete Pearson correlations.
* ``raw_alpha = (1 - tr(C) / sum(C)) * k / (k - 1)``,
  ``std.alpha = (1 - k / sum(R)) * k / (k - 1)``,
  ``average_r = (sum(R) - k) / (k (k - 1))``.
* ``r.drop`` of item i: ``(sum(C[, i]) - C_ii) / sqrt(C_ii * sum(C[-i, -i]))``,
  the covariance of the item with the sum of the others over the variance of
  that sum, both read off ``C``. With missing answers this is not the Pearson
  correlation of the item with the observed rest score.
* ``alpha.drop``: the same formulas on ``C[-i, -i]`` and ``R[-i, -i]``.
* Item ``mean`` and ``sd``: over every answer the item has (``na.rm = TRUE``).
* Items with zero (or undefined) variance are deleted before anything is
  computed, with a warning; the figures rest on the remaining items.

``missing="pairwise"`` reproduces ``psych::alpha(x, check.keys = FALSE)``;
``missing="listwise"`` reproduces ``psych::alpha(na.omit(x), check.keys =
FALSE)`` for a registered item set.

Problem codes (``ReliabilityResult.problems``), for the caller to turn into
messages; item indices are the accumulator's column indices:

* ``too-few-respondents``: no item has two answers (listwise: fewer than two
  complete rows), so nothing beyond means can be computed.
* ``too-few-observations:<i>``: item i has fewer than two answers; it is left
  out like a constant item (psych deletes items whose sd is NA).
* ``constant-item:<i>``: item i has no variance; it is left out (as psych
  does) and its item-level figures other than n, mean and sd are None.
* ``too-few-pairs:<i>:<j>``: items i and j are answered together by fewer
  than two respondents, so their covariance, and every scale figure, is
  undefined.
* ``too-few-items``: fewer than two items with variance remain; alpha is
  undefined.
* ``non-positive-total-variance``: the variance of the sum (``sum(C)``, or
  ``sum(R)`` for the standardized figures) is zero or negative, so alpha
  would divide by zero or be meaningless.
* ``non-positive-rest-variance:<i>``: the sum of the items other than i has
  zero or negative variance (``sum(C[-i, -i])``, or ``sum(R[-i, -i])``), so
  item i's ``r_drop`` or ``*_if_dropped`` figures are None.
* ``listwise-wider-set``: the listwise figures rest on the rows complete on
  a registered item set wider than the one asked for (see
  :meth:`ReliabilityAccumulator.subset_result`).

The sums themselves live in ``moments.py``, the result types in
``reliability_figures.py``, the check of items against other indicators' totals in
``cross_check.py``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from asn_assess.analysis.moments import FloatArray, PairMoments, safe_divide
from asn_assess.analysis.reliability_figures import (
    ItemStatistics,
    MissingMode,
    ReliabilityResult,
    optional,
)

# An item whose sd is at most this fraction of its mean's size is treated as
# constant. Constant columns already give exactly 0 (see PairMoments._add_chunk);
# the margin only guards against rounding in merges of separately built
# accumulators.
_CONSTANT_RELATIVE_SD = 1e-13

ROUNDING = 1e-12
"""Relative size below which a variance of the sum is taken as zero."""


@dataclass(frozen=True)
class _Moments:
    """Covariance matrix, counts and item means of a subset, ready for alpha."""

    cov: FloatArray
    count: FloatArray
    means: FloatArray
    problems: tuple[str, ...]


class ReliabilityAccumulator:
    """Streams answers once and yields ``psych::alpha`` figures for any item subset.

    ``k`` is the number of item columns (the whole bank, say, up to about a
    hundred). ``listwise_sets`` registers item sets (e.g. each indicator and
    pillar) whose complete rows are tracked for listwise deletion; the set of
    all k columns is always registered. State is O(k^2) per registered set
    and does not grow with the rows.
    """

    def __init__(self, k: int, listwise_sets: Iterable[Sequence[int]] = ()) -> None:
        if k < 1:
            raise ValueError(f"k must be at least 1, not {k}")
        self._k = k
        self._rows = 0
        self._pairwise = PairMoments(k)
        everything = tuple(range(k))
        self._listwise: dict[tuple[int, ...], PairMoments] = {everything: PairMoments(k)}
        for item_set in listwise_sets:
            key = tuple(sorted(self._check_indices(item_set)))
            self._listwise.setdefault(key, PairMoments(len(key)))

    @property
    def k(self) -> int:
        """Number of item columns."""
        return self._k

    @property
    def rows(self) -> int:
        """Number of rows added so far."""
        return self._rows

    @property
    def listwise_sets(self) -> tuple[tuple[int, ...], ...]:
        """The registered listwise item sets (sorted indices), all columns first."""
        return tuple(self._listwise)

    def add(self, block: ArrayLike) -> None:
        """Add a block of answers: rows = respondents, columns = the k items.

        Values are keyed item scores; NaN marks a missing, skipped or
        not-applicable answer. Infinite values are refused (ValueError), as is
        a block that is not 2-D with k columns.
        """
        data = np.asarray(block, dtype=np.float64)
        if data.ndim != 2 or data.shape[1] != self._k:
            raise ValueError(f"expected a 2-D block with {self._k} columns, got shape {data.shape}")
        if np.isinf(data).any():
            raise ValueError("block holds infinite values; use NaN for missing answers")
        if data.shape[0] == 0:
            return
        self._rows += data.shape[0]
        self._pairwise.add(data)
        present = ~np.isnan(data)
        for key, moments in self._listwise.items():
            columns = np.asarray(key, dtype=np.intp)
            complete = present[:, columns].all(axis=1)
            if complete.any():
                moments.add(data[complete][:, columns])

    def merge(self, other: ReliabilityAccumulator) -> None:
        """Fold in another accumulator over the same columns and listwise sets.

        Lets parts of a file be accumulated separately (e.g. in parallel); the
        result equals adding all their rows to one accumulator.
        """
        if other._k != self._k or set(other._listwise) != set(self._listwise):
            raise ValueError("accumulators differ in columns or listwise sets")
        self._rows += other._rows
        self._pairwise.merge(other._pairwise)
        for key, moments in self._listwise.items():
            moments.merge(other._listwise[key])

    def result(self, missing: MissingMode = "pairwise") -> ReliabilityResult:
        """The ``psych::alpha`` figures of all k items."""
        return self.subset_result(range(self._k), missing)

    def subset_result(
        self, indices: Iterable[int], missing: MissingMode = "pairwise"
    ) -> ReliabilityResult:
        """The ``psych::alpha`` figures of the items at ``indices``.

        Pairwise, this equals ``psych::alpha(x[, indices])`` for any subset.
        Listwise, the figures rest on the rows complete on the smallest
        registered set containing ``indices``; when that set is ``indices``
        itself this equals ``psych::alpha(na.omit(x[, indices]))``, otherwise
        the problem ``listwise-wider-set`` says that fewer rows were used.
        """
        chosen = self._check_indices(indices)
        return _alpha_result(chosen, self._moments(chosen, missing), missing, self._rows)

    def covariance(self, indices: Iterable[int], missing: MissingMode = "pairwise") -> FloatArray:
        """psych's covariance matrix ``C`` of the items at ``indices``.

        Pairwise: R's ``cov(x, use = "pairwise")``; listwise: the covariance
        over the rows complete on the smallest registered set containing the
        items. NaN where a pair has fewer than two rows.
        """
        return self._moments(self._check_indices(indices), missing).cov

    def correlations(self, indices: Iterable[int], missing: MissingMode = "pairwise") -> FloatArray:
        """Pearson correlations of the items at ``indices``, each over the rows where
        both are present: R's ``cor(x, use = "pairwise")`` (listwise: over the rows
        complete on the smallest registered set containing the items). NaN where a
        pair has fewer than two rows or an item does not vary over them."""
        source, positions, _ = self._source(self._check_indices(indices), missing)
        grid = np.ix_(positions, positions)
        count, comoment, square = source.count[grid], source.comoment[grid], source.square[grid]
        # An item that does not vary over a pair's rows has a sum of squares of zero in
        # exact arithmetic; merged parts may leave a trace of rounding instead.
        own = np.diagonal(square)[:, None]
        varies = square > _CONSTANT_RELATIVE_SD * np.maximum(own, 1.0)
        defined = (count >= 2) & varies & varies.T
        result = np.full(count.shape, np.nan)
        np.divide(
            comoment, np.sqrt(np.where(defined, square * square.T, 1.0)), out=result, where=defined
        )
        np.fill_diagonal(result, np.where(np.diagonal(defined), 1.0, np.nan))
        return result

    def item_rest_correlation(
        self,
        item_index: int,
        other_indices: Iterable[int],
        missing: MissingMode = "pairwise",
    ) -> float | None:
        """Correlation of one item with the sum of a set of other items.

        Computed from the covariance matrix as psych computes ``r.drop``:
        ``sum(C[item, others]) / sqrt(C[item, item] * sum(C[others, others]))``.
        With ``other_indices`` = the rest of the item's own scale this is its
        ``r.drop``; with another indicator's items, the item's correlation
        with that indicator's total. None when undefined (a constant item or
        total, or a pair with fewer than two rows).
        """
        others = self._check_indices(other_indices)
        if item_index in others:
            raise ValueError(f"item {item_index} is among the other items")
        chosen = self._check_indices([item_index, *others])
        cov = self._moments(chosen, missing).cov
        return rest_correlation(cov, 0, list(range(1, len(chosen))))

    def _check_indices(self, indices: Iterable[int]) -> list[int]:
        """Validated list of distinct column indices, in the order given."""
        chosen = [int(i) for i in indices]
        if not chosen:
            raise ValueError("no item indices given")
        if len(set(chosen)) != len(chosen):
            raise ValueError(f"duplicate item indices in {chosen}")
        bad = [i for i in chosen if not 0 <= i < self._k]
        if bad:
            raise ValueError(f"item indices out of range 0..{self._k - 1}: {bad}")
        return chosen

    def _source(
        self, chosen: list[int], missing: MissingMode
    ) -> tuple[PairMoments, list[int], tuple[str, ...]]:
        """The moments holding the chosen items for a missing mode, their positions
        there, and the problem of a wider listwise set."""
        if missing == "pairwise":
            return self._pairwise, chosen, ()
        if missing == "listwise":
            wanted = set(chosen)
            key = min(
                (key for key in self._listwise if wanted <= set(key)),
                key=len,
            )
            where = {column: position for position, column in enumerate(key)}
            problems = ("listwise-wider-set",) if len(key) > len(chosen) else ()
            return self._listwise[key], [where[i] for i in chosen], problems
        raise ValueError(f"missing must be 'pairwise' or 'listwise', not {missing!r}")

    def _moments(self, chosen: list[int], missing: MissingMode) -> _Moments:
        """Covariance, counts and means of the chosen items for a missing mode."""
        source, positions, problems = self._source(chosen, missing)
        grid = np.ix_(positions, positions)
        count = source.count[grid]
        # R's cov divides by n - 1 and gives NA below two rows.
        cov = np.full(count.shape, np.nan)
        np.divide(source.comoment[grid], count - 1.0, out=cov, where=count >= 2)
        means = np.diagonal(source.mean[grid]).copy()
        means[np.diagonal(count) == 0] = np.nan
        return _Moments(cov=cov, count=count, means=means, problems=problems)


def rest_correlation(cov: FloatArray, item: int, others: Sequence[int]) -> float | None:
    """``cov(item, sum(others)) / sqrt(var(item) * var(sum(others)))`` from ``cov``."""
    if not others:
        return None
    covariance = float(cov[item, list(others)].sum())
    variance_item = float(cov[item, item])
    variance_rest = float(cov[np.ix_(others, others)].sum())
    # NaN (a pair without two rows) fails these comparisons too.
    if not (variance_item > 0.0 and variance_rest > 0.0) or math.isnan(covariance):
        return None
    return covariance / math.sqrt(variance_item * variance_rest)


def _sums_without_each(matrix: FloatArray) -> FloatArray:
    """For each i, the sum of ``matrix`` without row and column i."""
    size = matrix.shape[0]
    sums = np.empty(size)
    keep = np.ones(size, dtype=bool)
    for i in range(size):
        keep[i] = False
        sums[i] = matrix[keep][:, keep].sum()
        keep[i] = True
    return sums


def _alpha_result(
    chosen: list[int], moments: _Moments, missing: MissingMode, n_rows: int
) -> ReliabilityResult:
    """Apply psych::alpha's formulas to the moments of the chosen items."""
    k = len(chosen)
    count, cov, means = moments.count, moments.cov, moments.means
    problems: list[str] = list(moments.problems)
    item_n = np.diagonal(count)
    variances = np.diagonal(cov)
    sds = np.sqrt(variances)

    if k == 1:
        n_min = n_max = int(item_n[0])
    else:
        upper = count[np.triu_indices(k, 1)]
        n_min, n_max = int(upper.min()), int(upper.max())

    # psych deletes items whose sd is 0 or NA before anything else.
    enough = item_n >= 2
    if not enough.any():
        problems.append("too-few-respondents")
    used_mask = np.zeros(k, dtype=bool)
    for position, column in enumerate(chosen):
        if not enough[position]:
            if enough.any():
                problems.append(f"too-few-observations:{column}")
        elif sds[position] <= _CONSTANT_RELATIVE_SD * max(1.0, abs(float(means[position]))):
            problems.append(f"constant-item:{column}")
        else:
            used_mask[position] = True
    used = np.flatnonzero(used_mask)
    m = used.size
    sub = cov[np.ix_(used, used)]

    undefined_pairs = [
        f"too-few-pairs:{chosen[used[a]]}:{chosen[used[b]]}"
        for a, b in zip(*np.triu_indices(m, 1), strict=True)
        if math.isnan(float(sub[a, b]))
    ]
    problems.extend(undefined_pairs)

    raw_alpha = std_alpha = average_r = None
    r_drop = np.full(m, np.nan)
    alpha_drop = np.full(m, np.nan)
    std_drop = np.full(m, np.nan)
    average_r_drop = np.full(m, np.nan)
    if m < 2:
        if enough.any():
            problems.append("too-few-items")
    elif not undefined_pairs:
        diag = np.diagonal(sub)
        total = float(sub.sum())
        trace = float(diag.sum())
        # cov2cor: divide by the sds of the diagonal and set the diagonal to 1.
        sd_used = np.sqrt(diag)
        corr = sub / np.outer(sd_used, sd_used)
        np.fill_diagonal(corr, 1.0)
        total_r = float(corr.sum())
        factor = m / (m - 1)
        # A total variance that is zero in exact arithmetic comes out as a tiny number of
        # either sign, depending on the order the rows were added; within rounding of
        # the items' own variances it counts as zero, whatever the order.
        positive = total > ROUNDING * trace
        positive_r = total_r > ROUNDING * m
        if positive:
            raw_alpha = (1.0 - trace / total) * factor
        if positive_r:
            std_alpha = (1.0 - m / total_r) * factor
        if not (positive and positive_r):
            problems.append("non-positive-total-variance")
        average_r = (total_r - m) / (m * (m - 1))

        # Dropping item i: sums over C[-i, -i] and R[-i, -i], summed directly
        # as psych does (O(k^3), nothing for k ~ 100) rather than by the
        # shortcut sum(C) - 2 * colsum_i + C_ii, which cancels when the rest
        # is small against the total. r.drop is psych's covariance formula.
        rest_total = _sums_without_each(sub)
        # The same rounding margin as for the total: a rest variance that is zero in
        # exact arithmetic must not flip sign with the order of the rows.
        rest_zero = rest_total <= ROUNDING * (trace - diag)
        rest_cov = sub.sum(axis=0) - diag
        r_drop = safe_divide(rest_cov, np.sqrt(np.clip(diag * rest_total, 0.0, None)))
        r_drop[rest_zero] = np.nan
        if m > 2:
            # With two items psych reports C12 / C22 as the "alpha" of the
            # remaining single item; alpha of one item is undefined, so here
            # the *_if_dropped figures stay None for m == 2.
            drop_factor = (m - 1) / (m - 2)
            alpha_drop = (1.0 - safe_divide(trace - diag, rest_total)) * drop_factor
            alpha_drop[rest_zero] = np.nan
            rest_total_r = _sums_without_each(corr)
            rest_zero_r = rest_total_r <= ROUNDING * (m - 1)
            std_drop = (1.0 - safe_divide(np.full(m, m - 1.0), rest_total_r)) * drop_factor
            std_drop[rest_zero_r] = np.nan
            average_r_drop = (rest_total_r - (m - 1)) / ((m - 1) * (m - 2))
        else:
            # One item left after a drop: its correlation matrix sums to 1.
            rest_zero_r = np.zeros(m, dtype=bool)
        problems.extend(
            f"non-positive-rest-variance:{chosen[used[a]]}"
            for a in np.flatnonzero(rest_zero | rest_zero_r)
        )

    slot = {int(position): a for a, position in enumerate(used)}
    items: list[ItemStatistics] = []
    for position, column in enumerate(chosen):
        a = slot.get(position)
        items.append(
            ItemStatistics(
                index=column,
                n=int(item_n[position]),
                mean=optional(float(means[position])),
                sd=optional(float(sds[position])),
                r_drop=None if a is None else optional(float(r_drop[a])),
                alpha_if_dropped=None if a is None else optional(float(alpha_drop[a])),
                std_alpha_if_dropped=None if a is None else optional(float(std_drop[a])),
                average_r_if_dropped=None if a is None else optional(float(average_r_drop[a])),
                used=a is not None,
            )
        )
    return ReliabilityResult(
        missing=missing,
        indices=tuple(chosen),
        n_rows=n_rows,
        n_min=n_min,
        n_max=n_max,
        raw_alpha=raw_alpha,
        std_alpha=std_alpha,
        average_r=average_r,
        items=tuple(items),
        problems=tuple(problems),
    )
