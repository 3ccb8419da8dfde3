"""The rating workbook an expert panel fills in.

Two sheets, titled in the interface language:

- instructions (opened first): who rates, what 1 to 5 mean, how to fill in and return
  the file, and the bank and version the form was made from;
- ratings: one row per option of every situational item, in bank order, with the
  item's id, its indicator, the situation (on the item's first row), the option's
  letter and text, then one empty column per expert ("Penilai 1" ... "Penilai N"),
  each cell accepting a whole number 1-5 only.

One sheet with a column per expert keeps the collection simple: the coordinator sends
the file round (or one copy per expert, made with ``raters=1``) and passes every
returned file to `asn-assess bank panel analyze`. The bank's current key is not shown:
experts judge each option on its own.

The workbook also records the bank and version in its document properties, so that
analysing it against another version is caught.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from asn_assess.core.i18n import t
from asn_assess.core.models import Bank

RATING_LOW, RATING_HIGH = 1, 5
DEFAULT_RATERS = 10
MAX_RATERS = 50
PROPERTY_PREFIX = "asn-assess-panel"
"""Document property ``keywords``: ``asn-assess-panel BANK@VERSION``."""

# The fixed columns of the ratings sheet, by catalogue key; every other titled column
# is an expert's.
ITEM, INDICATOR, SITUATION, OPTION, ACTION = (
    "panel.column.item",
    "panel.column.indicator",
    "panel.column.situation",
    "panel.column.option",
    "panel.column.action",
)
FIXED_COLUMNS = (ITEM, INDICATOR, SITUATION, OPTION, ACTION)


@dataclass(frozen=True)
class PanelRow:
    """One option to rate, with what the expert needs to judge it."""

    item_id: str
    option_id: str
    indicator: str
    situation: str
    """The scenario and the question, on the item's first option only."""
    action: str


def panel_rows(bank: Bank, language: str) -> list[PanelRow]:
    """Every option of every situational item of ``bank``, in bank order."""
    rows: list[PanelRow] = []
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            for item in indicator.items:
                if not item.is_situational:
                    continue
                scenario = bank.text(item.scenario or {}, language) if item.scenario else ""
                situation = f"{scenario}\n\n{bank.text(item.text, language)}".strip()
                for number, option in enumerate(item.options):
                    rows.append(
                        PanelRow(
                            item.id,
                            option.id,
                            bank.text(indicator.title, language),
                            situation if number == 0 else "",
                            bank.text(option.text, language),
                        )
                    )
    return rows


def rater_title(number: int, language: str) -> str:
    """The heading of an expert's column before the expert writes their own name."""
    return t("panel.column.rater", language, number=number)


def panel_workbook(bank: Bank, language: str, raters: int = DEFAULT_RATERS) -> bytes:
    """The rating workbook of ``bank`` in ``language``, with ``raters`` expert columns,
    as the bytes of an .xlsx file."""
    from asn_assess.core.files import text_safe_workbook

    rows = panel_rows(bank, language)
    buffer = io.BytesIO()
    book = text_safe_workbook(buffer)
    book.set_properties(
        {
            "title": t("panel.form.title", language, bank=bank.id, version=bank.version),
            "keywords": f"{PROPERTY_PREFIX} {bank.id}@{bank.version}",
        }
    )
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    top = book.add_format({"valign": "top"})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    rating = book.add_format({"align": "center", "valign": "top", "bg_color": "#FFF8DC"})

    guide = book.add_worksheet(t("panel.sheet.instructions", language))
    guide.set_column(0, 0, 100, wrap)
    lines = [
        t("panel.form.title", language, bank=bank.id, version=bank.version),
        *t("panel.form.instructions", language, items=len({r.item_id for r in rows})).split("\n"),
    ]
    for number, line in enumerate(lines):
        guide.write_string(number, 0, line, bold if number == 0 else wrap)
    guide.activate()

    sheet = book.add_worksheet(t("panel.sheet.ratings", language))
    headings = [t(key, language) for key in FIXED_COLUMNS]
    headings += [rater_title(n, language) for n in range(1, raters + 1)]
    for column, heading in enumerate(headings):
        sheet.write_string(0, column, heading, bold)
    for number, row in enumerate(rows, start=1):
        cells = (row.item_id, row.indicator, row.situation, row.option_id, row.action)
        for column, value in enumerate(cells):
            if value:
                sheet.write_string(number, column, value, wrap if column in (2, 4) else top)
        for column in range(len(FIXED_COLUMNS), len(headings)):
            sheet.write_blank(number, column, None, rating)
    widths = (16, 18, 60, 8, 45)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.set_column(len(widths), len(headings) - 1, 11)
    if rows:
        sheet.data_validation(
            1,
            len(FIXED_COLUMNS),
            len(rows),
            len(headings) - 1,
            {
                "validate": "integer",
                "criteria": "between",
                "minimum": RATING_LOW,
                "maximum": RATING_HIGH,
                "input_title": t("panel.form.cell_title", language),
                "input_message": t("panel.form.cell_hint", language),
                "error_title": t("panel.form.cell_title", language),
                "error_message": t("panel.form.cell_error", language),
            },
        )
    sheet.freeze_panes(1, len(FIXED_COLUMNS))
    book.close()
    return buffer.getvalue()
