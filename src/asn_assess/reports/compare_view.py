"""Two results side by side for the terminal (`asn-assess history compare`): before,
after and the change with an arrow for the overall score, each pillar and each
indicator that compares; the rest listed apart. Data strings go in as ``Text``."""

from __future__ import annotations

from typing import Any, Optional

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.reports.compare import Change, Comparison
from asn_assess.reports.formatting import change_text, format_date

STYLES = {"up": "green", "down": "red", "same": "dim", "none": "dim"}


def _score(value: Optional[float], language: str) -> str:
    return "-" if value is None else format_score(value, language)


def _titles(bank: Bank, language: str) -> dict[str, str]:
    titles = {"overall": t("report.overall", language)}
    for number, pillar in enumerate(bank.pillars, start=1):
        titles[pillar.id] = f"{number}. {bank.text(pillar.title, language)}"
        for indicator in pillar.indicators:
            titles[indicator.id] = bank.text(indicator.title, language)
    return titles


def _row(table: Table, title: str, change: Change, language: str, bold: bool = False) -> None:
    shown = change_text(change, language)
    table.add_row(
        Text(title, style="bold" if bold else ""),
        _score(change.before, language),
        _score(change.after, language),
        Text(f"{shown.arrow} {shown.text}", style=STYLES[shown.direction]) if shown else Text("-"),
    )


def comparison_view(
    comparison: Comparison,
    before_bank: Bank,
    after_bank: Bank,
    before_id: int,
    after_id: int,
    language: str,
) -> RenderableType:
    """The comparison as a table, with what does not compare listed after it."""
    before, after = comparison.before, comparison.after
    titles = {**_titles(before_bank, language), **_titles(after_bank, language)}
    parts: list[RenderableType] = [
        Text(
            t(
                "compare.title",
                language,
                before=before_id,
                before_date=format_date(before.finished_at or before.started_at, language),
                after=after_id,
                after_date=format_date(after.finished_at or after.started_at, language),
            ),
            style="bold",
        ),
        Text(t("compare.versions", language, before=before.bank_version, after=after.bank_version)),
    ]
    if not comparison.same_role:
        every = t("compare.no_role", language)
        parts.append(
            Text(
                t(
                    "compare.roles",
                    language,
                    before=before.role or every,
                    after=after.role or every,
                ),
                style="yellow",
            )
        )
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column(t("compare.level", language), overflow="fold")
    table.add_column(t("compare.before", language), justify="right", no_wrap=True)
    table.add_column(t("compare.after", language), justify="right", no_wrap=True)
    table.add_column(t("compare.change", language), no_wrap=True)
    if comparison.overall is not None:
        _row(table, titles["overall"], comparison.overall, language, bold=True)
    pillar_of = {i.id: p.id for p in after_bank.pillars for i in p.indicators}
    for pillar_change in comparison.pillars:
        _row(table, titles[pillar_change.id], pillar_change, language, bold=True)
        for change in comparison.indicators:
            if pillar_of.get(change.id) == pillar_change.id:
                _row(table, "  " + titles[change.id], change, language)
    listed = {c.id for c in comparison.pillars}
    for change in comparison.indicators:
        if pillar_of.get(change.id) not in listed:
            _row(table, titles[change.id], change, language)
    parts += [Text(), table]
    apart = apart_lines(comparison, titles, language)
    if apart:
        parts += [Text(), Text(t("compare.apart", language), style="bold")]
        parts += [Text(f"  {line}") for line in apart]
    return Group(*parts)


def apart_lines(comparison: Comparison, titles: dict[str, str], language: str) -> list[str]:
    """One line per pillar or indicator that is not compared, saying why."""
    lines = [
        f"{titles.get(pillar_id, pillar_id)}: {t('compare.pillar_apart', language)}"
        for pillar_id in comparison.pillars_apart
    ]
    versions = {
        "only-before": t("compare.only_before", language, version=comparison.before.bank_version),
        "only-after": t("compare.only_after", language, version=comparison.after.bank_version),
        "changed": t("compare.changed", language),
    }
    for indicator_id, why in comparison.indicators_apart:
        lines.append(f"{titles.get(indicator_id, indicator_id)}: {versions[why]}")
    return lines


def comparison_json(comparison: Comparison, before_id: int, after_id: int) -> dict[str, Any]:
    """The comparison as JSON data for scripts."""

    def change(c: Change) -> dict[str, Any]:
        return {"id": c.id, "before": c.before, "after": c.after, "change": c.delta}

    return {
        "before": {"id": before_id, "bank_version": comparison.before.bank_version},
        "after": {"id": after_id, "bank_version": comparison.after.bank_version},
        "overall": change(comparison.overall) if comparison.overall else None,
        "pillars": [change(c) for c in comparison.pillars],
        "indicators": [change(c) for c in comparison.indicators],
        "pillars_apart": comparison.pillars_apart,
        "indicators_apart": [{"id": i, "why": why} for i, why in comparison.indicators_apart],
    }
