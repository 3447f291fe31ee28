"""A cell under a body's adoption column (市政协采用, 省政协采用) that writes the adoption and where it went
next (市政协采用，报省政协; 《社情民意》第3期（报市委市政府领导）): the column's body adopted it, as a 采用情况
cell says the same; read whole as a 上报 the adoption was lost (and one such cell said nothing).

Every workbook is written by hand in the test and every answer worked out by hand; each non-empty cell is
consumed into a record or named in a finding.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "信息标题", "作者", "单位", "报送日期", "市政协采用", "省政协采用"]
CELLS = [("市政协采用（呈送市委、市政府）", None), ("《社情民意》第3期（报市委市政府领导）", None),
         ("市政协采用，报省政协", None), ("市政协采用后报省政协", None), (None, "省政协采用并报全国政协"),
         ("√", None)]


def test_an_adoption_written_with_where_it_went_is_the_column_body_adoption(tmp_path):
    rows = [HEADER] + [[k, f"关于第{k}个问题的建议", f"作者{k}号", "民革县委", dt.date(2025, 3, k), city, province]
                       for k, (city, province) in enumerate(CELLS, 1)]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # by hand: rows 1-4 and 6 are adopted by 市政协 (市级, 100.00 each), row 5 by 省政协 (省级, 200.00);
    # what follows the adoption (呈送市委, 报省政协, 报全国政协) says where it went, no other adoption
    tiers = dict(zip(ledger.adoptions["item"] + 1, ledger.adoptions["tier"].astype(str)))
    assert tiers == {1: "市级", 2: "市级", 3: "市级", 4: "市级", 5: "省级", 6: "市级"}
    paid = dict(zip(*(lambda r: (r["name"], r["amount"]))(sq.rewards(ledger, 2025))))
    assert paid == {f"作者{k}号": Decimal("200" if k == 5 else "100") for k in range(1, 7)}
