"""Records: the tables everything after reading works on.

Reading turns workbooks into these DataFrames; validation, computation and rendering read
them and never look at Excel again. Every row keeps where it came from (``file``,
``sheet``, Excel ``row`` and, for a record read from one cell, its ``column`` letter; the
column letters of each field of a sheet are in ``sheets.columns``) so any message can name
the exact cell.

Tables (each declared once in ``SCHEMAS`` with its dtypes; ``empty_table(name)`` gives an
empty one with every column, so no code meets a table without its columns)
------
submissions   one row per item sent in (报送); ``seq`` is its 序号 where its sheet has no 编号 column (what a
              separate 采用台账 may name it by), else ''
authors       one row per (item, named author), in the order written
adoptions     one row per (item, adopting body) (采用); ``item`` is -1 when unlinked; ``note``
              is the 备注 of a row of a separate 采用台账 (an item's own 备注 is the item's)
forwards      one row per (item, body it was forwarded to) (上报, not 采用)
instructions  one row per (item, leader) instruction (批示) with its follow-up (落实) and its 督办 like a
              提案 (L33): department (承办单位), assigned_on (交办), due_on (办理时限 as a date) or
              due_days (as days: 30天, 15日内; due_text as written), replied_on and reply (办复),
              fed_back_on (反馈作者)
sheets        one row per sheet read: its kind, header rows, year and field → column letter
files         one row per input file: ok, or why it could not be read
findings      what only the reader can see, each at its cell (an unknown header, a mark it
              cannot read, a 批示 written in 备注, a sheet that repeats others…)
skipped       the rows under a header that are not items, and why (小计, 一月份, 注:…, a
              repeated header, rows repeating another sheet)

Text columns hold ``''`` for an empty cell, never None; missing dates are NaT, missing
numbers <NA>. ``tier`` and ``level`` are ordered categoricals (lowest first) once read.
submissions, authors, adoptions, forwards and instructions also carry ``office``: the
office whose ledgers a row came from when several offices are read together ('' otherwise).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

TEXT, INT, DATE, BOOL, OBJECT, NINT = "text", "int", "date", "bool", "object", "nint"
_DTYPES = {TEXT: object, INT: "int64", DATE: "datetime64[ns]", BOOL: bool, OBJECT: object, NINT: "Int64"}
_ARRAY_DTYPES = {TEXT: np.dtype(object), INT: np.dtype("int64"), DATE: np.dtype("datetime64[ns]"), OBJECT: np.dtype(object)}

_WHERE = {"src": INT, "file": TEXT, "sheet": TEXT, "row": INT}
_CELL = {**_WHERE, "column": TEXT}
_DATED = {"date": DATE, "date_text": TEXT, "date_status": TEXT}

SCHEMAS: dict[str, dict[str, str]] = {
    "submissions": {
        "item": INT, "item_no": TEXT, "original_no": TEXT, "seq": TEXT, "title": TEXT, "title_key": TEXT, **_DATED, "authors": OBJECT,
        "author_text": TEXT, "unit": TEXT, "sector": TEXT, "category": OBJECT, "category_text": TEXT, "role_text": TEXT,
        "note": TEXT, "is_unit_item": BOOL, "filed_by": TEXT,
        # The item's 是否采用 as written where it says not adopted (否, 待定), its row recording none:
        # read against the adoptions a 采用台账 records for it once linked (link.flags_against_records).
        "not_adopted_flag": TEXT,
        # The item's 稿酬 as its ledger writes it in a money column read past (稿酬（元）: 200, 已发50) and
        # that column's letter: not obeyed, checked against what the rules pay (validate.money).
        "paid_text": TEXT, "paid_column": TEXT,
        # The item's 积分 as a hand-kept column writes it (积分: 11, 11分) and that column's letter: not obeyed,
        # checked against the points the rules give the row (validate.points).
        "points_text": TEXT, "points_column": TEXT, **_WHERE, "office": TEXT,
    },
    "authors": {
        "item": INT, "position": INT, "name": TEXT, "written": TEXT, "tag": TEXT, "role": OBJECT, "scribe": BOOL,
        "is_unit": BOOL, "office": TEXT,
    },
    "adoptions": {
        "adoption": INT, "item": INT, "ref_item_no": TEXT, "ref_title": TEXT, "ref_author": TEXT, "body": TEXT, "tier": OBJECT,
        "channel": OBJECT, "routing": TEXT, "department": TEXT, "issue_no": NINT, **_DATED, "origin": TEXT, "note": TEXT,
        "unpaid": BOOL, **_CELL, "office": TEXT,
    },
    "forwards": {
        "forward": INT, "item": INT, "ref_item_no": TEXT, "ref_title": TEXT, "ref_author": TEXT, "body": TEXT, "tier": OBJECT,
        "channel": OBJECT, **_DATED, "origin": TEXT, "note": TEXT, **_CELL, "office": TEXT,
    },
    "instructions": {
        "instruction": INT, "item": INT, "ref_item_no": TEXT, "ref_title": TEXT, "ref_author": TEXT, "leader": TEXT, "level": OBJECT,
        "text": TEXT, **_DATED, "follow_up": TEXT, "department": TEXT, "assigned_on": DATE, "due_on": DATE,
        "due_text": TEXT, "due_days": NINT, "replied_on": DATE, "reply": TEXT, "fed_back_on": DATE, "origin": TEXT, "note": TEXT, **_CELL,
        "office": TEXT,
    },
    "sheets": {
        "src": INT, "file": TEXT, "sheet": TEXT, "kind": TEXT, "header_row": INT, "header_rows": INT, "year": OBJECT,
        "months": OBJECT,  # (first, last) month the title says it covers, each year * 12 + month - 1; None
        "filed_by": TEXT, "caption": TEXT, "columns": OBJECT, "also": OBJECT, "labels": OBJECT, "hidden": BOOL,
        "items": INT,
    },
    "files": {"file": TEXT, "format": TEXT, "status": TEXT, "code": OBJECT, "message": OBJECT, "sheet": OBJECT},
    "findings": {"code": TEXT, "src": NINT, "file": TEXT, "sheet": TEXT, "row": NINT, "column": TEXT, "value": TEXT,
                 "detail": TEXT},
    # A 小计/合计 row that writes a count of items keeps the count's ``column`` and ``tally``: (count, first
    # Excel row it counts as a 小计, the table's first row, whether a 小计); None for other rows.
    "skipped": {**_WHERE, "reason": TEXT, "detail": TEXT, "column": TEXT, "tally": OBJECT},
    # One row per (person, role): a 委员 who is also a 特邀信息员 is two rows. ``appointed_on`` and
    # ``ended_on`` (the last day in post: 解聘, 离任, 届满) bound the role's quota; ``date_problem``
    # says which of them could not be read (empty when both are fine). ``terms``: the person's times in
    # the role, a tuple of (start, end) dates (None: open), apart when the roster has a gap between
    # two rows of the role (to March, again from July); ``appointed_on`` is the first start, ``ended_on``
    # the last end. A quota runs in the terms (compute.people.months_held). ``moves``: the units the
    # person left in the role (郑七 城关镇政协工委 to 30 April, then ``unit`` 河口镇政协工委), a tuple of
    # (unit, sector, last day there), oldest first; empty when they never moved (read.roster._transfers).
    "people": {"name": TEXT, "role": TEXT, "unit": TEXT, "sector": TEXT, "appointed_on": DATE, "ended_on": DATE,
               "date_problem": TEXT, "terms": OBJECT, "moves": OBJECT, "file": TEXT, "sheet": TEXT, "row": INT},
    # ``started_on`` and ``ended_on`` (成立时间, 撤销时间; NaT: open) bound the unit's quota, as a person's dates do.
    # ``former``: the names it had before (a 原名称 column: 县卫生和计划生育局 of 县卫生健康局), a tuple.
    "units": {"unit": TEXT, "unit_type": TEXT, "started_on": DATE, "ended_on": DATE, "former": OBJECT, "file": TEXT,
              "sheet": TEXT, "row": INT},
}

SUBMISSION_COLUMNS = list(SCHEMAS["submissions"])
AUTHOR_COLUMNS = list(SCHEMAS["authors"])
ADOPTION_COLUMNS = list(SCHEMAS["adoptions"])
FORWARD_COLUMNS = list(SCHEMAS["forwards"])
INSTRUCTION_COLUMNS = list(SCHEMAS["instructions"])
SHEET_COLUMNS = list(SCHEMAS["sheets"])
FILE_COLUMNS = list(SCHEMAS["files"])
FINDING_COLUMNS = list(SCHEMAS["findings"])
SKIPPED_COLUMNS = list(SCHEMAS["skipped"])
PEOPLE_COLUMNS = list(SCHEMAS["people"])
UNIT_COLUMNS = list(SCHEMAS["units"])
RECORD_TABLES = ("submissions", "authors", "adoptions", "forwards", "instructions")


def typed(name: str, data: dict[str, list] | pd.DataFrame | None = None) -> pd.DataFrame:
    """Table ``name`` from column lists (or a frame), every schema column present with its dtype.

    A column the data lacks is filled with its empty value ('' for text, NaT, <NA>, False)."""
    schema = SCHEMAS[name]
    data = {} if data is None else data
    n = len(data) if isinstance(data, pd.DataFrame) else len(next(iter(data.values()), []))
    out = {}
    for col, kind in schema.items():
        values = data[col] if col in data else None
        if values is None:
            out[col] = _blank(kind, n)
        elif isinstance(values, np.ndarray) and values.dtype == _ARRAY_DTYPES.get(kind):
            out[col] = pd.Series(values, dtype=_DTYPES[kind])  # already typed (the reader's column arrays)
        elif kind == DATE:
            out[col] = pd.Series(pd.to_datetime(pd.Series(values), errors="coerce"), dtype="datetime64[ns]")
        elif kind == NINT:
            out[col] = pd.Series(pd.array(list(values), dtype="Int64"))
        elif kind in (TEXT, OBJECT) and isinstance(values, list):
            column = np.empty(len(values), dtype=object)
            column[:] = values  # one pass; a tuple value stays one value
            out[col] = pd.Series(column, dtype=object)
        else:
            out[col] = pd.Series(list(values) if not isinstance(values, pd.Series) else values.to_list(), dtype=_DTYPES[kind])
    return pd.DataFrame(out, columns=list(schema)).reset_index(drop=True)


def empty_table(name: str) -> pd.DataFrame:
    """An empty table ``name`` with every column and its dtype."""
    return typed(name)


def _blank(kind: str, n: int) -> pd.Series:
    if kind == TEXT:
        return pd.Series([""] * n, dtype=object)
    if kind == OBJECT:
        return pd.Series([None] * n, dtype=object)
    if kind == DATE:
        return pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    if kind == NINT:
        return pd.Series(pd.array([pd.NA] * n, dtype="Int64"))
    if kind == BOOL:
        return pd.Series(False, index=range(n), dtype=bool)
    return pd.Series(0, index=range(n), dtype="int64")


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with the given columns (object dtype): for tables outside ``SCHEMAS``."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def by_item(table: pd.DataFrame, column: str, key: str = "item") -> pd.Series:
    """``table[column]`` indexed by ``table[key]``, for ``.map``: unlike ``set_index`` it copies one
    column, not the whole (wide, 200,000-row) table. Empty, it is an object series: pandas 3 cannot
    map through an empty series of dates."""
    if table.empty:
        return pd.Series([], dtype=object, name=column)
    return pd.Series(table[column].to_numpy(), index=table[key].to_numpy(), name=column)


def place(file: str, sheet: str, row=None, column: str | None = None) -> str:
    """Where a cell or row is, as staff read it: ``台账.xlsx!二季度!C17`` (or ``…!第17行``)."""
    name = Path(str(file)).name if file else ""
    if row is None or row == "" or pd.isna(row):
        return f"{name}!{sheet}" if sheet else name
    if column:
        return f"{name}!{sheet}!{column}{int(row)}"
    return f"{name}!{sheet}!第{int(row)}行"


@dataclass(repr=False)
class Roster:
    """名册: the people (委员, 信息员, 特邀信息员) and the units (with their unit type)."""

    people: pd.DataFrame = field(default_factory=lambda: empty_table("people"))
    units: pd.DataFrame = field(default_factory=lambda: empty_table("units"))
    # What the roster says that the tool cannot take in (one 姓名 for two people, 离任 in a 备注):
    # reader findings, added to the ledger's.
    findings: pd.DataFrame = field(default_factory=lambda: empty_table("findings"))

    @property
    def person_names(self) -> set[str]:
        return set(self.people["name"])

    @property
    def unit_names(self) -> set[str]:
        return set(self.units["unit"])

    def __bool__(self) -> bool:
        return not (self.people.empty and self.units.empty)

    def __repr__(self) -> str:
        return f"<Roster 人员 {len(self.people)} 人,单位 {len(self.units)} 个>"

    def _repr_html_(self) -> str:
        return (
            f"<p>名册:人员 {len(self.people)} 人,单位 {len(self.units)} 个</p>"
            + self.people.head(20).to_html(index=False)
            + self.units.to_html(index=False)
        )


LEDGER_TABLES = ("submissions", "authors", "adoptions", "forwards", "instructions", "sheets", "files", "findings", "skipped")


def _copy_on_write() -> bool:
    """Whether pandas copies a table's arrays before writing into arrays another frame shares and shows
    them (``_mgr``): pandas 3 only. pandas 2's ``mode.copy_on_write`` option is not relied on (a write
    through ``.loc`` there kept the arrays a snapshot held: an edit went unseen), so pandas 2 digests."""
    major = int(pd.__version__.split(".")[0])
    return major >= 3 and hasattr(pd.DataFrame()._mgr, "blocks")


def _digest(df: pd.DataFrame) -> str:
    """A digest of the column names, the index and every value, in order: what pandas without
    copy-on-write leaves to tell an edit in place by (about 0.5 s for 200,000 items)."""
    import hashlib

    h = hashlib.sha256(repr(list(df.columns)).encode())
    h.update(pd.util.hash_pandas_object(df.index).to_numpy().tobytes())
    for column in df.columns:
        try:
            hashed = pd.util.hash_pandas_object(df[column], index=False)
        except TypeError:  # values pandas cannot hash (a list, a dict): by their text
            hashed = pd.util.hash_pandas_object(df[column].map(repr), index=False)
        h.update(hashed.to_numpy().tobytes())
    return h.hexdigest()


class _Snapshot:
    """A ledger's tables as they were when its caches were filled (``Ledger.cache``).

    Under copy-on-write this reads no row: a table is marked by the frame, its index, its columns and
    the arrays holding its values, compared by identity; and the snapshot keeps a shallow copy of each
    table, sharing those arrays, so that a write into a table (``.loc``, ``.at``, ``fillna(inplace=True)``)
    first copies the arrays it writes to, and the table then holds new ones. Without copy-on-write
    (pandas 2 by default) a table is marked by a digest of its rows instead."""

    def __init__(self, ledger: "Ledger"):
        self.cow = _copy_on_write()
        self.year, self.roster = ledger.year, ledger.roster
        frames = ledger.frames()
        self.marks = [self._mark(df) for df in frames]
        self.kept = [df.copy(deep=False) for df in frames] if self.cow else []

    def _mark(self, df: pd.DataFrame):
        if self.cow:
            return (df, df.index, df.columns, *(block.values for block in df._mgr.blocks))
        return _digest(df)

    def _same(self, df: pd.DataFrame, mark) -> bool:
        now = self._mark(df)
        if self.cow:
            return len(now) == len(mark) and all(a is b for a, b in zip(now, mark))
        return now == mark

    def holds(self, ledger: "Ledger") -> bool:
        """Whether the ledger's tables are still those marked (none replaced, none written into)."""
        if ledger.year != self.year or ledger.roster is not self.roster:
            return False
        frames = ledger.frames()
        return len(frames) == len(self.marks) and all(self._same(df, m) for df, m in zip(frames, self.marks))


@dataclass(repr=False)
class Ledger:
    """Everything read from a set of ledgers: items, authors, adoptions, forwardings,
    instructions, and where each came from."""

    submissions: pd.DataFrame = field(default_factory=lambda: empty_table("submissions"))
    authors: pd.DataFrame = field(default_factory=lambda: empty_table("authors"))
    adoptions: pd.DataFrame = field(default_factory=lambda: empty_table("adoptions"))
    instructions: pd.DataFrame = field(default_factory=lambda: empty_table("instructions"))
    sheets: pd.DataFrame = field(default_factory=lambda: empty_table("sheets"))
    files: pd.DataFrame = field(default_factory=lambda: empty_table("files"))
    findings: pd.DataFrame = field(default_factory=lambda: empty_table("findings"))
    roster: Roster | None = None
    year: int | None = None
    forwards: pd.DataFrame = field(default_factory=lambda: empty_table("forwards"))
    skipped: pd.DataFrame = field(default_factory=lambda: empty_table("skipped"))
    # The office's rules it was read with (``read_ledgers(rules=…)``): the checks and figures that
    # follow use them when given none, not the shipped rules. None: read with the shipped rules.
    rules: Any = field(default=None, repr=False, compare=False)

    def frames(self) -> list[pd.DataFrame]:
        """Every table of the ledger and of its roster."""
        roster = [self.roster.people, self.roster.units, self.roster.findings] if self.roster is not None else []
        return [getattr(self, name) for name in LEDGER_TABLES] + roster

    def cache(self, name: str) -> dict:
        """The store ``name`` of what is worked out from this ledger (its error rows, its counted
        records), emptied when any table has been replaced (``ledger.submissions = …``, ``ledger.roster
        = None``) or written into (``ledger.submissions.loc[…] = …``) since it was filled: figures are
        never those of the tables before an edit."""
        held = self.__dict__.get("_snapshot")
        if held is None or not held.holds(self):
            self.__dict__["_snapshot"] = _Snapshot(self)
            self.__dict__["_caches"] = {}
        return self.__dict__["_caches"].setdefault(name, {})

    def __getstate__(self) -> dict:
        # Pickled (handed to a report's kernel) with its caches only when they are of its tables as they
        # are; the snapshot is taken again on the other side, of the tables unpickled there.
        state = dict(self.__dict__)
        held = state.pop("_snapshot", None)
        if held is None or not held.holds(self):
            state.pop("_caches", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if "_caches" in state:
            self.__dict__["_snapshot"] = _Snapshot(self)

    @property
    def counts(self) -> dict[str, int]:
        """Record counts, as reported by ``sqmy validate --format json`` (its shape kept)."""
        return {
            "submissions": len(self.submissions),
            "adoptions": len(self.adoptions),
            "instructions": len(self.instructions),
        }

    def column_letter(self, src: pd.Series, fld: str) -> pd.Series:
        """The column letter of field ``fld`` in each row's sheet (None where the sheet lacks it)."""
        mapping = {s: cols.get(fld) for s, cols in zip(self.sheets["src"], self.sheets["columns"])}
        return src.map(mapping)

    def __repr__(self) -> str:
        c = self.counts
        failed = int((self.files["status"] != "ok").sum()) if len(self.files) else 0
        return (
            f"<Ledger 年度={self.year} 文件={len(self.files)}(未能读取 {failed}) 工作表={len(self.sheets)} "
            f"报送={c['submissions']} 采用={c['adoptions']} 上报={len(self.forwards)} 批示={c['instructions']}>"
        )

    def _repr_html_(self) -> str:
        c = self.counts
        cols = ["item_no", "date", "title", "author_text", "unit", "category", "file", "sheet", "row"]
        return (
            f"<p><b>台账</b> 年度 {self.year}:文件 {len(self.files)} 个,工作表 {len(self.sheets)} 张;"
            f"报送 {c['submissions']} 条,采用 {c['adoptions']} 条,上报 {len(self.forwards)} 条,批示 {c['instructions']} 件</p>"
            + self.submissions[cols].head(10).to_html(index=False)
        )


@dataclass(frozen=True)
class Office:
    """One office of a roll-up: its name, level (县级/市级/…), peer group and ledger paths.

    ``code`` is the prefix its items carry in a higher office's 编号 when forwarded
    (``东山县-2025-013``); ``own`` marks the roll-up office's own ledgers (本级)."""

    name: str
    level: str
    peer_group: str
    paths: tuple[Path, ...]
    code: str = ""
    own: bool = False


@dataclass
class OfficeTree:
    """The offices a city or province office rolls up: itself (own ledgers) and those below it."""

    office: str
    level: str
    offices: list[Office]
    source: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def levels(self) -> dict[str, str]:
        """Office name → level."""
        return {o.name: o.level for o in self.offices}

    def __repr__(self) -> str:
        below = sum(not o.own for o in self.offices)
        return f"<OfficeTree {self.office}({self.level}) 下级 {below} 个>"
