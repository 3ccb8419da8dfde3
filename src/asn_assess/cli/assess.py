"""`asn-assess start`, `score`, `report` and `schema`: one person's assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    EXIT_OK,
    BankOption,
    bank_file,
    check_outputs,
    checked_language,
    read_document,
    reports_errors,
    stdout_console,
    write_output,
)

DataDirOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data-dir",
        metavar="DIR",
        help="Folder for progress and saved results. Default: $ASN_ASSESS_HOME, "
        "else the user data folder.",
    ),
]
LangOption = Annotated[
    Optional[str],
    typer.Option(
        "--lang", "-l", metavar="LANG", help="Report language (id or en). Default: the sheet's."
    ),
]


@app.command()
@reports_errors
def start(
    bank: BankOption = None,
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", "-l", metavar="LANG", help="id (Bahasa Indonesia, default) or en."),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", metavar="FILE", help="Also save the result JSON to this file."
        ),
    ] = None,
    resume: Annotated[
        Optional[bool],
        typer.Option(
            "--resume/--new",
            help="Resume a session in progress, or start anew (the old one is kept). Default: ask.",
        ),
    ] = None,
    profile: Annotated[
        bool,
        typer.Option(
            "--profile/--no-profile",
            help="Ask for name, NIP, unit and position (each optional).",
        ),
    ] = True,
    data_dir: DataDirOption = None,
) -> None:
    """Take the assessment interactively and see your report per pillar.

    Keys: a number (or a-e) to answer, b back, s skip, ? help, q save and quit.
    Progress is saved after every answer; Ctrl-C saves too.

    Example: asn-assess start --lang en

    Example: asn-assess start --no-profile < answers.txt   (one answer per line)
    """
    from asn_assess.cli import signals
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.i18n import t
    from asn_assess.interactive.session import (
        EndOfInput,
        Session,
        SessionStopped,
        Terminal,
        open_progress,
    )
    from asn_assess.store import UserData
    from asn_assess.store import data_dir as user_data_dir

    store = UserData(user_data_dir(data_dir))
    check_outputs([("--output", output)], [("--bank", bank_file(bank))])
    loaded = resolve_bank(bank)
    if lang is not None:
        checked_language(loaded, lang)
    check_outputs([("--output", output)], [("progress", store.progress_path(loaded.id))])
    terminal = Terminal()
    # One session per data folder: a second one would overwrite this one's progress.
    with store.session_lock(lang):
        try:
            progress, resumed = open_progress(loaded, store, lang, resume, terminal)
            session = Session(loaded, progress, store, terminal, ask_profile=profile)
            result = session.run(welcome=not resumed)
        except (KeyboardInterrupt, EndOfInput) as interrupt:
            typer.echo("", err=True)
            raise typer.Exit(signals.exit_code(interrupt)) from None
        except SessionStopped as stop:
            typer.echo(stop.message, err=True)
            if not stop.interrupted:
                raise typer.Exit(EXIT_OK) from None
            raise typer.Exit(signals.exit_code(stop.interrupt or KeyboardInterrupt())) from None
        saved = store.complete(result)

    from asn_assess.core.documents import to_json
    from asn_assess.reports.rich_report import result_report

    language = session.language
    if output is not None:
        write_output(output, to_json(result), private=True)
    typer.echo("", err=True)
    stdout_console().print(result_report(loaded, result, language))
    typer.echo(t("end.result_saved", language, path=saved), err=True)
    if output is not None:
        typer.echo(t("end.result_saved", language, path=output), err=True)


@app.command()
@reports_errors
def report(
    result_file: Annotated[
        str, typer.Argument(metavar="RESULT", help="A saved result JSON, or - for stdin.")
    ],
    bank: BankOption = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang",
            "-l",
            metavar="LANG",
            help="Report language (id or en). Default: the result's.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Show a saved result as the report per pillar.

    Example: asn-assess report result.json --lang en
    """
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import parse_result, to_json
    from asn_assess.core.errors import ResultError

    result = parse_result(*read_document(result_file, ResultError))
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.reports.rich_report import result_report

    loaded = resolve_bank(bank or result.bank_id)
    if (loaded.id, loaded.version) != (result.bank_id, result.bank_version):
        raise ResultError(
            f"{result_file}: the result is for {result.bank_id} {result.bank_version}, "
            f"the bank is {loaded.id} {loaded.version}; pass the matching bank with --bank"
        )
    from asn_assess.core.scoring import check_result

    check_result(loaded, result, result_file)
    language = checked_language(loaded, lang or result.language)
    stdout_console().print(result_report(loaded, result, language))


@app.command()
@reports_errors
def score(
    answers: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Answer sheet JSON, or - for stdin.")
    ],
    bank: BankOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON instead of the report.")
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", metavar="FILE", help="Also save the result JSON to this file."
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Score one answer sheet without prompts.

    The bank is the bundled bank named in the sheet unless --bank is given.

    Example: asn-assess score answers.json --json > result.json
    """
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import parse_answer_sheet, to_json
    from asn_assess.core.errors import AnswerSheetError, Problem
    from asn_assess.core.scoring import score as score_sheet

    check_outputs([("--output", output)], [("FILE", answers), ("--bank", bank_file(bank))])
    text, source = read_document(answers, AnswerSheetError)
    sheet = parse_answer_sheet(text, source)
    loaded = resolve_bank(bank or sheet.bank_id)
    try:
        result = score_sheet(loaded, sheet)
    except AnswerSheetError as error:  # name the file as well as the key
        raise AnswerSheetError(
            [Problem(f"{source}: {p.where}", p.message) for p in error.problems]
        ) from None
    if output is not None:
        write_output(output, to_json(result), private=True)
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.reports.rich_report import result_report

    language = checked_language(loaded, lang or result.language)
    stdout_console().print(result_report(loaded, result, language))


@app.command()
@reports_errors
def schema(
    name: Annotated[str, typer.Argument(metavar="answers|result|bank", help="Which document.")],
) -> None:
    """Print the JSON Schema of an answer sheet, a result or a bank.

    Example: asn-assess schema answers > answers.schema.json
    """
    import json

    from pydantic import BaseModel

    from asn_assess.core.documents import AnswerSheet, Result
    from asn_assess.core.errors import UsageError
    from asn_assess.core.models import Bank

    models: dict[str, type[BaseModel]] = {"answers": AnswerSheet, "result": Result, "bank": Bank}
    if name not in models:
        raise UsageError(f"unknown schema {name!r}; choose one of: answers, result, bank")
    typer.echo(json.dumps(models[name].model_json_schema(), ensure_ascii=False, indent=2))
