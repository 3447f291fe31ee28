"""What real Excel cells hold, found by the cells probe (a county office's ledgers saved by Excel and WPS).

A threaded comment (Excel 365's 批注, with its replies) was said by the note Excel keeps beside it for
older versions: ``[Threaded comment] Your version of Excel allows you to read this threaded commen……``,
English to staff, and the comment itself (已被省政协采用) cut off by the 80 characters a note shows. It
is read from its own part now, and the older note without its notice (any language) and labels.

A totals row with no label, only formulas (=SUBTOTAL(3,C4:C7) under the titles, =COUNTIF(F4:F7,"*采用*")
under 采用情况, =COUNTA(G4:G7) under the 批示), was read as an item titled "4": title.placeholder and
author.placeholder errors, a 批示 with no leader, and every figure's 说明 saying a 报送 and a 批示 were left
out for errors. So were the rows of a 采用台账 filled down with =报送!C9 (Excel shows 0 for an empty cell):
an adoption.no_item error each. A row of whole numbers only, one of them in the title's column, is no item.

An .xls a program wrote (xlwt) and no Excel calculated holds an empty result for every formula: an
adoption =IF(1,"省政协采用","") that Excel shows as 省政协采用 was read as empty without a word. When no
formula of an .xls holds a result, each formula cell of its items is said (formula.no_value), as in an .xlsx.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal

import sqmy_lib as sq
import xlsxwriter

from conftest import findings, paid

NOTICE = ("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits "
          "to it will get removed if the file is opened in a newer version of Excel. Learn more: "
          "https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    {}")
THREAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<threadedComment ref="C2" dT="2026-03-01T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" '
          'id="{00000000-0000-0000-0000-00000000000A}"><text>已被省政协采用</text></threadedComment>'
          '<threadedComment ref="C2" dT="2026-03-02T08:00:00.00" personId="{00000000-0000-0000-0000-000000000002}" '
          'id="{00000000-0000-0000-0000-00000000000B}" parentId="{00000000-0000-0000-0000-00000000000A}">'
          '<text>第5期，请补填采用情况</text></threadedComment></ThreadedComments>')


def _excel_saved(path, threaded: str | None = None):
    """The cached values as Excel saved them (no recalculation asked on opening, as xlsxwriter asks);
    with ``threaded``, the first sheet's threaded comments part, as Excel 365 writes it beside the note."""
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    parts["xl/workbook.xml"] = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', parts["xl/workbook.xml"])
    if threaded:
        rels = "xl/worksheets/_rels/sheet1.xml.rels"
        parts[rels] = parts[rels].replace(b"</Relationships>", (
            b'<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" '
            b'Target="../threadedComments/threadedComment1.xml"/></Relationships>'))
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
            b'<Override PartName="/xl/threadedComments/threadedComment1.xml" '
            b'ContentType="application/vnd.ms-excel.threadedcomments+xml"/></Types>'))
        parts["xl/threadedComments/threadedComment1.xml"] = threaded.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _commented_book(path, note: str, threaded: str | None = None):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("2026年")
    day = wb.add_format({"num_format": 'yyyy"年"m"月"d"日"'})
    ws.write_row(0, 0, ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"])
    ws.write_formula(1, 0, "=ROW()-1", None, 1)
    ws.write_datetime(1, 1, dt.datetime(2026, 2, 3), day)
    ws.write_row(1, 2, ["关于加强农村饮水安全的建议", "张三", "民盟县委"])
    ws.write_comment(1, 2, note, {"author": "tc={00000000-0000-0000-0000-00000000000A}"})
    ws.write_formula(2, 0, "=ROW()-1", None, 2)
    ws.write_datetime(2, 1, dt.datetime(2026, 2, 4), day)
    ws.write_row(2, 2, ["关于规范校外培训机构的建议", "李四", "民进县委", "市政协采用"])
    wb.close()
    return _excel_saved(path, threaded)


def test_a_threaded_comment_is_said_by_its_text_not_by_excels_notice(tmp_path):
    # C2 holds a threaded comment and its reply (Excel 365); the note beside it for older versions holds
    # the English notice. Hand: the comment is said at C2 with both texts; notes count for nothing, so
    # 2 items, 1 adoption (李四, 市级: 100.00), none for 张三.
    path = _commented_book(tmp_path / "台账.xlsx", NOTICE.format("已被省政协采用\nReply:\n    第5期，请补填采用情况"), THREAD)
    ledger = sq.read_ledgers(path, year=2026)
    said = findings(sq.validate(ledger), "cell.note")
    assert [(f.sheet, f"{f.column}{f.row}") for f in said] == [("2026年", "C2")]
    assert "已被省政协采用;第5期,请补填采用情况" in said[0].message  # as messages write punctuation
    assert "Threaded" not in said[0].message and "Excel" not in said[0].message
    assert paid(ledger, 2026) == {"李四": Decimal("100.00")}


def test_the_older_note_of_a_threaded_comment_is_said_without_the_notice(tmp_path):
    # The same comment where only the older note is left (a copy saved again by an older Excel or WPS),
    # its notice in Chinese (the language of the Excel that wrote it). Hand: said at C2 as 已被省政协采用.
    notice = ("[线程批注]\n\n你的 Excel 版本可读取此线程批注；但如果在更新版本的 Excel 中打开文件，对批注所作的任何"
              "编辑都将被删除。了解详细信息：https://go.microsoft.com/fwlink/?linkid=870924\n\n批注:\n    已被省政协采用")
    path = _commented_book(tmp_path / "台账.xlsx", notice)
    said = findings(sq.validate(sq.read_ledgers(path, year=2026)), "cell.note")
    assert [(f"{f.column}{f.row}", f.message.split("”")[0]) for f in said] == [("C2", "单元格有批注“已被省政协采用")]


def test_a_note_of_an_older_excel_is_said_whole(tmp_path):
    # An ordinary note (author line and text) is said as it was: only a threaded comment's notice goes.
    path = _commented_book(tmp_path / "台账.xlsx", "信息科:\n市政协采用，第3期")
    said = findings(sq.validate(sq.read_ledgers(path, year=2026)), "cell.note")
    assert [f.message.split("”")[0] for f in said] == ["单元格有批注“信息科: 市政协采用,第3期"]


def test_a_totals_row_of_formulas_with_no_label_is_no_item(tmp_path):
    # An Excel-saved ledger whose last row holds only formulas: =SUBTOTAL(3,C4:C7) (4) under the titles,
    # =COUNTA(D4:D7) (4) under the authors, =COUNTIF(F4:F7,"*采用*") (3) under 采用情况, =COUNTA(G4:G7) (1)
    # under the 批示. Hand, 2026 Q1 at the shipped rates: 4 items; 张三 市级 100.00; 王五 县级 30.00 ×2 for
    # the 批示 = 60.00; 赵六 省级 200.00; 李四 nothing. 县级 1, 市级 1, 省级 1; 1 批示; nothing left out.
    path = tmp_path / "台账.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("2026年")
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write("A1", "示例县政协2026年社情民意信息报送台账")
    ws.write("A2", "填报单位：示例县政协办公室")
    ws.write_row(2, 0, ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"])
    items = [("关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", None),
             ("关于规范校外培训机构的建议", "李四", "民进县委", None, None),
             ("关于加强古树名木保护的建议", "王五", "民建县委", "县政协编发", "副县长赵某某批示"),
             ("关于发展乡村旅游的建议", "赵六", "民革县委", "省政协采用", None)]
    for k, (title, author, unit, adopted, instructed) in enumerate(items):
        r = k + 3
        ws.write_formula(r, 0, "=ROW()-3", None, k + 1)
        ws.write_datetime(r, 1, dt.datetime(2026, 2, k + 2), day)
        ws.write_row(r, 2, [title, author, unit, adopted, instructed])
    ws.write_formula("C8", "=SUBTOTAL(3,C4:C7)", None, 4)
    ws.write_formula("D8", "=COUNTA(D4:D7)", None, 4)
    ws.write_formula("F8", '=COUNTIF(F4:F7,"*采用*")', None, 3)
    ws.write_formula("G8", "=COUNTA(G4:G7)", None, 1)
    wb.close()
    _excel_saved(path)
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger)
    assert [i.code for i in report.issues if i.severity == "error"] == []
    assert len(ledger.submissions) == 4 and len(ledger.instructions) == 1
    assert paid(ledger, 2026) == {"张三": Decimal("100.00"), "王五": Decimal("60.00"), "赵六": Decimal("200.00")}
    q1 = sq.summary(ledger, sq.Period.of(2026, quarter=1))
    assert (q1.submitted, q1.adopted_by_tier, q1.instructions) == (4, {"县级": 1, "市级": 1, "省级": 1, "全国": 0}, 1)
    assert not q1.left_out


def test_an_adoption_book_filled_down_with_references_to_empty_rows(tmp_path):
    # A 采用台账 whose 标题 and 作者 are =报送!C3, =报送!D3 … filled down to row 8, past the 2 items: Excel
    # shows 0 for a reference to an empty cell. Hand: 2 items; 甲 市政协 2026-04-01 (张三 100.00); 乙 not
    # adopted; rows 4–8 of zeros are no adoption and no error (the base: an adoption.no_item error each).
    path = tmp_path / "台账.xlsx"
    wb = xlsxwriter.Workbook(path)
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("报送")
    ws.write("A1", "示例县政协2026年社情民意信息报送台账")
    ws.write_row(1, 0, ["序号", "收稿日期", "信息标题", "作者", "单位"])
    for k, (title, author) in enumerate([("关于甲的建议", "张三"), ("关于乙的建议", "李四")]):
        ws.write_number(k + 2, 0, k + 1)
        ws.write_datetime(k + 2, 1, dt.datetime(2026, 3, k + 1), day)
        ws.write_row(k + 2, 2, [title, author, "民盟县委"])
    adopted = wb.add_worksheet("采用")
    adopted.write("A1", "示例县政协2026年社情民意信息采用台账")
    adopted.write_row(1, 0, ["信息标题", "作者", "采用单位", "采用日期"])
    adopted.write_formula("A3", "=报送!C3", None, "关于甲的建议")
    adopted.write_formula("B3", "=报送!D3", None, "张三")
    adopted.write("C3", "市政协")
    adopted.write_datetime("D3", dt.datetime(2026, 4, 1), day)
    for r in range(4, 9):
        adopted.write_formula(f"A{r}", f"=报送!C{r + 1}", None, 0)
        adopted.write_formula(f"B{r}", f"=报送!D{r + 1}", None, 0)
    wb.close()
    _excel_saved(path)
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger)
    assert findings(report, "adoption.no_item") == []
    assert [i.code for i in report.issues if i.severity == "error"] == []
    assert list(ledger.adoptions["tier"]) == ["市级"]
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}


def test_an_xls_a_program_wrote_and_no_excel_calculated(tmp_path):
    # An .xls a program wrote (xlwt, as OA exports are written) and nobody opened and saved: its formulas
    # hold no result (an empty text each), though Excel shows them calculated on opening. Row 3's 采用情况
    # =IF(1,"省政协采用","") shows 省政协采用 in Excel; the tool cannot know it. Hand: 2 items; 张三's
    # 市政协采用 typed (100.00); 李四's adoption unknown, said at F3, never dropped without a word; row 2's
    # date =DATE(2026,3,5) unknown: date.missing and formula.no_value at B2; the 序号 formulas said too.
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("2026年")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for c, label in enumerate(["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]):
        ws.write(0, c, label)
    ws.write(1, 0, xlwt.Formula("ROW()-1"))
    ws.write(1, 1, xlwt.Formula("DATE(2026,3,5)"), day)
    for c, v in enumerate(["关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用"], 2):
        ws.write(1, c, v)
    ws.write(2, 0, xlwt.Formula("ROW()-1"))
    ws.write(2, 1, dt.date(2026, 3, 6), day)
    for c, v in enumerate(["关于规范校外培训机构的建议", "李四", "民进县委"], 2):
        ws.write(2, c, v)
    ws.write(2, 5, xlwt.Formula('IF(1,"省政协采用","")'))
    ws.write(2, 6, True)
    wb.save(str(tmp_path / "台账.xls"))
    ledger = sq.read_ledgers(tmp_path / "台账.xls", year=2026)
    report = sq.validate(ledger)
    assert sorted(f"{f.column}{f.row}" for f in findings(report, "formula.no_value")) == ["A2", "A3", "B2", "F3"]
    assert [f"{f.column}{f.row}" for f in findings(report, "date.missing")] == ["B2"]
    assert list(ledger.adoptions["tier"]) == ["市级"]


def test_an_xls_saved_calculated_keeps_its_empty_results_quiet(tmp_path):
    # The same kind of ledger as Excel or WPS saves it, with results: the 序号 formulas hold 1 and 2 (their
    # results written into the file's FORMULA records, as a calculating program stores them), so 李四's
    # =IF(F3="是","市政协采用","") holding an empty text was calculated to "": as empty as it shows.
    # Hand: 张三 市政协采用 typed, 100.00; nothing said of formulas.
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("2026年")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for c, label in enumerate(["序号", "收稿日期", "信息标题", "作者", "单位", "是否采用", "采用情况"]):
        ws.write(0, c, label)
    for k, (title, author, unit, flag) in enumerate([("关于甲的建议", "张三", "民盟县委", "是"), ("关于乙的建议", "李四", "民进县委", "否")]):
        ws.write(k + 1, 0, xlwt.Formula("ROW()-1"))
        ws.write(k + 1, 1, dt.date(2026, 3, k + 5), day)
        for c, v in enumerate([title, author, unit, flag], 2):
            ws.write(k + 1, c, v)
    ws.write(1, 6, "市政协采用")
    ws.write(2, 6, xlwt.Formula('IF(F3="是","市政协采用","")'))
    path = tmp_path / "台账.xls"
    wb.save(str(path))
    _store_results(path, {(1, 0): 1.0, (2, 0): 2.0})
    ledger = sq.read_ledgers(path, year=2026)
    assert list(ledger.submissions["seq"].astype(str)) == ["1", "2"]  # the stored results read
    assert findings(sq.validate(ledger), "formula.no_value") == []
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}


def _store_results(path, results: dict[tuple[int, int], float]) -> None:
    """Write numbers as the stored results of an xlwt .xls's FORMULA records (row, column → result), as a
    program that calculates stores them: its BIFF records walked in the workbook stream."""
    import struct

    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True)
    data = bytearray(path.read_bytes())
    assert bytes(book.mem) == bytes(data)  # a small file: xlrd reads the stream where it lies in the file
    pos, end = book.base, book.base + book.stream_len
    while pos + 4 <= end:
        rc, size = struct.unpack_from("<HH", data, pos)
        at = struct.unpack_from("<HH", data, pos + 4) if rc == 0x0006 else None
        if at in results:
            data[pos + 10:pos + 18] = struct.pack("<d", results[at])
        pos += 4 + size
    path.write_bytes(bytes(data))
