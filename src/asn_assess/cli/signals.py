"""Signals end a command the way Ctrl-C does (docs/reliability.md).

SIGTERM (``kill``, a shutdown) and SIGHUP (the terminal closed) raise ``Stopped``, a
``KeyboardInterrupt``, so every place that cleans up after Ctrl-C (discarding batch
outputs, saving a session's progress) does the same for them. The exit code is
128 + the signal's number, as shells report it: 130 for SIGINT, 143 for SIGTERM,
129 for SIGHUP.

SIGXFSZ is ignored: with a file size limit (``ulimit -f``) the write that goes past it
then fails with an error the command reports, instead of the signal killing the process
and leaving a temporary file behind.
"""

from __future__ import annotations

import signal
from typing import Any

EXIT_SIGINT = 128 + signal.SIGINT


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def install() -> None:
    """Turn SIGTERM and SIGHUP into ``Stopped``; ignore SIGXFSZ (POSIX only)."""

    def stop(signum: int, frame: Any) -> None:
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, stop)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def exit_code(interrupt: BaseException) -> int:
    """The exit code for an interrupt: 128 + its signal (130 for Ctrl-C)."""
    if isinstance(interrupt, Stopped):
        return 128 + interrupt.signum
    return EXIT_SIGINT


def signal_name(interrupt: BaseException) -> str:
    """How to name the interrupt to a person: Ctrl-C, SIGTERM, SIGHUP."""
    if isinstance(interrupt, Stopped):
        return signal.Signals(interrupt.signum).name
    return "Ctrl-C"
