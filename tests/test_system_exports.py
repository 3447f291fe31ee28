"""Ledgers exported by an online 社情民意 system: a stamp of the export above the table, the system's
footer under it, one row per adoption (and per 批示) of an item, each carrying its 信息编号.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook checked for the reader's invariant (each non-empty cell read or named in a finding).
"""
from __future__ import annotations

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEAD = ["序号", "信息编号", "标题", "报送单位", "报送人", "报送时间", "采用级别", "采用刊物", "采用时间", "批示领导", "批示内容"]
# (编号, 标题, 单位, 报送人, 报送时间, 级别, 刊物, 采用时间): four items of 2025, one adopted by 县政协.
ITEMS = [
    ("SQMY2025-0001", "关于加强农村饮水安全保障的建议", "民革县委", "张伟", "2025-01-08 09:12:33",
     "县级", "《社情民意》2025年第1期", "2025-01-15 10:00:00"),
    ("SQMY2025-0002", "关于规范校外培训机构收费的建议", "城关镇政协工委", "李娜", "2025-04-20 14:22:10", "", "", ""),
    ("SQMY2025-0003", "关于缓解城区停车难问题的建议", "县工商联", "王强", "2025-08-11 08:45:00", "", "", ""),
    ("SQMY2025-0004", "关于做好冬季供暖保障的建议", "城关镇政协工委", "李娜", "2025-12-10 09:45:00", "", "", ""),
]


def _rows(items=ITEMS) -> list[list]:
    return [[k, *item, "", ""] for k, item in enumerate(items, 1)]


def _codes(report, *codes) -> list:
    return [i for i in report.issues if i.code in codes]


# ---------------------------------------------------------------- the export's stamp above the header

@pytest.mark.parametrize("stamp", ["导出时间：2026-01-05 09:30:12", "导出时间：2026/1/5 9:30", "生成时间：2026-01-05",
                                   "导出日期：2026年1月5日"])
def test_an_export_stamp_of_the_next_january_gives_no_year(tmp_path, stamp):
    """2025's data exported on 2026-01-05, the file named 2025年度: the stamp is when the system wrote the
    file, as a 填表日期 is when a form was filled in; the year is the file name's, no conflict."""
    path = write_xlsx(tmp_path / "信息报送导出_2025年度.xlsx", {"信息列表": [[stamp], HEAD, *_rows()]})
    ledger, report = assert_every_cell_accounted(path)
    assert ledger.year == 2025 and ledger.sheets["year"].tolist() == [2025]
    assert not _codes(report, "sheet.year_conflict", "date.out_of_year")
    assert sq.summary(ledger, ledger.year).submitted == 4


def test_an_export_stamp_alone_gives_no_year(tmp_path):
    """Nothing but the stamp names a year: none is read from it (``--year`` is asked for, as under a 填表日期)."""
    path = write_xlsx(tmp_path / "信息列表.xlsx", {"Sheet1": [["导出时间：2026-01-05 09:30:12"], HEAD, *_rows()]})
    ledger, _ = assert_every_cell_accounted(path)
    assert ledger.year is None
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert ledger.year == 2025 and not _codes(report, "sheet.year_conflict", "date.out_of_year")


# ---------------------------------------------------------------- the system's footer under the table

@pytest.mark.parametrize("column", [3, 5])  # under 报送单位, under 报送时间
def test_a_system_footer_spread_across_columns_is_no_item(tmp_path, column):
    """导出人：admin_dh in the 序号 column, 导出时间：… under 报送单位 or 报送时间: the system's footer, read
    as a 制表人 … 制表日期 line is (a note), not a fifth item with no title, author or day."""
    footer = [None] * len(HEAD)
    footer[0], footer[column] = "导出人：admin_dh", "导出时间：2025-12-31 16:20:11"
    rows = [["2025年社情民意信息列表"], HEAD, *_rows(), [], ["第1页/共1页"], footer]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "导出.xlsx", {"信息列表": rows}))
    assert ledger.submissions["title"].tolist() == [item[1] for item in ITEMS]
    assert not [i for i in report.issues if i.row == len(rows)], [i.code for i in report.issues if i.row == len(rows)]
    assert not _codes(report, "title.missing", "author.missing", "date.missing", "date.unparseable", "roster.unknown_unit")


# ---------------------------------------------------------------- one row per adoption and 批示

def _one_adoption_two_instructions(tmp_path):
    """Received 2025-03-28, adopted by 市政协 on 2025-04-03, with two 批示 (市长, 副市长) dated nowhere:
    the system writes the item, its adoption and one 批示 on each of two rows."""
    item = ["SQMY2025-0004", "关于老旧小区加装电梯的建议", "城关镇政协工委", "李娜", "2025-03-28 14:22:10",
            "市级", "江州市政协《社情民意》2025年第5期", "2025-04-03 10:00:00"]
    rows = [["2025年社情民意信息列表"], HEAD,
            [1, *item, "市长吴某某", "请市住建局研究"],
            [2, *item, "副市长郑某某", "抓紧落实"],
            [3, "SQMY2025-0006", "关于规范电动自行车充电管理的建议", "城关镇政协工委", "李娜", "2025-05-06 10:10:10",
             "", "", "", "", ""]]
    return assert_every_cell_accounted(write_xlsx(tmp_path / "导出.xlsx", {"信息列表": rows}))


def test_undated_instructions_on_the_rows_of_one_adoption_are_of_its_day(tmp_path):
    """Each row writes the adoption's day, 2025-04-03: both 批示 are of that day (Q2), the second row's too,
    though its adoption is counted once, on the first row; none is of the 收稿日期 (Q1)."""
    ledger, report = _one_adoption_two_instructions(tmp_path)
    assert [(i.row, i.column) for i in _codes(report, "adoption.repeated")] == [(4, "H")]  # at the 刊物, the body
    assert len(ledger.instructions) == 2
    q1, q2 = (sq.summary(ledger, sq.Period.of(2025, quarter=q)) for q in (1, 2))
    assert (q1.submitted, q1.adopted, q1.instructions) == (1, 0, 0)
    assert (q2.submitted, q2.adopted, q2.instructions) == (1, 1, 2)
    assert q2.instructions_by_level["市级"] == 2


def test_rows_of_one_numbered_item_are_not_asked_about(tmp_path):
    """The two rows of SQMY2025-0004 share its 编号: plainly one item, no row.same_item asking whether
    they are two (the second row's cells are still accounted for). Without 编号 nothing but the title,
    author and day says two rows are one item: said, as before."""
    ledger, report = _one_adoption_two_instructions(tmp_path)
    assert len(ledger.submissions) == 2
    assert not _codes(report, "row.same_item")
    rows = [["2025年社情民意信息列表"], ["序号", "标题", "报送人", "报送时间", "采用级别", "采用时间"],
            [1, "关于加强农村饮水安全保障的建议", "张伟", "2025-01-08", "县级", "2025-01-15"],
            [2, "关于加强农村饮水安全保障的建议", "张伟", "2025-01-08", "市级", "2025-02-20"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"S": rows}))
    assert len(ledger.submissions) == 1 and len(ledger.adoptions) == 2
    assert [(i.row, i.column) for i in _codes(report, "row.same_item")] == [(4, "B")]


def test_the_adoption_day_of_a_repeated_row_is_its_own_files(tmp_path):
    """Two offices' exports of one name (一/导出.xlsx, 二/导出.xlsx, read in that order): the second row's 批示
    in 一 is of 一's adoption on its row 3 (2025-04-03, Q2), not of 二's row 3 (2025-09-01)."""
    (tmp_path / "一").mkdir()
    _one_adoption_two_instructions(tmp_path / "一")
    (tmp_path / "二").mkdir()
    other = ["SQMY2025-0100", "关于加强传统村落保护的建议", "民盟县委", "刘洋", "2025-08-20",
             "县级", "《社情民意》2025年第10期", "2025-09-01"]
    write_xlsx(tmp_path / "二" / "导出.xlsx", {"信息列表": [["2025年社情民意信息列表"], HEAD, [1, *other, "", ""]]})
    ledger, _ = assert_every_cell_accounted(tmp_path)
    q2, q3 = (sq.summary(ledger, sq.Period.of(2025, quarter=q)) for q in (2, 3))
    assert (q2.instructions, q3.instructions) == (2, 0)
