"""The Python examples in docs/ run exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(name: str) -> list[str]:
    return PYTHON_BLOCK.findall((DOCS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(len(python_blocks("api.md"))))
def test_api_example_runs(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = python_blocks("api.md")[index]
    exec(compile(code, f"docs/api.md block {index + 1}", "exec"), {"__name__": "__docs__"})
    assert capsys.readouterr().out.strip(), "the example prints what it computes"


@pytest.mark.parametrize("index", range(len(python_blocks("forms.md"))))
def test_forms_example_runs(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = python_blocks("forms.md")[index]
    exec(compile(code, f"docs/forms.md block {index + 1}", "exec"), {"__name__": "__docs__"})
    from asn_assess import resolve_bank

    assert capsys.readouterr().out.strip() == f"{len(resolve_bank().items)} questions"
    assert (tmp_path / "asn-profesional.txt").read_text(encoding="utf-8").startswith("class\t")


def test_api_batch_example_prints_the_counts_it_promises(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    [code] = [block for block in python_blocks("api.md") if "run_batch" in block]
    exec(compile(code, "docs/api.md", "exec"), {"__name__": "__docs__"})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "13 12 1"
    assert lines[2].startswith("jawaban.csv: baris 13 (R999): ")
    assert any(line.startswith("Bidang A 6 ") for line in lines)


EXAMPLES = DOCS / "examples"


def score_example(answers: str) -> dict:
    import json

    from typer.testing import CliRunner

    from asn_assess.cli import app

    run = CliRunner().invoke(
        app,
        ["score", f"docs/examples/{answers}", "--bank", "docs/examples/contoh.toml", "--json"],
    )
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def test_scoring_worked_example_runs_as_written(monkeypatch):
    import json

    monkeypatch.chdir(DOCS.parent)  # the command in docs/scoring.md, from the project folder
    result = score_example("contoh-answers.json")
    assert result == json.loads((EXAMPLES / "contoh-result.json").read_text(encoding="utf-8"))
    # The excerpt printed in docs/scoring.md is the same output, shortened with "...".
    text = (DOCS / "scoring.md").read_text(encoding="utf-8")
    start = text.index('```json\n{\n  "schema_version"')
    excerpt = text[start + len("```json\n") : text.index("```", start + 8)]
    excerpt = excerpt.replace(",\n    ...\n  ],", "\n  ],").replace(
        '"answers": { ... }', '"answers": {}'
    )
    shown = json.loads(excerpt)
    assert shown["overall"] == result["overall"]
    assert shown["pillars"][0] == result["pillars"][0]
    assert (result["overall"]["score"], result["pillars"][0]["score"]) == (78.125, 81.25)


def test_scoring_worked_example_with_not_applicable_answers(monkeypatch):
    monkeypatch.chdir(DOCS.parent)
    result = score_example("contoh-answers-na.json")
    semangat = result["pillars"][0]["indicators"][2]
    assert (semangat["score"], semangat["not_applicable_items"]) == (75.0, 2)
    assert (result["pillars"][0]["score"], result["overall"]["score"]) == (79.6875, 77.34375)


def test_the_readme_answer_sheet_example_scores_with_the_bundled_bank():
    import json

    from typer.testing import CliRunner

    from asn_assess.cli import app

    sheet = EXAMPLES / "jawaban.json"
    assert "docs/examples/jawaban.json" in (DOCS.parent / "README.md").read_text("utf-8")
    run = CliRunner().invoke(app, ["score", str(sheet), "--json"])
    assert run.exit_code == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["bank_id"] == "asn-profesional" and result["overall"]["score"] is not None
