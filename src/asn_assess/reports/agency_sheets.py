"""The agency report as Markdown and as an Excel workbook, from its ``AgencyView``.

The workbook has one sheet per table of the report, named in the interface language,
then a sheet of notes (what was withheld and why). Numbers are numeric cells with a
number format (scores 0.0, shares 0%), so an HR officer can sort them and make charts
of their own; a withheld figure is an empty cell (a chart leaves a gap, never a zero).
"""

from __future__ import annotations

import io
from typing import Any

from asn_assess.core.i18n import t
from asn_assess.core.printable import printable
from asn_assess.reports.agency_words import AgencyView, ViewCell, ViewTable
from asn_assess.reports.markdown import escape as _escape

SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""
FORMATS = {"score": "0.0", "share": "0%", "count": "0", "jp": "0"}


def render_agency_xlsx(view: AgencyView) -> bytes:
    """Every table on a sheet of its own, then the notes."""
    from asn_assess.core.files import text_safe_workbook

    buffer = io.BytesIO()
    book = text_safe_workbook(buffer)
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    formats = {kind: book.add_format({"num_format": code}) for kind, code in FORMATS.items()}
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    taken: set[str] = set()
    for table in view.tables():
        sheet = book.add_worksheet(_sheet_name(table.title, taken))
        for column, heading in enumerate(table.header):
            sheet.write_string(0, column, heading, bold)
        for number, row in enumerate(table.rows, start=1):
            for column, cell in enumerate(row):
                _write(sheet, number, column, cell, formats, wrapped)
        sheet.freeze_panes(1, 1)
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, max(len(table.header) - 1, 1), 14)
        if table.key == "training_needs":
            sheet.set_column(6, 6, 80)
    notes = book.add_worksheet(_sheet_name(t("agency.table.notes", view.language), taken))
    lines = [view.title, *view.meta]
    for section in view.sections:
        lines += section.notes if section.key == "privacy" else []
    privacy = next(s for s in view.sections if s.key == "privacy")
    lines[len(view.meta) + 1 : len(view.meta) + 1] = privacy.paragraphs
    for number, line in enumerate([*lines, view.footer]):
        notes.write_string(number, 0, line, wrapped)
    notes.set_column(0, 0, 120)
    book.close()
    return buffer.getvalue()


def _sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts, unique in the workbook."""
    clean = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()[:SHEET_NAME_LIMIT]
    name, number = clean, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" {number}"
        name = clean[: SHEET_NAME_LIMIT - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _write(
    sheet: Any, row: int, column: int, cell: ViewCell, formats: dict[str, Any], wrapped: Any
) -> None:
    if cell.withheld or cell.value is None:  # an empty cell: a chart leaves a gap
        return
    if cell.kind in FORMATS and isinstance(cell.value, (int, float)):
        sheet.write_number(row, column, cell.value, formats[cell.kind])
    elif cell.lines:  # a line each, in one wrapped cell
        sheet.write_string(row, column, "\n".join(cell.lines), wrapped)
    else:
        sheet.write_string(row, column, str(cell.value), wrapped)


# --- Markdown ---------------------------------------------------------------------------


def render_agency_markdown(view: AgencyView, hidden: frozenset[str] = frozenset()) -> str:
    """The report as Markdown: headings, paragraphs, pipe tables, notes."""
    lines = [f"# {_escape(view.title)}", ""]
    lines += [f"{_escape(line)}  " for line in view.meta] + [""]
    for section in view.sections:
        lines += [f"## {_escape(section.title)}", ""]
        for paragraph in section.paragraphs:
            lines += [_escape(paragraph), ""]
        for table in section.tables:
            if table.key not in hidden:
                lines += _table(table)
        if section.key in ("glance", "units", "values"):
            keys = " · ".join(f"{key.range} {key.label}" for key in view.legend)
            lines += [f"{_escape(t('export.legend', view.language))}: {_escape(keys)}", ""]
        lines += [f"- {_escape(note)}" for note in section.notes]
        if section.notes:
            lines.append("")
    lines += ["---", "", _escape(view.footer), ""]
    return printable("\n".join(lines))  # no control character of the data reaches a reader


def _table(table: ViewTable) -> list[str]:
    lines = [f"**{_escape(table.title)}**", ""]
    lines.append("| " + " | ".join(_escape(h) for h in table.header) + " |")
    lines.append(
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(table.header))) + "|"
    )
    for row in table.rows:
        cells = [
            _escape(cell.text) if not cell.withheld else f"*{_escape(cell.text)}*" for cell in row
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
