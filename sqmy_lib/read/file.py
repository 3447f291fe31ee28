"""One workbook file → its record tables, with ids local to the file; and merging many of those.

``read_file`` is what a worker process runs: it never raises for a bad file
(the failure is one row of ``files``), and returns plain DataFrames, so
reading many files in parallel and merging gives exactly the serial result.
"""
from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..records import ADOPTION_COLUMNS, AUTHOR_COLUMNS, FINDING_COLUMNS, INSTRUCTION_COLUMNS, SUBMISSION_COLUMNS, empty
from ..rules import Rules
from .headers import Layout, find_layout
from .values import split_authors
from .safety import UnreadableFile
from .sheet import SheetContext, SheetReader, Tables, col_letter, fill_merged_down, sheet_context
from .workbook import open_workbook

TABLES = {
    "submissions": (SUBMISSION_COLUMNS, None),
    "authors": (AUTHOR_COLUMNS, None),
    "adoptions": (ADOPTION_COLUMNS, "adoption"),
    "instructions": (INSTRUCTION_COLUMNS, "instruction"),
    "findings": (FINDING_COLUMNS, None),
}
INT_COLUMNS = {"item", "position", "src", "row"}
CATEGORY_COLUMNS = {"file", "sheet", "date_status", "origin", "tier", "level"}


@dataclass
class FileResult:
    """What one file gave: its ``files`` row(s), sheets, record tables and roster sheets."""

    files: list[dict] = field(default_factory=list)
    sheets: list[dict] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    roster_grids: list = field(default_factory=list)


def _dates(values: list) -> np.ndarray:
    """datetime.date/None list → datetime64[ns] array (NaT for None), without per-value parsing."""
    ords = np.fromiter((d.toordinal() if d is not None else 0 for d in values), dtype=np.int64, count=len(values))
    days = (ords - 719163).astype("datetime64[D]")
    days[ords == 0] = np.datetime64("NaT")
    return days.astype("datetime64[ns]")


def _frame(columns: dict[str, list], names: list[str], id_column: str | None = None) -> pd.DataFrame:
    """Column lists → DataFrame with explicit dtypes (pandas' per-column type inference is the slow part)."""
    if not columns:
        return empty(names)
    n = len(next(iter(columns.values())))
    data = {}
    for name in names:
        values = columns.get(name)
        if name == id_column:
            data[name] = np.arange(n, dtype=np.int64)
        elif values is None:
            data[name] = np.full(n, None, dtype=object)
        elif name == "date":
            data[name] = _dates(values)
        elif name in INT_COLUMNS:
            data[name] = np.fromiter(values, dtype=np.int64, count=n)
        elif name == "issue_no":
            data[name] = pd.array(values, dtype="Int64")
        else:
            data[name] = np.fromiter(values, dtype=object, count=n)
    return pd.DataFrame(data, copy=False)


@contextlib.contextmanager
def gc_paused():
    """Pause cyclic GC while millions of small, acyclic objects are built: its passes over them
    cost ~10% of a large read and find nothing to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _failed(path: Path, fmt: str, exc: UnreadableFile) -> dict:
    return dict(file=str(path), format=fmt, status="failed", code=exc.code, message=exc.message, sheet=exc.sheet)


def _sheet_row(ctx: SheetContext, layout: Layout, hidden: bool) -> dict:
    columns = {f: col_letter(c) for f, c in layout.fields.items()}
    return dict(
        src=ctx.src, file=ctx.file, sheet=ctx.sheet, kind=layout.kind, header_row=layout.header_top + 1,
        year=ctx.year, filed_by=ctx.filed_by, columns=columns, hidden=hidden,
    )


def read_file(path: Path, rules: Rules, year: int | None) -> FileResult:
    """Read one workbook. Item and sheet ids start at 0; ``merge_results`` offsets them."""
    with gc_paused():
        return _read_file(path, rules, year)


def _read_file(path: Path, rules: Rules, year: int | None) -> FileResult:
    name = str(path)
    out = FileResult()
    try:
        wb = open_workbook(path)
    except UnreadableFile as exc:
        out.files.append(_failed(path, path.suffix.lstrip("."), exc))
        return out
    except Exception as exc:  # one bad file must not stop the others
        out.files.append(_failed(path, path.suffix.lstrip("."), UnreadableFile(
            "file.unreadable", f"读取时发生意外错误({type(exc).__name__}:{exc}),请另存为 .xlsx 后重试")))
        return out
    tables = Tables()
    found = 0
    for grid in wb.sheets:
        layout = find_layout(grid.rows, grid.merges, rules.tier_of)
        if layout is None:
            continue
        found += 1
        if layout.kind in ("people", "units"):
            out.roster_grids.append((name, grid, layout))
            continue
        ctx = sheet_context(len(out.sheets), name, grid.name, grid.rows, layout, year)
        fill_merged_down(grid.rows, grid.merges, layout.header_bottom + 1)
        SheetReader(layout, ctx, rules, tables).read(grid.rows, grid.formula_cells)
        out.sheets.append(_sheet_row(ctx, layout, grid.hidden))
    out.files.extend(_failed(path, wb.format, exc) for exc in wb.refused)
    if not found and not wb.refused:
        names = "、".join(g.name for g in wb.sheets) or "无"
        out.files.append(_failed(path, wb.format, UnreadableFile(
            "file.no_ledger", f"未找到可识别的台账工作表(工作表:{names});表头应含“标题”及“日期/作者/单位”等列")))
    elif not wb.refused:
        out.files.append(dict(file=name, format=wb.format, status="ok", code=None, message=None, sheet=None))
    # file and sheet are the same for every row of a sheet: merge_results rebuilds them from src,
    # so they are not pickled back from a worker row by row.
    out.tables = {
        t: _frame(getattr(tables, t), [c for c in cols if c not in ("file", "sheet")], id_col)
        for t, (cols, id_col) in TABLES.items() if t != "authors"
    }
    out.tables["authors"] = _authors(out.tables["submissions"], rules)
    return out


def _authors(subs: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """One row per (item, named author), split once per distinct author cell."""
    if subs.empty:
        return empty(AUTHOR_COLUMNS)
    texts = subs["author_text"]
    split = {t: split_authors(t) for t in texts.unique()}
    exploded = pd.Series(texts.map(split).to_numpy(), index=subs["item"].to_numpy()).explode().dropna()
    if exploded.empty:
        return empty(AUTHOR_COLUMNS)
    people = exploded.tolist()
    tags = [a.tag for a in people]
    roles = {t: (rules.role_of(t) if t else None) for t in set(tags)}
    return pd.DataFrame({
        "item": exploded.index.to_numpy(dtype=np.int64),
        "position": exploded.groupby(level=0).cumcount().to_numpy(),
        "name": np.fromiter((a.name for a in people), dtype=object, count=len(people)),
        "tag": np.array(tags, dtype=object),
        "role": np.array([roles[t] for t in tags], dtype=object),
        "is_unit": False,
    })



@dataclass
class Merged:
    files: list[dict]
    sheets: list[dict]
    tables: dict[str, pd.DataFrame]
    roster_grids: list


def merge_results(results: list[FileResult]) -> Merged:
    """Concatenate per-file results in order, offsetting item and sheet ids to be global."""
    files, sheets, roster_grids = [], [], []
    parts: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    item_base = 0
    for res in results:
        src_base = len(sheets)
        files.extend(res.files)
        sheets.extend({**row, "src": row["src"] + src_base} for row in res.sheets)
        roster_grids.extend(res.roster_grids)
        if not res.tables:
            continue
        for t, df in res.tables.items():
            if df.empty:
                continue
            df = df.copy(deep=False)
            if "src" in df:
                df["src"] = df["src"].to_numpy() + src_base
            if "item" in df:
                items = df["item"].to_numpy()
                df["item"] = np.where(items >= 0, items + item_base, items)
            parts[t].append(df)
        item_base += len(res.tables["submissions"])
    file_names = sorted({row["file"] for row in sheets})
    sheet_names = sorted({row["sheet"] for row in sheets})
    file_index = {f: k for k, f in enumerate(file_names)}
    sheet_index = {s: k for k, s in enumerate(sheet_names)}
    file_code = np.array([file_index[row["file"]] for row in sheets], dtype=np.int64)
    sheet_code = np.array([sheet_index[row["sheet"]] for row in sheets], dtype=np.int64)
    tables = {}
    for t, (cols, id_col) in TABLES.items():
        if not parts[t]:
            tables[t] = empty(cols)
            continue
        df = pd.concat(parts[t], ignore_index=True)
        if id_col:
            df[id_col] = np.arange(len(df), dtype=np.int64)
        if "src" in df:
            src = df["src"].to_numpy()
            df["file"] = pd.Categorical.from_codes(file_code[src], categories=file_names)
            df["sheet"] = pd.Categorical.from_codes(sheet_code[src], categories=sheet_names)
        for c in (CATEGORY_COLUMNS - {"file", "sheet"}) & set(cols):
            df[c] = df[c].astype("category")
        tables[t] = df[cols]
    return Merged(files, sheets, tables, roster_grids)
