"""A county office's sheets named after its own county (青山县2025年, 1.青山县, 青山县报送): the office's own
place writes the office, not a unit of it, though a roster unit's name starts with it (青山县工商联); an
作者级别 column (the level of the author's post) is no second author column.

Every workbook is written by hand in the test and every answer worked out by hand; each non-empty cell is
consumed into a record or named in a finding.
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "信息标题", "作者", "报送日期", "采用情况"]
SHEETS = ["青山县2025年", "青山县（定稿）", "1.青山县", "青山县报送", "县区-青山县", "青山县（县区）"]
# one item a sheet, each by a roster person of a known unit
AUTHORS = ["张明", "李华", "赵强", "张明", "赵强", "陈静"]


def _county_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(name="青山县政协", full_name="政协青山县委员会", place="青山县")
    return Rules(data=data, source="<测试>")


def test_a_sheet_named_for_the_office_own_county_is_no_unit(tmp_path):
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张明", "委员", "民盟县委"], ["李华", "委员", "民革县委"],
                 ["赵强", "信息员", "城关镇政协工委"], ["陈静", "委员", "青山县工商联"]],
        "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"], ["民革县委", "民主党派"], ["城关镇政协工委", "镇街政协工委"],
                 ["青山县工商联", "工商联"]]})
    book = {name: [HEADER, [1, f"关于第{k}个问题的建议", AUTHORS[k - 1], dt.date(2025, 3, k), "县政协编发"]]
            for k, name in enumerate(SHEETS, 1)}
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", book), rules=_county_rules(),
                                            roster=roster, year=2025)
    # by hand: no sheet names a unit (青山县 is the office's county), so each item is its author's roster unit:
    # 张明 twice → 民盟县委 2; 李华 → 民革县委 1; 赵强 twice → 城关镇政协工委 2; 陈静 → 青山县工商联 1
    units = sq.units(ledger, 2025, rules=_county_rules())
    got = dict(zip(units["unit"], units["submitted"]))
    assert {u: got.get(u) for u in ("民盟县委", "民革县委", "城关镇政协工委", "青山县工商联")} == \
        {"民盟县委": 2, "民革县委": 1, "城关镇政协工委": 2, "青山县工商联": 1}
    assert not (ledger.findings["code"] == "sheet.unit_from_name").any()


def test_an_author_level_column_is_no_second_author(tmp_path):
    rows = [["序号", "信息标题", "作者", "作者级别", "单位", "报送日期", "采用情况"],
            [1, "关于第1个问题的建议", "张明", "县级", "民盟县委", dt.date(2025, 3, 1), "市政协采用"],
            [2, "关于第2个问题的建议", "李华", "市级", "民革县委", dt.date(2025, 3, 2), "市政协采用"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # by hand: each item has its one author (县级/市级 is the level of the author's post); 市政协采用 is 100.00 each
    assert ledger.submissions["authors"].tolist() == [("张明",), ("李华",)]
    paid = dict(zip(*(lambda r: (r["name"], r["amount"]))(sq.rewards(ledger, 2025))))
    assert paid == {"张明": Decimal("100"), "李华": Decimal("100")}
    assert [(i.code, i.column) for i in report.issues if i.code == "header.ignored"] == [("header.ignored", "D")]
