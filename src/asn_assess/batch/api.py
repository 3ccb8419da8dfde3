"""Scoring many respondents, as a library call.

    from asn_assess import BatchSettings, CollectingSink, resolve_bank, run_batch

    bank = resolve_bank()
    sink = CollectingSink(bank)
    report = run_batch(["jawaban.csv"], BatchSettings(bank), sink)
    report.counts.scored, sink.rows[0]["overall_score"]

Every input row ends as exactly one of: a scored row given to the sink, or a rejected
row (``RowError``) given to the sink with every reason. Nothing here prints.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Optional, Union

from asn_assess.batch.blocks import AnswerBlock, BatchCounts, InputError, RowError, ScoredBlock
from asn_assess.batch.outputs import BatchSink
from asn_assess.batch.reading import HEAD_BYTES, is_answer_sheets, read_table, table_layout
from asn_assess.batch.settings import BatchSettings
from asn_assess.batch.sheets import read_sheets
from asn_assess.batch.spreadsheet import is_workbook, open_sheet, read_sheet
from asn_assess.batch.summary import GroupSummary
from asn_assess.core.files import open_for_reading
from asn_assess.core.models import Bank, is_rater
from asn_assess.core.scoring import BlockScores, score_block, score_block_by_role

BatchInput = Union[str, "os.PathLike[str]", tuple[str, BinaryIO]]
"""A file path, ``"-"`` for standard input, or a (name, binary stream) pair."""

STDIN_NAME = "<stdin>"


@dataclass
class BatchReport:
    """What a completed run did: its counts and, when summarising, the summary rows."""

    counts: BatchCounts
    summary: list[dict[str, Any]] = field(default_factory=list)


def run_batch(
    inputs: Sequence[BatchInput],
    settings: BatchSettings,
    sink: BatchSink,
    progress: Optional[Callable[[int], None]] = None,
) -> BatchReport:
    """Score every respondent of ``inputs`` (tables or JSON answer sheets) into ``sink``.

    Every input is opened before any is read, so a missing file stops the run before
    any work. ``progress`` is called with the number of rows read after each block.
    On any error or interrupt the sink is told to ``abort`` and the error propagates.
    """
    opened: list[tuple[str, BinaryIO]] = []
    counts = BatchCounts()
    summary = GroupSummary(settings.bank, settings.min_group) if settings.summary_by else None

    def on_error(error: RowError) -> None:
        counts.read += 1
        counts.rejected += 1
        sink.reject(error)

    try:
        opened.extend(_open(source) for source in inputs)  # all readable before any work
        for name, stream in opened:
            for answers in _answer_blocks(stream, name, settings, counts, on_error):
                scored = ScoredBlock(answers, _scores(settings.bank, answers))
                counts.read += answers.size
                counts.scored += answers.size
                if answers.size:
                    sink.write(scored)
                if summary is not None:
                    summary.add_block(scored)
                if progress is not None:
                    progress(counts.read)
        rows = summary.rows() if summary is not None else []
        sink.finish(rows)
    except BaseException:
        sink.abort()
        raise
    finally:
        for _, stream in opened:
            stream.close()
    return BatchReport(counts, rows)


def _scores(bank: Bank, answers: AnswerBlock) -> BlockScores:
    """Every level's scores for a block, each row with the items it was asked (by its
    role and, for a rater, its group)."""
    groups = answers.rater_groups
    if answers.roles is None and (groups is None or not any(map(is_rater, groups))):
        return score_block(bank, answers.item_columns, answers.size)
    roles = answers.roles or [None] * answers.size
    return score_block_by_role(bank, answers.item_columns, roles, list(groups or []) or None)


def _answer_blocks(
    stream: BinaryIO,
    name: str,
    settings: BatchSettings,
    counts: BatchCounts,
    on_error: Callable[[RowError], None],
) -> Iterator[AnswerBlock]:
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # type: ignore[attr-defined]
    if is_answer_sheets(head):
        return read_sheets(stream, name, settings, on_error)
    if is_workbook(head):
        sheet = open_sheet(stream, name, settings)
        counts.unused_columns[name] = sheet.plan.unused
        return read_sheet(name, sheet, settings, on_error)
    layout = table_layout(stream, name, settings)
    counts.unused_columns[name] = layout.plan.unused
    return read_table(stream, name, layout, settings, on_error)


def _open(source: BatchInput) -> tuple[str, BinaryIO]:
    """(name, buffered binary stream) of an input; ``InputError`` when unreadable."""
    if isinstance(source, tuple):
        name, stream = source
        return name, _peekable(stream)
    if str(source) == "-":
        # The raw stream beneath stdin's own small buffer, so no byte is read twice.
        return STDIN_NAME, _peekable(getattr(sys.stdin.buffer, "raw", sys.stdin.buffer))
    return str(source), open_for_reading(Path(source), InputError, buffering=HEAD_BYTES)


def _peekable(stream: Any) -> BinaryIO:
    """``stream`` behind a buffer that can ``peek`` at its first ``HEAD_BYTES``, enough
    to see a long header and what kind of file it is."""
    return io.BufferedReader(stream, HEAD_BYTES)
