"""A city office's ledger with a sheet per 县区政协: each sheet's unit read from its name, a county's own
委员 taking no city quota, and the county sheets, the 汇总 and the 任务分解 said for what they are.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook is checked for the reader's invariant (each non-empty cell read or named in a finding).
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "市政协采用", "备注"]
LEDGER = "江州市政协2025年社情民意信息台账.xlsx"


def _city_rules() -> Rules:
    """The shipped 2025 rules as a city office (江州市政协, 市级) sets them, with a 县区政协 quota of 10 a year."""
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(name="江州市政协", full_name="政协江州市委员会", own_tier="市级", place="江州市", city="",
                          province="江南省")
    data["quotas"]["units"]["县区政协"] = {"per": "year", "items": 10}
    return Rules(data=data, source="<测试>")


def _roster(tmp_path: Path, people: list[list], units: list[list]) -> Path:
    return write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], *people],
                                               "单位": [["单位名称", "单位类型"], *units]})


def _read(paths, rules: Rules, roster: Path):
    return assert_every_cell_accounted(paths, rules=rules, roster=roster, year=2025)


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _found(ledger, code) -> list[tuple]:
    """(sheet, value, detail) of the reader's findings of ``code``, in order."""
    f = ledger.findings[ledger.findings["code"] == code]
    return list(zip(f["sheet"], f["value"], f["detail"]))


def _rows(k: int, author: str, adopted: str | None = None) -> list:
    return [k, dt.date(2025, 10, k), f"关于第{k}个问题的建议", author, adopted, None]


COUNTIES = [["青山县政协", "县区政协"], ["东湖区政协", "县区政协"], ["白沙县政协", "县区政协"], ["长岭县政协", "县区政协"],
            ["石门县政协", "县区政协"], ["民革市委", "民主党派"]]


# ---------------------------------------------------------------- 1. a sheet's unit from its name

def test_a_county_sheet_named_with_a_list_number_or_words_counts_for_that_county(tmp_path):
    """1.青山县, 东湖区（县区）, 县区-白沙县, 长岭县报送, 石门县委员会 with no 单位 column: each sheet's items count
    for that 县区政协 (the roster's unit its name writes), said once per sheet. They counted for no unit, the
    county said 未报送, and nothing said so."""
    roster = _roster(tmp_path, [["陈静", "委员", "民革市委"]], COUNTIES)
    sheets = {"1.青山县": [HEADER, _rows(1, "李秀英", "2025.11.20"), _rows(2, "张建国")],
              "东湖区（县区）": [HEADER, _rows(3, "王海")],
              "县区-白沙县": [HEADER, _rows(4, "赵敏")],
              "长岭县报送": [HEADER, _rows(5, "孙强")],
              "石门县委员会": [HEADER, _rows(6, "周琳")],
              "市直单位": [["序号", "报送时间", "信息题目", "作者", "报送单位", "市政协采用"],
                       [1, dt.date(2025, 10, 15), "关于优化营商环境审批流程的建议", "陈静", "民革市委", "2025.10.28"]]}
    rules = _city_rules()
    ledger, report = _read(write_xlsx(tmp_path / LEDGER, sheets), rules, roster)
    subs = ledger.submissions
    assert dict(zip(subs["sheet"] + "!" + subs["row"].astype(str), subs["unit"])) == {
        "1.青山县!2": "青山县政协", "1.青山县!3": "青山县政协", "东湖区（县区）!2": "东湖区政协", "县区-白沙县!2": "白沙县政协",
        "长岭县报送!2": "长岭县政协", "石门县委员会!2": "石门县政协", "市直单位!2": "民革市委"}
    assert set(_found(ledger, "sheet.unit_from_name")) == {("1.青山县", "青山县政协", "2"), ("东湖区（县区）", "东湖区政协", "1"), ("县区-白沙县", "白沙县政协", "1"),
                    ("长岭县报送", "长岭县政协", "1"), ("石门县委员会", "石门县政协", "1")}
    assert not _codes(report, "sheet.no_unit")
    units = sq.units(ledger, 2025, rules=rules).set_index("unit")
    assert units.loc["青山县政协", "submitted"] == 2 and not units.loc["青山县政协", "no_submission"]
    assert units.loc[["东湖区政协", "白沙县政协", "长岭县政协", "石门县政协"], "submitted"].tolist() == [1, 1, 1, 1]


def test_a_sheet_whose_unit_nothing_names_is_said_with_a_roster_too(tmp_path):
    """With a roster: 第一组 names no unit and its authors are no one the roster lists, while 市直单位's items
    have units: its 2 items count for no unit, said (sheet.no_unit); it was said only without a roster.
    委员 (no 单位 column either) holds the roster's 委员, whose unit the roster decides: nothing said."""
    roster = _roster(tmp_path, [["陈静", "委员", "民革市委"], ["林海燕", "委员", ""]], COUNTIES)
    sheets = {"第一组": [HEADER, _rows(1, "李秀英"), _rows(2, "张建国")],
              "委员": [HEADER, _rows(3, "林海燕"), _rows(4, "陈静")],
              "市直单位": [["序号", "报送时间", "信息题目", "作者", "报送单位", "市政协采用"],
                       [1, dt.date(2025, 10, 15), "关于优化营商环境审批流程的建议", "陈静", "民革市委", None]]}
    ledger, report = _read(write_xlsx(tmp_path / LEDGER, sheets), _city_rules(), roster)
    assert _found(ledger, "sheet.no_unit") == [("第一组", "第一组", "2")]
    assert [(i.sheet, i.severity) for i in _codes(report, "sheet.no_unit")] == [("第一组", "info")]


# ---------------------------------------------------------------- 2. a county's 委员 is no city 委员

def test_a_county_member_the_city_roster_does_not_list_takes_no_member_quota(tmp_path):
    """张建国（县政协委员）, 青山县政协委员王丽 and 刘洋（委员） on the 青山县 sheet, none on the city's roster of 委员:
    the tag made each a 委员 owing the city's 2 a year (50% done, named among those behind) while the
    participation line counted the roster's 2. Now none of them has a role or a quota here, and the
    commendation's basis says they are not on the roster; 李娜（特邀信息员）, a role the roster lists no
    one in, keeps it and its quota (1 a month)."""
    roster = _roster(tmp_path, [["林海燕", "委员", ""], ["周立新", "委员", ""]], COUNTIES)
    sheets = {"青山县": [HEADER, _rows(1, "张建国（县政协委员）", "2025.10.20"), _rows(2, "青山县政协委员王丽"),
                      _rows(3, "刘洋（委员）"), _rows(4, "李娜（特邀信息员）")],
              "委员个人": [HEADER, _rows(5, "林海燕"), _rows(6, "林海燕")]}
    rules = _city_rules()
    ledger, report = _read(write_xlsx(tmp_path / LEDGER, sheets), rules, roster)
    people = sq.people(ledger, 2025, rules=rules).set_index("name")
    assert people.loc[["张建国", "王丽", "刘洋"], "role"].tolist() == ["", "", ""]
    assert people.loc[["张建国", "王丽", "刘洋"], "quota"].isna().all()
    assert (people.loc["李娜", "role"], people.loc["李娜", "quota"]) == ("特邀信息员", 12.0)
    assert people.loc[["林海燕", "周立新"], "quota"].tolist() == [2.0, 2.0]
    circ = sq.quarterly_circular(ledger, 2025, 4, rules=rules, today=dt.date(2026, 1, 10))
    assert circ.summary.participation == {"members_with_items": 1, "members": 2, "rate": 0.5}
    assert sorted(circ.behind_people["name"]) == ["周立新", "李娜"]
    basis = sq.annual_commendation(ledger, 2025, rules=rules, today=dt.date(2026, 1, 10)).basis.set_index("name")
    assert basis.loc[["张建国", "王丽", "刘洋"], "eligible"].tolist() == [False, False, False]
    assert all("未列入名册" in r for r in basis.loc[["张建国", "王丽", "刘洋"], "reason"])


# ---------------------------------------------------------------- 3. the county sheets, 汇总 and 任务分解

def test_sheets_of_the_counties_reporting_to_the_city_are_not_another_office(tmp_path):
    """In the city's own workbook, a sheet titled 青山县政协2025年报送市政协… (its items went to the 市政协) and
    one titled 东湖区政协2025年社情民意信息报送采用情况 (in a workbook named after the 江州市政协) hold what the
    counties sent: no office.other_level (it asked for another rules file on each). A county's own ledger
    (白沙县政协2025年社情民意信息台账 in its own file) is still said: its 本级 is the county's."""
    roster = _roster(tmp_path, [["陈静", "委员", "民革市委"]], COUNTIES)
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / LEDGER, {"青山县": [["青山县政协2025年报送市政协社情民意信息登记表"], HEADER, _rows(1, "李秀英")],
                                 "东湖区": [["东湖区政协2025年社情民意信息报送采用情况"], HEADER, _rows(2, "王海")]})
    write_xlsx(folder / "白沙县报来.xlsx", {"S": [["白沙县政协2025年社情民意信息台账"], HEADER, _rows(3, "赵敏")]})
    ledger, report = _read(folder, _city_rules(), roster)
    said = _codes(report, "office.other_level")
    assert [Path(i.file).name for i in said] == ["白沙县报来.xlsx"] and "“白沙县政协”是县级单位" in said[0].message
    assert sorted(zip(ledger.submissions["sheet"], ledger.submissions["unit"])) == [
        ("S", "白沙县政协"), ("东湖区", "东湖区政协"), ("青山县", "青山县政协")]


def test_a_tally_sheet_and_a_quota_sheet_are_said_for_what_they_are(tmp_path):
    """汇总 (单位 | 报送条数 | 市政协采用 over each county's =COUNTA, a 合计 of =SUM) and 统计 (the same typed as
    numbers) are tallies, set aside as such (sheet.tally_sheet, 提示); 任务分解 (each county's quota) says the
    quotas are set in 规则.yaml (quotas.units). Each was a 警告 asking to 补齐表头 (sheet.unrecognised), which a
    sheet of other words (工作安排) still is."""
    roster = _roster(tmp_path, [["陈静", "委员", "民革市委"]], COUNTIES)
    sheets = {"青山县": [HEADER, _rows(1, "李秀英", "2025.11.20"), _rows(2, "张建国")],
              "汇总": [["2025年社情民意信息报送采用情况汇总"], ["单位", "报送条数", "市政协采用"],
                     ["青山县政协", "=COUNTA(青山县!C2:C60)", "=COUNTA(青山县!E2:E60)"],
                     ["合计", "=SUM(B3:B3)", "=SUM(C3:C3)"]],
              "统计": [["单位", "报送条数", "市政协采用"], ["青山县政协", 2, 1], ["合计", 2, 1]],
              "任务分解": [["2025年各县（区）政协社情民意信息工作任务分解表"], ["序号", "单位", "年度报送任务（条）"],
                       [1, "青山县政协", 10], [2, "东湖区政协", 10]],
              "工作安排": [["一、加强信息员队伍建设"], ["二、每季度通报一次"]]}
    ledger, report = _read(write_xlsx(tmp_path / LEDGER, sheets), _city_rules(), roster)
    said = {i.code: [(i.sheet, i.severity) for i in _codes(report, i.code)] for i in report.issues
            if i.code in ("sheet.tally_sheet", "sheet.quotas", "sheet.unrecognised")}
    assert said == {"sheet.tally_sheet": [("汇总", "info"), ("统计", "info")], "sheet.quotas": [("任务分解", "info")],
                    "sheet.unrecognised": [("工作安排", "warning")]}
    assert "quotas.units" in _codes(report, "sheet.quotas")[0].message
    assert len(ledger.submissions) == 2
