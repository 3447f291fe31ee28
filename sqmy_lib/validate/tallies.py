"""A ledger's own 小计/合计 of its items against the items the tool counts (the check ``row.tally_differs``).

The reader keeps each 小计/合计 row that writes a count of the items on its ``skipped`` row (read.tallies):
the count, the first row it counts as a 小计 (the row after the tally above it) and the table's first row.
The items it counts are those of the sheet in those rows the tool counts: read and free of errors, or
set aside as repeating another sheet (counted there). A 小计 (or 合计) whose count is the items of neither
span, nor those rows with the rows left out for an error or struck out (=COUNTA of the titles written), is said at its cell, with the rows struck out (作废, 删除线, 示例) and left out for an error in its span;
the tool's figures stay the items it counts, never the ledger's count.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..records import Ledger
from ..rules import Rules

_STRUCK = ("void", "struck", "sample")


def tallies_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row (index) of a tally whose count is not the items counted in its span: the
    message's detail (写的是 4 条,第3—6行计入的信息是 2 条…)."""
    skipped = ledger.skipped
    if skipped.empty or "tally" not in skipped or not skipped["tally"].notna().any():
        return pd.Series(dtype=object)
    from .engine import error_rows

    tallies = skipped[skipped["tally"].notna()]
    subs = ledger.submissions
    errors = error_rows(ledger, rules, today).get("submissions")
    bad = subs.index.isin(errors.index) if errors is not None else pd.Series(False, index=subs.index).to_numpy()
    rows = {"counted": _rows_by_sheet(subs[~bad]), "error": _rows_by_sheet(subs[bad]),
            "repeat": _rows_by_sheet(skipped[skipped["reason"] == "repeat"]),
            "struck": _rows_by_sheet(skipped[skipped["reason"].isin(_STRUCK)])}
    out = {}
    for k, src, row, (n, since, first, part) in zip(tallies.index, tallies["src"], tallies["row"], tallies["tally"]):
        inside = lambda kind, lo: sum(lo <= r < row for r in rows[kind].get(src, ()))
        block, whole = (inside("counted", lo) + inside("repeat", lo) for lo in (since, first))
        # The rows as written, those left out for an error or struck out among them (=COUNTA over the
        # titles): the ledger's count agrees with the ledger; each row left out is said at its own cell.
        written = (n_ + inside("error", lo) + inside("struck", lo) for n_, lo in ((block, since), (whole, first)))
        if n in (block, whole, *written):
            continue
        lo = since if part else first
        out[k] = _detail(n, lo, row, block if part else whole, inside("struck", lo), inside("error", lo))
    return pd.Series(out, dtype=object)


def _rows_by_sheet(df: pd.DataFrame) -> dict[int, list[int]]:
    """Sheet (src) → the Excel rows of ``df``."""
    return {int(s): g.tolist() for s, g in df.groupby("src")["row"]} if len(df) else {}


def _detail(n: int, lo: int, row: int, count: int, struck: int, errors: int) -> str:
    span = f"第{lo}—{row - 1}行" if row - 1 > lo else f"第{lo}行"
    left = [f"作废、删除线或示例行 {struck} 行未计入" if struck else "", f"因校验错误未计入的 {errors} 条" if errors else ""]
    extra = "、".join(p for p in left if p)
    return f"写的是 {n} 条,{span}计入统计的信息是 {count} 条" + (f"(另有{extra})" if extra else "")
