"""read_ledgers: files and folders in, one Ledger of record tables out.

Every file is read on its own: a file that cannot be read is listed in
``Ledger.files`` with the reason and the others go on. Adoptions and
instructions kept in a separate 采用台账 are linked to their items by 编号,
failing that by normalised title.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..records import (
    ADOPTION_COLUMNS,
    AUTHOR_COLUMNS,
    FILE_COLUMNS,
    FINDING_COLUMNS,
    INSTRUCTION_COLUMNS,
    SHEET_COLUMNS,
    SUBMISSION_COLUMNS,
    Ledger,
    Roster,
    empty,
)
from ..rules import Rules, load_rules
from .headers import find_layout
from .roster import roster_from_sheets
from .safety import UnreadableFile
from .values import split_authors, title_key
from .sheet import SheetContext, SheetReader, Tables, col_letter, fill_merged_down, sheet_context
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


def _progress(items: list, desc: str):
    """A tqdm bar on a terminal; silent under cron and CI."""
    if len(items) > 1 and sys.stderr.isatty() and not os.environ.get("CI"):
        from tqdm import tqdm

        return tqdm(items, desc=desc, unit="个文件", leave=False)
    return items


def _dates(values: list) -> np.ndarray:
    """datetime.date/None list → datetime64[ns] array (NaT for None), without per-value parsing."""
    ords = np.fromiter((d.toordinal() if d is not None else 0 for d in values), dtype=np.int64, count=len(values))
    days = (ords - 719163).astype("datetime64[D]")
    days[ords == 0] = np.datetime64("NaT")
    return days.astype("datetime64[ns]")


INT_COLUMNS = {"item", "position", "src", "row"}
CATEGORY_COLUMNS = {"file", "sheet", "date_status", "origin", "tier", "level"}


def _frame(columns: dict[str, list], names: list[str], date_cols=("date",), id_column: str | None = None) -> pd.DataFrame:
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
        elif name in date_cols:
            data[name] = _dates(values)
        elif name in INT_COLUMNS:
            data[name] = np.fromiter(values, dtype=np.int64, count=n)
        elif name == "issue_no":
            data[name] = pd.array(values, dtype="Int64")
        else:
            data[name] = np.fromiter(values, dtype=object, count=n)
    df = pd.DataFrame(data, copy=False)
    for c in CATEGORY_COLUMNS & set(names):
        df[c] = df[c].astype("category")
    return df


def read_ledgers(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    roster: str | os.PathLike | Roster | None = None,
    year: int | None = None,
    rules: Rules | str | os.PathLike | None = None,
) -> Ledger:
    """Read ledgers (files or folders; .xlsx/.xlsm/.xls/.ods) into a :class:`Ledger`.

    ``roster`` is a 名册 workbook (or a Roster already read); roster sheets found
    among the ledgers are used too. ``year`` is the ledgers' year where titles,
    sheet and file names do not say it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(rules, Rules):
        rules = load_rules(rules, year=year)
    files = discover(paths)
    tables = Tables()
    sheet_rows: list[dict] = []
    file_rows: list[dict] = []
    roster_grids = []
    if roster is not None and not isinstance(roster, Roster):
        roster, roster_failures = _read_roster_file(Path(roster), rules)
        file_rows.extend(roster_failures)

    for path in _progress(files, "读取台账"):
        name = str(path)
        try:
            wb = open_workbook(path)
        except UnreadableFile as exc:
            file_rows.append(dict(file=name, format=path.suffix.lstrip("."), status="failed", code=exc.code, message=exc.message, sheet=None))
            continue
        except OSError as exc:
            file_rows.append(dict(file=name, format="", status="failed", code="file.unreadable", message=f"无法打开文件:{exc}", sheet=None))
            continue
        found = 0
        for grid in wb.sheets:
            layout = find_layout(grid.rows, grid.merges, rules.tier_of)
            if layout is None:
                continue
            found += 1
            if layout.kind in ("people", "units"):
                roster_grids.append((name, grid, layout))
                continue
            src = len(sheet_rows)
            ctx = sheet_context(src, name, grid.name, grid.rows, layout, year)
            fill_merged_down(grid.rows, grid.merges, layout.header_bottom + 1)
            SheetReader(layout, ctx, rules, tables).read(grid.rows, grid.formula_cells)
            sheet_rows.append(_sheet_row(ctx, layout, grid.hidden))
        for exc in wb.refused:
            file_rows.append(dict(file=name, format=wb.format, status="failed", code=exc.code, message=exc.message, sheet=exc.sheet))
        if not found and not wb.refused:
            names = "、".join(g.name for g in wb.sheets) or "无"
            file_rows.append(dict(
                file=name, format=wb.format, status="failed", code="file.no_ledger",
                message=f"未找到可识别的台账工作表(工作表:{names});表头应含“标题”及“日期/作者/单位”等列", sheet=None,
            ))
        elif not wb.refused:
            file_rows.append(dict(file=name, format=wb.format, status="ok", code=None, message=None, sheet=None))

    if roster_grids:
        roster = _merge_rosters(roster, roster_from_sheets(roster_grids))
    ledger = Ledger(
        submissions=_frame(tables.submissions, SUBMISSION_COLUMNS),
        authors=empty(AUTHOR_COLUMNS),
        adoptions=_frame(tables.adoptions, ADOPTION_COLUMNS, id_column="adoption"),
        instructions=_frame(tables.instructions, INSTRUCTION_COLUMNS, id_column="instruction"),
        sheets=pd.DataFrame(sheet_rows, columns=SHEET_COLUMNS),
        files=pd.DataFrame(file_rows, columns=FILE_COLUMNS),
        findings=_frame(tables.findings, FINDING_COLUMNS, date_cols=()),
        roster=roster if roster else None,
        year=year or _common_year(sheet_rows),
    )
    ledger.authors = _authors(ledger.submissions, rules)
    _link(ledger)
    _attribute(ledger, rules)
    return ledger


def _sheet_row(ctx: SheetContext, layout, hidden: bool) -> dict:
    columns = {f: col_letter(c) for f, c in layout.fields.items()}
    return dict(
        src=ctx.src, file=ctx.file, sheet=ctx.sheet, kind=layout.kind, header_row=layout.header_top + 1,
        year=ctx.year, filed_by=ctx.filed_by, columns=columns, hidden=hidden,
    )


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


def _common_year(sheet_rows: list[dict]) -> int | None:
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
    return roster_from_sheets(grids), []


def _merge_rosters(a: Roster | None, b: Roster) -> Roster:
    if not a:
        return b
    return Roster(
        people=pd.concat([a.people, b.people], ignore_index=True).drop_duplicates("name"),
        units=pd.concat([a.units, b.units], ignore_index=True).drop_duplicates("unit"),
    )


# ---------------------------------------------------------------- linking

def _link(ledger: Ledger) -> None:
    """Give adoption/instruction rows of a separate 采用台账 their item: by 编号, else by title.

    An 编号 or title that fits several items is not guessed: the row stays
    unlinked and a ``link.ambiguous`` finding says which items it could be.
    """
    unlinked = [t.index[t["item"] == -1] for t in (ledger.adoptions, ledger.instructions)]
    if not any(len(u) for u in unlinked):
        return
    subs = ledger.submissions
    by_no: dict[str, list[int]] = {}
    for item, no in zip(subs["item"], subs["item_no"]):
        if no:
            by_no.setdefault(no, []).append(item)
    by_title: dict[str, list[int]] = {}
    for item, key in zip(subs["item"], subs["title_key"]):
        if key:
            by_title.setdefault(key, []).append(item)
    title_key_of = dict(zip(subs["item"], subs["title_key"]))
    extra_findings: list[dict] = []
    for table, todo in zip((ledger.adoptions, ledger.instructions), unlinked):
        items = table["item"].to_numpy().copy()
        for i in todo:
            no, title = table.at[i, "ref_item_no"], table.at[i, "ref_title"]
            tkey = title_key(title) if title else ""
            candidates = by_no.get(no, []) if no else []
            if len(candidates) > 1 and tkey:
                candidates = [c for c in candidates if title_key_of[c] == tkey] or candidates
            if not candidates and tkey:
                candidates = by_title.get(tkey, [])
            if len(candidates) == 1:
                items[table.index.get_loc(i)] = candidates[0]
            elif len(candidates) > 1:
                extra_findings.append(dict(
                    code="link.ambiguous", src=table.at[i, "src"], file=table.at[i, "file"], sheet=table.at[i, "sheet"],
                    row=table.at[i, "row"], column=table.at[i, "column"],
                    detail="、".join(f"{subs.at[c, 'file'].rsplit('/', 1)[-1]}!{subs.at[c, 'sheet']}!第{subs.at[c, 'row']}行" for c in candidates[:5]),
                ))
        table["item"] = items
    if extra_findings:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(extra_findings)], ignore_index=True)


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
        if units:
            by_sheet = {}
            for src, file, filed_by in zip(ledger.sheets["src"], ledger.sheets["file"], ledger.sheets["filed_by"]):
                stem = Path(file).stem
                by_sheet[src] = filed_by if filed_by in units else next((u for u in units if u and u in stem), None)
            fill = fill.fillna(subs.loc[missing, "src"].map(by_sheet))
        subs.loc[missing, "unit"] = fill.fillna("")
