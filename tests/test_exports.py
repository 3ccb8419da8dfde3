"""`report --format text|md|html|csv|json` and -o: formats by extension, usage errors,
outputs never overwriting the input, and data that looks like markup or a formula
coming out literally in every format."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.core.documents import Respondent, Result
from asn_assess.core.errors import UsageError
from asn_assess.core.models import Bank
from asn_assess.reports.console import render_text
from asn_assess.reports.csv_report import neutralise
from asn_assess.reports.formats import ReportOptions, format_for, render
from asn_assess.reports.report_data import build_report
from asn_assess.reports.rich_report import SUMMARY_ROWS, report_renderable, result_report
from conftest import SMALL_BANK_TOML, full_result

runner = CliRunner()
SCRIPT = "<script>alert(1)</script>"
MARKUP = "[bold]x[/]"
FORMULA = '=HYPERLINK("http://example.invalid","klik")'


def tricky_bank() -> Bank:
    text = SMALL_BANK_TOML.replace(
        'title = { id = "Indikator a1" }', f'title = {{ id = "{MARKUP}" }}'
    )
    text = text.replace('title = { id = "Indikator b1" }', 'title = { id = "=SUM(A1:A9)" }')
    text = text.replace('label = { id = "Rendah" }', 'label = { id = "<b>Rendah</b>" }')
    return parse_bank(text, "tricky.toml")


def tricky_result(bank: Bank) -> Result:
    respondent = Respondent(name=SCRIPT, unit=MARKUP, position=FORMULA)
    return full_result(bank, respondent=respondent)


def save(tmp_path: Path, result: Result, name: str = "result.json") -> Path:
    path = tmp_path / name
    path.write_text(result.model_dump_json(), encoding="utf-8")
    return path


# --- formats and files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "requested", "expected"),
    [
        ("a.md", None, "md"),
        ("a.HTML", None, "html"),
        ("a.txt", None, "text"),
        ("a.csv", "csv", "csv"),
        ("a.json", None, "json"),
        ("plain", "md", "md"),
    ],
)
def test_format_from_the_extension(name, requested, expected):
    assert format_for(Path(name), requested) == expected


@pytest.mark.parametrize(
    ("name", "requested", "message"),
    [
        ("a.xlsx", None, "is not a report format"),
        ("a.xlsx", "csv", "is not a report format"),
        ("a.md", "html", "contradicts the extension .md (md)"),
        ("plain", None, "no extension"),
        ("a.md", "docx", "choose one of"),
        ("a.md", "pdf", "contradicts the extension .md (md)"),
    ],
)
def test_unknown_or_contradicting_formats_are_usage_errors(name, requested, message, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        format_for(Path(name), requested)


def test_report_writes_each_file_in_its_format(tmp_path, bundled_bank):
    source = save(tmp_path, full_result(bundled_bank))
    outputs = [tmp_path / f"laporan.{ext}" for ext in ("txt", "md", "html", "csv", "json")]
    args = ["report", str(source), "--lang", "en"]
    for path in outputs:
        args += ["-o", str(path)]
    run = runner.invoke(app, args)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    for path in outputs:
        assert f"Wrote {path}" in run.stderr
    assert outputs[0].read_text("utf-8").startswith("ASN Professionalism")
    assert outputs[1].read_text("utf-8").startswith("# ASN Professionalism")
    assert outputs[2].read_text("utf-8").startswith("<!DOCTYPE html>")
    assert outputs[3].read_text("utf-8").startswith("pillar_id,pillar,indicator_id")
    assert json.loads(outputs[4].read_text("utf-8")) == json.loads(source.read_text("utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "{tmp}/laporan.xlsx"],
        ["--format", "csv", "-o", "{tmp}/laporan.md"],
        ["--format", "docx"],
        ["-o", "{tmp}/a.md", "-o", "{tmp}/a.md"],
        ["--json", "--format", "md"],
        ["--last"],  # together with RESULT
    ],
)
def test_usage_errors_exit_2_and_write_nothing(tmp_path, bundled_bank, args):
    source = save(tmp_path, full_result(bundled_bank))
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    run = runner.invoke(app, ["report", str(source), *args])
    assert run.exit_code == 2, run.output
    assert run.stderr.startswith("galat: ")
    assert "Traceback" not in run.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_output_that_is_the_input_is_refused(tmp_path, bundled_bank):
    source = save(tmp_path, full_result(bundled_bank))
    kept = source.read_bytes()
    for target in (str(source), str(tmp_path / "." / source.name)):
        run = runner.invoke(app, ["report", str(source), "-o", target])
        assert run.exit_code == 2
        assert "adalah berkas yang sama dengan" in run.stderr
    assert source.read_bytes() == kept
    answers = tmp_path / "answers.json"
    answers.write_text('{"bank_id": "asn-profesional", "bank_version": "2.0.0"}', "utf-8")
    run = runner.invoke(app, ["score", str(answers), "-o", str(answers)])
    assert run.exit_code == 2
    assert "adalah berkas yang sama dengan" in run.stderr


def test_score_takes_o_more_than_once(tmp_path, bundled_bank):
    result = full_result(bundled_bank)
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "bank_id": result.bank_id,
                "bank_version": result.bank_version,
                "answers": result.answers,
            }
        ),
        "utf-8",
    )
    run = runner.invoke(
        app, ["score", str(answers), "-o", str(tmp_path / "h.json"), "-o", str(tmp_path / "h.html")]
    )
    assert run.exit_code == 0, run.stderr
    assert "Skor keseluruhan" in run.stdout
    assert json.loads((tmp_path / "h.json").read_text("utf-8"))["overall"][
        "score"
    ] == pytest.approx(result.overall.score)
    assert "<svg" in (tmp_path / "h.html").read_text("utf-8")


def test_json_output_is_valid_against_the_result_schema(tmp_path, bundled_bank):
    source = save(tmp_path, full_result(bundled_bank, role="struktural"))
    schema = json.loads(runner.invoke(app, ["schema", "result"]).stdout)
    run = runner.invoke(app, ["report", str(source), "--format", "json"])
    assert run.exit_code == 0
    jsonschema.validate(json.loads(run.stdout), schema)


def test_format_to_stdout_in_the_chosen_language(tmp_path, bundled_bank):
    source = save(tmp_path, full_result(bundled_bank))
    text = runner.invoke(app, ["report", str(source), "--format", "text"]).stdout
    assert "Skor keseluruhan: " in text and "," in text.split("Skor keseluruhan: ")[1][:6]
    english = runner.invoke(app, ["report", str(source), "-f", "md", "--lang", "en"]).stdout
    assert "**Overall score: " in english and "." in english.split("**Overall score: ")[1][:6]
    assert max(len(line) for line in text.splitlines()) <= 80
    assert not set("┌┐└┘│─━╭╮╰╯") & set(text), "plain text has no box drawing"


# --- the summary -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["id", "en"])
def test_summary_fits_80_by_24(bundled_bank, language, utc):
    respondent = Respondent(name="Siti Aminah", nip="198609262015052001", unit="BKPSDM Kota Contoh")
    result = full_result(bundled_bank, language, respondent=respondent)
    data = build_report(bundled_bank, result, language)
    text = render_text(report_renderable(data), 80)
    lines = text.splitlines()
    first_screen = "\n".join(lines[:24])
    legend = data.legend_text
    assert legend in first_screen, "the band legend is on the first screen"
    summary_height = next(n for n, line in enumerate(lines, 1) if legend in line)
    assert summary_height <= 24
    assert data.bank_title in lines[0]
    meta = " ".join(" ".join(lines[1:3]).split())
    assert bundled_bank.version in meta and ("4 Mei 2026" in meta or "4 May 2026" in meta)
    assert "Siti Aminah" in meta and "BKPSDM Kota Contoh" in meta
    [overall] = [line for line in lines[:4] if line.startswith(data.t("report.overall"))]
    assert data.overall.shown in overall and data.overall.label in overall
    for pillar in data.pillars:
        assert f"{pillar.number} {pillar.title}" in first_screen
    # The indicators follow the pillars, under a heading when the screen has room for it.
    last_pillar = next(n for n, line in enumerate(lines) if data.pillars[-1].title in line)
    first = last_pillar + 1
    if len(data.pillars) + 1 + len(data.weakest_first) <= SUMMARY_ROWS:
        assert data.t("export.weakest_first") in lines[first]
        first += 1
    shown = lines[first : first + len(data.weakest_first)]
    for indicator, line in zip(data.weakest_first, shown, strict=True):
        assert indicator.title in line and indicator.level.shown in line
    scores = [i.level.score for i in data.weakest_first]
    assert scores == sorted(scores)
    assert "0–49" in legend and "85–100" in legend
    assert max(len(line) for line in lines) <= 80


def test_legend_of_bands_with_fractional_minimums(small_bank, edit_text):
    bank = parse_bank(edit_text(SMALL_BANK_TOML, ("min = 50\n", "min = 50.5\n")), "small.toml")
    assert build_report(bank, full_result(bank), "id").legend_text == (
        "0–<50,5 Rendah · 50,5–<75 Sedang · 75–100 Tinggi"
    )


# --- data is never markup or code ------------------------------------------------------


class TextCollector(HTMLParser):
    """Text and tags of an HTML page, as a browser parses them."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_every_data_string():
    bank = tricky_bank()
    html = render("html", bank, tricky_result(bank), ReportOptions("id"))
    parsed = TextCollector()
    parsed.feed(html)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    text = "".join(parsed.text)
    for literal in (SCRIPT, MARKUP, "<b>Rendah</b>", FORMULA):
        assert literal in text, literal
    assert "http://" not in "".join(parsed.tags)
    assert "<script" not in html.lower()
    for external in ('src="http', 'href="http', "@import", "url("):
        assert external not in html, "the page needs no external file"


def test_markdown_escapes_every_data_string():
    bank = tricky_bank()
    markdown = render("md", bank, tricky_result(bank), ReportOptions("id"))
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    parsed = TextCollector()
    parsed.feed(html)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    text = "".join(parsed.text)
    for literal in (SCRIPT, MARKUP, "<b>Rendah</b>", "=SUM(A1:A9)"):
        assert literal in text, literal


def test_csv_neutralises_formulas_and_keeps_text():
    bank = tricky_bank()
    rows = list(
        csv.reader(io.StringIO(render("csv", bank, tricky_result(bank), ReportOptions("en"))))
    )
    header, *body = rows
    assert header == [
        "pillar_id", "pillar", "indicator_id", "indicator", "score", "score_unrounded",
        "band_id", "band", "answered", "not_applicable", "total",
    ]  # fmt: skip
    titles = [row[3] for row in body]
    assert "'=SUM(A1:A9)" in titles and MARKUP in titles
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert [neutralise(c) for c in ("=1", "+1", "-1", "@a", "\tx", "\rx", "a=b")] == [
        "'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "a=b",
    ]  # fmt: skip


def test_csv_rounds_as_shown_and_keeps_the_exact_score(bundled_bank):
    result = full_result(bundled_bank)
    rows = list(
        csv.DictReader(io.StringIO(render("csv", bundled_bank, result, ReportOptions("id"))))
    )
    assert len(rows) == bundled_bank.indicator_count
    first = rows[0]
    exact = result.indicator(first["id_indikator"]).score
    assert float(first["skor_tanpa_pembulatan"]) == exact
    assert first["skor"] == f"{exact:.1f}".replace(".", ",")


def test_text_and_terminal_show_data_literally():
    bank = tricky_bank()
    result = tricky_result(bank)
    for text in (
        render("text", bank, result, ReportOptions("id")),
        render_text(result_report(bank, result, "id", all_actions=True), 100),
    ):
        for literal in (SCRIPT, MARKUP, "<b>Rendah</b>", FORMULA, "=SUM(A1:A9)"):
            assert literal in text, literal
