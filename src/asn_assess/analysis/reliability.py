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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
MissingMode = Literal["pairwise", "listwise"]

# Blocks are folded in chunks of at most this many rows: within a chunk the
# co-moments come from one matrix product (fast), and the chunks are merged
# with Chan's formula, which keeps the rounding error independent of how many
# rows stream through.
_CHUNK_ROWS = 4096

# An item whose sd is at most this fraction of its mean's size is treated as
# constant. Constant columns already give exactly 0 (see _PairMoments._add_chunk);
# the margin only guards against rounding in merges of separately built
# accumulators.
_CONSTANT_RELATIVE_SD = 1e-13


class _PairMoments:
    """Pairwise-complete counts, means and co-moments of k columns.

    ``count[i, j]`` is the number of rows where columns i and j are both
    present, ``mean[i, j]`` the mean of column i over those rows (so
    ``mean[j, i]`` is the mean of column j over the same rows) and
    ``comoment[i, j]`` the sum over those rows of
    ``(x_i - mean[i, j]) * (x_j - mean[j, i])``. The diagonal holds each
    column's own count, mean and sum of squared deviations. This is exactly
    what R's ``cov(use = "pairwise")`` needs: it centres each pair on that
    pair's means.
    """

    def __init__(self, k: int) -> None:
        self.count: FloatArray = np.zeros((k, k))
        self.mean: FloatArray = np.zeros((k, k))
        self.comoment: FloatArray = np.zeros((k, k))

    def add(self, block: FloatArray) -> None:
        """Fold a block (rows x k, NaN = missing) into the moments."""
        for start in range(0, block.shape[0], _CHUNK_ROWS):
            self._add_chunk(block[start : start + _CHUNK_ROWS])

    def _add_chunk(self, chunk: FloatArray) -> None:
        """Fold at most _CHUNK_ROWS rows: shifted sums of products, then a merge."""
        present = ~np.isnan(chunk)
        if present.all():
            self._add_complete_chunk(chunk)
            return
        if not present.any():
            return
        k = chunk.shape[1]
        # Shift each column by one of its own values in the chunk before the
        # sums of products: the sums are then of deviations of the size of
        # the spread, not of the values, so there is no cancellation even if
        # the scale sits far from zero. A data value (rather than the chunk
        # mean) keeps a constant column exactly 0, so constant items are
        # recognised exactly, as psych recognises them (sd == 0).
        first = np.argmax(present, axis=0)
        has_any = present.any(axis=0)
        shift = np.where(has_any, chunk[first, np.arange(k)], 0.0)
        shifted = np.where(present, chunk - shift, 0.0)
        mask = present.astype(np.float64)

        count = mask.T @ mask
        # sums[i, j]: sum of shifted column i over the rows where j is present
        # too (shifted is 0 where i is missing).
        sums = shifted.T @ mask
        mean = _safe_divide(sums, count)
        comoment = shifted.T @ shifted - count * mean * mean.T
        self._merge(count, mean + shift[:, None], comoment)

    def _add_complete_chunk(self, chunk: FloatArray) -> None:
        """Fold a chunk without missing cells: one matrix product instead of three.

        The same shifted sums as :meth:`_add_chunk`, with every pair counting
        every row. Listwise sets only ever see such chunks.
        """
        rows, k = chunk.shape
        shift = chunk[0].copy()
        shifted = chunk - shift
        mean = shifted.sum(axis=0) / rows
        comoment = shifted.T @ shifted - rows * np.outer(mean, mean)
        count = np.full((k, k), float(rows))
        self._merge(count, np.repeat((mean + shift)[:, None], k, axis=1), comoment)

    def _merge(self, count: FloatArray, mean: FloatArray, comoment: FloatArray) -> None:
        """Merge another set of moments (Chan, Golub and LeVeque's formula)."""
        total = self.count + count
        delta = mean - self.mean
        # Share of the new rows in each pair's total; 0 where a pair has no
        # rows at all yet, which also leaves its mean and co-moment alone.
        weight = _safe_divide(count, total)
        self.comoment += comoment + delta * delta.T * self.count * weight
        self.mean += delta * weight
        self.count = total

    def merge(self, other: _PairMoments) -> None:
        """Merge the moments of another accumulator over the same columns."""
        self._merge(other.count, other.mean, other.comoment)


def _safe_divide(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """Elementwise ``numerator / denominator``, 0 where the denominator is 0."""
    out = np.zeros(np.broadcast(numerator, denominator).shape)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _optional(value: float) -> float | None:
    """A finite float as itself, NaN or infinity as None (undefined)."""
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class ItemStatistics:
    """Figures of one item within a scale.

    ``index`` is the item's column in the accumulator. ``used`` is False for
    an item left out of the scale figures (constant, or fewer than two
    answers), as psych deletes it; its ``r_drop`` and ``*_if_dropped`` are
    then None. Any figure that is undefined is None.
    """

    index: int
    n: int
    mean: float | None
    sd: float | None
    r_drop: float | None
    alpha_if_dropped: float | None
    std_alpha_if_dropped: float | None
    average_r_if_dropped: float | None
    used: bool


@dataclass(frozen=True)
class ReliabilityResult:
    """The ``psych::alpha`` figures of one set of items.

    ``n_min`` and ``n_max`` are the respondents the figures rest on: for
    listwise deletion both are the number of complete rows; for pairwise
    deletion the smallest and largest number of respondents who answered a
    pair of the items (the item's own count when there is one item). Each
    item's own count is in ``items``. ``n_rows`` is every row streamed.
    ``problems`` holds machine-readable codes (see the module docstring).
    """

    missing: MissingMode
    indices: tuple[int, ...]
    n_rows: int
    n_min: int
    n_max: int
    raw_alpha: float | None
    std_alpha: float | None
    average_r: float | None
    items: tuple[ItemStatistics, ...]
    problems: tuple[str, ...]

    def item(self, index: int) -> ItemStatistics:
        """The statistics of the item in accumulator column ``index``."""
        for stats in self.items:
            if stats.index == index:
                return stats
        raise KeyError(index)


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
        self._pairwise = _PairMoments(k)
        everything = tuple(range(k))
        self._listwise: dict[tuple[int, ...], _PairMoments] = {everything: _PairMoments(k)}
        for item_set in listwise_sets:
            key = tuple(sorted(self._check_indices(item_set)))
            self._listwise.setdefault(key, _PairMoments(len(key)))

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
        return _rest_correlation(cov, 0, list(range(1, len(chosen))))

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

    def _moments(self, chosen: list[int], missing: MissingMode) -> _Moments:
        """Covariance, counts and means of the chosen items for a missing mode."""
        if missing == "pairwise":
            source = self._pairwise
            positions = chosen
            problems: tuple[str, ...] = ()
        elif missing == "listwise":
            wanted = set(chosen)
            key = min(
                (key for key in self._listwise if wanted <= set(key)),
                key=len,
            )
            source = self._listwise[key]
            where = {column: position for position, column in enumerate(key)}
            positions = [where[i] for i in chosen]
            problems = ("listwise-wider-set",) if len(key) > len(chosen) else ()
        else:
            raise ValueError(f"missing must be 'pairwise' or 'listwise', not {missing!r}")
        grid = np.ix_(positions, positions)
        count = source.count[grid]
        # R's cov divides by n - 1 and gives NA below two rows.
        cov = np.full(count.shape, np.nan)
        np.divide(source.comoment[grid], count - 1.0, out=cov, where=count >= 2)
        means = np.diagonal(source.mean[grid]).copy()
        means[np.diagonal(count) == 0] = np.nan
        return _Moments(cov=cov, count=count, means=means, problems=problems)


def _rest_correlation(cov: FloatArray, item: int, others: Sequence[int]) -> float | None:
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
        if total > 0.0:
            raw_alpha = (1.0 - trace / total) * factor
        if total_r > 0.0:
            std_alpha = (1.0 - m / total_r) * factor
        if total <= 0.0 or total_r <= 0.0:
            problems.append("non-positive-total-variance")
        average_r = (total_r - m) / (m * (m - 1))

        # Dropping item i: sums over C[-i, -i] and R[-i, -i], summed directly
        # as psych does (O(k^3), nothing for k ~ 100) rather than by the
        # shortcut sum(C) - 2 * colsum_i + C_ii, which cancels when the rest
        # is small against the total. r.drop is psych's covariance formula.
        rest_total = _sums_without_each(sub)
        rest_cov = sub.sum(axis=0) - diag
        r_drop = _safe_divide(rest_cov, np.sqrt(np.clip(diag * rest_total, 0.0, None)))
        r_drop[rest_total <= 0.0] = np.nan
        if m > 2:
            # With two items psych reports C12 / C22 as the "alpha" of the
            # remaining single item; alpha of one item is undefined, so here
            # the *_if_dropped figures stay None for m == 2.
            drop_factor = (m - 1) / (m - 2)
            alpha_drop = (1.0 - _safe_divide(trace - diag, rest_total)) * drop_factor
            alpha_drop[rest_total <= 0.0] = np.nan
            rest_total_r = _sums_without_each(corr)
            std_drop = (1.0 - _safe_divide(np.full(m, m - 1.0), rest_total_r)) * drop_factor
            std_drop[rest_total_r <= 0.0] = np.nan
            average_r_drop = (rest_total_r - (m - 1)) / ((m - 1) * (m - 2))
        else:
            # One item left after a drop: its correlation matrix sums to 1.
            rest_total_r = np.ones(m)
        problems.extend(
            f"non-positive-rest-variance:{chosen[used[a]]}"
            for a in np.flatnonzero((rest_total <= 0.0) | (rest_total_r <= 0.0))
        )

    slot = {int(position): a for a, position in enumerate(used)}
    items: list[ItemStatistics] = []
    for position, column in enumerate(chosen):
        a = slot.get(position)
        items.append(
            ItemStatistics(
                index=column,
                n=int(item_n[position]),
                mean=_optional(float(means[position])),
                sd=_optional(float(sds[position])),
                r_drop=None if a is None else _optional(float(r_drop[a])),
                alpha_if_dropped=None if a is None else _optional(float(alpha_drop[a])),
                std_alpha_if_dropped=None if a is None else _optional(float(std_drop[a])),
                average_r_if_dropped=None if a is None else _optional(float(average_r_drop[a])),
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
            own_r = _rest_correlation(cov, position, [p for p in own if p != position])
            best_other: str | None = None
            best_other_r: float | None = None
            for other, rs in rival_rs.items():
                # An item listed in both indicators is left out of the
                # other's total, so the item is never correlated with itself.
                rest = [p for p in members[other] if p != position]
                r = _rest_correlation(cov, position, rest)
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
