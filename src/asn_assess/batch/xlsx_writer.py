"""A streaming .xlsx writer for wide tables of numbers, fast enough for 100,000 rows.

Writing a workbook cell by cell through a general library costs a few microseconds per
cell, ten times what CSV costs for a results table of a hundred columns. Here a block
of rows becomes its sheet XML all at once with pyarrow's string kernels (no Python per
cell), and the XML goes to a temporary file; ``close`` puts the parts of the workbook
(SpreadsheetML, ECMA-376) around it in a zip archive. Memory stays flat.

What it writes, and nothing more: sheets with two header rows (machine names in a
hidden row 1, titles in row 2), frozen panes, an autofilter over the titles and the
data, column widths, columns hidden in a collapsed outline group, and cell styles:
number formats, bold wrapped titles, and coloured cells. Text is always an inline
string, escaped for XML, so a cell such as ``=HYPERLINK(...)`` stays that literal text
and is never run as a formula. Characters XML cannot hold (control characters) are
written as Excel's ``_xHHHH_`` escapes, a ``_xHHHH_`` typed in a cell is kept literal,
and a text longer than Excel's 32,767 characters is cut there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Optional
from xml.sax.saxutils import escape

import numpy as np

from asn_assess.batch.arrow import pyarrow

MAX_ROWS = 1_048_576  # Excel's rows per sheet
MAX_TEXT = 32_767  # Excel's characters per cell
COMPRESS_LEVEL = 1  # the sheet XML is repetitive: level 1 packs it nearly as well, far faster
COPY_BYTES = 1 << 20
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_NOT_XML_RE2 = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{fffe}\x{ffff}]|_x[0-9A-Fa-f]{4}_"


def column_letter(index: int) -> str:
    """Excel's name of a column (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def xml_text(text: str) -> str:
    """``text`` as the content of an XML element in a cell."""
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    text = _NOT_XML.sub(lambda m: _excel_escape(m.group()), text)
    return escape(text)


def _excel_escape(found: str) -> str:
    if len(found) == 1:
        return f"_x{ord(found):04X}_"
    return "_x005F_" + found[1:]  # a literal _xHHHH_: its first underscore escaped


@dataclass(frozen=True)
class Style:
    """A cell format: number format, bold, text colour, fill colour (RGB hex), wrap."""

    number_format: Optional[str] = None
    bold: bool = False
    colour: Optional[str] = None
    fill: Optional[str] = None
    wrap: bool = False
    small: bool = False


@dataclass
class Styles:
    """The workbook's cell formats, numbered as cells name them (``s="N"``)."""

    styles: list[Style] = field(default_factory=lambda: [Style()])

    def index(self, style: Style) -> int:
        """The number of ``style``, added when new."""
        if style not in self.styles:
            self.styles.append(style)
        return self.styles.index(style)

    def xml(self) -> str:
        """``xl/styles.xml``."""
        formats = sorted({s.number_format for s in self.styles if s.number_format})
        format_ids = {code: 164 + n for n, code in enumerate(formats)}
        fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
        fills = ['<fill><patternFill patternType="none"/></fill>',
                 '<fill><patternFill patternType="gray125"/></fill>']  # fmt: skip
        xfs = []
        for style in self.styles:
            font = "<font>"
            font += "<b/>" if style.bold else ""
            font += f'<sz val="{9 if style.small else 11}"/>'
            font += f'<color rgb="FF{style.colour}"/>' if style.colour else ""
            font += '<name val="Calibri"/><family val="2"/></font>'
            if font not in fonts:
                fonts.append(font)
            fill_id = 0
            if style.fill:
                fill = (
                    f'<fill><patternFill patternType="solid"><fgColor rgb="FF{style.fill}"/>'
                    '<bgColor indexed="64"/></patternFill></fill>'
                )
                if fill not in fills:
                    fills.append(fill)
                fill_id = fills.index(fill)
            number = format_ids.get(style.number_format or "", 0)
            attributes = (
                f'numFmtId="{number}" fontId="{fonts.index(font)}" fillId="{fill_id}" '
                'borderId="0" xfId="0"'
            )
            attributes += ' applyNumberFormat="1"' if number else ""
            attributes += ' applyFont="1"' if fonts.index(font) else ""
            attributes += ' applyFill="1"' if fill_id else ""
            if style.wrap:
                attributes += ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
                xfs.append(f"<xf {attributes}")
            else:
                xfs.append(f"<xf {attributes}/>")
        numbers = "".join(
            f'<numFmt numFmtId="{format_ids[code]}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
            for code in formats
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + (f'<numFmts count="{len(formats)}">{numbers}</numFmts>' if formats else "")
            + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
            + f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            + "</styleSheet>"
        )


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its name for scripts (row 1), its title for people (row
    2), width in characters, and whether it starts hidden in the outline group."""

    name: str
    title: str
    width: float = 10.0
    detail: bool = False


class Sheet:
    """One sheet being written: blocks of rows, with its header rows before them.

    A sheet's rows wait in a temporary file until the workbook is put together, except
    for the one sheet ``Workbook.stream`` names: its XML goes straight into the
    archive's compressor as it comes (its column widths and hidden columns are settled
    when its first rows are written)."""

    def __init__(self, name: str, columns: Sequence[Column], styles: Styles, frozen_columns: int):
        self.name = name
        self.columns = list(columns)
        self.styles = styles
        self.frozen_columns = frozen_columns
        self.letters = [column_letter(index) for index in range(len(self.columns))]
        self.rows = 0  # data rows written (below the two header rows)
        self.widths = [column.width for column in self.columns]
        self.hidden: set[int] = set()
        self._body: Any = tempfile.TemporaryFile(prefix="asn-assess-sheet-")
        self._entry: Any = None  # the archive's entry, for the sheet streamed
        self._title_style = styles.index(Style(bold=True, wrap=True, fill="EEF1F5"))
        self._name_style = styles.index(Style(small=True, colour="7F8896"))

    def stream_to(self, archive: zipfile.ZipFile, path: str) -> None:
        """Write this sheet straight into ``archive`` from now on, its header first."""
        self._body.close()
        self._entry = self._body = archive.open(path, "w", force_zip64=True)
        self._entry.write(self._head().encode("utf-8"))

    @property
    def streaming(self) -> bool:
        """Whether the sheet goes straight into the archive."""
        return self._entry is not None

    @property
    def next_row(self) -> int:
        """The Excel row number of the next data row."""
        return self.rows + 3

    def write_xml(self, xml: Any, rows: int) -> None:
        """Append ``rows`` rows already written as ``<row>`` elements (bytes or a
        buffer)."""
        if self.next_row + rows - 1 > _max_rows():
            raise SheetFull(self.name)
        self._body.write(xml)
        self.rows += rows

    def write_rows(
        self, rows: Sequence[Sequence[Any]], styles: Optional[Sequence[int]] = None
    ) -> None:
        """Append rows of Python values (None: empty; a str, int or float; or a
        ``(value, style number)`` pair), one cell at a time: for short sheets."""
        parts = []
        for offset, values in enumerate(rows):
            number = self.next_row + offset
            cells = []
            for index, value in enumerate(values):
                style = styles[index] if styles else 0
                if isinstance(value, tuple):
                    value, style = value
                cells.append(self._cell(self.letters[index], number, value, style))
            parts.append(f'<row r="{number}">{"".join(cells)}</row>')
        self.write_xml("".join(parts).encode("utf-8"), len(rows))

    @staticmethod
    def _cell(letter: str, row: int, value: Any, style: int) -> str:
        where = f'r="{letter}{row}"' + (f' s="{style}"' if style else "")
        if value is None or (isinstance(value, float) and value != value):
            return ""
        if isinstance(value, bool):
            return f'<c {where} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float, np.integer, np.floating)):
            return f"<c {where}><v>{repr(float(value)) if isinstance(value, (float, np.floating)) else int(value)}</v></c>"
        return f'<c {where} t="inlineStr"><is><t xml:space="preserve">{xml_text(str(value))}</t></is></c>'

    def hide(self, index: int) -> None:
        """Hide a column (one no row fills, say)."""
        self.hidden.add(index)

    def widen(self, index: int, characters: int) -> None:
        """Make a column at least wide enough for ``characters`` (up to a limit)."""
        self.widths[index] = max(self.widths[index], min(characters + 2, 50))

    def write_to(self, archive: zipfile.ZipFile, path: str) -> None:
        """The sheet's XML into ``archive``: header rows, then the rows written (for a
        sheet streamed: its end)."""
        if self._entry is not None:
            self._entry.write(self._tail().encode("utf-8"))
            self._entry.close()
            self._entry = None
            return
        with archive.open(path, "w", force_zip64=True) as entry:
            entry.write(self._head().encode("utf-8"))
            self._body.seek(0)
            shutil.copyfileobj(self._body, entry, COPY_BYTES)
            entry.write(self._tail().encode("utf-8"))
        self._body.close()

    def discard(self) -> None:
        """Drop the rows written."""
        if self._entry is None:
            self._body.close()

    @property
    def data_range(self) -> str:
        """The titles and the data, as an autofilter covers them (``A2:K103``)."""
        return f"A2:{self.letters[-1]}{max(self.rows + 2, 2)}"

    def _head(self) -> str:
        frozen = self.frozen_columns
        top_left = f"{column_letter(frozen)}3"
        pane = "bottomRight" if frozen else "bottomLeft"
        split = f'xSplit="{frozen}" ' if frozen else ""
        view = (
            '<sheetViews><sheetView workbookViewId="0">'
            f'<pane {split}ySplit="2" topLeftCell="{top_left}" activePane="{pane}" state="frozen"/>'
            f'<selection pane="{pane}" activeCell="{top_left}" sqref="{top_left}"/>'
            "</sheetView></sheetViews>"
        )
        details = any(column.detail for column in self.columns)
        columns = "".join(
            f'<col min="{n + 1}" max="{n + 1}" width="{self.widths[n]:.1f}" customWidth="1"'
            + (' hidden="1"' if column.detail or n in self.hidden else "")
            + (' outlineLevel="1"' if column.detail else "")
            + "/>"
            for n, column in enumerate(self.columns)
        )
        names = "".join(
            self._cell(self.letters[n], 1, column.name, self._name_style)
            for n, column in enumerate(self.columns)
        )
        titles = "".join(
            self._cell(self.letters[n], 2, column.title, self._title_style)
            for n, column in enumerate(self.columns)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + ('<sheetPr><outlinePr summaryRight="0"/></sheetPr>' if details else "")
            + view
            + '<sheetFormatPr defaultRowHeight="15"'
            + (' outlineLevelCol="1"' if details else "")
            + "/>"
            + f"<cols>{columns}</cols><sheetData>"
            + f'<row r="1" hidden="1">{names}</row>'
            + f'<row r="2" ht="48" customHeight="1">{titles}</row>'
        )

    def _tail(self) -> str:
        return (
            f'</sheetData><autoFilter ref="{self.data_range}"/>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            "</worksheet>"
        )


def _max_rows() -> int:
    return MAX_ROWS  # read when used, so that a test can lower it


class SheetFull(Exception):
    """A sheet would need more rows than Excel allows."""


class Workbook:
    """Sheets written in any order, put together by ``close`` into ``target`` (a binary
    file, from the start when a sheet is streamed)."""

    def __init__(self, target: IO[bytes]) -> None:
        self.styles = Styles()
        self.sheets: list[Sheet] = []
        self.shared: list[str] = []  # shared strings (band names): few, used many times
        self._target = target
        self._archive: Optional[zipfile.ZipFile] = None

    def stream(self, sheet: Sheet) -> None:
        """Write ``sheet`` (the first in the workbook) straight into the archive from
        now on. Only one sheet can be: an archive takes one entry at a time."""
        self._archive = self._open()
        sheet.stream_to(self._archive, "xl/worksheets/sheet1.xml")

    def _open(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(
            self._target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        )

    def add_sheet(self, name: str, columns: Sequence[Column], frozen_columns: int = 0) -> Sheet:
        """A new sheet (shown in the order added)."""
        sheet = Sheet(name, columns, self.styles, frozen_columns)
        self.sheets.append(sheet)
        return sheet

    def shared_string(self, text: str) -> int:
        """The number of ``text`` among the shared strings (added when new)."""
        if text not in self.shared:
            self.shared.append(text)
        return self.shared.index(text)

    def close(self, order: Optional[Sequence[Sheet]] = None) -> None:
        """Finish the workbook, its sheets in ``order`` (a sheet streamed first)."""
        sheets = list(order) if order is not None else self.sheets
        archive = self._archive or self._open()
        with archive:
            for number, sheet in enumerate(sheets, start=1):
                sheet.write_to(archive, f"xl/worksheets/sheet{number}.xml")
            archive.writestr("[Content_Types].xml", self._content_types(len(sheets)))
            archive.writestr("_rels/.rels", _RELS)
            archive.writestr("xl/workbook.xml", self._workbook(sheets))
            archive.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels(len(sheets)))
            archive.writestr("xl/styles.xml", self.styles.xml())
            archive.writestr("xl/sharedStrings.xml", self._shared_strings())

    def discard(self) -> None:
        """Drop every sheet's rows."""
        for sheet in self.sheets:
            sheet.discard()
        if self._archive is not None:
            try:
                self._archive.close()
            except (OSError, ValueError):  # an entry still open: nothing to keep anyway
                pass

    def _content_types(self, count: int) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            f"{sheets}</Types>"
        )

    @staticmethod
    def _workbook(sheets: Sequence[Sheet]) -> str:
        entries = "".join(
            f'<sheet name="{escape(sheet.name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
            for n, sheet in enumerate(sheets, start=1)
        )

        def absolute(sheet: Sheet) -> str:
            first, last = sheet.data_range.split(":")
            quoted = sheet.name.replace("'", "''")
            return escape(f"'{quoted}'!${first[0]}${first[1:]}:${_split(last)}")

        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{absolute(sheet)}</definedName>"
            for n, sheet in enumerate(sheets)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{entries}</sheets><definedNames>{names}</definedNames></workbook>"
        )

    @staticmethod
    def _workbook_rels(count: int) -> str:
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{sheets}"
            f'<Relationship Id="rId{count + 1}" Type="{base}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{count + 2}" Type="{base}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        )

    def _shared_strings(self) -> str:
        items = "".join(
            f'<si><t xml:space="preserve">{xml_text(text)}</t></si>' for text in self.shared
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(self.shared)}" uniqueCount="{len(self.shared)}">{items}</sst>'
        )


def _split(reference: str) -> str:
    """``K103`` as an absolute reference: ``K$103``."""
    letters = reference.rstrip("0123456789")
    return f"{letters}${reference[len(letters) :]}"


_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


# --- a block of cells as XML, all at once -------------------------------------------------


class CellsXml:
    """The XML of a block's cells, column by column; ``rows`` joins them into ``<row>``
    elements. A column comes as the pieces of its cells: the cells themselves (empty
    where a value is missing), or, when none is, the text around each value and the
    values, joined with the rest of the row in one pass."""

    def __init__(self, first_row: int, size: int):
        import pyarrow.compute as pc

        pa = pyarrow()
        self.size = size
        self.first_row = first_row
        numbers = pa.array(np.arange(first_row, first_row + size, dtype=np.int64))
        self.numbers = pc.cast(numbers, pa.string())

    def numbers_of(self, values: Any, letter: str, style: int) -> list[Any]:
        """Number cells (a float or integer numpy array; NaN: empty). Each distinct
        float is written once, then gathered: a column holds few."""
        import pyarrow.compute as pc

        pa = pyarrow()
        if values.dtype.kind == "f":
            missing = np.isnan(values)
            array = pa.array(values, mask=missing if missing.any() else None)
            encoded = pc.dictionary_encode(array)
            texts = pc.cast(encoded.dictionary, pa.string())
            text = pa.DictionaryArray.from_arrays(encoded.indices, texts).dictionary_decode()
        else:
            text = pc.cast(pa.array(values), pa.string())
        return self._cells(letter, f'" s="{style}"><v>' if style else '"><v>', text, "</v></c>")

    def coded(self, codes: Any, letter: str, cells: Sequence[Optional[str]]) -> list[Any]:
        """Cells chosen by code (an integer numpy array; -1: empty) from ``cells``: the
        XML after ``r="A5`` of each (a style and a shared string, say)."""
        pa = pyarrow()
        table = pa.array(list(cells), type=pa.string())
        missing = codes < 0
        picked = pa.DictionaryArray.from_arrays(
            pa.array(codes, mask=missing if missing.any() else None, type=pa.int32()), table
        ).dictionary_decode()
        return self._cells(letter, "", picked, "")

    def texts(self, values: Any, letter: str, style: int = 0) -> list[Any]:
        """Text cells (a list, or a pyarrow string array; None or "": empty)."""
        import pyarrow.compute as pc

        pa = pyarrow()
        array = values if isinstance(values, pa.Array) else pa.array(values, type=pa.string())
        if array.null_count:
            array = array.fill_null("")
        array = pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)
        risky = len(array) and pc.any(pc.match_substring_regex(array, _NOT_XML_RE2)).as_py()
        if risky or (len(array) and (pc.max(pc.utf8_length(array)).as_py() or 0) > MAX_TEXT):
            array = pa.array(
                [xml_text(v) if v is not None else None for v in array.to_pylist()], pa.string()
            )
        else:
            for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
                array = pc.replace_substring(array, raw, escaped)
        kind = (
            f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
            if style
            else ('" t="inlineStr"><is><t xml:space="preserve">')
        )
        return self._cells(letter, kind, array, "</t></is></c>")

    def _cells(self, letter: str, middle: str, values: Any, end: str) -> list[Any]:
        import pyarrow.compute as pc

        pieces = ['<c r="' + letter, self.numbers, middle, values, end]
        if values.null_count == 0:
            return [piece for piece in pieces if not isinstance(piece, str) or piece]
        return [pc.binary_join_element_wise(*pieces, "").fill_null("")]

    def rows(self, columns: Sequence[list[Any]]) -> Any:
        """The block's ``<row>`` elements, back to back (a pyarrow buffer)."""
        import pyarrow.compute as pc

        pa = pyarrow()
        pieces = [piece for column in columns for piece in column]
        joined = pc.binary_join_element_wise(
            '<row r="', self.numbers, '">', *pieces, "</row>", pa.scalar("", pa.string())
        )
        offsets = np.frombuffer(joined.buffers()[1], dtype=np.int32)
        first, last = offsets[joined.offset], offsets[joined.offset + len(joined)]
        return joined.buffers()[2][int(first) : int(last)]
