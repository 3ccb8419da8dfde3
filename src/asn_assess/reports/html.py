"""The report as one self-contained HTML page (``--format html``): no scripts, no
external files, readable offline, printable on A4 portrait.

The page comes from the Jinja2 templates in ``reports/templates`` with autoescaping
on, so every data string (bank texts, the respondent's profile) is escaped. Jinja2 is
imported here only, when an HTML report is made, never at start-up.
"""

from __future__ import annotations

from typing import Any

from asn_assess import __version__
from asn_assess.reports.radar import Radar, radar
from asn_assess.reports.report_data import ReportData


def charts(data: ReportData) -> tuple[Radar, Radar]:
    """The radar chart of the pillars and the one of every indicator (in bank order)."""
    pillars = radar(
        data.t("export.radar_pillars"),
        [(p.id, p.title, p.level.score, p.level.shown) for p in data.pillars],
        radius=90,
        chars_per_line=12,
    )
    indicators = radar(
        data.t("export.radar_indicators"),
        [
            (line.id, line.title, line.level.score, line.level.shown)
            for pillar in data.pillars
            for line in pillar.indicators
        ],
    )
    return pillars, indicators


def template_environment() -> Any:
    """The Jinja2 environment of every HTML report: the package's templates, autoescaped."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("asn_assess", "reports/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(data: ReportData, all_actions: bool = False) -> str:
    """The whole report as an HTML page: two A4 pages in print (the summary; the plan
    with the supervisor's notes and signatures), and with ``all_actions`` an appendix
    with the detail per pillar and every action."""
    pillar_chart, indicator_chart = charts(data)
    template = template_environment().get_template("report.html.j2")
    values = dict(data.identity)
    name = values.get(data.t("profile.name"), "")
    number = values.get(data.t("profile.nip"), "")
    text: str = template.render(
        data=data,
        t=data.t,
        pillar_chart=pillar_chart,
        indicator_chart=indicator_chart,
        all_actions=all_actions,
        # The employee's lines carry the profile's name and NIP; the supervisor's are
        # left to fill in by hand.
        signatories=[("printout.employee", name, number), ("printout.supervisor", "", "")],
        footer=data.t("export.footer", version=__version__),
    )
    return text
