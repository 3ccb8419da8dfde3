"""The figures of the agency report, with every privacy rule applied (docs/agency.md).

``agency_figures`` turns a tally into what may be shown: per indicator the agency's
figures and those of each unit and role that may show them; per overall, pillar and
core value the agency's distribution. A figure withheld is a ``Withheld`` with its
reason and nothing else, so no renderer can print it by mistake.

- Units with fewer than k respondents are counted together as one pooled unit ("Unit
  lain"), which shows figures only when it holds k respondents or more.
- Per measure, ``analysis.disclosure.release`` decides which units and roles show it:
  each needs k people with a score, and none may let a smaller group's figure be worked
  out by subtraction from the agency's or from the other groups' (complementary
  suppression: one more group is withheld).
- Only indicators are shown per unit and per role. The overall, pillar and value scores
  are shown for the agency as a whole: a unit's pillar mean is a weighted mean of its
  indicator means when all its people answer alike, so showing both per unit would let
  one be worked out from the other.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Optional, Union

import numpy as np

from asn_assess.agency.tally import (
    GRID,
    NO_ROLE,
    AgencyTally,
    Distribution,
    histogram_edges,
)
from asn_assess.analysis.disclosure import Reason, release, shows
from asn_assess.analysis.pooling import pool_small_groups
from asn_assess.core.models import Bank
from asn_assess.core.scoring import band_for, band_minimums, bands_of

POOL = "\0pool"
"""The key of the pooled small units ("Unit lain" / "Other units")."""


@dataclass(frozen=True)
class Withheld:
    """A figure not shown, and why ("few": fewer than k people have it; "complement":
    showing it would let a smaller group's figure be worked out)."""

    reason: Reason


@dataclass(frozen=True)
class Figures:
    """One group's figures on one measure."""

    n: int
    """People with a score."""
    mean: float
    sd: Optional[float]
    bands: tuple[int, ...]
    """People per band, lowest band first."""
    below: int
    """People below the bank's development threshold."""

    @property
    def share_below(self) -> float:
        """The share (0-1) of ``n`` below the development threshold."""
        return self.below / self.n

    @property
    def top(self) -> int:
        """People in the highest band."""
        return self.bands[-1]

    @property
    def share_top(self) -> float:
        """The share (0-1) of ``n`` in the highest band."""
        return self.top / self.n


Cell = Union[Figures, Withheld]


@dataclass(frozen=True)
class Group:
    """A unit (or the pooled small units) or a role, as the report names it."""

    key: str
    """The unit's name in the data (``POOL`` for the pooled ones), or the role's id
    (``NO_ROLE`` for rows that name none)."""
    kind: Literal["unit", "pool", "role"]
    respondents: Union[int, Withheld]
    pooled_units: int = 0
    """For the pool: how many units it holds."""
    members: tuple[str, ...] = ()
    """For the pool: the units it holds (compared between rounds; never shown)."""


@dataclass(frozen=True)
class Bin:
    """One bar of a histogram: scores from ``low`` up to (not including) ``high``; the
    last bar includes 100."""

    low: float
    high: float
    people: int
    band: int
    """The band the bar lies in (for its colour)."""


@dataclass(frozen=True)
class Spread:
    """The agency's figures on the overall score, a pillar or a core value."""

    measure: str
    """``overall``, ``pillar.<id>`` or ``value.<id>``."""
    figures: Cell
    median: Optional[float] = None
    quartiles: Optional[tuple[float, float]] = None
    bins: tuple[Bin, ...] = ()
    no_score: int = 0
    """People to whom it applies who have no score (too few answers)."""


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator: the agency's figures and each unit's and role's."""

    indicator: str
    pillar: str
    agency: Cell
    units: dict[str, Cell]
    roles: dict[str, Cell]


@dataclass
class AgencyFigures:
    """Everything the report shows, suppressed; ``reports.agency_view`` words it."""

    bank: Bank
    min_group: int
    by: Optional[str]
    """The unit column, or None for the agency as a whole."""
    respondents: int
    incomplete: int
    """Respondents without an overall score."""
    units: list[Group]
    roles: list[Group]
    spreads: list[Spread]
    """Overall, then each pillar."""
    indicators: list[IndicatorRow]
    values: list[Spread] = field(default_factory=list)


def development_rank(bank: Bank) -> int:
    """Bands below this index are below the bank's development threshold."""
    index = bands_of(band_minimums(bank), np.array([bank.development_threshold]))[0]
    return int(index)


class _Crossing:
    """The tally's cells seen as the report's groups: units named, the small ones pooled,
    and roles (a side with one group is not broken down)."""

    def __init__(self, tally: AgencyTally, minimum: int, by_unit: bool):
        self.cells = list(tally.cells.items())
        sizes: dict[str, int] = {}
        for (unit, _), position in self.cells:
            sizes[unit] = sizes.get(unit, 0) + int(tally.people[position])
        named: list[str] = []
        self.pooled: list[str] = []
        if by_unit:
            split = pool_small_groups(sizes, minimum)
            named, self.pooled = list(split.shown), list(split.pooled)
        self.unit_of = {unit: (unit if unit in named else POOL) for unit in sizes}
        self.units = named + ([POOL] if self.pooled else [])
        roles = sorted({role for _, role in tally.cells}, key=_role_order(tally.bank))
        self.roles = roles if roles != [NO_ROLE] else []

    def table(self, counts: np.ndarray) -> dict[tuple[str, str], int]:
        """People per (unit, role) of the report, from a count per tally cell."""
        table: dict[tuple[str, str], int] = {}
        for (unit, role), position in self.cells:
            key = (self.unit_of[unit], role)
            table[key] = table.get(key, 0) + int(counts[position])
        return table

    def unit_cells(self, key: str) -> list[int]:
        """The tally cells of a unit of the report (or of the pool)."""
        return [p for (unit, _), p in self.cells if self.unit_of[unit] == key]

    def role_cells(self, key: str) -> list[int]:
        """The tally cells of a role."""
        return [p for (_, role), p in self.cells if role == key]


def agency_figures(tally: AgencyTally, min_group: int, by: Optional[str]) -> AgencyFigures:
    """The report's figures from ``tally``, no figure about fewer than ``min_group``
    people and none recoverable by subtraction."""
    bank = tally.bank
    groups = _Crossing(tally, min_group, by is not None)
    people = release(groups.table(tally.people), min_group, groups.units, groups.roles)

    def respondents(
        cells: list[int], shown: bool, reason: Optional[Reason]
    ) -> Union[int, Withheld]:
        return sum(int(tally.people[p]) for p in cells) if shown else Withheld(reason or "few")

    units = [
        Group(
            key,
            "pool" if key == POOL else "unit",
            respondents(groups.unit_cells(key), key in people.rows, people.withheld_rows.get(key)),
            len(groups.pooled) if key == POOL else 0,
            tuple(groups.pooled) if key == POOL else (),
        )
        for key in groups.units
    ]
    roles = [
        Group(
            key,
            "role",
            respondents(
                groups.role_cells(key), key in people.columns, people.withheld_columns.get(key)
            ),
        )
        for key in groups.roles
    ]
    rows = [
        _indicator_row(tally, groups, position, min_group)
        for position in range(len(tally.indicators))
    ]
    spreads = [spread(bank, "overall", tally.overall.distribution(), min_group)]
    spreads += [
        spread(bank, f"pillar.{p}", counted.distribution(), min_group)
        for p, counted in tally.pillars.items()
    ]
    values = [
        spread(bank, f"value.{v}", counted.distribution(), min_group)
        for v, counted in tally.values.items()
    ]
    incomplete = tally.respondents - tally.overall.distribution().n
    return AgencyFigures(
        bank, min_group, by, tally.respondents, incomplete, units, roles, spreads, rows, values
    )


def _indicator_row(
    tally: AgencyTally, groups: _Crossing, position: int, minimum: int
) -> IndicatorRow:
    """One indicator's figures for the agency, each unit and each role, as released."""
    decided = release(groups.table(tally.scored[position]), minimum, groups.units, groups.roles)
    rank = development_rank(tally.bank)

    def figures(cells: list[int], shown: bool, reason: Optional[Reason]) -> Cell:
        return _figures(tally, position, cells, rank) if shown else Withheld(reason or "few")

    indicator = tally.indicators[position]
    return IndicatorRow(
        indicator,
        _pillar_of(tally.bank, indicator),
        figures(list(range(len(groups.cells))), decided.total, None),
        {
            key: figures(
                groups.unit_cells(key), key in decided.rows, decided.withheld_rows.get(key)
            )
            for key in groups.units
        },
        {
            key: figures(
                groups.role_cells(key), key in decided.columns, decided.withheld_columns.get(key)
            )
            for key in groups.roles
        },
    )


def _role_order(bank: Bank) -> Callable[[str], tuple[int, str]]:
    """Roles in bank order; rows without a role, then roles the bank lacks, last."""
    order = {role.id: number for number, role in enumerate(bank.roles)}
    return lambda role: (order.get(role, len(order) + (role == NO_ROLE)), role)


def _pillar_of(bank: Bank, indicator_id: str) -> str:
    return next(p.id for p in bank.pillars for i in p.indicators if i.id == indicator_id)


def _figures(tally: AgencyTally, measure: int, members: list[int], rank: int) -> Figures:
    n = int(tally.scored[measure, members].sum())
    total = math.fsum(tally.sums[measure, members])
    squares = math.fsum(tally.squares[measure, members])
    bands = tuple(int(b) for b in tally.in_band[measure, members].sum(axis=0))
    mean = total / n
    sd = math.sqrt(max(squares - total * total / n, 0.0) / (n - 1)) if n > 1 else None
    return Figures(n, mean, sd, bands, sum(bands[:rank]))


def spread(bank: Bank, measure: str, scores: Distribution, minimum: int) -> Spread:
    """The agency's figures on one measure from its counts."""
    n = scores.n
    if not shows(n, minimum):
        return Spread(measure, Withheld("few"), no_score=scores.missing)
    mean = scores.total / n
    variance = (
        max(scores.squares - scores.total * scores.total / n, 0.0) / (n - 1) if n > 1 else None
    )
    sd = math.sqrt(variance) if variance is not None else None
    bands = tuple(int(count) for count in scores.bands)
    figures = Figures(n, mean, sd, bands, sum(bands[: development_rank(bank)]))
    quartiles = (_quantile(scores.grid, 0.25), _quantile(scores.grid, 0.75))
    return Spread(
        measure,
        figures,
        _quantile(scores.grid, 0.5),
        quartiles,
        histogram(bank, scores.bins),
        scores.missing,
    )


def _quantile(grid: np.ndarray, share: float) -> float:
    """The quantile as ``numpy.percentile`` computes it (linear interpolation between
    the order statistics), of the scores rounded to ``1 / GRID`` point."""
    n = int(grid.sum())
    position = share * (n - 1)
    below, fraction = int(math.floor(position)), position - math.floor(position)
    ends = np.cumsum(grid)
    low = int(np.searchsorted(ends, below, side="right")) / GRID
    high = int(np.searchsorted(ends, min(below + 1, n - 1), side="right")) / GRID
    return low + (high - low) * fraction


def histogram(bank: Bank, counts: np.ndarray) -> tuple[Bin, ...]:
    """The bars of a histogram from the people per bar (``tally.histogram_edges``)."""
    edges = [float(edge) for edge in histogram_edges(bank)]
    bins = []
    for number, low in enumerate(edges):
        high = edges[number + 1] if number + 1 < len(edges) else 100.0
        band = band_for(bank, low)
        rank = next(i for i, b in enumerate(bank.bands) if b.id == band)
        bins.append(Bin(low, high, int(counts[number]), rank))
    return tuple(bins)
