"""The quarterly circular end to end: the real notebook run by papermill on the real kernel for the
demo office, every output opened and checked against ``sqmy compute summary``; and a failing run
that leaves the earlier outputs untouched."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from sqmy_lib.run import read_figures

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
STEM = "2025年第三季度社情民意信息通报"


def sqmy(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def circular_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("circular")
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", out)
    # 3: produced, with the demo's planted error rows left out (as sqmy run), said on stderr
    assert result.returncode == 3 and "以下内容因有错误未计入统计" in result.stderr, result.stderr
    return out


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.code_blocks = [], 0

    def handle_starttag(self, tag, attrs):
        # Code shows up as an editor area with highlighted source; Markdown cells render as text.
        classes = dict(attrs).get("class") or ""
        if any(k in classes for k in ("jp-Editor", "CodeMirror", "highlight", "input_area")):
            self.code_blocks += 1

    def handle_data(self, data):
        self.text.append(data)


def test_outputs_exist(circular_dir):
    names = {p.name for p in circular_dir.rglob("*") if p.is_file()}
    assert {f"{STEM}.ipynb", f"{STEM}.html", f"{STEM}.xlsx", f"{STEM}.docx"} <= names
    assert any(n.endswith(".png") for n in names)
    assert not any(n.startswith(".staging") for n in names)


def test_the_notebook_keeps_no_warning_line(circular_dir):
    # The demo has error rows, said in the 校验报告: the notebook the office keeps shows no raw Python
    # warning about them (a LeftOutWarning with a temp path was once kept in a cell's output).
    nb = json.loads((circular_dir / f"{STEM}.ipynb").read_text(encoding="utf-8"))
    streams = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("name") == "stderr" or o.get("output_type") == "error"]
    assert not streams, streams


def test_recorded_figures_equal_compute_summary(circular_dir):
    figures = read_figures(circular_dir / f"{STEM}.ipynb")
    result = sqmy("compute", "summary", DEMO, "--year", 2025, "--quarter", 3, "--format", "json")
    computed = json.loads(result.stdout)
    for key in ("submitted", "published", "issues", "adopted", "adopted_by_tier", "instructions", "instructions_by_level", "adoption_rate"):
        assert figures[key] == computed[key], key
    assert figures["period"] == "2025年第三季度"


def test_html_has_results_but_no_code(circular_dir):
    parser = _Text()
    parser.feed((circular_dir / f"{STEM}.html").read_text(encoding="utf-8"))
    text = "".join(parser.text)
    assert parser.code_blocks == 0
    assert "sq.read_ledgers" not in text and "import sqmy_lib" not in text
    assert "共收到社情民意信息" in text


def test_docx_and_xlsx_carry_the_figures(circular_dir):
    figures = read_figures(circular_dir / f"{STEM}.ipynb")
    document = docx.Document(circular_dir / f"{STEM}.docx")
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"共收到社情民意信息{figures['submitted']}条" in body
    chinese_runs = [r for p in document.paragraphs for r in p.runs if any("\u4e00" <= ch <= "\u9fff" for ch in r.text)]
    assert chinese_runs
    for run in chinese_runs:
        fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
        assert fonts is not None and fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"), run.text
    wb = openpyxl.load_workbook(circular_dir / f"{STEM}.xlsx")
    assert wb.sheetnames[:2] == ["概况", "各单位情况"]
    cells = [c.value for row in wb["概况"].iter_rows() for c in row if c.value is not None]
    assert figures["submitted"] in cells


def test_failed_run_keeps_earlier_outputs(circular_dir, tmp_path):
    before = _digest(circular_dir)
    # A missing input is found before any kernel starts: exit 2, one line, nothing touched.
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", circular_dir, "--rules", tmp_path / "没有这个规则.yaml")
    assert result.returncode == 2 and "文件不存在" in result.stderr and "[inputs.missing]" in result.stderr
    assert _digest(circular_dir) == before
    # A bad as-of day is found before any kernel starts too.
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", circular_dir, "--today", "昨天")
    assert result.returncode == 2 and "统计截止日“昨天”无法识别" in result.stderr and _digest(circular_dir) == before
    # A cell that fails: the earlier outputs stay, the failed notebook is kept beside them.
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", circular_dir, "--date", "昨天")
    assert result.returncode == 1
    lines = [l for l in result.stderr.splitlines() if "失败" in l]
    assert lines and "单元格出错" in lines[0] and "Traceback" not in result.stderr
    failed = circular_dir / f"{STEM}.失败.ipynb"
    assert failed.exists()
    after = _digest(circular_dir)
    del after[failed.name]
    assert after == before
    # A good run afterwards replaces the outputs and clears the failed notebook.
    assert sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", circular_dir).returncode == 3
    assert not failed.exists()


def test_relative_output_folder_as_in_the_readme(tmp_path):
    """`--out out/demo` from the working folder: every output lands in out/demo, none in the staging folder."""
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "circular", str(DEMO), "--year", "2025", "--quarter", "3",
                             "--out", "out/通报"], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    out = tmp_path / "out" / "通报"
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name != ".sqmy-report.json")
    assert written == sorted([f"{STEM}.docx", f"{STEM}.xlsx", f"{STEM}.html", f"{STEM}.ipynb",
                              f"图表/{STEM}/单位报送采用.png", f"图表/{STEM}/采用层级分布.png", f"图表/{STEM}/月度报送采用趋势.png",
                              "校验报告.txt", "校验报告.json"])  # it read the ledgers itself: its 校验报告 too


def test_a_quarter_not_yet_over_is_refused(tmp_path):
    # On 4 December the fourth quarter is not over: its circular judged quotas "截至12月底" and the year's
    # progress a month early, and went out looking finished. Refused (exit 1), nothing written.
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 4, "--today", "2025-12-04", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "2025年第四季度尚未结束(统计截止日 2025年12月4日,期末为2025年12月31日)" in result.stderr
    assert "[period.unfinished]" in result.stderr and not (tmp_path / "out").exists()


def test_html_attachment_names_align_under_the_first(circular_dir):
    """附件说明 (GB/T 9704 7.3.4) on the web page as in the Word file: 左空二字, and the names after the
    first start under the first name, not at the margin; a hanging indent of "附件："'s three characters."""
    page = (circular_dir / f"{STEM}.html").read_text(encoding="utf-8")
    note = re.search(r'<p class="attachments">附件：(.*?)</p>', page, re.S)
    assert note and note[1].split("<br>")[0].startswith("1. ") and note[1].split("<br>")[1].startswith("2. ")
    rule = re.search(r"p\.attachments \{([^}]*)\}", page)
    assert rule and "text-indent: -3em" in rule[1] and "padding-left: 5em" in rule[1]


def test_a_ledger_that_cannot_be_read_is_said_by_the_circular_and_compute(tmp_path):
    """A good ledger and a broken one (a truncated .xlsx): the circular is produced from the good one and the
    command names the broken file on stderr and exits 3, as sqmy run does; compute names it before its
    figures. Both were silent (exit 0), the circular's figures short without a word."""
    import shutil

    folder = tmp_path / "台账"
    folder.mkdir()
    good = DEMO / "2025年社情民意信息报送采用登记表.xlsx"
    shutil.copy(good, folder / good.name)
    (folder / "民革县委2025年台账.xlsx").write_bytes(good.read_bytes()[:3000])
    result = sqmy("circular", folder, "--year", 2025, "--quarter", 3, "--out", tmp_path / "通报")
    assert result.returncode == 3, result.stderr
    assert f"整个文件未读取:{folder / '民革县委2025年台账.xlsx'}" in result.stderr
    assert (tmp_path / "通报" / f"{STEM}.docx").exists()
    summary = sqmy("compute", "summary", folder, "--year", 2025, "--format", "json")
    assert f"整个文件未读取:{folder / '民革县委2025年台账.xlsx'}" in summary.stderr
