"""Blank Excel templates staff fill in: the 台账 (ledger) workbook and the 名册 (roster) workbook.

The templates carry the header layout the reader expects (domain.md §3), dropdowns
for values the rules know (类别, 身份, 单位类型) and date validation, so that what
staff type is already in the shape the library reads.

All dropdown lists live in a hidden sheet ``列表`` and are referenced by range:
Excel limits an inline list to 255 characters, which a county's unit list exceeds.

Given a roster (``sqmy template --roster 名册.xlsx``), the roster template is that roster in the
template's shape: every row and every column it has, the columns the template does not know (联系
电话, 职务) after the template's own, so nothing staff keep in it is lost by moving to the template.

Output is deterministic (fixed creation date; xlsxwriter fixes the zip timestamps),
so regenerating the committed copies under ``workbooks/templates/`` does not churn git::

    python -m sqmy_lib.render.template workbooks/templates
"""
from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_range_abs

from ..iorw import atomic_path
from ..rules import Rules, load_rules

# ---------------------------------------------------------------------------
# Labels, defined once. Staff-facing text is Chinese; identifiers are English.
# ---------------------------------------------------------------------------

LEDGER_FILE = "社情民意信息台账模板.xlsx"
ROSTER_FILE = "名册模板.xlsx"

LEDGER_SHEET = "报送采用台账"
ADOPTION_SHEET = "采用台账"
HELP_SHEET = "填表说明"
PEOPLE_SHEET = "人员"
UNITS_SHEET = "单位"
LIST_SHEET = "列表"

LEDGER_TITLE = "____年度社情民意信息报送采用登记表"
LEDGER_SUBTITLE = "填报单位:                              填表日期:"
ADOPTION_TITLE = "____年度社情民意信息采用登记表"
PEOPLE_TITLE = "社情民意信息工作人员名册"
UNITS_TITLE = "社情民意信息报送单位名册"

ADOPTION_GROUP = "采用情况"
INSTRUCTION_GROUP = "领导批示"

DATA_ROWS = 1000  # rows below the header that carry validation
UNIT_SLOTS = 500  # empty cells in 列表 for staff to type their units into, when none are given
DATE_MIN = datetime.date(2000, 1, 1)
DATE_MAX = datetime.date(2099, 12, 31)
FIXED_CREATED = datetime.datetime(2026, 1, 1)  # fixed so regenerated files are byte-identical


@dataclass(frozen=True)
class Column:
    """One template column.

    ``kind`` decides format and validation: text, code (kept as text so 2026-001
    is not turned into a date), title/long (wrapped), date, category, role, unit,
    tier, unit_type. ``group`` is the merged group header above it, if any.
    ``prompt`` is the input message Excel shows when the cell is selected.
    """

    label: str
    width: float
    kind: str = "text"
    group: str | None = None
    prompt: str | None = None


_DATE_PROMPT = "请输入日期,如 2026-03-05(不要写成文字)"
_TIER_PROMPT = "已采用填 √,也可填期号(如 第12期)或采用日期;未采用留空"

LEDGER_COLUMNS: list[Column] = [
    Column("序号", 6),
    Column("编号", 12, "code", prompt="本单位收稿编号,如 2026-001;采用台账按编号与本表对应"),
    Column("收稿日期", 12, "date"),
    Column("信息标题", 40, "title", prompt="填写信息完整标题,一行登记一条信息"),
    Column("作者", 14, prompt="多位作者用“、”分隔;以单位名义报送填单位名称"),
    Column("身份", 10, "role", prompt="从下拉列表选择;以单位名义报送的留空"),
    Column("单位", 18, "unit", prompt="作者所在单位或报送单位,从下拉列表选择"),
    Column("类别", 8, "category", prompt="从下拉列表选择"),
    Column("县政协编发", 10, "tier", ADOPTION_GROUP, _TIER_PROMPT),
    Column("市政协", 10, "tier", ADOPTION_GROUP, _TIER_PROMPT),
    Column("省政协", 10, "tier", ADOPTION_GROUP, _TIER_PROMPT),
    Column("全国政协", 10, "tier", ADOPTION_GROUP, _TIER_PROMPT),
    Column("批示领导", 14, group=INSTRUCTION_GROUP, prompt="写明职务,如 市委书记×××,以便判断批示级别"),
    Column("批示日期", 12, "date", INSTRUCTION_GROUP),
    Column("批示内容", 30, "long", INSTRUCTION_GROUP),
    Column("落实情况", 24, "long", INSTRUCTION_GROUP, "写明办理结果,如 已落实、问题已解决"),
    Column("备注", 16),
]

# The four adoption-tier columns, lowest to highest (县级 < 市级 < 省级 < 全国).
TIER_LABELS: tuple[str, ...] = tuple(c.label for c in LEDGER_COLUMNS if c.kind == "tier")

ADOPTION_COLUMNS: list[Column] = [
    Column("编号", 12, "code", prompt="与报送台账的编号一致;无编号时信息标题须与报送台账完全一致"),
    Column("信息标题", 40, "title"),
    Column("采用单位(刊物)", 24, prompt="写明单位和刊物,如 省政协《社情民意》,须能看出级别(县/市/省/全国)"),
    Column("期号", 10, "code", prompt="如 第12期"),
    Column("采用日期", 12, "date"),
    Column("批示领导", 14, prompt="写明职务,如 市委书记×××,以便判断批示级别"),
    Column("批示日期", 12, "date"),
    Column("批示内容", 30, "long"),
    Column("落实情况", 24, "long", prompt="写明办理结果,如 已落实、问题已解决"),
    Column("备注", 16),
]

PEOPLE_COLUMNS: list[Column] = [
    Column("姓名", 12),
    Column("身份", 12, "role", prompt="从下拉列表选择"),
    Column("单位", 24, "unit", prompt="从下拉列表选择;名单取自“单位”工作表"),
    Column("界别", 14, prompt="委员填所属界别"),
    Column("聘任日期", 12, "date", prompt="信息员、特邀信息员填聘书日期;任务自聘任当月起计算"),
    Column("解聘日期", 12, "date", prompt="解聘、离任或届满的日期;任务算到该日所在的月份"),
    Column("备注", 20),
]

UNIT_COLUMNS: list[Column] = [
    Column("单位名称", 30),
    Column("单位类型", 16, "unit_type", prompt="从下拉列表选择;同类型单位之间排名"),
    Column("备注", 24),
]

# Headers in the hidden 列表 sheet; deliberately not ledger header words, so a
# reader scanning every sheet does not take 列表 for a ledger.
_LIST_HEADERS = {
    "category": "类别选项",
    "role": "身份选项",
    "unit": "单位选项",
    "tier": "采用标记",
    "unit_type": "单位类型选项",
}


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


class _Lists:
    """The hidden 列表 sheet: one list per column, each referenced by an absolute range."""

    def __init__(self) -> None:
        self._columns: list[tuple[str, list[str]]] = []

    def add(self, kind: str, values: Iterable[str], slots: int = 0) -> str:
        """Register a list; return the ``=列表!$A$2:$A$n`` reference to it.

        ``slots`` reserves at least that many cells, so staff can type entries in.
        """
        values = list(values)
        col = len(self._columns)
        self._columns.append((_LIST_HEADERS[kind], values))
        last_row = max(len(values), slots, 1)  # 0-based: row 0 is the header
        return f"={quote_sheetname(LIST_SHEET)}!{xl_range_abs(1, col, last_row, col)}"

    def write(self, wb: xlsxwriter.Workbook, fmt: dict) -> None:
        ws = wb.add_worksheet(LIST_SHEET)
        for col, (header, values) in enumerate(self._columns):
            ws.write_string(0, col, header, fmt["header"])
            for row, value in enumerate(values, start=1):
                ws.write_string(row, col, value)  # write_string: a unit named "=..." stays text
            ws.set_column(col, col, 20)
        ws.hide()  # hidden, not very hidden: staff may need to unhide it to add units


def _formats(wb: xlsxwriter.Workbook) -> dict:
    base = {"font_size": 11, "valign": "vcenter"}
    return {
        "title": wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}),
        "subtitle": wb.add_format({**base, "align": "left"}),
        "header": wb.add_format(
            {**base, "bold": True, "border": 1, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        ),
        "code": wb.add_format({**base, "num_format": "@"}),
        "date": wb.add_format({**base, "num_format": "yyyy-mm-dd"}),
        "title_col": wb.add_format({**base, "text_wrap": True}),
        "help": wb.add_format({"text_wrap": True, "valign": "top"}),
    }


def _column_format(kind: str, fmt: dict):
    return {"code": fmt["code"], "date": fmt["date"], "title": fmt["title_col"], "long": fmt["title_col"]}.get(kind)


def _validation(col: Column, refs: dict[str, str]) -> dict | None:
    """The xlsxwriter data-validation options for a column, or None."""
    opts: dict
    if col.kind == "date":
        opts = {
            "validate": "date",
            "criteria": "between",
            "minimum": DATE_MIN,
            "maximum": DATE_MAX,
            "error_title": "日期有误",
            "error_message": "请输入2000-01-01至2099-12-31之间的日期,如 2026-03-05。不要写成“3月5日”等文字。",
        }
    elif col.kind in ("category", "role", "unit_type"):
        opts = {
            "validate": "list",
            "source": refs[col.kind],
            "error_title": "请从下拉列表选择",
            "error_message": "所填内容不在下拉列表中,请从列表中选择。",
        }
    elif col.kind == "unit":
        # Warning, not stop: a unit missing from the list must still be recordable;
        # the validator reports it later.
        opts = {
            "validate": "list",
            "source": refs["unit"],
            "error_type": "warning",
            "error_title": "单位不在名单中",
            "error_message": "该单位不在单位名单中。点“是”保留所填内容,点“否”重新填写。",
        }
    elif col.kind == "tier":
        # Information: √ is offered, but 第12期 or a date must still be accepted.
        opts = {
            "validate": "list",
            "source": refs["tier"],
            "error_type": "information",
            "error_title": "采用情况",
            "error_message": "可填 √、期号(如 第12期)或采用日期。点“确定”保留所填内容。",
        }
    elif col.prompt:
        opts = {"validate": "any"}  # no check, only the input message
    else:
        return None
    prompt = col.prompt or (_DATE_PROMPT if col.kind == "date" else None)
    if prompt:
        opts["input_title"] = col.label
        opts["input_message"] = prompt
    return opts


def _write_table(
    ws,
    columns: Sequence[Column],
    fmt: dict,
    refs: dict[str, str],
    title: str,
    freeze_through: str,
    subtitle: str | None = None,
) -> int:
    """Write title, optional subtitle and a one- or two-level header; set widths,
    column formats, frozen panes, print setup and validation. Returns the first data row (0-based).

    The header has two levels when any column has a ``group``: grouped columns get
    the group merged above them, the others are merged over both header rows.
    """
    last_col = len(columns) - 1
    ws.merge_range(0, 0, 0, last_col, title, fmt["title"])
    ws.set_row(0, 30)
    row = 1
    if subtitle:
        ws.merge_range(row, 0, row, last_col, subtitle, fmt["subtitle"])
        row += 1

    header = row
    two_level = any(c.group for c in columns)
    for i, col in enumerate(columns):
        ws.set_column(i, i, col.width, _column_format(col.kind, fmt))
        if not two_level:
            ws.write_string(header, i, col.label, fmt["header"])
        elif col.group:
            ws.write_string(header + 1, i, col.label, fmt["header"])
        else:
            ws.merge_range(header, i, header + 1, i, col.label, fmt["header"])
    if two_level:
        for group, first, last in _group_runs(columns):
            if first == last:
                ws.write_string(header, first, group, fmt["header"])
            else:
                ws.merge_range(header, first, header, last, group, fmt["header"])
    header_last = header + 1 if two_level else header
    first_data = header_last + 1

    # Freeze below the header and right of the identifying columns (up to 信息标题).
    ws.freeze_panes(first_data, [c.label for c in columns].index(freeze_through) + 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.repeat_rows(header, header_last)
    ws.fit_to_pages(1, 0)

    last_data = first_data + DATA_ROWS - 1
    for i, col in enumerate(columns):
        opts = _validation(col, refs)
        if opts:
            ws.data_validation(first_data, i, last_data, i, opts)
    return first_data


def _group_runs(columns: Sequence[Column]) -> list[tuple[str, int, int]]:
    """Consecutive runs of columns sharing a group: (group, first index, last index)."""
    runs: list[tuple[str, int, int]] = []
    for i, col in enumerate(columns):
        if not col.group:
            continue
        if runs and runs[-1][0] == col.group and runs[-1][2] == i - 1:
            runs[-1] = (col.group, runs[-1][1], i)
        else:
            runs.append((col.group, i, i))
    return runs


def _clean_units(units: Iterable[str] | None) -> list[str] | None:
    """Unit names stripped, blanks and duplicates dropped, order kept; None when not given."""
    if units is None:
        return None
    names = (str(u).strip() for u in units if u is not None)
    return [n for n in dict.fromkeys(names) if n]


def _help_lines(units_given: bool) -> list[str]:
    tiers = "、".join(TIER_LABELS)
    unit_line = (
        "单位下拉名单由名册生成;如需增补单位,请更新名册后重新生成本模板。"
        if units_given
        else f"单位下拉名单保存在隐藏的“{LIST_SHEET}”工作表“{_LIST_HEADERS['unit']}”列:"
        "右键任一工作表标签→“取消隐藏”,填入本地单位名称后可再隐藏。"
    )
    return [
        "填 表 说 明",
        "1. 每行登记一条信息:不要在一行内登记多条,也不要把一条信息拆成多行。",
        "2. 日期请录入为真正的日期,如 2026-03-05;不要写成“3月5日”“2026.3.5”等文字。",
        "3. 多位作者用“、”分隔,如“张三、李四”;以党派、界别或团体名义报送的,作者栏填单位名称,身份栏留空。",
        "4. 身份、单位、类别请从下拉列表选择。" + unit_line,
        f"5. “{ADOPTION_GROUP}”下的{tiers}四列:已采用填“√”,也可填期号(如“第12期”)或采用日期;未采用留空。",
        "6. 领导批示:批示领导写明职务(如“市委书记×××”),以便判断批示级别;落实情况写明办理结果(如“已落实”“问题已解决”)。",
        f"7. 采用情况也可另在“{ADOPTION_SHEET}”工作表登记,每次采用一行;编号须与“{LEDGER_SHEET}”一致,无编号时信息标题须完全一致。",
        "8. 数据区不要合并单元格,不要插入小计、合计或月份分隔行;请勿修改或删除表头。",
        "9. 标题中的“____年度”请填写年份,如 2026。",
    ]


def _new_workbook(path: Path, title: str) -> xlsxwriter.Workbook:
    from .xlsx_tables import TEXT_SAFE

    wb = xlsxwriter.Workbook(str(path), TEXT_SAFE)  # a unit named "=..." or like a URL stays text
    wb.set_properties({"title": title, "author": "sqmy_lib", "created": FIXED_CREATED})
    return wb


# ---------------------------------------------------------------------------
# The two workbooks
# ---------------------------------------------------------------------------


def _write_ledger(path: Path, rules: Rules, units: list[str] | None) -> None:
    wb = _new_workbook(path, "社情民意信息台账模板")
    fmt = _formats(wb)
    lists = _Lists()
    refs = {
        "category": lists.add("category", rules.categories),
        "role": lists.add("role", rules.roles),
        "unit": lists.add("unit", units or [], slots=0 if units else UNIT_SLOTS),
        "tier": lists.add("tier", ["√"]),
    }

    ledger = wb.add_worksheet(LEDGER_SHEET)
    _write_table(ledger, LEDGER_COLUMNS, fmt, refs, LEDGER_TITLE, "信息标题", subtitle=LEDGER_SUBTITLE)
    adoption = wb.add_worksheet(ADOPTION_SHEET)
    _write_table(adoption, ADOPTION_COLUMNS, fmt, refs, ADOPTION_TITLE, "信息标题")

    help_ws = wb.add_worksheet(HELP_SHEET)
    help_ws.set_column(0, 0, 100, fmt["help"])
    for row, line in enumerate(_help_lines(units_given=bool(units))):
        help_ws.write_string(row, 0, line, fmt["title"] if row == 0 else fmt["help"])

    lists.write(wb, fmt)
    ledger.activate()
    wb.close()


def _write_roster(path: Path, rules: Rules, units: list[str] | None, given: "RosterCopy | None" = None) -> None:
    wb = _new_workbook(path, "社情民意信息名册模板")
    fmt = _formats(wb)
    lists = _Lists()
    refs = {"role": lists.add("role", rules.roles), "unit_type": lists.add("unit_type", rules.unit_types)}

    people_columns = PEOPLE_COLUMNS + [_extra_column(label, given.people) for label in given.people_extra] if given else PEOPLE_COLUMNS
    unit_columns = UNIT_COLUMNS + [_extra_column(label, given.units) for label in given.units_extra] if given else UNIT_COLUMNS
    people = wb.add_worksheet(PEOPLE_SHEET)
    unit_ws = wb.add_worksheet(UNITS_SHEET)
    first = _write_table(unit_ws, unit_columns, fmt, refs, UNITS_TITLE, "单位名称")
    unit_rows = given.units if given else [{"单位名称": name} for name in units or []]
    _write_rows(unit_ws, first, unit_columns, unit_rows, fmt)
    # 人员.单位 draws on the 单位 sheet itself, so a unit added there is offered at once.
    unit_range = xl_range_abs(first, 0, first + max(DATA_ROWS, len(unit_rows)) - 1, 0)
    refs["unit"] = f"={quote_sheetname(UNITS_SHEET)}!{unit_range}"
    first = _write_table(people, people_columns, fmt, refs, PEOPLE_TITLE, "姓名")
    _write_rows(people, first, people_columns, given.people if given else [], fmt)

    lists.write(wb, fmt)
    people.activate()
    wb.close()


def _write_rows(ws, first: int, columns: Sequence[Column], rows: list[dict], fmt: dict) -> None:
    """The roster's rows under the header: dates as dates, everything else as text (never a formula)."""
    for r, values in enumerate(rows, start=first):
        for c, col in enumerate(columns):
            value = values.get(col.label)
            if value is None or value == "":
                continue
            if isinstance(value, datetime.date):
                ws.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), fmt["date"])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, str(value))


def _extra_column(label: str, rows: list[dict]) -> Column:
    """A column of the given roster the template does not have, as wide as its contents."""
    from ..read.values import cell_text
    from .xlsx_tables import text_width

    longest = max([text_width(label), *(text_width(cell_text(row.get(label))) for row in rows)])
    return Column(label, min(max(longest + 2, 10), 40), "long" if longest > 40 else "text")


# ---------------------------------------------------------------------------
# A roster staff already keep, in the template's shape
# ---------------------------------------------------------------------------

# The template column each roster field goes to (the reader's own field names).
_PEOPLE_FIELDS = {"name": "姓名", "role": "身份", "unit": "单位", "sector": "界别", "appointed_on": "聘任日期", "note": "备注"}
_UNIT_FIELDS = {"unit_name": "单位名称", "unit_type": "单位类型", "note": "备注"}
_END_LABEL = "解聘日期"


@dataclass
class RosterCopy:
    """The rows of a roster workbook by template column label, plus the labels of its other columns."""

    people: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    people_extra: list[str] = field(default_factory=list)
    units_extra: list[str] = field(default_factory=list)

    @property
    def unit_names(self) -> list[str]:
        return [row["单位名称"] for row in self.units if row.get("单位名称")]


def roster_copy(path: str | os.PathLike, rules: Rules | None = None) -> RosterCopy:
    """Every row and column of the roster workbook at ``path`` (read as the reader reads a roster:
    same header words, same sheets), keyed by the template's labels; columns the template has no
    place for keep their own header. Dates the reader understands come out as dates; anything else
    exactly as written. Raises ``read.safety.UnreadableFile`` when the workbook cannot be opened."""
    from ..read.headers import HeaderWords, find_layout, norm_label
    from ..read.roster import END_LABELS, roster_from_sheets
    from ..read.values import cell_text, parse_date
    from ..read.workbook import open_workbook

    rules = rules or load_rules()
    words = HeaderWords(rules.data.get("headers"), rules.place)
    copy = RosterCopy()
    for grid in open_workbook(path).sheets:
        layout = find_layout(grid.rows, grid.merges, words, grid.name, roster=True)
        if layout is None or layout.kind not in ("people", "units"):
            continue
        people = layout.kind == "people"
        header = grid.rows[layout.header_top]
        by_col = {c: label for f, label in (_PEOPLE_FIELDS if people else _UNIT_FIELDS).items()
                  if (c := layout.fields.get(f)) is not None}
        extra = copy.people_extra if people else copy.units_extra
        for c, value in enumerate(header):
            label = cell_text(value)
            if c in by_col or not label:
                continue
            if people and norm_label(label) in END_LABELS and _END_LABEL not in by_col.values():
                by_col[c] = _END_LABEL
            else:
                by_col[c] = label
                if label not in extra:
                    extra.append(label)
        # The reader's own reading of the sheet decides which rows are people or units, and a
        # person's role when only the sheet's name says it (委员名册).
        read = roster_from_sheets([(str(path), grid, layout)], rules)
        records = read.people if people else read.units
        roles = dict(zip(records["row"], records["role"])) if people else {}
        for row_no in dict.fromkeys(records["row"]):
            cells = grid.rows[row_no - 1]
            values = {label: cells[c] for c, label in by_col.items() if c < len(cells) and cells[c] not in ("", None)}
            for label in ("聘任日期", _END_LABEL):
                if isinstance(values.get(label), str) and parse_date(values[label]).date is not None:
                    values[label] = parse_date(values[label]).date  # 2021.3.5 typed as text: a date now
                elif isinstance(values.get(label), datetime.datetime):
                    values[label] = values[label].date()
            if people and "身份" not in values and roles.get(row_no):
                values["身份"] = roles[row_no]
            (copy.people if people else copy.units).append(values)
    return copy


def write_ledger_template(target: str | os.PathLike, rules: Rules | None = None,
                          units: Iterable[str] | None = None) -> Path:
    """Write the blank 台账 template to ``target`` (atomically); see ``write_templates``."""
    with atomic_path(target) as tmp:
        _write_ledger(tmp, rules or load_rules(), _clean_units(units))
    return Path(target)


def write_roster_template(target: str | os.PathLike, rules: Rules | None = None,
                          units: Iterable[str] | None = None, roster: RosterCopy | None = None) -> Path:
    """Write the 名册 template to ``target`` (atomically): blank, with ``units`` listed, or holding
    ``roster`` (see ``roster_copy``)."""
    with atomic_path(target) as tmp:
        _write_roster(tmp, rules or load_rules(), _clean_units(units), roster)
    return Path(target)


def write_templates(
    out_dir: str | Path,
    rules: Rules | None = None,
    units: Iterable[str] | None = None,
    roster: RosterCopy | None = None,
) -> list[Path]:
    """Write the 台账 and 名册 templates into ``out_dir``; return their paths.

    ``rules`` supplies the 类别, 身份 and 单位类型 dropdowns (default: the shipped
    rules). ``units``, when given, fills the 单位 dropdown of the ledger and the
    unit list of the roster; otherwise staff type their units into the hidden
    ``列表`` sheet (ledger) or the ``单位`` sheet (roster). ``roster`` (``roster_copy``
    of a roster workbook) fills the roster template with that roster's rows and
    columns, and the ledger's 单位 dropdown with its units.
    """
    rules = rules or load_rules()
    if roster is not None and units is None:
        units = roster.unit_names
    out_dir = Path(out_dir)
    return [write_ledger_template(out_dir / LEDGER_FILE, rules, units),
            write_roster_template(out_dir / ROSTER_FILE, rules, units, roster)]


if __name__ == "__main__":
    for p in write_templates(sys.argv[1] if len(sys.argv) > 1 else "workbooks/templates"):
        print(p)
