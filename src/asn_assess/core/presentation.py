"""The order in which a bank's questions are asked.

The interactive session asks them in this order, and the response-quality rules read
answers in it (a run of identical answers is a run in the order people saw them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.core.models import Bank, Indicator, Item, Pillar


@dataclass(frozen=True)
class Question:
    """An item with where it sits in the bank."""

    pillar_number: int
    pillar: Pillar
    indicator: Indicator
    item: Item


def questions_of(
    bank: Bank, role: Optional[str] = None, rater_group: Optional[str] = None
) -> list[Question]:
    """The items ``role`` is asked (by ``rater_group``, when someone rates the person:
    ``Indicator.items_asked``), pillar by pillar, in the bank's presentation order.

    "grouped" asks each indicator's items together, in bank order. "interleaved" takes
    one item from each indicator of the pillar in turn (the first of each, then the
    second of each, ...), so that neighbouring questions belong to different
    indicators; the order depends only on the bank (and role), so it is the same for
    everyone who answers that bank version.
    """
    questions: list[Question] = []
    for number, pillar in enumerate(bank.pillars, start=1):
        columns = [
            [
                Question(number, pillar, indicator, item)
                for item in indicator.items_asked(role, rater_group)
            ]
            for indicator in pillar.indicators
        ]
        if bank.presentation == "interleaved":
            longest = max((len(column) for column in columns), default=0)
            questions += [
                column[i] for i in range(longest) for column in columns if i < len(column)
            ]
        else:
            questions += [question for column in columns for question in column]
    return questions
