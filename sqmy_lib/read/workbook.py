"""Opening a workbook: python-calamine for the cells (fast); the raw XML of an .xlsx or an .ods
(sqmy_lib.read.ods), or xlrd for a BIFF .xls, only for what calamine does not give (formula cells
without a value, error values, struck cells, hidden rows and columns, notes; an .ods's merges).
A CSV file is one sheet of text cells (sqmy_lib.csvfile).

Every grid is in Excel coordinates: ``rows[r][c]`` is Excel row ``r + 1``,
column ``c`` (0-based), so messages can name cells exactly as Excel shows them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as pc

from .. import csvfile, htmltable, xmlspreadsheet
from .ods import ods_sheet_facts
from .safety import MAX_SHEET_CELLS, MAX_SHEET_XML, SheetFacts, UnreadableFile, sniff, xls_cell_facts, xlsx_sheet_facts

Merge = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class SheetGrid:
    """One worksheet's cells, merged ranges and formula cells lacking a cached value."""

    name: str
    rows: list[list]
    merges: list[Merge] = field(default_factory=list)
    formula_cells: set[tuple[int, int]] = field(default_factory=set)
    hidden: bool = False
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # #N/A, #REF! … (read as empty)
    struck_cells: set[tuple[int, int]] = field(default_factory=set)  # struck through (删除线)
    hidden_rows: set[int] = field(default_factory=set)  # 0-based rows hidden, by hand or by a filter
    hidden_cols: set[int] = field(default_factory=set)  # 0-based columns hidden
    date1904: bool = False  # a number typed as a date counts days from 1904 (calamine converts date-formatted cells)
    comments: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based → a cell's note (批注)
    picture_cells: set[tuple[int, int]] = field(default_factory=set)  # a picture WPS embedded (read as empty)
    format_hidden: dict[tuple[int, int], str] = field(default_factory=dict)  # → why it shows as a blank (;;;, white)
    volatile_cells: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # =TODAY() → (formula, stored)
    # 0-based → (the text read, the text struck through and left out): text struck in part (删除线)
    partly_struck: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based → its fill colour (an .xlsx's), as a key


@dataclass
class OpenedWorkbook:
    """The readable sheets of a file, plus sheets that were refused (with the reason)."""

    path: Path
    format: str
    sheets: list[SheetGrid]
    refused: list[UnreadableFile]


def _format_of_suffix(path: Path) -> str:
    """The format calamine infers from the file's name (``.xlsm`` is an ``xlsx``)."""
    suffix = path.suffix.lower()
    return {".xlsm": "xlsx", ".xlsx": "xlsx", ".xls": "xls", ".ods": "ods"}.get(suffix, suffix)


# Characters that show as nothing (zero-width space and joiners, word joiner, BOM, soft hyphen,
# direction marks) come with text pasted from web pages and chat: 张\u200b三 is 张三, in every cell.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def _visible(rows: list[list]) -> list[list]:
    """``rows`` with the invisible characters taken out of their text, and a cell of nothing but
    spaces (full-width 　, no-break) blank, as it shows (in place: a text that prints as it is
    and starts with no space, nearly all, is not touched)."""
    for row in rows:
        for k, v in enumerate(row):
            if type(v) is str and (not v.isprintable() or v[:1] == " "):
                v = v.translate(_INVISIBLE)
                row[k] = "" if v.isspace() else v
    return rows


def _csv_sheet(path: Path) -> SheetGrid:
    """A CSV file as the one sheet it is (sqmy_lib.csvfile), after the same size guard as a sheet's."""
    size = path.stat().st_size
    if size > MAX_SHEET_XML:
        raise UnreadableFile("sheet.too_large", f"CSV 文件达 {size >> 20} MB,超过上限 {MAX_SHEET_XML >> 20} MB,已拒绝读取")
    try:
        rows = csvfile.grid(path.read_bytes())
    except csvfile.CsvProblem as exc:
        raise UnreadableFile("file.encoding", str(exc)) from exc
    except csv.Error as exc:
        raise UnreadableFile("file.corrupt", f"CSV 文件无法解析({exc})") from exc
    if rows and len(rows) * len(rows[0]) > MAX_SHEET_CELLS:
        raise UnreadableFile("sheet.too_large", f"CSV 文件数据量异常(约 {len(rows)} 行 × {len(rows[0])} 列),已拒绝读取")
    return SheetGrid(csvfile.sheet_name(path), _visible(rows))


def _html_sheets(path: Path) -> list[SheetGrid]:
    """A web page's tables (sqmy_lib.htmltable) as sheets, after the same size guard as a sheet's."""
    size = path.stat().st_size
    if size > MAX_SHEET_XML:
        raise UnreadableFile("sheet.too_large", f"网页文件达 {size >> 20} MB,超过上限 {MAX_SHEET_XML >> 20} MB,已拒绝读取")
    try:
        tables = htmltable.html_tables(path)
    except htmltable.HtmlTableError as exc:
        raise UnreadableFile("sheet.too_large", str(exc)) from exc
    sheets = [SheetGrid(name, _visible(rows), merges) for name, rows, merges in tables]
    if not sheets:
        raise UnreadableFile("file.not_excel", "文件是网页,但其中没有表格,请用 Excel 或 WPS 另存为 .xlsx")
    return sheets


def _xml_sheets(path: Path) -> list[SheetGrid]:
    """An Excel 2003 XML workbook's worksheets (sqmy_lib.xmlspreadsheet) as sheets, after the same
    size guards as a sheet's."""
    size = path.stat().st_size
    if size > MAX_SHEET_XML:
        raise UnreadableFile("sheet.too_large", f"工作簿文件达 {size >> 20} MB,超过上限 {MAX_SHEET_XML >> 20} MB,已拒绝读取")
    try:
        found = xmlspreadsheet.xml_sheets(path, MAX_SHEET_CELLS)
    except xmlspreadsheet.SpreadsheetMLError as exc:
        raise UnreadableFile("file.corrupt", str(exc)) from exc
    return [SheetGrid(s.name, _visible(s.rows), s.merges, hidden=s.hidden, error_cells=s.error_cells, hidden_rows=s.hidden_rows)
            for s in found]


# What the raw package says beyond calamine's cells, per sheet, read before calamine opens the file
# (an oversized sheet is refused first: calamine builds every sheet of an .ods on opening).
_FACTS = {"xlsx": xlsx_sheet_facts, "ods": ods_sheet_facts}


def _blank_errors(rows: list[list], errors: dict[tuple[int, int], str]) -> list[list]:
    """An error value calamine gives as the text it shows (an .ods's Err:502, #DIV/0!) read as
    empty, like every other error value: it is named (cell.error_value), never read as a mark."""
    for (r, c), text in errors.items():
        if r < len(rows) and c < len(rows[r]) and rows[r][c] == text:
            rows[r][c] = ""
    return rows


def _blank_cells(rows: list[list], *cells: set[tuple[int, int]]) -> list[list]:
    """Cells whose stored value is not what they hold read as empty, each named by its finding: a
    formula's stored value that is no result (formula.no_value: the 0 xlsxwriter stores for
    =IF(B3<>"","√","")), a picture WPS embedded (cell.picture: its =DISPIMG(…) call), the day
    =TODAY() was last calculated (cell.volatile_date)."""
    for r, c in (at for group in cells for at in group):
        if r < len(rows) and c < len(rows[r]):
            rows[r][c] = ""
    return rows


def _unstrike(rows: list[list], partly: dict[tuple[int, int], tuple[str, str]], struck: set) -> list[list]:
    """A text struck through in part (删除线: how staff delete a name or a unit) read without the
    struck part, as every later step sees it; said by the sheet reader (cell.partly_struck). A
    cell whose format strikes it whole is left as it is (struck out whole, cell.struck)."""
    for (r, c), (kept, _) in partly.items():
        if (r, c) not in struck and r < len(rows) and c < len(rows[r]) and isinstance(rows[r][c], str) and rows[r][c]:
            rows[r][c] = kept.translate(_INVISIBLE)
    return rows


def open_workbook(path: str | Path) -> OpenedWorkbook:
    """Open ``path`` after the safety checks; raise UnreadableFile when nothing can be read."""
    path = Path(path)
    fmt = sniff(path)
    if fmt == "csv":
        return OpenedWorkbook(path, fmt, [_csv_sheet(path)], [])
    if fmt == "html":
        return OpenedWorkbook(path, fmt, _html_sheets(path), [])
    if fmt == "xmlss":
        return OpenedWorkbook(path, fmt, _xml_sheets(path), [])
    facts: dict[str, SheetFacts] = _FACTS[fmt](path) if fmt in _FACTS else {}
    wb = _calamine(path, fmt)
    sheets: list[SheetGrid] = []
    refused: list[UnreadableFile] = []
    try:
        for meta in _worksheets(wb):
            fact = facts.get(meta.name, SheetFacts())
            grid = _sheet_grid(wb, meta, fact) if fact.problem is None else fact.problem
            (sheets if isinstance(grid, SheetGrid) else refused).append(grid)
    finally:
        wb.close()
    if fmt == "xls" and sheets:
        _add_xls_facts(path, sheets)
    return OpenedWorkbook(path, fmt, sheets, refused)


def _calamine(path: Path, fmt: str):
    """The calamine workbook of ``path``, opened by what the file holds; UnreadableFile when it cannot be."""
    try:
        if _format_of_suffix(path) == fmt:
            return pc.CalamineWorkbook.from_path(str(path))
        with open(path, "rb") as fh:  # an .xls saved under .xlsx, or the other way round
            return pc.CalamineWorkbook.from_filelike(fh)
    except pc.PasswordError as exc:
        raise UnreadableFile("file.encrypted", "工作簿设有打开密码,无法读取;请在 Excel/WPS 中取消密码后另存") from exc
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # calamine's errors, and its panics (a BaseException), mean the same to staff
        raise UnreadableFile("file.corrupt", "文件已损坏或不完整,无法解析;请用 Excel/WPS 打开后另存为 .xlsx 再试") from exc


def _worksheets(wb) -> list:
    """The workbook's worksheets' metadata (chart sheets left out); UnreadableFile when even that fails."""
    try:
        return [meta for meta in wb.sheets_metadata if meta.typ == pc.SheetTypeEnum.WorkSheet]
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:
        wb.close()
        raise UnreadableFile("file.corrupt", "文件已损坏或不完整,无法解析;请用 Excel/WPS 打开后另存为 .xlsx 再试") from exc


def _sheet_grid(wb, meta, fact: SheetFacts) -> SheetGrid | UnreadableFile:
    """One worksheet's grid with its facts, or the refusal of that sheet alone (a panic in one sheet
    costs that sheet only)."""
    try:
        sheet = wb.get_sheet_by_name(meta.name)
        rows = _blank_errors(_visible(sheet.to_python(skip_empty_area=False)), fact.error_cells)
        if fact.formula_cells or fact.picture_cells or fact.volatile_cells:
            _blank_cells(rows, fact.formula_cells, fact.picture_cells, set(fact.volatile_cells))
        if fact.partly_struck:
            _unstrike(rows, fact.partly_struck, fact.struck_cells)
        merges = list(sheet.merged_cell_ranges or fact.merges)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:
        return UnreadableFile("sheet.corrupt", f"工作表“{meta.name}”已损坏,无法读取;请用 Excel/WPS 打开后另存再试", meta.name)
    return SheetGrid(meta.name, rows, merges, fact.formula_cells, meta.visible != pc.SheetVisibleEnum.Visible,
                     fact.error_cells, fact.struck_cells, fact.hidden_rows, hidden_cols=fact.hidden_cols,
                     date1904=fact.date1904, comments=fact.comments, picture_cells=fact.picture_cells,
                     format_hidden=fact.format_hidden, partly_struck=fact.partly_struck,
                     volatile_cells=fact.volatile_cells, fills=fact.fills)


def _add_xls_facts(path: Path, sheets: list[SheetGrid]) -> None:
    """A BIFF file's error values (calamine gives them as empty), struck cells (or text), hidden rows and notes."""
    more = xls_cell_facts(path)
    for grid in sheets:
        if grid.name in more:
            grid.error_cells.update(more[grid.name].error_cells)
            grid.struck_cells |= more[grid.name].struck_cells
            grid.hidden_rows |= more[grid.name].hidden_rows
            grid.hidden_cols |= more[grid.name].hidden_cols
            grid.date1904 = more[grid.name].date1904
            grid.comments = more[grid.name].comments
            grid.partly_struck = more[grid.name].partly_struck
            grid.format_hidden = more[grid.name].format_hidden
            grid.formula_cells |= more[grid.name].formula_cells
            _blank_cells(grid.rows, more[grid.name].formula_cells)
            _unstrike(grid.rows, grid.partly_struck, grid.struck_cells)
