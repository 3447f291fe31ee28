"""An office's real folder of several years: year sub-folders, quarterly workbooks, a 说明 sheet, last
December's rows left at the top of this year's first quarter, a 2024 item adopted in 2025 by its 2024 编号,
and backups beside the ledgers (… - 副本.xlsx, 报送台账(1).xlsx) saved before the originals were corrected.

Each test writes the folder as the office keeps it, runs the command a user runs, and checks the figures
against the answer worked out by hand (in the comments)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

from conftest import assert_every_cell_accounted, sqmy

D = dt.date
SUB_HEAD = ["序号", "编号", "报送日期", "信息标题", "作者", "报送单位"]
ADO_HEAD = ["序号", "信息编号", "信息标题", "采用单位", "期号", "采用日期", "批示领导", "批示内容", "落实情况"]

ITEMS_2024 = [
    ("JZ2024-017", D(2024, 11, 4), "关于破解民营企业用工难的建议", "王强", "市工商联"),
    ("JZ2024-018", D(2024, 11, 21), "关于加强冬季供暖保障的建议", "李娜", "民盟市委"),
    ("JZ2024-019", D(2024, 12, 10), "关于整治背街小巷环境的建议", "陈静", "民革市委"),
    ("JZ2024-020", D(2024, 12, 22), "关于完善城市无障碍设施的建议", "赵磊", "民盟市委"),
]
Q1_2025 = [
    ("JZ2025-001", D(2025, 1, 6), "关于加强老旧小区加装电梯管理的建议", "张伟", "民革市委"),
    ("JZ2025-002", D(2025, 1, 15), "关于规范校外培训机构收费的建议", "李娜", "民盟市委"),
    ("JZ2025-003", D(2025, 3, 18), "关于优化营商环境审批流程的建议", "王强、张伟", "市工商联"),
]
Q2_2025 = [
    ("JZ2025-004", D(2025, 4, 22), "关于加强农产品质量追溯的建议", "刘洋", "经济界别组"),
    ("JZ2025-005", D(2025, 5, 9), "关于缓解中心城区停车难的建议", "张伟", "民革市委"),
    ("JZ2025-006", D(2025, 5, 27), "关于提升社区医疗服务能力的建议", "李娜", "民盟市委"),
]
TITLES = {no: t for no, _, t, _, _ in ITEMS_2024 + Q1_2025 + Q2_2025}


def _book(path: Path, sheets: dict[str, tuple[str, list, list]], notes: list[str] | None = None) -> Path:
    """A workbook as the office saves it: a merged title row over each sheet's header, real dates."""
    import openpyxl

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if notes:
        ws = wb.create_sheet("说明")
        for line in notes:
            ws.append([line])
    for name, (title, head, rows) in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
        ws.append(head)
        for row in rows:
            ws.append(list(row))
        for cells in ws.iter_rows(min_row=3):
            for c in cells:
                if isinstance(c.value, dt.date):
                    c.number_format = "yyyy-mm-dd"
    wb.save(path)
    return path


def _items(items, numbered=True) -> list:
    return [(i if numbered else None, no, d, t, a, u) for i, (no, d, t, a, u) in enumerate(items, 1)]


def _adoptions(rows) -> list:
    return [(i, no, TITLES[no], body, issue, d, leader, text, status)
            for i, (no, body, issue, d, leader, text, status) in enumerate(rows, 1)]


def _archive(root: Path) -> Path:
    """台账/ of three folders: 2024年 (one year workbook with a 说明 sheet), 2025年 (quarterly workbooks, the first
    still carrying last December's two rows at its top, and the year's 采用台账), 备份/ (a copy of 2024's workbook)."""
    ledgers = root / "台账"
    y2024 = _book(ledgers / "2024年" / "2024年社情民意信息报送采用台账.xlsx", {
        "报送台账": ("江州市政协2024年社情民意信息报送台账", SUB_HEAD, _items(ITEMS_2024)),
        "采用台账": ("江州市政协2024年社情民意信息采用台账", ADO_HEAD, _adoptions([
            ("JZ2024-018", "市政协《社情民意》", "第31期", D(2024, 12, 20), None, None, None)])),
    }, notes=["填表说明", "1. 报送台账按收稿先后登记,编号格式为JZ年份-序号。", "2. 采用台账登记被采用的信息及领导批示。"])
    (ledgers / "备份").mkdir(parents=True)
    shutil.copy(y2024, ledgers / "备份" / "2024年社情民意信息报送采用台账 - 副本.xlsx")
    _book(ledgers / "2025年" / "2025年第一季度社情民意信息报送台账.xlsx", {
        "一季度": ("2025年第一季度社情民意信息报送台账", SUB_HEAD, _items(ITEMS_2024[2:], numbered=False) + _items(Q1_2025))})
    _book(ledgers / "2025年" / "2025年第二季度社情民意信息报送台账.xlsx", {
        "二季度": ("2025年第二季度社情民意信息报送台账", SUB_HEAD, _items(Q2_2025))})
    _book(ledgers / "2025年" / "2025年社情民意信息采用台账.xlsx", {
        "采用台账": ("江州市政协2025年社情民意信息采用台账", ADO_HEAD, _adoptions([
            ("JZ2024-018", "省政协", "第2期", D(2025, 1, 14), None, None, None),
            ("JZ2025-001", "市政协《社情民意》", "第3期", D(2025, 1, 20), "市长李明", "请市住建局研究", "已办结"),
            ("JZ2025-003", "省政协", "第5期", D(2025, 4, 10), None, None, None),
            ("JZ2025-005", "全国政协", None, D(2025, 6, 20), None, None, None),
        ]))})
    return ledgers


def _compute(ledgers: Path, year: int) -> dict:
    ran = sqmy("compute", "all", ledgers, "--year", year, "--format", "json")
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


def _fen(rewards: list) -> dict:
    return {r["name"]: int(Decimal(str(r["amount"])) * 100) for r in rewards}


def test_a_backup_of_a_quarter_saved_before_its_corrections_counts_no_item_twice(tmp_path):
    # The clerk saved 备份/报送台账(1).xlsx of the second quarter, then corrected two rows of the original:
    # JZ2025-005's day (the copy says 2025-05-19, the original 2025-05-09) and a typo in JZ2025-006's title
    # (能立 for 能力). Same 编号, same author, one cell otherwise: the same item, counted once, the copy's cell said.
    ledgers = _archive(tmp_path)
    rows = _items(Q2_2025)
    rows[1] = rows[1][:2] + (D(2025, 5, 19),) + rows[1][3:]
    rows[2] = rows[2][:3] + ("关于提升社区医疗服务能立的建议",) + rows[2][4:]
    copy = _book(ledgers / "备份" / "报送台账(1).xlsx", {"二季度": ("2025年第二季度社情民意信息报送台账", SUB_HEAD, rows)})

    d = _compute(ledgers, 2025)
    s = d["summary"]
    # By hand, 2025: items 001-003 (Q1) and 004-006 (Q2) = 6; last December's two rows on the Q1 sheet are 2024's.
    assert s["submitted"] == 6  # the base read 8: the copy's two corrected rows counted as two more items
    units = {u["unit"]: u["submitted"] for u in d["units"]}
    assert units == {"民革市委": 2, "民盟市委": 2, "市工商联": 1, "经济界别组": 1}
    # Adoptions dated in 2025: 市级 001; 省级 JZ2024-018 (2024's item, by its 2024 编号) and 003; 全国 005.
    assert s["adopted_by_tier"] == {"县级": 0, "市级": 1, "省级": 2, "全国": 1}
    assert s["instructions"] == 1
    # Rewards: 001 张伟 市级 100 ×2 (市长's 批示) = 200.00; 003 王强、张伟 省级 200.00 shared 100.00 each;
    # 005 张伟 全国 300.00; JZ2024-018 李娜 省级 200.00 less 市级 100.00 paid in 2024 = 100.00.
    # 张伟 200 + 100 + 300 = 600.00 → 60000 fen; 王强 10000; 李娜 10000.
    assert _fen(d["rewards"]) == {"张伟": 60000, "王强": 10000, "李娜": 10000}

    ran = sqmy("validate", ledgers, "--year", "2025", "--format", "json")
    issues = [i for i in json.loads(ran.stdout)["issues"] if i["code"] == "repeat.written_otherwise"]
    assert [(Path(i["file"]).name, i["cell"].rsplit("!", 1)[-1]) for i in issues] == [(copy.name, "C4"), (copy.name, "D5")]
    assert "2025-05-09" in issues[0]["message"] and "能力" in issues[1]["message"]
    assert_every_cell_accounted(ledgers, year=2025)

    # 2024 by hand: JZ2024-017…020 = 4 items (the 副本 and the Q1 sheet's December rows not again); 市级 1 (018),
    # 李娜 100.00 → 10000 fen.
    d = _compute(ledgers, 2024)
    assert d["summary"]["submitted"] == 4
    assert d["summary"]["adopted_by_tier"] == {"县级": 0, "市级": 1, "省级": 0, "全国": 0}
    assert _fen(d["rewards"]) == {"李娜": 10000}


def test_rows_only_a_copy_has_are_said_however_few_of_its_rows_it_repeats(tmp_path):
    # 备份/报送台账(1).xlsx repeats the three items of the second quarter and has two rows of its own: JZ2025-007,
    # entered in the copy by mistake, and JZ2025-004 written over with another item (title and day both other).
    # 3 of its 5 rows repeat (60%): a copy by its name all the same, its two rows counted and said at their titles.
    ledgers = _archive(tmp_path)
    rows = _items(Q2_2025) + [
        (4, "JZ2025-007", D(2025, 6, 3), "关于推进垃圾分类常态化的建议", "赵磊", "民盟市委"),
        (5, "JZ2025-004", D(2025, 6, 16), "关于加快充电桩布局的建议", "刘洋", "经济界别组"),
    ]
    copy = _book(ledgers / "备份" / "报送台账(1).xlsx", {"二季度": ("2025年第二季度社情民意信息报送台账", SUB_HEAD, rows)})

    ran = sqmy("validate", ledgers, "--year", "2025", "--format", "json")
    issues = json.loads(ran.stdout)["issues"]
    unique = [(Path(i["file"]).name, i["cell"].rsplit("!", 1)[-1]) for i in issues if i["code"] == "repeat.unique"]
    assert unique == [(copy.name, "D6"), (copy.name, "D7")]  # the base said neither
    assert not [i for i in issues if i["code"] == "repeat.written_otherwise"]
    # The first quarter's sheet shares only last December's two rows with 2024's ledger: its own rows are its
    # items, none of them said as a summary's.
    assert not [i for i in issues if i["code"] == "repeat.unique" and "第一季度" in i["file"]]
    # By hand: 6 items of the originals + the copy's 2 rows of its own, counted as said = 8.
    assert _compute(ledgers, 2025)["summary"]["submitted"] == 8
    assert_every_cell_accounted(ledgers, year=2025)


def test_an_adoption_only_a_copied_adoptions_ledger_records_is_said(tmp_path):
    # 汇总/2025年社情民意信息采用台账 - 副本.xlsx is the year's 采用台账 copied, with one row written only in the copy:
    # JZ2025-002 市政协《社情民意》第40期 2025-12-20. The original's four rows are set aside as repeats; the copy's own
    # row is counted as written (an adoption the original lacks) and said at its title, never in silence.
    ledgers = _archive(tmp_path)
    rows = _adoptions([
        ("JZ2024-018", "省政协", "第2期", D(2025, 1, 14), None, None, None),
        ("JZ2025-001", "市政协《社情民意》", "第3期", D(2025, 1, 20), "市长李明", "请市住建局研究", "已办结"),
        ("JZ2025-003", "省政协", "第5期", D(2025, 4, 10), None, None, None),
        ("JZ2025-005", "全国政协", None, D(2025, 6, 20), None, None, None),
        ("JZ2025-002", "市政协《社情民意》", "第40期", D(2025, 12, 20), None, None, None),
    ])
    copy = _book(ledgers / "汇总" / "2025年社情民意信息采用台账 - 副本.xlsx",
                 {"采用台账": ("江州市政协2025年社情民意信息采用台账", ADO_HEAD, rows)})

    ran = sqmy("validate", ledgers, "--year", "2025", "--format", "json")
    issues = json.loads(ran.stdout)["issues"]
    unique = [(Path(i["file"]).name, i["cell"].rsplit("!", 1)[-1]) for i in issues if i["code"] == "repeat.unique"]
    assert unique == [(copy.name, "C7")]  # the base counted it and said nothing
    d = _compute(ledgers, 2025)
    # By hand: the four adoptions of the original (市级 1, 省级 2, 全国 1) and the copy's own 市级 one, counted as said;
    # 李娜 100.00 (JZ2024-018's 补差) + 100.00 (JZ2025-002 市级) = 20000 fen.
    assert d["summary"]["adopted_by_tier"] == {"县级": 0, "市级": 2, "省级": 2, "全国": 1}
    assert _fen(d["rewards"])["李娜"] == 20000
    assert_every_cell_accounted(ledgers, year=2025)
