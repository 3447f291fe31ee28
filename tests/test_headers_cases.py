"""Ledgers laid out as other offices lay them out: a 界别 column in place of a 单位 one, a second column of
people beside the authors' (报送人 | 信息员), a 统计 line under the items (报送 | 4 | 采用 | 2, 报送2条 | 采用1条).

Each workbook is written by hand to disk, read as a user reads it, and checked against figures worked out by
hand (the working beside each), every cell accounted for. The shipped rules: a county office (示例县政协),
adoptions 县级 30 / 市级 100 / 省级 200 元, doubled with a 批示; unit points 1 a submission, 3 / 10 / 20 by the
highest tier.
"""
from __future__ import annotations

import warnings
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx


def _units(ledger) -> dict[str, tuple[int, int, int]]:
    """unit → (submitted, adopted, points) for 2025."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        u = sq.units(ledger, 2025)
    return {n: (int(s), int(a), int(p)) for n, s, a, p in zip(u["unit"], u["submitted"], u["adopted"], u["points"])}


def _items(ledger) -> list[tuple[int, str, str]]:
    s = ledger.submissions
    return list(zip(s["row"], s["title"], s["author_text"]))


# -- a 界别 column, no 单位 column, no roster ------------------------------------------------------------------

def test_units_written_under_a_sector_column_count_for_them(tmp_path):
    """序号 | 收文日期 | 信息题目 | 供稿人 | 界别 | 刊发情况 | 批示情况, no roster. The office writes each item's
    sender under 界别 (民盟县委, 县工商联, 经济界). By hand:
      民盟县委: row 2, 市级 (市政协采用), 批示 by 县长 (县级 leader: no points) → 1 + 10 = 11
      县工商联: row 3, 省级 (省政协刊用) → 1 + 20 = 21
      经济界:   rows 4 and 5, row 4 县级 (县政协编发) → 2 + 3 = 5
    The tool counted these items for no unit at all (an empty unit table) and said nothing."""
    rows = [
        ["序号", "收文日期", "信息题目", "供稿人", "界别", "刊发情况", "批示情况"],
        [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", "县长王某某批示"],
        [2, "2025-04-03", "关于加快老旧小区改造的建议", "王五", "县工商联", "省政协刊用", None],
        [3, "2025-05-08", "关于发展夜间经济的建议", "赵六", "经济界", "县政协编发", None],
        [4, "2025-07-20", "关于乡村物流体系建设的建议", "孙八", "经济界", None, None],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _units(ledger) == {"民盟县委": (1, 1, 11), "县工商联": (1, 1, 21), "经济界": (2, 1, 5)}
    said = findings(report, "unit.from_sector_written")
    assert [(i.column, i.row) for i in said] == [("E", 2), ("E", 3), ("E", 4)]
    assert "按界别“经济界”计入单位“经济界”" in said[2].message and "共 2 条" in said[2].message


def test_a_sector_beside_a_unit_column_fills_only_the_blank_units(tmp_path):
    """单位 | 界别 both kept, one 单位 cell left blank: that item counts for its 界别 (经济界), said; the others
    for their 单位, their 界别 unread for it. By hand: 民盟县委 1 item (市级: 1 + 10 = 11), 经济界 1 item (1)."""
    rows = [
        ["序号", "报送日期", "标题", "作者", "单位", "界别", "采用情况"],
        [1, "2025-02-10", "关于加强农村饮水安全的建议", "张三", "民盟县委", "经济界", "市政协采用"],
        [2, "2025-03-03", "关于加快老旧小区改造的建议", "王五", None, "经济界", None],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _units(ledger) == {"民盟县委": (1, 1, 11), "经济界": (1, 0, 1)}
    assert [(i.column, i.row) for i in findings(report, "unit.from_sector_written")] == [("F", 3)]


# -- a second column of people beside the authors' ---------------------------------------------------------------

def test_a_second_people_column_is_said_when_its_label_names_no_coauthor(tmp_path):
    """报送人 | 信息员: the 信息员 column (李梅 on every row, the one who handled the items) is read as the
    items' co-author, as 合作者 would be: 市级 100 元 shared, 张三 50, 李梅 50. That is said at its header
    (header.second_author), once; before, nothing was said and 李梅 silently took half of every reward."""
    rows = [
        ["序号", "收稿日期", "信息标题", "报送人", "信息员", "报送单位", "采用单位"],
        [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "李梅", "民盟县委", "市政协"],
        [2, "2025-04-03", "关于加快老旧小区改造的建议", "王五", "李梅", "县工商联", None],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert paid(ledger, 2025) == {"张三": Decimal("50.00"), "李梅": Decimal("50.00")}
    said = findings(report, "header.second_author")
    assert [(i.column, i.row, i.severity) for i in said] == [("E", 1, "warning")]
    assert "“信息员”列与前面的“报送人”列都是作者列" in said[0].message and "合作者" in said[0].message


def test_columns_named_for_more_authors_are_read_without_a_word(tmp_path):
    """作者 | 第二作者, 作者 | 执笔人, 作者1 | 作者2: their labels say they hold more authors; read, not said.
    市级 100 元 shared by two: 50 each."""
    for second in ("第二作者", "执笔人", "作者2", "合作者"):
        first = "作者1" if second == "作者2" else "作者"
        rows = [
            ["序号", "收稿日期", "信息标题", first, second, "单位", "采用情况"],
            [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "李四", "民盟县委", "市政协采用"],
        ]
        path = write_xlsx(tmp_path / f"{second}.xlsx", {"2025年": rows})
        ledger, report = assert_every_cell_accounted(path, year=2025)
        assert paid(ledger, 2025) == {"张三": Decimal("50.00"), "李四": Decimal("50.00")}, second
        assert not findings(report, "header.second_author"), second


# -- a 统计 line under or among the items --------------------------------------------------------------------------

def test_a_count_line_under_a_month_sheet_is_no_item(tmp_path):
    """A sheet 3月 with no date column (its items dated to March) and under the items, in the title and author
    columns, 报送2条 | 采用1条. By hand: 2 items, 1 adoption (市级), authors 张三 and 李四. It was read as a third
    item of March, by a person named 采用1条, with only a warning that its unit was blank."""
    rows = [
        ["示例县政协2025年3月社情民意信息登记表"],
        ["序号", "题目", "作者", "所在单位", "采用情况"],
        [1, "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用"],
        [2, "关于规范校外培训机构的建议", "李四", "民革县委", None],
        [None, "报送2条", "采用1条"],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"3月": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [r for r, _, _ in _items(ledger)] == [3, 4]
    assert set(ledger.authors["name"]) == {"张三", "李四"}
    assert _units(ledger) == {"民盟县委": (1, 1, 11), "民革县委": (1, 0, 1)}
    assert not findings(report, "unit.blank_below")


def test_count_pairs_under_the_items_raise_no_errors(tmp_path):
    """报送 | 3 | 采用 | 2 | 批示 | 1 under the table (a label, its count in the next cell): no item. It was read
    as one (序号 报送, date 3, title 采用, author 2, 1 under 采用情况), three errors telling staff to write a date,
    an author and a body for a line of figures. By hand: 3 items, 市级 and 县级 adoptions, one 批示."""
    rows = [
        ["示例县政协2025年社情民意信息登记表"],
        ["序号", "日期", "题目", "作者", "所在单位", "采用情况", "批示情况"],
        [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", None],
        [2, "2025-02-15", "关于规范校外培训机构的建议", "李四", "民革县委", None, None],
        [3, "2025-04-03", "关于加快老旧小区改造的建议", "王五", "县工商联", "县政协编发", "县长王某某批示"],
        [None],
        ["报送", 3, "采用", 2, "批示", 1],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [r for r, _, _ in _items(ledger)] == [3, 4, 5]
    assert sorted(ledger.adoptions["tier"].astype(str)) == ["县级", "市级"]
    assert len(ledger.instructions) == 1
    assert [i.code for i in report.issues if i.severity == "error"] == []


def test_a_count_line_between_months_leaves_the_items_below_read(tmp_path):
    """报送信息 | 2 after January's items and 报送1条 | 采用1条 after February's: each a line of figures, set aside
    alone; the items below them are read. By hand: 3 items (rows 3, 4, 6), 1 adoption (市级)."""
    rows = [
        ["2025年社情民意信息登记表"],
        ["序号", "报送时间", "信息名称", "撰稿人", "推荐单位", "录用情况"],
        [1, "2025.1.8", "关于加强农村饮水安全的建议", "张三", "民盟县委", None],
        [2, "2025.1.20", "关于规范校外培训机构的建议", "李四", "民革县委", None],
        [None, "报送信息", 2],
        [1, "2025.2.3", "关于加快老旧小区改造的建议", "王五", "县工商联", "市政协录用"],
        [None, "报送1条", "采用1条"],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [r for r, _, _ in _items(ledger)] == [3, 4, 6]
    assert list(ledger.adoptions["tier"].astype(str)) == ["市级"]
    assert [i.code for i in report.issues if i.severity == "error"] == []


def test_another_adoption_on_the_line_below_is_no_count_line(tmp_path):
    """编发 | 12 under 采用情况 | 期号 on the line under an item: another adoption of it (row.continuation), not a
    统计 line (a guard: only a line with a cell outside the record columns is one). By hand: 2 items, row 2 with
    two adoption records (市政协采用, and 编发 of no named body, an error at F3, as before)."""
    rows = [
        ["序号", "日期", "题目", "作者", "单位", "采用情况", "期号"],
        [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", 3],
        [None, None, None, None, None, "编发", 12],
        [2, "2025-02-15", "关于规范校外培训机构的建议", "李四", "民革县委", None, None],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [r for r, _, _ in _items(ledger)] == [2, 4]
    assert list(ledger.adoptions["row"]) == [2, 3]
    assert [(i.column, i.row) for i in findings(report, "row.continuation")] == [("C", 3)]


def test_count_labels_over_their_numbers_are_a_table_of_figures(tmp_path):
    """报送 | 采用 | 批示 over 3 | 2 | 1 under the items: a table of figures, set aside and said
    (sheet.appendix at its first row); it was read as two items with errors. By hand: 3 items."""
    rows = [
        ["示例县政协2025年社情民意信息登记表"],
        ["序号", "日期", "题目", "作者", "所在单位", "采用情况", "批示情况"],
        [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", None],
        [2, "2025-02-15", "关于规范校外培训机构的建议", "李四", "民革县委", None, None],
        [3, "2025-04-03", "关于加快老旧小区改造的建议", "王五", "县工商联", "县政协编发", "县长王某某批示"],
        [None],
        ["报送", "采用", "批示"],
        [3, 2, 1],
    ]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [r for r, _, _ in _items(ledger)] == [3, 4, 5]
    assert [i.row for i in findings(report, "sheet.appendix")] == [7]
    assert [i.code for i in report.issues if i.severity == "error"] == []


# -- 单位：条 in the title block ------------------------------------------------------------------------------------

def test_the_figures_unit_of_measure_above_the_header_is_no_unit(tmp_path):
    """A 委员 ledger with no 单位 column, its title block saying 填报日期 and 单位：条 (the figures are counted
    in 条). By hand: 2 items, 张三's adopted at 市级; no unit named, so no unit figures. The tool filed both items
    under a unit called 条 (and 篇 for 单位：篇), ranked in the unit table. 填报单位：民盟县委 after it is still read."""
    for measure, expected in (("单位：条", {}), ("单位：篇、元", {}),
                              ("单位：条    填报单位：民盟县委", {"民盟县委": (2, 1, 12)})):
        rows = [
            ["示例县政协2025年委员社情民意信息报送统计表"],
            ["填报日期：2025年12月30日", None, None, None, measure],
            ["序号", "报送时间", "信息题目", "委员姓名", "刊用情况"],
            [1, "2025-01-10", "关于加强农村饮水安全的建议", "张三", "市政协采用"],
            [2, "2025-04-03", "关于加快老旧小区改造的建议", "王五", None],
        ]
        path = write_xlsx(tmp_path / f"台账{len(measure)}.xlsx", {"2025年": rows})
        ledger, report = assert_every_cell_accounted(path, year=2025)
        assert _units(ledger) == expected, measure
        assert set(ledger.submissions["unit"]) == ({""} if not expected else {"民盟县委"}), measure


# -- 批示 over 领导 | 级别 | 内容 ------------------------------------------------------------------------------------

def test_a_level_column_under_the_instruction_group_places_its_leader(tmp_path):
    """信息标题 | 报送情况 over 单位 | 作者 | 时间 | 采用情况 over 采用单位 | 采用级别 | 批示 over 领导 | 级别 | 内容.
    Row 3: 示例市政协 adopted it (市级) and 王某某, a 市级 leader by the 级别 column, gave a 批示. By hand:
      民盟县委 1 + 10 (市级 adoption) + 10 (市级 批示) = 21 points; 县工商联 1;
      张三 100 元 (市级) doubled for the 批示 = 200 元.
    The 级别 column was an unknown one (said) and the 批示 of no level: its 10 points lost."""
    rows = [
        ["序号", "信息标题", "报送情况", None, None, "采用情况", None, "批示", None, None],
        [None, None, "单位", "作者", "时间", "采用单位", "采用级别", "领导", "级别", "内容"],
        [1, "关于加强农村饮水安全的建议", "民盟县委", "张三", "2025-01-10", "示例市政协", "市级", "王某某", "市级", "请水利局研究"],
        [2, "关于加快老旧小区改造的建议", "县工商联", "王五", "2025-04-03", None, None, None, None, None],
    ]
    merges = ["A1:A2", "B1:B2", "C1:E1", "F1:G1", "H1:J1"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": merges})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert list(zip(ledger.instructions["level"].astype(str), ledger.instructions["text"])) == [("市级", "请水利局研究")]
    assert _units(ledger) == {"民盟县委": (1, 1, 21), "县工商联": (1, 0, 1)}
    assert paid(ledger, 2025) == {"张三": Decimal("200.00")}
    assert not findings(report, "header.unknown") and not findings(report, "instruction.unknown_level")
