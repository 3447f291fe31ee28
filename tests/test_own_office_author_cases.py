"""An item the office's own staff wrote as the office (作者 本办, 我办, 本会: its 自采信息): counted among the items,
no person credited or paid (it was paid as a person named 本办, silently), said at the cell (author.collective)."""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx


def test_the_office_as_author_is_no_person(tmp_path):
    rows = [["临江县政协2025年社情民意信息报送台账"], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-05-06", "关于甲事项的建议", "本办", None, "县政协编发"],
            [2, "2025-05-07", "关于乙事项的建议", "我办", None, "市政协采用"],
            [3, "2025-05-08", "关于丙事项的建议", "张三", "民盟临江县委", "市政协采用"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: three items sent, three adopted; only 张三 is a person: 市政协 ¥100. 本办 and 我办 paid nothing.
    assert paid(ledger, 2025) == {"张三": Decimal("100.00")}
    assert sq.summary(ledger, sq.Period.of(2025)).to_dict()["submitted"] == 3
    assert [(i.row, i.column) for i in findings(report, "author.collective")] == [(3, "D"), (4, "D")]
    assert set(ledger.authors["name"]) == {"张三"}


def test_the_office_as_author_under_a_unit_is_not_asked_for_the_unit_above(tmp_path):
    # 本办 rows below a row whose 单位 is written drew unit.blank_below ("单位栏为空，是否与上方 民盟临江县委
    # 相同") though the office wrote the item as itself. By hand: no unit asked for; 课题组 (a collective that
    # belongs to some unit) under 县教育局 still is; 张三 ¥100.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-05-06", "关于甲事项的建议", "张三", "民盟临江县委", "市政协采用"],
            [2, "2025-05-07", "关于乙事项的建议", "本办", None, "县政协编发"],
            [3, "2025-05-08", "关于丙事项的建议", "我办", None, ""],
            [4, "2025-05-09", "关于丁事项的建议", "李四", "县教育局", ""],
            [5, "2025-05-10", "关于戊事项的建议", "课题组", None, ""]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert paid(ledger, 2025) == {"张三": Decimal("100.00")}
    assert [i.row for i in findings(report, "unit.blank_below")] == [6]
