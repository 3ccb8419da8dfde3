"""`asn-assess start` driven in-process: the CLI runs through Typer's runner with a
scripted terminal (lines in, screen text out), as a person at a terminal or a script
piping answers would use it. tests/test_interactive.py keeps the few checks that need a
real pseudo-terminal (Ctrl-C as a signal, a real tty) or real pipes."""

from __future__ import annotations

import io
import json
import re
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
from asn_assess.core.i18n import format_score
from asn_assess.core.scoring import score
from asn_assess.interactive.questionnaire import Outcome, Questionnaire, questions_of
from asn_assess.store import Progress

BANK = load_bank(bundled_bank_dir() / "asn-profesional.toml")
# The items in the order `start` asks them (the bank interleaves its indicators).
ASKED = [question.item for question in questions_of(BANK)]
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
        """The saved results, oldest first: as the store names them, a second result
        saved within the same second gets -2 (which sorts before ".json" as text)."""
        folder = self.home / "results"

        def saved_order(path: Path) -> tuple[str, int]:
            found = re.fullmatch(r"(.*-\d{8}-\d{6})(?:-(\d+))?", path.stem)
            assert found, path.name
            return found[1], int(found[2] or 1)

        paths = sorted(folder.glob("*.json"), key=saved_order)
        return [json.loads(p.read_text("utf-8")) for p in paths]

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
    """A result without the times at which it was taken, and what depends on them (the
    seconds per question, and the quality flags, which include answering speed), nor the
    id of the session that made it."""
    timed = ("started_at", "finished_at", "durations", "quality", "session_id")
    return {k: v for k, v in result.items() if k not in timed}


# --- whole sessions -----------------------------------------------------------------------


def test_answer_everything_with_a_profile_then_see_the_report(start):
    typed = [answer_for(item, index) for index, item in enumerate(ASKED)]
    profile = ["Siti Aminah", "19860926 201513 2 001", "19860926 201505 2 001", "BKPSDM", ""]
    run = start(lines=["", *profile, "", *typed])  # Enter at the role question: every item
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
    answers = {item.id: value_of(item, t) for item, t in zip(ASKED, typed, strict=True)}
    expected = score(BANK, AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers))
    assert result["overall"] == expected.model_dump(mode="json")["overall"]
    assert result["answers"] == answers
    assert run.progress() is None  # the finished session leaves no progress behind


def test_back_changes_an_answer_and_skip_leaves_it_out(start, starter_bank):
    lines = ["", "2", "b", "5", "s", "z", "b"]  # z is no option; b is an option on item 3
    run = start("--bank", str(starter_bank), "--no-profile", "--lang", "en", lines=lines)
    assert run.exit_code == 0, run.stderr
    assert "Saved answer: 2 Rarely" in run.screen
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
    typed = [answer_for(item, index) for index, item in enumerate(ASKED)]
    typed[5] = "s"  # one skipped
    output = tmp_path / "result.json"
    run = start("--no-profile", "--output", str(output), lines=typed, tty=False)
    assert run.exit_code == 0, run.stderr
    assert "Skor keseluruhan" in run.stdout
    assert "Tekan Enter" not in run.screen  # a pipe is not asked to press Enter
    answers = {item.id: value_of(item, t) for item, t in zip(ASKED, typed, strict=True) if t != "s"}
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
    said = " ".join(run.screen.split())
    assert "versi bank 0.9, yang tidak tersedia (versi yang tersedia: 1.0.0, 2.0.0, 2.1.0)" in said
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
    situational = next(i for i, item in enumerate(ASKED) if item.is_situational)
    questionnaire = Questionnaire(
        BANK, fresh_progress().model_copy(update={"position": situational})
    )
    assert questionnaire.handle("b") is Outcome.ANSWERED
    questionnaire.progress.position = situational
    assert questionnaire.handle("<") is Outcome.BACK
    assert questionnaire.progress.position == situational - 1


# --- bank 2.0: not applicable, roles, interleaved order ------------------------------------------


def test_n_answers_not_applicable_and_the_report_counts_it(start, tmp_path):
    typed = [answer_for(item, index) for index, item in enumerate(ASKED)]
    first_scale = next(i for i, item in enumerate(ASKED) if not item.is_situational)
    typed[first_scale] = "n"
    output = tmp_path / "result.json"
    run = start("--no-profile", "--output", str(output), lines=typed, tty=False)
    assert run.exit_code == 0, run.stderr
    result = json.loads(output.read_text("utf-8"))
    assert result["answers"][ASKED[first_scale].id] == "na"
    assert result["overall"]["not_applicable_items"] == 1
    assert "tidak berlaku 1" in run.stdout


def test_n_on_a_situational_item_is_not_an_answer():
    situational = next(i for i, item in enumerate(ASKED) if item.is_situational)
    questionnaire = Questionnaire(
        BANK, fresh_progress().model_copy(update={"position": situational})
    )
    assert questionnaire.handle("n") is Outcome.INVALID


def test_the_role_is_asked_at_a_terminal_and_only_its_questions_follow(start):
    struktural = [q.item for q in questions_of(BANK, "struktural")]
    typed = [answer_for(item, index) for index, item in enumerate(struktural)]
    run = start("--no-profile", lines=["", "9", "3", *typed])  # 9 is no role: asked again
    assert run.exit_code == 0, run.stderr
    assert "Jabatan dengan bawahan" in run.screen
    assert "Ketik satu angka 1 sampai 3" in run.screen
    [result] = run.results()
    assert result["role"] == "struktural"
    assert result["overall"]["total_items"] == len(struktural) < BANK.item_count


def test_role_option_skips_the_question_and_a_pipe_is_never_asked_it(start):
    pelaksana = [q.item for q in questions_of(BANK, "pelaksana")]
    typed = [answer_for(item, index) for index, item in enumerate(pelaksana)]
    run = start("--no-profile", "--role", "Pelaksana", lines=typed, tty=False)
    assert run.exit_code == 0, run.stderr
    assert "Peran Anda" not in run.screen
    assert run.results()[0]["role"] == "pelaksana"


def test_an_unknown_role_is_a_usage_error_naming_the_roles(start):
    run = start("--no-profile", "--role", "kepala", lines=[], tty=False)
    assert run.exit_code == 2
    assert "peran: pelaksana, fungsional, struktural" in run.stderr


def test_interleaved_questions_name_the_pillar_but_not_the_indicator(start):
    run = start("--no-profile", lines=["4"], tty=False)
    assert "Pilar 1 dari 3: Memimpin diri sendiri" in run.screen
    assert "> Disiplin" not in run.screen


def test_interleaved_order_takes_one_item_of_each_indicator_in_turn():
    order = questions_of(BANK)
    first_pillar = BANK.pillars[0]
    head = [q.indicator.id for q in order[: len(first_pillar.indicators)]]
    assert head == [indicator.id for indicator in first_pillar.indicators]
    assert order == questions_of(BANK)  # the same for everyone
    assert sorted(q.item.id for q in order) == sorted(BANK.items)


def test_a_session_on_the_previous_bank_version_resumes_on_that_version(start, home, bank_v1):
    (home / "progress").mkdir(parents=True)
    first = next(iter(bank_v1.items))
    old = Progress(
        bank_id=BANK.id,
        bank_version="1.0.0",
        language="id",
        started_at="2026-01-01T00:00:00Z",
        position=1,
        answers={first: 4},
    )
    (home / "progress" / f"{BANK.id}.json").write_text(old.model_dump_json(), "utf-8")
    v1_order = [q.item for q in questions_of(bank_v1)]
    typed = [answer_for(item, index) for index, item in enumerate(v1_order[1:])]
    run = start("--no-profile", "--resume", lines=typed, tty=False)
    assert run.exit_code == 0, run.stderr
    [result] = run.results()
    assert result["bank_version"] == "1.0.0"
    assert result["answers"][first] == 4


# --- the end of start: files, history, change since the last result, --no-save --------------


def typed_answers(shift: int = 0) -> list[str]:
    typed = [answer_for(item, index) for index, item in enumerate(ASKED)]
    return [str(min(int(t) + shift, 5)) if t.isdigit() else t for t in typed]


def test_the_end_says_where_the_files_are_and_how_to_open_the_html(start, home):
    run = start("--no-profile", "--lang", "en", lines=typed_answers(), tty=False)
    assert run.exit_code == 0, run.stderr
    [saved] = (home / "results").glob("*.json")
    html = saved.with_suffix(".html")
    assert f"Result saved to {saved}" in run.stderr
    assert f"HTML report: {html}" in run.stderr
    assert f"Open it with: xdg-open {html}" in run.stderr or "Open it with: open " in run.stderr
    assert "<svg" in html.read_text("utf-8")
    assert (home / "history.db").exists()
    assert "▲▼" not in run.stdout  # nothing earlier to compare with


def test_the_summary_shows_the_change_since_the_last_result_of_the_bank(start, home):
    first = start("--no-profile", "--lang", "en", lines=typed_answers(), tty=False)
    second = start("--no-profile", "--lang", "en", lines=typed_answers(shift=1), tty=False)
    assert first.exit_code == second.exit_code == 0
    before, after = second.results()
    change = after["overall"]["score"] - before["overall"]["score"]
    assert change > 0
    overall = next(line for line in second.stdout.splitlines() if line.startswith("Overall score"))
    assert overall.rstrip().endswith(f"▲ +{format_score(change, 'en')}")
    for number, (old, new) in enumerate(
        zip(before["pillars"], after["pillars"], strict=True), start=1
    ):
        delta = new["score"] - old["score"]
        line = next(line for line in second.stdout.splitlines() if line.startswith(f"{number} "))
        arrow = "▲" if delta >= 0.05 else "▼" if delta <= -0.05 else "="
        assert arrow in line
    assert "▲▼ Change since the previous result" in second.stdout


def test_no_save_keeps_nothing_and_says_so_at_the_start(start, home, tmp_path):
    output = tmp_path / "hasil.md"
    run = start("--no-profile", "--no-save", "-o", str(output), lines=typed_answers(), tty=False)
    assert run.exit_code == 0, run.stderr
    opening = run.screen[: run.screen.index("Pertanyaan 1 dari")]
    assert "Sesi ini tidak menyimpan apa pun (--no-save)" in opening
    words = " ".join(re.sub(r"[│╭╮╰╯─]", " ", opening).split())  # the panel's text, unwrapped
    assert "q keluar (tidak ada yang disimpan: --no-save)" in words
    assert "simpan dan keluar" not in words
    assert "Tidak ada yang disimpan (--no-save)." in run.stderr
    assert not home.exists() or list(home.rglob("*")) == []
    assert output.read_text("utf-8").startswith("# Profesionalisme ASN")
    stopped = start("--no-profile", "--no-save", lines=["4", "q"], tty=False)
    assert stopped.exit_code == 0
    assert "tidak ada yang disimpan" in stopped.stderr
    assert not home.exists() or list(home.rglob("*")) == []


def test_a_bad_output_name_is_refused_before_the_first_question(start, home):
    run = start("--no-profile", "-o", "hasil.xlsx", lines=["4"], tty=False)
    assert run.exit_code == 2
    assert "bukan format laporan" in run.stderr
    assert "Jawaban (" not in run.screen and not home.exists()


def test_a_locked_history_warns_and_keeps_the_result(start, home):
    import sqlite3

    import asn_assess.store.history as history_module

    first = start("--no-profile", "--lang", "en", lines=typed_answers(), tty=False)
    assert first.exit_code == 0
    blocker = sqlite3.connect(home / "history.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(history_module, "LOCK_TIMEOUT", 0.05)
            run = start("--no-profile", "--lang", "en", lines=typed_answers(shift=1), tty=False)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert run.exit_code == 0, run.stderr
    assert "warning: " in run.stderr and "locked by another program" in run.stderr
    assert len(run.results()) == 2  # the result file is kept
    listed = CliRunner().invoke(
        app, ["history", "list", "--json"], env={"ASN_ASSESS_HOME": str(home)}
    )
    assert len(json.loads(listed.stdout)) == 2  # and joins the history when it next opens


def test_long_reports_go_through_the_pager_at_a_terminal_only(start, home, tmp_path, monkeypatch):
    import asn_assess.cli.outputs as outputs

    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"tee {paged}")
    monkeypatch.setattr(outputs, "stdout_is_terminal", lambda: True)
    run = start("--no-profile", "--lang", "en", lines=typed_answers(), tty=False)
    assert run.exit_code == 0
    assert "Development plan" in paged.read_text("utf-8")
    paged.unlink()
    start("--no-profile", "--no-pager", lines=typed_answers(), tty=False)
    assert not paged.exists()
    monkeypatch.setattr(outputs, "stdout_is_terminal", lambda: False)
    start("--no-profile", lines=typed_answers(), tty=False)
    assert not paged.exists()


# --- rating someone else: start --about NAME --as GROUP -------------------------------------------


def rater_questions(group: str, role=None) -> list:
    return [q.item for q in questions_of(BANK, role, group)]


def test_a_rater_answers_the_observer_wordings_and_leaves_a_sheet_without_their_name(
    start, home, tmp_path
):
    asked = rater_questions("rekan")
    typed = [str(1 + index % 5) for index in range(len(asked))]
    typed[3] = "n"
    output = tmp_path / "penilaian-budi.json"
    run = start(
        "--about", " Budi  Santoso ", "--as", "Rekan kerja", "--lang", "en", "-o", str(output),
        lines=typed, tty=False,
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert "You are rating Budi Santoso as Peer" in run.screen
    assert "Your name is not recorded" in run.screen
    assert f"Question {len(asked)} of {len(asked)}" in run.screen
    assert "Name:" not in run.screen  # no profile unless asked for with --profile
    assert "n  Cannot judge / not applicable" in run.screen
    screen = " ".join(run.screen.split())
    for item in asked:  # the observer wording, never the person's own
        assert " ".join(item.observer_text["en"].split()) in screen
        assert " ".join(item.text["en"].split()) not in screen
    assert run.stdout == ""  # no report: HR reports once every rater has answered
    [saved] = (home / "ratings").glob("*.json")
    assert saved.read_text("utf-8") == output.read_text("utf-8")
    assert f"Rating saved to {saved}" in run.stderr and "not you" in run.stderr
    sheet = json.loads(output.read_text("utf-8"))
    assert (sheet["target"], sheet["rater_group"], sheet["respondent"]) == (
        "Budi Santoso", "rekan", None,
    )  # fmt: skip
    assert sheet["answers"][asked[3].id] == "na"
    assert list(sheet["answers"]) == [i for i in BANK.items if i in sheet["answers"]]
    assert run.results() == [] and not (home / "history.db").exists()
    assert run.progress() is None and list((home / "progress").iterdir()) == []
    report = CliRunner().invoke(app, ["multirater", str(output), "--format", "json"])
    assert report.exit_code == 0, report.stderr
    [person] = json.loads(report.stdout)["targets"]
    assert person["target"] == "Budi Santoso" and person["raters"]["rekan"]["sheets"] == 1


def test_a_rating_session_is_kept_apart_from_ones_own_and_resumes(start, home):
    asked = rater_questions("bawahan", "struktural")
    args = ("--about", "196801011990031001", "--as", "bawahan", "--role", "struktural")
    first = start(*args, lines=["4", "5", "q"], tty=False)
    assert first.exit_code == 0
    assert "--about 196801011990031001 --as bawahan --resume" in first.stderr
    own = start("--no-profile", lines=["3", "q"], tty=False)  # one's own session: separate
    assert own.exit_code == 0
    assert "Ada sesi yang belum selesai" not in own.screen
    resumed = start(*args, "--resume", lines=["3"] * (len(asked) - 2), tty=False)
    assert resumed.exit_code == 0, resumed.stderr
    [saved] = (home / "ratings").glob("*.json")
    sheet = json.loads(saved.read_text("utf-8"))
    assert sheet["role"] == "struktural" and sheet["rater_group"] == "bawahan"
    assert [sheet["answers"][item.id] for item in asked[:3]] == [4, 5, 3]
    assert len(sheet["answers"]) == len(asked)
    assert (home / "progress" / f"{BANK.id}.json").exists()  # one's own, still waiting


def test_without_saving_or_output_the_rating_goes_to_standard_output(start, home):
    asked = rater_questions("atasan")
    run = start(
        "--about", "Sari", "--as", "atasan", "--no-save", lines=["5"] * len(asked), tty=False
    )
    assert run.exit_code == 0, run.stderr
    sheet = json.loads(run.stdout)
    assert (sheet["target"], sheet["rater_group"]) == ("Sari", "atasan")
    assert not home.exists() or list(home.rglob("*.json")) == []


def test_the_role_of_the_person_rated_is_asked_at_a_terminal(start):
    run = start("--about", "Sari", "--as", "rekan", lines=["", "1", "q"])
    assert "Peran orang yang Anda nilai" in run.screen
    assert "Pilih nomor peran orang yang Anda nilai" in run.screen
    assert run.exit_code == 0


def test_rating_oneself_in_a_round_keeps_the_usual_session_and_names_the_target(start, home):
    run = start(
        "--no-profile", "--about", "19860926 201505 1 001", "--as", "self", "--lang", "en",
        lines=typed_answers(), tty=False,
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert "Overall score" in run.stdout
    [result] = run.results()
    assert (result["target"], result["rater_group"]) == ("198609262015051001", "self")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--about", "Budi"], "--about memerlukan --as KELOMPOK"),
        (["--as", "rekan"], "--as rekan memerlukan --about NAMA|NIP"),
        (["--about", "Budi", "--as", "teman"], "--as 'teman': bukan kelompok penilai"),
        (["--about", "  ", "--as", "rekan"], "--about: sebutkan nama, NIP atau id"),
        (
            ["--about", "Budi", "--as", "rekan", "-o", "x.html"],
            "penilaian disimpan sebagai lembar jawaban JSON",
        ),
    ],
)
def test_rating_options_that_do_not_fit_are_usage_errors(start, args, message):
    """In the interface language: Bahasa Indonesia unless $ASN_ASSESS_LANG says otherwise."""
    run = start(*args, lines=[], tty=False)
    assert run.exit_code == 2
    assert message in run.stderr


# --- traps at the start ---------------------------------------------------------------------


def test_piped_answers_with_a_session_waiting_stop_and_say_how_to_go_on(start):
    start("--no-profile", lines=["4", "5"], tty=False)
    piped = typed_answers()
    run = start("--no-profile", lines=piped, tty=False)
    assert run.exit_code == 2
    assert "--resume" in run.stderr and "--new" in run.stderr
    assert "2 dari" in run.stderr  # how far the waiting session got
    assert list(run.progress()["answers"].values()) == [4, 5]  # untouched
    resumed = start("--no-profile", "--resume", lines=piped[2:], tty=False)
    assert resumed.exit_code == 0, resumed.stderr
    assert "Skor keseluruhan" in resumed.stdout


def test_resume_with_nothing_waiting_says_so_and_starts(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", "--resume", lines=["", "4", "2", "d"])
    assert run.exit_code == 0, run.stderr
    assert "Tidak ada sesi yang belum selesai untuk dilanjutkan" in run.screen
    assert len(run.results()) == 1


def test_a_session_without_answers_is_not_offered(start, starter_bank):
    quit_early = start("--bank", str(starter_bank), "--no-profile", lines=["", "q"])
    assert quit_early.exit_code == 0
    assert quit_early.progress() is None or quit_early.progress()["answers"] == {}
    again = start("--bank", str(starter_bank), "--no-profile", lines=["", "4", "2", "d"])
    assert again.exit_code == 0, again.stderr
    assert "Lanjutkan sesi itu" not in again.screen
    assert list((again.home / "progress").glob("*.old.json")) == []


def test_only_the_newest_set_aside_sessions_are_kept(start, home):
    from asn_assess.store import SET_ASIDE_KEPT

    for answer in range(SET_ASIDE_KEPT + 3):
        run = start("--no-profile", "--new", lines=[str(1 + answer % 5)], tty=False)
        assert run.exit_code == 130
    kept = sorted((home / "progress").glob("*.old.json"))
    assert len(kept) == SET_ASIDE_KEPT
    first_answers = [list(json.loads(p.read_text("utf-8"))["answers"].values()) for p in kept]
    # set aside: every run's session but the last, which is the waiting one; the oldest
    # ones went first
    everything = [[1 + answer % 5] for answer in range(SET_ASIDE_KEPT + 2)]
    assert sorted(first_answers) == sorted(everything[-SET_ASIDE_KEPT:])


def test_ctrl_c_starts_a_fresh_line_and_keeps_the_resume_command_whole(start, starter_bank):
    run = start("--bank", str(starter_bank), "--no-profile", lines=["", "3", CTRL_C])
    assert run.exit_code == 130
    lines = run.stderr.splitlines()
    assert lines[0] == ""  # after the terminal's ^C
    assert "Lanjutkan dengan: asn-assess start --resume" in lines


@pytest.mark.parametrize("typed", ["S", "N", "SS", "sts"])
def test_label_abbreviations_are_not_answers_at_the_prompt(typed):
    questionnaire = Questionnaire(BANK, fresh_progress())
    outcome = questionnaire.handle(typed)
    # "s" and "n" are the keys skip and not applicable; the rest are asked again
    expected = {"s": Outcome.SKIPPED, "n": Outcome.ANSWERED}.get(typed.casefold(), Outcome.INVALID)
    assert outcome is expected
    if typed.casefold() == "n":
        assert questionnaire.progress.answers[ASKED[0].id] == "na"


def test_labels_written_out_are_answers_at_the_prompt():
    questionnaire = Questionnaire(BANK, fresh_progress())
    scale = BANK.scale_of(ASKED[0])
    label = scale.points[-1].label["id"]
    assert questionnaire.handle(f"  {label.upper()} ") is Outcome.ANSWERED
    assert questionnaire.progress.answers[ASKED[0].id] == scale.points[-1].value


def test_numpy_waits_until_after_the_last_answer(tmp_path):
    """The first question appears sooner without numpy and pyarrow: a session that ends
    before its last answer never imports them (a fresh interpreter, not this one)."""
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "sys.argv = ['asn-assess', 'start', '--no-profile']\n"
        "sys.stdin = io.StringIO('4\\n')\n"
        "from asn_assess.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'pyarrow') if m in sys.modules), file=sys.__stdout__)\n"
    )
    env = {"ASN_ASSESS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "COVERAGE_PROCESS_START": ""}
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert ran.stdout.strip().splitlines()[-1] == "[]", ran.stdout + ran.stderr
