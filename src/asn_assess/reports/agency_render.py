"""The agency report in each of its formats, and which file extension means which.

Renderers are imported only when their format is asked for. The PDF is the HTML page
printed by a headless browser (``html_to_pdf``, the one place the report meets one).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from asn_assess.agency.api import AgencyReport
from asn_assess.core.errors import AssessError, UsageError
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
BROWSER_VARIABLE = "ASN_ASSESS_BROWSER"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "msedge")
BROWSER_SECONDS = 180


class BrowserError(AssessError):
    """No browser to print the PDF with, or one that failed."""


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
    return html_to_pdf(html) if form == "pdf" else html.encode("utf-8")


def find_browser() -> str:
    """The browser that prints PDFs: ``$ASN_ASSESS_BROWSER``, else the first of
    Chromium, Chrome and Edge found on the PATH."""
    chosen = os.environ.get(BROWSER_VARIABLE)
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise BrowserError(say("agency.error.browser_missing", browser=chosen))
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise BrowserError(say("agency.error.no_browser", variable=BROWSER_VARIABLE))


def html_to_pdf(html: str) -> bytes:
    """An HTML page printed to an A4 PDF by a headless browser; nothing is fetched
    from the network (the page holds everything it shows)."""
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="asn-assess-pdf-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(folder) / "report.pdf"
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            run = subprocess.run(command, capture_output=True, timeout=BROWSER_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as problem:
            raise BrowserError(
                say("agency.error.browser_failed", browser=browser, reason=problem)
            ) from None
        if run.returncode != 0 or not pdf.exists():
            lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = lines[-1] if lines else f"exit code {run.returncode}"
            raise BrowserError(say("agency.error.browser_failed", browser=browser, reason=reason))
        return pdf.read_bytes()
