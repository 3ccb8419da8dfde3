"""The agency report as one self-contained HTML page: no scripts, no fonts or files from
elsewhere, readable offline, printable on A4 portrait.

The page comes from the Jinja2 template ``agency.html.j2`` with autoescaping on, so
every data string (unit names, bank texts) is escaped; the charts are inline SVG
(``agency_charts``).
"""

from __future__ import annotations

from asn_assess.core.i18n import t
from asn_assess.reports.agency_words import AgencyView
from asn_assess.reports.html import template_environment

DATA_TABLES = frozenset({"histogram"})
"""Tables the page draws as pictures instead (they stay in the workbook and data)."""
COLUMNS_ON_A_PAGE = 8
"""Groups side by side in one table of the page; a wider table is split (A4 portrait)."""


def render_agency_html(view: AgencyView) -> str:
    """The whole report as an HTML page."""
    template = template_environment().get_template("agency.html.j2")
    text: str = template.render(
        view=view,
        t=lambda key, **values: t(key, view.language, **values),
        hidden_tables=DATA_TABLES,
        columns=COLUMNS_ON_A_PAGE,
    )
    return text
