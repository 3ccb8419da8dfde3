"""The training needs and strengths sections of the agency report (``agency.needs``
ranks them; this words them in one language)."""

from __future__ import annotations

from asn_assess.agency.figures import AgencyFigures, Cell, Figures, Group, Withheld
from asn_assess.agency.needs import action_jp, ranked_needs, strengths
from asn_assess.core.models import Action
from asn_assess.reports.agency_words import ViewCell, ViewSection, ViewTable, Words
from asn_assess.reports.formatting import number_text


def needs_section(figures: AgencyFigures, w: Words) -> ViewSection:
    """The ranked table to paste into the training plan, then per role and per unit."""
    bank = figures.bank
    threshold = bank.development_threshold
    band = next(b for b in bank.bands if b.min == threshold)
    section = ViewSection("needs", w("agency.needs"))
    section.paragraphs.append(
        w(
            "agency.needs_intro",
            band=bank.text(band.label, w.language),
            threshold=number_text(threshold),
        )
    )
    needs = ranked_needs(figures)
    header = [
        w("agency.rank"),
        w("report.indicator"),
        w("agency.pillar"),
        w("agency.n"),
        w("agency.below"),
        w("agency.below_share"),
        w("agency.training"),
        w("agency.jp"),
    ]
    rows = []
    for need in needs:
        # With one training action its JP is the JP column's; with several, each says its own.
        several = len(need.training) > 1
        actions = tuple(_action_text(a, w, with_jp=several) for a in need.training)
        joined = "; ".join(line.rstrip(".") for line in actions)
        rows.append(
            [
                ViewCell(str(need.rank), need.rank, "count"),
                w.text(w.measure(f"indicator.{need.row.indicator}")),
                w.text(w.pillar(need.row.pillar)),
                ViewCell(str(need.figures.n), need.figures.n, "count"),
                ViewCell(str(need.figures.below), need.figures.below, "count"),
                ViewCell(w.share(need.figures.share_below), need.figures.share_below, "share"),
                ViewCell(joined, joined, "text", lines=actions)
                if actions
                else w.text(w("agency.no_training")),
                ViewCell(str(need.jp), need.jp, "jp") if need.jp else ViewCell("-"),
            ]
        )
    section.tables.append(
        ViewTable("training_needs", w("agency.table.training_needs"), header, rows)
    )
    withheld = [row for row in figures.indicators if isinstance(row.agency, Withheld)]
    for row in withheld:
        section.notes.append(
            w("agency.note_agency_few", measure=w.measure(f"indicator.{row.indicator}"))
        )
    order = [need.row for need in needs]
    for key, groups, attribute in (
        ("needs_by_role", figures.roles, "roles"),
        ("needs_by_unit", figures.units, "units"),
    ):
        if not groups:
            continue
        header = [w("report.indicator"), *[w.group(g) for g in groups]]
        table_rows = [
            [
                w.text(w.measure(f"indicator.{row.indicator}")),
                *[_need_cell(getattr(row, attribute)[g.key], w) for g in groups],
            ]
            for row in order
        ]
        section.tables.append(ViewTable(key, w(f"agency.table.{key}"), header, table_rows))
    return section


def _action_text(action: Action, w: Words, with_jp: bool) -> str:
    """A training action as the table lists it: its text, the roles it is for and, with
    ``with_jp``, its JP."""
    notes = []
    if action.roles:
        notes.append(w("agency.for_roles", roles=", ".join(w.role(r) for r in action.roles)))
    if with_jp and (jp := action_jp(action)) is not None:
        notes.append(w("agency.jp_of", jp=jp))
    text = w.bank.text(action.text, w.language).strip()
    return f"{text} ({'; '.join(notes)})" if notes else text


def _need_cell(cell: Cell, w: Words) -> ViewCell:
    """ "12 of 40 (30%)" for a group, or withheld."""
    if isinstance(cell, Withheld):
        return w.withheld(cell)
    text = w("agency.of", part=cell.below, whole=cell.n, share=w.share(cell.share_below))
    return ViewCell(text, cell.share_below, "share")


def strengths_section(figures: AgencyFigures, w: Words) -> ViewSection:
    """The behaviours most people already show: share in the highest band."""
    bank = figures.bank
    top = bank.bands[-1]
    section = ViewSection("strengths", w("agency.strengths"))
    section.paragraphs.append(w("agency.strengths_intro", band=bank.text(top.label, w.language)))
    header = [
        w("report.indicator"),
        w("agency.pillar"),
        w("agency.n"),
        w("agency.in_top"),
        w("agency.top_share"),
        w("agency.mean"),
    ]
    rows = []
    for row in strengths(figures):
        cell = row.agency
        assert isinstance(cell, Figures)
        rows.append(
            [
                w.text(w.measure(f"indicator.{row.indicator}")),
                w.text(w.pillar(row.pillar)),
                ViewCell(str(cell.n), cell.n, "count"),
                ViewCell(str(cell.top), cell.top, "count"),
                ViewCell(w.share(cell.share_top), cell.share_top, "share"),
                w.mean_cell(cell),
            ]
        )
    if not rows:
        section.paragraphs.append(w("agency.strengths_none", band=bank.text(top.label, w.language)))
    section.tables.append(ViewTable("strengths", w("agency.table.strengths"), header, rows))
    return section


def group_names(groups: list[Group], w: Words) -> list[str]:
    """The names of ``groups`` as the report shows them."""
    return [w.group(group) for group in groups]
