"""The 360-degree numbers as tables and documents: the CSV and JSON formats of the report
(one row, or one object, per indicator of each person rated), the summary across the
people rated for the HR unit (CSV or .xlsx, one row per person), and writing tables as
.xlsx.

Column names are machine keys, like those of the batch output; numbers keep full
precision with a decimal point. Every text cell goes through ``csv_report.neutralise``,
so a name such as ``=HYPERLINK(...)`` stays text in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Optional, Union

from asn_assess.core.models import Bank
from asn_assess.multirater.aggregate import Johari, TargetView
from asn_assess.reports.csv_report import neutralise
from asn_assess.reports.plan import multirater_plan

SCHEMA_VERSION = 1
Cell = Union[str, float, int, bool, None]


def _title(bank: Bank, indicator_id: str, language: str) -> str:
    indicator = next(i for p in bank.pillars for i in p.indicators if i.id == indicator_id)
    return bank.text(indicator.title, language)


def report_document(bank: Bank, views: Sequence[TargetView]) -> dict[str, Any]:
    """The JSON format of the report: settings, per indicator the round's ICC(1) and
    ICC(2) of the others' ratings (``consistency``), then per person rated the raters
    and per indicator every view (ids and numbers only, no words)."""
    settings = views[0].settings if views else None
    return {
        "schema_version": SCHEMA_VERSION,
        "bank_id": bank.id,
        "bank_version": bank.version,
        "settings": {
            "min_raters": settings.min_raters if settings else None,
            "clear_gap": settings.clear_gap if settings else None,
            "low_agreement": settings.low_agreement if settings else None,
            "threshold": bank.development_threshold,
        },
        "consistency": {
            indicator_id: {
                "icc1": icc.icc1,
                "icc2": icc.icc2,
                "targets": icc.targets,
                "ratings": icc.ratings,
            }
            for indicator_id, icc in (views[0].consistency if views else {}).items()
        },
        "targets": [_target_document(bank, view) for view in views],
    }


def _target_document(bank: Bank, view: TargetView) -> dict[str, Any]:
    anonymous = {group.id: group.anonymous for group in bank.rater_groups}
    return {
        "target": view.target,
        "role": view.role,
        "own_assessment": view.has_own,
        "raters": {
            group: {
                "sheets": n,
                "status": view.status[group].value if group in view.status else None,
                "anonymous": anonymous[group],
            }
            for group, n in view.raters.items()
        },
        "withheld": view.withheld,
        "indicators": [
            {
                "id": line.id,
                "pillar_id": line.pillar_id,
                "own": line.own,
                "groups": {
                    cell.group: {
                        "raters": cell.raters,
                        "mean": cell.mean,
                        "status": cell.visibility.value if cell.visibility else None,
                    }
                    for cell in line.groups
                },
                "others": {"raters": line.others_raters, "mean": line.others_mean},
                "gap": line.gap,
                "agreement": {
                    "rwg": line.agreement,
                    "items": line.agreement_items,
                    "low": line.low_agreement,
                },
                "johari": line.johari.value if line.johari else None,
            }
            for line in view.indicators
        ],
        "plan": [
            {"indicator": focus.indicator.id, "kind": focus.kind}
            for focus in multirater_plan(bank, view)
        ],
    }


def render_multirater_json(bank: Bank, views: Sequence[TargetView]) -> str:
    """The JSON report, indented, ending with a newline."""
    return json.dumps(report_document(bank, views), ensure_ascii=False, indent=2) + "\n"


def report_rows(
    bank: Bank, views: Sequence[TargetView], language: str
) -> tuple[list[str], list[list[Cell]]]:
    """The CSV format of the report: a header and one row per person and indicator."""
    groups = [group.id for group in bank.rater_groups]
    header = ["target", "pillar_id", "indicator_id", "indicator", "own"]
    for group in groups:
        header += [f"{group}.raters", f"{group}.mean", f"{group}.status"]
    header += ["others.raters", "others.mean", "gap", "rwg", "rwg_items", "low_agreement"]
    header += ["johari", "icc1", "icc2"]
    rows: list[list[Cell]] = []
    for view in views:
        for line in view.indicators:
            cells = {cell.group: cell for cell in line.groups}
            row: list[Cell] = [
                view.target,
                line.pillar_id,
                line.id,
                _title(bank, line.id, language),
                line.own,
            ]
            for group in groups:
                cell = cells.get(group)
                status = cell.visibility.value if cell and cell.visibility else None
                row += [cell.raters if cell else None, cell.mean if cell else None, status]
            row += [line.others_raters, line.others_mean, line.gap, line.agreement]
            row += [line.agreement_items, line.low_agreement]
            row += [line.johari.value if line.johari else None]
            icc = view.consistency.get(line.id)  # the round's, the same for every person
            row += [icc.icc1 if icc else None, icc.icc2 if icc else None]
            rows.append(row)
    return header, rows


def summary_rows(
    bank: Bank, views: Sequence[TargetView], language: str
) -> tuple[list[str], list[list[Cell]]]:
    """The summary for the HR unit: one row per person rated, with the raters per group,
    what the anonymity rules did with each, and the indicators in each pane of the
    Johari window and in the plan (indicator titles, ``; `` between them)."""
    groups = [group.id for group in bank.rater_groups]
    header = ["target", "role", "own_assessment"]
    for group in groups:
        header += [f"{group}.raters", f"{group}.status"]
    header += ["withheld_groups", "indicators_rated", "low_agreement"]
    panes = list(Johari)
    header += [f"{pane.value}.count" for pane in panes]
    header += [pane.value for pane in panes]
    header += ["plan"]
    rows: list[list[Cell]] = []
    for view in views:
        row: list[Cell] = [view.target, view.role, view.has_own]
        for group in groups:
            status = view.status.get(group)
            row += [view.raters[group], status.value if status else None]
        rated = [line for line in view.indicators if line.others_mean is not None]
        row += ["; ".join(view.withheld), len(rated), sum(line.low_agreement for line in rated)]
        in_pane = {
            pane: [_title(bank, line.id, language) for line in rated if line.johari is pane]
            for pane in panes
        }
        row += [len(in_pane[pane]) for pane in panes]
        row += ["; ".join(in_pane[pane]) for pane in panes]
        plan = multirater_plan(bank, view)
        row += ["; ".join(bank.text(focus.indicator.title, language) for focus in plan)]
        rows.append(row)
    return header, rows


def _text_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return neutralise(str(value))


def csv_text(header: list[str], rows: list[list[Cell]]) -> str:
    """A table as CSV text (CRLF line ends, as spreadsheets write them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(name) for name in header])
    writer.writerows([[_text_cell(value) for value in row] for row in rows])
    return buffer.getvalue()


def xlsx_bytes(
    sheets: list[tuple[str, list[str], list[list[Cell]]]],
    validation: Optional[dict[str, Any]] = None,
) -> bytes:
    """Tables as an .xlsx workbook, one sheet per (name, header, rows): numbers as
    numbers, texts always as texts (never a formula, a number or a link).
    ``validation`` maps a column name of the first sheet to an xlsxwriter data
    validation for its cells under the header."""
    from asn_assess.core.files import text_safe_workbook

    buffer = io.BytesIO()
    book = text_safe_workbook(buffer)
    bold = book.add_format({"bold": True})
    for index, (name, header, rows) in enumerate(sheets):
        sheet = book.add_worksheet(name[:31])
        for column, heading in enumerate(header):
            sheet.write_string(0, column, neutralise(heading), bold)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, bool):
                    sheet.write_boolean(number, column, value)
                elif isinstance(value, (int, float)):
                    sheet.write_number(number, column, value)
                elif value is not None and value != "":
                    sheet.write_string(number, column, neutralise(str(value)))
        sheet.freeze_panes(1, 0)
        for column_name, rule in (validation or {}).items() if index == 0 else ():
            column = header.index(column_name)
            sheet.data_validation(1, column, 10000, column, rule)
    book.close()
    return buffer.getvalue()
