"""Annotated copies staff recognise and can print: an .xls copy keeps the source's formatting (through
LibreOffice when it is installed, else rebuilt from what xlrd reads), and the 问题清单 prints on one
page width. The printing checks render through LibreOffice to PDF, as staff would print; they are
skipped where LibreOffice or poppler is not installed (CI installs both: .ci/run)."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlrd
import xlwt

import sqmy_lib as sq
from sqmy_lib.render import annotate
from sqmy_lib.render.annotate import ISSUE_SHEET, LIST_HEADERS, libreoffice, write_annotated
from sqmy_lib.validate.report import Issue

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

DEMO_XLS = Path(__file__).resolve().parents[1] / "workbooks" / "demo" / "民盟县委2025年社情民意信息.xls"
RED = "FFC7CE"


@pytest.fixture(params=["libreoffice", "builtin"])
def converter(request, monkeypatch):
    """Through LibreOffice (when installed), or rebuilt here as when LibreOffice is absent."""
    if request.param == "libreoffice" and not libreoffice():
        pytest.skip("LibreOffice 未安装")
    if request.param == "builtin":
        monkeypatch.setattr(annotate, "libreoffice", lambda: None)
    return request.param


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    """``render(workbook) -> pdf``: the workbook printed to PDF by LibreOffice, as staff would print it."""
    program = libreoffice()
    if not program or not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        pytest.skip("需要 LibreOffice 和 poppler-utils(pdftoppm、pdftotext)")
    profile = tmp_path_factory.mktemp("lo-profile")

    def to_pdf(workbook: Path) -> Path:
        out = workbook.parent / "pdf"
        subprocess.run([program, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
                       check=True, capture_output=True, timeout=300)
        pdf = out / f"{workbook.stem}.pdf"
        assert pdf.exists()
        return pdf

    return to_pdf


def rule_lines(pdf: Path, page: int = 1) -> int:
    """How many horizontal rules (borders) cross at least a third of the printed page: rows of dark
    pixels, a run of adjacent rows counted once."""
    from PIL import Image

    png = pdf.with_name(f"{pdf.stem}-p{page}")
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(png)], check=True, timeout=120)
    image = Image.open(f"{png}.png").convert("L")
    width, height = image.size
    pixels = image.load()
    lines, previous = 0, False
    for y in range(height):
        run = longest = 0
        for x in range(width):
            run = run + 1 if pixels[x, y] < 110 else 0
            longest = max(longest, run)
        is_rule = longest >= width / 3
        lines += is_rule and not previous
        previous = is_rule
    return lines


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=120).stdout
    return [page for page in text.split("\f") if page.strip()]


def formatted_xls(path: Path) -> Path:
    """A WPS-style .xls as staff keep it: a merged bold title, a shaded header, thin borders round
    every cell of the table, a medium rule under the header, set column widths and a taller title row."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("一季度")
    title = xlwt.easyxf("font: name 宋体, height 320, bold on; align: horiz center")
    header = xlwt.easyxf("font: name 黑体, height 220, bold on; pattern: pattern solid, fore_colour light_turquoise;"
                         "borders: left thin, right thin, top thin, bottom medium; align: horiz center, wrap on")
    body = xlwt.easyxf("font: name 宋体, height 220; borders: left thin, right thin, top thin, bottom thin")
    date = xlwt.easyxf("font: name 宋体, height 220; borders: left thin, right thin, top thin, bottom thin",
                       num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 4, "2026年社情民意信息报送台账", title)
    ws.row(0).height_mismatch = True
    ws.row(0).height = 600
    for c, label in enumerate(["序号", "收稿日期", "信息标题", "作者", "单位"]):
        ws.write(1, c, label, header)
    for r in range(2, 8):
        ws.write(r, 0, r - 1, body)
        ws.write(r, 1, dt.date(2026, 1, r), date)
        ws.write(r, 2, f"关于第{r - 1}个问题的建议", body)
        ws.write(r, 3, "张三", body)
        ws.write(r, 4, "民盟县委", body)
    for c, width in enumerate([6, 12, 40, 10, 16]):
        ws.col(c).width = 256 * width
    wb.save(str(path))
    return path


def test_xls_copy_keeps_the_source_formatting(tmp_path, converter):
    (tmp_path / "src").mkdir()
    src = formatted_xls(tmp_path / "src" / "台账.xls")
    written = write_annotated([Issue("title.missing", "error", "信息标题为空", str(src), "一季度", 5, "C")], tmp_path / "out")
    ws = openpyxl.load_workbook(written[0])["一季度"]
    # What the source holds, as xlrd reads it (independently of the copy's code path).
    book = xlrd.open_workbook(str(src), formatting_info=True)
    sheet = book.sheet_by_name("一季度")
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:E1"]
    for c, info in sheet.colinfo_map.items():
        assert abs(ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width - info.width / 256) < 0.5
    assert ws.row_dimensions[1].height == pytest.approx(30, abs=0.5)  # 600 twips
    for r in range(1, 8):
        for c in range(5):
            xf = book.xf_list[sheet.cell_xf_index(r, c)]
            cell = ws.cell(r + 1, c + 1)
            font = book.font_list[xf.font_index]
            assert (cell.font.name, cell.font.sz, bool(cell.font.b)) == (font.name, font.height / 20, bool(font.bold)), cell.coordinate
            for side, style in (("left", xf.border.left_line_style), ("top", xf.border.top_line_style),
                                ("bottom", xf.border.bottom_line_style)):
                expected = {1: "thin", 2: "medium"}[style]  # BIFF line styles 1 and 2
                assert getattr(cell.border, side).style == expected, (cell.coordinate, side)
    header_rgb = "%02X%02X%02X" % book.colour_map[book.xf_list[sheet.cell_xf_index(1, 0)].background.pattern_colour_index]
    assert ws["A2"].fill.fill_type == "solid" and ws["A2"].fill.fgColor.rgb[-6:] == header_rgb
    assert ws["B4"].is_date and ws["B4"].value.date() == dt.date(2026, 1, 3)
    assert ws["C5"].fill.fgColor.rgb[-6:] == RED  # the mark goes over the source's formatting


def test_annotated_demo_xls_prints_with_the_source_borders(tmp_path, converter, render):
    report = sq.validate(sq.read_ledgers([DEMO_XLS], roster=DEMO_XLS.parent / "名册.xlsx"))
    issues = [i for i in report.issues if i.file and Path(i.file).name == DEMO_XLS.name]
    assert issues  # the demo plants a mistake in its .xls
    copy = write_annotated(issues, tmp_path / "out")[0]
    src = shutil.copy(DEMO_XLS, tmp_path / DEMO_XLS.name)
    source_rules, copy_rules = rule_lines(render(Path(src))), rule_lines(render(copy))
    assert source_rules >= 20  # every row of the ledger is ruled
    assert copy_rules == source_rules


def test_issue_list_prints_on_one_page_width(tmp_path, render):
    src = tmp_path / "src" / "台账.xlsx"
    src.parent.mkdir()
    wb = openpyxl.Workbook()
    wb.active.title = "报送"
    wb.save(src)
    issues = [Issue("instruction.unknown_level", "warning" if n % 3 else "error",
                    f"第{n}条:无法判断批示领导“某某某”的级别(县级/市级/省级/国家级),请写明职务,如 市委书记×××、副市长×××,以便判断批示级别",
                    str(src), "报送", n + 2, "M") for n in range(1, 121)]
    copy = write_annotated(issues, tmp_path / "out")[0]
    wb = openpyxl.load_workbook(copy)
    ws = wb[ISSUE_SHEET]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"
    assert ws["E3"].alignment.wrap_text and ws["D3"].alignment.wrap_text

    for other in [s for s in wb.worksheets if s.title != ISSUE_SHEET]:
        wb.remove(other)  # print the list alone
    wb.save(tmp_path / "问题清单.xlsx")
    pdf = render(tmp_path / "问题清单.xlsx")
    pages = pages_text(pdf)
    assert len(pages) > 1  # long enough that the header row must repeat
    for page in pages:
        assert all(label in page for label in LIST_HEADERS), page[:200]  # every column on every page
    printed = " ".join(pages)
    assert all(f"第{n}条" in printed for n in range(1, 121))  # every issue, its message whole
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
