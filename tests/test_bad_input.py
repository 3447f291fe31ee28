"""Bad input: every kind gets a clear Chinese message naming the file, exit 2, and the
other files are still read and validated. Run through the real ``sqmy`` CLI entry point."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile
import pytest

from conftest import write_xlsx

GOOD_ROWS = [["2026年社情民意信息台账"], ["日期", "标题", "作者"], ["2026-01-05", "关于好文件的建议", "张三"]]


def sqmy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *args], capture_output=True, text=True, timeout=300)


def _rewrite_member(src: Path, dst: Path, member: str, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, edit(data) if info.filename == member else data)
    return dst


def _encrypted(src: Path, dst: Path) -> Path:
    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt("secret", out)
    dst.write_bytes(out.getvalue())
    return dst


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    good = write_xlsx(tmp / "good_source.xlsx", {"S": GOOD_ROWS})
    data = good.read_bytes()
    files: dict[str, tuple[Path, str]] = {}

    def add(name: str, code: str, make) -> None:
        path = tmp / "bad" / name
        path.parent.mkdir(exist_ok=True)
        make(path)
        files[name] = (path, code)

    add("truncated.xlsx", "file.corrupt", lambda p: p.write_bytes(data[: len(data) // 2]))
    add("empty.xlsx", "file.empty", lambda p: p.write_bytes(b""))
    add("page.xls", "file.not_excel", lambda p: p.write_text("<html><body><p>请先登录</p></body></html>"))
    add("entities.xls", "file.corrupt", lambda p: p.write_bytes(  # an Excel 2003 XML workbook declaring entities
        b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><!DOCTYPE w [<!ENTITY a "aaaa">]>'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&a;</Data>'
        b'</Cell></Row></Table></Worksheet></Workbook>'))
    add("spans.xls", "sheet.too_large", lambda p: p.write_text(  # a page whose spans cover 5 million cells
        "<html><table><tr>" + '<td colspan="1000" rowspan="1000">x</td>' * 5 + "</tr></table></html>"))
    add("notes.xlsx", "file.not_excel", lambda p: p.write_text("这不是工作簿", encoding="utf-8"))
    add("locked.xlsx", "file.encrypted", lambda p: _encrypted(good, p))
    add("no_ledger.xlsx", "file.no_ledger", lambda p: write_xlsx(p, {"杂项": [["随便"], ["写点"]]}))
    add("huge_dimension.xlsx", "sheet.too_large", lambda p: _rewrite_member(
        good, p, "xl/worksheets/sheet1.xml", lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', x)))

    def far_cell(p: Path) -> None:
        # The declared size looks fine but a cell sits at XFD1048576: calamine would try to
        # allocate 17 billion cells and abort the process.
        _rewrite_member(good, p, "xl/worksheets/sheet1.xml", lambda x: x.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))

    add("far_cell.xlsx", "sheet.too_large", far_cell)

    def bomb(p: Path) -> None:
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename == "xl/worksheets/sheet1.xml":
                    with zout.open(info.filename, "w") as fh:
                        block = b" " * (1 << 20)
                        for _ in range(64):  # 64 MiB of spaces: ~64 KiB compressed
                            fh.write(block)
                else:
                    zout.writestr(info, zin.read(info.filename))

    add("bomb.xlsx", "file.zip_bomb", bomb)
    return files


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad_inputs")
    files = _bad_files(tmp)
    write_xlsx(tmp / "bad" / "zz_good.xlsx", {"S": GOOD_ROWS})
    return tmp / "bad", files


def test_each_bad_file_is_named_with_its_code_and_the_good_one_is_still_read(bad_dir):
    folder, files = bad_dir
    result = sqmy("validate", str(folder), "--format", "json")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    by_file = {Path(i["file"]).name: i for i in report["issues"]}
    for name, (_, code) in files.items():
        assert name in by_file, f"{name} not reported"
        issue = by_file[name]
        assert issue["code"] == code, (name, issue)
        assert issue["severity"] == "error"
        assert re.search(r"[\u4e00-\u9fff]", issue["message"]), issue["message"]
        assert issue["cell"].startswith(name)
    # The good file among them is read and counted.
    assert report["records"]["submissions"] == 1


def test_text_output_names_the_file_in_chinese(bad_dir):
    folder, files = bad_dir
    path, _ = files["locked.xlsx"]
    result = sqmy("validate", str(path))
    assert result.returncode == 2
    assert "locked.xlsx" in result.stdout and "密码" in result.stdout


def test_missing_file_and_misuse_exit_2(tmp_path):
    result = sqmy("validate", str(tmp_path / "nowhere.xlsx"))
    assert result.returncode == 2 and "文件不存在" in result.stdout
    result = sqmy("validate", "--format", "yaml", "x.xlsx")
    assert result.returncode == 2 and "参数错误" in result.stderr
    # argparse's English words, as staff read them (they read "the following arguments are required").
    for args, said in ((["validate"], "缺少参数 PATH"), (["validate", "x", "--year", "二〇二五"], "--year 应为整数,实为“二〇二五”"),
                       (["validate", "x", "--bogus"], "无法识别的参数 --bogus"),
                       (["compute", "x"], "统计项目 的值“x”无效")):
        result = sqmy(*args)
        assert result.returncode == 2 and f"参数错误:{said}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_sources_stay_byte_identical(bad_dir, tmp_path):
    folder, files = bad_dir
    before = {p: p.read_bytes() for p in folder.iterdir()}
    sqmy("validate", str(folder), "--annotate", str(tmp_path / "annotated"))
    assert {p: p.read_bytes() for p in folder.iterdir()} == before


# ---------------------------------------------------------------- the XML pre-scan's formula and size facts

FORMULA_ROWS = [["序号", "日期", "标题", "作者"], *[[k, "2026-01-05", f"关于第{k}个问题的建议", "张三"] for k in range(1, 7)]]


def _formula_book(tmp: Path, name: str, cells: dict[str, bytes]) -> Path:
    """A ledger whose 序号 cells (A2…A7) are replaced by the given raw cell XML."""
    src = write_xlsx(tmp / f"src_{name}", {"S": FORMULA_ROWS})

    def edit(xml: bytes) -> bytes:
        for ref, cell in cells.items():
            xml, n = re.subn(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', cell, xml, count=1)
            assert n == 1, ref
        return xml

    return _rewrite_member(src, tmp / name, "xl/worksheets/sheet1.xml", edit)


def _formula_findings(path: Path) -> list[str]:
    import sqmy_lib as sq

    found = sq.read_ledgers(path).findings
    found = found[found["code"] == "formula.no_value"]
    return [f"{c}{r}" for c, r in zip(found["column"], found["row"])]


def test_formula_cells_without_a_cached_value_are_found(tmp_path):
    path = _formula_book(tmp_path, "formulas.xlsx", {
        "A2": b'<c r="A2"><f>ROW()-1</f><v>1</v></c>',                      # calculated: fine
        "A3": b'<c r="A3"><f>ROW()-1</f><v></v></c>',                       # openpyxl: empty value
        "A4": b'<c r="A4"><f>ROW()-1</f></c>',                              # no value at all
        "A5": b'<c r="A5"><f t="shared" ref="A5:A7" si="0">ROW()-1</f><v>4</v></c>',
        "A6": b'<c r="A6"><f t="shared" si="0"/><v>5</v></c>',              # shared, calculated
        "A7": b'<c r="A7"><f t="shared" si="0"/></c>',                      # shared, never calculated
    })
    assert _formula_findings(path) == ["A3", "A4", "A7"]
    # =IF(F2="","",F2) calculated to an empty text (Excel, WPS, LibreOffice: t="str", an empty <v>): it was
    # said never calculated, and opening and saving the file again did not clear it.
    path = _formula_book(tmp_path, "empty_text.xlsx", {"A3": b'<c r="A3" t="str"><f>IF(B3="","",B3)</f><v></v></c>'})
    assert _formula_findings(path) == []


def test_calculated_formulas_give_no_finding(tmp_path):
    path = _formula_book(tmp_path, "calculated.xlsx", {
        f"A{r}": b'<c r="A%d"><f>ROW()-1</f><v>%d</v></c>' % (r, r - 1) for r in range(2, 8)})
    assert _formula_findings(path) == []
    path = _formula_book(tmp_path, "lone_empty.xlsx", {"A4": b'<c r="A4"><f/></c>'})
    assert _formula_findings(path) == ["A4"]


def test_far_column_with_few_rows_is_refused(tmp_path):
    import sqmy_lib as sq

    def far(xml: bytes) -> bytes:
        # Row 1100 alone is fine; a cell in column ZZZ (18,278 columns) on it makes 20 million cells.
        return xml.replace(b"</sheetData>", b'<row r="1100"><c r="ZZZ1100" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')

    path = _rewrite_member(write_xlsx(tmp_path / "src.xlsx", {"S": GOOD_ROWS}), tmp_path / "far.xlsx",
                           "xl/worksheets/sheet1.xml", far)
    files = sq.read_ledgers(path).files
    assert files["code"].tolist() == ["sheet.too_large"]


def test_four_letter_column_is_refused(tmp_path):
    import sqmy_lib as sq

    def far(xml: bytes) -> bytes:
        # Column AAAA (18,279) on row 2000: 36 million cells, found although the letters are four.
        return xml.replace(b"</sheetData>", b'<row r="2000"><c r="AAAA2000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')

    path = _rewrite_member(write_xlsx(tmp_path / "src.xlsx", {"S": GOOD_ROWS}), tmp_path / "far4.xlsx",
                           "xl/worksheets/sheet1.xml", far)
    assert sq.read_ledgers(path).files["code"].tolist() == ["sheet.too_large"]


def test_an_ods_repeating_a_filled_cell_over_a_huge_range_is_refused(tmp_path):
    # One cell repeated over 5000 columns of a row repeated 5000 times: 25 million cells (over the
    # 20 million limit) in a file of a few hundred bytes. calamine builds every sheet of an .ods on
    # opening: it is refused before, named, and the other file still read.
    import sqmy_lib as sq

    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="大表"><table:table-row table:number-rows-repeated="5000">'
               '<table:table-cell office:value-type="string" table:number-columns-repeated="5000"><text:p>x</text:p>'
               "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
    (tmp_path / "in").mkdir()
    with zipfile.ZipFile(tmp_path / "in" / "huge.ods", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    write_xlsx(tmp_path / "in" / "good.xlsx", {"S": GOOD_ROWS})
    files = sq.read_ledgers(tmp_path / "in").files.set_index("file")
    huge, good = str(tmp_path / "in" / "huge.ods"), str(tmp_path / "in" / "good.xlsx")
    assert files.at[huge, "code"] == "sheet.too_large" and "5000 行 × 5000 列" in files.at[huge, "message"]
    assert files.at[good, "status"] == "ok"


def test_a_file_whose_name_says_another_format_is_read_by_what_it_holds(tmp_path):
    # An .xls saved under .xlsx (and an .xlsx renamed .xls) is a usual accident in an office:
    # its rows are read, not refused as corrupt.
    from conftest import write_xls

    rows = [["序号", "收稿日期", "信息标题", "作者", "市政协"]]
    xls = write_xls(tmp_path / "a.xls", {"一季度": [*rows, [1, "2026-03-05", "关于甲事的建议", "张三", "√"]]})
    xlsx = write_xlsx(tmp_path / "b.xlsx", {"二季度": [*rows, [1, "2026-04-06", "关于乙事的建议", "李四", "√"]]})
    folder = tmp_path / "台账"
    folder.mkdir()
    (folder / "甲.xlsx").write_bytes(xls.read_bytes())
    (folder / "乙.xls").write_bytes(xlsx.read_bytes())
    run = sqmy("validate", str(folder), "--format", "json", "--year", "2026")
    out = json.loads(run.stdout)
    assert out["records"] == {"submissions": 2, "adoptions": 2, "instructions": 0}, out
    assert out["issues"] == [] and run.returncode == 0, out


def test_a_full_disk_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    # The disk filled while the 校验报告 was written: "[Errno 28] No space left on device", exit 2 (the code
    # for unusable inputs). Now one Chinese line staff act on, and exit 1 (the run failed).
    import errno

    import sqmy_lib.render.check_report as check_report
    from sqmy_lib.cli import main

    def full(texts, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(next(iter(texts))))

    monkeypatch.setattr(check_report, "write_texts_together", full)
    demo = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
    assert main(["run", str(demo), "--year", "2025", "--quarter", "3", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"sqmy: 运行失败:磁盘空间不足,请清理磁盘后重新运行({tmp_path / 'out' / '校验报告.txt'})" in err
    assert "Errno" not in err and "No space" not in err


def test_an_output_open_in_excel_is_named(tmp_path, monkeypatch, capsys):
    # Windows refuses to replace a file open in Excel: PermissionError(13) from os.replace, whose filename is
    # the temporary file and filename2 the output. The line must name the output staff have open, not the
    # temporary file, and say to close it.
    import errno

    import sqmy_lib.iorw as iorw
    from sqmy_lib.cli import main

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(src), None, str(dst))

    monkeypatch.setattr(iorw.os, "replace", locked)
    demo = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
    assert main(["run", str(demo), "--year", "2025", "--quarter", "3", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "文件正在 Excel/WPS 中打开:请关闭后重新运行" in err, err
    assert str(tmp_path / "out" / "校验报告.txt") in err and iorw.TEMP_PREFIX not in err, err
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.startswith(iorw.TEMP_PREFIX)]


def test_a_full_disk_under_a_library_s_own_error_is_said_as_the_os_error(tmp_path):
    """xlsxwriter reports a full disk as its FileCreateError around the OSError: said as the OS's error with its
    code, exit 1 (it was "运行失败(FileCreateError):[Errno 28] No space left on device", exit 2, and a traceback
    of the half-written zip at exit). Run in a process of its own, the failure raised by the command."""
    code = ("import errno, sys\n"
            "import xlsxwriter.exceptions\n"
            "import sqmy_lib.cli as cli, sqmy_lib.cli.rules as rules\n"
            "def full(args):\n"
            "    raise xlsxwriter.exceptions.FileCreateError(OSError(errno.ENOSPC, 'No space left on device'))\n"
            "rules.run_show = full\n"
            "sys.exit(cli.main(['rules', 'show']))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "磁盘空间不足" in result.stderr and "[os.ENOSPC]" in result.stderr
    assert "FileCreateError" not in result.stderr and "Traceback" not in result.stderr


def test_a_ledger_saved_as_a_web_page_or_text_in_the_folder_is_named(tmp_path):
    """台账/ holds a workbook and the other half of the year saved as a web page, Unicode text or a Word 登记表:
    those are named (file.not_read, 提示), not passed over in silence (every figure was half, nothing said)."""
    write_xlsx(tmp_path / "2025年台账上半年.xlsx", {"S": [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-03-01", "关于甲的建议", "张三"]]})
    for name in ("2025年台账下半年.htm", "2025年台账下半年.txt", "登记表.docx"):
        (tmp_path / name).write_bytes(b"x")
    result = sqmy("validate", str(tmp_path), "--format", "json")
    said = sorted(Path(i["file"]).name for i in json.loads(result.stdout)["issues"] if i["code"] == "file.not_read")
    assert said == ["2025年台账下半年.htm", "2025年台账下半年.txt", "登记表.docx"]
    assert result.returncode == 0  # a 提示: the workbook's figures stand, the exit code is theirs
