"""One cell with a 批示 given and another awaited (``市长批示（3.5）；区长批示（待）``): the awaited one
is no 批示, the given one still is. The whole cell was read as awaited and the given 批示 lost, with
nothing said. Worked out by hand at the shipped rates (市级 100.00 yuan, a 批示 ×2).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq

from conftest import paid, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"]


def _one_row(tmp_path, instruction, note=None):
    row = [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", instruction, note]
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送采用登记表"], HEADER, row]})
    return sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)


@pytest.mark.parametrize("cell", ["市长批示（3.5）；区长批示（待）", "市长批示(2026.3.5)、区长批示(拟)",
                                  "区长批示（未批）；市长批示（2026.3.5）", "区长批示（未批）、市长批示（2026.3.5）"])
def test_the_given_instruction_beside_an_awaited_one_counts(tmp_path, cell):
    # 市长 (市级) gave a 批示, 区长's is awaited: one 批示, 市级; 100.00 × 2 = 200.00.
    ledger = _one_row(tmp_path, cell)
    assert list(ledger.instructions["leader"]) == ["市长"]
    assert list(ledger.instructions["level"]) == ["市级"]
    assert paid(ledger, 2026) == {"张三": Decimal("200.00")}


def test_both_awaited_is_none(tmp_path):
    # Neither given: no 批示, 100.00.
    ledger = _one_row(tmp_path, "市长批示（待）；区长批示（拟）")
    assert ledger.instructions.empty
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}
    ledger = _one_row(tmp_path, "市长批示（待）、区长批示（拟）")
    assert ledger.instructions.empty
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}
