"""``sqmy compute`` end to end: stable JSON shapes, money as exact two-decimal numbers,
exit codes, and ledger text that starts with '=' staying text in the Excel output."""
from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest

from conftest import write_xlsx

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "批示日期", "落实情况"]


def sqmy(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture
def ledger(tmp_path):
    rows = [["2025年度社情民意信息台账"], HEADER,
            ["A1", "2025-03-02", "=HYPERLINK(\"http://x\",\"点我\")", "张三、李四", "民盟县委", "省政协第3期", "市长刘某", "2025-04-01", "已落实"],
            ["A2", "2025-07-06", "关于单位名义的建议", "民盟县委", "民盟县委", "县政协编发第5期", None, None, None],
            ["A3", "2025.13.45", "关于坏日期的建议", "张三", "民盟县委", None, None, None, None]]
    return write_xlsx(tmp_path / "台账.xlsx", {"S": rows})


def test_json_shapes_are_stable(ledger):
    shapes = {
        "people": {"name", "role", "unit", "submitted", "adopted", "instructed", "quota", "completion", "missed_months"},
        "rewards": {"name", "unit", "items", "amount"},
        "units": {"unit", "peer_group", "submitted", "adopted", "instructed", "points", "rank"},
    }
    for what, keys in shapes.items():
        result = sqmy("compute", what, ledger, "--year", 2025, "--format", "json")
        assert result.returncode == 1, result.stderr  # the ledger has an error row: still computed, exit 1
        assert "未计入" in result.stderr and "date.unparseable" in result.stderr
        rows = json.loads(result.stdout)
        assert rows and all(keys <= set(r) for r in rows), (what, rows)  # the old keys stay
    summary = json.loads(sqmy("compute", "summary", ledger, "--year", 2025, "--format", "json").stdout)
    assert {"submitted", "published", "issues", "adopted_by_tier", "instructions", "participation", "adoption_rate"} <= set(summary)
    assert set(summary["adopted_by_tier"]) == {"县级", "市级", "省级", "全国"}
    assert (summary["submitted"], summary["published"], summary["instructions"]) == (2, 1, 1)


def test_every_format_has_the_same_fields(ledger, tmp_path):
    """table, JSON, CSV and xlsx show one spec's columns: JSON keys are its names, the others its labels."""
    from sqmy_lib.cli.compute import table_spec
    from sqmy_lib.rules import load_rules

    rules = load_rules(year=2025)
    for what in ("people", "units", "rewards", "instructions"):
        rows = json.loads(sqmy("compute", what, ledger, "--year", 2025, "--format", "json").stdout)
        spec = table_spec(what, rules)
        keys = [k for k in spec.keys if k in rows[0]]
        assert list(rows[0]) == keys, what
        labels = [spec.column(k).label for k in keys]
        csv_head = sqmy("compute", what, ledger, "--year", 2025, "--format", "csv").stdout.splitlines()[0]
        assert csv_head.split(",") == labels, what
        table_head = sqmy("compute", what, ledger, "--year", 2025).stdout.splitlines()[0]
        assert table_head.split() == labels, what
        out = tmp_path / f"{what}.xlsx"
        sqmy("compute", what, ledger, "--year", 2025, "--format", "xlsx", "--out", out)
        assert [c.value for c in openpyxl.load_workbook(out).active[1]] == labels, what


def test_xlsx_numbers_are_numbers(ledger, tmp_path):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
    out = tmp_path / "people.xlsx"
    sqmy("compute", "people", demo, "--year", 2025, "--format", "xlsx", "--out", out)
    ws = openpyxl.load_workbook(out).active
    head = [c.value for c in ws[1]]
    rows = [{h: c for h, c in zip(head, cells)} for cells in ws.iter_rows(min_row=2)]
    # A row whose completion is not whole (a whole 100% is read back as the integer 1).
    row = next(r for r in rows if isinstance(r["完成率"].value, float) and r["完成率"].value % 1)
    assert row["完成率"].number_format == "0.0%"
    # The stored ratio is the one the documents print: 0.9167 shows as 91.7%, stored as 0.917.
    assert round(row["完成率"].value, 3) == row["完成率"].value
    assert isinstance(row["报送"].value, int)
    out = tmp_path / "instructions.xlsx"
    sqmy("compute", "instructions", ledger, "--year", 2025, "--format", "xlsx", "--out", out)
    ws = openpyxl.load_workbook(out).active
    head = [c.value for c in ws[1]]
    date = ws.cell(2, head.index("批示日期") + 1)
    assert date.is_date and date.number_format == "yyyy-mm-dd"


def test_terminal_table_aligned_by_display_width(ledger):
    from sqmy_lib.zh import display_width

    lines = sqmy("compute", "people", ledger, "--year", 2025).stdout.splitlines()
    head = lines[0]
    # Every column starts at the same display column in every line.
    starts = [display_width(head[:m.start()]) for m in __import__("re").finditer(r"(?<=  )\S", head)]
    for line in lines[1:]:
        for col in [c for c in starts if c < display_width(line)]:  # trailing empty cells are trimmed
            prefix, width = "", 0
            for ch in line:
                if width >= col:
                    break
                prefix += ch
                width += display_width(ch)
            assert width == col, (line, col)


def test_reward_amounts_are_exact_two_decimal_numbers(ledger):
    result = sqmy("compute", "rewards", ledger, "--year", 2025, "--format", "json")
    assert '"amount": 200.00' in result.stdout  # 省级 200 × 2 for the instruction, split in two
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["张三"]["amount"] == 200.0 and rows["民盟县委"]["amount"] == 30.0


def test_excel_and_csv_outputs_keep_text_as_text(ledger, tmp_path):
    out = tmp_path / "批示.xlsx"
    assert sqmy("compute", "instructions", ledger, "--year", 2025, "--format", "xlsx", "--out", out).returncode == 1
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    title = ws.cell(2, headers.index("信息标题") + 1)
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    csv_path = tmp_path / "人员.csv"
    sqmy("compute", "people", ledger, "--year", 2025, "--quarter", 1, "--format", "csv", "--out", csv_path)
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "姓名" in data.decode("utf-8-sig")


def test_clean_ledger_exits_0_and_table_is_chinese(tmp_path):
    rows = [["2025年度台账"], HEADER, ["A1", "2025-03-02", "关于好的建议", "张三", "民盟县委", "县政协编发", None, None, None]]
    path = write_xlsx(tmp_path / "t.xlsx", {"S": rows})
    result = sqmy("compute", "units", path, "--year", 2025)
    assert result.returncode == 0, result.stderr
    assert "积分" in result.stdout and "民盟县委" in result.stdout


def test_a_folder_of_several_years_read_with_no_year_says_which_it_counts(tmp_path):
    # An archive folder (2024 and 2025 ledgers, as many sheets each) read with no --year: the later
    # year is counted, and that is said (validate: ledger.several_years; compute: a 提示 first).
    header = ["序号", "报送日期", "信息标题", "作者", "市政协"]
    write_xlsx(tmp_path / "2024年台账.xlsx", {"全年": [["2024年社情民意信息台账"], header,
                                                   [1, "2024-03-01", "关于旧一的建议", "甲", "√"],
                                                   [2, "2024-12-30", "关于旧二的建议", "乙", "√"]]})
    write_xlsx(tmp_path / "2025年台账.xlsx", {"全年": [["2025年社情民意信息台账"], header,
                                                   [1, "2025-03-01", "关于新一的建议", "甲", "√"],
                                                   [2, "2025-04-02", "关于新二的建议", "丙", ""]]})
    checked = sqmy("validate", tmp_path)
    assert "[ledger.several_years]" in checked.stdout and "按 2025 年统计" in checked.stdout
    summary = sqmy("compute", "summary", tmp_path, "--format", "json")
    assert "台账中有 2024、2025 年度的工作表" in summary.stderr
    figures = json.loads(summary.stdout)
    assert (figures["submitted"], figures["adopted_by_tier"]["市级"]) == (2, 1)  # 2025: 两条, 一条市政协采用
    given = sqmy("compute", "summary", tmp_path, "--year", 2024, "--format", "json")
    assert "several_years" not in given.stderr and "年度的工作表" not in given.stderr
    assert (json.loads(given.stdout)["submitted"], json.loads(given.stdout)["adopted_by_tier"]["市级"]) == (2, 2)


def test_the_office_rules_file_sets_the_figures(tmp_path):
    # An office's 规则.yaml pays its own amounts and counts co-authors its own way; `sqmy compute
    # --rules` read with the file but counted and paid with the shipped rules (¥30 split, both counted).
    import yaml

    from sqmy_lib.rules.model import default_rules_path

    import sqmy_lib as sq

    data = yaml.safe_load(default_rules_path(2025)[0].read_text(encoding="utf-8"))
    data["rewards"]["by_tier"]["县级"] = "50.00"
    data["rewards"]["by_tier"]["市级"] = "120.50"
    data["quotas"]["coauthored_counts_each"] = False
    rules = tmp_path / "规则.yaml"
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
        [1, "2025-03-02", "关于甲的建议", "张三、李四", "县教育局", "√", None],
        [2, "2025-03-09", "关于乙的建议", "王五", "县卫健局", None, "√"]]})
    # By hand: 50.00 split two ways is 25.00 each; 王五 120.50; only the first author counted as 报送.
    want = {"张三": "25.00", "李四": "25.00", "王五": "120.50"}
    result = sqmy("compute", "rewards", path, "--year", 2025, "--rules", rules, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert {r["name"]: f'{r["amount"]:.2f}' for r in json.loads(result.stdout)} == want
    result = sqmy("compute", "people", path, "--year", 2025, "--rules", rules, "--format", "json")
    assert {r["name"]: r["submitted"] for r in json.loads(result.stdout)} == {"张三": 1, "王五": 1}
    # In Python: the ledger read with the office's rules is paid by them when no rules are given again.
    ledger = sq.read_ledgers([path], year=2025, rules=rules)
    assert {n: f"{a:.2f}" for n, a in zip(*sq.rewards(ledger, 2025)[["name", "amount"]].T.values)} == want
