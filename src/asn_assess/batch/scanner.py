"""The records of a table on their way to the CSV parser: where quoted fields open and
close, where records end, which lines are blank, and rows too long to parse.

pyarrow parses a table a block at a time (``reading.BLOCK_BYTES``). A record longer
than about a block stops the whole reading ("straddling object"), and a quote that
never closes turns every later line into one field. ``RecordStream`` stands between the
text and the parser so that neither can happen silently:

- it follows quotes as CSV parsers do: a quote opens a quoted field only at the start
  of a field (the ``"`` of ``Ukuran 5"`` is a character), and a doubled quote inside one
  stands for a quote;
- it hands the parser whole records only, holding back the start of a record until its
  end has been seen. A record longer than ``RECORD_CAP`` never reaches the parser: a
  short stand-in takes its place, which the parser finds malformed and
  ``records.RecordTracker`` rejects as a row too long, with the lines it spanned;
- at the end of the text a quoted field still open is an ``InputError`` naming the line
  where its quote opened: the rows after it would otherwise vanish into that field;
- it notes where the blank lines are (the parser skips them), so that the lines named
  in messages stay those of the file.

Everything is found with numpy on a chunk at a time. Only a chunk with a quote in the
middle of a field (rare) is followed quote by quote in Python.
"""

from __future__ import annotations

import io
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import InputError
from asn_assess.core.errors import Problem
from asn_assess.core.i18n import say

QUOTE, NEWLINE, RETURN = ord('"'), ord("\n"), ord("\r")
LONG_ROW_MARK = "\x00asn-assess-long-row-"
"""How a stand-in for a row too long begins (a NUL: never in a real export's text)."""


def record_cap(block_bytes: int) -> int:
    """The longest record the parser is given: a record may then straddle one block
    boundary, never two, whatever its place (15/16 of a block)."""
    return block_bytes - block_bytes // 16


def row_delimiters(width: int) -> int:
    """How many delimiters a line needs to be taken for a whole row of a table
    ``width`` wide that a stray quote joined to another: as many as the header has (at
    least two). A note in a cell rarely holds that many."""
    return max(2, width - 1)


@dataclass
class LongRow:
    """A record too long for the parser, as ``RecordStream`` saw it."""

    size: int = 0
    """Its bytes."""
    newlines: int = 0
    """Line breaks in it (once it is finished: inside it, not the one that ends it)."""
    rowlike: list[int] = field(default_factory=list)
    """Its lines after the first that look like rows (1 = the second line)."""
    _line_delimiters: int = 0  # delimiters on its last line so far
    _last_byte: int = 0

    def add(self, data: Any, delimiter: int, threshold: int) -> None:
        """Count the next part of the record (a numpy byte array)."""
        if not len(data):
            return
        self.size += len(data)
        self._last_byte = int(data[-1])
        breaks = np.flatnonzero(data == NEWLINE)
        per_line = np.bincount(
            np.searchsorted(breaks, np.flatnonzero(data == delimiter)), minlength=breaks.size + 1
        )
        per_line[0] += self._line_delimiters
        for index in np.flatnonzero(per_line[:-1] >= threshold).tolist():
            if self.newlines + index > 0:  # the first line is the record's own
                self.rowlike.append(self.newlines + index)
        self._line_delimiters = int(per_line[-1])
        self.newlines += int(breaks.size)

    def finish(self, threshold: int) -> None:
        """The record has ended: its last line counts if it looks like a row; the line
        break that ended it is not inside it."""
        if self._line_delimiters >= threshold and self.newlines > 0:
            self.rowlike.append(self.newlines)
        self._line_delimiters = 0
        if self._last_byte == NEWLINE:
            self.newlines -= 1


class RecordScanner:
    """Follows quotes, record ends and blank lines over a table's text, chunk by chunk
    (see the module's documentation). Line numbers count ``\\n`` from the start of the
    file; ``first_line`` is the line the scanned text starts on."""

    def __init__(self, delimiter: str, first_line: int = 1):
        self.delimiter = ord(delimiter)
        self._starts = np.array([self.delimiter, NEWLINE, RETURN], dtype=np.uint8)
        self.inside = False
        """Whether the text so far ends inside a quoted field."""
        self.open_line: Optional[int] = None
        """When inside a quoted field: the line its quote opened on."""
        self.quotes = 0
        """Quotes that opened or closed a field so far."""
        self.blank_positions: list[int] = []
        """Per blank line: its line number less the blank lines before it (where it
        would be in the text without blank lines)."""
        self._lines = first_line - 1  # line breaks before the chunk, on the file's count
        self._offset = 0
        self._previous = NEWLINE  # the byte before the chunk: the header ended a line
        self._closed_at_end = False  # the chunk before ended with a closing quote
        self._last_break = -1  # offset of the last line break outside quotes
        self._all_newlines: Any = np.empty(0, dtype=np.int64)  # of the chunk being scanned
        self._chunk_newlines = 0

    def scan(self, data: Any) -> Any:
        """Follow the next chunk (a numpy byte array); return the offsets just past each
        line break in it that ends a record: a ``\\n`` outside quotes, or a lone CR
        (as old Mac files end lines) when the byte after it is in the chunk."""
        inside = self.inside
        toggles = self._toggles(data)
        newlines = self._all_newlines = np.flatnonzero(data == NEWLINE)
        self._chunk_newlines = int(newlines.size)
        returns = np.flatnonzero(data == RETURN) if RETURN in data else newlines[:0]
        if toggles.size:
            newlines = newlines[(np.searchsorted(toggles, newlines) + inside) % 2 == 0]
            returns = returns[(np.searchsorted(toggles, returns) + inside) % 2 == 0]
        elif inside:
            newlines, returns = newlines[:0], returns[:0]
        self._note_blank_lines(data, newlines)
        if returns.size:  # a lone CR ends a line too (not the CR of a CRLF)
            returns = returns[returns + 1 < data.size]
            returns = returns[data[returns + 1] != NEWLINE]
            ends = np.union1d(newlines, returns)
        else:
            ends = newlines
        if toggles.size:
            self._note_open_line(data, toggles)
            self.inside = bool((toggles.size + inside) % 2)
            self._closed_at_end = not self.inside and toggles[-1] == data.size - 1
        elif data.size:
            self._closed_at_end = False
        self.quotes += int(toggles.size)
        self._lines += self._chunk_newlines
        self._offset += int(data.size)
        if data.size:
            self._previous = int(data[-1])
        return ends + 1

    def _toggles(self, data: Any) -> Any:
        """The quotes of the chunk that open or close a field, in order."""
        quotes = np.flatnonzero(data == QUOTE)
        if not quotes.size:
            return quotes
        # As CSV writers quote, every quote opens or closes (a doubled quote closes and
        # opens again at once). Checked: each opening quote starts a field.
        opening = quotes[(np.arange(quotes.size) + self.inside) % 2 == 0]
        before = data[np.maximum(opening - 1, 0)]
        before[opening == 0] = self._previous
        starts = np.isin(before, self._starts)
        # A doubled quote: right after a closing quote (the one just before it, or the
        # one the chunk before ended with).
        doubled = (before == QUOTE) & ((opening > 0) | self._closed_at_end)
        if bool((starts | doubled).all()):
            return quotes
        return self._toggles_one_by_one(data, quotes)

    def _toggles_one_by_one(self, data: Any, quotes: Any) -> Any:
        """``_toggles`` for a chunk with a quote inside an unquoted field, which is a
        character there: each quote followed in turn."""
        inside = self.inside
        toggles: list[int] = []
        closed_at = -2 if not self._closed_at_end else -1
        starts = {self.delimiter, NEWLINE, RETURN}
        for position in quotes.tolist():
            if inside:
                toggles.append(position)
                inside = False
                closed_at = position
                continue
            before = int(data[position - 1]) if position else self._previous
            if before in starts or (before == QUOTE and closed_at == position - 1):
                toggles.append(position)
                inside = True
        return np.array(toggles, dtype=np.int64)

    def _note_open_line(self, data: Any, toggles: Any) -> None:
        """Where the quoted field open at the chunk's end began, if it began here."""
        if not (toggles.size + self.inside) % 2:
            return  # the chunk ends outside quotes
        opening = toggles[(np.arange(toggles.size) + self.inside) % 2 == 0]
        # A doubled quote reopens the field it is in: not where a field begins.
        previous = np.concatenate(([-2 if not self._closed_at_end else -1], toggles))
        reopened = opening - 1 == previous[np.searchsorted(toggles, opening)]
        begins = opening[~reopened]
        if begins.size:
            newlines = int(np.searchsorted(self._all_newlines, int(begins[-1])))
            self.open_line = self._lines + newlines + 1

    def _note_blank_lines(self, data: Any, ends: Any) -> None:
        """A blank line: a ``\\n`` outside quotes (``ends``) with nothing, or a lone CR,
        since the last one."""
        if not ends.size:
            return
        absolute = ends + self._offset
        previous = np.concatenate(([self._last_break], absolute[:-1]))
        length = absolute - previous - 1
        before = ends - 1
        carriage = np.where(before >= 0, data[np.maximum(before, 0)], self._previous) == RETURN
        blank = (length == 0) | ((length == 1) & carriage)
        self._last_break = int(absolute[-1])
        newline_rank = np.searchsorted(self._all_newlines, ends)
        for number in (self._lines + 1 + newline_rank[blank]).tolist():
            self.blank_positions.append(number - len(self.blank_positions))


class RecordStream(io.RawIOBase):
    """The records of a table after its header, as the parser reads them (a binary
    stream over ``source``, a ``inputs.Utf8Stream`` already past the header). See the
    module's documentation."""

    def __init__(
        self,
        source: Any,
        delimiter: str,
        width: int,
        first_line: int,
        block_bytes: int,
        eager: bool = False,
    ):
        super().__init__()
        self.source = source
        self.name = source.name
        self.scanner = RecordScanner(delimiter, first_line)
        self.width = width
        self.cap = record_cap(block_bytes)
        self.threshold = row_delimiters(width)
        self.long_rows: dict[int, LongRow] = {}
        """Stand-ins handed to the parser, by number: what each record was."""
        self._stand_in_tail = (delimiter * width + "\n").encode("utf-8")
        self._pending = b""  # the start of a record whose end is not seen yet
        self._long: Optional[LongRow] = None  # a record too long, being passed over
        self._out = _Pieces()
        self._at_end = False
        self._stopped = False
        self._eager = eager  # fill each read to the size asked (no pipe to keep up with)

    # The parser's side: a readable binary stream.

    def readable(self) -> bool:
        """A stream for reading."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of whole records (all with -1)."""
        while not self._at_end and (size < 0 or len(self._out) < size):
            if not self._fill():
                break
            if size >= 0 and self._out and not self._eager:
                break  # what is there now: the parser asks again
        return self._out.take(len(self._out) if size is None or size < 0 else size)

    def readinto(self, target: Any) -> int:
        """Fill ``target`` with what ``read`` would return."""
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def stop(self) -> None:
        """End the stream: reads return nothing from now on."""
        self._stopped = True
        self.source.stop()

    def wait_idle(self, timeout: float = 2.0) -> None:
        """After ``stop``: return once no read of the source is running."""
        self.source.wait_idle(timeout)

    def _fill(self) -> bool:
        """Move the next chunk's whole records to ``_out``; False at the end."""
        from asn_assess.batch.inputs import CHUNK_BYTES

        chunk = self.source.read(CHUNK_BYTES)
        if not chunk:
            self._finish()
            return bool(self._out)
        data = np.frombuffer(chunk, dtype=np.uint8)
        ends = self.scanner.scan(data)
        start = 0
        if self._long is not None:  # passing over a record too long
            end = int(ends[0]) if ends.size else len(chunk)
            self._long.add(data[:end], self.scanner.delimiter, self.threshold)
            if not ends.size:
                return True
            self._out += self._stand_in(self._long)
            self._long, ends, start = None, ends[1:], end
        if ends.size:
            lengths = np.diff(np.concatenate(([start], ends)))
            lengths[0] += len(self._pending)
            long = np.flatnonzero(lengths > self.cap)
            if not long.size:  # the usual case
                self._out += self._pending
                self._out += memoryview(chunk)[start : int(ends[-1])]
            else:
                self._move_with_stand_ins(chunk, data, start, ends, long)
            self._pending = b""
            start = int(ends[-1])
        self._pending += chunk[start:]
        if len(self._pending) > self.cap:  # its end is not in sight: pass over it
            self._long = LongRow()
            self._long.add(
                np.frombuffer(self._pending, dtype=np.uint8), self.scanner.delimiter, self.threshold
            )
            self._pending = b""
        return True

    def _move_with_stand_ins(
        self, chunk: bytes, data: Any, start: int, ends: Any, long: Any
    ) -> None:
        """Move the chunk's records to ``_out``, a stand-in for each too long."""
        bounds = np.concatenate(([start], ends)).tolist()
        long_set = set(long.tolist())
        for index in range(len(bounds) - 1):
            begin, end = bounds[index], bounds[index + 1]
            if index not in long_set:
                if index == 0:
                    self._out += self._pending
                self._out += memoryview(chunk)[begin:end]
                continue
            row = LongRow()
            if index == 0 and self._pending:
                pending = np.frombuffer(self._pending, dtype=np.uint8)
                row.add(pending, self.scanner.delimiter, self.threshold)
            row.add(data[begin:end], self.scanner.delimiter, self.threshold)
            self._out += self._stand_in(row)

    def _stand_in(self, row: LongRow) -> bytes:
        """A short record the parser finds malformed (one field more than the header),
        standing for ``row``. Its line break is the record's own last one."""
        row.finish(self.threshold)
        number = len(self.long_rows) + 1
        self.long_rows[number] = row
        return f"{LONG_ROW_MARK}{number}".encode() + self._stand_in_tail

    def _finish(self) -> None:
        """The text has ended: a quoted field still open is an error; the last record
        (without a final line break) goes to the parser."""
        if self._at_end:
            return
        self._at_end = True
        if self.scanner.inside and not self._stopped:
            line = self.scanner.open_line or 0
            raise InputError(Problem(f"{self.name}:{line}", say("reading.unclosed_quote")))
        if self._long is not None:
            self._out += self._stand_in(self._long)
            self._long = None
        elif len(self._pending) > self.cap:
            row = LongRow()
            row.add(
                np.frombuffer(self._pending, dtype=np.uint8), self.scanner.delimiter, self.threshold
            )
            self._out += self._stand_in(row)
        else:
            self._out += self._pending
        self._pending = b""


class _Pieces:
    """Bytes waiting for the parser, as the pieces they came in: a read takes them
    without copying them into one buffer first."""

    def __init__(self) -> None:
        self._pieces: deque[Any] = deque()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def __iadd__(self, piece: Any) -> _Pieces:
        if len(piece):
            self._pieces.append(piece)
            self._size += len(piece)
        return self

    def take(self, size: int) -> bytes:
        """Up to ``size`` bytes from the front."""
        if not self._pieces or size <= 0:
            return b""
        first = self._pieces[0]
        if len(first) > size:  # part of a piece
            self._pieces[0] = first[size:]
            self._size -= size
            return bytes(first[:size])
        taken = []
        while self._pieces and len(self._pieces[0]) <= size:
            piece = self._pieces.popleft()
            taken.append(piece)
            size -= len(piece)
            self._size -= len(piece)
        return bytes(taken[0]) if len(taken) == 1 else b"".join(taken)


def long_row_number(text: str) -> Optional[int]:
    """The number of the stand-in a malformed record is, or None for a real record."""
    if not text.startswith(LONG_ROW_MARK):
        return None
    digits = text[len(LONG_ROW_MARK) :].split(",")[0].split(";")[0].split("\t")[0]
    return int(digits) if digits.isdigit() else None
