"""`asn-assess multirater`: a 360-degree round read (``multirater.api``), each person's
report written or printed, the summary for HR, and the closing counts on stderr. The
table to collect ratings in is `asn-assess template multirater`
(``cli/multirater_template.py``).

Help texts and messages come from ``core/messages/multirater.py`` in the interface
language.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    BankOption,
    GroupColumnOption,
    TargetColumnOption,
    adopt_language,
    reports_errors,
    shown_language,
)
from asn_assess.core.i18n import say

if TYPE_CHECKING:
    from asn_assess.batch.blocks import RowError
    from asn_assess.core.models import Bank
    from asn_assess.multirater.aggregate import TargetView

MAX_ERRORS_ON_SCREEN = 20
FILE_FORMATS = {
    ".txt": "text",
    ".md": "md",
    ".html": "html",
    ".pdf": "pdf",
    ".csv": "csv",
    ".json": "json",
}
EXTENSION = {form: suffix for suffix, form in FILE_FORMATS.items()}


@app.command("multirater", help="mr.help.command")
@reports_errors
def multirater(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="mr.help.inputs")],
    bank: BankOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option("--format", "-f", metavar="FORMAT", help="mr.help.format"),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE|DIR", help="mr.help.output"),
    ] = None,
    summary: Annotated[
        Optional[Path], typer.Option("--summary", metavar="FILE", help="mr.help.summary")
    ] = None,
    errors: Annotated[
        Optional[Path], typer.Option("--errors", metavar="FILE", help="mr.help.errors")
    ] = None,
    target_column: TargetColumnOption = None,
    group_column: GroupColumnOption = None,
    min_raters: Annotated[
        int, typer.Option("--min-raters", metavar="N", help="mr.help.min_raters")
    ] = 3,
    gap: Annotated[
        float, typer.Option("--gap", metavar="POINTS", min=0, help="mr.help.gap")
    ] = 10.0,
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", "-l", metavar="LANG", help="mr.help.lang", callback=adopt_language),
    ] = None,
    pseudonymize: Annotated[
        bool, typer.Option("--pseudonymize", help="mr.help.pseudonymize")
    ] = False,
    key_file: Annotated[
        Optional[Path],
        typer.Option("--key-file", metavar="FILE", help="mr.help.key_file"),
    ] = None,
    sheet: Annotated[
        Optional[str],
        typer.Option("--sheet", metavar="NAME", help="sheet.help"),
    ] = None,
) -> None:
    """Read a 360-degree round and write each person's report (help: ``mr.help.command``)."""
    from asn_assess.cli.templates import refuse_template_word
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError
    from asn_assess.core.files import check_outputs

    refuse_template_word(inputs, "multirater")
    if pseudonymize and key_file is None:
        raise UsageError(say("mr.error.pseudonymize_key"))
    if inputs.count("-") > 1:
        raise UsageError(say("mr.error.stdin_twice"))
    from asn_assess.multirater.aggregate import MultiraterSettings

    settings = MultiraterSettings(min_raters=min_raters, clear_gap=gap)
    loaded = resolve_bank(bank)
    needs_rater_groups(loaded)
    language = shown_language(loaded, lang)
    form, folder = _output_kind(output, output_format)
    summary_form = _summary_kind(summary)
    protected = [("input", i) for i in inputs] + [("--key-file", key_file)]
    # A folder's files are known only after reading; they are checked then.
    single = None if folder is not None else output
    check_outputs([("-o", single), ("--summary", summary), ("--errors", errors)], protected)
    if form == "pdf":
        if output is None:
            raise UsageError(say("pdf.not_to_stdout"))
        from asn_assess.reports.pdf import find_browser

        find_browser()  # no engine to print with: said before the round is read
    if min_raters == 2:
        typer.echo(say("mr.warning.min_raters_two"), err=True)

    from asn_assess.batch.pseudonyms import Pseudonymizer
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.multirater.api import run_multirater

    batch_settings = BatchSettings(
        bank=loaded,
        target_column=target_column,
        rater_group_column=group_column,
        pseudonymize=Pseudonymizer.from_key_file(key_file) if pseudonymize and key_file else None,
        sheet=sheet,
    )
    try:
        outcome = run_multirater(inputs, batch_settings, settings)
    except KeyboardInterrupt as interrupt:
        from asn_assess.cli import signals

        typer.echo(say("mr.interrupted"), err=True)
        raise typer.Exit(signals.exit_code(interrupt)) from None
    views = outcome.views
    files: list[tuple[Path, bytes]] = []
    if folder is not None:
        named = _file_names([view.target for view in views], EXTENSION[form])
        files += [
            (folder / name, _document(loaded, [view], form, language))
            for name, view in zip(named, views, strict=True)
        ]
        others = [*protected, ("--summary", summary), ("--errors", errors)]
        check_outputs([("-o", path) for path, _ in files], others)
    elif output is not None:
        files.append((output, _document(loaded, views, form, language)))
    if summary is not None:
        files.append((summary, _summary(loaded, views, summary_form, language)))
    if errors is not None:
        lines = "".join(error.to_json() + "\n" for error in outcome.rejected)
        files.append((errors, lines.encode("utf-8")))
    write_together(files)
    if output is None:
        typer.echo(_render(loaded, views, form, language), nl=False)
    _report_rejected(outcome.rejected, errors is not None)
    if outcome.duplicates:
        typer.echo(say("mr.warning.duplicates", count=outcome.duplicates), err=True)
    if folder is not None:
        typer.echo(say("mr.wrote_folder", count=len(views), path=folder), err=True)
    elif output is not None:
        typer.echo(say("mr.wrote", path=output), err=True)
    for path in (summary, errors):
        if path is not None:
            typer.echo(say("mr.wrote", path=path), err=True)
    typer.echo(
        say("mr.counts", sheets=outcome.read, targets=len(views), withheld=outcome.withheld),
        err=True,
    )


def needs_rater_groups(bank: Bank) -> None:
    """A bank without rater groups cannot be used for 360-degree feedback."""
    from asn_assess.core.errors import BankError

    if not bank.rater_groups:
        raise BankError(say("mr.error.no_groups", bank=bank.id))


def _output_kind(output: Optional[Path], requested: Optional[str]) -> tuple[str, Optional[Path]]:
    """(format, folder): the report format and, for one file per person, the folder.
    A name without a format's extension, or ending in a separator, is a folder."""
    from asn_assess.reports.formats import format_for

    if output is not None and (
        output.is_dir()
        or str(output).endswith(("/", os.sep))
        or (not output.suffix and not output.exists())
    ):
        return format_for(None, requested), output
    return format_for(output, requested), None


def _summary_kind(summary: Optional[Path]) -> Optional[str]:
    from asn_assess.core.errors import UsageError

    if summary is None:
        return None
    suffix = summary.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UsageError(say("mr.error.summary_suffix", path=summary))
    return suffix[1:]


def _file_names(targets: list[str], suffix: str) -> list[str]:
    """A file name per person rated: their id (or pseudonym) with every character
    that is not a letter, digit, '.', '-' or '_' replaced, unique in the folder."""
    names: list[str] = []
    taken: set[str] = set()
    for target in targets:
        stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in target)
        stem = stem.strip("._")[:80] or "target"
        name, number = f"{stem}{suffix}", 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}{suffix}"
        taken.add(name.casefold())
        names.append(name)
    return names


def _document(bank: Bank, views: list[TargetView], form: str, language: str) -> bytes:
    """The reports of ``views`` as a file's bytes: a PDF printed from the HTML report
    (``reports.pdf``, the route every PDF takes), else the text of ``_render``."""
    if form == "pdf":
        from asn_assess.reports.pdf import pdf_from_html

        return pdf_from_html(_render(bank, views, "html", language))
    return _render(bank, views, form, language).encode("utf-8")


def _render(bank: Bank, views: list[TargetView], form: str, language: str) -> str:
    """The reports of ``views`` in one document of format ``form``."""
    if form == "json":
        from asn_assess.reports.multirater_tables import render_multirater_json

        return render_multirater_json(bank, views)
    if form == "csv":
        from asn_assess.reports.multirater_tables import csv_text, report_rows

        return csv_text(*report_rows(bank, views, language))
    from asn_assess.reports.multirater_data import build_multirater_report

    reports = [build_multirater_report(bank, view, language) for view in views]
    if form == "md":
        from asn_assess.reports.multirater_render import render_multirater_markdown

        return render_multirater_markdown(reports)
    if form == "html":
        from asn_assess.reports.multirater_html import render_multirater_html

        return render_multirater_html(reports)
    from asn_assess.reports.formats import TEXT_WIDTH
    from asn_assess.reports.multirater_render import render_multirater_text

    return render_multirater_text(reports, TEXT_WIDTH)


def _summary(bank: Bank, views: list[TargetView], form: Optional[str], language: str) -> bytes:
    from asn_assess.reports.multirater_tables import csv_text, summary_rows, xlsx_bytes

    header, rows = summary_rows(bank, views, language)
    if form == "xlsx":
        return xlsx_bytes([(say("mr.summary_sheet"), header, rows)])
    return csv_text(header, rows).encode("utf-8")


def write_together(files: list[tuple[Path, bytes]]) -> None:
    """Every file appears at the end, or none: a failure leaves the old files as they
    were. The reports name people: created readable by their owner only."""
    from asn_assess.core.files import OutputFile, commit_together

    pending: list[OutputFile] = []
    try:
        for path, data in files:
            pending.append(OutputFile(path, private=True))
            pending[-1].write(data)
    except BaseException:
        for output in pending:
            output.discard()
        raise
    commit_together(pending)


def _report_rejected(rejected: list[RowError], written: bool) -> None:
    """The first rejected rows (all are in --errors when given) and how many."""
    if not rejected:
        return
    if not written:
        for error in rejected[:MAX_ERRORS_ON_SCREEN]:
            typer.echo(say("mr.rejected", error=error), err=True)
        if len(rejected) > MAX_ERRORS_ON_SCREEN:
            more = len(rejected) - MAX_ERRORS_ON_SCREEN
            typer.echo(say("mr.rejected_more", count=more), err=True)
    typer.echo(say("mr.warning.rejected", count=len(rejected)), err=True)
