"""Data is never markup: ids, labels, unit and respondent names that look like Rich
markup are printed exactly as written, everywhere the tool draws for people."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.core.documents import AnswerSheet, Respondent
from asn_assess.core.scoring import score
from asn_assess.interactive.session import Session, Terminal
from asn_assess.reports.rich_report import result_report
from asn_assess.store import Progress, UserData
from conftest import SMALL_BANK_TOML

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})  # messages checked in English
TRICKS = ("[bold]tebal[/]", "Bagian [/umum]", "[x]", "[/x]", "[red]merah[/red]")


def tricky_bank_text() -> str:
    """The small bank with markup-looking titles, labels, options and actions."""
    text = SMALL_BANK_TOML
    text = text.replace('title = { id = "Pilar A" }', 'title = { id = "Pilar [bold]A[/]" }')
    text = text.replace('title = { id = "Indikator a1" }', 'title = { id = "Indikator [x] a1" }')
    text = text.replace('label = { id = "SS" }', 'label = { id = "SS [/x]" }')
    text = text.replace('text = { id = "Pilihan x" }', 'text = { id = "Pilihan [red]x[/red]" }')
    text = text.replace('label = { id = "Rendah" }', 'label = { id = "Rendah [/]" }')
    text += """
[[pillars.indicators.actions]]
kind = "training"
text = { id = "Ikuti kelas [bold]menulis[/bold] laporan." }
"""
    return text


def render(renderable, width: int = 100) -> str:
    console = Console(
        file=io.StringIO(), width=width, color_system=None, markup=False, highlight=False
    )
    console.print(renderable)
    return console.file.getvalue()


def test_bank_show_prints_every_indicator_id_in_brackets(bundled_bank):
    result = runner.invoke(app, ["bank", "show"])
    assert result.exit_code == 0, result.output
    for pillar in bundled_bank.pillars:
        assert f"[{pillar.id}]" in result.stdout
        for indicator in pillar.indicators:
            assert f"[{indicator.id}]" in result.stdout


def test_bank_show_prints_markup_in_titles_literally(tmp_path: Path):
    path = tmp_path / "tricky.toml"
    path.write_text(tricky_bank_text(), encoding="utf-8")
    result = runner.invoke(app, ["bank", "show", str(path)])
    assert result.exit_code == 0, result.output
    assert "Pilar [bold]A[/]" in result.stdout
    assert "Indikator [x] a1" in result.stdout


def test_report_prints_markup_in_bank_texts_and_profile_literally():
    bank = parse_bank(tricky_bank_text(), "tricky.toml")
    answers = {item_id: 1 for item_id, item in bank.items.items() if not item.is_situational}
    answers["a1-s"] = "z"
    respondent = Respondent(name="[bold]Budi[/]", unit="Bagian [/umum]", position="[x]")
    sheet = AnswerSheet(
        bank_id=bank.id, bank_version=bank.version, respondent=respondent, answers=answers
    )
    text = render(result_report(bank, score(bank, sheet), "id", all_actions=True))
    for expected in (
        "[bold]Budi[/]",
        "Bagian [/umum]",
        "Pilar [bold]A[/]",
        "Indikator [x] a1",
        "Rendah [/]",
        "Ikuti kelas [bold]menulis[/bold] laporan.",
    ):
        assert expected in text, expected


def test_session_shows_markup_in_options_and_labels_literally(tmp_path: Path):
    bank = parse_bank(tricky_bank_text(), "tricky.toml")
    screen = io.StringIO()
    console = Console(file=screen, width=100, color_system=None)
    # Answer 1 (valid on every scale of this bank); situational items take "x".
    lines = ["x" if item.is_situational else "1" for item in bank.items.values()]
    terminal = Terminal(stdin=io.StringIO("\n".join(lines) + "\n"), console=console)
    store = UserData(tmp_path)
    progress = Progress(
        bank_id=bank.id, bank_version=bank.version, language="id", started_at="2026-01-01T00:00:00Z"
    )
    Session(bank, progress, store, terminal, ask_profile=False).run(welcome=False)
    shown = screen.getvalue()
    assert "Pilihan [red]x[/red]" in shown
    assert "SS [/x]" in shown
    assert "Indikator [x] a1" in shown


def test_batch_summary_with_markup_unit_names_does_not_crash(tmp_path: Path, bundled_bank):
    items = list(bundled_bank.items)
    rows = ["Unit kerja," + ",".join(items)]
    answer = {
        item_id: ("a" if item.is_situational else "3")
        for item_id, item in bundled_bank.items.items()
    }
    for unit in TRICKS:
        for _ in range(5):
            rows.append(f'"{unit}",' + ",".join(answer[i] for i in items))
    path = tmp_path / "jawaban.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["batch", str(path), "-o", str(tmp_path / "hasil.csv"), "--summary-by", "Unit kerja"]
    )
    assert result.exit_code == 0, result.output
    for unit in TRICKS:
        assert unit in result.stderr, unit
    assert "read 25, scored 25 (incomplete 0), rejected 0" in result.stderr


def test_schema_bank_describes_every_field():
    result = runner.invoke(app, ["schema", "bank"])
    schema = json.loads(result.stdout)
    undocumented = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, spec in definition.get("properties", {}).items()
        if "description" not in spec
    ]
    undocumented += [f for f, spec in schema["properties"].items() if "description" not in spec]
    assert undocumented == []
