"""The command line: --version, bank, schema and score, driven through Typer's runner.

Data goes to stdout and messages to stderr, so each test reads the stream it expects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from asn_assess import __version__
from asn_assess.cli import app
from asn_assess.core.bank import load_bank
from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.scoring import score
from conftest import BUNDLED_BANK_PATH

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})  # messages checked in English


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def write_sheet(path: Path, bank, answers: dict) -> AnswerSheet:
    sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers)
    path.write_text(sheet.model_dump_json(indent=2), encoding="utf-8")
    return sheet


def mixed_answers(bank) -> dict:
    """A full sheet with varied answers: scale items cycle through their points,
    situational items take their second option."""
    answers = {}
    for index, item in enumerate(bank.items.values()):
        if item.is_situational:
            answers[item.id] = item.options[1].id
        else:
            points = bank.scale_of(item).points
            answers[item.id] = points[index % len(points)].value
    return answers


BAD_BANK = """\
id = "rusak"
version = "1"
verison = "1"
"""


# --- version ------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == "asn-assess 0.1.0\n"
    assert __version__ == "0.1.0"


# --- bank list / show -----------------------------------------------------------------


def test_bank_list_shows_the_bundled_bank():
    result = run("bank", "list")
    assert result.exit_code == 0, result.stderr
    assert "asn-profesional" in result.stdout
    assert "1.0.0" in result.stdout


def test_bank_show_shows_pillar_titles_in_indonesian_by_default(bundled_bank):
    result = runner.invoke(app, ["bank", "show"], env={"ASN_ASSESS_LANG": None})
    assert result.exit_code == 0, result.stderr
    for pillar in bundled_bank.pillars:
        assert pillar.title["id"] in result.stdout
        assert pillar.title["en"] not in result.stdout


def test_bank_show_in_english(bundled_bank):
    result = run("bank", "show", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    for pillar in bundled_bank.pillars:
        assert pillar.title["en"] in result.stdout


def test_bank_show_output_fits_80_columns():
    result = run("bank", "show")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_bank_show_in_a_language_the_bank_lacks_fails():
    result = run("bank", "show", "--lang", "fr")
    assert result.exit_code == 2  # a usage error, like any bad option value
    assert "'fr'" in result.stderr
    assert_no_traceback(result)


def test_bank_show_unknown_bank_fails():
    result = run("bank", "show", "tidak-ada")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: tidak-ada: ")
    assert "asn-profesional" in result.stderr  # lists the bundled banks
    assert_no_traceback(result)


@pytest.mark.parametrize("reference", [None, str(BUNDLED_BANK_PATH)], ids=["by-id", "by-path"])
def test_bank_show_json_is_the_normalised_bank(bundled_bank, reference):
    args = ["bank", "show", "--json"] + ([reference] if reference else [])
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "asn-profesional"
    assert [p["id"] for p in data["pillars"]] == ["diri", "organisasi", "program"]
    items = [
        item
        for pillar in data["pillars"]
        for indicator in pillar["indicators"]
        for item in indicator["items"]
    ]
    assert len(items) == bundled_bank.item_count
    for item in items:
        assert {"id", "scale_range", "reverse", "weight"} <= item.keys()
        assert isinstance(item["reverse"], bool)
        assert item["scale_range"] == [1, 5]
        assert item["weight"] > 0
    reversed_ids = {item["id"] for item in items if item["reverse"]}
    assert reversed_ids == {i.id for i in bundled_bank.items.values() if i.is_reversed}


# --- bank validate ----------------------------------------------------------------------


def test_bank_validate_good_file(bundled_bank):
    result = run("bank", "validate", str(BUNDLED_BANK_PATH))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{BUNDLED_BANK_PATH}: valid (asn-profesional {bundled_bank.version}; pillars: 3, "
        f"indicators: {bundled_bank.indicator_count}, items: {bundled_bank.item_count})\n"
    )
    assert result.stderr == ""


def test_bank_validate_bad_file_lists_problems_with_file_and_key_path(tmp_path):
    bad = tmp_path / "rusak.toml"
    bad.write_text(BAD_BANK, encoding="utf-8")
    result = run("bank", "validate", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert f"error: {bad}: verison: unknown key" in result.stderr
    assert f"error: {bad}: languages: required key is missing" in result.stderr
    assert all(line.startswith(f"error: {bad}") for line in errors)
    assert lines[-1] == f"{bad}: invalid ({len(errors)} problem(s))"
    assert result.stdout == ""
    assert_no_traceback(result)


def test_bank_validate_toml_syntax_error_names_line_and_column(tmp_path):
    bad = tmp_path / "syntax.toml"
    bad.write_text('id = "x"\nversion = = 1\n', encoding="utf-8")
    result = run("bank", "validate", str(bad))
    assert result.exit_code == 1
    assert f"error: {bad}:2:11: TOML syntax error" in result.stderr


def test_bank_validate_two_files_one_bad(tmp_path):
    bad = tmp_path / "rusak.toml"
    bad.write_text(BAD_BANK, encoding="utf-8")
    result = run("bank", "validate", str(BUNDLED_BANK_PATH), str(bad))
    assert result.exit_code == 1
    assert f"{BUNDLED_BANK_PATH}: valid" in result.stdout
    assert f"error: {bad}: verison" in result.stderr
    assert str(BUNDLED_BANK_PATH) not in result.stderr


def test_bank_validate_missing_file(tmp_path):
    missing = tmp_path / "nope.toml"
    result = run("bank", "validate", str(missing))
    assert result.exit_code == 1
    assert f"error: {missing}: no such file" in result.stderr
    assert_no_traceback(result)


def test_bank_validate_needs_a_path():
    assert run("bank", "validate").exit_code == 2


# --- bank template ----------------------------------------------------------------------


def test_bank_template_to_stdout_is_the_starter_bank(starter_text):
    result = run("bank", "template")
    assert result.exit_code == 0
    assert result.stdout == starter_text


def test_bank_template_writes_a_file_that_validates(tmp_path, starter_text):
    target = tmp_path / "bank-saya.toml"
    result = run("bank", "template", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == starter_text
    assert str(target) in result.stderr
    assert result.stdout == ""
    assert load_bank(target).id == "bank-saya"
    validated = run("bank", "validate", str(target))
    assert validated.exit_code == 0, validated.stderr


def test_bank_template_refuses_to_overwrite_without_force(tmp_path, starter_text):
    target = tmp_path / "mine.toml"
    target.write_text("# my own work\n", encoding="utf-8")
    result = run("bank", "template", "--output", str(target))
    assert result.exit_code == 2  # the one output policy: a usage error
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "# my own work\n"
    assert_no_traceback(result)

    forced = run("bank", "template", "--output", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8") == starter_text


# --- schema --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "properties"),
    [
        ("answers", {"schema_version", "bank_id", "bank_version", "answers", "respondent"}),
        ("result", {"schema_version", "bank_id", "overall", "pillars", "answers"}),
        ("bank", {"id", "version", "languages", "scales", "bands", "pillars"}),
    ],
)
def test_schema_prints_json_schema(name, properties):
    result = run("schema", name)
    assert result.exit_code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert properties <= schema["properties"].keys()
    assert schema.get("additionalProperties") is False  # unknown keys are errors


def test_schema_answers_validates_a_real_sheet_shape():
    schema = json.loads(run("schema", "answers").stdout)
    assert {"bank_id", "bank_version"} <= set(schema["required"])


def test_unknown_schema_is_a_usage_error():
    result = run("schema", "nope")
    assert result.exit_code == 2
    assert "nope" in result.stderr
    assert "answers, result, bank" in result.stderr
    assert result.stdout == ""


# --- score ----------------------------------------------------------------------------------


def test_score_file_json_matches_the_library(tmp_path, bundled_bank):
    path = tmp_path / "answers.json"
    sheet = write_sheet(path, bundled_bank, mixed_answers(bundled_bank))
    expected = score(bundled_bank, sheet)
    assert expected.overall.score is not None

    result = run("score", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    printed = Result.model_validate_json(result.stdout)
    assert printed.overall.score == pytest.approx(expected.overall.score)
    assert printed == expected
    assert json.loads(result.stdout)["overall"]["score"] == pytest.approx(expected.overall.score)


def test_score_reads_stdin(bundled_bank, tmp_path):
    sheet = write_sheet(tmp_path / "answers.json", bundled_bank, mixed_answers(bundled_bank))
    result = run("score", "-", "--json", input=sheet.model_dump_json())
    assert result.exit_code == 0, result.stderr
    assert Result.model_validate_json(result.stdout) == score(bundled_bank, sheet)


def test_score_output_saves_the_result(tmp_path, bundled_bank):
    path = tmp_path / "answers.json"
    sheet = write_sheet(path, bundled_bank, mixed_answers(bundled_bank))
    saved = tmp_path / "out" / "result.json"
    result = run("score", str(path), "--json", "-o", str(saved))
    assert result.exit_code == 0, result.stderr
    assert Result.model_validate_json(saved.read_text(encoding="utf-8")) == score(
        bundled_bank, sheet
    )


def test_score_with_an_explicit_bank_file(tmp_path, small_bank_text, small_bank):
    bank_path = tmp_path / "small.toml"
    bank_path.write_text(small_bank_text, encoding="utf-8")
    sheet_path = tmp_path / "answers.json"
    write_sheet(sheet_path, small_bank, {"a2-1": 4, "a2-2": 4})
    result = run("score", str(sheet_path), "--bank", str(bank_path), "--json")
    assert result.exit_code == 0, result.stderr
    assert Result.model_validate_json(result.stdout).indicator("a2").score == pytest.approx(75)


def test_score_bad_json_names_file_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "bank_id": "asn-profesional",\n  "answers": {,}\n}\n', encoding="utf-8")
    result = run("score", str(path), "--json")
    assert result.exit_code == 1
    assert re.search(rf"^error: {re.escape(str(path))}:3:\d+: invalid JSON", result.stderr, re.M)
    assert result.stdout == ""
    assert_no_traceback(result)


def test_score_bad_json_on_stdin_names_stdin():
    result = run("score", "-", input="{oops")
    assert result.exit_code == 1
    assert "error: <stdin>:1:2: invalid JSON" in result.stderr
    assert_no_traceback(result)


def test_score_unknown_item_names_it(tmp_path, bundled_bank):
    path = tmp_path / "answers.json"
    write_sheet(path, bundled_bank, {"disiplin-01": 3, "hantu-01": 3})
    result = run("score", str(path), "--json")
    assert result.exit_code == 1
    assert "answers.json: answers.hantu-01: " in result.stderr
    assert "disiplin-01" not in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_score_sheet_with_unknown_key_names_the_key(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(
        json.dumps({"bank_id": "asn-profesional", "bank_version": "1.0.0", "answer": {}}),
        encoding="utf-8",
    )
    result = run("score", str(path), "--json")
    assert result.exit_code == 1
    assert f"error: {path}: answer: unknown key" in result.stderr


def test_score_missing_file(tmp_path):
    missing = tmp_path / "nope.json"
    result = run("score", str(missing))
    assert result.exit_code == 1
    assert f"error: {missing}: no such file" in result.stderr
    assert_no_traceback(result)


# --- help -----------------------------------------------------------------------------------


def command_paths(command=None, path=()):
    """Every command and group of the app, as argument tuples."""
    command = command or typer.main.get_command(app)
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, path + (name,))


COMMANDS = list(command_paths())


def test_the_commands_under_test_exist():
    expected = {
        (),
        ("score",),
        ("schema",),
        ("bank",),
        ("bank", "list"),
        ("bank", "show"),
        ("bank", "validate"),
        ("bank", "template"),
    }
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "app")
def test_every_command_has_help_with_an_example(path, flag):
    result = run(*path, flag)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: asn-assess")
    # Help from the interface-text catalogue is in the interface language.
    assert "Example" in result.stdout or "Contoh" in result.stdout


def test_each_example_in_help_starts_its_own_line():
    run_together = [
        " ".join(path) or "app"
        for path in COMMANDS
        if re.search(r"\S[ \t]+(Example|Contoh):", run(*path, "--help").stdout)
    ]
    assert run_together == []


def test_bank_show_order_lists_the_questions_as_start_asks_them(bundled_bank):
    from asn_assess.interactive.questionnaire import questions_of

    result = run("bank", "show", "--order", "--role", "pelaksana")
    assert result.exit_code == 0, result.stderr
    ids = re.findall(r"^\s*\d+\s+(\S+)", result.stdout, re.MULTILINE)
    assert ids == [q.item.id for q in questions_of(bundled_bank, "pelaksana")]
    assert len(ids) < bundled_bank.item_count  # struktural-only items are left out
