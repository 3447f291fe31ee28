"""Three offices unlike the demo, each keeping its 2025 ledgers its own way, every figure worked out by hand
(shipped rules: rewards 县级 30, 市级 100, 省级 200, 全国 300 yuan, the highest tier only, ×2 with a 批示,
补差 when an item climbs; points 1 a submission, 县级 3, 市级 10, 省级 20, 全国 30, a 批示 by leader level).

- 渝北区政协 (a district of 重庆市, relative {市: 省级}): one sheet per quarter, free-text 采用情况.
- 锡林郭勒盟政协 (市级, in 内蒙古自治区, relative {区: 省级}): tier columns 盟政协 | 自治区政协 | 全国政协 with √ and
  期号, names with middle dots, one written with a bullet (阿不都•热合曼).
- 松阳县政协: ONE sheet kept from 2023 to 2025 with a 年度 column and dates written 3月5日, a 采用时间 column (a 2024
  item adopted again in 2025) and a 稿酬 column the clerk fills in. The 年度 column was not read (header.unknown)
  and every 2025 item was dated 2024 by the order of the rows: `compute --year 2025` refused the year as empty.
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

D = dt.date


def _rules(**office) -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(**office)
    return Rules(data=data, source="<测试>")


def _yuan(ledger, period) -> dict:
    return {k: Decimal(v) for k, v in paid(ledger, period).items()}


# ---------------------------------------------------------------- 3: one sheet for 2023–2025 with a 年度 column

SONGYANG = dict(name="松阳县政协", full_name="政协松阳县委员会", own_tier="县级", place="松阳县", city="丽水市", province="浙江省")
LONG_HEADER = ["序号", "年度", "报送日期", "信息标题", "作者", "单位", "采用情况", "采用时间", "领导批示", "稿酬（元）", "备注"]
LONG_ROWS = [
    [1, 2023, "3月5日", "关于农村饮水工程管护的建议", "张三", "民革县委", "县政协编发", "2023.3.20", None, 30, None],
    [2, 2023, "11月2日", "关于茶叶品牌整合的建议", "李四", "县工商联", "市政协采用", "2023.11.30", None, 100, None],
    [3, 2024, "6月10日", "关于古村落保护利用的建议", "张三", "民革县委", "县政协编发", "2024.6.25", None, 30, None],
    [4, 2024, "11月20日", "关于城区停车难的建议", "王五", "城关镇政协工委", "县政协编发；市政协采用", "2024.12.5；2025.1.15",
     None, 100, None],
    [5, 2024, "12月18日", "关于山区学校撤并的建议", "李四", "县工商联", "省政协采用", "2025.2.10", "副省长陈某某批示（2025.3.1）",
     400, None],
    [6, 2025, "1月8日", "关于农村养老服务的建议", "张三", "民革县委", "县政协编发", "2025.1.20", None, 30, None],
    [7, 2025, "4月3日", "关于民宿规范发展的建议", "王五", "城关镇政协工委", "市政协采用", "2025.5.6", "县委书记刘某某批示", 200, None],
    [8, 2025, "7月9日", "关于防汛预警的建议", "赵六", "民盟县委", None, None, None, None, None],
    [9, 2025, "9月15日", "关于生态产品价值实现的建议", "李四", "县工商联", "全国政协采用", "2025.11.3", None, 300, None],
    [10, 2025, "12月20日", "关于冬季森林防火的建议", "赵六", "民盟县委", "市政协采用", "2026.1.10", None, 100, None],
    [11, 2025, "10月1日", "关于农产品电商的建议", "张三", "民革县委", "县政协编发", "2025.10.15", None, 50, None],
]


def _long_sheet(tmp_path, rows=LONG_ROWS, header=LONG_HEADER):
    return write_xlsx(tmp_path / "社情民意信息台账（2023-2025）.xlsx",
                      {"信息台账": [["松阳县政协社情民意信息登记台账（2023—2025年）"], header, *rows]})


def test_a_long_sheets_year_column_dates_its_rows_and_2025_is_counted(tmp_path):
    # By hand, 2025 (items counted by 收稿日期 in the row's 年度; adoptions by 采用时间):
    #   submitted in 2025: rows 6–11 → 6 (the tool read 1月8日…12月20日 of rows 6–11 as 2024: 0, the year refused)
    #   张三 6, 11; 李四 9; 王五 7; 赵六 8, 10
    #   adoptions in 2025: 4 市级 (2025.1.15), 5 省级, 6 县级, 7 市级, 9 全国, 11 县级; row 10's in 2026
    #     → 县级 2, 市级 2, 省级 1, 全国 1, 6 items adopted
    #   稿酬 2025: 王五 70 (row 4's 补差: 市级 100 − 县级 30 paid in 2024) + 200 (row 7, 市级 × 2) = 270.00
    #              李四 400 (row 5, 省级 200 × 2) + 300 (row 9, 全国) = 700.00;  张三 30 + 30 = 60.00;  赵六 nothing
    #   批示 2025: 副省长 (省级, 2025.3.1) and 县委书记 (县级) → 2
    rules = _rules(**SONGYANG)
    path = _long_sheet(tmp_path)
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    assert not findings(report, "header.unknown")
    assert not findings(report, "date.year_read") and not findings(report, "date.year_unclear")
    s = sq.summary(ledger, 2025, rules)
    assert s.submitted == 6 and s.adopted == 6
    assert s.adopted_by_tier == {"县级": 2, "市级": 2, "省级": 1, "全国": 1}
    assert s.instructions == 2 and s.instructions_by_level["省级"] == 1 and s.instructions_by_level["县级"] == 1
    people = sq.people(ledger, 2025, rules).set_index("name")
    assert people["submitted"].to_dict() == {"张三": 2, "李四": 1, "王五": 1, "赵六": 2}
    assert _yuan(ledger, 2025) == {"王五": Decimal("270.00"), "李四": Decimal("700.00"), "张三": Decimal("60.00")}
    # 2024: rows 3, 4, 5 sent (3); paid 张三 30 (row 3), 王五 30 (row 4 县级, 2024.12.5).
    assert sq.summary(ledger, 2024, rules).submitted == 3
    assert _yuan(ledger, 2024) == {"张三": Decimal("30.00"), "王五": Decimal("30.00")}
    # 2025 Q4: row 11 (10月1日) and row 10 (12月20日) sent; 李四's 全国 (2025.11.3) 300.00, 张三's 县级 30.00.
    q4 = sq.Period.parse("2025Q4")
    assert sq.summary(ledger, q4, rules).submitted == 2
    assert _yuan(ledger, q4) == {"李四": Decimal("300.00"), "张三": Decimal("30.00")}
    # The clerk's 稿酬: only row 11's 50 is not what the rules pay (30); row 10's 100 is its 2026 市级 adoption.
    assert [(i.row, i.column) for i in findings(report, "money.written_differs")] == [(13, "J")]


def test_a_running_sheet_of_2023_to_2025_read_with_no_year_is_counted_for_2025_and_says_so(tmp_path):
    # The same sheet read with no --year: by hand the book's current year is 2025 (the tool took the title's first,
    # 2023, and said nothing: `sqmy compute summary` showed 2023's 2 items as the ledger's figures).
    rules = _rules(**SONGYANG)
    ledger = sq.read_ledgers(_long_sheet(tmp_path), rules=rules)
    assert ledger.year == 2025
    said = findings(sq.validate(ledger, rules), "ledger.several_years")
    assert len(said) == 1 and "2023、2024、2025" in said[0].message and "按 2025 年统计" in said[0].message


def test_a_running_sheet_with_no_year_column_says_a_date_that_may_be_the_next_years(tmp_path):
    # The 2023—2025 sheet written with no 年度 and 3月5日-style dates. 6月10日 after 11月2日: a row registered late
    # in 2023, or 2024's? Only staff know: read in 2023 as before and said at C5 (the tool said nothing there, and
    # every row after it followed). 10月1日 after 12月20日 (row 13) likewise, said once (not also as read).
    header = [h for h in LONG_HEADER if h != "年度"]
    rows = [[r[0], *r[2:]] for r in LONG_ROWS]
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(_long_sheet(tmp_path, rows, header), rules=rules)
    assert [(i.row, i.column) for i in findings(report, "date.year_unclear")] == [(5, "B"), (13, "B")]
    assert (13, "B") not in [(i.row, i.column) for i in findings(report, "date.year_read")]
    # Rows whose every step back is half a year or more (a new year) are each of the one year the order gives,
    # nothing unclear: 3月5日 11月2日 | 2月10日 6月10日 11月20日 | 1月8日 4月3日 → 2023 ×2, 2024 ×3, 2025 ×2.
    days = ["3月5日", "11月2日", "2月10日", "6月10日", "11月20日", "1月8日", "4月3日"]
    ordered = [[k + 1, day, f"关于第{k + 1}项的建议", "张三", "民革县委", None, None, None, None, None]
               for k, day in enumerate(days)]
    ledger, report = assert_every_cell_accounted(_long_sheet(tmp_path, ordered, header), rules=rules)
    assert not findings(report, "date.year_unclear")
    assert list(ledger.submissions["date"].dt.year) == [2023] * 2 + [2024] * 3 + [2025] * 2


def test_a_year_column_written_2025年_or_left_blank_under_a_filled_one(tmp_path):
    # 年度 written 2025年 / 2025年度 / 二〇二五年, and blank on the last row under 2025: every date of 2025.
    # By hand: 4 items sent in 2025; the blank 年度 is the row above's, said at C6 (date.year_read).
    rows = [
        [1, "2025年", "1月8日", "关于甲的建议", "张三", "民革县委", None, None, None, None, None],
        [2, "2025年度", "3月9日", "关于乙的建议", "李四", "县工商联", None, None, None, None, None],
        [3, "二〇二五年", "5月10日", "关于丙的建议", "王五", "城关镇政协工委", None, None, None, None, None],
        [4, None, "8月11日", "关于丁的建议", "赵六", "民盟县委", None, None, None, None, None],
    ]
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(_long_sheet(tmp_path, rows), rules=rules)
    assert sorted(ledger.submissions["date"].dt.year) == [2025] * 4
    assert [(i.row, i.column) for i in findings(report, "date.year_read")] == [(6, "C")]


def test_a_year_column_on_a_sheet_nothing_else_dates_is_no_row_out_of_the_year(tmp_path):
    # No title, a file and sheet named without a year, read with --year 2025: the 年度 column still dates each
    # row (2023: 2, 2024: 3, 2025: 6 items) and the 2023 and 2024 rows are not out of the sheet's year (the tool
    # read all 11 in 2025, the 年度 column not understood). Row 9 (7月9日) has its 年度 left blank: 2025, said.
    rows = [list(r) for r in LONG_ROWS]
    rows[7][1] = None
    path = write_xlsx(tmp_path / "信息台账.xlsx", {"Sheet1": [LONG_HEADER, *rows]})
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(path, rules=rules, year=2025)
    assert sorted(ledger.submissions["date"].dt.year) == [2023] * 2 + [2024] * 3 + [2025] * 6
    assert not findings(report, "date.out_of_year") and not findings(report, "date.year_assumed")
    assert [(i.row, i.column) for i in findings(report, "date.year_read")] == [(9, "C")]
    assert sq.summary(ledger, 2025, rules).submitted == 6
    assert _yuan(ledger, 2025) == {"王五": Decimal("270.00"), "李四": Decimal("700.00"), "张三": Decimal("60.00")}


def test_a_full_date_of_another_year_than_its_year_column_is_said(tmp_path):
    # A 2024 item registered in January 2025 under 年度 2024: counted by its date (2025-01-03), said at C3.
    rows = [[1, 2024, D(2025, 1, 3), "关于甲的建议", "张三", "民革县委", None, None, None, None, None],
            [2, 2025, D(2025, 2, 3), "关于乙的建议", "李四", "县工商联", None, None, None, None, None],
            [3, "待定", "3月4日", "关于丙的建议", "王五", "城关镇政协工委", None, None, None, None, None]]
    rules = _rules(**SONGYANG)
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["松阳县政协2025年社情民意信息登记台账"], LONG_HEADER, *rows]})
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    assert [(i.row, i.column) for i in findings(report, "date.year_column_differs")] == [(3, "C")]
    # 待定 in 年度 names no year: said at B5; its 3月4日 is of the sheet's 2025.
    assert [(i.row, i.column) for i in findings(report, "cell.date_invalid")] == [(5, "B")]
    assert not findings(report, "date.year_read")
    assert sq.summary(ledger, 2025, rules).submitted == 3


def test_a_long_sheet_with_full_dates_and_no_year_column_stays_silent(tmp_path):
    # The same ledger written with whole dates and no 年度: the same 2025 figures, nothing said of years.
    header = [h for h in LONG_HEADER if h != "年度"]
    rows = []
    for r in LONG_ROWS:
        month, day = r[2].rstrip("日").split("月")
        rows.append([r[0], D(r[1], int(month), int(day)), *r[3:]])
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(_long_sheet(tmp_path, rows, header), rules=rules)
    assert not findings(report, "date.year_read") and not findings(report, "date.year_unclear")
    assert sq.summary(ledger, 2025, rules).submitted == 6
    assert _yuan(ledger, 2025) == {"王五": Decimal("270.00"), "李四": Decimal("700.00"), "张三": Decimal("60.00")}


def test_a_written_amount_for_an_adoption_after_the_year_is_no_other_amount(tmp_path):
    # A 2025 ledger: 序号3 (row 5, 2025-12-22) 市政协采用 on 2026-01-12, the clerk writing its 100 yuan beside it.
    # By hand: the rules pay it 100.00 (市级), in 2026; the cell is right (the tool said 应付0.00元, 本条信息没有计稿酬的采用).
    # 序号2 (row 4)'s 80 is wrong either way: said, with the 100.00 it is owed counting its 2026 adoption.
    h = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "采用时间", "稿酬（元）"]
    rows = [[1, D(2025, 3, 5), "关于甲的建议", "张三", "民革县委", "县政协编发", D(2025, 3, 20), 30],
            [2, D(2025, 12, 20), "关于乙的建议", "李四", "县工商联", "市政协采用", D(2026, 1, 10), 80],
            [3, D(2025, 12, 22), "关于丙的建议", "赵六", "民盟县委", "市政协采用", D(2026, 1, 12), 100]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["松阳县政协2025年社情民意信息登记台账"], h, *rows]})
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    said = findings(report, "money.written_differs")
    assert [(i.row, i.column) for i in said] == [(4, "H")]
    assert "共应付100.00元" in said[0].message
    assert _yuan(ledger, 2025) == {"张三": Decimal("30.00")}
    assert _yuan(ledger, 2026) == {"李四": Decimal("100.00"), "赵六": Decimal("100.00")}


# ---------------------------------------------------------------- 1: a district of 重庆市

def test_a_chongqing_districts_quarter_sheets_are_an_honest_ledger(tmp_path):
    # 渝北区政协, relative {市: 省级}: 市政协 and 市委办 are 重庆市's (省级), 区政协 and 区委办 县级. By hand:
    #   张明 35期 省级 200 + 区委办 县级 30 × 2 (区长批示) + 市政协采用，报全国政协 省级 200  = 460.00
    #   李华 区政协编发 30 × 2 (区委书记批示) + 全国政协 300 + 市委办《重庆信息》省级 200     = 560.00
    #   陈刚 区委办《每日要情》县级 30 (报市政协: a 上报, unpaid)                            =  30.00
    #   刘芳 市政协58期 省级 200 × 2 (市领导批示) + 全国政协《政协信息专报》300 × 2 (副市长) = 1000.00
    #   赵敏 区政协编发；市政协采用 省级 200 + 重庆市政协 200                                = 400.00
    #   adopted items by tier (every tier): 县级 4, 省级 6, 全国 2, 市级 0; 批示 县级 2, 省级 2
    h = ["序号", "报送日期", "信息标题", "报送单位", "报送人", "采用情况", "领导批示", "备注"]
    quarters = {
        "一季度": [[1, D(2025, 1, 8), "关于轨道交通接驳公交的建议", "民革渝北区委", "张明", "市政协《社情民意》第35期采用", None, None],
                 [2, D(2025, 1, 20), "关于临空经济区人才公寓的建议", "区工商联", "李华", "区政协《社情民意》第2期编发", "区委书记王某某批示", None],
                 [3, D(2025, 2, 14), "关于老旧小区加装电梯的建议", "双龙湖街道政协联络组", "陈刚", "区委办《每日要情》采用", None, None]],
        "二季度": [[5, D(2025, 4, 10), "关于中小企业融资的建议", "区工商联", "李华", "全国政协采用", None, None],
                 [6, D(2025, 5, 12), "关于学前教育普惠的建议", "民盟渝北区委", "刘芳", "市政协《社情民意》第58期采用", "市领导批示", None],
                 [7, D(2025, 6, 3), "关于社区养老服务的建议", "龙溪街道政协联络组", "赵敏", "区政协《社情民意》第9期编发；市政协采用", None, None]],
        "三季度": [[8, D(2025, 7, 15), "关于农贸市场改造的建议", "龙溪街道政协联络组", "赵敏", "重庆市政协采用", None, None],
                 [9, D(2025, 8, 20), "关于夜间经济发展的建议", "民革渝北区委", "张明", "区委办《每日要情》采用", "区长李某某批示", None],
                 [10, D(2025, 9, 9), "关于两江新区交界道路的建议", "双龙湖街道政协联络组", "陈刚", "报市政协", None, None]],
        "四季度": [[11, D(2025, 10, 11), "关于山地城市步道的建议", "民革渝北区委", "张明", "市政协采用，报全国政协", None, None],
                 [12, D(2025, 11, 18), "关于冬季流感防控的建议", "民盟渝北区委", "刘芳", "全国政协《政协信息专报》采用", "副市长陈某某批示", None],
                 [13, D(2025, 12, 2), "关于民营企业用地的建议", "区工商联", "李华", "市委办《重庆信息》采用", None, None]],
    }
    path = write_xlsx(tmp_path / "渝北区政协2025年社情民意信息台账.xlsx",
                      {q: [[f"渝北区政协2025年{q}社情民意信息报送采用情况登记表"], h, *rows] for q, rows in quarters.items()})
    rules = _rules(name="渝北区政协", full_name="政协重庆市渝北区委员会", own_tier="县级", place="渝北区", city="",
                   province="重庆市", relative={"市": "省级"})
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    assert not [i for i in report.issues if i.severity in ("error", "warning")]
    assert _yuan(ledger, 2025) == {"张明": Decimal("460.00"), "李华": Decimal("560.00"), "陈刚": Decimal("30.00"),
                                   "刘芳": Decimal("1000.00"), "赵敏": Decimal("400.00")}
    s = sq.summary(ledger, 2025, rules)
    assert s.adopted_by_tier == {"县级": 4, "市级": 0, "省级": 6, "全国": 2}
    assert s.instructions_by_level == {"县级": 2, "市级": 0, "省级": 2, "国家级": 0}


# ---------------------------------------------------------------- 2: a 盟 in 内蒙古自治区

def test_a_leagues_tier_columns_and_dotted_names_are_an_honest_ledger(tmp_path):
    # 锡林郭勒盟政协 (市级). √ or 第N期 under 盟政协 | 自治区政协 | 全国政协. By hand:
    #   巴特尔 盟 100;  阿不都·热合曼: 自治区 200 × 2 (盟委书记) + half of 盟 100 (with 乌云·其其格) + 盟 100 × 2 (盟长)
    #   + 盟 100 (written 阿不都•热合曼, the same person) = 400 + 50 + 200 + 100 = 750.00
    #   其木格 全国 300 × 2 (自治区主席) = 600.00;  乌云·其其格 50 + 自治区 200 = 250.00;  民盟锡林郭勒盟委 (a unit) 200.00
    header = ["序号", "报送日期", "信息标题", "作者", "所在单位", "采用情况", None, None, "领导批示", "备注"]
    sub = [None, None, None, None, None, "盟政协", "自治区政协", "全国政协", None, None]
    rows = [
        [1, D(2025, 1, 6), "关于牧区饮水安全的建议", "巴特尔", "正蓝旗政协", "√", None, None, None, None],
        [2, D(2025, 2, 11), "关于草原防火的建议", "阿不都·热合曼", "正蓝旗政协", "第3期", "√", None, "盟委书记王某某批示", None],
        [3, D(2025, 4, 15), "关于口岸物流的建议", "其木格", "二连浩特市政协", "√第8期", "第21期", "√", "自治区主席布某某批示", None],
        [4, D(2025, 5, 20), "关于蒙医药传承的建议", "阿不都·热合曼、乌云·其其格", "锡林浩特市政协", "√", None, None, None, None],
        [5, D(2025, 6, 9), "关于冬季供暖的建议", "阿不都·热合曼", "正蓝旗政协", None, None, None, None, None],
        [6, D(2025, 8, 18), "关于旅游公路的建议", "阿不都·热合曼", "正蓝旗政协", "第15期", None, None, "盟长李某某批示", None],
        [7, D(2025, 10, 10), "关于防沙治沙的建议", "民盟锡林郭勒盟委", None, "√", "√", None, None, None],
        [8, D(2025, 11, 5), "关于牧民医保的建议", "乌云·其其格", "锡林浩特市政协", None, "第30期", None, None, None],
        [9, D(2025, 12, 1), "关于边境旅游的建议", "阿不都•热合曼", "正蓝旗政协", "√", None, None, None, None],
    ]
    merges = [f"{c}2:{c}3" for c in "ABCDEIJ"] + ["F2:H2", "A1:J1"]
    path = write_xlsx(tmp_path / "锡林郭勒盟政协2025年社情民意信息台账.xlsx",
                      {"2025年": [["锡林郭勒盟政协2025年社情民意信息采用登记表"], header, sub, *rows]}, {"2025年": merges})
    rules = _rules(name="锡林郭勒盟政协", full_name="政协锡林郭勒盟委员会", own_tier="市级", place="锡林郭勒盟", city="",
                   province="内蒙古自治区", relative={"区": "省级"}, below=["锡林浩特市", "二连浩特市"])
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    assert not [i for i in report.issues if i.severity in ("error", "warning")]
    assert _yuan(ledger, 2025) == {"巴特尔": Decimal("100.00"), "阿不都·热合曼": Decimal("750.00"), "其木格": Decimal("600.00"),
                                   "乌云·其其格": Decimal("250.00"), "民盟锡林郭勒盟委": Decimal("200.00")}
    s = sq.summary(ledger, 2025, rules)
    assert s.adopted_by_tier == {"县级": 0, "市级": 7, "省级": 4, "全国": 1}
    assert s.published == 7 and s.issues == 3  # 盟政协 第3、8、15期


def test_an_informants_appointment_month_typed_as_a_number_is_that_month(tmp_path):
    # The 盟's 信息员 roster: 聘任日期 typed as numbers, as clerks type them in Excel (a number cell keeps 2025.4).
    # By hand, quota 1 a month from the appointment month to December:
    #   阿不都·热合曼 2025.4 → April: 9, items in May and December → completion 2/9, missed 4 and 6–11 months
    #     (the tool said 聘任日期“2025.4”无法识别 and gave him the whole year, 12)
    #   巴特尔·朝鲁 2025.12 → December: 1, his item of 12-01 → done
    #   乌云·其其格 2025.1 → January or October (2025.10 lost its 0): said at her row, the whole year counted as before.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [
        ["姓名", "身份", "单位", "聘任日期"],
        ["阿不都·热合曼", "信息员", "正蓝旗政协", 2025.4],
        ["巴特尔·朝鲁", "信息员", "正蓝旗政协", 2025.12],
        ["乌云·其其格", "信息员", "锡林浩特市政协", 2025.1]]})
    h = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [[1, D(2025, 5, 6), "关于草场流转的建议", "阿不都·热合曼", "正蓝旗政协", None],
            [2, D(2025, 12, 1), "关于边境旅游的建议", "阿不都·热合曼", "正蓝旗政协", None],
            [3, D(2025, 12, 1), "关于牧区物流的建议", "巴特尔·朝鲁", "正蓝旗政协", None],
            [4, D(2025, 11, 3), "关于牧民医保的建议", "乌云·其其格", "锡林浩特市政协", None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["锡林郭勒盟政协2025年社情民意信息台账"], h, *rows]})
    rules = _rules(name="锡林郭勒盟政协", full_name="政协锡林郭勒盟委员会", own_tier="市级", place="锡林郭勒盟", city="",
                   province="内蒙古自治区", relative={"区": "省级"})
    ledger = sq.read_ledgers(path, roster=roster, rules=rules)
    report = sq.validate(ledger, rules)
    people = sq.people(ledger, 2025, rules).set_index("name")
    assert people.at["阿不都·热合曼", "quota"] == 9 and list(people.at["阿不都·热合曼", "missed_months"]) == [4, 6, 7, 8, 9, 10, 11]
    assert people.at["巴特尔·朝鲁", "quota"] == 1 and not people.at["巴特尔·朝鲁", "behind"]
    said = findings(report, "roster.date_problem")
    assert len(said) == 1 and "乌云·其其格" in said[0].message and "10月" in said[0].message


def test_a_written_amount_that_is_no_one_figure_is_said_not_passed_over_as_checked(tmp_path):
    # The 松阳 clerk's 稿酬 for an item of 2024-11 (县政协编发 2024.12.5, 市政协采用 2025.1.15; by hand 100.00 in all,
    # 30.00 in 2024 and 70.00 补差 in 2025) written as 30+70, 补差70, 70（补差）: none is one amount, none was compared
    # and nothing said (the column said as checked). Each is said at its cell; 已发 writes no figure (silent); 100 is right.
    h = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "采用时间", "稿酬（元）"]
    written = ["30+70", "补差70", "70（补差）", "已发", "100"]
    rows = [[k + 1, D(2024, 11, k + 1), f"关于第{k + 1}项的建议", "王五", "城关镇政协工委", "县政协编发；市政协采用",
             "2024.12.5；2025.1.15", w] for k, w in enumerate(written)]
    path = write_xlsx(tmp_path / "台账.xlsx", {"信息台账": [["松阳县政协社情民意信息登记台账（2024—2025年）"], h, *rows]})
    rules = _rules(**SONGYANG)
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    assert [(i.row, i.column, i.severity) for i in findings(report, "money.written_unread")] == [
        (3, "H", "info"), (4, "H", "info"), (5, "H", "info")]
    assert not findings(report, "money.written_differs")
    assert _yuan(ledger, 2025) == {"王五": Decimal("350.00")}  # five items' 补差, 70.00 each
