"""What `asn-assess analyze` says to an HR analyst: the verdict in plain words, every
"-" explained by a numbered note, one note per reason, statements beside item ids and
a glossary of the column headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.batch.analysis import AnalysisOptions, run_analysis
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.reports.analysis_view import AnalysisView, analysis_view
from test_analyze import bank_text, dataset_as_input, write_bank, write_bank_answers

runner = CliRunner()


def view_of(source: Path, bank_path: Path, language: str = "en", **options) -> AnalysisView:
    bank = parse_bank(bank_path.read_text(encoding="utf-8"), str(bank_path))
    found = run_analysis([str(source)], BatchSettings(bank), AnalysisOptions(**options))
    return analysis_view(bank, found.analysis, language, found.counts.read, found.counts.rejected)


def assert_every_dash_is_explained(view: AnalysisView) -> None:
    notes = next((s for s in view.sections if s.numbered), None)
    count = len(notes.bullets) if notes else 0
    cited = set()
    for section in view.sections:
        for table in section.tables:
            if table.headers[-1] not in ("Note", "Catatan"):
                continue
            for row in table.rows:
                numbers = {int(n) for n in re.findall(r"\d+", row[-1])}
                if "-" in row[:-1]:
                    assert numbers, f"unexplained '-' in {row}"
                assert all(1 <= n <= count for n in numbers), row
                cited |= numbers
    assert cited == set(range(1, count + 1))  # every note is cited by a row


@pytest.mark.parametrize("name", ["clean", "miskeyed", "missing", "constant"])
def test_every_dash_names_its_note(name: str, tmp_path: Path):
    source, k = dataset_as_input(name, tmp_path)
    # Two indicators, one of two items: its "alpha without" an item is undefined too.
    groups = [list(range(1, k - 1)), [k - 1, k]]
    bank = write_bank(tmp_path, bank_text(k, indicators=groups))
    for mode in ("pairwise", "listwise"):
        assert_every_dash_is_explained(view_of(source, bank, missing=mode))


def test_every_dash_is_explained_in_a_sample_of_mixed_roles(tmp_path: Path, bundled_bank):
    source = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, source, 60, seed=6)
    lines = source.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    roles = ["pelaksana", "struktural"]
    rows = ["role," + lines[0]]
    for number, line in enumerate(lines[1:]):
        role = roles[number % 2]
        cells = line.split(",")
        kept = [cells[0]] + [
            value if bundled_bank.items[item].asked_of(role) else ""
            for item, value in zip(header[1:], cells[1:], strict=True)
        ]
        rows.append(",".join([role, *kept]))
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    found = run_analysis([str(source)], BatchSettings(bundled_bank), AnalysisOptions())
    view = analysis_view(bundled_bank, found.analysis, "en", found.counts.read, 0)
    assert_every_dash_is_explained(view)
    notes = next(s for s in view.sections if s.numbered).bullets
    # One note for the reason "never answered together", naming both scales it hits.
    together = [note for note in notes if "never answered together" in note]
    assert len(together) == 1
    # (and the core values whose tagged items span roles, bank 2.1.0)
    assert together[0].startswith("Communicating downward, Leading your organisation")
    assert "cannot be judged: Communicating downward, because some of its items" in view.verdict


def test_the_verdict_names_what_is_reliable_and_why_the_rest_is_not(tmp_path: Path):
    source, k = dataset_as_input("miskeyed", tmp_path)
    bank = write_bank(tmp_path, bank_text(k, title="Disiplin"))
    view = view_of(source, bank)
    assert "1 indicator(s) are not reliable: Disiplin, because i8 runs against its other items" in (
        view.verdict
    )
    view_id = view_of(source, bank, "id")
    assert "1 indikator belum andal: Disiplin, karena i8 berlawanan arah" in view_id.verdict
    clean, k = dataset_as_input("clean", tmp_path)
    bank = write_bank(tmp_path, bank_text(k, title="Disiplin"))
    assert view_of(clean, bank).verdict.startswith(
        "The scores of all 1 indicators are reliable enough to compare people."
    )


def test_items_show_their_statement_and_headings_explain_themselves(tmp_path: Path):
    source, k = dataset_as_input("clean", tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    shown = runner.invoke(app, ["analyze", str(source), "--bank", str(bank), "--lang", "en"])
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "i1 Item 1." in text  # the statement beside its id
    for heading in ("Reliability (alpha)", "95% range of alpha", "Fit with the rest (r.drop)"):
        assert heading in text
    glossary = text.split("What the columns mean")[1]
    for heading in ("Reliability (alpha):", "95% range of alpha:", "Omega:", "Note:"):
        assert heading in glossary
