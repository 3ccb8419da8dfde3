"""Where a person's scores stand in a norm: "higher than 62% of colleagues in this
norm", next to each score, with the norm's source and n. Norms never change a score
or its band; this only places it."""

from __future__ import annotations

from typing import Optional

from rich.text import Text

from asn_assess.analysis.norms import NormReference
from asn_assess.core.documents import Result
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank


def standing_note(
    bank: Bank, result: Result, norm: Optional[NormReference], language: str
) -> Optional[Text]:
    """Each score with its percentile in ``norm``, or None without a norm."""
    if norm is None:
        return None
    text = Text()
    text.append(t("norms.title", language, norm=norm.description), style="bold")
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
    for key, label, score in levels:
        rank = norm.rank(key, score)
        if score is None:
            continue
        where = (
            t("norms.higher_than", language, percent=rank)
            if rank is not None
            else t("norms.no_table", language)
        )
        text.append(f"\n{label} {format_score(score, language)}: {where}")
    text.append("\n" + t("norms.unchanged", language), style="dim")
    return text
