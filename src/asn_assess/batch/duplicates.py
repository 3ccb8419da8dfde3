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

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

import numpy as np

from asn_assess.batch.arrow import pyarrow
from asn_assess.batch.blocks import RowError
from asn_assess.batch.identities import ANONYMOUS_PATTERN
from asn_assess.batch.timestamps import day_first, submission_times
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
    """Collects every row's key (``add``), then decides (``decide``)."""

    def __init__(self, policy: DuplicatePolicy, normalise_group: Callable[[str], str]):
        self.policy = policy
        self.normalise_group = normalise_group
        self._sources: list[SourceKeys] = []
        self._keys: list[Any] = []  # pyarrow string arrays: id, target and group joined
        self._times: list[Any] = []  # pyarrow string arrays: the timestamp cells
        self._rows: list[Any] = []  # data row numbers
        self._source_of: list[int] = []  # per chunk: its input
        self._orders: dict[int, Optional[bool]] = {}  # input -> its dates put the day first

    def source(self, keys: SourceKeys) -> int:
        """Start collecting an input's keys; its position among the inputs."""
        self._sources.append(keys)
        return len(self._sources) - 1

    def add(self, source: int, rows: Any, ids: Any, targets: Any, groups: Any, times: Any) -> None:
        """The keys of a block of one input's rows: data row numbers, and pyarrow string
        arrays (or None: the input has no such column) of ids, targets, rater groups and
        timestamps."""
        import pyarrow.compute as pc

        pa = pyarrow()
        size = len(rows)
        empty = pa.array([""] * size, type=pa.string())
        parts = [
            _text(column, size) if column is not None else empty
            for column in (ids, targets, groups)
        ]
        # An empty id, or the "Anonymous" of a form that collects no names, is no one.
        has_id = pc.and_(
            pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(parts[0])), 0),
            pc.invert(pc.match_substring_regex(parts[0], ANONYMOUS_PATTERN, ignore_case=True)),
        )
        keys = pc.if_else(
            has_id,
            pc.binary_join_element_wise(*parts, _PART),
            pa.scalar(None, pa.string()),
        )
        self._keys.append(keys)
        self._times.append(_text(times, size) if times is not None else empty)
        self._rows.append(np.asarray(rows, dtype=np.int64))
        self._source_of.append(source)

    def decide(self) -> Duplicates:
        """Which rows are not scored, by the policy."""
        found = Duplicates(self.policy)
        for members in self._groups():
            found.people += 1
            self._judge(members, found)
        return found

    def _groups(self) -> list[list[tuple[int, int, int, str, str]]]:
        """Rows that share a key: (order, input, row, key, timestamp) each, in input
        order. Keys are first compared roughly, all at once (case, spaces, dots and
        dashes folded); only rows that share a rough key are compared exactly."""
        import pyarrow.compute as pc

        pa = pyarrow()
        if not self._keys:
            return []
        keys = pa.chunked_array(self._keys, type=pa.string()).combine_chunks()
        if pc.all(pc.string_is_ascii(keys)).as_py() is False:
            rough = pc.utf8_lower(pc.utf8_normalize(keys, form="NFKC"))
        else:  # the usual case, and ten times as quick
            rough = pc.ascii_lower(keys)
        rough = pc.replace_substring_regex(rough, r"[\s.\-]", "")
        encoded = pc.dictionary_encode(rough)
        indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        seen = np.bincount(indices[indices >= 0], minlength=len(encoded.dictionary))
        repeated = np.flatnonzero(seen > 1)
        if not repeated.size:
            return []
        candidates = np.flatnonzero(np.isin(indices, repeated))
        chunk_ends = np.cumsum([len(chunk) for chunk in self._keys])
        texts = keys.take(pa.array(candidates)).to_pylist()
        times = pa.chunked_array(self._times, type=pa.string()).take(pa.array(candidates))
        by_key: dict[tuple[str, ...], list[tuple[int, int, int, str, str]]] = defaultdict(list)
        for order, text, when in zip(candidates.tolist(), texts, times.to_pylist(), strict=True):
            chunk = int(np.searchsorted(chunk_ends, order, side="right"))
            offset = order - (int(chunk_ends[chunk - 1]) if chunk else 0)
            source = self._source_of[chunk]
            row = int(self._rows[chunk][offset])
            by_key[self._exact(source, text)].append((order, source, row, text, when or ""))
        return [members for members in by_key.values() if len(members) > 1]

    def _day_first(self, source: int) -> Optional[bool]:
        """Whether an input's timestamps put the day first, as its whole column tells
        (``timestamps.day_first``); worked out once per input, when first needed."""
        if source not in self._orders:
            pa = pyarrow()
            chunks = [c for c, s in zip(self._times, self._source_of, strict=True) if s == source]
            column = pa.chunked_array(chunks, type=pa.string()).combine_chunks()
            self._orders[source] = day_first(column)
        return self._orders[source]

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

    def _judge(self, members: list[tuple[int, int, int, str, str]], found: Duplicates) -> None:
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
            order = self._day_first(members[0][1]) if len(set(m[1] for m in members)) == 1 else None
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


def _text(column: Any, size: int) -> Any:
    """A pyarrow string array of ``column`` (a list or an array), nulls as empty."""
    pa = pyarrow()
    if not isinstance(column, (pa.Array, pa.ChunkedArray)):
        column = pa.array(column, type=pa.string())
    if column.type != pa.string():
        column = column.cast(pa.string())
    return column.fill_null("") if column.null_count else column
