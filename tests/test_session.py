"""`asn-assess start` driven in-process: the CLI runs through Typer's runner with a
scripted terminal (lines in, screen text out), as a person at a terminal or a script
piping answers would use it. tests/test_interactive.py keeps the few checks that need a
real pseudo-terminal (Ctrl-C as a signal, a real tty) or real pipes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import asn_assess.interactive.session as session_module
from asn_assess.cli import app
from asn_assess.core.bank import bundled_bank_dir, load_bank, starter_bank_text
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.scoring import score
from asn_assess.interactive.questionnaire import Outcome, Questionnaire
from asn_assess.store import Progress

BANK = load_bank(bundled_bank_dir() / "asn-profesional.toml")
CTRL_C = object()  # in a script: the person presses Ctrl-C at this point
RealTerminal = session_module.Terminal


class ScriptedInput(io.StringIO):
    """Standard input that hands out scripted lines; ``CTRL_C`` raises the interrupt."""

    def __init__(self, lines: Iterable[Any], tty: bool):
        super().__init__()
        self.lines = list(lines)
        self.tty = tty
        self.read_lines = 0

    def isatty(self) -> bool:
        return self.tty

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self.lines:
            return ""  # end of input
        line = self.lines.pop(0)
        self.read_lines += 1
        if line is CTRL_C:
            raise KeyboardInterrupt
        return f"{line}\n"


@dataclass
class Run:
    exit_code: int
    screen: str  # everything the person saw (stderr side)
    stdout: str  # the report
    stderr: str  # what the command itself printed on stderr
    home: Path

    def results(self) -> list[dict]:
        folder = self.home / "results"
        return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]

    def progress(self) -> dict | None:
        path = self.home / "progress" / f"{BANK.id}.json"
        return json.loads(path.read_text("utf-8")) if path.exists() else None


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch, home: Path):
    """Run `asn-assess start ARGS` with scripted lines; ``tty`` says whether stdin is a
    terminal (a person) or not (a pipe)."""

    def run(*args: str, lines: Iterable[Any] = (), tty: bool = True) -> Run:
        screen = io.StringIO()
        scripted = ScriptedInput(lines, tty)

        class ScriptedTerminal(RealTerminal):
            def __init__(self) -> None:
                console = Console(file=screen, width=80, color_system=None, markup=False)
                super().__init__(stdin=scripted, console=console)

        monkeypatch.setattr(session_module, "Terminal", ScriptedTerminal)
        result = CliRunner().invoke(
            app, ["start", *args], env={"ASN_ASSESS_HOME": str(home)}, catch_exceptions=False
        )
        return Run(result.exit_code, screen.getvalue(), result.stdout, result.stderr, home)

    return run


@pytest.fixture
def starter_bank(tmp_path: Path) -> Path:
    path = tmp_path / "starter.toml"
    path.write_text(starter_bank_text(), encoding="utf-8")
    return path


def answer_for(item, index: int) -> str:
    """A deterministic, varied answer for the index-th question."""
    if item.is_situational:
        return item.options[index % len(item.options)].id
    return str(1 + index % 5)


def value_of(item, typed: str):
    return typed if item.is_situational else int(typed)


def comparable(result: dict) -> dict:
    """A result without the times at which it was taken."""
    return {k: v for k, v in result.items() if k not in ("started_at", "finished_at")}


# --- whole sessions -----------------------------------------------------------------------


def test_answer_everything_with_a_profile_then_see_the_report(start):
    typed = [answer_for(item, index) for index, item in enumerate(BANK.items.values())]
    profile = ["Siti Aminah", "19860926 201513 2 001", "19860926 201505 2 001", "BKPSDM", ""]
    run = start(lines=["", *profile, *typed])
    assert run.exit_code == 0, run.stderr
    assert "Tekan Enter untuk mulai" in run.screen
    assert "tahun dan bulan" in run.screen  # the NIP with month 13 was refused, with why
    assert f"Pertanyaan {BANK.item_count} dari {BANK.item_count}" in run.screen
    assert "Skor keseluruhan" in run.stdout
    assert "Hasil disimpan di" in run.stderr

    [result] = run.results()
    assert result["respondent"] == {
        "name": "Siti Aminah",
        "nip": "198609262015052001",
        "ni_pppk": None,
        "unit": "BKPSDM",
        "position": None,
    }
    answers = {
        item.id: value_of(item, t) for item, t in zip(BANK.items.values(), typed, strict=True)
    }
    expected = score(BANK, AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers))
    assert result["overall"] == expected.model_dump(mode="json")["overall"]
    assert result["answers"] == answers
    assert run.progress() is None  # the finished session leaves no progress behind


def test_back_changes_an_answer_and_skip_leaves_it_out(start, starter_bank):
    lines = ["", "2", "b", "5", "s", "z", "b"]  # z is no option; b is an option on item 3
    run = start("--bank", str(starter_bank), "--no-profile", "--lang", "en", lines=lines)
    assert run.exit_code == 0, run.stderr
    assert "Saved answer: 2 Disagree" in run.screen
    assert "Type one letter from a to e" in run.screen
    [result] = run.results()
    assert result["answers"] == {"disiplin-01": 5, "disiplin-s1": "b"}


def test_back_on_the_first_question_says_so(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["", "b", "q"])
    assert "Ini pertanyaan pertama." in run.screen
    assert run.exit_code == 0


def test_help_key_explains_the_keys_and_asks_again(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", "--lang", "en", lines=["", "?", "q"])
    assert "go back to the previous question" in run.screen
    assert run.exit_code == 0


def test_enter_keeps_a_saved_answer(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["", "4", "b", "", "2", "c"])
    assert run.exit_code == 0, run.stderr
    assert run.results()[0]["answers"] == {"disiplin-01": 4, "disiplin-02": 2, "disiplin-s1": "c"}


def test_quit_then_resume_gives_the_same_result(start, starter_bank, home, tmp_path):
    reference = start(
        "--bank",
        str(starter_bank),
        "--no-profile",
        "--data-dir",
        str(tmp_path / "reference"),
        lines=["", "4", "2", "d"],
    )
    assert reference.exit_code == 0
    [wanted] = Run(0, "", "", "", tmp_path / "reference").results()

    quit_run = start("--bank", str(starter_bank), "--no-profile", lines=["", "4", "q"])
    assert quit_run.exit_code == 0
    assert "asn-assess start --resume" in quit_run.stderr
    assert quit_run.results() == []

    resumed = start("--bank", str(starter_bank), lines=["", "2", "d"])
    assert "1 dari 3 pertanyaan sudah dijawab" in resumed.screen
    assert "Pertanyaan 2 dari 3" in resumed.screen
    [result] = resumed.results()
    assert comparable(result) == comparable(wanted)


def test_ctrl_c_saves_then_resume_finishes(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["", "3", CTRL_C])
    assert run.exit_code == 130
    assert "asn-assess start --resume" in run.stderr
    [saved] = (run.home / "progress").glob("*.json")
    assert json.loads(saved.read_text("utf-8"))["answers"] == {"disiplin-01": 3}

    resumed = start("--bank", str(starter_bank), "--resume", lines=["1", "a"])
    assert resumed.exit_code == 0, resumed.stderr
    [result] = resumed.results()
    assert result["answers"] == {"disiplin-01": 3, "disiplin-02": 1, "disiplin-s1": "a"}


def test_piped_answers_match_score(start, tmp_path):
    typed = [answer_for(item, index) for index, item in enumerate(BANK.items.values())]
    typed[5] = "s"  # one skipped
    output = tmp_path / "result.json"
    run = start("--no-profile", "--output", str(output), lines=typed, tty=False)
    assert run.exit_code == 0, run.stderr
    assert "Skor keseluruhan" in run.stdout
    assert "Tekan Enter" not in run.screen  # a pipe is not asked to press Enter
    answers = {
        item.id: value_of(item, t)
        for item, t in zip(BANK.items.values(), typed, strict=True)
        if t != "s"
    }
    expected = score(BANK, AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers))
    assert comparable(json.loads(output.read_text("utf-8"))) == comparable(
        json.loads(expected.model_dump_json())
    )


def test_end_of_input_saves_progress_and_exits_130(start):
    run = start("--no-profile", lines=["4", "5"], tty=False)
    assert run.exit_code == 130
    assert "asn-assess start --resume" in run.stderr
    assert list(run.progress()["answers"].values()) == [4, 5]


def test_new_keeps_the_old_session(start):
    start("--no-profile", lines=["4"], tty=False)
    run = start("--no-profile", "--new", lines=["2"], tty=False)
    assert run.exit_code == 130
    kept = list((run.home / "progress").glob("*.old.json"))
    assert len(kept) == 1
    assert list(json.loads(kept[0].read_text("utf-8"))["answers"].values()) == [4]
    assert list(run.progress()["answers"].values()) == [2]


def test_a_session_for_another_bank_version_is_set_aside(start, home):
    (home / "progress").mkdir(parents=True)
    old = Progress(
        bank_id=BANK.id,
        bank_version="0.9",
        language="id",
        started_at="2026-01-01T00:00:00Z",
        answers={"disiplin-01": 4},
    )
    (home / "progress" / f"{BANK.id}.json").write_text(old.model_dump_json(), "utf-8")
    run = start("--no-profile", lines=["5"], tty=False)
    assert "(0.9)" in run.screen
    assert len(list((home / "progress").glob("*.old.json"))) == 1
    assert list(run.progress()["answers"].values()) == [5]


def test_unwritable_data_folder_is_reported_before_the_first_question(start, tmp_path, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    run = start("--no-profile", "--data-dir", str(blocker), lines=["4"], tty=False)
    assert run.exit_code == 1
    assert "cannot write (" in run.stderr and str(blocker) in run.stderr
    assert "Jawaban (" not in run.screen  # no answer was asked for, so none is lost


# --- the questionnaire's navigation on its own ----------------------------------------------


def fresh_progress() -> Progress:
    return Progress(
        bank_id=BANK.id, bank_version=BANK.version, language="id", started_at="2026-01-01T00:00:00Z"
    )


def test_questionnaire_works_on_a_copy_of_the_progress():
    progress = fresh_progress()
    questionnaire = Questionnaire(BANK, progress)
    assert questionnaire.handle("4") is Outcome.ANSWERED
    assert progress.answers == {} and progress.position == 0
    assert questionnaire.progress.position == 1


@pytest.mark.parametrize(
    ("typed", "outcome", "position"),
    [
        ("4", Outcome.ANSWERED, 1),
        ("sering", Outcome.ANSWERED, 1),
        (" s ", Outcome.SKIPPED, 1),
        ("?", Outcome.HELP, 0),
        ("q", Outcome.QUIT, 0),
        ("b", Outcome.AT_FIRST, 0),
        ("", Outcome.INVALID, 0),
        ("9", Outcome.INVALID, 0),
    ],
)
def test_questionnaire_keys_on_the_first_question(typed, outcome, position):
    questionnaire = Questionnaire(BANK, fresh_progress())
    assert questionnaire.handle(typed) is outcome
    assert questionnaire.progress.position == position


def test_questionnaire_b_is_an_option_on_a_situational_item():
    situational = next(i for i, item in enumerate(BANK.items.values()) if item.is_situational)
    questionnaire = Questionnaire(
        BANK, fresh_progress().model_copy(update={"position": situational})
    )
    assert questionnaire.handle("b") is Outcome.ANSWERED
    questionnaire.progress.position = situational
    assert questionnaire.handle("<") is Outcome.BACK
    assert questionnaire.progress.position == situational - 1
