"""Respondent ids as a spreadsheet leaves them: mangled NIPs, lost leading zeros, and
the "Anonymous" of a form that did not collect names.

Excel turns an 18-digit NIP typed into a General cell into a number: it keeps 15
significant digits and shows ``1.97802E+17``. The last digits are gone for good, and two
people can end up with one id, so such an id rejects its row with the fix (format the
column as Text, or export CSV from the platform without opening it in Excel):

- an id in scientific notation (``1.97802E+17``, ``1,98609E+17``);
- a NIP of 18 digits ending in ``000``: no NIP does (its last three digits are a
  sequence from 001), but a NIP that went through a float does. The NI PPPK's layout
  is not published, so an NI PPPK column is not held to this.

Leading zeros vanish the same way from numeric-looking codes (``00123`` becomes
``123``). That cannot be told from one id, so the run warns when a column holds ids that
start with 0 and digit-only ids shorter than those.

Microsoft Forms writes ``Anonymous`` as the name when it does not collect names: such a
cell identifies no one and is read as empty (the row's id is then ``row-N``).
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import ColumnNotes
from asn_assess.core.i18n import say

ANONYMOUS = ("anonymous", "anonim", "anonymous user", "pengguna anonim")
ANONYMOUS_PATTERN = r"^\s*(?:" + "|".join(ANONYMOUS) + r")\s*$"
_ANONYMOUS = ANONYMOUS_PATTERN
_SCIENTIFIC = r"^\s*[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+]?[0-9]+\s*$"
# 18 digits, with the spaces, dots or dashes people type between them, ending in 000.
_LOST_DIGITS = r"^\s*(?:[0-9][\s.\-]*){15}0[\s.\-]*0[\s.\-]*0\s*$"
_DIGITS = r"^\s*[0-9]+\s*$"


def checked_ids(
    cells: Any,
    kind: str,
    header: str,
    lenient_nip: bool,
    withheld: bool,
    notes: Optional[ColumnNotes] = None,
) -> tuple[list[Optional[str]], dict[int, str]]:
    """An id column's cells (a pyarrow string array) as ids, "Anonymous" read as empty,
    and the reason each mangled id rejects its row (row -> reason). ``withheld``: the
    reason names the column, not the id (a pseudonymised run). Leading-zero counts go
    to ``notes``."""
    import pyarrow.compute as pc

    pa = pyarrow()
    if cells.null_count:
        cells = cells.fill_null("")
    check_digits = kind == "other" or (kind == "nip" and not lenient_nip)
    patterns = [_ANONYMOUS, _SCIENTIFIC, *([_LOST_DIGITS] if check_digits else [])]
    reasons: dict[int, str] = {}
    # One look at every cell for all three (the usual answer: none), then each apart.
    suspect = pc.match_substring_regex(
        cells, "|".join(f"(?:{p})" for p in patterns), ignore_case=True
    )
    if pc.any(suspect).as_py():
        anonymous = pc.match_substring_regex(cells, _ANONYMOUS, ignore_case=True)
        if pc.any(anonymous).as_py():
            cells = pc.if_else(anonymous, pa.scalar("", pa.string()), cells)
        values: list[Optional[str]] = cells.to_pylist()
        for key, pattern in (("id.scientific", _SCIENTIFIC), ("id.lost_digits", _LOST_DIGITS)):
            if pattern in patterns:
                found = pc.match_substring_regex(cells, pattern).to_numpy(zero_copy_only=False)
                for row in np.flatnonzero(found).tolist():
                    reasons.setdefault(row, _reason(key, header, values[row], withheld))
    else:
        values = cells.to_pylist()
    if notes is not None and kind != "nip":
        _count_lengths(cells, notes, header)
    return values, reasons


def _reason(key: str, header: str, value: Optional[str], withheld: bool) -> str:
    text = say("id.withheld") if withheld else repr((value or "").strip())
    return say(key, column=header, text=text)


def _count_lengths(cells: Any, notes: ColumnNotes, header: str) -> None:
    """Digit-only ids by length, and those that start with 0 (for ``lost_zeros``)."""
    import pyarrow.compute as pc

    digit_only = pc.match_substring_regex(cells, _DIGITS).to_numpy(zero_copy_only=False)
    if not digit_only.any():
        return
    trimmed = pc.utf8_trim_whitespace(cells)
    lengths = pc.utf8_length(trimmed).to_numpy(zero_copy_only=False)[digit_only]
    zero_led = pc.starts_with(trimmed, "0").to_numpy(zero_copy_only=False)[digit_only]
    notes.id_column = header
    for length, count in zip(*np.unique(lengths, return_counts=True), strict=True):
        notes.id_lengths[int(length)] = notes.id_lengths.get(int(length), 0) + int(count)
    for length in np.unique(lengths[zero_led]).tolist():
        notes.zero_led_lengths.add(int(length))


def lost_zeros(notes: ColumnNotes) -> Optional[tuple[int, int]]:
    """(how many digit-only ids are shorter than the ids that start with 0, that
    length) when a column looks like it lost leading zeros, else None."""
    if not notes.zero_led_lengths:
        return None
    longest = max(notes.zero_led_lengths)
    shorter = sum(count for length, count in notes.id_lengths.items() if length < longest)
    return (shorter, longest) if shorter else None
