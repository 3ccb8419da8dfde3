""".xlsx inputs are untrusted XML: a part that declares a DTD is refused with one line
naming it (nothing is expanded or fetched), a part read whole is capped by its declared
size, and a sheet broken part-way is one line, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from asn_assess.batch import spreadsheet
from asn_assess.cli import app

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
)
EXTERNAL = '<!DOCTYPE r SYSTEM "file:///etc/passwd">'


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["respondent_id", "unit", "disiplin-01", "disiplin-02"])
    sheet.append(["A", "Umum", 3, "Sering"])
    sheet.append(["B", "Umum", 4, "Jarang"])
    book.save(path)
    return path


def _rewritten(source: Path, target: Path, member: str, change) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            copy.writestr(info, change(data) if info.filename == member else data)
    return target


def _with_doctype(doctype: str, encoding: str = "utf-8"):
    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        at = text.index("?>") + 2 if text.startswith("<?xml") else 0
        text = text[:at] + doctype + text[at:]
        if encoding != "utf-8":
            text = text.replace('encoding="UTF-8"', f'encoding="{encoding}"')
            if not text.startswith("<?xml"):
                text = f'<?xml version="1.0" encoding="{encoding}"?>' + text
            return text.encode(encoding)
        return text.encode("utf-8")

    return change


@pytest.mark.parametrize(
    "member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml", "_rels/.rels"]
)
@pytest.mark.parametrize("doctype", [LAUGHS, EXTERNAL], ids=["entities", "external"])
def test_a_part_declaring_a_dtd_is_refused_with_one_line_naming_it(tmp_path, member, doctype):
    book = _rewritten(
        _workbook(tmp_path / "ok.xlsx"), tmp_path / "in.xlsx", member, _with_doctype(doctype)
    )
    for command in (["batch", str(book), "-o", os.devnull], ["multirater", str(book)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines() == [
            f"error: {book}: {member}: this part declares a document type (a DTD), which "
            "Excel, LibreOffice and survey tools never write; refused for safety (save the "
            "file again from a spreadsheet program)"
        ]


def test_a_dtd_in_a_part_written_in_utf16_is_found_too(tmp_path):
    member = "xl/worksheets/sheet1.xml"
    book = _rewritten(
        _workbook(tmp_path / "ok.xlsx"),
        tmp_path / "in.xlsx",
        member,
        _with_doctype(EXTERNAL, "utf-16"),
    )
    result = runner.invoke(app, ["batch", str(book), "-o", os.devnull])
    assert result.exit_code == 1 and "declares a document type" in result.stderr


def test_a_workbook_without_a_dtd_is_read_as_before(tmp_path):
    result = runner.invoke(app, ["batch", str(_workbook(tmp_path / "ok.xlsx")), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert "read 2, scored 2" in result.stderr


def test_a_part_read_whole_is_capped_by_its_declared_size(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "XLSX_PART_BYTES", 100)
    book = _workbook(tmp_path / "ok.xlsx")
    result = runner.invoke(app, ["batch", str(book), "-o", os.devnull])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {book}: ")
    assert line.endswith("this part is larger than 100 B, the limit for a part read whole")
    assert "xl/worksheets/" not in line  # sheets are streamed, whatever their size


def test_a_sheet_broken_part_way_is_one_line(tmp_path):
    member = "xl/worksheets/sheet1.xml"

    def broken(data: bytes) -> bytes:
        text = data.decode("utf-8")
        return text[: text.index('<row r="3"')].encode() + b'<row r="3"><c r="A3" t="s'

    book = _rewritten(_workbook(tmp_path / "ok.xlsx"), tmp_path / "in.xlsx", member, broken)
    result = runner.invoke(app, ["batch", str(book), "-o", os.devnull])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    (line,) = [text for text in result.stderr.splitlines() if text.startswith("error:")]
    assert line.startswith(f"error: {book}: cannot be read as an .xlsx workbook (broken at row 3")
