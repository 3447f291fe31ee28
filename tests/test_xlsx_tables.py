"""The table writer: a column written a column at a time holds exactly what the value-by-value
path writes (the roll-up's detail sheets take the first, tables of mixed rows the second)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from sqmy_lib.render.spec import Column, TableSpec
from sqmy_lib.render.xlsx_tables import open_workbook


def test_a_column_at_a_time_writes_what_value_by_value_writes(tmp_path):
    df = pd.DataFrame({
        "title": ["=1+1", "  ", None, "关于某事的建议", "http://x.cn"],
        "mixed": pd.Series(["甲", 12, float("nan"), pd.NA, 3.5], dtype=object),
        "day": pd.to_datetime(["2025-03-05", None, "2025-12-31 10:30", "2024-02-29", "2025-01-01"], format="ISO8601"),
        "texts": pd.Series(["a", None, "", "b", "c"], dtype="string"),
    })
    spec = TableSpec((Column("title", "标题"), Column("mixed", "混合", "long"), Column("day", "日期", "date"),
                      Column("texts", "文字")))
    path = tmp_path / "t.xlsx"
    with open_workbook(path, {}) as w:
        ws = w.sheet("表")
        w.table(ws, df, spec, row=0)  # one kind per column: a column at a time
        w.table(ws, df, spec, row=10, row_kinds=["count"] * len(df))  # value by value (no numeric column)
    cells = openpyxl.load_workbook(path)["表"]
    grid = lambda first: [[(c.value, c.data_type, c.number_format) for c in row]
                          for row in cells.iter_rows(min_row=first, max_row=first + len(df) - 1, max_col=4)]
    assert grid(2) == grid(12)
    # and what it holds, worked out by hand: text stays text, blanks stay blank, dates are dates
    assert [r[0][0] for r in grid(2)] == ["=1+1", None, None, "关于某事的建议", "http://x.cn"]
    assert [r[1][0] for r in grid(2)] == ["甲", "12", None, None, "3.5"]
    assert [r[2][0] for r in grid(2)] == [dt.datetime(2025, 3, 5), None, dt.datetime(2025, 12, 31, 10, 30),
                                          dt.datetime(2024, 2, 29), dt.datetime(2025, 1, 1)]
    assert grid(2)[0][2][2] == "yyyy-mm-dd"
    assert [r[3][0] for r in grid(2)] == ["a", None, None, "b", "c"]
