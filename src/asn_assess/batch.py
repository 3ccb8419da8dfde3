"""Scoring many respondents: `asn-assess batch`.

Every input row ends as exactly one of: a scored output row, or an error record naming
the file, the row (or line) and every reason. Nothing here prints; the CLI passes sinks
and a progress callback.

Tables (CSV, survey exports) stream through pyarrow's CSV reader in blocks and are
scored by ``fastscore.ColumnarScorer``; answer sheets (JSONL, JSON arrays) go one by one
through ``scoring.score``. Both give the same scores (tests/test_batch_equivalence.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, Optional

from asn_assess.answers import normalise_label
from asn_assess.columns import ColumnPlan, Mapping, plan_columns, value_lookup
from asn_assess.errors import AssessError, Problem
from asn_assess.files import read_text
from asn_assess.models import AnswerSheet, Bank, Result

# Rows are read about 256 KiB at a time. pyarrow's reader holds several times a block in
# memory per column set, so larger blocks cost memory (1 MiB: ~165 MB peak) for little
# speed; this size keeps a million-row run near 130 MB.
BLOCK_BYTES = 1 << 18
HEAD_BYTES = 1 << 16  # enough of a file to see its header and kind; open with this buffer


class InputError(AssessError):
    """An input file that cannot be read at all."""


# --- small pieces ---------------------------------------------------------------------------


class Pseudonymizer:
    """Replaces an identifier by HMAC-SHA256(key, identifier): stable for one key, not
    reversible without it. The key file holds the secret as text; keep it safe."""

    def __init__(self, key: bytes):
        self._key = key

    @classmethod
    def from_key_file(cls, path: Path) -> "Pseudonymizer":
        key = read_text(path, InputError).strip().encode("utf-8")
        if len(key) < 16:
            raise InputError(Problem(str(path), "the key file must hold at least 16 characters "
                                                "of secret (see docs/batch.md)"))
        return cls(key)

    def __call__(self, identifier: str) -> str:
        return hmac.new(self._key, identifier.strip().encode("utf-8"), hashlib.sha256).hexdigest()[:32]


@dataclass
class RowError:
    """A rejected input row. ``row`` counts data records from 1 (the first after a
    table's header); ``line`` is set for a JSONL answer sheet."""

    source: str
    row: Optional[int]
    line: Optional[int]
    respondent_id: Optional[str]
    reasons: list[str]

    def to_json(self) -> str:
        return json.dumps({"source": self.source, "row": self.row, "line": self.line,
                           "respondent_id": self.respondent_id, "reasons": self.reasons},
                          ensure_ascii=False)

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else f"line {self.line}"
        who = f" ({self.respondent_id})" if self.respondent_id else ""
        return f"{self.source}: {where}{who}: {'; '.join(self.reasons)}"


@dataclass
class BatchCounts:
    read: int = 0
    scored: int = 0
    rejected: int = 0
    unused_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)


# --- output columns ---------------------------------------------------------------------------


def output_columns(bank: Bank) -> list[str]:
    """The flat CSV columns, one row per respondent."""
    columns = ["source", "row", "respondent_id", "answered_items", "total_items",
               "overall_score", "overall_band"]
    for pillar in bank.pillars:
        columns += [f"pillar.{pillar.id}.{part}"
                    for part in ("score", "band", "answered_items", "scored_indicators")]
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            columns += [f"indicator.{indicator.id}.{part}" for part in ("score", "band", "answered_items")]
    return columns


def result_row(result: Result, source: str, row: int, respondent_id: Optional[str]) -> dict[str, Any]:
    """A result as one flat output row (the same columns as the columnar path)."""
    values: dict[str, Any] = {
        "source": source, "row": row, "respondent_id": respondent_id,
        "answered_items": result.overall.answered_items, "total_items": result.overall.total_items,
        "overall_score": result.overall.score, "overall_band": result.overall.band,
    }
    for pillar in result.pillars:
        values[f"pillar.{pillar.id}.score"] = pillar.score
        values[f"pillar.{pillar.id}.band"] = pillar.band
        values[f"pillar.{pillar.id}.answered_items"] = pillar.answered_items
        values[f"pillar.{pillar.id}.scored_indicators"] = pillar.scored_indicators
    for pillar in result.pillars:
        for indicator in pillar.indicators:
            values[f"indicator.{indicator.id}.score"] = indicator.score
            values[f"indicator.{indicator.id}.band"] = indicator.band
            values[f"indicator.{indicator.id}.answered_items"] = indicator.answered_items
    return values


# --- reading tables ---------------------------------------------------------------------------


def detect_delimiter(head: bytes) -> str:
    """`,`, `;` or tab: the one that splits most of the first records of ``head`` into as
    many fields as the header. Counting the header alone is not enough: a question text
    may hold commas in a `;`-separated file saved by a spreadsheet."""
    import csv
    import io

    text = head.decode("utf-8-sig", errors="replace")
    if len(head) >= HEAD_BYTES:  # drop a record cut off at the end of the sample
        text = text[: text.rfind("\n") + 1] or text

    def fit(delimiter: str) -> tuple[bool, int, int, bool]:
        # Most records as wide as the header, with a header of more than one column.
        try:
            records = [r for _, r in zip(range(20), csv.reader(io.StringIO(text, newline=""),
                                                                 delimiter=delimiter)) if r]
        except csv.Error:
            return (False, 0, 0, False)
        width = len(records[0]) if records else 0
        matching = sum(len(r) == width for r in records)
        return (width > 1, matching, width, delimiter == ",")

    return max(",;\t", key=fit)


def header_names(head: bytes, delimiter: str) -> list[str]:
    """The header row's fields (a header may hold quoted line breaks)."""
    import csv
    import io

    text = head.decode("utf-8-sig", errors="replace")
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])


def is_answer_sheets(head: bytes) -> bool:
    """JSON (an array or one object per line) rather than a table."""
    return head.decode("utf-8-sig", errors="replace").lstrip()[:1] in ("{", "[")


@dataclass
class TableSettings:
    bank: Bank
    mapping: Optional[Mapping] = None
    id_column: Optional[str] = None
    group_column: Optional[str] = None
    pseudonymize: Optional[Pseudonymizer] = None
    want_results: bool = False  # full Result objects (JSONL output): the one-by-one path


@dataclass
class ScoredBlock:
    """Scored rows of one block, as columns (``table``) or as results."""

    table: Any = None  # pyarrow.Table with output_columns(bank)
    results: list[tuple[str, int, Optional[str], Result]] = field(default_factory=list)  # source, row, id
    # With a summary: (group, pillar scores then overall, overall band) per scored row.
    summary_rows: list[tuple[str, list[Optional[float]], Optional[str]]] = field(default_factory=list)


def read_table(stream: BinaryIO, source: str, settings: TableSettings, counts: BatchCounts,
               on_error: Callable[[RowError], None]) -> Iterator[ScoredBlock]:
    """Stream a CSV-like table: yield scored blocks, report every rejected row."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]
    delimiter = detect_delimiter(head)
    names = header_names(head, delimiter)
    malformed: list[RowError] = []  # reported once the block they were found in is read
    skipped_rows: list[int] = []  # data row numbers of malformed records, in file order

    def skip_malformed(row) -> str:
        # pyarrow numbers records from 1 with the header as record 1 (known because the
        # reader runs on one thread); a data row number counts from the first record after it.
        data_row = row.number - 1 if row.number is not None else None
        if data_row is not None:
            skipped_rows.append(data_row)
        malformed.append(RowError(source, data_row, None, None,
                                  [f"has {row.actual_columns} fields, the header has {row.expected_columns}"]))
        return "skip"

    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                               invalid_row_handler=skip_malformed)
    read = pacsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES)
    plan = plan_columns(names, settings.bank, settings.mapping, settings.id_column,
                        settings.group_column, source)
    # Every column as text: answers are matched as labels, never guessed by the reader as
    # numbers (which would fail when a later block holds a label). Item columns arrive
    # dictionary-encoded: an item has a handful of distinct answers, so each block is
    # matched once per distinct text.
    answer_type = pa.dictionary(pa.int32(), pa.string())
    convert = pacsv.ConvertOptions(column_types={
        name: answer_type if index in plan.items else pa.string()
        for index, name in enumerate(names)})
    try:
        reader = pacsv.open_csv(stream, read_options=read, parse_options=parse,
                                convert_options=convert)
    except (pa.ArrowInvalid, UnicodeDecodeError) as error:
        raise InputError(Problem(source, f"cannot be read as a table: {error}")) from None
    counts.unused_columns[source] = plan.unused
    scorer = _BlockScorer(settings, plan, source)
    well_formed = 0  # rows read so far that split into the right number of fields

    def report_malformed() -> None:
        for error in malformed:
            counts.read += 1
            counts.rejected += 1
            on_error(error)
        malformed.clear()

    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, UnicodeDecodeError) as error:
            raise InputError(Problem(f"{source}: after row {well_formed + len(skipped_rows)}",
                                     f"cannot be read: {error}")) from None
        report_malformed()
        if batch.num_rows:
            numbers = data_row_numbers(well_formed, batch.num_rows, skipped_rows)
            yield scorer.score(batch, numbers, counts, on_error)
            well_formed += batch.num_rows
    report_malformed()  # rows skipped while reading the last block


def data_row_numbers(before: int, rows: int, skipped: list[int]):
    """The data row numbers of ``rows`` well-formed rows that follow ``before`` others,
    given the row numbers that malformed records took (ascending).

    The k-th skipped record (0-based) came after ``skipped[k] - 1 - k`` well-formed rows,
    so the j-th well-formed row (1-based) moves down by one for each skipped record
    that came after fewer than j well-formed rows."""
    import numpy as np

    positions = np.arange(before + 1, before + rows + 1)
    preceding = np.array(skipped, dtype=np.int64) - 1 - np.arange(len(skipped))
    return positions + np.searchsorted(preceding, positions, side="left")


class _BlockScorer:
    """Turns one block of text cells into scores (or into error records)."""

    def __init__(self, settings: TableSettings, plan: ColumnPlan, source: str):
        from asn_assess.fastscore import ColumnarScorer

        self.settings = settings
        self.bank = settings.bank
        self.plan = plan
        self.source = source
        self.scorer = ColumnarScorer(self.bank)
        self.lookups = {item_id: value_lookup(self.bank, self.bank.items[item_id], settings.mapping)
                        for item_id in plan.items.values()}
        self.band_ids = [band.id for band in self.bank.bands]
        self.score_cache = {
            item_id: {value: self.scorer.item_score_of(item_id, value) for value in set(lookup.values())}
            for item_id, lookup in self.lookups.items()
        }

    def score(self, batch, row_numbers, counts: BatchCounts,
              on_error: Callable[[RowError], None]) -> ScoredBlock:
        import numpy as np

        rows = batch.num_rows
        counts.read += rows
        item_scores: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        item_values: dict[str, np.ndarray] = {}
        bad_cells: dict[int, list[str]] = {}
        for column, item_id in self.plan.items.items():
            encoded = batch.column(column)
            if not hasattr(encoded, "dictionary"):  # a header repeated under another role
                encoded = encoded.dictionary_encode()
            texts = encoded.dictionary.to_pylist()
            lookup, cache = self.lookups[item_id], self.score_cache[item_id]
            scores = np.zeros(len(texts))
            answered = np.zeros(len(texts), dtype=bool)
            values = np.empty(len(texts), dtype=object)
            bad = np.zeros(len(texts), dtype=bool)
            for index, text in enumerate(texts):
                key = normalise_label(text or "")
                if not key:
                    continue
                value = lookup.get(key)
                if value is None:
                    bad[index] = True
                else:
                    scores[index] = cache[value]
                    answered[index] = True
                    values[index] = value
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            item_scores[item_id] = (scores[codes], answered[codes])
            if self.settings.want_results:
                item_values[item_id] = values[codes]
            if bad.any():
                header = self.plan.headers[column]
                for row in np.flatnonzero(bad[codes]):
                    bad_cells.setdefault(int(row), []).append(
                        f"{item_id}: {texts[codes[row]]!r} is not an answer to this item "
                        f"(column {header[:40]!r})")
        block = self.scorer.score_block(item_scores, rows)
        rejected = np.zeros(rows, dtype=bool)
        for row in bad_cells:
            rejected[row] = True
        no_answers = (block.overall.answered == 0) & ~rejected
        ids = self._respondent_ids(batch)
        for row in np.flatnonzero(rejected | no_answers):
            reasons = bad_cells.get(int(row)) or ["no answers: every item is empty"]
            on_error(RowError(self.source, int(row_numbers[row]), None, ids[row], reasons))
        keep = np.flatnonzero(~(rejected | no_answers))
        counts.rejected += rows - len(keep)
        counts.scored += len(keep)
        out = ScoredBlock()
        if self.settings.want_results:
            out.results = list(self._results(keep, item_values, row_numbers, ids))
        else:
            out.table = self._table(block, keep, row_numbers, ids)
        if self.plan.group_column is not None:
            out.summary_rows = self._summary_rows(batch, block, keep)
        return out

    def _respondent_ids(self, batch) -> list[Optional[str]]:
        column = self.plan.id_column
        if column is None:
            return [None] * batch.num_rows
        raw = batch.column(column).to_pylist()
        pseudonymize = self.settings.pseudonymize
        if pseudonymize is None:
            return [value or None for value in raw]
        return [pseudonymize(value) if value else None for value in raw]

    def _results(self, keep, item_values, row_numbers, ids):
        from asn_assess.scoring import score

        bank = self.bank
        for row in keep:
            answers = {item_id: values[row] for item_id, values in item_values.items()
                       if values[row] is not None}
            sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers)
            yield self.source, int(row_numbers[row]), ids[row], score(bank, sheet)

    def _table(self, block, keep, row_numbers, ids):
        import numpy as np
        import pyarrow as pa

        band_ids = pa.array(self.band_ids)

        def scores(level):
            values = level.score[keep]
            return pa.array(values, mask=np.isnan(values))

        def bands(level):
            index = level.band[keep]
            return pa.DictionaryArray.from_arrays(
                pa.array(index, mask=index < 0, type=pa.int32()), band_ids).dictionary_decode()

        data = {
            "source": pa.array([self.source] * len(keep)),
            "row": pa.array(row_numbers[keep]),
            "respondent_id": pa.array([ids[i] for i in keep], type=pa.string()),
            "answered_items": pa.array(block.overall.answered[keep]),
            "total_items": pa.array(np.full(len(keep), self.bank.item_count)),
            "overall_score": scores(block.overall),
            "overall_band": bands(block.overall),
        }
        for pillar in self.bank.pillars:
            level = block.pillars[pillar.id]
            data[f"pillar.{pillar.id}.score"] = scores(level)
            data[f"pillar.{pillar.id}.band"] = bands(level)
            data[f"pillar.{pillar.id}.answered_items"] = pa.array(level.answered[keep])
            data[f"pillar.{pillar.id}.scored_indicators"] = pa.array(block.scored_indicators[pillar.id][keep])
        for pillar in self.bank.pillars:
            for indicator in pillar.indicators:
                level = block.indicators[indicator.id]
                data[f"indicator.{indicator.id}.score"] = scores(level)
                data[f"indicator.{indicator.id}.band"] = bands(level)
                data[f"indicator.{indicator.id}.answered_items"] = pa.array(level.answered[keep])
        return pa.table(data)

    def _summary_rows(self, batch, block, keep):
        groups = batch.column(self.plan.group_column).to_pylist()
        columns = [block.pillars[p.id].score[keep] for p in self.bank.pillars] + [block.overall.score[keep]]
        band_index = block.overall.band[keep]
        return [(groups[row] or "", [float(c[i]) for c in columns],
                 self.band_ids[band_index[i]] if band_index[i] >= 0 else None)
                for i, row in enumerate(keep)]


# --- reading answer sheets ----------------------------------------------------------------------


def read_sheets(stream: BinaryIO, source: str, settings: TableSettings, counts: BatchCounts,
                on_error: Callable[[RowError], None]) -> Iterator[ScoredBlock]:
    """JSON answer sheets: one object per line (streamed), or one JSON array."""
    from asn_assess.documents import parse_document, validate_document
    from asn_assess.errors import AnswerSheetError
    from asn_assess.scoring import score

    bank = settings.bank
    for row, line, document in _json_documents(stream, source):
        counts.read += 1
        respondent_id = None
        try:
            read = parse_document if isinstance(document, str) else validate_document
            sheet = read(document, AnswerSheet, source, AnswerSheetError)
            respondent_id = _sheet_identifier(sheet, settings)
            if not sheet.answers:
                raise AnswerSheetError("no answers: `answers` is empty")
            result = score(bank, sheet)
        except AssessError as error:
            counts.rejected += 1
            reasons = [_without_source(p, source) for p in error.problems]
            if settings.pseudonymize:  # a NIP check's reason quotes the NIP's digits
                reasons = [_withheld(reason) for reason in reasons]
            on_error(RowError(source, row, line, respondent_id, reasons))
            continue
        counts.scored += 1
        block = ScoredBlock(results=[(source, row, respondent_id, result)])
        if settings.group_column:
            block.summary_rows = [(_sheet_group(sheet, settings.group_column),
                                   [p.score for p in result.pillars] + [result.overall.score],
                                   result.overall.band)]
        yield block


def _without_source(problem: Problem, source: str) -> str:
    where = problem.where
    if where.startswith(source):
        where = where[len(source):].lstrip(":").strip()
    return f"{where}: {problem.message}" if where else problem.message


def _withheld(reason: str) -> str:
    path, _, _ = reason.partition(": ")
    if path.startswith("respondent"):
        return f"{path}: not valid (details withheld in a pseudonymised run)"
    return reason


def _json_documents(stream: BinaryIO, source: str) -> Iterator[tuple[int, Optional[int], Any]]:
    """(row, line, document) per answer sheet: a JSONL line as text, or an element of a
    JSON array (read whole) as parsed data."""
    first = stream.peek(HEAD_BYTES)[:HEAD_BYTES].decode("utf-8-sig", errors="replace").lstrip()
    if first.startswith("["):
        text = stream.read().decode("utf-8-sig")
        try:
            documents = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(Problem(f"{source}:{error.lineno}:{error.colno}",
                                     f"invalid JSON: {error.msg}")) from None
        if not isinstance(documents, list):
            raise InputError(Problem(source, "expected a JSON array of answer sheets"))
        for row, document in enumerate(documents, start=1):
            yield row, None, document
        return
    row = 0
    for line_number, raw in enumerate(stream, start=1):
        text = raw.decode("utf-8-sig" if line_number == 1 else "utf-8", errors="replace").strip()
        if not text:
            continue
        row += 1
        yield row, line_number, text


def _sheet_identifier(sheet: AnswerSheet, settings: TableSettings) -> Optional[str]:
    respondent = sheet.respondent
    if respondent is None:
        return None
    wanted = settings.id_column
    value = getattr(respondent, wanted, None) if wanted in type(respondent).model_fields else None
    value = value or respondent.nip or respondent.ni_pppk or respondent.name
    if value and settings.pseudonymize:
        return settings.pseudonymize(value)
    return value


def _sheet_group(sheet: AnswerSheet, field_name: str) -> str:
    respondent = sheet.respondent
    value = getattr(respondent, field_name, None) if respondent is not None else None
    return str(value) if value else ""
