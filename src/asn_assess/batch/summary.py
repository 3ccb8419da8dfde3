"""Scores summarised by group (a unit, a position), without exposing small groups."""

from __future__ import annotations

import math
from typing import Any, Optional

from asn_assess.analysis.pooling import ALL, OTHER, pool_small_groups
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.models import Bank
from asn_assess.core.scoring import BoolColumn


class GroupSummary:
    """Per group: n, and mean, median, standard deviation per pillar and overall, and the
    overall band distribution. Groups under ``min_group`` are pooled as "other" so a
    summary never shows a small group on its own."""

    OTHER = OTHER

    def __init__(self, bank: Bank, min_group: int):
        self.bank = bank
        self.min_group = min_group
        self.metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
        self._values: dict[str, list[list[float]]] = {}
        self._bands: dict[str, dict[str, int]] = {}

    def add_block(self, block: ScoredBlock, keep: Optional[BoolColumn] = None) -> None:
        """Add the rows of a scored block (its ``groups`` must be set): every row, or
        those where ``keep`` is True."""
        groups = block.answers.groups
        assert groups is not None, "the reader keeps groups when summarising"
        scores = block.scores
        columns = [scores.pillars[p.id].score for p in self.bank.pillars] + [scores.overall.score]
        band_ids = [band.id for band in self.bank.bands]
        for row, group in enumerate(groups):
            if keep is not None and not keep[row]:
                continue
            band = int(scores.overall.band[row])
            self.add(group, [float(c[row]) for c in columns], band_ids[band] if band >= 0 else None)

    def add(self, group: str, metric_values: list[Optional[float]], band: Optional[str]) -> None:
        """Count one respondent of ``group``: pillar scores then overall, and the band."""
        group = group.strip() or "(blank)"
        columns = self._values.setdefault(group, [[] for _ in self.metrics])
        for column, value in zip(columns, metric_values, strict=False):
            if value is not None and not math.isnan(value):
                column.append(value)
        counts = self._bands.setdefault(group, {})
        counts[band or "-"] = counts.get(band or "-", 0) + 1
        counts["n"] = counts.get("n", 0) + 1

    def rows(self) -> list[dict[str, Any]]:
        """One dict per shown group, then the pooled small groups, then all respondents."""
        import statistics

        def describe(name: str, groups: list[str]) -> dict[str, Any]:
            n = sum(self._bands[g]["n"] for g in groups)
            row: dict[str, Any] = {"group": name, "n": n}
            if n < self.min_group:  # too few to describe without exposing people
                return row
            for index, metric in enumerate(self.metrics):
                values = [v for g in groups for v in self._values[g][index]]
                row[f"{metric}.mean"] = statistics.fmean(values) if values else None
                row[f"{metric}.median"] = statistics.median(values) if values else None
                row[f"{metric}.sd"] = statistics.stdev(values) if len(values) > 1 else None
            for band in self.bank.bands:
                row[f"band.{band.id}"] = sum(self._bands[g].get(band.id, 0) for g in groups)
            row["band.none"] = sum(self._bands[g].get("-", 0) for g in groups)
            return row

        groups = pool_small_groups(
            {group: counts["n"] for group, counts in self._bands.items()}, self.min_group
        )
        shown, small = list(groups.shown), list(groups.pooled)
        rows = [describe(g, [g]) for g in shown]
        if small:
            rows.append(describe(self.OTHER, small))
        if self._bands:
            everyone = describe(ALL, shown + small)
            pooled = sum(self._bands[g]["n"] for g in small)
            if shown and 0 < pooled < self.min_group:
                # All minus the shown groups would reveal the pooled few: counts only.
                everyone = {"group": ALL, "n": everyone["n"]}
            rows.append(everyone)
        return rows
