"""Reading JSON answer sheets (one object per line, one JSON array, or objects written
over several lines one after another, as `asn-assess start` saves them) as answer blocks.
A saved result is read as the answer sheet it holds.

Each sheet is validated and checked against the bank on its own, so one bad line
rejects that row only; accepted sheets are gathered into blocks and scored like the rows
of a table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Optional

import numpy as np

from asn_assess.batch.blocks import AnswerBlock, InputError, RowError
from asn_assess.batch.reading import HEAD_BYTES
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.answers import check_sheet
from asn_assess.core.documents import (
    AnswerSheet,
    AnswerValue,
    Result,
    parse_document,
    rated_person,
    validate_document,
)
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
            sheet = _sheet_of(document, source)
            respondent_id = _pseudonym(_sheet_identifier(sheet, settings), settings)
            if not sheet.answers:
                raise AnswerSheetError("no answers: `answers` is empty")
            check_sheet(settings.bank, sheet)
        except AssessError as error:
            reasons = [_without_source(p, source) for p in error.problems]
            if settings.pseudonymize:  # a NIP check's reason quotes the NIP's digits
                reasons = [_withheld(reason) for reason in reasons]
            on_error(RowError(source, row, line, respondent_id, reasons))
            continue
        rated = rated_person(sheet.target, sheet.rater_group, _sheet_identifier(sheet, settings))
        gathered.add(row, respondent_id, sheet, _pseudonym(rated, settings))
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
        self.targets: list[Optional[str]] = []

    @property
    def size(self) -> int:
        return len(self.rows)

    def add(
        self, row: int, respondent_id: Optional[str], sheet: AnswerSheet, target: Optional[str]
    ) -> None:
        self.rows.append(row)
        self.ids.append(respondent_id)
        self.sheets.append(sheet)
        self.targets.append(target)

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
        block.targets = self.targets
        block.rater_groups = [sheet.rater_group for sheet in self.sheets]
        if settings.summary_by:
            block.groups = [_sheet_group(sheet, settings.summary_by) for sheet in self.sheets]
        if settings.full_results:
            block.sheets = self.sheets
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
    JSON array or one of several indented documents (read whole) as parsed data."""
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # type: ignore[attr-defined]
    first_line = head.decode("utf-8-sig", errors="replace").lstrip().split("\n", 1)[0]
    if first_line.strip() == "{":  # indented, as `asn-assess start` and `score` save them
        yield from _indented_documents(stream.read().decode("utf-8-sig"), source)
        return
    if first_line.startswith("["):
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


def _indented_documents(text: str, source: str) -> Iterator[tuple[int, Optional[int], Any]]:
    """JSON documents one after another, each over several lines."""
    decoder = json.JSONDecoder()
    position, row = 0, 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return
        try:
            document, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            where = f"{source}:{error.lineno}:{error.colno}"
            raise InputError(Problem(where, f"invalid JSON: {error.msg}")) from None
        row += 1
        yield row, text.count("\n", 0, position) + 1, document
        position = end


def _sheet_of(document: Any, source: str) -> AnswerSheet:
    """The answer sheet a JSON document (text or parsed) is, or holds: a saved result
    carries every answer, and where they came from."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError:  # reported with its line and column
            return parse_document(document, AnswerSheet, source, AnswerSheetError)
    if isinstance(document, dict) and "overall" in document:
        result = validate_document(document, Result, source, AnswerSheetError)
        fields = set(AnswerSheet.model_fields) - {"schema_version"}
        return AnswerSheet.model_validate(result.model_dump(include=fields))
    return validate_document(document, AnswerSheet, source, AnswerSheetError)


def _sheet_identifier(sheet: AnswerSheet, settings: BatchSettings) -> Optional[str]:
    """Who answered: the profile field named by the id column, else the NIP, NI PPPK or
    name (not yet pseudonymised)."""
    respondent = sheet.respondent
    if respondent is None:
        return None
    wanted = settings.id_column
    value = getattr(respondent, wanted) if wanted in type(respondent).model_fields else None
    return value or respondent.nip or respondent.ni_pppk or respondent.name


def _pseudonym(value: Optional[str], settings: BatchSettings) -> Optional[str]:
    if value and settings.pseudonymize:
        return settings.pseudonymize(value)
    return value


def _sheet_group(sheet: AnswerSheet, field_name: str) -> str:
    respondent = sheet.respondent
    value = getattr(respondent, field_name, None) if respondent is not None else None
    return str(value) if value else ""
