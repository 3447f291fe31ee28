"""名册: people (姓名, 身份, 单位, 界别, 聘任日期, 解聘/离任日期) and units (单位名称, 单位类型).

A roster is read from its own workbook or from roster sheets found among the
ledgers; sheets are recognised by their headers like ledger sheets are.

People come out one row per (person, role): a 委员 who is also a 特邀信息员 holds both
roles, each with its own quota. A 身份 cell may name both (``委员、特邀信息员``), or the
person may appear on two sheets (委员名册, 特邀信息员名册). The 工作人员 (staff of the
office) are people too, with that role: the 先进工作者 are chosen among them.

Every quota runs from the start date to the end date (聘任/解聘, 任职/离任, 届满; domain.md §8;
informants come and go, as L358 says of 政务信息员 by analogy): ``appointed_on`` and ``ended_on``
(the last day in post). A date
that cannot be read is kept as text in ``date_problem`` and said wherever the person's
quota is shown, never silently taken as "no date".
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..records import PEOPLE_COLUMNS, SCHEMAS, UNIT_COLUMNS, Roster, typed
from ..rules import Rules
from ..zh import column_letter as col_letter
from .authors import GENDER_WORDS, name_key
from .headers import Layout, norm_label
from .vocabulary import FIELD_LABELS
from .sheet import ditto_finding, fill_merged_down, repeat_above
from .values import cell_text, from_1904, norm, norm_spaces, parse_date
from .workbook import SheetGrid

# The end of a person's time in post. (These belong beside ROSTER_LABELS in headers.py; they are
# looked for here, in the header row the layout found, until the reader rewrite carries them.)
END_LABELS = frozenset(norm_label(x) for x in (
    "解聘日期", "解聘时间", "解聘", "离任日期", "离任时间", "离任", "届满日期", "届满时间", "任期届满", "届满",
    "聘期结束", "聘期截止", "任职截止", "免职日期", "卸任日期", "退出日期",
))
_ROLE_SEPARATORS = re.compile(r"[、,，/／;；\s]+")
NOTE_LABELS = frozenset(norm_label(x) for x in ("备注", "说明", "备考", "变动情况", "任职变动"))
# A 备注 that says the person left (2025年6月离任, 已调离): said, since only the 离任 column is read.
_LEAVING = re.compile(r"离任|离职|解聘|调离|调出|调走|辞去|辞职|退出|去世|病故|逝世|届满|免去|不再担任|退休")
SEQ_LABELS = frozenset(norm_label(x) for x in FIELD_LABELS["seq"])
DATE_LABELS = {"appointed_on": "聘任日期", "ended_on": "离任(解聘)日期"}


def _rows(grid: SheetGrid, layout: Layout, findings: list[dict], file: str):
    """(Excel row, the row's field getter) for each row below the header with anything in it: cells
    merged down filled, a ditto mark (同上 under 单位) the cell above's (said once for the sheet)."""
    fill_merged_down(grid.rows, grid.merges, layout.header_bottom + 1)
    numbers = [r for r in range(layout.header_bottom + 1, len(grid.rows)) if any(v not in ("", None) for v in grid.rows[r])]
    data = [grid.rows[r] for r in numbers]
    repeated, empty = repeat_above(data, {layout.fields.get("name"), layout.fields.get("unit_name")})
    where = dict(file=file, sheet=grid.name, src=None)
    if repeated:
        findings.append(dict(code="cell.ditto", **ditto_finding([(numbers[k] + 1, c) for k, c in repeated]), **where))
    findings += [dict(code="cell.ditto_empty", row=numbers[k] + 1, column=col_letter(c), value=mark, detail="", **where)
                 for k, c, mark in empty]
    for r, row in zip(numbers, data):

        def get(fld: str, row=row):
            c = layout.fields.get(fld)
            return row[c] if c is not None and c < len(row) else ""

        yield r + 1, get, row


_NAME_SEPARATORS = re.compile(r"[、,，;；/\n]+")
_GENDER_TAG = re.compile(rf"\s*[(（]\s*[{''.join(sorted(GENDER_WORDS))}]\s*[)）]\s*$")  # the ledger's gender words


def _names_in_cell(text: str) -> list[str]:
    """The people a roster's 姓名 cell names, as matched (阿依古丽•买买提 is 阿依古丽·买买提): one, or
    several written with separators (李四、赵敏); a gender after a name (王芳（女）) is not part of it."""
    return [key for part in _NAME_SEPARATORS.split(text) if (key := name_key(_GENDER_TAG.sub("", part)))]


def _role_from_names(sheet: str, file: str, rules: Rules) -> str:
    """A roster without a 身份 column often says who is on it in its sheet or file name (委员名册)."""
    text = f"{sheet} {Path(file).stem}"
    for alias in sorted(rules.role_aliases, key=len, reverse=True):  # 特邀信息员 before 信息员
        if alias in text:
            return rules.role_of(alias) or ""
    return ""


def _end_column(grid: SheetGrid, layout: Layout, labels=END_LABELS) -> int | None:
    """The column of the 解聘/离任/届满 date (or of ``labels``) in the header row, if the sheet has one."""
    header = grid.rows[layout.header_top] if layout.header_top < len(grid.rows) else []
    taken = set(layout.fields.values())
    return next((c for c, v in enumerate(header) if c not in taken and norm_label(v) in labels), None)


def _same_names(people: list[dict]) -> list[dict]:
    """One 姓名 written for two people (the 界别 or 单位 differ): each is named with what tells them
    apart (陈静(教育界), 陈静(农业界)), so their items, quotas and rewards stay apart, and a ledger's
    陈静 goes to the one its item's 单位 or 界别 names (read.attribute). When neither column tells
    them apart, they are counted as one. Said at each later row."""
    by_name: dict[str, list[dict]] = {}
    for p in people:
        by_name.setdefault(p["name"], []).append(p)
    out: list[dict] = []
    for name, rows in by_name.items():
        rows, one_person = _transfers(rows, out)
        if one_person:
            continue
        first = rows[0]
        later = [p for p in rows[1:] if not (p["row"] == first["row"] and p["sheet"] == first["sheet"])
                 and any(p[k] and first[k] and p[k] != first[k] for k in ("sector", "unit"))]
        if not later:
            continue
        field = next((k for k in ("sector", "unit") if all(p[k] for p in rows)
                      and len({p[k] for p in rows}) == len({(p["sector"], p["unit"]) for p in rows})), None)
        for p in rows if field else ():
            p["name"] = f"{name}({p[field]})"
        where = f"{first['sheet']}!第{first['row']}行"
        for p in later:
            out.append(dict(code="roster.same_name" if field else "roster.same_name_merged", src=None, file=p["file"],
                            sheet=p["sheet"], row=p["row"], column="", value=name,
                            detail=f"{where if first['sheet'] != p['sheet'] else where.split('!')[1]}"
                                   + (f",已区分为“{first['name']}”与“{p['name']}”" if field else "")))
    return out


TRANSFER_DAYS = 31  # a row starting within this many days after another's end: one person who moved


def _transfers(rows: list[dict], out: list[dict]) -> tuple[list[dict], bool]:
    """Rows of one 姓名 that follow one another in time (郑七 城关镇 to 30 April, 河口镇 from 1 May) as
    (the rows of one person who moved unit or 界别, True): a row of the same role as the one before it
    is folded into it (in post from the earlier start, in the later unit); each move is said at its
    later row (``roster.transfer``). Anything else — rows in post at the same time, or far apart —
    comes back as it is, (rows, False), to be told apart by 界别 or 单位."""
    ordered = sorted(rows, key=lambda p: (p["appointed_on"] is None, p["appointed_on"] or dt.date.min))
    pairs = list(zip(ordered, ordered[1:]))
    if not pairs or not all(a["ended_on"] and b["appointed_on"] and 0 < (b["appointed_on"] - a["ended_on"]).days <= TRANSFER_DAYS
                            for a, b in pairs):
        return rows, False
    moves = [(a, b) for a, b in pairs if (a["unit"], a["sector"]) != (b["unit"], b["sector"])]
    if not moves:
        return rows, False
    for a, b in moves:
        out.append(dict(code="roster.transfer", src=None, file=b["file"], sheet=b["sheet"], row=b["row"], column="",
                        value=b["name"], detail=f"{a['unit'] or a['sector']}(至{a['ended_on']:%Y-%m-%d})"
                                                f"调至{b['unit'] or b['sector']}(自{b['appointed_on']:%Y-%m-%d})"))
    kept = [ordered[0]]
    for p in ordered[1:]:
        if p["role"] == kept[-1]["role"]:
            p["appointed_on"] = kept[-1]["appointed_on"]
            kept[-1]["folded"] = True  # left out of the people table (roster_from_sheets)
            kept[-1] = p
        else:
            kept.append(p)
    return kept, True


def _unread_columns(file: str, grid: SheetGrid, layout: Layout, read: set) -> list[dict]:
    """One finding per roster column that is not read (性别, 民族, 工作单位及职务 …), with how many
    of its cells were not read, so nothing in the roster is passed over in silence."""
    header = grid.rows[layout.header_top] if layout.header_top < len(grid.rows) else []
    taken = set(layout.fields.values()) | {c for c in read if c is not None}
    out = []
    for c, label in enumerate(header):
        text = norm_spaces(cell_text(label))
        if c in taken or not text or norm_label(text) in SEQ_LABELS:  # 序号: the row's number, nothing to read
            continue
        filled = sum(1 for row in grid.rows[layout.header_bottom + 1:] if c < len(row) and cell_text(row[c]).strip())
        if filled:
            out.append(dict(code="roster.column_unread", src=None, file=file, sheet=grid.name, row=layout.header_top + 1,
                            column=col_letter(c), value=text, detail=str(filled)))
    return out


def _roles(text: str, default: str, rules: Rules) -> tuple[list[str], str]:
    """The canonical roles a 身份 cell names (``委员、特邀信息员`` is two), and the finding to make
    of it: ``roster.role_read_as`` for a longer name of a known role (社情民意信息员 → 信息员),
    ``roster.role_unknown`` for a 身份 the rules do not know (kept as written, so the person is
    still listed, with no quota)."""
    text = norm(text)
    if not text:
        return [default], ""
    whole = rules.role_of(text)
    if whole:
        return [whole], ""
    parts = [p for p in _ROLE_SEPARATORS.split(text) if p]
    known = [rules.role_of(p) or rules.role_ending(p) for p in parts]
    if all(known):
        said = "" if all(rules.role_of(p) for p in parts) else "roster.role_read_as"
        return list(dict.fromkeys(known)), said
    return [text], "roster.role_unknown"


def _unit_type(text: str, rules: Rules) -> tuple[str, str]:
    """The unit type (peer group) a 单位类型 cell names, and the finding to make of it: a type of
    the rules written shorter or longer (界别 for 界别组) is that type, ``roster.unit_type_read_as``;
    one matching no type, or several, stays as written, ``roster.unit_type_unknown`` (no quota, no
    peer group to be ranked in)."""
    types = rules.unit_types
    if not text or text in types:
        return text, ""
    near = [t for t in types if text in t or t in text]
    if len(near) == 1:
        return near[0], "roster.unit_type_read_as"
    return text, "roster.unit_type_unknown"


# Words around a roster date that say it starts or ends a time in post (自2025年7月起, 2025年7月聘).
_DATE_WORDS = re.compile(r"^(?:自|从|于)|(?:起|聘|聘任|受聘|开始|任职|离任|解聘|止|为止)$")


# 解聘日期 written as still in post (至今, 在任, 现任): no end.
_STILL_IN_POST = frozenset({"至今", "在任", "现任", "在职", "—至今", "未解聘", "无"})
# A month without its day (2025年6月, 2025.6): an end date is that month's last day (in post through June).
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*月?(?:份|底)?$")


def _date(value, label: str, problems: list[str], date1904: bool = False, end: bool = False):
    if value is None or value == "":
        return None
    text = _DATE_WORDS.sub("", norm(value)) if isinstance(value, str) else None
    if text is not None and end and text in _STILL_IN_POST:
        return None
    if text is not None and end and (m := _MONTH_ONLY.match(text)) and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    parsed = parse_date(text if text is not None else from_1904(value) if date1904 else value)
    if parsed.date is None:
        problems.append(f"{label}“{cell_text(value)}”无法识别")
    return parsed.date


def roster_from_sheets(grids: list[tuple[str, SheetGrid, Layout]], rules: Rules) -> Roster:
    """Build a Roster from (file, grid, layout) triples of kind ``people`` or ``units``.
    Roles are given their canonical name from the rules (特约信息员 → 特邀信息员)."""
    people: list[dict] = []
    units: list[dict] = []
    findings: list[dict] = []
    for file, grid, layout in grids:
        default_role = _role_from_names(grid.name, file, rules) if "role" not in layout.fields else ""
        end_col = _end_column(grid, layout) if layout.kind == "people" else None
        note_col = (layout.fields.get("note", _end_column(grid, layout, NOTE_LABELS))
                    if layout.kind == "people" else None)
        findings += _unread_columns(file, grid, layout, {end_col, note_col})
        for row_no, get, row in _rows(grid, layout, findings, file):
            where = dict(file=file, sheet=grid.name, row=row_no)
            if layout.kind == "people":
                names = _names_in_cell(cell_text(get("name")))
                if not names:
                    if any(cell_text(get(f)).strip() for f in ("role", "unit", "sector", "appointed_on")):
                        findings.append(dict(code="roster.no_name", src=None, column=col_letter(layout.fields["name"]),
                                             value="", detail="", **where))  # a row of someone, unnamed: no quota
                    continue
                if len(names) > 1:  # 李四、赵敏: two people on one row, each with its role and dates
                    findings.append(dict(code="roster.names_split", src=None, column=col_letter(layout.fields["name"]),
                                         value=cell_text(get("name")), detail="、".join(names), **where))
                name = "、".join(names)
                problems: list[str] = []
                appointed = _date(get("appointed_on"), DATE_LABELS["appointed_on"], problems, grid.date1904)
                ended = _date(row[end_col] if end_col is not None and end_col < len(row) else "",
                              DATE_LABELS["ended_on"], problems, grid.date1904, end=True)
                if appointed and ended and ended < appointed:  # one of them is wrong; which, only staff know
                    problems.append(f"{DATE_LABELS['ended_on']}早于{DATE_LABELS['appointed_on']}")
                    appointed = ended = None
                if problems:
                    findings.append(dict(code="roster.date_problem", src=None, column="", value=name,
                                         detail=";".join(problems), **where))
                note = cell_text(row[note_col]) if note_col is not None and note_col < len(row) else ""
                if ended is None and note and _LEAVING.search(note):
                    findings.append(dict(code="roster.leaving_in_note", src=None, column=col_letter(note_col),
                                         value=note[:60], detail="", **where))
                roles, said = _roles(cell_text(get("role")), default_role, rules)
                if said:
                    findings.append(dict(code=said, src=None, column=col_letter(layout.fields["role"]),
                                         value=cell_text(get("role")), detail="、".join(roles), **where))
                for name in names:
                    for role in roles:
                        people.append(dict(
                            name=name, role=role, unit=norm_spaces(cell_text(get("unit"))),
                            sector=norm_spaces(cell_text(get("sector"))), appointed_on=appointed, ended_on=ended,
                            date_problem=";".join(problems), **where,
                        ))
            else:
                unit = norm_spaces(cell_text(get("unit_name")))
                if unit:
                    written = norm(cell_text(get("unit_type")))
                    unit_type, said = _unit_type(written, rules)
                    if said:
                        findings.append(dict(code=said, src=None, column=col_letter(layout.fields["unit_type"]),
                                             value=written, detail=unit_type, **where))
                    units.append(dict(unit=unit, unit_type=unit_type, **where))
    findings += _same_names(people)
    people = [p for p in people if not p.get("folded")]
    # One row per (person, role): the first one written wins when a sheet repeats a person.
    p = typed("people", pd.DataFrame(people, columns=PEOPLE_COLUMNS)).drop_duplicates(["name", "role"])
    u = typed("units", pd.DataFrame(units, columns=UNIT_COLUMNS)).drop_duplicates("unit")
    f = typed("findings", pd.DataFrame(findings, columns=list(SCHEMAS["findings"])) if findings else None)
    return Roster(people=p.reset_index(drop=True), units=u.reset_index(drop=True), findings=f)
