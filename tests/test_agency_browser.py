"""The agency report in a real browser: headless Chromium lays out the HTML report of
300 respondents in 6 units (with a previous round), and the page it laid out is
checked: not blank, every section there, no script, an A4 PDF of at most 6 pages,
and charts whose drawn values equal the tables' (bar heights against the histogram's
people, each band's bars against the distribution table, heat map colours against the
band of each mean).

Skipped with the reason when Chromium is not installed (see tests/test_browser.py).
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from agency_helpers import people, write_csv
from asn_assess.agency.api import run_agency
from asn_assess.agency.tally import HISTOGRAM_STEP
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.scoring import band_for
from asn_assess.reports.agency_render import render_agency
from test_browser import A4_POINTS, chromium, png_pixels

UNITS = {
    "Sekretariat": 70,
    "Bidang Pelayanan": 60,
    "Bidang Perencanaan": 55,
    "Bidang Pengawasan": 50,
    "Bidang Data": 45,
    "UPT Wilayah": 20,
}
SECTIONS = ["who", "glance", "units", "needs", "strengths", "trend"]


class Page(HTMLParser):
    """Sections, histograms and tables of the laid-out page."""

    def __init__(self):
        super().__init__()
        self.sections: list[str] = []
        self.scripts = 0
        self.charts: list[dict] = []
        self.tables: dict[str, list[list[dict]]] = {}
        self.table: str | None = None
        self.cell: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        elif tag == "section":
            self.sections.append(attributes.get("id", ""))
        elif tag == "svg" and "histogram" in classes:
            self.charts.append({"svg": attributes, "bars": []})
        elif tag == "rect" and "column" in classes:
            self.charts[-1]["bars"].append(attributes)
        elif tag == "table":
            self.table = attributes["data-table"]
            self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.tables[self.table].append([])
        elif tag in ("td", "th") and self.table and self.tables[self.table]:
            self.cell = {"classes": classes, "value": attributes.get("data-value"), "text": ""}
            self.tables[self.table][-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


@pytest.fixture(scope="module")
def page(tmp_path_factory, bundled_bank):
    folder = tmp_path_factory.mktemp("agency-browser")
    lean = {"Sekretariat": 4, "Bidang Pelayanan": 2, "Bidang Perencanaan": 4}
    now = write_csv(
        folder / "2026.csv", bundled_bank, people(bundled_bank, UNITS, random.Random(21), lean=lean)
    )
    then = write_csv(
        folder / "2025.csv", bundled_bank, people(bundled_bank, UNITS, random.Random(22))
    )
    report = run_agency([str(now)], BatchSettings(bundled_bank, summary_by="unit"), [str(then)])
    assert report.current.figures.respondents == 300
    path = folder / "laporan.html"
    path.write_bytes(render_agency(report, "html", "id"))
    return folder, path, report


def test_chromium_lays_out_every_section_and_no_script(page):
    folder, path, report = page
    png = folder / "page.png"
    chromium(folder, "--window-size=1000,1400", f"--screenshot={png}", path.as_uri())
    width, height, pixels = png_pixels(png.read_bytes())
    assert (width, height) == (1000, 1400)
    assert sum(1 for pixel in pixels if min(pixel) < 200) > 0.03 * len(pixels)
    assert len(set(pixels)) > 50
    dom = Page()
    dom.feed(chromium(folder, "--dump-dom", path.as_uri()).stdout)
    assert dom.scripts == 0
    values = ["values"] if report.current.figures.values else []
    assert dom.sections == [*SECTIONS, *values, "privacy"]


def test_the_a4_pdf_of_300_respondents_in_6_units_has_at_most_6_pages(page):
    folder, path, _ = page
    pdf = folder / "laporan.pdf"
    chromium(folder, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri())
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert 1 <= pages <= 6, f"{pages} pages"
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes and all(
        abs(float(w) - A4_POINTS[0]) < 1 and abs(float(h) - A4_POINTS[1]) < 1 for w, h in boxes
    )


def test_the_charts_draw_the_tables_numbers(page, bundled_bank):
    folder, path, report = page
    dom = Page()
    dom.feed(chromium(folder, "--dump-dom", path.as_uri()).stdout)
    spreads = report.current.figures.spreads
    assert [chart["svg"]["data-measure"] for chart in dom.charts] == [s.measure for s in spreads]
    distribution = dom.tables["distribution"][1:]  # under the header row
    bands = len(bundled_bank.bands)
    for chart, spread, row in zip(dom.charts, spreads, distribution, strict=True):
        unit, base = float(chart["svg"]["data-unit"]), float(chart["svg"]["data-base"])
        drawn = {}
        for bar in chart["bars"]:
            people_in_bar = int(bar["data-people"])
            low, high = float(bar["data-low"]), float(bar["data-high"])
            expected = people_in_bar * HISTOGRAM_STEP / (high - low) * unit
            assert float(bar["height"]) == pytest.approx(expected, abs=0.002)
            assert float(bar["y"]) + float(bar["height"]) == pytest.approx(base, abs=0.002)
            band = int(next(c for c in bar["class"].split() if c.startswith("fill-"))[5:])
            assert band == bundled_bank.bands.index(bundled_bank.band(band_for(bundled_bank, low)))
            drawn[band] = drawn.get(band, 0) + people_in_bar
        table = [int(cell["value"]) for cell in row[-bands:]]
        assert [drawn.get(b, 0) for b in range(bands)] == table
        assert sum(table) == int(row[1]["value"]) == spread.figures.n
    heat = dom.tables["units"]
    header = [cell["text"] for cell in heat[0]]
    figures = report.current.figures
    for line, indicator in zip(heat[2:], figures.indicators, strict=True):
        for cell, column in zip(line[1:], header[1:], strict=True):
            if "withheld" in cell["classes"]:
                assert cell["value"] is None
                continue
            value = float(cell["value"])
            band = next(c for c in cell["classes"] if c.startswith("band-"))
            expected = bundled_bank.bands.index(bundled_bank.band(band_for(bundled_bank, value)))
            assert band == f"band-{expected}"
            source = indicator.agency if column == "Instansi" else indicator.units[column]
            assert value == pytest.approx(source.mean, abs=1e-9)
