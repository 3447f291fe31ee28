"""A province office (东江省政协, 省级) keeping its ledger as a 信息处 does: units are the cities' 政协,
the parties' 省委, 省工商联 and the 专委会; adoptions go up to 全国政协 and 中办国办, and 批示 come from
中央 as well as the province. Every answer below was worked out by hand from the rules' defaults
(rewards 省级 200, 全国 300 yuan, ×2 with a 批示; points 1 a submission, 省级 20 / 全国 30 an adoption,
批示 省级 +20 / 国家级 +30, highest only)."""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "报送单位", "作者", "采用情况", "领导批示", "备注"]


def _province_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="东江省政协", full_name="中国人民政治协商会议东江省委员会", own_tier="省级",
                          place="东江省", city="", province="")
    return Rules(data=data, source="<测试>")


def _ledger(tmp_path, rows):
    path = write_xlsx(tmp_path / "2026年社情民意信息台账.xlsx",
                      {"2026年": [["2026年东江省政协社情民意信息报送采用情况登记表"], HEADER, *rows]},
                      {"2026年": ["A1:H1"]})
    rules = _province_rules()
    ledger = sq.read_ledgers(path, rules=rules, year=2026)
    return path, rules, ledger


def test_a_national_leader_listed_with_a_provincial_one_is_two_instructions(tmp_path):
    """`国家领导人、省委书记批示` names two leaders, a national and a provincial one. Before, 国家领导人 was
    read as a person called 人 (国家 and 领导 taken as posts), 省委书记 joined to him as his title, and the
    one leader placed by the last level word: 省级. The 国家级 批示 was lost without a word."""
    rows = [
        [1, dt.date(2026, 1, 12), "关于中小企业融资难的建议", "青山市政协", "张三", "《社情民意》第5期", "国家领导人、省委书记批示", None],
        [2, dt.date(2026, 2, 3), "关于城市内涝治理的建议", "白水市政协", "李四", "《社情民意》第8期", "中央领导同志、省长批示", None],
        [3, dt.date(2026, 2, 9), "关于耕地保护的建议", "民盟省委", "王五", "《社情民意》第9期", "省委书记、党和国家领导人批示", None],
    ]
    path, rules, ledger = _ledger(tmp_path, rows)
    ins = ledger.instructions
    # Hand: row 3 → 国家领导人 (国家级), 省委书记 (省级); row 4 → 中央领导同志 (国家级), 省长 (省级);
    # row 5 → 省委书记 (省级), 党和国家领导人 (国家级): six 批示, two to an item.
    assert sorted(zip(ins["row"], ins["leader"], ins["level"])) == [
        (3, "国家领导人", "国家级"), (3, "省委书记", "省级"),
        (4, "中央领导同志", "国家级"), (4, "省长", "省级"),
        (5, "党和国家领导人", "国家级"), (5, "省委书记", "省级"),
    ]
    report = sq.validate(ledger, rules)
    # Posts with no names: each counted as one leader, and said at the cell.
    assert [(i.row, i.column) for i in findings(report, "instruction.posts_only")] == [(3, "G"), (4, "G"), (5, "G")]
    assert_every_cell_accounted(path, ledger=ledger, report=report, rules=rules)
    # Rewards: each item adopted at 省级 (own 《社情民意》) with a 批示: 200 × 2 = 400 yuan.
    assert paid(ledger, 2026) == {"张三": Decimal("400.00"), "李四": Decimal("400.00"), "王五": Decimal("400.00")}
    # Points: 1 submission + 20 (省级 adoption) + 30 (highest 批示 国家级) = 51 for each unit (before: 41).
    units = sq.units(ledger, 2026, rules).set_index("unit")
    assert units.loc[["青山市政协", "白水市政协", "民盟省委"], "points"].tolist() == [51, 51, 51]


def test_a_politburo_rank_before_a_post_is_one_leader(tmp_path):
    """`中共中央政治局委员、国务院副总理某某某批示` is one person's 批示: the rank, then the post and name (as
    `市委常委、副市长刘某` is). Before, 政治局 was left over as a name, so the rank counted as a leader of its
    own: two 国家级 批示 where there was one, with nothing said."""
    rows = [
        [1, dt.date(2026, 3, 2), "关于职业教育的建议", "青山市政协", "张三", "全国政协采用", "中共中央政治局委员、国务院副总理某某某批示", None],
        [2, dt.date(2026, 3, 9), "关于文旅融合的建议", "白水市政协", "李四", "《社情民意》第9期", "中共中央政治局委员、省委书记批示", None],
        [3, dt.date(2026, 3, 16), "关于数字政府的建议", "省工商联", "王五", "全国政协《信息专报》第3期", "中共中央政治局常委、国务院总理批示", None],
    ]
    path, rules, ledger = _ledger(tmp_path, rows)
    ins = ledger.instructions
    # Hand: one 批示 a row. Row 3: 国务院副总理 → 国家级; row 4: the 省委书记 (who sits on the 政治局) → 省级,
    # the last level word as for any leader; row 5: 国务院总理 → 国家级.
    assert sorted(zip(ins["row"], ins["level"])) == [(3, "国家级"), (4, "省级"), (5, "国家级")]
    report = sq.validate(ledger, rules)
    assert_every_cell_accounted(path, ledger=ledger, report=report, rules=rules)
    # Rewards: 全国 300 × 2 = 600; 省级 200 × 2 = 400; 全国 300 × 2 = 600.
    assert paid(ledger, 2026) == {"张三": Decimal("600.00"), "李四": Decimal("400.00"), "王五": Decimal("600.00")}
    # The 批示 count the circular and the units table report: one per item (before: 2, 1, 2).
    units = sq.units(ledger, 2026, rules).set_index("unit")
    assert units.loc[["青山市政协", "白水市政协", "省工商联"], "instructed"].tolist() == [1, 1, 1]
    assert len(sq.instructions(ledger, 2026, rules)) == 3


def test_a_column_of_items_sent_to_a_body_is_a_forward_not_an_adoption(tmp_path):
    """A province office ticks what it sent on to 中办国办 and 全国政协 beside what it adopted itself:
    `采用情况` over `省政协《社情民意》 | 全国政协采用 | 报中办国办 | 已报全国政协`. Sent is not adopted (上报 is not
    采用, L77). Before, `报中办国办` and `已报全国政协` (forwarding words other than 报送/上报) were read as
    adoptions by those bodies: each ticked item paid at 全国 (300) instead of 省级 (200), no word said."""
    rows = [
        ["2026年东江省政协社情民意信息登记表"],
        ["序号", "报送单位", "作者", "信息标题", "报送日期", "采用情况", None, None, None, "备注"],
        [None, None, None, None, None, "省政协《社情民意》", "全国政协采用", "报中办国办", "已报全国政协", None],
        [1, "青山市政协", "张三", "关于A的建议", dt.date(2026, 1, 5), "第1期", None, "√", None, None],
        [2, "白水市政协", "李四", "关于B的建议", dt.date(2026, 1, 9), "第2期", None, None, "√", None],
        [3, "省工商联", "王五", "关于C的建议", dt.date(2026, 1, 19), "第3期", "√", "√", None, None],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows},
                      {"2026年": ["A1:J1", "F2:I2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "J2:J3"]})
    rules = _province_rules()
    ledger = sq.read_ledgers(path, rules=rules, year=2026)
    # Hand: adoptions are the 《社情民意》 issues (省级) of rows 4-6 and 全国政协's of row 6; 上报 to 全国 on
    # rows 4 (中办国办), 5 (全国政协) and 6 (中办国办).
    ad = ledger.adoptions
    assert sorted(zip(ad["row"], ad["tier"])) == [(4, "省级"), (5, "省级"), (6, "全国"), (6, "省级")]
    fw = ledger.forwards
    assert sorted(zip(fw["row"], fw["column"], fw["tier"])) == [(4, "H", "全国"), (5, "I", "全国"), (6, "H", "全国")]
    report = sq.validate(ledger, rules)
    assert_every_cell_accounted(path, ledger=ledger, report=report, rules=rules)
    # Rewards by highest tier: 张三 省级 200, 李四 省级 200, 王五 全国 300 (before: 300, 300, 300).
    assert paid(ledger, 2026) == {"张三": Decimal("200.00"), "李四": Decimal("200.00"), "王五": Decimal("300.00")}


def test_a_yes_no_column_of_sending_to_a_body_is_a_forward(tmp_path):
    """`是否报送全国政协` beside `省政协采用期数`, one row of headers: `是` there says it was sent, not adopted.
    Before, the column was read as 全国政协's adoptions: 300 yuan where the hand answer is 200."""
    rows = [
        ["序号", "报送单位", "作者", "信息标题", "报送日期", "省政协采用期数", "是否报送全国政协"],
        [1, "青山市政协", "张三", "关于A的建议", dt.date(2026, 1, 5), "第1期", "是"],
        [2, "白水市政协", "李四", "关于B的建议", dt.date(2026, 1, 9), "第2期", "否"],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})
    rules = _province_rules()
    ledger = sq.read_ledgers(path, rules=rules, year=2026)
    assert sorted(zip(ledger.adoptions["row"], ledger.adoptions["tier"])) == [(2, "省级"), (3, "省级")]
    assert sorted(zip(ledger.forwards["row"], ledger.forwards["tier"])) == [(2, "全国")]
    report = sq.validate(ledger, rules)
    assert_every_cell_accounted(path, ledger=ledger, report=report, rules=rules)
    # Hand: each adopted in the 省政协's own 《社情民意》 only: 200 yuan each.
    assert paid(ledger, 2026) == {"张三": Decimal("200.00"), "李四": Decimal("200.00")}


def test_an_issue_written_with_the_body_before_how_it_was_taken_up_is_kept(tmp_path):
    """`全国政协《信息专报》第3期（综合）`: 全国政协 took the item up, merged with others (综合), in issue 3. Before,
    the bracketed 综合 made the cell a body with its mark and the 第3期 was dropped: no issue recorded (the
    采用证明 and the lists show none), nothing said; written without the bracket, the issue was kept."""
    rows = [
        [1, dt.date(2026, 1, 5), "关于A的建议", "青山市政协", "张三", "全国政协《信息专报》第3期（综合）", None, None],
        [2, dt.date(2026, 1, 9), "关于B的建议", "白水市政协", "李四", "全国政协《信息专报》第7期(摘报)", None, None],
    ]
    path, rules, ledger = _ledger(tmp_path, rows)
    ad = ledger.adoptions.sort_values("row")
    # Hand: two 全国 adoptions, issues 3 and 7.
    assert list(zip(ad["row"], ad["tier"], ad["issue_no"].astype(str))) == [(3, "全国", "3"), (4, "全国", "7")]
    assert_every_cell_accounted(path, ledger=ledger, rules=rules)
    assert paid(ledger, 2026) == {"张三": Decimal("300.00"), "李四": Decimal("300.00")}
