"""`asn-assess bank panel export|analyze`: the expert keying panel's rating form and
what its ratings say (the work is in ``asn_assess.panel``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asn_assess.cli.app import bank_app
from asn_assess.cli.common import (
    BankOption,
    adopt_language,
    bank_file,
    check_outputs,
    new_app,
    reports_errors,
    shown_language,
    stdout_console,
)

if TYPE_CHECKING:
    from asn_assess.core.models import Bank
    from asn_assess.panel.agreement import PanelAnalysis

panel_app = new_app("help.panel_group")
bank_app.add_typer(panel_app, name="panel")

FORMATS = ("rich", "json", "md", "csv", "html")
SUFFIX_FORMATS = {".json": "json", ".md": "md", ".csv": "csv", ".html": "html", ".htm": "html"}

LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", "-l", metavar="id|en", help="help.panel.lang", callback=adopt_language),
]
ForceOption = Annotated[bool, typer.Option("--force", help="help.panel.force")]


@panel_app.command("export", help="help.panel_export")
@reports_errors
def panel_export(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.panel_export.output"),
    ] = None,
    bank: BankOption = None,
    raters: Annotated[
        int, typer.Option("--raters", metavar="N", help="help.panel_export.raters")
    ] = 10,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """Write the rating form of the expert panel (help: ``help.panel_export``)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import AssessError, UsageError
    from asn_assess.core.files import write_file
    from asn_assess.core.i18n import say
    from asn_assess.panel.form import MAX_RATERS, panel_rows, panel_workbook

    if output is None or str(output) == "-":
        raise UsageError(say("panel.error.output_needed"))
    if not 1 <= raters <= MAX_RATERS:
        raise UsageError(say("panel.error.raters", value=raters, most=MAX_RATERS))
    check_outputs([("--output", output)], [("--bank", bank_file(bank))])
    loaded = resolve_bank(bank)
    language = shown_language(loaded, lang)
    rows = panel_rows(loaded, language)
    if not rows:
        raise AssessError(say("panel.error.no_situational", bank=loaded.id, version=loaded.version))
    write_file(output, panel_workbook(loaded, language, raters), private=False, replace=force)
    typer.echo(
        say(
            "panel.wrote_form",
            path=output,
            options=len(rows),
            items=len({row.item_id for row in rows}),
            bank=loaded.id,
            version=loaded.version,
            raters=raters,
        ),
        err=True,
    )


@panel_app.command("analyze", help="help.panel_analyze")
@reports_errors
def panel_analyze(
    files: Annotated[
        list[Path], typer.Argument(metavar="RATINGS", help="help.panel_analyze.files")
    ],
    bank: BankOption = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", metavar="rich|json|md|csv|html", help="help.panel_analyze.format"
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="help.panel_analyze.output"),
    ] = None,
    write_keys: Annotated[
        Optional[Path],
        typer.Option("--write-keys", metavar="OUT.toml", help="help.panel_analyze.write_keys"),
    ] = None,
    lang: LangOption = None,
    force: ForceOption = False,
) -> None:
    """Report what the panel's ratings say (help: ``help.panel_analyze``)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say
    from asn_assess.panel.agreement import analyse_panel
    from asn_assess.panel.ratings import form_of, read_ratings

    chosen = output_format or (SUFFIX_FORMATS.get(output.suffix.lower()) if output else None)
    chosen = (chosen or "rich").strip().casefold()
    if chosen not in FORMATS:
        raise UsageError(
            say("cli.choose_one", option="--format", value=chosen, choices=", ".join(FORMATS))
        )
    if write_keys is not None and write_keys.suffix.casefold() != ".toml":
        raise UsageError(say("panel.error.keys_suffix", path=write_keys))
    check_outputs(
        [("--output", output), ("--write-keys", write_keys)],
        [*[("RATINGS", path) for path in files], ("--bank", bank_file(bank))],
    )
    if bank is None:  # the bank the forms were made from, when they all say the same
        named = {form for form in (form_of(path) for path in files) if form}
        bank = named.pop() if len(named) == 1 else None
    loaded = resolve_bank(bank)
    ratings = read_ratings(files, loaded)
    analysis = analyse_panel(loaded, ratings)
    typer.echo(
        say(
            "panel.read",
            files=len(files),
            raters=len(ratings.raters),
            ratings=ratings.count,
            items=len(ratings.items),
        ),
        err=True,
    )
    language = shown_language(loaded, lang)
    _write_report(analysis, chosen, output, language)
    if write_keys is not None:
        _write_keys(loaded, bank, analysis, write_keys, force)


def _write_report(
    analysis: PanelAnalysis, chosen: str, output: Optional[Path], language: str
) -> None:
    from asn_assess.core.files import write_file
    from asn_assess.reports import analysis_render as render
    from asn_assess.reports.console import render_text
    from asn_assess.reports.panel_view import panel_csv, panel_json, panel_view

    if chosen == "json":
        text = panel_json(analysis)
    elif chosen == "csv":
        text = panel_csv(analysis)
    else:
        view = panel_view(analysis, language)
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
        write_file(output, text.encode("utf-8"), private=False)  # no one's personal data


def _write_keys(
    loaded: Bank, reference: Optional[str], analysis: PanelAnalysis, path: Path, force: bool
) -> None:
    """The bank's own file, re-keyed where the panel proposes, written to ``path``."""
    from asn_assess.core.bank import bundled_banks
    from asn_assess.core.errors import BankError
    from asn_assess.core.files import read_text, write_file
    from asn_assess.core.i18n import say
    from asn_assess.panel.keys import rekeyed_text

    source = bank_file(reference)
    if source is None:
        source = str(
            next(
                b.path for b in bundled_banks() if b.id == loaded.id and b.version == loaded.version
            )
        )
    proposals = analysis.proposals()
    text = rekeyed_text(read_text(source, BankError), source, proposals)
    write_file(path, text.encode("utf-8"), private=False, replace=force)
    changed = [item for item in analysis.items if item.rekeyed]
    options = sum(1 for item in changed for o in item.options if o.proposed_score != o.bank_score)
    typer.echo(
        say(
            "panel.wrote_keys",
            path=path,
            options=options,
            items=len(changed),
            bank=reference or f"{loaded.id}@{loaded.version}",
        ),
        err=True,
    )
    left = [item.item for item in analysis.items if item.item not in proposals]
    if left:
        typer.echo(say("panel.keys_left", items=", ".join(left)), err=True)
