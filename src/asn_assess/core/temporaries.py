"""The temporary files of outputs: their names, the ones this process has made, and
the ones a killed run left behind; and holding signals back while outputs are renamed.

Names are ``.<name>.asn-assess-<process id>-<n>.tmp`` (``.old`` for the hard links a
commit keeps), so the next run can tell them apart from every other file and from those
of a process still running.
"""

from __future__ import annotations

import atexit
import itertools
import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

TEMPORARY_NAME = re.compile(r"^\..*\.asn-assess-(\d+)-\d+\.(?:tmp|old)$")
_numbers = itertools.count(1)
_swept: set[str] = set()
_live: set[Path] = set()  # temporary files of this process not yet renamed or removed


def _remove_live_temporaries() -> None:
    """At exit, however the process ends short of SIGKILL, no temporary file of this
    process is left behind, even one made a moment before an interrupt."""
    for path in list(_live):
        remove(path)


def temporary_name(name: str, suffix: str = "tmp") -> str:
    """The hidden name of this process's temporary (or backup) file for ``name``."""
    if len(name.encode("utf-8")) > 150:  # keep within the 255-byte limit of a name
        name = name.encode("utf-8")[:150].decode("utf-8", "ignore")
    return f".{name}.asn-assess-{os.getpid()}-{next_number()}.{suffix}"


def next_number() -> int:
    """A number not yet used in a file name by this process."""
    return next(_numbers)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` may still be running on this computer."""
    if pid == os.getpid() or os.name == "nt":  # Windows has no harmless probe: keep
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or cannot tell: keep its files
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove this tool's temporary and backup files in ``folder`` whose process is no
    longer running (a run killed with SIGKILL or a power cut leaves them). Files of
    live processes and every other file are left alone. Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = TEMPORARY_NAME.match(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            if not process_alive(int(match.group(1))):
                try:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
                except OSError:
                    pass
    return removed


def sweep_once(folder: Path) -> None:
    """Once per process: complete the commits a killed run left half done in ``folder``
    (``commit_journal``), then remove its stale temporary files."""
    key = os.path.realpath(folder)
    if key not in _swept:
        _swept.add(key)
        from asn_assess.core.commit_journal import recover_commits

        recover_commits(folder)
        remove_stale_temporaries(folder)


def track(path: Path) -> None:
    """A temporary file this process made: removed at exit unless renamed or removed."""
    if not _live:
        atexit.register(_remove_live_temporaries)
    _live.add(path)


def forget(path: Path) -> None:
    """A temporary file renamed into place: no longer this process's to remove."""
    _live.discard(path)


def remove(path: Optional[Path]) -> None:
    """Remove a temporary file (gone already is fine)."""
    if path is not None:
        try:
            os.unlink(path)
        except OSError:
            pass
        _live.discard(path)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP inside the block; they are delivered when it
    ends. Where signals cannot be masked (Windows, another thread), does nothing."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}
    previous = mask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)
