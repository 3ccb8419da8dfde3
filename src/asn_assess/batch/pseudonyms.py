"""Pseudonyms for respondents: a keyed hash that is stable but not reversible."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from asn_assess.batch.blocks import InputError
from asn_assess.core.errors import Problem
from asn_assess.core.files import read_text

MINIMUM_KEY_LENGTH = 16


class Pseudonymizer:
    """Replaces an identifier by HMAC-SHA256(key, identifier): stable for one key, not
    reversible without it. The key file holds the secret as text; keep it safe."""

    def __init__(self, key: bytes):
        self._key = key

    @classmethod
    def from_key_file(cls, path: Path) -> Pseudonymizer:
        """The key held in a text file (surrounding spaces dropped); ``InputError`` when
        the file cannot be read or holds fewer than 16 characters."""
        key = read_text(path, InputError).strip().encode("utf-8")
        if len(key) < MINIMUM_KEY_LENGTH:
            raise InputError(
                Problem(
                    str(path),
                    f"the key file must hold at least {MINIMUM_KEY_LENGTH} characters "
                    "of secret (see docs/batch.md)",
                )
            )
        return cls(key)

    def __call__(self, identifier: str) -> str:
        """The pseudonym of ``identifier``: 32 hexadecimal digits."""
        digest = hmac.new(self._key, identifier.strip().encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]
