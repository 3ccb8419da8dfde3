"""Scores summarised by group (a unit, a position), without exposing anyone.

Suppression rules (docs/reliability.md), for ``min_group`` = k:

1. A group with fewer than k respondents is never shown by name: such groups are
   pooled in one ``(other)`` row.
2. Each statistic counts its own respondents: the mean, median and sd of a measure
   (a pillar, or overall) are shown only when at least k respondents of the row have
   that score; the band counts follow the overall score.
3. Complementary suppression: the ``(all)`` row is the sum of the other rows, so a
   measure suppressed in exactly the rows S could be found by subtracting the shown
   rows from ``(all)``. ``(all)`` therefore shows a measure only when the respondents
   behind S number at least k (then only their pooled figure could be derived, which
   rule 2 would show anyway).

Counts (n, and each measure's n) are always shown. Values are kept per group in numpy
arrays, so a million rows cost about 8 bytes per measure and row.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.models import Bank
from asn_assess.core.scoring import FloatColumn

OTHER = "(other)"
EVERYONE = "(all)"
BLANK = "(blank)"


class GroupSummary:
    """Per group: n, and per measure (each pillar, overall) its n, mean, median and
    standard deviation, and the overall band counts, suppressed as the module says."""

    OTHER = OTHER

    def __init__(self, bank: Bank, min_group: int):
        self.bank = bank
        self.min_group = min_group
        self.metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
        self._chunks: dict[str, list[FloatColumn]] = {}  # group -> blocks of rows x metrics
        self._bands: dict[str, Any] = {}  # group -> counts per band, "no band" last

    def add_block(self, block: ScoredBlock) -> None:
        """Add every row of a scored block (its ``groups`` must be set)."""
        groups = block.answers.groups
        assert groups is not None, "the reader keeps groups when summarising"
        scores = block.scores
        values = np.column_stack(
            [scores.pillars[p.id].score for p in self.bank.pillars] + [scores.overall.score]
        )
        bands = np.where(scores.overall.band >= 0, scores.overall.band, len(self.bank.bands))
        codes: dict[str, int] = {}
        row_codes = np.fromiter(
            (codes.setdefault(group, len(codes)) for group in groups), dtype=np.int64
        )
        for group, code in codes.items():
            rows = np.flatnonzero(row_codes == code)
            self._add(group, values[rows], bands[rows])

    def add(self, group: str, metric_values: list[Optional[float]], band: Optional[str]) -> None:
        """Count one respondent of ``group``: pillar scores then overall, and the band."""
        values = np.array([[np.nan if v is None else v for v in metric_values]], dtype=np.float64)
        index = next((i for i, b in enumerate(self.bank.bands) if b.id == band), None)
        self._add(group, values, np.array([len(self.bank.bands) if index is None else index]))

    def _add(self, group: str, values: FloatColumn, bands: Any) -> None:
        name = group.strip() or BLANK
        self._chunks.setdefault(name, []).append(values)
        counts = np.bincount(bands, minlength=len(self.bank.bands) + 1)
        self._bands[name] = self._bands.get(name, 0) + counts

    # --- the rows ---------------------------------------------------------------------

    def _size(self, group: str) -> int:
        return int(self._bands[group].sum())

    def _values(self, groups: list[str], metric: int) -> FloatColumn:
        column = np.concatenate([chunk[:, metric] for g in groups for chunk in self._chunks[g]])
        present: FloatColumn = column[~np.isnan(column)]
        return present

    def _count(self, groups: list[str], metric: int) -> int:
        return sum(
            int(np.count_nonzero(~np.isnan(chunk[:, metric])))
            for g in groups
            for chunk in self._chunks[g]
        )

    def rows(self) -> list[dict[str, Any]]:
        """One dict per shown group (by name), then ``(other)``, then ``(all)``. A
        suppressed statistic is None; every row has every key."""
        groups = sorted(self._chunks)
        if not groups:
            return []
        shown = [g for g in groups if self._size(g) >= self.min_group]
        small = [g for g in groups if self._size(g) < self.min_group]
        parts = [(g, [g]) for g in shown] + ([(OTHER, small)] if small else [])
        rows = [self._row(name, members) for name, members in parts]
        everyone = self._row(EVERYONE, groups)
        self._complement(everyone, rows)
        return [*rows, everyone]

    def _row(self, name: str, members: list[str]) -> dict[str, Any]:
        bands = sum(self._bands[g] for g in members)
        n = int(bands.sum())
        row: dict[str, Any] = {"group": name, "n": n}
        for index, metric in enumerate(self.metrics):
            count = self._count(members, index)
            row[f"{metric}.n"] = count
            shown = n >= self.min_group and count >= self.min_group
            values = self._values(members, index) if shown else np.empty(0)
            row[f"{metric}.mean"] = _mean(values) if shown else None
            row[f"{metric}.median"] = float(np.median(values)) if shown else None
            row[f"{metric}.sd"] = _sd(values) if shown else None
        overall_shown = row["overall.mean"] is not None
        for position, band in enumerate(self.bank.bands):
            row[f"band.{band.id}"] = int(bands[position]) if overall_shown else None
        row["band.none"] = int(bands[-1])
        return row

    def _complement(self, everyone: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        """Suppress in ``everyone`` each measure whose suppressed cells in ``rows`` hold
        fewer than ``min_group`` respondents: subtraction would reveal them."""
        for metric in self.metrics:
            hidden = [row[f"{metric}.n"] for row in rows if row[f"{metric}.mean"] is None]
            if hidden and sum(hidden) < self.min_group:
                for stat in ("mean", "median", "sd"):
                    everyone[f"{metric}.{stat}"] = None
                if metric == "overall":
                    for band in self.bank.bands:
                        everyone[f"band.{band.id}"] = None


def _mean(values: FloatColumn) -> float:
    # math.fsum: the correctly rounded sum, so the mean does not depend on row order.
    return math.fsum(values) / values.size


def _sd(values: FloatColumn) -> Optional[float]:
    """The sample standard deviation, or None for fewer than two values."""
    if values.size < 2:
        return None
    deviations = values - _mean(values)
    squares = math.fsum(deviations * deviations) - math.fsum(deviations) ** 2 / values.size
    return math.sqrt(max(squares, 0.0) / (values.size - 1))
