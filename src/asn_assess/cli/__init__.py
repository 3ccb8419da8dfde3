"""The command-line shell: parse arguments, call the library, print, map errors to exit
codes. Each command family is a module; importing them registers their commands."""

from __future__ import annotations

import os
import sys

from asn_assess.cli import (  # noqa: F401  (registers the commands)
    analyze,
    assess,
    bank,
    batch,
    codebook,
    config,
    forms,
    history,
    multirater,
    panel,
    templates,
)
from asn_assess.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """The `asn-assess` entry point."""
    from asn_assess.cli import signals

    signals.install()
    try:
        app()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        _silence_stdout()
        sys.exit(1)
    except SystemExit:
        _flush_stdout()
        raise


def _flush_stdout() -> None:
    """Flush what is left for stdout now, so that a write that fails (a full disk) is
    one error line and exit code 1 rather than a complaint at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OSError as problem:
        from asn_assess.cli.common import error_label
        from asn_assess.core.files import STDOUT_NAME
        from asn_assess.core.i18n import say

        reason = problem.strerror or str(problem)
        message = say("output.cannot_write", reason=reason)
        print(f"{error_label()}: {STDOUT_NAME}: {message}", file=sys.stderr)
        _silence_stdout()
        sys.exit(1)


def _silence_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
