"""What `asn-assess analyze` shows, in the output language, before any format.

``analysis_view`` turns an ``ItemAnalysis`` into headings, sentences and tables of
text; ``analysis_render`` draws that in the terminal (Rich), as Markdown or as HTML.
So every format says the same thing, and each renderer only decides how data is kept
from being read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from asn_assess.analysis.item_analysis import (
    AnswerShares,
    ItemAnalysis,
    ItemFigures,
    ScaleFigures,
)
from asn_assess.analysis.item_rules import AnalysisFlag
from asn_assess.analysis.quality import RULES
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.reports.analysis_notes import (
    ITEM_CODES,
    NOT_ASKED,
    SCALE_CODES,
    SCALE_UNDEFINED,
    TWO_ITEMS,
    UNDEFINED,
    Notes,
    reference,
    split,
)
from asn_assess.reports.analysis_verdict import glossary, verdict


@dataclass
class ViewTable:
    """A table of text; ``numeric`` columns are aligned right."""

    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)
    whole: set[int] = field(default_factory=set)
    """Text columns never wrapped (ids)."""
    bars: dict[int, list[Optional[float]]] = field(default_factory=dict)
    """Columns drawn as a bar as well, where a page can draw (HTML): per row, the
    figure in -1 to 1 (None: no bar)."""
    cards: bool = False
    """Too wide for a terminal: there each row is shown as lines of "heading: value"
    under its first two cells."""


@dataclass
class ViewSection:
    """A heading with sentences, bullet points and tables under it."""

    title: str
    lines: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[ViewTable] = field(default_factory=list)
    numbered: bool = False
    """The bullets are numbered notes, which table rows refer to by number."""
    terms: list[tuple[str, str]] = field(default_factory=list)
    """A glossary: (term, what it means)."""


@dataclass
class AnalysisView:
    """The whole output: a title, the verdict, opening sentences and sections."""

    title: str
    lines: list[str]
    sections: list[ViewSection]
    verdict: str = ""


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
        """ "Title (id)" of ``kind:id``."""
        _, _, scale_id = where.partition(":")
        return f"{self.titles.get(where, scale_id)} ({scale_id})"

    def title(self, where: str) -> str:
        """The title of ``kind:id``."""
        return self.titles.get(where, where.partition(":")[2])


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


def answer_cell(share: AnswerShares, language: str) -> str:
    """Each choice with its share (%) of the respondents asked: "1:5 2:10 ..."."""
    if not share.asked:
        return "-"
    return " ".join(
        f"{choice}:{format_score(count / share.asked * 100, language, 0)}"
        for choice, count in zip(share.choices, share.counts, strict=True)
    )


def item_text(bank: Bank, item_id: str, language: str) -> str:
    """What the respondents read: a statement, or a situation's first sentence."""
    item = bank.items.get(item_id)
    if item is None:
        return ""
    if item.is_situational and item.scenario is not None:
        text = " ".join(bank.text(item.scenario, language).split())
        end = text.find(". ")
        return text if end < 0 else text[: end + 1]
    return bank.text(item.text, language)


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
    notes = Notes(language)
    scales = _scales_section(analysis, names, notes, language)
    shares = {share.item: share for share in analysis.answers}
    item_sections = []
    for scale in (*analysis.indicators, *analysis.values):
        title = t("analyze.items", language, scale=names.scale(f"{scale.kind}:{scale.id}"))
        table = _items_table(bank, scale, shares, names, notes, language)
        item_sections.append(ViewSection(title, tables=[table]))
    sections = [findings, scales]
    written = notes.sentences()
    if written:
        sections.append(ViewSection(t("analyze.notes", language), bullets=written, numbered=True))
    sections += item_sections
    sections.append(_quality_section(analysis, language))
    sections.append(ViewSection(t("analyze.glossary.title", language), terms=glossary(language)))
    title = t("analyze.title", language, bank=bank.text(bank.title, language), version=bank.version)
    paragraph = verdict(analysis, names.title, language)
    return AnalysisView(title, lines, sections, paragraph)


def _interval(scale: ScaleFigures, language: str) -> str:
    if scale.alpha_lower is None or scale.alpha_upper is None:
        return "-"
    return f"{number(scale.alpha_lower, language)}-{number(scale.alpha_upper, language)}"


def _scale_notes(scale: ScaleFigures, title: str, notes: Notes) -> set[int]:
    """The notes that explain a scale's row: its whole-scale problems."""
    found = set()
    for problem in scale.problems:
        code, items = split(problem)
        if code in SCALE_CODES:
            found.add(notes.add(code, title, items))
    return found


def _scales_section(
    analysis: ItemAnalysis, names: _Names, notes: Notes, language: str
) -> ViewSection:
    """The indicators', the pillars' and (when the bank declares them) the core values'
    tables: each one's reliability."""
    tables = []
    for kind, scales in (
        ("indicator", analysis.indicators),
        ("pillar", analysis.pillars),
        ("value", analysis.values),
    ):
        headers = [
            t(f"analyze.col.{kind}", language),
            t("analyze.col.respondents", language),
            t("analyze.col.alpha", language),
            t("analyze.col.alpha_range", language),
            t("analyze.col.omega", language),
            t("analyze.col.verdict", language),
            t("analyze.col.note", language),
        ]
        rows, bars = [], []
        for scale in scales:
            where = f"{scale.kind}:{scale.id}"
            n = str(scale.n_min) if scale.n_min == scale.n_max else f"{scale.n_min}-{scale.n_max}"
            row = [
                names.title(where),
                n,
                number(scale.raw_alpha, language),
                _interval(scale, language),
                number(scale.omega_total, language),
                t(f"analyze.trust.{scale.verdict}", language),
            ]
            found = _scale_notes(scale, names.title(where), notes)
            if "-" in row and not found:
                found.add(notes.add(UNDEFINED, names.title(where)))
            rows.append([*row, reference(found)])
            bars.append(scale.raw_alpha)
        if rows:
            tables.append(ViewTable(headers, rows, numeric={1, 2, 3, 4}, bars={2: bars}))
    return ViewSection(t("analyze.scales", language), tables=tables)


def _item_notes(
    scale: ScaleFigures, item: ItemFigures, share: AnswerShares, title: str, notes: Notes
) -> set[int]:
    """The notes that explain an item's row in its indicator's table."""
    found = set()
    for problem in scale.problems:
        code, items = split(problem)
        if code in ITEM_CODES and item.item in items:
            found.add(notes.add(code, title, (item.item,)))
    if not share.asked:
        found.add(notes.add(NOT_ASKED, title, (item.item,)))
    if item.used and item.r_drop is None and scale.raw_alpha is None:
        found.add(notes.add(SCALE_UNDEFINED, title, (item.item,)))
    elif item.used and item.r_drop is not None and item.alpha_if_dropped is None:
        found.add(notes.add(TWO_ITEMS, title))
    return found


def _items_table(
    bank: Bank,
    scale: ScaleFigures,
    shares: dict[str, AnswerShares],
    names: _Names,
    notes: Notes,
    language: str,
) -> ViewTable:
    headers = [
        t("analyze.col.item", language),
        t("analyze.col.question", language),
        t("analyze.col.respondents", language),
        t("analyze.col.mean", language),
        t("analyze.col.sd", language),
        t("analyze.col.r_drop", language),
        t("analyze.col.alpha_without", language),
        t("analyze.col.answers", language),
        t("analyze.col.skipped", language),
        t("analyze.col.not_applicable", language),
        t("analyze.col.note", language),
    ]
    title = names.title(f"{scale.kind}:{scale.id}")
    rows, bars = [], []
    for item in scale.items:
        share = shares[item.item]
        row = [
            item.item,
            item_text(bank, item.item, language),
            str(item.n),
            number(item.mean, language, 1),
            number(item.sd, language, 1),
            number(item.r_drop, language),
            number(item.alpha_if_dropped, language),
            answer_cell(share, language),
            percent(share.skipped, share.asked, language),
            percent(share.not_applicable, share.asked, language),
        ]
        found = _item_notes(scale, item, share, title, notes)
        if "-" in row and not found:  # no reason of its own: the indicator's
            found = _scale_notes(scale, title, notes) or {notes.add(UNDEFINED, title)}
        rows.append([*row, reference(found)])
        bars.append(item.r_drop)
    return ViewTable(
        headers, rows, numeric={2, 3, 4, 5, 6, 8, 9}, whole={0}, bars={5: bars}, cards=True
    )


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
