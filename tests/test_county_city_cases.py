"""A city office (松原市政协, 市级) and the offices below it: a county-level city's 政协 (扶余市政协) is the county
tier, not the office's own 市级 bulletin; another 市 nothing says is below is said, not counted; and the formal
and common names of roster units (政协扶余市委员会, 前郭尔罗斯蒙古族自治县政协, 农工民主党市委, 市总商会, 医卫界, 社法委,
民革市委与民盟市委) are the roster's units.

Every workbook here is written by hand in the test, every answer worked out by hand (shipped rules: 县级 ¥30,
市级 ¥100), and every workbook is checked for the reader's invariant (each non-empty cell read or named in a finding).
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, write_xlsx, findings as _codes, paid

HEAD = ["序号", "收稿日期", "信息标题", "报送单位", "报送人", "采用情况"]
TITLE = ["松原市政协2026年社情民意信息报送采用登记表"]
UNITS = [["民革松原市委", "民主党派"], ["民盟松原市委", "民主党派"], ["民建松原市委", "民主党派"],
         ["中国农工民主党松原市委员会", "民主党派"], ["松原市工商业联合会（总商会）", "工商联"], ["医药卫生界别组", "界别组"],
         ["市政协社会和法制委员会", "专委会"], ["宁江区政协", "县区政协"], ["扶余市政协", "县区政协"], ["前郭县政协", "县区政协"]]


def _city_rules(**office) -> Rules:
    """The shipped 2026 rules as 松原市政协 (市级, in 吉林省) sets them, with a 县区政协 quota."""
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="松原市政协", full_name="政协松原市委员会", own_tier="市级", place="松原市", city="",
                          province="吉林省", **office)
    data["quotas"]["units"]["县区政协"] = {"per": "quarter", "items": 6}
    data["peer_groups"]["县区政协"] = {"top_n": 1}
    return Rules(data=data, source="<测试>")


def _roster(tmp_path: Path, units=UNITS) -> Path:
    return write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["李强", "委员", "民革松原市委"]],
                                               "单位": [["单位名称", "单位类型"], *units]})


def _ledger(tmp_path: Path, rows: list[list]) -> Path:
    return write_xlsx(tmp_path / "2026年登记表.xlsx", {"2026年": [TITLE, HEAD, *rows]})


def _row(k: int, unit: str, author: str, adopted: str | None = None) -> list:
    return [k, dt.date(2026, 1, 5 + k), f"关于第{k}个问题的建议", unit, author, adopted]


def _tiers(ledger) -> list[tuple]:
    ad = ledger.adoptions
    return list(zip(ad["row"], ad["body"], ad["tier"].astype(object).fillna("无").astype(str)))


def _paid(ledger) -> dict[str, Decimal]:
    return paid(ledger, 2026)


def _published(ledger, rules) -> int:
    return sq.summary(ledger, sq.Period.of(2026, quarter=1), rules).published


# ---------------------------------------------------------------- 1. a county-level city's 政协 is the county tier

def test_a_county_level_city_the_roster_lists_is_the_county_tier_not_the_office_s_own_bulletin(tmp_path):
    """扶余市政协 is on the roster (县区政协): its 扶余市政协编发 is 县级 (30), like 宁江区政协编发; only 市政协编发 is the
    office's own bulletin (本级编发 1, 市级 100). Before, 扶余市's 市 made it 市级: 100 paid and 本级编发 2."""
    rules = _city_rules()
    rows = [_row(1, "扶余市政协", "扶余市政协", "扶余市政协编发"), _row(2, "宁江区政协", "宁江区政协", "宁江区政协编发"),
            _row(3, "民革松原市委", "李强", "市政协编发")]
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path, rows), rules=rules, roster=_roster(tmp_path), year=2026)
    assert _tiers(ledger) == [(3, "扶余市政协编发", "县级"), (4, "宁江区政协编发", "县级"), (5, "市政协编发", "市级")]
    assert _paid(ledger) == {"扶余市政协": Decimal("30.00"), "宁江区政协": Decimal("30.00"), "李强": Decimal("100.00")}
    assert _published(ledger, rules) == 1
    units = sq.units(ledger, sq.Period.of(2026, quarter=1)).set_index("unit")
    assert units.loc["扶余市政协", ["adopted", "points"]].tolist() == [1, 1 + 3]  # 1 sent, 县级 3
    assert not _codes(report, "adoption.unknown_tier") and not _codes(report, "adoption.city_unclear")


def test_a_county_level_city_in_the_rules_office_below_is_the_county_tier_without_a_roster(tmp_path):
    """office.below: [扶余市] in the rules says the same with no roster: 扶余市政协编发 and 政协扶余市委员会 (its formal
    name) are 县级, 扶余政协 (its short place name) too."""
    rules = _city_rules(below=["扶余市"])
    rows = [_row(1, "", "张三", "扶余市政协编发"), _row(2, "", "李四", "政协扶余市委员会采用"), _row(3, "", "王五", "扶余政协编发")]
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path, rows), rules=rules, year=2026)
    assert [t for _, _, t in _tiers(ledger)] == ["县级", "县级", "县级"]
    assert _paid(ledger) == {"张三": Decimal("30.00"), "李四": Decimal("30.00"), "王五": Decimal("30.00")}
    assert _published(ledger, rules) == 0
    assert rules.place("扶余市政协").rule == "下级单位所在地名“扶余市”"


def test_another_city_s_cppcc_nothing_says_is_below_is_said_and_not_counted_as_the_office_s_own(tmp_path):
    """With no roster and no office.below, 扶余市政协编发 may be a county-level city's (县级) or another city's (市级)
    bulletin: counted for neither, and said at its cell (adoption.city_unclear), never 本级编发. Before, it was
    市级, paid 100 and 本级编发. 市政协编发, 松原市政协采用 (the office's own), 报送市政协 (its own level: no 上报) and 副市长's
    批示 are read as before."""
    rules = _city_rules()
    head = [*HEAD, "领导批示"]
    rows = [[*_row(1, "", "张三", "扶余市政协编发"), None], [*_row(2, "", "李四", "被吉林市政协采用"), None],
            [*_row(3, "", "王五", "市政协编发"), "李某某副市长"], [*_row(4, "", "赵六", "松原市政协采用"), None],
            [*_row(5, "", "孙七", "报送市政协"), None]]
    path = write_xlsx(tmp_path / "2026年登记表.xlsx", {"2026年": [TITLE, head, *rows]})
    ledger, report = assert_every_cell_accounted(path, rules=rules, year=2026)
    assert _tiers(ledger) == [(3, "扶余市政协编发", "无"), (4, "被吉林市政协采用", "无"), (5, "市政协编发", "市级"),
                              (6, "松原市政协采用", "市级")]
    said = _codes(report, "adoption.city_unclear")
    assert [(i.row, i.column) for i in said] == [(3, "F"), (4, "F")] and "扶余市政协编发" in said[0].message
    assert not _codes(report, "adoption.unknown_tier")
    # 王五: 市级 100, doubled for 副市长's 批示 (市级); 赵六 市级 100.
    assert _paid(ledger) == {"王五": Decimal("200.00"), "赵六": Decimal("100.00")}
    assert ledger.instructions["level"].astype(str).tolist() == ["市级"]
    assert [i.row for i in _codes(report, "forward.own_level")] == [7]  # 报送市政协: the office's own level, as before
    assert _published(ledger, rules) == 2


# ---------------------------------------------------------------- 2. formal and common names of roster units

def test_formal_and_common_names_are_the_roster_s_units(tmp_path):
    """Each name the roster lists another way is read as its unit, said (unit.read_as); the joint items written
    with 与/和 count for their first unit (unit.several), as 民革、民盟市委 does. Different units stay apart:
    政协宁江区委员会 is 宁江区政协 (not 扶余市政协), 民建 is not 民革, and 市政协社会和法制委员会 (和 in its name) is one
    unit. Before, every one of them was roster.unknown_unit, counted for no unit."""
    rules = _city_rules()
    written = ["政协扶余市委员会", "前郭尔罗斯蒙古族自治县政协", "农工民主党市委", "市总商会", "医卫界", "社法委",
               "民革市委与民盟市委", "民建市委和民盟市委联合", "市政协社会和法制委员会", "政协宁江区委员会"]
    rows = [_row(k, u, "李强") for k, u in enumerate(written, 1)]
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path, rows), rules=rules, roster=_roster(tmp_path), year=2026)
    assert ledger.submissions["unit"].tolist() == [
        "扶余市政协", "前郭县政协", "中国农工民主党松原市委员会", "松原市工商业联合会(总商会)", "医药卫生界别组",
        "市政协社会和法制委员会", "民革松原市委", "民建松原市委", "市政协社会和法制委员会", "宁江区政协"]
    assert not _codes(report, "roster.unknown_unit")
    read_as = {i.row: i.message for i in _codes(report, "unit.read_as")}
    assert sorted(read_as) == [3, 4, 5, 6, 7, 8, 9, 10, 12]  # 市政协社会和法制委员会 (row 11) is written as listed
    assert "“医卫界”与名册中的“医药卫生界别组”" in read_as[7] and "“民建市委”与名册中的“民建松原市委”" in read_as[10]
    several = _codes(report, "unit.several")
    assert [(i.row, i.column) for i in several] == [(9, "D"), (10, "D")]
    units = sq.units(ledger, sq.Period.of(2026, quarter=1)).set_index("unit")
    assert units.loc["市政协社会和法制委员会", "submitted"] == 2 and units.loc["民盟松原市委", "submitted"] == 0
