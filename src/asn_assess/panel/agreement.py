"""What a panel's ratings say about each situational item.

Per option: how many experts rated it (n), the mean and standard deviation (n - 1 in
the denominator) of their ratings, and r_wg, the within-group agreement index of James,
Demaree and Wolf (1984) for a single rating:

    r_wg = 1 - s² / σ²_EU,   σ²_EU = (A² - 1) / 12 = 2 for A = 5 rating points,

the observed variance against the variance of ratings given at random (uniform over
the five points). 1 is full agreement; 0 (the floor: a larger variance is cut to 0)
agreement no better than chance. The panel agrees on an option when r_wg >= 0.70, the
conventional cut-off (LeBreton & Senter, 2008). Variance and r_wg are computed as exact
fractions of the integer ratings, so the cut-off decides exactly.

Proposed scores: when the item has as many options as its scale has points (five
options on a 1-5 scale, as the bundled bank writes them), the options ranked by the
panel's mean get the scale's points, best first, each used once; ties in the mean are
broken by the higher median, then the smaller variance, then the bank's present score,
then the option's order. Otherwise each option gets the scale point nearest its mean
(mapped from 1-5 onto the scale's range).

An item is listed for discussion when an option's r_wg is below 0.70, when the panel's
best or worst option is not the bank's, when two options share the best or worst mean,
or when an option has fewer than two ratings (no agreement can be measured).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from statistics import median
from typing import Optional

from asn_assess.core.models import Bank, Item, Option
from asn_assess.panel.form import RATING_HIGH, RATING_LOW
from asn_assess.panel.ratings import PanelRatings

AGREEMENT_CUTOFF = Fraction(7, 10)
UNIFORM_VARIANCE = Fraction((RATING_HIGH - RATING_LOW + 1) ** 2 - 1, 12)
RECOMMENDED_RATERS = (8, 10)

# Why an item is listed for discussion.
LOW_AGREEMENT = "low-agreement"
BEST_DIFFERS = "best-differs"
WORST_DIFFERS = "worst-differs"
TIED_BEST = "tied-best"
TIED_WORST = "tied-worst"
TOO_FEW = "too-few-ratings"
REASONS = (LOW_AGREEMENT, BEST_DIFFERS, WORST_DIFFERS, TIED_BEST, TIED_WORST, TOO_FEW)


@dataclass(frozen=True)
class OptionFigures:
    """The panel's ratings of one option, and the score it proposes."""

    option: str
    n: int
    mean: Optional[float]
    sd: Optional[float]
    rwg: Optional[float]
    agrees: Optional[bool]
    """r_wg >= 0.70; None with fewer than two ratings."""
    bank_score: int
    proposed_score: Optional[int]


@dataclass(frozen=True)
class ItemFigures:
    """One situational item: its options' figures, best and worst by the bank and by
    the panel, and why it needs discussion (empty: it does not)."""

    item: str
    options: tuple[OptionFigures, ...]
    bank_best: str
    bank_worst: str
    panel_best: Optional[str]
    panel_worst: Optional[str]
    reasons: tuple[str, ...]

    @property
    def rekeyed(self) -> bool:
        """Whether the panel proposes a score other than the bank's for any option."""
        return any(
            o.proposed_score is not None and o.proposed_score != o.bank_score for o in self.options
        )


@dataclass(frozen=True)
class PanelAnalysis:
    """The whole panel: who rated, every rated item, and the items nobody rated."""

    bank: str
    version: str
    raters: tuple[str, ...]
    ratings: int
    items: tuple[ItemFigures, ...]
    not_rated: tuple[str, ...]
    agreement_cutoff: float = float(AGREEMENT_CUTOFF)

    @property
    def disputed(self) -> list[ItemFigures]:
        """The items to discuss."""
        return [item for item in self.items if item.reasons]

    def proposals(self) -> dict[str, dict[str, int]]:
        """Item -> option -> proposed score, for every item with a full proposal."""
        return {
            item.item: {o.option: o.proposed_score for o in item.options if o.proposed_score}
            for item in self.items
            if all(o.proposed_score is not None for o in item.options)
        }


def analyse_panel(bank: Bank, ratings: PanelRatings) -> PanelAnalysis:
    """The panel's figures for every item it rated."""
    items = tuple(_item_figures(bank, bank.items[item_id], ratings) for item_id in ratings.items)
    rated = set(ratings.items)
    not_rated = tuple(i.id for i in bank.items.values() if i.is_situational and i.id not in rated)
    return PanelAnalysis(
        bank.id, bank.version, tuple(ratings.raters), ratings.count, items, not_rated
    )


@dataclass(frozen=True)
class _Moments:
    n: int
    mean: Optional[Fraction]
    variance: Optional[Fraction]
    median: Optional[float]

    @classmethod
    def of(cls, values: list[int]) -> _Moments:
        n = len(values)
        if n == 0:
            return cls(0, None, None, None)
        mean = Fraction(sum(values), n)
        variance: Optional[Fraction] = None
        if n > 1:
            squares = sum(((Fraction(v) - mean) ** 2 for v in values), Fraction(0))
            variance = squares / (n - 1)
        return cls(n, mean, variance, float(median(values)))

    @property
    def rwg(self) -> Optional[Fraction]:
        if self.variance is None:
            return None
        return max(Fraction(0), 1 - self.variance / UNIFORM_VARIANCE)


def _item_figures(bank: Bank, item: Item, ratings: PanelRatings) -> ItemFigures:
    moments = {
        o.id: _Moments.of(list(ratings.ratings.get((item.id, o.id), {}).values()))
        for o in item.options
    }
    proposed = _proposed_scores(bank, item, moments)
    options = tuple(_option_figures(o, moments[o.id], proposed.get(o.id)) for o in item.options)
    bank_scores = {o.id: o.score for o in item.options}
    bank_best = max(item.options, key=lambda o: o.score).id
    bank_worst = min(item.options, key=lambda o: o.score).id
    means = {o: m.mean for o, m in moments.items() if m.mean is not None}
    reasons: list[str] = []
    if any(f.agrees is False for f in options):
        reasons.append(LOW_AGREEMENT)
    panel_best = panel_worst = None
    if len(means) == len(item.options):
        ranked = _ranked(item, moments)
        panel_best, panel_worst = ranked[0], ranked[-1]
        if bank_scores[panel_best] != bank_scores[bank_best]:
            reasons.append(BEST_DIFFERS)
        if bank_scores[panel_worst] != bank_scores[bank_worst]:
            reasons.append(WORST_DIFFERS)
        if sum(1 for m in means.values() if m == means[panel_best]) > 1:
            reasons.append(TIED_BEST)
        if sum(1 for m in means.values() if m == means[panel_worst]) > 1:
            reasons.append(TIED_WORST)
    if any(m.n < 2 for m in moments.values()):
        reasons.append(TOO_FEW)
    return ItemFigures(
        item.id, options, bank_best, bank_worst, panel_best, panel_worst, tuple(reasons)
    )


def _option_figures(option: Option, m: _Moments, proposed: Optional[int]) -> OptionFigures:
    rwg = m.rwg
    return OptionFigures(
        option=option.id,
        n=m.n,
        mean=_float(m.mean),
        sd=_sqrt(m.variance),
        rwg=_float(rwg),
        agrees=None if rwg is None else rwg >= AGREEMENT_CUTOFF,
        bank_score=option.score,
        proposed_score=proposed,
    )


def _ranked(item: Item, moments: dict[str, _Moments]) -> list[str]:
    """Option ids, the panel's best first (ties broken as the module says)."""
    order = {o.id: number for number, o in enumerate(item.options)}
    score = {o.id: o.score for o in item.options}

    def key(option_id: str) -> tuple[Fraction, float, Fraction, int, int]:
        m = moments[option_id]
        assert m.mean is not None and m.median is not None
        return (-m.mean, -m.median, m.variance or Fraction(0), -score[option_id], order[option_id])

    return sorted(moments, key=key)


def _proposed_scores(bank: Bank, item: Item, moments: dict[str, _Moments]) -> dict[str, int]:
    if any(m.mean is None for m in moments.values()):
        return {}  # an option nobody rated: no proposal for the item
    points = sorted((p.value for p in bank.scale_of(item).points), reverse=True)
    if len(points) == len(item.options):
        return dict(zip(_ranked(item, moments), points, strict=True))
    low, high = min(points), max(points)
    proposed = {}
    for option_id, m in moments.items():
        assert m.mean is not None
        target = low + (m.mean - RATING_LOW) * Fraction(high - low, RATING_HIGH - RATING_LOW)
        # The nearest point; on a tie between two, the higher.
        proposed[option_id] = min(points, key=lambda p: (abs(p - target), -p))
    return proposed


def _float(value: Optional[Fraction]) -> Optional[float]:
    return None if value is None else float(value)


def _sqrt(value: Optional[Fraction]) -> Optional[float]:
    return None if value is None else float(value) ** 0.5
