"""Units as honest ledgers write them. The unit in brackets after the names (张伟（民建临江市委）), how a clerk with no
单位 column writes who wrote an item and where they work: read as the person and their unit, said as an info, not
warned on every row; a 单位 column naming another unit counts, and the author cell's unit is said there. A 单位 cell
saying there is none (个人, ——): no unit, not asked to take the unit above."""
from __future__ import annotations

from decimal import Decimal

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

TITLE = ["临江县政协2025年社情民意信息报送台账"]


def test_names_then_their_unit_in_brackets_are_read_plainly(tmp_path):
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "市政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张伟（民建临江县委）", "√"],
            [2, "2025-03-02", "关于乙的建议", "张伟、李娜（民建临江县委）", "√"],
            [3, "2025-03-03", "关于丙的建议", "王芳(县教育局)", None],
            [4, "2025-03-04", "关于丁的建议", "民建临江县委 张伟", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    subs = ledger.submissions.sort_values("item")
    # By hand: each item is its writers', their unit the one in brackets (or before the name on row 6).
    assert list(subs["unit"]) == ["民建临江县委", "民建临江县委", "县教育局", "民建临江县委"]
    assert [list(ledger.authors.loc[ledger.authors["item"] == i, "written"]) for i in subs["item"]] == \
        [["张伟"], ["张伟", "李娜"], ["王芳"], ["张伟"]]
    # A 市政协 adoption pays 100.00 (default rules), shared by co-writers: 张伟 100 + 50, 李娜 50.
    assert paid(ledger, 2025) == {"张伟": Decimal("150.00"), "李娜": Decimal("50.00")}
    # Rows 3–5 write the names then the unit in brackets: plain, an info each; row 6 puts the unit first
    # (the unit's item, 张伟 its writer?): a warning, as before.
    assert [(i.row, i.severity) for i in findings(report, "author.unit_in_brackets")] == \
        [(3, "info"), (4, "info"), (5, "info")]
    assert [i.row for i in findings(report, "author.with_unit")] == [6]


def test_a_unit_column_naming_another_unit_counts_and_the_bracket_is_said(tmp_path):
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "单位", "市政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张伟（民建临江县委）", "民建临江县委", "√"],
            [2, "2025-03-02", "关于乙的建议", "张伟（民建临江县委）", "民盟临江县委", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: the 单位 column is the item's unit; on row 4 it names another unit than the bracket.
    assert list(ledger.submissions.sort_values("item")["unit"]) == ["民建临江县委", "民盟临江县委"]
    said = findings(report, "author.unit_not_column")
    assert [(i.row, i.severity, i.column) for i in said] == [(4, "warning", "D")]
    assert "民建临江县委" in said[0].message and "民盟临江县委" in said[0].message
    assert not findings(report, "author.with_unit")


def test_a_unit_cell_saying_there_is_none_is_not_asked_to_take_the_unit_above(tmp_path):
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张伟", "民建临江县委", "√"],
            [2, "2025-03-02", "关于乙的建议", "李娜", "个人", "√"],
            [3, "2025-03-03", "关于丙的建议", "王芳", "——", None],
            [4, "2025-03-04", "关于丁的建议", "赵六", None, None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: 个人 and —— say the item has no unit; only row 6, left blank under 王芳's, may have lost its unit.
    assert list(ledger.submissions.sort_values("item")["unit"]) == ["民建临江县委", "", "", ""]
    assert [(i.row, i.severity) for i in findings(report, "unit.none_written")] == [(4, "info"), (5, "info")]
    assert [i.row for i in findings(report, "unit.blank_below")] == [6]


def test_units_named_with_the_committees_formal_name_are_the_offices_own(tmp_path):
    # 政协临江县委员会 is the formal name of 临江县政协 itself: its 专委会, 办公室 and 工委 are the office's own units,
    # not another county's. Before, each was warned "所写的“政协临江县”不是本单位所在地" (unit.elsewhere).
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张伟", "政协临江县委员会文化文史和学习委员会", "√"],
            [2, "2025-03-02", "关于乙的建议", "李娜", "政协临江县委员会办公室", None],
            [3, "2025-03-03", "关于丙的建议", "王芳", "中国人民政治协商会议临江县委员会", None],
            [4, "2025-03-04", "关于丁的建议", "赵六", "政协临江县委员会城关镇工作委员会", None],
            [5, "2025-03-05", "关于戊的建议", "钱七", "政协云溪县委员会", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: five units as written; only 政协云溪县委员会 (another county's committee) is of another place.
    assert ledger.submissions.sort_values("item")["unit"].tolist() == [r[4] for r in rows[2:]]
    said = findings(report, "unit.elsewhere")
    assert [(i.row, i.column) for i in said] == [(7, "E")]
    assert "云溪县" in said[0].message and "政协云溪县" not in said[0].message.split("所写的")[1][:8]


def test_a_bracket_saying_the_persons_post_at_their_unit_is_plain(tmp_path):
    # 张三（县政协委员，县人民医院副院长）: who wrote it and what they are, the unit part of their post. Before, a warning
    # on the row asking "如系以单位名义报送,请只填单位" (author.with_unit), though the 单位 column says the same unit.
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "单位", "市政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张三（县政协委员，县人民医院副院长）", "县人民医院", "√"],
            [2, "2025-03-02", "关于乙的建议", "李娜（县政协委员，县教育局副局长）", "民盟临江县委", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: the 单位 column's unit counts; 张三 a person paid 100.00 for the 市政协 adoption, as a 委员.
    assert ledger.submissions.sort_values("item")["unit"].tolist() == ["县人民医院", "民盟临江县委"]
    assert paid(ledger, 2025) == {"张三": Decimal("100.00")}
    assert [(i.row, i.severity) for i in findings(report, "author.unit_in_brackets")] == [(3, "info"), (4, "info")]
    # Row 4: the bracket's unit (县教育局) is not the 单位 column's: which counts is said, as a warning.
    assert [i.row for i in findings(report, "author.unit_not_column")] == [4]
    assert not findings(report, "author.with_unit")


def test_a_sector_in_the_unit_column_beside_the_persons_workplace_is_no_other_unit(tmp_path):
    # 单位 经济界 | 作者 张三（县农商银行行长）: the 单位 column holds each person's 界别; where they work is another thing,
    # both true. Before, a warning "与单位栏的“经济界”不是同一单位…请改正单位栏" (author.unit_not_column) on honest rows.
    rows = [TITLE, ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协采用"],
            [1, "2025-03-01", "关于甲的建议", "张三（县农商银行行长）", "经济界", "√"],
            [2, "2025-03-02", "关于乙的建议", "李娜（县人民医院）", "医卫界别", "√"],
            [3, "2025-03-03", "关于丙的建议", "王芳（民建临江县委）", "民盟临江县委", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    # By hand: each item counts for its 单位 cell (经济界, 医卫界别, 民盟临江县委); 县政协 adoption ¥30 each.
    assert ledger.submissions.sort_values("item")["unit"].tolist() == ["经济界", "医卫界别", "民盟临江县委"]
    assert paid(ledger, 2025) == {"张三": Decimal("30.00"), "李娜": Decimal("30.00")}
    # Only row 5 names two units (民建 in the bracket, 民盟 in the column): which counts is said.
    assert [i.row for i in findings(report, "author.unit_not_column")] == [5]
