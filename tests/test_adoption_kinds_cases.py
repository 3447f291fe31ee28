"""How a body took an item up, written before the verb under its column (部分采用, 摘编采用, 单篇采用): still that
body's adoption, as 综合采用 always was. 部分采用 was read as a body named 部分, an error of no tier."""
from __future__ import annotations

from decimal import Decimal

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx


def test_the_kind_of_adoption_under_a_bodys_column_is_that_bodys(tmp_path):
    rows = [["东湖区政协2025年社情民意信息报送采用台账"],
            ["序号", "报送日期", "标题", "作者", "单位", "采用情况", None, None],
            [None, None, None, None, None, "区政协", "市政协", "省政协"],
            [1, "2025-03-01", "关于甲的建议", "张三", "民盟区委", None, "部分采用", None],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟区委", None, "摘编采用", "已部分采用"],
            [3, "2025-03-03", "关于丙的建议", "王五", "民盟区委", "单篇采用", None, None],
            [4, "2025-03-04", "关于丁的建议", "赵六", "民盟区委", None, "部分", None]]
    merges = {"2025年": ["F2:H2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3"]}
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, merges), year=2025)
    tiers = ledger.adoptions.merge(ledger.submissions[["item", "title"]])[["title", "tier"]]
    # By hand: each mark under a body's column is that body's adoption, however taken up.
    assert sorted(map(tuple, tiers.to_numpy())) == sorted([("关于甲的建议", "市级"), ("关于乙的建议", "市级"),
                                                           ("关于乙的建议", "省级"), ("关于丙的建议", "县级")])
    assert not findings(report, "adoption.unknown_tier")
    # 部分 alone says nothing of an adoption: asked about at its cell, not counted.
    assert [(i.row, i.column) for i in findings(report, "mark.unknown")] == [(7, "G")]
    # Default rules (this office a 县级 one, 区政协 its own tier): 县级 30.00, 市级 100.00, 省级 200.00;
    # an item adopted by several bodies is paid its highest, so 李四 200.00.
    assert paid(ledger, 2025) == {"张三": Decimal("100.00"), "李四": Decimal("200.00"), "王五": Decimal("30.00")}
