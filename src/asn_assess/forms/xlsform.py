"""The form as an XLSForm (.xlsx) for KoboToolbox and ODK.

Sheets as the XLSForm specification (xlsform.org) lays them out:

- ``survey``: the profile page (NIP with a constraint on its layout, unit, position,
  and the role), then one ``begin group`` ... ``end group`` per pillar holding a
  ``select_one`` per item, named by the item's id;
- ``choices``: one list per scale (its points and ``na``, not applicable), one per
  situational item (its options), one of the roles;
- ``settings``: form_title, form_id and version from the bank, the default language
  and ``style = pages`` (with ``field-list`` groups: one page per pillar).

Labels and hints get a column per language, ``label::Bahasa Indonesia (id)``. Every
cell is written as a text cell, so a label that starts with ``=`` is never a formula;
``${`` in a text would be read by pyxform as a reference to another question, so a
zero-width space is put between its two characters.
"""

from __future__ import annotations

import io
from typing import Any, Optional

from asn_assess.forms.layout import (
    INTRO_NOTE,
    LANGUAGE_NAMES,
    PROFILE_GROUP,
    Choice,
    FormLayout,
)

SURVEY_SHEET, CHOICES_SHEET, SETTINGS_SHEET = "survey", "choices", "settings"
_REFERENCE = "${"
_ESCAPED_REFERENCE = "$\u200b{"


def language_column(column: str, language: str) -> str:
    """``label::English (en)``: XLSForm's column for a text in ``language``."""
    return f"{column}::{LANGUAGE_NAMES.get(language, language)} ({language})"


def xlsform_bytes(layout: FormLayout) -> bytes:
    """The XLSForm workbook of ``layout``, as the bytes of an .xlsx file."""
    from asn_assess.core.files import text_safe_workbook

    survey, choices = _survey_rows(layout), _choice_rows(layout)
    languages = layout.languages
    survey_columns = [
        "type",
        "name",
        *[language_column("label", lang) for lang in languages],
        *[language_column("hint", lang) for lang in languages],
        "required",
        "relevant",
        "appearance",
        "constraint",
        *[language_column("constraint_message", lang) for lang in languages],
        "calculation",
    ]
    choice_columns = ["list_name", "name", *[language_column("label", lang) for lang in languages]]
    settings = {
        "form_title": _plain(layout.title[languages[0]]),
        "form_id": layout.form_id,
        "version": layout.bank.version,
        "default_language": f"{LANGUAGE_NAMES.get(languages[0], languages[0])} ({languages[0]})",
        "style": "pages",
    }
    buffer = io.BytesIO()
    book = text_safe_workbook(buffer)
    _write_sheet(book, SURVEY_SHEET, survey_columns, survey)
    _write_sheet(book, CHOICES_SHEET, choice_columns, choices)
    _write_sheet(book, SETTINGS_SHEET, list(settings), [settings])
    book.close()
    return buffer.getvalue()


def _write_sheet(book: Any, name: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True})
    for column, heading in enumerate(columns):
        sheet.write_string(0, column, heading, bold)
    for number, row in enumerate(rows, start=1):
        for column, heading in enumerate(columns):
            value = row.get(heading, "")
            if value:
                sheet.write_string(number, column, value)
    sheet.freeze_panes(1, 0)


def _plain(text: str) -> str:
    """A text of the bank as XLSForm shows it, never as a reference to a field."""
    return text.replace(_REFERENCE, _ESCAPED_REFERENCE)


def _texts(column: str, texts: dict[str, str]) -> dict[str, str]:
    return {language_column(column, lang): _plain(text) for lang, text in texts.items()}


def _survey_rows(layout: FormLayout) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = [
        {"type": "start", "name": "start"},
        {"type": "end", "name": "end"},
        {"type": "note", "name": INTRO_NOTE, **_texts("label", layout.description)},
    ]
    role = layout.role
    asks_role = role is not None and role.fixed is None
    if layout.profile or asks_role:
        rows.append(
            {
                "type": "begin group",
                "name": PROFILE_GROUP,
                "appearance": "field-list",
                **_texts("label", layout.profile_title),
            }
        )
        for field in layout.profile:
            row = {"type": "text", "name": field.name, **_texts("label", field.label)}
            row.update(_texts("hint", field.hint))
            if field.pattern:
                # A single-quoted XPath string: the pattern holds no quote.
                row["constraint"] = f"regex(., '{field.pattern}')"
                row.update(_texts("constraint_message", field.message))
            rows.append(row)
        if role is not None and asks_role:
            rows.append(
                {
                    "type": "select_one roles",
                    "name": role.name,
                    "required": "yes",
                    **_texts("label", role.label),
                    **_texts("hint", role.hint),
                }
            )
        rows.append({"type": "end group", "name": PROFILE_GROUP})
    if role is not None and role.fixed is not None:
        # Kept with every submission, so that batch scores it on this role's items.
        rows.append({"type": "calculate", "name": role.name, "calculation": f"'{role.fixed}'"})
    for section in layout.sections:
        rows.append(
            {
                "type": "begin group",
                "name": section.name,
                "appearance": "field-list",
                **_texts("label", section.title),
            }
        )
        for question in section.questions:
            row = {
                "type": f"select_one {question.list_name}",
                "name": question.name,
                **_texts("label", question.title),
                **_texts("hint", question.hint),
            }
            relevant = _relevant(role.name if role else None, question.roles)
            if relevant:
                row["relevant"] = relevant
            rows.append(row)
        rows.append({"type": "end group", "name": section.name})
    return rows


def _relevant(role_field: Optional[str], roles: tuple[str, ...]) -> str:
    """Shown only to the roles asked: ``selected(${role}, 'struktural')``."""
    if role_field is None or not roles:
        return ""
    return " or ".join(f"selected(${{{role_field}}}, '{role}')" for role in roles)


def _choice_rows(layout: FormLayout) -> list[dict[str, str]]:
    lists: dict[str, tuple[Choice, ...]] = {}
    for question in layout.questions:
        lists.setdefault(question.list_name, question.choices)
    if layout.role is not None and layout.role.fixed is None:
        lists["roles"] = layout.role.choices
    return [
        {"list_name": list_name, "name": choice.name, **_texts("label", choice.labels)}
        for list_name, choices in lists.items()
        for choice in choices
    ]
