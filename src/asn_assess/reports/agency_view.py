"""Every word and number of the agency report in one language, worked out once: the
sections, their tables (each cell with its number and its text) and pictures. The HTML,
Markdown and Excel renderers lay this out and nothing else; the CSV and JSON exports
take the figures from ``agency.figures`` directly. Pure: no terminal, no Rich.

A withheld figure reaches this module as ``agency.figures.Withheld`` and leaves it as
a cell that says "withheld" and carries no number.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from asn_assess.agency.api import AgencyReport
from asn_assess.agency.figures import AgencyFigures, Spread, Withheld
from asn_assess.core.i18n import t
from asn_assess.reports.agency_charts import histogram_chart, value_chart
from asn_assess.reports.agency_needs import needs_section, strengths_section
from asn_assess.reports.agency_trend import trend_section
from asn_assess.reports.agency_words import (
    AgencyView,
    ViewCell,
    ViewSection,
    ViewTable,
    Words,
)
from asn_assess.reports.formatting import format_date, legend


def build_agency_view(
    report: AgencyReport, language: str, made: Optional[datetime] = None
) -> AgencyView:
    """The report of ``report`` in ``language``."""
    from asn_assess import __version__

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


def units_section(figures: AgencyFigures, w: Words) -> ViewSection:
    """The heat map: indicators down, units across, the agency first."""
    section = ViewSection("units", w("agency.units"))
    section.paragraphs.append(w("agency.units_intro", minimum=figures.min_group))
    units = figures.units
    header = [w("report.indicator"), w("agency.agency"), *[w.unit(g.key) for g in units]]
    counts = [
        w.text(w("agency.respondents")),
        ViewCell(str(figures.respondents), figures.respondents, "count"),
    ]
    counts += [w.count_cell(g.respondents) for g in units]
    rows = [counts]
    for row in figures.indicators:
        rows.append(
            [
                w.text(w.measure(f"indicator.{row.indicator}")),
                w.mean_cell(row.agency),
                *[w.mean_cell(row.units[g.key]) for g in units],
            ]
        )
    section.tables.append(
        ViewTable("units", w("agency.table.units"), header, rows, heat=True, fixed=2)
    )
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
