"""The export formats of a report, which file extension means which, and rendering a
result in any of them. Renderers are imported only when their format is asked for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from asn_assess.core.documents import Result
from asn_assess.core.errors import UsageError
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank
from asn_assess.reports.compare import Comparison

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference

FORMATS = ("text", "md", "html", "pdf", "csv", "json")
EXTENSIONS = {
    ".txt": "text",
    ".md": "md",
    ".html": "html",
    ".pdf": "pdf",
    ".csv": "csv",
    ".json": "json",
}
BINARY_FORMATS = ("pdf",)
"""Formats that are written to files only, never to a terminal or a pipe."""
TEXT_WIDTH = 80
"""Width of the plain-text report in files and pipes."""


def format_for(path: Optional[Path], requested: Optional[str]) -> str:
    """The format to write ``path`` in: the one ``requested`` or, without one, the one
    its extension names. ``UsageError`` for an unknown format, an unknown extension, or
    an extension that contradicts the format requested (never CSV in a ``.xlsx``)."""
    if requested is not None and requested not in FORMATS:
        raise UsageError(say("reading.report_format", value=requested, choices=", ".join(FORMATS)))
    if path is None:
        return requested or "text"
    suffix = path.suffix.lower()
    named = EXTENSIONS.get(suffix)
    known = " ".join(EXTENSIONS)
    if suffix and named is None:
        raise UsageError(say("reading.report_suffix", path=path, suffix=path.suffix, known=known))
    if named is None:
        if requested is None:
            raise UsageError(say("reading.report_no_suffix", path=path, known=known))
        return requested
    if requested is not None and requested != named:
        raise UsageError(
            say(
                "reading.report_contradicts",
                path=path,
                form=requested,
                suffix=path.suffix,
                named=named,
            )
        )
    return named


@dataclass(frozen=True)
class ReportOptions:
    """How a result is reported: in which language, with every action or only the plan,
    and set against what (an earlier result, a norm)."""

    language: str
    all_actions: bool = False
    comparison: Optional[Comparison] = None
    """An earlier result of the same bank: the change since then."""
    norm: Optional[NormReference] = None
    """Where each score stands among colleagues; never changes a score."""


def render_bytes(form: str, bank: Bank, result: Result, options: ReportOptions) -> bytes:
    """The report of ``result`` as a file's bytes: a PDF printed from the HTML report
    (``reports.pdf``), every other format as UTF-8 text."""
    if form == "pdf":
        from asn_assess.reports.pdf import pdf_from_html

        return pdf_from_html(render("html", bank, result, options))
    return render(form, bank, result, options).encode("utf-8")


def render(
    form: str, bank: Bank, result: Result, options: ReportOptions, width: int = TEXT_WIDTH
) -> str:
    """The report of ``result`` in format ``form`` (one of ``FORMATS`` but the binary
    ones: see ``render_bytes``)."""
    if form == "json":
        from asn_assess.core.documents import to_json

        if options.norm is None:
            return to_json(result)
        return placed_json(bank, result, options.norm)
    from asn_assess.reports.report_data import build_report

    data = build_report(bank, result, options.language, options.comparison, options.norm)
    all_actions = options.all_actions
    if form == "text":
        from asn_assess.reports.text import render_text

        return render_text(data, width, all_actions)
    if form == "md":
        from asn_assess.reports.markdown import render_markdown

        return render_markdown(data, all_actions)
    if form == "html":
        from asn_assess.reports.html import render_html

        return render_html(data, all_actions)
    if form == "csv":
        from asn_assess.reports.csv_report import render_csv

        return render_csv(data)
    raise UsageError(say("reading.report_format", value=form, choices=", ".join(FORMATS)))


def placed_json(bank: Bank, result: Result, norm: NormReference) -> str:
    """A result placed in a norm, as one line of ``batch --format jsonl`` holds it:
    ``{"result": ..., "percentiles": ..., "bands": ..., "norm": ...}``, indented."""
    import json

    from asn_assess.analysis.norms import level_keys, placement

    scores = {"overall": result.overall.score}
    scores.update({f"pillar.{p.id}": p.score for p in result.pillars})
    scores.update({f"indicator.{i.id}": i.score for p in result.pillars for i in p.indicators})
    keyed = {key: scores.get(key) for key in level_keys(bank)}
    record = {"result": result.model_dump(mode="json"), **placement(norm, keyed)}
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
