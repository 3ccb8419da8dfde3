"""Where a person's scores stand in a norm: "higher than 62% of colleagues in this
norm", next to each score, with the norm's source and n; and, when the norm keeps each
scale's reliability, the score's 95% band, saying in plain words when the band reaches
another band of the bank ("bisa juga Cakap"). Norms never change a score or its band;
this only places it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from asn_assess.core.decisions import band_index
from asn_assess.core.documents import Result
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Band, Bank
from asn_assess.reports.formatting import Note

if TYPE_CHECKING:
    from asn_assess.analysis.measurement_error import Interval
    from asn_assess.analysis.norms import NormReference


def other_bands(bank: Bank, score: float, band: Interval) -> list[Band]:
    """The labels of the bands other than the score's own that its 95% band reaches, low
    to high (decided on exact values, as bands are)."""
    minimums = [b.min for b in bank.bands]
    own = band_index(minimums, score)
    low, high = band_index(minimums, band.lower), band_index(minimums, band.upper)
    if low is None or high is None:
        return []
    return [b for index, b in enumerate(bank.bands) if low <= index <= high and index != own]


def listed_or(labels: list[str], language: str) -> str:
    """ "a, b atau c" / "a, b or c"."""
    if len(labels) <= 1:
        return "".join(labels)
    return t("norms.or", language, first=", ".join(labels[:-1]), last=labels[-1])


def band_text(bank: Bank, score: float, band: Interval, language: str) -> str:
    """ "rentang 95% 48,2–81,8, bisa juga Perlu perhatian atau Cakap"."""
    text = t(
        "norms.band",
        language,
        lower=format_score(band.lower, language),
        upper=format_score(band.upper, language),
    )
    others = [bank.text(b.label, language) for b in other_bands(bank, score, band)]
    if others:
        text += ", " + t("norms.could_be", language, bands=listed_or(others, language))
    return text


def standing_note(
    bank: Bank, result: Result, norm: Optional[NormReference], language: str
) -> Optional[Note]:
    """Each score with its percentile in ``norm`` (and its 95% band when the norm keeps
    reliability), or None without a norm."""
    if norm is None:
        return None
    levels: list[tuple[str, str, Optional[float]]] = [
        ("overall", t("report.overall", language), result.overall.score)
    ]
    titles = {p.id: p for p in bank.pillars}
    for pillar in result.pillars:
        levels.append(
            (f"pillar.{pillar.id}", bank.text(titles[pillar.id].title, language), pillar.score)
        )
        indicators = {i.id: i for i in titles[pillar.id].indicators}
        for indicator in pillar.indicators:
            title = bank.text(indicators[indicator.id].title, language)
            levels.append((f"indicator.{indicator.id}", f"  {title}", indicator.score))
    # Provisional everywhere: said once, in the title; else on the lines concerned.
    keys = [key for key, _, score in levels if score is not None]
    everywhere = bool(keys) and all(norm.provisional(key) is not None for key in keys)
    lines = []
    for key, label, score in levels:
        if score is None:
            continue
        rank = norm.rank(key, score)
        where = (
            t("norms.higher_than", language, percent=rank)
            if rank is not None
            else t("norms.no_table", language)
        )
        provisional = norm.provisional(key)
        if provisional is not None and not everywhere:
            where += f" ({t('norms.provisional', language, n=provisional)})"
        band = norm.band(key, score)
        shown = format_score(score, language)
        if band is not None:
            shown += f" ({band_text(bank, score, band, language)})"
        lines.append(f"{label} {shown}: {where}")
    footer = t("norms.unchanged", language)
    if norm.has_reliability:
        footer = f"{t('norms.band_meaning', language)} {footer}"
    description = norm.description
    if everywhere:
        description += f"; {t('norms.provisional_everywhere', language)}"
    return Note(
        title=t("norms.title", language, norm=description),
        lines=lines,
        footer=footer,
    )
