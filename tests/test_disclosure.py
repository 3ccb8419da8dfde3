"""The disclosure rule of group summaries (``analysis.disclosure``), attacked the way a
reader of a summary would: by adding and subtracting the sums it shows.

The attacker here is independent of the code under test: it writes every released
sum as a row of a matrix over the cells (unit x role) and tries every set of cells,
asking numpy whether that set's sum is a combination of the released rows."""

from __future__ import annotations

import itertools
import random
from typing import Optional

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asn_assess.analysis.disclosure import (
    hidden_part_exposed,
    release,
    shows,
    smallest_disclosure,
)

Cells = dict[tuple[str, str], int]


def smallest_recoverable(
    cells: Cells,
    rows: set[str],
    columns: set[str],
    total: bool = True,
    under: Optional[int] = None,
) -> Optional[int]:
    """The fewest people (at least 1) in any set of cells whose sum follows from the
    sums over ``rows``, over ``columns`` and (``total``) over everyone; with ``under``,
    only sets of fewer people than that are tried (None when there is none)."""
    keys = [key for key, n in cells.items() if n > 0]
    if not keys:
        return None
    released = [[1.0 if key[0] == row else 0.0 for key in keys] for row in sorted(rows)]
    released += [[1.0 if key[1] == column else 0.0 for key in keys] for column in sorted(columns)]
    if total:
        released.append([1.0] * len(keys))
    matrix = np.array(released) if released else np.zeros((0, len(keys)))
    rank = np.linalg.matrix_rank(matrix) if len(released) else 0
    best = None
    candidates = [i for i, key in enumerate(keys) if under is None or cells[key] < under]
    for size in range(1, len(candidates) + 1):
        for subset in itertools.combinations(candidates, size):
            if under is not None and sum(cells[keys[i]] for i in subset) >= under:
                continue
            wanted = np.zeros(len(keys))
            wanted[list(subset)] = 1
            if np.linalg.matrix_rank(np.vstack([matrix, wanted])) == rank:
                people = sum(cells[keys[i]] for i in subset)
                best = people if best is None else min(best, people)
    return best


@st.composite
def crossings(draw) -> Cells:  # type: ignore[no-untyped-def]
    """Up to 4 units x 3 roles, each cell empty or holding 1-9 people (at most 11
    cells, so that the attacker can try every set)."""
    units = draw(st.integers(1, 4))
    roles = draw(st.integers(1, 3))
    rng = random.Random(draw(st.integers(0, 2**32)))
    cells: Cells = {}
    for unit in range(units):
        for role in range(roles):
            if rng.random() < 0.7 and len(cells) < 11:
                cells[(f"unit-{unit}", f"role-{role}")] = rng.choice([1, 1, 2, 3, 4, 6, 9])
    return cells


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=crossings(), rows=st.sets(st.integers(0, 3)), columns=st.sets(st.integers(0, 2)))
def test_the_smallest_disclosure_is_what_the_attacker_finds(cells, rows, columns):
    shown_rows = {f"unit-{n}" for n in rows}
    shown_columns = {f"role-{n}" for n in columns}
    found = smallest_disclosure(cells, shown_rows, shown_columns)
    expected = smallest_recoverable(cells, shown_rows, shown_columns)
    assert (found.people if found else None) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=crossings(), minimum=st.integers(2, 7))
def test_after_release_no_set_of_fewer_than_k_people_can_be_worked_out(cells, minimum):
    units = sorted({unit for unit, _ in cells})
    roles = sorted({role for _, role in cells})
    decided = release(cells, minimum, units, roles)
    for unit in decided.rows:
        assert shows(sum(n for (u, _), n in cells.items() if u == unit), minimum)
    for role in decided.columns:
        assert shows(sum(n for (_, r), n in cells.items() if r == role), minimum)
    assert set(decided.rows) | set(decided.withheld_rows) == set(units)
    assert set(decided.columns) | set(decided.withheld_columns) == set(roles)
    if not decided.total:
        assert sum(cells.values()) < minimum and not decided.rows and not decided.columns
        return
    found = smallest_recoverable(cells, decided.rows, decided.columns)
    assert found is None or found >= minimum


def test_a_unit_of_two_beside_the_agency_total_takes_a_second_unit_with_it():
    cells = {("A", ""): 40, ("B", ""): 12, ("C", ""): 7, ("D", ""): 2}
    decided = release(cells, 5, ["A", "B", "C", "D"])
    assert decided.withheld_rows == {"D": "few", "C": "complement"}
    assert decided.rows == {"A", "B"} and decided.total
    # total - A - B is the figure of C and D together: 9 people, not 2
    assert smallest_recoverable(cells, decided.rows, set()) == 9


def test_a_role_found_in_one_unit_only_cannot_give_away_the_rest_of_that_unit():
    # Unit A: 9 staff and 1 head; unit B: 6 staff. Shown as they are, A minus the staff
    # role would be the head alone.
    cells = {("A", "staff"): 9, ("A", "head"): 1, ("B", "staff"): 6}
    assert smallest_recoverable(cells, {"A", "B"}, {"staff"}) == 1
    decided = release(cells, 5, ["A", "B"], ["staff", "head"])
    assert decided.withheld_columns["head"] == "few"
    found = smallest_recoverable(cells, decided.rows, decided.columns)
    assert found is None or found >= 5


def test_one_grouping_and_a_total_match_the_batch_summary_rule():
    assert hidden_part_exposed([2], [10, 8], 5)
    assert not hidden_part_exposed([2, 3], [10], 5)
    assert not hidden_part_exposed([0], [10, 8], 5)  # nobody's figure is hidden there
    assert not hidden_part_exposed([], [10], 5)


@pytest.mark.parametrize("minimum", [2, 5])
def test_nobody_with_the_measure_releases_nothing(minimum):
    decided = release({}, minimum, ["A"], ["r"])
    assert not decided.total and decided.withheld_rows == {"A": "few"}
