"""`asn-assess template multirater`: the table an HR unit fills with a 360-degree round's
ratings, one row per rating: ``target_id`` (who is rated), ``rater_group``, ``role`` (of
the person rated, for a bank with roles) and one column per statement others can rate,
titled with its observer wording. `asn-assess multirater` reads the filled table as it
is: the titles match the statements, the group and target columns are found by name.

As .xlsx it also holds a sheet listing every statement with its id, indicator, the
groups that rate it and its wording in every language, and the rater group column
offers the groups to choose from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from asn_assess.core.i18n import say
from asn_assess.core.models import SELF, Bank, Item

if TYPE_CHECKING:
    from asn_assess.reports.multirater_tables import Cell

TARGET_HEADER = "target_id"
GROUP_HEADER = "rater_group"
ROLE_HEADER = "role"


def template_items(bank: Bank, group: Optional[str]) -> list[Item]:
    """The statements of the template: those ``group`` rates, or (None) those any group
    rates, in bank order."""
    groups = [group] if group else [g.id for g in bank.rater_groups]
    asked = {item.id for g in groups for item in bank.items_asked_of(None, g)}
    return [item for item in bank.items.values() if item.id in asked]


def template_header(bank: Bank, items: list[Item], language: str) -> list[str]:
    """The columns: who is rated, the rater group, the role, then the statements."""
    role = [ROLE_HEADER] if bank.roles else []
    return [TARGET_HEADER, GROUP_HEADER, *role, *(bank.text(_observer(i), language) for i in items)]


def _observer(item: Item) -> dict[str, str]:
    """The observer wording of a statement others rate (every such item has one)."""
    assert item.observer_text is not None, "template_items holds observable items only"
    return item.observer_text


def write_template(
    bank: Bank,
    output: Optional[Path],
    force: bool,
    as_group: Optional[str],
    lang: Optional[str],
) -> None:
    """Write the template to ``output`` (.csv or .xlsx), or as CSV to standard output."""
    from asn_assess.cli.common import checked_language, echo_data
    from asn_assess.cli.multirater import needs_rater_groups
    from asn_assess.core.answers import parse_rater_group
    from asn_assess.core.errors import UsageError
    from asn_assess.reports.multirater_tables import csv_text, xlsx_bytes

    needs_rater_groups(bank)
    language = checked_language(bank, lang) if lang else bank.languages[0]
    group = None
    if as_group is not None:
        group = parse_rater_group(bank, as_group)
        if group is None or group == SELF:
            raise UsageError(
                say(
                    "mr.error.unknown_group",
                    option="--as",
                    value=as_group,
                    bank=bank.id,
                    groups=", ".join(g.id for g in bank.rater_groups),
                )
            )
    items = template_items(bank, group)
    header = template_header(bank, items, language)
    suffix = output.suffix.lower() if output else ".csv"
    if suffix not in (".csv", ".xlsx"):
        raise UsageError(say("mr.error.template_suffix", path=output))
    if output is None:
        echo_data(csv_text(header, []), nl=False)
        return
    if suffix == ".xlsx":
        groups = [SELF, *(g.id for g in bank.rater_groups)]
        listing = (
            say("mr.template.items_sheet"),
            [
                say("mr.template.item"),
                say("mr.template.indicator"),
                say("mr.template.rated_by"),
                *(f"{say('mr.template.statement')} ({code})" for code in bank.languages),
            ],
            _statement_rows(bank, items),
        )
        choices: list[list[Cell]] = [[g] for g in groups]
        hint = (
            say("mr.template.groups"),
            [say("mr.template.group_hint", groups=", ".join(groups))],
            choices,
        )
        choose = {"validate": "list", "source": groups, "ignore_blank": True}
        data = xlsx_bytes(
            [(say("mr.template.ratings_sheet"), header, []), listing, hint], {GROUP_HEADER: choose}
        )
    else:
        data = csv_text(header, []).encode("utf-8")
    from asn_assess.core.files import write_file

    # A blank form, nothing personal in it; an existing file is replaced only with
    # --force, by the one output policy (a usage error, as for every template).
    write_file(output, data, private=False, replace=force)
    typer.echo(
        say(
            "mr.template_wrote",
            path=output,
            items=len(items),
            bank=bank.id,
            version=bank.version,
        ),
        err=True,
    )


def _statement_rows(bank: Bank, items: list[Item]) -> list[list[Cell]]:
    indicator_of = {i.id: ind for p in bank.pillars for ind in p.indicators for i in ind.items}
    rows: list[list[Cell]] = []
    for item in items:
        indicator = indicator_of[item.id]
        wording = _observer(item)
        rows.append(
            [
                item.id,
                indicator.id,
                ", ".join(item.rated_by or indicator.rated_by),
                *(wording[code] for code in bank.languages),
            ]
        )
    return rows
