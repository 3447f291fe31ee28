"""补差 (rewards.top_up, issue 13): an item that reaches a higher tier, or is instructed, in a later
period is paid the difference then, never the full amount again — across two years' ledgers and
across the quarters of one year — worked out by hand on real workbooks."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal

import pytest

import sqmy_lib as sq
from sqmy_lib.compute import Period, reward_lines, rewards
from sqmy_lib.rules import Rules, load_rules

from conftest import write_xlsx


def _no_top_up(year: int) -> Rules:
    data = copy.deepcopy(load_rules(year=year).data)
    data["rewards"]["top_up"] = False
    return Rules(data)


def _paid(lines, title: str) -> dict[str, Decimal]:
    rows = lines[lines["title"] == title]
    return dict(zip(rows["beneficiary"], rows["amount"]))


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """2025's ledger: X adopted 县级 on 10 December. 2026's 采用台账: X adopted by 市政协 on 15 January."""
    tmp = tmp_path_factory.mktemp("two_years")
    header = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None]
    sub = [None, None, None, None, None, "县政协编发", "市政协"]
    rows = [["2025年度社情民意信息台账"], header, sub,
            ["X", "2025-11-20", "关于跨年采用的建议", "张三、李四", "民盟县委", "2025-12-10", None]]
    write_xlsx(tmp / "2025年社情民意信息台账.xlsx", {"2025年": rows}, {"2025年": ["F2:G2"]})
    adoptions = [["2026年采用台账"], ["编号", "信息标题", "采用单位", "采用日期"],
                 ["X", "关于跨年采用的建议", "市政协《社情民意》", "2026-01-15"]]
    write_xlsx(tmp / "2026年采用台账.xlsx", {"采用": adoptions})
    return sq.read_ledgers([tmp / "2025年社情民意信息台账.xlsx", tmp / "2026年采用台账.xlsx"])


def test_two_years_later_period_pays_the_difference(two_years):
    assert len(two_years.adoptions) == 2 and (two_years.adoptions["item"] >= 0).all()
    # December: 县级 30.00, 15.00 each. January: 市级 100.00 less the 30.00 paid, 35.00 each.
    assert _paid(reward_lines(two_years, 2025), "关于跨年采用的建议") == {"张三": Decimal("15.00"), "李四": Decimal("15.00")}
    january = reward_lines(two_years, Period.of(2026, month=1))
    assert _paid(january, "关于跨年采用的建议") == {"张三": Decimal("35.00"), "李四": Decimal("35.00")}
    assert set(january["paid_before"]) == {Decimal("30.00")} and set(january["base"]) == {Decimal("100.00")}
    assert _paid(reward_lines(two_years, 2026), "关于跨年采用的建议") == {"张三": Decimal("35.00"), "李四": Decimal("35.00")}
    # Without 补差 (rewards.top_up: false) an item is paid once, in the quarter of its first adoption, at
    # what it is worth at that quarter's end: 县级 30.00 in December 2025 (15.00 each); the 市级 adoption
    # of January adds nothing in 2026, so the two years add up to what was paid.
    assert _paid(reward_lines(two_years, 2025, _no_top_up(2025)), "关于跨年采用的建议") == {"张三": Decimal("15.00"), "李四": Decimal("15.00")}
    assert _paid(reward_lines(two_years, 2026, _no_top_up(2026)), "关于跨年采用的建议") == {}


@pytest.fixture(scope="module")
def one_year(tmp_path_factory):
    """Y: 县级 in February, 省级 in May, a 市长's instruction in August. Z: 市级 in March, again 市级 in June."""
    tmp = tmp_path_factory.mktemp("one_year")
    header = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, "批示领导", "批示日期"]
    sub = [None, None, None, None, None, "县政协编发", "市政协", "省政协", None, None]
    rows = [["2025年度社情民意信息台账"], header, sub,
            ["Y", "2025-01-10", "关于逐级采用的建议", "王五", "民建县委", "2025-02-01", None, "2025-05-05", "市长刘某", "2025-08-01"],
            ["Z", "2025-03-01", "关于两次市级采用的建议", "赵六", "民建县委", None, "2025-03-20", None, None, None]]
    write_xlsx(tmp / "台账.xlsx", {"2025年": rows}, {"2025年": ["F2:H2"]})
    adoptions = [["2025年采用台账"], ["编号", "信息标题", "采用单位", "采用日期"], ["Z", "关于两次市级采用的建议", "市委办公室", "2025-06-10"]]
    write_xlsx(tmp / "采用台账.xlsx", {"采用": adoptions})
    return sq.read_ledgers([tmp / "台账.xlsx", tmp / "采用台账.xlsx"])


def test_quarters_pay_the_growth_and_add_up_to_the_year(one_year):
    quarters = [rewards(one_year, Period.of(2025, quarter=q)).set_index("name")["amount"].to_dict() for q in (1, 2, 3, 4)]
    # Y: Q1 县级 30; Q2 省级 200 − 30 = 170; Q3 the instruction doubles 200: +200; Q4 nothing.
    # Z: Q1 市级 100; Q2 another 市级 body adds nothing.
    assert quarters == [{"赵六": Decimal("100.00"), "王五": Decimal("30.00")}, {"王五": Decimal("170.00")},
                        {"王五": Decimal("200.00")}, {}]
    year = rewards(one_year, 2025).set_index("name")["amount"].to_dict()
    assert year == {"王五": Decimal("400.00"), "赵六": Decimal("100.00")}


def test_without_top_up_an_item_is_paid_once_at_its_first_quarters_worth(one_year):
    rules = _no_top_up(2025)
    quarters = [rewards(one_year, Period.of(2025, quarter=q), rules).set_index("name")["amount"].to_dict() for q in (1, 2, 3, 4)]
    # 不补差: each item is paid once, in the quarter of its first adoption, at what it is worth at that
    # quarter's end. Y (王五): 县级 in February, so Q1 pays 30; its 省级 (Q2) and the 市长's 批示 (Q3) add
    # nothing. Z (赵六): 市级 on 20 March, Q1 pays 100; its second 市级 (June) nothing. The year is the
    # sum of its quarters.
    assert quarters == [{"赵六": Decimal("100.00"), "王五": Decimal("30.00")}, {}, {}, {}]
    assert rewards(one_year, 2025, rules).set_index("name")["amount"].to_dict() == {"赵六": Decimal("100.00"), "王五": Decimal("30.00")}


def test_a_coauthored_top_up_is_each_ones_share_of_the_growth(tmp_path):
    # 甲、乙、丙 co-wrote one item: 省级 in Q1 (200.00), a 批示 in Q2 doubles it to 400.00. By hand:
    # 20000 fen / 3 = 6666 r 2 → Q1 66.68 / 66.66 / 66.66; the year 40000 / 3 = 13333 r 1 → 133.34 / 133.33 /
    # 133.33; so Q2 pays each the difference, 66.66 / 66.67 / 66.67 (split again alone it paid the first
    # author 66.68 twice: 133.36 against the year's 133.34).
    rows = [["编号", "收稿日期", "信息标题", "作者", "省政协", "批示领导", "批示日期"],
            ["B1", "2025-01-05", "关于一号的建议", "甲、乙、丙", "2025-02-01", "副市长孙某", "2025-05-01"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "b.xlsx", {"2025年": rows}), year=2025)
    paid = {q: dict(zip(*rewards(ledger, Period.of(2025, quarter=q))[["name", "amount"]].T.values)) for q in (1, 2)}
    year = dict(zip(*rewards(ledger, 2025)[["name", "amount"]].T.values))
    assert paid[1] == {"甲": Decimal("66.68"), "乙": Decimal("66.66"), "丙": Decimal("66.66")}
    assert paid[2] == {"甲": Decimal("66.66"), "乙": Decimal("66.67"), "丙": Decimal("66.67")}
    assert year == {"甲": Decimal("133.34"), "乙": Decimal("133.33"), "丙": Decimal("133.33")}
    assert all(paid[1][k] + paid[2][k] == year[k] for k in year)


def _office_rules(folder, year: int, **by_tier) -> "Path":
    """The shipped rules as an office keeps them, for ``year`` with its own rates (yuan by tier)."""
    from pathlib import Path

    from sqmy_lib.rules.model import default_rules_path

    text = default_rules_path(2025)[0].read_text(encoding="utf-8")
    shipped = '县级: "30.00", 市级: "100.00", 省级: "200.00", 全国: "300.00"'
    assert "year: 2025\n" in text and shipped in text
    rates = ", ".join(f'{t}: "{by_tier.get(t, v)}"' for t, v in (("县级", "30.00"), ("市级", "100.00"), ("省级", "200.00"), ("全国", "300.00")))
    path = Path(folder) / ("规则.yaml" if year == 2025 else f"规则{year}.yaml")
    path.write_text(text.replace("year: 2025\n", f"year: {year}\n").replace(shipped, rates), encoding="utf-8")
    return path


@pytest.fixture
def rates_raised(tmp_path):
    """An office folder: 2024's and 2025's ledgers, and a 规则.yaml for 2025 raising 县级 to 50, 市级 to 120."""
    (tmp_path / "台账").mkdir()
    header = ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "批示领导", "批示日期"]
    write_xlsx(tmp_path / "台账" / "台账2024.xlsx", {"2024年": [["2024年度社情民意信息报送采用登记表"], header,
        [1, "2024-12-05", "关于冬季供暖保障的建议", "李四", "城关镇政协工委", "2024-12-10", "2025-01-15", None, None],
        [2, "2024-11-05", "关于农贸市场改造的建议", "赵六", "经济界别组", "2024-11-20", None, None, None],
        [3, "2024-10-08", "关于旧城改造的建议", "王五", "城关镇政协工委", "2024-10-20", None, "副市长孙某", "2025-05-06"]]})
    write_xlsx(tmp_path / "台账" / "台账2025.xlsx", {"2025年": [["2025年度社情民意信息报送采用登记表"], header,
        [1, "2025-02-05", "关于改善停车难的建议", "张三", "民盟县委", "2025-02-10", None, None, None]]})
    return tmp_path, _office_rules(tmp_path, 2025, 县级="50.00", 市级="120.00")


def _quarters(folder, rules_path) -> tuple[list[dict], list[str]]:
    rules = load_rules(rules_path)
    ledger = sq.read_ledgers(folder / "台账", year=2025, rules=rules)
    c = sq.compute.counted(ledger, rules)
    paid = [{n: a for n, a in zip(*rewards(c, Period.of(2025, quarter=q))[["name", "amount"]].T.values)} for q in (1, 2, 3, 4)]
    paid.append({n: a for n, a in zip(*rewards(c, 2025)[["name", "amount"]].T.values)})
    return paid, list(c.notes)


def test_a_top_up_across_a_change_of_rates_deducts_what_the_earlier_year_paid(rates_raised):
    folder, rules = rates_raised
    # No rules of 2024 beside 规则.yaml: 2024 was paid by the shipped rules of that year (none ships for
    # 2024: the nearest, 2025's, 县级 30.00). 供暖 (李四): 县级 10 Dec 2024, paid 30; 市级 15 Jan 2025 at
    # 2025's 120 → Q1 pays 120 − 30 = 90 (not 120 − 50 = 70, as if 2024 had paid at 2025's rates).
    # 农贸 (赵六): 县级 2024, nothing new in 2025 → the raise of 县级 to 50 pays nothing. 旧城 (王五): 县级
    # 2024 (30), a 副市长's 批示 6 May 2025 → Q2 pays 50 × 2 − 30 = 70. 停车 (张三): 县级 Feb 2025 → 50.
    paid, notes = _quarters(folder, rules)
    assert paid == [{"李四": Decimal("90.00"), "张三": Decimal("50.00")}, {"王五": Decimal("70.00")}, {}, {},
                    {"李四": Decimal("90.00"), "王五": Decimal("70.00"), "张三": Decimal("50.00")}]
    [note] = [n for n in notes if "2024" in n]
    assert "未找到本单位2024年度的规则文件" in note and "2025年度规则(2025.yaml)" in note and "县级30.00元" in note
    assert "《关于冬季供暖保障的建议》30.00元" in note and "《关于旧城改造的建议》30.00元" in note
    assert "农贸" not in note  # paid nothing more in 2025: nothing deducted
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "rewards", str(folder / "台账"), "--rules",
                             str(rules), "--year", "2025", "--quarter", "1", "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "《关于冬季供暖保障的建议》30.00元" in result.stderr  # the CLI says it, after the figures are worked out
    assert {r["name"]: r["amount"] for r in json.loads(result.stdout)} == {"李四": 90.0, "张三": 50.0}

    # The office's own rules of 2024 beside it (规则2024.yaml, year 2024, 县级 40): 2024 paid 40 each.
    # 供暖: 120 − 40 = 80; 旧城: 50 × 2 − 40 = 60; 停车 50 as before; no note.
    _office_rules(folder, 2024, 县级="40.00")
    paid, notes = _quarters(folder, rules)
    assert paid == [{"李四": Decimal("80.00"), "张三": Decimal("50.00")}, {"王五": Decimal("60.00")}, {}, {},
                    {"李四": Decimal("80.00"), "王五": Decimal("60.00"), "张三": Decimal("50.00")}]
    assert not [n for n in notes if "2024" in n]
