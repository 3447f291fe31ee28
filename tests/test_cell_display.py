"""Cells whose stored value is not what the clerk sees: text a style shows as a blank (a number
format's empty or white section, a white font on no fill), a date that is =TODAY() (its stored value
the day of the last save), and a hidden sheet of last year's items (read, not counted this year).

Every workbook is written by hand in the test, every answer worked out by hand, and every workbook
checked for the reader's invariant (each non-empty cell read into a record or named in a finding).
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Font, PatternFill

import sqmy_lib as sq
from conftest import assert_every_cell_accounted

HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _cells(report, code):
    return [f"{i.column}{i.row}" for i in _codes(report, code)]


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


# ---------------------------------------------------------------- text a style shows as a blank

# (how F is styled, whether the clerk sees 市政协采用 there); rows 2.. in this order.
LOOKS = [
    (";;;", False),
    ('"";"";"";""', False),
    ("0;-0;0;", False),                  # an empty 4th section: text blank
    ("General;General;General;", False),
    ("[White]@", False),
    ("[Color2]General", False),          # Color2 is white in the default palette
    ("white font", False),               # white on no fill
    ("white font on yellow", True),      # white on a yellow fill: seen
    ("0;-0;0;@", True),                  # its text section shows the text
    ("0;;", True),                       # three sections: text shows as typed
]


def _xlsx_styled(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(HEADER)
    for k, (look, _) in enumerate(LOOKS):
        ws.append([k + 1, dt.date(2025, 3, 1 + k), f"关于测试事项{k + 1}的建议", "张伟", "民革县委", "市政协采用"])
        cell = ws.cell(2 + k, 6)
        if look.startswith("white font"):
            cell.font = Font(color="FFFFFF")
            if look.endswith("yellow"):
                cell.fill = PatternFill("solid", fgColor="FFFF00")
        else:
            cell.number_format = look
    ws["A2"].number_format = "0;-0;0;"  # a number under a format blanking text only: seen
    ws["B3"].number_format = "[White]yyyy-mm-dd"  # a date (a number) in white: not seen
    wb.save(path)
    return path


def test_text_shown_blank_by_its_format_or_a_white_font_is_said_at_each_cell(tmp_path):
    ledger, report = assert_every_cell_accounted(_xlsx_styled(tmp_path / "台账.xlsx"), year=2025)
    # By hand: F2..F8 show nothing (7 looks), F9..F11 show 市政协采用; B3's date is white: 8 cells
    # said. A2 (1 under 0;-0;0;, a positive number) shows. All ten adoptions are read as written:
    # 张伟 10 × 市级 100 = 1000 (the findings say what the clerk cannot see; nothing is guessed away).
    assert sorted(_cells(report, "cell.format_hidden")) == ["B3", "F2", "F3", "F4", "F5", "F6", "F7", "F8"]
    said = {f"{i.column}{i.row}": i.message for i in _codes(report, "cell.format_hidden")}
    assert "数字格式(0;-0;0;)" in said["F4"] and "白色字体" in said["F8"]
    assert "数字格式([White]yyyy-mm-dd)" in said["B3"] and "市政协采用" in said["F6"]
    assert _paid(ledger) == {"张伟": Decimal("1000")}


def test_text_shown_blank_in_an_xls_is_said_as_well(tmp_path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("2025年")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    looks = [xlwt.easyxf(num_format_str="0;-0;0;"), xlwt.easyxf(num_format_str="[White]@"),
             xlwt.easyxf("font: colour white"), xlwt.easyxf("font: colour white; pattern: pattern solid, fore_colour yellow"),
             xlwt.easyxf(num_format_str="@")]
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for k, style in enumerate(looks, 1):
        for c, v in enumerate([k, dt.date(2025, 3, k), f"关于测试事项{k}的建议", "李娜", "民盟县委"]):
            ws.write(k, c, v, day if c == 1 else xlwt.Style.default_style)
        ws.write(k, 5, "市政协采用", style)
    path = tmp_path / "台账.xls"
    wb.save(str(path))
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: F2 (empty text section), F3 ([White]), F4 (white font, no fill) show nothing; F5
    # (white on yellow) and F6 (@) show. Five adoptions read: 李娜 5 × 100 = 500.
    assert _cells(report, "cell.format_hidden") == ["F2", "F3", "F4"]
    assert _paid(ledger) == {"李娜": Decimal("500")}


# ---------------------------------------------------------------- =TODAY() as a date

def _with_stored(path: Path, stored: dict[str, str]) -> Path:
    """``path`` with each formula cell of ``stored`` given that stored value, as Excel saves it."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        data = {i.filename: zf.read(i.filename) for i in infos}
    xml = data["xl/worksheets/sheet1.xml"].decode()
    for ref, value in stored.items():
        xml = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?', rf"\1\2<v>{value}</v>", xml)
        assert f"<v>{value}</v>" in xml
    data["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in infos:
            zf.writestr(info, data[info.filename])
    return path


def test_a_date_that_is_today_is_said_and_read_as_missing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(HEADER)
    ws.append([1, "=TODAY()", "关于农村电网改造的建议", "张伟", "民革县委", "市政协采用"])
    ws.append([2, "=NOW()-3", "关于城区停车难的建议", "王强", "县工商联", "市政协采用"])
    ws.append([3, dt.date(2025, 3, 5), "关于规范网约车管理的建议", "李娜", "民盟县委", "市政协采用"])
    for ref in ("B2", "B3", "B4"):
        ws[ref].number_format = "yyyy-mm-dd"
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    # Saved on 2025-06-10 (serial 45818): =TODAY() stored 45818, =NOW()-3 stored 45815.5.
    ledger, report = assert_every_cell_accounted(_with_stored(path, {"B2": "45818", "B3": "45815.5"}), year=2025)
    # By hand: B2 and B3 say the day of the last save, not the day the item came in: each said
    # (cell.volatile_date, with the stored day) and read as no date (date.missing, an error), so
    # 张伟's and 王强's items are left out of the figures until a real date is written (they were
    # counted in the second quarter, the save's). 李娜 (2025-03-05) alone is paid: 100.
    assert _cells(report, "cell.volatile_date") == ["B2", "B3"]
    said = {f"{i.column}{i.row}": i.message for i in _codes(report, "cell.volatile_date")}
    assert "=TODAY()" in said["B2"] and "2025-06-10" in said["B2"] and "2025-06-07" in said["B3"]
    assert sorted(_cells(report, "date.missing")) == ["B2", "B3"]
    assert _paid(ledger) == {"李娜": Decimal("100")}
    assert sq.summary(ledger, sq.Period.of(2025, quarter=2)).submitted == 0


# ---------------------------------------------------------------- a hidden sheet of another year

def _ledger_with_hidden(path: Path, hidden_rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(HEADER + ["采用日期"])
    ws.append([1, dt.date(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委", "市政协采用", dt.date(2025, 4, 1)])
    old = wb.create_sheet("2024年")
    old.sheet_state = "hidden"
    old.append(HEADER + ["采用日期"])
    for row in hidden_rows:
        old.append(row)
    wb.save(path)
    return path


def test_a_hidden_sheet_of_last_year_is_said_as_not_counted_this_year(tmp_path):
    last_year = [[k + 1, dt.date(2024, 3 + k, 5), title, "李娜", "民盟县委", "市政协采用", dt.date(2024, 5 + k, 1)]
                 for k, title in enumerate(["关于城区停车难的建议", "关于农村留守儿童关爱的建议", "关于冬季森林防火的建议"])]
    path = _ledger_with_hidden(tmp_path / "台账.xlsx", last_year)
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: the three 2024 items (adopted in 2024) count in no 2025 figure: 2025 pays 张伟 100
    # alone. The hidden sheet is said as read and not counted this year, with its years, and is
    # not asked to be deleted (it is the office's archive); no sheet.hidden (it said "已计入").
    assert _paid(ledger) == {"张伟": Decimal("100")}
    assert _codes(report, "sheet.hidden") == []
    [said] = _codes(report, "sheet.hidden_other_year")
    assert said.severity == "info" and "2024 年 3 条" in said.message and "删除" not in said.message


def test_a_hidden_sheet_with_a_record_of_this_year_is_said_as_counted(tmp_path):
    # A 2024 item adopted in January 2025: its adoption counts in 2025, so the sheet counts this year.
    rows = [[1, dt.date(2024, 12, 20), "关于城区停车难的建议", "李娜", "民盟县委", "市政协采用", dt.date(2025, 1, 10)]]
    path = _ledger_with_hidden(tmp_path / "台账.xlsx", rows)
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: 2025 pays 张伟 100 and 李娜 100 (her adoption dated 2025-01-10).
    assert _paid(ledger) == {"张伟": Decimal("100"), "李娜": Decimal("100")}
    assert _codes(report, "sheet.hidden_other_year") == []
    [said] = _codes(report, "sheet.hidden")
    assert "1 条信息已读取" in said.message and "请删除该表" not in said.message


def test_a_zero_a_format_shows_blank_is_no_value_hidden(tmp_path):
    """0;-0;;@ and #,##0;-#,##0; show a zero as nothing: their purpose in a count or 稿酬 column. A 0 so
    shown reads as the blank it shows; a regression probe found each such 0 said as hidden."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(["序号", "信息标题", "作者", "报送日期", "批示次数", "稿酬（元）"])
    ws.append([1, "关于规范校外培训的建议", "张三", "2025-04-02", 0, 0])
    ws.append([2, "关于保障粮食安全的建议", "李四", "2025-05-06", 0, 0])
    for row in (2, 3):
        ws.cell(row, 5).number_format = "0;-0;;@"
        ws.cell(row, 6).number_format = "#,##0;-#,##0;"
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    import sqmy_lib as sq
    ledger = sq.read_ledgers(str(path), year=2025)
    report = sq.validate(ledger)
    assert not [i for i in report.issues if i.code == "cell.format_hidden"]
    assert len(ledger.submissions) == 2
