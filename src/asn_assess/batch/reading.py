"""Reading tables (CSV and survey exports) as a stream of answer blocks.

pyarrow's CSV reader parses the file in blocks of about ``BLOCK_BYTES``; each block's
cells become answers (``cells.CellReader``). Records with the wrong number of fields are
rejected with their row number and line; nothing is dropped silently. The input reaches
pyarrow as UTF-8 through ``inputs.Utf8Stream`` and is stopped cleanly however the
reading ends (see ``inputs``).
"""

from __future__ import annotations

import csv
import io
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import AnswerBlock, ColumnNotes, InputError, RowError
from asn_assess.batch.cells import CellReader
from asn_assess.batch.columns import ColumnPlan, plan_for
from asn_assess.batch.duplicates import SourceDuplicates
from asn_assess.batch.inputs import Utf8Stream
from asn_assess.batch.records import (
    BlockRecords,
    Folded,
    Malformed,
    PlacedMalformed,
    RecordTracker,
    SuspectField,
)
from asn_assess.batch.scanner import RecordScanner, RecordStream, record_cap
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.errors import Problem
from asn_assess.core.i18n import say
from asn_assess.core.scoring import IntColumn

# Rows are read about 256 KiB at a time. pyarrow's reader holds several times a block in
# memory per column set, so larger blocks cost memory (1 MiB: ~165 MB peak) for little
# speed; this size keeps a million-row run near 130 MB.
BLOCK_BYTES = 1 << 18
HEAD_BYTES = 1 << 16  # a first look at a file: its kind, and usually its whole header
MAX_HEADER_BYTES = 1 << 24  # a header record longer than this is no survey export


FIELD_STARTS = (b",", b";", b"\t", b"\n", b"\r")  # what may come before an opening quote


def header_end(data: bytes, at_end: bool = False) -> Optional[int]:
    """The offset just past the line break that ends the first record of ``data``, or
    None when it does not end within it. As CSV readers do, a quote opens a quoted field
    only at the start of a field (a quote inside ``Ukuran 5"`` is a character), and
    line breaks inside a quoted field do not end the record. At the end of the file a
    header without a final line break ends with the data, unless a quote is open."""
    inside = False
    position = 0
    while True:
        if inside:
            quote = data.find(b'"', position)
            if quote < 0 or (quote + 1 == len(data) and not at_end):
                return None  # the field goes on past what is at hand
            if data[quote + 1 : quote + 2] == b'"':
                position = quote + 2  # a doubled quote stands for one quote
                continue
            inside = False
            position = quote + 1
            continue
        newline = data.find(b"\n", position)
        quote = data.find(b'"', position)
        if quote >= 0 and (newline < 0 or quote < newline):
            inside = quote == 0 or data[quote - 1 : quote] in FIELD_STARTS
            position = quote + 1
            continue
        if newline < 0:
            return len(data) if at_end else None
        return newline + 1


def complete_records(head: bytes, complete: bool, limit: int = 21) -> bytes:
    """The first ``limit`` records of ``head`` that end within it (``complete``: ``head``
    is the whole file, so its last record ends with it). A record cut off by the end of
    the sample, such as a long quoted note, is left out rather than read half."""
    end = 0
    for _ in range(limit):
        found = header_end(head[end:], at_end=complete)
        if found is None or found == 0:
            break
        end += found
    return head[:end]


def detect_delimiter(head: bytes, complete: bool) -> str:
    """`,`, `;` or tab: the one that splits most of the first records of ``head`` into as
    many fields as the header. Counting the header alone is not enough: a question text
    may hold commas in a `;`-separated file saved by a spreadsheet. ``complete`` says
    whether ``head`` is the whole file (else its last record may be cut off)."""
    text = complete_records(head, complete).decode("utf-8", errors="replace")

    def fit(delimiter: str) -> tuple[bool, int, int, bool]:
        # Most records as wide as the header, with a header of more than one column.
        limit = csv.field_size_limit()
        try:
            csv.field_size_limit(max(limit, len(text) + 1))  # a quoted note may be long
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            records = [r for r in reader if r]
        except csv.Error:
            return (False, 0, 0, False)
        finally:
            csv.field_size_limit(limit)
        width = len(records[0]) if records else 0
        matching = sum(len(r) == width for r in records)
        return (width > 1, matching, width, delimiter == ",")

    return max(",;\t", key=fit)


def wrong_width(actual: int, expected: int) -> str:
    """Why a row with more fields than the header is rejected (CSV and sheets alike)."""
    return say("reading.wrong_width", actual=actual, expected=expected)


def header_names(head: bytes, delimiter: str, source: str = "<input>") -> list[str]:
    """The header row's fields (a header may hold quoted line breaks)."""
    text = head.decode("utf-8", errors="replace")
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(max(limit, len(text) + 1))  # a header field may be long
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error as problem:
        raise InputError(Problem(source, say("reading.not_a_table", reason=problem))) from None
    finally:
        csv.field_size_limit(limit)


def has_records(stream: Utf8Stream) -> bool:
    """Whether anything but line breaks follows (the header already skipped)."""
    head = stream.head_until(lambda data: bool(data.strip(b"\r\n")), HEAD_BYTES)
    return bool(head.strip(b"\r\n")) or not stream.at_end


def is_answer_sheets(head: str) -> bool:
    """JSON (an array or one object per line) rather than a table."""
    return head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


@dataclass(frozen=True)
class TableLayout:
    """What the first bytes of a table say: its delimiter, header and column plan."""

    delimiter: str
    names: list[str]
    plan: ColumnPlan
    header_lines: int
    header_bytes: int


def table_layout(stream: Utf8Stream, source: str, settings: BatchSettings) -> TableLayout:
    """Read a table's header (without consuming the stream), however long, and plan its
    columns. Raises ``ColumnError`` for a header that cannot be used."""

    def enough(head: bytes) -> bool:
        # The whole header and a record after it (for the delimiter), or a first look.
        end = header_end(head)
        return end is not None and (head.find(b"\n", end) >= 0 or len(head) >= HEAD_BYTES)

    head = stream.head_until(enough, MAX_HEADER_BYTES)
    end = header_end(head, stream.at_end)
    if end is None and stream.at_end:  # the header's quote never closes
        scanner = RecordScanner(",")
        scanner.scan(np.frombuffer(head, dtype=np.uint8))
        line = scanner.open_line or 1
        raise InputError(Problem(f"{source}:{line}", say("reading.unclosed_quote")))
    if end is None:
        raise InputError(Problem(source, say("input.header_too_long", size=MAX_HEADER_BYTES >> 20)))
    delimiter = detect_delimiter(head, complete=stream.at_end)
    names = header_names(head[:end], delimiter, source)
    plan = plan_for(names, settings, source)
    header = head[:end]
    return TableLayout(delimiter, names, plan, header.count(b"\n") or 1, end)


def read_table(
    stream: Utf8Stream,
    source: str,
    layout: TableLayout,
    settings: BatchSettings,
    on_error: Callable[[RowError], None],
    suspects: Optional[list[SuspectField]] = None,
    notes: Optional[ColumnNotes] = None,
    duplicates: Optional[SourceDuplicates] = None,
) -> Iterator[AnswerBlock]:
    """Stream a CSV-like table: yield its accepted rows block by block, report every
    rejected row to ``on_error``. Raises ``InputError`` when the file is no table or a
    quote in it never closes. Quoted fields that look like they swallowed rows are
    added to ``suspects``, what the item columns held to ``notes``. Rows named in
    ``duplicates`` are set aside (or rejected) without being read."""
    pa = pyarrow()

    malformed: list[Malformed] = []  # reported once the block they were found in is read

    def skip_malformed(row: Any) -> str:
        # pyarrow numbers the records after the header from 1 (known because the reader
        # runs on one thread).
        text = row.text or ""
        malformed.append(Malformed(row.number or 0, row.actual_columns, row.expected_columns, text))
        return "skip"

    cells = CellReader.for_run(settings, layout.plan, source, notes)
    reader = None
    ahead: Optional[ReadAhead] = None
    finished = False
    records = None
    try:
        stream.skip(layout.header_bytes)  # the header is read; pyarrow gets the records
        if not has_records(stream):  # a form without responses yet: nothing to read
            finished = True
            return
        records = RecordStream(
            stream, layout.delimiter, len(layout.names), layout.header_lines + 1, BLOCK_BYTES
        )
        tracker = RecordTracker(
            layout.header_lines,
            layout.delimiter,
            len(layout.names),
            suspects,
            records.scanner,
            records.long_rows,
        )
        reader = _open_reader(records, source, layout, skip_malformed)
        if reader is None:  # a header and no record: nothing to read, said as 0 rows
            finished = True
            return
        ahead = ReadAhead(reader, malformed)
        while True:
            try:
                batch, block_malformed = ahead.next()
            except StopIteration:  # the malformed records after the last batch
                batch, block_malformed = None, ahead.rest()
            except (pa.ArrowInvalid, UnicodeDecodeError) as error:
                where = f"{source}:{tracker.next_line}"
                raise InputError(Problem(where, say("reading.cannot_read", reason=error))) from None
            found = tracker.block(batch, block_malformed)
            for placed in found.malformed:
                _reject_malformed(source, placed, on_error)
            if batch is None:
                break
            if found.folded:
                batch, rows, lines = _without_folded(source, batch, found, on_error)
            else:
                rows, lines = found.rows, found.lines
            if duplicates is not None:
                kind = layout.plan.id_kind
                keep = duplicates.split(source, rows, lines, on_error, settings.pseudonymize, kind)
                if keep is not None:
                    batch, rows, lines = batch.filter(pa.array(keep)), rows[keep], lines[keep]
            if batch.num_rows:
                yield cells.read(batch, rows, lines, on_error)
        finished = True
    finally:
        if ahead is not None:
            ahead.close()
        if not finished:
            _stop(records or stream, reader)


def _reject_malformed(
    source: str, placed: PlacedMalformed, on_error: Callable[[RowError], None]
) -> None:
    """A malformed record, a row too long or rows a stray quote joined: each row it
    stands for is rejected."""
    record = placed.record
    if placed.long is not None:
        size = f"{placed.long.size / 1024:,.0f}"
        cap = f"{record_cap(BLOCK_BYTES) // 1024:,}"
        reason = say("reading.row_too_long", size=size, cap=cap)
    else:
        reason = wrong_width(record.fields, record.expected)
    reasons = [reason]
    if placed.folded is not None:
        reasons.insert(0, _folded_reason(placed.folded))
    on_error(RowError(source, placed.row, placed.line, None, reasons))
    if placed.folded is not None:
        _reject_swallowed(source, placed.row, placed.folded, on_error)


def _folded_reason(folded: Folded) -> str:
    return say("reading.folded_rows", line=folded.line, rows=len(folded.swallowed) + 1)


def _reject_swallowed(
    source: str, row: int, folded: Folded, on_error: Callable[[RowError], None]
) -> None:
    """Each row a stray quote swallowed, as a rejected row of its own line."""
    reason = say("reading.swallowed_row", row=row, line=folded.line)
    for line in folded.swallowed:
        on_error(RowError(source, None, line, None, [reason]))


def _without_folded(
    source: str, batch: Any, found: BlockRecords, on_error: Callable[[RowError], None]
) -> tuple[Any, IntColumn, IntColumn]:
    """The batch without its folded rows, which are rejected with the rows they swallowed
    (in row order, before the batch's other rows are read)."""
    keep = np.ones(batch.num_rows, dtype=bool)
    for index, folded in sorted(found.folded.items()):
        keep[index] = False
        row = int(found.rows[index])
        on_error(RowError(source, row, folded.line, None, [_folded_reason(folded)]))
        _reject_swallowed(source, row, folded, on_error)
    pa = pyarrow()
    return batch.filter(pa.array(keep)), found.rows[keep], found.lines[keep]


READ_AHEAD_BLOCKS = 2  # parsed blocks waiting to be scored: a few hundred KB each


class ReadAhead:
    """Parses the next blocks of a pyarrow CSV reader on a thread of its own (pyarrow
    parses without holding the interpreter), so parsing overlaps matching and scoring.
    Each block comes with the malformed records found while parsing it; a reading
    error comes out of ``next`` where the block would have."""

    _END = object()

    def __init__(self, reader: Any, malformed: list[Malformed]):
        self._reader = reader
        self._malformed = malformed  # filled by the reader's handler, on this thread
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD_BLOCKS)
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="batch-reader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping:
            try:
                batch = self._reader.read_next_batch()
            except StopIteration:
                self._queue.put(self._END)
                return
            except BaseException as error:  # raised where the block would have come
                self._queue.put(error)
                return
            found = list(self._malformed)
            self._malformed.clear()
            self._queue.put((batch, found))
        self._queue.put(self._END)

    def next(self) -> tuple[Any, list[Malformed]]:
        """The next block and its malformed records; ``StopIteration`` at the end."""
        item = self._queue.get()
        if item is self._END:
            self._queue.put(item)  # the end stays the end
            raise StopIteration
        if isinstance(item, BaseException):
            self._queue.put(self._END)
            raise item
        block: tuple[Any, list[Malformed]] = item
        return block

    def rest(self) -> list[Malformed]:
        """At the end: the malformed records found after the last block (or in a table
        without a well-formed row), which no block brought."""
        self._thread.join()
        rest = list(self._malformed)
        self._malformed.clear()
        return rest

    def close(self) -> None:
        """Stop reading ahead and wait for the thread (taking what it still hands
        over), so that the reader can be stopped from this thread."""
        self._stopping = True
        while self._thread.is_alive():
            try:
                self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
        self._thread.join()


def _stop(stream: Any, reader: Any) -> None:
    """Leave pyarrow's reader thread with nothing to do in Python (see ``inputs``)."""
    stream.stop()
    if reader is not None:
        while True:  # until the end the stopped stream now reports
            try:
                reader.read_next_batch()
            except StopIteration:
                break
            except KeyboardInterrupt:  # a second Ctrl-C must not cut this short
                continue
            except Exception:  # a reader that failed has stopped reading too
                break
    stream.wait_idle()


def _open_reader(
    stream: Any, source: str, layout: TableLayout, on_malformed: Callable[[Any], str]
) -> Any:
    pa = pyarrow()
    import pyarrow.csv as pacsv

    parse = pacsv.ParseOptions(
        delimiter=layout.delimiter, newlines_in_values=True, invalid_row_handler=on_malformed
    )
    # The header was read here: pyarrow gets the records after it and names the columns
    # by position, so a repeated header or a stray byte order mark changes nothing.
    names = [f"c{index}" for index in range(len(layout.names))]
    read = pacsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES, column_names=names)
    # Every column as text: answers are matched as labels, never guessed by the reader as
    # numbers (which would fail when a later block holds a label). Item columns are read
    # as plain text, which costs pyarrow less than dictionary-encoding them; their cells
    # are told apart by their bytes (``cells.CellReader``). The stream is UTF-8 already
    # (checked by Utf8Stream), so pyarrow need not check it again.
    convert = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in names}, check_utf8=False
    )
    try:
        return pacsv.open_csv(
            stream, read_options=read, parse_options=parse, convert_options=convert
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        if isinstance(error, pa.ArrowInvalid) and str(error).startswith("Empty CSV file"):
            return None  # only the header: no records (pyarrow's words never reach people)
        raise InputError(Problem(source, say("reading.not_a_table", reason=error))) from None
