"""Where each record of a table is: its data row number, the line it starts on, and
whether a quoted field in it looks like it swallowed rows.

pyarrow numbers records from 1 (the header) and hands over each block's well-formed
records as a batch; malformed ones go to a handler with their number and text. Blank
lines are kept as records (all but the first field null) so that nothing shifts the
line count; they are dropped here and take no data row number. A record spans one line
plus the line breaks inside its quoted fields.

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


@dataclass
class Malformed:
    """A record pyarrow could not split into the header's number of fields."""

    record: int
    fields: int
    expected: int
    text: str


@dataclass
class BlockRecords:
    """The records of one block: which rows of the batch hold data, and for those and
    for the malformed records, their data row numbers and lines."""

    keep: BoolColumn
    """Per batch row: not a blank line."""
    rows: IntColumn
    """Data row numbers of the kept batch rows."""
    lines: IntColumn
    """Lines the kept batch rows start on."""
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
    ):
        self.next_record = 2  # pyarrow's number of the first record after the header
        self.next_line = header_lines + 1
        self.blanks = 0
        self.width = width
        self.suspects = suspects if suspects is not None else []
        threshold = max(2, (width - 1) // 2)
        escaped = re.escape(delimiter)
        self._rowlike = f"\n(?:[^\n{escaped}]*{escaped}){{{threshold}}}"
        self._rowlike_python = re.compile(self._rowlike)

    def block(self, batch: Any, malformed: list[Malformed]) -> BlockRecords:
        """Number the records of ``batch`` and of the malformed records found with it."""
        rows = batch.num_rows
        total = rows + len(malformed)
        numbers = np.arange(self.next_record, self.next_record + total, dtype=np.int64)
        special = np.array([m.record for m in malformed], dtype=np.int64)
        is_malformed = np.isin(numbers, special)
        blank = self._blank_rows(batch)
        extra_rows, suspect_rows = self._line_breaks(batch)
        is_blank = np.zeros(total, dtype=bool)
        is_blank[~is_malformed] = blank
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
        lines = self.next_line + np.arange(total, dtype=np.int64) + before
        blanks_before = self.blanks + np.concatenate(([0], np.cumsum(is_blank)[:-1]))
        data_rows = numbers - 1 - blanks_before
        for index in np.flatnonzero(suspect):
            self.suspects.append(SuspectField(int(lines[index]), int(extra[index]) + 1))
        self.next_record += total
        self.next_line += total + int(extra.sum())
        self.blanks += int(is_blank.sum())
        kept = ~is_malformed & ~is_blank
        return BlockRecords(
            keep=~blank,
            rows=data_rows[kept],
            lines=lines[kept],
            malformed=[
                (by_record[int(numbers[i])], int(data_rows[i]), int(lines[i]))
                for i in np.flatnonzero(is_malformed)
            ],
        )

    def _blank_rows(self, batch: Any) -> BoolColumn:
        if self.width < 2 or batch.num_rows == 0:
            return np.zeros(batch.num_rows, dtype=bool)
        # A blank line is the only record whose later fields are null: an empty field
        # of a real record is an empty text.
        nulls = batch.column(batch.num_columns - 1).is_null()
        return np.asarray(nulls.to_numpy(zero_copy_only=False), dtype=bool)

    def _line_breaks(self, batch: Any) -> tuple[IntColumn, BoolColumn]:
        """Per row: line breaks inside its fields, and whether a field is suspect."""
        import pyarrow.compute as pc

        pa = pyarrow()
        extra = np.zeros(batch.num_rows, dtype=np.int64)
        suspect = np.zeros(batch.num_rows, dtype=bool)
        for column in batch.columns:
            texts = column.dictionary if pa.types.is_dictionary(column.type) else column
            if len(texts) == 0 or not pc.any(pc.match_substring(texts, "\n")).as_py():
                continue  # the usual case: no line break anywhere in the column
            if texts is not column:
                column = column.dictionary_decode()
            breaks = pc.count_substring(column, "\n").fill_null(0).to_numpy()
            extra += breaks.astype(np.int64)
            rowlike = pc.match_substring_regex(column, self._rowlike).fill_null(False)
            suspect |= (breaks >= MANY_LINES - 1) | rowlike.to_numpy(zero_copy_only=False)
        return extra, suspect

    def _suspect_text(self, text: str) -> bool:
        return text.count("\n") >= MANY_LINES - 1 or bool(self._rowlike_python.search(text))
