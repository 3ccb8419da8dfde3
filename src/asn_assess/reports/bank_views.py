"""Rich views of question banks: the list of bundled banks and a bank's tree."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from asn_assess.core.i18n import t
from asn_assess.core.models import Bank, Item
from asn_assess.core.printable import printable

BANK_LIST_COLUMNS = ("id", "version", "title", "pillars", "indicators", "items")


def bank_list_rows(banks: list[Bank], language: str) -> list[dict[str, object]]:
    """One record per bank: id, version, title (in ``language`` when the bank has it)
    and counts; what `bank list` shows, as a table, tab-separated lines or JSON."""
    return [
        {
            "id": bank.id,
            "version": bank.version,
            "title": bank.text(bank.title, language),
            "pillars": len(bank.pillars),
            "indicators": bank.indicator_count,
            "items": bank.item_count,
        }
        for bank in banks
    ]


def bank_list_view(rows: list[dict[str, object]], language: str) -> Group:
    """The bank list for a terminal: per bank a line with its id, version and counts
    (never wrapped), and its title indented below, wrapped at the screen's width."""
    lines: list[RenderableType] = []
    for row in rows:
        head = Text(f"{row['id']} {row['version']}", style="bold")
        counts = t(
            "bank.list_counts",
            language,
            pillars=row["pillars"],
            indicators=row["indicators"],
            items=row["items"],
        )
        head.append(f"  {counts}")
        lines += [head, Padding(Text(str(row["title"])), (0, 0, 0, 2))]
    return Group(*lines)


def bank_list_lines(rows: list[dict[str, object]]) -> str:
    """The bank list for a pipe: one line per bank, tab-separated, under a header of
    the column ids; tabs and line breaks in a title become spaces, control characters
    are dropped."""
    lines = ["\t".join(BANK_LIST_COLUMNS)]
    for row in rows:
        cells = (" ".join(str(row[column]).split()) for column in BANK_LIST_COLUMNS)
        lines.append("\t".join(cells))
    return printable("\n".join(lines) + "\n")


def bank_tree(bank: Bank, language: str) -> Tree:
    """Pillars and indicators with their ids and item counts."""
    tree = Tree(
        Text(f"{bank.text(bank.title, language)}  ({bank.id} {bank.version})", style="bold")
    )
    for pillar in bank.pillars:
        pillar_node = tree.add(
            Text(f"{bank.text(pillar.title, language)}  [{pillar.id}]", style="bold")
        )
        for indicator in pillar.indicators:
            counts = [t("bank.items", language, count=len(indicator.items))]
            situational = sum(item.is_situational for item in indicator.items)
            reverse = sum(item.is_reversed for item in indicator.items)
            if reverse:
                counts.append(t("bank.reverse", language, count=reverse))
            if situational:
                counts.append(t("bank.situational", language, count=situational))
            title = bank.text(indicator.title, language)
            pillar_node.add(Text(f"{title}  [{indicator.id}]: {', '.join(counts)}"))
    return tree


def question_order(bank: Bank, items: list[Item], language: str) -> Table:
    """Numbered questions with their item ids, as `start` asks them."""
    table = Table(box=None, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column(t("bank.question", language), overflow="fold")
    for number, item in enumerate(items, start=1):
        text = (
            bank.text(item.scenario, language) if item.scenario else bank.text(item.text, language)
        )
        table.add_row(str(number), Text(item.id), Text(text))
    return table
