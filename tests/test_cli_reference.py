"""docs/cli.md is generated from --help; this fails when a command changed without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "cli_reference.py"


def test_cli_reference_is_current():
    run = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr + "\n(regenerate it with: python tools/cli_reference.py)"


def test_cli_reference_covers_every_command():
    text = (TOOL.parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in (
        "start",
        "score",
        "report",
        "batch",
        "analyze",
        "schema",
        "bank list",
        "bank show",
        "bank validate",
        "bank template",
        "form export",
        "multirater",
    ):
        assert f"## `asn-assess {command}`" in text
