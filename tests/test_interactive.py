"""`asn-assess start` in a real pseudo-terminal (pexpect) and through real pipes: what
only a terminal or a separate process shows (a real tty, Ctrl-C as a signal, exit
codes). The whole flow is tested in-process in tests/test_session.py.

Each test runs the installed module as a person would, with its own data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from asn_assess.core.bank import bundled_bank_dir, load_bank, starter_bank_text
from asn_assess.interactive.questionnaire import questions_of

BANK = load_bank(bundled_bank_dir() / "asn-profesional.toml")
# The items in the order `start` asks them (the bank interleaves its indicators).
ASKED = [question.item for question in questions_of(BANK)]
PROMPT = r"(Jawaban|Pilihan|Answer|Choice) \("
TIMEOUT = 20


def answer_for(item, index: int) -> str:
    """A deterministic, varied answer for the index-th question."""
    if item.is_situational:
        return item.options[index % len(item.options)].id
    return str(1 + index % 5)


def expected_value(item, typed: str):
    return typed if item.is_situational else int(typed)


@pytest.fixture
def env(tmp_path):
    environment = dict(os.environ)
    environment.update(
        {
            "ASN_ASSESS_HOME": str(tmp_path / "home"),
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "LINES": "40",
            "TERM": "xterm",
            "PAGER": "cat",  # the report is paged at a terminal; test_pager_* use less
        }
    )
    return environment


@pytest.fixture
def starter_bank(tmp_path) -> Path:
    path = tmp_path / "starter.toml"
    path.write_text(starter_bank_text(), encoding="utf-8")
    return path


def spawn(env, *args) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "asn_assess", "start", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 80),
    )
    return child


def answer_each(child, answers) -> None:
    """Type each answer at the next question's prompt."""
    for answer in answers:
        child.expect(PROMPT)
        child.sendline(answer)


def saved_results(env) -> list[dict]:
    folder = Path(env["ASN_ASSESS_HOME"]) / "results"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def finish(child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def comparable(result: dict) -> dict:
    """A result without the times at which it was taken, and what depends on them (the
    seconds per question, and the quality flags, which include answering speed), nor the
    id of the session that made it."""
    timed = ("started_at", "finished_at", "durations", "quality", "session_id")
    return {k: v for k, v in result.items() if k not in timed}


def test_back_changes_an_answer_and_skip_leaves_it_out(env, starter_bank):
    child = spawn(env, "--bank", str(starter_bank), "--no-profile", "--lang", "en")
    child.expect("Press Enter to start")
    child.sendline("")
    child.expect("Question 1 of 3")
    child.expect(PROMPT)
    child.sendline("2")
    child.expect("Question 2 of 3")
    child.expect(PROMPT)
    child.sendline("b")
    child.expect("Question 1 of 3")
    child.expect("Saved answer: 2 Rarely")
    child.expect(PROMPT)
    child.sendline("5")
    child.expect("Question 2 of 3")
    child.expect(PROMPT)
    child.sendline("s")
    child.expect("Question 3 of 3")
    child.expect(PROMPT)
    child.sendline("z")  # not an option: asked again with a hint
    child.expect("Type one letter from a to e")
    child.sendline("b")  # on a situational item, b is an option
    child.expect(r"Questions skipped: 1\. Answer them now\? \[y/N\]")
    child.sendline("")  # no: on to the report
    child.expect("Overall score|No overall score")
    assert finish(child) == 0
    [result] = saved_results(env)
    assert result["answers"] == {"disiplin-01": 5, "disiplin-s1": "b"}


def test_ctrl_c_saves_then_resume_finishes(env, starter_bank):
    child = spawn(env, "--bank", str(starter_bank), "--no-profile")
    child.expect("Tekan Enter")
    child.sendline("")
    child.expect(PROMPT)
    child.sendline("3")
    child.expect(PROMPT)
    child.sendintr()
    child.expect("asn-assess start --resume")
    output = child.before or ""
    assert finish(child) == 130
    assert "Traceback" not in output

    child = spawn(env, "--bank", str(starter_bank), "--resume")
    child.expect("Pertanyaan 2 dari 3")
    answer_each(child, ["1", "a"])
    assert finish(child) == 0
    [result] = saved_results(env)
    assert result["answers"] == {"disiplin-01": 3, "disiplin-02": 1, "disiplin-s1": "a"}


def test_piped_answers_match_score(tmp_path, env):
    typed = [answer_for(item, index) for index, item in enumerate(ASKED)]
    typed[5] = "s"  # one skipped
    output = tmp_path / "result.json"
    run = subprocess.run(
        [sys.executable, "-m", "asn_assess", "start", "--no-profile", "--output", str(output)],
        input="\n".join(typed) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "Skor keseluruhan" in run.stdout

    answers = {
        item.id: expected_value(item, value)
        for item, value in zip(ASKED, typed, strict=True)
        if value != "s"
    }
    sheet = tmp_path / "answers.json"
    sheet.write_text(
        json.dumps({"bank_id": BANK.id, "bank_version": BANK.version, "answers": answers}),
        encoding="utf-8",
    )
    scored = subprocess.run(
        [sys.executable, "-m", "asn_assess", "score", str(sheet), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert scored.returncode == 0, scored.stderr
    assert comparable(json.loads(output.read_text(encoding="utf-8"))) == comparable(
        json.loads(scored.stdout)
    )


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_a_long_report_at_a_terminal_is_paged_with_less(tmp_path, env):
    from asn_assess.core.documents import to_json
    from conftest import full_result

    path = tmp_path / "result.json"
    path.write_text(to_json(full_result(BANK)), encoding="utf-8")
    environment = {k: v for k, v in env.items() if k not in ("PAGER", "MANPAGER", "LESS")}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "asn_assess", "report", str(path), "--lang", "en"],
        env=environment,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(24, 80),
    )
    child.expect("Overall score")
    child.expect(r"\r\n:")  # less waits at its prompt: the report is longer than the screen
    assert "Detail per pillar" not in (child.before or "")
    child.send("q")
    assert finish(child) == 0

    plain = pexpect.spawn(
        sys.executable,
        ["-m", "asn_assess", "report", str(path), "--lang", "en", "--no-pager"],
        env=environment,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(24, 80),
    )
    plain.expect("Detail per pillar")  # printed straight through
    assert finish(plain) == 0
