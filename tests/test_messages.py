"""Problems in a document are told in the user's terms and language, all at once, and a
document given to the wrong command says which command takes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def run(*args: str, language: str | None = None):
    env = {"ASN_ASSESS_LANG": language} if language else {}
    result = CliRunner().invoke(app, list(args), env=env)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


SHEET = {"bank_id": "asn-profesional", "bank_version": "2.0.0"}


def test_a_null_answer_is_one_problem_in_plain_words(tmp_path):
    path = write(tmp_path, {**SHEET, "answers": {"disiplin-03": None}})
    result = run("score", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"galat: {path}: answers.disiplin-03: jawaban harus berupa angka pada skala "
        '(misalnya 1-5), huruf pilihan, atau "na"; tertulis null'
    ]
    english = run("score", path, language="en").stderr
    assert (
        'an answer must be a number on the scale (e.g. 1-5), an option letter, or "na"' in english
    )
    assert "Input should be" not in english


def test_a_list_instead_of_a_sheet_says_what_the_file_must_hold(tmp_path):
    path = write(tmp_path, [])
    result = run("score", path, language="en")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {path}: this file must hold one JSON object {{...}}; found a list [...]"
    )


def test_every_problem_of_a_sheet_is_reported_in_one_pass(tmp_path):
    answers = {"disiplin-01": 7, "disiplin-02": "zz", "tidak-ada": 3, "disiplin-03": None}
    path = write(tmp_path, {**SHEET, "respondant": {}, "answers": answers})
    result = run("score", path, language="en")
    assert result.exit_code == 1
    wheres = [line.split(": ")[2] for line in result.stderr.splitlines()]
    assert sorted(wheres) == [
        "answers.disiplin-01",
        "answers.disiplin-02",
        "answers.disiplin-03",
        "answers.tidak-ada",
        "respondant",
    ]


def test_a_result_given_to_score_names_the_report_command(tmp_path):
    path = str(EXAMPLES / "contoh-result.json")
    result = run("score", path, language="en")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {path}: this file is a result (saved by `start` or `score`), not an "
        f"answer sheet; show it with: asn-assess report {path}"
    )


def test_an_answer_sheet_given_to_report_names_the_score_command():
    path = str(EXAMPLES / "contoh-answers.json")
    result = run("report", path)
    assert result.exit_code == 1
    assert f"beri skor dengan: asn-assess score {path}" in result.stderr


@pytest.mark.parametrize(
    ("answers", "wanted"),
    [
        ({"disiplin-01": True}, "tertulis true"),
        ({"disiplin-01": [1]}, "tertulis sebuah daftar [...]"),
        ({"disiplin-01": 1.5}, "tertulis 1.5"),
    ],
)
def test_answers_of_the_wrong_kind_quote_what_was_written(tmp_path, answers, wanted):
    result = run("score", write(tmp_path, {**SHEET, "answers": answers}))
    assert result.exit_code == 1
    assert wanted in result.stderr
    assert "Input should" not in result.stderr
