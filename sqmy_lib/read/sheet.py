"""One sheet's grid → record rows, given its layout.

Rows that are not items (title, 填报单位 line, month separators, 小计/合计,
blank rows, notes under the table, a repeated header) are recognised and
skipped; every other row becomes an item, however incomplete, so validation can
say what is missing instead of the row silently vanishing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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


@dataclass
class Tables:
    """Column lists the sheets of a read append to; turned into DataFrames once at the end."""

    submissions: dict[str, list] = field(default_factory=dict)
    adoptions: dict[str, list] = field(default_factory=dict)
    instructions: dict[str, list] = field(default_factory=dict)
    findings: dict[str, list] = field(default_factory=dict)

    @staticmethod
    def add(table: dict[str, list], **values) -> None:
        for k, v in values.items():
            table.setdefault(k, []).append(v)

    def count(self, table: str) -> int:
        t = getattr(self, table)
        return len(next(iter(t.values()))) if t else 0


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


def _cached(values: list, fn, cache: dict) -> list:
    """``[fn(v) for v in values]``, computing each distinct value once (ledgers repeat a lot)."""
    out = []
    append = out.append
    for v in values:
        try:
            append(cache[v])
        except KeyError:
            append(cache.setdefault(v, fn(v)))
    return out


def _stripped(v) -> str:
    return v.strip() if type(v) is str else cell_text(v)


class SheetReader:
    """Reads the data rows of one sheet into ``Tables``, column by column."""

    def __init__(self, layout: Layout, ctx: SheetContext, rules: Rules, tables: Tables):
        self.layout, self.ctx, self.rules, self.t = layout, ctx, rules, tables
        f = layout.fields
        self.fields = f
        self.used_cols = sorted({*f.values(), *(tc.col for tc in layout.tiers)})
        # A 批示台账 has no adoption columns: its rows are instructions only.
        self.records_adoptions = bool({"adoption", "issue_no", "adopted_on"} & f.keys())
        self._dates: dict = {}
        self._text_cache: dict = {}
        self._authors: dict = {}
        self._marks: dict = {}

    # -- row classification

    def _data_rows(self, body: list[list], header_words: set[str]) -> list[int]:
        ct = self.fields.get("title")
        c0 = self.used_cols[0]
        keep = []
        for i, row in enumerate(body):
            t = row[ct] if ct is not None and ct < len(row) else ""
            first = row[c0] if c0 < len(row) else ""
            if (
                type(t) is str and len(t) > 8 and not t.startswith(_SKIP_START)
                and not (type(first) is str and first.startswith(_SKIP_START))
            ) or self._is_data(row, header_words):
                keep.append(i)
        return keep

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
        return _cached([value], self._parse_date, self._dates)[0]

    def _cell(self, row: list, fld: str):
        c = self.fields.get(fld)
        return row[c] if c is not None and c < len(row) else ""

    def _text(self, row: list, fld: str) -> str:
        return cell_text(self._cell(row, fld))

    def _column(self, data: list[list], fld: str) -> list:
        c = self.fields.get(fld)
        return [r[c] for r in data] if c is not None else [""] * len(data)

    def _texts(self, data: list[list], fld: str, fn=norm_spaces) -> list[str]:
        return _cached(self._column(data, fld), lambda v: fn(cell_text(v)), self._text_cache.setdefault(fld, {}))

    def _where(self) -> dict:
        return {"src": self.ctx.src, "file": self.ctx.file, "sheet": self.ctx.sheet}

    @staticmethod
    def _extend(table: dict[str, list], **columns) -> None:
        for k, v in columns.items():
            table.setdefault(k, []).extend(v)

    # -- reading

    def read(self, rows: list[list], formula_cells: set[tuple[int, int]]) -> None:
        start = self.layout.header_bottom + 1
        header_words = {norm_label(v) for r in rows[self.layout.header_top : start] for v in r if v != ""}
        header_words.discard("")
        body = rows[start:]
        keep = self._data_rows(body, header_words)
        data = [body[i] for i in keep]
        excel_rows = [start + i + 1 for i in keep]
        if formula_cells:
            self._note_formulas(set(excel_rows), formula_cells)
        if self.layout.kind == "submissions":
            items = self._submissions(data, excel_rows)
            self._tier_adoptions(data, excel_rows, items)
            # Free-text adoptions and instructions: only rows with something in those columns.
            cols = [self.fields[f] for f in ("adoption", "adopted_flag", "leader", "instruction", "instruction_text") if f in self.fields]
            for i in sorted({i for c in cols for i, row in enumerate(data) if row[c] != ""}):
                self._free_text_adoptions(data[i], excel_rows[i] - 1, items[i], "text_column")
                self._instructions(data[i], excel_rows[i] - 1, items[i], None, None)
        else:
            for row, r in zip(data, excel_rows):
                self._adoption_row(row, r - 1)

    def _note_formulas(self, excel_rows: set[int], formula_cells) -> None:
        used = set(self.used_cols)
        for r, c in sorted(formula_cells):
            if r + 1 in excel_rows and c in used:
                Tables.add(self.t.findings, code="formula.no_value", row=r + 1, column=col_letter(c), detail="", **self._where())

    def _submissions(self, data: list[list], excel_rows: list[int]) -> range:
        n = len(data)
        base = self.t.count("submissions")
        items = range(base, base + n)
        titles = [_stripped(v) for v in self._column(data, "title")]
        raw_dates = self._column(data, "date")
        parsed = _cached(raw_dates, self._parse_date, self._dates)
        author_texts = self._texts(data, "author")
        # The authors table is built once from the distinct author cells (read.ledger).
        names = _cached(author_texts, lambda t: tuple(a.name for a in split_authors(t)), self._authors)
        categories = self._texts(data, "category", norm)
        category_of = {c: (self.rules.category_of(c) if c else None) for c in set(categories)}
        self._extend(
            self.t.submissions,
            item=items,
            item_no=[k or None for k in _cached(self._column(data, "item_no"), item_no_key, {})],
            title=titles,
            title_key=[title_key(t) for t in titles],
            date=[p.date for p in parsed],
            date_text=_cached(raw_dates, cell_text, {}),
            date_status=[p.status for p in parsed],
            authors=names,
            author_text=author_texts,
            unit=self._texts(data, "unit"),
            sector=self._texts(data, "sector"),
            category=[category_of[c] for c in categories],
            category_text=categories,
            role_text=self._texts(data, "role", norm),
            note=self._texts(data, "note", str.strip),
            filed_by=[self.ctx.filed_by] * n,
            src=[self.ctx.src] * n,
            file=[self.ctx.file] * n,
            sheet=[self.ctx.sheet] * n,
            row=excel_rows,
        )
        return items

    def _tier_adoptions(self, data: list[list], excel_rows: list[int], items: range) -> None:
        """Adoptions marked in tier columns (县政协编发 | 市政协 | …) on the item's own row."""
        adopted_on = self.fields.get("adopted_on")
        for tc in self.layout.tiers:
            c = tc.col
            hits = [(i, v) for i, row in enumerate(data) if (v := row[c]) != ""]
            marks = _cached([v for _, v in hits], parse_mark, self._marks)
            chosen = [(i, m) for (i, _), m in zip(hits, marks) if m.adopted]
            if not chosen:
                continue
            n = len(chosen)
            # A mark that is itself a date dates the adoption; else the row's 采用日期, if any.
            raw = [m.date if m.date else (data[i][adopted_on] if adopted_on is not None else "") for i, m in chosen]
            parsed = _cached(raw, self._parse_date, self._dates)
            self._extend(
                self.t.adoptions,
                item=[items[i] for i, _ in chosen],
                ref_item_no=[""] * n,
                ref_title=[""] * n,
                body=[tc.label] * n,
                tier=[tc.tier] * n,
                issue_no=[m.issue_no for _, m in chosen],
                date=[p.date for p in parsed],
                date_text=_cached(raw, cell_text, {}),
                date_status=[p.status for p in parsed],
                origin=["tier_column"] * n,
                row=[excel_rows[i] for i, _ in chosen],
                column=[col_letter(c)] * n,
                src=[self.ctx.src] * n,
                file=[self.ctx.file] * n,
                sheet=[self.ctx.sheet] * n,
            )

    def _dated_at(self, raw_date, r: int, col: int) -> dict:
        """The date fields of a record and the cell it was read from."""
        parsed = self._date(raw_date)
        return dict(
            date=parsed.date, date_text=cell_text(raw_date), date_status=parsed.status,
            row=r + 1, column=col_letter(col), **self._where(),
        )

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
            return
        located = self._dated_at(self._cell(row, "instructed_on"), r, col)
        follow_up = self._text(row, "follow_up")
        for leader in leaders:
            Tables.add(
                self.t.instructions, item=item, ref_item_no=ref_no or "", ref_title=ref_title or "", leader=leader,
                level=self.rules.leader_level_of(leader + content) if (leader or content) else None,
                text=content, follow_up=follow_up, **located,
            )

    def _adoption_row(self, row: list, r: int) -> None:
        """A row of a separate 采用台账: one adoption (and perhaps its instruction) of an item."""
        ref = (item_no_key(self._cell(row, "item_no")), norm_spaces(self._text(row, "title")))
        self._free_text_adoptions(row, r, -1, "ledger_row", ref)
        self._instructions(row, r, -1, ref[0], ref[1])


