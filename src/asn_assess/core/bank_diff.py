"""What changed between two versions of a bank, item by item and indicator by indicator.

Used by `asn-assess bank diff` and by history comparisons, which compare an indicator
across two results only when it measures the same thing in both versions. Changes that
leave every score as it was (wording, value tags, raters, development actions, bank
settings) are listed too, so that a reader of the diff sees everything that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asn_assess.core.models import Bank, Indicator, Item, Pillar


@dataclass(frozen=True)
class ItemChange:
    """An item present in both versions whose scoring or wording changed."""

    item_id: str
    changes: tuple[str, ...]
    """Machine-readable kinds: rescaled, rekeyed, reweighted, moved, reworded, roles,
    values (its core-value tags), raters (its own ``rated_by``)."""


@dataclass(frozen=True)
class Revision:
    """A pillar or indicator in both versions whose own texts, weight, raters or
    development actions changed (its items are compared one by one)."""

    id: str
    changes: tuple[str, ...]
    """Machine-readable kinds: reworded (title or description), reweighted, raters,
    actions."""


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
    revised_pillars: list[Revision] = field(default_factory=list)
    revised_indicators: list[Revision] = field(default_factory=list)
    changed_settings: list[str] = field(default_factory=list)
    """Top-level keys of the bank whose value differs (e.g. scoring_version, bands)."""
    added_values: list[str] = field(default_factory=list)
    removed_values: list[str] = field(default_factory=list)
    changed_values: list[str] = field(default_factory=list)
    """Core values in both versions whose label or description changed (the items a
    value tags show as each item's ``values`` change)."""

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
            or SCORING_SETTINGS.intersection(self.changed_settings)
        )


SCORING_CHANGES = frozenset({"rescaled", "rekeyed", "reweighted", "moved", "roles"})
"""Item changes that alter what an answer scores (rewording alone does not)."""
SCORING_SETTINGS = frozenset({"scoring_version", "min_answered", "min_answered_statements"})
"""Bank settings that decide whether a level gets a score."""


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
        or old.observer_text != new.observer_text
        or old.rationale != new.rationale
        or [o.text for o in old.options] != [o.text for o in new.options]
    ):
        changes.append("reworded")
    if set(old.values) != set(new.values):
        changes.append("values")
    if set(old.rated_by) != set(new.rated_by):
        changes.append("raters")
    return changes


def _revisions(old: Pillar | Indicator, new: Pillar | Indicator) -> list[str]:
    changes = []
    if old.title != new.title or old.description != new.description:
        changes.append("reworded")
    if old.weight != new.weight:
        changes.append("reweighted")
    if isinstance(old, Indicator) and isinstance(new, Indicator):
        if set(old.rated_by) != set(new.rated_by):
            changes.append("raters")
        # An action's own words and fit, apart from its tags (the items it addresses,
        # its JP, whether it is linked): a re-tagging is named as such.
        if [(a.kind, a.text, a.weeks, a.roles) for a in old.actions] != [
            (a.kind, a.text, a.weeks, a.roles) for a in new.actions
        ]:
            changes.append("actions")
        if [(a.items, a.jp, a.linked) for a in old.actions] != [
            (a.items, a.jp, a.linked) for a in new.actions
        ]:
            changes.append("action-tags")
    return changes


SETTINGS = (
    "title",
    "description",
    "source",
    "languages",
    "scoring_version",
    "min_answered_statements",
    "min_answered",
    "develop_below_band",
    "presentation",
    "roles",
    "rater_groups",
    "scales",
    "bands",
    "consistency_pairs",
)
"""The bank's own keys compared by the diff (everything but its id, version, pillars and
core values, which are listed one by one)."""


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
        revisions = _revisions(before, indicator)
        if revisions:
            diff.revised_indicators.append(Revision(indicator_id, tuple(revisions)))
    old_pillars = {p.id: p for p in old.pillars}
    for pillar in new.pillars:
        if pillar.id in old_pillars:
            revisions = _revisions(old_pillars[pillar.id], pillar)
            if revisions:
                diff.revised_pillars.append(Revision(pillar.id, tuple(revisions)))
    diff.changed_settings = [key for key in SETTINGS if getattr(old, key) != getattr(new, key)]
    old_values = {value.id: value for value in old.values}
    new_values = {value.id: value for value in new.values}
    diff.added_values = [v for v in new_values if v not in old_values]
    diff.removed_values = [v for v in old_values if v not in new_values]
    diff.changed_values = [
        v for v, value in new_values.items() if v in old_values and old_values[v] != value
    ]
    return diff
