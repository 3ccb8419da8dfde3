"""No figure about fewer than k people, and none that subtraction brings back.

The suppression rule of every summary of groups (``batch --summary-by``, ``agency``).
A figure (a mean, a count below a threshold, a share) is a sum over the people of a
group. A summary shows such sums for some groups of two groupings of the same people
(units, and roles) and for everyone. Whoever reads it can add and subtract them: the
agency minus every unit shown is the sum over the units not shown, a role minus the
units where it alone occurs is what is left of that role, and so on.

``release`` decides which groups show a measure:

1. a group shows it only when at least k people of the group have it (``shows``);
2. the sum of everyone shows whenever at least k people have the measure;
3. while some combination of the sums shown adds up to the sum over a set of people
   numbering from 1 to k - 1, one more group is withheld (the one that ends that
   combination with the fewest people withheld; the smallest such group first).

The combinations are found exactly. The people of one measure form a table: a cell per
(unit, role) with its number of people. The groups withheld on each side are merged
into one group ("the rest": everyone minus the groups shown), whose sum is known too.
What can be derived is then every combination ``sum of c[g] * (sum over group g)`` over
the groups of both sides, and it is the sum over a set of cells exactly when
``c[unit] + c[role]`` is 0 or 1 in every cell with people. The numbers ``c`` of the
side with fewer groups are tried in every combination that can give 0 or 1 (they differ
by at most 1 between groups that share a cell); the other side then has at most two
choices per group, and the smallest positive number of people is found group by group.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

Reason = Literal["few", "complement"]
"""Why a group's figure is withheld: fewer than k people have it, or showing it would
let a smaller group's figure be worked out by subtraction."""

Cells = Mapping[tuple[str, str], int]
"""(row group, column group) -> people in both (e.g. unit and role)."""

_REST = "\0rest"  # the merged withheld groups of one side; never a group's name

MAX_ENUMERATED = 12
"""Groups on the smaller side above which that side is not shown at all: the search
tries every pattern of numbers over them."""


def shows(people: int, minimum: int) -> bool:
    """Whether a figure about ``people`` people may be shown (rule 1)."""
    return people >= minimum


@dataclass(frozen=True)
class Disclosure:
    """A set of cells whose sum the figures shown reveal."""

    people: int
    cells: frozenset[tuple[str, str]]
    """The cells of the merged table: a group's name, or the rest of its side."""


@dataclass
class Release:
    """Which groups show a measure, and why the others do not."""

    rows: set[str] = field(default_factory=set)
    columns: set[str] = field(default_factory=set)
    total: bool = False
    withheld_rows: dict[str, Reason] = field(default_factory=dict)
    withheld_columns: dict[str, Reason] = field(default_factory=dict)


def release(
    cells: Cells, minimum: int, rows: Iterable[str] = (), columns: Iterable[str] = ()
) -> Release:
    """The groups of ``rows`` and ``columns`` (the named groups of each side, each
    a first key resp. second key of ``cells``) that show a measure whose people are
    ``cells``; everyone shows it when at least ``minimum`` people have it.

    A side given no groups is not broken down (all of it is "the rest")."""
    people = {key: n for key, n in cells.items() if n > 0}
    row_sizes, column_sizes = _sizes(people)
    decided = Release()
    total = sum(people.values())
    for name in rows:
        if shows(row_sizes.get(name, 0), minimum) and shows(total, minimum):
            decided.rows.add(name)
        else:
            decided.withheld_rows[name] = "few"
    for name in columns:
        if shows(column_sizes.get(name, 0), minimum) and shows(total, minimum):
            decided.columns.add(name)
        else:
            decided.withheld_columns[name] = "few"
    if not shows(total, minimum):
        return decided
    decided.total = True
    if len(decided.rows) > MAX_ENUMERATED and len(decided.columns) > MAX_ENUMERATED:
        for name in list(decided.columns):  # too many to search: the columns are not shown
            decided.columns.discard(name)
            decided.withheld_columns[name] = "complement"
    while True:
        found = smallest_disclosure(people, decided.rows, decided.columns)
        if found is None or found.people >= minimum:
            return decided
        side, name = _next_to_withhold(people, decided, found, row_sizes, column_sizes)
        if side == "row":
            decided.rows.discard(name)
            decided.withheld_rows[name] = "complement"
        else:
            decided.columns.discard(name)
            decided.withheld_columns[name] = "complement"


def hidden_part_exposed(hidden: Iterable[int], shown: Iterable[int], minimum: int) -> bool:
    """For groups of one grouping (their numbers of people with a measure, ``hidden``
    withheld and ``shown`` shown): whether the sum of everyone would let the withheld
    groups' figure be worked out although fewer than ``minimum`` people make it."""
    cells: dict[tuple[str, str], int] = {}
    names: set[str] = set()
    for number, people in enumerate(shown):
        cells[(f"shown-{number}", "")] = people
        names.add(f"shown-{number}")
    for number, people in enumerate(hidden):
        cells[(f"hidden-{number}", "")] = people
    found = smallest_disclosure({k: n for k, n in cells.items() if n > 0}, names, set())
    return found is not None and found.people < minimum


def smallest_disclosure(cells: Cells, rows: set[str], columns: set[str]) -> Disclosure | None:
    """The set of cells with the fewest people (at least 1) whose sum can be worked out
    from the sums over ``rows``, over ``columns`` and over everyone; None when no set of
    cells can (nobody has the measure)."""
    merged = _merged({k: n for k, n in cells.items() if n > 0}, rows, columns)
    if not merged:
        return None
    row_names = sorted({r for r, _ in merged})
    column_names = sorted({c for _, c in merged})
    flipped = len(column_names) > len(row_names)
    if flipped:  # enumerate the side with fewer groups
        merged = {(c, r): n for (r, c), n in merged.items()}
        row_names, column_names = column_names, row_names
    best: Disclosure | None = None
    by_row: dict[str, list[tuple[str, int]]] = {name: [] for name in row_names}
    for (row, column), n in merged.items():
        by_row[row].append((column, n))
    for numbers in _column_numbers(merged, column_names):
        found = _smallest_for(by_row, numbers)
        if found is not None and (best is None or found.people < best.people):
            best = found
    if best is not None and flipped:
        best = Disclosure(best.people, frozenset((r, c) for c, r in best.cells))
    return best


def _sizes(cells: Cells) -> tuple[dict[str, int], dict[str, int]]:
    rows: dict[str, int] = {}
    columns: dict[str, int] = {}
    for (row, column), n in cells.items():
        rows[row] = rows.get(row, 0) + n
        columns[column] = columns.get(column, 0) + n
    return rows, columns


def _merged(cells: Cells, rows: set[str], columns: set[str]) -> dict[tuple[str, str], int]:
    """The table with every group not shown merged into the rest of its side."""
    merged: dict[tuple[str, str], int] = {}
    for (row, column), n in cells.items():
        key = (row if row in rows else _REST, column if column in columns else _REST)
        merged[key] = merged.get(key, 0) + n
    return merged


def _column_numbers(
    merged: Mapping[tuple[str, str], int], names: list[str]
) -> Iterator[dict[str, int]]:
    """Every integer numbering of the column groups under which ``c[row] + c[column]``
    can be 0 or 1 in every cell: columns sharing a row differ by at most 1. The first
    column of each connected part is 0 (adding t to one side and -t to the other
    changes no sum)."""
    neighbours: dict[str, set[str]] = {name: set() for name in names}
    rows_of: dict[str, set[str]] = {}
    for row, column in merged:
        rows_of.setdefault(row, set()).add(column)
    for together in rows_of.values():
        for name in together:
            neighbours[name] |= together - {name}
    order: list[str] = []
    starts: set[str] = set()
    for name in names:  # breadth first, so each column after a start meets an earlier one
        if name in order:
            continue
        starts.add(name)
        queue = [name]
        seen = {name}
        while queue:
            current = queue.pop(0)
            order.append(current)
            for other in sorted(neighbours[current] - seen):
                seen.add(other)
                queue.append(other)

    numbers: dict[str, int] = {}

    def assign(position: int) -> Iterator[dict[str, int]]:
        if position == len(order):
            yield dict(numbers)
            return
        name = order[position]
        placed = [numbers[other] for other in neighbours[name] if other in numbers]
        if name in starts or not placed:
            choices = [0]
        else:
            choices = [v for v in range(max(placed) - 1, min(placed) + 2)]
        for value in choices:
            if all(abs(value - other) <= 1 for other in placed):
                numbers[name] = value
                yield from assign(position + 1)
                del numbers[name]

    yield from assign(0)


def _smallest_for(
    by_row: Mapping[str, list[tuple[str, int]]], numbers: Mapping[str, int]
) -> Disclosure | None:
    """Given the columns' numbers, the smallest positive set of cells: each row picks
    its number among those giving 0 or 1 in all its cells (one or two)."""
    fixed_people = 0
    fixed_cells: list[tuple[str, str]] = []
    optional: list[tuple[int, list[tuple[str, str]]]] = []  # (people, cells) a row may add
    for row, cells in by_row.items():
        values = [numbers[column] for column, _ in cells]
        low, high = -min(values), 1 - max(values)
        options = []
        for choice in range(low, high + 1):
            chosen = [(row, column) for column, _ in cells if choice + numbers[column] == 1]
            people = sum(n for column, n in cells if choice + numbers[column] == 1)
            options.append((people, chosen))
        options.sort(key=lambda option: option[0])
        fixed_people += options[0][0]
        fixed_cells += options[0][1]
        optional += [(p - options[0][0], c) for p, c in options[1:] if p > options[0][0]]
    if fixed_people > 0:
        return Disclosure(fixed_people, frozenset(fixed_cells))
    if not optional:
        return None
    people, chosen = min(optional, key=lambda option: option[0])
    return Disclosure(people, frozenset(fixed_cells + chosen))


def _next_to_withhold(
    cells: Cells,
    decided: Release,
    found: Disclosure,
    row_sizes: Mapping[str, int],
    column_sizes: Mapping[str, int],
) -> tuple[str, str]:
    """The group to withhold next: of the groups shown, smallest first, the first after
    whose withholding ``found`` can no longer be worked out (or no set under the
    minimum can); failing that, the smallest."""
    candidates = sorted(
        [(row_sizes[name], 0, "row", name) for name in decided.rows]
        + [(column_sizes[name], 1, "column", name) for name in decided.columns]
    )
    before = found.people
    for _, _, side, name in candidates:
        rows = decided.rows - {name} if side == "row" else decided.rows
        columns = decided.columns - {name} if side == "column" else decided.columns
        after = smallest_disclosure(cells, rows, columns)
        if after is None or after.people > before:
            return side, name
    _, _, side, name = candidates[0]
    return side, name
