"""Batch results as an Excel workbook: results, rejected rows and the summary.

Written with xlsxwriter in constant-memory mode (each sheet's rows go to a temporary
file as they come), so a large run does not hold the workbook in memory. The workbook
itself is assembled in a temporary file and copied to the output at the end, so the
output's own rules (``core.files.OutputFile``) apply to it as to any other.

Every cell is typed: numbers as numbers (an empty score stays empty), text as text.
Text is written with ``write_string``, so a cell such as ``=HYPERLINK(...)`` stays the
literal text it was and is never run as a formula; it needs no leading ``'`` either.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Any, Optional

from asn_assess.analysis.norms import NormReference
from asn_assess.batch.blocks import RowError, ScoredBlock
from asn_assess.batch.layout import ResultsTable
from asn_assess.core.errors import Problem
from asn_assess.core.files import OutputError, OutputFile
from asn_assess.core.i18n import format_count, interface_language, say
from asn_assess.core.models import Bank

COPY_BYTES = 1 << 20
MAX_SHEET_ROWS = 1_048_576  # Excel's rows per sheet, the header's included


class XlsxResults:
    """Results, rejected rows and the summary as sheets of one workbook."""

    def __init__(
        self,
        bank: Bank,
        output: OutputFile,
        norm: Optional[NormReference] = None,
        decimals: Optional[int] = None,
    ):
        from asn_assess.core.files import text_safe_workbook

        self.output = output
        self.table = ResultsTable(bank, norm, decimals=decimals, band_labels=interface_language())
        self._file = tempfile.TemporaryFile(prefix="asn-assess-", suffix=".xlsx")
        self._book = text_safe_workbook(self._file, streaming=True)
        self._bold = self._book.add_format({"bold": True})
        self._results = self._sheet(say("out.sheet.results"), self.table.schema.names)
        self._rejected = self._sheet(
            say("out.sheet.rejected"), ["source", "row", "line", "respondent_id", "reasons"]
        )
        self._next_result = 1  # the header is row 0
        self._next_rejected = 1
        self._closed = False

    def _sheet(self, name: str, header: list[str]) -> Any:
        sheet = self._book.add_worksheet(name)
        for column, title in enumerate(header):
            sheet.write_string(0, column, title, self._bold)
        sheet.freeze_panes(1, 0)
        return sheet

    def write(self, block: ScoredBlock) -> None:
        """Append the rows of ``block`` to the results sheet."""
        self._check_room(self._next_result + block.answers.size)
        table = self.table.table(block)
        columns = [column.to_pylist() for column in table.columns]
        first = self._next_result
        for offset, row in enumerate(zip(*columns, strict=True)):
            _write_row(self._results, first + offset, row)
        self._next_result += table.num_rows

    def _check_room(self, rows: int) -> None:
        """``OutputError`` when a sheet would need more than Excel's rows."""
        if rows > MAX_SHEET_ROWS:  # xlsxwriter would leave the rows out without a word
            limit = format_count(MAX_SHEET_ROWS - 1, interface_language())
            raise OutputError(Problem(self.output.name, say("out.xlsx_too_many_rows", rows=limit)))

    def reject(self, error: RowError) -> None:
        """Append a rejected row to its sheet."""
        self._check_room(self._next_rejected + 1)
        cells = [error.source, error.row, error.line, error.respondent_id, "; ".join(error.reasons)]
        _write_row(self._rejected, self._next_rejected, cells)
        self._next_rejected += 1

    def summary(self, rows: list[dict[str, Any]]) -> None:
        """The group summary on a third sheet (the union of the rows' keys as columns)."""
        columns: list[str] = []
        for row in rows:
            columns += [key for key in row if key not in columns]
        sheet = self._sheet(say("out.sheet.summary"), columns)
        for number, row in enumerate(rows, start=1):
            _write_row(sheet, number, [row.get(key) for key in columns])

    def close(self) -> None:
        """Finish the workbook and copy it to the output."""
        self._closed = True
        self._book.close()
        self._file.seek(0)
        shutil.copyfileobj(self._file, _Writer(self.output), COPY_BYTES)
        self._file.close()

    def discard(self) -> None:
        """Drop the workbook (the run failed)."""
        if not self._closed:
            self._closed = True
            # Older xlsxwriter versions close an unclosed workbook when it is collected,
            # into a file that is gone by then; mark it closed, as it is never written.
            self._book.fileclosed = True
            self._file.close()


class _Writer:
    """``OutputFile`` as ``shutil.copyfileobj`` writes to it."""

    def __init__(self, output: OutputFile):
        self.write = output.write


def _write_row(sheet: Any, row: int, cells: Any) -> None:
    for column, value in enumerate(cells):
        if value is None:
            continue  # an empty cell
        if isinstance(value, str):
            sheet.write_string(row, column, value)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif value != value:  # NaN: no value
            continue
        else:
            sheet.write_number(row, column, value)
