"""Reading tables (CSV and survey exports) as a stream of answer blocks.

pyarrow's CSV reader parses the file in blocks of about ``BLOCK_BYTES``; each block's
cells become answers (``cells.CellReader``). Records with the wrong number of fields are
rejected with their row number; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import AnswerBlock, InputError, RowError
from asn_assess.batch.cells import CellReader
from asn_assess.batch.columns import ColumnPlan, plan_columns
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.errors import Problem
from asn_assess.core.scoring import IntColumn

# Rows are read about 256 KiB at a time. pyarrow's reader holds several times a block in
# memory per column set, so larger blocks cost memory (1 MiB: ~165 MB peak) for little
# speed; this size keeps a million-row run near 130 MB.
BLOCK_BYTES = 1 << 18
HEAD_BYTES = 1 << 16  # enough of a file to see its header and kind; open with this buffer


def detect_delimiter(head: bytes) -> str:
    """`,`, `;` or tab: the one that splits most of the first records of ``head`` into as
    many fields as the header. Counting the header alone is not enough: a question text
    may hold commas in a `;`-separated file saved by a spreadsheet."""
    text = head.decode("utf-8-sig", errors="replace")
    if len(head) >= HEAD_BYTES:  # drop a record cut off at the end of the sample
        text = text[: text.rfind("\n") + 1] or text

    def fit(delimiter: str) -> tuple[bool, int, int, bool]:
        # Most records as wide as the header, with a header of more than one column.
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            records = [r for _, r in zip(range(20), reader, strict=False) if r]
        except csv.Error:
            return (False, 0, 0, False)
        width = len(records[0]) if records else 0
        matching = sum(len(r) == width for r in records)
        return (width > 1, matching, width, delimiter == ",")

    return max(",;\t", key=fit)


def wrong_width(actual: int, expected: int) -> str:
    """Why a row with more fields than the header is rejected (CSV and sheets alike)."""
    return f"has {actual} fields, the header has {expected}"


def header_names(head: bytes, delimiter: str) -> list[str]:
    """The header row's fields (a header may hold quoted line breaks)."""
    text = head.decode("utf-8-sig", errors="replace")
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])


def is_answer_sheets(head: bytes) -> bool:
    """JSON (an array or one object per line) rather than a table."""
    return head.decode("utf-8-sig", errors="replace").lstrip()[:1] in ("{", "[")


@dataclass(frozen=True)
class TableLayout:
    """What the first bytes of a table say: its delimiter, header and column plan."""

    delimiter: str
    names: list[str]
    plan: ColumnPlan


def table_layout(stream: BinaryIO, source: str, settings: BatchSettings) -> TableLayout:
    """Read a table's header (without consuming the stream) and plan its columns.
    Raises ``ColumnError`` for a header that cannot be used."""
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # type: ignore[attr-defined]
    delimiter = detect_delimiter(head)
    names = header_names(head, delimiter)
    return TableLayout(delimiter, names, plan_for(names, settings, source))


def plan_for(names: list[str], settings: BatchSettings, source: str) -> ColumnPlan:
    """What each column of a table (or sheet) with header ``names`` holds."""
    return plan_columns(
        names,
        settings.bank,
        settings.mapping,
        settings.id_column,
        settings.summary_by,
        source,
        role_column=settings.role_column,
        target_column=settings.target_column,
        rater_group_column=settings.rater_group_column,
    )


def read_table(
    stream: BinaryIO,
    source: str,
    layout: TableLayout,
    settings: BatchSettings,
    on_error: Callable[[RowError], None],
) -> Iterator[AnswerBlock]:
    """Stream a CSV-like table: yield its accepted rows block by block, report every
    rejected row to ``on_error``. Raises ``InputError`` when the file is no table."""
    pa = pyarrow()

    malformed: list[RowError] = []  # reported once the block they were found in is read
    skipped_rows: list[int] = []  # data row numbers of malformed records, in file order

    def skip_malformed(row: Any) -> str:
        # pyarrow numbers records from 1 with the header as record 1 (known because the
        # reader runs on one thread); a data row number counts from the first after it.
        data_row = row.number - 1 if row.number is not None else None
        if data_row is not None:
            skipped_rows.append(data_row)
        reason = wrong_width(row.actual_columns, row.expected_columns)
        malformed.append(RowError(source, data_row, None, None, [reason]))
        return "skip"

    plan = layout.plan
    reader = _open_reader(stream, source, layout.names, plan, layout.delimiter, skip_malformed)
    cells = CellReader(plan, source, settings)
    well_formed = 0  # rows read so far that split into the right number of fields

    def report_malformed() -> None:
        for error in malformed:
            on_error(error)
        malformed.clear()

    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, UnicodeDecodeError) as error:
            where = f"{source}: after row {well_formed + len(skipped_rows)}"
            raise InputError(Problem(where, f"cannot be read: {error}")) from None
        report_malformed()
        if batch.num_rows:
            numbers = data_row_numbers(well_formed, batch.num_rows, skipped_rows)
            yield cells.read(batch, numbers, on_error)
            well_formed += batch.num_rows
    report_malformed()  # rows skipped while reading the last block


def _open_reader(
    stream: BinaryIO,
    source: str,
    names: list[str],
    plan: ColumnPlan,
    delimiter: str,
    on_malformed: Callable[[Any], str],
) -> Any:
    pa = pyarrow()
    import pyarrow.csv as pacsv

    parse = pacsv.ParseOptions(
        delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_malformed
    )
    read = pacsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES)
    # Every column as text: answers are matched as labels, never guessed by the reader as
    # numbers (which would fail when a later block holds a label). Item columns arrive
    # dictionary-encoded: an item has a handful of distinct answers.
    answer_type = pa.dictionary(pa.int32(), pa.string())
    convert = pacsv.ConvertOptions(
        column_types={
            name: answer_type if index in plan.items else pa.string()
            for index, name in enumerate(names)
        }
    )
    try:
        return pacsv.open_csv(
            stream, read_options=read, parse_options=parse, convert_options=convert
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        raise InputError(Problem(source, f"cannot be read as a table: {error}")) from None


def data_row_numbers(before: int, rows: int, skipped: list[int]) -> IntColumn:
    """The data row numbers of ``rows`` well-formed rows that follow ``before`` others,
    given the row numbers that malformed records took (ascending).

    The k-th skipped record (0-based) came after ``skipped[k] - 1 - k`` well-formed rows,
    so the j-th well-formed row (1-based) moves down by one for each skipped record
    that came after fewer than j well-formed rows."""
    positions = np.arange(before + 1, before + rows + 1, dtype=np.int64)
    preceding = np.array(skipped, dtype=np.int64) - 1 - np.arange(len(skipped))
    shifted: IntColumn = positions + np.searchsorted(preceding, positions, side="left")
    return shifted
