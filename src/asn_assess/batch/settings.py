"""How a batch run reads its inputs: the bank, the column mapping, which columns
identify and group respondents, and whether identifiers are pseudonymised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from asn_assess.batch.columns import Mapping
from asn_assess.batch.duplicates import DuplicatePolicy
from asn_assess.batch.pseudonyms import Pseudonymizer
from asn_assess.core.models import Bank

OutputFormat = Literal["csv", "jsonl", "xlsx"]
DEFAULT_MIN_GROUP = 5


@dataclass(frozen=True)
class BatchSettings:
    """Everything that decides what a batch run computes (not where it writes).

    ``id_column`` names the column (or answer-sheet field) identifying a respondent;
    without it, a ``respondent id`` column or the first identifying profile column is
    used. ``summary_by`` names the column to summarise by; groups smaller than
    ``min_group`` are pooled so that no small group is shown on its own.
    ``full_results`` keeps every row's answers so that outputs can carry whole results
    (JSONL) rather than the flat score columns (CSV). ``quality_flags`` applies the
    response-quality rules to every row; ``exclude_flagged`` leaves flagged rows out of
    the summary (they are still scored and written). ``keep_answer_codes`` keeps each
    answer's code in the blocks (item analysis needs it; the quality rules ask for it
    themselves). ``encoding`` names the inputs'
    encoding (a Python codec name); None reads UTF-8, or UTF-16 with its byte order mark.
    """

    bank: Bank
    mapping: Optional[Mapping] = None
    id_column: Optional[str] = None
    summary_by: Optional[str] = None
    role_column: Optional[str] = None
    min_group: int = DEFAULT_MIN_GROUP
    pseudonymize: Optional[Pseudonymizer] = None
    full_results: bool = False
    encoding: Optional[str] = None
    sheet: Optional[str] = None
    """The sheet to read from .xlsx inputs (None: the first)."""
    quality_flags: bool = True
    exclude_flagged: bool = False
    keep_answer_codes: bool = False
    group_summary: bool = True
    """Whether ``run_batch`` summarises by ``summary_by`` (item analysis reads the
    groups for its norms instead)."""
    group_option: str = "--summary-by"
    """The option that named ``summary_by``, for messages about it."""

    @property
    def needs_answer_codes(self) -> bool:
        """Whether readers must keep answer codes (not only item scores) in blocks."""
        return self.keep_answer_codes or self.quality_flags

    target_column: Optional[str] = None
    """The column naming who is rated (360-degree feedback); None: a ``target_id``
    column when there is one."""
    rater_group_column: Optional[str] = None
    """The column naming the rater's group; None: a ``rater_group`` column when the bank
    declares rater groups."""
    keep: tuple[str, ...] = ()
    """Input columns carried into the outputs as they are (``--keep``), each as
    ``input.<name>``."""
    keep_profile: bool = False
    """Carry the unit and position profile columns (as ``unit`` and ``position``), as
    the workbook does when no ``keep`` is named."""
    duplicates: DuplicatePolicy = "all"
    """What to do with one person's several submissions (``duplicates``): ``latest``,
    ``first``, ``reject``, or ``all`` (score every row)."""
