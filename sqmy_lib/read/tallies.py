"""A ledger's own count of its items (``小计 | | 4条``, ``合计：12条``, ``报送 | 4`` on a 统计 line) against the
items counted from the rows it counts (the check ``row.tally_differs``, validate.tallies).

Such a row is set aside as a subtotal (never an item); its count is the first count of items it writes:
a number with 条/篇/项/份/则 in a cell (``4条``, ``小计：4条``, ``共报送12条``), or a whole number after a
label of a total or of 报送 (``小计 | 4``, ``报送 | 4``), or under the titles; a count after another word
(``采用1条``, ``批示 | 1``: ``TALLY_OTHER_WORDS``) is not the items'. A 小计 counts the items since the tally
row above it; a 合计 those, or all the sheet's above it (validate.tallies compares). A row that counts beyond
the sheet (``累计``, ``截至…``) is not compared."""
from __future__ import annotations

import re
import unicodedata

from ..zh import simplified
from .values import cell_text
from .vocabulary import TALLY_BEYOND_WORDS, TALLY_OTHER_WORDS, TALLY_PART_WORDS

_COUNT = re.compile(r"(?<![\d.])(\d+)(?:条|篇|项|份|则)")
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
        if m and not (other and other.start() < m.start()) and (not mark_column or items and items.start() < m.start()):
            return int(m[1]), label
        label = "other" if other else "items" if items else label
    return None, label


def part_total(row: list) -> bool:
    """A 小计 (the items since the tally above), not a 合计."""
    return any(type(v) is str and _PART.search(_text(v)) for v in row)


def _shown(row: list, c: int) -> str:
    """The tally as staff wrote it: its label (the row's first text) and the count's cell (小计 4条)."""
    label = next((v.strip() for v in row if type(v) is str and v.strip()), "")
    cell = cell_text(row[c]).strip()
    return cell if label == cell else f"{label} {cell}".strip()
