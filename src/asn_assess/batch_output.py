"""Where batch results, error records and summaries are written.

Files are written to a temporary file in the same folder and renamed when the run
completes, so a failed or interrupted run never leaves a half-written output.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, Optional

from asn_assess.batch import ScoredBlock, output_columns, result_row
from asn_assess.files import AtomicFile
from asn_assess.models import Bank


class AtomicOutput:
    """Binary output to ``path`` that appears only on ``commit`` (``files.AtomicFile``);
    standard output when ``path`` is None."""

    def __init__(self, path: Optional[Path]):
        self._file = AtomicFile(path) if path is not None else None
        self.stream: BinaryIO = self._file.stream if self._file else sys.stdout.buffer

    def commit(self) -> None:
        if self._file is None:
            self.stream.flush()
        else:
            self._file.commit()

    def discard(self) -> None:
        if self._file is not None:
            self._file.discard()


def _schema(bank: Bank):
    import pyarrow as pa

    fields = []
    for name in output_columns(bank):
        if name in ("source", "respondent_id") or name.endswith("band"):
            kind = pa.string()
        elif name.endswith("score"):
            kind = pa.float64()
        else:
            kind = pa.int64()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


class CsvResults:
    """Flat CSV, one row per respondent (``output_columns``)."""

    def __init__(self, bank: Bank, output: AtomicOutput):
        self.schema = _schema(bank)
        self.output = output
        self._writer = None

    @property
    def writer(self):
        # Made on first use: a run that fails before scoring anything (a bad header,
        # say) must not have printed a CSV header to stdout already.
        if self._writer is None:
            import pyarrow.csv as pacsv

            self._writer = pacsv.CSVWriter(self.output.stream, self.schema)
        return self._writer

    def write(self, block: ScoredBlock) -> None:
        import pyarrow as pa

        if block.table is not None:
            self.writer.write_table(block.table.cast(self.schema))
        if block.results:
            rows = [result_row(result, source, row, respondent_id)
                    for source, row, respondent_id, result in block.results]
            self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


class JsonlResults:
    """One JSON object per respondent: where it came from and the full result."""

    def __init__(self, output: AtomicOutput, drop_profile: bool):
        self.stream = io.TextIOWrapper(output.stream, encoding="utf-8", newline="\n",
                                       write_through=True)
        self.drop_profile = drop_profile

    def write(self, block: ScoredBlock) -> None:
        for source, row, respondent_id, result in block.results:
            if self.drop_profile:  # pseudonymised runs carry no names or NIPs
                result = result.model_copy(update={"respondent": None})
            self.stream.write(json.dumps({"source": source, "row": row, "respondent_id": respondent_id,
                                          "result": result.model_dump(mode="json")},
                                         ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.flush()
        self.stream.detach()


def write_summary_csv(rows: list[dict[str, Any]], output: AtomicOutput) -> None:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    output.stream.write(text.getvalue().encode("utf-8"))
