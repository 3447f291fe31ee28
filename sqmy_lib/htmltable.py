"""A web page's tables as sheets: what web systems (OA, 信息报送系统) export under an ``.xls`` name.

Each ``<table>`` is one sheet (the file's name, then 表2, 表3 …), its ``<td>``/``<th>`` cells as
text in rows; a cell spanning rows or columns (``rowspan``/``colspan``) is a merged range, its text
in the first cell as Excel keeps it. ``<br>`` is a line break in the cell. Text only: the page's
scripts, styles and links are not read, and nothing in it is run. The encoding is the one the
page declares (``<meta charset=gb2312>``), else UTF-8 when it decodes so, else GB18030.

A page saved as one file (``.mht``, Excel's and WPS's 单个文件网页, what OA systems also export under
an ``.xls`` name) is a MIME message: each of its HTML parts is undone from its transfer encoding
(quoted-printable, base64) and charset first, and its tables read the same way, in the parts' order.
"""
from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser
from pathlib import Path

Merge = tuple[tuple[int, int], tuple[int, int]]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_MIME_FIELD = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")  # a message's first header line (MIME-Version:, From:)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_SKIPPED = {"script", "style", "head", "title"}  # their text is no cell's
MAX_CELLS = 2_000_000  # cells a page's tables may cover, spans counted: more is no ledger (or a hostile page)


class HtmlTableError(ValueError):
    """The page's tables cover more cells than any ledger does (its message is for staff)."""


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are a web page (``<html``, ``<!DOCTYPE html``, ``<table``)."""
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return low.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in low[:512]


def looks_like_mht(head: bytes) -> bool:
    """Whether the first bytes of a file are a page saved as one file (MHT): a MIME message of related
    parts (``MIME-Version: 1.0`` … ``Content-Type: multipart/related``)."""
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_MIME_FIELD.match(low)) and b"multipart/related" in low.lower()


def page_texts(data: bytes) -> list[str]:
    """The HTML texts of a file: the page itself, or each HTML part of a page saved as one file (MHT)."""
    if not looks_like_mht(data[:4096]):
        return [decode(data)]
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    return [_part_text(part) for part in message.walk() if part.get_content_type() == "text/html"]


def _part_text(part) -> str:
    """One HTML part of an MHT as text: its transfer encoding undone, in the charset it declares."""
    raw = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "").replace("gb2312", "gb18030").replace("gbk", "gb18030")
    if charset and charset not in ("us-ascii", "ascii"):  # Excel says us-ascii and writes &#20013; or a <meta>
        try:
            return raw.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode(raw)


def decode(data: bytes) -> str:
    """The page's text, in the encoding it declares, else UTF-8, else GB18030 (as Chinese systems write)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if m := _CHARSET.search(data[:4096]):
        try:
            return data.decode(m[1].decode("ascii").lower().replace("gb2312", "gb18030").replace("gbk", "gb18030"),
                               errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


class _Tables(HTMLParser):
    """Collects the tables of a page: for each, its rows of cell texts and its merged ranges."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], list[Merge]]] = []
        self._stack: list[dict] = []  # tables being read (a table inside a cell is one of its own)
        self._skip = 0
        self._cells = 0  # cells covered so far, spans counted (``MAX_CELLS``)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._stack.append({"rows": [], "merges": [], "taken": set(), "cell": None, "r": -1})
        elif self._stack and tag == "tr":
            self._stack[-1]["r"] += 1
            self._stack[-1]["rows"].append([])
        elif self._stack and tag in ("td", "th"):
            self._open_cell(dict(attrs))
        elif self._stack and tag == "br" and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th", "tr") and self._stack:
            self._close_cell()
        elif tag == "table" and self._stack:
            self._close_cell()
            t = self._stack.pop()
            self.tables.append((t["rows"], t["merges"]))

    def handle_data(self, data: str) -> None:
        if self._stack and not self._skip and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(data)

    def _open_cell(self, attrs: dict) -> None:
        self._close_cell()
        t = self._stack[-1]
        if t["r"] < 0:  # a cell before any <tr>
            t["r"], t["rows"] = 0, [[]]
        r, row = t["r"], t["rows"][-1]
        c = len(row)
        while (r, c) in t["taken"]:  # the cells a span from above covers
            c += 1
        span_r, span_c = _span(attrs.get("rowspan")), _span(attrs.get("colspan"))
        self._cells += span_r * span_c
        if self._cells > MAX_CELLS:
            raise HtmlTableError(f"网页中的表格超过 {MAX_CELLS} 个单元格,不像台账,已拒绝读取")
        if span_r > 1 or span_c > 1:
            t["merges"].append(((r, c), (r + span_r - 1, c + span_c - 1)))
        t["taken"].update((r + i, c + j) for i in range(span_r) for j in range(span_c))
        t["cell"] = {"r": r, "c": c, "text": []}

    def _close_cell(self) -> None:
        t = self._stack[-1] if self._stack else None
        if not t or t["cell"] is None:
            return
        cell, t["cell"] = t["cell"], None
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(cell["text"]).replace("\xa0", " ").split("\n"))
        row = t["rows"][cell["r"]]
        row.extend([""] * (cell["c"] + 1 - len(row)))
        row[cell["c"]] = text.strip("\n")


def _span(value) -> int:
    """A rowspan/colspan as a count, 1 for anything else (at most 1000: a page's mistake is no sheet)."""
    try:
        return min(max(int(str(value).strip()), 1), 1000)
    except (TypeError, ValueError):
        return 1


def html_tables(path: Path) -> list[tuple[str, list[list[str]], list[Merge]]]:
    """The tables of the page at ``path`` with a cell filled, each as (its sheet name, rows, merges)."""
    parser = _Tables()
    for text in page_texts(path.read_bytes()):
        parser.feed(text)
    parser.close()
    found = [(rows, merges) for rows, merges in parser.tables if any(v for row in rows for v in row)]
    width = lambda rows: max(map(len, rows), default=0)
    return [(path.stem if k == 0 else f"表{k + 1}", [row + [""] * (width(rows) - len(row)) for row in rows], merges)
            for k, (rows, merges) in enumerate(found)]
