"""The report as CSV (``--format csv``): one row per indicator, for a spreadsheet.

Columns (headers in the report's language): pillar id and title, indicator id and
title, the score as the report shows it (one decimal, a decimal comma in Indonesian),
the unrounded score (a decimal point, full precision), band id and label, items
answered, not applicable, and asked; with a norm that keeps each scale's reliability
(``--norms``), the lower and upper ends of the score's 95% band. An indicator without a score has empty score and
band cells and says why in the band label.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula; such a cell is written with a leading apostrophe, so a bank text
or a name like ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import csv
import io

from asn_assess.reports.report_data import ReportData

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "pillar_id",
    "pillar",
    "indicator_id",
    "indicator",
    "score",
    "score_exact",
    "band_id",
    "band",
    "answered",
    "not_applicable",
    "total",
)


def neutralise(cell: str) -> str:
    """``cell`` made safe from formula injection: a leading apostrophe when needed."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render_csv(data: ReportData) -> str:
    """One row per indicator, in bank order, after a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    ranged = bool(data.ranges)  # with a norm that keeps reliability: the 95% band too
    extra = ("lower", "upper") if ranged else ()
    writer.writerow([data.t(f"csv.{column}") for column in (*COLUMNS, *extra)])
    for pillar in data.pillars:
        for line in pillar.indicators:
            level = line.level
            row = [
                pillar.id,
                pillar.title,
                line.id,
                line.title,
                level.shown if level.score is not None else "",
                repr(level.score) if level.score is not None else "",
                level.band_id or "",
                level.label,
                str(line.answered),
                str(line.not_applicable),
                str(line.total),
            ]
            if ranged:
                band = data.ranges.get(f"indicator.{line.id}")
                row += [repr(band.lower), repr(band.upper)] if band else ["", ""]
            writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
