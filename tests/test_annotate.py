"""Annotated ledger copies (``sqmy validate --annotate``), on real workbooks on disk."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwt
from python_calamine import CalamineWorkbook

from sqmy_lib.render import annotate
from sqmy_lib.render.annotate import libreoffice, write_annotated
from sqmy_lib.validate.report import Issue

RED, YELLOW = "FFC7CE", "FFEB9C"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_xlsx(path: Path) -> Path:
    """A combined ledger with a merged title, a header row and a text cell starting with '='."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "二季度 报送"  # Chinese with a space: links must quote it
    ws["A1"] = "2026年度社情民意信息报送采用登记表"
    ws.merge_cells("A1:E1")
    for col, header in enumerate(["序号", "信息标题", "作者", "报送日期", "采用情况"], start=1):
        ws.cell(2, col, header)
    ws.append([1, "关于农村养老的建议", "张三", dt.date(2026, 4, 3), "省政协"])
    ws.append([2, "关于校外培训的建议", "李四、王五", "2026.4.31", ""])
    ws["C4"].value = "=张三"  # typed by staff; must stay text
    ws["C4"].data_type = "s"
    wb.create_sheet("问题清单")  # an existing sheet of that name: ours becomes 问题清单(2)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def make_xls(path: Path) -> Path:
    """A WPS-style .xls whose data starts at B3, with a merged title and a date."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("一季度")
    ws.write_merge(2, 2, 1, 3, "民盟县委社情民意报送台账")  # B3:D3
    for col, header in enumerate(["编号", "标题", "报送日期"], start=1):
        ws.write(3, col, header)
    ws.write(4, 1, "A-01")
    ws.write(4, 2, "=不是公式")
    ws.write(4, 3, dt.date(2026, 3, 5), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    ws.write(5, 1, "A-02")
    ws.write(5, 2, "关于河道治理的建议")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path


# No whitespace between the cells of a row: calamine rejects it (real files have none).
ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="一季度">
<table:table-row><table:table-cell/></table:table-row>
<table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>标题</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell/><table:table-cell office:value-type="date" office:date-value="2026-03-05"/><table:table-cell office:value-type="string"><text:p>=张三</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def make_ods(path: Path) -> Path:
    """A minimal hand-built .ods (no odfpy needed) with data from B2."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", ODS_CONTENT)
        zf.writestr("META-INF/manifest.xml", ODS_MANIFEST)  # calamine detects .ods by it
    return path


def xlsx_issues(file: Path) -> list[Issue]:
    f, s = str(file), "二季度 报送"
    return [
        Issue("date_invalid", "error", "日期无法识别:2026.4.31", f, s, 4, "D"),
        Issue("author_suspicious", "warning", "=张三 不像人名", f, s, 4, "C"),
        Issue("author_missing_unit", "error", "作者缺少单位", f, s, 4, "C"),  # same cell as above
        Issue("title_row", "warning", "标题行合并单元格", f, s, 1, "C"),  # inside merged A1:E1
        Issue("row_subtotal", "warning", "疑似小计行", f, s, 3, None),  # row only: list only
        Issue("sheet_empty", "warning", "工作表无数据", f, None, None, None),  # file level
    ]


def xls_issues(file: Path) -> list[Issue]:
    f = str(file)
    return [
        Issue("date_missing", "error", "缺少报送日期", f, "一季度", 6, "D"),
        Issue("title_dup", "warning", "标题重复", f, "一季度", 5, "C"),
    ]


def fill_rgb(cell) -> str | None:
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb[-6:]


def marked_cells(ws) -> dict[str, tuple[str | None, str | None]]:
    """Every cell with a comment or a fill: coordinate -> (fill colour, comment text)."""
    out = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.comment or fill_rgb(cell):
                out[cell.coordinate] = (fill_rgb(cell), cell.comment.text if cell.comment else None)
    return out


@pytest.fixture(params=["libreoffice", "builtin"])
def converter(request, monkeypatch):
    """How a .xls or .ods becomes the annotated .xlsx: through LibreOffice (when installed), or
    rebuilt here (LibreOffice absent)."""
    if request.param == "libreoffice" and not libreoffice():
        pytest.skip("LibreOffice 未安装")
    if request.param == "builtin":
        monkeypatch.setattr(annotate, "libreoffice", lambda: None)
    return request.param


def as_date(cell) -> dt.date:
    """A date cell's date; LibreOffice keeps an .ods date that has no date style as its serial number."""
    if isinstance(cell.value, int):
        return dt.date(1899, 12, 30) + dt.timedelta(days=cell.value)
    return cell.value.date()


@pytest.fixture
def ledgers(tmp_path):
    src = tmp_path / "src"
    xlsx = make_xlsx(src / "报送台账.xlsx")
    xls = make_xls(src / "民盟县委.xls")
    return xlsx, xls


def test_sources_stay_byte_identical(tmp_path, ledgers):
    xlsx, xls = ledgers
    before = {p: sha256(p) for p in ledgers}
    write_annotated(xlsx_issues(xlsx) + xls_issues(xls), tmp_path / "out")
    assert {p: sha256(p) for p in ledgers} == before


def test_xlsx_marks_exactly_the_flagged_cells(tmp_path, ledgers):
    xlsx, xls = ledgers
    written = write_annotated(xlsx_issues(xlsx), tmp_path / "out")
    assert written == [tmp_path / "out" / "报送台账.xlsx"]

    wb = openpyxl.load_workbook(written[0])
    ws = wb["二季度 报送"]
    marks = marked_cells(ws)
    assert set(marks) == {"D4", "C4", "A1"}
    assert marks["D4"] == (RED, "[错误] 日期无法识别:2026.4.31")
    # two issues on one cell: one comment, errors first, worst severity colours it
    assert marks["C4"] == (RED, "[错误] 作者缺少单位\n[警告] =张三 不像人名")
    # C1 is hidden in the merged title: the visible cell A1 is marked and names C1
    assert marks["A1"] == (YELLOW, "[警告] C1:标题行合并单元格")
    assert ws["C4"].comment.author == "sqmy"
    assert ws["C4"].value == "=张三" and ws["C4"].data_type == "s"
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:E1"]


def test_issue_list_sheet(tmp_path, ledgers):
    xlsx, _ = ledgers
    issues = xlsx_issues(xlsx)
    wb = openpyxl.load_workbook(write_annotated(issues, tmp_path / "out")[0])

    assert wb.sheetnames == ["二季度 报送", "问题清单", "问题清单(2)"]
    ws = wb["问题清单(2)"]
    assert wb.active.title == "问题清单(2)"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("序号", "级别", "代码", "位置", "说明")
    assert len(rows) - 1 == len(issues)
    assert rows[1] == (1, "错误", "date_invalid", "二季度 报送!D4", "日期无法识别:2026.4.31")  # in this workbook
    assert [r[3] for r in rows[2:]] == ["二季度 报送!C4", "二季度 报送!C4", "二季度 报送!C1", "二季度 报送!第3行", "整个文件"]
    assert [r[1] for r in rows[1:]] == ["错误", "警告", "错误", "警告", "警告", "警告"]
    assert ws["A1"].font.b and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E7"

    # every link resolves to the cell its issue names; the file-level issue has none
    links = [ws.cell(r, 4).hyperlink for r in range(2, len(issues) + 2)]
    for link, issue in zip(links[:4], issues):
        sheet, coord = (link.location or link.target.lstrip("#")).rsplit("!", 1)
        assert sheet == "'二季度 报送'"
        assert wb[sheet.strip("'")][coord].coordinate == f"{issue.column}{issue.row}"
    assert links[4].location == "'二季度 报送'!A3"  # row-only issue links to its row
    assert links[5] is None

    # a message quoting '=...' stays text in the list
    assert ws["E3"].value == "=张三 不像人名" and ws["E3"].data_type == "s"


def test_xls_becomes_xlsx_at_the_same_coordinates(tmp_path, ledgers, converter):
    _, xls = ledgers
    written = write_annotated(xls_issues(xls), tmp_path / "out")
    assert written == [tmp_path / "out" / "民盟县委.xlsx"]

    wb = openpyxl.load_workbook(written[0])
    ws = wb["一季度"]
    assert ws["B3"].value == "民盟县委社情民意报送台账"
    assert [str(r) for r in ws.merged_cells.ranges] == ["B3:D3"]
    assert [c.value for c in ws[4][1:4]] == ["编号", "标题", "报送日期"]
    assert ws["A1"].value is None and ws["A5"].value is None
    assert ws["B5"].value == "A-01"
    assert ws["C5"].value == "=不是公式" and ws["C5"].data_type == "s"
    assert ws["D5"].is_date and ws["D5"].value.date() == dt.date(2026, 3, 5)
    assert marked_cells(ws) == {
        "D6": (RED, "[错误] 缺少报送日期"),
        "C5": (YELLOW, "[警告] 标题重复"),
    }
    assert wb["问题清单"].max_row == 3
    # another reader agrees the '=' cell is a string, not a formula
    sheet = CalamineWorkbook.from_path(str(written[0])).get_sheet_by_name("一季度")
    assert sheet.to_python(skip_empty_area=False)[4][2] == "=不是公式"


def test_ods_and_misnamed_xls_are_read_by_content(tmp_path, converter):
    ods = make_ods(tmp_path / "表.ods")
    misnamed = shutil.copy(make_xlsx(tmp_path / "src" / "x.xlsx"), tmp_path / "WPS另存.xls")  # really .xlsx
    issues = [Issue("a", "error", "错", str(ods), "一季度", 3, "C"), *xlsx_issues(Path(misnamed))[:1]]
    out = tmp_path / "out"
    assert write_annotated(issues, out) == [out / "表.xlsx", out / "WPS另存.xlsx"]

    ws = openpyxl.load_workbook(out / "表.xlsx")["一季度"]
    assert ws["B2"].value == "标题" and as_date(ws["B3"]) == dt.date(2026, 3, 5)
    assert ws["C3"].value == "=张三" and ws["C3"].data_type == "s"
    assert marked_cells(ws) == {"C3": (RED, "[错误] 错")}
    # loaded with openpyxl (formatting kept), not flattened to values
    ws = openpyxl.load_workbook(out / "WPS另存.xlsx")["二季度 报送"]
    assert "D4" in marked_cells(ws) and [str(r) for r in ws.merged_cells.ranges] == ["A1:E1"]


def test_layout_keeps_subfolders_with_base_dir(tmp_path):
    base = tmp_path / "ledgers"
    a = make_xlsx(base / "一组" / "台账.xlsx")
    b = make_xlsx(base / "二组" / "台账.xlsx")
    issues = xlsx_issues(a)[:1] + xlsx_issues(b)[:1]
    out = tmp_path / "out"
    assert write_annotated(issues, out, base_dir=base) == [out / "一组" / "台账.xlsx", out / "二组" / "台账.xlsx"]


def test_flat_layout_dedupes_names(tmp_path):
    a = make_xlsx(tmp_path / "一组" / "台账.xlsx")
    b = make_xlsx(tmp_path / "二组" / "台账.xlsx")
    xls = make_xls(tmp_path / "一组" / "台账.xls")
    # the .xls comes first but the .xlsx keeps its own name
    issues = xls_issues(xls)[:1] + xlsx_issues(a)[:1] + xlsx_issues(b)[:1]
    out = tmp_path / "out"
    written = write_annotated(issues, out)
    assert written == [out / "台账(xls).xlsx", out / "台账.xlsx", out / "台账(2).xlsx"]
    assert all(p.exists() for p in written)


def test_refuses_to_write_beside_the_source(tmp_path, ledgers):
    xlsx, _ = ledgers
    before = sha256(xlsx)
    with pytest.raises(ValueError):
        write_annotated(xlsx_issues(xlsx), xlsx.parent)
    assert sha256(xlsx) == before


def test_failed_save_leaves_no_partial_file_and_keeps_earlier_output(tmp_path, ledgers, monkeypatch):
    xlsx, xls = ledgers
    out = tmp_path / "out"
    good = write_annotated(xlsx_issues(xlsx), out)[0]
    good_hash = sha256(good)

    real_save = openpyxl.Workbook.save

    def broken_save(self, filename):
        real_save(self, filename)  # write the whole file, then fail as a full disk would
        Path(filename).write_bytes(Path(filename).read_bytes()[:100])
        raise OSError("磁盘已满")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_annotated(xlsx_issues(xlsx) + xls_issues(xls), out)

    assert sorted(p.name for p in out.iterdir()) == ["报送台账.xlsx"]
    assert sha256(good) == good_hash


def test_unreadable_ledger_is_skipped(tmp_path, ledgers):
    xlsx, _ = ledgers
    broken = tmp_path / "src" / "坏文件.xlsx"
    broken.write_bytes(b"not a workbook")
    issues = [Issue("file_unreadable", "error", "无法读取", str(broken))] + xlsx_issues(xlsx)
    assert write_annotated(issues, tmp_path / "out") == [tmp_path / "out" / "报送台账.xlsx"]
