"""The `asn-assess` application: the top-level Typer app, `--version`, and the command
groups that hang from it. Commands live in their own modules and register themselves
on ``app``, ``bank_app`` or ``history_app``; ``cli/__init__.py`` imports them all."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from asn_assess import __version__
from asn_assess.cli.common import new_app

app = new_app(
    "Self-assessment of the three pillars of a professional civil servant (ASN): "
    "lead yourself, lead your organization, lead your programs.\n\n"
    "Example: asn-assess start"
)
app.info.name = "asn-assess"

bank_app = new_app(
    "List, show, validate question banks, or start a new one from a template.\n\n"
    "Example: asn-assess bank show"
)
app.add_typer(bank_app, name="bank")

history_app = new_app(
    "Your saved results: list, show, compare, export or delete them. Every finished "
    "assessment is kept in the data folder (results/ and history.db).\n\n"
    "Example: asn-assess history list"
)
app.add_typer(history_app, name="history")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asn-assess {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = None,
) -> None:
    """Self-assessment of the three pillars of a professional ASN."""
