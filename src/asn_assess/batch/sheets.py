"""Reading JSON answer sheets (one object per line, one JSON array, or objects written
over several lines one after another, as `asn-assess start` saves them) as answer blocks.
A saved result is read as the answer sheet it holds.

Each sheet is validated and checked against the bank on its own, so one bad line
rejects that row only; accepted sheets are gathered into blocks and scored like the rows
of a table.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterator
from typing import Any, Optional

import numpy as np

from asn_assess.analysis.quality import answering_seconds
from asn_assess.batch.blocks import AnswerBlock, InputError, RowError
from asn_assess.batch.columns import CARRIED_NAMES, CARRIED_PROFILE, KEPT_PREFIX
from asn_assess.batch.inputs import (
    CHUNK_BYTES,
    InputStream,
    ascii_compatible,
    decode_text,
    has_text,
)
from asn_assess.batch.reading import HEAD_BYTES
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.answer_codes import answer_codes
from asn_assess.core.answers import check_sheet
from asn_assess.core.documents import (
    AnswerSheet,
    AnswerValue,
    Result,
    load_json,
    rated_person,
    validate_document,
)
from asn_assess.core.errors import AnswerSheetError, AssessError, Problem
from asn_assess.core.i18n import say
from asn_assess.core.limits import JSON_LINE_BYTES, WHOLE_JSON_BYTES, size_text
from asn_assess.core.models import NOT_APPLICABLE, Bank
from asn_assess.core.scoring import ItemColumn, ItemColumns, item_score

SHEETS_PER_BLOCK = 4096


def read_sheets(
    stream: InputStream,
    source: str,
    settings: BatchSettings,
    on_error: Callable[[RowError], None],
    encoding: str = "utf-8",
    chosen: bool = False,
) -> Iterator[AnswerBlock]:
    """Yield blocks of accepted answer sheets; report every rejected one to ``on_error``.
    ``encoding`` is the file's (``chosen`` when named with --encoding)."""
    gathered = _Gathered(settings, source)
    for row, line, document in _json_documents(stream, source, encoding, chosen):
        respondent_id = None
        try:
            if isinstance(document, AssessError):
                raise document
            document, carried_id = _unwrapped_record(document, source)
            sheet = _sheet_of(document, source)
            raw_id, kind = _sheet_identifier(sheet, settings)
            if raw_id is None and carried_id is not None:
                raw_id, kind = carried_id, "other"
            respondent_id = _pseudonym(raw_id, kind, settings)
            if not sheet.answers:
                raise AnswerSheetError(say("reading.no_answers"))
            check_sheet(settings.bank, sheet)
        except AssessError as error:
            reasons = [_without_source(p, source) for p in error.problems]
            if settings.pseudonymize:  # reasons quote answers, NIP digits, names
                reasons = [_withheld(reason, settings.bank) for reason in reasons]
            on_error(RowError(source, row, line, respondent_id, reasons))
            continue
        rated = _pseudonym(rated_person(sheet.target, sheet.rater_group, raw_id), "other", settings)
        if settings.pseudonymize:
            sheet = _without_identifiers(sheet, rated)
        gathered.add(row, respondent_id, sheet, rated)
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
        kept = [(f"{KEPT_PREFIX}{name}", name) for name in settings.keep]
        if settings.keep_profile:
            kept += [(CARRIED_NAMES[name], name) for name in CARRIED_PROFILE]
        if kept:
            block.kept = {
                output: [_sheet_group(sheet, field) or None for sheet in self.sheets]
                for output, field in kept
            }
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


# Keys of an answer sheet whose problems quote what was typed (values, or an unknown
# item's name): in a pseudonymised run their reasons keep the key path only.
_TYPED_KEYS = ("answers", "respondent", "bank_id", "bank_version", "language")


def _withheld(reason: str, bank: Bank) -> str:
    path, separator, _ = reason.partition(": ")
    if not separator or path.split(".")[0].split("[")[0] not in _TYPED_KEYS:
        return reason  # invalid JSON, no answers: nothing typed is quoted
    if path.startswith("answers.") and path[len("answers.") :] not in bank.items:
        return f"answers: {say('privacy.unknown_item_withheld')}"
    return f"{path}: {say('privacy.withheld')}"


def _json_documents(
    stream: InputStream, source: str, encoding: str, chosen: bool
) -> Iterator[tuple[int, Optional[int], Any]]:
    """(row, line, document) per answer sheet: a JSONL line as text, or an element of a
    JSON array or one of several indented documents (read whole) as parsed data. A JSONL
    line that does not decode is an ``AnswerSheetError`` in place of its text: it
    rejects that row only."""
    head = stream.head_until(has_text, HEAD_BYTES)
    first_line = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
    first_line = first_line.split("\n", 1)[0].strip()
    if first_line == "{":  # indented, as `asn-assess start` and `score` save them
        text = decode_text(_whole(stream, source), encoding, chosen, source)
        yield from _indented_documents(text, source)
        return
    if first_line.startswith("["):
        documents = load_json(
            decode_text(_whole(stream, source), encoding, chosen, source), source, InputError
        )
        if not isinstance(documents, list):
            raise InputError(Problem(source, say("reading.not_a_sheet_array")))
        for row, document in enumerate(documents, start=1):
            yield row, None, document
        return
    row = 0
    for line_number, line in _lines(stream, encoding, source):
        if not isinstance(line, AssessError):
            line = line.strip()
            if not line:
                continue
        row += 1
        yield row, line_number, line


def _whole(stream: InputStream, source: str) -> bytes:
    """The rest of an input read whole (a JSON array, indented documents), or
    ``InputError`` once it passes ``WHOLE_JSON_BYTES``: JSON Lines has no such limit."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK_BYTES):
        parts.append(chunk)
        size += len(chunk)
        if size > WHOLE_JSON_BYTES:
            raise InputError(
                Problem(source, say("reading.json_too_large", size=size_text(WHOLE_JSON_BYTES)))
            )
    return b"".join(parts)


def _bounded_lines(readline: Callable[[int], Any], limit: int) -> Iterator[Any]:
    """Lines from ``readline``, none held longer than ``limit``: a longer line is given
    as its first ``limit + 1`` characters, and the rest of it is read past in pieces,
    so memory stays flat however long it is."""
    while line := readline(limit + 1):
        end = "\n" if isinstance(line, str) else b"\n"
        if len(line) > limit and not line.endswith(end):
            while (rest := readline(CHUNK_BYTES)) and not rest.endswith(end):
                pass
        yield line


def _lines(
    stream: InputStream, encoding: str, source: str
) -> Iterator[tuple[int, str | AssessError]]:
    """The lines of a JSONL file, decoded one by one when the encoding allows it (so a
    bad line is that line's problem), else as one text stream. A line longer than
    ``JSON_LINE_BYTES`` is that line's problem too."""
    buffered = io.BufferedReader(stream, CHUNK_BYTES)
    too_long = say("reading.line_too_long", size=size_text(JSON_LINE_BYTES))
    if not ascii_compatible(encoding):
        text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline=None)
        try:
            for line_number, line in enumerate(_bounded_lines(text.readline, JSON_LINE_BYTES), 1):
                yield (
                    line_number,
                    AnswerSheetError(too_long) if len(line) > JSON_LINE_BYTES else line,
                )
        except UnicodeDecodeError as problem:
            raise InputError(
                Problem(source, say("input.not_encoding", encoding=encoding, byte="??"))
            ) from problem
        return
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    for line_number, raw in enumerate(_bounded_lines(buffered.readline, JSON_LINE_BYTES), 1):
        if len(raw) > JSON_LINE_BYTES:
            yield line_number, AnswerSheetError(too_long)
            continue
        try:
            yield line_number, raw.decode(codec if line_number == 1 else encoding)
        except UnicodeDecodeError as problem:
            byte = raw[problem.start : problem.start + 1].hex()
            message = say("input.line_not_text", encoding=encoding.upper(), byte=byte)
            yield line_number, AnswerSheetError(message)


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
            raise InputError(
                Problem(where, say("reading.invalid_json", reason=error.msg))
            ) from None
        except (ValueError, RecursionError) as error:
            # What Python's parser cannot take (see load_json), at the document's line.
            line = text.count("\n", 0, position) + 1
            key = "json.too_deep" if isinstance(error, RecursionError) else "json.too_long"
            raise InputError(Problem(f"{source}:{line}", say(key))) from None
        row += 1
        yield row, text.count("\n", 0, position) + 1, document
        position = end


BATCH_RECORD_KEYS = frozenset({"source", "row", "respondent_id", "result", "input"})
"""The keys of a line of `batch --format jsonl` output."""


def _unwrapped_record(document: Any, source: str) -> tuple[Any, Optional[str]]:
    """A line of `batch --format jsonl` output read back (by `batch` again, or by
    `analyze`): its result, which holds every answer, and its respondent id (already a
    pseudonym when that run made pseudonyms). Anything else is passed on as it is."""
    if isinstance(document, str):
        document = load_json(document, source, AnswerSheetError)
    if (
        isinstance(document, dict)
        and isinstance(document.get("result"), dict)
        and set(document) <= BATCH_RECORD_KEYS
    ):
        carried = document.get("respondent_id")
        return document["result"], str(carried) if carried not in (None, "") else None
    return document, None


def _sheet_of(document: Any, source: str) -> AnswerSheet:
    """The answer sheet a JSON document (text or parsed) is, or holds: a saved result
    carries every answer, and where they came from."""
    if isinstance(document, str):
        document = load_json(document, source, AnswerSheetError)
    if isinstance(document, dict) and "overall" in document:
        result = validate_document(document, Result, source, AnswerSheetError)
        fields = set(AnswerSheet.model_fields) - {"schema_version"}
        return AnswerSheet.model_validate(result.model_dump(include=fields))
    return validate_document(document, AnswerSheet, source, AnswerSheetError)


def _sheet_identifier(sheet: AnswerSheet, settings: BatchSettings) -> tuple[Optional[str], str]:
    """Who answered: the profile field named by the id column, else the NIP, NI PPPK or
    name (not yet pseudonymised), with what kind of identifier it is."""
    respondent = sheet.respondent
    if respondent is None:
        return None, "other"
    wanted = settings.id_column
    fields = ([wanted] if wanted in type(respondent).model_fields else []) + [
        "nip",
        "ni_pppk",
        "name",
    ]
    for name in fields:
        value = getattr(respondent, name)
        if value:
            return str(value), {"nip": "nip", "ni_pppk": "nip", "name": "name"}.get(name, "other")
    return None, "other"


def _pseudonym(value: Optional[str], kind: str, settings: BatchSettings) -> Optional[str]:
    """``value`` as it goes out: pseudonymised when asked (``kind``: how to normalise it
    first, see ``pseudonyms.normalise_identifier``)."""
    if value and settings.pseudonymize:
        return settings.pseudonymize(value, kind)  # type: ignore[arg-type]
    return value


_IDENTIFYING_FIELDS = ("name", "nip", "ni_pppk")
"""The fields of a respondent's profile that name the person."""


def _without_identifiers(sheet: AnswerSheet, target: Optional[str]) -> AnswerSheet:
    """``sheet`` as a pseudonymised run keeps it, for every output: the person rated
    as their pseudonym ``target``, and no name, NIP or NI PPPK in the profile (the unit
    and position stay, for summaries)."""
    update: dict[str, Any] = {}
    if sheet.target is not None:
        update["target"] = target
    respondent = sheet.respondent
    if respondent is not None and any(getattr(respondent, f) for f in _IDENTIFYING_FIELDS):
        kept = respondent.model_copy(update=dict.fromkeys(_IDENTIFYING_FIELDS))
        update["respondent"] = kept if kept.unit or kept.position else None
    return sheet.model_copy(update=update) if update else sheet


def _sheet_group(sheet: AnswerSheet, field_name: str) -> str:
    respondent = sheet.respondent
    value = getattr(respondent, field_name, None) if respondent is not None else None
    return str(value) if value else ""
