"""What the agency report keeps of every scored respondent: sums, never rows.

People are counted in cells, one per (unit, role) met in the input. Per cell and
indicator the tally keeps the number of people with a score, the sum and the sum of
squares of their scores, and how many fall in each band; for the whole agency, per
overall, pillar and value score, the same sums, the people per band and per histogram
bar, and fine counts (a score rounded to 0.01) for the median and quartiles. Memory
grows with the number of cells, never with the number of respondents: 100,000 rows
cost what 10,000 do.

The bands are the scoring's own per person (``LevelScores.band``), so "below the
development threshold" here is exactly the band the person's result shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.models import Bank, is_rater
from asn_assess.core.scoring import FloatColumn, IntColumn, LevelScores, bands_of

NO_UNIT = ""
"""The unit of every respondent when the report is not broken down by unit."""
BLANK_UNIT = "\0blank"
"""The unit of a respondent whose unit cell is empty (shown in the interface language)."""
NO_ROLE = ""
"""The role of a respondent whose input names none."""


GRID = 100
"""Steps per score point of the fine counts the medians and quartiles come from."""
HISTOGRAM_STEP = 5.0
"""Width of a histogram bar, in score points (bars also break at every band cut-off)."""


def histogram_edges(bank: Bank) -> FloatColumn:
    """The histogram bars' lower edges: every ``HISTOGRAM_STEP`` points and every band
    cut-off, rising."""
    steps = [HISTOGRAM_STEP * i for i in range(int(100 / HISTOGRAM_STEP))]
    cutoffs = [band.min for band in bank.bands if 0 < band.min < 100]
    return np.array(sorted({*steps, *cutoffs}), dtype=np.float64)


@dataclass
class Distribution:
    """How one measure's scores spread over the agency, in counts of fixed size."""

    n: int
    """People with a score."""
    total: float
    squares: float
    """Sum and sum of squares of their scores."""
    bands: IntColumn
    """People per band (the scoring's own band of each person)."""
    bins: IntColumn
    """People per histogram bar (``histogram_edges``)."""
    grid: IntColumn
    """People per score rounded to ``1 / GRID`` point (index = score * GRID)."""
    missing: int
    """People to whom it applies but who have no score (too few answers)."""


class _Spread:
    """One measure's counts over the agency: each person adds to fixed-size counts, so
    memory does not grow with the rows. Band and bar are decided per person on the
    exact score (the band by the scoring, the bar by the same rule), the mean and
    spread come from sums; only the quantiles read the scores rounded to ``1 / GRID``."""

    def __init__(self, bank: Bank):
        self.edges = histogram_edges(bank)
        self.bands = np.zeros(len(bank.bands), dtype=np.int64)
        self.bins = np.zeros(self.edges.size, dtype=np.int64)
        self.grid = np.zeros(100 * GRID + 1, dtype=np.int64)
        self.n = self.missing = 0
        self.total = self.squares = 0.0

    def add(self, level: LevelScores) -> None:
        """Count a block's scores of this measure."""
        present = ~np.isnan(level.score)
        self.missing += int((level.applies & ~present).sum())
        scores = level.score[present]
        if not scores.size:
            return
        self.n += scores.size
        # each block's sum correctly rounded, then added to the total with one rounding
        self.total = math.fsum((self.total, math.fsum(scores)))
        self.squares = math.fsum((self.squares, math.fsum(scores * scores)))
        self.bands += np.bincount(level.band[present], minlength=self.bands.size)
        self.bins += np.bincount(bands_of(self.edges, scores), minlength=self.bins.size)
        self.grid += np.bincount(np.rint(scores * GRID).astype(np.int64), minlength=self.grid.size)

    def distribution(self) -> Distribution:
        """The counts so far."""
        return Distribution(
            self.n,
            self.total,
            self.squares,
            self.bands.copy(),
            self.bins.copy(),
            self.grid.copy(),
            self.missing,
        )


class AgencyTally:
    """Sums per (unit, role) cell and indicator, and the agency's distributions of the
    overall, pillar and value scores, added a scored block at a time."""

    def __init__(self, bank: Bank, by_unit: bool, exclude_flagged: bool = False):
        self.bank = bank
        self.by_unit = by_unit
        self.exclude_flagged = exclude_flagged
        self.indicators = [i.id for p in bank.pillars for i in p.indicators]
        self.bands = len(bank.bands)
        self.cells: dict[tuple[str, str], int] = {}
        """(unit, role) -> its position in the arrays below."""
        size = 8
        measures = len(self.indicators)
        self.people: IntColumn = np.zeros(size, dtype=np.int64)
        self.scored: Any = np.zeros((measures, size), dtype=np.int64)
        self.sums: Any = np.zeros((measures, size), dtype=np.float64)
        self.squares: Any = np.zeros((measures, size), dtype=np.float64)
        self.in_band: Any = np.zeros((measures, size, self.bands), dtype=np.int64)
        self.overall = _Spread(bank)
        self.pillars = {p.id: _Spread(bank) for p in bank.pillars}
        self.values = {value.id: _Spread(bank) for value in bank.values}
        self.respondents = 0
        self.ratings_of_others = 0
        """Rows rating someone else (360-degree feedback): not part of the report."""
        self.flagged = 0
        """Own assessments that a response-quality rule flags."""
        self.excluded = 0
        """Of those, the ones left out of the figures (``exclude_flagged``)."""

    def add(self, block: ScoredBlock) -> None:
        """Count the rows of ``block``: each person's own assessment; rows rating
        someone else are counted apart, and so are flagged rows when they are excluded."""
        answers, scores = block.answers, block.scores
        own: Optional[Any] = None
        if answers.rater_groups is not None:
            own = np.fromiter((not is_rater(g) for g in answers.rater_groups), dtype=bool)
            self.ratings_of_others += int((~own).sum())
        if block.quality is not None:
            flagged = block.quality.any_flagged & (True if own is None else own)
            self.flagged += int(flagged.sum())
            if self.exclude_flagged:
                self.excluded += int(flagged.sum())
                own = ~flagged if own is None else own & ~flagged
        if own is not None and not own.any():
            return
        rows = answers.size if own is None else int(own.sum())
        cell = self._cell_numbers(answers.groups, answers.roles, answers.size)
        if own is not None:
            cell = cell[own]
        self.respondents += rows
        count = len(self.cells)
        self.people[:count] += np.bincount(cell, minlength=count)
        for position, indicator in enumerate(self.indicators):
            level = _rows(scores.indicators[indicator], own)
            present = ~np.isnan(level.score)
            filled = np.where(present, level.score, 0.0)
            self.scored[position, :count] += np.bincount(cell[present], minlength=count)
            self.sums[position, :count] += np.bincount(cell, weights=filled, minlength=count)
            self.squares[position, :count] += np.bincount(
                cell, weights=filled * filled, minlength=count
            )
            banded = present & (level.band >= 0)
            flat = cell[banded] * self.bands + level.band[banded]
            self.in_band[position, :count] += np.bincount(
                flat, minlength=count * self.bands
            ).reshape(count, self.bands)
        self.overall.add(_rows(scores.overall, own))
        for pillar, counted in self.pillars.items():
            counted.add(_rows(scores.pillars[pillar], own))
        for value, counted in self.values.items():
            counted.add(_rows(scores.values[value], own))

    def _cell_numbers(
        self, units: Optional[list[str]], roles: Optional[list[Optional[str]]], size: int
    ) -> IntColumn:
        """Each row's cell, new cells numbered as they come (a dict: names compare
        exactly)."""
        unit_of = [NO_UNIT] * size if units is None or not self.by_unit else units
        role_of = [NO_ROLE] * size if roles is None else roles
        numbers = self.cells
        keys = [
            (u.strip() or BLANK_UNIT, r or NO_ROLE) for u, r in zip(unit_of, role_of, strict=True)
        ]
        for key in dict.fromkeys(keys):
            if key not in numbers:
                numbers[key] = len(numbers)
        self._make_room(len(numbers))
        return np.fromiter(map(numbers.__getitem__, keys), dtype=np.int64, count=size)

    def _make_room(self, count: int) -> None:
        size = self.people.size
        if count <= size:
            return
        grow = max(count, 2 * size) - size
        self.people = np.concatenate([self.people, np.zeros(grow, dtype=np.int64)])
        self.scored = np.concatenate([self.scored, np.zeros((len(self.indicators), grow), int)], 1)
        self.sums = np.concatenate([self.sums, np.zeros((len(self.indicators), grow))], 1)
        self.squares = np.concatenate([self.squares, np.zeros((len(self.indicators), grow))], 1)
        self.in_band = np.concatenate(
            [self.in_band, np.zeros((len(self.indicators), grow, self.bands), int)], 1
        )


def _rows(level: LevelScores, keep: Optional[Any]) -> LevelScores:
    """The level's scores of the rows ``keep`` marks (all of them when None)."""
    if keep is None:
        return level
    return LevelScores(**{part.name: getattr(level, part.name)[keep] for part in fields(level)})
