"""What `asn-assess bank panel analyze` reports, in every format.

People's formats (terminal, Markdown, HTML) draw a view of headings, sentences and
tables with the renderers of `analyze` (``analysis_render``); JSON writes the
``PanelAnalysis`` itself, CSV one row per option with its item's best, worst and
reasons, text cells made safe for spreadsheets.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any, Optional

from asn_assess.core.files import spreadsheet_safe
from asn_assess.core.i18n import format_score, t
from asn_assess.panel.agreement import (
    LOW_AGREEMENT,
    RECOMMENDED_RATERS,
    ItemFigures,
    PanelAnalysis,
)
from asn_assess.reports.analysis_view import AnalysisView, ViewSection, ViewTable, number


def reason_text(item: ItemFigures, reason: str, cutoff: float, language: str) -> str:
    """Why ``item`` is to be discussed, in a phrase."""
    values: dict[str, Any] = {"cutoff": format_score(cutoff, language, 2)}
    if reason == LOW_AGREEMENT:
        values["options"] = ", ".join(o.option for o in item.options if o.agrees is False)
    elif reason == "best-differs":
        values.update(panel=item.panel_best, bank=item.bank_best)
    elif reason == "worst-differs":
        values.update(panel=item.panel_worst, bank=item.bank_worst)
    return t(f"panel.reason.{reason}", language, **values)


def panel_view(analysis: PanelAnalysis, language: str) -> AnalysisView:
    """The report in ``language``."""
    cutoff = format_score(analysis.agreement_cutoff, language, 2)
    lines = [
        t(
            "panel.report.counts",
            language,
            raters=len(analysis.raters),
            ratings=analysis.ratings,
            items=len(analysis.items),
        ),
        t("panel.report.agreement", language, cutoff=cutoff),
    ]
    if len(analysis.raters) < RECOMMENDED_RATERS[0]:
        lines.append(t("panel.report.small_panel", language))
    disputed = analysis.disputed
    discuss = ViewSection(t("panel.report.disputed", language, count=len(disputed)))
    if disputed:
        discuss.bullets = [
            f"{item.item}: "
            + "; ".join(
                reason_text(item, r, analysis.agreement_cutoff, language) for r in item.reasons
            )
            for item in disputed
        ]
    else:
        discuss.lines = [t("panel.report.none_disputed", language)]

    def column(key: str) -> str:
        return t(f"panel.report.column.{key}", language)

    summary = ViewTable(
        [
            t("panel.column.item", language),
            column("bank_best"),
            column("panel_best"),
            column("bank_worst"),
            column("panel_worst"),
            column("discuss"),
        ],
        [
            [
                item.item,
                item.bank_best,
                item.panel_best or "-",
                item.bank_worst,
                item.panel_worst or "-",
                t("panel.report.yes", language) if item.reasons else "",
            ]
            for item in analysis.items
        ],
        whole={0},
    )
    options = ViewTable(
        [
            t("panel.column.item", language),
            t("panel.column.option", language),
            column("n"),
            column("mean"),
            column("sd"),
            column("rwg"),
            column("bank_score"),
            column("proposed"),
        ],
        [
            [
                item.item,
                o.option,
                str(o.n),
                number(o.mean, language),
                number(o.sd, language),
                number(o.rwg, language),
                str(o.bank_score),
                "-" if o.proposed_score is None else str(o.proposed_score),
            ]
            for item in analysis.items
            for o in item.options
        ],
        numeric={2, 3, 4, 5, 6, 7},
        whole={0, 1},
    )
    sections = [
        discuss,
        ViewSection(t("panel.report.items", language), tables=[summary]),
        ViewSection(t("panel.report.options", language), tables=[options]),
    ]
    if analysis.not_rated:
        sections.append(
            ViewSection(
                t("panel.report.not_rated", language, count=len(analysis.not_rated)),
                lines=[", ".join(analysis.not_rated)],
            )
        )
    title = t("panel.report.title", language, bank=analysis.bank, version=analysis.version)
    return AnalysisView(title, lines, sections)


def panel_json(analysis: PanelAnalysis) -> str:
    """The analysis as indented JSON, with the items to discuss and the proposals."""
    data = dataclasses.asdict(analysis)
    data["disputed"] = [item.item for item in analysis.disputed]
    data["proposed_keys"] = analysis.proposals()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "item",
    "option",
    "n",
    "mean",
    "sd",
    "rwg",
    "agrees",
    "bank_score",
    "proposed_score",
    "bank_best",
    "panel_best",
    "bank_worst",
    "panel_worst",
    "reasons",
)


def panel_csv(analysis: PanelAnalysis) -> str:
    """One row per option (``CSV_COLUMNS``); ``reasons`` joined by ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in analysis.items:
        for o in item.options:
            writer.writerow(
                [
                    spreadsheet_safe(item.item),
                    spreadsheet_safe(o.option),
                    o.n,
                    _cell(o.mean),
                    _cell(o.sd),
                    _cell(o.rwg),
                    "" if o.agrees is None else str(o.agrees).lower(),
                    o.bank_score,
                    "" if o.proposed_score is None else o.proposed_score,
                    spreadsheet_safe(item.bank_best),
                    spreadsheet_safe(item.panel_best or ""),
                    spreadsheet_safe(item.bank_worst),
                    spreadsheet_safe(item.panel_worst or ""),
                    ";".join(item.reasons),
                ]
            )
    return out.getvalue()


def _cell(value: Optional[float]) -> str:
    return "" if value is None else repr(round(value, 6))
