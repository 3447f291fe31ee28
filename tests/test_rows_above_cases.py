"""A line about the rows above it, as clerks write one under a block (以上信息已报市政协): it was taken for a unit's
heading, and the item below it counted for a unit named 以上信息已报市政协; with a count in it (以上2条均已报送市政协)
it was an item with no date and no author."""
from __future__ import annotations

from conftest import assert_every_cell_accounted, findings, write_xlsx


def test_a_line_about_the_rows_above_is_no_heading_and_no_item(tmp_path):
    rows = [["东山县政协2025年社情民意信息台账"], ["序号", "报送日期", "标题", "作者", "单位", "采用情况"],
            [1, "2025-03-01", "关于甲的建议", "张三", None, "县政协第1期"],
            [2, "2025-03-02", "关于乙的建议", "李四", "民盟县委", None],
            [None, None, "以上信息已报市政协", None, None, None],
            [3, "2025-04-01", "关于丙的建议", "王五", None, None],
            [None, None, "以上2条均已报送市政协", None, None, None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    subs = ledger.submissions.sort_values("item")
    # By hand: three items; only 李四's names a unit; nothing reads which items went to the 市政协.
    assert list(subs["title"]) == ["关于甲的建议", "关于乙的建议", "关于丙的建议"]
    assert list(subs["unit"]) == ["", "民盟县委", ""]
    assert ledger.forwards.empty
    assert [(i.row, i.column, i.severity) for i in findings(report, "row.of_rows_above")] == \
        [(5, "C", "warning"), (7, "C", "warning")]
    assert not findings(report, "row.unit_heading") and not findings(report, "date.missing")
