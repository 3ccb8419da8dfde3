"""`asn-assess config language [LANG]`: the interface language kept in the user's
configuration file (``core/config.py``)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import new_app, reports_errors

config_app = new_app("help.config_group")
app.add_typer(config_app, name="config")


@config_app.command("language", help="help.config_language")
@reports_errors
def config_language(
    code: Annotated[
        Optional[str],
        typer.Argument(
            metavar="LANG",
            help="help.config_language.code",
            autocompletion=lambda: ["id", "en"],
        ),
    ] = None,
) -> None:
    """Show the interface language and its source, or keep one (help:
    ``help.config_language``)."""
    import os

    from asn_assess.core.config import config_path, configured_language, write_language
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import (
        LANGUAGE_VARIABLE,
        LANGUAGES,
        interface_language,
        language_code,
        say,
    )

    if code is not None:
        chosen = language_code(code)
        if chosen is None:
            languages = ", ".join(LANGUAGES)
            raise UsageError(say("cli.bad_language_option", value=code, languages=languages))
        path = write_language(chosen)
        typer.echo(say("config.saved", code=chosen, path=path), err=True)
        return
    language = interface_language()
    if language_code(os.environ.get(LANGUAGE_VARIABLE, "")):
        source = say("config.from_environment", variable=LANGUAGE_VARIABLE)
    elif configured_language():
        source = say("config.from_file", path=config_path())
    else:
        source = say("config.from_default", path=config_path())
    typer.echo(f"{language}\t{source}")
