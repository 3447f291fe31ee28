"""Annotated copies of ledgers: ``sqmy validate --annotate DIR``.

For every ledger with issues a copy is written into the output directory in
which each offending cell is filled (errors red, warnings yellow) and carries a
comment with the messages, plus a sheet ``问题清单`` listing every issue with a
link to its cell. Staff open the copy and fix the original from it.

The ledgers themselves are only ever read: the copy is built in memory and
saved to the output path through :func:`sqmy_lib.iorw.atomic_path`.
``.xlsx``/``.xlsm`` are loaded with openpyxl and keep their formatting (charts
and images may be lost, as with any openpyxl round trip); ``.xls`` (WPS) and
``.ods`` are read with calamine and rebuilt as ``.xlsx`` holding the values
at the same coordinates, and for ``.xls`` the merged ranges (calamine gives
none for ``.ods``).
"""
from __future__ import annotations

import io
import logging
import math
import operator
import os
import unicodedata
import warnings
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from sqmy_lib.iorw import atomic_path
from sqmy_lib.validate.report import SEVERITY_ZH, Issue

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
LIST_WIDTHS = [6, 8, 24, 34, 70]
LINK_FONT = Font(color="0563C1", underline="single")
EXCEL_MAX_ROW, EXCEL_MAX_COL = 1_048_576, 16_384


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
    kinds = {file: _sniff(Path(file)) for file in by_file}
    targets = _plan_targets(kinds, Path(out_dir), base_dir)

    written = []
    for file, file_issues in by_file.items():
        try:
            wb = _open_copy(Path(file), kinds[file])
        except Exception as exc:  # corrupt files raise anything; one must not stop the rest
            log.warning("无法打开 %s,未生成批注副本:%s", file, exc)
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
        _set_text(ws.cell(1, col), header).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(col)].width = width

    for n, issue in enumerate(issues, start=1):
        row = n + 1
        ws.cell(row, 1, n)
        level = _set_text(ws.cell(row, 2), _severity_zh(issue))
        level.fill = FILLS.get(issue.severity, FILLS["warning"])
        _set_text(ws.cell(row, 3), issue.code)
        where = _set_text(ws.cell(row, 4), issue.cell)
        if issue.sheet in linkable:
            target = _cell_coordinate(issue) or f"A{_row_number(issue.row) or 1}"
            where.hyperlink = Hyperlink(ref=where.coordinate, location=f"{_quote_sheet(issue.sheet)}!{target}")
            where.font = LINK_FONT
        message = _set_text(ws.cell(row, 5), issue.message)
        message.alignment = Alignment(wrap_text=True, vertical="top")

    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(LIST_HEADERS))}{len(issues) + 1}"
    # Only one tab may be selected, or Excel opens the sheets grouped.
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    wb.active = ws
    ws.sheet_view.tabSelected = True


def _comment(text: str) -> Comment:
    """A comment sized to show its text without scrolling."""
    # ~48 half-width characters fit one line of a 320px box.
    lines = sum(max(1, math.ceil(_display_width(line) / 48)) for line in text.splitlines())
    return Comment(_clean(text), COMMENT_AUTHOR, height=max(60, 16 * lines + 12), width=320)


# ---------------------------------------------------------------- loading


def _open_copy(path: Path, kind: str) -> Workbook:
    """The ledger as an in-memory openpyxl workbook; the file is only read."""
    with open(path, "rb") as fh:
        # In memory, so no reader can touch the file, and openpyxl cannot
        # reject a WPS-misnamed .xls that is really .xlsx by its suffix.
        data = io.BytesIO(fh.read())
    if kind == "convert":
        return _convert(data)
    with warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation extensions...); not for staff.
        warnings.simplefilter("ignore", UserWarning)
        wb = load_workbook(data, keep_vba=kind == "xlsm")
    wb.template = False  # an .xltx copy is saved as a plain workbook
    return wb


def _sniff(path: Path) -> str:
    """``xlsx``, ``xlsm`` or ``convert``, from the content: WPS often misnames files."""
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
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
