"""Every word and number of the agency report in one language, worked out once: the
sections, their tables (each cell with its number and its text) and pictures. The HTML,
Markdown and Excel renderers lay this out and nothing else; the CSV and JSON exports
take the figures from ``agency.figures`` directly. Pure: no terminal, no Rich.

A withheld figure reaches this module as ``agency.figures.Withheld`` and leaves it as
a cell that says "withheld" and carries no number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional, Union

from asn_assess.agency.api import AgencyReport
from asn_assess.agency.figures import (
    POOL,
    AgencyFigures,
    Cell,
    Group,
    Spread,
    Withheld,
)
from asn_assess.agency.tally import BLANK_UNIT, NO_ROLE
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.core.scoring import band_for
from asn_assess.reports.agency_charts import Histogram, ValueChart, histogram_chart, value_chart
from asn_assess.reports.formatting import BandKey, band_rank, format_date, legend

Number = Union[int, float]


@dataclass(frozen=True)
class ViewCell:
    """A table cell: its text, and the number it shows (None for text and withheld)."""

    text: str
    """As shown (a list of ``lines`` joined by "; " when there are several)."""
    value: Union[Number, str, None] = None
    kind: str = "text"
    """``text``, ``count``, ``score``, ``share`` or ``jp``: how a spreadsheet formats it."""
    rank: Optional[int] = None
    """The band of a score, for its colour."""
    withheld: bool = False
    lines: tuple[str, ...] = ()
    """Several texts in one cell (training actions): a line each where a format can."""


@dataclass(frozen=True)
class ViewTable:
    """A table: an Excel sheet of its own, and a table in HTML and Markdown."""

    key: str
    title: str
    header: list[str]
    rows: list[list[ViewCell]]
    heat: bool = False
    """Cells coloured by band (the units side by side)."""


@dataclass
class ViewSection:
    """A section of the report."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[ViewTable] = field(default_factory=list)
    histograms: list[Histogram] = field(default_factory=list)
    values: Optional[ValueChart] = None
    notes: list[str] = field(default_factory=list)


@dataclass
class AgencyView:
    """The whole report in one language."""

    language: str
    title: str
    meta: list[str]
    sections: list[ViewSection]
    legend: list[BandKey]
    footer: str

    def tables(self) -> list[ViewTable]:
        """Every table, in order."""
        return [table for section in self.sections for table in section.tables]


def build_agency_view(
    report: AgencyReport, language: str, made: Optional[datetime] = None
) -> AgencyView:
    """The report of ``report`` in ``language``."""
    from asn_assess import __version__
    from asn_assess.reports.agency_needs import needs_section, strengths_section
    from asn_assess.reports.agency_trend import trend_section

    figures = report.current.figures
    bank = figures.bank
    words = Words(bank, language)
    made = made or datetime.now(timezone.utc)
    meta = [
        f"{bank.text(bank.title, language)} · {bank.version}",
        t("agency.made", language, date=format_date(made, language)),
    ]
    if figures.by:
        meta.append(t("agency.by", language, column=figures.by))
    sections = [
        _who_section(report, words),
        _glance_section(figures, words),
    ]
    if figures.units:
        sections.append(units_section(figures, words))
    sections.append(needs_section(figures, words))
    sections.append(strengths_section(figures, words))
    if report.previous is not None and report.trend is not None:
        sections.append(trend_section(report.trend, figures, words))
    if figures.values:
        sections.append(_values_section(figures, words))
    sections.append(_privacy_section(figures, words))
    return AgencyView(
        language,
        t("agency.title", language),
        meta,
        sections,
        legend(bank, language),
        t("agency.footer", language, version=__version__),
    )


class Words:
    """Names and numbers in the report's language."""

    def __init__(self, bank: Bank, language: str):
        self.bank = bank
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        """The interface text ``key`` in the report's language."""
        return t(key, self.language, **values)

    def unit(self, key: str) -> str:
        """A unit's name as shown."""
        if key == POOL:
            return self("agency.pool")
        if key == BLANK_UNIT:
            return self("agency.blank_unit")
        return key

    def role(self, key: str) -> str:
        """A role's name as shown."""
        role = self.bank.role(key) if key != NO_ROLE else None
        return self.bank.text(role.label, self.language) if role else self("agency.no_role")

    def group(self, group: Group) -> str:
        """A unit's or role's name as shown."""
        return self.role(group.key) if group.kind == "role" else self.unit(group.key)

    def measure(self, key: str) -> str:
        """``overall``, ``pillar.<id>``, ``indicator.<id>`` or ``value.<id>`` by name."""
        bank, language = self.bank, self.language
        if key == "overall":
            return self("report.overall")
        kind, _, ident = key.partition(".")
        for number, pillar in enumerate(bank.pillars, start=1):
            if kind == "pillar" and pillar.id == ident:
                return (
                    f"{self('report.pillar', number=number)}: {bank.text(pillar.title, language)}"
                )
            for indicator in pillar.indicators:
                if kind == "indicator" and indicator.id == ident:
                    return bank.text(indicator.title, language)
        value = next(v for v in getattr(bank, "values", ()) if v.id == ident)
        return bank.text(value.label, language)

    def pillar(self, pillar_id: str) -> str:
        """A pillar's title alone (tables name the pillar beside each indicator)."""
        pillar = next(p for p in self.bank.pillars if p.id == pillar_id)
        return self.bank.text(pillar.title, self.language)

    def score(self, value: float) -> str:
        """A score at one decimal."""
        return format_score(value, self.language)

    def share(self, value: float) -> str:
        """A share (0-1) as a whole percentage: 42%."""
        return f"{format_score(value * 100, self.language, 0)}%"

    def withheld(self, cell: Withheld) -> ViewCell:
        """A cell that says "withheld" and holds no number."""
        return ViewCell(self("agency.withheld"), None, "text", None, True)

    def count_cell(self, value: Union[int, Withheld]) -> ViewCell:
        """A number of people, or withheld."""
        if isinstance(value, Withheld):
            return self.withheld(value)
        return ViewCell(str(value), value, "count")

    def mean_cell(self, cell: Cell) -> ViewCell:
        """A mean, coloured by its band."""
        if isinstance(cell, Withheld):
            return self.withheld(cell)
        return ViewCell(self.score(cell.mean), cell.mean, "score", self.rank(cell.mean))

    def rank(self, value: float) -> int:
        """The band of a score (decided as a person's score is)."""
        return band_rank(self.bank, band_for(self.bank, value))

    def text(self, value: str) -> ViewCell:
        """A cell of text."""
        return ViewCell(value, value)


def _who_section(report: AgencyReport, w: Words) -> ViewSection:
    current = report.current
    counts, figures = current.counts, current.figures
    section = ViewSection("who", w("agency.who"))
    section.paragraphs.append(
        w(
            "agency.who_counts",
            read=counts.read,
            scored=counts.scored,
            rejected=counts.rejected,
            set_aside=current.set_aside,
        )
    )
    section.paragraphs.append(
        w("agency.who_respondents", respondents=figures.respondents, incomplete=figures.incomplete)
    )
    if current.flagged:
        key = "agency.who_excluded" if current.excluded else "agency.who_flagged"
        section.paragraphs.append(w(key, count=current.flagged))
    if current.ratings_of_others:
        section.paragraphs.append(w("agency.who_raters", count=current.ratings_of_others))
    for key, groups, heading in (
        ("respondents_by_unit", figures.units, "agency.unit"),
        ("respondents_by_role", figures.roles, "agency.role"),
    ):
        if groups:
            rows = [[w.text(w.group(g)), w.count_cell(g.respondents)] for g in groups]
            rows.append(
                [
                    w.text(w("agency.agency")),
                    ViewCell(str(figures.respondents), figures.respondents, "count"),
                ]
            )
            header = [w(heading), w("agency.respondents")]
            section.tables.append(ViewTable(key, w(f"agency.table.{key}"), header, rows))
    return section


def _glance_section(figures: AgencyFigures, w: Words) -> ViewSection:
    bank = figures.bank
    section = ViewSection("glance", w("agency.glance"))
    section.paragraphs.append(w("agency.glance_intro"))
    header = [
        w("agency.measure"),
        w("agency.n"),
        w("agency.mean"),
        w("agency.median"),
        w("agency.sd"),
        *[bank.text(band.label, w.language) for band in bank.bands],
    ]
    rows = []
    for spread in figures.spreads:
        title = w.measure(spread.measure)
        chart = histogram_chart(bank, spread, title)
        if chart is not None:
            section.histograms.append(chart)
        rows.append([w.text(title), *_spread_cells(spread, w)])
    section.tables.append(ViewTable("distribution", w("agency.table.distribution"), header, rows))
    bins_header = [w("agency.measure"), w("agency.from"), w("agency.to"), w("agency.people")]
    bin_rows = [
        [
            w.text(w.measure(spread.measure)),
            ViewCell(w.score(b.low), b.low, "score"),
            ViewCell(w.score(b.high), b.high, "score"),
            ViewCell(str(b.people), b.people, "count"),
        ]
        for spread in figures.spreads
        for b in spread.bins
    ]
    if bin_rows:
        section.tables.append(
            ViewTable("histogram", w("agency.table.histogram"), bins_header, bin_rows)
        )
    return section


def _spread_cells(spread: Spread, w: Words) -> list[ViewCell]:
    cell = spread.figures
    if isinstance(cell, Withheld):
        return [w.withheld(cell)] * (4 + len(w.bank.bands))
    assert spread.median is not None
    sd = ViewCell(w.score(cell.sd), cell.sd, "score") if cell.sd is not None else ViewCell("-")
    return [
        ViewCell(str(cell.n), cell.n, "count"),
        w.mean_cell(cell),
        ViewCell(w.score(spread.median), spread.median, "score"),
        sd,
        *[
            ViewCell(f"{count} ({w.share(count / cell.n)})", count, "count", rank)
            for rank, count in enumerate(cell.bands)
        ],
    ]


MAX_UNITS_PER_TABLE = 8
"""Units side by side in one table; more go to the next table (one A4 width)."""


def units_section(figures: AgencyFigures, w: Words) -> ViewSection:
    """The heat map: indicators down, units across, the agency first."""
    section = ViewSection("units", w("agency.units"))
    section.paragraphs.append(w("agency.units_intro", minimum=figures.min_group))
    units = figures.units
    for start in range(0, len(units), MAX_UNITS_PER_TABLE):
        part = units[start : start + MAX_UNITS_PER_TABLE]
        header = [w("report.indicator"), w("agency.agency"), *[w.unit(g.key) for g in part]]
        counts = [
            w.text(w("agency.respondents")),
            ViewCell(str(figures.respondents), figures.respondents, "count"),
        ]
        counts += [w.count_cell(g.respondents) for g in part]
        rows = [counts]
        for row in figures.indicators:
            rows.append(
                [
                    w.text(w.measure(f"indicator.{row.indicator}")),
                    w.mean_cell(row.agency),
                    *[w.mean_cell(row.units[g.key]) for g in part],
                ]
            )
        key = "units" if start == 0 else f"units_{start // MAX_UNITS_PER_TABLE + 1}"
        section.tables.append(ViewTable(key, w("agency.table.units"), header, rows, heat=True))
    return section


def _values_section(figures: AgencyFigures, w: Words) -> ViewSection:
    bank = figures.bank
    section = ViewSection("values", w("agency.values"))
    section.paragraphs.append(w("agency.values_intro"))
    header = [
        w("agency.value"),
        w("agency.n"),
        w("agency.mean"),
        w("report.band"),
        w("agency.below_share"),
    ]
    rows, bars = [], []
    for spread in figures.values:
        title = w.measure(spread.measure)
        cell = spread.figures
        if isinstance(cell, Withheld):
            rows.append([w.text(title), *[w.withheld(cell)] * 4])
            continue
        rank = w.rank(cell.mean)
        band = bank.text(bank.bands[rank].label, w.language)
        rows.append(
            [
                w.text(title),
                ViewCell(str(cell.n), cell.n, "count"),
                w.mean_cell(cell),
                ViewCell(band, band, "text", rank),
                ViewCell(w.share(cell.share_below), cell.share_below, "share"),
            ]
        )
        bars.append((spread.measure, title, cell.mean, w.score(cell.mean), rank))
    section.tables.append(ViewTable("values", w("agency.table.values"), header, rows))
    section.values = value_chart(bank, w("agency.values_chart"), bars)
    return section


def _privacy_section(figures: AgencyFigures, w: Words) -> ViewSection:
    """The promise, and what was withheld and why, without a figure."""
    section = ViewSection("privacy", w("agency.privacy"))
    section.paragraphs.append(w("agency.privacy_promise", minimum=figures.min_group))
    notes = section.notes
    pool = next((g for g in figures.units if g.kind == "pool"), None)
    if pool is not None:
        notes.append(w("agency.note_pooled", units=pool.pooled_units, minimum=figures.min_group))
    for group in [*figures.units, *figures.roles]:
        if isinstance(group.respondents, Withheld):
            notes.append(w(f"agency.note_count_{group.respondents.reason}", group=w.group(group)))
    for kind, groups in (("units", figures.units), ("roles", figures.roles)):
        for group in groups:
            for reason in ("few", "complement"):
                withheld = [
                    w.measure(f"indicator.{row.indicator}")
                    for row in figures.indicators
                    if isinstance(cell := getattr(row, kind)[group.key], Withheld)
                    and cell.reason == reason
                ]
                if withheld:
                    every = len(withheld) == len(figures.indicators)
                    notes.append(
                        w(
                            f"agency.note_{reason}",
                            group=w.group(group),
                            measures=w("agency.every_indicator") if every else ", ".join(withheld),
                            minimum=figures.min_group,
                        )
                    )
    for spread in [*figures.spreads, *figures.values]:
        if isinstance(spread.figures, Withheld):
            notes.append(w("agency.note_agency_few", measure=w.measure(spread.measure)))
    for row in figures.indicators:
        if isinstance(row.agency, Withheld):
            notes.append(
                w("agency.note_agency_few", measure=w.measure(f"indicator.{row.indicator}"))
            )
    if not notes:
        notes.append(w("agency.note_nothing"))
    return section
