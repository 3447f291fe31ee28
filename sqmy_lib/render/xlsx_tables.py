"""Writing DataFrames as printable Excel tables: the machinery every sqmy workbook shares.

:func:`open_workbook` opens an xlsxwriter workbook on a temporary file that is renamed into
place on success (:func:`~sqmy_lib.iorw.atomic_path`), with ledger text always kept as text
(never a formula, URL or number). :meth:`TableWriter.table` writes a DataFrame (one- or
two-level columns) with Chinese headers from :func:`~sqmy_lib.render.tables.zh_header`,
per-column number formats (counts, money, percentages, dates, 是/否), blank cells for missing
values, column widths that count CJK characters double, and a "无" row for an empty table.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import numbers
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter

from ..iorw import atomic_path
from .tables import PERCENT_COLUMNS, zh_header

NUM_FORMATS = {"int": "0", "money": "#,##0.00", "pct": "0.0%", "date": "yyyy-mm-dd"}
MONEY_COLUMNS = {"reward", "amount"}
MAX_WIDTH = 48  # wider text wraps
NONE_TEXT = "无"
# Ledger text is data: a title starting with "=" or looking like a URL or number stays text.
TEXT_SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
A4 = 9  # xlsxwriter paper size


def text_width(text: str) -> int:
    """Display width in Excel column units: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def pick_columns(df: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """The ``wanted`` columns of ``df`` that it has, in that order."""
    return df[[c for c in wanted if c in df.columns]]


def _is_blank(v) -> bool:
    if isinstance(v, str):
        return not v.strip()
    return v is None or (pd.api.types.is_scalar(v) and bool(pd.isna(v)))


def _leaf(column) -> str:
    """The column's own name: the last non-empty level of a two-level column."""
    if isinstance(column, tuple):
        return next((part for part in reversed(column) if part), "")
    return column


def _kind(name: str, values: pd.Series) -> str:
    """How a column is formatted: text, int, number, money, pct, date or bool."""
    present = values.dropna()
    if name in PERCENT_COLUMNS:
        return "pct"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "date"
    if pd.api.types.is_bool_dtype(values):
        return "bool"
    if pd.api.types.is_integer_dtype(values):
        return "int"
    if pd.api.types.is_float_dtype(values) or (
            len(present) and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in present)):
        return "int" if all(float(v).is_integer() for v in present) else "number"
    if name in MONEY_COLUMNS or (len(present) and all(isinstance(v, Decimal) for v in present)):
        return "money"
    if len(present) and all(isinstance(v, (dt.date, pd.Timestamp)) for v in present):
        return "date"
    return "text"


def _shown(v, kind: str) -> str:
    """Roughly what Excel shows in the cell, for sizing the column."""
    if _is_blank(v):
        return ""
    if kind == "date":
        return "0000-00-00"
    if kind == "pct":
        return f"{float(v):.1%}"
    if kind == "money":
        return f"{float(v):,.2f}"
    if kind == "bool":
        return "是"
    return str(v)


@dataclass
class Placed:
    """Where a table landed: header rows, data rows (inclusive) and each column's sheet column."""

    header_row: int
    first_row: int  # first data row
    last_row: int  # last data row; first_row - 1 when the table was empty (the 无 row is not data)
    columns: dict = field(default_factory=dict)  # df column -> sheet column
    kinds: dict = field(default_factory=dict)  # df column -> its format key

    @property
    def bottom(self) -> int:
        """The last row the table occupies, the 无 row included."""
        return max(self.last_row, self.first_row)

    def cells(self, column) -> list:
        """[first_row, col, last_row, col] of a column's data, for chart ranges."""
        c = self.columns[column]
        return [self.first_row, c, self.last_row, c]


class TableWriter:
    """A workbook with shared cell formats and per-sheet column widths (applied by :meth:`finish`)."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.book = book
        self.widths: dict[str, dict[int, float]] = {}
        base = {"border": 1, "valign": "vcenter"}
        self.fmt = {
            "header": book.add_format({**base, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}),
            "title": book.add_format({"bold": True, "font_size": 18, "align": "center", "valign": "vcenter"}),
            "paragraph": book.add_format({"text_wrap": True, "valign": "top", "font_size": 12}),
            "note": book.add_format({"text_wrap": True, "valign": "top", "italic": True, "font_color": "#595959"}),
            "caption": book.add_format({"bold": True, "font_size": 12}),
            "none": book.add_format({**base, "align": "center", "font_color": "#808080"}),
            "text": book.add_format(base),
            "wrap": book.add_format({**base, "text_wrap": True}),
            "number": book.add_format(base),
            "bool": book.add_format({**base, "align": "center"}),
            "indent": book.add_format({**base, "indent": 1}),
            **{k: book.add_format({**base, "num_format": f}) for k, f in NUM_FORMATS.items()},
        }

    def sheet(self, name: str, *, landscape: bool = True):
        """A new A4 sheet printed one page wide."""
        ws = self.book.add_worksheet(name)
        ws.set_paper(A4)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        self.widths[name] = {}
        return ws

    def widen(self, ws, col: int, width: float) -> None:
        """Make ``col`` at least ``width`` wide (at most MAX_WIDTH)."""
        w = self.widths[ws.get_name()]
        w[col] = max(w.get(col, 0), min(width, MAX_WIDTH))

    def finish(self) -> None:
        """Apply the column widths collected while writing."""
        for ws in self.book.worksheets():
            for col, width in self.widths[ws.get_name()].items():
                ws.set_column(col, col, width)

    def cell(self, ws, r: int, c: int, v, fmt) -> None:
        """Write one value with the right xlsxwriter call; blanks stay blank, text stays text."""
        if _is_blank(v):
            ws.write_blank(r, c, None, fmt)
        elif isinstance(v, str):
            ws.write_string(r, c, v, fmt)
        elif isinstance(v, (bool, np.bool_)):
            ws.write_string(r, c, "是" if v else "否", fmt)
        elif isinstance(v, (dt.date, pd.Timestamp)):
            ws.write_datetime(r, c, v.to_pydatetime() if isinstance(v, pd.Timestamp) else v, fmt)
        elif isinstance(v, (Decimal, numbers.Number)):
            ws.write_number(r, c, float(v) if not isinstance(v, numbers.Integral) else int(v), fmt)
        else:
            ws.write_string(r, c, str(v), fmt)

    def title(self, ws, row: int, text: str, span: int, height: float = 36) -> None:
        """A centred title merged across the first ``span`` columns."""
        ws.merge_range(row, 0, row, span - 1, text, self.fmt["title"])
        ws.set_row(row, height)

    def paragraph(self, ws, row: int, text: str, span: int, fmt: str = "paragraph", line_height: float = 15) -> None:
        """Wrapped text merged across the first ``span`` columns, the row tall enough for it.

        The height comes from the column widths known so far, so write tables first.
        """
        widths = self.widths[ws.get_name()]
        across = sum(widths.get(c, 8.43) for c in range(span)) * 0.9
        ws.merge_range(row, 0, row, span - 1, text, self.fmt[fmt])
        ws.set_row(row, line_height * max(1, math.ceil(text_width(text) / across)) + 4)

    def table(self, ws, df: pd.DataFrame, row: int = 0, col: int = 0, *, labels: dict | None = None,
              row_kinds: list[str | None] | None = None, freeze: int | None = None,
              autofilter: bool = False) -> Placed:
        """Write ``df`` at (row, col) as a bordered table with Chinese headers and return where it went.

        Two-level columns (``("本季度", "submitted")``) get a two-row header: each group
        label merged over its columns, a column with an empty level merged over both rows.
        ``labels`` overrides headers by leaf name; ``row_kinds`` overrides the number
        format of a row's numeric cells (e.g. one percentage row in a table of counts);
        ``freeze`` freezes the panes below the header and right of that many columns, and
        repeats the header on every printed page.
        """
        labels = labels or {}

        def label(column) -> str:
            return labels.get(_leaf(column), zh_header(_leaf(column)))

        two_level = isinstance(df.columns, pd.MultiIndex)
        first = row + (2 if two_level else 1)
        hdr = self.fmt["header"]
        placed = Placed(row, first, first + len(df) - 1)
        kinds = []
        for j, column in enumerate(df.columns):
            c = col + j
            placed.columns[column] = c
            values = df.iloc[:, j]
            kinds.append(_kind(_leaf(column), values))
            text = label(column)
            if two_level and all(column):
                ws.write_string(row + 1, c, text, hdr)
            elif two_level:
                ws.merge_range(row, c, row + 1, c, text, hdr)
            else:
                ws.write_string(row, c, text, hdr)
            width = max([text_width(text)] + [text_width(_shown(v, kinds[-1])) for v in values.head(500)])
            self.widen(ws, c, width + 2)
            if width + 2 > MAX_WIDTH and kinds[-1] == "text":
                kinds[-1] = "wrap"
        placed.kinds = dict(zip(df.columns, kinds))
        if two_level:  # each run of columns under one group label gets it merged across them
            runs = itertools.groupby(placed.columns.items(), key=lambda cc: cc[0][0] if all(cc[0]) else None)
            for name, run in runs:
                cols = [c for _, c in run]
                if name is None:
                    continue
                if len(cols) > 1:
                    ws.merge_range(row, cols[0], row, cols[-1], name, hdr)
                else:
                    ws.write_string(row, cols[0], name, hdr)

        for i, values in enumerate(df.itertuples(index=False, name=None)):
            override = row_kinds[i] if row_kinds else None
            for j, v in enumerate(values):
                kind = override if override and kinds[j] in ("int", "number") else kinds[j]
                self.cell(ws, first + i, col + j, v, self.fmt[kind])
        if df.empty:
            if len(df.columns) > 1:
                ws.merge_range(first, col, first, col + len(df.columns) - 1, NONE_TEXT, self.fmt["none"])
            else:
                ws.write_string(first, col, NONE_TEXT, self.fmt["none"])
        if autofilter and not df.empty:
            ws.autofilter(first - 1, col, placed.last_row, col + len(df.columns) - 1)
        if freeze is not None:
            ws.freeze_panes(first, col + freeze)
            ws.repeat_rows(row, first - 1)
        return placed

    def total_row(self, ws, placed: Placed, label: str, values: dict, label_span: int = 1) -> int:
        """A bordered row under ``placed``: ``label`` over its first ``label_span`` columns, then
        ``values`` (df column -> value) in their columns' formats, other cells blank. Returns the row."""
        r = placed.bottom + 1
        cols = list(placed.columns.items())
        first, last = cols[0][1], cols[label_span - 1][1]
        if last > first:
            ws.merge_range(r, first, r, last, label, self.fmt["header"])
        else:
            ws.write_string(r, first, label, self.fmt["header"])
        for column, c in cols[label_span:]:
            self.cell(ws, r, c, values.get(column), self.fmt[placed.kinds[column]])
        return r


@contextmanager
def open_workbook(path: str | Path, properties: dict) -> Iterator[TableWriter]:
    """A :class:`TableWriter` on a new text-safe workbook, closed and renamed onto ``path`` on success.

    ``properties`` go to ``Workbook.set_properties`` (title, subject, company, created).
    """
    with atomic_path(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), TEXT_SAFE)
        book.set_properties(properties)
        writer = TableWriter(book)
        yield writer
        writer.finish()
        book.close()
