"""Flags of the item analysis: which indicators and items to look at again, and why.

Each rule compares one figure with a threshold; docs/analysis.md explains each rule
for a reader in HR and gives the source of its threshold. The rules only point; an
author decides whether to reword, re-key or drop an item.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from asn_assess.core.decisions import at_least

if TYPE_CHECKING:
    from asn_assess.analysis.item_analysis import AnswerShares, CrossCheck, ScaleFigures

LOW_ALPHA = "low-alpha"
NEGATIVE_R_DROP = "negative-r-drop"
WEAK_R_DROP = "weak-r-drop"
ALPHA_RISES = "alpha-rises"
SAME_ANSWER = "same-answer"
CLOSER_TO_OTHER = "closer-to-other"

# Cronbach's alpha below 0.70 (Nunnally 1978) for an indicator or a pillar.
ALPHA_THRESHOLD = 0.70
# r.drop, the item against the rest of its indicator: below 0 the item runs against
# the others (often a keying mistake); below 0.20 it barely relates to them (Streiner,
# Norman & Cairney 2015 discard items below 0.20).
WEAK_R_DROP_THRESHOLD = 0.20
# Alpha of an indicator rising by at least this much when the item is dropped.
ALPHA_RISE_THRESHOLD = 0.02
# An item that at least this share of its respondents answer the same way.
SAME_ANSWER_THRESHOLD = 0.90
# Respondents an item needs before the same-answer rule judges it.
SAME_ANSWER_MINIMUM = 20
# closer-to-other: an indicator's items correlate more with another indicator's total
# than with the rest of their own by more than this many standard errors of a
# correlation (1 / sqrt(n) each).
CLOSER_STANDARD_ERRORS = 2


@dataclass(frozen=True)
class AnalysisFlag:
    """One finding. ``scale`` is ``indicator:<id>``, ``pillar:<id>`` or ``value:<id>``; ``item`` is
    set for item rules. ``value`` is the figure the rule looked at and ``threshold``
    what it was compared with; ``reference`` and ``other`` add what the explanation
    needs: the alpha now (alpha-rises), the own correlation (closer-to-other), the
    answer chosen (same-answer) or the other indicator (closer-to-other)."""

    rule: str
    scale: str
    item: Optional[str]
    value: float
    threshold: float
    reference: Optional[float] = None
    other: Optional[str] = None


def analysis_flags(
    indicators: Sequence[ScaleFigures],
    pillars: Sequence[ScaleFigures],
    answers: Sequence[AnswerShares],
    cross_checks: Sequence[CrossCheck],
    values: Sequence[ScaleFigures] = (),
) -> tuple[AnalysisFlag, ...]:
    """Every flag, indicator by indicator (its items after it), then the pillars, then
    the core values (their alpha, and items that run against the value's others; an
    item's answers are judged once, under its indicator)."""
    shares = {share.item: share for share in answers}
    crossed = {check.indicator: check for check in cross_checks}
    flags: list[AnalysisFlag] = []
    for scale in indicators:
        where = f"indicator:{scale.id}"
        flags += _alpha_flags(scale, where)
        check = crossed.get(scale.id)
        if check is not None and check.flagged and scale.n_min >= 4:
            assert check.rival_r is not None and check.own_r is not None
            # Closer by a difference that chance alone rarely makes.
            threshold = check.own_r + CLOSER_STANDARD_ERRORS / math.sqrt(scale.n_min)
            if check.rival_r > threshold:
                flags.append(
                    AnalysisFlag(
                        CLOSER_TO_OTHER,
                        where,
                        None,
                        value=check.rival_r,
                        threshold=threshold,
                        reference=check.own_r,
                        other=check.rival,
                    )
                )
        for item in scale.items:
            flags += _item_flags(scale, item.item, where)
            share = shares.get(item.item)
            if share is not None:
                flags += _same_answer(share, where)
    for scale in pillars:
        flags += _alpha_flags(scale, f"pillar:{scale.id}")
    for scale in values:
        # A value gathers items of several indicators, so its items relate more loosely
        # than an indicator's: only an item running against the others (a tag that
        # does not fit, or a keying mistake) is worth a finding.
        where = f"value:{scale.id}"
        flags += _alpha_flags(scale, where)
        flags += [
            flag
            for item in scale.items
            for flag in _item_flags(scale, item.item, where)
            if flag.rule == NEGATIVE_R_DROP
        ]
    return tuple(flags)


def _alpha_flags(scale: ScaleFigures, where: str) -> list[AnalysisFlag]:
    if scale.raw_alpha is not None and scale.raw_alpha < ALPHA_THRESHOLD:
        return [AnalysisFlag(LOW_ALPHA, where, None, scale.raw_alpha, ALPHA_THRESHOLD)]
    return []


def _item_flags(scale: ScaleFigures, item_id: str, where: str) -> list[AnalysisFlag]:
    item = next(i for i in scale.items if i.item == item_id)
    flags: list[AnalysisFlag] = []
    if item.r_drop is not None and item.r_drop < 0:
        flags.append(AnalysisFlag(NEGATIVE_R_DROP, where, item_id, item.r_drop, 0.0))
    elif item.r_drop is not None and item.r_drop < WEAK_R_DROP_THRESHOLD:
        flags.append(AnalysisFlag(WEAK_R_DROP, where, item_id, item.r_drop, WEAK_R_DROP_THRESHOLD))
    if (
        scale.raw_alpha is not None
        and item.alpha_if_dropped is not None
        and item.alpha_if_dropped - scale.raw_alpha >= ALPHA_RISE_THRESHOLD
    ):
        flags.append(
            AnalysisFlag(
                ALPHA_RISES,
                where,
                item_id,
                item.alpha_if_dropped,
                ALPHA_RISE_THRESHOLD,
                reference=scale.raw_alpha,
            )
        )
    return flags


def _same_answer(share: AnswerShares, where: str) -> list[AnalysisFlag]:
    choice, fraction = share.modal
    if fraction is None or share.answered < SAME_ANSWER_MINIMUM:
        return []
    if fraction >= SAME_ANSWER_THRESHOLD:
        return [
            AnalysisFlag(
                SAME_ANSWER, where, share.item, fraction, SAME_ANSWER_THRESHOLD, other=choice
            )
        ]
    return []


# What `analyze` says of each indicator and pillar, from its alpha and the lower end of
# alpha's 95% interval: whether its scores are reliable enough to compare people.
RELIABLE = "reliable"
"""Alpha reaches the threshold, and so does the lower end of its 95% interval."""
UNCERTAIN = "uncertain"
"""Alpha reaches the threshold, the lower end of its interval does not: too few
respondents to be sure."""
UNRELIABLE = "unreliable"
"""Alpha below the threshold."""
UNKNOWN = "unknown"
"""Alpha cannot be computed."""
VERDICTS = (RELIABLE, UNCERTAIN, UNRELIABLE, UNKNOWN)


def alpha_verdict(alpha: Optional[float], lower: Optional[float]) -> str:
    """One of ``VERDICTS`` for a scale with this alpha and interval's lower end."""
    if alpha is None:
        return UNKNOWN
    if not at_least(alpha, ALPHA_THRESHOLD):
        return UNRELIABLE
    return RELIABLE if lower is not None and at_least(lower, ALPHA_THRESHOLD) else UNCERTAIN
