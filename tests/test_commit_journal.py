"""A batch run's outputs are one set: a SIGKILL between two renames of the commit is
rolled forward by the next run in the folder (core/commit_journal.py), so a new results
file is never left beside an old errors file for good."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from asn_assess.core.bank import resolve_bank
from asn_assess.core.commit_journal import recover_commits, write_journal
from asn_assess.core.temporaries import sweep_once

BANK = resolve_bank()
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and inodes are POSIX")

# Run the CLI in a child that kills itself with SIGKILL right after the n-th rename of
# an output into place: the worst moment a kill can come.
KILLED_AFTER_RENAMES = """
import os, signal, sys
import asn_assess.core.files as files
real, done = os.replace, []
def replace(source, destination):
    real(source, destination)
    if str(source).endswith(".tmp"):
        done.append(destination)
        if len(done) == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
files.os.replace = replace
from asn_assess.cli import app
app(sys.argv[2:], prog_name="asn-assess")
"""


def _table(path: Path, rows: int) -> Path:
    items = [i for i in BANK.items if not BANK.items[i].is_situational][:8]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", "unit", *items])
        for number in range(rows):
            writer.writerow([f"R{number}", "Umum", *[str(1 + number % 5)] * len(items)])
        writer.writerow(["BAD", "Umum", *["9"] * len(items)])  # one row for --errors
    return path


def _outputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    return {
        "-o": folder / "results.csv",
        "--errors": folder / "errors.jsonl",
        "--summary-output": folder / "summary.csv",
    }


def _kill_after(renames: int, table: Path, outputs: dict[str, Path]) -> int:
    args = ["batch", str(table), "--summary-by", "unit"]
    for option, path in outputs.items():
        args += [option, str(path)]
    environment = {**os.environ, "ASN_ASSESS_LANG": "en"}
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_RENAMES, str(renames), *args],
        env=environment,
        capture_output=True,
        text=True,
    )
    return child.returncode


def _states(outputs: dict[str, Path]) -> list[str]:
    return [
        "old" if path.read_text(encoding="utf-8").startswith("old") else "new"
        for path in outputs.values()
    ]


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("renames", [1, 2])
def test_a_kill_between_renames_is_completed_by_the_next_run_in_the_folder(tmp_path, renames):
    table = _table(tmp_path / "in.csv", rows=20)
    outputs = _outputs(tmp_path / "out")
    for path in outputs.values():
        path.write_text("old\n", encoding="utf-8")
    assert _kill_after(renames, table, outputs) == -signal.SIGKILL
    # Killed mid-commit: some outputs new, the others old, and the journal says which.
    assert sorted(_states(outputs)) == sorted(["new"] * renames + ["old"] * (3 - renames))
    assert any(name.endswith(".journal") for name in _hidden(outputs["-o"].parent))
    # Any later run that writes in the folder completes the set first.
    later = subprocess.run(
        [
            sys.executable,
            "-m",
            "asn_assess",
            "template",
            "batch",
            "-o",
            str(tmp_path / "out/t.csv"),
        ],
        env={**os.environ, "ASN_ASSESS_LANG": "en"},
        capture_output=True,
        text=True,
    )
    assert later.returncode == 0, later.stderr
    assert _states(outputs) == ["new", "new", "new"]
    assert _hidden(outputs["-o"].parent) == []
    errors = [json.loads(line) for line in outputs["--errors"].read_text().splitlines()]
    assert [e["respondent_id"] for e in errors] == ["BAD"]


def test_a_destination_changed_after_the_kill_is_left_as_it_is(tmp_path):
    table = _table(tmp_path / "in.csv", rows=5)
    outputs = _outputs(tmp_path / "out")
    for path in outputs.values():
        path.write_text("old\n", encoding="utf-8")
    assert _kill_after(1, table, outputs) == -signal.SIGKILL
    outputs["--errors"].write_text("old, edited by hand since\n", encoding="utf-8")
    recover_commits(outputs["-o"].parent)
    assert outputs["--errors"].read_text() == "old, edited by hand since\n"
    assert outputs["--summary-output"].read_text().startswith("group,")  # untouched: completed
    sweep_once(outputs["-o"].parent)
    assert _hidden(outputs["-o"].parent) == []


def test_a_journal_never_renames_a_file_that_is_not_a_temporary_beside_its_destination(
    tmp_path,
):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = child.pid
    precious, target = tmp_path / "precious.txt", tmp_path / "target.txt"
    precious.write_text("keep me\n")
    target.write_text("old\n")
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    stray = elsewhere / f".target.txt.asn-assess-{dead}-1.tmp"
    stray.write_text("new\n")
    journal = tmp_path / f".asn-assess-commit-{dead}-9.journal"
    journal.write_text(
        json.dumps(
            {
                "journals": [str(journal)],
                "renames": [
                    {"temporary": str(precious), "destination": str(target), "was": None},
                    {"temporary": str(stray), "destination": str(target), "was": None},
                ],
            }
        )
    )
    assert recover_commits(tmp_path) == []
    assert precious.read_text() == "keep me\n" and target.read_text() == "old\n"
    assert stray.exists() and not journal.exists()


def test_a_journal_of_a_running_process_is_left_alone(tmp_path):
    temporary = tmp_path / f".a.asn-assess-{os.getpid()}-1.tmp"
    temporary.write_text("new\n")
    other = tmp_path / f".b.asn-assess-{os.getpid()}-2.tmp"
    other.write_text("new\n")
    journals = write_journal([(temporary, tmp_path / "a"), (other, tmp_path / "b")])
    assert len(journals) == 1 and journals[0].exists()
    assert recover_commits(tmp_path) == []  # this process is alive: its commit goes on
    assert temporary.exists() and journals[0].exists()


def test_one_output_needs_no_journal(tmp_path):
    assert write_journal([(tmp_path / ".x.asn-assess-1-1.tmp", tmp_path / "x")]) == []
