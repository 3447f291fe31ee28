"""Offices whose tiers are not the plain 县/市/省: a 旗 of a 盟 in 内蒙古自治区, a county of a 地区 in 新疆, an 自治县
under a 地级市, a county-level city (利川市 in 恩施州), a 直辖市's district. Each ledger is written as its staff write
采用情况 and 批示, and the figures are worked out by hand (rules of 2026: rewards 县级 30, 市级 100, 省级 200 yuan,
the highest tier only, doubled by any 批示)."""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "报送人", "采用情况", "领导批示", "备注"]


def _rules(**office) -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(own_tier="县级", **office)
    return Rules(data=data, source="<测试>")


def _ledger(tmp_path, title, rows):
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [[title], HEADER, *rows]})
    return path


def _read(path, rules):
    ledger = sq.read_ledgers([path], rules=rules, year=2026)
    report = sq.validate(ledger, rules)
    return ledger, report


def _yuan(ledger) -> dict:
    return {k: Decimal(v) for k, v in paid(ledger, 2026).items()}


def test_a_county_level_citys_own_bulletin_written_benshi_or_in_the_passive_is_its_own_tier(tmp_path):
    # 利川市政协 (a county-level city of 恩施土家族苗族自治州), relative {市: own} as the README says. By hand:
    #   本市政协编发第3期   the office's own bulletin: 县级, 30          (the tool gave 市级, 100, nothing said)
    #   被市政协采用        the same 市政协 in the passive: 县级, 30     (gave 市级, 100)
    #   经市政协编发第5期   县级, 30                                    (gave 市级, 100)
    #   恩施州政协采用      市级, 100;  州政协采用 + 州委书记批示: 市级 100 × 2 = 200
    #   市政协编发 + 市长刘某批示 (its own 市长): 县级 30 × 2 = 60;  湖北省政协采用: 省级, 200
    rules = _rules(name="利川市政协", full_name="政协利川市委员会", place="利川市", city="恩施土家族苗族自治州",
                   province="湖北省", relative={"市": "own"})
    path = _ledger(tmp_path, "利川市政协2026年社情民意信息报送采用台账", [
        [1, dt.date(2026, 1, 8), "关于山区茶叶品牌的建议", "向华", "本市政协编发第3期", None, None],
        [2, dt.date(2026, 1, 15), "关于腾龙洞景区交通的建议", "谭敏", "被市政协采用", None, None],
        [3, dt.date(2026, 2, 3), "关于农村客运的建议", "冉丽", "恩施州政协采用", None, None],
        [4, dt.date(2026, 2, 20), "关于高山蔬菜冷链的建议", "牟军", "州政协采用", "州委书记李某某批示", None],
        [5, dt.date(2026, 3, 5), "关于城区停车的建议", "黄玲", "市政协编发", "市长刘某批示", None],
        [6, dt.date(2026, 3, 12), "关于硒资源开发的建议", "覃勇", "湖北省政协采用", None, None],
        [7, dt.date(2026, 3, 20), "关于学前教育的建议", "杨华", "经市政协编发第5期", None, None]])
    ledger, report = _read(path, rules)
    assert _yuan(ledger) == {"向华": Decimal("30.00"), "谭敏": Decimal("30.00"), "冉丽": Decimal("100.00"),
                             "牟军": Decimal("200.00"), "黄玲": Decimal("60.00"), "覃勇": Decimal("200.00"),
                             "杨华": Decimal("30.00")}
    s = sq.summary(ledger, 2026)
    assert (s.adopted_by_tier["县级"], s.adopted_by_tier["市级"], s.adopted_by_tier["省级"]) == (4, 2, 1)
    # 本级编发: 本市政协编发, 被市政协采用, 市政协编发, 经市政协编发: the office's own 市政协 each time (the tool gave 1).
    assert s.published == 4
    assert not findings(report, "adoption.unknown_tier") and not findings(report, "adoption.level_unclear")


def test_a_county_level_citys_benshi_leader_is_its_own_tier_or_said(tmp_path):
    # 利川市政协 with relative {市: own}. By hand: 县政协 ... the office's own 市 is 县级 (30), a 批示 ×2:
    #   本市政协编发 + 本市市长刘某批示  县级 30 × 2 = 60   (the tool gave the 批示 at 市级, nothing said)
    #   本市政协编发 + 我市副市长李某批示 县级 30 × 2 = 60
    #   恩施州政协采用 + 州长王某批示     市级 100 × 2 = 200
    place = dict(name="利川市政协", full_name="政协利川市委员会", place="利川市", city="恩施土家族苗族自治州", province="湖北省")
    rows = [
        [1, dt.date(2026, 4, 2), "关于山区公路养护的建议", "向华", "本市政协编发", "本市市长刘某批示", None],
        [2, dt.date(2026, 4, 9), "关于茶园病虫害防治的建议", "谭敏", "本市政协编发", "我市副市长李某批示", None],
        [3, dt.date(2026, 4, 16), "关于州城公交的建议", "冉丽", "恩施州政协采用", "州长王某批示", None]]
    path = _ledger(tmp_path, "利川市政协2026年社情民意信息报送采用台账", rows)
    ledger, report = _read(path, _rules(**place, relative={"市": "own"}))
    assert list(ledger.instructions["level"]) == ["县级", "县级", "市级"]
    assert _yuan(ledger) == {"向华": Decimal("60.00"), "谭敏": Decimal("60.00"), "冉丽": Decimal("200.00")}
    assert not findings(report, "instruction.unknown_level")
    # Without relative the office has not said what its 市 means: 本市市长 is said at F3 and F4 (本市政协 at E3, E4), not guessed 市级.
    ledger, report = _read(path, _rules(**place))
    assert [(i.row, i.column) for i in findings(report, "instruction.unknown_level")] == [(3, "F"), (4, "F")]


def test_a_municipality_districts_city_adoption_in_the_passive_is_the_province_tier(tmp_path):
    # 西城区政协 of 北京市, relative {市: 省级}. By hand: 被市政协采用 and 经市政协《社情民意》采用 are 北京市政协's: 省级,
    # 200 each (the tool gave 市级, 100, nothing said); 本区政协编发 is the office's own: 县级, 30.
    rules = _rules(name="西城区政协", full_name="政协北京市西城区委员会", place="西城区", city="", province="北京市",
                   relative={"市": "省级"})
    path = _ledger(tmp_path, "西城区政协2026年社情民意信息台账", [
        [1, dt.date(2026, 4, 1), "关于胡同停车的建议", "刘洋", "被市政协采用", None, None],
        [2, dt.date(2026, 4, 8), "关于老楼加装电梯的建议", "陈静", "经市政协《社情民意》采用", None, None],
        [3, dt.date(2026, 4, 15), "关于社区养老驿站的建议", "赵磊", "本区政协编发", None, None]])
    ledger, report = _read(path, rules)
    assert _yuan(ledger) == {"刘洋": Decimal("200.00"), "陈静": Decimal("200.00"), "赵磊": Decimal("30.00")}


def test_a_banner_in_inner_mongolia_says_a_qu_zhengxie_it_cannot_place(tmp_path):
    # 正蓝旗政协 (锡林郭勒盟, 内蒙古自治区), relative left {}. By hand:
    #   盟政协采用 市级 100; 自治区政协《社情民意》第12期采用 省级 200; 旗政协编发第3期 + 旗委书记批示 县级 30 × 2 = 60;
    #   盟政协采用 + 盟委副书记、盟长批示 市级 100 × 2 = 200; 自治区政协采用 + 自治区主席批示 省级 200 × 2 = 400;
    #   区政协采用: in a 旗 of 内蒙古自治区 the 自治区's 政协 (区党委, 区政府) or a district's: the office's rules do not
    #   say which, so it is said at E7 and not counted (the tool placed it at 县级 as the office's own, 30, nothing said).
    rules = _rules(name="正蓝旗政协", full_name="政协正蓝旗委员会", place="正蓝旗", city="锡林郭勒盟", province="内蒙古自治区")
    rows = [
        [1, dt.date(2026, 1, 8), "关于牧区冬季饲草储备的建议", "张宝音", "盟政协采用", None, None],
        [2, dt.date(2026, 1, 15), "关于草原生态补奖资金发放的建议", "乌云", "自治区政协《社情民意》第12期采用", None, None],
        [3, dt.date(2026, 2, 3), "关于旗医院急诊能力建设的建议", "巴特尔", "旗政协编发第3期", "旗委书记李某某批示", None],
        [4, dt.date(2026, 2, 20), "关于牧民合作社贷款的建议", "其木格", "盟政协采用", "盟委副书记、盟长王某某批示", None],
        [5, dt.date(2026, 3, 5), "关于蒙汉双语教师队伍的建议", "萨仁", "区政协采用", None, None],
        [6, dt.date(2026, 3, 12), "关于边境口岸物流的建议", "额尔敦", "自治区政协采用", "自治区主席布某某批示", None]]
    path = _ledger(tmp_path, "正蓝旗政协2026年社情民意信息报送采用台账", rows)
    ledger, report = assert_every_cell_accounted(path, rules=rules, year=2026)
    said = findings(report, "adoption.level_unclear")
    assert [(i.row, i.column) for i in said] == [(7, "E")]
    assert "office.relative" in said[0].message
    got = _yuan(ledger)
    assert got.get("萨仁", Decimal(0)) == 0
    assert {k: v for k, v in got.items() if v} == {"张宝音": Decimal("100.00"), "乌云": Decimal("200.00"), "巴特尔": Decimal("60.00"),
                                                 "其木格": Decimal("200.00"), "额尔敦": Decimal("400.00")}
    # The office that writes how it means 区 ({区: 省级}, as the rules file's comment says) gets it counted: 省级, 200.
    rules = _rules(name="正蓝旗政协", full_name="政协正蓝旗委员会", place="正蓝旗", city="锡林郭勒盟", province="内蒙古自治区",
                   relative={"区": "省级"})
    ledger, report = _read(path, rules)
    assert _yuan(ledger)["萨仁"] == Decimal("200.00") and not findings(report, "adoption.level_unclear")


def test_a_county_of_a_prefecture_in_xinjiang_places_diqu_and_says_shi_and_qu(tmp_path):
    # 疏附县政协 (喀什地区, 新疆维吾尔自治区). By hand: 地区政协采用 市级 100; 县政协编发 + 地委书记批示 县级 30 × 2 = 60;
    # 地区政协采用 + 行署专员批示 市级 100 × 2 = 200; 自治区政协采用 省级 200. 市政协 (喀什市 is a county-level city, a peer)
    # and 区政协 (the 自治区's?) are at no tier the office's places say: said at E7 and E8, not counted (the tool gave
    # 市级 100 and 县级 30, nothing said); their 市长, 区党委书记 批示 are said too (instruction.unknown_level).
    rules = _rules(name="疏附县政协", full_name="政协疏附县委员会", place="疏附县", city="喀什地区", province="新疆维吾尔自治区")
    path = _ledger(tmp_path, "疏附县政协2026年社情民意信息采用登记表", [
        [1, dt.date(2026, 1, 8), "关于南疆冬季供暖的建议", "阿不都", "地区政协采用", None, None],
        [2, dt.date(2026, 1, 15), "关于棉花机采补贴的建议", "古丽", "县政协编发第2期", "地委书记张某某批示", None],
        [3, dt.date(2026, 2, 3), "关于乡村双语幼儿园的建议", "买买提", "地区政协采用", "行署专员艾某某批示", None],
        [4, dt.date(2026, 2, 20), "关于农村安居房的建议", "热依拉", "自治区政协采用", None, None],
        [5, dt.date(2026, 3, 5), "关于城乡公交的建议", "王强", "市政协采用", "市长刘某批示", None],
        [6, dt.date(2026, 3, 9), "关于红枣销售的建议", "李娜", "区政协采用", "区党委书记马某某批示", None]])
    ledger, report = _read(path, rules)
    assert [(i.row, i.column) for i in findings(report, "adoption.level_unclear")] == [(7, "E"), (8, "E")]
    assert [(i.row, i.column) for i in findings(report, "instruction.unknown_level")] == [(7, "F"), (8, "F")]
    assert {k: v for k, v in _yuan(ledger).items() if v} == {
        "阿不都": Decimal("100.00"), "古丽": Decimal("60.00"), "买买提": Decimal("200.00"), "热依拉": Decimal("200.00")}


def test_an_autonomous_county_under_a_city_says_a_zhou_zhengxie(tmp_path):
    # 宁蒗彝族自治县 under 丽江市 (a 地级市, no 州). By hand: 市政协采用 市级 100; 县政协编发 县级 30; 州政协采用 names a 州
    # the office is not in: said at E5, not counted (the tool gave 市级 100, nothing said).
    rules = _rules(name="宁蒗县政协", full_name="政协宁蒗彝族自治县委员会", place="宁蒗彝族自治县", city="丽江市", province="云南省")
    path = _ledger(tmp_path, "宁蒗彝族自治县政协2026年社情民意信息台账", [
        [1, dt.date(2026, 5, 6), "关于泸沽湖保护的建议", "杨春", "市政协采用", None, None],
        [2, dt.date(2026, 5, 12), "关于高寒山区饮水的建议", "和丽", "县政协编发", None, None],
        [3, dt.date(2026, 5, 20), "关于民族文化传承的建议", "木华", "州政协采用", None, None]])
    ledger, report = _read(path, rules)
    assert [(i.row, i.column) for i in findings(report, "adoption.level_unclear")] == [(5, "E")]
    assert {k: v for k, v in _yuan(ledger).items() if v} == {"杨春": Decimal("100.00"), "和丽": Decimal("30.00")}


def test_place_says_what_it_is_sure_of():
    # The plain county office keeps its words; a 自治州's 州 and 自治州 are the same; 北京市政协 is a name, not a 市.
    plain = _rules(name="东山县政协", full_name="政协东山县委员会", place="东山县", city="江州市", province="华阳省")
    assert [plain.place(b).tier for b in ("县政协", "市政协", "省政协", "本县政协编发", "北京市政协", "县级", "市级")] == \
        ["县级", "市级", "省级", "县级", "省级", "县级", "市级"]
    enshi = _rules(name="巴东县政协", full_name="政协巴东县委员会", place="巴东县", city="恩施州", province="湖北省")
    assert [enshi.place(b).tier for b in ("州政协", "自治州政协", "州长", "市政协")] == ["市级", "市级", "市级", None]
    # Rules whose places are still the shipped placeholders (示例县, 示例市) say no place to judge a word by: as before.
    shipped = sq.load_rules(year=2026)
    assert [shipped.place(b).tier for b in ("区政协", "州政协", "市政协")] == ["县级", "市级", "市级"]


def test_a_county_level_citys_own_mayor_written_with_its_name_is_its_own_tier():
    # 利川市政协 (relative {市: own}): 利川市市长 and 利川市副市长 are its own 市长, 县级, as 市长 alone is (they were 市级:
    # a 批示 counted at 市级, 10 points instead of 0). 恩施州州长 stays 市级; 北京市市长 for 西城区 is 省级.
    lichuan = _rules(name="利川市政协", full_name="政协利川市委员会", place="利川市", city="恩施土家族苗族自治州",
                     province="湖北省", relative={"市": "own"})
    assert [lichuan.leader_level_of(x) for x in ("利川市市长刘某", "利川市副市长王某", "市长刘某", "恩施州州长李某")] == \
        ["县级", "县级", "县级", "市级"]
    xicheng = _rules(name="西城区政协", full_name="政协北京市西城区委员会", place="西城区", city="", province="北京市",
                     relative={"市": "省级"})
    assert xicheng.leader_level_of("北京市市长某某") == "省级"


def test_a_word_of_the_offices_own_level_that_ends_none_of_its_places_is_its_own():
    # 临江区政协 (江州市, 华阳省) whose ledger writes its bulletin 县政协《社情民意》, as the demo city's districts do:
    # 县 ends none of its places and is of its own level: 县级, as before (the demo city's roll-up lost 14 县级
    # adoptions to "层级不明"). 区政协 in a 旗 of 内蒙古自治区 stays unclear: 区 ends the province's name.
    district = _rules(name="临江区政协", full_name="政协江州市临江区委员会", place="临江区", city="江州市", province="华阳省")
    assert [district.place(b).tier for b in ("县政协《社情民意》", "区政协", "市政协")] == ["县级", "县级", "市级"]
    banner = _rules(name="正蓝旗政协", full_name="政协正蓝旗委员会", place="正蓝旗", city="锡林郭勒盟", province="内蒙古自治区")
    assert banner.place("区政协").tier is None and banner.place("区政协").level_unclear
