"""`asn-assess batch` gives exactly the scores of the one-respondent path, on random data.

The issue promises "results equal `asn-assess score` on the same answers, proven by a
property test". Here random respondents (random subsets of items, random valid
answers, some with nothing answered) are written as a wide CSV or as JSONL answer
sheets, run through the real CLI, and every output number is compared with ``==`` (not
``approx``) to ``scoring.score`` on an ``AnswerSheet`` holding the same answers.

Banks: the bundled bank, the SMALL bank of conftest (weights, a reversed item, a 0-3
scale, a situational item), the bank of core values under scoring version 3, and variants of the SMALL bank with random float weights,
``min_answered`` and band minimums, where any change in the order of float operations
would show in the last bit.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from unittest import mock

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import asn_assess.batch.reading as batch_module
from asn_assess.analysis.quality import with_quality
from asn_assess.cli import app
from asn_assess.core.bank import load_bank, parse_bank
from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.models import Bank
from asn_assess.core.scoring import NO_BAND, ItemColumn, item_score, score, score_block
from conftest import (
    BUNDLED_BANK_PATH,
    SMALL_BANK_TOML,
    VALUES_BANK_PATH,
    expected_cells,
    parsed_cells,
)

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})  # messages checked in English

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BUNDLED = load_bank(BUNDLED_BANK_PATH)
SMALL = parse_bank(SMALL_BANK_TOML, source="small.toml")
VALUES_TEXT = VALUES_BANK_PATH.read_text(encoding="utf-8")
VALUES = parse_bank(VALUES_TEXT, source="nilai-v3.toml")


# --- banks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BankCase:
    """A bank, and the TOML text to hand to `--bank` (None: the bundled bank by id)."""

    name: str
    bank: Bank
    toml: Optional[str]

    def __repr__(self) -> str:  # keeps Hypothesis' falsifying examples readable
        return f"BankCase({self.name})"


_WEIGHTED_IDS = (
    {p.id for p in SMALL.pillars}
    | {i.id for p in SMALL.pillars for i in p.indicators}
    | set(SMALL.items)
)


@st.composite
def random_small_banks(draw) -> BankCase:
    """The SMALL bank with random float weights everywhere, a random ``min_answered``
    and random band minimums (some on scores that occur exactly, such as 50 or 62.5)."""
    weight = st.one_of(
        st.sampled_from([0.1, 0.2, 0.3, 0.7, 1.0, 1.5, 2.0, 3.0]),
        st.floats(min_value=0.01, max_value=10, allow_nan=False, allow_infinity=False),
    )
    lines = []
    for line in SMALL_BANK_TOML.splitlines():
        if line.startswith("weight = "):
            continue
        lines.append(line)
        match = re.fullmatch(r'id = "([^"]+)"', line)
        if match and match.group(1) in _WEIGHTED_IDS:
            lines.append(f"weight = {draw(weight)!r}")
    text = "\n".join(lines) + "\n"
    min_answered = draw(st.sampled_from([0.0, 0.25, 0.3, 0.5, 2 / 3, 0.7, 1.0]))
    text = text.replace("min_answered = 0.5", f"min_answered = {min_answered!r}")
    grid = [12.5, 25.0, 100 / 3, 50.0, 62.5, 200 / 3, 75.0, 87.5]
    minimums = sorted(
        draw(
            st.sets(
                st.one_of(st.sampled_from(grid), st.floats(min_value=0.5, max_value=99.5)),
                min_size=2,
                max_size=2,
            )
        )
    )
    text = text.replace("min = 50\n", f"min = {minimums[0]!r}\n")
    text = text.replace("min = 75\n", f"min = {minimums[1]!r}\n")
    bank = parse_bank(text, source="random-small.toml")
    assert [b.min for b in bank.bands] == [0, *minimums]
    return BankCase("small, random weights", bank, text)


banks = st.one_of(
    st.just(BankCase("bundled", BUNDLED, None)),
    st.just(BankCase("small", SMALL, SMALL_BANK_TOML)),
    st.just(BankCase("values, scoring version 3", VALUES, VALUES_TEXT)),
    random_small_banks(),
)


# --- respondents ---------------------------------------------------------------------------


def spellings(bank: Bank, item) -> list[tuple[Any, str]]:
    """(answer value, a text a survey export may hold for it) for every valid answer."""
    found: list[tuple[Any, str]] = []
    if item.is_situational:
        for option in item.options:
            texts = [option.id, option.id.upper(), *option.text.values()]
            found += [(option.id, t) for t in texts]
            found += [(option.id, f"  {t.upper()} ") for t in option.text.values()]
        return found
    for point in bank.scale_of(item).points:
        texts = [str(point.value), f"{point.value}.0", *point.label.values(), *point.aliases]
        found += [(point.value, t) for t in texts]
        found += [(point.value, f" {t.lower()}  ") for t in point.label.values()]
        found += [(point.value, t.upper()) for t in point.aliases]
    # "Not applicable" as survey exports write it (docs/batch.md lists the spellings).
    found += [("na", t) for t in ("na", "N/A", " TB ", "Tidak berlaku", "NOT APPLICABLE")]
    return found


def plain_answer(bank: Bank, item, value) -> str:
    return str(value)


@st.composite
def respondents(
    draw, bank: Bank, spelled: bool, max_size: int = 12
) -> list[dict[str, tuple[Any, str]]]:
    """A list of respondents, each ``item id -> (answer value, cell text)``.

    Each respondent answers nothing, a random subset, or every item."""

    def answer(item):
        if spelled:
            return st.sampled_from(spellings(bank, item))
        values = (
            [o.id for o in item.options]
            if item.is_situational
            else [p.value for p in bank.scale_of(item).points] + ["na"]
        )
        return st.sampled_from(values).map(lambda v: (v, str(v)))

    answers = {item_id: answer(item) for item_id, item in bank.items.items()}
    one = st.one_of(
        st.just({}),
        st.fixed_dictionaries({}, optional=answers),
        st.fixed_dictionaries(answers),
    )
    return draw(st.lists(one, min_size=1, max_size=max_size))


def sheet_of(
    bank: Bank, answers: dict[str, tuple[Any, str]], name: Optional[str] = None
) -> AnswerSheet:
    data: dict[str, Any] = {
        "bank_id": bank.id,
        "bank_version": bank.version,
        "answers": {k: v for k, (v, _) in answers.items()},
    }
    if name is not None:
        data["respondent"] = {"name": name}
    return AnswerSheet.model_validate(data)


def respondent_id(index: int) -> str:
    return f"R{index + 1:03d}"


# --- running the CLI -----------------------------------------------------------------------


def bank_args(case: BankCase, folder: Path) -> list[str]:
    if case.toml is None:
        return ["--bank", "asn-profesional"]
    path = folder / "bank.toml"
    path.write_text(case.toml, encoding="utf-8")
    return ["--bank", str(path)]


def write_wide_csv(path: Path, bank: Bank, people, column_order: list[str]) -> tuple[int, int]:
    """The table `template batch` describes: respondent_id, then item columns. Returns
    the length in bytes of the header line and of the longest data line."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", *column_order])
        for index, answers in enumerate(people):
            writer.writerow(
                [
                    respondent_id(index),
                    *[answers[i][1] if i in answers else "" for i in column_order],
                ]
            )
    header, *rows = path.read_bytes().splitlines()
    return len(header), max(len(row) for row in rows)


def run_batch(*args: str):
    result = runner.invoke(app, ["batch", *args])
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def counts_line(stderr: str) -> str:
    lines = [
        line
        for line in stderr.splitlines()
        if re.fullmatch(r"read \d+, scored \d+ \(incomplete \d+\), rejected \d+", line)
    ]
    assert len(lines) == 1, stderr
    return lines[0]


def expected_counts(read: int, expected: list[tuple[int, Result]]) -> str:
    """The closing line for ``read`` rows of which ``expected`` were scored."""
    incomplete = sum(result.overall.score is None for _, result in expected)
    return (
        f"read {read}, scored {len(expected)} (incomplete {incomplete}), "
        f"rejected {read - len(expected)}"
    )


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def read_jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


# --- comparing ------------------------------------------------------------------------------


def documented_columns(bank: Bank) -> list[str]:
    """The flat CSV columns as docs/batch.md lists them."""
    columns = [
        "source",
        "row",
        "respondent_id",
        "role",
        "target",
        "rater_group",
        "answered_items",
        "not_applicable_items",
        "total_items",
        "overall_score",
        "overall_band",
    ]
    for pillar in bank.pillars:
        columns += [
            f"pillar.{pillar.id}.{p}"
            for p in (
                "score",
                "band",
                "answered_items",
                "not_applicable_items",
                "scored_indicators",
            )
        ]
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            columns += [
                f"indicator.{indicator.id}.{p}"
                for p in ("score", "band", "answered_items", "not_applicable_items")
            ]
    for value in bank.values:
        columns += [
            f"value.{value.id}.{p}"
            for p in ("score", "band", "answered_items", "not_applicable_items")
        ]
    columns.append("quality_flags")
    columns += [
        f"quality.{rule}"
        for rule in (
            "longest-run",
            "modal-share",
            "agree-both-ways",
            "inconsistent-pairs",
            "unanswered-share",
            "fast-answers",
            "perfect-pattern",
        )
    ]
    return columns


def assert_same_scores(row: dict[str, str], result: Result, context: str) -> None:
    expected = expected_cells(result, quality=True)
    got = parsed_cells(row, expected)
    different = {
        k: (got[k], expected[k])
        for k in expected
        if got[k] != expected[k] or type(got[k]) is not type(expected[k])
    }
    assert not different, f"{context}: (batch, score) differ: {different}"


def scored_people(bank: Bank, people) -> list[tuple[int, Result]]:
    """(index, result with its quality flags) of every respondent who answered something."""
    return [
        (i, with_quality(bank, score(bank, sheet_of(bank, answers))))
        for i, answers in enumerate(people)
        if answers
    ]


# --- the wide CSV through the CLI ------------------------------------------------------------


@SETTINGS
@given(data=st.data(), case=banks, spelled=st.booleans(), small_blocks=st.booleans())
def test_wide_csv_batch_equals_score_bit_for_bit(
    data, case: BankCase, spelled: bool, small_blocks: bool
):
    bank = case.bank
    people = data.draw(
        respondents(bank, spelled, max_size=30 if small_blocks else 12), label="respondents"
    )
    order = data.draw(st.permutations(list(bank.items)), label="column order")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        header_bytes, longest = write_wide_csv(folder / "in.csv", bank, people, order)
        # Small blocks make a multi-block stream of a few rows: row numbers and the
        # per-block dictionaries of answers must still line up. (The reader needs the
        # header, and any one row, to fit in a block.)
        block = max(header_bytes + 8, 2 * longest) if small_blocks else batch_module.BLOCK_BYTES
        with mock.patch.object(batch_module, "BLOCK_BYTES", block):
            result = run_batch(
                str(folder / "in.csv"),
                *bank_args(case, folder),
                "--id-column",
                "respondent_id",
                "-o",
                str(folder / "out.csv"),
                "--errors",
                str(folder / "errors.jsonl"),
            )
        header, rows = read_csv(folder / "out.csv")
        errors = read_jsonl(folder / "errors.jsonl")

    expected = scored_people(bank, people)
    assert result.exit_code == (0 if expected else 1), result.stderr  # 1: nothing scored
    empty = [i for i, answers in enumerate(people) if not answers]
    assert len(people) - len(expected) == len(empty)
    assert counts_line(result.stderr) == expected_counts(len(people), expected)
    assert header == documented_columns(bank)
    assert [r["respondent_id"] for r in rows] == [respondent_id(i) for i, _ in expected]
    for row, (index, wanted) in zip(rows, expected, strict=False):
        assert row["row"] == str(index + 1)
        assert row["source"] == str(folder / "in.csv")
        assert_same_scores(row, wanted, f"row {index + 1}")
    assert [(e["row"], e["respondent_id"]) for e in errors] == [
        (i + 1, respondent_id(i)) for i in empty
    ]
    for record in errors:
        assert record["reasons"] and all("no answers" in reason for reason in record["reasons"])


@SETTINGS
@given(data=st.data(), case=banks)
def test_wide_csv_to_jsonl_results_equal_score(data, case: BankCase):
    """--format jsonl on a table: each line's `result` is the full `score` document,
    answers included (labels turned into the values a sheet would hold)."""
    bank = case.bank
    people = data.draw(respondents(bank, spelled=True), label="respondents")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        write_wide_csv(folder / "in.csv", bank, people, list(bank.items))
        result = run_batch(
            str(folder / "in.csv"),
            *bank_args(case, folder),
            "--id-column",
            "respondent_id",
            "--format",
            "jsonl",
            "-o",
            str(folder / "out.jsonl"),
        )
        lines = read_jsonl(folder / "out.jsonl")

    expected = scored_people(bank, people)
    assert result.exit_code == (0 if expected else 1), result.stderr  # 1: nothing scored
    assert counts_line(result.stderr) == expected_counts(len(people), expected)
    assert [(line["row"], line["respondent_id"]) for line in lines] == [
        (i + 1, respondent_id(i)) for i, _ in expected
    ]
    for line, (index, wanted) in zip(lines, expected, strict=False):
        assert line["result"] == json.loads(wanted.model_dump_json()), f"row {index + 1}"


# --- the same answers as JSONL answer sheets -------------------------------------------------


@SETTINGS
@given(data=st.data(), case=banks, as_array=st.booleans())
def test_answer_sheets_batch_equals_score_in_both_formats(data, case: BankCase, as_array: bool):
    bank = case.bank
    people = data.draw(respondents(bank, spelled=False), label="respondents")
    sheets = [sheet_of(bank, answers, name=respondent_id(i)) for i, answers in enumerate(people)]
    documents = [json.loads(s.model_dump_json(exclude_none=True)) for s in sheets]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = folder / ("in.json" if as_array else "in.jsonl")
        if as_array:
            source.write_text(json.dumps(documents, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            source.write_text(
                "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                encoding="utf-8",
            )
        as_csv = run_batch(
            str(source), *bank_args(case, folder), "--format", "csv", "-o", str(folder / "out.csv")
        )
        as_jsonl = run_batch(
            str(source),
            *bank_args(case, folder),
            "--format",
            "jsonl",
            "-o",
            str(folder / "out.jsonl"),
        )
        header, rows = read_csv(folder / "out.csv")
        lines = read_jsonl(folder / "out.jsonl")

    expected = scored_people(bank, people)
    wanted_counts = expected_counts(len(people), expected)
    for run in (as_csv, as_jsonl):
        assert run.exit_code == (0 if expected else 1), run.stderr  # 1: nothing scored
        assert counts_line(run.stderr) == wanted_counts

    assert header == documented_columns(bank)
    assert [(r["row"], r["respondent_id"]) for r in rows] == [
        (str(i + 1), respondent_id(i)) for i, _ in expected
    ]
    for row, (index, wanted) in zip(rows, expected, strict=False):
        assert_same_scores(row, wanted, f"sheet {index + 1}")

    assert [(line["row"], line["respondent_id"]) for line in lines] == [
        (i + 1, respondent_id(i)) for i, _ in expected
    ]
    for line, (index, _) in zip(lines, expected, strict=False):
        # with the respondent, as `score` gives it
        wanted = with_quality(bank, score(bank, sheets[index]))
        assert line["result"] == json.loads(wanted.model_dump_json()), f"sheet {index + 1}"


def test_batch_row_equals_the_score_command(tmp_path: Path):
    """The promise in the issue's own words: `asn-assess score` on the same answers."""
    bank = BUNDLED
    answers = {}
    for index, item in enumerate(bank.items.values()):
        if index % 7 == 3:
            continue  # a few skipped items
        if item.is_situational:
            answers[item.id] = item.options[index % len(item.options)].id
        else:
            answers[item.id] = bank.scale_of(item).points[index % 5].value
    sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers)
    (tmp_path / "sheet.json").write_text(sheet.model_dump_json(), encoding="utf-8")
    scored = runner.invoke(app, ["score", str(tmp_path / "sheet.json"), "--json"])
    assert scored.exit_code == 0, scored.stderr
    from_score = Result.model_validate_json(scored.stdout)

    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", *bank.items])
        writer.writerow(["R1", *[answers.get(i, "") for i in bank.items]])
    result = run_batch(
        str(tmp_path / "in.csv"), "--id-column", "respondent_id", "-o", str(tmp_path / "out.csv")
    )
    assert result.exit_code == 0, result.stderr
    _, rows = read_csv(tmp_path / "out.csv")
    assert len(rows) == 1
    assert from_score.overall.score is not None  # the comparison covers a real overall score
    assert_same_scores(rows[0], from_score, "R1")


# --- the columnar scorer on its own ------------------------------------------------------------


@SETTINGS
@given(data=st.data(), case=banks)
def test_a_block_of_many_rows_equals_each_row_scored_alone(data, case: BankCase):
    bank = case.bank
    people = data.draw(respondents(bank, spelled=False), label="respondents")
    rows = len(people)
    item_scores = {}
    for item_id in bank.items:
        if not any(item_id in answers for answers in people):
            continue  # an item absent from the dict is unanswered everywhere
        scores = np.zeros(rows)
        answered = np.zeros(rows, dtype=bool)
        not_applicable = np.zeros(rows, dtype=bool)
        for row, answers in enumerate(people):
            if item_id not in answers:
                continue
            value = answers[item_id][0]
            if value == "na":
                not_applicable[row] = True
            else:
                scores[row] = item_score(bank, bank.items[item_id], value)
                answered[row] = True
        item_scores[item_id] = ItemColumn(scores, answered, not_applicable)
    block = score_block(bank, item_scores, rows)

    def level(scores, index) -> tuple[Optional[float], Optional[str], int]:
        value = float(scores.score[index])
        band = int(scores.band[index])
        return (
            None if np.isnan(value) else value,
            None if band == NO_BAND else bank.bands[band].id,
            int(scores.answered[index]),
        )

    for index, answers in enumerate(people):
        wanted = score(bank, sheet_of(bank, answers))
        assert level(block.overall, index) == (
            wanted.overall.score,
            wanted.overall.band,
            wanted.overall.answered_items,
        ), f"row {index}"
        assert int(block.overall.parts_scored[index]) == wanted.overall.scored_pillars
        assert int(block.overall.not_applicable[index]) == wanted.overall.not_applicable_items
        for pillar in wanted.pillars:
            assert level(block.pillars[pillar.id], index) == (
                pillar.score,
                pillar.band,
                pillar.answered_items,
            ), f"row {index} pillar {pillar.id}"
            assert int(block.pillars[pillar.id].parts_scored[index]) == pillar.scored_indicators
            for indicator in pillar.indicators:
                assert level(block.indicators[indicator.id], index) == (
                    indicator.score,
                    indicator.band,
                    indicator.answered_items,
                ), f"row {index} indicator {indicator.id}"
