"""Kill `asn-assess batch` with SIGKILL while it commits its outputs, and count what the
folder holds afterwards: before and after the next run's recovery (core/commit_journal.py).

    python tools/kill_test.py [--kills 100] [--rows 2000] [--mode commit|random] [--seed 1]

Each kill runs `asn-assess batch IN.csv -o results.csv --errors errors.jsonl
--summary-by unit --summary-output summary.csv` over files that hold "old", then sends
SIGKILL:

- ``commit`` (default): the moment the first output is renamed into place, as seen by
  this process polling it in a tight loop; the kill lands in or just after the commit's
  renames, the worst time for a set of outputs;
- ``random``: at a moment drawn evenly from the length of an unkilled run.

The folder is then classified: every output old, every output new, or mixed (some old,
some new: a new results file beside an old errors file). Then the recovery any later
run in that folder does first (``temporaries.sweep_once``) is run, and the folder is
classified again; leftover temporary or journal files are counted too. Prints the
counts; exit status 1 if any folder is still mixed after recovery.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from asn_assess.core.bank import resolve_bank
from asn_assess.core.temporaries import sweep_once

OUTPUTS = {"-o": "results.csv", "--errors": "errors.jsonl", "--summary-output": "summary.csv"}


def write_table(path: Path, rows: int, seed: int) -> None:
    bank = resolve_bank()
    rng = random.Random(seed)
    items = list(bank.items)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", "unit", *items])
        for number in range(rows):
            answers = [
                rng.choice("abcde") if bank.items[i].is_situational else str(rng.randint(1, 5))
                for i in items
            ]
            writer.writerow([f"R{number}", f"Unit {number % 7}", *answers])
        writer.writerow(["BAD", "Unit 0", *["9"] * len(items)])  # something for --errors


def command(table: Path, folder: Path) -> list[str]:
    args = [sys.executable, "-m", "asn_assess", "batch", str(table), "--summary-by", "unit"]
    for option, name in OUTPUTS.items():
        args += [option, str(folder / name)]
    return args


def state(folder: Path) -> str:
    found = {
        path.read_bytes().startswith(b"old") for path in (folder / n for n in OUTPUTS.values())
    }
    return "mixed" if len(found) == 2 else ("old" if found == {True} else "new")


def leftovers(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.name.startswith(".") and "asn-assess" in p.name)


def kill_at_commit(child: subprocess.Popen[bytes], results: Path) -> None:
    """SIGKILL the moment ``results`` stops being the old file."""
    before = os.stat(results).st_ino
    while child.poll() is None:
        try:
            if os.stat(results).st_ino != before:
                break
        except FileNotFoundError:
            continue
    child.send_signal(signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--mode", choices=["commit", "random"], default="commit")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    environment = {**os.environ, "ASN_ASSESS_LANG": "en"}
    work = Path(tempfile.mkdtemp(prefix="asn-assess-kill-"))
    try:
        table = work / "in.csv"
        write_table(table, args.rows, args.seed)
        folder = work / "out"
        folder.mkdir()
        started = time.perf_counter()
        subprocess.run(command(table, folder), env=environment, capture_output=True, check=True)
        duration = time.perf_counter() - started
        print(f"one run unkilled: {duration:.2f} s ({args.rows} rows); mode {args.mode}")
        before: Counter[str] = Counter()
        after: Counter[str] = Counter()
        left = exits = 0
        for number in range(args.kills):
            folder = work / f"out{number}"
            folder.mkdir()
            for name in OUTPUTS.values():
                (folder / name).write_text("old\n", encoding="utf-8")
            child = subprocess.Popen(
                command(table, folder),
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if args.mode == "commit":
                kill_at_commit(child, folder / OUTPUTS["-o"])
            else:
                time.sleep(rng.uniform(0, duration))
                child.send_signal(signal.SIGKILL)
            child.wait()
            exits += child.returncode == -signal.SIGKILL
            before[state(folder)] += 1
            sweep_once(folder)  # what the next run writing in the folder does first
            after[state(folder)] += 1
            left += leftovers(folder)
        print(f"kills: {args.kills} (ended by SIGKILL: {exits}; the others had finished)")
        print("before recovery: " + ", ".join(f"{k} {before[k]}" for k in ("old", "new", "mixed")))
        print("after recovery:  " + ", ".join(f"{k} {after[k]}" for k in ("old", "new", "mixed")))
        print(f"temporary or journal files left after recovery: {left}")
        sys.exit(1 if after["mixed"] or left else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
