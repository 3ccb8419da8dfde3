"""The core-value profile of a report ("Profil BerAKHLAK"): each core value of the bank
with its score, band and how many of its questions were answered, worked out once for
every renderer. A self-contained block, so a layout may place it where it fits. Pure:
no terminal, no Rich."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.core.documents import Result, ValueResult
from asn_assess.core.i18n import t
from asn_assess.core.models import Bank
from asn_assess.reports.formatting import Level, level_of


@dataclass(frozen=True)
class ValueLine:
    """One core value of the profile."""

    id: str
    title: str
    description: Optional[str]
    level: Level
    answered: int
    total: int


@dataclass(frozen=True)
class ValueProfile:
    """The profile's heading, lines and the sentence saying what it is not."""

    title: str
    intro: str
    lines: list[ValueLine]
    disclaimer: str


def value_level(bank: Bank, result: ValueResult, language: str) -> Level:
    """The level of a core value, saying "not applicable" or "not enough answers"."""
    missing = t(
        "values.not_enough", language, answered=result.answered_items, total=result.total_items
    )
    return level_of(bank, result.score, result.band, language, result.not_applicable, missing)


def value_profile(bank: Bank, result: Result, language: str) -> Optional[ValueProfile]:
    """The profile of ``result``, or None when its bank declares no core values (or
    the result was saved without them)."""
    found = {value.id: value for value in result.values}
    if not bank.values or not found:
        return None
    lines = [
        ValueLine(
            id=value.id,
            title=bank.text(value.label, language),
            description=bank.text(value.description, language) if value.description else None,
            level=value_level(bank, found[value.id], language),
            answered=found[value.id].answered_items,
            total=found[value.id].total_items,
        )
        for value in bank.values
        if value.id in found
    ]
    return ValueProfile(
        title=t("values.title", language),
        intro=t("values.intro", language),
        lines=lines,
        disclaimer=t("values.disclaimer", language),
    )
