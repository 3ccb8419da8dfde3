"""A pyarrow string array seen through numpy: where each cell's bytes start and end.

The checks that run on every block of a batch (``identities``, the duplicate keys of
``duplicates``) look at a whole column at once this way, as ``cells`` does for
answers, and read only the few cells they pick as Python text. A batch run that reads
CSV never needs pyarrow's compute functions then, which cost a run about 10 MB of
memory the first time they are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from asn_assess.batch.arrow import pyarrow

SPACES = np.array([ord(c) for c in " \t\n\r"], dtype=np.uint8)


@dataclass(frozen=True)
class Cells:
    """A column of text: each cell's first and last-plus-one byte in ``data``."""

    starts: Any
    ends: Any
    data: Any

    @classmethod
    def of(cls, values: Any) -> Cells:
        """The cells of a pyarrow string array, a list of texts, or None (nulls and
        None count as empty)."""
        pa = pyarrow()
        if not isinstance(values, pa.Array):
            values = pa.array(
                [value if value is not None else "" for value in values], type=pa.string()
            )
        size = len(values)
        offsets = np.frombuffer(values.buffers()[1], dtype=np.int32)[
            values.offset : values.offset + size + 1
        ].astype(np.int64)
        data_buffer = values.buffers()[2]
        data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else None
        starts, ends = offsets[:-1], offsets[1:].copy()
        if values.null_count:
            bitmap = np.frombuffer(values.buffers()[0], dtype=np.uint8)
            valid = np.unpackbits(bitmap, bitorder="little")[values.offset : values.offset + size]
            ends[valid == 0] = starts[valid == 0]
        if data is None:
            data = np.zeros(0, dtype=np.uint8)
        return cls(starts, ends, data)

    @property
    def lengths(self) -> Any:
        """Each cell's length in bytes."""
        return self.ends - self.starts

    def holding(self, wanted: Any) -> Any:
        """Whether each cell holds one of the bytes ``wanted`` (a numpy uint8 array)."""
        found = np.zeros(self.starts.size, dtype=bool)
        if not self.data.size:
            return found
        hits = np.isin(self.data, wanted).astype(np.int64)
        before = np.concatenate(([0], np.cumsum(hits)))
        return (before[self.ends] - before[self.starts]) > 0

    def counting(self, wanted: Any) -> Any:
        """How many of the bytes ``wanted`` each cell holds."""
        if not self.data.size:
            return np.zeros(self.starts.size, dtype=np.int64)
        hits = np.isin(self.data, wanted).astype(np.int64)
        before = np.concatenate(([0], np.cumsum(hits)))
        return before[self.ends] - before[self.starts]

    def first_bytes(self) -> Any:
        """Each cell's first byte (0 for an empty cell)."""
        first = np.zeros(self.starts.size, dtype=np.uint8)
        filled = self.ends > self.starts
        first[filled] = self.data[self.starts[filled]]
        return first

    def last_bytes(self, count: int) -> Any:
        """Each cell's last ``count`` bytes (rows × count; 0 where the cell is shorter)."""
        last = np.zeros((self.starts.size, count), dtype=np.uint8)
        for back in range(1, count + 1):
            long_enough = self.ends - back >= self.starts
            last[long_enough, count - back] = self.data[self.ends[long_enough] - back]
        return last

    def is_ascii(self) -> bool:
        """Whether every byte is ASCII."""
        return not self.data.size or int(self.data.max()) < 128
