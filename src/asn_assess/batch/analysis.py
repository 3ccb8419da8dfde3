"""Item analysis and norms of many respondents, read exactly as ``batch`` reads them.

``run_analysis`` is ``run_batch`` with a sink that, instead of writing rows, feeds the
pure accumulators of ``asn_assess.analysis``: the same readers, column matching,
answers, roles and item scores, and the same rejected rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from asn_assess.analysis.item_analysis import ItemAnalysis, ItemAnalyzer
from asn_assess.analysis.norms import NormAccumulator
from asn_assess.analysis.reliability_figures import MissingMode
from asn_assess.batch.api import BatchInput, run_batch
from asn_assess.batch.blocks import BatchCounts, RowError, ScoredBlock
from asn_assess.batch.settings import BatchSettings


@dataclass(frozen=True)
class AnalysisOptions:
    """What an analysis computes: the missing-answer mode, whether flagged respondents
    are left out, and whether scores are counted for norms (by ``settings.summary_by``
    groups when set)."""

    missing: MissingMode = "pairwise"
    exclude_flagged: bool = False
    norms: bool = False
    role: Optional[str] = None
    """Analyse only the respondents of this role (a role id)."""


@dataclass
class AnalysisReport:
    """What ``run_analysis`` found: the run's counts, the item analysis and, when
    asked, the scores counted for norms (``NormAccumulator.norms`` makes the file)."""

    counts: BatchCounts
    analysis: ItemAnalysis
    norms: Optional[NormAccumulator]


class AnalysisSink:
    """A batch sink that analyses the scored blocks instead of writing them."""

    def __init__(
        self,
        settings: BatchSettings,
        options: AnalysisOptions,
        on_rejected: Optional[Callable[[RowError], None]] = None,
    ):
        self.options = options
        self.analyzer = ItemAnalyzer(
            settings.bank, options.missing, options.exclude_flagged, options.role
        )
        self.norms = NormAccumulator(settings.bank) if options.norms else None
        self.on_rejected = on_rejected

    def write(self, block: ScoredBlock) -> None:
        """Add a block's answers (and its scores, for norms)."""
        answers = block.answers
        assert answers.answer_codes is not None, "analysis asks readers to keep codes"
        kept = self.analyzer.add(
            answers.size, answers.item_columns, answers.answer_codes, answers.roles, block.quality
        )
        if self.norms is not None:  # the same respondents as every other figure
            self.norms.add(block.scores, answers.groups, kept)

    def reject(self, error: RowError) -> None:
        """Pass a rejected row on (to be shown)."""
        if self.on_rejected is not None:
            self.on_rejected(error)

    def finish(self, summary: list[dict[str, Any]]) -> None:
        """Nothing to complete: the figures are read from the accumulators."""

    def abort(self) -> None:
        """Nothing was written."""


def run_analysis(
    inputs: Sequence[BatchInput],
    settings: BatchSettings,
    options: AnalysisOptions,
    on_rejected: Optional[Callable[[RowError], None]] = None,
    progress: Optional[Callable[[int], None]] = None,
) -> AnalysisReport:
    """Analyse every respondent of ``inputs`` in one pass. ``settings`` reads the inputs
    as ``run_batch`` does; ``settings.summary_by`` names the column norms are grouped by."""
    settings = dataclasses.replace(
        settings, keep_answer_codes=True, quality_flags=True, group_summary=False
    )
    sink = AnalysisSink(settings, options, on_rejected)
    report = run_batch(inputs, settings, sink, progress)
    analysis = sink.analyzer.result()
    return AnalysisReport(report.counts, analysis, sink.norms)
