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

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, Optional, Union, cast

import numpy as np

from asn_assess.analysis.quality import QualityBlock, QualityChecker
from asn_assess.batch.arrow import release_unused_memory
from asn_assess.batch.blocks import (
    AnswerBlock,
    BatchCounts,
    ColumnNotes,
    InputError,
    RowError,
    ScoredBlock,
)
from asn_assess.batch.duplicates import SourceDuplicates
from asn_assess.batch.inputs import InputStream, Utf8Stream, detected_encoding, has_text
from asn_assess.batch.outputs import BatchSink
from asn_assess.batch.reading import HEAD_BYTES, is_answer_sheets, read_table, table_layout
from asn_assess.batch.settings import BatchSettings
from asn_assess.batch.sheets import read_sheets
from asn_assess.batch.spreadsheet import is_workbook, open_sheet, read_sheet
from asn_assess.batch.summary import GroupSummary
from asn_assess.core.files import open_for_reading
from asn_assess.core.models import Bank, is_rater
from asn_assess.core.scoring import BlockScores, BoolColumn, score_block, score_block_by_role

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
    opened: list[tuple[str, InputStream]] = []
    counts = BatchCounts()
    summarise = settings.summary_by and settings.group_summary
    summary = GroupSummary(settings.bank, settings.min_group) if summarise else None
    checker = QualityChecker(settings.bank) if settings.quality_flags else None

    def on_error(error: RowError) -> None:
        counts.read += 1
        if error.set_aside:
            counts.set_aside += 1
        else:
            counts.rejected += 1
        sink.reject(error)

    try:
        replayable = settings.duplicates != "all"
        opened.extend(_open(source, replayable) for source in inputs)  # all before any work
        duplicates = None
        if replayable:  # who answered more than once, before any row is scored
            from asn_assess.batch.prescan import find_duplicates

            duplicates, replayed = find_duplicates(opened, settings)
            opened[:] = replayed
            counts.duplicates = duplicates
            release_unused_memory()  # the keys need not stack on the reading's peak
        for index, (name, stream) in enumerate(opened):
            repeated = duplicates.of_source(index) if duplicates is not None else None
            blocks = _answer_blocks(stream, name, settings, counts, on_error, repeated)
            try:
                for answers in blocks:
                    scored = ScoredBlock(answers, _scores(settings.bank, answers))
                    if checker is not None:
                        scored.quality = _quality(checker, scored)
                    counts.read += answers.size
                    counts.scored += answers.size
                    counts.incomplete += int(np.isnan(scored.scores.overall.score).sum())
                    if scored.quality is not None:
                        counts.flagged += int(scored.quality.any_flagged.sum())
                    if answers.size:
                        sink.write(scored)
                    if summary is not None:
                        summary.add_block(scored, _kept_rows(scored, settings, counts))
                    if progress is not None:
                        progress(counts.read)
            finally:
                # Now, not when the garbage collector gets to it: a reader stops cleanly.
                getattr(blocks, "close", lambda: None)()
        if summary is not None:
            release_unused_memory()  # the summary's arrays need not stack on the reading's
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


def _quality(checker: QualityChecker, scored: ScoredBlock) -> QualityBlock:
    """The quality rules' values for a scored block (its reader kept answer codes)."""
    answers = scored.answers
    assert answers.answer_codes is not None, "the reader keeps codes for the quality rules"
    return checker.block(
        answers.item_columns,
        answers.answer_codes,
        scored.scores,
        answers.seconds,
        answers.roles,
        answers.rater_groups,  # each row's questions were asked in its own order
    )


def _kept_rows(scored: ScoredBlock, settings: BatchSettings, counts: BatchCounts) -> BoolColumn:
    """Rows that go into summaries: all, or with ``exclude_flagged`` the unflagged ones
    (the others are counted in ``counts.excluded``)."""
    keep = np.ones(scored.answers.size, dtype=bool)
    if settings.exclude_flagged and scored.quality is not None:
        keep = ~scored.quality.any_flagged
        counts.excluded += int(scored.answers.size - keep.sum())
    return keep


def _answer_blocks(
    stream: InputStream,
    name: str,
    settings: BatchSettings,
    counts: BatchCounts,
    on_error: Callable[[RowError], None],
    duplicates: Optional[SourceDuplicates] = None,
) -> Iterator[AnswerBlock]:
    head = stream.head_until(has_text, HEAD_BYTES)
    if is_workbook(head):  # a zip file: text encodings do not apply
        sheet = open_sheet(cast(IO[bytes], stream), name, settings)  # a binary stream
        counts.unused_columns[name] = sheet.plan.unused
        notes = counts.column_notes.setdefault(name, ColumnNotes())
        return read_sheet(name, sheet, settings, on_error, notes, duplicates)
    encoding = detected_encoding(head, settings.encoding)
    chosen = settings.encoding is not None
    if is_answer_sheets(head.decode(encoding, errors="replace")):
        return read_sheets(stream, name, settings, on_error, encoding, chosen)
    text = Utf8Stream(stream, encoding, chosen)
    layout = table_layout(text, name, settings)
    counts.unused_columns[name] = layout.plan.unused
    suspects = counts.suspect_fields.setdefault(name, [])
    notes = counts.column_notes.setdefault(name, ColumnNotes())
    return read_table(text, name, layout, settings, on_error, suspects, notes, duplicates)


def _open(source: BatchInput, replayable: bool = False) -> tuple[str, InputStream]:
    """(name, stream) of an input; ``InputError`` when unreadable. ``replayable``: the
    input can be read twice (``InputStream.replay``)."""
    if isinstance(source, tuple):
        name, stream = source
        return name, InputStream(stream, name, replayable)
    if str(source) == "-":
        # The raw stream beneath stdin's own small buffer, so no byte is read twice.
        raw = getattr(sys.stdin.buffer, "raw", sys.stdin.buffer)
        return STDIN_NAME, InputStream(raw, STDIN_NAME, replayable)
    name = str(source)
    raw = open_for_reading(Path(source), InputError, buffering=0)
    return name, InputStream(raw, name, replayable)
