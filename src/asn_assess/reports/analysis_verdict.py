"""The verdict at the top of `asn-assess analyze`: in one paragraph of plain words,
which indicators' scores are reliable enough to compare people, which are not and why,
and which cannot be judged; and the glossary of the column headings."""

from __future__ import annotations

from collections.abc import Callable

from asn_assess.analysis.item_analysis import ItemAnalysis, ScaleFigures
from asn_assess.analysis.item_rules import (
    ALPHA_THRESHOLD,
    RELIABLE,
    UNCERTAIN,
    UNKNOWN,
    UNRELIABLE,
)
from asn_assess.core.i18n import format_score, t
from asn_assess.reports.analysis_notes import split

# The reasons alpha can be missing, most telling first.
_UNKNOWN_REASONS = (
    "too-few-pairs",
    "too-few-respondents",
    "too-few-items",
    "non-positive-total-variance",
)
GLOSSARY = (
    ("analyze.col.respondents", "respondents"),
    ("analyze.col.alpha", "alpha"),
    ("analyze.col.alpha_range", "alpha_range"),
    ("analyze.col.omega", "omega"),
    ("analyze.col.verdict", "verdict"),
    ("analyze.col.mean", "mean"),
    ("analyze.col.sd", "sd"),
    ("analyze.col.r_drop", "r_drop"),
    ("analyze.col.alpha_without", "alpha_without"),
    ("analyze.col.answers", "answers"),
    ("analyze.col.skipped", "skipped"),
    ("analyze.col.not_applicable", "not_applicable"),
    ("analyze.col.note", "note"),
)


def glossary(language: str) -> list[tuple[str, str]]:
    """(column heading, what it means) for every column of the tables."""
    return [
        (t(heading, language), t(f"analyze.glossary.{key}", language)) for heading, key in GLOSSARY
    ]


def _listed(names: list[str], language: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t("analyze.list_and", language, first=", ".join(names[:-1]), last=names[-1])


def _why_not(scale: ScaleFigures, name: str, language: str) -> str:
    alpha = format_score(scale.raw_alpha or 0.0, language, 2)
    against = [item for item in scale.items if item.r_drop is not None and item.r_drop < 0]
    if against:
        item = min(against, key=lambda figures: figures.r_drop or 0.0).item
        return t("analyze.verdict.because_against", language, name=name, item=item, alpha=alpha)
    return t("analyze.verdict.because_low", language, name=name, alpha=alpha)


def _why_unknown(scale: ScaleFigures, name: str, language: str) -> str:
    codes = {split(problem)[0] for problem in scale.problems}
    code = next((code for code in _UNKNOWN_REASONS if code in codes), "unknown")
    why = t(f"analyze.why.{code}", language)
    return t("analyze.verdict.because", language, name=name, why=why)


def verdict(analysis: ItemAnalysis, title: Callable[[str], str], language: str) -> str:
    """The paragraph: ``title`` names an indicator or pillar by ``kind:id``."""
    sentences = []
    by_verdict: dict[str, list[ScaleFigures]] = {
        v: [] for v in (RELIABLE, UNCERTAIN, UNRELIABLE, UNKNOWN)
    }
    for scale in analysis.indicators:
        by_verdict[scale.verdict].append(scale)

    def names(scales: list[ScaleFigures]) -> str:
        return _listed([title(f"indicator:{s.id}") for s in scales], language)

    reliable = by_verdict[RELIABLE]
    if reliable and len(reliable) == len(analysis.indicators):
        sentences.append(t("analyze.verdict.all_reliable", language, count=len(reliable)))
    elif reliable:
        sentences.append(
            t("analyze.verdict.reliable", language, count=len(reliable), names=names(reliable))
        )
    threshold = format_score(ALPHA_THRESHOLD, language, 2)
    if by_verdict[UNCERTAIN]:
        scales = by_verdict[UNCERTAIN]
        smallest = min(scale.respondents for scale in scales)
        sentences.append(
            t(
                "analyze.verdict.uncertain",
                language,
                count=len(scales),
                n=smallest,
                threshold=threshold,
                names=names(scales),
            )
        )
    if by_verdict[UNRELIABLE]:
        scales = by_verdict[UNRELIABLE]
        reasons = [_why_not(s, title(f"indicator:{s.id}"), language) for s in scales]
        sentences.append(
            t("analyze.verdict.unreliable", language, count=len(scales), reasons="; ".join(reasons))
        )
    if by_verdict[UNKNOWN]:
        scales = by_verdict[UNKNOWN]
        reasons = [_why_unknown(s, title(f"indicator:{s.id}"), language) for s in scales]
        sentences.append(
            t("analyze.verdict.unknown", language, count=len(scales), reasons="; ".join(reasons))
        )
    if not reliable and not by_verdict[UNCERTAIN] and not by_verdict[UNRELIABLE]:
        sentences.insert(0, t("analyze.verdict.none", language))
    if analysis.pillars:
        parts = [
            f"{title(f'pillar:{p.id}')} {t(f'analyze.trust.{p.verdict}', language)}"
            for p in analysis.pillars
        ]
        sentences.append(t("analyze.verdict.pillars", language, parts="; ".join(parts)))
    sentences.append(t("analyze.verdict.meaning", language, threshold=threshold))
    if analysis.flagged:
        seen = analysis.respondents + (analysis.excluded_flagged or 0)
        share = f"{format_score(analysis.flagged / seen * 100, language, 0)}%" if seen else "-"
        sentences.append(
            t("analyze.verdict.quality", language, count=analysis.flagged, share=share)
        )
    return " ".join(sentences)
