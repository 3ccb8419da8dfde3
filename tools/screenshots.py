"""Take the screenshots of the HTML reports shown in the README and the docs, with
headless Chromium (Debian package `chromium`):

    python tools/screenshots.py      # docs/report-id.png, docs/report-en.png, and
                                     # docs/agency-<section>.png, one per section

The person report is an example with varied answers; the agency report one of a
generated agency of 300 people in six units, with a previous round. Nothing about a
real person.
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


AGENCY_UNITS = {  # unit -> (people, how far its people lean above or below the middle)
    "Sekretariat": (62, 0.55),
    "Bidang Pelayanan Publik": (58, -0.35),
    "Bidang Perencanaan": (54, 0.3),
    "Bidang Pengawasan": (52, 0.0),
    "Bidang Data dan Informasi": (47, 0.15),
    "UPT Wilayah Timur": (27, -0.15),
    "UPT Wilayah Barat": (3, 0.0),
}
AGENCY_SECTIONS = {  # section -> window height (px) that holds it
    "who": 560,
    "glance": 900,
    "units": 760,
    "needs": 1450,
    "strengths": 380,
    "trend": 1250,
    "values": 700,
    "privacy": 420,
}


def agency_round(path: Path, seed: int, shift: float) -> None:
    """A generated round: people whose answers follow their own tendency (their unit's
    lean, their own and noise), some skipped, roles at random."""
    import csv
    import random

    from asn_assess.core.bank import resolve_bank

    bank = resolve_bank()
    rng = random.Random(seed)
    roles = [role.id for role in bank.roles]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["respondent_id", "Unit kerja", "role", *bank.items])
        number = 0
        for unit, (size, lean) in AGENCY_UNITS.items():
            for _ in range(size):
                number += 1
                role = rng.choice(roles)
                tendency = 3.6 + lean + shift + rng.gauss(0, 0.45)
                asked = {item.id for item in bank.items_asked_of(role)}
                cells = []
                for item in bank.items.values():
                    point = min(5, max(1, round(tendency + rng.gauss(0, 0.8))))
                    if item.id not in asked or rng.random() < 0.03:
                        cells.append("")
                    elif item.is_situational:
                        options = sorted(item.options, key=lambda option: option.score)
                        cells.append(options[point - 1].id)
                    else:
                        cells.append(str(6 - point if item.is_reversed else point))
                writer.writerow([f"C{number:04}", unit, role, *cells])


def agency_html(folder: Path, language: str) -> str:
    from asn_assess.agency.api import run_agency
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.core.bank import resolve_bank
    from asn_assess.reports.agency_render import render_agency

    now, then = folder / "2026.csv", folder / "2025.csv"
    agency_round(now, 26, 0.0)
    agency_round(then, 25, -0.25)
    settings = BatchSettings(resolve_bank(), summary_by="Unit kerja")
    report = run_agency([str(now)], settings, [str(then)])
    return render_agency(report, "html", language).decode("utf-8")


def shoot(browser: str, page: Path, target: Path, window: str) -> None:
    subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={page.parent / 'profile'}",
            f"--window-size={window}",
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


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    for language in ("id", "en"):
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "report.html"
            page.write_text(example_html(language), encoding="utf-8")
            shoot(browser, page, DOCS / f"report-{language}.png", WINDOW)
    with tempfile.TemporaryDirectory() as folder:
        html = agency_html(Path(folder), "id")
        for section, height in AGENCY_SECTIONS.items():
            if f'<section id="{section}"' not in html:
                continue
            page = Path(folder) / f"agency-{section}.html"
            only = (
                "<style>body > header, body > section, body > footer { display: none; } "
                f"body > section#{section} {{ display: block; }}</style></head>"
            )
            page.write_text(html.replace("</head>", only, 1), encoding="utf-8")
            shoot(browser, page, DOCS / f"agency-{section}.png", f"1000,{height}")


if __name__ == "__main__":
    main()
