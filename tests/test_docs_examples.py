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


def test_api_batch_example_prints_the_counts_it_promises(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    [code] = [block for block in python_blocks("api.md") if "run_batch" in block]
    exec(compile(code, "docs/api.md", "exec"), {"__name__": "__docs__"})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "13 12 1"
    assert lines[2].startswith("jawaban.csv: row 13 (R999): ")
    assert any(line.startswith("Bidang A 6 ") for line in lines)
