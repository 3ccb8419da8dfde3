"""How large an input may be: one place for every cap, listed in docs/reliability.md.

A document read whole (an answer sheet, a result, a bank, a mapping, norms, the
configuration, a progress file) is refused above ``DOCUMENT_BYTES`` before more than
that is read, so `score /dev/zero` stops at once instead of filling the memory. Inputs
read as a stream (batch tables, JSON Lines) keep memory flat whatever their length, and
cap what must be held at once instead: a line of JSON Lines, a table's header, a cell.
"""

from __future__ import annotations

MIB = 1 << 20

DOCUMENT_BYTES = 16 * MIB
"""An answer sheet, a result, a bank, a mapping, norms, the configuration or a progress
file. The bundled bank is about 0.2 MiB, a result of it about 0.05 MiB."""

KEY_FILE_BYTES = 4096
"""A key file for --pseudonymize holds one secret (at least 16 characters)."""

JSON_LINE_BYTES = DOCUMENT_BYTES
"""One line of a JSON Lines input: one answer sheet or result. A longer line rejects
that row; the lines after it are read as usual."""

WHOLE_JSON_BYTES = 64 * MIB
"""A JSON array of answer sheets, or indented documents one after another, are read
whole; above this, write one sheet per line (JSON Lines), which has no limit."""

TABLE_HEADER_BYTES = DOCUMENT_BYTES
"""The header record of a table (with quoted line breaks)."""

TABLE_CELL_BYTES = MIB
"""One cell of a table: no survey answer, id or note comes near it. A row with a
longer cell is rejected (the batch readers apply it)."""

XLSX_PART_BYTES = 64 * MIB
"""A part of an .xlsx workbook that is read whole (its shared strings, styles, the
list of sheets), as the archive declares it; sheets themselves are read row by row."""


def size_text(size: int) -> str:
    """A cap for messages, in units every language writes alike: ``16 MiB``, ``4 KiB``,
    ``100 B``."""
    if size % MIB == 0:
        return f"{size // MIB} MiB"
    if size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} B"
