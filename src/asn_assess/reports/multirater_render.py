"""The 360-degree report as plain text and as Markdown, one person rated after another.

Plain text has no colour and no column alignment (it is pasted into e-mails and chats),
wrapped at ``width``; Markdown escapes every text (``markdown.escape``), so a name like
``<script>`` or ``[x](y)`` shows as written. Neither carries a control character from
the data (``core.printable``).
"""

from __future__ import annotations

from asn_assess.core.printable import printable
from asn_assess.reports.action_lines import ActionLine
from asn_assess.reports.markdown import escape
from asn_assess.reports.multirater_data import Cell, IndicatorRow, MultiraterData
from asn_assess.reports.text import wrap

LOW_AGREEMENT_MARK = "!"


def _cell_text(data: MultiraterData, label: str, cell: Cell) -> str:
    raters = f" ({data.t('mr.n', n=cell.raters)})" if cell.raters else ""
    return f"{label} {cell.shown}{raters}"


def _agreement(data: MultiraterData, row: IndicatorRow) -> str:
    mark = f" {LOW_AGREEMENT_MARK} {data.t('mr.low')}" if row.low_agreement else ""
    return f"{data.t('mr.agreement')} {row.agreement_text}{mark}"


def _actions_text(actions: list[ActionLine], width: int, indent: str) -> list[str]:
    lines = []
    for action in actions:
        label = action.kind_label + (f" ({action.details})" if action.details else "")
        lines += wrap(f"{label}: {action.text}", width, indent + "- ", indent + "  ")
    return lines


def render_multirater_text(reports: list[MultiraterData], width: int = 80) -> str:
    """Every report as plain text, ``width`` columns wide, separated by a rule."""
    parts = [_text(data, width) for data in reports]
    return ("\n" + "=" * min(width, 80) + "\n\n").join(parts)


def _text(data: MultiraterData, width: int) -> str:
    t = data.t
    out = wrap(f"{t('mr.title')}: {data.bank_title}", width)
    out += wrap(data.version_text, width)
    out += wrap(f"{t('mr.target')}: {data.target}", width)
    if data.role_text:
        out += wrap(f"{t('export.role')}: {data.role_text}", width)
    out += ["", t("mr.raters").upper(), ""]
    for line in data.raters:
        out += wrap(line, width, "- ", "  ")
    out += ["", t("mr.window").upper(), ""]
    for pane in data.quadrants:
        titles = ", ".join(pane.titles) or t("mr.empty_pane")
        out += wrap(f"{pane.label}: {titles}", width, "", "  ")
    out += ["", t("plan.title").upper(), ""]
    out += wrap(data.plan_intro, width)
    for entry in data.plan:
        out += ["", *wrap(f"{entry.number}. {entry.title} ({entry.pillar_title})", width)]
        out += wrap(entry.why, width, "   ")
        if entry.actions:
            out += wrap(t("plan.actions"), width, "   ")
            out += _actions_text(entry.actions, width, "   ")
        else:
            out += wrap(t("plan.no_actions"), width, "   ")
    out += ["", t("mr.views").upper()]
    labels = {series.id: series.label for series in data.series}
    for pillar in data.pillars:
        out += ["", *wrap(pillar.heading, width)]
        for row in pillar.rows:
            views = " · ".join(_cell_text(data, labels[c.series], c) for c in row.cells)
            out += wrap(f"{row.title}: {views}", width, "- ", "  ")
            closing = f"{t('mr.gap')} {row.gap_text} · {_agreement(data, row)} · {row.johari_label}"
            out += wrap(closing, width, "  ", "  ")
    out += ["", t("mr.notes").upper(), ""]
    for note in data.notes:
        out += wrap(note, width, "- ", "  ")
    return printable("\n".join(out) + "\n")


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render_multirater_markdown(reports: list[MultiraterData]) -> str:
    """Every report as Markdown, one top-level heading per person rated."""
    return printable("\n".join(_markdown(data) for data in reports))


def _markdown(data: MultiraterData) -> str:
    t = data.t
    out = [f"# {escape(t('mr.title'))}: {escape(data.target)}", ""]
    out.append(
        f"- {escape(t('export.bank'))}: {escape(data.bank_title)}, {escape(data.version_text)}"
    )
    if data.role_text:
        out.append(f"- {escape(t('export.role'))}: {escape(data.role_text)}")
    out += ["", f"## {escape(t('mr.raters'))}", ""]
    out += [f"- {escape(line)}" for line in data.raters]
    out += ["", f"## {escape(t('mr.window'))}", ""]
    for pane in data.quadrants:
        titles = ", ".join(escape(title) for title in pane.titles) or escape(t("mr.empty_pane"))
        out.append(f"- **{escape(pane.label)}**: {titles}")
    out += ["", f"## {escape(t('plan.title'))}", "", escape(data.plan_intro)]
    for entry in data.plan:
        out += ["", f"### {entry.number}. {escape(entry.title)} ({escape(entry.pillar_title)})", ""]
        out += [escape(entry.why), "", escape(t("plan.actions")), ""]
        for action in entry.actions:
            label = escape(action.kind_label) + (
                f" ({escape(action.details)})" if action.details else ""
            )
            out.append(f"- *{label}*: {escape(action.text)}")
        if not entry.actions:
            out.append(escape(t("plan.no_actions")))
    out += ["", f"## {escape(t('mr.views'))}"]
    header = [escape(t("report.indicator")), *(escape(s.label) for s in data.series)]
    header += [escape(t("mr.gap")), escape(t("mr.agreement")), escape(t("mr.window"))]
    for pillar in data.pillars:
        out += ["", f"### {escape(pillar.heading)}", "", _row(*header)]
        out.append(_row("---", *["---:"] * (len(data.series) + 2), "---"))
        for row in pillar.rows:
            cells = [
                escape(c.shown) + (f" ({escape(t('mr.n', n=c.raters))})" if c.raters else "")
                for c in row.cells
            ]
            agreement = escape(row.agreement_text) + (
                f" {LOW_AGREEMENT_MARK}" if row.low_agreement else ""
            )
            out.append(
                _row(
                    escape(row.title),
                    *cells,
                    escape(row.gap_text),
                    agreement,
                    escape(row.johari_label),
                )
            )
    out += ["", f"## {escape(t('mr.notes'))}", ""]
    out += [f"- {escape(note)}" for note in data.notes]
    return "\n".join(out) + "\n"
