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


def test_all_gives_the_five_from_one_read(ledger, tmp_path):
    """``sqmy compute all``: each computation as its own command gives it, in one JSON object, one workbook
    (a sheet each, named in Chinese), a CSV file each, or the tables one after another; said once."""
    names = {"summary": "概况", "people": "个人完成情况", "units": "单位积分排名", "rewards": "稿酬", "instructions": "批示件跟踪"}
    result = sqmy("compute", "all", ledger, "--year", 2025, "--format", "json")
    assert result.returncode == 1 and result.stderr.count("未计入") == 1, result.stderr
    together = json.loads(result.stdout)
    assert list(together) == list(names)
    for what in names:
        alone = json.loads(sqmy("compute", what, ledger, "--year", 2025, "--format", "json").stdout)
        assert together[what] == alone, what
    # By hand (the fixture): 张三 ¥100 (省级 ¥200 split with 李四) + ¥100 (his half of the 批示's ¥200).
    assert {r["name"]: r["amount"] for r in together["rewards"]}["张三"] == 200.0
    assert (together["summary"]["submitted"], together["summary"]["instructions"]) == (2, 1)
    out = tmp_path / "统计.xlsx"
    assert sqmy("compute", "all", ledger, "--year", 2025, "--format", "xlsx", "--out", out).returncode == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(names.values())
    alone = tmp_path / "稿酬.xlsx"
    sqmy("compute", "rewards", ledger, "--year", 2025, "--format", "xlsx", "--out", alone)
    assert [list(r) for r in book["稿酬"].values] == [list(r) for r in openpyxl.load_workbook(alone).active.values]
    assert sqmy("compute", "all", ledger, "--year", 2025, "--format", "csv").returncode == 2  # where to?
    sqmy("compute", "all", ledger, "--year", 2025, "--format", "csv", "--out", tmp_path / "csv")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir() if not p.name.startswith(".")) == sorted(f"{n}.csv" for n in names.values())
    shown = sqmy("compute", "all", ledger, "--year", 2025).stdout
    assert [line for line in shown.splitlines() if line.startswith("【")] == [f"【{n}】" for n in names.values()]


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


@pytest.fixture
def members_2025(tmp_path):
    """A 2025 ledger: 张三 (委员, 2 a year, not pro-rated) sends in January and March; 李四 (委员) nothing."""
    rows = [["2025年度社情民意信息台账"], HEADER,
            ["M1", "2025-01-10", "关于一月的建议", "张三", "民盟县委", None, None, None, None],
            ["M2", "2025-03-05", "关于三月的建议", "张三", "民盟县委", None, None, None, None]]
    write_xlsx(tmp_path / "台账.xlsx", {"S": rows})
    write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "民盟县委"], ["李四", "委员", "民盟县委"]]})
    return tmp_path / "台账.xlsx", tmp_path / "名册.xlsx"


def test_a_year_the_ledgers_do_not_hold_is_refused_not_listed_as_everyone_unsent(members_2025):
    ledger, roster = members_2025
    # The ledger holds 2025 only: 2024 and 2026 have no record at all; a table would list 张三 and 李四
    # as 任务2条，未报送. One line names the year asked and the year held; exit 2, nothing on stdout.
    for year in (2024, 2026):
        result = sqmy("compute", "people", ledger, "--roster", roster, "--year", year)
        assert result.returncode == 2, result.stderr
        assert (f"{year}年没有任何报送、采用或批示记录(所读台账的记录都在2025年)" in result.stderr
                and "[period.empty]" in result.stderr), result.stderr
        assert result.stdout == "" and "未报送" not in result.stdout
    quarter = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2024, "--quarter", 4)
    assert quarter.returncode == 2 and "2024年第四季度没有任何报送" in quarter.stderr
    # --allow-empty lists them anyway, the line a 提示.
    allowed = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2024, "--allow-empty", "--format", "json")
    assert allowed.returncode == 0 and "提示:2024年没有任何报送" in allowed.stderr
    assert {r["name"]: r["submitted"] for r in json.loads(allowed.stdout)} == {"张三": 0, "李四": 0}
    # 2025's fourth quarter: the ledger holds 2025, nothing was sent in Q4 — a true 未报送, computed as ever.
    # By the year's end 李四 owes his 2 (任务2条，未报送); 张三 has his 2 (January, March).
    q4 = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025, "--quarter", 4, "--format", "json")
    assert q4.returncode == 0 and "period.empty" not in q4.stderr, q4.stderr
    rows = {r["name"]: r for r in json.loads(q4.stdout)}
    assert rows["李四"]["shortfall"] == "任务2条，未报送" and not rows["张三"]["shortfall"]


def test_a_year_the_ledgers_do_not_hold_warns_in_python_and_the_figures_are_returned(members_2025):
    import warnings

    import sqmy_lib as sq
    from sqmy_lib.compute import EmptyPeriodWarning

    ledger = sq.read_ledgers(members_2025[0], roster=members_2025[1])
    with pytest.warns(EmptyPeriodWarning, match=r"2024年没有任何报送、采用或批示记录\(所读台账的记录都在2025年\)"):
        table = sq.people(ledger, 2024)
    assert dict(zip(table["name"], table["submitted"])) == {"张三": 0, "李四": 0}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        circular = sq.quarterly_circular(ledger, 2024, 4)
        sq.people(ledger, "2025Q4")  # a quarter of 2025 with nothing in it: no warning
    assert [str(w.message).split("(")[0] for w in caught if w.category is EmptyPeriodWarning] == [
        "2024年第四季度没有任何报送、采用或批示记录"]  # once, not once per table the circular computes
    assert circular.summary.submitted == 0


def test_a_yearly_quota_in_a_quarter_says_its_rate_is_the_year_to_date(members_2025):
    ledger, roster = members_2025
    # Q3: 张三 sent nothing in the quarter (报送 0); his 2 a year is judged on January–September: 2 of 2,
    # 100.0%. The header says so and 计入任务报送 (2) stands beside it, apart from the quarter's 报送.
    result = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025, "--quarter", 3, "--format", "csv")
    assert result.returncode == 0, result.stderr
    head, *lines = [line.split(",") for line in result.stdout.splitlines()]
    assert "完成率（年度任务按1—9月累计）" in head and "完成率" not in head
    row = dict(zip(head, next(r for r in lines if r[0] == "张三")))
    assert (row["报送"], row["任务"], row["计入任务报送"], row["完成率（年度任务按1—9月累计）"]) == ("0", "2", "2", "100.0%")
    rows = {r["name"]: r for r in json.loads(sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025,
                                                  "--quarter", 3, "--format", "json").stdout)}
    assert (rows["张三"]["submitted"], rows["张三"]["quota_done"], rows["张三"]["completion"]) == (0, 2, 1.0)
    # The whole year: the rate is the year's own, no note in its header.
    year = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025, "--format", "csv")
    assert "完成率" in year.stdout.splitlines()[0].split(",") and "计入任务报送" not in year.stdout


def test_help_names_every_kind_of_ledger_file_read_csv_among_them(tmp_path):
    from sqmy_lib.read.ledger import EXCEL_SUFFIXES

    for command in ("compute", "validate", "run"):
        text = sqmy(command, "--help").stdout
        assert all(suffix in text for suffix in EXCEL_SUFFIXES), (command, text)
    # And a .csv ledger is read: two items of 2025, one adopted at 县级 (by hand: 2 submitted, 1 adopted).
    path = tmp_path / "台账.csv"
    path.write_text("编号,收稿日期,信息标题,作者,单位,采用情况\n"
                    "C1,2025-03-02,关于甲的建议,张三,民盟县委,县政协编发\n"
                    "C2,2025-04-02,关于乙的建议,张三,民盟县委,\n", encoding="utf-8-sig")
    result = sqmy("compute", "summary", path, "--year", 2025, "--format", "json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["submitted"], figures["adopted"]) == (2, 1)


def test_a_failed_csv_run_keeps_the_earlier_set_whole(ledger, tmp_path):
    """compute all --format csv writes five tables as one set: when the last cannot be replaced (here a folder
    stands where 批示件跟踪.csv was; on Windows, a CSV open in WPS), the four already written get their earlier
    contents back. Before, they held the new run's figures beside the old one, nothing said of it."""
    out = tmp_path / "统计"
    first = sqmy("compute", "all", ledger, "--year", 2025, "--format", "csv", "--out", out)
    assert first.returncode == 1 and "[os." not in first.stderr  # 1: the ledger's bad date, said
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    assert len(before) == 5
    (out / "批示件跟踪.csv").unlink()
    (out / "批示件跟踪.csv").mkdir()
    (out / "概况.csv").write_bytes(b"earlier")
    failed = sqmy("compute", "all", ledger, "--year", 2025, "--format", "csv", "--out", out)
    assert failed.returncode == 1 and "[os." in failed.stderr, failed.stderr
    assert (out / "概况.csv").read_bytes() == b"earlier"
    assert {p.name: p.read_bytes() for p in out.glob("*.csv") if p.is_file() and p.name != "概况.csv"} == {
        k: v for k, v in before.items() if k not in ("概况.csv", "批示件跟踪.csv")}
    assert not [p for p in out.iterdir() if p.name.startswith(".~sqmy-")]
