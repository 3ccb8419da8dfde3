"""The development plan: which indicators to work on first, why, and how.

The rule (docs/reports.md states it in prose; keep them in step):

1. Only indicators with a score take part (not "not applicable", not "not enough
   answers").
2. Below the threshold (the ``min`` of the bank's ``develop_below_band``; without one,
   of its highest band): take the lowest-scoring such indicator of each pillar, lowest
   first, at most ``MOST_FOCUS``. While fewer than ``LEAST_FOCUS`` are taken, add the
   lowest remaining indicators below the threshold.
3. None below the threshold: the lowest-scoring indicator, framed as one to strengthen
   further.
4. Ties go to the indicator that comes first in the bank.

For each focus indicator: the one or two answers that pulled its score down most (the
largest ``weight * (100 - item score)``), and one action of each kind (on the job, from
others, training) suited to the person's role, the best of each kind by
``ranked_actions``: first the actions whose ``items`` are among the person's lowest
answers (the lowest first), then role-specific and linked actions, then the others
(within each, an action aimed only at other items after the rest; then bank order). The
chosen actions are listed in that order too, and so is an indicator's full action list.

Pure: no terminal, no Rich. Texts are taken from the bank in the chosen language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Optional

from asn_assess.core.decisions import below as is_below
from asn_assess.core.decisions import decided
from asn_assess.core.documents import IndicatorResult, Result
from asn_assess.core.models import NOT_APPLICABLE, Action, ActionKind, Bank, Indicator, Item

if TYPE_CHECKING:
    from asn_assess.multirater.aggregate import IndicatorView, TargetView

LEAST_FOCUS = 2
MOST_FOCUS = 3
REASONS = 2
ACTION_KINDS: tuple[ActionKind, ...] = ("on-the-job", "from-others", "training")


def development_threshold(bank: Bank) -> float:
    """Indicators scoring below this are the ones to develop.

    A bank names its threshold band (``develop_below_band``); without one, every
    indicator below the highest band is.
    """
    return bank.development_threshold


@dataclass(frozen=True)
class Scored:
    """An indicator with a score, and where it stands in the bank."""

    indicator: Indicator
    pillar_id: str
    score: float
    position: int

    @property
    def order(self) -> tuple[float, int]:
        """Lowest score first; ties (equal exact scores) in bank order."""
        return (decided(self.score), self.position)


def scored_indicators(bank: Bank, result: Result) -> list[Scored]:
    """The indicators of ``result`` that have a score, in bank order."""
    results = {i.id: i for p in result.pillars for i in p.indicators}
    scored = []
    position = 0
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            position += 1
            found: Optional[IndicatorResult] = results.get(indicator.id)
            if found is not None and found.score is not None:
                scored.append(Scored(indicator, pillar.id, found.score, position))
    return scored


def focus_indicators(bank: Bank, result: Result) -> tuple[list[Scored], bool]:
    """The plan's indicators, lowest first, and whether they are below the threshold
    (False: none is, and the lowest is shown to strengthen further)."""
    scored = scored_indicators(bank, result)
    if not scored:
        return [], False
    threshold = development_threshold(bank)
    below = sorted((s for s in scored if is_below(s.score, threshold)), key=lambda s: s.order)
    if not below:
        return [min(scored, key=lambda s: s.order)], False
    chosen: list[Scored] = []
    for pillar in bank.pillars:
        lowest = next((s for s in below if s.pillar_id == pillar.id), None)
        if lowest is not None:
            chosen.append(lowest)
    chosen = sorted(chosen, key=lambda s: s.order)[:MOST_FOCUS]
    for candidate in below:
        if len(chosen) >= LEAST_FOCUS:
            break
        if candidate not in chosen:
            chosen.append(candidate)
    return sorted(chosen, key=lambda s: s.order), True


# --- why and how ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """An answer that pulled an indicator's score down."""

    item: Item
    answer: str
    """The answer as the person gave it: a scale label, or the option chosen."""
    item_score: float
    loss: float
    """Points this answer took off the indicator's score."""


@dataclass(frozen=True)
class FocusIndicator:
    """One indicator of the plan."""

    indicator: Indicator
    pillar_id: str
    score: float
    band: Optional[str]
    below_threshold: bool
    reasons: tuple[Reason, ...]
    actions: tuple[Action, ...]


def suits(action: Action, role: Optional[str]) -> bool:
    """Whether ``action`` suits a person in ``role`` (None: any role)."""
    return role is None or not action.roles or role in action.roles


def ranked_actions(
    indicator: Indicator, role: Optional[str], lowest: Sequence[str] = ()
) -> list[Action]:
    """The indicator's actions suited to ``role``, best first: those whose ``items``
    include one of the ``lowest`` answers (item ids, lowest first; the earlier the
    item, the earlier the action), then the role-specific and linked ones, then the
    rest. Within each group an action aimed only at other items comes after those aimed
    at none in particular; then bank order."""
    rank = {item_id: position for position, item_id in enumerate(lowest)}

    def key(numbered: tuple[int, Action]) -> tuple[bool, int, bool, bool, int]:
        position, action = numbered
        matched = [rank[item_id] for item_id in action.items if item_id in rank]
        special = action.linked or (role is not None and role in action.roles)
        elsewhere = bool(action.items) and not matched
        return (not matched, min(matched, default=0), not special, elsewhere, position)

    suited = [(n, a) for n, a in enumerate(indicator.actions) if suits(a, role)]
    return [action for _, action in sorted(suited, key=key)]


def chosen_actions(
    indicator: Indicator, role: Optional[str], lowest: Sequence[str] = ()
) -> tuple[Action, ...]:
    """One action per kind (on the job, from others, training) suited to ``role``: the
    best of each kind by ``ranked_actions``, listed in that order."""
    ranked = ranked_actions(indicator, role, lowest)
    chosen = [next((a for a in ranked if a.kind == kind), None) for kind in ACTION_KINDS]
    return tuple(sorted((a for a in chosen if a is not None), key=ranked.index))


def answer_text(bank: Bank, item: Item, answer: object, language: str) -> str:
    """An answer as the person saw it: a scale point's label or the option's text."""
    if item.is_situational:
        option = item.option(str(answer))
        return bank.text(option.text, language) if option else str(answer)
    point = bank.scale_of(item).point(int(str(answer)))
    return bank.text(point.label, language) if point else str(answer)


def pulling_down(
    bank: Bank, indicator: Indicator, result: Result, language: str
) -> tuple[Reason, ...]:
    """The (at most ``REASONS``) answers that took most off the indicator's score."""
    return losing_answers(bank, indicator, result, language)[:REASONS]


def losing_answers(
    bank: Bank, indicator: Indicator, result: Result, language: str
) -> tuple[Reason, ...]:
    """Every answer that took something off the indicator's score, most first: the
    person's lowest answers, as the plan matches actions to them."""
    from asn_assess.core.scoring import item_score

    answered = [
        (item, result.answers[item.id])
        for item in indicator.items
        if item.asked_of(result.role)
        and item.id in result.answers
        and not (result.answers[item.id] == NOT_APPLICABLE and not item.is_situational)
    ]
    weights = sum(item.weight for item, _ in answered)
    reasons = []
    for item, answer in answered:
        value = item_score(bank, item, answer)
        loss = item.weight * (100 - value) / weights
        if loss > 0:
            reasons.append(Reason(item, answer_text(bank, item, answer, language), value, loss))
    # sorted() keeps bank order among equal losses
    return tuple(sorted(reasons, key=lambda r: -r.loss))


def development_plan(bank: Bank, result: Result, language: str) -> list[FocusIndicator]:
    """The plan: each focus indicator with the answers behind it and its actions."""
    chosen, below = focus_indicators(bank, result)
    plan = []
    for scored in chosen:
        indicator_result = result.indicator(scored.indicator.id)
        reasons = losing_answers(bank, scored.indicator, result, language)
        lowest = [reason.item.id for reason in reasons]
        plan.append(
            FocusIndicator(
                indicator=scored.indicator,
                pillar_id=scored.pillar_id,
                score=scored.score,
                band=indicator_result.band,
                below_threshold=below,
                reasons=reasons[:REASONS],
                actions=chosen_actions(scored.indicator, result.role, lowest),
            )
        )
    return plan


def action_list(bank: Bank, result: Result) -> list[tuple[Indicator, tuple[Action, ...]]]:
    """The full action list: every action suited to the person's role, for every
    indicator below the threshold and every indicator of the plan, in bank order, each
    indicator's actions as ``ranked_actions`` orders them."""
    threshold = development_threshold(bank)
    planned = {s.indicator.id for s in focus_indicators(bank, result)[0]}
    listed = []
    for scored in scored_indicators(bank, result):
        if is_below(scored.score, threshold) or scored.indicator.id in planned:
            reasons = losing_answers(bank, scored.indicator, result, bank.languages[0])
            lowest = [reason.item.id for reason in reasons]
            actions = tuple(ranked_actions(scored.indicator, result.role, lowest))
            if actions:
                listed.append((scored.indicator, actions))
    return listed


# --- 360-degree feedback -------------------------------------------------------------------
#
# The plan of a 360-degree report weighs others' view (docs/multirater.md states it):
#
# 1. Blind spots (own score clearly above the others' mean), largest gap first.
# 2. Indicators below the threshold in the others' mean (agreed development areas, or
#    every such indicator when the person gave no own answers), lowest first.
# 3. At most ``MOST_FOCUS`` of these, in that order; none: the indicator with the lowest
#    others' mean, framed as one to strengthen further. No others' mean: no plan.
# 4. Ties go to the indicator that comes first in the bank.
#
# Its reasons are the views themselves: a 360-degree plan never quotes a rater's answers.


FocusKind = Literal["blind-spot", "develop", "strengthen"]


@dataclass(frozen=True)
class MultiraterFocus:
    """One indicator of a 360-degree plan."""

    indicator: Indicator
    pillar_id: str
    view: IndicatorView
    kind: FocusKind
    actions: tuple[Action, ...]


def multirater_plan(bank: Bank, target: TargetView) -> list[MultiraterFocus]:
    """The 360-degree plan of one person rated."""
    from asn_assess.multirater.aggregate import Johari

    indicators = {i.id: (p.id, i) for p in bank.pillars for i in p.indicators}
    seen = [line for line in target.indicators if line.others_mean is not None]
    blind = [line for line in seen if line.johari is Johari.BLIND_SPOT]
    below = [
        line
        for line in seen
        if line not in blind and is_below(line.others_mean or 0.0, target.threshold)
    ]
    blind.sort(key=lambda line: -decided(line.gap or 0.0))  # stable: ties keep bank order
    below.sort(key=lambda line: decided(line.others_mean or 0.0))
    chosen: list[tuple[IndicatorView, FocusKind]] = []
    for line in blind:
        chosen.append((line, "blind-spot"))
    for line in below:
        chosen.append((line, "develop"))
    chosen = chosen[:MOST_FOCUS]
    if not chosen and seen:
        chosen = [(min(seen, key=lambda line: decided(line.others_mean or 0.0)), "strengthen")]
    plan = []
    for line, kind in chosen:
        pillar_id, indicator = indicators[line.id]
        actions = chosen_actions(indicator, target.role)
        plan.append(MultiraterFocus(indicator, pillar_id, line, kind, actions))
    return plan
