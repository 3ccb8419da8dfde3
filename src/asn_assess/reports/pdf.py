"""PDF from an HTML page, printed by a browser engine already on the machine: Chrome,
Chromium or Microsoft Edge in headless mode (Edge comes with every Windows 10 and 11).

Every PDF the tool writes goes this one way, from the same HTML as the ``.html`` report,
so the two never differ: the page's own print style sheet (A4, page breaks) lays it out.
Nothing leaves the machine: the page is a file in a private temporary folder, the
browser runs with a throw-away profile, and every host name it might look up resolves
to nowhere.

Where the engine is looked for, in order (``browser_candidates``):

1. ``$ASN_ASSESS_BROWSER``: a program path, or a name found on ``PATH``;
2. on ``PATH``: chromium, chromium-browser, google-chrome, google-chrome-stable, chrome,
   microsoft-edge, microsoft-edge-stable, msedge;
3. the usual install folders: ``/Applications/*.app`` on macOS; ``Program Files``,
   ``Program Files (x86)`` and the user's ``AppData\\Local`` on Windows; ``/opt/google``,
   ``/opt/microsoft`` and ``/snap/bin`` on Linux.

No engine, or one that fails, is a ``PdfError`` saying to open the HTML report in a
browser and print it to PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional, Union

from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.i18n import say

BROWSER_VARIABLE = "ASN_ASSESS_BROWSER"
PROGRAM_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
TIMEOUT_SECONDS = 120.0
"""Longest a browser may take to print one document (a cold start takes seconds)."""
_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--mute-audio",
    "--hide-scrollbars",
    # The page is self-contained: no name needs resolving, so none is.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    # Without the browser's own header and footer (date, file path): two spellings,
    # for newer and older versions; each ignores the one it does not know.
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
)


class PdfError(AssessError):
    """A PDF could not be made: no browser engine, or the one found failed."""


def browser_candidates() -> list[Path]:
    """Where a browser engine may be, in the order tried (see the module's text)."""
    found: list[Path] = []
    for name in PROGRAM_NAMES:
        on_path = shutil.which(name)
        if on_path:
            found.append(Path(on_path))
    found += [path for path in _install_locations() if path.is_file()]
    return found


def _install_locations() -> list[Path]:
    if sys.platform == "darwin":
        applications = [Path("/Applications"), Path.home() / "Applications"]
        bundles = (
            "Google Chrome.app/Contents/MacOS/Google Chrome",
            "Chromium.app/Contents/MacOS/Chromium",
            "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        )
        return [folder / bundle for folder in applications for bundle in bundles]
    if sys.platform.startswith("win"):
        roots = [
            os.environ.get(variable)
            for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
        ]
        programs = (
            "Microsoft/Edge/Application/msedge.exe",
            "Google/Chrome/Application/chrome.exe",
            "Chromium/Application/chrome.exe",
        )
        return [Path(root) / program for root in roots if root for program in programs]
    return [
        Path("/opt/google/chrome/chrome"),
        Path("/opt/microsoft/msedge/msedge"),
        Path("/snap/bin/chromium"),
        Path("/usr/lib/chromium/chromium"),
    ]


def find_browser() -> Path:
    """The browser engine to print with; ``PdfError`` when there is none (or
    ``$ASN_ASSESS_BROWSER`` names a program that is not there)."""
    named = os.environ.get(BROWSER_VARIABLE, "").strip()
    if named:
        path = shutil.which(named) or (named if Path(named).is_file() else None)
        if path is None:
            message = say("pdf.browser_missing", variable=BROWSER_VARIABLE, path=named)
            raise PdfError(Problem(BROWSER_VARIABLE, message))
        return Path(path)
    found = browser_candidates()
    if not found:
        raise PdfError(say("pdf.no_browser", variable=BROWSER_VARIABLE))
    return found[0]


def pdf_from_html(
    html: Union[str, Path], browser: Optional[Path] = None, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """The PDF of ``html`` (the page's text, or an HTML file), printed by ``browser``
    (default: ``find_browser``)."""
    engine = browser or find_browser()
    with tempfile.TemporaryDirectory(prefix="asn-assess-pdf-") as folder:  # private: 0700
        work = Path(folder)
        page = work / "page.html"
        text = html.read_text("utf-8") if isinstance(html, Path) else html
        page.write_text(with_a4_default(text), encoding="utf-8")
        output = work / "page.pdf"
        command = [
            str(engine),
            *_FLAGS,
            *_sandbox_flags(),
            f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={output}",
            page.as_uri(),
        ]
        try:
            run = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(
                Problem(str(engine), say("pdf.timeout", seconds=round(timeout)))
            ) from None
        except OSError as error:
            reason = error.strerror or str(error)
            raise PdfError(Problem(str(engine), say("pdf.cannot_start", reason=reason))) from None
        data = output.read_bytes() if output.is_file() else b""
        if not data.startswith(b"%PDF"):
            raise PdfError(Problem(str(engine), say("pdf.failed", code=run.returncode)))
        return data


A4_DEFAULT = "<style>@page { size: A4; }</style>"
"""Chrome prints on US Letter unless the page says otherwise, and has no command-line
option for the paper: a page without its own ``@page`` size gets A4, as Indonesian
offices use. Put first in the head, any ``@page`` rule of the page itself wins."""


def with_a4_default(html: str) -> str:
    """``html`` with ``A4_DEFAULT`` at the start of its head (or of the text)."""
    lowered = html[:4096].lower()
    head = lowered.find("<head")
    if head >= 0:
        end = lowered.find(">", head)
        if end >= 0:
            return html[: end + 1] + A4_DEFAULT + html[end + 1 :]
    return A4_DEFAULT + html


def _sandbox_flags() -> tuple[str, ...]:
    """Chrome refuses to run as root with its sandbox on (a container, a CI job); a
    person's own account keeps the sandbox."""
    geteuid = getattr(os, "geteuid", None)
    return ("--no-sandbox",) if geteuid is not None and geteuid() == 0 else ()


def write_pdf(html: Union[str, Path], output: Path, browser: Optional[Path] = None) -> None:
    """Print ``html`` (text or a file) to the PDF file ``output``, written atomically and
    readable by its owner only (a report names a person)."""
    from asn_assess.core.files import write_file

    write_file(output, pdf_from_html(html, browser), private=True)
