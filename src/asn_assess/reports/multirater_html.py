"""The 360-degree report as one self-contained HTML page: no scripts, no external files,
printable on A4, one section per person rated.

Its chart is a dot plot: a line per indicator on a 0-100 axis with a marker for the
person's own score, one per rater group shown and one for the others, and the gap drawn
between own score and others' mean. The geometry is worked out here; the Jinja2
template ``multirater.html.j2`` draws it with autoescaping on, so every data string
(names, bank texts) is escaped.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Optional

from asn_assess import __version__
from asn_assess.reports.html import template_environment
from asn_assess.reports.multirater_data import OTHERS, OWN, MultiraterData

LABEL_WIDTH = 230.0
PLOT_WIDTH = 400.0
RIGHT_MARGIN = 20.0
ROW_HEIGHT = 26.0
TOP = 56.0
"""Room above the first row for the legend and the axis."""
LABEL_CHARS = 34
TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class Marker:
    """One view of one indicator on the chart."""

    series: str
    colour: int
    """Index of the series' colour (``series-N`` in the style sheet)."""
    x: float
    value: float
    shown: str


@dataclass(frozen=True)
class ChartRow:
    """One indicator's line."""

    id: str
    label: str
    y: float
    markers: tuple[Marker, ...]
    gap: Optional[tuple[float, float]]
    """x of own score and of others' mean, when both exist."""


@dataclass(frozen=True)
class LegendKey:
    """A series in the legend."""

    series: str
    label: str
    colour: int
    x: float


@dataclass(frozen=True)
class DotChart:
    """The whole chart in a ``width`` x ``height`` view box."""

    title: str
    width: float
    height: float
    x0: float
    x1: float
    top: float
    ticks: tuple[tuple[int, float], ...]
    legend: tuple[LegendKey, ...]
    rows: tuple[ChartRow, ...]


def _x(value: float) -> float:
    return LABEL_WIDTH + PLOT_WIDTH * value / 100


def dot_chart(data: MultiraterData) -> DotChart:
    """The chart of one report: every indicator, every series with a value."""
    colours = {series.id: index for index, series in enumerate(data.series)}
    legend, x = [], LABEL_WIDTH
    for series in data.series:
        legend.append(LegendKey(series.id, series.label, colours[series.id], x))
        x += 14 + 6.4 * len(series.label) + 14
    rows = []
    for index, row in enumerate(data.rows):
        y = TOP + ROW_HEIGHT * (index + 0.5)
        markers = tuple(
            Marker(cell.series, colours[cell.series], _x(cell.value), cell.value, cell.shown)
            for cell in row.cells
            if cell.value is not None
        )
        values = {cell.series: cell.value for cell in row.cells}
        own, others = values.get(OWN), values.get(OTHERS)
        gap = (_x(own), _x(others)) if own is not None and others is not None else None
        label = textwrap.shorten(row.title, LABEL_CHARS, placeholder="…")
        rows.append(ChartRow(row.id, label, y, markers, gap))
    width = max(LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN, x)
    height = TOP + ROW_HEIGHT * len(rows) + 8
    ticks = tuple((tick, _x(tick)) for tick in TICKS)
    return DotChart(
        data.t("mr.chart"),
        width,
        height,
        _x(0),
        _x(100),
        TOP,
        ticks,
        tuple(legend),
        tuple(rows),
    )


def render_multirater_html(reports: list[MultiraterData]) -> str:
    """Every report on one HTML page (a page break before each person rated)."""
    language = reports[0].language if reports else "id"
    template = template_environment().get_template("multirater.html.j2")
    text: str = template.render(
        reports=[(data, dot_chart(data)) for data in reports],
        language=language,
        footer_version=__version__,
    )
    return text
