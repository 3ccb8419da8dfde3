"""A first, quick pass over a run's inputs that reads only who answered and when, so
that duplicate submissions are known before any row is scored (``duplicates``).

Tables are read by the same parser as the rows themselves, with only the id, target,
rater group and timestamp columns converted (pyarrow still splits every record, so row
numbers and malformed records come out as in the full read): a few percent of a run's
time. Workbooks are read row by row again. Answer sheets (JSON) are not checked for
duplicates. Each input is then read from its start again: a file is re-opened where it
began, standard input or a pipe from the copy kept while it was read
(``inputs.InputStream.replay``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Optional, cast

import numpy as np

from asn_assess.batch.arrow import pyarrow, release_unused_memory
from asn_assess.batch.columns import ColumnPlan
from asn_assess.batch.duplicates import DuplicateFinder, Duplicates, SourceKeys
from asn_assess.batch.inputs import InputStream, Utf8Stream, detected_encoding, has_text
from asn_assess.batch.reading import (
    BLOCK_BYTES,
    HEAD_BYTES,
    TableLayout,
    has_records,
    is_answer_sheets,
    table_layout,
)
from asn_assess.batch.records import Malformed, RecordTracker
from asn_assess.batch.scanner import RecordStream
from asn_assess.batch.settings import BatchSettings
from asn_assess.batch.spreadsheet import BLOCK_ROWS, is_workbook, open_sheet, sheet_records
from asn_assess.core.answers import normalise_label, parse_rater_group

SCAN_BLOCK_BYTES = 1 << 18


def find_duplicates(
    opened: Sequence[tuple[str, InputStream]], settings: BatchSettings
) -> tuple[Duplicates, list[tuple[str, InputStream]]]:
    """Who answered more than once in ``opened`` (each made replayable), decided by
    ``settings.duplicates``, and the inputs to read again from their starts."""
    bank = settings.bank

    def group_key(raw: str) -> str:
        return parse_rater_group(bank, raw) or normalise_label(raw) if raw.strip() else ""

    finder = DuplicateFinder(settings.duplicates, group_key)
    streams = list(opened)
    try:
        for collect in (finder.add, finder.add_candidates):
            for index, (name, stream) in enumerate(streams):
                finder.source(index, _scan(name, stream, settings, collect, index))
                streams[index] = (name, stream.replay())
                release_unused_memory()  # the reader's blocks: only the keys are kept
            if collect == finder.add and not finder.candidates():
                break  # no one answered twice: nothing more to read
    except BaseException:
        for _, stream in streams:
            stream.close()
        raise
    return finder.decide(), streams


Collect = Callable[..., None]
"""``DuplicateFinder.add`` or ``add_candidates``: (input, rows, ids, targets, groups,
times)."""


def _scan(
    name: str, stream: InputStream, settings: BatchSettings, collect: Collect, index: int
) -> SourceKeys:
    """Read one input's keys into ``collect``; how its rows are told apart."""
    head = stream.head_until(has_text, HEAD_BYTES)
    if is_workbook(head):
        return _scan_workbook(name, stream, settings, collect, index)
    encoding = detected_encoding(head, settings.encoding)
    if is_answer_sheets(head.decode(encoding, errors="replace")):
        return SourceKeys(name)  # answer sheets are not checked for duplicates
    text = Utf8Stream(stream, encoding, settings.encoding is not None)
    layout = table_layout(text, name, settings)
    if layout.plan.id_column is not None:
        _scan_table(name, text, layout, collect, index)
    return keys_of(name, layout.plan)


def keys_of(name: str, plan: ColumnPlan) -> SourceKeys:
    """How the rows of a table planned as ``plan`` are told apart."""
    submitted = plan.submitted_column
    return SourceKeys(
        name,
        plan.kind_of(plan.id_column),
        plan.kind_of(plan.target_column),
        plan.headers[submitted] if submitted is not None else None,
    )


def _key_columns(plan: ColumnPlan) -> list[Optional[int]]:
    return [plan.id_column, plan.target_column, plan.rater_group_column, plan.submitted_column]


def _scan_table(
    name: str, text: Utf8Stream, layout: TableLayout, collect: Collect, source: int
) -> None:
    """The key columns of a table, block by block, numbered as the full read numbers
    its rows."""
    pa = pyarrow()
    import pyarrow.csv as pacsv

    wanted = _key_columns(layout.plan)
    needed = sorted({column for column in wanted if column is not None})
    malformed: list[Malformed] = []

    def skip(row: Any) -> str:
        malformed.append(Malformed(row.number or 0, row.actual_columns, row.expected_columns, ""))
        return "skip"

    width = len(layout.names)
    text.skip(layout.header_bytes)
    if not has_records(text):
        return
    records = RecordStream(
        text, layout.delimiter, width, layout.header_lines + 1, BLOCK_BYTES, eager=True
    )
    tracker = RecordTracker(
        layout.header_lines, layout.delimiter, width, None, records.scanner, records.long_rows
    )
    names = [f"c{index}" for index in range(width)]
    reader = pacsv.open_csv(
        records,
        # Larger blocks than the full read's: only a few columns are kept of them. The
        # records the parser gets are those of the full read (same stand-ins), so the
        # rows are numbered alike.
        read_options=pacsv.ReadOptions(
            use_threads=False, block_size=SCAN_BLOCK_BYTES, column_names=names
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=layout.delimiter, newlines_in_values=True, invalid_row_handler=skip
        ),
        convert_options=pacsv.ConvertOptions(
            include_columns=[names[c] for c in needed],
            column_types={names[c]: pa.string() for c in needed},
            check_utf8=False,
        ),
    )
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except pa.ArrowInvalid:
            return  # the full read says what is wrong, at its line
        found = tracker.block(batch, malformed)
        malformed.clear()
        columns = [batch.column(names[c]) if c is not None else None for c in wanted]
        collect(source, found.rows, *columns)


def _scan_workbook(
    name: str, stream: InputStream, settings: BatchSettings, collect: Collect, source: int
) -> SourceKeys:
    """The key columns of a workbook's sheet, as ``spreadsheet.read_sheet`` numbers
    its rows."""
    sheet = open_sheet(cast(Any, stream), name, settings)
    try:
        plan = sheet.plan
        if plan.id_column is None:
            return keys_of(name, plan)
        wanted = _key_columns(plan)
        width = len(sheet.names)
        rows: list[int] = []
        cells: list[list[Optional[str]]] = [[] for _ in wanted]

        def flush() -> None:
            columns = [cells[n] if column is not None else None for n, column in enumerate(wanted)]
            collect(source, np.array(rows, dtype=np.int64), *columns)
            rows.clear()
            for column in cells:
                column.clear()

        for number, texts, used in sheet_records(sheet, name):
            if used > width:
                continue  # rejected by the full read
            rows.append(number)
            for n, column in enumerate(wanted):
                cells[n].append(
                    texts[column] if column is not None and column < len(texts) else None
                )
            if len(rows) >= BLOCK_ROWS:
                flush()
        if rows:
            flush()
        return keys_of(name, plan)
    finally:
        sheet.close()
