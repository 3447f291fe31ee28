"""Bodies placed at the right tier and channel, relative to where the office stands (issue: 上报 vs 采用).

One line per case, with the answer written by hand; the office is set as offices set it in
their rules file (a county, a county-level city, a district of a 直辖市).
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest
import yaml

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx
from sqmy_lib.rules import load_rules
from sqmy_lib.rules.model import Rules

COUNTY = load_rules(year=2026)


def office(**office) -> Rules:
    data = copy.deepcopy(COUNTY.data)
    data["office"].update(office)
    return Rules(data)


@pytest.mark.parametrize("body,tier,channel", [
    ("宁夏回族自治区政协", "省级", "政协"),              # not 县级 for its 区政协
    ("北京市政协", "省级", "政协"),                      # a 直辖市 is a province
    ("重庆市政协", "省级", "政协"),
    ("北京市西城区政协", "县级", "政协"),                # the last level word decides
    ("XX市人民政府办公室", "市级", "党委政府"),           # full official names
    ("锡林郭勒盟行署", "市级", "党委政府"),
    ("阿拉善左旗政协", "县级", "政协"),
    ("伊犁哈萨克自治州政协", "市级", "政协"),
    ("长白朝鲜族自治县政协", "县级", "政协"),
    ("省政协信息专报", "省级", "政协"),                  # not 全国 for its 政协信息专报
    ("政协信息专报", "全国", "政协"),
    ("全国政协《政协信息专报》", "全国", "政协"),
    ("民盟省委", "省级", "民主党派统战"),                # a party's own channel
    ("民建中央", "全国", "民主党派统战"),
    ("市委统战部", "市级", "民主党派统战"),
    ("市委办《每日要情》", "市级", "党委政府"),
    ("转送县民政局", "县级", "部门"),                    # a 转送 is counted, not an error
    ("县市场监管局", "县级", "部门"),                    # 市场 is not a level
    ("本级编发", "县级", "政协"),
    ("《社情民意》第3期", "县级", "政协"),
    ("社情民意专报", "县级", "政协"),
    ("九三学社", None, "民主党派统战"),                  # no level: a finding, never a guess
    ("市级", "市级", "政协"),                            # a level alone: the office's own line
    ("省里采用", "省级", "政协"),
    ("省上采用", "省级", "政协"),
    ("地市级", "市级", "政协"),
    ("本刊采用", "县级", "政协"),                        # the office's own words (rules 2025.4: 本刊, 我会, 本办, 我办)
    ("我办采用", "县级", "政协"),                        # were no tier: an error at a cell that is right
    ("县纪委", "县级", "党委政府"),                      # a Party organ (rules 2025.4: 纪委, 监委, 政法委), not a 部门
    ("市级（第5期）", "市级", "政协"),
    ("示例市", "市级", "政协"),                          # the city's name alone
    ("市日报刊发", "市级", None),                        # a level and an owner no channel lists (was 政协,
    ("县电视台采用", "县级", None),                      # paid as the office's line): said
    ("市总工会", "市级", None),
    ("市采", "市级", "政协"),                            # shorthand for 市级采用 (was no channel: said, not counted)
    ("省用", "省级", "政协"),
    ("县编", "县级", "政协"),
    ("市编办", "市级", "部门"),                          # 编 alone is shorthand, 编办 an office of its own
    ("市采购中心", "市级", "部门"),
])
def test_bodies_are_placed(body, tier, channel):
    placed = COUNTY.place(body)
    assert (placed.tier, placed.channel) == (tier, channel), placed


def test_a_body_of_a_level_and_an_unknown_owner_is_said_and_not_counted(tmp_path):
    # 市日报刊发, 县电视台采用 were the office's own line at 市级/县级 (¥100, ¥30), unsaid: a newspaper is
    # no 政协. They count for nothing and are said (adoption.unknown_channel); 市级采用 stays ¥100.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期", "采用情况"],
            [1, "关于甲的建议", "张三", "民革县委", "2025-03-01", "市级采用"],
            [2, "关于乙的建议", "李四", "民盟县委", "2025-03-02", "市日报刊发"],
            [3, "关于丙的建议", "王五", "民建县委", "2025-03-03", "县电视台采用"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "c.xlsx", {"2025年": rows}), year=2025)
    said = [(f.row, f.column, f.severity) for f in sq.validate(ledger).issues if f.code == "adoption.unknown_channel"]
    assert said == [(3, "F", "warning"), (4, "F", "warning")]
    assert sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict() == {"张三": 10000}


def test_a_bodys_website_or_wechat_account_publishes_it_does_not_adopt(tmp_path):
    # 市政协网站刊发 and 县政协公众号 were adoptions by 政协 at 市级/县级 (¥100, ¥30), unsaid: publishing on a
    # website or a WeChat account is no 社情民意 adoption. By hand (rules 2025.5 media_words): they count
    # for nothing and are said; 市政协《社情民意》 stays ¥100.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期", "采用情况"],
            [1, "关于甲的建议", "张三", "民革县委", "2025-03-01", "市政协《社情民意》"],
            [2, "关于乙的建议", "李四", "民盟县委", "2025-03-02", "市政协网站刊发"],
            [3, "关于丙的建议", "王五", "民建县委", "2025-03-03", "县政协公众号"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "m.xlsx", {"2025年": rows}), year=2025)
    said = [(f.row, f.column) for f in sq.validate(ledger).issues if f.code == "adoption.unknown_channel"]
    assert said == [(3, "F"), (4, "F")]
    assert sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict() == {"张三": 10000}
    assert sq.summary(ledger, 2025).adopted == 1


def test_a_pishi_by_a_department_or_party_head_is_said_and_not_counted(tmp_path):
    # 县教育局局长批示 and 民革市委主委批示 doubled the item's reward (¥200) and counted as 批示 of 县级/市级,
    # unsaid; the speeches' 批示 are the Party's and government's leaders' (L48). By hand: 张三 ¥100, 王五
    # ¥100, 李四 ¥200 (县长); one 批示 counted, at 县级; the two said at their cells.
    rows = [["序号", "信息标题", "作者", "单位", "报送日期", "采用情况", "领导批示"],
            [1, "关于甲的建议", "张三", "民革县委", "2025-03-01", "市政协采用", "县教育局局长批示"],
            [2, "关于乙的建议", "李四", "民盟县委", "2025-03-02", "市政协采用", "县长批示"],
            [3, "关于丙的建议", "王五", "民建县委", "2025-03-03", "市政协采用", "民革市委主委批示"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "p.xlsx", {"2025年": rows}), year=2025)
    said = [(f.row, f.column) for f in sq.validate(ledger).issues if f.code == "instruction.leader_not_counted"]
    assert said == [(2, "G"), (4, "G")]
    paid = sq.reward_lines(ledger, 2025).groupby("beneficiary")["amount_fen"].sum().to_dict()
    assert paid == {"张三": 10000, "李四": 20000, "王五": 10000}
    assert [COUNTY.leader_counts(w) for w in ("县纪委书记", "县政法委书记", "县教育局党组书记", "县卫健委主任")] == [
        True, True, False, False]
    summary = sq.summary(ledger, 2025)
    assert (summary.instructions, summary.instructions_by_level["县级"], summary.instructions_by_level["市级"]) == (1, 1, 0)


def test_routing_words_are_the_offices_products():
    assert COUNTY.place("社情民意专报").routing == "专报"
    assert COUNTY.place("转送县民政局").routing == "转送"
    assert COUNTY.place("省政协信息专报").routing == ""  # another body's 专报, not the office's


def test_a_county_level_citys_own_bodies_are_its_own_tier():
    lichuan = office(name="利川市政协", place="利川市", city="恩施州", province="湖北省", relative={"市": "own"})
    assert lichuan.tier_of("利川市政协") == "县级"
    assert lichuan.tier_of("市政协") == "县级"          # 市 at the start means its own city
    assert lichuan.tier_of("恩施州政协") == "市级"
    assert lichuan.tier_of("州政协") == "市级"
    assert lichuan.tier_of("湖北省政协") == "省级"
    assert lichuan.leader_level_of("副市长李某") == "县级"
    assert lichuan.leader_level_of("州长王某") == "市级"
    # The default (a county under a city) reads the same words otherwise.
    assert COUNTY.tier_of("市政协") == "市级" and COUNTY.leader_level_of("副市长李某") == "市级"


def test_a_city_offices_province_is_the_province_level():
    # 宜昌市政协 (市级) with its province written as the setup asks: 湖北省… was placed two tiers above
    # the office (全国: 300 yuan, 30 points for a 省级 adoption).
    yichang = office(name="宜昌市政协", own_tier="市级", place="宜昌市", city=None, province="湖北省")
    assert [yichang.tier_of(b) for b in ("湖北省政协", "民盟湖北省委", "湖北省恩施州政协", "宜昌市夷陵区政协", "宜昌市政协")] == [
        "省级", "省级", "市级", "县级", "市级"]
    assert yichang.leader_level_of("湖北省委书记") == "省级" and yichang.leader_level_of("宜昌市夷陵区委书记") == "县级"


def test_the_most_specific_place_decides():
    # A place name of the office's anywhere in a name decided it, though a more specific one followed.
    lichuan = office(name="利川市政协", place="利川市", city="恩施土家族苗族自治州", province="湖北省", relative={"市": "own"})
    assert [lichuan.tier_of(b) for b in ("湖北省宜昌市政协", "湖北省恩施土家族苗族自治州利川市政协",
                                         "政协湖北省恩施土家族苗族自治州利川市委员会", "利川市委")] == ["市级", "县级", "县级", "县级"]
    xicheng = office(name="西城区政协", place="西城区", city=None, province="北京市", relative={"市": "省级"})
    assert (xicheng.tier_of("北京市东城区政协"), xicheng.tier_of("北京市政协")) == ("县级", "省级")
    # A title before the post keeps the office's reading of 市 (市委常委、常务副市长: 利川's own; 北京's).
    assert lichuan.leader_level_of("市委常委、常务副市长刘某某") == "县级"
    assert xicheng.leader_level_of("市委常委、副市长李某某") == "省级"


def test_a_county_level_city_in_its_zhous_roll_up_reads_shi_as_its_own():
    # 恩施州 (市级) rolling up 利川市政协: 利川's 市政协编发 and 市长 were 市级 (10 points, not 3).
    zhou = office(name="恩施州政协", own_tier="市级", place="恩施州", city=None, province="湖北省")
    lichuan, badong = zhou.for_office("县级", "利川市政协"), zhou.for_office("县级", "巴东县政协")
    assert (lichuan.tier_of("市政协编发"), lichuan.leader_level_of("市长"), lichuan.tier_of("州政协")) == ("县级", "县级", "市级")
    # 巴东县's 市长 is no leader of its 州 (恩施州 has a 州长; a 市长 there is a county-level city's, 恩施市's or 利川市's):
    # its level is not known, said (it was 市级, a guess).
    assert (badong.tier_of("县政协编发"), badong.leader_level_of("市长"), badong.tier_of("湖北省政协")) == ("县级", None, "省级")
    assert badong.leader_level_of("州长") == "市级"


def test_a_municipal_district_reads_shi_as_the_province_level():
    district = office(name="河北区政协", place="河北区", city=None, province="天津市", relative={"市": "省级"})
    assert district.tier_of("市政协") == "省级"
    assert district.tier_of("区政协编发") == "县级"
    assert district.tier_of("全国政协") == "全国"
    # 市级 as a word is read as 市 is (市级领导: the municipality's, 省级); 区级 stays the district's.
    assert (district.tier_of("市级领导批示"), district.leader_level_of("市级领导"), district.tier_of("区级")) == ("省级", "省级", "县级")
    lichuan = office(name="利川市政协", place="利川市", city="恩施州", province="湖北省", relative={"市": "own"})
    assert (lichuan.leader_level_of("市级领导"), lichuan.tier_of("州级")) == ("县级", "市级")


def test_rules_place_command_json(tmp_path):
    from conftest import sqmy

    result = sqmy("rules", "place", "省政协信息专报", "转送县民政局", "九三学社", "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["body"], r["tier"], r["channel"]) for r in rows] == [
        ("省政协信息专报", "省级", "政协"), ("转送县民政局", "县级", "部门"), ("九三学社", None, "民主党派统战")]
    assert all(set(r) == {"body", "tier", "channel", "rule"} for r in rows)
    assert result.returncode == 1  # one body no rule places


def test_a_body_is_one_body_whatever_verb_follows_it(tmp_path):
    # 采纳, 录用, 刊用 and 单篇/综合采用 are how offices write one body's adoption: the figures by body
    # name 市政协 four times and 省政协 once, not 市政协采纳 and 市政协综合 as bodies of their own.
    rows = [["收稿日期", "信息标题", "作者", "采用情况"],
            ["2025-03-01", "关于甲的建议", "张三", "市政协采用"],
            ["2025-03-02", "关于乙的建议", "李四", "市政协采纳"],
            ["2025-03-03", "关于丙的建议", "王五", "被市政协《社情民意》采纳"],
            ["2025-03-04", "关于丁的建议", "赵六", "市政协综合采用"],
            ["2025-03-05", "关于戊的建议", "钱七", "省政协单篇录用"]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"一季度": rows}))
    s = sq.summary(ledger, 2025)
    assert s.adopted_by_body["市级"] == {"市政协": 4}
    assert s.adopted_by_body["省级"] == {"省政协": 1}


def test_figures_count_forwards_channels_and_routing_apart(tmp_path):
    """A county office's year, every figure worked out by hand below."""
    rows = [
        ["序号", "收稿日期", "信息标题", "作者", "采用情况", "上报情况"],
        [1, "2025-03-01", "关于甲的建议", "张三", "县政协编发第1期", "报送市政协"],        # 县级; 上报 市级, not adopted there
        [2, "2025-03-02", "关于乙的建议", "李四", "市政协采用", "报送市政协"],              # 市级; 上报 市级 and adopted
        [3, "2025-03-03", "关于丙的建议", "王五", "市委办《每日要情》第6期", ""],          # 市级, 党委政府
        [4, "2025-03-04", "关于丁的建议", "赵六", "民盟省委采用", ""],                    # 民主党派统战: counted apart, unpaid
        [5, "2025-03-05", "关于戊的建议", "钱七", "转送县民政局", ""],                    # 转送: 部门
        [6, "2025-03-06", "关于己的建议", "孙八", "县政协《社情民意专报》第2期", "报省政协"],  # 专报 (县级); 上报 省级
        [7, "2025-03-07", "关于庚的建议", "周九", "不采用", "已上报"],                    # 上报 to the level above (市级)
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"一季度": rows})
    ledger, _ = assert_every_cell_accounted(path)
    s = sq.summary(ledger, 2025)
    assert s.adopted_by_tier == {"县级": 2, "市级": 2, "省级": 0, "全国": 0}  # items 1, 6; 2, 3
    assert s.adopted_by_channel == {"政协": 3, "党委政府": 1, "民主党派统战": 1, "部门": 1}
    assert s.routing == {"专报": 1, "转报": 0, "转送": 1}
    # 上报 市级: items 1, 2, 7 written, and 3 adopted by 市委办 (it went there); 省级: item 6.
    assert s.forwarded == {"市级": 4, "省级": 1, "全国": 0}
    assert s.forwarded_adopted == 2 and s.upper_adoption_rate == 0.4
    assert s.adopted_by_body["市级"] == {"市政协": 1, "市委办": 1}
    paid = sq.rewards(ledger, 2025)
    assert dict(zip(paid["name"], paid["amount"])) == {
        "李四": Decimal("100.00"), "王五": Decimal("100.00"), "张三": Decimal("30.00"), "孙八": Decimal("30.00")}
    units = sq.people(ledger, 2025).set_index("name")
    assert units.loc["张三", "forwarded"] == 1 and units.loc["张三", "forwarded_adopted"] == 0
    assert units.loc["李四", "forwarded_adopted"] == 1


CHANNEL_CASES = [
    ("民盟市委《盟讯》", "民主党派统战"),   # 民盟's 市委, not the Party's: a party's name makes it the party's
    ("市委统战部", "民主党派统战"),        # the 统战部's own line (domain.md §8)
    ("民盟市委转市委办", "民主党派统战"),  # a party's name anywhere
    ("市委办公室", "党委政府"),            # 市委 starts first; 委 and 办 (部门) lie inside or after it
    ("省政协办公厅", "政协"),              # 政协 starts before 办公厅
    ("XX市人民政府办公室", "党委政府"),
    ("县民政局", "部门"),
]


@pytest.mark.parametrize("key_order", ["as shipped", "sorted", "reversed"])
def test_the_channel_does_not_depend_on_the_order_of_the_channels(tmp_path, key_order):
    # An office's 规则.yaml re-saved by yaml.safe_dump sorts the keys: 党委政府 came before 民主党派统战
    # and 民盟市委《盟讯》 was placed 党委政府 (paid, scored). Each answer above is worked out by hand.
    data = copy.deepcopy(COUNTY.data)
    words = data["placement"]["channel_words"]
    if key_order != "as shipped":
        names = sorted(words) if key_order == "sorted" else list(reversed(words))
        data["placement"]["channel_words"] = {n: words[n] for n in names}
    path = tmp_path / "规则.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=key_order == "sorted"), encoding="utf-8")
    rules = load_rules(path=str(path))
    assert [(b, rules.place(b).channel) for b, _ in CHANNEL_CASES] == CHANNEL_CASES
