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
from asn_assess.reports.compare import Change, Comparison, ReliableChange
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


def _row(
    table: Table,
    title: str,
    change: Change,
    language: str,
    bold: bool = False,
    reliable: Optional[dict[str, ReliableChange]] = None,
    key: str = "",
) -> None:
    shown = change_text(change, language)
    cells: list[Text | str] = [
        Text(title, style="bold" if bold else ""),
        _score(change.before, language),
        _score(change.after, language),
        Text(f"{shown.arrow} {shown.text}", style=STYLES[shown.direction]) if shown else Text("-"),
    ]
    if reliable is not None:
        found = reliable.get(key)
        if found is None:
            cells.append(Text(""))
        else:
            limit = format_score(found.limit, language)
            word = "compare.real" if found.real else "compare.within_error"
            cells.append(
                Text(t(word, language, limit=limit), style="bold" if found.real else "dim")
            )
    table.add_row(*cells)


def comparison_view(
    comparison: Comparison,
    before_bank: Bank,
    after_bank: Bank,
    before_id: int,
    after_id: int,
    language: str,
    reliable: Optional[dict[str, ReliableChange]] = None,
    norm_description: Optional[str] = None,
) -> RenderableType:
    """The comparison as a table, with what does not compare listed after it; with
    ``reliable`` (from a norm), a column saying which changes exceed measurement
    error."""
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
    if reliable is not None:
        table.add_column(t("compare.reliable", language), overflow="fold")
    if comparison.overall is not None:
        _row(table, titles["overall"], comparison.overall, language, True, reliable, "overall")
    pillar_of = {i.id: p.id for p in after_bank.pillars for i in p.indicators}
    for pillar_change in comparison.pillars:
        key = f"pillar.{pillar_change.id}"
        _row(table, titles[pillar_change.id], pillar_change, language, True, reliable, key)
        for change in comparison.indicators:
            if pillar_of.get(change.id) == pillar_change.id:
                key = f"indicator.{change.id}"
                _row(table, "  " + titles[change.id], change, language, False, reliable, key)
    listed = {c.id for c in comparison.pillars}
    for change in comparison.indicators:
        if pillar_of.get(change.id) not in listed:
            key = f"indicator.{change.id}"
            _row(table, titles[change.id], change, language, False, reliable, key)
    parts += [Text(), table]
    if reliable is not None:
        real = sum(found.real for found in reliable.values())
        parts += [
            Text(),
            Text(
                t(
                    "compare.reliable_note",
                    language,
                    norm=norm_description or "",
                    real=real,
                    total=len(reliable),
                )
            ),
        ]
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


def comparison_json(
    comparison: Comparison,
    before_id: int,
    after_id: int,
    reliable: Optional[dict[str, ReliableChange]] = None,
) -> dict[str, Any]:
    """The comparison as JSON data for scripts; with ``reliable`` (from a norm), each
    pillar's and indicator's ``reliable_change``: the ``limit`` a change must exceed to
    be more than measurement error, and whether it is ``real`` (null without one)."""

    def change(c: Change, kind: str = "") -> dict[str, Any]:
        shown: dict[str, Any] = {
            "id": c.id,
            "before": c.before,
            "after": c.after,
            "change": c.delta,
        }
        if reliable is not None and kind:
            found = reliable.get(f"{kind}.{c.id}")
            shown["reliable_change"] = (
                None if found is None else {"limit": found.limit, "real": found.real}
            )
        return shown

    return {
        "before": {"id": before_id, "bank_version": comparison.before.bank_version},
        "after": {"id": after_id, "bank_version": comparison.after.bank_version},
        "overall": change(comparison.overall) if comparison.overall else None,
        "pillars": [change(c, "pillar") for c in comparison.pillars],
        "indicators": [change(c, "indicator") for c in comparison.indicators],
        "pillars_apart": comparison.pillars_apart,
        "indicators_apart": [{"id": i, "why": why} for i, why in comparison.indicators_apart],
    }
