"""One workbook file → its record tables, with ids local to the file; and merging many of those.

``read_file`` is what a worker process runs: it never raises for a bad file
(the failure is one row of ``files``), and returns its tables as plain column
arrays (no DataFrames: cheaper to build, pickle and merge), so reading many
files in parallel and merging gives exactly the serial result.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from ..records import ADOPTION_COLUMNS, AUTHOR_COLUMNS, FINDING_COLUMNS, INSTRUCTION_COLUMNS, SUBMISSION_COLUMNS, empty
from ..rules import Rules
from .headers import Layout, find_layout
from .values import split_authors, title_key
from .safety import UnreadableFile
from .sheet import Same, SheetContext, SheetReader, Tables, col_letter, fill_merged_down, sheet_context
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
# file and sheet are the same for every row of a sheet: merge_results rebuilds them from src,
# so they are not pickled back from a worker row by row.
_FROM_SRC = ("file", "sheet")

# One table of one file: "" -> its number of rows; column name -> array, ``Same`` (one value
# throughout), None (None throughout) or, for Int64, (values, mask).
Columns = dict[str, "np.ndarray | Same | tuple | None"]


@dataclass
class FileResult:
    """What one file gave: its ``files`` row(s), sheets, record tables (as columns) and roster sheets."""

    files: list[dict] = field(default_factory=list)
    sheets: list[dict] = field(default_factory=list)
    tables: dict[str, Columns] = field(default_factory=dict)
    roster_grids: list = field(default_factory=list)


def _dates(ords: np.ndarray) -> np.ndarray:
    """int64 ordinals (0 for none) → datetime64[ns] (NaT for none)."""
    days = (ords - 719163).astype("datetime64[D]")
    days[ords == 0] = np.datetime64("NaT")
    return days.astype("datetime64[ns]")


def _same(parts: list) -> Same | None:
    """The column as one ``Same`` when every part is the same value (by type and value)."""
    first = parts[0]
    if type(first) is not Same:
        return None
    v, t = first.value, type(first.value)
    for p in parts[1:]:
        if type(p) is not Same or type(p.value) is not t or p.value != v:
            return None
    return Same(v, sum(p.n for p in parts))


def _columns(columns: dict[str, list], names: list[str], id_column: str | None = None) -> Columns | None:
    """Column parts → arrays with explicit dtypes (no per-value type inference); None when empty.
    A column that is one value throughout stays one ``Same``."""
    if not columns:
        return None
    n = sum(map(len, next(iter(columns.values()))))
    if not n:
        return None
    data: Columns = {"": n}
    for name in names:
        if name == id_column or name in _FROM_SRC:
            continue  # numbered and rebuilt by merge_results
        parts = columns.get(name)
        if parts is None:
            data[name] = None
            continue
        same = _same(parts)
        if same is not None and name not in ("date", "issue_no", "item", "row", "position"):
            data[name] = same
            continue
        values = parts[0] if len(parts) == 1 and type(parts[0]) is list else list(chain.from_iterable(parts))
        if name in CATEGORY_COLUMNS:
            # A few distinct values: codes here, in the worker, so the merge only remaps them.
            distinct = list(set(values))
            code_of = {v: k for k, v in enumerate(distinct)}
            data[name] = Coded(np.fromiter(map(code_of.__getitem__, values), dtype=np.int32, count=n), distinct)
        elif name == "date":
            data[name] = np.fromiter(values, dtype=np.int64, count=n)  # proleptic ordinals, 0 for none
        elif name in INT_COLUMNS:
            data[name] = np.fromiter(values, dtype=np.int64, count=n)
        elif name == "issue_no":
            data[name] = (np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n),
                          np.fromiter((v is None for v in values), dtype=bool, count=n))
        else:
            data[name] = np.fromiter(values, dtype=object, count=n)
    return data


class Coded:
    """A column of few distinct values: int codes into ``values`` (which may hold None)."""

    __slots__ = ("codes", "values")

    def __init__(self, codes: np.ndarray, values: list):
        self.codes, self.values = codes, values

    def __reduce__(self):
        return (Coded, (self.codes, self.values))


def _categorical(parts: list, n: int) -> pd.Categorical:
    """One categorical column from several files' parts (``Coded``, ``Same`` or None), exactly as
    ``pd.Categorical`` of the concatenated values: categories sorted, None missing."""
    seen: set = set()
    for p, _ in parts:
        if type(p) is Coded:
            seen.update(p.values)
        elif type(p) is Same:
            seen.add(p.value)
    seen.discard(None)
    categories = sorted(seen)
    code_of = {v: k for k, v in enumerate(categories)}
    codes = []
    for p, k in parts:
        if type(p) is Coded:
            remap = np.array([code_of.get(v, -1) if v is not None else -1 for v in p.values], dtype=np.int64)
            codes.append(remap[p.codes])
        else:
            value = p.value if type(p) is Same else None
            codes.append(np.full(k, code_of[value] if value is not None else -1, dtype=np.int64))
    return pd.Categorical.from_codes(np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64),
                                     categories=pd.Index(categories, dtype=object))


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


# Results of pure functions of one cell value (a date text, an author cell, a 编号), shared by
# the files one worker process reads in one read: offices of a province write the same dates,
# numbers and names. Set up empty in each worker (``init_worker``) and gone with it.
_worker_caches: dict | None = None


def init_worker() -> None:
    """ProcessPoolExecutor initializer: fresh per-cell caches for this worker's files."""
    global _worker_caches
    _worker_caches = {}


def read_file_to(folder: str | None, k: int, path: Path, rules: Rules, year: int | None) -> str | FileResult:
    """In a worker: read one workbook and leave the pickled result in ``folder``; return its name.

    Only the name goes back through the pool's pipe: a result of several hundred KB sent through
    it would block this worker until the parent process, busy reading files itself, got round
    to receiving it. Without a folder, the result itself is returned."""
    result = read_file(path, rules, year)
    if folder is None:
        return result
    name = os.path.join(folder, f"{k}.pickle")
    with open(name, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return name


def load_result(name: str | FileResult) -> FileResult:
    """The result ``read_file_to`` left (and the file removed)."""
    if isinstance(name, FileResult):
        return name
    with open(name, "rb") as fh:
        result = pickle.load(fh)
    os.remove(name)
    return result


def read_file(path: Path, rules: Rules, year: int | None, caches: dict | None = None) -> FileResult:
    """Read one workbook. Item and sheet ids start at 0; ``merge_results`` offsets them.

    ``caches`` holds per-cell results shared with other files of the same read (see SheetReader);
    in a worker process it defaults to the worker's own.
    """
    if caches is None:
        caches = _worker_caches if _worker_caches is not None else {}
    with gc_paused():
        return _read_file(path, rules, year, caches)


def _read_file(path: Path, rules: Rules, year: int | None, caches: dict) -> FileResult:
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
        SheetReader(layout, ctx, rules, tables, caches).read(grid.rows, grid.formula_cells)
        out.sheets.append(_sheet_row(ctx, layout, grid.hidden))
    out.files.extend(_failed(path, wb.format, exc) for exc in wb.refused)
    if not found and not wb.refused:
        names = "、".join(g.name for g in wb.sheets) or "无"
        out.files.append(_failed(path, wb.format, UnreadableFile(
            "file.no_ledger", f"未找到可识别的台账工作表(工作表:{names});表头应含“标题”及“日期/作者/单位”等列")))
    elif not wb.refused:
        out.files.append(dict(file=name, format=wb.format, status="ok", code=None, message=None, sheet=None))
    out.tables = {
        t: _columns(getattr(tables, t), cols, id_col) for t, (cols, id_col) in TABLES.items() if t != "authors"
    }
    for t, settled in prelink(tables).items():
        if out.tables.get(t) is not None:
            out.tables[t]["~link"] = settled
    out.tables["authors"] = _authors(out.tables["submissions"], caches, rules)
    return out


def prelink(tables: Tables) -> dict[str, tuple[np.ndarray, dict[int, list[int]]]]:
    """What linking (read.ledger._link) would decide from this file alone, per adoption and
    instruction row of a separate 采用台账: the item (local id) when items of this file have the
    row's 编号 and one of them fits; -2 and the first candidates when several fit (ambiguous);
    -1 when no item of this file has the 编号, which only the whole office can settle."""
    subs = tables.submissions
    out: dict[str, tuple[np.ndarray, dict[int, list[int]]]] = {}
    by_no: dict[str, list[int]] | None = None
    keys: list[str] = []
    for name in ("adoptions", "instructions"):
        table = getattr(tables, name)
        if not table or not subs:
            continue
        items = list(chain.from_iterable(table["item"]))
        refs = [(r, no, title) for r, (item, no, title) in enumerate(zip(
            items, chain.from_iterable(table["ref_item_no"]), chain.from_iterable(table["ref_title"]))) if item == -1 and no]
        if not refs:
            continue
        if by_no is None:
            by_no = {}
            for k, no in enumerate(chain.from_iterable(subs["item_no"])):
                if no:
                    by_no.setdefault(no, []).append(k)
            keys = list(chain.from_iterable(subs["title_key"]))
        settled = np.full(len(items), -1, dtype=np.int64)
        several: dict[int, list[int]] = {}
        for r, no, title in refs:
            found = by_no.get(no)
            if not found:
                continue
            if len(found) > 1 and title and (key := title_key(title)):
                found = [c for c in found if keys[c] == key] or found
            if len(found) == 1:
                settled[r] = found[0]
            else:
                settled[r] = -2
                several[r] = found[:5]
        out[name] = (settled, several)
    return out


def _authors(subs: Columns | None, caches: dict, rules: Rules) -> Columns | None:
    """One row per (item, named author), from the author cells the sheets already split (one split
    per distinct cell, kept in the caches), expanded with numpy. ``~looks_unit`` is whether the
    name reads as a unit by the rules (read.ledger._attribute decides with the roster)."""
    split = caches.setdefault("split_authors", {})
    looks = caches.setdefault("looks_unit", {})
    if subs is None or subs.get("author_text") is None:
        return None
    texts = subs["author_text"]
    if type(texts) is Same:
        texts = _full(texts.value, texts.n)
    distinct = list(dict.fromkeys(texts))
    people = [split[t] if t in split else split_authors(t) for t in distinct]
    counts_d = np.fromiter(map(len, people), dtype=np.int64, count=len(distinct))
    flat = [a for authors in people for a in authors]
    if not flat:
        return None
    code_of = {t: k for k, t in enumerate(distinct)}
    codes = np.fromiter(map(code_of.__getitem__, texts), dtype=np.int64, count=len(texts))
    counts = counts_d[codes]
    total = int(counts.sum())
    first_d = np.cumsum(counts_d) - counts_d  # where each distinct cell's authors start in flat
    ends = np.cumsum(counts)
    position = np.arange(total, dtype=np.int64) - np.repeat(ends - counts, counts)
    at = np.repeat(first_d[codes], counts) + position
    tags = [a.tag for a in flat]
    roles = {t: (rules.role_of(t) if t else None) for t in set(tags)}
    items = subs["item"]
    names = [a.name for a in flat]
    for name in set(names).difference(looks):
        looks[name] = rules.looks_like_unit(name)
    return {
        "": total,
        "item": np.repeat(items, counts),
        "position": position,
        "name": np.array(names, dtype=object)[at],
        "tag": np.array(tags, dtype=object)[at],
        "role": np.array([roles[t] for t in tags], dtype=object)[at],
        "is_unit": np.zeros(total, dtype=bool),
        "~looks_unit": np.fromiter(map(looks.__getitem__, names), dtype=bool, count=len(names))[at],
    }


@dataclass
class Merged:
    files: list[dict]
    sheets: list[dict]
    tables: dict[str, pd.DataFrame]
    roster_grids: list
    # Per table, what each file settled of its links (see prelink), with global rows and items.
    links: dict[str, tuple[np.ndarray, dict[int, list[int]]]] = field(default_factory=dict)
    # Per authors row, whether the name reads as a unit by the rules of its file (see _authors).
    looks_unit: np.ndarray | None = None


def _concat(parts: list, n: int):
    """One column of several files' tables: arrays, ``Same``, ``None`` (None throughout) or
    Int64 (values, mask)."""
    if all(p is None for p, _ in parts):
        return np.full(n, None, dtype=object)
    if isinstance(parts[0][0], tuple):
        return pd.arrays.IntegerArray(np.concatenate([p[0] for p, _ in parts]), np.concatenate([p[1] for p, _ in parts]))
    arrays = [p if type(p) is np.ndarray else _full(None if p is None else p.value, k) for p, k in parts]
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _full(value, n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    out.fill(value)  # fill, not np.full: a tuple value is one value, not a row to broadcast
    return out


def merge_results(results: list[FileResult]) -> Merged:
    """Concatenate per-file results in order, offsetting item and sheet ids to be global."""
    files, sheets, roster_grids = [], [], []
    parts: dict[str, list[tuple[Columns, int, int]]] = {t: [] for t in TABLES}
    item_base = 0
    for res in results:
        src_base = len(sheets)
        files.extend(res.files)
        sheets.extend({**row, "src": row["src"] + src_base} for row in res.sheets)
        roster_grids.extend(res.roster_grids)
        if not res.tables:
            continue
        for t, cols in res.tables.items():
            if cols is not None:
                parts[t].append((cols, src_base, item_base))
        subs = res.tables["submissions"]
        item_base += subs[""] if subs is not None else 0
    file_names = sorted({row["file"] for row in sheets})
    sheet_names = sorted({row["sheet"] for row in sheets})
    file_index = {f: k for k, f in enumerate(file_names)}
    sheet_index = {s: k for k, s in enumerate(sheet_names)}
    file_code = np.array([file_index[row["file"]] for row in sheets], dtype=np.int64)
    sheet_code = np.array([sheet_index[row["sheet"]] for row in sheets], dtype=np.int64)
    tables = {}
    links: dict[str, tuple[np.ndarray, dict[int, list[int]]]] = {}
    for t, (cols, id_col) in TABLES.items():
        if not parts[t]:
            tables[t] = empty(cols)
            continue
        sizes = [p[""] for p, _, _ in parts[t]]
        n = sum(sizes)
        data = {}
        for c in cols:
            if c == id_col:
                data[c] = np.arange(n, dtype=np.int64)
            elif c in _FROM_SRC:
                continue
            elif c == "src":
                data[c] = np.concatenate([
                    (np.full(p[""], p["src"].value, dtype=np.int64) if type(p["src"]) is Same else p["src"]) + base
                    for p, base, _ in parts[t]
                ])
            elif c == "item":
                data[c] = np.concatenate([np.where(p["item"] >= 0, p["item"] + base, p["item"]) for p, _, base in parts[t]])
            elif c == "date":
                data[c] = _dates(np.concatenate([p["date"] for p, _, _ in parts[t]]))
            elif c in CATEGORY_COLUMNS:
                data[c] = _categorical([(p[c], k) for (p, _, _), k in zip(parts[t], sizes)], n)
            else:
                data[c] = _concat([(p[c], k) for (p, _, _), k in zip(parts[t], sizes)], n)
        if "src" in data:
            src = data["src"]
            data["file"] = pd.Categorical.from_codes(file_code[src], categories=file_names)
            data["sheet"] = pd.Categorical.from_codes(sheet_code[src], categories=sheet_names)
        tables[t] = pd.DataFrame({c: data[c] for c in cols}, copy=False)
        if t in ("adoptions", "instructions"):
            links[t] = _links(parts[t], sizes)
    looks_unit = np.concatenate([p["~looks_unit"] for p, _, _ in parts["authors"]]) if parts["authors"] else None
    return Merged(files, sheets, tables, roster_grids, links, looks_unit)


def _links(parts: list, sizes: list[int]) -> tuple[np.ndarray, dict[int, list[int]]]:
    """The files' prelink results as one: rows and items made global."""
    settled, several, row_base = [], {}, 0
    for (p, _, item_base), k in zip(parts, sizes):
        if "~link" in p:
            local, amb = p["~link"]
            settled.append(np.where(local >= 0, local + item_base, local))
            several.update({row + row_base: [c + item_base for c in found] for row, found in amb.items()})
        else:
            settled.append(np.full(k, -1, dtype=np.int64))
        row_base += k
    return np.concatenate(settled), several
