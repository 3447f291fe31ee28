"""A 区 office's finance clerk pays 稿酬 by its own rates (县级 50, 市级 100, 省级 200, 全国 500 yuan; a 批示
doubles; the highest tier only; co-authors share equally in whole fen, the remainder to the first): two
years' combined ledgers as the office keeps them (a 稿酬（元） column of what was paid, a 合计 row, later
adoptions written on last year's rows), a roster with an informant who left in June, worked out by hand.

Two things the ledgers write that were paid wrongly, without a word, before:
- a 批示 asked of a leader, not given (``拟请区长批示``, ``提请区长批示``, ``待区长批示``), in the 批示 column or
  the 备注, was read as a 批示 by a leader named ``拟请区长`` and the item paid double;
- ``不计稿酬`` written in the 稿酬 column itself (read past: the tool computes the money) was paid in full;
  written in the 备注 it was already heeded (adoption.unpaid).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import openpyxl
import pytest

import sqmy_lib as sq

from conftest import findings, paid, sqmy, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "稿酬（元）", "备注"]
RATES = '  by_tier: {县级: "50.00", 市级: "100.00", 省级: "200.00", 全国: "500.00"}'


def _office_rules(folder) -> None:
    """The init's 规则.yaml made this office's: 东湖区政协 of 江城市, 湖北省, at its own rates; last
    year's the same rates (规则2025.yaml), so the 2025 payment is worked out at 50, not the shipped 30."""
    path = folder / "规则.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("name: 示例县政协 ", "name: 东湖区政协 "), ("full_name: 政协示例县委员会", "full_name: 政协江城市东湖区委员会"),
                     ("place: 示例县 ", "place: 东湖区 "), ("city: 示例市 ", "city: 江城市 "), ("province: 示例省 ", "province: 湖北省 ")):
        assert old in text
        text = text.replace(old, new)
    text, n = re.subn(r"^  by_tier: \{[^}]*\}", RATES, text, count=1, flags=re.M)
    assert n == 1
    path.write_text(text, encoding="utf-8")
    last = re.sub(r"^year: 2026$", "year: 2025", text, flags=re.M)
    (folder / "规则2025.yaml").write_text(re.sub(r'^version: "[^"]*"$', 'version: "2025.1"', last, flags=re.M), encoding="utf-8")


def _roster(folder) -> None:
    wb = openpyxl.load_workbook(folder / "名册.xlsx")
    people = [("张伟", "委员", "民建区委", "民建", D(2022, 1, 1), None), ("李娜", "委员", "民盟区委", "民盟", D(2022, 1, 1), None),
              ("王芳", "特邀信息员", "民盟区委", "教育界", D(2025, 1, 1), None), ("刘洋", "委员", "民进区委", "民进", D(2022, 1, 1), None),
              ("陈静", "信息员", "关山街道政协工委", "社会福利界", D(2025, 3, 1), D(2026, 6, 30)),
              ("赵磊", "委员", "民建区委", "民建", D(2022, 1, 1), None)]
    units = [("民建区委", "民主党派"), ("民盟区委", "民主党派"), ("民进区委", "民主党派"), ("关山街道政协工委", "镇街政协工委")]
    for sheet, rows in (("人员", people), ("单位", units)):
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                wb[sheet].cell(3 + i, 1 + j, v)
    wb.save(folder / "名册.xlsx")


def _book(path, sheet: str, title: str, rows: list[list]) -> None:
    write_xlsx(path, {sheet: [[title], ["填报单位：东湖区政协办公室", None, None, None, None, None, "填表日期：2026年12月5日"],
                              HEADER, *rows]}, {sheet: ["A1:I1"]})


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("money") / "东湖区政协"
    assert sqmy("init", folder, "--year", "2026").returncode == 0
    _office_rules(folder)
    _roster(folder)
    _book(folder / "台账" / "2026年社情民意信息报送台账.xlsx", "2026年", "东湖区政协2026年社情民意信息报送采用登记表", [
        [1, D(2026, 1, 8), "关于加快老旧小区加装电梯的建议", "张伟", "民建区委",
         "市政协《社情民意》第5期（2026.2.10）；省政协《社情民意》第12期（2026.3.15）", None, 200, None],
        [2, D(2026, 2, 3), "关于规范校外培训机构收费的建议", "李娜、王芳、刘洋", "民盟区委", "市政协采用（2026.3.5）", None, 100, "三人合写"],
        [3, D(2026, 3, 12), "关于解决关山街道停车难问题的建议", "陈静", "关山街道政协工委", "区政协《社情民意》第8期（2026.3.20）",
         "区长王某批示（2026.4.2）", "已发50", None],
        [4, D(2026, 5, 6), "关于加强农贸市场食品安全监管的建议", "民进区委", "民进区委", "市政协采用（2026.6.1）",
         "李副市长批示（2026.6.20）", None, "以党派名义报送"],
        [5, D(2026, 6, 15), "关于社区养老服务站运营的建议", "陈静", "关山街道政协工委", "市政协采用（2026.8.5）", None, None, "陈静已于6月底离职"],
        [6, D(2026, 9, 1), "关于优化营商环境审批流程的建议", "张伟、赵磊", "民建区委", "省政协采用（2026.9.20）", "省长批示（2026.10.8）", None, None],
        [7, D(2026, 10, 9), "关于整治河道垃圾的建议", "赵磊", "民建区委", "已报送市政协", None, None, None],
        [8, D(2026, 10, 20), "关于加强电动自行车充电管理的建议", "李娜", "民盟区委", "市政协采用（2026.11.5）", "拟请区长批示", None, None],
        [9, D(2026, 11, 2), "关于公园厕所改造的建议", "王芳", "民盟区委", "区政协《社情民意》第20期（2026.11.10）", None, "不计稿酬", None],
        [None, None, "合计", None, None, None, None, 350, None],
    ])
    _book(folder / "台账" / "2025年社情民意信息报送台账.xlsx", "2025年", "东湖区政协2025年社情民意信息报送采用登记表", [
        [1, D(2025, 11, 20), "关于做好冬季供暖保障的建议", "王芳", "民盟区委",
         "区政协《社情民意》第30期（2025.12.5）；市政协《社情民意》2026年第2期（2026.1.15）", None, 50, None],
        [2, D(2025, 12, 10), "关于改善学校周边交通秩序的建议", "刘洋", "民进区委", "省政协采用（2026.2.20）", None, None, None],
    ])
    return folder


def _read(folder):
    return sq.read_ledgers(folder / "台账", roster=folder / "名册.xlsx", rules=folder / "规则.yaml", year=2026)


# The year 2026 by hand, in fen (rates 县级 5000, 市级 10000, 省级 20000; a 批示 ×2):
#   1 张伟: 市级 (2.10) then 省级 (3.15), highest only                        20000 (Q1)
#   2 李娜、王芳、刘洋: 市级 10000 / 3 = 3333 r 1 → 李娜 3334, 王芳 3333, 刘洋 3333 (Q1)
#   3 陈静: 县级 5000 in Q1; 区长批示 4.2 → ×2 = 10000, 补差 5000 in Q2           10000
#   4 民进区委 (the unit is the author): 市级 × 2 (副市长批示)                    20000 (Q2)
#   5 陈静 (left 6.30; her item, adopted 8.5): 市级                             10000 (Q3)
#   6 张伟、赵磊: 省级 20000 in Q3; 省长批示 10.8 → 40000, 补差 20000 in Q4; each half
#   7 赵磊: 已报送市政协 — forwarded, not adopted                                     0
#   8 李娜: 市级; 拟请区长批示 is a 批示 asked for, not given: ×1                   10000 (Q4)
#   9 王芳: 县级, 稿酬 column 不计稿酬                                                   0
#   A 王芳 (2025 item): 县级 5000 paid in 2025; 市级 1.15.2026 → 补差 5000 (Q1)
#   B 刘洋 (2025 item): 省级 2.20.2026                                           20000 (Q1)
# 张伟 20000+20000 = 40000; 李娜 3334+10000 = 13334; 王芳 3333+5000 = 8333; 刘洋 3333+20000 = 23333;
# 陈静 10000+10000 = 20000; 民进区委 20000; 赵磊 20000. Total 145000 = 1450.00 yuan.
YEAR = {"张伟": "400.00", "李娜": "133.34", "王芳": "83.33", "刘洋": "233.33", "陈静": "200.00", "民进区委": "200.00", "赵磊": "200.00"}
# Quarters: Q1 20000+10000+5000+5000+20000 = 60000; Q2 5000+20000 = 25000; Q3 10000+20000 = 30000;
# Q4 20000+10000 = 30000; 60000+25000+30000+30000 = 145000.
QUARTERS = {1: Decimal("600.00"), 2: Decimal("250.00"), 3: Decimal("300.00"), 4: Decimal("300.00")}


def test_every_payee_to_the_fen(office):
    ledger = _read(office)
    assert paid(ledger, 2026) == {k: Decimal(v) for k, v in YEAR.items()}
    assert sum(paid(ledger, 2026).values()) == Decimal("1450.00")


def test_quarters_add_up_to_the_year(office):
    ledger = _read(office)
    got = {q: sum(paid(ledger, sq.Period.of(2026, quarter=q)).values(), Decimal(0)) for q in QUARTERS}
    assert got == QUARTERS
    assert sum(got.values()) == Decimal("1450.00")


def test_the_command_gives_the_same(office):
    ran = sqmy("compute", "rewards", office, "--year", "2026", "--format", "json")
    rows = json.loads(ran.stdout)
    assert {r["name"]: Decimal(str(r["amount"])).quantize(Decimal("0.01")) for r in rows} == {k: Decimal(v) for k, v in YEAR.items()}


def test_the_unpaid_in_the_money_column_is_said_at_its_cell(office):
    report = sq.validate(_read(office))
    said = findings(report, "adoption.unpaid")
    assert [(i.sheet, f"{i.column}{i.row}") for i in said] == [("2026年", "H12")]
    assert "不计稿酬" in said[0].message


def _one_sheet(tmp_path, rows):
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送采用登记表"], HEADER, *rows]})
    return sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)


@pytest.mark.parametrize("asked", ["拟请区长批示", "提请区长批示", "待区长批示", "建议县长批示", "拟请县委书记王某批示", "准备报县长批示"])
def test_a_instruction_asked_for_is_not_paid_double(tmp_path, asked):
    # Shipped rates: 市级 100.00; nothing was given, so ×1: 100.00, no 批示 counted.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", asked, None, None]])
    assert ledger.instructions.empty
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}


@pytest.mark.parametrize("given", ["县长王某批示：请县民政局研究办理", "经县长批示同意", "获县长批示", "县委书记李某批示：请县长阅处"])
def test_a_instruction_given_is_still_paid_double(tmp_path, given):
    # 市级 100.00 × 2 = 200.00: a 批示 given.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", given, None, None]])
    assert len(ledger.instructions) == 1
    assert paid(ledger, 2026) == {"张三": Decimal("200.00")}


def test_a_instruction_asked_for_in_the_note(tmp_path):
    # 备注 拟请县长批示 (asked) → 100.00; 备注 该信息获县长批示 (given, said as in the 备注) → 200.00.
    ledger = _one_sheet(tmp_path, [
        [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", None, None, "拟请县长批示"],
        [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", "市政协采用（2026.3.5）", None, None, "该信息获县长批示"],
    ])
    assert paid(ledger, 2026) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}


@pytest.mark.parametrize("cell", ["不计稿酬", "不发稿酬（内部刊用）"])
def test_unpaid_written_in_the_money_column(tmp_path, cell):
    # 市级 100.00 for 李四; 张三's adoption counted (采用 1) but 稿酬 column says none: 0.
    ledger = _one_sheet(tmp_path, [
        [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", None, cell, None],
        [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", "市政协采用（2026.3.5）", None, 100, None],
    ])
    assert paid(ledger, 2026) == {"李四": Decimal("100.00")}
    assert len(ledger.adoptions) == 2
    said = findings(sq.validate(ledger), "adoption.unpaid")
    assert [f"{i.column}{i.row}" for i in said] == ["H3"]
    assert cell in said[0].message
