"""Input streams: a look at a file's head of any length, its text as UTF-8 whatever its
encoding, and a clean stop.

pyarrow's CSV reader reads its input ahead on a thread of its own. If that thread is
inside Python when the process exits (after an error, an interrupt), the interpreter
ends it in a way C++ cannot survive ("terminate called without an active exception",
exit 134). So every input here can be told to ``stop``: from then on reads return the
end of the file at once (a read waiting on a pipe notices within ``POLL_SECONDS``), and
``wait_idle`` returns once no read is running, so the reader thread has nothing left
to do in Python when the run ends.

Bytes that are not UTF-8 never reach pyarrow: ``Utf8Stream`` checks or converts them
and names the line and the encoding the file most likely has.
"""

from __future__ import annotations

import codecs
import io
import os
import select
import threading
import time
from collections.abc import Callable
from typing import Any, Optional

from asn_assess.batch.blocks import InputError
from asn_assess.core.errors import Problem, UsageError
from asn_assess.core.i18n import say

CHUNK_BYTES = 1 << 18
POLL_SECONDS = 0.1
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def checked_encoding(name: Optional[str]) -> Optional[str]:
    """The codec's own name for ``--encoding NAME`` (``cp1252``, ``utf-8``), or
    ``UsageError`` for a name Python does not know."""
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(Problem("--encoding", say("input.unknown_encoding", name=name))) from None


def likely_encoding(sample: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8: UTF-16 when every other byte
    is zero, else Windows-1252 (what Excel on Indonesian Windows saves) when it decodes,
    else Latin-1."""
    if sample.count(b"\x00") * 4 > len(sample):
        return "utf-16"
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes line breaks, braces and quotes as ASCII does, so a
    file can be split into lines before it is decoded."""
    return '\n{}[]",'.encode(encoding, "replace") == b'\n{}[]",'


class _Peekable(io.RawIOBase):
    """A readable binary stream over ``_next_chunk``: ``head`` looks ahead without
    consuming, ``stop`` ends it early."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self._buffer = bytearray()
        self._at_end = False
        self._stopped = threading.Event()
        self._reading = 0  # reads under way (on any thread)
        self._lock = threading.Lock()

    def _next_chunk(self) -> bytes:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def _fill(self) -> bool:
        """Read one more chunk into the buffer; False at the end."""
        if self._at_end:
            return False
        chunk = self._next_chunk()
        if not chunk:
            self._at_end = True
            return False
        self._buffer += chunk
        return True

    def head(self, size: int) -> bytes:
        """The first ``size`` bytes not yet read (fewer at the end), left in place."""
        while len(self._buffer) < size and self._fill():
            pass
        return bytes(self._buffer[:size])

    def head_until(self, enough: Callable[[bytes], bool], limit: int) -> bytes:
        """The bytes not yet read, left in place, read further a chunk at a time (each as
        soon as some input is there: a pipe is not waited on for more than it needs)
        until ``enough`` says so of them, the input ends, or ``limit`` bytes are held."""
        while not self._at_end and len(self._buffer) < limit:
            if enough(bytes(self._buffer)):
                break
            self._fill()
        return bytes(self._buffer)

    @property
    def at_end(self) -> bool:
        """Whether everything has been read into the look-ahead buffer."""
        return self._at_end

    def readable(self) -> bool:
        """A stream for reading."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all with -1); empty at the end or once stopped."""
        with self._lock:
            self._reading += 1
        try:
            if self._stopped.is_set():
                return b""
            if size is None or size < 0:
                while self._fill():
                    pass
                size = len(self._buffer)
            elif not self._buffer:
                self._fill()
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
            return data
        finally:
            with self._lock:
                self._reading -= 1

    def skip(self, size: int) -> None:
        """Read and drop the next ``size`` bytes (a header already looked at)."""
        while size > 0:
            dropped = self.read(size)
            if not dropped:
                return
            size -= len(dropped)

    def readinto(self, target: Any) -> int:
        """Fill ``target`` with what ``read`` would return."""
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def stop(self) -> None:
        """End the stream: reads return nothing from now on."""
        self._stopped.set()

    def wait_idle(self, timeout: float = 2.0) -> None:
        """After ``stop``: return once no read is running (or after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while self._reading and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS / 10)


class InputStream(_Peekable):
    """An input's bytes as they are: a file, standard input or any binary stream.

    ``replayable`` keeps what is read of a stream that cannot seek (standard input, a
    pipe) in a temporary file, so that ``replay`` can read the input again, as often as
    needed."""

    def __init__(self, raw: Any, name: str, replayable: bool = False):
        super().__init__(name)
        self._raw = raw
        self._start: Optional[int] = None
        self._kept: Optional[Any] = None
        if replayable and not isinstance(raw, _Replayed):  # a replay keeps its own copy
            self._start = _position(raw)
            if self._start is None:
                import tempfile

                self._kept = tempfile.TemporaryFile(prefix="asn-assess-input-")
        try:
            descriptor: Optional[int] = raw.fileno()
        except (AttributeError, OSError, ValueError):
            descriptor = None
        # Pipes and terminals can make a read wait; wait in short steps so that a stop
        # is noticed. (Windows cannot select on them: reads there simply wait.)
        self._waitable = (
            descriptor
            if descriptor is not None and os.name != "nt" and not _is_regular(descriptor)
            else None
        )

    def _next_chunk(self) -> bytes:
        if self._waitable is not None and not getattr(self._raw, "has_kept", False):
            while not self._stopped.is_set():
                ready, _, _ = select.select([self._waitable], [], [], POLL_SECONDS)
                if ready:
                    break
            if self._stopped.is_set():
                return b""
        try:
            data = self._raw.read(CHUNK_BYTES)
        except OSError as problem:
            raise InputError(
                Problem(self.name, say("reading.unreadable", reason=problem.strerror or problem))
            ) from None
        if self._kept is not None and data:
            self._kept.write(data)
        return bytes(data or b"")

    def replay(self) -> InputStream:
        """A stream that reads the input again from where this one started (made
        ``replayable``), and can be replayed in turn; this one is left without its
        underlying stream."""
        raw, self._raw = self._raw, io.BytesIO()
        if isinstance(raw, _Replayed):
            raw.rewind()
        elif self._kept is None:
            raw.seek(self._start or 0)
        else:
            kept, self._kept = self._kept, None
            raw = _Replayed(kept, raw)
        return InputStream(raw, self.name, replayable=True)

    def close(self) -> None:
        """Close the underlying stream too."""
        try:
            self._raw.close()
            if self._kept is not None:
                self._kept.close()
        finally:
            super().close()


def _position(raw: Any) -> Optional[int]:
    """Where a regular file stands (to read it again from there), else None."""
    try:
        if raw.seekable() and _is_regular(raw.fileno()):
            return int(raw.tell())
    except (AttributeError, OSError, ValueError):
        if isinstance(raw, io.BytesIO) or (hasattr(raw, "seekable") and raw.seekable()):
            try:
                return int(raw.tell())
            except (OSError, ValueError):
                return None
    return None


class _Replayed(io.RawIOBase):
    """A stream read again: what was read of it (kept in a file), then the rest of it,
    which is added to the file as it is read, so that ``rewind`` can start over."""

    def __init__(self, kept: Any, rest: Any):
        super().__init__()
        self._kept = kept
        self._rest = rest
        kept.seek(0, os.SEEK_END)
        self._size = kept.tell()  # bytes kept
        self._at = 0  # where the next read starts

    def readable(self) -> bool:
        """A stream for reading."""
        return True

    @property
    def has_kept(self) -> bool:
        """Whether kept bytes are still to be read (no need to wait on the stream)."""
        return bool(self._at < self._size)

    def rewind(self) -> None:
        """Read from the start again."""
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        """The kept bytes first, then the stream's."""
        if self._at < self._size:
            self._kept.seek(self._at)
            wanted = self._size - self._at if size is None or size < 0 else size
            data = bytes(self._kept.read(min(wanted, self._size - self._at)))
            self._at += len(data)
            return data
        data = bytes(self._rest.read(size) or b"")
        if data:
            self._kept.seek(self._size)
            self._kept.write(data)
            self._size += len(data)
            self._at = self._size
        return data

    def readinto(self, target: Any) -> int:
        """Fill ``target`` with what ``read`` would return."""
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def fileno(self) -> int:
        """The stream's own descriptor (a pipe is waited on as before)."""
        return int(self._rest.fileno())

    def close(self) -> None:
        """Close both."""
        self._kept.close()
        self._rest.close()
        super().close()


def _is_regular(descriptor: int) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        return False


def has_text(head: bytes) -> bool:
    """Whether ``head`` holds more than byte order marks and white space: enough to
    tell a table from JSON, and UTF-16 from UTF-8."""
    return bool(head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"))


def detected_encoding(head: bytes, chosen: Optional[str]) -> str:
    """The encoding to read an input in: the one chosen, else UTF-16 when the file
    starts with its byte order mark, else UTF-8."""
    if chosen:
        return chosen
    if head[:2] in UTF16_BOMS:
        return "utf-16"
    return "utf-8"


class Utf8Stream(_Peekable):
    """The text of ``source`` as UTF-8 bytes without a byte order mark: UTF-8 input is
    checked and passed through; any other encoding is converted. A byte sequence that
    does not decode is ``InputError`` naming the line and the likely encoding."""

    def __init__(self, source: _Peekable, encoding: str, chosen: bool):
        super().__init__(source.name)
        self._source = source
        self._encoding = encoding
        self._chosen = chosen  # named with --encoding, or found from the bytes
        self._utf8 = encoding == "utf-8"
        self._decoder = None if self._utf8 else codecs.getincrementaldecoder(encoding)("strict")
        self._pending = b""  # an incomplete UTF-8 sequence at the end of a chunk
        self._first = True
        self._lines = 0  # line breaks handed on so far

    def stop(self) -> None:
        """Stop this stream and the one it reads."""
        super().stop()
        self._source.stop()

    def wait_idle(self, timeout: float = 2.0) -> None:
        """Wait for reads of this stream and of the one it reads."""
        super().wait_idle(timeout)
        self._source.wait_idle(timeout)

    def _next_chunk(self) -> bytes:
        while True:
            raw = self._source.read(CHUNK_BYTES)
            final = not raw
            data = self._pending + raw
            if self._first and data:
                self._first = False
                if self._utf8 and data.startswith(UTF8_BOM):
                    data = data[len(UTF8_BOM) :]
            try:
                text = self._convert(data, final)
            except UnicodeDecodeError as problem:
                raise self._error(data, problem) from None
            self._lines += text.count(b"\n")
            if text or final:
                return text

    def _convert(self, data: bytes, final: bool) -> bytes:
        if self._decoder is not None:
            self._pending = b""
            return self._decoder.decode(data, final).encode("utf-8")
        _, used = codecs.utf_8_decode(data, "strict", final)
        self._pending = data[used:]
        return data[:used]

    def _error(self, data: bytes, problem: UnicodeDecodeError) -> InputError:
        start = problem.start
        line = self._lines + data[:start].count(b"\n") + 1
        byte = data[start : start + 1].hex()
        if self._chosen and not self._utf8:
            message = say("input.not_encoding", encoding=self._encoding, byte=byte)
        else:
            guess = likely_encoding(data)
            message = say("input.not_utf8", byte=byte, guess=guess)
        return InputError(Problem(f"{self.name}:{line}", message))


def decode_text(data: bytes, encoding: str, chosen: bool, source: str) -> str:
    """Whole bytes as text in ``encoding`` (a UTF-8 byte order mark dropped), or
    ``InputError`` naming the line and the likely encoding."""
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        byte = data[problem.start : problem.start + 1].hex()
        if chosen and encoding != "utf-8":
            message = say("input.not_encoding", encoding=encoding, byte=byte)
        else:
            message = say("input.not_utf8", byte=byte, guess=likely_encoding(data))
        raise InputError(Problem(f"{source}:{line}", message)) from None
