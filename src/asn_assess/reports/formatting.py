"""How a report writes scores, bands, changes and dates in one language: the pieces
every renderer shares (``report_data`` puts them together). Pure: no terminal, no Rich."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Optional

from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.reports.compare import Change

State = Literal["scored", "not-enough", "not-applicable"]
ARROWS = {"up": "▲", "down": "▼", "same": "=", "none": ""}


@dataclass(frozen=True)
class Level:
    """A score as every format shows it."""

    score: Optional[float]
    shown: str
    """The score at one decimal in the report's language, or "-"."""
    band_id: Optional[str]
    label: str
    """The band's label, or why there is no score."""
    rank: int
    """Position of the band from the lowest (0), -1 without a score: for colours."""
    state: State


@dataclass(frozen=True)
class ChangeText:
    """A change since an earlier result, e.g. arrow "▲" and text "+3,2"."""

    direction: str
    arrow: str
    text: str


@dataclass(frozen=True)
class BandKey:
    """One band of the legend: "0–49" and "Perlu perhatian"."""

    id: str
    range: str
    label: str
    rank: int


# --- writing them ------------------------------------------------------------------------------


def band_rank(bank: Bank, band_id: Optional[str]) -> int:
    """Position of the band from the lowest, or -1."""
    return next((i for i, band in enumerate(bank.bands) if band.id == band_id), -1)


def level_of(
    bank: Bank,
    score: Optional[float],
    band_id: Optional[str],
    language: str,
    not_applicable: bool = False,
    missing: str = "",
) -> Level:
    """A ``Level`` for a score (``missing`` says why there is none)."""
    if score is None:
        state: State = "not-applicable" if not_applicable else "not-enough"
        label = t("report.not_applicable", language) if not_applicable else missing
        return Level(None, "-", None, label, -1, state)
    band = bank.band(band_id) if band_id else None
    label = bank.text(band.label, language) if band else "-"
    return Level(
        score, format_score(score, language), band_id, label, band_rank(bank, band_id), "scored"
    )


def change_text(change: Optional[Change], language: str) -> Optional[ChangeText]:
    """ "▲ +3,2" for a change (None when there is nothing to compare)."""
    if change is None or change.delta is None:
        return None
    delta = change.delta
    sign = "+" if delta >= 0.05 else ("-" if delta <= -0.05 else "±")
    text = sign + format_score(abs(delta), language)
    return ChangeText(change.direction, ARROWS[change.direction], text)


def format_date(moment: Optional[datetime], language: str) -> str:
    """ "3 Mei 2026, 14.05" / "3 May 2026, 14:05" in local time, or "date not recorded"."""
    if moment is None:
        return t("export.no_date", language)
    local = moment.astimezone()
    month = t(f"month.{local.month}", language)
    clock = local.strftime("%H.%M" if language == "id" else "%H:%M")
    return f"{local.day} {month} {local.year}, {clock}"


def number_text(value: float) -> str:
    """A band threshold as written: 70, or 50.5 (a decimal point)."""
    return str(int(value)) if float(value).is_integer() else format_score(value, "en")


def legend(bank: Bank, language: str) -> list[BandKey]:
    """Every band with its score range, lowest first: "0–49", "50–69", ..., "85–100"."""
    keys = []
    for index, band in enumerate(bank.bands):
        upper = bank.bands[index + 1].min if index + 1 < len(bank.bands) else None
        if upper is None:
            span = f"{number_text(band.min)}–100"
        elif float(band.min).is_integer() and float(upper).is_integer():
            span = f"{number_text(band.min)}–{int(upper) - 1}"
        else:
            span = f"{number_text(band.min)}–<{number_text(upper)}"
        if language == "id":
            span = span.replace(".", ",")
        keys.append(BandKey(band.id, span, bank.text(band.label, language), index))
    return keys


@dataclass(frozen=True)
class Note:
    """A titled block of sentences after the details: where the scores stand in a norm,
    or what the answers' response quality suggests. Neither ever changes a score."""

    title: str
    lines: list[str]
    footer: str
