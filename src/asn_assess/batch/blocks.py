"""What flows through a batch run: blocks of answered rows, their scores, rejected rows
and the run's counts. Every reader produces ``AnswerBlock``s; every output consumes
``ScoredBlock``s, so a table and a file of answer sheets take the same path."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from asn_assess.core.answer_codes import AnswerCodes
from asn_assess.core.documents import AnswerSheet, AnswerValue, Result
from asn_assess.core.errors import AssessError
from asn_assess.core.models import SELF, Bank
from asn_assess.core.scoring import BlockScores, FloatColumn, IntColumn, ItemColumns, result_of_row

if TYPE_CHECKING:
    from asn_assess.analysis.quality import QualityBlock
    from asn_assess.batch.records import SuspectField


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
    """Per row: the whole answer sheet, when the outputs need full results."""
    answer_codes: Optional[AnswerCodes] = None
    """Per item: each row's answer code, when the settings ask to keep them."""
    seconds: Optional[FloatColumn] = None
    """Per row: how long answering took (NaN: unknown), when the input records it."""

    @property
    def size(self) -> int:
        """How many rows the block holds."""
        return len(self.respondent_ids)


@dataclass
class ScoredBlock:
    """A block of rows with every level's scores."""

    answers: AnswerBlock
    scores: BlockScores
    quality: Optional[QualityBlock] = None
    """Every response-quality rule's value per row, when the settings ask for flags."""

    def results(self, bank: Bank) -> list[Result]:
        """Each row as a full ``Result`` (needs ``answers.sheets``), with its flags."""
        sheets = self.answers.sheets
        assert sheets is not None, "the reader keeps sheets when full results are wanted"
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

    def to_json(self) -> str:
        """The error record as one line of JSON (for ``--errors``)."""
        return json.dumps(
            {
                "source": self.source,
                "row": self.row,
                "line": self.line,
                "respondent_id": self.respondent_id,
                "reasons": self.reasons,
            },
            ensure_ascii=False,
        )

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else f"line {self.line}"
        who = f" ({self.respondent_id})" if self.respondent_id else ""
        return f"{self.source}: {where}{who}: {'; '.join(self.reasons)}"


@dataclass
class BatchCounts:
    """What a run read, scored and rejected, and what it found worth a warning."""

    read: int = 0
    scored: int = 0
    incomplete: int = 0
    """Scored rows with too few answers for an overall score (counted in ``scored``)."""
    rejected: int = 0
    flagged: int = 0
    """Scored rows that at least one response-quality rule flags."""
    excluded: int = 0
    """Flagged rows left out of the summary (``exclude_flagged``)."""
    unused_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per input: headers that matched no item, profile or survey metadata column."""
    suspect_fields: dict[str, list[SuspectField]] = field(default_factory=dict)
    """Per table: quoted fields that look like they swallowed rows (a stray quote)."""


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
