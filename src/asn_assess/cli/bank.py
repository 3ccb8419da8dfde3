"""`asn-assess bank ...`: list, show, validate, template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from asn_assess.cli.app import bank_app
from asn_assess.cli.common import (
    EXIT_INVALID,
    checked_language,
    checked_role,
    print_problems,
    reports_errors,
    stdout_console,
    write_output,
)


@bank_app.command("list")
@reports_errors
def bank_list() -> None:
    """List the bundled banks: id, version, title and counts.

    Example: asn-assess bank list
    """
    from asn_assess.core.bank import bundled_bank_paths, load_bank
    from asn_assess.reports.bank_views import bank_list_table

    banks = [load_bank(path) for path in bundled_bank_paths()]
    stdout_console().print(bank_list_table(banks))


@bank_app.command("show")
@reports_errors
def bank_show(
    bank: Annotated[
        Optional[str],
        typer.Argument(metavar="[ID|PATH]", help="Bank id or file. Default: asn-profesional."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the whole normalised bank as JSON.")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", "-l", metavar="LANG", help="Language of the tree: id or en.")
    ] = "id",
    order: Annotated[
        bool,
        typer.Option(
            "--order",
            help="List the questions in the order `start` asks them (for piped answers).",
        ),
    ] = False,
    role: Annotated[
        Optional[str],
        typer.Option("--role", metavar="ROLE", help="With --order: the questions of this role."),
    ] = None,
) -> None:
    """Show a bank as a tree of pillars, indicators and item counts.

    Example: asn-assess bank show --lang en

    Example: asn-assess bank show --order --role pelaksana

    Example: asn-assess bank show questions/asn-profesional.toml --json > bank.json
    """
    from asn_assess.core.bank import normalised_bank, resolve_bank

    loaded = resolve_bank(bank)
    if as_json:
        import json

        typer.echo(json.dumps(normalised_bank(loaded), ensure_ascii=False, indent=2))
        return
    language = checked_language(loaded, lang)
    if order:
        from asn_assess.interactive.questionnaire import questions_of
        from asn_assess.reports.bank_views import question_order

        chosen = checked_role(loaded, role) if role is not None else None
        items = [question.item for question in questions_of(loaded, chosen)]
        stdout_console().print(question_order(loaded, items, language))
        return
    from asn_assess.reports.bank_views import bank_tree

    stdout_console().print(bank_tree(loaded, language))


@bank_app.command("validate")
def bank_validate(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Bank TOML files to check.")
    ],
) -> None:
    """Check bank files and list every problem found. Exit 0 when all are valid, 1 otherwise.

    Example: asn-assess bank validate questions/*.toml
    """
    from asn_assess.core.bank import load_bank
    from asn_assess.core.errors import BankError

    failed = 0
    for path in paths:
        try:
            bank = load_bank(path)
        except BankError as error:
            failed += 1
            print_problems(error)
            count = len(error.problems)
            typer.echo(f"{path}: invalid ({count} problem{'s' if count != 1 else ''})", err=True)
        else:
            typer.echo(
                f"{path}: valid ({bank.id} {bank.version}; pillars: {len(bank.pillars)}, "
                f"indicators: {bank.indicator_count}, items: {bank.item_count})"
            )
    if failed:
        raise typer.Exit(EXIT_INVALID)


@bank_app.command("template")
@reports_errors
def bank_template(
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file instead of stdout (-)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Write a small, valid starter bank to adapt.

    Example: asn-assess bank template -o my-bank.toml
    """
    from asn_assess.core.bank import starter_bank_text

    text = starter_bank_text()
    write_output(output, text, private=False, replace=force)
    if output is None or str(output) == "-":
        return
    typer.echo(f"wrote {output}; check it with: asn-assess bank validate {output}", err=True)


@bank_app.command("diff")
@reports_errors
def bank_diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="Bank id, ID@VERSION or file.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Bank id, ID@VERSION or file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the differences as JSON.")] = False,
) -> None:
    """List the items added, removed and changed (reworded, rescaled, re-keyed,
    reweighted, moved) between two banks, and which indicators' scores still compare.

    Example: asn-assess bank diff asn-profesional@1.0.0 asn-profesional
    """
    import dataclasses
    import json

    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.bank_diff import bank_diff as compare
    from asn_assess.core.i18n import say

    diff = compare(resolve_bank(old), resolve_bank(new))
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(diff), ensure_ascii=False, indent=2))
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
    ]
    for key, entries in sections:
        if entries:
            lines.append("")
            lines.append(say(key, count=len(entries)))
            lines += [f"  {entry}" for entry in entries]
    typer.echo("\n".join(lines))
