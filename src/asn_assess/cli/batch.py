"""`asn-assess batch`: options in, ``batch.api.run_batch`` called, warnings, the summary
table and the closing counts printed on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    EXIT_INVALID,
    BankOption,
    NormGroupOption,
    NormsOption,
    bank_file,
    check_outputs,
    norm_reference,
    reports_errors,
    stderr_console,
    write_output,
)
from asn_assess.core.i18n import say_in
from asn_assess.core.messages.forms import MESSAGES
from asn_assess.core.messages.multirater import MESSAGES as RATER_MESSAGES

if TYPE_CHECKING:
    from rich.table import Table

    from asn_assess.batch.blocks import BatchCounts, RowError
    from asn_assess.core.models import Bank

MAX_ERRORS_ON_SCREEN = 20


@app.command()
@reports_errors
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="CSV / survey exports / JSONL answer sheets; - for stdin. Or the word 'template'.",
        ),
    ],
    bank: BankOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="csv|jsonl",
            help="Output format. Default: from --output's suffix, else csv.",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write results here (atomically) instead of stdout (-).",
        ),
    ] = None,
    errors: Annotated[
        Optional[Path],
        typer.Option("--errors", metavar="FILE", help="Write every rejected row here as JSONL."),
    ] = None,
    summary_by: Annotated[
        Optional[str],
        typer.Option(
            "--summary-by",
            metavar="COLUMN",
            help="Summarise scores per value of this column (e.g. the unit).",
        ),
    ] = None,
    summary_output: Annotated[
        Optional[Path],
        typer.Option("--summary-output", metavar="FILE", help="Also write the summary as CSV."),
    ] = None,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group",
            min=1,
            metavar="N",
            help="Smaller groups are pooled as '(other)' in the summary.",
        ),
    ] = 5,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any row is rejected.")
    ] = False,
    id_column: Annotated[
        Optional[str],
        typer.Option(
            "--id-column",
            metavar="NAME",
            help="Column (or answer-sheet field) identifying each respondent.",
        ),
    ] = None,
    role_column: Annotated[
        Optional[str],
        typer.Option(
            "--role-column",
            metavar="NAME",
            help="Column holding each respondent's role (id or name); only that role's items "
            "are scored. Default: a column named role or peran.",
        ),
    ] = None,
    target_column: Annotated[
        Optional[str],
        typer.Option(
            "--target-column", metavar="NAME", help=say_in(RATER_MESSAGES, "mr.help.target_column")
        ),
    ] = None,
    group_column: Annotated[
        Optional[str],
        typer.Option(
            "--group-column", metavar="NAME", help=say_in(RATER_MESSAGES, "mr.help.group_column")
        ),
    ] = None,
    mapping: Annotated[
        Optional[Path],
        typer.Option(
            "--mapping",
            metavar="FILE",
            help="TOML: [columns] header = item id, [labels] label = value.",
        ),
    ] = None,
    exclude_flagged: Annotated[
        bool,
        typer.Option(
            "--exclude-flagged",
            help="Leave rows with a response-quality flag out of the summary (they are "
            "still scored and written; the count is shown).",
        ),
    ] = False,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
    pseudonymize: Annotated[
        bool,
        typer.Option(
            "--pseudonymize", help="Replace identifiers by a keyed hash (needs --key-file)."
        ),
    ] = False,
    key_file: Annotated[
        Optional[Path],
        typer.Option(
            "--key-file",
            metavar="FILE",
            help="Secret key for --pseudonymize; keep it to get the same pseudonyms next time.",
        ),
    ] = None,
    encoding: Annotated[
        Optional[str],
        typer.Option(
            "--encoding",
            metavar="NAME",
            help="Encoding of the inputs, e.g. cp1252. Default: UTF-8 (UTF-16 with a BOM).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With 'template': overwrite OUTPUT.")
    ] = False,
    sheet: Annotated[
        Optional[str], typer.Option("--sheet", metavar="NAME", help=say_in(MESSAGES, "sheet.help"))
    ] = None,
) -> None:
    """Score many respondents from CSV or .xlsx files, Google Forms / KoboToolbox /
    LimeSurvey exports or JSONL answer sheets. Every row becomes a result or an error
    record.

    Columns are matched to items by item id or question text (either language), and by
    the names, codes and titles of forms made with `asn-assess form export`; answers
    may be numbers, labels, codes or abbreviations (SS, S, N/RR, TS, STS).

    Example: asn-assess batch responses.csv -o results.csv --summary-by "Unit kerja"

    Example: asn-assess batch kobo-export.xlsx -o results.csv

    Example: asn-assess batch template -o blank.csv
    """
    if inputs[0] == "template":
        batch_template(bank, output, force, extra=inputs[1:])
        return
    from asn_assess.batch.api import run_batch
    from asn_assess.batch.outputs import FileSink
    from asn_assess.cli import signals
    from asn_assess.core.i18n import say

    check_outputs(  # before anything is read: no output may destroy another file
        [("--output", output), ("--errors", errors), ("--summary-output", summary_output)],
        [
            *[("INPUT", source) for source in inputs],
            ("--key-file", key_file),
            ("--mapping", mapping),
            ("--bank", bank_file(bank)),
        ],
    )
    settings = _settings(
        bank_ref=bank,
        output_format=output_format,
        output=output,
        summary_by=summary_by,
        summary_output=summary_output,
        min_group=min_group,
        id_column=id_column,
        role_column=role_column,
        target_column=target_column,
        group_column=group_column,
        mapping_path=mapping,
        pseudonymize=pseudonymize,
        key_file=key_file,
        inputs=inputs,
        sheet=sheet,
        exclude_flagged=exclude_flagged,
        encoding=encoding,
    )
    if settings.pseudonymize is not None and key_file is not None:
        from asn_assess.batch.pseudonyms import key_file_warning

        warning = key_file_warning(key_file)
        if warning:
            typer.echo(warning, err=True)
    norm = norm_reference(settings.bank, norms, norm_group)
    shown = ErrorsOnScreen()
    sink = None
    try:
        sink = FileSink(
            settings.bank,
            "jsonl" if settings.full_results else "csv",
            output,
            errors,
            summary_output,
            drop_profile=pseudonymize,
            on_rejected=None if errors else shown,
            norm=norm,
        )
        with row_counter() as progress:
            outcome = run_batch(inputs, settings, sink, progress=progress)
    except KeyboardInterrupt as interrupt:  # Ctrl-C, SIGTERM, SIGHUP: outputs discarded
        committed = sink is not None and sink.committed
        stopped = "signal.batch_stopped_after" if committed else "signal.batch_stopped"
        if not committed and (output is None or str(output) == "-"):
            stopped = "signal.batch_stopped_stdout"  # rows already printed cannot be taken back
        typer.echo(say(stopped, signal=signals.signal_name(interrupt)), err=True)
        raise typer.Exit(signals.exit_code(interrupt)) from None
    counts = outcome.counts
    print_unused_columns(counts)
    _print_suspect_fields(counts)
    if errors is None and counts.rejected > shown.count:
        typer.echo(
            f"rejected: ... and {counts.rejected - shown.count} more; "
            "write them all with --errors FILE",
            err=True,
        )
    if counts.flagged:
        typer.echo(say("quality.batch_flagged", count=counts.flagged), err=True)
    if exclude_flagged:
        typer.echo(say("quality.batch_excluded", count=counts.excluded), err=True)
    if summary_by is not None:
        stderr_console().print(_summary_table(outcome.summary, settings.bank))
    if counts.incomplete:
        typer.echo(say("batch.incomplete", count=counts.incomplete), err=True)
    if counts.rejected and not strict:
        where = f"; see {errors}" if errors else ""
        typer.echo(f"warning: {counts.rejected} row(s) rejected{where}", err=True)
    typer.echo(
        say(
            "batch.counts",
            read=counts.read,
            scored=counts.scored,
            incomplete=counts.incomplete,
            rejected=counts.rejected,
        ),
        err=True,
    )
    if counts.rejected and strict:
        raise typer.Exit(EXIT_INVALID)


def _settings(
    *,
    bank_ref: Optional[str],
    output_format: Optional[str],
    output: Optional[Path],
    summary_by: Optional[str],
    summary_output: Optional[Path],
    min_group: int,
    id_column: Optional[str],
    mapping_path: Optional[Path],
    pseudonymize: bool,
    key_file: Optional[Path],
    inputs: list[str],
    role_column: Optional[str],
    target_column: Optional[str] = None,
    group_column: Optional[str] = None,
    sheet: Optional[str] = None,
    exclude_flagged: bool = False,
    encoding: Optional[str] = None,
) -> Any:
    """The run's ``BatchSettings``, after checking that the options fit together."""
    from asn_assess.batch.columns import is_identifying, load_mapping
    from asn_assess.batch.inputs import checked_encoding
    from asn_assess.batch.pseudonyms import Pseudonymizer
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError

    if output_format is None:
        suffix = output.suffix if output is not None else ""
        output_format = "jsonl" if suffix in (".jsonl", ".ndjson") else "csv"
    if output_format not in ("csv", "jsonl"):
        raise UsageError(f"--format {output_format!r}: choose csv or jsonl")
    if pseudonymize and key_file is None:
        raise UsageError("--pseudonymize needs --key-file FILE (a secret the unit keeps)")
    if (
        pseudonymize
        and summary_by
        and (is_identifying(summary_by) or summary_by in (id_column, target_column))
    ):
        raise UsageError(
            f"--summary-by {summary_by!r} names people, so its groups would show "
            "who answered; summarise by a unit or position column instead"
        )
    if summary_output and not summary_by:
        raise UsageError("--summary-output needs --summary-by COLUMN (what to group by)")
    if exclude_flagged and not summary_by:
        raise UsageError("--exclude-flagged needs --summary-by COLUMN (it acts on the summary)")
    if inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    codec = checked_encoding(encoding)
    loaded = resolve_bank(bank_ref)
    return BatchSettings(
        bank=loaded,
        mapping=load_mapping(mapping_path, loaded) if mapping_path else None,
        id_column=id_column,
        summary_by=summary_by,
        role_column=role_column,
        min_group=min_group,
        pseudonymize=Pseudonymizer.from_key_file(key_file) if pseudonymize and key_file else None,
        full_results=output_format == "jsonl",
        sheet=sheet,
        exclude_flagged=exclude_flagged,
        encoding=codec,
        target_column=target_column,
        rater_group_column=group_column,
    )


def batch_template(
    bank_ref: Optional[str], output: Optional[Path], force: bool, extra: list[str]
) -> None:
    """`batch template`: an empty CSV with one column per item."""
    import csv
    import io

    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError

    if extra:
        raise UsageError(
            f"'batch template' takes no input files (got {', '.join(extra)}); "
            "to score a file named 'template', write ./template"
        )
    check_outputs([("--output", output)], [("--bank", bank_file(bank_ref))])
    loaded = resolve_bank(bank_ref)
    text = io.StringIO()
    role = ["role"] if loaded.roles else []  # filled with a role id, or left empty
    csv.writer(text, lineterminator="\n").writerow(["respondent_id", "unit", *role, *loaded.items])
    write_output(output, text.getvalue(), private=False, replace=force)
    if output is None or str(output) == "-":
        return
    typer.echo(
        f"wrote {output}: one column per item of {loaded.id} {loaded.version}; "
        f"score it with: asn-assess batch {output} --id-column respondent_id",
        err=True,
    )


class ErrorsOnScreen:
    """Shows the first rejected rows on stderr; counts how many it showed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: RowError) -> None:
        """Show ``error`` unless enough have been shown already."""
        if self.count < MAX_ERRORS_ON_SCREEN:
            typer.echo(f"rejected: {error}", err=True)
            self.count += 1


def print_unused_columns(counts: BatchCounts) -> None:
    """Warn about every input column that matched nothing."""
    for source, unused in counts.unused_columns.items():
        if unused:
            shown = ", ".join(repr(c[:40]) for c in unused[:6]) + (
                ", ..." if len(unused) > 6 else ""
            )
            typer.echo(
                f"warning: {source}: {len(unused)} column(s) not used: {shown}; "
                "if they hold answers, name them in a --mapping file",
                err=True,
            )


MAX_SUSPECTS_SHOWN = 5


def _print_suspect_fields(counts: BatchCounts) -> None:
    from asn_assess.core.i18n import say

    for source, suspects in counts.suspect_fields.items():
        for suspect in suspects[:MAX_SUSPECTS_SHOWN]:
            typer.echo(
                say("batch.suspect_field", source=source, line=suspect.line, lines=suspect.lines),
                err=True,
            )
        if suspects:
            typer.echo(say("batch.suspect_fields", source=source, count=len(suspects)), err=True)


@contextmanager
def row_counter() -> Iterator[Optional[Callable[[int], None]]]:
    """A live row counter on stderr while the run lasts, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=True,
    )
    task = bar.add_task("batch", total=None)

    def update(rows: int) -> None:
        bar.update(task, completed=rows)

    with bar:
        yield update


def _summary_table(rows: list[dict[str, Any]], bank: Bank) -> Table:
    from rich.table import Table
    from rich.text import Text

    from asn_assess.core.i18n import format_score

    table = Table(title="Summary by group (0-100)", title_justify="left", box=None, pad_edge=False)
    for name in ("group", "n", "measure", "mean", "median", "sd"):
        left = name in ("group", "measure")
        table.add_column(name, overflow="fold", justify="left" if left else "right")
    metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
    for row in rows:
        group = Text(str(row["group"]))
        if all(row.get(f"{metric}.mean") is None for metric in metrics):
            table.add_row(group, str(row["n"]), "(too few to show)", "", "", "", end_section=True)
            continue
        for index, metric in enumerate(metrics):
            stats = [row.get(f"{metric}.{stat}") for stat in ("mean", "median", "sd")]
            table.add_row(
                group if index == 0 else "",
                str(row["n"]) if index == 0 else "",
                metric.split(".")[-1],
                *[format_score(v, "en", 1) if v is not None else "-" for v in stats],
                end_section=index == len(metrics) - 1,
            )
    return table
