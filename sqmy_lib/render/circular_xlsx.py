"""The quarterly circular (季度通报) as an Excel workbook: figures, tables and native charts.

One sheet per part of the circular (domain.md §6), in the order staff read it::

    概况  各单位情况  个人完成情况  采用明细  批示件跟踪  未完成任务名单  零报送单位

Every table goes through :meth:`~sqmy_lib.render.xlsx_tables.TableWriter.table` with its
:mod:`~sqmy_lib.render.spec` (shared with the Word and HTML outputs): Chinese headers, each kind's
number format, the same rounding, widths and the "无" row for an empty table.
Text from a ledger is always written as a string, never as a formula; the workbook is
written to a temporary file and renamed into place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell

from .. import zh
from ..compute.circular import QuarterlyCircular
from ..compute.instructions import NO_REPORT
from . import spec as specs
from .xlsx_tables import TableWriter, open_workbook


# --- sheets ---------------------------------------------------------------------------------------

def _figures(circ: QuarterlyCircular) -> list[specs.Figure]:
    s = circ.summary
    return specs.summary_figures(s.adopted_by_tier, s.instructions_by_level, s.to_dict())


def _summary_table(circ: QuarterlyCircular, figures: list[specs.Figure]):
    """项目 | 本季度 | 年度累计 (| 上年同期): one row per figure; figures a period lacks stay blank."""
    periods = {circ.period_word: circ.summary.to_dict()}
    if circ.year_to_date != circ.period:
        periods["年度累计"] = circ.summary_ytd.to_dict()
    if circ.summary.previous:
        periods["上年同期"] = circ.summary.previous
    return specs.figure_table(figures, periods)


def _overview(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    span = 12  # title and paragraphs run across the table and the charts beside it
    notes = [f"说明：{zh.punctuate(n).rstrip('。')}。" for n in [circ.left_out, *circ.notes] if n]  # each a sentence
    row = 3 + len(notes)

    spans = [f"{circ.period_word}：{circ.period.label}"]
    if circ.year_to_date != circ.period:
        spans.append(f"年度累计：{circ.year_to_date.label}")
    if circ.summary.previous:
        spans.append(f"上年同期：{circ.period.previous_year.label}")
    ws.write_string(row, 0, zh.punctuate(f"主要指标（{'；'.join(spans)}）"), w.fmt["caption"])
    figures = _figures(circ)
    table, spec, kinds = _summary_table(circ, figures)
    # The figures as the table shows them: one with no value in any period has no row (委员参与率 with
    # no roster), and the rows below it move up; indents and the chart go by the rows written.
    by_label = {f.label: f for f in figures}
    figures = [by_label[label] for label in table["项目"]]
    placed = w.table(ws, table, spec, row + 1, row_kinds=kinds)
    for i, f in enumerate(figures):  # indent the 其中 rows' labels under their total
        if f.breakdown:
            ws.write_string(placed.first_row + i, 0, f.label, w.fmt["indent"])

    month_row = placed.last_row + 2
    ws.write_string(month_row, 0, f"分月情况（{zh.punctuate(circ.year_to_date.label)}）", w.fmt["caption"])
    monthly = circ.monthly.assign(month=circ.monthly["month"].map(lambda m: f"{m}月"))
    months = w.table(ws, monthly, specs.MONTHLY, month_row + 1)
    ws.write_string(months.bottom + 1, 0, "注：每条信息计入其本年度首次被采用的月份，各月合计等于年度累计被采用信息数。", w.fmt["note"])
    ws.freeze_panes(1, 0)

    tier_rows = [placed.first_row + i for i, f in enumerate(figures) if f.path[0] == "adopted_by_tier"]
    if tier_rows:
        chart = w.book.add_chart({"type": "column"})
        chart.add_series({
            "name": "采用（条）",
            "categories": [ws.get_name(), tier_rows[0], 0, tier_rows[-1], 0],
            "values": [ws.get_name(), tier_rows[0], 1, tier_rows[-1], 1],
            "data_labels": {"value": True},
        })
        chart.set_title({"name": f"{zh.punctuate(circ.period.label)}各层级采用情况", "name_font": {"size": 12}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        ws.insert_chart(placed.header_row, 5, chart, {"x_scale": 1.1})

    if not circ.monthly.empty:
        bars = w.book.add_chart({"type": "column"})
        bars.add_series({"name": "报送（条）", "categories": [ws.get_name(), *months.cells("month")],
                         "values": [ws.get_name(), *months.cells("submitted")], "data_labels": {"value": True}})
        line = w.book.add_chart({"type": "line"})
        line.add_series({"name": "采用（条）", "categories": [ws.get_name(), *months.cells("month")],
                         "values": [ws.get_name(), *months.cells("adopted")], "marker": {"type": "circle"},
                         "data_labels": {"value": True, "position": "above"}})
        bars.combine(line)
        bars.set_title({"name": f"{zh.punctuate(circ.year_to_date.label)}分月报送与采用", "name_font": {"size": 12}})
        bars.set_legend({"position": "bottom"})
        bars.set_y_axis({"min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        ws.insert_chart(placed.header_row + 16, 5, bars, {"x_scale": 1.1})

    # Title, paragraph and notes last, now the column widths they span are known.
    w.title(ws, 0, circ.title, span)
    for r, (text, fmt, size) in enumerate([(circ.statistics_text, "paragraph", 19)] + [(n, "note", 15) for n in notes], 1):
        w.paragraph(ws, r, text, span, fmt, size)


def _units(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    from .circular_text import rank_ties, units_table_spec

    table = circ.units_by_period()
    spec = units_table_spec(circ)
    placed = w.table(ws, table, spec, freeze=1, autofilter=True)
    if table.empty:
        return
    if ties := rank_ties(circ):  # 排名 1 and 1: said under the table, as in the Word attachment
        ws.write_string(placed.last_row + 1, 0, f"注：{ties}。", w.fmt["note"])
    chart = w.book.add_chart({"type": "bar"})
    chart.add_series({
        "name": f"{circ.ytd_word}积分",
        "categories": [ws.get_name(), *placed.cells(("", "unit"))],
        "values": [ws.get_name(), *placed.cells(("年度累计", "points"))],
        "data_labels": {"value": True},
    })
    chart.set_title({"name": f"各{circ.unit_word}{zh.punctuate(circ.year_to_date.label)}积分", "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    # A bar chart draws its first category at the bottom: reverse the category axis so the first
    # unit is on top, and keep the value axis where it belongs (at the bottom, not mirrored).
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"min": 0, "crossing": "max"})
    chart.set_size({"width": 720, "height": 120 + 24 * len(table)})
    ws.insert_chart(placed.last_row + 3, 0, chart)


PERSON_KEYS = ("name", "role", "unit", "appointed_on", "ended_on", "note")  # who, and notes: no period over them


def people_sheet_spec(circ: QuarterlyCircular) -> specs.TableSpec:
    """The 个人完成情况 sheet's columns: its figures are the year to date's (``people_ytd``), headed
    as the 各单位情况 sheet heads them (年度累计, or 全年), so the sheet is not read as the quarter's."""
    ytd = "全年" if circ.whole_year else "年度累计"
    plain = specs.people(circ.summary.adopted_by_tier)
    return replace(plain, columns=tuple(c if c.key in PERSON_KEYS else replace(c, group=ytd) for c in plain))


def _people(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    w.table(ws, circ.people_ytd, people_sheet_spec(circ), freeze=1, autofilter=True)


def _adoptions(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    w.table(ws, circ.adoptions, specs.ADOPTIONS, freeze=0, autofilter=True)


def instructions_sheet_spec(circ: QuarterlyCircular) -> specs.TableSpec:
    """The 批示件跟踪 sheet's columns: 办理状态 and 已办天数 say the day they are counted to, as the
    Word attachment's header does (``已办天数（截至9月30日）``)."""
    day = f"（截至{zh.month_day(circ.as_of_day)}）"
    return specs.INSTRUCTIONS.relabel(status=f"办理状态{day}", days_open=f"已办天数{day}")


def _instructions(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    table = circ.instructions
    spec = instructions_sheet_spec(circ).present(table)
    placed = w.table(ws, table, spec, freeze=0, autofilter=True)
    if table.empty:
        return
    first = xl_rowcol_to_cell(placed.first_row, 0)
    last = xl_rowcol_to_cell(placed.last_row, len(spec) - 1)
    status = "$" + zh.column_letter(placed.columns["status"]) + str(placed.first_row + 1)
    days = "$" + zh.column_letter(placed.columns["days_open"]) + str(placed.first_row + 1)
    ws.conditional_format(f"{first}:{last}", {
        "type": "formula",
        "criteria": f'=OR({status}="{NO_REPORT}",AND(ISNUMBER({days}),{days}>{circ.overdue_days}))',
        "format": w.book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"}),
    })
    ws.write_string(placed.last_row + 2, 0, f"注：{NO_REPORT}或已办超过{circ.overdue_days}天的批示件标红。", w.fmt["note"])


def _behind(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    goal = "年度任务" if circ.whole_year else f"{circ.ytd_word}任务进度"
    unit_spec = specs.BEHIND_UNITS.relabel(unit=circ.unit_word)
    ws.write_string(0, 0, f"未完成{goal}的{circ.unit_word}", w.fmt["caption"])
    w.table(ws, circ.behind_units, unit_spec, 1, freeze=0)
    if not circ.people_section:
        return
    right = len(unit_spec.present(circ.behind_units)) + 1
    ws.write_string(0, right, f"未完成{goal}的个人", w.fmt["caption"])
    w.table(ws, circ.behind_people, specs.BEHIND_PEOPLE, 1, right)
    w.widen(ws, right - 1, 3)


def _zero(w: TableWriter, ws, circ: QuarterlyCircular) -> None:
    w.table(ws, circ.zero_units, specs.ZERO_UNITS.relabel(unit=circ.unit_word), freeze=0)


# The roll-up's further sheets (RollupCircular.appendix) and their columns.
APPENDIX_SPECS = {"缺报情况": specs.MISSING, "跨级重复（已合并）": specs.FORWARDED, "疑似重复（未合并）": specs.UNCERTAIN}

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


def analyst_sheets(circ: QuarterlyCircular) -> dict:
    """Every table of the circular as ``QuarterlyCircular.to_excel`` writes it (sheet name → table):
    values as values, the columns and Chinese headers of this workbook's tables (``spec``)."""
    from .circular_text import units_table_spec

    people = specs.people(circ.summary.adopted_by_tier)
    tables = {
        "各单位": (circ.units_by_period(), units_table_spec(circ)), "个人": (circ.people, people),
        "个人(年度累计)": (circ.people_ytd, people), "采用明细": (circ.adoptions, specs.ADOPTIONS),
        "批示跟踪": (circ.instructions, instructions_sheet_spec(circ)),
        "未完成任务的单位": (circ.behind_units, specs.BEHIND_UNITS.relabel(unit=circ.unit_word)),
        "未完成任务的个人": (circ.behind_people, specs.BEHIND_PEOPLE),
        "本期零报送单位": (circ.zero_units, specs.ZERO_UNITS.relabel(unit=circ.unit_word)),
        "逐月": (circ.monthly, specs.MONTHLY),
        **{name: (table, APPENDIX_SPECS[name]) for name, table in circ.appendix().items()},
    }
    return {"概况": circ.summary.to_frame(), "年度累计概况": circ.summary_ytd.to_frame(),
            **{name: spec.labelled(table) for name, (table, spec) in tables.items()}}


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
            w.table(w.sheet(name), table, APPENDIX_SPECS[name], freeze=1, autofilter=True)
    return Path(path)
