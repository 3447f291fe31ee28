"""Cell values as staff write them: text, dates in every form, issue numbers, title keys.

Pure functions of one value; nothing here knows about workbooks or rules. A value that
cannot be decided (a date with no year, ``3.1`` that may be 3月1日 or 3月10日) comes back
with a status instead of a guess, so validation can point at its cell.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..zh import simplified, zh_count

# ---------------------------------------------------------------- text


def cell_text(value) -> str:
    """A cell's value as stripped text ('' for empty); integral floats lose their ``.0``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).strip()


def norm(text: str) -> str:
    """NFKC (full-width → half-width) with all white space removed, traditional characters as their
    simplified forms (``simplified``): the text as the vocabulary is looked up in."""
    text = simplified(unicodedata.normalize("NFKC", text))
    return text if text.isalnum() else "".join(text.split())


def norm_spaces(text: str) -> str:
    """NFKC with runs of white space folded to one space: names and titles as displayed."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isalnum() else " ".join(text.split())


def _key_table() -> dict[int, int | None]:
    # One str.translate pass (C speed, no regex): full-width letters and digits become
    # half-width, white space and punctuation (either width) disappear.
    noise = set(" \t\r\n\u3000\xa0《》〈〉「」『』【】[]()（）“”\"'‘’、,，。.:：;；!！?？—-–_·…~～/\\|•‧・")
    table: dict[int, int | None] = {ord(c): None for c in noise}
    for cp in range(0xFF01, 0xFF5F):
        half = chr(cp - 0xFEE0)
        table[cp] = None if half in noise else ord(half)
    return table


_KEY_TABLE = _key_table()


def title_key(title: str) -> str:
    """The key two titles are matched by: half-width, lower case, no spaces or punctuation."""
    return title.translate(_KEY_TABLE).lower()


# A list number before a title (1、 (一) 二. ) and a short bracket after it (（王五）, （修改稿）): what
# one ledger adds to another's title of the same item.
_ENUM_PREFIX = re.compile(r"^\s*(?:[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|"
                          r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．:：)）])\s*")
# A tag in 【】 before a title (【重点】, 【紧急】, 【急】【重点】): one ledger's mark on another's title.
_LEADING_TAG = re.compile(r"^\s*(?:【[^【】]{1,8}】\s*)+")
_TRAILING_BRACKET = re.compile(r"\s*[(（【\[][^()（）【】\[\]]{1,20}[)）】\]]\s*$")
# A day written after a title (关于城区内涝治理的建议 5.15, …的建议2025.5.15, …的建议5月15日): apart from
# the title by a space, or with its year or 月/日 (a bare 3.5 at a title's end is a number).
_MD = r"(?:1[0-2]|0?[1-9])[.．/\-](?:3[01]|[12]\d|0?[1-9])"
_TRAILING_DAY = re.compile(rf"(?:\s+(?:(?:19|20)\d{{2}}[.．/\-])?{_MD}|(?:19|20)\d{{2}}[.．/\-]{_MD}"
                           r"|(?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])[日号])\s*$")


def loose_title_key(title: str) -> str:
    """:func:`title_key` without a tag (【重点】) or a list number before the title or a short bracket or a
    day after it: the key a reference is matched by when its exact title matches no item ('' when
    little is left)."""
    title = _ENUM_PREFIX.sub("", _LEADING_TAG.sub("", title))
    key = title_key(_TRAILING_DAY.sub("", _TRAILING_BRACKET.sub("", title)))
    return key if len(key) >= 6 else ""


# What an editor drops from a title it prints abridged (关于…的建议 → …): an opening 关于, a closing 的建议.
_OPENING_WORDS = re.compile(r"^关于")
_CLOSING_WORDS = re.compile(r"(?:的)?(?:几点建议|建议)$")


# The words a clerk varies around one title (关于…的建议 in the 报送台账, …的几点建议 or …的意见 in the 采用台账).
_WORDING_CLOSE = re.compile(r"(?:的)?(?:几点|几条|一些|若干|相关)?(?:对策)?(?:意见)?(?:建议|意见|思考)$")


def worded_title_key(title: str) -> str:
    """:func:`loose_title_key` less an opening 关于 and a closing 的建议 (的几点建议, 的意见): the key a reference is
    matched by when its loose key matches no item ('' when fewer than six characters are left)."""
    core = _WORDING_CLOSE.sub("", _OPENING_WORDS.sub("", loose_title_key(title)))
    return core if len(core) >= 6 else ""


def abridges(short_key: str, full_key: str) -> bool:
    """Whether a title key (:func:`title_key`) is ``full_key``'s title abridged: less an opening 关于 and a
    closing 的建议 (的几点建议), what is left (six characters at least) stands in it (加快白沙河沿岸生态修复 of
    关于加快白沙河沿岸生态修复的建议; 老旧小区加装电梯后续管理的建议 of 关于加强老旧小区加装电梯后续管理的建议)."""
    core = _CLOSING_WORDS.sub("", _OPENING_WORDS.sub("", short_key))
    return len(core) >= 6 and core in full_key


def item_no_key(value) -> str:
    """An item number (编号) as a matching key: ``12``, ``12.0`` and ``０１２`` are not the same,
    but full-width and spacing differences are removed."""
    return norm(cell_text(value))


# ---------------------------------------------------------------- dates

OK, MISSING, UNPARSEABLE, AMBIGUOUS, NO_YEAR = "ok", "missing", "unparseable", "ambiguous", "no_year"
# Dated to a part of a month only: counted in that month, with a warning.
MONTH_ONLY, PART_OF_MONTH = "month_only", "part_of_month"

_EXCEL_EPOCH = dt.date(1899, 12, 30)
DAYS_1900_TO_1904 = 1462  # a 1904-dated workbook's (an old Mac Excel setting) day 0 is 1904-01-01
_TIME = r"(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_SPACE_BEFORE_TIME = re.compile(r"(\d[日号]?)\s+(\d{1,2}[:：]\d{2})")
# 星期三 reaches here as 星期3 (Chinese numerals are made digits first).
_WEEKDAY = r"(?:\(?(?:星期|周|礼拜)[一二三四五六日天1-7]\)?)?"
_YMD = re.compile(rf"^(\d{{4}})[.\-/年](\d{{1,2}})[.\-/月](\d{{1,2}})[日号]?{_WEEKDAY}{_TIME}$")
# 25.3.5, 25年3月5日: a two-digit year, read only as the context year or one beside it.
_YMD_SHORT = re.compile(rf"^(\d{{2}})[.\-/年](\d{{1,2}})[.\-/月](\d{{1,2}})[日号]?{_WEEKDAY}$")
_YMD_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD = re.compile(rf"^(\d{{1,2}})[.\-/月](\d{{1,2}})[日号]?{_WEEKDAY}$")
_MD_CHINESE = re.compile(rf"^(\d{{1,2}})月(\d{{1,2}})[日号]{_WEEKDAY}$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{4})$")
_YM = re.compile(r"^(\d{4})(?:年(\d{1,2})月(?:份)?|[.\-/](\d{1,2}))$")
_M_ONLY = re.compile(r"^(\d{1,2})月(?:份)?$")
_XUN = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(?:份)?(上旬|中旬|下旬|初|中|底|末|月初|月中|月底|月末)$")
_XUN_DAY = {"上旬": 1, "初": 1, "月初": 1, "中旬": 11, "中": 11, "月中": 11, "下旬": 21, "底": 21, "末": 21, "月底": 21, "月末": 21}
_YEAR_IN_TEXT = re.compile(r"(20\d{2}|19\d{2})\s*年")
_YEAR_SPAN = re.compile(r"(20\d{2})\s*年?\s*[-—–~～至到]\s*(20\d{2})\s*年")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[〇○零一二两三四五六七八九十]+")


# A year written in a date's text: 2025, 二〇二五, 25.3.5 / 25年3月 (two digits before a month).
_WRITTEN_YEAR = re.compile(r"\d{4}|[〇○零一二三四五六七八九]{4}|(?<!\d)\d{2}\s*[.\-/年]\s*\d{1,2}\s*[.\-/月]\s*\d")


def has_year(text: str) -> bool:
    """Whether a date as written names its year (``2025.3.5``, ``25年3月5日``); ``3月5日`` does not."""
    return bool(_WRITTEN_YEAR.search(text))


_YEAR_CELL = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def year_of_cell(v) -> int | None:
    """The year a 年度 cell writes (2025, 2025.0, 2025年, 2025年度, 二〇二五年), else None."""
    if type(v) is int or (type(v) is float and v.is_integer()):
        return int(v) if 1900 <= v <= 2099 else None
    text = unicodedata.normalize("NFKC", cell_text(v)).strip()
    if not text:
        return None
    text = "".join(str(_CN_DIGITS[ch]) if ch in _CN_DIGITS and ch not in "两O" else ch for ch in text)
    found = _YEAR_CELL.findall(text)
    return int(found[0]) if len(set(found)) == 1 else None


def from_1904(v):
    """A serial number of a 1904-dated workbook as the 1900-based serial ``parse_date`` reads: a number
    (calamine gives an .xls number as int), one with its time of day (45665.375), or one kept as text
    ("44297": a date cell of that workbook made text says its own serial, 1904-based as its numbers are)."""
    if type(v) is str:
        text = unicodedata.normalize("NFKC", v).strip()
        if not _SERIAL_TEXT.fullmatch(text):
            return v
        v = float(text)
    if type(v) is int or (type(v) is float and math.isfinite(v)):
        return v + DAYS_1900_TO_1904 if 20000 <= v <= 80000 else v
    return v


_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date cell: the date, or None with a status saying why."""

    date: dt.date | None
    status: str


def _make(y: int, m: int, d: int, status: str = OK) -> ParsedDate:
    try:
        return ParsedDate(dt.date(y, m, d), status)
    except ValueError:
        return ParsedDate(None, UNPARSEABLE)


def _month_day(m: int, d: int, year: int | None, status: str = OK) -> ParsedDate:
    if year is None:
        return ParsedDate(None, NO_YEAR)
    return _make(year, m, d, status)


def _cn_number(text: str) -> str:
    """A Chinese numeral as digits: 二〇二五 → 2025, 十二 → 12, 二十三 → 23, 三十 → 30."""
    if "十" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def numerals_as_digits(text: str) -> str:
    """Chinese numerals in a date text as digits (二〇二五年五月十二日 → 2025年5月12日)."""
    if not _CN_NUMBER.search(text):
        return text
    try:
        return _CN_NUMBER.sub(lambda m: _cn_number(m[0]), text)
    except KeyError:  # 十十 and the like: not a numeral
        return text


def parse_date(value, year: int | None = None) -> ParsedDate:
    """Parse a date cell in any form staff write one.

    ``year`` is the context year (from the sheet title, sheet or file name, or ``--year``)
    used for dates written without one (``3月5日``). Month-only dates (``2025年3月``) and
    parts of a month (``2月下旬``) are dated to the month's first day (or the 旬's) with a
    status that makes a warning; nothing is guessed beyond that.
    """
    kind = type(value)  # the common cases first, by exact type (bool is an int, datetime a date)
    if kind is dt.date:
        return ParsedDate(value, OK)
    if kind is dt.datetime:
        return ParsedDate(value.date(), OK)
    if kind is float and 20000 <= value <= 80000 and value.is_integer():  # an Excel serial date
        return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=int(value)), OK)
    if value is None or value == "":
        return ParsedDate(None, MISSING)
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), OK)
    if isinstance(value, dt.date):
        return ParsedDate(value, OK)
    if isinstance(value, bool) or isinstance(value, dt.timedelta):
        return ParsedDate(None, UNPARSEABLE)
    if isinstance(value, (int, float)):
        return _parse_number(float(value), year)
    text = str(value)
    if ":" in text or "：" in text:  # 2025-3-5 10:20: the time kept apart from the day before spaces go
        text = _SPACE_BEFORE_TIME.sub(r"\1T\2", text)
    text = norm(text)
    if not text:
        return ParsedDate(None, MISSING)
    if "。" in text:  # 2025。3。5: the full stop a Chinese input method types for "."
        text = _STOP_BETWEEN_DIGITS.sub(".", text)
    if "元月" in text:  # 2025年元月8日: January, as clerks write it (正月, the lunar month, is not read)
        text = text.replace("元月", "1月")
    parsed = _parse_text(numerals_as_digits(text), year)
    if parsed.status == UNPARSEABLE and (bare := _REMARK_AFTER.sub("", text)) != text and bare:
        parsed = _parse_text(numerals_as_digits(bare), year)  # 3月5日(补报), 2025-3-5 上午: the day before a remark
    return parsed


_STOP_BETWEEN_DIGITS = re.compile(r"(?<=\d)。(?=\d)")
# A remark after a date that names no other day: (补报), （电子版）, 上午, 下午10点.
_REMARK_AFTER = re.compile(r"(?:[(（][^()（）\d]*[)）]|(?:上午|下午|晚上|中午|凌晨|早上|傍晚|晚|早)[\d点时:：半]*"
                           r"|T\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|(?<=[日号])\d{1,2}[时点](?:\d{1,2}分?|半)?)$"
                           r"|^(?:周|星期|礼拜)[一二三四五六日天]")  # 周三 2025.3.5, 3月5日 14:30, 2025年3月5日17时


def _parse_text(text: str, year: int | None) -> ParsedDate:
    text = text.rstrip(".。,，、;；")  # 2025.03.05. — a full stop typed after the date
    if m := _YMD.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _YMD_COMPACT.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if (m := _YMD_SHORT.match(text)) and year is not None and abs(2000 + int(m[1]) - year) <= 1:
        return _make(2000 + int(m[1]), int(m[2]), int(m[3]))
    if m := _MD.match(text) or _MD_CHINESE.match(text):
        # "3.1" typed as text is 3月1日: unlike a number, text keeps its trailing zero.
        return _month_day(int(m[1]), int(m[2]), year)
    if m := _DMY_OR_MDY.match(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            return _make(y, b, a)
        if b > 12 >= a:
            return _make(y, a, b)
        if a == b:
            return _make(y, a, b)
        return ParsedDate(None, AMBIGUOUS)
    if m := _YM.match(text):
        return _make(int(m[1]), int(m[2] or m[3]), 1, MONTH_ONLY)
    if m := _M_ONLY.match(text):
        return _month_day(int(m[1]), 1, year, MONTH_ONLY)
    if m := _XUN.match(text):
        y = int(m[1]) if m[1] else year
        return _month_day(int(m[2]), _XUN_DAY[m[3]], y, PART_OF_MONTH)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _parse_number(float(text), year)
    return ParsedDate(None, UNPARSEABLE)


def _parse_number(v: float, year: int | None) -> ParsedDate:
    if not math.isfinite(v):
        return ParsedDate(None, UNPARSEABLE)
    if v.is_integer():
        if abs(v) > 1e12:
            return ParsedDate(None, UNPARSEABLE)
        n = int(v)
        if 20000 <= n <= 80000:  # an Excel serial date (1954–2119)
            return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=n), OK)
        if 19000101 <= n <= 21001231:
            return _make(n // 10000, n // 100 % 100, n % 100)
        return ParsedDate(None, UNPARSEABLE)
    if 20000 <= v < 80001:  # an Excel serial with its time of day (45665.375, a system's text): that day
        return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=int(v)), OK)
    if abs(v) >= 10000:
        return ParsedDate(None, UNPARSEABLE)
    # A month.day typed into a number cell: 3.15 is 3月15日, but 3.1 may be 3月1日
    # or 3月10日 (the number lost its trailing zero), so that is ambiguous.
    whole, frac = f"{v:.6f}".rstrip("0").split(".")
    month = int(whole)
    if not 1 <= month <= 12 or len(frac) > 2:
        return ParsedDate(None, UNPARSEABLE)
    days = {int(frac)} if len(frac) == 2 else {int(frac), int(frac) * 10}
    if year is None:
        return ParsedDate(None, NO_YEAR)
    valid = [d for d in days if _make(year, month, d).status == OK]
    if len(valid) == 1:
        return _make(year, month, valid[0])
    return ParsedDate(None, AMBIGUOUS if valid else UNPARSEABLE)


# A date as staff write one inside a longer text (an adoption or 批示 cell), as pattern text for the
# readers that look for it at a place (before a leader, in brackets): a day with its year (2025.10.8,
# 2025年10月8日, 20251008, 25.10.8), a day without (10月8日, 十月八日), a month (2025年10月, 10月份),
# a part of one (10月上旬) or a quarter (第四季度, which is no day: parse_date says so, and it is
# reported). A count or an issue (第3期, 10月号, 3.5分) is none. ``parse_date`` reads what is found.
_CN_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
_CN_NO = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_XUN_WORD = r"(?:上旬|中旬|下旬|月初|月中|月底|月末|初|底|末)"
_NOT_A_COUNT = r"(?!\s*[期号分万元倍%％个件条篇次\d])"
WRITTEN_DAY = (rf"(?:\d{{4}}|\d{{2}})\s*[.\-/年]\s*\d{{1,2}}\s*[.\-/月]\s*\d{{1,2}}(?:\s*[日号]|{_NOT_A_COUNT})"
               rf"|(?:{_CN_YEAR}\s*年\s*)?{_CN_NO}\s*月\s*(?:{_CN_NO}\s*[日号]|\d{{1,2}}{_NOT_A_COUNT})"
               r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")
WRITTEN_MONTH = (rf"(?:(?:{_CN_YEAR}\s*年\s*{_CN_NO}|\d{{1,2}})\s*月(?:份)?{_XUN_WORD}?"
                 rf"|[一二三四五六七八九十]{{1,3}}月(?:份{_XUN_WORD}?|{_XUN_WORD})"  # 十月份; 三月 alone may be in a name
                 rf"|\d{{4}}\s*[.\-/]\s*\d{{1,2}}(?![.\-/])"
                 rf"|(?:{_CN_YEAR}\s*年\s*)?第?[一二三四1-4]季度){_NOT_A_COUNT}(?!\s*[\-—~～至到])")
# 10.8: a month and day written as a number, where it cannot be one (before a name, in brackets).
WRITTEN_MONTH_DAY = r"(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?![\d.])"
_DATE_WRITTEN = re.compile(rf"(?<![\d.\-—~～至到])(?:{WRITTEN_DAY}|{WRITTEN_MONTH}|{WRITTEN_MONTH_DAY}{_NOT_A_COUNT})")
# A date's end written as a span's (2025.10.8-10.9): the first day is the date.
_SPAN_END = re.compile(r"\s*[\-—~～至到]\s*(?:\d{1,4}\s*[.\-/年月]\s*){0,2}\d{1,2}\s*[日号]?")
# What every date written above has (a digit before a separator or 年/月, eight digits, a 月 after a
# Chinese numeral, 季度); most texts (县政协编发第3期, 市政协采用) have none and are looked at no further.
_MAY_HOLD_A_DATE = re.compile(r"\d\s*[.\-/年月]|\d{8}|[〇○零一二三四五六七八九十]\s*[年月]|季度")


def may_hold_a_date(text: str) -> bool:
    """Whether a text may write a date (see ``WRITTEN_DAY``): False for most, cheaply."""
    return _MAY_HOLD_A_DATE.search(text) is not None


def date_written_in(text: str) -> tuple[str, int, int] | None:
    """The first date written in a text (see ``WRITTEN_DAY``), as (what is written, where it starts,
    where it ends, a span's other end and a 于 before it included): ``市政协于2025年10月8日采用`` →
    ('2025年10月8日', 3, 14); None when the text writes none (most do not: see ``may_hold_a_date``)."""
    if not may_hold_a_date(text):
        return None
    m = _DATE_WRITTEN.search(text)
    if m is None:
        return None
    start, end = m.start(), m.end()
    if start and text[start - 1] in "于在":
        start -= 1
    if span := _SPAN_END.match(text, end):
        end = span.end()
    return m[0], start, end


def year_in_text(text: str) -> int | None:
    """The year named in a title, sheet or file name (``2026年度…``, ``2026年报送台账``, ``二〇二六年``,
    ``２０２６年`` typed in full-width mode)."""
    text = numerals_as_digits(unicodedata.normalize("NFKC", text))
    if m := _YEAR_SPAN.search(text):  # 2024—2025年度: the ledger runs from the first (its later dates run on past December)
        return int(m[1])
    if m := _YEAR_IN_TEXT.search(text):
        return int(m[1])
    m = re.search(r"(?<!\d)(20\d{2})(?!\d)", text)
    return int(m[1]) if m else None


_MONTH_IN_TEXT = re.compile(r"(?<![\d\-—~～至到])(1[0-2]|0?[1-9])\s*月(?!\s*[\-—~～至到])")
_DAY_ONLY = re.compile(r"^(\d{1,2})[日号]?$")


_YEAR_FOLDER = re.compile(r"\s*(20\d{2})\s*(?:年度?)?\s*")


# 2024年12月—2026年1月, 2024年12月至2025年11月, 2025年1月—11月: the months a ledger's title says it covers.
# 2024年12月—2025年11月, with the days or not (统计时间:2024年12月1日至2025年11月30日), or dotted (2024.12.1-2025.11.30).
_MONTH_SPAN = re.compile(r"(20\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月份?\s*(?:[0-3]?\d\s*[日号]\s*)?(?:[-—–~～至到]|——)\s*"
                         r"(?:(20\d{2})\s*年\s*)?(1[0-2]|0?[1-9])\s*月"
                         r"|(?<!\d)(20\d{2})\.(1[0-2]|0?[1-9])(?:\.[0-3]?\d)?\s*(?:[-—–~～至到]|——)\s*"
                         r"(20\d{2})\.(1[0-2]|0?[1-9])(?:\.[0-3]?\d)?(?!\d)")


def month_span_in_text(text: str) -> tuple[int, int] | None:
    """The first and last month a title says its ledger covers (``2024年12月—2026年1月``), each as
    year * 12 + month - 1; of years alone (``2024—2025年度``), from the first's January to the last's
    December; None for none, or for a span running backwards or over three years."""
    text = numerals_as_digits(unicodedata.normalize("NFKC", text))
    if m := _MONTH_SPAN.search(text):
        y1, m1, y2, m2 = m.group(1, 2, 3, 4) if m[1] else m.group(5, 6, 7, 8)
        first, last = int(y1) * 12 + int(m1) - 1, int(y2 or y1) * 12 + int(m2) - 1
    elif m := _YEAR_SPAN.search(text):
        first, last = int(m[1]) * 12, int(m[2]) * 12 + 11
    else:
        return None
    return (first, last) if first <= last < first + 36 else None


_SHORT_YEAR_NAME = re.compile(r"\s*(\d{2})\s*年度?\s*")


def sheet_name_year(name: str) -> int | None:
    """The year a sheet's name gives: as a title does (``2025年``), or two digits alone (``25年``, ``25年度``:
    a sheet a year, named short)."""
    if year := year_in_text(name):
        return year
    m = _SHORT_YEAR_NAME.fullmatch(unicodedata.normalize("NFKC", name))
    return 2000 + int(m[1]) if m else None


def folder_year(path: str) -> int | None:
    """The year a ledger's folder names: ``2024/``, ``2024年/``, ``二〇二四年度台账/``; None for any other
    folder (a date-stamped backup folder names no ledger year)."""
    parts = re.split(r"[\\/]", path)
    name = parts[-2] if len(parts) > 1 else ""
    if m := _YEAR_FOLDER.fullmatch(numerals_as_digits(name)):
        return int(m[1])
    m = _YEAR_IN_TEXT.search(numerals_as_digits(name))
    return int(m[1]) if m else None


def month_in_text(text: str) -> int | None:
    """The one month a sheet or title names (``3月``, ``三月份``, ``2025年3月``); None for none, for
    a span (``1-3月``, ``1至3月``) and for two months."""
    text = numerals_as_digits(norm(text or ""))
    if m := _YEAR_MONTH_NAME.fullmatch(text):  # a sheet named 2025.01, 2025-1, 202503
        return int(m[1] or m[2])
    found = {int(m) for m in _MONTH_IN_TEXT.findall(text)}
    return found.pop() if len(found) == 1 else None


# A name that is a year and a month only: 2025.01, 2025-1, 2025_03, 202503 (two digits run together).
_YEAR_MONTH_NAME = re.compile(r"20\d{2}\s*[.\-_/]\s*(1[0-2]|0?[1-9])|20\d{2}(1[0-2]|0[1-9])")


# A quarter a sheet is named by: 第一季度, 2季度, Q3, or the three months it spans (1-3月, 一至三月).
_QUARTER_IN_TEXT = re.compile(r"(?<![\d、,，和至到\-—~～])([1-4])\s*季度?(?!\s*[、,，和至到\-—~～]?\s*\d)|(?<![A-Z])Q([1-4])(?!\d)"
                              r"|(?<!\d)(1|4|7|10)\s*[-—~～至到]\s*(3|6|9|12)\s*月")


def quarter_in_text(text: str) -> int | None:
    """The one quarter a sheet's name says (``第一季度``, ``Q2``, ``7-9月``); None for none or several."""
    found = set()
    for m in _QUARTER_IN_TEXT.finditer(numerals_as_digits(norm(text or "")).upper()):
        if m[3]:
            if int(m[4]) - int(m[3]) == 2:
                found.add((int(m[3]) + 2) // 3)
        else:
            found.add(int(m[1] or m[2]))
    return found.pop() if len(found) == 1 else None


def sheet_months(name: str, caption: str = "") -> set[int] | None:
    """The months of its year a sheet says it holds: a quarter's three, by its name or the title above its
    header (第一季度, 7-9月, Q3), or the one month its name says (3月, 2025.03); None for a sheet that says
    neither (a sheet of a year, 汇总)."""
    quarter = quarter_in_text(name) or quarter_in_text(caption)
    if quarter:
        return set(range(3 * quarter - 2, 3 * quarter + 1))
    month = month_in_text(name)
    return {month} if month else None


def day_in_month(value, year: int | None, month: int | None) -> ParsedDate | None:
    """A date cell that gives the day only (``5日``, ``5号``, ``5``) on a month's sheet: that day of the
    month; None when the cell is not a day alone or no month is known."""
    if month is None or year is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if not (math.isfinite(value) and float(value).is_integer() and 1 <= value <= 31):
            return None
        day = int(value)
    else:
        m = _DAY_ONLY.match(numerals_as_digits(norm(cell_text(value))))
        if not m:
            return None
        day = int(m[1])
    return _make(year, month, day)


# What a time limit asks for, written after it (10日内办复, 5月10日前反馈, 3日内报结果).
_DUE_VERBS = r"(?:办结|办复|完成|反馈|答复|回复|报结果|报送结果|反馈结果|报告|上报|落实|办理)?"
_SPAN = re.compile(r"^(?:请于?)?(?:(?:收到|接到|交办)(?:批示|通知)?(?:后|之日起))?(?:限|在)?"
                   rf"(\d{{1,4}}|半)(?:个)?(工作日|天|日|周|个月|月)(?:内|以内|之内)?{_DUE_VERBS}$")
_SPAN_DAYS = {"工作日": 1, "天": 1, "日": 1, "周": 7, "个月": 30, "月": 30}
_BEFORE = re.compile(rf"^(?:请于?|限)?(.+?)(?:之前|以前|前|止|为止){_DUE_VERBS}$")
_YEAR_END = re.compile(r"^(?:(\d{4})年(?:底|末|内)|年底|年末|年内)$")
# A part of a month as a time limit: the last day of it (5月中旬前: by 20 May).
_XUN_LAST = {"上旬": 10, "初": 10, "月初": 10, "中旬": 20, "中": 20, "月中": 20}


def days_in_text(text: str) -> int | None:
    """A time limit written as a span (``30天``, ``15日内``, ``两周``, ``一个月内``): its days, or None."""
    t = numerals_as_digits(norm(text))
    m = _SPAN.match(t)
    if not m or (m[1] == "半" and m[2] not in ("个月", "月")):
        return None
    return 15 if m[1] == "半" else int(m[1]) * _SPAN_DAYS[m[2]]  # 半个月: 15 days


def months_in_text(text: str) -> int | None:
    """A time limit written in months (``1个月``, ``三个月内``): how many, counted on the calendar (a month
    from 31 January is 28 February, not 30 days on); None for any other (``半个月`` is 15 days)."""
    m = _SPAN.match(numerals_as_digits(norm(text or "")))
    return int(m[1]) if m and m[1] != "半" and m[2] in ("个月", "月") else None


def deadline(value, year: int | None = None) -> ParsedDate:
    """A 办理时限 written as a day (``2025年5月1日前``, ``4月30日止``, ``5月10日前反馈``; ``5月底前``:
    the month's last day, ``5月中旬前`` the 20th, ``年底前`` 31 December): the day, or why not."""
    if isinstance(value, str):
        value = norm(value)
        if m := _BEFORE.match(value):
            value = m[1]
        if (m := _YEAR_END.match(numerals_as_digits(value))) and (m[1] or year):
            return ParsedDate(dt.date(int(m[1] or year), 12, 31), OK)
        m = _XUN.match(numerals_as_digits(value))
        if m and (m[1] or year) and 1 <= int(m[2]) <= 12:
            y, month = int(m[1] or year), int(m[2])
            last = _XUN_LAST.get(m[3]) or calendar.monthrange(y, month)[1]
            return ParsedDate(dt.date(y, month, last), OK)
    return parse_date(value, year)


# ---------------------------------------------------------------- issue numbers

# 第3期 and a list before one 期 (第3、5期): each number of it an issue
_ISSUE_NO = re.compile(r"(总)?第?(\d{1,4}(?:[、,和及]第?\d{1,4})*)期")
_ISSUE_SEP = re.compile(r"[、,和及]第?")


def issue_numbers(text: str) -> list[int]:
    """The bulletin issue numbers in ``第12期`` / ``2026年第15期`` / ``12期`` / ``第3、5期``, in the
    order written: the year's, not the running number beside them (``第3期（总第45期）`` is [3])."""
    found = _ISSUE_NO.findall(norm(numerals_as_digits(text)) if "期" in text else "")
    numbers = [n for total, n in found if not total] or [n for _, n in found]
    return [int(n) for written in numbers for n in _ISSUE_SEP.split(written)]


# The year an issue is of, written with it: 2026年第1期, 2026年1期, 2026第1期, 2026-1期, 〔2025〕第11期,
# (2026)3期, 2026年《社情民意》第1期, 26年第1期 (two digits only before 年), or after it: 第1期（2026年）.
# Never the issue's own number (第25期) nor a month (2026年1月).
_ISSUE_AFTER_YEAR = r"\s*(?:《[^》]{1,20}》)?\s*第?\s*\d{1,3}\s*期"
_ISSUE_YEAR = re.compile(
    rf"(?<!\d)(?:(?P<year>20\d{{2}})(?:\s*年\s*(?:第|度|总)|\s*年{_ISSUE_AFTER_YEAR}|\s*[〕)\]】]{_ISSUE_AFTER_YEAR}"
    rf"|\s*第\s*\d{{1,3}}\s*期|\s*[-－—./]\s*\d{{1,3}}\s*期)"
    rf"|(?P<short>\d{{2}})\s*年(?:\s*(?:第|度)|{_ISSUE_AFTER_YEAR}))"
    rf"|第\s*\d{{1,3}}\s*期\s*[(〔\[【]\s*(?P<after>20\d{{2}})\s*年?\s*[)〕\]】]")


def issue_year(text) -> int | None:
    """The year of the issue a text names (``2026年第1期``, ``26年第1期``, ``第1期（2026年）`` → 2026), or None."""
    m = _ISSUE_YEAR.search(unicodedata.normalize("NFKC", text)) if isinstance(text, str) and "期" in text else None
    if m is None:
        return None
    return int(m["year"] or m["after"]) if m["short"] is None else 2000 + int(m["short"])


def issue_number(text: str) -> int | None:
    """The bulletin issue number in ``第12期``: the last when several are written (whether a text
    writes several is for its reader to say: ``issue_numbers``)."""
    numbers = issue_numbers(text)
    return numbers[-1] if numbers else None


def issue_cell(value) -> int | None:
    """An issue-number cell (期号): ``12``, ``12.0``, ``第12期``; None when it is none of these."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if math.isfinite(value) and float(value).is_integer() and 0 < value < 10000 else None
    if _NUMBERS_APART.search(unicodedata.normalize("NFKC", cell_text(value))):
        return None  # 6⏎12, 6 12: two issues (``issues_apart``), never 612
    text = norm(cell_text(value))
    if text.isdigit() and len(text) <= 4:
        return int(text)
    if (issue := issue_after_year(text)) is not None:  # 2025-3, 2025.12, 〔2025〕3号: that year's issue
        return issue
    return issue_number(text)


def issue_after_year(text: str) -> int | None:
    """The issue of a 期号 written with its year before it (``2025-3``, ``2025.12``, ``〔2025〕3``, a 文号's
    ``〔2025〕3号``), or None. Under a 期号 column this is the issue, never a month (2025-4 is 第4期 there)."""
    m = _YEAR_AND_ISSUE.match(norm(text)) or _YEAR_AND_NUMBER.match(norm(text))
    return int(m[1]) if m else None


def issues_apart(value) -> list[int] | None:
    """The issues a 期号 cell lists with line breaks or spaces between (``6⏎12``, ``6 12``, ``第6期⏎第12期``),
    in order; None for a cell that writes one, or lists them another way (第3、5期: ``issue_numbers``)."""
    pieces = unicodedata.normalize("NFKC", value).split() if isinstance(value, str) else []
    if len(pieces) < 2 or any(len(issue_numbers(p)) > 1 for p in pieces):
        return None
    numbers = [issue_cell(p) for p in pieces]
    return numbers if all(numbers) else None


# Digits with only white space between (6⏎12, 6 12): numbers written apart, never one number.
_NUMBERS_APART = re.compile(r"\d\s+\d")
# A 期号 written with its year before it: 2025-3, 2025.12, 2025/3, (2025)3, 〔2025〕3.
_YEAR_AND_ISSUE = re.compile(r"^(?:(?:19|20)\d\d\s*[-.－/—]\s*|[(\[〔【](?:19|20)\d\d[)\]〕】]\s*)(\d{1,3})$")
# A bulletin numbered as a 文号 is: 〔2025〕3号, (2025)3号.
_YEAR_AND_NUMBER = re.compile(r"^[(\[〔【](?:19|20)\d\d[)\]〕】]\s*(\d{1,3})\s*号$")


# What a 稿酬 cell writes besides its amount: that it was paid (已发, 已发放, 已付, 实发), ¥, 元, 整.
_PAID_WORDS = r"(?:已发放|已发|已付|已支付|已领|实发|发放|已兑现)"
_AMOUNT = re.compile(rf"{_PAID_WORDS}?[:：]?[¥$]?(?P<n>\d+(?:\.\d{{1,2}})?|[零〇壹贰叁肆伍陆柒捌玖拾佰仟一二两三四五六七八九十百千]+)"
                     rf"(?:元整?|元)?(?:\({_PAID_WORDS}\)|{_PAID_WORDS})?")


def written_fen(text: str) -> int | None:
    """The amount a 稿酬 cell writes, in fen (``200`` → 20000, ``已发50`` → 5000, ``贰佰元`` → 20000);
    None when it writes none, or more than one (``张三100 李四100``)."""
    t = re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", str(text)))
    m = _AMOUNT.fullmatch(t)
    if m is None:
        return None
    n = m["n"]
    if n[0].isdigit():
        return int(Decimal(n) * 100)
    yuan = zh_count(n)
    return None if yuan is None else yuan * 100

