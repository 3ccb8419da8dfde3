"""The report as plain text (``--format text``): no colour, no box drawing, no column
alignment that a proportional font would break, so it can be pasted into WhatsApp, an
e-mail or a Word document. Lines are wrapped at ``width`` with hanging indents."""

from __future__ import annotations

import textwrap

from asn_assess.core.printable import printable
from asn_assess.reports.action_lines import ActionLine
from asn_assess.reports.formatting import ChangeText, Level
from asn_assess.reports.report_data import ReportData


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped at ``width`` with a first-line and a hanging indent (its
    control characters removed first, so they neither count nor reach the reader)."""
    wrapped = textwrap.wrap(
        printable(text),
        width=width,
        initial_indent=first,
        subsequent_indent=rest or " " * len(first),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [first.rstrip()]


def _level(level: Level) -> str:
    return f"{level.shown} ({level.label})" if level.score is not None else level.label


def _change(change: ChangeText | None) -> str:
    return f" {change.arrow} {change.text}" if change else ""


def _heading(text: str) -> list[str]:
    return ["", text.upper(), ""]


def _actions(actions: list[ActionLine], width: int, indent: str) -> list[str]:
    lines = []
    for action in actions:
        label = action.kind_label + (f" ({action.details})" if action.details else "")
        lines += wrap(f"{label}: {action.text}", width, indent + "- ", indent + "  ")
    return lines


def value_profile_lines(data: ReportData, width: int) -> list[str]:
    """The core-value profile (heading, one line per value, what it is not); none
    without one."""
    profile = data.values
    if profile is None:
        return []
    out = _heading(profile.title)[1:]
    out += wrap(profile.intro, width)
    for line in profile.lines:
        answered = data.t("export.answered_of", answered=line.answered, total=line.total)
        text = f"{line.title}: {_level(line.level)}, {data.t('export.answered').lower()} {answered}"
        out += wrap(text, width, "- ", "  ")
    out += wrap(profile.disclaimer, width)
    return [*out, ""]


def render_text(data: ReportData, width: int = 80, all_actions: bool = False) -> str:
    """The whole report as plain text, ``width`` columns wide; ``all_actions`` adds
    every development action of every indicator below the threshold."""
    out: list[str] = []
    out += wrap(data.bank_title, width)
    meta = [data.version_text, data.date_text]
    out += wrap(" · ".join(meta), width)
    if data.respondent_text:
        out += wrap(f"{data.t('report.respondent')}: {data.respondent_text}", width)
    if data.role_text:
        out += wrap(f"{data.t('export.role')}: {data.role_text}", width)
    out.append("")
    if data.overall.score is None:
        out += wrap(data.overall.label, width)
    else:
        overall = f"{data.t('report.overall')}: {_level(data.overall)}"
        out += wrap(overall + _change(data.overall_change), width)
    if data.overall_meaning:
        out += wrap(data.overall_meaning, width)
    if data.change_title:
        out += ["", *wrap(data.change_title + ":", width)]
    out += ["", data.t("export.pillars") + ":"]
    for pillar in data.pillars:
        text = f"{pillar.number}. {pillar.title}: {_level(pillar.level)}{_change(pillar.change)}"
        out += wrap(text, width, "", "   ")
    out += ["", data.t("export.weakest_first") + ":"]
    for line in data.weakest_first:
        out += wrap(f"{line.title}: {_level(line.level)}", width, "- ", "  ")
    out += ["", *wrap(f"{data.t('export.legend')}: {data.legend_text}", width)]

    out += _heading(data.t("plan.title"))
    out += wrap(data.plan_intro, width)
    for entry in data.plan:
        out += ["", *wrap(f"{entry.number}. {entry.title} ({entry.pillar_title})", width)]
        out += wrap(entry.why, width, "   ")
        if entry.reasons:
            out += wrap(data.t("plan.reasons"), width, "   ")
            for reason in entry.reasons:
                if reason.situational:
                    text = (
                        f"{data.t('plan.situation')}: {reason.statement} "
                        f"({data.t('plan.you_chose', answer='“' + reason.answer + '”')})"
                    )
                    out += wrap(text, width, "   - ", "     ")
                    if reason.rationale:
                        out += wrap(f"{data.t('plan.better')}: {reason.rationale}", width, "     ")
                else:
                    text = (
                        f"“{reason.statement}” ({data.t('plan.your_answer', answer=reason.answer)})"
                    )
                    out += wrap(text, width, "   - ", "     ")
        if entry.actions:
            out += wrap(data.t("plan.actions"), width, "   ")
            out += _actions(entry.actions, width, "   ")
        else:
            out += wrap(data.t("plan.no_actions"), width, "   ")
    if data.jp_note:
        out += ["", *wrap(data.jp_note, width)]

    out += _heading(data.t("export.details"))
    for pillar in data.pillars:
        out += wrap(f"{pillar.heading}: {_level(pillar.level)}", width)
        for line in pillar.indicators:
            answered = data.t("export.answered_of", answered=line.answered, total=line.total)
            text = f"{line.title}: {_level(line.level)}, {data.t('export.answered').lower()} {answered}"
            out += wrap(text, width, "- ", "  ")
        for extreme in pillar.extremes:
            out += wrap(extreme, width)
        out.append("")
    out += value_profile_lines(data, width)

    if all_actions:
        out += _heading(data.t("plan.all_actions"))[1:]
        if not data.all_actions:
            out += wrap(data.t("plan.all_actions_none"), width)
        for title, actions in data.all_actions:
            out += [title, *_actions(actions, width, ""), ""]
    elif data.all_actions:
        out += wrap(data.t("plan.all_actions_hint"), width)
    while out and out[-1] == "":
        out.pop()
    out += ["", *wrap(data.counts_text, width)]
    for note in data.notes:
        out += ["", *wrap(note.title, width)]
        for sentence in note.lines:
            out += wrap(sentence, width, "- ", "  ")
        out += wrap(note.footer, width)
    if data.notes:
        out.append("")
    out += wrap(data.note, width)
    return printable("\n".join(out) + "\n")
