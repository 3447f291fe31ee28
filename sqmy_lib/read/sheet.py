"""One sheet's grid → record rows, given its layout.

Rows that are not items (title, 填报单位 line, month separators, 小计/合计,
blank rows, notes under the table, a repeated header) are recognised and
skipped; every other row becomes an item, however incomplete, so validation can
say what is missing instead of the row silently vanishing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter, ne

from ..rules import Rules
from .headers import Layout, norm_label
from .values import (
    cell_text,
    issue_number,
    item_no_key,
    norm,
    norm_spaces,
    parse_date,
    parse_mark,
    split_adoption_text,
    split_authors,
    split_instructions,
    title_key,
    year_in_text,
)

SUBTOTAL_WORDS = ("小计", "合计", "总计", "共计", "累计", "本月小计", "本季小计", "本季度小计", "本页小计")
_SEPARATOR = re.compile(
    r"^(?:\d{4}年)?(?:[一二三四五六七八九十]{1,3}|\d{1,2})月(?:份)?$"
    r"|^(?:\d{4}年)?(?:第?[一二三四1-4]季度?|[上下]半年|上旬|中旬|下旬)$"
)
_NOTE = re.compile(r"^(?:注|备注|说明|填表说明|填表人|填报人|审核人|制表人|制表|审核|联系人|联系电话|负责人|单位负责人|填表日期)\s*[:：0-9一二三、.]")
_FILED_BY = re.compile(r"(?:填报|报送|填表)单位\s*[:：]\s*([^\s:：]+)")
# 督办 date fields of an instruction and how a message names them.
DUBAN_DATES = {"assigned_on": "交办日期", "due_on": "办理时限", "replied_on": "办复日期", "fed_back_on": "反馈日期"}
DUBAN_FIELDS = (*DUBAN_DATES, "department", "reply")
_DAYS = re.compile(r"^(\d{1,3})\s*(?:个自然日|天|日)(?:内|以内|之内)?$")
_BEFORE = re.compile(r"(?:之前|以前|前)$")


def _days(value) -> int | None:
    """A 办理时限 written as a number of days: ``30天``, ``15日内``, or a bare 30 (at most 366)."""
    if type(value) is int or (type(value) is float and value.is_integer()):
        return int(value) if 0 < value <= 366 else None
    m = _DAYS.match(norm(str(value)))
    return int(m[1]) if m else None


def col_letter(c: int) -> str:
    """Excel column letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetContext:
    """Where a sheet is and what its surroundings say (year, 填报单位)."""

    src: int
    file: str
    sheet: str
    year: int | None = None
    filed_by: str = ""


def sheet_context(src: int, file: str, sheet: str, rows: list[list], layout: Layout, default_year: int | None) -> SheetContext:
    """Year and 填报单位 from the text above the header, else the sheet name, file name, ``--year``."""
    above = " ".join(cell_text(v) for r in rows[: layout.header_top] for v in r if v != "")
    year = year_in_text(above) or year_in_text(sheet) or year_in_text(file.rsplit("/", 1)[-1]) or default_year
    m = _FILED_BY.search(norm_spaces(above))
    return SheetContext(src, file, sheet, year, m[1] if m else "")


class Same:
    """A column part that is one value ``n`` times (a sheet's src, a field the sheet lacks):
    kept as one value, so it is neither built row by row nor pickled row by row."""

    __slots__ = ("value", "n")

    def __init__(self, value, n: int):
        self.value, self.n = value, n

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return repeat(self.value, self.n)

    def __reduce__(self):
        return (Same, (self.value, self.n))


@dataclass
class Tables:
    """The columns the sheets of a file append to, each a list of parts (lists, or ``Same``);
    turned into arrays once per file (read.file)."""

    submissions: dict[str, list] = field(default_factory=dict)
    adoptions: dict[str, list] = field(default_factory=dict)
    instructions: dict[str, list] = field(default_factory=dict)
    findings: dict[str, list] = field(default_factory=dict)

    @staticmethod
    def add(table: dict[str, list], **values) -> None:
        """One row."""
        for k, v in values.items():
            parts = table.setdefault(k, [])
            if not parts or type(parts[-1]) is not list:
                parts.append([])
            parts[-1].append(v)

    @staticmethod
    def extend(table: dict[str, list], **columns) -> None:
        """Several rows: each column a sequence of the same length, or ``Same``."""
        for k, v in columns.items():
            parts = table.setdefault(k, [])
            if type(v) is Same:
                parts.append(v)
            elif parts and type(parts[-1]) is list:
                parts[-1].extend(v)
            else:
                parts.append(list(v))

    def count(self, table: str) -> int:
        t = getattr(self, table)
        return sum(map(len, next(iter(t.values())))) if t else 0


def fill_merged_down(rows: list[list], merges, first_data_row: int) -> None:
    """A value merged down a column (one 单位 for several rows) applies to every row it covers."""
    for (r0, c0), (r1, c1) in merges:
        if r1 <= r0 or r0 < first_data_row or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        if value == "":
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] == "":
                    row[c] = value


# A title this long that starts with none of these is an item: the fast path for most rows.
_SKIP_START = SUBTOTAL_WORDS + ("注", "备注", "说明", "填表", "填报", "审核", "制表", "联系")
_SKIP_FIRST = frozenset(w[0] for w in _SKIP_START)  # a text whose first character is none of these starts with none


def _cached(values, fn, cache: dict) -> list:
    """``[fn(v) for v in values]``, computing each distinct value once (ledgers repeat a lot).

    The distinct values are found and looked up at C speed (``set``, ``map``). ``True == 1 == 1.0``
    but a boolean cell does not read like a number, so booleans are never cached; numbers
    that compare equal (``1``, ``1.0``) read alike in every function used here.
    """
    distinct = set(values)
    # A set keeps one of equal values: a TRUE cell may hide behind a 1 (or FALSE behind a 0).
    if (True in distinct or False in distinct) and bool in set(map(type, values)):
        return [fn(v) if type(v) is bool else _cached_one(v, fn, cache) for v in values]
    for v in distinct.difference(cache):
        cache[v] = fn(v)
    return list(map(cache.__getitem__, values))


def _cached_one(v, fn, cache: dict):
    try:
        return cache[v]
    except KeyError:
        return cache.setdefault(v, fn(v))


def _item_no_or_none(v):
    return item_no_key(v) or None


def _nonempty(values) -> list[int]:
    """Positions of the cells that are not empty (``!= ""``), at C speed."""
    return list(compress(range(len(values)), map(ne, values, repeat(""))))


def _columns(rows: list[list], width: int) -> list[tuple]:
    """The grid's columns (``width`` of them), each a tuple over ``rows``; short rows read as empty."""
    if not rows:
        return [()] * width
    if min(map(len, rows)) < width:
        rows = [r if len(r) >= width else [*r, *([""] * (width - len(r)))] for r in rows]
    cols = list(zip(*rows))
    return cols[:width] if len(cols) >= width else cols + [("",) * len(rows)] * (width - len(cols))


def _pick(values: tuple, keep: list[int]) -> tuple:
    """``values`` at positions ``keep``, at C speed."""
    if len(keep) == len(values):
        return values
    if len(keep) == 1:
        return (values[keep[0]],)
    return itemgetter(*keep)(values) if keep else ()


class SheetReader:
    """Reads the data rows of one sheet into ``Tables``, column by column."""

    def __init__(self, layout: Layout, ctx: SheetContext, rules: Rules, tables: Tables, caches: dict | None = None):
        self.layout, self.ctx, self.rules, self.t = layout, ctx, rules, tables
        f = layout.fields
        self.fields = f
        self.used_cols = sorted({*f.values(), *(tc.col for tc in layout.tiers)})
        # A 批示台账 has no adoption columns: its rows are instructions only.
        self.records_adoptions = bool({"adoption", "issue_no", "adopted_on"} & f.keys())
        # Results of pure functions of one cell, shared by the sheets and files one process reads
        # in one read (read.file.read_file): ledgers repeat authors, units, bodies and dates.
        self.caches = caches = caches if caches is not None else {}
        self._dates: dict = caches.setdefault(("date", ctx.year), {})  # the year completes 3月5日
        self._marks: dict = caches.setdefault("marks", {})
        self._split: dict = caches.setdefault("split_authors", {})
        self._cols: dict[int, tuple] = {}  # column index -> its values over the data rows
        self._n = 0

    # -- row classification

    def _data_rows(self, body: list[list], body_cols: list[tuple], header_words: set[str]) -> list[int]:
        ct = self.fields.get("title")
        c0 = self.used_cols[0]
        n = len(body)
        titles = body_cols[ct] if ct is not None else ("",) * n
        firsts = body_cols[c0]
        is_data = self._is_data
        skip_first = _SKIP_FIRST
        return [
            i for i, t, first in zip(range(n), titles, firsts)
            if (
                type(t) is str and len(t) > 8 and (t[0] not in skip_first or not t.startswith(_SKIP_START))
                and not (type(first) is str and first and first[0] in skip_first and first.startswith(_SKIP_START))
            ) or is_data(body[i], header_words)
        ]

    def _is_data(self, row: list, header_words: set[str]) -> bool:
        filled = [(c, row[c]) for c in self.used_cols if c < len(row) and row[c] != "" and row[c] is not None]
        if not filled:
            return False
        texts = [norm(cell_text(v)) for _, v in filled[:3]]
        if any(t.startswith(SUBTOTAL_WORDS) for t in texts):
            return False
        if sum(1 for _, v in filled if norm_label(v) in header_words) >= 2:
            return False  # the header repeated further down
        if len(filled) == 1:
            c, _ = filled[0]
            if c == self.fields.get("seq"):
                return False  # a pre-numbered empty row, or a note written in the first column
            if _SEPARATOR.match(texts[0]) or _NOTE.match(texts[0]):
                return False
        if filled[0][0] == self.used_cols[0] and _NOTE.match(texts[0]) and len(filled) <= 2:
            return False
        return True

    # -- cell helpers

    def _parse_date(self, value):
        return parse_date(value, self.ctx.year)

    def _date(self, value):
        if type(value) is bool:
            return self._parse_date(value)
        return _cached_one(value, self._parse_date, self._dates)

    def _date_fields(self, value) -> tuple[int, str, str]:
        """(date as a proleptic ordinal, 0 for none; status; the cell as text) of a date cell."""
        parsed = self._date(value)
        return (parsed.date.toordinal() if parsed.date else 0), parsed.status, cell_text(value)

    def _dated(self, values) -> list[tuple[int, str, str]]:
        return _cached(values, self._date_fields, self._cache(("date_fields", self.ctx.year)))

    def _cache(self, key) -> dict:
        return self.caches.setdefault(key, {})

    def _cell(self, row: list, fld: str):
        c = self.fields.get(fld)
        return row[c] if c is not None and c < len(row) else ""

    def _text(self, row: list, fld: str) -> str:
        return cell_text(self._cell(row, fld))

    def _column(self, fld: str) -> tuple:
        """A field's values over the data rows ('' for every row when the sheet lacks the field)."""
        c = self.fields.get(fld)
        return self._cols[c] if c is not None else ("",) * self._n

    def _texts(self, fld: str, fn=norm_spaces) -> list[str] | Same:
        if fld not in self.fields:
            return Same(fn(""), self._n)
        return _cached(self._column(fld), lambda v: fn(cell_text(v)), self._cache(("text", fn)))

    def _authors(self) -> tuple[list[str], list[tuple]]:
        """Per data row, the author cell as text and the names in it: one look-up per distinct cell.
        The split is kept (``self._split``) for the authors table (read.file)."""
        split = self._split

        def read(v) -> tuple[str, tuple]:
            text = norm_spaces(cell_text(v))
            authors = split.get(text)
            if authors is None:
                authors = split[text] = split_authors(text)
            return text, tuple([a.name for a in authors])

        pairs = _cached(self._column("author"), read, self._cache("author_cell"))
        return list(map(itemgetter(0), pairs)), list(map(itemgetter(1), pairs))

    def _where(self) -> dict:
        # file and sheet are the same for every row of a sheet: merge_results rebuilds them from src.
        return {"src": self.ctx.src}

    # -- reading

    def read(self, rows: list[list], formula_cells: set[tuple[int, int]]) -> None:
        start = self.layout.header_bottom + 1
        header_words = {norm_label(v) for r in rows[self.layout.header_top : start] for v in r if v != ""}
        header_words.discard("")
        body = rows[start:]
        if not body:
            return
        width = max(self.used_cols) + 1
        body_cols = _columns(body, width)
        keep = self._data_rows(body, body_cols, header_words)
        if not keep:
            return
        data = [body[i] for i in keep]
        self._n = len(keep)
        self._cols = {c: _pick(body_cols[c], keep) for c in self.used_cols}
        excel_rows = [start + i + 1 for i in keep]
        if formula_cells:
            self._note_formulas(set(excel_rows), formula_cells)
        if self.layout.kind == "submissions":
            items = self._submissions(excel_rows)
            self._tier_adoptions(data, excel_rows, items)
            # Free-text adoptions and instructions: only rows with something in those columns.
            cols = [self.fields[f] for f in ("adoption", "adopted_flag", "leader", "instruction", "instruction_text", *DUBAN_FIELDS)
                    if f in self.fields]
            for i in sorted({i for c in cols for i in _nonempty(self._cols[c])}):
                self._free_text_adoptions(data[i], excel_rows[i] - 1, items[i], "text_column")
                self._instructions(data[i], excel_rows[i] - 1, items[i], None, None)
        else:
            self._adoption_rows(data, excel_rows)

    def _note_formulas(self, excel_rows: set[int], formula_cells) -> None:
        used = set(self.used_cols)
        for r, c in sorted(formula_cells):
            if r + 1 in excel_rows and c in used:
                Tables.add(self.t.findings, code="formula.no_value", row=r + 1, column=col_letter(c), detail="", **self._where())

    def _submissions(self, excel_rows: list[int]) -> range:
        n = self._n
        base = self.t.count("submissions")
        items = range(base, base + n)
        titles = [v.strip() if type(v) is str else cell_text(v) for v in self._column("title")]
        # date, status and text of each distinct date cell, in one look-up per row
        dated = self._dated(self._column("date"))
        # The authors table is built once per file from the distinct author cells (read.file).
        author_texts, names = self._authors() if "author" in self.fields else (Same("", n), [()] * n)
        categories = self._texts("category", norm)
        if type(categories) is Same:
            category = Same(self.rules.category_of(categories.value) if categories.value else None, n)
        else:
            category_of = {c: (self.rules.category_of(c) if c else None) for c in set(categories)}
            category = list(map(category_of.__getitem__, categories))
        Tables.extend(
            self.t.submissions,
            item=items,
            item_no=_cached(self._column("item_no"), _item_no_or_none, self._cache("item_no"))
            if "item_no" in self.fields else Same(None, n),
            title=titles,
            title_key=list(map(title_key, titles)),
            date=list(map(itemgetter(0), dated)),
            date_text=list(map(itemgetter(2), dated)),
            date_status=list(map(itemgetter(1), dated)),
            authors=names,
            author_text=author_texts,
            unit=self._texts("unit"),
            sector=self._texts("sector"),
            category=category,
            category_text=categories,
            role_text=self._texts("role", norm),
            note=self._texts("note", str.strip),
            filed_by=Same(self.ctx.filed_by, n),
            src=Same(self.ctx.src, n),
            row=excel_rows,
        )
        return items

    def _tier_adoptions(self, data: list[list], excel_rows: list[int], items: range) -> None:
        """Adoptions marked in tier columns (县政协编发 | 市政协 | …) on the item's own row."""
        adopted_on = self.fields.get("adopted_on")
        for tc in self.layout.tiers:
            c = tc.col
            values = self._cols[c]
            hits = _nonempty(values)
            if not hits:
                continue
            marks = _cached(_pick(values, hits), parse_mark, self._marks)
            chosen = [(i, m) for i, m in zip(hits, marks) if m.adopted]
            if not chosen:
                continue
            n = len(chosen)
            # A mark that is itself a date dates the adoption; else the row's 采用日期, if any.
            raw = [m.date if m.date else (data[i][adopted_on] if adopted_on is not None else "") for i, m in chosen]
            dated = self._dated(raw)
            Tables.extend(
                self.t.adoptions,
                item=[items[i] for i, _ in chosen],
                ref_item_no=Same("", n),
                ref_title=Same("", n),
                body=Same(tc.label, n),
                tier=Same(tc.tier, n),
                issue_no=[m.issue_no for _, m in chosen],
                date=list(map(itemgetter(0), dated)),
                date_text=list(map(itemgetter(2), dated)),
                date_status=list(map(itemgetter(1), dated)),
                origin=Same("tier_column", n),
                row=[excel_rows[i] for i, _ in chosen],
                column=Same(col_letter(c), n),
                src=Same(self.ctx.src, n),
            )

    def _dated_at(self, raw_date, r: int, col: int) -> dict:
        """The date fields of a record and the cell it was read from."""
        date, status, text = self._dated([raw_date])[0]
        return dict(date=date, date_text=text, date_status=status, row=r + 1, column=col_letter(col), **self._where())

    def _add_adoption(self, r: int, col: int, item: int, body: str, tier, issue_no, raw_date, origin: str, ref=("", "")):
        Tables.add(
            self.t.adoptions, item=item, ref_item_no=ref[0], ref_title=ref[1], body=body, tier=tier,
            issue_no=issue_no, origin=origin, **self._dated_at(raw_date, r, col),
        )

    def _free_text_adoptions(self, row: list, r: int, item: int, origin: str, ref=("", "")) -> None:
        c = self.fields.get("adoption")
        text = self._text(row, "adoption")
        parts = split_adoption_text(text) if text else []
        flag = self._cell(row, "adopted_flag")
        if not parts and flag != "" and parse_mark(flag).adopted:
            # 是否采用 says yes but no column names the body: an adoption whose tier is unknown.
            parts, c = [""], self.fields["adopted_flag"]
        issue_cell = self._text(row, "issue_no")
        if not parts and origin == "ledger_row" and self.records_adoptions:
            # A row of an adoption ledger records one adoption, even with its body left blank.
            parts = [""]
        for part in parts:
            issue = issue_number(part) or (issue_number(issue_cell + "期") if issue_cell else None)
            tier = self.rules.tier_of(part) if part else None
            col = c if c is not None else self.fields.get("title", 0)
            self._add_adoption(r, col, item, part, tier, issue, self._cell(row, "adopted_on"), origin, ref)

    def _instructions(self, row: list, r: int, item: int, ref_no, ref_title) -> None:
        leader_col = self.fields.get("leader")
        instr_col = self.fields.get("instruction")
        leader_text = self._text(row, "leader")
        instr_text = self._text(row, "instruction")
        content = self._text(row, "instruction_text")
        if leader_text:
            leaders, col = split_instructions(leader_text), leader_col
            if instr_text and not content:
                content = instr_text
        elif instr_text:
            leaders, col = split_instructions(instr_text), instr_col
            # "√"/"有" says there was an instruction without naming the leader.
            leaders = ["" if norm(p).upper() in ("√", "✓", "是", "有", "Y") else p for p in leaders]
        elif content:
            leaders, col = [""], self.fields.get("instruction_text")
        else:
            if any(self._text(row, f) for f in (*DUBAN_DATES, "department", "reply")):
                # 督办 cells on a row with no instruction: said, not dropped.
                Tables.add(self.t.findings, code="instruction.duban_without_instruction", row=r + 1,
                           column=col_letter(self.fields.get("department", self.fields.get("title", 0))), detail="",
                           **self._where())
            return
        located = self._dated_at(self._cell(row, "instructed_on"), r, col)
        follow_up = self._text(row, "follow_up")
        duban = self._duban(row, r)
        for leader in leaders:
            Tables.add(
                self.t.instructions, item=item, ref_item_no=ref_no or "", ref_title=ref_title or "", leader=leader,
                level=self.rules.leader_level_of(leader + content) if (leader or content) else None,
                text=content, follow_up=follow_up, **duban, **located,
            )

    def _duban(self, row: list, r: int) -> dict:
        """The 督办 cells of an instruction's row (承办单位, 交办/办复/反馈 dates, 办理时限, 办复): dates as
        ``datetime.date`` or None; a 办理时限 written as days (``30天``, ``15日内``) as ``due_days``.
        A date cell that cannot be read is named in a finding, never guessed."""
        out = dict(department=norm_spaces(self._text(row, "department")), reply=norm_spaces(self._text(row, "reply")),
                   due_days=None)
        for fld in DUBAN_DATES:
            value = self._cell(row, fld)
            out[fld] = None
            if value == "" or value is None:
                continue
            if fld == "due_on" and (days := _days(value)) is not None:
                out["due_days"] = days
                continue
            if fld == "due_on" and type(value) is str:
                value = _BEFORE.sub("", value.strip())  # "6月30日前" is the date 6月30日
            parsed = self._date(value)
            if parsed.date is not None:
                out[fld] = parsed.date
            else:
                Tables.add(self.t.findings, code="instruction.date_unparseable", row=r + 1,
                           column=col_letter(self.fields[fld]), detail=f"{DUBAN_DATES[fld]}“{cell_text(value)}”",
                           **self._where())
        return out

    def _adoption_rows(self, data: list[list], excel_rows: list[int]) -> None:
        """The rows of a separate 采用台账: each one adoption (and perhaps its instruction) of an item.

        What a row says is worked out once per distinct cell (ledgers repeat bodies, issue
        numbers and dates); the rows are then walked once, in order, as ``_free_text_adoptions``
        and ``_instructions`` would one by one.
        """
        ref_nos = _cached(self._column("item_no"), item_no_key, self._cache(item_no_key))
        ref_titles = self._texts("title")
        texts = _cached(self._column("adoption"), cell_text, self._cache(cell_text))
        parts_of = _cached(texts, lambda t: split_adoption_text(t) if t else [], self._cache(split_adoption_text))
        flags = _cached(self._column("adopted_flag"), lambda v: v != "" and parse_mark(v).adopted, self._cache("flag"))
        issue_cells = _cached(self._column("issue_no"), cell_text, self._cache(cell_text))
        raw_dates = self._column("adopted_on")
        dated = self._dated(raw_dates)
        # Instructions: only rows with something in those columns.
        instr_cols = [self.fields[f] for f in ("leader", "instruction", "instruction_text", *DUBAN_FIELDS) if f in self.fields]
        instr_rows = sorted({i for c in instr_cols for i in _nonempty(self._cols[c])})
        c_adoption = self.fields.get("adoption")
        c_flag = self.fields.get("adopted_flag")
        c_default = self.fields.get("title", 0)
        tier_of = self.rules.tier_of
        records_adoptions = self.records_adoptions
        issue_of: dict = {}
        letters: dict = {}
        records = []  # (row index, column, body, tier, issue) per adoption, in row order
        add = records.append
        for i, (parts, flag, issue_cell) in enumerate(zip(parts_of, flags, issue_cells)):
            c = c_adoption
            if not parts and flag:
                # 是否采用 says yes but no column names the body: an adoption whose tier is unknown.
                parts, c = [""], c_flag
            if not parts and records_adoptions:
                # A row of an adoption ledger records one adoption, even with its body left blank.
                parts = [""]
            if parts:
                col = c if c is not None else c_default
                for part in parts:
                    key = (part, issue_cell)
                    try:
                        issue, tier = issue_of[key]
                    except KeyError:
                        issue = issue_number(part) or (issue_number(issue_cell + "期") if issue_cell else None)
                        issue, tier = issue_of.setdefault(key, (issue, tier_of(part) if part else None))
                    add((i, col, part, tier, issue))
        if records:
            at, cols, bodies, tiers, issues = zip(*records)
            n = len(at)
            picked = itemgetter(*at) if n > 1 else (lambda seq: (seq[at[0]],))
            picked_dates = picked(dated)
            for col in set(cols):
                letters[col] = col_letter(col)
            Tables.extend(
                self.t.adoptions,
                item=Same(-1, n),
                ref_item_no=picked(ref_nos),
                ref_title=picked(ref_titles) if type(ref_titles) is not Same else Same(ref_titles.value, n),
                body=bodies,
                tier=tiers,
                issue_no=issues,
                origin=Same("ledger_row", n),
                date=list(map(itemgetter(0), picked_dates)),
                date_text=list(map(itemgetter(2), picked_dates)),
                date_status=list(map(itemgetter(1), picked_dates)),
                row=picked(excel_rows),
                column=list(map(letters.__getitem__, cols)),
                src=Same(self.ctx.src, n),
            )
        # Instructions after the adoptions: they go to their own table, in row order.
        for i in instr_rows:
            self._instructions(data[i], excel_rows[i] - 1, -1, ref_nos[i], ref_titles[i] if type(ref_titles) is not Same else ref_titles.value)
