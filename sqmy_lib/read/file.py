"""One workbook file → its record tables, with ids local to the file.

``FileReader.read`` is what a reader process runs for each file (read.isolate): it never
raises for a bad file (the failure is one row of ``files``). What it gives back crosses the
process boundary by pickle (``concurrent.futures``' way), in a plain documented form
(``FileResult``): ``files`` and ``sheets`` rows as dicts, and each record table as NumPy
column arrays (``column → ndarray``: dates as datetime64[ns], whole numbers as int64, the
rest as object arrays), with sheet ids (``src``) and item ids local to the file. The merge
(read.ledger) offsets those ids, concatenates each column and types the tables once, so
reading many files in parallel gives exactly the serial result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..records import INT, SCHEMAS
from ..rules import Rules
from .authors import AuthorWords
from .headers import HEADER_SCAN_ROWS, MAX_LABEL, HeaderWords, Layout, find_layout, is_count_label, next_table, norm_label
from .marks import Vocabulary
from .safety import UnreadableFile, note_text
from .tallies import sheet_figures
from ..zh import column_letter as col_letter
from .sheet import (SheetContext, SheetReader, Tables, fill_merged_down, labels_of_figures, sheet_context, whole_number,
                    years_back)
from .values import cell_text, norm, norm_spaces, written_fen, year_in_text
from .vocabulary import NOT_LEDGER_SHEET_WORDS, NOTE_SHEETS, QUOTA_SHEET_WORDS, VOID_SHEET_NOT_AFTER
from .workbook import open_workbook


@dataclass
class FileResult:
    """What one file gave: its ``files`` row(s), its sheets, its record tables (table → column →
    ndarray; item and sheet ids local to the file) and the roster sheets found in it."""

    files: list[dict] = field(default_factory=list)
    sheets: list[dict] = field(default_factory=list)
    tables: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    roster_grids: list = field(default_factory=list)


def failed_row(path: Path | str, fmt: str, exc: UnreadableFile) -> dict:
    """The ``files`` row of a file (or sheet) that could not be read."""
    return dict(file=str(path), format=fmt, status="failed", code=exc.code, message=exc.message, sheet=exc.sheet)


class FileReader:
    """The reading tools one Rules object needs, built once and used for many files."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.vocab = Vocabulary(rules.data, rules.place)
        self.words = HeaderWords(rules.data.get("headers"), rules.place, self.vocab.forwarded, rules.unit_or_body)
        self.author_words = AuthorWords.from_rules(rules.data)
        self.aside_words = (_words(rules.data.get("void_sheet_words")), _words(rules.data.get("sample_sheet_words")))

    def read(self, path: Path, year: int | None, as_items: bool = False) -> FileResult:
        """Read one workbook (see the module docstring). ``as_items``: a 采用台账 sheet that names each
        item's title and author is read as the items themselves, dated by their adoption when they
        have no date of their own (for an office that keeps no 报送台账; said per sheet)."""
        out = FileResult()
        try:
            wb = open_workbook(path)
        except UnreadableFile as exc:
            out.files.append(failed_row(path, path.suffix.lstrip("."), exc))
            return out
        tables = Tables()
        memo: dict = {}  # per-value results shared by the sheets of the file
        laid = [self._laid_out(grid, path) for grid in wb.sheets]
        # A sheet named 样表 or 模板 is a template's samples beside another sheet of items, the ledger itself alone.
        ledgers = sum(layout is not None and layout.kind not in ("people", "units") for _, _, layout in laid)
        found = sum([self._sheet(grid, tallies, layout, path, year, out, tables, memo, as_items, ledgers > 1)
                     for grid, tallies, layout in laid])
        out.files.extend(failed_row(path, wb.format, exc) for exc in wb.refused)
        if not found and not wb.refused and _only_tallies(tables):
            # A 汇总 file beside the units' own workbooks (各单位报送情况汇总.xlsx): its typed figures are set
            # against the ledgers of its folder (validate.tallies), the file itself no ledger to be missed.
            out.files.append(dict(file=str(path), format=wb.format, status="ok", code=None, message=None, sheet=None))
        elif not found and not wb.refused:
            names = "、".join(g.name for g in wb.sheets) or "无"
            out.files.append(failed_row(path, wb.format, UnreadableFile(
                "file.no_ledger", f"未找到可识别的台账工作表(工作表:{names});表头应含“标题”及“日期/作者/单位”等列")))
            # The whole file is one finding: its unrecognised sheets need no finding each.
            tables = Tables()
            out.sheets = []
        elif not wb.refused:
            out.files.append(dict(file=str(path), format=wb.format, status="ok", code=None, message=None, sheet=None))
        out.tables = column_arrays(tables.data)
        return out

    def _laid_out(self, grid, path: Path) -> tuple:
        """A sheet with the tallies beside its ledger taken out, those tallies, and its layout (None: no ledger)."""
        grid, tallies = _without_tallies(grid, self.words, f"{grid.name} {path.stem}")
        return grid, tallies, find_layout(grid.rows, grid.merges, self.words, f"{grid.name} {path.stem}")

    def _sheet(self, grid, tallies: list, layout: Layout | None, path: Path, year: int | None, out: FileResult,
               tables: Tables, memo: dict, as_items: bool = False, others: bool = False) -> bool:
        """Read one sheet (``_laid_out``) into ``out`` and ``tables``; whether it is a ledger or roster sheet.
        ``others``: the workbook has other sheets of a ledger (a 模板 beside them holds samples)."""
        if layout is None:
            _unrecognised(grid, str(path), out, tables, self.words)
            return False
        if layout.kind in ("people", "units"):
            out.roster_grids.append((str(path), grid, layout))
            return True
        as_items = _references_items(layout) if as_items else ""
        aside = self._aside(grid.name, path, others)
        first = len(out.sheets)
        by_seq: dict = {}  # 序号 → item of the sheet's last table of items: what a table keyed by 序号 refers to
        for rows, table, captions in _tables(grid, layout, self.words, f"{grid.name} {path.stem}"):
            ctx = sheet_context(len(out.sheets), str(path), grid.name, grid.rows, table, year, grid.date1904)
            ctx.aside = aside
            self._table(grid, rows, table, ctx, out, tables, memo, as_items, by_seq)
            _set_aside_captions(captions, ctx.src, tables, grid.rows)
        if len(out.sheets) > first:
            _say_tallies(tallies, first, tables)
            _say_notes(grid.comments, first, tables)
            _say_unseen(grid, first, tables)
        return True

    def _aside(self, sheet: str, path: Path, others: bool) -> tuple[str, str] | None:
        """(code, the name that says it) when a sheet's name, else its file's or folder's, says its rows are struck
        out (``set_aside_by_name``: 作废, 报送台账（作废）.xlsx, 已删除/), or the sheet's name that they are samples (样表,
        模板) and ``others``, the workbook's other sheets holding the ledger; else None."""
        void, sample = self.aside_words
        for name, shown in ((sheet, sheet), (path.stem, path.name), (path.parent.name, path.parent.name + "/")):
            if name and (found := set_aside_by_name(name, void, ())):
                return found[0], shown
        if others and set_aside_by_name(sheet, (), sample):
            return "sheet.sample", sheet
        return None

    def _table(self, grid, rows: list[list], table, ctx, out: FileResult, tables: Tables, memo: dict,
               as_items: str, by_seq: dict) -> None:
        """Read one ledger table of a sheet (a sheet may hold several, one above the other); ``by_seq``
        the items of the table of items read before it by 序号, kept up to date."""
        if ctx.year_conflict:
            tables.add("findings", code="sheet.year_conflict", src=ctx.src, row=None, column="",
                       value=ctx.year_conflict[0], detail=ctx.year_conflict[1])
        elif ctx.year and (said := _last_years_name(grid.name, ctx.file)):  # 上年 in 2025年台账.xlsx: its dates are 2024's
            tables.add("findings", code="sheet.year_by_name", src=ctx.src, row=None, column="", value=said,
                       detail=str(ctx.year))
        merged = fill_merged_down(rows, grid.merges, table.header_bottom + 1)
        before = tables.n["submissions"]
        records_before = {t: tables.n[t] for t in _RECORD_WORDS}
        SheetReader(table, ctx, self.rules, tables, self.vocab, self.author_words, memo, by_seq).read(
            rows, grid.formula_cells, merged, grid.error_cells, grid.struck_cells, grid.partly_struck,
            grid.volatile_cells, grid.fills)
        items = tables.n["submissions"] - before
        if table.kind == "submissions":
            by_seq.clear()
            by_seq.update(_items_by_seq(rows, table, tables, before))
        if as_items == "adoptions" and items:
            tables.add("findings", code="sheet.items_from_adoptions", src=ctx.src, row=None, column="",
                       value=grid.name, detail=str(items))
        for r0, c0, c1 in _merged_across_bodies(grid.merges, table, len(rows)):
            if rows[r0]:
                tables.add("findings", code="cell.merged_across", src=ctx.src, row=r0 + 1, column=col_letter(c0),
                           value=f"{col_letter(c0)}{r0 + 1}:{col_letter(c1)}{r0 + 1}", detail="")
        out.sheets.append(_sheet_row(ctx, table, grid.hidden, items))
        _say_hidden(grid, items, records_before, ctx.src, tables)
        if grid.hidden_cols and not grid.hidden:
            _say_hidden_columns(grid.hidden_cols, rows, table, ctx.src, tables)


def _items_by_seq(rows: list[list], table: Layout, tables: Tables, before: int) -> dict:
    """A table's items by their 序号 (a whole number), read from its rows; a 序号 two items share
    maps to None (a table keyed by 序号 cannot tell which)."""
    c = table.fields.get("seq")
    out: dict = {}
    if c is None:
        return out
    data = tables.data["submissions"]
    for item, r in zip(data["item"][before:], data["row"][before:]):
        seq = whole_number(rows[r - 1][c]) if c < len(rows[r - 1]) else None
        if seq is not None:
            out[seq] = None if seq in out else item
    return out


def _set_aside_captions(captions: list[int], src: int, tables: Tables, grid_rows: list[list]) -> None:
    """The caption rows of the next table (采用情况 over its header), set aside by this one: no items."""
    for r in sorted(captions):
        text = next(str(v) for v in grid_rows[r] if v != "" and v is not None)
        tables.add("skipped", src=src, row=r + 1, reason="caption", detail=text[:200])


def _say_hidden_columns(hidden: set[int], rows: list[list], table, src: int, tables: Tables) -> None:
    """A hidden column the table reads (省政协采用 hidden, its √ counted): said with its filled cells,
    as staff may have hidden it to leave it out."""
    for c in sorted(hidden):
        filled = sum(1 for row in rows[table.header_bottom + 1:] if c < len(row) and row[c] not in ("", None))
        if filled and (c in table.fields.values() or any(b.col == c for b in table.bodies)):
            label = next((str(rows[r][c]) for r in range(table.header_bottom, table.header_top - 1, -1)
                          if c < len(rows[r]) and rows[r][c] not in ("", None)), col_letter(c))
            tables.add("findings", code="column.hidden", src=src, row=table.header_top + 1, column=col_letter(c),
                       value=label, detail=str(filled))


# The records a table may hold on rows of their own (a 采用台账's, a 批示台账's), and how a count of them is said.
_RECORD_WORDS = {"adoptions": "条采用记录", "instructions": "件批示", "forwards": "条上报记录"}


def _say_hidden(grid, items: int, records_before: dict[str, int], src: int, tables: Tables) -> None:
    """What a hidden sheet or hidden rows of a table hold, counted all the same: its items (sheet.hidden,
    row.hidden), and the adoptions, 批示 and 上报 on rows that hold no item (a 采用台账's or 批示台账's rows:
    paid and scored as any other; sheet.hidden_records, row.hidden_records)."""
    item_rows = tables.data["submissions"]["row"][-items:] if items else []
    if grid.hidden and items:
        tables.add("findings", code="sheet.hidden", src=src, row=None, column="", value=grid.name, detail=str(items))
    elif grid.hidden_rows and items:
        _say_hidden_rows(grid.hidden_rows, item_rows, src, tables)
    if grid.hidden or grid.hidden_rows:
        _say_hidden_records(grid, set(item_rows), records_before, src, tables)


def _say_hidden_records(grid, item_rows: set[int], records_before: dict[str, int], src: int, tables: Tables) -> None:
    """The adoptions, 批示 and 上报 a hidden sheet, or hidden rows that hold no item, hold: said, with how many."""
    rows, counts = _hidden_records(None if grid.hidden else grid.hidden_rows, item_rows, records_before, tables)
    what = "、".join(f"{n} {_RECORD_WORDS[t]}" for t, n in counts.items() if n)
    if not what:
        return
    if grid.hidden:
        tables.add("findings", code="sheet.hidden_records", src=src, row=None, column="", value=grid.name, detail=what)
    else:
        shown = "、".join(map(str, rows[:10])) + (" 等" if len(rows) > 10 else "")
        tables.add("findings", code="row.hidden_records", src=src, row=rows[0], column="A", value=shown, detail=what)


def _hidden_records(hidden: set[int] | None, item_rows: set[int], records_before: dict[str, int],
                    tables: Tables) -> tuple[list[int], dict[str, int]]:
    """The (Excel) rows, hidden (``hidden`` 0-based; None: the whole sheet is), that hold records read
    since ``records_before`` and no item, and how many records of each table they hold."""
    rows: set[int] = set()
    counts: dict[str, int] = {}
    for t, start in records_before.items():
        found = [r for r in tables.data[t]["row"][start:]
                 if r is not None and r not in item_rows and (hidden is None or r - 1 in hidden)]
        counts[t] = len(found)
        rows.update(found)
    return sorted(rows), counts


def _say_hidden_rows(hidden: set[int], item_rows: list[int], src: int, tables: Tables) -> None:
    """Items in hidden rows (hidden by hand, or by a filter the ledger was saved with) are counted
    like any other: said once for the sheet, with the rows, since staff may have hidden them to
    leave them out."""
    rows = sorted(r for r in item_rows if r - 1 in hidden)
    if rows:
        shown = "、".join(map(str, rows[:10])) + (" 等" if len(rows) > 10 else "")
        # At the first of them, so the 问题清单's link lands on a hidden row (the message lists them all).
        tables.add("findings", code="row.hidden", src=src, row=rows[0], column="A", value=shown, detail=str(len(rows)))


def _last_years_name(sheet: str, file: str) -> str:
    """The name that makes a sheet last year's (or the year before's): the sheet's (上年), else its file's when the
    file names no year (上年台账.xlsx); '' for none."""
    if years_back(sheet):
        return sheet
    name = Path(file).name
    return name if not year_in_text(name) and years_back(Path(file).stem) else ""


def _words(words) -> tuple[str, ...]:
    """A rules word list as ``norm`` gives its words, the empty ones left out."""
    return tuple(w for w in (norm(str(w)) for w in words or ()) if w)


# Just before a void word (within three characters): 请勿删除, 不作废, 含已撤回, 包括作废 say the sheet is no struck-out one.
_NEGATIONS = "不未非勿别无含括"
_BRACKETED_OR_NUMBERS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]|[\d\s._\-—]+")


def set_aside_by_name(name: str, void_words: tuple[str, ...], sample_words: tuple[str, ...]) -> tuple[str, str] | None:
    """(code, word) when a name says its rows are struck out (a rules ``void_sheet_words`` word anywhere in it, not
    right after a negation nor before what else was taken out: 作废, 已删除信息; not 请勿删除, 删除重复后) or are a
    template's samples (a ``sample_sheet_words`` word the name, less brackets and digits, ends with, or starts with
    adding two characters at most: 样表, 填表样表, 示例行; not 示例县政协); else None."""
    text = norm(name)
    for w in void_words:
        k = text.find(w)
        while k >= 0:
            if not any(c in _NEGATIONS for c in text[max(0, k - 3):k]) and not text.startswith(VOID_SHEET_NOT_AFTER, k + len(w)):
                return "sheet.void", w
            k = text.find(w, k + 1)
    bare = _BRACKETED_OR_NUMBERS.sub("", text)
    for w in sample_words:
        if bare.endswith(w) or bare.startswith(w) and len(bare) <= len(w) + 2:
            return "sheet.sample", w
    return None


def _say_notes(notes: dict[tuple[int, int], str], src: int, tables: Tables) -> None:
    """Cell notes (批注) are not read: each is said at its cell, with its text, since staff write
    things there that count (已被市政协采用, 县长已批示)."""
    for (r, c), text in sorted(notes.items()):
        text = norm_spaces(note_text(text))
        if text:
            tables.add("findings", code="cell.note", src=src, row=r + 1, column=col_letter(c),
                       value=text[:80] + ("……" if len(text) > 80 else ""), detail="")


def _say_unseen(grid, src: int, tables: Tables) -> None:
    """Cells staff do not see as they are: a picture WPS embedded in a cell (read as empty: its
    =DISPIMG(…) call is no text), a value its style shows as a blank (;;;, [White], white on white:
    read, and said with why)."""
    for code, cells in (("cell.picture", dict.fromkeys(grid.picture_cells, "")), ("cell.format_hidden", grid.format_hidden)):
        for (r, c), why in sorted(cells.items()):
            value = grid.rows[r][c] if r < len(grid.rows) and c < len(grid.rows[r]) else ""
            if code == "cell.picture" or value not in ("", None):
                tables.add("findings", code=code, src=src, row=r + 1, column=col_letter(c),
                           value=str(value)[:80], detail=why)


def _unrecognised(grid, file: str, out: FileResult, tables: Tables, words: HeaderWords) -> None:
    """A sheet with no ledger header: said when it holds anything (``_unread_code``), with its count of
    filled cells."""
    filled = sum(1 for row in grid.rows for v in row if v != "" and v is not None)
    if filled:
        out.sheets.append(_unread_sheet(len(out.sheets), file, grid.name, grid.hidden))
        code, src = _unread_code(grid, words), len(out.sheets) - 1
        tables.add("findings", code=code, src=src, row=None, column="", value=grid.name, detail=str(filled))
        if code == "sheet.tally_sheet":
            _keep_sheet_figures(grid, src, tables, words)


def _only_tallies(tables: Tables) -> bool:
    """Whether a workbook with no ledger sheet holds a 汇总 sheet (``sheet.tally_sheet``) with figures of units,
    its other sheets none unrecognised (说明, 通讯录 and the like only)."""
    codes = tables.data["findings"]["code"]
    return ("sheet.tally_sheet" in codes and "sheet.unrecognised" not in codes
            and "tally_sheet" in tables.data["skipped"]["reason"])


def _keep_sheet_figures(grid, src: int, tables: Tables, words: HeaderWords) -> None:
    """A 汇总 sheet's items per unit (read.tallies.sheet_figures), each on a ``skipped`` row of reason
    ``tally_sheet`` at its count's cell; ``sheet.tally_sheet_differs`` sets them against the items counted.
    A formula Excel left no value for is no count."""
    rows = [[None if (r, c) in grid.formula_cells else v for c, v in enumerate(row)] for r, row in enumerate(grid.rows)]
    for row, c, label, tally in sheet_figures(grid.name, rows, words):
        tables.add("skipped", src=src, row=row, reason="tally_sheet", detail=label[:200], column=col_letter(c), tally=tally)


def _unread_code(grid, words: HeaderWords) -> str:
    """What a sheet with no ledger header is: a 填表说明 or 下拉列表 sheet, as the templates have
    (``sheet.notes``); a 任务分解 by its name or title, whose quotas are the rules' (``sheet.quotas``); a
    汇总 of labels and numbers or formulas (``sheet.tally_sheet``: nothing in it is an item); a 通讯录, 报送要求 or
    选题参考 by its name (``sheet.not_ledger``); else unrecognised."""
    name = norm(grid.name)
    if name in NOTE_SHEETS:
        return "sheet.notes"
    title = next((norm(cell_text(v)) for row in grid.rows[:3] for v in row if _filled(v)), "")
    if any(w in name or w in title for w in QUOTA_SHEET_WORDS):
        return "sheet.quotas"
    if _a_tally(grid, words):
        return "sheet.tally_sheet"
    return "sheet.not_ledger" if any(w in name for w in NOT_LEDGER_SHEET_WORDS) else "sheet.unrecognised"


def _a_tally(grid, words: HeaderWords) -> bool:
    """Whether a whole sheet is a tally (``_tally_head``: 单位 | 报送条数 | 市政协采用 over a unit and its
    numbers on each row): its rows of two filled cells or more, a formula Excel left no value for (=COUNTA
    of a file written by a program) as a number; a caption or 注 line of one cell is not looked at."""
    lines = []
    for r, row in enumerate(grid.rows):
        cells = [0 if (r, c) in grid.formula_cells else v for c, v in enumerate(row)]
        if sum(map(_filled, cells)) >= 2:
            lines.append(cells)
    return len(lines) >= 2 and _tally_head(lines, words) is not None


DATE_COLUMNS = ("date", "assigned_on", "due_on", "replied_on", "fed_back_on")


def column_arrays(columns: dict[str, dict[str, list]]) -> dict[str, dict[str, np.ndarray]]:
    """The column lists the sheets filled (``Tables.data``) as arrays: dates (ordinals) as
    datetime64[ns], whole-number columns as int64, the others as object arrays."""
    out = {}
    for table, data in columns.items():
        if not data or not next(iter(data.values())):
            continue
        schema = SCHEMAS[table]
        arrays = {}
        for c, values in data.items():
            if c in DATE_COLUMNS:
                arrays[c] = ordinal_dates(values)
            elif schema.get(c) == INT:
                arrays[c] = np.array(values, dtype=np.int64)
            else:
                arrays[c] = np.empty(len(values), dtype=object)
                arrays[c][:] = values  # one pass; a tuple value stays one value
        out[table] = arrays
    return out


def ordinal_dates(ordinals: list) -> np.ndarray:
    """Proleptic ordinals (0 or None for none) → datetime64[ns] (NaT for none)."""
    ords = np.array([o or 0 for o in ordinals], dtype=np.int64)
    days = (ords - 719163).astype("datetime64[D]")
    days[ords == 0] = np.datetime64("NaT")
    return days.astype("datetime64[ns]")


def _tables(grid, layout: Layout, words: HeaderWords, hint: str):
    """The tables of one sheet, each as (rows, layout, the caption rows of the next table, which it
    sets aside): usually one; a second table below the first (its own header, other columns) is read
    with its own header, and so is one beside it (一季度 | 二季度 side by side; a 采用 table after an
    empty column). Rows and columns keep their Excel numbers: a table's cells are the sheet's, with
    the other tables' left empty."""
    for rows, first in _tables_beside(grid, layout, words, hint):
        yield from _tables_below(grid, rows, first, words)


def _caption_rows(rows: list[list], start: int) -> list[int]:
    """The rows just above a second table's header that caption it (采用情况, 二、被上级采用情况): one
    short text each, a blank row above them; they are no item of the table above."""
    found = []
    for r in range(start - 1, max(-1, start - 4), -1):
        filled = [v for v in rows[r] if v != "" and v is not None]
        if not filled:
            return found
        if len(filled) > 1 or type(filled[0]) is not str or len(filled[0].strip()) > 40:
            return []
        found.append(r)
    return []  # no blank row above: the last rows of the table above, not a caption


def _tables_beside(grid, layout: Layout, words: HeaderWords, hint: str) -> list[tuple[list[list], Layout]]:
    """The sheet's rows as one block, or as several when a second table stands to the right of the
    first (its own 序号/标题/日期 columns again, header.duplicate before; or any table of items or
    of their 采用/批示 after an empty column, with its own header on whatever row): each block is
    read alone. A 采用 table beside the items was read as the items' own columns, row by row: the
    adoption on the row beside an item became that item's, whichever item it named."""
    apart = _split_at_empty_column(grid.rows, grid.merges, hint, words)
    if apart is not None:
        return apart
    return _same_header_beside(grid, layout, words)


def _split_at_empty_column(rows: list[list], merges, hint: str, words: HeaderWords) -> list[tuple[list[list], Layout]] | None:
    """The blocks of a sheet whose tables stand apart, an empty column between them, each with a
    header naming its own title (or 编号) column; None when there is no such second table."""
    for k in _empty_columns(rows):
        left = [row[:k] for row in rows]
        right = [[""] * min(k, len(row)) + list(row[k:]) for row in rows]
        first = find_layout(left, merges, words, hint)
        by_seq = first is not None and first.kind == "submissions" and "seq" in first.fields
        second = find_layout(right, merges, words, f"{hint} {_caption(right, merges, words, hint)}", by_seq)
        if _a_table(first) and _a_table(second):
            return [(left, first), *(_split_at_empty_column(right, merges, hint, words) or [(right, second)])]
    return None


@dataclass(frozen=True)
class Tally:
    """A small table of counts beside the ledger, after an empty column (采用级别 | 条数; 单位 | 报送 |
    采用 over names and numbers): its cells (0-based rows and columns) and its row of labels."""

    top: int
    bottom: int
    left: int
    right: int
    header: int
    labels: str

    @property
    def cells(self) -> str:
        return f"{col_letter(self.left)}{self.top + 1}:{col_letter(self.right)}{self.bottom + 1}"


def _without_tallies(grid, words: HeaderWords, hint: str):
    """The sheet with the tallies beside its ledger taken out (``_tallies_beside``), and those tallies."""
    rows, tallies = _tallies_beside(grid.rows, grid.merges, words, hint)
    return (replace(grid, rows=rows) if tallies else grid), tallies


def _tallies_beside(rows: list[list], merges, words: HeaderWords, hint: str) -> tuple[list[list], list[Tally]]:
    """The tallies standing beside a table of items after an empty column, and the rows without them.
    Such a tally (采用级别 | 条数 with 县级 2, 市级 2 …) was read as the items' own columns row by row:
    the 省级 on the third row became the third item's adoption. A block after an empty column is one
    when its labels name a count (条数, 件数, 报送数, 报送信息（条）) or its rows are labels followed by
    numbers, and it is no table of items itself (which ``_split_at_empty_column`` reads apart)."""
    for k in _empty_columns(rows):
        tally = _tally_right_of(rows, k, words)
        if tally is None or not _a_table(find_layout([row[:k] for row in rows], merges, words, hint)) \
                or _a_table(find_layout(_only(rows, tally), merges, words, hint)):
            continue
        rest, more = _tallies_beside(_blanked(rows, tally), merges, words, hint)
        return rest, [tally, *more]
    return rows, []


def _tally_right_of(rows: list[list], k: int, words: HeaderWords) -> Tally | None:
    """The block of columns right of the empty column ``k`` (up to the next empty one) when it is a
    tally: a row of labels among its first three naming a count, or labels over rows of a label and
    numbers (单位 | 报送 | 采用 over 民革县委 | 4 | 3)."""
    block = _block_right_of(rows, k)
    if block is None:
        return None
    left, right, lines = block
    head = _tally_head([cells for _, cells in lines], words)
    if head is None:
        return None
    labels = " | ".join(str(v).strip() for v in lines[head][1] if _filled(v))
    return Tally(lines[0][0], lines[-1][0], left, right, lines[head][0], labels)


def _block_right_of(rows: list[list], k: int) -> tuple[int, int, list[tuple[int, list]]] | None:
    """The first and last column of the block right of the empty column ``k`` (up to the next empty
    one), and its rows with anything in it (row, its cells there); None when nothing is right of ``k``."""
    used = {c for row in rows for c, v in enumerate(row) if c > k and _filled(v)}
    if not used:
        return None
    left = right = min(used)
    while right + 1 in used:
        right += 1
    return left, right, [(r, row[left:right + 1]) for r, row in enumerate(rows) if any(map(_filled, row[left:right + 1]))]


def _tally_head(lines: list[list], words: HeaderWords) -> int | None:
    """Which of a block's first rows holds its labels when the block is a tally: one naming a count
    (条数, 报送信息（条）), else the first, over rows of a label and numbers; None for no tally."""
    heads = [i for i, cells in enumerate(lines[:3])
             if all(type(v) is str and len(v.strip()) <= MAX_LABEL for v in cells if _filled(v))]
    counted = next((i for i in heads if any(map(is_count_label, lines[i]))), None)
    if counted is not None:
        return counted
    return heads[0] if heads and _figures(lines[heads[0] + 1:], lines[heads[0]], words) else None


def _figures(data: list[list], header: list, words: HeaderWords) -> bool:
    """Rows each of a label and numbers (民革县委 | 4 | 3, 合计 | 8 | 5) under labels none of which
    numbers items or issues (序号, 期号: a column of those holds numbers too)."""
    numbered: set[int] = set()
    # A 序号 column first (序号 | 单位 | 报送 | 采用: 1 | 民革县委 | 4 | 3): the numbers of its rows, no figure.
    seq = {j for j, v in enumerate(header) if _filled(v) and words.field_of(norm_label(v)) == "seq"}
    for cells in data:
        filled = [j for j, v in enumerate(cells) if _filled(v) and not (j in seq and _a_figure(v))]  # 合计 there is a label
        if not filled:
            return False
        first = cells[filled[0]]
        if type(first) is not str or whole_number(first) is not None or len(filled) < 2:
            return False
        if not all(_a_figure(cells[j]) for j in filled[1:]):
            return False
        numbered.update(filled[1:])
    fields = {words.field_of(norm_label(header[j])) for j in numbered if j < len(header) and _filled(header[j])}
    return bool(data) and not fields & {"seq", "item_no", "issue_no", "date", "adopted_on"}


def _a_figure(value) -> bool:
    """A number in a tally's cell: 4, "4", or an amount of money written as text ("130.00", "¥1,250.00", "130元")."""
    return type(value) in (int, float) or whole_number(value) is not None or type(value) is str and written_fen(value) is not None


def _only(rows: list[list], tally: Tally) -> list[list]:
    """The rows with only the tally's cells (the block judged alone)."""
    span = range(tally.left, tally.right + 1)
    return [[v if c in span else "" for c, v in enumerate(row)] for row in rows]


def _blanked(rows: list[list], tally: Tally) -> list[list]:
    """The rows with the tally's cells emptied (its rows copied; the others shared)."""
    out = list(rows)
    for r in range(tally.top, tally.bottom + 1):
        row = out[r] = list(out[r])
        for c in range(tally.left, min(tally.right + 1, len(row))):
            row[c] = ""
    return out


def _say_tallies(tallies: list[Tally], src: int, tables: Tables) -> None:
    """Each tally beside the ledger, said once at its row of labels with its cells (none read)."""
    for t in tallies:
        tables.add("findings", code="sheet.tally", src=src, row=t.header + 1, column=col_letter(t.left),
                   value=t.labels[:60], detail=t.cells)


def _filled(v) -> bool:
    return v != "" and v is not None


def _empty_columns(rows: list[list]) -> list[int]:
    """The columns empty from top to bottom with something filled on either side: the header rows
    are looked at first (a table has no empty column there), the whole sheet only for those."""
    def used_in(block) -> set[int]:
        return {c for row in block for c, v in enumerate(row) if v != "" and v is not None}

    top = used_in(rows[:HEADER_SCAN_ROWS])
    if not top:
        return []
    candidates = [k for k in range(min(top) + 1, max(top)) if k not in top]
    if not candidates:
        return []
    used = used_in(rows)
    return [k for k in candidates if k not in used]


def _a_table(layout: Layout | None) -> bool:
    """A table of items or of their records, naming which item each row is (标题 or 编号)."""
    return layout is not None and layout.kind in ("submissions", "adoptions") and bool({"title", "item_no"} & layout.fields.keys()
                                                                                       or layout.kind == "adoptions" and "seq" in layout.fields)


def _caption(rows: list[list], merges, words: HeaderWords, hint: str) -> str:
    """The text above a block's header (采用登记 over a table beside the items): what it is about."""
    layout = find_layout(rows, merges, words, hint)
    top = layout.header_top if layout is not None else 0
    return " ".join(str(v) for row in rows[max(0, top - 3):top] for v in row if type(v) is str and v.strip())


def _same_header_beside(grid, layout: Layout, words: HeaderWords) -> list[tuple[list[list], Layout]]:
    """Two tables side by side with no empty column between them: the second repeats the first's
    序号 (or 编号), 标题 and 日期 or 作者."""
    again = [c for c, fld in layout.also.items() if fld in ("seq", "item_no", "title", "date") and c > layout.fields.get("title", c)]
    # A second table repeats the first's 序号 (or 编号) and 标题; a second title-like column alone (主题,
    # 反映问题 beside 信息标题) is one table's, said as before.
    if "title" not in layout.also.values() or not {"seq", "item_no"} & set(layout.also.values()) or not again:
        return [(grid.rows, layout)]
    k = min(again)
    left = [row[:k] for row in grid.rows]
    right = [[""] * min(k, len(row)) + list(row[k:]) for row in grid.rows]
    hint = grid.name
    first, second = find_layout(left, grid.merges, words, hint), find_layout(right, grid.merges, words, hint)
    if first is None or second is None or "title" not in first.fields or "title" not in second.fields \
            or not {"date", "author"} & set(second.fields):
        return [(grid.rows, layout)]  # one table with a title column twice: said as before (header.duplicate)
    return [(left, first), (right, second)]


def _tables_below(grid, rows: list[list], layout: Layout, words: HeaderWords):
    """The tables of one block of a sheet, one under the other, each as (rows, layout, the rows of
    the next table's caption, set aside by this one)."""
    while True:
        start = next_table(rows, layout, words)
        if start is None:
            yield rows, layout, []
            return
        # The line above a second table names it (二、被上级采用情况): a 采用/批示 table's rows refer to items.
        section = " ".join(str(v) for row in rows[max(0, start - 3):start] for v in row if type(v) is str and v.strip())
        below = find_layout(rows[start:], _shifted(grid.merges, start), words, f"{grid.name} {section}",
                            by_seq=layout.kind == "submissions" and "seq" in layout.fields)
        if not _a_table_below(below, rows[start], layout, rows):
            yield rows, layout, []
            return
        captions = _caption_rows(rows, start)
        yield [row if r < start and r not in captions else [] for r, row in enumerate(rows)], layout, captions
        below.header_top += start
        below.header_bottom += start
        rows = [row if r >= start else [] for r, row in enumerate(rows)]
        layout = below


def _a_table_below(below: Layout | None, header: list, above: Layout, rows: list[list]) -> bool:
    """A second table under the items (its layout, its header row) of items or of their records, not
    a table of figures (序号 | 单位名称 | 报送信息（条） | 采用信息（条）: set aside from there down by the
    reader of the table above, sheet.appendix)."""
    if below is None or below.kind not in ("submissions", "adoptions"):
        return False
    known = {norm_label(v) for row in rows[above.header_top:above.header_bottom + 1] for v in row if _filled(v)}
    return not labels_of_figures([norm(cell_text(v)) for v in header if _filled(v)], known)


def names_items(fields: dict) -> bool:
    """A 采用/批示台账 naming each item's title and author, or a 上报台账 (read.headers ``_forward_ledger``)
    its title and unit (信息上报登记表: 上报时间 | 信息标题 | 报送单位 | 采用情况, the units' own items)."""
    return "title" in fields and ("author" in fields or {"unit", "forwarded_on"} <= fields.keys())


def _references_items(layout: Layout) -> str:
    """Make a 采用/批示台账 layout naming each item's title and author an item ledger, in place: its
    adoption date (else its 批示 date) dates the item when no column does. What it was: '' (not made
    one), "adoptions", or "forwards": an office's only ledger named 上报 (信息上报登记表), its 上报时间 when
    the item came in, as read.headers reads it in a ledger of items (a ledger of items, nothing to say)."""
    if layout.kind != "adoptions" or not names_items(layout.fields):
        return ""
    layout.kind = "submissions"
    if "date" not in layout.fields and "forwarded_on" in layout.fields:
        layout.fields["date"] = layout.fields.pop("forwarded_on")
        return "forwards"
    dated_by = next((f for f in ("adopted_on", "instructed_on") if f in layout.fields), None)
    if "date" not in layout.fields and dated_by:
        layout.fields["date"] = layout.fields[dated_by]
    return "adoptions"


def _merged_across_bodies(merges, layout: Layout, n_rows: int):
    """Data cells merged across two or more body columns (a √ over 县政协 and 市政协): read in the
    first column only, so said. Yields (row, first column, last column), 0-based."""
    bodies = {b.col for b in layout.bodies}
    for (r0, c0), (r1, c1) in merges:
        # starting in a body column: a month's separator merged over the whole row is not one
        if layout.header_bottom < r0 < n_rows and c0 in bodies and len(bodies & set(range(c0, c1 + 1))) >= 2:
            yield r0, c0, c1


def _shifted(merges, start: int) -> list:
    """Merged ranges of the rows from ``start`` on, as if that row were the first."""
    return [((r0 - start, c0), (r1 - start, c1)) for (r0, c0), (r1, c1) in merges if r0 >= start]


def _joined_body_columns(layout: Layout) -> dict[str, str]:
    """A body's adoption columns after its first (市政协采用时间 after 市政协采用期数): the reader joins
    what they hold into one adoption with the first's cell, so they count as that record's field;
    and the columns of a later adoption or 批示 (采用单位2 | 期数2, 批示领导2), each its field."""
    first: dict[str, int] = {}
    joined = {col_letter(b.col): "adoption" for b in layout.bodies
              if b.action == "adoption" and first.setdefault(b.body, b.col) != b.col}
    return joined | {col_letter(c): fld for sets in layout.later.values() for columns in sets for fld, c in columns.items()}


def _sheet_row(ctx: SheetContext, layout: Layout, hidden: bool, items: int) -> dict:
    columns = {f: col_letter(c) for f, c in layout.fields.items()}
    labels = {col_letter(c): label for c, label in layout.labels.items()}
    return dict(
        src=ctx.src, file=ctx.file, sheet=ctx.sheet, kind=layout.kind, header_row=layout.header_top + 1,
        header_rows=layout.header_bottom - layout.header_top + 1, year=ctx.year, months=ctx.span,
        filed_by=ctx.filed_by, caption=ctx.caption, columns=columns, also={**{col_letter(c): f for c, f in layout.also.items()}, **_joined_body_columns(layout)},
        labels=labels, hidden=hidden, items=items,
    )


def _unread_sheet(src: int, file: str, sheet: str, hidden: bool) -> dict:
    return dict(src=src, file=file, sheet=sheet, kind="unrecognised", header_row=0, header_rows=0, year=None,
                months=None, filed_by="", caption="", columns={}, also={}, labels={}, hidden=hidden, items=0)
