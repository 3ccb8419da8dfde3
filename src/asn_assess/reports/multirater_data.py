"""Every number and word of a 360-degree report, worked out once in one language: the
raters and what the anonymity rules did with each group, the table of views per
indicator, the Johari window, the development plan and the notes that state the rules.

The renderers (text, Markdown, HTML) lay out this data and nothing else; the CSV and
JSON exports take the numbers from ``multirater.aggregate`` directly. Pure: no
terminal, no Rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.multirater.aggregate import IndicatorView, Johari, TargetView
from asn_assess.multirater.anonymity import Visibility
from asn_assess.reports.action_lines import ActionLine, action_line
from asn_assess.reports.formatting import number_text
from asn_assess.reports.plan import MultiraterFocus, multirater_plan

OWN = "self"
OTHERS = "others"
JOHARI_ORDER = (
    Johari.BLIND_SPOT,
    Johari.AGREED_DEVELOPMENT,
    Johari.HIDDEN_STRENGTH,
    Johari.AGREED_STRENGTH,
)
"""The order the report lists the window in: what to work on first."""


@dataclass(frozen=True)
class Cell:
    """One view of one indicator: own, a rater group's, or the others'."""

    series: str
    """``self``, a rater group id, or ``others``."""
    value: Optional[float]
    shown: str
    """The score at one decimal, or "-"; for a group not shown, why ("pooled")."""
    raters: Optional[int]


@dataclass(frozen=True)
class Series:
    """A column of the table: own view, a rater group, or the others."""

    id: str
    label: str


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator: every view of it, the gap, the agreement and the window."""

    id: str
    title: str
    cells: list[Cell]
    """One per series of the report, in its order."""
    gap: Optional[float]
    gap_text: str
    agreement: Optional[float]
    agreement_text: str
    low_agreement: bool
    johari: Optional[str]
    johari_label: str


@dataclass(frozen=True)
class PillarRows:
    """A pillar's heading and its indicators."""

    id: str
    heading: str
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class Quadrant:
    """One pane of the Johari window and the indicators in it."""

    id: str
    label: str
    titles: list[str]


@dataclass(frozen=True)
class PlanLine:
    """One indicator of the plan."""

    number: int
    id: str
    title: str
    pillar_title: str
    why: str
    actions: list[ActionLine]


@dataclass
class MultiraterData:
    """One person's 360-degree report in one language."""

    language: str
    bank_title: str
    version_text: str
    target: str
    role_text: Optional[str]
    raters: list[str]
    """One line per rater group (and the person's own answers): how many, and what the
    anonymity rules did with them."""
    series: list[Series]
    pillars: list[PillarRows]
    quadrants: list[Quadrant]
    plan_intro: str
    plan: list[PlanLine]
    notes: list[str]

    def t(self, key: str, **values: object) -> str:
        """An interface text in the report's language."""
        return t(key, self.language, **values)

    @property
    def rows(self) -> list[IndicatorRow]:
        """Every indicator row, in bank order."""
        return [row for pillar in self.pillars for row in pillar.rows]


def signed(value: float, language: str) -> str:
    """A gap as written: +8,8 / -3.0 / ±0,0."""
    sign = "+" if value >= 0.05 else ("-" if value <= -0.05 else "±")
    return sign + format_score(abs(value), language)


def _rater_lines(bank: Bank, view: TargetView, language: str) -> list[str]:
    k = view.settings.min_raters
    own = "mr.raters.own" if view.has_own else "mr.raters.no_own"
    lines = [t(own, language)]
    for group in bank.rater_groups:
        n = view.raters[group.id]
        status = view.status.get(group.id)
        label = bank.text(group.label, language)
        if status is None:
            key = "mr.raters.none"
        elif status is Visibility.SHOWN:
            key = "mr.raters.shown" if group.anonymous else "mr.raters.named"
        else:
            key = f"mr.raters.{status.value}"
        lines.append(t(key, language, label=label, n=n, k=k))
    return lines


def _cells(
    view: TargetView, line: IndicatorView, series: list[Series], language: str
) -> list[Cell]:
    by_group = {cell.group: cell for cell in line.groups}
    cells = []
    for column in series:
        if column.id == OWN:
            value = line.own
            cells.append(Cell(OWN, value, _score(value, language), None))
        elif column.id == OTHERS:
            value = line.others_mean
            cells.append(Cell(OTHERS, value, _score(value, language), line.others_raters))
        else:
            group = by_group.get(column.id)
            if group is None or group.visibility is None:
                cells.append(Cell(column.id, None, "-", 0 if group else None))
            elif group.visibility is Visibility.SHOWN:
                cells.append(
                    Cell(column.id, group.mean, _score(group.mean, language), group.raters)
                )
            else:
                shown = t(f"mr.cell.{group.visibility.value}", language)
                cells.append(Cell(column.id, None, shown, group.raters))
    return cells


def _score(value: Optional[float], language: str) -> str:
    return format_score(value, language) if value is not None else "-"


def _row(
    bank: Bank, view: TargetView, line: IndicatorView, series: list[Series], language: str
) -> IndicatorRow:
    indicator = next(i for p in bank.pillars for i in p.indicators if i.id == line.id)
    agreement = line.agreement
    return IndicatorRow(
        id=line.id,
        title=bank.text(indicator.title, language),
        cells=_cells(view, line, series, language),
        gap=line.gap,
        gap_text=signed(line.gap, language) if line.gap is not None else "-",
        agreement=agreement,
        agreement_text=format_score(agreement, language, 2) if agreement is not None else "-",
        low_agreement=line.low_agreement,
        johari=line.johari.value if line.johari else None,
        johari_label=t(f"mr.johari.{line.johari.value}", language) if line.johari else "-",
    )


def _threshold_text(bank: Bank, language: str) -> str:
    threshold = bank.development_threshold
    band = next((b for b in bank.bands if b.min == threshold), None)
    label = bank.text(band.label, language) if band else ""
    return f"{label} ({number_text(threshold)})".strip()


def _plan_line(bank: Bank, focus: MultiraterFocus, number: int, language: str) -> PlanLine:
    line = focus.view
    pillar = next(p for p in bank.pillars if p.id == focus.pillar_id)
    values = {
        "others": _score(line.others_mean, language),
        "n": line.others_raters,
        "own": _score(line.own, language),
        "distance": format_score(abs(line.gap), language) if line.gap is not None else "-",
        "threshold": _threshold_text(bank, language),
    }
    key = f"mr.plan.why.{focus.kind}" + ("" if line.own is not None else "_no_own")
    return PlanLine(
        number=number,
        id=focus.indicator.id,
        title=bank.text(focus.indicator.title, language),
        pillar_title=bank.text(pillar.title, language),
        why=t(key, language, **values),
        actions=[action_line(bank, action, language) for action in focus.actions],
    )


def _consistency_note(bank: Bank, view: TargetView, language: str) -> str:
    """What ICC(1) and ICC(2) of the round say about trusting others' means."""
    found = [
        (indicator, view.consistency.get(indicator.id))
        for pillar in bank.pillars
        for indicator in pillar.indicators
    ]
    known = [
        (indicator, icc) for indicator, icc in found if icc is not None and icc.icc2 is not None
    ]
    if not known:
        return t("mr.note.icc_none", language)
    values = "; ".join(
        f"{bank.text(indicator.title, language)} "
        f"{_figure(icc.icc1, language)} / {_figure(icc.icc2, language)}"
        for indicator, icc in known
    )
    first = known[0][1]
    return t(
        "mr.note.icc",
        language,
        targets=first.targets,
        raters=format_score(first.raters_per_target or 0.0, language, 1),
        values=values,
    )


def _figure(value: Optional[float], language: str) -> str:
    return "-" if value is None else format_score(value, language, 2)


def build_multirater_report(bank: Bank, view: TargetView, language: str) -> MultiraterData:
    """The 360-degree report of ``view`` in ``language``."""
    settings = view.settings
    # Columns: own view, every group that rated the person, others.
    series = [Series(OWN, t("mr.own", language))]
    series += [
        Series(group.id, bank.text(group.label, language))
        for group in bank.rater_groups
        if view.raters[group.id]
    ]
    series.append(Series(OTHERS, t("mr.others", language)))
    lines = {line.id: line for line in view.indicators}
    pillars = []
    for number, pillar in enumerate(bank.pillars, start=1):
        title = bank.text(pillar.title, language)
        rows = [_row(bank, view, lines[i.id], series, language) for i in pillar.indicators]
        heading = f"{t('report.pillar', language, number=number)}: {title}"
        pillars.append(PillarRows(pillar.id, heading, rows))
    every_row = [row for pillar in pillars for row in pillar.rows]
    quadrants = [
        Quadrant(
            pane.value,
            t(f"mr.johari.{pane.value}", language),
            [row.title for row in every_row if row.johari == pane.value],
        )
        for pane in JOHARI_ORDER
    ]
    plan = multirater_plan(bank, view)
    if not plan:
        intro = t("mr.plan.none", language)
    elif plan[0].kind == "strengthen":
        intro = t("mr.plan.intro_strengthen", language)
    elif len(plan) == 1:
        intro = t("mr.plan.intro_one", language)
    else:
        intro = t("mr.plan.intro", language, count=len(plan))
    named = [g for g in bank.rater_groups if not g.anonymous and view.raters[g.id]]
    threshold = _threshold_text(bank, language)
    notes = [t("mr.note.anonymity", language, k=settings.min_raters)]
    notes += [
        t("mr.note.named", language, label=bank.text(group.label, language)) for group in named
    ]
    notes += [
        t("mr.note.johari", language, gap=number_text(settings.clear_gap), threshold=threshold),
        t(
            "mr.note.agreement",
            language,
            floor=format_score(settings.low_agreement, language, 2),
        ),
        _consistency_note(bank, view, language),
        t("mr.note.scores", language),
    ]
    role = bank.role(view.role) if view.role else None
    return MultiraterData(
        language=language,
        bank_title=bank.text(bank.title, language),
        version_text=t("export.version", language, version=bank.version),
        target=view.target,
        role_text=bank.text(role.label, language) if role else None,
        raters=_rater_lines(bank, view, language),
        series=series,
        pillars=pillars,
        quadrants=quadrants,
        plan_intro=intro,
        plan=[_plan_line(bank, focus, n, language) for n, focus in enumerate(plan, start=1)],
        notes=notes,
    )
