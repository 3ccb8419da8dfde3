"""Exact counts of many scores, kept as each distinct value with its count: what norms
need for their percentiles and spread, with memory that grows with the distinct
values, not with the respondents."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Optional

import numpy as np

from asn_assess.core.scoring import FloatColumn, IntColumn


class ValueCounts:
    """Exact counts of the distinct values added (NaN ignored), kept compact."""

    COMPACT_EVERY = 1 << 16

    def __init__(self) -> None:
        self.values: FloatColumn = np.empty(0)
        self.counts: IntColumn = np.empty(0, dtype=np.int64)
        self._pending: list[tuple[FloatColumn, IntColumn]] = []
        self._pending_size = 0

    def add(self, values: FloatColumn, counts: Optional[IntColumn] = None) -> None:
        """Count ``values`` (each once, or ``counts`` times)."""
        present = ~np.isnan(values)
        weights = np.ones(values.size, dtype=np.int64) if counts is None else counts
        if present.any():
            self._pending.append((values[present], weights[present]))
            self._pending_size += int(present.sum())
        if self._pending_size >= self.COMPACT_EVERY:
            self._compact()

    @classmethod
    def merged(cls, parts: Sequence[ValueCounts]) -> ValueCounts:
        """The counts of several parts together."""
        whole = cls()
        for part in parts:
            part._compact()
            whole.add(part.values, part.counts)
        return whole

    def _compact(self) -> None:
        if not self._pending:
            return
        values = np.concatenate([self.values, *(v for v, _ in self._pending)])
        weights = np.concatenate([self.counts, *(w for _, w in self._pending)])
        self.values, where = np.unique(values, return_inverse=True)
        self.counts = np.bincount(where.reshape(-1), weights=weights).astype(np.int64)
        self._pending, self._pending_size = [], 0

    @property
    def n(self) -> int:
        """How many values were counted."""
        self._compact()
        return int(self.counts.sum())

    def sd(self) -> Optional[float]:
        """The standard deviation of the values counted (n - 1); None below two."""
        n = self.n
        if n < 2:
            return None
        mean = float(np.dot(self.values, self.counts)) / n
        return math.sqrt(float(np.dot((self.values - mean) ** 2, self.counts)) / (n - 1))

    def percentiles(self, percents: Sequence[float]) -> list[float]:
        """The values at ``percents`` (0-100) as ``numpy.percentile`` gives them on the
        values counted (linear interpolation), without expanding the counts."""
        n = self.n
        if n == 0:
            raise ValueError("no values counted")
        ends = np.cumsum(self.counts)  # the sorted values' positions end here

        def at(position: int) -> float:
            return float(self.values[np.searchsorted(ends, position, side="right")])

        result = []
        for percent in percents:
            # numpy's "linear" method: index (n - 1) * q, and its two-sided lerp.
            index = (percent / 100) * (n - 1)
            below = math.floor(index)
            t = index - below
            a, b = at(below), at(min(below + 1, n - 1))
            difference = b - a
            result.append(b - difference * (1 - t) if t >= 0.5 else a + difference * t)
        return result
