"""Load and validate question banks (TOML).

Validation runs in three passes and reports every problem it finds, not only the first:

1. reading: the file exists, is not empty, is UTF-8, is valid TOML (line and column);
2. structure: pydantic checks keys, types and translations (key path per problem);
3. consistency: cross-references that a single key cannot check (duplicate ids, an
   item's scale, option scores, band order), walked over the raw TOML so that it runs
   even when pass 2 found problems elsewhere.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from asn_assess.core.bank_rules import consistency_problems
from asn_assess.core.errors import BankError, Problem
from asn_assess.core.files import parse_toml, read_text
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank

DEFAULT_BANK_ID = "asn-profesional"


# --- reading --------------------------------------------------------------------


def load_bank(path: str | Path) -> Bank:
    """Read, parse and validate a bank file. Raises ``BankError`` listing all problems."""
    path = Path(path)
    return parse_bank(read_text(path, BankError), source=str(path))


def parse_bank(text: str, source: str = "<bank>") -> Bank:
    """Parse and validate bank TOML given as text."""
    if not text.strip():
        raise BankError(
            Problem(
                source,
                say("bank.file_empty"),
            )
        )
    data = parse_toml(text, source, BankError)
    if not data:
        raise BankError(
            Problem(
                source,
                say("bank.file_only_comments"),
            )
        )
    return bank_from_data(data, source)


# --- validation -----------------------------------------------------------------


def bank_from_data(data: dict[str, Any], source: str = "<bank>") -> Bank:
    """Validate parsed TOML data and build a ``Bank``; all problems in one ``BankError``."""
    from pydantic import ValidationError

    from asn_assess.core.validation import validation_problems

    languages = data.get("languages")
    if not (
        languages and isinstance(languages, list) and all(isinstance(x, str) for x in languages)
    ):
        languages = None  # reported by pydantic; translations cannot be checked yet
    problems: list[Problem] = []
    bank: Optional[Bank] = None
    try:
        bank = Bank.model_validate(data, context={"languages": languages})
    except ValidationError as error:
        problems.extend(validation_problems(error, source, "check.keys_bank_format"))
    problems.extend(
        Problem(f"{source}: {path}" if path else source, message)
        for path, message in consistency_problems(data)
    )
    if problems:
        raise BankError(_unique(problems))
    assert bank is not None
    return bank


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))  # first occurrences, in order


# --- finding banks ------------------------------------------------------------------


def bundled_bank_dir() -> Path:
    """Where the banks shipped with the tool live.

    In a wheel they are packaged as ``asn_assess/questions``; in a source checkout
    (editable install, tests) they are the top-level ``questions/`` folder.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "questions"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "questions"


@dataclass(frozen=True)
class BundledBank:
    """A bank file shipped with the tool: its id and version, read from the file."""

    id: str
    version: str
    path: Path


_TOP_KEY = re.compile(r'^(id|version)\s*=\s*"([^"]*)"\s*(?:#.*)?$', re.MULTILINE)


@functools.cache
def bundled_banks() -> tuple[BundledBank, ...]:
    """Every bundled bank version, by id, oldest version first.

    Only the top of each file is read (its ``id`` and ``version`` come before the first
    table): finding a bank must not cost a full parse of every version."""
    found = []
    for path in sorted(bundled_bank_dir().glob("*.toml")):
        top = path.read_text(encoding="utf-8").split("\n[", 1)[0]
        keys = dict(_TOP_KEY.findall(top))
        found.append(BundledBank(keys.get("id", path.stem), keys.get("version", ""), path))
    return tuple(sorted(found, key=lambda b: (b.id, version_key(b.version))))


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Orders versions as people expect: 1.10.0 after 1.9.0."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in version.split("."))


def bundled_bank_paths() -> list[Path]:
    """The bank files shipped with the tool (every version), sorted by id and version."""
    return [bank.path for bank in bundled_banks()]


def resolve_bank(reference: Optional[str] = None, version: Optional[str] = None) -> Bank:
    """A bank from a file path, or a bundled bank by id (``ID`` or ``ID@VERSION``); the
    default bank when None. Without a version, a bundled bank's newest version."""
    reference = reference or DEFAULT_BANK_ID
    path = Path(reference)
    # A bare id names a bundled bank even if a folder of that name is in the way.
    # (os.path.isfile, unlike Path.is_file, says False for a name too long for a file.)
    if path.suffix == ".toml" or os.path.isfile(reference):
        bank = load_bank(path)
        if version is not None and bank.version != version:
            raise BankError(
                Problem(
                    reference,
                    say(
                        "reading.bank_other_version",
                        found=bank.version,
                        bank=bank.id,
                        version=version,
                    ),
                )
            )
        return bank
    bank_id, _, pinned = reference.partition("@")
    version = pinned or version
    versions = [bank for bank in bundled_banks() if bank.id == bank_id]
    if not versions:
        known = ", ".join(sorted({b.id for b in bundled_banks()})) or "-"
        raise BankError(Problem(reference, say("reading.no_bank", known=known)))
    if version is None:
        return load_bank(versions[-1].path)
    for candidate in versions:
        if candidate.version == version:
            return load_bank(candidate.path)
    available = ", ".join(b.version for b in versions)
    raise BankError(
        Problem(
            reference,
            say("bank.version_unavailable", version=version, bank=bank_id, available=available),
        )
    )


def starter_bank_text() -> str:
    """The starter bank written by `asn-assess bank template` (valid as it stands)."""
    return (Path(__file__).resolve().parents[1] / "templates" / "starter-bank.toml").read_text(
        encoding="utf-8"
    )


def normalised_bank(bank: Bank) -> dict[str, Any]:
    """The bank as plain data with every default filled in, for `bank show --json`:
    each item also states its scale range, its reverse flag and its weight."""
    data = bank.model_dump(mode="json")
    for pillar in data["pillars"]:
        for indicator in pillar["indicators"]:
            for item in indicator["items"]:
                model = bank.items[item["id"]]
                scale = bank.scale_of(model)
                item["reverse"] = model.is_reversed
                item["scale_range"] = [scale.low, scale.high]
    return data
