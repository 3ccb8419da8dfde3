"""Where each record of a table is: its data row number, the line it starts on, and
whether a quoted field in it looks like it swallowed rows.

pyarrow reads the records after the header, numbering them from 1, and hands over each
block's well-formed records as a batch; malformed ones go to a handler with their number
and text. A record spans one line plus the line breaks inside its quoted fields. pyarrow
skips blank lines; ``BlankLines`` notes where they are as the text streams past, so
that the lines named stay those of the file.

A quoted field is suspect when it spans ``MANY_LINES`` lines or more, or when one of
its lines holds at least half as many delimiters as the header: a stray quote (") has
probably joined the rows that follow into one answer. CSV rules allow it, so the row is
read as written and the field reported with the line it starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.core.scoring import BoolColumn, IntColumn

MANY_LINES = 10


class BlankLines:
    """The blank lines of a text seen chunk by chunk (a line break outside quotes,
    with nothing or a lone CR before it since the last one). Quotes are counted in
    pairs, which is exact for quoting as CSV writes it.

    ``positions`` holds, per blank line, its line number less the blank lines before
    it: where it would stand in the text without blank lines. A record found on line
    N of that text is on line N + (positions at or before N) of the file."""

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.quotes = 0  # quotes seen so far
        self._offset = 0  # bytes seen before the chunk
        self._lines = 0  # line breaks seen before the chunk
        self._odd = False  # an odd number of quotes so far: inside a quoted field
        self._last_break = -1  # offset of the last line break outside quotes
        self._last_byte = 0

    def add(self, text: bytes) -> None:
        """Note the blank lines of the next chunk of text."""
        if not text:
            return
        data = np.frombuffer(text, dtype=np.uint8)
        quotes = np.flatnonzero(data == ord('"'))
        breaks = np.flatnonzero(data == ord("\n"))
        if breaks.size:
            odd = (np.searchsorted(quotes, breaks) + self._odd) % 2 == 1
            outside_index = np.flatnonzero(~odd)
            outside = breaks[outside_index] + self._offset
            previous = np.concatenate(([self._last_break], outside[:-1]))
            length = outside - previous - 1
            before = outside - 1 - self._offset  # the byte before each break, -1: last chunk's
            carriage = np.where(before >= 0, data[np.maximum(before, 0)], self._last_byte) == ord(
                "\r"
            )
            blank = (length == 0) | ((length == 1) & carriage)
            if outside.size:
                self._last_break = int(outside[-1])
            for number in (self._lines + 1 + outside_index[blank]).tolist():
                self.positions.append(number - len(self.positions))
        self._odd = bool((quotes.size + self._odd) % 2)
        self.quotes += int(quotes.size)
        self._lines += int(breaks.size)
        self._offset += len(text)
        self._last_byte = int(data[-1])


@dataclass
class Malformed:
    """A record pyarrow could not split into the header's number of fields."""

    record: int
    fields: int
    expected: int
    text: str


@dataclass
class BlockRecords:
    """The records of one block: for the batch's rows and for the malformed records,
    their data row numbers and the lines they start on."""

    rows: IntColumn
    """Data row numbers of the batch's rows."""
    lines: IntColumn
    """Lines the batch's rows start on."""
    malformed: list[tuple[Malformed, int, int]] = field(default_factory=list)
    """Each malformed record with its data row number and line."""


@dataclass(frozen=True)
class SuspectField:
    """A quoted field that looks as if it swallowed rows."""

    line: int
    lines: int


class RecordTracker:
    """Follows a table's records block by block (see the module's documentation)."""

    def __init__(
        self,
        header_lines: int,
        delimiter: str,
        width: int,
        suspects: Optional[list[SuspectField]] = None,
        blank_lines: Optional[BlankLines] = None,
        header_quotes: int = 0,
    ):
        self.next_record = 1  # pyarrow's number of the first record after the header
        self.next_line = header_lines + 1  # on the text without blank lines
        self.width = width
        self.suspects = suspects if suspects is not None else []
        self.blank_lines = blank_lines or BlankLines()
        self.header_quotes = header_quotes  # quotes of the header, before the records
        threshold = max(2, (width - 1) // 2)
        escaped = re.escape(delimiter)
        self._rowlike = f"\n(?:[^\n{escaped}]*{escaped}){{{threshold}}}"
        self._rowlike_python = re.compile(self._rowlike)

    def block(self, batch: Any, malformed: list[Malformed]) -> BlockRecords:
        """Number the records of ``batch`` and of the malformed records found with it."""
        total = batch.num_rows + len(malformed)
        numbers = np.arange(self.next_record, self.next_record + total, dtype=np.int64)
        special = np.array([m.record for m in malformed], dtype=np.int64)
        is_malformed = np.isin(numbers, special)
        if self.blank_lines.quotes > self.header_quotes:
            extra_rows, suspect_rows = self._line_breaks(batch)
        else:  # no quote in the records read so far, so no line break inside a field
            extra_rows = np.zeros(batch.num_rows, dtype=np.int64)
            suspect_rows = np.zeros(batch.num_rows, dtype=bool)
        extra = np.zeros(total, dtype=np.int64)
        extra[~is_malformed] = extra_rows
        suspect = np.zeros(total, dtype=bool)
        suspect[~is_malformed] = suspect_rows
        by_record = {m.record: m for m in malformed}
        for index in np.flatnonzero(is_malformed):
            text = by_record[int(numbers[index])].text
            extra[index] = text.count("\n")
            suspect[index] = self._suspect_text(text)
        before = np.concatenate(([0], np.cumsum(extra)[:-1]))
        naive = self.next_line + np.arange(total, dtype=np.int64) + before
        blanks = np.array(self.blank_lines.positions, dtype=np.int64)
        lines = naive + np.searchsorted(blanks, naive, side="right")
        for index in np.flatnonzero(suspect):
            self.suspects.append(SuspectField(int(lines[index]), int(extra[index]) + 1))
        self.next_record += total
        self.next_line += total + int(extra.sum())
        return BlockRecords(
            rows=numbers[~is_malformed],
            lines=lines[~is_malformed],
            malformed=[
                (by_record[int(numbers[i])], int(numbers[i]), int(lines[i]))
                for i in np.flatnonzero(is_malformed)
            ],
        )

    def _line_breaks(self, batch: Any) -> tuple[IntColumn, BoolColumn]:
        """Per row: line breaks inside its fields, and whether a field is suspect."""
        import pyarrow.compute as pc

        pa = pyarrow()
        extra = np.zeros(batch.num_rows, dtype=np.int64)
        suspect = np.zeros(batch.num_rows, dtype=bool)
        for column in batch.columns:
            is_dictionary = pa.types.is_dictionary(column.type)
            texts = column.dictionary if is_dictionary else column
            if not pa.types.is_string(texts.type) or len(texts) == 0:
                continue
            if not pc.any(pc.match_substring(texts, "\n")).as_py():
                continue  # the usual case: no line break anywhere in the column
            if is_dictionary:
                column = column.dictionary_decode()
            breaks = pc.count_substring(column, "\n").fill_null(0).to_numpy()
            extra += breaks.astype(np.int64)
            rowlike = pc.match_substring_regex(column, self._rowlike).fill_null(False)
            suspect |= (breaks >= MANY_LINES - 1) | rowlike.to_numpy(zero_copy_only=False)
        return extra, suspect

    def _suspect_text(self, text: str) -> bool:
        return text.count("\n") >= MANY_LINES - 1 or bool(self._rowlike_python.search(text))
