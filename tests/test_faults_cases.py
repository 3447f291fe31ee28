"""A ledger folder as an IT-minded clerk's really is: a ledger saved by Excel/WPS as 单个文件网页 (MHT)
under an .xls name, symbolic links left behind (a loop, one pointing at a file since moved). Every bad
file named in Chinese (never the system's English words), every good file read with the right figures."""
from __future__ import annotations

import errno
import json
import os
import quopri
import subprocess
import sys
from pathlib import Path

from conftest import write_xlsx
from sqmy_lib import zh

HEAD = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]
GOOD = [["2026年社情民意信息报送台账"], HEAD,
        [1, "2026-01-10", "关于农村饮水安全的建议", "张三", "民盟县委", "县政协采用"],
        [2, "2026-02-11", "关于校外培训的建议", "李四", "民盟县委", None]]


def sqmy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *args], capture_output=True, text=True, timeout=300)


def _excel_mht(path: Path) -> Path:
    """What Excel's 另存为 → 单个文件网页 writes (and OA systems export as .xls): a MIME message whose
    sheet is an HTML part in quoted-printable GB2312, beside the frameset and the tab strip."""
    rows = [["2026年社情民意信息报送台账(一季度)"], HEAD,
            ["1", "2026-03-02", "关于加强老旧小区改造的建议", "王五", "农工党县委", "市政协采用"],
            ["2", "2026-03-15", "关于乡村物流的建议", "赵六", "民建县委", ""],
            ["3", "2026-03-20", "关于规范电动车充电的建议", "王五", "农工党县委", "省政协采用"]]
    table = "".join("<tr>" + "".join(f"<td class=xl65>{v}</td>" for v in row) + "</tr>" for row in rows)
    sheet = ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv=Content-Type '
             'content="text/html; charset=gb2312"><style>td {mso-number-format:General;}</style></head>'
             f'<body><table border=0 cellpadding=0 cellspacing=0 width=600>{table}</table></body></html>')
    b = "----=_NextPart_01DA0000.12345678"
    parts = [("file:///C:/7E1A/sqmy.htm", "us-ascii", '<html><head><meta name="Excel Workbook Frameset"></head>'
              '<frameset rows="*,39"><frame src="sqmy.files/sheet001.htm" name="frSheet"></frameset></html>'.encode()),
             ("file:///C:/7E1A/sqmy.files/sheet001.htm", "gb2312", sheet.encode("gb2312"))]
    out = [f'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="{b}"\r\n\r\n'
           "此文档为“单个文件网页”,也称为“Web 档案”文件。\r\n".encode("gb2312")]
    for where, charset, body in parts:
        out.append(f"--{b}\r\nContent-Location: {where}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                   f'Content-Type: text/html; charset="{charset}"\r\n\r\n'.encode())
        out.append(quopri.encodestring(body) + b"\r\n")
    out.append(f"--{b}--\r\n".encode())
    path.write_bytes(b"".join(out))
    return path


def test_an_excel_single_file_web_page_under_an_xls_name_is_read(tmp_path):
    # Hand count: 报送台账.xlsx has 2 items (1 adopted, 县级); the MHT's sheet has 3 items, adopted 市级
    # (row 3) and 省级 (row 5): 5 submissions, 3 adoptions. The base code fed the quoted-printable text
    # (=D0=C5=CF=A2…) to the page reader and said file.no_ledger: 3 items missing from every figure.
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "报送台账.xlsx", {"2026": GOOD})
    _excel_mht(folder / "OA导出.xls")
    result = sqmy("validate", str(folder), "--year", "2026", "--format", "json")
    report = json.loads(result.stdout)
    assert report["records"] == {"submissions": 5, "adoptions": 3, "instructions": 0}, report["issues"]
    assert not [i for i in report["issues"] if i["severity"] == "error"], report["issues"]
    titles = sqmy("compute", "summary", str(folder), "--year", "2026", "--format", "json")
    assert titles.returncode in (0, 3), titles.stderr


def test_a_single_file_web_page_without_html_in_its_first_bytes_is_not_taken_for_text(tmp_path):
    # The MIME preamble pushes "<html" past the first 512 bytes: the base code said file.not_excel
    # ("内容为纯文本/CSV") of a ledger with 3 items. Hand count: 3 submissions, 2 adoptions.
    path = _excel_mht(tmp_path / "网页存档.xls")
    data = path.read_bytes().replace(b"\r\n\r\n", b"\r\n\r\n" + b"\xd7\xa2" * 300 + b"\r\n", 1)
    path.write_bytes(data)
    report = json.loads(sqmy("validate", str(path), "--year", "2026", "--format", "json").stdout)
    assert report["records"] == {"submissions": 3, "adoptions": 2, "instructions": 0}, report["issues"]


def test_symbolic_links_left_in_the_folder_are_said_in_chinese(tmp_path):
    # 循环A.xlsx → 循环B.xlsx → 循环A.xlsx, and 旧台账.xlsx → a file since moved: each named as
    # file.unreadable with Chinese words (the base code said "Too many levels of symbolic links", and
    # "文件不存在,请检查路径" of a file staff see listed); the good ledger is still read (2 items).
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "报送台账.xlsx", {"2026": GOOD})
    os.symlink("循环B.xlsx", folder / "循环A.xlsx")
    os.symlink("循环A.xlsx", folder / "循环B.xlsx")
    os.symlink("已移走/旧台账.xlsx", folder / "旧台账.xlsx")
    result = sqmy("validate", str(folder), "--year", "2026", "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["records"]["submissions"] == 2
    said = {Path(i["file"]).name: i for i in report["issues"] if i["severity"] == "error"}
    assert set(said) == {"循环A.xlsx", "循环B.xlsx", "旧台账.xlsx"}, said
    for issue in said.values():
        assert issue["code"] == "file.unreadable"
        assert "符号链接" in issue["message"] and not any("a" <= ch.lower() <= "z" for ch in issue["message"].split("(")[0])
    assert "循环指向自身" in said["循环A.xlsx"]["message"] and "指向的文件不存在" in said["旧台账.xlsx"]["message"]
    text = sqmy("validate", str(folder), "--year", "2026").stdout
    assert "symbolic" not in text and "Too many" not in text


def test_an_os_error_opening_a_ledger_is_never_said_in_english():
    # No root-proof way to make chmod 000 refuse root: the words for it, and for an error not listed.
    assert "没有读取权限" in zh.read_error(PermissionError(errno.EACCES, "Permission denied"))
    said = zh.read_error(OSError(errno.ESTALE, "Stale file handle"))
    assert "ESTALE" in said and "Stale" not in said


def test_of_a_ledger_and_its_windows_copy_the_copy_is_set_aside(tmp_path):
    # 报送台账 - 副本.xlsx is Windows' copy of 报送台账.xlsx (and 报送台账(1).xlsx a browser's second
    # download of it). " - 副本" and "(1)" sort before "." so the copy was read first and the base code
    # set the ledger itself aside as the repeat: its rows named as repeats, its cells reported against
    # the copy. Hand answer: 2 items (not 4 or 6), 1 adoption at 县级; the two copies named as repeats.
    folder = tmp_path / "台账"
    folder.mkdir()
    for name in ("报送台账 - 副本.xlsx", "报送台账.xlsx", "报送台账(1).xlsx"):
        write_xlsx(folder / name, {"2026": GOOD})
    report = json.loads(sqmy("validate", str(folder), "--year", "2026", "--format", "json").stdout)
    assert report["records"] == {"submissions": 2, "adoptions": 1, "instructions": 0}
    repeats = sorted(Path(i["file"]).name for i in report["issues"] if i["code"] == "sheet.repeats")
    assert repeats == ["报送台账 - 副本.xlsx", "报送台账(1).xlsx"], report["issues"]


def test_annotated_copies_of_a_web_archive_and_of_a_sheet_name_excel_forbids(tmp_path):
    # The MHT ledger with an unreadable date (2026-13-45 in B4) gets its annotated copy (the base code
    # took it for a file to convert and said English words); a ledger whose sheet is named
    # "一季度/二季度" (written by a system, not Excel) cannot be marked: said in Chinese, never openpyxl's
    # "Unable to read workbook"; both files' findings are in the report all the same.
    import re
    import zipfile

    folder = tmp_path / "台账"
    folder.mkdir()
    mht = _excel_mht(folder / "OA导出.xls")
    mht.write_bytes(mht.read_bytes().replace(b"2026-03-02", b"2026-13-45"))
    rows = [row[:] for row in GOOD]
    rows[2][1] = "2026-13-45"
    plain = write_xlsx(tmp_path / "slash.xlsx", {"SLASH": rows})
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(folder / "系统导出.xlsx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace(b'name="SLASH"', "name=\"一季度/二季度\"".encode()) if info.filename == "xl/workbook.xml" else data)
    result = sqmy("validate", str(folder), "--year", "2026", "--annotate", str(tmp_path / "标注"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.count("[date.unparseable]") == 2, result.stdout
    assert "OA导出.xls" in result.stdout and "一季度/二季度!B3" in result.stdout
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", result.stderr.replace("sqmy", "")), result.stderr
    assert "系统导出.xlsx" in result.stderr and "工作表名含 Excel 不允许的字符" in result.stderr
    assert [p.name for p in (tmp_path / "标注").rglob("OA导出*")], list((tmp_path / "标注").rglob("*"))


def test_a_formatted_empty_row_at_the_foot_of_the_sheet_does_not_refuse_the_ledger(tmp_path):
    # Whole columns formatted: Excel writes <row r="1048576"> with styled cells and no value, and the
    # dimension A1:F1048576. The base code took the last <row> for the extent and refused the sheet
    # (sheet.too_large, "约 1048576 行 × 26 列"): its 18 items were in no figure. calamine keeps no
    # valueless cell, so the sheet is 20 rows. Hand count: 18 items, adopted at 县级 when i % 3 == 0
    # for i in 0..17 (0, 3, 6, 9, 12, 15): 6 adoptions.
    import re
    import zipfile

    rows = [["2026年社情民意信息报送台账"], HEAD] + [
        [i + 1, f"2026-01-{i + 1:02d}", f"关于第{i + 1}件事的建议", "张三", "民盟县委", "县政协采用" if i % 3 == 0 else None]
        for i in range(18)]
    plain = write_xlsx(tmp_path / "plain.xlsx", {"2026": rows})
    folder = tmp_path / "台账"
    folder.mkdir()
    foot = b'<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/><c r="F1048576" s="1"/></row></sheetData>'
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(folder / "整列设了格式.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:F1048576"', data).replace(b"</sheetData>", foot)
            zout.writestr(info, data)
    result = sqmy("validate", str(folder), "--year", "2026", "--format", "json")
    report = json.loads(result.stdout)
    assert report["records"] == {"submissions": 18, "adoptions": 6, "instructions": 0}, report["issues"]
    assert result.returncode == 0, report["issues"]
