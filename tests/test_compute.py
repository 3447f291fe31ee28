"""Computations on real workbooks: hand-worked examples from domain.md §5, asserted to the fen,
and reconciliation properties (hypothesis) for any number of co-authors and any rules."""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sqmy_lib as sq
from sqmy_lib.compute import Period, people, reward_lines, rewards, split_fen, summary, units
from sqmy_lib.compute.circular import statistics_text
from sqmy_lib.rules import Rules, load_rules

from conftest import write_xlsx

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "批示日期"]
ROSTER = {
    "人员": [["姓名", "身份", "单位", "聘任日期"],
             ["张三", "委员", "民盟县委", None], ["李四", "委员", "民建县委", None],
             ["王五", "信息员", "城关镇政协工委", "2025-07-01"], ["赵六", "特邀信息员", "城关镇政协工委", "2024-03-01"]],
    "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"], ["民建县委", "民主党派"], ["城关镇政协工委", "镇街政协工委"],
             ["河口镇政协工委", "镇街政协工委"]],
}


@pytest.fixture
def office(tmp_path):
    """A small year worked out by hand (domain.md §5)."""
    rows = [
        ["2025年度社情民意信息台账"],
        HEADER,
        # 省政协 adoption, a 市长 instruction, two co-authors: 200.00 × 2 = 400.00, 200.00 each.
        ["A1", "2025-03-02", "关于省级采用的建议", "张三、李四", "民盟县委", "省政协《社情民意》2025年第3期;县政协编发第2期", "市长刘某", "2025-04-01"],
        # An item filed in the unit's name: 县级 30.00 to the unit, nobody else.
        ["A2", "2025-05-06", "关于单位名义的建议", "民盟县委", "民盟县委", "县政协编发第5期", None, None],
        # Three co-authors at 市级 100.00: 33.34 / 33.33 / 33.33, the extra fen to the first author.
        ["A3", "2025-08-10", "关于三人联名的建议", "王五、赵六、张三", "城关镇政协工委", "市政协采用", None, None],
        # The informant appointed in July submits in August and September; not adopted.
        ["A4", "2025-08-20", "关于八月的建议", "王五", "城关镇政协工委", None, None, None],
        ["A5", "2025-09-20", "关于九月的建议", "王五", "城关镇政协工委", None, None, None],
    ]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    write_xlsx(tmp_path / "名册.xlsx", ROSTER)
    return sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx")


def _line(lines, title, name):
    row = lines[(lines["title"] == title) & (lines["beneficiary"] == name)]
    assert len(row) == 1, (title, name, lines)
    return row.iloc[0]


def test_reward_lines_worked_by_hand(office):
    lines = reward_lines(office, 2025)
    first = _line(lines, "关于省级采用的建议", "张三")
    assert (first["tier"], first["base"], first["multiplier"], first["share"], first["amount"]) == (
        "省级", Decimal("200.00"), Decimal(2), "1/2", Decimal("200.00"))
    assert _line(lines, "关于省级采用的建议", "李四")["amount"] == Decimal("200.00")
    unit = _line(lines, "关于单位名义的建议", "民盟县委")
    assert (unit["kind"], unit["amount"]) == ("单位", Decimal("30.00"))
    assert [_line(lines, "关于三人联名的建议", n)["amount"] for n in ("王五", "赵六", "张三")] == [
        Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert lines["amount_fen"].sum() == 40000 + 3000 + 10000
    totals = rewards(office, 2025).set_index("name")
    assert totals.at["张三", "amount"] == Decimal("233.33") and totals.at["张三", "items"] == 2
    assert totals.at["民盟县委", "amount"] == Decimal("30.00")
    assert sum(totals["amount"]) == Decimal("530.00")


def test_sum_mode_pays_every_tier(office):
    rules = load_rules(year=2025)
    data = copy.deepcopy(rules.data)
    data["rewards"]["tier_mode"] = "sum"
    lines = reward_lines(office, 2025, Rules(data))
    # 省级 200 + 县级 30, doubled for the instruction: 460.00 split in two.
    assert _line(lines, "关于省级采用的建议", "张三")["amount"] == Decimal("230.00")


def test_quota_from_appointment_month(office):
    year = people(office, 2025).set_index("name")
    assert year.at["王五", "quota"] == 6  # July–December, 1 a month
    # Every month (L88): items in August (2) and September (1) meet two of the six months due.
    assert year.at["王五", "submitted"] == 3 and year.at["王五", "completion"] == round(2 / 6, 10)
    assert year.at["王五", "missed_months"] == [7, 10, 11, 12] and year.at["王五", "behind"]
    assert year.at["王五", "shortfall"] == "7月、10月、11月、12月未报送"
    assert year.at["赵六", "quota"] == 12  # appointed before the year: all twelve months
    assert year.at["赵六", "missed_months"] == [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]  # only A3, in August
    assert year.at["张三", "quota"] == 2 and year.at["张三", "submitted"] == 2  # co-authored items count for each author
    assert year.at["张三", "missed_months"] == [] and not year.at["张三", "behind"]
    q2 = people(office, Period.of(2025, quarter=2)).set_index("name")
    assert q2.at["王五", "quota"] == 0 and pd.isna(q2.at["王五", "completion"])  # nothing due: no rate
    q3 = people(office, Period.of(2025, quarter=3)).set_index("name")
    assert (q3.at["王五", "quota"], q3.at["王五", "submitted"], q3.at["王五", "completion"]) == (3, 3, round(2 / 3, 10))
    assert q3.at["王五", "missed_months"] == [7]
    assert q3.at["王五", "reward"] == Decimal("33.34")


def test_units_points_rank_and_zero_submissions(office):
    table = units(office, 2025).set_index("unit")
    # 民盟县委: 2 items (1 point each) + 省级 20 + 市级 instruction 10 + 县级 3 = 35.
    assert table.at["民盟县委", "points"] == 2 + 20 + 10 + 3
    # 民建县委 sent nothing: no place (未报送), not 第2名 of 2.
    assert table.at["民盟县委", "rank"] == 1 and pd.isna(table.at["民建县委", "rank"]) and table.at["民建县委", "rank_text"] == "未报送"
    # 城关镇: 3 items + 市级 10 = 13; 河口镇 has nothing and is still listed, with no place.
    assert table.at["城关镇政协工委", "points"] == 13
    assert bool(table.at["河口镇政协工委", "no_submission"]) and pd.isna(table.at["河口镇政协工委", "rank"])
    # 镇街政协工委: 3 a month from January, and 1 adoption at 市级 or above a month.
    assert table.at["城关镇政协工委", "quota"] == 36 and table.at["城关镇政协工委", "adopted_quota"] == 12


def _tied_units(tmp_path):
    """民革县委 13 items, none adopted: 13 points; 民盟县委 3 items, one 市政协: 3 + 10 = 13; 民建县委 1 item: 1;
    县工商联, alone among 工商联, sends nothing."""
    rows = [["2025年度社情民意信息台账"], HEADER[:6]]
    rows += [[f"G{k}", f"2025-{k % 12 + 1:02d}-03", f"关于甲单位第{k}号问题的建议", "民革县委", "民革县委", None] for k in range(13)]
    rows += [[f"M{k}", f"2025-{k + 1:02d}-05", f"关于乙单位第{k}号问题的建议", "民盟县委", "民盟县委", "市政协采用" if k == 0 else None]
             for k in range(3)]
    rows += [["J1", "2025-06-01", "关于丙单位问题的建议", "民建县委", "民建县委", None]]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"],
                                                        ["民建县委", "民主党派"], ["县工商联", "工商联"]]})
    return ledger, roster


def test_units_tied_on_points_are_ranked_by_the_rules_tie_breaks(tmp_path):
    # 民革县委 (13 points, 0 采用, 13 报送) and 民盟县委 (13 points, 1 采用, 3 报送) were both 并列第1名 in
    # compute units (the circular, the letters) while the commendation put 民盟 first on 采用. One rule
    # now (rules points.rank_by: points, then adopted, then submitted). By hand: 民盟 第1名, 民革 第2名,
    # 民建县委 (1 point) 第3名; 县工商联, alone and sending nothing, no place (未报送). Ranked on points alone (an office's
    # rank_by: [points]), the two share: 并列第1名 twice, 民建 第3名 (1, 1, 3).
    from conftest import sqmy

    ledger, roster = _tied_units(tmp_path)
    table = units(sq.read_ledgers(ledger, roster=roster, year=2025), 2025).set_index("unit")
    assert table.loc[["民革县委", "民盟县委", "民建县委"], "points"].tolist() == [13, 13, 1]
    assert table["rank_text"].to_dict() == {"民盟县委": "第1名", "民革县委": "第2名", "民建县委": "第3名", "县工商联": "未报送"}
    text = load_rules(year=2025).source
    rules = tmp_path / "规则.yaml"
    rules.write_text(Path(text).read_text(encoding="utf-8").replace("rank_by: [points, adopted, submitted]", "rank_by: [points]"),
                     encoding="utf-8")
    shown = sqmy("compute", "units", ledger, "--roster", roster, "--rules", rules, "--year", 2025)
    assert shown.returncode == 0 and "名次" in shown.stdout and shown.stdout.count("并列第1名") == 2
    assert "民建县委" in shown.stdout and "第3名" in shown.stdout


def test_summary_figures(office):
    s = summary(office, 2025)
    assert (s.submitted, s.published, s.issues, s.adopted) == (5, 2, 2, 3)
    assert s.adopted_by_tier == {"县级": 2, "市级": 1, "省级": 1, "全国": 0}
    assert s.instructions == 1 and s.instructions_by_level["市级"] == 1
    assert s.participation == {"members_with_items": 2, "members": 2, "rate": 1.0}
    assert s.adoption_rate == 0.6 and s.previous is None


def test_error_rows_are_left_out_and_reported(tmp_path):
    rows = [["2025年度台账"], HEADER,
            ["B1", "2025-03-02", "关于好的建议", "张三", "民盟县委", "县政协编发", None, None],
            ["B2", "2025.13.45", "关于坏日期的建议", "张三", "民盟县委", "县政协编发", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    c = sq.compute.counted(ledger)
    assert c.left_out.values.tolist() == [["submissions", "date.unparseable", 1], ["adoptions", "item.left_out", 1]]
    assert "date.unparseable" in c.left_out_text
    assert summary(ledger, 2025).submitted == 1


def test_an_instruction_dated_before_its_item_is_an_error_left_out(tmp_path):
    # B1 received 2025-04-02, its 批示 dated 2025-03-20: a 批示 before the office had the item was counted
    # in Q1 with no word (as an adoption before its item is adoption.before_item, an error). B2's 批示
    # (2025-02-10, after its receipt 2025-02-01) counts. By hand: Q1 1 批示 (B2), Q2 0, the year 1;
    # one error at B1's 批示日期 cell H3; the instruction left out, its item and adoption still counted.
    rows = [["2025年度台账"], HEADER,
            ["B1", "2025-04-02", "关于批示早于收稿的建议", "张三", "民盟县委", "县政协编发", "市长李某某", "2025-03-20"],
            ["B2", "2025-02-01", "关于批示在后的建议", "李四", "民建县委", "县政协编发", "市长李某某", "2025-02-10"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    said = [i for i in sq.validate(ledger).issues if i.code == "instruction.before_item"]
    assert [(i.severity, i.row, i.column) for i in said] == [("error", 3, "H")]
    assert "2025-03-20" in said[0].message and "2025-04-02" in said[0].message
    assert [summary(ledger, p).instructions for p in ("2025Q1", "2025Q2", "2025")] == [1, 0, 1]
    assert summary(ledger, "2025").submitted == 2 and summary(ledger, "2025").adopted == 2
    assert sq.compute.counted(ledger).left_out.values.tolist() == [["instructions", "instruction.before_item", 1]]


@given(total=st.integers(min_value=0, max_value=10**9), n=st.integers(min_value=1, max_value=50))
def test_split_fen_reconciles(total, n):
    shares = split_fen(total, n)
    assert sum(shares) == total and len(shares) == n
    assert max(shares) - min(shares) <= n - 1 and shares[0] == max(shares)


amounts = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    authors=st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=6),
    by_tier=st.tuples(amounts, amounts, amounts, amounts),
    multiplier=st.sampled_from(["1", "1.5", "2", "3"]),
    mode=st.sampled_from(["highest", "sum"]),
)
def test_reward_lines_reconcile_for_any_rules(tmp_path_factory, authors, by_tier, multiplier, mode):
    tmp = tmp_path_factory.mktemp("prop")
    names = [f"作者{k}" for k in range(10)]
    bodies = ["县政协编发", "市政协", "省政协", "全国政协;县政协编发"]
    rows = [["2025年度台账"], HEADER]
    for i, n in enumerate(authors):
        rows.append([f"P{i}", f"2025-0{1 + i % 9}-05", f"关于第{i}项的建议", "、".join(names[:n]), "民盟县委",
                     bodies[i % 4], "市长刘某" if i % 2 else None, None])
    ledger = sq.read_ledgers(write_xlsx(tmp / "p.xlsx", {"S": rows}))
    data = copy.deepcopy(load_rules(year=2025).data)
    data["rewards"].update(by_tier=dict(zip(["县级", "市级", "省级", "全国"], map(str, by_tier))),
                           instruction_multiplier=multiplier, tier_mode=mode)
    rules = Rules(data)
    lines = reward_lines(ledger, 2025, rules)
    from sqmy_lib.compute.rewards import item_amounts

    c = sq.compute.counted(ledger, rules)
    items = item_amounts(c, Period.of(2025))
    # Shares add up to each item's amount, and the totals to the sum of lines, exactly.
    per_item = lines.groupby("item")["amount_fen"].sum()
    assert per_item.to_dict() == {i: a for i, a in zip(items["item"], items["amount_fen"]) if a or i in per_item}
    assert sum(lines["amount"]) == Decimal(int(lines["amount_fen"].sum())) / 100
    totals = rewards(ledger, 2025, rules)
    assert totals["amount_fen"].sum() == lines["amount_fen"].sum() == items["amount_fen"].sum()
    # Every item paid has one line per author (items are numbered in row order); with 补差 (the
    # default) an item whose tier pays nothing is not paid in the period, so has no line at all.
    assert set(lines["item"]) == set(items["item"])
    assert all(len(g) == authors[item] for item, g in lines.groupby("item"))


def test_an_item_adopted_above_the_office_went_there_when_the_ledger_records_its_sending(tmp_path):
    # 上报 figures count what went up, and an item adopted by 市政协 went there whether or not staff wrote
    # it in the 上报 column (L77 "上报省、市级信息153条" counts the adopted too). Worked by hand, 2025:
    # 甲 sent to 市政协, not adopted; 乙 adopted by 市政协, no 上报 written; 丙 adopted by 县政协 only (not
    # sent up); 丁 sent to 省政协 and adopted there (third quarter). Sent up: 市级 甲 乙, 省级 丁; adopted at
    # the level it went to: 乙 丁. In the first quarter: 甲 乙 only (丁 is the third's).
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协", "市政协", "省政协", "上报情况"],
            [1, "2025-02-01", "关于甲的建议", "张三", "", "", "", "已报市政协"],
            [2, "2025-02-02", "关于乙的建议", "李四", "", "√", "", ""],
            [3, "2025-02-03", "关于丙的建议", "王五", "√", "", "", ""],
            [4, "2025-08-04", "关于丁的建议", "赵六", "", "", "√", "报省政协"]]
    ledger = sq.read_ledgers([write_xlsx(tmp_path / "a.xlsx", {"S": rows})], year=2025)
    year = summary(ledger, Period.of(2025))
    assert year.forwarded == {"市级": 2, "省级": 1, "全国": 0} and year.forwarded_adopted == 2
    q1 = summary(ledger, Period.of(2025, quarter=1))
    assert q1.forwarded == {"市级": 2, "省级": 0, "全国": 0} and q1.forwarded_adopted == 1
    # A ledger that writes no 上报 at all says nothing of what went up unadopted: no 上报 figures
    # (none at all, not 0: 统计口径 "台账未记录任何上报时，不统计上报").
    bare = [row[:7] for row in rows]
    ledger = sq.read_ledgers([write_xlsx(tmp_path / "b.xlsx", {"S": bare})], year=2025)
    none = summary(ledger, Period.of(2025))
    assert none.forwarded == {} and none.forwarded_adopted is None and none.upper_adoption_rate is None


def test_the_adoption_rate_is_of_the_items_received_never_over_100(tmp_path):
    # Q3 received one item (C4, not adopted) and saw three adopted that came in Q1: the rate was 3/1 = 300%
    # ("共收到社情民意信息1条…共有3条信息被采用，采用率300%"). By hand: of Q3's one item none is adopted by
    # 30 September: 0%; the year: 4 received, 3 adopted by 31 December: 75%.
    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
            ["C1", "2025-01-10", "关于一的建议", "甲", "民盟县委", "2025-07-10", None],
            ["C2", "2025-02-10", "关于二的建议", "乙", "民建县委", "2025-07-12", None],
            ["C3", "2025-03-10", "关于三的建议", "甲", "民盟县委", None, "2025-08-01"],
            ["C4", "2025-08-10", "关于四的建议", "乙", "民建县委", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "c.xlsx", {"2025年": rows}), year=2025)
    q3 = summary(ledger, Period.of(2025, quarter=3))
    assert (q3.submitted, q3.adopted, q3.adopted_of_submitted, q3.adoption_rate) == (1, 3, 0, 0.0)
    assert "共有3条信息被采用（其中本期收到的0条），采用率0%" in statistics_text(q3)
    year = summary(ledger, 2025)
    assert (year.adopted, year.adopted_of_submitted, year.adoption_rate) == (3, 3, 0.75)
    assert "共有3条信息被采用，采用率75%" in statistics_text(year, whole_year=True)


def test_published_counts_the_offices_own_bulletin_only(tmp_path):
    # 县委办《信息快报》第5期采用 (the 县委办's, of the office's tier) and 县政协专报 were counted as 本级编发:
    # "编发《社情民意》2期2条". By hand: one item in issue 3 of the office's own bulletin.
    from conftest import write_xlsx

    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", "县政协编发第3期"],
            [2, "2025-03-02", "关于乙的建议", "李四", "县委办《信息快报》第5期采用"],
            [3, "2025-03-03", "关于丙的建议", "王五", "县政协专报"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "p.xlsx", {"2025年": rows}), year=2025)
    s = sq.summary(ledger, 2025)
    assert (s.published, s.issues, s.adopted_by_tier["县级"]) == (1, 1, 3)


def test_a_few_items_of_last_december_are_no_ledger_of_last_year(tmp_path):
    # A 2025 ledger (one sheet, no year in its name) holds one item received 2024-12-20, registered
    # late, and eight of 2025. By hand: 2024 is not a year these ledgers cover (they begin in its
    # December), so 2025 is compared with nothing (not "比上年增加7条、增长700%"), nor is 2025 Q4.
    import datetime as dt
    rows = [["序号", "收稿日期", "信息标题", "作者"], [1, dt.date(2024, 12, 20), "关于冬季供暖的建议", "张三"]]
    rows += [[k + 2, dt.date(2025, k + 1, 10), f"关于第{k + 1}项工作的建议", "李四"] for k in range(8)]
    write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    ledger = sq.read_ledgers(tmp_path, year=2025)
    year = summary(ledger, 2025)
    assert (year.submitted, year.previous, year.change) == (8, None, None)
    assert summary(ledger, Period.of(2025, quarter=4)).change is None
    # The same sheet begun in January 2024 (one item a month of 2024 besides): 2024 is covered, the
    # year compares 8 with 12 (减少4条), the fourth quarter 0 with 3.
    rows += [[20 + m, dt.date(2024, m, 5), f"关于上年第{m}项工作的建议", "王五"] for m in range(1, 12)]
    write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    ledger = sq.read_ledgers(tmp_path, year=2025)
    assert summary(ledger, 2025).change["submitted"] == 8 - 12
    assert summary(ledger, Period.of(2025, quarter=4)).change["submitted"] == 0 - 3


def test_without_top_up_an_item_is_paid_once_and_the_quarters_add_up_to_the_year(tmp_path):
    # A1 (张三): 县政协 in February (Q1), 市政协 in May (Q2), a 批示 in August (Q3): paid once, in Q1, at
    # what it is worth at the end of March: 县级 30 yuan (no 批示 yet) — nothing in Q2 or Q3.
    # A2 (李四): 市政协 in May with a 批示 in June: Q2, 市级 100 × 2 = 200 yuan.
    # The year pays the same: 张三 30, 李四 200; before, the year paid 张三 200 (市级 × 2) and Q2 100 more.
    header = ["编号", "信息标题", "采用单位/刊物", "期号", "采用日期", "批示领导", "批示日期"]
    write_xlsx(tmp_path / "报送台账.xlsx", {"报送台账": [["2025年社情民意信息报送台账"], ["编号", "收稿日期", "信息标题", "作者", "单位"],
                                                   ["A1", "2025-01-05", "信息一", "张三", "民盟县委"],
                                                   ["A2", "2025-04-05", "信息二", "李四", "民盟县委"]]})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用台账": [["2025年社情民意信息采用台账"], header,
                                                   ["A1", "信息一", "县政协《社情民意》", "第1期", "2025-02-01", None, None],
                                                   ["A1", "信息一", "市政协《社情民意》", "第9期", "2025-05-01", "副省长王某", "2025-08-01"],
                                                   ["A2", "信息二", "市政协《社情民意》", "第10期", "2025-05-03", "市长刘某", "2025-06-01"]]})
    data = copy.deepcopy(load_rules(year=2025).data)
    data["rewards"]["top_up"] = False
    rules = Rules(data)
    ledger = sq.read_ledgers(tmp_path)

    def paid(period):
        lines = reward_lines(ledger, period, rules)
        return lines.groupby("beneficiary")["amount_fen"].sum().astype(int).to_dict() if len(lines) else {}

    assert [paid(f"2025Q{q}") for q in (1, 2, 3, 4)] == [{"张三": 3000}, {"李四": 20000}, {}, {}]
    assert paid(2025) == {"张三": 3000, "李四": 20000}


def test_instructions_of_a_leader_no_post_places_are_said_among_the_levels(tmp_path):
    # Three 批示 on three items: 市长李某 (市级), 县长王某 (县级), 张某某 (no post: no level). By hand the
    # sentence's parts add up to its total: 市级1件、县级1件、领导级别未写明的1件 of 3.
    import datetime as dt
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
            [1, dt.date(2025, 4, 1), "关于甲的建议", "张三", "县政协编发", "市长李某批示"],
            [2, dt.date(2025, 4, 2), "关于乙的建议", "张三", "县政协编发", "县长王某批示"],
            [3, dt.date(2025, 4, 3), "关于丙的建议", "张三", "县政协编发", "张某某批示"]]
    write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    s = summary(sq.read_ledgers(tmp_path, year=2025), Period.of(2025, quarter=2))
    assert "获领导批示3件，涉及信息3条，其中市级领导批示1件、县级领导批示1件、领导级别未写明的1件" in statistics_text(s)


def test_points_of_a_period_are_what_the_item_gained_so_quarters_add_up_to_the_year(tmp_path):
    # Points (rules 2025): a submission 1; adoption by highest tier 县级 3, 市级 10, 省级 20; a 市长's 批示 10.
    # P1 (张三, 民盟县委), sent 20 January: 县政协 in February (Q1), 市政协 in August (Q3), a 市长's 批示 in
    #   November (Q4). Q1 1 + 3 = 4; Q2 0; Q3 10 − 3 = 7 (not 10 again); Q4 + 10. Year 1 + 10 + 10 = 21.
    # P2 (李四, 民建县委), sent 10 April: 省政协 in May (Q2), 县政协 in September (Q3, below what it had).
    #   Q2 1 + 20 = 21; Q3 0 (not 3 more). Year 1 + 20 = 21.
    # Before, each quarter scored the highest tier adopted in it: 民盟 4 + 10 + 10 = 24, 民建 21 + 3 = 24.
    header = ["编号", "信息标题", "采用单位/刊物", "期号", "采用日期", "批示领导", "批示日期"]
    write_xlsx(tmp_path / "报送台账.xlsx", {"报送台账": [["2025年社情民意信息报送台账"], ["编号", "收稿日期", "信息标题", "作者", "单位"],
                                                   ["P1", "2025-01-20", "信息一", "张三", "民盟县委"],
                                                   ["P2", "2025-04-10", "信息二", "李四", "民建县委"]]})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用台账": [["2025年社情民意信息采用台账"], header,
                                                   ["P1", "信息一", "县政协《社情民意》", "第1期", "2025-02-10", None, None],
                                                   ["P1", "信息一", "市政协《社情民意》", "第9期", "2025-08-05", "市长刘某", "2025-11-03"],
                                                   ["P2", "信息二", "省政协《社情民意》", "第3期", "2025-05-06", None, None],
                                                   ["P2", "信息二", "县政协《社情民意》", "第7期", "2025-09-01", None, None]]})
    ledger = sq.read_ledgers(tmp_path)
    from sqmy_lib.compute.units import person_points

    def unit_points(period, rules=None):
        return units(ledger, period, rules).set_index("unit")["points"].to_dict()

    quarters = [unit_points(f"2025Q{q}") for q in (1, 2, 3, 4)]
    assert quarters == [{"民盟县委": 4, "民建县委": 0}, {"民盟县委": 0, "民建县委": 21},
                        {"民盟县委": 7, "民建县委": 0}, {"民盟县委": 10, "民建县委": 0}]
    assert unit_points(2025) == {"民盟县委": 21, "民建县委": 21}
    months = [unit_points(Period.of(2025, month=m)) for m in range(1, 13)]
    assert sum(m["民盟县委"] for m in months) == 21 and months[7]["民盟县委"] == 7  # August: 10 − 3
    # A person's score goes the same way: 张三 4, 0, 7, 10 — 21 for the year.
    c = sq.compute.counted(ledger)
    assert [int(person_points(c, Period.of(2025, quarter=q)).get("张三", 0)) for q in (1, 2, 3, 4)] == [4, 0, 7, 10]
    assert int(person_points(c, Period.of(2025))["张三"]) == 21
    # Without 补差 for money (rewards.top_up: false) the points are the same: points are the items' worth.
    data = copy.deepcopy(load_rules(year=2025).data)
    data["rewards"]["top_up"] = False
    assert unit_points("2025Q3", Rules(data)) == {"民盟县委": 7, "民建县委": 0}


# ---- figures after an analyst edits the ledger or the rules (worked out again, never those from before)

def _reward(ledger, name):
    table = rewards(ledger, 2025).set_index("name")
    return table.at[name, "amount"] if name in table.index else Decimal("0.00")


def test_figures_follow_a_table_replaced_after_they_were_worked_out(office):
    # Before: 城关镇政协工委 has A3, A4, A5 (3 items, 1 point each, + 市级 10 for A3 = 13); 张三 is paid
    # 200.00 (A1, 省级 × 2 批示, halved) + 33.33 (A3, 市级 100 in three; he is its third author).
    assert units(office, 2025).set_index("unit").at["城关镇政协工委", "points"] == 13
    assert _reward(office, "张三") == Decimal("233.33")
    assert people(office, 2025).set_index("name").at["王五", "quota"] == 6
    # The analyst drops A3 (its authors and adoption go with it, left out as orphans): 城关镇 keeps A4,
    # A5 (2 points); 张三 keeps A1's 200.00; 赵六 (A3 only) has submitted nothing.
    office.submissions = office.submissions[office.submissions["item_no"] != "A3"]
    assert units(office, 2025).set_index("unit").loc["城关镇政协工委", ["submitted", "points"]].tolist() == [2, 2]
    assert _reward(office, "张三") == Decimal("200.00")
    assert people(office, 2025).set_index("name").at["赵六", "submitted"] == 0
    # The roster taken away: 王五 is an author with no role, so no quota (NaN, as any row without one).
    office.roster = None
    row = people(office, 2025).set_index("name").loc["王五"]
    assert row["role"] == "" and pd.isna(row["quota"])


@pytest.mark.parametrize("copy_on_write", [True, False], ids=["copy-on-write", "digest"])
def test_figures_follow_a_table_written_into_in_place(office, monkeypatch, copy_on_write):
    import pickle

    import sqmy_lib.records as records

    # Without copy-on-write (pandas 2) an edit is told by a digest of the rows: both ways checked, the
    # identity of the arrays only where pandas copies before a write (pandas 3).
    if copy_on_write and int(pd.__version__.split(".")[0]) < 3:
        pytest.skip("copy-on-write is always on from pandas 3 only")
    monkeypatch.setattr(records, "_copy_on_write", lambda: copy_on_write)
    assert people(office, 2025).set_index("name").at["李四", "submitted"] == 1  # A1
    assert _reward(office, "李四") == Decimal("200.00")
    # 赵六 written where 李四 should be, on A3 (市级 100.00 in three, 33.34/33.33/33.33): corrected in
    # place. 李四 then has A1 and A3 (2 items, 200.00 + 33.33, the second author's share) and 赵六 none.
    authors = office.authors
    authors.loc[authors["name"] == "赵六", "name"] = "李四"
    table = people(office, 2025).set_index("name")
    assert table.at["李四", "submitted"] == 2 and table.at["赵六", "submitted"] == 0
    assert _reward(office, "李四") == Decimal("233.33") and _reward(office, "赵六") == Decimal("0.00")
    # Handed to a report's kernel (pickled), the ledger still tells an edit there: A4 moved to 河口镇
    # gives it 1 item (1 point) and leaves 城关镇 A3 and A5 (2 points + 市级 10 = 12).
    there = pickle.loads(pickle.dumps(office))
    assert units(there, 2025).set_index("unit").at["河口镇政协工委", "submitted"] == 0
    there.submissions.loc[there.submissions["item_no"] == "A4", "unit"] = "河口镇政协工委"
    table = units(there, 2025).set_index("unit")
    assert table.loc["河口镇政协工委", ["submitted", "points"]].tolist() == [1, 1]
    assert table.at["城关镇政协工委", "points"] == 12


@pytest.fixture
def office_rules(office, tmp_path):
    """The office read with rules of its own (``ledger.rules``), as an analyst's notebook does."""
    return sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", rules=load_rules(year=2025))


def test_figures_follow_the_rules_edited_in_place(office_rules):
    import warnings

    ledger = office_rules
    # Before: A1 省级 200 × 2 (批示) = 400.00, A2 县级 30.00, A3 市级 100.00: 530.00. 民盟县委's points:
    # A1, A2 (1 each) + A1 省级 20 + its 市级 批示 10 + A2 县级 3 = 35.
    assert rewards(ledger, 2025)["amount_fen"].sum() == 53000
    assert units(ledger, 2025).set_index("unit").at["民盟县委", "points"] == 35
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # rules computations read each time: no warning to re-read
        ledger.rules.data["rewards"]["by_tier"]["县级"] = "50.00"
        ledger.rules.data["points"]["adoption_by_tier"]["县级"] = 5
        # A2 at 县级 now 50.00: 550.00; 民盟县委 35 - 3 + 5 = 37.
        assert rewards(ledger, 2025)["amount_fen"].sum() == 55000
        assert units(ledger, 2025).set_index("unit").at["民盟县委", "points"] == 37
        # The 政协 channel no longer paid (a look-up the rules build from their data): every adoption
        # here is a 政协 one (省政协, 县政协, 市政协), so nothing is paid; points stay.
        ledger.rules.data["placement"]["channels"]["政协"]["paid"] = False
        assert rewards(ledger, 2025).empty
        assert units(ledger, 2025).set_index("unit").at["民盟县委", "points"] == 37


def test_rules_that_reading_used_edited_after_reading_are_said(office_rules):
    # Tiers were placed as the ledger was read: an edit of the placement words changes no record read,
    # and the analyst is told to read the ledgers again.
    ledger = office_rules
    units(ledger, 2025)
    ledger.rules.data["placement"]["level_words"] = {**ledger.rules.data["placement"]["level_words"]}
    ledger.rules.data["placement"]["level_words"]["市级"] = ["示例市级词"]
    with pytest.warns(UserWarning, match="重新读取台账"):
        units(ledger, 2025)


def test_a_rate_is_rounded_once(tmp_path):
    """12 of 22 items adopted: 54.545…% is 54.5%. It showed 54.6%, rounded twice (0.5455, then 54.55 → 54.6)."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[k + 1, f"2025-02-{k + 1:02d}", f"关于第{k + 1}项的建议", "韩二", "民进县委", "县政协采用" if k < 12 else None]
             for k in range(22)]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    summary = sq.summary(ledger, sq.Period.of(2025, quarter=1))
    assert (summary.submitted, summary.adopted) == (22, 12)
    assert dict(summary.to_frame().values)["采用率"] == "54.5%"


def test_a_units_instructions_are_counted_in_jian(tmp_path):
    """An item with two leaders' 批示 (县长李某, 副省长赵某) and one with one: the unit got 3 批示 (件), as the circular's
    text counts them ("获领导批示3件"); its 附件1 column said 2, the items instructed."""
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示时间"],
            [1, "2025-02-10", "关于甲的建议", "梁七", "教育界别组", "县政协采用", "县长李某", "2025-03-20"],
            [None, None, None, None, None, None, "副省长赵某", "2025-08-10"],
            [2, "2025-02-11", "关于乙的建议", "梁八", "教育界别组", "县政协采用", "副县长王某", "2025-09-25"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"Sheet1": rows}))
    assert len(ledger.instructions) == 3
    units = sq.units(ledger, sq.Period.of(2025)).set_index("unit")
    assert units.at["教育界别组", "instructed"] == 3 == sq.summary(ledger, sq.Period.of(2025)).instructions
    people = sq.people(ledger, sq.Period.of(2025)).set_index("name")
    assert (people.at["梁七", "instructed"], people.at["梁八", "instructed"]) == (2, 1)
