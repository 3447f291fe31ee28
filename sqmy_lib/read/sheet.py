"""One sheet's grid → record rows, given its layout; every cell under the header accounted for.

Rows that are not items (month separators, 小计/合计, notes under the table, a repeated
header, blank rows, numbered empty rows) are recorded in ``skipped`` with the reason. Every
other row is an item (or, in a separate 采用台账, a reference to one), however incomplete,
so validation can say what is missing instead of the row silently vanishing.

On an item row every filled cell goes to exactly one place: a field of the item, a record
made from it (an adoption, a forwarding, an instruction: each records its cell), or a
finding at its cell (a mark that cannot be read, a 批示日期 with no 批示). Columns whose
header the reader does not use are reported once each (``header.unknown``/``ignored``,
``column.no_header``), with how many of their cells were not read.
"""
from __future__ import annotations

import bisect
import calendar
import contextlib
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import compress, takewhile

from ..records import place
from ..rules import Rules
from ..rules.follow_up import DONE, Vocabulary as FollowUpWords
from ..rules.placement import ADOPTION_KINDS, BULLETIN_TITLES, organ_name
from ..zh import column_letter as col_letter
from .attribute import office_places, unit_key
from .authors import AuthorCell, AuthorWords, split_authors, unit_written
from .headers import RECORD_FIELDS, BodyColumn, Layout, is_count_label, level_label, norm_label, publication_label
from .marks import ADOPTED, ADOPTION_VERBS, FORWARDED, NOT_ADOPTED, NOTHING_NOTED, PENDING, UNKNOWN, Reading, Vocabulary
from .values import (
    DAYS_1900_TO_1904,
    from_1904,
    has_year,
    year_of_cell,
    MISSING,
    MONTH_ONLY,
    NO_YEAR,
    OK,
    UNPARSEABLE,
    cell_text,
    date_written_in,
    day_in_month,
    days_in_text,
    deadline,
    folder_year,
    issue_after_year,
    issue_cell,
    issue_numbers,
    issues_apart,
    issue_year,
    item_no_key,
    month_in_text,
    month_span_in_text,
    months_in_text,
    norm,
    norm_spaces,
    numerals_as_digits,
    parse_date,
    quarter_in_text,
    sheet_name_year,
    title_key,
    year_in_text,
)
from .tallies import adopted_count, part_total, written_count, written_money
from .vocabulary import (
    COAUTHOR_LABEL,
    DITTO_MARKS,
    FIELD_LABELS,
    MEASURE_WORDS,
    NO_ISSUE_WORDS,
    NO_UNIT_WORDS,
    NOTE_WORDS,
    NOTHING_IN_PERIOD,
    SUBTOTAL_WORDS,
    YEARS_BACK_SHEET_WORDS,
    deduction_label,
    money_amount_label,
    money_label,
    points_label,
)

_SEPARATOR = re.compile(
    r"^(?:\d{4}年)?(?:[一二三四五六七八九十]{1,3}|\d{1,2})月(?:份)?(?:信息|报送|台账|小计)?$"
    r"|^(?:\d{4}年)?(?:第?[一二三四1-4]季度?|[上下]半年|上旬|中旬|下旬)(?:信息|报送|台账)?$"
)
_NOTE = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(NOTE_WORDS, key=len, reverse=True)))})\s*[:：0-9一二三、.]")
# 填报单位:民革县委, 报送单位:…, or a bare 单位:… line (not 金额单位:元: a 单位 after a word is another thing);
# a (盖章) before the colon or after the name is not part of it.
_FILED_BY = re.compile(r"(?:(?:填报|报送|填表)单位|(?<!\w)单位)(?:名称)?\s*(?:[(（][^)）]{0,6}[)）])?\s*[:：]\s*([^\s:：(（]+)")
# 单位：条, 单位：条、件, 单位：篇/元 in a title block: the figures' unit of measure, no 填报单位.
_MEASURE = re.compile("(?:" + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True)) + r")(?:[、,，/／;；]*(?:"
                      + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True)) + r"))*[。.]?")
# What else a 小计 cell holds (合计:15条, 累计报送12条, 一月小计, 截至3月31日共报送): counts, periods and
# the words of a tally; a title that starts with such a word says something else (累计欠薪问题…).
_TALLY = re.compile(r"[\s:：()（）\[\]【】\d一二三四五六七八九十百〇零两共计总报送采用信息条件篇项份次人名个月日号季度年上下半全本页第至止、,，.。=＝/\-"
                    r"元¥￥稿酬费金额奖励]*")  # 合计：4条; 稿酬合计：1,250.00元, 合计金额 ¥1250: an amount (validate.money)
_SUBTOTAL_WORD = re.compile("|".join(map(re.escape, sorted(SUBTOTAL_WORDS, key=len, reverse=True))))
# A total written as 共 and a count (共5条, 共 5 篇, 共报送12条信息): 共 alone is no subtotal word (共建共享…, 共同富裕…).
_COUNTED_TOTAL = re.compile(r"共(?:报送|采用|编发|上报|收到)?(?:信息)?[\d一二三四五六七八九十百两]+(?:条|篇|件|项|份|则)(?:信息)?")


def _tally(text: str) -> bool:
    """A 小计 cell: a subtotal word at the start or after a few characters (一月小计, 张三小计), the rest a
    tally; or 共 and a count (共5条)."""
    m = _SUBTOTAL_WORD.search(text, 0, 5 + 5)
    return m is not None and m.start() <= 5 and bool(_TALLY.fullmatch(text[m.end():])) or text[:1] == "共" and bool(
        _COUNTED_TOTAL.fullmatch(text))


# A row of figures written as words and counts (报送 | 4 | 采用 | 2 | 批示 | 1, 报送4条 | 采用2条, 报送信息 | 4):
# a tally word, then its count in the same cell or the next; an item row has a title, never this.
_FIGURE_WORD = re.compile(r"(?:本年度?|本季度?|本月|全年|累计|合计|共计?)?(?:报送|采用|批示|上报|编发|录用|刊用|获批示|领导批示)"
                          r"(?:信息)?(?:条数|件数|篇数|数量|数)?[:：]?")
_COUNT_TEXT = re.compile(r"\d+\s*(?:条|件|篇|次|项)?")


def _figures_written(filled: list) -> bool:
    """Whether a row's filled cells (column, value) are only tally words each with its count (报送 | 4 |
    采用 | 2, 报送4条 | 采用2条 | 批示1件, 采用信息 | 2): a 统计 line under or among the items, a subtotal.
    It was read as an item (title 采用, author 2, 1 under 采用情况 an adoption with no body)."""
    texts = [norm(cell_text(v)).replace(" ", "") for _, v in filled]
    k = 0
    while k < len(texts):
        m = _FIGURE_WORD.match(texts[k])
        if m is None:
            return False
        if rest := texts[k][m.end():]:
            k += 1 if _COUNT_TEXT.fullmatch(rest) else len(texts) + 1
        else:
            k += 2 if k + 1 < len(texts) and _COUNT_TEXT.fullmatch(texts[k + 1]) else len(texts) + 1
    return k == len(texts)


# What opens a table of figures under the items: 附：分月统计, 附表, 附件1; and the labels of its columns.
_APPENDIX = re.compile(r"附\s*(?:表|件)?\s*\d*\s*[:：、.]")
_TALLY_WORD = re.compile(r"(?:报送|采用|批示|上报|编发|录用|刊用)(?:信息)?")  # 单位 | 报送 | 采用 over numbers
_FIGURE_LABEL = re.compile(r"月份|月|单位|界别|季度|(?:报送|采用|批示|上报|编发)?(?:条数|件数|数量|数|次数|率)|合计|小计")

_APPENDIX_BELOW = object()  # a row that opens a table of figures: the items end above it
# A caption over such a table (采用情况统计, 各单位报送情况汇总, 分月统计表): it opens one only when the
# labels under it do.
_CAPTION = re.compile(r".{0,16}(?:统计|汇总|一览)(?:表|情况)?[:：]?")


@functools.lru_cache(maxsize=8)
def _sample_patterns(words: tuple[str, ...]) -> tuple | None:
    """The first letters a sample's cell may start with, then the patterns of a sample row's 序号, 编号
    (the word alone), 备注 (starting with the word, then nothing or a stop) and title (the word in
    brackets, or with a colon, before it); texts as ``norm`` gives them (full-width punctuation half-width)."""
    words = tuple(w for w in {norm(str(w)) for w in words} if w)
    if not words:
        return None
    starts = frozenset(w[0] for w in words) | frozenset("(（【[")
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    number = re.compile(rf"(?:{alt})[:：]?$")
    note = re.compile(rf"(?:{alt})(?:$|[,，:：;；.。、!！(（\s])")
    title = re.compile(rf"[(（【\[](?:{alt})[)）】\]]|(?:{alt})[:：]")
    return starts, number, number, note, title


def _may_open_appendix(first) -> bool:
    """A row's first filled cell that may open a table of figures: 附… (附：各单位报送采用情况统计), or a
    short label (月份, 序号 over 单位名称 | 报送信息（条）)."""
    return type(first) is str and (len(first) <= 12 or len(first) <= 40 and first.lstrip()[:1] == "附")


def labels_of_figures(filled: list[str], known: set[str] | frozenset = frozenset()) -> bool:
    """月份 | 报送条数 | 采用条数, 序号 | 单位名称 | 报送信息（条） | 采用信息（条）: a row of short labels, two
    or more of them a figure's that the table's own header (``known``, as ``norm_label`` gives its
    words) does not have: the table's header written again (序号 | 月份 | … | 单位 | 条数) is none."""
    return len(filled) >= 2 and all(len(t) <= 8 for t in filled) and sum(
        (bool(_FIGURE_LABEL.fullmatch(t)) or is_count_label(t)) and norm_label(t) not in known for t in filled) >= 2


# The lines under a table that sign it off: a label with its colon (经办人：, 单位（盖章）：, 分管领导：), a
# stamp (（盖章）), a page mark (第2页, — 2 —); not 2/5, which may be a day written under its column.
_SIGN_OFF = re.compile(r"[^:：]{1,10}[:：]|[(（]?(?:盖章|签章|公章|印章|签字|签名)[)）]?"
                       r"|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|[—\-–]+\s*\d+\s*[—\-–]+")


_SKIP_START = SUBTOTAL_WORDS + NOTE_WORDS
_SKIP_FIRST = frozenset(w[0] for w in _SKIP_START)
_MISSING = object()
_YES_NO_INSTRUCTION = {"√": True, "✓": True, "是": True, "有": True, "Y": True, "YES": True, "1": True,
                       "否": False, "无": False, "没有": False, "N": False, "NO": False, "0": False, "-": False,
                       "/": False, "—": False, "×": False}

# A 扣分 cell that writes none (0, 0分, 0.0): nothing taken off.
_NO_POINTS = re.compile(r"\s*0+(?:\.0+)?\s*分?\s*")

TABLE_COLUMNS = {
    "submissions": ("item", "item_no", "original_no", "seq", "title", "title_key", "date", "date_text", "date_status", "authors",
                    "author_text", "unit", "sector", "category", "category_text", "role_text", "note", "filed_by",
                    "not_adopted_flag", "paid_text", "paid_column", "points_text", "points_column", "src", "row"),
    "authors": ("item", "position", "name", "written", "tag", "role", "scribe"),
    "adoptions": ("item", "ref_item_no", "ref_title", "ref_author", "body", "tier", "channel", "routing", "department", "issue_no",
                  "date", "date_text", "date_status", "origin", "note", "unpaid", "src", "row", "column"),
    "forwards": ("item", "ref_item_no", "ref_title", "ref_author", "body", "tier", "channel", "date", "date_text", "date_status",
                 "origin", "note", "src", "row", "column"),
    "instructions": ("item", "ref_item_no", "ref_title", "ref_author", "leader", "level", "text", "date", "date_text", "date_status",
                     "follow_up", "department", "assigned_on", "due_on", "due_text", "due_days", "replied_on", "reply", "fed_back_on",
                     "origin", "note", "src", "row", "column"),
    "findings": ("code", "src", "row", "column", "value", "detail"),
    "skipped": ("src", "row", "reason", "detail", "column", "tally"),
}


# Fields that say which item a row is: a row with none of its own goes on with the item above.
_IDENTITY_FIELDS = ("seq", "item_no", "title", "date", "author", "unit", "sector", "category", "role")
# What parts a tag or 身份 cell lists its posts and roles with (县政协常委、县教育局局长).
_ROLE_PARTS = re.compile(r"[、,，;；/／]")
# What a co-author's line under an item's merged title writes of its own (张三 on the item's line, 李四 | 县卫健局 below).
_AUTHOR_LINE_FIELDS = ("author", "unit", "sector", "role")
# The columns a 小计's bare count of the items may stand in (小计 | 4 under the 序号, the date, the title…).
_TALLY_FIELDS = ("seq", "item_no", "title", "date", "author", "unit", "sector", "category")
# Fields whose cells make a record of their row (or are reported when they make none).
_RECORD_FIELDS = ("adoption", "publication", "adoption_level", "adopted_flag", "issue_no", "adopted_on", "product", "forward", "forward_flag", "forwarded_on", "leader", "leader_post",
                  "leader_level", "instruction", "instruction_text", "instructed_on", "follow_up", "done_flag", "reply_flag", "department", "assigned_on",
                  "due_on", "replied_on", "reply", "fed_back_on")


def _filled(v) -> bool:
    return v != "" and v is not None


def _starts_skip(text: str) -> bool:
    """Whether a text starts with a subtotal or note word (the first letter is checked first: fast)."""
    return text[:1] in _SKIP_FIRST and text.startswith(_SKIP_START)


# What an author cell writes besides names that the reader sets aside (the cell's part), each said at the cell
# (群众来信: a source; 集体: the unit as a whole; 王芳2025: a date; 李小 优秀信息员: an honour; 刘洋 城关镇: a place).
# 张伟（民建临江市委）, 张伟、李娜(民革县委): names, then one bracket.
_NAMES_THEN_BRACKET = re.compile(r"([^()]+)\(([^()]+)\)")
_SET_ASIDE_IN_AUTHOR_CELLS = (("source", "author.source"), ("collective", "author.collective"), ("dated", "author.dated"),
                              ("honour", "author.honour"), ("place", "author.place"))


@dataclass
class Tables:
    """Column lists the sheets of one file append to (table → column → values).

    Rows are appended whole (``add``) or a column at a time for many rows (``extend``); a
    column a call leaves out gets None for those rows, which the merge fills with the
    column's empty value. Plain lists: what a worker process sends back (read.file)."""

    data: dict[str, dict[str, list]] = field(default_factory=lambda: {t: {c: [] for c in cols} for t, cols in TABLE_COLUMNS.items()})
    n: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLE_COLUMNS})

    def add(self, table: str, **values) -> None:
        cols = self.data[table]
        for c, lst in cols.items():
            lst.append(values.get(c))
        self.n[table] += 1

    def pop(self, table: str) -> None:
        """Take back the row last added to ``table``."""
        for lst in self.data[table].values():
            lst.pop()
        self.n[table] -= 1

    def extend(self, table: str, count: int, **values) -> None:
        """``count`` rows; each value is a list of ``count`` values or one value for them all."""
        cols = self.data[table]
        for c, lst in cols.items():
            v = values.get(c)
            if isinstance(v, list):
                lst.extend(v)
            else:
                lst.extend([v] * count)
        self.n[table] += count


@dataclass
class SheetContext:
    """Where a sheet is and what its surroundings say (year, 填报单位)."""

    src: int
    file: str
    sheet: str
    year: int | None = None
    filed_by: str = ""
    year_conflict: tuple[str, str] | None = None  # (the title naming one year, where another is named)
    month: int | None = None  # the month a month's sheet names (3月): a date cell of a day alone is in it
    date1904: bool = False  # the workbook counts days from 1904: a number typed as a date is 1462 days on
    year_assumed: bool = False  # no title, sheet, file or folder name says the year: ``year`` is ``--year``'s
    caption: str = ""  # the text above the header (民革县委2025年社情民意信息报送情况), as written
    quarter: int | None = None  # the quarter a quarter's sheet names (第一季度, 1-3月): its dates lie about it
    span: tuple[int, int] | None = None  # the months the title says it covers (2024年12月—2026年1月), as year * 12 + month - 1
    # The sheet's name (or its file's, folder's) says its rows are struck out (作废) or a template's samples (样表):
    # (code, that name), else None
    aside: tuple[str, str] | None = None


def sheet_context(src: int, file: str, sheet: str, rows: list[list], layout: Layout, default_year: int | None,
                  date1904: bool = False) -> SheetContext:
    """Year and 填报单位 from the text above the header, else the sheet name, file name, ``--year``
    (``_sheet_year``)."""
    above = " ".join(cell_text(v) for r in rows[: layout.header_top] for v in r if v != "" and v is not None)
    year, conflict, assumed = _sheet_year(above, file, sheet, default_year)
    m = next((m for m in _FILED_BY.finditer(norm_spaces(above)) if not _MEASURE.fullmatch(m[1])), None)
    return SheetContext(src, file, sheet, year, m[1] if m else "", (above[:40], conflict) if conflict else None,
                        month_in_text(sheet), date1904, year_assumed=assumed, caption=norm_spaces(above)[:200],
                        quarter=quarter_in_text(sheet), span=month_span_in_text(_FILLED_ON.sub(" ", above)))


# When the form was filled in, printed or exported (填表日期：2026年1月5日, a system's 导出时间：2026-01-05 09:30:12
# above last year's ledger): no year of its items.
_FILLED_ON = re.compile(r"(?:填表|填报|制表|打印|报表|导出|生成|下载)(?:日期|时间)\s*[:：]?\s*[\d〇○零一二三四五六七八九十年月日号.:：\-/\s]*")


def years_back(sheet: str) -> int:
    """How many years before the workbook's a sheet's name says it is (上年, 去年台账: 1; 前年: 2); 0 for none."""
    name = norm(sheet)
    return next((n for w, n in YEARS_BACK_SHEET_WORDS if w in name), 0)


def _sheet_year(above: str, file: str, sheet: str, default_year: int | None) -> tuple[int | None, str, bool]:
    """The sheet's year, the words of a conflict to say ('' for none), and whether only ``--year`` gave it.

    A title naming another year than the sheet name (or, when that names none, the file name)
    is kept as a conflict to say (a title copied from last year's template). The sheet's own name
    is the more specific (2024年12月 in a workbook titled 2025年…登记表 over all its sheets): its
    year is read. Against a file name, the year read is ``--year`` when it is one of the two, else
    the title's. A sheet (or file) named as last year's (上年, 去年台账.xlsx) is a year before its file's (or
    folder's, or ``--year``'s)."""
    stem = file.replace("\\", "/").rsplit("/", 1)[-1]
    titled = year_in_text(_FILLED_ON.sub(" ", above))
    by_sheet, by_file = _named_years(file, stem, sheet, default_year)
    named = by_sheet or by_file or folder_year(file)  # 2024/台账.xlsx: the folder's year
    if not (titled and named and titled != named):
        year = titled or named or default_year
        return year, "", not (titled or named) and year is not None
    if by_sheet:
        return named, f"工作表名“{sheet}”为 {named} 年,未写年份的日期按工作表名的 {named} 年读取", False
    year = default_year if default_year in (titled, named) else titled
    return year, f"文件名“{stem}”为 {named} 年,未写年份的日期按 {year} 年读取", False


def _named_years(file: str, stem: str, sheet: str, default_year: int | None) -> tuple[int | None, int | None]:
    """The years the sheet's name and the file's name give (None for none): a name saying last year's (上年 in
    2025年台账.xlsx, 上年台账.xlsx run for 2025) a year before its file's (or folder's, or ``--year``'s)."""
    by_sheet, by_file = sheet_name_year(sheet), year_in_text(stem)
    if by_file is None and (back := years_back(stem.rsplit(".", 1)[0])):
        base = folder_year(file) or default_year
        by_file = base - back if base else None
    if by_sheet is None and (back := years_back(sheet)):
        base = year_in_text(stem) or folder_year(file) or default_year
        by_sheet = base - back if base else None
    return by_sheet, by_file


def repeat_above(data: list[list], skip: set) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """同上, 〃 (a ditto mark) in a cell of ``data`` (rows as read, one under the other) becomes the
    value of the cell above it, itself perhaps a ditto read first; a row with one is copied, not
    changed in its grid. Never in the columns ``skip`` (a 序号 or 编号 is never a repeat; a title 同上 is the item above's, ``_same_items``).
    Returns the cells repeated (row index, column) and those with nothing above (read as blank)."""
    repeated: list[tuple[int, int]] = []
    empty: list[tuple[int, int, str]] = []
    for k, row in enumerate(data):
        if _DITTOS.isdisjoint(row):  # one C-speed test a row: nearly every row has none
            continue
        data[k] = row = list(row)
        for c, v in enumerate(row):
            if v not in _DITTOS or c in skip:
                continue
            above = data[k - 1][c] if k and c < len(data[k - 1]) else ""
            if above in ("", None):
                empty.append((k, c, v))
                above = ""
            else:
                repeated.append((k, c))
            row[c] = above
    return repeated, empty


def ditto_finding(cells: list[tuple[int, int]]) -> dict:
    """The one cell.ditto finding of a sheet: its repeated cells (Excel row, column)."""
    shown = "、".join(f"{col_letter(c)}{r}" for r, c in cells[:5]) + (" 等" if len(cells) > 5 else "")
    return dict(row=None, column="", value=shown, detail=str(len(cells)))


# The characters NOTHING_IN_PERIOD cannot match without (its 无, 没有, 未; traditional forms before ``norm``): the
# fast path of every row looks for them before it norms the title (64,000 norms per 30 of the benchmark's files).
_MAY_SAY_NOTHING = frozenset("无無没沒未")


def _says_nothing_in_period(title: str) -> bool:
    """本月无信息, 暂无, 本月未报送社情民意信息 in the title's column: the month had no item (normed only when it holds
    a character the words need)."""
    return bool(_MAY_SAY_NOTHING.intersection(title)) and NOTHING_IN_PERIOD.fullmatch(norm(title)) is not None


# A 界别's name in a 单位 cell (经济界, 医卫界别, 农业界别组): the sector its people sit in, not where they work.
_SECTOR_NAME = re.compile(r"界(?:别)?(?:小?组)?$")
# A 政协 of a level before a 身份 written in a 单位 cell (县政协委员): the office's own body, not a unit.
_OWN_BODY = re.compile(r"^[县市区省州]?政协")


def _with_publications(bodies: str, publications: str) -> str:
    """采用单位 | 采用刊物 read as one text: ``市政协`` + ``《社情民意》第5期``; bodies and publications listed
    alike (``省级、市级`` beside ``省政协《信息专报》第2期；市政协《社情民意》第6期``) paired in order (joined
    whole, the second body took the first publication, and the second publication no body: 县级)."""
    split_bodies, split_publications = _LISTED.split(bodies.strip()), _LISTED.split(publications.strip())
    if len(split_bodies) > 1 and len(split_bodies) == len(split_publications):
        return "；".join(b + p for b, p in zip(split_bodies, split_publications))
    return bodies + publications


_LISTED = re.compile(r"\s*[；;、,，\n]+\s*")


def fill_merged_down(rows: list[list], merges, first_row: int) -> dict[tuple[int, int], int]:
    """Cells covered by a merge that runs down a column (one 单位 for several rows) take its value.

    Only merges starting at or below ``first_row`` (the data, not the header) and running down:
    a merge across a row (a month separator over the whole width) keeps its value in its first
    cell, where a person sees it. Returns the cells filled, (row, column) → the merge's first row."""
    filled: dict[tuple[int, int], int] = {}
    for (r0, c0), (r1, c1) in merges:
        if r0 < first_row or r1 == r0 or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        if value == "" or value is None:
            continue
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if c0 < len(row) and (row[c0] == "" or row[c0] is None):
                row[c0] = value
                filled[r, c0] = r0
    return filled


class SheetReader:
    """Reads the rows below one sheet's header into ``Tables``."""

    def __init__(self, layout: Layout, ctx: SheetContext, rules: Rules, tables: Tables, vocab: Vocabulary,
                 author_words: AuthorWords, memo: dict, by_seq: dict | None = None):
        self.layout, self.ctx, self.rules, self.t = layout, ctx, rules, tables
        self.vocab, self.author_words = vocab, author_words
        self.f = layout.fields
        self.memo = memo  # per-value results shared by the sheets of one file (dates, authors, marks)
        self._read_mark = self._read_mark_1904 if ctx.date1904 else vocab.read_mark
        self._row_note = ""
        self._headings: dict[int, tuple[str, int, str]] = {}  # Excel row → (unit, column, as written): 一、民革县委
        self._heading_took: dict[int, int] = {}  # Excel row of a heading → how many items took its unit
        # In a 采用台账, a lone line naming an adopting body over a block of rows (一、市政协采用, 省政协录用（3条）):
        # Excel row → (body, column, as written); the rows below with no body of their own are its adoptions.
        self._body_headings: dict[int, tuple[str, int, str]] = {}
        self._row_body = ""  # the body heading over the 采用台账 row being read ('' for none)
        self._row_took_body = 0  # how many adoptions of that row took the heading's body
        self._body_instructions: list[tuple] = []  # the 批示 of a row's body columns, read with the rest
        self._fills: dict[tuple[int, int], str] = {}  # (row, column) → fill colour, 0-based
        self._legends: list[tuple[int, int, str, str]] = []  # colour legends: Excel row, column, text, its swatch's fill
        # The legend of the 采用级别 codes (注：1=全国 2=省级): Excel row, column, text, code → level; the codes it read
        self._level_legend: tuple[int, int, str, dict[int, str]] | None = None
        self._codes_read: Counter = Counter()
        self._tallies: list[tuple[int, list, int]] = []  # the 小计/合计 rows set aside: Excel row, cells, skipped row
        self.by_seq = by_seq if by_seq is not None else {}  # 序号 → item of the table of items a table keyed by 序号 refers to

    # ------------------------------------------------------------------ rows

    def read(self, rows: list[list], formula_cells: set[tuple[int, int]],
             merged: dict[tuple[int, int], int] | None = None, error_cells: dict | None = None,
             struck_cells: set[tuple[int, int]] | None = None, partly_struck: dict | None = None,
             volatile_cells: dict | None = None, fills: dict[tuple[int, int], str] | None = None) -> None:
        """Read the rows below the header; ``merged`` are the cells ``fill_merged_down`` filled;
        ``error_cells`` hold Excel error values (#N/A), which read as empty and are named, as are
        ``volatile_cells`` (=TODAY(): its stored day is the last save's);
        ``struck_cells`` are struck through (删除线), which staff use to strike a thing out;
        ``partly_struck`` cells had part of their text struck, already left out of ``rows``;
        ``fills`` the cells' fill colours (a legend's swatch, the rows it marks)."""
        start = self.layout.header_bottom + 1
        self._fills = fills or {}
        self._legends_above(rows[:start])
        self._find_level_legend(rows)
        struck_rows = self._strike_out(rows, start, struck_cells) if struck_cells else set()
        if partly_struck:
            self._say_partly_struck(rows, start, partly_struck, struck_rows, struck_cells or set())
        kept, data = self._rows_below(rows, start, struck_rows)
        if self.ctx.aside and kept:
            kept, data = self._set_aside_sheet(kept, data)
        self._say_legends(kept)
        self._dittos(data, kept)
        self._report_columns(data, kept)
        self._note_formulas(set(kept), formula_cells, volatile_cells or {})
        for (r, c), text in sorted((error_cells or {}).items()):
            if start <= r < len(rows) and rows[r]:  # this table's rows (another table's are empty here)
                self.t.add("findings", code="cell.error_value", src=self.ctx.src, row=r + 1, column=col_letter(c),
                           value=text, detail="")
        if not data:
            self._say_headings()
            return
        before = dict(self.t.n)
        if self.layout.kind == "submissions":
            self._items(data, kept, merged or {})
            self._keep_tallies(start + 1)
        else:
            self._references(data, kept)
        self._say_level_legend()
        self._say_headings()
        if self.ctx.year_assumed:
            self._say_year_assumed(before)

    def _set_aside_sheet(self, kept: list[int], data: list[list]) -> tuple[list, list]:
        """A sheet whose name (or its file's, folder's) says it is struck out (作废, 已删除) or a template's samples
        (样表): its rows are no item, adoption or 批示 (each a ``skipped`` row, ``void`` or ``sample``), said once
        for the sheet (sheet.void, sheet.sample) with how many; nothing is left to read."""
        code, name = self.ctx.aside
        reason, c = code.split(".")[1], self.f.get("title")
        for r, row in zip(kept, data):
            title = cell_text(row[c]) if c is not None and c < len(row) else ""
            self.t.add("skipped", src=self.ctx.src, row=r, reason=reason, detail=title[:200])
        self.t.add("findings", code=code, src=self.ctx.src, row=None, column="", value=name, detail=str(len(kept)))
        return [], []

    def _keep_tallies(self, first_row: int) -> None:
        """Each 小计/合计 row that writes a count of the items, kept on its ``skipped`` row: the count's column,
        the text, and (count or None, first row it counts as a 小计, the table's first row, whether a 小计, and
        the count of adoptions it writes: its column, count and text, or None; and when it writes an amount of
        money, that: its column, fen, fen said carried over, text); the checks ``row.tally_differs`` and
        ``row.tally_adopted_differs`` set them against the items counted and their adoptions (validate.tallies),
        ``money.tally_differs`` the money against the items' 稿酬 cells and what the rules pay (validate.money)."""
        since, skipped = first_row, self.t.data["skipped"]
        counted = {self.f[f] for f in _TALLY_FIELDS if f in self.f}
        money_columns = self._money_amount_columns()
        for r, row, k in self._tallies:
            got = written_count(row, self.f.get("title"), counted, self._record_columns)
            adopted, money = adopted_count(row), written_money(row, money_columns)
            if got is not None or adopted is not None or money is not None:
                c, n, text = got or (adopted and (adopted[0], None, adopted[2])) or (money[0], None, money[3])
                skipped["column"][k], skipped["detail"][k] = col_letter(c), text
                adopted = adopted and (col_letter(adopted[0]), adopted[1], adopted[2])
                # the money it writes, when it writes some: (its column, fen, fen carried over, its text)
                money = () if money is None else ((col_letter(money[0]), *money[1:]),)
                skipped["tally"][k] = (n, since, first_row, part_total(row), adopted, *money)
            since = r + 1

    def _money_amount_columns(self) -> list[int]:
        """The columns read past that write an item's whole money (稿酬（元）, 稿费发放/金额; not 市级稿酬, one
        tier's, nor 稿费发放/日期): where a 小计/合计's amount is set against the items' (validate.money)."""
        return [c for c, label in sorted(self.layout.ignored.items())
                if money_amount_label(label) and self._placed(norm(label)).tier is None]

    def _dittos(self, data: list[list], kept: list[int]) -> None:
        """同上, 〃 in a cell is the cell above it (see ``repeat_above``): said once for the sheet
        (cell.ditto), and at the cell when there is nothing above to repeat (cell.ditto_empty)."""
        repeated, empty = repeat_above(data, {self.f.get(f) for f in ("seq", "item_no")})
        for k, c, mark in empty:
            self._finding("cell.ditto_empty", kept[k], c, mark)
        if repeated:
            self.t.add("findings", code="cell.ditto", **ditto_finding([(kept[k], c) for k, c in repeated]), src=self.ctx.src)

    def _say_year_assumed(self, before: dict[str, int]) -> None:
        """A sheet no title, sheet, file or folder name gives a year, read with ``--year``: its first date
        written without a year (in row order) is named once (``date.year_assumed``); every such date
        of the sheet was read in that year, whichever year is run."""
        first = None
        if "year" in self.f:  # each item's year is its row's 年度, and its records' days are placed after it
            return            # (link.dates_after_their_items), whichever year is run
        for table in ("submissions", "adoptions", "forwards", "instructions"):
            cols = self.t.data[table]
            for k in range(before[table], self.t.n[table]):
                text = cols["date_text"][k]
                if cols["date"][k] and text and (first is None or cols["row"][k] < first[0]) and not has_year(text):
                    column = col_letter(self.f["date"]) if table == "submissions" and "date" in self.f else cols["column"][k]
                    first = (cols["row"][k], column, text)
        if first is not None:
            row, column, text = first
            self.t.add("findings", code="date.year_assumed", src=self.ctx.src, row=row, column=column or "",
                       value=f"{column}{row}“{text[:40]}”", detail=str(self.ctx.year))

    def _strike_out(self, rows: list[list], start: int, struck: set[tuple[int, int]]) -> set[int]:
        """Cells struck through (删除线) in this table's rows: a struck title strikes its row out
        (returned: left out, said); any other struck cell is read as empty, said (a struck
        ``市政协采用`` is no adoption)."""
        ct = self.f.get("title")
        filled = lambda r, c: start <= r < len(rows) and c < len(rows[r]) and rows[r][c] not in ("", None)
        struck_rows = {r for r, c in struck if c == ct and filled(r, c)}
        for r, c in sorted(struck):
            if r not in struck_rows and filled(r, c):
                self._finding("cell.struck", r + 1, c, rows[r][c])
                rows[r] = list(rows[r])  # the row as read, with that cell struck out
                rows[r][c] = ""
        return struck_rows

    def _say_partly_struck(self, rows: list[list], start: int, partly: dict, struck_rows: set[int],
                           struck: set[tuple[int, int]]) -> None:
        """Each of this table's cells whose text was struck through in part (its struck part left
        out when the workbook was opened), unless its row or the whole cell is struck out (said so)."""
        for (r, c), (kept, gone) in sorted(partly.items()):
            if start <= r < len(rows) and rows[r] and r not in struck_rows and (r, c) not in struck:
                self._finding("cell.partly_struck", r + 1, c, gone.strip(), kept.strip()[:200])

    def _rows_below(self, rows: list[list], start: int, struck_rows: set[int] = frozenset()) -> tuple[list[int], list[list]]:
        """The rows from ``start`` down that hold items (or references), with their Excel row
        numbers; the others (blank, 小计, notes, repeated headers, struck-out items) are set aside
        in ``skipped``, a struck-out one also said."""
        header_words = {norm_label(v) for r in rows[self.layout.header_top:start] for v in r if v != "" and v is not None}
        header_words.discard("")
        kept: list[int] = []  # Excel rows of the items (or references)
        data: list[list] = []
        signed = False  # below a sign-off line: a day alone is the 落款's
        for r in range(start, len(rows)):
            row = rows[r]
            reason = self._reason_of(rows, r, header_words, signed)
            if reason is _APPENDIX_BELOW:  # 附：分月统计, or 月份 | 报送条数 | 采用条数: no items below
                break
            if reason != "":
                signed = reason == "note"
            if reason is None and kept and kept[-1] == r and self._joined_above(row, r, kept, data):
                continue
            if reason is None:
                self._item_or_struck_out(row, r, r in struck_rows, kept, data)
            elif reason:
                self._set_aside(row, r, reason)
                if reason == "subtotal":
                    self._tallies.append((r + 1, row, self.t.n["skipped"] - 1))
        return kept, data

    def _reason_of(self, rows: list[list], r: int, header_words: set[str], signed: bool):
        """Why row ``r`` is no item ('' blank), None for an item, or ``_APPENDIX_BELOW``; a day alone
        below a sign-off line is the 落款's."""
        row = rows[r]
        if self._plainly_item(row):
            return None
        if self._legend_cell(row, r) is not None:
            return "legend"
        if self._appendix_from(rows, r, header_words):
            return _APPENDIX_BELOW
        reason = self._skip_reason(row, header_words)
        return "note" if reason is None and signed and self._a_day_alone(row) else reason

    def _note_below(self, row: list, r: int, kept: list[int], data: list[list]) -> None:
        """作废, 退稿, 不计稿酬 written on the line under its item: the item's 备注 (it was an item of its
        own, or a void row while the item above stayed counted); 作废 there strikes the item out."""
        data[-1] = self._with_note_below(data[-1], row)
        self.t.add("skipped", src=self.ctx.src, row=r + 1, reason="note_below", detail="")
        self._finding("row.note_below", r + 1, self.f["note"], cell_text(row[self.f["note"]]), f"第{r}行")
        if void := self._void_note(data[-1]):
            self.t.add("skipped", src=self.ctx.src, row=kept[-1], reason="void", detail=void)
            self._finding("row.void", kept[-1], self.f["note"], void)
            kept.pop()
            data.pop()

    def _joined_above(self, row: list, r: int, kept: list[int], data: list[list]) -> bool:
        """Whether a row right under an item is a line of it: its 备注 (``_note_below``) or the rest of its title
        (``_title_below``), joined to it."""
        if self._note_only(row):
            self._note_below(row, r, kept, data)
        elif self._title_rest(row, data[-1]):
            self._title_below(row, r, data)
        else:
            return False
        return True

    def _title_rest(self, row: list, above: list) -> bool:
        """A row whose only filled cell is a title's second half (``切实解决监护缺失问题的建议`` under
        ``关于进一步加强…服务体系建设``): the title above not finished (no 建议, 问题… at its end), this one finishing
        it, not opening one (关于…, 一、…) nor a category's name (not 以下为补报信息, 待补充: no title's end)."""
        c = self.f.get("title")
        if c is None or c >= len(row) or type(row[c]) is not str or any(_filled(v) for k, v in enumerate(row) if k != c):
            return False
        rest, first = norm(row[c]), norm(cell_text(above[c] if c < len(above) else ""))
        return bool(first) and not _TITLE_DONE.search(first) and bool(_TITLE_DONE.search(rest)) and not (
            _TITLE_OPENS.match(rest) or _HEADING_NUMBER.match(rest) or self.rules.category_of(rest))

    def _title_below(self, row: list, r: int, data: list[list]) -> None:
        """The rest of the title above, written on the next line: joined to it (no item of its own), said."""
        c = self.f["title"]
        above = data[-1] = list(data[-1])
        above[c] = cell_text(above[c]).strip() + row[c].strip()
        self.t.add("skipped", src=self.ctx.src, row=r + 1, reason="continuation", detail=f"第{r}行")
        self._finding("row.title_below", r + 1, c, row[c].strip(), f"第{r}行的标题,连读为“{above[c]}”")

    def _item_or_struck_out(self, row: list, r: int, struck: bool, kept: list[int], data: list[list]) -> None:
        """An item row kept, unless the office struck it out: its title struck through (删除线), or its
        备注 saying 作废 / 已撤回 / 与第3条重复; or it is a template's sample (示例 in its 序号, 填写示例 in
        its 备注: left out, and said)."""
        if struck:
            title = cell_text(row[self.f["title"]])
            self.t.add("skipped", src=self.ctx.src, row=r + 1, reason="struck", detail=title[:200])
            self._finding("row.struck", r + 1, self.f["title"], title)
        elif sample := self._sample(row):
            self.t.add("skipped", src=self.ctx.src, row=r + 1, reason="sample", detail=sample[1][:200])
            self._finding("row.sample", r + 1, *sample)
        elif void := self._void_note(row):
            self.t.add("skipped", src=self.ctx.src, row=r + 1, reason="void", detail=void)
            self._finding("row.void", r + 1, self.f["note"], void)
        else:
            if (c := self.f.get("note")) is not None and c < len(row) and type(row[c]) is str \
                    and self._memo("void_kept", row[c], self.vocab.void_but_kept):
                self._finding("row.void_kept", r + 1, c, row[c].strip())  # 撤回后修改重新报送: this row stands
            kept.append(r + 1)
            data.append(row)

    def _sample(self, row: list) -> tuple[int, str] | None:
        """(column, text) of the cell that makes a row a template's sample (rules ``sample_words``): 示例,
        例, 填表示例 as its 序号 or 编号, a 备注 starting with one (填写示例, 示例行，请勿删除; not
        示例县政协…), a title opening with one in brackets (（示例）关于…); None for an item."""
        patterns = self._sample_patterns
        if patterns is None:
            return None
        starts = patterns[0]  # the first letters a sample's cell may start with: most cells need no more look
        for fld, pattern in zip(("seq", "item_no", "note", "title"), patterns[1:]):
            value = self._cell(row, fld)
            if type(value) is str and value.lstrip()[:1] in starts and pattern.match(norm(value)):
                return self.f[fld], value.strip()
        return None

    @functools.cached_property
    def _sample_patterns(self) -> tuple | None:
        """What a sample's 序号, 编号, 备注 and title look like, from the rules' ``sample_words``."""
        return _sample_patterns(tuple(self.rules.data.get("sample_words") or ()))

    def _note_only(self, row: list) -> bool:
        """A row whose only filled cell is its 备注."""
        c = self.f.get("note")
        return (c is not None and c < len(row) and _filled(row[c])
                and all(not _filled(v) for k, v in enumerate(row) if k != c))

    def _with_note_below(self, above: list, row: list) -> list:
        """The item row above with the 备注 written under it joined to its own."""
        c = self.f["note"]
        joined = list(above) + [""] * (c + 1 - len(above))
        joined[c] = "；".join(t for t in (cell_text(joined[c]).strip(), cell_text(row[c]).strip()) if t)
        return joined

    def _appendix_from(self, rows: list[list], r: int, header_words: set[str]) -> bool:
        """A table of figures appended under the items (``附：分月统计``, then ``月份 | 报送条数 | 采用条数``):
        its rows are no items; every row from there down is set aside and said once (it was read as items,
        a person named 1 with two submissions)."""
        if not _may_open_appendix(next((v for v in rows[r] if v != "" and v is not None), None)):
            return False  # most rows: the first cell decides
        filled = [norm(cell_text(v)) for v in rows[r] if v != "" and v is not None]
        if not _opens_appendix(rows, r, filled, header_words):
            return False
        below = [k for k in range(r, len(rows)) if any(map(_filled, rows[k]))]
        for k in below:
            self.t.add("skipped", src=self.ctx.src, row=k + 1, reason="appendix", detail="")
        self._finding("sheet.appendix", r + 1, None, filled[0], f"第{r + 1}—{below[-1] + 1}行")
        return True

    def _set_aside(self, row: list, r: int, reason: str) -> None:
        """A row that is no item, in ``skipped`` with its reason; a comment row keeps its words
        (``以下为补报信息``): skipped, not lost."""
        detail = cell_text(next(v for v in row if v != "" and v is not None))[:200] if reason == "comment" else ""
        self.t.add("skipped", src=self.ctx.src, row=r + 1, reason=reason, detail=detail)
        if reason == "legend":  # 注：黄色为市政协采用: what a colour marks, which the tool does not read
            c, swatch = self._legend_cell(row, r)
            self._legends.append((r + 1, c, cell_text(row[c]).strip(), swatch))
        if reason == "of_rows_above":  # 以上信息已报市政协: what it says of which rows is not read, so said
            c = next(c for c, v in enumerate(row) if v != "" and v is not None)
            self._finding("row.of_rows_above", r + 1, c, cell_text(row[c]).strip(), "")
        if reason == "unit_heading":  # 一、民革县委: the unit of the items below it (``_units_by_heading``)
            c = next(c for c, v in enumerate(row) if v != "" and v is not None)
            self._headings[r + 1] = (self._unit_heading(norm(cell_text(row[c]))), c, cell_text(row[c]))
        if reason == "body_heading":  # 一、市政协采用: the body of the 采用台账 rows below it (``_references``)
            c = next(c for c, v in enumerate(row) if v != "" and v is not None)
            self._body_headings[r + 1] = (self._body_heading(cell_text(row[c])), c, cell_text(row[c]))

    def _skip_reason(self, row: list, header_words: set[str]) -> str | None:
        """Why a row below the header is not an item ('' for a blank row), or None for an item."""
        if self._plainly_item(row):
            return None
        filled = [(c, v) for c, v in enumerate(row) if v != "" and v is not None]
        if not filled:
            return ""
        texts = [norm(cell_text(v)) for _, v in filled[:3]]
        return (self._numbers_alone(row, filled) or self._summary_reason(row, filled, texts)
                or self._repeat_or_lone(filled, texts, header_words) or self._only_unread(filled))

    def _numbers_alone(self, row: list, filled: list) -> str | None:
        """A row of whole numbers only, one of them in the title's column (no title is a number): a totals
        row with no label (=SUBTOTAL(3,C4:C40) under the titles, =COUNTIF(F4:F40,"*采用*") under 采用情况),
        or, all 0, a row of formulas over an empty row (=报送!C40 shows 0 for an empty cell); None otherwise."""
        if type(self._cell(row, "title")) not in (int, float) or not all(_a_count(v) for _, v in filled):
            return None
        return "subtotal" if any(v for _, v in filled) else "numbered_blank"

    def _legend_cell(self, row: list, r: int) -> tuple[int, str] | None:
        """(column, swatch's fill) of a line's cell that says what a colour marks, on a line of at most
        three cells (not an item's row): in words (注：黄色底纹为被市政协采用的信息; rules ``colour_legend``;
        no swatch, ''), or short texts each beside a swatch (``_swatch_beside``; not an item's 张三 beside
        its empty 采用情况 filled yellow, its title beside none); None for most lines."""
        filled = [(c, v) for c, v in enumerate(row) if _filled(v)]
        if not filled or len(filled) > 3:
            return None
        worded = next((c for c, v in filled if type(v) is str and self.vocab.colour_legend(v)), None)
        if worded is not None:
            return worded, ""
        swatches = [self._swatch_beside(row, r, c) for c, _ in filled] if self._fills else []
        return (filled[0][0], swatches[0]) if swatches and all(swatches) else None  # ■ 市政协采用 ■ 领导批示: each beside one

    def _swatch_beside(self, row: list, r: int, c: int) -> str:
        """The fill of an empty cell beside cell ``c`` filled with a colour that cell has not (a legend's
        swatch: ■ | 市政协采用), when ``c`` holds a short text; '' for none."""
        v = row[c]
        if type(v) is not str or len(v.strip()) > 20:
            return ""
        empty = lambda k: k >= len(row) or not _filled(row[k])
        swatch = next((self._fills[r, k] for k in (c - 1, c + 1) if (r, k) in self._fills and empty(k)), "")
        return swatch if swatch != self._fills.get((r, c)) else ""

    def _legends_above(self, rows: list[list]) -> None:
        """A colour's legend above the table or in its header (说明：黄色底纹的信息已被市政协采用,
        采用情况（黄色为市政协采用）): said with the others (``_say_legends``)."""
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if type(v) is str and self.vocab.colour_legend(v):
                    self._legends.append((r + 1, c, v.strip(), ""))

    def _say_legends(self, kept: list[int]) -> None:
        """Each colour legend said at its cell (the colours are not read), with the item rows that carry
        its swatch's fill (a legend in words: any fill), when the workbook says."""
        if not self._legends:
            return
        fills = self._fills_by_row()
        for r, c, text, swatch in self._legends:
            rows = [k for k in kept if k in fills and (not swatch or swatch in fills[k])]
            shown = "、".join(map(str, rows[:5])) + ("等" if len(rows) > 5 else "")
            detail = f",表中第{shown}行(共 {len(rows)} 行信息)带{'此' if swatch else ''}底色" if rows else ""
            self._finding("sheet.colour_legend", r, c, f"{text}(旁边单元格的底色)" if swatch else text, detail)

    def _find_level_legend(self, rows: list[list]) -> None:
        """A legend saying what the codes of the 采用级别 column stand for (注：采用级别 1=全国 2=省级 3=市级
        4=县级, under the table as a system's export writes it, or above it): the codes are read by it
        (``_level_written``). Looked for on the rows down to the header and on lines of at most three
        cells, not in the items' cells, and only when the sheet has a level column."""
        if self._adoption_columns()[2] is None:
            return
        for r, row in enumerate(rows):
            if r > self.layout.header_bottom and sum(map(_filled, row)) > 3:
                continue
            for c, v in enumerate(row):
                if type(v) is str and (codes := self.vocab.level_codes(v)):
                    self._level_legend = (r + 1, c, v.strip(), codes)
                    return

    def _say_level_legend(self) -> None:
        """The legend the 采用级别 codes were read by, said at its cell with the codes it read (3=市级 2 格)."""
        if not self._codes_read:
            return
        r, c, text, codes = self._level_legend
        read = "、".join(f"{k}={codes[k]} {n} 格" for k, n in sorted(self._codes_read.items()))
        self._finding("sheet.level_legend", r, c, text, read)

    def _fills_by_row(self) -> dict[int, set[str]]:
        """Excel row → the fills of its cells under the table's columns."""
        columns = set(self.layout.labels)
        by_row: dict[int, set[str]] = {}
        for (r, c), fill in self._fills.items():
            if c in columns:
                by_row.setdefault(r + 1, set()).add(fill)
        return by_row

    def _void_note(self, row: list) -> str:
        """The 备注 of a row that says the office struck the item out (作废, 已撤回, 与第3条重复), or ''."""
        c = self.f.get("note")
        if c is None or c >= len(row) or type(row[c]) is not str or not row[c]:
            return ""
        return row[c].strip() if self.vocab.says_void(row[c]) else ""

    def _plainly_item(self, row: list) -> bool:
        """The fast path: a real title, and a first cell that starts no note or subtotal."""
        ct = self.f.get("title")
        if ct is None or ct >= len(row):
            return False
        t = row[ct]
        if type(t) is not str or len(t) <= 8 or _starts_skip(t) or _says_nothing_in_period(t):
            return False
        first = next((v for v in row if v != "" and v is not None), "")
        if first is t and not any(v != "" and v is not None for v in row[ct + 1:]):
            return False  # the title alone on its row (民革县委（共2条）): a heading or a comment, maybe
        return not (type(first) is str and _starts_skip(first))

    def _summary_reason(self, row: list, filled: list, texts: list[str]) -> str | None:
        """A 小计/合计 row, or a note or a line of signatures under the table."""
        given = [self._cell(row, f) not in ("", None) for f in ("author", "date")]
        # 小计 | 一季度 | 共2条, 总计 | 2025-03-31 | … (in the 序号 column, with a date), 一月小计:2条,
        # 截至3月31日共报送: a tally; 累计欠缴物业费问题… is a title whatever the row lacks.
        if any(_tally(t) for t in texts) or self._counts_alone(row, filled, given) or self._figures_line(filled):
            return "subtotal"
        notes = [bool(_NOTE.match(norm(cell_text(v)))) for _, v in filled]
        # Neither an author nor a date: a line of signatures (制表人:刘某 … 审核人:陈某 … 联系电话:…).
        if not any(given) and any(notes):
            return "note"
        if len(filled) > 1 and all(notes):
            return "note"  # 制表人:刘某 | 审核人:陈某 | 联系电话:…, wherever the cells fall
        return "note" if self._signs_off(row, filled) else None

    def _figures_line(self, filled: list) -> bool:
        """报送 | 4 | 采用 | 2, 报送2条 | 采用1条 (``_figures_written``) with a cell outside the record columns:
        a 统计 line; not a line of another adoption of the item above, 编发 | 12 under 采用情况 | 期号."""
        return _figures_written(filled) and not all(c in self._record_columns for c, _ in filled)

    def _counts_alone(self, row: list, filled: list, given: list[bool]) -> bool:
        """A totals row with no label (=COUNTIF(F4:F11,"√") under each body's column): no title, author or date,
        only whole numbers, under the bodies' columns (and the 序号's), one of them more than a tick's 1."""
        if any(given) or self._cell(row, "title") not in ("", None):
            return False
        bodies = {b.col for b in self.layout.bodies}
        numbers = [v for c, v in filled if c in bodies and type(v) in (int, float) and float(v).is_integer() and v >= 0]
        return len(numbers) >= 2 and max(numbers) > 1 and all(c in bodies or c == self.f.get("seq") for c, _ in filled)

    def _signs_off(self, row: list, filled: list) -> bool:
        """经办人： | 周某 | 联系电话： | 1380000…, 分管领导： | 李某某, （盖章）, 第2页: a sign-off line — a label,
        stamp or page mark, and nothing long enough to be a title beside it; or the office's own name
        (落款) alone."""
        texts = [norm(cell_text(v)) for _, v in filled]
        if len(texts) == 1 and (self._office_name(texts[0]) or filled[0][0] == self.f.get("note")
                                and has_year(texts[0]) and parse_date(filled[0][1], self.ctx.year).status == OK):
            return True  # 落款: the office's name, or the day alone in the 备注 column
        if not any(_SIGN_OFF.fullmatch(t) for t in texts) or any(len(t) > 14 for t in texts):
            return False
        title = norm(cell_text(self._cell(row, "title")))
        return len(title) <= 6 or bool(_SIGN_OFF.fullmatch(title))

    def _a_day_alone(self, row: list) -> bool:
        filled = [v for v in row if v != "" and v is not None]
        return len(filled) == 1 and parse_date(filled[0], self.ctx.year).status == OK

    def _unit_heading(self, text: str) -> str:
        """The unit a lone line over a block of items names (``一、民革县委``, ``（二）县教育局（3条）``,
        ``民盟县委：``), or '' when the line is no unit's heading."""
        unit = _HEADING_COUNT.sub("", _HEADING_NUMBER.sub("", norm(text))).strip(" :：")
        if not 2 <= len(unit) <= 20 or _NO_HEADING.search(unit) or self._office_name(unit):
            return ""
        return unit if self.author_words.is_unit(unit) else ""

    def _body_heading(self, text: str) -> str:
        """The body a lone line over a block of a 采用台账's rows names as adopting them (``一、市政协采用``,
        ``省政协录用情况（3条）``, ``（二）全国政协``): one adoption by a body the rules place at a tier, in a channel
        the tier figures count (a unit's name, 民革县委, heads the rows of its items, not their adoptions);
        '' for any other line."""
        body = _HEADING_COUNT.sub("", _HEADING_NUMBER.sub("", norm(text))).strip(" :：")
        if not 2 <= len(body) <= 30 or _NO_HEADING.search(body):
            return ""
        read = self.vocab.read_text(body)
        if len(read) != 1 or read[0].state != ADOPTED or not read[0].body:
            return ""
        placed = self._placed(read[0].body)
        return read[0].body if placed.tier is not None and self.rules.channel_counts(placed.channel, "tiers") else ""

    def _office_name(self, text: str) -> bool:
        """The office's own name as signed under a table (县政协办公室, 政协示例县委员会办公室)."""
        office = self.rules.data.get("office") or {}
        names = {norm(str(n)) for n in (office.get("name"), office.get("full_name")) if n}
        bare = re.sub(r"[(（](?:盖章|印章|公章)[)）]$", "", text)
        return bare in names or bare.endswith("政协办公室") or any(bare == n + "办公室" for n in names)

    def _names_and_dates(self, row: list) -> bool:
        """Whether a row's author cell names someone (not a count: 2人, 共2人) and its date cell is a date."""
        author, date = self._cell(row, "author"), self._cell(row, "date")
        if author in ("", None) or date in ("", None) or _A_COUNT.fullmatch(norm(cell_text(author))):
            return False
        return parse_date(from_1904(date) if self.ctx.date1904 else date, self.ctx.year).status == OK

    def _repeat_or_lone(self, filled: list, texts: list[str], header_words: set[str]) -> str | None:
        """The header written again, or a row with one cell that is a separator, a note, a comment."""
        if sum(1 for _, v in filled if norm_label(v) in header_words) >= 2:
            return "header_repeat"
        if len(filled) >= 3 and [whole_number(v) for _, v in filled] == list(range(1, len(filled) + 1)):
            return "column_numbers"  # 1 | 2 | 3 | … under the header: the columns' numbers, as forms print them
        if self._says_nothing(filled):
            return "comment"  # 本月无信息 (beside its 序号): the month had no item
        if len(filled) == 1 and (lone := self._lone_reason(*filled[0], texts[0])):
            return lone
        if _NOTE.match(texts[0]) and len(filled) <= 2:
            return "note"
        return None

    def _says_nothing(self, filled: list) -> bool:
        """Whether a row's one filled cell besides its 序号 says the period had no item (本月无信息)."""
        words = [v for c, v in filled if c != self.f.get("seq")]
        return len(words) == 1 and type(words[0]) is str and bool(NOTHING_IN_PERIOD.fullmatch(norm(words[0])))

    def _lone_reason(self, c: int, value, text: str) -> str | None:
        """Why a row with one cell filled is no item: a month's separator, a note, a unit's heading
        over its block (一、民革县委), a 序号 alone or a comment in the 序号 column; None for an item."""
        if _SEPARATOR.match(text):
            return "separator"
        if _NOTE.match(text):
            return "note"
        if _OF_THE_ROWS_ABOVE.match(text):
            return "of_rows_above"  # 以上信息已报市政协, 以上2条均已报送: no heading of the rows below, no item
        if self.layout.kind != "submissions" and c != self.f.get("note") and self._body_heading(text):
            return "body_heading"  # 一、市政协采用 over a 采用台账's rows: their body
        if c != self.f.get("note") and c not in self._record_columns and self._unit_heading(text):
            return "unit_heading"  # a 备注 (已转报市政协), 采用 (省政协采用) or 批示 alone is the row above's
        if c == self.f.get("seq"):
            return "numbered_blank" if isinstance(value, (int, float)) or text.isdigit() else "comment"
        return None

    def _only_unread(self, filled: list) -> str | None:
        """Only a 序号, columns the tool does not read (a 稿酬 formula on an empty row) and record
        columns that say nothing happened (a template's 是否采用 filled with 否 down to row 500)."""
        unread = set(self.layout.ignored) | {self.f.get("seq")}
        record = self._record_columns
        if all(c in unread or (c in record and self._says_none(cell_text(v))) for c, v in filled):
            return "numbered_blank"
        return None

    @functools.cached_property
    def _follow_up_in_instruction(self) -> bool:
        """A 批示 column whose header names its follow-up too (领导批示及落实情况), with no 落实 column."""
        c = self.f.get("instruction")
        label = self.layout.labels.get(c, "") if c is not None else ""
        return "follow_up" not in self.f and any(w in label for w in ("落实", "办理", "反馈"))

    def _says_follow_up(self, text: str) -> bool:
        """Whether a word of the rules' follow-up vocabulary places the text (已落实, 正在办理)."""
        return self._follow_up_words.status(text)[1]

    @functools.cached_property
    def _follow_up_words(self) -> FollowUpWords:
        return FollowUpWords.of(self.rules)

    @functools.cached_property
    def _both_columns(self) -> set[int]:
        """Adoption columns whose header names 批示 too (采用及批示情况): one column for both."""
        words = self.vocab.instruction_words
        return {c for c in (self.f.get("adoption"),) if c is not None and any(w in self.layout.labels.get(c, "") for w in words)}

    @functools.cached_property
    def _record_columns(self) -> set[int]:
        """The columns of adoption, forwarding and instruction marks (a body's, 是否采用, 采用情况…)."""
        return {b.col for b in self.layout.bodies} | {self.f[f] for f in _RECORD_FIELDS if f in self.f}

    def _report_columns(self, data: list[list], kept: list[int]) -> None:
        """One finding per column whose cells are not read: unknown or ignored header, or none."""
        layout, src = self.layout, self.ctx.src
        header_row = layout.header_top + 1
        width = max(map(len, data), default=0)
        # Only the columns whose cells are not read need counting (every other cell is read).
        unread = {c for c in range(width) if c not in layout.labels} | set(layout.unknown) | set(layout.ignored) | set(layout.also)
        counts: dict[int, int] = {}
        first: dict[int, tuple[int, object]] = {}
        for c in unread:
            column = [row[c] if c < len(row) else "" for row in data]
            filled = list(compress(range(len(column)), map(_filled, column)))
            if filled:
                counts[c] = len(filled)
                first[c] = (kept[filled[0]], column[filled[0]])
        labelled = set(layout.labels)
        self._say_columns_read_past(header_row, counts)
        if layout.filler_author is not None:
            c = layout.filler_author
            self.t.add("findings", code="header.filler_as_author", src=src, row=header_row, column=col_letter(c),
                       value=layout.labels.get(c, ""), detail="")
        if layout.sender_units is not None:
            c = layout.sender_units
            self.t.add("findings", code="header.sender_units", src=src, row=header_row, column=col_letter(c),
                       value=layout.labels.get(c, ""), detail="")
        for c, fld in layout.also.items():
            if fld not in ("note", "author"):  # a second 备注 is read into the note, 第二作者 into the authors
                self.t.add("findings", code="header.duplicate", src=src, row=header_row, column=col_letter(c),
                           value=layout.labels.get(c, ""), detail=str(counts.get(c, 0)))
        self._report_second_authors(header_row, counts)
        self._say_own_reading_twice(layout.header_bottom + 1)  # at the column's own label (its lowest header row)
        for c in sorted(set(counts) - labelled):
            r, v = first[c]
            self.t.add("findings", code="column.no_header", src=src, row=r, column=col_letter(c),
                       value=cell_text(v)[:30], detail=str(counts[c]))

    def _say_own_reading_twice(self, header_row: int) -> None:
        """Each adoption column whose body the office's own reading of a level word at its start places
        (``office.relative``: 市政协 or 市级 in 义乌市's ledger is its own, 县级) at the tier and line of another
        column of the group (县政协编发 | 市政协 | 省政协, 本级 | 市级 | 省级: the tiers a county's columns climb), said
        at its header (header.relative_twice): read as the rules say, the column may mean the city above."""
        columns: dict[str, tuple[int, object]] = {}
        for b in self.layout.bodies:
            if b.action == "adoption" and b.body not in columns:
                columns[b.body] = (b.col, self._placed(norm(b.body)))
        for body, (col, placed) in columns.items():
            if not placed.relative or placed.tier is None:
                continue
            other = next((o for o, (_, p) in columns.items() if o != body and not p.relative
                          and (p.tier, p.channel, p.routing) == (placed.tier, placed.channel, placed.routing)), None)
            if other is not None:
                said = self.layout.labels.get(columns[other][0], other).split("/")[-1]  # 县政协编发 of 采用情况/县政协编发
                self.t.add("findings", code="header.relative_twice", src=self.ctx.src, row=header_row,
                           column=col_letter(col), value=self.layout.labels.get(col, body), detail=said)

    def _say_columns_read_past(self, header_row: int, counts: dict[int, int]) -> None:
        """Each column of an unknown header, or read past on purpose, said with how many cells it holds; one
        whose cells are checked against what the tool works out (``_checked_columns``) said so. A column with
        nothing in it yet (a new year's sheet) is said as empty, not as "0 个单元格未读取"."""
        layout, checked = self.layout, self._checked_columns()
        for code, empty, columns in (("header.unknown", "header.unknown_empty", layout.unknown),
                                     ("header.ignored", "header.ignored_empty", layout.ignored)):
            for c, label in columns.items():
                said = ("header.checked", "header.checked_empty") if c in checked else (code, empty)
                self.t.add("findings", code=said[0] if c in counts else said[1], src=self.ctx.src, row=header_row,
                           column=col_letter(c), value=label, detail=str(counts.get(c, 0)))

    def _checked_columns(self) -> set[int]:
        """The columns read past whose every cell is checked against what the tool works out, never obeyed: on
        a sheet of items, the first column of an item's whole 稿酬 (``_money_column``: validate.money) and the
        first of its 积分 (``_points_columns``: validate.points). A later one is checked only where the first is
        blank, so it is said as read past."""
        if self.layout.kind != "submissions":
            return set()
        ignored = self.layout.ignored.items()
        money = next((c for c, label in ignored if money_amount_label(label) and self._placed(norm(label)).tier is None), None)
        points = next((c for c, label in ignored if points_label(label)), None)
        return {c for c in (money, points) if c is not None}

    def _report_second_authors(self, header_row: int, counts: dict[int, int]) -> None:
        """A later column of authors whose label does not say it holds more authors (报送人 | 信息员, 作者 |
        提供人; not 合作者, 第二作者, 执笔人, 作者2): read as the item's co-authors (``_author_cells``), said once
        with how many cells (``header.second_author``): it may be who sent or handled the item."""
        labels, scribe = self.layout.labels, self.author_words.scribe
        main = labels.get(self.f.get("author"), "").rsplit("/", 1)[-1]
        for c, fld in self.layout.also.items():
            leaf = labels.get(c, "").rsplit("/", 1)[-1]
            if fld == "author" and counts.get(c) and not (COAUTHOR_LABEL.search(leaf) or any(w in leaf for w in scribe)):
                self.t.add("findings", code="header.second_author", src=self.ctx.src, row=header_row, column=col_letter(c),
                           value=leaf, detail=main)

    def _note_formulas(self, kept: set[int], formula_cells, volatile_cells: dict) -> None:
        """The formula cells of the rows read whose value is unknown, read as empty: never calculated
        (formula.no_value), or of today's date (cell.volatile_date: =TODAY() stored at the last save)."""
        for r, c in sorted(formula_cells):
            if r + 1 in kept:
                self.t.add("findings", code="formula.no_value", src=self.ctx.src, row=r + 1, column=col_letter(c),
                           value="", detail="")
        for (r, c), (formula, stored) in sorted(volatile_cells.items()):
            if r + 1 in kept:
                self.t.add("findings", code="cell.volatile_date", src=self.ctx.src, row=r + 1, column=col_letter(c),
                           value=formula[:60], detail=stored)

    # ------------------------------------------------------------------ cells

    def _cell(self, row: list, fld: str):
        c = self.f.get(fld)
        return row[c] if c is not None and c < len(row) else ""

    def _text(self, row: list, fld: str) -> str:
        return cell_text(self._cell(row, fld))

    def _numbering_restarts(self, data: list[list]) -> bool:
        """An 编号 column (no 序号 beside it) of small whole numbers that starts again at 1 (a month's or a
        unit's rows numbered on their own): a running number, not the items' numbers (which were each
        item.duplicate_no, the rows left out)."""
        if "seq" in self.f or "item_no" not in self.f:
            return False
        numbers = []
        for v in self._column(data, "item_no"):
            if v == "" or v is None:
                continue
            text = v.strip() if type(v) is str else cell_text(v)
            if not text.isdigit() or len(text) > 3:
                return False
            numbers.append(int(text))
        return numbers.count(1) > 1 and len(numbers) > 2

    def _column(self, data: list[list], fld: str) -> list:
        c = self.f.get(fld)
        if c is None:
            return [""] * len(data)
        return [row[c] if c < len(row) else "" for row in data]

    def _mapped(self, kind, values: list, fn) -> list:
        """``[fn(v) for v in values]``, each distinct value worked out once per file (ledgers repeat
        units, dates, marks). A TRUE cell must not take the parse of a 1 (True == 1): booleans
        are worked out each time."""
        cache = self.memo.setdefault(kind, {})
        get = cache.get
        out = []
        append = out.append
        for v in values:
            if type(v) is bool:
                append(fn(v))
                continue
            r = get(v, _MISSING)
            if r is _MISSING:
                r = cache[v] = fn(v)
            append(r)
        return out

    def _memo(self, kind, value, fn):
        # Keyed by type too: a TRUE cell must not take the parse of a 1 (True == 1).
        cache = self.memo.setdefault(kind, {})
        key = (type(value), value)
        try:
            return cache[key]
        except KeyError:
            out = cache[key] = fn(value)
            return out
        except TypeError:  # an unhashable value: never from calamine, but cheap to allow
            return fn(value)

    def _parse_date(self, v) -> tuple[int, str, str]:
        p = parse_date(from_1904(v) if self.ctx.date1904 else v, self.ctx.year)
        return (p.date.toordinal() if p.date else 0), p.status, cell_text(v)

    def _item_date(self, v) -> tuple[int, str, str]:
        """A 收稿日期 cell; on a month's sheet (3月) a day alone (5日, 5) is that day of the month."""
        p = parse_date(from_1904(v) if self.ctx.date1904 else v, self.ctx.year)
        if p.status != OK and (day := day_in_month(v, self.ctx.year, self.ctx.month)) is not None:
            p = day
        return (p.date.toordinal() if p.date else 0), p.status, cell_text(v)

    def _read_mark_1904(self, value) -> Reading | None:
        reading = self.vocab.read_mark(value)
        if reading is not None and reading.date is not None and type(value) in (int, float):  # a serial typed in
            reading = replace(reading, date=reading.date + dt.timedelta(days=DAYS_1900_TO_1904))
        return reading

    def _date(self, value) -> tuple[int, str, str]:
        """(proleptic ordinal or 0, status, the cell as text) of a date cell."""
        return self._memo(("date", self.ctx.year), value, self._parse_date)

    def _finding(self, code: str, row: int, col: int | None, value="", detail="") -> None:
        self.t.add("findings", code=code, src=self.ctx.src, row=row, column=col_letter(col) if col is not None else "",
                   value=cell_text(value)[:60] if not isinstance(value, str) else value[:60], detail=detail)

    def _secondary_date(self, row: list, r: int, fld: str, label: str) -> int:
        """A date field of a record other than its own date (交办, 办复, 上报): ordinal or 0, with a
        finding when the cell is filled but not a date."""
        value = self._cell(row, fld)
        if value == "" or value is None:
            return 0
        ordinal, status, text = self._date(value)
        if status not in (OK, "month_only", "part_of_month"):
            self._finding("cell.date_invalid", r, self.f[fld], text, label)
            return 0
        return ordinal

    # ------------------------------------------------------------------ items

    def _items(self, data: list[list], kept: list[int], merged: dict[tuple[int, int], int]) -> None:
        continued = self._continuations(data, kept, merged)
        if merged:
            self._merged_over_items(data, kept, merged, continued)
        if not continued:
            self._item_rows(data, kept)
            return
        data = self._coauthors_joined(data, kept, merged, continued)
        own = [i for i in range(len(data)) if i not in continued]
        base = self.t.n["submissions"]
        item_of = {i: base + k for k, i in enumerate(own)}
        notes = self._notes(data)
        self._item_rows([data[i] for i in own], [kept[i] for i in own])
        for i, (origin, said) in continued.items():
            item = item_of[origin]
            self.t.add("skipped", src=self.ctx.src, row=kept[i], reason="continuation", detail=f"第{kept[origin]}行")
            if said == "coauthor":
                continue  # said, its authors the item's (_coauthors_joined), its other cells the item's merged down
            if notes[i]:  # the 备注 of a second line is the item's too
                t = self.t.data["submissions"]["note"]
                t[item] = f"{t[item]};{notes[i]}" if t[item] else notes[i]
            if said == "again":
                self._earlier_day(item, data[i])
            if said and said != "numbered":  # one 编号 on both rows: plainly one item, nothing to ask
                code = {"same": "row.same_item", "again": "row.adopted_again"}.get(said, "row.continuation")
                self._finding(code, kept[i], self.f.get("title"), "", f"第{kept[origin]}行")
            self._row_records(_unmerged(data[i], kept[i] - 1, merged), kept[i], item, ("", ""), notes[i])

    def _coauthors_joined(self, data: list[list], kept: list[int], merged: dict, continued: dict) -> list[list]:
        """``data`` with the authors of each co-author line (``_coauthor_lines``) joined to its item's author
        cell, each line said (``row.coauthor_line``) with its unit when the item is counted under another."""
        ca, cu = self.f.get("author"), self.f.get("unit")
        data = list(data)
        for i, (origin, said) in sorted(continued.items()):
            if said != "coauthor":
                continue
            row, first = data[i], list(data[origin])
            written = cell_text(row[ca]).strip()
            first[ca] = "、".join(t for t in (cell_text(first[ca]).strip(), written) if t)
            data[origin] = first
            unit = cell_text(row[cu]).strip() if cu is not None and cu < len(row) and (kept[i] - 1, cu) not in merged else ""
            item_unit = cell_text(first[cu]).strip() if cu is not None and cu < len(first) else ""
            apart = f";其单位“{unit}”未单独计入,该信息按“{item_unit or '未写明单位'}”统计" if unit and norm(unit) != norm(item_unit) else ""
            self._finding("row.coauthor_line", kept[i], ca, written, f"已计为第{kept[origin]}行那条信息的合作作者(不另计一条信息){apart}")
        return data

    def _merged_over_items(self, data: list[list], kept: list[int], merged: dict[tuple[int, int], int], continued: dict) -> None:
        """An 采用/批示/上报 cell merged down over two or more items (市政协采用 over 甲 and 乙): each item
        is read as recording it (as the sheet shows), and that is said at the merge, since only staff
        know whether it was one adoption of both or of one (``cell.merged_records``)."""
        records, own = self._record_columns, {kept[i] - 1 for i in range(len(data)) if i not in continued}
        spans: dict[tuple[int, int], int] = {}
        for (r, c), r0 in merged.items():
            if c in records and r in own:
                spans[r0, c] = spans.get((r0, c), 1 if r0 in own else 0) + 1
        for (r0, c), n in sorted(spans.items()):
            if n > 1:
                self._finding("cell.merged_records", r0 + 1, c, data[kept.index(r0 + 1)][c] if r0 + 1 in kept else "", f"{n}")

    def _continuations(self, data: list[list], kept: list[int], merged: dict[tuple[int, int], int]) -> dict[int, tuple[int, bool]]:
        """Rows that go on with the item above: {row index: (the item's row index, said)}.

        A row whose title cell is covered by a merge from an item row above is a second line of
        that item (one item adopted at two levels, written on two lines): its records are the
        item's. So is a row right under an item with no title, author, date or other item field
        of its own but a record cell (采用, 批示, 上报); that one is ``said`` (a warning names it),
        since only the layout tells."""
        ct = self.f.get("title")
        if ct is None:
            return {}
        identity = [ct, *(self.f[f] for f in _IDENTITY_FIELDS if f in self.f and f != "title")]
        records = self._record_columns
        index = {row - 1: i for i, row in enumerate(kept)}  # 0-based sheet row → index
        out: dict[int, tuple] = self._coauthor_lines(data, kept, merged, index) if merged else {}
        for i, row in enumerate(data):
            r = kept[i] - 1
            if i in out or _own_field(row, r, identity, merged):
                continue  # a title (or another item field) of its own: most rows
            origin, said = _continued_from(row, r, ct, records, merged, index) or (None, False)
            if said:  # the row above may itself go on with an item above it: that item
                out[i] = (out[origin][0] if origin in out else origin, True)
            elif origin is not None and origin not in out:
                out[i] = (origin, False)
        out.update(self._same_items(data, identity, records, out))
        return out

    def _coauthor_lines(self, data: list[list], kept: list[int], merged: dict, index: dict[int, int]) -> dict[int, tuple[int, str]]:
        """Co-authors on lines of their own: {row index: (the item's row index, 'coauthor')}. Under the
        item's merged title, such a line writes only an author (and his unit, 身份 or 界别) of its own,
        its record cells blank or merged from above."""
        ct, ca = self.f["title"], self.f.get("author")
        author_fields = {self.f[f] for f in _AUTHOR_LINE_FIELDS if f in self.f}
        out = {}
        for i, row in enumerate(data):
            r = kept[i] - 1
            if (r, ct) not in merged or ca is None or (origin := index.get(merged[r, ct])) is None:
                continue
            own = {c for c in range(len(row)) if _filled(row[c]) and (r, c) not in merged}
            if ca in own and own <= author_fields:
                out[i] = (origin, "coauthor")
        return out

    def _same_items(self, data: list[list], identity: list[int], records: set[int],
                    taken: dict[int, tuple]) -> dict[int, tuple[int, str]]:
        """Rows that write an item again whole (title, author, date, …) to record another adoption
        or 批示 of it (县政协编发 on one line, 市政协采用 on the next): {row index: (the first row's
        index, 'same')}; 'numbered' when both write one 信息编号 (a system's export, a row per adoption):
        plainly one item, not said. A row that records nothing new is left alone: a duplicate, an error.

        In a ledger of adoptions read as the items (dated by their adoption, sheet.items_from_adoptions)
        a row is an adoption: one naming the item of a row above again (its title as ``title_key``
        reads it, its author …) on another day is its next adoption ('again'), not another item."""
        ct = identity[0]
        by_adoption = self._dated_by_adoption
        titles = self._titles_compared(data, ct, by_adoption is not None)
        twice = {t for t, n in Counter(titles).items() if n > 1 and _filled(t)}
        if not twice:
            return {}
        first: dict[tuple, int] = {}
        out: dict[int, tuple[int, str]] = {}
        keys = [c for c in identity if c not in (self.f.get("seq"), ct, by_adoption)]
        recs, day = sorted(records), [by_adoption] if by_adoption is not None else []
        for i, (row, t) in enumerate(zip(data, titles)):
            if t not in twice or i in taken:
                continue
            origin = first.setdefault((t, _cells(row, keys)), i)
            if origin == i:  # 同上 under the title, the date left blank: the item right above
                origin = first[t, _cells(row, keys)] = _short_of_above(data, titles, i, keys, {**taken, **out})
            if origin != i and _adds_a_record(_cells(row, recs), _cells(data[origin], recs)):
                out[i] = (origin, self._same_how(row, data[origin], day))
        return out

    def _same_how(self, row: list, first: list, day: list[int]) -> str:
        """How a row writing its item again goes on with it: 'again' on another adoption day (a ledger of
        adoptions), 'numbered' when it writes the item's 编号 (a key of the two, so the same), else 'same'."""
        if _cells(row, day) != _cells(first, day):
            return "again"
        c = self.f.get("item_no")
        return "numbered" if c is not None and c < len(row) and _filled(row[c]) else "same"

    @staticmethod
    def _titles_compared(data: list[list], ct: int, by_key: bool) -> list:
        """Each row's title as rows of one item are told by: the cell itself, or (a ledger of adoptions,
        each row written anew) its ``title_key``."""
        titles = [row[ct] if ct < len(row) else "" for row in data]
        return [title_key(cell_text(t)) if _filled(t) else "" for t in titles] if by_key else titles

    @functools.cached_property
    def _dated_by_adoption(self) -> int | None:
        """The date column when it is the adoption's (or 批示's) own: a 采用台账 read as the items."""
        c = self.f.get("date")
        return c if c is not None and c in (self.f.get("adopted_on"), self.f.get("instructed_on")) else None

    def _earlier_day(self, item: int, row: list) -> None:
        """An item read from a ledger of adoptions is dated by its first adoption: a later row of it
        with an earlier day (the rows not in date order) dates it."""
        c = self.f["date"]
        ordinal, status, text = self._item_date(row[c] if c < len(row) else "")
        dates = self.t.data["submissions"]
        if status == OK and ordinal and (not dates["date"][item] or ordinal < dates["date"][item]):
            dates["date"][item], dates["date_status"][item], dates["date_text"][item] = ordinal, status, text

    def _item_rows(self, data: list[list], kept: list[int]) -> None:
        if self._numbering_restarts(data):  # 编号 1, 2 … then 1, 2 again under 二月份: a 序号, said
            self.f["seq"] = self.f.pop("item_no")
            self._finding("header.numbering_restarts", self.layout.header_top + 1, self.f["seq"], self.layout.labels[self.f["seq"]])
        n = len(data)
        base = self.t.n["submissions"]
        items = list(range(base, base + n))
        src = self.ctx.src
        titles = [v.strip() if type(v) is str else cell_text(v) for v in self._column(data, "title")]
        dated = self._item_dates(data)
        if "year" in self.f:  # one sheet kept over several years: each row's 年度 gives its date's year
            dated = self._years_from_column(dated, data, kept)
        else:
            dated = self._across_the_year_end(dated, kept)
        dated = self._blank_dates_from_sheet(dated, kept)
        spaced = lambda x: norm_spaces(cell_text(x))
        author_cells = self._mapped("spaced", self._author_cells(data), spaced)
        categories = self._mapped("norm", self._column(data, "category"), lambda x: norm(cell_text(x)))
        category_of = self.rules.category_of
        roles = self._mapped("norm", self._column(data, "role"), lambda x: norm(cell_text(x)))
        notes = self._notes(data)
        words = self.author_words
        parsed = self._coauthors_in_notes(self._mapped("authors", author_cells, lambda t: split_authors(t, words) if t else None),
                                          notes, kept)
        units, sectors = self._units_and_sectors(data, parsed, kept)
        self.t.extend(
            "submissions", n,
            item=items,
            item_no=self._numbers(data, "item_no"),
            original_no=self._numbers(data, "original_no"),  # 原编号 beside 编号: the number of the office that sent it
            seq=self._seq_numbers(data),
            title=titles,
            title_key=[title_key(t) for t in titles],
            date=[d[0] for d in dated], date_text=[d[2] for d in dated], date_status=[d[1] for d in dated],
            author_text=author_cells,
            authors=[tuple(a.key for a in cell.authors) if cell is not None else () for cell in parsed],
            unit=units,
            sector=sectors,
            category=self._mapped("category", categories, lambda c: category_of(c) if c else None),
            category_text=categories,
            role_text=roles,
            note=notes,
            filed_by=self.ctx.filed_by,
            not_adopted_flag="",
            paid_text="",
            paid_column="",
            points_text="",
            points_column="",
            src=src,
            row=kept,
        )
        self._authors(items, parsed, author_cells, kept, roles)
        self._roles(roles, kept)
        self._status_in_titles(titles, kept)
        for i in self._rows_with_records(data, notes):
            self._row_records(data[i], kept[i], items[i], ("", ""), notes[i])
        for i, item in enumerate(items):
            self._points_columns(data[i], kept[i], item, notes[i])

    def _numbers(self, data: list[list], fld: str) -> list[str]:
        """A number column's cells as matching keys (``item_no_key``), '' where blank."""
        return self._mapped("item_no", self._column(data, fld), lambda x: item_no_key(x) or "")

    def _seq_numbers(self, data: list[list]) -> list[str] | str:
        """Each row's 序号 as a whole number's text where the sheet has no 编号 column: a separate 采用台账
        names its items by it (报送编号 2 for 序号 2; domain.md §3: 序号/编号 name one thing), else ''."""
        if "item_no" in self.f or "seq" not in self.f:
            return ""
        numbers = (whole_number(v) for v in self._column(data, "seq"))
        return ["" if n is None else str(n) for n in numbers]

    def _status_in_titles(self, titles: list[str], kept: list[int]) -> None:
        """A title that ends or opens with what became of the item (关于…的建议（市政协采用）, 【获县长批示】,
        （已报市政协）, 【市政协采用】关于…): not read from there (a title's bracket may be its own: （二）, （第3期）), said at
        its cell (``title.says_status``)."""
        c = self.f.get("title")
        for t, r in zip(titles, kept):
            if (t[-1:] in _CLOSING_BRACKETS or t[:1] in _OPENING_BRACKETS) and (said := self._status_of_title(t)):
                self._finding("title.says_status", r, c, t, said)

    def _status_of_title(self, title: str) -> str:
        """The bracket ending or opening ``title`` (【市政协采用】关于…) when it says an adoption, a 批示 or
        a 上报, else ''."""
        for m in (_BRACKET_ENDING_TITLE.search(title), _BRACKET_OPENING_TITLE.match(title)):
            inner = m[1].strip() if m else ""
            if inner and (any(v in inner for v in ADOPTION_VERBS) or self.vocab._any_instruction.search(inner)
                          or self.vocab.may_forward(inner) and self.vocab._forwarded(norm(inner).upper())):
                return inner
        return ""

    def _units_and_sectors(self, data: list[list], parsed: list, kept: list[int]) -> tuple[list[str], list[str]]:
        """Each item's unit and 界别: the 单位 cell's (县教育局（教育界）: both), else the unit written with
        the names (民革县委张伟); the 界别 column's, else the one in the 单位 cell. A 单位 cell naming
        several units (民盟县委、民进县委) counts for the first, said (unit.several)."""
        raw = self._column(data, "unit")
        cells = self._mapped("unit", raw, self._unit_cell)
        self._no_unit_said(raw, cells, kept)
        alone = self._mapped("unit_alone", [u for u, _ in cells], self._unit_alone)  # what the text alone decides
        # Most cells name a unit and no one: only those that may name a person (a bracket at the end, an
        # author written alike or after the unit) are looked at again, row by row.
        unit_cells = [self._unit_said(u, sector, said, cell, r)
                      if said[0] or u and (u[-1:] in _CLOSING_BRACKETS or _ends_with_author(u, cell))
                      else (u, sector) for (u, sector), said, cell, r in zip(cells, alone, parsed, kept)]
        units = [u or self._unit_of_authors(cell, r) for (u, _), cell, r in zip(unit_cells, parsed, kept)]
        self._other_units_said(unit_cells, parsed, kept)
        if self._headings:
            units = self._units_by_heading(units, kept)
        written = self._mapped("spaced", self._column(data, "sector"), lambda x: norm_spaces(cell_text(x)))
        return units, [s or u[1] for s, u in zip(written, unit_cells)]

    def _unit_said(self, u: str, sector: str, said: tuple[str, str, str], cell, r: int) -> tuple[str, str]:
        """A 单位 cell's (unit, 界别), what in it is no unit said at the cell: several units (民盟县委、民进县委:
        the first), a 身份 (特邀信息员, 县政协委员: none), the author again (张三 | 张三: none), a person in
        brackets after the unit (民革县委（联系人：张三）: the unit). ``said``: ``_unit_alone`` of the text."""
        code, unit, detail = said
        if not code and cell is not None and any(a.key == u for a in cell.authors) and not self.author_words.is_unit(u):
            code, unit = "unit.is_author", ""
        if not code and (person := _person_after_unit(u, cell)):
            code, unit, detail = "unit.with_person", *person
        if not code and (person := _authors_after_unit(u, cell, self.author_words)):
            code, unit, detail = "unit.with_author", *person
        if code:
            self._finding(code, r, self.f["unit"], u, detail)
        return unit, sector

    def _no_unit_said(self, raw: list, cells: list[tuple[str, str]], kept: list[int]) -> None:
        """个人, 本人, 无, ——, / in a 单位 cell: an item filed by a person as such, of no unit. Said at the cell as an
        info (``unit.none_written``), so that a row written so is not asked to fill in the unit above it
        (``unit.blank_below``)."""
        c = self.f.get("unit")
        for v, (u, sector), r in zip(raw, cells, kept):
            if not u and not sector and _filled(v) and (text := norm_spaces(cell_text(v))):
                self._finding("unit.none_written", r, c, text, "")

    def _other_units_said(self, unit_cells: list[tuple[str, str]], parsed: list, kept: list[int]) -> None:
        """单位 民革市委 | 作者 民盟市委课题组: the author cell names another unit's group, no person. The item counts
        (and is paid) for its 单位 cell's unit, as README's order says; said at the author cell (``author.other_unit``).
        A 单位 cell naming a 界别 (经济界) beside a person's workplace (张三（县农商银行行长）) is no other unit."""
        places = office_places(self.rules)
        for (u, _), cell, r in zip(unit_cells, parsed, kept):
            if u and cell is not None and cell.unit and unit_key(cell.unit, places) != unit_key(u, places) \
                    and not (cell.authors and _SECTOR_NAME.search(u)):
                # 单位 经济界 | 作者 张三（县农商银行行长）: a 界别 where the person works elsewhere, both true
                # 单位 民盟市委 | 作者 张伟（民建市委）: the 单位 column counts, the other unit said
                code = "author.other_unit" if cell.collective and not cell.authors else "author.unit_not_column"
                self._finding(code, r, self.f.get("author"), cell.unit, u)

    def _unit_alone(self, u: str) -> tuple[str, str, str]:
        """(the finding's code or '', the unit, its detail) of a 单位 cell naming several units or a 身份."""
        if not u:
            return "", "", ""
        if several := self._several_units(u):
            return "unit.several", several[0], several[0]
        if self.rules.role_of(_OWN_BODY.sub("", u)):
            return "unit.is_role", "", ""
        return "", u, ""

    def _unit_of_authors(self, cell, r: int) -> str:
        """The unit written with an item's authors (民革县委张三), '' for none; authors of several units
        (张三（民革县委）、李四（县教育局）) count for the first's, said as a 单位 cell naming several is."""
        unit = cell.unit if cell is not None else ""
        if unit and (several := self._several_units(unit)):
            self._finding("unit.several", r, self.f.get("author"), unit, several[0])
            return several[0]
        return unit

    def _units_by_heading(self, units: list[str], kept: list[int]) -> list[str]:
        """Items with no 单位 of their own under a unit's heading (一、民革县委) count for that unit,
        said once at each heading with how many took it (``row.unit_heading``)."""
        rows = sorted(self._headings)
        for i, r in enumerate(kept):
            above = bisect.bisect_left(rows, r) - 1  # the nearest heading above the item's row
            if not units[i] and above >= 0:
                units[i] = self._headings[rows[above]][0]
                self._heading_took[rows[above]] = self._heading_took.get(rows[above], 0) + 1
        return units

    def _say_headings(self) -> None:
        """Each unit heading said at its cell with how many items took its unit (0: every item below
        it has a 单位 of its own, or none follows), so no heading line is passed over in silence."""
        for r, (_, c, text) in sorted(self._headings.items()):
            self._finding("row.unit_heading", r, c, text, f"{self._heading_took.get(r, 0)}")

    def _unit_cell(self, value) -> tuple[str, str]:
        """``_unit_cell``, and a person's post after the unit taken off (工作单位及职务: 县教育局副局长 is
        县教育局, 民革县委 主委 is 民革县委)."""
        unit, sector = _unit_cell(value)
        words = self.author_words
        post = next((p for p in words.posts_ending_in.get(unit[-1:], ()) if unit.endswith(p)), None)
        rest = unit[: -len(post)].rstrip(" -—·") if post else ""
        return (rest if len(rest) >= 2 and words.is_unit(rest) else unit), sector

    def _several_units(self, text: str) -> list[str] | None:
        """The units a 单位 cell lists (民盟县委、民进县委, 县卫健局/县教育局; 民盟县委 县工商联 on two lines of
        the cell, each of them a unit), or None for one unit."""
        if not _SEPARATOR_IN_UNITS.search(text):
            if joined := self._units_joined(text):
                return joined
            parts = text.split()  # not 民盟 县委 (a stray space in one name): each part a unit of 3 characters or more
            return parts if len(parts) > 1 and all(len(p) >= 3 and self.author_words.is_unit(p) for p in parts) else None
        parts = [p.strip() for p in _SEPARATOR_IN_UNITS.split(text) if p.strip()]
        return parts if len(parts) > 1 and all(map(self.author_words.is_unit, parts)) else None

    def _units_joined(self, text: str) -> list[str] | None:
        """Units joined by 与/和/及 (民革市委与民盟市委, 民革市委和民盟市委联合: a joint word after them), each
        ending as a unit's name ends (市委, 工商联); not one unit with 和 in its name (社会和法制委员会: 社会
        ends no unit's name), or None."""
        words = self.author_words
        ends = (*words.unit_words, *words.unit_suffixes)
        joint = sorted((norm(str(w)) for w in self.rules.data.get("joint_words") or () if str(w).strip()), key=len, reverse=True)
        body = next((text[: -len(w)] for w in joint if text.endswith(w) and len(text) > len(w)), text)
        parts = _JOINED_UNITS.split(body)
        return parts if len(parts) > 1 and ends and all(len(p) >= 2 and p.endswith(ends) for p in parts) else None

    def _author_cells(self, data: list[list]) -> list:
        """The author column's cells; more author columns (第二作者, 合作者, 执笔人) hold more authors of
        the item, joined after it in order, a 执笔人 column's name marked as the 执笔人."""
        if "author" not in self.f and "unit" in self.f and data:
            # A ledger of units (序号 | 报送单位 | 信息题目 | …, no 作者 column): the unit sent each item, as
            # the catalog's own advice says to write it. Every row was author.missing and left out.
            self.t.add("findings", code="sheet.unit_as_author", src=self.ctx.src, row=None,
                       column=col_letter(self.f["unit"]), value=self.layout.labels.get(self.f["unit"], ""), detail=str(len(data)))
            return self._column(data, "unit")
        cells = self._column(data, "author")
        more = [c for c, fld in self.layout.also.items() if fld == "author"]
        if not more:
            return cells
        scribe = self.author_words.scribe
        marked = {c for c in more if any(w in self.layout.labels.get(c, "") for w in scribe)}

        def written(row: list, c: int) -> str:
            text = cell_text(row[c]) if c < len(row) and _filled(row[c]) else ""
            if text and c in marked and not any(w in text for w in scribe) and not _SEPARATOR_IN_NAMES.search(text):
                text += "（执笔）"  # the one name under 执笔人
            return text

        return ["、".join(filter(None, [cell_text(first) if _filled(first) else "", *(written(row, c) for c in more)]))
                for first, row in zip(cells, data)]

    def _item_dates(self, data: list[list]) -> list[tuple[int, str, str]]:
        """Each item's (date ordinal, status, text as written): from its date column, or its 月 | 日
        columns; on a month's sheet with no date column, that month (said once)."""
        date_cells = self._column(data, "date")
        if "day" in self.f:  # 月 | 日 columns: one date
            date_cells = [_month_and_day(m, d) for m, d in zip(date_cells, self._column(data, "day"))]
        elif self.layout.labels.get(self.f.get("date"), "") in _MONTH_LABELS:
            date_cells = [_month_alone(v) for v in date_cells]  # 4 under 月份 is April (as 4月 is)
        dated = self._mapped(("item_date", self.ctx.year, self.ctx.month), date_cells, self._item_date)
        n = len(data)
        if "date" not in self.f and self.ctx.month and self.ctx.year and n:
            # A month's sheet with no date column (the sheet is the month): its items are that month's.
            dated = [(dt.date(self.ctx.year, self.ctx.month, 1).toordinal(), OK, "")] * n
            self.t.add("findings", code="sheet.dated_by_name", src=self.ctx.src, row=None, column="",
                       value=self.ctx.sheet, detail=f"{n} 条信息按 {self.ctx.year}年{self.ctx.month}月")
        return dated

    def _years_from_column(self, dated: list[tuple[int, str, str]], data: list[list], kept: list[int]) -> list[tuple[int, str, str]]:
        """A sheet kept over several years with a 年度 column (2023 | 3月5日): a date written without its
        year is of its row's 年度, not of the sheet's year (the title's first, 2023—2025); a 年度 left
        blank under one filled is the row above's, said (``date.year_read``); one that names no year is
        said at its cell (``cell.date_invalid``); a date whose written year is not its row's 年度 is
        counted by the date and said (``date.year_column_differs``). The years named are months the sheet
        covers (``ctx.span``, as a title's 2023—2025): none of its rows is out of its year."""
        c = self.f["year"]
        years = self._mapped("year_cell", self._column(data, "year"), year_of_cell)
        self._cover_years_named(years)
        out = list(dated)
        above = None
        for k, (entry, year) in enumerate(zip(dated, years)):
            year, above = self._row_year(year, above, data[k][c] if c < len(data[k]) else "", kept[k], entry)
            if year is not None:
                out[k] = self._dated_in_year(entry, year, kept[k])
        return out

    def _cover_years_named(self, years: list[int | None]) -> None:
        """The years a 年度 column names are months the sheet covers, as a title's 2023—2025 (``ctx.span``)."""
        named = {y for y in years if y is not None}
        if named - {self.ctx.year}:
            lo, hi = min(named) * 12, max(named) * 12 + 11
            span = self.ctx.span or ((self.ctx.year * 12, self.ctx.year * 12 + 11) if self.ctx.year else (lo, hi))
            self.ctx.span = (min(span[0], lo), max(span[1], hi))

    def _row_year(self, year: int | None, above: int | None, cell, r: int, entry: tuple[int, str, str]) -> tuple[int | None, int | None]:
        """(the row's 年度, the 年度 the next row takes when its own is blank): a blank 年度 under a filled one is
        the row above's, said (``date.year_read``); a 年度 naming no year said (``cell.date_invalid``)."""
        ordinal, status, text = entry
        if year is None and _filled(cell):
            self._finding("cell.date_invalid", r, self.f["year"], cell, "年度栏没有年份,本行不带年份的日期按工作表的年度读取;年度请写如2025")
        carried = year is None and not _filled(cell) and above is not None and (
            status == NO_YEAR or bool(ordinal) and not has_year(text))
        if carried:
            year = above
            self._finding("date.year_read", r, self.f.get("date"), text, f"本行年度栏空白,按上一行的年度{year}年读取")
        return year, year if year is not None else above

    def _dated_in_year(self, entry: tuple[int, str, str], year: int, r: int) -> tuple[int, str, str]:
        """A row's date in its 年度: 3月5日 read in it; a whole date of another year kept and said
        (``date.year_column_differs``)."""
        ordinal, status, text = entry
        if status == NO_YEAR:  # 3月5日 on a sheet no title or name gives a year
            p = parse_date(text, year)
            return (p.date.toordinal(), p.status, text) if p.date else entry
        if not ordinal or status != OK:
            return entry
        day = dt.date.fromordinal(ordinal)
        if has_year(text):
            if day.year != year:
                self._finding("date.year_column_differs", r, self.f.get("date"), text, f"{year}")
            return entry
        return (_in_year(day, year).toordinal(), status, text) if day.year != year else entry

    def _blank_dates_from_sheet(self, dated: list[tuple[int, str, str]], kept: list[int]) -> list[tuple[int, str, str]]:
        """On a month's sheet (3月), an item whose 收稿日期 is left blank is that month's, said at its
        cell (``date.from_sheet``): as a month's sheet with no date column is (it was an error there,
        the item left out of every figure)."""
        month, year, c = self.ctx.month, self.ctx.year, self.f.get("date")
        if not month or not year or c is None or "day" in self.f:
            return dated
        first = dt.date(year, month, 1).toordinal()
        out = dated
        for k, (_, status, _) in enumerate(dated):
            if status == MISSING:
                out = out if out is not dated else list(dated)
                out[k] = (first, OK, "")
                self._finding("date.from_sheet", kept[k], c, "", f"{year}年{month}月")
        return out

    def _across_the_year_end(self, dated: list[tuple[int, str, str]], kept: list[int]) -> list[tuple[int, str, str]]:
        """A date written without its year that belongs to the year beside the sheet's, said at its cell
        (``date.year_read``); it was read in the sheet's year. On a month's sheet: half a year from the
        sheet's month (a quarter's sheet: its middle month); on a sheet of a year: past its December, the
        rows in date order; on one whose title states the months it covers (2024年12月—2026年1月), in them."""
        if not self.ctx.year:
            return dated
        month = self.ctx.month or (3 * self.ctx.quarter - 1 if self.ctx.quarter else None)
        if month:
            moves = self._beside_the_month(dated, month)
        elif self.ctx.span:
            moves = self._within_the_span(dated, kept)
        else:
            moves = self._past_december(dated, kept)
        if not moves:
            return dated
        out = list(dated)
        for k, moved, why in moves:
            out[k] = (moved.toordinal(), out[k][1], out[k][2])
            if why:  # none: said as unclear already (date.year_unclear)
                self._finding("date.year_read", kept[k], self.f.get("date"), out[k][2],
                              f"{why},按{moved.year}年{moved.month}月{moved.day}日读取")
        return out

    def _beside_the_month(self, dated: list[tuple[int, str, str]], month: int) -> list[tuple[int, dt.date, str]]:
        """On a month's sheet, a date half a year from the sheet's month is of the year beside (12月28日
        on the 1月 sheet: the December before; 1月3日 on the 12月 sheet: the January after); on a
        quarter's sheet, from its middle month (12月30日 on 第一季度: the December before)."""
        year = self.ctx.year
        moves = []
        for k, (ordinal, status, text) in enumerate(dated):
            if not ordinal or status != OK:
                continue
            day = dt.date.fromordinal(ordinal)
            shift = -1 if day.month - month >= 6 else 1 if month - day.month >= 6 else 0
            if shift and text and not has_year(text):  # most days are of the sheet's month: no text looked at
                moves.append((k, _in_year(day, year + shift), f"写在“{self.ctx.sheet}”工作表中"))
        return moves

    def _past_december(self, dated: list[tuple[int, str, str]], kept: list[int]) -> list[tuple[int, dt.date, str]]:
        """On a sheet of one year (2025年), rows in date order that run past its December: a date after a
        row of December (or of the next year already) that would go back half a year or more is of the
        next year (12月20日, then 1月8日: 2026-01-08); none when that would run into the next year's second
        half (blocks of rows each from January: 民革县委's, then 民盟县委's), said where the dates go back
        (``date.year_unclear``). December rows at the top are not run past (``_december_first``)."""
        year = self.ctx.year
        moves, back, again = self._moves_past_december(dated, self._december_first(dated, kept))
        # Rows that run on past December reach the next year's first months; run on to its second half, or
        # back to its December, they are blocks (a unit's, a person's) each starting again in January, all
        # of the sheet's year.
        if moves and (again or max(m[1] for m in moves) >= dt.date(year + 1, 7, 1)):
            self._say_not_past_december(dated, kept, back)
            return []
        return moves

    def _moves_past_december(self, dated: list[tuple[int, str, str]], start: int) -> tuple[list, list, bool]:
        """From row ``start``: the rows after a December row that go back half a year or more, each as the
        next year's day (moves); those whose row above is of the sheet's year (back: where said if not
        moved); and whether a row after a move came back to the sheet's year (its December again)."""
        year = self.ctx.year
        # Ordinals: most rows are compared, not turned into dates (a sheet may hold thousands).
        january, december, after = (dt.date(y, m, 1).toordinal() for y, m in ((year, 1), (year, 12), (year + 2, 1)))
        moves, back = [], []
        above, again = 0, False  # the last row's day, as read
        for k, (ordinal, status, text) in enumerate(dated[start:], start):
            if not ordinal or status != OK:
                continue
            if december <= above < after and january <= ordinal < december and text and not has_year(text):
                day, last = dt.date.fromordinal(ordinal), dt.date.fromordinal(above)
                if (last.year - year) * 12 + last.month - day.month >= 6:  # half a year back or more
                    moves.append((k, _in_year(day, year + 1), f"排在{last.year}年{last.month}月的日期之后"))
                    back += [(k, last)] if last.year == year else []
                    ordinal = moves[-1][1].toordinal()
            again = again or bool(moves) and ordinal < above
            above = ordinal
        return moves, back, again

    def _say_not_past_december(self, dated: list[tuple[int, str, str]], kept: list[int], back: list) -> None:
        """Where the dates go back half a year or more after a December row but are read in the sheet's year
        (the rows below run on into the next year's second half): said, the year unclear."""
        year = self.ctx.year
        for k, last in back:
            self._finding("date.year_unclear", kept[k], self.f.get("date"), dated[k][2],
                          f"排在{year}年{last.month}月的日期之后、早了半年以上,但其后各行排到了次年下半年"
                          f"或又回到本年(像是分块登记、每块自年初起),未按次年读取,按{year}年读取")

    def _december_first(self, dated: list[tuple[int, str, str]], kept: list[int]) -> int:
        """How many rows at the top are of December, written without their year, before rows of the year's
        first half (12月20日, 12月26日, then 1月8日 in a 2025 ledger): last December's (a 工作年度 from
        December, late entries) or this one's, unclear; said at each (``date.year_unclear``), read in the
        sheet's year, and the rows below them not taken to run past its December."""
        lead = []
        for k, (ordinal, status, text) in enumerate(dated):
            if not ordinal or status != OK:
                continue
            month = dt.date.fromordinal(ordinal).month if text and not has_year(text) else 0
            if month != 12:
                lead = lead if 1 <= month <= 6 else []
                break
            lead.append(k)
        year = self.ctx.year
        for k in lead:
            self._finding("date.year_unclear", kept[k], self.f.get("date"), dated[k][2],
                          f"排在表首、其后是{year}年上半年的日期,可能是{year - 1}年12月的,"
                          f"按{year}年12月读取")
        return lead[-1] + 1 if lead else 0

    def _within_the_span(self, dated: list[tuple[int, str, str]], kept: list[int]) -> list[tuple[int, dt.date, str]]:
        """On a sheet whose title states the months it covers (2024年12月—2026年1月), a date without its
        year is of the year that puts it in them; of two (a December, a January of a span over a year),
        the first not half a year or more before the row above (12月26日 after 7月15日: 2025-12-26; 1月6日
        then: 2026-01-06). A date of no month in them is read in the sheet's year."""
        first, last = self.ctx.span
        moves = []
        above = None  # the last row's month, as year * 12 + month - 1
        for k, (ordinal, status, text) in enumerate(dated):
            if not ordinal or status != OK:
                continue
            day = dt.date.fromordinal(ordinal)
            years = [y for y in range(first // 12, last // 12 + 1) if first <= y * 12 + day.month - 1 <= last]
            if years and text and not has_year(text):
                said = self.t.n["findings"]
                read = self._year_in_span(kept[k], dated[k][2], day, years, above)
                if read != day:  # said as unclear there: not said again as read
                    moves.append((k, read, "" if self.t.n["findings"] > said else f"在标题所写的{_months(first)}—{_months(last)}之间"
                                  + (f"、排在{_months(above)}的日期之后" if above is not None else "")))
                day = read
            above = day.year * 12 + day.month - 1
        return moves

    def _year_in_span(self, r: int, text: str, day: dt.date, years: list[int], above: int | None) -> dt.date:
        """The day in the first of ``years`` not half a year or more before the row above; when each is, in
        the last, said (``date.year_unclear``: the dates go back and the title's months hold no later year)."""
        for y in years:
            if above is None or y * 12 + day.month - 1 > above - 6:
                if above is not None and y * 12 + day.month - 1 < above and y < years[-1]:
                    # 6月10日 after 2023年11月 on a sheet of 2023—2025: a row registered late, or 2024's? Said.
                    self._finding("date.year_unclear", r, self.f.get("date"), text,
                                  f"排在{_months(above)}的日期之后、早了不到半年,标题所写期间内也有{y + 1}年{day.month}月,"
                                  f"按{y}年读取")
                return _in_year(day, y)
        self._finding("date.year_unclear", r, self.f.get("date"), text,
                      f"排在{_months(above)}的日期之后、早了半年以上,标题所写期间内没有更晚的{day.month}月,"
                      f"按{years[-1]}年读取")
        return _in_year(day, years[-1])

    def _rows_with_records(self, data: list[list], notes: list[str]) -> list[int]:
        """The rows that may record an adoption, a forwarding or an instruction: a cell filled in
        one of those columns, or a 备注 that names a 批示 (the other rows need no look)."""
        cols = self._record_columns
        rows: set[int] = set()
        for c in cols:
            column = [row[c] if c < len(row) else "" for row in data]
            rows.update(compress(range(len(column)), map(_filled, column)))
        # 副市长王某某阅: said as no 批示; 县长李某批注: a 批示 (words_after_post)
        words = self.vocab.instruction_words + self.vocab.words_after_post + self.vocab.read_words
        rows.update(i for i, note in enumerate(notes) if note and any(w in note for w in words))
        rows.update(i for i, note in enumerate(notes) if note and self.vocab.opens_with_forwarding(note))
        rows.update(i for i, note in enumerate(notes) if note and any(v in note for v in ADOPTION_VERBS))
        return sorted(rows)

    def _notes(self, data: list[list]) -> list[str]:
        notes = [cell_text(v) for v in self._column(data, "note")]
        for c, fld in self.layout.also.items():
            if fld == "note":
                notes = [f"{a};{cell_text(row[c])}" if a and c < len(row) and row[c] != "" else (a or (cell_text(row[c]) if c < len(row) else ""))
                         for a, row in zip(notes, data)]
        return notes

    def _coauthors_in_notes(self, parsed: list, notes: list[str], kept: list[int]) -> list:
        """Co-authors written in an item's 备注 (联名：李四, 合作者：王五、赵六): its authors after the
        author cell's, said (``author.in_note``) so that staff move them to the 作者 column."""
        c = self.f.get("note")
        out = parsed
        for i, note in enumerate(notes if c is not None else ()):
            if not note or not (m := _COAUTHORS_IN_NOTE.search(note)):
                continue
            cell = parsed[i]
            known = {a.key for a in cell.authors} if cell is not None else set()
            names = _names_listed(m)
            new = tuple(a for a in split_authors(names, self.author_words).authors
                        if a.key not in known and self.author_words.is_person_name(a.key))
            if new:
                out = list(parsed) if out is parsed else out  # the cells are shared between rows: a new list
                out[i] = replace(cell, authors=cell.authors + new) if cell is not None else AuthorCell(new)
                self._finding("author.in_note", kept[i], c, m[0].strip(), "、".join(a.name for a in new))
        return out

    def _authors(self, items: list[int], parsed: list, cells: list[str], kept: list[int], roles: list[str]) -> None:
        """The authors table for the sheet's items (each distinct cell was split once). An author's
        role is the one tagged beside the name (王五(特邀信息员)), else the row's 身份 cell's when the
        row names one author (the 身份 was read and not used: no quota without a roster)."""
        ca = self.f.get("author")
        item_col, position, name, written, tag, role, scribe = [], [], [], [], [], [], []
        for item, cell, text, r, said in zip(items, parsed, cells, kept, roles):
            if cell is None:
                continue
            for k, a in enumerate(cell.authors):
                item_col.append(item)
                position.append(k)
                name.append(a.key)
                written.append(a.name)
                tag.append(a.tag)
                role.append(self._role_of(a.tag) if a.tag else None)
                scribe.append(a.scribe)
            if said and cell.authors:
                role[-1] = self._role_from_column(cell, said, r, role[-1])
            self._said_of_author_cell(cell, r, ca, text)
        if item_col:
            self.t.extend("authors", len(item_col), item=item_col, position=position, name=name, written=written,
                          tag=tag, role=role, scribe=scribe)

    def _role_from_column(self, cell: AuthorCell, said: str, r: int, tagged: str | None) -> str | None:
        """The role of a row's last author given its 身份 cell ``said``: the one tagged beside the name,
        else the 身份's when the row names one author; on a row of several, whose it is is said."""
        if len(cell.authors) == 1:
            return tagged or self._role_of(said)
        if self._role_of(said):
            self._finding("role.whose", r, self.f.get("role"), said, str(len(cell.authors)))
        return tagged

    def _said_of_author_cell(self, cell: AuthorCell, r: int, ca: int | None, text: str) -> None:
        """What an author cell wrote besides names, each said at the cell: 等, names run together, a
        unit, a source, the unit as a whole."""
        if cell.et_al:
            self._finding("author.et_al", r, ca, text, cell.et_al)
        if cell.joined:
            self._finding("author.joined", r, ca, text, "、".join(a.name for a in cell.authors))
        if spaced := _spaced_names(cell):
            self._finding("author.name_spaced", r, ca, text, spaced)
        if cell.unit_with_names and not self._units_asked_with_authors:
            self._finding(self._unit_with_names_code(cell, text), r, ca, text, cell.unit)
        for part, code in _SET_ASIDE_IN_AUTHOR_CELLS:  # a source, the unit as a whole, a date, an honour, a place
            if said := getattr(cell, part):
                self._finding(code, r, ca, text, said)
        if len(cell.authors) > 1 and len(keys := [a.key for a in cell.authors]) > len(set(keys)):
            # 陈晓峰、陈晓峰: one person, counted once; a second author's name mistyped, as likely
            self._finding("author.repeated", r, ca, text, "、".join(k for k in dict.fromkeys(keys) if keys.count(k) > 1))

    def _unit_with_names_code(self, cell: AuthorCell, text: str) -> str:
        """How a unit written with the names is said: 张伟（民建临江市委）, 张伟、李娜(民革县委) is who wrote the item and
        where they work, plainly, and so is a bracket saying their post there (张三（县政协委员，县人民医院副院长）)
        (an info, ``author.unit_in_brackets``; a 单位 column naming another unit is
        ``author.unit_not_column``); a unit before the names (民革县委 张伟: the unit's item, 张伟 its writer?) a warning."""
        m = _NAMES_THEN_BRACKET.fullmatch(text.strip().replace("（", "(").replace("）", ")"))
        # The bracket may say more of the person around the unit (张三（县政协委员，县人民医院副院长）): as plain.
        plain = m is not None and bool(cell.unit) and cell.unit in m[2] and all(a.name in m[1] for a in cell.authors)
        return "author.unit_in_brackets" if plain else "author.with_unit"

    @functools.cached_property
    def _units_asked_with_authors(self) -> bool:
        """Whether the author column asks for the unit too (作者及单位, 报送单位或个人) and no column of units
        stands beside it: a unit written with the names there is as asked, not said on every row."""
        return "unit" not in self.f and "单位" in self.layout.labels.get(self.f.get("author"), "")

    def _role_of(self, text: str) -> str | None:
        """The rules' role a tag or 身份 cell names (县政协委员 is a 委员), or None; of several parts
        (县政协常委、县教育局局长), the one role its parts name."""
        found = self.rules.role_of(text) or self.rules.role_ending(text)
        if found is None and _ROLE_PARTS.search(text):
            roles = {self.rules.role_of(part) or self.rules.role_ending(part) for part in _ROLE_PARTS.split(text)} - {None}
            found = roles.pop() if len(roles) == 1 else None
        return found

    def _roles(self, roles: list[str], kept: list[int]) -> None:
        c = self.f.get("role")
        if c is None:
            return
        for text, r in zip(roles, kept):
            if text and self._role_of(text) is None:
                self._finding("role.unknown", r, c, text)

    # ------------------------------------------------------------------ records on a row

    def _row_records(self, row: list, r: int, item: int, ref: tuple[str, str], note: str, reference: bool = False) -> None:
        """Adoptions, forwardings and instructions recorded on one row (an item's own row, or a
        row of a separate 采用台账 that refers to an item by 编号/title)."""
        before_adoptions = self.t.n["adoptions"]
        before_forwards = self.t.n["forwards"]
        by_body: dict[str, int] = {}
        self._body_instructions = []
        for b in self.layout.bodies:
            if b.col < len(row) and row[b.col] != "" and row[b.col] is not None:
                n = self.t.n["adoptions"]
                self._body_cell(row, r, item, ref, b)
                if b.action == "adoption" and self.t.n["adoptions"] == n + 1:
                    self._one_adoption_per_body(by_body, b.body, n)
        self._adoption_text(row, r, item, ref)
        adoptions = self.t.n["adoptions"] - before_adoptions
        adoptions = self._flag(row, r, item, ref, adoptions, reference)
        self._issue_and_product(row, r, item, ref, before_adoptions, adoptions)
        self._forward_text(row, r, item, ref, before_adoptions)
        self._forward_in_note(row, r, item, ref, note)
        self._adoption_in_note(r, item, ref, note, before_adoptions)
        self._note_on_adoptions(r, note, before_adoptions)
        self._money_column(row, r, None if reference else item, before_adoptions)
        self._own_beside_a_forward(r, before_adoptions, before_forwards)
        self._dates_of(row, r, before_adoptions, before_forwards)
        for columns in self.layout.later["adoption"]:
            with self._columns_of(columns):
                first = self.t.n["adoptions"]
                self._adoption_text(row, r, item, ref)
                self._issue_and_product(row, r, item, ref, first, self.t.n["adoptions"] - first)
                self._dates_of(row, r, first, self.t.n["forwards"])
        for columns in self.layout.later["forward"]:
            with self._columns_of(columns):
                first = self.t.n["forwards"]
                self._forward_text(row, r, item, ref, self.t.n["adoptions"])
                self._dates_of(row, r, self.t.n["adoptions"], first)
        self._instructions(row, r, item, ref, note)
        for columns in self.layout.later["instruction"]:
            with self._columns_of(columns):
                if found := self._column_instructions(row, r):
                    self._add_instructions(row, r, item, ref, found)
                else:
                    self._orphan_instruction_cells(row, r)

    @contextlib.contextmanager
    def _columns_of(self, columns: dict[str, int]):
        """Read a later adoption, 批示 or 上报 (采用单位2 | 期数2, 批示领导2 | 批示内容2) like the first,
        from its own numbered columns: while inside, they are the kind's fields (and no other
        record's: its 采用日期 dates none of the later 上报)."""
        fields = self.f
        self.f = {**{k: v for k, v in fields.items() if k not in _RECORD_FIELD_NAMES}, **columns}
        try:
            yield
        finally:
            self.f = fields

    def _one_adoption_per_body(self, by_body: dict[str, int], body: str, n: int) -> None:
        """Record ``n`` was just read from a column of ``body``; the same body's columns on one row
        (市政协 √ | 市政协采用期数 3 | 市政协采用时间 4月1日) are one adoption: ``n`` joins the first
        when they do not disagree (an issue or a date in one of them, or the same in both)."""
        first = by_body.setdefault(body, n)
        if first == n:
            return
        cols = self.t.data["adoptions"]
        if cols["tier"][first] != cols["tier"][n] or any(
                cols[k][first] and cols[k][n] and cols[k][first] != cols[k][n] for k in ("issue_no", "date")):
            return  # 第3期 here, 第5期 there (or a cell naming another body): two adoptions
        for keys in (("issue_no",), ("date", "date_text", "date_status")):
            if not cols[keys[0]][first] and cols[keys[0]][n]:
                for k in keys:
                    cols[k][first] = cols[k][n]
        self.t.pop("adoptions")

    def _record(self, table: str, item: int, ref: tuple[str, str], r: int, col: int, **values) -> None:
        # A row of a separate 采用台账 keeps its 备注 with what it records (an item's is the item's).
        note = self._row_note
        self.t.add(table, item=item, ref_item_no=ref[0], ref_title=ref[1], ref_author=ref[2] if len(ref) > 2 else "",
                   src=self.ctx.src, row=r,
                   column=col_letter(col), note=note, **values)

    def _placed(self, body: str):
        return self.rules.place(body)

    def _own_office(self, body: str) -> bool:
        """Whether ``body`` is the office itself (县政协 in a county office's ledger, 本会, 我办)."""
        placed = self._placed(body)
        return placed.tier == self.rules.own_tier and placed.channel == "政协"

    def _adoption(self, item, ref, r, col, body: str, reading: Reading, origin: str, default_body: str = "",
                  unplaced: bool = False) -> None:
        """One adoption of ``body``, placed by the rules; ``unplaced``: at no tier (a 刊物 whose level the
        row writes as a code no legend explains), an error of validation, not counted."""
        body = body or default_body
        said = reading.text or body
        if said and self._memo("void", said, self.vocab.says_void):  # 市政协采用(作废), (后撤稿): withdrawn, not counted
            self._finding("adoption.void", r, col, said)
            return
        unpaid = bool(said) and self._memo("unpaid", said, self.vocab.says_unpaid)  # (不计稿酬): counted, not paid
        if unpaid:
            self._finding("adoption.unpaid", r, col, said)
        placed = self._placing(body, unplaced)
        date = self._reading_date(reading)
        if date[1] == "missing" and issue_year(said):  # 2026年第1期 under 市政协: the year, for validation to compare
            date = (0, "missing", said)
        issue_no = reading.issue_no
        if issue_no is not None and self._several_issues(said):  # 市政协第3、5期: which one is not said
            self._finding("issue.several", r, col, said)
            issue_no = None
        routing, department = (placed.routing, _department(body, placed)) if placed else ("", "")
        if placed and not routing and said != body and placed.tier == self.rules.own_tier:
            # 专报第7期 under 县政协编发期号: the office's own 专报 (转送县民政局: its 转送), not its bulletin's 第7期
            of_cell = self._placed(norm(said))
            routing, department = of_cell.routing, _department(norm(said), of_cell)
        self._record(
            "adoptions", item, ref, r, col, body=body, tier=placed.tier if placed else None,
            channel=placed.channel if placed else None,
            routing=routing, department=department,
            issue_no=issue_no, date=date[0], date_text=date[2], date_status=date[1], origin=origin,
            unpaid=unpaid,
        )

    def _placing(self, body: str, unplaced: bool):
        """How the rules place an adoption's body; at no tier when ``unplaced``; None for no body."""
        if not body:
            return None
        placed = self._placed(body)
        return replace(placed, tier=None) if unplaced else placed

    def _forward(self, item, ref, r, col, body: str, reading: Reading, origin: str) -> None:
        placed = self._placed(body) if body else None
        tier, channel = (placed.tier, placed.channel) if placed else (None, None)
        own_level = tier is not None and self.rules.tier_rank(tier) <= self.rules.tier_rank(self.rules.own_tier)
        if own_level and origin != "tier_column":
            self._sent_at_own_level(item, ref, r, col, body, reading, origin)
            return
        if not body or own_level:
            # 上报 with no body named, or under the office's own column: to the next level up.
            tier = self._level_above()
            if not body:
                body = "上级"
                self._finding("forward.default_level", r, col, reading.text, tier or "")
        elif (sender := self._memo("sender", reading.text, self.vocab.forwarded_by)) and not self._own_office(sender):
            # 省政协报全国政协 in a city office's ledger (beside 省政协采用 or not): the sender's 上报, not the
            # office's, whose own went as far as the sender (a sender not above the office: none), said;
            # whether the sender adopted it is what the row records.
            self._finding("forward.by_another_body", r, col, reading.text, sender)
            body, placed = sender, self._placed(sender)
            tier, channel = placed.tier, placed.channel
            if self.rules.tier_rank(tier) <= self.rules.tier_rank(self.rules.own_tier):
                return
        date = self._reading_date(reading)
        self._record("forwards", item, ref, r, col, body=body, tier=tier, channel=channel or self.rules.placement.default_channel,
                     date=date[0], date_text=date[2], date_status=date[1], origin=origin)

    def _sent_at_own_level(self, item, ref, r, col, body: str, reading: Reading, origin: str) -> None:
        """Sent to a body of the office's own level (报县委办, 县政协转报): no 上报. The office's own
        专报/转报 there is its own edition, as 专报县委 is; anything else is said, not counted."""
        if self._placed(reading.text or body).routing:
            self._adoption(item, ref, r, col, norm(reading.text) or body, reading, origin)
        else:
            self._finding("forward.own_level", r, col, reading.text or body)

    def _reading_date(self, reading: Reading) -> tuple[int, str, str]:
        """(ordinal, status, text) of the day a mark gives: its date, or a day written with no year
        (4月8日) in the sheet's year; what else it writes (25.10.8, 2025年10月, 10月上旬, 第四季度,
        2025.9.31) read as a date cell is (a month said, what is no day an error); none (missing)
        when it writes no date."""
        text = reading.when or reading.text
        if reading.date:
            return reading.date.toordinal(), OK, text
        if reading.day and self.ctx.year:
            try:
                return dt.date(self.ctx.year, *reading.day).toordinal(), OK, text
            except ValueError:  # 2月29日 in a year that has none
                return 0, UNPARSEABLE, text
        if reading.day:
            return 0, NO_YEAR, text
        if reading.when:
            return self._date(reading.when)
        return 0, "missing", ""

    def _level_above(self) -> str | None:
        tiers, own = self.rules.tiers, self.rules.own_tier
        k = tiers.index(own) + 1 if own in tiers else len(tiers)
        return tiers[k] if k < len(tiers) else None

    def _body_cell(self, row, r, item, ref, b: BodyColumn) -> None:
        value = row[b.col]
        if b.action == "instruction":
            self._instruction_body_cell(value, r, b)
            return
        reading = self._memo("mark", value, self._read_mark)
        if b.issues:
            reading = _issue_reading(value, reading)
        if reading is None:
            return
        if reading.state == UNKNOWN:
            self._finding("mark.unknown", r, b.col, value)
        elif reading.state == ADOPTED:
            reading = self._other_body(value, r, b, reading)
            if b.action == "forward":
                self._forward(item, ref, r, b.col, b.label, reading, "tier_column")
                # 采用 in the cell (已采用) or in the column's label (上报情况 over 省政协采用 | 全国政协采用):
                # sent there and adopted by it
                if any(v in reading.text or v in b.label for v in ("采用", "刊用", "录用", "编发", "刊发")):
                    self._adoption(item, ref, r, b.col, b.label, reading, "tier_column")
            else:
                self._adoption(item, ref, r, b.col, reading.body or b.label, reading, "tier_column")
        elif reading.state == FORWARDED:
            self._sent_under(value, r, item, ref, b, reading)
        # not adopted / pending: understood, nothing to record

    def _sent_under(self, value, r: int, item, ref, b: BodyColumn, reading: Reading) -> None:
        """A cell under a body's column that says where the item went: a 上报; under an adoption column
        with the adoption written too (市政协采用，报省政协; 《社情民意》第3期（报市委市政府领导）), read as a
        采用情况 cell is, each clause its own (read whole as a 上报 it lost the adoption)."""
        texts = self.vocab.read_text(value) if type(value) is str and b.action != "forward" else []
        if not any(x.state == ADOPTED for x in texts):
            self._forward(item, ref, r, b.col, reading.body or b.label, reading, "tier_column")
            return
        for reading in texts:
            if reading.state == ADOPTED:  # the clause read as a mark under this column is (第3期: the column's body's)
                mark = self._memo("mark", reading.text, self._read_mark) or reading
                mark = self._other_body(reading.text, r, b, mark if mark.state == ADOPTED else reading)
                self._adoption(item, ref, r, b.col, mark.body or b.label, mark, "tier_column")
            elif reading.state == FORWARDED:
                self._forward(item, ref, r, b.col, reading.body, reading, "tier_column")

    def _other_body(self, value, r: int, b: BodyColumn, reading: Reading) -> Reading:
        """A cell under one body's column that names another body (县政协编发 under 省政协; 市委办采用,
        民盟市委采用, 市日报刊发 under 市政协): the cell says where, and that is said (mark.other_body)."""
        body = reading.body
        if not body:
            if type(value) is not str:
                return reading
            said = norm(reading.text or value)  # without a 批示 written beside the mark (第3期,获县长批示)
            placed = self._placed(said)
            if not placed.by_level:
                if (reading.state == ADOPTED and placed.tier is None and placed.channel is None
                        and (rest := _mark_residue(said)) and rest.upper() not in self.vocab.adopted):
                    return replace(reading, body=said)  # 某某报社采用 under 市政协: a body the rules cannot place (said)
                return reading  # 编发, 第3期, √: the column's own body
            body = said
        return self._named_under(value, r, b, reading, body)

    def _named_under(self, value, r: int, b: BodyColumn, reading: Reading, body: str) -> Reading:
        """The cell under ``b`` that names ``body``: the column's own when the rules place both alike (市政协第3期,
        市级采用 under 市政协); a product of the office that names no body (专报, 信息专报 under 省政协; 转送 under
        市政协 in a city office) the column's body's as the cell names it; any other body the cell's, said:
        of another level or, at the column's level, of another line (市委办, 民盟市委) or a medium (市日报, 市政协网站),
        read as a 采用情况 text reads it, not paid as the column's adoption."""
        placed, column = self._placed(body), self._placed(b.label)
        if placed.tier is None or column.tier is None or (placed.tier, placed.channel) == (column.tier, column.channel):
            return reading
        if placed.by_product and (placed.channel == column.channel or placed.tier == column.tier):
            # 专报, 《信息专报》 under 省政协: 省政协's 专报, no other body; 转送 under the office's own column: its 转送
            return replace(reading, body="" if placed.channel == column.channel else body)
        self._finding("mark.other_body", r, b.col, value, b.label)
        return replace(reading, body=body)

    def _adoption_columns(self) -> tuple[int | None, int | None, int | None]:
        """The columns of the adoption text (采用情况, 采用单位, 采用状态), its 采用刊物 and its 采用级别; a
        采用级别 column with nothing beside it is the level (its codes read as codes), not the text."""
        c, cp, cl = self.f.get("adoption"), self.f.get("publication"), self.f.get("adoption_level")
        if cl is None and c is not None and level_label(self._leaf(c)):
            return None, cp, c
        return c, cp, cl

    def _leaf(self, c: int) -> str:
        return self.layout.labels.get(c, "").rsplit("/", 1)[-1]

    def _adoption_text(self, row, r, item, ref) -> None:
        """采用情况 / 采用单位, with the 采用刊物 beside it read as part of it (市政协 + 社情民意专报) and the
        采用级别 read against them (``_against_level``). A status alone (采用状态 已采用) beside a 刊物 or a
        level says adopted; the 刊物 and the level say where, never a body called 已采用."""
        c, cp, cl = self._adoption_columns()
        body, publication, level = (row[k] if k is not None and k < len(row) else "" for k in (c, cp, cl))
        if self._status_only(body, publication, level):
            body = ""
        if not _filled(body) and not _filled(publication):
            if _filled(level):
                self._level_alone(level, r, item, ref, cl)
            return
        titled = self.vocab.as_title(cell_text(publication)) if _filled(publication) else publication  # 领导参阅: 《领导参阅》
        if not _filled(body):
            c, value = cp, titled
        else:
            value = _with_publications(cell_text(body), titled) if _filled(publication) else body
        readings, unplaced = self._outside_another_bodys_no(value), False
        if _filled(level):
            c, readings, unplaced = self._against_level(readings, value, body or publication, level, r, c)
        elif self._row_body:
            readings = self._under_body_heading(readings, value)
        self._adoption_readings(readings, r, item, ref, c, unplaced)

    def _under_body_heading(self, readings: list[Reading], value) -> list[Reading]:
        """A 采用台账 row under ``一、市政协采用`` whose 采用单位 (or 刊物) writes only a 刊物 or product naming no
        level (《社情民意》第3期, 专报: a county's and a city's bulletins are both so called): the heading's body's,
        read as 市政协采用《社情民意》第3期 and counted with the rows the heading gives its body (said at it)."""
        text = cell_text(value)
        if not readings or any(x.state != ADOPTED or not x.body for x in readings) or any(w in text for w in _OWN_SAID):
            return readings
        placed = [self._placed(x.body) for x in readings]
        if any(p.by_level or p.tier != self.rules.own_tier for p in placed):
            return readings
        self._row_took_body += 1
        return self.vocab.read_text(self._row_body + text)

    def _outside_another_bodys_no(self, value) -> list[Reading]:
        """An adoption cell's readings; ``省政协（市政协未采用）`` is 省政协's adoption, the bracket saying only
        that another body did not take it (read whole, the 未采用 made the cell no adoption, unsaid). A
        bracket naming no body (省政协采用（待确认）, （未采用）) speaks of the whole cell, as it always did."""
        readings = self.vocab.read_text(value)
        if not readings or any(x.state == ADOPTED for x in readings) or "未" not in (text := cell_text(value)):
            return readings
        brackets = _BRACKETED.findall(text)
        if not brackets or not all(self._another_bodys_no(x) for x in brackets):
            return readings
        outside = self.vocab.read_text(_BRACKETED.sub("", text))
        return outside if any(x.state == ADOPTED for x in outside) else readings

    def _another_bodys_no(self, text: str) -> bool:
        """Whether ``text`` says a body did not adopt (市政协未采用), not only 未采用."""
        said = self.vocab.read_text(text)
        return bool(said) and all(x.state == NOT_ADOPTED for x in said) \
            and self._placed(norm(self.vocab.before_not_adopted(text))).tier is not None

    def _adoption_readings(self, readings: list[Reading], r, item, ref, c: int, unplaced: bool = False) -> None:
        for reading in readings:
            if reading.state == ADOPTED:
                self._adoption(item, ref, r, c, reading.body, reading, "text_column", unplaced=unplaced)
            elif reading.state == FORWARDED:
                self._forward(item, ref, r, c, reading.body, reading, "text_column")
            elif reading.state == UNKNOWN:
                self._finding("mark.unknown", r, c, reading.text)
            # not adopted, pending: understood; a 批示 written here is read with the instructions

    def _status_only(self, value, publication, level) -> bool:
        """Whether an adoption cell only says adopted (已采用, √: no body, issue or day) beside a 刊物 or a level."""
        if not _filled(value) or not (_filled(publication) or _filled(level)):
            return False
        readings = self.vocab.read_text(value)
        return len(readings) == 1 and readings[0].state == ADOPTED and not readings[0].body and readings[0].issue_no is None \
            and not (readings[0].date or readings[0].day or readings[0].when)

    def _level_alone(self, level, r: int, item, ref, cl: int) -> None:
        """A 采用级别 with no body or 刊物 beside it places the adoption; a code no legend explains
        leaves it at no level (said)."""
        written = self._level_written(level, r, cl)
        if written is None:
            self._finding("adoption.level_code", r, cl, level, "该条采用的层级不明,未计入")
            self._adoption(item, ref, r, cl, "", Reading(ADOPTED), "text_column")
            return
        self._adoption_readings(self._memo("adoption_text", written, self.vocab.read_text), r, item, ref, cl)

    def _level_written(self, value, r: int, col: int) -> str | None:
        """A 采用级别 cell as words: 市级 as written; a code (3, or 2、3) as the sheet's legend explains it
        (注：1=全国 2=省级 3=市级 4=县级: 市级; the legend said once, ``_say_level_legend``); None for a code
        no legend explains, never guessed (the caller says it: adoption.level_code)."""
        text = cell_text(value)
        codes = [whole_number(p) for p in _LISTED.split(text)]
        if None in codes or getattr(self._memo("mark", value, self._read_mark), "state", None) != ADOPTED:
            return text  # 市级, 省、市; 0 (not adopted by the rules' marks)
        explained = self._level_legend[3] if self._level_legend else {}
        if not all(k in explained for k in codes):
            return None
        self._codes_read.update(codes)
        return "、".join(explained[k] for k in codes)

    def _own_beside_a_forward(self, r: int, first_adoption: int, first_forward: int) -> None:
        """采用情况 《社情民意》第3期 on a row whose 上报 went to one higher body (上报单位 市政协): whose
        bulletin it is the text does not say. It is counted as the office's own, as the rules place a
        bulletin named alone, and said (it may be the 市政协's)."""
        if self.t.n["forwards"] == first_forward or self.t.n["adoptions"] == first_adoption:
            return  # most rows: no 上报, or no adoption
        fw, ad, rules = self.t.data["forwards"], self.t.data["adoptions"], self.rules
        own = rules.tier_rank(rules.own_tier)
        sent = {fw["body"][k] for k in range(first_forward, self.t.n["forwards"]) if rules.tier_rank(fw["tier"][k]) > own}
        if len(sent) != 1:
            return
        for k in range(first_adoption, self.t.n["adoptions"]):
            body = ad["body"][k]
            if ad["tier"][k] == rules.own_tier and body and not self._placed(body).by_level \
                    and not any(w in body for w in _OWN_SAID):
                self._finding("adoption.own_beside_forward", r, self.f.get("adoption"), body, next(iter(sent)))

    def _against_level(self, readings: list[Reading], value, said, level, r: int, c: int) -> tuple[int, list[Reading], bool]:
        """采用单位 市政协 | 采用级别 省级: the body is read, a level it does not match said; a mark naming no
        body (√) is at the level written beside it, and so is a 刊物 naming no level of its own (《社情民意》
        第21期: a county's and a city's bulletins are both so called), read as 市级《社情民意》第21期. ``said``:
        the 采用单位 cell (else the 刊物). Returns the column, the readings and whether they are at no level
        (``_level_unread``)."""
        cl = self._adoption_columns()[2]
        written = self._level_written(level, r, cl)
        placed = [self._placed(x.body) for x in readings if x.body]
        from_publication = c == self.f.get("publication") or publication_label(self._leaf(c))
        if self._not_adopted_beside(readings, written, level, said, r, cl):
            return c, readings, False
        if written is None:
            return c, readings, self._level_unread(level, r, cl, placed, from_publication)
        if not placed:
            return cl, self._memo("adoption_text", written, self.vocab.read_text), False
        if from_publication and not any(p.by_level for p in placed):
            return c, self.vocab.read_text(_with_publications(written, cell_text(value))), False
        tier = self._placed(norm(written)).tier
        if tier is None or all(p.tier != tier for p in placed):
            shown = cell_text(level) if cell_text(level) == written else f"{cell_text(level)}({written})"
            self._finding("adoption.level_differs", r, cl, shown, cell_text(said))
        return c, readings, False

    def _not_adopted_beside(self, readings: list[Reading], written: str | None, level, said, r: int, cl: int) -> bool:
        """采用单位 未采用 | 采用级别 市级: the clerk's 未采用 is not overruled by a level (the one the item was
        sent to, in some systems' exports); nothing is counted, and the two are said together (a level
        written as nothing, —, 无, 未采用, says nothing more). Whether the readings say not adopted."""
        if not readings or any(x.state not in (NOT_ADOPTED, PENDING) for x in readings):
            return False
        if written is not None and self._placed(norm(written)).tier is not None:
            self._finding("adoption.level_not_adopted", r, cl, level, cell_text(said))
        return True

    def _level_unread(self, level, r: int, cl: int, placed: list, from_publication: bool) -> bool:
        """A 采用级别 code no legend explains, said at it: a body naming its level counts at that level; a
        刊物 naming none (《社情民意》第21期) is at no level, never the office's own by default (True)."""
        unplaced = from_publication and not any(p.by_level for p in placed)
        self._finding("adoption.level_code", r, cl, level,
                      "采用刊物未写明哪一级,该条采用的层级不明,未计入" if unplaced or not placed else "已按采用单位所写的层级计入")
        return unplaced

    def _flag(self, row, r, item, ref, adoptions: int, reference: bool) -> int:
        """是否采用: yes with no adoption recorded otherwise → an adoption whose body is unknown
        (an error, named at the cell, unless a 采用台账 records the item's adoption: link.flags_against_records).
        No on an item's row without adoptions is kept with the item, for the 采用台账's to be read against.
        Returns the row's adoptions count."""
        c = self.f.get("adopted_flag")
        value = self._cell(row, "adopted_flag")
        if c is None or value == "" or value is None:
            return self._ledger_row_adoption(row, r, item, ref) if reference and adoptions == 0 else adoptions
        reading = self._memo("mark", value, self._read_mark)
        if reading.state == UNKNOWN:
            self._finding("mark.unknown", r, c, value)
        elif reading.state == ADOPTED and adoptions == 0:
            self._adoption(item, ref, r, c, reading.body or self._flag_body(row, r, c, value), reading, "flag")
            return 1
        elif reading.state in (NOT_ADOPTED, PENDING, FORWARDED) and adoptions:
            self._finding("mark.flag_conflict", r, c, value, f"本行 {adoptions} 条")
        elif reading.state in (NOT_ADOPTED, PENDING) and not reference:
            self.t.data["submissions"]["not_adopted_flag"][item] = cell_text(value)
        elif reading.state == FORWARDED:
            self._forward(item, ref, r, c, reading.body, reading, "flag")
        return adoptions

    def _row_names_a_body(self, row) -> bool:
        """Whether a 采用台账 row writes who adopted it (采用单位, 采用级别, a body's own column)."""
        cols = [self.f.get(k) for k in ("adoption", "adoption_level")] + [b.col for b in self.layout.bodies if b.action == "adoption"]
        return any(c is not None and c < len(row) and row[c] not in ("", None) for c in cols)

    def _ledger_row_adoption(self, row, r: int, item: int, ref: tuple[str, str]) -> int:
        """A row of an adoption ledger records one adoption, even with its body left blank (1: its 采用日期
        says it was adopted), unless the row says something else or records nothing of an adoption (0):
        a row filled in ahead with its 编号, 标题 and 作者 (typed, or ``=报送!C9``) and every cell of the
        adoption blank is said as recording nothing (``link.nothing_recorded``), never "采用 by no body"."""
        if self._row_body and not self._row_names_a_body(row) and not self._row_has_other_records(row):
            # under 一、市政协采用: the heading's adoption, its 期号 and 采用日期 the row's (said at the heading)
            self._adoption(item, ref, r, self.f.get("title", self.f.get("item_no", 0)), self._row_body, Reading(ADOPTED), "heading")
            self._row_took_body += 1
            return 1
        if self._cell(row, "adopted_on") in ("", None):
            return 0
        if self._records_adoptions() and not self._row_says_adoption(row) and not self._row_has_other_records(row):
            self._adoption(item, ref, r, self.f.get("adoption", self.f.get("title", 0)), "", Reading(ADOPTED), "ledger_row")
            return 1
        return 0

    def _flag_body(self, row, r: int, c: int, value) -> str:
        """The body a yes under 是否采用 is by: one its own text names (市政协采用), else the one body the
        row's 上报 column names (上报单位 省政协 | 是否采用 是: adopted where it was sent, said at the
        flag: ``adoption.body_from_forward``); '' when neither names one (an error at the flag)."""
        if isinstance(value, str) and (named := self._bodies_in(value)) and len(named) == 1:
            return named[0]
        sent = self._bodies_in(self._cell(row, "forward"))
        if len(sent) == 1:
            self._finding("adoption.body_from_forward", r, c, cell_text(value), sent[0])
            return sent[0]
        return ""

    def _bodies_in(self, value) -> list[str]:
        """The bodies a text cell names as adopting or receiving it (市政协采用, 上报省政协), in order."""
        if not isinstance(value, str) or not value.strip():
            return []
        readings = self.vocab.read_text(value)
        return list(dict.fromkeys(x.body for x in readings if x.state in (ADOPTED, FORWARDED) and x.body))

    def _records_adoptions(self) -> bool:
        return bool({"adoption", "publication", "adoption_level", "issue_no", "adopted_on", "adopted_flag"} & self.f.keys()) or any(
            b.action == "adoption" for b in self.layout.bodies)

    def _row_says_adoption(self, row) -> bool:
        """Whether any adoption cell of the row is filled (不采用 says something too)."""
        cols = [self.f.get(k) for k in ("adoption", "publication", "adoption_level", "adopted_flag", "issue_no", "product")] + [b.col for b in self.layout.bodies if b.action == "adoption"]
        return any(c is not None and c < len(row) and row[c] not in ("", None) for c in cols)

    def _row_has_other_records(self, row) -> bool:
        """A reference row that only records an instruction or a forwarding (a 批示台账 row; a 上报台账 row
        with its 上报日期 and nothing of an adoption: sent up, not adopted with its body left blank)."""
        return any(self._cell(row, f) not in ("", None) for f in ("forward", "forwarded_on", "leader", "instruction", "instruction_text")) and not any(
            self._cell(row, f) not in ("", None) for f in ("adoption", "issue_no", "adopted_on"))

    def _issue_and_product(self, row, r, item, ref, first: int, adoptions: int) -> None:
        """期号, 编发形式 and 编发日期 belong to the row's own-tier adoption; alone they record one."""
        issue_value = self._cell(row, "issue_no")
        if issue_value not in ("", None):
            self._issue(issue_value, r, item, ref, first, adoptions, row)
        product_value = self._cell(row, "product")
        if product_value not in ("", None):
            self._product(product_value, r, item, ref, first)
        self._own_date_beside_bodies(row, r, item, ref, first)

    def _own_date_beside_bodies(self, row, r: int, item, ref, first: int) -> None:
        """A 编发日期 (a date column whose header names the office's own bulletin) on a row with no adoption
        or only upper bodies' columns' (编发期数 blank, 市政协 √): the day the own bulletin carried it, an
        adoption of its own (dated by ``_dates_of``), not the 市政协 adoption's day nor a date of nothing."""
        rows = range(first, self.t.n["adoptions"])
        if self._cell(row, "adopted_on") not in ("", None) and self._column_is_own(
                "adopted_on", self.t.data["adoptions"], rows):
            own = self.rules.placement.own_words[0] if self.rules.placement.own_words else "本级"
            self._adoption(item, ref, r, self.f["adopted_on"], own, Reading(ADOPTED), "date_column")

    def _issue(self, value, r: int, item, ref, first: int, adoptions: int, row) -> None:
        """A 期号: the issue of the row's own-tier adoption (else its first without one); alone, an
        adoption at the office's own level (said: adoption.issue_only)."""
        ci = self.f.get("issue_no")
        t = self.t.data["adoptions"]
        rows = range(first, first + adoptions)
        apart = issues_apart(value)  # 6⏎12, 6 12: several issues, never one (612)
        if apart and self._issues_by_line(row, value, apart, t, rows):
            return
        issue = issue_cell(value)
        if issue is None and not apart:
            if not self._issue_says_not_adopted(value, r, ci, rows):
                self._finding("issue.unknown", r, ci, value)
            return
        if apart or isinstance(value, str) and self._several_issues(value):
            # 省第2期、市第8期: each to the row's adoption at its level; 第3、5期: which is which is not said
            if apart or not self._issues_by_level(value, t, rows):
                self._finding("issue.several", r, ci, value)
            if adoptions:
                return
            issue = None  # alone: the office's own adoption, its 期号 unread
        self._place_issue(value, r, ci, item, ref, issue, rows)

    def _place_issue(self, value, r: int, ci: int, item, ref, issue, rows: range) -> None:
        """A 期号 given to the row's adoption it belongs to (``_issue_target``); alone, the office's own
        adoption (said: adoption.issue_only). Under a header naming the office's own bulletin (编发期数:
        the rules' ``placement.own_words``) beside body columns (县政协 | 市政协 | 省政协, 上报市政协), it is
        the own bulletin's issue: the row's own adoption, not the 市政协 one's; with none on the row, it
        records one, the header saying whose, not said."""
        t = self.t.data["adoptions"]
        own = self.rules.placement.own_words[0] if self.rules.placement.own_words else "本级"
        if self._column_is_own("issue_no", t, rows):
            self._adoption(item, ref, r, ci, own, Reading(ADOPTED, issue_no=issue), "issue_column")
            return
        target = self._issue_target(value, r, ci, t, rows)
        if target is not None:
            t["issue_no"][target] = issue
        elif not rows:
            self._finding("adoption.issue_only", r, ci, value)
            self._adoption(item, ref, r, ci, own, Reading(ADOPTED, issue_no=issue), "issue_column")

    def _names_own_bulletin(self, fld: str) -> bool:
        """Whether the header of ``fld``'s column names the office's own bulletin (编发期数, 编发日期, 本级期号:
        the rules' ``placement.own_words``)."""
        # 社情民意信息采用日期 names the kind of item, not the bulletin: the genre's name is set aside first
        label = self.layout.labels.get(self.f.get(fld), "").replace("社情民意信息", "")
        return any(w and w in label for w in self.rules.placement.own_words)

    def _column_is_own(self, fld: str, t: dict, rows: range) -> bool:
        """Whether ``fld``'s column (a 期号 or 采用日期) is the own bulletin's record beside the row's
        adoptions: its header names it, and those adoptions, if any, are none of its own tier and each was
        read from a body column of the header (a 采用单位 cell's adoption keeps the 期号 or date beside it,
        whatever the header calls it)."""
        if not self._names_own_bulletin(fld):
            return False
        return all(t["origin"][k] == "tier_column" and t["tier"][k] != self.rules.own_tier for k in rows)

    def _issue_says_not_adopted(self, value, r: int, ci: int, rows: range) -> bool:
        """A 期号 that says in words that the item was not adopted, or not yet (退稿, 未采用, 待定: the
        rules' marks; not /, — or 无, which say there is no number: ``NO_ISSUE_WORDS``), is no issue.
        The row's one adoption it belongs to (市政协《社情民意》 | 退稿, as 市政协《社情民意》（退稿） reads
        in one cell) is taken back, said at its cell (``issue.not_adopted``); of several, which one the
        row does not say: counted, said at the 期号; with none, the cell says there is nothing. False
        when the cell says no such thing (an issue unread: ``issue.unknown``)."""
        text = norm(cell_text(value)) if isinstance(value, str) else ""
        if not _HAN.search(text) or text in NO_ISSUE_WORDS:
            return False
        reading = self._memo("mark", value, self._read_mark)
        if reading is None or reading.state not in (NOT_ADOPTED, PENDING):
            return False
        t = self.t.data["adoptions"]
        if len(rows) == 1 and rows[0] == self.t.n["adoptions"] - 1:
            body, column = organ_name(t["body"][rows[0]]) or "本级", t["column"][rows[0]]
            self.t.pop("adoptions")
            self.t.add("findings", code="issue.not_adopted", src=self.ctx.src, row=r, column=column, value=body,
                       detail=cell_text(value)[:60])
        elif len(rows):
            bodies = "、".join(dict.fromkeys(organ_name(t["body"][k]) or "本级" for k in rows))
            self._finding("issue.not_adopted_which", r, ci, value, bodies)
        return True

    def _issue_target(self, value, r: int, ci: int, t: dict, rows: range) -> int | None:
        """The row's adoption a 期号 belongs to: its own-tier one with none yet, else its first with none (when
        there are several and none is the office's own — 市政协、省政协采用 | 第3期 — whose it is the row does not
        say: said at the 期号); None when every one has its issue."""
        open_rows = [k for k in rows if t["issue_no"][k] is None]
        target = next((k for k in open_rows if t["tier"][k] == self.rules.own_tier), open_rows[0] if open_rows else None)
        if target is not None and len(open_rows) > 1 and t["tier"][target] != self.rules.own_tier:
            self._finding("issue.which_adoption", r, ci, value, organ_name(t["body"][target]))
        return target

    def _several_issues(self, text: str) -> bool:
        """Whether ``text`` writes more than one issue number (第3、5期, 省第2期、市第8期)."""
        if "期" not in text or text.count("期") < 2 and not _LISTED_ISSUE.search(text):
            return False  # the tests most cells need, before the pattern
        return len(set(self._memo("issues", text, issue_numbers))) > 1

    def _issues_by_line(self, row, value: str, issues: list[int], t: dict, rows: range) -> bool:
        """A 期号 cell with an issue a line beside a 采用单位 cell with a body a line (县政协⏎市政协 | 6⏎12,
        as 采用时间 2026.5.20⏎2026.6.3 beside them is dated): each issue given to the adoption on its
        line; False, nothing given, unless both cells list as many lines as the row has adoptions, in
        their order and with no issue yet (6 12 on one line lines up with nothing: said)."""
        lines = [x for x in cell_text(self._cell(row, "adoption")).splitlines() if x.strip()]
        if not (len(issues) == len(rows) == len(lines) == len(value.strip().splitlines()) > 1):
            return False
        if any(t["issue_no"][k] is not None or t["tier"][k] != self._placed(x).tier for k, x in zip(rows, lines)):
            return False
        for k, issue in zip(rows, issues):
            t["issue_no"][k] = issue
        return True

    def _issues_by_level(self, value: str, t: dict, rows: range) -> bool:
        """A 期号 cell naming each issue's level (省第2期、市第8期): each issue given to the row's
        adoption at that level, when every one of them has exactly one; False, nothing given, else."""
        readings = self.vocab.read_text(value)
        targets = {}
        for x in readings:
            tier = self._placed(x.body).tier if x.body and x.issue_no is not None else None
            found = [k for k in rows if tier is not None and t["tier"][k] == tier and t["issue_no"][k] is None]
            if len(found) != 1 or found[0] in targets:
                return False
            targets[found[0]] = x.issue_no
        for k, issue in targets.items():
            t["issue_no"][k] = issue
        return bool(targets)

    def _product(self, value, r: int, item, ref, first: int) -> None:
        """A 编发形式 (专报, 快报): the routing of the row's own-tier adoptions; alone, an own-tier adoption."""
        text = norm(cell_text(value))
        placed = self._placed(text)
        if not (placed.routing or placed.tier == self.rules.own_tier):
            self._finding("product.unknown", r, self.f.get("product"), value)
            return
        t = self.t.data["adoptions"]
        own_rows = [k for k in range(first, self.t.n["adoptions"]) if t["tier"][k] == self.rules.own_tier]
        if not own_rows:
            self._adoption(item, ref, r, self.f.get("product"), text, Reading(ADOPTED), "product_column")
        elif placed.routing:
            for k in own_rows:
                t["routing"][k] = placed.routing
                t["channel"][k] = placed.channel

    def _forward_text(self, row, r, item, ref, first: int) -> None:
        """上报情况 / 是否上报: the body it went to, a yes-mark (the next level up) or a date."""
        c, value = self._forward_cell(row, r)
        if c is None or value == "" or value is None:
            return
        if not isinstance(value, str):
            self._forward_mark(value, r, c, item, ref)
            return
        # A text, in parts (已报市政协、省政协: two 上报); 报市政协,已采用 says the adoption too.
        said, sent = False, []  # the bodies it went to, in the cell's order
        for reading in self._memo("adoption_text", value, self.vocab.read_text):
            if reading.state in (NOT_ADOPTED, PENDING):
                reading = self._sent_before_outcome(reading)  # 省政协(未采用): sent there, not adopted
            if reading.state == UNKNOWN:
                self._finding("mark.unknown", r, c, reading.text)
            elif reading.state in (ADOPTED, FORWARDED):
                if not reading.body or reading.body not in sent:  # 报市政协,已采用: one 上报 to 市政协
                    self._forward(item, ref, r, c, reading.body, reading, "forward_column")
                    sent.append(reading.body)
                if self._says_adopted(reading):
                    said = self._adoption_in_forward(r, c, item, ref, value, reading, said, first)
        if _ALL_ADOPTED.search(value):  # 上报市政协、省政协均采用: every body it went to adopted it
            for body in filter(None, dict.fromkeys(sent)):
                said = self._adoption_in_forward(r, c, item, ref, value, Reading(ADOPTED, body, text=value), said, first)

    def _forward_cell(self, row, r: int) -> tuple[int | None, object]:
        """The row's 上报 cell (its column, its value): the 上报单位, else a 是否上报 beside it (是: to the
        next level up)."""
        value = self._cell(row, "forward")
        if "forward_flag" in self.f and _filled(flag := self._cell(row, "forward_flag")):
            if value == "" or value is None:
                return self.f["forward_flag"], flag
            if self._memo("mark", flag, self._read_mark).state in (NOT_ADOPTED, PENDING):
                # 是否上报 否 | 上报单位 市政协: the body's cell is the record; the flag that denies it is said.
                self._finding("forward.flag_conflict", r, self.f["forward_flag"], flag, cell_text(value))
        return self.f.get("forward"), value

    def _says_adopted(self, reading: Reading) -> bool:
        """A part of a 上报 cell that says the body adopted it (报市政协,已采用), not only that it went; an
        issue number (市政协第3期) is where the body printed it, as in a 备注."""
        return reading.state == ADOPTED and bool(reading.body) and (
            any(v in reading.text for v in ADOPTION_VERBS) or norm(reading.text).upper() in self.vocab.adopted
            or bool(self._memo("issues", reading.text, issue_numbers)))

    def _forward_mark(self, value, r: int, c: int, item, ref) -> None:
        """A 上报 cell that is no text (a tick typed as a number, a date, 1): a yes-mark is a 上报."""
        reading = self._memo("mark", value, self._read_mark)
        if reading.state in (ADOPTED, FORWARDED):
            self._forward(item, ref, r, c, reading.body, reading, "forward_column")
        elif reading.state == UNKNOWN:
            self._finding("mark.unknown", r, c, value)

    def _sent_before_outcome(self, reading: Reading) -> Reading:
        """In the 上报 column, a body with the outcome after it (省政协(未采用), 已报市政协(待采用),
        市政协未用) was sent there: a forwarding; a plan (拟报省政协) or a bare 待定 stays as read."""
        text = reading.text
        if any(w in text for w in _PLAN_WORDS):
            return reading
        if reading.body:  # 市政协、省政协(未采用): 市政协 shares the outcome and was sent too
            return Reading(FORWARDED, reading.body, text=text)
        if not _OUTCOME.search(text):
            return reading
        sent = [x for x in self.vocab.read_text(_OUTCOME.sub("", _BRACKETED.sub(lambda m: m[1], text)))
                if x.state in (ADOPTED, FORWARDED) and x.body]
        return Reading(FORWARDED, sent[0].body, text=text) if sent else reading

    def _adoption_in_forward(self, r, c, item, ref, value, reading: Reading, said: bool, first: int) -> bool:
        """An adoption written in the 上报 column (``报市政协,已采用``): recorded, unless the row's
        adoption cells record that tier already, and said once at the cell."""
        t = self.t.data["adoptions"]
        tier = self._placed(reading.body).tier
        if tier is None or any(t["tier"][k] == tier for k in range(first, self.t.n["adoptions"])):
            return said
        if not said:
            self._finding("adoption.in_forward", r, c, value)
        self._adoption(item, ref, r, c, reading.body, reading, "forward_column")
        return True

    def _forward_in_note(self, row, r, item, ref, note: str) -> None:
        """备注 that says the item was sent up (``已报市政协``): a 上报 record, and a warning asking
        staff to use the 上报 column."""
        c = self.f.get("note")
        if c is None or not note:
            return
        # A clause at a time: 获市长批示;已报省政协 (two 备注 columns, or one). A named body only: a bare
        # "报送" in a note says too little.
        sent = [reading for clause in _NOTE_CLAUSES.split(note) for reading in self.vocab.forwardings_in(clause)
                if reading.body and not self._asks_own_leader(clause, reading)]
        if sent:
            self._finding("forward.in_note", r, c, note)
        for reading in sent:
            self._forward(item, ref, r, c, reading.body, reading, "note")

    def _asks_own_leader(self, clause: str, reading: Reading) -> bool:
        """A 备注 clause asking a leader of the office's own level for a 批示 (该信息已报请县长批示, 报请县长批示后
        in a county office): no 上报 (the 批示, asked, is none either); a leader above is sent up to."""
        asked = self.vocab.says_no_instruction(clause) or any(w in reading.body for w in self.vocab.instruction_words)
        return asked and self.rules.tier_rank(self._placed(reading.body).tier) <= self.rules.tier_rank(self.rules.own_tier)

    def _adoption_in_note(self, r, item, ref, note: str, first: int) -> None:
        """备注 that says where the item was adopted (``被市政协采用``, ``省政协《社情民意》第8期采用``):
        an adoption, and a warning asking staff to use the adoption columns. Only a body the rules
        place, with an adoption verb or an issue number; a tier the row already records is not
        recorded twice (the 备注 repeats it)."""
        c = self.f.get("note")
        if c is None or not note or not any(v in note for v in ADOPTION_VERBS) and "期" not in note:
            return
        t = self.t.data["adoptions"]
        recorded = {t["tier"][k] for k in range(first, self.t.n["adoptions"])}
        placed, nowhere = self._adopted_in_note(note)
        if nowhere and not recorded:
            self._finding("adoption.note_no_body", r, c, note)
        said = False
        for reading, tier in placed:
            if tier in recorded:
                continue
            if not said:
                self._finding("adoption.in_note", r, c, note)
                said = True
            self._adoption(item, ref, r, c, reading.body, reading, "note")
            recorded.add(tier)

    def _note_on_adoptions(self, r: int, note: str, first: int) -> None:
        """备注 about the row's adoptions: 不计稿酬 (each counted, none paid: said), or 退稿/未采用 or
        拟采用/待定/审核中 beside a mark that says adopted (counted and paid as marked, as a warning is:
        the contradiction said, so that staff strike the mark or the 备注)."""
        c, n = self.f.get("note"), self.t.n["adoptions"]
        if c is None or not note or n == first or NOTHING_NOTED.fullmatch(note):
            return  # 无, /, —: the 备注 is empty, it says nothing of the adoption (× and 否 do)
        t = self.t.data["adoptions"]
        if self.vocab.says_unpaid(note):
            for k in range(first, n):
                t["unpaid"][k] = True
            self._finding("adoption.unpaid", r, c, note)
            return
        readings = self._memo("adoption_text", note, self.vocab.read_text)
        if said := self._note_denies(readings, {t["tier"][k] for k in range(first, n)}):
            self._finding("adoption.note_denies", r, c, note, said)

    def _money_column(self, row: list, r: int, item: int | None, first: int) -> None:
        """The row's 稿酬 column, a column read past (the tool computes the money). 不计稿酬 (rules
        ``unpaid_words``) there: the row's adoptions counted, none paid, said at that cell as in the 备注;
        a column of one tier's money (市级稿酬 | 省级稿酬) unpays that tier's adoptions only. Anything else
        written in a column of the item's whole money on its own row (200, 已发50) is kept with the item
        (``paid_text``, ``paid_column``: the first such column filled that writes an amount, not 稿费发放/状态
        or /日期: ``money_amount_label``), checked, not obeyed (validate.money)."""
        n = self.t.n["adoptions"]
        ad, items = self.t.data["adoptions"], self.t.data["submissions"]
        for c, label in self.layout.ignored.items():
            text = cell_text(row[c]) if c < len(row) and row[c] is not None else ""
            if not text or not money_label(label):
                continue
            tier = self._placed(norm(label)).tier
            if self.vocab.says_unpaid(text):
                if n > first:
                    for k in range(first, n):
                        ad["unpaid"][k] = ad["unpaid"][k] or tier is None or ad["tier"][k] == tier
                    self._finding("adoption.unpaid", r, c, text)
            elif tier is None and item is not None and not items["paid_text"][item] and money_amount_label(label):
                items["paid_text"][item] = text
                items["paid_column"][item] = col_letter(c)

    def _points_columns(self, row: list, r: int, item: int | None, note: str) -> None:
        """The row's hand-kept 积分 column (积分, 得分: read past, the tool computes the points): what it
        writes for the item kept (``points_text``, ``points_column``), checked against the rules' points,
        never obeyed (validate.points). Points taken off, in a 扣分 column, in the 积分 cell or in the 备注
        (不实信息，扣5分; 退稿扣2分), are said at their cell: the rules deduct nothing."""
        for c, label in self.layout.ignored.items():
            text = cell_text(row[c]) if c < len(row) and row[c] is not None else ""
            if text and not NOTHING_NOTED.fullmatch(text):
                self._points_cell(r, c, label, text, item)
        c = self.f.get("note")
        if c is not None and note and self.vocab.says_deduction(note):
            self._finding("cell.deduction_unapplied", r, c, note)

    def _points_cell(self, r: int, c: int, label: str, text: str, item: int | None) -> None:
        """One cell of a column read past: points taken off said; the item's points kept (the first column)."""
        items = self.t.data["submissions"]
        if deduction_label(label) or (points_label(label) and self.vocab.says_deduction(text)):
            if not _NO_POINTS.fullmatch(text):  # 扣分 0: nothing taken off
                self._finding("cell.deduction_unapplied", r, c, text)
        elif points_label(label) and item is not None and not items["points_text"][item]:
            items["points_text"][item] = text
            items["points_column"][item] = col_letter(c)

    def _note_denies(self, readings: list[Reading], tiers: set) -> str:
        """What a 备注 says against the row's adoptions (``Vocabulary.note_denies``)."""
        return self.vocab.note_denies(readings, tiers)

    def _adopted_in_note(self, note: str) -> tuple[list[tuple[Reading, str]], bool]:
        """The adoptions a 备注 says, each with the tier of its body, and whether it says one by no
        body the rules place (第3期采用, 已采用: adopted, but by whom the 备注 does not say)."""
        placed, nowhere = [], False
        for reading in self._memo("adoption_text", note, self.vocab.read_text):
            tier = self._placed(reading.body).tier if reading.state == ADOPTED and reading.body else None
            if tier is not None:
                placed.append((reading, tier))
            elif reading.state == ADOPTED:
                nowhere = True
        return placed, nowhere

    def _dates_of(self, row, r, first_adoption: int, first_forward: int) -> None:
        """采用日期 and 上报日期 date the row's adoptions and forwardings that carry none."""
        for fld, table, first, label in (("adopted_on", "adoptions", first_adoption, "采用"),
                                         ("forwarded_on", "forwards", first_forward, "上报")):
            c = self.f.get(fld)
            value = self._cell(row, fld)
            if c is None or value == "" or value is None:
                continue
            t = self.t.data[table]
            rows = self._own_rows(fld, t, range(first, self.t.n[table]))
            if not rows:
                self._finding("cell.orphan", r, c, value, label)
                continue
            each = self._date_each(value, len(rows))  # 3.5；4.2 beside 市政协采用；省政协采用: a day each, in order
            for k, (ordinal, status, text) in zip(rows, each or [self._date(value)] * len(rows)):
                # a day in the column dates what the text dates to its month only, or not at all
                if not t["date"][k] or t["date_status"][k] != OK and status == OK:
                    t["date"][k], t["date_status"][k], t["date_text"][k] = ordinal, status, text

    def _own_rows(self, fld: str, t: dict, rows: range):
        """The records a date column dates: of a 编发日期 (its header naming the own bulletin), the row's
        own-tier adoptions when it has any (市政协 √ beside it has a day of its own, or none); else all."""
        if fld != "adopted_on" or not self._names_own_bulletin(fld):
            return rows
        own = [k for k in rows if t["tier"][k] == self.rules.own_tier]
        return own or rows

    def _date_each(self, value, n: int) -> list[tuple[int, str, str]] | None:
        """A date cell listing one day per record of the row (``3.5；4.2`` beside two adoptions), each
        read; None unless it lists exactly ``n`` > 1 readable days."""
        if n < 2 or not isinstance(value, str):
            return None
        parts = [p.strip() for p in _DATE_LIST.split(value) if p.strip()]
        if len(parts) != n:
            return None
        dates = [self._date(p) for p in parts]
        return dates if all(status in (OK, "month_only") for _, status, _ in dates) else None

    # ------------------------------------------------------------------ instructions

    def _instructions(self, row, r, item, ref, note: str) -> None:
        # (leader, column, content, origin[, day[, level]]): the body columns' (领导批示/市级), then the
        # 批示 columns', then those written in 备注 or 采用情况
        found, self._body_instructions = self._body_instructions, []
        found += self._column_instructions(row, r)
        in_text, day = self._text_instructions(row, r, note, {norm(l) for l, *_ in found})
        found = [(l, c, t, o, day, *extra[1:]) if day and not (extra and extra[0]) else (l, c, t, o, *extra)
                 for l, c, t, o, *extra in found] + in_text
        if not found:
            self._orphan_instruction_cells(row, r)
            return
        self._add_instructions(row, r, item, ref, found)

    def _due(self, row, r: int, follow_up: str) -> tuple[int, str, int | None]:
        """办理时限: (a day's ordinal or 0, as written, a span in days or None): a day (2025年5月1日前),
        or a span (30天, 15日内), counted in compute; anything else said at its cell. A 落实情况 saying
        it was extended (已延期至7月底) moves it to that day."""
        value = self._cell(row, "due_on")
        text = cell_text(value)
        if extended := self._extended(follow_up, r):
            return extended, text, None
        if not text:
            return 0, "", None
        days = days_in_text(text) if isinstance(value, str) else None
        if days is not None:
            return 0, text, days
        parsed = deadline(from_1904(value) if self.ctx.date1904 else value, self.ctx.year)
        if parsed.status == OK:
            return parsed.date.toordinal(), text, None
        # 限期, 即办, 尽快: no day and no span — compute counts the rules' default span; said so here.
        self._finding("instruction.due_unread", r, self.f["due_on"], text, f"{self.rules.due_days}天")
        return 0, text, None

    def _extended(self, follow_up: str, r: int) -> int:
        """The day a 落实情况 says the 办理时限 was extended to (``已延期至7月底``, ``经同意延期至2025年7月31日
        办结``; a month alone: its last day), as an ordinal, said at the cell; 0 when it says none."""
        m = _EXTENDED.search(norm(follow_up)) if follow_up else None
        if not m:
            if follow_up and _EXTENSION_SAID.search(follow_up):  # 经批准延期, 已申请延长时限: to no day
                self._finding("instruction.extended_unread", r, self.f["follow_up"], follow_up)
            return 0
        parsed = deadline(m["when"], self.ctx.year)
        if parsed.status == MONTH_ONLY:  # 延期至7月: to the month's end
            parsed = deadline(f"{m['when'].removesuffix('份')}底", self.ctx.year)
        if parsed.status != OK:  # 延期至下月, 延至汛期后: a day no one can count from
            self._finding("instruction.extended_unread", r, self.f["follow_up"], follow_up)
            return 0
        day = parsed.date
        self._finding("instruction.extended", r, self.f["follow_up"], follow_up, f"{day.year}年{day.month}月{day.day}日")
        return day.toordinal()

    def _column_instructions(self, row, r: int) -> list[tuple]:
        """The 批示 the 领导批示/批示情况/批示内容 columns record."""
        f = self.f
        leader_text, instr_text, content = self._text(row, "leader"), self._text(row, "instruction"), self._text(row, "instruction_text")
        leader_text = self._leader_with_post(row, r, leader_text)
        if not (leader_text or instr_text or content):
            return []  # most rows: no 批示
        leader_text = self._clauses_of_the_instruction(leader_text, r, f.get("leader"))
        instr_text = self._clauses_of_the_instruction(instr_text, r, f.get("instruction"))
        if content and self.vocab.says_read_only(content):  # 批示领导 县委书记 | 批示内容 已阅: read, no 批示
            self._finding("instruction.read_only", r, f["instruction_text"], content)
            return []
        if leader_text:
            return self._leader_and_beside(leader_text, instr_text, content, r)
        if instr_text and not self._says_none(instr_text):
            return self._instruction_cell(instr_text, content, r)
        return self._content_alone(content, r) if content else []

    def _leader_with_post(self, row, r: int, leader_text: str) -> str:
        """The 批示领导 with its 职务 and 级别 columns (领导姓名 周某某 | 职务 副市长: 副市长周某某; 王某某 | 级别 市级:
        市级王某某). A 级别 the post places at another level (副市长王某 | 省级, 省委书记 | 县级) is said at its cell and
        the post decides, as a 采用单位 does over its 采用级别: the post is who gave it, the 级别 a summary of it."""
        if "leader_post" in self.f and (post := self._text(row, "leader_post")) and post not in leader_text:
            leader_text = f"{post}{leader_text}"
        level = self._text(row, "leader_level") if "leader_level" in self.f else ""
        if not level or level in leader_text:
            return leader_text
        by_post = self.rules.leader_level_of(leader_text) if leader_text else None
        if by_post is None:
            return f"{level}{leader_text}"
        if (written := self.rules.leader_level_of(level)) is not None and written != by_post:
            self._finding("instruction.level_differs", r, self.f["leader_level"], level, f"{leader_text}（{by_post}）")
        return leader_text

    def _content_alone(self, content: str, r: int) -> list[tuple]:
        """A 批示内容 with no 批示领导 beside it: one 批示 of its words, its leader the one it writes as a 批示
        column's cell does (县长王某某批示：请县教育局研究, 市长李某某：同意), of no level when it names none
        (同意，请市金融办研究); none when it writes only how it was handled (已办结: said)."""
        c = self.f["instruction_text"]
        if self._says_none(content) or self._follow_up_not_instruction(content, r, c):
            return []
        if not (self._names_a_post(content) or self.vocab.instruction_in_text(content)):
            return [("", c, content, "column")]
        return self._instruction_cell(content, "", r, c)

    def _clauses_of_the_instruction(self, text: str, r: int, col: int | None) -> str:
        """A 批示 cell without the clauses that record an adoption (said) or say no 批示 was given
        (市长圈阅，未作批示 → 市长圈阅: a 未 is no leader); a cell saying only that stays whole."""
        if not text or not _NOTE_CLAUSES.search(text):
            return text  # one clause: read as it is
        text = self._without_adoption_clauses(text, r, col)
        if self.vocab.says_no_instruction(text) or self.vocab.says_read_only(text):
            return text
        return self.vocab.without_no_instruction(text)

    def _without_adoption_clauses(self, text: str, r: int, col: int | None) -> str:
        """A 批示 cell that also records an adoption (省政协采用，省长批示; 被市委办采用，市委书记李某批示): the
        adoption's clause said (``instruction.is_adoption``: it belongs in 采用情况) and left out, the 批示
        read from the rest; it was a 批示 by a "leader" 省政协采用, and a second one."""
        clauses = [c for c in _NOTE_CLAUSES.split(text) if c.strip()] if text else []
        if len(clauses) < 2:
            return text
        adoption = [c for c in clauses if self._adoption_only(c)]
        if not adoption or len(adoption) == len(clauses):
            return text
        self._finding("instruction.is_adoption", r, col, "，".join(c.strip() for c in adoption))
        return "，".join(c.strip() for c in clauses if c not in adoption)

    def _leader_cell(self, text: str, extra: str, content: str, r: int) -> list[tuple]:
        """The 批示 a 批示领导 cell records: its leaders (市长李某某（10.8）: the day is the 批示's), or
        their 批示 each on its day (市长批示(3.5);副省长批示(4.2)); none for 无 or 阅示 (said)."""
        c = self.f["leader"]
        if self._leader_cell_records_none(text, r, c):
            return []
        if self.vocab.instruction_in_text(text) or self.vocab.says_what_was_said(text, longer_than=4):  # 副市长孙立:请研究(4月10日)
            self._second_after_comma(text, r, c)
            return [(l, c, content or extra or said, "column", day) for who, said, day in self.vocab.split_instructions(text)
                    for l in (self._leaders(who, r, c) if who else [""])]
        who, day = self.vocab.leader_and_day(text)
        return [(l, c, content or extra, "column", day) for l in self._leaders(who or text, r, c)]

    def _leader_cell_records_none(self, text: str, r: int, c: int) -> bool:
        """A 批示领导 cell that records no 批示: 无; a leader asked to read it (请李副区长阅处) or who only read it
        (阅示); an adoption, or how a 批示 was handled, written there (each said at the cell)."""
        return (self._says_none(text) or self._asked_only(text, r, c) or self._read_only(text, r, c)
                or self._adoption_not_instruction(text, r, c) or self._follow_up_not_instruction(text, r, c))

    def _leader_and_beside(self, leader_text: str, beside: str, content: str, r: int) -> list[tuple]:
        """The 批示 of a 批示领导 cell and of the 领导批示 cell beside it (批示领导 | 批示内容 | 领导批示, a
        column added later): there the 批示's words when 批示内容 gives none (县长张三 | | 请研究), or a
        批示 of its own when it names its leader (县长张三 | 请县农业局研究落实 | 县委书记李四:同意: two)."""
        if self._yes(beside) is not None:  # √, 是 beside the leader: that 批示
            beside = ""
        if not (content or self._names_a_post(beside)):
            return self._leader_cell(leader_text, beside, content, r)
        found = self._leader_cell(leader_text, "", content, r)
        return self._beside_a_leader(beside, found, content, r) if beside else found

    def _beside_a_leader(self, text: str, found: list[tuple], content: str, r: int) -> list[tuple]:
        """The 批示 of a 批示领导 cell (``found``) with what the 领导批示 cell beside it adds: its leaders
        one 批示 each (``_leaders_beside``), else what its words say (``_unnamed_beside``)."""
        found, added, again = self._leaders_beside(text, found, r)
        if added or again or self._names_a_post(text):
            return found + added
        return self._unnamed_beside(text, found, content, r)

    def _leaders_beside(self, text: str, found: list[tuple], r: int) -> tuple[list[tuple], list[tuple], int]:
        """(``found`` with what the 领导批示 cell says again of them, the 批示 it adds, how many it repeats):
        a leader of its own one 批示 (县委书记李四:同意); the row's leader again (县长张三:请…, 张三, 县长)
        that 批示 written twice, counted once and said (``instruction.repeated``), its day and words
        given it where it has none."""
        c = self.f["instruction"]
        found, added, again = list(found), [], 0
        for who, said, day in self.vocab.split_instructions(text):
            for leader in self._leaders(who, r, c) if self._names_a_post(who) or self._one_of(who, found) is not None else ():
                if (k := self._one_of(leader, found)) is None:
                    added.append((leader, c, said, "column", day))
                    continue
                first, col, words, origin, first_day = found[k]
                fuller = leader if self.vocab.names_no_one(first) else first  # 县长 | 县长张三:同意: 县长张三
                found[k], again = (fuller, col, words or said, origin, first_day or day), again + 1
                self._finding("instruction.repeated", r, c, first, place(self.ctx.file, self.ctx.sheet, r, col_letter(col)))
        return found, added, again

    def _unnamed_beside(self, text: str, found: list[tuple], content: str, r: int) -> list[tuple]:
        """``found`` with what a 领导批示 cell naming no leader says beside them: a day alone (2025.4.5) the
        批示's; 无, 阅示 (said), 已批示, 1件 or the 批示内容's words again nothing more. Other words
        (同意 beside 请…研究) may be that 批示's or another leader's: read as neither, said
        (``instruction.unclear_second``)."""
        c = self.f["instruction"]
        who, day = self.vocab.leader_and_day(text)
        if day and not who:
            return [(l, col, t, o, d or day) for l, col, t, o, d in found]
        if not (self._says_none(text) or self._read_only(text, r, c) or self.vocab.instruction_in_text(text)
                or self.vocab.count_only(text) or norm(text) in norm(content) or norm(content) in norm(text)):
            self._finding("instruction.unclear_second", r, c, text, "、".join(l for l, *_ in found if l) or "未写领导")
        return found

    def _names_a_post(self, text: str) -> bool:
        """Whether a 批示 text names a leader's post (县委书记李四, 县长), not only what was said (同意)."""
        return bool(text) and any(w in text for w in self.vocab.title_words)

    def _one_of(self, leader: str, found: list[tuple]) -> int | None:
        """Where in ``found`` the leader ``leader`` writes again on its row is (张三, 县长 or 张三县长 beside
        县长张三: one person), or None."""
        return next((k for k, (l, *_) in enumerate(found) if l and leader and self.vocab.same_person(leader, l)), None)

    def _instruction_cell(self, text: str, content: str, r: int, c: int | None = None) -> list[tuple]:
        """The 批示 a 领导批示 cell (or the cell ``c``) records: √ one unnamed, 2件 two, leaders by name, 否
        none, how it was handled alone none (已办结, 超期未办复: said)."""
        c = self.f["instruction"] if c is None else c
        yes = self._yes(text)
        if yes is True:
            return [("", c, content, "column")]
        if (count := self._instruction_count(text, r, c)) is not None:
            return [("", c, content, "column")] * count  # 2件, 批示次数 2: two, leaders unnamed
        if self._asked_only(text, r, c):
            return []  # 请李副区长阅处: asked, not given (said)
        if (unnamed := self._unnamed_cell(text, content, r, c)) is not None:
            return unnamed
        if yes is None and not self._read_only(text, r, c) and not self._adoption_not_instruction(text, r, c):
            self._second_after_comma(text, r, c)
            return [(l, c, content or said, "column", day)
                    for who, said, day in self.vocab.split_instructions(text)
                    for l in (self._leaders(who, r, c) if who else [""])]  # 已批示: one, unnamed
        return []  # 否, ×: no 批示; 阅示: read, no 批示 (said)

    def _unnamed_cell(self, text: str, content: str, r: int, c: int) -> list[tuple] | None:
        """The 批示 of a 批示 cell naming no leader: how one was handled alone (已落实) one under 批示及落实情况,
        none elsewhere (said); a 批示's words alone (请县住建局研究) one, its leader unwritten; None for any other."""
        if self._follow_up_in_instruction and not self.vocab.instruction_in_text(text) and self._says_follow_up(text):
            return [("", c, text, "column")]  # 已落实 under 批示及落实情况: one, unnamed
        if self._follow_up_not_instruction(text, r, c):
            return []
        if self._words_alone(text):
            return [("", c, content or text, "column")]
        return None

    def _follow_up_not_instruction(self, text: str, r: int, c: int) -> bool:
        """A 批示 cell that writes only how a 批示 is being handled (已办结, 正在办理, 超期未办复: the rules'
        status and overdue words), naming no leader and no 批示, not a leader's words (请尽快办结: rules
        ``instructions.directive_words``): no 批示, said once at its cell (``instruction.follow_up_only``).
        Under 领导批示及落实情况 it is that column's 批示 (read before this)."""
        if (self._names_a_post(text) or self.vocab.instruction_in_text(text) or self.vocab.says_what_was_said(text)
                or text.startswith(self._follow_up_words_directive)):
            return False
        if not (self._says_follow_up(text) or self._follow_up_words.says_overdue(text)):
            return False
        self._finding("instruction.follow_up_only", r, c, text)
        return True

    def _words_alone(self, text: str) -> bool:
        """Whether a 批示 cell writes only what was said, opening with a leader's word (请县住建局研究, 同意，请…
        研究: rules ``instructions.directive_words``) and naming no post or 批示: one 批示 whose leader is not
        written, never a leader named 请县住建局研究 (a department's head, it was said) nor two 批示."""
        return (text.startswith(self._follow_up_words_directive) and not self._names_a_post(text)
                and not self.vocab.instruction_in_text(text))

    @functools.cached_property
    def _follow_up_words_directive(self) -> tuple[str, ...]:
        """The words a leader's 批示 opens with (请, 同意): its words, not how it was handled."""
        return tuple(map(str, (self.rules.data.get("instructions") or {}).get("directive_words") or ())) or ("\0",)

    def _second_after_comma(self, text: str, r: int, c: int) -> None:
        """县委书记李某某:同意，县长王某某:请教育局落实: one 批示 or two, the comma does not say; read as one, said."""
        if (clause := self.vocab.leader_after_comma(text)):
            self._finding("instruction.second_after_comma", r, c, clause, text[:60])

    def _instruction_count(self, text: str, r: int, c: int) -> int | None:
        """How many 批示 a cell counts (2件; a number alone, 批示次数 2); None for a cell that is no count; 0 for
        a number that is none (16.67: said, never a leader "16.67")."""
        if not _NUMBER.fullmatch(text):
            return self.vocab.count_only(text) or None
        n = float(text)
        if n.is_integer() and 0 <= n <= _MOST_INSTRUCTIONS:
            return int(n)
        self._finding("mark.unknown", r, c, text)
        return 0

    def _adoption_not_instruction(self, text: str, r: int, col: int) -> bool:
        """A 批示 cell that records an adoption or a 上报 (市政协采用, 已报市政协) and no leader or 批示
        word: no 批示 (it was one by a "leader" 市政协采用), said, not read as the adoption either."""
        if not self._adoption_only(text):
            return False
        self._finding("instruction.is_adoption", r, col, text)
        return True

    def _adoption_only(self, text: str) -> bool:
        """Whether a text records an adoption or a 上报 and names no leader and no 批示."""
        t = norm(text).upper()
        return not (self.vocab._any_instruction.search(t) or any(w in t for w in self.vocab.title_words)
                    or not (any(v in t for v in ADOPTION_VERBS) or self.vocab._forwarded(t)))

    def _asked_only(self, text: str, r: int, col: int) -> bool:
        """A 批示 cell that writes only a leader asked to read or 批 the item (请李副区长阅处, 请刘区长阅批): no
        批示 given yet, so neither counted nor paid, and said (it may be a 批示's words whose leader is not
        written); never a leader named 请李副区长阅处."""
        if not self.vocab.asks_a_leader_to_read(text):
            return False
        self._finding("instruction.asked_only", r, col, text)
        return True

    def _read_only(self, text: str, r: int, col: int) -> bool:
        """A 批示 cell that says only that a leader read the item (阅示, 副市长王某某阅): not a 批示 by
        the rules' words (``read_words``; 圈阅 is one), so neither counted nor paid, and said."""
        if not self.vocab.says_read_only(text):
            return False
        self._finding("instruction.read_only", r, col, text)
        return True

    def _text_instructions(self, row, r, note: str, named: set[str]) -> tuple[list[tuple], str]:
        """批示 written in 备注 or in the 采用情况 text (each said at its cell), and the day a 批示 of the
        row is given there; one the 批示 columns already name is not counted again, nor one naming no
        leader beside a 批示 the row records (已批示, 批示日期2025.5.6): that one, its day given."""
        found, undated = [], ""
        cells = [(note, self.f.get("note"), "instruction.in_note", "note"),
                 (self._text(row, "adoption"), self.f.get("adoption"), "instruction.in_adoption", "adoption")]
        # √(获副市长王某某批示) under a tier column: the mark is read there, the 批示 here.
        cells += [(row[b.col], b.col, "instruction.in_adoption", "adoption") for b in self.layout.bodies
                  if b.action != "instruction" and b.col < len(row) and isinstance(row[b.col], str)]
        for text, col, code, origin in cells:
            if text and col is not None:
                undated = self._instructions_in_cell(text, r, col, code, origin, named, found) or undated
        if undated and found:  # 市长李某某批示，批示时间5月6日: the one in the text
            found = [(l, c, t, o, d or undated) for l, c, t, o, d in found]
        return found, undated

    def _instructions_in_cell(self, text: str, r: int, col: int, code: str, origin: str, named: set[str],
                              found: list[tuple]) -> str:
        """The 批示 one 备注 or 采用情况 cell writes, added to ``found`` (their leaders to ``named``); the day
        a mention naming no leader gives the row's 批示 (批示日期2025.5.6 beside 批示领导 市长陈某), or ''."""
        added, here, undated = [], {}, ""
        for leader, sentence, day in self.vocab.instruction_in_text(text):
            # the 备注 repeats the 批示 columns, or the cell before, or itself in another sentence;
            # a leader twice in one sentence is two 批示 (获两位副市长批示, 获市长两次批示)
            if leader and (norm(leader) in named or here.get(norm(leader), sentence) != sentence):
                continue
            if not leader and (named or here or found):
                undated = undated or day
                continue
            if col not in self._both_columns:  # under 采用及批示情况 a 批示 is where the office keeps it
                self._finding(code, r, col, sentence)
            found.append((leader, col, sentence, origin, day))
            here[norm(leader)] = sentence
            added.append(leader)
        named |= set(here)
        self._posts_only(added, r, col, text)
        if not added:
            self._read_only_in_text(text, r, col)
        return undated

    def _read_only_in_text(self, text: str, r: int, col: int) -> None:
        """A 备注 or 采用情况 saying a leader only read the item (副市长王某某阅): no 批示, said."""
        if any(self.vocab.says_read_only(c) for c in _NOTE_CLAUSES.split(text)):
            self._finding("instruction.read_only", r, col, text)

    def _leaders(self, text: str, r: int, col: int) -> list[str]:
        """The leaders a 批示 text names, one per 件 (see ``_posts_only``)."""
        leaders = self.vocab.leaders(text)
        self._posts_only(leaders, r, col, text)
        return leaders

    def _posts_only(self, leaders: list[str], r: int, col: int, text: str) -> None:
        """Several leaders written as posts with no names (县委书记、县长) are counted one each, and
        said: only staff know whether one person holds both; a count written with the post (两位副市长)
        is not asked about. Levels written together (省市领导) are one leader a level, and said: how
        many there were, only staff know."""
        if len(leaders) > 1 and self.vocab.levels_together(text):  # 省市领导批示: one a level, the least
            self._finding("instruction.count_assumed", r, col, text, str(len(leaders)))
        elif len(set(leaders)) > 1 and all(map(self.vocab.names_no_one, leaders)):  # 两位副市长: two, as written
            self._finding("instruction.posts_only", r, col, text, str(len(leaders)))

    def _instruction_body_cell(self, value, r, b: BodyColumn) -> None:
        """A cell under 领导批示/市级: √ (a leader of that level), the leaders' names, a day (the 批示's),
        or names with their day (李某某（4月5日）): kept for the row's 批示 (``_instructions``), so the
        row's 批示时间 and 督办 columns are theirs too."""
        text = cell_text(value)
        yes = self._yes(text)
        if yes is False or self._says_none(text) or yes is None and self._read_only(text, r, b.col):
            return
        level = self.rules.leader_level_of(b.label)
        who, day = self.vocab.leader_and_day(text) if yes is None else ("", "")
        count = self.vocab.count_only(who) if who else None
        leaders = [""] if yes or not who else [""] * count if count else self._leaders(who, r, b.col)
        for leader in leaders:
            own = self.rules.leader_level_of(leader) if leader else None
            self._body_instructions.append((leader, b.col, "", "tier_column", day, own or level))

    def _add_instructions(self, row, r, item, ref, found) -> None:
        date = self._cell(row, "instructed_on")
        ordinal, status, text = self._date(date) if date not in ("", None) else (0, "missing", "")
        follow_up = self._follow_up(row)
        due, due_text, due_days = self._due(row, r, follow_up)
        later = lambda fld, day: self._not_before(ordinal, day, row, r, fld)  # 交办/时限/办复 after the 批示
        assigned = later("assigned_on", self._secondary_date(row, r, "assigned_on", "交办日期"))
        due, due_days = _calendar_months(due, due_text, due_days, assigned or ordinal)
        common = dict(
            date=ordinal, date_text=text, date_status=status, follow_up=follow_up,
            department=self._text(row, "department"),
            assigned_on=assigned,
            due_on=later("due_on", due), due_text=due_text, due_days=due_days,
            replied_on=later("replied_on", self._secondary_date(row, r, "replied_on", "办复日期") or self._day_done(follow_up)),
            reply=self._text(row, "reply"),
            fed_back_on=later("fed_back_on", self._secondary_date(row, r, "fed_back_on", "反馈日期")),
        )
        levels = _shared_levels([(_level_given(extra) or self._leader_level(leader, content),
                                  (col, content, origin, *extra[:1])) for leader, col, content, origin, *extra in found])
        for (leader, col, content, origin, *day), level in zip(found, levels):
            dated = common
            if origin == "column" and self._follow_up_in_cell(content, common["follow_up"]):
                dated = {**common, "follow_up": content}
            if day and day[0] and common["date_status"] == "missing":  # the day written in the 批示 cell
                ordinal, status, text = self._date(day[0])
                dated = {**dated, "date": ordinal, "date_text": text, "date_status": status}
            self._record("instructions", item, ref, r, col, leader=leader, level=level, text=content, origin=origin, **dated)

    def _leader_level(self, leader: str, content: str) -> str | None:
        """A 批示's level: its leader's; with no leader, what its content says before what it asks
        (市长批示：请…), never the department it goes to (同意，请市金融办研究: no level, said)."""
        if leader:
            return self.rules.leader_level_of(leader)
        said = content[: m.start()] if content and (m := _ASKS.search(content)) else content
        return self.rules.leader_level_of(said) if said else None

    def _follow_up_in_cell(self, content: str, follow_up: str) -> bool:
        """Whether what a 批示 cell says after the leader is how it was carried out (市长李某某批示,已落实):
        under 领导批示及落实情况, or on a row with no 落实情况 of its own; not what the leader asked (请…)."""
        return bool(content) and (self._follow_up_in_instruction or not follow_up and not _ASKS.match(content)) \
            and self._memo("follow_up_said", content, self._says_follow_up)

    def _follow_up(self, row) -> str:
        """The row's 落实情况, a 是否办结 column's answer read into it: 是 (√) 已办结, 否 (×) 未办结, and a 是否反馈
        column's: 是 已反馈 (replied), 否 未反馈; any other text there is follow-up text as written (judged, and
        said when not understood, as any). With none, what a 备注 says of it (领导批示 县长批示 | 备注 已办结;
        备注 获县长批示，已转县民政局办理)."""
        flags = (self._answer(row, "done_flag", "已办结", "未办结"), self._answer(row, "reply_flag", "已反馈", "未反馈"))
        return "；".join(t for t in (*flags, self._text(row, "follow_up")) if t) or self._follow_up_in_note(row)

    def _answer(self, row, fld: str, yes_says: str, no_says: str) -> str:
        """A yes-or-no column's answer as the follow-up it says (是否办结 | 是: 已办结); other text as written."""
        flag = self._text(row, fld)
        yes = self._yes(flag) if flag else None
        return flag if yes is None else yes_says if yes else no_says

    def _day_done(self, follow_up: str) -> int:
        """The day a 落实情况 says it was done or answered (2025年10月8日已办结, 已于2025.10.9办结, 10月8日已答复):
        its 办复 day where no 办复日期 column gives one (a day after the as-of day had not come yet); 0 for none."""
        if not follow_up or not (written := date_written_in(follow_up)):
            return 0
        ordinal, status, _ = self._date(written[0])
        words = self._follow_up_words
        if status != OK or not (words.status(follow_up)[0] == DONE or words.replied(follow_up)):
            return 0
        return ordinal

    def _follow_up_in_note(self, row) -> str:
        """The clauses of the row's 备注 that say how a 批示 was carried out (已办结, 已转县民政局办理) and
        name no 批示 themselves; '' for none."""
        note = self._text(row, "note")
        if not note:
            return ""
        words = self.vocab.instruction_words + self.vocab.words_after_post
        said = [c.strip() for c in _NOTE_CLAUSES.split(note)
                if c.strip() and not any(w in c for w in words) and self._memo("follow_up_said", c.strip(), self._says_follow_up)]
        return "；".join(said)

    def _not_before(self, first: int, day: int, row, r: int, fld: str) -> int:
        """A 交办/办理时限/办复/反馈 day written without its year that falls before the 批示 it follows
        (批示 2025-11-10, 办理时限 1月10日): the next year's, said at its cell; it was read in the
        ledger's year, months before the 批示 (overdue all year)."""
        if not first or not day or day >= first:
            return day
        text = cell_text(self._cell(row, fld))
        moved = _in_year(dt.date.fromordinal(day), dt.date.fromordinal(day).year + 1)
        if has_year(text) or moved.toordinal() < first:
            return day
        self._finding("date.year_read", r, self.f.get(fld), text, f"早于批示日期,按{moved.year}年{moved.month}月{moved.day}日读取")
        return moved.toordinal()

    def _orphan_instruction_cells(self, row, r) -> None:
        labels = {"instructed_on": "批示日期", "follow_up": "落实情况", "done_flag": "是否办结", "reply_flag": "是否反馈", "department": "承办单位", "assigned_on": "交办日期",
                  "due_on": "办理时限", "replied_on": "办复日期", "reply": "办复情况", "fed_back_on": "反馈日期"}
        for fld, label in labels.items():
            value = self._cell(row, fld)
            if value not in ("", None) and not self._says_none(cell_text(value)):
                self._finding("cell.orphan", r, self.f[fld], value, "批示")

    def _yes(self, text: str) -> bool | None:
        return _YES_NO_INSTRUCTION.get(norm(text).upper())

    def _says_none(self, text: str) -> bool:
        t = norm(text).upper()
        return (t in self.vocab.not_adopted or t in self.vocab.pending or t in ("无", "暂无", "没有", "无批示")
                or self.vocab.says_no_instruction(text))

    # ------------------------------------------------------------------ a separate 采用台账

    def _references(self, data: list[list], kept: list[int]) -> None:
        """The rows of a separate 采用/批示/上报 台账: each refers to an item by 编号 or title, or, in a
        table under or beside the items naming neither, by the items' 序号."""
        by_seq = "title" not in self.f and "item_no" not in self.f
        headings = sorted(self._body_headings)
        took = dict.fromkeys(headings, 0)
        for row, r in zip(data, kept):
            ref = (self._memo("item_no", self._cell(row, "item_no"), lambda x: item_no_key(x) or ""),
                   norm_spaces(self._text(row, "title")), norm_spaces(self._text(row, "author")))
            self._row_note = self._text(row, "note")
            above = bisect.bisect_left(headings, r) - 1  # the nearest body heading above the row
            self._row_body = self._body_headings[headings[above]][0] if above >= 0 else ""
            before = {t: self.t.n[t] for t in ("adoptions", "forwards", "instructions", "findings")}
            self._row_took_body = 0
            self._row_records(row, r, self._item_by_seq(row, r) if by_seq else -1, ref, self._row_note, reference=True)
            if above >= 0:
                took[headings[above]] += self._row_took_body
            if all(self.t.n[t] == before[t] for t in ("adoptions", "forwards", "instructions")):
                self._reference_without_record(row, r, ref, before["findings"])
        self._row_note, self._row_body = "", ""
        for h in headings:  # each heading said with how many rows took its body, so none passes in silence
            body, c, text = self._body_headings[h]
            self._finding("row.body_heading", h, c, text, str(took[h]))

    def _reference_without_record(self, row: list, r: int, ref: tuple[str, str, str], findings_before: int) -> None:
        """A row of a 采用/批示/上报台账 that records nothing (采用单位 市政协（退稿）, 未采用, 待定; 批示领导 无,
        待县长批示; 上报单位 未上报): its 编号 and 标题 name an item of which the row counts nothing, said at the
        cell that says so (``link.nothing_recorded``; the row's title when no record cell is filled), unless a
        finding of the row already speaks of its record (作废, a 期号 saying 退稿, 已阅)."""
        if set(self.t.data["findings"]["code"][findings_before:]) & _ROW_RECORD_SAID:
            return
        cols = [self.f[k] for k in _REFERENCE_RECORD_FIELDS if k in self.f] + [b.col for b in self.layout.bodies]
        col = next((c for c in sorted(cols) if c < len(row) and _filled(row[c])), self.f.get("title", self.f.get("item_no")))
        if col is None or col >= len(row) or not _filled(row[col]):
            return
        named = f"《{ref[1]}》" if ref[1] else f"编号 {ref[0]} 的信息" if ref[0] else "本行所指的信息"
        self._finding("link.nothing_recorded", r, col, row[col], named)

    def _item_by_seq(self, row: list, r: int) -> int:
        """The item of the table of items whose 序号 a row names, or -1 (said: none or several have it)."""
        value = self._cell(row, "seq")
        item = self.by_seq.get(whole_number(value)) if _filled(value) else None
        if item is None:
            several = whole_number(value) in self.by_seq
            self._finding("link.no_seq", r, self.f["seq"], value, "有多条信息用此序号" if several else "没有信息用此序号")
            return -1
        return item


# The cells of a 采用/批示/上报台账 row that record (or say there is no) adoption, 上报 or 批示.
_REFERENCE_RECORD_FIELDS = ("adoption", "adoption_level", "publication", "adopted_flag", "issue_no", "product", "forward",
                            "forward_flag", "leader", "instruction", "instruction_text")
# Findings that already say what became of a row's record, naming its cell (its 编号 and 标题 accounted with it).
_ROW_RECORD_SAID = {"adoption.void", "issue.not_adopted", "instruction.read_only", "instruction.asked_only", "instruction.follow_up_only",
                    "instruction.is_adoption", "row.void", "row.sample"}


_UNIT_LABEL = re.compile(r"^(?:所在|报送|所属)?(?:单位|界别|党派|界别组)\s*[:：]\s*")
# Punctuation typed after a unit's name (民革县委。, 民革县委，; NFKC has made ，； half-width): no part of it.
_PUNCTUATION_AFTER = re.compile(r"\s*[。,、;]+$")


# The outcome of a sending, written after the body (未采用, 待采用, 暂未录用, 未用): the sending stands.
_OUTCOME = re.compile(r"(?:暂未|尚未|没有|暂不|未|不|待)(?:被)?(?:采用|采纳|录用|刊用|用)")
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")
_PLAN_WORDS = ("拟", "准备", "建议", "计划")
# 均采用, 都被采用: the adoption is every listed body's.
_ALL_ADOPTED = re.compile(r"(?:均|都|皆|全部)(?:已|被|已被)?(?:采用|采纳|录用|刊用)")


_RECORD_FIELD_NAMES = frozenset(f for fields in RECORD_FIELDS.values() for f in fields)

# Ditto marks as cells hold them: with a full stop, a space, in full width.
_DITTOS = frozenset(f"{a}{m}{b}" for m in (*DITTO_MARKS, "＂") for a, b in (("", ""), ("", "。"), (" ", ""), ("", " ")))

# A 落实情况 saying its 办理时限 was extended, and to when: 已延期至7月底, 延至8月中旬, 申请延长办理时限至9月30日.
_EXTENDED = re.compile(r"(?:(?:延期|延长|顺延|推迟)(?:办理|办结|办复|答复)?(?:时限|期限)?(?:至|到)|延至)"
                       r"(?P<when>[^,，;；。、()]{2,16}?)(?:前|以前|之前)?(?:办结|完成|办复|答复|反馈|办理|[,，;；。()]|$)")
# A 落实情况 saying the 办理时限 was extended, with or without the day (经批准延期, 申请延长办理时限).
_EXTENSION_SAID = re.compile(r"延期|延长(?:办理|办结|办复|答复)?(?:时限|期限)|顺延|延至|推迟(?:办理|办结|办复|答复)")
# Days listed in one date cell: 3.5；4.2, 2025.3.5、2025.4.2, one a line.
_DATE_LIST = re.compile(r"[;；、\n]+")
# The clauses of a 备注 (and of two 备注 columns, joined by ;).
_NOTE_CLAUSES = re.compile(r"[;；。，,]")
# What a mark under a body's column may say besides naming a body: the deed, its issue, its day, symbols.
_MARK_RESIDUE = re.compile(rf"(?:已经|已|被|并|均|获|经|又|再)?(?:{ADOPTION_KINDS})?(?:采用|录用|采纳|刊用|刊发|编发|刊登|转发)"
                           r"|第?\s*\d+\s*期|[\d.\-/年月日号]+|[√✓✔×✗✘()（）【】\[\]《》\s,，;；:：、。]")


def _mark_residue(text: str) -> str:
    """What a mark's text names besides the deed, its issue and day (某某报社采用 → 某某报社; 已采用, 第3期 → ''):
    '' when fewer than two characters are left (综合采用 → 综合, a kind of adoption the rules' marks know)."""
    rest = _MARK_RESIDUE.sub("", numerals_as_digits(text) if "期" in text else text)  # 第十二期 is 第12期
    return rest if len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2 else ""


# What a leader asks (请…, 要…, 望…): the 批示's words, not how it was carried out.
_ASKS = re.compile(r"(?:请|要|望|希|建议|责成|转|交)")
# A number alone in a 批示 column (批示次数): how many, up to a count no item reaches; anything else no count.
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MOST_INSTRUCTIONS = 20

# A line about the rows above it (以上信息已报市政协, 上述3条均被采用): neither an item nor a heading of rows below.
_OF_THE_ROWS_ABOVE = re.compile(r"^(?:以上|上述|上列|上面)")
# A block heading's numbering (一、, （二）, 3., 第一部分：) and its count (（3条）, 共3条).
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十\d]{1,3}[部分组]+[:：、]?)\s*")
# A title finished (…的建议, …的问题) or one opening (关于…): no line of the title above goes on with it.
_TITLE_DONE = re.compile(r"(?:建议|问题|意见|对策|思考|报告|呼声|诉求|隐患|[。！？!?])[)）」”\s]*$")
_TITLE_OPENS = re.compile(r"^(?:关于|【|\[)")
# A title's words (县教育局关于…的建议) or a labelled line (制表单位：民革县委), not a unit's heading.
_NO_HEADING = re.compile(r"[\d，,。;；:：]|关于|建议|问题|的")
_HEADING_COUNT = re.compile(r"\s*(?:[(（]\s*(?:共|计)?\s*\d+\s*[条篇件]\s*[)）]|(?:共|计)\s*\d+\s*[条篇件])$")


# A column of months (月份, 报送月份) read as the date: the header words' own.
_MONTH_LABELS = frozenset(norm_label(x) for x in FIELD_LABELS["month"])
# Words that name the office's own bulletin as its own (本级编发, 本会采用): no other body's.
_OWN_SAID = ("本级", "本会", "我会", "本刊", "本办", "我办")
# A 备注 filled to say there is nothing to note.
# Issue numbers listed before one 期 (第3、5期, 第三和第五期).
_HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character: a 期号 that says something in words
_LISTED_ISSUE = re.compile(r"[\d一二三四五六七八九十]\s*[、,，和及]\s*第?\s*[\d一二三四五六七八九十]+\s*期")
_SEPARATOR_IN_UNITS = re.compile(r"[、,，;；/／]")
# Units written with a conjunction between them (民革市委与民盟市委): ``Sheet._units_joined``.
_JOINED_UNITS = re.compile(r"[与和及]")
_SEPARATOR_IN_NAMES = re.compile(r"[、,，;；/／\s]")


# A subtotal row's count where an author would be (2人, 共2人, 3条).
_A_COUNT = re.compile(r"[共计合]*\d+\s*[人名条件个]?")


def _opens_appendix(rows: list[list], r: int, filled: list[str], header_words: set[str]) -> bool:
    """Whether row ``r`` (its filled cells ``filled``, normalised) opens a table of figures: 附… alone, a
    row of a tally's labels, or a caption (采用情况统计) over one."""
    if len(filled) == 1 and _APPENDIX.match(filled[0]):
        return True
    if _labels_of_a_tally(rows, r, filled, header_words):
        return True
    k = _next_filled(rows, r) if len(filled) == 1 and _CAPTION.fullmatch(filled[0]) else None
    return k is not None and _labels_of_a_tally(rows, k, [norm(cell_text(v)) for v in rows[k] if _filled(v)], header_words)


def _labels_of_a_tally(rows: list[list], r: int, filled: list[str], header_words: set[str]) -> bool:
    """Row ``r`` heads a table of figures: labels of figures (月份 | 报送条数 | 采用条数), or short labels
    one of which a figure's (采用单位 | 篇数, 单位 | 报送 | 采用) over a row of a label and numbers (市政协 | 3)."""
    if labels_of_figures(filled, header_words):
        return True
    return _short_labels_of_a_figure(rows[r], filled, header_words) and _label_and_numbers(rows, _next_filled(rows, r))


def _short_labels_of_a_figure(row: list, filled: list[str], header_words: set[str]) -> bool:
    """Two or more short text labels, one naming a figure the table's own header does not; not a
    subtotal (一月小计：2条 | 2 | 1)."""
    if len(filled) < 2 or any(len(t) > 8 for t in filled):
        return False
    if any(type(v) is not str or _A_COUNT.search(v) for v in row if _filled(v)):
        return False
    return any((is_count_label(t) or _FIGURE_LABEL.fullmatch(t) or _TALLY_WORD.fullmatch(t)) and norm_label(t) not in header_words
               for t in filled)


def _label_and_numbers(rows: list[list], k: int | None) -> bool:
    """Row ``k`` is a label and numbers (市政协 | 3, 县教育局 | 2 | 2), or numbers alone (4 | 2 | 1 under
    报送 | 采用 | 批示)."""
    cells = [v for v in rows[k] if _filled(v)] if k is not None else []
    if len(cells) >= 2 and all(whole_number(v) is not None for v in cells):
        return True
    return (len(cells) >= 2 and type(cells[0]) is str and whole_number(cells[0]) is None
            and all(whole_number(v) is not None for v in cells[1:]))


def _next_filled(rows: list[list], r: int) -> int | None:
    """The first row below ``r`` with anything in it."""
    return next((k for k in range(r + 1, len(rows)) if any(map(_filled, rows[k]))), None)


def _a_count(value) -> bool:
    """A cell holding a whole number of 0 or more as a number (a count; not a date, not a text, not True)."""
    return type(value) in (int, float) and float(value).is_integer() and value >= 0


def whole_number(value) -> int | None:
    """A cell holding a whole number (3, 3.0, "3"), as that number; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) < 4 else None


def _own_field(row: list, r: int, identity: list[int], merged: dict) -> bool:
    """Whether a row (0-based sheet row ``r``) fills an item field itself, not through a merge from above."""
    return any(c < len(row) and _filled(row[c]) and (r, c) not in merged for c in identity)


def _unmerged(row: list, r: int, merged: dict) -> list:
    """A line going on with the item above (0-based sheet row ``r``) with the cells merged down onto it
    blank: a 采用 or 批示 merged over the item's lines is the one record the line above read, not another."""
    if not merged:
        return row
    return [v if (r, c) not in merged else "" for c, v in enumerate(row)]


def _cells(row: list, cols: list[int]) -> tuple:
    return tuple(row[c] if c < len(row) else "" for c in cols)


def _short_of_above(data: list[list], titles: list, i: int, keys: list[int], joined: dict[int, tuple]) -> int:
    """A row writing the title of the row right above (or 同上 under it) and of its other item cells
    only what that row writes (its 日期, 作者 left blank, not another's): that row's item (its index);
    ``i`` itself otherwise."""
    if not i or titles[i - 1] != titles[i]:
        return i
    mine, theirs = _cells(data[i], keys), _cells(data[i - 1], keys)
    if any(_filled(v) and v != w for v, w in zip(mine, theirs)):
        return i
    return joined.get(i - 1, (i - 1,))[0]


def _adds_a_record(mine: tuple, theirs: tuple) -> bool:
    """Whether a row's record cells say something the first row of its item does not."""
    return any(_filled(v) and v != w for v, w in zip(mine, theirs))


def _continued_from(row: list, r: int, ct: int, records: set[int], merged: dict, index: dict[int, int]) -> tuple[int, bool] | None:
    """For a row with no item field of its own (0-based sheet row ``r``): the row index of the item
    it goes on with and whether that must be said: under a title merged down from an item row
    (not said), or right under an item row with a record cell filled (said)."""
    if (r, ct) in merged:
        origin = index.get(merged[r, ct])
        return None if origin is None else (origin, False)
    above = index.get(r - 1)
    if above is not None and any(c < len(row) and _filled(row[c]) for c in records):
        return above, True
    return None


def _level_given(extra: list) -> str | None:
    """The level a 批示 found with one (a body column's: 领导批示/市级), or None."""
    return extra[1] if len(extra) > 1 and extra[1] else None


def _shared_levels(levels: list[tuple[str | None, tuple]]) -> list[str | None]:
    """The level of each leader (level or None, the 批示 it is named in): names listed under one post
    written once (副市长王某某、李某某, 王某某、李某某副市长, 市领导王某某、李某某) are all of that post's
    level — a name with none takes the one level the other names of its 批示 have."""
    known: dict[tuple, set] = {}
    for level, where in levels:
        if level is not None:
            known.setdefault(where, set()).add(level)
    return [level if level is not None or len(known.get(where, ())) != 1 else next(iter(known[where]))
            for level, where in levels]


def _issue_reading(value, reading: Reading | None) -> Reading | None:
    """Under an issue-number column (市政协采用期数) a number, typed or as text, is the issue that
    carried the item, 1 included; a mark (√, 采用) reads as a mark."""
    typed = isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(value, str) and (issue := issue_after_year(value)) is not None:  # 2025-4: 第4期 here, not April
        return Reading(ADOPTED, issue_no=issue, text=cell_text(value))
    if not (typed or (reading is not None and reading.state == UNKNOWN and not isinstance(value, bool))):
        return reading
    issue = issue_cell(value)
    return Reading(ADOPTED, issue_no=issue, text=cell_text(value)) if issue else Reading(UNKNOWN, text=cell_text(value))


def _month_alone(value):
    """A month written as a number under a 月份 column (4, 4.0, "04") as the month it is (4月); any
    other cell as it is."""
    n = whole_number(value)
    return f"{n}月" if n is not None and 1 <= n <= 12 else value


def _month_and_day(month, day):
    """A date written in a 月 column and a 日 column (3 | 5, 3月 | 5日) as one text (3月5日)."""
    if not _filled(day):
        return f"{cell_text(month).rstrip('月份')}月" if _filled(month) else month
    d = cell_text(day).rstrip("日号")
    return f"{cell_text(month).rstrip('月份')}月{d}日" if _filled(month) else f"{d}日"


def _unit_cell(value) -> tuple[str, str]:
    """A 单位 cell as (the unit's name, the 界别 written with it): ``界别：教育界`` is 教育界;
    ``县教育局（教育界）`` and ``民革县委/民主党派界`` are the unit and its 界别; ``个人``, ``无`` are no unit;
    punctuation after the name is no part of it (``民革县委。``)."""
    text = unit_written(_UNIT_LABEL.sub("", norm_spaces(cell_text(value))))  # (空), 其他〖民建县委〗
    text = _PUNCTUATION_AFTER.sub("", text) or text
    if norm(text) in NO_UNIT_WORDS:
        return "", ""
    if m := _SECTOR_WITH_UNIT.match(text):
        return m[1], m[2] or m[3]
    return text, ""


# Co-authors written in a 备注: 联名：李四, 合作者：王五、赵六, 第二作者：钱七 (a colon or a space after the
# label: 联名报送 says how it was sent).
_COAUTHORS_IN_NOTE = re.compile(
    # a label, then the names: 联名：李四, 合作者 王五、赵六, 共同作者周杰, 作者另有李四, 合写：周杰
    r"(?:(?:联名(?:人|作者)?|合作者|合作人|合著者|第[二三四五2-5]作者|其他作者)(?:\s*[:：]\s*|\s+)"
    r"|(?:共同作者|另有作者|作者另有|作者还有|合写|联合撰写|共同撰写)(?:\s*[:：]\s*|\s*))"
    r"(?P<names>[\u3400-\u9fff·][\u3400-\u9fff·、，, ]{1,40})"
    # the names in a sentence saying they wrote it too: 与周杰合写, 和周杰合作, 周杰参与撰写, 周杰共同完成
    r"|(?:与|和|同)(?P<with>[\u3400-\u9fff·、]{2,12}?)(?:同志)?(?:合写|合著|合作|共同撰写|共同完成|联合撰写|一起撰写|共同执笔)"
    r"|(?:^|[,，;；。])(?P<also>[\u3400-\u9fff·、]{2,12}?)(?:同志)?(?:参与撰写|参与执笔|共同撰写|共同完成|协助撰写|联合撰写)")
def _spaced_names(cell: AuthorCell) -> str:
    """The names of a cell read.authors joined at a space (阿不都 热合曼 is 阿不都·热合曼), as matched; '' for none."""
    return "、".join(a.key for a in cell.authors if " " in a.name and "·" in a.key)


def _names_listed(m: re.Match) -> str:
    """The names a 备注's co-author mention lists, joined by 、, up to where it says something else."""
    listed = (m["names"] or m["with"] or m["also"]).strip()
    return "、".join(takewhile(lambda t: not _NO_NAME_AFTER.search(t), _NAME_LIST.split(listed)))


# The names listed after such a label end where the 备注 goes on to say something else (联名：李四，已报送).
_NAME_LIST = re.compile(r"[、，,\s]+")
_NO_NAME_AFTER = re.compile(r"[已未报送采批阅示请]|^$")
# A bracket ending a title (关于…的建议（市政协采用）), and the characters it may close with.
_CLOSING_BRACKETS, _OPENING_BRACKETS = ")）】]〕", "(（【[〔"
_BRACKET_ENDING_TITLE = re.compile(r"[(（【\[〔]([^()（）【】\[\]〔〕]+)[)）】\]〕]\s*$")
_BRACKET_OPENING_TITLE = re.compile(r"\s*[(（【\[〔]([^()（）【】\[\]〔〕]+)[)）】\]〕]")


def _person_after_unit(text: str, cell) -> tuple[str, str] | None:
    """(the unit, the bracket) of a 单位 cell that names a person in brackets after the unit: a contact
    (``民革县委（联系人：张三）``, ``县教育局（电话：0571-8888888）``) or one of the item's authors
    (``民革县委（张三）``); None for any other cell (``县工商联（总商会）``)."""
    m = _BRACKET_AT_END.fullmatch(text)
    if m is None or len(m[1].strip()) < 2:
        return None
    inner = m[2].strip()
    names = {a.key for a in cell.authors} if cell is not None else set()
    if _CONTACT_LABEL.match(inner) or _PHONE.fullmatch(inner) or inner in names:
        return m[1].strip(), inner
    return None


def _ends_with_author(text: str, cell) -> bool:
    """Whether a 单位 cell is, or ends with, one of its item's authors (张三 | 张三; 民革县委 张三 | 张三)."""
    return cell is not None and any(a.key and text.endswith(a.key) for a in cell.authors)


def _authors_after_unit(text: str, cell, words) -> tuple[str, str] | None:
    """(the unit, the names) of a 单位 cell that writes the item's own authors after the unit, with a space, a
    dash or nothing between (``民革县委 张三``, ``民革县委张三`` beside 作者 ``张三``; ``县教育局—李明、王芳``): the unit
    before them, when the rules' unit words make it one and the names are people's by their shape (作者 ``提案委``
    of ``县政协提案委``, ``组织部`` of ``县委组织部`` are none); None for any other cell."""
    names = sorted({a.key for a in cell.authors if words.is_person_name(a.key)}, key=len, reverse=True) if cell is not None else []
    head, taken = text.strip(), []
    while found := next((n for n in names if head.endswith(n) and len(head) > len(n)), ""):
        head, taken = _AUTHOR_SEPARATORS.sub("", head[: -len(found)]), [found, *taken]
    return (head, "、".join(taken)) if taken and head and words.is_unit(head) else None


# What staff type between a unit and a name after it (民革县委 张三, 民革县委—张三, 民革县委：张三, 张三、李四).
_AUTHOR_SEPARATORS = re.compile(r"[\s\-－—–·:：、,，/／]+$")
_BRACKET_AT_END = re.compile(r"(.+?)\s*[(（]([^()（）]+)[)）]\s*")
# Who to ask, written beside a unit (联系人：张三, 电话 0571-8888888): about the unit's item, not its name.
_CONTACT_LABEL = re.compile(r"(?:联系人|联络人|联络员|负责人|信息员|报送人|填报人|经办人|撰稿人|电话|联系电话|手机|联系方式)\s*[:：]?")
_PHONE = re.compile(r"[\d\-－— ]{7,}")

# A unit written with its 界别 after it: 县教育局(教育界), 民革县委/民主党派界.
_SECTOR_WITH_UNIT = re.compile(r"^(.+?)\s*(?:\(\s*([^()]{1,12}界(?:别|别组)?)\s*\)|[/、]\s*([^/、]{1,12}界(?:别|别组)?))$")


def _calendar_months(due: int, due_text: str, due_days: int | None, start: int) -> tuple[int, int | None]:
    """A 办理时限 of months (1个月, 三个月内) as the day that many calendar months from ``start`` (the 交办, else
    the 批示 day), not 30 days each; (due, due_days) as they were for any other, or with no start."""
    months = months_in_text(due_text) if due_days is not None and start else None
    return (_months_on(start, months), None) if months else (due, due_days)


def _months_on(ordinal: int, months: int) -> int:
    """The day ``months`` calendar months after a day (31 January + 1 month: 28 February), as an ordinal."""
    day = dt.date.fromordinal(ordinal)
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1])).toordinal()


def _months(index: int) -> str:
    """A month given as year * 12 + month - 1, as written (2024年12月)."""
    return f"{index // 12}年{index % 12 + 1}月"


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day of another year (29 February: the 28th)."""
    return day.replace(year=year, day=min(day.day, 28 if day.month == 2 else day.day))


def _department(body: str, placed) -> str:
    """The department a 转送 went to (``转送县民政局`` → ``县民政局``)."""
    if placed is None or placed.routing != "转送":
        return ""
    outside = BULLETIN_TITLES.sub(" ", body)  # 县政协《社情民意转送》第2期: the bulletin's name, no department
    if "转送" not in outside:
        return ""
    return re.sub(r"^.*?转送(?:至|到|给)?", "", outside).strip(" ::")
