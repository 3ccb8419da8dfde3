"""Text cells of a table block turned into answers: item scores per row, or the reasons
a row is rejected.

Cells arrive dictionary-encoded (an item has a handful of distinct answers), so each
distinct text of a block is matched once; the item score of each answer value comes
from ``core.scoring.item_score`` and is looked up per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import AnswerBlock, RowError, sheet_for_row
from asn_assess.batch.columns import ColumnPlan, Mapping, value_lookup
from asn_assess.batch.pseudonyms import Pseudonymizer
from asn_assess.core.answers import normalise_label
from asn_assess.core.documents import AnswerValue
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank
from asn_assess.core.scoring import IntColumn, ItemColumns, item_score

NO_ANSWERS = "no answers: every item is empty"


class CellReader:
    """Reads the answers of one table's blocks, as planned by its ``ColumnPlan``."""

    def __init__(
        self,
        bank: Bank,
        plan: ColumnPlan,
        source: str,
        mapping: Optional[Mapping] = None,
        pseudonymize: Optional[Pseudonymizer] = None,
        keep_sheets: bool = False,
    ):
        self.bank = bank
        self.plan = plan
        self.source = source
        self.pseudonymize = pseudonymize
        self.keep_sheets = keep_sheets
        self.lookups = {
            item_id: value_lookup(bank, bank.items[item_id], mapping)
            for item_id in plan.items.values()
        }
        self.score_of = {
            item_id: {
                value: item_score(bank, bank.items[item_id], value)
                for value in set(lookup.values())
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
        scores: dict[str, tuple[Any, Any]] = {}
        values: dict[str, Any] = {}
        bad_cells: dict[int, list[str]] = {}
        answered_any = np.zeros(rows, dtype=bool)
        for column, item_id in self.plan.items.items():
            encoded = batch.column(column)
            if not hasattr(encoded, "dictionary"):  # a header repeated under another role
                encoded = encoded.dictionary_encode()
            texts = encoded.dictionary.to_pylist()
            distinct = self._match(item_id, texts)
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            item_scores, answered, answer_values, bad = (part[codes] for part in distinct)
            scores[item_id] = (item_scores, answered)
            values[item_id] = answer_values
            answered_any |= answered
            header = self.plan.headers[column]
            for row in np.flatnonzero(bad):
                bad_cells.setdefault(int(row), []).append(
                    self._bad_cell(item_id, texts[codes[row]], header[:40])
                )
        ids = self._respondent_ids(batch)
        rejected = ~answered_any
        rejected[list(bad_cells)] = True
        for row in np.flatnonzero(rejected):
            reasons = bad_cells.get(int(row)) or [NO_ANSWERS]
            line = int(row_lines[row])
            on_error(RowError(self.source, int(row_numbers[row]), line, ids[row], reasons))
        keep = np.flatnonzero(~rejected)
        columns: ItemColumns = {
            item_id: (item_scores[keep], answered[keep])
            for item_id, (item_scores, answered) in scores.items()
        }
        block = AnswerBlock(
            source=self.source,
            rows=row_numbers[keep],
            respondent_ids=[ids[row] for row in keep],
            item_columns=columns,
        )
        if self.plan.group_column is not None:
            groups = batch.column(self.plan.group_column).to_pylist()
            block.groups = [groups[row] or "" for row in keep]
        if self.keep_sheets:
            block.sheets = [
                sheet_for_row(self.bank, self._answers_of(values, int(row))) for row in keep
            ]
        return block

    def _match(self, item_id: str, texts: list[Optional[str]]) -> tuple[Any, Any, Any, Any]:
        """Per distinct cell text: (item score, answered, answer value, not an answer)."""
        lookup, score_of = self.lookups[item_id], self.score_of[item_id]
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
                scores[index] = score_of[value]
                answered[index] = True
                values[index] = value
        return scores, answered, values, bad

    @staticmethod
    def _answers_of(values: dict[str, Any], row: int) -> dict[str, AnswerValue]:
        return {
            item_id: column[row] for item_id, column in values.items() if column[row] is not None
        }

    def _bad_cell(self, item_id: str, text: Optional[str], header: str) -> str:
        if self.pseudonymize is not None:  # a cell may hold anything typed: a name, an e-mail
            return say("privacy.cell_withheld", item=item_id, column=header)
        return f"{item_id}: {text!r} is not an answer to this item (column {header!r})"

    def _respondent_ids(self, batch: Any) -> list[Optional[str]]:
        column = self.plan.id_column
        if column is None:
            return [None] * batch.num_rows
        raw = batch.column(column).to_pylist()
        if self.pseudonymize is None:
            return [value or None for value in raw]
        kind = self.plan.id_kind
        return [self.pseudonymize(value, kind) if value else None for value in raw]
