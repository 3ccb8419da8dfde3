"""The flat results table (one row per respondent): its columns, their types, and how a
scored block fills them. The only place the CSV column layout is written down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.core.models import SELF, Bank
from asn_assess.core.scoring import LevelScores

ColumnKind = Literal["text", "integer", "score", "band"]


@dataclass(frozen=True)
class OutputColumn:
    """One column of the results table and how to fill it from a scored block."""

    name: str
    kind: ColumnKind
    fill: Callable[[ScoredBlock], Any]
    """The column's values for a block: a list of text, or a numpy array."""


def output_columns(bank: Bank) -> list[OutputColumn]:
    """The results table's columns, in order."""

    def level_columns(
        prefix: str, level: Callable[[ScoredBlock], LevelScores]
    ) -> list[OutputColumn]:
        return [
            OutputColumn(f"{prefix}score", "score", lambda b: level(b).score),
            OutputColumn(f"{prefix}band", "band", lambda b: level(b).band),
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
    return columns


def column_names(bank: Bank) -> list[str]:
    """The results table's header."""
    return [column.name for column in output_columns(bank)]


class ResultsTable:
    """Builds pyarrow tables of the results layout for a bank."""

    def __init__(self, bank: Bank):
        pa = pyarrow()

        self.columns = output_columns(bank)
        self.band_ids = pa.array([band.id for band in bank.bands])
        types = {
            "text": pa.string(),
            "integer": pa.int64(),
            "score": pa.float64(),
            "band": pa.string(),
        }
        self.schema = pa.schema([pa.field(c.name, types[c.kind]) for c in self.columns])

    def table(self, block: ScoredBlock) -> Any:
        """The rows of ``block`` as a ``pyarrow.Table`` with ``self.schema``."""
        pa = pyarrow()

        arrays = []
        for column, field in zip(self.columns, self.schema, strict=False):
            values = column.fill(block)
            if column.kind == "score":
                arrays.append(pa.array(values, mask=np.isnan(values)))
            elif column.kind == "band":
                indices = pa.array(values, mask=values < 0, type=pa.int32())
                arrays.append(
                    pa.DictionaryArray.from_arrays(indices, self.band_ids).dictionary_decode()
                )
            else:
                arrays.append(pa.array(values, type=field.type))
        return pa.Table.from_arrays(arrays, schema=self.schema)
