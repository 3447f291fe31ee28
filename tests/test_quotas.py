"""Quotas as the speeches mean them (issue 13), on real workbooks with hand-worked answers:
every month (L88) with the months missed, a yearly expectation (L31) named only at the year's end,
roster start and end dates (聘任/解聘, 任职/离任, 届满), two roles each with its quota, the unit
adoption quota, and coauthored_counts_each."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
import datetime as dt

import pandas as pd
import pytest

import sqmy_lib as sq
from sqmy_lib.compute import Period, people, units
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.compute.feedback import appraisal, build_feedback
from sqmy_lib.rules import Rules, load_rules, rules_text

from conftest import write_xlsx

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
DONE = dt.date(2026, 6, 1)  # the as-of day: all of 2025 is over


def _rows(author: str, unit: str, dates: list[str], prefix: str, adoption=None) -> list[list]:
    return [[f"{prefix}{k}", d, f"关于{prefix}{k}的建议", author, unit, adoption] for k, d in enumerate(dates, 1)]


# 甲, 信息员 since before the year: 15 items in nine months, none in May, November and December.
JIA = [f"2025-{m:02d}-0{d}" for m in (1, 2, 3, 4, 6, 7, 8, 9, 10) for d in ((1, 2) if m in (1, 3, 6, 8, 9, 10) else (1,))]
ROSTER = {
    "人员": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
             ["甲", "信息员", "城关镇政协工委", "2020-01-01", None],
             ["乙", "委员", "民盟县委", None, None],  # nothing submitted all year
             # appointed 10 March (in post on 31 March: March counts), dismissed 15 August (August does not)
             ["丙", "特邀信息员", "城关镇政协工委", "2025-03-10", "2025-08-15"],
             ["丁", "委员、特邀信息员", "民盟县委", "2019-01-01", None],  # two roles, each with its quota
             ["戊", "信息员", "城关镇政协工委", "2024-01-01", "某天"]],  # an end date that cannot be read
    "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["民盟县委", "民主党派"]],
}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("quotas")
    rows = [["2025年度社情民意信息台账"], HEADER,
            *_rows("甲", "城关镇政协工委", JIA, "J"),
            *_rows("丙", "城关镇政协工委", ["2025-03-20", "2025-04-20", "2025-06-20", "2025-07-20", "2025-08-01"], "B"),
            # 丁: one item in each of January–April, and a 市政协 adoption of the town's item in March.
            *_rows("丁", "民盟县委", [f"2025-0{m}-11" for m in (1, 2, 3, 4)], "D"),
            ["T1", "2025-03-05", "关于城关镇的建议", "城关镇政协工委", "城关镇政协工委", "市政协《社情民意》第2期"]]
    write_xlsx(tmp / "台账.xlsx", {"2025年": rows})
    write_xlsx(tmp / "名册.xlsx", ROSTER)
    return sq.read_ledgers(tmp / "台账.xlsx", roster=tmp / "名册.xlsx")


def _people(office, period=2025, rules=None):
    return people(office, period, rules, today=DONE)


def test_every_month_lists_the_months_missed(office):
    table = _people(office)
    jia = table.set_index("name").loc["甲"]
    # 15 items, 12 months due: cumulatively 125%, but May, November and December were missed.
    assert (jia["submitted"], jia["quota"]) == (15, 12)
    assert jia["missed_months"] == [5, 11, 12]
    assert jia["completion"] == 0.75 and jia["behind"]
    assert jia["shortfall"] == "5月、11月、12月未报送"
    q2 = _people(office, Period.of(2025, quarter=2)).set_index("name").loc["甲"]
    assert (q2["submitted"], q2["quota"], q2["missed_months"], q2["completion"]) == (3, 3, [5], round(2 / 3, 10))


def test_a_month_with_some_items_but_fewer_than_the_month_asks_is_short_not_empty(office):
    """信息员 2 a month: 甲's February, April and July have one item each, May, November and December none.
    The first three are 报送不足2条, not 未报送 (the circular's list and the letters said 2月未报送 of a month
    the letter's own table showed an item in)."""
    data = copy.deepcopy(load_rules(year=2025).data)
    data["quotas"]["people"]["信息员"]["items"] = 2
    jia = _people(office, 2025, Rules(data)).set_index("name").loc["甲"]
    assert (jia["missed_months"], jia["short_months"]) == ([2, 4, 5, 7, 11, 12], [2, 4, 7])
    assert jia["shortfall"] == "5月、11月、12月未报送，2月、4月、7月报送不足2条"


def test_a_month_not_yet_over_is_not_missed(office):
    # On 15 December 2025 December is still running: it is not due, so not missed.
    table = people(office, 2025, today=dt.date(2025, 12, 15)).set_index("name")
    assert table.at["甲", "missed_months"] == [5, 11] and table.at["甲", "quota"] == 11


def test_yearly_quota_is_not_prorated_and_names_no_one_before_the_year_end(office):
    q1 = _people(office, Period.of(2025, quarter=1)).set_index(["name", "role"])
    yi = q1.loc[("乙", "委员")]
    # L31: two a year. In Q1 the quota shown is the year's (progress), and 乙 is not behind yet.
    assert (yi["quota"], yi["completion"], yi["behind"]) == (2, 0, False)
    year = _people(office).set_index(["name", "role"]).loc[("乙", "委员")]
    assert (year["quota"], year["behind"], year["shortfall"]) == (2, True, "任务2条，未报送")
    # The circulars: the first quarter names neither (甲 met January–March; 乙's year is not over);
    # the fourth quarter (the year to date, over) names both.
    circ_q1 = build_circular(office, 2025, 1, today=DONE)
    assert not {"甲", "乙"} & set(circ_q1.behind_people["name"])
    circ_q4 = build_circular(office, 2025, 4, today=DONE)
    assert {"甲", "乙"} <= set(circ_q4.behind_people["name"])


def test_prorate_true_spreads_a_yearly_quota_over_the_quarters(office):
    data = copy.deepcopy(load_rules(year=2025).data)
    data["quotas"]["people"]["委员"]["prorate"] = True
    yi = _people(office, Period.of(2025, quarter=1), Rules(data)).set_index(["name", "role"]).loc[("乙", "委员")]
    assert (yi["quota"], yi["behind"]) == (1, True)  # 2 × 3/12 = 0.5, in whole items 1
    assert "按月折算进度考核" in rules_text(Rules(data)) and "按月折算" not in rules_text(load_rules(year=2025))


def test_roster_start_and_end_dates_bound_the_quota(office):
    bing = _people(office).set_index("name").loc["丙"]
    # In post on the last day of March–July: five months due; items in March, April, June, July.
    assert (bing["quota"], bing["submitted"], bing["missed_months"]) == (5, 5, [5])
    # Her item of 1 August is after her last month in post: counted, not against the quota, and said where
    # she is named behind (报送5, 任务5 with 5月 missed read as a slip of the figures).
    assert bing["shortfall"] == "5月未报送，任职期外报送1条不计入任务"
    assert bing["ended_on"] == pd.Timestamp("2025-08-15")
    # Q4: not in post at all, nothing due, no rate.
    q4 = _people(office, Period.of(2025, quarter=4)).set_index("name").loc["丙"]
    assert (q4["quota"], q4["behind"], q4["missed_months"]) == (0, False, [])
    assert pd.isna(q4["completion"])


def test_an_unreadable_end_date_is_said(office):
    wu = _people(office).set_index("name").loc["戊"]
    assert "离任(解聘)日期“某天”无法识别" in wu["note"] and wu["quota"] == 12


def test_two_roles_each_with_its_quota(office):
    roster = office.roster.people
    assert roster.loc[roster["name"] == "丁", "role"].tolist() == ["委员", "特邀信息员"]
    ding = _people(office).set_index(["name", "role"])
    member, informant = ding.loc[("丁", "委员")], ding.loc[("丁", "特邀信息员")]
    assert member["submitted"] == informant["submitted"] == 4
    assert (member["quota"], member["behind"]) == (2, False)  # two a year: met
    assert informant["missed_months"] == [5, 6, 7, 8, 9, 10, 11, 12] and informant["behind"]
    # The reward is the person's, once.
    rewards = ding.loc["丁"]["reward"].tolist()
    assert rewards[1] is None


def test_same_person_on_two_role_sheets(tmp_path):
    roster = {"委员名册": [["姓名", "单位"], ["丁", "民盟县委"]],
              "特邀信息员名册": [["姓名", "单位", "聘任日期"], ["丁", "民盟县委", "2025-07-01"]]}
    rows = [["2025年台账"], HEADER, ["D1", "2025-07-03", "关于七月的建议", "丁", "民盟县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    table = people(ledger, 2025, today=DONE).set_index("role")
    assert table.at["委员", "quota"] == 2 and table.at["特邀信息员", "quota"] == 6
    assert table.at["特邀信息员", "missed_months"] == [8, 9, 10, 11, 12]


def test_unit_adoption_quota_in_the_unit_table_and_the_behind_list(office):
    town = units(office, 2025, today=DONE).set_index("unit").loc["城关镇政协工委"]
    # 镇街: 3 a month (36), and 1 adoption at 市级 or above a month (12); T1 in March is the only one.
    assert (town["quota"], town["adopted_quota"]) == (36, 12)
    assert town["adopted_completion"] == round(1 / 12, 10) and town["behind"]
    assert "市级及以上采用1条，任务12条" in town["shortfall"]
    circ = build_circular(office, 2025, 4, today=DONE)
    assert "城关镇政协工委" in set(circ.behind_units["unit"])
    table = circ.units_by_period()
    assert ("年度累计", "adopted_quota") in table.columns and ("年度累计", "adopted_completion") in table.columns


def test_coauthored_counts_each_false_credits_the_first_or_the_lead_author(tmp_path):
    rows = [["2025年台账"], HEADER,
            ["C1", "2025-02-01", "关于联名一的建议", "张三、李四", "民盟县委", "县政协编发"],
            ["C2", "2025-03-01", "关于联名二的建议", "张三、李四(执笔)", "民盟县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    each = people(ledger, 2025, today=DONE).set_index("name")
    assert (each.at["张三", "submitted"], each.at["李四", "submitted"]) == (2, 2)
    data = copy.deepcopy(load_rules(year=2025).data)
    data["quotas"]["coauthored_counts_each"] = False
    rules = Rules(data)
    once = people(ledger, 2025, rules, today=DONE).set_index("name")
    # C1 counts for its first author, C2 for the author marked 执笔.
    assert (once.at["张三", "submitted"], once.at["张三", "adopted"]) == (1, 1)
    assert (once.at["李四", "submitted"], once.at["李四", "adopted"]) == (1, 0)
    assert "只计入第一作者(注明“执笔、执笔人、主笔”的作者优先)" in rules_text(rules)
    assert "每位署名作者各计1条" in rules_text(load_rules(year=2025))


def test_people_json_gains_missed_months(office, tmp_path):
    ledger = tmp_path / "台账.xlsx"
    write_xlsx(ledger, {"2025年": [["2025年台账"], HEADER, *_rows("甲", "城关镇政协工委", JIA, "J")]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": ROSTER["人员"][:2]})
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "people", str(ledger), "--roster", str(roster),
                             "--year", "2025", "--format", "json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    # The keys of before stay (every format now shows the table spec's columns, these among them).
    assert {"name", "role", "unit", "submitted", "adopted", "instructed", "quota", "completion", "missed_months"} <= set(row)
    assert (row["name"], row["missed_months"], row["completion"], row["quota"]) == ("甲", [5, 11, 12], 0.75, 12)


# 调离时间, 免职时间, 退出时间, 离岗时间, 终止日期, 停聘日期 were a column not read (提示 only): the
# informant owed items to December.
@pytest.mark.parametrize("label", ["解聘日期", "离任日期", "届满日期", "任期届满", "离任时间", "调离时间", "免职时间",
                                   "退出时间", "离岗时间", "终止日期", "停聘日期"])
def test_end_date_labels(tmp_path, label):
    roster = {"信息员名册": [["姓名", "单位", "聘任日期", label], ["己", "民盟县委", "2025-02-01", "2025-05-31"]]}
    rows = [["2025年台账"], HEADER, ["E1", "2025-02-03", "关于二月的建议", "己", "民盟县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    row = people(ledger, 2025, today=DONE).iloc[0]
    # In post on the last day of February–May: four months, the role from the sheet name.
    assert (row["role"], row["quota"], row["missed_months"]) == ("信息员", 4, [3, 4, 5])


# 任期开始, 任期开始日期, 担任信息员时间, 担任信息员日期 were a column not read: in post all year.
@pytest.mark.parametrize("label", ["聘任日期", "任期开始", "任期开始日期", "担任信息员时间", "担任信息员日期"])
def test_start_date_labels(tmp_path, label):
    roster = {"信息员名册": [["姓名", "单位", label, "离任日期"], ["己", "民盟县委", "2025-02-01", "2025-05-31"]]}
    rows = [["2025年台账"], HEADER, ["E1", "2025-02-03", "关于二月的建议", "己", "民盟县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    row = people(ledger, 2025, today=DONE).iloc[0]
    # In post from 1 February to 31 May: four months (February–May), items in February only.
    assert (row["role"], row["quota"], row["missed_months"]) == ("信息员", 4, [3, 4, 5])


def test_a_roster_that_cannot_tell_two_people_apart_or_notes_a_departure_says_so(tmp_path):
    # Two 张三 (民盟 and 教育界): told apart as 张三(民盟) and 张三(教育界), said at the later row; the
    # ledger's 张三 has no 单位 that names one of them: said at its cell, counted for neither.
    # 王五's 备注 says he left in June, but no 离任 column holds the date: said, not read; 戊's that
    # he joined in June, the same.
    # The same person on two role sheets with the same 单位 is no clash.
    roster = {"委员名册": [["姓名", "界别", "单位", "备注"], ["张三", "民盟", "县一中", ""],
                           ["王五", "农业界", "合作社", "2025年6月离任"], ["丁", "民盟", "民盟县委", "连任"],
                           ["戊", "经济界", "县工商联", "2025年6月增补为委员"]],
              "信息员名册": [["姓名", "界别", "单位"], ["张三", "教育界", "县二中"], ["丁", "民盟", "民盟县委"]]}
    rows = [["2025年台账"], HEADER, ["A1", "2025-03-01", "关于甲的建议", "张三", "", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    report = sq.validate(ledger)
    said = [(i.code, i.sheet, i.row, i.column) for i in report.issues if i.code.startswith("roster.") and "名册" in (i.file or "")]
    # 戊 joined in June (增补), no 聘任 column holds the date: said, not read.
    assert sorted(said) == [("roster.joining_in_note", "委员名册", 5, "D"), ("roster.leaving_in_note", "委员名册", 3, "D"),
                            ("roster.same_name", "信息员名册", 2, None)]
    same = next(i for i in report.issues if i.code == "roster.same_name")
    assert "委员名册!第2行" in same.message and "张三(民盟)" in same.message
    assert [(i.sheet, i.row) for i in report.issues if i.code == "author.same_name"] == [("S", 3)]


def test_a_yearly_quota_in_a_quarter_counts_the_year_so_far_and_only_while_in_post(tmp_path):
    # 委员 two a year (L31, not pro-rated): 张三 sent two in Q1 and one in Q4. In Q4 he had met the year's
    # quota (it read 1 of 2, 50%, behind, and his feedback letter said so); in Q2 he stood at 2 of 2.
    # 李四 became a 委员 on 1 July (quota 2 × 6/12 = 1): his May item was sent before, and does not count.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位", "聘任日期"], ["张三", "委员", "民盟县委", None],
                                                         ["李四", "委员", "民进县委", "2025-07-01"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            ["Z1", "2025-01-10", "关于一的建议", "张三", "民盟县委"], ["Z2", "2025-02-15", "关于二的建议", "张三", "民盟县委"],
            ["Z3", "2025-10-08", "关于三的建议", "张三", "民盟县委"], ["L1", "2025-05-10", "关于四的建议", "李四", "民进县委"],
            ["L2", "2025-08-15", "关于五的建议", "李四", "民进县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    q4 = people(ledger, Period.of(2025, quarter=4), today=dt.date(2026, 1, 10)).set_index("name")
    assert (q4.at["张三", "quota"], q4.at["张三", "completion"], q4.at["张三", "behind"]) == (2, 1.5, False)
    q2 = people(ledger, Period.of(2025, quarter=2), today=dt.date(2026, 1, 10)).set_index("name")
    assert q2.at["张三", "completion"] == 1.0
    year = people(ledger, Period.of(2025), today=dt.date(2026, 1, 10)).set_index("name")
    assert (year.at["李四", "quota"], year.at["李四", "completion"], year.at["李四", "submitted"]) == (1, 1.0, 2)


def test_roster_headers_other_offices_write(tmp_path):
    # 任职时间 was not read (info only: the quota ran from January), and a 职务 column holding 县政协委员
    # was passed over for the sheet's name (信息员名册): 王五 a 信息员 owing 12 months instead of a 委员
    # owing 2 a year. By hand: 张三 特邀信息员 from April owes 9 months; 王五 委员 owes 2.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["序号", "姓名", "职务", "工作单位", "任职时间"],
                                                             [1, "张三", "特邀信息员", "民盟县委", "2025年4月"],
                                                             [2, "王五", "县政协委员", "民进县委", None]]})
    rows = [["编号", "收稿日期", "信息标题", "作者"], ["A1", "2025-05-10", "关于一的建议", "张三"], ["A2", "2025-06-10", "关于二的建议", "王五"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    year = people(ledger, Period.of(2025), today=dt.date(2026, 1, 10)).set_index("name")
    assert (year.at["张三", "role"], year.at["张三", "quota"]) == ("特邀信息员", 9)
    assert (year.at["王五", "role"], year.at["王五", "quota"]) == ("委员", 2)


def test_roster_role_and_sector_headed_as_other_offices_head_them(tmp_path):
    # 政协身份 | 所在界别: were columns not read (roster.column_unread, a 提示): every person without a role, no
    # quota, no 委员 in the participation figures. By hand: 张三 委员 owes 2 a year, 李四 信息员 owes 12 months.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["序号", "姓名", "政协身份", "工作单位", "所在界别"],
                                                         [1, "张三", "委员", "民盟县委", "教育界"],
                                                         [2, "李四", "信息员", "民进县委", "经济界"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者"], ["A1", "2025-05-10", "关于一的建议", "张三"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    assert not [i for i in sq.validate(ledger).issues if i.code == "roster.column_unread"]
    year = people(ledger, Period.of(2025), today=DONE).set_index("name")
    assert (year.at["张三", "role"], year.at["张三", "quota"], year.at["李四", "role"], year.at["李四", "quota"]) == ("委员", 2, "信息员", 12)
    assert list(ledger.roster.people.set_index("name").loc[["张三", "李四"], "sector"]) == ["教育界", "经济界"]


def test_completion_is_of_the_quota_in_whole_items(tmp_path):
    # A 委员 appointed 10 May owes 2 × 8/12 = 4/3 items, in whole items 2 (the 任务 every table and
    # sentence shows). One item is 1 of 2: 50.0% (it read 75.0%, of the fraction); two are 100.0%.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位", "聘任日期"], ["张三", "委员", "民盟县委", "2025-05-10"],
                                                         ["李四", "委员", "民进县委", "2025-05-10"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["Z1", "2025-06-10", "关于一的建议", "张三", "民盟县委"],
            ["L1", "2025-06-11", "关于二的建议", "李四", "民进县委"], ["L2", "2025-09-11", "关于三的建议", "李四", "民进县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    year = people(ledger, Period.of(2025), today=DONE).set_index("name")
    assert (year.at["张三", "quota"], year.at["张三", "completion"], year.at["李四", "completion"]) == (2, 0.5, 1.0)


def test_a_prorated_quota_is_said_in_whole_items(tmp_path):
    # 委员 2 a year, prorated by months in post: 鲁三 from 15 November is in post on 30 November and 31
    # December, 2 × 2/12 = 0.33; 鲁二 to 20 May is in post January–April, 2 × 4/12 = 0.67; 鲁四 from 10 May,
    # May–December, 2 × 8/12 = 1.33 and sent 1. The lists read "任务0.33条，未报送". By hand, items being whole
    # (rounded up): 任务1条，未报送 twice, and 报送1条，任务2条; the quota column says the same 1, 1, 2.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
                                                         ["鲁一", "委员", "民革县委", None, None],
                                                         ["鲁二", "委员", "民革县委", None, "2025-05-20"],
                                                         ["鲁三", "委员", "民革县委", "2025-11-15", None],
                                                         ["鲁四", "委员", "民革县委", "2025-05-10", None]]})
    rows = [HEADER, ["A1", "2025-03-03", "关于一的建议", "鲁一", "民革县委", None],
            ["A2", "2025-06-03", "关于二的建议", "鲁四", "民革县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    behind = build_circular(ledger, 2025, 4, today=DONE).behind_people.set_index("name")
    assert behind["quota"].to_dict() == {"鲁一": 2, "鲁二": 1, "鲁三": 1, "鲁四": 2}
    assert behind["shortfall"].to_dict() == {"鲁一": "报送1条，任务2条", "鲁二": "任务1条，未报送", "鲁三": "任务1条，未报送",
                                             "鲁四": "报送1条，任务2条"}


def test_participation_counts_the_members_in_post_in_the_period(tmp_path):
    # 委员参与率 of Q2: 甲 in post all year and sent one in May; 乙 left on 31 March, 丙 came on 1 October.
    # By hand: one 委员 in post in Q2, and he sent: 1/1 (it read 1/3, 33.3%). In Q4: 甲 and 丙, none sent.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
                                                         ["甲委员", "委员", "民盟县委", None, None],
                                                         ["乙委员", "委员", "民进县委", None, "2025-03-31"],
                                                         ["丙委员", "委员", "九三学社县支社", "2025-10-01", None]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "甲委员", "民盟县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    assert sq.summary(ledger, Period.of(2025, quarter=2)).participation == {"members_with_items": 1, "members": 1, "rate": 1.0}
    assert sq.summary(ledger, Period.of(2025, quarter=4)).participation == {"members_with_items": 0, "members": 2, "rate": 0.0}


def test_a_roster_end_before_its_start_is_said_and_the_quota_runs(tmp_path):
    # 聘任 2025-09-01, 解聘 2025-03-01: no month in post, so a 信息员's quota was 0, without a word. Which
    # date is wrong only staff know: said at the roster row, the quota counted as in post (12 months).
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
                                                             ["张三", "信息员", "民盟县委", "2025-09-01", "2025-03-01"],
                                                             ["李四", "信息员", "民进县委", "2025-13-01", None]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "张三", "民盟县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    said = [i for i in sq.validate(ledger).issues if i.code == "roster.date_problem"]
    assert [(i.row, i.message.split(":")[0]) for i in said] == [(2, "名册中“张三”"), (3, "名册中“李四”")]
    assert "离任(解聘)日期早于聘任日期" in said[0].message
    # At the cell: 张三's 解聘日期 (E, earlier than his 聘任日期), 李四's 聘任日期 (D, no such month); the row alone before.
    assert [i.column for i in said] == ["E", "D"]
    year = people(ledger, Period.of(2025), today=DONE).set_index("name")
    assert year.at["张三", "quota"] == 12


def test_a_roster_end_written_as_a_month_is_said(tmp_path):
    # 解聘 2025年6月: in post through June (June's quota counts, 6 months), as read; whether the person left
    # mid-June only staff know, so it is said at the cell. Before, it was read so without a word.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
                                                             ["甲一", "信息员", "民盟县委", "2024-01-01", "2025年6月"],
                                                             ["乙二", "信息员", "民盟县委", "2024-01-01", "2025-06-15"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "甲一", "民盟县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    said = [(i.row, i.column) for i in sq.validate(ledger).issues if i.code == "roster.end_month"]
    assert said == [(2, "E")]
    year = people(ledger, Period.of(2025), today=DONE).set_index("name")
    assert year.at["甲一", "quota"] == 6 and year.at["乙二", "quota"] == 5


def test_roster_name_cells_as_staff_fill_them(tmp_path):
    # A row with 身份 and 单位 but no 姓名 was dropped without a word; 李四、赵敏 was one person of that
    # name (赵敏's quota gone); 王芳（女） matched no ledger 王芳. By hand: 李四, 赵敏, 王芳 each a 委员 owing 2.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [["姓名", "身份", "单位"], ["张三", "委员", "民盟县委"],
                                                             [None, "委员", "民进县委"], ["李四、赵敏", "委员", "九三学社县支社"],
                                                             ["王芳（女）", "委员", "县教育局"], [None, None, None]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "王芳", "县教育局"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    report = sq.validate(ledger)
    assert [(i.code, i.row) for i in report.issues if i.code.startswith("roster.")] == [("roster.no_name", 3), ("roster.names_split", 4)]
    year = people(ledger, Period.of(2025), today=DONE).set_index("name")
    assert sorted(year.index) == ["张三", "李四", "王芳", "赵敏"]
    assert (year.at["赵敏", "quota"], year.at["王芳", "submitted"]) == (2, 1)


def test_a_unit_the_roster_does_not_rank_is_said_once(tmp_path):
    # The roster's 单位 sheet lists 民盟县委 only; 县教育局 (张三's 单位 in the 人员 sheet) and 教育界 (his
    # 界别) were no finding, and their items counted for no unit (compute units: 民盟县委 alone). Said once each.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位", "界别"], ["张三", "委员", "县教育局", "教育界"]],
                                                 "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "张三", "县教育局"],
            ["A2", "2025-05-11", "关于二的建议", "张三", "县教育局"], ["A3", "2025-05-12", "关于三的建议", "张三", "教育界"],
            ["A4", "2025-05-13", "关于四的建议", "民盟县委", "民盟县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    said = [(i.row, i.message.split("”")[0]) for i in sq.validate(ledger).issues if i.code == "roster.unknown_unit"]
    assert said == [(2, "单位“县教育局"), (4, "单位“教育界")]
    assert units(ledger, Period.of(2025))["unit"].tolist() == ["民盟县委"]


def test_a_person_who_moved_unit_mid_year_is_one_person(tmp_path):
    # 郑七, 信息员 (every month), 城关镇 1 January–30 April, then 河口镇 from 1 May: one person who moved, not
    # two 郑七 (each owing his months apart, and neither eligible for 优秀信息员). By hand: in post all year,
    # 12 months; items in February, March (城关镇), May, July, October (河口镇): 5 months, 41.7%; the
    # months missed 1、4、6、8、9、11、12. 吴六 was a 信息员 at 民盟县委 to 30 June and a 委员 at 民进县委 from
    # 1 July: one person with two roles (no 吴六(民盟县委)), each role's quota for its months.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [
        ["姓名", "身份", "单位", "聘任日期", "离任日期", "备注"],
        ["郑七", "信息员", "城关镇政协工委", "2025-01-01", "2025-04-30", "5月调河口镇"],
        ["郑七", "信息员", "河口镇政协工委", "2025-05-01", None, "由城关镇调入"],
        ["吴六", "信息员", "民盟县委", "2025-01-01", "2025-06-30", None],
        ["吴六", "委员", "民进县委", "2025-07-01", None, None]]})
    dates = ["2025-02-05", "2025-03-05", "2025-05-20", "2025-07-22", "2025-10-20"]
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            *[[f"Z{k}", d, f"关于第{k}件事的建议", "郑七", "城关镇政协工委" if k < 3 else "河口镇政协工委"] for k, d in enumerate(dates, 1)],
            ["W1", "2025-03-10", "关于吴六一的建议", "吴六", "民盟县委"], ["W2", "2025-08-10", "关于吴六二的建议", "吴六", "民进县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    table = people(ledger, Period.of(2025), today=dt.date(2026, 1, 10))
    zheng = table[table["name"] == "郑七"]
    assert len(zheng) == 1 and table["name"].str.startswith("郑七(").sum() == 0
    z = zheng.iloc[0]
    assert (z["unit"], z["submitted"], z["quota"], round(z["completion"], 3)) == ("河口镇政协工委", 5, 12, 0.417)
    assert z["missed_months"] == [1, 4, 6, 8, 9, 11, 12]
    wu = table[table["name"] == "吴六"].set_index("role")
    assert sorted(wu.index) == ["信息员", "委员"] and not table["name"].str.startswith("吴六(").any()
    assert wu.at["信息员", "quota"] == 6 and wu.at["委员", "quota"] == 1  # 6 months; 2 a year × 6/12
    report = sq.validate(ledger)
    moved = [(i.row, i.severity) for i in report.issues if i.code == "roster.transfer"]
    assert moved == [(3, "info"), (5, "info")]
    assert not [i for i in report.issues if i.code.startswith("roster.same_name")]


def test_an_item_with_no_unit_counts_for_the_unit_its_author_was_in_that_day(tmp_path):
    # 郑七, 信息员, 城关镇政协工委 to 30 April, 河口镇政协工委 from 1 May (one person who moved). His items
    # with an empty 单位 count for the unit he was in on the item's day (they counted for 河口镇 all
    # year). By hand, Q1 and Q2: Z1 10 March, blank → 城关镇; Z2 30 April, blank → 城关镇 (his last day
    # there); Z3 12 May, blank → 河口镇; Z4 20 March, 河口镇政协工委 written → 河口镇 (the ledger's own
    # 单位 stands). Q1: 城关镇 Z1 = 1, 河口镇 Z4 = 1. Q2: 城关镇 Z2 = 1, 河口镇 Z3 = 1.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
                 ["郑七", "信息员", "城关镇政协工委", "2024-01-01", "2025-04-30"],
                 ["郑七", "信息员", "河口镇政协工委", "2025-05-01", None]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            ["Z1", "2025-03-10", "关于一的建议", "郑七", None], ["Z2", "2025-04-30", "关于二的建议", "郑七", None],
            ["Z3", "2025-05-12", "关于三的建议", "郑七", None], ["Z4", "2025-03-20", "关于四的建议", "郑七", "河口镇政协工委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    for quarter, want in ((1, {"城关镇政协工委": 1, "河口镇政协工委": 1}), (2, {"城关镇政协工委": 1, "河口镇政协工委": 1})):
        table = units(ledger, Period.of(2025, quarter=quarter), today=dt.date(2026, 1, 10)).set_index("unit")
        assert table["submitted"].to_dict() == want, quarter
    said = [i for i in sq.validate(ledger).issues if i.code in ("author.unit_from_roster", "author.unit_unlisted")]
    assert said == []  # each unit is written as the 单位 sheet lists it: nothing to say


def test_an_end_month_without_its_day_and_still_in_post(tmp_path):
    # 离任日期 "2025年6月" was read as 1 June (June not owed, and said nowhere): a month alone as an end
    # is its last day, in post through June — 6 months owed (信息员, monthly). "至今", "在任" under 离任日期
    # were "无法识别" (roster.date_problem): they say still in post — 12 months, nothing said.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["姓名", "单位", "聘任日期", "离任日期"],
                                                             ["甲", "民盟县委", None, "2025年6月"], ["乙", "民盟县委", None, "至今"],
                                                             ["丙", "民盟县委", None, "在任"]]})
    rows = [["2025年台账"], HEADER, ["E1", "2025-02-03", "关于二月的建议", "甲", "民盟县委", None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=roster)
    table = people(ledger, 2025, today=DONE).set_index("name")
    assert table.at["甲", "ended_on"] == pd.Timestamp("2025-06-30") and table.at["甲", "quota"] == 6
    assert table.at["乙", "quota"] == 12 and table.at["丙", "quota"] == 12
    assert not [i for i in sq.validate(ledger).issues if i.code == "roster.date_problem"]


def test_lines_under_a_roster_table_are_not_people(tmp_path):
    # 委员名册 (no 身份: 委员 from the sheet's name) with, under 秦一 and 秦二, a 合计 row, a 注 row and a
    # line of signatures: they were 委员 with quotas (注：… two of them, split at its comma), the 参与率
    # 1/4 and three fake 委员 behind quota; a sentence alone on its row, split at its comma, was two.
    # 信息员名册 has a 合计 in its 序号 column and no 姓名.
    # By hand: the 委员 are 秦一 and 秦二; 秦一 sent two in Q4 (2 of 2 a year: met), 秦二 none:
    # 参与率 of Q4 1/2, the only 委员 behind at the year's end 秦二; 秦三 信息员, 12 months owed.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["政协示例县第十届委员会委员名册"], ["姓名", "性别", "界别", "单位"],
                     ["秦一", "男", "民革", "民革县委"], ["秦二", "女", "民革", "民革县委"],
                     ["合计：2人", None, None, None],
                     ["注：聘期两年，期满自动解聘。秦二已于2025年6月调离。", None, None, None],
                     ["填表人：李某", None, None, "审核人：王某"], ["聘期两年，期满自动解聘", None, None, None]],
        "信息员名册": [["序号", "姓名", "单位"], [1, "秦三", "城关镇政协工委"], ["合计", None, "1人"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["城关镇政协工委", "镇街政协工委"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            ["Q1", "2025-10-03", "关于第一件事的建议", "秦一", "民革县委"],
            ["Q2", "2025-11-03", "关于第二件事的建议", "秦一", "民革县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    people_ = ledger.roster.people
    assert sorted(zip(people_["name"], people_["role"])) == [("秦一", "委员"), ("秦三", "信息员"), ("秦二", "委员")]
    q4 = Period.of(2025, quarter=4)
    assert sq.summary(ledger, q4).participation == {"members_with_items": 1, "members": 2, "rate": 0.5}
    circ = build_circular(ledger, 2025, 4, today=DONE)
    assert circ.behind_people.loc[circ.behind_people["role"] == "委员", "name"].tolist() == ["秦二"]
    assert people(ledger, 2025, today=DONE).set_index("name").at["秦三", "quota"] == 12
    # Each line said at the cell that shows what it is, with the rest of its row; none a person.
    said = {(i.sheet, i.row, i.column): i.message for i in sq.validate(ledger).issues if i.code == "roster.not_a_name"}
    assert sorted(said) == [("信息员名册", 3, "A"), *[("委员名册", r, "A") for r in (5, 6, 7, 8)]]
    assert "“审核人：王某”" in said[("委员名册", 7, "A")] and "“1人”" in said[("信息员名册", 3, "A")]
    assert "离任或调离" in said[("委员名册", 6, "A")]  # 秦二已于2025年6月调离: the 离任 column is where it counts


def test_a_reappointed_informant_owes_every_term(tmp_path):
    # 周八, 信息员 (every month), 2024-07-01–2025-06-30 and renewed 2025-07-01–2027-06-30; 孙七 2025-01-01–
    # 03-31 and again from 2025-07-01. The second row of each was dropped: 周八 owed nothing in Q3 and 6
    # months in the year, 孙七 nothing in Q3 and 3 months. By hand: the union of the terms —
    # 周八 all 12 months (items January–June: 6 months with, July–December missed, 50%);
    # 孙七 January–March and July–December, 9 months (items January–March: 3 with, 7–12 missed).
    # Q3: each owes July, August, September and sent nothing: quota 3, missed [7, 8, 9].
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [
        ["姓名", "身份", "单位", "聘任日期", "解聘日期"],
        ["孙七", "信息员", "城关镇政协工委", "2025-01-01", "2025-03-31"],
        ["孙七", "信息员", "城关镇政协工委", "2025-07-01", None],
        ["周八", "信息员", "河口镇政协工委", "2024-07-01", "2025-06-30"],
        ["周八", "信息员", "河口镇政协工委", "2025-07-01", "2027-06-30"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            *[[f"S{m}", f"2025-{m:02d}-03", f"关于孙七第{m}件事的建议", "孙七", "城关镇政协工委"] for m in (1, 2, 3)],
            *[[f"Z{m}", f"2025-{m:02d}-04", f"关于周八第{m}件事的建议", "周八", "河口镇政协工委"] for m in range(1, 7)]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    q3 = people(ledger, Period.of(2025, quarter=3), today=DONE).set_index("name")
    for name in ("孙七", "周八"):
        assert (q3.at[name, "quota"], q3.at[name, "missed_months"], q3.at[name, "behind"]) == (3, [7, 8, 9], True)
    year = people(ledger, 2025, today=DONE).set_index("name")
    assert (year.at["孙七", "quota"], year.at["孙七", "completion"], year.at["孙七", "missed_months"]) == (9, round(1 / 3, 10), [7, 8, 9, 10, 11, 12])
    assert (year.at["周八", "quota"], year.at["周八", "completion"], year.at["周八", "missed_months"]) == (12, 0.5, [7, 8, 9, 10, 11, 12])
    assert "2025-01-01至2025-03-31、2025-07-01起" in year.at["孙七", "note"]
    table = appraisal(ledger, 2025, today=DONE).set_index("name")
    assert (table.at["孙七", "months_due"], table.at["孙七", "months_with"]) == (9, 3)
    assert (table.at["周八", "months_due"], table.at["周八", "months_with"]) == (12, 6)
    # Letters: 孙七 was not in post in Q2 (nothing sent, no role held: no letter); in Q3 he was.
    assert "孙七" not in {p.name for p in build_feedback(ledger, Period.of(2025, quarter=2), today=DONE).people}
    assert "孙七" in {p.name for p in build_feedback(ledger, Period.of(2025, quarter=3), today=DONE).people}
    joined = [(i.row, i.severity) for i in sq.validate(ledger).issues if i.code == "roster.terms_joined"]
    assert joined == [(3, "info"), (5, "info")]


def test_one_person_on_the_member_and_informant_sheets_is_one_person(tmp_path):
    # 许文 on the 委员名册 (单位 民革县委) and on the 特邀信息员名册 (工作单位 城关镇政协工委): two people,
    # 许文(民革县委) with 3 items and 许文(城关镇政协工委) with 2, neither eligible for 优秀信息员 (5 sent and 3
    # adopted, L88). By hand: 许文 sent 5 (3 adopted by the 市政协): as 委员 2 a year met (250%), as
    # 特邀信息员 items in months 1–5 of 12 (6–12 missed); 5 and 3: eligible.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["示例县政协委员名册"], ["序号", "姓名", "性别", "界别", "单位"], [1, "许文", "男", "民革", "民革县委"]],
        "特邀信息员名册": [["序号", "姓名", "工作单位"], [1, "许文", "城关镇政协工委"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["民革县委", "民主党派"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            *[[f"X{m}", f"2025-{m:02d}-05", f"关于许文第{m}件事的建议", "许文", "民革县委", "市政协采用"] for m in (1, 2, 3)],
            *[[f"X{m}", f"2025-{m:02d}-05", f"关于许文第{m}件事的建议", "许文", "城关镇政协工委", None] for m in (4, 5)]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    xu = people(ledger, 2025, today=DONE).set_index("role")
    assert xu["name"].tolist() == ["许文", "许文"]
    assert (xu.at["委员", "unit"], xu.at["特邀信息员", "unit"]) == ("民革县委", "城关镇政协工委")
    assert xu["submitted"].tolist() == [5, 5] and xu["adopted"].tolist() == [3, 3]
    assert (xu.at["委员", "quota"], xu.at["委员", "completion"]) == (2, 2.5)
    assert (xu.at["特邀信息员", "quota"], xu.at["特邀信息员", "missed_months"]) == (12, [6, 7, 8, 9, 10, 11, 12])
    assert bool(sq.annual_commendation(ledger, 2025).basis.set_index("name").at["许文", "eligible"])
    # Whether the two rows are one person the roster cannot say for certain: said at the later row.
    said = [(i.code, i.sheet, i.row, i.severity) for i in sq.validate(ledger).issues if i.code.startswith("roster.same")]
    assert said == [("roster.same_person", "特邀信息员名册", 2, "info")]


def test_one_unit_written_two_ways_in_the_roster_is_one_person(tmp_path):
    # 韩一 on both sheets, his unit written 民革县委 and 民革示例县委员会; 韩二, 信息员, twice on one sheet
    # under the two spellings: each was two people, the ledger's 韩一 and 韩二 counted for neither
    # (author.same_name). By hand: 韩一 one item in both his roles; 韩二 one 信息员 owing 12 months, not two.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "界别", "单位"], ["韩一", "民革", "民革县委"]],
        "特邀信息员名册": [["姓名", "工作单位"], ["韩一", "民革示例县委员会"]],
        "信息员名册": [["姓名", "单位"], ["韩二", "民革县委"], ["韩二", "民革示例县委员会"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["H1", "2025-02-06", "关于韩一的建议", "韩一", "民革县委"],
            ["H2", "2025-02-07", "关于韩二的建议", "韩二", "民革县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    table = people(ledger, 2025, today=DONE)
    assert sorted(zip(table["name"], table["role"], table["submitted"])) == [
        ("韩一", "委员", 1), ("韩一", "特邀信息员", 1), ("韩二", "信息员", 1)]
    assert table.set_index("name").at["韩二", "quota"] == 12
    said = {(i.sheet, i.row): i.message for i in sq.validate(ledger).issues if i.code == "roster.same_person"}
    assert sorted(said) == [("信息员名册", 3), ("特邀信息员名册", 2)]
    assert all("同一单位的两种写法" in m for m in said.values())
    assert not [i for i in sq.validate(ledger).issues if i.code in ("author.same_name", "roster.same_name")]


def test_a_bracket_after_a_roster_name_is_a_note(tmp_path):
    # 蒋三（常委） was a person 蒋三(常委) whom the ledger's 蒋三 never matched (author.same_name, counted
    # for no one, and 蒋三(常委) a 委员 with nothing sent). Two 陈静 told apart by the bracket alone stay
    # two people. By hand: 蒋三 委员, one item of 2 a year (50%); 陈静(农业界) one item, 陈静(教育界) none.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [
        ["姓名", "单位"], ["蒋三（常委）", "民革县委"], ["陈静（教育界）", "县教育局"], ["陈静（农业界）", "县农业农村局"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"],
            ["J1", "2025-04-03", "关于蒋三的建议", "蒋三", "民革县委"],
            ["C1", "2025-04-04", "关于陈静的建议", "陈静(农业界)", "县农业农村局"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    table = people(ledger, 2025, today=DONE).set_index("name")
    assert sorted(table.index) == ["蒋三", "陈静(农业界)", "陈静(教育界)"]
    assert (table.at["蒋三", "role"], table.at["蒋三", "submitted"], table.at["蒋三", "completion"]) == ("委员", 1, 0.5)
    assert (table.at["陈静(农业界)", "submitted"], table.at["陈静(教育界)", "submitted"]) == (1, 0)
    report = sq.validate(ledger)
    assert [(i.row, i.column) for i in report.issues if i.code == "roster.name_note"] == [(2, "A"), (3, "A"), (4, "A")]
    assert not [i for i in report.issues if i.code in ("author.same_name", "roster.unknown_person")]


def test_quota_and_completion_are_floats_with_a_roster_or_without(tmp_path):
    # 甲 sends two items in 2025. Without a roster nobody has a role, so no quota: NaN, not None in an
    # object column. With one, 甲 (信息员, 1 a month every month) owes 12 and met 2 months (2/12), and
    # 乙 (an author the roster does not know) has none: the same float column either way.
    rows = [["2025年度台账"], HEADER, *_rows("甲", "城关镇政协工委", ["2025-01-05", "2025-02-05"], "A"),
            *_rows("乙", "城关镇政协工委", ["2025-03-05"], "B")]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["甲", "信息员", "城关镇政协工委"]]})
    bare = people(sq.read_ledgers(path), 2025, today=DONE).set_index("name")
    listed = people(sq.read_ledgers(path, roster=roster), 2025, today=DONE).set_index("name")
    for table in (bare, listed):
        assert table["quota"].dtype == "float64" and table["completion"].dtype == "float64"
    assert bare["quota"].isna().all() and bare["completion"].isna().all()
    assert listed.at["甲", "quota"] == 12 and listed.at["甲", "completion"] == round(2 / 12, 10)
    assert pd.isna(listed.at["乙", "quota"])
    # Units without a roster: no unit type, no quota, the same float columns.
    table = units(sq.read_ledgers(path), 2025, today=DONE)
    assert all(table[c].dtype == "float64" for c in ("quota", "completion", "adopted_quota", "adopted_completion"))


def test_a_unit_type_with_full_width_brackets_or_a_space_keeps_its_quota_and_places(tmp_path):
    # 乡镇（街道）政协工委 and 乡镇 政协联络组, written alike in the rules (quotas.units, peer_groups) and in
    # the roster's 单位类型: the roster's was read NFKC'd and without spaces, the rules' keys as written,
    # so both units had no quota and no 先进集体 place. The rules' keys are read the same way now.
    import yaml

    from sqmy_lib.compute.commendation import build_commendation
    from sqmy_lib.rules import check_file
    from sqmy_lib.rules.model import default_rules_path

    data = yaml.safe_load(default_rules_path(2025)[0].read_text(encoding="utf-8"))
    for old, new in (("镇街政协工委", "乡镇（街道）政协工委"), ("界别组", "乡镇 政协联络组")):
        data["quotas"]["units"][new] = data["quotas"]["units"].pop(old)
        data["peer_groups"][new] = data["peer_groups"].pop(old)
    # A test of the types' keys: no condition on the year's 任务 for 先进集体 (one item of 36 or 8 each
    # would leave none suggested: test_commendation_condition).
    data["commendations"]["advanced_units"] = {}
    rules = tmp_path / "规则.yaml"
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert check_file(rules)[1] == []
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["城关镇政协工委", "乡镇（街道）政协工委"],
                                                ["河口镇政协工委", "乡镇（街道）政协工委"], ["东片联络组", "乡镇 政协联络组"]]})
    rows = [["2025年度社情民意信息台账"], HEADER,
            ["U1", "2025-03-05", "关于城关镇的建议", "城关镇政协工委", "城关镇政协工委", "市政协《社情民意》第2期"],
            ["U2", "2025-04-05", "关于河口镇的建议", "河口镇政协工委", "河口镇政协工委", None],
            ["U3", "2025-05-05", "关于东片的建议", "东片联络组", "东片联络组", None]]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", rules=rules)
    table = units(ledger, 2025, today=DONE).set_index("unit")
    # By hand: the 镇街 type's quota as shipped, 3 a month (36 a year), 1 a month adopted at 市级+ (12);
    # the 界别组 type's 2 a quarter (8 a year). One spelling: full width folded, no space.
    assert list(table.loc[["城关镇政协工委", "河口镇政协工委"], "peer_group"]) == ["乡镇(街道)政协工委"] * 2
    assert (table.at["城关镇政协工委", "quota"], table.at["城关镇政协工委", "adopted_quota"]) == (36, 12)
    assert (table.at["东片联络组", "peer_group"], table.at["东片联络组", "quota"]) == ("乡镇政协联络组", 8)
    # 先进集体: places within each type, top_n as shipped: 镇街 3 (both suggested), 界别组 1.
    comm = build_commendation(ledger, 2025, today=DONE)
    cand = comm.candidates["先进集体"].set_index("unit")
    assert cand.loc[["城关镇政协工委", "河口镇政协工委", "东片联络组"], "suggested"].tolist() == [True, True, True]
    assert set(cand["peer_group"]) == {"乡镇(街道)政协工委", "乡镇政协联络组"}
    assert comm.limits["先进集体"]["乡镇(街道)政协工委"] == 3
    # Two keys that are one type once read so (full width and half width): refused, not one dropped.
    data["peer_groups"]["乡镇(街道)政协工委"] = {"top_n": 1}
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    [problem] = check_file(rules)[1]
    assert problem.key.startswith("peer_groups.") and "只差全角半角或空格" in problem.message


def test_a_standing_committee_member_is_a_member_and_another_committees_is_not(tmp_path):
    # 身份 常委 and 县政协常委 were no role the rules knew (no quota, said): a 政协 standing committee's
    # members are 委员 (rules 2025.5). 民革县委委员 was a 委员 by its ending: a member of the party's
    # committee is not one of the 政协's, so no role (said). By hand: 委员 two a year, one sent each.
    roster = {"人员": [["姓名", "身份", "单位"], ["甲", "常委", "民盟县委"], ["乙", "县政协常委", "民进县委"],
                       ["丙", "民革县委委员", "民革县委"]]}
    rows = [["2025年台账"], HEADER, *_rows("甲", "民盟县委", ["2025-03-01"], "A"), *_rows("乙", "民进县委", ["2025-03-02"], "B"),
            *_rows("丙", "民革县委", ["2025-03-03"], "C")]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    got = people(ledger, 2025, today=DONE).set_index("name")
    assert got.loc[["甲", "乙", "丙"], "role"].tolist() == ["委员", "委员", "民革县委委员"]  # as written: no quota
    assert got.loc[["甲", "乙"], "quota"].tolist() == [2, 2] and pd.isna(got.loc["丙", "quota"])
    said = {(i.code, i.row) for i in sq.validate(ledger).issues if i.code.startswith("roster.role")}
    assert said == {("roster.role_read_as", 3), ("roster.role_unknown", 4)}


def test_a_roster_with_no_one_read_under_its_header_is_said(tmp_path):
    # A roster whose rows name no one (人0, 合计) was dropped whole with its findings: no quota for
    # anyone, not a word. By hand: an error for the file, and each row's reason at its cell.
    roster = {"人员": [["姓名", "身份", "单位"], ["人0", "委员", "民革县委"], ["人1", "委员", "民盟县委"], ["合计：2人", None, None]]}
    rows = [["2025年台账"], HEADER, *_rows("张三", "民革县委", ["2025-03-01"], "A")]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}), roster=write_xlsx(tmp_path / "名册.xlsx", roster))
    report = sq.validate(ledger)
    assert [(i.code, i.severity) for i in report.issues if (i.file or "").endswith("名册.xlsx") and i.row is None] == [
        ("roster.not_found", "error")]
    assert [(i.code, i.row) for i in report.issues if i.code == "roster.not_a_name"] == [
        ("roster.not_a_name", 2), ("roster.not_a_name", 3), ("roster.not_a_name", 4)]


def test_units_with_no_unit_list_are_judged_against_nothing_and_it_is_said(tmp_path):
    """Without a roster listing the units and their types, no unit's quota can be judged and a unit
    that sent nothing is nowhere: the figures would say no unit is behind. The circular's notes and
    `sqmy compute units` say so; a roster listing the units says nothing of it."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER,
                                                        *_rows("张三", "民革县委", ["2025-03-01"], "A")]})
    ledger = sq.read_ledgers(path)
    circ = build_circular(ledger, 2025, 1, today=DONE)
    assert circ.units["peer_group"].tolist() == ["未分组"] and circ.behind_units.empty
    assert any("没有单位名册" in n for n in circ.notes)
    ran = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "units", str(path)], capture_output=True, text=True)
    assert ran.returncode == 0 and "没有单位名册" in ran.stderr

    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"]]})
    listed = sq.read_ledgers(path, roster=roster)
    circ = build_circular(listed, 2025, 1, today=DONE)
    assert not any("没有单位名册" in n for n in circ.notes)
    # 民盟县委 sent nothing: listed, and behind its quarter's 3 (民主党派: 3 a quarter).
    assert sorted(circ.behind_units["unit"]) == ["民盟县委", "民革县委"]


def test_unit_types_written_in_full(tmp_path):
    """镇（街道）政协工委 and 专门委员会 are the rules' 镇街政协工委 and 专委会 (said, as 界别 for 界别组 is):
    before, types of no group, so no quota and no peer group; 人民团体 is still none of the rules'."""
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类别"], ["城关镇政协工委", "镇（街道）政协工委"],
                                                       ["提案委", "专门委员会"], ["县总工会", "人民团体"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER,
                                                        *_rows("张三", "城关镇政协工委", ["2025-01-05"], "A")]})
    ledger = sq.read_ledgers(path, roster=roster)
    report = sq.validate(ledger)
    assert [(i.code, i.row) for i in report.issues if i.code.startswith("roster.unit_type")] == [
        ("roster.unit_type_read_as", 2), ("roster.unit_type_read_as", 3), ("roster.unit_type_unknown", 4)]
    u = units(ledger, Period.of(2025, quarter=1), today=DONE).set_index("unit")
    assert u.loc["城关镇政协工委", "peer_group"] == "镇街政协工委" and u.loc["提案委", "peer_group"] == "专委会"
    # 镇街: 3 a month from January, by hand 9 in the quarter, 1 sent; 专委会: 2 a quarter, none sent.
    assert (u.loc["城关镇政协工委", "quota"], u.loc["城关镇政协工委", "quota_done"]) == (9, 1)
    assert (u.loc["提案委", "quota"], u.loc["提案委", "quota_done"]) == (2, 0)
    assert pd.isna(u.loc["县总工会", "quota"])


def test_roles_written_with_a_bracket_or_兼(tmp_path):
    """委员（信息员） and 委员兼信息员 are two roles, each with its quota; 信息员（特邀） is 特邀信息员 (all said,
    roster.role_read_as). Before: 委员（信息员） and 信息员（特邀） no role (no quota), 委员兼信息员 信息员 only."""
    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位"], ["张三", "委员（信息员）", "民革县委"],
                                                     ["李四", "委员兼信息员", "民革县委"], ["王五", "信息员（特邀）", "民革县委"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER,
                                                        *_rows("张三", "民革县委", ["2025-01-05"], "A")]})
    ledger = sq.read_ledgers(path, roster=roster)
    report = sq.validate(ledger)
    assert [(i.code, i.row) for i in report.issues if i.code.startswith("roster.role")] == [
        ("roster.role_read_as", 2), ("roster.role_read_as", 3), ("roster.role_read_as", 4)]
    p = people(ledger, Period.of(2025), today=DONE)
    assert sorted(zip(p["name"], p["role"], p["quota"])) == [
        ("张三", "信息员", 12), ("张三", "委员", 2), ("李四", "信息员", 12), ("李四", "委员", 2), ("王五", "特邀信息员", 12)]


def test_one_name_under_two_units_is_said_once(tmp_path):
    """张伟 of 县教育局 and 张伟 of 民革县委 with no roster are counted as one person (two people of one
    name, or one who moved): the circular's notes and sqmy compute people say so once, naming him; a
    roster naming 张伟 (his unit its own) says nothing of it."""
    rows = [*_rows("张伟", "县教育局", ["2025-01-05"], "A"), *_rows("张伟", "民革县委", ["2025-02-05"], "B"),
            *_rows("李四", "县教育局", ["2025-02-06", "2025-03-06"], "C")]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *rows]})
    circ = build_circular(sq.read_ledgers(path), 2025, 1, today=DONE)
    said = [n for n in circ.notes if "分属不同单位" in n]
    assert len(said) == 1 and said[0].startswith("作者张伟的信息分属不同单位")
    assert circ.people.set_index("name").loc["张伟", "submitted"] == 2  # one person, as said
    ran = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "people", str(path)], capture_output=True, text=True)
    assert ran.returncode == 0 and "作者张伟的信息分属不同单位" in ran.stderr

    roster = write_xlsx(tmp_path / "名册.xlsx", {"名册": [["姓名", "身份", "单位"], ["张伟", "信息员", "县教育局"]]})
    circ = build_circular(sq.read_ledgers(path, roster=roster), 2025, 1, today=DONE)
    assert not [n for n in circ.notes if "分属不同单位" in n]


def test_a_town_or_a_committee_written_short_counts_for_the_roster_unit(tmp_path):
    # 城关镇 for the roster's 城关镇政协工委, 城南街道工委 for 城南街道政协工委, 县提案委 for 示例县政协提案委员会: each one
    # unit, counted as the roster writes it and said (unit.read_as). Before, each was a unit not on the roster
    # (roster.unknown_unit) and its items counted for no unit: 城关镇政协工委 owing its quota with items sent.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"],
                                                           ["城南街道政协工委", "镇街政协工委"], ["示例县政协提案委员会", "专委会"]]})
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位"], ["A1", "2025-05-10", "关于一的建议", "张三", "城关镇"],
            ["A2", "2025-05-11", "关于二的建议", "李四", "城南街道工委"], ["A3", "2025-05-12", "关于三的建议", "王五", "县提案委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    codes = [i.code for i in sq.validate(ledger).issues]
    assert "roster.unknown_unit" not in codes and codes.count("unit.read_as") == 3
    sent = sq.units(ledger, Period.of(2025), today=DONE).set_index("unit")["submitted"].to_dict()
    assert sent == {"城关镇政协工委": 1, "城南街道政协工委": 1, "示例县政协提案委员会": 1}


def test_a_roster_built_by_hand_without_unit_dates_still_ranks_its_units(office):
    """An analyst's roster of units without the 成立/撤销 dates the reader now gives (unit, unit_type only): the units
    are ranked and judged as units open all year; it was a KeyError."""
    import dataclasses

    from sqmy_lib.records import Roster

    roster = Roster(people=office.roster.people, units=pd.DataFrame({"unit": ["城关镇政协工委", "民盟县委"],
                                                                     "unit_type": ["镇街政协工委", "民主党派"]}))
    table = units(dataclasses.replace(office, roster=roster), 2025, today=DONE).set_index("unit")
    assert table.loc["民盟县委", "quota"] == 12  # 3 a quarter, all year
    assert sorted(table["peer_group"]) == ["民主党派", "镇街政协工委"]
