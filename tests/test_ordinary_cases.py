"""Ordinary, correct ledgers written by other hands than the demo's: offices the reader has never seen,
each checked against figures worked out by hand."""
from __future__ import annotations

import json
from decimal import Decimal

import pandas as pd

import sqmy_lib as sq

from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx


def _county_with_issue_column(tmp_path):
    """A county clerk's one-sheet ledger: the own bulletin's issue in a 编发期数 column, then a 上报市政协
    column (sent up, not adopted) and a column per upper body that adopted it (√ or its issue)."""
    folder = tmp_path / "台账"
    folder.mkdir()
    rows = [
        ["青山县政协2025年社情民意信息台账"],
        ["序号", "收稿日期", "信息标题", "作者", "单位", "编发期数", "上报市政协", "市政协采用", "省政协采用", "备注"],
        [1, "2025-01-05", "关于农贸市场周边停车难的建议", "周一", "城关镇政协工委", "第1期", "√", "√", None, None],
        [2, "2025-01-12", "关于农村独居老人冬季安全的建议", "周二", "城关镇政协工委", "第2期", "√", None, None, None],
        [3, "2025-02-03", "关于规范校外托管机构的建议", "周三", "城关镇政协工委", None, "√", None, None, None],
        [4, "2025-02-14", "关于乡村卫生室标准化建设的建议", "周四", "城关镇政协工委", "第3期", "√", "第8期", "√", None],
        [5, "2025-03-01", "关于治理河道非法采砂的建议", "周五", "城关镇政协工委", "第4期", None, None, None, None],
    ]
    write_xlsx(folder / "台账.xlsx", {"2025年": rows})
    return folder


def test_an_issue_under_a_header_naming_the_own_bulletin_is_the_own_adoption(tmp_path):
    # By hand. 编发期数 is the county's own 《社情民意》 (编发 names it), whatever else the row says:
    #   row 3 周一: 编发第1期 + 市政协 √     → own (issue 1) and 市级; the 市级 adoption has no issue written
    #   row 4 周二: 编发第2期, 上报市政协 √   → own (issue 2); sent up, not adopted
    #   row 5 周三: 上报市政协 only           → not adopted
    #   row 6 周四: 编发第3期 + 市第8期 + 省 √ → own (issue 3), 市级 (issue 8), 省级
    #   row 7 周五: 编发第4期                 → own (issue 4)
    # 本级编发 4 items in 4 issues (1, 2, 3, 4); adopted 4 of 5; by tier reached 县级 4, 市级 2, 省级 1.
    # 稿酬 by highest tier: 周一 市级 100, 周二 县级 30, 周四 省级 200, 周五 县级 30; 周三 nothing.
    # The base code gave the 编发期数 of rows 3 and 6 to their 市政协 adoption (市级 第1期, 省级 第3期) with
    # nothing said: 本级编发 2 items in 2 issues, 县级 2; and said adoption.issue_only at F4 and F7, whose
    # header names the body.
    folder = _county_with_issue_column(tmp_path)
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    s = sq.summary(ledger, 2025)
    assert (s.published, s.issues) == (4, 4)
    assert s.adopted == 4
    assert s.adopted_by_tier == {"县级": 4, "市级": 2, "省级": 1, "全国": 0}
    a = ledger.adoptions
    assert sorted(a.loc[a["tier"] == "县级", "issue_no"].tolist()) == [1, 2, 3, 4]
    assert a.loc[a["tier"] == "市级", "issue_no"].isna().sum() == 1  # 周一's 市政协 √: no issue written
    assert sorted(a.loc[a["tier"] == "市级", "issue_no"].dropna().tolist()) == [8]
    assert a.loc[a["tier"] == "省级", "issue_no"].isna().all()
    assert not findings(report, "adoption.issue_only")
    assert paid(ledger, 2025) == {"周一": Decimal("100.00"), "周二": Decimal("30.00"), "周四": Decimal("200.00"),
                                  "周五": Decimal("30.00")}
    r = sqmy("compute", "summary", folder, "--year", "2025", "--format", "json")
    got = json.loads(r.stdout)
    assert (got["published"], got["issues"], got["adopted_by_tier"]["县级"]) == (4, 4, 4)


def test_a_plain_issue_column_beside_an_adoption_text_keeps_its_issue(tmp_path):
    # The other layout, unchanged: 采用单位 | 期号 (an 采用台账's way), the issue is that adoption's. By hand:
    #   row 3 市政协《社情民意》 | 第5期 → 市级, issue 5; row 4 本级 nothing but 期号 第6期 → own, issue 6, said
    #   (adoption.issue_only: no body written and the header 期号 names none).
    folder = tmp_path / "台账"
    folder.mkdir()
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用单位", "期号"],
            [1, "2025-04-01", "关于一的建议", "钱一", "民盟县委", "市政协《社情民意》", "第5期"],
            [2, "2025-04-08", "关于二的建议", "钱二", "民盟县委", None, "第6期"]]
    write_xlsx(folder / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    a = ledger.adoptions.sort_values("item")
    assert list(zip(a["tier"], a["issue_no"])) == [("市级", 5), ("县级", 6)]
    assert [f"{i.column}{i.row}" for i in findings(report, "adoption.issue_only")] == ["G3"]


def _quarters(ledger) -> list[dict]:
    """Each quarter's 稿酬 of 2025: name → amount (Decimal yuan)."""
    return [paid(ledger, sq.Period.parse(f"2025Q{q}")) for q in (1, 2, 3, 4)]


def test_a_body_s_mark_and_its_date_column_are_one_adoption(tmp_path):
    # A county clerk's columns per body: 县政协编发 | 市政协采用 | 市政协采用日期 (the day 市政协 adopted it). By hand:
    #   row 3 周一 (收 3月5日): 县 √, 市 √ on 2025-07-02 → one 县级 and one 市级 adoption (dated 7月2日):
    #         Q1 县级 ¥30 (no day written for the 县 one: its 收稿日期), Q3 补差 ¥70 (市级 ¥100)
    #   row 4 周二 (收 3月12日): 市 √, no day → one 市级 adoption, dated by its 收稿日期: Q1 ¥100
    # Adoption records 3 (not 4); 周一's 市级 adoption is in Q3. The base code read 市政协采用 and 市政协采用日期 as two
    # bodies (市政协采用, 市政协采用日期): 周一 had a 市级 adoption with no day (counted in Q1 by his 收稿日期) besides
    # the dated one, and was paid ¥100 in Q1, nothing in Q3, with nothing said.
    folder = tmp_path / "台账"
    folder.mkdir()
    rows = [["青山县政协2025年社情民意信息台账"],
            ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协采用", "市政协采用日期"],
            [1, "2025-03-05", "关于加快老旧小区改造的建议", "周一", "民盟青山县委", "√", "√", "2025-07-02"],
            [2, "2025-03-12", "关于完善农村客运班线的建议", "周二", "民盟青山县委", None, "√", None]]
    write_xlsx(folder / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    a = ledger.adoptions.sort_values(["item", "tier"])
    assert list(zip(a["item"], a["tier"].astype(str), a["date"].dt.strftime("%m-%d").fillna(""))) == [
        (0, "县级", ""), (0, "市级", "07-02"), (1, "市级", "")]
    assert _quarters(ledger) == [{"周一": Decimal("30.00"), "周二": Decimal("100.00")}, {},
                                 {"周一": Decimal("70.00")}, {}]
    assert paid(ledger, 2025) == {"周一": Decimal("100.00"), "周二": Decimal("100.00")}


def test_a_date_under_a_header_naming_the_own_bulletin_dates_the_own_adoption(tmp_path):
    # 编发期数 | 编发日期 (the county's own 《社情民意》: 编发 names it) beside 市政协采用 | 市政协采用日期. By hand:
    #   row 3 周一 (收 3月5日): 编发 on 5月6日 (no issue), 市 √ on 7月10日 → own (Q2 ¥30), 市级 (Q3 补差 ¥70)
    #   row 4 周二 (收 3月12日): 编发 on 3月25日 only → own, Q1 ¥30 (the header says whose; not a date of nothing)
    #   row 5 周三 (收 3月19日): 编发第9期 on 3月28日 → own, issue 9, Q1 ¥30
    #   row 6 周四 (收 3月26日): 编发第10期 on 4月2日, 市 √ with no day → own (Q2), 市级 dated by its 收稿日期 (Q1):
    #         Q1 ¥100, Q2 nothing more
    # Q1: 周二 30, 周三 30, 周四 100; Q2: 周一 30; Q3: 周一 70. Year: 周一 100, 周二 30, 周三 30, 周四 100.
    # 本级编发 4 items in 2 numbered issues (9, 10); 县级 4, 市级 2.
    # The base code dated 周一's and 周四's 市级 adoption by the 编发日期 (and 周一's twice, see above), gave 第10期
    # to 周四's 市级 adoption, recorded no own adoption on rows 3, 4 and 6 (row 4's day said as cell.orphan):
    # 本级编发 1, 周一 ¥100 in Q2, 周四 ¥100 in Q2, 周二 nothing.
    folder = tmp_path / "台账"
    folder.mkdir()
    rows = [["青山县政协2025年社情民意信息台账"],
            ["序号", "收稿日期", "信息标题", "作者", "单位", "编发期数", "编发日期", "市政协采用", "市政协采用日期"],
            [1, "2025-03-05", "关于加快老旧小区改造的建议", "周一", "城关镇政协工委", None, "2025-05-06", "√", "2025-07-10"],
            [2, "2025-03-12", "关于完善农村客运班线的建议", "周二", "城关镇政协工委", None, "2025-03-25", None, None],
            [3, "2025-03-19", "关于规范校外托管机构的建议", "周三", "城关镇政协工委", "第9期", "2025-03-28", None, None],
            [4, "2025-03-26", "关于治理河道非法采砂的建议", "周四", "城关镇政协工委", "第10期", "2025-04-02", "√", None]]
    write_xlsx(folder / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    assert not [i.code for i in report.issues if i.severity != "info"]
    a = ledger.adoptions.sort_values(["item", "tier"])
    issues = [("" if pd.isna(x) else str(int(x))) for x in a["issue_no"]]
    assert list(zip(a["item"], a["tier"].astype(str), issues, a["date"].dt.strftime("%m-%d").fillna(""))) == [
        (0, "县级", "", "05-06"), (0, "市级", "", "07-10"), (1, "县级", "", "03-25"), (2, "县级", "9", "03-28"),
        (3, "县级", "10", "04-02"), (3, "市级", "", "")]
    assert _quarters(ledger) == [{"周二": Decimal("30.00"), "周三": Decimal("30.00"), "周四": Decimal("100.00")},
                                 {"周一": Decimal("30.00")}, {"周一": Decimal("70.00")}, {}]
    s = sq.summary(ledger, 2025)
    assert (s.published, s.issues) == (4, 2)
    assert s.adopted_by_tier == {"县级": 4, "市级": 2, "省级": 0, "全国": 0}


def test_a_body_s_mark_and_its_issue_column_are_one_adoption(tmp_path):
    # 县政协编发 | 县政协编发期数 | 市政协采用 | 市政协采用期数, each pair one body's: by hand one item adopted twice,
    # 县级 第3期 and 市级 第12期 (2 adoption records, ¥100 at the highest tier). The base code made four records
    # (县政协编发 √ and 县政协编发期数 第3期 as two bodies, the same for 市政协), which 校验报告 counts as 4 采用 and
    # the 十佳信息 ranking as 4 adoptions, with nothing said.
    folder = tmp_path / "台账"
    folder.mkdir()
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "县政协编发期数", "市政协采用", "市政协采用期数"],
            [1, "2025-03-05", "关于加快老旧小区改造的建议", "周一", "城关镇政协工委", "√", "第3期", "√", "第12期"]]
    write_xlsx(folder / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(folder, year=2025)
    a = ledger.adoptions
    assert len(a) == 2
    assert sorted(zip(a["tier"].astype(str), a["issue_no"].astype(int))) == [("县级", 3), ("市级", 12)]
    assert json.loads(sqmy("validate", folder, "--format", "json").stdout)["records"]["adoptions"] == 2
    assert paid(ledger, 2025) == {"周一": Decimal("100.00")}


def _city_books(folder, with_last_year: bool):
    """A city office's 报送台账 and 采用台账 linked by 编号, dates as text; the 采用台账 of 2025 opens with the
    January adoption of an item sent in December 2024 (LJ2024-098)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(folder / "临江市政协2025年社情民意信息报送台账.xlsx", {"2025年": [
        ["临江市政协2025年社情民意信息报送台账"],
        ["编号", "报送日期", "信息标题", "作者", "类别"],
        ["LJ2025-001", "2025.1.6", "关于优化营商环境的建议", "张伟（民建临江市委）", "经济"]]})
    write_xlsx(folder / "临江市政协2025年社情民意信息采用台账.xlsx", {"2025年": [
        ["临江市政协2025年社情民意信息采用台账"],
        ["编号", "信息标题", "采用单位", "采用日期"],
        ["LJ2024-098", "关于做好岁末年初安全生产的建议", "市政协《社情民意》第1期", "2025.1.10"],
        ["LJ2025-001", "关于优化营商环境的建议", "省政协办公厅《社情民意》第12期", "2025.2.10"]]})
    if with_last_year:
        write_xlsx(folder / "临江市政协2024年社情民意信息报送台账.xlsx", {"2024年": [
            ["临江市政协2024年社情民意信息报送台账"],
            ["编号", "报送日期", "信息标题", "作者", "类别"],
            ["LJ2024-098", "2024.12.20", "关于做好岁末年初安全生产的建议", "刘芳（农工党临江市委）", "社会"]]})
    return folder


def test_an_adoption_of_last_year_s_item_says_which_ledger_to_read(tmp_path):
    # The 2025 采用台账 of a city office records, first, the January adoption of LJ2024-098 (sent 2024年12月20日).
    # Without the 2024 报送台账 the adoption cannot be paid (whose item is it?): an error at A3, as before, that now
    # says what the 编号 tells: a 2024 item, the 2024 报送台账 to be read with these. The base code said only
    # 请核对编号或标题是否与报送台账一致, which sends staff looking for a typing mistake that is not there.
    # Read with the 2024 报送台账, by hand: 刘芳 市级 ¥100 in 2025 (adopted 2025年1月10日), 张伟 省级 ¥200.
    folder = _city_books(tmp_path / "台账", with_last_year=False)
    rules = sq.load_rules(year=2025)
    ledger = sq.read_ledgers([folder], rules=rules)
    said = findings(sq.validate(ledger, rules), "adoption.no_item")
    assert [(i.column, i.row) for i in said] == [("A", 3)]
    assert "编号中的年份是2024年" in said[0].message and "请把2024年的报送台账一并读入" in said[0].message
    assert paid(ledger, 2025) == {"张伟": Decimal("200.00")}
    _city_books(folder, with_last_year=True)
    ledger, report = assert_every_cell_accounted(folder, rules=rules)
    assert not findings(report, "adoption.no_item")
    assert paid(ledger, 2025) == {"刘芳": Decimal("100.00"), "张伟": Decimal("200.00")}
