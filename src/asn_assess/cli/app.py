"""The `asn-assess` application: the top-level Typer app, `--version`, `--lang`, and the
command groups that hang from it. Commands live in their own modules and register
themselves on ``app``, ``bank_app`` or ``history_app``; ``cli/__init__.py`` imports them
all.

Help texts are catalogue keys (``core/messages/help.py``), written in the interface
language when help is shown (``cli/localized.py``)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from asn_assess import __version__
from asn_assess.cli.common import EXIT_USAGE, error_label, new_app, warning_label

app = new_app("help.app", completion=True)
app.info.name = "asn-assess"

bank_app = new_app("help.bank_group")
app.add_typer(bank_app, name="bank")

history_app = new_app("help.history_group")
app.add_typer(history_app, name="history")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asn-assess {__version__}")
        raise typer.Exit()


def _interface_language(value: Optional[str]) -> Optional[str]:
    """``--lang`` before the command: the interface language of the whole run. Eager,
    so that ``asn-assess --lang en --help`` is already in English."""
    from asn_assess.core.i18n import LANGUAGES, language_code, say, set_interface_language

    if value is None:
        return None
    code = language_code(value)
    if code is None:
        message = say("cli.bad_language", value=value, languages=", ".join(LANGUAGES))
        typer.echo(f"{error_label()}: --lang: {message}", err=True)
        raise typer.Exit(EXIT_USAGE)
    set_interface_language(code)
    return code


def _warn_about_language_settings() -> None:
    """A language setting that is not used (a misspelt ``$ASN_ASSESS_LANG``, a broken
    configuration file) is said once, rather than silently ignored."""
    import os

    from asn_assess.core.config import language_problem
    from asn_assess.core.i18n import LANGUAGE_VARIABLE, LANGUAGES, language_code, say

    from_environment = os.environ.get(LANGUAGE_VARIABLE, "")
    if from_environment.strip() and language_code(from_environment) is None:
        message = say("cli.bad_language", value=from_environment, languages=", ".join(LANGUAGES))
        typer.echo(f"{warning_label()}: ${LANGUAGE_VARIABLE}: {message}", err=True)
    elif not from_environment.strip():
        problem = language_problem()
        if problem:
            typer.echo(f"{warning_label()}: {problem}", err=True)


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="help.version"),
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang",
            metavar="id|en",
            callback=_interface_language,
            is_eager=True,
            help="help.lang_global",
        ),
    ] = None,
) -> None:
    _warn_about_language_settings()
