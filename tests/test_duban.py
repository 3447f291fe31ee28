"""批示 tracked like 提案 (L33, issue 13): the 督办 columns read from real ledgers, the status from
a closed vocabulary with negation handled, 办理时限 and overdue items first, the JSON fields, and
好信息 only from items the follow-up shows resolved."""
from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

import sqmy_lib as sq
from sqmy_lib.compute import Period, instructions
from sqmy_lib.compute.instructions import Vocabulary
from sqmy_lib.rules import Rules, load_rules

from conftest import write_xlsx

TOP = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", None, None, None, None, None, None, None, None]
SUB = [None] * 6 + ["批示领导", "批示日期", "落实情况", "承办单位", "交办日期", "办理时限", "办复日期", "办复情况", "反馈日期"]
ROWS = [
    # Replied in time and resolved.
    ["A1", "2025-03-01", "关于甲的建议", "张三", "民盟县委", "县政协编发", "市长刘某", "2025-03-10", "已落实,问题得到解决",
     "县水利局", "2025-03-12", "30天", "2025-04-01", "已办复", "2025-04-05"],
    # 交办 12 March with a dated 时限 of 1 May; no reply: overdue at the end of June.
    ["A2", "2025-03-02", "关于乙的建议", "张三", "民盟县委", "县政协编发", "县长王某", "2025-03-10", "问题尚未得到解决",
     "县交通局", "2025-03-12", "2025年5月1日前", None, None, None],
    # No 时限, not 交办: the default 30 days from the 批示 (20 May) run to 19 June; no reply: overdue.
    ["A3", "2025-05-02", "关于丙的建议", "李四", "民建县委", "市政协采用", "副市长赵某", "2025-05-20", "暂未办结",
     None, None, None, None, None, None],
    # Follow-up that says nothing the vocabulary knows; 时限 in 90 days: not overdue yet.
    ["A4", "2025-05-03", "关于丁的建议", "李四", "民建县委", "县政协编发", "县长王某", "2025-06-01", "领导高度重视",
     "县卫健局", "2025-06-02", "90日内", None, None, None],
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("duban") / "台账.xlsx"
    write_xlsx(path, {"2025年": [["2025年度社情民意信息台账"], TOP, SUB, *ROWS]}, {"2025年": ["G2:O2"]})
    return sq.read_ledgers(path)


def test_duban_columns_are_read(ledger):
    instr = ledger.instructions.set_index(ledger.instructions["item"].map(ledger.submissions.set_index("item")["item_no"]))
    assert instr.at["A1", "department"] == "县水利局" and instr.at["A1", "reply"] == "已办复"
    assert (instr.at["A1", "assigned_on"], instr.at["A1", "due_days"], instr.at["A1", "replied_on"], instr.at["A1", "fed_back_on"]) == (
        pd.Timestamp(2025, 3, 12), 30, pd.Timestamp(2025, 4, 1), pd.Timestamp(2025, 4, 5))
    assert instr.at["A2", "due_on"] == pd.Timestamp(2025, 5, 1) and pd.isna(instr.at["A2", "due_days"])
    assert instr.at["A3", "department"] == "" and pd.isna(instr.at["A3", "assigned_on"])
    assert instr.at["A4", "due_days"] == 90


def test_single_level_synonyms_are_read(tmp_path):
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理单位", "交办时间", "办结时限",
              "办复时间", "办理结果", "反馈作者日期"]
    row = ["B1", "2025-03-01", "关于同义词的建议", "张三", "市长刘某", "2025-03-10", "县教育局", "2025/3/11", "2025.4.30",
           "2025年4月20日", "已整改到位", "4月25日"]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "t.xlsx", {"2025年": [["2025年台账"], header, row]}))
    [r] = ledger.instructions.to_dict("records")
    assert (r["department"], r["assigned_on"], r["due_on"], r["replied_on"], r["reply"], r["fed_back_on"]) == (
        "县教育局", pd.Timestamp(2025, 3, 11), pd.Timestamp(2025, 4, 30), pd.Timestamp(2025, 4, 20), "已整改到位", pd.Timestamp(2025, 4, 25))
    assert r["follow_up"] == ""  # 办理结果 is the reply, not the 落实情况


def test_an_unreadable_duban_date_is_a_finding(tmp_path):
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "交办日期", "承办单位"]
    rows = [["2025年台账"], header, ["C1", "2025-03-01", "关于坏日期的建议", "张三", "市长刘某", "下周一", "县财政局"],
            ["C2", "2025-03-02", "关于无批示的建议", "张三", None, None, "县财政局"]]
    path = write_xlsx(tmp_path / "t.xlsx", {"2025年": rows})
    issues = {(i.code, i.row, i.column) for i in sq.validate(sq.read_ledgers(path)).issues}
    assert ("cell.date_invalid", 3, "F") in issues
    assert ("cell.orphan", 4, "G") in issues


@pytest.mark.parametrize("text,status,understood", [
    ("已落实,问题得到解决", "已办结", True),
    ("已采纳", "已办结", True),
    ("问题尚未得到解决", "办理中", True),
    ("未采纳", "办理中", True),
    ("暂未办结", "办理中", True),
    ("不予采纳", "办理中", True),
    ("没有得到解决", "办理中", True),
    ("部分问题已解决,其余问题仍未解决", "办理中", True),  # said and denied: not resolved
    ("问题已解决,群众不再反映", "已办结", True),  # 不 denies no resolution
    ("已转交相关部门研究解决", "办理中", True),  # 已转: handed on, in progress; 解决 alone never resolves
    ("部分落实", "办理中", True),
    ("已办理完毕", "已办结", True),
    ("尚未出台", "办理中", True),
    ("部分已整改,部分尚未整改到位", "办理中", True),  # said and denied: not resolved
    ("正在办理", "办理中", True),
    ("领导高度重视", "办理中", False),  # unknown: in progress, with a warning, never resolved
    ("", "未反馈", True),
    ("未发现新问题;已办结", "已办结", True),  # a negation in another clause does not reach
    ("/", "未反馈", True),  # a slash, a dash or 无 typed for "nothing yet" (the whole cell)
    ("— ", "未反馈", True),
    ("无", "未反馈", True),
    ("暂未反馈", "未反馈", True),
    ("已反馈作者", "办理中", True),
    ("无法落实", "办理中", False),  # 无 inside a sentence is not the 未反馈 cell
    # A resolution in part is work in progress, understood: 部分采纳, 已解决一半, 已完成部分, 已解决部分问题.
    ("部分采纳", "办理中", True),
    ("已解决一半", "办理中", True),
    ("已完成部分", "办理中", True),
    ("已解决部分问题", "办理中", True),
    ("采纳情况待反馈", "办理中", False),  # 采纳 names what is awaited: not resolved, and said
    ("落实结果待反馈", "办理中", False),
    ("已全部落实", "已办结", True),
    ("已办结,问题部分解决", "已办结", True),  # the office says it closed the case
    # A resolution word after a plan or an expectation in its clause (rules plan_words) is a plan: 办理中,
    # understood (were 已办结: never overdue, and put forward as 好信息). A deed beside work still going on
    # (已完成调研,正在制定方案) is 办理中 too; a part done anywhere before the word in its clause as well.
    ("正在办理,预计6月底前办结", "办理中", True),
    ("已完成调研,正在制定方案", "办理中", True),
    ("已落实责任单位,正在推进", "办理中", True),
    ("拟采纳", "办理中", True),
    ("待办结", "办理中", True),
    ("争取年底前全部落实", "办理中", True),
    ("即将办结", "办理中", True),
    ("拟于9月底前办结", "办理中", True),
    ("待采纳", "办理中", True),
    ("是否采纳待定", "办理中", True),
    ("年内全部落实", "办理中", True),
    ("计划全面落实", "办理中", True),
    ("要求7月底前整改到位", "办理中", True),
    ("督促尽快落实到位", "办理中", True),
    ("部分建议已采纳", "办理中", True),
    ("建议已被采纳,待办结后反馈", "办理中", True),
    ("已于6月底前办结", "已办结", True),  # 已于: done, not 将于
    ("已办结并已反馈", "已办结", True),  # a reply beside the deed is no work going on
    # What a deed was done by (按批示要求, 按计划) is no plan: these were 办理中, understood (unsaid). Rules
    # 2025.4: 处理完毕, 完成整改, 落实完毕; 已经 as 已. A plan after 按要求 stays a plan.
    ("相关部门已按批示要求落实到位", "已办结", True),
    ("已按计划完成整改", "已办结", True),
    ("按要求预计6月底前办结", "办理中", True),
    ("督促相关部门按要求落实", "办理中", True),
    ("市住建局已牵头处理完毕", "已办结", True),
    ("已于5月完成整改", "已办结", True),
    ("已经落实", "已办结", True),
    ("尚未处理完毕", "办理中", True),
    ("相关部门已按批示要求落实", "办理中", False),  # 落实 alone says no deed the rules list: said
    # Rules 2025.6: a resolution with its manner (得到有效解决, 已妥善解决) is done; 无反馈, 暂无反馈 and 没有反馈
    # say nothing came back. These were 办理中, said as not understood.
    ("问题得到有效解决", "已办结", True),
    ("已妥善解决", "已办结", True),
    ("问题尚未得到有效解决", "办理中", True),
    ("无反馈", "未反馈", True),
    ("暂无反馈", "未反馈", True),
    ("没有反馈", "未反馈", True),
    # Rules 2025.7: done in part or with work remaining is 办理中. These were 已办结 (not overdue, 好信息 candidates).
    ("已落实，但资金尚未到位", "办理中", True),
    ("已办结（部分）", "办理中", True),
    ("已落实30%", "办理中", True),
    ("已整改完毕，待验收", "办理中", True),
    ("已落实100%", "已办结", True),
    ("问题已解决，未再发生", "已办结", True),  # a negation with no contrast before it: no work left
    # A first stage or a share done, something awaited, or the resolution answered no: 办理中 (were 已办结).
    ("已完成前期工作", "办理中", True),
    ("已落实（第一期）", "办理中", True),
    ("主体工程已完成", "办理中", True),
    ("已完成七成", "办理中", True),
    ("已完成大部分", "办理中", True),
    ("已解决，资金待拨付", "办理中", True),
    ("已完成（资金未到位）", "办理中", True),
    ("已落实，待省里批复", "办理中", True),
    ("已办结：否", "办理中", True),
    ("已落实到位", "已办结", True),
    # Listed into a plan is a deed, as 按计划 is (was 办理中); the question answered yes is 已办结 (was 办理中).
    ("已列入计划并已完成", "已办结", True),
    ("是否办结：是", "已办结", True),
])
def test_status_vocabulary_with_negation(text, status, understood):
    assert Vocabulary.of(load_rules(year=2025)).status(text) == (status, understood)


def test_a_follow_up_no_word_places_is_named_at_its_cell(ledger):
    # A4's 落实情况 "领导高度重视" (column I, row 7): counted 办理中 and reported, in validation as in compute.
    found = [(i.code, i.row, i.column) for i in sq.validate(ledger).issues if i.code == "instruction.follow_up_unknown"]
    assert found == [("instruction.follow_up_unknown", 7, "I")]
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31)).set_index("title")
    assert table.at["关于丁的建议", "status"] == "办理中" and "领导高度重视" in table.at["关于丁的建议", "warning"]


def test_overdue_first_with_due_dates(ledger):
    table = instructions(ledger, Period.of(2025, half=1), today=dt.date(2026, 1, 1))
    # As of 30 June: A2 (due 1 May) and A3 (due 19 June) are overdue, oldest first; then A1, A4.
    assert list(table["item_no"]) == ["A2", "A3", "A1", "A4"]
    by = table.set_index("item_no")
    assert list(table["overdue"]) == [True, True, False, False]
    assert by.at["A1", "due"] == pd.Timestamp("2025-04-11")  # 交办 12 March + 30 days
    assert by.at["A3", "due"] == pd.Timestamp("2025-06-19")  # 批示 20 May + the default 30
    assert by.at["A4", "due"] == pd.Timestamp("2025-08-31")  # 交办 2 June + 90
    assert list(by["status"]) == ["办理中", "办理中", "已办结", "办理中"]
    assert by.at["A4", "warning"].startswith("落实情况“领导高度重视”无法判断是否办结")
    assert by.at["A1", "replied"] == pd.Timestamp("2025-04-01") and by.at["A1", "department"] == "县水利局"


def test_default_due_days_is_a_rule(ledger):
    data = copy.deepcopy(load_rules(year=2025).data)
    data["instructions"]["due_days"] = 60
    table = instructions(ledger, Period.of(2025, half=1), Rules(data), today=dt.date(2026, 1, 1)).set_index("item_no")
    assert table.at["A3", "due"] == pd.Timestamp("2025-07-19") and not table.at["A3", "overdue"]


def test_good_items_only_from_resolved(ledger):
    comm = sq.annual_commendation(ledger, 2025)
    assert list(comm.good_items["title"]) == ["关于甲的建议"]
    assert set(comm.candidates["好信息"]["title"]) == {"关于甲的建议"}


def test_instructions_json_fields(tmp_path):
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], TOP, SUB, *ROWS]}, {"2025年": ["G2:O2"]})
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "instructions", str(path), "--year", "2025",
                             "--format", "json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"item_no", "title", "leader", "level", "date", "follow_up", "status", "days_open", "department", "assigned",
            "due", "replied", "overdue"} <= set(rows[0])
    first = rows[0]
    assert (first["item_no"], first["overdue"], first["due"], first["replied"]) == ("A2", True, "2025-05-01", None)
    a1 = next(r for r in rows if r["item_no"] == "A1")
    assert (a1["department"], a1["assigned"], a1["replied"], a1["status"], a1["overdue"]) == (
        "县水利局", "2025-03-12", "2025-04-01", "已办结", False)


def test_working_days_and_the_end_of_a_month(tmp_path):
    # 30个工作日 is six weeks of working days, not 30 days (the 批示 was overdue 12 days early); 5月底前
    # is 31 May (it was read as the 21st, the 下旬's first day); 半个月 is 15 days. Worked by hand:
    # 交办 Wednesday 12 March 2025 + 30 working days = Wednesday 23 April; 交办 1 April + 15 days = 16 April.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "交办日期", "办理时限"]
    rows = [header, ["W1", "2025-03-01", "关于甲的建议", "张三", "市长刘某", "2025-03-12", "30个工作日"],
            ["W2", "2025-03-02", "关于乙的建议", "张三", "市长刘某", "2025-03-12", "5月底前"],
            ["W3", "2025-03-03", "关于丙的建议", "张三", "市长刘某", "2025-04-01", "半个月内"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "w.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 4, 30)).set_index("item_no")
    assert table.at["W1", "due"] == pd.Timestamp("2025-04-23")
    assert table.at["W2", "due"] == pd.Timestamp("2025-05-31")
    assert table.at["W3", "due"] == pd.Timestamp("2025-04-16")
    assert list(table.loc[["W1", "W2", "W3"], "overdue"]) == [True, False, True]  # as of 30 April


def test_time_limits_written_with_what_they_ask_for(tmp_path):
    # Offices write the 时限 with the deed it asks for and around a part of a month or the year; each
    # was said unreadable and the default 30 days from the 批示 used. Worked by hand from 交办 1 April 2025:
    # 请于收到后10日内办复 → 11 April; 30日内答复 → 1 May; 5月10日前反馈 → 10 May; 5月中旬前 → 20 May (the
    # 中旬's last day); 年底前 → 31 December; 本月底前 needs the month it was written in: said, with the 30 days used.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "交办日期", "办理时限"]
    limits = ["请于收到后10日内办复", "30日内答复", "2025年5月10日前反馈", "5月中旬前", "年底前", "本月底前"]
    rows = [header] + [[f"D{k}", "2025-03-01", f"关于第{k}件的建议", "张三", "市长刘某", "2025-04-01", text]
                       for k, text in enumerate(limits, 1)]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "d.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 5, 15)).set_index("item_no")
    assert [table.at[f"D{k}", "due"] for k in range(1, 6)] == [
        pd.Timestamp("2025-04-11"), pd.Timestamp("2025-05-01"), pd.Timestamp("2025-05-10"),
        pd.Timestamp("2025-05-20"), pd.Timestamp("2025-12-31")]
    assert list(table.loc[["D1", "D2", "D3", "D4", "D5"], "overdue"]) == [True, True, True, False, False]
    report = sq.validate(ledger)
    assert [(i.row, i.column) for i in report.issues if i.code == "instruction.due_unread"] == [(7, "G")]


def test_the_duban_table_is_as_of_its_day_and_a_future_instruction_is_said(tmp_path):
    # As of 15 October a 批示 dated 10 November is not given yet: it was listed with -26 days open.
    # A 批示 dated after today is an error at its cell, as a future 收稿日期 or 采用日期 is.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期"]
    rows = [header, ["F1", "2025-03-01", "关于甲的建议", "张三", "市长刘某", "2025-09-01"],
            ["F2", "2025-03-02", "关于乙的建议", "张三", "市长刘某", "2025-11-10"],
            ["F3", "2025-03-03", "关于丙的建议", "张三", "市长刘某", "2099-01-01"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "f.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 10, 15))
    assert table["item_no"].tolist() == ["F1"] and table["days_open"].tolist() == [44]
    report = sq.validate(ledger)
    assert [(i.row, i.column) for i in report.issues if i.code == "instruction.future"] == [(4, "F")]


def test_a_reply_after_the_as_of_day_had_not_come(tmp_path):
    # 批示 1 August, 时限 31 August, 办复 15 October, 已办结: as of 30 September (the Q3 circular) it was
    # 办理中 and 30 days past its 时限 (it read 已办结, not overdue). As of the year's end it is 已办结.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理时限", "办复日期", "办复情况"]
    rows = [header, ["R1", "2025-07-01", "关于甲的建议", "张三", "县长李某", "2025-08-01", "2025-08-31", "2025-10-15", "已办结"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "r.xlsx", {"S": rows}), year=2025)
    q3 = instructions(ledger, Period.of(2025, quarter=3), today=dt.date(2026, 1, 10))
    assert (q3.at[0, "status"], bool(q3.at[0, "overdue"]), q3.at[0, "days_open"]) == ("办理中", True, 60)
    year = instructions(ledger, Period.of(2025), today=dt.date(2026, 1, 10))
    assert (year.at[0, "status"], bool(year.at[0, "overdue"])) == ("已办结", False)


def test_a_reply_after_its_time_limit_is_late(tmp_path):
    # L1: 时限 31 August, 办复 15 October: answered (not overdue), but 逾期办复. L2: 办复 20 August, in time.
    # L3: no 办复, 时限 passed: overdue, and not late (there is no reply to be late). As of 31 December.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理时限", "办复日期", "办复情况"]
    rows = [header, ["L1", "2025-07-01", "关于甲的建议", "张三", "县长李某", "2025-08-01", "2025-08-31", "2025-10-15", "已办结"],
            ["L2", "2025-07-02", "关于乙的建议", "张三", "县长李某", "2025-08-01", "2025-08-31", "2025-08-20", "已办结"],
            ["L3", "2025-07-03", "关于丙的建议", "张三", "县长李某", "2025-08-01", "2025-08-31", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "l.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2026, 1, 10)).set_index("item_no")
    assert table.loc[["L1", "L2", "L3"], "late"].tolist() == [True, False, False]
    assert table.loc[["L1", "L2", "L3"], "overdue"].tolist() == [False, False, True]
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "instructions", str(tmp_path / "l.xlsx"),
                             "--year", "2025", "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "逾期办复" in result.stdout.splitlines()[0]
    from sqmy_lib.render.circular_text import instruction_rows

    rows = instruction_rows(sq.quarterly_circular(ledger, 2025, 4, today=dt.date(2026, 1, 10))).set_index("item_no")
    assert rows.loc[["L1", "L2"], "status"].tolist() == ["已办结（逾期办复）", "已办结"]


def test_a_day_of_completion_alone_closes_and_a_reply_said_in_words_answers(tmp_path):
    # 批示 1 February, 时限 3 March (the default 30 days). As of 30 June:
    # C1: 办结时间 20 February, 落实情况 blank — the ledger says when it was closed: 已办结, not overdue
    #     (it read 未反馈).
    # C2: no day, 落实情况 "已答复" — answered (not overdue past its 时限), still 办理中 by the status words.
    # C3: no day, 落实情况 "尚未答复" — not answered: overdue, 办理中.
    # C4: no day, nothing written: 未反馈 and overdue.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "落实情况", "办结时间"]
    rows = [header, ["C1", "2025-01-10", "关于甲的建议", "张三", "市长李某", "2025-02-01", None, "2025-02-20"],
            ["C2", "2025-01-11", "关于乙的建议", "张三", "市长李某", "2025-02-01", "已答复", None],
            ["C3", "2025-01-12", "关于丙的建议", "张三", "市长李某", "2025-02-01", "尚未答复", None],
            ["C4", "2025-01-13", "关于丁的建议", "张三", "市长李某", "2025-02-01", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "c.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025, half=1), today=dt.date(2025, 7, 10)).set_index("item_no")
    assert table.loc[["C1", "C2", "C3", "C4"], "status"].tolist() == ["已办结", "办理中", "办理中", "未反馈"]
    assert table.loc[["C1", "C2", "C3", "C4"], "overdue"].tolist() == [False, False, True, True]


def test_a_day_of_feedback_without_a_day_of_reply_is_the_reply(tmp_path):
    # 反馈日期 with no 办复日期 is taken as the 办复 day (it was ignored). 时限 written as days.
    # K1: 时限 30 April, 落实情况 blank, 反馈 20 April — fed back that day: 已办结, in time (was 未反馈, overdue).
    # K2: 时限 31 May, 已办结, 反馈 15 July — as of 30 June the reply had not come: 办理中, overdue (was
    #     已办结); as of 31 December 已办结, not overdue, 逾期办复 (15 July after 31 May).
    # K3: 时限 30 April, 已办结, 反馈 20 May — 已办结, answered after its 时限: 逾期办复 (was in time).
    # K4: 办复 10 April and 反馈 15 July, 时限 30 April, 已办结: the 办复 day is the reply's; in time.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理时限", "落实情况", "办复日期", "反馈日期"]
    rows = [header, ["K1", "2025-03-01", "关于甲的建议", "张三", "市长李某", "2025-04-01", "2025-04-30", None, None, "2025-04-20"],
            ["K2", "2025-03-02", "关于乙的建议", "张三", "市长李某", "2025-04-01", "2025-05-31", "已办结", None, "2025-07-15"],
            ["K3", "2025-03-03", "关于丙的建议", "张三", "市长李某", "2025-04-01", "2025-04-30", "已办结", None, "2025-05-20"],
            ["K4", "2025-03-04", "关于丁的建议", "张三", "市长李某", "2025-04-01", "2025-04-30", "已办结", "2025-04-10",
             "2025-07-15"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "k.xlsx", {"S": rows}), year=2025)
    half = instructions(ledger, Period.of(2025, half=1), today=dt.date(2026, 1, 10)).set_index("item_no").loc[["K1", "K2", "K3", "K4"]]
    assert half["status"].tolist() == ["已办结", "办理中", "已办结", "已办结"]
    assert half["overdue"].tolist() == [False, True, False, False]
    assert half["late"].tolist() == [False, False, True, False]
    year = instructions(ledger, Period.of(2025), today=dt.date(2026, 1, 10)).set_index("item_no")
    assert (year.at["K2", "status"], bool(year.at["K2", "overdue"]), bool(year.at["K2", "late"])) == ("已办结", False, True)


def test_two_copies_of_one_instruction_give_each_other_their_fields(tmp_path):
    # One 批示 recorded in the items ledger (领导批示 cell) and again in a 批示台账 row is one 批示 whose
    # fields come from both copies (the repeat was dropped whole, its 督办 fields lost). Worked by hand:
    # C1 李某某市长批示（2月5日） | 市长李某某 2025-02-05 承办 市教育局 办结 2025-02-20: one, 市教育局, replied 20 Feb.
    # C2 2025.2.4市长李某某批示 | 李某某 2025-02-04 (name alone): the same leader that day: one 件, 市级, 市住建局.
    # C3 落实 已落实 | 办理情况 正在办理: differ; the 批示台账's 正在办理 counts, said at 批示台账!I4 naming 报送台账!G4 (7th column).
    # C4 县长批示 (no day) 落实 已答复 | 县长 2025-09-10 办理情况 blank: one, dated 10 Sep, 已答复, 县商务局.
    items = [["编号", "收稿日期", "信息标题", "作者", "单位", "领导批示", "落实情况"],
             ["C1", "2025-01-08", "关于学前教育的建议", "丙三", "经济界别组", "李某某市长批示（2月5日）", None],
             ["C2", "2025-01-07", "关于城市更新的建议", "乙二", "经济界别组", "2025.2.4市长李某某批示", None],
             ["C3", "2025-01-06", "关于乡村振兴的建议", "甲一", "经济界别组", "2025.2.3市长李某某批示", "已落实"],
             ["C4", "2025-08-06", "关于冷链物流的建议", "丁四", "经济界别组", "县长批示", "已答复"]]
    register = [["序号", "编号", "信息标题", "批示领导", "批示时间", "批示内容", "承办单位", "办理时限", "办理情况", "办结时间"],
                [1, "C1", "关于学前教育的建议", "市长李某某", "2025-02-05", "请研究", "市教育局", None, None, "2025-02-20"],
                [2, "C2", "关于城市更新的建议", "李某某", "2025-02-04", "请研究", "市住建局", None, None, None],
                [3, "C3", "关于乡村振兴的建议", "市长李某某", "2025-02-03", "请研究", "市农业局", None, "正在办理", None],
                [4, "C4", "关于冷链物流的建议", "县长", "2025-09-10", "请研究", "县商务局", None, None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"报送台账": items, "批示台账": register}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31))
    assert sorted(table["item_no"]) == ["C1", "C2", "C3", "C4"]
    table = table.set_index("item_no")
    assert (table.at["C1", "department"], table.at["C1", "replied"]) == ("市教育局", pd.Timestamp("2025-02-20"))
    assert (table.at["C2", "level"], table.at["C2", "department"]) == ("市级", "市住建局")
    assert (table.at["C3", "follow_up"], table.at["C3", "department"]) == ("正在办理", "市农业局")
    assert (table.at["C4", "follow_up"], table.at["C4", "date"], table.at["C4", "department"]) == (
        "已答复", pd.Timestamp("2025-09-10"), "县商务局")
    said = [i for i in sq.validate(ledger).issues if i.code == "instruction.copies_differ"]
    assert [(i.sheet, i.row, i.column) for i in said] == [("批示台账", 4, "I")]
    assert "报送台账!G4“已落实”" in said[0].message and "批示台账!I4“正在办理”" in said[0].message


def test_two_copies_naming_different_departments_or_days_are_said(tmp_path):
    # The same 批示 in the items ledger and the 批示台账, both copies filled but differing (they were
    # silently the kept copy's). By hand: the 批示台账 counts and the difference is said at its cell.
    # D1 承办 市教育局 | 市农业局: 市农业局, said at 批示台账!F2 naming 报送台账!G2.
    # D2 办结 2025-02-20 | 2025-03-20: replied 20 March (the 批示台账's), said at 批示台账!G3, as 2025年2月20日.
    # D3 the same 承办单位 and day in both: one 批示, nothing said.
    items = [["编号", "收稿日期", "信息标题", "作者", "单位", "领导批示", "承办单位", "办结时间"],
             ["D1", "2025-01-08", "关于学前教育的建议", "丙三", "经济界别组", "2025.2.5市长李某某批示", "市教育局", None],
             ["D2", "2025-01-07", "关于城市更新的建议", "乙二", "经济界别组", "2025.2.4市长李某某批示", "市住建局", "2025-02-20"],
             ["D3", "2025-01-06", "关于乡村振兴的建议", "甲一", "经济界别组", "2025.2.3市长李某某批示", "市农业局", "2025-02-25"]]
    register = [["编号", "信息标题", "批示领导", "批示时间", "批示内容", "承办单位", "办结时间"],
                ["D1", "关于学前教育的建议", "市长李某某", "2025-02-05", "请研究", "市农业局", None],
                ["D2", "关于城市更新的建议", "市长李某某", "2025-02-04", "请研究", "市住建局", "2025-03-20"],
                ["D3", "关于乡村振兴的建议", "市长李某某", "2025-02-03", "请研究", "市农业局", "2025-02-25"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"报送台账": items, "批示台账": register}), year=2025)
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31)).set_index("item_no")
    assert sorted(table.index) == ["D1", "D2", "D3"]
    assert table.at["D1", "department"] == "市农业局"
    assert table.at["D2", "replied"] == pd.Timestamp("2025-03-20")
    said = sorted((i.sheet, i.row, i.column, i.message) for i in sq.validate(ledger).issues
                  if i.code == "instruction.copies_differ")
    assert [s[:3] for s in said] == [("批示台账", 2, "F"), ("批示台账", 3, "G")], said
    assert "报送台账!G2“市教育局”" in said[0][3] and "批示台账!F2“市农业局”" in said[0][3], said
    assert "报送台账!H3“2025年2月20日”" in said[1][3] and "批示台账!G3“2025年3月20日”" in said[1][3], said


def test_an_unreadable_time_limit_is_said_and_the_word_circular_names_what_is_past_it(tmp_path):
    # 办理时限 限期 / 即办: no day and no span. The default 30 days (rules instructions.due_days) is used, as
    # before, but now said at the cell with that span (was cell.date_invalid, silent on the 30 days).
    # As of 30 June (Q2), 批示 1 April: M1 限期 → due 1 May (30 days), no reply: overdue. M2 即办, 已办结:
    # not overdue. M3 时限 2025-06-30, no reply: not past it yet (due on the as-of day itself).
    # The Word circular (附件 and 问题) names M1 as past its 时限: it said only 60-day-old ones (none).
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理时限", "落实情况"]
    rows = [header, ["M1", "2025-03-01", "关于甲的建议", "张三", "县长李某", "2025-04-01", "限期", "正在办理"],
            ["M2", "2025-03-02", "关于乙的建议", "张三", "县长李某", "2025-04-01", "即办", "已办结"],
            ["M3", "2025-03-03", "关于丙的建议", "张三", "县长李某", "2025-04-01", "2025-06-30", "正在办理"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "m.xlsx", {"S": rows}), year=2025)
    said = [f for f in sq.validate(ledger).issues if f.code == "instruction.due_unread"]
    assert [(f.row, f.column) for f in said] == [(2, "G"), (3, "G")]
    assert "限期" in said[0].message and "30天" in said[0].message
    table = instructions(ledger, Period.of(2025, quarter=2), today=dt.date(2025, 7, 10)).set_index("item_no")
    assert table.loc[["M1", "M2", "M3"], "overdue"].tolist() == [True, False, False]
    assert table.at["M1", "due"] == pd.Timestamp(2025, 5, 1)
    from sqmy_lib.render.circular_text import instruction_rows

    circ = sq.quarterly_circular(ledger, 2025, 2, today=dt.date(2025, 7, 10))
    status = instruction_rows(circ).set_index("item_no")["status"]
    assert status["M1"].endswith("（逾期未办复）") and "逾期" not in status["M2"] + status["M3"]
    import docx

    from sqmy_lib.render.circular_docx import write_circular_docx

    text = "\n".join(p.text for p in docx.Document(str(write_circular_docx(circ, tmp_path / "c.docx"))).paragraphs)
    assert "1件已过办理时限仍未办复" in text
    # M1 is also 100 days open (past 60): said of the one past due, not counted a second time as another; M3,
    # within its 时限, is 100 days open too. It read "1件已过办理时限仍未办复，2件批示后已超过60天仍未办结": three.
    assert "1件已过办理时限仍未办复，且批示后已超过60天仍未办结；另有1件批示后已超过60天仍未办结" in text


def test_a_time_limit_extended_in_the_follow_up_is_the_one_counted(tmp_path):
    # 时限 31 May; as of 10 July (Q2). E1 已延期至7月底: due 31 July, not overdue (was overdue from 1 June).
    # E2 经同意延期至2025年7月31日办结: a plan, 办理中 (was 已办结), due 31 July. E3 延长办理时限至6月20日，正在
    # 办理: due 20 June, overdue. E4 延至7月份 with no 时限 of its own: the month's end. E5 经批准延期，现已
    # 办结: 已办结 (the clause after the comma says the deed), no day given for the extension: said. E6
    # 延期至下月，正在办理: no day anyone can count from — still due 31 May, overdue, and said.
    header = ["编号", "收稿日期", "信息标题", "作者", "批示领导", "批示日期", "办理时限", "落实情况"]
    rows = [header, ["E1", "2025-03-01", "关于甲的建议", "张三", "县长李某", "2025-04-01", "2025-05-31", "已延期至7月底"],
            ["E2", "2025-03-02", "关于乙的建议", "张三", "县长李某", "2025-04-01", "2025-05-31", "经同意延期至2025年7月31日办结"],
            ["E3", "2025-03-03", "关于丙的建议", "张三", "县长李某", "2025-04-01", "2025-05-31", "申请延长办理时限至6月20日，正在办理"],
            ["E4", "2025-03-04", "关于丁的建议", "张三", "县长李某", "2025-04-01", None, "延至7月份"],
            ["E5", "2025-03-05", "关于戊的建议", "张三", "县长李某", "2025-04-01", "2025-05-31", "经批准延期，现已办结"],
            ["E6", "2025-03-06", "关于己的建议", "张三", "县长李某", "2025-04-01", "2025-05-31", "延期至下月，正在办理"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "e.xlsx", {"S": rows}), year=2025)
    table = instructions(ledger, Period.of(2025, quarter=2), today=dt.date(2025, 7, 10)).set_index("item_no")
    ids = ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert table.loc[ids, "status"].tolist() == ["办理中"] * 4 + ["已办结", "办理中"]
    assert table.loc[ids, "due"].tolist() == [pd.Timestamp(2025, 7, 31)] * 2 + [pd.Timestamp(2025, 6, 20), pd.Timestamp(2025, 7, 31),
                                                                               pd.Timestamp(2025, 5, 31), pd.Timestamp(2025, 5, 31)]
    assert table.loc[ids, "overdue"].tolist() == [False, False, True, False, False, True]
    said = [f for f in sq.validate(ledger).issues if f.code == "instruction.extended"]
    assert [(f.row, f.column) for f in said] == [(2, "H"), (3, "H"), (4, "H"), (5, "H")]
    unread = [f for f in sq.validate(ledger).issues if f.code == "instruction.extended_unread"]
    assert [(f.row, f.column) for f in unread] == [(6, "H"), (7, "H")]
    assert "延期至下月" in unread[1].message
    assert "2025年7月31日" in said[0].message


def test_duban_days_before_the_instruction_are_said(tmp_path):
    """A 交办, 时限, 办复 or 反馈 day before the 批示 (or its 交办) is a slip staff must see at its cell."""
    head = ["编号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "批示日期", "交办日期", "办理时限", "办复日期", "反馈日期"]
    rows = [head,
            # All in order: nothing said.
            ["B1", "2025-03-05", "关于甲的建议", "张三", "市政协采用", "县长王某", "2025-03-10", "2025-03-11", "2025-04-10",
             "2025-04-01", "2025-04-02"],
            # 交办 before the 批示; the 反馈 too.
            ["B2", "2025-03-07", "关于乙的建议", "李四", "市政协采用", "市长刘某", "2025-03-12", "2025-03-02", None, None,
             "2025-03-11"],
            # 时限 before the 交办 (though after the 批示); 办复 before the 批示.
            ["B3", "2025-03-11", "关于丙的建议", "王五", "市政协采用", "县长王某", "2025-03-16", "2025-03-20", "2025-03-18",
             "2025-03-15", None],
            # A month written alone (2025年3月, read as its first day) is not before a 批示 of that month.
            ["B4", "2025-03-07", "关于丁的建议", "赵六", "市政协采用", "市长刘某", "2025-03-12", "2025年3月", "2025-04-30",
             "2025年3月", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "督办.xlsx", {"批示": rows}))
    report = sq.validate(ledger)
    said = sorted((i.code, f"{i.column}{i.row}") for i in report.issues if i.code.startswith("instruction."))
    assert said == [("instruction.answered_before_date", "J4"), ("instruction.answered_before_date", "K3"),
                    ("instruction.assigned_before_date", "H3"), ("instruction.due_before_date", "I4")]
    due = next(i for i in report.issues if i.code == "instruction.due_before_date")
    assert "2025-03-18" in due.message and "2025-03-20" in due.message


def test_one_leader_written_two_ways_on_the_ledger_and_the_duban_sheet_is_one_instruction(tmp_path):
    """The ledger's row writes 张某某(副省长), the 督办 sheet 副省长张某某: one 批示 (and so on for a name
    before its post, a surname and the post, posts in brackets after the name). Written by hand:
    four items, one 批示 each — 省级 1, 市级 2, 县级 1. Each second copy is said as a repeat.
    A leader with two posts in brackets, 李某(省委常委、宣传部长), is one leader, not two."""
    head = ["序号", "报送日期", "信息标题", "作者", "单位", "采用单位", "批示领导", "批示时间"]
    sub = [["2025年社情民意信息台账"], head,
           [1, "2025-03-02", "关于甲的建议", "牛一", "民革县委", "省政协", "张某某（副省长）", "2025-03-28"],
           [2, "2025-03-05", "关于乙的建议", "牛二", "民革县委", "市政协", "市委书记张某某", "2025-04-25"],
           [3, "2025-03-08", "关于丙的建议", "牛三", "民革县委", "市政协", "市长王某某", "2025-05-22"],
           [4, "2025-03-11", "关于丁的建议", "牛四", "民革县委", "县政协", "县委书记赵某", "2025-06-12"],
           [5, "2025-03-14", "关于戊的建议", "牛五", "民革县委", "省政协", "李某（省委常委、宣传部长）", "2025-06-20"]]
    duban = [["批示件督办台账"], ["序号", "批示件标题", "批示领导", "批示时间", "交办单位", "办理结果"],
             [1, "关于甲的建议", "副省长张某某", "2025-03-28", "县市场监管局", "已办结"],
             [2, "关于乙的建议", "张某某书记", "2025.4.25", "县住建局", "已办结"],
             [3, "关于丙的建议", "王市长", "2025-05-22", "县民政局", "已办结"],
             [4, "关于丁的建议", "赵某（县委书记）", "6月12日", "县卫健局", "已办结"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"报送采用": sub, "批示件督办": duban}))
    report = sq.validate(ledger)
    got = sq.summary(ledger, Period.of(2025)).to_dict()
    assert got["instructions"] == 5
    assert got["instructions_by_level"] == {"县级": 1, "市级": 2, "省级": 2, "国家级": 0}
    repeated = sorted(i.row for i in report.issues if i.code == "instruction.repeated" and i.sheet == "批示件督办")
    assert repeated == [3, 4, 5, 6]
    # Each 批示 took its 督办 sheet's follow-up: all four 已办结.
    tracked = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31)).set_index("title")["status"]
    assert [tracked[t] for t in ("关于甲的建议", "关于乙的建议", "关于丙的建议", "关于丁的建议")] == ["已办结"] * 4


def test_an_undated_instruction_on_an_adoption_row_is_of_the_adoption_day(tmp_path):
    """An item sent in December 2024, adopted 15 January 2025 with a 批示 on the 采用台账 row and no 批示 day:
    the 批示 came on the adopted piece, so it is January 2025's (and due 30 days later, 14 February), not
    December 2024's by the item's 收稿日期 — where it gave 2024 a 批示 on an item not yet adopted, and left
    2025's 督办 list without it."""
    write_xlsx(tmp_path / "2024年社情民意信息报送台账.xlsx", {"报送台账": [
        ["序号", "报送日期", "信息标题", "作者", "报送单位"], [1, dt.datetime(2024, 12, 20), "关于加强农村养老服务的建议", "张三", "县工商联"]]})
    write_xlsx(tmp_path / "2025年社情民意信息采用台账.xlsx", {"采用台账": [
        ["序号", "信息标题", "报送单位", "作者", "采用单位/刊物", "期号", "采用时间", "批示领导", "批示内容", "落实情况"],
        [1, "关于加强农村养老服务的建议", "县工商联", "张三", "市政协《社情民意》", "第3期", dt.datetime(2025, 1, 15), "市长王某某",
         "请市民政局研究", "正在办理"]]})
    ledger = sq.read_ledgers(tmp_path)
    assert sq.summary(ledger, Period.of(2025)).to_dict()["instructions"] == 1
    assert sq.summary(ledger, Period.of(2024)).to_dict()["instructions"] == 0
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31))
    assert list(table["title"]) == ["关于加强农村养老服务的建议"]
    assert table["due"].iloc[0] == pd.Timestamp(2025, 2, 14) and bool(table["overdue"].iloc[0])


def test_a_follow_up_written_in_the_instruction_cell(tmp_path):
    """领导批示 市长批示，已落实 on a row with no 落实情况 column: the 批示 is done (not overdue); it was 未反馈 and
    overdue at the year's end. What the leader asked (请民政局研究落实) is the 批示's words, not a follow-up."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
            [1, "2025-03-02", "关于甲的建议", "张三", "民盟县委", "市政协采用", "市长批示，已落实"],
            [2, "2025-03-03", "关于乙的建议", "李四", "民盟县委", "市政协采用", "市长批示（已落实）"],
            [3, "2025-03-04", "关于丙的建议", "王五", "民盟县委", "市政协采用", "市长批示：请民政局研究落实"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    table = instructions(ledger, Period.of(2025), today=dt.date(2025, 12, 31)).set_index("title")
    assert table["status"].to_dict() == {"关于甲的建议": "已办结", "关于乙的建议": "已办结", "关于丙的建议": "未反馈"}
    assert not table.at["关于甲的建议", "overdue"] and table.at["关于丙的建议", "overdue"]
