"""The trend section of the agency report: the change since the previous round, where
the rounds compare (``agency.trend`` decides), in one language."""

from __future__ import annotations

from asn_assess.agency.figures import AgencyFigures, Figures
from asn_assess.agency.trend import Change, Trend
from asn_assess.reports.agency_words import ViewCell, ViewSection, ViewTable, Words

MARK = "*"
"""After a change larger than measurement error explains."""


def trend_section(found: Trend, figures: AgencyFigures, w: Words) -> ViewSection:
    """The change per measure for the agency, and per unit and indicator."""
    section = ViewSection("trend", w("agency.trend"))
    previous = found.previous
    if found.why_not is not None:
        section.paragraphs.append(
            w(
                f"agency.trend_not.{found.why_not}",
                before=f"{previous.bank.id} {previous.bank.version}",
                after=f"{figures.bank.id} {figures.bank.version}",
                minimum=figures.min_group,
            )
        )
        return section
    section.paragraphs.append(w("agency.trend_intro", respondents=previous.respondents))
    section.paragraphs.append(
        w("agency.trend_error", mark=MARK)
        if found.measurement_error
        else w("agency.trend_no_error")
    )
    header = [w("agency.measure"), w("agency.before"), w("agency.after"), w("agency.change")]
    rows = [
        [
            w.text(w.measure(change.measure)),
            w.mean_cell(change.before),
            w.mean_cell(change.after),
            change_cell(change, w),
        ]
        for change in found.agency
    ]
    section.tables.append(ViewTable("trend", w("agency.table.trend"), header, rows))
    units = [g for g in figures.units if g.key in found.units]
    if units:
        measures = [f"indicator.{row.indicator}" for row in figures.indicators]
        by_unit = {key: {c.measure: c for c in changes} for key, changes in found.units.items()}
        header = [w("report.indicator"), *[w.unit(g.key) for g in units]]
        table_rows = []
        for measure in measures:
            if not any(measure in by_unit[g.key] for g in units):
                continue
            cells = [w.text(w.measure(measure))]
            for group in units:
                change = by_unit[group.key].get(measure)
                cells.append(change_cell(change, w) if change else ViewCell("-"))
            table_rows.append(cells)
        section.tables.append(
            ViewTable("trend_by_unit", w("agency.table.trend_by_unit"), header, table_rows)
        )
    if found.apart:
        names = ", ".join(w.measure(m) for m in found.apart)
        section.notes.append(w("agency.trend_apart", measures=names))
    return section


def change_cell(change: Change, w: Words) -> ViewCell:
    """ "+3,2*" (the change, marked when beyond measurement error), or withheld."""
    delta = change.delta
    if delta is None:
        withheld = change.after if not isinstance(change.after, Figures) else change.before
        assert not isinstance(withheld, Figures)
        return w.withheld(withheld)
    sign = "+" if delta >= 0.05 else ("-" if delta <= -0.05 else "±")
    text = sign + w.score(abs(delta)) + (MARK if change.beyond_error else "")
    return ViewCell(text, delta, "score")
