"""Everything a report shows, worked out once and written out in one language: the
summary, the development plan, the per-pillar detail, the full action list, the band
legend and the change since an earlier result.

Every renderer (terminal, text, Markdown, HTML, CSV) lays out this data and nothing
else, so they cannot disagree about a number or a word. Pure: no terminal, no Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from asn_assess.core.decisions import decided, same
from asn_assess.core.documents import IndicatorResult, PillarResult, Result
from asn_assess.core.i18n import t
from asn_assess.core.models import Bank, Item
from asn_assess.core.nip import format_nip
from asn_assess.reports.action_lines import ActionLine, action_line
from asn_assess.reports.compare import Comparison
from asn_assess.reports.formatting import (
    BandKey,
    ChangeText,
    Level,
    Note,
    change_text,
    format_date,
    legend,
    level_of,
    number_text,
)

if TYPE_CHECKING:
    from asn_assess.analysis.measurement_error import Interval
    from asn_assess.analysis.norms import NormReference
from asn_assess.reports.plan import (
    FocusIndicator,
    Reason,
    action_list,
    development_plan,
    development_threshold,
)
from asn_assess.reports.value_profile import ValueProfile, value_profile


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of the summary and of its pillar's detail."""

    id: str
    title: str
    pillar_id: str
    pillar_number: int
    level: Level
    answered: int
    not_applicable: int
    total: int


@dataclass(frozen=True)
class PillarSection:
    """One pillar: its score and its indicators in bank order."""

    id: str
    number: int
    title: str
    heading: str
    """"Pilar 1: Memimpin diri sendiri"."""
    level: Level
    indicators: list[IndicatorLine]
    extremes: list[str]
    """"Strongest: ..." and "Most room to grow: ..." lines, or one "all equal" line."""
    change: Optional[ChangeText]


@dataclass(frozen=True)
class ReasonLine:
    """An answer behind a focus indicator's score, quoted."""

    situational: bool
    statement: str
    """The statement answered, or the situation's first sentence."""
    answer: str
    rationale: Optional[str]


@dataclass(frozen=True)
class PlanEntry:
    """One focus indicator of the development plan."""

    number: int
    id: str
    title: str
    pillar_title: str
    level: Level
    why: str
    reasons: list[ReasonLine]
    actions: list[ActionLine]


@dataclass
class ReportData:
    """A whole report in one language."""

    language: str
    bank_id: str
    bank_version: str
    bank_title: str
    version_text: str
    date_text: str
    respondent_text: Optional[str]
    role_text: Optional[str]
    overall: Level
    overall_meaning: Optional[str]
    overall_change: Optional[ChangeText]
    change_title: Optional[str]
    pillars: list[PillarSection]
    weakest_first: list[IndicatorLine]
    legend: list[BandKey]
    legend_text: str
    plan_intro: str
    plan: list[PlanEntry]
    all_actions: list[tuple[str, list[ActionLine]]]
    counts_text: str
    note: str
    notes: list[Note] = field(default_factory=list)
    """Norm standing and response-quality notes, when there are any."""
    values: Optional[ValueProfile] = None
    """The core-value profile (Profil BerAKHLAK), when the bank declares values."""
    jp_note: Optional[str] = None
    """What the JP beside an action means, when the plan or the action list shows one."""
    ranges: dict[str, Interval] = field(default_factory=dict)
    """With a norm that keeps reliability: each scored pillar's and indicator's 95%
    band (``pillar.<id>``, ``indicator.<id>``)."""
    identity: list[tuple[str, str]] = field(default_factory=list)
    """The printout's identity block: (label, value) for name, NIP, work unit, position
    and role; a value is empty when not given (a line to fill in by hand)."""

    def t(self, key: str, **values: object) -> str:
        """An interface text in the report's language."""
        return t(key, self.language, **values)


# --- small pieces ----------------------------------------------------------------------------


def indicator_level(bank: Bank, result: IndicatorResult, language: str) -> Level:
    """The level of an indicator, saying "not applicable" or "not enough answers"."""
    missing = t(
        "report.not_enough", language, answered=result.answered_items, total=result.total_items
    )
    return level_of(
        bank,
        result.score,
        result.band,
        language,
        not_applicable=result.not_applicable,
        missing=missing,
    )


def pillar_level(bank: Bank, result: PillarResult, language: str) -> Level:
    """The level of a pillar."""
    missing = t(
        "report.pillar_not_enough",
        language,
        scored=result.scored_indicators,
        total=result.total_indicators,
    )
    every_na = result.not_applicable_indicators == result.total_indicators
    return level_of(bank, result.score, result.band, language, every_na, missing)


def _respondent(result: Result) -> Optional[str]:
    who = result.respondent
    if who is None:
        return None
    parts = [who.name, format_nip(who.nip) if who.nip else None, who.position, who.unit]
    shown = [part for part in parts if part]
    return ", ".join(shown) if shown else None


def _identity(bank: Bank, result: Result, language: str) -> list[tuple[str, str]]:
    who = result.respondent
    role = bank.role(result.role) if result.role else None
    number = ""
    if who is not None and who.nip:
        number = format_nip(who.nip)
    elif who is not None and who.ni_pppk:
        number = who.ni_pppk
    return [
        (t("profile.name", language), (who.name or "") if who else ""),
        (t("profile.nip", language), number),
        (t("profile.unit", language), (who.unit or "") if who else ""),
        (t("profile.position", language), (who.position or "") if who else ""),
        (t("export.role", language), bank.text(role.label, language) if role else ""),
    ]


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _reason_line(bank: Bank, reason: Reason, language: str) -> ReasonLine:
    item: Item = reason.item
    if item.is_situational:
        scenario = (
            bank.text(item.scenario, language) if item.scenario else bank.text(item.text, language)
        )
        rationale = bank.text(item.rationale, language) if item.rationale else None
        return ReasonLine(True, _first_sentence(scenario), reason.answer, rationale)
    return ReasonLine(False, bank.text(item.text, language), reason.answer, None)


def _plan_entry(
    bank: Bank,
    result: Result,
    focus: FocusIndicator,
    number: int,
    language: str,
    norm: Optional[NormReference] = None,
    planned: frozenset[str] = frozenset(),
) -> PlanEntry:
    pillar = next(p for p in bank.pillars if p.id == focus.pillar_id)
    level = indicator_level(bank, result.indicator(focus.indicator.id), language)
    threshold_band = _threshold_band_label(bank, language)
    values = {"score": level.shown, "band": level.label, "threshold": threshold_band}
    why = t(
        "plan.why_below" if focus.below_threshold else "plan.why_strengthen", language, **values
    )
    if norm is not None:
        from asn_assess.reports.plan_error import within_error

        why = " ".join([why, *within_error(bank, result, focus, norm, planned, language)])
    return PlanEntry(
        number=number,
        id=focus.indicator.id,
        title=bank.text(focus.indicator.title, language),
        pillar_title=bank.text(pillar.title, language),
        level=level,
        why=why,
        reasons=[_reason_line(bank, reason, language) for reason in focus.reasons],
        actions=[action_line(bank, action, language) for action in focus.actions],
    )


def _threshold_band_label(bank: Bank, language: str) -> str:
    threshold = development_threshold(bank)
    band = next(b for b in bank.bands if b.min == threshold)
    return f"{bank.text(band.label, language)} ({number_text(threshold)})"


def _extremes(lines: list[IndicatorLine], language: str) -> list[str]:
    scored = [line for line in lines if line.level.score is not None]
    if len(scored) < 2:
        return []
    best = max(scored, key=lambda line: decided(line.level.score or 0.0))
    worst = min(scored, key=lambda line: decided(line.level.score or 0.0))
    if same(best.level.score or 0.0, worst.level.score or 0.0):
        return [t("report.all_equal", language)]
    return [
        f"{t('report.strongest', language)}: {best.title} ({best.level.shown})",
        f"{t('report.weakest', language)}: {worst.title} ({worst.level.shown})",
    ]


# --- the whole report ------------------------------------------------------------------------


def build_report(
    bank: Bank,
    result: Result,
    language: str,
    comparison: Optional[Comparison] = None,
    norm: Optional[NormReference] = None,
) -> ReportData:
    """The report of ``result`` in ``language``; ``comparison`` (with an earlier result)
    adds the change of the overall score and of each pillar; ``norm`` where each score
    stands among colleagues."""
    from asn_assess.core.scoring import check_result

    check_result(bank, result)  # every id it names is the bank's, before any is looked up
    changes = {c.id: c for c in comparison.pillars} if comparison else {}
    pillars: list[PillarSection] = []
    every_indicator: list[IndicatorLine] = []
    by_id = {p.id: p for p in result.pillars}
    for number, pillar in enumerate(bank.pillars, start=1):
        pillar_result = by_id[pillar.id]
        indicator_results = {i.id: i for i in pillar_result.indicators}
        lines = [
            IndicatorLine(
                id=indicator.id,
                title=bank.text(indicator.title, language),
                pillar_id=pillar.id,
                pillar_number=number,
                level=indicator_level(bank, indicator_results[indicator.id], language),
                answered=indicator_results[indicator.id].answered_items,
                not_applicable=indicator_results[indicator.id].not_applicable_items,
                total=indicator_results[indicator.id].total_items,
            )
            for indicator in pillar.indicators
        ]
        every_indicator += lines
        title = bank.text(pillar.title, language)
        pillars.append(
            PillarSection(
                id=pillar.id,
                number=number,
                title=title,
                heading=f"{t('report.pillar', language, number=number)}: {title}",
                level=pillar_level(bank, pillar_result, language),
                indicators=lines,
                extremes=_extremes(lines, language),
                change=change_text(changes.get(pillar.id), language),
            )
        )
    # Weakest first; indicators without a score after those with one, in bank order.
    weakest_first = sorted(
        every_indicator,
        key=lambda line: (line.level.score is None, decided(line.level.score or 0.0)),
    )

    overall = result.overall
    overall_level = level_of(
        bank,
        overall.score,
        overall.band,
        language,
        missing=t("report.overall_not_enough", language),
    )
    band = bank.band(overall.band) if overall.band else None
    # A band's `meaning` speaks of one behaviour; under the overall score only the
    # bank's own words for the whole are shown.
    overall_meaning = band.overall_meaning if band else None
    meaning = bank.text(overall_meaning, language) if overall_meaning else None

    plan = development_plan(bank, result, language)
    planned = frozenset(focus.indicator.id for focus in plan)
    if not plan:
        intro = t("plan.none", language)
    elif plan[0].below_threshold:
        intro = t(
            "plan.intro", language, count=len(plan), threshold=_threshold_band_label(bank, language)
        )
    else:
        intro = t(
            "plan.intro_strengthen", language, threshold=_threshold_band_label(bank, language)
        )

    skipped = overall.total_items - overall.answered_items - overall.not_applicable_items
    counts = {"answered": overall.answered_items, "total": overall.total_items, "skipped": skipped}
    if overall.not_applicable_items:
        counts_text = t("report.counts_na", language, na=overall.not_applicable_items, **counts)
    else:
        counts_text = t("report.counts", language, **counts)
    not_applying = sum(i.not_applicable for p in result.pillars for i in p.indicators)
    if not_applying and bank.statements_needed:
        counts_text += " " + t(
            "report.statements_needed",
            language,
            count=not_applying,
            needed=bank.statements_needed,
        )

    keys = legend(bank, language)
    role = bank.role(result.role) if result.role else None
    change_title = None
    if comparison is not None:
        change_title = t(
            "compare.since", language, date=format_date(comparison.before.finished_at, language)
        )
    from asn_assess.analysis.quality import with_quality
    from asn_assess.reports.quality_view import quality_note
    from asn_assess.reports.standing import standing_note

    # A result saved before response-quality flags existed is checked for the report
    # only; the result itself is not changed.
    flags = result.quality or with_quality(bank, result).quality
    notes = [
        note
        for note in (standing_note(bank, result, norm, language), quality_note(flags, language))
        if note is not None
    ]
    plan_entries = [
        _plan_entry(bank, result, focus, n, language, norm, planned)
        for n, focus in enumerate(plan, 1)
    ]
    listed = [
        (
            bank.text(indicator.title, language),
            [action_line(bank, action, language) for action in actions],
        )
        for indicator, actions in action_list(bank, result)
    ]
    shown = [a for e in plan_entries for a in e.actions] + [a for _, group in listed for a in group]
    return ReportData(
        language=language,
        bank_id=bank.id,
        bank_version=bank.version,
        bank_title=bank.text(bank.title, language),
        version_text=t("export.version", language, version=bank.version),
        date_text=format_date(result.finished_at or result.started_at, language),
        respondent_text=_respondent(result),
        role_text=bank.text(role.label, language) if role else None,
        overall=overall_level,
        overall_meaning=meaning,
        overall_change=change_text(comparison.overall if comparison else None, language),
        change_title=change_title,
        pillars=pillars,
        weakest_first=weakest_first,
        legend=keys,
        legend_text=" · ".join(f"{key.range} {key.label}" for key in keys),
        plan_intro=intro,
        plan=plan_entries,
        all_actions=listed,
        counts_text=counts_text,
        note=t("report.note", language),
        notes=notes,
        values=value_profile(bank, result, language),
        jp_note=t("plan.jp_note", language) if any(a.jp for a in shown) else None,
        ranges=_ranges(result, norm),
        identity=_identity(bank, result, language),
    )


def _ranges(result: Result, norm: Optional[NormReference]) -> dict[str, Interval]:
    """Each scored pillar's and indicator's 95% band in ``norm`` (none without one)."""
    if norm is None:
        return {}
    scores = {f"pillar.{p.id}": p.score for p in result.pillars}
    scores.update({f"indicator.{i.id}": i.score for p in result.pillars for i in p.indicators})
    found = {key: norm.band(key, score) for key, score in scores.items()}
    return {key: band for key, band in found.items() if band is not None}
