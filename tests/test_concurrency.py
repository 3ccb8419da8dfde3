"""Two sessions on one data folder, and a damaged progress file (docs/reliability.md):
the second session is told what is happening and what it can do; a progress file that
cannot be read is kept aside and a new session starts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank
from asn_assess.store import UserData

BANK = resolve_bank()
WAIT = 30


def start(home: Path, *args: str, lines: list[str], language: str = "en") -> Any:
    runner = CliRunner(env={"ASN_ASSESS_LANG": language})
    text = "".join(f"{line}\n" for line in lines)
    result = runner.invoke(
        app, ["start", "--no-profile", "--data-dir", str(home), *args], input=text
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def progress_file(home: Path) -> Path:
    return home / "progress" / f"{BANK.id}.json"


# --- one session at a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, words", [("en", "another asn-assess session"), ("id", "sesi asn-assess lain")]
)
def test_a_second_session_on_the_same_folder_is_told_and_changes_nothing(tmp_path, language, words):
    home = tmp_path / "home"
    first = start(home, lines=["4", "q"])
    assert first.exit_code == 0
    before = progress_file(home).read_bytes()
    with UserData(home).session_lock():
        second = start(home, "--resume", lines=["5", "5", "q"], language=language)
    assert second.exit_code == 1
    errors = [line for line in second.stderr.splitlines() if line.startswith(("error:", "galat:"))]
    assert len(errors) == 1, second.stderr
    assert words.lower() in errors[0].lower() and str(os.getpid()) in errors[0]
    assert "--data-dir" in errors[0]
    assert progress_file(home).read_bytes() == before
    after = start(home, "--resume", lines=["5", "q"])  # the lock went with its holder
    assert after.exit_code == 0, after.stderr


def test_two_processes_never_run_a_session_on_one_folder_at_once(tmp_path):
    home = tmp_path / "home"
    environment = dict(os.environ, ASN_ASSESS_LANG="en", ASN_ASSESS_HOME=str(home))
    first = subprocess.Popen(
        [sys.executable, "-m", "asn_assess", "start", "--no-profile"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert first.stdin is not None
    first.stdin.write(b"4\n")  # one answer: a session keeps its progress from then on
    first.stdin.flush()
    try:
        deadline = time.monotonic() + WAIT
        while not progress_file(home).exists():  # the first session is under way
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.05)
        second = subprocess.run(
            [sys.executable, "-m", "asn_assess", "start", "--no-profile", "--new"],
            input=b"5\nq\n",
            capture_output=True,
            env=environment,
            timeout=WAIT,
        )
        assert second.returncode == 1, second.stderr
        assert str(first.pid).encode() in second.stderr
        assert not list((home / "progress").glob("*.old.json"))  # nothing set aside
    finally:
        first.send_signal(signal.SIGTERM)
        _, stderr = first.communicate(timeout=WAIT)
    assert first.returncode == 143, stderr
    assert list(json.loads(progress_file(home).read_text("utf-8"))["answers"].values()) == [4]


# --- a damaged progress file ----------------------------------------------------------------


@pytest.mark.parametrize("how", [[], ["--new"], ["--resume"]])
@pytest.mark.parametrize(
    "damage",
    [b'{"bank_id": ', b"\x00\x00\x00", b'{"bank_id": "asn-profesional"}'],
    ids=["cut-short", "zeros", "missing-keys"],
)
def test_a_damaged_progress_file_is_kept_aside_and_a_new_session_starts(tmp_path, how, damage):
    home = tmp_path / "home"
    progress_file(home).parent.mkdir(parents=True)
    progress_file(home).write_bytes(damage)
    run = start(home, *how, lines=["4", "q"])
    assert run.exit_code == 0, run.stderr
    kept = list((home / "progress").glob("*.damaged.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage
    assert str(kept[0]) in "".join(run.stderr.split())  # the screen may wrap a long path
    assert json.loads(progress_file(home).read_text("utf-8"))["answers"] == {"disiplin-01": 4}
