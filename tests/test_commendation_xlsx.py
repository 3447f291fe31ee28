"""The annual commendation as an .xlsx: the lists, 评选依据, the payout sheet for finance, text safety."""
from __future__ import annotations

import copy
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

import sqmy_lib as sq
from sqmy_lib.zh import punctuate as zh_punctuation
from sqmy_lib.compute.commendation import build_commendation
from sqmy_lib.render.commendation_xlsx import SHEETS, write_commendation_xlsx

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
PAYOUT_HEADER = ["序号", "姓名（单位）", "类型", "所在单位", "采用信息（条）", "金额（元）", "签字"]


@pytest.fixture(scope="module")
def comm():
    return build_commendation(sq.read_ledgers(DEMO), 2025)


@pytest.fixture(scope="module")
def book(comm, tmp_path_factory):
    path = write_commendation_xlsx(comm, tmp_path_factory.mktemp("commendation") / "表彰.xlsx")
    return path, openpyxl.load_workbook(path)


def _rows(ws, header: list[str]) -> tuple[int, list[tuple]]:
    """The row number of ``header`` in ``ws`` and every row below it."""
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if list(row[:len(header)]) == header)
    return at + 1, rows[at + 1:]


def _payout(ws) -> tuple[list[tuple], tuple]:
    """The payout sheet's person/unit rows and its 合计 row."""
    _, rows = _rows(ws, PAYOUT_HEADER)
    end = next(i for i, row in enumerate(rows) if row[0] == "合计")
    return rows[:end], rows[end]


def test_sheets_in_order(book):
    _, wb = book
    assert wb.sheetnames == ["先进集体", "优秀信息员", "十佳信息", "好信息", "先进工作者", "评选依据", "奖励发放表"]
    assert wb.sheetnames == SHEETS


def test_lists(book, comm):
    _, wb = book
    ws = wb["先进集体"]
    assert [c.value for c in ws[1]] == ["类别", "名次", "单位", "积分", "报送", "采用"]
    assert [ws.cell(r, 3).value for r in range(2, 2 + len(comm.units))] == list(comm.units["unit"])
    ws = wb["优秀信息员"]
    assert [c.value for c in ws[1]] == ["名次", "姓名", "身份", "单位", "报送", "采用", "积分"]
    assert [ws.cell(r, 2).value for r in range(2, 2 + len(comm.informants))] == list(comm.informants["name"])
    ws = wb["十佳信息"]
    assert [c.value for c in ws[1]] == ["名次", "信息标题", "作者", "报送单位", "最高采用层级", "领导批示（件）", "采用次数", "报送日期"]
    assert [ws.cell(r, 2).value for r in range(2, 2 + len(comm.top_items))] == list(comm.top_items["title"])
    assert ws.cell(2, 8).number_format == "yyyy-mm-dd"
    ws = wb["好信息"]
    assert [c.value for c in ws[1]] == ["信息标题", "作者", "报送单位", "落实情况"]
    assert [ws.cell(r, 1).value for r in range(2, 2 + len(comm.good_items))] == list(comm.good_items["title"])


def test_payout_rows_and_total(book, comm):
    _, wb = book
    ws = wb["奖励发放表"]
    assert ws["A1"].value == f"{comm.year}年度社情民意信息奖励发放表（草稿）"  # not confirmed yet (GB/T 15834 brackets)
    rows, total = _payout(ws)
    assert len(rows) == len(comm.payout)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert [r[1] for r in rows] == list(comm.payout["name"])
    assert [r[2] for r in rows] == list(comm.payout["kind"])
    assert [r[3] for r in rows] == list(comm.payout["unit"])
    assert [r[4] for r in rows] == list(comm.payout["items"])
    amounts = [Decimal(str(r[5])) for r in rows]
    assert amounts == list(comm.payout["amount"])  # to the fen
    assert [int(a * 100) for a in amounts] == list(comm.payout["amount_fen"])
    assert Decimal(str(total[5])) == comm.payout_total == comm.lines_total == sum(amounts)
    assert comm.payout_total > 0


def test_payout_sign_column_is_empty_boxes(book):
    _, wb = book
    ws = wb["奖励发放表"]
    header_row, _ = _rows(ws, PAYOUT_HEADER)
    rows, _ = _payout(ws)
    sign = [ws.cell(header_row + 1 + i, 7) for i in range(len(rows) + 1)]  # the 合计 row too
    assert all(c.value is None for c in sign)
    assert all(c.border.left.style and c.border.right.style and c.border.bottom.style for c in sign)
    assert ws.column_dimensions["G"].width >= 20
    assert ws.cell(header_row + 1, 6).number_format == "#,##0.00"
    # The sign-off line under the table leaves room after each label (it read 制表：审核：日期：).
    footer = next(c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("制表"))
    assert re.fullmatch(r"制表：\u3000{4,}审核：\u3000{4,}日期：", footer), footer


def test_payout_prints_for_finance(book):
    path, wb = book
    ws = wb["奖励发放表"]
    assert ws.page_setup.orientation == "portrait"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)
    assert int(ws.page_setup.fitToHeight) == 0
    header_row, _ = _rows(ws, PAYOUT_HEADER)
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    texts = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    footer = next(t for t in texts if t.startswith("制表"))
    assert "审核" in footer and "日期" in footer
    with zipfile.ZipFile(path) as z:  # the total is a plain number, never a formula
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in s for s in sheets)


def test_basis(book, comm):
    _, wb = book
    ws = wb["评选依据"]
    texts = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    t = comm.thresholds
    assert any(f"报送{t['min_submitted']}条以上" in s and f"采用{t['min_adopted']}条以上" in s for s in texts)
    for rule in comm.tie_breaks.values():
        assert any(zh_punctuation(rule) in s for s in texts), rule
    header = ["姓名", "身份", "单位", "聘任日期", "报送", "采用"]
    header_row, rows = _rows(ws, header)
    full = [c.value for c in ws[header_row]]
    assert {"县级采用", "获批示", "积分", "是否符合", "说明"} <= set(full)
    assert len(rows) == len(comm.basis)
    got = [(r[0], r[full.index("说明")], r[full.index("是否符合")]) for r in rows]
    want = [(n, why, "是" if ok else "否") for n, why, ok in zip(comm.basis["name"], comm.basis["reason"], comm.basis["eligible"])]
    assert got == want
    assert any("未达" in why for _, why, _ in got)


def test_formula_like_title_stays_text(comm, tmp_path):
    tricky = copy.copy(comm)
    tricky.top_items = comm.top_items.copy()
    tricky.top_items.loc[0, "title"] = "=1+1"
    path = write_commendation_xlsx(tricky, tmp_path / "tricky.xlsx")
    cell = openpyxl.load_workbook(path)["十佳信息"]["B2"]
    assert cell.value == "=1+1"
    assert cell.data_type == "s"


def test_empty_lists_say_none(comm, tmp_path):
    empty = copy.copy(comm)
    empty.good_items = comm.good_items.iloc[0:0]
    empty.payout = comm.payout.iloc[0:0]
    empty.payout_total = Decimal("0.00")
    wb = openpyxl.load_workbook(write_commendation_xlsx(empty, tmp_path / "empty.xlsx"))
    assert wb["好信息"]["A2"].value == "无"
    rows, total = _payout(wb["奖励发放表"])
    assert [r[0] for r in rows] == ["无"]
    assert total[5] == 0


def test_writing_is_atomic(comm, tmp_path, monkeypatch):
    target = tmp_path / "表彰.xlsx"

    def broken_close(self):
        raise OSError("disk full")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", broken_close)
    with pytest.raises(OSError):
        write_commendation_xlsx(comm, target)
    assert list(tmp_path.iterdir()) == []
