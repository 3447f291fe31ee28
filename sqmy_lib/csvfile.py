"""A ledger kept as CSV (exported from an online 报送 system, or saved from Excel/WPS as
"CSV(逗号分隔)"): its text decoded and split into a grid of cells, as one sheet.

Excel and WPS on a Chinese Windows write CSV in GBK (ANSI), or UTF-8 with a BOM, or, as "Unicode
文本", UTF-16 split by tabs; systems write UTF-8. The encoding is taken from a BOM, else UTF-8
when the whole file is valid UTF-8, else GB18030 (a superset of GBK); a file that is none of
these is refused (never decoded with replacement characters, which would turn names into
question marks without a word). The delimiter is tab when it splits most first records alike
(a tab is never typed in a cell), else the one of ``,``, tab, ``;`` that splits the first lines into
the most cells. Every cell is text, as written: nothing is evaluated.
"""
from __future__ import annotations

import codecs
import collections
import csv
import io
import itertools
import re
from pathlib import Path

# What a reader and the annotated copy name the one sheet of a CSV file: its file name, made a
# valid Excel sheet name (at most 31 characters, none of []:*?/\).
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
DELIMITERS = ",\t;"


class CsvProblem(ValueError):
    """A CSV file whose text cannot be decoded; ``message`` is Chinese."""


def is_csv(head: bytes, name: str | Path) -> bool:
    """Whether a file whose first bytes are ``head`` is a CSV: text (UTF-16 with its BOM, or bytes
    with no control characters but tab and line ends, UTF-8 and GBK alike), not markup (HTML, XML)
    or PDF, and either named ``.csv`` or split by commas or tabs (a CSV under an Excel name, as
    online systems export it; a note saved as ``.xlsx`` is not one)."""
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and (any(b < 32 and b not in (9, 10, 13) for b in head)
                      or head.removeprefix(codecs.BOM_UTF8).lstrip().startswith((b"<", b"%PDF"))):
        return False
    return Path(name).suffix.lower() == ".csv" or b"," in head or b"\t" in head


def sheet_name(path: str | Path) -> str:
    """The name of the one sheet a CSV file is read as (and written as, in an annotated copy)."""
    return _NOT_IN_SHEET_NAMES.sub("_", Path(path).stem)[:31] or "Sheet1"


def decode(data: bytes) -> str:
    """The text of a CSV file's bytes (see the module docstring); CsvProblem when undecodable."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise CsvProblem(f"文件以 {encoding.upper()} 标记开头,但第 {exc.start + 1} 个字节起无法按此编码解读") from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvProblem("文件编码无法识别(既不是 UTF-8,也不是 GBK/GB18030),请用 Excel 或 WPS 打开后另存为 .xlsx")


def _delimiter(text: str) -> str:
    """Tab when it splits most of the first records alike into three cells or more (a tab is never
    typed in a cell, while a 正文 or 备注 holds commas: "Unicode 文本" and system exports); else of
    ``,``, tab and ``;``, the one that splits the first lines into the most cells (a comma when none
    splits them)."""
    records = [r for r in itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter="\t"), 20) if any(r)]
    widths = collections.Counter(len(r) for r in records)
    # The header splits too: a system's tab before each value (\t2025-01-08, to keep it text in Excel) is no
    # delimiter when the header row has none.
    if widths and (top := widths.most_common(1)[0])[0] >= 3 and top[1] * 2 > len(records) and len(records[0]) >= 3:
        return "\t"
    head = text.splitlines()[:20]
    return max(DELIMITERS, key=lambda d: (sum(len(row) for row in csv.reader(head, delimiter=d)), -DELIMITERS.index(d)))


# ="2025001": how online systems export a value Excel must show as written (leading zeros, a long
# number, a date kept as text); Excel shows 2025001, and so is it read. Nothing is evaluated.
_AS_WRITTEN = re.compile(r'^="(.*)"$', re.S)


def _shown(cell: str) -> str:
    m = _AS_WRITTEN.match(cell)
    return m[1].replace('""', '"') if m else cell


def grid(data: bytes) -> list[list[str]]:
    """A CSV file's bytes as rows of text cells, every row as wide as the widest ('' where empty)."""
    text = decode(data)
    rows = [[_shown(cell.strip("\ufeff")) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))]
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
