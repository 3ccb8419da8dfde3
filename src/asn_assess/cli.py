"""The command-line shell: parse arguments, call the core, print, map errors to exit codes.

Only Typer is imported at module level; everything else is imported inside the command
that needs it, so `asn-assess --version` and the first question appear quickly.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional, TypeVar

import typer

from asn_assess import __version__

EXIT_OK = 0
EXIT_INVALID = 1  # bad bank, bad answers, bad rows when strict
# 2, a usage error, comes from Click itself or from errors.UsageError.
EXIT_INTERRUPTED = 130

CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="asn-assess",
    help=(
        "Self-assessment of the three pillars of a professional civil servant (ASN): "
        "lead yourself, lead your organization, lead your programs.\n\n"
        "Example: asn-assess start"
    ),
    no_args_is_help=True,
    context_settings=CONTEXT,
    add_completion=False,
    rich_markup_mode=None,
)
bank_app = typer.Typer(
    help="List, show, validate question banks, or start a new one from a template.\n\nExample: asn-assess bank show",
    no_args_is_help=True,
    context_settings=CONTEXT,
    rich_markup_mode=None,
)
app.add_typer(bank_app, name="bank")

Command = TypeVar("Command", bound=Callable[..., object])


def reports_errors(command: Command) -> Command:
    """Turn the core's ``AssessError`` into one line per problem on stderr and its exit
    code: a user's mistake never shows a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from asn_assess.errors import AssessError

        try:
            return command(*args, **kwargs)
        except AssessError as error:
            _print_problems(error)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _print_problems(error) -> None:
    for problem in error.problems:
        typer.echo(f"error: {problem}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asn-assess {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", "-V", callback=_version, is_eager=True,
                     help="Print the version and exit."),
    ] = None,
) -> None:
    """Self-assessment of the three pillars of a professional ASN."""


BankOption = Annotated[
    Optional[str],
    typer.Option("--bank", "-b", metavar="ID|PATH",
                 help="A bundled bank id or a bank TOML file. Default: asn-profesional."),
]


# --- bank ---------------------------------------------------------------------------


@bank_app.command("list")
@reports_errors
def bank_list() -> None:
    """List the bundled banks: id, version, title and counts.

    Example: asn-assess bank list
    """
    from asn_assess.bank import bundled_bank_paths, load_bank
    from asn_assess.report import bank_list_table

    banks = [load_bank(path) for path in bundled_bank_paths()]
    _stdout().print(bank_list_table(banks))


@bank_app.command("show")
@reports_errors
def bank_show(
    bank: Annotated[Optional[str], typer.Argument(metavar="[ID|PATH]",
                                                  help="Bank id or file. Default: asn-profesional.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole normalised bank as JSON.")] = False,
    lang: Annotated[str, typer.Option("--lang", "-l", metavar="LANG", help="Language of the tree: id or en.")] = "id",
) -> None:
    """Show a bank as a tree of pillars, indicators and item counts.

    Example: asn-assess bank show --lang en

    Example: asn-assess bank show questions/asn-profesional.toml --json > bank.json
    """
    from asn_assess.bank import normalised_bank, resolve_bank

    loaded = resolve_bank(bank)
    if as_json:
        import json

        typer.echo(json.dumps(normalised_bank(loaded), ensure_ascii=False, indent=2))
        return
    from asn_assess.report import bank_tree

    _stdout().print(bank_tree(loaded, _language(loaded, lang)))


@bank_app.command("validate")
def bank_validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Bank TOML files to check.")],
) -> None:
    """Check bank files and list every problem found. Exit 0 when all are valid, 1 otherwise.

    Example: asn-assess bank validate questions/*.toml
    """
    from asn_assess.bank import load_bank
    from asn_assess.errors import BankError

    failed = 0
    for path in paths:
        try:
            bank = load_bank(path)
        except BankError as error:
            failed += 1
            _print_problems(error)
            typer.echo(f"{path}: invalid ({len(error.problems)} problem"
                       f"{'s' if len(error.problems) != 1 else ''})", err=True)
        else:
            typer.echo(f"{path}: valid ({bank.id} {bank.version}; pillars: {len(bank.pillars)}, "
                       f"indicators: {bank.indicator_count}, items: {bank.item_count})")
    if failed:
        raise typer.Exit(EXIT_INVALID)


@bank_app.command("template")
@reports_errors
def bank_template(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Write a small, valid starter bank to adapt.

    Example: asn-assess bank template -o my-bank.toml
    """
    from asn_assess.bank import starter_bank_text

    text = starter_bank_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_output(output, text, force)
    typer.echo(f"wrote {output}; check it with: asn-assess bank validate {output}", err=True)


# --- start ------------------------------------------------------------------------------


DataDirOption = Annotated[
    Optional[Path],
    typer.Option("--data-dir", metavar="DIR",
                 help="Folder for progress and saved results. Default: $ASN_ASSESS_HOME, "
                      "else the user data folder."),
]


@app.command()
@reports_errors
def start(
    bank: BankOption = None,
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", metavar="LANG", help="id (Bahasa Indonesia, default) or en.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Also save the result JSON to this file.")] = None,
    resume: Annotated[Optional[bool], typer.Option("--resume/--new", help="Resume a session in progress, or start anew (the old one is kept). Default: ask.")] = None,
    profile: Annotated[bool, typer.Option("--profile/--no-profile", help="Ask for name, NIP, unit and position (each optional).")] = True,
    data_dir: DataDirOption = None,
) -> None:
    """Take the assessment interactively and see your report per pillar.

    Keys: a number (or a-e) to answer, b back, s skip, ? help, q save and quit.
    Progress is saved after every answer; Ctrl-C saves too.

    Example: asn-assess start --lang en

    Example: asn-assess start --no-profile < answers.txt   (one answer per line)
    """
    from asn_assess.bank import resolve_bank
    from asn_assess.session import (EndOfInput, Session, SessionInterrupted, SessionQuit,
                                    Terminal, open_progress)
    from asn_assess.i18n import t
    from asn_assess.store import data_dir as user_data_dir, save_result

    loaded = resolve_bank(bank)
    if lang is not None:
        _language(loaded, lang)
    folder = user_data_dir(data_dir)
    terminal = Terminal()
    try:
        progress, progress_file, resumed = open_progress(loaded, folder, lang, resume, terminal)
        session = Session(loaded, progress, progress_file, terminal, ask_profile=profile)
        result = session.run(welcome=not resumed)
    except (KeyboardInterrupt, EndOfInput):
        typer.echo("", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except SessionInterrupted as stop:
        typer.echo(stop.message, err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except SessionQuit as stop:
        typer.echo(stop.message, err=True)
        raise typer.Exit(EXIT_OK) from None

    from asn_assess.documents import to_json
    from asn_assess.report import result_report

    language = progress.language
    saved = save_result(folder, result)
    if output is not None:
        _write_output(output, to_json(result), force=True)
    progress_file.unlink(missing_ok=True)  # the result now holds every answer
    typer.echo("", err=True)
    _stdout().print(result_report(loaded, result, language))
    typer.echo(t("end.result_saved", language, path=saved), err=True)
    if output is not None:
        typer.echo(t("end.result_saved", language, path=output), err=True)


@app.command()
@reports_errors
def report(
    result_file: Annotated[str, typer.Argument(metavar="RESULT", help="A saved result JSON, or - for stdin.")],
    bank: BankOption = None,
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", metavar="LANG", help="Report language (id or en). Default: the result's.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Show a saved result as the report per pillar.

    Example: asn-assess report result.json --lang en
    """
    from asn_assess.bank import resolve_bank
    from asn_assess.documents import parse_result, to_json
    from asn_assess.errors import ResultError

    result = parse_result(*_read_document(result_file, ResultError))
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.report import result_report

    loaded = resolve_bank(bank or result.bank_id)
    if (loaded.id, loaded.version) != (result.bank_id, result.bank_version):
        raise ResultError(f"{result_file}: the result is for {result.bank_id} {result.bank_version}, "
                          f"the bank is {loaded.id} {loaded.version}; pass the matching bank with --bank")
    _stdout().print(result_report(loaded, result, _language(loaded, lang or result.language)))


# --- batch ---------------------------------------------------------------------------------

@app.command()
@reports_errors
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="CSV / survey exports / JSONL answer sheets; - for stdin. Or the word 'template'.")],
    bank: BankOption = None,
    output_format: Annotated[Optional[str], typer.Option("--format", "-f", metavar="csv|jsonl", help="Output format. Default: from --output's suffix, else csv.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write results here (atomically) instead of stdout.")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", metavar="FILE", help="Write every rejected row here as JSONL.")] = None,
    summary_by: Annotated[Optional[str], typer.Option("--summary-by", metavar="COLUMN", help="Summarise scores per value of this column (e.g. the unit).")] = None,
    summary_output: Annotated[Optional[Path], typer.Option("--summary-output", metavar="FILE", help="Also write the summary as CSV.")] = None,
    min_group: Annotated[int, typer.Option("--min-group", min=1, metavar="N", help="Smaller groups are pooled as '(other)' in the summary.")] = 5,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any row is rejected.")] = False,
    id_column: Annotated[Optional[str], typer.Option("--id-column", metavar="NAME", help="Column (or answer-sheet field) identifying each respondent.")] = None,
    mapping: Annotated[Optional[Path], typer.Option("--mapping", metavar="FILE", help="TOML: [columns] header = item id, [labels] label = value.")] = None,
    pseudonymize: Annotated[bool, typer.Option("--pseudonymize", help="Replace identifiers by a keyed hash (needs --key-file).")] = False,
    key_file: Annotated[Optional[Path], typer.Option("--key-file", metavar="FILE", help="Secret key for --pseudonymize; keep it to get the same pseudonyms next time.")] = None,
    force: Annotated[bool, typer.Option("--force", help="With 'template': overwrite OUTPUT.")] = False,
) -> None:
    """Score many respondents from CSV, Google Forms / KoboToolbox / LimeSurvey exports
    or JSONL answer sheets. Every row becomes a result or an error record.

    Columns are matched to items by item id or question text (either language);
    answers may be numbers, labels or abbreviations (SS, S, N/RR, TS, STS).

    Example: asn-assess batch responses.csv -o results.csv --summary-by "Unit kerja"

    Example: asn-assess batch template -o blank.csv
    """
    from asn_assess.cli_batch import batch_template, run_batch

    if inputs[0] == "template":
        batch_template(bank, output, force, extra=inputs[1:])
        return
    try:
        run_batch(inputs, bank, output_format, output, errors, summary_by, summary_output,
                  min_group, strict, id_column, mapping, pseudonymize, key_file)
    except KeyboardInterrupt:  # outputs were discarded: nothing half-written is left
        typer.echo("interrupted: no output written", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _stderr():
    from asn_assess.report import make_console

    return make_console(stderr=True)


# --- score, schema -------------------------------------------------------------------


@app.command()
@reports_errors
def score(
    answers: Annotated[str, typer.Argument(metavar="FILE|-", help="Answer sheet JSON, or - for stdin.")],
    bank: BankOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON instead of the report.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Also save the result JSON to this file.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", metavar="LANG", help="Report language (id or en). Default: the sheet's.")] = None,
) -> None:
    """Score one answer sheet without prompts.

    The bank is the bundled bank named in the sheet unless --bank is given.

    Example: asn-assess score answers.json --json > result.json
    """
    from asn_assess.bank import resolve_bank
    from asn_assess.documents import parse_answer_sheet, to_json
    from asn_assess.errors import AnswerSheetError, Problem
    from asn_assess.scoring import score as score_sheet

    text, source = _read_document(answers, AnswerSheetError)
    sheet = parse_answer_sheet(text, source)
    loaded = resolve_bank(bank or sheet.bank_id)
    try:
        result = score_sheet(loaded, sheet)
    except AnswerSheetError as error:  # name the file as well as the key
        raise AnswerSheetError([Problem(f"{source}: {p.where}", p.message)
                                for p in error.problems]) from None
    if output is not None:
        _write_output(output, to_json(result), force=True)
    if as_json:
        typer.echo(to_json(result), nl=False)
        return
    from asn_assess.report import result_report

    language = _language(loaded, lang or result.language)
    _stdout().print(result_report(loaded, result, language))


@app.command()
@reports_errors
def schema(
    name: Annotated[str, typer.Argument(metavar="answers|result|bank", help="Which document.")],
) -> None:
    """Print the JSON Schema of an answer sheet, a result or a bank.

    Example: asn-assess schema answers > answers.schema.json
    """
    import json

    from asn_assess.models import AnswerSheet, Bank, Result

    from asn_assess.errors import UsageError

    models = {"answers": AnswerSheet, "result": Result, "bank": Bank}
    if name not in models:
        raise UsageError(f"unknown schema {name!r}; choose one of: answers, result, bank")
    typer.echo(json.dumps(models[name].model_json_schema(), ensure_ascii=False, indent=2))


# --- helpers ---------------------------------------------------------------------------


def _stdout():
    from asn_assess.report import make_console

    return make_console(stderr=False)


def _language(bank, requested: str) -> str:
    from asn_assess.errors import UsageError

    if requested not in bank.languages:
        raise UsageError(f"language {requested!r} is not in bank {bank.id!r} "
                          f"(languages: {', '.join(bank.languages)})")
    return requested


def _read_document(argument: str, error) -> tuple[str, str]:
    """(text, source) of a FILE|- argument: standard input for "-"."""
    if argument == "-":
        return sys.stdin.read(), "<stdin>"
    from asn_assess.files import read_text

    return read_text(argument, error), argument


def _write_output(path: Path, text: str, force: bool) -> None:
    from asn_assess.errors import AssessError
    from asn_assess.files import atomic_write_text

    if path.exists() and not force:
        raise AssessError(f"{path}: already exists; pass --force to overwrite it")
    atomic_write_text(path, text)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
