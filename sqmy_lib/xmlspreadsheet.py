"""An Excel 2003 XML spreadsheet (SpreadsheetML): what some web systems export under an ``.xls`` name.

Each ``<Worksheet ss:Name>`` is a sheet, its ``<Row>``/``<Cell>`` values in rows at the places
``ss:Index`` gives; ``ss:MergeAcross``/``ss:MergeDown`` are merged ranges. A value is read as its
``ss:Type`` says: ``String`` as text, ``Number`` as a number, ``DateTime`` as a date and time,
``Boolean`` as 是/否 text, ``Error`` (#N/A) as an error value. A formula (``ss:Formula``) is read
as the value stored with it, never evaluated. The XML is parsed with entity declarations refused
(defusedxml). Hidden sheets and rows (``Visible``, ``ss:Hidden``) are kept as such.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
X = "{urn:schemas-microsoft-com:office:excel}"

Merge = tuple[tuple[int, int], tuple[int, int]]


def looks_like_spreadsheet_ml(head: bytes) -> bool:
    """Whether the first bytes of a file are an Excel 2003 XML workbook."""
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return low.startswith(b"<?xml") and (b"excel.sheet" in low or b"urn:schemas-microsoft-com:office:spreadsheet" in low)


@dataclass
class XmlSheet:
    """One worksheet of the file: its rows, merged ranges, error cells and what is hidden."""

    name: str
    rows: list[list] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)


class SpreadsheetMLError(ValueError):
    """The file is not a readable Excel 2003 XML workbook (its message is for staff)."""


def _value(kind: str, text: str):
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
    if kind == "Boolean":
        return "是" if text.strip() in ("1", "true", "TRUE") else "否"
    return text


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def xml_sheets(path: Path, max_cells: int = 20_000_000) -> list[XmlSheet]:
    """The worksheets of the Excel 2003 XML workbook at ``path``; SpreadsheetMLError when the XML
    cannot be parsed or holds more than ``max_cells`` cells."""
    from defusedxml.common import DefusedXmlException
    from defusedxml.ElementTree import iterparse
    from xml.etree.ElementTree import ParseError

    sheets: list[XmlSheet] = []
    cells = 0
    r = c = -1
    try:
        for event, el in iterparse(str(path), events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == f"{SS}Worksheet":
                    sheets.append(XmlSheet(el.get(f"{SS}Name") or f"Sheet{len(sheets) + 1}"))
                    r = -1
                elif tag == f"{SS}Row" and sheets:
                    r = _int(el.get(f"{SS}Index"), r + 2) - 1
                    c = -1
                    if el.get(f"{SS}Hidden") == "1":
                        sheets[-1].hidden_rows.add(r)
                elif tag == f"{SS}Cell" and sheets:
                    c = _int(el.get(f"{SS}Index"), c + 2) - 1
                continue
            if tag == f"{SS}Cell" and sheets:
                cells += 1
                if cells > max_cells or r > 1_048_575 or c > 16_383:
                    raise SpreadsheetMLError("工作簿数据量异常,已拒绝读取")
                _cell(sheets[-1], el, r, c)
                c += _int(el.get(f"{SS}MergeAcross"))
                el.clear()
            elif tag == f"{X}Visible" and sheets and (el.text or "").strip() in ("SheetHidden", "SheetVeryHidden"):
                sheets[-1].hidden = True
            elif tag == f"{SS}Row":
                el.clear()
    except (ParseError, DefusedXmlException, UnicodeError) as exc:
        raise SpreadsheetMLError(f"Excel 2003 XML 工作簿无法解析({type(exc).__name__})") from exc
    for sheet in sheets:
        width = max(map(len, sheet.rows), default=0)
        sheet.rows = [row + [""] * (width - len(row)) for row in sheet.rows]
    return sheets


def _cell(sheet: XmlSheet, el, r: int, c: int) -> None:
    """Put one ``<Cell>`` (at row ``r``, column ``c``) into ``sheet``."""
    data = el.find(f"{SS}Data")
    kind = data.get(f"{SS}Type", "String") if data is not None else ""
    text = "".join(data.itertext()) if data is not None else ""
    across, down = _int(el.get(f"{SS}MergeAcross")), _int(el.get(f"{SS}MergeDown"))
    if across or down:
        sheet.merges.append(((r, c), (r + down, c + across)))
    if not text:
        return
    while len(sheet.rows) <= r:
        sheet.rows.append([])
    row = sheet.rows[r]
    row.extend([""] * (c + 1 - len(row)))
    if kind == "Error":
        sheet.error_cells[r, c] = text
        return
    row[c] = _value(kind, text)
