"""Column titles in the shapes survey platforms give one question of a grid or array.

- Google Forms, a *multiple-choice grid* ("Pilihan ganda petak"): one column per row of
  the grid, titled ``Question title [Row text]``. HR forms put ten or twenty
  statements in one grid, so the row text is the item's text.
- LimeSurvey, an *array* question exported with full texts: ``Question text
  [Sub-question text]``; with codes: ``Q1[SQ001]`` (or ``Q1[disiplin01]`` when the
  sub-questions were given the items' codes); with both: ``Q1[SQ001]. Question text
  [Sub-question text]``.

``grid_parts`` gives every way to read such a title (a row text may hold brackets of its
own); ``columns.plan_columns`` matches the row text as it matches a whole question's
title, folding case, accents, spaces and punctuation (Google Forms trims spaces and
keeps punctuation as typed; exports of one form differ only in those), and passes over
a number the form put before the statement (``1. Saya ...``).
"""

from __future__ import annotations

import re

_ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z])\s*[.):]\s+")
_ENUMERATOR_KEY = re.compile(r"^\d{1,3} ")  # the same, once punctuation is folded
_LIMESURVEY_CODE = re.compile(
    r"^\s*(?P<code>[A-Za-z][A-Za-z0-9_]*\[(?P<sub>[A-Za-z0-9_]+)\])\s*(?:[.:]\s+(?P<text>.*))?$",
    re.DOTALL,
)
SHORT_HEADER = 72  # characters of a title shown in a message


def grid_parts(header: str) -> list[tuple[str, str]]:
    """Every (title, row text) that ``header`` may be read as, for a title that ends
    with ``]``: one per ``[`` before it, the longest row text first. Empty for other
    titles."""
    text = header.strip()
    if not text.endswith("]"):
        return []
    parts = []
    for position, character in enumerate(text[:-1]):
        if character == "[":
            row = text[position + 1 : -1].strip()
            if row:
                parts.append((text[:position].strip(), row))
    return parts


def limesurvey_code(header: str) -> tuple[str, str, str] | None:
    """(``Q1[SQ001]``, ``SQ001``, the text after it or "") for a LimeSurvey array
    column titled by its code, else None."""
    found = _LIMESURVEY_CODE.fullmatch(header)
    if not found:
        return None
    return found.group("code"), found.group("sub"), found.group("text") or ""


def without_enumerator(text: str) -> str:
    """``text`` without a number or letter a form put before it (``1. ``, ``a) ``)."""
    return _ENUMERATOR.sub("", text, count=1)


def without_enumerator_key(key: str) -> str:
    """A normalised title (``core.answers.normalise_header``) without a leading number."""
    return _ENUMERATOR_KEY.sub("", key, count=1)


def short_header(header: str, limit: int = SHORT_HEADER) -> str:
    """A column title short enough for a message, still telling grid columns apart: a
    grid's title is cut before its row text, not the row text."""
    text = " ".join(header.split())
    if len(text) <= limit:
        return text
    parts = grid_parts(text)
    if parts:
        title, row = parts[-1]
        row_room = max(limit - 18, 20)
        row = row if len(row) <= row_room else row[: row_room - 1] + "…"
        return f"{title[: max(limit - len(row) - 4, 8)].rstrip()}… [{row}]"
    return text[: limit - 1].rstrip() + "…"
