"""Records: the tables everything after reading works on.

Reading turns workbooks into these DataFrames; validation, computation and
rendering read them and never look at Excel again. Every row keeps where it
came from (``file``, ``sheet``, Excel ``row``; the column letters of each field
are in ``sheets.columns``) so any message can name the exact cell.

Tables
------
submissions   one row per item sent in (报送)
authors       one row per (item, named author), in the order written
adoptions     one row per (item, adopting body) (采用); ``item`` is -1 when unmatched
instructions  one row per (item, leader) instruction (批示) with its follow-up (落实) and its 督办 like a 提案 (L33):
              department (承办单位), assigned_on (交办), due_on (办理时限 as a date) or due_days (as days),
              replied_on and reply (办复), fed_back_on (反馈作者); dates as datetime.date or None
sheets        one row per sheet read: its kind, header row, year and field → column letter
files         one row per input file: ok, or why it could not be read
findings      facts only the reader can see (a formula with no cached value, an ambiguous link)

submissions, adoptions and instructions also carry ``office``: the office whose ledgers a row
came from when several offices are read together for a roll-up ('' otherwise).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SUBMISSION_COLUMNS = [
    "item", "item_no", "title", "title_key", "date", "date_text", "date_status", "authors", "author_text",
    "unit", "sector", "category", "category_text", "role_text", "note", "is_unit_item", "filed_by",
    "src", "file", "sheet", "row",
]
AUTHOR_COLUMNS = ["item", "position", "name", "tag", "role", "is_unit"]
ADOPTION_COLUMNS = [
    "adoption", "item", "ref_item_no", "ref_title", "body", "tier", "issue_no", "date", "date_text",
    "date_status", "origin", "src", "file", "sheet", "row", "column",
]
INSTRUCTION_COLUMNS = [
    "instruction", "item", "ref_item_no", "ref_title", "leader", "level", "text", "date", "date_text",
    "date_status", "follow_up", "department", "assigned_on", "due_on", "due_days", "replied_on", "reply", "fed_back_on",
    "src", "file", "sheet", "row", "column",
]
SHEET_COLUMNS = ["src", "file", "sheet", "kind", "header_row", "year", "filed_by", "columns", "hidden"]
FILE_COLUMNS = ["file", "format", "status", "code", "message", "sheet"]
FINDING_COLUMNS = ["code", "src", "file", "sheet", "row", "column", "detail"]
# One row per (person, role): a 委员 who is also a 特邀信息员 is two rows. ``appointed_on`` and
# ``ended_on`` (the last day in post: 解聘, 离任, 届满) bound the role's quota; ``date_problem``
# says which of them could not be read (empty when both are fine).
PEOPLE_COLUMNS = ["name", "role", "unit", "sector", "appointed_on", "ended_on", "date_problem", "file", "sheet", "row"]
UNIT_COLUMNS = ["unit", "unit_type", "file", "sheet", "row"]


def by_item(table: pd.DataFrame, column: str, key: str = "item") -> pd.Series:
    """``table[column]`` indexed by ``table[key]``, for ``.map``: unlike ``set_index`` it copies one
    column, not the whole (wide, 200,000-row) table."""
    return pd.Series(table[column].to_numpy(), index=table[key].to_numpy(), name=column)


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with the given columns."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


@dataclass(repr=False)
class Roster:
    """名册: the people (委员, 信息员, 特邀信息员) and the units (with their unit type)."""

    people: pd.DataFrame = field(default_factory=lambda: empty(PEOPLE_COLUMNS))
    units: pd.DataFrame = field(default_factory=lambda: empty(UNIT_COLUMNS))

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


@dataclass(repr=False)
class Ledger:
    """Everything read from a set of ledgers: items, authors, adoptions, instructions, and where from."""

    submissions: pd.DataFrame
    authors: pd.DataFrame
    adoptions: pd.DataFrame
    instructions: pd.DataFrame
    sheets: pd.DataFrame
    files: pd.DataFrame
    findings: pd.DataFrame
    roster: Roster | None = None
    year: int | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Record counts, as reported by ``sqmy validate --format json``."""
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
            f"报送={c['submissions']} 采用={c['adoptions']} 批示={c['instructions']}>"
        )

    def _repr_html_(self) -> str:
        c = self.counts
        cols = ["item_no", "date", "title", "author_text", "unit", "category", "file", "sheet", "row"]
        return (
            f"<p><b>台账</b> 年度 {self.year}:文件 {len(self.files)} 个,工作表 {len(self.sheets)} 张;"
            f"报送 {c['submissions']} 条,采用 {c['adoptions']} 条,批示 {c['instructions']} 件</p>"
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
