"""Where a report goes: the terminal (through a pager when it is long), standard output
in an export format, or files named with ``-o`` (format from the extension). Shared by
`start`, `score`, `report` and `history show`."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from rich.console import RenderableType

    from asn_assess.core.documents import Result
    from asn_assess.core.files import PathLike
    from asn_assess.core.models import Bank
    from asn_assess.reports.formats import ReportOptions

OutputsOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="help.option.output",
    ),
]
FormatOption = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="help.option.format",
    ),
]
AllActionsOption = Annotated[
    bool,
    typer.Option("--all-actions", help="help.option.all_actions"),
]
PagerOption = Annotated[
    bool,
    typer.Option(
        "--pager/--no-pager",
        help="help.option.pager",
    ),
]


def planned_outputs(
    outputs: Optional[list[Path]],
    requested: Optional[str],
    others: Sequence[tuple[str, Optional[PathLike]]] = (),
) -> list[tuple[Path, str]]:
    """Each ``-o`` file with its format, checked before anything is done: a format that
    cannot be told or contradicts the extension, or a file that is another output or
    one of ``others`` (the input, the bank, the progress file: (option, path) pairs) is
    a usage error (exit 2), so no file of the run is ever overwritten."""
    from asn_assess.core.files import check_outputs
    from asn_assess.reports.formats import format_for

    planned = [(path, format_for(path, requested)) for path in outputs or []]
    check_outputs([("-o", path) for path, _ in planned], others)
    if any(form == "pdf" for _, form in planned):
        from asn_assess.reports.pdf import find_browser

        find_browser()  # no engine to print with: said now, before anything is done
    return planned


def write_reports(
    planned: list[tuple[Path, str]], bank: Bank, result: Result, options: ReportOptions
) -> None:
    """Write each planned file atomically (a file holds the old or the new report)."""
    from asn_assess.core.files import write_file
    from asn_assess.reports.formats import render_bytes

    for path, form in planned:  # a person's report: personal data, created 0600
        write_file(path, render_bytes(form, bank, result, options), private=True)


def print_report(
    form: Optional[str], bank: Bank, result: Result, options: ReportOptions, pager: bool = True
) -> None:
    """The report on standard output: in ``form``, or for the terminal when None."""
    if form is not None:
        from asn_assess.core.errors import UsageError
        from asn_assess.core.i18n import say
        from asn_assess.reports.formats import BINARY_FORMATS, format_for, render

        chosen = format_for(None, form)
        if chosen in BINARY_FORMATS:
            raise UsageError(say("pdf.not_to_stdout"))
        typer.echo(render(chosen, bank, result, options), nl=False)
        return
    from asn_assess.reports.report_data import build_report
    from asn_assess.reports.rich_report import report_renderable

    data = build_report(bank, result, options.language, options.comparison, options.norm)
    show(report_renderable(data, options.all_actions), pager)


def emit_report(
    result: Result,
    source: str,
    bank: Optional[str],
    lang: Optional[str],
    form: Optional[str],
    planned: list[tuple[Path, str]],
    all_actions: bool,
    pager: bool,
    norms: Optional[Path] = None,
    norm_group: Optional[str] = None,
    previous: Optional[Result] = None,
) -> None:
    """A saved result's report to the files planned, else to standard output; ``norms``
    (a norms file) and ``norm_group`` place its scores among colleagues; ``previous``
    (the same person's earlier result, from the history) adds the change since then."""
    from asn_assess.cli.common import bank_for_result, checked_language, norm_reference
    from asn_assess.core.i18n import say
    from asn_assess.core.scoring import check_result
    from asn_assess.reports.formats import ReportOptions

    loaded = bank_for_result(result, bank, source)
    check_result(loaded, result, source)  # every id it names is the bank's, said with the file
    language = checked_language(loaded, lang or result.language)
    norm = norm_reference(loaded, norms, norm_group)
    comparison = None
    if previous is not None:
        from asn_assess.cli.finish import compare_with

        comparison = compare_with(previous, loaded, result)
    options = ReportOptions(language, all_actions, comparison, norm)
    if planned:
        write_reports(planned, loaded, result, options)
        for path, _ in planned:  # said to the person: in the interface language
            typer.echo(say("export.written", path=path), err=True)
        return
    print_report(form, loaded, result, options, pager=pager)


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (a person reads it)."""
    return sys.stdout.isatty()


def show(renderable: RenderableType, pager: bool = True) -> None:
    """Print ``renderable`` on standard output; through a pager when it is a terminal,
    ``pager`` is on and the output is taller than the screen."""
    from asn_assess.cli.common import stdout_console

    console = stdout_console()
    if not (pager and stdout_is_terminal()):
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    text = capture.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    page(text)


def page(text: str) -> None:
    """Hand ``text`` to ``$PAGER`` (else ``less``; colours kept, quits at the end of a
    short text); printed as is when there is no pager."""
    import shlex
    import subprocess

    command = os.environ.get("PAGER", "less")
    if not command.strip():
        sys.stdout.write(text)
        return
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")
    try:
        process = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=environment)
    except OSError:
        sys.stdout.write(text)
        return
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the person left the pager before the end
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager while it runs
