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
import html
import io
import json
import math
import re
from typing import Any, Optional

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from asn_assess.analysis.item_analysis import ItemAnalysis
from asn_assess.core.files import spreadsheet_safe
from asn_assess.reports.analysis_view import AnalysisView, ViewTable

# Characters that can start inline Markdown (emphasis, code, links, HTML, entities,
# strikethrough) or end a table cell. Data only ever appears after a fixed prefix
# ("# ", "- ", "| "), so line-start markers such as "1." need no escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


# --- people ---------------------------------------------------------------------------


def to_rich(view: AnalysisView) -> RenderableType:
    """The view for the terminal."""
    parts: list[RenderableType] = [Text(view.title, style="bold")]
    parts += [Text(line) for line in view.lines]
    for section in view.sections:
        parts += [Text(), Text(section.title, style="bold")]
        parts += [Text(line) for line in section.lines]
        parts += [Text(f" - {bullet}") for bullet in section.bullets]
        parts += [_rich_table(table) for table in section.tables]
    return Group(*parts)


def _rich_table(view: ViewTable) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False)
    for index, header in enumerate(view.headers):
        numeric = index in view.numeric
        table.add_column(
            Text(header),
            justify="right" if numeric else "left",
            # Ids stay whole; text wraps when the terminal is narrow (numbers are short).
            no_wrap=index in view.whole,
            min_width=None if numeric or index in view.whole else 12,
            overflow="fold",
        )
    for row in view.rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def markdown_escape(text: str) -> str:
    """``text`` shown as written in Markdown: every character that could start markup
    or break a table cell is escaped, and line breaks become spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def to_markdown(view: AnalysisView) -> str:
    """The view as a Markdown document."""
    out = [f"# {markdown_escape(view.title)}", ""]
    out += [markdown_escape(line) + "\n" for line in view.lines]
    for section in view.sections:
        out += [f"## {markdown_escape(section.title)}", ""]
        out += [markdown_escape(line) + "\n" for line in section.lines]
        out += [f"- {markdown_escape(bullet)}" for bullet in section.bullets]
        if section.bullets:
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
    return "\n".join(out).rstrip() + "\n"


def to_html(view: AnalysisView, language: str) -> str:
    """The view as a standalone HTML page."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(language)}"><head><meta charset="utf-8">',
        f"<title>{e(view.title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px}.n{text-align:right}</style>",
        "</head><body>",
        f"<h1>{e(view.title)}</h1>",
    ]
    out += [f"<p>{e(line)}</p>" for line in view.lines]
    for section in view.sections:
        out.append(f"<h2>{e(section.title)}</h2>")
        out += [f"<p>{e(line)}</p>" for line in section.lines]
        if section.bullets:
            out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in section.bullets) + "</ul>")
        for table in section.tables:
            out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in table.headers) + "</tr>")
            for row in table.rows:
                cells = "".join(
                    f'<td class="n">{e(c)}</td>' if i in table.numeric else f"<td>{e(c)}</td>"
                    for i, c in enumerate(row)
                )
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


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
    no item; answer shares are ``section`` "answers" with ``statistic`` "count:<choice>",
    "asked", "skipped", "not_applicable"; findings are ``section`` "flag"."""
    rows: list[tuple[str, str, str, str, Optional[float]]] = []
    for scale in (*analysis.indicators, *analysis.pillars, *analysis.values):
        where = f"{scale.kind}:{scale.id}"
        for name in ("n_min", "n_max", "raw_alpha", "std_alpha", "average_r"):
            rows.append((scale.kind, where, "", name, getattr(scale, name)))
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
        writer.writerow([*(spreadsheet_safe(cell) for cell in texts), shown])
    return text.getvalue()
