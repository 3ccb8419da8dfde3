"""Hostile input is one error line and exit code 1, never a traceback; in a batch, a bad
JSONL line rejects that row only (docs/reliability.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import parse_bank, resolve_bank, starter_bank_text
from asn_assess.core.errors import BankError, ResultError
from asn_assess.core.scoring import score

BANK = resolve_bank()
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
DEEP_JSON = '{"bank_id": ' + "[" * 100_000 + "]" * 100_000 + "}"
LONG_INTEGER = "7" * 5000


def run(*args: str, input: Optional[str] = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def assert_one_error(result: Any, *fragments: str, code: int = 1) -> None:
    assert result.exit_code == code, result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


def sheet_text(**changes: Any) -> str:
    document: dict[str, Any] = {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "answers": {"disiplin-01": 4},
    }
    document.update(changes)
    return json.dumps(document)


# --- answer sheets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fragment",
    [
        (DEEP_JSON, "nested too deeply"),
        ('{"answers": {"disiplin-01": ' + LONG_INTEGER + "}}", "4,300 digits"),
        ('{"answers": {"disiplin-01": NaN}}', "NaN"),
        ('{"answers": {"disiplin-01": 1e999}}', "1e999"),
        (sheet_text(bank_id="x" * 300), "bank_id"),
        (sheet_text(bank_id="../../etc/passwd"), "bank_id"),
    ],
    ids=["deep", "long-integer", "nan", "overflow", "long-bank-id", "path-bank-id"],
)
def test_score_refuses_hostile_sheets_in_one_line(tmp_path, text, fragment):
    (tmp_path / "sheet.json").write_text(text, encoding="utf-8")
    result = run("score", str(tmp_path / "sheet.json"))
    assert_one_error(result, str(tmp_path / "sheet.json"), fragment)


def test_a_bank_reference_too_long_for_a_file_name_is_one_error():
    result = run("bank", "show", "x" * 300)
    assert_one_error(result, "no bank file or bundled bank")


def test_bad_jsonl_lines_reject_their_rows_only(tmp_path):
    lines = [
        sheet_text(),
        DEEP_JSON,
        '{"bank_id": "asn-profesional", "bank_version": "1.0.0", "answers": {"disiplin-01": '
        + LONG_INTEGER
        + "}}",
        sheet_text(answers={"disiplin-01": float("nan")}),  # json.dumps writes NaN
        sheet_text(bank_id="y" * 300),
        sheet_text(),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.csv"),
        "--errors", str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    records = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [r["line"] for r in records] == [2, 3, 4, 5]
    assert "read 6, scored 2" in result.stderr


def test_a_deeply_nested_json_array_input_is_one_error(tmp_path):
    (tmp_path / "in.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run("batch", str(tmp_path / "in.json"), "-o", str(tmp_path / "out.csv"))
    assert_one_error(result, "nested too deeply")
    assert not (tmp_path / "out.csv").exists()


# --- banks --------------------------------------------------------------------------------


STARTER = starter_bank_text()


@pytest.mark.parametrize(
    "old, new, fragment",
    [
        ('aliases = ["STS"]', "aliases = 5", "aliases"),
        ('id = "setuju"\n', 'id = ["setuju"]\n', "scales[0].id"),
        ('id = "diri"\n', "id = [1, 2]\n", "pillars[0].id"),
        ('id = "disiplin-01"\n', 'id = ["a", "b"]\n', "items[0].id"),
        ('{ id = "a", score = 3,', '{ id = ["a"], score = 3,', "options[0].id"),
        ('id = "berkembang"\n', "id = {x = 1}\n", "bands[0].id"),
        ("min_answered = 0.5", "min_answered = nan", "min_answered"),
        ("min = 70", "min = inf", "bands[1].min"),
        ('{ value = 1, aliases = ["STS"]', "{ value = " + LONG_INTEGER, "bank.toml"),
        ('{ value = 1, aliases = ["STS"]', '{ value = 100000000000000, aliases = ["STS"]', "value"),
        ('languages = ["id", "en"]', "languages = " + "[" * 2000 + "]" * 2000, "bank.toml"),
    ],
    ids=[
        "aliases-number",
        "scale-id-list",
        "pillar-id-list",
        "item-id-list",
        "option-id-list",
        "band-id-table",
        "nan",
        "inf-band",
        "long-integer",
        "huge-scale-value",
        "deep-array",
    ],
)
def test_bank_validate_lists_hostile_values_without_a_traceback(tmp_path, old, new, fragment):
    assert STARTER.count(old) >= 1, old
    path = tmp_path / "bank.toml"
    path.write_text(STARTER.replace(old, new, 1), encoding="utf-8")
    result = run("bank", "validate", str(path))
    assert result.exit_code == 1, result.stderr
    errors = error_lines(result.stderr)
    assert errors and any(fragment in line for line in errors), result.stderr


@pytest.mark.parametrize("weight", ["inf", "nan", "1e308", "1001", "-inf"])
@pytest.mark.parametrize("anchor", ['id = "disiplin-01"\n', 'id = "diri"\n'])
def test_weights_are_finite_and_bounded(weight, anchor):
    text = STARTER.replace(anchor, anchor + f"weight = {weight}\n", 1)
    with pytest.raises(BankError) as caught:
        parse_bank(text, "bank.toml")
    assert any("weight" in str(problem) for problem in caught.value.problems)


def test_the_largest_allowed_weight_is_accepted():
    text = STARTER.replace('id = "diri"\n', 'id = "diri"\nweight = 1000\n', 1)
    assert parse_bank(text, "bank.toml").pillars[0].weight == 1000


# --- results --------------------------------------------------------------------------------


def good_result() -> dict[str, Any]:
    answers = {i: ("a" if item.is_situational else 4) for i, item in BANK.items.items()}
    from asn_assess.core.documents import AnswerSheet

    sheet = AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers)
    return json.loads(score(BANK, sheet).model_dump_json())


def result_with(change: Any) -> str:
    document = good_result()
    change(document)
    return json.dumps(document, allow_nan=True)


def _set(path: list[Any], value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    "change, fragment",
    [
        (_set(["pillars", 0, "id"], "tidak-ada"), "tidak-ada"),
        (_set(["pillars", 1, "indicators", 0, "id"], "entah"), "entah"),
        (_set(["overall", "score"], float("nan")), "NaN"),
        (_set(["pillars", 0, "score"], float("inf")), "Infinity"),
        (_set(["overall", "score"], 1e12), "overall.score"),
        (_set(["pillars", 0, "indicators", 0, "score"], -5), "score"),
        (_set(["overall", "answered_items"], 10**12), "answered_items"),
        (_set(["bank_id"], "b" * 300), "bank_id"),
        (_set(["answers", "disiplin-01"], ""), "answers.disiplin-01"),
        (_set(["answers", "disiplin-01"], "z"), "answers.disiplin-01"),
    ],
    ids=[
        "unknown-pillar",
        "unknown-indicator",
        "nan",
        "infinity",
        "huge-score",
        "negative",
        "huge-count",
        "long-bank-id",
        "empty-answer",
        "unknown-answer",
    ],
)
def test_report_refuses_a_hostile_result_in_one_line(tmp_path, change, fragment):
    path = tmp_path / "result.json"
    path.write_text(result_with(change), encoding="utf-8")
    result = run("report", str(path))
    assert_one_error(result, str(path), fragment)


def test_the_library_report_refuses_a_result_that_does_not_fit_its_bank():
    from asn_assess.core.documents import Result
    from asn_assess.reports.rich_report import report_text

    document = good_result()
    document["pillars"][0]["id"] = "tidak-ada"
    with pytest.raises(ResultError):
        report_text(BANK, Result.model_validate(document))


def test_score_json_never_prints_a_null_score_for_a_full_sheet(tmp_path):
    answers = {i: ("a" if item.is_situational else 3) for i, item in BANK.items.items()}
    (tmp_path / "s.json").write_text(sheet_text(answers=answers), encoding="utf-8")
    result = run("score", str(tmp_path / "s.json"), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["overall"]["score"] is not None


def test_a_result_file_must_be_finite_json(tmp_path):
    path = tmp_path / "r.json"
    text = re.sub(r'"score": [0-9.]+', '"score": Infinity', json.dumps(good_result()), count=1)
    path.write_text(text, encoding="utf-8")
    assert "Infinity" in path.read_text()
    result = run("report", str(path), "--json")
    assert_one_error(result, "Infinity")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
