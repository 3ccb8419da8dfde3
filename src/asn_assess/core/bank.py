"""Load and validate question banks (TOML).

Validation runs in three passes and reports every problem it finds, not only the first:

1. reading: the file exists, is not empty, is UTF-8, is valid TOML (line and column);
2. structure: pydantic checks keys, types and translations (key path per problem);
3. consistency: cross-references that a single key cannot check (duplicate ids, an
   item's scale, option scores, band order), walked over the raw TOML so that it runs
   even when pass 2 found problems elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

from asn_assess.core.errors import BankError, Problem
from asn_assess.core.files import parse_toml, read_text
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
                "the file is empty; a bank needs at least id, "
                "version, languages, scales, bands and pillars",
            )
        )
    data = parse_toml(text, source, BankError)
    if not data:
        raise BankError(
            Problem(
                source,
                "the file holds only comments; see `asn-assess bank template` for a starting point",
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
        problems.extend(validation_problems(error, source, "docs/bank-format.md lists every key"))
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


def _text(value: Any) -> Optional[str]:
    """``value`` when it is a text (an id), else None: pass 2 reports other types, and
    this pass must not trip over them (a list is no dictionary key)."""
    return value if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    """``value`` when it is a list, else an empty one (pass 2 reports the type)."""
    return value if isinstance(value, list) else []


def _tables(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The tables of an array of tables, with their index; anything else is skipped
    (pass 2 reports it)."""
    if isinstance(value, list):
        for index, table in enumerate(value):
            if isinstance(table, dict):
                yield index, table


def consistency_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules that span keys. Returns (key path, message) pairs; tolerant of bad types."""
    problems: list[tuple[str, str]] = []

    languages = data.get("languages")
    if isinstance(languages, list):
        repeated = sorted(
            {lang for lang in languages if isinstance(lang, str) and languages.count(lang) > 1}
        )
        if repeated:
            problems.append(("languages", f"{', '.join(repeated)} listed more than once"))

    scale_values: dict[str, set[int]] = {}
    for index, scale in _tables(data.get("scales")):
        path = f"scales[{index}]"
        scale_id = _text(scale.get("id"))
        if scale_id is not None and scale_id in scale_values:
            problems.append((f"{path}.id", f"duplicate scale id {scale_id!r}"))
        raw_values = [p.get("value") for _, p in _tables(scale.get("points"))]
        values: list[int] = [
            v for v in raw_values if isinstance(v, int) and not isinstance(v, bool)
        ]
        if len(set(values)) != len(values):
            problems.append((f"{path}.points", "two points share the same value"))
        problems.extend(_spelling_clashes(scale, path))
        if scale_id is not None and values:
            scale_values[scale_id] = set(values)

    band_ids: set[str] = set()
    previous_min: Optional[float] = None
    for index, band in _tables(data.get("bands")):
        path = f"bands[{index}]"
        band_id = _text(band.get("id"))
        if band_id is not None and band_id in band_ids:
            problems.append((f"{path}.id", f"duplicate band id {band_id!r}"))
        if band_id is not None:
            band_ids.add(band_id)
        low = band.get("min")
        if not isinstance(low, (int, float)) or isinstance(low, bool):
            continue
        if index == 0 and low != 0:
            problems.append((f"{path}.min", f"the first band must start at 0, not {low}"))
        if previous_min is not None and low <= previous_min:
            problems.append(
                (
                    f"{path}.min",
                    f"bands must be sorted by rising `min`: {low} follows {previous_min}",
                )
            )
        previous_min = low
    develop = data.get("develop_below_band")
    if isinstance(develop, str) and band_ids and develop not in band_ids:
        problems.append(("develop_below_band", f"no band has id {develop!r}"))

    seen_ids: dict[str, str] = {}

    def claim(item_id: Any, path: str) -> None:
        if not isinstance(item_id, str):
            return
        if item_id in seen_ids:
            problems.append(
                (f"{path}.id", f"duplicate id {item_id!r}, first used at {seen_ids[item_id]}")
            )
        else:
            seen_ids[item_id] = path

    pillars = data.get("pillars")
    if not pillars:
        problems.append(("pillars", "the bank has no pillars; add at least one [[pillars]] table"))
    for p_index, pillar in _tables(pillars):
        p_path = f"pillars[{p_index}]"
        claim(pillar.get("id"), p_path)
        indicators = pillar.get("indicators")
        if not indicators:
            problems.append((p_path, f"pillar {pillar.get('id')!r} has no indicators, so no items"))
        for i_index, indicator in _tables(indicators):
            i_path = f"{p_path}.indicators[{i_index}]"
            claim(indicator.get("id"), i_path)
            items = indicator.get("items")
            if not items:
                problems.append((i_path, f"indicator {indicator.get('id')!r} has no items"))
            for t_index, item in _tables(items):
                t_path = f"{i_path}.items[{t_index}]"
                claim(item.get("id"), t_path)
                problems.extend(_item_problems(item, t_path, scale_values))
    return problems


def _spelling_clashes(scale: dict[str, Any], path: str) -> list[tuple[str, str]]:
    """A label or alias that stands for two points would make typed answers ambiguous."""
    from asn_assess.core.answers import normalise_label

    owner: dict[str, Any] = {}
    problems = []
    for p_index, point in _tables(scale.get("points")):
        label = point.get("label")
        value = point.get("value")
        spellings = [str(value)] if isinstance(value, int) and abs(value) < 10**9 else []
        spellings += [
            v for v in (label.values() if isinstance(label, dict) else []) if isinstance(v, str)
        ]
        spellings += [a for a in _list(point.get("aliases")) if isinstance(a, str)]
        for spelling in spellings:
            key = normalise_label(spelling)
            if key in owner and owner[key] != point.get("value"):
                problems.append(
                    (
                        f"{path}.points[{p_index}]",
                        f"{spelling!r} already stands for value {owner[key]}",
                    )
                )
            owner.setdefault(key, point.get("value"))
    return problems


def _item_problems(
    item: dict[str, Any], path: str, scale_values: dict[str, set[int]]
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    scale_id = item.get("scale")
    values = scale_values.get(scale_id) if isinstance(scale_id, str) else None
    if isinstance(scale_id, str) and values is None:
        known = ", ".join(sorted(scale_values)) or "none"
        problems.append((f"{path}.scale", f"no scale has id {scale_id!r} (scales: {known})"))
    situational = item.get("kind") == "situational"
    options = item.get("options")
    if situational:
        if "reverse" in item:
            problems.append(
                (
                    f"{path}.reverse",
                    "a situational item cannot be reversed; "
                    "give each option the score it deserves instead",
                )
            )
        if not options:
            problems.append((f"{path}.options", "a situational item needs options"))
        if "scenario" not in item:
            problems.append((f"{path}.scenario", "a situational item needs a scenario"))
    else:
        if options:
            problems.append(
                (f"{path}.options", 'only items with kind = "situational" have options')
            )
        if "scenario" in item:
            problems.append(
                (f"{path}.scenario", 'only items with kind = "situational" have a scenario')
            )
    option_ids: set[str] = set()
    for o_index, option in _tables(options):
        o_path = f"{path}.options[{o_index}]"
        option_id = _text(option.get("id"))
        if option_id is not None and option_id in option_ids:
            problems.append((f"{o_path}.id", f"duplicate option id {option_id!r}"))
        if option_id is not None:
            option_ids.add(option_id)
        score = option.get("score")
        if (
            values
            and isinstance(score, int)
            and not isinstance(score, bool)
            and score not in values
        ):
            low, high = min(values), max(values)
            where = "outside" if not low <= score <= high else "not a value of"
            problems.append(
                (f"{o_path}.score", f"score {score} is {where} scale {scale_id!r} ({low}-{high})")
            )
    return problems


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


def bundled_bank_paths() -> list[Path]:
    """The bank files shipped with the tool, sorted by name."""
    return sorted(bundled_bank_dir().glob("*.toml"))


def resolve_bank(reference: Optional[str] = None) -> Bank:
    """A bank from a file path, or a bundled bank by id; the default bank when None."""
    reference = reference or DEFAULT_BANK_ID
    path = Path(reference)
    # A bare id names a bundled bank even if a folder of that name is in the way.
    # (os.path.isfile, unlike Path.is_file, says False for a name too long for a file.)
    if path.suffix == ".toml" or os.path.isfile(reference):
        return load_bank(path)
    for candidate in bundled_bank_paths():
        if candidate.stem == reference:
            return load_bank(candidate)
    known = ", ".join(p.stem for p in bundled_bank_paths()) or "none"
    raise BankError(
        Problem(reference, f"no bank file or bundled bank with this id (bundled: {known})")
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
