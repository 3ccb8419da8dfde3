"""`asn-assess history list|show|compare|export|delete`: the results kept on this
computer (store/history.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import history_app
from asn_assess.cli.common import (
    BankOption,
    DataDirOption,
    NormGroupOption,
    adopt_language,
    echo_data,
    norm_reference,
    reports_errors,
    stdout_console,
)
from asn_assess.cli.outputs import (
    AllActionsOption,
    FormatOption,
    OutputsOption,
    PagerOption,
    emit_report,
    planned_outputs,
)

if TYPE_CHECKING:
    from asn_assess.core.documents import Result
    from asn_assess.core.models import Bank
    from asn_assess.store.history import Entry, History

LangOption = Annotated[
    Optional[str],
    typer.Option(
        "--lang",
        "-l",
        metavar="LANG",
        help="help.history.lang",
        callback=adopt_language,
    ),
]


def _language(lang: Optional[str]) -> str:
    """The language of the output: ``--lang`` (already the interface language, see
    ``adopt_language``), else the interface language."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import LANGUAGES, interface_language, say

    if lang is None:
        return interface_language()
    if lang not in LANGUAGES:
        raise UsageError(say("cli.bad_language_option", value=lang, languages=", ".join(LANGUAGES)))
    return lang


@contextmanager
def open_history(data_dir: Optional[Path]) -> Iterator[History]:
    """The history of the data folder, open; result files it could not import are
    named on stderr."""
    from asn_assess.core.i18n import say
    from asn_assess.store import data_dir as user_data_dir
    from asn_assess.store.history import History

    with History(user_data_dir(data_dir)) as history:
        for problem in history.skipped:
            typer.echo(say("history.skipped", problem=problem), err=True)
        yield history


def pick_entry(history: History, reference: str) -> tuple[Entry, Result]:
    """The entry ``reference`` names (an id, or ``last``) and its result."""
    from asn_assess.core.errors import ResultError, UsageError
    from asn_assess.core.i18n import say

    entries = history.entries()
    if reference.strip().casefold() == "last":
        if not entries:
            raise ResultError(say("history.empty"))
        entry = entries[-1]
    else:
        if not reference.strip().isdigit():
            raise UsageError(say("history.bad_id", value=reference))
        wanted = int(reference)
        found = next((e for e in entries if e.id == wanted), None)
        if found is None:
            raise ResultError(say("history.no_entry", id=wanted))
        entry = found
    result = history.result(entry.id)
    assert result is not None
    return entry, result


def _bank_of(bank_id: str, version: str, bank: Optional[str]) -> Optional[Bank]:
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError

    try:
        loaded = resolve_bank(bank or bank_id, None if bank else version)
    except BankError:
        return None
    return loaded if (loaded.id, loaded.version) == (bank_id, version) else None


def respondent_text(entry: Entry, language: str) -> str:
    """Whose an entry is, as ``history list`` shows it: the name and the NIP when it has
    them, "tanpa nama", or "tidak tercatat" for a result from before respondents were
    recorded that names nobody."""
    from asn_assess.core.documents import NO_NAME
    from asn_assess.core.i18n import t
    from asn_assess.core.nip import format_nip

    if entry.respondent is None:
        return t("history.not_known", language)
    if entry.respondent == NO_NAME:
        return t("history.no_name", language)
    parts = [entry.respondent_name] if entry.respondent_name else []
    if entry.respondent != entry.respondent_name:  # a NIP (or NI PPPK)
        number = entry.respondent
        parts.append(format_nip(number) if len(number) == 18 and number.isdigit() else number)
    return ", ".join(parts)


RespondentOption = Annotated[
    Optional[str],
    typer.Option("--respondent", "-r", metavar="NIP|NAME", help="help.history.respondent"),
]


@history_app.command("list", help="help.history_list")
@reports_errors
def history_list(
    respondent: RespondentOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="help.history_list.json")] = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """List every saved result: id, date, respondent, bank, version, overall score and
    band (help: ``help.history_list``)."""
    from rich.table import Table
    from rich.text import Text

    from asn_assess.core.i18n import format_score, t
    from asn_assess.reports.formatting import format_date

    language = _language(lang)
    with open_history(data_dir) as history:
        entries = history.entries(respondent=respondent)
    if as_json:
        import json

        rows = [
            {
                "id": e.id,
                "finished_at": e.finished_at.isoformat(),
                "respondent": e.respondent,
                "respondent_name": e.respondent_name,
                "bank_id": e.bank_id,
                "bank_version": e.bank_version,
                "overall": e.overall,
                "band": e.band,
                "file": e.file,
            }
            for e in entries
        ]
        echo_data(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not entries:
        key = "history.none_of" if respondent is not None else "history.empty"
        typer.echo(t(key, language, respondent=respondent), err=True)
        return
    banks: dict[tuple[str, str], Optional[Bank]] = {}
    table = Table(box=None, pad_edge=False, show_edge=False)
    # The respondent gets the room: the bank and its version share a column (wrapped
    # at the space between them when narrow), and a long band label wraps.
    table.add_column(t("history.col_id", language), justify="right", no_wrap=True)
    table.add_column(t("history.col_date", language), no_wrap=True)
    table.add_column(t("history.col_respondent", language), min_width=16)
    widest_bank = max(len(e.bank_id) for e in entries)  # never broken inside
    table.add_column(t("history.col_bank", language), min_width=widest_bank, overflow="fold")
    table.add_column(t("history.col_overall", language), justify="right", no_wrap=True)
    table.add_column(t("history.col_band", language))
    for e in entries:
        version = (e.bank_id, e.bank_version)
        if version not in banks:
            banks[version] = _bank_of(e.bank_id, e.bank_version, None)
        bank = banks[version]
        band = bank.band(e.band) if bank and e.band else None
        label = bank.text(band.label, language) if bank and band else (e.band or "-")
        table.add_row(
            str(e.id),
            format_date(e.finished_at, language),
            Text(respondent_text(e, language)),
            Text(f"{e.bank_id} {e.bank_version}"),
            "-" if e.overall is None else format_score(e.overall, language),
            Text(label),
        )
    stdout_console().print(table)


@history_app.command("show", help="help.history_show")
@reports_errors
def history_show(
    reference: Annotated[
        str, typer.Argument(metavar="ID|last", help="help.history_show.reference")
    ],
    form: FormatOption = None,
    output: OutputsOption = None,
    bank: BankOption = None,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang", "-l", metavar="LANG", help="help.history_show.lang", callback=adopt_language
        ),
    ] = None,
    all_actions: AllActionsOption = False,
    pager: PagerOption = True,
    data_dir: DataDirOption = None,
) -> None:
    """Show a saved result as the report, or export it (help: ``help.history_show``)."""
    from asn_assess.core.i18n import say

    planned = planned_outputs(output, form)
    with open_history(data_dir) as history:
        entry, result = pick_entry(history, reference)
        previous = history.previous(result, entry.file)
    source = say("cli.history_entry", id=entry.id)
    emit_report(
        result,
        source,
        bank,
        lang,
        form,
        planned,
        all_actions,
        pager,
        previous=previous[1] if previous else None,
    )


@history_app.command("compare", help="help.history_compare")
@reports_errors
def history_compare(
    first: Annotated[
        Optional[str], typer.Argument(metavar="A", help="help.history_compare.first")
    ] = None,
    second: Annotated[
        Optional[str], typer.Argument(metavar="B", help="help.history_compare.second")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="help.history_compare.json")] = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
    norms: Annotated[
        Optional[Path],
        typer.Option("--norms", metavar="FILE", help="help.history_compare.norms"),
    ] = None,
    norm_group: NormGroupOption = None,
) -> None:
    """Compare two results of one bank: before, after and the change for the overall score,
    each pillar and each indicator; with --norms, which changes exceed measurement error
    (help: ``help.history_compare``)."""
    from asn_assess.core.errors import ResultError
    from asn_assess.core.i18n import say
    from asn_assess.reports.compare import compare_results
    from asn_assess.reports.compare_view import comparison_json, comparison_view

    language = _language(lang)
    with open_history(data_dir) as history:
        if first is None:
            entries = history.entries()
            if not entries:
                raise ResultError(say("history.empty"))
            newest = entries[-1]
            if newest.respondent is None:
                raise ResultError(say("history.latest_unknown", id=newest.id))
            same = _same_person(history, newest)
            if len(same) < 2:
                raise ResultError(
                    say(
                        "history.need_two",
                        bank=newest.bank_id,
                        count=len(same),
                        who=respondent_text(newest, language),
                    )
                )
            before_entry, after_entry = same[-2], same[-1]
            before, after = history.result(before_entry.id), history.result(after_entry.id)
        else:
            before_entry, before = pick_entry(history, first)
            if second is None:
                after_entry = (_same_person(history, before_entry) or [before_entry])[-1]
                after = history.result(after_entry.id)
            else:
                after_entry, after = pick_entry(history, second)
    assert before is not None and after is not None
    _refuse_other_people(before_entry, after_entry, language)
    if before.bank_id != after.bank_id:
        raise ResultError(
            say(
                "history.other_bank",
                first=before_entry.id,
                first_bank=before.bank_id,
                second=after_entry.id,
                second_bank=after.bank_id,
            )
        )
    banks = []
    for result in (before, after):
        loaded = _bank_of(result.bank_id, result.bank_version, None)
        if loaded is None:
            raise ResultError(
                say("history.no_bank", bank=result.bank_id, version=result.bank_version)
            )
        banks.append(loaded)
    comparison = compare_results(banks[0], before, banks[1], after)
    norm = norm_reference(banks[1], norms, norm_group)  # the norm of the later result's bank
    reliable = None
    if norm is not None:
        from asn_assess.analysis.norms import level_keys
        from asn_assess.reports.compare import reliable_changes

        errors = {key: norm.standard_error(key) for key in level_keys(banks[1])}
        reliable = reliable_changes(comparison, errors)
    if as_json:
        import json

        data = comparison_json(comparison, before_entry.id, after_entry.id, reliable)
        if norm is not None:
            data["norm"] = norm.description
        echo_data(json.dumps(data, ensure_ascii=False, indent=2))
        return
    description = norm.description if norm is not None else None
    ids = (before_entry.id, after_entry.id)
    stdout_console().print(
        comparison_view(comparison, banks[0], banks[1], *ids, language, reliable, description)
    )


def _same_person(history: History, entry: Entry) -> list[Entry]:
    """The entries of ``entry``'s respondent and bank, oldest first; only ``entry`` itself
    when its respondent is not known (such a result is compared with no one's)."""
    if entry.respondent is None:
        return [entry]
    from asn_assess.core.documents import same_respondent

    return [
        other
        for other in history.entries(entry.bank_id)
        if same_respondent(other.respondent, entry.respondent)
    ]


def _refuse_other_people(first: Entry, second: Entry, language: str) -> None:
    """Two results of different respondents (or one of no known respondent) are never
    compared: a usage error naming both."""
    from asn_assess.core.documents import same_respondent
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    if same_respondent(first.respondent, second.respondent):
        return
    values = {
        "first": first.id,
        "first_who": respondent_text(first, language),
        "second": second.id,
        "second_who": respondent_text(second, language),
    }
    if first.respondent is None or second.respondent is None:
        raise UsageError(say("history.unknown_respondent", **values))
    raise UsageError(say("history.other_respondent", **values))


@history_app.command("export", help="help.history_export")
@reports_errors
def history_export(
    form: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="help.history_export.format",
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.history_export.output"),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Export every saved result, oldest first (help: ``help.history_export``)."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.files import write_file
    from asn_assess.core.i18n import say

    named = {".jsonl": "jsonl", ".csv": "csv"}.get(output.suffix.lower()) if output else None
    if output is not None and named is None:
        raise UsageError(say("history.export_suffix", path=output, suffix=output.suffix or "-"))
    if form is not None and form not in ("jsonl", "csv"):
        raise UsageError(say("cli.choose_one", option="--format", value=form, choices="jsonl, csv"))
    if form is not None and named is not None and form != named:
        raise UsageError(say("history.export_contradicts", path=output, form=form, named=named))
    chosen = form or named
    if chosen is None:
        raise UsageError(say("history.export_format_needed"))
    with open_history(data_dir) as history:
        results = list(history.results())
    from asn_assess.reports.history_export import history_csv, history_jsonl

    text = history_jsonl(results) if chosen == "jsonl" else history_csv(results)
    if output is None:
        sys.stdout.write(text)
    else:
        write_file(output, text.encode("utf-8"), private=True)  # everyone's results


@history_app.command("delete", help="help.history_delete")
@reports_errors
def history_delete(
    reference: Annotated[
        Optional[str], typer.Argument(metavar="ID|last", help="help.history_delete.reference")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="help.history_delete.all")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="help.history_delete.yes")] = False,
    lang: LangOption = None,
    data_dir: DataDirOption = None,
) -> None:
    """Delete results from the history, with their files (result JSON and HTML report), after a
    confirmation (help: ``help.history_delete``)."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say, t
    from asn_assess.reports.formatting import format_date

    language = _language(lang)
    if every == (reference is not None):
        raise UsageError(say("history.delete_which"))
    with open_history(data_dir) as history:
        if every:
            ids = [e.id for e in history.entries()]
            question = t("history.confirm_all", language, count=len(ids))
            if not ids:
                typer.echo(t("history.empty", language), err=True)
                return
        else:
            assert reference is not None
            entry, _ = pick_entry(history, reference)
            ids = [entry.id]
            question = t(
                "history.confirm_one",
                language,
                id=entry.id,
                date=format_date(entry.finished_at, language),
            )
        if not yes and not _confirmed(question, language):
            typer.echo(t("history.kept", language), err=True)
            return
        removed = history.delete(ids)
    typer.echo(t("history.deleted", language, count=len(ids), files=len(removed)), err=True)


def _confirmed(question: str, language: str) -> bool:
    """Ask on stderr, read one line from stdin; only a yes (in the language) confirms."""
    from asn_assess.core.i18n import t

    typer.echo(question, err=True, nl=False)
    answer = sys.stdin.readline()
    if not answer:
        typer.echo("", err=True)
    return answer.strip().casefold() in t("history.yes", language).split(",")
