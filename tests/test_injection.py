"""Ledger text is data in every output (issue 18): a cell holding a formula, a sum, a mention or a URL
never becomes a live formula or a link in any file or table sqmy writes.

One hostile ledger (and a roster and an office tree made of it) goes through every command that
writes outputs; every file written is then scanned: xlsx sheets for formulas and hyperlinks, CSV
fields and terminal tables for what a spreadsheet would run, Word for fields and hyperlinks, HTML
for links and unescaped markup.
"""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile

import pytest

from conftest import write_xlsx

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "http://example.com"]
LEADS = ("=", "+", "-", "@", "\t", "\r")
HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "批示日期", "落实情况"]


def sqmy(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True,
                          timeout=600, cwd=cwd)


def _rows(units: list[str]) -> list[list]:
    rows = [["2025年度社情民意信息台账"], HEADER]
    for k, text in enumerate(HOSTILE):
        unit = units[k % len(units)]
        rows.append([f"A{k + 1}", f"2025-{k + 7:02d}-0{k + 1}", text, f"张三、{text}", unit, "省政协第3期",
                     "市长刘某", f"2025-{k + 7:02d}-2{k}", text])
        rows.append([f"B{k + 1}", f"2025-{k + 7:02d}-1{k}", f"关于{text}的建议", "李四", unit, "县政协编发", None, None, None])
    return rows


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    ledgers = root / "台账"
    ledgers.mkdir()
    bad_date = [["C1", "2025.13.45", "=HYPERLINK(\"http://x\",\"坏日期\")", "王五", HOSTILE[3], None, None, None, None]]
    write_xlsx(ledgers / "台账.xlsx", {"S": _rows(HOSTILE) + bad_date})  # one error: validate --annotate writes a copy
    roster = write_xlsx(root / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", HOSTILE[0]], ["李四", "信息员", HOSTILE[4]]],
        "单位": [["单位", "类型"], *[[u, "界别组"] for u in HOSTILE]],
    })
    tree = root / "市"
    for office in ("东山县政协", "西湖县政协"):
        (tree / office).mkdir(parents=True)
        write_xlsx(tree / office / "台账.xlsx", {"S": _rows(HOSTILE)})
    return {"root": root, "ledgers": ledgers, "roster": roster, "tree": tree}


@pytest.fixture(scope="module")
def outputs(hostile):
    """Every command that writes outputs, run once; (files written, terminal tables printed)."""
    root, ledgers, roster = hostile["root"], hostile["ledgers"], hostile["roster"]
    out = root / "out"
    runs = [
        ("compute", "people", ledgers, "--roster", roster, "--year", 2025, "--format", "csv", "--out", out / "人员.csv"),
        ("compute", "units", ledgers, "--roster", roster, "--year", 2025, "--format", "csv", "--out", out / "单位.csv"),
        ("compute", "instructions", ledgers, "--year", 2025, "--format", "xlsx", "--out", out / "批示.xlsx"),
        ("compute", "people", ledgers, "--roster", roster, "--year", 2025, "--format", "xlsx", "--out", out / "人员.xlsx"),
        ("compute", "rewards", ledgers, "--year", 2025, "--format", "xlsx", "--out", out / "稿酬.xlsx"),
        ("circular", ledgers, "--roster", roster, "--year", 2025, "--quarter", 3, "--out", out / "通报"),
        ("commend", ledgers, "--roster", roster, "--year", 2025, "--out", out / "表彰"),
        ("rollup", hostile["tree"], "--year", 2025, "--out", out / "汇总"),
        ("feedback", ledgers, "--roster", roster, "--year", 2025, "--quarter", 3, "--out", out / "反馈函"),
        ("export", "duties", ledgers, "--roster", roster, "--year", 2025, "--out", out / "履职档案.xlsx"),
        ("export", "duties", ledgers, "--roster", roster, "--year", 2025, "--out", out / "履职档案.csv"),
        ("export", "appraisal", ledgers, "--roster", roster, "--year", 2025, "--out", out / "考核.xlsx"),
        ("export", "appraisal", ledgers, "--roster", roster, "--year", 2025, "--out", out / "考核.csv"),
        ("certificate", ledgers, "--roster", roster, "--item", "A1", "--item", "A2", "--year", 2025, "--out", out / "证明"),
        ("validate", ledgers, "--annotate", out / "标注"),
        ("template", "--out", out / "模板", "--roster", roster),
    ]
    printed = []
    for args in runs:
        result = sqmy(*args)
        assert result.returncode in (0, 1, 3), (args, result.stderr)
        assert "Traceback" not in result.stderr
    for what in ("people", "units", "instructions", "rewards"):
        result = sqmy("compute", what, ledgers, "--roster", roster, "--year", 2025)
        printed.append(result.stdout)
        result = sqmy("compute", what, ledgers, "--roster", roster, "--year", 2025, "--format", "csv")
        (out / f"屏幕-{what}.csv").write_text(result.stdout, encoding="utf-8")
    files = [p for p in out.rglob("*") if p.is_file()]
    return files, printed


def _kinds(files, *suffixes):
    return [p for p in files if p.suffix.lower() in suffixes]


def test_every_command_wrote_its_outputs(outputs):
    files, _ = outputs
    kinds = {p.suffix for p in files}
    assert {".csv", ".xlsx", ".docx", ".html"} <= kinds
    assert len(_kinds(files, ".xlsx")) >= 9  # compute ×3, circular, commendation, roll-up, annotated, templates ×2


def test_no_formula_or_link_in_any_workbook(outputs):
    files, _ = outputs
    for path in _kinds(files, ".xlsx"):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                data = z.read(name).decode("utf-8", "replace")
                if re.match(r"xl/worksheets/sheet\d+\.xml", name):
                    assert not re.search(r"<f[ >]", data), (path.name, name)  # no cell formula
                    for link in re.findall(r"<hyperlink [^>]*>", data):  # only links to a cell of the same book
                        assert "r:id=" not in link and "location=" in link, (path.name, link)
                if name.endswith(".rels"):
                    assert 'TargetMode="External"' not in data, (path.name, name)
                    assert "example.com" not in data and "http://x" not in data, (path.name, name)


def test_ledger_text_is_kept_as_text_in_workbooks(outputs):
    import openpyxl

    files, _ = outputs
    seen = set()
    for path in _kinds(files, ".xlsx"):
        for ws in openpyxl.load_workbook(path):
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value in HOSTILE:
                        assert cell.data_type == "s", (path.name, ws.title, cell.coordinate)
                        seen.add(cell.value)
    assert seen == set(HOSTILE)


def test_csv_fields_never_start_a_formula(outputs):
    files, _ = outputs
    csvs = _kinds(files, ".csv")
    assert len(csvs) >= 6
    found = 0
    for path in csvs:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for field in row:
                assert not field.startswith(LEADS), (path.name, field)
                found += field.lstrip("'") in HOSTILE
    assert found  # the hostile text is there, neutralised


def test_terminal_tables_never_start_a_formula(outputs):
    _, printed = outputs
    cells = [c for text in printed for line in text.splitlines() for c in re.split(r" {2,}", line.strip()) if c]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert [c for c in cells if c.startswith(LEADS)] == []


def test_documents_have_no_fields_or_links(outputs):
    files, _ = outputs
    docs = _kinds(files, ".docx")
    letters = [p for p in docs if "反馈函" in p.parts]
    certificates = [p for p in docs if "证明" in p.parts]
    assert len(docs) - len(letters) - len(certificates) == 3  # circular, commendation, roll-up
    assert len(letters) >= 5 and len(certificates) == 2
    for path in docs:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode()
            rels = z.read("word/_rels/document.xml.rels").decode()
        assert "<w:hyperlink" not in xml and "<w:fldSimple" not in xml
        assert re.findall(r"<w:instrText[^>]*>([^<]*)<", xml) == []  # page numbers live in the footers
        assert 'TargetMode="External"' not in rels


def test_html_reports_have_no_links_or_markup_from_ledgers(outputs):
    files, _ = outputs
    pages = _kinds(files, ".html")
    assert len(pages) == 4  # circular, commendation, roll-up, feedback letters
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert "<a " not in page and "href" not in page and "<script" not in page
        assert "http://example.com" not in re.sub(r">[^<]*<", "><", page)  # only in text, never in a tag
