"""Every saved result at once (`asn-assess history export`): JSON Lines, one result per
line, or CSV with one row per result and level (overall, pillar, indicator). Column
names are machine keys, like those of the batch output; formula cells are neutralised
as in the report CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Optional, Union

from asn_assess.core.documents import IndicatorResult, OverallResult, PillarResult, Result
from asn_assess.reports.csv_report import neutralise

if TYPE_CHECKING:
    from asn_assess.store.history import Entry

EXPORT_COLUMNS = (
    "id",
    "finished_at",
    "respondent",
    "bank_id",
    "bank_version",
    "role",
    "level",
    "level_id",
    "score",
    "band",
    "answered_items",
    "not_applicable_items",
    "total_items",
)


def history_jsonl(results: list[tuple[Entry, Result]]) -> str:
    """One result per line, each valid against `asn-assess schema result` (whose it is
    is in its ``respondent`` profile)."""
    return "".join(result.model_dump_json() + "\n" for _, result in results)


Counts = Union[OverallResult, PillarResult, IndicatorResult]


def history_csv(results: list[tuple[Entry, Result]]) -> str:
    """One row per result and level, after a header row of ``EXPORT_COLUMNS``;
    ``results`` are (history entry, result). ``respondent`` is whose the result is: the
    NIP, else the name, else "tanpa nama"; empty for a result from before respondents
    were recorded that names nobody."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for entry, result in results:
        head = [
            entry.id,
            entry.finished_at.isoformat(),
            entry.respondent or "",
            result.bank_id,
            result.bank_version,
        ]
        head.append(result.role or "")
        overall = result.overall
        levels: list[tuple[str, str, Optional[float], Optional[str], Counts]] = [
            ("overall", "", overall.score, overall.band, overall)
        ]
        for pillar in result.pillars:
            levels.append(("pillar", pillar.id, pillar.score, pillar.band, pillar))
            levels += [("indicator", i.id, i.score, i.band, i) for i in pillar.indicators]
        for level, level_id, score, band, counts in levels:
            row = [
                *head,
                level,
                level_id,
                "" if score is None else repr(score),
                band or "",
                counts.answered_items,
                counts.not_applicable_items,
                counts.total_items,
            ]
            writer.writerow([neutralise(str(cell)) for cell in row])
    return buffer.getvalue()
