"""A county office whose clerk keeps the ledger in WPS and saves it as .xls (BIFF8): the same ledger
written three ways (xlwt, openpyxl's .xlsx converted by LibreOffice, the .xlsx itself) gives the
figures worked out by hand, every non-empty cell read or said.

What was wrong: a hidden row of the 采用台账 or 批示台账 sheet (an adoption or a 批示 on a row of its
own, no item on it) was read and paid without a word; only hidden rows holding items were said
(row.hidden). A whole hidden 采用台账 sheet alike (sheet.hidden was said only for items). Now said:
row.hidden_records, sheet.hidden_records. Also: a cell's line break quoted in a finding broke the
校验报告's one line per problem; 批示 over 领导 | 内容 was taken for a title row when the row below
was a whole header by itself (内容 alone names the title), the 批示's text lost."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlwt
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, sqmy

D = dt.date
TITLE = "东山县政协2025年社情民意信息报送台账"
# Two header rows: 采用情况 over 市级/省级, 批示 over 领导/内容; the other headers merged down.
H1 = ["编号", "报送日期", "信息标题", "作者", "单位", "采用情况", None, "批示", None, "备注"]
H2 = [None, None, None, None, None, "市级", "省级", "领导", "内容", None]
MERGES = ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:I2", "J2:J3"]
LONG = "请县农业农村局牵头，会同县水利局、县卫健局对全县农村饮水工程开展一次全面排查，" * 8 + "确保群众喝上放心水。"
# Rows 4-10 (Excel): 编号 as floats; 报送日期 a date cell, a serial with no date format (45700 =
# 2025-02-12), text "2025.4.8", text "2025年10月9日".
ROWS = [
    [1.0, D(2025, 1, 10), "关于加强农村饮水安全的建议", "张三", "民盟东山县委", "√", None, None, None, None],
    [2.0, 45700, "关于规范校外培训机构的建议", "李四\n王五", "民进东山县委", "市政协《社情民意》\n第5期", "√", None, None, None],
    [3.0, "2025.4.8", "关于农村饮水工程管护的建议", "赵六", "城关镇政协工委", "√", None, "市长刘某", LONG, "已转县农业农村局办理"],
    [4.0, D(2025, 5, 20), "关于老旧小区加装电梯的建议", "钱七", "城关镇政协工委", None, None, None, None, None],
    [5.0, D(2025, 6, 2), "关于乡村物流配送的建议", "孙八", "民盟东山县委", None, None, None, None, None],
    [6.0, D(2025, 7, 15), "关于养老服务设施建设的建议", "周九（特邀信息员）", "民进东山县委", None, None, None, None, None],
    [7.0, "2025年10月9日", "关于加强校园周边交通安全的建议", "吴十、郑十一", "民盟东山县委", "√", None, None, None, None],
]
TOTAL = ["合计", None, "7条"]
HIDDEN_ITEM, STRUCK_ITEM, NOTED_ITEM = 4, 5, 6  # 编号: row 7 hidden, row 8 struck through, C9 has a note
ADOPT_HEADER = ["编号", "信息标题", "采用单位", "期号", "采用日期"]
ADOPT = [  # the 采用台账 sheet, rows 2-4; row 4 hidden
    [6.0, "关于养老服务设施建设的建议", "省政协", "第20期", D(2025, 8, 20)],
    [7.0, "关于加强校园周边交通安全的建议", "东山县政协\n《社情民意》", "第9期", "2025.11.3"],
    [4.0, "关于老旧小区加装电梯的建议", "市政协", "第11期", D(2025, 6, 10)],
]
HIDDEN_ADOPTION = 4  # Excel row of the 采用台账


def _xlwt_ledger(path: Path) -> Path:
    """The ledger as a BIFF8 .xls written by xlwt (no notes: xlwt cannot write them)."""
    wb = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    wrap = xlwt.easyxf("align: wrap on")
    struck, struck_date = xlwt.easyxf("font: struck_out on"), xlwt.easyxf("font: struck_out on", num_format_str="yyyy-mm-dd")
    ws = wb.add_sheet("2025年")
    ws.write_merge(0, 0, 0, 9, TITLE)
    for c, v in enumerate(H1):
        if c in (5, 7):
            ws.write_merge(1, 1, c, c + 1, v)
        elif v is not None:
            ws.write_merge(1, 2, c, c, v)
    for c, v in enumerate(H2):
        if v is not None:
            ws.write(2, c, v)

    def style(v, struck_row=False):
        if isinstance(v, dt.date):
            return struck_date if struck_row else date
        return struck if struck_row else (wrap if isinstance(v, str) and "\n" in v else xlwt.Style.default_style)

    for r, row in enumerate(ROWS, 3):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, v, style(v, row[0] == STRUCK_ITEM))
        ws.row(r).hidden = row[0] == HIDDEN_ITEM
    for c, v in enumerate(TOTAL):
        if v is not None:
            ws.write(3 + len(ROWS), c, v)
    ws2 = wb.add_sheet("采用台账")
    for c, v in enumerate(ADOPT_HEADER):
        ws2.write(0, c, v)
    for r, row in enumerate(ADOPT, 1):
        for c, v in enumerate(row):
            ws2.write(r, c, v, style(v))
        ws2.row(r).hidden = r + 1 == HIDDEN_ADOPTION
    wb.save(str(path))
    return path


def _xlsx_ledger(path: Path) -> Path:
    """The ledger as an .xlsx (openpyxl), with a note on C9, as Excel or WPS keeps it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws["A1"] = TITLE
    for r, header in ((2, H1), (3, H2)):
        for c, v in enumerate(header, 1):
            if v is not None:
                ws.cell(r, c, v)
    for rng in MERGES:
        ws.merge_cells(rng)
    for r, row in enumerate(ROWS, 4):
        for c, v in enumerate(row, 1):
            if v is None:
                continue
            cell = ws.cell(r, c, v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True)
            if row[0] == STRUCK_ITEM:
                cell.font = Font(strike=True)
        ws.row_dimensions[r].hidden = row[0] == HIDDEN_ITEM
        if row[0] == NOTED_ITEM:
            ws.cell(r, 3).comment = Comment("此条已被县政协《社情民意》第15期编发", "信息科")
    for c, v in enumerate(TOTAL, 1):
        if v is not None:
            ws.cell(4 + len(ROWS), c, v)
    ws2 = wb.create_sheet("采用台账")
    ws2.append(ADOPT_HEADER)
    for r, row in enumerate(ADOPT, 2):
        for c, v in enumerate(row, 1):
            cell = ws2.cell(r, c, v)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"
            if isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True)
        ws2.row_dimensions[r].hidden = r == HIDDEN_ADOPTION
    wb.save(path)
    return path


def _converted(xlsx: Path, out: Path, to: str = "xls") -> Path:
    """``xlsx`` saved by LibreOffice as ``to`` (its own profile, so helpers running at once do not clash)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    out.mkdir(parents=True, exist_ok=True)
    profile = (out.parent / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir", str(out),
                    str(xlsx)], check=True, capture_output=True, timeout=180)
    return out / f"{xlsx.stem}.{to}"


def _ledger_as(how: str, tmp_path: Path) -> Path:
    name = "东山县政协2025年信息台账"
    if how == "xlwt":
        (tmp_path / "xlwt").mkdir()
        return _xlwt_ledger(tmp_path / "xlwt" / f"{name}.xls")
    (tmp_path / "src").mkdir()
    xlsx = _xlsx_ledger(tmp_path / "src" / f"{name}.xlsx")
    return xlsx if how == "xlsx" else _converted(xlsx, tmp_path / "lo")


def _fen(ledger, period) -> dict:
    r = sq.rewards(ledger, period)
    return dict(zip(r["name"], r["amount_fen"]))


@pytest.mark.parametrize("how", ["xlwt", "libreoffice", "xlsx"])
def test_a_wps_ledger_as_xls_gives_the_figures_worked_by_hand(how, tmp_path):
    # Worked by hand (rules of 2025: 市级 100 元, 省级 200 元, 县级 30 元, highest tier paid, ×2 with a 批示,
    # co-authors share equally; an adoption with no date of its own counts at the item's date):
    # items (row 8, 编号 5, struck through: out, said at C8; row 7, 编号 4, hidden: counted, said):
    #   Q1: 1 (1-10), 2 (45700 = 2-12)  Q2: 3 (4-8), 4 (5-20)  Q3: 6 (7-15)  Q4: 7 (10-9)  → 2, 2, 1, 1 = 6
    # adoptions: 1 市级 (Q1); 2 市级 + 省级 (Q1); 3 市级 (Q2); 4 市级 第11期 6-10 (采用台账 row 4, hidden: Q2);
    #   6 省级 8-20 (Q3); 7 市级 (Q4, 10-9) and 县级 11-3 (Q4)  → 县级 1, 市级 5, 省级 2
    # 稿酬 (fen): Q1 张三 10000, 李四 10000 + 王五 10000 (省级 20000 shared); Q2 赵六 20000 (市级 ×2: 市长刘某's
    #   批示), 钱七 10000; Q3 周九 20000; Q4 吴十 5000 + 郑十一 5000 (市级; 县级 after it adds nothing)
    path = _ledger_as(how, tmp_path)
    ledger, report = assert_every_cell_accounted(path, year=2025)
    quarters = {q: sq.summary(ledger, sq.Period.parse(f"2025Q{q}")) for q in (1, 2, 3, 4)}
    assert [quarters[q].submitted for q in (1, 2, 3, 4)] == [2, 2, 1, 1]
    assert [dict(quarters[q].adopted_by_tier) for q in (1, 2, 3, 4)] == [
        {"县级": 0, "市级": 2, "省级": 1, "全国": 0}, {"县级": 0, "市级": 2, "省级": 0, "全国": 0},
        {"县级": 0, "市级": 0, "省级": 1, "全国": 0}, {"县级": 1, "市级": 1, "省级": 0, "全国": 0}]
    assert [_fen(ledger, sq.Period.parse(f"2025Q{q}")) for q in (1, 2, 3, 4)] == [
        {"张三": 10000, "李四": 10000, "王五": 10000}, {"赵六": 20000, "钱七": 10000}, {"周九": 20000},
        {"吴十": 5000, "郑十一": 5000}]
    assert _fen(ledger, 2025) == {"张三": 10000, "李四": 10000, "王五": 10000, "赵六": 20000, "钱七": 10000,
                                  "周九": 20000, "吴十": 5000, "郑十一": 5000}
    people = sq.people(ledger, 2025).set_index("name")
    assert sorted(people.index) == sorted(["张三", "李四", "王五", "赵六", "钱七", "周九", "吴十", "郑十一"])
    assert set(people["submitted"]) == {1}
    units = sq.units(ledger, 2025).set_index("unit")["submitted"].to_dict()
    assert units == {"民盟东山县委": 2, "民进东山县委": 2, "城关镇政协工委": 2}
    # the long 批示 (> 255 characters) read whole
    assert list(ledger.instructions["text"]) == [LONG]
    said = {(i.code, i.sheet, f"{i.column}{i.row}") for i in report.issues}
    assert ("row.hidden", "2025年", "A7") in said and ("row.struck", "2025年", "C8") in said
    # the hidden adoption row is said at its row, with what it holds
    hidden = findings(report, "row.hidden_records")
    assert [(i.sheet, i.row, i.column) for i in hidden] == [("采用台账", HIDDEN_ADOPTION, "A")]
    assert "第 4 行被隐藏" in hidden[0].message and "1 条采用记录" in hidden[0].message
    assert (("cell.note", "2025年", "C9") in said) == (how != "xlwt")


@pytest.mark.parametrize("fmt", ["xls", "xlsx"])
def test_a_hidden_adoption_sheet_is_said(fmt, tmp_path):
    # 报送台账: 编号 1 张三 2025-03-03; a hidden sheet 采用台账: 编号 1 市政协 2025-04-01. By hand: the
    # adoption counts (a hidden sheet is read, as sheet.hidden says of items): 张三 10000 fen in Q2, and
    # it is said (sheet.hidden_records, naming the sheet); before, nothing was said.
    path = tmp_path / f"台账.{fmt}"
    if fmt == "xls":
        wb = xlwt.Workbook(encoding="utf-8")
        date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
        ws = wb.add_sheet("报送台账")
        for c, v in enumerate(["编号", "报送日期", "信息标题", "作者", "单位"]):
            ws.write(0, c, v)
        for c, v in enumerate([1.0, D(2025, 3, 3), "关于甲的建议", "张三", "民盟东山县委"]):
            ws.write(1, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
        ws2 = wb.add_sheet("采用台账")
        for c, v in enumerate(["编号", "信息标题", "采用单位", "采用日期"]):
            ws2.write(0, c, v)
        for c, v in enumerate([1.0, "关于甲的建议", "市政协", D(2025, 4, 1)]):
            ws2.write(1, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
        ws2.visibility = 1
        wb.save(str(path))
    else:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "报送台账"
        ws.append(["编号", "报送日期", "信息标题", "作者", "单位"])
        ws.append([1, D(2025, 3, 3), "关于甲的建议", "张三", "民盟东山县委"])
        ws2 = wb.create_sheet("采用台账")
        ws2.append(["编号", "信息标题", "采用单位", "采用日期"])
        ws2.append([1, "关于甲的建议", "市政协", D(2025, 4, 1)])
        ws2.sheet_state = "hidden"
        wb.save(path)
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _fen(ledger, sq.Period.parse("2025Q2")) == {"张三": 10000}
    said = findings(report, "sheet.hidden_records")
    assert [(i.sheet, i.row) for i in said] == [("采用台账", None)]
    assert "隐藏的工作表“采用台账”中的 1 条采用记录已读取" in said[0].message


def test_a_hidden_instruction_row_doubling_a_reward_is_said(tmp_path):
    # 报送台账: 编号 1 李四 2025-02-05, 县政协 √ (县级 3000 fen). 批示台账 (xlwt .xls): row 2, hidden, 编号 "1"
    # 县长王某 2025-03-01. By hand: the 批示 counts (×2): 李四 6000 fen in Q1, and the hidden row is said at
    # 批示台账!A2 ("1 件批示"); before, the reward doubled without a word.
    wb = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws = wb.add_sheet("2025年")
    ws.write_merge(0, 0, 0, 5, TITLE)
    for c, v in enumerate(["编号", "报送日期", "信息标题", "作者", "单位", "县政协"]):
        ws.write(1, c, v)
    for c, v in enumerate([1.0, D(2025, 2, 5), "关于河道治理的建议", "李四", "民进东山县委", "√"]):
        ws.write(2, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
    ws3 = wb.add_sheet("批示台账")
    for c, v in enumerate(["编号", "信息标题", "批示领导", "批示日期", "批示内容"]):
        ws3.write(0, c, v)
    for c, v in enumerate(["1", "关于河道治理的建议", "县长王某", D(2025, 3, 1), "请县水利局研究"]):
        ws3.write(1, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
    ws3.row(1).hidden = True
    path = tmp_path / "2025年台账.xls"
    wb.save(str(path))
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _fen(ledger, sq.Period.parse("2025Q1")) == {"李四": 6000}
    said = findings(report, "row.hidden_records")
    assert [(i.sheet, i.row, i.column) for i in said] == [("批示台账", 2, "A")]
    assert "1 件批示" in said[0].message
    assert not findings(report, "row.hidden")  # no item on that row


def test_the_annotated_copy_of_an_xls_opens_with_every_finding(tmp_path):
    # sqmy validate --annotate on the LibreOffice .xls: a copy staff can open (an .xlsx made through
    # LibreOffice), the ledger as it was (merges, the hidden row still hidden, the struck row struck),
    # its 问题清单 listing the four findings with their places, the hidden adoption row among them.
    path = _ledger_as("libreoffice", tmp_path)
    out = tmp_path / "标注"
    ran = sqmy("validate", path.parent, "--year", "2025", "--annotate", out)
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout
    copies = sorted(out.glob("*.xls*"))
    assert [c.name for c in copies] == ["东山县政协2025年信息台账.xlsx"]
    wb = openpyxl.load_workbook(copies[0])
    assert wb.active.title == "问题清单"
    ws = wb["2025年"]
    assert {str(r) for r in ws.merged_cells.ranges} >= set(MERGES)
    assert ws.row_dimensions[7].hidden and ws["C8"].font.strike
    assert ws["I6"].value == LONG and ws["D5"].value == "李四\n王五"
    listed = [(row[2], row[3]) for row in wb["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert listed == [("row.hidden", "2025年!A7"), ("row.struck", "2025年!C8"), ("cell.note", "2025年!C9"),
                      ("row.hidden_records", "采用台账!A4")]


def test_a_cell_with_a_line_break_quoted_in_a_finding_keeps_the_report_one_line_per_problem(tmp_path):
    # The clerk wrote 备注 "已报⏎省政协" (Alt+Enter) and 作者 "张三⏎李四". By hand: one finding,
    # forward.in_note at G3 (上报, not 采用: no 稿酬), so 校验报告 (sqmy validate's text) has one line for it,
    # then the three summary lines; before, the quoted cell broke it over two lines, the second without
    # severity, place or code. The JSON keeps the cell as written.
    wb = xlwt.Workbook(encoding="utf-8")
    date, wrap = xlwt.easyxf(num_format_str="yyyy-mm-dd"), xlwt.easyxf("align: wrap on")
    ws = wb.add_sheet("2025年")
    ws.write_merge(0, 0, 0, 6, TITLE)
    for c, v in enumerate(["报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"]):
        ws.write(1, c, v)
    for c, v in enumerate([D(2025, 4, 5), "关于甲的建议", "张三\n李四", "民盟东山县委", "市政协采用\n（2025.5.6）", None, "已报\n省政协"]):
        if v is not None:
            ws.write(2, c, v, date if isinstance(v, dt.date) else wrap)
    wb.save(str(tmp_path / "台账.xls"))
    ran = sqmy("validate", tmp_path, "--year", "2025")
    lines = ran.stdout.strip().splitlines()
    assert len(lines) == 4 and lines[0].startswith("警告  台账.xls!2025年!G3  [forward.in_note]"), lines
    assert "备注中写有上报“已报 省政协”" in lines[0]
    ledger, report = assert_every_cell_accounted(tmp_path / "台账.xls", year=2025)
    assert [i.code for i in report.issues] == ["forward.in_note"] and "已报\n省政协" in report.issues[0].message
    assert _fen(ledger, 2025) == {"张三": 5000, "李四": 5000}  # 市级 10000 shared
    as_json = sqmy("validate", tmp_path, "--year", "2025", "--format", "json")
    assert "已报\\n省政协" in as_json.stdout


def test_pishi_over_leader_and_text_is_read_when_the_row_below_is_a_header_by_itself(tmp_path):
    # A two-level header whose lower row, with the merged-down labels, is a whole header by itself:
    # 编号 | 报送日期 | 信息标题 | 作者 | 单位 merged over two rows, 采用情况 over 采用单位 | 采用日期, 批示 over
    # 领导 | 内容; and a 采用台账 sheet with 编号 merged down, 采用情况 over 采用单位 | 期号 | 采用日期, 批示 over
    # 领导 | 内容. 内容 alone names the item's title, so 批示 was taken for a title over item columns: the top
    # row set aside as a caption, 内容 read as a second title (header.ignored, "无需读取": the 批示's text
    # lost) or, on the 采用台账, as the title (link.number_mismatch against 编号 1's). By hand: 内容 under 批示
    # is the 批示's text: 编号 1 市长刘某 "请市水利局研究" (报送台账 G4:I4), 编号 2 副市长陈某 "请研究" (采用台账);
    # 稿酬: 编号 1 市级 ×2 = 20000 fen 张三; 编号 2 省级 ×2 = 40000 fen 李四.
    wb = xlwt.Workbook(encoding="utf-8")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws = wb.add_sheet("2025年")
    ws.write_merge(0, 0, 0, 8, TITLE)
    for c, v in enumerate(["编号", "报送日期", "信息标题", "作者", "单位"]):
        ws.write_merge(1, 2, c, c, v)
    ws.write_merge(1, 1, 5, 6, "采用情况")
    ws.write_merge(1, 1, 7, 8, "批示")
    for c, v in enumerate(["采用单位", "采用日期", "领导", "内容"], 5):
        ws.write(2, c, v)
    for r, row in enumerate([[1.0, D(2025, 2, 5), "关于甲的建议", "张三", "民盟东山县委", "市政协", D(2025, 3, 1), "市长刘某", "请市水利局研究"],
                             [2.0, D(2025, 2, 6), "关于乙的建议", "李四", "民进东山县委"]], 3):
        for c, v in enumerate(row):
            ws.write(r, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
    ws2 = wb.add_sheet("采用台账")
    ws2.write_merge(0, 1, 0, 0, "编号")
    ws2.write_merge(0, 0, 1, 3, "采用情况")
    ws2.write_merge(0, 0, 4, 5, "批示")
    for c, v in enumerate(["采用单位", "期号", "采用日期", "领导", "内容"], 1):
        ws2.write(1, c, v)
    for c, v in enumerate([2.0, "省政协", "第5期", D(2025, 4, 2), "副市长陈某", "请研究"]):
        ws2.write(2, c, v, date if isinstance(v, dt.date) else xlwt.Style.default_style)
    path = tmp_path / "台账.xls"
    wb.save(str(path))
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert [i.code for i in report.issues] == []
    assert list(ledger.sheets["header_rows"]) == [2, 2]
    got = ledger.instructions.merge(ledger.submissions[["item", "item_no"]], on="item")
    assert sorted(zip(got["item_no"], got["leader"], got["text"])) == [("1", "市长刘某", "请市水利局研究"),
                                                                      ("2", "副市长陈某", "请研究")]
    assert _fen(ledger, 2025) == {"张三": 20000, "李四": 40000}
