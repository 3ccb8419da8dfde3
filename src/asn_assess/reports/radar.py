"""Radar charts of scores, as geometry for an SVG: one axis per part (pillar or
indicator), clockwise from the top, and one vertex per part at ``score / 100`` of the
radius. A part without a score sits at the centre and is marked as such.

Pure: numbers and labels only. ``reports/templates/radar.svg.j2`` draws them, escaping
every label.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Optional

RINGS = (25, 50, 75, 100)
LABEL_GAP = 12.0
LINE_HEIGHT = 12.0
CHARS_PER_LINE = 18
CHAR_WIDTH = 6.4
"""Rough width of one character of the 11px label font, to leave room for labels."""


@dataclass(frozen=True)
class Vertex:
    """One part of the chart: its axis end, its vertex, and its label."""

    id: str
    label_lines: tuple[str, ...]
    score: Optional[float]
    shown: str
    axis_x: float
    axis_y: float
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    """SVG text-anchor of the label: start, middle or end."""


@dataclass(frozen=True)
class Radar:
    """A whole chart in a ``width`` x ``height`` view box."""

    title: str
    width: float
    height: float
    center_x: float
    center_y: float
    radius: float
    rings: tuple[tuple[int, str], ...]
    """(score, polygon points) of each guide ring."""
    vertices: tuple[Vertex, ...]

    @property
    def points(self) -> str:
        """The score polygon, as SVG ``points``."""
        return " ".join(f"{v.x:.2f},{v.y:.2f}" for v in self.vertices)


def _direction(index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return math.cos(angle), math.sin(angle)


def radar(
    title: str,
    parts: list[tuple[str, str, Optional[float], str]],
    radius: float = 110.0,
    chars_per_line: int = CHARS_PER_LINE,
) -> Radar:
    """A chart of ``parts``: (id, label, score or None, score as shown); labels are
    wrapped at ``chars_per_line``."""
    count = max(len(parts), 1)
    wrapped = [
        tuple(textwrap.wrap(f"{label} ({shown})", chars_per_line)) or ("",)
        for _, label, _, shown in parts
    ]
    widest = max((len(line) for lines in wrapped for line in lines), default=0) * CHAR_WIDTH
    margin_x = LABEL_GAP + widest + 6
    margin_y = LABEL_GAP + LINE_HEIGHT * (max((len(lines) for lines in wrapped), default=1) + 1)
    width, height = 2 * (radius + margin_x), 2 * (radius + margin_y)
    cx, cy = width / 2, height / 2

    rings = []
    for ring in RINGS:
        corners = [_direction(i, count) for i in range(count)]
        r = radius * ring / 100
        rings.append((ring, " ".join(f"{cx + dx * r:.2f},{cy + dy * r:.2f}" for dx, dy in corners)))

    vertices = []
    for index, ((part_id, _, score, shown), lines) in enumerate(zip(parts, wrapped, strict=True)):
        dx, dy = _direction(index, count)
        r = radius * (score or 0.0) / 100
        anchor = "middle" if abs(dx) < 0.2 else ("start" if dx > 0 else "end")
        label_r = radius + LABEL_GAP
        label_y = cy + dy * label_r
        if anchor == "middle":  # clear of the labels beside it
            label_y += LINE_HEIGHT * 0.6 * (1 if dy > 0 else -1)
        if dy > 0.2:  # below the centre: the first line starts under the axis end
            label_y += LINE_HEIGHT * 0.8
        elif dy < -0.2:  # above: the last line ends over it
            label_y -= LINE_HEIGHT * (len(lines) - 1)
        else:
            label_y -= LINE_HEIGHT * (len(lines) - 1) / 2 - 4
        vertices.append(
            Vertex(
                id=part_id,
                label_lines=lines,
                score=score,
                shown=shown,
                axis_x=cx + dx * radius,
                axis_y=cy + dy * radius,
                x=cx + dx * r,
                y=cy + dy * r,
                label_x=cx + dx * label_r,
                label_y=label_y,
                anchor=anchor,
            )
        )
    return Radar(title, width, height, cx, cy, radius, tuple(rings), tuple(vertices))
