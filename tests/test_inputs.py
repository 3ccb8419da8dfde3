"""Nothing in an input is dropped silently: long headers, stray quotes, rows too
incomplete for an overall score, files that are not UTF-8 (docs/reliability.md)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Optional

import pytest
from typer.testing import CliRunner

from asn_assess.batch.api import run_batch
from asn_assess.batch.outputs import CollectingSink
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank
from asn_assess.core.errors import AssessError

BANK = resolve_bank()
ITEMS = list(BANK.items)
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
COUNTS = re.compile(r"read (\d+), scored (\d+) \(incomplete (\d+)\), rejected (\d+)")


def run(*args: str, input: Optional[str] = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def counts(stderr: str) -> tuple[int, int, int, int]:
    found = [COUNTS.fullmatch(line) for line in stderr.splitlines()]
    matches = [m for m in found if m]
    assert len(matches) == 1, f"expected one counts line in:\n{stderr}"
    read, scored, incomplete, rejected = (int(g) for g in matches[0].groups())
    return read, scored, incomplete, rejected


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


def all_answers(number: int) -> list[str]:
    return [
        "a" if BANK.items[item].is_situational else str(1 + (number + k) % 5)
        for k, item in enumerate(ITEMS)
    ]


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# --- a header longer than the first look at the file ------------------------------------------


def test_a_header_longer_than_64_kib_loses_no_column(tmp_path):
    notes = [f"Catatan {n:02d} " + "panjang " * 320 for n in range(30)]  # about 77 KB
    header = ["respondent_id", *notes, *ITEMS]
    assert len(",".join(header[: 1 + len(notes)]).encode()) > 64 * 1024
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for number in range(1, 7):
            writer.writerow([f"R{number}", *[""] * len(notes), *all_answers(number)])
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (6, 6, 0, 0)
    rows = read_rows(tmp_path / "out.csv")
    assert {row["answered_items"] for row in rows} == {str(len(ITEMS))}
    unused = [line for line in warnings(result.stderr) if "not used" in line]
    assert len(unused) == 1 and "30 column(s)" in unused[0], result.stderr


def test_a_header_that_never_ends_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "in.csv").write_bytes(b'respondent_id,"' + b"x" * (1 << 20))
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    assert str(tmp_path / "in.csv") in result.stderr
    assert not (tmp_path / "out.csv").exists()


# --- stray quotes ---------------------------------------------------------------------------


def stray_quote_table(path: Path) -> Path:
    """200 respondents; R010's note opens a quote that R150's note closes."""
    lines = [",".join(["respondent_id", "catatan", *ITEMS])]
    for number in range(1, 201):
        note = "baik"
        if number == 10:
            note = '"belum selesai'
        elif number == 150:
            note = 'ok"'
        lines.append(",".join([f"R{number:03d}", note, *all_answers(number)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_rows_a_stray_quote_joined_are_each_rejected_and_counted(tmp_path):
    """R010's note opens a quote that R150's note closes: CSV rules read lines 11-151 as
    one record, which would score R010 with R150's answers. That record is rejected, and
    so is every row it swallowed, so the counts add up to the file's 200 rows."""
    source = stray_quote_table(tmp_path / "in.csv")
    errors = tmp_path / "e.jsonl"
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"), "--errors", str(errors))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (200, 59, 0, 141)
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert len(records) == 141
    first = records[0]
    assert (first["row"], first["line"]) == (10, 11)
    assert "stray quote" in first["reasons"][0] and "joined 141 rows" in first["reasons"][0]
    assert [r["line"] for r in records[1:]] == list(range(12, 152))
    assert all(r["row"] is None and "joined into row 10" in r["reasons"][0] for r in records[1:])
    scored = {row["respondent_id"] for row in read_rows(tmp_path / "out.csv")}
    assert "R010" not in scored and "R009" in scored and "R151" in scored
    strict = run("batch", str(source), "-o", str(tmp_path / "out.csv"), "--strict")
    assert strict.exit_code == 1, strict.stderr


def test_a_long_quoted_note_without_rows_in_it_is_warned_about_naming_its_line(tmp_path):
    lines = [",".join(["respondent_id", "catatan", *ITEMS])]
    for number in range(1, 21):
        note = "baik"
        if number == 5:
            note = '"' + "\n".join(f"baris {k} dari catatan panjang" for k in range(12)) + '"'
        lines.append(",".join([f"R{number:03d}", note, *all_answers(number)]))
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (20, 20, 0, 0)
    quoted = [line for line in warnings(result.stderr) if "quoted field" in line]
    assert quoted and f"{tmp_path / 'in.csv'}: line 6:" in quoted[0], result.stderr
    assert "12 lines" in quoted[0]


def test_quoted_line_breaks_in_ordinary_notes_raise_no_warning(tmp_path):
    lines = [",".join(["respondent_id", "catatan", *ITEMS])]
    for number in range(1, 30):
        lines.append(",".join([f"R{number}", '"baris satu\nbaris dua"', *all_answers(number)]))
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert not [line for line in warnings(result.stderr) if "quoted field" in line], result.stderr


def test_rows_after_a_multi_line_field_are_named_by_their_line(tmp_path):
    """A rejected row's message names the line it starts on, counting the line breaks
    inside quoted fields before it."""
    (tmp_path / "in.csv").write_text(
        'respondent_id,catatan,disiplin-01\nR1,"satu\ndua\ntiga",5\nR2,x,5,6\n',
        encoding="utf-8",
    )
    result = run(
        "batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
        "--errors", str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert (record["row"], record["line"]) == (2, 5)


def test_blank_lines_are_no_rows_but_count_as_lines(tmp_path):
    (tmp_path / "in.csv").write_text(
        "respondent_id,disiplin-01\r\n\r\nR1,5\r\n\r\n\r\nR2,9\r\n\r\n",
        encoding="utf-8",
    )
    result = run(
        "batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
        "--errors", str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (2, 1, 1, 1)
    (record,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert (record["row"], record["line"], record["respondent_id"]) == (2, 6, "R2")


@pytest.mark.parametrize(
    "header",
    [
        '\ufeffrespondent_id,Ukuran 5",disiplin-01',  # a second byte order mark, a lone quote
        "respondent_id,disiplin-01,disiplin-01",  # a repeated header
    ],
)
def test_odd_headers_are_read_by_position(tmp_path, header):
    (tmp_path / "in.csv").write_text(f"\ufeff{header}\nR1,x,4\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code == 0:
        assert counts(result.stderr)[0] == 1


# --- rows too incomplete for an overall score -------------------------------------------------


def test_rows_without_an_overall_score_are_counted_apart_and_warned_about(tmp_path):
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent_id", *ITEMS])
        writer.writerow(["R1", *all_answers(1)])
        writer.writerow(["R2", "4", *[""] * (len(ITEMS) - 1)])  # one answer: no overall
        writer.writerow(["R3", *all_answers(3)])
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (3, 3, 1, 0)
    incomplete = [line for line in warnings(result.stderr) if "overall" in line]
    assert len(incomplete) == 1 and " 1 " in incomplete[0], result.stderr
    rows = read_rows(tmp_path / "out.csv")
    assert [row["overall_score"] == "" for row in rows] == [False, True, False]


def test_strict_does_not_fail_a_run_for_incomplete_rows(tmp_path):
    with (tmp_path / "in.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["respondent_id", "disiplin-01"], ["R1", "4"]])
    result = run("batch", str(tmp_path / "in.csv"), "--strict", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (1, 1, 1, 0)


# --- encodings ------------------------------------------------------------------------------


def excel_table(path: Path, encoding: str, delimiter: str = ",", rows: int = 40) -> Path:
    """What Excel on Windows saves: CRLF, a unit name and notes with letters outside
    ASCII (é, ’, “ ”) in the file's own encoding."""
    lines = [delimiter.join(["respondent_id", "unit", "catatan", *ITEMS])]
    note = "sudah \u201cbaik\u201d, kata pimpinan" if delimiter != "," else "sudah baik"
    unit = "Dinas Pariwisata & Caf\u00e9"
    patterns = [delimiter.join([unit, note, *all_answers(n)]) for n in range(5)]
    for number in range(1, rows + 1):
        lines.append(f"R{number}{delimiter}{patterns[number % 5]}")
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    if encoding == "utf-16":
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    path.write_bytes(data)
    return path


def test_a_cp1252_file_is_one_error_naming_the_line_and_the_likely_encoding(tmp_path):
    source = excel_table(tmp_path / "excel.csv", "cp1252")
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert f"{source}:2:" in errors[0]  # the first line holding a byte that is not UTF-8
    assert "cp1252" in errors[0] and "--encoding" in errors[0]
    assert not (tmp_path / "out.csv").exists()


def test_a_cp1252_file_never_aborts_the_process(tmp_path):
    """An abort in pyarrow's reader thread (exit 134, "terminate called without an
    active exception") came in about 1 run in 30; each run here must exit 1."""
    source = excel_table(tmp_path / "excel.csv", "cp1252", rows=3000)
    environment = dict(os.environ, ASN_ASSESS_LANG="en")
    for _ in range(4):
        finished = subprocess.run(
            [sys.executable, "-m", "asn_assess", "batch", str(source), "-o", str(tmp_path / "o")],
            capture_output=True,
            env=environment,
            timeout=120,
        )
        assert finished.returncode == 1, finished.stderr
        assert b"terminate" not in finished.stderr


def test_with_its_encoding_named_a_cp1252_file_is_read(tmp_path):
    source = excel_table(tmp_path / "excel.csv", "cp1252")
    result = run(
        "batch", str(source), "--encoding", "cp1252", "-o", str(tmp_path / "out.csv"),
        "--summary-by", "unit", "--summary-output", str(tmp_path / "sum.csv"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (40, 40, 0, 0)
    summary = read_rows(tmp_path / "sum.csv")
    assert summary[0]["group"] == "Dinas Pariwisata & Caf\u00e9"


def test_a_utf16_file_with_its_byte_order_mark_is_read_without_options(tmp_path):
    """Excel's "Unicode Text": UTF-16 with a byte order mark, tab-separated."""
    source = excel_table(tmp_path / "unicode.txt", "utf-16", delimiter="\t")
    result = run(
        "batch", str(source), "-o", str(tmp_path / "out.csv"), "--id-column", "respondent_id"
    )
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr) == (40, 40, 0, 0)
    assert read_rows(tmp_path / "out.csv")[0]["respondent_id"] == "R1"


def test_a_byte_that_is_not_utf8_far_into_the_file_names_its_line(tmp_path):
    lines = [",".join(["respondent_id", "catatan", *ITEMS])]
    lines += [",".join([f"R{n}", "baik", *all_answers(n)]) for n in range(1, 3001)]
    data = bytearray(("\n".join(lines) + "\n").encode("utf-8"))
    marker = data.index(b"R2500,baik") + len(b"R2500,")
    data[marker : marker + 4] = b"b\xe9ik"
    (tmp_path / "in.csv").write_bytes(bytes(data))
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'in.csv'}:2501:" in result.stderr, result.stderr


def test_an_unknown_encoding_is_a_usage_error(tmp_path):
    source = excel_table(tmp_path / "excel.csv", "utf-8")
    result = run("batch", str(source), "--encoding", "klingon", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 2
    assert "klingon" in result.stderr
    assert not (tmp_path / "o.csv").exists()


def sheet(answers: dict[str, Any], name: str = "Caf\u00e9") -> dict[str, Any]:
    return {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "respondent": {"name": name},
        "answers": answers,
    }


def test_a_json_array_that_is_not_utf8_is_one_error_naming_the_encoding(tmp_path):
    source = tmp_path / "sheets.json"
    source.write_bytes(json.dumps([sheet({"disiplin-01": 4})], ensure_ascii=False).encode("cp1252"))
    result = run("batch", str(source), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cp1252" in errors[0], result.stderr
    named = run("batch", str(source), "--encoding", "cp1252", "-o", str(tmp_path / "out.csv"))
    assert named.exit_code == 0, named.stderr
    assert read_rows(tmp_path / "out.csv")[0]["respondent_id"] == "Caf\u00e9"


def test_a_jsonl_line_that_is_not_utf8_rejects_that_row_only(tmp_path):
    lines = [json.dumps(sheet({"disiplin-01": 4}, name=f"P{n}")).encode() for n in range(3)]
    lines[1] = json.dumps(sheet({"disiplin-01": 4}), ensure_ascii=False).encode("cp1252")
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    result = run(
        "batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.csv"),
        "--errors", str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr)[::3] == (3, 1)
    (record,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert record["line"] == 2 and "UTF-8" in record["reasons"][0]


# --- the reader thread stops with the run ---------------------------------------------------


class CountingInput(io.RawIOBase):
    """A large table handed out in small reads, counting the reads made on other
    threads than the caller's (pyarrow reads ahead on its own thread)."""

    def __init__(self, data: bytes):
        self.data = memoryview(data)
        self.position = 0
        self.reads = 0
        self.caller = threading.get_ident()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self.reads += 1
        size = min(len(buffer), 4096, len(self.data) - self.position)
        buffer[:size] = self.data[self.position : self.position + size]
        self.position += size
        return size


class FailingSink(CollectingSink):
    """Fails on the first block, as a full disk would."""

    def write(self, block: Any) -> None:
        raise AssessError("the disk is full")


def test_no_read_of_the_input_happens_after_a_run_fails(tmp_path):
    patterns = [",".join(all_answers(n)) for n in range(5)]
    lines = [",".join(["respondent_id", *ITEMS])]
    lines += [f"R{n},{patterns[n % 5]}" for n in range(1, 20001)]
    source = CountingInput(("\n".join(lines) + "\n").encode())
    with pytest.raises(AssessError):
        run_batch([("big.csv", source)], BatchSettings(BANK), FailingSink(BANK))
    reads = source.reads
    time.sleep(0.3)  # a reader thread still running would read again meanwhile
    assert source.reads == reads
    assert source.position < len(source.data)  # it stopped early, it did not read all
