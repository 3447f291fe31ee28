"""A district office's 批示 督办 and 任务 as its staff keep them: a 落实情况 that writes the day the
handling unit reported back (已于4月10日书面反馈), a 督办 sheet whose status column is headed 督办状态,
and a 名册 unit sheet with a 年度任务 column. Every answer worked by hand in the comments."""
from __future__ import annotations

import datetime as dt

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.compute import Period, instructions

from conftest import assert_every_cell_accounted, findings, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示日期", "交办日期", "办理时限", "落实情况"]


def test_a_follow_up_that_writes_the_day_of_its_written_reply_answers_on_that_day(tmp_path):
    # All 批示 2026-02-20, 交办 2026-02-25. As of 30 June 2026 (first half):
    # D1: 时限 60天 → due 2026-04-26; "已于4月10日书面反馈": the unit replied on 10 April, in time →
    #     办复 2026-04-10, not overdue, status 办理中 (a reply says nothing of resolution), no warning
    #     (it read 办理中 "无法判断", 逾期 是 — one overdue too many, the warning saying nothing of 逾期).
    # D2: 时限 60天, "已于2026年4月30日电话答复": replied 30 April, after the 26 April limit → not overdue
    #     (answered), 逾期办复.
    # D3: 时限 30天 → due 2026-03-27; "已于3月20日落实": done on 20 March → 已办结, 办复 2026-03-20.
    # D4: 时限 30天, "正在办理": no reply, past its limit → overdue, 办理中.
    # D5: 时限 30天, "尚未书面反馈": no reply, as 尚未反馈 → 未反馈, overdue (the negation denies the reply).
    rows = [["2026年社情民意信息台账"], HEADER,
            [1, "2026-02-01", "关于甲的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "60天", "已于4月10日书面反馈"],
            [2, "2026-02-02", "关于乙的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "60天", "已于2026年4月30日电话答复"],
            [3, "2026-02-03", "关于丙的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "30天", "已于3月20日落实"],
            [4, "2026-02-04", "关于丁的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "30天", "正在办理"],
            [5, "2026-02-05", "关于戊的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "30天", "尚未书面反馈"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert findings(report, "instruction.follow_up_unknown") == []
    table = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10))
    by = table.set_index("title")
    titles = ["关于甲的建议", "关于乙的建议", "关于丙的建议", "关于丁的建议", "关于戊的建议"]
    assert by.loc[titles, "status"].tolist() == ["办理中", "办理中", "已办结", "办理中", "未反馈"]
    assert by.loc[titles, "overdue"].tolist() == [False, False, False, True, True]
    assert by.loc[titles, "late"].tolist() == [False, True, False, False, False]
    assert by.loc[titles[:3], "replied"].tolist() == [pd.Timestamp(2026, 4, 10), pd.Timestamp(2026, 4, 30), pd.Timestamp(2026, 3, 20)]
    assert by.loc[titles[3:], "replied"].isna().all()
    assert int(table["overdue"].sum()) == 2


def test_a_duban_sheet_status_column_is_the_follow_up(tmp_path):
    # The items ledger with no follow-up; a 批示件督办台账 keeping the status under 督办状态.
    # As of 30 June 2026, 批示 2026-03-10, 交办 2026-03-12, 时限 30天 → due 2026-04-11:
    # 甲 已办结 (反馈日期 2026-04-01: replied then) → 已办结, not overdue;
    # 乙 已反馈 (反馈日期 2026-04-05) → 办理中, answered, not overdue;
    # 丙 正在办理 → 办理中, overdue; 丁 未反馈 → 未反馈, overdue.
    # The column was "表头无法识别" and every status unread: all four read 未反馈 and overdue but 甲 and 乙.
    items = [["2026年社情民意信息台账"], ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示日期"]]
    duban = [["2026年领导批示件督办台账"], ["序号", "信息标题", "批示领导", "批示时间", "承办单位", "交办时间", "办理时限", "反馈日期", "督办状态"]]
    cases = [("关于甲的建议", "2026-04-01", "已办结"), ("关于乙的建议", "2026-04-05", "已反馈"),
             ("关于丙的建议", None, "正在办理"), ("关于丁的建议", None, "未反馈")]
    for n, (title, fed_back, status) in enumerate(cases, 1):
        items.append([n, f"2026-03-0{n}", title, "李四", "民建区委", "区政协编发", "区委书记孙某", "2026-03-10"])
        duban.append([n, title, "区委书记孙某", "2026-03-10", "区民政局", "2026-03-12", "30天", fed_back, status])
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": items, "批示件督办台账": duban})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert findings(report, "header.unknown") == []
    by = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10)).set_index("title")
    titles = [c[0] for c in cases]
    assert by.loc[titles, "status"].tolist() == ["已办结", "办理中", "办理中", "未反馈"]
    assert by.loc[titles, "overdue"].tolist() == [False, False, True, True]
    assert len(by) == 4  # one 批示 an item, the ledger's and the 督办 sheet's copies one


def test_a_quota_column_in_the_roster_is_said_to_be_not_the_quota_judged(tmp_path):
    # The 单位 sheet writes 年度任务 as staff do (10条/年, 每季度3条, 全年不少于12篇, 0, blank). The quotas
    # judged are the rules' (民主党派 3 a quarter: 12 a year), so 民盟区委's two items are 2/12, not 2/10:
    # the column must be said as a quota column not followed, a warning, not a mere unread column.
    roster = {"单位": [["单位名称", "单位类型", "年度任务"],
                       ["民盟区委", "民主党派", "10条/年"], ["民建区委", "民主党派", "每季度3条"],
                       ["城关街道政协工委", "镇街政协工委", "全年不少于12篇"], ["经济界别组", "界别组", 0],
                       ["教育界别组", "界别组", None]]}
    write_xlsx(tmp_path / "名册.xlsx", roster)
    rows = [["2026年社情民意信息台账"], ["序号", "报送日期", "信息标题", "作者", "单位"],
            [1, "2026-01-10", "关于甲的建议", "民盟区委", "民盟区委"], [2, "2026-02-10", "关于乙的建议", "民盟区委", "民盟区委"]]
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})
    ledger = sq.read_ledgers(tmp_path, year=2026)
    report = sq.validate(ledger)
    [said] = findings(report, "roster.quota_column")
    assert (said.sheet, said.column, said.row, said.severity) == ("单位", "C", 1, "warning")
    assert "年度任务" in said.message and "4 个单元格未读取" in said.message and "规则文件" in said.message
    assert findings(report, "roster.column_unread") == []
    units = sq.units(ledger, Period.of(2026, 1)).set_index("unit")
    assert units.at["民盟区委", "quota"] == 3  # Q1: the rules' 3 a quarter, said above
