"""The result report for the terminal, as a Rich renderable.

First screen: the summary (bank, version, date, respondent, overall score and band,
the pillars, every indicator from the weakest up, the band legend), one line per fact so
that it fits 80x24. Then the overall meaning, the development plan, the detail per
pillar, and with ``all_actions`` every development action.

Builders return renderables and never print; the CLI decides where they go. Every data
string (bank texts, the respondent's profile) goes in as ``Text``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from asn_assess.core.documents import Result
from asn_assess.core.models import Bank
from asn_assess.reports.action_lines import ActionLine
from asn_assess.reports.compare import Comparison
from asn_assess.reports.console import BAND_STYLES, MAX_WIDTH, ByWidth, score_bar
from asn_assess.reports.formatting import ChangeText, Level
from asn_assess.reports.plan import development_threshold
from asn_assess.reports.report_data import (
    PillarSection,
    PlanEntry,
    ReportData,
    build_report,
)

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference

__all__ = ["development_threshold", "report_renderable", "report_text", "result_report"]

CHANGE_STYLES = {"up": "green", "down": "red", "same": "dim", "none": "dim"}
SUMMARY_ROWS = 19
"""Rows of the first screen's table (the pillars, the heading above the indicators, the
indicators) that fit 24 lines beside the title, two lines saying who and when, the
overall score and the legend. A bank with more indicators leaves the heading out; the
pillar number before each indicator still tells them from the pillars."""

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference


def _style(level: Level) -> str:
    if level.rank < 0:
        return "dim"
    return BAND_STYLES[min(level.rank, len(BAND_STYLES) - 1)]


def _change(change: Optional[ChangeText]) -> Text:
    if change is None:
        return Text("")
    return Text(f"{change.arrow} {change.text}", style=CHANGE_STYLES[change.direction])


def _one_line(text: str, style: str = "") -> Table:
    """A line that never wraps: cut with an ellipsis when the screen is narrower."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, overflow="ellipsis")
    grid.add_row(Text(text, style=style))
    return grid


def summary(data: ReportData) -> RenderableType:
    """The first screen: one line per fact."""
    meta = [data.version_text, data.date_text]
    if data.respondent_text:
        meta.append(data.respondent_text)
    overall = Text()
    if data.overall.score is None:
        overall.append(data.overall.label)  # says itself that the overall score is missing
    else:
        overall.append(f"{data.t('report.overall')}: ", style="bold")
        overall.append(data.overall.shown, style="bold")
        overall.append("  ")
        overall.append(score_bar(data.overall.score), style=_style(data.overall))
        overall.append("  ")
        overall.append(data.overall.label, style=_style(data.overall))
        if data.overall_change:
            overall.append("  ")
            overall.append_text(_change(data.overall_change))

    lines: list[RenderableType] = [
        _one_line(data.bank_title, "bold"),
        Text(" · ".join(meta)),  # wraps rather than hide who it is about
        overall,
        ByWidth(_summary_table(data, narrow=False), _summary_table(data, narrow=True)),
        _one_line(data.legend_text, "dim"),
    ]
    if data.change_title:
        lines.append(_one_line(f"▲▼ {data.change_title}", "dim"))
    return Group(*lines)


def _summary_table(data: ReportData, narrow: bool) -> Table:
    """Pillars, then indicators from the weakest up: title, score, bar, band, change.
    ``narrow``: without the bar and the change, the band on as many lines as needed."""
    table = Table.grid(padding=(0, 1))
    table.add_column(
        no_wrap=not narrow, overflow="ellipsis" if not narrow else "fold", min_width=12
    )
    table.add_column(no_wrap=True, justify="right", min_width=5)  # a score is never cut
    if not narrow:
        table.add_column(no_wrap=True, min_width=10)
    table.add_column(no_wrap=not narrow, overflow="ellipsis" if not narrow else "fold")
    if not narrow:
        table.add_column(no_wrap=True)
    for pillar in data.pillars:
        change = [] if narrow else [_change(pillar.change)]
        title = Text(f"{pillar.number} {pillar.title}", style="bold")
        table.add_row(title, *_score_cells(pillar.level, bar=not narrow), *change)
    if len(data.pillars) + 1 + len(data.weakest_first) <= SUMMARY_ROWS:
        heading = Text("  " + data.t("export.weakest_first") + ":", style="bold")
        table.add_row(heading, *[""] * (len(table.columns) - 1))
    for line in data.weakest_first:
        cells = _score_cells(line.level, bar=not narrow)
        table.add_row(Text(f"{line.pillar_number} {line.title}"), *cells, *([] if narrow else [""]))
    return table


def _score_cells(level: Level, bar: bool = True) -> tuple[Text, ...]:
    """Score, bar (unless ``bar`` is False) and band of ``level``."""
    style = _style(level)
    if level.score is None:
        cells = (Text("-"), Text(score_bar(None, 10), style="dim"), Text(level.label, style="dim"))
    else:
        cells = (
            Text(level.shown),
            Text(score_bar(level.score, 10), style=style),
            Text(level.label, style=style),
        )
    return cells if bar else (cells[0], cells[2])


def _bullets(rows: list[tuple[str, Text]]) -> Table:
    """A list whose wrapped lines stay indented under their own bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for bullet, text in rows:
        grid.add_row(bullet, text)
    return grid


def _action_rows(actions: list[ActionLine]) -> list[tuple[str, Text]]:
    rows = []
    for action in actions:
        text = Text()
        text.append(action.kind_label, style="italic")
        if action.details:
            text.append(f" ({action.details})", style="italic")
        text.append(": ")
        text.append(action.text)
        rows.append(("-", text))
    return rows


def plan_entry(data: ReportData, entry: PlanEntry) -> RenderableType:
    """One focus indicator: why it was chosen, and one step of each kind."""
    heading = Text()
    heading.append(f"{entry.number}. {entry.title}", style="bold")
    heading.append(f" ({entry.pillar_title})")
    body: list[RenderableType] = [Text(entry.why)]
    if entry.reasons:
        reasons = []
        for reason in entry.reasons:
            text = Text()
            if reason.situational:
                text.append(f"{data.t('plan.situation')}: {reason.statement} ")
                chose = data.t("plan.you_chose", answer=f"“{reason.answer}”")
                text.append(f"({chose})", style="italic")
                if reason.rationale:
                    text.append(f"\n{data.t('plan.better')}: {reason.rationale}")
            else:
                text.append(f"“{reason.statement}” ")
                text.append(f"({data.t('plan.your_answer', answer=reason.answer)})", style="italic")
            reasons.append(("-", text))
        body += [Text(data.t("plan.reasons")), _bullets(reasons)]
    if entry.actions:
        body += [Text(data.t("plan.actions")), _bullets(_action_rows(entry.actions))]
    else:
        body.append(Text(data.t("plan.no_actions")))
    return Group(heading, _indented(Group(*body)))


def _indented(renderable: RenderableType) -> Table:
    grid = Table.grid()
    grid.add_column(width=3, no_wrap=True)
    grid.add_column()
    grid.add_row("", renderable)
    return grid


def pillar_detail(data: ReportData, number: int) -> RenderableType:
    """One pillar: its score, its indicators in bank order, strongest and weakest."""
    pillar = data.pillars[number - 1]
    heading = Text()
    heading.append(pillar.heading, style="bold")
    heading.append("  ")
    if pillar.level.score is None:
        heading.append(pillar.level.label)
    else:
        heading.append(pillar.level.shown, style="bold")
        heading.append(" ")
        heading.append(pillar.level.label, style=_style(pillar.level))
    table = ByWidth(_indicator_table(data, pillar, False), _indicator_table(data, pillar, True))
    parts: list[RenderableType] = [heading, table]
    parts += [Text(line) for line in pillar.extremes]
    return Group(*parts)


def _indicator_table(data: ReportData, pillar: PillarSection, narrow: bool) -> Table:
    """A pillar's indicators: title, score, bar, band and questions answered;
    ``narrow``: title, score and band only, so that no title is cut letter by letter."""
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(data.t("report.indicator"), overflow="fold", ratio=3)
    table.add_column(data.t("report.score"), justify="right", no_wrap=True)
    if not narrow:
        table.add_column("", no_wrap=True)
    table.add_column(data.t("report.band"), overflow="fold", ratio=2 if narrow else None)
    if not narrow:
        table.add_column(data.t("export.answered"), no_wrap=True, justify="right")
    for line in pillar.indicators:
        cells = [Text(line.title), *_score_cells(line.level, bar=not narrow)]
        if not narrow:
            cells.append(
                Text(data.t("export.answered_of", answered=line.answered, total=line.total))
            )
        table.add_row(*cells)
    return table


def value_profile(data: ReportData) -> Optional[RenderableType]:
    """The core-value profile: heading, one row per value, and what it is not."""
    profile = data.values
    if profile is None:
        return None

    def table(narrow: bool) -> Table:
        grid = Table(box=None, pad_edge=False, show_edge=False)
        grid.add_column(data.t("values.value"), overflow="fold", ratio=3)
        grid.add_column(data.t("report.score"), justify="right", no_wrap=True)
        if not narrow:
            grid.add_column("", no_wrap=True)
        grid.add_column(data.t("report.band"), overflow="fold", ratio=2 if narrow else None)
        if not narrow:
            grid.add_column(data.t("export.answered"), no_wrap=True, justify="right")
        for line in profile.lines:
            cells = [Text(line.title), *_score_cells(line.level, bar=not narrow)]
            if not narrow:
                answered = data.t("export.answered_of", answered=line.answered, total=line.total)
                cells.append(Text(answered))
            grid.add_row(*cells)
        return grid

    return Group(
        Rule(Text(profile.title), align="left"),
        Text(profile.intro),
        ByWidth(table(narrow=False), table(narrow=True)),
        Text(profile.disclaimer, style="dim"),
    )


def report_renderable(data: ReportData, all_actions: bool = False) -> RenderableType:
    """The whole report of ``data`` for the terminal, at most ``MAX_WIDTH`` wide."""
    parts: list[RenderableType] = [summary(data)]
    if data.overall_meaning:
        parts += [Text(), Text(data.overall_meaning)]
    parts += [Text(), Rule(Text(data.t("plan.title")), align="left"), Text(data.plan_intro)]
    for entry in data.plan:
        parts += [Text(), plan_entry(data, entry)]
    if data.jp_note:
        parts += [Text(), Text(data.jp_note, style="dim")]
    parts += [Text(), Rule(Text(data.t("export.details")), align="left")]
    for pillar in data.pillars:
        parts += [pillar_detail(data, pillar.number), Text()]
    profile = value_profile(data)
    if profile is not None:
        parts += [profile, Text()]
    if all_actions:
        parts.append(Rule(Text(data.t("plan.all_actions")), align="left"))
        if not data.all_actions:
            parts.append(Text(data.t("plan.all_actions_none")))
        for title, actions in data.all_actions:
            parts += [Text(title, style="bold"), _bullets(_action_rows(actions)), Text()]
    elif data.all_actions:
        parts.append(Text(data.t("plan.all_actions_hint"), style="dim"))
    parts.append(Text(data.counts_text))
    for note in data.notes:
        lines = [Text(), Text(note.title, style="bold yellow")]
        lines += [Text(f" - {line}") for line in note.lines]
        parts += [*lines, Text(note.footer, style="dim")]
    parts.append(Text(data.note, style="dim"))
    return Constrain(Group(*parts), width=MAX_WIDTH)


def result_report(
    bank: Bank,
    result: Result,
    language: str,
    all_actions: bool = False,
    comparison: Optional[Comparison] = None,
    norm: Optional[NormReference] = None,
) -> RenderableType:
    """The whole report of ``result`` as a Rich renderable; with ``norm``, where each
    score stands among colleagues."""
    data = build_report(bank, result, language, comparison, norm)
    return report_renderable(data, all_actions)


def report_text(
    bank: Bank,
    result: Result,
    language: str = "id",
    width: int = 100,
    norm: Optional[NormReference] = None,
) -> str:
    """The whole report as plain text without colour or box drawing (``--format
    text``), e.g. to save, paste into a message or show in a notebook."""
    from asn_assess.reports.text import render_text

    return render_text(build_report(bank, result, language, norm=norm), width)
