"""An office written as the author (县政府办公室, 县人民政府办公室), the roster listing it as a unit: the unit's own
item, not a unit 县政府办 and a person 公室 (the cut fell inside 办公室 because 政府办 is a unit word too).

Workbooks written by hand; answers by hand (shipped rules: 县级 ¥30); every non-empty cell read or named."""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx


def test_an_office_written_as_the_author_is_that_unit(tmp_path):
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "县教育局"]],
                                                 "单位": [["单位名称", "单位类型"], ["县政府办公室", "专委会"], ["县教育局", "专委会"]]})
    rows = [["东山县政协2025年社情民意信息报送台账"], ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-03-01", "关于第1件事的建议", "县政府办公室", "县政府办公室", "县政协《社情民意》第1期"],
            [2, "2025-03-02", "关于第2件事的建议", "县政府办公室", None, None],
            [3, "2025-03-03", "关于第3件事的建议", "县政府办公室、张三", None, "县政协《社情民意》第2期"]]
    ledger_path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    assert_every_cell_accounted([ledger_path, roster], year=2025)
    ledger = sq.read_ledgers(ledger_path, roster=roster, year=2025)
    # By hand: no person 公室; 县政府办公室 has items 1 and 2 (item 3 is 张三's, with 县政府办公室 as its unit).
    assert "公室" not in set(ledger.authors["name"])
    units = sq.units(ledger, 2025)
    assert dict(zip(units["unit"], units["submitted"]))["县政府办公室"] == 3
    rewards = sq.rewards(ledger, 2025)
    assert dict(zip(rewards["name"], rewards["amount"])) == {"县政府办公室": Decimal("30.00"), "张三": Decimal("30.00")}
