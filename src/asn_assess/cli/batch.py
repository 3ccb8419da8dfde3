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
    GroupColumnOption,
    NormGroupOption,
    NormsOption,
    TargetColumnOption,
    bank_file,
    check_outputs,
    error_label,
    norm_reference,
    reports_errors,
    stderr_console,
)

if TYPE_CHECKING:
    from rich.table import Table

    from asn_assess.batch.blocks import BatchCounts, RowError
    from asn_assess.batch.settings import OutputFormat
    from asn_assess.core.models import Bank

MAX_ERRORS_ON_SCREEN = 20


@app.command(help="help.batch")
@reports_errors
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="help.batch.inputs",
        ),
    ],
    bank: BankOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="csv|jsonl|xlsx",
            help="help.batch.format",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="help.batch.output",
        ),
    ] = None,
    errors: Annotated[
        Optional[Path],
        typer.Option("--errors", metavar="FILE", help="help.batch.errors"),
    ] = None,
    summary_by: Annotated[
        Optional[str],
        typer.Option(
            "--summary-by",
            metavar="COLUMN",
            help="help.batch.summary_by",
        ),
    ] = None,
    summary_output: Annotated[
        Optional[Path],
        typer.Option("--summary-output", metavar="FILE", help="help.batch.summary_output"),
    ] = None,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group",
            min=1,
            metavar="N",
            help="help.batch.min_group",
        ),
    ] = 5,
    strict: Annotated[bool, typer.Option("--strict", help="help.batch.strict")] = False,
    id_column: Annotated[
        Optional[str],
        typer.Option(
            "--id-column",
            metavar="NAME",
            help="help.batch.id_column",
        ),
    ] = None,
    role_column: Annotated[
        Optional[str],
        typer.Option(
            "--role-column",
            metavar="NAME",
            help="help.batch.role_column",
        ),
    ] = None,
    target_column: TargetColumnOption = None,
    group_column: GroupColumnOption = None,
    mapping: Annotated[
        Optional[Path],
        typer.Option(
            "--mapping",
            metavar="FILE",
            help="help.batch.mapping",
        ),
    ] = None,
    exclude_flagged: Annotated[
        bool,
        typer.Option(
            "--exclude-flagged",
            help="help.batch.exclude_flagged",
        ),
    ] = False,
    norms: NormsOption = None,
    norm_group: NormGroupOption = None,
    pseudonymize: Annotated[
        bool,
        typer.Option("--pseudonymize", help="help.batch.pseudonymize"),
    ] = False,
    key_file: Annotated[
        Optional[Path],
        typer.Option(
            "--key-file",
            metavar="FILE",
            help="help.batch.key_file",
        ),
    ] = None,
    encoding: Annotated[
        Optional[str],
        typer.Option(
            "--encoding",
            metavar="NAME",
            help="help.batch.encoding",
        ),
    ] = None,
    sheet: Annotated[
        Optional[str], typer.Option("--sheet", metavar="NAME", help="sheet.help")
    ] = None,
    decimals: Annotated[
        Optional[int],
        typer.Option("--decimals", min=0, max=15, metavar="N", help="out.help.decimals"),
    ] = None,
    band_labels: Annotated[
        bool, typer.Option("--band-labels", help="out.help.band_labels")
    ] = False,
    duplicates: Annotated[
        str,
        typer.Option(
            "--duplicates", metavar="latest|first|all|reject", help="help.batch.duplicates"
        ),
    ] = "latest",
    keep: Annotated[
        Optional[list[str]],
        typer.Option("--keep", metavar="COLUMN", help="help.batch.keep"),
    ] = None,
) -> None:
    """Score many respondents from CSV or .xlsx files, Google Forms / KoboToolbox / LimeSurvey
    exports or JSONL answer sheets (help: ``help.batch``)."""
    from asn_assess.cli.templates import refuse_template_word

    refuse_template_word(inputs, "batch")
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
        duplicates=duplicates,
        keep=keep or [],
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
        from asn_assess.core.i18n import interface_language

        sink = FileSink(
            settings.bank,
            results_format(output_format, output),
            output,
            errors,
            summary_output,
            drop_profile=pseudonymize,
            on_rejected=None if errors else shown,
            norm=norm,
            decimals=decimals,
            band_labels=interface_language() if band_labels else None,
            kept=kept_names(settings),
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
    if errors is None and counts.rejected + counts.set_aside > shown.count:
        more = counts.rejected + counts.set_aside - shown.count
        typer.echo(say("mr.rejected_more", count=more), err=True)
    print_column_notes(counts, settings)
    if counts.flagged:
        typer.echo(say("quality.batch_flagged", count=counts.flagged), err=True)
    if exclude_flagged:
        typer.echo(say("quality.batch_excluded", count=counts.excluded), err=True)
    if summary_by is not None:
        stderr_console().print(_summary_table(outcome.summary, settings.bank))
    if counts.incomplete:
        typer.echo(say("batch.incomplete", count=counts.incomplete), err=True)
    if counts.rejected and not strict:
        if errors:
            typer.echo(say("batch.rejected_see", count=counts.rejected, path=errors), err=True)
        else:
            typer.echo(say("mr.warning.rejected", count=counts.rejected), err=True)
    print_duplicates(counts)
    nothing_scored = counts.read > 0 and counts.scored == 0
    if nothing_scored:
        message = say("batch.nothing_scored", read=counts.read)
        typer.echo(f"{error_label()}: {message}", err=True)
    typer.echo(counts_line(counts), err=True)
    if (counts.rejected and strict) or nothing_scored:
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
    duplicates: str = "all",
    keep: Optional[list[str]] = None,
) -> Any:
    """The run's ``BatchSettings``, after checking that the options fit together."""
    from asn_assess.batch.columns import is_identifying, load_mapping
    from asn_assess.batch.duplicates import POLICIES
    from asn_assess.batch.inputs import checked_encoding
    from asn_assess.batch.pseudonyms import Pseudonymizer
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError
    from asn_assess.core.files import is_stdout
    from asn_assess.core.i18n import say

    output_format = results_format(output_format, output)
    if output_format == "xlsx" and is_stdout(output) and sys.stdout.isatty():
        raise UsageError(say("out.xlsx_terminal"))
    if pseudonymize and key_file is None:
        raise UsageError(say("mr.error.pseudonymize_key"))
    if (
        pseudonymize
        and summary_by
        and (is_identifying(summary_by) or summary_by in (id_column, target_column))
    ):
        raise UsageError(say("batch.summary_names_people", column=summary_by))
    for name in keep or []:
        # A name, NIP or e-mail is carried only when asked for, never into a
        # pseudonymised run's files.
        if pseudonymize and (is_identifying(name) or name in (id_column, target_column)):
            raise UsageError(say("batch.keep_names_people", column=name))
    if summary_output and not summary_by:
        raise UsageError(say("batch.summary_output_needs_by"))
    if exclude_flagged and not summary_by:
        raise UsageError(say("batch.exclude_needs_by"))
    if inputs.count("-") > 1:
        raise UsageError(say("mr.error.stdin_twice"))
    codec = checked_encoding(encoding)
    policy = duplicates.strip().casefold()
    if policy not in POLICIES:
        raise UsageError(say("batch.bad_duplicates", value=duplicates))
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
        duplicates=policy,
        keep=tuple(keep or ()),
        keep_profile=not keep and output_format == "xlsx",
    )


def kept_names(settings: Any) -> list[str]:
    """The output names of the input columns a run carries (``--keep``, or the unit
    and position in a workbook)."""
    from asn_assess.batch.columns import CARRIED_NAMES, CARRIED_PROFILE, KEPT_PREFIX

    names = [f"{KEPT_PREFIX}{name}" for name in settings.keep]
    carried = [CARRIED_NAMES[role] for role in CARRIED_PROFILE]
    return names + (carried if settings.keep_profile else [])


def results_format(output_format: Optional[str], output: Optional[Path]) -> OutputFormat:
    """The format asked for, or the one ``output``'s suffix names (csv by default);
    ``UsageError`` for a format batch does not write."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    formats: dict[str, OutputFormat] = {"csv": "csv", "jsonl": "jsonl", "xlsx": "xlsx"}
    if output_format is None:
        suffix = output.suffix.lower() if output is not None else ""
        by_suffix: dict[str, OutputFormat] = {
            ".jsonl": "jsonl",
            ".ndjson": "jsonl",
            ".xlsx": "xlsx",
        }
        return by_suffix.get(suffix, "csv")
    chosen = formats.get(output_format.lower())
    if chosen is None:
        raise UsageError(say("batch.bad_format", value=output_format))
    return chosen


def counts_line(counts: BatchCounts) -> str:
    """The run's last line: read, scored (incomplete), rejected, and set aside when
    duplicates were."""
    from asn_assess.core.i18n import say

    line = say(
        "batch.counts",
        read=counts.read,
        scored=counts.scored,
        incomplete=counts.incomplete,
        rejected=counts.rejected,
    )
    if counts.set_aside:
        line += say("batch.counts_set_aside", count=counts.set_aside)
    return line


def print_duplicates(counts: BatchCounts) -> None:
    """Say how many people sent more than once and what became of their rows."""
    from asn_assess.core.i18n import say

    found = counts.duplicates
    if found is None or not found.people:
        return
    if found.policy == "reject":
        rejected = sum(len(rows) for rows in found.verdicts.values())
        typer.echo(say("dup.found_rejected", people=found.people, count=rejected), err=True)
    else:
        if found.policy == "first":
            how = say("dup.how_first")
        elif found.by_time:
            columns = ", ".join(repr(column) for column in sorted(found.by_time))
            how = say("dup.how_latest_time", columns=columns)
        else:
            how = say("dup.how_latest_order")
        count = counts.set_aside
        typer.echo(say("dup.found", people=found.people, count=count, how=how), err=True)
    if found.by_name:
        typer.echo(say("dup.by_name"), err=True)


class ErrorsOnScreen:
    """Shows the first rejected (or set aside) rows on stderr; counts how many it
    showed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: RowError) -> None:
        """Show ``error`` unless enough have been shown already."""
        if self.count < MAX_ERRORS_ON_SCREEN:
            from asn_assess.core.i18n import say

            key = "batch.set_aside_row" if error.set_aside else "mr.rejected"
            typer.echo(say(key, error=error), err=True)
            self.count += 1


def print_unused_columns(counts: BatchCounts) -> None:
    """Warn about every input column that matched nothing."""
    from asn_assess.batch.headers import short_header

    for source, unused in counts.unused_columns.items():
        if unused:
            shown = ", ".join(repr(short_header(c)) for c in unused[:6]) + (
                ", ..." if len(unused) > 6 else ""
            )
            from asn_assess.core.i18n import say

            typer.echo(
                say("batch.unused_columns", source=source, count=len(unused), columns=shown),
                err=True,
            )


MAX_SUSPECTS_SHOWN = 5
MAX_COLUMN_NOTES = 10


def print_column_notes(counts: BatchCounts, settings: Any) -> None:
    """Once per column that held a cell that is not an answer: what it accepts. And a
    warning when 'n' means "not applicable" in some columns and a scale point in
    others."""
    from asn_assess.batch.answer_help import accepted_answers
    from asn_assess.batch.headers import short_header
    from asn_assess.batch.identities import lost_zeros
    from asn_assess.core.i18n import interface_language, say

    bank = settings.bank
    language = interface_language()
    language = language if language in bank.languages else bank.languages[0]
    for source, notes in counts.column_notes.items():
        for header, item_id in list(notes.not_answers.items())[:MAX_COLUMN_NOTES]:
            accepted = accepted_answers(bank, bank.items[item_id], language, settings.mapping)
            typer.echo(
                say(
                    "accepts.column",
                    source=source,
                    column=short_header(header),
                    item=item_id,
                    accepted=accepted,
                ),
                err=True,
            )
        if len(notes.not_answers) > MAX_COLUMN_NOTES:
            more = len(notes.not_answers) - MAX_COLUMN_NOTES
            typer.echo(say("accepts.more_columns", source=source, count=more), err=True)
        shortened = lost_zeros(notes)
        if shortened is not None and notes.id_column is not None:
            count, length = shortened
            typer.echo(
                say(
                    "id.lost_zeros",
                    source=source,
                    count=count,
                    column=notes.id_column,
                    length=length,
                ),
                err=True,
            )
        if notes.n_as_not_applicable and notes.n_as_point:
            named = ", ".join(repr(short_header(h)) for h in list(notes.n_as_point)[:4])
            if len(notes.n_as_point) > 4:
                named += ", ..."
            typer.echo(
                say(
                    "accepts.n_is_point",
                    source=source,
                    count=len(notes.n_as_point),
                    columns=named,
                ),
                err=True,
            )


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

    from asn_assess.core.i18n import format_count, interface_language, say

    language = interface_language()
    bar = Progress(
        SpinnerColumn(),
        # The count is written by the interface language: 7.532 baris, 7,532 rows.
        TextColumn(say("batch.progress_rows", rows="{task.fields[rows]}")),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=True,
    )
    task = bar.add_task("batch", total=None, rows=format_count(0, language))

    def update(rows: int) -> None:
        bar.update(task, completed=rows, rows=format_count(rows, language))

    with bar:
        yield update


def _summary_table(rows: list[dict[str, Any]], bank: Bank) -> Table:
    from rich.table import Table
    from rich.text import Text

    from asn_assess.core.i18n import format_count, format_score, interface_language, say

    language = interface_language()
    title = say("batch.summary_title")
    table = Table(title=title, title_justify="left", box=None, pad_edge=False)
    for name in ("group", "n", "measure", "mean", "median", "sd"):
        left = name in ("group", "measure")
        heading = say(f"batch.summary_{name}")
        table.add_column(heading, overflow="fold", justify="left" if left else "right")
    metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
    for row in rows:
        group = Text(str(row["group"]))
        if all(row.get(f"{metric}.mean") is None for metric in metrics):
            too_few = say("batch.summary_too_few")
            table.add_row(
                group, format_count(row["n"], language), too_few, "", "", "", end_section=True
            )
            continue
        for index, metric in enumerate(metrics):
            stats = [row.get(f"{metric}.{stat}") for stat in ("mean", "median", "sd")]
            table.add_row(
                group if index == 0 else "",
                format_count(row["n"], language) if index == 0 else "",
                say("batch.summary_overall") if metric == "overall" else metric.split(".")[-1],
                *[format_score(v, language, 1) if v is not None else "-" for v in stats],
                end_section=index == len(metrics) - 1,
            )
    return table
