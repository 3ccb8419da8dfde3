"""Decisions on thresholds (bands, gaps, cut-offs), taken on exact values.

Scores are sums and quotients of floats: a pillar whose exact score is 300/6 = 50
comes out as 49.99999999999999, and an exact gap of 10 as 9.999999999999993. A band,
a Johari pane, a development threshold or a norm's percentile decided on those floats
would put the pillar below 50 and the gap below 10.

Every such decision is taken here, on the value rounded to ``DECISION_DIGITS``
decimals. A score of the bundled bank (or of any bank whose weights and scale points
have few decimals) is a fraction whose float lies within about 1e-13 of it, and two
different exact scores lie much further apart than 1e-9, so the rounded value decides
as the exact fraction would (``tests/test_decisions.py`` checks this against a scorer
in exact fractions on random sheets). Stored scores keep their full precision; only
the decision uses the rounded value.

The scalar functions and the column functions round the same way (multiply by
10**9, round half to even, divide), so one score decides alike in a batch of many
rows and on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # numpy is imported by the column functions only: the interactive
    # session decides a plan before numpy need be loaded.
    import numpy as np
    import numpy.typing as npt

    FloatColumn = npt.NDArray[np.float64]
    IntColumn = npt.NDArray[np.int64]

DECISION_DIGITS = 9
"""Decimals a value is rounded to before it is compared with a threshold."""
_SCALE = 10.0**DECISION_DIGITS


def decided(value: float) -> float:
    """``value`` as decisions see it: rounded to ``DECISION_DIGITS`` decimals, exactly as
    ``decided_column`` rounds each element (NaN and infinities stay as they are)."""
    if value != value or value in (float("inf"), float("-inf")):
        return value
    return round(value * _SCALE) / _SCALE


def decided_column(values: FloatColumn) -> FloatColumn:
    """``decided`` of every element."""
    import numpy as np

    rounded: FloatColumn = np.rint(np.asarray(values, dtype=np.float64) * _SCALE) / _SCALE
    return rounded


def at_least(value: float, threshold: float) -> bool:
    """Whether ``value`` reaches ``threshold`` (decided values)."""
    return decided(value) >= decided(threshold)


def below(value: float, threshold: float) -> bool:
    """Whether ``value`` lies below ``threshold`` (decided values)."""
    return decided(value) < decided(threshold)


def same(first: float, second: float) -> bool:
    """Whether two values are equal as decisions see them."""
    return decided(first) == decided(second)


def band_indices(minimums: FloatColumn, scores: FloatColumn, missing: int = -1) -> IntColumn:
    """Per score, the index of the band with the highest minimum (rising) not above it;
    ``missing`` for NaN."""
    import numpy as np

    index = np.searchsorted(decided_column(minimums), decided_column(scores), side="right") - 1
    return np.where(np.isnan(scores), missing, index).astype(np.int64)


def band_index(minimums: list[float], score: Optional[float]) -> Optional[int]:
    """``band_indices`` of one score: None without a score."""
    if score is None or score != score:
        return None
    value = decided(score)
    index = sum(1 for minimum in minimums if decided(minimum) <= value) - 1
    return index if index >= 0 else None


def places_below(points: FloatColumn, scores: FloatColumn) -> IntColumn:
    """Per score, how many of the rising ``points`` lie below it (decided values): a
    score equal to a point does not count it."""
    import numpy as np

    placed: IntColumn = np.searchsorted(
        decided_column(points), decided_column(scores), side="left"
    ).astype(np.int64)
    return placed
