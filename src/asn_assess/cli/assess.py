"""`asn-assess start`, `score`, `report` and `schema`: one person's assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    BankOption,
    NormGroupOption,
    NormsOption,
    checked_language,
    checked_role,
    norm_reference,
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
    role: Annotated[
        Optional[str],
        typer.Option(
            "--role",
            metavar="ROLE",
            help="Your role (a role id or name of the bank, e.g. pelaksana): only its "
            "questions are asked. Default: asked at the start.",
        ),
    ] = None,
    data_dir: DataDirOption = None,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Take the assessment interactively and see your report per pillar.

    Keys: a number (or a-e) to answer, n not applicable, b back, s skip, ? help,
    q save and quit. Progress is saved after every answer; Ctrl-C saves too.

    Example: asn-assess start --lang en

    Example: asn-assess start --no-profile < answers.txt   (one answer per line)
    """
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError, UsageError
    from asn_assess.core.i18n import t
    from asn_assess.core.models import Bank
    from asn_assess.interactive.session import (
        EndOfInput,
        Session,
        SessionStopped,
        Terminal,
        open_progress,
    )
    from asn_assess.store import UserData
    from asn_assess.store import data_dir as user_data_dir

    loaded = resolve_bank(bank)
    if lang is not None:
        checked_language(loaded, lang)
    chosen_role = checked_role(loaded, role) if role is not None else None
    norm = norm_reference(loaded, norms, norm_group)  # before any question is asked
    store = UserData(user_data_dir(data_dir))
    terminal = Terminal()

    def version_of(version: str) -> Optional[Bank]:
        # Only a bundled bank has other versions at hand; a bank file is what it is.
        if bank is not None and ("/" in bank or bank.endswith(".toml")):
            return None
        try:
            return resolve_bank(loaded.id, version)
        except BankError:
            return None

    try:
        progress, resumed, loaded = open_progress(
            loaded, store, lang, resume, terminal, chosen_role, version_of
        )
        if resumed and role is not None and progress.role != chosen_role:
            raise UsageError(
                f"--role {role}: this session was started for role {progress.role!r}; "
                "use --new to start again with another role"
            )
        session = Session(loaded, progress, store, terminal, ask_profile=profile)
        result = session.run(welcome=not resumed)
    except (KeyboardInterrupt, EndOfInput):
        typer.echo("", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except SessionStopped as stop:
        typer.echo(stop.message, err=True)
        raise typer.Exit(EXIT_INTERRUPTED if stop.interrupted else EXIT_OK) from None

    from asn_assess.core.documents import to_json
    from asn_assess.reports.rich_report import result_report

    language = session.language
    saved = store.complete(result)
    if output is not None:
        write_output(output, to_json(result), force=True)
    typer.echo("", err=True)
    if norm is not None and norm.norms.bank_version != loaded.version:
        # A resumed session on an older version of the bank: its scores do not compare.
        message = t("norms.other_version", language, version=loaded.version, norm=norm.description)
        typer.echo(message, err=True)
        norm = None
    stdout_console().print(result_report(loaded, result, language, norm))
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
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Show a saved result as the report per pillar.

    Example: asn-assess report result.json --lang en
    """
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import parse_result, to_json
    from asn_assess.core.errors import ResultError, UsageError

    if as_json and norms is not None:
        raise UsageError("--norms adds percentiles to the report; leave it out with --json")
    result = parse_result(*read_document(result_file, ResultError))
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.reports.rich_report import result_report

    # The version the result names, unless a bank is given: results stay readable
    # after the bundled bank moves on to a new version.
    loaded = resolve_bank(bank or result.bank_id, None if bank else result.bank_version)
    if (loaded.id, loaded.version) != (result.bank_id, result.bank_version):
        raise ResultError(
            f"{result_file}: the result is for {result.bank_id} {result.bank_version}, "
            f"the bank is {loaded.id} {loaded.version}; pass the matching bank with --bank"
        )
    language = checked_language(loaded, lang or result.language)
    if not result.quality:  # saved before flags existed, or none: check the answers
        from asn_assess.analysis.quality import with_quality

        result = with_quality(loaded, result)
    norm = norm_reference(loaded, norms, norm_group)
    stdout_console().print(result_report(loaded, result, language, norm))


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
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Score one answer sheet without prompts.

    The bank is the bundled bank (and version) named in the sheet unless --bank is
    given.

    Example: asn-assess score answers.json --json > result.json
    """
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import parse_answer_sheet, to_json
    from asn_assess.core.errors import AnswerSheetError, Problem, UsageError
    from asn_assess.core.scoring import score as score_sheet

    if as_json and norms is not None:
        raise UsageError("--norms adds percentiles to the report; leave it out with --json")
    text, source = read_document(answers, AnswerSheetError)
    sheet = parse_answer_sheet(text, source)
    loaded = resolve_bank(bank or sheet.bank_id, None if bank else sheet.bank_version)
    from asn_assess.analysis.quality import with_quality

    try:
        result = with_quality(loaded, score_sheet(loaded, sheet))
    except AnswerSheetError as error:  # name the file as well as the key
        raise AnswerSheetError(
            [Problem(f"{source}: {p.where}", p.message) for p in error.problems]
        ) from None
    if output is not None:
        write_output(output, to_json(result), force=True)
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.reports.rich_report import result_report

    language = checked_language(loaded, lang or result.language)
    if not result.quality:  # saved before flags existed, or none: check the answers
        from asn_assess.analysis.quality import with_quality

        result = with_quality(loaded, result)
    norm = norm_reference(loaded, norms, norm_group)
    stdout_console().print(result_report(loaded, result, language, norm))


@app.command()
@reports_errors
def schema(
    name: Annotated[
        str, typer.Argument(metavar="answers|result|bank|norms", help="Which document.")
    ],
) -> None:
    """Print the JSON Schema of an answer sheet, a result, a bank or norms.

    Example: asn-assess schema answers > answers.schema.json
    """
    import json

    from pydantic import BaseModel

    from asn_assess.analysis.norms import Norms
    from asn_assess.core.documents import AnswerSheet, Result
    from asn_assess.core.errors import UsageError
    from asn_assess.core.models import Bank

    models: dict[str, type[BaseModel]] = {
        "answers": AnswerSheet,
        "result": Result,
        "bank": Bank,
        "norms": Norms,
    }
    if name not in models:
        raise UsageError(f"unknown schema {name!r}; choose one of: {', '.join(models)}")
    typer.echo(json.dumps(models[name].model_json_schema(), ensure_ascii=False, indent=2))
