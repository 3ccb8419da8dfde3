"""Duplicate submissions: one person's answers sent more than once.

Google Forms lets people edit or send a form again, and Microsoft Forms and KoboToolbox
keep every submission, so an export can hold one person twice. Scored twice, that
person would count twice in their unit's summary. A duplicate is a row whose
respondent id, target and rater group (``DuplicateKey``) are those of an earlier row,
in any input of the run; ids are compared as pseudonyms normalise them (a NIP by its
digits, an e-mail without case, a name without case and extra spaces), so one person
typed two ways is one person. A row without an id is never a duplicate.

The policy (``--duplicates``) decides which rows are scored:

- ``latest`` (the default of `asn-assess batch`): each person's latest submission, by
  the export's timestamp column (``columns.SUBMITTED_HEADERS``) when every one of their
  rows has a readable timestamp, else the one furthest down the input;
- ``first``: each person's first submission;
- ``reject``: none of a duplicated person's rows; each is rejected, to be sorted out
  by hand;
- ``all``: every row (the library's default, ``BatchSettings.duplicates``).

The rows not scored are *set aside*: each is an error record with the status
``set aside`` and counted apart from the rejected rows, so that read = scored + rejected
+ set aside. Which rows they are is known only once every input has been read, so a
run with a policy other than ``all`` reads the keys first (``prescan``) and the rows
after.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

import numpy as np

from asn_assess.batch.blocks import RowError
from asn_assess.batch.identities import ANONYMOUS
from asn_assess.batch.strings import Cells
from asn_assess.batch.timestamps import day_first_evidence, submission_times
from asn_assess.core.i18n import say

DuplicatePolicy = Literal["latest", "first", "all", "reject"]
POLICIES: tuple[DuplicatePolicy, ...] = ("latest", "first", "all", "reject")
SET_ASIDE = "set aside"
REJECTED = "rejected"
_PART = "\x1f"  # between the parts of a key (never in a cell of a survey export)


@dataclass(frozen=True)
class SourceKeys:
    """How the rows of one input are told apart: the kinds of its id and target
    columns (as ``pseudonyms.normalise_identifier`` takes them) and the name of its
    timestamp column, if any."""

    name: str
    id_kind: str = "other"
    target_kind: str = "other"
    submitted_column: Optional[str] = None


@dataclass(frozen=True)
class Verdict:
    """What becomes of one row that is not scored."""

    status: str
    reason: str
    respondent_id: Optional[str]


@dataclass
class Duplicates:
    """Which rows of each input are not scored, and what the run says about them."""

    policy: DuplicatePolicy
    verdicts: dict[int, dict[int, Verdict]] = field(default_factory=dict)
    """Input (by position) -> data row -> its verdict."""
    people: int = 0
    """People with more than one row."""
    by_time: set[str] = field(default_factory=set)
    """Timestamp columns that decided which row was the latest."""
    by_name: bool = False
    """Whether some duplicates were found by a name (two people may share one)."""

    def of_source(self, index: int) -> Optional[SourceDuplicates]:
        """The rows of input ``index`` that are not scored (None: all are)."""
        verdicts = self.verdicts.get(index)
        if not verdicts:
            return None
        return SourceDuplicates(np.array(sorted(verdicts), dtype=np.int64), verdicts)


@dataclass(frozen=True)
class SourceDuplicates:
    """The rows of one input that are not scored."""

    rows: Any
    """Their data row numbers, sorted."""
    verdicts: dict[int, Verdict]

    def split(
        self,
        source: str,
        rows: Any,
        lines: Any,
        on_error: Callable[[RowError], None],
        pseudonymize: Optional[Callable[[str, Any], str]] = None,
        id_kind: str = "other",
    ) -> Optional[Any]:
        """Of a block's rows (data row numbers and lines): report those not scored to
        ``on_error``, and return a mask of the rows to score (None: every row)."""
        aside = np.isin(rows, self.rows)
        if not aside.any():
            return None
        for index in np.flatnonzero(aside).tolist():
            row = int(rows[index])
            verdict = self.verdicts[row]
            who = verdict.respondent_id
            if who and pseudonymize is not None:
                who = pseudonymize(who, id_kind)
            line = int(lines[index]) if lines is not None else None
            on_error(RowError(source, row, line, who, [verdict.reason], verdict.status))
        return ~aside


class DuplicateFinder:
    """Finds one person's rows among all inputs in two passes over them.

    The first (``add``) keeps 12 bytes per row: a hash of the row's key roughly folded
    (``_rough_hashes``) and its row number. Rows whose hash no other row shares are no
    duplicates. Only when some share one does a second pass (``add_candidates``) keep
    those rows' keys and timestamps as text, to be compared exactly (``_exact``: as
    pseudonyms normalise ids) and decided (``decide``). So a run of a million rows
    without duplicates keeps about 12 MB for this, and reads its inputs once more only
    when there is something to decide."""

    def __init__(self, policy: DuplicatePolicy, normalise_group: Callable[[str], str]):
        self.policy = policy
        self.normalise_group = normalise_group
        self._sources: dict[int, SourceKeys] = {}
        self._hashes: list[Any] = []  # per block of the first pass: uint64 per row
        self._rows: list[Any] = []  # per block: data row numbers
        self._source_of: list[int] = []  # per block: its input
        self._wanted: dict[int, Any] = {}  # input -> rows to keep in the second pass
        self._found: list[tuple[tuple[int, int], int, int, str, str]] = []
        self._evidence: dict[int, list[bool]] = {}  # input -> [a day > 12, a month > 12]

    def source(self, index: int, keys: SourceKeys) -> None:
        """How the rows of input ``index`` (its position among the inputs) are told
        apart."""
        self._sources[index] = keys

    def add(self, source: int, rows: Any, ids: Any, targets: Any, groups: Any, times: Any) -> None:
        """The first pass over a block of one input's rows: data row numbers, and
        pyarrow string arrays (or None: the input has no such column) of ids, targets,
        rater groups and timestamps."""
        hashes = _rough_hashes(ids)
        for number, column in enumerate((targets, groups), start=1):
            if column is not None:  # the target and rater group, mixed in
                hashes = hashes * _MIX[number] ^ _rough_hashes(column, no_key=np.uint64(0))
        hashes[_missing_ids(ids)] = NO_KEY
        self._hashes.append(hashes)
        self._rows.append(np.asarray(rows, dtype=np.int32))
        self._source_of.append(source)

    def candidates(self) -> dict[int, Any]:
        """After the first pass: per input, the rows whose rough key another row shares
        (none when no one answered twice)."""
        if not self._hashes:
            return {}
        hashes = np.concatenate(self._hashes)
        hashes.sort()  # in place: a run of a million rows holds 8 MB more, briefly
        repeated = hashes[1:][hashes[1:] == hashes[:-1]]
        del hashes
        repeated = np.unique(repeated[repeated != NO_KEY])
        wanted: dict[int, list[Any]] = {}
        if repeated.size:
            for block, rows, source in zip(self._hashes, self._rows, self._source_of, strict=True):
                picked = rows[np.isin(block, repeated, kind="sort")]  # hashes: no table
                if picked.size:
                    wanted.setdefault(source, []).append(picked)
        self._hashes, self._rows, self._source_of = [], [], []  # the first pass is over
        self._wanted = {source: np.concatenate(rows) for source, rows in wanted.items()}
        return self._wanted

    def add_candidates(
        self, source: int, rows: Any, ids: Any, targets: Any, groups: Any, times: Any
    ) -> None:
        """The second pass over a block (as ``add`` takes it): keep the key and
        timestamp of the rows ``candidates`` named, and what the block's timestamps
        tell of the order of day and month."""
        whens = _texts(times, len(rows))
        if times is not None:
            told = day_first_evidence(whens)
            seen = self._evidence.setdefault(source, [False, False])
            seen[0] |= told[0]
            seen[1] |= told[1]
        wanted = self._wanted.get(source)
        if wanted is None:
            return
        picked = np.flatnonzero(np.isin(np.asarray(rows), wanted))
        if not picked.size:
            return
        missing = _missing_ids(ids)
        columns = [_texts(column, len(rows)) for column in (ids, targets, groups)]
        for index in picked.tolist():
            if not missing[index]:
                row = int(rows[index])
                key = _PART.join(column[index] or "" for column in columns)
                self._found.append(((source, row), source, row, key, whens[index] or ""))

    def decide(self) -> Duplicates:
        """Which rows are not scored, by the policy."""
        found = Duplicates(self.policy)
        by_key: dict[tuple[str, ...], list[tuple[Any, int, int, str, str]]] = defaultdict(list)
        for member in sorted(self._found):
            _, source, _, text, _ = member
            by_key[self._exact(source, text)].append(member)
        for members in by_key.values():
            if len(members) > 1:
                found.people += 1
                self._judge(members, found)
        return found

    def _day_first(self, source: int) -> Optional[bool]:
        """Whether an input's timestamps put the day first, as its whole column tells
        (``timestamps.day_first``)."""
        over_first, over_second = self._evidence.get(source, [False, False])
        return over_first if over_first != over_second else None

    def _exact(self, source: int, text: str) -> tuple[str, ...]:
        """A key as pseudonyms normalise its parts."""
        from asn_assess.batch.pseudonyms import normalise_identifier

        keys = self._sources[source]
        who, target, group = text.split(_PART)
        return (
            normalise_identifier(who, keys.id_kind),  # type: ignore[arg-type]
            normalise_identifier(target, keys.target_kind) if target.strip() else "",  # type: ignore[arg-type]
            self.normalise_group(group),
        )

    def _judge(self, members: list[tuple[Any, int, int, str, str]], found: Duplicates) -> None:
        """Set aside (or reject) all but one of one person's rows."""
        sources = self._sources
        keys = [sources[source] for _, source, _, _, _ in members]
        if any(k.id_kind == "name" for k in keys):
            found.by_name = True
        where = [
            f"{sources[source].name}: {say('cell.where_row', row=row)}"
            for _, source, row, _, _ in members
        ]
        if self.policy == "reject":
            listed = "; ".join(where)
            for _, source, row, text, _ in members:
                reason = say("dup.rejected", count=len(members), rows=listed)
                verdict = Verdict(REJECTED, reason, text.split(_PART)[0])
                found.verdicts.setdefault(source, {})[row] = verdict
            return
        kept = 0 if self.policy == "first" else len(members) - 1
        if self.policy == "latest":
            inputs = {source for _, source, _, _, _ in members}
            order = self._day_first(next(iter(inputs))) if len(inputs) == 1 else None
            times = submission_times([when for *_, when in members], order)
            if all(when is not None for when in times):
                # The latest timestamp; of equal ones, the row further down.
                kept = max(range(len(members)), key=lambda i: (times[i], members[i][0]))
                found.by_time.update(
                    k.submitted_column for k in keys if k.submitted_column is not None
                )
        _, kept_source, kept_row, _, _ = members[kept]
        reason_key = "dup.set_aside_first" if self.policy == "first" else "dup.set_aside_latest"
        reason = say(reason_key, source=sources[kept_source].name, row=kept_row)
        for index, (_, source, row, text, _) in enumerate(members):
            if index != kept:
                verdict = Verdict(SET_ASIDE, reason, text.split(_PART)[0])
                found.verdicts.setdefault(source, {})[row] = verdict


NO_KEY = np.uint64(0)  # the hash of a row without an id
_HASH_BASE = np.uint64(0x100000001B3)  # FNV's prime: any large odd number mixes well
_HASH_POWERS = np.cumprod(np.full(256, _HASH_BASE, dtype=np.uint64), dtype=np.uint64)


def _rough_hashes(column: Any, no_key: Any = NO_KEY) -> Any:
    """Per cell of a text column (a pyarrow string array or a list), a 64-bit hash of
    it roughly folded: case, spaces, dots and dashes (and, in a cell that is not ASCII,
    compatibility forms) do not count. Equal ids hash alike; the rare ids that share a
    hash but differ are told apart when compared exactly (``_exact``). Worked out with
    numpy on a block's bytes (``strings.Cells``)."""
    cells = Cells.of(column)
    if not cells.is_ascii():  # fold it as text first, cell by cell
        texts = _texts(column, cells.starts.size)
        cells = Cells.of(
            [_SEPARATORS.sub("", unicodedata.normalize("NFKC", t or "").lower()) for t in texts]
        )
        keep = np.ones(cells.data.size, dtype=bool)
        data = cells.data
    else:
        data = cells.data.copy()
        upper = (data >= ord("A")) & (data <= ord("Z"))
        data[upper] += 32
        keep = ~np.isin(data, _SEPARATOR_BYTES)
    before = np.concatenate(([0], np.cumsum(keep)))
    starts, ends = before[cells.starts], before[cells.ends]
    data = data[keep]
    lengths = ends - starts
    hashes = np.zeros(starts.size, dtype=np.uint64)
    if data.size:
        position = np.arange(data.size) - np.repeat(starts, lengths)
        powers = _HASH_POWERS[np.minimum(position, _HASH_POWERS.size - 1)]
        terms = (data.astype(np.uint64) + np.uint64(1)) * powers
        filled = lengths > 0
        hashes[filled] = np.add.reduceat(terms, starts[filled])
    hashes ^= lengths.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    hashes[hashes == NO_KEY] = np.uint64(1)  # NO_KEY stands for no id only
    hashes[lengths == 0] = no_key
    return hashes


def _missing_ids(ids: Any) -> Any:
    """Per row: no id, or the "Anonymous" of a form that collects no names."""
    cells = Cells.of(ids)
    texts = None
    missing = cells.counting(_NOT_SPACES) == 0
    first = cells.first_bytes()
    for row in np.flatnonzero(~missing & np.isin(first, _ANONYMOUS_FIRST)).tolist():
        texts = texts if texts is not None else _texts(ids, cells.starts.size)
        if (texts[row] or "").strip().casefold() in ANONYMOUS:
            missing[row] = True
    return missing


def _texts(column: Any, size: int) -> list[Optional[str]]:
    """A column's cells as Python texts (None for each row when there is no column)."""
    if column is None:
        return [None] * size
    return column.to_pylist() if hasattr(column, "to_pylist") else list(column)


_MIX = (np.uint64(1), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_SEPARATORS = re.compile(r"[\s.\-]+")
_SEPARATOR_BYTES = np.array([ord(c) for c in " \t\n\r\x0b\x0c.-"], dtype=np.uint8)
_NOT_SPACES = np.array([b for b in range(256) if chr(b) not in " \t\n\r\x0b\x0c"], dtype=np.uint8)
_ANONYMOUS_FIRST = np.array([ord(c) for c in "aApP \t"], dtype=np.uint8)
