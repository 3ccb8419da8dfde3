"""The agency report of many respondents, read exactly as ``batch`` reads them.

    from asn_assess import BatchSettings, resolve_bank
    from asn_assess.agency.api import run_agency

    bank = resolve_bank()
    report = run_agency(["jawaban.csv"], BatchSettings(bank, summary_by="Unit kerja"))
    report.figures.indicators[0].agency

``run_agency`` is ``run_batch`` with a sink that adds each scored block to an
``AgencyTally`` instead of writing rows: the same readers, column matching, answers,
roles, scores and rejected rows, and memory that does not grow with the rows.
Nothing here prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from asn_assess.agency.figures import AgencyFigures, agency_figures
from asn_assess.agency.tally import AgencyTally
from asn_assess.agency.trend import Trend, trend
from asn_assess.batch.api import BatchInput, run_batch
from asn_assess.batch.blocks import BatchCounts, RowError, ScoredBlock
from asn_assess.batch.settings import BatchSettings


@dataclass(frozen=True)
class Round:
    """One round of the assessment as read: its counts and its figures."""

    counts: BatchCounts
    figures: AgencyFigures
    ratings_of_others: int
    """Rows rating someone else (360-degree feedback), left out of the figures."""
    flagged: int = 0
    """Own assessments a response-quality rule flags."""
    excluded: int = 0
    """Flagged ones left out of the figures (``settings.exclude_flagged``)."""

    @property
    def set_aside(self) -> int:
        """Rows read but set aside: a person's other submissions (``duplicates``)."""
        return self.counts.set_aside


@dataclass(frozen=True)
class AgencyReport:
    """This round, and the change since the previous one when one was given."""

    current: Round
    previous: Optional[Round] = None
    trend: Optional[Trend] = None


class TallySink:
    """A batch sink that adds the scored blocks to a tally instead of writing them."""

    def __init__(self, tally: AgencyTally, on_rejected: Optional[Callable[[RowError], None]]):
        self.tally = tally
        self.on_rejected = on_rejected

    def write(self, block: ScoredBlock) -> None:
        """Count a block's respondents."""
        self.tally.add(block)

    def reject(self, error: RowError) -> None:
        """Pass a rejected row on (to be shown)."""
        if self.on_rejected is not None:
            self.on_rejected(error)

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """Nothing to complete: the figures are read from the tally."""

    def abort(self) -> None:
        """Nothing was written."""


def read_round(
    inputs: Sequence[BatchInput],
    settings: BatchSettings,
    on_rejected: Optional[Callable[[RowError], None]] = None,
    progress: Optional[Callable[[int], None]] = None,
) -> Round:
    """Read and score one round's inputs into its suppressed figures. ``settings``
    reads them as ``run_batch`` does; ``settings.summary_by`` names the unit column and
    ``settings.min_group`` the fewest people a figure may be about, and
    ``settings.exclude_flagged`` leaves rows a response-quality rule flags out."""
    settings = dataclasses.replace(
        settings, group_summary=False, full_results=False, quality_flags=True
    )
    tally = AgencyTally(settings.bank, settings.summary_by is not None, settings.exclude_flagged)
    report = run_batch(inputs, settings, TallySink(tally, on_rejected), progress)
    figures = agency_figures(tally, settings.min_group, settings.summary_by)
    return Round(report.counts, figures, tally.ratings_of_others, tally.flagged, tally.excluded)


def run_agency(
    inputs: Sequence[BatchInput],
    settings: BatchSettings,
    previous_inputs: Sequence[BatchInput] = (),
    previous_settings: Optional[BatchSettings] = None,
    measurement_error: Optional[Mapping[str, float]] = None,
    on_rejected: Optional[Callable[[RowError], None]] = None,
    progress: Optional[Callable[[int], None]] = None,
) -> AgencyReport:
    """The agency report of ``inputs``; with ``previous_inputs`` (read with
    ``previous_settings``, by default ``settings``), the change since that round.
    ``measurement_error`` maps a measure to the standard error of measurement of one
    person's score, to mark the changes it does not explain."""
    current = read_round(inputs, settings, on_rejected, progress)
    if not previous_inputs:
        return AgencyReport(current)
    before = read_round(previous_inputs, previous_settings or settings, on_rejected)
    return AgencyReport(current, before, trend(before.figures, current.figures, measurement_error))
