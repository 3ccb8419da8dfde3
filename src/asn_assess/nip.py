"""The NIP (Nomor Induk Pegawai): 18 digits with a fixed layout.

    YYYYMMDD  birth date
    YYYYMM    year and month of appointment as CPNS
    G         gender: 1 male, 2 female
    NNN       sequence, from 001

People type it with spaces ("19860926 201505 1 001"); it is stored without them.
A NIP reveals birth date and gender, so it is personal data: it is only ever checked
here, never used for anything else.
"""

from __future__ import annotations

import datetime as _dt
import re

from asn_assess.errors import NipError

_SEPARATORS = re.compile(r"[\s.\-]+")


def _strip(raw: str) -> str:
    return _SEPARATORS.sub("", raw)


def normalize_nip(raw: str) -> str:
    """Return the NIP as 18 digits, or raise ``NipError`` saying what is wrong."""
    nip = _strip(raw)
    if not nip.isdigit() or not nip.isascii():
        raise NipError("a NIP has digits only (spaces are allowed between the groups)")
    if len(nip) != 18:
        raise NipError(f"a NIP has 18 digits, this one has {len(nip)}")
    try:
        birth = _dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            f"digits 1-8 ({nip[0:8]}) must be a real birth date as YYYYMMDD"
        ) from None
    appointed_year, appointed_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= appointed_month <= 12:
        raise NipError(
            f"digits 9-14 ({nip[8:14]}) must be the year and month of appointment as YYYYMM"
        )
    if (appointed_year, appointed_month) <= (birth.year, birth.month):
        raise NipError(
            f"the appointment month ({nip[8:14]}) must come after the birth date ({nip[0:8]})"
        )
    if nip[14] not in "12":
        raise NipError(f"digit 15 ({nip[14]}) is the gender digit and must be 1 or 2")
    if nip[15:18] == "000":
        raise NipError("digits 16-18 are a sequence number starting at 001, not 000")
    return nip


def normalize_ni_pppk(raw: str) -> str:
    """NI PPPK: 18 digits. Its layout is not published, so only the length is checked."""
    number = _strip(raw)
    if not number.isdigit() or not number.isascii() or len(number) != 18:
        raise NipError("an NI PPPK has 18 digits (spaces are allowed between the groups)")
    return number


def format_nip(nip: str) -> str:
    """Group a stored NIP for display: 19860926 201505 1 001."""
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
