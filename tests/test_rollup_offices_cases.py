"""A city's roll-up over offices named every way a city writes them: a 区's 政协工委 (江州高新区政协工委), a
county written without the city's name before it (高新区政协 for 江州高新区政协), a county with no folder in the
tree, and the city's own ledger keeping the county's number in 原编号 beside its own 编号. Office trees built by
hand, as in test_rollup.py; every figure worked out by hand below."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sqmy_lib as sq
from sqmy_lib.compute.rollup import BY_NUMBER, build_rollup
from sqmy_lib.read.offices import load_tree, read_offices

from conftest import assert_every_cell_accounted, write_xlsx

RULES = sq.load_rules(year=2025)
D = dt.date
CITY = "江州市政协"
COUNTY_HEAD = ["序号", "日期", "标题", "作者", "采用情况", "批示"]
CITY_HEAD = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]
# 江州高新区's three items: B adopted by the 市政协, C by the 市政协 and the 省政协 with the 市长's 批示.
GAOXIN = [
    [1, D(2025, 5, 8), "关于园区企业用工服务的建议", "林静", "《社情民意》第2期；市政协采用", None],
    [2, D(2025, 8, 19), "关于优化园区通勤公交的建议", "黄磊", None, None],
    [3, D(2025, 10, 22), "关于支持科技型中小企业融资的建议", "林静", "《社情民意》第3期；市政协采用；省政协采用", "市长陈平批示"],
]


def _tree(root: Path, county: str, county_file: str, county_rows: list[list], city_rows: list[list],
          city_head: list[str] = CITY_HEAD):
    """One office below (folder ``county``, its ledger ``county_file``) and the city's own (市本级)."""
    (root / county).mkdir(parents=True)
    (root / "市本级").mkdir()
    write_xlsx(root / county / county_file, {"台账": [COUNTY_HEAD, *county_rows]})
    write_xlsx(root / "市本级" / "江州市政协2025年社情民意信息台账.xlsx", {"台账": [city_head, *city_rows]})
    tree = load_tree(root, RULES, office=CITY)
    ledger = read_offices(tree, RULES, 2025)
    return tree, ledger, build_rollup(ledger, tree, 2025, rules=RULES)


@pytest.mark.parametrize("folder, unit", [
    ("江州高新区政协工委", "高新区政协工委"),  # the 工委 written without the city's name
    ("江州高新区政协", "高新区政协"),
    ("高新区政协", "江州高新区政协"),  # the folder without it, the city's ledger with it
])
def test_a_city_record_naming_a_county_without_the_citys_name_is_said(tmp_path, folder, unit):
    # The city's ledger records 黄磊's item with 单位 高新区政协工委 under a reworded title (园区通勤公交优化): not the
    # county's B by title, so it is the city's own; but it names the county office, so it is said, as it is
    # when written in full. It was counted as the city's own item unsaid. By hand: 4 items (3 + 1), one doubt.
    _, _, r = _tree(tmp_path, folder, "台账.xlsx", GAOXIN, [
        ["JZ-2025-001", D(2025, 1, 20), "关于推进城市更新的建议", "何芳", "市民政局", "市政协《社情民意》第1期", None],
        ["JZ-2025-025", D(2025, 8, 25), "关于园区通勤公交优化的建议", "黄磊", unit, None, None]])
    assert r.summary.submitted == 5 and r.forwarded.empty
    assert r.uncertain["title"].tolist() == ["关于园区通勤公交优化的建议"]
    assert r.uncertain.iloc[0]["reason"].startswith(f"单位或作者为{folder}，但{folder}台账中没有这条信息")


def test_a_districts_gongwei_reads_its_ledger_at_the_county_tier(tmp_path):
    # 江州高新区 has a 政协工委, not a 政协. Its ledger (高新区政协工委2025年….xlsx in 江州高新区政协工委/) read in the
    # roll-up as alone: 市政协采用 is 市级 (was unplaced: adoption.unknown_tier), 市长陈平 a 市级 批示 (was
    # instruction.unknown_level); its name says 区 (no office.place_unclear), its file names it without 江州 (no
    # office.misfiled). By hand: 3 items, 县级 2 (第2、3期), 市级 2 (B, C), 省级 1 (C), 1 批示 (市级).
    tree, ledger, r = _tree(tmp_path, "江州高新区政协工委", "高新区政协工委2025年社情民意信息台账.xlsx", GAOXIN, [
        ["JZ-2025-001", D(2025, 1, 20), "关于推进城市更新的建议", "何芳", "市民政局", "市政协《社情民意》第1期", None]])
    gongwei = next(o for o in tree.offices if not o.own)
    assert (gongwei.level, gongwei.code) == ("县级", "江州高新区")
    codes = set(ledger.findings["code"])
    assert not codes & {"adoption.unknown_tier", "instruction.unknown_level", "office.place_unclear", "office.misfiled"}
    row = r.offices.set_index("office").loc["江州高新区政协工委"]
    assert (row["submitted"], row["adopted_县级"], row["adopted_市级"], row["adopted_省级"], row["instructed"]) == (3, 2, 2, 1, 1)
    assert r.summary.instructions_by_level["市级"] == 1


@pytest.mark.parametrize("author", ["高新区政协工委", "高新区政协", "江州高新区政协工委"])
def test_a_city_record_by_the_county_office_itself_is_its_item(tmp_path, author):
    # The city's record of C, 6 days later, with the county office as its author (any form of its name), the same
    # title: C itself (README: a match holds when the higher record names the lower office itself). It was kept
    # apart (疑似重复 "标题相同，但作者不同"), its 省级 adoption and 批示 counted twice. By hand: 3 + 1 items, C once:
    # 4 items; 省级 1; 批示 1 (市长陈平, written in both).
    _, _, r = _tree(tmp_path, "江州高新区政协工委", "台账.xlsx", GAOXIN, [
        ["JZ-2025-001", D(2025, 1, 20), "关于推进城市更新的建议", "何芳", "市民政局", "市政协《社情民意》第1期", None],
        ["JZ-2025-033", D(2025, 10, 28), "关于支持科技型中小企业融资的建议", author, None,
         "市政协《社情民意》第20期；省政协采用", "市长陈平批示"]])
    assert len(r.forwarded) == 1 and r.uncertain.empty
    assert r.summary.submitted == 4
    assert (r.summary.adopted_by_tier["省级"], r.summary.instructions) == (1, 1)
    assert r.offices.set_index("office").loc["江州高新区政协工委", "submitted"] == 3


def test_a_city_record_naming_a_county_with_no_folder_is_said(tmp_path):
    # 东坪县 sent nothing and has no folder; the city's ledger records an item with 单位 东坪县政协 (a county 政协 below
    # the city). Counted as the city's own (nothing to credit it to), and said: it was credited unsaid.
    _, _, r = _tree(tmp_path, "青山县政协", "台账.xlsx", [
        [1, D(2025, 3, 20), "关于加强中小学生近视防控的建议", "陈静", "县政协《社情民意》第3期", None]], [
        ["JZ-2025-009", D(2025, 4, 1), "关于加强山区道路安全防护的建议", "何勇", "东坪县政协", "市政协《社情民意》第4期", None],
        ["JZ-2025-010", D(2025, 4, 2), "关于完善养老服务体系的建议", "何芳", "市民政局", None, None]])
    assert r.offices.set_index("office").loc[CITY, "submitted"] == 2
    assert r.uncertain["title"].tolist() == ["关于加强山区道路安全防护的建议"]
    doubt = r.uncertain.iloc[0]
    assert doubt["candidates"] == "下级台账中无对应记录" and "东坪县政协不在本次汇总的下级政协中" in doubt["reason"]
    assert any("未列入本次汇总的下级政协" in n for n in r.notes)


@pytest.mark.parametrize("city_head", [
    ["编号", "原编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
    ["原编号", "编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
])
def test_the_original_number_beside_the_citys_own_links_the_countys_item(tmp_path, city_head):
    # The city keeps its own 编号 and the county's in 原编号 (as the shipped circular asks: 上报本级的信息请注明原编号).
    # Its record of 白沙区's 2025-004 is 50 days later by another hand (钱伟 entered it): the title rule does not tie
    # them, the number does. 原编号 was a second 编号 (header.duplicate, 1 cell unread): counted twice. By hand:
    # 2 items, 白沙区's adopted at 市级 once; the 原编号 read as the record's original number.
    own, original = ("JZ-2025-013", "白沙区-2025-004")
    first_is_own = city_head[0] == "编号"
    numbers = [own, original] if first_is_own else [original, own]
    root = tmp_path
    (root / "白沙区政协").mkdir(parents=True)
    (root / "市本级").mkdir()
    write_xlsx(root / "白沙区政协" / "台账.xlsx", {"台账": [
        ["编号", "日期", "标题", "作者", "采用情况"],
        ["2025-004", D(2025, 4, 6), "关于提升城区停车管理水平的建议", "张明", "区政协编发第3期"]]})
    city_file = write_xlsx(root / "市本级" / "台账.xlsx", {"台账": [
        city_head,
        [*numbers, D(2025, 5, 26), "关于提升城区停车管理水平的建议", "钱伟", "白沙区政协", "市政协《社情民意》第10期"],
        [*(["JZ-2025-020", None] if first_is_own else [None, "JZ-2025-020"]), D(2025, 6, 1), "关于发展夜间经济的建议", "钱伟", "市商务局", None]]})
    tree = load_tree(root, RULES, office=CITY)
    r = build_rollup(read_offices(tree, RULES, 2025), tree, 2025, rules=RULES)
    assert r.forwarded["how"].tolist() == [BY_NUMBER]
    assert r.summary.submitted == 2 and r.summary.adopted_by_tier["市级"] == 1
    assert r.offices.set_index("office").loc["白沙区政协", "adopted_市级"] == 1
    city = sq.read_ledgers([city_file], rules=RULES.for_level("市级"), year=2025)
    assert "header.duplicate" not in set(city.findings["code"])
    assert city.submissions["item_no"].tolist() == ["JZ-2025-013", "JZ-2025-020"]
    assert city.submissions["original_no"].tolist() == ["白沙区-2025-004", ""]
    assert_every_cell_accounted([city_file], ledger=city, rules=RULES.for_level("市级"))


def test_the_balance_of_the_work_is_weighed_among_the_offices_below(tmp_path):
    # 三、存在的问题 "工作开展不够平衡" names the 地区 that sent most: the city's own items (本级) are no 地区's. By hand:
    # 江州市政协 4 items, 青山县 3, 白沙区 1 (and 东坪县 sent nothing, its folder empty): the offices named are 青山县 and
    # 白沙区 (4 of 8: 50%); 江州市政协 never.
    for county in ("青山县政协", "白沙区政协", "东坪县政协"):
        (tmp_path / county).mkdir()
    (tmp_path / "市本级").mkdir()
    titles = ["关于完善乡村公交线路的建议", "关于加强独居老人关爱服务的建议", "关于规范殡葬服务收费的建议", "关于推进垃圾分类进小区的建议"]
    write_xlsx(tmp_path / "青山县政协" / "台账.xlsx", {"台账": [COUNTY_HEAD, *[
        [k, D(2025, 3, k), t, "王芳", None, None] for k, t in enumerate(titles[:3], 1)]]})
    write_xlsx(tmp_path / "白沙区政协" / "台账.xlsx", {"台账": [COUNTY_HEAD, [1, D(2025, 3, 9), "关于扶持特色农产品电商的建议", "孙强", None, None]]})
    write_xlsx(tmp_path / "市本级" / "台账.xlsx", {"台账": [CITY_HEAD, *[
        [f"JZ-{k}", D(2025, 2, k), f"关于城市{t}", "何芳", "市民政局", None, None] for k, t in enumerate(titles, 1)]]})
    tree = load_tree(tmp_path, RULES, office=CITY)
    r = build_rollup(read_offices(tree, RULES, 2025), tree, 2025, rules=RULES)
    top, share = r.concentration()
    assert top["unit"].tolist() == ["青山县政协", "白沙区政协"] and share == 0.5
    assert CITY not in set(r.zero_units["unit"])
