"""The candidates workbook (候选名单) as staff return it: who they marked 确认, with which 奖项等次.

``sqmy commend`` writes the workbook (render/commendation_xlsx.write_candidates_xlsx); staff
mark the 确认 column in Excel or WPS and the body that decides (主席会议) agrees on it; this
module reads the marks back. It is the one workbook the library wrote that comes back as input,
so nothing in it is trusted: every mark is read as text (a formula is a problem, never
evaluated), every row is tied to its cell, and the names are checked against the candidates
computed afresh from the ledgers (compute/commendation.apply_confirmation), never taken as given.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from ..rules.check import CATEGORIES
from .values import cell_text, norm

CONFIRM_LABEL = "确认"
GRADE_LABEL = "奖项等次"
# The column that names a candidate, per category (the same labels the workbook is written with).
KEY_LABELS = {"先进集体": ("单位",), "优秀信息员": ("姓名",), "十佳信息": ("编号", "信息标题"),
              "好信息": ("编号", "信息标题"), "先进工作者": ("姓名",)}
# An item's other columns as the workbook wrote them: two items may share a title (and have no 编号),
# so the author and unit written beside a 确认 tell them apart.
ITEM_DETAIL_LABELS = ("作者", "报送单位")
YES = {"是", "√", "✓", "✔", "确认", "同意", "Y", "YES", "1", "○", "☑"}
NO = {"否", "×", "✗", "✘", "不同意", "N", "NO", "0", "不"}
HEADER_ROWS = 6  # the header is found among the first rows (a title row may stand above it)


@dataclass(frozen=True)
class ConfirmedRow:
    """One candidate marked 确认: its category, the name (or 编号, title, 作者 and 报送单位) and grade,
    and its cell."""

    category: str
    name: str
    item_no: str
    grade: str
    place: str  # 候选名单.xlsx!优秀信息员!F5
    authors: str = ""  # an item's 作者 as the row says it ("" for people and units, or left blank)
    unit: str = ""  # an item's 报送单位 as the row says it


@dataclass
class Confirmation:
    """What a returned candidates workbook says: the confirmed rows and every problem, by cell."""

    path: Path
    rows: list[ConfirmedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    marks: int = 0  # 确认 cells filled in at all (是, 否 or anything else): none, and it was never filled in

    def of(self, category: str) -> list[ConfirmedRow]:
        return [r for r in self.rows if r.category == category]


def key_of(value) -> str:
    """A name or title as compared between the workbook and the candidates: text, NFKC, no spaces."""
    return norm(cell_text(value))


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


def _header(ws) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_ROWS, values_only=True), 1):
        labels = {norm(cell_text(v)): c for c, v in enumerate(row) if v is not None}
        if CONFIRM_LABEL in labels:
            return r, labels
    return None


def read_confirmed(path: str | Path) -> Confirmation:
    """Read the 确认 and 奖项等次 columns of every category sheet of a returned candidates workbook."""
    path = Path(path)
    out = Confirmation(path)
    name = path.name
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        out.problems.append(f"{name}:候选名单应为 .xlsx 工作簿(用 WPS 或 Excel 另存为 .xlsx)")
        return out
    try:
        wb = openpyxl.load_workbook(path, data_only=False, read_only=True)
    except FileNotFoundError:
        out.problems.append(f"{name}:找不到候选名单文件 {path}")
        return out
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        out.problems.append(f"{name}:无法打开候选名单({type(exc).__name__})")
        return out
    try:
        for category in CATEGORIES:
            if category not in wb.sheetnames:
                out.problems.append(f"{name}:缺少工作表“{category}”(请使用 sqmy commend 生成的候选名单)")
                continue
            _read_sheet(wb[category], category, name, out)
    finally:
        wb.close()
    if not out.problems and not out.marks:
        out.problems.append(f"{name}:各工作表的“{CONFIRM_LABEL}”栏都是空的(没有“是”,也没有“否”),像是尚未填写的候选名单"
                            f"或选错了文件;请在“{CONFIRM_LABEL}”栏对确定表彰的对象填写“是”后再生成"
                            f"(经研究不予表彰任何对象的,在“{CONFIRM_LABEL}”栏填写“否”)")
    return out


def _read_sheet(ws, category: str, name: str, out: Confirmation) -> None:
    found = _header(ws)
    if found is None:
        out.problems.append(f"{name}!{category}:找不到“{CONFIRM_LABEL}”列")
        return
    header_row, labels = found
    keys = KEY_LABELS[category]
    missing = [k for k in keys if k not in labels]
    if missing:
        out.problems.append(f"{name}!{category}:找不到“{'”“'.join(missing)}”列")
        return
    c_confirm, c_grade = labels[CONFIRM_LABEL], labels.get(GRADE_LABEL)
    for r, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), header_row + 1):
        value = row[c_confirm] if c_confirm < len(row) else None
        place = f"{name}!{category}!{get_column_letter(c_confirm + 1)}{r}"
        out.marks += bool(cell_text(value).strip())
        if isinstance(value, str) and value.startswith("="):
            out.problems.append(f"{place}:确认栏是公式“{value}”,请直接填写“是”或留空")
            continue
        mark = _mark(value)
        if mark is None:
            out.problems.append(f"{place}:无法识别的确认标记“{cell_text(value)}”,请填写“是”或留空")
            continue
        if not mark:
            continue

        def text(label: str) -> str:
            c = labels.get(label)
            return key_of(row[c]) if c is not None and c < len(row) else ""

        key = text(keys[-1])
        if not key:
            out.problems.append(f"{place}:已确认,但该行没有{keys[-1]}")
            continue
        grade = text(GRADE_LABEL) if c_grade is not None else ""
        item = "编号" in keys
        out.rows.append(ConfirmedRow(category, key, text("编号") if item else "", grade, place,
                                     *(text(label) if item else "" for label in ITEM_DETAIL_LABELS)))
