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
   behind S number at least k, or none (then only their pooled figure could be
   derived, which rule 2 would show anyway). The rules are those of
   ``analysis.disclosure``, which the agency report applies too.

Counts (n, and each measure's n) are always shown.

Memory: a summary keeps every pillar score, for exact medians. Each is kept per group as
a 2-byte code into a table of the distinct scores seen (a pillar has a few thousand
distinct scores in a million rows; past 65,535 a block's codes take 4 bytes), so a
million rows of three pillars cost about 6 MB, and decode to the exact float64 scores.
A pillar that does not apply to a respondent at all has a code of its own, so the
overall score is computed from them again by the scoring rule itself
(``core.scoring.overall_scores``), bit for bit what the results hold.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from asn_assess.analysis.disclosure import hidden_part_exposed, shows
from asn_assess.analysis.pooling import ALL, OTHER, pool_small_groups
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.models import Bank
from asn_assess.core.scoring import BoolColumn, FloatColumn, overall_scores

CHUNK_ROWS = 1 << 16  # sums of squares are taken this many values at a time
SHORT_CODES = 1 << 16  # codes below this fit 2 bytes

EVERYONE = ALL
BLANK = "(blank)"
NO_SCORE, NOT_APPLICABLE = 0, 1  # the codes of a pillar without a score


class _Distinct:
    """The distinct scores of one pillar, each with a small code (``NO_SCORE``; or
    ``NOT_APPLICABLE`` when none of the pillar applies to the respondent). Codes are
    found by binary search in the sorted scores seen so far, a block at a time."""

    def __init__(self) -> None:
        self._table: FloatColumn = np.array([math.nan, math.nan])  # code -> score
        self._sorted: FloatColumn = np.empty(0)  # the scores seen, in order
        self._sorted_codes: Any = np.empty(0, dtype=np.int64)  # their codes

    def encode(self, scores: FloatColumn, applies: BoolColumn) -> Any:
        """The codes of ``scores`` (NaN: ``NO_SCORE``, or ``NOT_APPLICABLE`` where the
        pillar does not apply)."""
        scored = ~np.isnan(scores)
        distinct = np.unique(scores[scored])
        at = np.searchsorted(self._sorted, distinct)
        known = np.zeros(distinct.size, dtype=bool)
        inside = at < self._sorted.size
        known[inside] = self._sorted[at[inside]] == distinct[inside]
        new = distinct[~known]
        if new.size:
            new_codes = np.arange(self._table.size, self._table.size + new.size)
            self._table = np.concatenate([self._table, new])
            where = np.searchsorted(self._sorted, new)
            self._sorted = np.insert(self._sorted, where, new)
            self._sorted_codes = np.insert(self._sorted_codes, where, new_codes)
        codes = np.full(scores.size, NO_SCORE, dtype=np.int64)
        codes[scored] = self._sorted_codes[np.searchsorted(self._sorted, scores[scored])]
        codes[~applies] = NOT_APPLICABLE
        return codes

    def decode(self, codes: Any) -> FloatColumn:
        """The exact scores of ``codes``."""
        decoded: FloatColumn = self._table[codes]
        return decoded


class GroupSummary:
    """Per group: n, and per measure (each pillar, overall) its n, mean, median and
    standard deviation, and the overall band counts, suppressed as the module says."""

    OTHER = OTHER

    def __init__(self, bank: Bank, min_group: int):
        self.bank = bank
        self.min_group = min_group
        self.metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
        self._distinct = [_Distinct() for _ in bank.pillars]
        self._chunks: dict[str, list[Any]] = {}  # group -> blocks of rows x pillar codes
        self._bands: dict[str, Any] = {}  # group -> counts per band, "no band" last

    def add_block(self, block: ScoredBlock, keep: Optional[BoolColumn] = None) -> None:
        """Add the rows of a scored block (its ``groups`` must be set): every row, or
        those where ``keep`` is True."""
        groups = block.answers.groups
        assert groups is not None, "the reader keeps groups when summarising"
        scores = block.scores
        pillars = [scores.pillars[p.id] for p in self.bank.pillars]
        values = self._encode([p.score for p in pillars], [p.applies for p in pillars])
        bands = np.where(scores.overall.band >= 0, scores.overall.band, len(self.bank.bands))
        if keep is not None:
            groups = [group for group, kept in zip(groups, keep, strict=True) if kept]
            values, bands = values[keep], bands[keep]
        if not len(groups):
            return
        # Each distinct group name numbered, each row's number looked up (a dict, so the
        # names are compared exactly; numpy text arrays would drop trailing NULs).
        numbers = {name: number for number, name in enumerate(dict.fromkeys(groups))}
        names = list(numbers)
        row_codes = np.fromiter(map(numbers.__getitem__, groups), dtype=np.int64, count=len(groups))
        order = np.argsort(row_codes, kind="stable")  # each group's rows, in block order
        ends = np.cumsum(np.bincount(row_codes, minlength=len(names)))
        for code, group in enumerate(names):
            rows = order[(ends[code - 1] if code else 0) : ends[code]]
            self._add(group, values[rows], bands[rows])

    def add(self, group: str, pillar_values: list[Optional[float]], band: Optional[str]) -> None:
        """Count one respondent of ``group``: pillar scores in bank order, and the band
        of the overall score (None for no score)."""
        pillars = pillar_values[: len(self.bank.pillars)]
        yes = np.ones(1, dtype=bool)
        values = self._encode(
            [np.array([np.nan if v is None else v]) for v in pillars], [yes] * len(pillars)
        )
        index = next((i for i, b in enumerate(self.bank.bands) if b.id == band), None)
        self._add(group, values, np.array([len(self.bank.bands) if index is None else index]))

    def _encode(self, pillar_scores: list[FloatColumn], applies: list[BoolColumn]) -> Any:
        codes = np.column_stack(
            [
                distinct.encode(column, applying)
                for distinct, column, applying in zip(
                    self._distinct, pillar_scores, applies, strict=True
                )
            ]
        )
        return codes.astype(np.uint16 if codes.max(initial=0) < SHORT_CODES else np.uint32)

    def _add(self, group: str, values: Any, bands: Any) -> None:
        name = group.strip() or BLANK
        self._chunks.setdefault(name, []).append(values)
        counts = np.bincount(bands, minlength=len(self.bank.bands) + 1)
        self._bands[name] = self._bands.get(name, 0) + counts

    # --- the rows ---------------------------------------------------------------------

    def _size(self, group: str) -> int:
        return int(self._bands[group].sum())

    def _present(self, group: str, metric: int) -> FloatColumn:
        """The scores of ``metric`` (an index into ``metrics``) in ``group``, without the
        missing ones, decoded a block at a time."""
        parts = []
        for codes in self._chunks[group]:
            if metric < len(self._distinct):
                column = self._distinct[metric].decode(codes[:, metric])
            else:
                pillars = [d.decode(codes[:, j]) for j, d in enumerate(self._distinct)]
                applies = [codes[:, j] != NOT_APPLICABLE for j in range(len(self._distinct))]
                column, _ = overall_scores(self.bank, pillars, applies)
            parts.append(column[~np.isnan(column)])
        present: FloatColumn = np.concatenate(parts) if parts else np.empty(0)
        return present

    def rows(self) -> list[dict[str, Any]]:
        """One dict per shown group (by name), then ``(other)``, then ``(all)``. A
        suppressed statistic is None; every row has every key."""
        groups = sorted(self._chunks)
        if not groups:
            return []
        pooled = pool_small_groups({g: self._size(g) for g in groups}, self.min_group)
        shown, small = list(pooled.shown), list(pooled.pooled)
        parts = [(g, [g]) for g in shown] + ([(OTHER, small)] if small else [])
        rows = [self._counts_row(name, members) for name, members in parts]
        everyone = self._counts_row(EVERYONE, groups)
        # A measure at a time, and a row at a time: besides the codes, memory holds one
        # measure's scores for (all) and those of the row being described.
        total = everyone["n"]
        for index, metric in enumerate(self.metrics):
            all_values = np.empty(total, dtype=np.float64)
            filled = 0
            for row, (_, members) in zip(rows, parts, strict=True):
                present = [self._present(group, index) for group in members]
                for part in present:
                    all_values[filled : filled + part.size] = part
                    filled += part.size
                self._describe(row, metric, present)
                del present
            self._describe(everyone, metric, [all_values[:filled]])
            del all_values
        for row, (_, members) in zip([*rows, everyone], [*parts, ("", groups)], strict=True):
            self._band_counts(row, members)
        self._complement(everyone, rows)
        return [*rows, everyone]

    def _counts_row(self, name: str, members: list[str]) -> dict[str, Any]:
        return {"group": name, "n": sum(self._size(g) for g in members)}

    def _describe(self, row: dict[str, Any], metric: str, parts: list[FloatColumn]) -> None:
        """Set ``metric``'s n, mean, median and sd in ``row`` (None where suppressed)."""
        count = sum(part.size for part in parts)
        row[f"{metric}.n"] = count
        row[f"{metric}.mean"] = row[f"{metric}.median"] = row[f"{metric}.sd"] = None
        if shows(row["n"], self.min_group) and shows(count, self.min_group):
            values = parts[0] if len(parts) == 1 else np.concatenate(parts)
            mean = _mean(values)
            row[f"{metric}.mean"] = mean
            row[f"{metric}.sd"] = _sd(values, mean)
            row[f"{metric}.median"] = _median(values)  # reorders ``values`` in place

    def _band_counts(self, row: dict[str, Any], members: list[str]) -> None:
        bands = sum(self._bands[g] for g in members)
        overall_shown = row["overall.mean"] is not None
        for position, band in enumerate(self.bank.bands):
            row[f"band.{band.id}"] = int(bands[position]) if overall_shown else None
        row["band.none"] = int(bands[-1])

    def _complement(self, everyone: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        """Suppress in ``everyone`` each measure whose suppressed cells in ``rows`` hold
        fewer than ``min_group`` respondents: subtraction would reveal them."""
        for metric in self.metrics:
            hidden = [row[f"{metric}.n"] for row in rows if row[f"{metric}.mean"] is None]
            shown = [row[f"{metric}.n"] for row in rows if row[f"{metric}.mean"] is not None]
            if hidden_part_exposed(hidden, shown, self.min_group):
                for stat in ("mean", "median", "sd"):
                    everyone[f"{metric}.{stat}"] = None
                if metric == "overall":
                    for band in self.bank.bands:
                        everyone[f"band.{band.id}"] = None


def _mean(values: FloatColumn) -> float:
    # math.fsum: the correctly rounded sum, so the mean does not depend on row order.
    return math.fsum(values) / values.size


def _median(values: FloatColumn) -> float:
    """The median, as statistics.median has it; partitions ``values`` in place rather
    than sorting a copy."""
    middle = values.size // 2
    if values.size % 2:
        values.partition(middle)
        return float(values[middle])
    values.partition((middle - 1, middle))
    return float((values[middle - 1] + values[middle]) / 2)


def _sd(values: FloatColumn, mean: float) -> Optional[float]:
    """The sample standard deviation, or None for fewer than two values. Deviations are
    summed exactly, a slice at a time, so memory stays small."""
    if values.size < 2:
        return None
    squares: list[float] = []
    deviation_sum: list[float] = []
    for start in range(0, values.size, CHUNK_ROWS):
        deviations = values[start : start + CHUNK_ROWS] - mean
        squares.append(math.fsum(deviations * deviations))
        deviation_sum.append(math.fsum(deviations))
    total = math.fsum(squares) - math.fsum(deviation_sum) ** 2 / values.size
    return math.sqrt(max(total, 0.0) / (values.size - 1))
