"""Builders for real workbooks on disk, in the shapes staff keep them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import xlwt


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "whole_command: a test file of whole commands (notebook kernels, LibreOffice, a browser, the scheduler), whose "
        "time is in those programs; CI runs it on the newest pandas only (.ci/pandas22 deselects it), the library code "
        "it drives being tested on pandas 2.2 in process by the other files")


def write_xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> Path:
    """Write rows (None = empty) to an .xlsx with openpyxl; ``merges`` per sheet as A1 ranges.

    Strings starting with '=' are written as text, the way a ledger title would be.
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row, 1):
                if v is None:
                    continue
                cell = ws.cell(r, c, v)
                if isinstance(v, str) and v.startswith("="):
                    cell.data_type = "s"
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[tuple[int, int, int, int]]] | None = None) -> Path:
    """Write a real BIFF8 .xls with xlwt; ``merges`` as (r1, r2, c1, c2) 0-based inclusive."""
    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        merged_cells = set()
        for r1, r2, c1, c2 in (merges or {}).get(name, []):
            value = rows[r1][c1] if r1 < len(rows) and c1 < len(rows[r1]) else None
            ws.write_merge(r1, r2, c1, c2, value)
            merged_cells |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or (r, c) in merged_cells:
                    continue
                if isinstance(v, dt.date):
                    ws.write(r, c, v, date_style)
                else:
                    ws.write(r, c, v)
    wb.save(str(path))
    return path


@pytest.fixture
def combined_rows():
    """A quarter sheet of a combined ledger with a two-level merged header, as staff keep it."""
    return [
        ["2026年度社情民意信息报送采用登记表"],
        ["填报单位:示例县政协办公室    填表日期:2026年7月2日"],
        ["序号", "收稿日期", "信息标题 ", "作　者", "单位", "类别", "采用情况", None, None, None, "领导批示", None, None, "备注"],
        [None, None, None, None, None, None, "县政协编发", "市政协", "省政协", "全国政协", "批示领导", "批示日期", "落实情况", None],
        ["四月份"],
        [1, dt.date(2026, 4, 3), "关于加强农村饮水安全的建议", "张三、李四", "民盟县委", "社会", "√", "第3期", None, None, "副市长李某", "2026-05-10", "已落实,问题得到解决"],
        [2, "2026.4.15", "=关于电动车充电的建议", "王五(特邀信息员)", None, "民生", "第5期", None, None, None, None, None, None],
        [3, "4月20日", "关于规范校外培训的建议", "民盟县委", None, "教育", None, None, None, None, None, None, None],
        ["小计", None, "3条"],
        [None],
        ["五月份"],
        [4, 46150, "关于加快老旧小区改造的建议", "赵六 钱七", "城关镇政协工委", "城建", "是", None, dt.date(2026, 6, 1), None, "省委常委张某", None, "正在办理"],
        [5, "2026/05/20", "关于乡村物流的建议", "孙八", None, "三农", None, None, None, None, None, None, None],
        ["合计", None, "5条"],
        ["注:本表由信息科填写,采用情况填√或期号。"],
        ["填表人:李四    审核人:王五"],
    ]



def nonempty_cells(path: Path) -> list[tuple[str, str, int, str, object]]:
    """Every non-empty cell of a workbook as another library sees it: (file, sheet, Excel row,
    column letter, value). openpyxl for .xlsx (cached values), xlrd for .xls, pandas' odfpy reader
    for .ods. Independent of the reader, so the cell accounting is judged from outside."""
    from openpyxl.utils import get_column_letter

    path = Path(path)
    out = []
    if path.suffix.lower() == ".ods":
        import pandas as pd

        # keep_default_na=False: a cell showing #N/A is a cell, not a missing one
        sheets = pd.read_excel(path, engine="odf", header=None, sheet_name=None, keep_default_na=False, na_values=[])
        for name, frame in sheets.items():
            for r, row in enumerate(frame.itertuples(index=False), 1):
                out += [(str(path), name, r, get_column_letter(c), v) for c, v in enumerate(row, 1) if str(v).strip() != ""]
        return out
    if path.suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(str(path))
        for sh in book.sheets():
            for r in range(sh.nrows):
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) and str(cell.value).strip() != "":
                        out.append((str(path), sh.name, r + 1, get_column_letter(c + 1), cell.value))
        return out
    wb = openpyxl.load_workbook(path, data_only=True, read_only=False)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and str(cell.value).strip() != "":
                    out.append((str(path), ws.title, cell.row, cell.column_letter, cell.value))
    return out


def assert_every_cell_accounted(paths, ledger=None, report=None, rules=None, **read):
    """The reader's invariant: every non-empty cell is consumed into a record or named in a finding."""
    import sqmy_lib as sq
    from sqmy_lib.validate.accounting import unaccounted

    paths = [Path(p) for p in (paths if isinstance(paths, (list, tuple)) else [paths])]
    rules = rules or sq.load_rules(year=read.get("year"))
    ledger = ledger if ledger is not None else sq.read_ledgers(paths, rules=rules, **read)
    report = report if report is not None else sq.validate(ledger, rules)
    files = [f for p in paths for f in (sorted(p.rglob("*.xls*")) if p.is_dir() else [p])]
    cells = [c for f in files for c in nonempty_cells(f)]
    missed = unaccounted(ledger, report, rules, cells)
    assert not missed, f"cells neither read nor reported: {missed[:10]}"
    return ledger, report


class Ran:
    """What a command gave: its exit code and what it printed."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def office_with_one_item(folder: Path, year: int, header: list, row: list) -> Path:
    """An office folder as ``sqmy init`` makes it (its blank 名册.xlsx kept), its template ledgers replaced by
    one 报送台账 of ``header`` and one ``row``."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "sqmy_lib", "init", str(folder), "--year", str(year)], check=True,
                   capture_output=True)
    for template in (folder / "台账").glob("*.xlsx"):
        template.unlink()
    write_xlsx(folder / "台账" / "报送台账.xlsx", {f"{year}年": [[f"{folder.name}{year}年社情民意信息报送台账"], header, row]})
    return folder


def sqmy(*args) -> Ran:
    """Run the ``sqmy`` command in this process (its exit code and output), as a user would call it.
    Tests where the process itself is the point (signals, encodings) use a subprocess instead."""
    import contextlib
    import io

    from sqmy_lib.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse's own exits
            code = exc.code if isinstance(exc.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())


def findings(report, code: str) -> list:
    """The report's findings of one code, in the report's order."""
    return [i for i in report.issues if i.code == code]


def paid(ledger, period) -> dict:
    """Each payee's 稿酬 for ``period`` (a year, or a period ``sq.rewards`` reads): name → amount (Decimal yuan)."""
    import sqmy_lib as sq

    r = sq.rewards(ledger, period)
    return dict(zip(r["name"], r["amount"]))


def fill_init_roster(office: Path, people: list, units: list) -> None:
    """Write ``people`` and ``units`` under the headers of the 名册.xlsx ``sqmy init`` made in ``office`` (from row 3)
    and take away the blank 台账 template it put beside the ledgers."""
    wb = openpyxl.load_workbook(office / "名册.xlsx")
    for sheet, rows in (("人员", people), ("单位", units)):
        for r, row in enumerate(rows, 3):
            for c, v in enumerate(row, 1):
                wb[sheet].cell(r, c, v)
    wb.save(office / "名册.xlsx")
    (office / "台账" / "社情民意信息台账模板.xlsx").unlink()
