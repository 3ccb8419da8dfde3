"""Text cells of a table block turned into answers: item scores per row, or the reasons
a row is rejected.

Cells arrive dictionary-encoded (an item has a handful of distinct answers), so each
distinct text of a block is matched once; the item score of each answer value comes
from ``core.scoring.item_score`` and is looked up per row.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Optional

import numpy as np

from asn_assess.analysis.quality import answering_seconds
from asn_assess.batch.blocks import AnswerBlock, AnswerValues, ColumnNotes, RowError
from asn_assess.batch.columns import LENIENT_NIP_HEADERS, ColumnPlan, Mapping, value_lookup
from asn_assess.batch.form_names import role_codes
from asn_assess.batch.headers import short_header
from asn_assess.batch.identities import checked_ids
from asn_assess.batch.pseudonyms import Pseudonymizer
from asn_assess.batch.settings import BatchSettings
from asn_assess.batch.timestamps import parse_timestamp
from asn_assess.core.answer_codes import NO_ANSWER_CODE, AnswerCodes
from asn_assess.core.answers import (
    answer_code,
    normalise_header,
    normalise_label,
    parse_rater_group,
    parse_role,
    rater_groups_text,
)
from asn_assess.core.documents import AnswerValue, rated_person
from asn_assess.core.i18n import say
from asn_assess.core.models import NOT_APPLICABLE, SELF, Bank, is_rater
from asn_assess.core.scoring import FloatColumn, IntColumn, ItemColumn, ItemColumns, item_score

NO_ANSWERS = "no answers: every item is empty"
ROW_ID_PREFIX = "row-"  # with the row number: the id of a row whose id cell is empty
MATCH_MEMO_TEXTS = 1024  # distinct texts remembered per item (an item has a handful)

_Match = tuple[float, bool, bool, Optional[AnswerValue], bool, int]

# The texts of cells of one byte, by that byte (only ASCII occurs in UTF-8), then the
# empty cell: where ``CellReader._coded`` codes cells without reading them as text.
_BYTE_TEXTS: list[Optional[str]] = [*(chr(byte) for byte in range(256)), ""]
EMPTY_CODE = 256
_N_BYTES = np.array([ord("n"), ord("N")])


def _is_plain_text(cells: Any) -> bool:
    """A pyarrow string array without nulls (as the CSV reader gives item columns)."""
    return (
        not hasattr(cells, "dictionary") and cells.null_count == 0 and str(cells.type) == "string"
    )


class CellReader:
    """Reads the answers of one table's blocks, as planned by its ``ColumnPlan``."""

    @classmethod
    def for_run(
        cls,
        settings: BatchSettings,
        plan: ColumnPlan,
        source: str,
        notes: Optional[ColumnNotes] = None,
    ) -> CellReader:
        """A reader for one input of a batch run, keeping what the run's outputs need
        (and noting in ``notes`` what the run should say about the columns)."""
        return cls(
            settings.bank,
            plan,
            source,
            settings.mapping,
            settings.pseudonymize,
            keep_sheets=settings.full_results,
            keep_codes=settings.needs_answer_codes,
            notes=notes,
        )

    def __init__(
        self,
        bank: Bank,
        plan: ColumnPlan,
        source: str,
        mapping: Optional[Mapping] = None,
        pseudonymize: Optional[Pseudonymizer] = None,
        keep_sheets: bool = False,
        keep_codes: bool = False,
        notes: Optional[ColumnNotes] = None,
    ):
        self.bank = bank
        self.notes = notes if notes is not None else ColumnNotes()
        self.plan = plan
        self.source = source
        self.pseudonymize = pseudonymize
        self.keep_sheets = keep_sheets
        self.keep_codes = keep_codes
        self._matches: dict[str, dict[Optional[str], _Match]] = {}  # item -> text -> match
        self._byte_matches: dict[str, tuple[Any, ...]] = {}  # item -> ``_match`` of _BYTE_TEXTS
        self._stacked: Optional[tuple[tuple[Any, ...], dict[str, int]]] = None
        self.lookups = {
            item_id: value_lookup(bank, bank.items[item_id], mapping)
            for item_id in plan.items.values()
        }
        # Roles as a generated LimeSurvey form records them, besides ids and names.
        self.role_codes = role_codes(bank) if plan.role_column is not None else {}
        self.code_of = {
            item_id: {
                value: answer_code(bank, bank.items[item_id], value)
                for value in set(lookup.values())
            }
            for item_id, lookup in self.lookups.items()
        }
        # Items whose scale reads "n" as a point (an abbreviation such as N, Netral).
        self._n_as_point = {
            item_id
            for item_id, lookup in self.lookups.items()
            if lookup.get("n", NOT_APPLICABLE) != NOT_APPLICABLE
        }
        self.score_of = {
            item_id: {
                value: item_score(bank, bank.items[item_id], value)
                for value in set(lookup.values())
                if value != NOT_APPLICABLE
            }
            for item_id, lookup in self.lookups.items()
        }

    def read(
        self,
        batch: Any,
        row_numbers: IntColumn,
        row_lines: IntColumn,
        on_error: Callable[[RowError], None],
    ) -> AnswerBlock:
        """The accepted rows of a pyarrow record batch (their data row numbers and the
        lines they start on); every other row goes to ``on_error`` with all its
        reasons."""
        rows = batch.num_rows
        scores: dict[str, tuple[Any, Any, Any]] = {}
        values: dict[str, Any] = {}
        answer_codes: AnswerCodes = {}
        bad_cells: dict[int, list[str]] = {}
        answered_any = np.zeros(rows, dtype=bool)
        planned = list(self.plan.items.items())
        coded = [self._coded(item_id, batch.column(column)) for column, item_id in planned]
        if self._n_as_point:
            self._note_n(coded)
        gathered = self._gathered_by_bytes(planned, coded)
        for number, (column, item_id) in enumerate(planned):
            texts, codes, distinct = coded[number]
            if number in gathered:
                item_scores, answered, not_applicable, bad, item_codes = gathered[number]
            else:
                item_scores, answered, not_applicable = (part[codes] for part in distinct[:3])
                bad = distinct[4][codes] if distinct[4].any() else None
                item_codes = distinct[5][codes] if self.keep_codes else None
            scores[item_id] = (item_scores, answered, not_applicable)
            # Answer values (an object gather, the costliest) only for full results.
            if self.keep_sheets:
                values[item_id] = AnswerValues(distinct[3], codes)
            if item_codes is not None:
                answer_codes[item_id] = item_codes
            answered_any |= answered | not_applicable
            if bad is not None and bad.any():
                header = self.plan.headers[column]
                self.notes.not_answers.setdefault(header, item_id)
                header = short_header(header)
                for row in np.flatnonzero(bad):
                    bad_cells.setdefault(int(row), []).append(
                        self._bad_cell(item_id, texts[codes[row]], header)
                    )
        raw_ids = self._ids(batch, self.plan.id_column, bad_cells, self.notes)
        ids = self._pseudonyms(raw_ids)
        if self.plan.id_column is not None:  # an empty id: the row's number stands for it
            ids = [
                who if who is not None else f"{ROW_ID_PREFIX}{number}"
                for who, number in zip(ids, row_numbers.tolist(), strict=True)
            ]
        roles = self._roles(batch, bad_cells)
        groups = self._rater_groups(batch, bad_cells)
        targets = self._targets(batch, raw_ids, groups, bad_cells)
        if roles is not None or groups is not None:
            self._check_asked(roles, groups, scores, bad_cells)
        rejected = ~answered_any
        rejected[list(bad_cells)] = True
        for row in np.flatnonzero(rejected):
            reasons = bad_cells.get(int(row)) or [NO_ANSWERS]
            line = int(row_lines[row])
            on_error(RowError(self.source, int(row_numbers[row]), line, ids[row], reasons))
        keep = np.flatnonzero(~rejected)
        every_row = keep.size == rows  # the usual case: nothing to leave out
        columns: ItemColumns = {
            item_id: ItemColumn(*parts)
            if every_row
            else ItemColumn(parts[0][keep], parts[1][keep], parts[2][keep])
            for item_id, parts in scores.items()
        }
        kept_rows = keep.tolist()

        def kept(values: list[Any]) -> list[Any]:
            return values if every_row else [values[row] for row in kept_rows]

        block = AnswerBlock(
            source=self.source,
            rows=row_numbers if every_row else row_numbers[keep],
            respondent_ids=kept(ids),
            item_columns=columns,
        )
        if roles is not None:
            block.roles = kept(roles)
        if groups is not None:
            block.rater_groups = kept(groups)
        if targets is not None:
            block.targets = kept(targets)
        if self.plan.kept:
            block.kept = {
                name: kept(self._column(batch, column)) for name, column in self.plan.kept
            }
        if self.plan.group_column is not None:
            summary_groups = batch.column(self.plan.group_column).to_pylist()
            block.groups = [summary_groups[row] or "" for row in kept_rows]
        if self.keep_sheets:  # answer sheets are made from these only when asked for
            block.answer_values = (
                values
                if every_row
                else {
                    item_id: AnswerValues(v.distinct, v.codes[keep])
                    for item_id, v in values.items()
                }
            )
        if self.keep_codes:
            block.answer_codes = (
                answer_codes
                if every_row
                else {item_id: codes[keep] for item_id, codes in answer_codes.items()}
            )
        if self.plan.started_column is not None and self.plan.finished_column is not None:
            block.seconds = _seconds_between(
                batch.column(self.plan.started_column).to_pylist(),
                batch.column(self.plan.finished_column).to_pylist(),
            )[keep]
        return block

    def _gathered_by_bytes(
        self, columns: list[tuple[int, str]], coded: list[tuple[Any, ...]]
    ) -> dict[int, tuple[Any, ...]]:
        """For the columns (by position in ``columns``) whose cells are all coded by
        their bytes (most of them): item scores, answered, not applicable, not an answer
        (None when no cell is one) and answer codes (None unless kept), all gathered at
        once from the items' tables of one-byte texts, stacked."""
        byte_coded = [n for n, (texts, _, _) in enumerate(coded) if texts is _BYTE_TEXTS]
        if not byte_coded:
            return {}
        tables, offsets = self._stacked_byte_tables()
        item_offsets = np.array([offsets[columns[n][1]] for n in byte_coded], dtype=np.int64)
        index = np.stack([coded[n][1] for n in byte_coded]) + item_offsets[:, None]
        item_scores, answered, not_applicable, bad = (tables[part][index] for part in (0, 1, 2, 4))
        item_codes = tables[5][index] if self.keep_codes else None
        has_bad = bad.any(axis=1)
        return {
            n: (
                item_scores[j],
                answered[j],
                not_applicable[j],
                bad[j] if has_bad[j] else None,
                item_codes[j] if item_codes is not None else None,
            )
            for j, n in enumerate(byte_coded)
        }

    def _stacked_byte_tables(self) -> tuple[tuple[Any, ...], dict[str, int]]:
        """Every item's ``_match`` of the one-byte texts, one after the other, and where
        each item's part begins."""
        if self._stacked is None:
            item_ids = list(dict.fromkeys(self.plan.items.values()))
            parts = [self._byte_table(item_id) for item_id in item_ids]
            tables = tuple(np.concatenate(column) for column in zip(*parts, strict=True))
            offsets = {item_id: n * len(_BYTE_TEXTS) for n, item_id in enumerate(item_ids)}
            self._stacked = (tables, offsets)
        return self._stacked

    def _byte_table(self, item_id: str) -> tuple[Any, ...]:
        """``_match`` of the one-byte texts and the empty text, for one item."""
        table = self._byte_matches.get(item_id)
        if table is None:
            table = self._byte_matches[item_id] = self._match(item_id, _BYTE_TEXTS)
        return table

    def _coded(self, item_id: str, cells: Any) -> tuple[list[Optional[str]], Any, tuple[Any, ...]]:
        """An item column's distinct texts, each cell's index into them, and what each
        distinct text is (``_match``).

        Most answers are one character ("4", "b") or empty. A text column's cells are
        told apart by their bytes, all at once: a cell of one byte is coded by that
        byte (an ASCII character), an empty cell as ``EMPTY_CODE``, and only longer
        cells ("Setuju", " 4") are read as Python text and coded after those."""
        if not _is_plain_text(cells):  # dictionary-encoded or with nulls: by its texts
            if not hasattr(cells, "dictionary"):
                cells = cells.dictionary_encode()
            texts = cells.dictionary.to_pylist()
            return texts, cells.indices.to_numpy(zero_copy_only=False), self._match(item_id, texts)
        size = len(cells)
        offsets = np.frombuffer(cells.buffers()[1], dtype=np.int32)[
            cells.offset : cells.offset + size + 1
        ]
        data_buffer = cells.buffers()[2]
        data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else None
        starts = offsets[:-1]
        lengths = offsets[1:] - starts
        codes = np.full(size, EMPTY_CODE, dtype=np.int64)
        single = np.flatnonzero(lengths == 1)
        if single.size and data is not None:
            codes[single] = data[starts[single]]
        texts = _BYTE_TEXTS
        base = self._byte_table(item_id)
        longer = np.flatnonzero(lengths > 1)
        if longer.size == 0 or data is None:
            return texts, codes, base
        raw = data.tobytes()
        found: dict[str, int] = {}
        for row in longer.tolist():
            start = int(starts[row])
            text = raw[start : start + int(lengths[row])].decode("utf-8", errors="replace")
            codes[row] = found.setdefault(text, len(_BYTE_TEXTS) + len(found))
        extra: list[Optional[str]] = list(found)
        more = self._match(item_id, extra)
        return (
            [*texts, *extra],
            codes,
            tuple(
                np.concatenate([part, extra_part])
                for part, extra_part in zip(base, more, strict=True)
            ),
        )

    def _match(self, item_id: str, texts: list[Optional[str]]) -> tuple[Any, ...]:
        """Per distinct cell text: (item score, answered, not applicable, answer value,
        not an answer, answer code)."""
        memo = self._matches.setdefault(item_id, {})
        if len(memo) > MATCH_MEMO_TEXTS:  # free text in an item column: start afresh
            memo.clear()
        matched = [
            memo.get(text) or memo.setdefault(text, self._match_text(item_id, text))
            for text in texts
        ]
        parts = list(zip(*matched, strict=True)) if matched else [()] * 6
        return (
            np.array(parts[0], dtype=np.float64),
            np.array(parts[1], dtype=bool),
            np.array(parts[2], dtype=bool),
            np.array(parts[3], dtype=object),
            np.array(parts[4], dtype=bool),
            np.array(parts[5], dtype=np.int16),
        )

    def _match_text(self, item_id: str, text: Optional[str]) -> _Match:
        """What one cell text of an item is (see ``_match``)."""
        key = normalise_label(text or "")
        if not key:
            return (0.0, False, False, None, False, NO_ANSWER_CODE)
        value = self.lookups[item_id].get(key)
        if value is None:
            return (0.0, False, False, None, True, NO_ANSWER_CODE)
        if value == NOT_APPLICABLE:
            return (0.0, False, True, value, False, NO_ANSWER_CODE)
        return (
            self.score_of[item_id][value],
            True,
            False,
            value,
            False,
            self.code_of[item_id][value],
        )

    def _note_n(self, coded: list[tuple[Any, ...]]) -> None:
        """Note the columns whose cells hold ``n`` where it means a scale's point (the
        agreement scale's N) and whether ``n`` means "not applicable" elsewhere: both in
        one run is worth a warning. The other columns are looked at only once ``n`` has
        been seen as a point (every column of every block would cost a run ~10%)."""
        planned = list(self.plan.items.items())
        for as_point in (True, False):
            if not as_point and (self.notes.n_as_not_applicable or not self.notes.n_as_point):
                return
            for number, (column, item_id) in enumerate(planned):
                if (item_id in self._n_as_point) != as_point or not self._has_n(coded[number]):
                    continue
                if as_point:
                    self.notes.n_as_point.setdefault(self.plan.headers[column], item_id)
                else:
                    self.notes.n_as_not_applicable = True
                    return

    @staticmethod
    def _has_n(coded: tuple[Any, ...]) -> bool:
        """Whether a column's cells (``_coded``) hold an ``n``."""
        texts, codes, _ = coded
        if texts is _BYTE_TEXTS:
            return bool(np.isin(codes, _N_BYTES).any())
        n_codes = [i for i, text in enumerate(texts) if normalise_label(text or "") == "n"]
        return bool(n_codes) and bool(np.isin(codes, n_codes).any())

    def _roles(self, batch: Any, bad_cells: dict[int, list[str]]) -> Optional[list[Optional[str]]]:
        """Each row's role id from the role column (None when empty); a value that names
        no role of the bank is a reason to reject the row."""
        column = self.plan.role_column
        if column is None:
            return None
        known = ", ".join(role.id for role in self.bank.roles) or say("cell.none_known")
        codes = self.role_codes
        roles: list[Optional[str]] = []
        for row, raw in enumerate(batch.column(column).to_pylist()):
            role = (
                parse_role(self.bank, raw) or codes.get(raw.strip().casefold())
                if raw and raw.strip()
                else None
            )
            if raw and raw.strip() and role is None:
                reason = say("cell.not_a_role", text=quoted_cell(raw), known=known)
                bad_cells.setdefault(row, []).append(reason)
            roles.append(role)
        return roles

    def _rater_groups(self, batch: Any, bad_cells: dict[int, list[str]]) -> Optional[list[str]]:
        """Each row's rater group (``self`` when empty); a value that names no group of
        the bank is a reason to reject the row."""
        column = self.plan.rater_group_column
        if column is None:
            return None
        groups: list[str] = []
        for row, raw in enumerate(batch.column(column).to_pylist()):
            group = parse_rater_group(self.bank, raw) if raw and raw.strip() else SELF
            if group is None:
                known = rater_groups_text(self.bank)
                reason = say("cell.not_a_rater_group", text=quoted_cell(raw), known=known)
                bad_cells.setdefault(row, []).append(reason)
            groups.append(group or SELF)
        return groups

    def _targets(
        self,
        batch: Any,
        raw_ids: list[Optional[str]],
        groups: Optional[list[str]],
        bad_cells: dict[int, list[str]],
    ) -> Optional[list[Optional[str]]]:
        """Who each row rates: its target cell or, on a person's own answers, the
        respondent id; pseudonymised when asked. A rater's row must name its target."""
        column = self.plan.target_column
        if column is None and groups is None:
            return None
        cells = self._ids(batch, column, bad_cells)
        targets: list[Optional[str]] = []
        for row, raw in enumerate(cells):
            group = groups[row] if groups is not None else SELF
            target = rated_person(raw, group, raw_ids[row])
            if target is None and is_rater(group):
                bad_cells.setdefault(row, []).append(say("cell.no_target"))
            targets.append(self.pseudonymize(target) if target and self.pseudonymize else target)
        return targets

    def _check_asked(
        self,
        roles: Optional[list[Optional[str]]],
        groups: Optional[list[str]],
        scores: dict[str, tuple[Any, Any, Any]],
        bad_cells: dict[int, list[str]],
    ) -> None:
        """An answer to an item the row is not asked (by its role or, for a rater, by
        its group) is not used silently."""
        rows = len(roles if roles is not None else groups or [])
        kinds = list(
            zip(
                roles or [None] * rows,
                [g if is_rater(g) else None for g in groups] if groups else [None] * rows,
                strict=True,
            )
        )
        for kind in set(kinds):
            role, group = kind
            of_kind = np.array([k == kind for k in kinds], dtype=bool)
            asked = {item.id for item in self.bank.items_asked_of(role, group)}
            for item_id, (_, answered, not_applicable) in scores.items():
                if item_id in asked:
                    continue
                reason = (
                    say("cell.not_asked_of_role", item=item_id, role=role)
                    if not self.bank.items[item_id].asked_of(role)
                    else say("cell.not_asked_of_group", item=item_id, group=group)
                )
                for row in np.flatnonzero((answered | not_applicable) & of_kind):
                    bad_cells.setdefault(int(row), []).append(reason)

    def _bad_cell(self, item_id: str, text: Optional[str], header: str) -> str:
        if self.pseudonymize is not None:  # a cell may hold anything typed: a name, an e-mail
            return say("privacy.cell_withheld", item=item_id, column=header)
        return say("cell.not_an_answer", item=item_id, text=quoted_cell(text), column=header)

    def _ids(
        self,
        batch: Any,
        column: Optional[int],
        bad_cells: dict[int, list[str]],
        notes: Optional[ColumnNotes] = None,
    ) -> list[Optional[str]]:
        """An id column's cells (None for each row without one): "Anonymous" read as
        empty, an id a spreadsheet mangled a reason to reject its row
        (``identities``)."""
        if column is None:
            return [None] * batch.num_rows
        header = self.plan.headers[column]
        values, reasons = checked_ids(
            batch.column(column),
            self.plan.kind_of(column),
            short_header(header),
            lenient_nip=normalise_header(header) in LENIENT_NIP_HEADERS,
            withheld=self.pseudonymize is not None,
            notes=notes,
        )
        for row, reason in reasons.items():
            bad_cells.setdefault(row, []).append(reason)
        return values

    @staticmethod
    def _column(batch: Any, column: Optional[int]) -> list[Optional[str]]:
        """A text column's cells, or None for each row when there is no such column."""
        if column is None:
            return [None] * batch.num_rows
        cells: list[Optional[str]] = batch.column(column).to_pylist()
        return cells

    def _pseudonyms(self, raw: list[Optional[str]]) -> list[Optional[str]]:
        """Respondent ids as they go out: pseudonymised when asked."""
        if self.pseudonymize is None:
            return [value or None for value in raw]
        kind = self.plan.id_kind
        return [self.pseudonymize(value, kind) if value else None for value in raw]


def _seconds_between(started: list[Optional[str]], finished: list[Optional[str]]) -> FloatColumn:
    """Per row, the seconds from the start to the end timestamp; NaN when either is
    missing or unreadable, or the end comes first. Timing is survey metadata: a bad
    timestamp leaves the row untimed and never rejects it."""
    seconds = [
        answering_seconds(None, parse_timestamp(begin), parse_timestamp(end))
        for begin, end in zip(started, finished, strict=True)
    ]
    return np.array([math.nan if s is None else s for s in seconds], dtype=np.float64)


QUOTED_CELL_LIMIT = 40
"""How much of a cell a rejection reason quotes: enough to recognise it, not a screenful
(a cell may hold thousands of characters)."""


def quoted_cell(text: Optional[str]) -> str:
    """A cell as a rejection reason quotes it: in quotes, cut short when long."""
    if text is not None and len(text) > QUOTED_CELL_LIMIT:
        start = repr(text[:QUOTED_CELL_LIMIT])
        return say("cell.cut_short", start=f"{start[:-1]}…{start[-1]}", count=len(text))
    return repr(text)
