"""Cell accounting: every non-empty cell of a ledger is consumed into a record or named in a finding.

This is the reader's promise, checked from outside: given the non-empty cells of a workbook
as another library sees them (tests list them with openpyxl or xlrd), ``unaccounted`` says
which of them the ledger neither used nor reported. It must say none, for every workbook.

A cell counts as accounted for when
- its file could not be read (the file is one finding), or its sheet is a roster, or a
  sheet the reader reported as not a ledger;
- it is in or above the header (titles, the 填报单位 line, labels: the sheet's context);
- its row was skipped on purpose (小计, 一月份, 注:…, a repeated header, a repeated row);
- its column was reported as a whole (unknown or ignored header, no header), or the block it is in
  (a tally beside the table, ``sheet.tally`` naming its cells ``M1:N6``);
- a finding or a validation issue names the cell;
- it holds a field of its row's item (title, date, author, unit, …), or a record was read
  from it (an adoption, a forwarding, an instruction), or it dates or numbers a record of its
  row (采用日期, 期号, 批示日期, 落实情况, …), or it says there is nothing (不采用, 待定, 无, 待批示);
- it is a field of a row whose adoption was read and then not counted, said at its cell (作废, a 期号
  saying 退稿: ``adoption.void``, ``issue.not_adopted``), or of a 采用/批示/上报台账 row that records nothing
  (市政协（退稿）, 未上报), said at its cell (``link.nothing_recorded``);
- it is the 是否采用 of an item whose adoption another row records (a 采用台账's), or its 采用情况 saying
  adopted alone (√): it confirms that one.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .report import Report

# Fields of the item itself: any value is the item's.
_ITEM_FIELDS = {"seq", "item_no", "original_no", "title", "date", "day", "year", "author", "unit", "sector", "category", "role", "note"}
# Fields that date, number or describe a record of the row: theirs when the row has such a record.
_RECORD_FIELDS = {
    "adoptions": {"adopted_on", "issue_no", "product", "adoption", "publication", "adoption_level", "adopted_flag"},
    "forwards": {"forward", "forward_flag", "forwarded_on"},
    "instructions": {"leader", "leader_post", "leader_level", "instruction", "instruction_text", "instructed_on", "follow_up", "done_flag", "reply_flag", "department",
                     "assigned_on", "due_on", "replied_on", "reply", "fed_back_on"},
}
# Findings saying a row records nothing, naming the cell that says so.
_NOTHING_RECORDED = ("link.nothing_recorded", "instruction.follow_up_only", "instruction.is_adoption", "instruction.asked_only")
_COLUMN_CODES = ("header.unknown", "header.unknown_empty", "header.ignored", "header.ignored_empty", "header.checked", "header.checked_empty", "header.duplicate", "column.no_header")
_ROSTER_SHEET_CODES = ("roster.ledger_list_merged", "roster.ledger_list_differs", "roster.left_no_end")


def unaccounted(ledger: Ledger, report: Report, rules: Rules,
                cells: Iterable[tuple[str, str, int, str, object]]) -> list[tuple[str, str, int, str, object]]:
    """The cells among ``cells`` (file, sheet, Excel row, column letter, value) that the ledger
    neither consumed nor reported (see the module docstring)."""
    from ..read.marks import NOT_ADOPTED, PENDING, Vocabulary, yes_alone

    vocab = Vocabulary(rules.data, rules.place)
    files_failed = {_key(f) for f, s in zip(ledger.files["file"], ledger.files["status"]) if s != "ok"}
    # A sheet may hold several tables, each with its header (a second one below the first).
    tables: dict[tuple[str, str], list[dict]] = {}
    for f, s, row in zip(ledger.sheets["file"], ledger.sheets["sheet"], ledger.sheets.to_dict("records")):
        tables.setdefault((_key(f), s), []).append(row)
    roster_sheets = set()
    if ledger.roster is not None:
        for table in (ledger.roster.people, ledger.roster.units):
            roster_sheets |= {(_key(f), s) for f, s in zip(table["file"], table["sheet"])}
    findings = ledger.findings
    # A roster sheet whose rows were read, then set aside or folded into the office's roster, and said.
    roster_sheets |= {(_key(f), s) for f, s, code in zip(findings["file"], findings["sheet"], findings["code"])
                      if code in _ROSTER_SHEET_CODES}
    skipped = {(int(s), int(r)) for s, r in zip(ledger.skipped["src"], ledger.skipped["row"])}
    whole_columns = {(int(s), c) for s, c, code in zip(findings["src"], findings["column"], findings["code"])
                     if code in _COLUMN_CODES and pd.notna(s)}
    named = {(_key(i.file or ""), i.sheet, i.row, i.column) for i in report.issues} | _block_cells(findings)
    named |= {(_key(f), s, int(r), c) for f, s, r, c in zip(findings["file"], findings["sheet"], findings["row"], findings["column"])
              if pd.notna(r)}
    items = {(int(s), int(r)) for s, r in zip(ledger.submissions["src"], ledger.submissions["row"])}
    adopted = set(ledger.adoptions["item"]) - {-1}
    adopted_rows = {(int(s), int(r)) for s, r, i in zip(ledger.submissions["src"], ledger.submissions["row"],
                                                         ledger.submissions["item"]) if i in adopted}
    record_cells: set[tuple[int, int, str]] = set()
    record_rows: dict[str, set[tuple[int, int]]] = {}
    for table in ("adoptions", "forwards", "instructions"):
        t = getattr(ledger, table)
        record_cells |= {(int(s), int(r), c) for s, r, c in zip(t["src"], t["row"], t["column"])}
        record_rows[table] = {(int(s), int(r)) for s, r in zip(t["src"], t["row"])}
    # A 批示, an adoption or a 上报 written again on another row was read, then counted once (*.repeated); a
    # row's 批示 cells that say a leader only read it (县委书记 | 已阅) were read, and said at one of them.
    # An adoption read and then not counted, said at its cell (作废; a 期号 saying 退稿): its row's 编号 and
    # 标题 name the item the finding speaks of.
    for code_of, table in (("instruction.repeated", "instructions"), ("adoption.repeated", "adoptions"),
                           ("forward.repeated", "forwards"), ("instruction.read_only", "instructions"),
                           ("adoption.void", "adoptions"), ("issue.not_adopted", "adoptions")):
        record_rows[table] |= {(int(s), int(r)) for s, r, code in zip(findings["src"], findings["row"], findings["code"])
                               if code == code_of and pd.notna(s) and pd.notna(r)}
    # A 采用/批示/上报台账 row that records nothing (市政协（退稿）, 未上报; 已办结 or 市政协采用 in its 批示 cell),
    # said at its cell: its 编号 and 标题 name the item the finding speaks of.
    said_rows = {(int(s), int(r)) for s, r, code in zip(findings["src"], findings["row"], findings["code"])
                 if code in _NOTHING_RECORDED and pd.notna(s) and pd.notna(r)}
    out = []
    for file, sheet, row, col, value in cells:
        fk = _key(file)
        if fk in files_failed or (fk, sheet) in roster_sheets:
            continue
        info = _table_at(tables.get((fk, sheet)), row, col)
        if info is None:
            out.append((file, sheet, row, col, value))
            continue
        src = int(info["src"])
        if info["kind"] == "unrecognised" or row < info["header_row"] + info["header_rows"]:
            continue
        if (src, row) in skipped or (src, col) in whole_columns or (fk, sheet, row, col) in named:
            continue
        if (src, row, col) in record_cells:
            continue
        fld = next((f for f, letter in info["columns"].items() if letter == col), None) or (info["also"] or {}).get(col)
        if fld in _ITEM_FIELDS and ((src, row) in items or (src, row) in said_rows
                                    or any((src, row) in rows for rows in record_rows.values())):
            continue  # a field of the item, or of the item a 采用台账 row refers to
        if fld is not None and any(fld in fields and (src, row) in record_rows[t] for t, fields in _RECORD_FIELDS.items()):
            continue
        if fld == "adopted_flag" and (src, row) in adopted_rows:
            continue  # 是 in 是否采用, the item's adoption in the 采用台账
        if fld == "adoption" and (src, row) in adopted_rows and yes_alone(vocab.read_text(value)):
            continue  # √ in 采用情况: the same yes (link.flags_against_records)
        if col in info["labels"] and (src, row) in items or col in info["labels"] and info["kind"] == "adoptions":
            readings = vocab.read_text(value) if fld == "adoption" else [vocab.read_mark(value)]
            if readings and all(r is not None and r.state in (NOT_ADOPTED, PENDING) for r in readings):
                continue
            if str(value).strip() in ("无", "否", "-", "/", "—", "×", "没有", "暂无") or vocab.says_no_instruction(str(value)):
                continue
        out.append((file, sheet, row, col, value))
    return out


def _table_at(tables: list[dict] | None, row: int, col: str) -> dict | None:
    """The table of a sheet a cell belongs to: the last whose header starts at or above it; of
    two side by side, the one with the cell's column, their headers on one row or not (a table
    beside another shares none of its columns; one below another does)."""
    if not tables:
        return None
    above = [t for t in tables if t["header_row"] <= row]
    if not above:
        return tables[0]
    top = max(t["header_row"] for t in above)
    level = [t for t in above if t["header_row"] == top]
    here = next((t for t in level if col in (t.get("labels") or {})), None)
    if here is not None:
        return here
    taken = {c for t in level for c in (t.get("labels") or {})}
    beside = [t for t in above if col in (t.get("labels") or {}) and not taken & set(t.get("labels") or {})]
    return max(beside, key=lambda t: t["header_row"]) if beside else level[-1]


_RANGE = re.compile(r"([A-Z]+)(\d+):([A-Z]+)(\d+)")


def _bounds(cells: str) -> tuple[int, int, int, int]:
    """``M1:N6`` → (first row, last row, first column, last column): Excel rows, 1-based columns."""
    m = _RANGE.fullmatch(str(cells))
    return (int(m[2]), int(m[4]), _column_number(m[1]), _column_number(m[3])) if m else (0, -1, 0, -1)


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _block_cells(findings: pd.DataFrame) -> set[tuple[str, str, int, str]]:
    """The cells (file, sheet, Excel row, column letter) of the blocks findings name whole: a tally
    beside the table (``sheet.tally``, its cells ``M1:N6`` in its detail)."""
    from ..zh import column_letter

    out = set()
    for file, sheet, code, detail in zip(findings["file"], findings["sheet"], findings["code"], findings["detail"]):
        if code == "sheet.tally":
            r0, r1, c0, c1 = _bounds(detail)
            out |= {(_key(file), sheet, r, column_letter(c - 1)) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    return out


def _key(file: str) -> str:
    return str(Path(str(file)).resolve()) if file else ""
