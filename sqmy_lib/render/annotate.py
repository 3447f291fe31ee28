"""Annotated copies of ledgers: ``sqmy validate --annotate DIR``.

For every ledger with issues a copy is written into the output directory in
which each offending cell is filled (errors red, warnings yellow) and carries a
comment with the messages, plus a sheet ``问题清单`` listing every issue with a
link to its cell. Staff open the copy and fix the original from it.

The ledgers themselves are only ever read: the copy is built in memory and
saved to the output path through :func:`sqmy_lib.iorw.atomic_path`.
``.xlsx``/``.xlsm`` are loaded with openpyxl and keep their formatting (charts
and images may be lost, as with any openpyxl round trip). Staff must recognise
their own ledger in the copy of an ``.xls`` (WPS) or ``.ods`` too, so those are
converted to ``.xlsx`` by LibreOffice when it is installed (borders, fills, fonts,
widths, merged cells, print setup: all of it), from a copy in a temporary folder so
that LibreOffice never touches the ledger's folder (its lock files). Without
LibreOffice, or if it fails, an ``.xls`` is rebuilt from calamine's values with
the formatting read by xlrd (``formatting_info``: borders, fills, fonts, number
formats, alignment, column widths, row heights, merged cells); an ``.ods`` then
gets its values and merged ranges only.

The 问题清单 prints on one page width: A4 landscape, wrapped text, the header row
repeated on every page, scaled to the width if need be.
"""
from __future__ import annotations

import atexit
import datetime as dt
import io
import logging
import math
import operator
import os
import shutil
import subprocess
import tempfile
import warnings
import zipfile
from collections import defaultdict
from copy import copy
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from sqmy_lib import csvfile, htmltable, xmlspreadsheet
from sqmy_lib.catalog import CATALOG, UNREADABLE_CODES
from sqmy_lib.iorw import OUTPUT_PROPERTY, OUTPUT_PROPERTY_TEXT, atomic_path
from sqmy_lib.validate.report import SEVERITY_ZH, Issue, cell_ref

log = logging.getLogger(__name__)

ISSUE_SHEET = "问题清单"
COMMENT_AUTHOR = "sqmy"
FILLS = {
    "error": PatternFill(fill_type="solid", start_color="FFC7CE", end_color="FFC7CE"),
    "warning": PatternFill(fill_type="solid", start_color="FFEB9C", end_color="FFEB9C"),
}
# Errors sort (and colour a cell) before warnings; unknown severities count as warnings.
SEVERITY_RANK = {"error": 0, "warning": 1}
LIST_HEADERS = ["序号", "级别", "代码", "位置", "说明"]
# Together about one A4 landscape page width at 100% (fit-to-width scales anything wider); 代码 fits
# the catalog's longest code (instruction.answered_before_date).
LIST_WIDTHS = [6, 7, max(map(len, CATALOG)) + 1, 24, 74]
LIST_WRAPPED = {"位置", "说明"}
LINE_HEIGHT = 17  # points per line of wrapped text (a CJK font's line, with room), set explicitly: LibreOffice does not grow rows on opening
LINK_FONT = Font(color="0563C1", underline="single")
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9E1F2", end_color="D9E1F2")
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
EXCEL_MAX_ROW, EXCEL_MAX_COL = 1_048_576, 16_384
LIBREOFFICE_TIMEOUT = 180  # seconds for one conversion run (all the files of one call)


def write_annotated(issues: Iterable[Issue], out_dir, base_dir=None) -> list[Path]:
    """Write an annotated copy of every ledger that has issues; return the paths written.

    With ``base_dir`` each copy keeps its path relative to ``base_dir`` under
    ``out_dir``; otherwise copies are flat, named after the ledger. Issues
    without a file are ignored; a ledger that cannot be opened is skipped with
    a logged warning (validation has already reported it as unreadable).
    """
    by_file: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues:
        if issue.file:
            by_file[issue.file].append(issue)
    for file in [f for f, found in by_file.items() if all(i.code in UNREADABLE_CODES for i in found)]:
        del by_file[file]  # a file that could not be read at all has no cells to mark (validation said why)
    kinds = {file: _sniff(Path(file)) for file in by_file}
    targets = _plan_targets(kinds, Path(out_dir), base_dir)
    converted = convert_with_libreoffice([Path(f) for f, kind in kinds.items() if kind == "convert"])

    written = []
    for file, file_issues in by_file.items():
        try:
            wb = _open_copy(Path(file), kinds[file], converted.get(Path(file)))
        except Exception as exc:  # corrupt files raise anything; one must not stop the rest
            # The library's own words are English ("Unable to read workbook …"): staff get why in Chinese.
            log.warning("无法打开 %s,未生成批注副本(标注程序无法解析该文件的结构,例如工作表名含 Excel 不允许的"
                        "字符 / \\ ? * [ ] :);该文件的问题已全部列在校验报告中", file)
            log.debug("annotate: %s: %r", file, exc)
            continue
        annotate_workbook(wb, file_issues)
        target = targets[file]
        with atomic_path(target) as tmp:
            wb.save(tmp)
        written.append(target)
    return written


# ---------------------------------------------------------------- marking


def annotate_workbook(wb: Workbook, issues: list[Issue]) -> None:
    """Mark the cells of ``wb`` the issues point at and append the issue list sheet."""
    worksheets = {ws.title: ws for ws in wb.worksheets}
    by_sheet: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues:
        if issue.sheet in worksheets:
            by_sheet[issue.sheet].append(issue)
    for title, sheet_issues in by_sheet.items():
        mark_worksheet(worksheets[title], sheet_issues)
    _add_issue_sheet(wb, issues, set(worksheets))
    # A copy of a ledger, marked: put back among the ledgers, it is refused, not read twice (read.safety).
    props = wb.custom_doc_props
    if OUTPUT_PROPERTY not in props.names:
        props.append(StringProperty(name=OUTPUT_PROPERTY, value=OUTPUT_PROPERTY_TEXT))


def mark_worksheet(ws: Worksheet, issues: list[Issue]) -> None:
    """Fill and comment every cell of ``ws`` that an issue points at.

    Issues without a row or column mark nothing (they are in the list only).
    A cell hidden inside a merged range is marked on the range's top-left
    cell, the one Excel shows, and the comment names the original cell.
    """
    by_cell: dict[str, list[tuple[str, Issue]]] = defaultdict(list)
    for issue in issues:
        ref = _cell_coordinate(issue)
        if ref:
            by_cell[_visible_cell(ws, ref)].append((ref, issue))

    for anchor, entries in by_cell.items():
        entries.sort(key=lambda e: _rank(e[1]))
        lines = []
        for ref, issue in entries:
            where = "" if ref == anchor else f"{ref}:"
            line = f"[{_severity_zh(issue)}] {where}{issue.message}"
            if line not in lines:  # the same issue reported twice needs saying once
                lines.append(line)
        cell = ws[anchor]
        cell.fill = FILLS.get(entries[0][1].severity, FILLS["warning"])
        text = "\n".join(lines)
        if cell.comment:  # keep what staff wrote; ours goes first
            text += f"\n——原批注——\n{cell.comment.text}"
        cell.comment = _comment(text)


def _add_issue_sheet(wb: Workbook, issues: list[Issue], linkable: set[str]) -> None:
    """Append the 问题清单 sheet, one row per issue, and make it the sheet that opens."""
    ws = wb.create_sheet(_free_title(wb, ISSUE_SHEET))
    for col, (header, width) in enumerate(zip(LIST_HEADERS, LIST_WIDTHS), start=1):
        cell = _set_text(ws.cell(1, col), header)
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, GRID
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width

    for n, issue in enumerate(issues, start=1):
        row = n + 1
        ws.cell(row, 1, n)
        level = _set_text(ws.cell(row, 2), _severity_zh(issue))
        level.fill = FILLS.get(issue.severity, FILLS["warning"])
        _set_text(ws.cell(row, 3), issue.code)
        where = _set_text(ws.cell(row, 4), _position(issue))
        if issue.sheet in linkable:
            target = _cell_coordinate(issue) or f"A{_row_number(issue.row) or 1}"
            where.hyperlink = Hyperlink(ref=where.coordinate, location=f"{_quote_sheet(issue.sheet)}!{target}")
            where.font = LINK_FONT
        _set_text(ws.cell(row, 5), issue.message)
        lines = 1
        for col, (header, width) in enumerate(zip(LIST_HEADERS, LIST_WIDTHS), start=1):
            cell = ws.cell(row, col)
            cell.border = GRID
            cell.alignment = Alignment(wrap_text=header in LIST_WRAPPED, vertical="top")
            if header in LIST_WRAPPED:
                lines = max(lines, math.ceil(_display_width(str(cell.value or "")) / (width - 2)))
        ws.row_dimensions[row].height = LINE_HEIGHT * lines

    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(LIST_HEADERS))}{len(issues) + 1}"
    _print_on_page_width(ws)
    # Only one tab may be selected, or Excel opens the sheets grouped.
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    wb.active = ws
    ws.sheet_view.tabSelected = True


def _position(issue: Issue) -> str:
    """Where in this workbook (the list is inside the copy of that very file): ``二季度!C17``,
    ``二季度!第17行``, ``二季度``, or 整个文件. Short, so it prints on one line."""
    return cell_ref(None, issue.sheet, issue.row, issue.column).lstrip("!") or "整个文件"


def _print_on_page_width(ws: Worksheet, title_rows: str | None = "1:1") -> None:
    """A4 landscape, as many pages down as it takes but one page across, the header (``title_rows``)
    on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页,共 &N 页"


def _comment(text: str) -> Comment:
    """A comment sized to show its text without scrolling."""
    # ~48 half-width characters fit one line of a 320px box.
    lines = sum(max(1, math.ceil(_display_width(line) / 48)) for line in text.splitlines())
    return Comment(_clean(text), COMMENT_AUTHOR, height=max(60, 16 * lines + 12), width=320)


# ---------------------------------------------------------------- loading


def _open_copy(path: Path, kind: str, converted: bytes | None = None) -> Workbook:
    """The ledger as an in-memory openpyxl workbook; the file is only read. ``converted``: the
    ``.xlsx`` LibreOffice made of it, if it did."""
    with open(path, "rb") as fh:
        # In memory, so no reader can touch the file, and openpyxl cannot
        # reject a WPS-misnamed .xls that is really .xlsx by its suffix.
        data = fh.read()
    if converted is not None:
        wb = _load(io.BytesIO(converted), "xlsx")
        if data.startswith(OLE2_MAGIC):
            _restore_xls_font_names(data, wb)
        return wb
    if kind == "csv":
        return _grid_workbook([(csvfile.sheet_name(path), csvfile.grid(data), [])])
    if kind == "html":
        return _grid_workbook(htmltable.html_tables(path))
    if kind == "xmlss":
        return _grid_workbook([(x.name, x.rows, x.merges) for x in xmlspreadsheet.xml_sheets(path)])
    if kind == "convert":
        wb = _convert(io.BytesIO(data))
        if data.startswith(OLE2_MAGIC):
            _copy_xls_formatting(data, wb)
        return wb
    return _load(io.BytesIO(data), kind)


def _load(data: io.BytesIO, kind: str) -> Workbook:
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation extensions...); not for staff.
        warnings.simplefilter("ignore", UserWarning)
        wb = load_workbook(data, keep_vba=kind == "xlsm")
    wb.template = False  # an .xltx copy is saved as a plain workbook
    return wb


# ---------------------------------------------------------------- .xls and .ods through LibreOffice

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a BIFF .xls (what WPS writes) is an OLE2 file


def libreoffice() -> str | None:
    """The LibreOffice program (``soffice``), if installed: on PATH, or where Windows installs it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for base in filter(None, (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)"))):
        candidate = Path(base, "LibreOffice", "program", "soffice.exe")
        if candidate.is_file():
            return str(candidate)
    return None


_profile: list[Path] = []


def _libreoffice_profile() -> Path:
    """A LibreOffice user profile of this process's own (made once, removed at exit): a second
    LibreOffice (staff's own, another run) does not block it, and nothing is written to the user's."""
    if not _profile:
        folder = Path(tempfile.mkdtemp(prefix="sqmy-libreoffice-"))
        atexit.register(shutil.rmtree, folder, True)
        _profile.append(folder)
    return _profile[0]


def convert_with_libreoffice(files: list[Path], timeout: float = LIBREOFFICE_TIMEOUT) -> dict[Path, bytes]:
    """Each file as the bytes of the ``.xlsx`` LibreOffice makes of it (one LibreOffice run for all);
    a file it could not convert, or every file when LibreOffice is absent or fails, is left out."""
    program = libreoffice() if files else None
    if not program:
        return {}
    done: dict[Path, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="sqmy-convert-") as work:
        inbox, outbox = Path(work, "in"), Path(work, "out")
        inbox.mkdir()
        names = {}
        for n, path in enumerate(files):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            # Our own short names: LibreOffice goes by content; the copy keeps lock files out of the ledger's folder.
            staged = inbox / f"{n}{'.xls' if data.startswith(OLE2_MAGIC) else path.suffix.lower() or '.xls'}"
            staged.write_bytes(data)
            names[staged.stem] = path
        if not names:
            return {}
        command = [program, "--headless", "--norestore", "--nolockcheck", "--nologo",
                   f"-env:UserInstallation={_libreoffice_profile().as_uri()}",
                   "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outbox),
                   *(str(inbox / name) for name in sorted(inbox.iterdir()))]
        if not _run(command, timeout):
            return {}
        for stem, path in names.items():
            made = outbox / f"{stem}.xlsx"
            if made.is_file() and made.stat().st_size:
                done[path] = made.read_bytes()
    missing = [str(p) for p in files if p not in done]
    if missing:
        log.warning("LibreOffice 未能转换 %s,改用内置方式生成标注副本", "、".join(missing))
    return done


def _run(command: list[str], timeout: float) -> bool:
    """Run LibreOffice; kill it (and what it started) when it overruns. Whether it ran to its end."""
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=os.name != "nt")
    except OSError as exc:
        log.warning("无法启动 LibreOffice(%s),改用内置方式生成标注副本", exc)
        return False
    try:
        proc.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        log.warning("LibreOffice 转换超时(%s 秒),改用内置方式生成标注副本", timeout)
        if os.name != "nt":
            import signal

            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        proc.kill()
        proc.wait()
        return False


# ---------------------------------------------------------------- .xls formatting without LibreOffice

# BIFF line styles (xlrd's numbers) as openpyxl's border styles.
XLS_LINES = [None, "thin", "medium", "dashed", "dotted", "thick", "double", "hair", "mediumDashed",
             "dashDot", "mediumDashDot", "dashDotDot", "mediumDashDotDot", "slantDashDot"]
XLS_HORIZONTAL = {1: "left", 2: "center", 3: "right", 4: "fill", 5: "justify", 6: "centerContinuous", 7: "distributed"}
XLS_VERTICAL = {0: "top", 1: "center", 2: "bottom", 3: "justify", 4: "distributed"}
XLS_DEFAULT_ROW_HEIGHT = 255  # twips (12.75 pt)


def _xls_book(data: bytes):
    """xlrd's reading of a BIFF ``.xls`` with its formatting; None (said in the log) when it cannot."""
    try:
        import xlrd

        return xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())  # not stdout
    except Exception as exc:  # an .xls xlrd cannot parse still gets its values, from calamine
        log.warning("无法读取 .xls 的格式(%s),标注副本未带格式", exc)
        return None


def _xls_cells(book, wb: Workbook):
    """(XF index, the copy's cell) for every cell of the source xlrd has a format for."""
    for sheet in book.sheets():
        if sheet.name not in wb.sheetnames:
            continue
        ws = wb[sheet.name]
        for r in range(sheet.nrows):
            for c in range(sheet.row_len(r)):
                yield sheet.cell_xf_index(r, c), ws.cell(r + 1, c + 1)


def _copy_xls_formatting(data: bytes, wb: Workbook) -> None:
    """Give the rebuilt copy of a BIFF ``.xls`` the source's formatting, as xlrd reads it: fonts,
    borders, fills, number formats and alignment cell by cell, column widths, row heights, merges."""
    book = _xls_book(data)
    if book is None:
        return
    styles: dict[int, tuple] = {}
    _default_font(wb, _xls_style(book, book.xf_list[0])[0] if book.xf_list else None)
    for xf, cell in _xls_cells(book, wb):
        if xf not in styles:
            styles[xf] = _xls_style(book, book.xf_list[xf])
        font, border, fill, alignment, number_format = styles[xf]
        cell.font, cell.border, cell.alignment = font, border, alignment
        if fill is not None:
            cell.fill = fill
        if number_format and not isinstance(cell.value, str) and cell.value is not None:
            cell.number_format = number_format
    for sheet in book.sheets():
        if sheet.name not in wb.sheetnames:
            continue
        ws = wb[sheet.name]
        if sheet.defcolwidth is not None:  # columns without a width of their own
            ws.sheet_format.baseColWidth = sheet.defcolwidth
        for c, info in sheet.colinfo_map.items():
            dim = ws.column_dimensions[get_column_letter(c + 1)]
            dim.width = round(info.width / 256, 2)
            dim.hidden = bool(info.hidden)
        for r, info in sheet.rowinfo_map.items():
            dim = ws.row_dimensions[r + 1]
            if info.height_mismatch or info.height != XLS_DEFAULT_ROW_HEIGHT:  # a height set by hand
                dim.height = info.height / 20
            dim.hidden = bool(info.hidden)
        if sheet.panes_are_frozen and (sheet.horz_split_pos or sheet.vert_split_pos):
            ws.freeze_panes = ws.cell(sheet.horz_split_pos + 1, sheet.vert_split_pos + 1).coordinate
        merged = {str(m) for m in ws.merged_cells.ranges}
        for r0, r1, c0, c1 in sheet.merged_cells:
            ref = f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1)}{r1}"
            if ref not in merged:
                ws.merge_cells(ref)


def _restore_xls_font_names(data: bytes, wb: Workbook) -> None:
    """Give back the source's font names LibreOffice replaced: on a machine without 黑体 it writes the
    font it would draw with (Noto Sans CJK SC), and staff's Windows would show neither."""
    book = _xls_book(data)
    if book is None:
        return
    for xf, cell in _xls_cells(book, wb):
        name = book.font_list[book.xf_list[xf].font_index].name
        if name and cell.font.name != name:
            font = copy(cell.font)
            font.name = name
            cell.font = font


def _default_font(wb: Workbook, font: Font | None) -> None:
    """Make ``font`` (the source's default) the copy's: column widths are counted in the default
    font's digits, so with another default font (Calibri, absent on most Linux machines) every
    column would print wider than in the source. openpyxl has no public setter for it."""
    if font is None:
        return
    try:
        from openpyxl.utils.indexed_list import IndexedList

        fonts = list(wb._fonts)
        fonts[0] = font
        wb._fonts = IndexedList(fonts)
        wb._named_styles["Normal"].font = font
    except (AttributeError, KeyError, IndexError, TypeError) as exc:  # another openpyxl: widths as they come
        log.debug("default font not set: %s", exc)


def _xls_style(book, xf) -> tuple:
    """An xlrd XF record as openpyxl style objects (font, border, fill or None, alignment, number format)."""
    f = book.font_list[xf.font_index]
    font = Font(name=f.name, size=f.height / 20, bold=bool(f.bold), italic=bool(f.italic),
                underline="single" if f.underline_type else None, strike=bool(f.struck_out),
                color=_xls_colour(book, f.colour_index))
    b = xf.border

    def side(style: int, colour: int) -> Side:
        name = XLS_LINES[style] if 0 <= style < len(XLS_LINES) else "thin"
        return Side(style=name, color=_xls_colour(book, colour) if name else None)

    border = Border(left=side(b.left_line_style, b.left_colour_index), right=side(b.right_line_style, b.right_colour_index),
                    top=side(b.top_line_style, b.top_colour_index), bottom=side(b.bottom_line_style, b.bottom_colour_index))
    colour = _xls_colour(book, xf.background.pattern_colour_index)
    fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour) if xf.background.fill_pattern and colour else None
    a = xf.alignment
    alignment = Alignment(horizontal=XLS_HORIZONTAL.get(a.hor_align), vertical=XLS_VERTICAL.get(a.vert_align, "bottom"),
                          wrap_text=bool(a.text_wrapped), indent=a.indent_level or 0,
                          text_rotation=a.rotation if 0 <= a.rotation <= 180 else 0)
    fmt = book.format_map.get(xf.format_key)
    number_format = fmt.format_str if fmt is not None and fmt.format_str not in ("General", "@") else None
    return font, border, fill, alignment, number_format


def _xls_colour(book, index: int) -> str | None:
    """A palette index as ``FFRRGGBB``; None for the system's automatic colours."""
    rgb = book.colour_map.get(index)
    return f"FF{rgb[0]:02X}{rgb[1]:02X}{rgb[2]:02X}" if rgb else None


def _sniff(path: Path) -> str:
    """``xlsx``, ``xlsm``, ``csv``, ``html``, ``xmlss`` (Excel 2003 XML) or ``convert``, from the content:
    WPS often misnames files."""
    with open(path, "rb") as fh:
        head = fh.read(512)
    if htmltable.looks_like_mht(head):
        return "html"  # a page saved as one file (MHT) under an .xls name: its tables, as the reader reads them
    if not head.startswith((b"PK", OLE2_MAGIC)) and csvfile.is_csv(head, path):
        return "csv"
    if not head.startswith((b"PK", OLE2_MAGIC)) and htmltable.looks_like_html(head):
        return "html"
    if not head.startswith((b"PK", OLE2_MAGIC)) and xmlspreadsheet.looks_like_spreadsheet_ml(head):
        return "xmlss"
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return "convert"
    if "xl/workbook.xml" not in names:
        return "convert"  # .ods, or some other zip
    return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"


def _convert(data: io.BytesIO) -> Workbook:
    """Rebuild a workbook calamine can read (.xls, .ods, ...) as an openpyxl workbook of values."""
    wb = Workbook()
    wb.remove(wb.active)
    # from_filelike detects the format from the content, not the (possibly wrong) suffix.
    with CalamineWorkbook.from_filelike(data) as source:
        for meta in source.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart sheets have no cells to mark
            ws = wb.create_sheet(meta.name)
            _copy_values(source.get_sheet_by_name(meta.name), ws)
            if meta.visible == SheetVisibleEnum.Hidden:
                ws.sheet_state = "hidden"
            elif meta.visible == SheetVisibleEnum.VeryHidden:
                ws.sheet_state = "veryHidden"
    if not wb.worksheets:
        wb.create_sheet("Sheet1")
    return wb


def _grid_workbook(sheets: list[tuple[str, list[list[str]], list]]) -> Workbook:
    """A CSV ledger (sqmy_lib.csvfile), a web page's tables (sqmy_lib.htmltable) or an Excel 2003
    XML workbook (sqmy_lib.xmlspreadsheet) as a workbook, a sheet per (name, rows, merged ranges),
    every text as text (never a formula), numbers and dates as such."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows, merges in sheets:
        ws = wb.create_sheet(name[:31])
        widths: dict[int, int] = defaultdict(int)
        for r, values in enumerate(rows, 1):
            alone = sum(1 for v in values if v) == 1  # a title row: it should not widen its column
            for c, value in enumerate(values, 1):
                if isinstance(value, str) and value:
                    _set_text(ws.cell(r, c), value)
                    if "\n" in value:  # a <br> in the page: without wrapping and height one line shows
                        ws.cell(r, c).alignment = Alignment(wrap_text=True, vertical="top")
                        lines = value.count("\n") + 1
                        ws.row_dimensions[r].height = max(ws.row_dimensions[r].height or 0, 17 * lines)
                elif value != "" and value is not None:  # a number or a date (Excel 2003 XML)
                    ws.cell(r, c).value = value
                    ws.cell(r, c).number_format = "yyyy-mm-dd" if isinstance(value, dt.datetime) else "General"
                if value != "" and value is not None and not alone:
                    widths[c] = max(widths[c], *(_display_width(line) for line in str(value).split("\n")))
        for (r0, c0), (r1, c1) in merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for col, width in widths.items():
            ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 50)
        _print_on_page_width(ws, title_rows=None)  # no print setup of its own: one page across
    return wb


def _copy_values(sheet, ws: Worksheet) -> None:
    """Copy a calamine sheet's values and merged ranges onto ``ws`` at the same coordinates."""
    rows = sheet.to_python(skip_empty_area=False)
    if not rows or sheet.end is None:
        return
    # Depending on the calamine version the rows begin at A1 or at sheet.start;
    # the last used cell tells which, so Excel coordinates come out right either way.
    top = sheet.end[0] + 1 - len(rows)
    left = sheet.end[1] + 1 - max(len(r) for r in rows)
    merges = [m for m in sheet.merged_cell_ranges or [] if m[0] != m[1]]
    wide_anchors = {(r0, c0) for (r0, c0), (_, c1) in merges if c1 > c0}

    widths: dict[int, int] = defaultdict(int)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value == "" or value is None:
                continue
            row, col = top + r + 1, left + c + 1
            cell = ws.cell(row, col)
            if isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value  # openpyxl gives dates/times a date number format
            if (row - 1, col - 1) not in wide_anchors:  # a merged title should not widen its column
                widths[col] = max(widths[col], _display_width(str(value)))
    for (r0, c0), (r1, c1) in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 50)


# ---------------------------------------------------------------- output names


def _plan_targets(kinds: dict[str, str], out_dir: Path, base_dir) -> dict[str, Path]:
    """Choose a distinct output path for every ledger, never beside a source."""
    taken: set[str] = set()

    def claim(rel: Path) -> Path | None:
        key = str(rel).casefold()  # Windows and macOS file names ignore case
        if key in taken:
            return None
        taken.add(key)
        return rel

    plans = []
    for file, kind in kinds.items():
        src = Path(file)
        suffix = ".xlsm" if kind == "xlsm" else ".xlsx"
        rel = _relative(src, base_dir)
        renamed = src.suffix.lower() != suffix
        plans.append((renamed, file, rel.with_name(rel.stem + suffix) if renamed else rel))
    # Ledgers that keep their name claim it first, so a converted 台账.xls
    # becomes 台账(xls).xlsx rather than pushing 台账.xlsx aside.
    plans.sort(key=lambda plan: plan[0])

    targets = {}
    for renamed, file, rel in plans:
        chosen = claim(rel)
        tag = Path(file).suffix.lstrip(".").lower()
        if chosen is None and renamed and tag:
            chosen = claim(rel.with_name(f"{rel.stem}({tag}){rel.suffix}"))
        n = 2
        while chosen is None:
            chosen = claim(rel.with_name(f"{rel.stem}({n}){rel.suffix}"))
            n += 1
        targets[file] = out_dir / chosen
        _refuse_beside_source(Path(file), targets[file])
    return targets


def _refuse_beside_source(src: Path, target: Path) -> None:
    """Raise if ``target`` is in ``src``'s own folder.

    There it could replace the ledger itself or a sibling ledger of the same
    name (台账.xls -> 台账.xlsx), and the next run would read the copies as ledgers.
    """
    if target.parent.exists() and src.parent.exists() and os.path.samefile(target.parent, src.parent):
        raise ValueError(f"批注副本不能写到原台账所在的文件夹 {src.parent},请另选输出目录")


def _relative(src: Path, base_dir) -> Path:
    """``src`` relative to ``base_dir``, or just its name when flat or outside it."""
    if base_dir is not None:
        try:
            return _absolute(src).relative_to(_absolute(base_dir))
        except ValueError:
            pass
    return Path(src.name)


def _absolute(p) -> Path:
    # abspath, not resolve: a symlinked folder should still count as inside base_dir.
    return Path(os.path.abspath(p))


# ---------------------------------------------------------------- small helpers


def _set_text(cell: Cell, text: str) -> Cell:
    """Store ``text`` as text: a leading '=' must never turn it into a formula."""
    cell.value = _clean(text)
    cell.data_type = "s"
    return cell


def _clean(text: str) -> str:
    # Control characters (WPS leaves some) make openpyxl refuse the whole value.
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))


def _cell_coordinate(issue: Issue) -> str | None:
    """``C17`` for an issue that names a valid cell, else None."""
    row = _row_number(issue.row)
    if row is None or not issue.column:
        return None
    try:
        col = column_index_from_string(issue.column.strip().upper())
    except ValueError:
        return None
    return f"{get_column_letter(col)}{row}" if col <= EXCEL_MAX_COL else None


def _row_number(row) -> int | None:
    """``row`` as an int if it is a valid Excel row, else None."""
    try:
        n = operator.index(row)  # numpy integers from a DataFrame count too
    except TypeError:
        return None
    return n if 1 <= n <= EXCEL_MAX_ROW else None


def _visible_cell(ws: Worksheet, ref: str) -> str:
    """The top-left cell of the merged range holding ``ref``, or ``ref`` itself."""
    row, col = coordinate_to_tuple(ref)
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng.start_cell.coordinate
    return ref


def _free_title(wb: Workbook, title: str) -> str:
    """``title``, or ``title(2)``, ``title(3)``... whichever no sheet uses yet."""
    used = {name.casefold() for name in wb.sheetnames}  # Excel compares sheet names ignoring case
    candidate, n = title, 2
    while candidate.casefold() in used:
        candidate, n = f"{title}({n})", n + 1
    return candidate


def _quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _severity_zh(issue: Issue) -> str:
    return SEVERITY_ZH.get(issue.severity, issue.severity)


def _rank(issue: Issue) -> int:
    return SEVERITY_RANK.get(issue.severity, 1)


def _display_width(text: str) -> int:
    """Width in half-width characters: a Chinese character counts two."""
    from .xlsx_tables import text_width

    return text_width(text)
