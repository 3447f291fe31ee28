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
