"""The annual commendation (年度表彰) as an Excel workbook, with the reward payout sheet for finance.

Sheets, in order (domain.md §6)::

    先进集体  优秀信息员  十佳信息  好信息  评选依据  奖励发放表

评选依据 states the thresholds and tie-break rules, then gives every person on the roster a
line saying why they are or are not eligible. 奖励发放表 prints on A4 portrait for finance:
one row per person or unit paid, a blank boxed 签字 column, and a 合计 row holding the exact
total as a plain number (no formula, so it never depends on recalculation).

Tables go through the shared :class:`~sqmy_lib.render.xlsx_tables.TableWriter`.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import zh
from ..compute.commendation import AnnualCommendation
from . import spec as specs
from .xlsx_tables import TableWriter, open_workbook

SIGN_WIDTH = 24
SIGN_ROW_HEIGHT = 28  # room to sign by hand
FOOTER_TEXT = "制表：" + " " * 16 + "审核：" + " " * 16 + "日期："

# The four lists: sheet -> (AnnualCommendation attribute, table spec).
LISTS = {
    "先进集体": ("units", specs.COMMENDED_UNITS),
    "优秀信息员": ("informants", specs.INFORMANTS),
    "十佳信息": ("top_items", specs.TOP_ITEMS),
    "好信息": ("good_items", specs.GOOD_ITEMS),
}


def _list(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    attr, spec = LISTS[ws.get_name()]
    w.table(ws, getattr(comm, attr), spec, freeze=0)


def basis_lines(comm: AnnualCommendation) -> list[str]:
    """The rules the lists follow: the 优秀信息员 thresholds, then each list's tie-break rule."""
    t = comm.thresholds
    return [f"优秀信息员评选条件：年度报送{t['min_submitted']}条以上且被采用{t['min_adopted']}条以上（委员、信息员同等适用）",
            *(zh.punctuate(f"{name}排序：{rule}") for name, rule in comm.tie_breaks.items())]


def _basis(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    tiers = [c.removeprefix("adopted_") for c in comm.basis.columns
             if c.startswith("adopted_") and c not in ("adopted_quota", "adopted_completion")]
    spec = specs.basis(tiers).present(comm.basis)
    lines = basis_lines(comm)
    w.table(ws, comm.basis, spec, len(lines) + 1, freeze=1, autofilter=True)
    for r, text in enumerate(lines):  # after the table, now the widths they span are known
        w.paragraph(ws, r, text, len(spec))


def payout_table(comm: AnnualCommendation) -> pd.DataFrame:
    """序号, 姓名(单位), 类型, 所在单位, 采用信息(条), 金额(元) and an empty 签字 column."""
    table = comm.payout[["name", "kind", "unit", "items", "amount"]].reset_index(drop=True)
    table.insert(0, "no", range(1, len(table) + 1))
    return table.assign(sign="")


def _payout(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    table = payout_table(comm)
    span = len(table.columns)
    placed = w.table(ws, table, specs.PAYOUT, 1, freeze=0)
    for r in range(placed.first_row, placed.last_row + 1):
        ws.set_row(r, SIGN_ROW_HEIGHT)
    label_span = list(table.columns).index("items")  # 合计 over 序号 … 所在单位
    total = w.total_row(ws, placed, "合计", {"amount": comm.payout_total}, label_span)
    ws.set_row(total, SIGN_ROW_HEIGHT)
    w.widen(ws, placed.columns["sign"], SIGN_WIDTH)
    w.title(ws, 0, f"{comm.year}年度社情民意信息奖励发放表", span)
    w.paragraph(ws, total + 2, FOOTER_TEXT, span, "caption")
    ws.set_footer("&C第 &P 页 共 &N 页")
    ws.center_horizontally()
    ws.print_area(0, 0, total + 2, span - 1)


# The sheets in order, and what writes each.
PARTS = {**dict.fromkeys(LISTS, _list), "评选依据": _basis, "奖励发放表": _payout}
SHEETS = list(PARTS)
PORTRAIT = {"奖励发放表"}


def write_commendation_xlsx(comm: AnnualCommendation, path: str | Path, created: dt.datetime | None = None) -> Path:
    """Write the annual commendation to ``path`` (.xlsx) atomically and return the path.

    ``created`` is the document's creation time in its properties (now by default;
    pass a fixed time for byte-stable output).
    """
    properties = {"title": comm.title, "subject": f"{comm.year}年度", "company": comm.office,
                  "created": created or dt.datetime.now()}
    with open_workbook(path, properties) as w:
        for name, part in PARTS.items():
            part(w, w.sheet(name, landscape=name not in PORTRAIT), comm)
    return Path(path)
