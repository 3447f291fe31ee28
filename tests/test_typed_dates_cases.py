"""A day typed as eight digits into a tier column (市政协 | 20250312): Excel keeps it as the number
20250312. Typed as text it was read as the day it says; as a number it was mark.unknown and the
adoption was not counted. Read alike now."""
import datetime as dt

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, write_xlsx


def test_a_day_typed_as_eight_digits_in_a_tier_column_is_that_days_adoption(tmp_path):
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None],
        [None, None, None, None, None, "县政协编发", "市政协", "省政协"],
        [1, dt.date(2025, 3, 2), "关于加强农村养老服务的建议", "张三", "民革县委", "√", 20250312, None],
        [2, dt.date(2025, 4, 2), "关于河道治理的几点建议", "李四", "民盟县委", "√", "20250420", 20251308],
    ]}, merges={"2025年": ["F1:H1"] + [f"{c}1:{c}2" for c in "ABCDE"]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: item 1 县级 and 市级 (2025-03-12); item 2 县级 and 市级 (2025-04-20, typed as text);
    # 20251308 is no day (13th month): said, not counted.
    city = ledger.adoptions[ledger.adoptions["tier"] == "市级"]
    assert len(city) == 2
    assert sorted(d.date() for d in city["date"]) == [dt.date(2025, 3, 12), dt.date(2025, 4, 20)]
    assert [(f.row, f.column) for f in findings(report, "mark.unknown")] == [(4, "H")]
    assert sq.summary(ledger, 2025).adopted_by_tier["市级"] == 2 and len(ledger.adoptions) == 4
