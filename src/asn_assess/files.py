"""Reading and writing files safely, with errors that name the file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from asn_assess.errors import AssessError, Problem


def read_text(path: str | Path, error: type[AssessError]) -> str:
    """A UTF-8 file's text (a byte order mark is dropped), or ``error`` naming the file,
    and for bytes that are not UTF-8 the line they are on."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(Problem(str(path), "no such file")) from None
    except IsADirectoryError:
        raise error(Problem(str(path), "is a folder, not a file")) from None
    except OSError as problem:
        raise error(Problem(str(path), f"cannot be read ({problem.strerror})")) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise error(Problem(f"{path}:{line}", f"not UTF-8 text (byte {problem.start}); "
                                              "save the file as UTF-8")) from None


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new content, never
    half of it: a temporary file in the same folder, flushed, then ``os.replace``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
