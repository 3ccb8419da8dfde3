"""The one output policy (docs/reliability.md): what every command does to the file it
is told to write, and what it must never destroy.

Regular files are replaced atomically and keep their mode; FIFOs, devices and `-` are
written through; a symlink's target is replaced, the link kept; an output that is an
input, the key, the mapping or another output is refused before anything is read.
Signals and a full disk leave old files whole and no temporary file behind.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Optional

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank
from asn_assess.interactive.questionnaire import questions_of

BANK = resolve_bank()
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
WAIT = 30  # seconds a subprocess may take to reach a state; never a pass/fail measure


def run(*args: str, input: Optional[str] = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def answers_table(path: Path, rows: int = 3, unit: str = "Dinas A") -> Path:
    items = list(BANK.items)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", "unit", *items])
        for number in range(1, rows + 1):
            answers = [
                "a" if BANK.items[i].is_situational else str(1 + (number + k) % 5)
                for k, i in enumerate(items)
            ]
            writer.writerow([f"R{number:05d}", unit, *answers])
    return path


def sheet_file(path: Path) -> Path:
    answers = {i: ("a" if item.is_situational else 4) for i, item in BANK.items.items()}
    path.write_text(
        json.dumps({"bank_id": BANK.id, "bank_version": BANK.version, "answers": answers}),
        encoding="utf-8",
    )
    return path


def is_results_csv(text: str) -> bool:
    """Whether ``text`` is a results table (the writer may quote its header)."""
    header = next(csv.reader(text.splitlines()), [])
    return header[:3] == ["source", "row", "respondent_id"]


def leftovers(folder: Path) -> list[str]:
    """Hidden temporary or backup files of this tool left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".asn-assess-" in p.name)


def subprocess_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        {"ASN_ASSESS_LANG": "en", "ASN_ASSESS_HOME": str(tmp_path / "home"), "NO_COLOR": "1"}
    )
    environment.update(extra)
    return environment


def asn_assess(*args: str) -> list[str]:
    return [sys.executable, "-m", "asn_assess", *args]


# --- regular files: atomic replace, modes ------------------------------------------------------


def test_replacing_an_output_keeps_its_mode(tmp_path):
    source = answers_table(tmp_path / "in.csv")
    out = tmp_path / "hasil.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o644)
    result = run("batch", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert is_results_csv(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("command", ["batch", "score", "start"])
def test_a_new_file_of_personal_data_is_readable_by_its_owner_only(tmp_path, command):
    out = tmp_path / ("hasil.csv" if command == "batch" else "hasil.json")
    if command == "batch":
        args = ["batch", str(answers_table(tmp_path / "in.csv")), "-o", str(out)]
        result = run(*args)
    elif command == "score":
        result = run("score", str(sheet_file(tmp_path / "s.json")), "--json", "-o", str(out))
    else:
        answers = "\n".join("a" if q.item.is_situational else "4" for q in questions_of(BANK))
        result = run(
            "start", "--no-profile", "--data-dir", str(tmp_path / "home"), "-o", str(out),
            input=answers + "\n",
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_template_is_created_with_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        result = run("bank", "template", "-o", str(tmp_path / "bank.toml"))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "bank.toml").stat().st_mode) == 0o644


# --- symlinks, FIFOs, devices, stdout ---------------------------------------------------------


def test_a_symlink_output_stays_a_link_and_its_target_is_replaced(tmp_path):
    source = answers_table(tmp_path / "in.csv")
    real = tmp_path / "data" / "hasil-2024.csv"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "hasil.csv"
    link.symlink_to(real)
    result = run("batch", str(source), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert is_results_csv(real.read_text(encoding="utf-8"))
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_a_dangling_symlink_output_creates_its_target(tmp_path):
    source = answers_table(tmp_path / "in.csv")
    link = tmp_path / "hasil.csv"
    link.symlink_to(tmp_path / "nanti.csv")
    result = run("batch", str(source), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert is_results_csv((tmp_path / "nanti.csv").read_text(encoding="utf-8"))


def test_a_fifo_output_is_written_through_and_stays_a_fifo(tmp_path):
    source = answers_table(tmp_path / "in.csv")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: dict[str, bytes] = {}

    def read_fifo() -> None:
        with open(fifo, "rb") as stream:
            received["data"] = stream.read()

    reader = threading.Thread(target=read_fifo)
    reader.start()
    result = run("batch", str(source), "-o", str(fifo))
    reader.join(WAIT)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received["data"].decode("utf-8").count("\n") == 4  # header and 3 rows
    assert leftovers(tmp_path) == []


def test_a_character_device_output_stays_a_device(tmp_path):
    """As root, `-o /dev/null` once became a regular file; a private null device made
    here stands in for /dev/null (the test is skipped where devices cannot be made)."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    source = answers_table(tmp_path / "in.csv")
    for extra in ([], ["--errors", str(null)]):
        result = run("batch", str(source), "-o", str(null), *extra)
        assert result.exit_code == 0, result.stderr
        assert stat.S_ISCHR(null.lstat().st_mode)
    # score -o takes its format from the name: a device named like a JSON file.
    json_null = tmp_path / "null.json"
    os.mknod(json_null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = run("score", str(sheet_file(tmp_path / "s.json")), "-o", str(json_null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(json_null.lstat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("dash", ["-", None])
def test_dash_or_no_output_writes_to_stdout(tmp_path, dash, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = answers_table(tmp_path / "in.csv")
    result = run("batch", str(source), *(["-o", dash] if dash else []))
    assert result.exit_code == 0, result.stderr
    assert is_results_csv(result.stdout)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("where", ["folder", "block device"])
def test_an_output_that_is_a_folder_or_a_disk_is_refused_before_reading(tmp_path, where):
    source = answers_table(tmp_path / "in.csv")
    target = tmp_path / "target"
    if where == "folder":
        target.mkdir()
    else:
        try:
            os.mknod(target, stat.S_IFBLK | 0o600, os.makedev(7, 200))
        except (PermissionError, OSError) as error:
            pytest.skip(f"cannot make a device node here: {error}")
    out = tmp_path / "hasil.csv"
    out.write_text("old results\n", encoding="utf-8")
    result = run("batch", str(source), "-o", str(out), "--errors", str(target))
    assert result.exit_code == 2
    assert str(target) in result.stderr
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert leftovers(tmp_path) == []


# --- never overwrite an input, the key, the mapping, another output ---------------------


KEY = "5f4dcc3b5aa765d61d8327deb882cf99\n"


def collision_cases(tmp_path: Path) -> dict[str, tuple[list[str], Path]]:
    """Arguments of a run whose output would destroy another file, and that file."""
    source = answers_table(tmp_path / "jawaban.csv")
    key = tmp_path / "kunci.txt"
    key.write_text(KEY, encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns]\n"x" = "disiplin-01"\n', encoding="utf-8")
    errors = tmp_path / "h.csv"
    errors.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    sheet = sheet_file(tmp_path / "sheet.json")
    bank = tmp_path / "bank.toml"
    bank.write_text((Path(BANK_PATH)).read_text(encoding="utf-8"), encoding="utf-8")
    batch = ["batch", str(source)]
    return {
        "input": ([*batch, "-o", str(source)], source),
        "input through a symlink": ([*batch, "-o", str(link)], source),
        "key file": (
            [*batch, "-o", str(key), "--pseudonymize", "--key-file", str(key)],
            key,
        ),
        "mapping": ([*batch, "-o", str(mapping), "--mapping", str(mapping)], mapping),
        "errors = output": ([*batch, "-o", str(errors), "--errors", str(errors)], errors),
        "summary = output": (
            [*batch, "-o", str(errors), "--summary-by", "unit", "--summary-output", str(errors)],
            errors,
        ),
        "bank file": ([*batch, "--bank", str(bank), "-o", str(bank)], bank),
        "score": (["score", str(sheet), "-o", str(sheet)], sheet),
        "template over its bank": (
            ["template", "batch", "--bank", str(bank), "-o", str(bank), "--force"],
            bank,
        ),
    }


BANK_PATH = Path(__file__).resolve().parents[1] / "questions" / "asn-profesional.toml"


@pytest.mark.parametrize(
    "case",
    [
        "input",
        "input through a symlink",
        "key file",
        "mapping",
        "errors = output",
        "summary = output",
        "bank file",
        "score",
        "template over its bank",
    ],
)
def test_an_output_that_is_another_file_of_the_run_is_refused(tmp_path, case):
    args, victim = collision_cases(tmp_path)[case]
    before = victim.read_bytes()
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1, result.stderr
    assert victim.name in error_lines[0]
    assert victim.read_bytes() == before
    assert COUNTS_LINE_START not in result.stderr  # refused before reading anything
    assert leftovers(tmp_path) == []


COUNTS_LINE_START = "read "


def test_start_refuses_to_write_its_result_over_the_bank(tmp_path):
    bank = tmp_path / "bank.toml"
    bank.write_text(BANK_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    before = bank.read_bytes()
    result = run(
        "start", "--bank", str(bank), "--no-profile", "--data-dir", str(tmp_path / "home"),
        "-o", str(bank), input="4\n",
    )  # fmt: skip
    assert result.exit_code == 2
    assert bank.read_bytes() == before
    assert not (tmp_path / "home" / "progress").exists()  # refused before the session


# --- together or not at all -----------------------------------------------------------------


def test_outputs_appear_together_only_after_every_file_is_complete(tmp_path, monkeypatch):
    """By the first rename, every temporary file is whole and flushed to disk, so the
    renames that follow are the only moment the outputs differ in age."""
    import asn_assess.core.files as files

    source = answers_table(tmp_path / "in.csv")
    targets = {name: tmp_path / name for name in ("hasil.csv", "ditolak.jsonl", "ring.csv")}
    synced: set[int] = set()
    real_fsync, real_replace = os.fsync, os.replace
    seen: list[tuple[str, list[str]]] = []

    def fsync(fd: int) -> None:
        synced.add(os.fstat(fd).st_ino)
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        pending = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        seen.append((Path(dst).name, [p.name for p in pending if p.stat().st_ino not in synced]))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "fsync", fsync)
    monkeypatch.setattr(files.os, "replace", replace)
    result = run(
        "batch", str(source), "-o", str(targets["hasil.csv"]),
        "--errors", str(targets["ditolak.jsonl"]),
        "--summary-by", "unit", "--summary-output", str(targets["ring.csv"]),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(name for name, _ in seen) == sorted(targets)
    assert all(unsynced == [] for _, unsynced in seen), seen
    assert leftovers(tmp_path) == []


def test_a_failed_rename_puts_back_the_outputs_already_replaced(tmp_path, monkeypatch):
    import asn_assess.core.files as files

    source = answers_table(tmp_path / "in.csv")
    out, errors = tmp_path / "hasil.csv", tmp_path / "ditolak.jsonl"
    out.write_text("old results\n", encoding="utf-8")
    errors.write_text("old errors\n", encoding="utf-8")
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "ditolak.jsonl" and str(src).endswith(".tmp"):
            raise PermissionError(1, "Operation not permitted", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    result = run("batch", str(source), "-o", str(out), "--errors", str(errors))
    assert result.exit_code == 1
    assert "ditolak.jsonl" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert errors.read_text(encoding="utf-8") == "old errors\n"
    assert leftovers(tmp_path) == []


# --- stale temporary files ------------------------------------------------------------------


def dead_pid() -> int:
    """A process id that belongs to no running process."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_next_run_removes_temporary_files_of_a_killed_run_only(tmp_path):
    source = answers_table(tmp_path / "in.csv")
    stale = tmp_path / f".hasil.csv.asn-assess-{dead_pid()}-1.tmp"
    stale.write_text("R00001,personal data\n", encoding="utf-8")
    live = tmp_path / f".other.csv.asn-assess-{os.getpid()}-1.tmp"
    live.write_text("being written by a live process\n", encoding="utf-8")
    someone_elses = tmp_path / ".hasil.csv.tmp"
    someone_elses.write_text("not ours\n", encoding="utf-8")
    result = run("batch", str(source), "-o", str(tmp_path / "hasil.csv"))
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()
    assert live.exists() and someone_elses.exists()


def test_start_removes_its_own_stale_progress_temporary(tmp_path):
    progress = tmp_path / "home" / "progress"
    progress.mkdir(parents=True)
    stale = progress / f".{BANK.id}.json.asn-assess-{dead_pid()}-3.tmp"
    stale.write_text("{}", encoding="utf-8")
    result = run("start", "--no-profile", "--data-dir", str(tmp_path / "home"), input="q\n")
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()


# --- signals --------------------------------------------------------------------------------


def run_until_writing(tmp_path: Path, sig: int) -> tuple[int, str]:
    """`batch - -o hasil.csv --errors e.jsonl` fed half its input through a pipe; once it
    is reading (rejected rows of that half reached the errors file's temporary file),
    send ``sig``. Returns the exit code and stderr."""
    out = tmp_path / "hasil.csv"
    out.write_text("old results\n", encoding="utf-8")
    source = answers_table(tmp_path / "in.csv", rows=5)
    header, *rows = source.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = [row.replace(",", ",x", 3) for row in rows] * 40  # rejected rows come first
    data = "".join([header, *bad, *rows * 800]).encode("utf-8")  # several blocks
    process = subprocess.Popen(
        # --duplicates all: rows stream as they come (a duplicates policy reads the
        # whole input once before any row is scored).
        asn_assess(
            "batch",
            "-",
            "-o",
            str(out),
            "--errors",
            str(tmp_path / "e.jsonl"),
            "--duplicates",
            "all",
        ),  # fmt: skip
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(tmp_path),
    )
    assert process.stdin is not None
    process.stdin.write(data[:-4096])  # the reader parses a block once the next has come
    process.stdin.flush()
    deadline = time.monotonic() + WAIT
    while not [p for p in tmp_path.glob(".e.jsonl.*.tmp") if p.stat().st_size > 0]:
        assert time.monotonic() < deadline, "the run never started writing"
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.02)
    process.send_signal(sig)
    try:
        _, stderr = process.communicate(timeout=WAIT)
    except BrokenPipeError:
        stderr = process.stderr.read() if process.stderr else b""
        process.wait(WAIT)
    return process.returncode, stderr.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_a_signal_discards_the_run_and_leaves_the_old_output(tmp_path, sig, code):
    returncode, stderr = run_until_writing(tmp_path, sig)
    assert returncode == code, stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "hasil.csv").read_text(encoding="utf-8") == "old results\n"
    assert not (tmp_path / "e.jsonl").exists()
    assert leftovers(tmp_path) == []
    assert "no output written" in stderr


# --- a full disk ----------------------------------------------------------------------------


def limit_file_size(size: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


FILE_LIMIT = 64 * 1024


def unmeasured_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a process under a file size limit: without coverage
    measurement, whose data file could not be written past the limit either."""
    return {
        name: value
        for name, value in subprocess_env(tmp_path).items()
        if not name.startswith(("COV_", "COVERAGE_"))
    }


def run_limited(tmp_path: Path, args: list[str], stdout: Any = None, limit: int = FILE_LIMIT):
    return subprocess.run(
        asn_assess(*args),
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=unmeasured_env(tmp_path),
        preexec_fn=limit_file_size(limit),
        timeout=120,
    )


def assert_one_error_line(stderr: bytes, name: str) -> None:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    errors = [line for line in text.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, text
    assert name in errors[0], text


def test_a_full_disk_during_batch_leaves_the_old_output_whole(tmp_path):
    source = answers_table(tmp_path / "in.csv", rows=400)
    out = tmp_path / "hasil.csv"
    out.write_text("old results\n", encoding="utf-8")
    finished = run_limited(tmp_path, ["batch", str(source), "-o", str(out)])
    assert finished.returncode == 1, finished.stderr
    assert_one_error_line(finished.stderr, "hasil.csv")
    assert out.read_text(encoding="utf-8") == "old results\n"
    assert leftovers(tmp_path) == []


def test_a_full_disk_on_stdout_is_one_line(tmp_path):
    source = answers_table(tmp_path / "in.csv", rows=400)
    with (tmp_path / "stdout.csv").open("wb") as stdout:
        finished = run_limited(tmp_path, ["batch", str(source)], stdout=stdout)
    assert finished.returncode == 1, finished.stderr
    assert_one_error_line(finished.stderr, "stdout")


def test_a_full_disk_during_score_output_leaves_the_old_file_whole(tmp_path):
    out = tmp_path / "hasil.json"
    out.write_text("old\n", encoding="utf-8")
    finished = run_limited(  # the result is about 20 KB
        tmp_path,
        ["score", str(sheet_file(tmp_path / "s.json")), "--json", "-o", str(out)],
        stdout=subprocess.DEVNULL,
        limit=1024,
    )
    assert finished.returncode == 1, finished.stderr
    assert_one_error_line(finished.stderr, "hasil.json")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_full_disk_during_start_is_one_line_and_keeps_the_progress(tmp_path):
    home = tmp_path / "home"
    answers = "\n".join("a" if q.item.is_situational else "4" for q in questions_of(BANK))
    first = subprocess.run(
        asn_assess("start", "--no-profile", "--data-dir", str(home)),
        input=b"4\n4\nq\n",
        capture_output=True,
        env=subprocess_env(tmp_path),
        timeout=120,
    )
    assert first.returncode == 0, first.stderr
    progress = home / "progress" / f"{BANK.id}.json"
    before = progress.read_bytes()
    finished = subprocess.run(
        asn_assess("start", "--resume", "--no-profile", "--data-dir", str(home)),
        input=(answers + "\n").encode(),
        capture_output=True,
        env=unmeasured_env(tmp_path),
        preexec_fn=limit_file_size(256),
        timeout=120,
    )
    assert finished.returncode == 1, finished.stderr
    assert_one_error_line(finished.stderr, "progress")
    assert progress.read_bytes() == before
    assert leftovers(progress.parent) == []
