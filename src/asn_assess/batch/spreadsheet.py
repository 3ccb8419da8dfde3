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

A workbook is untrusted input. Before openpyxl parses anything, every XML part is
checked (``check_parts``): one that declares a document type (a DTD, the way to entity
expansion and external entities; no spreadsheet program writes one) refuses the file
with one line, and so does a part read whole that the archive declares larger than
``XLSX_PART_BYTES`` (sheets are read row by row and have no such limit).
"""

from __future__ import annotations

import datetime as _dt
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Optional
from xml.parsers import expat

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
from asn_assess.core.limits import XLSX_PART_BYTES, size_text

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
        check_parts(readable, source)
    except BaseException:
        if readable is not stream:
            readable.close()
        raise
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
        for number, texts, used in sheet_records(layout, source):
            if used > width:
                on_error(RowError(source, number, None, None, [wrong_width(used, width)]))
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


def sheet_records(
    layout: SheetLayout, source: str
) -> Iterator[tuple[int, list[Optional[str]], int]]:
    """(Excel row number, cell texts, columns used) of each row after the header that
    is not empty; a row using more columns than the header has is rejected by its
    reader. ``InputError`` when the sheet turns out broken part-way."""
    for number, row in _rows(layout.rows, source, layout.header_row + 1):
        texts = [cell_text(value) for value in row]
        filled = [i for i, text in enumerate(texts) if text]
        if filled:
            yield number, texts, filled[-1] + 1


def _rows(rows: Iterator[tuple[Any, ...]], source: str, first: int) -> Iterator[tuple[int, Any]]:
    """(Excel row number, cells) of the sheet's rows; ``InputError`` when the sheet's XML
    or the archive turns out broken part-way (the rows before are accounted for)."""
    number = first
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except (ValueError, SyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            # ParseError is a SyntaxError; defusedxml's refusals are ValueErrors.
            reason = say(
                "sheet.error.broken_at", row=number, reason=str(error) or type(error).__name__
            )
            raise InputError(
                Problem(source, say("sheet.error.unreadable", reason=reason))
            ) from None
        yield number, row
        number += 1


XML_SUFFIXES = (".xml", ".rels", ".vml")
STREAMED_PARTS = "xl/worksheets/"  # read row by row, whatever their size


def check_parts(readable: IO[bytes], source: str) -> None:
    """Refuse (``InputError``, naming the part) a workbook with an XML part that
    declares a DTD, or with a part read whole larger than ``XLSX_PART_BYTES``. A file
    that is no zip archive is left for openpyxl to report."""
    try:
        archive = zipfile.ZipFile(readable)
    except (zipfile.BadZipFile, OSError, ValueError):
        readable.seek(0)
        return
    try:
        for member in archive.infolist():
            name = member.filename
            if not name.lower().endswith(XML_SUFFIXES):
                continue
            if member.file_size > XLSX_PART_BYTES and not name.startswith(STREAMED_PARTS):
                size = size_text(XLSX_PART_BYTES)
                raise InputError(
                    Problem(f"{source}: {name}", say("sheet.error.part_too_large", size=size))
                )
            try:
                with archive.open(member) as part:
                    declared = _declares_dtd(part)
            except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, EOFError):
                continue  # a broken part: openpyxl names the problem when it reads it
            if declared:
                raise InputError(Problem(f"{source}: {name}", say("sheet.error.dtd")))
    finally:
        archive.close()
        readable.seek(0)


class _PrologDone(Exception):
    """The root element began: no DTD can come after it."""


def _declares_dtd(part: IO[bytes]) -> bool:
    """Whether an XML part declares a document type. Only its prolog is read (expat
    stops at the first element), in whatever encoding the part declares."""
    parser = expat.ParserCreate()
    found: list[bool] = []

    def doctype(*_: Any) -> None:
        found.append(True)
        raise _PrologDone

    def element(*_: Any) -> None:
        raise _PrologDone

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = element
    try:
        while chunk := part.read(1 << 16):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _PrologDone:
        pass
    except expat.ExpatError:
        pass  # not well-formed: openpyxl says so when it reads the part
    return bool(found)


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
