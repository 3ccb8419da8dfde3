"""`asn-assess template batch|multirater`: the empty tables answers are collected in.

Templates have their own command so that `batch` and `multirater` read every argument
as a file: a file named ``template`` is scored like any other. Where no such file
exists, the word there names the new command rather than "no such file".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import BankOption, adopt_language, bank_file, reports_errors

if TYPE_CHECKING:
    from asn_assess.core.models import Bank

KINDS = ("batch", "multirater")


@app.command("template", help="help.template")
@reports_errors
def template(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="batch|multirater",
            help="help.template.kind",
            autocompletion=lambda: list(KINDS),
        ),
    ],
    bank: BankOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.template.output"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.template.force")] = False,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.template.lang", callback=adopt_language
        ),
    ] = None,
    as_group: Annotated[
        Optional[str], typer.Option("--as", metavar="GROUP", help="help.template.as")
    ] = None,
) -> None:
    """Write an empty table for batch or multirater (help: ``help.template``)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    chosen = kind.strip().casefold()
    if chosen not in KINDS:
        raise UsageError(say("template.unknown_kind", kind=kind, kinds=", ".join(KINDS)))
    from asn_assess.cli.common import check_outputs

    check_outputs([("--output", output)], [("--bank", bank_file(bank))])
    loaded = resolve_bank(bank)
    if chosen == "multirater":
        from asn_assess.cli.multirater_template import write_template

        write_template(loaded, output, force, as_group, lang)
        return
    for option, value in (("--as", as_group), ("--lang", lang)):
        if value is not None:
            raise UsageError(say("template.multirater_only", option=option))
    _write_batch_template(loaded, output, force)


def _write_batch_template(bank: Bank, output: Optional[Path], force: bool) -> None:
    """An empty CSV with one column per item of ``bank``."""
    import csv
    import io

    from asn_assess.cli.common import write_output
    from asn_assess.core.i18n import say

    text = io.StringIO()
    role = ["role"] if bank.roles else []  # filled with a role id, or left empty
    csv.writer(text, lineterminator="\n").writerow(["respondent_id", "unit", *role, *bank.items])
    write_output(output, text.getvalue(), private=False, replace=force)
    if output is None or str(output) == "-":
        return
    typer.echo(
        say("template.batch_wrote", path=output, bank=bank.id, version=bank.version), err=True
    )


def refuse_template_word(inputs: list[str], command: str) -> None:
    """`batch template` and `multirater template` once wrote templates. With no file
    named ``template`` to read, say where templates are now."""
    import os

    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    if inputs[0] == "template" and not os.path.exists("template"):
        raise UsageError(say("template.moved", command=command))
