"""What changed between two versions of a bank, item by item and indicator by indicator.

Used by `asn-assess bank diff` and by history comparisons, which compare an indicator
across two results only when it measures the same thing in both versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asn_assess.core.models import Bank, Indicator, Item


@dataclass(frozen=True)
class ItemChange:
    """An item present in both versions whose scoring or wording changed."""

    item_id: str
    changes: tuple[str, ...]
    """Machine-readable kinds: rescaled, rekeyed, reweighted, moved, reworded, roles."""


@dataclass
class BankDiff:
    """Items and indicators added, removed or changed from ``old`` to ``new``."""

    old: str
    new: str
    added_items: list[str] = field(default_factory=list)
    removed_items: list[str] = field(default_factory=list)
    changed_items: list[ItemChange] = field(default_factory=list)
    added_indicators: list[str] = field(default_factory=list)
    removed_indicators: list[str] = field(default_factory=list)
    changed_indicators: list[str] = field(default_factory=list)
    """Indicators in both versions whose items or scoring differ."""
    comparable_indicators: list[str] = field(default_factory=list)
    """Indicators in both versions that were not changed: their scores compare."""

    @property
    def is_empty(self) -> bool:
        """Whether the two versions score every answer alike."""
        return not (
            self.added_items
            or self.removed_items
            or self.changed_items
            or self.added_indicators
            or self.removed_indicators
            or self.changed_indicators
        )


SCORING_CHANGES = frozenset({"rescaled", "rekeyed", "reweighted", "moved", "roles"})
"""Item changes that alter what an answer scores (rewording alone does not)."""


def _item_changes(old_bank: Bank, old: Item, new_bank: Bank, new: Item) -> list[str]:
    changes = []
    old_scale, new_scale = old_bank.scale_of(old), new_bank.scale_of(new)
    old_values = [p.value for p in old_scale.points]
    if old.kind != new.kind or old_values != [p.value for p in new_scale.points]:
        changes.append("rescaled")
    elif old_scale.id != new_scale.id:
        changes.append("rescaled")
    if old.is_reversed != new.is_reversed or [(o.id, o.score) for o in old.options] != [
        (o.id, o.score) for o in new.options
    ]:
        changes.append("rekeyed")
    if old.weight != new.weight:
        changes.append("reweighted")
    if set(old.roles) != set(new.roles):
        changes.append("roles")
    if (
        old.text != new.text
        or old.scenario != new.scenario
        or [o.text for o in old.options] != [o.text for o in new.options]
    ):
        changes.append("reworded")
    return changes


def _indicators(bank: Bank) -> dict[str, Indicator]:
    return {i.id: i for p in bank.pillars for i in p.indicators}


def _home(bank: Bank) -> dict[str, str]:
    """Item id -> the id of its indicator."""
    return {item.id: i.id for p in bank.pillars for i in p.indicators for item in i.items}


def bank_diff(old: Bank, new: Bank) -> BankDiff:
    """Compare two banks (usually two versions of one bank)."""
    diff = BankDiff(f"{old.id} {old.version}", f"{new.id} {new.version}")
    diff.added_items = [i for i in new.items if i not in old.items]
    diff.removed_items = [i for i in old.items if i not in new.items]
    old_home, new_home = _home(old), _home(new)
    for item_id, item in new.items.items():
        if item_id not in old.items:
            continue
        changes = _item_changes(old, old.items[item_id], new, item)
        if old_home[item_id] != new_home[item_id]:
            changes.append("moved")
        if changes:
            diff.changed_items.append(ItemChange(item_id, tuple(changes)))
    old_indicators, new_indicators = _indicators(old), _indicators(new)
    diff.added_indicators = [i for i in new_indicators if i not in old_indicators]
    diff.removed_indicators = [i for i in old_indicators if i not in new_indicators]
    scoring_changed = {
        c.item_id for c in diff.changed_items if SCORING_CHANGES.intersection(c.changes)
    }
    for indicator_id, indicator in new_indicators.items():
        before = old_indicators.get(indicator_id)
        if before is None:
            continue
        old_items = {item.id for item in before.items}
        new_items = {item.id for item in indicator.items}
        if (
            old_items != new_items
            or before.weight != indicator.weight
            or scoring_changed & new_items
        ):
            diff.changed_indicators.append(indicator_id)
        else:
            diff.comparable_indicators.append(indicator_id)
    return diff


@dataclass(frozen=True)
class ComparableScores:
    """Which scores of two versions of a bank measure the same thing."""

    indicators: frozenset[str]
    """Indicators in both versions, unchanged."""
    pillars: frozenset[str]
    """Pillars with the same indicators in both, all of them comparable."""
    overall: bool
    """Whether every pillar compares, with the same weights."""


def comparable_scores(old: Bank, new: Bank) -> ComparableScores:
    """The scores of ``old`` and ``new`` that compare. Within one version every score
    does; across versions an indicator compares when ``bank_diff`` finds it unchanged,
    a pillar when all its indicators compare and none was added or removed, and the
    overall score when every pillar compares with the same weight."""
    old_indicators, new_indicators = _indicators(old), _indicators(new)
    if old.id == new.id and old.version == new.version:
        indicators = frozenset(old_indicators) & frozenset(new_indicators)
    else:
        indicators = frozenset(bank_diff(old, new).comparable_indicators)
    old_members = {p.id: {i.id for i in p.indicators} for p in old.pillars}
    pillars = frozenset(
        pillar.id
        for pillar in new.pillars
        if (members := {i.id for i in pillar.indicators}) == old_members.get(pillar.id)
        and members <= indicators
    )
    weights = {p.id: p.weight for p in new.pillars}
    overall = len(pillars) == len(new.pillars) and weights == {p.id: p.weight for p in old.pillars}
    return ComparableScores(indicators, pillars, overall)
