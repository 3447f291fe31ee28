"""A 采用台账 kept in blocks under a line naming who adopted them (一、市政协采用 / 二、省政协采用), each row with
its title, 期号 and 采用日期 and no 采用单位: the rows are that body's adoptions. They were read as the office's
own 编发 (adoption.issue_only, "已按本级编发计入"), three 县级 adoptions paying 90.00 where the ledger records
two 市级 and one 省级 (400.00), and each heading as a unit's, "其下…0 条信息计入该单位"."""
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

TITLES = ["关于加强农村养老服务的建议", "关于改善城区停车难问题的建议", "关于河道治理的几点建议", "关于规范网约车管理的建议"]


def _items() -> list[list]:
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"]]
    return rows + [[k, dt.date(2025, k, 3), t, "张三", "民革县委"] for k, t in enumerate(TITLES, 1)]


def test_rows_under_a_body_heading_are_that_bodys_adoptions(tmp_path):
    adopted = [["序号", "信息标题", "作者", "期号", "采用日期"],
               ["一、市政协采用"],
               [1, TITLES[0], "张三", "第3期", dt.date(2025, 3, 5)],
               [2, TITLES[1], "张三", "第4期", dt.date(2025, 4, 5)],
               ["二、省政协采用（1条）"],
               [1, TITLES[2], "张三", "第5期", dt.date(2025, 5, 5)]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送": _items(), "采用": adopted})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: 市级 第3期 and 第4期, 省级 第5期; nothing at 县级. 张三 alone: 100 + 100 + 200 = 400.00.
    got = sorted(zip(ledger.adoptions["tier"], ledger.adoptions["issue_no"]), key=lambda x: x[1])
    assert got == [("市级", 3), ("市级", 4), ("省级", 5)]
    assert sq.summary(ledger, 2025).adopted_by_tier == {"县级": 0, "市级": 2, "省级": 1, "全国": 0}
    assert paid(ledger, 2025) == {"张三": Decimal("400.00")}
    assert not findings(report, "adoption.issue_only") and not findings(report, "row.unit_heading")
    said = findings(report, "row.body_heading")
    assert [f.row for f in said] == [2, 5]
    assert "的 2 条记录按该单位的采用计入" in said[0].message and "的 1 条记录按该单位的采用计入" in said[1].message


def test_a_row_naming_its_own_body_keeps_it_and_a_units_heading_is_no_body(tmp_path):
    adopted = [["信息标题", "作者", "采用单位", "期号"],
               ["一、市政协采用"],
               [TITLES[0], "张三", "", "第3期"],
               [TITLES[1], "张三", "省政协", "第2期"],  # its own body, under the heading: 省政协's
               ["民革县委"],  # a unit's name over rows: no adopting body
               [TITLES[3], "张三", "市政协", "第9期"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送": _items(), "采用": adopted})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    got = sorted(zip(ledger.adoptions["tier"], ledger.adoptions["issue_no"]), key=lambda x: x[1])
    assert got == [("省级", 2), ("市级", 3), ("市级", 9)]
    assert [f.row for f in findings(report, "row.body_heading")] == [2]


def test_a_row_writing_only_a_bulletin_takes_the_headings_body(tmp_path):
    """采用单位 《社情民意》第3期 under 一、市政协采用: a county's and a city's bulletins are both so called, so the
    heading says whose it is. It was the office's own 编发 (县级, 30.00), with nothing said."""
    adopted = [["编号", "信息标题", "采用单位", "期号", "采用日期"],
               ["一、市政协采用"],
               [1, TITLES[0], "《社情民意》第3期", "", dt.date(2025, 4, 1)],
               [2, TITLES[1], "", "第4期", dt.date(2025, 4, 2)],
               ["二、省政协采用"],
               [3, TITLES[2], "《社情民意》", "第5期", dt.date(2025, 4, 3)],
               [4, TITLES[3], "本级《社情民意》", "第6期", dt.date(2025, 4, 4)]]  # says its level: the office's own
    items = [["编号", *_items()[0][1:]]] + [[k, *row[1:]] for k, row in enumerate(_items()[1:], 1)]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送": items, "采用": adopted})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: 市级 twice (第3期 under 市政协, 第4期), 省级 once, 县级 once (本级). 张三: 100 + 100 + 200 + 30 = 430.00.
    assert sq.summary(ledger, 2025).adopted_by_tier == {"县级": 1, "市级": 2, "省级": 1, "全国": 0}
    assert paid(ledger, 2025) == {"张三": Decimal("430.00")}
    said = findings(report, "row.body_heading")
    assert "的 2 条记录" in said[0].message and "的 1 条记录" in said[1].message
