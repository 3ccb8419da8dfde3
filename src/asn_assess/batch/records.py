"""Where each record of a table is: its data row number, the line it starts on, and
whether a quoted field in it swallowed rows.

pyarrow reads the records after the header, numbering them from 1, and hands over each
block's well-formed records as a batch; malformed ones go to a handler with their number
and text, often before the batch they belong to (pyarrow parses ahead). Malformed
records are therefore placed by their numbers, whatever block they were reported with.
A record spans one line plus the line breaks inside its quoted fields; pyarrow skips
blank lines, which ``scanner.RecordScanner`` notes as the text streams past, so that the
lines named stay those of the file.

A quoted field is suspect when it spans ``MANY_LINES`` lines or more, or when one of
its lines holds at least half as many delimiters as the header: the run warns about it.
When a line inside it holds as many delimiters as a whole row, a stray quote (") has
joined the rows that follow into one answer: that record is *folded*. It is rejected,
and so is each row it swallowed (its lines with a row's delimiters), so that the count
of rows read stays the count of rows in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.scanner import LongRow, RecordScanner, long_row_number, row_delimiters
from asn_assess.core.scoring import BoolColumn, IntColumn

MANY_LINES = 10


@dataclass
class Malformed:
    """A record pyarrow could not split into the header's number of fields."""

    record: int
    fields: int
    expected: int
    text: str


@dataclass
class Folded:
    """A record in which a stray quote joined rows: the line it starts on and the lines
    of the rows it swallowed."""

    line: int
    swallowed: list[int]


@dataclass
class PlacedMalformed:
    """A malformed record with its data row number and line; ``long`` when it was too
    long to parse (``scanner.RecordStream`` handed a stand-in instead)."""

    record: Malformed
    row: int
    line: int
    long: Optional[LongRow] = None
    folded: Optional[Folded] = None


@dataclass
class BlockRecords:
    """The records of one block: for the batch's rows and for the malformed records,
    their data row numbers and the lines they start on."""

    rows: IntColumn
    """Data row numbers of the batch's rows."""
    lines: IntColumn
    """Lines the batch's rows start on."""
    malformed: list[PlacedMalformed] = field(default_factory=list)
    folded: dict[int, Folded] = field(default_factory=dict)
    """Batch rows (by position) in which a stray quote joined rows."""


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
        scanner: Optional[RecordScanner] = None,
        long_rows: Optional[dict[int, LongRow]] = None,
    ):
        self.next_record = 1  # pyarrow's number of the first record after the header
        self.next_line = header_lines + 1  # on the text without blank lines
        self.width = width
        self.delimiter = delimiter
        self.suspects = suspects if suspects is not None else []
        self.scanner = scanner or RecordScanner(delimiter, header_lines + 1)
        self.long_rows = long_rows if long_rows is not None else {}
        self._pending: list[Malformed] = []  # reported, not yet placed
        self.row_delimiters = row_delimiters(width)
        threshold = max(2, (width - 1) // 2)
        escaped = re.escape(delimiter)
        self._rowlike = f"\n(?:[^\n{escaped}]*{escaped}){{{threshold}}}"
        self._rowlike_python = re.compile(self._rowlike)
        # A line inside a quoted field with a whole row's delimiters.
        self._folding = f"\n(?:[^\n{escaped}]*{escaped}){{{self.row_delimiters}}}"

    def block(self, batch: Any, malformed: list[Malformed]) -> BlockRecords:
        """Number the records of ``batch`` (None: the end of the table) and the
        malformed records among them; ``malformed`` are those reported since the last
        block, in any block."""
        self._pending.extend(malformed)
        rows = batch.num_rows if batch is not None else 0
        mine = self._take_malformed(rows, everything=batch is None)
        total = rows + len(mine)
        numbers = np.arange(self.next_record, self.next_record + total, dtype=np.int64)
        is_malformed = np.zeros(total, dtype=bool)
        positions = [m.record - self.next_record for m in mine]
        if len(set(positions)) != len(positions) or not all(0 <= p < total for p in positions):
            positions = list(range(rows, total))  # numbers pyarrow did not know: at the end
        is_malformed[positions] = True
        if rows and self.scanner.quotes:
            extra_rows, suspect_rows, folding_rows = self._line_breaks(batch)
        else:  # no quote in the records read so far, so no line break inside a field
            extra_rows = np.zeros(rows, dtype=np.int64)
            suspect_rows = folding_rows = np.zeros(rows, dtype=bool)
        extra = np.zeros(total, dtype=np.int64)
        extra[~is_malformed] = extra_rows
        suspect = np.zeros(total, dtype=bool)
        suspect[~is_malformed] = suspect_rows
        folding = np.zeros(total, dtype=bool)
        folding[~is_malformed] = folding_rows
        long_rows: dict[int, LongRow] = {}
        for position, record in zip(positions, mine, strict=True):
            number = long_row_number(record.text)
            long = self.long_rows.pop(number, None) if number is not None else None
            if long is not None:
                long_rows[position] = long
                extra[position] = long.newlines
                folding[position] = bool(long.rowlike)
            else:
                extra[position] = record.text.count("\n")
                suspect[position] = self._suspect_text(record.text)
                folding[position] = self._folds(record.text)
        before = np.concatenate(([0], np.cumsum(extra)[:-1]))
        naive = self.next_line + np.arange(total, dtype=np.int64) + before
        blanks = np.array(self.scanner.blank_positions, dtype=np.int64)
        lines = naive + np.searchsorted(blanks, naive, side="right")
        self.next_record += total
        self.next_line += total + int(extra.sum())
        found = BlockRecords(rows=numbers[~is_malformed], lines=lines[~is_malformed])
        batch_index = np.cumsum(~is_malformed) - 1  # a record's position in the batch
        for index in np.flatnonzero(suspect & ~folding).tolist():
            self.suspects.append(SuspectField(int(lines[index]), int(extra[index]) + 1))
        by_position = dict(zip(positions, mine, strict=True))
        for index in range(total) if mine or folding.any() else ():
            line = int(lines[index])
            folded = None
            if folding[index]:
                if index in long_rows:
                    swallowed = [line + offset for offset in long_rows[index].rowlike]
                elif index in by_position:
                    swallowed = self._swallowed(by_position[index].text, line)
                else:
                    text = self.delimiter.join(
                        str(value or "")
                        for value in batch.slice(int(batch_index[index]), 1).to_pylist()[0].values()
                    )
                    swallowed = self._swallowed(text, line)
                folded = Folded(line, swallowed)
                if index not in by_position:
                    found.folded[int(batch_index[index])] = folded
            if index in by_position:
                found.malformed.append(
                    PlacedMalformed(
                        by_position[index], int(numbers[index]), line, long_rows.get(index), folded
                    )
                )
        return found

    def _take_malformed(self, rows: int, everything: bool) -> list[Malformed]:
        """The pending malformed records that fall within the next ``rows`` well-formed
        records (their numbers run on past them by one for each malformed one)."""
        if everything:
            taken, self._pending = self._pending, []
            return taken
        count = 0
        while count < len(self._pending) and (
            self._pending[count].record < self.next_record + rows + count
        ):
            count += 1
        taken, self._pending = self._pending[:count], self._pending[count:]
        return taken

    def _folds(self, text: str) -> bool:
        """Whether a line inside a record (not its first or last, which hold the
        record's own fields) has a whole row's delimiters."""
        inner = text.split("\n")[1:-1]
        return any(part.count(self.delimiter) >= self.row_delimiters for part in inner)

    def _swallowed(self, text: str, line: int) -> list[int]:
        """The lines of a folded record after its first that hold a row's delimiters."""
        return [
            line + offset
            for offset, part in enumerate(text.split("\n"))
            if offset and part.count(self.delimiter) >= self.row_delimiters
        ]

    def _line_breaks(self, batch: Any) -> tuple[IntColumn, BoolColumn, BoolColumn]:
        """Per row: line breaks inside its fields, whether a field is suspect, and
        whether a field holds a line with a whole row's delimiters (folded)."""
        import pyarrow.compute as pc

        pa = pyarrow()
        extra = np.zeros(batch.num_rows, dtype=np.int64)
        suspect = np.zeros(batch.num_rows, dtype=bool)
        folding = np.zeros(batch.num_rows, dtype=bool)
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
            if rowlike.to_numpy(zero_copy_only=False).any():
                folds = pc.match_substring_regex(column, self._folding).fill_null(False)
                folding |= folds.to_numpy(zero_copy_only=False)
        return extra, suspect, folding

    def _suspect_text(self, text: str) -> bool:
        return text.count("\n") >= MANY_LINES - 1 or bool(self._rowlike_python.search(text))
