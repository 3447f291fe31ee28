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
    add("page.xls", "file.not_excel", lambda p: p.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>"))
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
    assert "Traceback" not in result.stderr


def test_sources_stay_byte_identical(bad_dir, tmp_path):
    folder, files = bad_dir
    before = {p: p.read_bytes() for p in folder.iterdir()}
    sqmy("validate", str(folder), "--annotate", str(tmp_path / "annotated"))
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
