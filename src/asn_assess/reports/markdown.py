"""The report as Markdown (``--format md``): headings, lists and tables for documents
and wikis. Every text is escaped, so a respondent named ``<script>`` or a bank label
``[bold]x[/]`` shows as written in any CommonMark renderer instead of turning into HTML,
a link or emphasis."""

from __future__ import annotations

import re

from asn_assess.core.printable import printable
from asn_assess.reports.action_lines import ActionLine
from asn_assess.reports.formatting import ChangeText, Level
from asn_assess.reports.report_data import ReportData

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LIST_START = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` on one line with every Markdown-significant character escaped and
    every control character removed."""
    text = _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))
    text = _LIST_START.sub(r"\1\\\2", text)
    if text[:1] in ("-", "+", "="):
        text = "\\" + text
    return text


def _level(level: Level) -> str:
    if level.score is None:
        return escape(level.label)
    return f"{escape(level.shown)} ({escape(level.label)})"


def _change(change: ChangeText | None) -> str:
    return f"{change.arrow} {escape(change.text)}" if change else ""


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _actions(actions: list[ActionLine]) -> list[str]:
    lines = []
    for action in actions:
        label = escape(action.kind_label)
        if action.details:
            label += f" ({escape(action.details)})"
        lines.append(f"- *{label}*: {escape(action.text)}")
    return lines


def value_profile_lines(data: ReportData) -> list[str]:
    """The core-value profile as a section with a table; none without one."""
    profile = data.values
    if profile is None:
        return []
    t = data.t
    out = ["", f"## {escape(profile.title)}", "", escape(profile.intro), ""]
    header = [t("values.value"), t("report.score"), t("report.band"), t("export.answered")]
    out += [_row(*map(escape, header)), _row("---", "---:", "---", "---:")]
    for line in profile.lines:
        answered = t("export.answered_of", answered=line.answered, total=line.total)
        cells = [line.title, line.level.shown, line.level.label, answered]
        out.append(_row(*map(escape, cells)))
    return [*out, "", f"*{escape(profile.disclaimer)}*"]


def render_markdown(data: ReportData, all_actions: bool = False) -> str:
    """The whole report as Markdown; ``all_actions`` adds every development action."""
    t = data.t
    out = [f"# {escape(data.bank_title)}", ""]
    out.append(f"- {escape(t('export.bank'))}: {escape(data.bank_id)}, {escape(data.version_text)}")
    out.append(f"- {escape(t('export.date'))}: {escape(data.date_text)}")
    if data.respondent_text:
        out.append(f"- {escape(t('report.respondent'))}: {escape(data.respondent_text)}")
    if data.role_text:
        out.append(f"- {escape(t('export.role'))}: {escape(data.role_text)}")
    out += ["", f"## {escape(t('export.summary'))}", ""]
    overall = f"**{escape(t('report.overall'))}: {_level(data.overall)}**"
    if data.overall.score is None:
        overall = f"**{escape(data.overall.label)}**"
    if data.overall_change:
        overall += f" {_change(data.overall_change)}"
    out.append(overall)
    if data.overall_meaning:
        out += ["", escape(data.overall_meaning)]
    if data.change_title:
        out += ["", f"*{escape(data.change_title)}*"]
    change_column = any(p.change for p in data.pillars)
    header = [escape(t("export.pillars")), escape(t("report.score")), escape(t("report.band"))]
    out += ["", _row(*header, *([escape(t("compare.change"))] if change_column else []))]
    out.append(_row("---", "---:", "---", *(["---"] if change_column else [])))
    for pillar in data.pillars:
        cells = [f"{pillar.number}. {escape(pillar.title)}", escape(pillar.level.shown)]
        cells.append(escape(pillar.level.label))
        out.append(_row(*cells, *([_change(pillar.change)] if change_column else [])))
    out += ["", f"### {escape(t('export.weakest_first'))}", ""]
    out.append(
        _row(escape(t("report.indicator")), escape(t("report.score")), escape(t("report.band")))
    )
    out.append(_row("---", "---:", "---"))
    for line in data.weakest_first:
        out.append(_row(escape(line.title), escape(line.level.shown), escape(line.level.label)))
    out += ["", f"{escape(t('export.legend'))}: {escape(data.legend_text)}"]

    out += ["", f"## {escape(t('plan.title'))}", "", escape(data.plan_intro)]
    for entry in data.plan:
        out += ["", f"### {entry.number}. {escape(entry.title)} ({escape(entry.pillar_title)})", ""]
        out.append(escape(entry.why))
        if entry.reasons:
            out += ["", escape(t("plan.reasons")), ""]
            for reason in entry.reasons:
                if reason.situational:
                    chose = escape(t("plan.you_chose", answer=f"“{reason.answer}”"))
                    out.append(
                        f"- {escape(t('plan.situation'))}: {escape(reason.statement)} *{chose}*"
                    )
                    if reason.rationale:
                        out.append(f"  {escape(t('plan.better'))}: {escape(reason.rationale)}")
                else:
                    answer = escape(t("plan.your_answer", answer=reason.answer))
                    out.append(f"- “{escape(reason.statement)}” *({answer})*")
        out += ["", escape(t("plan.actions")), ""]
        out += _actions(entry.actions) or [escape(t("plan.no_actions"))]
    if data.jp_note:
        out += ["", f"*{escape(data.jp_note)}*"]

    out += ["", f"## {escape(t('export.details'))}"]
    for pillar in data.pillars:
        out += ["", f"### {escape(pillar.heading)}: {_level(pillar.level)}", ""]
        out.append(
            _row(
                escape(t("report.indicator")),
                escape(t("report.score")),
                escape(t("report.band")),
                escape(t("export.answered")),
            )
        )
        out.append(_row("---", "---:", "---", "---:"))
        for line in pillar.indicators:
            answered = t("export.answered_of", answered=line.answered, total=line.total)
            out.append(
                _row(
                    escape(line.title),
                    escape(line.level.shown),
                    escape(line.level.label),
                    escape(answered),
                )
            )
        if pillar.extremes:
            out += ["", *[f"- {escape(extreme)}" for extreme in pillar.extremes]]
    out += value_profile_lines(data)

    if all_actions:
        out += ["", f"## {escape(t('plan.all_actions'))}"]
        if not data.all_actions:
            out += ["", escape(t("plan.all_actions_none"))]
        for title, actions in data.all_actions:
            out += ["", f"### {escape(title)}", "", *_actions(actions)]
    out += ["", "---", "", escape(data.counts_text)]
    for note in data.notes:
        out += ["", f"## {escape(note.title)}", "", *[f"- {escape(line)}" for line in note.lines]]
        out += ["", f"*{escape(note.footer)}*"]
    out += ["", f"*{escape(data.note)}*"]
    return printable("\n".join(out) + "\n")
