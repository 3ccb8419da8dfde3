"""The session around the questions: counts and times for the respondent's role on every
screen that shows them, nothing kept by a session left before its first answer, and the
skipped questions offered once more before the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asn_assess.core.presentation import questions_of
from asn_assess.interactive.screens import estimated_minutes
from session_helpers import scripted_start
from test_session import BANK, CTRL_C, answer_for

STAFF = [question.item for question in questions_of(BANK, "pelaksana")]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch, home: Path):
    return scripted_start(monkeypatch, home, tty_default=True)


@pytest.fixture
def starter_bank(tmp_path: Path) -> Path:
    from asn_assess.core.bank import starter_bank_text

    path = tmp_path / "starter.toml"
    path.write_text(starter_bank_text(), encoding="utf-8")
    return path


def unwrapped(screen: str) -> str:
    """The screen's words without the welcome panel's borders and line breaks."""
    return " ".join(screen.replace("│", " ").split())


# --- one count for the role everywhere --------------------------------------------------------------


def test_every_screen_counts_the_questions_of_the_role(start, home):
    count, minutes = len(STAFF), estimated_minutes(STAFF)
    assert count < BANK.item_count  # the role is asked fewer questions than the bank has
    typed = [answer_for(item, index) for index, item in enumerate(STAFF)]
    first = start("--role", "pelaksana", "--no-profile", lines=["", *typed[:2], "q"])
    assert first.exit_code == 0
    assert f"{count} pertanyaan, sekitar {minutes} menit" in unwrapped(first.screen)
    assert f"{BANK.item_count} pertanyaan" not in unwrapped(first.screen)
    assert f"Pertanyaan 1 dari {count}" in first.screen
    assert f"Progres tersimpan (2 dari {count} terjawab)" in first.stderr

    resumed = start("--role", "pelaksana", lines=["", *typed[2:]])
    assert resumed.exit_code == 0, resumed.stderr
    assert f"2 dari {count} pertanyaan sudah dijawab" in resumed.screen
    assert f"Pertanyaan {count} dari {count}" in resumed.screen
    assert f"Dijawab {count} dari {count} pertanyaan" in resumed.stdout
    html = next((home / "results").glob("*.html")).read_text("utf-8")
    assert f"Dijawab {count} dari {count} pertanyaan" in html


def test_before_the_role_is_chosen_the_welcome_gives_the_range_then_the_role_its_count(start):
    sizes = sorted(len(questions_of(BANK, role.id)) for role in BANK.roles)
    run = start("--no-profile", "--lang", "en", lines=["", "1", "q"])
    assert f"{sizes[0]} to {sizes[-1]} questions depending on your role" in unwrapped(run.screen)
    role = BANK.roles[0]
    items = [q.item for q in questions_of(BANK, role.id)]
    expected = f"For this role: {len(items)} questions, about {estimated_minutes(items)} minutes."
    assert expected in run.screen
    assert f"Question 1 of {len(items)}" in run.screen


def test_a_script_is_told_the_count_of_every_question(start):
    minutes = estimated_minutes(BANK.items.values())
    run = start("--no-profile", lines=["q"], tty=False)
    assert f"{BANK.item_count} pertanyaan, sekitar {minutes} menit" in unwrapped(run.screen)


# --- a session left before its first answer keeps nothing ------------------------------------------


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        ([CTRL_C], 130),  # Ctrl-C on the welcome screen
        (["", "Siti", CTRL_C], 130),  # in the middle of the profile
        (["", "", "", "", "", "", "q"], 0),  # q at the first question
        (["", "", "", "", "", ""], 130),  # the input closes at the first question
    ],
)
def test_leaving_before_the_first_answer_saves_nothing(start, home, lines, code):
    run = start("--lang", "en", lines=lines)
    assert run.exit_code == code
    assert "No question was answered yet, so nothing was kept." in run.stderr
    assert "--resume" not in run.stderr
    assert not (home / "progress").exists() or list((home / "progress").iterdir()) == []
    again = start("--lang", "en", lines=["q"])
    assert "unfinished session" not in again.screen


def test_going_back_over_the_only_answer_keeps_nothing_either(start, home, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["", "4", "b", "s", "q"])
    assert run.exit_code == 0
    assert list((home / "progress").glob("*.json")) == []


# --- skipped questions, offered once more -----------------------------------------------------------


def test_skipped_questions_are_offered_again_and_may_be_answered(start, home, starter_bank):
    lines = ["", "s", "2", "s", "y", "4", "c"]
    run = start("--bank", str(starter_bank), "--no-profile", lines=lines)
    assert run.exit_code == 0, run.stderr
    assert "2 pertanyaan dilewati: jawab sekarang? [y/T]" in run.screen
    assert "Pertanyaan yang dilewati 1 dari 2" in run.screen
    assert "Pertanyaan yang dilewati 2 dari 2" in run.screen
    [saved] = (home / "results").glob("*.json")
    answers = json.loads(saved.read_text("utf-8"))["answers"]
    assert answers == {"disiplin-01": 4, "disiplin-02": 2, "disiplin-s1": "c"}


def test_skipped_questions_may_stay_skipped(start, home, starter_bank):
    for reply in ("", "t", None):  # Enter, no, or the input closing: on to the report
        lines = ["", "s", "2", "s"] + ([] if reply is None else [reply])
        run = start("--bank", str(starter_bank), "--no-profile", lines=lines)
        assert run.exit_code == 0, run.stderr
        assert "Skor keseluruhan" in run.stdout
        assert "Dijawab 1 dari 3 pertanyaan; dilewati 2" in run.stdout
    answered = [json.loads(p.read_text("utf-8"))["answers"] for p in home.glob("results/*.json")]
    assert answered == [{"disiplin-02": 2}] * 3


def test_within_the_skipped_questions_back_and_skip_move_among_them(start, home, starter_bank):
    lines = ["", "s", "2", "s", "ya", "s", "<", "5", "s"]
    run = start("--bank", str(starter_bank), "--no-profile", lines=lines)
    assert run.exit_code == 0, run.stderr
    [saved] = (home / "results").glob("*.json")
    assert json.loads(saved.read_text("utf-8"))["answers"] == {"disiplin-01": 5, "disiplin-02": 2}


def test_a_script_is_never_asked_about_skipped_questions(start, home, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["s", "2", "s"], tty=False)
    assert run.exit_code == 0, run.stderr
    assert "dilewati: jawab sekarang" not in run.screen


def test_a_session_stopped_among_the_skipped_ones_resumes_there(start, home, starter_bank):
    stopped = start(
        "--bank", str(starter_bank), "--no-profile", lines=["", "s", "2", "s", "y", "q"]
    )
    assert stopped.exit_code == 0
    assert "Progres tersimpan (1 dari 3 terjawab)" in stopped.stderr
    resumed = start("--bank", str(starter_bank), lines=["", "y", "3", "a"])
    assert resumed.exit_code == 0, resumed.stderr
    assert "2 pertanyaan dilewati" in resumed.screen
    [saved] = (home / "results").glob("*.json")
    assert json.loads(saved.read_text("utf-8"))["answers"] == {
        "disiplin-01": 3,
        "disiplin-02": 2,
        "disiplin-s1": "a",
    }
