"""A county office whose clerk writes dates every way, on sheets named by quarter (一季度, 第二季度, 7-9月)
or month, in a workbook saved on a Mac (1904 date system): each date counted in the quarter it says, and
every date the tool cannot be sure of said at its cell."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, sqmy

HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "采用日期"]


def _book(path, sheets: dict[str, tuple[str, list[list]]], epoch=None):
    """A ledger as the clerk keeps it: a title row over each sheet, the header, then one row per item."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if epoch is not None:
        wb.epoch = epoch
    for name, (title, rows) in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([title])
        ws.append(HEADER)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _quarter_sheets_ledger(folder):
    title = "2025年社情民意信息报送登记表"
    return _book(folder / "2025年社情民意信息台账.xlsx", {
        "一季度": (title, [
            [1, "2025.1.8", "关于农村饮水安全的建议", "张三", "民盟县委", None, None],
            [2, "2月3日", "关于校园周边交通的建议", "李四", "城关镇政协工委", "市政协采用", "2025.2.20"],
            [3, "12月28日", "关于春节市场保供的建议", "王五", "民盟县委", None, None],
        ]),
        "7-9月": (title, [
            [4, "3.5", "关于防汛物资储备的建议", "王五", "民盟县委", None, None],
            [5, "2025.6.28", "关于暑期安全的建议", "张三", "民盟县委", None, None],
            [6, "7.15", "关于职业教育的建议", "赵六", "城关镇政协工委", "市政协采用", "2025年8月2日"],
            [7, dt.date(2025, 8, 3), "关于秋粮收购的建议", "李四", "城关镇政协工委", None, None],
        ]),
        "3月": (title, [
            [8, "2月28日", "关于元宵灯会安全的建议", "赵六", "城关镇政协工委", None, None],
            [9, "3月6日", "关于春耕农资的建议", "张三", "民盟县委", None, None],
        ]),
        "补登": (title, [
            [10, "2025年5月9日", "关于夜市管理的建议", "李四", "城关镇政协工委", None, None],
        ]),
    })


def test_a_date_outside_its_sheets_quarter_or_month_is_said_at_its_cell(tmp_path):
    path = _quarter_sheets_ledger(tmp_path)
    ledger, report = assert_every_cell_accounted(path)
    said = {(i.sheet, i.row, i.column) for i in findings(report, "date.outside_sheet")}
    # By hand: 7-9月!B3 "3.5" is 2025-03-05 (first quarter) and B4 2025-06-28 (second): both off the sheet's
    # third quarter; 3月!B3 2月28日 is off the sheet's March. 7.15 and 2025-08-03 are the third quarter's,
    # 3月6日 March's; 一季度!B5 12月28日 is last December's (date.out_of_year says it, not this); 补登 names
    # no quarter or month.
    assert said == {("7-9月", 3, "B"), ("7-9月", 4, "B"), ("3月", 3, "B")}
    first = next(i for i in findings(report, "date.outside_sheet") if i.row == 3 and i.sheet == "7-9月")
    assert "2025-03-05" in first.message and "第三季度" in first.message and "计入第一季度" in first.message
    assert {(i.sheet, i.row) for i in findings(report, "date.out_of_year")} == {("一季度", 5)}
    # Counted as written (a warning, not an error): each quarter by its dates.
    # Q1: 2025-01-08, 2025-02-03, 2025-03-05 (7-9月), 2025-02-28, 2025-03-06 = 5; 2024-12-28 is another year's.
    # Q2: 2025-06-28, 2025-05-09 = 2.  Q3: 2025-07-15, 2025-08-03 = 2.
    # Adoptions: 2025-02-20 in Q1 (市级), 2025-08-02 in Q3 (市级).
    counts = {}
    for q in (1, 2, 3):
        s = sq.summary(ledger, sq.Period.parse(f"2025Q{q}"))
        counts[q] = (s.submitted, _adopted(s))
    assert counts == {1: (5, 1), 2: (2, 0), 3: (2, 1)}


def _adopted(s):
    return s.adopted


def test_the_command_says_the_quarter_a_misplaced_date_is_counted_in(tmp_path):
    _quarter_sheets_ledger(tmp_path)
    ran = sqmy("validate", tmp_path, "--format", "json")
    issues = [i for i in json.loads(ran.stdout)["issues"] if i["code"] == "date.outside_sheet"]
    # By hand: 3 dates off their sheets' quarter or month (see above), each a warning at its 收稿日期 cell.
    assert sorted(i["cell"] for i in issues) == ["2025年社情民意信息台账.xlsx!3月!B3", "2025年社情民意信息台账.xlsx!7-9月!B3",
                                                 "2025年社情民意信息台账.xlsx!7-9月!B4"]
    assert all(i["severity"] == "warning" for i in issues)
    march = next(i for i in issues if i["sheet"] == "3月")
    assert "2025-02-28" in march["message"] and "“3月”所写的3月内" in march["message"] and "计入2月" in march["message"]


def test_a_serial_kept_as_text_in_a_mac_workbook_counts_from_1904(tmp_path):
    # A workbook saved on a Mac counts days from 1904-01-01. By hand: 44296 days on is 2025-04-11 (a number
    # whose date format was lost), "44297" kept as text is the same workbook's serial, 2025-04-12, and
    # 44300.5 (a serial with its time of day) is 2025-04-15. Read from 1900, the text would be 2021-04-11.
    path = _book(tmp_path / "2025年社情民意信息台账.xlsx", {
        "二季度": ("2025年社情民意信息报送登记表", [
            [1, dt.date(2025, 4, 9), "关于燃气安全的建议", "王五", "民盟县委", None, None],
            [2, 44296, "关于流感防控的建议", "赵六", "城关镇政协工委", None, None],
            [3, "44297", "关于景区管理的建议", "李四", "城关镇政协工委", None, None],
            [4, 44300.5, "关于夜间施工扰民的建议", "张三", "民盟县委", None, None],
        ]),
    }, epoch=CALENDAR_MAC_1904)
    ledger, report = assert_every_cell_accounted(path)
    dates = [d.date() for d in ledger.submissions.sort_values("row")["date"]]
    assert dates == [dt.date(2025, 4, 9), dt.date(2025, 4, 11), dt.date(2025, 4, 12), dt.date(2025, 4, 15)]
    assert not findings(report, "date.out_of_year")
    s = sq.summary(ledger, sq.Period.parse("2025Q2"))
    assert s.submitted == 4
    # The ordinary (Windows) workbook beside it is unchanged: 1899-12-30 + 45758 days = 2025-04-11.
    windows = _book(tmp_path / "2025年台账（Windows）.xlsx", {
        "二季度": ("2025年社情民意信息报送登记表", [[1, "45758", "关于流感防控的建议", "赵六", "城关镇政协工委", None, None]]),
    })
    ledger, _ = assert_every_cell_accounted(windows)
    assert ledger.submissions["date"].iloc[0].date() == dt.date(2025, 4, 11)

