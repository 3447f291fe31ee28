"""A ledger's own 小计/合计 of its items against the items the tool counts (``row.tally_differs``).

Offices write a 小计 under each month and a 合计 at the end, and trust them. Where the count a tally writes
is neither the items the tool counts in the rows it covers nor the rows written there (a row deleted since), the
tally is said at its cell with both numbers; the tool's figures stay the items it counts. A tally that
agrees with either (the 作废 and error rows counted in it are each said at their own cells), or that counts
something else (采用1条, a mark's column, 累计 over the year), is not said."""
from __future__ import annotations

import datetime as dt

from sqmy_lib.compute.counted import counted
from conftest import assert_every_cell_accounted, findings, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"]


def _read(path):
    return assert_every_cell_accounted(path, year=2025)


def _tallies(report):
    return [(i.row, i.column, i.message.split(";")[0]) for i in findings(report, "row.tally_differs")]


def test_month_subtotals_and_the_total_that_count_a_void_and_a_deleted_row(tmp_path):
    # 一月: rows 4-6, three items written, row 6 作废 → 2 counted; the 小计 says 4 (a row deleted since,
    # the 作废 one still in it). 二月: rows 9-10, 2 items, 小计 2: agrees, not said. 合计 6: the sheet
    # counts 2 + 2 = 4 (and the 二月 block alone 2): neither, said with 4 and the void row.
    rows = [["青山县政协2025年社情民意信息报送台账"], HEADER, ["一月份"],
            [1, dt.date(2025, 1, 6), "关于加强农村饮水安全的建议", "张建国", "民盟县委", "市政协采用", None],
            [2, dt.date(2025, 1, 13), "关于规范校外培训机构的建议", "周强", "民进县委", None, None],
            [3, dt.date(2025, 1, 20), "关于改善老旧小区停车难的建议", "李梅", "九三学社县委", None, "作废"],
            ["小计", None, "4条", None, None, "采用1条", None],
            ["二月份"],
            [4, dt.date(2025, 2, 3), "关于加快乡村物流体系建设的建议", "王芳", "县工商联", "省政协采用", None],
            [5, dt.date(2025, 2, 17), "关于提升基层医疗服务能力的建议", "赵敏", "民盟县委", None, None],
            ["小计", None, "2条", None, None, "采用1条", None],
            ["合计", None, "6条", None, None, "采用2条", None]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert len(ledger.submissions) == 4  # the tool's figure, never the tally's
    assert _tallies(report) == [
        (7, "C", "“小计 4条”写的是 4 条,第3—6行计入统计的信息是 2 条(另有作废、删除线或示例行 1 行未计入)"),
        (12, "C", "“合计 6条”写的是 6 条,第3—11行计入统计的信息是 4 条(另有作废、删除线或示例行 1 行未计入)")]


def test_a_total_that_counts_a_duplicate_row(tmp_path):
    # Three rows, the third the first written again alike (item.duplicate, an error: not counted): the
    # tool counts 2, the 合计 in one cell says 3, the rows as written: the ledger agrees with itself and the
    # row left out is said at its own cell (item.duplicate), so the 合计 is not said again.
    item = ["关于加强农村饮水安全的建议", "张建国", "民盟县委", None, None]
    rows = [HEADER,
            [1, dt.date(2025, 3, 6), *item],
            [2, dt.date(2025, 3, 9), "关于规范校外培训机构的建议", "周强", "民进县委", None, None],
            [3, dt.date(2025, 3, 6), *item],
            ["合计：3条"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"3月": rows}))
    assert findings(report, "item.duplicate")
    assert counted(ledger).submissions.shape[0] == 2
    assert _tallies(report) == []


def test_a_figures_line_under_the_items_that_counts_one_more(tmp_path):
    # 报送 | 3条 | 采用 | 1条 under two items (a row deleted after the line was written): 3 against 2, said
    # at the 3条 cell (B); 采用 1条 is the adoptions' count, not compared.
    rows = [HEADER,
            [1, dt.date(2025, 4, 2), "关于加快推进城乡供水一体化的建议", "吴一", "水利局", "市政协采用", None],
            [2, dt.date(2025, 4, 9), "关于解决新就业形态劳动者权益保障的建议", "郑二", "总工会", None, None],
            [None],
            ["报送", "3条", "采用", "1条"]]
    _, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"4月": rows}))
    assert _tallies(report) == [(5, "B", "“报送 3条”写的是 3 条,第2—4行计入统计的信息是 2 条")]


def test_tallies_that_agree_or_count_something_else_are_not_said(tmp_path):
    # 一月小计：2条 and 小计 | | 2 (a bare number under the titles) agree with the two items of each month; the
    # 合计 | | 4 agrees with the sheet; 张三小计 | 1 | 0 writes counts under the mark columns (the adoptions');
    # 采用 | 1 counts adoptions; 累计报送25条 counts the year so far, beyond the sheet: none is said.
    rows = [HEADER,
            [1, dt.date(2025, 1, 6), "关于加强农村饮水安全的建议", "张建国", "民盟县委", "市政协采用", None],
            [2, dt.date(2025, 1, 13), "关于规范校外培训机构的建议", "周强", "民进县委", None, None],
            ["一月小计：2条"],
            [3, dt.date(2025, 2, 3), "关于加快乡村物流体系建设的建议", "王芳", "县工商联", None, None],
            [4, dt.date(2025, 2, 17), "关于提升基层医疗服务能力的建议", "赵敏", "民盟县委", None, None],
            ["小计", None, 2, None, None, None, None],
            ["合计", None, 4, None, None, 1, None],
            ["采用", 1],
            [None, None, None, "累计报送25条"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert len(ledger.submissions) == 4
    assert _tallies(report) == []
