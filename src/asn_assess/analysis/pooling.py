"""Small groups are never shown on their own: the one pooling rule of group summaries
(``batch --summary-by``) and grouped norms (``analyze --group-by``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

OTHER = "(other)"
ALL = "(all)"


@dataclass(frozen=True)
class PooledGroups:
    """Which groups are shown by name and which are pooled as ``OTHER``."""

    shown: tuple[str, ...]
    """Groups with at least the minimum number of people, sorted by name."""
    pooled: tuple[str, ...]
    """Smaller groups, sorted by name: shown together as ``OTHER``, never alone."""


def pool_small_groups(sizes: Mapping[str, int], minimum: int) -> PooledGroups:
    """Split groups (name -> number of people) into those shown by name (at least
    ``minimum`` people) and those pooled (fewer)."""
    return PooledGroups(
        shown=tuple(sorted(g for g, n in sizes.items() if n >= minimum)),
        pooled=tuple(sorted(g for g, n in sizes.items() if n < minimum)),
    )
