"""The development plan against measurement error: with a norm that keeps each scale's
reliability, the plan says where it rests on a difference smaller than the error.

- Another indicator, not in the plan, whose score differs from a focus indicator's by
  less than the error of a difference (``1.96 * sqrt(SEM_a² + SEM_b²)``) is named: the
  answers do not show which of the two is weaker, so the plan's choice between them is
  no finding.
- A focus indicator below the development threshold whose 95% band reaches the
  threshold may already be there; the plan says so.

Neither changes which indicators the plan takes (its rule stays the rule of
``plan.py``); both say how firmly the answers support it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asn_assess.analysis.measurement_error import difference_error
from asn_assess.core.decisions import at_least, below
from asn_assess.core.documents import Result
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.reports.plan import FocusIndicator, scored_indicators

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference

MOST_NAMED = 3
"""At most this many indicators are named as within the error of a focus indicator."""


def within_error(
    bank: Bank,
    result: Result,
    focus: FocusIndicator,
    norm: NormReference,
    planned: frozenset[str],
    language: str,
) -> list[str]:
    """The sentences that qualify one focus indicator of the plan (none when the norm
    keeps no reliability for it)."""
    key = f"indicator.{focus.indicator.id}"
    own = norm.standard_error(key)
    if own is None:
        return []
    close = []
    for other in scored_indicators(bank, result):
        if other.indicator.id in planned:
            continue
        error = difference_error(own, norm.standard_error(f"indicator.{other.indicator.id}"))
        if error is not None and below(abs(other.score - focus.score), error):
            close.append((abs(other.score - focus.score), other))
    sentences = []
    threshold = bank.development_threshold
    band = norm.band(key, focus.score)
    if focus.below_threshold and band is not None and at_least(band.upper, threshold):
        sentences.append(
            t("plan.error_reaches", language, upper=format_score(band.upper, language))
        )
    if close:
        close.sort(key=lambda pair: pair[0])  # the nearest first; ties in bank order
        names = [
            f"{bank.text(other.indicator.title, language)} ({format_score(other.score, language)})"
            for _, other in close[:MOST_NAMED]
        ]
        listed = (
            names[0]
            if len(names) == 1
            else t("norms.or", language, first=", ".join(names[:-1]), last=names[-1])
        )
        key = "plan.error_close" if len(names) == 1 else "plan.error_close_many"
        sentences.append(t(key, language, names=listed))
    return sentences
