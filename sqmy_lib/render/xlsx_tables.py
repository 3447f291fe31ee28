"""Writing DataFrames as printable Excel tables: the machinery every sqmy workbook shares.

:func:`open_workbook` opens an xlsxwriter workbook on a temporary file that is renamed into
place on success (:func:`~sqmy_lib.iorw.atomic_path`), with ledger text always kept as text
(never a formula, URL or number: :data:`TEXT_SAFE`). :meth:`TableWriter.table` writes a DataFrame
(one- or two-level columns) as a :class:`~sqmy_lib.render.spec.TableSpec` declares it: Chinese
headers, each kind's number format (counts, money, percentages, dates, 是/否), values rounded as
every other output rounds them, blank cells for missing values, column widths by display width,
and a "无" row for an empty table.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import xlsxwriter

from .. import zh
from ..iorw import OUTPUT_PROPERTY, OUTPUT_PROPERTY_TEXT, atomic_path
from .spec import NONE_TEXT, TableSpec, excel_value, text

# Excel number formats by column kind (see spec.KINDS).
NUM_FORMATS = {"count": "0", "number": "General", "money": "#,##0.00", "pct": "0.0%", "date": "yyyy-mm-dd",
               "day": "yyyy-mm-dd"}
MAX_WIDTH = 48  # wider text wraps
MONTHS_WIDTH = 20  # a list of months missed wraps sooner: "1月、2月、…" is read down, not across
# Ledger text is data: a title starting with "=" or looking like a URL or number stays text.
TEXT_SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
A4 = 9  # xlsxwriter paper size
EXCEL_EPOCH = pd.Timestamp(1899, 12, 30)  # day 0 of Excel's serial dates, for days from 1900-03-01 on
EXCEL_LEAP_BUG = pd.Timestamp(1900, 3, 1)  # before it Excel counts a 29 February 1900 that never was


def text_width(text_: str) -> int:
    """Display width in Excel column units: CJK and full-width characters count 2."""
    return zh.display_width(text_)


def pick_columns(df: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """The ``wanted`` columns of ``df`` that it has, in that order."""
    return df[[c for c in wanted if c in df.columns]]


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

    # Column kind -> the cell format used for it.
    FORMAT_OF = {"text": "text", "long": "wrap", "bool": "bool", **{k: k for k in NUM_FORMATS}}

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
        """Write one value (already converted by :func:`~.spec.excel_value`): blanks stay blank,
        numbers are numbers, dates dates, and everything else is written as a string."""
        if v is None:
            ws.write_blank(r, c, None, fmt)
        elif isinstance(v, bool):
            ws.write_string(r, c, "是" if v else "否", fmt)
        elif isinstance(v, (int, float)):
            ws.write_number(r, c, v, fmt)
        elif isinstance(v, (dt.date, dt.datetime)):
            ws.write_datetime(r, c, v, fmt)
        else:
            ws.write_string(r, c, str(v), fmt)

    def _column(self, ws, row: int, c: int, values: pd.Series, kind: str, fmt) -> None:
        """One column of one kind from ``row`` down, each cell as :meth:`cell` writes
        ``excel_value(value, kind)``; text and dates are converted a column at a time (a roll-up's
        detail sheet runs to tens of thousands of rows), anything else value by value."""
        missing = values.isna().tolist()
        if kind in ("text", "long") and (values.dtype == object or pd.api.types.is_string_dtype(values)):
            write = ws.write_string
            cells = [None if gone or (type(v) is str and (not v or v.isspace())) else v if type(v) is str else str(v)
                     for v, gone in zip(values.tolist(), missing)]
        elif kind in ("date", "day") and pd.api.types.is_datetime64_any_dtype(values) and values.dt.tz is None \
                and not values.lt(EXCEL_LEAP_BUG).any():
            write = ws.write_number  # Excel's serial day number under the date format: what write_datetime stores
            days = (values - EXCEL_EPOCH) / pd.Timedelta(days=1)
            cells = [None if gone else d for d, gone in zip(days.tolist(), missing)]
        else:
            for r, v in enumerate(values.tolist(), row):
                self.cell(ws, r, c, excel_value(v, kind), fmt)
            return
        for r, v in enumerate(cells, row):
            if v is None:
                ws.write_blank(r, c, None, fmt)
            else:
                write(r, c, v, fmt)

    def title(self, ws, row: int, text: str, span: int, height: float = 36) -> None:
        """A centred title merged across the first ``span`` columns."""
        ws.merge_range(row, 0, row, span - 1, zh.punctuate(text), self.fmt["title"])
        ws.set_row(row, height)

    def paragraph(self, ws, row: int, text: str, span: int, fmt: str = "paragraph", line_height: float = 15) -> None:
        """Wrapped text merged across the first ``span`` columns, the row tall enough for it.

        The height comes from the column widths known so far, so write tables first.
        """
        widths = self.widths[ws.get_name()]
        across = sum(widths.get(c, 8.43) for c in range(span)) * 0.9
        text = zh.punctuate(text)
        ws.merge_range(row, 0, row, span - 1, text, self.fmt[fmt])
        ws.set_row(row, line_height * max(1, math.ceil(text_width(text) / across)) + 4)

    def table(self, ws, df: pd.DataFrame, spec: TableSpec, row: int = 0, col: int = 0, *,
              row_kinds: list[str] | None = None, freeze: int | None = None, autofilter: bool = False) -> Placed:
        """Write ``df`` at (row, col) as ``spec`` declares it and return where it went.

        A spec with groups gets a two-row header: each group label merged over its run of
        columns, a column without a group merged over both rows. ``row_kinds`` gives the kind of
        each row's numeric cells (a table of figures, some counts and some percentages);
        ``freeze`` freezes the panes below the header and right of that many columns, and repeats
        the header on every printed page. Columns of the spec that ``df`` lacks are left out.
        """
        spec = spec.present(df)
        first = row + (2 if spec.two_level else 1)
        placed = Placed(row, first, first + len(df) - 1)
        kinds = spec.kinds(len(df), row_kinds)
        self._header(ws, spec, row, col, placed)
        for j, column in enumerate(spec):
            shown = [text(v, kinds[i][j]) for i, v in enumerate(df[column.key].head(500).tolist())]
            width = max([text_width(column.label)] + [text_width(t) for t in shown]) + 2
            self.widen(ws, col + j, min(width, MONTHS_WIDTH) if column.kind == "months" else width)
        widths = self.widths[ws.get_name()]
        wraps = {col + j for j, c in enumerate(spec)
                 if c.kind in ("long", "months") or (c.kind == "text" and widths[col + j] >= MAX_WIDTH)}
        for j, column in enumerate(spec):
            if row_kinds is None:  # one kind down the column: converted and written a column at a time
                fmt = self.fmt["wrap" if col + j in wraps else self.FORMAT_OF.get(column.kind, "text")]
                self._column(ws, first, col + j, df[column.key], column.kind, fmt)
                continue
            for i, value in enumerate(df[column.key].tolist()):
                kind = kinds[i][j]
                fmt = "wrap" if col + j in wraps else self.FORMAT_OF.get(kind, "text")
                self.cell(ws, first + i, col + j, excel_value(value, kind), self.fmt[fmt])
        if df.empty:
            if len(spec) > 1:
                ws.merge_range(first, col, first, col + len(spec) - 1, NONE_TEXT, self.fmt["none"])
            else:
                ws.write_string(first, col, NONE_TEXT, self.fmt["none"])
        if autofilter and not df.empty:
            ws.autofilter(first - 1, col, placed.last_row, col + len(spec) - 1)
        if freeze is not None:
            ws.freeze_panes(first, col + freeze)
            ws.repeat_rows(row, first - 1)
        return placed

    def _header(self, ws, spec: TableSpec, row: int, col: int, placed: Placed) -> None:
        """The header row(s): each group label merged over its run of columns, a column without a
        group merged over both rows of a two-level header."""
        hdr = self.fmt["header"]
        for j, column in enumerate(spec):
            c = col + j
            placed.columns[column.key] = c
            placed.kinds[column.key] = column.kind
            if spec.two_level and column.group:
                ws.write_string(row + 1, c, column.label, hdr)
            elif spec.two_level:
                ws.merge_range(row, c, row + 1, c, column.label, hdr)
            else:
                ws.write_string(row, c, column.label, hdr)
        for name, run in itertools.groupby(spec, key=lambda c: c.group):
            cols = [placed.columns[c.key] for c in run]
            if name and len(cols) > 1:
                ws.merge_range(row, cols[0], row, cols[-1], name, hdr)
            elif name:
                ws.write_string(row, cols[0], name, hdr)

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
            kind = placed.kinds[column]
            self.cell(ws, r, c, excel_value(values.get(column), kind), self.fmt[self.FORMAT_OF[kind]])
        return r


@contextmanager
def open_workbook(path: str | Path, properties: dict) -> Iterator[TableWriter]:
    """A :class:`TableWriter` on a new text-safe workbook, closed and renamed onto ``path`` on success.

    ``properties`` go to ``Workbook.set_properties`` (title, subject, company, created).
    """
    with atomic_path(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), TEXT_SAFE)
        book.set_properties(properties)
        book.set_custom_property(OUTPUT_PROPERTY, OUTPUT_PROPERTY_TEXT)  # never read back as a ledger
        writer = TableWriter(book)
        yield writer
        writer.finish()
        book.close()
