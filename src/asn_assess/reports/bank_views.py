"""Rich views of question banks: the list of bundled banks and a bank's tree."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from asn_assess.core.i18n import t
from asn_assess.core.models import Bank, Item


def bank_list_table(banks: list[Bank]) -> Table:
    """One row per bank: id, version, title and counts."""
    table = Table(title=None, box=None, pad_edge=False)
    for column in ("id", "version", "title", "pillars", "indicators", "items"):
        table.add_column(column, overflow="fold")
    for bank in banks:
        cells = (
            bank.id,
            bank.version,
            bank.text(bank.title, "en"),
            str(len(bank.pillars)),
            str(bank.indicator_count),
            str(bank.item_count),
        )
        table.add_row(*(Text(cell) for cell in cells))
    return table


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
