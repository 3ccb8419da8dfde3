"""`asn-assess bank ...`: list, show, validate, template."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import bank_app
from asn_assess.cli.common import (
    EXIT_INVALID,
    adopt_language,
    checked_role,
    echo_data,
    print_problems,
    reports_errors,
    shown_language,
    stdout_console,
    write_output,
)

if TYPE_CHECKING:
    from asn_assess.core.bank_diff import Revision


@bank_app.command("list", help="help.bank_list")
@reports_errors
def bank_list(
    as_json: Annotated[bool, typer.Option("--json", help="help.bank_list.json")] = False,
) -> None:
    """List the bundled banks: id, version, title and counts (help: ``help.bank_list``).
    Titles are in the interface language, as `bank show` shows them."""
    import sys

    from asn_assess.core.bank import bundled_bank_paths, load_bank
    from asn_assess.core.i18n import interface_language
    from asn_assess.reports.bank_views import bank_list_lines, bank_list_rows, bank_list_view

    language = interface_language()
    rows = bank_list_rows([load_bank(path) for path in bundled_bank_paths()], language)
    if as_json:
        import json

        echo_data(json.dumps(rows, ensure_ascii=False, indent=2))
    elif sys.stdout.isatty():
        stdout_console().print(bank_list_view(rows, language))
    else:  # read by a program or a pager: whole lines, nothing wrapped
        typer.echo(bank_list_lines(rows), nl=False)


@bank_app.command("show", help="help.bank_show")
@reports_errors
def bank_show(
    bank: Annotated[
        Optional[str],
        typer.Argument(metavar="ID|PATH", help="help.bank_show.bank"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="help.bank_show.json")] = False,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.bank_show.lang", callback=adopt_language
        ),
    ] = None,
    order: Annotated[
        bool,
        typer.Option(
            "--order",
            help="help.bank_show.order",
        ),
    ] = False,
    role: Annotated[
        Optional[str],
        typer.Option("--role", metavar="ROLE", help="help.bank_show.role"),
    ] = None,
) -> None:
    """Show a bank as a tree of pillars, indicators and item counts (help: ``help.bank_show``)."""
    from asn_assess.core.bank import normalised_bank, resolve_bank

    loaded = resolve_bank(bank)
    if as_json:
        import json

        echo_data(json.dumps(normalised_bank(loaded), ensure_ascii=False, indent=2))
        return
    language = shown_language(loaded, lang)
    if order:
        from asn_assess.interactive.questionnaire import questions_of
        from asn_assess.reports.bank_views import question_order

        chosen = checked_role(loaded, role) if role is not None else None
        items = [question.item for question in questions_of(loaded, chosen)]
        stdout_console().print(question_order(loaded, items, language))
        return
    from asn_assess.reports.bank_views import bank_tree

    stdout_console().print(bank_tree(loaded, language))


@bank_app.command("validate", help="help.bank_validate")
def bank_validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="help.bank_validate.paths")],
) -> None:
    """Check bank files and list every problem found (help: ``help.bank_validate``)."""
    from asn_assess.core.bank import load_bank
    from asn_assess.core.errors import BankError
    from asn_assess.core.i18n import say

    failed = 0
    for path in paths:
        try:
            bank = load_bank(path)
        except BankError as error:
            failed += 1
            print_problems(error)
            count = len(error.problems)
            typer.echo(say("bank.invalid", path=path, count=count), err=True)
        else:
            typer.echo(
                say(
                    "bank.valid",
                    path=path,
                    bank=bank.id,
                    version=bank.version,
                    pillars=len(bank.pillars),
                    indicators=bank.indicator_count,
                    items=bank.item_count,
                )
            )
    if failed:
        raise typer.Exit(EXIT_INVALID)


@bank_app.command("template", help="help.bank_template")
@reports_errors
def bank_template(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.bank_template.output"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.bank_template.force")] = False,
) -> None:
    """Write a small, valid starter bank to adapt (help: ``help.bank_template``)."""
    from asn_assess.core.bank import starter_bank_text
    from asn_assess.core.i18n import say

    text = starter_bank_text()
    write_output(output, text, private=False, replace=force)
    if output is None or str(output) == "-":
        return
    typer.echo(say("bank.template_wrote", path=output), err=True)


def _revisions(revisions: list[Revision]) -> list[str]:
    from asn_assess.core.i18n import say

    return [f"{r.id}: {', '.join(say('revision.' + c) for c in r.changes)}" for r in revisions]


@bank_app.command("diff", help="help.bank_diff")
@reports_errors
def bank_diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="help.bank_diff.old")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="help.bank_diff.new")],
    as_json: Annotated[bool, typer.Option("--json", help="help.bank_diff.json")] = False,
) -> None:
    """List the items added, removed and changed (reworded, rescaled, re-keyed, reweighted,
    moved, roles, value tags, raters) between two banks, which indicators' scores still
    compare, and the indicators and bank settings revised without changing a score (help:
    ``help.bank_diff``)."""
    import dataclasses
    import json

    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.bank_diff import bank_diff as compare
    from asn_assess.core.i18n import say

    diff = compare(resolve_bank(old), resolve_bank(new))
    if as_json:
        echo_data(json.dumps(dataclasses.asdict(diff), ensure_ascii=False, indent=2))
        return
    lines = [say("diff.title", old=diff.old, new=diff.new)]
    if diff.is_empty:
        lines.append(say("diff.same"))
    sections = [
        ("diff.added_items", diff.added_items),
        ("diff.removed_items", diff.removed_items),
        (
            "diff.changed_items",
            [
                f"{change.item_id}: {', '.join(say('change.' + c) for c in change.changes)}"
                for change in diff.changed_items
            ],
        ),
        ("diff.added_indicators", diff.added_indicators),
        ("diff.removed_indicators", diff.removed_indicators),
        ("diff.changed_indicators", diff.changed_indicators),
        ("diff.comparable_indicators", diff.comparable_indicators),
        ("diff.revised_pillars", _revisions(diff.revised_pillars)),
        ("diff.revised_indicators", _revisions(diff.revised_indicators)),
        ("diff.changed_settings", diff.changed_settings),
        ("diff.added_values", diff.added_values),
        ("diff.removed_values", diff.removed_values),
        ("diff.changed_values", diff.changed_values),
    ]
    for key, entries in sections:
        if entries:
            lines.append("")
            lines.append(say(key, count=len(entries)))
            lines += [f"  {entry}" for entry in entries]
    from asn_assess.core.printable import printable

    typer.echo(printable("\n".join(lines)))
