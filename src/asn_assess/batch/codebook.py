"""The codebook: what each item column of a batch input or output means.

One row per item, in bank order: its id (the column name batch reads and the answers'
key), indicator and pillar, kind, scale and keying, weight, the question in every
language of the bank, and the answers it takes with what each is worth. Text cells go
through ``core.files.spreadsheet_safe``, as in every CSV the tool writes.
"""

from __future__ import annotations

import csv
import io

from asn_assess.core.files import spreadsheet_safe
from asn_assess.core.models import Bank, Item


def keying(item: Item) -> str:
    """``reversed`` (a high answer means less of the behaviour), ``normal``, or
    ``situational`` (each option has its own score)."""
    if item.is_situational:
        return "situational"
    return "reversed" if item.is_reversed else "normal"


def codebook_csv(bank: Bank) -> str:
    """The codebook of ``bank`` as CSV text."""
    languages = list(bank.languages)
    header = ["item_id", "pillar", "indicator", "kind", "scale", "keying", "weight"]
    header += [f"text_{language}" for language in languages]
    header += [f"answers_{language}" for language in languages]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            for item in indicator.items:
                row = [item.id, pillar.id, indicator.id, item.kind, item.scale, keying(item)]
                row.append(f"{item.weight:g}")
                row += [bank.text(item.text, language) for language in languages]
                row += [_answers(bank, item, language) for language in languages]
                writer.writerow([spreadsheet_safe(cell) for cell in row])
    return text.getvalue()


def _answers(bank: Bank, item: Item, language: str) -> str:
    """``4 = Setuju; 5 = Sangat setuju`` for a scale; ``a (3) = …`` for situational
    options (the option id, its score, its text)."""
    if item.is_situational:
        return "; ".join(
            f"{option.id} ({option.score:g}) = {bank.text(option.text, language)}"
            for option in item.options
        )
    points = bank.scale_of(item).points
    return "; ".join(f"{point.value:g} = {bank.text(point.label, language)}" for point in points)
