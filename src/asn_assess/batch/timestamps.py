"""Timestamps as survey exports write them.

- ISO 8601 (KoboToolbox, ODK Central, LimeSurvey's ``2024-05-02 10:01:45``, and the
  date-time cells of an .xlsx export such as Microsoft Forms', read as ISO);
- Google Forms' CSV download: ``2024/05/02 9:15:31 AM GMT+7``;
- a Google Sheet or an Excel file saved as CSV: ``5/2/2024 9:15:31`` (month first, US
  settings) or ``02/05/2024 10.01.45`` (day first, Indonesian settings).

Whether ``02/05/2024`` is the 2nd of May or the 5th of February depends on the settings
of the computer that saved it. ``day_first_evidence`` reads a whole column: a first part above
12 makes it day-first, a second part above 12 month-first; when nothing tells, slash
dates are not read (a caller then keeps the rows' order, which in these exports is the
order they were sent in).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

_SLASH = re.compile(
    r"^\s*(\d{1,4})/(\d{1,2})/(\d{1,4})"  # a date with slashes
    r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?"  # a time
    r"\s*(?:(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5})?\s*$"  # a zone, left aside
)


def parse_timestamp(text: Optional[str]) -> Optional[datetime]:
    """An ISO 8601 timestamp (as KoboToolbox writes it, or LimeSurvey's ``2024-05-02
    10:01:45``), or None when the cell is empty or holds something else."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if text.endswith(("Z", "z")):  # Python before 3.11 does not read "Z" as UTC
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


_PARTS = re.compile(r"\s*(?P<first>\d{1,2})/(?P<second>\d{1,2})/\d{4}")


def day_first_evidence(texts: list[Optional[str]]) -> tuple[bool, bool]:
    """Of a column's slash dates: whether some first part is above 12 (the day comes
    first), and whether some second part is (the month does). Either alone decides;
    both, or neither, leave the order open."""
    over_first = over_second = False
    for text in texts:
        found = _PARTS.match(text or "")
        if found:
            over_first |= int(found.group("first")) > 12
            over_second |= int(found.group("second")) > 12
    return over_first, over_second


def submission_times(
    texts: list[Optional[str]], day_first: Optional[bool] = None
) -> list[Optional[datetime]]:
    """Timestamps of one column (see the module's documentation): None where a cell is
    empty, unreadable or a slash date whose order ``day_first`` leaves open (None: as
    these texts tell, or not at all). Zones are left aside (one export writes one
    zone), so all are compared as local times."""
    found: list[Optional[datetime]] = []
    slashes: list[tuple[int, tuple[int, ...]]] = []
    for index, text in enumerate(texts):
        parsed = parse_timestamp(text)
        if parsed is not None:
            found.append(parsed.replace(tzinfo=None))
            continue
        found.append(None)
        match = _SLASH.match(text or "")
        if match:
            slashes.append((index, _slash_parts(match)))
    if not slashes:
        return found
    if day_first is None:
        day_first = any(parts[0] > 12 for _, parts in slashes if parts[0] < 100)
        month_first = any(parts[1] > 12 for _, parts in slashes if parts[0] < 100)
    else:
        month_first = not day_first
    for index, parts in slashes:
        first, second, third, hour, minute, second_of_minute = parts
        try:
            if first >= 100:  # year first: 2024/05/02, as Google Forms writes it
                day = datetime(first, second, third, hour, minute, second_of_minute)
            elif day_first and not month_first:
                day = datetime(third, second, first, hour, minute, second_of_minute)
            elif month_first and not day_first:
                day = datetime(third, first, second, hour, minute, second_of_minute)
            else:
                continue  # nothing tells which part is the month
        except ValueError:
            continue
        found[index] = day
    return found


def _slash_parts(match: re.Match[str]) -> tuple[int, ...]:
    first, second, third = (int(match.group(n)) for n in (1, 2, 3))
    hour = int(match.group(4) or 0)
    minute = int(match.group(5) or 0)
    seconds = int(match.group(6) or 0)
    meridiem = (match.group(7) or "").lower()
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return first, second, third, hour, minute, seconds
