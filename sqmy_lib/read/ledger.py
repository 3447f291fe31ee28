"""read_ledgers: files and folders in, one Ledger of record tables out.

Every file is read on its own: a file that cannot be read is listed in
``Ledger.files`` with the reason and the others go on. Adoptions and
instructions kept in a separate 采用台账 are linked to their items by 编号,
failing that by normalised title.
"""
from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..records import FILE_COLUMNS, SHEET_COLUMNS, Ledger, Roster
from ..rules import Rules, load_rules
from .headers import find_layout
from .roster import roster_from_sheets
from .safety import UnreadableFile
from .file import FileResult, gc_paused, merge_results, read_file
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


def _progress(items, desc: str, total: int | None = None):
    """A tqdm bar on a terminal; silent under cron and CI."""
    total = total if total is not None else len(items)
    if total > 1 and sys.stderr.isatty() and not os.environ.get("CI"):
        from tqdm import tqdm

        return tqdm(items, desc=desc, unit="个文件", total=total, leave=False)
    return items


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
    _link(ledger)
    _attribute(ledger, rules)
    return ledger


def _set_office(ledger: Ledger, office_of: dict[str, str]) -> None:
    """The ``office`` column of the record tables: the office each row's file belongs to ('' in a one-office read)."""
    names = sorted(set(office_of.values()) | {""})
    for table in (ledger.submissions, ledger.adoptions, ledger.instructions):
        files = table["file"].astype(object)
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
    if n == 1:
        return [read_file(p, r, year) for p, r in _progress(list(zip(files, per_file)), "读取台账")]
    from concurrent.futures import ProcessPoolExecutor

    read = functools.partial(read_file, year=year)
    with ProcessPoolExecutor(max_workers=n) as pool:
        # map keeps file order, so the merged result is the serial one.
        return list(_progress(pool.map(read, files, per_file, chunksize=1), "读取台账", total=len(files)))


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

def _nearest(candidates: list[int], file: str, files: dict[int, str], office: str, offices: dict[int, str]) -> list[int]:
    """Candidates of the same office only; among them the same file, else the same folder, else all:
    each office numbers its own items."""
    candidates = [c for c in candidates if offices[c] == office]
    same_file = [c for c in candidates if files[c] == file]
    if same_file:
        return same_file
    folder = os.path.dirname(file)
    return [c for c in candidates if os.path.dirname(files[c]) == folder] or candidates


def _link(ledger: Ledger) -> None:
    """Give adoption/instruction rows of a separate 采用台账 their item: by 编号, else by title.

    An 编号 or title that fits several items is not guessed: the row stays
    unlinked and a ``link.ambiguous`` finding says which items it could be.
    """
    todo = {name: t[t["item"] == -1] for name, t in (("adoptions", ledger.adoptions), ("instructions", ledger.instructions))}
    if not any(len(t) for t in todo.values()):
        return
    refs = pd.concat([t[["ref_item_no", "ref_title"]] for t in todo.values()])
    wanted_keys = {title_key(x) for x in refs["ref_title"] if x}
    subs = ledger.submissions
    # Only items whose 编号 or title some reference names take part: small dicts, fast.
    cand = subs[subs["item_no"].isin(set(refs["ref_item_no"]) - {""}) | subs["title_key"].isin(wanted_keys)]
    by_no: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    for item, no, key in zip(cand["item"], cand["item_no"], cand["title_key"]):
        if no:
            by_no.setdefault(no, []).append(item)
        if key:
            by_title.setdefault(key, []).append(item)
    key_of = dict(zip(cand["item"], cand["title_key"]))
    file_of = dict(zip(cand["item"], cand["file"].astype(str)))
    office_of = dict(zip(cand["item"], cand["office"].astype(str)))
    findings: list[dict] = []
    for name, rows in todo.items():
        table = getattr(ledger, name)
        items = table["item"].to_numpy().copy()
        positions = table.index.get_indexer(rows.index)
        for pos, no, title, file, office, src, sheet, row, col in zip(
            positions, rows["ref_item_no"], rows["ref_title"], rows["file"].astype(str), rows["office"].astype(str),
            rows["src"], rows["sheet"], rows["row"], rows["column"]
        ):
            tkey = title_key(title) if title else ""
            candidates = _nearest(by_no[no], file, file_of, office, office_of) if no in by_no else []
            if len(candidates) > 1 and tkey:
                candidates = [c for c in candidates if key_of[c] == tkey] or candidates
            if not candidates and tkey in by_title:
                candidates = _nearest(by_title[tkey], file, file_of, office, office_of)
            if len(candidates) == 1:
                items[pos] = candidates[0]
            elif candidates:
                places = subs.loc[subs["item"].isin(candidates[:5]), ["file", "sheet", "row"]]
                findings.append(dict(code="link.ambiguous", src=src, file=file, sheet=sheet, row=row, column=col,
                                     detail="、".join(f"{Path(f).name}!{sh}!第{r}行" for f, sh, r in places.itertuples(index=False))))
        table["item"] = items
    if findings:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(findings)], ignore_index=True)


def _attribute(ledger: Ledger, rules: Rules) -> None:
    """Mark unit authors and fill a missing 单位 from the sheet's 填报单位 or the file name."""
    authors, subs = ledger.authors, ledger.submissions
    roster = ledger.roster
    people = roster.person_names if roster else set()
    units = roster.unit_names if roster else set()
    if not authors.empty:
        names = authors["name"]
        cache = {n: (n in units) or (n not in people and rules.looks_like_unit(n)) for n in names.unique()}
        authors["is_unit"] = names.map(cache).astype(bool)
        unit_only = authors.groupby("item")["is_unit"].all()
        subs["is_unit_item"] = subs["item"].map(unit_only).eq(True)
        first_unit = authors[authors["is_unit"]].drop_duplicates("item").set_index("item")["name"]
    else:
        subs["is_unit_item"] = False
        first_unit = pd.Series(dtype=object)
    if subs.empty:
        return
    missing = subs["unit"] == ""
    if missing.any():
        fill = subs.loc[missing, "item"].map(first_unit).astype(object)
        by_sheet = {src: _sheet_unit(file, filed_by, units, rules)
                    for src, file, filed_by in zip(ledger.sheets["src"], ledger.sheets["file"], ledger.sheets["filed_by"])}
        fill = fill.fillna(subs.loc[missing, "src"].map(by_sheet))
        subs.loc[missing, "unit"] = fill.fillna("")


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
