"""A 区 office's 稿酬, second look: a 批示 written with 待, 拟 or 未批 in brackets after it
(``区长批示（待）``, ``县长批示（拟）``, ``市长批示（未批）``) is a 批示 awaited, not given; it was read as given
and the item paid double. Worked out by hand at the shipped rates (市级 100.00 yuan, a 批示 ×2).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq

from conftest import paid, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "稿酬（元）", "备注"]


def _one_sheet(tmp_path, rows):
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送采用登记表"], HEADER, *rows]})
    return sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)


@pytest.mark.parametrize("awaited", ["区长批示（待）", "县长批示（拟）", "市长批示（未批）", "副市长批示(待批示)", "县委书记批示（报批中）"])
def test_an_instruction_awaited_in_brackets_is_not_paid_double(tmp_path, awaited):
    # 市级 100.00; the 批示 is awaited, not given: ×1 = 100.00, no 批示 counted.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", awaited, None, None]])
    assert ledger.instructions.empty
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}


def test_an_instruction_awaited_in_the_note(tmp_path):
    # 备注 区长批示（待） → 100.00 (awaited); 备注 区长批示（2026.4.2） → 200.00 (given, its day in brackets).
    ledger = _one_sheet(tmp_path, [
        [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", None, None, "区长批示（待）"],
        [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", "市政协采用（2026.3.5）", None, None, "区长批示（2026.4.2）"],
    ])
    assert paid(ledger, 2026) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}


@pytest.mark.parametrize("given", ["区长批示（2026.4.2）", "县长批示（同意）", "市长批示（待落实）"])
def test_an_instruction_given_with_brackets_is_still_paid_double(tmp_path, given):
    # A day, what was said, or what is awaited of the follow-up: a 批示 given, 100.00 × 2 = 200.00.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", given, None, None]])
    assert len(ledger.instructions) == 1
    assert paid(ledger, 2026) == {"张三": Decimal("200.00")}
