"""Where a batch run writes: results (CSV or JSONL), rejected rows and the summary.

``FileSink`` writes every file by the one output policy (``core.files``): each to a
temporary file beside it, all renamed together when the run completes, so a failed or
interrupted run leaves the old files as they were. ``CollectingSink`` keeps everything
in memory, for use from Python.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional, Protocol

from asn_assess.analysis.norms import NormReference
from asn_assess.batch.blocks import RowError, ScoredBlock
from asn_assess.batch.jsonl import JsonLines
from asn_assess.batch.layout import ResultsTable
from asn_assess.batch.settings import OutputFormat
from asn_assess.batch.workbook import XlsxResults
from asn_assess.core.files import OutputFile, commit_together, spreadsheet_safe
from asn_assess.core.models import Bank


class BatchSink(Protocol):
    """Receives what a batch run produces, in order, then ``finish`` or ``abort``."""

    def write(self, block: ScoredBlock) -> None:
        """Scored rows, a block at a time."""

    def reject(self, error: RowError) -> None:
        """One rejected row."""

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """The run completed; ``summary`` holds the group summary rows (may be empty)."""

    def abort(self) -> None:
        """The run failed or was interrupted: keep nothing of it."""


class CollectingSink:
    """Keeps results as flat rows (dicts of the CSV columns) or whole results, rejected
    rows and the summary in memory."""

    def __init__(
        self,
        bank: Bank,
        full_results: bool = False,
        norm: Optional[NormReference] = None,
        kept: Sequence[str] = (),
    ):
        self.bank = bank
        self.full_results = full_results
        self.rows: list[dict[str, Any]] = []
        self.results: list[Any] = []
        self.rejected: list[RowError] = []
        """Rejected rows, and set aside ones (``RowError.set_aside``)."""
        self.summary: list[dict[str, Any]] = []
        self._table = ResultsTable(bank, norm, kept=kept)

    def write(self, block: ScoredBlock) -> None:
        """Keep the rows of ``block`` (and their results when asked)."""
        self.rows.extend(self._table.table(block).to_pylist())
        if self.full_results:
            self.results.extend(block.results(self.bank))

    def reject(self, error: RowError) -> None:
        """Keep a rejected row."""
        self.rejected.append(error)

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """Keep the summary."""
        self.summary = summary

    def abort(self) -> None:
        """Forget the run's rows."""
        self.rows.clear()
        self.results.clear()


class CsvResults:
    """Flat CSV, one row per respondent (``layout.output_columns``)."""

    def __init__(
        self,
        bank: Bank,
        output: OutputFile,
        norm: Optional[NormReference] = None,
        decimals: Optional[int] = None,
        band_labels: Optional[str] = None,
        kept: Sequence[str] = (),
    ):
        self.table = ResultsTable(
            bank,
            norm,
            for_spreadsheets=True,
            decimals=decimals,
            band_labels=band_labels,
            kept=kept,
        )
        self.output = output
        self._writer: Any = None

    def write(self, block: ScoredBlock) -> None:
        """Append the rows of ``block``."""
        self._csv_writer().write_table(self.table.table(block))

    def _csv_writer(self) -> Any:
        # Made on first use: a run that fails before scoring anything (a bad header,
        # say) must not have printed a CSV header to stdout already.
        if self._writer is None:
            import pyarrow.csv as pacsv

            self._writer = pacsv.CSVWriter(self.output, self.table.schema)
        return self._writer

    def close(self) -> None:
        """Finish the file (the header alone when no row was scored)."""
        self._csv_writer().close()


JSONL_WRITE_LINES = 256  # lines joined and encoded at a time


class JsonlResults:
    """One JSON object per respondent: where it came from and the full result
    (``jsonl.JsonLines``)."""

    def __init__(
        self,
        bank: Bank,
        output: OutputFile,
        drop_profile: bool,
        norm: Optional[NormReference] = None,
        kept: Sequence[str] = (),
    ):
        self.lines = JsonLines(bank, drop_profile, norm, kept)
        self.output = output

    def write(self, block: ScoredBlock) -> None:
        """Append one line per row of ``block``."""
        lines = self.lines.lines(block)
        for start in range(0, len(lines), JSONL_WRITE_LINES):  # a block's text is megabytes
            self.output.write("".join(lines[start : start + JSONL_WRITE_LINES]).encode("utf-8"))

    def close(self) -> None:
        """Nothing to finish: every line is written as its block comes."""


QUEUED_BLOCKS = 3  # scored blocks waiting for the writer thread: a few MB at most


def _for_writing(block: ScoredBlock) -> ScoredBlock:
    """``block`` without what no output writes (the item columns and answer codes,
    the larger part of a block), so that blocks waiting to be written hold little."""
    answers = dataclasses.replace(block.answers, item_columns={}, answer_codes=None, groups=None)
    return dataclasses.replace(block, answers=answers)


class WriterThread:
    """Writes a results file on a thread of its own, so that formatting and writing
    one block (pyarrow's CSV writer works without holding the interpreter) overlaps
    with reading and scoring the next. At most ``QUEUED_BLOCKS`` blocks wait, so
    memory stays flat. A failure while writing is raised in the calling thread by the
    next ``write`` or by ``close``."""

    _DONE = None

    def __init__(self, results: CsvResults | JsonlResults | XlsxResults):
        self.results = results
        self._queue: queue.Queue[Optional[ScoredBlock]] = queue.Queue(maxsize=QUEUED_BLOCKS)
        self._failure: Optional[BaseException] = None
        self._discard = False
        self._thread: Optional[threading.Thread] = None

    def write(self, block: ScoredBlock) -> None:
        """Queue ``block`` to be written (waits while the queue is full)."""
        self._raise_failure()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="batch-writer", daemon=True)
            self._thread.start()
        self._queue.put(block)

    def _run(self) -> None:
        while True:
            block = self._queue.get()
            if block is self._DONE:
                return
            if self._failure is None and not self._discard:
                try:
                    self.results.write(block)
                except BaseException as failure:  # handed to the calling thread
                    self._failure = failure

    def _stop(self) -> None:
        if self._thread is not None:
            self._queue.put(self._DONE)
            self._thread.join()
            self._thread = None

    def _raise_failure(self) -> None:
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def close(self) -> None:
        """Write what is queued, then finish the file."""
        self._stop()
        self._raise_failure()
        self.results.close()

    def discard(self) -> None:
        """Write nothing more (the run failed); wait for the thread to end."""
        self._discard = True
        self._stop()


def summary_csv(rows: list[dict[str, Any]]) -> bytes:
    """The group summary as CSV: the union of the rows' keys as columns; text cells
    safe for spreadsheets (``spreadsheet_safe``), numbers as numbers."""
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {key: spreadsheet_safe(v) if isinstance(v, str) else v for key, v in row.items()}
        )
    return text.getvalue().encode("utf-8")


class FileSink:
    """Results to a file or standard output, rejected (and set aside) rows to an
    optional JSONL file, the summary to an optional CSV file: all appear together at ``finish``, or none.
    Every path is opened (its temporary file made) when the sink is made, before any
    input is read. Standard output, FIFOs and devices are written through as the run
    goes; they are the exception to "together".

    Without an errors file, rejected rows go to ``on_rejected`` (e.g. to be shown)."""

    def __init__(
        self,
        bank: Bank,
        output_format: OutputFormat,
        results: Optional[Path],
        errors: Optional[Path] = None,
        summary: Optional[Path] = None,
        drop_profile: bool = False,
        on_rejected: Optional[Callable[[RowError], None]] = None,
        norm: Optional[NormReference] = None,
        decimals: Optional[int] = None,
        band_labels: Optional[str] = None,
        kept: Sequence[str] = (),
    ):
        self._outputs: list[OutputFile] = []
        self._on_rejected = on_rejected
        self._workbook: Optional[XlsxResults] = None
        try:
            out = self._open(results)
            self._errors = self._open(errors) if errors is not None else None
            self._summary = self._open(summary) if summary is not None else None
            self._results: WriterThread
            if output_format == "xlsx":  # results on the thread; rejected rows, summary here
                self._workbook = XlsxResults(bank, out, norm, decimals, kept)
                self._results = WriterThread(self._workbook)
            else:
                self._results = WriterThread(
                    JsonlResults(bank, out, drop_profile, norm, kept)
                    if output_format == "jsonl"
                    else CsvResults(bank, out, norm, decimals, band_labels, kept)
                )
        except BaseException:
            self.abort()
            raise

    def _open(self, path: Optional[Path]) -> OutputFile:
        output = OutputFile(path, private=True)
        self._outputs.append(output)
        return output

    def write(self, block: ScoredBlock) -> None:
        """Append scored rows to the results."""
        self._results.write(_for_writing(block))

    def reject(self, error: RowError) -> None:
        """Append a rejected row to the errors file, or pass it to ``on_rejected``; in a
        workbook, also to its sheet of rejected rows."""
        if self._workbook is not None:
            self._workbook.reject(error)
        if self._errors is not None:
            self._errors.write((error.to_json() + "\n").encode("utf-8"))
        elif self._on_rejected is not None:
            self._on_rejected(error)

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """Complete the results and the summary, then make every file appear."""
        try:
            if self._workbook is not None and summary:
                self._workbook.summary(summary)
            self._results.close()
            if self._summary is not None:
                self._summary.write(summary_csv(summary))
            commit_together(self._outputs)
        except BaseException:
            self.abort()
            raise

    @property
    def committed(self) -> bool:
        """Whether every output has appeared (an interrupt may come just after)."""
        return bool(self._outputs) and all(output.committed for output in self._outputs)

    def abort(self) -> None:
        """Remove every temporary file; old outputs stay as they were."""
        results = getattr(self, "_results", None)
        if results is not None:
            results.discard()
        if self._workbook is not None:
            self._workbook.discard()
        if not self.committed:
            for output in self._outputs:
                output.discard()
