"""Shared fixtures: bank texts, bank builders and a quiet, fixed-width terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from asn_assess.core.bank import load_bank, parse_bank, starter_bank_text
from asn_assess.core.documents import Result
from asn_assess.core.errors import BankError, Problem
from asn_assess.core.models import Bank

REPO = Path(__file__).resolve().parents[1]
BUNDLED_BANK_PATH = REPO / "questions" / "asn-profesional.toml"  # the newest version
BANK_V1_PATH = REPO / "questions" / "asn-profesional-1.0.0.toml"
BANK_V2_PATH = REPO / "questions" / "asn-profesional-2.0.0.toml"
STARTER_BANK_PATH = REPO / "src" / "asn_assess" / "templates" / "starter-bank.toml"
VALUES_BANK_PATH = REPO / "tests" / "data" / "banks" / "nilai-v3.toml"
"""A small bank with core values, scoring version 3 and tagged actions (its header
comment lists what the tests rely on)."""

# A small bank written for exact-number scoring tests. Every score below can be
# worked out by hand from this text:
#
#   scales  agree 1-5, four 0-3, fit 1-5 (situational)
#   bands   low >= 0, mid >= 50, high >= 75
#   pillar A (weight 2)
#     a1 (weight 1): a1-1 agree w1, a1-2 agree reversed w3, a1-3 four w1,
#                    a1-s situational (x=5, y=2, z=1)
#     a2 (weight 3): a2-1, a2-2 agree
#   pillar B (weight 1)
#     b1, b2, b3: two agree items each
SMALL_BANK_TOML = """\
id = "small"
version = "2.0"
languages = ["id"]
min_answered = 0.5
develop_below_band = "mid"
title = { id = "Bank kecil" }
description = { id = "Bank untuk uji skor." }

[[scales]]
id = "agree"
name = { id = "Setuju" }
points = [
  { value = 1, label = { id = "STS" } },
  { value = 2, label = { id = "TS" } },
  { value = 3, label = { id = "N" } },
  { value = 4, label = { id = "S" } },
  { value = 5, label = { id = "SS" } },
]

[[scales]]
id = "four"
name = { id = "Empat titik" }
points = [
  { value = 0, label = { id = "nol" } },
  { value = 1, label = { id = "satu" } },
  { value = 2, label = { id = "dua" } },
  { value = 3, label = { id = "tiga" } },
]

[[scales]]
id = "fit"
name = { id = "Ketepatan" }
points = [
  { value = 1, label = { id = "1" } },
  { value = 2, label = { id = "2" } },
  { value = 3, label = { id = "3" } },
  { value = 4, label = { id = "4" } },
  { value = 5, label = { id = "5" } },
]

[[bands]]
id = "low"
min = 0
label = { id = "Rendah" }
meaning = { id = "Rendah." }

[[bands]]
id = "mid"
min = 50
label = { id = "Sedang" }
meaning = { id = "Sedang." }

[[bands]]
id = "high"
min = 75
label = { id = "Tinggi" }
meaning = { id = "Tinggi." }

[[pillars]]
id = "A"
weight = 2
title = { id = "Pilar A" }

[[pillars.indicators]]
id = "a1"
title = { id = "Indikator a1" }

[[pillars.indicators.items]]
id = "a1-1"
scale = "agree"
text = { id = "Saya bekerja." }

[[pillars.indicators.items]]
id = "a1-2"
scale = "agree"
reverse = true
weight = 3
text = { id = "Saya menunda." }

[[pillars.indicators.items]]
id = "a1-3"
scale = "four"
text = { id = "Saya mencatat." }

[[pillars.indicators.items]]
id = "a1-s"
kind = "situational"
scale = "fit"
scenario = { id = "Sebuah situasi." }
text = { id = "Apa yang Anda lakukan?" }
options = [
  { id = "x", score = 5, text = { id = "Pilihan x" } },
  { id = "y", score = 2, text = { id = "Pilihan y" } },
  { id = "z", score = 1, text = { id = "Pilihan z" } },
]

[[pillars.indicators]]
id = "a2"
weight = 3
title = { id = "Indikator a2" }

[[pillars.indicators.items]]
id = "a2-1"
scale = "agree"
text = { id = "Saya merencanakan." }

[[pillars.indicators.items]]
id = "a2-2"
scale = "agree"
text = { id = "Saya menyelesaikan." }

[[pillars]]
id = "B"
title = { id = "Pilar B" }

[[pillars.indicators]]
id = "b1"
title = { id = "Indikator b1" }

[[pillars.indicators.items]]
id = "b1-1"
scale = "agree"
text = { id = "Saya mendengar." }

[[pillars.indicators.items]]
id = "b1-2"
scale = "agree"
text = { id = "Saya bertanya." }

[[pillars.indicators]]
id = "b2"
title = { id = "Indikator b2" }

[[pillars.indicators.items]]
id = "b2-1"
scale = "agree"
text = { id = "Saya menulis." }

[[pillars.indicators.items]]
id = "b2-2"
scale = "agree"
text = { id = "Saya membaca." }

[[pillars.indicators]]
id = "b3"
title = { id = "Indikator b3" }

[[pillars.indicators.items]]
id = "b3-1"
scale = "agree"
text = { id = "Saya berbagi." }

[[pillars.indicators.items]]
id = "b3-2"
scale = "agree"
text = { id = "Saya membantu." }
"""


@pytest.fixture(autouse=True)
def plain_fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich output 80 columns wide and without colour, whatever terminal runs the tests."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture(autouse=True)
def default_interface_language():
    """Each test starts with the default interface language, whatever one before chose."""
    from asn_assess.core.i18n import set_interface_language

    set_interface_language(None)
    yield
    set_interface_language(None)


@pytest.fixture(scope="session")
def starter_text() -> str:
    """The starter bank TOML that `asn-assess bank template` writes."""
    return starter_bank_text()


@pytest.fixture(scope="session")
def small_bank_text() -> str:
    return SMALL_BANK_TOML


@pytest.fixture(scope="session")
def small_bank() -> Bank:
    return parse_bank(SMALL_BANK_TOML, source="small.toml")


@pytest.fixture(scope="session")
def bundled_bank() -> Bank:
    return load_bank(BUNDLED_BANK_PATH)


@pytest.fixture(scope="session")
def values_bank_text() -> str:
    return VALUES_BANK_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def values_bank() -> Bank:
    return load_bank(VALUES_BANK_PATH)


@pytest.fixture(scope="session")
def bank_v1() -> Bank:
    """Version 1.0.0 of the bundled bank, which stays bundled for old answer sheets."""
    return load_bank(BANK_V1_PATH)


@pytest.fixture(scope="session")
def build_bank() -> Callable[[str], Bank]:
    """Build a bank from TOML text (raises ``BankError`` as the loader does)."""

    def build(text: str, source: str = "bank.toml") -> Bank:
        return parse_bank(text, source=source)

    return build


@pytest.fixture(scope="session")
def bank_problems() -> Callable[[str], list[Problem]]:
    """The problems the loader reports for invalid TOML text, read as ``bank.toml``.

    Fails the test when the text is accepted."""

    def problems(text: str) -> list[Problem]:
        with pytest.raises(BankError) as caught:
            parse_bank(text, source="bank.toml")
        assert caught.value.problems, "a BankError must carry at least one problem"
        return caught.value.problems

    return problems


@pytest.fixture(scope="session")
def edit_text() -> Callable[..., str]:
    """Apply ``(old, new)`` replacements to a text, each ``old`` occurring exactly once,
    so an edit that silently misses (after the text changes) fails loudly."""

    def edit(text: str, *replacements: tuple[str, str]) -> str:
        for old, new in replacements:
            assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times, expected once"
            text = text.replace(old, new)
        return text

    return edit


def expected_cells(result: Result, quality: bool = False) -> dict[str, Any]:
    """What each batch CSV column must hold for ``result``: floats, ints, band ids or
    None, and with ``quality`` the ids of the rules its answers trip. Written out here,
    apart from batch.layout, so the tests check it."""
    overall = result.overall
    cells: dict[str, Any] = {
        "role": result.role,
        # `target` is who is rated, also on a person's own row (their id): tested apart.
        "rater_group": result.rater_group,
        "answered_items": overall.answered_items,
        "not_applicable_items": overall.not_applicable_items,
        "total_items": overall.total_items,
        "overall_score": overall.score,
        "overall_band": overall.band,
    }
    for pillar in result.pillars:
        cells[f"pillar.{pillar.id}.score"] = pillar.score
        cells[f"pillar.{pillar.id}.band"] = pillar.band
        cells[f"pillar.{pillar.id}.answered_items"] = pillar.answered_items
        cells[f"pillar.{pillar.id}.not_applicable_items"] = pillar.not_applicable_items
        cells[f"pillar.{pillar.id}.scored_indicators"] = pillar.scored_indicators
        for indicator in pillar.indicators:
            cells[f"indicator.{indicator.id}.score"] = indicator.score
            cells[f"indicator.{indicator.id}.band"] = indicator.band
            cells[f"indicator.{indicator.id}.answered_items"] = indicator.answered_items
            cells[f"indicator.{indicator.id}.not_applicable_items"] = indicator.not_applicable_items
    for value in result.values:
        cells[f"value.{value.id}.score"] = value.score
        cells[f"value.{value.id}.band"] = value.band
        cells[f"value.{value.id}.answered_items"] = value.answered_items
        cells[f"value.{value.id}.not_applicable_items"] = value.not_applicable_items
    if quality:
        cells["quality_flags"] = " ".join(flag.rule for flag in result.quality) or None
    return cells


def parsed_cells(row: dict[str, str], names=None) -> dict[str, Any]:
    """A batch CSV row's cells typed like ``expected_cells`` (empty cell = None): the
    columns ``names``, or every column but source, row, respondent_id, target and the
    quality columns (tests/test_quality.py checks those)."""
    if names is None:
        names = [
            name
            for name in row
            if name not in ("source", "row", "respondent_id", "target")
            and not name.startswith("quality")
        ]
    parsed: dict[str, Any] = {}
    for name in names:
        text = row[name]
        if text == "":
            parsed[name] = None
        elif name.endswith("score"):
            parsed[name] = float(text)
        elif name.endswith("band") or name in ("role", "quality_flags", "target", "rater_group"):
            parsed[name] = text
        else:
            parsed[name] = int(text)
    return parsed


FINISHED = "2026-05-04T03:15:00+00:00"
"""When the results of report tests were finished (shown in the report's local time)."""


def full_result(bank: Bank, language: str = "id", role=None, respondent=None) -> Result:
    """A deterministic result answering every item the role is asked, with varied
    answers: some indicators low, some high."""
    from asn_assess.core.documents import AnswerSheet
    from asn_assess.core.scoring import score

    answers = {}
    for number, item in enumerate(bank.items_asked_of(role)):
        if item.is_situational:
            answers[item.id] = item.options[number % len(item.options)].id
        else:
            scale = bank.scale_of(item)
            answers[item.id] = scale.points[(number * 7) % len(scale.points)].value
    sheet = AnswerSheet(
        bank_id=bank.id,
        bank_version=bank.version,
        language=language,
        role=role,
        respondent=respondent,
        started_at="2026-05-04T03:00:00+00:00",
        finished_at=FINISHED,
        answers=answers,
    )
    return score(bank, sheet)


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local time is UTC, so dates in reports do not depend on the machine."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/snapshots/ from the current output instead of comparing",
    )
