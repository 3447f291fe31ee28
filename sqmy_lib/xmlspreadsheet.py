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

    reader = _Reader(max_cells)
    try:
        for event, el in iterparse(str(path), events=("start", "end")):
            (reader.start if event == "start" else reader.end)(el)
    except (ParseError, DefusedXmlException, UnicodeError) as exc:
        raise SpreadsheetMLError("Excel 2003 XML 工作簿无法解析") from exc
    for sheet in reader.sheets:
        width = max(map(len, sheet.rows), default=0)
        sheet.rows = [row + [""] * (width - len(row)) for row in sheet.rows]
    return reader.sheets


class _Reader:
    """Where the parse is: the sheets so far, the row and column (0-based) of the current cell."""

    def __init__(self, max_cells: int) -> None:
        self.sheets: list[XmlSheet] = []
        self.max_cells, self.cells = max_cells, 0
        self.r = self.c = -1

    def start(self, el) -> None:
        tag = el.tag
        if tag == f"{SS}Worksheet":
            self.sheets.append(XmlSheet(el.get(f"{SS}Name") or f"Sheet{len(self.sheets) + 1}"))
            self.r = -1
        elif tag == f"{SS}Row" and self.sheets:
            self.r, self.c = _int(el.get(f"{SS}Index"), self.r + 2) - 1, -1
            if el.get(f"{SS}Hidden") == "1":
                self.sheets[-1].hidden_rows.add(self.r)
        elif tag == f"{SS}Cell" and self.sheets:
            self.c = _int(el.get(f"{SS}Index"), self.c + 2) - 1

    def end(self, el) -> None:
        tag = el.tag
        if tag == f"{SS}Cell" and self.sheets:
            if self.r > 1_048_575 or self.c > 16_383:
                raise SpreadsheetMLError("工作簿数据量异常,已拒绝读取")
            self.cells += _cell(self.sheets[-1], el, self.r, self.c)  # the slots it takes, the gap before it counted
            if self.cells > self.max_cells:
                raise SpreadsheetMLError("工作簿数据量异常,已拒绝读取")
            self.c += _int(el.get(f"{SS}MergeAcross"))
            el.clear()
        elif tag == f"{X}Visible" and self.sheets and (el.text or "").strip() in ("SheetHidden", "SheetVeryHidden"):
            self.sheets[-1].hidden = True
        elif tag == f"{SS}Row":
            el.clear()


def _cell(sheet: XmlSheet, el, r: int, c: int) -> int:
    """Put one ``<Cell>`` (at row ``r``, column ``c``) into ``sheet``; how many slots the rows grew by."""
    data = el.find(f"{SS}Data")
    kind = data.get(f"{SS}Type", "String") if data is not None else ""
    text = "".join(data.itertext()) if data is not None else ""
    across, down = _int(el.get(f"{SS}MergeAcross")), _int(el.get(f"{SS}MergeDown"))
    if across or down:
        sheet.merges.append(((r, c), (r + down, c + across)))
    if not text:
        return 1
    grown = max(0, r + 1 - len(sheet.rows)) + max(0, c + 1 - (len(sheet.rows[r]) if r < len(sheet.rows) else 0))
    while len(sheet.rows) <= r:
        sheet.rows.append([])
    row = sheet.rows[r]
    row.extend([""] * (c + 1 - len(row)))
    if kind == "Error":
        sheet.error_cells[r, c] = text
    else:
        row[c] = _value(kind, text)
    return max(grown, 1)
