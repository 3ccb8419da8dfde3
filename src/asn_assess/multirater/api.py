"""A 360-degree round as a library call.

    from asn_assess.batch.settings import BatchSettings
    from asn_assess.core.bank import resolve_bank
    from asn_assess.multirater.api import run_multirater

    bank = resolve_bank()
    round_ = run_multirater(["ratings.csv"], BatchSettings(bank))
    for view in round_.views:
        view.target, view.indicator("disiplin").gap

Inputs are read as `asn-assess batch` reads them (tables, workbooks, answer sheets);
each row is scored with the items its rater group is asked, then gathered per person
rated. Nothing here prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Optional

from asn_assess.batch.api import BatchInput, run_batch
from asn_assess.batch.blocks import RowError
from asn_assess.batch.settings import BatchSettings
from asn_assess.multirater.aggregate import (
    MultiraterSettings,
    TargetView,
    round_consistency,
    target_view,
)
from asn_assess.multirater.ratings import RatingsSink


@dataclass
class MultiraterRound:
    """What a 360-degree run read and worked out."""

    read: int
    """Rows and answer sheets read."""
    views: list[TargetView]
    """One per person rated, in the order they first appear."""
    rejected: list[RowError]
    """Rows not used, each with its reasons."""
    duplicates: int = 0
    """Of those, raters' second ratings of one person: one rater, one vote."""

    @property
    def withheld(self) -> int:
        """(person rated, rater group) pairs left out of at least one indicator."""
        return sum(len(view.withheld) for view in self.views)


def run_multirater(
    inputs: Sequence[BatchInput],
    batch_settings: BatchSettings,
    settings: Optional[MultiraterSettings] = None,
    progress: Optional[Callable[[int], None]] = None,
) -> MultiraterRound:
    """Read every input and work out each person's 360-degree numbers."""
    bank = batch_settings.bank
    sink = RatingsSink(bank)
    # Whole answer sheets, to tell a rating sent twice from two raters (``ratings``).
    batch_settings = dataclasses.replace(batch_settings, full_results=True)
    report = run_batch(inputs, batch_settings, sink, progress)
    people = sink.by_target()
    consistency = round_consistency(bank, people)
    views = [
        dataclasses.replace(target_view(bank, person, settings), consistency=consistency)
        for person in people
    ]
    return MultiraterRound(report.counts.read, views, sink.rejected, sink.duplicates)
