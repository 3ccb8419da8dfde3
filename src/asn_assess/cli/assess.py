"""`asn-assess start`, `score`, `report` and `schema`: one person's assessment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    EXIT_OK,
    BankOption,
    DataDirOption,
    NormGroupOption,
    NormsOption,
    adopt_language,
    bank_file,
    checked_language,
    checked_role,
    echo_data,
    norm_reference,
    read_document,
    reports_errors,
)
from asn_assess.cli.outputs import (
    AllActionsOption,
    FormatOption,
    OutputsOption,
    PagerOption,
    emit_report,
    planned_outputs,
    print_report,
    write_reports,
)

if TYPE_CHECKING:
    from asn_assess.core.files import PathLike
    from asn_assess.core.models import Bank

LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", "-l", metavar="LANG", help="help.assess.lang", callback=adopt_language),
]


@app.command(help="help.start")
@reports_errors
def start(
    bank: BankOption = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.start.lang", callback=adopt_language
        ),
    ] = None,
    output: OutputsOption = None,
    resume: Annotated[
        Optional[bool],
        typer.Option(
            "--resume/--new",
            help="help.start.resume",
        ),
    ] = None,
    profile: Annotated[
        Optional[bool],
        typer.Option("--profile/--no-profile", help="mr.help.profile"),
    ] = None,
    role: Annotated[
        Optional[str],
        typer.Option(
            "--role",
            metavar="ROLE",
            help="help.start.role",
        ),
    ] = None,
    save: Annotated[
        bool,
        typer.Option(
            "--save/--no-save",
            help="help.start.save",
        ),
    ] = True,
    about: Annotated[
        Optional[str],
        typer.Option("--about", metavar="NAME|NIP", help="mr.help.about"),
    ] = None,
    as_group: Annotated[
        Optional[str],
        typer.Option("--as", metavar="GROUP", help="mr.help.as_group"),
    ] = None,
    all_actions: AllActionsOption = False,
    pager: PagerOption = True,
    data_dir: DataDirOption = None,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Take the assessment interactively and see your report: a summary, a development plan and
    the detail per pillar (help: ``help.start``)."""
    from asn_assess.cli import signals
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError, UsageError
    from asn_assess.core.i18n import say, t
    from asn_assess.core.models import is_rater
    from asn_assess.interactive.session import (
        EndOfInput,
        Session,
        SessionStopped,
        Terminal,
        open_progress,
    )
    from asn_assess.store import NothingKept, UserData, session_key
    from asn_assess.store import data_dir as user_data_dir

    loaded = resolve_bank(bank)
    if lang is not None:
        checked_language(loaded, lang)
    chosen_role = checked_role(loaded, role) if role is not None else None
    target, group = _rated_person(loaded, about, as_group)
    rating = is_rater(group)
    ask_profile = profile if profile is not None else not rating  # a rater stays unnamed
    folder = user_data_dir(data_dir)
    store = UserData(folder) if save else NothingKept(folder)
    # Before the first question: a bad -o is refused before anything is typed, and no
    # output may be the progress file or the bank it asks.
    progress_file = store.progress_path(session_key(loaded.id, target, group))
    others = [("progress", progress_file), ("--bank", bank_file(bank))]
    if rating:
        planned = _rating_outputs(output, others)
    else:
        planned = planned_outputs(output, None, others)
    norm = norm_reference(loaded, norms, norm_group)
    terminal = Terminal()

    def version_of(version: str) -> Optional[Bank]:
        # Only a bundled bank has other versions at hand; a bank file is what it is.
        if bank_file(bank) is not None:
            return None
        try:
            return resolve_bank(loaded.id, version)
        except BankError:
            return None

    # One session per data folder: a second one would overwrite this one's progress.
    with store.session_lock(lang):
        try:
            progress, resumed, loaded = open_progress(
                loaded, store, lang, resume, terminal, chosen_role, version_of, target, group
            )
            if resumed and role is not None and progress.role != chosen_role:
                raise UsageError(say("cli.resumed_other_role", role=role, started=progress.role))
            session = Session(loaded, progress, store, terminal, ask_profile=ask_profile)
            if rating:
                sheet = session.collect(welcome=not resumed)
            else:
                result = session.run(welcome=not resumed)
        except (KeyboardInterrupt, EndOfInput) as interrupt:
            typer.echo("", err=True)
            raise typer.Exit(signals.exit_code(interrupt)) from None
        except SessionStopped as stop:
            if stop.interrupt is not None:
                typer.echo("", err=True)  # the terminal has echoed ^C: start a fresh line
            typer.echo(stop.message, err=True)
            if not stop.interrupted:
                raise typer.Exit(EXIT_OK) from None
            raise typer.Exit(signals.exit_code(stop.interrupt or KeyboardInterrupt())) from None
        from asn_assess.cli.finish import finish_rating, finish_session

        if rating:
            finish_rating(loaded, sheet, store, session.language, [path for path, _ in planned])
            return
        if norm is not None and norm.norms.bank_version != loaded.version:
            # A resumed session on an older version of the bank: its scores do not compare.
            other = {"version": loaded.version, "norm": norm.description}
            message = t("norms.other_version", session.language, **other)
            typer.echo(message, err=True)
            norm = None
        finish_session(loaded, result, store, session.language, planned, all_actions, pager, norm)


def _rated_person(
    bank: Bank, about: Optional[str], as_group: Optional[str]
) -> tuple[Optional[str], str]:
    """(target, rater group) of `start --about NAME --as GROUP`; (None, self) without."""
    from asn_assess.cli.multirater import needs_rater_groups
    from asn_assess.core.answers import parse_rater_group, rater_groups_text
    from asn_assess.core.documents import normalise_target
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say
    from asn_assess.core.models import SELF, is_rater

    if about is None and as_group is None:
        return None, SELF
    needs_rater_groups(bank)
    if as_group is None:
        raise UsageError(say("mr.error.about_needs_as", groups=rater_groups_text(bank)))
    group = parse_rater_group(bank, as_group)
    if group is None:
        groups = rater_groups_text(bank)
        raise UsageError(
            say(
                "mr.error.unknown_group", option="--as", value=as_group, bank=bank.id, groups=groups
            )
        )
    target = normalise_target(about)
    if about is not None and target is None:
        raise UsageError(say("mr.error.about_empty"))
    if is_rater(group) and target is None:
        raise UsageError(say("mr.error.as_needs_about", group=group))
    return target, group


def _rating_outputs(
    outputs: Optional[list[Path]], others: Sequence[tuple[str, Optional[PathLike]]]
) -> list[tuple[Path, str]]:
    """The -o files of a rating: JSON answer sheets, each named once, none of them one
    of ``others`` (see ``planned_outputs``)."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    for path in outputs or []:
        if path.suffix.lower() != ".json":
            raise UsageError(say("mr.error.rating_output", path=path))
    return planned_outputs(outputs, "json", others)


@app.command(help="help.report")
@reports_errors
def report(
    result_file: Annotated[
        Optional[str],
        typer.Argument(metavar="RESULT", help="help.report.result_file"),
    ] = None,
    last: Annotated[bool, typer.Option("--last", help="help.report.last")] = False,
    form: FormatOption = None,
    output: OutputsOption = None,
    bank: BankOption = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang",
            "-l",
            metavar="LANG",
            help="help.report.lang",
            callback=adopt_language,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="help.report.json")] = False,
    all_actions: AllActionsOption = False,
    pager: PagerOption = True,
    data_dir: DataDirOption = None,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Show a saved result as the report, or export it as text, Markdown, HTML, CSV or JSON
    (help: ``help.report``)."""
    from asn_assess.core.documents import parse_result
    from asn_assess.core.errors import ResultError, UsageError
    from asn_assess.core.i18n import say

    if as_json:
        if form not in (None, "json"):
            raise UsageError(say("cli.json_contradicts", form=form))
        form = "json"
    if last == (result_file is not None):
        raise UsageError(say("cli.result_or_last"))
    inputs = [("RESULT", Path(result_file) if result_file else None), ("--bank", bank_file(bank))]
    planned = planned_outputs(output, form, inputs)
    previous = None
    if last:
        from asn_assess.cli.history import open_history, pick_entry

        with open_history(data_dir) as history:
            entry, result = pick_entry(history, "last")
            found = history.previous(result, entry.file)
        previous = found[1] if found else None
        source = say("cli.history_entry", id=entry.id)
    else:
        assert result_file is not None
        text, source = read_document(result_file, ResultError)
        result = parse_result(text, source)
    emit_report(
        result, source, bank, lang, form, planned, all_actions, pager, norms, norm_group, previous
    )


@app.command(help="help.score")
@reports_errors
def score(
    answers: Annotated[str, typer.Argument(metavar="FILE|-", help="help.score.answers")],
    bank: BankOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="help.score.json")] = False,
    output: OutputsOption = None,
    lang: LangOption = None,
    all_actions: AllActionsOption = False,
    pager: PagerOption = True,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Score one answer sheet without prompts and show the report (help: ``help.score``)."""
    from asn_assess.core.answers import checked_answer_sheet
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import AnswerSheet, load_json, to_json
    from asn_assess.core.errors import AnswerSheetError
    from asn_assess.core.scoring import score as score_sheet
    from asn_assess.reports.formats import ReportOptions, render

    others = [("FILE", Path(answers)), ("--bank", bank_file(bank))]
    planned = planned_outputs(output, None, others)
    text, source = read_document(answers, AnswerSheetError)

    def bank_for(sheet: AnswerSheet) -> Bank:
        return resolve_bank(bank or sheet.bank_id, None if bank else sheet.bank_version)

    data = load_json(text, source, AnswerSheetError)
    sheet, loaded = checked_answer_sheet(data, source, bank_for)
    from asn_assess.analysis.quality import with_quality

    result = with_quality(loaded, score_sheet(loaded, sheet))
    language = checked_language(loaded, lang or result.language)
    norm = norm_reference(loaded, norms, norm_group)
    options = ReportOptions(language, all_actions, norm=norm)
    write_reports(planned, loaded, result, options)
    if as_json:  # with a norm, the result placed in it (reports.formats.placed_json)
        placed = to_json(result) if norm is None else render("json", loaded, result, options)
        echo_data(placed, nl=False)
        return
    print_report(None, loaded, result, options, pager=pager)


@app.command(help="help.schema")
@reports_errors
def schema(
    name: Annotated[
        str, typer.Argument(metavar="answers|result|bank|norms", help="help.schema.name")
    ],
) -> None:
    """Print the JSON Schema of an answer sheet, a result, a bank or norms (help:
    ``help.schema``)."""
    import json

    from pydantic import BaseModel

    from asn_assess.analysis.norms import Norms
    from asn_assess.core.documents import AnswerSheet, Result
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say
    from asn_assess.core.models import Bank

    models: dict[str, type[BaseModel]] = {
        "answers": AnswerSheet,
        "result": Result,
        "bank": Bank,
        "norms": Norms,
    }
    if name not in models:
        raise UsageError(say("cli.unknown_schema", name=name, choices=", ".join(models)))
    typer.echo(json.dumps(models[name].model_json_schema(), ensure_ascii=False, indent=2))
