"""One office's workbook kept since 2021, a sheet a year, its columns changed over the years: each case read
right, or reported at its cell.

Every workbook here is written by hand in the test, every answer worked out by hand (shipped rules: 县级 ¥30,
市级 ¥100, 省级 ¥200), and every workbook is checked for the reader's invariant: each non-empty cell is
consumed into a record or named in a finding.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx, findings as _codes, paid as _paid
from sqmy_lib.read.values import issue_year


def _roster(tmp_path):
    return write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张明", "委员", "民革县委"], ["李华", "委员", "民盟县委"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"]]})


# ---------------------------------------------------------------- 作者（单位）: one cell, the author and the unit

@pytest.mark.parametrize("label", ["作者（单位）", "作者(单位)", "作者/单位", "作者（所在单位）"])
def test_an_author_column_asking_for_the_unit_in_brackets_reads_both(tmp_path, label):
    """作者（单位） over 张明（民革县委）: without its bracket the label read as 作者单位, a column of units, and each
    item's unit was the whole cell 张明(民革县委), not in the roster: 民革县委 and 民盟县委 had no item (全年未报送 in
    the circular). Read as 作者及单位 and 报送人（单位） are: the person, and the unit as asked, nothing said."""
    rows = [["序号", "日期", "标题", label, "采用情况"],
            [1, dt.datetime(2025, 1, 10), "关于加强农村饮水安全的建议", "张明（民革县委）", "县政协编发"],
            [2, dt.datetime(2025, 3, 5), "关于规范校外培训机构的建议", "李华（民盟县委）", "市政协采用"],
            [3, dt.datetime(2025, 3, 9), "关于规范农贸市场的建议", "张明（民革县委）", None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path), year=2025)
    subs = ledger.submissions
    assert list(zip(subs["authors"], subs["unit"])) == [(("张明",), "民革县委"), (("李华",), "民盟县委"), (("张明",), "民革县委")]
    for code in ("sheet.unit_as_author", "author.with_unit", "roster.unknown_unit"):
        assert not _codes(report, code), code
    units = sq.units(ledger, 2025).set_index("unit")
    # 民革县委: items 1 and 3, item 1 县级; 民盟县委: item 2, 市级.
    assert units.loc["民革县委", "submitted"] == 2 and units.loc["民盟县委", "submitted"] == 1
    assert _paid(ledger, 2025) == {"张明": Decimal("30.00"), "李华": Decimal("100.00")}


def test_an_author_column_beside_one_asking_for_the_unit_one_is_the_units(tmp_path):
    """作者 | 作者及单位 over 张明 | 民革县委 (or 作者（单位） | 作者 over 民革县委 | 张明): the column asking for the unit is
    the authors' units, not a second column of authors (作者及单位 said 民革县委 as a unit written with the names)."""
    for k, (labels, cells) in enumerate([(("作者", "作者及单位"), ["张明", "民革县委"]), (("作者（单位）", "作者"), ["民革县委", "张明"])]):
        rows = [["序号", "日期", "标题", *labels, "采用情况"],
                [1, dt.datetime(2025, 1, 10), "关于加强农村饮水安全的建议", *cells, "县政协编发"]]
        ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / f"台账{k}.xlsx", {"2025年": rows}),
                                                     roster=_roster(tmp_path), year=2025)
        assert list(zip(ledger.submissions["authors"], ledger.submissions["unit"])) == [(("张明",), "民革县委")], labels
        assert not [i for i in report.issues if i.code.startswith(("author.", "unit.", "roster.", "header."))], labels


# ---------------------------------------------------------------- an issue of the next year on last year's sheet

ISSUES = [("第2期（2025年）", 2), ("25年第3期", 3), ("2025年2期", 2), ("2025第2期", 2), ("2025-2期", 2),
          ("2025年《社情民意》第2期", 2), ("2025年第2期", 2), ("〔2025〕第2期", 2)]


def test_an_issue_of_the_next_year_written_any_way_is_said(tmp_path):
    """Under 市政协采用 on 2024年台账, items of 2024-11, no 采用日期: each cell names an issue of 2025. Only 2025年第2期 and
    〔2025〕第2期 were said (adoption.issue_of_another_year); the others were a 市级 adoption of 2024 (¥100 paid in
    2024) without a word. Each is said at its cell now, with its issue number; 第25期 (no year) and 2024年第9期 are
    no finding."""
    header = ["序号", "日期", "标题", "作者", "单位", "市政协采用"]
    rows = [header] + [[k, dt.datetime(2024, 11, k), f"关于第{k}项工作的建议", f"作者{k}号", "民革县委", cell]
                       for k, (cell, _) in enumerate(ISSUES, 1)]
    rows += [[9, dt.datetime(2024, 11, 9), "关于第9项工作的建议", "作者9号", "民革县委", "第25期"],
             [10, dt.datetime(2024, 11, 10), "关于第10项工作的建议", "作者10号", "民革县委", "2024年第9期"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2024年台账": rows})
    ledger, report = assert_every_cell_accounted(path, year=2024)
    found = _codes(report, "adoption.issue_of_another_year")
    assert [(i.row, i.column) for i in found] == [(k, "F") for k in range(2, 10)]
    assert all("是2025年的期号" in i.message and "计入2024年" in i.message for i in found)
    ad = ledger.adoptions
    assert ad["issue_no"].astype(int).tolist() == [n for _, n in ISSUES] + [25, 9]
    assert set(ad["tier"].astype(str)) == {"市级"}


def test_the_year_of_an_issue_is_never_its_number():
    """A two-digit year only before 年 (25年第3期); a plain 第25期 names no year, nor does a month."""
    cases = {"第25期": None, "市政协第25期": None, "25期": None, "2025年3月": None, "2025年3月第2期": None, "125年第3期": None,
             "第3期（总第45期）": None, "2025年第25期": 2025, "26年第1期": 2026, "第1期(2026)": 2026, "2026-1期": 2026}
    assert {text: issue_year(text) for text in cases} == cases


# ---------------------------------------------------------------- an item entered again the next year

def test_an_item_entered_again_next_year_keeps_the_adoption_only_that_copy_has(tmp_path):
    """李华's item of 2024-12-26, not adopted on 2024年台账, entered again on 2025 (same title, author, day) with the
    县 adoption 2025.1.15: the 2025 row is a repeat of 2024年台账!第3行, and its adoption was dropped (repeat.differs,
    以 …第3行 为准; ¥30 not paid). The copies fill each other's blanks: the adoption is the item's, counted once, in
    2025 by its own day, said at the row; the item itself is 2024's. The row is last year's item carried into the
    2025 book (its 备注 says so): said as that (repeat.carried_over, a note), no longer as a copy to be removed
    (repeat.fills and sheet.repeats, warnings asking to keep it in one place: wrong for an honest carry-over)."""
    y24 = [["序号", "日期", "标题", "作者", "单位", "县政协编发", "备注"],
           [1, dt.datetime(2024, 10, 8), "关于秋粮收购的建议", "张明", "民革县委", "第30期", None],
           [2, dt.datetime(2024, 12, 26), "关于农村客运班线的建议", "李华", "民盟县委", None, None]]
    y25 = [["序号", "收稿日期", "标题", "作者", "单位", "县政协编发", "备注"],
           [1, "2024.12.26", "关于农村客运班线的建议", "李华", "民盟县委", "2025.1.15", "2024年12月收稿"],
           [2, "2025.1.6", "关于规范电动自行车充电的建议", "张明", "民革县委", "2025.2.1", None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2024年台账": y24, "2025": y25})
    ledger, report = assert_every_cell_accounted(path)
    assert len(ledger.submissions) == 3
    carried = _codes(report, "repeat.carried_over")
    assert [(i.sheet, i.row, i.severity) for i in carried] == [("2025", 2, "info")]
    assert "县级采用" in carried[0].message and "2024年台账!第3行" in carried[0].message and "2024年报送" in carried[0].message
    assert not _codes(report, "repeat.differs") and not _codes(report, "repeat.fills") and not _codes(report, "sheet.repeats")
    ad = ledger.adoptions
    twin = int(ledger.submissions.loc[ledger.submissions["title"] == "关于农村客运班线的建议", "item"].iloc[0])
    assert twin in set(ad["item"]) and ad.loc[ad["item"] == twin, "date"].tolist() == [pd.Timestamp(2025, 1, 15)]
    assert _paid(ledger, 2025) == {"李华": Decimal("30.00"), "张明": Decimal("30.00")}
    assert _paid(ledger, 2024) == {"张明": Decimal("30.00")}
    assert sq.summary(ledger, 2024).submitted == 2 and sq.summary(ledger, 2025).submitted == 1


def test_a_repeat_whose_adoption_its_twin_has_too_still_differs_only_where_it_does(tmp_path):
    """A copy whose adoption its twin records too (县级 on both) adds nothing: one adoption, nothing said; a
    copy at 市级 where the twin has 县级 gives its 市级 (the twin has none there): ¥30 in 2024, and in 2025 only
    what the item gained (补差: ¥100 − ¥30 = ¥70). Both rows are 2024's items carried into the 2025 sheet: said as
    such (repeat.carried_over), the 市级 one with what it gave."""
    head = ["序号", "日期", "标题", "作者", "单位", "采用情况"]
    y24 = [head, [1, dt.datetime(2024, 12, 20), "关于甲的建议", "张明", "民革县委", "县政协编发"],
           [2, dt.datetime(2024, 12, 22), "关于乙的建议", "李华", "民盟县委", "县政协编发"]]
    y25 = [head, [1, dt.datetime(2024, 12, 20), "关于甲的建议", "张明", "民革县委", "县政协编发"],
           [2, dt.datetime(2024, 12, 22), "关于乙的建议", "李华", "民盟县委", "2025年1月5日市政协采用"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2024年台账": y24, "2025": y25}))
    carried = _codes(report, "repeat.carried_over")
    assert [(i.sheet, i.row) for i in carried] == [("2025", 2), ("2025", 3)] and "市级采用" in carried[1].message
    assert "采用" not in carried[0].message.split("续记的")[1].split(";")[0]
    assert not _codes(report, "repeat.fills") and not _codes(report, "sheet.repeats")
    assert sorted(ledger.adoptions["tier"].astype(str)) == ["县级", "县级", "市级"]
    assert _paid(ledger, 2024) == {"张明": Decimal("30.00"), "李华": Decimal("30.00")}
    assert _paid(ledger, 2025) == {"李华": Decimal("70.00")}


# ---------------------------------------------------------------- a 督办 flag column, an empty column

def test_a_duban_flag_column_is_read_past_and_an_empty_column_never_says_zero_cells(tmp_path):
    """督办 | 是: the 督办 list is every 批示's, worked out by the tool; the mark is read past, said once
    (header.ignored, 1 cell), not an unknown header "该列 2 个单元格未读取". On a new year's empty sheet, the same
    header and an unknown one say the column is empty, never "0 个单元格"."""
    head = ["序号", "收稿日期", "标题", "作者", "单位", "采用情况", "批示", "督办", "甲乙栏"]
    y25 = [head, [1, "2025-02-18", "关于加强食品安全监管的建议", "张明", "民革县委", "市政协采用", "副市长吴某某批示", "是", None],
           [2, "2025-03-01", "关于规范农贸市场的建议", "李华", "民盟县委", "县政协编发", None, None, None]]
    y26 = [head]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025": y25, "2026年": y26}), year=2025)
    assert not [i for i in report.issues if "0 个单元格" in i.message]
    said = {(i.sheet, i.column): i.code for i in report.issues if i.code.startswith("header.")}
    assert said == {("2025", "H"): "header.ignored", ("2025", "I"): "header.unknown_empty",
                    ("2026年", "H"): "header.ignored_empty", ("2026年", "I"): "header.unknown_empty"}
    assert "1 个单元格" in next(i.message for i in report.issues if i.code == "header.ignored")
    # 市级 ¥100, doubled for its 批示 (rules rewards.instruction_multiplier: 2); 县级 ¥30.
    assert len(ledger.instructions) == 1 and _paid(ledger, 2025) == {"张明": Decimal("200.00"), "李华": Decimal("30.00")}
