"""`asn-assess agency`: options in, ``agency.api.run_agency`` called, the report written,
warnings and the closing counts printed on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import (
    BankOption,
    adopt_language,
    bank_file,
    check_outputs,
    reports_errors,
)

if TYPE_CHECKING:
    from asn_assess.agency.api import Round
    from asn_assess.batch.blocks import RowError
    from asn_assess.core.models import Bank


@app.command(help="help.agency")
@reports_errors
def agency(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="help.agency.inputs")],
    bank: BankOption = None,
    by: Annotated[
        Optional[str], typer.Option("--by", metavar="COLUMN", help="help.agency.by")
    ] = None,
    previous: Annotated[
        Optional[list[str]],
        typer.Option("--previous", metavar="INPUT", help="help.agency.previous"),
    ] = None,
    previous_bank: Annotated[
        Optional[str],
        typer.Option("--previous-bank", metavar="ID|PATH", help="help.agency.previous_bank"),
    ] = None,
    min_group: Annotated[
        int, typer.Option("--min-group", min=2, metavar="N", help="help.agency.min_group")
    ] = 5,
    norms: Annotated[
        Optional[Path], typer.Option("--norms", metavar="FILE", help="help.agency.norms")
    ] = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", metavar="html|pdf|md|csv|json|xlsx", help="help.agency.format"
        ),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="help.agency.output")
    ] = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.agency.lang", callback=adopt_language
        ),
    ] = None,
    errors: Annotated[
        Optional[Path], typer.Option("--errors", metavar="FILE", help="help.agency.errors")
    ] = None,
    role_column: Annotated[
        Optional[str],
        typer.Option("--role-column", metavar="NAME", help="help.agency.role_column"),
    ] = None,
    mapping: Annotated[
        Optional[Path], typer.Option("--mapping", metavar="FILE", help="help.agency.mapping")
    ] = None,
    sheet: Annotated[
        Optional[str], typer.Option("--sheet", metavar="NAME", help="sheet.help")
    ] = None,
    encoding: Annotated[
        Optional[str],
        typer.Option("--encoding", metavar="NAME", help="help.agency.encoding"),
    ] = None,
    exclude_flagged: Annotated[
        bool, typer.Option("--exclude-flagged", help="help.agency.exclude_flagged")
    ] = False,
    duplicates: Annotated[
        str,
        typer.Option(
            "--duplicates", metavar="latest|first|all|reject", help="help.batch.duplicates"
        ),
    ] = "latest",
    id_column: Annotated[
        Optional[str],
        typer.Option("--id-column", metavar="NAME", help="help.agency.id_column"),
    ] = None,
) -> None:
    """The agency report: who answered, the agency at a glance, units side by side,
    training needs, strengths, trend and the BerAKHLAK profile (help: ``help.agency``)."""
    from asn_assess.agency.api import run_agency
    from asn_assess.batch.columns import is_identifying, load_mapping
    from asn_assess.batch.inputs import checked_encoding
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.cli.common import checked_language
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError
    from asn_assess.core.files import is_stdout
    from asn_assess.core.i18n import interface_language, say
    from asn_assess.reports.agency_render import BINARY, agency_format, render_agency

    form = agency_format(output, output_format)
    if form == "pdf" and is_stdout(output):
        raise UsageError(say("pdf.not_to_stdout"))
    if form in BINARY and is_stdout(output) and sys.stdout.isatty():
        raise UsageError(say("agency.error.binary_terminal", form=form))
    if by is not None and is_identifying(by):
        raise UsageError(say("agency.error.by_names_people", column=by))
    previous = previous or []
    if previous_bank is not None and not previous:
        raise UsageError(say("agency.error.previous_bank_alone"))
    if (inputs + previous).count("-") > 1:
        raise UsageError(say("mr.error.stdin_twice"))
    from asn_assess.batch.duplicates import POLICIES

    policy = duplicates.strip().casefold()
    if policy not in POLICIES:
        raise UsageError(say("batch.bad_duplicates", value=duplicates))
    check_outputs(  # before anything is read: no output may destroy another file
        [("--output", output), ("--errors", errors)],
        [
            *[("INPUT", source) for source in inputs],
            *[("--previous", source) for source in previous],
            ("--mapping", mapping),
            ("--norms", norms),
            ("--bank", bank_file(bank)),
            ("--previous-bank", bank_file(previous_bank)),
        ],
    )
    loaded = resolve_bank(bank)
    language = checked_language(loaded, lang or interface_language())
    codec = checked_encoding(encoding)
    settings = BatchSettings(
        bank=loaded,
        mapping=load_mapping(mapping, loaded) if mapping else None,
        summary_by=by,
        role_column=role_column,
        min_group=min_group,
        sheet=sheet,
        encoding=codec,
        group_option="--by",
        exclude_flagged=exclude_flagged,
        duplicates=policy,
        id_column=id_column,
    )
    previous_settings = None
    if previous:
        import dataclasses

        before_bank = resolve_bank(previous_bank) if previous_bank else loaded
        previous_settings = dataclasses.replace(
            settings,
            bank=before_bank,
            mapping=load_mapping(mapping, before_bank) if mapping else None,
        )
    error = measurement_errors(loaded, norms)
    rejected = RejectedRows(errors is not None)
    from asn_assess.cli.batch import row_counter

    with row_counter() as progress:
        report = run_agency(
            inputs, settings, previous, previous_settings, error, rejected, progress
        )
    data = render_agency(report, form, language)
    from asn_assess.core.files import OutputFile, commit_together

    pending = [OutputFile(output, private=False)]
    if errors is not None:
        pending.append(OutputFile(errors, private=True))  # rejected rows name people
    try:
        pending[0].write(data)
        if errors is not None:
            pending[1].write("".join(e.to_json() + "\n" for e in rejected.kept).encode("utf-8"))
    except BaseException:
        for file in pending:
            file.discard()
        raise
    commit_together(pending)
    _closing_lines(report.current, None if report.previous is None else report.previous)
    if output is not None and not is_stdout(output):
        typer.echo(say("mr.wrote", path=output), err=True)


class RejectedRows:
    """Rejected rows: the first few on stderr, by file and row only (the report never
    names people, nor do its messages), and all of them kept for ``--errors``."""

    def __init__(self, keep: bool):
        self.keep = keep
        self.kept: list[RowError] = []
        self.shown = 0

    def __call__(self, error: RowError) -> None:
        """Keep ``error``, or show it while few have been shown."""
        from dataclasses import replace

        from asn_assess.cli.batch import MAX_ERRORS_ON_SCREEN
        from asn_assess.core.i18n import say

        if self.keep:
            self.kept.append(error)
        elif self.shown < MAX_ERRORS_ON_SCREEN:
            key = "batch.set_aside_row" if error.set_aside else "mr.rejected"
            typer.echo(say(key, error=replace(error, respondent_id=None)), err=True)
            self.shown += 1


def _closing_lines(current: Round, previous: Optional[Round]) -> None:
    from asn_assess.cli.batch import counts_line, print_duplicates, print_unused_columns
    from asn_assess.core.i18n import say

    print_unused_columns(current.counts)
    print_duplicates(current.counts)
    if previous is not None:
        print_unused_columns(previous.counts)
        counts = previous.counts
        typer.echo(
            say(
                "agency.previous_counts",
                read=counts.read,
                scored=counts.scored,
                rejected=counts.rejected,
            ),
            err=True,
        )
    counts = current.counts
    if counts.rejected:
        typer.echo(say("mr.warning.rejected", count=counts.rejected), err=True)
    typer.echo(counts_line(counts), err=True)


def measurement_errors(bank: Bank, norms: Optional[Path]) -> Optional[dict[str, float]]:
    """The standard error of measurement of each score, from a norms file that carries
    each score's reliability and spread; None without --norms."""
    if norms is None:
        return None
    from asn_assess.agency.trend import measurement_errors as errors_of
    from asn_assess.analysis.norms import norm_reference

    return errors_of(norm_reference(norms, bank, None), bank)
