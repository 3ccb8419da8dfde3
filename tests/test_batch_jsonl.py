"""JSON lines made columnar (``batch.jsonl``) are byte for byte the lines made from a
``Result`` per row, as `batch --format jsonl` wrote them before."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any, Optional

import pytest
from typer.testing import CliRunner

from asn_assess import BatchSettings, run_batch
from asn_assess.analysis.norms import NormReference, level_keys, level_scores, norm_reference
from asn_assess.batch.blocks import ScoredBlock
from asn_assess.batch.jsonl import JsonLines
from asn_assess.cli import app
from asn_assess.core.models import Bank
from test_analyze import write_bank_answers

runner = CliRunner()


class Blocks:
    """A sink keeping the scored blocks."""

    def __init__(self) -> None:
        self.blocks: list[ScoredBlock] = []

    def write(self, block: ScoredBlock) -> None:
        self.blocks.append(block)

    def reject(self, error: Any) -> None:
        pass

    def finish(self, summary: Any) -> None:
        pass

    def abort(self) -> None:
        pass


def plain_lines(
    bank: Bank, block: ScoredBlock, drop_profile: bool, norm: Optional[NormReference]
) -> list[str]:
    """The lines as a ``Result`` per row gives them."""
    answers = block.answers
    lines = []
    for index, result in enumerate(block.results(bank)):
        if drop_profile:
            result = result.model_copy(update={"respondent": None})
        record: dict[str, Any] = {
            "source": answers.source,
            "row": int(answers.rows[index]),
            "respondent_id": answers.respondent_ids[index],
            "result": result.model_dump(mode="json"),
        }
        if norm is not None:
            scores = {
                key: float(level_scores(block.scores, key)[index]) for key in level_keys(bank)
            }
            record["percentiles"] = {key: norm.rank(key, score) for key, score in scores.items()}
            if norm.norms.reliability:  # each scale's 95% band: score ± 1.96 SEM in 0-100
                record["bands"] = {
                    key: None
                    if math.isnan(score)
                    else {
                        "lower": max(0.0, score - 1.96 * norm.norms.reliability[key].sem),
                        "upper": min(100.0, score + 1.96 * norm.norms.reliability[key].sem),
                    }
                    for key, score in scores.items()
                    if key in norm.norms.reliability and norm.norms.reliability[key].sem is not None
                }
            record["norm"] = norm.description
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return lines


def assert_same_lines(
    bank: Bank, source: Path, drop_profile: bool = False, norm: Optional[NormReference] = None
) -> int:
    sink = Blocks()
    run_batch([source], BatchSettings(bank, full_results=True), sink)
    made = JsonLines(bank, drop_profile, norm)
    compared = 0
    for block in sink.blocks:
        expected = plain_lines(bank, block, drop_profile, norm)
        got = made.lines(block)
        assert len(got) == len(expected)
        for line, want in zip(got, expected, strict=True):
            assert line == want
            compared += 1
    return compared


@pytest.fixture
def answers_csv(tmp_path: Path, bundled_bank: Bank) -> Path:
    """Generated answers with blanks, a `na`, an odd unit name and a row cut short."""
    path = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, path, 300, seed=3)
    with path.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    for number, row in enumerate(rows):
        if number % 7 == 0:
            row[1 + number % (len(row) - 1)] = ""
        if number % 50 == 25:  # only the first item answered
            row[2:] = [""] * (len(row) - 2)
        if number == 11:
            row[0] = 'Dewi "Ç" \\ /'
        if number == 12:
            row[0] = ""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


@pytest.mark.parametrize("drop_profile", [False, True])
def test_table_lines_equal_plain_lines(answers_csv: Path, bundled_bank: Bank, drop_profile: bool):
    assert assert_same_lines(bundled_bank, answers_csv, drop_profile) == 300


def test_lines_with_percentiles_equal_plain_lines(
    tmp_path: Path, answers_csv: Path, bundled_bank: Bank
):
    norms = tmp_path / "norms.json"
    ran = runner.invoke(
        app,
        [
            "analyze",
            str(answers_csv),
            "-f",
            "json",
            "-o",
            str(tmp_path / "a.json"),
            "--norms-out",
            str(norms),
        ],
    )
    assert ran.exit_code == 0, ran.stderr
    norm = norm_reference(norms, bundled_bank)
    assert assert_same_lines(bundled_bank, answers_csv, norm=norm) == 300


def test_answer_sheet_lines_equal_plain_lines(tmp_path: Path, bundled_bank: Bank):
    """Sheets with a profile, times or durations are written the plain way, beside bare
    sheets in another language in the same block."""
    items = list(bundled_bank.items.values())
    lines = []
    for number in range(40):
        answers: dict[str, Any] = {}
        for position, item in enumerate(items[: 10 + number]):
            if item.is_situational:
                answers[item.id] = item.options[position % len(item.options)].id
            else:
                answers[item.id] = 1 + (position * number) % 5
        sheet: dict[str, Any] = {
            "bank_id": bundled_bank.id,
            "bank_version": bundled_bank.version,
            "language": "en" if number % 2 else "id",
            "answers": answers,
        }
        if number % 5 == 0:
            sheet["respondent"] = {"name": f"Orang {number}"}
        if number % 5 == 1:
            sheet["started_at"] = "2026-05-04T03:00:00+00:00"
            sheet["finished_at"] = "2026-05-04T03:20:00Z"
        if number % 5 == 2:
            sheet["durations"] = {item_id: 2.5 for item_id in list(answers)[:3]}
        lines.append(json.dumps(sheet))
    source = tmp_path / "sheets.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert assert_same_lines(bundled_bank, source) == 40
    assert assert_same_lines(bundled_bank, source, drop_profile=True) == 40
