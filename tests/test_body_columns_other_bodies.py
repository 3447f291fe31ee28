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
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.circular_text import _basic_forwarded
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


def test_a_higher_body_sending_the_item_on_is_not_the_offices_own_forward(tmp_path):
    # 市政协采用 2025.10.21 | 省政协采用 2025.11.18 | 全国政协采用 省政协报全国政协: the city adopted it, sent it to
    # the province, which adopted it and sent it on to 全国政协. The city's 上报 went to 省级 and was adopted there
    # (1 of 1, 100%); the 全国 forward is the province's, said at H2 (forward.by_another_body), not the city's.
    rows = [[*HEADER, "市政协采用", "省政协采用", "全国政协采用"],
            [1, dt.date(2025, 10, 10), "关于缓解民营企业融资难的建议", "陈静", "民革市委", "2025.10.21", "2025.11.18",
             "省政协报全国政协"]]
    ledger, report, rules = _read(tmp_path, rows)
    assert _adoptions(ledger) == [(1, "市级", "政协"), (1, "省级", "政协")]
    fw = ledger.forwards
    assert list(zip(fw["item"], fw["tier"].astype(str), fw["body"])) == [(0, "省级", "省政协")]
    assert _cells(report, "forward.by_another_body") == [(2, "H")]
    message = next(i.message for i in report.issues if i.code == "forward.by_another_body")
    assert "读作省政协向上级报送" in message and "不是本单位的" in message
    q4 = sq.Period.of(2025, quarter=4)
    s = sq.summary(ledger, q4, rules)
    assert (s.forwarded, s.forwarded_adopted, s.upper_adoption_rate) == ({"省级": 1, "全国": 0}, 1, 1.0)
    circ = build_circular(ledger, 2025, 4, rules=rules, today=dt.date(2026, 1, 8))
    assert _basic_forwarded(circ, {}) == "本季度向上级报送信息1条（其中省级1条），所报信息被上级采用1条，上级采用率100%。"


def test_a_forwarding_by_another_body_in_a_text_column(tmp_path):
    # 采用情况 of a city office, worked by hand: (adoptions, forwards, said as another body's forwarding)
    #  2 省政协采用，省政协报送全国政协  省政协's adoption; the city's 上报 to 省级 (adopted), said
    #  3 省政协报送全国政协            the province's 上报: the city's went to 省级, not adopted as written; said
    #  4 民盟市委报送省政协            a party's committee of the city's level sent it up: no 上报 of the office; said
    #  5 市政协报送省政协              the office itself (市政协) sent it: its 上报 to 省级, nothing said
    cells = {"省政协采用，省政协报送全国政协": ([("省级", "政协")], [("省级", "省政协")], True),
             "省政协报送全国政协": ([], [("省级", "省政协")], True),
             "民盟市委报送省政协": ([], [], True),
             "市政协报送省政协": ([], [("省级", "省政协")], False)}
    rows = [[*HEADER, "采用情况"]]
    rows += [[k, dt.date(2025, 3, k), f"关于第{k}个问题的建议", f"作者{k}号", "民革市委", c] for k, c in enumerate(cells, 1)]
    ledger, report, rules = _read(tmp_path, rows)
    ad, fw = ledger.adoptions, ledger.forwards
    for k, (cell, (adopted, sent, _)) in enumerate(cells.items()):
        assert [(str(t), c) for t, c in zip(ad.loc[ad["item"] == k, "tier"], ad.loc[ad["item"] == k, "channel"])] == adopted, cell
        assert [(str(t), b) for t, b in zip(fw.loc[fw["item"] == k, "tier"], fw.loc[fw["item"] == k, "body"])] == sent, cell
    assert _cells(report, "forward.by_another_body") == [(k + 1, "F") for k, (*_, said) in enumerate(cells.values(), 1) if said]
