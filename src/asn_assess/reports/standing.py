"""Where a person's scores stand in a norm: "higher than 62% of colleagues in this
norm", next to each score, with the norm's source and n. Norms never change a score
or its band; this only places it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from asn_assess.core.documents import Result
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.reports.formatting import Note

if TYPE_CHECKING:
    from asn_assess.analysis.norms import NormReference


def standing_note(
    bank: Bank, result: Result, norm: Optional[NormReference], language: str
) -> Optional[Note]:
    """Each score with its percentile in ``norm``, or None without a norm."""
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
        lines.append(f"{label} {format_score(score, language)}: {where}")
    return Note(
        title=t("norms.title", language, norm=norm.description),
        lines=lines,
        footer=t("norms.unchanged", language),
    )
