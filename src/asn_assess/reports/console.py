"""Consoles and small text pieces shared by everything that draws for people.

Consoles never read markup: every string printed is shown as written, so data such as
a unit named ``[bold]Umum[/]`` or an id like ``[disiplin]`` can never restyle, hide or
break the output. Styling is applied with ``Text`` objects only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any, Optional, cast

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment

from asn_assess.core.printable import has_controls, printable

BAR_WIDTH = 20
MAX_WIDTH = 100
"""Widest a console draws: on a wide terminal, lines and panels longer than this are
harder to read, not easier."""
NARROW_WIDTH = 60
"""Below this many columns, tables drop their bars and secondary columns."""
# Band styles by position from the lowest band; banks may have any number of bands.
BAND_STYLES = ("red", "yellow", "green", "bold green", "bold cyan")


class PrintableConsole(Console):
    """A console that draws every text without its control characters: a name or a
    bank text holding an escape sequence is shown as letters, never run by the
    terminal (``core.printable``). The console's own styles and cursor moves are
    added after this, so they still work."""

    def render(
        self, renderable: RenderableType, options: Optional[ConsoleOptions] = None
    ) -> Iterable[Segment]:
        """The segments Rich draws, their texts made printable."""
        for segment in super().render(renderable, options):
            if segment.control is None and has_controls(segment.text):
                yield Segment(printable(segment.text), segment.style)
            else:
                yield segment


def make_console(stderr: bool = False) -> Console:
    """A console for people: no markup, plain text when NO_COLOR is set or the stream
    is no terminal."""
    console = PrintableConsole(
        stderr=stderr,
        markup=False,
        highlight=False,
        emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        soft_wrap=False,
    )
    console.width = min(console.width, MAX_WIDTH)
    if not console.is_terminal:  # a pipe or a file: no spaces padding the ends of lines
        console.file = cast("IO[str]", TrailingSpaceTrimmer(console.file))
    return console


class TrailingSpaceTrimmer:
    """A text stream that drops the spaces Rich pads lines with (table cells, panels)
    before each line end, for output read by programs or pasted into documents.

    Spaces at the end of what is written so far are held back, not dropped: a prompt
    ("Jawaban: ") keeps its space when the answer follows on the same line."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self._held = ""

    def write(self, text: str) -> int:
        """Write ``text`` without the spaces before each of its line ends."""
        if not text:
            return 0
        lines = (self._held + text).split("\n")
        last = lines.pop()
        kept = last.rstrip(" ")
        self._held = last[len(kept) :]
        out = "".join(line.rstrip(" ") + "\n" for line in lines) + kept
        if out:
            self.stream.write(out)
        return len(text)

    def flush(self) -> None:
        """Flush the stream (held spaces wait for what follows them)."""
        self.stream.flush()

    def isatty(self) -> bool:
        """Never a terminal (see ``make_console``)."""
        return False

    def fileno(self) -> int:
        """The file descriptor of the stream underneath."""
        descriptor: int = self.stream.fileno()
        return descriptor

    @property
    def encoding(self) -> str:
        """The encoding of the stream underneath."""
        return str(getattr(self.stream, "encoding", None) or "utf-8")


class ByWidth:
    """``wide``, or ``narrow`` when drawn in fewer than ``below`` columns: a table
    whose columns cannot all fit gives way to a simpler one instead of breaking its
    words one letter per line."""

    def __init__(
        self, wide: RenderableType, narrow: RenderableType, below: int = NARROW_WIDTH
    ) -> None:
        self.wide, self.narrow, self.below = wide, narrow, below

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The renderable that fits the width available."""
        yield self.narrow if options.max_width < self.below else self.wide


def score_bar(value: Optional[float], width: int = BAR_WIDTH) -> str:
    """A text bar: full blocks for the score, light shade for the rest."""
    if value is None:
        return "·" * width
    filled = round(value / 100 * width)
    return "█" * filled + "░" * (width - filled)


def render_text(renderable: Any, width: int = 100) -> str:
    """``renderable`` as plain text ``width`` columns wide (no colour, no markup)."""
    import io

    buffer = io.StringIO()
    console = PrintableConsole(
        file=buffer,
        width=width,
        markup=False,
        highlight=False,
        emoji=False,
        color_system=None,
        force_terminal=False,
        soft_wrap=False,
    )
    console.print(renderable)
    return buffer.getvalue()
