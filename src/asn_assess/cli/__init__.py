"""The command-line shell: parse arguments, call the library, print, map errors to exit
codes. Each command family is a module; importing them registers their commands."""

from __future__ import annotations

import os
import sys

from asn_assess.cli import (  # noqa: F401  (registers the commands)
    assess,
    bank,
    batch,
    forms,
    history,
    multirater,
)
from asn_assess.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """The `asn-assess` entry point."""
    try:
        app()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
