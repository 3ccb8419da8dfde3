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
