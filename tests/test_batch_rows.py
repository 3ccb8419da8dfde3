"""A bad row is one rejected row, wherever it is in the file: a row with too many or too
few fields past the first block, a cell too long for the parser, a quote that never
closes, a long quoted note before the rows the delimiter is found from. Every reader
(batch, analyze, multirater) reads tables the same way (docs/batch.md, "Nothing
silently dropped")."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from asn_assess.batch import reading
from asn_assess.batch.api import run_batch
from asn_assess.batch.outputs import CollectingSink
from asn_assess.batch.scanner import record_cap
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank

BANK = resolve_bank()
ITEMS = [item_id for item_id, item in BANK.items.items() if not item.roles][:6]
ALL_ITEMS = list(BANK.items)
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
COUNTS = re.compile(r"read ([\d,]+), scored ([\d,]+) \(incomplete ([\d,]+)\), rejected ([\d,]+)")


def answers(number: int, items: list[str]) -> list[str]:
    return [
        "a" if BANK.items[i].is_situational else str(1 + (number + k) % 5)
        for k, i in enumerate(items)
    ]


def table(rows: int, items: list[str], bad_at: int = 0, bad: str = "", note: str = "baik") -> str:
    """``rows`` respondents R0001...; row ``bad_at`` (from 1) replaced by what ``bad``
    names."""
    lines = [",".join(["respondent_id", "catatan", *items])]
    for number in range(1, rows + 1):
        cells = [f"R{number:04d}", note, *answers(number, items)]
        if number == bad_at:
            if bad == "more":
                cells.append("5")
            elif bad == "fewer":
                cells.pop()
            elif bad == "huge":
                cells[1] = "x" * 3000
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def counts(stderr: str) -> tuple[int, ...]:
    (found,) = [m for m in map(COUNTS.fullmatch, stderr.splitlines()) if m]
    return tuple(int(g.replace(",", "")) for g in found.groups())


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 2 KiB: a few dozen rows each, so a short file crosses many."""
    monkeypatch.setattr(reading, "BLOCK_BYTES", 2048)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.integers(1, 260),
    data=st.data(),
    bad=st.sampled_from(["more", "fewer", "huge"]),
)
def test_one_bad_row_anywhere_is_one_rejected_row(small_blocks, tmp_path, rows, data, bad):
    bad_at = data.draw(st.integers(1, rows), label="bad_at")
    path = tmp_path / "in.csv"
    path.write_text(table(rows, ITEMS, bad_at, bad), encoding="utf-8")
    sink = CollectingSink(BANK)
    report = run_batch([str(path)], BatchSettings(BANK), sink)
    counted = report.counts
    assert counted.read == counted.scored + counted.rejected == rows
    assert counted.rejected == 1
    (error,) = sink.rejected
    assert (error.row, error.line) == (bad_at, bad_at + 1)
    scored = [row["respondent_id"] for row in sink.rows]
    assert scored == [f"R{n:04d}" for n in range(1, rows + 1) if n != bad_at]


@pytest.mark.parametrize("bad", ["more", "fewer"])
@pytest.mark.parametrize("command", ["batch", "analyze", "multirater"])
def test_a_row_of_the_wrong_width_past_the_first_block_is_rejected_by_every_reader(
    tmp_path, command, bad
):
    """At the real block size: row 2,000 lies well past the first block (about row
    1,200 for the bundled bank)."""
    path = tmp_path / "in.csv"
    text = table(3000, ALL_ITEMS, 2000, bad)
    if command == "multirater":  # each row a person's own view of themself
        text = text.replace("respondent_id,", "target_id,", 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / ("out.json" if command == "multirater" else "out.csv")
    args = [command, str(path), "-o", str(out)]
    if command == "multirater":
        args += ["--format", "json"]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "row 2,000" in result.stderr and "the header has" in result.stderr
    if command == "batch":
        assert counts(result.stderr) == (3000, 2999, counts(result.stderr)[2], 1)
    if command == "multirater":
        assert "read 3,000 sheets, targets 2,999" in result.stderr


def test_a_cell_too_long_for_the_parser_rejects_its_row_only(tmp_path):
    lines = table(40, ALL_ITEMS).splitlines()
    lines[30] = lines[30].replace("baik", "y" * 700_000, 1)  # respondent R0030
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = tmp_path / "e.jsonl"
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"),
                 "--errors", str(errors))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr)[::3] == (40, 1)
    (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert (record["row"], record["line"]) == (30, 31)
    cap = record_cap(reading.BLOCK_BYTES) // 1024
    assert f"row too long: 684 KiB, the limit is {cap} KiB per row" in record["reasons"][0]


def test_a_quoted_note_over_the_cap_keeps_the_lines_of_the_rows_after_it(tmp_path):
    note = '"' + "\n".join(f"baris {k} catatan" for k in range(30_000)) + '"'
    lines = table(6, ALL_ITEMS).splitlines()
    lines[2] = lines[2].replace("baik", note, 1)  # R0002
    lines[5] = lines[5] + ",9"  # R0005: one field too many
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = tmp_path / "e.jsonl"
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"),
                 "--errors", str(errors))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(r["row"], r["line"]) for r in records] == [
        (2, 3),
        (5, 30_005),
    ]  # R0002 spans lines 3-30,002


def test_a_long_quoted_note_in_an_early_row_does_not_confuse_the_delimiter(tmp_path):
    note = '"' + "\n".join(f"baris {k}; satu, dua" for k in range(3_000)) + '"'
    lines = table(8, ALL_ITEMS).splitlines()
    lines[2] = lines[2].replace("baik", note, 1)
    (tmp_path / "in.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr)[::3] == (8, 0)


def test_delimiter_detection_leaves_out_a_record_cut_off_by_the_sample():
    head = b'id,catatan,disiplin-01\nR1,baik,5\nR2,"satu; dua; tiga\nempat; lima; enam'
    assert reading.detect_delimiter(head, complete=False) == ","


GOOGLE_HEADER = [
    "Timestamp",
    "Email Address",
    "Nama",
    "NIP",
    "Unit kerja",
    *(BANK.items[i].text["id"] for i in ITEMS if not BANK.items[i].is_situational),
]


def google_row(number: int, unit: str = "Bagian Umum") -> str:
    texts = [
        BANK.scale_of(BANK.items[i]).points[number % 5].label["id"]
        for i in ITEMS
        if not BANK.items[i].is_situational
    ]
    return ",".join(
        [
            f"2024/05/0{number} 9:15:31 AM GMT+7",
            f"pegawai{number}@contoh.go.id",
            f"Pegawai {number}",
            f"'19860926201505100{number}",
            unit,
            *texts,
        ]
    )


def test_a_quote_that_never_closes_stops_the_run_naming_its_line(tmp_path):
    """The trap of a real export: one respondent typed a quote in the unit field. CSV
    rules would read every row after it as part of that field."""
    rows = [",".join(f'"{h}"' if "," in h else h for h in GOOGLE_HEADER)]
    rows += [google_row(n) for n in (1, 2)]
    rows.append(google_row(3, unit='"Bagian Umum'))
    rows += [google_row(n) for n in (4, 5, 6)]
    source = tmp_path / "Formulir ASN (Jawaban).csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "hasil.csv"
    result = run("batch", str(source), "-o", str(out))
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f'error: {source}:4: a quote (") on this line opens a field')
    assert not out.exists()


def test_a_header_whose_quote_never_closes_is_named(tmp_path):
    (tmp_path / "in.csv").write_text('respondent_id,"catatan,disiplin-01\nR1,a,5\n')
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'in.csv'}:1: a quote" in result.stderr


def test_a_quote_inside_an_unquoted_cell_is_a_character(tmp_path):
    """`Ukuran 5"` opens no quoted field, as CSV readers have it: nothing is joined,
    nothing is reported."""
    text = table(300, ALL_ITEMS, note='layar 5" rusak')
    (tmp_path / "in.csv").write_text(text, encoding="utf-8")
    result = run("batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.stderr
    assert counts(result.stderr)[::3] == (300, 0)
    assert "quoted field" not in result.stderr
