"""Reading and writing files safely, with errors that name the file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from asn_assess.core.errors import AssessError, Problem

if sys.version_info >= (3, 14):
    import tomllib
else:  # tomli >= 2.1 gives lineno/colno on errors; tomllib gains them in 3.14
    import tomli as tomllib


def open_for_reading(path: str | Path, error: type[AssessError], buffering: int = -1) -> BinaryIO:
    """``path`` opened for reading bytes, or ``error`` naming the file and what is wrong."""
    try:
        return open(path, "rb", buffering=buffering)
    except FileNotFoundError:
        raise error(Problem(str(path), "no such file")) from None
    except IsADirectoryError:
        raise error(Problem(str(path), "is a folder, not a file")) from None
    except OSError as problem:
        raise error(Problem(str(path), f"cannot be read ({problem.strerror})")) from None


def read_text(path: str | Path, error: type[AssessError]) -> str:
    """A UTF-8 file's text (a byte order mark is dropped), or ``error`` naming the file,
    and for bytes that are not UTF-8 the line they are on."""
    with open_for_reading(path, error) as stream:
        raw = stream.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise error(
            Problem(
                f"{path}:{line}", f"not UTF-8 text (byte {problem.start}); save the file as UTF-8"
            )
        ) from None


def parse_toml(text: str, source: str, error: type[AssessError]) -> dict[str, Any]:
    """TOML text as data, or ``error`` at ``source:line:column``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        line, column = getattr(problem, "lineno", None), getattr(problem, "colno", None)
        message = getattr(problem, "msg", None) or str(problem)
        where = f"{source}:{line}:{column}" if line else source
        raise error(Problem(where, f"TOML syntax error: {message}")) from None


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV text cell that a spreadsheet shows as text: one that starts like a formula
    (``= + - @``, tab, carriage return) gets a leading apostrophe, so data is never run."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new content, never
    half of it: a temporary file in the same folder, flushed, then ``os.replace``.
    A folder that cannot be written is ``AssessError`` naming the file."""
    stream = AtomicFile(path)
    try:
        stream.write(text.encode("utf-8"))
        stream.commit()
    except BaseException:
        stream.discard()
        raise


class AtomicFile:
    """A file that appears at ``path`` only on ``commit``: written to a temporary file
    beside it, then renamed, so a crash never leaves half a file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=folder
            )
        except OSError as problem:
            raise AssessError(
                Problem(str(self.path), f"cannot write ({problem.strerror})")
            ) from None
        self.stream: BinaryIO = os.fdopen(handle, "wb")

    def write(self, data: bytes) -> None:
        """Append bytes to the temporary file."""
        self.stream.write(data)

    def commit(self) -> None:
        """Flush to disk and rename over ``path``; ``AssessError`` when that fails."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self._temporary, self.path)
        except OSError as problem:
            self.discard()
            raise AssessError(
                Problem(str(self.path), f"cannot write ({problem.strerror})")
            ) from None

    def discard(self) -> None:
        """Close and remove the temporary file; ``path`` stays as it was."""
        self.stream.close()
        try:
            os.unlink(self._temporary)
        except FileNotFoundError:
            pass
