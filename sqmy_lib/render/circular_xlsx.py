"""The quarterly circular (季度通报) as an Excel workbook: figures, tables and native charts.

One sheet per part of the circular (domain.md §6), in the order staff read it::

    概况  各单位情况  个人完成情况  采用明细  批示件跟踪  未完成任务名单  零报送单位

Every table goes through :meth:`_Writer.table`, which writes a DataFrame (one- or
two-level columns) with Chinese headers from :func:`~sqmy_lib.render.tables.zh_header`,
per-column number formats, widths and the "无" row for an empty table. Text from a
ledger is always written as a string, never as a formula; the workbook is written
to a temporary file and renamed into place (:func:`~sqmy_lib.iorw.atomic_path`).
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import numbers
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from ..compute.circular import QuarterlyCircular
from ..compute.instructions import NO_REPORT
from ..iorw import atomic_path
from .tables import PERCENT_COLUMNS, zh_header

# An instruction still open after this many days is highlighted on 批示件跟踪.
OVERDUE_DAYS = 60

NUM_FORMATS = {"int": "0", "money": "#,##0.00", "pct": "0.0%", "date": "yyyy-mm-dd"}
MONEY_COLUMNS = {"reward", "amount"}
MAX_WIDTH = 48  # wider text wraps
NONE_TEXT = "无"


def text_width(text: str) -> int:
    """Display width in Excel column units: CJK and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


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

    def cells(self, column) -> list:
        """[first_row, col, last_row, col] of a column's data, for chart ranges."""
        c = self.columns[column]
        return [self.first_row, c, self.last_row, c]


class _Writer:
    """A workbook with the circular's cell formats and per-sheet column widths."""

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
            "overdue": book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
            **{k: book.add_format({**base, "num_format": f}) for k, f in NUM_FORMATS.items()},
        }

    def sheet(self, name: str):
        ws = self.book.add_worksheet(name)
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        self.widths[name] = {}
        return ws

    def widen(self, ws, col: int, width: float) -> None:
        w = self.widths[ws.get_name()]
        w[col] = max(w.get(col, 0), min(width, MAX_WIDTH))

    def finish(self) -> None:
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

    def table(self, ws, df: pd.DataFrame, row: int = 0, col: int = 0, *, labels: dict | None = None,
              row_kinds: list[str | None] | None = None, freeze: int | None = None,
              autofilter: bool = False) -> Placed:
        """Write ``df`` at (row, col) as a bordered table with Chinese headers and return where it went.

        Two-level columns (``("本季度", "submitted")``) get a two-row header: each group
        label merged over its columns, a column with an empty level merged over both rows.
        ``labels`` overrides headers by leaf name; ``row_kinds`` overrides the number
        format of a row's numeric cells (e.g. one percentage row in a table of counts);
        ``freeze`` freezes the panes below the header and right of that many columns.
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


# --- sheets ---------------------------------------------------------------------------------------

@dataclass
class _Figure:
    label: str
    path: tuple  # keys into Summary.to_dict() (and Summary.previous)
    kind: str = "int"  # or pct

    @property
    def breakdown(self) -> bool:
        """A 其中 row under its total, indented."""
        return self.path[0] in ("adopted_by_tier", "instructions_by_level")

    def of(self, figures: dict | None):
        for key in self.path:
            figures = figures.get(key) if isinstance(figures, dict) else None
        return figures


def _figures(circ: QuarterlyCircular) -> list[_Figure]:
    s = circ.summary
    return [
        _Figure("报送信息(条)", ("submitted",)), _Figure("本级编发(条)", ("published",)),
        _Figure("编发期数(期)", ("issues",)), _Figure("被采用信息(条)", ("adopted",)),
        *[_Figure(zh_header(f"adopted_{t}"), ("adopted_by_tier", t)) for t in s.adopted_by_tier],
        _Figure("领导批示(件)", ("instructions",)),
        *[_Figure(f"{lvl}领导批示(件)", ("instructions_by_level", lvl)) for lvl in s.instructions_by_level],
        _Figure("报送信息的委员(人)", ("participation", "members_with_items")),
        _Figure("委员总数(人)", ("participation", "members")),
        _Figure("委员参与率", ("participation", "rate"), "pct"),
        _Figure("采用率", ("adoption_rate",), "pct"),
    ]


def _summary_table(circ: QuarterlyCircular, figures: list[_Figure]) -> pd.DataFrame:
    """项目 | 本季度 | 年度累计 (| 上年同期): one row per figure; figures a period lacks stay blank."""
    periods = {"本季度": circ.summary.to_dict(), "年度累计": circ.summary_ytd.to_dict()}
    if circ.summary.previous:
        periods["上年同期"] = circ.summary.previous
    return pd.DataFrame({"项目": [f.label for f in figures],
                         **{name: pd.Series([f.of(d) for f in figures], dtype=object) for name, d in periods.items()}})


def _overview(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    span = 12  # title and paragraphs run across the table and the charts beside it
    notes = [f"说明:{n}" for n in [circ.left_out, *circ.notes] if n]
    row = 3 + len(notes)

    previous = f";上年同期:{circ.period.previous_year.label}" if circ.summary.previous else ""
    ws.write_string(row, 0, f"主要指标(本季度:{circ.period.label};年度累计:{circ.year_to_date.label}{previous})",
                    w.fmt["caption"])
    figures = _figures(circ)
    table = _summary_table(circ, figures)
    placed = w.table(ws, table, row + 1, row_kinds=[f.kind for f in figures])
    for i, f in enumerate(figures):  # indent the 其中 rows' labels under their total
        if f.breakdown:
            ws.write_string(placed.first_row + i, 0, f.label, w.fmt["indent"])

    month_row = placed.last_row + 2
    ws.write_string(month_row, 0, f"分月情况({circ.year_to_date.label})", w.fmt["caption"])
    monthly = circ.monthly.assign(month=circ.monthly["month"].map(lambda m: f"{m}月"))
    months = w.table(ws, monthly, month_row + 1)
    ws.freeze_panes(1, 0)

    tier_rows = [placed.first_row + i for i, f in enumerate(figures) if f.path[0] == "adopted_by_tier"]
    if tier_rows:
        chart = w.book.add_chart({"type": "column"})
        chart.add_series({
            "name": "采用(条)",
            "categories": [ws.get_name(), tier_rows[0], 0, tier_rows[-1], 0],
            "values": [ws.get_name(), tier_rows[0], 1, tier_rows[-1], 1],
            "data_labels": {"value": True},
        })
        chart.set_title({"name": f"{circ.period.label}各层级采用情况", "name_font": {"size": 12}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        ws.insert_chart(placed.header_row, 5, chart, {"x_scale": 1.1})

    if not circ.monthly.empty:
        bars = w.book.add_chart({"type": "column"})
        bars.add_series({"name": "报送(条)", "categories": [ws.get_name(), *months.cells("month")],
                         "values": [ws.get_name(), *months.cells("submitted")], "data_labels": {"value": True}})
        line = w.book.add_chart({"type": "line"})
        line.add_series({"name": "采用(条)", "categories": [ws.get_name(), *months.cells("month")],
                         "values": [ws.get_name(), *months.cells("adopted")], "marker": {"type": "circle"},
                         "data_labels": {"value": True, "position": "above"}})
        bars.combine(line)
        bars.set_title({"name": f"{circ.year_to_date.label}分月报送与采用", "name_font": {"size": 12}})
        bars.set_legend({"position": "bottom"})
        bars.set_y_axis({"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        ws.insert_chart(placed.header_row + 16, 5, bars, {"x_scale": 1.1})

    # Title, paragraph and notes last, now the column widths they span are known.
    widths = w.widths[ws.get_name()]
    across = sum(widths.get(c, 8.43) for c in range(span)) * 0.9
    ws.merge_range(0, 0, 0, span - 1, circ.title, w.fmt["title"])
    ws.set_row(0, 36)
    for r, (text, fmt, size) in enumerate([(circ.statistics_text, "paragraph", 19)] + [(n, "note", 15) for n in notes], 1):
        ws.merge_range(r, 0, r, span - 1, text, w.fmt[fmt])
        ws.set_row(r, size * max(1, math.ceil(text_width(text) / across)) + 4)


def _units(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    table = circ.units_by_period()
    placed = w.table(ws, table, freeze=1, autofilter=True)
    if table.empty:
        return
    chart = w.book.add_chart({"type": "bar"})
    chart.add_series({
        "name": "年度累计积分",
        "categories": [ws.get_name(), *placed.cells(("", "unit"))],
        "values": [ws.get_name(), *placed.cells(("年度累计", "points"))],
        "data_labels": {"value": True},
    })
    chart.set_title({"name": f"各单位{circ.year_to_date.label}积分", "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_x_axis({"reverse": True})  # a bar chart's category axis is x: first unit on top
    chart.set_y_axis({"min": 0})
    chart.set_size({"width": 720, "height": 120 + 24 * len(table)})
    ws.insert_chart(placed.last_row + 2, 0, chart)


def _tier_columns(circ: QuarterlyCircular, df: pd.DataFrame) -> list[str]:
    return [f"adopted_{t}" for t in circ.summary.adopted_by_tier if f"adopted_{t}" in df.columns]


def _columns(df: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    return df[[c for c in wanted if c in df.columns]]


def _people(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    df = circ.people_ytd
    wanted = ["name", "role", "unit", "appointed_on", "submitted", "adopted", *_tier_columns(circ, df),
              "instructed", "quota", "completion", "reward"]
    w.table(ws, _columns(df, wanted), freeze=1, autofilter=True)


def _adoptions(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    wanted = ["item_no", "title", "authors", "unit", "tier", "body", "issue_no", "date"]
    w.table(ws, _columns(circ.adoptions, wanted), freeze=0, autofilter=True)


def _instructions(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    wanted = ["item_no", "title", "authors", "unit", "leader", "level", "date", "text", "follow_up", "status", "days_open"]
    table = _columns(circ.instructions, wanted)
    placed = w.table(ws, table, labels={"date": "批示日期"}, freeze=0, autofilter=True)
    if table.empty:
        return
    first = xl_rowcol_to_cell(placed.first_row, 0)
    last = xl_rowcol_to_cell(placed.last_row, len(table.columns) - 1)
    status = "$" + xl_col_to_name(placed.columns["status"]) + str(placed.first_row + 1)
    days = "$" + xl_col_to_name(placed.columns["days_open"]) + str(placed.first_row + 1)
    ws.conditional_format(f"{first}:{last}", {
        "type": "formula",
        "criteria": f'=OR({status}="{NO_REPORT}",AND(ISNUMBER({days}),{days}>{OVERDUE_DAYS}))',
        "format": w.fmt["overdue"],
    })
    ws.write_string(placed.last_row + 2, 0, f"注:{NO_REPORT}或已办超过{OVERDUE_DAYS}天的批示件标红。", w.fmt["note"])


def _behind(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    units = _columns(circ.behind_units, ["unit", "peer_group", "submitted", "quota", "completion"])
    people = _columns(circ.behind_people, ["name", "role", "unit", "submitted", "quota", "completion"])
    ytd = circ.year_to_date.label
    ws.write_string(0, 0, f"未完成{ytd}任务的单位", w.fmt["caption"])
    w.table(ws, units, 1, freeze=0)
    right = len(units.columns) + 1
    ws.write_string(0, right, f"未完成{ytd}任务的个人", w.fmt["caption"])
    w.table(ws, people, 1, right)
    w.widen(ws, right - 1, 3)


def _zero(w: _Writer, ws, circ: QuarterlyCircular) -> None:
    w.table(ws, _columns(circ.zero_units, ["unit", "peer_group"]), freeze=0)


# The sheets in the order staff read them, and what writes each.
PARTS = {"概况": _overview, "各单位情况": _units, "个人完成情况": _people, "采用明细": _adoptions,
         "批示件跟踪": _instructions, "未完成任务名单": _behind, "零报送单位": _zero}
SHEETS = list(PARTS)


def write_circular_xlsx(circ: QuarterlyCircular, path: str | Path, created: dt.datetime | None = None) -> Path:
    """Write the quarterly circular to ``path`` (.xlsx) atomically and return the path.

    ``created`` is the document's creation time in its properties (now by default;
    pass a fixed time for byte-stable output).
    """
    with atomic_path(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                              "strings_to_numbers": False})
        book.set_properties({"title": circ.title, "subject": circ.period.label, "company": circ.office,
                             "created": created or dt.datetime.now()})
        w = _Writer(book)
        for name, part in PARTS.items():
            part(w, w.sheet(name), circ)
        w.finish()
        book.close()
    return Path(path)
