"""The agency report in each of its formats, and which file extension means which.

Renderers are imported only when their format is asked for. The PDF is the HTML page
printed by the browser engine on the machine (``reports.pdf``, as every PDF).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from asn_assess.agency.api import AgencyReport
from asn_assess.core.errors import UsageError
from asn_assess.core.i18n import say

AGENCY_FORMATS = ("html", "pdf", "md", "csv", "json", "xlsx")
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".md": "md",
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
}
BINARY = frozenset({"pdf", "xlsx"})


def agency_format(path: Optional[Path], requested: Optional[str]) -> str:
    """The format to write: the one ``requested``, else the one ``path``'s extension
    names, else Markdown (on standard output). ``UsageError`` for an unknown format or
    extension, or an extension that contradicts the format asked for."""
    choices = ", ".join(AGENCY_FORMATS)
    if requested is not None and requested.lower() not in AGENCY_FORMATS:
        raise UsageError(say("cli.choose_one", option="--format", value=requested, choices=choices))
    wanted = requested.lower() if requested else None
    suffix = path.suffix.lower() if path is not None and str(path) != "-" else ""
    named = EXTENSIONS.get(suffix)
    if suffix and named is None and wanted is None:
        known = " ".join(EXTENSIONS)
        raise UsageError(say("agency.error.suffix", path=path, suffix=suffix, known=known))
    if wanted and named and wanted != named:
        raise UsageError(
            say("reading.report_contradicts", path=path, form=wanted, suffix=suffix, named=named)
        )
    return wanted or named or "md"


def render_agency(report: AgencyReport, form: str, language: str) -> bytes:
    """The report in format ``form`` (one of ``AGENCY_FORMATS``), as bytes to write."""
    if form == "csv":
        from asn_assess.reports.agency_data import render_agency_csv

        return render_agency_csv(report, language).encode("utf-8")
    if form == "json":
        from asn_assess.reports.agency_data import render_agency_json

        return render_agency_json(report, language).encode("utf-8")
    from asn_assess.reports.agency_view import build_agency_view

    view = build_agency_view(report, language)
    if form == "xlsx":
        from asn_assess.reports.agency_sheets import render_agency_xlsx

        return render_agency_xlsx(view)
    if form == "md":
        from asn_assess.reports.agency_html import DATA_TABLES
        from asn_assess.reports.agency_sheets import render_agency_markdown

        return render_agency_markdown(view, DATA_TABLES).encode("utf-8")
    from asn_assess.reports.agency_html import render_agency_html

    html = render_agency_html(view)
    if form == "pdf":  # the one route every PDF of the tool takes
        from asn_assess.reports.pdf import pdf_from_html

        return pdf_from_html(html)
    return html.encode("utf-8")
