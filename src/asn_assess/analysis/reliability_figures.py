"""What the reliability engine (``reliability.py``) reports: ``psych::alpha``'s figures
of a set of items and of each item in it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

MissingMode = Literal["pairwise", "listwise"]


def optional(value: float) -> float | None:
    """A finite float as itself, NaN or infinity as None (undefined)."""
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class ItemStatistics:
    """Figures of one item within a scale.

    ``index`` is the item's column in the accumulator. ``used`` is False for
    an item left out of the scale figures (constant, or fewer than two
    answers), as psych deletes it; its ``r_drop`` and ``*_if_dropped`` are
    then None. Any figure that is undefined is None.
    """

    index: int
    n: int
    mean: float | None
    sd: float | None
    r_drop: float | None
    alpha_if_dropped: float | None
    std_alpha_if_dropped: float | None
    average_r_if_dropped: float | None
    used: bool


@dataclass(frozen=True)
class ReliabilityResult:
    """The ``psych::alpha`` figures of one set of items.

    ``n_min`` and ``n_max`` are the respondents the figures rest on: for
    listwise deletion both are the number of complete rows; for pairwise
    deletion the smallest and largest number of respondents who answered a
    pair of the items (the item's own count when there is one item). Each
    item's own count is in ``items``. ``n_rows`` is every row streamed.
    ``problems`` holds machine-readable codes (see the module docstring).
    """

    missing: MissingMode
    indices: tuple[int, ...]
    n_rows: int
    n_min: int
    n_max: int
    raw_alpha: float | None
    std_alpha: float | None
    average_r: float | None
    items: tuple[ItemStatistics, ...]
    problems: tuple[str, ...]

    def item(self, index: int) -> ItemStatistics:
        """The statistics of the item in accumulator column ``index``."""
        for stats in self.items:
            if stats.index == index:
                return stats
        raise KeyError(index)
