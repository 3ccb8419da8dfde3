"""The notes of `asn-assess analyze`: why a figure is missing, one note per reason.

A reason that concerns several indicators or items (two items of different roles
never answered together make alpha undefined for their indicator and their pillar)
is one note naming all of them, not one note each. Notes are numbered in the order
they are first needed; a table row whose figures a note explains shows its number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asn_assess.core.i18n import t

SCALE_CODES = (
    "too-few-pairs",
    "too-few-respondents",
    "too-few-items",
    "non-positive-total-variance",
    "listwise-wider-set",
    "omega-too-few-items",
    "omega-undefined-correlation",
    "omega-non-positive-total-variance",
    "omega-turned",
)
"""Reasons about a whole indicator or pillar (its row in the reliability table)."""
ITEM_CODES = ("constant-item", "too-few-observations", "non-positive-rest-variance")
"""Reasons about one item (its row in its indicator's item table)."""
# Reasons worked out by the view, not reported by the reliability engine.
TWO_ITEMS = "two-items"
NOT_ASKED = "not-asked"
SCALE_UNDEFINED = "scale-undefined"
UNDEFINED = "undefined"


@dataclass
class _Reason:
    number: int
    scales: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


class Notes:
    """Numbered notes, one per reason, with every scale and item each concerns."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._reasons: dict[str, _Reason] = {}

    def add(self, code: str, scale: str, items: tuple[str, ...] = ()) -> int:
        """Note that ``code`` concerns ``scale`` (a title) and ``items``; its number."""
        reason = self._reasons.setdefault(code, _Reason(len(self._reasons) + 1))
        if scale and scale not in reason.scales:
            reason.scales.append(scale)
        reason.items += [item for item in items if item not in reason.items]
        return reason.number

    def sentences(self) -> list[str]:
        """The notes in number order, each a sentence."""
        ordered = sorted(self._reasons.items(), key=lambda pair: pair[1].number)
        return [
            t(
                f"analyze.group.{code}",
                self.language,
                scales=self.listed(reason.scales),
                items=self.listed(reason.items),
            )
            for code, reason in ordered
        ]

    def listed(self, names: list[str]) -> str:
        """ "a, b and c"."""
        if len(names) <= 1:
            return "".join(names)
        return t("analyze.list_and", self.language, first=", ".join(names[:-1]), last=names[-1])


def reference(numbers: set[int]) -> str:
    """The note column of a row: "1" or "1, 3"; empty without a note."""
    return ", ".join(str(number) for number in sorted(numbers))


def split(problem: str) -> tuple[str, tuple[str, ...]]:
    """A problem code and the items it names: ``too-few-pairs:a:b`` -> (code, (a, b))."""
    code, *items = problem.split(":")
    return code, tuple(items)
