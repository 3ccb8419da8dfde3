"""The agency report as data: a CSV of every figure (one row per group and measure, to
sort, filter and chart in a spreadsheet) and a JSON document of the whole report.

Both are made from ``agency.figures`` directly. A withheld figure is an empty cell (CSV)
or null (JSON) with its reason code (``few`` or ``complement``) in ``withheld``; no
withheld number is in either.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Optional, Union

from asn_assess.agency.api import AgencyReport
from asn_assess.agency.figures import POOL, AgencyFigures, Cell, Figures, Group, Spread, Withheld
from asn_assess.agency.needs import action_jp, ranked_needs, strengths
from asn_assess.agency.trend import Change
from asn_assess.core.files import spreadsheet_safe
from asn_assess.reports.agency_words import Words

SCHEMA_VERSION = 1

Value = Union[str, int, float, bool, None]


def figure_columns(figures: AgencyFigures) -> list[str]:
    """The CSV's columns."""
    bands = [f"band.{band.id}" for band in figures.bank.bands]
    return [
        "group_type",
        "group_id",
        "group",
        "measure",
        "title",
        "n",
        "mean",
        "median",
        "sd",
        "below",
        "share_below",
        "top_band",
        "share_top",
        *bands,
        "withheld",
        "previous_mean",
        "change",
        "beyond_error",
    ]


def figure_rows(report: AgencyReport, language: str) -> list[dict[str, Value]]:
    """One row per (group, measure): the agency on every measure, each unit and role on
    every indicator, and each group's respondents."""
    figures = report.current.figures
    w = Words(figures.bank, language)
    changes = _changes(report)
    rows: list[dict[str, Value]] = []

    def add(
        kind: str, key: str, name: str, measure: str, cell: Cell, spread: Optional[Spread] = None
    ) -> None:
        row: dict[str, Value] = {
            "group_type": kind,
            "group_id": key,
            "group": name,
            "measure": measure,
            "title": w.measure(measure),
        }
        row.update(_cell_values(figures, cell))
        if spread is not None and isinstance(cell, Figures):
            row["median"] = spread.median
        change = changes.get((kind, key, measure))
        if change is not None and change.delta is not None:
            assert isinstance(change.before, Figures)
            row["previous_mean"] = change.before.mean
            row["change"] = change.delta
            row["beyond_error"] = change.beyond_error
        rows.append(row)

    agency = w("agency.agency")
    title = w("agency.respondents")
    rows.append(_count_row("agency", "agency", agency, title, figures.respondents))
    for group in [*figures.units, *figures.roles]:
        rows.append(
            _count_row(group.kind, _group_id(group), w.group(group), title, group.respondents)
        )
    for spread in figures.spreads:
        add("agency", "agency", agency, spread.measure, spread.figures, spread)
    for row in figures.indicators:
        add("agency", "agency", agency, f"indicator.{row.indicator}", row.agency)
    for spread in figures.values:
        add("agency", "agency", agency, spread.measure, spread.figures, spread)
    for kind, groups in (("units", figures.units), ("roles", figures.roles)):
        for group in groups:
            for row in figures.indicators:
                cell = getattr(row, kind)[group.key]
                add(
                    group.kind, _group_id(group), w.group(group), f"indicator.{row.indicator}", cell
                )
    return rows


def _group_id(group: Group) -> str:
    return "pool" if group.key == POOL else group.key


def _count_row(
    kind: str, key: str, name: str, title: str, count: Union[int, Withheld]
) -> dict[str, Value]:
    withheld = count.reason if isinstance(count, Withheld) else None
    return {
        "group_type": kind,
        "group_id": key,
        "group": name,
        "measure": "respondents",
        "title": title,
        "n": None if withheld else count,  # type: ignore[dict-item]
        "withheld": withheld,
    }


def _cell_values(figures: AgencyFigures, cell: Cell) -> dict[str, Value]:
    if isinstance(cell, Withheld):
        return {"withheld": cell.reason}
    values: dict[str, Value] = {
        "n": cell.n,
        "mean": cell.mean,
        "sd": cell.sd,
        "below": cell.below,
        "share_below": cell.share_below,
        "top_band": cell.top,
        "share_top": cell.share_top,
    }
    for band, count in zip(figures.bank.bands, cell.bands, strict=True):
        values[f"band.{band.id}"] = count
    return values


def _changes(report: AgencyReport) -> dict[tuple[str, str, str], Change]:
    found = report.trend
    if found is None or found.why_not is not None:
        return {}
    changes = {("agency", "agency", c.measure): c for c in found.agency}
    for unit, unit_changes in found.units.items():
        kind = "pool" if unit == POOL else "unit"
        key = "pool" if unit == POOL else unit
        changes.update({(kind, key, c.measure): c for c in unit_changes})
    return changes


def render_agency_csv(report: AgencyReport, language: str) -> str:
    """Every figure as CSV (CRLF line ends, as spreadsheets write them); text cells
    that would start a formula get a leading ``'``."""
    columns = figure_columns(report.current.figures)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in figure_rows(report, language):
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return spreadsheet_safe(value)


def agency_document(report: AgencyReport, language: str) -> dict[str, Any]:
    """The whole report as one JSON-ready document."""
    current = report.current
    figures = current.figures
    bank = figures.bank
    w = Words(bank, language)
    counts = current.counts
    needs = []
    for need in ranked_needs(figures):
        needs.append(
            {
                "rank": need.rank,
                "indicator": need.row.indicator,
                "title": w.measure(f"indicator.{need.row.indicator}"),
                "pillar": need.row.pillar,
                "n": need.figures.n,
                "below": need.figures.below,
                "share_below": need.figures.share_below,
                "jp": need.jp,
                "training": [
                    {"text": bank.text(a.text, language), "jp": action_jp(a)} for a in need.training
                ],
            }
        )
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "bank": {"id": bank.id, "version": bank.version},
        "language": language,
        "min_group": figures.min_group,
        "by": figures.by,
        "development_threshold": bank.development_threshold,
        "rows": {
            "read": counts.read,
            "scored": counts.scored,
            "rejected": counts.rejected,
            "set_aside": current.set_aside,
            "ratings_of_others": current.ratings_of_others,
        },
        "respondents": figures.respondents,
        "incomplete": figures.incomplete,
        "figures": figure_rows(report, language),
        "histograms": {
            spread.measure: [{"from": b.low, "to": b.high, "people": b.people} for b in spread.bins]
            for spread in figures.spreads
            if spread.bins
        },
        "training_needs": needs,
        "strengths": [
            {
                "indicator": row.indicator,
                "title": w.measure(f"indicator.{row.indicator}"),
                "n": row.agency.n,
                "top_band": row.agency.top,
                "share_top": row.agency.share_top,
            }
            for row in strengths(figures)
            if isinstance(row.agency, Figures)
        ],
        "trend": _trend_document(report),
    }
    return document


def _trend_document(report: AgencyReport) -> Optional[dict[str, Any]]:
    found = report.trend
    if found is None or report.previous is None:
        return None
    previous = report.previous
    return {
        "comparable": found.why_not is None,
        "why_not": found.why_not,
        "previous": {
            "bank": {"id": previous.figures.bank.id, "version": previous.figures.bank.version},
            "read": previous.counts.read,
            "respondents": previous.figures.respondents,
        },
        "measurement_error": found.measurement_error,
        "apart": found.apart,
    }


def render_agency_json(report: AgencyReport, language: str) -> str:
    """The document as indented JSON text."""
    return json.dumps(agency_document(report, language), ensure_ascii=False, indent=2) + "\n"
