"""Running `asn-assess start` in-process with a scripted terminal, for the test modules
that drive whole sessions (tests/test_session.py keeps its own copy of the same)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import asn_assess.interactive.session as session_module
from asn_assess.cli import app
from test_session import Run, ScriptedInput

RealTerminal = session_module.Terminal


def scripted_start(monkeypatch: pytest.MonkeyPatch, home: Path, tty_default: bool = False):
    """A function running `asn-assess start ARGS` with ``lines`` typed (``tty``: at a
    terminal, else piped); returns a ``Run``."""

    def run(*args: str, lines=(), tty: bool = tty_default) -> Run:
        screen = io.StringIO()
        scripted = ScriptedInput(lines, tty)

        class ScriptedTerminal(RealTerminal):
            def __init__(self) -> None:
                console = Console(file=screen, width=80, color_system=None, markup=False)
                super().__init__(stdin=scripted, console=console)

        monkeypatch.setattr(session_module, "Terminal", ScriptedTerminal)
        result = CliRunner().invoke(
            app, ["start", *args], env={"ASN_ASSESS_HOME": str(home)}, catch_exceptions=False
        )
        return Run(result.exit_code, screen.getvalue(), result.stdout, result.stderr, home)

    return run


def invoke(home: Path, *args: str):
    """Another command on the same data folder."""
    return CliRunner().invoke(app, list(args), env={"ASN_ASSESS_HOME": str(home)})
