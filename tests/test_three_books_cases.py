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
from conftest import assert_every_cell_accounted, write_xlsx, findings as _codes, paid as _paid

ITEMS = "2025年社情民意信息报送台账"
TITLE = "关于解决城东片区学校周边交通拥堵的建议"
BOOK_HEADER = ["序号", "编号", "标题", "批示领导", "批示内容", "批示日期", "承办单位", "交办日期", "办理时限", "办复情况", "反馈日期"]
ADOPTION_HEADER = ["序号", "编号", "标题", "采用单位", "刊物/期号", "采用日期"]
TODAY = dt.date(2025, 12, 31)


def _instructions(ledger):
    return sq.instructions(ledger, sq.Period.of(2025), rules=sq.load_rules(), today=TODAY)


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


# ---------------------------------------------------------------- a 批示 by post on the item's row, in full in the book

@pytest.mark.parametrize("cell", ["县长批示", "县长批示（6月10日）", "获县领导批示", "已批示", "√"])
def test_a_post_only_instruction_on_the_item_row_is_the_one_the_book_records(tmp_path, cell):
    """The item's 领导批示 names the 批示 by its post, its level, or not at all; the 批示督办台账 records 县长李明's
    of 2025-06-10, 已办结. One 批示, the book's: it was two, the second 县长 undated, 未反馈 and 逾期 (due on the
    item's 收稿日期 + 30 days), a phantom in the 督办 list, with nothing said."""
    ledger, report = _office(tmp_path, [
        ["编号", "收稿日期", "标题", "作者", "采用情况", "领导批示"],
        ["XC2025-009", "2025-05-12", TITLE, "孙志强", "县政协第12期", cell]], _book(LIMING))
    rows = _instructions(ledger)
    assert rows[["leader", "status"]].values.tolist() == [["县长李明", "已办结"]]
    assert rows["date"].tolist() == [pd.Timestamp("2025-06-10")] and not rows["overdue"].any()
    repeated = _codes(report, "instruction.repeated")
    assert [(i.file.split("/")[-1], i.row, i.column) for i in repeated] == [("报送台账.xlsx", 3, "F")]
    assert "批示督办台账.xlsx!2025年!第2行" in repeated[0].message
    assert _codes(report, "instruction.unknown_level") == []
    # 县级 ¥30, doubled once for the 批示.
    assert _paid(ledger, 2025) == {"孙志强": Decimal("60.00")}


def test_an_instruction_on_the_item_row_that_the_book_does_not_have_stays(tmp_path):
    """备注 获县委书记、县长批示 beside one book row, 县长李明's: the 县长 is the book's, the 县委书记 another 批示
    (two, not three). 副县长批示 on the next item beside the book's 县长王刚 is no 县长: two 批示 (a post that
    does not fit); 县长批示（5月3日） beside the book's 县长王刚 of 6月10日 another day: two as well."""
    header = ["编号", "收稿日期", "标题", "作者", "采用情况", "备注"]
    ledger, report = _office(tmp_path, [
        header,
        ["XC2025-009", "2025-05-12", TITLE, "孙志强", "县政协第12期", "获县委书记、县长批示"],
        ["XC2025-010", "2025-05-13", "关于加快河道生态修复的建议", "王丽华", "县政协第13期", "副县长批示"],
        ["XC2025-011", "2025-05-14", "关于规范网约车停靠秩序的建议", "赵敏", "县政协第14期", "县长批示（5月3日）"]],
        _book(LIMING,
              [2, "XC2025-010", "关于加快河道生态修复的建议", "县长王刚", "请水利局研究", "2025-06-10", "县水利局", None, None, "已办结", "2025-07-01"],
              [3, "XC2025-011", "关于规范网约车停靠秩序的建议", "县长王刚", "请交通局研究", "2025-06-10", "县交通局", None, None, "已办结", "2025-07-01"]))
    t = ledger.instructions
    assert sorted(zip(t["item"], t["leader"])) == [(0, "县委书记"), (0, "县长李明"), (1, "副县长"), (1, "县长王刚"),
                                                   (2, "县长"), (2, "县长王刚")]
    repeated = _codes(report, "instruction.repeated")
    assert [(i.row, i.column) for i in repeated] == [(3, "F")] and "“县长”" in repeated[0].message


# ---------------------------------------------------------------- an adoption by level on the item's row, dated in the book

def test_a_level_word_on_the_item_row_is_the_adoption_the_book_dates(tmp_path):
    """采用情况 市级采用 (no day; item of 2025-03-05) and the 采用台账's 示例市政协 第15期 2025-04-18: one adoption,
    in Q2. It was counted in Q1 (¥100 in Q1) and again in Q2, the quarters adding to more than the year.
    县市省三级采用 beside the 采用台账's three adoptions of the next item: three, each the book's."""
    ledger, report = _office(tmp_path, [
        ["编号", "收稿日期", "标题", "作者", "采用情况"],
        ["XC2025-005", "2025-03-05", "关于加强电动自行车充电安全管理的建议", "孙志强", "市级采用"],
        ["XC2025-006", "2025-03-18", "关于提升社区嵌入式养老服务水平的建议", "周晓梅", "县市省三级采用"]],
        {"采用台账.xlsx": {"2025年": [ADOPTION_HEADER,
            [1, "XC2025-005", "加强电动自行车充电安全管理", "示例市政协", "《示例政协信息》第15期", "2025-04-18"],
            [2, "XC2025-006", "关于提升社区嵌入式养老服务水平的建议", "县政协", "《社情民意》第7期", "2025-03-20"],
            [3, "XC2025-006", "关于提升社区嵌入式养老服务水平的建议", "示例市政协", "《示例政协信息》第16期", "2025-04-20"],
            [4, "XC2025-006", "关于提升社区嵌入式养老服务水平的建议", "示例省政协", "《示例政协信息》第21期", "2025-06-09"]]}})
    ad = ledger.adoptions.sort_values(["item", "date"])
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["date"])) == [
        (0, "市级", pd.Timestamp("2025-04-18")), (1, "县级", pd.Timestamp("2025-03-20")),
        (1, "市级", pd.Timestamp("2025-04-20")), (1, "省级", pd.Timestamp("2025-06-09"))]
    repeated = _codes(report, "adoption.repeated")
    assert sorted((i.row, i.column) for i in repeated) == [(3, "E"), (4, "E"), (4, "E"), (4, "E")]
    assert _paid(ledger, sq.Period.of(2025, 1)) == {"周晓梅": Decimal("30.00")}
    # Q2: 孙志强 市级 ¥100; 周晓梅 her highest tier, 省级 ¥200, less the ¥30 of Q1 (补差). The quarters add to the year.
    assert _paid(ledger, sq.Period.of(2025, 2)) == {"孙志强": Decimal("100.00"), "周晓梅": Decimal("170.00")}
    assert _paid(ledger, 2025) == {"孙志强": Decimal("100.00"), "周晓梅": Decimal("200.00")}


# ---------------------------------------------------------------- √ under 采用情况 beside a 采用台账 row

def test_a_tick_under_adoption_text_beside_the_adoption_book_confirms_it(tmp_path):
    """采用情况 √ for an item whose adoption the 采用台账 records (县政协 2025-09-25): the same yes as under 是否采用,
    confirming that row, counted once at 县级. It was adoption.no_body, an error, a record left out."""
    ledger, report = _office(tmp_path, [
        ["编号", "收稿日期", "标题", "作者", "采用情况"],
        ["XC2025-013", "2025-09-10", "关于加强中小学生心理健康教育的建议", "王丽华", "√"],
        ["XC2025-014", "2025-09-11", "关于盘活闲置农房发展乡村民宿的建议", "刘建军", "√"]],
        {"采用台账.xlsx": {"2025年": [ADOPTION_HEADER,
            [1, "XC2025-013", "关于加强中小学生心理健康教育的建议", "县政协", "《社情民意》第23期", "2025-09-25"]]}})
    ad = ledger.adoptions.sort_values("item")
    assert ad["item"].tolist() == [0, 1] and ad["tier"].astype(object).tolist()[0] == "县级" and pd.isna(ad["tier"].iloc[1])
    # The second √ has no 采用台账 row: adopted, by whom not written, as before.
    assert [(i.row, i.column) for i in _codes(report, "adoption.no_body")] == [(4, "E")]
    assert _paid(ledger, 2025) == {"王丽华": Decimal("30.00")}


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
