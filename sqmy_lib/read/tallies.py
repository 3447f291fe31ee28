"""A ledger's own count of its items (``小计 | | 4条``, ``合计：12条``, ``报送 | 4`` on a 统计 line) against the
items counted from the rows it counts (the check ``row.tally_differs``, validate.tallies).

Such a row is set aside as a subtotal (never an item); its count is the first count of items it writes:
a number (in digits or Chinese numerals) with 条/篇/项/份/则 in a cell (``4条``, ``小计：4条``, ``共报送12条``,
``合计：二十条``), or a whole number after a
label of a total or of 报送 (``小计 | 4``, ``报送 | 4``), or under the titles; a count after another word
(``采用1条``, ``批示 | 1``: ``TALLY_OTHER_WORDS``) is not the items'. A 小计 counts the items since the tally
row above it; a 合计 those, or all the sheet's above it (validate.tallies compares). A row that counts beyond
the sheet (``累计``, ``截至…``) is not compared."""
from __future__ import annotations

import re
import unicodedata

from ..zh import simplified, zh_count
from .headers import HEADER_SCAN_ROWS, HeaderWords, norm_label
from .values import cell_text, sheet_months, written_fen, year_in_text
from .vocabulary import (MONEY_CARRIED_WORDS, MONEY_KEYWORDS, SUBTOTAL_WORDS, TALLY_ADOPTED_WORDS, TALLY_SHEET_ADOPTED_WORDS,
                         TALLY_SHEET_INSTRUCTED_WORDS, TALLY_SHEET_MONEY_WORDS, TALLY_BEYOND_WORDS, TALLY_OTHER_WORDS, TALLY_PART_WORDS, TALLY_SHEET_ITEM_WORDS,
                         TALLY_SHEET_PART_WORDS)

# A count in digits or Chinese numerals (4条, 共十二条, 合计：二十条); not an ordinal (第三条).
_COUNT = re.compile(r"(?<![\d.第])(\d+|[零〇○一二两三四五六七八九十百千]+)(?:条|篇|项|份|则)")
_SEPARATORS = re.compile(r"[\s,，;；、/]+")
_OTHER = re.compile("|".join(map(re.escape, TALLY_OTHER_WORDS)))
_BEYOND = re.compile("|".join(map(re.escape, TALLY_BEYOND_WORDS)))
_PART = re.compile("|".join(map(re.escape, TALLY_PART_WORDS)))
_ITEMS_LABEL = re.compile(r"小计|合计|总计|共计|总数|报送|共")


def _text(value) -> str:
    return simplified(unicodedata.normalize("NFKC", cell_text(value)))


def _whole(value) -> bool:
    """A whole number cell (not a tick's True)."""
    return type(value) in (int, float) and float(value).is_integer() and value >= 0


def written_count(row: list, title_col: int | None, counted: set[int], records: set[int]) -> tuple[int, int, str] | None:
    """(column, count, the row's label and that cell as written) of the items a tally row writes: ``小计 4条``;
    None when it writes none (or counts beyond the sheet). A bare number is the items' under the titles,
    or after a label of the items in ``counted`` (序号, 日期, 作者… columns); under a mark's column
    (``records``: 县级采用 | 1) a count is that column's, unless its own cell says 小计 or 报送 (小计：2条)."""
    label = None  # what the text before a bare number counts: "items", "other" or None
    for c, v in enumerate(row):
        if v == "" or v is None:
            continue
        if _whole(v):
            if c not in records and (c == title_col and label != "other" or label == "items" and c in counted):
                return c, int(v), _shown(row, c)
            label = None
            continue
        text = _text(v)
        if _BEYOND.search(text):
            return None
        n, label = _in_text(text, c in records, label)
        if n is not None:
            return c, n, _shown(row, c)
    return None


def _in_text(text: str, mark_column: bool, label: str | None) -> tuple[int | None, str | None]:
    """The count of the items a tally's cell writes (小计：4条, 共报送12条; not 采用1条, nor 2条 alone under
    a mark's column), and what a bare number after it counts."""
    for part in _SEPARATORS.split(text):
        m, other, items = _COUNT.search(part), _OTHER.search(part), _ITEMS_LABEL.search(part)
        n = _count(m[1]) if m else None
        if n is not None and not (other and other.start() < m.start()) and (not mark_column or items and items.start() < m.start()):
            return n, label
        label = "other" if other else "items" if items else label
    return None, label


def _number(value) -> int | None:
    """A whole number cell (3, 3.0, "3", "3条", "三条"); None for anything else (a formula Excel left no value for)."""
    if _whole(value):
        return int(value)
    text = _text(value).strip() if type(value) is str else ""
    return _count(text[:-1] if text[-1:] in ("条", "篇", "件", "项") else text) if text else None


def _count(written: str) -> int | None:
    """A count as written: 12, 十二 (None for numerals that are none: 二三)."""
    return int(written) if written.isascii() and written.isdigit() else zh_count(written)


# 采用2条, 其中采用：二条, 采用信息 (its count in the next cell): the whole of a part of a cell.
_ADOPTED = re.compile(rf"(?:其中)?(?:{'|'.join(map(re.escape, TALLY_ADOPTED_WORDS))})(?:信息)?(?:条数|数)?[:：]?"
                      r"(\d+|[零〇○一二两三四五六七八九十百千]+)?(?:条|篇|件|项)?")


def adopted_count(row: list) -> tuple[int, int, str] | None:
    """(column, count, the row's label and that cell as written) of the adoptions a tally row writes:
    ``采用2条``, ``采用：二条``, ``采用 | 2`` (the word, its count in the next filled cell); None for none, or
    for a count of one tier or body (``市政协采用2条``), or beyond the sheet (``累计采用5条``)."""
    texts = [_text(v) if type(v) is str else "" for v in row]
    if any(_BEYOND.search(t) for t in texts):
        return None
    for c, text in enumerate(texts):
        for part in _SEPARATORS.split(text):
            if not (m := _ADOPTED.fullmatch(part)):
                continue
            if m[1]:
                n = _count(m[1])
                return None if n is None else (c, n, _shown(row, c))
            after = next((j for j in range(c + 1, len(row)) if row[j] not in ("", None)), None)
            n = None if after is None or part != text else _number(row[after])
            return None if n is None else (after, n, f"{text} {cell_text(row[after]).strip()}")
    return None


# An amount of money as a tally writes it: 1,250.00, ¥1250, 1250元, 壹仟贰佰伍拾元整, after a label or none
# (稿酬合计：, 合计金额); a part of a cell split where a thousands separator is not (1,250.00 is one part).
_MONEY_PART = re.compile(r"(?P<label>[^\d¥$零〇壹贰叁肆伍陆柒捌玖拾佰仟]*?)[:：]?(?P<amount>[¥$]?(?:\d[\d,]*(?:\.\d{1,2})?|"
                         r"[零〇壹贰叁肆伍陆柒捌玖拾佰仟]+)(?:元整?)?)")
_MONEY_SPLIT = re.compile(r"[\s（()）\[\]【】;；、]+|[,，](?!\d{3})")
_MONEY_WORD = re.compile("|".join(map(re.escape, MONEY_KEYWORDS)))
_CARRIED = re.compile("|".join(map(re.escape, MONEY_CARRIED_WORDS)))
_CARRIED_AMOUNT = re.compile(r"[¥$]?(\d[\d,]*(?:\.\d{1,2})?)(?:元|$)")
_TOTAL_LABEL = re.compile("|".join(map(re.escape, (*SUBTOTAL_WORDS, "共"))))


def written_money(row: list, money_columns: list[int]) -> tuple[int, int, int, str] | None:
    """(column, amount in fen, the amount it says was carried over from before in fen, the row's label and that
    cell as written) of the money a tally row writes: its cell under a column of the items' money (合计 | |
    1,250.00; ¥1,250.00; 1250元), else a cell that says a total of money (稿酬合计：1250元, 合计金额：¥1,250.00);
    None for none, for a total beyond the sheet (累计, 全年: as ``written_count``), or for one that says an
    amount carried over (结转, 上季度) without a figure that can be taken off it."""
    texts = [_text(v) for v in row if type(v) is str]
    if any(_BEYOND.search(t) for t in texts):
        return None
    carried = 0
    for text in texts:
        for part in (p for p in _MONEY_SPLIT.split(text) if _CARRIED.search(p)):
            m = _CARRIED_AMOUNT.search(part)
            if m is None:
                return None
            carried += int(written_fen(m[1]) or 0)
    for c in [*money_columns, *range(len(row))]:
        fen = _money_cell(row[c], c in money_columns) if c < len(row) else None
        if fen is not None:
            return c, fen, carried, _shown(row, c)
    return None


def _money_cell(value, money_column: bool) -> int | None:
    """The amount of money a tally's cell writes: any amount under a money column, elsewhere one after the
    words of a total and of money, or in 元 or ¥ (合计：1250元); the parts that say what was carried over aside."""
    if type(value) in (int, float):
        return round(value * 100) if money_column and value >= 0 else None
    if type(value) is not str:
        return None
    for part in _MONEY_SPLIT.split(_text(value)):
        m = _MONEY_PART.fullmatch(part)
        if not part or _CARRIED.search(part) or m is None:
            continue
        if _money_said(m["label"], m["amount"], money_column):
            return written_fen(m["amount"])
    return None


def _money_said(label: str, amount: str, money_column: bool) -> bool:
    """Whether a part of a tally's cell is an amount of money: under a money column a bare amount or one after
    the words of a total or of money (合计：1,250.00); elsewhere one after the words of money (稿酬1250元), or in
    元 or ¥ bare or after the words of a total (合计：1250元, ¥1,250.00)."""
    money, total = bool(_MONEY_WORD.search(label)), bool(_TOTAL_LABEL.search(label))
    if money_column:
        return not label or money or total
    return money or (total or not label) and (amount.endswith(("元", "元整")) or amount[:1] in "¥$")


def part_total(row: list) -> bool:
    """A 小计 (the items since the tally above), not a 合计."""
    return any(type(v) is str and _PART.search(_text(v)) for v in row)


def _shown(row: list, c: int) -> str:
    """The tally as staff wrote it: its label (the row's first text) and the count's cell (小计 4条)."""
    label = next((v.strip() for v in row if type(v) is str and v.strip()), "")
    cell = cell_text(row[c]).strip()
    return cell if label == cell else f"{label} {cell}".strip()


# A 汇总's column of the items per unit: 报送, 报送条数, 报送信息（条）, 报送数量 (as norm_label gives it).
_ITEMS_COLUMN = re.compile(rf"(?:{'|'.join(map(re.escape, TALLY_SHEET_ITEM_WORDS))})(?:信息)?(?:条数|件数|篇数|数量|数|条|件|篇)?")
_TOTAL = re.compile("|".join(map(re.escape, SUBTOTAL_WORDS)))
# Its other columns per unit: the items adopted, the 批示, their money (采用条数, 批示件数, 稿酬元 as norm_label gives them).
_COUNT_ENDING = r"(?:信息)?(?:条数|件数|篇数|次数|数量|数|条|件|篇|次)?"
_FIGURE_COLUMNS = {
    "adopted": re.compile(rf"(?:{'|'.join(map(re.escape, TALLY_SHEET_ADOPTED_WORDS))}){_COUNT_ENDING}"),
    "instructed": re.compile(rf"(?:{'|'.join(map(re.escape, TALLY_SHEET_INSTRUCTED_WORDS))}){_COUNT_ENDING}"),
    "money": re.compile(rf"(?:{'|'.join(map(re.escape, TALLY_SHEET_MONEY_WORDS))})(?:合计|总额|金额)?元?"),
}


def sheet_figures(name: str, rows: list[list], words: HeaderWords) -> list[tuple[int, int, str, tuple]]:
    """The items per unit a 汇总 sheet writes (单位 | 报送 | 采用 …: 民盟区委 | 3; 合计 | 8): (Excel row, the
    count's column, the unit or total as written, ("unit" or "total", count, (the year its title or name
    says or None, the months they say or None), what it writes under its 采用, 批示 and 稿酬 columns: ``_figures``)),
    for ``sheet.tally_sheet_differs`` and ``sheet.tally_sheet_figure_differs``. None from a sheet whose
    labels name no one 单位 and one 报送 column, or name a person (a row per person: units repeat), or whose
    name or title says a part of the year it does not give as a quarter or a month (上半年): what it counts
    cannot be tied to the items."""
    for h, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        # A title of one cell (2025年各单位报送情况汇总, read as a 单位 label) is no row of labels.
        columns = _summary_columns(row, words) if sum(cell_text(v).strip() != "" for v in row) > 1 else None
        if columns is None:
            continue
        title = " ".join(cell_text(v) for above in rows[:h] for v in above if type(v) is str)
        if columns == () and (by_period := _total_of_periods(row, words, title)):
            columns = by_period
        period = _period(name, title)
        return _unit_counts(rows, h + 1, *columns, _figure_columns(row), period) if columns and period else []
    return []


# A 汇总 of the items per unit and period (单位 | 一季度 | 二季度 | 三季度 | 四季度 | 全年合计): its column of the row's
# total after the periods' is the unit's items of the year, when no column is labelled 报送 and its title does not say
# it counts adoptions only (各单位信息采用情况汇总).
_PERIOD_LABEL = re.compile(r"第?[一二三四1-4]季度|[一二三四五六七八九十\d]{1,3}月份?|[上下]半年")
_ROW_TOTAL = re.compile(r"(?:全年|年度|本年|全年度)?(?:合计|总计|共计|小计|累计)(?:条数|数)?")


def _total_of_periods(row: list, words: HeaderWords, title: str) -> tuple[int, int] | tuple:
    """(the 单位 column, the column of the row's total) of a 汇总 per unit and period (``_ROW_TOTAL``); () for none."""
    labels = {c: norm_label(v) for c, v in enumerate(row) if type(v) is str and v.strip()}
    fields = {c: words.field_of(t) for c, t in labels.items()}
    units = [c for c, f in fields.items() if f == "unit"]
    if "author" in fields.values():  # a row per person (姓名 | 单位 | 一季度 …): no unit's total
        return ()
    periods = [c for c, t in labels.items() if _PERIOD_LABEL.fullmatch(t)]
    totals = [c for c, t in labels.items() if _ROW_TOTAL.fullmatch(t) and periods and min(periods) < c]
    adopted_only = _FIGURE_COLUMNS["adopted"].search(title) and not any(w in title for w in TALLY_SHEET_ITEM_WORDS)
    if len(units) == len(totals) == 1 and len(periods) >= 2 and not adopted_only:
        return units[0], totals[0]
    return ()


def _figure_columns(row: list) -> dict[str, int]:
    """A 汇总's columns of the items adopted, the 批示 and their money (采用 | 批示 | 稿酬（元）): what → column;
    one of a tier (市政协采用) or of a part (采用率) is none."""
    out: dict[str, int] = {}
    for c, v in enumerate(row):
        label = norm_label(v) if type(v) is str else ""
        what = next((k for k, pattern in _FIGURE_COLUMNS.items() if label and pattern.fullmatch(label)), None)
        if what is not None:
            out.setdefault(what, c)
    return out


def _summary_columns(row: list, words: HeaderWords) -> tuple[int, int] | tuple | None:
    """A 汇总's labels: (its 单位 column, its 报送 column); () for labels of a unit or a count that are not
    one of each (or name a person); None for a row of neither (a caption)."""
    labels = {c: norm_label(v) for c, v in enumerate(row) if type(v) is str and v.strip()}
    fields = {c: words.field_of(t) for c, t in labels.items()}
    units = [c for c, f in fields.items() if f == "unit"]
    counts = [c for c, t in labels.items() if _ITEMS_COLUMN.fullmatch(t)]
    if not (units or counts):
        return None
    return (units[0], counts[0]) if len(units) == len(counts) == 1 and "author" not in fields.values() else ()


def _figures(row: list, others: dict[str, int]) -> dict[str, tuple[int, int, str]]:
    """What a 汇总's row writes under its columns of adoptions, 批示 and money: what → (column, the count or
    the fen, the cell as written); a cell of neither (a formula Excel left no value for, 待统计) is left out."""
    out = {}
    for what, c in others.items():
        value = row[c] if c < len(row) else None
        if value is None or value == "" or type(value) is bool:
            continue
        if what == "money":
            n = round(value * 100) if type(value) in (int, float) and value >= 0 else written_fen(cell_text(value)) \
                if type(value) is str else None
        else:
            n = _number(value)
        if n is not None:
            out[what] = (c, n, cell_text(value).strip())
    return out


def _period(name: str, title: str) -> tuple | None:
    """(the year, the months) a 汇总's name or title says, each None when it says none; None for a part of
    the year no quarter or month gives (上半年, 1—5月)."""
    months = sheet_months(name, title)
    if months is None and any(w in f"{name} {title}" for w in TALLY_SHEET_PART_WORDS):
        return None
    return year_in_text(f"{title} {name}"), frozenset(months) if months else None


def _unit_counts(rows: list[list], start: int, unit: int, col: int, others: dict[str, int],
                 period: tuple) -> list[tuple[int, int, str, tuple]]:
    """Each row of a unit (or a total) and its whole-number count under the 报送 label, with what it writes
    under its other columns (``_figures``); none when a unit is written twice (not a row per unit)."""
    out = []
    for r in range(start, len(rows)):
        row = rows[r]
        label = cell_text(row[unit]).strip() if unit < len(row) else ""
        if not label:  # 合计 in the 序号 column (often merged over the 单位 column's cell): the row's total
            label = next((t for v in row[:unit] if _TOTAL.match(_text(t := cell_text(v).strip()))), "")
        value = row[col] if col < len(row) else None
        n = _number(value)
        if label and n is not None:
            kind = "total" if _TOTAL.match(_text(label)) else "unit"
            out.append((r + 1, col, label, (kind, n, period, _figures(row, others))))
    units = [label for _, _, label, (kind, *_) in out if kind == "unit"]
    return out if len(set(units)) == len(units) else []
