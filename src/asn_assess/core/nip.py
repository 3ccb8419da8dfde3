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
import unicodedata
from typing import Optional

from asn_assess.core.errors import NipError
from asn_assess.core.i18n import t


def _error(code: str, **values: object) -> NipError:
    """A NipError in English that also carries its reason code, so an interactive
    session can say the same thing in the person's language (i18n keys ``nip.*``)."""
    error = NipError(t(f"nip.{code}", "en", **values))
    error.code, error.values = code, values
    return error


_SEPARATORS = re.compile(r"[\s.\-]+")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script (Arabic-Indic ``١٩٨٦``,
    Devanagari, full-width) written as its ASCII digit, so that one number typed on
    different keyboards is one number."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(character)) if character.isdecimal() else character
        for character in text
    )


def _strip(raw: str) -> str:
    # Digits of other scripts stay as they are here: a NIP typed into a profile is
    # refused until written in ASCII digits (``ascii_digits`` serves ids and pseudonyms).
    return _SEPARATORS.sub("", raw)


def normalise_nip(raw: str, today: Optional[_dt.date] = None) -> str:
    """Return the NIP as 18 digits, or raise ``NipError`` saying what is wrong.

    ``today`` (default: the current date) bounds the appointment month: a NIP cannot
    record an appointment that has not happened yet."""
    nip = _strip(raw)
    if not nip.isdigit() or not nip.isascii():
        raise _error("digits_only")
    if len(nip) != 18:
        raise _error("length", count=len(nip))
    try:
        birth = _dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise _error("birth_date", digits=nip[0:8]) from None
    appointed_year, appointed_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= appointed_month <= 12:
        raise _error("appointment", digits=nip[8:14])
    if (appointed_year, appointed_month) <= (birth.year, birth.month):
        raise _error("appointment_order", appointed=nip[8:14], born=nip[0:8])
    today = today or _dt.date.today()
    if (appointed_year, appointed_month) > (today.year, today.month):
        raise _error("appointment_future", digits=nip[8:14])
    if nip[14] not in "12":
        raise _error("gender", digit=nip[14])
    if nip[15:18] == "000":
        raise _error("sequence")
    return nip


def normalise_ni_pppk(raw: str) -> str:
    """NI PPPK: 18 digits. Its layout is not published, so only the length is checked."""
    number = _strip(raw)
    if not number.isdigit() or not number.isascii() or len(number) != 18:
        raise _error("pppk")
    return number


def format_nip(nip: str) -> str:
    """Group a stored NIP for display: 19860926 201505 1 001."""
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
