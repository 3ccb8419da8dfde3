"""The end of `asn-assess start`: keep the result (JSON first, then the history and an
HTML report beside it), write the files named with -o, show the report with the change
since the same person's previous result of the same bank, and say where everything is."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from asn_assess.cli.common import echo_data
from asn_assess.cli.outputs import print_report, write_reports
from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.errors import AssessError
from asn_assess.core.i18n import set_interface_language, t
from asn_assess.core.models import Bank
from asn_assess.reports.compare import Comparison
from asn_assess.reports.formats import ReportOptions
from asn_assess.store import UserData

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference


def open_command(path: Path) -> str:
    """The command that opens ``path`` with the default program on this system."""
    if sys.platform.startswith("win"):
        return f'start "" "{path}"'
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    return f"{opener} {shlex.quote(str(path))}"


def finish_session(
    bank: Bank,
    result: Result,
    store: UserData,
    language: str,
    planned: list[tuple[Path, str]],
    all_actions: bool,
    pager: bool,
    norm: Optional[NormReference] = None,
) -> None:
    """Keep, write and show a finished session's result; ``norm`` places its scores
    among colleagues."""
    set_interface_language(language)  # warnings in the session's language too
    lines: list[str] = []
    comparison: Optional[Comparison] = None
    html: Optional[Path] = None
    if store.keeps_data:
        saved = store.complete(result)  # the JSON first: whatever follows, it is kept
        lines.append(t("end.result_saved", language, path=saved))
        comparison, warnings = record_in_history(store, bank, result, saved, language)
        html = saved.with_suffix(".html")
        keep = ReportOptions(language, all_actions, comparison=comparison, norm=norm)
        write_reports([(html, "html")], bank, result, keep)
        lines.append(t("end.report_saved", language, path=html))
        lines.append(t("end.open_with", language, command=open_command(html)))
    else:
        warnings = []
        lines.append(t("end.nothing_saved", language))
    options = ReportOptions(language, all_actions, comparison, norm)
    failed: Optional[AssessError] = None
    for output in planned:
        try:
            write_reports([output], bank, result, options)
        except AssessError as error:  # a PDF the browser could not print: the rest stands
            failed = failed or error
            continue
        lines.append(t("end.output_saved", language, path=output[0]))
    if store.keeps_data:
        lines.append(t("end.history_hint", language))

    typer.echo("", err=True)
    print_report(None, bank, result, options, pager)
    for line in [*warnings, *lines]:
        typer.echo(line, err=True)
    if failed is not None:
        if html is not None:
            typer.echo(t("pdf.html_kept", language, path=html), err=True)
        raise failed  # said last, as an error: exit 1


def record_in_history(
    store: UserData, bank: Bank, result: Result, saved: Path, language: str
) -> tuple[Optional[Comparison], list[str]]:
    """Add the saved result to the history (opening it imports the new file) and compare
    it with the previous result of the same respondent, bank and scoring (never with
    someone else's). A history that cannot be used gives a warning; the result file
    stays, and joins the history when it next opens."""
    from asn_assess.store.history import History, HistoryError

    warnings: list[str] = []
    previous: Optional[Result] = None
    try:
        with History(store.folder) as history:
            warnings += [t("history.skipped", language, problem=p) for p in history.skipped]
            found = history.previous(result, saved.name)
            if found is not None:
                previous = found[1]
    except HistoryError as error:
        problem = "; ".join(str(p) for p in error.problems)
        warnings.append(t("history.not_recorded", language, problem=problem, path=saved))
    if previous is None:
        return None, warnings
    return compare_with(previous, bank, result), warnings


def compare_with(previous: Result, bank: Bank, result: Result) -> Optional[Comparison]:
    """``result`` compared with ``previous``; None when the previous bank version is not
    at hand (a bank file that has moved on)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError
    from asn_assess.reports.compare import compare_results

    before_bank = bank
    if previous.bank_version != bank.version:
        try:
            before_bank = resolve_bank(previous.bank_id, previous.bank_version)
        except BankError:
            return None
    return compare_results(before_bank, previous, bank, result)


def finish_rating(
    bank: Bank, sheet: AnswerSheet, store: UserData, language: str, outputs: list[Path]
) -> None:
    """Keep a finished rating of someone else: its answer sheet in the data folder's
    ratings/ and in every -o file, or on standard output when neither. No report: the
    HR unit reports once every rater has answered."""
    from asn_assess.core.documents import to_json
    from asn_assess.core.files import write_file

    set_interface_language(language)
    group = bank.rater_group(sheet.rater_group)
    label = bank.text(group.label, language) if group else sheet.rater_group
    kept: list[Path] = []
    if store.keeps_data:
        kept.append(store.complete_rating(sheet))
    for path in outputs:
        write_file(path, to_json(sheet).encode("utf-8"), private=True)
        kept.append(path)
    if not kept:
        echo_data(to_json(sheet), nl=False)
        return
    typer.echo(
        t("mr.session.saved", language, path=kept[0], target=sheet.target, group=label), err=True
    )
    for path in kept[1:]:
        typer.echo(t("mr.session.written", language, path=path), err=True)
