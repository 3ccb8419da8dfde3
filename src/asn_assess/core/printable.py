"""Text from data made safe for a terminal, a text report or Markdown.

A name, an id, an answer or a bank text may hold control characters: an escape sequence
(``ESC ] 0 ; title BEL`` retitles a terminal, ``ESC [ 2 J`` clears it, others move the
cursor or rewrite what is on screen), a carriage return that overwrites the start of a
line, a backspace. Whatever people read goes through ``printable`` at the edge where it
is drawn: the consoles (``reports.console``), every interface message (``core.i18n``),
error lines, and the text and Markdown reports. Files of data (JSON, CSV, .xlsx) keep
every value as it was; JSON escapes control characters itself.
"""

from __future__ import annotations

import re

# C0 (U+0000-U+001F) but tab and line feed, DEL, and C1 (U+0080-U+009F, where a CSI or
# an OSC can start on its own in some terminals). ESC is U+001B, part of C0.
_KEPT = {ord("\t"), ord("\n")}
CONTROL_CHARACTERS = frozenset(
    [code for code in range(0x20) if code not in _KEPT] + [0x7F, *range(0x80, 0xA0)]
)
_REMOVED: dict[int, None] = dict.fromkeys(CONTROL_CHARACTERS)


def printable(text: str) -> str:
    """``text`` without control characters (tab and line feed are kept)."""
    return text.translate(_REMOVED)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character ``printable`` removes."""
    return not text.isprintable() and any(ord(character) in _REMOVED for character in text)


# The same characters in UTF-8: C0 and DEL are single bytes, C1 is 0xC2 0x80-0x9F.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


class PrintableBytes:
    """UTF-8 bytes written a piece at a time, made printable on the way (data written
    to standard output when it is a terminal). A C1 character split between two pieces
    is held back until the next one."""

    def __init__(self) -> None:
        self._held = b""

    def feed(self, data: bytes) -> bytes:
        """``data`` (after what was held back) without control characters."""
        data = self._held + data
        self._held = b""
        if data.endswith(b"\xc2"):
            data, self._held = data[:-1], data[-1:]
        return _CONTROL_BYTES.sub(b"", data)

    def end(self) -> bytes:
        """What is still held back (a lone lead byte: passed on as it was)."""
        held, self._held = self._held, b""
        return held
