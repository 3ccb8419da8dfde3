"""Which raters' numbers a 360-degree report may show: the anonymity rules, in one place.

docs/multirater.md states them for HR readers; keep the two in step.

For one person rated and one indicator, with ``n`` the raters of each group who scored
the indicator and ``k`` the minimum group size (``min_raters``, 3 unless set, never
below 2):

1. A group shown on its own: a group the bank marks ``anonymous = false`` (the
   supervisor, one person by nature), whatever its size; an anonymous group with at
   least ``k`` raters.
2. The other groups (anonymous, fewer than ``k`` raters) are *small*. Their raters go
   into "others" only when, together, they are at least ``k``: "others" is printed
   beside every group shown on its own, so subtracting those would otherwise leave the
   sum of the small groups' raters, and with one or two of them, a person's answers.
   When the small groups together are fewer than ``k``, their ratings are *withheld*:
   left out of every number, "others" included.

So every set of raters whose total can be worked out from the printed numbers (a
group, "others", or "others" minus the groups shown) is either a non-anonymous group or
holds at least ``k`` raters. tests/test_multirater_anonymity.py checks this by
differencing every printed total against every other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from asn_assess.core.errors import UsageError
from asn_assess.core.i18n import say

MIN_RATERS = 3
"""Default smallest anonymous group shown on its own."""
LEAST_MIN_RATERS = 2
"""``min_raters`` is never lower: a group of one is one person's answers."""


class Visibility(str, Enum):
    """What a report does with a rater group's ratings."""

    SHOWN = "shown"
    """Its own mean is printed (and it counts in "others")."""
    POOLED = "pooled"
    """Only in "others", with other small groups."""
    WITHHELD = "withheld"
    """In no number at all."""


@dataclass(frozen=True)
class Disclosure:
    """What may be printed for one set of counts."""

    visibility: dict[str, Visibility]
    """Per group that has raters."""

    @property
    def others(self) -> frozenset[str]:
        """The groups whose raters make up "others" (every group not withheld)."""
        return frozenset(g for g, v in self.visibility.items() if v is not Visibility.WITHHELD)

    def groups(self, visibility: Visibility) -> list[str]:
        """The groups with this visibility, in the order the counts gave them."""
        return [group for group, seen in self.visibility.items() if seen is visibility]


def checked_min_raters(min_raters: int) -> int:
    """``min_raters`` when it is at least ``LEAST_MIN_RATERS``; ``UsageError`` otherwise."""
    if min_raters < LEAST_MIN_RATERS:
        raise UsageError(say("mr.error.min_raters", value=min_raters, least=LEAST_MIN_RATERS))
    return min_raters


def disclose(
    counts: Mapping[str, int], anonymous: Mapping[str, bool], min_raters: int = MIN_RATERS
) -> Disclosure:
    """Apply the rules to ``counts`` (raters per group; groups without raters are left
    out). ``anonymous`` says per group whether the bank keeps it anonymous."""
    checked_min_raters(min_raters)
    present = {group: n for group, n in counts.items() if n > 0}
    shown = {g for g, n in present.items() if not anonymous.get(g, True) or n >= min_raters}
    small = [g for g in present if g not in shown]
    hidden = sum(present[g] for g in small)
    fate = Visibility.POOLED if hidden >= min_raters else Visibility.WITHHELD
    return Disclosure({group: Visibility.SHOWN if group in shown else fate for group in present})
