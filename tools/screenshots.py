"""Take the screenshots of the HTML report shown in the README, one per language, with
headless Chromium (Debian package `chromium`):

    python tools/screenshots.py      # writes docs/report-id.png and docs/report-en.png

The result is an example with varied answers; nothing about a real person.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
WINDOW = "900,1250"
LIMIT = 300_000
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def example_html(language: str) -> str:
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.documents import AnswerSheet, Respondent
    from asn_assess.core.scoring import score
    from asn_assess.reports.formats import ReportOptions, render

    bank = resolve_bank()
    answers = {}
    for number, item in enumerate(bank.items_asked_of("fungsional")):
        if item.is_situational:
            answers[item.id] = item.options[number % len(item.options)].id
        else:
            answers[item.id] = 2 + (number * 7) % 4
    sheet = AnswerSheet(
        bank_id=bank.id,
        bank_version=bank.version,
        language=language,
        role="fungsional",
        respondent=Respondent(name="Contoh Responden", unit="Unit Contoh"),
        finished_at="2026-05-04T03:15:00+00:00",
        answers=answers,
    )
    return render("html", bank, score(bank, sheet), ReportOptions(language))


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    for language in ("id", "en"):
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "report.html"
            page.write_text(example_html(language), encoding="utf-8")
            target = DOCS / f"report-{language}.png"
            subprocess.run(
                [
                    browser,
                    *FLAGS,
                    f"--user-data-dir={Path(folder) / 'profile'}",
                    f"--window-size={WINDOW}",
                    f"--screenshot={target}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
            )
        size = target.stat().st_size
        print(f"wrote {target} ({size // 1000} KB)")
        if size > LIMIT:
            sys.exit(f"{target} is larger than {LIMIT // 1000} KB")


if __name__ == "__main__":
    main()
