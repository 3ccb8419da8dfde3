"""What an item column accepts, said once per column to the person whose rows were
rejected: the scale's values, labels and abbreviations and the spellings of "not
applicable", or a situational item's option letters (``columns.value_lookup`` is the
rule itself; this is its description)."""

from __future__ import annotations

from typing import Optional

from asn_assess.batch.columns import Mapping
from asn_assess.core.answers import NOT_APPLICABLE_SPELLINGS
from asn_assess.core.i18n import say
from asn_assess.core.models import Bank, Item

# "not applicable" as the message lists it: how people write it, not normalised.
NOT_APPLICABLE_SHOWN = ("n", "NA", "N/A", "TB", "Tidak berlaku", "Not applicable")


def accepted_answers(
    bank: Bank, item: Item, language: str, mapping: Optional[Mapping] = None
) -> str:
    """What a cell of ``item`` may hold, in ``language`` (any case, spaces around)."""
    mapped = sorted(mapping.labels) if mapping and mapping.labels else []
    if item.is_situational:
        letters = ", ".join(option.id for option in item.options)
        text = say("accepts.options", letters=letters)
    else:
        scale = bank.scale_of(item)
        points = sorted(scale.points, key=lambda point: point.value)
        values = ", ".join(str(point.value) for point in points)
        labels = "/".join(bank.text(point.label, language) for point in points)
        aliases = "/".join(alias for point in points for alias in point.aliases)
        taken = {alias.casefold() for point in points for alias in point.aliases}
        spellings = [s for s in NOT_APPLICABLE_SHOWN if s.casefold() not in taken]
        assert all(s.casefold() in NOT_APPLICABLE_SPELLINGS for s in spellings)
        text = say(
            "accepts.scale",
            values=values,
            labels=labels,
            aliases=f" ({aliases})" if aliases else "",
            not_applicable=", ".join(spellings),
        )
    if mapped:
        text += say("accepts.mapping", labels=", ".join(mapped[:8]))
    return text
