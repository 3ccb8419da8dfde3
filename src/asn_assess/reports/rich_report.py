"""The result report for the terminal, as a Rich renderable: an overall panel, a panel
per pillar with its indicators, and development actions.

Builders return renderables and never print; the CLI decides where they go. Every data
string (bank texts, the respondent's profile) goes in as ``Text``, never as markup.
"""

from __future__ import annotations

from typing import Any, Optional

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from asn_assess.core.documents import IndicatorResult, PillarResult, Result
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank, Pillar
from asn_assess.core.nip import format_nip
from asn_assess.reports.console import BAND_STYLES, score_bar


def _band_style(bank: Bank, band_id: Optional[str]) -> str:
    index = next((i for i, band in enumerate(bank.bands) if band.id == band_id), 0)
    return BAND_STYLES[min(index, len(BAND_STYLES) - 1)]


def _band_label(bank: Bank, band_id: Optional[str], language: str) -> str:
    band = bank.band(band_id) if band_id else None
    return bank.text(band.label, language) if band else "-"


def development_threshold(bank: Bank) -> float:
    """Indicators scoring below this get development actions in the report.

    A bank names its threshold band (``develop_below_band``); without one, every
    indicator below the highest band gets them.
    """
    band = bank.band(bank.develop_below_band) if bank.develop_below_band else None
    return band.min if band else bank.bands[-1].min


def result_report(bank: Bank, result: Result, language: str) -> RenderableType:
    """The whole report: overall score, a panel per pillar, counts. ``ResultError`` when
    the result names a pillar or indicator the bank does not have."""
    from asn_assess.core.scoring import check_result

    check_result(bank, result)
    parts: list[RenderableType] = [_overall_panel(bank, result, language)]
    pillars_by_id = {pillar.id: pillar for pillar in bank.pillars}
    for number, pillar_result in enumerate(result.pillars, start=1):
        pillar = pillars_by_id[pillar_result.id]
        parts.append(_pillar_panel(bank, pillar, pillar_result, number, language))
    skipped = result.overall.total_items - result.overall.answered_items
    parts.append(
        Text(
            t(
                "report.counts",
                language,
                answered=result.overall.answered_items,
                total=result.overall.total_items,
                skipped=skipped,
            )
        )
    )
    parts.append(Text(t("report.note", language), style="dim"))
    return Group(*parts)


def _append_score(
    text: Text, bank: Bank, label: str, value: float, band_id: Optional[str], language: str
) -> None:
    """ "label: 72,5  ██████████████░░░░░░  Cakap", coloured by band."""
    style = _band_style(bank, band_id)
    text.append(f"{label}: ")
    text.append(format_score(value, language), style="bold")
    text.append("  ")
    text.append(score_bar(value), style=style)
    text.append("  ")
    text.append(_band_label(bank, band_id, language), style=style)


def _overall_panel(bank: Bank, result: Result, language: str) -> Panel:
    lines = Text()
    lines.append(bank.text(bank.title, language), style="bold")
    lines.append("\n")
    respondent = result.respondent
    if respondent and (respondent.name or respondent.nip or respondent.unit or respondent.position):
        who = [
            respondent.name,
            format_nip(respondent.nip) if respondent.nip else None,
            respondent.position,
            respondent.unit,
        ]
        lines.append(f"{t('report.respondent', language)}: {', '.join(w for w in who if w)}\n")
    overall = result.overall
    if overall.score is None:
        lines.append(t("report.overall_not_enough", language))
    else:
        _append_score(
            lines, bank, t("report.overall", language), overall.score, overall.band, language
        )
        band = bank.band(overall.band) if overall.band else None
        if band:
            lines.append("\n" + bank.text(band.meaning, language))
    return Panel(lines, title=Text(t("report.title", language)), title_align="left")


def _pillar_panel(
    bank: Bank, pillar: Pillar, pillar_result: PillarResult, number: int, language: str
) -> Panel:
    indicators_by_id = {indicator.id: indicator for indicator in pillar.indicators}
    body: list[RenderableType] = []

    heading = Text()
    if pillar_result.score is None:
        heading.append(
            t(
                "report.pillar_not_enough",
                language,
                scored=pillar_result.scored_indicators,
                total=pillar_result.total_indicators,
            )
        )
    else:
        _append_score(
            heading,
            bank,
            t("report.score", language),
            pillar_result.score,
            pillar_result.band,
            language,
        )
    body.append(heading)

    table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    table.add_column(t("report.indicator", language), overflow="fold", ratio=3)
    table.add_column(t("report.score", language), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column(t("report.band", language), no_wrap=True)
    for indicator_result in pillar_result.indicators:
        indicator = indicators_by_id[indicator_result.id]
        title = bank.text(indicator.title, language)
        if indicator_result.score is None:
            table.add_row(
                Text(title),
                "-",
                score_bar(None, 10),
                t(
                    "report.not_enough",
                    language,
                    answered=indicator_result.answered_items,
                    total=indicator_result.total_items,
                ),
            )
            continue
        style = _band_style(bank, indicator_result.band)
        table.add_row(
            Text(title),
            format_score(indicator_result.score, language),
            Text(score_bar(indicator_result.score, 10), style=style),
            Text(_band_label(bank, indicator_result.band, language), style=style),
        )
    body.append(Text())
    body.append(table)

    extremes = _extremes_text(bank, indicators_by_id, pillar_result.indicators, language)
    if extremes is not None:
        body.append(Text())
        body.append(extremes)

    threshold = development_threshold(bank)
    for indicator_result in pillar_result.indicators:
        if indicator_result.score is None or indicator_result.score >= threshold:
            continue
        indicator = indicators_by_id[indicator_result.id]
        if not indicator.actions:
            continue
        body.append(Text())
        body.append(
            Text(
                t("report.development", language, indicator=bank.text(indicator.title, language)),
                style="bold",
            )
        )
        # A grid keeps wrapped action text indented under its own bullet.
        actions = Table.grid(padding=(0, 1))
        actions.add_column(no_wrap=True)
        actions.add_column(no_wrap=True, style="italic")
        actions.add_column(overflow="fold")
        for action in indicator.actions:
            actions.add_row(
                " -",
                Text(t("action." + action.kind, language)),
                Text(bank.text(action.text, language)),
            )
        body.append(actions)

    title = f"{t('report.pillar', language, number=number)}: {bank.text(pillar.title, language)}"
    return Panel(Group(*body), title=Text(title), title_align="left")


def _extremes_text(
    bank: Bank, indicators_by_id: dict[str, Any], results: list[IndicatorResult], language: str
) -> Optional[Text]:
    scored = [(r.score, r) for r in results if r.score is not None]
    if len(scored) < 2:
        return None
    best = max(scored, key=lambda pair: pair[0])
    worst = min(scored, key=lambda pair: pair[0])
    if best[0] == worst[0]:
        return Text(t("report.all_equal", language))

    def name(pair: tuple[float, IndicatorResult]) -> str:
        title = bank.text(indicators_by_id[pair[1].id].title, language)
        return f"{title} ({format_score(pair[0], language)})"

    text = Text()
    text.append(f"{t('report.strongest', language)}: ", style="bold")
    text.append(name(best) + "\n")
    text.append(f"{t('report.weakest', language)}: ", style="bold")
    text.append(name(worst))
    return text


def report_text(bank: Bank, result: Result, language: str = "id", width: int = 100) -> str:
    """The whole report as plain text, e.g. to save or to show in a notebook."""
    from asn_assess.reports.console import render_text

    return render_text(result_report(bank, result, language), width)
