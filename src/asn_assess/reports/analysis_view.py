"""What `asn-assess analyze` shows, in the output language, before any format.

``analysis_view`` turns an ``ItemAnalysis`` into headings, sentences and tables of
text; ``analysis_render`` draws that in the terminal (Rich), as Markdown or as HTML.
So every format says the same thing, and each renderer only decides how data is kept
from being read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from asn_assess.analysis.item_analysis import AnswerShares, ItemAnalysis, ScaleFigures
from asn_assess.analysis.item_rules import AnalysisFlag
from asn_assess.analysis.quality import RULES
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank


@dataclass
class ViewTable:
    """A table of text; ``numeric`` columns are aligned right."""

    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)
    whole: set[int] = field(default_factory=set)
    """Text columns never wrapped (ids)."""


@dataclass
class ViewSection:
    """A heading with sentences, bullet points and tables under it."""

    title: str
    lines: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[ViewTable] = field(default_factory=list)


@dataclass
class AnalysisView:
    """The whole output: a title, opening sentences and sections."""

    title: str
    lines: list[str]
    sections: list[ViewSection]


def number(value: Optional[float], language: str, digits: int = 2) -> str:
    """A figure for people (decimal comma in Indonesian); "-" when undefined."""
    return "-" if value is None else format_score(value, language, digits)


def percent(part: float, whole: float, language: str) -> str:
    """``part`` of ``whole`` as a whole percentage; "-" of nothing."""
    return "-" if not whole else f"{format_score(part / whole * 100, language, 0)}%"


class _Names:
    """Indicators, pillars and core values by their title and id, in the output
    language."""

    def __init__(self, bank: Bank, language: str):
        self.language = language
        self.titles: dict[str, str] = {}
        for pillar in bank.pillars:
            self.titles[f"pillar:{pillar.id}"] = bank.text(pillar.title, language)
            for indicator in pillar.indicators:
                self.titles[f"indicator:{indicator.id}"] = bank.text(indicator.title, language)
        for value in bank.values:
            self.titles[f"value:{value.id}"] = bank.text(value.label, language)

    def scale(self, where: str) -> str:
        _, _, scale_id = where.partition(":")
        return f"{self.titles.get(where, scale_id)} ({scale_id})"


def flag_sentence(bank: Bank, flag: AnalysisFlag, language: str) -> str:
    """One finding in a sentence."""
    names = _Names(bank, language)
    if flag.rule == "same-answer":
        value = percent(flag.value, 1.0, language)
    else:
        value = number(flag.value, language)
    other = flag.other
    if flag.rule == "closer-to-other" and other is not None:
        other = names.scale(f"indicator:{other}")
    return t(
        f"analyze.flag.{flag.rule}",
        language,
        scale=names.scale(flag.scale),
        item=flag.item or "",
        value=value,
        threshold=number(flag.threshold, language),
        reference=number(flag.reference, language),
        other=other or "",
    )


def note_sentence(bank: Bank, scale: ScaleFigures, problem: str, language: str) -> str:
    """A problem code of the reliability engine as a sentence."""
    code, *items = problem.split(":")
    return t(
        f"analyze.note.{code}",
        language,
        scale=_Names(bank, language).scale(f"{scale.kind}:{scale.id}"),
        item=items[0] if items else "",
        other=items[1] if len(items) > 1 else "",
    )


def answer_cell(share: AnswerShares, language: str) -> str:
    """Each choice with its share (%) of the respondents asked: "1:5 2:10 ..."."""
    if not share.asked:
        return "-"
    return " ".join(
        f"{choice}:{format_score(count / share.asked * 100, language, 0)}"
        for choice, count in zip(share.choices, share.counts, strict=True)
    )


def analysis_view(
    bank: Bank, analysis: ItemAnalysis, language: str, read: int, rejected: int
) -> AnalysisView:
    """Everything to show about ``analysis`` (``read`` and ``rejected``: input rows)."""
    names = _Names(bank, language)
    lines = [
        t("analyze.respondents", language, n=analysis.respondents, read=read, rejected=rejected)
    ]
    if analysis.role is not None:
        lines.append(
            t("analyze.other_roles", language, role=analysis.role, count=analysis.other_roles)
        )
    if analysis.excluded_flagged is not None:
        lines.append(t("analyze.excluded", language, count=analysis.excluded_flagged))
    lines += [
        t(f"analyze.missing.{analysis.missing}", language),
        t("analyze.scores_note", language),
    ]

    findings = ViewSection(t("analyze.findings", language))
    findings.bullets = [flag_sentence(bank, flag, language) for flag in analysis.flags]
    if not findings.bullets:
        findings.lines.append(t("analyze.no_findings", language))
    notes = ViewSection(t("analyze.notes", language))
    for scale in (*analysis.indicators, *analysis.pillars, *analysis.values):
        notes.bullets += [note_sentence(bank, scale, p, language) for p in scale.problems]
    sections = [findings] + ([notes] if notes.bullets else [])
    sections.append(_scales_section(analysis, names, language))
    shares = {share.item: share for share in analysis.answers}
    for scale in (*analysis.indicators, *analysis.values):
        title = t("analyze.items", language, scale=names.scale(f"{scale.kind}:{scale.id}"))
        sections.append(ViewSection(title, tables=[_items_table(scale, shares, language)]))
    sections.append(_quality_section(analysis, language))
    title = t("analyze.title", language, bank=bank.text(bank.title, language), version=bank.version)
    return AnalysisView(title, lines, sections)


def _scales_section(analysis: ItemAnalysis, names: _Names, language: str) -> ViewSection:
    headers = [
        t("analyze.col.scale", language),
        t("analyze.col.kind", language),
        t("analyze.col.n", language),
        t("analyze.col.alpha", language),
        t("analyze.col.std_alpha", language),
        t("analyze.col.average_r", language),
    ]
    rows = []
    for scale in (*analysis.indicators, *analysis.pillars, *analysis.values):
        n = str(scale.n_min) if scale.n_min == scale.n_max else f"{scale.n_min}-{scale.n_max}"
        rows.append(
            [
                names.scale(f"{scale.kind}:{scale.id}"),
                t(f"analyze.kind.{scale.kind}", language),
                n,
                number(scale.raw_alpha, language),
                number(scale.std_alpha, language),
                number(scale.average_r, language),
            ]
        )
    table = ViewTable(headers, rows, numeric={2, 3, 4, 5})
    return ViewSection(t("analyze.scales", language), tables=[table])


def _items_table(scale: ScaleFigures, shares: dict[str, AnswerShares], language: str) -> ViewTable:
    headers = [
        t("analyze.col.item", language),
        t("analyze.col.n", language),
        t("analyze.col.mean", language),
        t("analyze.col.sd", language),
        t("analyze.col.r_drop", language),
        t("analyze.col.alpha_without", language),
        t("analyze.col.answers", language),
        t("analyze.col.skipped", language),
        t("analyze.col.not_applicable", language),
    ]
    rows = []
    for item in scale.items:
        share = shares[item.item]
        rows.append(
            [
                item.item,
                str(item.n),
                number(item.mean, language, 1),
                number(item.sd, language, 1),
                number(item.r_drop, language),
                number(item.alpha_if_dropped, language),
                answer_cell(share, language),
                percent(share.skipped, share.asked, language),
                percent(share.not_applicable, share.asked, language),
            ]
        )
    return ViewTable(headers, rows, numeric={1, 2, 3, 4, 5, 7, 8}, whole={0})


def _quality_section(analysis: ItemAnalysis, language: str) -> ViewSection:
    seen = analysis.respondents + (analysis.excluded_flagged or 0)
    rows = [
        [
            t(f"quality.name.{rule.id}", language),
            str(analysis.quality[rule.id]),
            percent(analysis.quality[rule.id], seen, language),
        ]
        for rule in RULES
    ]
    headers = [t("analyze.col.rule", language), t("analyze.col.flagged", language), "%"]
    total = t(
        "analyze.quality_total",
        language,
        count=analysis.flagged,
        share=percent(analysis.flagged, seen, language),
    )
    return ViewSection(
        t("analyze.quality", language),
        lines=[total],
        tables=[ViewTable(headers, rows, numeric={1, 2})],
    )
