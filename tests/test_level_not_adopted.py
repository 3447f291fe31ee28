"""A system export's 采用级别 beside a 采用单位 that says the item was not adopted (未采用, 否): some systems
fill the level with where the item was sent, adopted or not. The clerk's 未采用 is not overruled by the
level: nothing is counted, and the two cells are said together.

Workbooks written by hand; answers worked out by hand (rewards by the shipped rules: 县级 ¥30, 市级 ¥100,
省级 ¥200); every non-empty cell read into a record or named in a finding.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEAD = ["信息编号", "标题", "报送单位", "作者", "报送时间", "采用级别", "采用单位", "采用时间"]
ROWS = [  # (采用级别, 采用单位, 采用时间) for 张三's items 1..5
    ("市级", "市政协", "2025-03-05"),  # adopted at 市级: ¥100
    ("市级", "未采用", None),  # not adopted: the level is where it was sent
    (None, "未采用", None),  # not adopted, no level
    ("省级", "省政协", "2025-04-01"),  # adopted at 省级: ¥200
    ("县级", "否", None),  # not adopted
]


def test_a_level_beside_not_adopted_is_not_an_adoption(tmp_path):
    rows = [HEAD] + [[f"QS2025{k:03d}", f"关于第{k}件事的建议", "县教育局", "张三", f"2025-03-0{k}", *r]
                     for k, r in enumerate(ROWS, 1)]
    path = write_xlsx(tmp_path / "青山县政协信息报送导出2025.xlsx", {"Sheet1": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # Before: items 2 and 5 were adopted at 市级 and 县级 (¥130 more), with no finding.
    assert sorted(int(i) for i in ledger.adoptions["item"]) == [0, 3]
    assert dict(zip(ledger.adoptions["item"].astype(int), ledger.adoptions["tier"].astype(str))) == {0: "市级", 3: "省级"}
    rewards = sq.rewards(ledger, 2025)
    assert dict(zip(rewards["name"], rewards["amount"])) == {"张三": Decimal("300.00")}
    said = sorted((i.row, i.column) for i in report.issues if i.code == "adoption.level_not_adopted")
    assert said == [(3, "F"), (6, "F")]
    assert all("未计为采用" in i.message and "采用级别却填了" in i.message for i in report.issues if i.code == "adoption.level_not_adopted")


def test_a_level_written_as_nothing_and_another_bodys_no_in_brackets(tmp_path):
    # 未采用/否 beside a level written as nothing (—, /, 无, 未采用, ×): an ordinary row, nothing said.
    # 省政协（市政协未采用）: 省政协's adoption, the bracket saying the 市政协 did not take it (before: no
    # adoption, said as level_not_adopted beside 省级, and nothing at all with no level). A bracket naming
    # no body (省政协采用（待确认）) still makes the cell pending: no adoption.
    rows = [["序号", "报送日期", "信息标题", "报送人", "所在单位", "采用单位", "采用级别"]]
    cells = [("未采用", "—"), ("否", "/"), ("未采用", "无"), ("否", "未采用"), ("未采用", "×"),
             ("省政协（市政协未采用）", "省级"), ("省政协（市政协未采用）", None), ("省政协采用（待确认）", None)]
    rows += [[k, f"2025-02-{k:02d}", f"关于第{k}件事的建议", "张明", "民盟县委", b, lv] for k, (b, lv) in enumerate(cells, 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert not [i for i in report.issues if i.code == "adoption.level_not_adopted"]
    ad = ledger.adoptions
    assert sorted(zip(ad["row"].astype(int), ad["tier"].astype(str))) == [(7, "省级"), (8, "省级")]
    rewards = sq.rewards(ledger, 2025)
    assert dict(zip(rewards["name"], rewards["amount"])) == {"张明": Decimal("400.00")}  # two 省级 at ¥200
