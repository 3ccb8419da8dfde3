"""`asn-assess form export`: options in, ``forms.export.export_form`` called, the file
written atomically, one line on stderr.

Help texts and messages come from the interface-text catalogue
(``core/messages/forms.py``), in the interface language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import BankOption, adopt_language, checked_role, new_app, reports_errors
from asn_assess.core.i18n import say

form_app = new_app("form.help.group")
app.add_typer(form_app, name="form")


@form_app.command("export", help="form.help.export")
@reports_errors
def form_export(
    form_format: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", metavar="xlsform|limesurvey|gforms", help="form.help.format"
        ),
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="id|en|both", help="form.help.lang", callback=adopt_language
        ),
    ] = None,
    role: Annotated[
        Optional[str], typer.Option("--role", metavar="ROLE", help="form.help.role")
    ] = None,
    bank: BankOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="form.help.output"),
    ] = None,
    no_profile: Annotated[bool, typer.Option("--no-profile", help="form.help.no_profile")] = False,
    force: Annotated[bool, typer.Option("--force", help="form.help.force")] = False,
) -> None:
    """Write the bank as a form for a survey platform (help: ``form.help.export``)."""
    from asn_assess.core.bank import bundled_bank_paths, resolve_bank
    from asn_assess.core.errors import AssessError, UsageError
    from asn_assess.core.files import write_file
    from asn_assess.forms.export import (
        PLATFORM,
        choose_format,
        choose_languages,
        export_form,
        is_same_file,
    )

    if output is None:
        raise UsageError(say("form.error.output_needed"))
    loaded = resolve_bank(bank)
    inputs = [*bundled_bank_paths(), *([Path(bank)] if bank and Path(bank).is_file() else [])]
    if any(is_same_file(output, path) for path in inputs):
        raise UsageError(say("form.error.output_is_bank", path=output))
    chosen_format = choose_format(output, form_format)
    if output.exists() and not force:
        raise AssessError(say("form.error.output_exists", path=output))
    languages = choose_languages(loaded, lang, chosen_format)
    chosen_role = checked_role(loaded, role) if role is not None else None
    data, layout = export_form(loaded, chosen_format, languages, chosen_role, not no_profile)
    write_file(output, data, private=False)  # the questions only: no one's answers
    export = "responses.xlsx" if chosen_format == "xlsform" else "responses.csv"
    typer.echo(
        say(
            "form.wrote",
            path=output,
            questions=len(layout.questions),
            bank=loaded.id,
            version=loaded.version,
            platform=PLATFORM[chosen_format],
            export=export,
        ),
        err=True,
    )
