"""The pieces of the agency report's view: a cell with its number and its text, a table,
a section, the whole report, and ``Words``, which names units, roles and measures and
writes numbers in one language. ``agency_view`` and its section modules put them
together; the renderers read them. Pure: no terminal, no Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from asn_assess.agency.figures import POOL, Cell, Group, Withheld
from asn_assess.agency.tally import BLANK_UNIT, NO_ROLE
from asn_assess.core.i18n import format_score, t
from asn_assess.core.models import Bank
from asn_assess.core.scoring import band_for
from asn_assess.reports.agency_charts import Histogram, ValueChart
from asn_assess.reports.formatting import BandKey, band_rank

Number = Union[int, float]


@dataclass(frozen=True)
class ViewCell:
    """A table cell: its text, and the number it shows (None for text and withheld)."""

    text: str
    """As shown (a list of ``lines`` joined by "; " when there are several)."""
    value: Union[Number, str, None] = None
    kind: str = "text"
    """``text``, ``count``, ``score``, ``share`` or ``jp``: how a spreadsheet formats it."""
    rank: Optional[int] = None
    """The band of a score, for its colour."""
    withheld: bool = False
    lines: tuple[str, ...] = ()
    """Several texts in one cell (training actions): a line each where a format can."""


@dataclass(frozen=True)
class ViewTable:
    """A table: an Excel sheet of its own, and a table in HTML and Markdown."""

    key: str
    title: str
    header: list[str]
    rows: list[list[ViewCell]]
    heat: bool = False
    """Cells coloured by band (the units side by side)."""
    fixed: int = 1
    """Leading columns that name the row (and the agency's): repeated in every part
    when a page splits a wide table (``parts``)."""

    def parts(self, most: int) -> list[ViewTable]:
        """The table split into tables of at most ``most`` columns after the fixed ones
        (a printed page holds about eight units side by side)."""
        extra = len(self.header) - self.fixed
        if extra <= most:
            return [self]
        pieces = []
        for start in range(self.fixed, len(self.header), most):
            columns = list(range(self.fixed)) + list(
                range(start, min(start + most, len(self.header)))
            )
            pieces.append(
                ViewTable(
                    self.key,
                    self.title,
                    [self.header[c] for c in columns],
                    [[row[c] for c in columns] for row in self.rows],
                    self.heat,
                    self.fixed,
                )
            )
        return pieces


@dataclass
class ViewSection:
    """A section of the report."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[ViewTable] = field(default_factory=list)
    histograms: list[Histogram] = field(default_factory=list)
    values: Optional[ValueChart] = None
    notes: list[str] = field(default_factory=list)


@dataclass
class AgencyView:
    """The whole report in one language."""

    language: str
    title: str
    meta: list[str]
    sections: list[ViewSection]
    legend: list[BandKey]
    footer: str

    def tables(self) -> list[ViewTable]:
        """Every table, in order."""
        return [table for section in self.sections for table in section.tables]


class Words:
    """Names and numbers in the report's language."""

    def __init__(self, bank: Bank, language: str):
        self.bank = bank
        self.language = language

    def __call__(self, key: str, **values: object) -> str:
        """The interface text ``key`` in the report's language."""
        return t(key, self.language, **values)

    def unit(self, key: str) -> str:
        """A unit's name as shown."""
        if key == POOL:
            return self("agency.pool")
        if key == BLANK_UNIT:
            return self("agency.blank_unit")
        return key

    def role(self, key: str) -> str:
        """A role's name as shown."""
        role = self.bank.role(key) if key != NO_ROLE else None
        return self.bank.text(role.label, self.language) if role else self("agency.no_role")

    def group(self, group: Group) -> str:
        """A unit's or role's name as shown."""
        return self.role(group.key) if group.kind == "role" else self.unit(group.key)

    def measure(self, key: str) -> str:
        """``overall``, ``pillar.<id>``, ``indicator.<id>`` or ``value.<id>`` by name."""
        bank, language = self.bank, self.language
        if key == "overall":
            return self("report.overall")
        kind, _, ident = key.partition(".")
        for number, pillar in enumerate(bank.pillars, start=1):
            if kind == "pillar" and pillar.id == ident:
                return (
                    f"{self('report.pillar', number=number)}: {bank.text(pillar.title, language)}"
                )
            for indicator in pillar.indicators:
                if kind == "indicator" and indicator.id == ident:
                    return bank.text(indicator.title, language)
        value = bank.value(ident)
        assert value is not None, key
        return bank.text(value.label, language)

    def pillar(self, pillar_id: str) -> str:
        """A pillar's title alone (tables name the pillar beside each indicator)."""
        pillar = next(p for p in self.bank.pillars if p.id == pillar_id)
        return self.bank.text(pillar.title, self.language)

    def score(self, value: float) -> str:
        """A score at one decimal."""
        return format_score(value, self.language)

    def share(self, value: float) -> str:
        """A share (0-1) as a whole percentage: 42%."""
        return f"{format_score(value * 100, self.language, 0)}%"

    def withheld(self, cell: Withheld) -> ViewCell:
        """A cell that says "withheld" and holds no number."""
        return ViewCell(self("agency.withheld"), None, "text", None, True)

    def count_cell(self, value: Union[int, Withheld]) -> ViewCell:
        """A number of people, or withheld."""
        if isinstance(value, Withheld):
            return self.withheld(value)
        return ViewCell(str(value), value, "count")

    def mean_cell(self, cell: Cell) -> ViewCell:
        """A mean, coloured by its band."""
        if isinstance(cell, Withheld):
            return self.withheld(cell)
        return ViewCell(self.score(cell.mean), cell.mean, "score", self.rank(cell.mean))

    def rank(self, value: float) -> int:
        """The band of a score (decided as a person's score is)."""
        return band_rank(self.bank, band_for(self.bank, value))

    def text(self, value: str) -> ViewCell:
        """A cell of text."""
        return ViewCell(value, value)
