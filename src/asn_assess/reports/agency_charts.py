"""The pictures of the agency report as geometry: histograms of the overall and pillar
scores, and bars of the core values. Drawn as inline SVG by ``agency.html.j2``; every
mark carries the number it stands for (``data-people``, ``data-value``), so a test can
check the drawing against the tables.

A histogram bar's height is its people per ``HISTOGRAM_STEP`` points of score (its
people when it is that wide; bars also break at every band cut-off, and a narrower bar
is drawn taller for the same people), ``unit`` pixels per person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.agency.figures import Bin, Figures, Spread
from asn_assess.agency.tally import HISTOGRAM_STEP
from asn_assess.core.models import Bank
from asn_assess.reports.formatting import number_text

WIDTH = 320.0
HEIGHT = 170.0
LEFT = 14.0
RIGHT = 14.0
TOP = 18.0
BOTTOM = 30.0
"""Room under the plot for the axis labels."""


@dataclass(frozen=True)
class Bar:
    """One bar of a histogram."""

    x: float
    y: float
    width: float
    height: float
    people: int
    low: float
    high: float
    rank: int
    """Its band, for the colour."""


@dataclass(frozen=True)
class Cutoff:
    """A band's lower edge, marked on the axis."""

    x: float
    label: str


@dataclass(frozen=True)
class Histogram:
    """A histogram in a ``WIDTH`` x ``HEIGHT`` view box."""

    measure: str
    title: str
    x0: float
    x1: float
    base: float
    """y of the axis."""
    unit: float
    """Pixels of height per person (in a bar ``HISTOGRAM_STEP`` points wide)."""
    bars: tuple[Bar, ...]
    cutoffs: tuple[Cutoff, ...]
    mean_x: Optional[float]
    width: float = WIDTH
    height: float = HEIGHT


def x_of(score: float) -> float:
    """The x of a score on a histogram's axis."""
    return LEFT + (WIDTH - LEFT - RIGHT) * score / 100


def histogram_chart(bank: Bank, spread: Spread, title: str) -> Optional[Histogram]:
    """The histogram of an agency-wide measure; None when its figures are withheld."""
    if not isinstance(spread.figures, Figures):
        return None
    base = HEIGHT - BOTTOM
    densities = [_density(b) for b in spread.bins]
    tallest = max(densities, default=0.0) or 1.0
    unit = (base - TOP) / tallest
    bars = tuple(
        Bar(
            x_of(b.low),
            base - density * unit,
            x_of(b.high) - x_of(b.low),
            density * unit,
            b.people,
            b.low,
            b.high,
            b.band,
        )
        for b, density in zip(spread.bins, densities, strict=True)
        if b.people
    )
    cutoffs = tuple(
        Cutoff(x_of(band.min), number_text(band.min)) for band in bank.bands if band.min > 0
    )
    return Histogram(
        spread.measure,
        title,
        x_of(0),
        x_of(100),
        base,
        unit,
        bars,
        cutoffs,
        x_of(spread.figures.mean),
    )


def _density(bar: Bin) -> float:
    """People per ``HISTOGRAM_STEP`` points."""
    return bar.people * HISTOGRAM_STEP / (bar.high - bar.low)


@dataclass(frozen=True)
class ValueBar:
    """One core value's mean."""

    id: str
    label: str
    y: float
    length: float
    value: float
    shown: str
    rank: int


@dataclass(frozen=True)
class ValueChart:
    """Horizontal bars: each core value's mean on 0-100."""

    title: str
    width: float
    height: float
    x0: float
    x1: float
    bars: tuple[ValueBar, ...]
    cutoffs: tuple[Cutoff, ...]


VALUE_LABEL = 170.0
VALUE_PLOT = 330.0
VALUE_ROW = 22.0


def value_chart(
    bank: Bank, title: str, rows: list[tuple[str, str, float, str, int]]
) -> Optional[ValueChart]:
    """Bars for (id, label, mean, mean as shown, band rank) of each value shown."""
    if not rows:
        return None
    x0, x1 = VALUE_LABEL, VALUE_LABEL + VALUE_PLOT
    bars = tuple(
        ValueBar(key, label, 20 + VALUE_ROW * index, VALUE_PLOT * value / 100, value, shown, rank)
        for index, (key, label, value, shown, rank) in enumerate(rows)
    )
    cutoffs = tuple(
        Cutoff(x0 + VALUE_PLOT * band.min / 100, number_text(band.min))
        for band in bank.bands
        if band.min > 0
    )
    height = 20 + VALUE_ROW * len(rows) + 24  # room for the cut-offs' labels
    return ValueChart(title, x1 + 40, height, x0, x1, bars, cutoffs)
