"""Roster 备注 and blanks read right, or said at their cell: a person's 备注 saying they left (调至, 已故,
免职 …), a unit's 备注 and its 成立/撤销时间, a blank 身份 or 单位类型, a rule keyed by a unit's name.

Every workbook here is written by hand in the test and every answer is worked out by hand in it.
"""
from __future__ import annotations

import datetime as dt

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

D = dt.date
LEDGER_HEAD = ["序号", "报送日期", "信息标题", "作者", "单位"]


def _codes(report, code):
    return [(i.sheet, i.row, i.column) for i in report.issues if i.code == code]


def _office(tmp_path, items, people, units, rules=None):
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [LEDGER_HEAD, *items]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": people, "单位": units})
    return assert_every_cell_accounted(ledger, roster=roster, rules=rules, year=2025)


LEFT = ["2025年6月调至县委办工作", "2025年6月已故", "2025年6月免职", "2025年6月停聘", "2025年6月聘期已满",
        "2025年6月因病离世", "2025年6月起不再任信息员", "2025年6月调任县人大", "2025年6月任期届满未连任",
        "2025年6月辞任", "2025年6月解聘", "2025年6月病故"]


def test_a_note_saying_a_person_left_is_said_whatever_its_words(tmp_path):
    # No 离任时间: each is in post all year as read, so the 备注 saying they left must be said at its cell.
    names = [f"{surname}{given}" for surname, given in zip("赵钱孙李周吴郑王冯陈褚卫", "一二三四五六七八九十甲乙")]
    people = [["姓名", "身份", "单位", "任职时间", "离任时间", "备注"]]
    people += [[n, "信息员", "河口镇政协工委", "2024-01-01", None, note] for n, note in zip(names, LEFT)]
    items = [[k, "2025-03-10", f"关于第{k}件事的建议", n, "河口镇政协工委"] for k, n in enumerate(names, 1)]
    _, report = _office(tmp_path, items, people, [["单位名称", "单位类型"], ["河口镇政协工委", "镇街政协工委"]])
    assert _codes(report, "roster.leaving_in_note") == [("人员", r, "F") for r in range(2, len(LEFT) + 2)]
