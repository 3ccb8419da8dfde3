"""Reading filled rating workbooks (.xlsx, or the sheet saved as .csv).

The ratings sheet is found by its header, not its name or position: the first sheet
whose first non-empty row names the item and option columns (in either interface
language). Of the other titled columns, those the form writes for people (indicator,
situation, action) are read past; every other titled column is an expert's, named by
its heading. A column with no heading and no rating is ignored.

Every mistake is collected and reported at once, each located as
``file:sheet!cell`` (``file:line`` for CSV): an unknown item or option, an option
listed twice, a rating that is not a whole number 1-5, ratings in a row without an
item, an item whose options are not all listed, an expert column with no rating at
all, the same expert name in two files, a form made from another bank version.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from asn_assess.core.answers import normalise_header
from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.i18n import LANGUAGES, say, t
from asn_assess.core.models import Bank
from asn_assess.panel.form import (
    FIXED_COLUMNS,
    ITEM,
    OPTION,
    PROPERTY_PREFIX,
    RATING_HIGH,
    RATING_LOW,
)

MAX_PROBLEMS = 50


class RatingsError(AssessError):
    """Rating files that cannot be used as they are."""


@dataclass
class PanelRatings:
    """Every rating read: option -> expert -> 1..5, with the experts in file order."""

    raters: list[str] = field(default_factory=list)
    ratings: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    items: list[str] = field(default_factory=list)
    """The items listed in the files, in bank order."""
    forms: list[str] = field(default_factory=list)
    """``BANK@VERSION`` each workbook says it was made from (when it says)."""

    @property
    def count(self) -> int:
        """How many ratings were read."""
        return sum(len(by_rater) for by_rater in self.ratings.values())


@dataclass(frozen=True)
class _Sheet:
    """One table of cells: its rows with their locations."""

    source: str
    rows: list[tuple[Any, ...]]
    sheet: Optional[str]  # None for CSV
    form: Optional[str] = None

    def where(self, row: int, column: Optional[int] = None) -> str:
        """``file:sheet!B12`` for a workbook, ``file:12`` for CSV (row counts from 0)."""
        if self.sheet is None:
            return f"{self.source}:{row + 1}"
        if column is None:
            return f"{self.source}:{self.sheet}!{row + 1}"
        return f"{self.source}:{self.sheet}!{_column_letter(column)}{row + 1}"


def read_ratings(paths: Sequence[str | Path], bank: Bank) -> PanelRatings:
    """The ratings of every file in ``paths`` for ``bank``; raises ``RatingsError``
    listing every problem found."""
    problems: list[Problem] = []
    found = PanelRatings()
    rater_source: dict[str, str] = {}
    seen_files: list[Path] = []
    for path in paths:
        path = Path(path)
        if any(_same_file(path, other) for other in seen_files):
            problems.append(Problem(str(path), say("panel.error.file_twice")))
            continue
        seen_files.append(path)
        try:
            sheet = _read_table(path)
        except RatingsError as error:
            problems += error.problems
            continue
        if sheet.form is not None:
            found.forms.append(sheet.form)
            if sheet.form != f"{bank.id}@{bank.version}":
                problems.append(
                    Problem(
                        str(path),
                        say(
                            "panel.error.other_bank",
                            form=sheet.form,
                            bank=bank.id,
                            version=bank.version,
                        ),
                    )
                )
                continue
        problems += _read_sheet(sheet, bank, found, rater_source)
    if problems:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            shown.append(Problem("", say("panel.error.more_problems", count=more)))
        raise RatingsError(shown)
    order = list(bank.items)
    found.items.sort(key=order.index)
    return found


def _read_sheet(
    sheet: _Sheet, bank: Bank, found: PanelRatings, rater_source: dict[str, str]
) -> list[Problem]:
    problems: list[Problem] = []
    header_row, header = next(
        ((number, row) for number, row in enumerate(sheet.rows) if _is_header(row)), (0, None)
    )
    if header is None:
        names = ", ".join(f"{t(ITEM, lang)}/{t(OPTION, lang)}" for lang in LANGUAGES)
        return [Problem(sheet.source, say("panel.error.no_header", columns=names))]
    titles = [_text(cell) for cell in header]
    fixed = {normalise_header(t(key, lang)): key for key in FIXED_COLUMNS for lang in LANGUAGES}
    columns = {
        fixed[normalise_header(title)]: i
        for i, title in enumerate(titles)
        if normalise_header(title) in fixed
    }
    raters: dict[int, str] = {}
    for column, title in enumerate(titles):
        name = title.strip()
        if not name or normalise_header(name) in fixed:
            continue
        if name in rater_source:  # the same expert twice would count twice
            problems.append(
                Problem(
                    sheet.where(header_row, column),
                    say("panel.error.rater_twice", rater=name, first=rater_source[name]),
                )
            )
            continue
        rater_source[name] = sheet.where(header_row, column)
        found.raters.append(name)
        raters[column] = name
    rated = dict.fromkeys(raters, 0)
    unnamed: set[int] = set()
    listed: dict[str, set[str]] = {}
    first_row: dict[tuple[str, str], int] = {}
    for number in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[number]
        item_id = _text(_cell(row, columns[ITEM])).strip()
        option_id = _text(_cell(row, columns[OPTION])).strip()
        values = {c: _cell(row, c) for c in raters if _text(_cell(row, c)).strip()}
        for column in range(len(row)):
            untitled = column >= len(titles) or not titles[column].strip()
            if untitled and column not in unnamed and _text(row[column]).strip():
                unnamed.add(column)  # ratings nobody could be credited with: never dropped
                problems.append(
                    Problem(sheet.where(number, column), say("panel.error.untitled_column"))
                )
        if not item_id and not option_id:
            if values:
                problems.append(Problem(sheet.where(number), say("panel.error.no_item")))
            continue
        item = bank.items.get(item_id)
        if item is None or not item.is_situational:
            problems.append(
                Problem(
                    sheet.where(number, columns[ITEM]),
                    say(
                        "panel.error.unknown_item", item=item_id, bank=bank.id, version=bank.version
                    ),
                )
            )
            continue
        if item.option(option_id) is None:
            options = ", ".join(o.id for o in item.options)
            problems.append(
                Problem(
                    sheet.where(number, columns[OPTION]),
                    say(
                        "panel.error.unknown_option",
                        item=item_id,
                        option=option_id,
                        options=options,
                    ),
                )
            )
            continue
        key = (item_id, option_id)
        if option_id in listed.setdefault(item_id, set()):
            problems.append(
                Problem(
                    sheet.where(number, columns[OPTION]),
                    say(
                        "panel.error.option_twice",
                        item=item_id,
                        option=option_id,
                        row=first_row[key] + 1,
                    ),
                )
            )
            continue
        listed[item_id].add(option_id)
        first_row[key] = number
        by_rater = found.ratings.setdefault(key, {})
        for column, value in values.items():
            rated[column] += 1
            rating = _rating(value)
            if rating is None:
                problems.append(
                    Problem(
                        sheet.where(number, column),
                        say(
                            "panel.error.bad_rating",
                            value=_text(value).strip(),
                            low=RATING_LOW,
                            high=RATING_HIGH,
                        ),
                    )
                )
                continue
            by_rater[raters[column]] = rating
    for item_id, listed_options in listed.items():
        missing = [o.id for o in bank.items[item_id].options if o.id not in listed_options]
        if missing:
            problems.append(
                Problem(
                    sheet.source,
                    say("panel.error.options_missing", item=item_id, options=", ".join(missing)),
                )
            )
        if item_id not in found.items:
            found.items.append(item_id)
    for column, count in rated.items():
        if count == 0:
            problems.append(
                Problem(
                    sheet.where(header_row, column),
                    say("panel.error.empty_rater", rater=raters[column]),
                )
            )
    return problems


def _is_header(row: tuple[Any, ...]) -> bool:
    names = {normalise_header(_text(cell)) for cell in row}
    return all(
        any(normalise_header(t(key, lang)) in names for lang in LANGUAGES) for key in (ITEM, OPTION)
    )


def _rating(value: Any) -> Optional[int]:
    """A whole number RATING_LOW..RATING_HIGH written as a number or a text, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = value
    else:
        text = _text(value).strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    if number != int(number) or not RATING_LOW <= number <= RATING_HIGH:
        return None
    return int(number)


# --- files ------------------------------------------------------------------------------


def _read_table(path: Path) -> _Sheet:
    source = str(path)
    if not path.exists():
        raise RatingsError(Problem(source, say("panel.error.no_file")))
    with path.open("rb") as stream:
        head = stream.read(4)
    if head.startswith(b"PK\x03\x04"):
        return _read_workbook(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as error:
        raise RatingsError(
            Problem(source, say("panel.error.unreadable", reason=str(error)))
        ) from None
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = [tuple(row) for row in csv.reader(text.splitlines(), delimiter=dialect)]
    return _Sheet(source, rows, None)


def form_of(path: str | Path) -> Optional[str]:
    """``BANK@VERSION`` a rating workbook says it was made from; None when it says
    nothing (a CSV file, a workbook made elsewhere) or cannot be read."""
    try:
        with Path(path).open("rb") as stream:
            if not stream.read(4).startswith(b"PK\x03\x04"):
                return None
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception:  # read properly, and reported, by read_ratings
        return None
    try:
        return _form_property(book)
    finally:
        book.close()


def _form_property(book: Any) -> Optional[str]:
    keywords = (book.properties.keywords or "").split()
    return keywords[1] if len(keywords) == 2 and keywords[0] == PROPERTY_PREFIX else None


def _read_workbook(path: Path) -> _Sheet:
    from openpyxl import load_workbook

    source = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # zipfile, XML and openpyxl's own errors alike
        reason = str(error) or type(error).__name__
        raise RatingsError(Problem(source, say("panel.error.unreadable", reason=reason))) from None
    try:
        form = _form_property(book)
        for sheet in book.worksheets:
            sheet.reset_dimensions()
            rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
            if any(_is_header(row) for row in rows[:20]):
                return _Sheet(source, rows, sheet.title, form)
        names = ", ".join(f"{t(ITEM, lang)}/{t(OPTION, lang)}" for lang in LANGUAGES)
        raise RatingsError(Problem(source, say("panel.error.no_header", columns=names)))
    finally:
        book.close()


def _cell(row: tuple[Any, ...], column: int) -> Any:
    return row[column] if column < len(row) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one.resolve() == other.resolve()
