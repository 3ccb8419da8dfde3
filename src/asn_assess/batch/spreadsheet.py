"""Reading an .xlsx workbook (KoboToolbox's default export) as a stream of answer blocks.

The first sheet, or the one named by ``--sheet``: its first non-empty row is the
header, every later row a respondent, numbered as Excel shows it (the header of a Kobo
export is row 1, its first respondent row 2). Columns are matched and cells read as in
a CSV file (``columns.plan_columns``, ``cells.CellReader``); a number cell is read as
the number's text (``4``, not ``4.0``), a date as ISO 8601. Empty rows are passed over,
as blank lines of a CSV file are; a row with a filled cell beyond the header's last
column is rejected, as a CSV record with too many fields is.

openpyxl's read-only mode parses the sheet row by row: memory stays flat however many
rows the sheet has. python-calamine reads over ten times faster but holds the whole
sheet in memory, about 10 KB per row of the bundled bank (1 GB at 100,000 rows); see
``benchmarks/xlsx_readers.py``. For very large exports, Kobo's CSV export is much
faster to read.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import AnswerBlock, ColumnNotes, InputError, RowError
from asn_assess.batch.cells import CellReader
from asn_assess.batch.columns import ColumnPlan, plan_for
from asn_assess.batch.duplicates import SourceDuplicates
from asn_assess.batch.reading import wrong_width
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.errors import Problem
from asn_assess.core.i18n import say

ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
BLOCK_ROWS = 4096
FLOAT_EXACT_BELOW = float(2**53)


def is_workbook(head: bytes) -> bool:
    """Whether the first bytes of an input are those of an .xlsx workbook."""
    return head.startswith(ZIP_MAGIC)


@dataclass
class SheetLayout:
    """An open sheet: its header's Excel row, names and column plan, and its rows."""

    header_row: int
    names: list[str]
    plan: ColumnPlan
    rows: Iterator[tuple[Any, ...]]
    close: Callable[[], None]


def open_sheet(stream: IO[bytes], source: str, settings: BatchSettings) -> SheetLayout:
    """Open the workbook, find its sheet and header and plan the columns. Raises
    ``InputError`` for a file that is no workbook or lacks the sheet, ``ColumnError``
    for a header that cannot be used."""
    from openpyxl import load_workbook  # only runs that read a workbook need it

    readable = _seekable(stream)
    try:
        book = load_workbook(readable, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # zipfile, XML and openpyxl's own errors alike
        if readable is not stream:
            readable.close()
        reason = str(error) or type(error).__name__
        raise InputError(Problem(source, say("sheet.error.unreadable", reason=reason))) from None

    def close() -> None:
        book.close()
        if readable is not stream:
            readable.close()

    try:
        if settings.sheet is None:
            sheet = book.worksheets[0]
        elif settings.sheet in book.sheetnames:
            sheet = book[settings.sheet]
        else:
            sheets = ", ".join(book.sheetnames)
            raise InputError(
                Problem(source, say("sheet.error.not_found", sheet=settings.sheet, sheets=sheets))
            )
        # The dimension a writer records may be wrong; without it no cell is cut off.
        sheet.reset_dimensions()
        rows = iter(sheet.iter_rows(values_only=True))
        header_row, header = 0, None
        for number, row in enumerate(rows, start=1):
            if any(cell_text(value) for value in row):
                header_row, header = number, row
                break
        if header is None:
            raise InputError(Problem(source, say("sheet.error.empty", sheet=sheet.title)))
        names = [cell_text(value) or "" for value in header]
        while names and not names[-1]:  # a formatted but empty column at the end
            names.pop()
        plan = plan_for(names, settings, source)
    except BaseException:
        close()
        raise
    return SheetLayout(header_row, names, plan, rows, close)


def read_sheet(
    source: str,
    layout: SheetLayout,
    settings: BatchSettings,
    on_error: Callable[[RowError], None],
    notes: Optional[ColumnNotes] = None,
    duplicates: Optional[SourceDuplicates] = None,
) -> Iterator[AnswerBlock]:
    """Stream the sheet's rows after the header: accepted rows block by block, every
    rejected row to ``on_error`` (what the item columns held to ``notes``). Rows named
    in ``duplicates`` are set aside (or rejected) without being read."""
    pa = pyarrow()
    width = len(layout.names)
    cells = CellReader.for_run(settings, layout.plan, source, notes)
    columns: list[list[str]] = [[] for _ in range(width)]
    numbers: list[int] = []

    def block() -> AnswerBlock:
        arrays = [pa.array(column, type=pa.string()) for column in columns]
        batch = pa.RecordBatch.from_arrays(arrays, names=[str(i) for i in range(width)])
        rows = np.array(numbers, dtype=np.int64)
        if duplicates is not None:
            kind = layout.plan.id_kind
            keep = duplicates.split(source, rows, None, on_error, settings.pseudonymize, kind)
            if keep is not None:
                batch, rows = batch.filter(pa.array(keep)), rows[keep]
        read = cells.read(batch, rows, rows, on_error)  # a sheet row is its own line
        for column in columns:
            column.clear()
        numbers.clear()
        return read

    try:
        for number, row in enumerate(layout.rows, start=layout.header_row + 1):
            texts = [cell_text(value) for value in row]
            filled = [i for i, text in enumerate(texts) if text]
            if not filled:
                continue
            if filled[-1] >= width:
                on_error(RowError(source, number, None, None, [wrong_width(filled[-1] + 1, width)]))
                continue
            for index in range(width):
                # An empty cell is an empty text, as in a CSV file (never a null).
                columns[index].append((texts[index] if index < len(texts) else None) or "")
            numbers.append(number)
            if len(numbers) >= BLOCK_ROWS:
                yield block()
        if numbers:
            yield block()
    finally:
        layout.close()


def cell_text(value: Any) -> Optional[str]:
    """A cell's value as the text a CSV export would hold (None: empty)."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and abs(value) >= FLOAT_EXACT_BELOW:
        # Past 2**53 a float does not hold every whole number: an 18-digit NIP stored as
        # a number has lost digits. Written as Python writes such a float (1.986e+17),
        # it is an id in scientific notation, which ``identities`` rejects with the fix.
        return repr(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def _seekable(stream: IO[bytes]) -> IO[bytes]:
    """A workbook is a zip archive, read from its end: standard input is copied to a
    temporary file first."""
    if stream.seekable():
        return stream
    copy = tempfile.TemporaryFile()
    shutil.copyfileobj(stream, copy)
    copy.seek(0)
    return copy
