"""Pseudonyms for respondents: a keyed hash that is stable but not reversible.

An identifier is normalised before it is hashed, so that one person typed two ways
gets one pseudonym and results can be joined over time (docs/batch.md):

- a NIP or NI PPPK (a NIP column, or any value that is 18 digits once spaces, dots and
  dashes are removed): its digits only, in ASCII whatever script they were typed in
  (Arabic-Indic ``١٩٨٦…`` is ``1986…``);
- an e-mail address (an e-mail column, or any value shaped like one): trimmed and
  lower-cased;
- a name: trimmed, inner runs of spaces made one, case-folded;
- anything else: trimmed, inner runs of spaces made one (case kept: codes may differ
  by case alone).

All are first put in Unicode's compatibility form (NFKC), so full-width digits or
letters from a phone keyboard count as the plain ones.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Literal, Optional

from asn_assess.batch.blocks import InputError
from asn_assess.core.errors import Problem
from asn_assess.core.files import read_text
from asn_assess.core.i18n import say
from asn_assess.core.limits import KEY_FILE_BYTES
from asn_assess.core.nip import ascii_digits

MINIMUM_KEY_LENGTH = 16
IdentifierKind = Literal["nip", "email", "name", "other"]

_NIP_SEPARATORS = re.compile(r"[\s.\-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def normalise_identifier(value: str, kind: IdentifierKind = "other") -> str:
    """``value`` as it is hashed (see the module's documentation)."""
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    digits = _NIP_SEPARATORS.sub("", ascii_digits(text))
    if kind == "nip":
        return "".join(character for character in ascii_digits(text) if character.isdigit())
    if len(digits) == 18 and digits.isascii() and digits.isdigit():
        return digits
    if kind == "email" or _EMAIL.fullmatch(text):
        return text.lower()
    if kind == "name":
        return text.casefold()
    return text


class Pseudonymizer:
    """Replaces an identifier by HMAC-SHA256(key, normalised identifier): stable for one
    key, not reversible without it. The key file holds the secret as text; keep it
    safe."""

    def __init__(self, key: bytes):
        self._key = key

    @classmethod
    def from_key_file(cls, path: Path) -> Pseudonymizer:
        """The key held in a text file (surrounding spaces dropped); ``InputError`` when
        the file cannot be read or holds fewer than 16 characters."""
        key = read_text(path, InputError, KEY_FILE_BYTES).strip().encode("utf-8")
        if len(key) < MINIMUM_KEY_LENGTH:
            raise InputError(
                Problem(
                    str(path),
                    say("reading.key_too_short", length=MINIMUM_KEY_LENGTH),
                )
            )
        return cls(key)

    def __call__(self, identifier: str, kind: IdentifierKind = "other") -> str:
        """The pseudonym of ``identifier``: 32 hexadecimal digits."""
        normalised = normalise_identifier(identifier, kind).encode("utf-8")
        return hmac.new(self._key, normalised, hashlib.sha256).hexdigest()[:32]


def key_file_warning(path: Path) -> Optional[str]:
    """A warning when other users of this computer can read the key file (POSIX),
    else None. Whoever reads the key can test a guessed NIP against a pseudonym."""
    if os.name == "nt":
        return None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    if mode & (stat.S_IRGRP | stat.S_IROTH | stat.S_IWGRP | stat.S_IWOTH):
        return say("privacy.key_readable", path=path, mode=f"{mode:o}")
    return None
