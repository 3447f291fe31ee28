"""The quarterly circular (季度通报) as an Excel workbook: figures, tables and native charts.

One sheet per part of the circular (domain.md §6), in the order staff read it::

    概况  各单位情况  个人完成情况  采用明细  批示件跟踪  未完成任务名单  零报送单位

Every table goes through :meth:`~sqmy_lib.render.xlsx_tables.TableWriter.table` (shared
with the commendation workbook), which writes a DataFrame (one- or two-level columns) with
Chinese headers, per-column number formats, widths and the "无" row for an empty table.
Text from a ledger is always written as a string, never as a formula; the workbook is
written to a temporary file and renamed into place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from ..compute.circular import QuarterlyCircular
from ..compute.instructions import NO_REPORT
from .tables import zh_header
from .xlsx_tables import TableWriter, open_workbook, pick_columns



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
    periods = {circ.period_word: circ.summary.to_dict(), "年度累计": circ.summary_ytd.to_dict()}
    if circ.summary.previous:
        periods["上年同期"] = circ.summary.previous
    return pd.DataFrame({"项目": [f.label for f in figures],
                         **{name: pd.Series([f.of(d) for f in figures], dtype=object) for name, d in periods.items()}})


def _overview(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    span = 12  # title and paragraphs run across the table and the charts beside it
    notes = [f"说明:{n}" for n in [circ.left_out, *circ.notes] if n]
    row = 3 + len(notes)

    previous = f";上年同期:{circ.period.previous_year.label}" if circ.summary.previous else ""
    ws.write_string(row, 0, f"主要指标({circ.period_word}:{circ.period.label};年度累计:{circ.year_to_date.label}{previous})",
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
    w.title(ws, 0, circ.title, span)
    for r, (text, fmt, size) in enumerate([(circ.statistics_text, "paragraph", 19)] + [(n, "note", 15) for n in notes], 1):
        w.paragraph(ws, r, text, span, fmt, size)


def _units(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    table = circ.units_by_period()
    placed = w.table(ws, table, labels={"unit": circ.unit_word}, freeze=1, autofilter=True)
    if table.empty:
        return
    chart = w.book.add_chart({"type": "bar"})
    chart.add_series({
        "name": "年度累计积分",
        "categories": [ws.get_name(), *placed.cells(("", "unit"))],
        "values": [ws.get_name(), *placed.cells(("年度累计", "points"))],
        "data_labels": {"value": True},
    })
    chart.set_title({"name": f"各{circ.unit_word}{circ.year_to_date.label}积分", "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_x_axis({"reverse": True})  # a bar chart's category axis is x: first unit on top
    chart.set_y_axis({"min": 0})
    chart.set_size({"width": 720, "height": 120 + 24 * len(table)})
    ws.insert_chart(placed.last_row + 2, 0, chart)


def _tier_columns(circ: QuarterlyCircular, df: pd.DataFrame) -> list[str]:
    return [f"adopted_{t}" for t in circ.summary.adopted_by_tier if f"adopted_{t}" in df.columns]


def _people(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    df = circ.people_ytd
    wanted = ["name", "role", "unit", "appointed_on", "submitted", "adopted", *_tier_columns(circ, df),
              "instructed", "quota", "completion", "reward"]
    w.table(ws, pick_columns(df, wanted), freeze=1, autofilter=True)


def _adoptions(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    wanted = ["item_no", "title", "authors", "unit", "tier", "body", "issue_no", "date"]
    w.table(ws, pick_columns(circ.adoptions, wanted), freeze=0, autofilter=True)


def _instructions(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    wanted = ["item_no", "title", "authors", "unit", "leader", "level", "date", "text", "follow_up", "status", "days_open"]
    table = pick_columns(circ.instructions, wanted)
    placed = w.table(ws, table, labels={"date": "批示日期"}, freeze=0, autofilter=True)
    if table.empty:
        return
    first = xl_rowcol_to_cell(placed.first_row, 0)
    last = xl_rowcol_to_cell(placed.last_row, len(table.columns) - 1)
    status = "$" + xl_col_to_name(placed.columns["status"]) + str(placed.first_row + 1)
    days = "$" + xl_col_to_name(placed.columns["days_open"]) + str(placed.first_row + 1)
    ws.conditional_format(f"{first}:{last}", {
        "type": "formula",
        "criteria": f'=OR({status}="{NO_REPORT}",AND(ISNUMBER({days}),{days}>{circ.overdue_days}))',
        "format": w.book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
    })
    ws.write_string(placed.last_row + 2, 0, f"注:{NO_REPORT}或已办超过{circ.overdue_days}天的批示件标红。", w.fmt["note"])


def _behind(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    units = pick_columns(circ.behind_units, ["unit", "peer_group", "submitted", "quota", "completion", "adopted_quota",
                                             "adopted_completion", "shortfall"])
    ytd = circ.year_to_date.label
    ws.write_string(0, 0, f"未完成{ytd}任务的{circ.unit_word}", w.fmt["caption"])
    w.table(ws, units, 1, freeze=0, labels={"unit": circ.unit_word})
    if not circ.people_section:
        return
    people = pick_columns(circ.behind_people, ["name", "role", "unit", "submitted", "quota", "completion", "shortfall"])
    right = len(units.columns) + 1
    ws.write_string(0, right, f"未完成{ytd}任务的个人", w.fmt["caption"])
    w.table(ws, people, 1, right)
    w.widen(ws, right - 1, 3)


def _zero(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    w.table(ws, pick_columns(circ.zero_units, ["unit", "peer_group"]), freeze=0, labels={"unit": circ.unit_word})


# The sheets in the order staff read them, and what writes each.
PARTS = {"概况": _overview, "各单位情况": _units, "个人完成情况": _people, "采用明细": _adoptions,
         "批示件跟踪": _instructions, "未完成任务名单": _behind, "零报送单位": _zero}
SHEETS = list(PARTS)


def sheet_names(circ: QuarterlyCircular) -> dict[str, str]:
    """PARTS key → the sheet's name in this circular: 单位 becomes the circular's unit word
    (各地区情况 in a roll-up), and 个人完成情况 is left out when the circular has no people."""
    names = {key: key.replace("单位", circ.unit_word) for key in PARTS}
    if not circ.people_section:
        del names["个人完成情况"]
    return names


def write_circular_xlsx(circ: QuarterlyCircular, path: str | Path, created: dt.datetime | None = None) -> Path:
    """Write the quarterly circular to ``path`` (.xlsx) atomically and return the path.

    ``created`` is the document's creation time in its properties (now by default;
    pass a fixed time for byte-stable output).
    """
    properties = {"title": circ.title, "subject": circ.period.label, "company": circ.office,
                  "created": created or dt.datetime.now()}
    with open_workbook(path, properties) as w:
        for key, name in sheet_names(circ).items():
            PARTS[key](w, w.sheet(name), circ)
        for name, table in circ.appendix().items():
            w.table(w.sheet(name), table, freeze=1, autofilter=True)
    return Path(path)
