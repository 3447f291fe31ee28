"""Rosters written the way offices keep them, and the units their ledgers' items count for.

Every workbook here is written by hand in the test, every answer worked out by hand in the test,
and every ledger is checked for the reader's invariant: each non-empty cell is consumed into a
record or named in a finding.
"""
from __future__ import annotations

import datetime as dt

import sqmy_lib as sq
from sqmy_lib.compute import Period, people, units
from conftest import assert_every_cell_accounted, write_xlsx

DONE = dt.date(2026, 1, 10)  # the year over: every quota judged whole


def _read(path, **kw):
    return assert_every_cell_accounted(path, **kw)


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _roles(ledger) -> dict[str, tuple]:
    year = people(ledger, Period.of(2025), today=DONE)
    return {n: (r, q, s) for n, r, q, s in zip(year["name"], year["role"], year["quota"], year["submitted"])}


# ---------------------------------------------------------------- 职务: a post, or a 身份

def test_a_post_column_on_a_members_roster_is_no_role(tmp_path):
    # 委员名册 with 职务 (行长, 教授) and no 身份 column: 职务 was read as the 身份, each 委员's role 行长 or
    # 教授 with no quota, none of them a 委员 (participation 0 of 0), and roster.role_unknown told staff
    # to overwrite their job titles. By hand: both are 委员 (the sheet's name), 2 a year each; 张三 sent 1.
    # The 职务 is said unread with its 2 cells, as 性别 is with its 2.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["序号", "姓名", "性别", "界别", "所在单位", "职务"],
                   [1, "张三", "男", "经济界", "县农商银行", "行长"],
                   [2, "李四", "男", "教育界", "县第一中学", "教授"]],
        "报送单位": [["单位名称", "单位类型"], ["经济界", "界别组"], ["教育界", "界别组"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"],
                                                        ["A1", "2025-03-08", "关于小微企业信贷的建议", "张三", "经济界", "√"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert _roles(ledger) == {"张三": ("委员", 2, 1), "李四": ("委员", 2, 0)}
    assert not _codes(report, "roster.role_unknown")
    unread = [(i.sheet, i.row, i.column, i.message.split("”")[0]) for i in _codes(report, "roster.column_unread")]
    assert unread == [("委员名册", 1, "C", "名册“性别"), ("委员名册", 1, "F", "名册“职务")]
    assert [i.message.rsplit("该列 ", 1)[1] for i in _codes(report, "roster.column_unread")] == ["2 个单元格未读取"] * 2


def test_a_post_column_naming_some_roles_reads_those(tmp_path):
    # 信息员名册 | 职务: 王五 县政协委员 (a role: he is a 委员, owing 2 a year, as before), 赵六 副局长 (his post:
    # he is a 信息员, as the sheet's name says, owing 12 months; was role 副局长, no quota, roster.role_unknown),
    # 孙七 with no 职务 (a 信息员; was no role at all, silently). The one post is said unread.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["序号", "姓名", "职务", "工作单位"],
                                                             [1, "王五", "县政协委员", "民进县委"],
                                                             [2, "赵六", "副局长", "县民政局"],
                                                             [3, "孙七", None, "县卫健局"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者"],
                                                        ["A1", "2025-05-10", "关于一的建议", "赵六"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert _roles(ledger) == {"王五": ("委员", 2, 0), "赵六": ("信息员", 12, 1), "孙七": ("信息员", 12, 0)}
    assert not _codes(report, "roster.role_unknown")
    assert [(i.column, i.message.rsplit("该列 ", 1)[1]) for i in _codes(report, "roster.column_unread")] == [("C", "1 个单元格未读取")]
