"""Generated agencies for the agency report tests: people in units with roles and
answers, written as the CSV an HR unit would export; and the figures worked out
independently of asn_assess.agency, from batch's per-person scores."""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from asn_assess.batch.api import run_batch
from asn_assess.batch.outputs import CollectingSink
from asn_assess.batch.settings import BatchSettings
from asn_assess.core.models import Bank


def people(
    bank: Bank,
    units: dict[str, int],
    rng: random.Random,
    roles: Optional[Sequence[Optional[str]]] = None,
    skip: float = 0.05,
    lean: Optional[dict[str, int]] = None,
) -> list[dict[str, Any]]:
    """Rows of ``units`` (name -> how many people), each with a role drawn from
    ``roles`` (default: the bank's), answers leaning per unit (``lean``: 1-5), some
    skipped, a few "not applicable"."""
    choices = list(roles) if roles is not None else [r.id for r in bank.roles] or [None]
    rows = []
    number = 0
    for unit, size in units.items():
        for _ in range(size):
            number += 1
            role = rng.choice(choices)
            centre = (lean or {}).get(unit, rng.choice([2, 3, 4]))
            row: dict[str, Any] = {"respondent_id": f"P{number:05}", "unit": unit, "role": role}
            for item in bank.items_asked_of(role):
                roll = rng.random()
                if roll < skip:
                    continue
                point = min(5, max(1, centre + rng.choice([-1, 0, 0, 1])))
                if item.is_situational:  # the option worth about the person's point
                    options = sorted(item.options, key=lambda option: option.score)
                    row[item.id] = options[(point - 1) * (len(options) - 1) // 4].id
                elif roll < skip + 0.02:
                    row[item.id] = "na"
                else:  # a lapse (reverse-keyed item) is as rare as the behaviour is common
                    row[item.id] = 6 - point if item.is_reversed else point
            rows.append(row)
    return rows


PROFILE = ("Nama", "NIP", "Email Address")


def with_profiles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with a name, a NIP and an e-mail each (none may reach a report)."""
    for number, row in enumerate(rows, start=1):
        row["Nama"] = f"Pegawai Rahasia {number:04}"
        row["NIP"] = f"19800101{2005 + number % 15:04}01{1 + number % 2}{number % 1000:03}"
        row["Email Address"] = f"pegawai{number:04}@contoh.go.id"
    return rows


def write_csv(path: Path, bank: Bank, rows: list[dict[str, Any]], role: bool = True) -> Path:
    """The rows as a CSV with one column per item (empty where not answered), and the
    profile columns when the rows have them."""
    profile = [column for column in PROFILE if rows and column in rows[0]]
    columns = [*profile, "respondent_id", "unit", *(["role"] if role else []), *bank.items]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: ("" if value is None else value) for key, value in row.items()})
    return path


def per_person(bank: Bank, path: Path) -> list[dict[str, Any]]:
    """batch's flat result rows of a file, with the unit of each (by row number)."""
    with open(path, newline="", encoding="utf-8") as file:
        units = [row["unit"] for row in csv.DictReader(file)]
    sink = CollectingSink(bank)
    run_batch([str(path)], BatchSettings(bank, quality_flags=False), sink)
    for row in sink.rows:
        row["unit"] = units[row["row"] - 1]
    return sink.rows
