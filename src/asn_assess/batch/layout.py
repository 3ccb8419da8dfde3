"""The flat results table (one row per respondent): its columns, their types, and how a
scored block fills them. The only place the CSV column layout is written down."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Optional, cast

import numpy as np

from asn_assess.analysis.norms import NormReference, level_keys, level_scores
from asn_assess.analysis.quality import RULES
from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.files import FORMULA_STARTS, spreadsheet_safe
from asn_assess.core.models import SELF, Bank
from asn_assess.core.scoring import LevelScores

ColumnKind = Literal["text", "integer", "score", "measure", "band", "band_label", "percentile"]
"""``score``: a 0-100 score (rounded with ``decimals``); ``measure``: another number (a
quality rule's value); ``band_label``: the band's name in a language, beside its id."""


LABEL_SUFFIX = "_label"  # a band column's name and this: the band's name in words


@dataclass(frozen=True)
class OutputColumn:
    """One column of the results table and how to fill it from a scored block."""

    name: str
    kind: ColumnKind
    fill: Callable[[ScoredBlock], Any]
    """The column's values for a block: a list of text, or a numpy array."""


def output_columns(
    bank: Bank,
    norm: Optional[NormReference] = None,
    band_labels: bool = False,
    kept: Sequence[str] = (),
) -> list[OutputColumn]:
    """The results table's columns, in order; with a norm, each score's percentile; with
    ``band_labels``, a ``<band column>_label`` column after each band column; at the end
    the ``kept`` input columns (``input.<name>``, ``--keep``)."""

    def level_columns(
        prefix: str, level: Callable[[ScoredBlock], LevelScores]
    ) -> list[OutputColumn]:
        band = OutputColumn(f"{prefix}band", "band", lambda b: level(b).band)
        label = OutputColumn(f"{prefix}band{LABEL_SUFFIX}", "band_label", band.fill)
        return [
            OutputColumn(f"{prefix}score", "score", lambda b: level(b).score),
            band,
            *([label] if band_labels else []),
        ]

    def counts(prefix: str, level: Callable[[ScoredBlock], LevelScores]) -> list[OutputColumn]:
        return [
            OutputColumn(f"{prefix}answered_items", "integer", lambda b: level(b).answered),
            OutputColumn(
                f"{prefix}not_applicable_items", "integer", lambda b: level(b).not_applicable
            ),
        ]

    overall: Callable[[ScoredBlock], LevelScores] = lambda b: b.scores.overall  # noqa: E731
    columns = [
        OutputColumn("source", "text", lambda b: [b.answers.source] * b.answers.size),
        OutputColumn("row", "integer", lambda b: b.answers.rows),
        OutputColumn("respondent_id", "text", lambda b: b.answers.respondent_ids),
        OutputColumn("role", "text", lambda b: b.answers.roles or [None] * b.answers.size),
        OutputColumn("target", "text", lambda b: b.answers.targets or [None] * b.answers.size),
        OutputColumn(
            "rater_group", "text", lambda b: b.answers.rater_groups or [SELF] * b.answers.size
        ),
        *counts("", overall),
        OutputColumn("total_items", "integer", lambda b: b.scores.overall.total),
        *level_columns("overall_", overall),
    ]
    for pillar in bank.pillars:

        def pillar_level(b: ScoredBlock, key: str = pillar.id) -> LevelScores:
            return b.scores.pillars[key]

        def scored(b: ScoredBlock, key: str = pillar.id) -> Any:
            return b.scores.pillars[key].parts_scored

        prefix = f"pillar.{pillar.id}."
        columns += [
            *level_columns(prefix, pillar_level),
            *counts(prefix, pillar_level),
            OutputColumn(f"{prefix}scored_indicators", "integer", scored),
        ]
    for pillar in bank.pillars:
        for indicator in pillar.indicators:

            def indicator_level(b: ScoredBlock, key: str = indicator.id) -> LevelScores:
                return b.scores.indicators[key]

            prefix = f"indicator.{indicator.id}."
            columns += [*level_columns(prefix, indicator_level), *counts(prefix, indicator_level)]
    for value in bank.values:

        def value_level(b: ScoredBlock, key: str = value.id) -> LevelScores:
            return b.scores.values[key]

        prefix = f"value.{value.id}."
        columns += [*level_columns(prefix, value_level), *counts(prefix, value_level)]
    return columns + quality_columns() + percentile_columns(bank, norm) + kept_columns(kept)


def kept_columns(names: Sequence[str]) -> list[OutputColumn]:
    """Input columns carried as they are, by their output names."""

    def cells(b: ScoredBlock, name: str) -> Any:
        kept = b.answers.kept or {}
        return kept.get(name) or [None] * b.answers.size

    return [
        OutputColumn(name, "text", lambda b, name=name: cells(b, name))  # type: ignore[misc]
        for name in names
    ]


def percentile_columns(bank: Bank, norm: Optional[NormReference]) -> list[OutputColumn]:
    """With a norm: per level, how many percent of the norm group the score is higher
    than (empty without a score); when the norm keeps the level's reliability, the
    lower and upper ends of the score's 95% band (``<level>.lower``, ``.upper``); then
    the norm itself (source, group, n, date)."""
    if norm is None:
        return []
    columns = []
    for key in level_keys(bank):

        def ranks(b: ScoredBlock, key: str = key) -> Any:
            return norm.ranks(key, level_scores(b.scores, key))

        name = "overall_percentile" if key == "overall" else f"{key}.percentile"
        columns.append(OutputColumn(name, "percentile", ranks))
        if norm.standard_error(key) is None:
            continue
        for end, name in ((0, "lower"), (1, "upper")):

            def band_end(b: ScoredBlock, key: str = key, end: int = end) -> Any:
                return norm.bands(key, level_scores(b.scores, key))[end]

            columns.append(OutputColumn(f"{key}.{name}", "score", band_end))
    description = spreadsheet_safe(norm.description)  # text given by people: never a formula
    columns.append(OutputColumn("norm", "text", lambda b: [description] * b.answers.size))
    return columns


def quality_columns() -> list[OutputColumn]:
    """The rules each row trips, then every rule's value (empty when not measured, or
    when the run applies no quality rules)."""

    def flagged(b: ScoredBlock) -> Any:
        if b.quality is None:
            return [None] * b.answers.size
        # Each row's set of tripped rules as a bit mask; few masks occur, so each is
        # spelled out once and looked up per row.
        masks = np.zeros(b.answers.size, dtype=np.int64)
        for bit, rule in enumerate(RULES):
            masks |= b.quality.flagged(rule.id).astype(np.int64) << bit
        found, where = np.unique(masks, return_inverse=True)
        spelled = [
            " ".join(rule.id for bit, rule in enumerate(RULES) if int(mask) >> bit & 1) or None
            for mask in found
        ]
        return np.array(spelled, dtype=object)[where.reshape(-1)]

    def value(b: ScoredBlock, rule_id: str) -> Any:
        if b.quality is None:
            return np.full(b.answers.size, np.nan)
        return b.quality.values[rule_id]

    columns = [OutputColumn("quality_flags", "text", flagged)]
    for rule in RULES:

        def rule_value(b: ScoredBlock, rule_id: str = rule.id) -> Any:
            return value(b, rule_id)

        columns.append(OutputColumn(f"quality.{rule.id}", "measure", rule_value))
    return columns


def column_names(
    bank: Bank,
    norm: Optional[NormReference] = None,
    band_labels: bool = False,
    kept: Sequence[str] = (),
) -> list[str]:
    """The results table's header."""
    return [column.name for column in output_columns(bank, norm, band_labels, kept)]


class ResultsTable:
    """Builds pyarrow tables of the results layout for a bank (with percentile columns
    when given a ``norm``). ``for_spreadsheets`` passes text cells through
    ``core.files.spreadsheet_safe`` (a cell a spreadsheet would run as a formula gets a
    leading '). ``decimals`` rounds the scores; ``band_labels`` (a language) adds the
    bands' names in that language."""

    def __init__(
        self,
        bank: Bank,
        norm: Optional[NormReference] = None,
        for_spreadsheets: bool = False,
        decimals: Optional[int] = None,
        band_labels: Optional[str] = None,
        kept: Sequence[str] = (),
    ):
        pa = pyarrow()

        self.for_spreadsheets = for_spreadsheets
        self.decimals = decimals
        self.columns = output_columns(bank, norm, band_labels is not None, kept)
        # Gathered by band index; the last entry (None) stands for no band (index -1).
        self.band_ids = np.array([band.id for band in bank.bands] + [None], dtype=object)
        self.band_names = np.array(
            [bank.text(band.label, band_labels or bank.languages[0]) for band in bank.bands]
            + [None],
            dtype=object,
        )
        types = {
            "text": pa.string(),
            "integer": pa.int64(),
            "score": pa.float64(),
            "measure": pa.float64(),
            "band": pa.string(),
            "band_label": pa.string(),
            "percentile": pa.int64(),
        }
        self.schema = pa.schema([pa.field(c.name, types[c.kind]) for c in self.columns])

    def table(self, block: ScoredBlock) -> Any:
        """The rows of ``block`` as a ``pyarrow.Table`` with ``self.schema``."""
        pa = pyarrow()

        arrays = []
        for column, field in zip(self.columns, self.schema, strict=False):
            values = column.fill(block)
            if column.kind == "score" and self.decimals is not None:
                rounded = np.round(values, self.decimals)
                arrays.append(pa.array(rounded, mask=np.isnan(rounded)))
            elif column.kind in ("score", "measure"):
                arrays.append(pa.array(values, mask=np.isnan(values)))
            elif column.kind == "percentile":
                missing = np.isnan(values)
                whole = np.where(missing, 0, values).astype(np.int64)
                arrays.append(pa.array(whole, mask=missing, type=pa.int64()))
            elif column.kind == "band":
                # A gather of the band ids (the last entry, None, for no band): decoding a
                # pyarrow dictionary would import pyarrow.compute, a quarter second.
                arrays.append(pa.array(self.band_ids[values], type=pa.string()))
            elif column.kind == "band_label":
                arrays.append(pa.array(self.band_names[values], type=pa.string()))
            elif column.kind == "text" and self.for_spreadsheets:
                arrays.append(spreadsheet_safe_array(values))
            else:
                arrays.append(pa.array(values, type=field.type))
        return pa.Table.from_arrays(arrays, schema=self.schema)


_FORMULA_BYTES = np.frombuffer("".join(FORMULA_STARTS).encode("ascii"), dtype=np.uint8)


def spreadsheet_safe_array(values: list[Optional[str]]) -> Any:
    """``values`` as a pyarrow string array, each cell through ``spreadsheet_safe``.
    Every formula start is one ASCII byte, so the cells' first bytes are checked all at
    once and only the few risky cells are rewritten in Python."""
    pa = pyarrow()
    array = pa.array(values, type=pa.string())
    data = array.buffers()[2]
    if data is None or len(array) == 0:  # only nulls or empty texts
        return array
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)
    offsets = offsets[array.offset : array.offset + len(array) + 1]
    starts = offsets[:-1]
    filled = offsets[1:] > starts
    first = np.zeros(len(array), dtype=np.uint8)
    first[filled] = np.frombuffer(data, dtype=np.uint8)[starts[filled]]
    risky = np.flatnonzero(np.isin(first, _FORMULA_BYTES))
    if risky.size == 0:
        return array
    safe = list(values)
    for row in risky.tolist():
        safe[row] = spreadsheet_safe(cast(str, safe[row]))  # an empty or null cell is never risky
    return pa.array(safe, type=pa.string())
