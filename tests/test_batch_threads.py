"""Reading ahead and writing behind in batch runs: failures reach the caller, nothing is
written after a failure, and outputs do not depend on the threads' timing."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asn_assess.batch.outputs import WriterThread
from asn_assess.batch.reading import ReadAhead
from asn_assess.cli import app

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})


class Results:
    """A results writer that fails on a chosen block."""

    def __init__(self, fail_at: int = -1):
        self.fail_at = fail_at
        self.written: list[Any] = []
        self.closed = False
        self.release = threading.Event()

    def write(self, block: Any) -> None:
        if len(self.written) == self.fail_at:
            self.written.append("failed")
            raise OSError("disk full")
        self.written.append(block)

    def close(self) -> None:
        self.closed = True


def test_a_write_failure_is_raised_in_the_caller_and_stops_the_writing():
    results = Results(fail_at=1)
    writer = WriterThread(results)  # type: ignore[arg-type]
    writer.write("a")  # type: ignore[arg-type]
    writer.write("b")  # type: ignore[arg-type]
    with pytest.raises(OSError, match="disk full"):
        for block in "cdefghij":  # raised by a later write, or else by close
            writer.write(block)  # type: ignore[arg-type]
        writer.close()
    writer.discard()
    assert results.written == ["a", "failed"]
    assert not results.closed


def test_close_writes_every_queued_block_in_order():
    results = Results()
    writer = WriterThread(results)  # type: ignore[arg-type]
    for block in range(50):
        writer.write(block)  # type: ignore[arg-type]
    writer.close()
    assert results.written == list(range(50)) and results.closed


def test_discard_writes_nothing_more():
    results = Results()
    writer = WriterThread(results)  # type: ignore[arg-type]
    writer.discard()  # before anything: no thread to stop
    assert results.written == [] and not results.closed


class Reader:
    """A pyarrow-like reader: blocks, then an error or the end."""

    def __init__(self, blocks: int, error: BaseException | None = None):
        self.left = blocks
        self.error = error
        self.malformed: list[Any] = []

    def read_next_batch(self) -> Any:
        if self.left == 0:
            if self.error is not None:
                raise self.error
            raise StopIteration
        self.left -= 1
        self.malformed.append(f"bad {self.left}")  # as the invalid-row handler would
        return self.left


def test_read_ahead_hands_over_blocks_with_their_malformed_records_then_the_error():
    reader = Reader(5, ValueError("cannot be read"))
    ahead = ReadAhead(reader, reader.malformed)
    got = [ahead.next() for _ in range(5)]
    assert got == [(n, [f"bad {n}"]) for n in (4, 3, 2, 1, 0)]
    with pytest.raises(ValueError, match="cannot be read"):
        ahead.next()
    with pytest.raises(StopIteration):  # the end stays the end
        ahead.next()
    ahead.close()


def test_read_ahead_closed_early_stops_its_thread():
    reader = Reader(10_000)
    ahead = ReadAhead(reader, reader.malformed)
    ahead.next()
    ahead.close()
    assert reader.left > 0  # it did not read on to the end


@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_many_blocks_come_out_in_input_order(tmp_path: Path, output_format: str, bundled_bank):
    """Small blocks (so that both threads have work queued) keep their order."""
    from unittest import mock

    import asn_assess.batch.reading as reading

    answers = [
        item.options[0].id if item.is_situational else "3" for item in bundled_bank.items.values()
    ]
    lines = [",".join(["respondent_id", *bundled_bank.items])]
    lines += [",".join([f"R{n:05d}", *answers]) for n in range(3000)]
    source = tmp_path / "in.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"out.{output_format}"
    with mock.patch.object(reading, "BLOCK_BYTES", 4096):
        result = runner.invoke(app, ["batch", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    found = [int(part.split('"')[0]) for part in text.split('"R')[1:]]
    assert found == list(range(3000))
