"""`asn-assess analyze` output in each format.

Human formats draw an ``AnalysisView`` (the same words everywhere): Rich for the
terminal (data as ``Text``, never markup), Markdown (data escaped), HTML (data
escaped). Machine formats write the ``ItemAnalysis`` itself: JSON, and a tidy CSV with
one figure per row in which text cells that a spreadsheet would run as a formula are
neutralised.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import re
from typing import Any, Optional

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from asn_assess.analysis.item_analysis import ItemAnalysis
from asn_assess.analysis.item_rules import WEAK_R_DROP_THRESHOLD
from asn_assess.core.files import spreadsheet_safe
from asn_assess.core.printable import printable
from asn_assess.reports.analysis_view import AnalysisView, ViewTable

# Characters that can start inline Markdown (emphasis, code, links, HTML, entities,
# strikethrough) or end a table cell. Data only ever appears after a fixed prefix
# ("# ", "- ", "| "), so line-start markers such as "1." need no escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


# --- people ---------------------------------------------------------------------------


def to_rich(view: AnalysisView) -> RenderableType:
    """The view for the terminal."""
    parts: list[RenderableType] = [Text(view.title, style="bold")]
    if view.verdict:
        parts += [Text(), Text(view.verdict)]
    parts += [Text()] + [Text(line) for line in view.lines]
    for section in view.sections:
        parts += [Text(), Text(section.title, style="bold")]
        parts += [Text(line) for line in section.lines]
        parts += [
            Text(f" {number}. {bullet}" if section.numbered else f" - {bullet}")
            for number, bullet in enumerate(section.bullets, start=1)
        ]
        parts += [
            _rich_cards(table) if table.cards else _rich_table(table) for table in section.tables
        ]
        parts += [Text.assemble((term, "bold"), f": {meaning}") for term, meaning in section.terms]
    return Group(*parts)


def _rich_table(view: ViewTable) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for index, header in enumerate(view.headers):
        numeric = index in view.numeric
        # Wide enough for the longest word of the column, so a heading or a title
        # wraps between words, never inside one (long ids stay whole).
        words = [
            word for text in [header, *(row[index] for row in view.rows)] for word in text.split()
        ]
        longest = max((len(word) for word in words), default=1)
        table.add_column(
            Text(header),
            justify="right" if numeric else "left",
            no_wrap=index in view.whole,
            min_width=min(longest, 24),
            overflow="fold",
        )
    for row in view.rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _rich_cards(view: ViewTable) -> RenderableType:
    """A table too wide for a terminal: per row, its first two cells on one line, the
    others below as "heading: value"."""
    lines: list[RenderableType] = []
    for row in view.rows:
        lines.append(Text.assemble((row[0], "bold"), "  ", row[1]))
        figures = [
            f"{header}: {cell}"
            for header, cell in zip(view.headers[2:], row[2:], strict=True)
            if cell
        ]
        lines.append(Padding(Text(" · ".join(figures)), (0, 0, 0, 4)))
    return Group(*lines)


def markdown_escape(text: str) -> str:
    """``text`` shown as written in Markdown: every character that could start markup
    or break a table cell is escaped, and line breaks become spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def to_markdown(view: AnalysisView) -> str:
    """The view as a Markdown document."""
    out = [f"# {markdown_escape(view.title)}", ""]
    if view.verdict:
        out += [markdown_escape(view.verdict), ""]
    out += [markdown_escape(line) + "\n" for line in view.lines]
    for section in view.sections:
        out += [f"## {markdown_escape(section.title)}", ""]
        out += [markdown_escape(line) + "\n" for line in section.lines]
        out += [
            f"{number}. {markdown_escape(bullet)}"
            if section.numbered
            else f"- {markdown_escape(bullet)}"
            for number, bullet in enumerate(section.bullets, start=1)
        ]
        if section.bullets:
            out.append("")
        out += [
            f"- **{markdown_escape(term)}**: {markdown_escape(meaning)}"
            for term, meaning in section.terms
        ]
        if section.terms:
            out.append("")
        for table in section.tables:
            out.append("| " + " | ".join(markdown_escape(h) for h in table.headers) + " |")
            out.append(
                "|"
                + "|".join(
                    "---:" if i in table.numeric else "---" for i in range(len(table.headers))
                )
                + "|"
            )
            out += ["| " + " | ".join(markdown_escape(c) for c in row) + " |" for row in table.rows]
            out.append("")
    return printable("\n".join(out).rstrip() + "\n")  # no control character from a bank


def to_html(view: AnalysisView, language: str) -> str:
    """The view as a standalone HTML page, styled as the person report (its style
    sheet), with a bar beside each alpha and each item's fit with the rest."""
    from asn_assess import __version__
    from asn_assess.core.i18n import t
    from asn_assess.reports.html import template_environment

    template = template_environment().get_template("analysis.html.j2")
    text: str = template.render(
        view=view,
        language=language,
        bar_width=_bar_width,
        bar_kind=_bar_kind,
        footer=t("analyze.footer", language, version=__version__),
    )
    return text


def _bar_width(value: Optional[float]) -> str:
    """A bar's width in percent of its track: the size of a figure of -1 to 1."""
    return "0" if value is None else f"{min(abs(value), 1.0) * 100:.0f}"


def _bar_kind(value: Optional[float]) -> str:
    """A bar's colour class: below 0 runs against, below 0.20 weak, else good."""
    if value is None:
        return "none"
    if value < 0:
        return "against"
    return "weak" if value < WEAK_R_DROP_THRESHOLD else "good"


# --- machines -------------------------------------------------------------------------


def analysis_data(analysis: ItemAnalysis, read: int, rejected: int) -> dict[str, Any]:
    """The analysis as plain data (the JSON output), with the input counts."""
    data = dataclasses.asdict(analysis)
    data["read"], data["rejected"] = read, rejected
    return data


def to_json(analysis: ItemAnalysis, read: int, rejected: int) -> str:
    """The analysis as indented JSON."""
    return json.dumps(analysis_data(analysis, read, rejected), ensure_ascii=False, indent=2) + "\n"


def to_csv(analysis: ItemAnalysis) -> str:
    """One figure per row: ``section,scale,item,statistic,value``. Scale figures have
    no item (``verdict`` is a word: reliable, uncertain, unreliable, unknown; an item
    omega turns round has ``omega_turned`` 1); answer shares are ``section`` "answers" with ``statistic`` "count:<choice>",
    "asked", "skipped", "not_applicable"; findings are ``section`` "flag"."""
    rows: list[tuple[str, str, str, str, Optional[float | str]]] = []
    for scale in (*analysis.indicators, *analysis.pillars, *analysis.values):
        where = f"{scale.kind}:{scale.id}"
        for name in (
            "n_min",
            "n_max",
            "respondents",
            "raw_alpha",
            "alpha_lower",
            "alpha_upper",
            "omega_total",
            "std_alpha",
            "average_r",
        ):
            rows.append((scale.kind, where, "", name, getattr(scale, name)))
        rows.append((scale.kind, where, "", "verdict", scale.verdict))
        rows += [(scale.kind, where, item, "omega_turned", 1) for item in scale.omega_turned]
        for item in scale.items:
            for name in (
                "n",
                "mean",
                "sd",
                "r_drop",
                "alpha_if_dropped",
                "std_alpha_if_dropped",
                "average_r_if_dropped",
            ):
                rows.append((scale.kind, where, item.item, name, getattr(item, name)))
    for share in analysis.answers:
        for name in ("asked", "skipped", "not_applicable"):
            rows.append(("answers", "", share.item, name, getattr(share, name)))
        for choice, count in zip(share.choices, share.counts, strict=True):
            rows.append(("answers", "", share.item, f"count:{choice}", count))
    for flag in analysis.flags:
        rows.append(("flag", flag.scale, flag.item or "", flag.rule, flag.value))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["section", "scale", "item", "statistic", "value"])
    for *texts, value in rows:
        shown = "" if value is None or (isinstance(value, float) and math.isnan(value)) else value
        shown = spreadsheet_safe(shown) if isinstance(shown, str) else shown
        writer.writerow([*(spreadsheet_safe(cell) for cell in texts), shown])
    return text.getvalue()
