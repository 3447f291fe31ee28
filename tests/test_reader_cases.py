"""Ledgers written the way other offices write them: each case read right, or reported at its cell.

Every workbook here is written by hand in the test (not by the demo generator), every answer
is worked out by hand in the test, and every workbook is checked for the reader's invariant:
each non-empty cell is consumed into a record or named in a finding.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xls, write_xlsx

TITLE = "2025年度社情民意信息报送采用登记表"


def _read(path, **kw):
    ledger, report = assert_every_cell_accounted(path, **kw)
    return ledger, report


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _adopted(ledger, *columns) -> list[tuple]:
    """The adoptions in table order as (item, tier, *columns): a missing value None, a day a date."""
    def plain(v):
        if pd.isna(v):
            return None
        return v.date() if isinstance(v, pd.Timestamp) else int(v) if isinstance(v, (int, np.integer)) else v

    ad = ledger.adoptions
    return [tuple(map(plain, row)) for row in zip(ad["item"], ad["tier"].astype(str), *(ad[c] for c in columns))]


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


# ---------------------------------------------------------------- marks in tier columns

def test_only_adopted_marks_are_counted_and_paid(tmp_path):
    marks = ["退稿", "不采用", "暂不采用", "待定", "拟采用", "留存", "已报送", "上报", "报送市政协", "√", "第3期", "见附件"]
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "县政协编发", "市政协"]]
    for k, mark in enumerate(marks, 1):
        column = 5 if mark in ("报送市政协", "√", "已报送") else 4  # 报送市政协/√/已报送 under 市政协
        row = [k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", None, None]
        row[column] = mark
        rows.append(row)
    path = write_xlsx(tmp_path / "台账.xlsx", {"一季度": rows})
    ledger, report = _read(path)
    ad = ledger.adoptions
    # √ under 市政协 (item 10) and 第3期 under 县政协编发 (item 11): two adoptions, nothing else.
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(9, "市级"), (10, "县级")]
    assert ad.loc[ad["tier"] == "县级", "issue_no"].tolist() == [3]
    fw = ledger.forwards
    # 已报送 (市政协 column), 上报 (县政协编发 column: to the level above, 市级), 报送市政协.
    assert sorted(zip(fw["item"], fw["tier"].astype(str))) == [(6, "市级"), (7, "市级"), (8, "市级")]
    unknown = _codes(report, "mark.unknown")
    assert [(i.row, i.column) for i in unknown] == [(14, "E")] and "见附件" in unknown[0].message
    assert _paid(ledger) == {"作者10号": Decimal("100.00"), "作者11号": Decimal("30.00")}


def test_flag_column_vocabulary(tmp_path):
    rows = [["日期", "标题", "作者", "是否采用", "采用单位"],
            ["2025-04-01", "关于甲的建议", "张三", "是", "省政协"],
            ["2025-04-02", "关于乙的建议", "李四", "否", ""],
            ["2025-04-03", "关于丙的建议", "王五", "待定", ""],
            ["2025-04-04", "关于丁的建议", "赵六", "说不清", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert ledger.adoptions["tier"].astype(str).tolist() == ["省级"]
    assert [(i.row, i.column) for i in _codes(report, "mark.unknown")] == [(5, "D")]


# ---------------------------------------------------------------- a summary sheet over the month sheets

def test_summary_sheet_repeating_month_sheets_is_counted_once(tmp_path):
    header = ["序号", "日期", "标题", "作者", "采用情况", "领导批示"]
    jan = [header, [1, "2025-01-05", "关于甲的建议", "张三", "县政协编发第1期", ""],
           [2, "2025-01-09", "关于乙的建议", "李四", "", ""]]
    feb = [header, [1, "2025-02-03", "关于丙的建议", "王五", "市政协采用", "副市长李某某"]]
    summary = [header, *jan[1:], [3, "2025-02-03", "关于丙的建议", "王五", "市政协采用", "副市长李某某"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"1月": jan, "2月": feb, "全年汇总": summary}))
    assert len(ledger.submissions) == 3
    # 县级 30 + 市级 100 × 2 (批示) = 230 yuan, not twice that.
    assert sum(_paid(ledger).values()) == Decimal("230.00")
    repeats = _codes(report, "sheet.repeats")
    assert len(repeats) == 1 and repeats[0].sheet == "全年汇总" and "3 行" in repeats[0].message
    assert set(ledger.skipped.loc[ledger.skipped["reason"] == "repeat", "row"]) == {2, 3, 4}


def test_a_summary_row_that_differs_from_its_month_is_reported(tmp_path):
    header = ["日期", "标题", "作者", "市政协"]
    jan = [header, ["2025-01-05", "关于甲的建议", "张三", ""], ["2025-01-06", "关于乙的建议", "李四", ""]]
    summary = [header, ["2025-01-05", "关于甲的建议", "张三", "√"], ["2025-01-06", "关于乙的建议", "李四", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"1月": jan, "2月": [header, ["2025-02-01", "关于丙的建议", "王五", ""]],
                                                            "汇总": summary}))
    # The 汇总's √ under 市政协 is an adoption the month's row has not: the copies fill each other's blanks, it is
    # the item's (counted once), said at the 汇总's row.
    fills = _codes(report, "repeat.fills")
    assert [(i.sheet, i.row) for i in fills] == [("汇总", 2)] and "市级" in fills[0].message
    assert not _codes(report, "repeat.differs") and ledger.adoptions["tier"].astype(str).tolist() == ["市级"]


# ---------------------------------------------------------------- headers

def test_uncommon_headers_are_understood_and_unknown_ones_named(tmp_path):
    rows = [["上报时间", "稿件名称", "撰稿人", "录用情况", "领导签批", "考评意见"],
            ["2025-05-06", "关于甲的建议", "张三", "市政协", "市长王某", "优"]]
    ledger, report = _read(write_xlsx(tmp_path / "a.xlsx", {"S": rows}))
    sub = ledger.submissions.iloc[0]
    assert sub["title"] == "关于甲的建议" and sub["date"] == dt.datetime(2025, 5, 6)
    assert ledger.adoptions["tier"].astype(str).tolist() == ["市级"]
    assert ledger.instructions[["leader", "level"]].astype(str).values.tolist() == [["市长王某", "市级"]]
    unknown = _codes(report, "header.unknown")
    assert [(i.column, i.row) for i in unknown] == [("F", 1)] and "考评意见" in unknown[0].message
    for label in ("刊用情况", "用稿情况"):
        rows2 = [["日期", "信息内容", "作者", label, "签批情况"], ["2025-05-06", "关于乙的建议", "李四", "省政协", "省委常委张某"]]
        ledger2, _ = _read(write_xlsx(tmp_path / f"{label}.xlsx", {"S": rows2}))
        assert ledger2.adoptions["tier"].astype(str).tolist() == ["省级"], label
        assert ledger2.instructions["level"].astype(str).tolist() == ["省级"], label


def test_header_over_three_rows(tmp_path):
    rows = [
        [TITLE],
        ["序号", "日期", "标题", "作者", "采用情况", None, None, None],
        [None, None, None, None, "县级", "市级以上", None, None],
        [None, None, None, None, None, "市级", "省级", "国家级"],
        [1, "2025-03-01", "关于甲的建议", "张三", None, None, "√", None],
        [2, "2025-03-02", "关于乙的建议", "李四", None, "√", None, None],
        [3, "2025-03-03", "关于丙的建议", "王五", None, None, None, "√"],
        [4, "2025-03-04", "关于丁的建议", "赵六", "第2期", None, None, None],
    ]
    merges = ["A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:H2", "E3:E4", "F3:H3"]
    ledger, _ = _read(write_xlsx(tmp_path / "three.xlsx", {"S": rows}, {"S": merges}))
    assert len(ledger.submissions) == 4  # the third header row is not an item
    # 省级 200 + 市级 100 + 国家级 300 + 县级 30 = 630 yuan.
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("100.00"), "王五": Decimal("300.00"),
                             "赵六": Decimal("30.00")}


# ---------------------------------------------------------------- 批示 in 备注, several leaders and tiers in one cell

def test_instructions_written_in_the_note_column_are_counted_and_reported(tmp_path):
    rows = [["日期", "标题", "作者", "市政协", "备注"],
            ["2025-06-01", "关于甲的建议", "张三", "√", "获市委书记王某某批示"],
            ["2025-06-02", "关于乙的建议", "李四", "√", "县长李某某圈阅"],
            ["2025-06-03", "关于丙的建议", "王五", "√", "待领导批示"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"S": rows}))
    instr = ledger.instructions
    assert instr[["leader", "level"]].astype(str).values.tolist() == [["市委书记王某某", "市级"], ["县长李某某", "县级"]]
    assert [i.row for i in _codes(report, "instruction.in_note")] == [2, 3]
    # 市级 100 × 2 for each instructed item; 王五's is awaiting one: 100.
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("200.00"), "王五": Decimal("100.00")}


def test_a_column_saying_no_instruction_yet_is_none(tmp_path):
    # 待批示 / 尚未批示 under 领导批示 or 是否批示 say no 批示 was given: nothing counted, nothing doubled in pay.
    rows = [["日期", "标题", "作者", "市政协", "领导批示", "是否批示"],
            ["2025-06-01", "关于甲的建议", "张三", "√", "待批示", ""],
            ["2025-06-02", "关于乙的建议", "李四", "√", "尚未批示", ""],
            ["2025-06-03", "关于丙的建议", "王五", "√", "", "暂无领导批示"],
            ["2025-06-04", "关于丁的建议", "赵六", "√", "市长张某某", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}))
    assert ledger.instructions["leader"].tolist() == ["市长张某某"]
    assert not [i for i in report.issues if i.code.startswith("instruction.")]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("100.00"), "王五": Decimal("100.00"),
                             "赵六": Decimal("200.00")}


def test_several_leaders_and_several_tiers_in_one_cell(tmp_path):
    rows = [["日期", "标题", "作者", "采用情况", "领导批示"],
            ["2025-06-01", "关于甲的建议", "张三", "县级、市级", "市长张某某、副市长李某某"],
            ["2025-06-02", "关于乙的建议", "李四", "县政协编发\n市政协采用", "市委常委、常务副市长刘某某"]]
    ledger, _ = _read(write_xlsx(tmp_path / "m.xlsx", {"S": rows}))
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(0, "县级"), (0, "市级"), (1, "县级"), (1, "市级")]
    assert ledger.instructions.groupby("item").size().to_dict() == {0: 2, 1: 1}
    assert ledger.instructions.loc[ledger.instructions["item"] == 1, "leader"].item() == "市委常委、常务副市长刘某某"


# ---------------------------------------------------------------- authors

def test_author_cells_with_etal_affiliations_and_file_unit(tmp_path):
    rows = [["信息报送情况"], ["填报单位:民革县委"],
            ["日期", "标题", "作者"],
            ["2025-03-01", "关于甲的建议", "柏志强 等"],
            ["2025-03-02", "关于乙的建议", "柏志强等"],
            ["2025-03-03", "关于丙的建议", "民革 许文博"],
            ["2025-03-04", "关于丁的建议", "民进会员 喻晓燕"],
            ["2025-03-05", "关于戊的建议", "许文博(民盟)、执笔:喻晓燕"]]
    ledger, report = _read(write_xlsx(tmp_path / "民革县委.xlsx", {"S": rows}))
    names = ledger.authors.groupby("item")["name"].agg(list).to_dict()
    assert names == {0: ["柏志强"], 1: ["柏志强"], 2: ["许文博"], 3: ["喻晓燕"], 4: ["许文博", "喻晓燕"]}
    assert ledger.authors["is_unit"].sum() == 0
    assert set(ledger.submissions["unit"]) == {"民革县委"}  # the file's 填报单位, never a phantom 民革
    assert [i.row for i in _codes(report, "author.et_al")] == [4, 5]
    assert ledger.authors.loc[ledger.authors["item"] == 4, "scribe"].tolist() == [False, True]


@pytest.mark.parametrize("line,unit", [("填报单位（盖章）：农工党县委    填报日期：2025年12月20日", "农工党县委"),
                                       ("报送单位名称：团县委", "团县委"), ("金额单位：元", "")])
def test_the_filing_unit_line_as_offices_write_it(tmp_path, line, unit):
    rows = [["2025年度社情民意信息报送情况"], [line], ["标题", "作者", "日期"], ["关于甲的建议", "张三", "2025-03-01"]]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}))
    assert ledger.submissions["unit"].tolist() == [unit]


def test_a_bare_unit_line_and_et_al_with_a_count(tmp_path):
    # "单位:" alone above the header names the unit (金额单位:元 does not); 等3人 / 等三人 are dropped from the name.
    rows = [["民革县委2025年社情民意信息报送登记表"], ["单位：民革县委      联系人：王某      电话：13800000000"],
            ["金额单位：元"],
            ["序号", "信息名称", "撰写人", "报送时间", "被市政协采用"],
            [1, "关于甲的建议", "张三等3人", "2025-03-01", "是"],
            [2, "关于乙的建议", "李四等三人", "2025-04-01", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}))
    assert ledger.authors["name"].tolist() == ["张三", "李四"]
    assert set(ledger.submissions["unit"]) == {"民革县委"}
    assert [i.row for i in _codes(report, "author.et_al")] == [5, 6]
    assert _paid(ledger) == {"张三": Decimal("100.00")}


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_an_item_written_on_two_lines_is_one_item(tmp_path, fmt):
    # 甲: 序号/标题/作者/日期 merged over two rows, one adoption on each (市 5期, 省 2期): one item, paid at 省级 ¥200.
    # 乙: a second line with only the adoption cells, not merged: the same item, with a warning naming it.
    rows = [["序号", "标题", "作者", "日期", "采用单位", "采用期数", "备注"],
            [1, "关于甲的建议", "张三", "2025-03-01", "市政协", "第5期", ""],
            [None, None, None, None, "省政协", "第2期", "省政协信息专报"],
            [2, "关于乙的建议", "李四", "2025-03-02", "县政协", "第9期", ""],
            [None, None, None, None, "市政协", "第6期", ""],
            [3, "关于丙的建议", "王五", "2025-03-03", "", "", ""]]
    if fmt == "xlsx":
        path = write_xlsx(tmp_path / "t.xlsx", {"S": rows}, merges={"S": ["A2:A3", "B2:B3", "C2:C3", "D2:D3"]})
    else:
        path = write_xls(tmp_path / "t.xls", {"S": rows}, merges={"S": [(1, 2, c, c) for c in range(4)]})
    ledger, report = _read(path)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议", "关于丙的建议"]
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str), ad["issue_no"])) == [
        (0, "市级", 5), (0, "省级", 2), (1, "县级", 9), (1, "市级", 6)]
    assert [(i.code, i.row) for i in report.issues if i.severity != "info"] == [("row.continuation", 5)]
    assert ledger.submissions.loc[0, "note"] == "省政协信息专报"  # the second line's 备注 is the item's
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("100.00")}


@pytest.mark.parametrize("with_roster", [False, True])
def test_one_sheet_per_unit_counts_for_that_unit(tmp_path, with_roster):
    # A workbook with a sheet per unit and no 单位 column: each sheet's items are its unit's; a sheet named
    # for a kind of unit (界别) or the office's own is no unit.
    head = ["标题", "作者", "日期", "采用情况"]
    sheets = {"民盟县委": [head, ["关于甲的建议", "张三", "2025-03-01", "市政协采用"]],
              "民建县委": [head, ["关于乙的建议", "李四", "2025-03-02", "县政协采用"],
                          ["关于丙的建议", "王五", "2025-03-03", ""]],
              "界别": [head, ["关于丁的建议", "赵六", "2025-03-04", ""]]}
    roster = None
    if with_roster:
        roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称"], ["民盟县委"], ["民建县委"]]})
    ledger, _ = _read(write_xlsx(tmp_path / "各单位报送.xlsx", sheets), roster=roster)
    assert ledger.submissions["unit"].tolist() == ["民盟县委", "民建县委", "民建县委", ""]
    units = sq.units(ledger, 2025).set_index("unit")
    assert units.loc["民盟县委", ["submitted", "adopted"]].tolist() == [1, 1]
    assert units.loc["民建县委", ["submitted", "adopted"]].tolist() == [2, 1]
    assert "界别" not in units.index


def test_forward_and_adoption_columns_per_level_and_a_batch_column_per_leader_level(tmp_path):
    # 报送市政协 | 市政协采用 | 报送省政协 | 省政协采用 | 县领导批示 | 市领导批示, as many offices lay them out.
    rows = [["序号", "标题", "作者", "日期", "报送市政协", "市政协采用", "报送省政协", "省政协采用", "县领导批示", "市领导批示"],
            [1, "关于甲的建议", "张三", "2025-03-01", "√", "√", "√", "", "", ""],
            [2, "关于乙的建议", "李四", "2025-03-02", "√", "√", "", "", "√", "张市长"],
            [3, "关于丙的建议", "王五", "2025-03-03", "", "", "√", "√(第3期)", "", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert not [i for i in report.issues if i.severity != "info"]
    fw = ledger.forwards
    assert sorted(zip(fw["item"], fw["tier"].astype(str))) == [(0, "市级"), (0, "省级"), (1, "市级"), (2, "省级")]
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(0, "市级"), (1, "市级"), (2, "省级")]
    instr = ledger.instructions
    assert sorted(zip(instr["item"], instr["level"].astype(str), instr["leader"])) == [(1, "县级", ""), (1, "市级", "张市长")]
    # 市级 ¥100; 李四's with 批示 ×2; 省级 ¥200.
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("200.00"), "王五": Decimal("200.00")}


def test_a_column_per_body_holding_the_adoption_day(tmp_path):
    # 市政协采用时间 | 省政协采用时间: the day in a body's column is an adoption there, dated that day.
    rows = [["序号", "标题", "作者", "日期", "市政协采用时间", "省政协采用时间"],
            [1, "关于甲的建议", "张三", "2025-03-01", dt.date(2025, 4, 8), ""],
            [2, "关于乙的建议", "李四", "2025-03-02", "", "2025.5.9"],
            [3, "关于丙的建议", "王五", "2025-03-03", "", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}))
    assert not [i for i in report.issues if i.severity != "info"]
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["date"].dt.date)) == [
        (0, "市级", dt.date(2025, 4, 8)), (1, "省级", dt.date(2025, 5, 9))]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}
    assert sq.summary(ledger, 2025).adopted_by_body["市级"] == {"市政协": 1}


def test_names_joined_by_a_word_and_compound_surnames_written_apart(tmp_path):
    # 张三和李四 / 王五与赵六 are two people each (said); 李和平 and 欧阳和平 are one name; 欧阳 明月 is one person.
    rows = [["日期", "标题", "作者", "市政协"],
            ["2025-03-01", "关于甲的建议", "张三和李四", "√"],
            ["2025-03-02", "关于乙的建议", "王五与赵六", ""],
            ["2025-03-03", "关于丙的建议", "李和平", ""],
            ["2025-03-04", "关于丁的建议", "欧阳和平", ""],
            ["2025-03-05", "关于戊的建议", "欧阳 明月", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "j.xlsx", {"S": rows}))
    names = ledger.authors.groupby("item")["name"].agg(list).to_dict()
    assert names == {0: ["张三", "李四"], 1: ["王五", "赵六"], 2: ["李和平"], 3: ["欧阳和平"], 4: ["欧阳明月"]}
    assert [i.row for i in _codes(report, "author.joined")] == [2, 3]
    assert _paid(ledger) == {"张三": Decimal("50.00"), "李四": Decimal("50.00")}


def test_a_column_of_units_or_people_and_units_by_their_short_names(tmp_path):
    # 报送单位或个人 holds authors, some of them units; 提案委, 文史委 (专委会) and 经济界 (界别) are
    # units by their endings; 提案委 张三 is 张三 of 提案委, paid in full (not split with the unit).
    rows = [["2025年社情民意信息报送情况登记表"],
            ["序号", "信息题目", "报送单位或个人", "报送日期", "采用情况"],
            [1, "关于甲的建议", "文史委", "2025.1.8", "县政协《社情民意》第1期"],
            [2, "关于乙的建议", "提案委 张三", "2025.2.10", "市政协采用"],
            [3, "关于丙的建议", "经济界", "2025.7.1", "全国政协采用"],
            [4, "关于丁的建议", "李四", "2025.7.2", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "u.xlsx", {"2025年": rows}))
    assert not report.errors and not _codes(report, "header.unknown")
    units = sq.units(ledger, 2025).set_index("unit")
    assert units["submitted"].to_dict() == {"文史委": 1, "提案委": 1, "经济界": 1}
    # 文史委 县级 30; 张三 市级 100; 经济界 全国 300; 李四 nothing adopted.
    assert _paid(ledger) == {"文史委": Decimal("30.00"), "张三": Decimal("100.00"), "经济界": Decimal("300.00")}


def test_an_adoptions_only_workbook_has_its_rows_as_items(tmp_path):
    # A 采用情况统计表 with no 报送台账 beside it, naming each item's title and author: the office keeps
    # only this, so each row is an item, dated by its adoption, and that is said once for the sheet.
    rows = [["2025年社情民意信息采用情况统计表"],
            ["序号", "信息标题", "作者", "作者单位", "采用刊物", "期号", "采用时间", "批示领导", "批示时间"],
            [1, "关于甲的建议", "张三", "城关镇", "《社情民意》", "第3期", dt.datetime(2025, 3, 5), "", ""],
            [2, "关于乙的建议", "李四", "民进县委", "市政协《社情民意》", "2025年第12期", "2025.4.1", "县委书记王某", "2025.4.8"]]
    ledger, report = _read(write_xlsx(tmp_path / "a.xlsx", {"采用": rows}))
    assert not report.errors
    assert [i.code for i in _codes(report, "sheet.items_from_adoptions")] == ["sheet.items_from_adoptions"]
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-03-05", "2025-04-01"]
    assert list(ledger.instructions["leader"]) == ["县委书记王某"]
    # 《社情民意》 is the office's own bulletin (县级 30); 市政协《社情民意》 市级 100, doubled for its 批示.
    assert _paid(ledger) == {"张三": Decimal(30), "李四": Decimal(200)}


def test_roster_columns_not_read_are_said(tmp_path):
    # A 委员名单 as offices keep it: 性别, 民族 and 工作单位及职务 are not read, and each is said with
    # its cell count; 序号 is the row's number (not said); the 备注 is read.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名单": [
        ["政协某某县第十届委员会委员名单"],
        ["序号", "姓名", "性别", "民族", "界别", "工作单位及职务", "备注"],
        [1, "张三", "男", "汉族", "中共", "县人民医院院长", ""],
        [2, "李四", "女", "回族", "民盟", "县一中教师", "连任"],
        [3, "王五", "男", "", "经济界", "", ""]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025": [["收稿日期", "信息标题", "作者"], ["2025-01-05", "关于甲的建议", "张三"]]})
    ledger, report = _read(path, roster=roster)
    said = [(i.column, i.row, i.message.split("”")[0].split("“")[1], i.message) for i in _codes(report, "roster.column_unread")]
    assert [(c, r, label) for c, r, label, _ in said] == [("C", 2, "性别"), ("D", 2, "民族"), ("F", 2, "工作单位及职务")]
    assert "3 个单元格" in said[0][3] and "2 个单元格" in said[1][3] and "2 个单元格" in said[2][3]
    assert set(ledger.roster.people["name"]) == {"张三", "李四", "王五"}


@pytest.mark.parametrize("label", ["委员类别", "身份类别"])
def test_a_roster_s_member_kind_column_is_the_role(tmp_path, label):
    # 委员类别 (常委, 委员, 特邀信息员) is the 身份; before, it was said as unread and every person of a 委员
    # roster a 委员 by its sheet's name: 王五, a 特邀信息员, was asked 2 a year instead of 1 a month.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [
        ["序号", "姓名", "界别", label], [1, "张三", "中共", "常委"], [2, "李四", "民盟", "委员"], [3, "王五", "", "特邀信息员"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025": [["收稿日期", "信息标题", "作者"], ["2025-01-05", "关于甲的建议", "张三"]]})
    ledger, report = _read(path, roster=roster)
    assert not _codes(report, "roster.column_unread") and not _codes(report, "roster.role_unknown")
    people = sq.people(ledger, sq.Period.of(2025, quarter=1)).set_index("name")
    assert people["role"].to_dict() == {"张三": "委员", "李四": "委员", "王五": "特邀信息员"}
    assert (people.loc["张三", "quota"], people.loc["王五", "quota"]) == (2, 3)  # 委员 2 a year; 特邀 1 a month


def test_instruction_cells_with_two_instructions_and_a_day(tmp_path):
    # 市委书记王某某批示、市长李某某批示 is two 件; "…分别作出批示" names two leaders, not "李某某分别";
    # the day written before the leader is the 批示's date; a bare 有 names no one and is said.
    rows = [["收稿日期", "信息标题", "作者", "市政协", "领导批示"],
            ["2025-03-05", "关于甲的建议", "张三", "√", "市委书记王某某批示、市长李某某批示"],
            ["2025-03-06", "关于乙的建议", "李四", "√", "市委书记王某某、市长李某某分别作出批示"],
            ["2025-03-07", "关于丙的建议", "王五", "√", "2025.4.2市长李某某批示：请市卫健委研究办理"],
            ["2025-03-08", "关于丁的建议", "赵六", "√", "有"]]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"2025年": rows}))
    instr = ledger.instructions
    levels = [None if pd.isna(v) else v for v in instr["level"]]
    assert list(zip(instr["item"], instr["leader"], levels)) == [
        (0, "市委书记王某某", "市级"), (0, "市长李某某", "市级"), (1, "市委书记王某某", "市级"), (1, "市长李某某", "市级"),
        (2, "市长李某某", "市级"), (3, "", None)]
    assert instr["date"].iloc[4] == pd.Timestamp(2025, 4, 2) and instr["text"].iloc[4] == "请市卫健委研究办理"
    [unknown] = _codes(report, "instruction.unknown_level")
    assert (unknown.row, unknown.column) == (5, "E") and "未写明是谁" in unknown.message


def test_plans_notes_and_spaces_in_adoption_text(tmp_path):
    # 拟报省政协 / 准备报送市政协 are plans, not adoptions; 报市政协未采用 is a 上报 (not adopted);
    # 县政协采用 市政协采用 (a space between) is two bodies; an adoption written only in 备注 is
    # counted and said (adoption.in_note); a 备注 repeating the tier column is not counted twice.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "拟报省政协", ""],
            [2, "2025-03-02", "关于乙的建议", "李四", "准备报送市政协", ""],
            [3, "2025-03-03", "关于丙的建议", "王五", "报市政协未采用", ""],
            [4, "2025-03-04", "关于丁的建议", "赵六", "县政协采用 市政协采用", ""],
            [5, "2025-03-05", "关于戊的建议", "钱七", "", "被市政协采用"],
            [6, "2025-03-06", "关于己的建议", "孙八", "省政协采用", "省政协《社情民意》第8期采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"2025年": rows}))
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(3, "县级"), (3, "市级"), (4, "市级"), (5, "省级")]
    assert list(zip(ledger.forwards["item"], ledger.forwards["tier"].astype(str))) == [(2, "市级")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.in_note")] == [(6, "F")]
    # 赵六 县级 30 + 市级 (highest) → 100; 钱七 市级 100; 孙八 省级 200; plans pay nothing.
    assert _paid(ledger) == {"赵六": Decimal("100.00"), "钱七": Decimal("100.00"), "孙八": Decimal("200.00")}


def test_subtotals_and_signatures_written_anywhere_are_not_items(tmp_path):
    # 一月小计:2条 in the title column with counts under the tier columns, 本季度合计, and a line of
    # signatures (制表人 … 审核人 … 联系电话) are set aside, not items with errors.
    rows = [["序号", "信息标题", "作者", "报送时间", "县政协", "市政协", "备注"],
            [1, "关于甲的建议", "张三", "2025-01-05", "√", "", ""],
            [2, "关于乙的建议", "李四", "2025-01-06", "√", "√", ""],
            ["", "一月小计：2条", "", "", 2, 1, ""],
            ["本季度合计", "", "", "", 2, 1, ""],
            ["制表人：刘某", "", "审核人：陈某", "", "", "", "联系电话：12345678901"]]
    ledger, report = _read(write_xlsx(tmp_path / "s.xlsx", {"2025年": rows}))
    assert len(ledger.submissions) == 2 and not report.errors and not _codes(report, "mark.unknown")
    assert ledger.skipped["reason"].tolist() == ["subtotal", "subtotal", "note"]
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("100.00")}


@pytest.mark.parametrize("label", ["身份证号", "身份证号码", "证件号码", "公民身份号码"])
def test_an_id_number_column_is_not_the_role(tmp_path, label):
    # 身份证号码 was read as 身份 (the role): role.unknown on every row, printing the ID number, and the
    # real 身份 column after it dropped as header.duplicate. It is read past like 联系电话, its numbers
    # never in a message; the 身份 column is the role: 张三 委员, 李四 信息员.
    rows = [["序号", "报送日期", "信息标题", "作者", label, "单位", "身份"],
            [1, "2025-03-05", "关于甲的建议", "张三", "330101199001011234", "民盟县委", "委员"],
            [2, "2025-04-10", "关于乙的建议", "李四", "33010119850505234X", "县工商联", "信息员"]]
    ledger, report = _read(write_xlsx(tmp_path / "id.xlsx", {"S": rows}))
    assert ledger.submissions["role_text"].tolist() == ["委员", "信息员"]
    assert not _codes(report, "role.unknown") and not _codes(report, "header.duplicate")
    ignored = _codes(report, "header.ignored")
    assert [(i.row, i.column) for i in ignored] == [(1, "E")]
    assert not any("3301011" in i.message for i in report.issues)


@pytest.mark.parametrize("label", ["报送方式", "报送途径", "来稿方式"])
def test_how_an_item_came_is_read_past(tmp_path, label):
    # 报送方式 (邮箱, 纸质) says how an item came, not where it went: read past and said once
    # (header.ignored), as 联系电话 is; before, header.unknown asked staff to rename it.
    rows = [[TITLE], ["序号", "报送时间", "信息题目", "报送人", label, "采用级别"],
            [1, "1月5日", "关于甲的建议", "张三", "邮箱", "市级"], [2, "1月12日", "关于乙的建议", "李四", "纸质", None]]
    ledger, report = _read(write_xlsx(tmp_path / "方式.xlsx", {"S": rows}))
    assert [(i.code, i.column, i.row) for i in report.issues] == [("header.ignored", "E", 2)]
    assert _paid(ledger) == {"张三": Decimal("100.00")}


def test_numbers_restarting_on_each_quarter_sheet_are_not_duplicates(tmp_path):
    # 一季度 001, 002 and 二季度 001, 002 number each sheet afresh: every item counts. A number that
    # recurs once among otherwise distinct numbers is still a duplicate.
    header = ["编号", "信息标题", "作者", "报送时间", "县政协", "市政协"]
    sheets = {"一季度": [header, ["001", "关于甲的建议", "张三", "2025-01-05", "√", ""], ["002", "关于乙的建议", "李四", "2025-01-06", "√", ""]],
              "二季度": [header, ["001", "关于丙的建议", "张三", "2025-04-05", "√", "√"], ["002", "关于丁的建议", "李四", "2025-05-06", "√", ""]]}
    ledger, report = _read(write_xlsx(tmp_path / "q.xlsx", sheets))
    assert len(ledger.submissions) == 4 and not _codes(report, "item.duplicate_no")
    assert _paid(ledger) == {"张三": Decimal("130.00"), "李四": Decimal("60.00")}
    sheets = {"1月": [header, ["2025-001", "关于甲的建议", "张三", "2025-01-05", "√", ""], ["2025-002", "关于乙的建议", "李四", "2025-01-06", "", ""]],
              "2月": [header, ["2025-003", "关于丙的建议", "张三", "2025-02-05", "", ""], ["2025-002", "关于丁的建议", "李四", "2025-02-06", "", ""],
                     ["2025-004", "关于戊的建议", "王五", "2025-02-07", "", ""]]}
    _, report = _read(write_xlsx(tmp_path / "m.xlsx", sheets))
    assert [(i.sheet, i.row) for i in _codes(report, "item.duplicate_no")] == [("2月", 3)]


@pytest.mark.parametrize("section,header,row,answer", [
    ("二、被上级采用情况", ["序号", "信息标题", "报送人", "采用单位", "采用时间"], [1, "关于甲的建议", "张三", "市政协", "2025-04-01"],
     {"张三": Decimal("100.00"), "李四": Decimal("30.00")}),
    ("领导批示情况", ["序号", "信息标题", "批示领导", "批示时间", "批示内容"], [1, "关于甲的建议", "市长李某某", "2025-04-01", "请民政局办理"],
     {"张三": Decimal("60.00"), "李四": Decimal("30.00")}),
])
def test_a_second_table_below_the_first_is_read_with_its_own_header(tmp_path, section, header, row, answer):
    # Under the items, a titled second table with its own columns: its rows refer to the items above
    # (an adoption at 市级, or a 批示 doubling the 县级 reward), they are not items.
    rows = [["序号", "报送单位", "信息标题", "报送人", "报送时间", "县政协采用"],
            [1, "民盟县委", "关于甲的建议", "张三", "2025-03-05", "√"],
            [2, "教育界", "关于乙的建议", "李四", "2025-03-06", "√"],
            [], [section], header, row]
    ledger, report = _read(write_xlsx(tmp_path / "two.xlsx", {"2025年": rows}))
    assert len(ledger.submissions) == 2 and not report.errors
    assert _paid(ledger) == answer


@pytest.mark.parametrize("key", ["序号", "编号"])
def test_an_adoption_table_below_the_items_keyed_by_their_number_links_by_it(tmp_path, key):
    # A captioned 采用情况 table under the items names each item by its 序号 (no title): its rows were read
    # as items (date.unparseable “市政协”, author.placeholder) and nothing paid. Keyed by 编号 the links
    # worked, but the caption 采用情况 in the 编号 column became an item with three errors. Worked by
    # hand: 序号 1 is 张三's 市级 100.00; 序号 3 is 王五's 省级 200.00 × 2 for the 批示 = 400.00.
    rows = [["2025年社情民意信息报送登记表"],
            [key, "报送日期", "信息标题", "报送人", "单位"],
            [1, "2025.3.5", "关于甲的建议", "张三", "民盟县委"],
            [2, "2025.4.10", "关于乙的建议", "李四", "城关镇政协工委"],
            [3, "2025.5.20", "关于丙的建议", "王五", "县工商联"],
            [None],
            ["采用情况"],
            [key, "采用单位", "期号", "采用日期", "领导批示"],
            [1, "市政协", "第3期", "2025.4.1", None],
            [3, "省政协", "第12期", "2025.6.15", "副省长王某某批示"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议", "关于丙的建议"]
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3), (2, "省级", 12)]
    assert ledger.instructions["item"].tolist() == [2]
    assert ledger.skipped[["row", "reason"]].values.tolist() == [[7, "caption"]]
    assert not report.issues
    assert _paid(ledger) == {"张三": Decimal("100.00"), "王五": Decimal("400.00")}


def test_a_number_the_items_beside_do_not_have_is_said(tmp_path):
    # A 采用 table beside the items keyed by 序号: 3 is 王五's (省级 200.00); 7 names no item and 2 names
    # two (the items number 2 twice): neither is guessed, each said at its 序号 and left unpaid.
    rows = [["序号", "报送日期", "信息标题", "报送人", None, "序号", "采用单位", "期号"],
            [1, "2025.3.5", "关于甲的建议", "张三", None, 3, "省政协", "第12期"],
            [2, "2025.4.10", "关于乙的建议", "李四", None, 7, "市政协", "第3期"],
            [2, "2025.4.11", "关于丁的建议", "赵六", None, 2, "市政协", "第4期"],
            [3, "2025.5.20", "关于丙的建议", "王五"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), year=2025)
    assert len(ledger.submissions) == 4 and _adopted(ledger)[0] == (3, "省级")
    said = _codes(report, "link.no_seq")
    assert [(i.row, i.column) for i in said] == [(3, "F"), (4, "F")]
    assert "没有信息" in said[0].message and "多条信息" in said[1].message
    assert _paid(ledger) == {"王五": Decimal("200.00")}


def test_one_instruction_written_on_each_adoption_row_counts_once(tmp_path):
    # The 采用台账 repeats the item's 批示 on each of its adoption rows: one 批示 (said at the repeat).
    sheets = {"报送台账": [["信息编号", "收稿日期", "信息标题", "作者"], ["2025-001", "2025-03-01", "关于甲的建议", "张三"]],
              "采用台账": [["信息编号", "信息标题", "采用单位", "期号", "采用日期", "批示领导", "批示时间"],
                       ["2025-001", "关于甲的建议", "市政协", 3, "2025-04-01", "市长李某某", "2025-04-20"],
                       ["2025-001", "关于甲的建议", "省政协", 8, "2025-04-10", "市长李某某", "2025-04-20"]]}
    ledger, report = _read(write_xlsx(tmp_path / "r.xlsx", sheets))
    assert len(ledger.instructions) == 1
    assert [(i.sheet, i.row) for i in _codes(report, "instruction.repeated")] == [("采用台账", 3)]
    assert _paid(ledger) == {"张三": Decimal("400.00")}  # 省级 200 × 2 for the 批示


def test_a_role_or_honorific_after_a_name_is_not_another_person(tmp_path):
    # 王五同志, 王五委员 and 王五 同志 are 王五 (not a second and third person, nor an author 同志).
    rows = [["收稿日期", "信息标题", "作者", "市政协"],
            ["2025-03-01", "关于甲的建议", "王五", "√"],
            ["2025-03-02", "关于乙的建议", "王五同志", "√"],
            ["2025-03-03", "关于丙的建议", "王五 同志", "√"],
            ["2025-03-04", "关于丁的建议", "王五委员", "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "h.xlsx", {"2025年": rows}))
    assert ledger.authors["name"].tolist() == ["王五"] * 4
    assert _paid(ledger) == {"王五": Decimal("400.00")}


def test_unit_cells_that_name_no_unit_or_carry_a_label(tmp_path):
    # 个人 / 委员个人 in the 单位 column are no unit (not units called 个人); 界别：教育界 is 教育界.
    rows = [["收稿日期", "信息标题", "作者", "单位", "市政协"],
            ["2025-03-01", "关于甲的建议", "张三", "个人", "√"],
            ["2025-03-02", "关于乙的建议", "李四", "委员个人", ""],
            ["2025-03-03", "关于丙的建议", "王五", "界别：教育界", ""],
            ["2025-03-04", "关于丁的建议", "赵六", "教育界", ""]]
    ledger, _ = _read(write_xlsx(tmp_path / "u.xlsx", {"2025年": rows}))
    assert ledger.submissions["unit"].tolist() == ["", "", "教育界", "教育界"]
    assert sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict() == {"教育界": 2}


def test_one_file_per_unit_named_for_the_unit_without_a_roster(tmp_path):
    # No 单位 column and no roster: each file is named for its unit (民盟县委.xlsx, or the name before
    # the year); a file named for the ledger itself (政协办公室台账) names no unit.
    header = ["信息标题", "报送人", "报送时间", "县政协采用"]
    write_xlsx(tmp_path / "民盟县委.xlsx", {"2025年": [["民盟县委2025年社情民意信息报送台账"], header, ["关于甲的建议", "张三", "2025-03-05", "√"]]})
    write_xlsx(tmp_path / "城关镇政协工委2025年台账.xlsx", {"Sheet1": [header, ["关于乙的建议", "李四", "2025-03-06", "√"],
                                                              ["关于丙的建议", "王五", "2025-03-07", ""]]})
    write_xlsx(tmp_path / "政协办公室台账.xlsx", {"Sheet1": [header, ["关于丁的建议", "赵六", "2025-03-08", ""]]})
    # The unit in brackets, or after the year before the ledger's own words.
    write_xlsx(tmp_path / "2025年社情民意信息报送台账（县卫健局）.xlsx", {"Sheet1": [header, ["关于戊的建议", "钱七", "2025-03-09", ""]]})
    write_xlsx(tmp_path / "2025年县农业农村局社情民意信息台账.xlsx", {"Sheet1": [header, ["关于己的建议", "孙八", "2025-03-10", ""]]})
    write_xlsx(tmp_path / "2025年度社情民意信息台账.xlsx", {"Sheet1": [header, ["关于庚的建议", "周九", "2025-03-11", ""]]})
    ledger, _ = _read(tmp_path)
    assert dict(zip(ledger.submissions["title"], ledger.submissions["unit"])) == {
        "关于甲的建议": "民盟县委", "关于乙的建议": "城关镇政协工委", "关于丙的建议": "城关镇政协工委", "关于丁的建议": "",
        "关于戊的建议": "县卫健局", "关于己的建议": "县农业农村局", "关于庚的建议": ""}


def test_a_mark_merged_across_tier_columns_is_said(tmp_path):
    # F2:G2 merged over 县政协 and 市政协 holds one √: read in 县政协 only, and said at F2.
    rows = [["收稿日期", "信息标题", "作者", "单位", "序", "县政协", "市政协"],
            ["2025-03-01", "关于甲的建议", "张三", "民盟县委", 1, "√", None]]
    path = write_xlsx(tmp_path / "m.xlsx", {"2025年": rows}, {"2025年": ["F2:G2"]})
    ledger, report = _read(path)
    assert [(i.row, i.column) for i in _codes(report, "cell.merged_across")] == [(2, "F")]
    assert ledger.adoptions["tier"].astype(str).tolist() == ["县级"]


def test_excel_error_values_are_named_not_passed_over(tmp_path):
    # A VLOOKUP gone wrong leaves #N/A in a tier cell and #VALUE! in a date: python-calamine reads
    # them as empty; each is named at its cell.
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(["收稿日期", "信息标题", "作者", "县政协", "市政协"])
    ws.append(["2025-03-01", "关于甲的建议", "张三", "√", None])
    ws.append([None, "关于乙的建议", "李四", None, None])
    ws["E2"].value, ws["E2"].data_type = "#N/A", "e"
    ws["A3"].value, ws["A3"].data_type = "#VALUE!", "e"
    path = tmp_path / "e.xlsx"
    wb.save(path)
    ledger, report = _read(path)
    assert [(i.row, i.column, i.message.split("“")[1].split("”")[0]) for i in _codes(report, "cell.error_value")] == [
        (2, "E", "#N/A"), (3, "A", "#VALUE!")]


def test_excel_error_values_in_a_wps_xls_are_named_too(tmp_path):
    # The same in a BIFF .xls (WPS saves these): python-calamine gives error cells as empty; xlrd's
    # cell types say them.
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("2025年")
    for r, row in enumerate([["收稿日期", "信息标题", "作者", "县政协", "市政协"],
                             ["2025-03-01", "关于甲的建议", "张三", "√"], ["", "关于乙的建议", "李四"]]):
        for c, v in enumerate(row):
            if v:
                ws.write(r, c, v)
    ws.row(1).set_cell_error(4, 0x2A)  # BIFF error codes: #N/A
    ws.row(2).set_cell_error(0, 0x0F)  # #VALUE! (xlwt's own table maps that name to #NUM!'s code)
    path = tmp_path / "e.xls"
    wb.save(str(path))
    ledger, report = _read(path)
    assert [(i.row, i.column, i.message.split("“")[1].split("”")[0]) for i in _codes(report, "cell.error_value")] == [
        (2, "E", "#N/A"), (3, "A", "#VALUE!")]
    assert ledger.adoptions["tier"].astype(str).tolist() == ["县级"]


MINORITY = ["阿不都热合曼·买买提", "热依拉·吐尔逊", "买买提明·艾力", "阿依古丽", "扎西顿珠", "欧阳明月", "司马光明", "张三"]


@pytest.mark.parametrize("with_roster", [False, True])
def test_minority_names_are_people_not_units(tmp_path, with_roster):
    rows = [["日期", "标题", "作者", "市政协"]]
    rows += [[f"2025-04-{k + 1:02d}", f"关于第{k + 1}件事的建议", name, "√"] for k, name in enumerate(MINORITY)]
    path = write_xlsx(tmp_path / "台账.xlsx", {"S": rows})
    roster = None
    if with_roster:
        roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], *[[n, "委员", "经济界别组"] for n in MINORITY]]})
    ledger = sq.read_ledgers(path, roster=roster)
    assert_every_cell_accounted(path, ledger=ledger)
    people = sq.people(ledger, 2025)
    assert set(MINORITY) <= set(people["name"])
    assert not ledger.authors["is_unit"].any()
    assert _paid(ledger) == {n: Decimal("100.00") for n in MINORITY}
    kinds = sq.rewards(ledger, 2025).set_index("name")["kind"]
    assert set(kinds) == {"个人"}


def test_dotted_name_variants_are_one_person(tmp_path):
    rows = [["日期", "标题", "作者", "市政协"],
            ["2025-04-01", "关于甲的建议", "阿依古丽·买买提、热依拉•吐尔逊", "√"],
            ["2025-04-02", "关于乙的建议", "阿依古丽•买买提", ""],
            ["2025-04-03", "关于丙的建议", "阿依古丽．买买提", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}))
    assert ledger.authors["name"].tolist() == ["阿依古丽·买买提", "热依拉·吐尔逊", "阿依古丽·买买提", "阿依古丽·买买提"]
    people = sq.people(ledger, 2025).set_index("name")
    assert people.loc["阿依古丽·买买提", "submitted"] == 3
    assert {i.row for i in _codes(report, "author.variant")} == {3, 4}


def test_a_place_name_as_author_is_a_person_with_a_warning(tmp_path):
    rows = [["日期", "标题", "作者"], ["2025-04-01", "关于甲的建议", "城关镇"], ["2025-04-02", "关于乙的建议", "民盟县委"]]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}))
    assert ledger.authors["is_unit"].tolist() == [False, True]
    assert [(i.row, i.column) for i in _codes(report, "author.ambiguous")] == [(2, "C")]


# ---------------------------------------------------------------- dates

def test_dates_as_staff_write_them(tmp_path):
    rows = [[TITLE], ["日期", "标题", "作者"],
            ["2025年3月", "关于甲的建议", "张三"],
            ["二〇二五年五月十二日", "关于乙的建议", "李四"],
            ["5月8号", "关于丙的建议", "王五"],
            ["2025年2月下旬", "关于丁的建议", "赵六"],
            ["2025年13月5日", "关于戊的建议", "钱七"],
            ["2025-3-5 星期三", "关于己的建议", "孙八"],
            ["2025.03.06.", "关于庚的建议", "周九"],
            ["2025-3-7 10:20", "关于辛的建议", "吴十"],  # a time typed after the day
            ["2025。3。9", "关于壬的建议", "郑一"]]  # a Chinese input method's full stop for "." (was unparseable)
    ledger, report = _read(write_xlsx(tmp_path / "dates.xlsx", {"S": rows}))
    dates = ledger.submissions["date"].tolist()
    assert dates[:4] == [dt.datetime(2025, 3, 1), dt.datetime(2025, 5, 12), dt.datetime(2025, 5, 8), dt.datetime(2025, 2, 21)]
    assert dates[5:] == [dt.datetime(2025, 3, 5), dt.datetime(2025, 3, 6), dt.datetime(2025, 3, 7), dt.datetime(2025, 3, 9)]
    assert [i.row for i in _codes(report, "date.month_only")] == [3]
    assert [i.row for i in _codes(report, "date.part_of_month")] == [6]
    bad = _codes(report, "date.unparseable")
    assert [i.row for i in bad] == [7] and "2025-03-05" in bad[0].message and "2026" not in bad[0].message


# ---------------------------------------------------------------- .xls, merged units, tidy rows

def test_wps_xls_with_title_merged_units_and_subtotals(tmp_path):
    rows = [["民盟县委2025年社情民意信息报送情况"], ["报送单位:民盟县委"],
            ["序号", "报送日期", "信息标题", "反映人", "单位", "采用情况"],
            ["一月份"],
            [1, "2025.1.2", "关于甲的建议", "陆文瑞", "民盟县委", "县政协《社情民意》第1期;市委办《每日要情》第6期"],
            [2, "2025/01/08", "关于乙的建议", "陆文瑞", None, "不采用"],
            ["小计", None, "2条"],
            ["注:采用情况填刊物和期号。"]]
    path = write_xls(tmp_path / "民盟.xls", {"Sheet1": rows}, {"Sheet1": [(0, 0, 0, 5), (4, 5, 4, 4)]})
    ledger, report = _read(path)
    assert ledger.submissions["unit"].tolist() == ["民盟县委", "民盟县委"]
    ad = ledger.adoptions
    assert sorted(ad["tier"].astype(str)) == ["县级", "市级"]
    assert ad.set_index("tier")["channel"].astype(str).to_dict() == {"县级": "政协", "市级": "党委政府"}
    assert set(ledger.skipped["reason"]) == {"separator", "subtotal", "note"}
    assert not report.errors


def test_minority_names_reach_the_commendation_as_people(tmp_path):
    """Five items each, three adopted: every one of the eight is eligible for 优秀信息员 (L88's 5/3),
    listed by name in the basis, and paid as a person in the payout."""
    rows = [["日期", "标题", "作者", "市政协"]]
    for k, name in enumerate(MINORITY):
        for n in range(5):
            rows.append([f"2025-{n + 3:02d}-{k + 1:02d}", f"关于{name}第{n + 1}件事的建议", name, "√" if n < 3 else ""])
    path = write_xlsx(tmp_path / "台账.xlsx", {"S": rows})
    ledger, _ = _read(path)
    award = sq.annual_commendation(ledger, 2025)
    basis = award.basis.set_index("name")
    assert set(MINORITY) <= set(basis.index)
    assert basis.loc[MINORITY, "eligible"].astype(bool).all()
    assert set(MINORITY) <= set(award.informants["name"])
    payout = award.payout.set_index("name")
    assert (payout.loc[MINORITY, "kind"] == "个人").all()
    assert all(payout.loc[n, "amount"] == Decimal("300.00") for n in MINORITY)  # 3 × 市级 100


def test_forwarding_written_in_the_note_is_a_forward_not_an_adoption(tmp_path):
    rows = [["日期", "标题", "作者", "采用情况", "备注"],
            ["2025-04-01", "关于甲的建议", "张三", "", "已报市政协"],
            ["2025-04-02", "关于乙的建议", "李四", "被市政协《社情民意》第5期采用", "联名报送"]]
    ledger, report = _read(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert ledger.forwards[["item", "tier"]].astype(str).values.tolist() == [["0", "市级"]]
    assert ledger.adoptions[["item", "tier"]].astype(str).values.tolist() == [["1", "市级"]]
    assert [i.row for i in _codes(report, "forward.in_note")] == [2]
    assert _paid(ledger) == {"李四": Decimal("100.00")}  # sent up is not paid
    assert sq.summary(ledger, 2025).adopted_by_body["市级"] == {"市政协": 1}


def test_a_spreadsheet_the_tool_cannot_read_is_said_not_passed_over(tmp_path):
    # A WPS .et ledger beside an .xlsx in the ledger folder: its items cannot be counted, so it is an error by name.
    rows = [["日期", "标题", "作者"], ["2025-03-01", "关于甲的建议", "张三"]]
    write_xlsx(tmp_path / "民革县委.xlsx", {"S": rows})
    (tmp_path / "民进县委.et").write_bytes(b"\xd0\xcf\x11\xe0 not read")
    # A system's CSV export beside them is a ledger too (tests/test_csv.py): read, not passed over.
    (tmp_path / "导出.csv").write_text("日期,标题,作者\n2025-03-02,关于乙的建议,李四\n", encoding="utf-8")
    ledger = sq.read_ledgers(tmp_path)
    report = sq.validate(ledger)
    said = [(i.code, i.severity, Path(i.file or "").name) for i in report.issues if i.code.startswith("file.")]
    assert said == [("file.format_unsupported", "error", "民进县委.et")]
    assert report.exit_code == 1 and sorted(ledger.submissions["title"]) == ["关于乙的建议", "关于甲的建议"]


def test_instructions_by_posts_without_names(tmp_path):
    # 县委书记、县长批示 names two posts, two people: two 件, said (only staff know if one person holds
    # both); a rank before a post is one person's titles (县委副书记、县长; 市委常委、副市长): one 件, not said;
    # "…分别作出批示" in 备注 is two leaders (not one called 县长分别).
    rows = [["收稿日期", "信息标题", "作者", "领导批示", "备注"],
            ["2025-03-05", "关于甲的建议", "张三", "县委书记、县长批示", ""],
            ["2025-03-06", "关于乙的建议", "李四", "县委副书记、县长批示", ""],
            ["2025-03-07", "关于丙的建议", "王五", "市委常委、副市长", ""],
            ["2025-03-08", "关于丁的建议", "赵六", "", "获县委书记、县长分别作出批示"]]
    ledger, report = _read(write_xlsx(tmp_path / "posts.xlsx", {"2025年": rows}))
    instr = ledger.instructions
    assert list(zip(instr["item"], instr["leader"])) == [
        (0, "县委书记"), (0, "县长"), (1, "县委副书记、县长"), (2, "市委常委、副市长"), (3, "县委书记"), (3, "县长")]
    said = _codes(report, "instruction.posts_only")
    assert [(i.row, i.column) for i in said] == [(2, "D"), (5, "E")]
    assert "2 位领导" in said[0].message and "县委书记、县长" in said[0].message


def test_two_ways_of_writing_one_unit_are_said_without_a_roster(tmp_path):
    # 教育界 / 教育界别 / 界别：教育界 and 民盟县委 / 民盟示例县委员会 (示例县: the default rules' place) are one
    # unit written two ways; without a roster the tool cannot know, so they rank apart and each other
    # spelling is said once, at its first cell, naming the spelling used most.
    rows = [["序号", "单位", "信息标题", "作者", "收稿日期", "县政协"],
            [1, "教育界", "关于甲的建议", "张三", "2025-03-05", "√"],
            [2, "界别：教育界", "关于乙的建议", "李四", "2025-03-06", "√"],
            [3, "教育界别", "关于丙的建议", "王五", "2025-03-07", "√"],
            [4, "民盟县委", "关于丁的建议", "赵六", "2025-03-08", "√"],
            [5, "民盟县委", "关于戊的建议", "钱七", "2025-03-09", "√"],
            [6, "民盟示例县委员会", "关于己的建议", "孙八", "2025-03-10", "√"],
            [7, "教育界别", "关于庚的建议", "周九", "2025-03-11", "√"],
            [8, "县教育局", "关于辛的建议", "吴十", "2025-03-12", "√"],  # 教育局 beside 县教育局: not said before
            [9, "教育局", "关于壬的建议", "郑一", "2025-03-13", "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "units.xlsx", {"2025年": rows}))
    said = [(i.row, i.column, i.message.split("“")[1].split("”")[0], i.message.split("“")[2].split("”")[0])
            for i in _codes(report, "unit.variant")]
    # 教育界 2 items, 教育界别 2: the tie goes to the first in order of the characters
    assert said == [(4, "B", "教育界别", "教育界"), (7, "B", "民盟示例县委员会", "民盟县委"), (10, "B", "教育局", "县教育局")]
    assert sorted(set(ledger.submissions["unit"])) == sorted({"教育界", "教育界别", "民盟县委", "民盟示例县委员会", "县教育局", "教育局"})


def test_a_partys_full_name_and_its_other_spellings_are_one_unit(tmp_path):
    # 中国国民党革命委员会示例县委员会, 民革县委会, 县民革, 民革 beside 民革县委 (示例县: the default rules'
    # place) rank apart, and were said for none of them (县民革 beside 民革 only). Each is said once,
    # naming 民革县委 (3 items). A roster listing 民革县委 counts them all there, and says none of them.
    units = ["民革县委", "民革县委", "民革县委", "中国国民党革命委员会示例县委员会", "民革县委会", "县民革", "民革", "民革市委"]
    rows = [["序号", "单位", "信息标题", "作者", "收稿日期"]] + [
        [k + 1, u, f"关于第{k + 1}件事的建议", f"作者{'甲乙丙丁戊己庚辛'[k]}", "2025-03-05"] for k, u in enumerate(units)]
    path = write_xlsx(tmp_path / "units.xlsx", {"2025年": rows})
    ledger, report = _read(path)
    said = [(i.row, i.message.split("“")[1].split("”")[0], i.message.split("“")[2].split("”")[0])
            for i in _codes(report, "unit.variant")]
    assert said == [(5, "中国国民党革命委员会示例县委员会", "民革县委"), (6, "民革县委会", "民革县委"), (7, "县民革", "民革县委"),
                    (8, "民革", "民革县委")]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民革市委", "民主党派"]]})
    ledger = sq.read_ledgers([path], year=2025, roster=roster)
    assert ledger.submissions["unit"].value_counts().to_dict() == {"民革县委": 7, "民革市委": 1}


def test_levels_and_publications_listed_alike_pair_in_order(tmp_path):
    # 采用级别 省级、市级 beside 采用刊物 《信息专报》第2期；《社情民意》第6期: 省级 第2期 and 市级 第6期. Read as one
    # text, 市级 took 第2期 and 《社情民意》第6期 was left with no body: a third adoption, at the office's own
    # level (县级), unsaid. One level beside one publication reads as before.
    rows = [["序号", "信息名称", "报送人", "报送单位", "报送日期", "采用级别", "采用刊物"],
            [1, "关于甲的建议", "张三", "民革县委", "2025-03-01", "省级、市级", "《信息专报》第2期；《社情民意》第6期"],
            [2, "关于乙的建议", "李四", "民盟县委", "2025-03-02", "市级", "市政协《社情民意》第7期"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "l.xlsx", {"2025年": rows}), year=2025)
    got = [(r, str(t), int(n)) for r, t, n in zip(ledger.adoptions["row"], ledger.adoptions["tier"], ledger.adoptions["issue_no"])]
    assert got == [(2, "省级", 2), (2, "市级", 6), (3, "市级", 7)]


def test_a_name_with_its_dot_left_out_is_the_dotted_name(tmp_path):
    # 阿依古丽买买提 beside 阿依古丽·买买提 was two people, unsaid: each adopted once at 市级 (¥100 each). One
    # person, two adoptions (¥200), said at the first cell written without the dot. 热合曼阿不都 has no
    # dotted form: as written. With a roster naming 买买提·艾力 only there, the ledger's 买买提艾力 is him, said.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期", "采用情况"],
            [1, "关于甲的建议", "阿依古丽·买买提", "民革县委", "2025-03-01", "市政协采用"],
            [2, "关于乙的建议", "阿依古丽买买提", "民革县委", "2025-03-02", "市政协采用"],
            [3, "关于丙的建议", "阿依古丽买买提、热合曼阿不都", "民革县委", "2025-03-03", ""],
            [4, "关于丁的建议", "买买提艾力", "民革县委", "2025-03-04", ""]]
    path = write_xlsx(tmp_path / "d.xlsx", {"2025年": rows})
    ledger = sq.read_ledgers(path, year=2025)
    assert sorted(set(ledger.authors["name"])) == sorted({"阿依古丽·买买提", "热合曼阿不都", "买买提艾力"})
    said = [(f.row, f.column) for f in sq.validate(ledger).issues if f.code == "author.variant"]
    assert said == [(3, "C")]
    assert sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict() == {"阿依古丽·买买提": 20000}
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员": [["姓名", "身份", "单位"], ["买买提·艾力", "委员", "民革县委"]]})
    ledger = sq.read_ledgers(path, year=2025, roster=roster)
    assert "买买提·艾力" in set(ledger.authors["name"]) and "买买提艾力" not in set(ledger.authors["name"])
    said = [(f.row, f.message) for f in sq.validate(ledger).issues if f.code == "author.variant"]
    assert [r for r, _ in said] == [3, 5] and "名册中的“买买提·艾力”" in said[1][1]


def test_two_names_written_together_are_two_people_when_each_is_known(tmp_path):
    # 王伟李娜 beside items by 王伟 and by 李娜 was one person 王伟李娜, paid alone (¥100 and ¥33.33 of a
    # three-way item). By hand: item 1 ¥100 shared by 王伟 and 李娜 (¥50 each); item 4 ¥100 by 张三, 王伟,
    # 李娜 (¥33.34 to the first, ¥33.33 each after): 王伟 ¥83.33, 李娜 ¥83.33, 张三 ¥33.34. Said once,
    # at the first cell. 欧阳娜娜 (no 欧阳 or 娜娜 elsewhere) and 民革县委 (a unit) stay as written.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期", "采用情况"],
            [1, "关于甲的建议", "王伟李娜", "民革县委", "2025-03-01", "市政协采用"],
            [2, "关于乙的建议", "王伟", "民革县委", "2025-03-02", ""],
            [3, "关于丙的建议", "李娜、张三", "民革县委", "2025-03-03", ""],
            [4, "关于丁的建议", "张三、王伟李娜", "民革县委", "2025-03-04", "市政协采用"],
            [5, "关于戊的建议", "欧阳娜娜", "民革县委", "2025-03-05", ""]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "j.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["authors"].tolist() == [("王伟", "李娜"), ("王伟",), ("李娜", "张三"), ("张三", "王伟", "李娜"),
                                                      ("欧阳娜娜",)]
    said = [(f.row, f.column, f.message) for f in sq.validate(ledger).issues if f.code == "author.names_joined"]
    assert [(r, c) for r, c, _ in said] == [(2, "C")] and "“王伟”“李娜”两人" in said[0][2]
    paid = sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict()
    assert paid == {"王伟": 8333, "李娜": 8333, "张三": 3334}


def test_a_role_or_the_author_in_the_unit_column_is_no_unit(tmp_path):
    # 特邀信息员 and 县政协委员 in the 单位 column were units of their own in the rankings, unsaid. They are
    # no unit: said at the cell (unit.is_role), not also as a blank 单位 under another (unit.blank_below).
    # 县政协提案委 is a unit.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期"],
            [1, "关于甲的建议", "张三", "民革县委", "2025-03-01"],
            [2, "关于乙的建议", "李四", "特邀信息员", "2025-03-02"],
            [3, "关于丙的建议", "王五", "县政协委员", "2025-03-03"],
            [4, "关于丁的建议", "赵六", "县政协提案委", "2025-03-04"],
            # the author again (a unit of that name, ranked, unsaid): no unit, said (unit.is_author);
            # a unit that files in its own name keeps it
            [5, "关于戊的建议", "钱七", "钱七", "2025-03-05"],
            [6, "关于己的建议", "民盟县委", "民盟县委", "2025-03-06"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "u.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["unit"].tolist() == ["民革县委", "", "", "县政协提案委", "", "民盟县委"]
    issues = sq.validate(ledger).issues
    assert [(f.row, f.column) for f in issues if f.code == "unit.is_role"] == [(3, "D"), (4, "D")]
    assert [(f.row, f.column) for f in issues if f.code == "unit.is_author"] == [(6, "D")]
    assert not [f for f in issues if f.code == "unit.blank_below"]


def test_a_post_after_a_name_beside_the_name_alone_is_said(tmp_path):
    # 李四专员 beside 李四: two people to the figures (专员 is no post the rules know, so the tool cannot
    # know), said at the first cell of the longer name; 王五委员 is 王五 (a role the rules know) and
    # 李四主任 is 李四 (a post the rules know, rules authors.post_words), not said.
    rows = [["收稿日期", "信息标题", "作者", "县政协"],
            ["2025-03-05", "关于甲的建议", "李四", "√"],
            ["2025-03-06", "关于乙的建议", "李四专员", "√"],
            ["2025-03-07", "关于丙的建议", "李四专员", "√"],
            ["2025-03-08", "关于丁的建议", "王五委员", "√"],
            ["2025-03-09", "关于戊的建议", "李四主任", "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "titled.xlsx", {"2025年": rows}))
    assert [(i.row, i.column, i.message) for i in _codes(report, "author.titled")] == [
        (3, "C", "“李四专员”像是“李四”加上职务,统计时按两个人计;如是同一人,请只写姓名")]
    assert sorted(set(ledger.authors["name"])) == ["李四", "李四专员", "王五"]


def _authors_as_read(tmp_path, cells: dict, name_column: str):
    """One item per author cell (each adopted at 县级), read; each item's (names, tags, unit) checked
    against ``cells`` (cell → the answer worked by hand)."""
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", c, "√"] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    au, subs = ledger.authors, ledger.submissions
    for k, (cell, (names, tags, unit)) in enumerate(cells.items()):
        mine = au[au["item"] == k]
        assert (list(mine[name_column]), list(mine["tag"]), subs.loc[subs["item"] == k, "unit"].iloc[0]) == (names, tags, unit), cell
    return ledger, report


def test_a_forwarding_written_between_two_bodies_is_a_forwarding(tmp_path):
    # 市政协报送省政协 was an adoption by 省政协 (省级, paid), 县政协报市政协 one by 市政协, unsaid: the
    # body before the forwarding word sent the item, the one after received it: a higher body's forwarding
    # is its 上报, the office's own went as far as that body. A county office's
    # ledger; each cell worked by hand: (adoption tiers, forward tiers, said as sent by another body).
    cells = {"县政协报市政协": ([], ["市级"], False), "县政协转报市政协": ([], ["市级"], False),
             "市政协报送省政协": ([], ["市级"], True), "省政协转报全国政协": ([], ["省级"], True),
             "市政协上报省政协被采用": (["省级"], ["市级"], True),
             "市政协《社情民意》第3期报省政协": (["市级"], ["省级"], False),
             "市政协专报市委": (["市级"], [], False), "县政协报县委": ([], [], False),
             "经市政协转报省政协": ([], ["市级"], True),
             "市政协采用，市政协报送省政协": (["市级"], ["市级"], True)}  # the row says 市政协 adopted it
    rows = [["示例县政协2025年社情民意信息报送台账"], ["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "a.xlsx", {"S": rows}), year=2025)
    ad, fw = ledger.adoptions, ledger.forwards
    for k, (cell, (adopted, sent, said)) in enumerate(cells.items()):
        assert sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) == sorted(adopted), cell
        assert sorted(fw.loc[fw["item"] == k, "tier"].astype(str)) == sorted(sent), cell
    said_rows = [k + 3 for k, (_, _, said) in enumerate(cells.values()) if said]
    assert [i.row for i in _codes(report, "forward.by_another_body")] == said_rows
    assert "读作市政协向上级报送" in _codes(report, "forward.by_another_body")[0].message
    assert "读作市政协向上级报送" in _codes(report, "forward.by_another_body")[-1].message  # not 经市政协
    assert [i.row for i in _codes(report, "forward.own_level")] == [10]


def test_a_post_written_with_a_name_is_the_persons_not_a_unit_or_a_name(tmp_path):
    # 县政协副主席张三 was a unit named so (paid as a unit); 李四 副局长 two people, one named 副局长;
    # 张三、李四等委员 an author named 李四等. Worked by hand: (authors, tags, the item's unit).
    cells = {"县政协副主席张三": (["张三"], ["副主席"], "县政协"), "民革县委主委李四": (["李四"], ["主委"], "民革县委"),
             "李四 副局长": (["李四"], ["副局长"], ""), "张三（县政协副主席）": (["张三"], ["副主席"], "县政协"),
             "王五主任": (["王五"], ["主任"], ""), "赵六主任医师": (["赵六"], ["主任医师"], ""),
             "张三、李四等委员": (["张三", "李四"], ["", ""], ""),
             # rules 2025.5: 党组书记, 党委书记 are posts (was a unit 县教育局党组, a 书记 of it)
             "县教育局党组书记孙八": (["孙八"], ["党组书记"], "县教育局")}
    ledger, report = _authors_as_read(tmp_path, cells, "name")
    au = ledger.authors
    assert not au["is_unit"].any()
    assert [i.row for i in _codes(report, "author.et_al")] == [8]


def test_a_membership_word_between_a_unit_and_a_name(tmp_path):
    # 民进县委会员赵六 was a person 员赵六 of 民进县委会, 共青团员李四 one named 员李四, 民革县委员会李四 one named
    # 会李四 (a 委员 of 民革县): a membership word (会员, 盟员, 团员) or 委员会 was cut in two. Worked by hand:
    # (authors, tags, the item's unit).
    cells = {"民进县委会员赵六": (["赵六"], ["会员"], "民进县委"), "县作协会员李四": (["李四"], ["会员"], "县作协"),
             "民盟县委盟员王五": (["王五"], ["盟员"], "民盟县委"), "民革县委员会李四": (["李四"], [""], "民革县委员会"),
             "共青团员李四": (["李四"], ["共青团员"], ""), "县政协委员张三": (["张三"], ["县政协委员"], "")}
    _authors_as_read(tmp_path, cells, "name")


def test_two_deeds_in_one_adoption_or_forward_cell(tmp_path):
    # Each cell worked by hand: (adoption tiers, forward tiers) of its item.
    cells = {"市政协采用并报省政协": (["市级"], ["省级"]), "省市两级采用": (["市级", "省级"], []),
             "被省政协和全国政协采用": (["全国", "省级"], []), "被市政协采用后报送省政协": (["市级"], ["省级"]),
             "市政协采用，省政协已报送": (["市级"], ["省级"]), "上报市政协被采用": (["市级"], ["市级"]),
             "省政协采用（市政协推荐）": (["省级"], ["市级"]), "已报市政协、省政协": ([], ["市级", "省级"]),
             # a forwarding right after the verb, no connective: adopted here, sent there (was all 市级)
             "被县委采用报市委": (["县级"], ["市级"]), "县政协编发报市政协": (["县级"], ["市级"]),
             "县政协采用报告": (["县级"], []),
             # two 政协 one after the other, no separator (was one 省级 adoption, the 市级 dropped)
             "市政协省政协均采用": (["市级", "省级"], []), "省政协全国政协采用": (["省级", "全国"], []),
             # 县政协推荐市政协 is a 上报 to 市政协, as 上报市政协被采用 is (sent there, adopted there)
             "报市政协省政协": ([], ["市级", "省级"]), "县政协推荐市政协采用": (["市级"], ["市级"]),
             "省州政协均采用": (["市级", "省级"], []),
             # sent to both, adopted by neither (the 上报 to 省政协 was lost: a 省政协 not adopting)
             "报市政协、省政协，均未采用": ([], ["市级", "省级"]), "报送市政协、省政协（均未采用）": ([], ["市级", "省级"]),
             "已报送市政协、省政协待采用": ([], ["市级", "省级"]),
             "报送市政协，省政协未采用": ([], ["市级"])}  # a clause of its own: where it was sent is not written
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "a.xlsx", {"S": rows}))
    for k, (adopted, sent) in enumerate(cells.values()):
        ad, fw = ledger.adoptions, ledger.forwards
        assert sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) == sorted(adopted), k
        assert sorted(fw.loc[fw["item"] == k, "tier"].astype(str)) == sorted(sent), k


def test_instruction_cells_counts_colons_and_two_dated(tmp_path):
    cells = ["2件", "已批示", "李某某（副市长）：\n请市卫健委研究", "县委书记李某某：请县卫健局研究办理",
             "2025年4月2日市长张某某批示：“请抓紧落实”。2025年4月9日副市长赵某某批示：“同意”。"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "领导批示"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", "√", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "i.xlsx", {"S": rows}))
    ins = ledger.instructions
    leaders = {k: list(ins.loc[ins["item"] == k, "leader"]) for k in range(5)}
    assert leaders == {0: ["", ""], 1: [""], 2: ["李某某(副市长)"], 3: ["县委书记李某某"], 4: ["市长张某某", "副市长赵某某"]}


def test_author_separators_and_words_before_names():
    from sqmy_lib.read.authors import AuthorWords, split_authors
    words = AuthorWords.from_rules(sq.load_rules().data)
    cases = {"韩冰\\宋佳": ["韩冰", "宋佳"], "马骏+罗兰": ["马骏", "罗兰"], "马骏&罗兰": ["马骏", "罗兰"],
             "王 伟 李 娜": ["王伟", "李娜"], "欧 阳 明 月": ["欧阳明月"], "委员马骏": ["马骏"],
             "信息员：高峰": ["高峰"], "民革县委张伟": ["张伟"]}
    assert {t: [a.name for a in split_authors(t, words).authors] for t in cases} == cases


def test_a_column_of_issue_numbers_per_body(tmp_path):
    # 市政协采用期数 is the 市政协's column (its numbers the issues that carried the item), not the
    # office's own 期号; a 1 under it is 第1期. Worked by hand: (tier, issue) of each item's adoptions.
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协编发期数", "市政协采用期数", "省政协采用（期号）"]]
    # 第3期（总第45期）: the year's issue, not the running number beside it.
    cells = [["第3期（总第45期）", "12", ""], ["", "第5期", "2025年第2期"], ["4", "", ""], ["", 1, ""]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "q.xlsx", {"S": rows}))
    ad = ledger.adoptions
    got = {k: sorted(zip(ad.loc[ad["item"] == k, "tier"].astype(str), ad.loc[ad["item"] == k, "issue_no"].astype(int)))
           for k in range(4)}
    assert got == {0: [("县级", 3), ("市级", 12)], 1: [("市级", 5), ("省级", 2)], 2: [("县级", 4)], 3: [("市级", 1)]}
    assert not _codes(report, "header.duplicate") and not _codes(report, "adoption.issue_only")
    # By highest tier (县级 30, 市级 100, 省级 200 yuan): 作者1号 100, 作者2号 200, 作者3号 30, 作者4号 100.
    assert _paid(ledger) == {"作者1号": Decimal(100), "作者2号": Decimal(200), "作者3号": Decimal(30), "作者4号": Decimal(100)}


def test_a_scribe_or_a_person_written_with_a_unit_is_the_author(tmp_path):
    # Worked by hand: the 执笔人 inside a unit's bracket or after it is the author (a 执笔人), the unit
    # the item's; a unit listed with people across a separator is their unit, not a co-author.
    cells = {"民革县委（张三执笔）": (["张三"], [True], "民革县委"), "民革县委（执笔：李四）": (["李四"], [True], "民革县委"),
             "民革县委（执笔人王五）": (["王五"], [True], "民革县委"), "民盟县委 执笔：赵六": (["赵六"], [True], "民盟县委"),
             "县政协办公室、钱七": (["钱七"], [False], "县政协办公室"), "孙八/民进县委": (["孙八"], [False], "民进县委"),
             # two units are two authors; a scribe among people stays a person
             "民革县委、民盟县委": (["民革县委", "民盟县委"], [False, False], "民革县委"),
             "周九执笔，吴十": (["周九", "吴十"], [True, False], "")}
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", c, "√"] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "s.xlsx", {"S": rows}))
    au, subs = ledger.authors, ledger.submissions
    for k, (people, scribes, unit) in enumerate(cells.values()):
        assert list(au.loc[au["item"] == k, "written"]) == people, k
        assert list(au.loc[au["item"] == k, "scribe"]) == scribes, k
        assert subs.loc[subs["item"] == k, "unit"].item() == unit, k
    assert {i.row for i in _codes(report, "author.with_unit")} == set(range(2, 8))


def test_a_unit_written_with_the_names_is_their_unit(tmp_path):
    # Worked by hand: each cell's people (the authors credited) and the unit the item counts for.
    cells = {"民革县委张伟": (["张伟"], "民革县委"), "民革县委 张伟": (["张伟"], "民革县委"),
             "城关镇政协工委-刘洋": (["刘洋"], "城关镇政协工委"), "城关镇政协工委（刘洋）": (["刘洋"], "城关镇政协工委"),
             "张伟（民革县委）": (["张伟"], "民革县委"), "县教育局王小芳": (["王小芳"], "县教育局"),
             "民革县委：张伟、李娜": (["张伟", "李娜"], "民革县委"),
             # not a unit and a name: left as written
             "民盟县委": (["民盟县委"], "民盟县委"), "县政协办公室": (["县政协办公室"], "县政协办公室"),
             "民盟县委宣传部": (["民盟县委宣传部"], "民盟县委宣传部"), "许文博(民盟)": (["许文博"], ""),
             "阿依古丽·买买提": (["阿依古丽·买买提"], "")}
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", c, "√"] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "u.xlsx", {"S": rows}))
    au, subs = ledger.authors, ledger.submissions
    for k, (people, unit) in enumerate(cells.values()):
        assert list(au.loc[au["item"] == k, "written"]) == people, k
        assert subs.loc[subs["item"] == k, "unit"].item() == unit, k
    said = {i.row for i in _codes(report, "author.with_unit")}
    assert said == {2, 3, 4, 5, 7, 8}  # six cells read as a unit and names, each said at its cell (a warning)
    # 张伟（民革县委）: the name, then the unit in brackets, says plainly who wrote it and where; an info.
    assert [(i.row, i.severity) for i in _codes(report, "author.unit_in_brackets")] == [(6, "info")]
    # A 市政协 adoption is 100 yuan, shared equally by co-authors; the units written with them get nothing.
    # 张伟: three items alone and half of one (300 + 50); 刘洋 two items; 李娜 half of one.
    paid = _paid(ledger)
    assert paid["张伟"] == Decimal(350) and paid["刘洋"] == Decimal(200) and paid["李娜"] == Decimal(50)
    assert "民革县委" not in paid and "城关镇政协工委" not in paid


def test_a_title_naming_another_year_than_the_sheet_is_said(tmp_path):
    # A title copied from last year's template (2024年度…) over a sheet named 2025年: the dates
    # without a year are read in the year asked for (2025), and the conflict is said once.
    rows = [["2024年度社情民意信息台账"], ["序号", "收稿日期", "信息标题", "作者", "市政协"],
            [1, "3月5日", "关于甲的建议", "张三", "√"], [2, "4月6日", "关于乙的建议", "李四", ""]]
    path = write_xlsx(tmp_path / "t.xlsx", {"2025年": rows})
    ledger, report = _read(path, year=2025)
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-03-05", "2025-04-06"]
    said = _codes(report, "sheet.year_conflict")
    assert len(said) == 1 and "2024年度" in said[0].message and "2025" in said[0].message
    # Asked for no year, the sheet's own name (2025年) is more specific than the title: its year
    # stands, and the conflict is said just the same.
    ledger, report = _read(path)
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-03-05", "2025-04-06"]
    assert len(_codes(report, "sheet.year_conflict")) == 1


def test_a_publication_column_beside_the_body_is_read_with_it(tmp_path):
    # 采用单位 | 采用刊物 | 采用期数: the publication is part of the adoption (市政协 + 《社情民意》),
    # not a second 采用单位 left unread; alone it names the body itself (省政协信息专报).
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用单位", "采用刊物", "采用期数"]]
    cells = [["市政协", "社情民意", "第3期"], ["省政协", "专报", "5"], ["", "省政协信息专报", ""],
             ["县政协", "社情民意转送", ""], ["市政协、省政协", "", ""]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}))
    ad = ledger.adoptions
    tiers = {k: sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) for k in range(5)}
    assert tiers == {0: ["市级"], 1: ["省级"], 2: ["省级"], 3: ["县级"], 4: ["市级", "省级"]}
    assert list(ad.loc[ad["item"] == 3, "channel"]) == ["部门"]  # 《社情民意转送》 goes to a department
    assert not _codes(report, "header.duplicate")
    # Paid by highest tier (市级 100, 省级 200); a 转送 to a department is not paid as a tier.
    assert _paid(ledger) == {"作者1号": Decimal(100), "作者2号": Decimal(200), "作者3号": Decimal(200),
                             "作者5号": Decimal(200)}


def test_a_day_alone_on_a_month_sheet_is_that_day_of_the_month(tmp_path):
    # Month sheets (3月, 十一月份) whose 日期 cells give the day only: 5日, 5号, a typed 12.
    def row(k, d):
        return [k, d, f"关于第{k}个问题的建议", f"作者{k}号", "√"]
    head = ["序号", "日期", "信息标题", "作者", "市政协"]
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {
        "3月": [head, row(1, "5日"), row(2, "5号"), row(3, 12), row(4, "4月2日")],
        "十一月份": [head, row(5, "30日")],
        "1-3月": [head, row(6, "7日")],  # a span names no one month: the day alone is said, not placed
    })
    ledger, report = _read(path, year=2025)
    got = dict(zip(ledger.submissions["title"], [str(d)[:10] for d in ledger.submissions["date"]]))
    assert got == {"关于第1个问题的建议": "2025-03-05", "关于第2个问题的建议": "2025-03-05",
                   "关于第3个问题的建议": "2025-03-12", "关于第4个问题的建议": "2025-04-02",
                   "关于第5个问题的建议": "2025-11-30", "关于第6个问题的建议": "NaT"}
    assert [(i.sheet, i.row) for i in _codes(report, "date.unparseable")] == [("1-3月", 2)]


def test_a_date_written_in_month_and_day_columns(tmp_path):
    # 收稿时间 merged over two narrow columns 月 | 日, as on a paper form; the sub-row is header, not an item.
    rows = [["序号", "收稿时间", None, "信息标题", "作者", "市政协"], [None, "月", "日", None, None, None],
            [1, 3, 5, "关于甲的建议", "张三", "√"], [2, "4月", "12日", "关于乙的建议", "李四", None],
            [3, 6, None, "关于丙的建议", "王五", None]]
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"S": rows},
                      merges={"S": ["B1:C1", "A1:A2", "D1:D2", "E1:E2", "F1:F2"]})
    ledger, report = _read(path, year=2025)
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-03-05", "2025-04-12", "2025-06-01"]
    assert list(ledger.submissions["date_status"]) == ["ok", "ok", "month_only"]  # 6月 with no day: said
    assert not _codes(report, "title.missing")


def test_an_unknown_sub_label_beside_known_ones_is_header_not_an_item(tmp_path):
    # 采用情况 merged over 本级 | 上级: 上级 names no body the rules place, so its column is reported;
    # the row of sub-labels is part of the header, never an item of its own.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", None], [None, None, None, None, "本级", "上级"],
            [1, "2025-03-05", "关于甲的建议", "张三", "√", None], [2, "2025-03-06", "关于乙的建议", "李四", None, "√"]]
    path = write_xlsx(tmp_path / "s.xlsx", {"S": rows}, merges={"S": ["E1:F1", "A1:A2", "B1:B2", "C1:C2", "D1:D2"]})
    ledger, report = _read(path, year=2025)
    assert list(ledger.submissions["title"]) == ["关于甲的建议", "关于乙的建议"]
    assert list(ledger.adoptions["tier"].astype(str)) == ["县级"]
    assert [(i.row, i.column) for i in _codes(report, "header.unknown")] == [(1, "F")]


def test_template_rows_filled_with_no_are_blank_not_items(tmp_path):
    # A template whose 是否采用 drop-down defaults to 否 (and 稿酬 to 0) down to its last numbered row:
    # those rows say nothing happened to no item. Two items, by hand.
    rows = [["序号", "收稿日期", "信息标题", "作者", "是否采用", "采用单位", "稿酬"],
            [1, "2025-03-05", "关于甲的建议", "张三", "是", "市政协", 100],
            [2, "2025-03-06", "关于乙的建议", "李四", "否", None, 0]]
    rows += [[k, None, None, None, "否", None, 0] for k in range(3, 30)]
    rows += [[k, None, None, None, "否", "/", None] for k in range(30, 40)]
    ledger, report = _read(write_xlsx(tmp_path / "b.xlsx", {"S": rows}), year=2025)
    assert list(ledger.submissions["title"]) == ["关于甲的建议", "关于乙的建议"]
    assert not _codes(report, "title.missing") and not _codes(report, "author.missing")
    assert list(ledger.adoptions["tier"].astype(str)) == ["市级"]


def test_roster_roles_written_longer_or_unknown_are_said(tmp_path):
    # 社情民意信息员 and 兼职信息员 are 信息员 (1 item a month from the month of appointment), said;
    # 通讯员 is no role of the rules: listed with no quota, said.
    people = [["姓名", "身份", "单位", "聘任时间"], ["孙八", "社情民意信息员", "县医院", "2025-03-01"],
              ["周九", "兼职信息员", "县科协", None], ["吴十", "通讯员", "县文联", None]]
    sub = [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-03-05", "关于甲的建议", "孙八"],
           [2, "2025-04-05", "关于乙的建议", "周九"], [3, "2025-05-05", "关于丙的建议", "吴十"]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": sub, "信息员名册": people}), year=2025)
    quota = dict(zip(sq.people(ledger, 2025)["name"], sq.people(ledger, 2025)["quota"]))
    assert quota["孙八"] == 10 and quota["周九"] == 12 and pd.isna(quota["吴十"])  # 3月–12月; all year; none
    assert [(i.row, i.column) for i in _codes(report, "roster.role_read_as")] == [(2, "B"), (3, "B")]
    assert [(i.row, i.column) for i in _codes(report, "roster.role_unknown")] == [(4, "B")]


def test_roster_unit_types_written_shorter_or_unknown_are_said(tmp_path):
    # 界别 is the rules' 界别组 (2 items a quarter: 8 in the year), said; 镇(街道)政协工作联络组 is no
    # type of the rules: no quota, said.
    units = [["单位名称", "单位类型"], ["教育界", "界别"], ["东街街道政协联络组", "镇(街道)政协工作联络组"], ["农业界", "界别组"]]
    sub = [["序号", "收稿日期", "信息标题", "作者", "单位"]] + [
        [k, "2025-03-05", f"关于第{k}个问题的建议", "张三", u[0]] for k, u in enumerate(units[1:], 1)]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": sub, "单位名册": units}), year=2025)
    table = sq.units(ledger, 2025)
    quota = dict(zip(table["unit"], table["quota"]))
    assert quota["教育界"] == 8 and quota["农业界"] == 8 and pd.isna(quota["东街街道政协联络组"])
    assert [(i.row, i.column) for i in _codes(report, "roster.unit_type_read_as")] == [(2, "B")]
    assert [(i.row, i.column) for i in _codes(report, "roster.unit_type_unknown")] == [(3, "B")]


def test_author_cells_with_phones_roles_with_places_and_sources(tmp_path):
    # Worked by hand: the people credited in each cell. A phone number is the name's contact, a
    # role with its place (县政协委员) goes with the name, a source (群众来信) credits no one and is said.
    cells = {"张三 13800138000": ["张三"], "李四，电话：13900139000": ["李四"], "县政协委员王五": ["王五"],
             "赵六（县政协委员）": ["赵六"], "群众来信": [], "12345热线": [], "钱七、网民反映": ["钱七"]}
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", c, "√"] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "c.xlsx", {"S": rows}), year=2025)
    au = ledger.authors
    for k, people in enumerate(cells.values()):
        assert list(au.loc[au["item"] == k, "written"]) == people, k
    assert list(au.loc[au["written"].isin(["王五", "赵六"]), "role"]) == ["委员", "委员"]
    assert [i.row for i in _codes(report, "author.source")] == [6, 7, 8]
    assert not _codes(report, "author.missing")
    # 市政协 100 yuan each to the five people; the three sources' items pay no one.
    assert _paid(ledger) == {n: Decimal(100) for n in ("张三", "李四", "王五", "赵六", "钱七")}


def test_an_item_written_again_to_record_another_adoption_is_one_item(tmp_path):
    # 张三's item written on two lines, 县政协编发 on one and 市政协采用 on the next: one item adopted at
    # two levels (paid by its highest, 市级 100). 李四's item written twice alike is a duplicate (an error).
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "县政协编发"],
            [2, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "市政协采用"],
            [3, "2025-04-05", "关于规范校外培训的建议", "李四", "县政协编发"],
            [4, "2025-04-05", "关于规范校外培训的建议", "李四", "县政协编发"]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}), year=2025)
    ad = ledger.adoptions
    assert sorted(ad.loc[ad["item"] == 0, "tier"].astype(str)) == ["县级", "市级"]
    assert [i.row for i in _codes(report, "row.same_item")] == [3]
    assert [i.row for i in _codes(report, "item.duplicate")] == [5]
    assert _paid(ledger) == {"张三": Decimal(100), "李四": Decimal(30)}


def test_an_outcome_after_bodies_is_theirs(tmp_path):
    # Worked by hand: (adoption tiers, forward tiers) per item. In 采用情况, a body named alone before
    # 未采用 was not adopted; in 上报情况, bodies with their outcome after them were sent there.
    adoption = {"市政协，未采用": ([], []), "市政协、省政协（未采用）": ([], []),
                "市政协采用，省政协未采用": (["市级"], []), "县政协编发；市政协(待定)": (["县级"], [])}
    forward = {"市政协、省政协（未采用）": ([], ["市级", "省级"]), "已报市政协（待采用）": ([], ["市级"]),
               "报市政协未用": ([], ["市级"]), "拟报省政协（待定）": ([], []),
               "上报市政协、省政协均采用": (["市级", "省级"], ["市级", "省级"])}
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "上报情况"]]
    cells = [(a, "") for a in adoption] + [("", f) for f in forward]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", a, f] for k, (a, f) in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "o.xlsx", {"S": rows}), year=2025)
    ad, fw = ledger.adoptions, ledger.forwards
    for k, (adopted, sent) in enumerate([*adoption.values(), *forward.values()]):
        assert sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) == adopted, k
        assert sorted(fw.loc[fw["item"] == k, "tier"].astype(str)) == sent, k


def test_a_month_sheet_without_a_date_column_dates_its_items_to_the_month(tmp_path):
    # Month sheets (3月, 4月) with no date column: the sheet is the month. Counted there, said per sheet.
    head = ["序号", "信息标题", "作者", "市政协"]
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"3月": [head, [1, "关于甲的建议", "张三", "√"], [2, "关于丙的建议", "王五", None]],
                                                    "4月": [head, [1, "关于乙的建议", "李四", None]]})
    ledger, report = _read(path, year=2025)
    months = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.month))
    assert months == {"关于甲的建议": 3, "关于丙的建议": 3, "关于乙的建议": 4}
    assert not _codes(report, "date.missing")
    assert sorted((i.sheet, i.message[:30]) for i in _codes(report, "sheet.dated_by_name")) == [
        ("3月", "本表没有收稿日期列,表中 2 条信息按 2025年3月 计入"), ("4月", "本表没有收稿日期列,表中 1 条信息按 2025年4月 计入")]
    assert _paid(ledger) == {"张三": Decimal(100)}


def test_a_note_striking_the_item_out_leaves_it_out_and_says_so(tmp_path):
    # 备注 作废 / 已撤回 / 重复报送 / 与第1条重复 / 同第1条 / 不计: left out and said at the 备注 cell;
    # 退回修改, 不作废 and 不计稿酬 do not strike the item out. By hand: items 1, 7, 8, 9 stay; 不计稿酬
    # (item 9) is counted and not paid (it was paid), said at its 备注.
    notes = ["", "作废", "已撤回", "重复报送，作废", "与第1条重复", "同第1条", "退回修改", "不作废", "不计稿酬", "不计"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "备注"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", "√", n] for k, n in enumerate(notes, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "v.xlsx", {"S": rows}), year=2025)
    assert list(ledger.submissions["author_text"]) == ["作者1号", "作者7号", "作者8号", "作者9号"]
    assert [(i.row, i.column) for i in _codes(report, "row.void")] == [(r, "F") for r in (3, 4, 5, 6, 7, 11)]
    assert sorted(_paid(ledger)) == ["作者1号", "作者7号", "作者8号"]
    assert [(i.row, i.column) for i in _codes(report, "adoption.unpaid")] == [(10, "F")]


@pytest.mark.parametrize("note", ["重复，见第1条", "已合并到第1条", "与第1条为同一信息", "重复,同1号"])
def test_a_note_saying_the_row_repeats_another_strikes_it_out(tmp_path, note):
    # 重复，见第1条 and the like say the row is item 1 again: left out, said at its 备注 (row.void). Before,
    # each was a 备注 like any other and the item counted (and paid) twice. 避免重复建设 says nothing of the row.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "备注"],
            [1, "2025-03-01", "关于加强农村饮水安全的建议", "张三", "√", ""],
            [2, "2025-03-02", "关于加强农村饮水安全工作的建议", "张三", "√", note],
            [3, "2025-03-03", "关于乙的建议", "李四", "√", "避免重复建设"]]
    ledger, report = _read(write_xlsx(tmp_path / "重复.xlsx", {"S": rows}), year=2025)
    assert list(ledger.submissions["title"]) == ["关于加强农村饮水安全的建议", "关于乙的建议"]
    assert [(i.row, i.column) for i in _codes(report, "row.void")] == [(3, "F")]
    assert _paid(ledger) == {"张三": Decimal(100), "李四": Decimal(100)}


def test_an_office_keeping_only_an_adoption_ledger_has_its_rows_as_items(tmp_path):
    # The office keeps no 报送台账: its 采用台账 names each item's title and author, so each row is an
    # item (dated by its adoption), said once. Beside a 报送台账 the same sheet stays references.
    ado = [["2025年社情民意信息采用情况登记表"], ["序号", "信息标题", "作者", "单位", "采用单位", "采用时间"],
           [1, "关于甲的建议", "张三", "民盟县委", "市政协", "2025-04-01"],
           [2, "关于乙的建议", "李四", None, "省政协", "2025-05-01"]]
    (tmp_path / "only").mkdir()
    (tmp_path / "both").mkdir()
    only = write_xlsx(tmp_path / "only" / "2025年采用台账.xlsx", {"采用": ado})
    ledger, report = _read(only, year=2025)
    assert list(ledger.submissions["title"]) == ["关于甲的建议", "关于乙的建议"]
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-04-01", "2025-05-01"]
    assert [i.sheet for i in _codes(report, "sheet.items_from_adoptions")] == ["采用"]
    assert _paid(ledger) == {"张三": Decimal(100), "李四": Decimal(200)}  # 市级 100, 省级 200
    subs = [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-03-05", "关于甲的建议", "张三"],
            [2, "2025-03-09", "关于乙的建议", "李四"], [3, "2025-03-12", "关于丙的建议", "王五"]]
    both = tmp_path / "both"
    write_xlsx(both / "2025年采用台账.xlsx", {"采用": ado})
    write_xlsx(both / "2025年报送台账.xlsx", {"报送": subs})
    ledger, report = _read(both, year=2025)
    assert len(ledger.submissions) == 3 and not _codes(report, "sheet.items_from_adoptions")
    assert _paid(ledger) == {"张三": Decimal(100), "李四": Decimal(200)}


def test_a_column_label_naming_several_levels_is_not_one_body(tmp_path):
    # 采用情况（县/市/省）: each cell names its body; a √ there names none (said), never 省级 by the label.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况（县/市/省）"]]
    cells = ["县政协编发", "市级", "√", "省政协采用"]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "l.xlsx", {"S": rows}), year=2025)
    ad = ledger.adoptions
    assert [str(ad.loc[ad["item"] == k, "tier"].astype(object).fillna("").iloc[0]) for k in range(4)] == ["县级", "市级", "", "省级"]
    assert [i.row for i in _codes(report, "adoption.no_body")] == [4]


def test_a_cell_naming_another_level_than_its_column_says_where(tmp_path):
    # 县政协编发 under 省政协, 省政协 under 市政协, 市级 under 县政协: the cell says where (and it is said);
    # 编发 and 第3期 under 市政协 are the column's own.
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协", "市政协", "省政协"]]
    cells = [["", "", "县政协编发"], ["", "省政协", ""], ["市级", "", ""], ["", "编发", ""], ["", "第3期", ""]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "x.xlsx", {"S": rows}), year=2025)
    ad = ledger.adoptions
    assert [str(ad.loc[ad["item"] == k, "tier"].iloc[0]) for k in range(5)] == ["县级", "省级", "市级", "市级", "市级"]
    assert [(i.row, i.column) for i in _codes(report, "mark.other_body")] == [(2, "G"), (3, "F"), (4, "E")]


def test_a_remark_after_a_date_is_read_past():
    from sqmy_lib.read.values import parse_date
    day = dt.date(2025, 3, 5)
    for text in ("2025-3-5 上午", "2025-3-5（补报）", "3月5日(补报)", "2025.3.5下午3点"):
        assert parse_date(text, 2025).date == day, text
    # a bracket naming another day is no remark: the cell stays unparseable (said at its cell)
    assert parse_date("3月5日（4月2日修改）", 2025).date is None


def test_a_two_digit_year_is_read_only_beside_the_ledgers_year():
    from sqmy_lib.read.values import parse_date
    assert parse_date("25.3.5", 2025).date == dt.date(2025, 3, 5)
    assert parse_date("24年12月30日", 2025).date == dt.date(2024, 12, 30)
    assert parse_date("26/1/3", 2025).date == dt.date(2026, 1, 3)
    # far from the ledger's year, or with no year to go by: not guessed (said at its cell)
    assert parse_date("12.3.5", 2025).date is None
    assert parse_date("25.3.5", None).date is None


def test_two_deeds_written_with_no_separator_are_two():
    from sqmy_lib.read.marks import Vocabulary
    rules = sq.load_rules(year=2025)
    vocab = Vocabulary(rules.data, rules.place)
    read = lambda t: [(rules.place(x.body).tier, x.issue_no) for x in vocab.read_text(t)]
    assert read("市政协采用（第3期）省政协采用（第5期）") == [("市级", 3), ("省级", 5)]
    assert read("县政协编发第3期市政协采用") == [("县级", 3), ("市级", None)]
    assert read("县政协编发市场监管信息") == [("县级", None)]  # 市场 is no body


def test_a_planned_or_requested_instruction_is_none(tmp_path):
    # 拟批示, 报送领导, 已呈报县委领导: no 批示 was given (understood, none counted, none doubled);
    # 县委书记（圈阅） is one, by the 县委书记.
    cells = ["拟批示", "报送领导", "已呈报县委领导", "县委书记（圈阅）"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协", "领导批示"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", "√", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    assert list(ledger.instructions["leader"]) == ["县委书记"]
    # 县级 30 each; the instructed item doubled.
    assert _paid(ledger) == {"作者1号": Decimal(30), "作者2号": Decimal(30), "作者3号": Decimal(30), "作者4号": Decimal(60)}


def test_a_level_column_beside_the_body_is_read_with_it(tmp_path):
    # 是否采用 | 采用单位 | 采用级别: the level alone places the adoption; beside a body it is checked
    # (a level the body does not match is said, the body counts); √ beside a level is at that level.
    rows = [["序号", "收稿日期", "信息标题", "作者", "是否采用", "采用单位", "采用级别"]]
    cells = [["是", "", "市级"], ["是", "市政协", "市级"], ["是", "市政协", "省级"], ["", "√", "省级"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "lv.xlsx", {"S": rows}), year=2025)
    ad = ledger.adoptions
    assert [str(ad.loc[ad["item"] == k, "tier"].iloc[0]) for k in range(4)] == ["市级", "市级", "市级", "省级"]
    assert [(i.row, i.column) for i in _codes(report, "adoption.level_differs")] == [(4, "G")]
    assert not _codes(report, "header.duplicate")


def test_a_summary_with_rows_written_otherwise_sets_aside_only_its_repeats(tmp_path):
    # 一季度 holds the ten items; 全年汇总 repeats them, one title and one author cell written otherwise.
    # By hand: the ten items of 一季度, plus the two 汇总 rows no other sheet has (each said): 12.
    head = ["序号", "收稿日期", "信息标题", "作者", "市政协"]
    items = [[k, f"2025-0{1 + k % 3}-{k + 1:02d}", f"关于第{k}个问题的建议", f"作者{k}号", "√" if k % 2 else ""] for k in range(1, 11)]
    summary = [list(r) for r in items]
    summary[3][2] = "关于第4个问题的几点建议"
    summary[5][3] = "作者6号、作者9号"
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"一季度": [head, *items], "全年汇总": [head, *summary]})
    ledger, report = _read(path, year=2025)
    assert (ledger.submissions["sheet"] == "一季度").sum() == 10 and len(ledger.submissions) == 12
    assert [i.sheet for i in _codes(report, "sheet.repeats")] == ["全年汇总"]
    assert [(i.sheet, i.row) for i in _codes(report, "repeat.unique")] == [("全年汇总", 5), ("全年汇总", 7)]


def test_an_office_keeping_only_an_instruction_ledger_dates_items_by_their_instruction(tmp_path):
    rows = [["序号", "信息标题", "作者", "批示领导", "批示时间", "落实情况"],
            [1, "关于甲的建议", "张三", "县委书记王某", "2025-04-01", "已落实"]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年批示台账.xlsx", {"批示": rows}), year=2025)
    assert [str(d)[:10] for d in ledger.submissions["date"]] == ["2025-04-01"]
    assert list(ledger.instructions["leader"]) == ["县委书记王某"]
    assert not _codes(report, "date.missing") and len(_codes(report, "sheet.items_from_adoptions")) == 1


def test_a_day_with_no_year_under_a_body_column_is_an_adoption_that_day(tmp_path):
    # 市政协采用时间 | 省政协采用时间 filled with 4月8日: adopted, on that day of the ledger's year;
    # a day the year has not (2月29日 in 2025) is an adoption whose date is said at its cell.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协采用时间", "省政协采用时间"],
            [1, "2025-03-01", "关于一的建议", "甲", "4月8日", ""],
            [2, "2025-03-02", "关于二的建议", "乙", "", "2月29日"],
            [3, "2025-03-03", "关于三的建议", "丙", "4.9", "5月10号"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 4, 8)), (1, "省级", None),
                                        (2, "市级", dt.date(2025, 4, 9)),
                   (2, "省级", dt.date(2025, 5, 10))]
    # No title, sheet or file name says the year: the first day without one (E2, 4月8日) says it is
    # read in the year asked for (date.year_assumed), once for the sheet.
    assert [(i.code, i.row, i.column) for i in report.issues] == [("date.year_assumed", 2, "E"), ("adoption.date_invalid", 3, "F")]


def test_a_leader_instructing_twice_in_one_cell_is_two_instructions(tmp_path):
    # 常务副市长批示2次: two 批示 by that leader (one cell naming it twice is not a repeat); the same
    # 批示 written again in a 批示台账 row is still one repeat, said there.
    sheets = {"报送台账": [["信息编号", "收稿日期", "信息标题", "作者", "市政协", "领导批示"],
                        ["2025-001", "2025-03-01", "关于甲的建议", "张三", "√", "常务副市长王某批示2次"],
                        ["2025-002", "2025-03-02", "关于乙的建议", "李四", "√", "市长李某某批示"]],
              "批示台账": [["信息编号", "信息标题", "批示领导"], ["2025-002", "关于乙的建议", "市长李某某"]]}
    ledger, report = _read(write_xlsx(tmp_path / "r.xlsx", sheets), year=2025)
    assert sorted(ledger.instructions["leader"]) == sorted(["常务副市长王某", "常务副市长王某", "市长李某某"])
    assert [(i.sheet, i.row) for i in _codes(report, "instruction.repeated")] == [("批示台账", 2)]


def _quarterly_pay(ledger) -> dict[str, list[str]]:
    """Each person's reward, quarter by quarter (Q1..Q4), as yuan strings."""
    pay: dict[str, list[str]] = {}
    for q in range(1, 5):
        r = sq.rewards(ledger, sq.Period.of(2025, quarter=q))
        for name, amount in zip(r["name"], r["amount"]):
            pay.setdefault(name, ["0.00"] * 4)[q - 1] = str(amount)
    return pay


def test_two_leaders_each_with_their_day_in_one_cell_are_two_instructions_on_their_days(tmp_path):
    # A 批示 cell naming two leaders, each with the day of their 批示 after the word (in brackets or
    # not): two 批示, each dated by its own day (read before as one leader 市长 with "(2025.3.5);副省长
    # 批示" as its text, dated 4-02). The same in a 批示台账's 批示领导 column.
    cells = ["市长批示（2025.3.5）；副省长批示（2025.4.2）", "市长批示2025.8.5；副省长批示2025.9.2",
             "市长批示（8月5日），副省长批示（9月2日）"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]]
    rows += [[k, "2025-02-10", f"关于第{k}个问题的建议", who, f"单位{k}", "市政协采用（2025.3.10）", c]
             for k, (who, c) in enumerate(zip(["张三", "李四", "王五"], cells), 1)]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"2025年": rows}), year=2025)
    ins = ledger.instructions
    assert [(int(i), l, str(v), d.date()) for i, l, v, d in zip(ins["item"], ins["leader"], ins["level"], ins["date"])] == [
        (0, "市长", "市级", dt.date(2025, 3, 5)), (0, "副省长", "省级", dt.date(2025, 4, 2)),
        (1, "市长", "市级", dt.date(2025, 8, 5)), (1, "副省长", "省级", dt.date(2025, 9, 2)),
        (2, "市长", "市级", dt.date(2025, 8, 5)), (2, "副省长", "省级", dt.date(2025, 9, 2))]
    assert not [i for i in report.issues if i.code.startswith("instruction.")]
    # 市级 adoption on 3-10: ¥100 in Q1. 张三's first 批示 (3-5) is by Q1's end: ×2, ¥200 in Q1; the
    # second (4-2) doubles nothing more. 李四's and 王五's first 批示 are on 8-5: ¥100 in Q1, the
    # difference ¥100 in Q3 (补差).
    assert _quarterly_pay(ledger) == {"张三": ["200.00", "0.00", "0.00", "0.00"],
                                      "李四": ["100.00", "0.00", "100.00", "0.00"],
                                      "王五": ["100.00", "0.00", "100.00", "0.00"]}
    # 批示 counted in the quarter of their own day: Q1 one 市级; Q2 one 省级; Q3 two 市级, two 省级.
    levels = [sq.summary(ledger, sq.Period.of(2025, quarter=q)).instructions_by_level for q in (1, 2, 3)]
    assert [(lv["市级"], lv["省级"]) for lv in levels] == [(1, 0), (0, 1), (2, 2)]
    # Points (year): 1 submitted + 10 市级 adoption + 20 for the highest 批示 (省级) = 31 each.
    assert sq.units(ledger, 2025).set_index("unit")["points"].to_dict() == {"单位1": 31, "单位2": 31, "单位3": 31}

    sheets = {"报送台账": [["信息编号", "收稿日期", "信息标题", "作者"], ["2025-001", "2025-02-10", "关于甲的建议", "张三"]],
              "批示台账": [["信息编号", "信息标题", "批示领导"], ["2025-001", "关于甲的建议", "市长批示（3.5）；副省长批示（4.2）"]]}
    ledger, _ = _read(write_xlsx(tmp_path / "s.xlsx", sheets), year=2025)
    ins = ledger.instructions
    assert [(l, str(v), d.date()) for l, v, d in zip(ins["leader"], ins["level"], ins["date"])] == [
        ("市长", "市级", dt.date(2025, 3, 5)), ("副省长", "省级", dt.date(2025, 4, 2))]


def _quarterly_fen(ledger) -> dict[str, list[int]]:
    """Each beneficiary's reward, quarter by quarter (Q1..Q4), in fen (the public reward_lines)."""
    pay: dict[str, list[int]] = {}
    for q in range(1, 5):
        lines = sq.reward_lines(ledger, sq.Period.of(2025, quarter=q))
        for name, fen in lines.groupby("beneficiary")["amount_fen"].sum().items():
            pay.setdefault(name, [0] * 4)[q - 1] = int(fen)
    return pay


def test_an_instructions_day_right_after_the_word_or_ending_what_was_said_is_its_day(tmp_path):
    # A 批示's day written right after the 批示 word before what was said (批示(2025.4.10):请研究, in
    # full-width brackets too, 2025年4月10日), right after the leader with no 批示 word (副市长孙立
    # (2025.4.10):请研究), or ending what was said after a colon (副市长孙立：请市金融办研究（4月10日）)
    # was not read: no day (counted in the item's receipt quarter, "没有批示日期"), the text kept
    # "(2025.4.10):请研究". Two leaders each with a day and what they said are two 批示, each on its day.
    cells = ["副市长孙立批示(2025.4.10):请研究", "副市长孙立批示（2025.4.10）：请研究", "副市长孙立批示(2025年4月10日):请研究",
             "副市长孙立：请市金融办研究（4月10日）", "副市长孙立(2025.4.10):请研究",
             "市长批示(2025.3.5):同意;副省长批示(2025.4.2):请研究"]
    names = ["甲", "乙", "丙", "丁", "戊", "己"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]]
    rows += [[k, "2025-02-10", f"关于第{k}个问题的建议", who, f"单位{k}", "市政协采用（2025.3.10）", c]
             for k, (who, c) in enumerate(zip(names, cells), 1)]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"2025年": rows}), year=2025)
    ins = ledger.instructions
    april10 = ("副市长孙立", "市级", dt.date(2025, 4, 10))
    assert [(int(i), l, str(v), d.date(), t) for i, l, v, d, t in zip(ins["item"], ins["leader"], ins["level"], ins["date"], ins["text"])] == [
        (0, *april10, "请研究"), (1, *april10, "请研究"), (2, *april10, "请研究"), (3, *april10, "请市金融办研究"),
        (4, *april10, "请研究"), (5, "市长", "市级", dt.date(2025, 3, 5), "同意"), (5, "副省长", "省级", dt.date(2025, 4, 2), "请研究")]
    assert not [i for i in report.issues if i.code.startswith("instruction.")]
    # By hand: each item adopted by 市政协 on 3-10: 10000 fen in Q1. 甲..戊's 批示 are on 4-10 (Q2): the
    # doubling (×2) is the difference, 10000 fen, paid in Q2. 己's first 批示 is on 3-5, by Q1's end:
    # 20000 fen in Q1; the second (4-2) doubles nothing more.
    assert _quarterly_fen(ledger) == {**{n: [10000, 10000, 0, 0] for n in "甲乙丙丁戊"}, "己": [20000, 0, 0, 0]}
    # Counted in the quarter of their own day: Q1 己's 市长 (市级); Q2 five 市级 (4-10) and 己's 副省长 (省级).
    levels = [sq.summary(ledger, sq.Period.of(2025, quarter=q)).instructions_by_level for q in (1, 2)]
    assert [(lv["市级"], lv["省级"]) for lv in levels] == [(1, 0), (5, 1)]

    # The same under a 批示领导 column: the leader, not "副市长孙立:请市金融办研究", on 4-10, what was said kept.
    rows = [["序号", "收稿日期", "信息标题", "作者", "批示领导"],
            [1, "2025-02-10", "关于庚的建议", "庚", "副市长孙立：请市金融办研究（4月10日）"],
            [2, "2025-02-11", "关于辛的建议", "辛", "副市长孙立(2025.4.10):请研究"]]
    ledger, report = _read(write_xlsx(tmp_path / "l.xlsx", {"2025年": rows}), year=2025)
    ins = ledger.instructions
    assert [(l, d.date(), t) for l, d, t in zip(ins["leader"], ins["date"], ins["text"])] == [
        ("副市长孙立", dt.date(2025, 4, 10), "请市金融办研究"), ("副市长孙立", dt.date(2025, 4, 10), "请研究")]


def test_leaders_joined_by_a_word_or_counted_are_each_an_instruction(tmp_path):
    # Leaders joined by 和/与/及 are each a 批示 (as with 、); a post with a count (两位副市长) is that
    # many 批示 by that post, said nowhere (the count is written); 市长两次批示 is two, as 市长批示两次.
    # Posts with no names (市委书记和市长) are said as 市委书记、市长 is; levels written together before
    # one post (省市领导) are one 批示 a level, and said (how many leaders, only staff know).
    # 市长王和平: 和 inside a name, one leader. The same written in 备注 (rows 11-13).
    cells = ["副省长刘某某和市长李某某批示", "市长李某某与副市长王某某批示", "市委书记和市长批示", "市长及两位副市长批示",
             "两位副市长批示", "三位市领导批示", "省市领导批示", "市长两次批示", "市长王和平批示"]
    notes = ["获两位副市长批示", "获市长两次批示", "获省市领导批示"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", f"单位{k}", "市政协采用", c, n]
             for k, (c, n) in enumerate([(c, "") for c in cells] + [("", n) for n in notes], 1)]
    ledger, report = _read(write_xlsx(tmp_path / "j.xlsx", {"2025年": rows}), year=2025)
    ins = ledger.instructions
    got = {}
    for i, leader, level in zip(ins["item"], ins["leader"], ins["level"].astype(str)):
        got.setdefault(int(i), []).append((leader, level))
    assert got == {
        0: [("副省长刘某某", "省级"), ("市长李某某", "市级")], 1: [("市长李某某", "市级"), ("副市长王某某", "市级")],
        2: [("市委书记", "市级"), ("市长", "市级")], 3: [("市长", "市级"), ("副市长", "市级"), ("副市长", "市级")],
        4: [("副市长", "市级")] * 2, 5: [("市领导", "市级")] * 3, 6: [("省领导", "省级"), ("市领导", "市级")],
        7: [("市长", "市级")] * 2, 8: [("市长王和平", "市级")],
        9: [("副市长", "市级")] * 2, 10: [("市长", "市级")] * 2, 11: [("省领导", "省级"), ("市领导", "市级")]}
    assert [(i.row, i.column) for i in _codes(report, "instruction.posts_only")] == [(4, "G"), (5, "G")]
    assumed = _codes(report, "instruction.count_assumed")
    assert [(i.row, i.column) for i in assumed] == [(8, "G"), (13, "H")] and "2 件" in assumed[0].message
    assert sorted({i.row for i in _codes(report, "instruction.in_note")}) == [11, 12, 13]
    # 25 批示 in all (2+2+2+3+2+3+2+2+1 in the 批示 column, 2+2+2 in 备注), 3 of them 省级
    # (副省长刘某某 and the two 省领导).
    summary = sq.summary(ledger, 2025)
    assert summary.instructions == 25 and summary.instructions_by_level["省级"] == 3
    # Every item adopted at 市级 (¥100) and instructed: ¥200 each. Points: 1 + 10 + the highest 批示:
    # 省级 20 for items 1, 7 and 12 (31), 市级 10 for the others (21).
    assert set(_paid(ledger).values()) == {Decimal("200.00")} and len(_paid(ledger)) == 12
    points = sq.units(ledger, 2025).set_index("unit")["points"].to_dict()
    assert points == {f"单位{k}": 31 if k in (1, 7, 12) else 21 for k in range(1, 13)}


def test_a_leader_who_only_read_the_item_is_not_an_instruction(tmp_path):
    # 阅示, 副市长王某某阅, 市长已阅: the leader read it. The rules' 批示 words (instruction_words) hold
    # 圈阅 but not 阅/阅示 (read_words): neither counted nor paid ×2, said at the cell. 市长李某某圈阅
    # is a 批示 by the rules: counted. 呈市长阅示 (sent to read) stays none, unsaid.
    cells = ["阅示", "副市长王某某阅", "市长已阅", "市长李某某圈阅", "呈市长阅示"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", f"单位{k}", "市政协采用", c]
             for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "y.xlsx", {"2025年": rows}), year=2025)
    assert list(zip(ledger.instructions["item"], ledger.instructions["leader"])) == [(3, "市长李某某")]
    said = _codes(report, "instruction.read_only")
    assert [(i.row, i.column) for i in said] == [(2, "G"), (3, "G"), (4, "G")]
    assert "阅示" in said[0].message and "未计入" in said[0].message
    assert not _codes(report, "instruction.unknown_level")
    # 市级 ¥100 each; only 作者4号's item has a 批示: ¥200. Points: 11 each, 21 for 单位4.
    assert _paid(ledger) == {"作者1号": Decimal("100.00"), "作者2号": Decimal("100.00"), "作者3号": Decimal("100.00"),
                             "作者4号": Decimal("200.00"), "作者5号": Decimal("100.00")}
    points = sq.units(ledger, 2025).set_index("unit")["points"].to_dict()
    assert points == {"单位1": 11, "单位2": 11, "单位3": 11, "单位4": 21, "单位5": 11}


def test_an_adoption_and_its_instruction_in_one_clause_are_both_read(tmp_path):
    # 省政协采用并获副省长批示 records an adoption (省级) and a 批示 (副省长): the adoption was lost
    # when the clause was taken for a 批示 alone. A column headed 采用及批示情况 is both, as its
    # header says: its 批示 are read there without asking staff to move them.
    cells = ["省政协采用并获副省长批示", "市政协采用（获市长李某某批示）", "获市长批示后被市政协采用",
             "市政协第3期采用；省政协采用并获副省长批示"]
    for header, said in (("采用情况", True), ("采用及批示情况", False)):
        rows = [["序号", "收稿日期", "信息标题", "作者", header]]
        rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}", c] for k, c in enumerate(cells, 1)]
        ledger, report = _read(write_xlsx(tmp_path / f"{header}.xlsx", {"S": rows}), year=2025)
        ins = ledger.instructions
        assert _adopted(ledger) == [
            (0, "省级"), (1, "市级"), (2, "市级"), (3, "市级"), (3, "省级")], header
        assert list(zip(ins["item"].astype(int), ins["leader"])) == [
            (0, "副省长"), (1, "市长李某某"), (2, "市长"), (3, "副省长")], header
        assert bool(_codes(report, "instruction.in_adoption")) == said, header


def _as_ods(xlsx: Path) -> Path:
    """The workbook as LibreOffice saves it in OpenDocument (.ods): styles, merges, hidden rows and
    cached formula values as a real .ods holds them."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = xlsx.parent / "ods"
    subprocess.run([soffice, "--headless", "--convert-to", "ods", "--outdir", str(out), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    return out / f"{xlsx.stem}.ods"


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_struck_through_item_or_mark_is_struck_out(tmp_path, fmt):
    # Staff strike an item out with 删除线 instead of deleting it: a struck title leaves its row out,
    # a struck mark is no mark; both said (row.struck, cell.struck). Worked by hand: two items
    # (rows 3 and 4), one 市政协 adoption (row 4). An .ods (the .xlsx saved by LibreOffice) was read
    # and paid in full: its strikes are in its cell styles, which calamine does not give.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√"],
            [2, "2025-03-02", "关于乙的建议", "李四", "√"],
            [3, "2025-03-03", "关于丙的建议", "王五", "√"]]
    struck = {(1, 2), (1, 4), (2, 4)}  # 0-based: row 2's title (and its mark), row 3's mark
    path = tmp_path / f"s.{fmt}"
    if fmt in ("xlsx", "ods"):
        path = tmp_path / "s.xlsx"
        import openpyxl
        from openpyxl.styles import Font
        wb = openpyxl.Workbook()
        ws = wb.active
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                cell = ws.cell(r + 1, c + 1, v)
                if (r, c) in struck:
                    cell.font = Font(strike=True)
        wb.save(path)
        path = _as_ods(path) if fmt == "ods" else path
    else:
        import xlwt
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("S")
        strike = xlwt.easyxf("font: struck_out on")
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                ws.write(r, c, v, strike) if (r, c) in struck else ws.write(r, c, v)
        wb.save(str(path))
    ledger, report = _read(path, year=2025)
    assert list(ledger.submissions["row"]) == [3, 4]
    assert list(ledger.adoptions["row"]) == [4]
    assert [(i.code, i.row, i.column) for i in report.issues if i.code in ("row.struck", "cell.struck")] == [
        ("row.struck", 2, "C"), ("cell.struck", 3, "E")]


def _soffice(path: Path, to: str, folder: str) -> Path:
    """``path`` converted by LibreOffice (``to``: xls, ods, xlsx) into ``folder`` beside it."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = path.parent / folder
    subprocess.run([soffice, "--headless", "--convert-to", to, "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return out / f"{path.stem}.{to}"


@pytest.mark.parametrize("fmt", ["xlsx", "xlsx_shared", "xls", "ods"])
def test_text_struck_through_in_part_is_left_out_and_in_whole_is_a_struck_cell(tmp_path, fmt):
    # Staff strike a name or a unit out of a cell by striking its text (rich-text runs), not the
    # cell: 张三、~~李四~~ was paid to both, 市政协、~~省政协~~ as 省级, a title or a 批示 or 省政协 struck
    # whole by its text paid as if not struck. Written by openpyxl (inline strings), saved again by
    # LibreOffice as .xlsx (shared strings), .xls and .ods. Worked by hand (市级 100 元 an item, its
    # authors sharing it; a 批示 paid on top; 省级 200 元):
    #   row 2 关于甲 张三、~~李四~~ 市政协 → 张三 100 (李四 struck: not an author), said at D2;
    #   row 3 关于乙 赵六 市政协、~~省政协~~ → 市级 only: 赵六 100, said at F3;
    #   row 4 ~~关于丙~~ (its whole text struck) 钱七 市政协 → struck out: no item, 钱七 nothing;
    #   row 5 关于丁 孙八 市政协 ~~副市长李某某批示~~ → the 批示 struck: 孙八 100 (not 200);
    #   row 6 关于戊 周九 ~~省政协~~ → no adoption: 周九 nothing.
    # Items: rows 2, 3, 5, 6; adoptions: rows 2, 3, 5, all 市级. B2's 东城 run has strike val="0": not struck.
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    strike = InlineFont(strike=True)
    struck = lambda text: CellRichText([TextBlock(strike, text)])
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用单位", "领导批示"],
            [1, "2025-02-01", "关于甲的建议", CellRichText(["张三、", TextBlock(strike, "李四")]),
             CellRichText([TextBlock(InlineFont(strike=False), "东城"), "街道政协工委"]), "市政协", None],
            [2, "2025-02-02", "关于乙的建议", "赵六", "东城街道政协工委",
             CellRichText(["市政协、", TextBlock(strike, "省政协")]), None],
            [3, "2025-02-03", struck("关于丙的建议"), "钱七", "东城街道政协工委", "市政协", None],
            [4, "2025-02-04", "关于丁的建议", "孙八", "东城街道政协工委", "市政协", struck("副市长李某某批示")],
            [5, "2025-02-05", "关于戊的建议", "周九", "东城街道政协工委", struck("省政协"), None]]
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row, 1):
            if v is not None:
                ws.cell(r, c, v)
    xlsx = tmp_path / "runs.xlsx"
    wb.save(xlsx)
    to = {"xlsx_shared": "xlsx", "xls": "xls", "ods": "ods"}
    path = _soffice(xlsx, to[fmt], fmt) if fmt in to else xlsx
    ledger, report = _read(path, year=2025)
    assert list(ledger.submissions["row"]) == [2, 3, 5, 6], fmt
    assert list(ledger.submissions["unit"]) == ["东城街道政协工委"] * 4, fmt
    assert _adopted(ledger, "row") == [(0, "市级", 2), (1, "市级", 3), (2, "市级", 5)], fmt
    assert _paid(ledger) == {"张三": 100, "赵六": 100, "孙八": 100}, fmt
    said = [(i.code, i.row, i.column) for i in report.issues if i.code.endswith("struck")]
    assert said == [("cell.partly_struck", 2, "D"), ("cell.partly_struck", 3, "F"), ("row.struck", 4, "C"),
                    ("cell.struck", 5, "G"), ("cell.struck", 6, "F")], fmt
    partly = _codes(report, "cell.partly_struck")[0].message
    assert "“李四”" in partly and "“张三、”" in partly, fmt


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_items_in_hidden_rows_are_counted_and_said(tmp_path, fmt):
    # Rows hidden by hand, or by a filter the ledger was saved with (一季度 filtered to 3月): their
    # items count like any other, said once for the sheet with the rows. Worked by hand: three items,
    # two 市政协 adoptions; rows 3 and 5 hidden (row 5 only a 小计, not an item). An .ods said nothing.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"],
            [1, "2025-01-05", "关于甲的建议", "张三", "√"],
            [2, "2025-02-06", "关于乙的建议", "李四", ""],
            [3, "2025-03-07", "关于丙的建议", "王五", "√"],
            ["小计", "", "", "", 2]]
    hidden = {3, 5}  # Excel rows
    path = tmp_path / f"h.{fmt}"
    if fmt in ("xlsx", "ods"):
        path = tmp_path / "h.xlsx"
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in rows:
            ws.append(row)
        for r in hidden:
            ws.row_dimensions[r].hidden = True
        wb.save(path)
        path = _as_ods(path) if fmt == "ods" else path
    else:
        import xlwt
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("S")
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                ws.write(r, c, v)
        for r in hidden:
            ws.row(r - 1).hidden = True
        wb.save(str(path))
    ledger, report = _read(path, year=2025)
    assert list(ledger.submissions["row"]) == [2, 3, 4]
    assert list(ledger.adoptions["row"]) == [2, 4]
    said = _codes(report, "row.hidden")
    # At the first hidden row (it had no cell: the 问题清单's link went to A1), the rows listed in its message.
    assert [(i.row, i.column) for i in said] == [(3, "A")] and "第 3 行被隐藏" in said[0].message and "其中 1 条" in said[0].message


def test_an_ods_is_read_as_the_xlsx_it_was_saved_from(tmp_path):
    # An .ods lost all calamine does not give: its strikes were read and paid, a 单位 merged over two
    # rows filled only the first, =1/0 read as blank unsaid, a hidden row unsaid. The same ledger
    # as .xlsx (openpyxl) and as .ods (LibreOffice), its table from B3 (a title B1:G1, column A blank),
    # so the .ods's positions are checked against the .xlsx's. Worked by hand:
    # rows 4-9 are six items; row 6 is struck whole (out, said at its title D6); G7's 省政协 is struck
    # (no adoption, said); G8 is =1/0 (an error value in the .ods, no cached value in openpyxl's .xlsx);
    # row 9 hidden (counted, said). F4:F5 merged 民盟县委: rows 4 and 5 both 民盟县委.
    # Items: 民盟县委 2 (rows 4, 5), 县工商联 2 (rows 7, 8; row 6 struck out), 县妇联 1 (row 9).
    # Adoptions: row 4 市级, row 5 省级, row 9 市级. Rewards (市级 10000 fen, 省级 20000 fen):
    # 张三 10000, 李四 20000, 周九 10000; 王五 (struck), 赵六 (struck mark), 孙八 (error) nothing.
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws["B1"] = "2025年社情民意信息台账"
    ws.merge_cells("B1:G1")
    for r, row in enumerate([["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"],
                             [1, "2025-01-15", "关于甲的建议", "张三", "民盟县委", "市政协"],
                             [2, "2025-02-20", "关于乙的建议", "李四", None, "省政协"],
                             [3, "2025-03-25", "关于丙的建议", "王五", "县工商联", "市政协"],
                             [4, "2025-03-26", "关于丁的建议", "赵六", "县工商联", "省政协"],
                             [5, "2025-03-27", "关于戊的建议", "孙八", "县工商联", "=1/0"],
                             [6, "2025-03-28", "关于己的建议", "周九", "县妇联", "市政协"]], 3):
        for c, v in enumerate(row, 2):
            ws.cell(r, c, v)
    ws.merge_cells("F4:F5")
    for cell in ws[6]:
        cell.font = Font(strike=True)
    ws["G7"].font = Font(strike=True)
    ws.row_dimensions[9].hidden = True
    xlsx = tmp_path / "台账.xlsx"
    wb.save(xlsx)
    formula = {"xlsx": ("formula.no_value", 8, "G"), "ods": ("cell.error_value", 8, "G")}
    for fmt, path in (("xlsx", xlsx), ("ods", _as_ods(xlsx))):
        ledger, report = _read(path, year=2025)
        subs = ledger.submissions
        assert list(zip(subs["row"], subs["unit"])) == [(4, "民盟县委"), (5, "民盟县委"), (7, "县工商联"),
                                                       (8, "县工商联"), (9, "县妇联")], fmt
        assert list(zip(ledger.adoptions["row"], ledger.adoptions["tier"].astype(str))) == [
            (4, "市级"), (5, "省级"), (9, "市级")], fmt
        said = [(i.code, i.row, i.column) for i in report.issues
                if i.code in ("row.struck", "cell.struck", "cell.error_value", "formula.no_value")]
        assert said == [("row.struck", 6, "D"), ("cell.struck", 7, "G"), formula[fmt]], fmt
        hidden = _codes(report, "row.hidden")
        assert len(hidden) == 1 and "第 9 行被隐藏" in hidden[0].message, fmt
        paid = sq.rewards(ledger, 2025)
        assert dict(zip(paid["name"], paid["amount_fen"])) == {"张三": 10000, "李四": 20000, "周九": 10000}, fmt
        counts = sq.units(ledger, 2025).set_index("unit")["submitted"]
        assert (counts["民盟县委"], counts["县工商联"], counts["县妇联"]) == (2, 2, 1), fmt
    error = [i for i in report.issues if i.code == "cell.error_value"]
    assert "#DIV/0!" in error[0].message


def test_an_ods_written_by_hand_counts_repeats_notes_and_err_codes(tmp_path):
    # What LibreOffice's own files rarely show but an .ods may hold: identical rows written once with
    # number-rows-repeated, a struck style inherited from a named style of styles.xml, a column's
    # default cell style, an Err:502 shown as a formula's text (calamine read it as the text
    # "Err:502", a mark), a formula never calculated, a note (calamine drops it), hidden columns
    # repeated. Worked by hand, 0-based (row, column), columns counted with their repeats:
    # rows 0-1 empty; the struck cell repeated over 2 columns in 2 rows → (2,1) (2,2) (3,1) (3,2);
    # the column default ce1 (struck) at column 7 → (2,7) (3,7); ce2 (not struck) at 8; Err:502 at
    # column 3, the formula with no value at 4 (rows 2 and 3 each); the covered cell is column 5,
    # the noted cell 6; columns 2-6 hidden (the trailing million rows hidden too, but empty: none).
    import zipfile

    from sqmy_lib.read.ods import ods_sheet_facts
    from sqmy_lib.read.workbook import open_workbook

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
    string = lambda text, attrs="": f'<table:table-cell office:value-type="string"{attrs}><text:p>{text}</text:p></table:table-cell>'
    row = ("<table:table-cell/>" + string("x", ' table:style-name="ce1" table:number-columns-repeated="2"')
           + '<table:table-cell table:formula="of:=1/0" office:value-type="string"><text:p>Err:502</text:p></table:table-cell>'
           + '<table:table-cell table:formula="of:=A1"/><table:covered-table-cell/>'
           + '<table:table-cell office:value-type="string"><office:annotation><dc:creator>王五</dc:creator>'
           + "<text:p>已被市政协采用</text:p></office:annotation><text:p>b</text:p></table:table-cell>"
           + string("y") + string("z", ' table:style-name="ce2"'))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:automatic-styles>'
               '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="删除"/>'
               '<style:style style:name="ce2" style:family="table-cell">'
               '<style:text-properties style:text-line-through-style="none"/></style:style></office:automatic-styles>'
               '<office:body><office:spreadsheet><table:calculation-settings>'
               '<table:null-date table:date-value="1904-01-01"/></table:calculation-settings><table:table table:name="S">'
               '<table:table-column table:number-columns-repeated="2"/>'
               '<table:table-column table:visibility="collapse" table:number-columns-repeated="5"/>'
               '<table:table-column table:default-cell-style-name="ce1"/>'
               '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
               f'<table:table-row table:number-rows-repeated="2">{row}</table:table-row>'
               '<table:table-row table:number-rows-repeated="1000000" table:visibility="collapse">'
               '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}><office:styles>'
              '<style:style style:name="删除" style:family="table-cell">'
              '<style:text-properties style:text-line-through-style="solid"/></style:style></office:styles></office:document-styles>')
    path = tmp_path / "手写.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", styles)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                    '</manifest:manifest>')
    facts = ods_sheet_facts(path)["S"]
    assert facts.struck_cells == {(2, 1), (2, 2), (3, 1), (3, 2), (2, 7), (3, 7)}
    assert facts.error_cells == {(2, 3): "Err:502", (3, 3): "Err:502"}
    assert facts.formula_cells == {(2, 4), (3, 4)}
    assert facts.comments == {(2, 6): "已被市政协采用", (3, 6): "已被市政协采用"}
    assert facts.hidden_cols == {2, 3, 4, 5, 6} and facts.hidden_rows == set() and facts.date1904
    grid = open_workbook(path).sheets[0]
    assert grid.rows[2] == ["", "x", "x", "", "", "", "b", "y", "z"]  # Err:502 read as empty, like any error value
    assert grid.struck_cells == facts.struck_cells and grid.date1904


def test_more_author_columns_are_more_authors_of_the_item(tmp_path):
    # 第一作者 | 第二作者 (or 作者 | 合作者): co-authors, in order — the second column was left unread
    # (header.duplicate) and its author unpaid. 作者 | 执笔人 with a unit under 作者: the 执笔人 is the
    # author, the unit the item's. Worked by hand: a 市政协 adoption is 100 yuan, shared equally.
    rows = [["序号", "收稿日期", "信息标题", "第一作者", "第二作者", "市政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "李四", "√"],
            [2, "2025-03-02", "关于乙的建议", "张三", None, "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "a.xlsx", {"S": rows}), year=2025)
    assert _paid(ledger) == {"张三": Decimal("150.00"), "李四": Decimal("50.00")}
    assert not _codes(report, "header.duplicate")
    rows = [["序号", "收稿日期", "信息标题", "作者", "执笔人", "市政协"],
            [1, "2025-03-01", "关于丙的建议", "民革县委", "王五", "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "b.xlsx", {"S": rows}), year=2025)
    assert list(zip(ledger.authors["name"], ledger.authors["scribe"])) == [("王五", True)]
    assert list(ledger.submissions["unit"]) == ["民革县委"] and _paid(ledger) == {"王五": Decimal("100.00")}


def test_one_sheet_per_person_of_the_roster_names_its_items_author(tmp_path):
    # A 委员's own sheet (张三, 李四2025年) with no author column: its items are that person's, said once
    # per sheet; a sheet not named for a roster person (一季度) keeps its items' author missing (said).
    header = ["序号", "报送日期", "信息标题", "市政协采用"]
    ledger_path = write_xlsx(tmp_path / "2025年委员个人台账.xlsx", {
        "张三": [header, [1, "2025-03-05", "关于甲的建议", "√"], [2, "2025-04-05", "关于乙的建议", None]],
        "李四2025年": [["李四委员2025年社情民意信息"], header, [1, "2025-03-06", "关于丙的建议", "√"]],
        "一季度": [header, [1, "2025-03-07", "关于丁的建议", "√"]]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "民革县委"],
                                                        ["李四", "委员", "民盟县委"]]})
    ledger, report = _read(ledger_path, roster=roster, year=2025)
    assert list(zip(ledger.authors["item"], ledger.authors["name"])) == [(0, "张三"), (1, "张三"), (2, "李四")]
    assert [i.sheet for i in _codes(report, "sheet.author_by_name")] == ["张三", "李四2025年"]
    assert [i.sheet for i in _codes(report, "author.missing")] == ["一季度"]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("100.00")}


def test_a_reference_title_with_a_list_number_or_a_bracket_links_and_is_said(tmp_path):
    # The 采用台账 writes 1、关于甲的建议 and 关于丙的建议（王五） for the items 关于甲的建议 and 关于丙的建议:
    # linked (were adoption.no_item, the adoptions uncounted), each said (link.loose); a title matching
    # nothing even so stays unlinked. Worked by hand: 张三 and 王五 each a 市政协 adoption, 100 yuan.
    sheets = {"报送台账": [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-03-01", "关于甲的建议", "张三"],
                        [2, "2025-03-03", "关于丙的建议", "王五"]],
              "采用台账": [["序号", "信息标题", "采用单位", "采用日期"], [1, "1、关于甲的建议", "市政协", "2025-04-01"],
                       [2, "关于丙的建议（王五）", "市政协", "2025-04-03"], [3, "关于丁的建议", "市政协", "2025-04-03"]]}
    ledger, report = _read(write_xlsx(tmp_path / "l.xlsx", {**sheets}), year=2025)
    assert list(ledger.adoptions["item"]) == [0, 1, -1]
    assert [(i.row, i.column) for i in _codes(report, "link.loose")] == [(2, "B"), (3, "B")]
    assert [i.row for i in _codes(report, "adoption.no_item")] == [4]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "王五": Decimal("100.00")}


def test_a_column_of_publications_with_their_issues_is_adoption_text(tmp_path):
    # 采用刊物及期数 holds where and which issue (市政协《社情民意》第3期): read as adoption text, at the
    # body it names — it was a 期号 column, each cell an adoption at the office's own level.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用刊物及期数"],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协《社情民意》第3期"],
            [2, "2025-03-02", "关于乙的建议", "李四", "省政协《社情民意》第12期"]]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3), (1, "省级", 12)]
    assert not _codes(report, "adoption.issue_only")


def test_a_column_of_instructions_and_their_follow_up_reads_both(tmp_path):
    # 领导批示及落实情况: the 批示 and how it was followed up in one cell. It was read as 落实 only, every
    # 批示 in it an orphan follow-up, uncounted. Worked by hand: three 批示 (one unnamed, said), their
    # status 已办结 where the text says so, else 未反馈.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "领导批示及落实情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√", "市长李某某批示，已落实"],
            [2, "2025-03-02", "关于乙的建议", "李四", "√", "县委书记王某圈阅"],
            [3, "2025-03-03", "关于丙的建议", "王五", "√", "已落实"]]
    ledger, report = _read(write_xlsx(tmp_path / "f.xlsx", {"S": rows}), year=2025)
    table = sq.compute.instructions(sq.compute.counted(ledger), sq.Period.of(2025))
    got = sorted(zip(table["item"].astype(int), table["leader"], table["status"]))
    assert got == [(0, "市长李某某", "已办结"), (1, "县委书记王某", "未反馈"), (2, "", "已办结")]
    assert [i.row for i in _codes(report, "instruction.unknown_level")] == [4]
    assert not _codes(report, "cell.orphan")


# ---------------------------------------------------------------- a body's group of columns

_TWO_ROWS = ["A1:A2", "B1:B2", "C1:C2", "D1:D2"]


def _grouped(path, top: list, sub: list, body: list, spans: list[str]) -> Path:
    """A sheet S headed 序号 | 日期 | 标题 | 作者 over two rows, then groups ``top`` over ``sub`` merged
    across ``spans``, then the ``body`` rows."""
    header = [["序号", "日期", "标题", "作者", *top], ["", "", "", "", *sub]]
    return write_xlsx(path, {"S": header + body}, merges={"S": _TWO_ROWS + spans})


def _sent(ledger) -> list[tuple]:
    """The 上报 as sorted (item, tier)."""
    return sorted(zip(ledger.forwards["item"], ledger.forwards["tier"].astype(str)))


def test_a_forwarding_group_over_body_columns_is_forwarding_not_adoption(tmp_path):
    # 报送情况 over 市政协 | 省政协 beside 采用情况 over 市政协 | 省政协: the √ under 报送情况 says where the
    # item was sent (上报), never paid — every one of them was read as an adoption and paid. Worked by
    # hand: 甲 sent to both, adopted by 市政协 (100 yuan); 乙 sent to 市政协 only, not adopted (nothing).
    body = [[1, "2025-03-01", "关于甲的建议", "张三", "√", "√", "√", ""], [2, "2025-03-02", "关于乙的建议", "李四", "√", "", "", ""]]
    path = _grouped(tmp_path / "a.xlsx", ["报送情况", "", "采用情况", ""], ["市政协", "省政协", "市政协", "省政协"], body, ["E1:F1", "G1:H1"])
    ledger, _ = _read(path, year=2025)
    assert _adopted(ledger) == [(0, "市级")] and _sent(ledger) == [(0, "市级"), (0, "省级"), (1, "市级")]
    assert _paid(ledger) == {"张三": Decimal("100.00")}


def test_a_body_over_its_own_columns_is_that_bodys_record(tmp_path):
    # 市政协 | 省政协 each over 报送 | 采用: the columns were unknown headers, or an adoption with no body.
    # Worked by hand: 甲 sent to both, adopted by 市政协; 乙 sent to 省政协 and adopted there (200 yuan).
    body = [[1, "2025-03-01", "关于甲的建议", "张三", "√", "√", "√", ""], [2, "2025-03-02", "关于乙的建议", "李四", "", "", "√", "√"]]
    path = _grouped(tmp_path / "b.xlsx", ["市政协", "", "省政协", ""], ["报送", "采用", "报送", "采用"], body, ["E1:F1", "G1:H1"])
    ledger, report = _read(path, year=2025)
    assert _adopted(ledger) == [(0, "市级"), (1, "省级")] and _sent(ledger) == [(0, "市级"), (0, "省级"), (1, "省级")]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}
    assert not _codes(report, "header.unknown") and not _codes(report, "adoption.no_body")


@pytest.mark.parametrize("layout", ["two-level", "flat"])
def test_a_bodys_issue_and_date_columns_are_one_adoption(tmp_path, layout):
    # 市政协采用 over 期数 | 时间 (or 市政协采用期数 | 市政协采用时间 side by side): one adoption with its
    # issue and its day. Two-level, the 期数 was read as an issue of the office's own bulletin (本级) and
    # the other body's columns left unread; flat, each body's adoption was two records, one undated.
    if layout == "two-level":
        rows = [["序号", "日期", "标题", "作者", "市政协采用", "", "省政协采用", ""],
                ["", "", "", "", "期数", "时间", "期数", "时间"]]
        merges = {"S": _TWO_ROWS + ["E1:F1", "G1:H1"]}
    else:
        rows = [["序号", "日期", "标题", "作者", "市政协采用期数", "市政协采用时间", "省政协采用期数", "省政协采用时间"]]
        merges = None
    rows += [[1, "2025-03-01", "关于甲的建议", "张三", "第3期", "2025-04-01", "", ""],
             [2, "2025-03-02", "关于乙的建议", "李四", "", "", "5", "4月9日"],
             [3, "2025-03-03", "关于丙的建议", "王五", "第6期", "", "", ""]]
    ledger, report = _read(write_xlsx(tmp_path / f"{layout}.xlsx", {"S": rows}, merges=merges), year=2025)
    assert _adopted(ledger, "issue_no", "date") == [
        (0, "市级", 3, dt.date(2025, 4, 1)), (1, "省级", 5, dt.date(2025, 4, 9)), (2, "市级", 6, None)]
    assert not _codes(report, "header.duplicate") and not _codes(report, "adoption.issue_only")


def test_a_whether_sent_column_is_forwarding(tmp_path):
    # 是否报送 | 上报单位: 是 says the item was sent up, not adopted — it was read as an adoption flag, each
    # 是 an adoption with no body (an error staff could not fix). Worked by hand: two forwards, nothing paid.
    rows = [["序号", "日期", "标题", "作者", "是否报送", "上报单位"],
            [1, "2025-03-01", "关于甲的建议", "张三", "是", "市政协"],
            [2, "2025-03-02", "关于乙的建议", "李四", "否", ""],
            [3, "2025-03-03", "关于丙的建议", "王五", "是", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "s.xlsx", {"S": rows}), year=2025)
    assert ledger.adoptions.empty and not _codes(report, "adoption.no_body")
    assert _sent(ledger) == [(0, "市级"), (2, "市级")]
    assert _paid(ledger) == {}


def test_where_it_was_sent_beside_who_adopted_it_under_one_group(tmp_path):
    # 报送及采用情况 over 报送单位 | 采用单位: the 报送单位 cell was read as adoptions (市政协、省政协: paid as
    # 省级) and the 采用单位 left unread. Worked by hand: 甲 sent to both, adopted by 市政协 (100 yuan).
    body = [[1, "2025-03-01", "关于甲的建议", "张三", "市政协、省政协", "市政协"], [2, "2025-03-02", "关于乙的建议", "李四", "市政协", ""]]
    ledger, _ = _read(_grouped(tmp_path / "g.xlsx", ["报送及采用情况", ""], ["报送单位", "采用单位"], body, ["E1:F1"]), year=2025)
    assert _adopted(ledger) == [(0, "市级")] and _sent(ledger) == [(0, "市级"), (0, "省级"), (1, "市级")]
    assert _paid(ledger) == {"张三": Decimal("100.00")}


@pytest.mark.parametrize("layout", ["numbered", "groups", "again"])
def test_a_later_adoption_in_its_own_columns_is_read(tmp_path, layout):
    # 采用单位1 | 期数1 | 采用单位2 | 期数2, or 第一次采用 | 第二次采用 each over 采用单位 | 期数: the second
    # adoption's columns were duplicates, unread, and an item adopted again higher up paid at the first
    # level. Worked by hand: 甲 adopted by 市政协 (第3期) then 省政协 (第5期): 200 yuan (highest tier);
    # 乙 by 县政协 (第2期): 30 yuan. 采用情况 written twice with no number stays a duplicate (said).
    merges = None
    if layout == "numbered":
        rows = [["序号", "日期", "标题", "作者", "采用单位1", "期数1", "采用单位2", "期数2"]]
    elif layout == "groups":
        rows = [["序号", "日期", "标题", "作者", "第一次采用", "", "第二次采用", ""],
                ["", "", "", "", "采用单位", "期数", "采用单位", "期数"]]
        merges = {"S": _TWO_ROWS + ["E1:F1", "G1:H1"]}
    else:
        rows = [["序号", "日期", "标题", "作者", "采用单位", "采用期数", "再次采用单位", "再次采用期数"]]
    rows += [[1, "2025-03-01", "关于甲的建议", "张三", "市政协", "3", "省政协", "5"],
             [2, "2025-03-02", "关于乙的建议", "李四", "县政协", "第2期", "", ""]]
    ledger, report = _read(write_xlsx(tmp_path / f"{layout}.xlsx", {"S": rows}, merges=merges), year=2025)
    assert _adopted(ledger, "body", "issue_no") == [(0, "市级", "市政协", 3), (0, "省级", "省政协", 5), (1, "县级", "县政协", 2)]
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("30.00")}
    assert not _codes(report, "header.duplicate")
    rows = [["序号", "日期", "标题", "作者", "采用情况", "采用情况"], [1, "2025-03-01", "关于甲的建议", "张三", "市政协", "省政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "twice.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger) == [(0, "市级")] and [i.column for i in _codes(report, "header.duplicate")] == ["F"]


def test_a_later_instruction_or_forwarding_in_its_own_columns_is_read(tmp_path):
    # 批示领导1 | 批示内容1 | 批示领导2 | 批示内容2 and 上报单位1 | 上报单位2: the second's columns were
    # duplicates, unread. A 上报 in a second 备注 column (获市长批示 | 已报省政协) was not read either.
    # Worked by hand: 甲 has two 批示 (市长李某, 副市长王某) and went to 市政协 and 省政协; 乙 went to 市政协.
    rows = [["序号", "日期", "标题", "作者", "市政协", "批示领导1", "批示内容1", "批示领导2", "批示内容2", "上报单位1", "上报单位2"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√", "市长李某", "请办理", "副市长王某", "同意", "市政协", "省政协"],
            [2, "2025-03-02", "关于乙的建议", "李四", "√", "", "", "", "", "市政协", ""]]
    ledger, report = _read(write_xlsx(tmp_path / "i.xlsx", {"S": rows}), year=2025)
    ins = ledger.instructions
    assert sorted(zip(ins["item"], ins["leader"], ins["text"])) == [(0, "副市长王某", "同意"), (0, "市长李某", "请办理")]
    assert _sent(ledger) == [(0, "市级"), (0, "省级"), (1, "市级")]
    assert not _codes(report, "header.duplicate")
    rows = [["序号", "日期", "标题", "作者", "市政协", "备注", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√", "获市长批示", "已报省政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"S": rows}), year=2025)
    assert list(ledger.forwards["tier"].astype(str)) == ["省级"] and list(ledger.instructions["leader"]) == ["市长"]


def test_names_listed_under_one_post_are_of_its_level(tmp_path):
    # 副市长王某某、李某某批示, 王某某、李某某副市长批示, 市领导王某某、李某某批示: the post written once is each
    # name's; the bare name was a 批示 of unknown level (a warning staff could not act on). Worked by hand:
    # six 批示, every one 市级.
    cells = ["副市长王某某、李某某批示", "王某某、李某某副市长批示", "市领导王某某、李某某批示"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协", "领导批示"]]
    rows += [[k, f"2025-03-0{k}", f"关于第{k}个问题的建议", "张三", "√", c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "l.xlsx", {"S": rows}), year=2025)
    assert list(ledger.instructions["level"].astype(str)) == ["市级"] * 6
    assert not _codes(report, "instruction.unknown_level")


def test_characters_that_show_as_nothing_are_not_part_of_a_name_or_title(tmp_path):
    # Text pasted from a web page or a chat carries zero-width spaces, a BOM, soft hyphens: 张\u200b三 looks
    # like 张三 and was another person (unpaid against the roster's 张三, their items split), and a title
    # with one matched no 采用台账 row. Worked by hand: two items by 张三, both adopted by 市政协 (200 yuan).
    sheets = {"报送台账": [["信息编号", "收稿日期", "信息标题", "作者"],
                          ["2025-001", "2025-03-01", "关于甲的\u200b建议", "张\u200b三"],
                          ["2025-002", "2025-03-02", "关于乙的建议", "\ufeff张三\u00ad"]],
              "采用台账": [["信息标题", "采用单位", "期号"], ["关于甲的建议", "市政协", "第3期"], ["关于乙的\u200d建议", "市政协", "第4期"]]}
    ledger, report = _read(write_xlsx(tmp_path / "z.xlsx", sheets), year=2025)
    assert list(ledger.submissions["title"]) == ["关于甲的建议", "关于乙的建议"]
    assert list(ledger.authors["name"]) == ["张三", "张三"]
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3), (1, "市级", 4)]
    assert _paid(ledger) == {"张三": Decimal("200.00")} and not _codes(report, "adoption.no_item")


def test_a_ditto_mark_repeats_the_cell_above(tmp_path):
    # 同上, 〃, ” under 作者 | 单位 | 日期 | 市政协: the value of the row above — 同上 was an author named
    # 同上 (a person with items, ranked and paid) and a unit named 〃. Worked by hand: 甲 乙 丙 are 张三's
    # of 民革县委 dated 3月1日; 甲 乙 adopted by 市政协 (200 yuan); 丁's 同上 under 市政协 has nothing above
    # to repeat (丙 was not adopted): blank, said at the cell.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "市政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "√"],
            [2, "同上", "关于乙的建议", "同上", "同上。", "〃"],
            [3, "〃", "关于丙的建议", "〃", "”", ""],
            [4, "2025-03-04", "关于丁的建议", "李四", "民盟县委", "同上"]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}), year=2025)
    subs = ledger.submissions
    assert list(subs["date"].dt.day) == [1, 1, 1, 4] and list(subs["unit"]) == ["民革县委"] * 3 + ["民盟县委"]
    assert list(ledger.authors["name"]) == ["张三", "张三", "张三", "李四"]
    assert _adopted(ledger) == [(0, "市级"), (1, "市级")] and _paid(ledger) == {"张三": Decimal("200.00")}
    assert [(i.row, i.column) for i in _codes(report, "cell.ditto_empty")] == [(5, "F")]
    assert "7 个单元格" in _codes(report, "cell.ditto")[0].message


def test_a_ditto_mark_in_the_roster_repeats_the_cell_above(tmp_path):
    # A roster writes 同上 under 身份 and 单位 for the next person of the same unit: 李四 was a person of
    # unit 同上 with a role the rules do not know (no quota). Worked by hand: 李四 is a 委员 of 民革县委.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "民革县委"],
                                                        ["李四", "同上", "〃"], ["王五", "信息员", "城关镇"]]})
    ledger = write_xlsx(tmp_path / "a.xlsx", {"S": [["收稿日期", "信息标题", "作者"], ["2025-03-01", "关于甲的建议", "李四"]]})
    led = sq.read_ledgers([ledger], roster=roster, year=2025)
    people = led.roster.people.set_index("name")
    assert people.loc["李四", "role"] == "委员" and people.loc["李四", "unit"] == "民革县委"
    said = [i for i in sq.validate(led).issues if i.code == "cell.ditto"]
    assert len(said) == 1 and said[0].sheet == "人员" and "B3、C3" in said[0].message


def test_a_sector_written_in_the_unit_cell_is_the_items_sector(tmp_path):
    # 县教育局（教育界）, 民革县委/民主党派界: the unit and its 界别 — the unit was 县教育局(教育界), matching
    # no unit of the roster (its items off the unit's figures). Worked by hand: (unit, sector) per item.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "县政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "县教育局（教育界）", "√"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民革县委/民主党派界", "√"],
            [3, "2025-03-03", "关于丙的建议", "王五", "城关镇政协工委（城关镇）", "√"]]
    ledger, _ = _read(write_xlsx(tmp_path / "u.xlsx", {"S": rows}), year=2025)
    subs = ledger.submissions
    assert list(zip(subs["unit"], subs["sector"])) == [
        ("县教育局", "教育界"), ("民革县委", "民主党派界"), ("城关镇政协工委(城关镇)", "")]


def test_a_note_that_says_adopted_without_by_whom_is_said(tmp_path):
    # 备注 第3期采用 / 已采用 / 已编发 on a row with no adoption recorded: adopted, by whom the 备注 does not
    # say — passed over without a word; now said at the cell, not counted. On a row whose 市政协 column
    # records the adoption, the 备注 repeats it: nothing said. Worked by hand: one adoption (row 5).
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "", "第3期采用"],
            [2, "2025-03-02", "关于乙的建议", "李四", "", "已采用"],
            [3, "2025-03-03", "关于丙的建议", "王五", "", "已编发"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "√", "已采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger) == [(3, "市级")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.note_no_body")] == [(2, "F"), (3, "F"), (4, "F")]


def test_a_day_with_no_year_inside_an_adoption_text_dates_the_adoption(tmp_path):
    # 市政协4月3日采用 for an item received 3月1日: adopted in the second quarter — the day was dropped and
    # the adoption counted in the first, with the item. Worked by hand: Q1 one item, no adoption; Q2 one.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协4月3日采用"]]
    ledger, _ = _read(write_xlsx(tmp_path / "d.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 4, 3))]
    assert sq.summary(ledger, sq.Period.of(2025, quarter=1)).adopted == 0
    assert sq.summary(ledger, sq.Period.of(2025, quarter=2)).adopted == 1


def test_the_day_of_an_instruction_written_around_the_leader(tmp_path):
    # A 批示's day written after the leader's name, before it without a year, or in brackets after it:
    # the day was part of the leader's name (市长李某某4月5日) or dropped, and the 批示 counted in the
    # item's quarter. Worked by hand: every 批示 is 市长李某某's of 5 April 2025 (the second quarter).
    cells = ["市长李某某4月5日批示", "4月5日市长李某某批示", "市长李某某于4月5日作出批示", "市长李某某批示（2025年4月5日）",
             "市长李某某批示：同意。（4月5日）"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协", "领导批示"]]
    rows += [[k, "2025-03-01", f"关于第{k}个问题的建议", "张三", "√", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "i.xlsx", {"S": rows}), year=2025)
    ins = ledger.instructions
    assert list(ins["leader"]) == ["市长李某某"] * 5 and set(ins["date"]) == {pd.Timestamp(2025, 4, 5)}
    assert list(ins["text"]) == ["", "", "", "", "同意。"]
    assert sq.summary(ledger, sq.Period.of(2025, quarter=2)).instructions == 5


def test_the_day_of_a_forwarding_written_before_or_after_it(tmp_path):
    # 4月3日报市政协, 报市政协（4月3日）, 已报市政协4月3日: the 上报 of 3 April — the day was dropped (the 上报
    # counted in the item's quarter) or made part of the body's name (市政协(4月3日)). Worked by hand:
    # four 上报 to 市政协 on 3 April 2025; none in the first quarter.
    cells = ["4月3日报市政协", "2025.4.3报市政协", "报市政协（4月3日）", "已报市政协4月3日"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "上报情况"]]
    rows += [[k, "2025-03-01", f"关于第{k}个问题的建议", "张三", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "f.xlsx", {"S": rows}), year=2025)
    fw = ledger.forwards
    assert list(fw["body"]) == ["市政协"] * 4 and set(fw["date"]) == {pd.Timestamp(2025, 4, 3)}
    assert sum(sq.summary(ledger, sq.Period.of(2025, quarter=1)).forwarded.values()) == 0


def test_a_level_column_of_instructions_takes_the_rows_day_and_follow_up(tmp_path):
    # 领导批示 over 市级 | 省级 beside 批示时间 | 落实情况: the row's day and follow-up are its 批示's — they
    # were orphans (said, unread: the 批示 undated, counted in the item's quarter); a day in the cell
    # itself (李某某（4月5日）, 2025.4.9) was the leader's name. Worked by hand: (leader, level, day, 落实).
    body = [[1, "2025-03-01", "关于甲的建议", "张三", "李某某", "", "2025-04-05", "已办结"],
            [2, "2025-03-02", "关于乙的建议", "李四", "", "√", "4月9日", ""],
            [3, "2025-03-03", "关于丙的建议", "王五", "赵某（4月6日）", "2025.4.9", "", ""]]
    path = _grouped(tmp_path / "l.xlsx", ["领导批示", "", "批示时间", "落实情况"], ["市级", "省级", "", ""], body,
                    ["E1:F1", "G1:G2", "H1:H2"])
    ledger, report = _read(path, year=2025)
    ins = ledger.instructions
    got = list(zip(ins["item"], ins["leader"], ins["level"].astype(str), ins["date"].dt.strftime("%m-%d"), ins["follow_up"]))
    assert got == [(0, "李某某", "市级", "04-05", "已办结"), (1, "", "省级", "04-09", ""),
                   (2, "赵某", "市级", "04-06", ""), (2, "", "省级", "04-09", "")]
    assert not _codes(report, "cell.orphan")


def test_a_roster_date_with_words_around_it_is_read(tmp_path):
    # 2025年7月聘, 自2025年7月起, 2025.07.01起: the day the quota starts — each was an unreadable date
    # (said, and the person's quota run for the whole year). Worked by hand: all 1 July 2025.
    rows = [["姓名", "身份", "单位", "聘任时间"], ["张三", "信息员", "县教育局", "2025年7月聘"],
            ["李四", "信息员", "县教育局", "自2025年7月起"], ["王五", "信息员", "县教育局", "2025.07.01起"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员": rows})
    ledger = write_xlsx(tmp_path / "a.xlsx", {"S": [["收稿日期", "信息标题", "作者"], ["2025-07-03", "关于甲的建议", "张三"]]})
    people = sq.read_ledgers([ledger], roster=roster, year=2025).roster.people
    assert set(people["appointed_on"]) == {pd.Timestamp(2025, 7, 1)} and set(people["date_problem"]) == {""}


def test_not_adopted_written_with_bei_or_huo_pays_nothing(tmp_path):
    # 未被采用, 未获采用 and 采用未果 say the item was NOT adopted (rules marks.negations: 未, 不, 没); each
    # was read as an adoption and paid 100 yuan at 市级. Worked by hand: only rows 8 and 9 are adopted.
    marks = ["未被采用", "没被采用", "不被采用", "未获采用", "采用未果"]
    texts = ["市政协未被采用", "未获市政协采用"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", m, ""] for k, m in enumerate(marks, 1)]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", "", t] for k, t in enumerate(texts, 6)]
    rows += [[8, "2025-03-08", "关于第8个问题的建议", "作者8号", "√", ""],
             [9, "2025-03-09", "关于第9个问题的建议", "作者9号", "", "被市政协采用"]]
    ledger, _ = _read(write_xlsx(tmp_path / "n.xlsx", {"一季度": rows}))
    assert sorted(ledger.adoptions["item"]) == [7, 8]
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {"作者8号": Decimal("100.00"), "作者9号": Decimal("100.00")}


def test_two_adoptions_in_sentences(tmp_path):
    # A full stop, or 后又被, between two bodies' adoptions: the first (市级) was dropped.
    cells = ["市政协采用。省政协采用", "市政协采用后又被省政协采用", "市政协采用后省政协又采用"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", c] for k, c in enumerate(cells, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "s.xlsx", {"一季度": rows}))
    ad = ledger.adoptions
    assert [sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) for k in range(3)] == [["市级", "省级"]] * 3
    assert sq.summary(ledger, 2025).adopted_by_body["市级"] == {"市政协": 3}


def test_instruction_days_and_leaders_written_around_the_name(tmp_path):
    # Each worked by hand: the day of the 批示 (it fell back to the item's Q1 date) and one leader each.
    cells = {"县委书记李某某 2025/4/3": [("县委书记李某某", "2025-04-03")],  # was three leaders: 县委书记李某某 2025, 4, 3
             "县委书记李某某（4.3）": [("县委书记李某某", "2025-04-03")],
             "市委书记杨某某 10.30": [("市委书记杨某某", "2025-10-30")],  # the day was part of the leader
             "县长张三 副县长李四": [("县长张三", ""), ("副县长李四", "")],  # was one leader
             "县委书记 李某某": [("县委书记 李某某", "")]}
    rows = [["序号", "收稿日期", "信息标题", "作者", "领导批示", "备注"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", c, ""] for k, c in enumerate(cells, 1)]
    rows += [[6, "2025-03-06", "关于第6个问题的建议", "作者6号", "", "2025.4.3获市长李某某批示"]]
    ledger, _ = _read(write_xlsx(tmp_path / "i.xlsx", {"一季度": rows}), year=2025)  # the year of 4.3
    ins = ledger.instructions
    got = {k: [(l, "" if pd.isna(d) else d.strftime("%Y-%m-%d")) for l, d in zip(ins.loc[ins["item"] == k, "leader"], ins.loc[ins["item"] == k, "date"])]
           for k in range(6)}
    assert got == {**dict(enumerate(cells.values())), 5: [("市长李某某", "2025-04-03")]}


@pytest.mark.parametrize("title, merged", [("社情民意信息报送情况", None), ("社情民意信息报送情况", "A1:E1"),
                                           ("2025年社情民意信息采用情况表", "A1:E1"), ("社情民意信息批示情况", "C1:F1"),
                                           ("2025年度信息报送情况统计", None)])
def test_a_short_title_row_is_no_group_over_the_columns(tmp_path, title, merged):
    # A title typed in A1 unmerged (跨列居中) or merged over part of the width, with 报送/采用/批示 in it,
    # was a group label carried over every column: each √ under 县政协编发 | 市政协采用 | 省政协采用 read as
    # 上报 (nothing adopted, nothing paid), or 收稿日期 as the adoption's day. Worked by hand: 甲 adopted
    # at 县级 and 市级, 乙 at 省级; nothing sent.
    rows = [[title], ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协采用", "省政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张三", "县医院", "√", "√", ""],
            [2, "2025-03-02", "关于乙的建议", "李四", "县医院", "", "", "√"]]
    ledger, _ = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}, {"2025年": [merged] if merged else []}), year=2025)
    assert _adopted(ledger) == [(0, "县级"), (0, "市级"), (1, "省级")] and _sent(ledger) == []
    assert ledger.submissions["date"].notna().all() and ledger.instructions.empty


def test_a_second_table_with_a_fuller_header_keeps_the_first(tmp_path):
    # 一季度 table, then 二季度 below with its own header adding 备注 (or a two-level 采用情况): the fuller
    # header was taken as the sheet's and everything above it dropped without a word. Worked by hand:
    # three items; 甲 and 丙 adopted at 市级, 丁 at 省级.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√"],
            [2, "2025-03-02", "关于乙的建议", "李四", ""],
            [None], ["二季度"],
            ["序号", "收稿日期", "信息标题", "作者", "采用情况", None, "备注"],
            [None, None, None, None, "市政协", "省政协", None],
            [1, "2025-04-01", "关于丙的建议", "王五", "√", "", ""],
            [2, "2025-04-02", "关于丁的建议", "赵六", "", "√", ""]]
    merges = ["A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6", "G6:G7"]
    ledger, _ = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}, {"2025年": merges}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议", "关于丙的建议", "关于丁的建议"]
    assert _adopted(ledger) == [(0, "市级"), (2, "市级"), (3, "省级")]


def test_a_title_starting_with_a_subtotal_word_is_an_item(tmp_path):
    # 累计欠缴物业费…, 汇总上报制度… with their 序号, date and author were set aside as 小计 rows without a
    # word; the real 合计/小计 rows below stay set aside. Worked by hand: three items, three 市级 adoptions.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "市政协"],
            [1, "2025-03-01", "关于加强农村养老服务的建议", "作者1号", "县医院", "√"],
            [2, "2025-03-02", "累计欠缴物业费纠纷频发应引起重视", "作者2号", "县医院", "√"],
            [3, "2025-03-03", "汇总上报制度流于形式的问题亟需解决", "作者3号", "县医院", "√"],
            ["合计", None, "3条", None, None, 3],
            ["本月小计", "2025-03-31", 3, None, None, None]]
    ledger, _ = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}), year=2025)
    assert len(ledger.submissions) == 3 and _adopted(ledger) == [(0, "市级"), (1, "市级"), (2, "市级")]
    assert sorted(ledger.skipped["row"]) == [5, 6]


def test_two_tables_side_by_side_are_read_apart(tmp_path):
    # 一季度 | 二季度 side by side on one sheet: the right table's 作者 were read as co-authors of the left
    # table's items and its 市政协 √ as their adoptions (乙 paid for 丁's). Worked by hand: four items,
    # 甲 adopted and 丁 adopted, each with its own author.
    rows = [["一季度", None, None, None, None, None, "二季度"],
            ["序号", "收稿日期", "信息标题", "作者", "市政协", None, "序号", "收稿日期", "信息标题", "作者", "市政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√", None, 1, "2025-04-01", "关于丙的建议", "王五", ""],
            [2, "2025-03-02", "关于乙的建议", "李四", "", None, 2, "2025-04-02", "关于丁的建议", "赵六", "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}, {"2025年": ["A1:E1", "G1:K1"]}), year=2025)
    subs = ledger.submissions
    assert dict(zip(subs["title"], subs["author_text"])) == {"关于甲的建议": "张三", "关于乙的建议": "李四",
                                                            "关于丙的建议": "王五", "关于丁的建议": "赵六"}
    adopted = subs.set_index("item").loc[ledger.adoptions["item"], "title"].tolist()
    assert sorted(adopted) == ["关于丁的建议", "关于甲的建议"] and not _codes(report, "header.duplicate")
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {"张三": Decimal("100.00"), "赵六": Decimal("100.00")}


def test_an_adoption_table_beside_the_items_links_by_title_not_by_row(tmp_path):
    # The 报送 table in A:E, an empty column, then a 采用 table in G:J naming each adoption's title: its
    # rows were read as the items' own columns, row by row (李四 paid 省级 for 王五's item, header.duplicate
    # the only word). Each adoption is the item its title names. Worked by hand: 饮水 (张三) 市级 100.00;
    # 电梯 (王五) 省级 200.00; 李四 nothing.
    rows = [["2025年社情民意信息报送登记", None, None, None, None, None, "采用登记"],
            ["序号", "报送日期", "信息标题", "作者", "单位", None, "信息标题", "采用单位", "期号", "采用日期"],
            [1, "2025.3.5", "关于农村饮水安全的建议", "张三", "民盟县委", None, "关于农村饮水安全的建议", "市政协", "第3期", "2025.4.1"],
            [2, "2025.4.10", "关于中小学课后服务的建议", "李四", "城关镇政协工委", None, "关于老旧小区加装电梯的建议", "省政协", "第12期", "2025.6.15"],
            [3, "2025.5.20", "关于老旧小区加装电梯的建议", "王五", "县工商联"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["张三", "李四", "王五"]
    assert _adopted(ledger, "issue_no", "date") == [(0, "市级", 3, dt.date(2025, 4, 1)), (2, "省级", 12, dt.date(2025, 6, 15))]
    assert not report.issues
    assert _paid(ledger) == {"张三": Decimal("100.00"), "王五": Decimal("200.00")}


def test_a_table_beside_the_items_with_its_header_on_another_row_is_read_apart(tmp_path):
    # The 采用 table beside the items starts a row lower, captioned 采用登记, and names each item's 作者
    # too: its header row was the items' second row, its 作者 a co-author. Worked by hand: 张三 市级
    # 100.00, 王五 省级 200.00; three items, each with its one author.
    rows = [["2025年社情民意信息报送登记"],
            ["序号", "报送日期", "信息标题", "作者", "单位", None, "采用登记"],
            [1, "2025.3.5", "关于甲的建议", "张三", "民盟县委", None, "信息标题", "作者", "采用单位", "期号", "采用日期"],
            [2, "2025.4.10", "关于乙的建议", "李四", "县工商联", None, "关于甲的建议", "张三", "市政协", "第3期", "2025.4.1"],
            [3, "2025.5.20", "关于丙的建议", "王五", "县工商联", None, "关于丙的建议", "王五", "省政协", "第12期", "2025.6.15"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议", "关于丙的建议"]
    assert ledger.authors["name"].tolist() == ["张三", "李四", "王五"]
    assert _adopted(ledger) == [(0, "市级"), (2, "省级")] and not report.errors
    assert _paid(ledger) == {"张三": Decimal("100.00"), "王五": Decimal("200.00")}


def test_a_bodys_own_day_column_is_its_adoptions_day(tmp_path):
    # 市政协 over 期数 | 日期: the 日期 was a second 收稿日期 (header.duplicate, unread), so 乙's adoptions known
    # only by their days were lost. Worked by hand: 甲 at 市级 第12期 on 1 April; 乙 at 市级 on 9 April and
    # at 省级 on 1 May.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", None, "省政协", None],
            [None, None, None, None, "期数", "日期", "期数", "日期"],
            [1, "2025-03-01", "关于甲的建议", "张三", "12", "2025-04-01", "", ""],
            [2, "2025-03-02", "关于乙的建议", "李四", "", "2025-04-09", "", "2025-05-01"]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:H1"]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}, {"2025年": merges}), year=2025)
    assert _adopted(ledger, "issue_no", "date") == [(0, "市级", 12, dt.date(2025, 4, 1)), (1, "市级", None, dt.date(2025, 4, 9)),
                                                    (1, "省级", None, dt.date(2025, 5, 1))]
    assert not _codes(report, "header.duplicate")


def test_adoption_cells_other_offices_write(tmp_path):
    # Each worked by hand against the rules (县 30 / 市 100 / 省 200 yuan, 批示 doubles, the highest tier paid):
    # (tier column 市政协, 采用情况) → (adoption tiers, 上报 tiers, 批示 leaders).
    cells = [
        ("第3期，获县长批示", "", ["市级"], [], ["县长"]),        # was a 县级 adoption (placed by the leader)
        ("√ 县长批示", "", ["市级"], [], ["县长"]),                # leader was "√ 县长"
        ("", "省市政协采用", ["市级", "省级"], [], []),             # was one 市级 adoption
        ("", "省政协采用（市政协未采用）", ["省级"], [], []),        # was nothing
        ("", "市政协未采用，已转报省政协", [], ["省级"], []),        # was a 省级 adoption, paid 200
        ("", "市政协采用，报省政协待采用", ["市级"], ["省级"], []),  # the 上报 was dropped
        ("", "转报县委办", ["县级"], [], []),                      # the office's own 转报, as 专报县委; was 上报 市级
        ("", "报县委办", [], [], []),                            # sent at its own level: said, not 上报
        ("未采用（已报送）", "", [], ["市级"], []),                 # sent to 市政协, not adopted: the 上报 was dropped
    ]
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", m, t] for k, (m, t, *_) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "o.xlsx", {"一季度": rows}), year=2025)
    ad, fw, ins = ledger.adoptions, ledger.forwards, ledger.instructions
    for k, (*_, adopted, sent, leaders) in enumerate(cells):
        assert sorted(ad.loc[ad["item"] == k, "tier"].astype(str)) == sorted(adopted), k
        assert sorted(fw.loc[fw["item"] == k, "tier"].astype(str)) == sorted(sent), k
        assert list(ins.loc[ins["item"] == k, "leader"]) == leaders, k
    assert [i.row for i in _codes(report, "forward.own_level")] == [9]
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {
        "作者1号": Decimal("200.00"), "作者2号": Decimal("200.00"), "作者3号": Decimal("200.00"), "作者4号": Decimal("200.00"),
        "作者6号": Decimal("100.00"), "作者7号": Decimal("30.00")}


def test_author_cells_other_offices_write(tmp_path):
    # Each worked by hand: (names, tags, unit of the item). 九三学社县支社 was a person 县支社 (paid as one),
    # 课题组（张三、李四） two authors 课题组(张三 and 李四), 中共党员张三 a person 党员张三, 张三执笔 a person of that
    # name, Mary Smith two people, 张三（县政协委员、民革） two authors.
    cells = {"九三学社县支社": (["九三学社县支社"], [""], "九三学社县支社"),
             "课题组（张三、李四）": (["张三", "李四"], ["", ""], "课题组"),
             "中共党员张三": (["张三"], ["中共党员"], ""),
             "无党派人士张三": (["张三"], ["无党派人士"], ""),
             "张三执笔": (["张三"], [""], ""),
             "Mary Smith": (["Mary Smith"], [""], ""),
             "张三（县政协委员、民革）": (["张三"], ["县政协委员、民革"], "")}
    ledger, _ = _authors_as_read(tmp_path, cells, "written")
    au = ledger.authors
    assert au.loc[au["item"] == 4, "scribe"].tolist() == [True]
    assert au.loc[au["item"] == 0, "is_unit"].tolist() == [True]
    paid = sq.rewards(ledger, 2025)
    # 张三 (each item 县级, 30): 中共党员张三, 无党派人士张三, 张三执笔, 张三（…）: 4 × 30, and half of 课题组（张三、李四）'s 30
    assert dict(zip(paid["name"], paid["amount"]))["张三"] == Decimal("135.00")
    assert "县支社" not in set(paid["name"])


def test_a_unit_cell_naming_several_units_is_said(tmp_path):
    # 民盟县委、民进县委 in the 单位 column was one unit of that whole name (matching no roster unit), silently.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, "2025-03-01", "关于甲的建议", "张三", "民盟县委、民进县委"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民革县委/民主党派界"]]
    ledger, report = _read(write_xlsx(tmp_path / "u.xlsx", {"S": rows}), year=2025)
    assert ledger.submissions["unit"].tolist() == ["民盟县委", "民革县委"]
    assert [(i.row, i.column) for i in _codes(report, "unit.several")] == [(2, "E")]


def test_column_numbers_under_the_header_and_a_zhuansong_bulletin(tmp_path):
    # 1 | 2 | 3 | … under the header (as printed forms number their columns) was an item with date
    # errors; 县政协《社情民意转送》第2期 named the department "》第2期".
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"], [1, 2, 3, 4, 5],
            [1, "2025-03-01", "关于甲的建议", "张三", "县政协《社情民意转送》第2期"],
            [2, "2025-03-02", "关于乙的建议", "李四", "转送县民政局"]]
    ledger, report = _read(write_xlsx(tmp_path / "c.xlsx", {"S": rows}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议"] and not report.errors
    assert ledger.adoptions[["routing", "department"]].values.tolist() == [["转送", ""], ["转送", "县民政局"]]


def test_the_year_a_folder_or_a_chinese_numeral_name_gives(tmp_path):
    # 2024/台账.xlsx and 二〇二四年度台账.xlsx: their 11月5日, 10月5日 were read in the year asked for (2025),
    # counted and paid there without a word.
    header = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
    (tmp_path / "2024").mkdir()
    write_xlsx(tmp_path / "2024" / "台账.xlsx", {"四季度": [header, [1, "11月5日", "关于去年丙的建议", "王五", "民盟县委", "省政协"]]})
    write_xlsx(tmp_path / "二〇二四年度台账.xlsx", {"Sheet1": [header, [1, "10月5日", "关于去年丁的建议", "赵六", "民盟县委", "省政协"]]})
    write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": [header, [1, "1月5日", "关于甲的建议", "张三", "民盟县委", ""]]})
    ledger = sq.read_ledgers([tmp_path], year=2025)
    dates = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.strftime("%Y-%m-%d")))
    assert dates == {"关于去年丙的建议": "2024-11-05", "关于去年丁的建议": "2024-10-05", "关于甲的建议": "2025-01-05"}
    assert sq.summary(ledger, 2025).adopted_by_tier["省级"] == 0


def test_a_separate_adoption_ledgers_numbers_as_other_offices_write_them(tmp_path):
    # By hand: 采用台账 row 2 has 编号 2025-001 (item 1's) and the title of item 3: linked to item 3
    # by its title, said (it went to item 1, paid to 张三, silently). Rows 3-4 write 2 and 第4号 for 2025-002
    # and 2025-004: linked, said (were adoption.no_item errors). Row 5's 编号 7 names an item of the 2024
    # ledger in the folder: kept, said.
    write_xlsx(tmp_path / "2024年报送台账.xlsx", {"2024年": [["编号", "收稿日期", "信息标题", "作者"],
                                                           ["7", "2024-12-20", "关于冬季供暖的建议", "赵六"]]})
    write_xlsx(tmp_path / "2025年报送台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者"],
                                                           ["2025-001", "2025-01-05", "关于加强农村饮水安全的建议", "张三"],
                                                           ["2025-002", "2025-02-05", "关于电动车充电的建议", "李四"],
                                                           ["2025-003", "2025-03-05", "关于规范校外培训的建议", "王五"],
                                                           ["2025-004", "2025-03-06", "关于乡村物流的建议", "钱七"]]})
    write_xlsx(tmp_path / "2025年采用台账.xlsx", {"2025年": [["编号", "信息标题", "采用单位", "采用日期"],
                                                           ["2025-001", "关于规范校外培训的建议", "省政协", "2025-04-01"],
                                                           ["2", "", "市政协", "2025-04-02"],
                                                           ["第4号", "", "市政协", "2025-04-03"],
                                                           ["7", "", "市政协", "2025-01-10"]]})
    ledger, report = _read(tmp_path, year=2025)
    by_item = dict(zip(ledger.adoptions["row"], ledger.adoptions["item"].map(ledger.submissions.set_index("item")["title"])))
    assert by_item == {2: "关于规范校外培训的建议", 3: "关于电动车充电的建议", 4: "关于乡村物流的建议", 5: "关于冬季供暖的建议"}
    assert [i.row for i in _codes(report, "link.number_mismatch")] == [2]
    assert [i.row for i in _codes(report, "link.number_form")] == [3, 4]
    assert [i.row for i in _codes(report, "link.other_year")] == [5]
    assert not _codes(report, "adoption.no_item")


def test_a_record_written_in_the_row_and_again_dated_in_a_separate_ledger_counts_once(tmp_path):
    # 市政协第3期 in the item's row (no day) and 市政协 第3期 dated 10 April in the 采用台账: one adoption, in Q2
    # (the undated copy counted in Q1 as well: quarters adding to more than the year). 副市长李某 in the row
    # and 李某副市长 dated 12 April in the 批示台账: one 批示 (were two, one dated by the item in Q1).
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
                                                    [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "市政协第3期", "副市长李某"]]})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用": [["编号", "信息标题", "采用单位", "期号", "采用日期"],
                                                 [1, "关于加强农村饮水安全的建议", "市政协", "第3期", "2025-04-10"]],
                                          "批示": [["编号", "信息标题", "批示领导", "批示日期"],
                                                 [1, "关于加强农村饮水安全的建议", "李某副市长", "2025-04-12"]]})
    ledger, report = _read(tmp_path, year=2025)
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 4, 10))]
    assert ledger.instructions["leader"].tolist() == ["李某副市长"]
    q1, q2 = (sq.summary(ledger, sq.Period.of(2025, quarter=q)) for q in (1, 2))
    assert (q1.adopted_by_tier["市级"], q2.adopted_by_tier["市级"], q1.instructions, q2.instructions) == (0, 1, 0, 1)
    assert [(i.row, i.column) for i in _codes(report, "adoption.repeated")] == [(2, "E")]
    assert [(i.row, i.column) for i in _codes(report, "instruction.repeated")] == [(2, "F")]


@pytest.mark.parametrize("with_items", [True, False])
def test_an_adoption_ledger_that_repeats_the_items_sending_day(tmp_path, with_items):
    # 2025年采用台账 with 报送时间 | 信息题目 | 报送人 | 所在单位 | 采用单位 | 采用时间: its rows were a second set
    # of items beside the 报送台账 (乙 counted twice: its 报送人 differ, so no duplicate was said). By hand:
    # two items, adopted at 市级 and 省级; an office keeping no 报送台账 has the rows as its items (said).
    if with_items:
        write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": [["序号", "报送时间", "信息题目", "报送人", "所在单位"],
                                                        [1, "2025-01-05", "关于甲的建议", "张三", "民盟县委"],
                                                        [2, "2025-02-05", "关于乙的建议", "李四", "民盟县委"]]})
    write_xlsx(tmp_path / "2025年采用台账.xlsx", {"采用": [["序号", "报送时间", "信息题目", "报送人", "所在单位", "采用单位", "采用时间"],
                                                       [1, "2025-01-05", "关于甲的建议", "张三", "民盟县委", "市政协", "2025-02-01"],
                                                       [2, "2025-02-05", "关于乙的建议", "李四、王五", "民盟县委", "省政协", "2025-03-01"]]})
    ledger, report = _read(tmp_path, year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议"]
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 2, 1)), (1, "省级", dt.date(2025, 3, 1))]
    assert bool(_codes(report, "sheet.items_from_adoptions")) is not with_items


def test_a_body_then_what_it_did_is_one_adoption_and_a_party_split_by_a_break_one_unit(tmp_path):
    # 省政协⏎采用, 省政协，已采用: two 省级 records (十佳 ranked them "被采用2次"); 市政协⏎《社情民意》第3期 a 市级
    # one and a 县级 one of issue 3. 民盟⏎县委 and 农工党 县委 in 作者 were one unit 县委 paid for both parties.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "民盟\n县委", "省政协\n采用"],
            [2, "2025-03-02", "关于乙的建议", "农工党 县委", "省政协，已采用"],
            [3, "2025-03-03", "关于丙的建议", "张三", "市政协\n《社情民意》第3期"],
            [4, "2025-03-04", "关于丁的建议", "李四", "市政协、编发"]]  # was two 市级 records, paid twice
    ledger, _ = _read(write_xlsx(tmp_path / "b.xlsx", {"S": rows}), year=2025)
    assert _adopted(ledger, "issue_no") == [(0, "省级", None), (1, "省级", None), (2, "市级", 3), (3, "市级", None)]
    assert ledger.submissions["unit"].tolist() == ["民盟县委", "农工党县委", "", ""]
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {"民盟县委": Decimal("200.00"), "农工党县委": Decimal("200.00"),
                                                       "张三": Decimal("100.00"), "李四": Decimal("100.00")}


def test_a_copy_of_a_ledger_file_is_said_with_the_file_it_repeats(tmp_path):
    # 台账.xlsx and its copy 台账(1).xlsx: counted once; the finding named only the sheet (“2025年”), not
    # which file's 2025年 the rows repeat.
    rows = [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-03-01", "关于甲的建议", "张三"], [2, "2025-03-02", "关于乙的建议", "李四"]]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    write_xlsx(tmp_path / "台账(1).xlsx", {"2025年": rows})
    ledger, report = _read(tmp_path, year=2025)
    assert len(ledger.submissions) == 2
    said = _codes(report, "sheet.repeats")
    other = "台账.xlsx" if said[0].file.endswith("台账(1).xlsx") else "台账(1).xlsx"
    assert len(said) == 1 and f"重复“{other}!2025年”中的记录" in said[0].message


def test_legitimate_ledgers_the_new_rules_leave_alone(tmp_path):
    # Ledgers today's rules must not misread, each worked by hand. (1) A topic column beside 信息标题 is
    # one table (no 序号 repeated): not two tables side by side. (2) 采用情况 over 单位 | 刊物编号 | 时间 is a
    # group, its 编号 the bulletin's. (3) A party's name before a workplace is a tag (民盟 县第一中学 张三).
    # (4) 小计 | 一季度 | 共2条 | 2人 is a subtotal row, not an item.
    rows = [["序号", "信息标题", "作者", "单位", "主题", "收稿日期", "县政协", "市政协"],
            [1, "关于甲的建议", "民盟 县第一中学 张三", "", "教育", "2025-03-01", "√", "√"],
            [2, "关于乙的建议", "李四", "县卫健局", "医疗卫生", "2025-03-02", "√", ""],
            ["小计", "一季度", "2人", "", "", "", 2, 1]]
    ledger, report = _read(write_xlsx(tmp_path / "a.xlsx", {"S": rows}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议"]
    assert _adopted(ledger) == [(0, "县级"), (0, "市级"), (1, "县级")]
    assert ledger.submissions["unit"].tolist() == ["县第一中学", "县卫健局"]
    assert ledger.authors[["name", "tag"]].values.tolist() == [["张三", "民盟"], ["李四", ""]]
    rows = [["序号", "报送日期", "信息标题", "报送人", "采用情况", "", ""], ["", "", "", "", "单位", "刊物编号", "时间"],
            [1, "2025-03-01", "关于丙的建议", "王五", "市政协", "12", "2025-04-10"]]
    ledger, _ = _read(write_xlsx(tmp_path / "b.xlsx", {"S": rows}, {"S": ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"]}), year=2025)
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 4, 10))] and ledger.submissions["item_no"].tolist() == [""]


def test_adoption_texts_the_new_rules_leave_apart(tmp_path):
    # 市政协；编发第3期: 市级 and the office's own 编发 (县级, 第3期), not one; 未被省政协采用但被市政协采用: 市级;
    # 未获领导批示 市政协采用: 市级. An undated 市政协《社情民意》第3期 in the row and a dated 市委办《每日要情》 in the
    # 采用台账 are two adoptions (one tier, two bodies).
    rows = [["编号", "收稿日期", "信息标题", "作者", "采用情况"],
            ["A1", "2025-03-01", "关于甲的建议", "张三", "市政协；编发第3期"],
            ["A2", "2025-03-02", "关于乙的建议", "李四", "未被省政协采用但被市政协采用"],
            ["A3", "2025-03-03", "关于丙的建议", "王五", "未获领导批示 市政协采用"],
            ["A4", "2025-03-04", "关于丁的建议", "赵六", "市政协《社情民意》第3期"]]
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": rows})
    write_xlsx(tmp_path / "采用台账.xlsx", {"2025年": [["编号", "信息标题", "采用单位", "采用日期"],
                                                    ["A4", "关于丁的建议", "市委办《每日要情》", "2025-04-10"]]})
    ledger, report = _read(tmp_path, year=2025)
    assert _adopted(ledger, "issue_no") == [(0, "市级", None), (0, "县级", 3), (1, "市级", None), (2, "市级", None),
                                            (3, "市级", 3), (3, "市级", None)]
    assert not _codes(report, "adoption.repeated")


def test_a_number_typed_as_a_date_in_a_1904_workbook(tmp_path):
    # A workbook saved with the 1904 date system (an old Mac Excel setting): a date typed as a plain
    # number (General format, or a Chinese date format calamine does not take for one) counts days
    # from 1904-01-01, not 1899-12-30; read as 1900-based it was four years and a day early.
    import openpyxl
    import xlwt
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    def serial_1904(day):  # worked out from the 1904 system's day 0, not from any code under test
        return (day - dt.date(1904, 1, 1)).days

    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "市政协", "办理时限"],
            [1, serial_1904(dt.date(2025, 3, 5)), "关于甲的建议", "张三", "县教育局", serial_1904(dt.date(2025, 4, 9)),
             serial_1904(dt.date(2025, 5, 30))],
            [2, "2025-02-05", "关于乙的建议", "李四", "县卫健局", None, None]]
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "一季度"
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "mac.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    book.set_dates_1904(True)
    sheet = book.add_sheet("一季度")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is not None:
                sheet.write(r, c, v)
    book.save(str(tmp_path / "mac.xls"))
    roster = openpyxl.Workbook()
    roster.epoch = CALENDAR_MAC_1904
    roster.active.title = "委员名单"
    roster.active.append(["姓名", "身份", "单位", "聘任日期"])
    roster.active.append(["张三", "委员", "县教育局", serial_1904(dt.date(2025, 7, 1))])
    roster.save(tmp_path / "名册.xlsx")
    people = sq.read_ledgers([tmp_path / "mac.xlsx"], year=2025, roster=tmp_path / "名册.xlsx").roster.people
    assert [d.date() for d in pd.to_datetime(people["appointed_on"])] == [dt.date(2025, 7, 1)]
    for name in ("mac.xlsx", "mac.xls"):
        ledger = sq.read_ledgers([tmp_path / name], year=2025)
        assert [d.date() for d in ledger.submissions["date"]] == [dt.date(2025, 3, 5), dt.date(2025, 2, 5)], name
        assert [d.date() for d in ledger.adoptions["date"]] == [dt.date(2025, 4, 9)], name
        assert list(ledger.adoptions["tier"]) == ["市级"], name
        assert not [i for i in sq.validate(ledger).issues if i.severity == "error"], name


def test_cell_notes_are_said_at_their_cells(tmp_path):
    # Staff write in a cell's note (批注) what counts: 已被市政协采用, 县长已批示. Notes are not read
    # (a note is no column), so each is said at its cell with its text, in .xlsx and in WPS .xls.
    import shutil
    import subprocess

    import openpyxl
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    for row in (["序号", "收稿日期", "信息标题", "作者", "单位", "市政协"],
                [1, "2025-03-05", "关于甲的建议", "张三", "县教育局", None],
                [2, "2025-04-05", "关于乙的建议", "李四", "县卫健局", "√"]):
        ws.append(row)
    ws["F2"].comment = Comment("Administrator:\n已被市政协采用,第5期", "Administrator")
    ws["C3"].comment = Comment("县长已批示", "王五")
    wb.save(tmp_path / "notes.xlsx")
    paths = [tmp_path / "notes.xlsx"]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:  # the same workbook as WPS/Excel 97 keeps it
        out = tmp_path / "xls"
        subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", str(out), str(paths[0])],
                       check=True, capture_output=True, timeout=180)
        paths.append(out / "notes.xls")
    for path in paths:
        ledger = sq.read_ledgers([path], year=2025)
        said = [(i.sheet, f"{i.column}{i.row}", i.message) for i in sq.validate(ledger).issues if i.code == "cell.note"]
        assert [(s, c) for s, c, _ in said] == [("2025年", "F2"), ("2025年", "C3")], path.name
        assert "已被市政协采用,第5期" in said[0][2] and "县长已批示" in said[1][2], path.name
        assert list(ledger.adoptions["tier"]) == ["市级"], path.name  # the note adds nothing by itself


def test_two_people_of_one_name_are_told_apart_by_unit_or_sector(tmp_path):
    # Two 委员 named 陈静 (教育界 of 县教育局, 农业界 of 城关镇政协工委): their items, quotas and rewards
    # were merged into one 陈静, and writing 陈静(教育界) as the finding advised matched no one.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员": [
        ["姓名", "身份", "单位", "界别"],
        ["陈静", "委员", "县教育局", "教育界"],
        ["陈静", "委员", "城关镇政协工委", "农业界"],
        ["李四", "委员", "县卫健局", "医卫界"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
        [1, "2025-03-02", "关于甲的建议", "陈静", "县教育局", "√", None],
        [2, "2025-03-09", "关于乙的建议", "陈静", "城关镇政协工委", None, "√"],
        [3, "2025-03-16", "关于丙的建议", "陈静(农业界)", None, "√", None],
        [4, "2025-03-23", "关于丁的建议", "陈静", "县卫健局", "√", None]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert [i.row for i in _codes(report, "roster.same_name")] == [3]
    assert [(i.row, i.severity) for i in _codes(report, "author.same_name")] == [(5, "warning")]  # 县卫健局: neither
    assert ledger.authors["name"].tolist() == ["陈静(教育界)", "陈静(农业界)", "陈静(农业界)", "陈静"]
    # By hand: 教育界's 陈静 one 县级 item (30.00); 农业界's one 市级 (100.00) and one 县级 (30.00).
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {"陈静(教育界)": Decimal("30.00"), "陈静(农业界)": Decimal("130.00"),
                                                       "陈静": Decimal("30.00")}
    people = sq.people(ledger, 2025).set_index("name")
    assert (people.at["陈静(教育界)", "submitted"], people.at["陈静(农业界)", "submitted"]) == (1, 2)


def test_author_cells_with_a_gender_a_dash_a_spaced_dot_or_an_order_word(tmp_path):
    # Each was money to the wrong people without a word: 李四 男 paid a co-author 男; 张三——县教育局 a
    # unit 张三·县教育局; 阿不都 · 热合曼 three people (one named ·); 第一作者张三 a person of that name;
    # 张三主笔 likewise; 张三与李四合写 a second author 李四合写. Worked by hand: (names, tags, unit).
    cells = {
        "李四 男": (["李四"], ["男"], ""),
        "张三——县教育局": (["张三"], [""], "县教育局"),
        "王五 - 县卫健局": (["王五"], [""], "县卫健局"),
        "阿不都 · 热合曼": (["阿不都·热合曼"], [""], ""),
        "第一作者：赵六、第二作者：钱七": (["赵六", "钱七"], ["", ""], ""),
        "孙八主笔": (["孙八"], [""], ""),
        "周九与吴十合写": (["周九", "吴十"], ["", ""], ""),
        "阿不都-热合曼": (["阿不都·热合曼"], [""], ""),  # a dash between two parts of a name: still one name
        "作者：郑一": (["郑一"], [""], ""),  # a label and a colon (was a person 作者:郑一, beside 郑一)
        "郑一、撰稿人:王二": (["郑一", "王二"], ["", ""], ""),
        "孔 一丰": (["孔一丰"], [""], ""),  # one character beside two: one name (was 孔 and 一丰, paid 15 each)
        "冯二 丰": (["冯二丰"], [""], ""),
        # A numbered list of names (were authors 1.陈三 and 2.褚四; 1, 陈三, 2, 褚四; one 1卫五2蒋六) and a
        # gender as a part of its own (was a co-author 男).
        "1.陈三 2.褚四": (["陈三", "褚四"], ["", ""], ""),
        "1、陈三；2、褚四": (["陈三", "褚四"], ["", ""], ""),
        "①卫五②蒋六": (["卫五", "蒋六"], ["", ""], ""),
        "沈七，男，县教育局": (["沈七"], ["男"], "县教育局"),
    }
    ledger, report = _authors_as_read(tmp_path, cells, "name")
    assert ledger.authors.loc[ledger.authors["name"] == "孙八", "scribe"].tolist() == [True]
    paid = sq.rewards(ledger, 2025)  # 县级 30.00 an item, shared by its authors
    assert dict(zip(paid["name"], paid["amount"])) == {
        "李四": Decimal("30.00"), "张三": Decimal("30.00"), "王五": Decimal("30.00"), "阿不都·热合曼": Decimal("60.00"),
        "赵六": Decimal("15.00"), "钱七": Decimal("15.00"), "孙八": Decimal("30.00"), "周九": Decimal("15.00"),
        "吴十": Decimal("15.00"), "郑一": Decimal("45.00"), "王二": Decimal("15.00"), "孔一丰": Decimal("30.00"),
        "冯二丰": Decimal("30.00"), "陈三": Decimal("30.00"), "褚四": Decimal("30.00"), "卫五": Decimal("15.00"),
        "蒋六": Decimal("15.00"), "沈七": Decimal("30.00")}



def test_an_adoption_withdrawn_or_not_paid_as_its_cell_or_note_says(tmp_path):
    # 市政协采用（作废）, （后撤稿）: adopted and paid 100 each; （不计稿酬） paid 100; a 采用台账 row with
    # 备注 不计稿酬 paid 200; 退稿 beside a √ counted without a word. By hand: 钱七 paid 30 (his plain
    # 县级 √), 赵六's 市级 adoption counted but unpaid, 王五's 省级 one likewise; 孙八's √ counted and
    # paid, the contradiction said.
    items = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "县政协编发", "备注"],
             [1, "2025-03-01", "关于甲的建议", "张三", "市政协采用（作废）", None, None],
             [2, "2025-03-02", "关于乙的建议", "李四", "市政协采用（后撤稿）", None, None],
             [3, "2025-03-03", "关于丙的建议", "赵六", "市政协采用（不计稿酬）", None, None],
             [4, "2025-03-04", "关于丁的建议", "王五", None, None, None],
             [5, "2025-03-05", "关于戊的建议", "钱七", None, "√", None],
             [6, "2025-03-06", "关于己的建议", "孙八", None, "√", "退稿"]]
    adopted = [["序号", "信息标题", "采用单位", "采用时间", "备注"], [1, "关于丁的建议", "省政协", "2025-04-01", "不计稿酬"]]
    write_xlsx(tmp_path / "台账.xlsx", {"报送": items})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用": adopted})
    ledger, report = _read(tmp_path, year=2025)
    assert sorted(_adopted(ledger)) == [(2, "市级"), (3, "省级"), (4, "县级"), (5, "县级")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.void")] == [(2, "E"), (3, "E")]
    assert sorted((i.sheet, i.row) for i in _codes(report, "adoption.unpaid")) == [("报送", 4), ("采用", 2)]
    assert [(i.row, i.column) for i in _codes(report, "adoption.note_denies")] == [(7, "G")]
    assert _paid(ledger) == {"钱七": Decimal("30.00"), "孙八": Decimal("30.00")}
    units = sq.people(ledger, 2025).set_index("name")
    assert (units.at["赵六", "adopted"], units.at["王五", "adopted"]) == (1, 1)  # counted, not paid


def test_a_title_starting_with_a_tally_word_is_an_item_and_a_tally_with_a_date_is_not(tmp_path):
    # 累计欠缴物业费… without a date, 汇总各部门意见… dated 3月上旬, 总数不清的… without an author: items
    # (they were set aside as 小计 rows without a word); 总计 in the 序号 column with a date and
    # 张三等2人, 截至3月31日共报送 | 2条: tallies (they were items, paid 100 each for their counts).
    rows = [["序号", "日期", "标题", "报送人", "单位", "县政协采用", "市政协采用"],
            [1, "2025-01-05", "关于推进雨污分流改造的建议", "张三", "城关镇", "√", None],
            [2, None, "累计欠缴物业费问题亟待解决", "李四", "城关镇", None, "√"],
            [3, "3月上旬", "汇总各部门意见建立联合执法机制的建议", "赵六", "城关镇", None, "√"],
            [4, "2025-03-09", "总数不清的农村留守儿童需加强摸排", None, "民盟县委", None, "√"],
            [None, "2025-03-31", "截至3月31日共报送", "2条", None, 2, 1],
            ["总计", "2025-03-31", "一季度报送信息", "张三等2人", None, 2, 1],
            ["一月小计：1条"]]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["title"].tolist() == ["关于推进雨污分流改造的建议", "累计欠缴物业费问题亟待解决",
                                                    "汇总各部门意见建立联合执法机制的建议", "总数不清的农村留守儿童需加强摸排"]
    assert sorted(ledger.skipped.loc[ledger.skipped["reason"] == "subtotal", "row"]) == [6, 7, 8]
    assert [i.row for i in _codes(report, "date.missing")] == [3] and [i.row for i in _codes(report, "author.missing")] == [5]
    assert _paid(ledger) == {"张三": Decimal("30.00"), "赵六": Decimal("100.00")}  # 李四 and 民盟县委: rows with errors


def test_coauthors_written_in_the_note_share_the_item(tmp_path):
    # 备注 联名：李四 beside 作者 张三 left 李四 out of the item, unsaid: 张三 was paid the whole ¥100. By
    # hand (市政协 ¥100 an item, co-authors share in whole fen, the remainder to the first): 张三 50, 李四
    # 50; 王五 33.34, 赵六 33.33, 钱七 33.33; 孙八 100 (联名 names himself: nothing to add, nothing said);
    # 周九 50, 吴十 50.
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "市政协采用", "联名：李四"],
            [2, "2025-03-02", "关于乙的建议", "王五", "民盟县委", "市政协采用", "合作者：赵六、钱七。已报送"],
            [3, "2025-03-03", "关于丙的建议", "孙八", "民建县委", "市政协采用", "联名：孙八"],
            [4, "2025-03-04", "关于丁的建议", "周九", "民进县委", "市政协采用", "第二作者：吴十"],
            # the names end where the 备注 goes on (已报市政协: a 上报, read as one)
            [5, "2025-03-05", "关于戊的建议", "冯二", "九三学社县委", "市政协采用", "联名：郑一，已报市政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"S": rows}), year=2025)
    assert _paid(ledger) == {"张三": Decimal("50.00"), "李四": Decimal("50.00"), "王五": Decimal("33.34"),
                             "赵六": Decimal("33.33"), "钱七": Decimal("33.33"), "孙八": Decimal("100.00"),
                             "周九": Decimal("50.00"), "吴十": Decimal("50.00"), "冯二": Decimal("50.00"),
                             "郑一": Decimal("50.00")}
    assert [(i.row, i.column) for i in _codes(report, "author.in_note")] == [(2, "G"), (3, "G"), (5, "G"), (6, "G")]


def test_a_title_that_ends_with_what_became_of_the_item_is_said(tmp_path):
    # 关于…的建议（市政协采用）, 【省政协第3期采用】, （获县长批示）, （已报市政协）, 【市政协采用】关于… with the record columns
    # empty were items adopted nowhere, unsaid. A title's bracket may be its own (（二）, （第3期）,
    # （张三）), so it is not read: said at the title's cell. Worked by hand: the rows said.
    titles = ["关于加强农村养老服务的建议（市政协采用）", "关于规范校外培训的建议（张三）", "关于解决停车难问题的建议【省政协第3期采用】",
              "关于优化营商环境的建议（获县长批示）", "关于推进老旧小区改造的建议（已报市政协）", "关于推进乡村振兴的建议（二）",
              "社情民意信息摘编（第3期）", "【市政协采用】关于完善社区养老的建议"]
    rows = [["序号", "信息标题", "作者", "收稿日期", "采用情况"]] + [
        [k + 1, t, f"作者{'甲乙丙丁戊己庚辛'[k]}", "2025-03-05", None] for k, t in enumerate(titles)]
    ledger, report = _read(write_xlsx(tmp_path / "t.xlsx", {"2025年": rows}), year=2025)
    assert [(i.row, i.column) for i in _codes(report, "title.says_status")] == [(2, "B"), (4, "B"), (5, "B"), (6, "B"), (9, "B")]
    assert ledger.adoptions.empty and ledger.instructions.empty and ledger.forwards.empty


def test_authors_of_several_units_count_for_the_first_units(tmp_path):
    # 张三（民革县委）、李四（县教育局） with no 单位 column gave the item a unit named 民革县委、县教育局,
    # ranked as one of its own, unsaid. By hand: the first author's unit, said as a 单位 cell naming
    # several is (unit.several); one unit written twice is that unit.
    cells = ["张三（民革县委）、李四（县教育局）", "民革县委张三、县教育局李四", "民革县委张三、民革县委李四"]
    rows = [["序号", "信息标题", "作者", "收稿日期"]] + [[k + 1, f"关于第{k + 1}件事的建议", c, "2025-03-05"] for k, c in enumerate(cells)]
    ledger, report = _read(write_xlsx(tmp_path / "u.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["unit"].tolist() == ["民革县委", "民革县委", "民革县委"]
    assert [(i.row, i.column) for i in _codes(report, "unit.several")] == [(2, "C"), (3, "C")]
    assert set(sq.units(ledger, 2025)["unit"]) == {"民革县委"}


def test_a_person_in_brackets_after_a_unit(tmp_path):
    # 民革县委（联系人：张三） and 民革县委（李四） (李四 the item's author) were units of their own, ranked
    # apart from 民革县委, unsaid; so were 民革县委（王五） (王五 not an author: it may be part of the name)
    # and 县工商联（总商会）. Worked by hand: a contact, a phone or an author in the brackets is taken
    # off, said (unit.with_person); any other bracket stays and is said beside the unit without it
    # (unit.variant); a roster listing the unit counts it there.
    units = ["民革县委", "民革县委", "民革县委（联系人：张三）", "民革县委（李四）", "民革县委（王五）", "县教育局（电话：0571-88888888）",
             "县工商联", "县工商联（总商会）"]
    authors = ["甲一", "乙二", "丙三", "李四", "丁四", "戊五", "己六", "庚七"]
    rows = [["序号", "单位", "信息标题", "作者", "收稿日期"]] + [
        [k + 1, u, f"关于第{k + 1}件事的建议", a, "2025-03-05"] for k, (u, a) in enumerate(zip(units, authors))]
    path = write_xlsx(tmp_path / "units.xlsx", {"2025年": rows})
    ledger, report = _read(path, year=2025)
    assert ledger.submissions["unit"].tolist() == ["民革县委", "民革县委", "民革县委", "民革县委", "民革县委(王五)", "县教育局",
                                                   "县工商联", "县工商联(总商会)"]
    assert [(i.row, i.severity) for i in _codes(report, "unit.with_person")] == [(4, "info"), (5, "info"), (7, "info")]
    assert [i.row for i in _codes(report, "unit.variant")] == [6, 9]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["县工商联", "人民团体"],
                                                       ["县教育局", "部门"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    counted = sq.units(ledger, 2025).set_index("unit")["submitted"]
    assert (counted["民革县委"], counted["县工商联"], counted["县教育局"]) == (5, 2, 1)


def test_a_unit_written_short_is_counted_as_the_roster_writes_it(tmp_path):
    # The roster lists 民盟示例县委员会 and 教育界别组; the ledger writes 民盟县委 and 教育界别. They were
    # units of their own (roster.unknown_unit): the roster's units sent nothing in the unit figures,
    # and the circular named them as 未报送. By hand: one item each, the unit-authored one paid to the unit.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "界别"], ["张三", "委员", "教育界别组", "教育界"]],
        "单位": [["单位名称", "单位类型"], ["民盟示例县委员会", "民主党派"], ["教育界别组", "界别组"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"],
        [1, "2025-03-02", "关于甲的建议", "民盟县委", "民盟县委", "√"],
        [2, "2025-03-09", "关于乙的建议", "张三", "教育界别", "√"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert not _codes(report, "roster.unknown_unit")
    said = sorted(i.message.split("”")[0].lstrip("“") for i in _codes(report, "unit.read_as"))
    assert said == ["教育界别", "民盟县委"]
    units = sq.units(ledger, 2025).set_index("unit")
    assert (units.at["民盟示例县委员会", "submitted"], units.at["教育界别组", "submitted"]) == (1, 1)
    assert _paid(ledger) == {"民盟示例县委员会": Decimal("30.00"), "张三": Decimal("30.00")}


def test_one_adoption_dated_in_both_ledgers_is_one(tmp_path):
    # 省政协 2025.9.18 in the item's row and 省政协 第40期 2025-09-18 in the 采用台账: two 省级 adoptions
    # (十佳 ranked it 采用4次, its 采用证明 listed the line twice). By hand: 县, 市, 省 — three; a second
    # 省政协 issue on another day stays a second adoption.
    items = [["序号", "收稿日期", "信息标题", "作者", "县政协", "市政协", "省政协"],
             [1, "2025-07-01", "关于加快5G基站乡村覆盖的建议", "张三", "第16期", "2025.8.5", "2025.9.18"],
             [2, "2025-07-02", "关于乙的建议", "李四", None, None, "2025.9.18"]]
    adopted = [["序号", "信息标题", "采用单位", "期数", "采用时间"],
               [1, "关于加快5G基站乡村覆盖的建议", "省政协", "第40期", "2025-09-18"],
               [2, "关于乙的建议", "省政协", "第41期", "2025-10-09"]]
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": items})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用": adopted})
    ledger, report = _read(tmp_path, year=2025)
    assert sorted(_adopted(ledger, "issue_no"), key=str) == [(0, "县级", 16), (0, "市级", None), (0, "省级", None),
                                                             (1, "省级", 41), (1, "省级", None)]
    said = _codes(report, "adoption.repeated")
    assert [(i.sheet, i.row) for i in said] == [("采用", 2)] and "报送台账.xlsx!2025年!第2行" in said[0].message


@pytest.mark.parametrize("label, field", [
    ("办结日期", "replied_on"), ("实际办结日期", "replied_on"), ("完成时间", "replied_on"), ("截止日期", "due_on"),
    ("要求完成时间", "due_on"), ("要求反馈时间", "due_on"), ("督办时间", "assigned_on")])
def test_a_duban_column_as_offices_name_it(tmp_path, label, field):
    # 办结日期 was a second 收稿日期 (its cells unread, "与前面的列含义相同"); 要求反馈时间, a time limit,
    # was read as the day feedback was given. Each is the 批示's day of that kind.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示领导", "批示日期", "落实情况", label],
            [1, "2025-03-01", "关于甲的建议", "张三", "县政协编发", "县长李某", "2025-03-10", "正在办理", "2025-05-20"]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"2025年": rows}), year=2025)
    row = ledger.instructions.iloc[0]
    assert row[field] == pd.Timestamp("2025-05-20") and ledger.submissions["date"].tolist() == [pd.Timestamp("2025-03-01")]
    assert not report.issues


def test_a_duban_sheet_with_a_done_day_is_no_adoption(tmp_path):
    # 领导批示督办台账 (编号 | 标题 | 批示领导 | 批示日期 | 承办单位 | 办理时限 | 办结日期 | 落实情况): its 办结日期
    # was an adoption's day: an error "标注了已采用,但没有写明采用单位" and a second adoption counted.
    items = [["编号", "收稿日期", "信息标题", "作者", "县政协编发"], ["A1", "2025-03-01", "关于甲的建议", "张三", "√"]]
    duban = [["编号", "信息标题", "批示领导", "批示日期", "承办单位", "办理时限", "办结日期", "落实情况"],
             ["A1", "关于甲的建议", "县长李某", "2025-03-10", "县住建局", "30天", "2025-04-02", "已办结"]]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": items})
    write_xlsx(tmp_path / "领导批示督办台账.xlsx", {"督办": duban})
    ledger, report = _read(tmp_path, year=2025)
    assert len(ledger.adoptions) == 1 and not [i for i in report.issues if i.severity == "error"]
    assert ledger.instructions["replied_on"].tolist() == [pd.Timestamp("2025-04-02")]


def test_a_day_without_its_year_is_read_in_the_year_its_place_says(tmp_path):
    # 1月5日 as the 批示日期 of an item of 2025-12-20 was January 2025 (a Q1 批示, the item paid double in
    # 2025); 办理时限 1月10日 of a 批示 of 2025-11-10 was overdue all year; 12月28日 on the 1月 sheet and
    # 1月3日 on the 12月 sheet were of 2025. By hand: 2026-01-05, 2026-01-10, 2024-12-28, 2026-01-03.
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协编发", "批示领导", "批示日期", "办理时限"],
            [1, "2025-12-20", "关于甲的建议", "张三", "√", "县长李某", "1月5日", None],
            [2, "2025-11-01", "关于乙的建议", "李四", "√", "县长李某", "2025-11-10", "1月10日"]]
    write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": rows})
    months = {"1月": [["序号", "收稿日期", "信息标题", "作者"], [1, "1月6日", "关于一月的建议", "王五"],
                      [2, "12月28日", "关于年末收到的建议", "赵六"]],
              "12月": [["序号", "收稿日期", "信息标题", "作者"], [1, "12月5日", "关于十二月的建议", "王五"],
                       [2, "1月3日", "关于次年初收到的建议", "赵六"]]}
    write_xlsx(tmp_path / "2025年月表.xlsx", months)
    ledger, report = _read(tmp_path, year=2025)
    ins = ledger.instructions.set_index("item")
    first = ledger.submissions.set_index("title")["item"]
    assert ins.at[first["关于甲的建议"], "date"] == pd.Timestamp("2026-01-05")
    assert ins.at[first["关于乙的建议"], "due_on"] == pd.Timestamp("2026-01-10")
    dates = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.date))
    assert (dates["关于年末收到的建议"], dates["关于次年初收到的建议"], dates["关于一月的建议"]) == (
        dt.date(2024, 12, 28), dt.date(2026, 1, 3), dt.date(2025, 1, 6))
    assert len(_codes(report, "date.year_read")) == 4
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("60.00")}  # 甲's 批示 is of 2026


def test_the_lines_that_sign_a_table_off_are_no_items(tmp_path):
    # Under the table: 合计, （盖章）, 单位（盖章）：| 负责人签字：, 经办人：| 周某 | 联系电话：| 1380…, 分管领导：| 李某某,
    # 第2页, the office's name and the day (落款), 张三小计. Each was an item with errors ("信息标题为空"…,
    # exit 1), and the 落款 under a mark column a second line of the last item (郑二 paid 100).
    rows = [["序号", "报送时间", "信息名称", "作者", "工作单位", "县级采用", "市级采用", "省级采用", "批示情况", "备注"],
            [1, "2025-04-02", "关于加快推进城乡供水一体化的建议", "吴一", "水利局", "√", None, None, None, None],
            [2, "2025-04-09", "关于解决新就业形态劳动者权益保障的建议", "郑二", "总工会", None, None, None, None, None],
            ["合计", None, "2条", None, None, 1, None, None, None, None],
            [None, None, None, None, None, None, None, "（盖章）"],
            ["单位（盖章）：", None, None, None, "负责人签字："],
            ["经办人：", "周某", None, "联系电话：", "13800000000"],
            ["分管领导：", None, "李某某"],
            [None, None, None, "第2页"],
            [None, None, None, "张三小计", None, 1, 0],
            [None, None, None, None, None, None, "示例县政协办公室"],
            [None, None, None, None, None, None, "2025-06-30"]]
    ledger, report = _read(write_xlsx(tmp_path / "f.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["吴一", "郑二"] and not report.issues
    assert _paid(ledger) == {"吴一": Decimal("30.00")}


def test_a_placeholder_is_no_title_and_no_author(tmp_path):
    # /, —, 无 as the title, and —, 无, 1, / as the author: counted (a person "1" paid 30; "/" made the
    # item its unit's). Each is an error at its cell and the row is left out, as an empty cell is.
    cells = [("/", "张三"), ("—", "张三"), ("无", "张三"), ("关于甲的建议", "—"), ("关于乙的建议", "无"),
             ("关于丙的建议", 1), ("关于丁的建议", "/"), ("关于戊的建议", "李四")]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"]]
    rows += [[k, f"2025-03-{k:02d}", t, a, "城关镇", "√"] for k, (t, a) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"2025年": rows}), year=2025)
    assert [i.row for i in _codes(report, "title.placeholder")] == [2, 3, 4]
    assert [i.row for i in _codes(report, "author.placeholder")] == [5, 6, 7, 8]
    assert _paid(ledger) == {"李四": Decimal("30.00")}


def test_a_table_of_figures_under_the_items_is_no_items(tmp_path):
    # 附：分月统计, then 月份 | 报送条数 | 采用条数 and a row a month: read as items (报送 4, a person named
    # 1 with two). Set aside from 附 down and said once; without 附, the labels' row opens it too.
    items = [["序号", "报送日期", "信息标题", "报送人", "所在单位", "县政协采用"],
             [1, "2025-01-05", "关于推进城区雨污分流改造的建议", "张三", "城关镇", "√"],
             [2, "2025-02-09", "关于加强校园周边交通安全管理的建议", "李四", "教育界", "√"], []]
    block = [[None, "月份", "报送条数", "采用条数"], [None, "1月", 1, 1], [None, "2月", 1, 1]]
    for name, rows in (("with.xlsx", items + [["附：分月统计"]] + block), ("bare.xlsx", items + block)):
        ledger, report = _read(write_xlsx(tmp_path / name, {"2025年": rows}), year=2025)
        assert ledger.submissions["author_text"].tolist() == ["张三", "李四"], name
        assert [i.severity for i in report.issues] == ["info"] and _codes(report, "sheet.appendix"), name


def test_a_sheet_of_figures_per_person_is_no_roster(tmp_path):
    # 个人统计 (序号 | 姓名 | 单位 | 报送条数 | 采用条数) beside the ledger was a roster: each person twice in
    # the figures (a second row with no 身份), and "不在名册中" without a roster given. Now said as a
    # sheet not read: a tally of figures (sheet.tally_sheet), its counts in no figure.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"], [1, "2025-03-01", "关于甲的建议", "张三", "城关镇", "√"]]
    stats = [["序号", "姓名", "单位", "报送条数", "采用条数"], [1, "张三", "城关镇", 1, 1]]
    (tmp_path / "名册").mkdir()
    roster = write_xlsx(tmp_path / "名册" / "名册.xlsx", {"委员": [["姓名", "身份", "单位"], ["张三", "委员", "城关镇"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows, "个人统计": stats})
    for given in (None, roster):
        ledger, report = _read(path, year=2025, roster=given)
        assert [i.code for i in report.issues] == ["sheet.tally_sheet"]
        assert sq.people(ledger, 2025)["name"].tolist() == ["张三"]


def test_a_unit_written_with_a_post_is_the_unit(tmp_path):
    # 工作单位及职务: 县教育局副局长 was a unit of that name, ranked on its own. The post is the person's.
    rows = [["序号", "收稿日期", "信息标题", "作者", "工作单位及职务", "县政协编发"],
            [1, "2025-03-01", "关于甲的建议", "张三", "县教育局副局长", "√"], [2, "2025-03-02", "关于乙的建议", "李四", "县教育局", "√"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民革县委 主委", "√"], [4, "2025-03-04", "关于丁的建议", "赵六", "县人民医院院长", "√"]]
    ledger, _ = _read(write_xlsx(tmp_path / "u.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["unit"].tolist() == ["县教育局", "县教育局", "民革县委", "县人民医院"]


def test_a_note_written_on_the_line_under_its_item(tmp_path):
    # 作废 alone on the line under 李四's item: that empty line was "void" and 李四 paid 100; 退稿 alone was
    # an item of its own with three errors. Each is its item's 备注: 李四 void, 王五's 退稿 said beside his √.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "备注"],
            [1, "2025-03-01", "关于甲的建议", "李四", "城关镇", None, "√", None], [None, None, None, None, None, None, None, "作废"],
            [2, "2025-03-02", "关于乙的建议", "王五", "城关镇", "√", None, None], [None, None, None, None, None, None, None, "退稿"]]
    ledger, report = _read(write_xlsx(tmp_path / "n.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["王五"]
    assert [i.row for i in _codes(report, "row.void")] == [2] and [i.row for i in _codes(report, "row.note_below")] == [3, 5]
    assert [i.row for i in _codes(report, "adoption.note_denies")] == [4]
    assert not [i for i in report.issues if i.severity == "error"]
    assert _paid(ledger) == {"王五": Decimal("30.00")}


def test_a_hidden_column_read_is_said(tmp_path):
    # 省政协 hidden (staff hide a column they mean to leave out, or by accident): its √ counted, paid 200,
    # without a word. Said with its cell count, in .xlsx and .xls (read alike).
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    for row in (["序号", "收稿日期", "信息标题", "作者", "市政协", "省政协"], [1, "2025-03-01", "关于甲的建议", "张三", None, "√"],
                [2, "2025-03-02", "关于乙的建议", "李四", "√", None]):
        ws.append(row)
    ws.column_dimensions["F"].hidden = True
    wb.save(tmp_path / "h.xlsx")
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("2025年")
    for r, row in enumerate(ws.iter_rows(values_only=True)):
        for c, v in enumerate(row):
            if v is not None:
                sheet.write(r, c, v)
    sheet.col(5).hidden = True
    book.save(str(tmp_path / "h.xls"))
    for name in ("h.xlsx", "h.xls"):
        ledger, report = _read(tmp_path / name, year=2025)
        said = _codes(report, "column.hidden")
        assert [(i.column, i.row) for i in said] == [("F", 1)] and "“省政协”列中 1 个单元格" in said[0].message, name
        assert sorted(_adopted(ledger)) == [(0, "省级"), (1, "市级")], name


def test_a_place_ending_in_zhou_before_its_level_is_one_body(tmp_path):
    # 贵州省政协 was read as two levels written together (州 and 省): a 市级 adoption 贵州政协 beside the
    # 省级 one; 杭州市政协采用 two rows; a column headed 杭州市政协采用 was no body (adoption.no_body errors).
    # 省市政协采用 stays two.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "杭州市政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张三", "贵州省政协《社情民意》采用", None],
            [2, "2025-03-02", "关于乙的建议", "李四", "杭州市政协采用", None],
            [3, "2025-03-03", "关于丙的建议", "王五", "省市政协采用", None],
            [4, "2025-03-04", "关于丁的建议", "赵六", None, "√"]]
    ledger, report = _read(write_xlsx(tmp_path / "z.xlsx", {"2025年": rows}), year=2025)
    assert sorted(_adopted(ledger)) == [(0, "省级"), (1, "市级"), (2, "市级"), (2, "省级"), (3, "市级")]
    assert not [i for i in report.issues if i.severity == "error"]


def test_a_day_alone_under_its_column_is_no_page_mark(tmp_path):
    # 4/3 alone on the line under an item, in its 市政协采用时间 column: that item's adoption day (a page mark
    # such as 第2页 is set aside; a day written 4/3 is not one).
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协", "市政协采用时间"],
            [1, "2025-03-01", "关于甲的建议", "张三", "√", None], [None, None, None, None, None, "4/3"]]
    ledger, report = _read(write_xlsx(tmp_path / "d.xlsx", {"2025年": rows}), year=2025)
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 4, 3))]


# ---------------------------------------------------------------- a body with its own mark; 批示 not given

def test_a_body_written_with_its_own_mark_takes_that_mark(tmp_path):
    # 采用情况 written as body and mark: 省政协：× (not adopted) was paid as a 省级 adoption, 200 yuan, and
    # 市政协：√；省政协：× paid 200 (省级) instead of 100 (市级). By hand, defaults (市级 100, 省级 200): only
    # √ pays — 丙 100 (市政协：√), 丁 100 (县级√市级√: the higher, 市级), 戊 200 (省政协√), 己 100 (市政协√ of
    # 市政协：√；省政协：×); ✔️ (✔ as a phone types it) under 县政协编发 is 庚's 县级 adoption, 30 yuan.
    cells = {"甲": "省政协：×", "乙": "省级：否", "丙": "市政协：√", "丁": "县级√市级√", "戊": "省政协√", "己": "市政协：√；省政协：×",
             "辛": "省政协（×）", "壬": "省政协：待定", "癸": "省政协：报送中"}
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "县政协编发"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", who, cell, None] for k, (who, cell) in enumerate(cells.items(), 1)]
    rows.append([10, "2025-03-10", "关于第10件事的建议", "庚", None, "✔️"])
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert _paid(ledger) == {"丙": Decimal("100.00"), "丁": Decimal("100.00"), "戊": Decimal("200.00"),
                             "己": Decimal("100.00"), "庚": Decimal("30.00")}
    assert _sent(ledger) == [(8, "省级")]  # 癸: sent to 省政协, not adopted
    assert not _codes(report, "mark.unknown")


def test_a_forwarding_with_its_outcome_in_brackets_is_a_forwarding(tmp_path):
    # 报送（未采用） under 市政协采用: sent there, not adopted; the bracket lost the 上报 (the 上报 figures
    # read 0 for a ledger that writes them this way). By hand: three items sent to 市政协, none adopted.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张三", "报送（未采用）"], [2, "2025-03-02", "关于乙的建议", "李四", "已报送(暂未采用)"],
            [3, "2025-03-03", "关于丙的建议", "王五", "已上报（未被采用）"]]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert _sent(ledger) == [(0, "市级"), (1, "市级"), (2, "市级")] and ledger.adoptions.empty


def test_an_instruction_cell_that_says_none_was_given_is_none(tmp_path):
    # A 领导批示 cell saying the 批示 was not given, or that the item only went to a leader to read, was
    # a 批示 (the 稿酬 doubled, 100 → 200). By hand: each item 市级 100; only 癸's 县长某某批示 doubles, 200.
    # 子 and 丑 write two leaders on two lines / after a space: two 批示 each, the higher 省级 (units' points).
    said = ["已呈报县委主要领导（未批示）", "县长未批示", "领导未批示", "呈县长阅示", "报县委书记阅示", "已送县长审阅",
            "报县长（待批示）", "尚无批示", "报县长", "已呈报市委书记王某某", "县长某某批示"]  # 报县长: sent, no more
    people = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "卯", "癸"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协采用", "领导批示"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", who, "√", cell] for k, (who, cell) in enumerate(zip(people, said), 1)]
    rows += [[12, "2025-03-12", "关于第12件事的建议", "子", "√", "县长某某批示\n副省长某某批示"],
             [13, "2025-03-13", "关于第13件事的建议", "丑", "√", "市委书记张某批示 市长李某批示"]]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    paid = _paid(ledger)
    assert {who: paid[who] for who in people} == {**{who: Decimal("100.00") for who in people[:-1]}, "癸": Decimal("200.00")}
    ins = ledger.instructions
    assert sorted(zip(ins["item"], ins["leader"], ins["level"].astype(str))) == [
        (10, "县长某某", "县级"), (11, "副省长某某", "省级"), (11, "县长某某", "县级"), (12, "市委书记张某", "市级"), (12, "市长李某", "市级")]


def test_a_yes_under_is_adopted_takes_the_body_its_row_was_sent_to(tmp_path):
    # 上报单位 | 是否采用: a yes with no body was an error (adoption.no_body) and the row left out of every
    # figure. By hand (市级 100): 甲 sent to 市政协, √ → 市政协's adoption, 100, said at the flag (info);
    # 乙's flag names its body itself (市政协采用) → 100, nothing said; 丙 否 → nothing; 丁 sent to two
    # bodies, 是 → which adopted it only staff know: still the error at the flag.
    rows = [["序号", "收稿日期", "信息标题", "作者", "上报单位", "是否采用"],
            [1, "2025-03-01", "关于甲的建议", "甲", "市政协", "√"], [2, "2025-03-02", "关于乙的建议", "乙", "市政协、省政协", "市政协采用"],
            [3, "2025-03-03", "关于丙的建议", "丙", "省政协", "否"], [4, "2025-03-04", "关于丁的建议", "丁", "市政协、省政协", "是"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert _paid(ledger) == {"甲": Decimal("100.00"), "乙": Decimal("100.00")}
    assert [(i.row, i.column, i.severity) for i in _codes(report, "adoption.body_from_forward")] == [(2, "F", "info")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.no_body")] == [(5, "F")]
    assert _sent(ledger) == [(0, "市级"), (1, "市级"), (1, "省级"), (2, "省级"), (3, "市级"), (3, "省级")]


def test_a_day_its_month_does_not_have_is_named(tmp_path):
    # 2025年9月31日 is written in the very format the message asked for ("请写成 2025年3月5日"): the
    # message now says what is wrong with it. 2025年2月29日 likewise (2025 is no leap year).
    rows = [["序号", "收稿日期", "信息标题", "作者"], [1, "2025年9月31日", "关于甲的建议", "张三"],
            [2, "2025年2月29日", "关于乙的建议", "李四"], [3, "2025年3月5日", "关于丙的建议", "王五"]]
    _, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    said = [i.message for i in _codes(report, "date.unparseable")]
    assert said == ["无法识别的日期“2025年9月31日”(2025年9月没有31日),请写成 2025-03-05 或 2025年3月5日",
                    "无法识别的日期“2025年2月29日”(2025年2月没有29日),请写成 2025-03-05 或 2025年3月5日"]


def test_a_unit_written_only_where_it_changes_is_said(tmp_path):
    # 单位 written once and left blank below (filled down by eye): four of six items counted for no unit,
    # nothing said; the unit figures read 民盟县委 1, 县工商联 1. Now each blank is a warning naming the unit
    # above (counted as written: which unit it is only staff know). With a roster giving each author
    # a unit, nothing is said (the roster places them).
    rows = [["2025年社情民意信息登记表"], ["序号", "日期", "单位", "信息标题", "作者"],
            [1, "2025.1.8", "民盟县委", "关于甲的建议", "张三"], [2, "2025.1.9", None, "关于乙的建议", "李四"],
            [3, "2025.1.10", None, "关于丙的建议", "孙八"], [4, "2025.1.12", "县工商联", "关于丁的建议", "王五"],
            [5, "2025.2.3", None, "关于戊的建议", "赵六"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    _, report = _read(path, year=2025)
    said = [(i.row, i.column, i.message.split("“")[1].split("”")[0]) for i in _codes(report, "unit.blank_below")]
    assert said == [(4, "C", "民盟县委"), (5, "C", "民盟县委"), (7, "C", "县工商联")]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位"], ["李四", "信息员", "民盟县委"],
                                                         ["孙八", "信息员", "民盟县委"], ["赵六", "信息员", "县工商联"]]})
    _, report = _read(path, year=2025, roster=roster)
    assert not _codes(report, "unit.blank_below")


def test_a_leader_written_after_bei_is_the_leader(tmp_path):
    # 被市委书记王某某批示: the leader was stored as 被市委书记王某某 (and 该信息被… in a 备注).
    rows = [["序号", "收稿日期", "信息标题", "作者", "领导批示", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "被市委书记王某某批示", None],
            [2, "2025-03-02", "关于乙的建议", "李四", None, "该信息被市长李某某批示"]]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert sorted(ledger.instructions["leader"]) == ["市委书记王某某", "市长李某某"]


def test_a_blank_date_on_a_months_sheet_is_that_month(tmp_path):
    # On the sheet 3月, an item with its 收稿日期 left blank was an error (date.missing), left out of every
    # figure — while a 3月 sheet with no date column at all is dated by its name. Now the same: March,
    # said at the cell. By hand: both items of March 2025, Q1; 张三's 市级 adoption paid 100.
    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协采用"], [1, "2025-03-04", "关于甲的建议", "张三", "√"],
            [2, None, "关于乙的建议", "李四", None]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"3月": rows}))
    assert [d.date() for d in ledger.submissions["date"]] == [dt.date(2025, 3, 4), dt.date(2025, 3, 1)]
    assert [(i.row, i.column) for i in _codes(report, "date.from_sheet")] == [(3, "B")] and not _codes(report, "date.missing")
    assert _paid(ledger) == {"张三": Decimal("100.00")}


def test_a_ledger_of_units_with_no_author_column(tmp_path):
    # 序号 | 报送单位 | 信息题目 | 报送日期 | 采用情况, no 作者 column: every row was author.missing (an error),
    # and every figure empty. The unit sent each item (as the catalog's own advice says to write it):
    # said once for the sheet. By hand: 民革州委 1 item, adopted 市级, 100; 民盟州委 1 item, nothing.
    rows = [["序号", "报送单位", "信息题目", "报送日期", "采用情况"], [1, "民革州委", "关于棉花收储的建议", "2025-01-10", "市政协采用"],
            [2, "民盟州委", "关于职业教育的建议", "2025-02-10", None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert not _codes(report, "author.missing")
    assert [(i.column, i.severity) for i in _codes(report, "sheet.unit_as_author")] == [("B", "warning")]
    assert _paid(ledger) == {"民革州委": Decimal("100.00")}
    assert sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict() == {"民革州委": 1, "民盟州委": 1}


def test_the_date_the_form_was_filled_is_not_a_second_received_date(tmp_path):
    # 填表日期 (=TODAY(), the day the form was filled) beside 收稿日期 was "与前面的列含义相同…请合并为一列".
    rows = [["序号", "收稿日期", "信息标题", "作者", "填表日期"], [1, "2025-03-01", "关于甲的建议", "张三", "2025-12-31"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert [(i.code, i.column) for i in report.issues] == [("header.ignored", "E")]
    assert [d.date() for d in ledger.submissions["date"]] == [dt.date(2025, 3, 1)]


# ---------------------------------------------------------------- years of dates written without one

def test_a_sheet_with_no_year_anywhere_says_the_year_its_dates_are_read_in(tmp_path):
    # No title, sheet name or file name gives a year; 10月1日 (B4) and 11月2日 (B5) were read in whichever
    # year was asked for (--year 2025: 2025-10-01, --year 2026: 2026-10-01), the row in both years' totals,
    # never said. By hand: read as asked, and said once for the sheet at its first such cell, B4.
    rows = [["社情民意信息报送采用登记表"], ["序号", "收稿日期", "信息标题", "作者"],
            [1, dt.datetime(2025, 9, 15), "关于九月的建议", "张三"], [2, "10月1日", "关于十月的建议", "李四"],
            [3, "11月2日", "关于十一月的建议", "王五"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    for year in (2025, 2026):
        ledger, report = _read(path, year=year)
        assert [d.date() for d in ledger.submissions["date"]][1:] == [dt.date(year, 10, 1), dt.date(year, 11, 2)]
        said = _codes(report, "date.year_assumed")
        assert [(i.severity, i.sheet, i.row, i.column) for i in said] == [("warning", "台账", 4, "B")]
        assert "B4“10月1日”" in said[0].message and f"按 {year} 年读取" in said[0].message
    # Every date with its year: nothing to say.
    full = [rows[1], [1, "2025-10-01", "关于十月的建议", "李四"]]
    _, report = _read(write_xlsx(tmp_path / "全.xlsx", {"台账": full}), year=2025)
    assert not _codes(report, "date.year_assumed")


def test_a_year_less_january_after_december_rows_of_a_years_sheet_is_the_next_year(tmp_path):
    # On the sheet 2025年, rows in date order: 3月2日, 11月5日, 12月20日, then 1月8日 and 2月3日 at the end
    # — received after the year end, kept on last year's sheet. Both were read as January and February
    # of 2025, silently. By hand: 2026-01-08 and 2026-02-03 (each said at its cell); 2025 holds 3 items,
    # 2026Q1 the 2. On the sheet 2024年, 1月9日 after 11月 rows (no December above) stays 2024-01-09.
    head = ["序号", "收稿日期", "信息标题", "作者"]
    rows = [head, [1, "3月2日", "关于三月的建议", "张三"], [2, "11月5日", "关于十一月的建议", "李四"],
            [3, "12月20日", "关于十二月的建议", "王五"], [4, "1月8日", "关于次年一月的建议", "赵六"],
            [5, "2月3日", "关于次年二月的建议", "钱七"]]
    before = [head, [1, "11月5日", "关于去年十一月的建议", "孙八"], [2, "1月9日", "关于去年一月的建议", "周九"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows, "2024年": before}), year=2025)
    dates = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.date))
    assert [dates[r[2]] for r in rows[1:]] == [dt.date(2025, 3, 2), dt.date(2025, 11, 5), dt.date(2025, 12, 20),
                                               dt.date(2026, 1, 8), dt.date(2026, 2, 3)]
    assert dates["关于去年一月的建议"] == dt.date(2024, 1, 9)
    read = _codes(report, "date.year_read")
    assert [(i.sheet, i.row, i.column) for i in read] == [("2025年", 5, "B"), ("2025年", 6, "B")]
    assert "按2026年1月8日读取" in read[0].message
    assert (sq.summary(ledger, "2025").submitted, sq.summary(ledger, "2026Q1").submitted) == (3, 2)


def test_a_month_sheet_naming_its_year_wins_over_the_workbook_title(tmp_path):
    # Every sheet titled 2025年…登记表 (one title over the workbook), the sheet 2024年12月: its days alone
    # (5日, 18) were read as 2025-12-05 and 2025-12-18. The sheet's own name is the more specific.
    # By hand: 2024-12-05, 2024-12-18 (2024Q4: 2), the 1月 sheet's 5日 2025-01-05 (2025Q1: 1); the
    # conflict said once, naming the year used.
    head = ["序号", "收稿日期", "信息标题", "作者"]
    title = ["2025年社情民意信息报送采用登记表"]
    sheets = {"2024年12月": [title, head, [1, "5日", "关于十二月五日的建议", "张三"], [2, 18, "关于十二月十八日的建议", "李四"]],
              "1月": [title, head, [1, "5日", "关于一月五日的建议", "王五"]]}
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", sheets))
    assert [d.date() for d in ledger.submissions["date"]] == [dt.date(2024, 12, 5), dt.date(2024, 12, 18), dt.date(2025, 1, 5)]
    said = _codes(report, "sheet.year_conflict")
    assert [i.sheet for i in said] == ["2024年12月"] and "按工作表名的 2024 年读取" in said[0].message
    assert (sq.summary(ledger, "2024Q4").submitted, sq.summary(ledger, "2025Q1").submitted) == (2, 1)


def test_a_summary_row_whose_day_alone_cannot_be_read_repeats_its_month_row(tmp_path):
    # 汇总 repeats the month sheets' rows, their days alone (5日, 7) as written there: the month sheets read
    # them (January 5th, February 7th), the 汇总 (no month) could not — 2 date.unparseable errors and
    # "因校验错误未计入统计:报送 2 条", though both items are counted from their month sheets. By hand:
    # 4 items, each once; all 4 汇总 rows set aside as repeats (said: 4 行); nothing left out.
    head = ["序号", "收稿日期", "信息标题", "作者"]
    jan = [head, [1, "5日", "关于一月五日的建议", "张三"], [2, "2025-01-09", "关于一月九日的建议", "李四"]]
    feb = [head, [1, 7, "关于二月七日的建议", "王五"], [2, "2025-02-10", "关于二月十日的建议", "赵六"]]
    summary = [head, *[[k, *r[1:]] for k, r in enumerate(jan[1:] + feb[1:], 1)]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"1月": jan, "2月": feb, "汇总": summary}))
    assert not _codes(report, "date.unparseable")
    assert sorted(ledger.submissions["title"]) == sorted(r[2] for r in jan[1:] + feb[1:])
    said = _codes(report, "sheet.repeats")
    assert [i.sheet for i in said] == ["汇总"] and "4 行" in said[0].message
    assert set(ledger.skipped.loc[ledger.skipped["reason"] == "repeat", "row"]) == {2, 3, 4, 5}
    assert sq.compute.counted(ledger).left_out_text == "" and sq.summary(ledger, "2025Q1").submitted == 4


def test_a_summary_row_whose_date_neither_sheet_can_read_is_set_aside_once(tmp_path):
    # 2025年2月30日 is written in both the quarter's sheet and the 全年汇总 that repeats it: the 汇总's row
    # matched its twin by title, authors and (no) date, and was set aside a second time as an undated
    # row. By hand: the 汇总's 3 rows repeat rows 2, 3, 4 of 一季度, each set aside once ("3 行"); the
    # bad date stays one error, on 一季度's row 3; two items count.
    head = ["序号", "报送日期", "信息标题", "报送人", "所在单位"]
    q1 = [head, [1, dt.datetime(2025, 1, 5), "关于一的建议", "张三", "民革县委"],
          [2, "2025年2月30日", "关于二的建议", "李四", "民盟县委"],
          [3, dt.datetime(2025, 3, 19), "关于三的建议", "李四", "民盟县委"]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"一季度": q1, "全年汇总": q1}))
    repeats = ledger.skipped[ledger.skipped["reason"] == "repeat"]
    assert sorted(repeats["row"]) == [2, 3, 4] and set(repeats["sheet"]) == {"全年汇总"}
    said = _codes(report, "sheet.repeats")
    assert [i.sheet for i in said] == ["全年汇总"] and "3 行" in said[0].message
    assert [(i.sheet, i.row) for i in _codes(report, "date.unparseable")] == [("一季度", 3)]
    assert sq.summary(ledger, 2025).submitted == 2


def test_a_day_its_months_sheet_has_not_says_so(tmp_path):
    # 31日 on the sheet 4月份 said only "无法识别的日期“31日”", where 2025年9月31日 says "(9月没有31日)".
    # By hand: April has 30 days: "(4月没有31日)"; the 2日 beside it is 2025-04-02.
    rows = [["序号", "收稿日期", "信息标题", "作者"], [1, "2日", "关于四月二日的建议", "张三"], [2, "31日", "关于四月三十一日的建议", "李四"]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"4月份": rows}))
    said = _codes(report, "date.unparseable")
    assert [(i.row, i.column) for i in said] == [(3, "B")] and "“31日”(4月没有31日)" in said[0].message
    assert ledger.submissions["date"].iloc[0].date() == dt.date(2025, 4, 2)


# ---------------------------------------------------------------- dates written inside adoption and 批示 cells

def _q(ledger, quarter: int, year: int = 2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, sq.Period.of(year, quarter=quarter))
    return dict(zip(r["name"], r["amount"]))


def test_a_date_written_after_the_body_dates_that_adoption(tmp_path):
    # Each item received 20 September (Q3), adopted 8 October (Q4), the date a part of its own after the body:
    # 市政协采用，2025年10月8日 was two 市级 adoptions (the date part took the body before it, then stood alone),
    # one undated and paid in Q3 as well; 省政协采用，10月8日 an undated adoption and "10月8日" not understood.
    # By hand: one adoption each, on 2025-10-08: 作者1 市级 100, 作者2 县级 30, 作者3 省级 200, 作者4 县级 30
    # (第3期 kept), all in Q4; nothing in Q3.
    cells = ["市政协采用，2025年10月8日", "县政协编发，2025.10.8", "省政协采用，10月8日", "县政协编发第3期，2025.10.8"]
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, "2025.9.20", f"关于第{k}个问题的建议", f"作者{k}", c] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    day = dt.date(2025, 10, 8)
    assert _adopted(ledger, "date", "issue_no") == [(0, "市级", day, None), (1, "县级", day, None), (2, "省级", day, None),
                                                  (3, "县级", day, 3)]
    assert not _codes(report, "mark.unknown")
    assert _q(ledger, 3) == {}
    assert _q(ledger, 4) == {"作者1": Decimal("100.00"), "作者2": Decimal("30.00"), "作者3": Decimal("200.00"), "作者4": Decimal("30.00")}


def test_a_date_written_in_the_adoption_text_in_any_form_is_read_or_reported(tmp_path):
    # A date written in the 采用情况 text in these forms was lost: the adoption fell back to the receipt day
    # (20 September, Q3) and the date stayed in the body (2025.11.3省政协采用 on the 采用证明). By hand, the
    # item received 2025-09-20 (row 16: 2025-12-20), the sheet's year 2025:
    cells = [("10.8市政协采用", dt.date(2025, 10, 8)), ("市政协采用(10.8)", dt.date(2025, 10, 8)),
             ("25.10.8市政协采用", dt.date(2025, 10, 8)), ("20251008市政协采用", dt.date(2025, 10, 8)),
             ("2025年10月市政协采用", dt.date(2025, 10, 1)),  # the month: its first day, said (as a 收稿日期 is)
             ("10月上旬市政协采用", dt.date(2025, 10, 1)), ("10月份市政协采用", dt.date(2025, 10, 1)),
             ("2025.11.3省政协采用", dt.date(2025, 11, 3)),
             ("第四季度市政协采用", None), ("2025.9.31市政协采用", None),  # no day: reported, not counted
             ("市政协《社情民意》第5期", None), ("市政协〔2025〕12号", None),  # issue numbers, no dates
             ("市政协《社情民意》2025年第3期", None)]
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, "2025.9.20", f"关于第{k}个问题的建议", f"作者{k}", c] for k, (c, _) in enumerate(cells, 1)]
    rows.append([14, "2025.12.20", "关于第14个问题的建议", "作者14", "1.5市政协采用"])  # 5 January: the next year's
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    read = [(k, d) for k, (_, d) in enumerate(cells)]
    assert [(item, d) for item, _, d in _adopted(ledger, "date")] == read + [(13, dt.date(2026, 1, 5))]
    assert ledger.adoptions["body"].tolist()[:8] == ["市政协采用"] * 7 + ["省政协采用"]  # the date is not the body's
    assert _adopted(ledger, "issue_no")[-4:-1] == [(10, "市级", 5), (11, "市级", None), (12, "市级", 3)]
    # Sheet rows: item k on row k + 2.
    assert [(i.row, i.column) for i in _codes(report, "date.month_only")] == [(7, "E"), (9, "E")]
    assert [(i.row, i.column) for i in _codes(report, "date.part_of_month")] == [(8, "E")]
    invalid = _codes(report, "adoption.date_invalid")
    assert [(i.row, i.column, i.severity) for i in invalid] == [(11, "E", "error"), (12, "E", "error")]
    assert "第四季度" in invalid[0].message and "2025.9.31" in invalid[1].message
    assert [(i.row, i.column) for i in _codes(report, "date.year_read")] == [(16, "E")]
    # Q4: items 1-8 (4 市级 100 + 3 市级 100 + 省级 200); Q3: the three issue numbers, undated, by the receipt day.
    q3, q4 = (sq.summary(ledger, sq.Period.of(2025, quarter=q)) for q in (3, 4))
    assert (q3.adopted, q4.adopted) == (3, 8)
    assert sum(_q(ledger, 4).values()) == Decimal("900.00")


def test_a_month_in_the_adoption_date_column_is_said_as_a_received_dates_is(tmp_path):
    # 采用时间 2025年10月 / 10月上旬 was read as 1 October silently; a 收稿日期 written so is said. By hand: both
    # dated 1 October, one date.month_only and one date.part_of_month at the 采用时间 cells (F3, F4). A month in
    # the text with the day in the column (row 5): the column's day, nothing to say.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "采用时间"],
            [1, "2025.9.20", "关于甲的建议", "张三", "市政协采用", "2025年10月"],
            [2, "2025.9.20", "关于乙的建议", "李四", "市政协采用", "10月上旬"],
            [3, "2025.9.20", "关于丙的建议", "王五", "2025年10月市政协采用", "2025.10.8"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert _adopted(ledger, "date") == [(0, "市级", dt.date(2025, 10, 1)), (1, "市级", dt.date(2025, 10, 1)),
                                        (2, "市级", dt.date(2025, 10, 8))]
    assert [(i.row, i.column) for i in _codes(report, "date.month_only")] == [(3, "F")]
    assert [(i.row, i.column) for i in _codes(report, "date.part_of_month")] == [(4, "F")]


def test_a_date_written_in_the_instruction_cell_in_any_form_is_the_instructions(tmp_path):
    # 10.8市长李某某批示 and the like: the date stayed in the leader's name (10.8市长李某某) and the 批示 fell back
    # to the receipt day, doubling the reward in Q3. By hand: each item received 20 September, 县政协编发 on
    # 25 September (县级 30, Q3); the 批示 of 市长李某某 in October doubles it (+30 in Q4), but the 第四季度 one,
    # no day: an error at its cell, not counted. Q3: 9 × 30 = 270; Q4: 8 × 30 = 240.
    cells = [("10.8市长李某某批示", dt.date(2025, 10, 8)), ("市长李某某批示（10.8）", dt.date(2025, 10, 8)),
             ("25.10.8市长李某某批示", dt.date(2025, 10, 8)), ("20251008市长李某某批示", dt.date(2025, 10, 8)),
             ("2025年10月市长李某某批示", dt.date(2025, 10, 1)), ("10月上旬市长李某某批示", dt.date(2025, 10, 1)),
             ("市长李某某批示，10月8日", dt.date(2025, 10, 8)), ("市长李某某批示：请农业局研究。2025.10.8", dt.date(2025, 10, 8)),
             ("第四季度市长李某某批示", None)]
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "采用时间", "领导批示"]]
    rows += [[k, "2025.9.20", f"关于第{k}个问题的建议", f"作者{k}", "县政协编发", "2025.9.25", c] for k, (c, _) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    ins = ledger.instructions
    assert ins["leader"].tolist() == ["市长李某某"] * 9
    assert [None if pd.isna(d) else d.date() for d in ins["date"]] == [d for _, d in cells]
    assert ins["text"].tolist()[7] == "请农业局研究。"
    assert [(i.row, i.column) for i in _codes(report, "date.month_only")] == [(7, "G")]
    assert [(i.row, i.column) for i in _codes(report, "date.part_of_month")] == [(8, "G")]
    invalid = _codes(report, "instruction.date_invalid")
    assert [(i.row, i.column) for i in invalid] == [(11, "G")] and "第四季度" in invalid[0].message
    assert sum(_q(ledger, 3).values()) == Decimal("270.00")
    assert sum(_q(ledger, 4).values()) == Decimal("240.00")


def test_an_instruction_dated_in_its_cell_and_in_the_instruction_ledger_is_one(tmp_path):
    # 10.8市长李某某批示 in the item's row and 市长李某某 | 2025.10.8 in the 批示台账 were two 批示 (the row's
    # undated, in Q3, its leader "10.8市长李某某"); 2025年10月市长李某某批示 beside 市长李某某 | 2025.10.15 too.
    # By hand: one 批示 per item, on 8 and 15 October, both in Q4; none in Q3.
    write_xlsx(tmp_path / "2025年报送台账.xlsx", {"Sheet1": [
        [TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
        [1, "2025.9.20", "关于农村饮水安全的建议", "张三", "2025.9.25县政协编发", "10.8市长李某某批示"],
        [2, "2025.9.21", "关于校车安全的建议", "李四", "2025.9.25县政协编发", "2025年10月市长李某某批示"]]})
    write_xlsx(tmp_path / "2025年批示台账.xlsx", {"Sheet1": [
        ["序号", "信息标题", "批示领导", "批示日期", "批示内容"],
        [1, "关于农村饮水安全的建议", "市长李某某", "2025.10.8", "请水利局研究"],
        [2, "关于校车安全的建议", "市长李某某", "2025.10.15", "请教育局研究"]]})
    ledger, report = _read(tmp_path, year=2025)
    ins = ledger.instructions.sort_values("item")
    assert list(zip(ins["item"], ins["leader"], ins["date"].dt.date)) == [
        (0, "市长李某某", dt.date(2025, 10, 8)), (1, "市长李某某", dt.date(2025, 10, 15))]
    q3, q4 = (sq.summary(ledger, sq.Period.of(2025, quarter=q)) for q in (3, 4))
    assert (q3.instructions, q4.instructions) == (0, 2)
    assert len(_codes(report, "instruction.repeated")) == 2


# ---------------------------------------------------------------- stored values that are not what the cell shows

def _rewrite_sheet(path: Path, edit) -> Path:
    """``path`` with its first worksheet's XML passed through ``edit`` (raw markup other writers use)."""
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        data = {i.filename: zf.read(i.filename) for i in infos}
    data["xl/worksheets/sheet1.xml"] = edit(data["xl/worksheets/sheet1.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in infos:
            zf.writestr(info, data[info.filename])
    return path


def test_formulas_of_a_file_asking_to_be_recalculated_are_not_read_as_their_stored_zero(tmp_path):
    import xlsxwriter

    # An online system's export (xlsxwriter): workbook.xml says fullCalcOnLoad="1", every formula is
    # stored with the value 0. =IF(B3<>"","√","") under 市政协 shows √ once calculated, ="第"&ROW()&"期"
    # under 省政协 shows 第4期: read as 0 they were "not adopted" and 李四's 100, 王五's 200 silently lost.
    path = tmp_path / "导出.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("台账")
    ws.write_row(0, 0, ["序号", "报送日期", "信息标题", "作者", "单位", "县政协", "市政协", "省政协"])
    for r, (title, name) in enumerate([("关于一的建议", "张三"), ("关于二的建议", "李四"), ("关于三的建议", "王五")], 1):
        ws.write_row(r, 0, [r, f"2025-02-0{r}", title, name, "东城街道政协工委"])
    ws.write(1, 5, "√")
    ws.write_formula(2, 6, '=IF(B3<>"","√","")')
    ws.write_formula(3, 7, '="第"&ROW()&"期"')
    wb.close()
    ledger, report = _read(path, year=2025)
    # By hand: only 张三's typed √ under 县政协 is an adoption; the two formulas' values are unknown,
    # each said at its cell (G3, H4) and read as empty, not as 0.
    assert _adopted(ledger) == [(0, "县级")]
    assert sorted(f"{i.column}{i.row}" for i in _codes(report, "formula.no_value")) == ["G3", "H4"]
    assert _paid(ledger) == {"张三": Decimal("30")}


def test_a_formula_without_a_value_in_namespace_prefixed_xml_is_said(tmp_path):
    # .NET OpenXML SDK writes <x:c><x:f>…</x:f></x:c>: a formula with no value there was passed over.
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "市政协"],
            [1, "2025-02-01", "关于一的建议", "张三", "东城街道政协工委", "市政协"],
            [2, "2025-02-02", "关于二的建议", "李四", "东城街道政协工委", "√"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})

    def prefixed(xml: str) -> str:
        import re

        xml = re.sub(r'<c r="F2"[^>]*?(?:/>|>.*?</c>)', '<c r="F2" t="str"><f>IF(1,"市政协","")</f></c>', xml)
        xml = xml.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>", "</x:worksheet>")
        return re.sub(r"<(/?)(sheetData|row|c|v|f|is|t)\b", r"<\1x:\2", xml)

    ledger, report = _read(_rewrite_sheet(path, prefixed), year=2025)
    # By hand: F2 is a formula never calculated (no value): said at F2; 李四's √ is the one adoption.
    assert [f"{i.column}{i.row}" for i in _codes(report, "formula.no_value")] == ["F2"]
    assert _paid(ledger) == {"李四": Decimal("100")}


def test_a_picture_wps_embedded_in_a_cell_is_said_not_read_as_an_instruction(tmp_path):
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "县政协", "领导批示"],
            [1, "2025-02-01", "关于一的建议", "张三", "东城街道政协工委", "√", "占位"],
            [2, "2025-02-02", "关于二的建议", "李四", "东城街道政协工委", "√", "县长王某某批示"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    picture = ('<c r="G2" t="str"><f>_xlfn.DISPIMG("ID_4F2A9C1B7E0D4E6FA1B2C3D4E5F60718",1)</f>'
               '<v>=DISPIMG("ID_4F2A9C1B7E0D4E6FA1B2C3D4E5F60718",1)</v></c>')

    def wps(xml: str) -> str:
        import re

        return re.sub(r'<c r="G2"[^>]*?(?:/>|>.*?</c>)', picture, xml)

    ledger, report = _read(_rewrite_sheet(path, wps), year=2025)
    # By hand: G2 is a picture (WPS =DISPIMG): no 批示 read from it (it was read as two, leaders
    # '=DISPIMG("ID_…"' and '1)'), said at G2; 李四's 批示 is the one instruction.
    assert [f"{i.column}{i.row}" for i in _codes(report, "cell.picture")] == ["G2"]
    assert list(ledger.instructions["item"]) == [1]


def test_a_row_of_height_zero_is_hidden_and_a_value_hidden_by_its_format_is_said(tmp_path):
    import openpyxl

    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "省政协"],
            [1, "2025-02-01", "关于一的建议", "张三", "东城街道政协工委", None],
            [2, "2025-02-02", "关于二的建议", "李四", "东城街道政协工委", "省政协"],
            [3, "2025-02-03", "关于三的建议", "王五", "东城街道政协工委", None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    wb = openpyxl.load_workbook(path)
    wb["台账"]["F3"].number_format = ";;;"  # 李四's 省政协 shows as a blank cell
    wb.save(path)
    _rewrite_sheet(path, lambda xml: xml.replace('<row r="4"', '<row r="4" ht="0" customHeight="1"'))
    ledger, report = _read(path, year=2025)
    # By hand: F3 is read (李四 200 for 省政协) and said, as nobody sees it on screen; row 4 of
    # height 0 is a hidden row: 王五's item still counts, said as row.hidden with row 4.
    assert [(f"{i.column}{i.row}") for i in _codes(report, "cell.format_hidden")] == ["F3"]
    assert _paid(ledger) == {"李四": Decimal("200")}
    hidden = _codes(report, "row.hidden")
    assert len(hidden) == 1 and "4" in hidden[0].message
    assert len(ledger.submissions) == 3


def test_a_tag_before_a_title_does_not_stop_the_link_to_the_adoptions(tmp_path):
    # The items' sheet writes 【重点】关于乙问题的建议 (a red tag), the adoptions' sheet the bare title.
    items = [["编号", "报送日期", "信息标题", "作者", "单位"],
             ["SQ-001", "2025-01-05", "关于甲问题的建议", "张三", "东城街道政协工委"],
             ["SQ-002", "2025-01-06", "【重点】关于乙问题的建议", "李四", "东城街道政协工委"]]
    adoptions = [["信息标题", "采用单位", "期号", "采用日期"],
                 ["关于甲问题的建议", "市政协", "第3期", "2025-02-01"],
                 ["关于乙问题的建议", "省政协", "第7期", "2025-03-01"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": items, "采用台账": adoptions})
    ledger, report = _read(path, year=2025)
    # By hand: 张三 市政协 100; 李四 省政协 200 once the tag is set aside (was adoption.no_item, unpaid).
    assert _paid(ledger) == {"张三": Decimal("100"), "李四": Decimal("200")}
    assert not _codes(report, "adoption.no_item")


# ---------------------------------------------------------------- 上报 with its outcome, 备注 that deny, kinds under a body

def _fen(ledger, year=2025) -> dict[str, int]:
    """Reward per person in fen (the public reward_lines, summed per beneficiary)."""
    lines = sq.reward_lines(ledger, year)
    return {k: int(v) for k, v in lines.groupby("beneficiary")["amount_fen"].sum().items() if v}


def test_a_forwarding_with_its_outcome_in_brackets_or_after_a_colon_is_kept(tmp_path):
    # 报送省政协（未采用）, 报送市政协：未采用, 已报省政协(待采用): the outcome in brackets or after a colon
    # made the 上报 a "not adopted" with no body (the 上报 figures lost it); 省政协（已报送，未采用） was
    # a 上报 to a body "省政协("; in a 上报 column 报送省政协（未采用） was sent to "报送省政协". Worked by
    # hand from the cells: 上报 to 市级 — 丙 (退稿), 丁 (：未采用); to 省级 — 甲, 乙, 戊, 己, 庚, 辛, 壬 (his
    # 上报情况 column). 己 was also adopted by 市政协: 市级 ¥100 = 10000 fen, the only money; adopted above
    # the county, so 上报被采用 is 1 (the shipped forwarded_adopted: above_own); with at_highest_sent his
    # highest 上报 is 省级 and not adopted there: 0. Items sent to 市级 2, to 省级 7.
    cells = [("甲", "报送省政协（未采用）", ""), ("乙", "已报送省政协（未采用）", ""), ("丙", "已上报市政协（退稿）", ""),
             ("丁", "报送市政协：未采用", ""), ("戊", "已报省政协(待采用)", ""), ("己", "市政协采用，报送省政协（未采用）", ""),
             ("庚", "省政协（已报送，未采用）", ""), ("辛", "报省政协未采用", ""), ("壬", "", "报送省政协（未采用）")]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "上报情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", who, a, f] for k, (who, a, f) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    fw = ledger.forwards
    assert sorted(zip(fw["item"], fw["body"], fw["tier"].astype(str))) == [
        (0, "省政协", "省级"), (1, "省政协", "省级"), (2, "市政协", "市级"), (3, "市政协", "市级"), (4, "省政协", "省级"),
        (5, "省政协", "省级"), (6, "省政协", "省级"), (7, "省政协", "省级"), (8, "省政协", "省级")]
    assert _adopted(ledger) == [(5, "市级")]
    assert _fen(ledger) == {"己": 10000}
    s = sq.summary(ledger, 2025)
    assert (s.forwarded, s.forwarded_adopted) == ({"市级": 2, "省级": 7, "全国": 0}, 1)
    assert s.adopted_by_tier == {"县级": 0, "市级": 1, "省级": 0, "全国": 0}
    shipped = sq.load_rules(year=2025)
    strict = sq.Rules(data={**shipped.data, "forwarded_adopted": "at_highest_sent"}, source=shipped.source)
    assert sq.summary(ledger, 2025, rules=strict).forwarded_adopted == 0
    assert not _codes(report, "mark.unknown")


def test_a_forwarding_with_its_outcome_in_an_adoption_ledger_row_is_a_forwarding(tmp_path):
    # A 采用台账 row whose 采用单位 says 报送省政协（未采用）: the 上报 was lost (only the 采用日期 said as
    # an orphan). By hand: 甲 sent to 省政协, not adopted (0 fen, one 上报 to 省级, not adopted);
    # 乙 adopted by 市政协, ¥100 = 10000 fen. The 采用日期 beside 甲's 上报 dates no adoption: said.
    items = [["编号", "收稿日期", "信息标题", "作者", "单位"],
             ["2025-001", "2025-02-10", "关于甲的建议", "甲", "经济界"], ["2025-002", "2025-02-11", "关于乙的建议", "乙", "经济界"]]
    adopted = [["编号", "信息标题", "采用单位", "采用日期"], ["2025-001", "关于甲的建议", "报送省政协（未采用）", "2025-03-01"],
               ["2025-002", "关于乙的建议", "市政协", "2025-03-02"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"报送台账": items, "采用台账": adopted}), year=2025)
    assert _sent(ledger) == [(0, "省级")] and _adopted(ledger) == [(1, "市级")]
    assert _fen(ledger) == {"乙": 10000}
    s = sq.summary(ledger, 2025)
    assert (s.forwarded, s.forwarded_adopted) == ({"市级": 1, "省级": 1, "全国": 0}, 1)  # 乙's 市级 adoption went up too
    assert [(i.sheet, i.row, i.column) for i in _codes(report, "cell.orphan")] == [("采用台账", 2, "D")]


def test_a_note_that_says_pending_or_not_adopted_beside_an_adoption_is_said(tmp_path):
    # A 采用台账 row (采用单位 省政协, 采用日期 2025.3.1) whose 备注 says 拟采用/待定/审核中 was paid in full
    # without a word; only 未采用 was said. Decided as adoption.note_denies already did: the row's own
    # adoption cells say adopted, so it is counted and paid as marked (a warning: counted, look at
    # it), and the 备注 is said at its cell with what it says. 拟报全国政协 is a plan to send it on and
    # 省政协 stays adopted (no finding); a blank 备注 nothing. By hand: six 省级 adoptions, ¥200 =
    # 20000 fen each; note_denies at H2..H5 (the header is row 1).
    notes = ["拟采用", "待定", "审核中", "未采用", "拟报全国政协", ""]
    items = [["编号", "收稿日期", "信息标题", "作者", "单位"]]
    adopted = [["编号", "信息标题", "采用单位", "期号", "采用日期", "批示领导", "批示日期", "备注"]]
    for k, note in enumerate(notes, 1):
        no, title = f"2025-{k:03d}", f"关于第{k}个问题的建议"
        items.append([no, "2025-02-10", title, f"作者{k}号", "经济界"])
        adopted.append([no, title, "省政协", None, "2025.3.1", None, None, note or None])
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"报送台账": items, "采用台账": adopted}), year=2025)
    assert _adopted(ledger) == [(k, "省级") for k in range(6)]
    assert _fen(ledger) == {f"作者{k}号": 20000 for k in range(1, 7)}
    denies = _codes(report, "adoption.note_denies")
    assert [(i.sheet, i.row, i.column, i.severity) for i in denies] == [("采用台账", r, "H", "warning") for r in (2, 3, 4, 5)]
    assert ["说尚未确定采用," in i.message for i in denies] == [True, True, True, False] and "说未采用," in denies[3].message
    assert all("已按采用计入" in i.message and "稿酬" in i.message for i in denies)


def test_a_product_or_kind_under_a_bodys_column_is_that_bodys(tmp_path):
    # Under 采用情况 over 县政协编发 | 市政协 | 省政协 | 全国政协: 专报, 信息专报, 《社情民意》专报, 《信息专报》
    # under a higher body's column were the office's own 专报 (县级 ¥30, mark.other_body); 综合, 摘报
    # under 全国政协 were unknown (nothing). Worked by hand from the rules (县30 市100 省200 全国300;
    # points 1 a submission + 县3 市10 省20 全国30): 甲 专报/全国 30000 fen, 31 points; 乙 专报/省 20000, 21;
    # 丙 综合/全国 30000, 31; 丁 摘报/全国 30000, 31; 戊 《社情民意》专报/省 20000, 21; 己 《信息专报》/市 10000,
    # 11; 庚 信息专报/全国 30000, 31; 辛 专报 under 县政协编发: the office's own 专报, 3000, 4 (routing 专报);
    # 壬 转送 under 市政协: a 部门 product, not paid nor scored (1 point), said as another body's.
    cells = [("甲", "", "", "", "专报"), ("乙", "", "", "专报", ""), ("丙", "", "", "", "综合"), ("丁", "", "", "", "摘报"),
             ("戊", "", "", "《社情民意》专报", ""), ("己", "", "《信息专报》", "", ""), ("庚", "", "", "", "信息专报"),
             ("辛", "专报", "", "", ""), ("壬", "", "转送", "", "")]
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, None],
            [None, None, None, None, None, "县政协编发", "市政协", "省政协", "全国政协"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", who, f"{who}单位", *c] for k, (who, *c) in enumerate(cells, 1)]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:I1"]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, merges={"2025年": merges}), year=2025)
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["routing"].fillna(""))) == [
        (0, "全国", ""), (1, "省级", ""), (2, "全国", ""), (3, "全国", ""), (4, "省级", ""), (5, "市级", ""), (6, "全国", ""),
        (7, "县级", "专报"), (8, "县级", "转送")]
    assert _fen(ledger) == {"甲": 30000, "乙": 20000, "丙": 30000, "丁": 30000, "戊": 20000, "己": 10000, "庚": 30000, "辛": 3000}
    points = sq.units(ledger, 2025).set_index("unit")["points"]
    assert {who: int(points[f"{who}单位"]) for who, *_ in cells} == {
        "甲": 31, "乙": 21, "丙": 31, "丁": 31, "戊": 21, "己": 11, "庚": 31, "辛": 4, "壬": 1}
    assert [(i.row, i.column) for i in _codes(report, "mark.other_body")] == [(11, "G")]
    assert not _codes(report, "mark.unknown")


# ---------------------------------------------------------------- which unit an item counts for

SECTOR_GROUPS = [["单位名称", "单位类型"], ["经济界别组", "界别组"], ["教育界别组", "界别组"]]


def _units_of(ledger) -> dict[str, tuple[int, int]]:
    u = sq.units(ledger, 2025)
    return {r.unit: (r.submitted, r.adopted) for r in u.itertuples()}


def test_a_sector_column_credits_the_listed_sector_group(tmp_path):
    # A ledger with a 界别 column and no 单位: both 界别组 of the roster's 单位 sheet read 0 and 未报送, and
    # nothing was said. By hand: rows 3-4 (经济界) → 经济界别组, 2 sent, 1 adopted; row 5 (教育界) → 教育界别组;
    # row 6 has no 界别: 杨三's roster 界别 教育界 → 教育界别组 (2 sent); row 7's 农业界 names no listed unit and
    # 杨四 has no roster unit: counted for none, said at its 界别 cell.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "界别", "采用情况"],
            [1, "2025-01-03", "关于一的建议", "杨一", "经济界", "市政协采用"],
            [2, "2025-02-03", "关于二的建议", "杨一", "经济界", None],
            [3, "2025-03-03", "关于三的建议", "杨二", "教育界", None],
            [4, "2025-04-03", "关于四的建议", "杨三", None, None],
            [5, "2025-05-03", "关于五的建议", "杨四", "农业界", None]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位", "界别"], ["杨一", "委员", None, "经济界"],
                                                        ["杨二", "委员", None, "教育界"], ["杨三", "委员", None, "教育界"],
                                                        ["杨四", "委员", None, None]],
                                               "单位": SECTOR_GROUPS})
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    assert _units_of(ledger) == {"经济界别组": (2, 1), "教育界别组": (2, 0)}
    assert [(i.column, i.row) for i in _codes(report, "unit.from_sector")] == [("E", 3), ("E", 5)]
    assert "按界别“经济界”计入名册单位表中的“经济界别组”" in _codes(report, "unit.from_sector")[0].message
    assert [(i.column, i.row) for i in _codes(report, "author.unit_from_roster")] == [("D", 6)]
    assert "界别“教育界”" in _codes(report, "author.unit_from_roster")[0].message
    assert [(i.column, i.row) for i in _codes(report, "unit.sector_unlisted")] == [("E", 7)]
    assert "界别“农业界”" in _codes(report, "unit.sector_unlisted")[0].message


def test_a_sector_group_column_credits_the_group(tmp_path):
    # The column headed 界别组 (经济界别组) was read as a 界别 and credited nobody. By hand: one item each.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "界别组", "采用情况"],
            [1, "2025-01-03", "关于一的建议", "杨一", "经济界别组", "市政协采用"],
            [2, "2025-02-03", "关于二的建议", "杨二", "教育界别组", None]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "界别"], ["杨一", "委员", "经济界"],
                                                        ["杨二", "委员", "教育界"]], "单位": SECTOR_GROUPS})
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    assert _units_of(ledger) == {"经济界别组": (1, 1), "教育界别组": (1, 0)}
    assert [i.row for i in _codes(report, "unit.from_sector")] == [3, 4]


def test_an_authors_roster_unit_is_matched_to_the_unit_sheet(tmp_path):
    # Items with no 单位 go to the first author's roster 单位, which was never matched to the roster's own
    # 单位 sheet: 民进县委 read 1 sent (何四's, written as listed) and 县工商联 未报送. By hand: 何一's
    # 民进示例县委员会 is 民进县委 (the office's place 示例县 as 县, 委员会 as 委): 2 + 何四's 1 = 3, 1 adopted;
    # 何二's 县工商业联合会 is 县工商联: 2; 何三 has only a 界别 经济界: 经济界别组, 2. 何五's 县农业局 is no
    # listed unit: counted for none, said once at his first item (row 10), not again at row 11.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-01-05", "关于一的建议", "何一", None, None], [2, "2025-02-05", "关于二的建议", "何一", None, "市政协采用"],
            [3, "2025-01-06", "关于三的建议", "何二", None, None], [4, "2025-02-06", "关于四的建议", "何二", None, None],
            [5, "2025-01-07", "关于五的建议", "何三", None, None], [6, "2025-02-07", "关于六的建议", "何三", None, None],
            [7, "2025-01-08", "关于七的建议", "何四", "民进县委", None],
            [8, "2025-01-09", "关于八的建议", "何五", None, None], [9, "2025-02-09", "关于九的建议", "何五", None, None]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "界别"], ["何一", "委员", "民进示例县委员会", "民进"],
                 ["何二", "委员", "县工商业联合会", "经济界"], ["何三", "委员", None, "经济界"], ["何四", "委员", "民进县委", "民进"],
                 ["何五", "委员", "县农业局", "农业界"]],
        "单位": [["单位名称", "单位类型"], ["民进县委", "民主党派"], ["县工商联", "工商联"], ["经济界别组", "界别组"]]})
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    assert _units_of(ledger) == {"民进县委": (3, 1), "县工商联": (2, 0), "经济界别组": (2, 0)}
    said = _codes(report, "author.unit_from_roster")
    assert [(i.column, i.row) for i in said] == [("D", 3), ("D", 5), ("D", 7)]
    assert "单位“民进示例县委员会”(名册单位表中的“民进县委”)" in said[0].message
    assert [(i.column, i.row) for i in _codes(report, "author.unit_unlisted")] == [("D", 10)]
    assert "作者“何五”在名册中的单位“县农业局”不在名册的单位表中" in _codes(report, "author.unit_unlisted")[0].message
    assert not _codes(report, "unit.blank_below")


@pytest.mark.parametrize("cell,names,dropped", [
    ("褚一等两人", ["褚一"], "等两人"), ("褚一等三位委员", ["褚一"], "等三位委员"),
    ("褚一、卫二等两位同志", ["褚一", "卫二"], "等两位同志"), ("张三等二人", ["张三"], "等二人"),
    ("李四等十余人", ["李四"], "等十余人"), ("王五等多位委员", ["王五"], "等多位委员")])
def test_et_al_with_a_count_in_words_staff_use(tmp_path, cell, names, dropped):
    # 等两人, 等三位委员, 等两位同志 made a new person (褚一等两人, paid in full). By hand: the names before
    # 等 are the authors; the 市政协 100.00 goes to them (50.00 each for two), and the 等… is said.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", cell, "民革县委", "市政协采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert ledger.authors["name"].tolist() == names
    assert [i.row for i in _codes(report, "author.et_al")] == [3]
    assert f"中的“{dropped}”已略去" in _codes(report, "author.et_al")[0].message
    assert _paid(ledger) == {n: Decimal("100.00") / len(names) for n in names}


# ---------------------------------------------------------------- blocks that are no items

def test_a_tally_beside_the_ledger_after_an_empty_column_is_set_aside(tmp_path):
    # A two-level ledger (A:J), column K empty, then a tally 采用级别 | 条数 (L1:M1, 县级 1, 市级 1, 省级 1,
    # 全国 0 in L3:M6). It was read as the items' own columns row by row: the 省级 beside 王五's row became
    # his adoption (200 more), 全国 beside 赵六's 省政协 a level that differs; not a word of the tally.
    # By hand: 张三 第1期 县级 30; 李四 市政协 100; 王五 nothing; 赵六 省政协 200 (330 in all); four items;
    # the tally said once, at L1, with its cells L1:M6.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, "领导批示", "备注", None, "采用级别", "条数"],
            [None, None, None, None, None, "县政协编发", "市政协", "省政协"],
            [1, "2025-01-10", "关于加强农村饮水安全保障的建议", "张三", "民革县委", "第1期", None, None, None, None, None, "县级", 1],
            [2, "2025-03-25", "关于规范校外培训机构收费的建议", "李四", "民盟县委", None, "2025-04-10", None, None, None, None, "市级", 1],
            [3, "2025-04-03", "关于整治城区占道经营的建议", "王五", "民革县委", None, None, None, None, None, None, "省级", 1],
            [4, "2025-05-20", "关于扶持小微企业融资的建议", "赵六", "县工商联", None, None, "2025-06-05", None, None, None, "全国", 0]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:H1", "I1:I2", "J1:J2"]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": merges}), year=2025)
    assert len(ledger.submissions) == 4
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("100.00"), "赵六": Decimal("200.00")}
    assert [(i.code, f"{i.column}{i.row}") for i in report.issues] == [("sheet.tally", "L1")]
    assert "L1:M6" in report.issues[0].message and "采用级别 | 条数" in report.issues[0].message


def test_tallies_of_names_and_numbers_beside_a_flat_ledger_are_set_aside(tmp_path):
    # A flat ledger (A:H), then after an empty column 姓名 | 报送 | 采用 over names and numbers (no count word
    # in its labels: its rows of a label and numbers say it), and after another 批示领导 | 件数 (县长刘某某 1).
    # The first made 2 and 1 columns of each item (header.duplicate for 姓名), the second a 批示 of the
    # first row's item (张三's 30 paid twice). By hand: 张三 县政协编发 30 (no 批示 of his own), 李四 市政协
    # 100; two tallies said (J1:L3, N1:O2), nothing else.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用单位", "期号", "备注", None, "姓名", "报送", "采用", None, "批示领导", "件数"],
            [1, "2025-01-10", "关于加强农村饮水安全保障的建议", "张三", "民革县委", "县政协编发", "第1期", None, None, "张三", 1, 1, None, "县长刘某某", 1],
            [2, "2025-03-25", "关于规范校外培训机构收费的建议", "李四", "民盟县委", "市政协", "第2期", None, None, "李四", 1, 1],
            [3, "2025-04-03", "关于整治城区占道经营的建议", "王五", "民革县委"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["张三", "李四", "王五"] and ledger.instructions.empty
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("100.00")}
    said = [(i.code, f"{i.column}{i.row}") for i in report.issues]
    assert said == [("sheet.tally", "J1"), ("sheet.tally", "N1")]
    assert "J1:L3" in report.issues[0].message and "N1:O2" in report.issues[1].message


def test_the_ledgers_own_columns_after_an_empty_column_are_no_tally(tmp_path):
    # 采用单位 | 期号 after an empty column, each on its item's row (市政协 | 3): the ledger's own columns,
    # read as before though a label and a number stand in each row (期号 numbers issues, not a count).
    # By hand: 张三 市政协 第3期 100; 李四 nothing.
    rows = [["序号", "收稿日期", "信息标题", "作者", None, "采用单位", "期号"],
            [1, "2025-01-10", "关于甲的建议", "张三", None, "市政协", 3],
            [2, "2025-02-10", "关于乙的建议", "李四"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3)]
    assert _paid(ledger) == {"张三": Decimal("100.00")} and not _codes(report, "sheet.tally")


def test_a_templates_sample_row_is_set_aside_and_said(tmp_path):
    # 示例 in 序号 with a whole realistic row (张三 市政协 第1期: 100 paid, an item of Q1), （示例） before a
    # title, 填写示例 in 备注, 样例 in 序号: each a template's sample, left out and said at its cell.
    # 例会上提出 in 备注 is a real note (例 followed by more words). By hand: two items, 李四 (Q1, 市政协 100)
    # and 赵六 (Q2, 省政协 200).
    header = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用单位", "期号", "采用日期", "领导批示", "备注"]
    rows = [header,
            ["示例", "2025-01-02", "关于加强某某问题治理的建议", "张三", "民革县委", "市政协", "第1期", "2025-01-05", None, None],
            [1, "2025-02-10", "关于加强农村饮水安全保障的建议", "李四", "民盟县委", "市政协", "第2期", "2025-03-01", None, None],
            [2, "2025-03-11", "（示例）关于规范某某管理的建议", "王五", "民革县委", None, None, None, None, None],
            [3, "2025-04-12", "关于扶持小微企业融资的建议", "赵六", "县工商联", "省政协", None, "2025-05-01", None, "例会上提出"],
            [None, "2025-05-13", "关于推进某某工作的建议", "钱七", "县工商联", "县政协编发", "第3期", None, None, "填写示例"],
            ["样例", "2025-06-01", "关于改进某某服务的建议", "孙八", "民盟县委", None, None, None, None, None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["李四", "赵六"]
    assert [(i.code, f"{i.column}{i.row}") for i in report.issues] == [
        ("row.sample", "A2"), ("row.sample", "C4"), ("row.sample", "J6"), ("row.sample", "A7")]
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).submitted for q in (1, 2)] == [1, 1]
    assert _paid(ledger) == {"李四": Decimal("100.00"), "赵六": Decimal("200.00")}


def test_an_item_adopted_twice_in_a_ledger_of_adoptions_is_one_item(tmp_path):
    # An office keeping only a 采用台账, one row per adoption: 甲 (张三) by 市政协 on 10 April and, two rows
    # below, by 县政协《社情民意》 on 20 March. It was two items (张三 130, item.possible_duplicate). By hand:
    # three items, 甲 dated by its first adoption (20 March, Q1), 乙 Q2, 丙 Q3; 甲 adopted in Q1 (县级) and
    # Q2 (市级); paid the highest: 张三 100, 赵六 省政协 200, 李四 县级 30 doubled by the 县长's 批示 = 60.
    rows = [["2025年社情民意信息采用台账"],
            ["序号", "信息标题", "作者", "单位", "采用单位", "采用日期", "领导批示"],
            [1, "关于加强农村饮水安全保障的建议", "张三", "民革县委", "市政协", "2025-04-10", None],
            [2, "关于扶持小微企业融资的建议", "赵六", "县工商联", "省政协", "2025-06-05", None],
            [3, "关于加强农村饮水安全保障的建议。", "张三", "民革县委", "县政协《社情民意》", "2025-03-20", None],
            [4, "关于改善乡村公路养护的建议", "李四", "民盟县委", "县政协《社情民意》", "2025-09-30", "县长刘某某"]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年采用台账.xlsx", {"采用台账": rows}), year=2025)
    subs = ledger.submissions
    assert subs["author_text"].tolist() == ["张三", "赵六", "李四"]
    assert subs["date"].dt.date.tolist() == [dt.date(2025, 3, 20), dt.date(2025, 6, 5), dt.date(2025, 9, 30)]
    assert sorted(_adopted(ledger)) == [(0, "县级"), (0, "市级"), (1, "省级"), (2, "县级")]
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).adopted for q in (1, 2, 3, 4)] == [1, 2, 1, 0]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "赵六": Decimal("200.00"), "李四": Decimal("60.00")}
    again = _codes(report, "row.adopted_again")
    assert [(i.row, i.severity) for i in again] == [(5, "info")] and "第3行" in again[0].message
    assert not report.errors and not _codes(report, "item.possible_duplicate")


@pytest.mark.parametrize("caption", [True, False])
def test_a_table_of_figures_under_the_ledger_is_an_appendix(tmp_path, caption):
    # Under the ledger, a blank row, 附：各单位报送采用情况统计 (or nothing), then its own header 序号 | 单位名称 |
    # 报送信息（条） | 采用信息（条） | 领导批示（件） | 得分 and a row per unit: read as a second table of items
    # (three more items with ten errors). By hand: the three items above it, 张三 县级 30, 李四 市级 100;
    # one sheet.appendix from the caption (or the header) down to the last unit row, nothing else.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用单位", "期号"],
            [1, "2025-01-10", "关于加强农村饮水安全保障的建议", "张三", "民革县委", "县政协编发", "第1期"],
            [2, "2025-03-25", "关于规范校外培训机构收费的建议", "李四", "民盟县委", "市政协", "第2期"],
            [3, "2025-04-03", "关于整治城区占道经营的建议", "王五", "民革县委"],
            []] + ([["附：各单位报送采用情况统计"]] if caption else []) + [
            ["序号", "单位名称", "报送信息（条）", "采用信息（条）", "领导批示（件）", "得分"],
            [1, "民革县委", 2, 1, 0, 5], [2, "民盟县委", 1, 1, 0, 6], [3, "县工商联", 0, 0, 0, 0]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert ledger.submissions["author_text"].tolist() == ["张三", "李四", "王五"]
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("100.00")}
    first, last = 6, 9 + caption
    assert [(i.code, i.row) for i in report.issues] == [("sheet.appendix", first)]
    assert f"第{first}—{last}行" in report.issues[0].message


def test_sheets_per_unit_without_an_author_column_are_the_units_items(tmp_path):
    # One sheet per unit (民革县委, 民盟县委, 县工商联), columns 序号 | 报送日期 | 信息标题 | 采用单位 | 采用日期,
    # no 作者 and no 单位: every item was author.missing, left out. Filed in the unit's own name, as the
    # sheet says. By hand: 民革县委 2 items (甲 县政协编发 30, 丙 市政协 100 = 130), 民盟县委 1 (nothing paid),
    # 县工商联 1 (省政协 200); each sheet said once.
    head = ["序号", "报送日期", "信息标题", "采用单位", "采用日期"]
    sheets = {"民革县委": [head, [1, "2025-01-10", "关于甲的建议", "县政协编发", None],
                         [2, "2025-04-03", "关于丙的建议", "市政协", "2025-04-20"]],
              "民盟县委": [head, [1, "2025-03-25", "关于乙的建议", None, None]],
              "县工商联": [head, [1, "2025-05-20", "关于丁的建议", "省政协", "2025-06-05"]]}
    ledger, report = _read(write_xlsx(tmp_path / "2025年各单位台账.xlsx", sheets), year=2025)
    assert sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict() == {"民革县委": 2, "民盟县委": 1, "县工商联": 1}
    assert _paid(ledger) == {"民革县委": Decimal("130.00"), "县工商联": Decimal("200.00")}
    said = [(i.code, i.sheet) for i in report.issues]
    assert said == [("sheet.unit_by_name", "民革县委"), ("sheet.unit_by_name", "民盟县委"), ("sheet.unit_by_name", "县工商联")]
    assert "2 条信息" in report.issues[0].message and not report.errors


def test_the_ledgers_header_written_again_with_its_count_column_is_no_appendix(tmp_path):
    # The ledger's own header (with 单位 and a 条数 column, read past) written again at a page break is a
    # repeated header, not a table of figures: the items under it count. By hand: 张三 市政协 100, 李四
    # 省政协 200, three items.
    header = ["序号", "收稿日期", "信息标题", "作者", "单位", "条数", "市政协", "省政协"]
    rows = [header,
            [1, "2025-01-10", "关于甲的建议", "张三", "民革县委", 1, "√", None],
            header,
            [2, "2025-02-10", "关于乙的建议", "李四", "民盟县委", 1, None, "√"],
            [3, "2025-03-10", "关于丙的建议", "王五", "民盟县委", 1, None, None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert len(ledger.submissions) == 3 and not _codes(report, "sheet.appendix")
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}


def test_a_post_then_a_name_after_a_colon_in_a_leader_column_keeps_the_name(tmp_path):
    # A 批示领导 column written "市长:李某某" names the post, then the leader: the name stays in the leader
    # (it was dropped when a colon was read as "what was said" in that column), while a longer text after the
    # colon is what the leader said (副市长孙立:请市金融办研究, the content column empty).
    register = [["编号", "信息标题", "批示领导", "批示时间", "批示内容"],
                ["A1", "关于甲的建议", "市长:李某某", "2025-04-10", "请研究"],
                ["A2", "关于乙的建议", "副市长孙立：请市金融办研究", "2025-04-11", None]]
    items = [["编号", "收稿日期", "信息标题", "作者", "单位"],
             ["A1", "2025-03-01", "关于甲的建议", "张三", "民革县委"],
             ["A2", "2025-03-02", "关于乙的建议", "张三", "民革县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"报送台账": items, "批示台账": register}), year=2025)
    got = sorted(zip(ledger.instructions["leader"], ledger.instructions["text"]))
    assert [leader.replace(":", "").replace("：", "") for leader, _ in got] == ["副市长孙立", "市长李某某"], got
    assert dict((leader.replace(":", ""), text) for leader, text in got)["副市长孙立"] == "请市金融办研究", got


# ---------------------------------------------------------------- online forms' exports (问卷星, 金山表单, 钉钉)

def _form(tmp_path, rows, extra="采用单位"):
    """An online form's export as it is downloaded: a CSV (UTF-8 with a BOM), one row an answer."""
    head = ["序号", "提交时间", "作者", "所在单位", "信息标题", extra]
    body = [[k, f"2025-03-{k:02d} 10:00:00", a, u, f"关于第{k}件事的建议", v] for k, (a, u, v) in enumerate(rows, 1)]
    folder = tmp_path / "导出"
    folder.mkdir()
    pd.DataFrame(body, columns=head).to_csv(folder / "问卷星导出.csv", index=False, encoding="utf-8-sig")
    return folder


def test_an_online_forms_multi_select_bodies_are_each_an_adoption(tmp_path):
    # A multi-select's answers joined with ┋ (问卷星), | (金山表单), │ (钉钉) or / are bodies, each an
    # adoption; the highest tier pays (L88: 县级 3000 fen, 市级 10000, 省级 20000, 全国 30000). Read as one
    # body they were placed by the last level word (县政协: 3000 fen). A date's / is no separator.
    rows = [("作者甲", "民盟县委", "省政协┋县政协"),            # 省级 + 县级 → 20000 fen
            ("作者乙", "民盟县委", "市政协|县政协"),            # 市级 + 县级 → 10000
            ("作者丙", "民盟县委", "全国政协┋省政协┋市政协┋县政协"),  # 全国 highest → 30000
            ("作者丁", "民盟县委", "省政协/县政协"),            # → 20000
            ("作者戊", "民盟县委", "省政协│县政协"),            # → 20000
            ("作者己", "民盟县委", "省级┋市级"),                # → 20000
            ("作者庚", "民盟县委", "市政协采用(2025/3/25)")]    # one body, adopted on 3-25 → 10000
    ledger, report = _read(_form(tmp_path, rows))
    assert sorted(_adopted(ledger)) == sorted([(0, "省级"), (0, "县级"), (1, "市级"), (1, "县级"), (2, "全国"), (2, "省级"),
                                               (2, "市级"), (2, "县级"), (3, "省级"), (3, "县级"), (4, "省级"), (4, "县级"),
                                               (5, "省级"), (5, "市级"), (6, "市级")])
    assert ledger.adoptions.loc[ledger.adoptions["item"] == 6, "date"].dt.date.tolist() == [dt.date(2025, 3, 25)]
    fen = {k: int(v * 100) for k, v in _paid(ledger).items()}
    assert fen == {"作者甲": 20000, "作者乙": 10000, "作者丙": 30000, "作者丁": 20000, "作者戊": 20000,
                   "作者己": 20000, "作者庚": 10000}


def test_an_online_forms_multi_select_authors_and_leaders_are_each_one(tmp_path):
    # 张三┋李四 is two authors sharing the 市政协 item's 10000 fen: 5000 each (was one person "张三┋李四").
    # 市委书记王某┋市长李某 and 县长陈某|副省长刘某 are two 批示 each.
    head = ["序号", "提交时间", "作者", "所在单位", "信息标题", "采用单位", "批示领导"]
    rows = [head, [1, "2025-03-05 10:00:00", "张三┋李四", "民盟县委", "关于一的建议", "市政协", None],
            [2, "2025-03-06 10:00:00", "王五", "民盟县委", "关于二的建议", "市政协", "市委书记王某┋市长李某"],
            [3, "2025-03-07 10:00:00", "赵六", "民盟县委", "关于三的建议", "市政协", "县长陈某|副省长刘某"]]
    ledger, report = _read(write_xlsx(tmp_path / "金山表单.xlsx", {"Sheet1": rows}))
    assert ledger.submissions["authors"].tolist() == [("张三", "李四"), ("王五",), ("赵六",)]
    ins = ledger.instructions
    assert sorted(zip(ins["item"], ins["leader"])) == sorted([(1, "市委书记王某"), (1, "市长李某"), (2, "县长陈某"), (2, "副省长刘某")])
    fen = {k: int(v * 100) for k, v in _paid(ledger).items() if k in ("张三", "李四")}
    assert fen == {"张三": 5000, "李四": 5000}


def test_status_words_after_a_body_say_the_outcome(tmp_path):
    # 驳回/不通过 after a body: not adopted (were 省级 adoptions, 20000 fen each); 已提交: a 上报 to 省政协;
    # 已审核/审核通过/已归档 say no outcome: mark.unknown at the cell, nothing paid. Only 市政协（已采用）
    # of the last row is paid: 10000 fen; its 省政协（已退回） is not adopted.
    rows = [("作者甲", "民盟县委", "省政协：已驳回"), ("作者乙", "民盟县委", "省政协（驳回）"),
            ("作者丙", "民盟县委", "省政协：不通过"), ("作者丁", "民盟县委", "省政协：已提交"),
            ("作者戊", "民盟县委", "省政协：已审核"), ("作者己", "民盟县委", "省政协：审核通过"),
            ("作者庚", "民盟县委", "省政协：已归档"), ("作者辛", "民盟县委", "市政协（已采用）┋省政协（已退回）")]
    ledger, report = _read(_form(tmp_path, rows, "采用情况"))
    assert _adopted(ledger) == [(7, "市级")]
    fw = ledger.forwards
    assert list(zip(fw["item"], fw["tier"].astype(str))) == [(3, "省级")]
    assert sorted(i.row for i in _codes(report, "mark.unknown")) == [6, 7, 8]
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"作者辛": 10000}


@pytest.mark.parametrize("placeholder", ["(空)", "(跳过)", "（无）", "【空】", "(未填写)", "（略）", "（ ）", "[空]",
                                         "N/A", "null", "#N/A"])
def test_an_online_forms_placeholder_author_is_no_author(tmp_path, placeholder):
    # What a form exports for an unanswered question is a placeholder, as - or an empty cell is: no author
    # (not "N" and "A"), author.placeholder at the cell, the item not counted (0 fen for anyone). In 所在单位
    # it is no unit; 其他〖民建示例县委〗 and 其他（请注明）:民建示例县委 are 民建示例县委. 张三's 市政协 item: 10000 fen.
    rows = [(placeholder, "民盟县委", "市政协"), ("张三", placeholder, "市政协"),
            ("李四", "其他〖民建示例县委〗", "县政协"), ("王五", "其他（请注明）:民建示例县委", "县政协")]
    ledger, report = _read(_form(tmp_path, rows))
    assert ledger.submissions["authors"].tolist()[0] == ()
    assert [i.row for i in _codes(report, "author.placeholder")] == [2]
    assert ledger.submissions["unit"].tolist()[1:] == ["", "民建示例县委", "民建示例县委"]
    # 张三 10000 fen (市政协), 李四 and 王五 3000 each (县政协); the placeholder's item nothing.
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"张三": 10000, "李四": 3000, "王五": 3000}


def test_who_filled_in_an_online_form_is_no_author_beside_the_author_column(tmp_path):
    # 问卷星/金山表单 exports carry 提交者, 填报人姓名, 联系人姓名, 审核人姓名 beside 作者: those people filled
    # in, are the contact, reviewed; they were joined to the authors and paid a share (小刘 66.68, 陈主任 66.66
    # of 张三's and 李四's 市政协 items). Right: 张三 10000 fen, 李四 10000 fen; the four columns read past, said
    # (header.ignored), none taken as the authors.
    head = ["序号", "提交时间", "提交者", "填报人姓名", "联系人姓名", "作者", "所在单位", "信息标题", "采用单位", "审核人姓名"]
    rows = [head, [1, "2025-03-05 14:23:11", "wps_8812", "小刘", "小刘", "张三", "民盟县委", "关于一的建议", "市政协", "陈主任"],
            [2, "2025-03-06 09:00:00", "wps_8812", "小刘", "小刘", "李四", "民盟县委", "关于二的建议", "市政协", "陈主任"]]
    ledger, report = _read(write_xlsx(tmp_path / "问卷星.xlsx", {"Sheet1": rows}))
    assert ledger.submissions["authors"].tolist() == [("张三",), ("李四",)]
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"张三": 10000, "李四": 10000}
    assert sorted(i.column for i in _codes(report, "header.ignored")) == ["C", "D", "E", "J"]
    assert not _codes(report, "header.filler_as_author")


def test_the_form_fillers_name_is_the_author_when_no_column_names_the_authors(tmp_path):
    # A form each author fills in for themself (1、您的姓名, no 作者 column): the filler is the author, said once
    # at the header (header.filler_as_author, C1). 王五's 市政协 item 10000 fen, 赵六's 县政协 item 3000 fen.
    head = ["序号", "提交时间", "1、您的姓名", "2、所在单位", "3、信息标题", "采用单位"]
    rows = [head, [1, "2025-03-05 10:00:00", "王五", "民盟县委", "关于一的建议", "市政协"],
            [2, "2025-03-06 10:00:00", "赵六", "民盟县委", "关于二的建议", "县政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "问卷星.xlsx", {"Sheet1": rows}))
    assert ledger.submissions["authors"].tolist() == [("王五",), ("赵六",)]
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"王五": 10000, "赵六": 3000}
    assert [(i.row, i.column) for i in _codes(report, "header.filler_as_author")] == [(1, "C")]


@pytest.mark.parametrize("head", [["内容", "标题"], ["信息标题", "信息内容"], ["信息正文", "信息标题"], ["信息内容", "题目"]])
def test_the_items_text_beside_its_title_is_read_past_and_the_title_is_the_titles(tmp_path, head):
    # An online form's export carries the item's text beside its title, before or after it. The title is the
    # 标题/题目 column's (was the text's when 内容 came first: a 300-character "title"); the text is read past,
    # said (header.ignored at the text's column). 张三's 市政协 item: 10000 fen.
    body = "近年来，我县农村地区饮水安全问题突出。\n一、基本情况\n" + "据调查，" * 60
    title = "关于加强农村饮水安全的建议"
    cells = {"内容": body, "信息内容": body, "信息正文": body}
    row = [cells.get(h, title) for h in head]
    rows = [["序号", "提交时间", "作者", "所在单位", *head, "采用单位"],
            [1, "2025-03-05 14:23:11", "张三", "民盟县委", *row, "市政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "表单.xlsx", {"Sheet1": rows}))
    assert ledger.submissions["title"].tolist() == [title]
    text_column = "EF"[head.index(next(h for h in head if h in cells))]
    assert [i.column for i in _codes(report, "header.ignored")] == [text_column]
    assert not _codes(report, "title.body_text")
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"张三": 10000}


def test_an_items_text_in_the_only_title_column_is_said(tmp_path):
    # Only 信息内容, holding the whole text (the form asked for it): read as the title (some offices write the
    # title under 信息内容), and said at each such cell (title.body_text, E2 and E3); a plain title (E4) and a
    # title wrapped with Alt+Enter (E5, 40 characters) are not.
    body = "关于加强农村饮水安全的建议\n近年来，我县农村地区……\n" + "据调查，" * 30
    wrapped = "关于进一步加强和改进我县农村地区饮水安全工作\n切实保障群众身体健康的建议"
    rows = [["序号", "提交时间", "作者", "所在单位", "信息内容", "采用单位"],
            [1, "2025-03-05", "张三", "民盟县委", body, "市政协"],
            [2, "2025-03-06", "李四", "民盟县委", "关于" + "规范" * 60 + "的建议", None],
            [3, "2025-03-07", "王五", "民盟县委", "关于规范校外培训的建议", None],
            [4, "2025-03-08", "赵六", "民盟县委", wrapped, None]]
    ledger, report = _read(write_xlsx(tmp_path / "表单.xlsx", {"Sheet1": rows}))
    assert len(wrapped) <= 60 and len(ledger.submissions) == 4
    assert [(i.row, i.column) for i in _codes(report, "title.body_text")] == [(2, "E"), (3, "E")]


def test_an_online_forms_numbered_questions_are_its_headers(tmp_path):
    # 问卷星 heads each column with its question: 1、请填写您的真实姓名 … 3、请填写…信息标题（必填）. Over 16
    # characters, they were no labels: the file was "no ledger" (nothing counted). Right: the question's number,
    # request words and 必填 are not the label: 张三's item, 市政协: 10000 fen; the name question is the
    # respondent's own (no 作者 column), read as the author and said (header.filler_as_author, C1).
    rows = [["序号", "提交答卷时间", "1、请填写您的真实姓名", "2、请选择您所在的单位或界别",
             "3、请填写您要反映的社情民意信息标题（必填）", "Q4. 被哪一级政协采用"],
            [1, "2025-03-05 14:23:11", "张三", "民盟县委", "关于加强农村饮水安全的建议", "市政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "问卷星.xlsx", {"Sheet1": rows}))
    assert ledger.submissions["title"].tolist() == ["关于加强农村饮水安全的建议"]
    assert ledger.submissions["unit"].tolist() == ["民盟县委"]
    assert {k: int(v * 100) for k, v in _paid(ledger).items()} == {"张三": 10000}
    assert [i.column for i in _codes(report, "header.filler_as_author")] == ["C"]


def test_when_a_form_was_sent_not_when_it_was_begun_is_the_items_date(tmp_path):
    # 腾讯问卷: 开始答题时间 3-31 23:50, 结束答题时间 4-01 00:10: the item came on 4-01 (Q2), not 3-31 (was Q1,
    # with 结束答题时间 a "duplicate"). The start and the 答题时长 are read past, said.
    rows = [["编号", "开始答题时间", "结束答题时间", "答题时长", "作者", "所在单位", "信息标题"],
            [1, "2025-03-31 23:50:12", "2025-04-01 00:10:05", "1193秒", "张三", "民盟县委", "关于一的建议"],
            [2, "2025-06-30 23:59:40", "2025-07-01 00:01:02", "82秒", "李四", "民盟县委", "关于二的建议"]]
    ledger, report = _read(write_xlsx(tmp_path / "腾讯问卷.xlsx", {"Sheet1": rows}))
    assert [d.date() for d in ledger.submissions["date"]] == [dt.date(2025, 4, 1), dt.date(2025, 7, 1)]
    assert sorted(i.column for i in _codes(report, "header.ignored")) == ["B", "D"]
    assert not _codes(report, "header.duplicate")


def test_a_units_contact_is_never_the_author(tmp_path):
    # 报送单位 | 联系人姓名 with no 作者 column: the items are the unit's (民盟县委: its 市政协 item 10000 fen),
    # the contact read past and said (header.ignored, D1), never the author (was paid the 10000 fen as 小刘).
    rows = [["序号", "报送日期", "报送单位", "联系人姓名", "信息标题", "采用单位"],
            [1, "2025-03-05", "民盟县委", "小刘", "关于一的建议", "市政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "单位报送.xlsx", {"Sheet1": rows}))
    assert "小刘" not in set(ledger.authors["name"])
    assert [i.column for i in _codes(report, "header.ignored")] == ["D"]
    assert not _codes(report, "header.filler_as_author")
    paid = sq.rewards(ledger, 2025)
    assert {n: int(a * 100) for n, a in zip(paid["name"], paid["amount"])} == {"民盟县委": 10000}


def test_a_forwarding_adopted_where_it_went_and_organs_sharing_a_leaders_post(tmp_path):
    # 报送省政协（采用）, 上报市政协：已采用, 报送省政协，采用第3期: sent there and adopted there — one 上报
    # and one adoption each (the 上报 was lost; 采用第3期 after the forwarding had no body). 市委、市政府
    # 主要领导批示 names two leaders (the 市委's and the 市政府's main leader): two 批示, said as posts
    # only — in the 采用情况 it was an adoption at "市委" besides. A 备注 副市长王某某阅 is a reading, no
    # 批示, and said. By hand: adoptions 省级 (甲), 市级 (乙), 省级 (丙); 上报 省级 2, 市级 1, all three
    # adopted where sent. 批示: 丁 2 (批示 column), 戊 2 (采用情况), 己 0.
    # Money (rules: 市级 ¥100, 省级 ¥200; a 批示 doubles an adoption's, and 丁, 戊 have none): 甲 200, 乙 100,
    # 丙 200. 批示 in all: 4, each 市级.
    cells = [("甲", "报送省政协（采用）", "", ""), ("乙", "上报市政协：已采用", "", ""), ("丙", "报送省政协，采用第3期", "", ""),
             ("丁", "", "市委、市政府主要领导批示", ""), ("戊", "市委、市政府主要领导批示", "", ""), ("己", "", "", "副市长王某某阅")]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "备注"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", who, a, i, n] for k, (who, a, i, n) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    fw = ledger.forwards
    assert sorted(zip(fw["item"], fw["tier"].astype(str))) == [(0, "省级"), (1, "市级"), (2, "省级")]
    assert _adopted(ledger) == [(0, "省级"), (1, "市级"), (2, "省级")]
    assert sorted(ledger.instructions["item"].tolist()) == [3, 3, 4, 4]
    assert sorted(ledger.instructions["leader"].tolist()) == ["市委主要领导", "市委主要领导", "市政府主要领导", "市政府主要领导"]
    s = sq.summary(ledger, 2025)
    assert (s.forwarded, s.forwarded_adopted) == ({"市级": 1, "省级": 2, "全国": 0}, 3)
    assert _fen(ledger) == {"甲": 20000, "乙": 10000, "丙": 20000}
    assert s.instructions == 4 and s.instructions_by_level["市级"] == 4
    assert [(i.row, i.column) for i in _codes(report, "instruction.read_only")] == [(7, "G")]
    assert [(i.row, i.column) for i in _codes(report, "instruction.posts_only")] == [(5, "F"), (6, "E")]
    assert not _codes(report, "mark.unknown")


def test_a_unit_heading_over_a_block_of_items_is_their_unit(tmp_path):
    # No 单位 column: the ledger groups its items under a line per unit (一、民革县委 merged across the row,
    # 民盟县委（共1条） alone in the title column, (三)县教育局 in the 序号 column). Those lines were set
    # aside as comments: every item had no unit, and no unit was counted. By hand: 民革县委 2 items (甲 市级),
    # 民盟县委 1 (丙 省级), 县教育局 1 with its own 单位 written as 民进县委 (the row's own wins); 以下为补报
    # 信息 names no unit. Points (1 an item, 市级 10, 省级 20): 民革县委 12, 民盟县委 21, 民进县委 1.
    rows = [["2025年社情民意信息报送台账"], ["序号", "报送日期", "信息标题", "作者", "采用情况", "单位"],
            ["一、民革县委"], [1, "2025-01-05", "关于甲的建议", "张三", "市政协采用"], [2, "2025-02-05", "关于乙的建议", "李四"],
            [None, None, "民盟县委（共1条）"], [1, "2025-03-05", "关于丙的建议", "王五", "省政协采用"],
            ["(三)县教育局"], [1, "2025-03-06", "关于丁的建议", "赵六", None, "民进县委"], ["小计", None, "4条", None, "2条"]]
    # A heading no item takes (县教育局's one item has its own 单位) is said too, with 0.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": ["A1:F1", "A3:F3"]})
    ledger, report = _read(path, year=2025)
    assert ledger.submissions["unit"].tolist() == ["民革县委", "民革县委", "民盟县委", "民进县委"]
    units = sq.units(ledger, 2025).set_index("unit")
    assert units["submitted"].to_dict() == {"民革县委": 2, "民盟县委": 1, "民进县委": 1}
    assert units["points"].to_dict() == {"民革县委": 12, "民盟县委": 21, "民进县委": 1}
    said = _codes(report, "row.unit_heading")
    assert [(i.row, i.column) for i in said] == [(3, "A"), (6, "C"), (8, "A")] and "2 条" in said[0].message
    assert "0 条" in said[2].message


def test_an_adoption_cell_merged_over_two_items_is_said(tmp_path):
    # 市政协采用 merged over 甲's and 乙's rows: each item records it (as the sheet shows: ¥100 each), and
    # that is said at the merge (it was silent), since it may be one adoption of one of them. A 单位 merged
    # down (one unit for the block) is a unit's usual layout: not said.
    rows = [["序号", "单位", "报送日期", "信息标题", "作者", "采用情况"],
            [1, "民革县委", "2025-01-05", "关于甲的建议", "甲", "市政协采用"], [2, None, "2025-02-05", "关于乙的建议", "乙", None],
            [3, "民盟县委", "2025-03-05", "关于丙的建议", "丙", "省政协采用"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": ["F2:F3", "B2:B3"]})
    ledger, report = _read(path, year=2025)
    assert _fen(ledger) == {"甲": 10000, "乙": 10000, "丙": 20000}
    said = _codes(report, "cell.merged_records")
    assert [(i.row, i.column) for i in said] == [(2, "F")] and "2条" in said[0].message


def test_a_collective_written_as_the_author_is_the_units_item(tmp_path):
    # 集体, 全体委员, 课题组 in the 作者 cell: the unit as a whole, no person. They were persons named 集体,
    # 全体 (委员 read as a role) and a unit 课题组 — paid, ranked, and 集体 a candidate 信息员. By hand
    # (市政协采用 ¥100 = 10000 fen each): 民革县委's three items are its own, 30000 fen to the unit;
    # 集体、张三: 张三 the only author, 10000 fen. Said at each of the four cells.
    cells = [("集体", "民革县委"), ("全体委员", "民革县委"), ("课题组", "民革县委"), ("集体、张三", "民盟县委")]
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, u, "市政协采用"] for k, (a, u) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert sorted(ledger.authors["name"]) == ["张三"]
    assert _fen(ledger) == {"民革县委": 30000, "张三": 10000}
    assert [i.row for i in _codes(report, "author.collective")] == [2, 3, 4, 5]
    assert sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict() == {"民革县委": 3, "民盟县委": 1}


def test_a_row_only_a_named_summary_sheet_holds_is_counted_once_and_said(tmp_path):
    # 1月 and 2月 hold 甲, 乙, 丙; 全年汇总 repeats them and adds 丁 (only there). 3 of its 4 rows repeat:
    # under the 80% share a sheet must repeat to count as a copy, so 丁 was counted unsaid. The sheet is
    # named a summary: 丁 is counted once and said. By hand: 4 items; 甲 市级 (¥100), 丙 省级 (¥200),
    # both 张三's: 30000 fen.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    jan = [header, [1, "2025-01-05", "关于甲的建议", "张三", "民革县委", "市政协采用"], [2, "2025-01-08", "关于乙的建议", "李四", "民盟县委"]]
    feb = [header, [1, "2025-02-05", "关于丙的建议", "张三", "民革县委", "省政协采用"]]
    total = [header, *jan[1:], *feb[1:], [4, "2025-02-09", "关于丁的建议", "王五", "民进县委"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"1月": jan, "2月": feb, "全年汇总": total}), year=2025)
    assert sorted(ledger.submissions["title"]) == sorted(["关于甲的建议", "关于乙的建议", "关于丙的建议", "关于丁的建议"])
    assert _fen(ledger) == {"张三": 30000}
    said = _codes(report, "repeat.unique")
    assert [(i.sheet, i.row) for i in said] == [("全年汇总", 5)]


def test_a_same_name_is_told_apart_by_the_words_written_with_it_first(tmp_path):
    # The roster has two 王芳: 民革县委 (界别 民革) and 城关镇政协工委 (经济界). 王芳(经济界) under 单位 民革县委 —
    # as author.same_name tells staff to write it — went to the 民革 王芳 (the 单位 decided); 王芳（民革）
    # under 城关镇政协工委 went to no one. The words with the name decide first now. By hand (市政协 ¥100
    # each): 王芳(民革) rows 3 and 5: 20000 fen; 王芳(经济界) rows 2 and 4: 20000 fen; row 6's 王芳 (no
    # unit, no words) is told apart by nothing: said, and not "不在名册中" (she is on it twice).
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "界别"], ["王芳", "委员", "民革县委", "民革"], ["王芳", "委员", "城关镇政协工委", "经济界"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["城关镇政协工委", "镇街政协工委"]]})
    cells = [("王芳(经济界)", "民革县委"), ("王芳（民革）", "城关镇政协工委"), ("王芳", "城关镇政协工委"), ("王芳", "民革县委"),
             ("王芳", None)]
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, u, "市政协采用"] for k, (a, u) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    fen = _fen(ledger)
    assert (fen["王芳(民革)"], fen["王芳(经济界)"]) == (20000, 20000)
    assert [i.row for i in _codes(report, "author.same_name")] == [6]
    assert not _codes(report, "roster.unknown_person")


def test_a_surname_with_a_post_only_is_said(tmp_path):
    # 王主席, 李委员, 刘老师: a surname and a post or a form of address, no one's full name — paid as a person
    # named 王主席 with no word. By hand: each is still counted as written (the tool cannot know who), and
    # said at its cell; 张三主委 and 李四老师 are 张三 and 李四 (full names with a post), unsaid.
    cells = ["王主席", "李委员", "刘老师", "张三主委", "李四老师", "欧阳主任"]
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, "民革县委", "市政协采用"] for k, a in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert sorted(ledger.authors["name"]) == sorted(["王主席", "李委员", "刘老师", "张三", "李四", "欧阳"])
    assert [i.row for i in _codes(report, "author.surname_only")] == [2, 3, 4, 7]  # 欧阳主任: 欧阳 alone


def test_a_roster_name_written_with_a_post_or_unit_is_the_person(tmp_path):
    # 名册 姓名 冯一主席, 李四委员, 王五同志, 民进县委 韩七: the people are 冯一, 李四, 王五, 韩七, as a ledger's
    # 作者 cell reads them. They were kept whole: the ledger's 冯一… were "不在名册中", and four phantom 委员
    # owed 2 items each with none sent. By hand (委员: 2 a year): each sent 1 of 2, 50%; no phantom rows.
    names = ["冯一主席", "李四委员", "王五同志", "民进县委 韩七"]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], *[[n, "委员", "民进县委"] for n in names]]})
    rows = [["序号", "报送日期", "信息标题", "作者", "单位"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, "民进县委"] for k, a in enumerate(["冯一", "李四", "王五", "韩七"], 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    people = sq.people(ledger, 2025).set_index("name")
    assert sorted(people.index) == ["冯一", "李四", "王五", "韩七"]
    assert people["submitted"].tolist() == [1, 1, 1, 1] and people["completion"].tolist() == [0.5] * 4
    assert not _codes(report, "roster.unknown_person")
    assert [i.row for i in _codes(report, "roster.name_note")] == [2, 3, 4, 5]


def test_a_sheet_per_party_or_a_titled_sheet_gives_its_items_their_unit(tmp_path):
    # No 单位 column. By hand: sheets 民革 (1 item, 市政协采用) and 民盟 (2 items, one 省政协采用) are a
    # sheet per party: their short names are units (they were taken for kinds of unit, and the items
    # counted for none, without a word). A sheet titled 九三学社县委2025年社情民意信息报送情况 is that
    # unit's (1 item). A sheet whose name, title and file name name no unit: its 1 item counts for
    # none, said once (sheet.no_unit). Each unit taken from a name is said once per sheet.
    header = ["序号", "报送日期", "信息标题", "作者", "采用情况"]
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "2025年各党派社情民意.xlsx", {
        "民革": [header, [1, "2025-03-01", "关于甲的建议", "张三", "市政协采用"]],
        "民盟": [header, [1, "2025-03-02", "关于乙的建议", "李四", None], [2, "2025-04-02", "关于丙的建议", "王五", "省政协采用"]]})
    write_xlsx(folder / "台账甲.xlsx", {"Sheet1": [["九三学社县委2025年社情民意信息报送情况"], header,
                                                 [1, "2025-06-01", "关于丁的建议", "钱七", None]]})
    write_xlsx(folder / "台账乙.xlsx", {"Sheet1": [["2025年社情民意信息报送登记表"], header,
                                                 [1, "2025-06-02", "关于戊的建议", "孙八", None]]})
    ledger = sq.read_ledgers(folder, year=2025)
    units = sq.units(ledger, 2025).set_index("unit")
    assert units["submitted"].to_dict() == {"民革": 1, "民盟": 2, "九三学社县委": 1}
    assert units["adopted_市级"].to_dict() == {"民革": 1, "民盟": 0, "九三学社县委": 0}
    assert units["adopted_省级"].to_dict() == {"民革": 0, "民盟": 1, "九三学社县委": 0}
    found = sq.validate(ledger).issues
    said = sorted((f.sheet, f.message.split("“")[1].split("”")[0]) for f in found if f.code == "sheet.unit_from_name")
    assert said == [("Sheet1", "九三学社县委"), ("民盟", "民盟"), ("民革", "民革")]
    none = [f for f in found if f.code == "sheet.no_unit"]
    assert [(Path(f.file).name, f.sheet) for f in none] == [("台账乙.xlsx", "Sheet1")] and "1 条" in none[0].message


def test_leaders_listed_before_one_instruction_word_are_no_adoption(tmp_path):
    # 市委书记王某某、市长李某某分别批示 in a 采用情况 cell: two 批示 (市级), no adoption. It was read as an
    # adoption by a body 市委书记王某某 (市委 placed at 市级) and paid ¥100 × 2 without a word. By hand
    # (rules: 市级 ¥100, 批示 doubles): 甲 two 批示, nothing adopted: ¥0 (said: instruction.no_adoption);
    # 乙 市政协采用 and two 批示: ¥200; 丙 市政协、市长批示 (a body, then a leader): adopted 市级 and one 批示: ¥200.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "市委书记王某某、市长李某某分别批示"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "市政协采用，市委书记王某某、市长李某某分别作出批示"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "市政协、市长批示"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "l.xlsx", {"S": rows}), year=2025)
    assert ledger.adoptions.groupby("row").size().to_dict() == {3: 1, 4: 1}
    assert ledger.instructions.groupby("row")["leader"].apply(list).to_dict() == {
        2: ["市委书记王某某", "市长李某某"], 3: ["市委书记王某某", "市长李某某"], 4: ["市长"]}
    paid = sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict()
    assert paid == {"李四": 20000, "王五": 20000}
    assert [f.row for f in sq.validate(ledger).issues if f.code == "instruction.no_adoption"][:1] == [2]


def test_a_ledger_of_another_levels_office_read_with_these_rules_is_said(tmp_path):
    # Rules of a county office (示例县政协, 县级); a ledger titled 示例市政协… (a city office that kept the
    # built-in rules): its 本级编发 is placed 县级 and paid ¥30 (10000 would be 市级's), which cannot be
    # right for a city office: said once (office.other_level), naming both. A ledger titled for the
    # office itself, for 县政协, for a unit (民革示例县委) or naming where items went (报送市政协) says nothing.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "a.xlsx", {"S": [["示例市政协2025年社情民意信息报送采用台账"], header,
                                         [1, "2025-03-01", "关于甲的建议", "张三", "民革市委", "本级编发第3期"]]})
    for name, title in (("b", "政协示例县委员会2025年社情民意信息台账"), ("c", "县政协办公室信息报送登记表"),
                        ("d", "民革示例县委2025年社情民意信息"), ("e", "2025年报送市政协社情民意信息登记表")):
        write_xlsx(folder / f"{name}.xlsx", {"S": [[title], header, [1, "2025-03-02", f"关于{name}的建议", "李四", "民盟县委", ""]]})
    ledger = sq.read_ledgers(folder, year=2025)
    said = [f for f in sq.validate(ledger).issues if f.code == "office.other_level"]
    assert [(Path(f.file).name, f.severity) for f in said] == [("a.xlsx", "warning")]
    assert "示例市政协" in said[0].message and "示例县政协" in said[0].message and "市级" in said[0].message


def test_a_mark_before_the_body_it_is_about_is_one_adoption(tmp_path):
    # √（市政协） and 是，市政协 in a 采用情况 cell: one adoption at 市级 (¥100). Read apart, the mark was a
    # second adoption with no body, an error (adoption.no_body) at a cell that is right. 已采用，第6期
    # names no body: that error stands. 市政协采用，编号2025-12: one adoption; the 编号 is no date (it was a
    # second adoption dated 2025-12), said (mark.unknown).
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "√（市政协）"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "是，市政协"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "已采用，第6期"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民进县委", "市政协采用，编号2025-12"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "m.xlsx", {"S": rows}), year=2025)
    assert ledger.adoptions.groupby("row").size().to_dict() == {2: 1, 3: 1, 4: 1, 5: 1}
    assert ledger.adoptions.set_index("row").loc[5, "date"] is pd.NaT
    assert [(f.row, f.column) for f in sq.validate(ledger).issues if f.code == "mark.unknown"] == [(5, "F")]
    assert ledger.adoptions.set_index("row")["tier"].astype(object).where(lambda t: t.notna(), None).to_dict() == {
        2: "市级", 3: "市级", 4: None, 5: "市级"}
    assert [f.row for f in sq.validate(ledger).issues if f.code == "adoption.no_body"] == [4]
    paid = sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict()
    assert paid == {"张三": 10000, "李四": 10000, "赵六": 10000}


def test_a_negative_mark_before_the_body_is_that_body_not_adopting(tmp_path):
    # ×（市政协） was a not-adopted mark with no body beside an adoption by 市政协: adopted, paid ¥100,
    # unsaid. The mark is about the body after it: not adopted, nothing paid, nothing to say. ×市政协采用
    # (and × 市政协采用, whose × was read into the body's name) says both: unknown, said at the cell
    # (mark.unknown), unpaid. 县级√市级× keeps its reading: 县 adopted (¥30), 市 not.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "×（市政协）"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "×市政协采用"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "× 市政协采用"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民进县委", "县级√市级×"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "x.xlsx", {"S": rows}), year=2025)
    assert ledger.adoptions[["row", "tier"]].astype(str).values.tolist() == [["5", "县级"]]
    assert [(f.row, f.column) for f in sq.validate(ledger).issues if f.code == "mark.unknown"] == [(3, "F"), (4, "F")]
    assert sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict() == {"赵六": 3000}


def test_a_quarter_sheet_dates_a_day_without_its_year_by_the_quarter(tmp_path):
    # A workbook of quarter sheets (第一季度, 四季度, 7-9月). 12.30 on 第一季度 was 2025-12-30, in the year's
    # fourth quarter, unsaid; written in the first quarter's sheet it is the December before (2024-12-30),
    # outside 2025, said (date.year_read). 1.5 on 四季度 is 2026-01-05. Days of the quarter, or near it
    # (5.8 on 第一季度), stay in 2025, as does 8.20 on 7-9月.
    header = ["序号", "信息标题", "作者", "单位", "报送时间"]
    write_xlsx(tmp_path / "2025年信息台账.xlsx", {
        "第一季度": [header, [1, "关于甲的建议", "张三", "民革县委", "3.5"], [2, "关于乙的建议", "李四", "民盟县委", "12.30"],
                     [3, "关于丙的建议", "王五", "民建县委", "5.8"]],
        "四季度": [header, [1, "关于丁的建议", "赵六", "民进县委", "1.5"], [2, "关于戊的建议", "钱七", "农工县委", "11.5"]],
        "7-9月": [header, [1, "关于己的建议", "孙八", "九三县委", "8.20"]]})
    ledger = sq.read_ledgers(tmp_path, year=2025)
    got = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.strftime("%Y-%m-%d")))
    assert got == {"关于甲的建议": "2025-03-05", "关于乙的建议": "2024-12-30", "关于丙的建议": "2025-05-08",
                   "关于丁的建议": "2026-01-05", "关于戊的建议": "2025-11-05", "关于己的建议": "2025-08-20"}
    said = sorted((f.sheet, f.row) for f in sq.validate(ledger).issues if f.code == "date.year_read")
    assert said == [("四季度", 2), ("第一季度", 3)]


def test_leaders_in_a_pishi_column_after_the_word_or_before_juyou(tmp_path):
    # In the 领导批示 column: 市长、副市长均有批示 was one 批示 by a "leader" 市长、副市长均有; 批示2次（县委书记、
    # 县长） was two by 批示2次(县委书记 and 县长); 批示2次（县长） was one. By hand: 2 (市长, 副市长), 2
    # (县委书记, 县长), 2 (县长, 县长); 批示（2025.4.10） is one 批示 on that day, its leader unwritten.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "领导批示"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "市长、副市长均有批示"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "批示2次（县委书记、县长）"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "批示2次（县长）"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民进县委", "批示（2025.4.10）"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    rows_of = dict(zip(ledger.submissions["item"], ledger.submissions["row"]))
    got = [(rows_of[i], leader) for i, leader in zip(ledger.instructions["item"], ledger.instructions["leader"])]
    assert got == [(2, "市长"), (2, "副市长"), (3, "县委书记"), (3, "县长"), (4, "县长"), (4, "县长"), (5, "")]
    assert ledger.instructions["date"].iloc[-1] == pd.Timestamp("2025-04-10")


def test_how_a_leader_gave_the_pishi_is_no_part_of_the_leader(tmp_path):
    # 县委书记、县长作出重要批示 was one 批示 by a "leader" 县委书记、县长作出重要; 县长高度重视并作出批示 one by
    # 县长高度重视并; in a 备注, 获县长专门批示 one by 县长专门. By hand: 县委书记 and 县长; 县长; 县长 (with
    # what he said); 县长, from the 备注.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "领导批示", "备注"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "县委书记、县长作出重要批示", None],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "县长高度重视并作出批示", None],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "县长专门批示：请县教育局研究", None],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民进县委", None, "获县长专门批示"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    rows_of = dict(zip(ledger.submissions["item"], ledger.submissions["row"]))
    got = [(rows_of[i], leader) for i, leader in zip(ledger.instructions["item"], ledger.instructions["leader"])]
    assert got == [(2, "县委书记"), (2, "县长"), (3, "县长"), (4, "县长"), (5, "县长")]
    assert ledger.instructions["text"].iloc[3] == "请县教育局研究"


def test_an_adoption_written_in_the_pishi_column_is_no_pishi(tmp_path):
    # 市政协采用 and 已报市政协 under 领导批示 were a 批示 each, by "leaders" 市政协采用 and 已报市政协 at 市级:
    # counted and doubling the reward. By hand: no 批示 there (said, and not read as the adoption
    # either: staff move it); 县长批示 one; 县委书记：已采纳 one (a leader, what he wrote).
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "县政协采用", "市政协采用"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "县政协采用", "已报市政协"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "县政协采用", "县长批示"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民进县委", "县政协采用", "县委书记：已采纳"]]
    ledger, report = _read(write_xlsx(tmp_path / "p.xlsx", {"S": rows}), year=2025)
    rows_of = dict(zip(ledger.submissions["item"], ledger.submissions["row"]))
    assert [(rows_of[i], l) for i, l in zip(ledger.instructions["item"], ledger.instructions["leader"])] == [(4, "县长"), (5, "县委书记")]
    assert [(i.row, i.column) for i in _codes(report, "instruction.is_adoption")] == [(2, "G"), (3, "G")]
    assert ledger.forwards.empty and set(ledger.adoptions["tier"].astype(str)) == {"县级"}
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("30.00"), "王五": Decimal("60.00"), "赵六": Decimal("60.00")}


def test_a_date_cell_with_a_day_per_adoption_dates_each_in_order(tmp_path):
    # 采用情况 市政协采用（第5期）；省政协采用（第3期） beside 采用时间 2025.3.5；2025.4.2: 市 on 5 March, 省 on
    # 2 April (the whole cell was an unreadable date, both adoptions errors and unpaid). One day for two
    # adoptions dates both; three days for two adoptions cannot be paired: an error, as before.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "采用时间"]
    rows = [header, [1, "2025-03-01", "关于甲的建议", "张三", "民革县委", "市政协采用（第5期）；省政协采用（第3期）", "2025.3.5；2025.4.2"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", "市政协采用；省政协采用", "2025.3.20"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "市政协采用；省政协采用", "2025.3.5；2025.4.2；2025.5.1"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "d.xlsx", {"S": rows}), year=2025)
    got = [(r, t, d.strftime("%m-%d") if pd.notna(d) else None)
           for r, t, d in zip(ledger.adoptions["row"], ledger.adoptions["tier"].astype(str), ledger.adoptions["date"])]
    assert got == [(2, "市级", "03-05"), (2, "省级", "04-02"), (3, "市级", "03-20"), (3, "省级", "03-20"),
                   (4, "市级", None), (4, "省级", None)]
    assert {f.row for f in sq.validate(ledger).issues if f.code == "adoption.date_invalid"} == {4}
    assert sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict() == {"张三": 20000, "李四": 20000}


def test_an_issue_cell_listing_several_issues(tmp_path):
    """A 期号 cell naming each issue's level gives each to its adoption; several issues with no
    level (第3、5期), or several in an adoption text, leave the issue unread and say so."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用级别", "采用期数", "采用情况"],
            [1, "2025-03-05", "关于甲的建议", "张三", "省、市", "省第2期、市第8期", None],
            [2, "2025-03-06", "关于乙的建议", "李四", "市政协", "第3、5期", None],
            [3, "2025-03-07", "关于丙的建议", "王五", None, None, "市政协第3期、第5期采用"],
            [4, "2025-03-08", "关于丁的建议", "赵六", "县级", "2025年第3期（总第45期）", None],
            [5, "2025-03-09", "关于戊的建议", "孙七", "省、市", "第2期、第8期", None],
            # 期号 alone: the office's own adoption (said), its 期号 unread (said)
            [6, "2025-03-10", "关于己的建议", "周八", None, "第3、5期", None]]
    ledger, report = _read(write_xlsx(tmp_path / "期号.xlsx", {"登记表": rows}))
    assert _adopted(ledger, "issue_no") == [(0, "省级", 2), (0, "市级", 8), (1, "市级", None), (2, "市级", None),
                                            (3, "县级", 3), (4, "省级", None), (4, "市级", None), (5, "县级", None)]
    assert [(i.row, i.column) for i in _codes(report, "issue.several")] == [(4, "F"), (5, "G"), (7, "F"), (8, "F")]
    assert [i.row for i in _codes(report, "adoption.issue_only")] == [8]
    # The money is the level's, whichever issue carried it.
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("100.00"), "王五": Decimal("100.00"),
                             "赵六": Decimal("30.00"), "孙七": Decimal("200.00"), "周八": Decimal("30.00")}


def test_a_tally_under_the_ledger_headed_by_a_caption_or_plain_labels(tmp_path):
    """A table of counts under the items (采用情况统计 over 采用单位 | 篇数, or 单位 | 报送 | 采用 alone)
    is set aside and said once, not read as items with errors; an item after a caption is still read."""
    head = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]

    def items(sheet):
        return [[TITLE], head,
                [1, "2025-01-05", f"关于{sheet}甲的建议", "张三", "县教育局", "市政协采用"],
                [2, "2025-04-05", f"关于{sheet}乙的建议", "王五", "县教育局", "省政协采用"]]
    sheets = {"一": items("一") + [[], ["采用情况统计"], ["采用单位", "篇数"], ["市政协", 1], ["省政协", 1]],
              "二": items("二") + [[], ["单位", "报送", "采用"], ["县教育局", 2, 2]],
              "三": items("三") + [[], ["二季度统计"], head, [3, "2025-05-05", "关于三丙的建议", "李四", "县教育局", None]]}
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", sheets))
    assert ledger.submissions["title"].tolist() == ["关于一甲的建议", "关于一乙的建议", "关于二甲的建议", "关于二乙的建议",
                                                    "关于三甲的建议", "关于三乙的建议", "关于三丙的建议"]
    said = [(i.sheet, i.row, i.message.split("”")[0].split("“")[-1]) for i in _codes(report, "sheet.appendix")]
    assert said == [("一", 6, "采用情况统计"), ("二", 6, "单位")]
    assert {i.code for i in report.issues if i.severity == "error"} == set()
    assert _paid(ledger) == {"张三": Decimal("300.00"), "王五": Decimal("600.00")}


def test_an_adoption_ledger_told_by_its_title_alone(tmp_path):
    """A 采用台账 with an 作者 column and no 收稿日期, in a file whose name says nothing (台账b.xlsx),
    is told by its title: alone it gives the items dated by their adoption; beside a 报送台账 its
    rows are that ledger's adoptions (its 作者 column the item's, not a new item)."""
    head = ["序号", "信息标题", "作者", "采用刊物", "期号", "采用时间"]
    adopted = [["2025年社情民意信息采用台账"], head,
               [1, "关于甲的建议", "张三", "市政协", "第3期", "2025-03-05"],
               [2, "关于丙的建议", "王五", "省政协", "第2期", "2025-03-06"]]
    alone = tmp_path / "alone"
    alone.mkdir()
    ledger, report = _read(write_xlsx(alone / "台账b.xlsx", {"Sheet1": adopted}))
    assert ledger.submissions["date"].dt.date.tolist() == [dt.date(2025, 3, 5), dt.date(2025, 3, 6)]
    assert not report.errors and len(_codes(report, "sheet.items_from_adoptions")) == 1
    assert _paid(ledger) == {"张三": Decimal("100.00"), "王五": Decimal("200.00")}

    both = tmp_path / "both"
    both.mkdir()
    write_xlsx(both / "台账a.xlsx", {"Sheet1": [["2025年社情民意信息报送台账"], ["序号", "报送日期", "信息标题", "作者"],
                                                [1, "2025-03-01", "关于甲的建议", "张三"],
                                                [2, "2025-03-02", "关于乙的建议", "李四"]]})
    write_xlsx(both / "台账b.xlsx", {"Sheet1": adopted})
    ledger, report = _read(both)
    assert ledger.submissions["title"].tolist() == ["关于甲的建议", "关于乙的建议"]
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3), (-1, "省级", 2)]
    assert [(i.file.endswith("台账b.xlsx"), i.row) for i in _codes(report, "adoption.no_item")] == [(True, 4)]
    assert _paid(ledger) == {"张三": Decimal("100.00")}


def test_a_product_sent_to_leaders_after_its_adoption_is_no_adoption_of_theirs(tmp_path):
    """Where a 政协's product went after it adopted the item (专报市委、市政府主要领导, 呈送市委书记, 以专报形式报
    县委、县政府) is that adoption's route: the 党委 and 政府 leaders did not adopt it, and the 政协's
    adoption stands (it was lost where the text read as a 上报 to the leaders)."""
    texts = ["市政协采用（专报市委、市政府主要领导）", "市政协《社情民意专报》报市委、市政府主要领导", "市政协采用，专报市委书记、市长",
             "县政协编发专报，呈县委、县政府主要领导", "市政协采用并呈送市委书记王某某", "县政协以专报形式报县委、县政府",
             "省政协采用，报省委、省政府主要领导参阅", "县政协采用并报市政协"]
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", t] for k, t in enumerate(texts, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "专报.xlsx", {"登记表": rows}))
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["channel"].astype(str))) == [
        (0, "市级", "政协"), (1, "市级", "政协"), (2, "市级", "政协"), (3, "县级", "政协"), (4, "市级", "政协"),
        (5, "县级", "政协"), (6, "省级", "政协"), (7, "县级", "政协")]
    assert ad.loc[ad["tier"] == "县级", "routing"].tolist() == ["专报", "专报", ""]
    fw = ledger.forwards
    assert list(zip(fw["item"], fw["tier"].astype(str))) == [(7, "市级")]  # to the 市政协: a 上报 as before
    # 参阅: the leaders read it, no 批示 (said, as ever).
    assert [(i.code, i.row) for i in report.issues] == [("instruction.read_only", 9)]
    assert _paid(ledger) == {"作者1号": Decimal("100.00"), "作者2号": Decimal("100.00"), "作者3号": Decimal("100.00"),
                             "作者4号": Decimal("30.00"), "作者5号": Decimal("100.00"), "作者6号": Decimal("30.00"),
                             "作者7号": Decimal("200.00"), "作者8号": Decimal("30.00")}


def test_the_body_an_item_was_merged_with_did_not_adopt_it(tmp_path):
    """与县工商联信息合编 names whose item it was merged with: said, not that body's adoption (it was one,
    in the 统战 channel); 被省政协与全国政协采用 still names two bodies sharing the verb."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "被省政协综合采用（与县工商联信息合编）"],
            [2, "2025-03-02", "关于乙的建议", "李四", "与民革县委信息合并后被市政协采用"],
            [3, "2025-03-03", "关于丙的建议", "王五", "被省政协与全国政协采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "合编.xlsx", {"登记表": rows}))
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["channel"].astype(str))) == [
        (0, "省级", "政协"), (1, "市级", "政协"), (2, "省级", "政协"), (2, "全国", "政协")]
    assert [(i.code, i.row) for i in report.issues] == [("mark.unknown", 3), ("mark.unknown", 4)]
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("100.00"), "王五": Decimal("300.00")}


def test_where_a_leader_instructed_is_not_the_leader_s_name(tmp_path):
    """市委书记王某某在《社情民意专报》第3期上批示: the leader is 市委书记王某某; where the 批示 was written is not
    part of the name the circular prints."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况", "领导批示"],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协采用", "市委书记王某某在《社情民意专报》第3期上批示"],
            [2, "2025-03-02", "关于乙的建议", "李四", "县政协编发", "县长在该信息上作出重要批示"]]
    ledger, report = _read(write_xlsx(tmp_path / "批示.xlsx", {"登记表": rows}))
    ins = ledger.instructions
    assert list(zip(ins["item"], ins["leader"], ins["level"].astype(str))) == [(0, "市委书记王某某", "市级"), (1, "县长", "县级")]
    assert not report.issues
    assert _paid(ledger) == {"张三": Decimal("200.00"), "李四": Decimal("60.00")}


def test_what_an_author_did_written_after_the_name(tmp_path):
    """李四整理, 赵六 提供, 钱七口述，孙八整理, 民革县委（张三整理）: the word says what the person did (a tag),
    it is no part of the name and no person (提供 was paid as an author)."""
    cells = ["李四整理", "赵六 提供", "钱七口述，孙八整理", "民革县委（张三整理）", "王五供稿"]
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", c, "市政协采用"] for k, c in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "作者.xlsx", {"登记表": rows}))
    au = ledger.authors
    assert list(zip(au["item"], au["name"], au["tag"])) == [
        (0, "李四", "整理"), (1, "赵六", "提供"), (2, "钱七", "口述"), (2, "孙八", "整理"), (3, "张三", "整理"), (4, "王五", "供稿")]
    assert ledger.submissions["unit"].tolist() == ["", "", "", "民革县委", ""]
    assert _paid(ledger) == {"李四": Decimal("100.00"), "赵六": Decimal("100.00"), "钱七": Decimal("50.00"),
                             "孙八": Decimal("50.00"), "张三": Decimal("100.00"), "王五": Decimal("100.00")}


def test_a_category_written_with_its_kind_word(tmp_path):
    """经济类, 民生方面, 生态环境领域 are the rules' 经济, 社会 (民生), 生态; 经济、社会 is still said."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "类别"],
            [1, "2025-03-01", "关于甲的建议", "张三", "经济类"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民生方面"],
            [3, "2025-03-03", "关于丙的建议", "王五", "生态环境领域"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "经济、社会"]]
    ledger, report = _read(write_xlsx(tmp_path / "类别.xlsx", {"登记表": rows}))
    assert ledger.submissions["category"].tolist()[:3] == ["经济", "社会", "生态"]
    assert [i.row for i in _codes(report, "category.unknown")] == [6]


def test_a_level_column_headed_采用层次_is_read_with_the_adoption_text(tmp_path):
    """采用层次 beside 被采用情况 is the level column read with it (its issue kept); before, the text
    column was a duplicate, left unread with its 期号."""
    rows = [[TITLE], ["编号", "来稿日期", "稿件标题", "撰稿人", "采用层次", "被采用情况"],
            ["2025-01", "2025-03-01", "关于甲的建议", "张三", "市级", "市政协《社情民意》第3期"],
            ["2025-02", "2025-03-02", "关于乙的建议", "李四", "省级、市级", "省政协第2期；市政协第6期"]]
    ledger, report = _read(write_xlsx(tmp_path / "层次.xlsx", {"登记表": rows}))
    assert _adopted(ledger, "issue_no") == [(0, "市级", 3), (1, "省级", 2), (1, "市级", 6)]
    assert not report.issues


@pytest.mark.parametrize("label", ["采用情况（刊物及期数）", "采用情况(刊物、期号)", "刊物期数"])
def test_an_adoption_column_naming_its_issue_in_a_bracket_is_adoption_text(label):
    """采用情况（刊物及期数） holds 市政协采用 or 市政协《社情民意》第3期: adoption text, not a 期号 column (where
    市政协采用 was an unreadable 期号 and the adoption lost)."""
    import tempfile
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", label],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协采用"],
            [2, "2025-03-02", "关于乙的建议", "李四", "省政协《社情民意》第5期"]]
    ledger, report = _read(write_xlsx(Path(tempfile.mkdtemp()) / "刊物.xlsx", {"登记表": rows}))
    assert _adopted(ledger, "issue_no") == [(0, "市级", None), (1, "省级", 5)]
    assert not report.issues


@pytest.mark.parametrize("note", ["无", "/", "——", "暂无"])
def test_an_empty_note_beside_an_adoption_says_nothing_against_it(tmp_path, note):
    """A 备注 of 无 or / says there is nothing to note, not 未采用; × there still does."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况", "备注"],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协采用", note],
            [2, "2025-03-02", "关于乙的建议", "李四", "市政协采用", "×"]]
    ledger, report = _read(write_xlsx(tmp_path / "备注.xlsx", {"登记表": rows}))
    assert [(i.code, i.row) for i in report.issues] == [("adoption.note_denies", 4)]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("100.00")}


def test_a_month_column_holding_numbers(tmp_path):
    """Under 月份, 4 and 05 are April and May (as 4月 is), said as dates to the month only; 13 is no month."""
    rows = [[TITLE], ["序号", "月份", "信息标题", "作者", "采用情况"],
            [1, "3月", "关于甲的建议", "张三", "市政协采用"],
            [2, 4, "关于乙的建议", "李四", None],
            [3, "05", "关于丙的建议", "王五", None],
            [4, 13, "关于丁的建议", "赵六", None]]
    ledger, report = _read(write_xlsx(tmp_path / "月份.xlsx", {"登记表": rows}))
    assert [d.date() if not pd.isna(d) else None for d in ledger.submissions["date"]] == [
        dt.date(2025, 3, 1), dt.date(2025, 4, 1), dt.date(2025, 5, 1), None]
    assert [i.row for i in _codes(report, "date.month_only")] == [3, 4, 5]
    assert [i.row for i in _codes(report, "date.unparseable")] == [6]


def test_a_bulletin_named_alone_beside_a_forwarding_is_said(tmp_path):
    """采用情况 《社情民意》第3期 on a row whose 上报 went to 市政协: the office's own bulletin by the rules
    (县级, ¥30), or the 市政协's (¥100)? Counted as written, and said; 本级编发 and 县政协《社情民意》 say whose."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "上报单位", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "市政协", "《社情民意》第3期"],
            [2, "2025-03-02", "关于乙的建议", "李四", "市政协", "本级编发第4期"],
            [3, "2025-03-03", "关于丙的建议", "王五", "市政协", "县政协《社情民意》第5期"],
            [4, "2025-03-04", "关于丁的建议", "赵六", None, "《社情民意》第6期"]]
    ledger, report = _read(write_xlsx(tmp_path / "上报.xlsx", {"登记表": rows}))
    assert _adopted(ledger, "issue_no") == [(0, "县级", 3), (1, "县级", 4), (2, "县级", 5), (3, "县级", 6)]
    said = _codes(report, "adoption.own_beside_forward")
    assert [(i.row, i.column) for i in said] == [(3, "F")] and "市政协" in said[0].message
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("30.00"), "王五": Decimal("30.00"), "赵六": Decimal("30.00")}


def test_a_unit_and_post_in_brackets_after_the_name(tmp_path):
    """张三（县教育局副局长） is of 县教育局 with the post 副局长, as 县教育局副局长张三 is: with no 单位
    column the item is 县教育局's (said: author.unit_in_brackets, author.with_unit); before, the post and unit were one tag and
    the item no unit's."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三（县教育局副局长）", "市政协采用"],
            [2, "2025-03-02", "关于乙的建议", "县教育局副局长李四", "市政协采用"],
            [3, "2025-03-03", "关于丙的建议", "王五（城关镇政协工委主任）", None],
            [4, "2025-03-04", "关于丁的建议", "赵六（县政协委员）", None]]
    ledger, report = _read(write_xlsx(tmp_path / "职务.xlsx", {"登记表": rows}))
    assert ledger.submissions["unit"].tolist() == ["县教育局", "县教育局", "城关镇政协工委", ""]
    assert list(zip(ledger.authors["name"], ledger.authors["tag"])) == [
        ("张三", "副局长"), ("李四", "副局长"), ("王五", "主任"), ("赵六", "县政协委员")]
    # 张三（县教育局副局长）, 王五（城关镇政协工委主任）: the name, then their post at their unit, plainly (an info);
    # 县教育局副局长李四, the unit first, stays a warning (the unit's item, or his?).
    assert [i.row for i in _codes(report, "author.unit_in_brackets")] == [3, 5]
    assert [i.row for i in _codes(report, "author.with_unit")] == [4]
    units = sq.units(ledger, sq.Period.of(2025))
    assert dict(zip(units["unit"], units["submitted"])) == {"县教育局": 2, "城关镇政协工委": 1}


def test_the_身份_column_gives_its_author_a_role(tmp_path):
    """A 身份 column (信息员, 县政协委员) is the role of the row's one author, so the quota runs without a
    roster (it was read and not used: no quota); on a row of several authors whose it is is said; a role
    tagged beside the name stays the author's."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "身份", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "信息员", None],
            [2, "2025-03-02", "关于乙的建议", "李四", "县政协委员", None],
            [3, "2025-03-03", "关于丙的建议", "王五、赵六", "委员", None],
            [4, "2025-03-04", "关于丁的建议", "钱七（特邀信息员）", "特邀信息员", None]]
    ledger, report = _read(write_xlsx(tmp_path / "身份.xlsx", {"登记表": rows}))
    assert list(zip(ledger.authors["name"], ledger.authors["role"].fillna(""))) == [
        ("张三", "信息员"), ("李四", "委员"), ("王五", ""), ("赵六", ""), ("钱七", "特邀信息员")]
    assert [(i.code, i.row) for i in report.issues] == [("role.whose", 5)]
    p = sq.people(ledger, sq.Period.of(2025, quarter=1)).set_index("name")
    # 信息员 1 a month: 3 in the quarter; 委员 2 a year.
    assert (p.loc["张三", "quota"], p.loc["李四", "quota"], p.loc["钱七", "quota"]) == (3, 2, 3)
    assert pd.isna(p.loc["王五", "quota"])


def test_an_adoption_dated_to_the_month_of_its_item_is_not_before_it(tmp_path):
    """采用时间 2025年3月 (or 3月中旬) for an item received 3月15日 may be any day of it: not before the item.
    It was adoption.before_item, an error, and the adoption left out (¥100 lost); 3月上旬, 2025年2月 and
    3月14日 still are."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况", "采用时间", "领导批示", "批示时间"],
            [1, "2025-03-15", "关于甲的建议", "张三", "市政协采用", "2025年3月", "副市长刘某", "2025年3月"],
            [2, "2025-03-15", "关于乙的建议", "李四", "市政协采用", "3月上旬", None, None],
            [3, "2025-03-15", "关于丙的建议", "王五", "市政协采用", "3月中旬", None, None],
            [4, "2025-03-15", "关于丁的建议", "赵六", "市政协采用", "2025年2月", None, None],
            [5, "2025-03-15", "关于戊的建议", "钱七", "市政协采用", "2025-03-14", None, None]]
    ledger, report = _read(write_xlsx(tmp_path / "月.xlsx", {"登记表": rows}))
    assert [i.row for i in _codes(report, "adoption.before_item")] == [4, 6, 7]
    assert not _codes(report, "instruction.before_item")
    assert _paid(ledger) == {"张三": Decimal("200.00"), "王五": Decimal("100.00")}


@pytest.mark.parametrize("order", ["flag first", "body first"])
def test_a_forwarding_flag_beside_the_body_it_went_to(tmp_path, order):
    """是否上报 | 上报单位: the body's column is the 上报, the flag read where the body is blank (是: the next
    level up, said). Before, the second column was a duplicate, all its cells unread (every 上报 lost).
    否 beside 市政协: the body's cell is the record, and the flag that denies it is said (it was silent)."""
    cells = [("是", "市政协"), ("是", None), ("否", None), (None, "省政协"), ("否", "市政协")]
    flip = (lambda a, b: [a, b]) if order == "flag first" else (lambda a, b: [b, a])
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", *flip("是否上报", "上报单位")]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", *flip(f, b)] for k, (f, b) in enumerate(cells, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "上报.xlsx", {"登记表": rows}))
    fw = ledger.forwards
    assert list(zip(fw["item"], fw["tier"].astype(str))) == [(0, "市级"), (1, "市级"), (3, "省级"), (4, "市级")]
    flag_column = "E" if order == "flag first" else "F"
    assert [(i.code, i.row, i.column) for i in report.issues] == [
        ("forward.default_level", 4, flag_column), ("forward.flag_conflict", 7, flag_column)]


def test_a_note_naming_no_leader_beside_the_row_s_instruction_is_that_instruction(tmp_path):
    """备注 已批示 or 批示日期2025.5.6 beside 批示领导 市长陈某 is his 批示 again (its day given), not a second
    one by nobody. Before, each row had two 批示 (the second with no level, counted in the 批示件数)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示领导", "批示内容", "备注"],
            [1, "2025-03-02", "关于甲的建议", "张三", "市政协采用", "市长陈某", "请住建局办理", "5月6日批示"],
            [2, "2025-03-02", "关于乙的建议", "李四", "市政协采用", "市长陈某", "请住建局办理", "批示日期2025.5.7"],
            [3, "2025-03-02", "关于丙的建议", "王五", "市政协采用", "市长陈某", None, "已批示"],
            [4, "2025-03-02", "关于丁的建议", "赵六", "市政协采用", None, None, "市长陈某批示，批示时间：2025年5月9日"],
            [5, "2025-03-02", "关于戊的建议", "钱七", "市政协采用", None, None, "已批示"]]
    ledger, report = _read(write_xlsx(tmp_path / "备注.xlsx", {"登记表": rows}))
    instr = ledger.instructions
    assert list(zip(instr["item"], instr["leader"].fillna(""), instr["date"].dt.strftime("%m-%d").fillna(""))) == [
        (0, "市长陈某", "05-06"), (1, "市长陈某", "05-07"), (2, "市长陈某", ""), (3, "市长陈某", "05-09"), (4, "", "")]
    # 钱七's 已批示 stands alone: a 批示 by someone unnamed, said where it is written.
    assert [(i.code, i.row) for i in report.issues if i.code.startswith("instruction.")] == [
        ("instruction.in_note", 6), ("instruction.in_note", 7), ("instruction.unknown_level", 7)]
    # 市级 adoption 100, doubled by a 批示 (rules instruction_multiplier 2), whoever gave it.
    assert _paid(ledger) == {n: Decimal("200.00") for n in ("张三", "李四", "王五", "赵六", "钱七")}
    assert sq.summary(ledger, sq.Period.of(2025)).to_dict()["instructions"] == 5  # one each, not 9


def test_selected_and_sent_up_is_a_forwarding(tmp_path):
    """选送全国政协, 推送省政协, 呈送市政协 (rules 2025.6 marks.forwarded) say where the office sent an item, not
    who adopted it. Before, each was that body's adoption (¥300, ¥200, ¥100 paid for nothing adopted)."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "选送全国政协"],
            [2, "2025-03-02", "关于乙的建议", "李四", "推送省政协"],
            [3, "2025-03-03", "关于丙的建议", "王五", "已呈送市政协"],
            [4, "2025-03-04", "关于丁的建议", "赵六", "市政协采用，选送省政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "选送.xlsx", {"登记表": rows}))
    fw = ledger.forwards
    assert list(zip(fw["item"], fw["tier"].astype(str))) == [(0, "全国"), (1, "省级"), (2, "市级"), (3, "省级")]
    assert list(zip(ledger.adoptions["item"], ledger.adoptions["tier"].astype(str))) == [(3, "市级")]
    assert _paid(ledger) == {"赵六": Decimal("100.00")}


def test_co_authors_on_lines_of_their_own_under_a_merged_title(tmp_path):
    """序号, 日期, 标题 and 采用情况 merged down over three lines, an author (and unit) on each: one item by
    three authors. Before, three items (报送 3) each paid the adoption's ¥100 (¥300 for one adoption)."""
    rows = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
            [1, "2025-01-05", "关于农村饮水安全的建议", "张三", "县水利局", "市政协采用", "合作"],
            [None, None, None, "李四", "县卫健局", None, None],
            [None, None, None, "王五", "县水利局", None, None],
            [2, "2025-02-05", "关于秸秆禁烧的建议", "赵六", "县农业农村局", "县政协采用", None]]
    merges = ["A3:A5", "B3:B5", "C3:C5", "F3:F5", "G3:G5"]
    path = write_xlsx(tmp_path / "合作.xlsx", {"登记表": rows}, {"登记表": merges})
    ledger, report = assert_every_cell_accounted(path)
    subs = ledger.submissions
    assert list(zip(subs["title"], subs["authors"], subs["note"])) == [
        ("关于农村饮水安全的建议", ("张三", "李四", "王五"), "合作"), ("关于秸秆禁烧的建议", ("赵六",), "")]
    assert list(ledger.adoptions["item"]) == [0, 1]
    said = [(i.code, i.row, i.column) for i in report.issues]
    assert said == [("row.coauthor_line", 4, "D"), ("row.coauthor_line", 5, "D")]
    assert "县卫健局" in report.issues[0].message and "县卫健局" not in report.issues[1].message
    # 市级 ¥100 split three ways in whole fen, the remainder to the first author: 3334, 3333, 3333; 县级 ¥30.
    assert _paid(ledger) == {"张三": Decimal("33.34"), "李四": Decimal("33.33"), "王五": Decimal("33.33"),
                             "赵六": Decimal("30.00")}
    assert sq.summary(ledger, sq.Period.of(2025)).to_dict()["submitted"] == 2


def test_a_role_among_the_posts_in_a_bracket_or_a_role_cell(tmp_path):
    """钱十（县政协常委、县教育局局长）: a 委员 (rules: 常委 are 委员) of 县教育局; before, no role (no quota
    judged). 钱八（县政协委员、副主委）: 副主委 is a post, not a unit (was said as the item's unit). A 身份 cell
    县政协委员、民盟县委副主委 is a 委员 (was role.unknown)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "身份"],
            [1, "2025-03-02", "关于甲的建议", "钱十（县政协常委、县教育局局长）", "县教育局", None],
            [2, "2025-03-02", "关于乙的建议", "钱八（县政协委员、副主委）", "民盟县委", None],
            [3, "2025-03-02", "关于丙的建议", "周一", "民盟县委", "县政协委员、民盟县委副主委"]]
    ledger, report = _read(write_xlsx(tmp_path / "身份.xlsx", {"登记表": rows}))
    assert list(zip(ledger.authors["name"], ledger.authors["role"])) == [("钱十", "委员"), ("钱八", "委员"), ("周一", "委员")]
    assert [(i.code, i.row) for i in report.issues] == [("author.unit_in_brackets", 3)]
    assert "县教育局" in report.issues[0].message
    people = sq.people(ledger, sq.Period.of(2025)).set_index("name")
    assert list(people.loc[["钱十", "钱八", "周一"], "quota"]) == [2, 2, 2]  # 委员: 2 a year


def test_adopted_columns_under_a_forwarding_group_and_a_bulletin_s_own_date(tmp_path):
    """上报情况 over 省政协采用 | 全国政协采用: a √ there went up and was adopted by that body (was a 上报 only:
    张三 paid 市级 ¥100 × 2 for his 批示 instead of 省级 ¥200 × 2). 编发日期 under 市政协《社情民意》 dates that
    bulletin's adoption, not the 省政协's (was every adoption of the row's)."""
    rows = [["XX市政协2025年社情民意信息工作台账"],
            ["序号", "来稿日期", "信息名称", "撰稿人", "所在单位或党派", "市政协《社情民意》", None, "上报情况", None, "领导批示情况", "备注"],
            [None, None, None, None, None, "期号", "编发日期", "省政协采用", "全国政协采用", None, None],
            [1, "2025.1.3", "关于加强冬季供暖保障的建议", "张三", "民革市委", "第1期", "2025.1.10", "√", "", "市长王某某：请市住建局阅研", ""],
            [2, "2025.1.8", "关于推进垃圾分类的建议", "李四、王五", "民建市委", "", "", "", "", "", "未编发"],
            [3, "2025.2.14", "关于完善社区养老服务的建议", "赵六", "九三学社市委", "第3期", "2025.2.20", "", "√（第12期）", "", "全国政协综合采用"],
            [4, "2025.4.20", "关于加强校园周边安全的建议", "孙八", "民进市委", "第6期", "4.28", "已上报", "", "", ""]]
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:I2", "J2:J3", "K2:K3"]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "市.xlsx", {"台账": rows}, {"台账": merges}))
    adopted = ledger.adoptions
    assert list(zip(adopted["item"], adopted["tier"].astype(str), adopted["date"].dt.strftime("%m-%d").fillna(""))) == [
        (0, "市级", "01-10"), (0, "省级", ""), (2, "市级", "02-20"), (2, "全国", ""), (3, "市级", "04-28")]
    assert list(zip(ledger.forwards["item"], ledger.forwards["tier"].astype(str))) == [(0, "省级"), (2, "全国"), (3, "省级")]
    # 张三 省级 200 × 2 (批示); 赵六 全国 300; 孙八 市级 100 (已上报 is no adoption).
    assert _paid(ledger) == {"张三": Decimal("400.00"), "赵六": Decimal("300.00"), "孙八": Decimal("100.00")}
    assert not report.issues


def test_units_on_two_lines_of_a_cell_are_several_units(tmp_path):
    """民盟县委 and 县工商联 on two lines of one 单位 cell (or a space apart) are two units: the first counted,
    said (unit.several), as 民盟县委、县工商联 is. Before, a unit named “民盟县委 县工商联” was counted and
    ranked unsaid. A stray space in one name (民盟 县委, 城关镇 政协工委) stays one unit."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委\n县工商联"],
            [2, "2025-03-03", "关于乙的建议", "王五", "民盟县委 县工商联"],
            [3, "2025-03-04", "关于丙的建议", "赵六", "民盟 县委"],
            [4, "2025-03-05", "关于丁的建议", "钱七", "城关镇 政协工委"]]
    ledger, report = _read(write_xlsx(tmp_path / "单位.xlsx", {"登记表": rows}))
    assert [(i.code, i.row) for i in report.issues if i.code.startswith("unit.")] == [
        ("unit.several", 3), ("unit.several", 4), ("unit.variant", 5)]  # 民盟 县委 beside 民盟县委: one unit? said
    counted = sq.units(ledger, sq.Period.of(2025)).set_index("unit")["submitted"].to_dict()
    assert counted["民盟县委"] == 2 and not any("县工商联" in u for u in counted)


def test_cells_of_nothing_but_spaces_are_blank(tmp_path):
    """A row of full-width spaces and no-break spaces (typed to align a printed ledger) is a blank row; a
    cell of them under 采用情况 says nothing. Before, the row was an item with no title, date or author:
    three errors about a row that shows nothing."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", "市政协采用"],
            [None, "\u3000", "\xa0", " ", "\u3000\u3000", None],
            [2, "2025-03-03", "关于乙的建议", "\u3000王五\u3000", "\xa0民盟县委", "\u3000"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "空格.xlsx", {"登记表": rows}))
    assert list(ledger.submissions["author_text"]) == ["张三", "王五"] and not report.issues
    assert _paid(ledger) == {"张三": Decimal("100.00")}


@pytest.mark.parametrize("written", ["2025-3", "2025.3", "（2025）3", "〔2025〕3"])
def test_an_issue_number_written_after_its_year(tmp_path, written):
    # 期号 2025-3 is that year's issue 3 (was issue.unknown, the 期号 unread); 增刊1 stays unknown, said.
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用单位", "期号"],
            [1, "2025-03-02", "关于甲的建议", "张三", "市政协", written],
            [2, "2025-03-03", "关于乙的建议", "李四", "市政协", "增刊1"]]
    ledger, report = _read(write_xlsx(tmp_path / "期号.xlsx", {"登记表": rows}))
    assert list(ledger.adoptions["issue_no"].astype("object").fillna(0)) == [3, 0]
    assert [(i.code, i.row) for i in report.issues] == [("issue.unknown", 4)]


def test_units_written_with_names_where_the_column_asks_for_them(tmp_path):
    """作者及单位: 张三 民盟县委 is as the column asks — the unit read (民盟县委, counted), not said on every row
    (author.with_unit is for a 作者 column). Two units in one cell are still said (unit.several)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者及单位", "采用情况"],
            [1, "2025-03-02", "关于甲的建议", "张三 民盟县委", "市政协采用"],
            [2, "2025-03-03", "关于乙的建议", "县工商联：王五", None],
            [3, "2025-03-04", "关于丙的建议", "张三（民盟县委）、李四（县工商联）", None]]
    ledger, report = _read(write_xlsx(tmp_path / "作者及单位.xlsx", {"登记表": rows}))
    assert list(ledger.submissions["unit"]) == ["民盟县委", "县工商联", "民盟县委"]
    assert [(i.code, i.row) for i in report.issues] == [("unit.several", 5)]
    rows[1][3] = "作者"  # a 作者 column: a unit there is said
    ledger, report = _read(write_xlsx(tmp_path / "作者.xlsx", {"登记表": rows}))
    assert [i.row for i in _codes(report, "author.with_unit")] == [3, 4, 5]


def test_a_unit_then_a_name_then_a_post(tmp_path):
    """县政协李明主席 is 李明 of 县政协; 县教育局王局长 is 王局长 of 县教育局, a surname and a post (said). Before, the
    authors were “县政协李明” and “县教育局王”, the first counted as a unit's item: paid to no one."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-02", "关于甲的建议", "县政协李明主席", "市政协采用"],
            [2, "2025-03-03", "关于乙的建议", "县教育局王局长", "市政协采用"],
            [3, "2025-03-04", "关于丙的建议", "民盟县委张三委员", None]]
    ledger, report = _read(write_xlsx(tmp_path / "职务.xlsx", {"登记表": rows}))
    assert list(zip(ledger.authors["name"], ledger.authors["is_unit"], ledger.authors["role"].fillna(""))) == [
        ("李明", False, ""), ("王局长", False, ""), ("张三", False, "委员")]
    assert list(ledger.submissions["unit"]) == ["县政协", "县教育局", "民盟县委"]
    assert [(i.code, i.row) for i in report.issues if i.code != "author.with_unit"] == [("author.surname_only", 4)]
    assert _paid(ledger) == {"李明": Decimal("100.00"), "王局长": Decimal("100.00")}


def test_a_duban_sheet_names_its_items_by_their_title(tmp_path):
    """A 督办台账 whose title column is 批示件标题 (or 督办件名称): the sheet is read, its rows the 批示 of the
    报送台账's items. Before, 批示件标题 was a 批示 column, the sheet had no title and was not read at all
    (sheet.unrecognised): every 批示 and its 督办 lost."""
    sub = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "单位"],
           [1, "2025-01-05", "关于农村饮水安全的建议", "张三", "县水利局"],
           [2, "2025-02-05", "关于秸秆禁烧的建议", "王五", "县农业农村局"]]
    duban = [["2025年领导批示件督办台账"],
             ["序号", "批示件标题", "批示领导", "批示时间", "交办单位", "交办时间", "办理时限", "办理结果", "办结时间"],
             [1, "关于农村饮水安全的建议", "县委书记李某", "2025.1.20", "县水利局", "2025.1.22", "2025.2.28", "已办结", "2025.2.20"],
             [2, "关于秸秆禁烧的建议", "副县长王某", "2025.2.18", "县农业农村局", "2025.2.19", "30天", None, None]]
    ledger, report = _read(write_xlsx(tmp_path / "督办.xlsx", {"报送": sub, "督办": duban}))
    assert not _codes(report, "sheet.unrecognised")
    instr = ledger.instructions
    assert list(zip(instr["item"], instr["leader"], instr["level"])) == [(0, "县委书记李某", "县级"), (1, "副县长王某", "县级")]
    table = sq.instructions(ledger, sq.Period.of(2025), today=dt.date(2025, 6, 30)).set_index("title")
    # By hand: 王五's 批示 was 交办 2月19日 with 30 days: due 3月21日, no 办复 by 6月30日 — overdue.
    assert table.at["关于秸秆禁烧的建议", "due"] == pd.Timestamp("2025-03-21") and table.at["关于秸秆禁烧的建议", "overdue"]
    assert table.at["关于农村饮水安全的建议", "status"] == "已办结" and not table.at["关于农村饮水安全的建议", "overdue"]


def test_a_done_or_not_column_beside_the_follow_up(tmp_path):
    """是否办结 | 办理情况: 是 is 已办结, 否 未办结, read with the 办理情况 text. Before, 是否办结 was an 是否采用 flag:
    是 an adoption with no body (adoption.no_body, an error), 否 nothing, and the 批示 undone or unsaid."""
    sub = [[TITLE], ["序号", "报送日期", "信息标题", "作者", "单位"],
           [1, "2025-01-05", "关于农村饮水安全的建议", "张三", "县水利局"],
           [2, "2025-02-05", "关于秸秆禁烧的建议", "王五", "县农业农村局"]]
    done = [["2025年批示件办理情况一览表"],
            ["序号", "信息题目", "批示领导及职务", "领导批示意见", "批示日期", "承办单位", "是否办结", "办理情况"],
            [1, "关于农村饮水安全的建议", "李某（县委书记）", "请水利局抓紧落实", "2025.1.20", "县水利局", "是", "已完成改造"],
            [2, "关于秸秆禁烧的建议", "王某（副县长）", "请农业农村局研究", "2025.2.18", "县农业农村局", "否", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "办理.xlsx", {"报送": sub, "批示办理": done}))
    assert not _codes(report, "adoption.no_body") and ledger.adoptions.empty
    table = sq.instructions(ledger, sq.Period.of(2025), today=dt.date(2025, 12, 31)).set_index("title")
    assert table["status"].to_dict() == {"关于农村饮水安全的建议": "已办结", "关于秸秆禁烧的建议": "办理中"}
    # 批示 2月18日 + the rules' 30 days: due 3月20日, not done by the year's end.
    assert bool(table.at["关于秸秆禁烧的建议", "overdue"]) and not _codes(report, "instruction.follow_up_unknown")


@pytest.mark.parametrize("sheet, month", [("2025.01", 1), ("2025-3", 3), ("202504", 4), ("2025_11", 11)])
def test_a_month_sheet_named_by_year_and_month_in_digits(tmp_path, sheet, month):
    # A sheet named 2025.01 or 202504 is that month's, as 1月 is: its items dated by it (said once). Before,
    # with no date column, every item was date.missing, an error, and left out of every figure.
    rows = [["序号", "信息标题", "作者", "市政协"], [1, "关于甲的建议", "张三", "√"], [2, "关于乙的建议", "李四", None]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {sheet: rows}))
    assert set(ledger.submissions["date"]) == {pd.Timestamp(2025, month, 1)}
    assert [i.code for i in report.issues] == ["sheet.dated_by_name"]
    assert _paid(ledger) == {"张三": Decimal(100)}


def test_an_adoption_written_in_the_instruction_column_beside_the_instruction(tmp_path):
    """领导批示情况 省政协采用，省长批示: one 批示 (省长), the adoption's clause said at the cell. Before, 省政协采用
    was a leader too: 中办、国办采用，国家领导人批示 gave three 批示 (by 中办, 国办采用, 国家领导人). By hand: three
    items, three 批示 — 国家级 1, 省级 1, 市级 1; the 采用情况 column's 市政协 is each item's one adoption."""
    head = ["序号", "报送日期", "信息名称", "报送人", "单位", "采用情况", "领导批示情况"]
    rows = [["2025年社情民意信息台账"], head,
            [1, "2025.6.1", "关于Z1的建议", "作者一", "县统计局", "市政协采用", "中办、国办采用，国家领导人批示"],
            [2, "2025.6.2", "关于Z2的建议", "作者二", "县统计局", "市政协采用", "省政协采用，省长批示"],
            [3, "2025.6.3", "关于Z3的建议", "作者三", "县统计局", "市政协采用", "被市委办采用，市委书记李某批示"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": rows}))
    assert sorted(zip(ledger.instructions["leader"], ledger.instructions["level"])) == [
        ("国家领导人", "国家级"), ("市委书记李某", "市级"), ("省长", "省级")]
    said = {(i.row, i.column): i.message for i in report.issues if i.code == "instruction.is_adoption"}
    assert sorted(said) == [(3, "G"), (4, "G"), (5, "G")]
    assert "“中办、国办采用”" in said[3, "G"] and "“省政协采用”" in said[4, "G"] and "“被市委办采用”" in said[5, "G"]
    assert list(ledger.adoptions["tier"]) == ["市级"] * 3


def test_read_only_in_the_instruction_content_beside_a_leader_is_no_instruction(tmp_path):
    """批示领导 县委书记 | 批示内容 已阅: the leader read the item, gave no 批示 (rules read_words), said at the
    content's cell, as 县委书记已阅 in one cell is. Before, each was a 县级 批示, paid double. By hand: one
    批示 of four rows (已阅，请交通局研究 says what to do)."""
    head = ["序号", "报送日期", "信息名称", "报送人", "单位", "采用情况", "批示领导", "批示内容"]
    rows = [["2025年社情民意信息台账"], head,
            [1, "2025.4.1", "关于X的建议", "甲一", "县交通局", "市政协采用", "县委书记", "已阅"],
            [2, "2025.4.3", "关于Z的建议", "丙三", "县交通局", "市政协采用", None, "县委书记已阅"],
            [3, "2025.4.4", "关于W的建议", "丁四", "县交通局", "市政协采用", "县长", "阅"],
            [4, "2025.4.5", "关于V的建议", "戊五", "县交通局", "市政协采用", "县长", "已阅，请交通局研究"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.instructions["item"].map(ledger.submissions.set_index("item")["title"])) == ["关于V的建议"]
    assert sorted(i.row for i in report.issues if i.code == "instruction.read_only") == [3, 4, 5]
    # 市级 100 each; the one 批示 doubles 戊五's (rules instruction_multiplier 2).
    assert _paid(ledger) == {"甲一": Decimal(100), "丙三": Decimal(100), "丁四": Decimal(100), "戊五": Decimal(200)}


def test_adopted_not_yet_printed_and_not_adopted_again(tmp_path):
    """市政协采用（未刊发）: adopted by the 市政协, not printed yet — an adoption (it was none, unsaid, the whole
    cell a refusal by its 未刊发). 省政协未再采用: not adopted (it was a 省级 adoption by a body 省政协未再采用).
    By hand: 市级 for the first three items, nothing for the fourth; 市级 pays 100 each."""
    head = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [["2025年社情民意信息台账"], head,
            [1, "2025.8.1", "关于R1的建议", "作者一", "县交通局", "市政协采用（未刊发）"],
            [2, "2025.8.2", "关于R2的建议", "作者二", "县交通局", "市政协已采用未编发"],
            [3, "2025.8.3", "关于R3的建议", "作者三", "县交通局", "市政协采用后，省政协未再采用"],
            [4, "2025.8.4", "关于R4的建议", "作者四", "县交通局", "市政协未再采用"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": rows}))
    titles = ledger.adoptions["item"].map(ledger.submissions.set_index("item")["title"])
    assert sorted(zip(titles, ledger.adoptions["tier"])) == [("关于R1的建议", "市级"), ("关于R2的建议", "市级"),
                                                             ("关于R3的建议", "市级")]
    assert _paid(ledger) == {"作者一": Decimal(100), "作者二": Decimal(100), "作者三": Decimal(100)}


def test_a_role_with_its_body_spaced_from_the_name(tmp_path):
    """县政协委员 刘某某 is 县政协委员刘某某 with a space: 刘某某, a 委员 (counted against the 委员's quota). Before,
    县政协 was read off as the item's unit (author.with_unit, though the unit stayed 县农业农村局) and the role
    was lost: 刘某某 counted as no one's role. The same after the name (张三 县政协委员)."""
    head = ["序号", "报送日期", "信息标题", "报送人", "单位", "采用情况"]
    rows = [["2025年社情民意信息台账"], head,
            [1, "2025.11.11", "关于U11的建议", "县政协委员 刘某某", "县农业农村局", "县政协采用"],
            [2, "2025.11.12", "关于U12的建议", "张三 县政协委员", "县教育局", None],
            [3, "2025.11.13", "关于U13的建议", "市政协特邀信息员 孙某", "县教育局", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": rows}))
    assert list(zip(ledger.authors["name"], ledger.authors["role"])) == [("刘某某", "委员"), ("张三", "委员"), ("孙某", "特邀信息员")]
    assert list(ledger.submissions["unit"]) == ["县农业农村局", "县教育局", "县教育局"]
    assert not _codes(report, "author.with_unit")


def test_units_with_and_without_the_offices_place_name_are_said_as_one(tmp_path):
    """An office whose rules still name the shipped 示例县 writes 填报单位：青石县政协办公室: 青石县教育局 and 县教育局,
    民盟青石县委 and 民盟县委 are two ways of writing one unit — counted apart (no roster), and said. Before,
    nothing was said of them: two units each in every figure, without a word."""
    head = ["序号", "报送日期", "信息名称", "报送人", "单位", "采用情况"]
    units = ["县教育局", "青石县教育局", "民盟县委", "民盟青石县委", "县人民医院"]
    rows = [["填报单位：青石县政协办公室"], head] + [[k, f"2025.5.{k}", f"关于Y{k}的建议", f"作者{k}", u, "县政协采用"]
                                                 for k, u in enumerate(units, 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "单位写法.xlsx", {"2025": rows}))
    said = sorted((i.row, i.message) for i in report.issues if i.code == "unit.variant")
    assert [r for r, _ in said] == [4, 6]
    assert "“青石县教育局”与“县教育局”" in said[0][1] and "“民盟青石县委”与“民盟县委”" in said[1][1]


@pytest.mark.parametrize("cell, tiers", [("县市采用", ["县级", "市级"]), ("省市采用", ["市级", "省级"]),
                                         ("县市省采用", ["县级", "市级", "省级"]), ("被省市采用", ["市级", "省级"])])
def test_levels_written_together_before_the_verb(tmp_path, cell, tiers):
    """县市采用 is 县、市采用 without its 、: an adoption at each level (as 省市两级采用 is). Before, one level was
    read (省市采用: 市级 only, its highest tier lost), without a word."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"], [1, "2025-04-01", "关于甲的建议", "甲", "民盟县委", cell]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert sorted(ledger.adoptions["tier"].astype(str), key=["县级", "市级", "省级", "全国"].index) == tiers


@pytest.mark.parametrize("note", ["与周杰合写", "合写：周杰", "周杰参与撰写", "联合撰写：周杰", "共同作者周杰", "周杰共同完成",
                                  "和周杰合作", "作者另有周杰"])
def test_a_coauthor_said_in_a_sentence_of_the_note(tmp_path, note):
    """备注 与周杰合写: 周杰 wrote it too — a co-author (counted for his quota, his share of the pay), said at the
    cell, as 联名：周杰 is. Before, only a label and a colon (联名：, 第二作者：) were read: 周杰 went unsaid and
    uncounted. By hand: 县级 30.00 shared equally, 15.00 each."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
            [1, "2025-03-05", "关于甲的建议", "孙丽", "城关镇政协工委", "县政协采用", note]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.authors["name"]) == ["孙丽", "周杰"]
    assert _codes(report, "author.in_note")
    assert _paid(ledger) == {"孙丽": Decimal("15.00"), "周杰": Decimal("15.00")}


def test_a_note_alone_under_an_item_is_no_unit_heading(tmp_path):
    """A row with only its 备注 (已转报市政协) under an item, above an item with no 单位: the note is the item
    above's (its 上报, said), and the item below has no unit (said). Before, the note was read as a heading
    naming the unit of the items below: a unit "已转报市政协" with one item in the unit figures."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
            [1, "2025-02-14", "关于推动县域商业体系建设的建议", "孙悦", "县工商联", "县政协采用", None],
            [None, None, None, None, None, None, "已转报市政协"],
            [2, "2025-03-01", "关于加强河长制落实的建议", "王维", None, None, None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.submissions["unit"]) == ["县工商联", ""]
    assert list(zip(ledger.forwards["item"], ledger.forwards["tier"])) == [(0, "市级")]
    assert not _codes(report, "row.unit_heading") and _codes(report, "unit.blank_below")


@pytest.mark.parametrize("head", [["工作单位", "报送单位"], ["报送单位", "作者单位"], ["所在单位", "推荐单位"]])
def test_the_sending_unit_over_the_authors_workplace(tmp_path, head):
    """作者 | 工作单位 | 报送单位: the item counts for the unit that sent it (民建县委), the workplace (县水利局) read
    past and said. Before, whichever column came first was the unit (县水利局 in the unit ranking) and the other
    was said to mean the same (header.duplicate)."""
    sent_first = head[0] in ("报送单位", "推荐单位")
    row = [1, "2025-04-03", "关于加强农田水利建设的建议", "简四", *(("民建县委", "县水利局") if sent_first else ("县水利局", "民建县委"))]
    rows = [["序号", "报送时间", "信息标题", "作者", *head], row]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.submissions["unit"]) == ["民建县委"]
    assert not _codes(report, "header.duplicate") and _codes(report, "header.ignored")


def test_a_units_folder_names_its_items_unit(tmp_path):
    """台账/民盟县委/2025年.xlsx, no 单位 column, no unit in the sheet's or the file's name: the folder is the unit
    (said, as a file named 民盟县委2025年.xlsx is). Before, its items counted for no unit, without a word."""
    (tmp_path / "民盟县委").mkdir()
    rows = [["日期", "题目", "作者", "采用"], ["1月7日", "关于整治校园欺凌的建议", "陆军", None]]
    write_xlsx(tmp_path / "民盟县委" / "2025年.xlsx", {"1月": rows})
    ledger, report = assert_every_cell_accounted(tmp_path)
    assert list(ledger.submissions["unit"]) == ["民盟县委"] and _codes(report, "sheet.unit_from_name")


def test_a_sheet_named_for_a_party_under_its_units_title_takes_the_whole_name(tmp_path):
    """Sheet 民盟 of 民盟县委2025年报送情况.xlsx under the title 民盟县委2025年社情民意信息报送表: its items are
    民盟县委's, the unit the office's own ledger writes. Before, they were 民盟's, a unit of their own: one
    unit in two rows of the figures."""
    rows = [["民盟县委2025年社情民意信息报送表"], ["时间", "题目", "执笔人", "是否采用"],
            ["2025-02-03", "关于规范校园食堂管理的建议", "李一", "否"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "民盟县委2025年报送情况.xlsx", {"民盟": rows}))
    assert list(ledger.submissions["unit"]) == ["民盟县委"]


def test_an_adoption_row_naming_another_author_than_its_item_is_said(tmp_path):
    """采用台账 关于发展夜间经济的建议 by 宋六 of 县工商联, linked by its title to the 报送台账's item by 宋三 of 民建县委: the
    item's authors and unit are counted (宋三, 民建县委: the 报送台账 is the record of who sent it), and the
    difference is said at the 作者 cell — the link may be to another item, or a name misspelt. Before, 宋六
    and 县工商联 were neither counted nor said. A unit or an 等 written for the same people is no difference."""
    write_xlsx(tmp_path / "2025年报送台账.xlsx", {"报送台账": [
        ["序号", "编号", "报送日期", "信息标题", "作者", "报送单位"],
        [1, "2025-003", "2025-02-09", "关于发展夜间经济的建议", "宋三", "民建县委"],
        [2, "2025-004", "2025-02-19", "关于规范共享单车停放的建议", "马二", "民进县委"],
        [3, "2025-005", "2025-03-01", "关于保障农民工工资支付的建议", None, "县总工会"]]})
    write_xlsx(tmp_path / "2025年采用台账.xlsx", {"采用台账": [
        ["序号", "编号", "信息标题", "报送单位", "作者", "采用单位", "期号", "采用时间"],
        [1, None, "关于发展夜间经济的建议", "县工商联", "宋六", "省政协", "第1期", "2025-03-01"],
        [2, "2025-004", "关于规范共享单车停放的建议", "民进县委", "马二等", "市政协", "第2期", "2025-03-05"],
        [3, "2025-005", "关于保障农民工工资支付的建议", "县总工会", "县总工会", "市政协", "第3期", "2025-03-06"]]})
    ledger, report = assert_every_cell_accounted(tmp_path)
    said = [(i.file.rsplit("/", 1)[-1], i.row, i.column) for i in report.issues if i.code == "link.author_differs"]
    assert said == [("2025年采用台账.xlsx", 2, "E")]
    assert _paid(ledger) == {"宋三": Decimal(200), "马二": Decimal(100)}


@pytest.mark.parametrize("cell, leaders", [("副市长已阅，无批示", []), ("市长已阅，无具体批示", []), ("县长已阅。无批示", []),
                                           ("已送县长，暂未批示", []), ("市长圈阅，未作批示", ["市长"]), ("副县长圈阅，无批示", ["副县长"])])
def test_an_instruction_cell_saying_read_and_none_given(tmp_path, cell, leaders):
    """领导批示 副市长已阅，无批示: read, no 批示 (said, instruction.read_only); 已送县长，暂未批示: none. Before, each
    clause was a leader: 副市长已阅 and 无, two 市级 批示, paid double twice over. 圈阅 is a 批示 by the rules
    (instruction_words): 市长圈阅，未作批示 is 市长's one, no 批示 by a leader 未."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
            [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", "市政协采用", cell]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert [lead.split("圈阅")[0] for lead in ledger.instructions["leader"]] == leaders
    assert _paid(ledger) == {"张三": Decimal(200 if leaders else 100)}


@pytest.mark.parametrize("cell, tier", [("省政协采用（经市政协）", "省级"), ("省政协采用（县政协直报）", "省级"),
                                        ("全国政协采用（省政协第5期）", "全国"), ("省政协《社情民意》采用（市政协报）", "省级")])
def test_the_body_in_brackets_after_an_adoption_is_its_way_up(tmp_path, cell, tier):
    """省政协采用（经市政协）: 省政协 adopted it, by way of the 市政协. Before, the body was placed by the last level
    word, the bracket's: a 市级 adoption, the item's highest tier (and its pay and points) one level short."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"], [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", cell]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.adoptions["tier"]) == [tier]


@pytest.mark.parametrize("cell, adopted, forwarded", [
    ("待省政协采用", [], []), ("争取省政协采用", [], []), ("计划报省政协", [], []), ("有望被省政协采用", [], []),
    ("省政协采用（待确认）", [], []), ("市政协采用，待省政协采用", ["市级"], []),
    ("推荐全国政协采用", [], ["全国"]), ("提请省政协采用", [], ["省级"]), ("抄送市政协", [], ["市级"])])
def test_an_adoption_awaited_planned_or_asked_for_is_none(tmp_path, cell, adopted, forwarded):
    """待省政协采用, 争取省政协采用, 将报省政协: awaited or planned, no adoption (as 省政协待采用 and 拟报省政协 were);
    推荐全国政协采用: sent up for adoption, a 上报; 抄送市政协: sent, a 上报. Before, each was an adoption at the body's
    tier (a 省级 or 全国 adoption, paid and scored, that had not happened), without a word."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"], [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", cell]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.adoptions["tier"]) == adopted and list(ledger.forwards["tier"]) == forwarded


@pytest.mark.parametrize("cell, levels", [("省委书记批示，市长跟批", ["省级", "市级"]), ("副市长批示（两次）", ["市级", "市级"]),
                                          ("县长批示1次，副县长批示2次", ["县级", "县级", "县级"]),
                                          ("省市两级领导批示", ["省级", "市级"])])
def test_instructions_counted_as_the_cell_counts_them(tmp_path, cell, levels):
    """跟批 is a 批示 (rules 2025.7 instruction_words); a count in brackets after the word (批示（两次）) is as
    批示2次; a count before the next leader's 批示 is that leader's; 省市两级领导 is one leader a level (said).
    Before: one 批示 each (the 市长's 跟批, the second 副市长 批示, both of the 副县长's lost; 省市两级领导 one 市级)."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
            [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", "市政协采用", cell]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert sorted(ledger.instructions["level"].astype(str), key=["县级", "市级", "省级", "国家级"].index) == \
        sorted(levels, key=["县级", "市级", "省级", "国家级"].index)


def test_a_body_no_rule_places_under_another_bodys_column(tmp_path):
    """某某报社采用 under the 市政协 column: adopted by a body the rules cannot place, not by the 市政协 — said
    (adoption.unknown_tier, an error) and not counted, as in an 采用单位 column. Before, it was a 市政协 adoption,
    counted and paid 100 without a word. A mark naming no body (√, 已采用, 信息专报采用) is the column's."""
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None],
            [None, None, None, None, None, "县政协编发", "市政协", "省政协"],
            [1, "2025年1月22日", "关于甲的建议", "张三", "县教育局", None, "某某报社采用", None],
            [2, "2025年1月23日", "关于乙的建议", "李四", "县教育局", None, "√", None],
            [3, "2025年1月24日", "关于丙的建议", "王五", "县教育局", None, "已采用", None],
            [4, "2025年1月26日", "关于丁的建议", "钱七", "县教育局", None, "信息专报采用", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}, {"Sheet1": ["F1:H1"]}))
    assert [(i.row, i.column) for i in _codes(report, "adoption.unknown_tier")] == [(3, "G")]
    assert _paid(ledger) == {"李四": Decimal(100), "王五": Decimal(100), "钱七": Decimal(100)}


@pytest.mark.parametrize("stem", ["C_民盟县委2025年台账", "03-民盟县委2025年台账"])
def test_a_filing_mark_before_the_unit_in_a_file_name(tmp_path, stem):
    """C_民盟县委2025年台账.xlsx under the title 民盟县委2025年社情民意信息报送表, no 单位 column: the unit is 民盟县委
    (a filing mark C_ or 03- is no part of it). It was C_民盟县委: a unit of its own in the figures."""
    rows = [["民盟县委2025年社情民意信息报送表"], ["序号", "报送时间", "信息标题", "作者", "采用情况"],
            [1, "2025-02-03", "关于甲的建议", "李一", "县政协采用"]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / f"{stem}.xlsx", {"Sheet1": rows}))
    assert list(ledger.submissions["unit"]) == ["民盟县委"]


def test_one_forwarding_in_the_items_ledger_and_a_forwarding_ledger_is_one(tmp_path):
    """报市政协 in the item's row (no day) and 市政协 2025-04-02 in the 上报台账: one 上报, in April (Q2), said
    (forward.repeated). It was two: one in the item's quarter (Q1, by its 收稿日期) and one in Q2. A 上报 day
    with no year before the item's (收稿 12月22日, 1月3日报市政协) is the next year's, as an adoption's is."""
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025": [
        ["序号", "报送日期", "信息标题", "作者", "单位", "上报情况"],
        [1, "2025-03-10", "关于加强农村公路养护的建议", "张三", "县交通局", "已报市政协"],
        [2, "2025-12-22", "关于保障农民工工资支付的建议", "李四", "县人社局", "1月3日报市政协"]]})
    write_xlsx(tmp_path / "上报台账.xlsx", {"上报台账": [
        ["序号", "上报日期", "上报单位", "信息标题"], [1, "2025-04-02", "市政协", "关于加强农村公路养护的建议"]]})
    ledger, report = assert_every_cell_accounted(tmp_path)
    assert [(i.file.rsplit("/", 1)[-1], i.row) for i in _codes(report, "forward.repeated")] == [("报送台账.xlsx", 2)]
    by_quarter = [sq.summary(ledger, sq.Period.of(2025, quarter=q)).to_dict()["forwarded"] for q in (1, 2, 3, 4)]
    assert [f["市级"] if isinstance(f, dict) else f for f in by_quarter] == [0, 1, 0, 0]
    assert sorted(ledger.forwards["date"].dt.strftime("%Y-%m-%d")) == ["2025-04-02", "2026-01-03"]


@pytest.mark.parametrize("cell, authors, unit_item", [
    ("县妇联", [], True), ("县科协", [], True), ("县人民银行", [], True),  # units (rules 2025.7 unit_name_words)
    ("张三丶李四", [("张三", ""), ("李四", "")], False),  # 丶 typed for 、
    ("张三，女，45岁", [("张三", "女、45岁")], False), ("张三 女 汉族", [("张三", "女、汉族")], False),
    ("张三 138 0013 8000", [("张三", "13800138000")], False),
    ("张三、李四（均为委员）", [("张三", "委员"), ("李四", "委员")], False),
    ("网友", [], False)])  # a source, not an author (rules 2025.7 source_words)
def test_author_cells_as_other_offices_write_them(tmp_path, cell, authors, unit_item):
    """Before: 县妇联 a person paid 100; 张三丶李四 one person; 45岁, 汉族 and 138/0013/8000 co-authors sharing the
    pay; 李四 without the role both share; 网友 a person."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"], [1, "2025-03-02", "关于甲的建议", cell, "县教育局", "市政协采用"]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    people = ledger.authors[~ledger.authors["is_unit"]]
    assert list(zip(people["name"], people["tag"])) == authors
    assert bool(ledger.submissions["is_unit_item"].iloc[0]) == unit_item


def test_a_unit_cell_saying_the_authors_status_is_no_unit(tmp_path):
    """单位 退休 / 农民 / 个体: the author has no unit (as 个人); they were units of their own in the figures."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位"]] + [[k, "2025-03-02", f"关于第{k}项的建议", f"张{k}一", u]
                                                            for k, u in enumerate(["退休", "农民", "个体"], 1)]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert list(ledger.submissions["unit"]) == ["", "", ""]


@pytest.mark.parametrize("body", ["市政协办公室", "市政协信息科", "市政协办", "政协市委员会", "政协市委员会办公室"])
def test_one_adoption_in_the_items_row_and_the_adoption_ledger_with_the_bodys_office(tmp_path, body):
    """市政协采用 in the item's row (no day), 市政协办公室 第4期 2025-04-12 in the 采用台账: one adoption, April's
    (said: adoption.repeated). It was two — one in the item's quarter (Q1) by its 收稿日期, one in Q2."""
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025": [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"],
                                                 [1, "2025-03-10", "关于加强农村公路养护的建议", "张三", "县交通局", "市政协采用"]]})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用台账": [["序号", "信息标题", "采用单位", "期号", "采用日期"],
                                                   [1, "关于加强农村公路养护的建议", body, "第4期", "2025-04-12"]]})
    ledger, report = assert_every_cell_accounted(tmp_path)
    assert len(_codes(report, "adoption.repeated")) == 1
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).adopted for q in (1, 2)] == [0, 1]


def test_an_issue_number_in_the_forwarding_column_is_where_the_body_printed_it(tmp_path):
    """上报情况 市政协第3期 or 市政协《社情民意》2025年第5期: sent to the 市政协 and printed in its issue,
    an adoption (said at the cell, as a 备注 with an issue number is). It was a 上报 only, the adoption
    and its 100 yuan lost without a word. A body alone (省政协) stays a 上报."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "上报情况"],
            [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "市政协第3期"],
            [2, "2025-03-06", "关于规范校外培训的建议", "李四", "市政协《社情民意》2025年第5期"],
            [3, "2025-03-07", "关于老旧小区改造的建议", "王五", "省政协"]]
    ledger, report = _read(write_xlsx(tmp_path / "上报.xlsx", {"登记表": rows}))
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["issue_no"])) == [(0, "市级", 3), (1, "市级", 5)]
    assert list(zip(ledger.forwards["item"], ledger.forwards["tier"].astype(str))) == [(0, "市级"), (1, "市级"), (2, "省级")]
    assert [i.row for i in _codes(report, "adoption.in_forward")] == [3, 4]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "李四": Decimal("100.00")}


def test_an_issue_number_beside_two_adoptions_none_of_them_the_offices_own(tmp_path):
    """采用情况 市政协、省政协采用 | 期号 第3期 in a county's ledger: whose issue it is the row does not say.
    It is kept on the first (市政协) and said at the 期号 (it was given without a word). Beside the
    office's own adoption (县政协、市政协采用 | 第5期) it is the county's own issue, as before."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "期号"],
            [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "市政协、省政协采用", "第3期"],
            [2, "2025-03-06", "关于规范校外培训的建议", "李四", "县政协、市政协采用", "第5期"]]
    ledger, report = _read(write_xlsx(tmp_path / "青石县政协2025年台账.xlsx", {"登记表": rows}))
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["issue_no"].astype(object).where(ad["issue_no"].notna(), None))) == [
        (0, "市级", 3), (0, "省级", None), (1, "县级", 5), (1, "市级", None)]
    assert [(i.code, i.row, i.column) for i in report.issues if i.code.startswith("issue.")] == [("issue.which_adoption", 3, "F")]


def test_author_cells_with_labels_dashes_brackets_each_and_the_columns_swapped(tmp_path):
    """组长：张三 成员：李四 are 张三 and 李四 (they were "组长:张三" and "成员:李四", two people no roster knows);
    张三—县教育局—副局长 is 张三 of 县教育局 (he was "张三·县教育局·副", paid as such); 王五(委员)赵六(信息员):
    each bracket says of the name before it (both were 委员、信息员, read as 信息员); 作者 县卫健局 | 单位 钱七:
    the two columns swapped, the item 县卫健局's and said (it counted for a unit called 钱七, without a word)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-03-05", "关于加强农村饮水安全的建议", "组长：张三 成员：李四", "县教育局", "市政协采用"],
            [2, "2025-03-06", "关于规范校外培训的建议", "张三—县教育局—副局长", None, "市政协采用"],
            [3, "2025-03-07", "关于老旧小区改造的建议", "王五(委员)赵六(信息员)", "县住建局", "市政协采用"],
            [4, "2025-03-08", "关于农产品冷链的建议", "县卫健局", "钱七", "市政协采用"],
            [5, "2025-03-09", "关于机关食堂的建议", "县机关事务局", "机关", "市政协采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "登记.xlsx", {"登记表": rows}))
    au = ledger.authors
    assert list(zip(au["item"], au["name"], au["role"].fillna(""))) == [
        (0, "张三", ""), (0, "李四", ""), (1, "张三", ""), (2, "王五", "委员"), (2, "赵六", "信息员"), (3, "县卫健局", ""),
        (4, "县机关事务局", "")]
    assert list(ledger.submissions["unit"]) == ["县教育局", "县教育局", "县住建局", "县卫健局", "机关"]
    assert [(i.row, i.column, "钱七" in i.message) for i in _codes(report, "author.columns_swapped")] == [(6, "D", True)]
    # 市级 adoption 100 yuan an item, shared between its authors.
    assert _paid(ledger) == {"张三": Decimal("150.00"), "李四": Decimal("50.00"), "王五": Decimal("50.00"),
                             "赵六": Decimal("50.00"), "县卫健局": Decimal("100.00"), "县机关事务局": Decimal("100.00")}


def test_one_sheet_per_unit_named_short_with_a_roster(tmp_path):
    """Tabs 民盟, 城关, 经济组 (no 单位 column) with a roster listing 民盟县委, 城关镇政协工委, 经济界别组 and
    张伟 of 民革县委: each sheet's items are its unit's, said (sheet.unit_from_name). They went to each
    author's roster unit without a word (张伟's to 民革县委). A tab 教育 that two units write is none's.
    The roster's 单位 sheet of 单位名称 alone (no 单位类型) is its list of units; it was read past unsaid."""
    head = ["序号", "日期", "标题", "作者", "采用情况"]
    sheets = {"民盟": [head, [1, "2025-02-11", "关于规范养老机构收费的建议", "张伟", "县政协编发"]],
              "城关": [head, [1, "2025-03-18", "关于城关镇夜市管理的建议", "刘芳", "市政协采用"]],
              "经济组": [head, [1, "2025-07-19", "关于县域物流降本的建议", "王强", "市政协采用"]],
              "教育": [head, [1, "2025-08-01", "关于校车安全的建议", "陈静", ""]]}
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张伟", "委员", "民革县委"], ["刘芳", "委员", "县工商联"],
                 ["王强", "委员", "民革县委"], ["陈静", "委员", "县教育局"]],
        "单位": [["单位名称"], ["民盟县委"], ["民革县委"], ["城关镇政协工委"], ["经济界别组"], ["县工商联"],
                 ["县教育局"], ["教育界别组"]]})
    ledger, report = _read(write_xlsx(tmp_path / "2025年各单位台账.xlsx", sheets), roster=roster)
    assert ledger.submissions["unit"].tolist() == ["民盟县委", "城关镇政协工委", "经济界别组", ""]
    assert sorted(i.sheet for i in _codes(report, "sheet.unit_from_name")) == ["城关", "民盟", "经济组"]
    units = sq.units(ledger, 2025).set_index("unit")
    assert units.loc[["民盟县委", "城关镇政协工委", "经济界别组"], "submitted"].tolist() == [1, 1, 1]
    assert units.loc["民革县委", "submitted"] == 0


def test_a_yes_or_no_column_that_asks_no_adoption_and_a_second_date_column(tmp_path):
    """是否原创 is no 是否采用: its 是 beside 上报单位 市政协 was a paid 市级 adoption (said only as 提示);
    now an unknown column, said. 录入日期 before 收稿日期: the item's date is the one its label names
    (录入日期 took it, 收稿日期 was the "duplicate"); 录入日期 read past, said."""
    rows = [[TITLE], ["序号", "录入日期", "信息标题", "作者", "是否原创", "上报单位", "采用情况", "收稿日期"],
            [1, "2025-04-02", "关于加强农村饮水安全的建议", "张伟", "是", "市政协", None, "2025-03-06"],
            [2, "2025-04-03", "关于河道保洁长效机制的建议", "赵磊", "否", "省政协", "市政协采用", "2025-03-09"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert list(ledger.submissions["date"].dt.strftime("%m-%d")) == ["03-06", "03-09"]
    assert list(zip(ledger.adoptions["item"], ledger.adoptions["tier"].astype(str))) == [(1, "市级")]
    assert [(i.code, i.column) for i in report.issues if i.code.startswith("header.")] == [
        ("header.ignored", "B"), ("header.unknown", "E")]
    assert _paid(ledger) == {"赵磊": Decimal("100.00")}


def test_an_instruction_with_no_leader_is_not_placed_by_the_department_it_goes_to(tmp_path):
    """批示领导 blank, 批示内容 同意，请市金融办研究: who gave it is not written, so its level is not known
    (instruction.unknown_level); it was 市级 by the 市金融办 it was sent to (省级 for 请省生态环境厅研究),
    points and a doubled reward without a word. 市长批示：请… in the content names its leader: 市级."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示情况", None],
            [None, None, None, None, None, "批示领导", "批示内容"],
            [1, "2025-03-03", "关于小微企业融资难的建议", "刘芳", "市政协采用", None, "同意，请市金融办研究"],
            [2, "2025-03-09", "关于河道保洁长效机制的建议", "赵磊", "市政协采用", None, "同意，请省生态环境厅研究"],
            [3, "2025-03-10", "关于农村公路养护的建议", "王强", "市政协采用", None, "市长批示：请市交通局研究"]]
    merges = {"登记表": ["F2:G2"] + [f"{c}2:{c}3" for c in "ABCDE"]}
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}, merges))
    ins = ledger.instructions
    assert list(zip(ins["item"], ins["level"].astype(object).where(ins["level"].notna(), None))) == [
        (0, None), (1, None), (2, "市级")]
    assert [(i.row, i.column) for i in _codes(report, "instruction.unknown_level")] == [(4, "G"), (5, "G")]


def test_an_adoption_s_issue_and_day_in_one_bracket_are_one_adoption(tmp_path):
    """县政协编发（第3期，2025.4.8）: one adoption, issue 3, of 8 April (Q2). The comma in the bracket split it in
    two: one undated (counted in Q1 by the 收稿日期, paid there) and one dated, each paid."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025.3.28", "关于春耕农资保供的建议", "韩甲", "民盟县委", "县政协编发（第3期，2025.4.8）"],
            [2, "2025.3.28", "关于河道清淤的建议", "韩乙", "民盟县委", "市政协采用（第5期，4月8日）"]]
    ledger, _ = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": rows}))
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["tier"].astype(str), ad["issue_no"], ad["date"].dt.strftime("%m-%d"))) == [
        (0, "县级", 3, "04-08"), (1, "市级", 5, "04-08")]
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).adopted for q in (1, 2)] == [0, 2]
    assert _paid(ledger) == {"韩甲": Decimal("30.00"), "韩乙": Decimal("100.00")}


def test_the_day_the_form_was_filled_in_or_a_span_of_years_above_the_header(tmp_path):
    """填表日期：2026年1月5日 under a title naming no year (last year's ledger, filled in January): its
    year is no year of the items, which are --year's 2025 (they were all 2026, said nowhere). A title
    2024—2025年度…: the ledger runs from 2024, its dates past December in 2025 (all were 2025)."""
    rows = [["民革县委社情民意信息报送情况"], ["填报单位：民革县委            填表日期：2026年1月5日"],
            ["序号", "收稿日期", "信息标题", "作者"], [1, "3月5日", "关于春耕的建议", "何甲"], [2, "11月5日", "关于冬储的建议", "何乙"]]
    (tmp_path / "a").mkdir()
    ledger, _ = _read(write_xlsx(tmp_path / "a" / "民革县委社情民意信息.xlsx", {"Sheet1": rows}), year=2025)
    assert list(ledger.submissions["date"].dt.strftime("%Y-%m-%d")) == ["2025-03-05", "2025-11-05"]
    rows = [["2024—2025年度社情民意信息登记表"], ["序号", "收稿日期", "标题", "作者", "单位"]]
    rows += [[k, d, f"关于第{k}件事的建议", f"吴{k}号", "民进县委"] for k, d in enumerate(["11月5日", "12月20日", "1月8日", "3月2日"], 1)]
    (tmp_path / "b").mkdir()
    ledger, _ = _read(write_xlsx(tmp_path / "b" / "台账.xlsx", {"登记表": rows}))
    assert list(ledger.submissions["date"].dt.strftime("%Y-%m-%d")) == ["2024-11-05", "2024-12-20", "2025-01-08", "2025-03-02"]


@pytest.mark.parametrize("written", ["3月5日 14:30", "2025.3.5晚", "周三 2025.3.5", "2025年3月5日17时", "2025年3月5日17时30分"])
def test_a_day_with_its_hour_or_weekday(written):
    """The hour or weekday staff write with a day is read past (they were date.unparseable errors, the rows
    left out of every figure)."""
    assert sq_parse(written) == dt.date(2025, 3, 5)


def sq_parse(text):
    from sqmy_lib.read.values import parse_date

    return parse_date(text, 2025).date


def test_columns_of_the_instructions_reward_or_count(tmp_path):
    """批示次数 2 is two 批示 (it was one by a leader "2"); 批示奖励 16.67 and 批示加倍 是 are money, read
    past and said (the first was a 批示 by "16.67", the item's reward doubled)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示次数", "批示奖励", "批示加倍"],
            [1, "2025.3.28", "关于春耕农资保供的建议", "韩甲", "市政协采用", 2, None, None],
            [2, "2025.3.28", "关于河道清淤的建议", "韩乙", "市政协采用", None, 16.67, "是"],
            [3, "2025.3.28", "关于河道清淤2的建议", "韩丙", "市政协采用", 1.5, None, None]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"登记表": rows}))
    assert list(ledger.instructions["item"]) == [0, 0]
    assert [(i.row, i.column) for i in _codes(report, "mark.unknown")] == [(5, "F")]  # 1.5 批示: no count, no leader "1.5"
    assert [(i.code, i.column) for i in report.issues if i.code.startswith("header.")] == [
        ("header.ignored", "G"), ("header.ignored", "H")]
    assert not _codes(report, "money.written_differs")  # 16.67 is the 批示's part, not the item's whole 100.00
    assert _paid(ledger) == {"韩甲": Decimal("200.00"), "韩乙": Decimal("100.00"), "韩丙": Decimal("100.00")}


def test_a_note_naming_an_adoption_the_adoption_ledger_dates(tmp_path):
    """备注 市政协采用见采用登记 and the 采用登记 row 市政协 第5期 2025-04-15: one adoption, of April (Q2). The
    备注's body was "市政协采用见采用登记", no copy of 市政协's: the 市级 adoption counted and paid in Q1 too."""
    sheets = {"报送": [[TITLE], ["编号", "收稿日期", "信息标题", "作者", "采用情况", "备注"],
                       ["DH-001", "2025-01-08", "关于加强老旧小区电梯加装的建议", "陈晓峰", "县政协编发", "市政协采用见采用登记"]],
              "采用登记": [["编号", "信息标题", "采用单位", "期号", "采用日期"],
                          ["DH-001", "关于加强老旧小区电梯加装的建议", "市政协《社情民意》", "第5期", "2025-04-15"]]}
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", sheets))
    ad = ledger.adoptions
    assert sorted(zip(ad["tier"].astype(str), ad["date"].dt.strftime("%m-%d").fillna(""))) == [("县级", ""), ("市级", "04-15")]
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).adopted for q in (1, 2)] == [1, 1]
    assert len(_codes(report, "adoption.repeated")) == 1


def test_a_leader_s_post_in_its_own_column_and_one_instruction_in_two_ledgers(tmp_path):
    """批示情况 over 领导姓名 | 职务: 周某某 | 副市长 is 副市长周某某, 市级 (职务 was read past, the level lost).
    The same 批示 in the item's row (no day) and on a 采用台账 row dated 2025-04-10: of that day, Q2 (it was
    dated by the item's 收稿日期, Q1, its adoption in Q2)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示情况", None],
            [None, None, None, None, None, "领导姓名", "职务"],
            [1, "2025-03-03", "关于小微企业融资难的建议", "刘芳", "市政协采用", "王某某", "副省长"]]
    merges = {"登记表": ["F2:G2"] + [f"{c}2:{c}3" for c in "ABCDE"]}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    ledger, _ = _read(write_xlsx(tmp_path / "a" / "台账.xlsx", {"登记表": rows}, merges))
    assert list(zip(ledger.instructions["leader"], ledger.instructions["level"].astype(str))) == [("副省长王某某", "省级")]
    write_xlsx(tmp_path / "b" / "2025年登记表.xlsx", {"登记表": [
        [TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
        [1, "2025-03-20", "关于加强农村饮水安全的建议", "张伟", "市政协采用", "副市长周某某批示"]]})
    write_xlsx(tmp_path / "b" / "2025年采用台账.xlsx", {"采用": [
        ["2025年社情民意信息采用台账"], ["信息标题", "作者", "采用单位", "采用日期", "批示领导", "落实情况"],
        ["关于加强农村饮水安全的建议", "张伟", "市政协", "2025-04-10", "副市长周某某", "已落实"]]})
    ledger, _ = _read(tmp_path / "b")
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).to_dict()["instructions"] for q in (1, 2)] == [0, 1]


def test_one_name_written_twice_in_an_author_cell_is_said(tmp_path):
    """陈晓峰、陈晓峰: one author, paid the whole 100 yuan, and said (author.repeated): it is as often a second
    author's name mistyped. It was merged without a word."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-05", "关于加强农村饮水安全的建议", "陈晓峰、陈晓峰", "市政协采用"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert [(i.row, i.column) for i in _codes(report, "author.repeated")] == [(3, "D")]
    assert _paid(ledger) == {"陈晓峰": Decimal("100.00")}


def test_blocks_of_rows_each_from_january_and_days_without_their_year_beside_their_item(tmp_path):
    """A 2025 sheet grouped by unit, each block from January: 民盟县委's 1月12日 and 7月9日 after 民革县委's
    12月15日 are 2025's (they were 2026's, 民盟县委 a 零报送 unit in 2025). An adoption and a 批示 written
    12.30 / 12.31 for an item of 2024-12-20 are of 2024 (they were 2025-12-30/31, counted in 2025's Q4);
    5.30 for an item of 2025-06-03 is a slip before it (an error), not 2026-05-30."""
    rows = [["2025年社情民意信息报送采用登记表"], ["序号", "报送单位", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
            [1, "民革县委", "1月10日", "关于甲的建议", "吕甲", None, None],
            [2, "民革县委", "12月15日", "关于乙的建议", "吕丙", None, None],
            [3, "民盟县委", "1月12日", "关于丙的建议", "施甲", "市政协采用（2月3日）", None],
            [4, "民盟县委", "7月9日", "关于丁的建议", "施丙", None, None],
            [5, "民建县委", "2024.12.20", "关于戊的建议", "杨甲", "县政协编发（12.30）", "市长李某某批示（12.31）"],
            [6, "民建县委", "2025.6.3", "关于己的建议", "杨乙", "市政协采用（5.30）", None]]
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"登记表": rows}))
    assert list(ledger.submissions["date"].dt.strftime("%Y-%m-%d")) == [
        "2025-01-10", "2025-12-15", "2025-01-12", "2025-07-09", "2024-12-20", "2025-06-03"]
    ad = ledger.adoptions
    assert list(zip(ad["item"], ad["date"].dt.strftime("%Y-%m-%d"))) == [(2, "2025-02-03"), (4, "2024-12-30"), (5, "2025-05-30")]
    assert list(ledger.instructions["date"].dt.strftime("%Y-%m-%d")) == ["2024-12-31"]
    assert [i.row for i in _codes(report, "adoption.before_item")] == [8]
    assert sq.summary(ledger, sq.Period.of(2025, quarter=4)).adopted == 0


def test_header_of_three_rows_numbering_restarting_totals_and_an_issue_typed_as_text(tmp_path):
    """采用情况 over 政协 | 党委政府 over 全国政协 省政协 市政协 | 市委市政府: three header rows (the third was an item
    with no title, its adoptions lost). 编号 1, 2 under 一月份 and 1, 2 again under 二月份: a 序号, said (each was
    item.duplicate_no, the rows left out). An unlabelled row of COUNTIF totals under the bodies: a subtotal (it was
    an item with no title, author or date). '12' typed as text under 省政协: issue 12 (it was mark.unknown)."""
    rows = [[TITLE], ["编号", "收稿日期", "信息标题", "作者", "采用情况", None, None, None],
            [None] * 4 + ["政协", None, None, "党委政府"],
            [None] * 4 + ["全国政协", "省政协", "市政协", "市委市政府"],
            ["一月份"] + [None] * 7,
            [1, "2025-01-06", "关于加强农村饮水安全的建议", "张伟", None, None, "√", "√"],
            [2, "2025-01-09", "关于河道保洁长效机制的建议", "赵磊", None, "12", None, None],
            ["二月份"] + [None] * 7,
            [1, "2025-02-03", "关于小微企业融资难的建议", "刘芳", "√", None, None, None],
            [2, "2025-02-05", "关于校车安全的建议", "陈静", None, None, "√", None],
            [None, None, None, None, 1, 1, 2, 1]]
    merges = {"登记表": ["E2:H2", "E3:G3"] + [f"{c}2:{c}4" for c in "ABCD"]}
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"登记表": rows}, merges))
    assert len(ledger.submissions) == 4
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(0, "市级"), (0, "市级"), (1, "省级"), (2, "全国"), (3, "市级")]
    assert ad.loc[ad["item"] == 1, "issue_no"].tolist() == [12]
    assert [i.code for i in report.issues if i.severity == "error"] == []
    assert [(i.code, i.column) for i in _codes(report, "header.numbering_restarts")] == [("header.numbering_restarts", "A")]


def test_instructions_followed_up_in_their_cell_or_note_led_by_a_place_and_due_in_months(tmp_path):
    """县长孙立平批示（2025.4.15），已办结 and 备注 已办结 beside a 批示: 已办结 (the first kept 已办结 as what was said, the
    second read nothing; both were 未反馈, overdue). 海州市市长刘建国 in the 督办台账 is the 市长刘建国 of the item's row
    (海州市 the office's city): one 批示, not two. A time limit of 1个月 from 31 January is 28 February (it was 2 March)."""
    rules = tmp_path / "规则.yaml"
    text = (Path(sq.__file__).parent / "rules" / "defaults" / "2025.yaml").read_text(encoding="utf-8")
    rules.write_text(text.replace("city: 示例市", "city: 海州市"), encoding="utf-8")
    assert "city: 海州市" in rules.read_text(encoding="utf-8")
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "2025年台账.xlsx", {"登记表": [
        [TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "备注"],
        [1, "2025-03-28", "关于甲的建议", "韩甲", "县政协编发", "县长孙立平批示（2025.4.15），已办结", None],
        [2, "2025-03-28", "关于乙的建议", "韩乙", "县政协编发", "县长孙立平批示（2025.4.15）", "已办结"],
        [3, "2025-01-20", "关于丙的建议", "韩丙", "市政协采用", "市长刘建国批示（2025.1.31）", None]]})
    write_xlsx(tmp_path / "台账" / "督办台账.xlsx", {"督办": [
        ["信息标题", "批示领导", "批示日期", "交办日期", "办理时限", "办复日期"],
        ["关于丙的建议", "海州市市长刘建国", "2025-01-31", "2025-01-31", "1个月", "2025-03-01"]]})
    ledger, _ = _read(tmp_path / "台账", rules=sq.load_rules(rules))
    rows = sq.instructions(ledger, sq.Period.of(2025), rules=sq.load_rules(rules), today=dt.date(2025, 12, 31))
    assert sorted(rows["status"].tolist()) == ["已办结", "已办结", "已办结"]
    late = rows.set_index("title").loc["关于丙的建议"]
    assert late["due"] == pd.Timestamp("2025-02-28") and bool(late["late"])


def test_a_span_of_days_in_an_adoption_cell_is_no_day(tmp_path):
    """省政协采用（3月28日-4月3日）: which day it was adopted the cell does not say (the span crosses a quarter's end);
    an error at the cell (adoption.date_invalid), as a span in 收稿日期 is. It was 28 March, paid in Q1, silently."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025.3.20", "关于甲的建议", "韩甲", "省政协采用（3月28日-4月3日）"],
            [2, "2025.3.20", "关于乙的建议", "韩乙", "省政协采用（4月2日）"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert [(i.row, i.column) for i in _codes(report, "adoption.date_invalid")] == [(3, "E")]
    assert _paid(ledger) == {"韩乙": Decimal("200.00")}


def test_an_issue_of_the_office_s_own_bulletin_dated_on_another_row(tmp_path):
    """县政协编发 第14期 with its 日期 left blank (item of 2025-09-26), and 第14期 dated 2025-10-16 on another row:
    of that day, said (date.from_issue). It was dated by the item's 收稿日期: 第14期 counted in Q3 and Q4."""
    rows = [[TITLE], ["编号", "收稿日期", "信息标题", "报送人", "报送单位", "县政协编发", None],
            [None, None, None, None, None, "期数", "日期"],
            ["A1", dt.date(2025, 9, 26), "关于农村公路养护的建议", "吴芳", "竹园镇政协工委", "第14期", None],
            ["A2", dt.date(2025, 10, 9), "关于冬季森林防火的建议", "郑强", "竹园镇政协工委", "第14期", dt.date(2025, 10, 16)],
            ["A3", dt.date(2024, 3, 9), "关于春耕的建议", "郑强", "竹园镇政协工委", "第14期", None]]
    merges = {"登记表": ["F2:G2"] + [f"{c}2:{c}3" for c in "ABCDE"]}
    ledger, report = _read(write_xlsx(tmp_path / "2025年台账.xlsx", {"登记表": rows}, merges))
    ad = ledger.adoptions.sort_values("item")
    assert list(ad["date"].dt.strftime("%Y-%m-%d").fillna("")) == ["2025-10-16", "2025-10-16", ""]  # 2024's 第14期 another
    assert [(i.row, i.column) for i in _codes(report, "date.from_issue")] == [(4, "F")]
    assert [sq.summary(ledger, sq.Period.of(2025, quarter=q)).adopted for q in (3, 4)] == [0, 2]


def test_a_date_whose_weekday_is_another_day_s_is_said(tmp_path):
    """2025年3月5日（星期一）: 5 March 2025 was a Wednesday, so the day or the weekday is a slip; the day is counted as
    written, and said (date.weekday_mismatch) at the cell. It was counted without a word."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "采用日期"],
            [1, "2025年3月5日（星期一）", "关于甲的建议", "韩甲", "市政协采用", "2025.4.2 周三"],  # 2 April: a Wednesday
            [2, "2025年3月5日(星期三)", "关于乙的建议", "韩乙", "市政协采用", "2025.4.3 周三"],  # 3 April: a Thursday
            [3, "3月7日周6", "关于丙的建议", "韩丙", None, None]]  # 7 March: a Friday
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert [(i.row, i.column) for i in _codes(report, "date.weekday_mismatch")] == [(3, "B"), (4, "F"), (5, "B")]
    assert "2025-03-05是星期三" in _codes(report, "date.weekday_mismatch")[0].message
    assert list(ledger.submissions["date"].dt.strftime("%m-%d")) == ["03-05", "03-05", "03-07"]


def test_a_year_in_full_width_digits_an_issue_in_chinese_numerals_and_a_pizhu_in_a_note(tmp_path):
    """Typed in full-width mode or in words: the title's ２０２５年 gives 3月5日 its year (every row was date.no_year,
    "表名、工作表名、文件名都未写明年度"); 第十二期 under 市政协 is that body's issue (it was adoption.unknown_tier, the
    adoption lost); 县长李某某批注 in 备注 is a 批示 as in the 批示 column (it was not read: 30.00, not 60.00), while
    见批注 speaks of a cell's note, no leader's."""
    rows = [["青山县政协２０２５年社情民意信息登记表"], ["序号", "收稿日期", "信息标题", "作者", "县政协编发", "市政协", "备注"],
            [1, "3月5日", "关于甲的建议", "韩甲", "第１２期", None, "县长李某某批注：请民政局研究办理"],
            [2, "4月8日", "关于乙的建议", "韩乙", "第十二期", None, "见批注"],
            [3, "5月12日", "关于丙的建议", "韩丙", None, "第十二期", None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"２０２５年": rows}))
    assert [i.code for i in report.issues] == ["instruction.in_note"]
    assert list(ledger.submissions["date"].dt.strftime("%Y-%m-%d")) == ["2025-03-05", "2025-04-08", "2025-05-12"]
    assert _adopted(ledger, "issue_no") == [(0, "县级", 12), (1, "县级", 12), (2, "市级", 12)]
    assert list(ledger.instructions["leader"]) == ["县长李某某"]
    # 县级 30.00 ×2 for the 批示; 县级 30.00; 市级 100.00 (the shipped rules)
    assert _paid(ledger) == {"韩甲": Decimal("60.00"), "韩乙": Decimal("30.00"), "韩丙": Decimal("100.00")}


def test_an_issue_of_the_next_year_on_a_row_without_its_day_is_said(tmp_path):
    """市政协《社情民意》2026年第1期 for an item of 2025-12-26, no 采用日期: counted on the 收稿日期 (2025), the issue's year
    said at the cell (adoption.issue_of_another_year), in a text cell or under a body's column. It was counted in 2025
    without a word; 〔2025〕第11期 of the item's own year is no finding."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "市政协", "采用情况"],
            [1, dt.date(2025, 12, 26), "关于甲的建议", "韩甲", "2026年第1期", None],
            [2, dt.date(2025, 12, 20), "关于乙的建议", "韩乙", None, "县政协编发〔2025〕第11期"],
            [3, dt.date(2025, 12, 20), "关于丙的建议", "韩丙", None, "省政协(2026)3期"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    found = _codes(report, "adoption.issue_of_another_year")
    assert [(i.row, i.column) for i in found] == [(3, "E"), (5, "F")]
    assert "“2026年第1期”是2026年的期号" in found[0].message and "计入2025年" in found[0].message
    assert _adopted(ledger, "issue_no") == [(0, "市级", 1), (1, "县级", 11), (2, "省级", 3)]


def test_a_pizhu_in_a_note_of_a_row_without_adoption_following_a_pizhu_and_one_in_its_column(tmp_path):
    """县长李某某批注 in 备注 on a row with nothing else: a 批示 (it was dropped without a word, the row not looked
    at); 按县长批注意见已办结: 县长's 批示, not one by "按县长"; 副县长张某某批注 in the 批示 column is 副县长张某某's."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "备注"],
            [1, "2025-03-05", "关于甲的建议", "韩甲", None, None, "县长李某某批注：请县民政局研究"],
            [2, "2025-03-05", "关于乙的建议", "韩乙", "县政协编发", None, "按县长批注意见已办结"],
            [3, "2025-03-05", "关于丙的建议", "韩丙", "县政协编发", "副县长张某某批注", None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert list(zip(ledger.instructions["item"], ledger.instructions["leader"])) == [(0, "县长李某某"), (1, "县长"), (2, "副县长张某某")]
    assert [(i.row, i.column) for i in _codes(report, "instruction.in_note")] == [(3, "G"), (4, "G")]


def test_words_before_the_adopting_body_are_no_part_of_its_name(tmp_path):
    """此条被市政协采用, 该信息已被省政协采用, 均被市政协采用, 已于7月5日经市政协采用: the tiers were right, but the
    circular's 其中被市级采用…（此条被市政协1条、…） named bodies with the words before them."""
    texts = ["此条被市政协采用", "该信息已被省政协采用", "均被市政协采用", "已于7月5日经市政协采用", "此条获市政协采用", "省政协采用"]
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, "2025-03-05", f"关于第{k}件事的建议", f"韩{k}", t] for k, t in enumerate(texts, 1)]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    by_body = sq.summary(ledger, 2025).adopted_by_body
    assert {tier: bodies for tier, bodies in by_body.items() if bodies} == {"市级": {"市政协": 4}, "省级": {"省政协": 2}}


def test_names_each_with_its_bracket_and_a_space_between(tmp_path):
    """张三(委员) 李四(信息员): each bracket its name's, as without the space; both were 信息员 (the last bracket's role),
    张三's quota 1 a month instead of 2 a year."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者"],
            [1, "2025-03-05", "关于甲的建议", "张三(委员) 李四(信息员)"],
            [2, "2025-03-06", "关于乙的建议", "吴九（委员）　郑十（信息员）"]]
    ledger, _ = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert list(zip(ledger.authors["name"], ledger.authors["role"])) == [
        ("张三", "委员"), ("李四", "信息员"), ("吴九", "委员"), ("郑十", "信息员")]


def test_place_names_that_begin_like_a_subject_keep_it(tmp_path):
    """都匀市政协, 于都县政协, 获嘉县政协, 都江堰市政协 are places: the words stripped before an adopting body (均被, 已于…经,
    此条获) leave them whole in 其中被…采用 (they were 匀市政协, 都县政协, 嘉县政协, 江堰市政协 for a moment)."""
    from sqmy_lib.rules.placement import organ_name

    assert [organ_name(b) for b in ("都匀市政协", "于都县政协", "获嘉县政协", "都江堰市政协", "均被市政协采用", "此条获市政协采用")] == [
        "都匀市政协", "于都县政协", "获嘉县政协", "都江堰市政协", "市政协", "市政协"]
