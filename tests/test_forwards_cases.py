"""A city office (示例市政协, 市级) that keeps 上报 apart from 采用: its 报送台账 has 是否上报 | 上报渠道 |
上报单位 | 报送省政协日期 columns, and a separate 上报台账 sheet has one row per 上报 (编号 | 标题 | 上报日期 |
上报单位 | 采用情况), where staff write what became of it upstream.

Before, the 上报台账 was read as a second ledger of items: its 上报日期 taken for a 收稿日期 (a 上报时间 is
the submission's day in a ledger of items), its rows five more items "by" 省政协, 全国政协, 省委办公厅 (报送 11
instead of 6), each 省政协采用 there an adoption of a phantom item. Every answer below was worked out by
hand from the shipped 2026 rules, the office placed at 市级 (own bulletin 《社情民意》 市级; rewards 市级 100,
省级 200, 全国 300 yuan, highest tier only; points 1 a submission + 10/20/30 for the highest adoption).
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.period import Period
from sqmy_lib.rules import Rules

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

HEAD = ["序号", "报送日期", "信息标题", "报送单位", "作者", "采用情况", "是否上报", "上报渠道", "上报单位", "报送省政协日期", "备注"]
ITEMS = [
    # 1 Q1: own bulletin (市级), sent to 省政协 1-20, adopted there (上报台账)
    [1, dt.date(2026, 1, 10), "关于加强农村饮水安全的建议", "民盟市委", "张三", "《社情民意》第2期", "是", "报省政协", "省政协", dt.date(2026, 1, 20), None],
    # 2 Q1: 市政协采用, sent to 全国政协 2-15, not adopted there
    [2, dt.date(2026, 2, 5), "关于电动车充电设施的建议", "民建市委", "李四", "市政协采用", "是", "报全国政协", None, None, None],
    # 3 Q1: not sent, not adopted
    [3, dt.date(2026, 3, 1), "关于规范校外培训的建议", "九三学社市委", "王五", None, "否", None, None, None, None],
    # 4 Q2: adopted by 全国政协 with no 上报 written (counted among the 上报, README)
    [4, dt.date(2026, 4, 2), "关于老旧小区改造的建议", "民盟市委", "赵六", "全国政协采用", None, None, None, None, None],
    # 5 Q2: sent to 省委办公厅 (省级), nothing came of it
    [5, dt.date(2026, 5, 6), "关于乡村物流的建议", "民建市委", "孙七", None, "是", "报省委办公厅", "省委办公厅", None, None],
    # 6 Q2: own bulletin, sent to 省政协 and 全国政协, adopted by both
    [6, dt.date(2026, 5, 20), "关于养老服务的建议", "九三学社市委", "周八", "《社情民意》第9期", "是", "报省政协、报全国政协", "省政协、全国政协", dt.date(2026, 5, 28), None],
]


def _city_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="示例市政协", full_name="中国人民政治协商会议示例市委员会", own_tier="市级",
                          place="示例市", city="", province="示例省")
    return Rules(data=data, source="<测试>")


def _forward_sheet(body_label: str) -> list[list]:
    return [
        ["编号", "标题", "上报日期", body_label, "采用情况"],
        [1, "关于加强农村饮水安全的建议", dt.date(2026, 1, 20), "省政协", "省政协采用"],
        [2, "关于电动车充电设施的建议", dt.date(2026, 2, 15), "全国政协", "未采用"],
        [5, "关于乡村物流的建议", dt.date(2026, 5, 10), "省委办公厅", None],
        [6, "关于养老服务的建议", dt.date(2026, 5, 28), "省政协", "省政协采用"],
        [6, "关于养老服务的建议", dt.date(2026, 6, 2), "全国政协", "全国政协采用"],
    ]


def _book(tmp_path, body_label: str = "上报单位"):
    path = write_xlsx(tmp_path / "2026年社情民意信息台账.xlsx",
                      {"报送台账": [["示例市政协2026年社情民意信息报送台账"], HEAD, *ITEMS], "上报台账": _forward_sheet(body_label)})
    rules = _city_rules()
    ledger = sq.read_ledgers(path, rules=rules, year=2026)
    return path, rules, ledger


def _unit_figures(ledger, rules, quarter: int) -> dict:
    u = sq.units(ledger, Period.of(2026, quarter), rules=rules)
    return {r.unit: (r.submitted, r.forwarded, r.forwarded_adopted, r.points) for r in u.itertuples()}


def test_forward_ledger_rows_are_forwards_of_the_items_not_items(tmp_path):
    path, rules, ledger = _book(tmp_path)
    report = sq.validate(ledger, rules)
    # Hand: the 报送台账's six items only (before: 11, the 上报台账's five rows items of 省政协 …).
    assert len(ledger.submissions) == 6
    assert sorted(ledger.submissions["title"]) == sorted(row[2] for row in ITEMS)
    # Adoptions by item (0-based) and tier: 1 市级+省级, 2 市级, 4 全国, 6 市级+省级+全国.
    assert sorted(zip(ledger.adoptions["item"], ledger.adoptions["tier"].astype(str))) == [
        (0, "市级"), (0, "省级"), (1, "市级"), (3, "全国"), (5, "全国"), (5, "市级"), (5, "省级")]
    # 上报: item 1 省 (1-20), 2 全国 (2-15, the 上报台账's day), 5 省委办公厅 省级 (5-10), 6 省 (5-28) and 全国 (6-2);
    # 省政协 of items 1 and 6 written in both sheets is one 上报 each (forward.repeated).
    fw = ledger.forwards
    assert sorted(zip(fw["item"], fw["tier"].astype(str), fw["date"].dt.date)) == [
        (0, "省级", dt.date(2026, 1, 20)), (1, "全国", dt.date(2026, 2, 15)), (4, "省级", dt.date(2026, 5, 10)),
        (5, "全国", dt.date(2026, 6, 2)), (5, "省级", dt.date(2026, 5, 28))]
    assert not [i for i in report.issues if i.severity == "error" or i.code.startswith(("sheet.", "author."))]
    assert findings(report, "forward.repeated")
    # Every cell read or said: the 上报日期 and 是否上报 of a 上报 written in both sheets are that 上报's.
    assert_every_cell_accounted(path, ledger=ledger, report=report, rules=rules)
    # Rewards, highest tier: 张三 省级 200, 李四 市级 100, 赵六 全国 300, 周八 全国 300; 王五, 孙七 nothing.
    assert paid(ledger, 2026) == {"张三": Decimal("200.00"), "李四": Decimal("100.00"),
                                  "赵六": Decimal("300.00"), "周八": Decimal("300.00")}
    # Per unit and quarter: (报送, 上报, 上报被采用, 积分).
    # Q1: 民盟 item 1 → 1 submitted, 上报 1, adopted above 1, 1 + 20 (省级) = 21; 民建 item 2 → 1, 1, 0,
    #     1 + 10 = 11; 九三 item 3 → 1, 0, 0, 1.
    assert _unit_figures(ledger, rules, 1) == {"民盟市委": (1, 1, 1, 21), "民建市委": (1, 1, 0, 11), "九三学社市委": (1, 0, 0, 1)}
    # Q2: 民盟 item 4 (全国 with no 上报 written: counted a 上报) → 1, 1, 1, 1 + 30 = 31; 民建 item 5 → 1, 1, 0, 1;
    #     九三 item 6 → 1, 1, 1, 1 + 30 = 31.
    assert _unit_figures(ledger, rules, 2) == {"民盟市委": (1, 1, 1, 31), "民建市委": (1, 1, 0, 1), "九三学社市委": (1, 1, 1, 31)}
    # Year: 上报 items 1, 2, 4, 5, 6 by highest level: 省级 1 and 5, 全国 2, 4 and 6; adopted above: 1, 4, 6.
    summary = sq.summary(ledger, 2026, rules=rules)
    assert summary.submitted == 6
    assert summary.forwarded == {"省级": 2, "全国": 3}
    assert summary.forwarded_adopted == 3


def test_forward_ledger_row_with_nothing_adopted_is_no_adoption(tmp_path):
    """The same 上报台账 with its body column headed 报送单位: the 乡村物流 row's 采用情况 left blank (nothing came
    of it) is no adoption with its body left blank (before: one more item; an adoption.no_body error there
    once it was a reference). The figures are the 报送台账's, as above."""
    path, rules, ledger = _book(tmp_path, "报送单位")
    report = sq.validate(ledger, rules)
    assert len(ledger.submissions) == 6
    assert not findings(report, "adoption.no_body")
    assert not [i for i in report.issues if i.severity == "error"]
    assert paid(ledger, 2026) == {"张三": Decimal("200.00"), "李四": Decimal("100.00"),
                                  "赵六": Decimal("300.00"), "周八": Decimal("300.00")}
    summary = sq.summary(ledger, 2026, rules=rules)
    assert summary.forwarded == {"省级": 2, "全国": 3} and summary.forwarded_adopted == 3


def test_an_offices_only_ledger_named_shangbao_is_still_its_items(tmp_path):
    """Guard (passes on the base too): a county's 信息上报登记表, its only ledger, 上报时间 the day each
    unit sent its item in: two items dated by it, 县政协编发 one 县级 adoption, nothing said about 采用台账."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"信息上报登记表": [
        ["序号", "上报时间", "信息标题", "报送单位", "采用情况"],
        [1, dt.date(2026, 1, 10), "关于加强农村饮水安全的建议", "民盟县委", "县政协编发"],
        [2, dt.date(2026, 2, 5), "关于电动车充电设施的建议", "民建县委", "未采用"]]})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert list(ledger.submissions["date"].dt.date) == [dt.date(2026, 1, 10), dt.date(2026, 2, 5)]
    assert list(ledger.submissions["unit"]) == ["民盟县委", "民建县委"]
    assert list(ledger.adoptions["tier"].astype(str)) == ["县级"]
    assert not findings(report, "sheet.items_from_adoptions")
