"""What the agency report keeps of every scored respondent: sums, never rows.

People are counted in cells, one per (unit, role) met in the input. Per cell and
indicator the tally keeps the number of people with a score, the sum and the sum of
squares of their scores, and how many fall in each band; for the whole agency it keeps
every distinct overall, pillar and value score with its count (for exact medians,
histograms and band counts). Memory grows with the number of cells and of distinct
scores, not with the number of respondents: 100,000 rows cost what 10,000 do.

The bands are the scoring's own per person (``LevelScores.band``), so "below the
development threshold" here is exactly the band the person's result shows.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import ScoredBlock
from asn_assess.batch.summary import NO_SCORE, NOT_APPLICABLE, DistinctScores
from asn_assess.core.models import Bank, is_rater
from asn_assess.core.scoring import FloatColumn, IntColumn, LevelScores

NO_UNIT = ""
"""The unit of every respondent when the report is not broken down by unit."""
BLANK_UNIT = "\0blank"
"""The unit of a respondent whose unit cell is empty (shown in the interface language)."""
NO_ROLE = ""
"""The role of a respondent whose input names none."""


@dataclass
class Distribution:
    """Every distinct score of one measure over the agency, with how many have it."""

    scores: FloatColumn
    """The distinct scores, rising."""
    counts: IntColumn
    """How many people have each."""
    not_applicable: int
    """People to whom the measure does not apply at all."""
    missing: int
    """People to whom it applies but who have no score (too few answers)."""

    @property
    def n(self) -> int:
        """People with a score."""
        return int(self.counts.sum())


class _Counted:
    """The distinct scores of one measure and how many people have each."""

    def __init__(self) -> None:
        self.codes = DistinctScores()
        self.counts: IntColumn = np.zeros(2, dtype=np.int64)

    def add(self, level: LevelScores) -> None:
        codes = self.codes.encode(level.score, level.applies)
        found = np.bincount(codes)
        if found.size > self.counts.size:
            self.counts = np.concatenate(
                [self.counts, np.zeros(found.size - self.counts.size, dtype=np.int64)]
            )
        self.counts[: found.size] += found

    def distribution(self) -> Distribution:
        table = self.codes.decode(np.arange(self.counts.size))
        real = np.arange(self.counts.size) > NOT_APPLICABLE
        order = np.argsort(table[real], kind="stable")
        counts = self.counts[real][order]
        kept = counts > 0
        return Distribution(
            table[real][order][kept],
            counts[kept],
            int(self.counts[NOT_APPLICABLE]),
            int(self.counts[NO_SCORE]),
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
        self.overall = _Counted()
        self.pillars = {p.id: _Counted() for p in bank.pillars}
        self.values = {value.id: _Counted() for value in bank.values}
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
