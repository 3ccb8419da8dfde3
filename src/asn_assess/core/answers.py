"""Turning what a person typed (or a survey export holds) into an answer value.

One place for the rules, used by the interactive session and by file imports: numbers,
scale labels in any language of the bank, and the usual abbreviations, compared without
case and surrounding spaces. Option letters for situational items likewise.
"""

from __future__ import annotations

import re
from typing import Optional

from asn_assess.core.models import Item, Scale

_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """Case-folded, trimmed, inner runs of spaces folded to one."""
    return _SPACES.sub(" ", text.strip()).casefold()


def scale_lookup(scale: Scale) -> dict[str, int]:
    """Every accepted spelling of every point of ``scale`` -> its value."""
    lookup: dict[str, int] = {}
    for point in scale.points:
        spellings = [str(point.value), *point.label.values(), *point.aliases]
        for spelling in spellings:
            lookup.setdefault(normalise_label(spelling), point.value)
    return lookup


def parse_scale_answer(scale: Scale, raw: str) -> Optional[int]:
    """The scale value ``raw`` stands for, or None when it stands for none."""
    return scale_lookup(scale).get(normalise_label(raw))


def parse_option_answer(item: Item, raw: str) -> Optional[str]:
    """The option id ``raw`` names (case-insensitive), or None."""
    wanted = normalise_label(raw)
    return next((o.id for o in item.options if o.id.casefold() == wanted), None)
