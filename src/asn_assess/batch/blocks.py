"""What flows through a batch run: blocks of answered rows, their scores, rejected rows
and the run's counts. Every reader produces ``AnswerBlock``s; every output consumes
``ScoredBlock``s, so a table and a file of answer sheets take the same path."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import numpy as np
import numpy.typing as npt

from asn_assess.core.answer_codes import AnswerCodes
from asn_assess.core.documents import AnswerSheet, AnswerValue, Result
from asn_assess.core.errors import AssessError
from asn_assess.core.models import SELF, Bank
from asn_assess.core.scoring import BlockScores, FloatColumn, IntColumn, ItemColumns, result_of_row

if TYPE_CHECKING:
    from asn_assess.analysis.quality import QualityBlock
    from asn_assess.batch.duplicates import Duplicates
    from asn_assess.batch.records import SuspectField


ObjectColumn = npt.NDArray[np.object_]


@dataclass(frozen=True)
class AnswerValues:
    """One item's answer values in a block, as a table's reader finds them: the
    distinct values of the block (None: empty) and, per row, the index of its value."""

    distinct: ObjectColumn
    codes: npt.NDArray[np.integer[Any]]

    def per_row(self) -> list[Optional[AnswerValue]]:
        """Each row's answer value (None where empty)."""
        values: list[Optional[AnswerValue]] = self.distinct[self.codes].tolist()
        return values


class InputError(AssessError):
    """An input file that cannot be read at all."""


@dataclass
class AnswerBlock:
    """Accepted rows of one input, ready to score: the item columns plus what each
    row needs in the outputs."""

    source: str
    """The input's name as given (``<stdin>`` for standard input)."""
    rows: IntColumn
    """Data row numbers, counting from 1 after a table's header (or the n-th sheet)."""
    respondent_ids: list[Optional[str]]
    """Per row: who answered (already pseudonymised when asked), or None."""
    item_columns: ItemColumns
    """Item scores and answered masks, as ``core.scoring.score_block`` takes them."""
    roles: Optional[list[Optional[str]]] = None
    """Per row: the person's role, when the input names one (None: every item asked)."""
    groups: Optional[list[str]] = None
    """Per row: the value of the ``--summary-by`` column, when summarising."""
    targets: Optional[list[Optional[str]]] = None
    """Per row: who is rated (already pseudonymised when asked), when the input says."""
    rater_groups: Optional[list[str]] = None
    """Per row: ``self`` or the rater's group, when the input says."""
    sheets: Optional[list[AnswerSheet]] = None
    """Per row: the whole answer sheet, when the outputs need full results (answer
    sheet inputs; tables keep ``answer_values`` instead)."""
    answer_values: Optional[dict[str, AnswerValues]] = None
    """Per item, in the table's column order: each row's answer value (None where
    empty), when the outputs need full results. ``answer_sheets`` makes the sheets."""
    answer_codes: Optional[AnswerCodes] = None
    """Per item: each row's answer code, when the settings ask to keep them."""
    seconds: Optional[FloatColumn] = None
    """Per row: how long answering took (NaN: unknown), when the input records it."""
    kept: Optional[dict[str, list[Optional[str]]]] = None
    """Input columns carried into the outputs: output name -> each row's cell."""

    @property
    def size(self) -> int:
        """How many rows the block holds."""
        return len(self.respondent_ids)

    def answer_sheets(self, bank: Bank) -> list[AnswerSheet]:
        """Each row's answer sheet: as read, or made from a table's answer values."""
        if self.sheets is not None:
            return self.sheets
        values = self.answer_values
        assert values is not None, "the reader keeps answers when full results are wanted"
        columns = [(item_id, column.per_row()) for item_id, column in values.items()]
        return [
            sheet_for_row(
                bank,
                {item_id: value for item_id, cells in columns if (value := cells[row]) is not None},
                self.roles[row] if self.roles else None,
                self.targets[row] if self.targets else None,
                self.rater_groups[row] if self.rater_groups else None,
            )
            for row in range(self.size)
        ]


@dataclass
class ScoredBlock:
    """A block of rows with every level's scores."""

    answers: AnswerBlock
    scores: BlockScores
    quality: Optional[QualityBlock] = None
    """Every response-quality rule's value per row, when the settings ask for flags."""

    def results(self, bank: Bank) -> list[Result]:
        """Each row as a full ``Result`` (needs the answers kept), with its flags."""
        sheets = self.answers.answer_sheets(bank)
        results = [result_of_row(bank, self.scores, row, sheet) for row, sheet in enumerate(sheets)]
        if self.quality is not None:
            for row, result in enumerate(results):
                result.quality = self.quality.flags(row)
        return results


@dataclass
class RowError:
    """A rejected input row. ``row`` counts data records from 1 (the first after a
    table's header); ``line`` is the line it starts on in a table or a JSONL file (None
    in a JSON array)."""

    source: str
    row: Optional[int]
    line: Optional[int]
    respondent_id: Optional[str]
    reasons: list[str]
    status: str = "rejected"
    """``rejected``, or ``set aside``: a duplicate submission not scored
    (``duplicates``)."""

    @property
    def set_aside(self) -> bool:
        """Whether the row was set aside (a duplicate) rather than rejected."""
        return self.status == "set aside"

    def to_json(self) -> str:
        """The error record as one line of JSON (for ``--errors``)."""
        return json.dumps(
            {
                "source": self.source,
                "row": self.row,
                "line": self.line,
                "respondent_id": self.respondent_id,
                "status": self.status,
                "reasons": self.reasons,
            },
            ensure_ascii=False,
        )

    def __str__(self) -> str:
        from asn_assess.core.i18n import say

        if self.row is not None:
            where = say("cell.where_row", row=self.row)
        else:
            where = say("cell.where_line", line=self.line)
        who = f" ({self.respondent_id})" if self.respondent_id else ""
        return f"{self.source}: {where}{who}: {'; '.join(self.reasons)}"


@dataclass
class ColumnNotes:
    """What the readers noticed about a table's item columns, for the run's messages."""

    not_answers: dict[str, str] = field(default_factory=dict)
    """Columns with a cell that is not an answer: header -> item id (each once)."""
    n_as_point: dict[str, str] = field(default_factory=dict)
    """Columns whose scale reads ``n`` as one of its points (the agreement scale's N,
    Netral): header -> item id."""
    n_as_not_applicable: bool = False
    """Whether some column read ``n`` as "not applicable"."""
    id_column: Optional[str] = None
    """The id column whose digit-only ids were counted (``identities.lost_zeros``)."""
    id_lengths: dict[int, int] = field(default_factory=dict)
    """Digit-only ids of the id column: length -> how many."""
    zero_led_lengths: set[int] = field(default_factory=set)
    """The lengths of its digit-only ids that start with 0."""


@dataclass
class BatchCounts:
    """What a run read, scored and rejected, and what it found worth a warning."""

    read: int = 0
    scored: int = 0
    incomplete: int = 0
    """Scored rows with too few answers for an overall score (counted in ``scored``)."""
    rejected: int = 0
    set_aside: int = 0
    """Duplicate submissions not scored (``duplicates``); not counted in ``rejected``."""
    duplicates: Optional[Duplicates] = None
    """With a duplicates policy: who was found more than once, and how it was decided."""
    flagged: int = 0
    """Scored rows that at least one response-quality rule flags."""
    excluded: int = 0
    """Flagged rows left out of the summary (``exclude_flagged``)."""
    unused_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per input: headers that matched no item, profile or survey metadata column."""
    suspect_fields: dict[str, list[SuspectField]] = field(default_factory=dict)
    """Per table: quoted fields that look like they swallowed rows (a stray quote)."""
    column_notes: dict[str, ColumnNotes] = field(default_factory=dict)
    """Per table: what its item columns held that a person should hear about."""


def sheet_for_row(
    bank: Bank,
    answers: dict[str, AnswerValue],
    role: Optional[str] = None,
    target: Optional[str] = None,
    rater_group: Optional[str] = None,
) -> AnswerSheet:
    """A bare answer sheet for a table row (tables carry no language or times)."""
    return AnswerSheet(
        bank_id=bank.id,
        bank_version=bank.version,
        role=role,
        target=target,
        rater_group=rater_group or SELF,
        answers=answers,
    )
