"""What an OpenDocument spreadsheet (.ods) says that python-calamine does not give: its merged
ranges (calamine gives none for an .ods), cells struck through (删除线), hidden rows and columns,
formula error values (#DIV/0!, Err:502), formulas without a value, cell notes (批注) and a 1904
null date, so an .ods is read as the same workbook saved as .xlsx is.

``content.xml`` is parsed once as a stream (defusedxml: entity declarations refused), at most
MAX_SHEET_XML bytes of it. calamine builds every sheet of an .ods when it opens the file, so a
sheet whose filled extent passes MAX_SHEET_CELLS refuses the whole file here, before calamine.

Positions are counted as calamine counts them (0-based from A1): ``number-columns-repeated`` and
``number-rows-repeated`` stand for that many cells or rows, a covered cell (under a merge) for one.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .safety import MAX_SHEET_CELLS, Capped, SheetFacts, UnreadableFile, _parse_part, split_struck

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def _q(name: str) -> str:
    """``table:table-row`` in the ``{namespace}local`` spelling ElementTree uses."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


TABLE, ROW, COLUMN = _q("table:table"), _q("table:table-row"), _q("table:table-column")
CELL, COVERED = _q("table:table-cell"), _q("table:covered-table-cell")
AUTO_STYLES, STYLE, TEXT_PROPS = _q("office:automatic-styles"), _q("style:style"), _q("style:text-properties")
NULL_DATE, ANNOTATION, PARA = _q("table:null-date"), _q("office:annotation"), _q("text:p")
SPAN, TEXT_STYLE, SPACES = _q("text:span"), _q("text:style-name"), _q("text:s")
TAB, LINE_BREAK, SPACE_COUNT = _q("text:tab"), _q("text:line-break"), _q("text:c")
NAME, STYLE_NAME, DEFAULT_STYLE = _q("table:name"), _q("table:style-name"), _q("table:default-cell-style-name")
VISIBILITY, FORMULA = _q("table:visibility"), _q("table:formula")
VALUE_TYPE, CALC_VALUE_TYPE = _q("office:value-type"), _q("calcext:value-type")
ROWS_REPEATED, COLS_REPEATED = _q("table:number-rows-repeated"), _q("table:number-columns-repeated")
ROWS_SPANNED, COLS_SPANNED = _q("table:number-rows-spanned"), _q("table:number-columns-spanned")

# An error a formula shows as its text when no calcext:value-type="error" says it (LibreOffice
# before 5, other writers): Excel's names, and LibreOffice's own Err:502. Named ones only: a
# formula's text result may well start with # (#3 号楼).
_ERROR_TEXT = re.compile(r"#(?:DIV/0!|N/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)|Err:\d{3}")


def ods_sheet_facts(path: Path) -> dict[str, SheetFacts]:
    """Per sheet name of the .ods at ``path``: its SheetFacts, ``merges`` included. Raises
    UnreadableFile when content.xml or one sheet's extent is past the limits (calamine would build
    it all); malformed XML ends the scan with what was read (calamine reports the rest)."""
    with zipfile.ZipFile(path) as zf:
        scan = _Scan(_named_styles(zf))
        try:
            info = zf.getinfo("content.xml")
        except KeyError:
            return {}
        with zf.open(info) as fh:
            scan.run(Capped(fh))
    return scan.facts


def _named_styles(zf: zipfile.ZipFile) -> dict[str, tuple[bool | None, str | None]]:
    """The named cell styles of ``styles.xml`` (the parents of content.xml's automatic ones)."""
    if "styles.xml" not in zf.NameToInfo:
        return {}
    try:
        return _cell_styles(_parse_part(zf, "styles.xml").iter(STYLE))
    except Exception:  # noqa: BLE001 - unreadable named styles: content.xml's own still say a strike
        return {}


def _cell_styles(styles) -> dict[str, tuple[bool | None, str | None]]:
    """Cell style name → (struck through or not, None when the style does not say; its parent)."""
    out = {}
    for st in styles:
        if st.get(_q("style:family")) != "table-cell" or not st.get(_q("style:name")):
            continue
        props = st.find(TEXT_PROPS)
        line = props.get(_q("style:text-line-through-style")) if props is not None else None
        kind = props.get(_q("style:text-line-through-type")) if props is not None else None
        own = None if line is None else line != "none" and kind != "none"
        out[st.get(_q("style:name"))] = (own, st.get(_q("style:parent-style-name")))
    return out


def _text_struck(styles) -> set[str]:
    """The automatic text styles (``style:family="text"``, a ``text:span``'s) that strike their text through."""
    out = set()
    for st in styles:
        props = st.find(TEXT_PROPS) if st.get(_q("style:family")) == "text" else None
        if props is None:
            continue
        # LibreOffice writes a span's strike as a type alone (single, double): struck unless either says none
        line, kind = props.get(_q("style:text-line-through-style")), props.get(_q("style:text-line-through-type"))
        if (line or kind or "none") != "none" and kind != "none":
            out.add(st.get(_q("style:name")))
    return out


def _runs(el, struck: set[str], on: bool, out: list) -> None:
    """The text of ``el`` (a paragraph or a span) as (text, struck or not) runs, as calamine
    reads it (text:s spaces, tabs, line breaks); a span struck by its style, or inside one."""
    out.append((el.text or "", on))
    for child in el:
        if child.tag == SPAN:
            _runs(child, struck, on or child.get(TEXT_STYLE) in struck, out)
        elif child.tag == SPACES:
            out.append((" " * _count(child, SPACE_COUNT), on))
        elif child.tag in (TAB, LINE_BREAK):
            out.append(("\t" if child.tag == TAB else "\n", on))
        elif child.tag != ANNOTATION:
            _runs(child, struck, on, out)
        out.append((child.tail or "", on))


def _struck_text(el, struck: set[str]) -> tuple[str, str] | None:
    """A text cell's paragraphs split by its struck spans (see split_struck), or None."""
    runs: list = []
    for p in (p for p in el if p.tag == PARA):
        if runs:
            runs.append(("\n", False))
        _runs(p, struck, False, runs)
    return split_struck(runs)


def _struck(styles: dict, name: str | None) -> bool:
    """Whether cell style ``name`` strikes its text through, itself or through its parents."""
    for _ in range(32):  # a parent chain longer than this (or a loop) says nothing
        if name not in styles:
            return False
        own, name = styles[name]
        if own is not None:
            return own
    return False


def _count(el, attr: str) -> int:
    """A repeat or span count; 1 when absent or not a positive number."""
    try:
        return max(int(el.get(attr, "1")), 1)
    except ValueError:
        return 1


def _paragraphs(el) -> str:
    """The text of ``el``'s own paragraphs, a note's (office:annotation) left out."""
    return "\n".join("".join(p.itertext()) for p in el if p.tag == PARA)


def _error_text(el, text: str) -> str | None:
    """The error value a formula cell shows (#DIV/0!, Err:502), or None."""
    if el.get(FORMULA) is None:
        return None
    kind = el.get(CALC_VALUE_TYPE)
    if kind == "error":
        return text.strip()[:20] or "#错误"
    if kind is None and el.get(VALUE_TYPE) in (None, "string") and _ERROR_TEXT.fullmatch(text.strip()):
        return text.strip()
    return None


class _Scan:
    """One pass over content.xml: each sheet's facts, counted at calamine's positions."""

    def __init__(self, named_styles: dict):
        self.styles = dict(named_styles)
        self.facts: dict[str, SheetFacts] = {}
        self.date1904 = False
        self.text_struck: set[str] = set()  # automatic text styles that strike through (a span's)
        self.sheet: _Sheet | None = None

    def run(self, source) -> None:
        """Parse ``source``; the handlers see each element once it is complete (``end``) or, for
        the tables, rows and columns, once its attributes are known (``start``)."""
        from defusedxml.common import DefusedXmlException
        from defusedxml.ElementTree import iterparse

        parents: list = []
        try:
            for event, el in iterparse(source, events=("start", "end")):
                if event == "start":
                    self._start(el)
                    parents.append(el)
                    continue
                parents.pop()
                self._end(el)
                if parents and el.tag in (ROW, AUTO_STYLES, COLUMN):
                    parents[-1].remove(el)  # done with: a long sheet is never held whole
        except DefusedXmlException as exc:
            raise UnreadableFile("file.corrupt", "文件内含有不允许的 XML 实体声明,已拒绝读取") from exc
        except UnreadableFile:
            raise
        except Exception:  # noqa: BLE001 - malformed XML: calamine reports what it cannot read
            return

    def _start(self, el) -> None:
        if el.tag == TABLE:
            self.sheet = _Sheet(el.get(NAME) or "", SheetFacts(date1904=self.date1904), self.text_struck)
        elif self.sheet is None:
            if el.tag == NULL_DATE:  # in the settings before the first sheet
                self.date1904 = (el.get(_q("table:date-value")) or "").startswith("1904-01-01")
        elif el.tag == ROW:
            self.sheet.row(el, self.styles)
        elif el.tag == COLUMN:
            self.sheet.column(el, self.styles)

    def _end(self, el) -> None:
        if el.tag == AUTO_STYLES and self.sheet is None:
            self.styles.update(_cell_styles(el.iter(STYLE)))
            self.text_struck |= _text_struck(el.iter(STYLE))
        elif self.sheet is None:
            return
        elif el.tag in (CELL, COVERED) and self.sheet.in_row:
            self.sheet.cell(el, self.styles)
        elif el.tag == ROW:
            self.sheet.end_row()
        elif el.tag == TABLE:
            self.facts[self.sheet.name] = self.sheet.finish()
            self.sheet = None


class _Sheet:
    """One table as it streams by: where the next row and cell are, and what they say."""

    def __init__(self, name: str, facts: SheetFacts, text_struck: set[str] = frozenset()):
        self.name, self.facts = name, facts
        self.text_struck = text_struck  # the text styles that strike a span through
        self.r = self.c = self.ncols = 0
        self.repeat, self.in_row, self.row_style = 1, False, None
        self.max_row = self.max_col = -1  # the filled extent
        self.hidden_rows: list[range] = []
        self.hidden_cols: list[range] = []
        self.col_styles: list[tuple[range, str]] = []  # columns' default cell styles

    def column(self, el, styles: dict) -> None:
        """A ``table:table-column`` (repeated): hidden, or a struck default style for its cells."""
        span = range(self.ncols, self.ncols + _count(el, COLS_REPEATED))
        if el.get(VISIBILITY) in ("collapse", "filter"):
            self.hidden_cols.append(span)
        if _struck(styles, el.get(DEFAULT_STYLE)):
            self.col_styles.append((span, el.get(DEFAULT_STYLE)))
        self.ncols = span.stop

    def row(self, el, styles: dict) -> None:
        """A ``table:table-row`` begins: it stands for ``number-rows-repeated`` rows."""
        self.repeat, self.c, self.in_row = _count(el, ROWS_REPEATED), 0, True
        self.row_style = el.get(DEFAULT_STYLE)
        if el.get(VISIBILITY) in ("collapse", "filter"):  # hidden by hand, or by a filter
            self.hidden_rows.append(range(self.r, self.r + self.repeat))

    def end_row(self) -> None:
        """The row (and its repeats) done: the next starts below them."""
        self.r += self.repeat
        self.in_row = False

    def cell(self, el, styles: dict) -> None:
        """A cell (or a covered one) standing for ``number-columns-repeated`` columns."""
        attrs = el.attrib  # most cells have none of these: tested by key, parsed only when there
        rows = range(self.r, self.r + self.repeat)
        cols = range(self.c, self.c + (_count(el, COLS_REPEATED) if COLS_REPEATED in attrs else 1))
        self.c = cols.stop
        if (ROWS_SPANNED in attrs or COLS_SPANNED in attrs) and el.tag == CELL:
            self._merge(el, rows[0], cols[0])
        formula = FORMULA in attrs
        # The text matters for a formula's shown value, and for a cell with text but no value type.
        text = _paragraphs(el) if len(el) and (formula or VALUE_TYPE not in attrs) else ""
        if VALUE_TYPE in attrs or text or formula:
            self._grow(rows, cols)
            self._record(el, text, rows, cols, styles)
        if len(el):
            self._note(el, rows, cols)

    def _merge(self, el, r: int, c: int) -> None:
        """A merge anchor's range (a repeated anchor means one merge, at its first place)."""
        spans = (_count(el, ROWS_SPANNED), _count(el, COLS_SPANNED))
        if spans != (1, 1):
            self.facts.merges.append(((r, c), (r + spans[0] - 1, c + spans[1] - 1)))

    def _grow(self, rows: range, cols: range) -> None:
        """Widen the filled extent; past MAX_SHEET_CELLS the file is refused (see the module)."""
        self.max_row, self.max_col = max(self.max_row, rows[-1]), max(self.max_col, cols[-1])
        if (self.max_row + 1) * (self.max_col + 1) > MAX_SHEET_CELLS:
            raise UnreadableFile(
                "sheet.too_large",
                f"工作表“{self.name}”的数据范围异常(约 {self.max_row + 1} 行 × {self.max_col + 1} 列),已拒绝读取;"
                "请删除表格外的多余内容后另存", self.name)

    def _record(self, el, text: str, rows: range, cols: range, styles: dict) -> None:
        """A filled cell's error value, missing formula value or strike, at each place it stands for."""
        error = _error_text(el, text)
        if error:
            self.facts.error_cells.update(((r, c), error) for r in rows for c in cols)
        elif el.get(VALUE_TYPE) is None and not text:  # a formula never calculated
            self.facts.formula_cells.update((r, c) for r in rows for c in cols)
            return
        struck = [c for c in cols if _struck(styles, self._style_at(el, c))]
        self.facts.struck_cells.update((r, c) for r in rows for c in struck)
        if self.text_struck and len(el):
            self._struck_spans(el, rows, cols)

    def _struck_spans(self, el, rows: range, cols: range) -> None:
        """A text cell struck through by its spans (text styles): in whole a struck cell, in part
        read without the struck text (SheetFacts.strike), at each place it stands for."""
        if el.get(VALUE_TYPE, "string") != "string":
            return
        split = _struck_text(el, self.text_struck)
        if split is not None:
            for at in ((r, c) for r in rows for c in cols):
                self.facts.strike(at, split)

    def _style_at(self, el, c: int) -> str | None:
        """The cell's style: its own, else its row's default, else its column's."""
        own = el.get(STYLE_NAME) or self.row_style
        if own is not None:
            return own
        return next((name for span, name in self.col_styles if c in span), None)

    def _note(self, el, rows: range, cols: range) -> None:
        """A cell's note (批注: office:annotation), which calamine leaves out of the cell's value."""
        note = el.find(ANNOTATION)
        if note is not None:
            self.facts.comments.update(((r, c), _paragraphs(note)) for r in rows for c in cols)

    def finish(self) -> SheetFacts:
        """The sheet's facts, hidden rows and columns kept within its filled extent (a sheet hides
        the million empty rows below it as readily as one)."""
        self.facts.hidden_rows = {r for span in self.hidden_rows for r in range(span.start, min(span.stop, self.max_row + 1))}
        self.facts.hidden_cols = {c for span in self.hidden_cols for c in range(span.start, min(span.stop, self.max_col + 1))}
        return self.facts
