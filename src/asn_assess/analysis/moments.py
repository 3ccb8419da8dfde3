"""Pairwise-complete counts, means and co-moments of k columns, folded in one pass.

This is the state behind :class:`asn_assess.analysis.reliability.ReliabilityAccumulator`:
exactly what R's ``cov(x, use = "pairwise")`` needs, kept in O(k^2) numbers
however many rows stream through.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

# Blocks are folded in chunks of at most this many rows: within a chunk the
# co-moments come from one matrix product (fast), and the chunks are merged
# with Chan's formula, which keeps the rounding error independent of how many
# rows stream through.
CHUNK_ROWS = 4096


class PairMoments:
    """Pairwise-complete counts, means and co-moments of k columns.

    ``count[i, j]`` is the number of rows where columns i and j are both
    present, ``mean[i, j]`` the mean of column i over those rows (so
    ``mean[j, i]`` is the mean of column j over the same rows) and
    ``comoment[i, j]`` the sum over those rows of
    ``(x_i - mean[i, j]) * (x_j - mean[j, i])``. The diagonal holds each
    column's own count, mean and sum of squared deviations. This is exactly
    what R's ``cov(use = "pairwise")`` needs: it centres each pair on that
    pair's means.

    ``square[i, j]`` is the sum over the same rows of ``(x_i - mean[i, j])**2``:
    with it, ``comoment[i, j] / sqrt(square[i, j] * square[j, i])`` is the
    pairwise-complete Pearson correlation, R's ``cor(x, use = "pairwise")``,
    which ``psych::omega`` starts from.
    """

    def __init__(self, k: int) -> None:
        self.count: FloatArray = np.zeros((k, k))
        self.mean: FloatArray = np.zeros((k, k))
        self.comoment: FloatArray = np.zeros((k, k))
        self.square: FloatArray = np.zeros((k, k))

    def add(self, block: FloatArray) -> None:
        """Fold a block (rows x k, NaN = missing) into the moments."""
        for start in range(0, block.shape[0], CHUNK_ROWS):
            self._add_chunk(block[start : start + CHUNK_ROWS])

    def _add_chunk(self, chunk: FloatArray) -> None:
        """Fold at most CHUNK_ROWS rows: shifted sums of products, then a merge."""
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
        mean = safe_divide(sums, count)
        comoment = shifted.T @ shifted - count * mean * mean.T
        square = (shifted * shifted).T @ mask - count * mean * mean
        self._merge(count, mean + shift[:, None], comoment, square)

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
        square = np.repeat(np.diagonal(comoment)[:, None], k, axis=1)
        self._merge(count, np.repeat((mean + shift)[:, None], k, axis=1), comoment, square)

    def _merge(
        self, count: FloatArray, mean: FloatArray, comoment: FloatArray, square: FloatArray
    ) -> None:
        """Merge another set of moments (Chan, Golub and LeVeque's formula)."""
        total = self.count + count
        delta = mean - self.mean
        # Share of the new rows in each pair's total; 0 where a pair has no
        # rows at all yet, which also leaves its mean and co-moment alone.
        weight = safe_divide(count, total)
        self.comoment += comoment + delta * delta.T * self.count * weight
        self.square += square + delta * delta * self.count * weight
        self.mean += delta * weight
        self.count = total

    def merge(self, other: PairMoments) -> None:
        """Merge the moments of another accumulator over the same columns."""
        self._merge(other.count, other.mean, other.comoment, other.square)


def safe_divide(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """Elementwise ``numerator / denominator``, 0 where the denominator is 0."""
    out = np.zeros(np.broadcast(numerator, denominator).shape)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out
