"""A district office's 批示 督办 ledger as its staff keep it: a 是否反馈 column of 是/否 beside the
落实情况, a 落实情况 saying the author was told (已向作者反馈, 已反馈给提供者) rather than that the
handling unit replied. Every answer worked by hand in the comments."""
from __future__ import annotations

import datetime as dt

import sqmy_lib as sq
from sqmy_lib.compute import Period, instructions

from conftest import assert_every_cell_accounted, findings, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示日期", "承办单位", "交办日期", "办理时限"]


def _ledger(tmp_path, extra_header, cases):
    rows = [["2026年社情民意信息台账"], HEADER + extra_header]
    for n, (title, *rest) in enumerate(cases, 1):
        rows.append([n, "2026-02-01", title, "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20",
                     "区民政局", "2026-02-25", "30天", *rest])
    return write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})


def test_a_yes_no_reply_column_reads_replied_or_not_beside_the_follow_up(tmp_path):
    # 交办 2026-02-25, 时限 30天 → due 2026-03-27; as of 30 June 2026 all past their limit.
    # 是否反馈 | 落实情况:
    #   甲 是 | (blank)    → 已反馈: answered, 办理中, not overdue
    #   乙 否 | (blank)    → 未反馈, overdue
    #   丙 是 | 正在推进    → answered, 办理中, not overdue
    #   丁 否 | 正在办理    → not answered, 办理中, overdue
    #   戊 (blank) | 已解决 → 已办结, not overdue
    # Overdue: 乙, 丁 = 2. The base read 是否反馈 as the 落实情况 (是/否 "无法判断", 办理中) and the real
    # 落实情况 column as a duplicate, unread: 甲乙丙丁 办理中 (是/否 "无法判断"), 戊 未反馈, all five overdue.
    cases = [("关于甲的建议", "是", None), ("关于乙的建议", "否", None), ("关于丙的建议", "是", "正在推进"),
             ("关于丁的建议", "否", "正在办理"), ("关于戊的建议", None, "已解决")]
    path = _ledger(tmp_path, ["是否反馈", "落实情况"], cases)
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert findings(report, "instruction.follow_up_unknown") == []
    assert findings(report, "header.duplicate") == []
    by = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10)).set_index("title")
    titles = [c[0] for c in cases]
    assert by.loc[titles, "status"].tolist() == ["办理中", "未反馈", "办理中", "办理中", "已办结"]
    assert by.loc[titles, "overdue"].tolist() == [False, True, False, True, False]
    assert by.loc[titles, "warning"].tolist() == [""] * 5


def test_a_reply_to_the_author_is_not_the_units_reply(tmp_path):
    # 时限 30天 from 交办 2026-02-25 → due 2026-03-27; as of 30 June 2026:
    #   甲 已向作者反馈       → the office told the author; no 办复 of the unit: 办理中, overdue, said
    #   乙 已反馈给提供者     → the same (the base read 已反馈: answered, not overdue, nothing said)
    #   丙 已答复，已向作者反馈 → the unit replied: 办理中, not overdue, nothing said
    #   丁 已办结，已反馈作者   → 已办结, not overdue, nothing said
    #   戊 反馈日期 2026-04-15 | 已向作者反馈 → the day written is the reply's (as a 反馈日期 column is read):
    #      answered 15 April, after 27 March: not overdue, 逾期办复, nothing said
    # Overdue: 甲, 乙 = 2.
    cases = [("关于甲的建议", None, "已向作者反馈"), ("关于乙的建议", None, "已反馈给提供者"),
             ("关于丙的建议", None, "已答复，已向作者反馈"), ("关于丁的建议", None, "已办结，已反馈作者"),
             ("关于戊的建议", "2026-04-15", "已向作者反馈")]
    path = _ledger(tmp_path, ["反馈日期", "落实情况"], cases)
    ledger, report = assert_every_cell_accounted(path, year=2026)
    said = findings(report, "instruction.reply_to_author")
    assert [(s.column, s.row) for s in said] == [("M", 3), ("M", 4)]
    assert all("不是承办单位对批示的办复" in s.message and "逾期" in s.message for s in said)
    assert findings(report, "instruction.follow_up_unknown") == []
    by = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10)).set_index("title")
    titles = [c[0] for c in cases]
    assert by.loc[titles, "status"].tolist() == ["办理中", "办理中", "办理中", "已办结", "办理中"]
    assert by.loc[titles, "overdue"].tolist() == [True, True, False, False, False]
    assert by.loc[titles, "late"].tolist() == [False, False, False, False, True]
    assert [bool(w) for w in by.loc[titles, "warning"]] == [True, True, False, False, False]


def test_a_written_overdue_is_read_and_said_where_the_time_limit_does_not_bear_it_out(tmp_path):
    # 交办 2026-02-25; validated on 10 July 2026, tabled as of 30 June 2026.
    # 办理时限 | 落实情况:
    #   甲 30天         | 逾期            → due 2026-03-27, past: 办理中, overdue; nothing to say
    #   乙 (none)       | 已逾期未反馈     → 未反馈; due by the rules' default 30天 2026-03-27, overdue;
    #                                       said: no 时限 written, the word not the reckoning
    #   丙 2026-08-31   | 超期            → 办理中; not due until 31 August: not overdue, said
    #   丁 15个工作日    | 逾期办结        → 已办结 (due 2026-03-18 working days), not overdue, nothing said
    #   戊 3月31日前     | 未逾期，正在办理  → 办理中; due 2026-03-31, past as of 30 June: overdue; nothing said
    # The base warned 甲 乙 丙 丁 "无法判断是否办结" (乙 办理中 not 未反馈) and said nothing of 丙's 时限.
    # Overdue as of 30 June: 甲 乙 戊 = 3.
    cases = [("关于甲的建议", "30天", "逾期"), ("关于乙的建议", None, "已逾期未反馈"), ("关于丙的建议", "2026-08-31", "超期"),
             ("关于丁的建议", "15个工作日", "逾期办结"), ("关于戊的建议", "3月31日前", "未逾期，正在办理")]
    rows = [["2026年社情民意信息台账"], HEADER + ["落实情况"]]
    for n, (title, due, follow_up) in enumerate(cases, 1):
        rows.append([n, "2026-02-01", title, "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20",
                     "区民政局", "2026-02-25", due, follow_up])
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger, today=dt.date(2026, 7, 10))
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)
    assert findings(report, "instruction.follow_up_unknown") == []
    said = findings(report, "instruction.overdue_written")
    assert [(s.column, s.row) for s in said] == [("L", 4), ("L", 5)]
    assert "台账未写办理时限" in said[0].message and "2026-08-31" in said[1].message
    by = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10)).set_index("title")
    titles = [c[0] for c in cases]
    assert by.loc[titles, "status"].tolist() == ["办理中", "未反馈", "办理中", "已办结", "办理中"]
    assert by.loc[titles, "overdue"].tolist() == [True, True, False, False, True]
    assert by.loc[titles, "due"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-27", "2026-03-27", "2026-08-31",
                                                                      "2026-03-18", "2026-03-31"]


def test_a_separate_duban_sheet_with_both_assigning_and_handling_units_reads_the_handling_one(tmp_path):
    # The items sheet (编号 SQ2026-00n) and a 督办 sheet linked by 编号, writing 交办单位 (区政府办, who
    # assigned it) before 承办单位 (区民政局、区财政局, who handle it). 交办 2026-02-25, 时限 15个工作日 →
    # due 2026-03-18 (Feb 26, 27; Mar 2-6, 9-13; 16, 17, 18). As of 30 June 2026:
    #   001 是否反馈 是, 反馈日期 2026-03-20, 已办结  → 已办结, answered 20 March, after the 18th: 逾期办复
    #   002 否, 正在推进                            → 办理中, overdue
    #   003 是, 2026-04-15, 已向作者反馈             → 办理中, answered 15 April: 逾期办复, not overdue
    # Each 批示's 承办单位 is 区民政局、区财政局 (the base read 区政府办 and left the 承办单位 column unread,
    # "与前面的列含义相同"); the 交办单位 column is read past, said (header.ignored).
    items = [["2026年社情民意信息台账"], ["编号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示情况"]]
    duban = [["领导批示件督办台账"], ["编号", "批示领导", "批示日期", "交办单位", "承办单位", "交办日期", "办理时限",
                                     "是否反馈", "反馈日期", "落实情况"]]
    cases = [("SQ2026-001", "是", "2026-03-20", "已办结"), ("SQ2026-002", "否", None, "正在推进"),
             ("SQ2026-003", "是", "2026-04-15", "已向作者反馈")]
    for n, (no, replied, day, follow_up) in enumerate(cases, 1):
        items.append([no, "2026-02-01", f"关于{n}的建议", "张三", "民盟区委", "区政协编发", "区长刘某批示"])
        duban.append([no, "区长刘某", "2026-02-20", "区政府办", "区民政局、区财政局", "2026-02-25", "15个工作日",
                      replied, day, follow_up])
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": items, "督办": duban})
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger, today=dt.date(2026, 7, 10))
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)
    assert findings(report, "header.duplicate") == []
    [ignored] = findings(report, "header.ignored")
    assert (ignored.sheet, ignored.column) == ("督办", "D")
    assert findings(report, "instruction.reply_to_author") == []  # 003 writes its 反馈 day
    by = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10)).set_index("title")
    titles = ["关于1的建议", "关于2的建议", "关于3的建议"]
    assert by.loc[titles, "department"].tolist() == ["区民政局、区财政局"] * 3
    assert by.loc[titles, "due"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-18"] * 3
    assert by.loc[titles, "status"].tolist() == ["已办结", "办理中", "办理中"]
    assert by.loc[titles, "overdue"].tolist() == [False, True, False]
    assert by.loc[titles, "late"].tolist() == [True, False, True]
