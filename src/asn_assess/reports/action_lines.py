"""A development action as every report writes it: its kind, its text, and its time
frame and JP when the bank gives them. Pure: no terminal, no Rich."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.core.i18n import t
from asn_assess.core.models import Action, Bank


@dataclass(frozen=True)
class ActionLine:
    """A development action."""

    kind: str
    kind_label: str
    text: str
    weeks: Optional[str]
    """"2 minggu" / "2 weeks", when the bank suggests a time frame."""
    jp: Optional[str] = None
    """"8 JP", when the action counts towards the yearly competency development."""

    @property
    def details(self) -> Optional[str]:
        """Time frame and JP as shown beside the kind, e.g. "4 minggu, 8 JP"."""
        shown = [part for part in (self.weeks, self.jp) if part]
        return ", ".join(shown) if shown else None


def action_line(bank: Bank, action: Action, language: str) -> ActionLine:
    """An action as every report writes it: its kind, text and time frame."""
    weeks = None
    if action.weeks is not None:
        key = "export.week" if action.weeks == 1 else "export.weeks"
        weeks = t(key, language, weeks=action.weeks)
    jp = t("action.jp", language, jp=action.jp) if action.jp is not None else None
    return ActionLine(
        action.kind,
        t("action." + action.kind, language),
        bank.text(action.text, language),
        weeks,
        jp,
    )
