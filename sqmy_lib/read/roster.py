"""名册: people (姓名, 身份, 单位, 界别, 聘任日期, 解聘/离任日期) and units (单位名称, 单位类型, 成立/撤销时间).

A 职务 column stands for the 身份 only where no 身份 column does and only in the cells naming a
role (县政协委员); a post (行长) is the person's, unread and said, the role the sheet's name gives.

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

A person written on several rows is one person where nothing tells the rows apart: one role on
two rows is two terms (a renewal, or a reappointment after a gap), and the quota runs in their
union; the 委员名册 and 特邀信息员名册 layout is one person in two roles, each role with its own 单位
(the 委员's party or 界别 body, the informant's 镇街政协工委), said when the 单位 differ; one 单位
written two ways (民革县委, 民革示例县委员会) is one 单位. Rows under the table (合计：2人, 注：…,
填表人：李某 | 审核人：王某) name no one: said, never people. A bracket after a name (蒋三（常委）) is
a note, said; the person is 蒋三.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..records import PEOPLE_COLUMNS, SCHEMAS, UNIT_COLUMNS, Roster, typed
from ..rules import Rules
from .. import zh
from ..zh import column_letter as col_letter
from .attribute import unit_key
from .authors import GENDER_WORDS, AuthorWords, name_key, spaced_han_names, split_authors
from .headers import Layout, norm_label
from .vocabulary import FIELD_LABELS, NOTE_SHEETS, NOTE_WORDS, QUOTA_COLUMN_WORDS, ROSTER_ROLE_FALLBACK, SUBTOTAL_WORDS, TERM_COLUMN_WORDS
from .sheet import ditto_finding, fill_merged_down, repeat_above
from .values import cell_text, from_1904, norm, norm_spaces, parse_date
from .workbook import SheetGrid

# The end of a person's time in post. (These belong beside ROSTER_LABELS in headers.py; they are
# looked for here, in the header row the layout found, until the reader rewrite carries them.)
END_LABELS = frozenset(norm_label(x) for x in (
    "解聘日期", "解聘时间", "解聘", "离任日期", "离任时间", "离任", "届满日期", "届满时间", "任期届满", "届满",
    "聘期结束", "聘期截止", "任职截止", "免职日期", "卸任日期", "退出日期",
    "免职时间", "卸任时间", "退出时间", "调离日期", "调离时间", "离岗日期", "离岗时间", "终止日期", "终止时间",
    "停聘日期", "停聘时间", "解聘离任日期", "离任解聘日期",
    # a 委员 who resigned (辞去委员职务) between 全会
    "辞去时间", "辞去日期", "辞职时间", "辞职日期", "辞去委员时间", "辞去委员职务时间",
))
_ROLE_SEPARATORS = re.compile(r"[、,，/／;；\s]+|兼(?!职)")
_ROLE_IN_BRACKET = re.compile(r"([^()]+?)\s*[(（]\s*([^()]+?)\s*[)）]")
NOTE_LABELS = frozenset(norm_label(x) for x in ("备注", "说明", "备考", "变动情况", "任职变动"))
# A 备注 that says the person left (2025年6月离任, 已调离): said, since only the 离任 column is read.
# A 备注 saying the person took the post (2025年6月聘任, 增补为委员): the quota runs from then, not said by a date.
_JOINING = re.compile(r"聘任|聘为|新聘|增补|补选|新任|当选|调入|调来|加入|起聘|任职")
# 调至/调任 (moved on), 已故/离世 (died), 免职/停聘/聘期已满 (ended), 不再任, 未连任: all say the person left.
_LEAVING = re.compile(r"离任|离职|解聘|停聘|调离|调出|调走|调至|调任|调到|辞去|辞职|辞任|退出|去世|病故|逝世|离世|已故|"
                      r"届满|聘期已满|免去|免职|不再任|不再担任|未连任|退休")
# A note that says the person stays on (调至县教育局，仍任委员; 连任; 继续担任): a move of workplace, no leaving.
_STAYING = re.compile(r"仍任|仍为|仍是|仍担任|继续担任|继续任|留任|(?<!未)(?<!没有)(?<!不再)连任")
# A 备注 saying the person moved here from another unit (2025年7月由城关镇政协工委调入): the row's 单位 is
# theirs from then, the one named before it: read as the two-row form is (``_transfers``) when the note gives
# one month (or day) and one unit, else said, since their items before it may belong to the unit they left.
_MOVED_IN = re.compile(r"调入|调来|转入|转来")
# A month written in a 备注 (2025年3月起, 2025.6): a change in post the date columns may not hold.
_NOTE_MONTH = re.compile(r"(?:19|20)\d{2}\s*[年./\-]\s*\d{1,2}(?!\d)")
_MOVE_IN_NOTE = re.compile(r"^(?:于|自|从)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?(?:起|份)?\s*[,，]?\s*"
                           r"(?:由|从|自)\s*([^\s,，;；。、()（）]{2,30}?)\s*(?:调入|调来|转入|转来)(?:本单位|我单位)?[。.]?$")
SEQ_LABELS = frozenset(norm_label(x) for x in FIELD_LABELS["seq"])
POST_LABELS = frozenset(norm_label(x) for x in ROSTER_ROLE_FALLBACK)
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


_NAME_SEPARATORS = re.compile(r"[、,，;；/\n]+(?![^(（]*[)）])")  # not inside a bracket: 张三（女，常委）
# A bracket after a name: 王芳（女） (a gender: no note), 蒋三（常委） (a post, a 界别, a remark: a note).
_BRACKET = re.compile(r"^(.+?)\s*[(（]\s*([^()（）]*?)\s*[)）]\s*$")
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
# What a 姓名 cell holds when it names no one: a label (填表人：李某), a tally or a note under the table
# (合计2人, 注…, 说明…, 审核人…), a sentence (…。), figures. Words of the ledger's own 小计 and note rows.
_FOOTER_WORDS = tuple(sorted({*SUBTOTAL_WORDS, *NOTE_WORDS, "以上"}, key=len, reverse=True))
_NOT_IN_A_NAME = re.compile(r"[:：。!?！？…\d]")
LONGEST_NAME = 6  # a name without a middle dot is at most this long (欧阳明月 4; 额尔敦巴雅尔 6)
LONGEST_HAN_NAME = 4  # …and most are at most 4 (复姓双名: 欧阳明月)


def _footer_text(text: str) -> bool:
    """A cell that is a label, a tally or a note under a roster's table (合计：2人, 填表人：李某, 注…)."""
    t = norm(text)
    return bool(t) and (":" in t or t.startswith(_FOOTER_WORDS))


def _not_a_name(text: str, words: AuthorWords, alone: bool = False) -> bool:
    """A 姓名 cell that names no one (a footer, figures, a sentence): brackets after names set aside
    (张三（2025年7月起）). ``alone``: nothing else on the row, where a cell split at a comma into
    words longer than names are is a sentence (聘期两年，期满自动解聘), not two people. Han names
    pasted with spaces (阙红梅 谯志刚 亓明) are names, each as long as it is."""
    bare = norm(_BRACKETS.sub("", text))
    if _footer_text(bare) or _NOT_IN_A_NAME.search(bare):
        return True
    spaced = _NAME_SEPARATORS.split(norm_spaces(_BRACKETS.sub("", text)))
    listed = {norm(part) for part in spaced if spaced_han_names(part, words)}  # 阙红梅 谯志刚 亓明: three names
    parts = [part for part in _NAME_SEPARATORS.split(bare) if "·" not in name_key(part) and part not in listed]
    longest = LONGEST_HAN_NAME if alone and len(_NAME_SEPARATORS.split(bare)) > 1 else LONGEST_NAME
    return any(len(part) > longest for part in parts)


def _names_in_cell(text: str, words: AuthorWords | None = None) -> list[tuple[str, str]]:
    """The people a roster's 姓名 cell names, as matched (阿依古丽•买买提 is 阿依古丽·买买提), each with
    the note in a bracket after it: one, or several written with separators (李四、赵敏); a gender
    after a name (王芳（女）) is not part of it, nor is a note (蒋三（常委）: 蒋三, note 常委). With the
    author words, a post, role or form of address written with the name (冯一主席, 李四委员, 王五同志)
    or a unit before it (民进县委 韩七) is a note too, as a ledger's author cell reads them, and Han
    names with spaces between them (岑雪 敖翔) are two people, as there."""
    out = []
    for part in _NAME_SEPARATORS.split(text):
        m = _BRACKET.match(part.strip())
        if not m and words is not None and (several := spaced_han_names(part, words)):
            out += [(name_key(name), "") for name in several]
            continue
        name, note = (m[1], "" if m[2] in GENDER_WORDS else m[2]) if m else (part, "")
        if words is not None and not note:
            name, note = _titled_name(name, words)
        if key := name_key(name):
            out.append((key, note))
    return out


def _titled_name(text: str, words: AuthorWords) -> tuple[str, str]:
    """(the name, what was written with it) of a 姓名 cell part, read as a ledger's author cell is:
    冯一主席 → (冯一, 主席), 民进县委 韩七 → (韩七, 民进县委); a plain name → (it, '')."""
    cell = split_authors(text.strip(), words)
    if len(cell.authors) != 1 or cell.source or cell.collective:
        return text, ""
    one = cell.authors[0]
    said = one.tag or cell.unit or cell.honour or cell.place
    # A surname alone left (李主任 → 李) is no one's name: the cell stays as written.
    kept = said and name_key(one.name) != name_key(text) and len(name_key(one.name)) >= 2
    return (one.name, said) if kept else (text, "")


def _left_sheet(sheet: str, rules: Rules) -> bool:
    """Whether a roster sheet's name says its people have left (rules ``left_sheet_words``: 已离任人员, 往届委员)."""
    name = norm(sheet)
    return any(w and w in name for w in rules.left_sheet_words)


def _places(rules: Rules) -> tuple[str, ...]:
    """The office's place names (示例县), which a unit's name may leave out (民革县委 is 民革示例县委员会)."""
    place = (rules.data.get("office") or {}).get("place") or ()
    return (place,) if isinstance(place, str) else tuple(place)


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


def _same_names(people: list[dict], places: tuple[str, ...] = ()) -> list[dict]:
    """Rows of one 姓名: one person or several. Rows that follow one another in time as one moved
    unit are one person (``_transfers``); rows of one role that nothing tells apart are one person's
    terms (``_join_terms``); one row per role, no 界别 apart, is one person holding each role — the
    委员名册 and 特邀信息员名册 layout, whatever each role's 单位 (``_one_holder``). Otherwise the rows
    are people told apart by what differs (``_tell_apart``). Findings say each of these at its row."""
    by_name: dict[str, list[dict]] = {}
    for p in people:
        by_name.setdefault(p["name"], []).append(p)
    out: list[dict] = []
    for name, rows in by_name.items():
        if _said_apart(name, rows, places, out):
            continue
        rows, one_person = _transfers(rows, places, out)
        if one_person:
            continue
        rows = _join_terms(rows, places, out)
        if not _one_holder(rows, places, out):
            _tell_apart(name, rows, places, out)
    return out


def _said_apart(name: str, rows: list[dict], places: tuple[str, ...], out: list[dict]) -> bool:
    """Rows of one 姓名 a 备注 says are different people (与市工商联王芳重名: ``_PeopleSheet._shared_name``):
    told apart by what differs (``_tell_apart``: 王芳(民进市委), 王芳(市工商联)) whatever their roles and
    dates, never one person holding each role; True when so. When nothing on the rows tells them apart,
    that is said (``roster.same_name_merged``) and they are read as any rows of one 姓名 are (False)."""
    if len(rows) < 2 or not any(p.get("apart") for p in rows):
        return False
    rows = _moves_apart(rows, places, out)
    if _telling_field(rows) and any(_differ(p, rows[0], places) for p in rows[1:]):
        _tell_apart(name, rows, places, out)
        # Each of them may be written on several rows of a role (换届: the 第十届 and the 第十一届 委员名册 both
        # list 张伟(医卫界)): that one's terms, joined as any one person's are, never a later term dropped.
        for told in {p["name"] for p in rows}:
            _join_terms([p for p in rows if p["name"] == told], places, out)
        return True
    out.extend(_at(p, "roster.same_name_merged", name, _place(rows[0], p)) for p in rows[1:])
    return False


def _moves_apart(rows: list[dict], places: tuple[str, ...], out: list[dict]) -> list[dict]:
    """Rows of one 姓名 said to be several people, each written in a 界别: the rows of one 界别 that follow one
    another in time in two units (张伟 医卫界 县卫生和计划生育局 to 30 June, 县卫生健康局 from 1 July: a 机构改革)
    are that one person's move (``_transfers``, said as ``roster.transfer``), not two more people of the name,
    when the 界别 then tell every one of them apart; else the rows as they are."""
    if not all(p["sector"] for p in rows):
        return rows
    groups: dict[str, list[dict]] = {}
    for p in rows:
        groups.setdefault(unit_key(p["sector"], places), []).append(p)
    moving = [g for g in groups.values() if len(g) > 1 and _would_move(g, places)]
    if len(groups) < 2 or not moving or any(len(g) > 1 and g not in moving and len({(p["unit"], p["tag"]) for p in g}) > 1
                                            for g in groups.values()):
        return rows
    kept: list[dict] = []
    for g in groups.values():
        kept.extend(_transfers(g, places, out)[0] if any(g is m for m in moving) else g)
    return kept


def _would_move(rows: list[dict], places: tuple[str, ...]) -> bool:
    """Whether ``_transfers`` reads ``rows`` as one person who moved (without folding them)."""
    ordered = sorted(rows, key=lambda p: (p["appointed_on"] is None, p["appointed_on"] or dt.date.min))
    pairs = list(zip(ordered, ordered[1:]))
    return bool(pairs) and all(a["ended_on"] and b["appointed_on"] and 0 < (b["appointed_on"] - a["ended_on"]).days <= TRANSFER_DAYS
                               for a, b in pairs) and any(_differ(a, b, places, ("unit", "sector")) for a, b in pairs)


_APART = ("sector", "unit", "tag")  # what tells two people of one 姓名 apart: 界别, 单位, a bracket after the name


def _differ(a: dict, b: dict, places: tuple[str, ...], keys=_APART) -> bool:
    """Whether two rows say different 界别, 单位 or bracket notes (民革县委 and 民革示例县委员会 are one unit)."""
    return any(a[k] and b[k] and unit_key(a[k], places) != unit_key(b[k], places) for k in keys)


def _at(p: dict, code: str, value: str, detail: str) -> dict:
    return dict(code=code, src=None, file=p["file"], sheet=p["sheet"], row=p["row"], column="", value=value, detail=detail)


def _place(p: dict, other: dict) -> str:
    return f"{p['sheet']}!第{p['row']}行" if p["sheet"] != other["sheet"] else f"第{p['row']}行"


def _join_terms(rows: list[dict], places: tuple[str, ...], out: list[dict]) -> list[dict]:
    """Rows of one role that nothing tells apart (周八 信息员 2024-07-01…2025-06-30, again from
    2025-07-01; 孙七 to March, again from July) are one person's terms, a union of periods: later rows
    folded into the first. Said when the terms differ (``roster.terms_joined``) and when the 单位 is
    written two ways (``roster.same_person``)."""
    kept: list[dict] = []
    for p in rows:
        into = next((k for k in kept if k["role"] == p["role"] and not _differ(k, p, places)), None)
        if into is None:
            kept.append(p)
            continue
        p["folded"] = True  # left out of the people table (roster_from_sheets)
        if p["unit"] and into["unit"] and p["unit"] != into["unit"]:
            out.append(_at(p, "roster.same_person", p["name"], f"的单位在{_place(into, p)}写作“{into['unit']}”、"
                                                                   f"在本行写作“{p['unit']}”,是同一单位的两种写法"))
        if set(p["terms"]) - set(into["terms"]):
            into["terms"] = _union(into["terms"] + p["terms"])
            out.append(_at(p, "roster.terms_joined", p["name"], f"{_place(into, p)}与本行;{zh.terms(into['terms'])}"))
        into["date_problem"] = ";".join(x for x in dict.fromkeys((into["date_problem"], p["date_problem"])) if x)
    return kept


def _one_holder(rows: list[dict], places: tuple[str, ...], out: list[dict]) -> bool:
    """One row per role, no two with different 界别 or bracket notes: one person in each role (委员 on
    the 委员名册 with the 单位 民革县委, 特邀信息员 on the 特邀信息员名册 with the 工作单位 城关镇政协工委),
    each role with its own 单位. Whether two such rows are one person the roster cannot say for
    certain: said when their 单位 differ (``roster.same_person``)."""
    roles = [p["role"] for p in rows]
    if len(set(roles)) < len(roles):
        return False
    if any(_differ(a, b, places, ("sector", "tag")) for k, a in enumerate(rows) for b in rows[k + 1:]):
        return False
    first = next((p for p in rows if p["unit"]), None)
    for p in rows:
        if first is not None and p is not first and p["unit"] and p["unit"] != first["unit"]:
            same = "" if _differ(p, first, places, ("unit",)) else ",是同一单位的两种写法"
            out.append(_at(p, "roster.same_person", p["name"], f"在{_place(first, p)}任{first['role']}(单位“{first['unit']}”)、"
                                                               f"在本行任{p['role']}(单位“{p['unit']}”){same}"))
    return True


def _tell_apart(name: str, rows: list[dict], places: tuple[str, ...], out: list[dict]) -> None:
    """One 姓名 written for two people (the 界别, 单位 or bracket note differ): each is named with what
    tells them apart (陈静(教育界), 陈静(农业界)), so their items, quotas and rewards stay apart, and a
    ledger's 陈静 goes to the one its item's 单位 or 界别 names (read.attribute). When none of them
    tells them all apart, they are counted as one. Said at each later row."""
    first = rows[0]
    later = [p for p in rows[1:] if (p["sheet"], p["row"]) != (first["sheet"], first["row"]) and _differ(p, first, places)]
    if not later:
        return
    field = _telling_field(rows)
    for p in rows if field else ():
        p["name"] = f"{name}({p[field]})"
    code = "roster.same_name" if field else "roster.same_name_merged"
    for p in later:
        told = f",已区分为“{first['name']}”与“{p['name']}”" if field else ""
        out.append(_at(p, code, name, _place(first, p) + told))


def _telling_field(rows: list[dict]) -> str | None:
    """The one of bracket note (as staff wrote it to tell them apart: 陈静（教育界）), 界别 and 单位 that
    every row has and that tells them all apart, or None."""
    kinds = len({tuple(p[k] for k in _APART) for p in rows})
    return next((k for k in ("tag", "sector", "unit") if all(p[k] for p in rows) and len({p[k] for p in rows}) == kinds), None)


def _union(terms: list[tuple]) -> tuple[tuple, ...]:
    """Terms (start, end; None for open) as few as cover the same days: overlapping or adjoining ones
    joined (a renewal from the day after the last term's end continues it)."""
    spans = sorted((s or dt.date.min, e or dt.date.max) for s, e in terms)
    out: list[tuple] = []
    for s, e in spans:
        if out and (s - out[-1][1]).days <= 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple((None if s == dt.date.min else s, None if e == dt.date.max else e) for s, e in out)


TRANSFER_DAYS = 31  # a row starting within this many days after another's end: one person who moved


def _transfers(rows: list[dict], places: tuple[str, ...], out: list[dict]) -> tuple[list[dict], bool]:
    """Rows of one 姓名 that follow one another in time (郑七 城关镇 to 30 April, 河口镇 from 1 May) as
    (the rows of one person who moved unit or 界别, True): a row of the same role as the one before it
    is folded into it (in post from the earlier start, in the later unit, the unit left kept in
    ``moves`` for the items of its days); each move is said at its later row (``roster.transfer``).
    Anything else — rows in post at the same time, or far apart, or in one unit (a renewal) — comes
    back as it is, (rows, False), to be joined or told apart."""
    ordered = sorted(rows, key=lambda p: (p["appointed_on"] is None, p["appointed_on"] or dt.date.min))
    pairs = list(zip(ordered, ordered[1:]))
    if not pairs or not all(a["ended_on"] and b["appointed_on"] and 0 < (b["appointed_on"] - a["ended_on"]).days <= TRANSFER_DAYS
                            for a, b in pairs):
        return rows, False
    moves = [(a, b) for a, b in pairs if _differ(a, b, places, ("unit", "sector"))]  # not one unit written two ways
    if not moves:
        return rows, False
    for a, b in moves:
        out.append(_at(b, "roster.transfer", b["name"], f"{a['unit'] or a['sector']}(至{a['ended_on']:%Y-%m-%d})"
                                                        f"调至{b['unit'] or b['sector']}(自{b['appointed_on']:%Y-%m-%d})"))
    kept = [ordered[0]]
    for p in ordered[1:]:
        if p["role"] == kept[-1]["role"]:
            _fold_move(kept[-1], p, places)
            kept[-1] = p
        else:
            kept.append(p)
    return kept, True


def _fold_move(left: dict, p: dict, places: tuple[str, ...]) -> None:
    """Fold the row a person ``left`` into the next row of the role (``_transfers``): in post from
    the earlier start, the unit left kept in ``moves`` with its last day."""
    moved = _differ(left, p, places, ("unit", "sector")) and left["ended_on"]
    p["moves"] = left["moves"] + (((left["unit"], left["sector"], left["ended_on"]),) if moved else ())
    p["appointed_on"] = left["appointed_on"]
    p["terms"] = ((p["appointed_on"], p["ended_on"]),)  # one span: the move leaves no gap to count
    left["folded"] = True  # left out of the people table (roster_from_sheets)


def _header(grid: SheetGrid, layout: Layout) -> list:
    return grid.rows[layout.header_top] if layout.header_top < len(grid.rows) else []


def _unread_columns(file: str, grid: SheetGrid, layout: Layout, read: set) -> list[dict]:
    """One finding per roster column that is not read (性别, 民族, 工作单位及职务 …), with how many
    of its cells were not read, so nothing in the roster is passed over in silence."""
    taken = set(layout.fields.values()) | {c for c in read if c is not None}
    out = []
    for c, label in enumerate(_header(grid, layout)):
        text = norm_spaces(cell_text(label))
        if c in taken or not text or norm_label(text) in SEQ_LABELS:  # 序号: the row's number, nothing to read
            continue
        filled = sum(1 for row in grid.rows[layout.header_bottom + 1:] if c < len(row) and cell_text(row[c]).strip())
        if filled:
            out.append(_column_unread(file, grid, layout, c, filled))
    return out


def _column_unread(file: str, grid: SheetGrid, layout: Layout, c: int, cells: int) -> dict:
    """A roster column not read; one of quotas (年度任务, 考核指标) said as such: the quotas judged are the
    rules' (by unit type and role), not what it writes (roster.quota_column)."""
    label = norm_spaces(cell_text(_header(grid, layout)[c]))
    code = "roster.quota_column" if any(w in label for w in QUOTA_COLUMN_WORDS) else "roster.column_unread"
    return dict(code=code, src=None, file=file, sheet=grid.name, row=layout.header_top + 1,
                column=col_letter(c), value=label, detail=str(cells))


def _post_column(grid: SheetGrid, layout: Layout) -> int | None:
    """The role column when it is a 职务 read as the role for want of a 身份 column (县政协委员, 信息员
    there): a cell of it naming no role (行长, 教授) is the person's post, not their 身份."""
    c = layout.fields.get("role")
    header = _header(grid, layout)
    return c if c is not None and c < len(header) and norm_label(header[c]) in POST_LABELS else None


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
    bracket = _ROLE_IN_BRACKET.fullmatch(text)
    found = _bracketed_roles(bracket[1], bracket[2], rules) if bracket else _listed_roles(text, rules)
    return found or ([text], "roster.role_unknown")


def _listed_roles(text: str, rules: Rules) -> tuple[list[str], str] | None:
    """委员、特邀信息员 (two, nothing said), 县政协委员、信息员 and 委员兼信息员 (two, said); a role beside a
    post (常委、界别召集人: the person's post, no role of the rules) is the role, said with the cell as
    written; None when no part is a role the rules know."""
    parts = [p for p in _ROLE_SEPARATORS.split(text) if p]
    known = [rules.role_of(p) or rules.role_ending(p) for p in parts]
    if not any(known):
        return None
    said = "" if all(rules.role_of(p) for p in parts) and "兼" not in text else "roster.role_read_as"
    return list(dict.fromkeys(k for k in known if k)), said


def _bracketed_roles(role: str, inner: str, rules: Rules) -> tuple[list[str], str] | None:
    """信息员（特邀）: 特邀信息员; 委员（信息员）: two roles; 委员（县政协）: 县政协委员 — each said."""
    if whole := rules.role_of(inner + role):
        return [whole], "roster.role_read_as"
    if listed := _listed_roles(f"{role}、{inner}", rules):
        return listed[0], "roster.role_read_as"
    if whole := rules.role_ending(inner + role):
        return [whole], "roster.role_read_as"
    return None


def _unit_type(text: str, rules: Rules) -> tuple[str, str]:
    """The unit type (peer group) a 单位类型 cell names, and the finding to make of it: a type of
    the rules written shorter or longer (界别 for 界别组) is that type, ``roster.unit_type_read_as``;
    one matching no type, or several, stays as written, ``roster.unit_type_unknown`` (no quota, no
    peer group to be ranked in)."""
    types = rules.unit_types
    if not text or text in types:
        return text, ""
    key = _type_key(text)
    near = [t for t in types if key == _type_key(t)] or [t for t in types if key in _type_key(t) or _type_key(t) in key]
    if len(near) == 1:
        return near[0], "roster.unit_type_read_as"
    return text, "roster.unit_type_unknown"


# A unit type's words as staff also write them: 镇（街道）政协工委 is the rules' 镇街政协工委, 专门委员会 专委会.
_TYPE_SPELLINGS = (("专门委员会", "专委会"), ("街道", "街"), ("界别小组", "界别组"))


def _type_key(text: str) -> str:
    """A unit type without brackets, spaces and joining marks, in the rules' short words."""
    key = re.sub(r"[()（）\s、/／和及]", "", text)
    for written, short in _TYPE_SPELLINGS:
        key = key.replace(written, short)
    return key


# Words around a roster date that say it starts or ends a time in post (自2025年7月起, 2025年7月聘).
_DATE_WORDS = re.compile(r"^(?:自|从|于)|(?:起|聘|聘任|受聘|开始|任职|离任|解聘|止|为止)$")


# 解聘日期 written as still in post (至今, 在任, 现任): no end.
_STILL_IN_POST = frozenset({"至今", "在任", "现任", "在职", "—至今", "未解聘", "无"})
# A month without its day (2025年6月, 2025.6): an end date is that month's last day (in post through June).
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*月?(?:份|底)?$")


def _month_only(value) -> bool:
    """Whether a roster date is written as a month without its day (2025年6月, 2025.6)."""
    return isinstance(value, str) and _MONTH_ONLY.match(_DATE_WORDS.sub("", norm(value))) is not None


def _date(value, label: str, problems: list[str], date1904: bool = False, end: bool = False):
    if value is None or value == "":
        return None
    text = _DATE_WORDS.sub("", norm(value)) if isinstance(value, str) else None
    if text is not None and end and text in _STILL_IN_POST:
        return None
    if text is not None and end and (m := _MONTH_ONLY.match(text)) and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    if type(value) is float and (m := _YEAR_MONTH_NUMBER.fullmatch(f"{value:.6f}".rstrip("0"))):
        # 2025.4 typed into a number cell (Excel keeps a number): April 2025, as the text 2025.4 is; 2025.1 may be
        # January or October (2025.10 lost its 0): said, not guessed.
        year, month = int(m[1]), int(m[2])
        if m[2] == "1":
            problems.append(f"{label}“{cell_text(value)}”是数字,可能是{year}年1月,也可能是{year}年10月(末尾的0被省去),请改写为文本“{year}.01”或“{year}.10”")
            return None
        if 1 <= month <= 12:
            return dt.date(year, month, calendar.monthrange(year, month)[1]) if end else dt.date(year, month, 1)
    written = text if text is not None else cell_text(value)  # 1990 typed as a number
    if (m := _YEAR_ALONE.fullmatch(written)) and int(m[1]) < dt.date.today().year - 1:
        # 成立时间 1990年, 聘任 2019年: a year long past bounds no month of a year counted now.
        return dt.date(int(m[1]), 12, 31) if end else dt.date(int(m[1]), 1, 1)
    parsed = parse_date(text if text is not None else from_1904(value) if date1904 else value)
    if parsed.date is None:
        problems.append(f"{label}“{cell_text(value)}”无法识别")
    return parsed.date


_YEAR_ALONE = re.compile(r"((?:19|20)\d{2})年?度?")
_YEAR_MONTH_NUMBER = re.compile(r"((?:19|20)\d{2})\.(\d{1,2})")


def _footer_detail(cells: list[tuple[int, str]], at: int) -> str:
    """What a footer's finding adds: the row's other cells (审核人：王某), and a departure it tells of."""
    others = [t for c, t in cells if c != at]
    detail = f";本行另有{'、'.join(f'“{t[:30]}”' for t in others)}" if others else ""
    if any(_LEAVING.search(t) for _, t in cells):
        detail += ";其中似乎说明有人离任或调离,未读取:请把日期填入该人的“离任时间”栏"
    return detail


class _PeopleSheet:
    """One sheet of people read row by row: each row's people (one per name and role), every cell
    read or said in ``findings``."""

    def __init__(self, file: str, grid: SheetGrid, layout: Layout, rules: Rules, findings: list[dict]):
        self.file, self.grid, self.layout, self.rules, self.findings = file, grid, layout, rules, findings
        self.post_col = _post_column(grid, layout)
        self.posts = 0  # cells of the 职务 column that are posts, not roles: said with the column
        by_name = "role" not in layout.fields or self.post_col is not None
        self.name_role = _role_from_names(grid.name, file, rules)  # 委员名册: a blank 身份 is 委员
        self.default_role = self.name_role if by_name else ""
        self.end_col = _end_column(grid, layout)
        self.note_col = layout.fields.get("note", _end_column(grid, layout, NOTE_LABELS))
        self.words = AuthorWords.from_rules(rules.data)  # 冯一主席 in 姓名 is 冯一, as in a ledger's 作者
        self.left = _left_sheet(grid.name, rules)  # 已离任人员: no one on it is in post but by a 离任 date
        self.places = _places(rules)

    def read(self) -> list[dict]:
        self.findings += _unread_columns(self.file, self.grid, self.layout, {self.end_col, self.note_col})
        people: list[dict] = []
        for row_no, get, row in _rows(self.grid, self.layout, self.findings, self.file):
            people += self._row(dict(file=self.file, sheet=self.grid.name, row=row_no), get, row)
        if self.posts:
            self.findings.append(_column_unread(self.file, self.grid, self.layout, self.post_col, self.posts))
        self._terms_undated(people)
        return people

    def _terms_undated(self, people: list[dict]) -> None:
        """A 届次 column writing two terms (第十届, 第十一届: a 换届 in the year) on a sheet with people of no
        聘任 or 离任 date: each of them is in post all year, a quota the 换届 would halve, so the column is
        said as a warning (``roster.term_column``) in place of a column not read."""
        undated = [p for p in people if not p["appointed_on"] and not p["ended_on"]]
        for f in self.findings:
            if (f["code"] != "roster.column_unread" or f["sheet"] != self.grid.name or f["file"] != self.file
                    or not any(w in f["value"] for w in TERM_COLUMN_WORDS) or not undated):
                continue
            c = next((k for k, v in enumerate(_header(self.grid, self.layout)) if col_letter(k) == f["column"]), None)
            terms = list(dict.fromkeys(norm_spaces(cell_text(row[c])) for row in self.grid.rows[self.layout.header_bottom + 1:]
                                       if c is not None and c < len(row) and cell_text(row[c]).strip()))
            if len(terms) > 1:
                f.update(code="roster.term_column", detail=f"{'、'.join(terms[:4])}{'等' if len(terms) > 4 else ''}",
                         value=f["value"])

    def _say(self, code: str, where: dict, field: str | int | None, value: str, detail: str = "") -> None:
        c = self.layout.fields.get(field) if isinstance(field, str) else field
        self.findings.append(dict(code=code, src=None, column=col_letter(c) if c is not None else "", value=value,
                                  detail=detail, **where))

    def _row(self, where: dict, get, row: list) -> list[dict]:
        text = cell_text(get("name"))
        if self._footer(where, text, row):
            return []
        names = _names_in_cell(text, self.words)
        if not names:
            if any(cell_text(get(f)).strip() for f in ("role", "unit", "sector", "appointed_on")):
                self._say("roster.no_name", where, "name", "")  # a row of someone, unnamed: no quota
            return []
        if len(names) > 1:  # 李四、赵敏: two people on one row, each with its role and dates
            self._say("roster.names_split", where, "name", text, "、".join(n for n, _ in names))
        for name, note in names:
            if note:  # 蒋三（常委）: the person is 蒋三
                self._say("roster.name_note", where, "name", text, name)
        problems: list[str] = []
        appointed, ended = self._dates(get, row, problems, where, "、".join(n for n, _ in names))
        if self.left and ended is None:  # 已离任人员 with no 离任 date: left when, only staff know
            self._say("roster.left_no_end", where, "name", "、".join(n for n, _ in names), self.grid.name)
            return []
        roles = self._said_roles(cell_text(get("role")), where, names)
        unit, sector = norm_spaces(cell_text(get("unit"))), norm_spaces(cell_text(get("sector")))
        moves = self._note(row, where, (appointed, ended), unit, sector)
        apart = self._shared_name(row)
        return [dict(name=name, role=role, unit=unit, sector=sector, tag=note, appointed_on=appointed, ended_on=ended,
                     terms=((appointed, ended),), moves=moves, date_problem=";".join(problems), apart=apart, **where)
                for name, note in names for role in roles]

    def _shared_name(self, row: list) -> bool:
        """Whether the row's 备注 says the person shares the name with someone else (与市工商联王芳重名,
        非同一人: rules ``same_name_note_words``): the rows of that 姓名 are different people (``_same_names``)."""
        note = cell_text(row[self.note_col]) if self.note_col is not None and self.note_col < len(row) else ""
        note = "".join(note.split())
        return bool(note) and any(w in note for w in self.rules.same_name_note_words)

    def _said_roles(self, written: str, where: dict, names: list[tuple[str, str]]) -> list[str]:
        """The roles of a row's 身份 cell (``_roles``), what was made of it said; a blank one is the role
        the sheet's name gives (委员名册), or, the name giving none, said (the person has no quota)."""
        roles, said = self._roles(written)
        if roles == [""] and self.name_role:
            roles = [self.name_role]
        elif roles == [""] and "role" in self.layout.fields:
            self._say("roster.role_missing", where, "role", "、".join(n for n, _ in names))
        elif said:
            self._say(said, where, "role", written, "、".join(roles))
        return roles

    def _roles(self, written: str) -> tuple[list[str], str]:
        """The roles of a row's 身份 cell (``_roles``). Under a 职务 column a cell naming no role (行长)
        is the person's post: the role is the one the sheet's name gives (委员名册 → 委员), the post
        unread (said once for the column, ``roster.column_unread``)."""
        roles, said = _roles(written, self.default_role, self.rules)
        if said == "roster.role_unknown" and self.post_col is not None and self.default_role:
            self.posts += 1
            return [self.default_role], ""
        return roles, said

    def _footer(self, where: dict, text: str, row: list) -> bool:
        """A row under the table that names no one (合计：2人, 注：…, 填表人：李某 | 审核人：王某): said at
        its 姓名 cell, or, the 姓名 cell empty, at its first cell when that says what it is (合计 in
        the 序号 column), with the rest of the row; never a person."""
        cells = [(c, cell_text(v)) for c, v in enumerate(row) if cell_text(v)]
        if text:
            at = self.layout.fields["name"] if _not_a_name(text, self.words, alone=len(cells) == 1) else None
        else:  # a footer starts at the left; a person's row without a name does not start with a label
            at = cells[0][0] if cells and isinstance(row[cells[0][0]], str) and _footer_text(cells[0][1]) else None
        if at is None:
            return False
        self._say("roster.not_a_name", where, at, dict(cells)[at][:60], _footer_detail(cells, at))
        return True

    def _dates(self, get, row: list, problems: list[str], where: dict, name: str):
        """The start and end in post, each problem in ``problems`` (said once for the row)."""
        appointed = _date(get("appointed_on"), DATE_LABELS["appointed_on"], problems, self.grid.date1904)
        bad_start = bool(problems)
        ended = _date(row[self.end_col] if self.end_col is not None and self.end_col < len(row) else "",
                      DATE_LABELS["ended_on"], problems, self.grid.date1904, end=True)
        if appointed and ended and ended < appointed:  # one of them is wrong; which, only staff know
            problems.append(f"{DATE_LABELS['ended_on']}早于{DATE_LABELS['appointed_on']}")
            appointed = ended = None
        if problems:  # at the first date cell said to be wrong (the end's when the start was read)
            self._say("roster.date_problem", where, "appointed_on" if bad_start else self.end_col, name, ";".join(problems))
        elif ended is not None and self.end_col is not None and _month_only(row[self.end_col]):
            # 2025年6月: in post through June, as read; whether the person left mid-June only staff know
            self._say("roster.end_month", where, self.end_col, name, cell_text(row[self.end_col]))
        return appointed, ended

    def _note(self, row: list, where: dict, dates: tuple, unit: str, sector: str) -> tuple:
        """The ``moves`` a row's 备注 tells of, and what else it says the dates do not: that the person
        left (no end date) or joined (no start date), said; a move from another unit read as the
        two-row form when it names the month and the unit (``_moved_in``), else said."""
        note = cell_text(row[self.note_col]) if self.note_col is not None and self.note_col < len(row) else ""
        appointed, ended = dates
        if ended is None and note and _LEAVING.search(note) and not _STAYING.search(note):
            self._say("roster.leaving_in_note", where, self.note_col, note[:60])
        elif note and (m := _MOVE_IN_NOTE.match(norm_spaces(note).strip())) and _differ(
                dict(unit=m[4]), dict(unit=unit), self.places, ("unit",)):
            return self._moved_in(m, note, where, dates, sector)
        elif appointed is None and note and _JOINING.search(note):
            self._say("roster.joining_in_note", where, self.note_col, note[:60])
        else:
            self._say_unread(note, where)
        return ()

    def _say_unread(self, note: str, where: dict) -> None:
        """A 备注 that tells of a move in (由城关镇调入, 2024年调入: when, or from where, unsaid) or of a change
        in post (2025年3月起, 届中调整: joined or left when, only staff know) none of the readings took: said."""
        if note and _MOVED_IN.search(note):
            self._say("roster.move_in_note_unread", where, self.note_col, note[:60])
        elif self._change_unread(note):
            self._say("roster.note_unread", where, self.note_col, note[:60])

    def _change_unread(self, note: str) -> bool:
        """Whether a 备注 none of the readings above took tells of a change in post (rules
        ``roster_note_change_words``: 届中调整) or writes a month (2025年3月起); not one saying the person
        joined or left (2025年6月增补 beside its 聘任 date, 调至县教育局，仍任委员): the dates hold that."""
        text = "".join(note.split())
        if not text or _JOINING.search(text) or _LEAVING.search(text):
            return False
        return bool(_NOTE_MONTH.search(text)) or any(w in text for w in self.rules.roster_note_change_words)

    def _moved_in(self, m: re.Match, note: str, where: dict, dates: tuple, sector: str) -> tuple:
        """The move of a 备注 like 2025年7月由城关镇政协工委调入 as ``moves`` ((unit left, 界别, its last
        day),), as if the roster wrote the old unit on a row ending the day before: said. A move on
        or before the start in post moves nothing (the person came in with it); one after the end,
        or on no real day, is said unread."""
        try:
            first = dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
        except ValueError:
            first = None
        appointed, ended = dates
        if first is None or ended is not None and first > ended:
            self._say("roster.move_in_note_unread", where, self.note_col, note[:60])
            return ()
        if appointed is not None and first <= appointed:
            return ()
        last = first - dt.timedelta(days=1)
        self._say("roster.move_in_note", where, self.note_col, note[:60],
                  f"由{m[4]}(至{last:%Y-%m-%d})调至本行单位(自{first:%Y-%m-%d})")
        return ((m[4], sector, last),)


# A 单位 sheet's 成立时间 and 撤销时间: the unit's quota runs from the one to the other, as a person's does
# from 聘任 to 离任. (Beside END_LABELS until the reader rewrite carries them in headers.py.)
UNIT_START_LABELS = frozenset(norm_label(x) for x in (
    "成立时间", "成立日期", "设立时间", "设立日期", "组建时间", "组建日期", "成立年月", "设立年月"))
UNIT_END_LABELS = frozenset(norm_label(x) for x in (
    "撤销时间", "撤销日期", "撤并时间", "撤并日期", "撤销年月", "合并时间", "合并日期", "注销时间", "注销日期"))
UNIT_DATE_LABELS = {"started_on": "成立时间", "ended_on": "撤销时间"}
# A 单位 sheet's column of the names a unit had before a 机构改革 (县卫生健康局 | 原名称: 县卫生和计划生育局): a ledger
# writing one of them counts for the unit (unit.former_name), as the office wrote.
UNIT_FORMER_LABELS = frozenset(norm_label(x) for x in (
    "原名称", "原单位名称", "曾用名", "曾用名称", "原名", "更名前名称", "更名前单位名称", "原单位名", "改革前名称", "原机构名称"))
_FORMER_SPLIT = re.compile(r"[、,，;；/／\n]+")
# A unit's 备注 saying it was set up, dissolved, merged or renamed in the year (2025年4月新设立, 撤销，并入县科技局,
# 撤镇设街，更名为…): said, not read, as a person's 备注 saying they joined or left.
_UNIT_CHANGE = re.compile(r"设立|成立|组建|新建|增设|撤销|撤并|撤镇|撤乡|撤县|并入|合并|更名|改名|注销|解散|划转|划入|划出")


def _unit_rule_keys(rules: Rules) -> dict[str, str]:
    """{key: the sections naming it} of the rules' unit types (peer_groups, quotas.units): a key that is
    a roster unit's name, not its type, is a rule no unit is judged by."""
    quotas = rules.data.get("quotas") or {}
    sections = {"peer_groups": rules.data.get("peer_groups"), "quotas.units": quotas.get("units") if isinstance(quotas, dict) else None}
    out: dict[str, list[str]] = {}
    for section, mapping in sections.items():
        for key in mapping if isinstance(mapping, dict) else ():
            out.setdefault(norm(str(key)), []).append(section)
    return {k: "、".join(v) for k, v in out.items()}


class _UnitsSheet:
    """One sheet of units (单位名称, 单位类型; 成立时间, 撤销时间 and 备注 if written) read row by row,
    every cell read or said in ``findings``; a sheet with no 单位类型 column said once."""

    def __init__(self, file: str, grid: SheetGrid, layout: Layout, rules: Rules, findings: list[dict]):
        self.file, self.grid, self.layout, self.rules, self.findings = file, grid, layout, rules, findings
        self.start_col = _end_column(grid, layout, UNIT_START_LABELS)
        self.end_col = _end_column(grid, layout, UNIT_END_LABELS)
        self.note_col = layout.fields.get("note", _end_column(grid, layout, NOTE_LABELS))
        self.former_col = _end_column(grid, layout, UNIT_FORMER_LABELS)
        self.rule_keys = _unit_rule_keys(rules)

    def read(self) -> list[dict]:
        self.findings += _unread_columns(self.file, self.grid, self.layout,
                                         {self.start_col, self.end_col, self.note_col, self.former_col})
        units = []
        for row_no, get, row in _rows(self.grid, self.layout, self.findings, self.file):
            unit = norm_spaces(cell_text(get("unit_name")))
            if unit:
                where = dict(file=self.file, sheet=self.grid.name, row=row_no)
                started, ended = self._dates(row, where, unit)
                unit_type = self._type(get, where, unit)
                if unit in self.rule_keys and unit_type != unit:  # quotas.units.县科协: a rule no unit is judged by
                    self._say("roster.rule_names_unit", where, self.layout.fields.get("unit_name"), unit, self.rule_keys[unit])
                former = tuple(dict.fromkeys(n for n in (norm_spaces(x) for x in _FORMER_SPLIT.split(
                    cell_text(self._cell(row, self.former_col)))) if n and n != unit))
                units.append(dict(unit=unit, unit_type=unit_type, started_on=started, ended_on=ended, former=former, **where))
        if units and "unit_type" not in self.layout.fields:
            # No 单位类型 column: no unit has a type (no quota, no peer group). Said once for the sheet, as a
            # blank 单位类型 cell is said once for its unit; no type is guessed from a unit's name.
            where = dict(file=self.file, sheet=self.grid.name, row=self.layout.header_top + 1)
            self._say("roster.unit_type_no_column", where, self.layout.fields["unit_name"], self.grid.name, str(len(units)))
        return units

    def _say(self, code: str, where: dict, column: int | None, value: str, detail: str = "") -> None:
        self.findings.append(dict(code=code, src=None, column=col_letter(column) if column is not None else "",
                                  value=value, detail=detail, **where))

    def _cell(self, row: list, column: int | None):
        return row[column] if column is not None and column < len(row) else ""

    def _type(self, get, where: dict, unit: str) -> str:
        """The unit's type (``_unit_type``); a blank one said where the sheet has the column (the unit
        is in no peer group and has no quota)."""
        written = norm(cell_text(get("unit_type")))
        unit_type, said = _unit_type(written, self.rules)
        if not written and "unit_type" in self.layout.fields:
            self._say("roster.unit_type_missing", where, self.layout.fields["unit_type"], unit)
        elif said:
            self._say(said, where, self.layout.fields["unit_type"], written, unit_type)
        return unit_type

    def _dates(self, row: list, where: dict, unit: str):
        """The unit's 成立时间 and 撤销时间 (a month alone: from its first day, through its last); a
        date not read, or a 备注 saying the unit changed with no date, said."""
        problems: list[str] = []
        started = _date(self._cell(row, self.start_col), UNIT_DATE_LABELS["started_on"], problems, self.grid.date1904)
        bad_start = bool(problems)
        ended = _date(self._cell(row, self.end_col), UNIT_DATE_LABELS["ended_on"], problems, self.grid.date1904, end=True)
        if started and ended and ended < started:
            problems.append(f"{UNIT_DATE_LABELS['ended_on']}早于{UNIT_DATE_LABELS['started_on']}")
            started = ended = None
        if problems:  # at the first date cell said to be wrong (the end's when the start was read)
            self._say("roster.date_problem", where, self.start_col if bad_start else self.end_col, unit, ";".join(problems))
        note = cell_text(self._cell(row, self.note_col)).strip()
        if note:
            changed = _UNIT_CHANGE.search(note) and not (started or ended)
            self._say("roster.unit_change_in_note" if changed else "roster.unit_note", where, self.note_col, note[:60], unit)
        return started, ended


def _say_hidden(file: str, grid: SheetGrid, layout: Layout, read: list[dict]) -> list[dict]:
    """Who was read from a hidden sheet, or from hidden rows (a member who left, hidden rather than
    deleted): read as any other, as a ledger's hidden items are counted (row.hidden, sheet.hidden),
    and said once for the sheet with the names, since staff may have hidden them to leave them out."""
    names = list(dict.fromkeys(p.get("name") or p.get("unit") for p in read if grid.hidden or p["row"] - 1 in grid.hidden_rows))
    if not names:
        return []
    shown = "、".join(names[:10]) + (" 等" if len(names) > 10 else "")
    what = f"{len(names)}人({shown})" if layout.kind == "people" else f"{len(names)}个单位({shown})"
    where = dict(src=None, file=file, sheet=grid.name)
    if grid.hidden:
        return [dict(code="roster.sheet_hidden", row=None, column="", value=grid.name, detail=what, **where)]
    rows = sorted({p["row"] for p in read if p["row"] - 1 in grid.hidden_rows})
    first = layout.fields.get("name", layout.fields.get("unit_name"))
    return [dict(code="roster.row_hidden", row=rows[0], column=col_letter(first) if first is not None else "",
                 value="、".join(map(str, rows[:10])) + (" 等" if len(rows) > 10 else ""), detail=what, **where)]


def _say_unread_sheet(file: str, grid: SheetGrid) -> list[dict]:
    """A sheet of a roster workbook with no people or unit header (单位 | 联系人, a 名单 without 姓名): its
    filled cells said, never passed over. A 列表 or 填表说明 sheet (the template's hidden dropdown lists)
    holds the template's own words: nothing of the office's to read."""
    filled = sum(1 for row in grid.rows for v in row if v != "" and v is not None)
    if not filled or norm(grid.name) in NOTE_SHEETS:
        return []
    return [dict(code="roster.sheet_unread", src=None, file=file, sheet=grid.name, row=None, column="",
                 value=grid.name, detail=str(filled))]


def roster_from_sheets(grids: list[tuple[str, SheetGrid, Layout]], rules: Rules,
                       unread: list[tuple[str, SheetGrid]] = ()) -> Roster:
    """Build a Roster from (file, grid, layout) triples of kind ``people`` or ``units``; ``unread``:
    the other sheets of a roster workbook, (file, grid), each said when it holds anything.
    Roles are given their canonical name from the rules (特约信息员 → 特邀信息员); a person's terms in
    one role (``terms``) are the union of the rows that are theirs (see ``_same_names``)."""
    people: list[dict] = []
    units: list[dict] = []
    findings: list[dict] = []
    for file, grid, layout in grids:
        sheet = _PeopleSheet if layout.kind == "people" else _UnitsSheet
        read = sheet(file, grid, layout, rules, findings).read()
        (people if layout.kind == "people" else units).extend(read)
        findings += _say_hidden(file, grid, layout, read)
    for file, grid in unread:
        findings += _say_unread_sheet(file, grid)
    findings += _terms_in_sheet_names(people)
    findings += _units_renamed(people, units)
    findings += _same_names(people, _places(rules))
    findings = _left_but_in_post(findings, people)
    people = [p for p in people if not p.get("folded")]
    for p in people:  # the first start and the last end of the person's terms in the role
        p["terms"] = _union(p["terms"])
        p["appointed_on"], p["ended_on"] = p["terms"][0][0], p["terms"][-1][1]
    # One row per (person, role): the first one written wins when a sheet repeats a person.
    p = typed("people", pd.DataFrame(people, columns=PEOPLE_COLUMNS)).drop_duplicates(["name", "role"])
    u = typed("units", pd.DataFrame(units, columns=UNIT_COLUMNS)).drop_duplicates("unit")
    f = typed("findings", pd.DataFrame(findings, columns=list(SCHEMAS["findings"])) if findings else None)
    return Roster(people=p.reset_index(drop=True), units=u.reset_index(drop=True), findings=f)


def _units_renamed(people: list[dict], units: list[dict]) -> list[dict]:
    """A person's 单位 written as a unit's 原名称 (王芳 | 县卫生和计划生育局 beside the 单位 sheet's 县卫生健康局 |
    原名称 县卫生和计划生育局): that unit, as a ledger's 单位 cell is, said once per name at its first row
    (``unit.former_name``); a name the sheet lists itself, or gives two units as before, stays as written."""
    listed = {u["unit"] for u in units}
    former: dict[str, set[str]] = {}
    for u in units:
        for name in u.get("former") or ():
            former.setdefault(name, set()).add(u["unit"])
    out, said = [], set()
    for p in people:
        now = former.get(p["unit"], set())
        if p["unit"] in listed or len(now) != 1:
            continue
        if p["unit"] not in said:
            said.add(p["unit"])
            out.append(_at(p, "unit.former_name", p["unit"], next(iter(now))))
        p["unit"] = next(iter(now))
    return out


_TERM_IN_NAME = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)届")


def _terms_in_sheet_names(people: list[dict]) -> list[dict]:
    """People sheets named for two terms (第十届委员, 第十一届委员: a 换届 in the year) whose people have no 聘任
    or 离任 date: each of them is in post all year, so said once at the later sheet (``roster.term_sheets``),
    as a 届次 column is (``roster.term_column``)."""
    sheets: dict[tuple[str, str], str] = {}
    undated: set[tuple[str, str]] = set()
    for p in people:
        if m := _TERM_IN_NAME.search(p["sheet"]):
            sheets.setdefault((p["file"], p["sheet"]), m[0])
            if not p["appointed_on"] and not p["ended_on"]:
                undated.add((p["file"], p["sheet"]))
    if len(set(sheets.values())) < 2 or not undated:
        return []
    (first_file, first), *later = sheets
    return [dict(code="roster.term_sheets", src=None, file=file, sheet=sheet, row=None, column="", value=sheet,
                 detail=f"“{first}”") for file, sheet in later if sheets[file, sheet] != sheets[first_file, first]]


def _left_but_in_post(findings: list[dict], people: list[dict]) -> list[dict]:
    """A row of a sheet named for people who left (往届委员对照), with no 离任 date, of people another sheet
    lists in post: they are read from that sheet, so the row is no one dropped (``roster.left_listed``,
    naming the sheet), not ``roster.left_no_end`` (which says they are not read as in post)."""
    sheets = {}
    for p in people:
        sheets.setdefault(p["name"], p["sheet"])
    out = []
    for f in findings:
        names = f["value"].split("、") if f["code"] == "roster.left_no_end" else []
        if names and all(n in sheets for n in names):
            f = {**f, "code": "roster.left_listed", "detail": sheets[names[0]]}
        out.append(f)
    return out


def merge_rosters(given: Roster, found: Roster | None, rules: Rules) -> Roster:
    """The office's roster (``given``) with the roster sheets found among its ledgers (``found``), one
    row per (person, role), the first written (the office's) winning; each one's findings kept."""
    if found is None:
        return given
    people, said = _ledger_lists(given.people, found.people, _places(rules))
    listed = typed("findings", pd.DataFrame(said, columns=list(SCHEMAS["findings"])) if said else None)
    return Roster(
        people=pd.concat([given.people, people], ignore_index=True).drop_duplicates(["name", "role"]).reset_index(drop=True),
        units=pd.concat([given.units, found.units], ignore_index=True).drop_duplicates("unit").reset_index(drop=True),
        findings=typed("findings", pd.concat([given.findings, found.findings, listed], ignore_index=True)),
    )


def _ledger_lists(roster: pd.DataFrame, found: pd.DataFrame, places: tuple[str, ...]) -> tuple[pd.DataFrame, list[dict]]:
    """The people of a ledger's roster sheets beside the office's roster, and what is said of them. A
    list of 姓名 and 单位 with no 身份 (the sheet a ledger's 单位 VLOOKUPs use) names the roster's people
    again, not more people: one on the roster with the same 单位 (or none written) is the roster's row,
    said once for the sheet (``roster.ledger_list_merged``); one on it with another 单位 is the roster's
    row too, and one not on it stays a person of no 身份 (no quota), each said at its row
    (``roster.ledger_list_differs``). Rows with a 身份 (a 信息员名册 kept with the ledgers) are kept."""
    units: dict[str, list[str]] = {}
    for name, unit in zip(roster["name"], roster["unit"]):
        units.setdefault(name, []).append(unit)
    keep, merged, said = [], {}, []
    for k, p in enumerate(found.to_dict("records")):
        if p["role"]:
            keep.append(k)
            continue
        where = dict(code="roster.ledger_list_differs", src=None, file=p["file"], sheet=p["sheet"], row=p["row"],
                     column="", value=p["name"])
        theirs = units.get(p["name"])
        if theirs is None:
            keep.append(k)
            said.append(dict(detail="不在名册中,按该表列为人员(没有身份,不计任务);如是名册遗漏,请补入名册", **where))
        elif p["unit"] and all(u and _differ(dict(unit=u), p, places, ("unit",)) for u in theirs):
            said.append(dict(detail=f"的单位写作“{p['unit']}”,名册中为“{'、'.join(dict.fromkeys(theirs))}”,按名册计;"
                                    f"如台账的单位由此表查得,请核对", **where))
        else:
            merged.setdefault((p["file"], p["sheet"]), []).append(p["name"])
    for (file, sheet), names in merged.items():
        shown = "、".join(names[:10]) + (" 等" if len(names) > 10 else "")
        said.append(dict(code="roster.ledger_list_merged", src=None, file=file, sheet=sheet, row=None, column="",
                         value=sheet, detail=f"{len(names)}人({shown})"))
    return found.iloc[keep], said
