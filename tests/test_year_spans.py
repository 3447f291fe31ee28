"""Dates written without their year (月日) on a sheet kept over more than one calendar year: read in the
months its title says it covers (2024年12月—2026年1月), or, when the year is unclear, said at the cell.

Every workbook is written by hand in the test, every answer worked out by hand, and every workbook
checked for the reader's invariant (each non-empty cell read into a record or named in a finding).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

D = dt.date


def _read(path, **kw):
    return assert_every_cell_accounted(path, **kw)


def _cells(report, code) -> list[tuple[int, str]]:
    return [(i.row, i.column) for i in report.issues if i.code == code]


def _dates(ledger) -> list[dt.date]:
    return ledger.submissions["date"].dt.date.tolist()


def _submitted(ledger) -> dict[int, int]:
    return ledger.submissions["date"].dt.year.value_counts().sort_index().to_dict()


ONE_SHEET = ["12月20日", "12月30日", "1月8日", "3月5日", "7月15日", "12月26日", "1月6日"]


@pytest.mark.parametrize("title", ["青石县政协社情民意信息登记表（2024年12月—2026年1月）",
                                   "青石县政协2024年12月至2026年1月社情民意信息登记表",
                                   "青石县政协2024-2026年社情民意信息登记表"])
def test_a_sheet_whose_title_states_its_months_reads_its_days_in_them(tmp_path, title):
    # One sheet kept from December 2024 to January 2026, days written 月日 in order: all were read in 2024
    # (the second change of year, past July 2025, made the reader drop both), no finding. By hand: two rows
    # of 2024, four of 2025 (1月8日 to 12月26日), one of 2026; the five not of the title's first year said.
    rows = [[title], ["序号", "收稿日期", "信息标题", "作者", "单位"]]
    rows += [[k, day, f"关于第{k}项工作的建议", "李红", "城关镇政协工委"] for k, day in enumerate(ONE_SHEET, 1)]
    path = write_xlsx(tmp_path / "社情民意信息登记表.xlsx", {"登记表": rows})
    ledger, report = _read(path)
    assert _dates(ledger) == [D(2024, 12, 20), D(2024, 12, 30), D(2025, 1, 8), D(2025, 3, 5), D(2025, 7, 15),
                              D(2025, 12, 26), D(2026, 1, 6)]
    assert _submitted(ledger) == {2024: 2, 2025: 4, 2026: 1}
    assert _cells(report, "date.year_read") == [(5, "B"), (6, "B"), (7, "B"), (8, "B"), (9, "B")]
    assert not _cells(report, "date.out_of_year") and not _cells(report, "date.year_unclear")


def test_a_sheet_running_a_month_past_each_end_of_a_year_is_that_year_s(tmp_path):
    # 2024年12月—2026年1月 read with no year was the ledger of 2024 (its first year): sqmy compute summary gave
    # 2024's figures (2 items) as the ledger's. By hand: 12 of its 14 months are 2025's: the year 2025, 4 items.
    rows = [["青石县政协社情民意信息登记表（2024年12月—2026年1月）"], ["序号", "收稿日期", "信息标题", "作者", "单位"]]
    rows += [[k, day, f"关于第{k}项工作的建议", "李红", "城关镇政协工委"] for k, day in enumerate(ONE_SHEET, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "社情民意信息登记表.xlsx", {"登记表": rows}))
    assert ledger.year == 2025
    assert sq.summary(ledger, ledger.year).submitted == 4
    assert not _cells(report, "ledger.several_years")


WORKING_YEAR = [  # 收稿日期, 县政协编发, 市政协采用, 备注
    ("12月20日", "12月28日", "1月10日", "补登"), ("12月26日", None, "1月6日", "补登"), ("1月8日", None, None, None),
    ("3月5日", "3月15日", None, None), ("5月12日", None, None, None), ("7月15日", None, None, None),
    ("10月10日", None, None, None), ("11月18日", None, None, None)]


def _working_year(tmp_path, title):
    rows = [[title], ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协采用", "备注"]]
    rows += [[k, day, f"关于第{k}项工作的建议", "李红", "城关镇政协工委", county, city, note]
             for k, (day, county, city, note) in enumerate(WORKING_YEAR, 1)]
    return write_xlsx(tmp_path / "2025年度社情民意信息台账.xlsx", {"登记表": rows})


def test_a_working_year_from_december_reads_its_december_rows_in_the_year_before(tmp_path):
    # 2025年度 kept from 2024年12月: the two December rows at the top were read 2025-12 (after the rows below
    # them), their January adoptions 2026-01. By hand: 2024-12-20 and 2024-12-26; adopted 2024-12-28 (县级),
    # 2025-01-10 and 2025-01-06 (市级), 2025-03-15 (县级). Paid in 2025: row 1's 市级 100 less the 30 paid in
    # 2024 = 70, row 2's 100, row 4's 30: 200; in 2024, 30.
    ledger, report = _read(_working_year(tmp_path, "青石县政协2025年度社情民意信息台账（2024年12月—2025年11月）"))
    assert _dates(ledger)[:3] == [D(2024, 12, 20), D(2024, 12, 26), D(2025, 1, 8)]
    assert sorted(ledger.adoptions["date"].dt.date) == [D(2024, 12, 28), D(2025, 1, 6), D(2025, 1, 10), D(2025, 3, 15)]
    assert _submitted(ledger) == {2024: 2, 2025: 6}
    assert _cells(report, "date.year_read") == [(3, "B"), (3, "F"), (4, "B")]
    assert not _cells(report, "date.out_of_year") and not _cells(report, "date.year_unclear")
    assert sq.rewards(ledger, 2025).set_index("name")["amount"].to_dict() == {"李红": Decimal("200.00")}
    assert sq.rewards(ledger, 2024).set_index("name")["amount"].to_dict() == {"李红": Decimal("30.00")}


@pytest.mark.parametrize("span", ["（统计时间：2024年12月1日至2025年11月30日）", "（2024.12.1-2025.11.30）", "(2024.12-2025.11)"])
def test_a_working_year_written_with_its_days_or_dotted_is_read_as_its_months(tmp_path, span):
    # The same working year written with its days (统计时间：2024年12月1日至2025年11月30日) or dotted: the title's
    # span was not read, the December rows read 2025-12 (said as unclear, counted in 2025's fourth quarter).
    # By hand, as above: 2024-12-20 and 2024-12-26, two items of 2024 and six of 2025; 2025 pays 李红 200.
    ledger, report = _read(_working_year(tmp_path, f"青石县政协2025年度社情民意信息台账{span}"))
    assert _dates(ledger)[:3] == [D(2024, 12, 20), D(2024, 12, 26), D(2025, 1, 8)]
    assert _submitted(ledger) == {2024: 2, 2025: 6}
    assert not _cells(report, "date.year_unclear")
    assert sq.rewards(ledger, 2025).set_index("name")["amount"].to_dict() == {"李红": Decimal("200.00")}


def test_december_rows_at_the_top_of_a_year_s_ledger_are_said(tmp_path):
    # The same rows under a plain 2025年度 title: last December's late entries or this December's, the sheet
    # does not say. Read in 2025 as before (the rows below not taken past December: all 2025), and said at
    # the two date cells; they were read so silently.
    ledger, report = _read(_working_year(tmp_path, "青石县政协2025年度社情民意信息台账"))
    assert _dates(ledger) == [D(2025, 12, 20), D(2025, 12, 26), D(2025, 1, 8), D(2025, 3, 5), D(2025, 5, 12),
                              D(2025, 7, 15), D(2025, 10, 10), D(2025, 11, 18)]
    assert _cells(report, "date.year_unclear") == [(3, "B"), (4, "B")]


BLOCKS = [
    # 民盟县委's 1月6日 after 民革县委's 12月15日 is not 2026: its block runs on to 8月 (the next year's second half).
    [("民革县委", "张明", ["1月5日", "6月3日", "12月15日"]), ("民盟县委", "赵芳", ["1月6日", "3月9日", "8月20日"])],
    # Blocks too short for that: 1月8日, 3月2日 after 12月15日, then 12月28日. They were 2026 (date.year_read), and
    # 12月28日 2025 again without a word: 孙三's two items out of the year. Back to December: blocks too.
    [("民革县委", "赵一", ["2月3日", "11月20日", "12月15日"]), ("民盟县委", "孙三", ["1月8日", "3月2日", "12月28日"])],
]


@pytest.mark.parametrize("blocks", BLOCKS)
def test_dates_going_back_after_december_in_blocks_are_the_sheet_s_year_said(tmp_path, blocks):
    """A 2025 sheet in blocks, one a unit's, each from January: all of 2025, as before; where the dates go back
    is now said (date.year_unclear)."""
    rows = [["示例县政协2025年社情民意信息报送台账"], ["序号", "收稿日期", "信息标题", "作者", "单位"]]
    for unit, name, days in blocks:
        rows += [[len(rows) - 1, day, f"关于{unit}第{k}项工作的建议", name, unit] for k, day in enumerate(days, 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert _submitted(ledger) == {2025: 6}
    assert _cells(report, "date.year_unclear") == [(6, "B")]
    assert not _cells(report, "date.year_read") and not _cells(report, "date.out_of_year")


def test_a_date_going_back_with_no_later_year_in_the_title_s_months_is_said(tmp_path):
    # Title 2025年3月—2026年2月: 1月10日 after 12月1日 is 2026-01-10; 5月6日 after it has no later year in the
    # span (2026-05 is past it): 2025-05-06, said.
    rows = [["2025年度社情民意信息台账（2025年3月—2026年2月）"], ["序号", "收稿日期", "信息标题", "作者", "单位"]]
    rows += [[k, day, f"关于第{k}项工作的建议", "李红", "城关镇政协工委"]
             for k, day in enumerate(["3月5日", "12月1日", "1月10日", "5月6日"], 1)]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert _dates(ledger) == [D(2025, 3, 5), D(2025, 12, 1), D(2026, 1, 10), D(2025, 5, 6)]
    assert _cells(report, "date.year_read") == [(5, "B")]
    assert _cells(report, "date.year_unclear") == [(6, "B")]


def test_a_sheet_named_with_two_digits_of_its_year_and_yuanyue(tmp_path):
    # A sheet named 25年 gave no year (date.no_year said no name gave one); 2025年元月8日 (元月: January) was
    # unparseable. By hand: 2025-03-05 and 2025-01-08, no error.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, "3月5日", "关于老旧小区改造的建议", "张明", "民革县委"],
            [2, "2025年元月8日", "关于中小学课后服务的建议", "李红", "城关镇政协工委"]]
    ledger, report = _read(write_xlsx(tmp_path / "台账.xlsx", {"25年": rows}))
    assert _dates(ledger) == [D(2025, 3, 5), D(2025, 1, 8)]
    assert ledger.sheets["year"].tolist() == [2025]
    assert not [i for i in report.issues if i.severity == "error"]
