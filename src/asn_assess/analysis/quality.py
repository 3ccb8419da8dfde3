"""Response-quality rules: signs that a person's answers may describe them less well.

Each rule measures one value per respondent and compares it with a threshold; docs/
analysis.md gives every rule's reasoning and the source of its threshold. A flag never
changes a score: it is shown beside the scores, listed in results (``Result.quality``)
and in batch columns; ``--exclude-flagged`` leaves flagged rows out of batch summaries,
and out of the figures and norms of ``analyze``.

The rules work on columns of respondents, like scoring: a batch block of thousands of
rows is one call, and one answer sheet is a block of one row (``result_quality``), so
there is one implementation of each rule.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

import numpy as np
import numpy.typing as npt

from asn_assess.core.answer_codes import NO_ANSWER_CODE, AnswerCodes, answer_codes
from asn_assess.core.answers import answer_choices, answer_problem
from asn_assess.core.decisions import decided_column
from asn_assess.core.documents import AnswerValue, QualityFlag, Result
from asn_assess.core.models import Bank
from asn_assess.core.presentation import questions_of
from asn_assess.core.scoring import (
    BlockScores,
    BoolColumn,
    FloatColumn,
    IntColumn,
    ItemColumns,
    item_score,
    score_block,
    sheet_columns,
)

CodeMatrix = npt.NDArray[np.int16]  # scale items x respondents, answer codes

LONGEST_RUN = "longest-run"
MODAL_SHARE = "modal-share"
AGREE_BOTH_WAYS = "agree-both-ways"
INCONSISTENT_PAIRS = "inconsistent-pairs"
UNANSWERED_SHARE = "unanswered-share"
FAST_ANSWERS = "fast-answers"
PERFECT_PATTERN = "perfect-pattern"


@dataclass(frozen=True)
class QualityRule:
    """A rule's id and threshold. Values at or above the threshold are flagged, or
    below it when ``flags_below`` (answering speed)."""

    id: str
    threshold: float
    flags_below: bool = False

    def trips(self, values: FloatColumn) -> BoolColumn:
        """Where ``values`` are flagged (never where the rule could not be measured)."""
        measured = ~np.isnan(values)
        exact = decided_column(values)  # core.decisions: on exact values, as every cut-off
        with np.errstate(invalid="ignore"):
            over = exact < self.threshold if self.flags_below else exact >= self.threshold
        flagged: BoolColumn = measured & over
        return flagged


RULES = (
    # Identical answers in a row, over scale questions in the order they are asked. In
    # the bundled bank no stretch of 16 scale questions lacks a reverse-worded one.
    QualityRule(LONGEST_RUN, 20.0),
    # Share of the scale answers that are the person's most common answer.
    QualityRule(MODAL_SHARE, 0.9),
    # Share of indicators (with regular and reverse-worded answers) where the person
    # agreed on average with both kinds.
    QualityRule(AGREE_BOTH_WAYS, 0.5),
    # Share of the bank's consistency pairs answered far apart.
    QualityRule(INCONSISTENT_PAIRS, 0.5),
    # Share of the questions asked that were skipped or answered "not applicable".
    QualityRule(UNANSWERED_SHARE, 0.25),
    # Seconds per answered question (Huang et al. 2012: under 2 s an item).
    QualityRule(FAST_ANSWERS, 2.0, flags_below=True),
    # Share of the answered statements at their favourable extreme; flagged only where
    # every answered scenario is at its best option too (``QualityBlock.gates``).
    QualityRule(PERFECT_PATTERN, 0.9),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}

# A rule is measured only when it rests on enough answers; below that its value is NaN
# (empty in batch columns) and it never flags.
MIN_SCALE_ANSWERS = 10  # for the longest run and the modal share
MIN_BALANCED_INDICATORS = 3  # for agreeing both ways
MIN_PAIRS = 3  # for inconsistent pairs
PAIR_GAP = 75.0  # points on 0-100: three steps of a five-point scale


@dataclass(frozen=True)
class _BankShape:
    """What the rules need to know about a bank, worked out once per run."""

    scale_order: tuple[str, ...]
    """Scale items in the order they are asked (``core.presentation``)."""
    top_codes: IntColumn
    """Per scale item (in that order): its highest answer code, its number of choices - 1
    (at least 1: a scale has two points or more)."""
    grouped: tuple[IntColumn, IntColumn]
    """Positions in ``scale_order`` of the regular scale items, then of the
    reverse-worded ones, of the indicators that have both kinds, indicator by
    indicator: rows to take so that each indicator's items lie together."""
    starts: tuple[IntColumn, IntColumn]
    """Where each indicator's items start in ``grouped``."""
    pairs: tuple[tuple[str, str], ...]
    best_options: tuple[tuple[str, float], ...]
    """Each situational item with the score of its best option (as ``item_score``
    gives it, so that the comparison is exact)."""
    bank: Bank
    orders: dict[tuple[Optional[str], Optional[str]], IntColumn] = field(
        default_factory=dict, compare=False
    )
    """Per (role, rater group): positions in ``scale_order`` of the scale items that
    kind of respondent is asked, in the order they are asked (worked out when first
    needed)."""

    def asked_order(self, role: Optional[str], rater_group: Optional[str]) -> IntColumn:
        """Positions in ``scale_order`` of the scale questions a respondent of ``role``
        answering as ``rater_group`` is asked, in the order they were asked: with
        interleaved presentation the order depends on which items a role is asked."""
        kind = (role, rater_group)
        if kind not in self.orders:
            position = {item_id: index for index, item_id in enumerate(self.scale_order)}
            asked = questions_of(self.bank, role, rater_group)
            self.orders[kind] = np.array(
                [position[q.item.id] for q in asked if not q.item.is_situational], dtype=np.intp
            )
        return self.orders[kind]

    @classmethod
    def of(cls, bank: Bank) -> _BankShape:
        """The shape of ``bank``."""
        asked = [q.item for q in questions_of(bank) if not q.item.is_situational]
        position = {item.id: index for index, item in enumerate(asked)}
        grouped: tuple[list[int], list[int]] = ([], [])
        starts: tuple[list[int], list[int]] = ([], [])
        for pillar in bank.pillars:
            for indicator in pillar.indicators:
                scale = [item for item in indicator.items if not item.is_situational]
                kinds = [
                    [position[i.id] for i in scale if i.is_reversed == reverse]
                    for reverse in (False, True)
                ]
                if kinds[0] and kinds[1]:
                    for kind, items in enumerate(kinds):
                        starts[kind].append(len(grouped[kind]))
                        grouped[kind].extend(items)
        return cls(
            scale_order=tuple(item.id for item in asked),
            top_codes=np.array([len(answer_choices(bank, item)) - 1 for item in asked]),
            grouped=(np.array(grouped[0], dtype=np.intp), np.array(grouped[1], dtype=np.intp)),
            starts=(np.array(starts[0], dtype=np.intp), np.array(starts[1], dtype=np.intp)),
            pairs=tuple((pair.items[0], pair.items[1]) for pair in bank.consistency_pairs),
            best_options=tuple(
                (item.id, item_score(bank, item, max(item.options, key=lambda o: o.score).id))
                for item in bank.items.values()
                if item.is_situational and item.options
            ),
            bank=bank,
        )


@dataclass
class QualityBlock:
    """Every rule's value for a block of rows (NaN where it could not be measured)."""

    values: dict[str, FloatColumn]
    gates: dict[str, BoolColumn] = field(default_factory=dict)
    """A further condition of a rule, where it has one: it flags only rows where this
    is true as well (the perfect pattern: every scenario at its best option)."""

    def flagged(self, rule_id: str) -> BoolColumn:
        """Rows the rule flags."""
        flagged = RULES_BY_ID[rule_id].trips(self.values[rule_id])
        gate = self.gates.get(rule_id)
        return flagged if gate is None else flagged & gate

    @property
    def any_flagged(self) -> BoolColumn:
        """Rows that any rule flags."""
        rows = len(next(iter(self.values.values())))
        flagged = np.zeros(rows, dtype=bool)
        for rule in RULES:
            flagged |= self.flagged(rule.id)
        return flagged

    def flags(self, row: int) -> list[QualityFlag]:
        """The flags of one row, in the order of ``RULES``."""
        return [
            QualityFlag(
                rule=rule.id, value=float(self.values[rule.id][row]), threshold=rule.threshold
            )
            for rule in RULES
            if rule.trips(self.values[rule.id][row : row + 1])[0]
            and (rule.id not in self.gates or bool(self.gates[rule.id][row]))
        ]


class QualityChecker:
    """Applies the rules to blocks of one bank's answers."""

    def __init__(self, bank: Bank):
        self.shape = _BankShape.of(bank)

    def block(
        self,
        columns: ItemColumns,
        codes: AnswerCodes,
        scores: BlockScores,
        seconds: Optional[FloatColumn] = None,
        roles: Optional[Sequence[Optional[str]]] = None,
        rater_groups: Optional[Sequence[Optional[str]]] = None,
    ) -> QualityBlock:
        """Every rule's value for the rows of a block: item columns and answer codes as
        the readers give them, the block's scores (for the counts of questions asked
        and answered), when known each row's answering time in seconds (NaN: unknown),
        and each row's role and rater group (None: every item, a person's own answers),
        which decide the order the questions were asked in."""
        return _quality_block(self.shape, columns, codes, scores, seconds, roles, rater_groups)


def _quality_block(
    shape: _BankShape,
    columns: ItemColumns,
    codes: AnswerCodes,
    scores: BlockScores,
    seconds: Optional[FloatColumn],
    roles: Optional[Sequence[Optional[str]]] = None,
    rater_groups: Optional[Sequence[Optional[str]]] = None,
) -> QualityBlock:
    overall = scores.overall
    rows = len(overall.total)
    missing = np.full(rows, NO_ANSWER_CODE, dtype=np.int16)
    # Scale questions x respondents: each question's codes lie together in memory.
    scale_codes: CodeMatrix = np.array(
        [codes.get(item_id, missing) for item_id in shape.scale_order], dtype=np.int16
    ).reshape(len(shape.scale_order), rows)
    longest = _longest_runs(shape, scale_codes, roles, rater_groups)
    modal = _modal_share(scale_codes)
    # "Answered" has one meaning in every rule, the meaning of scoring: a scale point or
    # an option chosen. A skipped question and a "not applicable" one are not answered.
    asked = overall.total.astype(np.float64)
    answered = overall.answered.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        unanswered = np.where(asked > 0, (asked - answered) / asked, np.nan)
        if seconds is None:
            fast = np.full(rows, np.nan)
        else:
            fast = np.where(answered > 0, seconds / answered, np.nan)
    perfect, every_best = _perfect_pattern(shape, columns, rows)
    return QualityBlock(
        {
            LONGEST_RUN: longest,
            MODAL_SHARE: modal,
            AGREE_BOTH_WAYS: _agreeing_both_ways(shape, scale_codes),
            INCONSISTENT_PAIRS: _inconsistent_pairs(shape, columns, rows),
            UNANSWERED_SHARE: unanswered,
            FAST_ANSWERS: fast,
            PERFECT_PATTERN: perfect,
        },
        {PERFECT_PATTERN: every_best},
    )


def _longest_runs(
    shape: _BankShape,
    codes: CodeMatrix,
    roles: Optional[Sequence[Optional[str]]],
    rater_groups: Optional[Sequence[Optional[str]]],
) -> FloatColumn:
    """Per respondent, the longest run of the same answer over the scale questions in
    the order that respondent was asked them (by role and rater group)."""
    rows = codes.shape[1]
    numbers: dict[tuple[Optional[str], Optional[str]], int] = {}
    kinds = np.array(
        [
            numbers.setdefault(kind, len(numbers))
            for kind in zip(roles or [None] * rows, rater_groups or [None] * rows, strict=True)
        ],
        dtype=np.intp,
    )
    if len(numbers) <= 1:  # one kind of respondent: one order
        kind = next(iter(numbers), (None, None))
        return _longest_run(codes[shape.asked_order(*kind)])
    longest = np.full(rows, np.nan)
    for kind, number in numbers.items():
        where = np.flatnonzero(kinds == number)
        longest[where] = _longest_run(codes[np.ix_(shape.asked_order(*kind), where)])
    return longest


def _longest_run(codes: CodeMatrix) -> FloatColumn:
    """Longest run of the same answer code per respondent (a column of ``codes``: scale
    answer codes in the order asked); skipped and "not applicable" questions are passed
    over (a run continues across them). NaN below ``MIN_SCALE_ANSWERS`` answers."""
    rows = codes.shape[1]
    run = np.zeros(rows, dtype=np.int64)
    longest = np.zeros(rows, dtype=np.int64)
    last = np.full(rows, NO_ANSWER_CODE, dtype=np.int16)
    step = np.empty(rows, dtype=np.int64)
    # One pass over the questions, each a vector over respondents: a few in-place
    # operations per question are faster here than numpy's accumulate along an axis.
    for code in codes:
        answered_here = code != NO_ANSWER_CODE
        np.multiply(run, code == last, out=step)  # the run goes on, or starts again
        step += 1
        np.copyto(run, step, where=answered_here)
        np.copyto(last, code, where=answered_here)
        np.maximum(longest, run, out=longest)
    answered = (codes != NO_ANSWER_CODE).sum(axis=0)
    return np.where(answered >= MIN_SCALE_ANSWERS, longest.astype(np.float64), np.nan)


def _modal_share(codes: CodeMatrix) -> FloatColumn:
    """Share of the scale answers that are the respondent's most common answer code; NaN
    below ``MIN_SCALE_ANSWERS`` answers."""
    answered = (codes != NO_ANSWER_CODE).sum(axis=0)
    most = int(codes.max(initial=0)) + 1
    modal = np.max([(codes == code).sum(axis=0) for code in range(most)], axis=0)
    enough = answered >= MIN_SCALE_ANSWERS
    with np.errstate(invalid="ignore", divide="ignore"):
        share: FloatColumn = np.where(enough, modal / answered, np.nan)
    return share


def _agreeing_both_ways(shape: _BankShape, codes: CodeMatrix) -> FloatColumn:
    """Share of the balanced indicators where the mean position of both the regular and
    the reverse-worded answers lies above the middle of the scale."""
    rows = codes.shape[1]
    if not len(shape.starts[0]):
        return np.full(rows, np.nan)
    # A position on the scale is code / top code. Over a common multiple of the top
    # codes every position is a whole number, so "the mean position lies above the
    # middle" is the exact 2 * (sum of positions) > count.
    common = math.lcm(*(int(top) for top in shape.top_codes))
    weights = common // shape.top_codes
    kinds = []
    for items, starts in zip(shape.grouped, shape.starts, strict=True):
        chosen = codes[items]  # each indicator's items now lie together
        answered = chosen != NO_ANSWER_CODE
        weighted = np.maximum(chosen, 0).astype(np.int32)  # no answer: 0, and not counted
        if (weights != 1).any():  # scales of different lengths
            weighted *= weights[items][:, None].astype(np.int32)
        ends = [*starts[1:], len(items)]
        count = np.array([answered[a:b].sum(axis=0) for a, b in zip(starts, ends, strict=True)])
        total = np.array([weighted[a:b].sum(axis=0) for a, b in zip(starts, ends, strict=True)])
        kinds.append((count > 0, 2 * total > count * common))
    (regular, regular_above), (reverse_worded, reverse_above) = kinds
    both = regular & reverse_worded
    eligible = both.sum(axis=0)
    agreeing = (both & regular_above & reverse_above).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(eligible >= MIN_BALANCED_INDICATORS, agreeing / eligible, np.nan)


def _inconsistent_pairs(shape: _BankShape, columns: ItemColumns, rows: int) -> FloatColumn:
    """Share of the answered consistency pairs whose item scores lie ``PAIR_GAP`` or
    more apart (scores are keyed, so both items of a pair point the same way)."""
    answered = np.zeros(rows, dtype=np.int64)
    apart = np.zeros(rows, dtype=np.int64)
    for first, second in shape.pairs:
        a, b = columns.get(first), columns.get(second)
        if a is None or b is None:
            continue
        both = a.answered & b.answered
        answered += both
        apart += both & (np.abs(a.scores - b.scores) >= PAIR_GAP)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(answered >= MIN_PAIRS, apart / answered, np.nan)


def _perfect_pattern(
    shape: _BankShape, columns: ItemColumns, rows: int
) -> tuple[FloatColumn, BoolColumn]:
    """Per row: the share of the answered statements whose keyed score is 100 (their
    favourable extreme), measured over at least ``MIN_SCALE_ANSWERS`` of them; and
    whether every answered scenario was answered with its best option."""
    answered = np.zeros(rows, dtype=np.int64)
    extreme = np.zeros(rows, dtype=np.int64)
    for item_id in shape.scale_order:
        column = columns.get(item_id)
        if column is not None:
            answered += column.answered
            extreme += column.answered & (column.scores == 100.0)
    every_best = np.ones(rows, dtype=bool)
    for item_id, best in shape.best_options:
        column = columns.get(item_id)
        if column is not None:
            every_best &= ~column.answered | (column.scores == best)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(answered >= MIN_SCALE_ANSWERS, extreme / answered, np.nan)
    return share, every_best


# --- one person ---------------------------------------------------------------------------


def answering_seconds(
    durations: Optional[Mapping[str, float]],
    started: Optional[datetime],
    finished: Optional[datetime],
) -> Optional[float]:
    """How long answering took: the sum of the per-question durations when recorded
    (breaks do not count), else the time from start to finish; None when unknown."""
    if durations:
        return float(sum(durations.values()))
    if started is None or finished is None:
        return None
    if (started.tzinfo is None) != (finished.tzinfo is None):
        return None  # one with a time zone and one without: not comparable
    seconds = (finished - started).total_seconds()
    return seconds if seconds >= 0 else None


def result_quality(bank: Bank, result: Result, timed: bool = True) -> list[QualityFlag]:
    """The flags of one result's answers (the answers that fit ``bank``). ``timed``
    False leaves answering speed out (answers piped in by a script were not read)."""
    answers: dict[str, AnswerValue] = {
        item_id: answer
        for item_id, answer in result.answers.items()
        if item_id in bank.items
        and bank.items[item_id].asked_of(result.role)
        and answer_problem(bank, bank.items[item_id], answer) is None
    }
    role = result.role if result.role is None or bank.role(result.role) else None
    columns = sheet_columns(bank, answers)
    seconds = answering_seconds(result.durations, result.started_at, result.finished_at)
    if not timed:
        seconds = None
    group = result.rater_group if bank.rater_group(result.rater_group) else None
    block = QualityChecker(bank).block(
        columns,
        answer_codes(bank, [answers]),
        score_block(bank, columns, 1, role, group),
        np.array([math.nan if seconds is None else seconds]),
        [role],
        [group],
    )
    return block.flags(0)


def with_quality(bank: Bank, result: Result, timed: bool = True) -> Result:
    """``result`` with its response-quality flags filled in (scores untouched)."""
    return result.model_copy(update={"quality": result_quality(bank, result, timed)})
