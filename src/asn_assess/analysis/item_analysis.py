"""Item analysis of a bank from many respondents' answers, in one streaming pass.

``ItemAnalyzer`` takes blocks of keyed item scores (exactly as scoring computes them)
and answer codes, and keeps only sums: the reliability engine's O(k^2) moments, counts
of each answer per item, and counts of response-quality flags. ``ItemAnalyzer.result``
then gives, per indicator and per pillar, the figures of R's ``psych::alpha`` (alpha,
standardised alpha, average inter-item correlation, r.drop, alpha if an item is
dropped, item mean and sd), the share of each answer per item, the check of items
against other indicators, and the flags of ``item_rules``. A bank's core values are
scales too: the items tagged with each value, wherever they sit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

import numpy as np

from asn_assess.analysis.cross_check import cross_indicator_check
from asn_assess.analysis.item_rules import UNKNOWN, AnalysisFlag, alpha_verdict, analysis_flags
from asn_assess.analysis.measurement_error import feldt_interval
from asn_assess.analysis.omega import omega_total
from asn_assess.analysis.quality import RULES, QualityBlock
from asn_assess.analysis.reliability import ReliabilityAccumulator
from asn_assess.analysis.reliability_figures import MissingMode
from asn_assess.core.answer_codes import NO_ANSWER_CODE, AnswerCodes
from asn_assess.core.answers import answer_choices
from asn_assess.core.models import Bank
from asn_assess.core.scoring import BoolColumn, ItemColumns

ScaleKind = Literal["indicator", "pillar", "value"]


@dataclass(frozen=True)
class ItemFigures:
    """One item within a scale, as psych's ``item.stats`` and ``alpha.drop`` give it.

    Item scores are on 0-100 as scoring keys them. ``used`` is False for an item left
    out of the scale's figures (no variance, or fewer than two answers); None marks a
    figure that is undefined."""

    item: str
    n: int
    mean: Optional[float]
    sd: Optional[float]
    r_drop: Optional[float]
    alpha_if_dropped: Optional[float]
    std_alpha_if_dropped: Optional[float]
    average_r_if_dropped: Optional[float]
    used: bool


@dataclass(frozen=True)
class ScaleFigures:
    """An indicator's, a pillar's or a core value's reliability. ``n_min``-``n_max``: the respondents
    the figures rest on (pairwise: the fewest and most who answered a pair of its
    items; listwise: those who answered them all). ``problems``: the reliability
    engine's codes, with item ids (``constant-item:disiplin-01``)."""

    kind: ScaleKind
    id: str
    n_min: int
    n_max: int
    raw_alpha: Optional[float]
    std_alpha: Optional[float]
    average_r: Optional[float]
    items: tuple[ItemFigures, ...]
    problems: tuple[str, ...]
    respondents: int = 0
    """Respondents who answered at least one of the scale's items (listwise: all of
    them): the n of the Feldt interval, as psych counts the rows it is given."""
    alpha_lower: Optional[float] = None
    """Feldt's 95% interval of ``raw_alpha`` (psych::alpha's ``$feldt``)."""
    alpha_upper: Optional[float] = None
    omega_total: Optional[float] = None
    """McDonald's omega total of a one-factor model (psych::omega, nfactors = 1)."""
    omega_turned: tuple[str, ...] = ()
    """Items the one-factor model turns round (loading negatively), as psych does."""
    verdict: str = UNKNOWN
    """Whether the scores are reliable enough to compare people (``item_rules``)."""


@dataclass(frozen=True)
class AnswerShares:
    """How the respondents asked an item answered it: each choice (a scale value or an
    option id, in ``answer_choices`` order), "not applicable", or skipped."""

    item: str
    asked: int
    not_applicable: int
    skipped: int
    choices: tuple[str, ...]
    counts: tuple[int, ...]

    @property
    def answered(self) -> int:
        """Respondents who chose one of the choices."""
        return sum(self.counts)

    @property
    def modal(self) -> tuple[Optional[str], Optional[float]]:
        """The most common choice and its share of the answered, or (None, None)."""
        if not self.answered:
            return None, None
        top = max(range(len(self.counts)), key=lambda code: self.counts[code])
        return self.choices[top], self.counts[top] / self.answered


@dataclass(frozen=True)
class CrossCheck:
    """Whether an indicator's items correlate more with another indicator's total than
    with their own (``rival_r`` > ``own_r``); ``closer_items`` lists the items that do
    so one by one."""

    indicator: str
    own_r: Optional[float]
    rival: Optional[str]
    rival_r: Optional[float]
    flagged: bool
    closer_items: tuple[str, ...]


@dataclass(frozen=True)
class ItemAnalysis:
    """Everything ``asn-assess analyze`` reports, in the bank's order."""

    bank_id: str
    bank_version: str
    missing: MissingMode
    respondents: int
    """Respondents the figures rest on (after any left out for quality flags)."""
    indicators: tuple[ScaleFigures, ...]
    pillars: tuple[ScaleFigures, ...]
    answers: tuple[AnswerShares, ...]
    cross_checks: tuple[CrossCheck, ...]
    flags: tuple[AnalysisFlag, ...]
    quality: dict[str, int]
    """Per response-quality rule, how many respondents it flags (before any are left
    out; of the chosen role only, when one was chosen)."""
    flagged: int
    """Respondents with at least one response-quality flag."""
    excluded_flagged: Optional[int]
    """Flagged respondents left out of every figure; None when none were left out."""
    role: Optional[str] = None
    """The only role analysed, when one was chosen."""
    other_roles: int = 0
    """Respondents of other roles, left out of every figure (with ``role``)."""
    values: tuple[ScaleFigures, ...] = ()
    """The core values (BerAKHLAK) as scales of their tagged items; none without."""


class AnswerCounter:
    """Per item: respondents asked, "not applicable" answers and each choice's count."""

    def __init__(self, bank: Bank):
        self.items = list(bank.items.values())
        self.choices = [answer_choices(bank, item) for item in self.items]
        self.asked = np.zeros(len(self.items), dtype=np.int64)
        self.not_applicable = np.zeros(len(self.items), dtype=np.int64)
        self.counts = [np.zeros(len(c), dtype=np.int64) for c in self.choices]

    def add(
        self,
        columns: ItemColumns,
        codes: AnswerCodes,
        roles: Optional[list[Optional[str]]],
        keep: BoolColumn,
    ) -> None:
        """Count the rows where ``keep`` is True; a row is asked an item when its role
        is (None: every item)."""
        role_names = None if roles is None else np.array([r or "" for r in roles], dtype=object)
        for index, item in enumerate(self.items):
            asked = keep
            if role_names is not None and item.roles:
                asked = keep & ((role_names == "") | np.isin(role_names, item.roles))
            self.asked[index] += int(asked.sum())
            column, code = columns.get(item.id), codes.get(item.id)
            if column is not None:
                self.not_applicable[index] += int((column.not_applicable & asked).sum())
            if code is not None:
                chosen = code[asked & (code != NO_ANSWER_CODE)]
                self.counts[index] += np.bincount(chosen, minlength=len(self.choices[index]))

    def shares(self) -> tuple[AnswerShares, ...]:
        """The counts of every item."""
        return tuple(
            AnswerShares(
                item=item.id,
                asked=int(self.asked[i]),
                not_applicable=int(self.not_applicable[i]),
                skipped=int(self.asked[i] - self.not_applicable[i] - self.counts[i].sum()),
                choices=tuple(str(choice) for choice in self.choices[i]),
                counts=tuple(int(count) for count in self.counts[i]),
            )
            for i, item in enumerate(self.items)
        )


class ItemAnalyzer:
    """Accumulates the answers of a bank's respondents for ``ItemAnalysis``."""

    def __init__(
        self,
        bank: Bank,
        missing: MissingMode = "pairwise",
        exclude_flagged: bool = False,
        role: Optional[str] = None,
    ):
        self.bank = bank
        self.missing = missing
        self.exclude_flagged = exclude_flagged
        self.role = role
        self.other_roles = 0
        self.item_ids = list(bank.items)
        position = {item_id: index for index, item_id in enumerate(self.item_ids)}
        self.scales: list[tuple[ScaleKind, str, list[int]]] = []
        for pillar in bank.pillars:
            for indicator in pillar.indicators:
                members = [position[item.id] for item in indicator.items]
                self.scales.append(("indicator", indicator.id, members))
        for pillar in bank.pillars:
            members = [position[i.id] for ind in pillar.indicators for i in ind.items]
            self.scales.append(("pillar", pillar.id, members))
        for value in bank.values:
            members = [position[item.id] for item in bank.items_of_value(value.id)]
            self.scales.append(("value", value.id, members))
        # Listwise figures of a set need its own complete rows: register every scale,
        # only when asked for (each costs as much as the whole pairwise sums).
        sets = [members for _, _, members in self.scales] if missing == "listwise" else []
        self.reliability = ReliabilityAccumulator(len(self.item_ids), sets)
        self.answering = np.zeros(len(self.scales), dtype=np.int64)
        """Per scale: respondents with at least one answer to it (all, listwise)."""
        self.counter = AnswerCounter(bank)
        self.quality = {rule.id: 0 for rule in RULES}
        self.flagged = 0
        self.excluded = 0

    def add(
        self,
        rows: int,
        columns: ItemColumns,
        codes: AnswerCodes,
        roles: Optional[list[Optional[str]]],
        quality: Optional[QualityBlock] = None,
    ) -> BoolColumn:
        """Add a block of ``rows`` respondents: item columns and answer codes as readers
        give them, each row's role, and the block's quality values. Returns the rows
        that went into the figures: all, but those of other roles when a role was
        chosen, and flagged rows when they are excluded."""
        keep = np.ones(rows, dtype=bool)
        if self.role is not None:
            keep = np.array([role == self.role for role in roles or [None] * rows], dtype=bool)
            self.other_roles += int(rows - keep.sum())
        if quality is not None:
            for rule in RULES:
                self.quality[rule.id] += int((quality.flagged(rule.id) & keep).sum())
            flagged = quality.any_flagged & keep
            self.flagged += int(flagged.sum())
            if self.exclude_flagged:
                keep &= ~flagged
                self.excluded += int(flagged.sum())
        scores = np.full((int(keep.sum()), len(self.item_ids)), np.nan)
        for index, item_id in enumerate(self.item_ids):
            column = columns.get(item_id)
            if column is not None:
                scores[:, index] = np.where(column.answered, column.scores, np.nan)[keep]
        self.reliability.add(scores)
        present = ~np.isnan(scores)
        for index, (_, _, members) in enumerate(self.scales):
            answering = present[:, members]
            whole = answering.all(axis=1) if self.missing == "listwise" else answering.any(axis=1)
            self.answering[index] += int(whole.sum())
        self.counter.add(columns, codes, roles, keep)
        return keep

    def result(self) -> ItemAnalysis:
        """The figures of everything added."""
        figures = [
            self._scale(kind, scale_id, members, int(self.answering[index]))
            for index, (kind, scale_id, members) in enumerate(self.scales)
        ]
        indicators = tuple(f for f in figures if f.kind == "indicator")
        pillars = tuple(f for f in figures if f.kind == "pillar")
        values = tuple(f for f in figures if f.kind == "value")
        answers = self.counter.shares()
        cross = self._cross_checks()
        return ItemAnalysis(
            bank_id=self.bank.id,
            bank_version=self.bank.version,
            missing=self.missing,
            respondents=self.reliability.rows,
            indicators=indicators,
            pillars=pillars,
            answers=answers,
            cross_checks=cross,
            flags=analysis_flags(indicators, pillars, answers, cross, values),
            quality=dict(self.quality),
            flagged=self.flagged,
            excluded_flagged=self.excluded if self.exclude_flagged else None,
            role=self.role,
            other_roles=self.other_roles,
            values=values,
        )

    def _scale(
        self, kind: ScaleKind, scale_id: str, members: list[int], answering: int
    ) -> ScaleFigures:
        result = self.reliability.subset_result(members, self.missing)
        used = [item.index for item in result.items if item.used]
        interval = feldt_interval(result.raw_alpha, answering, len(used))
        problems = [self._named(problem) for problem in result.problems]
        omega = omega_total(self.reliability.correlations(used, self.missing)) if used else None
        if omega is not None and omega.problem is not None and result.raw_alpha is not None:
            problems.append(f"omega-{omega.problem}")
        turned = tuple(self.item_ids[used[i]] for i in omega.turned) if omega else ()
        problems += [f"omega-turned:{item}" for item in turned if omega and omega.omega_total]
        return ScaleFigures(
            respondents=answering,
            alpha_lower=interval.lower if interval else None,
            alpha_upper=interval.upper if interval else None,
            omega_total=omega.omega_total if omega else None,
            omega_turned=turned,
            verdict=alpha_verdict(result.raw_alpha, interval.lower if interval else None),
            kind=kind,
            id=scale_id,
            n_min=result.n_min,
            n_max=result.n_max,
            raw_alpha=result.raw_alpha,
            std_alpha=result.std_alpha,
            average_r=result.average_r,
            items=tuple(
                ItemFigures(
                    item=self.item_ids[item.index],
                    n=item.n,
                    mean=item.mean,
                    sd=item.sd,
                    r_drop=item.r_drop,
                    alpha_if_dropped=item.alpha_if_dropped,
                    std_alpha_if_dropped=item.std_alpha_if_dropped,
                    average_r_if_dropped=item.average_r_if_dropped,
                    used=item.used,
                )
                for item in result.items
            ),
            problems=tuple(problems),
        )

    def _named(self, problem: str) -> str:
        """A problem code with item ids in place of column indices."""
        code, *indices = problem.split(":")
        return ":".join([code, *(self.item_ids[int(i)] for i in indices)])

    def _cross_checks(self) -> tuple[CrossCheck, ...]:
        indicators = {
            scale_id: members for kind, scale_id, members in self.scales if kind == "indicator"
        }
        checks = cross_indicator_check(self.reliability, indicators, self.missing)
        return tuple(
            CrossCheck(
                indicator=check.indicator,
                own_r=check.own_r,
                rival=check.rival,
                rival_r=check.rival_r,
                flagged=check.flagged,
                closer_items=tuple(self.item_ids[i.index] for i in check.items if i.flagged),
            )
            for check in checks
        )
