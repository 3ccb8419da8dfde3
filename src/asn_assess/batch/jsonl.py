"""Lines of JSON with every row's full result, made a block at a time.

A line is ``json.dumps(record, ensure_ascii=False)`` of the record ``{"source", "row",
"respondent_id", "result"[, "percentiles", "bands", "norm"]}``, the result as
``Result.model_dump(mode="json")`` gives it. Making a ``Result`` per row costs far more
than scoring it, so lines are put together from parts instead: each part that repeats
(an indicator's score with its counts, a pillar's, an answer) is written once per
distinct value in the block, through the same models and ``json.dumps``, and gathered
per row. The text is the same, byte for byte (the tests compare both ways). Rows whose
answer sheet carries a profile, times or durations (JSON answer sheets may) are
written the plain way, a ``Result`` each.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring  # what json.dumps uses with ensure_ascii=False
from typing import Any, Optional, cast

import numpy as np

from asn_assess.analysis.norms import NormReference, level_keys, level_scores, placed_in_norm
from asn_assess.analysis.quality import RULES
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.batch.columns import KEPT_PREFIX
from asn_assess.core.documents import (
    SCHEMA_VERSION,
    IndicatorResult,
    OverallResult,
    PillarResult,
    QualityFlag,
    Result,
    ValueResult,
)
from asn_assess.core.models import Bank
from asn_assess.core.scoring import NO_BAND, LevelScores, result_of_row

Texts = Sequence[str]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _text_or_null(value: Optional[str]) -> str:
    """``_dumps`` of a text or None, without the encoder's set-up per call."""
    return "null" if value is None else encode_basestring(value)


class JsonLines:
    """Makes the JSON lines of scored blocks for one bank (and norm)."""

    def __init__(
        self,
        bank: Bank,
        drop_profile: bool,
        norm: Optional[NormReference] = None,
        kept: Sequence[str] = (),
    ):
        self.bank = bank
        self.drop_profile = drop_profile
        self.norm = norm
        self.kept = list(kept)
        self.levels = level_keys(bank)
        self._band_ids: list[Optional[str]] = [band.id for band in bank.bands]
        self._result_head = (
            f'{{"schema_version": {_dumps(SCHEMA_VERSION)}, '
            f'"scoring_version": {_dumps(bank.scoring_version)}, '
            f'"bank_id": {_dumps(bank.id)}, "bank_version": {_dumps(bank.version)}, '
        )
        self._sheet_parts: dict[tuple[Optional[str], ...], str] = {}
        self._answer_texts: dict[str, dict[Any, str]] = {}
        self._rendered: dict[str, dict[tuple[Any, ...], str]] = {}
        if norm is not None:
            self._norm_tail = f', "norm": {_dumps(norm.description)}}}\n'
            # Per level, the text of each percentile (0 to 99) and of none, at index 100.
            self._rank_texts = [
                np.array(
                    [f"{', ' if n else ''}{_dumps(key)}: {rank}" for rank in range(100)]
                    + [f"{', ' if n else ''}{_dumps(key)}: null"],
                    dtype=object,
                )
                for n, key in enumerate(self.levels)
            ]

    def lines(self, block: ScoredBlock) -> list[str]:
        """One line (ending in a line break) per row of ``block``."""
        answers = block.answers
        size = answers.size
        if size == 0:
            return []
        sheets = answers.sheets
        heads = self._heads(block)
        scores = self._scores(block)
        values = self._values(block)
        answered = self._answers(block)
        quality = self._quality(block)
        tails = self._percentiles(block) if self.norm is not None else ["}\n"] * size
        if self.kept:
            kept = self._kept(block)
            tails = [tail[:-2] + part + "}\n" for tail, part in zip(tails, kept, strict=True)]
        parts = zip(heads, *scores, *values, *answered, quality, tails, strict=True)
        lines = ["".join(line) for line in parts]
        if sheets is not None:  # rows with more than a table holds: the plain way
            for row, sheet in enumerate(sheets):
                if not _is_bare(sheet, self.drop_profile):
                    lines[row] = self._plain_line(block, row)
        return lines

    # --- the parts of a line ----------------------------------------------------------

    def _heads(self, block: ScoredBlock) -> list[str]:
        """``{"source": …, "row": …, "respondent_id": …, "result": {…`` up to the
        overall score, with the fields of the answer sheet."""
        answers = block.answers
        start = f'{{"source": {_dumps(answers.source)}, "row": '
        sheet_parts = self._sheet_texts(block)
        head = self._result_head
        return [
            f'{start}{row}, "respondent_id": {_text_or_null(who)}, "result": {head}{sheet}'
            for row, who, sheet in zip(
                answers.rows.tolist(), answers.respondent_ids, sheet_parts, strict=True
            )
        ]

    def _sheet_texts(self, block: ScoredBlock) -> list[str]:
        """Per row: the result's fields taken from its answer sheet (language to
        finished_at), for a sheet without profile or times (see ``lines``)."""
        answers = block.answers
        size = answers.size
        keys: list[tuple[Optional[str], ...]]
        if answers.sheets is not None:
            keys = [
                (sheet.language, sheet.role, sheet.target, sheet.rater_group)
                for sheet in answers.sheets
            ]
        else:  # a table: answer sheets are made with the default language
            keys = list(
                zip(
                    [None] * size,  # the default language
                    answers.roles or [None] * size,
                    answers.targets or [None] * size,
                    cast(list[Optional[str]], answers.rater_groups) or [None] * size,
                    strict=True,
                )
            )
        texts = self._sheet_parts
        return [texts.get(key) or texts.setdefault(key, self._sheet_text(key)) for key in keys]

    def _sheet_text(self, key: tuple[Optional[str], ...]) -> str:
        language, role, target, rater_group = key
        # Made through the model, so defaults and spellings are the model's own.
        result = Result.model_validate(
            {
                **_EMPTY_RESULT,
                "bank_id": self.bank.id,
                "bank_version": self.bank.version,
                "language": language if language is not None else _DEFAULT_LANGUAGE,
                "role": role,
                "target": target,
                **({"rater_group": rater_group} if rater_group is not None else {}),
            }
        ).model_dump(mode="json")
        fields = (
            "language",
            "role",
            "respondent",
            "target",
            "rater_group",
            "started_at",
            "finished_at",
        )
        return "".join(f"{_dumps(name)}: {_dumps(result[name])}, " for name in fields)

    def _scores(self, block: ScoredBlock) -> list[Texts]:
        """The overall score, then per pillar its fields and its indicators: columns of
        text that follow each other in a line."""
        scores = block.scores
        bank = self.bank
        columns: list[Texts] = []

        def overall(values: list[float]) -> str:
            band, answered, not_applicable, total, scored, pillars_na = values
            model = OverallResult(
                score=None,
                band=self._band(band),
                answered_items=int(answered),
                not_applicable_items=int(not_applicable),
                total_items=int(total),
                scored_pillars=int(scored),
                not_applicable_pillars=int(pillars_na),
                total_pillars=len(bank.pillars),
            )
            return _dumps(model.model_dump(mode="json")) + ', "pillars": ['

        columns += _with_score('"overall": ', scores.overall, overall, self._memo("overall"))
        for number, pillar in enumerate(bank.pillars):

            def pillar_text(values: list[float], p: Any = pillar) -> str:
                band, answered, not_applicable, total, scored, indicators_na = values
                model = PillarResult(
                    id=p.id,
                    score=None,
                    band=self._band(band),
                    answered_items=int(answered),
                    not_applicable_items=int(not_applicable),
                    total_items=int(total),
                    scored_indicators=int(scored),
                    not_applicable_indicators=int(indicators_na),
                    total_indicators=len(p.indicators),
                    indicators=[],
                )
                text = _dumps(model.model_dump(mode="json"))
                assert text.endswith('"indicators": []}'), "indicators come last"
                if p.indicators:  # the last indicator closes the list and the pillar
                    text = text[: -len("]}")]
                return text

            columns += _with_score(
                "" if number == 0 else ", ",
                scores.pillars[pillar.id],
                pillar_text,
                self._memo(f"pillar.{pillar.id}"),
            )
            last = len(pillar.indicators) - 1
            for position, indicator in enumerate(pillar.indicators):

                def indicator_text(
                    values: list[float], at: int = position, i: Any = indicator, end: int = last
                ) -> str:
                    score, band, answered, not_applicable, total, applies = values
                    model = IndicatorResult(
                        id=i.id,
                        score=_score(score),
                        band=self._band(band),
                        answered_items=int(answered),
                        not_applicable_items=int(not_applicable),
                        total_items=int(total),
                        not_applicable=not applies,
                    )
                    text = _dumps(model.model_dump(mode="json"))
                    return ("" if at == 0 else ", ") + text + ("]}" if at == end else "")

                level = scores.indicators[indicator.id]
                memo = self._memo(f"indicator.{indicator.id}")
                columns.append(_distinct_texts(_counts(level, parts=False), indicator_text, memo))
        return columns

    def _values(self, block: ScoredBlock) -> list[Texts]:
        """``], "values": […`` per row: the core values (the list is closed by the
        ``]`` the answers part begins with)."""
        columns: list[Texts] = [['], "values": ['] * block.answers.size]
        for position, value in enumerate(self.bank.values):

            def value_text(values: list[float], at: int = position, v: Any = value) -> str:
                score, band, answered, not_applicable, total, applies = values
                model = ValueResult(
                    id=v.id,
                    score=_score(score),
                    band=self._band(band),
                    answered_items=int(answered),
                    not_applicable_items=int(not_applicable),
                    total_items=int(total),
                    not_applicable=not applies,
                )
                return ("" if at == 0 else ", ") + _dumps(model.model_dump(mode="json"))

            level = block.scores.values[value.id]
            memo = self._memo(f"value.{value.id}")
            columns.append(_distinct_texts(_counts(level, parts=False), value_text, memo))
        return columns

    def _memo(self, level: str) -> dict[tuple[Any, ...], str]:
        """The texts rendered for a level so far (its values -> its text)."""
        return self._rendered.setdefault(level, {})

    def _band(self, index: float) -> Optional[str]:
        return None if int(index) == NO_BAND else self._band_ids[int(index)]

    def _answers(self, block: ScoredBlock) -> list[Texts]:
        """``], "answers": {…}, "durations": …, `` per row (a list of one column). From a
        table, each answer's text (`, "id": value`) is made once per distinct value."""
        answers = block.answers
        if answers.sheets is not None:
            return [
                [
                    f'], "answers": {_dumps(dict(sheet.answers))}, "durations": null, '
                    for sheet in answers.sheets
                ]
            ]
        assert answers.answer_values is not None, "the reader keeps answers for full results"
        columns = []
        for item_id, values in answers.answer_values.items():
            memo = self._answer_texts.setdefault(item_id, {})
            texts = np.full(len(values.distinct), "", dtype=object)
            for code in np.unique(values.codes).tolist():  # the values this block holds
                value = values.distinct[code]
                if value is not None:
                    text = memo.get(value)
                    if text is None:
                        text = memo[value] = f", {_dumps(item_id)}: {_dumps(value)}"
                    texts[code] = text
            columns.append(texts[values.codes])
        if not columns:
            return [['], "answers": {}, "durations": null, '] * answers.size]
        return [
            [
                f'], "answers": {{{"".join(cells)[2:]}}}, "durations": null, '
                for cells in zip(*columns, strict=True)
            ]
        ]

    def _quality(self, block: ScoredBlock) -> list[str]:
        """``"quality": […]}`` per row (the end of the result): each flag as
        ``QualityBlock.flags`` has it, in the order of the rules."""
        texts = ['"quality": []}'] * block.answers.size
        quality = block.quality
        if quality is None:
            return texts
        flags: dict[int, list[str]] = {}
        for rule in RULES:
            values = quality.values[rule.id]
            for row in np.flatnonzero(quality.flagged(rule.id)).tolist():
                flag = QualityFlag(rule=rule.id, value=float(values[row]), threshold=rule.threshold)
                flags.setdefault(row, []).append(_dumps(flag.model_dump(mode="json")))
        for row, row_flags in flags.items():
            texts[row] = f'"quality": [{", ".join(row_flags)}]}}'
        return texts

    def _percentiles(self, block: ScoredBlock) -> list[str]:
        """``, "percentiles": {…}[, "bands": {…}], "norm": …}`` and the line break, per
        row."""
        assert self.norm is not None
        columns = []
        for key, texts in zip(self.levels, self._rank_texts, strict=True):
            ranks = self.norm.ranks(key, level_scores(block.scores, key))
            index = np.where(np.isnan(ranks), 100, np.nan_to_num(ranks)).astype(np.int64)
            columns.append(texts[index])
        tail = self._norm_tail
        percentiles = [
            f', "percentiles": {{{"".join(cells)}}}' for cells in zip(*columns, strict=True)
        ]
        if not self.norm.has_reliability:
            return [f"{text}{tail}" for text in percentiles]
        bands = self._bands(block)
        return [f"{text}{band}{tail}" for text, band in zip(percentiles, bands, strict=True)]

    def _bands(self, block: ScoredBlock) -> list[str]:
        """``, "bands": {level: {"lower": …, "upper": …} or null, …}`` per row, for the
        levels the norm keeps the reliability of."""
        assert self.norm is not None
        columns = []
        for key in self.levels:
            if self.norm.standard_error(key) is None:
                continue
            name = _dumps(key)
            lower, upper = self.norm.bands(key, level_scores(block.scores, key))
            columns.append(
                [
                    f"{name}: null"
                    if low != low
                    else f'{name}: {{"lower": {_dumps(low)}, "upper": {_dumps(high)}}}'
                    for low, high in zip(lower.tolist(), upper.tolist(), strict=True)
                ]
            )
        return [f', "bands": {{{", ".join(cells)}}}' for cells in zip(*columns, strict=True)]

    def _kept(self, block: ScoredBlock) -> list[str]:
        """Per row: ``, "input": {…}``, the input columns carried (``--keep``)."""
        kept = block.answers.kept or {}
        size = block.answers.size
        values = {name: kept.get(name) or [None] * size for name in self.kept}
        return [
            f', "input": {_dumps({name[len(KEPT_PREFIX) :]: values[name][row] for name in self.kept})}'
            for row in range(size)
        ]

    def _plain_line(self, block: ScoredBlock, row: int) -> str:
        """The line of one row, from its ``Result``."""
        answers = block.answers
        assert answers.sheets is not None
        result = result_of_row(self.bank, block.scores, row, answers.sheets[row])
        if block.quality is not None:
            result.quality = block.quality.flags(row)
        if self.drop_profile:  # pseudonymised runs carry no names or NIPs
            result = result.model_copy(update={"respondent": None})
        record: dict[str, Any] = {
            "source": answers.source,
            "row": int(answers.rows[row]),
            "respondent_id": answers.respondent_ids[row],
            "result": result.model_dump(mode="json"),
        }
        if self.norm is not None:
            record.update(placed_in_norm(self.norm, self.levels, block.scores, row))
        if self.kept:
            kept = block.answers.kept or {}
            record["input"] = {
                name[len(KEPT_PREFIX) :]: (kept.get(name) or [None] * answers.size)[row]
                for name in self.kept
            }
        return _dumps(record) + "\n"


_DEFAULT_LANGUAGE = "id"  # what a table row's answer sheet says (``AnswerSheet``'s default)
_EMPTY_RESULT: dict[str, Any] = {
    "overall": {
        "score": None,
        "band": None,
        "answered_items": 0,
        "not_applicable_items": 0,
        "total_items": 0,
        "scored_pillars": 0,
        "not_applicable_pillars": 0,
        "total_pillars": 0,
    },
    "pillars": [],
    "answers": {},
}


def _is_bare(sheet: Any, drop_profile: bool) -> bool:
    """Whether an answer sheet holds nothing ``JsonLines`` writes only the plain way."""
    return (
        (sheet.respondent is None or drop_profile)
        and sheet.started_at is None
        and sheet.finished_at is None
        and sheet.durations is None
    )


def _score(value: float) -> Optional[float]:
    return None if value != value else value  # NaN: no score


def _with_score(
    before: str,
    level: LevelScores,
    render: Callable[[list[float]], str],
    memo: dict[tuple[Any, ...], str],
) -> list[Texts]:
    """Columns of a level's object (after ``before``) whose score is nearly unique per
    row: ``render`` makes its text with a null score once per distinct band and counts,
    and each row's score is put in place of that null."""
    rest = [level.band, level.answered, level.not_applicable, level.total]
    rest += [level.parts_scored, level.parts_not_applicable]
    distinct, inverse = _distinct(rest, render, memo)
    parts = [_split_at_score(text) for text in distinct.tolist()]
    heads = np.array([before + head for head, _ in parts], dtype=object)[inverse]
    tails = np.array([tail for _, tail in parts], dtype=object)[inverse]
    scores = ["null" if value != value else repr(value) for value in level.score.tolist()]
    return [heads, scores, tails]


def _split_at_score(text: str) -> tuple[str, str]:
    """A level's object text with a null score, cut where the score goes."""
    marker = '"score": null'
    at = text.index(marker) + len('"score": ')
    return text[:at], text[at + len("null") :]


def _counts(level: LevelScores, parts: bool) -> list[Any]:
    """A level's score, band, item counts and whether it applies (with ``parts``: its
    parts' counts instead) as columns."""
    columns: list[Any] = [level.score, level.band, level.answered, level.not_applicable]
    columns.append(level.total)
    if parts:
        columns += [level.parts_scored, level.parts_not_applicable]
    else:
        columns.append(level.applies)
    return columns


def _distinct_texts(
    columns: list[Any], render: Callable[[list[float]], str], memo: dict[tuple[Any, ...], str]
) -> Any:
    """Per row, ``render`` of its values in ``columns`` (see ``_distinct``)."""
    distinct, inverse = _distinct(columns, render, memo)
    return distinct[inverse]


def _distinct(
    columns: list[Any], render: Callable[[list[float]], str], memo: dict[tuple[Any, ...], str]
) -> tuple[Any, Any]:
    """``render`` of each distinct combination of values in ``columns`` (remembered in
    ``memo`` for later blocks), and per row the index of its combination. The
    combination's code is built a column at a time: counts and bands as they are (a
    band's -1, no band, moved up to 0), scores by their rank among the block's scores;
    renumbered only when the code would grow too large."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    key_size = 1  # every code is below this
    for column in columns:
        if column.dtype.kind == "f":
            _, codes = np.unique(column, return_inverse=True)
            codes = codes.reshape(-1)
        else:
            codes = column.astype(np.int64)
            codes -= codes.min(initial=0)
        radix = int(codes.max(initial=0)) + 1
        if key_size * radix >= 1 << 62:
            _, key = np.unique(key, return_inverse=True)
            key = key.reshape(-1)
            key_size = len(key)
        key = key * radix + codes
        key_size *= radix
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    stacked = np.column_stack([np.asarray(column, dtype=np.float64) for column in columns])
    if len(memo) > MEMO_TEXTS:
        memo.clear()
    texts = np.empty(first.size, dtype=object)
    for position, values in enumerate(stacked[first].tolist()):
        values_key = tuple(None if value != value else value for value in values)  # NaN: none
        text = memo.get(values_key)
        if text is None:
            text = memo[values_key] = render(values)
        texts[position] = text
    return texts, inverse.reshape(-1)


MEMO_TEXTS = 100_000  # rendered parts kept per level (then forgotten and begun again)
