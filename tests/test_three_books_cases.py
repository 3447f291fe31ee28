"""An office keeping three books: a 报送台账, a 采用台账 and a 批示督办台账, each naming the item by 编号 and
title. What the item's own row writes short (区长批示, 市级采用, √) and a book records in full is one record;
a title the city printed abridged agrees with its 编号.

Every workbook is written by hand here and every answer worked out by hand (the shipped rules: 县级 ¥30,
市级 ¥100, 省级 ¥200; a 批示 doubles an item's reward once); every cell is read or named in a finding.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

ITEMS = "2025年社情民意信息报送台账"
TITLE = "关于解决城东片区学校周边交通拥堵的建议"
BOOK_HEADER = ["序号", "编号", "标题", "批示领导", "批示内容", "批示日期", "承办单位", "交办日期", "办理时限", "办复情况", "反馈日期"]
ADOPTION_HEADER = ["序号", "编号", "标题", "采用单位", "刊物/期号", "采用日期"]
TODAY = dt.date(2025, 12, 31)


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _instructions(ledger):
    return sq.instructions(ledger, sq.Period.of(2025), rules=sq.load_rules(), today=TODAY)


def _paid(ledger, period) -> dict[str, Decimal]:
    r = sq.rewards(ledger, period)
    return dict(zip(r["name"], r["amount"]))


def _office(tmp_path, items: list[list], books: dict[str, dict]) -> tuple:
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "报送台账.xlsx", {"2025年": [[ITEMS], *items]})
    for name, sheets in books.items():
        write_xlsx(folder / name, sheets)
    return assert_every_cell_accounted(folder)


def _book(*rows) -> dict:
    return {"批示督办台账.xlsx": {"2025年": [BOOK_HEADER, *rows]}}


LIMING = [1, "XC2025-009", TITLE, "县长李明", "请县公安局研究解决", "2025-06-10", "县公安局", "2025-06-12", "2025-07-12",
          "已办结，问题得到解决", "2025-07-05"]


# ---------------------------------------------------------------- a title the city printed abridged

def test_an_abridged_title_agrees_with_its_number(tmp_path):
    """The 采用台账 writes 加快白沙河沿岸生态修复 (关于…的建议 dropped) under 编号 XC2025-010: no link.number_mismatch.
    A title rewritten (冬季燃气安全检查亟待加强 for 关于加强冬季燃气安全检查的建议) is still said, at the 编号 (B),
    not at the 采用单位 (D)."""
    ledger, report = _office(tmp_path, [
        ["编号", "收稿日期", "标题", "作者"],
        ["XC2025-010", "2025-06-03", "关于加快白沙河沿岸生态修复的建议", "陈立新"],
        ["XC2025-011", "2025-06-04", "关于加强冬季燃气安全检查的建议", "赵敏"]],
        {"采用台账.xlsx": {"2025年": [ADOPTION_HEADER,
            [1, "XC2025-010", "加快白沙河沿岸生态修复", "县政协", "《社情民意》第14期", "2025-06-20"],
            [2, "XC2025-011", "冬季燃气安全检查亟待加强", "县政协", "《社情民意》第15期", "2025-06-21"]]}})
    assert [(i.row, i.column) for i in _codes(report, "link.number_mismatch")] == [(3, "B")]
    assert sorted(ledger.adoptions["item"]) == [0, 1]


def test_a_number_with_an_abridged_title_that_is_last_year_s_title_stays_with_its_number(tmp_path):
    """编号 XC2025-005 with the title abridged as 加强电动自行车充电安全管理, which is exactly last year's XC2024-043's
    title (赵敏): the 编号 names the item whose title it abridges, so the adoption and the 批示 are 孙志强's
    (市级 ¥100, doubled: ¥200). They went to 赵敏's 2024 item (¥200 to her), said only as a mismatch.
    Where the title really names another year's item than the 编号 (a whole other title), the link follows
    the title as before, and says link.other_year too."""
    header = ["编号", "收稿日期", "标题", "作者"]
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "报送台账.xlsx", {
        "2025年": [[ITEMS], header, ["XC2025-005", "2025-03-05", "关于加强电动自行车充电安全管理的建议", "孙志强"],
                  ["XC2025-006", "2025-03-06", "关于规范校外培训机构预收费监管的建议", "王丽华"]],
        "2024年": [["2024年社情民意信息报送台账"], header, ["XC2024-043", "2024-11-20", "加强电动自行车充电安全管理", "赵敏"],
                  ["XC2024-044", "2024-12-02", "关于规范农村建房审批的建议", "刘建军"]]})
    write_xlsx(folder / "采用台账.xlsx", {"2025年": [ADOPTION_HEADER,
        [1, "XC2025-005", "加强电动自行车充电安全管理", "示例市政协", "《示例政协信息》第15期", "2025-04-18"],
        [2, "XC2025-006", "关于规范农村建房审批的建议", "县政协", "《社情民意》第9期", "2025-04-20"]]})
    write_xlsx(folder / "批示督办台账.xlsx", {"2025年": [BOOK_HEADER,
        [1, "XC2025-005", "加强电动自行车充电安全管理", "县长李明", "请应急管理局研究", "2025-04-25", "县应急管理局", None, None,
         "已办结", "2025-05-28"]]})
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    subs = ledger.submissions.set_index("item")["item_no"]
    assert sorted(zip(ledger.adoptions["item"].map(subs), ledger.adoptions["tier"].astype(str))) == [
        ("XC2024-044", "县级"), ("XC2025-005", "市级")]
    assert ledger.instructions["item"].map(subs).tolist() == ["XC2025-005"]
    assert [i.row for i in _codes(report, "link.number_mismatch")] == [3]
    other = _codes(report, "link.other_year")
    assert [i.row for i in other] == [3] and "关于规范农村建房审批的建议" in other[0].message
    paid = _paid(ledger, 2025)
    assert paid["孙志强"] == Decimal("200.00") and "赵敏" not in paid
