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

import re
from typing import Any, Optional

import numpy as np

from asn_assess.batch.blocks import ColumnNotes
from asn_assess.batch.strings import Cells
from asn_assess.core.i18n import say

ANONYMOUS = ("anonymous", "anonim", "anonymous user", "pengguna anonim")
ANONYMOUS_PATTERN = r"^\s*(?:" + "|".join(ANONYMOUS) + r")\s*$"
_SCIENTIFIC = re.compile(r"\s*[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+]?[0-9]+\s*")
# 18 digits, with the spaces, dots or dashes people type between them, ending in 000.
_LOST_DIGITS = re.compile(r"\s*(?:[0-9][\s.\-]*){15}0[\s.\-]*0[\s.\-]*0\s*")
_E = np.array([ord("e"), ord("E")], dtype=np.uint8)
_ANONYMOUS_FIRST = np.array([ord("a"), ord("p"), ord(" "), ord("\t")], dtype=np.uint8)
_NOT_DIGITS = np.array([b for b in range(256) if not ord("0") <= b <= ord("9")], dtype=np.uint8)


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
    to ``notes``.

    Runs on every block of a run, so the column is looked at as bytes first
    (``strings.Cells``): only the few cells that could be one of these (an ``e`` in
    it, ``000`` at its end, an ``a`` or ``p`` first) are read as text."""
    bytes_of = Cells.of(cells)
    values: list[Optional[str]] = cells.to_pylist()
    first = np.char.lower(bytes_of.first_bytes().view("S1")).view(np.uint8)
    for row in np.flatnonzero(np.isin(first, _ANONYMOUS_FIRST)).tolist():
        if (values[row] or "").strip().casefold() in ANONYMOUS:
            values[row] = ""
    reasons: dict[int, str] = {}
    for row in np.flatnonzero(bytes_of.holding(_E)).tolist():
        if _SCIENTIFIC.fullmatch(values[row] or ""):
            reasons[row] = _reason("id.scientific", header, values[row], withheld)
    if kind == "other" or (kind == "nip" and not lenient_nip):
        ends_in_000 = (bytes_of.last_bytes(3) == ord("0")).all(axis=1)
        for row in np.flatnonzero(ends_in_000).tolist():
            if row not in reasons and _LOST_DIGITS.fullmatch(values[row] or ""):
                reasons[row] = _reason("id.lost_digits", header, values[row], withheld)
    if notes is not None and kind != "nip":
        _count_lengths(bytes_of, notes, header)
    return values, reasons


def _reason(key: str, header: str, value: Optional[str], withheld: bool) -> str:
    text = say("id.withheld") if withheld else repr((value or "").strip())
    return say(key, column=header, text=text)


def _count_lengths(cells: Cells, notes: ColumnNotes, header: str) -> None:
    """Digit-only ids by length, and those that start with 0 (for ``lost_zeros``)."""
    lengths = cells.lengths
    digit_only = (cells.counting(_NOT_DIGITS) == 0) & (lengths > 0)
    if not digit_only.any():
        return
    zero_led = (cells.first_bytes() == ord("0"))[digit_only]
    lengths = lengths[digit_only]
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
