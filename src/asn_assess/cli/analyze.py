"""`asn-assess analyze`: item analysis, response quality and norms of many respondents."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.batch import ErrorsOnScreen, print_unused_columns, row_counter
from asn_assess.cli.common import (
    EXIT_INTERRUPTED,
    BankOption,
    adopt_language,
    bank_file,
    check_outputs,
    reports_errors,
    stdout_console,
)

if TYPE_CHECKING:
    from asn_assess.batch.analysis import AnalysisReport
    from asn_assess.core.models import Bank

FORMATS = ("rich", "json", "md", "csv", "html")
SUFFIX_FORMATS = {".json": "json", ".md": "md", ".csv": "csv", ".html": "html", ".htm": "html"}


@app.command(help="help.analyze")
@reports_errors
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT", help="help.analyze.inputs"),
    ],
    bank: BankOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="rich|json|md|csv|html",
            help="help.analyze.format",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.analyze.output"),
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.analyze.lang", callback=adopt_language
        ),
    ] = None,
    missing: Annotated[
        str,
        typer.Option(
            "--missing",
            metavar="pairwise|listwise",
            help="help.analyze.missing",
        ),
    ] = "pairwise",
    role: Annotated[
        Optional[str],
        typer.Option(
            "--role",
            metavar="ROLE",
            help="help.analyze.role",
        ),
    ] = None,
    exclude_flagged: Annotated[
        bool,
        typer.Option(
            "--exclude-flagged",
            help="help.analyze.exclude_flagged",
        ),
    ] = False,
    norms_out: Annotated[
        Optional[Path],
        typer.Option(
            "--norms-out",
            metavar="FILE",
            help="help.analyze.norms_out",
        ),
    ] = None,
    group_by: Annotated[
        Optional[str],
        typer.Option(
            "--group-by",
            metavar="COLUMN",
            help="help.analyze.group_by",
        ),
    ] = None,
    norm_min: Annotated[
        int,
        typer.Option(
            "--norm-min",
            metavar="N",
            help="help.analyze.norm_min",
        ),
    ] = 100,
    norms_source: Annotated[
        Optional[str],
        typer.Option(
            "--norms-source",
            metavar="TEXT",
            help="help.analyze.norms_source",
        ),
    ] = None,
    id_column: Annotated[
        Optional[str],
        typer.Option("--id-column", metavar="NAME", help="help.analyze.id_column"),
    ] = None,
    role_column: Annotated[
        Optional[str],
        typer.Option("--role-column", metavar="NAME", help="help.analyze.role_column"),
    ] = None,
    mapping: Annotated[
        Optional[Path],
        typer.Option("--mapping", metavar="FILE", help="help.analyze.mapping"),
    ] = None,
) -> None:
    """Can the scores be trusted? Reliability (Cronbach's alpha as R's psych::alpha), item
    analysis, response-quality flags and, with --norms-out, norms (help: ``help.analyze``)."""
    one_blas_thread()
    from asn_assess.analysis.norms import LOWEST_MINIMUM
    from asn_assess.batch.analysis import AnalysisOptions, run_analysis
    from asn_assess.batch.columns import load_mapping
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.cli.common import checked_language, checked_role
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import AnswerSheetError, Problem, UsageError
    from asn_assess.core.i18n import interface_language, say, t

    chosen = output_format or (SUFFIX_FORMATS.get(output.suffix.lower()) if output else None)
    chosen = chosen or "rich"
    if chosen not in FORMATS:
        raise UsageError(
            say("cli.choose_one", option="--format", value=chosen, choices=", ".join(FORMATS))
        )
    if missing not in ("pairwise", "listwise"):
        choices = "pairwise, listwise"
        raise UsageError(say("cli.choose_one", option="--missing", value=missing, choices=choices))
    if group_by and not norms_out:
        raise UsageError(say("analyze.group_by_needs_norms"))
    if norm_min < LOWEST_MINIMUM:
        raise UsageError(say("analyze.norm_min_low", value=norm_min, lowest=LOWEST_MINIMUM))
    if inputs.count("-") > 1:
        raise UsageError(say("mr.error.stdin_twice"))
    check_outputs(  # before anything is read: no output may destroy another file
        [("--output", output), ("--norms-out", norms_out)],
        [
            *[("INPUT", source) for source in inputs],
            ("--mapping", mapping),
            ("--bank", bank_file(bank)),
        ],
    )
    loaded = resolve_bank(bank)
    language = checked_language(loaded, lang or interface_language())
    settings = BatchSettings(
        bank=loaded,
        mapping=load_mapping(mapping, loaded) if mapping else None,
        id_column=id_column,
        summary_by=group_by,
        role_column=role_column,
        group_option="--group-by",
    )
    options = AnalysisOptions(
        missing="listwise" if missing == "listwise" else "pairwise",
        exclude_flagged=exclude_flagged,
        norms=norms_out is not None,
        role=checked_role(loaded, role) if role else None,
    )
    if norms_out is not None and norm_min < 100:
        typer.echo(t("analyze.norms_low_minimum", language, minimum=norm_min), err=True)
    shown = ErrorsOnScreen()
    try:
        with row_counter() as progress:
            found = run_analysis(inputs, settings, options, shown, progress)
    except KeyboardInterrupt:
        typer.echo(say("analyze.interrupted"), err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_unused_columns(found.counts)
    counts = found.counts
    if counts.scored == 0:
        # Nothing was analysed: a report of zero respondents would read as a clean one.
        message = t("analyze.nothing_scored", language, read=counts.read, rejected=counts.rejected)
        raise AnswerSheetError(Problem(", ".join(inputs), message))
    _write_analysis(loaded, found, chosen, output, language)
    typer.echo(
        say("analyze.counts", read=counts.read, scored=counts.scored, rejected=counts.rejected),
        err=True,
    )
    if norms_out is not None:
        source = norms_source or ", ".join(Path(name).name for name in inputs)
        _write_norms(found, norms_out, norm_min, source, group_by, language)


BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Run numpy's matrix products on one thread unless the user chose otherwise.

    The reliability sums are many small products (a block of about a thousand rows by
    a hundred items); with several threads, each product costs more in starting and
    waking threads than it saves, and on a busy machine the threads wait for each
    other: 100,000 rows took 8.7 s with OpenBLAS's threads and 0.5 s with one.
    Only takes effect before numpy is first imported, which the command line does not
    do before a command runs.
    """
    import os

    for variable in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")


def _write_analysis(
    bank: Bank, found: AnalysisReport, chosen: str, output: Optional[Path], language: str
) -> None:
    from asn_assess.core.files import write_file
    from asn_assess.reports import analysis_render as render
    from asn_assess.reports.analysis_view import analysis_view
    from asn_assess.reports.console import render_text

    analysis, counts = found.analysis, found.counts
    if chosen in ("json", "csv"):
        text = (
            render.to_json(analysis, counts.read, counts.rejected)
            if chosen == "json"
            else render.to_csv(analysis)
        )
    else:
        view = analysis_view(bank, analysis, language, counts.read, counts.rejected)
        if chosen == "rich" and output is None:
            stdout_console().print(render.to_rich(view))
            return
        if chosen == "rich":
            text = render_text(render.to_rich(view), width=120)
        else:
            text = render.to_markdown(view) if chosen == "md" else render.to_html(view, language)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_file(output, text.encode("utf-8"), private=False)  # figures about groups


def _write_norms(
    found: AnalysisReport,
    path: Path,
    minimum: int,
    source: str,
    group_by: Optional[str],
    language: str,
) -> None:
    from asn_assess.analysis.norms import NormError
    from asn_assess.analysis.pooling import OTHER
    from asn_assess.core.documents import to_json
    from asn_assess.core.errors import Problem
    from asn_assess.core.files import write_file
    from asn_assess.core.i18n import t

    assert found.norms is not None
    analysis = found.analysis
    alphas = {f"{s.kind}.{s.id}": s.raw_alpha for s in (*analysis.indicators, *analysis.pillars)}
    try:
        norms = found.norms.norms(
            minimum, source, group_by, excluded_flagged=analysis.excluded_flagged, alphas=alphas
        )
    except NormError as error:  # name the file that was not written
        raise NormError([Problem(str(path), p.message) for p in error.problems]) from None
    write_file(path, to_json(norms).encode("utf-8"), private=False)
    pooled = found.norms.small_groups(minimum)
    if pooled:
        key = "analyze.norms_pooled" if norms.has_group(OTHER) else "analyze.norms_pooled_few"
        typer.echo(t(key, language, count=pooled, minimum=minimum), err=True)
    everyone = norms.groups[0]
    written = t(
        "analyze.norms_written", language, path=path, groups=len(norms.groups), n=everyone.n
    )
    typer.echo(written, err=True)
    provisional = [key for key, level in everyone.levels.items() if level.provisional]
    if provisional:
        typer.echo(
            t("analyze.norms_provisional", language, n=everyone.n, minimum=minimum), err=True
        )
