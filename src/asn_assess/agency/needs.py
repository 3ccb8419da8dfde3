"""Training needs and strengths: which behaviours most people need to develop, with the
bank's training for each, and which most people already show.

- A need: an indicator's people below the bank's development threshold (the
  ``develop_below_band``; the highest band when the bank names none), ranked from the
  most people to the fewest, then by share, then in bank order.
- The training: the indicator's actions of kind ``training``, with the JP (jam
  pelajaran) of each when the bank gives it. The JP of the first is the indicator's
  typical programme.
- A strength: an indicator's share of people in the bank's highest band, largest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.agency.figures import AgencyFigures, Figures, IndicatorRow
from asn_assess.core.models import Action, Bank, Indicator

STRENGTHS_SHOWN = 5


@dataclass(frozen=True)
class Need:
    """One indicator of the ranked list."""

    rank: int
    row: IndicatorRow
    figures: Figures
    indicator: Indicator
    training: tuple[Action, ...]

    @property
    def jp(self) -> Optional[int]:
        """The JP of the indicator's typical programme (its first training action that
        states one), when the bank says."""
        return next((j for a in self.training if (j := action_jp(a)) is not None), None)


def action_jp(action: Action) -> Optional[int]:
    """The JP an action counts towards the yearly 20 JP, when the bank says."""
    return action.jp


def training_actions(indicator: Indicator) -> tuple[Action, ...]:
    """The indicator's actions of kind ``training``, in bank order."""
    return tuple(action for action in indicator.actions if action.kind == "training")


def _indicator(bank: Bank, indicator_id: str) -> Indicator:
    return next(i for p in bank.pillars for i in p.indicators if i.id == indicator_id)


def ranked_needs(figures: AgencyFigures) -> list[Need]:
    """Every indicator the agency shows, most people below the threshold first."""
    order = {row.indicator: n for n, row in enumerate(figures.indicators)}
    shown = [(row, row.agency) for row in figures.indicators if isinstance(row.agency, Figures)]
    shown.sort(key=lambda pair: (-pair[1].below, -pair[1].share_below, order[pair[0].indicator]))
    needs = []
    for rank, (row, cell) in enumerate(shown, start=1):
        indicator = _indicator(figures.bank, row.indicator)
        needs.append(Need(rank, row, cell, indicator, training_actions(indicator)))
    return needs


def strengths(figures: AgencyFigures, shown: int = STRENGTHS_SHOWN) -> list[IndicatorRow]:
    """The indicators with the largest share of people in the highest band (at least
    one person there), largest first, then in bank order."""
    order = {row.indicator: n for n, row in enumerate(figures.indicators)}
    rows = [
        row for row in figures.indicators if isinstance(row.agency, Figures) and row.agency.top > 0
    ]
    rows.sort(key=lambda row: (-_share_top(row), order[row.indicator]))
    return rows[:shown]


def _share_top(row: IndicatorRow) -> float:
    assert isinstance(row.agency, Figures)
    return row.agency.share_top
