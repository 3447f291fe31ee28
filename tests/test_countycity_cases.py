"""Offices where "市政协" is ambiguous: a 县级市 (义乌市政协, under 金华市, in 浙江省; its rules say {市: own}) and a
市辖区 (金华市婺城区政协, whose "市政协" is 金华市政协 above it). Each office is set up as a real one is, with
`sqmy init`, its 【必改】 lines and roster filled in, and keeps its ledger as its staff do.

Every figure below is worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from conftest import fill_init_roster, sqmy

D = dt.date

YIWU = {"name": "义乌市政协", "full": "政协义乌市委员会", "place": "义乌市", "code": "义政协", "relative": "{市: own}"}
WUCHENG = {"name": "婺城区政协", "full": "政协金华市婺城区委员会", "place": "婺城区", "code": "婺政协", "relative": "{}"}


def _office(root: Path, who: dict, people: list | None, units: list) -> Path:
    """The office as `sqmy init` leaves it, its 【必改】 lines set as that office sets them, its roster filled in
    (``people`` None: the roster left blank and the blank 台账模板 kept)."""
    office = root / who["name"]
    assert sqmy("init", office, "--year", "2025").returncode == 0
    rules = office / "规则.yaml"
    text = rules.read_text(encoding="utf-8")
    for a, b in (("示例县政协", who["name"]), ("政协示例县委员会", who["full"]), ("place: 示例县", f"place: {who['place']}"),
                 ("city: 示例市", "city: 金华市"), ("province: 示例省", "province: 浙江省"), ("示政协", who["code"]),
                 ("relative: {}", f"relative: {who['relative']}")):
        assert a in text, a
        text = text.replace(a, b)
    rules.write_text(text, encoding="utf-8")
    if people is not None:
        fill_init_roster(office, people, units)
    return office


def _ledger(office: Path, title: str, header: list, rows: list, name: str = "2025年社情民意信息台账.xlsx") -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(list(row))
    wb.save(office / "台账" / name)


def _json(*args) -> object:
    ran = sqmy(*args, "--format", "json")
    assert ran.returncode in (0, 1), ran.err
    return json.loads(ran.stdout)


def _codes(office: Path) -> list[tuple[str, str]]:
    """(code, cell) of each finding of ``sqmy validate`` on the office, the cell as Excel names it (E6)."""
    return [(i["code"], (i.get("column") or "") + str(i.get("row") or "")) for i in _json("validate", office)["issues"]]


# -- 1. A 市辖区's own units written after its city: 金华市婺城区教育局, 民进金华市婺城区总支 are 婺城区's.

WUCHENG_UNITS = [("城东街道政协工委", "镇街政协工委"), ("民进婺城区总支", "民主党派")]
WUCHENG_PEOPLE = [("郑国平", "委员", "城东街道政协工委", "经济界", None, None),
                  ("邵伟", "委员", "民进婺城区总支", "中国民主促进会", None, None)]
# 序号 | 报送日期 | 信息标题 | 反映人 | 所在单位 | 采用情况: each unit written once short and once with 金华市 before it.
WUCHENG_ROWS = [
    (1, D(2025, 2, 10), "关于城东街道农贸市场改造的建议", "郑国平", "城东街道", "区政协《社情民意》第3期"),
    (2, D(2025, 8, 21), "关于婺江沿岸绿道贯通的建议", "郑国平", "金华市婺城区城东街道", "市政协采用"),
    (3, D(2025, 6, 3), "关于区属学校午餐配送的建议", "邵伟", "民进区总支", None),
    (4, D(2025, 11, 20), "关于老年食堂运营的建议", "邵伟", "民进金华市婺城区总支", "省政协采用"),
]


def test_district_units_written_after_their_city_are_its_own(tmp_path):
    """金华市婺城区城东街道 is the roster's 城东街道政协工委 and 民进金华市婺城区总支 its 民进婺城区总支 (婺城区's full name
    is 金华市婺城区). By hand: 城东街道政协工委 2 sent (rows 1, 2), 2 adopted (区级 row 1; 市政协 = 金华市政协, 市级, row 2),
    points 2 + 3 + 10 = 15; 民进婺城区总支 2 sent (rows 3, 4), 1 adopted (省级), points 2 + 20 = 22. No warning: the
    ledger is right. Before: the two long names were no roster unit (roster.unknown_unit), left out of the units'
    figures (城东 1 sent, 4 points; 民进 1 sent, 1 point)."""
    office = _office(tmp_path, WUCHENG, WUCHENG_PEOPLE, WUCHENG_UNITS)
    _ledger(office, "婺城区政协2025年社情民意信息报送台账", ["序号", "报送日期", "信息标题", "反映人", "所在单位", "采用情况"],
            WUCHENG_ROWS)
    codes = {c for c, _ in _codes(office)}
    assert not codes & {"roster.unknown_unit", "unit.elsewhere"}, codes
    units = {u["unit"]: u for u in _json("compute", "units", office, "--year", "2025")}
    assert (units["城东街道政协工委"]["submitted"], units["城东街道政协工委"]["adopted"], units["城东街道政协工委"]["points"]) == (2, 2, 15)
    assert (units["民进婺城区总支"]["submitted"], units["民进婺城区总支"]["adopted"], units["民进婺城区总支"]["points"]) == (2, 1, 22)


def test_district_ledger_without_unit_list_its_long_names_are_not_elsewhere(tmp_path):
    """Without a roster's 单位 sheet, 金华市婺城区教育局 and 政协金华市婺城区委员会办公室 are 婺城区's own (not
    unit.elsewhere), 金华市婺城区教育局 one unit with 婺城区教育局 (unit.variant says the two spellings, as for any
    other); 金东区教育局 is another district's (unit.elsewhere, as before)."""
    office = _office(tmp_path, WUCHENG, [], [])
    _ledger(office, "婺城区政协2025年社情民意信息报送台账", ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"], [
        (1, D(2025, 3, 1), "关于课后服务的建议", "张明", "婺城区教育局", "区政协采用"),
        (2, D(2025, 3, 2), "关于校车安全的建议", "李华", "金华市婺城区教育局", "区政协采用"),
        (3, D(2025, 3, 3), "关于机关食堂的建议", "王强", "政协金华市婺城区委员会办公室", "区政协采用"),
        (4, D(2025, 3, 4), "关于学区划分的建议", "赵亮", "金东区教育局", "区政协采用"),
    ])
    issues = _codes(office)
    assert [c for c in issues if c[0] == "unit.elsewhere"] == [("unit.elsewhere", "E6")], issues
    assert ("unit.variant", "E4") in issues, issues


# -- 2. A 县级市 filling in the template `sqmy init` gave it: 县政协编发 | 市政协 | 省政协 | 全国政协.

YIWU_UNITS = [("稠城街道政协工委", "镇街政协工委"), ("佛堂镇政协工委", "镇街政协工委")]
YIWU_PEOPLE = [("王建国", "委员", "稠城街道政协工委", "经济界", None, None),
               ("陈晓燕", "委员", "佛堂镇政协工委", None, None, None)]


def test_county_level_city_template_s_city_column_read_as_its_own_tier_is_said(tmp_path):
    """义乌市政协 ({市: own}) fills in the blank 台账模板 of `sqmy init`: √ under 县政协编发 for 王建国's item, 第5期 under
    市政协 for 陈晓燕's. By its rules 市政协 is 义乌's own (县级, ¥30), but the template's four columns climb the tiers
    (县 < 市 < 省 < 全国), where 市政协 is the 金华市政协 above (市级, ¥100): which one the clerk meant is the office's to
    say. Read as the rules say (¥30 each) and said at the 市政协 header (J4: header.relative_twice, beside 县政协编发).
    Before: both read as 县级 and not a word."""
    office = _office(tmp_path, YIWU, None, [])
    template = office / "台账" / "社情民意信息台账模板.xlsx"
    wb = openpyxl.load_workbook(template)
    ws = wb["报送采用台账"]
    ws["A1"] = "义乌市政协2025年度社情民意信息报送采用登记表"
    for r, (n, day, title, author, unit, own, city) in enumerate([
            (1, D(2025, 3, 5), "关于稠城街道老旧小区加装电梯的建议", "王建国", "稠城街道政协工委", "√", None),
            (2, D(2025, 4, 9), "关于佛堂古镇保护利用的建议", "陈晓燕", "佛堂镇政协工委", None, "第5期")], 5):
        for col, v in zip("ACDEGIJ", (n, day, title, author, unit, own, city)):
            ws[f"{col}{r}"] = v
    wb.save(office / "台账" / "2025年社情民意信息台账.xlsx")
    fill_init_roster(office, YIWU_PEOPLE, YIWU_UNITS)  # takes the blank template away
    assert ("header.relative_twice", "J4") in _codes(office)
    paid = {p["name"]: p["amount"] for p in _json("compute", "rewards", office, "--year", "2025")}
    assert paid == {"王建国": 30.0, "陈晓燕": 30.0}


def test_county_level_city_own_and_city_columns_named_by_place_are_not_said(tmp_path):
    """市政协编发 | 金华市政协 | 省政协 | 全国政协, as 义乌's clerk names the columns: 市政协编发 is its own (县级, ¥30),
    金华市政协 the city's (市级, ¥100); nothing to say."""
    office = _office(tmp_path, YIWU, YIWU_PEOPLE, YIWU_UNITS)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["义乌市政协2025年度社情民意信息报送采用登记表"])
    ws.append(["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, None])
    ws.append([None] * 5 + ["市政协编发", "金华市政协", "省政协", "全国政协"])
    ws.merge_cells("F2:I2")
    for c in "ABCDE":
        ws.merge_cells(f"{c}2:{c}3")
    ws.append([1, D(2025, 3, 5), "关于稠城街道老旧小区加装电梯的建议", "王建国", "稠城街道政协工委", "√"])
    ws.append([2, D(2025, 4, 9), "关于佛堂古镇保护利用的建议", "陈晓燕", "佛堂镇政协工委", None, "第5期"])
    wb.save(office / "台账" / "2025年社情民意信息台账.xlsx")
    assert "header.relative_twice" not in {c for c, _ in _codes(office)}
    paid = {p["name"]: p["amount"] for p in _json("compute", "rewards", office, "--year", "2025")}
    assert paid == {"王建国": 30.0, "陈晓燕": 100.0}


# -- 3. 义乌's own documents: "市级" is 义乌's own to its readers (its rules read 市级 and 市委书记 so), so the tier
#       above is written with its city's name (金华市级), wherever the circular and figures name it.

YIWU_FULL_PEOPLE = [("王建国", "委员", "稠城街道政协工委", "经济界", None, None),
                    ("陈晓燕", "特邀信息员", "佛堂镇政协工委", None, D(2025, 1, 1), None),
                    ("楼志刚", "委员", "民盟义乌市委", "中国民主同盟", None, None),
                    ("吴丽华", "信息员", "义乌市工商联", None, D(2025, 1, 1), None)]
YIWU_FULL_UNITS = [("稠城街道政协工委", "镇街政协工委"), ("佛堂镇政协工委", "镇街政协工委"), ("民盟义乌市委", "民主党派"),
                   ("义乌市工商联", "工商联")]
# 序号 | 报送日期 | 信息标题 | 作者 | 单位 | 采用情况 | 领导批示, as 义乌's clerk writes them.
YIWU_ROWS = [
    (1, D(2025, 1, 10), "关于稠城街道老旧小区加装电梯的建议", "王建国", "稠城街道", "市政协《社情民意》第2期采用", None),
    (2, D(2025, 2, 15), "关于佛堂古镇保护利用的建议", "陈晓燕", "佛堂镇", "被金华市政协《社情民意》第5期采用，报省政协", None),
    (3, D(2025, 3, 20), "关于加强中小学课后服务的建议", "楼志刚", "民盟市委", "市政协采用", "市委书记王某某批示"),
    (4, D(2025, 5, 8), "关于小商品市场外贸转型的建议", "吴丽华", "市工商联", "金华市委《每日要情》采用", "金华市委主要领导批示"),
    (5, D(2025, 7, 1), "关于加快国际陆港建设的建议", "王建国、吴丽华", "稠城街道政协工委", "省政协采用", None),
    (6, D(2025, 10, 12), "关于优化城区公交线路的建议", "陈晓燕", "佛堂镇政协工委", "本市《社情民意》第30期", "市委主要领导批示"),
    (7, D(2025, 11, 3), "关于外籍商户子女入学的建议", "楼志刚", "民盟义乌市委", "未采用", None),
    (8, D(2025, 12, 1), "关于规范校外培训的建议", "王建国", "稠城街道政协工委", "报金华市政协", None),
]


def _yiwu(tmp_path) -> Path:
    office = _office(tmp_path, YIWU, YIWU_FULL_PEOPLE, YIWU_FULL_UNITS)
    _ledger(office, "义乌市政协2025年度社情民意信息报送采用登记表", ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
            YIWU_ROWS)
    return office


def test_county_level_city_figures_hand_worked(tmp_path):
    """By hand (县级 ¥30, 市级 ¥100, 省级 ¥200, ×2 with a 批示): 市政协/本市 are 义乌's own (县级: rows 1, 3, 6), 金华市政协 and
    金华市委 the city's (市级: rows 2, 4), 省政协 省级 (row 5); 市委书记王某某 and 市委主要领导 are 义乌's (县级 批示: rows 3,
    6), 金华市委主要领导 市级 (row 4). 王建国 30 + 200/2 = 130, 吴丽华 200 + 100 = 300, 陈晓燕 100 + 60 = 160, 楼志刚 60.
    The 镇街 quota (3 a month, 1 a month adopted at 市级 or above) is said as 金华市级及以上采用: 义乌's 镇街 read 市级 as
    their own 市政协's (its rules do), which does not count for it. Before: 市级及以上采用."""
    office = _yiwu(tmp_path)
    assert [c for c in _codes(office) if c[0] != "unit.read_as"] == []
    paid = {p["name"]: p["amount"] for p in _json("compute", "rewards", office, "--year", "2025")}
    assert paid == {"王建国": 130.0, "吴丽华": 300.0, "陈晓燕": 160.0, "楼志刚": 60.0}
    summary = _json("compute", "summary", office, "--year", "2025")
    assert summary["adopted_by_tier"] == {"县级": 3, "市级": 2, "省级": 1, "全国": 0}
    assert summary["instructions_by_level"] == {"县级": 2, "市级": 1, "省级": 0, "国家级": 0}
    units = {u["unit"]: u for u in _json("compute", "units", office, "--year", "2025")}
    assert units["稠城街道政协工委"]["shortfall"] == "报送3条，任务36条；金华市级及以上采用1条，任务12条"
    assert units["佛堂镇政协工委"]["shortfall"] == "报送2条，任务36条；金华市级及以上采用1条，任务12条"


def test_county_level_city_circular_names_the_tier_above_by_its_city(tmp_path):
    """The Q4 circular of 义乌市政协: one item sent up in Q4 (row 8, to 金华市政协): 其中金华市级1条, not 其中市级1条; the
    appendix's points: a 批示 of 金华市级 earns 10 (义乌's own 市委书记's, 县级, earns none: 楼志刚's unit 5 points = 2 + 3),
    adoption 金华市级 10; the 镇街 quota 金华市级及以上采用. Before: 市级 in each, which 义乌's readers take for their own."""
    office = _yiwu(tmp_path)
    out = tmp_path / "通报"
    assert sqmy("circular", office, "--year", "2025", "--quarter", "4", "--out", out).returncode == 0
    import docx
    (path,) = out.glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "本季度向上级报送信息1条（其中金华市级1条）" in text
    assert "有领导批示的按批示领导级别加分：金华市级10分、省级20分、国家级30分" in text
    assert "被采用的按最高采用层级计分：县级3分、金华市级10分、省级20分、全国30分" in text
    assert "其中金华市级及以上采用1条" in text
    assert "市级及以上" not in text.replace("金华市级及以上", "")
    units = {u["unit"]: u for u in _json("compute", "units", office, "--year", "2025")}
    assert units["民盟义乌市委"]["points"] == 5


# -- 4. 义乌's own leaders and organs written as a list after its name: 义乌市委常委、副市长; 义乌市委、市政府.

def test_county_level_city_posts_listed_after_its_name_are_its_own(tmp_path):
    """In 义乌's ledger 义乌市委常委、副市长李某某 is 义乌's 副市长 (县级 leader, as 义乌市副市长 and 市委常委、副市长 are), and
    义乌市委、市政府 义乌's own organs (县级). By hand (县级 ¥30, ×2 with a 批示; points 1 a submission, 县级 adoption 3,
    县级 批示 0): 王建国's item 1 (市政协 第3期 + that 批示) ¥60, 4 points; 陈晓燕's item 2 (义乌市委、市政府《每日要情》) ¥30,
    4 points; one 县级 批示, no 市级. Before: the 批示 was read as 金华's (市级, the 市 of 副市长): 王建国 14 points, one
    市级 批示 and no 县级, without a word. (The 采用情况 cell is read in its two parts, each 义乌's, before and after.)"""
    office = _office(tmp_path, YIWU, YIWU_PEOPLE, YIWU_UNITS)
    _ledger(office, "义乌市政协2025年度社情民意信息报送采用登记表", ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"], [
        (1, D(2025, 3, 5), "关于稠城街道老旧小区加装电梯的建议", "王建国", "稠城街道政协工委", "市政协《社情民意》第3期",
         "义乌市委常委、副市长李某某批示"),
        (2, D(2025, 4, 9), "关于佛堂古镇保护利用的建议", "陈晓燕", "佛堂镇政协工委", "义乌市委、市政府《每日要情》采用", None)])
    assert [c for c in _codes(office) if c[0] != "unit.read_as"] == []
    paid = {p["name"]: p["amount"] for p in _json("compute", "rewards", office, "--year", "2025")}
    assert paid == {"王建国": 60.0, "陈晓燕": 30.0}
    points = {p["name"]: p["points"] for p in _json("compute", "people", office, "--year", "2025")}
    assert points == {"王建国": 4, "陈晓燕": 4}
    summary = _json("compute", "summary", office, "--year", "2025")
    assert summary["instructions_by_level"] == {"县级": 1, "市级": 0, "省级": 0, "国家级": 0}
    assert summary["adopted_by_tier"] == {"县级": 2, "市级": 0, "省级": 0, "全国": 0}


# -- 5. A 市辖区's 填报单位 line written with its full name: 金华市婺城区政协办公室.

def test_district_filed_by_its_full_name_names_its_own_place(tmp_path):
    """填报单位：金华市婺城区政协办公室 (婺城区's full name), no roster 单位 sheet: the ledger names its place 婺城区, so its units
    婺城区教育局 and 民进婺城区总支 are its own: no unit.elsewhere. Before: the line was read as the place 华市婺城区, and both
    were said to be another place's units (unit.elsewhere: “婺城区”不是本单位所在地)."""
    office = _office(tmp_path, WUCHENG, [], [])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(["2025年社情民意信息报送台账"])
    ws.append(["填报单位：金华市婺城区政协办公室"])
    ws.append(["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"])
    ws.append([1, D(2025, 3, 1), "关于课后服务的建议", "张明", "婺城区教育局", "区政协采用"])
    ws.append([2, D(2025, 3, 2), "关于老年食堂运营的建议", "李华", "民进婺城区总支", "区政协采用"])
    ws.append([3, D(2025, 3, 3), "关于城东街道农贸市场改造的建议", "王强", "城东街道", "区政协采用"])
    wb.save(office / "台账" / "台账.xlsx")
    assert [c for c in _codes(office) if c[0] == "unit.elsewhere"] == []


# -- 6. A 县级市's units written with its short name: 义乌工商联, 义乌佛堂镇 (as people in 义乌 say 义乌, not 义乌市).

def test_county_level_city_units_written_with_its_short_name_are_its_own(tmp_path):
    """The ledger of section 3 with 义乌工商联 (row 4) and 义乌佛堂镇 (row 2) for the roster's 义乌市工商联 and
    佛堂镇政协工委. By hand: 义乌市工商联 1 sent (row 4: 金华市委 市级 10, 金华市委主要领导 市级 批示 10) = 21 points;
    佛堂镇政协工委 2 sent (row 2: 金华市政协 市级 10; row 6: 本市 县级 3, 市委主要领导 县级 批示 0) = 15 points; no
    warning. Before: both were no roster unit (roster.unknown_unit), left out: 义乌市工商联 0 sent, 佛堂镇 1 sent, 4 points."""
    office = _office(tmp_path, YIWU, YIWU_FULL_PEOPLE, YIWU_FULL_UNITS)
    rows = [list(r) for r in YIWU_ROWS]
    rows[1][4], rows[3][4] = "义乌佛堂镇", "义乌工商联"
    _ledger(office, "义乌市政协2025年度社情民意信息报送采用登记表", ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
            rows)
    assert "roster.unknown_unit" not in {c for c, _ in _codes(office)}
    units = {u["unit"]: u for u in _json("compute", "units", office, "--year", "2025")}
    assert (units["义乌市工商联"]["submitted"], units["义乌市工商联"]["points"]) == (1, 21)
    assert (units["佛堂镇政协工委"]["submitted"], units["佛堂镇政协工委"]["points"]) == (2, 15)


def test_county_level_city_letters_name_the_tier_above_by_its_city(tmp_path):
    """义乌's 反馈函 said 被采用2条(其中市级1条、县级1条) to 陈晓燕, whose 市级 is 义乌's own to her. By hand: row 2 was taken
    up by 金华市政协 (the city's 市级), row 6 by 本市《社情民意》 (义乌's own, 县级): 其中金华市级1条、县级1条."""
    office = _yiwu(tmp_path)
    out = tmp_path / "反馈函"
    assert sqmy("feedback", office, "--year", "2025", "--out", out).returncode in (0, 3)
    import docx
    (letter,) = [p for p in out.rglob("*陈晓燕*.docx")]
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert "其中金华市级1条、县级1条" in text
    assert "市级" not in text.replace("金华市级", "")
