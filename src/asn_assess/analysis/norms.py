"""Norms: what a score means among colleagues.

A norm is a percentile table per level (overall, each pillar, each indicator) made from
the scores of many respondents: the score at each percentile 1..99, computed as
``numpy.percentile`` computes it (linear interpolation). A person's score is then placed
among them: "higher than 62% of colleagues in this norm" means that 62 of the 99
percentile points lie below the score. Norms never change a score or its band.

The scores are counted exactly (each distinct score with its count), so the table is
exact whatever the number of respondents, and memory grows with the number of distinct
scores, not of respondents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, Optional

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from asn_assess.analysis.measurement_error import Z95, Interval, score_band
from asn_assess.analysis.norm_reliability import ScaleReliability
from asn_assess.analysis.pooling import ALL, OTHER, pool_small_groups
from asn_assess.analysis.value_counts import ValueCounts
from asn_assess.core.decisions import places_below
from asn_assess.core.documents import parse_document
from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.files import read_text
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank
from asn_assess.core.scoring import BlockScores, BoolColumn, FloatColumn

PERCENTILES = tuple(range(1, 100))
DEFAULT_MINIMUM = 100
"""A norm rests on at least this many respondents unless the user lowers it; a table of
fewer is written too, marked provisional."""
LOWEST_MINIMUM = 30
"""The minimum can be lowered, with a warning, but never below this; and no table, not
even a provisional one, rests on fewer respondents: the percentiles of fewer people come
close to showing each one's score."""


class NormError(AssessError):
    """A norms file that cannot be read, does not fit the bank, or cannot be made."""


class LevelNorm(BaseModel):
    """The percentile table of one level (the overall score, a pillar, an indicator)."""

    model_config = ConfigDict(extra="forbid")

    n: int = Field(ge=1, description="Respondents with a score at this level.")
    provisional: bool = Field(
        default=False,
        description="Fewer respondents than the norm's minimum_n (and at least 30): the "
        "percentiles are written, to be read as provisional.",
    )
    percentiles: list[float] = Field(
        min_length=len(PERCENTILES),
        max_length=len(PERCENTILES),
        description="The score (0-100) at percentiles 1, 2, ..., 99, as numpy.percentile "
        "computes it (linear interpolation).",
    )

    def ranks(self, scores: FloatColumn) -> FloatColumn:
        """Per score, how many of the 99 percentile points lie below it: "higher than
        that many percent of the norm group". NaN for a missing score. Decided on exact
        values (``core.decisions``): equal scores are placed alike however computed."""
        below = places_below(np.asarray(self.percentiles), scores)
        return np.where(np.isnan(scores), np.nan, below.astype(np.float64))

    def rank(self, score: Optional[float]) -> Optional[int]:
        """``ranks`` for one score (None for no score)."""
        if score is None or math.isnan(score):
            return None
        return int(self.ranks(np.array([score], dtype=np.float64))[0])


class NormGroup(BaseModel):
    """The norms of one group of respondents: everyone, a unit, or the pooled small
    units."""

    model_config = ConfigDict(extra="forbid")

    group: str = Field(description=f"'{ALL}', a value of the group column, or '{OTHER}'.")
    n: int = Field(ge=1, description="Respondents in the group.")
    pooled_groups: int = Field(
        default=0, ge=0, description=f"For '{OTHER}': how many small groups it pools."
    )
    levels: dict[str, LevelNorm] = Field(
        description="'overall', 'pillar.<id>' and 'indicator.<id>' -> its table; a level "
        "with fewer scores than the norm's minimum is left out."
    )


class Norms(BaseModel):
    """Percentile tables of a bank's scores among a group of colleagues
    (``asn-assess analyze --norms-out``)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1, 2] = Field(
        default=2,
        description="Version of this layout: 2 added provisional tables and reliability.",
    )
    bank_id: str = Field(description="The bank whose scores these are.")
    bank_version: str = Field(description="That bank's version; other versions do not compare.")
    created: date = Field(description="When the norm was made.")
    source: str = Field(description="Where the scores came from, as given when it was made.")
    minimum_n: int = Field(ge=LOWEST_MINIMUM, description="Fewest respondents a table rests on.")
    group_by: Optional[str] = Field(default=None, description="The column groups come from.")
    excluded_flagged: Optional[int] = Field(
        default=None,
        description="Respondents left out for a response-quality flag (null: none were).",
    )
    groups: list[NormGroup] = Field(min_length=1, description=f"'{ALL}' first, then groups.")
    reliability: Optional[dict[str, ScaleReliability]] = Field(
        default=None,
        description="'pillar.<id>' and 'indicator.<id>' -> the scale's alpha and the SD "
        "of its scores among everyone in the norm, whose standard error of measurement "
        "gives each score its 95% band (null in files made before it was kept).",
    )

    def group(self, name: Optional[str] = None) -> NormGroup:
        """The group ``name`` (default: everyone); ``NormError`` naming the groups."""
        wanted = name or ALL
        for group in self.groups:
            if group.group == wanted:
                return group
        names = ", ".join(repr(g.group) for g in self.groups)
        raise NormError(say("reading.norm_no_group", group=wanted, groups=names))

    def has_group(self, name: str) -> bool:
        """Whether the norms have a table for group ``name``."""
        return any(group.group == name for group in self.groups)

    def describe(self, group: NormGroup) -> str:
        """Source, group, n and date in one line, shown wherever the norm is used."""
        where = "" if group.group == ALL else f", {group.group}"
        return f"{self.source}{where}, n={group.n}, {self.created.isoformat()}"

    def standard_error(self, key: str) -> Optional[float]:
        """The standard error of measurement of level ``key``; None without one."""
        found = (self.reliability or {}).get(key)
        return found.sem if found is not None else None


@dataclass(frozen=True)
class NormReference:
    """The norm group scores are placed in: one group of a norms file."""

    norms: Norms
    group: NormGroup

    @property
    def description(self) -> str:
        """Source, group, n and date: shown with every percentile."""
        return self.norms.describe(self.group)

    def rank(self, key: str, score: Optional[float]) -> Optional[int]:
        """How many percent of the group a score at level ``key`` is higher than; None
        without a score or without a table for the level."""
        level = self.group.levels.get(key)
        return None if level is None else level.rank(score)

    def ranks(self, key: str, scores: FloatColumn) -> FloatColumn:
        """``rank`` for a column of scores (NaN where there is none)."""
        level = self.group.levels.get(key)
        return np.full(scores.shape, np.nan) if level is None else level.ranks(scores)

    def provisional(self, key: str) -> Optional[int]:
        """The n of level ``key``'s table when it is provisional, else None."""
        level = self.group.levels.get(key)
        return level.n if level is not None and level.provisional else None

    def standard_error(self, key: str) -> Optional[float]:
        """The standard error of measurement of level ``key`` (None without one)."""
        return self.norms.standard_error(key)

    def band(self, key: str, score: Optional[float]) -> Optional[Interval]:
        """The 95% band of a score at level ``key``: score ± 1.96 SEM, within 0-100."""
        return score_band(score, self.standard_error(key))

    def bands(self, key: str, scores: FloatColumn) -> tuple[FloatColumn, FloatColumn]:
        """``band`` of a column of scores: lower and upper ends (NaN where none)."""
        sem = self.standard_error(key)
        if sem is None:
            missing = np.full(scores.shape, np.nan)
            return missing, missing.copy()
        return np.clip(scores - Z95 * sem, 0.0, 100.0), np.clip(scores + Z95 * sem, 0.0, 100.0)

    @property
    def has_reliability(self) -> bool:
        """Whether the norm gives scores a band (files made before it did not)."""
        return bool(self.norms.reliability)


def placement(norm: NormReference, scores: dict[str, Optional[float]]) -> dict[str, Any]:
    """Scores (level key -> score) placed in ``norm``, as JSON outputs write them:
    ``percentiles`` (level -> how many percent it is higher than), ``bands`` (level ->
    its 95% band's ``lower`` and ``upper``, or null without a score; only for the
    levels the norm keeps the reliability of, and only when it keeps any) and ``norm``
    (the norm's description)."""
    placed: dict[str, Any] = {
        "percentiles": {key: norm.rank(key, score) for key, score in scores.items()}
    }
    if norm.has_reliability:
        bands: dict[str, Any] = {}
        for key, score in scores.items():
            if norm.standard_error(key) is not None:
                band = norm.band(key, score)
                bands[key] = None if band is None else {"lower": band.lower, "upper": band.upper}
        placed["bands"] = bands
    placed["norm"] = norm.description
    return placed


def placed_in_norm(
    norm: NormReference, keys: list[str], scores: BlockScores, row: int
) -> dict[str, Any]:
    """``placement`` of one row of a scored block."""
    values = {key: float(level_scores(scores, key)[row]) for key in keys}
    return placement(norm, {key: None if v != v else v for key, v in values.items()})


def norm_reference(path: str | Path, bank: Bank, group: Optional[str] = None) -> NormReference:
    """Group ``group`` (default: everyone) of the norms file at ``path``, checked
    against ``bank``."""
    norms = load_norms(path, bank)
    return NormReference(norms, norms.group(group))


def load_norms(path: str | Path, bank: Optional[Bank] = None) -> Norms:
    """A norms file, checked against ``bank`` when given; ``NormError`` otherwise."""
    norms = parse_document(read_text(path, NormError), Norms, str(path), NormError)
    if bank is not None and (norms.bank_id, norms.bank_version) != (bank.id, bank.version):
        raise NormError(
            Problem(
                str(path),
                say(
                    "norms.other_bank",
                    norm_bank=norms.bank_id,
                    norm_version=norms.bank_version,
                    bank=bank.id,
                    version=bank.version,
                ),
            )
        )
    return norms


def level_keys(bank: Bank) -> list[str]:
    """The levels a norm has a table for, in the order of the batch columns."""
    keys = ["overall"] + [f"pillar.{p.id}" for p in bank.pillars]
    return keys + [f"indicator.{i.id}" for p in bank.pillars for i in p.indicators]


def level_scores(scores: BlockScores, key: str) -> FloatColumn:
    """The scores of level ``key`` in a scored block."""
    kind, _, level_id = key.partition(".")
    if kind == "overall":
        return scores.overall.score
    return (scores.pillars if kind == "pillar" else scores.indicators)[level_id].score


class NormAccumulator:
    """Counts the scores of every level, for everyone and per group, block by block."""

    def __init__(self, bank: Bank):
        self.bank = bank
        self.keys = level_keys(bank)
        self._groups: dict[str, dict[str, ValueCounts]] = {}
        self._sizes: dict[str, int] = {}

    def add(self, scores: BlockScores, groups: Optional[list[str]], keep: BoolColumn) -> None:
        """Count the scores of the rows where ``keep`` is True: for everyone, and per
        group when ``groups`` (one name per row) is given."""
        self._add(ALL, scores, keep)
        if groups is None:
            return
        names = np.array([name.strip() or "(blank)" for name in groups], dtype=object)
        for name in sorted(set(names[keep])):
            self._add(str(name), scores, keep & (names == name))

    def _add(self, group: str, scores: BlockScores, rows: BoolColumn) -> None:
        counts = self._groups.setdefault(group, {key: ValueCounts() for key in self.keys})
        self._sizes[group] = self._sizes.get(group, 0) + int(rows.sum())
        for key in self.keys:
            counts[key].add(level_scores(scores, key)[rows])

    def small_groups(self, minimum: int) -> int:
        """How many groups have fewer than ``minimum`` respondents (pooled)."""
        return sum(1 for name, n in self._sizes.items() if name != ALL and n < minimum)

    @property
    def respondents(self) -> int:
        """Everyone counted so far."""
        return self._sizes.get(ALL, 0)

    def norms(
        self,
        minimum: int,
        source: str,
        group_by: Optional[str] = None,
        excluded_flagged: Optional[int] = None,
        created: Optional[date] = None,
        alphas: Optional[dict[str, Optional[float]]] = None,
    ) -> Norms:
        """The percentile tables. Groups with fewer than ``minimum`` respondents are
        pooled as ``(other)`` (shown only when the pooled group reaches the minimum),
        as group summaries pool them. A table of fewer than ``minimum`` but at least
        ``LOWEST_MINIMUM`` scores is written, marked provisional; ``NormError`` when
        everyone together is fewer than that. ``alphas`` (level key -> the scale's
        alpha) adds each scale's reliability."""
        if minimum < LOWEST_MINIMUM:
            raise NormError(say("reading.norm_minimum", lowest=LOWEST_MINIMUM, minimum=minimum))
        everyone = self.respondents
        if everyone < LOWEST_MINIMUM:
            raise NormError(
                say("norms.too_few", minimum=minimum, everyone=everyone, lowest=LOWEST_MINIMUM)
            )
        groups = [self._group(ALL, [ALL], minimum)]
        sizes = {name: n for name, n in self._sizes.items() if name != ALL}
        pooled = pool_small_groups(sizes, minimum)
        groups += [self._group(name, [name], minimum) for name in pooled.shown]
        if pooled.pooled and sum(sizes[g] for g in pooled.pooled) >= minimum:
            groups.append(self._group(OTHER, list(pooled.pooled), minimum))
        return Norms(
            bank_id=self.bank.id,
            bank_version=self.bank.version,
            created=created or date.today(),
            source=source,
            minimum_n=minimum,
            group_by=group_by,
            excluded_flagged=excluded_flagged,
            groups=groups,
            reliability=self._reliability(alphas) if alphas is not None else None,
        )

    def _reliability(self, alphas: dict[str, Optional[float]]) -> dict[str, ScaleReliability]:
        """Per scale, its alpha and the spread of its scores among everyone."""
        found = {}
        for key in self.keys:
            if key in alphas:
                counts = self._groups.get(ALL, {}).get(key)
                sd = counts.sd() if counts is not None else None
                found[key] = ScaleReliability.of(alphas[key], sd, counts.n if counts else 0)
        return found

    def _group(self, name: str, members: list[str], minimum: int) -> NormGroup:
        levels: dict[str, LevelNorm] = {}
        for key in self.keys:
            counts = ValueCounts.merged([self._groups[member][key] for member in members])
            if counts.n >= LOWEST_MINIMUM:
                levels[key] = LevelNorm(
                    n=counts.n,
                    provisional=counts.n < minimum,
                    percentiles=counts.percentiles(PERCENTILES),
                )
        return NormGroup(
            group=name,
            n=sum(self._sizes[member] for member in members),
            pooled_groups=len(members) if name == OTHER else 0,
            levels=levels,
        )
