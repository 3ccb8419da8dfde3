"""Batch results as an Excel workbook an HR officer can read: results, rejected rows,
set aside rows and the summary, in the interface language.

The results sheet puts first what a person reads: the respondent (id, unit, position,
role), the overall score and band, each pillar's and each indicator's score and band,
and the response-quality flags. The counts behind each score, each quality rule's value
and where each row came from follow in a group of columns that starts collapsed
(Excel's outline: the [+] above the columns opens it). Row 2 holds the titles
(pillar and indicator names, "Skor keseluruhan", "Kategori"); row 1, hidden, holds the
names the CSV output gives the same columns, so that a script finds them
(``pandas.read_excel(path, skiprows=[1])``). Scores are numbers of full precision shown
with one decimal (a number format); band cells show the band's name, coloured as in
the report. The header rows and the id column are frozen, the titles carry an
autofilter, and a column that no row fills (a role column of a table without roles) is
hidden.

The sheets are written by ``xlsx_writer``: a block of rows becomes XML at once, so a
workbook takes about as long as the CSV file (``benchmarks/batch.py`` measures it).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from asn_assess.analysis.norms import NormReference
from asn_assess.analysis.quality import RULES
from asn_assess.batch import xlsx_writer
from asn_assess.batch.blocks import RowError, ScoredBlock
from asn_assess.batch.columns import KEPT_PREFIX
from asn_assess.batch.layout import output_columns
from asn_assess.batch.xlsx_writer import (
    CellsXml,
    Column,
    Sheet,
    SheetFull,
    Style,
    Workbook,
)
from asn_assess.core.errors import Problem
from asn_assess.core.files import OutputError, OutputFile
from asn_assess.core.i18n import format_count, interface_language, say
from asn_assess.core.models import SELF, Bank

COPY_BYTES = 1 << 20
HEADER_ROWS = 2  # machine names (hidden) and titles
BAND_COLOURS = ("C0392B", "D68910", "1E8449", "117A65", "1F618D")  # report.css, lowest first
ROWS_PER_WRITE = 1000  # rejected and set aside rows gathered before they are written


def _tint(colour: str, share: float = 0.85) -> str:
    """``colour`` mixed with white: a fill light enough to read the band's name on."""
    parts = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(p + (255 - p) * share):02X}" for p in parts)


@dataclass
class HrColumn:
    """A column of the results sheet: its CSV name, title, kind and how a block fills
    it."""

    name: str
    title: str
    kind: str  # text | integer | score | measure | band | percentile | role | rater_group
    fill: Callable[[ScoredBlock], Any]
    detail: bool = False
    """In the group of columns that starts collapsed."""
    optional: bool = False
    """Hidden when no row fills it."""
    filled: bool = False


def hr_columns(
    bank: Bank, norm: Optional[NormReference], language: str, kept: Sequence[str]
) -> list[HrColumn]:
    """The results sheet's columns, in order (see the module's documentation)."""
    by_name = {column.name: column for column in output_columns(bank, norm, False, kept)}

    def column(name: str, title: str, kind: str, **more: Any) -> HrColumn:
        return HrColumn(name, title, kind, by_name[name].fill, **more)

    def text(key: str, **values: Any) -> str:
        return say(f"xl.{key}", **values)

    first = [column("respondent_id", text("respondent_id"), "text")]
    first += [
        column(
            name,
            name[len(KEPT_PREFIX) :] if name.startswith(KEPT_PREFIX) else text(name),
            "text",
            optional=True,
        )
        for name in kept
    ]
    first += [
        column("role", text("role"), "role", optional=True),
        column("target", text("target"), "text", optional=True),
        column("rater_group", text("rater_group"), "rater_group", optional=True),
        column("overall_score", text("overall_score"), "score"),
        column("overall_band", text("band"), "band"),
    ]
    if norm is not None:
        first.append(column("overall_percentile", text("percentile"), "percentile"))
    details = [
        column("answered_items", text("answered"), "integer", detail=True),
        column("not_applicable_items", text("not_applicable"), "integer", detail=True),
        column("total_items", text("total"), "integer", detail=True),
    ]
    levels = [(f"pillar.{p.id}.", bank.text(p.title, language)) for p in bank.pillars]
    levels += [
        (f"indicator.{i.id}.", bank.text(i.title, language))
        for p in bank.pillars
        for i in p.indicators
    ]
    levels += [  # the core values the items are tagged with (BerAKHLAK)
        (f"value.{v.id}.", bank.text(v.label, language)) for v in bank.values
    ]
    for prefix, title in levels:
        first.append(column(f"{prefix}score", title, "score"))
        first.append(column(f"{prefix}band", text("level_band", title=title), "band"))
        details.append(
            column(
                f"{prefix}answered_items",
                text("level_answered", title=title),
                "integer",
                detail=True,
            )  # fmt: skip
        )
        details.append(
            column(
                f"{prefix}not_applicable_items",
                text("level_not_applicable", title=title),
                "integer",
                detail=True,
            )  # fmt: skip
        )
        if prefix.startswith("pillar."):
            details.append(
                column(
                    f"{prefix}scored_indicators",
                    text("scored_indicators", title=title),
                    "integer",
                    detail=True,
                )
            )
        if norm is not None and f"{prefix}percentile" in by_name:  # not of the values
            details.append(
                column(
                    f"{prefix}percentile",
                    text("level_percentile", title=title),
                    "percentile",
                    detail=True,
                )
            )
    first.append(column("quality_flags", text("quality_flags"), "text", optional=True))
    details += [
        column(f"quality.{rule.id}", text("quality_rule", rule=rule.id), "measure", detail=True)
        for rule in RULES
    ]
    if norm is not None:
        details.append(column("norm", text("norm"), "text", detail=True))
    details += [
        column("source", text("source"), "text", detail=True),
        column("row", text("row"), "integer", detail=True),
    ]
    return first + details


class XlsxResults:
    """Results, rejected rows, set aside rows and the summary as sheets of one
    workbook (see the module's documentation)."""

    def __init__(
        self,
        bank: Bank,
        output: OutputFile,
        norm: Optional[NormReference] = None,
        decimals: Optional[int] = None,
        kept: Sequence[str] = (),
    ):
        self.bank = bank
        self.output = output
        self.decimals = decimals
        self.language = interface_language()
        language = self.language if self.language in bank.languages else bank.languages[0]
        self._file = tempfile.TemporaryFile(prefix="asn-assess-", suffix=".xlsx")
        self.book = Workbook(self._file)
        self.columns = hr_columns(bank, norm, language, kept)
        self.results = self.book.add_sheet(
            say("out.sheet.results"),
            [Column(c.name, c.title, _width(c), c.detail) for c in self.columns],
            frozen_columns=1,
        )
        styles = self.book.styles
        self._score_style = styles.index(Style(number_format="0" if decimals == 0 else "0.0"))
        self._measure_style = styles.index(Style(number_format="0.00"))
        self._band_cells = []
        for rank, band in enumerate(bank.bands):
            colour = BAND_COLOURS[rank % len(BAND_COLOURS)]
            style = styles.index(Style(bold=True, colour=colour, fill=_tint(colour)))
            shared = self.book.shared_string(bank.text(band.label, language))
            self._band_cells.append(f'" s="{style}" t="s"><v>{shared}</v></c>')
        self._role_names = {role.id: bank.text(role.label, language) for role in bank.roles}
        self._group_names = {g.id: bank.text(g.label, language) for g in bank.rater_groups}
        self._group_names[SELF] = say("xl.self")
        self._pending: dict[str, list[RowError]] = {"rejected": [], "set aside": []}
        self._error_sheets: dict[str, Sheet] = {}
        self._summary: Optional[Sheet] = None
        self._closed = False

    # --- results ------------------------------------------------------------------------

    def write(self, block: ScoredBlock) -> None:
        """Append the rows of ``block`` to the results sheet."""
        size = block.answers.size
        if not size:
            return
        cells = CellsXml(self.results.next_row, size)
        xml = []
        letters = self.results.letters
        for index, (column, letter) in enumerate(zip(self.columns, letters, strict=True)):
            xml.append(self._cells(cells, column, letter, block, index))
        if not self.results.streaming:
            self._start_results()
        try:
            self.results.write_xml(cells.rows(xml), size)
        except SheetFull:
            raise self._too_many_rows() from None

    def _start_results(self) -> None:
        """Settle the results sheet's columns (by its first rows: a column they leave
        empty is hidden, one more click to show) and stream it from now on."""
        for index, column in enumerate(self.columns):
            if column.optional and not column.filled:
                self.results.hide(index)
        self.book.stream(self.results)

    def _cells(
        self, cells: CellsXml, column: HrColumn, letter: str, block: ScoredBlock, index: int
    ) -> Any:
        values = column.fill(block)
        kind = column.kind
        if kind == "band":
            codes = np.asarray(values, dtype=np.int64)
            column.filled = column.filled or bool((codes >= 0).any())
            return cells.coded(codes, letter, self._band_cells)
        if kind in ("score", "measure", "percentile", "integer"):
            numbers = np.asarray(values)
            if kind == "score" and self.decimals is not None:
                numbers = np.round(numbers, self.decimals)
            if kind == "percentile":
                numbers = np.where(np.isnan(numbers), np.nan, np.floor(numbers))
            style = {"score": self._score_style, "measure": self._measure_style}.get(kind, 0)
            return cells.numbers_of(numbers, letter, style)
        if kind == "role":
            values = [self._role_names.get(v, v) if v else None for v in values]
        elif kind == "rater_group":
            values = [self._group_names.get(v, v) if v and v != SELF else None for v in values]
        texts = _as_texts(values)
        if column.optional and not column.filled:
            import pyarrow.compute as pc

            column.filled = bool(pc.any(pc.greater(pc.utf8_length(texts), 0)).as_py() or False)
        longest = _longest(texts)
        if longest:
            self.results.widen(index, longest)
        return cells.texts(texts, letter)

    def _too_many_rows(self) -> OutputError:
        limit = format_count(xlsx_writer.MAX_ROWS - HEADER_ROWS, interface_language())
        return OutputError(Problem(self.output.name, say("out.xlsx_too_many_rows", rows=limit)))

    # --- rejected and set aside rows ------------------------------------------------------

    def reject(self, error: RowError) -> None:
        """Keep a rejected (or set aside) row for its sheet."""
        pending = self._pending["set aside" if error.set_aside else "rejected"]
        pending.append(error)
        if len(pending) >= ROWS_PER_WRITE:
            self._flush("set aside" if error.set_aside else "rejected")

    def _error_sheet(self, status: str) -> Sheet:
        sheet = self._error_sheets.get(status)
        if sheet is None:
            name = say("out.sheet.set_aside" if status == "set aside" else "out.sheet.rejected")
            names = [("source", 24), ("row", 8), ("line", 8), ("respondent_id", 18),
                     ("reasons", 90)]  # fmt: skip
            columns = [Column(key, say(f"xl.{key}"), width) for key, width in names]
            sheet = self._error_sheets[status] = self.book.add_sheet(name, columns)
        return sheet

    def _flush(self, status: str) -> None:
        pending = self._pending[status]
        if not pending:
            return
        sheet = self._error_sheet(status)
        rows = [[e.source, e.row, e.line, e.respondent_id, "; ".join(e.reasons)] for e in pending]
        try:
            sheet.write_rows(rows)
        except SheetFull:
            raise self._too_many_rows() from None
        pending.clear()

    # --- summary --------------------------------------------------------------------------

    def summary(self, rows: list[dict[str, Any]]) -> None:
        """The group summary on a sheet of its own (the union of the rows' keys as
        columns), with the pillars' titles and the bands' names."""
        keys: list[str] = []
        for row in rows:
            keys += [key for key in row if key not in keys]
        columns = [Column(key, self._summary_title(key), 12) for key in keys]
        sheet = self._summary = self.book.add_sheet(say("out.sheet.summary"), columns, 1)
        styles = [
            self._score_style if key.rsplit(".", 1)[-1] in ("mean", "median", "sd") else 0
            for key in keys
        ]
        sheet.widen(0, max((len(str(row.get(keys[0]) or "")) for row in rows), default=8))
        sheet.write_rows([[row.get(key) for key in keys] for row in rows], styles)

    def _summary_title(self, key: str) -> str:
        bank = self.bank
        language = self.language if self.language in bank.languages else bank.languages[0]
        if key in ("group", "n"):
            return say(f"xl.summary_{key}")
        if key.startswith("band."):
            band = bank.band(key[len("band.") :]) if key != "band.none" else None
            name = bank.text(band.label, language) if band else say("xl.no_band")
            return say("xl.summary_band", band=name)
        measure, _, statistic = key.rpartition(".")
        if measure == "overall":
            title = say("xl.overall_score")
        else:
            pillar = next((p for p in bank.pillars if f"pillar.{p.id}" == measure), None)
            title = bank.text(pillar.title, language) if pillar else measure
        if statistic == "n":
            return say("xl.summary_measure_n", title=title)
        if statistic in ("mean", "median", "sd"):
            return say(f"xl.summary_{statistic}", title=title)
        return key

    # --- the file -------------------------------------------------------------------------

    def close(self) -> None:
        """Finish the workbook and copy it to the output."""
        self._closed = True
        for status in list(self._pending):
            self._flush(status)
        rejected = self._error_sheet("rejected")  # always there, if empty
        if not self.results.streaming:  # no row was scored
            self._start_results()
        order = [self.results, rejected]
        if "set aside" in self._error_sheets:
            order.append(self._error_sheets["set aside"])
        if self._summary is not None:
            order.append(self._summary)
        with self._file:
            self.book.close(order)
            self._file.seek(0)
            shutil.copyfileobj(self._file, _Writer(self.output), COPY_BYTES)

    def discard(self) -> None:
        """Drop the workbook (the run failed)."""
        if not self._closed:
            self._closed = True
            self.book.discard()
            self._file.close()


class _Writer:
    """``OutputFile`` as ``shutil.copyfileobj`` writes to it."""

    def __init__(self, output: OutputFile):
        self.write = output.write


def _width(column: HrColumn) -> float:
    if column.kind in ("score", "measure", "percentile", "integer"):
        return 11.0
    if column.kind == "band":
        return 16.0
    return 14.0


def _as_texts(values: Any) -> Any:
    """A pyarrow string array of a column's texts."""
    from asn_assess.batch.arrow import pyarrow

    pa = pyarrow()
    if isinstance(values, pa.Array):
        return values
    if isinstance(values, np.ndarray):
        values = values.tolist()
    return pa.array(values, type=pa.string())


def _longest(texts: Any) -> int:
    """The length of the longest text (0 when all are empty)."""
    import pyarrow.compute as pc

    if not len(texts) or texts.null_count == len(texts):
        return 0
    return int(pc.max(pc.utf8_length(texts)).as_py() or 0)
