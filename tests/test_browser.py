"""The HTML report in a real browser: headless Chromium renders a full result to a PNG
screenshot and to a PDF, and the page it laid out is checked: not blank, both radar
charts with one vertex per pillar and per indicator at the right radius, every pillar
heading, and at most two A4 pages.

Chromium is the Debian package `chromium`; .ci/run installs it. Where it cannot be had,
these tests are skipped with the reason, never silently.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from asn_assess.core.documents import Respondent
from asn_assess.reports.formats import ReportOptions, render
from conftest import full_result

A4_POINTS = (595.28, 841.89)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium_path() -> str:
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        pytest.skip(
            "Chromium is not installed (Debian package `chromium`; .ci/run installs it "
            "where apt-get is available): the HTML report was not checked in a browser"
        )
    return found


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [chromium_path(), *FLAGS, f"--user-data-dir={profile}", *args]
    run = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


@pytest.fixture(params=["id", "en"])
def page(request, tmp_path, bundled_bank, utc):
    language = request.param
    respondent = Respondent(name="Siti Aminah <script>alert(1)</script>", unit="BKPSDM [bold]x[/]")
    result = full_result(bundled_bank, language, respondent=respondent)
    path = tmp_path / f"laporan-{language}.html"
    path.write_text(render("html", bundled_bank, result, ReportOptions(language)), encoding="utf-8")
    return language, result, path


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (
                    line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r[i : i + 3]) for r in rows for i in range(0, stride, size)]


class Dom(HTMLParser):
    """The radar charts and pillar headings of the page Chromium laid out."""

    def __init__(self):
        super().__init__()
        self.charts: dict[str, dict] = {}
        self.current: str | None = None
        self.headings: list[str] = []
        self.in_heading = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "svg" and "radar" in classes:
            self.current = classes[1]
            self.charts[self.current] = {"svg": attributes, "vertices": []}
        elif tag == "circle" and "vertex" in classes and self.current:
            self.charts[self.current]["vertices"].append(attributes)
        elif tag == "span" and "pillar-heading" in classes:
            self.in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None
        if tag == "span":
            self.in_heading = False

    def handle_data(self, data):
        if self.in_heading:
            self.headings[-1] += data


def test_chromium_renders_the_report_to_png_and_a4_pdf(page, tmp_path, bundled_bank):
    language, result, path = page
    png = tmp_path / "page.png"
    chromium(tmp_path, "--window-size=900,1300", f"--screenshot={png}", path.as_uri())
    width, height, pixels = png_pixels(png.read_bytes())
    assert (width, height) == (900, 1300)
    inked = sum(1 for pixel in pixels if min(pixel) < 200)
    assert inked > 0.03 * len(pixels), "the page is not blank"
    assert len(set(pixels)) > 50, "text, bars and charts in several colours"

    pdf = tmp_path / "page.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert 1 <= pages <= 2, f"{pages} pages"
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes and all(
        abs(float(w) - A4_POINTS[0]) < 1 and abs(float(h) - A4_POINTS[1]) < 1 for w, h in boxes
    ), boxes

    dom = Dom()
    dom.feed(chromium(tmp_path, "--dump-dom", path.as_uri()).stdout)
    scores = {p.id: p.score for p in result.pillars}
    scores |= {i.id: i.score for p in result.pillars for i in p.indicators}
    expected = {"pillars": [p.id for p in bundled_bank.pillars]}
    expected["indicators"] = [i.id for p in bundled_bank.pillars for i in p.indicators]
    assert set(dom.charts) == {"pillars", "indicators"}
    for name, ids in expected.items():
        chart = dom.charts[name]
        cx, cy = float(chart["svg"]["data-center-x"]), float(chart["svg"]["data-center-y"])
        radius = float(chart["svg"]["data-radius"])
        assert [v["data-id"] for v in chart["vertices"]] == ids
        for index, vertex in enumerate(chart["vertices"]):
            x, y = float(vertex["cx"]), float(vertex["cy"])
            assert math.hypot(x - cx, y - cy) == pytest.approx(
                radius * scores[vertex["data-id"]] / 100, abs=0.02
            )
            angle = -math.pi / 2 + 2 * math.pi * index / len(ids)
            if scores[vertex["data-id"]] > 0:
                assert math.atan2(y - cy, x - cx) == pytest.approx(
                    math.atan2(math.sin(angle), math.cos(angle)), abs=1e-3
                )
    word = "Pilar" if language == "id" else "Pillar"
    assert dom.headings == [
        f"{word} {n}: {bundled_bank.text(p.title, language)}"
        for n, p in enumerate(bundled_bank.pillars, start=1)
    ]


class DotsDom(HTMLParser):
    """The dot plots and the people of a 360-degree page Chromium laid out."""

    def __init__(self):
        super().__init__()
        self.charts: list[dict] = []
        self.people: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        elif tag == "section" and "person" in classes:
            self.people.append(attributes["data-target"])
        elif tag == "svg" and "dots" in classes:
            self.charts.append({"svg": attributes, "rows": [], "markers": []})
        elif tag == "g" and "row" in classes:
            self.charts[-1]["rows"].append(attributes["data-id"])
        elif tag == "circle" and "marker" in classes:
            self.charts[-1]["markers"].append(attributes)


def test_chromium_lays_out_the_360_report_one_person_a_page(tmp_path, bundled_bank):
    import random

    from asn_assess.batch.settings import BatchSettings
    from asn_assess.multirater.api import run_multirater
    from asn_assess.reports.multirater_data import build_multirater_report
    from asn_assess.reports.multirater_html import render_multirater_html
    from multirater_helpers import generated_round, write_round

    sheets = generated_round(bundled_bank, random.Random(7), targets=2)
    for sheet in sheets:
        if sheet.target == "T02":
            sheet.target = "<script>alert(1)</script>"
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    views = run_multirater([str(source)], BatchSettings(bundled_bank)).views
    path = tmp_path / "360.html"
    reports = [build_multirater_report(bundled_bank, view, "id") for view in views]
    path.write_text(render_multirater_html(reports), encoding="utf-8")

    png = tmp_path / "page.png"
    chromium(tmp_path, "--window-size=900,1300", f"--screenshot={png}", path.as_uri())
    width, height, pixels = png_pixels(png.read_bytes())
    assert sum(1 for pixel in pixels if min(pixel) < 200) > 0.03 * len(pixels)
    assert len(set(pixels)) > 50
    pdf = tmp_path / "page.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri())
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))
    assert 2 <= pages <= 8, f"{pages} pages"

    dom = DotsDom()
    dom.feed(chromium(tmp_path, "--dump-dom", path.as_uri()).stdout)
    assert dom.scripts == 0 and dom.people == [view.target for view in views]
    indicators = [i.id for p in bundled_bank.pillars for i in p.indicators]
    for chart, view in zip(dom.charts, views, strict=True):
        assert chart["rows"] == indicators
        x0, x1 = float(chart["svg"]["data-x0"]), float(chart["svg"]["data-x1"])
        own = [m for m in chart["markers"] if m["data-series"] == "self"]
        assert len(own) == sum(line.own is not None for line in view.indicators)
        for marker in chart["markers"]:
            expected = x0 + (x1 - x0) * float(marker["data-value"]) / 100
            assert float(marker["cx"]) == pytest.approx(expected, abs=0.01)


class AnalysisDom(HTMLParser):
    """The verdict, tables and bars of an `analyze` page Chromium laid out."""

    def __init__(self):
        super().__init__()
        self.verdict = ""
        self.in_verdict = False
        self.meters: list[dict] = []
        self.tables = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        elif tag == "p" and "verdict" in classes:
            self.in_verdict = True
        elif tag == "table" and "figures" in classes:
            self.tables += 1
        elif tag == "span" and "meter" in classes:
            self.meters.append({"value": float(attributes["data-value"])})
        elif tag == "span" and "fill" in classes and self.meters:
            self.meters[-1]["fill"] = attributes

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_verdict = False

    def handle_data(self, data):
        if self.in_verdict:
            self.verdict += data


@pytest.mark.parametrize("language", ["id", "en"])
def test_chromium_lays_out_the_analysis_page_styled_with_bars(tmp_path, bundled_bank, language):
    import csv as csv_module
    import json

    from typer.testing import CliRunner

    from asn_assess.cli import app
    from test_analyze import write_bank_answers

    source = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, source, 51, seed=4)
    with source.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv_module.reader(handle))
    roles = ["pelaksana", "fungsional", "struktural"]
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv_module.writer(handle)
        writer.writerow(["role", *header])
        for number, row in enumerate(rows):
            role = roles[number % 3]
            cells = [row[0]] + [
                value if bundled_bank.items[item_id].asked_of(role) else ""
                for item_id, value in zip(header[1:], row[1:], strict=True)
            ]
            writer.writerow([role, *cells])
    path = tmp_path / "analysis.html"
    runner = CliRunner()
    made = runner.invoke(app, ["analyze", str(source), "-o", str(path), "--lang", language])
    assert made.exit_code == 0, made.stderr
    figures = json.loads(runner.invoke(app, ["analyze", str(source), "-f", "json"]).stdout)

    png = tmp_path / "page.png"
    chromium(tmp_path, "--window-size=1000,1400", f"--screenshot={png}", path.as_uri())
    width, height, pixels = png_pixels(png.read_bytes())
    assert sum(1 for pixel in pixels if min(pixel) < 200) > 0.03 * len(pixels), "not blank"
    assert len(set(pixels)) > 50, "styled: text, bars and rules in several colours"
    pdf = tmp_path / "page.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri())
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    # A technical report grows with the bank: bank 2.1.0 has an item table for each of
    # its 16 indicators and 7 core values (11 pages when measured; 2.0.0's 14 tables
    # took 6). The bound catches a layout that breaks, such as a row per page.
    assert 1 <= pages <= 12, f"{pages} pages"

    dom = AnalysisDom()
    dom.feed(chromium(tmp_path, "--dump-dom", path.as_uri()).stdout)
    assert dom.scripts == 0
    assert (
        "andal untuk membandingkan orang"
        if language == "id"
        else "reliable enough to compare people"
    ) in dom.verdict
    # One table each of indicators, pillars and core values, one per indicator's and per
    # core value's items, response quality.
    values = figures["values"]
    assert values  # bank 2.1.0 declares the seven BerAKHLAK values
    assert dom.tables == 3 + len(figures["indicators"]) + len(values) + 1
    scales = (*figures["indicators"], *figures["pillars"], *values)
    alphas = [s["raw_alpha"] for s in scales]
    fits = [item["r_drop"] for s in (*figures["indicators"], *values) for item in s["items"]]
    expected = [value for value in (*alphas, *fits) if value is not None]
    assert [m["value"] for m in dom.meters] == pytest.approx(expected)
    for meter in dom.meters:  # each bar as wide as its figure, coloured by what it says
        style = meter["fill"]["style"]
        assert f"width: {min(abs(meter['value']), 1) * 100:.0f}%" in style
        kind = meter["fill"]["class"].split()[1]
        assert kind == (
            "against" if meter["value"] < 0 else "weak" if meter["value"] < 0.2 else "good"
        )
