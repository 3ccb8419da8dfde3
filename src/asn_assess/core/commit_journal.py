"""The journal of a commit of several outputs, so that a run killed between two renames
is completed by the next one.

``files.commit_together`` renames a run's outputs (results, errors, summary) one after
another. No system call renames several files at once, so a SIGKILL or a power cut
between two renames would leave a new results file beside an old errors file. Before
the first rename, when there are two outputs or more, the commit writes a journal
(``.asn-assess-commit-<pid>-<n>.journal``) in the folder of each output, synced to disk:
every output's complete temporary file and its destination, with what the destination
was (its device, inode, size and modification time, or absent). It is removed once the
renames are on disk.

The next run that writes in one of those folders (``temporaries.sweep_once``) finds a
journal whose process is gone and rolls it forward: each temporary file still there is
renamed into place, but only if its destination is still what the journal recorded
(nothing changed it since). Every temporary was complete and synced before the journal
was written, so the set becomes the new one whole. A journal that is not this user's,
or names a file that is not one of the tool's temporary files beside its destination,
is left alone.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from asn_assess.core.temporaries import TEMPORARY_NAME, next_number, process_alive

_JOURNAL = re.compile(r"^\.asn-assess-commit-(\d+)-\d+\.journal$")


def _identity(path: Path) -> Optional[list[int]]:
    """What a destination is: device, inode, size and modification time; None when
    there is no file."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns]


def _sync(path: Path) -> None:
    """Flush a file or a folder to disk (best effort: some systems cannot)."""
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_journal(renames: Sequence[tuple[Path, Path]]) -> list[Path]:
    """Write the journal of ``renames`` (temporary file, destination) in the folder of
    each destination, synced; returns the journal files (none for fewer than two)."""
    if len(renames) < 2:
        return []
    name = f".asn-assess-commit-{os.getpid()}-{next_number()}.journal"
    folders = sorted({destination.parent for _, destination in renames})
    entries = [
        {
            "temporary": str(temporary),
            "destination": str(destination),
            "was": _identity(destination),
        }
        for temporary, destination in renames
    ]
    document = {"journals": [str(folder / name) for folder in folders], "renames": entries}
    written: list[Path] = []
    try:
        for folder in folders:
            path = folder / name
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            written.append(path)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(document, stream)
                stream.flush()
                os.fsync(stream.fileno())
            _sync(folder)
    except OSError:
        remove_journal(written)  # no journal: the commit goes on as it would without one
        return []
    return written


def remove_journal(journals: Sequence[Path]) -> None:
    """Remove a commit's journal files once its renames are on disk."""
    for path in journals:
        try:
            os.unlink(path)
        except OSError:
            pass


def recover_commits(folder: Path) -> list[Path]:
    """Roll forward every commit in ``folder`` whose process is gone (see the module's
    documentation); returns the destinations completed."""
    completed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return completed
    for entry in entries:
        match = _JOURNAL.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if process_alive(pid) or not _own(entry):
            continue
        document = _read(Path(entry.path))
        if document is None:
            continue
        for rename in document.get("renames", []):
            done = _roll_forward(rename, pid)
            if done is not None:
                completed.append(done)
        for folder_of in {Path(p).parent for p in document.get("journals", [])}:
            _sync(folder_of)
        remove_journal(
            [Path(p) for p in document.get("journals", []) if _JOURNAL.match(Path(p).name)]
            + [Path(entry.path)]
        )
    return completed


def _own(entry: os.DirEntry[str]) -> bool:
    """Whether a journal belongs to the user running this process."""
    getuid = getattr(os, "getuid", None)
    try:
        return getuid is None or entry.stat(follow_symlinks=False).st_uid == getuid()
    except OSError:
        return False


def _read(path: Path) -> Optional[dict[str, Any]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # written only part-way when the run was killed: no rename began
    return document if isinstance(document, dict) else None


def _roll_forward(rename: Any, pid: int) -> Optional[Path]:
    """Rename one temporary file of a killed commit into place, when it is still there,
    is that process's temporary beside its destination, and the destination is what the
    journal recorded."""
    if not isinstance(rename, dict):
        return None
    try:
        temporary, destination = Path(rename["temporary"]), Path(rename["destination"])
    except (KeyError, TypeError):
        return None
    match = TEMPORARY_NAME.match(temporary.name)
    if (
        match is None
        or not temporary.name.endswith(".tmp")
        or int(match.group(1)) != pid
        or temporary.parent != destination.parent
        or not temporary.is_file()
        or temporary.is_symlink()
        or _identity(destination) != rename.get("was")
    ):
        return None
    try:
        os.replace(temporary, destination)
    except OSError:
        return None
    return destination
