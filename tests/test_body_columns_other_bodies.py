"""A city office's body columns (市政协采用 | 省政协采用 | 全国政协采用) whose cells name another body than the
column's: another line or a medium of the same level (市委办采用, 民盟市委采用, 市日报刊发 under 市政协采用), or a
higher body sending the item on (省政协报全国政协 under 全国政协采用). Each is read as the cell says, as a 采用情况
text reads it, and said at its cell; none is the column's adoption or the office's own 上报.

Every workbook is written by hand here, every cell of it accounted for, and every answer worked out by hand.
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.rules.model import Rules
from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "报送时间", "信息题目", "作者", "报送单位"]


def _city_rules() -> Rules:
    """The shipped 2025 rules of a city office (江州市政协, 市级, in 江南省), as ``sqmy init`` and a clerk set them."""
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(name="江州市政协", full_name="政协江州市委员会", own_tier="市级", place="江州市", city="",
                          province="江南省")
    return Rules(data=data, source="<测试>")


def _read(tmp_path, rows: list[list]):
    rules = _city_rules()
    path = write_xlsx(tmp_path / "江州市政协2025年社情民意信息台账.xlsx", {"市直单位": rows})
    ledger, report = assert_every_cell_accounted(path, rules=rules, year=2025)
    return ledger, report, rules


def _cells(report, code: str) -> list[tuple[int, str]]:
    return [(i.row, i.column) for i in report.issues if i.code == code]


def _adoptions(ledger) -> list[tuple]:
    """(item, tier, channel) in table order, the items counted from 1 as the 序号 column does."""
    ad = ledger.adoptions
    return [(int(i) + 1, str(t), None if pd.isna(c) else str(c)) for i, t, c in zip(ad["item"], ad["tier"], ad["channel"])]


def test_a_cell_naming_another_body_of_the_columns_level_is_that_bodys(tmp_path):
    # Under 市政协采用 (F) and 省政协采用 (G) of a city office. Worked by hand, row by row:
    #  2 市日报刊发     a newspaper: 市级, no channel (said: adoption.unknown_channel), not paid
    #  3 市政协网站刊发 the 政协's website publishes, it does not adopt: as 2
    #  4 民盟市委采用   a party's product: 市级, 民主党派统战, counted apart, not paid
    #  5 市委办采用     the Party committee's office: 市级, 党委政府, paid 100.00
    #  6 省委办公厅采用 under 省政协采用: 省级, 党委政府, paid 200.00
    # Rows 2-6 each said at the cell (mark.other_body); none is 市政协's or 省政协's adoption.
    #  7 √, 8 采用, 9 a date, 10 第3期, 11 市政协第3期, 12 市级采用 under 市政协采用: the column's own body
    #    (市级, 政协), each paid 100.00 to its own author (作者6号 to 作者11号); 13 转送 under 市政协采用: the office's own 转送 (部门,
    #    not paid), not another body.
    cells = [("市日报刊发", None), ("市政协网站刊发", None), ("民盟市委采用", None), ("市委办采用", None),
             (None, "省委办公厅采用"), ("√", None), ("采用", None), (dt.date(2025, 3, 20), None), ("第3期", None),
             ("市政协第3期", None), ("市级采用", None), ("转送", None)]
    rows = [[*HEADER, "市政协采用", "省政协采用"]]
    rows += [[k, dt.date(2025, 3, k), f"关于第{k}个问题的建议", "陈静" if k <= 5 else f"作者{k}号", "民革市委", city, prov]
             for k, (city, prov) in enumerate(cells, 1)]
    ledger, report, rules = _read(tmp_path, rows)
    assert _adoptions(ledger) == [(1, "市级", None), (2, "市级", None), (3, "市级", "民主党派统战"), (4, "市级", "党委政府"),
                                  (5, "省级", "党委政府"), *[(k, "市级", "政协") for k in range(6, 12)], (12, "市级", "部门")]
    assert ledger.adoptions["body"].tolist()[:5] == ["市日报刊发", "市政协网站刊发", "民盟市委采用", "市委办采用", "省委办公厅采用"]
    assert _cells(report, "mark.other_body") == [(2, "F"), (3, "F"), (4, "F"), (5, "F"), (6, "G")]
    assert "写的却是另一单位" in next(i.message for i in report.issues if i.code == "mark.other_body")
    assert sorted(_cells(report, "adoption.unknown_channel")) == [(2, "F"), (3, "F")]
    paid = sq.rewards(ledger, 2025, rules)
    assert dict(zip(paid["name"], paid["amount"])) == {"陈静": Decimal("300.00"),
                                                       **{f"作者{k}号": Decimal("100.00") for k in range(6, 12)}}
    s = sq.summary(ledger, 2025, rules)
    # 编发 (the office's own 政协 line at its level): items 6-11 only; adopted (tiers): 4, 5 and 6-11.
    assert (s.published, s.adopted) == (6, 8)
    assert s.adopted_by_channel == {"政协": 6, "民主党派统战": 1, "党委政府": 2, "部门": 1}

