"""Reading and writing files safely, with errors that name the file.

Every file the tool writes follows one policy (docs/reliability.md), implemented here
by ``OutputFile`` and ``commit_together``:

- a regular file is written to a temporary file beside it (``.NAME.asn-assess-PID-N.tmp``,
  readable by its owner only), flushed to disk, then renamed over the old one, so it
  holds the old or the new content, never half; a replaced file keeps its mode, a new
  file of personal data is created readable by its owner only (0600);
- a symlink stays a link: the file it points to is replaced;
- a FIFO, a character device (``/dev/null``, a terminal) or ``-`` (standard output) is
  written through, never replaced; a folder, a disk (block device) or a socket is
  refused;
- an output that is the same file as an input, a key, a mapping or another output is
  refused before anything is read (``check_outputs``);
- temporary files of a run that was killed are removed by the next run that writes in
  that folder (``core.temporaries``).
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, Optional, Union

from asn_assess.core.commit_journal import remove_journal, write_journal
from asn_assess.core.errors import AssessError, Problem, UsageError
from asn_assess.core.i18n import say
from asn_assess.core.limits import DOCUMENT_BYTES, size_text
from asn_assess.core.printable import PrintableBytes
from asn_assess.core.temporaries import (
    forget,
    remove,
    signals_deferred,
    sweep_once,
    temporary_name,
    track,
)

if sys.version_info >= (3, 14):
    import tomllib
else:  # tomli >= 2.1 gives lineno/colno on errors; tomllib gains them in 3.14
    import tomli as tomllib

STDOUT_NAME = "<stdout>"
PRIVATE_MODE = 0o600
PathLike = Union[str, "os.PathLike[str]"]


class OutputError(AssessError):
    """An output that cannot be written (a full disk, a folder without permission)."""


# --- reading ----------------------------------------------------------------------------


def open_for_reading(path: str | Path, error: type[AssessError], buffering: int = -1) -> BinaryIO:
    """``path`` opened for reading bytes, or ``error`` naming the file and what is wrong."""
    try:
        return open(path, "rb", buffering=buffering)
    except FileNotFoundError:
        raise error(Problem(str(path), say("reading.no_such_file"))) from None
    except IsADirectoryError:
        raise error(Problem(str(path), say("reading.is_folder"))) from None
    except OSError as problem:
        raise error(
            Problem(str(path), say("reading.unreadable", reason=problem.strerror))
        ) from None


def read_bytes(
    stream: BinaryIO, source: str, error: type[AssessError], limit: int = DOCUMENT_BYTES
) -> bytes:
    """Everything ``stream`` holds, or ``error`` naming ``source`` as soon as it holds
    more than ``limit`` bytes: a file known to be larger is refused before it is read,
    and a device or a pipe that never ends (``/dev/zero``) after ``limit`` bytes."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        size = 0  # no file behind it (a test's standard input): read up to the cap
    if size <= limit:
        raw = stream.read(limit + 1)
    if size > limit or len(raw) > limit:
        raise error(Problem(source, say("reading.too_large", size=size_text(limit))))
    return raw


def read_text(path: str | Path, error: type[AssessError], limit: int = DOCUMENT_BYTES) -> str:
    """A UTF-8 file's text (a byte order mark is dropped), or ``error`` naming the file:
    when it holds more than ``limit`` bytes (``core.limits``), and for bytes that are
    not UTF-8 the line they are on."""
    with open_for_reading(path, error) as stream:
        raw = read_bytes(stream, str(path), error, limit)
    return decoded_text(raw, str(path), error)


def decoded_text(raw: bytes, path: str, error: type[AssessError]) -> str:
    """UTF-8 bytes as text (a byte order mark dropped), or ``error`` naming the line of
    the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = raw[: problem.start].count(b"\n") + 1
        raise error(
            Problem(f"{path}:{line}", say("reading.not_utf8", byte=problem.start))
        ) from None


def parse_toml(text: str, source: str, error: type[AssessError]) -> dict[str, Any]:
    """TOML text as data, or ``error`` at ``source:line:column``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        line, column = getattr(problem, "lineno", None), getattr(problem, "colno", None)
        message = getattr(problem, "msg", None) or str(problem)
        where = f"{source}:{line}:{column}" if line else source
        raise error(Problem(where, say("reading.toml_syntax", reason=message))) from None
    except RecursionError:  # arrays or tables nested hundreds deep
        raise error(Problem(source, say("toml.too_deep"))) from None
    except ValueError as problem:  # an integer longer than Python converts (4,300 digits)
        reason = say("json.too_long") if "digits" in str(problem) else str(problem)
        raise error(Problem(source, say("toml.bad_value", reason=reason))) from None


# --- cells for spreadsheets ---------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (or strip it into one)."""


def spreadsheet_safe(text: str) -> str:
    """A text cell for a CSV file: one starting like a formula gets a leading ``'`` so
    that Excel, LibreOffice and Google Sheets show it as text instead of running it
    (``=HYPERLINK(...)`` in a unit name). Numbers are never passed through here."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --- what an output path is -------------------------------------------------------------


def is_stdout(target: Optional[PathLike]) -> bool:
    """Whether an output argument means standard output (none given, or ``-``)."""
    return target is None or os.fspath(target) == "-"


def _identity(path: Path) -> tuple[Any, ...]:
    """What makes two paths the same file: device and inode when it exists (through
    symlinks and hard links), else the resolved path it would be created at."""
    try:
        found = os.stat(path)
    except OSError:
        return ("path", os.path.realpath(path))
    return ("file", found.st_dev, found.st_ino)


def _refusal(path: Path) -> Optional[str]:
    """Why ``path`` cannot be an output at all, or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return say("output.is_folder")
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        return say("output.is_device")
    return None


def check_outputs(
    outputs: Sequence[tuple[str, Optional[PathLike]]],
    others: Sequence[tuple[str, Optional[PathLike]]] = (),
) -> None:
    """Refuse (``UsageError``, exit 2) an output that is a folder or a disk, or that is
    the same file as another output or as one of ``others`` (inputs, key, mapping,
    bank). Each entry is (what the command line calls it, path); ``None`` and ``-`` are
    skipped. Call it before reading anything."""
    existing = [
        (label, Path(path), _identity(Path(path)))
        for label, path in others
        if path is not None and not is_stdout(path) and os.path.exists(path)
    ]
    for label, target in outputs:
        if is_stdout(target):
            continue
        path = Path(target)  # type: ignore[arg-type]
        refusal = _refusal(path)
        if refusal:
            raise UsageError(Problem(str(path), refusal))
        try:
            if stat.S_ISCHR(os.stat(path).st_mode):
                continue  # /dev/null, a terminal: written through, harmless twice
        except OSError:
            pass
        identity = _identity(path)
        for other_label, other, other_identity in existing:
            if identity == other_identity:
                raise UsageError(
                    Problem(
                        str(path),
                        say("output.same_file", option=label, role=other_label, other=other),
                    )
                )
        existing.append((label, path, identity))


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


# --- outputs ------------------------------------------------------------------------------


class OutputFile:
    """One output, written as the policy above says. Write bytes with ``write`` (or hand
    the object to a writer that calls ``write``); then ``commit_together`` makes it
    appear, or ``discard`` leaves the target as it was.

    ``private`` outputs hold personal data: created readable by their owner only.
    ``replace`` False refuses an existing regular file (``UsageError``), for files
    people edit by hand, such as templates.
    """

    def __init__(self, target: Optional[PathLike], *, private: bool, replace: bool = True):
        self.name = STDOUT_NAME if is_stdout(target) else os.fspath(target)  # type: ignore[arg-type]
        self._destination: Optional[Path] = None  # the regular file replaced at commit
        self._temporary: Optional[Path] = None
        self._backup: Optional[Path] = None
        self._mode = PRIVATE_MODE
        self._owner: Optional[tuple[int, int]] = None
        self._done = False
        self.committed = False
        """Whether the output has appeared (set by ``commit_together``)."""
        self._terminal: Optional[PrintableBytes] = None
        if is_stdout(target):
            self._file: BinaryIO = sys.stdout.buffer
            self._through = True
            if sys.stdout.isatty():  # data shown, not kept: no control character reaches it
                self._terminal = PrintableBytes()
            return
        path = Path(self.name)
        refusal = _refusal(path)
        if refusal:
            raise UsageError(Problem(self.name, refusal))
        try:
            found: Optional[os.stat_result] = os.stat(path)
        except OSError:
            found = None
        if found is not None and not stat.S_ISREG(found.st_mode):
            self._through = True  # a FIFO or a character device: never replaced
            self._file = self._guard(lambda: open(path, "wb"))
            return
        if found is not None and not replace:
            raise UsageError(Problem(self.name, say("output.exists")))
        self._through = False
        destination = Path(os.path.realpath(path))  # a symlink's target is what changes
        if found is not None:
            self._mode = stat.S_IMODE(found.st_mode)
            self._owner = (found.st_uid, found.st_gid)
        elif not private:
            self._mode = 0o666 & ~_umask()
        self._destination = destination

        def create() -> BinaryIO:
            destination.parent.mkdir(parents=True, exist_ok=True)
            sweep_once(destination.parent)
            temporary = destination.with_name(temporary_name(destination.name))
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with signals_deferred():  # made and registered, or not made at all
                handle = os.open(temporary, flags, PRIVATE_MODE)
                track(temporary)
                self._temporary = temporary
            return os.fdopen(handle, "wb")

        self._file = self._guard(create)

    # Writers (pyarrow's CSV writer, a text wrapper) treat this object as a binary file.
    closed = False

    def writable(self) -> bool:
        """A binary file opened for writing."""
        return True

    def readable(self) -> bool:
        """Not for reading."""
        return False

    def seekable(self) -> bool:
        """Written in order only."""
        return False

    def write(self, data: Any) -> int:
        """Append bytes; ``OutputError`` naming the output when they cannot be written."""
        view = memoryview(data).cast("B")
        size = len(view)
        if self._terminal is not None:
            view = memoryview(self._terminal.feed(bytes(view)))
        while view:
            # An unbuffered stream (stdout under PYTHONUNBUFFERED) may take only part of
            # the bytes, as at a file size limit; the next write then reports why.
            written = self._guard(lambda part=view: self._file.write(part))
            if written is None:  # a non-blocking stream that is full: wait until it drains
                import select

                select.select([], [self._file], [])
                continue
            view = view[written:]
        return size

    def flush(self) -> None:
        """Hand written bytes to the system."""
        self._guard(self._file.flush)

    def _guard(self, action: Any) -> Any:
        try:
            return action()
        except BrokenPipeError:
            raise  # the reader went away: the command line stops quietly
        except OSError as problem:
            raise self._error(problem) from None

    def _error(self, problem: OSError) -> OutputError:
        reason = problem.strerror or str(problem)
        key = "output.cannot_write" if self._through else "output.cannot_write_kept"
        return OutputError(Problem(self.name, say(key, reason=reason)))

    def finish(self) -> None:
        """Make the content complete: flush, and for a replaced file sync it to disk and
        give it its final mode. Written-through outputs are flushed only."""
        if self._done:
            return
        if self._through:
            if self._terminal is not None:
                held, self._terminal = self._terminal.end(), None
                if held:
                    self.write(held)
            self.flush()
            if self._file is not sys.stdout.buffer:
                self._guard(self._file.close)
            self._done = True
            return
        stream = self._file

        def complete() -> None:
            stream.flush()
            os.fsync(stream.fileno())
            if self._owner is not None:
                try:  # keep the replaced file's owner where the system lets us
                    os.fchown(stream.fileno(), *self._owner)
                except (OSError, AttributeError):
                    pass
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), self._mode)
            stream.close()

        self._guard(complete)
        self._done = True

    def discard(self) -> None:
        """Remove the temporary file; the target stays as it was."""
        if not self._through:
            try:
                self._file.close()
            except OSError:
                pass
            remove(self._temporary)
        self._temporary = None
        remove(self._backup)
        self._backup = None

    # --- the commit, driven by commit_together -----------------------------------------

    def _keep_backup(self) -> None:
        """A hard link to the file about to be replaced, to put it back if a later rename
        of the same commit fails (best effort: some file systems have no links)."""
        if self._destination is None or not self._destination.exists():
            return
        backup = self._destination.with_name(temporary_name(self._destination.name, "old"))
        try:
            os.link(self._destination, backup)
            track(backup)
            self._backup = backup
        except OSError:
            self._backup = None

    def _replace(self) -> None:
        if self._destination is not None and self._temporary is not None:
            os.replace(self._temporary, self._destination)
            forget(self._temporary)
            self._temporary = None

    def _restore(self) -> None:
        if self._destination is None:
            return
        if self._backup is not None:
            os.replace(self._backup, self._destination)
            forget(self._backup)
            self._backup = None

    def _sync_folder(self) -> None:
        if self._destination is None or os.name == "nt":
            return
        try:
            folder = os.open(self._destination.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(folder)
        except OSError:
            pass
        finally:
            os.close(folder)


def commit_together(outputs: Sequence[OutputFile]) -> None:
    """Make every output appear at once: all are completed and synced to disk first,
    then the renames follow one another with SIGINT, SIGTERM and SIGHUP held back (they
    act when the commit is over). If a rename fails, the files already replaced are put
    back and ``OutputError`` names the one that failed; on any other failure every
    temporary file is removed and the targets stay as they were. A SIGKILL between two
    renames is completed by the next run in the folder, from the commit's journal
    (``commit_journal``)."""
    try:
        for output in outputs:
            output.finish()
    except BaseException:
        for output in outputs:
            output.discard()
        raise
    journal: list[Path] = []
    try:
        with signals_deferred():
            replaced: list[OutputFile] = []
            try:
                for output in outputs:  # every backup first: the renames then follow at once
                    output._keep_backup()
                journal = write_journal(
                    [
                        (output._temporary, output._destination)
                        for output in outputs
                        if output._temporary is not None and output._destination is not None
                    ]
                )
                for output in outputs:
                    try:
                        output._replace()
                    except OSError as problem:
                        raise output._error(problem) from None
                    replaced.append(output)
                for output in outputs:  # inside the held-back signals: known before they act
                    output.committed = True
            except BaseException:
                for done in reversed(replaced):
                    try:
                        done._restore()
                    except OSError:
                        pass
                raise
            finally:
                for output in outputs:
                    output.discard()
        for output in outputs:
            output._sync_folder()
    finally:
        remove_journal(journal)  # once the renames are on disk (or undone)


def write_file(
    path: Optional[PathLike], data: bytes, *, private: bool, replace: bool = True
) -> None:
    """Write ``data`` to one output by the policy above (standard output for ``-``)."""
    output = OutputFile(path, private=private, replace=replace)
    try:
        output.write(data)
    except BaseException:
        output.discard()
        raise
    commit_together([output])


def text_safe_workbook(target: Any, *, streaming: bool = False) -> Any:
    """An xlsxwriter workbook writing to ``target`` (a path or a binary file) in which a
    text stays a text: never a formula, a number or a link, whatever it starts with
    (``=HYPERLINK(...)`` typed into a form is shown, not run). ``streaming`` writes rows
    as they come (constant memory, rows in order); otherwise the book is built in memory.
    Every workbook the tool writes is made here."""
    import xlsxwriter  # only the commands that write a workbook need it

    mode = "constant_memory" if streaming else "in_memory"
    options = {
        mode: True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    return xlsxwriter.Workbook(target, options)
