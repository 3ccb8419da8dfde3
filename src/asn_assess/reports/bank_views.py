"""Rich views of question banks: the list of bundled banks and a bank's tree."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from asn_assess.core.i18n import t
from asn_assess.core.models import Bank, Item

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


def bank_list_table(rows: list[dict[str, object]], language: str) -> Table:
    """The bank list for a terminal: headings in ``language``; titles wrap, the short
    columns do not."""
    table = Table(title=None, box=None, pad_edge=False)
    for column in BANK_LIST_COLUMNS:
        numeric = column in ("pillars", "indicators", "items")
        table.add_column(
            t(f"bank.col_{column}", language),
            overflow="fold",
            no_wrap=column != "title",
            justify="right" if numeric else "left",
            ratio=1 if column == "title" else None,
        )
    for row in rows:
        table.add_row(*(Text(str(row[column])) for column in BANK_LIST_COLUMNS))
    return table


def bank_list_lines(rows: list[dict[str, object]]) -> str:
    """The bank list for a pipe: one line per bank, tab-separated, under a header of
    the column ids; tabs and line breaks in a title become spaces."""
    lines = ["\t".join(BANK_LIST_COLUMNS)]
    for row in rows:
        cells = (" ".join(str(row[column]).split()) for column in BANK_LIST_COLUMNS)
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


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
