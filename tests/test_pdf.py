"""PDF reports (reports/pdf.py): real PDFs printed by headless Chromium from the HTML
report, read back with pypdf: page count, A4 pages, and the text a reader can copy
(the person's name, their score). Also what happens without a browser engine.

Chromium is the Debian package `chromium` (.ci/run installs it); where it cannot be
had, the tests that print are skipped with the reason, never silently.
"""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.analysis.quality import with_quality
from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet, Respondent
from asn_assess.core.i18n import format_score
from asn_assess.core.scoring import score
from asn_assess.reports.formats import ReportOptions, render
from asn_assess.reports.pdf import BROWSER_VARIABLE, PdfError, find_browser, pdf_from_html
from conftest import full_result

A4_POINTS = (595.28, 841.89)
SITI = Respondent(
    name="Siti Aminah Nurhayati", nip="19860926 201505 2 001", unit="BKPSDM Kabupaten Contoh"
)


@pytest.fixture(scope="module")
def chromium() -> Path:
    from test_browser import chromium_path

    return Path(chromium_path())


@pytest.fixture
def browser(chromium, monkeypatch) -> Path:
    monkeypatch.setenv(BROWSER_VARIABLE, str(chromium))
    return chromium


def read_pdf(data_or_path) -> tuple[int, list[tuple[float, float]], str]:
    """(pages, (width, height) of each page in points, the text of every page)."""
    import io

    from pypdf import PdfReader

    data = data_or_path.read_bytes() if isinstance(data_or_path, Path) else data_or_path
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), sizes, " ".join(text.split())


def assert_a4(sizes: list[tuple[float, float]]) -> None:
    assert sizes and all(
        abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5
        for width, height in sizes
    ), sizes


def varied_result(bank, language: str, role, pattern: int, respondent=SITI):
    """A result of ``role`` whose answers follow ``pattern`` (0: every scale answer the
    lowest, which also trips the response-quality notes)."""
    answers = {}
    for number, item in enumerate(bank.items_asked_of(role)):
        if item.is_situational:
            answers[item.id] = item.options[(number * pattern) % len(item.options)].id
        else:
            answers[item.id] = 1 + (number * pattern) % 5 if pattern else 1
    sheet = AnswerSheet(
        bank_id=bank.id,
        bank_version=bank.version,
        language=language,
        role=role,
        respondent=respondent,
        finished_at="2026-05-04T03:15:00+00:00",
        answers=answers,
    )
    return with_quality(bank, score(bank, sheet))


# --- the route ------------------------------------------------------------------------------------


def test_the_route_prints_an_html_page_on_a4_with_its_text(chromium, tmp_path):
    page = (
        "<!DOCTYPE html><html><head></head><body><h1>Laporan uji</h1><p>Skor 72,5</p></body></html>"
    )
    pages, sizes, text = read_pdf(pdf_from_html(page, chromium))
    assert pages == 1
    assert_a4(sizes)
    assert "Laporan uji" in text and "Skor 72,5" in text
    source = tmp_path / "page.html"  # an HTML file takes the same way
    source.write_text(page, encoding="utf-8")
    assert "Laporan uji" in read_pdf(pdf_from_html(source, chromium))[2]


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_default_report_is_at_most_two_a4_pages_and_the_appendix_follows(
    chromium, bundled_bank, language
):
    plain_pages = []
    for role, pattern in [(None, 0), ("pelaksana", 3), ("struktural", 7)]:
        result = varied_result(bundled_bank, language, role, pattern)
        html = render("html", bundled_bank, result, ReportOptions(language))
        pages, sizes, text = read_pdf(pdf_from_html(html, chromium))
        assert pages <= 2, (role, pattern, pages)
        assert_a4(sizes)
        plain_pages.append(pages)
        assert "Siti Aminah Nurhayati" in text and "19860926 201505 2 001" in text
        assert format_score(result.overall.score, language) in text
        supervisor = "Catatan atasan" if language == "id" else "Supervisor's notes"
        assert supervisor in text
        assert ("Atasan langsung" if language == "id" else "Direct supervisor") in text
        answered = "Dijawab" if language == "id" else "Answered"
        # "Answered X of Y" sits near the top: before the first pillar's heading.
        assert text.index(answered) < text.index("1:")
        if pattern == 0:  # the response notes fit on page 2 as well
            assert (
                "Catatan tentang jawaban" if language == "id" else "A note on the answers"
            ) in text

        everything = render("html", bundled_bank, result, ReportOptions(language, True))
        more, sizes, text = read_pdf(pdf_from_html(everything, chromium))
        assert more > pages
        assert_a4(sizes)
        assert ("Lampiran" if language == "id" else "Appendix") in text
    assert max(plain_pages) == 2


# --- every command that writes a report ---------------------------------------------------------


def invoke(home: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env={"ASN_ASSESS_HOME": str(home), **(env or {})})


def test_report_and_history_show_write_pdfs(browser, tmp_path, bundled_bank):
    result = varied_result(bundled_bank, "id", "pelaksana", 3)
    source = tmp_path / "hasil.json"
    source.write_text(result.model_dump_json(), encoding="utf-8")
    target = tmp_path / "laporan.pdf"
    run = invoke(tmp_path / "home", "report", str(source), "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert run.stderr == f"Ditulis: {target}\n"
    pages, sizes, text = read_pdf(target)
    assert pages <= 2 and "Siti Aminah Nurhayati" in text
    assert format_score(result.overall.score, "id") in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it names a person

    home = tmp_path / "home"
    (home / "results").mkdir(parents=True)
    (home / "results" / "a.json").write_text(result.model_dump_json(), encoding="utf-8")
    shown = tmp_path / "riwayat.pdf"
    run = invoke(home, "history", "show", "1", "-o", str(shown), "--all-actions")
    assert run.exit_code == 0, run.stderr
    pages, sizes, text = read_pdf(shown)
    assert pages > 2 and "Lampiran" in text
    assert_a4(sizes)

    to_screen = invoke(home, "report", "--last", "--format", "pdf")
    assert to_screen.exit_code == 2 and "-o laporan.pdf" in to_screen.stderr


def test_start_writes_a_pdf_at_the_end(browser, tmp_path, monkeypatch):
    from session_helpers import scripted_start
    from test_session import typed_answers

    target = tmp_path / "akhir.pdf"
    run = scripted_start(monkeypatch, tmp_path / "home")(
        "-o", str(target), lines=["Budi Santoso", "", "", "", *typed_answers()]
    )
    assert run.exit_code == 0, run.stderr
    [saved] = run.results()
    pages, sizes, text = read_pdf(target)
    assert pages <= 2 and "Budi Santoso" in text
    assert format_score(saved["overall"]["score"], "id") in text
    assert f"Disimpan juga: {target}" in run.stderr


def test_multirater_writes_a_pdf(browser, tmp_path, bundled_bank):
    from multirater_helpers import generated_round, write_round

    sheets = generated_round(bundled_bank, random.Random(3), targets=2)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    target = tmp_path / "360.pdf"
    run = invoke(tmp_path / "home", "multirater", str(source), "-o", str(target))
    assert run.exit_code == 0, run.stderr
    pages, sizes, text = read_pdf(target)
    assert pages >= 2
    assert_a4(sizes)
    assert {sheet.target for sheet in sheets} <= set(text.split())
    folder = tmp_path / "per-orang"
    run = invoke(tmp_path / "home", "multirater", str(source), "-o", f"{folder}/", "-f", "pdf")
    assert run.exit_code == 0, run.stderr
    assert sorted(p.suffix for p in folder.iterdir()) == [".pdf", ".pdf"]
    assert invoke(tmp_path, "multirater", str(source), "-f", "pdf").exit_code == 2


# --- without a browser engine ---------------------------------------------------------------------


@pytest.fixture
def no_browser(monkeypatch, tmp_path):
    """A machine with no browser engine anywhere the tool looks."""
    import asn_assess.reports.pdf as pdf_module

    monkeypatch.delenv(BROWSER_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    monkeypatch.setattr(pdf_module, "_install_locations", lambda: [])


def test_without_an_engine_the_message_says_to_print_the_html(no_browser, tmp_path, bundled_bank):
    with pytest.raises(PdfError):
        find_browser()
    source = tmp_path / "hasil.json"
    source.write_text(full_result(bundled_bank).model_dump_json(), encoding="utf-8")
    target = tmp_path / "laporan.pdf"
    for language, words in [
        ("id", ["tidak ditemukan Chrome, Chromium atau Microsoft Edge", "cetak ke PDF"]),
        ("en", ["Chrome, Chromium or Microsoft Edge was not found", "print it to PDF"]),
    ]:
        run = invoke(tmp_path, "--lang", language, "report", str(source), "-o", str(target))
        assert run.exit_code == 1
        assert all(word in run.stderr for word in words), run.stderr
        assert BROWSER_VARIABLE in run.stderr and "Traceback" not in run.output
    assert not target.exists()


def test_start_refuses_a_pdf_before_the_first_question_without_an_engine(
    no_browser, tmp_path, monkeypatch
):
    from session_helpers import scripted_start

    run = scripted_start(monkeypatch, tmp_path / "home")("-o", str(tmp_path / "x.pdf"), lines=["4"])
    assert run.exit_code == 1
    assert "cetak ke PDF" in run.stderr and "Pertanyaan 1" not in run.screen


def test_a_browser_named_that_is_not_there_is_said(monkeypatch, tmp_path):
    monkeypatch.setenv(BROWSER_VARIABLE, str(tmp_path / "no-such-browser"))
    with pytest.raises(PdfError) as caught:
        find_browser()
    assert caught.value.problems[0].where == BROWSER_VARIABLE
    assert "no-such-browser" in caught.value.problems[0].message


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for the browser")
def test_a_browser_that_fails_at_the_end_of_start_keeps_everything(tmp_path, monkeypatch):
    from session_helpers import scripted_start
    from test_session import typed_answers

    broken = tmp_path / "broken-browser"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv(BROWSER_VARIABLE, str(broken))
    target = tmp_path / "x.pdf"
    markdown = tmp_path / "x.md"
    run = scripted_start(monkeypatch, tmp_path / "home")(
        "--no-profile", "-o", str(target), "-o", str(markdown), lines=typed_answers()
    )
    assert run.exit_code == 1
    assert "kode keluar 3" in run.stderr and "cetak ke PDF" in run.stderr
    [saved] = run.results()  # the result is kept, the report shown, the other file written
    assert "Skor keseluruhan" in run.stdout and markdown.exists() and not target.exists()
    html = next((tmp_path / "home" / "results").glob("*.html"))
    assert f"Laporan HTML tetap ada di {html}" in run.stderr
    assert json.loads(invoke(tmp_path / "home", "history", "list", "--json").stdout)
