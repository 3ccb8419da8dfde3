"""Duplicate submissions (docs/batch.md, "Duplicate submissions"): one person's rows
after the first are found before any row is scored, and all but one are set aside by
the policy, counted apart, recorded one each and left out of summaries."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.batch.api import run_batch
from asn_assess.batch.outputs import CollectingSink
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import load_bank

REPO = Path(__file__).resolve().parents[1]
CONTOH = REPO / "docs" / "examples" / "contoh.toml"
BANK = load_bank(CONTOH)
ITEMS = [item.id for item in BANK.items.values() if not item.is_situational]
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
COUNTS = re.compile(
    r"read ([\d,]+), scored ([\d,]+) \(incomplete ([\d,]+)\), rejected ([\d,]+)(?:, set aside ([\d,]+))?"
)


def run(*args: str, input: bytes | str | None = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def counts(stderr: str) -> tuple[int, ...]:
    (found,) = [m for m in map(COUNTS.fullmatch, stderr.splitlines()) if m]
    return tuple(int((g or "0").replace(",", "")) for g in found.groups())


def table(path: Path, rows: list[list[str]], header: list[str]) -> Path:
    """``rows`` of the header's profile columns, each followed by answers to ITEMS (the
    row's position in ``rows`` as every answer, 1-5, so rows are told apart)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([*header, *ITEMS])
    for number, row in enumerate(rows):
        writer.writerow([*row, *[str(1 + number % 5)] * len(ITEMS)])
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def scored(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [(r["row"], r["respondent_id"], r["unit"] if "unit" in r else "")
                for r in csv.DictReader(stream)]  # fmt: skip


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


GOOGLE = ["Timestamp", "Email Address", "NIP", "Unit kerja"]
PEOPLE = [
    ["2024/05/02 9:15:31 AM GMT+7", "budi@contoh.go.id", "198609262015051001", "Umum"],
    ["2024/05/02 9:20:02 AM GMT+7", "ani@contoh.go.id", "198701012010012002", "Umum"],
    # Budi again, his NIP with spaces, and a day later.
    ["2024/05/03 8:00:00 AM GMT+7", "budi@contoh.go.id", "19860926 201505 1 001", "Umum"],
    # Ani again: further down the file, but sent before her first row (an edited sheet).
    ["2024/05/01 7:00:00 AM GMT+7", "ani@contoh.go.id", "198701012010012002", "Umum"],
    ["2024/05/02 9:10:00 AM GMT+7", "citra@contoh.go.id", "198801012012012003", "Keuangan"],
]


def test_the_latest_submission_by_the_timestamp_is_scored_and_the_rest_set_aside(tmp_path):
    source = table(tmp_path / "in.csv", PEOPLE, GOOGLE)
    out, errors = tmp_path / "o.csv", tmp_path / "e.jsonl"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(out),
                 "--errors", str(errors))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (5, 3, 0, 0, 2)
    assert [(row, who) for row, who, _ in scored(out)] == [
        ("2", "198701012010012002"),  # Ani's earlier-sent row 4 is set aside
        ("3", "19860926 201505 1 001"),
        ("5", "198801012012012003"),
    ]
    aside = records(errors)
    assert [(r["row"], r["status"]) for r in aside] == [(1, "set aside"), (4, "set aside")]
    assert "latest one is scored" in aside[0]["reasons"][0] and "row 3" in aside[0]["reasons"][0]
    assert "row 2" in aside[1]["reasons"][0]
    assert "2 person(s) sent more than once; 2 duplicate submission(s) set aside (the latest " \
        "by the 'Timestamp' column is scored)" in result.stderr  # fmt: skip


def test_without_a_timestamp_the_last_row_is_scored(tmp_path):
    rows = [["R1", "a"], ["R2", "b"], ["r1", "c"], ["R1", "d"]]  # ids keep their case
    source = table(tmp_path / "in.csv", rows, ["respondent_id", "unit"])
    out = tmp_path / "o.csv"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (4, 3, 0, 0, 1)
    assert [row for row, _, _ in scored(out)] == ["2", "3", "4"]
    assert "the one furthest down the file is scored" in result.stderr


@pytest.mark.parametrize(
    ("policy", "expected_rows", "expected_counts", "exit_code"),
    [
        ("first", ["1", "2", "5"], (5, 3, 0, 0, 2), 0),
        ("all", ["1", "2", "3", "4", "5"], (5, 5, 0, 0, 0), 0),
        ("reject", ["5"], (5, 1, 0, 4, 0), 0),
    ],
)
def test_the_policy_decides_which_rows_are_scored(
    tmp_path, policy, expected_rows, expected_counts, exit_code
):
    source = table(tmp_path / "in.csv", PEOPLE, GOOGLE)
    out, errors = tmp_path / "o.csv", tmp_path / "e.jsonl"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(out),
                 "--errors", str(errors), "--duplicates", policy)  # fmt: skip
    assert result.exit_code == exit_code, result.stderr
    assert counts(result.stderr) == expected_counts
    assert [row for row, _, _ in scored(out)] == expected_rows
    if policy == "reject":
        assert {r["status"] for r in records(errors)} == {"rejected"}
        assert "--duplicates reject none is scored" in records(errors)[0]["reasons"][0]
        strict = run("batch", str(source), "--bank", str(CONTOH), "-o", str(out),
                     "--duplicates", "reject", "--strict")  # fmt: skip
        assert strict.exit_code == 1


def test_an_unknown_policy_is_a_usage_error(tmp_path):
    source = table(tmp_path / "in.csv", PEOPLE, GOOGLE)
    result = run("batch", str(source), "--bank", str(CONTOH), "--duplicates", "newest")
    assert result.exit_code == 2
    assert "choose latest, first, all or reject" in result.stderr


def test_duplicates_are_found_across_inputs_and_from_standard_input(tmp_path):
    first = table(tmp_path / "a.csv", PEOPLE[:2], GOOGLE)
    second = table(tmp_path / "b.csv", PEOPLE[2:], GOOGLE)
    out = tmp_path / "o.csv"
    result = run("batch", str(first), "-", "--bank", str(CONTOH), "-o", str(out),
                 input=second.read_bytes())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (5, 3, 0, 0, 2)
    with out.open(encoding="utf-8", newline="") as stream:
        kept = [(r["source"], r["row"]) for r in csv.DictReader(stream)]
    assert kept == [(str(first), "2"), ("<stdin>", "1"), ("<stdin>", "3")]


def test_summaries_count_each_person_once(tmp_path):
    rows = [["R1", "Umum"], ["R1", "Umum"], ["R1", "Umum"], ["R2", "Umum"]]
    source = table(tmp_path / "in.csv", rows, ["respondent_id", "unit"])
    summary = tmp_path / "s.csv"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"),
                 "--summary-by", "unit", "--summary-output", str(summary),
                 "--min-group", "1")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with summary.open(encoding="utf-8", newline="") as stream:
        groups = {row["group"]: row for row in csv.DictReader(stream)}
    assert groups["Umum"]["n"] == "2"


def test_rows_without_an_id_are_never_duplicates(tmp_path):
    rows = [["", "a"], ["", "b"], ["Anonymous", "c"], ["anonymous", "d"]]
    source = table(tmp_path / "in.csv", rows, ["respondent_id", "unit"])
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (4, 4, 0, 0, 0)


def test_a_rater_who_rates_several_people_is_no_duplicate(tmp_path, bundled_bank):
    items = [i.id for i in bundled_bank.items.values() if i.observer_text and not i.roles][:3]
    lines = ["rater_id,target_id,rater_group," + ",".join(items)]
    lines += ["P1,198609262015051001,rekan,4,4,4", "P1,198701012010012002,rekan,3,3,3",
              "P1,198609262015051001,rekan,5,5,5"]  # fmt: skip
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "--id-column", "rater_id",
                 "-o", str(tmp_path / "o.csv"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr)[::4] == (3, 1)  # the third row repeats the first


def test_ids_that_are_names_are_warned_about(tmp_path):
    rows = [["Budi Santoso", "a"], ["budi  santoso", "b"]]
    source = table(tmp_path / "in.csv", rows, ["Nama", "unit"])
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (2, 1, 0, 0, 1)
    assert "two people can share a name" in result.stderr


def test_undecided_day_and_month_fall_back_to_the_order_of_the_rows(tmp_path):
    """05/02 could be 5 February or 2 May: with nothing in the column to tell, the row
    further down is the latest. A day above 12 elsewhere in the column tells."""
    rows = [["05/02/2024 10:00:00", "R1"], ["02/01/2024 09:00:00", "R1"]]
    source = table(tmp_path / "in.csv", rows, ["Timestamp", "respondent_id"])
    out = tmp_path / "o.csv"
    result = run("batch", str(source), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert [row for row, _, _ in scored(out)] == ["2"]
    rows.append(["25/01/2024 09:00:00", "R2"])  # day first: 05/02 is the 5th of February
    source = table(tmp_path / "in.csv", rows, ["Timestamp", "respondent_id"])
    run("batch", str(source), "--bank", str(CONTOH), "-o", str(out))
    assert [row for row, _, _ in scored(out)] == ["1", "3"]


def test_the_library_reports_duplicates_in_its_counts(tmp_path):
    """An agency report reads inputs through run_batch: its counts hold the rows set
    aside, and read = scored + rejected + set aside."""
    source = table(tmp_path / "in.csv", PEOPLE, GOOGLE)
    sink = CollectingSink(BANK)
    report = run_batch([str(source)], BatchSettings(BANK, duplicates="latest"), sink)
    found = report.counts
    assert (found.read, found.scored, found.rejected, found.set_aside) == (5, 3, 0, 2)
    assert found.read == found.scored + found.rejected + found.set_aside
    assert found.duplicates is not None and found.duplicates.people == 2
    assert [error.set_aside for error in sink.rejected] == [True, True]
    plain = run_batch([str(source)], BatchSettings(BANK), CollectingSink(BANK))
    assert plain.counts.set_aside == 0 and plain.counts.scored == 5  # the default: "all"


def test_a_workbook_input_is_read_twice_with_the_same_row_numbers(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Completion time", "Email", *ITEMS])
    book.active.append([])  # an empty row, passed over
    for when, email, answer in [("2024-05-02T09:00:00", "a@x.go.id", 4),
                                ("2024-05-03T09:00:00", "a@x.go.id", 2),
                                ("2024-05-02T09:30:00", "b@x.go.id", 3)]:  # fmt: skip
        book.active.append([when, email, *[answer] * len(ITEMS)])
    book.save(tmp_path / "in.xlsx")
    out = tmp_path / "o.csv"
    result = run("batch", str(tmp_path / "in.xlsx"), "--bank", str(CONTOH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (3, 2, 0, 0, 1)
    assert [row for row, _, _ in scored(out)] == ["4", "5"]


def test_a_signal_while_duplicates_are_looked_for_in_a_pipe_writes_nothing(tmp_path):
    """Finding duplicates reads all of standard input before any row is scored; an
    interrupt while it waits for more input ends the run as any interrupt does."""
    import signal
    import subprocess
    import sys
    import time

    from test_outputs import WAIT, subprocess_env

    source = table(tmp_path / "in.csv", PEOPLE * 600, GOOGLE)  # more than a pipe holds
    out = tmp_path / "hasil.csv"
    out.write_text("old results\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "asn_assess", "batch", "-", "--bank", str(CONTOH), "-o", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(tmp_path),
    )
    assert process.stdin is not None
    # Returns once the run has read most of it (it is reading, its handlers set); the
    # pipe stays open.
    process.stdin.write(source.read_bytes())
    process.stdin.flush()
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=WAIT)
    assert process.returncode == 130, stderr
    assert out.read_text(encoding="utf-8") == "old results\n"
