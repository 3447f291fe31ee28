"""Ordinary cells misread, found by regress9 (an ordinary county office's ledgers).

A 备注 on an ordinary item that mentions a word of striking out without striking the item out:
``不属于重复登记`` (negated), ``已删除作者联系方式`` (the deed's object is something else), ``原稿已撤回，
此为修改稿`` and ``作者撤回后修改重新报送`` (this row is the version that stands). Each left the item out of
every figure (``row.void``). Worked out by hand: four items of 民盟县委, each 市政协采用 (市级 100.00 yuan at
the shipped rates); a fifth, ``重复报送，已删除``, and a sixth, ``删除本条``, are struck out.

A 上报台账's 上报人 column (who sent it up) was read as the 上报 column, the 上报单位 beside it left unread.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqmy_lib as sq

from conftest import findings, paid, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"]
NOTES = ["不属于重复登记", "已删除作者联系方式", "原稿已撤回，此为修改稿", "作者撤回后修改重新报送",
         "重复报送，已删除", "删除本条"]
NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八"]


def test_notes_that_do_not_strike_the_item_out(tmp_path):
    rows = [[k + 1, D(2026, 3, k + 1), f"关于第{k + 1}件事的建议", name, "民盟县委", "市政协采用（2026.4.1）", note]
            for k, (name, note) in enumerate(zip(NAMES, NOTES))]
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送登记表"], HEADER, *rows]})
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)
    report = sq.validate(ledger)
    # Rows 3–6 stand (4 items, 100.00 each); rows 7 and 8 are struck out, said at their 备注 (G).
    assert sorted(ledger.submissions["title"]) == sorted(f"关于第{k}件事的建议" for k in (1, 2, 3, 4))
    assert paid(ledger, 2026) == {name: Decimal("100.00") for name in NAMES[:4]}
    assert sorted(f.row for f in findings(report, "row.void")) == [7, 8]
    # The two that tell of a withdrawal and a new version: counted, said (only staff know which row stands).
    assert sorted(f.row for f in findings(report, "row.void_kept")) == [5, 6]


def test_the_sender_column_of_a_forwarding_ledger_is_no_body(tmp_path):
    # A 上报台账 of 编号 | 上报日期 | 信息标题 | 上报人 | 上报单位: 上报人 is who sent it (陈静, a person), 上报单位
    # where it went. By hand: item 1 went to 市政协 (市级) on 2025-03-05; row 3's 上报单位 陈静 names no body
    # (said at E3). 上报人 was read as the 上报 column: no 上报 at all, 市政协 left unread.
    write_xlsx(tmp_path / "台账.xlsx", {
        "报送台账": [["编号", "报送日期", "信息标题", "作者", "单位", "采用情况"],
                 [1, "2025-03-01", "关于甲的建议", "张三", "民盟县委", ""],
                 [2, "2025-03-02", "关于乙的建议", "李四", "民进县委", ""]],
        "上报台账": [["编号", "上报日期", "信息标题", "上报人", "上报单位"],
                 [1, "2025-03-05", "关于甲的建议", "陈静", "市政协"],
                 [2, "2025-03-06", "关于乙的建议", "陈静", "陈静"]]})
    ledger = sq.read_ledgers(tmp_path, year=2025)
    report = sq.validate(ledger)
    forwards = ledger.forwards
    assert list(zip(forwards["body"], forwards["tier"], forwards["date"].dt.date)) == [("市政协", "市级", D(2025, 3, 5))]
    assert any(f.sheet == "上报台账" and f.row == 3 and f.column == "E" for f in report.issues)


def test_none_yet_in_the_adoption_column_is_no_adoption(tmp_path):
    # 采用情况 暂无 / 尚无 / 暂未采用 / 尚未采用: not adopted (yet), as 无 and 未采用 are; each was "无法判断" (mark.unknown).
    marks = ["暂无", "尚无", "暂未采用", "尚未采用"]
    rows = [[k + 1, D(2026, 3, k + 1), f"关于第{k + 1}件事的建议", name, "民盟县委", mark, None]
            for k, (name, mark) in enumerate(zip(NAMES, marks))]
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送登记表"], HEADER, *rows]})
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)
    report = sq.validate(ledger)
    assert len(ledger.submissions) == 4 and ledger.adoptions.empty
    assert not findings(report, "mark.unknown")
