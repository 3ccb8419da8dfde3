"""Reading JSON answer sheets (one object per line, or one JSON array) as answer blocks.

Each sheet is validated and checked against the bank on its own, so one bad line
rejects that row only; accepted sheets are gathered into blocks and scored like the rows
of a table.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Optional

import numpy as np

from asn_assess.analysis.quality import answering_seconds
from asn_assess.batch.blocks import AnswerBlock, InputError, RowError
from asn_assess.batch.reading import HEAD_BYTES
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.answer_codes import answer_codes
from asn_assess.core.answers import check_sheet
from asn_assess.core.documents import AnswerSheet, AnswerValue, parse_document, validate_document
from asn_assess.core.errors import AnswerSheetError, AssessError, Problem
from asn_assess.core.models import NOT_APPLICABLE, Bank
from asn_assess.core.scoring import ItemColumn, ItemColumns, item_score

SHEETS_PER_BLOCK = 4096


def read_sheets(
    stream: BinaryIO, source: str, settings: BatchSettings, on_error: Callable[[RowError], None]
) -> Iterator[AnswerBlock]:
    """Yield blocks of accepted answer sheets; report every rejected one to ``on_error``."""
    gathered = _Gathered(settings, source)
    for row, line, document in _json_documents(stream, source):
        respondent_id = None
        try:
            read = parse_document if isinstance(document, str) else validate_document
            sheet = read(document, AnswerSheet, source, AnswerSheetError)
            respondent_id = _sheet_identifier(sheet, settings)
            if not sheet.answers:
                raise AnswerSheetError("no answers: `answers` is empty")
            check_sheet(settings.bank, sheet)
        except AssessError as error:
            reasons = [_without_source(p, source) for p in error.problems]
            if settings.pseudonymize:  # a NIP check's reason quotes the NIP's digits
                reasons = [_withheld(reason) for reason in reasons]
            on_error(RowError(source, row, line, respondent_id, reasons))
            continue
        gathered.add(row, respondent_id, sheet)
        if gathered.size == SHEETS_PER_BLOCK:
            yield gathered.block()
            gathered = _Gathered(settings, source)
    if gathered.size:
        yield gathered.block()


class _Gathered:
    """Accepted sheets waiting to be scored together."""

    def __init__(self, settings: BatchSettings, source: str):
        self.settings = settings
        self.source = source
        self.rows: list[int] = []
        self.ids: list[Optional[str]] = []
        self.sheets: list[AnswerSheet] = []

    @property
    def size(self) -> int:
        return len(self.rows)

    def add(self, row: int, respondent_id: Optional[str], sheet: AnswerSheet) -> None:
        self.rows.append(row)
        self.ids.append(respondent_id)
        self.sheets.append(sheet)

    def block(self) -> AnswerBlock:
        settings = self.settings
        block = AnswerBlock(
            source=self.source,
            rows=np.array(self.rows, dtype=np.int64),
            respondent_ids=self.ids,
            item_columns=item_columns(settings.bank, [s.answers for s in self.sheets]),
        )
        if any(sheet.role for sheet in self.sheets):
            block.roles = [sheet.role for sheet in self.sheets]
        if settings.summary_by:
            block.groups = [_sheet_group(sheet, settings.summary_by) for sheet in self.sheets]
        if settings.full_results:
            block.sheets = self.sheets
        if settings.needs_answer_codes:
            block.answer_codes = answer_codes(settings.bank, [s.answers for s in self.sheets])
        block.seconds = np.array([_seconds(sheet) for sheet in self.sheets], dtype=np.float64)
        return block


def item_columns(bank: Bank, answers: list[dict[str, AnswerValue]]) -> ItemColumns:
    """Checked answers of many sheets as the item columns ``score_block`` takes."""
    rows = len(answers)
    columns: ItemColumns = {}
    cache: dict[tuple[str, AnswerValue], float] = {}
    for row, sheet_answers in enumerate(answers):
        for item_id, value in sheet_answers.items():
            column = columns.get(item_id)
            if column is None:
                empty = np.zeros(rows, dtype=bool)
                column = columns[item_id] = ItemColumn(np.zeros(rows), empty, empty.copy())
            if value == NOT_APPLICABLE and not bank.items[item_id].is_situational:
                column.not_applicable[row] = True
                continue
            key = (item_id, value)
            if key not in cache:
                cache[key] = item_score(bank, bank.items[item_id], value)
            column.scores[row] = cache[key]
            column.answered[row] = True
    return columns


def _seconds(sheet: AnswerSheet) -> float:
    """How long answering the sheet took, NaN when it does not say."""
    seconds = answering_seconds(sheet.durations, sheet.started_at, sheet.finished_at)
    return math.nan if seconds is None else seconds


def _without_source(problem: Problem, source: str) -> str:
    where = problem.where
    if where.startswith(source):
        where = where[len(source) :].lstrip(":").strip()
    return f"{where}: {problem.message}" if where else problem.message


def _withheld(reason: str) -> str:
    path, _, _ = reason.partition(": ")
    if path.startswith("respondent"):
        return f"{path}: not valid (details withheld in a pseudonymised run)"
    return reason


def _json_documents(stream: BinaryIO, source: str) -> Iterator[tuple[int, Optional[int], Any]]:
    """(row, line, document) per answer sheet: a JSONL line as text, or an element of a
    JSON array (read whole) as parsed data."""
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # type: ignore[attr-defined]
    if head.decode("utf-8-sig", errors="replace").lstrip().startswith("["):
        text = stream.read().decode("utf-8-sig")
        try:
            documents = json.loads(text)
        except json.JSONDecodeError as error:
            where = f"{source}:{error.lineno}:{error.colno}"
            raise InputError(Problem(where, f"invalid JSON: {error.msg}")) from None
        if not isinstance(documents, list):
            raise InputError(Problem(source, "expected a JSON array of answer sheets"))
        for row, document in enumerate(documents, start=1):
            yield row, None, document
        return
    row = 0
    for line_number, raw in enumerate(stream, start=1):
        encoding = "utf-8-sig" if line_number == 1 else "utf-8"
        text = raw.decode(encoding, errors="replace").strip()
        if not text:
            continue
        row += 1
        yield row, line_number, text


def _sheet_identifier(sheet: AnswerSheet, settings: BatchSettings) -> Optional[str]:
    respondent = sheet.respondent
    if respondent is None:
        return None
    wanted = settings.id_column
    value = getattr(respondent, wanted) if wanted in type(respondent).model_fields else None
    value = value or respondent.nip or respondent.ni_pppk or respondent.name
    if value and settings.pseudonymize:
        return settings.pseudonymize(value)
    return value


def _sheet_group(sheet: AnswerSheet, field_name: str) -> str:
    respondent = sheet.respondent
    value = getattr(respondent, field_name, None) if respondent is not None else None
    return str(value) if value else ""
