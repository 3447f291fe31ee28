"""read_ledgers: files and folders in, one Ledger of record tables out.

Every file is read on its own: a file that cannot be read is listed in
``Ledger.files`` with the reason and the others go on. Adoptions and
instructions kept in a separate 采用台账 are linked to their items by 编号,
failing that by normalised title.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..records import FILE_COLUMNS, SHEET_COLUMNS, Ledger, Roster
from ..rules import Rules, load_rules
from .headers import find_layout, forget_labels
from .roster import roster_from_sheets
from .safety import UnreadableFile
from .file import FileResult, gc_paused, init_worker, load_result, merge_results, read_file, read_file_to
from .values import title_key
from .workbook import open_workbook

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Expand folders recursively into workbook files, skipping lock files (``~$…``) and hidden files.

    A path named explicitly is kept whatever its suffix, so a wrong file is reported, not ignored.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(("~$", ".")) or not name.lower().endswith(EXCEL_SUFFIXES):
                        continue
                    out.append(Path(root) / name)
        else:
            out.append(p)
    return out


def _progress(items, desc: str, total: int | None = None, iterate: bool = True):
    """A tqdm bar on a terminal; silent under cron and CI. With ``iterate=False``, the bar (or
    None) to advance by hand."""
    total = total if total is not None else len(items)
    if total > 1 and sys.stderr.isatty() and not os.environ.get("CI"):
        from tqdm import tqdm

        return tqdm(items, desc=desc, unit="个文件", total=total, leave=False)
    return items if iterate else None


def _advance(bar) -> None:
    if bar is not None:
        bar.update(1)


def _close(bar) -> None:
    if bar is not None:
        bar.close()


def read_ledgers(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    roster: str | os.PathLike | Roster | None = None,
    year: int | None = None,
    rules: Rules | str | os.PathLike | None = None,
    workers: int | None = None,
) -> Ledger:
    """Read ledgers (files or folders; .xlsx/.xlsm/.xls/.ods) into a :class:`Ledger`.

    ``roster`` is a 名册 workbook (or a Roster already read); roster sheets found
    among the ledgers are used too. ``year`` is the ledgers' year where titles,
    sheet and file names do not say it. ``workers`` processes read files in
    parallel (default: one per core when there are several files); the result
    is identical to a serial read.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(rules, Rules):
        rules = load_rules(rules, year=year)
    files = discover(paths)
    return read_files(files, rules, roster=roster, year=year, workers=workers)


def read_files(
    files: list[Path],
    rules: Rules,
    roster: str | os.PathLike | Roster | None = None,
    year: int | None = None,
    workers: int | None = None,
    file_rules: dict[Path, Rules] | None = None,
    office_of: dict[str, str] | None = None,
) -> Ledger:
    """Read the given workbook files into one :class:`Ledger` (what ``read_ledgers`` does after discovery).

    ``file_rules`` gives a file its own rules (an office's own tier, when offices of several
    levels are read together); ``office_of`` names the office each file belongs to, filling the
    tables' ``office`` column and keeping links (编号, titles) inside one office.
    """
    file_rows: list[dict] = []
    if roster is not None and not isinstance(roster, Roster):
        roster, roster_failures = _read_roster_file(Path(roster), rules)
        file_rows.extend(roster_failures)

    forget_labels()  # this read starts from nothing learnt in an earlier one
    with gc_paused():
        results = _read_all(files, rules, year, workers, file_rules or {})
        merged = merge_results(results)
    file_rows.extend(merged.files)
    if merged.roster_grids:
        roster = _merge_rosters(roster, roster_from_sheets(merged.roster_grids, rules))
    sheets = pd.DataFrame(merged.sheets, columns=SHEET_COLUMNS)
    ledger = Ledger(
        submissions=merged.tables["submissions"],
        authors=merged.tables["authors"],
        adoptions=merged.tables["adoptions"],
        instructions=merged.tables["instructions"],
        sheets=sheets,
        files=pd.DataFrame(file_rows, columns=FILE_COLUMNS),
        findings=merged.tables["findings"],
        roster=roster if roster else None,
        year=year or _common_year(merged.sheets),
    )
    _set_office(ledger, office_of or {})
    # What each file settled of its links holds when every file was read once (a file named
    # twice would hold candidates for the other copy too).
    _link(ledger, merged.links if len({str(f) for f in files}) == len(files) else None)
    # The readers' unit judgement holds when every file was read with these rules' unit words.
    same_words = all(r.data.get("unit_name_words") == rules.data.get("unit_name_words") for r in (file_rules or {}).values())
    _attribute(ledger, rules, merged.looks_unit if same_words else None)
    return ledger


def _set_office(ledger: Ledger, office_of: dict[str, str]) -> None:
    """The ``office`` column of the record tables: the office each row's file belongs to ('' in a one-office read)."""
    names = sorted(set(office_of.values()) | {""})
    index = {name: k for k, name in enumerate(names)}
    for table in (ledger.submissions, ledger.adoptions, ledger.instructions):
        file = table["file"]
        if isinstance(file.dtype, pd.CategoricalDtype):
            # One look-up per file, not per row: the office of each category, then of each code.
            office_code = np.array([index[office_of.get(f, "")] for f in file.cat.categories] + [index[""]], dtype=np.int64)
            table["office"] = pd.Categorical.from_codes(office_code[file.cat.codes.to_numpy()], categories=names)
            continue
        files = file.astype(object)
        table["office"] = pd.Categorical(files.map(office_of).fillna(""), categories=names)


def _worker_count(files: list[Path], workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    if len(files) < 4:
        return 1  # starting processes costs more than it saves on a few files
    return min(os.cpu_count() or 1, len(files), 8)


def _read_all(files: list[Path], rules: Rules, year: int | None, workers: int | None,
              file_rules: dict[Path, Rules]) -> list[FileResult]:
    n = _worker_count(files, workers)
    per_file = [file_rules.get(p, rules) for p in files]
    caches: dict = {}  # per-cell results shared by the files this process reads (see read_file)
    if n == 1:
        return [read_file(p, r, year, caches) for p, r in _progress(list(zip(files, per_file)), "读取台账")]
    from concurrent.futures import ProcessPoolExecutor

    # n - 1 worker processes take the files from the front of a queue; this process is the n-th
    # reader and takes them from the back, each one no worker has started yet (a file read here
    # is not pickled across). The queue has the largest files at both ends and the smallest in
    # the middle, where the readers meet: neither waits long for the other at the end.
    # Results keep the files' order, so the merge is the serial one.
    by_size = sorted(range(len(files)), key=lambda k: -_size(files[k]))
    order = by_size[0::2] + by_size[1::2][::-1]
    results: list[FileResult | None] = [None] * len(files)
    try:
        results_dir = tempfile.TemporaryDirectory(prefix="sqmy-read-")
    except OSError:  # no writable temporary folder: results come back through the pool instead
        results_dir = contextlib.nullcontext(None)
    with results_dir as folder, ProcessPoolExecutor(max_workers=n - 1, initializer=init_worker) as pool:
        futures = {k: pool.submit(read_file_to, folder, k, files[k], per_file[k], year) for k in order}
        bar = _progress(None, "读取台账", total=len(files), iterate=False)
        taken = 0  # files of the front already loaded here
        for k in reversed(order):
            if not futures[k].cancel():
                break
            results[k] = read_file(files[k], per_file[k], year, caches)
            _advance(bar)
            # Load what the workers finished meanwhile, so little is left to load at the end.
            while taken < len(order) and futures[order[taken]].done() and not futures[order[taken]].cancelled():
                results[order[taken]] = load_result(futures[order[taken]].result())
                taken += 1
                _advance(bar)
        for k in order[taken:]:
            if results[k] is None:
                results[k] = load_result(futures[k].result())
                _advance(bar)
        _close(bar)
    return results


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _common_year(sheet_rows: list[dict]) -> int | None:
    """The year most submission sheets say they are of."""
    years = Counter(r["year"] for r in sheet_rows if r["kind"] == "submissions" and r["year"])
    return years.most_common(1)[0][0] if years else None


def _read_roster_file(path: Path, rules: Rules) -> tuple[Roster | None, list[dict]]:
    try:
        wb = open_workbook(path)
    except UnreadableFile as exc:
        return None, [dict(file=str(path), format=path.suffix.lstrip("."), status="failed", code=exc.code, message=exc.message, sheet=None)]
    grids = []
    for grid in wb.sheets:
        layout = find_layout(grid.rows, grid.merges, rules.tier_of)
        if layout is not None and layout.kind in ("people", "units"):
            grids.append((str(path), grid, layout))
    if not grids:
        return None, [dict(file=str(path), format=wb.format, status="failed", code="roster.not_found",
                           message="名册中未找到“姓名/身份”或“单位名称/单位类型”表头", sheet=None)]
    return roster_from_sheets(grids, rules), []


def _merge_rosters(a: Roster | None, b: Roster) -> Roster:
    if not a:
        return b
    return Roster(
        people=pd.concat([a.people, b.people], ignore_index=True).drop_duplicates("name"),
        units=pd.concat([a.units, b.units], ignore_index=True).drop_duplicates("unit"),
    )


# ---------------------------------------------------------------- linking

def _same_file(refs: pd.DataFrame, subs: pd.DataFrame, ref_key: str, sub_key: str) -> dict[int, list[int]]:
    """Per reference (``r``), the items of its own file whose ``sub_key`` equals its ``ref_key``, in
    item order: one C-speed join on (file, key). Most references find their item in their own file."""
    if refs.empty or subs.empty:
        return {}
    pairs = refs[["r", "file", ref_key]].merge(
        subs[["item", "file", sub_key]], left_on=["file", ref_key], right_on=["file", sub_key], how="inner"
    ).sort_values(["r", "item"], kind="stable")
    out: dict[int, list[int]] = {}
    for r, item in zip(pairs["r"].tolist(), pairs["item"].tolist()):
        out.setdefault(r, []).append(item)
    return out


def _by_office(subs: pd.DataFrame, key: str, wanted: set) -> dict[tuple[str, str], list[int]]:
    """(office, key) → items in item order, for the few keys still unresolved in their own file."""
    rows = subs[subs[key].isin(wanted)]
    out: dict[tuple[str, str], list[int]] = {}
    for item, office, k in zip(rows["item"].tolist(), rows["office"].tolist(), rows[key].tolist()):
        out.setdefault((office, k), []).append(item)
    return out


def _strings(column: pd.Series):
    """A function giving the column's values at positions (an int or an array), as astype(object)
    would, without converting the whole column."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = np.append(np.asarray(column.cat.categories, dtype=object), np.nan)  # code -1: last
        codes = column.cat.codes.to_numpy()
        return lambda rows: categories[codes[rows]]
    return column.astype(object).to_numpy().__getitem__


def _nearest_in_office(candidates: list[int], file: str, file_of) -> list[int]:
    """Candidates of the same office but not the same file: the same folder's, else all of them."""
    folder = os.path.dirname(file)
    return [c for c in candidates if os.path.dirname(file_of(c)) == folder] or candidates


def _link(ledger: Ledger, pre: dict[str, tuple[np.ndarray, dict[int, list[int]]]] | None = None) -> None:
    """Give adoption/instruction rows of a separate 采用台账 their item: by 编号, else by title.

    Candidates are items of the same office only: among them those of the same file, else the
    same folder, else all (each office numbers its own items). An 编号 or title that fits several
    items is not guessed: the row stays unlinked and a ``link.ambiguous`` finding says which
    items it could be.

    ``pre`` is what the readers settled already, per table row (read.file.prelink): the item, or
    -2 with the candidates when several items of the row's own file have its 编号, or -1 when
    the file has none and the office must be searched here.
    """
    tables = {"adoptions": ledger.adoptions, "instructions": ledger.instructions}
    todo = {name: np.flatnonzero(t["item"].to_numpy() == -1) for name, t in tables.items()}
    if not any(len(p) for p in todo.values()):
        return
    subs = ledger.submissions
    sub_items = subs["item"].to_numpy()
    at = {int(i): k for k, i in enumerate(sub_items)} if not np.array_equal(sub_items, np.arange(len(subs))) else None
    pos = (lambda c: c) if at is None else at.__getitem__
    sub_files = _strings(subs["file"])

    # Every reference, adoptions first, each table in row order: what the readers settled.
    settled: list[int] = []
    several: dict[int, list[int]] = {}
    for name, rows in todo.items():
        if pre is not None and name in pre:
            link, amb = pre[name]
            for row in rows.tolist():
                v = int(link[row])
                if v == -2:
                    several[len(settled)] = amb[row]
                settled.append(v)
        else:
            settled.extend([-1] * len(rows))
    n = len(settled)
    candidates: list[list[int]] = [[c] if c >= 0 else several.get(r, []) for r, c in enumerate(settled)]
    open_refs = [r for r, c in enumerate(settled) if c == -1]
    cols = ("ref_item_no", "ref_title", "file", "office", "src", "sheet", "row", "column")

    def attributes(which: list[int]) -> dict[str, dict[int, object]]:
        """Columns of the references ``which`` (indices into the reference order)."""
        out: dict[str, dict[int, object]] = {c: {} for c in cols}
        start = 0
        for name, rows in todo.items():
            mine = [r for r in which if start <= r < start + len(rows)]
            if mine:
                t = tables[name].iloc[rows[[r - start for r in mine]]]
                for c in cols:
                    values = t[c].astype(object).tolist() if c in ("file", "office", "sheet") else t[c].tolist()
                    out[c].update(zip(mine, values))
            start += len(rows)
        return out

    if open_refs:
        _link_open(subs, sub_items, sub_files, pos, attributes(open_refs), open_refs, candidates)

    findings: list[dict] = []
    linked = np.full(n, -1, dtype=np.int64)
    ambiguous = [r for r, found in enumerate(candidates) if len(found) > 1]
    where = attributes(ambiguous) if ambiguous else None
    if ambiguous:
        sub_sheets, sub_rows = subs["sheet"].astype(object).to_numpy(), subs["row"].to_numpy()
    for r, found in enumerate(candidates):
        if len(found) == 1:
            linked[r] = found[0]
        elif found:
            places = sorted(pos(c) for c in found[:5])
            findings.append(dict(code="link.ambiguous", src=where["src"][r], file=str(where["file"][r]),
                                 sheet=where["sheet"][r], row=where["row"][r], column=where["column"][r],
                                 detail="、".join(f"{Path(sub_files(k)).name}!{sub_sheets[k]}!第{sub_rows[k]}行" for k in places)))
    start = 0
    for name, rows in todo.items():
        table = tables[name]
        items = table["item"].to_numpy().copy()
        items[rows] = linked[start:start + len(rows)]
        start += len(rows)
        table["item"] = items
    if findings:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(findings)], ignore_index=True)


def _link_open(subs: pd.DataFrame, sub_items: np.ndarray, sub_files, pos, refs: dict, open_refs: list[int],
               candidates: list[list[int]]) -> None:
    """Candidates of the references no reader settled (``open_refs``), into ``candidates``."""
    ref_files = {r: str(refs["file"][r]) for r in open_refs}
    ref_offices = {r: str(refs["office"][r]) for r in open_refs}
    nos = refs["ref_item_no"]
    tkeys = {r: (title_key(refs["ref_title"][r]) if refs["ref_title"][r] else "") for r in open_refs}
    sub_offices = _strings(subs["office"])
    sub_nos = subs["item_no"].to_numpy()
    sub_keys = subs["title_key"].to_numpy()

    def linkable(rows: np.ndarray) -> pd.DataFrame:
        """The submissions at ``rows`` (positions), with the columns linking looks at."""
        return pd.DataFrame({"item": sub_items[rows], "file": sub_files(rows), "item_no": sub_nos[rows],
                             "title_key": sub_keys[rows], "office": sub_offices(rows)})

    ref_frame = pd.DataFrame({"r": open_refs, "file": [ref_files[r] for r in open_refs],
                              "no": [nos[r] for r in open_refs], "tkey": [tkeys[r] for r in open_refs]})
    every = np.arange(len(subs))

    # By 编号: the same file first (a join over the files that have references), the rest within
    # their office.
    wanted_nos = {nos[r] for r in open_refs} - {""}
    near = linkable(np.flatnonzero(subs["file"].isin(set(ref_files.values())).to_numpy()))
    near = near[near["item_no"].isin(wanted_nos) & near["item_no"].astype(bool)]
    for r, items in _same_file(ref_frame[ref_frame["no"] != ""], near, "no", "item_no").items():
        candidates[r] = items
    rest = [r for r in open_refs if nos[r] and not candidates[r]]
    if rest:
        by_no = linkable(every)
        by_no = by_no[by_no["item_no"].isin(wanted_nos) & by_no["item_no"].astype(bool)]
        index = _by_office(by_no, "item_no", {nos[r] for r in rest})
        for r in rest:
            found = index.get((ref_offices[r], nos[r]))
            if found:
                candidates[r] = _nearest_in_office(found, ref_files[r], lambda c: sub_files(pos(c)))
    for r in open_refs:
        if len(candidates[r]) > 1 and tkeys[r]:
            candidates[r] = [c for c in candidates[r] if sub_keys[pos(c)] == tkeys[r]] or candidates[r]

    # By title, for references no item of their office has the 编号 of.
    todo_title = [r for r in open_refs if not candidates[r] and tkeys[r]]
    if todo_title:
        wanted = {tkeys[r] for r in todo_title}
        by_title = linkable(np.flatnonzero(pd.Series(sub_keys).isin(wanted).to_numpy() & sub_keys.astype(bool)))
        same_file = _same_file(ref_frame[ref_frame["r"].isin(todo_title)], by_title, "tkey", "title_key")
        rest = [r for r in todo_title if r not in same_file]
        index = _by_office(by_title, "title_key", {tkeys[r] for r in rest}) if rest else {}
        for r in todo_title:
            if r in same_file:
                candidates[r] = same_file[r]
            elif (found := index.get((ref_offices[r], tkeys[r]))):
                candidates[r] = _nearest_in_office(found, ref_files[r], lambda c: sub_files(pos(c)))


def _attribute(ledger: Ledger, rules: Rules, looks_unit: np.ndarray | None = None) -> None:
    """Mark unit authors and fill a missing 单位 from the sheet's 填报单位 or the file name.

    ``looks_unit`` is, per authors row, ``rules.looks_like_unit`` of its name as the readers
    judged it already; without it each distinct name is judged here."""
    authors, subs = ledger.authors, ledger.submissions
    roster = ledger.roster
    people = roster.person_names if roster else set()
    units = roster.unit_names if roster else set()
    if not authors.empty:
        if looks_unit is not None and len(looks_unit) == len(authors) and not people and not units:
            is_unit = looks_unit.copy()
        else:
            # Each distinct name is judged once; the rows take their name's answer by its code.
            codes, distinct = pd.factorize(authors["name"].to_numpy(), use_na_sentinel=False)
            if looks_unit is not None and len(looks_unit) == len(authors):
                in_units = np.array([n in units for n in distinct], dtype=bool)
                in_people = np.array([n in people for n in distinct], dtype=bool)
                is_unit = in_units[codes] | (~in_people[codes] & looks_unit) if len(distinct) else looks_unit.copy()
            else:
                judged = np.array([(n in units) or (n not in people and rules.looks_like_unit(n)) for n in distinct], dtype=bool)
                is_unit = judged[codes] if len(distinct) else np.zeros(len(authors), dtype=bool)
        authors["is_unit"] = is_unit
        subs["is_unit_item"] = _all_per_item(authors["item"].to_numpy(), is_unit, subs["item"])
    else:
        subs["is_unit_item"] = False
    if subs.empty:
        return
    missing = subs["unit"] == ""
    if missing.any():
        if not authors.empty:
            first_unit = authors[authors["is_unit"]].drop_duplicates("item").set_index("item")["name"]
        else:
            first_unit = pd.Series(dtype=object)
        fill = subs.loc[missing, "item"].map(first_unit).astype(object)
        by_sheet = {src: _sheet_unit(file, filed_by, units, rules)
                    for src, file, filed_by in zip(ledger.sheets["src"], ledger.sheets["file"], ledger.sheets["filed_by"])}
        fill = fill.fillna(subs.loc[missing, "src"].map(by_sheet))
        subs.loc[missing, "unit"] = fill.fillna("")


def _all_per_item(items: np.ndarray, flags: np.ndarray, sub_items: pd.Series) -> np.ndarray:
    """Per submission: whether it has authors and all its authors' ``flags`` are set."""
    positions = sub_items.to_numpy()
    if len(items) and np.all(items[1:] >= items[:-1]) and np.array_equal(positions, np.arange(len(positions))):
        # Authors come item by item: one reduce per run of the same item.
        starts = np.flatnonzero(np.r_[True, items[1:] != items[:-1]])
        out = np.zeros(len(positions), dtype=bool)
        out[items[starts]] = np.logical_and.reduceat(flags, starts)
        return out
    unit_only = pd.Series(flags).groupby(items).all()
    return sub_items.map(unit_only).eq(True).to_numpy()


def _sheet_unit(file: str, filed_by: str, units: set[str], rules: Rules) -> str | None:
    """The unit a sheet without a 单位 column belongs to (one file per unit): its 填报单位, or a
    roster unit named in the file name. Without a roster, a 填报单位 that names the office
    itself (…政协办公室, 信息科) is not a unit."""
    if units:
        if filed_by in units:
            return filed_by
        return next((u for u in sorted(units, key=len, reverse=True) if u and u in Path(file).stem), None)
    office = rules.data.get("office", {}).get("name", "")
    if not filed_by or filed_by == office or filed_by.endswith(("办公室", "信息科", "政协")):
        return None
    return filed_by
