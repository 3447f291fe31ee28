"""The candidates workbook (候选名单) as staff return it: who they marked 确认, with which 奖项等次.

``sqmy commend`` writes the workbook (render/commendation_xlsx.write_candidates_xlsx); staff
mark the 确认 column in Excel or WPS and the body that decides (主席会议) agrees on it; this
module reads the marks back. It is the one workbook the library wrote that comes back as input,
so nothing in it is trusted: every mark is read as text (a formula is a problem, never
evaluated), every row is tied to its cell, and the names are checked against the candidates
computed afresh from the ledgers (compute/commendation.apply_confirmation), never taken as given.

A row keeps every cell it has (its name, 单位, figures), each with its place, so the computation
can tell a row whose name was moved apart from its figures (a sort of the 姓名 column alone) and
say which figures were edited by hand. What cannot be read as one row's decision is refused here:
a 确认 cell merged over several rows, a 奖项等次 on a row not confirmed, 是/否 written in the
建议 column, a category sheet whose 确认 column was never filled in.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from ..rules.check import CATEGORIES
from .values import cell_text, norm

CONFIRM_LABEL = "确认"
GRADE_LABEL = "奖项等次"
SUGGEST_LABEL = "建议"
# The column that names a candidate, per category (the same labels the workbook is written with).
KEY_LABELS = {"先进集体": ("单位",), "优秀信息员": ("姓名",), "十佳信息": ("编号", "信息标题"),
              "好信息": ("编号", "信息标题"), "先进工作者": ("姓名",)}
# An item's other columns as the workbook wrote them: two items may share a title (and have no 编号),
# so the author and unit written beside a 确认 tell them apart.
ITEM_DETAIL_LABELS = ("作者", "报送单位")
YES = {"是", "√", "✓", "✔", "确认", "同意", "Y", "YES", "1", "○", "☑"}
NO = {"否", "×", "✗", "✘", "不同意", "N", "NO", "0", "不"}
HEADER_ROWS = 6  # the header is found among the first rows (a title row may stand above it)
# The candidates workbook of a province's year is well under 5 MB unpacked; opened whole (to see its
# merged cells), so a file far larger is refused before openpyxl builds it.
MAX_UNPACKED = 64 << 20
LISTED_CELLS = 6  # a message lists this many cells, then 等N格
AUTHOR_SEPARATORS = re.compile(r"[、,，;；/／\s]+")


@dataclass(frozen=True)
class Cell:
    """One cell of a returned row as written (stripped text), with its column label and place."""

    label: str
    text: str
    place: str  # 候选名单.xlsx!优秀信息员!D5

    @property
    def ref(self) -> str:
        """The cell's address alone (D5)."""
        return self.place.rsplit("!", 1)[-1]


@dataclass(frozen=True)
class ConfirmedRow:
    """One candidate marked 确认 (or, in ``Confirmation.declined``, marked 否): its category, the
    name (or 编号, title, 作者 and 报送单位) and grade, its 确认 cell and every cell of the row."""

    category: str
    name: str
    item_no: str
    grade: str
    place: str  # 候选名单.xlsx!优秀信息员!F5
    authors: str = ""  # an item's 作者 as the row says it, separators aside (authors_key; "" for people and units)
    unit: str = ""  # an item's 报送单位 as the row says it
    cells: tuple[Cell, ...] = ()  # the row's non-empty cells but 确认, as written
    confirmed: bool = True  # False: marked 否

    def cell(self, label: str) -> Cell | None:
        return next((c for c in self.cells if c.label == label), None)

    @property
    def key_place(self) -> str:
        """The cell that names the candidate (姓名, 单位 or 信息标题), else the 确认 cell."""
        key = self.cell(KEY_LABELS[self.category][-1])
        return key.place if key else self.place


@dataclass
class Confirmation:
    """What a returned candidates workbook says: the confirmed rows, the rows marked 否 and every
    problem, by cell."""

    path: Path
    rows: list[ConfirmedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    marks: int = 0  # 确认 cells filled in at all (是, 否 or anything else): none, and it was never filled in
    declined: list[ConfirmedRow] = field(default_factory=list)  # rows marked 否 (a 是 for one of them contradicts it)

    def of(self, category: str) -> list[ConfirmedRow]:
        return [r for r in self.rows if r.category == category]

    def declined_of(self, category: str) -> list[ConfirmedRow]:
        return [r for r in self.declined if r.category == category]


def key_of(value) -> str:
    """A name or title as compared between the workbook and the candidates: text, NFKC, no spaces."""
    return norm(cell_text(value))


def authors_key(value) -> str:
    """An item's authors as compared: each name (key_of), in order of name, whatever separates them
    (王建国、周敏, 王建国，周敏 and 周敏 王建国 are one list)."""
    names = (key_of(n) for n in AUTHOR_SEPARATORS.split(cell_text(value)))
    return "、".join(sorted(n for n in names if n))


def _mark(value) -> bool | None:
    """True for 是/√, False for blank/否, None for anything else."""
    text = norm(cell_text(value)).upper()
    if not text:
        return False
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _is_mark(value) -> bool:
    """是/否/√/× and the like (not a blank): what belongs in the 确认 column."""
    text = norm(cell_text(value)).upper()
    return bool(text) and (text in YES or text in NO)


def _header(ws) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_ROWS, values_only=True), 1):
        labels = {norm(cell_text(v)): c for c, v in enumerate(row) if v is not None}
        if CONFIRM_LABEL in labels:
            return r, labels
    return None


def listed(cells: list[str]) -> str:
    """D4、D5、D6 …: at most LISTED_CELLS named, then 等N格."""
    shown = "、".join(cells[:LISTED_CELLS])
    return shown + (f"等{len(cells)}格" if len(cells) > LISTED_CELLS else "")


def _open(path: Path, out: Confirmation):
    """The workbook opened whole (merged cells are seen only so), or None with the problem said."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
        if unpacked > MAX_UNPACKED:
            out.problems.append(f"{name}:文件解压后达 {unpacked >> 20} MB,远大于 sqmy commend 生成的候选名单,"
                                "像是选错了文件,未读取")
            return None
        return openpyxl.load_workbook(path, data_only=False)
    except FileNotFoundError:
        out.problems.append(f"{name}:找不到候选名单文件 {path}")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        out.problems.append(f"{name}:无法打开候选名单")
    return None


def read_confirmed(path: str | Path) -> Confirmation:
    """Read the 确认 and 奖项等次 columns of every category sheet of a returned candidates workbook."""
    path = Path(path)
    out = Confirmation(path)
    name = path.name
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        out.problems.append(f"{name}:候选名单应为 .xlsx 工作簿(用 WPS 或 Excel 另存为 .xlsx)")
        return out
    wb = _open(path, out)
    if wb is None:
        return out
    blank = []
    try:
        for category in CATEGORIES:
            if category not in wb.sheetnames:
                out.problems.append(f"{name}:缺少工作表“{category}”(请使用 sqmy commend 生成的候选名单)")
            elif _read_sheet(wb[category], category, name, out):
                blank.append(category)
    finally:
        wb.close()
    if not out.problems and not out.marks:
        out.problems.append(f"{name}:各工作表的“{CONFIRM_LABEL}”栏都是空的(没有“是”,也没有“否”),像是尚未填写的候选名单"
                            f"或选错了文件;请在“{CONFIRM_LABEL}”栏对确定表彰的对象填写“是”后再生成"
                            f"(经研究不予表彰任何对象的,在“{CONFIRM_LABEL}”栏填写“否”)")
    elif blank:
        out.problems += [f"{name}!{category}:“{CONFIRM_LABEL}”栏都是空的(没有“是”,也没有“否”),像是尚未填写;"
                         f"请对该类确定表彰的对象填写“是”(经研究该类不予表彰的,在“{CONFIRM_LABEL}”栏填写“否”)"
                         for category in blank]
    return out


class _Sheet:
    """One category sheet being read: where its columns are, what was filled in."""

    def __init__(self, ws, category: str, book: str, header_row: int, labels: dict[str, int]):
        self.ws, self.category, self.book, self.header_row, self.labels = ws, category, book, header_row, labels
        self.confirm, self.grade, self.suggest = (labels.get(k) for k in (CONFIRM_LABEL, GRADE_LABEL, SUGGEST_LABEL))
        self.names = {c: label for label, c in labels.items()}
        self.candidates = 0  # rows that name a candidate
        self.filled = 0  # 确认 marks, grades, merged 确认 cells: anything that shows it was filled in
        self.suggested: list[str] = []  # 建议 cells holding 是/否 where 确认 is blank

    def place(self, c: int, r: int) -> str:
        return f"{self.book}!{self.category}!{get_column_letter(c + 1)}{r}"

    def cells(self, row: tuple, r: int) -> tuple[Cell, ...]:
        return tuple(Cell(self.names.get(c, get_column_letter(c + 1)), cell_text(v), self.place(c, r))
                     for c, v in enumerate(row) if c != self.confirm and cell_text(v))

    def text(self, row: tuple, label: str) -> str:
        c = self.labels.get(label)
        return cell_text(row[c]) if c is not None and c < len(row) else ""


def _merged(s: _Sheet, out: Confirmation) -> tuple[dict[tuple[int, int], object], set[int]]:
    """The sheet's merged ranges below the header: a 确认 or 奖项等次 cell merged over several rows is
    refused (whose decision would it be?) and its rows skipped; a range across the 确认 column on one
    row (the 无 row of an empty list) reads as written; any other merged cell reads as each row's
    (a 类别 merged over its units). Returns the filled-in values and the skipped rows."""
    fill: dict[tuple[int, int], object] = {}
    skipped: set[int] = set()
    for rng in s.ws.merged_cells.ranges:
        if rng.max_row <= s.header_row:
            continue
        first = max(rng.min_row, s.header_row + 1)
        cols = range(rng.min_col - 1, rng.max_col)
        held = s.confirm in cols or s.grade in cols
        if held and rng.max_row > first:
            label = CONFIRM_LABEL if s.confirm in cols else GRADE_LABEL
            out.problems.append(f"{s.book}!{s.category}!{rng.coord}:“{label}”栏是合并单元格(跨{rng.max_row - first + 1}行),"
                                f"无法确定是哪几行的决定;请取消合并,在每一行的“{label}”栏分别填写")
            skipped.update(range(first, rng.max_row + 1))
            s.filled += 1
            out.marks += 1
            continue
        if held:
            continue
        value = s.ws.cell(rng.min_row, rng.min_col).value
        fill.update({(r, c): value for r in range(first, rng.max_row + 1) for c in cols})
    return fill, skipped


def _read_sheet(ws, category: str, name: str, out: Confirmation) -> bool:
    """Read one category sheet into ``out``; True when it names candidates and nothing at all was
    filled in (确认 blank everywhere: not yet filled in, said by the caller)."""
    found = _header(ws)
    if found is None:
        out.problems.append(f"{name}!{category}:找不到“{CONFIRM_LABEL}”列")
        return False
    header_row, labels = found
    missing = [k for k in KEY_LABELS[category] if k not in labels]
    if missing:
        out.problems.append(f"{name}!{category}:找不到“{'”“'.join(missing)}”列")
        return False
    s = _Sheet(ws, category, name, header_row, labels)
    fill, skipped = _merged(s, out)
    for r, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), header_row + 1):
        if r not in skipped:
            _read_row(s, tuple(fill.get((r, c), v) for c, v in enumerate(row)), r, out)
    if s.suggested:
        out.problems.append(f"{name}!{category}:“{SUGGEST_LABEL}”栏{listed(s.suggested)}填了“是”或“否”,而这些行的"
                            f"“{CONFIRM_LABEL}”栏是空的;“{SUGGEST_LABEL}”栏是按名额给出的参考,不读取,请把确认填在"
                            f"“{CONFIRM_LABEL}”栏({get_column_letter(s.confirm + 1)}列)")
    return bool(s.candidates) and not s.filled and not s.suggested


def _read_row(s: _Sheet, row: tuple, r: int, out: Confirmation) -> None:
    value = row[s.confirm] if s.confirm < len(row) else None
    place = s.place(s.confirm, r)
    keys = KEY_LABELS[s.category]
    key = key_of(s.text(row, keys[-1]))
    s.candidates += bool(key)
    written = cell_text(value)
    out.marks += bool(written)
    s.filled += bool(written)
    if isinstance(value, str) and value.startswith("="):
        out.problems.append(f"{place}:确认栏是公式“{value}”,请直接填写“是”或留空")
        return
    mark = _mark(value)
    if mark is None:
        out.problems.append(f"{place}:无法识别的确认标记“{written}”,请填写“是”或留空")
        return
    if not mark:
        _not_confirmed(s, row, r, written, out)
        if written and key:
            out.declined.append(_row(s, row, r, key, place, confirmed=False))
        return
    if not key:
        out.problems.append(f"{place}:已确认,但该行没有{keys[-1]}")
        return
    out.rows.append(_row(s, row, r, key, place))


def _not_confirmed(s: _Sheet, row: tuple, r: int, written: str, out: Confirmation) -> None:
    """A row left blank or marked 否: a 奖项等次 on it, or 是/否 in its 建议 cell, is a decision not
    made in the 确认 column."""
    grade = s.text(row, GRADE_LABEL)
    if grade:
        s.filled += 1
        where = f"{s.place(s.grade, r)}:"
        confirm = f"“{CONFIRM_LABEL}”栏({get_column_letter(s.confirm + 1)}{r})"
        if _is_mark(grade):
            out.problems.append(f"{where}“{grade}”不是奖项等次,{confirm}却" + (f"填了“{written}”" if written else "是空的")
                                + f";确认表彰的请在“{CONFIRM_LABEL}”栏填写“是”,并在“{GRADE_LABEL}”栏填写规则所列的等次")
        else:
            out.problems.append(f"{where}已填奖项等次“{grade}”但未确认({confirm}" + (f"为“{written}”" if written else "为空")
                                + f");表彰的请在“{CONFIRM_LABEL}”栏填写“是”,不表彰的请清空奖项等次")
    if not written and s.suggest is not None and s.suggest < len(row) and _is_mark(row[s.suggest]):
        s.suggested.append(f"{get_column_letter(s.suggest + 1)}{r}")


def _row(s: _Sheet, row: tuple, r: int, key: str, place: str, confirmed: bool = True) -> ConfirmedRow:
    item = "编号" in KEY_LABELS[s.category]
    return ConfirmedRow(s.category, key, key_of(s.text(row, "编号")) if item else "", key_of(s.text(row, GRADE_LABEL)),
                        place, authors_key(s.text(row, "作者")) if item else "",
                        key_of(s.text(row, "报送单位")) if item else "", s.cells(row, r), confirmed)
