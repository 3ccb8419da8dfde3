"""Generated 360-degree rounds for the multirater tests, and the numbers worked out
independently of asn_assess.multirater: group means, others, gaps and rwg(j) with numpy,
from the raw answers."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np

from asn_assess.core.documents import AnswerSheet
from asn_assess.core.models import Bank
from asn_assess.core.scoring import score


@dataclass
class Sheet:
    """One row of a generated round."""

    target: str
    group: str
    role: Optional[str]
    answers: dict[str, Any]
    indicators: dict[str, float] = field(default_factory=dict)
    """Indicator scores by the scoring rules (filled by ``scored``)."""


def answers_for(
    bank: Bank, rng: random.Random, role: Optional[str], group: str, skip: float = 0.1
) -> dict[str, Any]:
    """Random answers to the items ``group`` is asked about someone in ``role``: some
    skipped, some "na", a person's tendency plus noise so that raters partly agree."""
    lean = rng.choice([2, 3, 4])
    answers: dict[str, Any] = {}
    for item in bank.items_asked_of(role, None if group == "self" else group):
        roll = rng.random()
        if roll < skip:
            continue
        if item.is_situational:
            answers[item.id] = rng.choice(item.options).id
        elif roll < skip + 0.03:
            answers[item.id] = "na"
        else:
            answers[item.id] = min(5, max(1, lean + rng.choice([-1, 0, 0, 1])))
    return answers


def generated_round(
    bank: Bank, rng: random.Random, targets: int = 6, own: bool = True
) -> list[Sheet]:
    """Targets with their own answers, 1 supervisor, 2-6 peers, 0-8 subordinates and
    0-2 service users (small groups, so that pooling happens too)."""
    sheets = []
    for number in range(1, targets + 1):
        target = f"T{number:02}"
        subordinates = rng.randint(0, 8)
        role = "struktural" if subordinates else rng.choice(["pelaksana", "fungsional"])
        groups = ["atasan"] + ["rekan"] * rng.randint(2, 6) + ["bawahan"] * subordinates
        groups += ["pengguna-layanan"] * rng.randint(0, 2)
        if own:
            groups.insert(rng.randint(0, len(groups)), "self")
        for group in groups:
            sheets.append(Sheet(target, group, role, answers_for(bank, rng, role, group)))
    return scored(bank, sheets)


def scored(bank: Bank, sheets: list[Sheet]) -> list[Sheet]:
    """Each sheet's indicator scores, one sheet at a time through ``score``."""
    for sheet in sheets:
        result = score(
            bank,
            AnswerSheet(
                bank_id=bank.id,
                bank_version=bank.version,
                role=sheet.role,
                target=sheet.target,
                rater_group=sheet.group,
                answers=sheet.answers,
            ),
        )
        sheet.indicators = {
            i.id: i.score for p in result.pillars for i in p.indicators if i.score is not None
        }
    return sheets


def write_round(path: Path, bank: Bank, sheets: list[Sheet]) -> Path:
    """The round as a CSV table with the columns `template multirater` writes (item ids
    as headers)."""
    items = list(bank.items)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["target_id", "rater_group", "role", *items])
        for sheet in sheets:
            cells = [str(sheet.answers.get(item, "")) for item in items]
            writer.writerow([sheet.target, sheet.group, sheet.role or "", *cells])
    return path


# --- the numbers, worked out on their own ------------------------------------------------------


def item_pomp(bank: Bank, item_id: str, answer: Any) -> Optional[float]:
    """An answer's 0-100 score, or None for "na"; reverse-keying changes no variance, so
    the raw value's position on the scale is enough for rwg."""
    item = bank.items[item_id]
    if answer == "na":
        return None
    scale = bank.scale_of(item)
    return (int(answer) - scale.low) / (scale.high - scale.low) * 100


def expected_visibility(counts: dict[str, int], named: set[str], k: int) -> dict[str, str]:
    """The anonymity rules as docs/multirater.md states them, written out again."""
    shown = {g for g, n in counts.items() if n and (g in named or n >= k)}
    small = {g for g, n in counts.items() if n and g not in shown}
    fate = "pooled" if sum(counts[g] for g in small) >= k else "withheld"
    return {g: ("shown" if g in shown else fate) for g, n in counts.items() if n}


def expected_rwg(bank: Bank, indicator_items: list[str], raters: list[Sheet]) -> Optional[float]:
    """rwg(j) of the raters' answers: mean over items (with >= 2 answers) of
    variance / uniform-null variance, then J(1 - r) / (J(1 - r) + r), 0 when r >= 1."""
    ratios = []
    for item_id in indicator_items:
        values = [
            item_pomp(bank, item_id, s.answers[item_id]) for s in raters if item_id in s.answers
        ]
        values = [v for v in values if v is not None]
        if len(values) < 2:
            continue
        scale = bank.scale_of(bank.items[item_id])
        points = np.array(
            [(p.value - scale.low) / (scale.high - scale.low) * 100 for p in scale.points]
        )
        ratios.append(np.var(values, ddof=1) / np.var(points))
    if not ratios:
        return None
    j, r = len(ratios), float(np.mean(ratios))
    return 0.0 if r >= 1 else j * (1 - r) / (j * (1 - r) + r)
