"""Cell values as staff write them: text, dates in every form, author lists, adoption marks.

Pure functions of one value; nothing here knows about workbooks. Results that
cannot be decided (a date with no year, ``3.1`` that may be 3月1日 or 3月10日)
come back with a status instead of a guess, so validation can point at them.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

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
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


# White space is removed or folded with str.split(), which splits on exactly the characters
# a regex ``\s`` matches (str.isspace), and faster than a substitution.


def norm(text: str) -> str:
    """NFKC (full-width → half-width) with all white space removed."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isalnum() else "".join(text.split())  # letters and digits only: no space to remove


def norm_spaces(text: str) -> str:
    """NFKC with runs of white space folded to one space: names and titles as displayed."""
    text = unicodedata.normalize("NFKC", text)
    return text if text.isalnum() else " ".join(text.split())


def _key_table() -> dict[int, int | None]:
    # One str.translate pass (C speed, no regex): full-width letters and digits become
    # half-width, white space and punctuation (either width) disappear.
    noise = set(" \t\r\n\u3000\xa0《》〈〉「」『』【】[]()（）“”\"'‘’、,，。.:：;；!！?？—-–_·…~～/\\|")
    table: dict[int, int | None] = {ord(c): None for c in noise}
    for cp in range(0xFF01, 0xFF5F):
        half = chr(cp - 0xFEE0)
        table[cp] = None if half in noise else ord(half)
    return table


_KEY_TABLE = _key_table()
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def title_key(title: str) -> str:
    """The key two titles are matched by: half-width, lower case, no spaces or punctuation."""
    # NFKC-normalized text has no full-width forms: a quick C check, the regex only when it fails.
    if title.isalnum() and (unicodedata.is_normalized("NFKC", title) or not _FULL_WIDTH.search(title)):
        key = title.lower()  # nothing to remove or fold: skip the per-character pass
    else:
        key = title.translate(_KEY_TABLE).lower()
    # The same object when nothing changed (most Chinese titles): stored and pickled once.
    return title if key == title else key


def item_no_key(value) -> str:
    """An item number (编号) as a matching key: ``12``, ``12.0`` and ``０１２`` are not the same,
    but full-width and spacing differences are removed."""
    return norm(cell_text(value))


# ---------------------------------------------------------------- dates

OK, MISSING, UNPARSEABLE, AMBIGUOUS, NO_YEAR = "ok", "missing", "unparseable", "ambiguous", "no_year"

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YMD_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD = re.compile(r"^(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{4})$")
_YEAR_IN_TEXT = re.compile(r"(20\d{2}|19\d{2})\s*年")


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date cell: the date, or None with a status saying why."""

    date: dt.date | None
    status: str


def _make(y: int, m: int, d: int) -> ParsedDate:
    try:
        return ParsedDate(dt.date(y, m, d), OK)
    except ValueError:
        return ParsedDate(None, UNPARSEABLE)


def _month_day(m: int, d: int, year: int | None) -> ParsedDate:
    if year is None:
        return ParsedDate(None, NO_YEAR)
    return _make(year, m, d)


def parse_date(value, year: int | None = None) -> ParsedDate:
    """Parse a date cell in any form domain.md lists.

    ``year`` is the context year (from the sheet title, sheet or file name, or
    ``--year``) used for dates written without one (``3月5日``).
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
    if isinstance(value, bool):
        return ParsedDate(None, UNPARSEABLE)
    if isinstance(value, (int, float)):
        return _parse_number(float(value), year)
    text = norm(str(value))
    if not text:
        return ParsedDate(None, MISSING)
    if m := _YMD.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _YMD_COMPACT.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _MD.match(text):
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
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _parse_number(float(text), year)
    return ParsedDate(None, UNPARSEABLE)


def _parse_number(v: float, year: int | None) -> ParsedDate:
    if v.is_integer():
        n = int(v)
        if 20000 <= n <= 80000:  # an Excel serial date (1954–2119)
            return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=n), OK)
        if 19000101 <= n <= 21001231:
            return _make(n // 10000, n // 100 % 100, n % 100)
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


def year_in_text(text: str) -> int | None:
    """The year named in a title, sheet or file name (``2026年度…``, ``2026年报送台账``)."""
    if m := _YEAR_IN_TEXT.search(text):
        return int(m[1])
    m = re.search(r"(?<!\d)(20\d{2})(?!\d)", text)
    return int(m[1]) if m else None


# ---------------------------------------------------------------- authors

_AUTHOR_SEP = re.compile(r"[、,，;；/／|｜\n]+")
_ROLE_TAG = re.compile(r"^(.*?)[(（\[【]([^)）\]】]*)[)）\]】]\s*$")
# A cell without any of these is one author with no tag (the separators, role brackets, spaces).
_AUTHOR_SPECIAL = re.compile(r"[、,，;；/／|｜\n(（\[【)）\]】\s]")


@dataclass(frozen=True)
class Author:
    """One author named in an author cell; ``tag`` is a role written beside the name."""

    name: str
    tag: str = ""


def split_authors(text: str) -> list[Author]:
    """Split ``张三、李四`` / ``张三,李四`` / ``张三 李四`` / ``王五(特邀信息员)`` into authors.

    Spaces separate names, except the alignment spaces of a two-character name
    (``张  三``): single characters separated by spaces are joined back.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return []
    if not _AUTHOR_SPECIAL.search(text):
        return [Author(text)]  # one name, no separator, role tag or space: most cells
    authors: list[Author] = []
    for part in _AUTHOR_SEP.split(text):
        part = part.strip()
        if not part:
            continue
        tag = ""
        if m := _ROLE_TAG.match(part):
            part, tag = m[1].strip(), m[2].strip()
        for name in _split_on_spaces(part):
            authors.append(Author(name, tag))
    return authors


def _split_on_spaces(part: str) -> list[str]:
    tokens = part.split()
    if len(tokens) <= 1:
        return tokens
    names: list[str] = []
    pending = ""
    for tok in tokens:
        if len(tok) == 1:
            pending += tok
            continue
        if pending:
            names.append(pending)
            pending = ""
        names.append(tok)
    if pending:
        names.append(pending)
    return names


# ---------------------------------------------------------------- adoption and instruction cells

YES_MARKS = frozenset("√ ✓ ✔ ☑ 是 有 Y YES 1 采用 已采用 V".split())
NO_MARKS = frozenset("× ✗ ✘ 否 无 没有 未采用 N NO 0 - -- — / \\".split())
_ISSUE_NO = re.compile(r"第?\s*(\d{1,4})\s*期")
_PART_SEP = re.compile(r"[;；\n]+|[,，、](?=\s*\S*?(?:政协|省委|市委|县委|区委|中办|国办|编发|采用))")


def issue_number(text: str) -> int | None:
    """The bulletin issue number in ``第12期`` / ``2026年第15期`` / ``12期``."""
    m = _ISSUE_NO.findall(norm(text))
    return int(m[-1]) if m else None


@dataclass(frozen=True)
class Mark:
    """A cell under a tier column (县政协编发 | 市政协 | …): adopted or not, with what it says."""

    adopted: bool
    issue_no: int | None = None
    date: dt.date | None = None


def parse_mark(value) -> Mark:
    """Read a tier-column cell: ``√``/``是`` → adopted; ``第12期`` → adopted, issue 12;
    a date → adopted on that date; empty/``否``/``×`` → not adopted."""
    if value is None or value == "":
        return Mark(False)
    if isinstance(value, (dt.date, dt.datetime)):
        return Mark(True, date=value.date() if isinstance(value, dt.datetime) else value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == 0:
            return Mark(False)
        if float(value).is_integer() and 20000 <= value <= 80000:
            return Mark(True, date=parse_date(value).date)
        return Mark(True, issue_no=int(value) if float(value).is_integer() else None)
    text = norm(str(value)).upper()
    if not text or text in NO_MARKS:
        return Mark(False)
    if text in YES_MARKS:
        return Mark(True)
    parsed = parse_date(text)
    if parsed.status == OK:
        return Mark(True, date=parsed.date)
    return Mark(True, issue_no=issue_number(text))


def is_negative(text: str) -> bool:
    """``否``, ``无``, ``未采用``: the cell says there is nothing."""
    return norm(text).upper() in NO_MARKS


def split_adoption_text(text: str) -> list[str]:
    """Split a free-text 采用情况 cell into one part per adopting body:
    ``县政协编发第3期;市政协采用`` → [``县政协编发第3期``, ``市政协采用``]."""
    parts = [p.strip() for p in _PART_SEP.split(unicodedata.normalize("NFKC", text))]
    return [p for p in parts if p and not is_negative(p)]


def split_instructions(text: str) -> list[str]:
    """One part per leader in a 批示 cell (``副市长李某;县委书记王某``)."""
    parts = [p.strip() for p in re.split(r"[;；\n]+", unicodedata.normalize("NFKC", text))]
    return [p for p in parts if p and not is_negative(p)]
