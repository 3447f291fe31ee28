"""Sheets that repeat other sheets' rows: a 全年汇总 over the month sheets, a copied file.

Counted as they stand, every figure would double. A sheet is a *repeat* when most of its
rows (``SHARE``) are rows of other sheets of the same office and kind, and either it repeats
two or more sheets (a summary), its name says it is one (汇总, 全年), or it and one other
sheet repeat each other (a copy: the hidden one, else the one named as a summary, else the one in a
file named as a copy (… - 副本.xlsx, 复件 …, …(1).xlsx), else the later one is the repeat). Rows are the same when an item has the same title, authors and
date, or when a row of a separate 采用台账 records the same things about the same 编号/title.
On a repeat sheet, a row whose date could not be read (5日 in a 汇总 over month sheets), or dated in
the month of a row the other sheets left undated (the clerk wrote the day in the 汇总 only), repeats
the one row of the other sheets with its title and authors.

The repeated rows are set aside (``skipped``, reason ``repeat``, naming the row they repeat)
with their records, and one ``sheet.repeats`` finding says so; a row no other sheet has is
kept. The copies fill each other's blanks: an adoption the set-aside row records at a tier its twin
has none at (or its 批示, the twin having none) is the twin's, counted by its own day and said at
the row (``repeat.fills``); where they differ otherwise, that row is a ``repeat.differs``
finding: the twin's are counted, never silently.
"""
from __future__ import annotations

import ntpath

import pandas as pd

from ..records import Ledger, place
from .vocabulary import COPY_FILE_NAME, SUMMARY_SHEET_WORDS

SHARE = 0.8
_REFERENCING = ("adoptions", "forwards", "instructions")


def _item_rows(subs: pd.DataFrame) -> pd.DataFrame:
    """One row per item that could repeat another (its office has another item with its title and date):
    (src, row, office, key, item)."""
    subs = subs[(subs["title_key"] != "") & subs.duplicated(["office", "title_key", "date"], keep=False)]
    dates = subs["date"].dt.strftime("%Y%m%d").fillna("")
    authors = subs["authors"].map(lambda a: "、".join(sorted(a)))
    key = ("i\x1f" + subs["title_key"] + "\x1f" + authors + "\x1f" + dates).where(subs["title_key"] != "", "")
    return pd.DataFrame({"src": subs["src"], "row": subs["row"], "office": subs["office"], "key": key, "item": subs["item"]})


def _reference_rows(ledger: Ledger) -> pd.DataFrame:
    """One row per Excel row of a separate 采用/批示/上报台账: what it records, as one key."""
    parts = []
    for name in _REFERENCING:
        t = getattr(ledger, name)
        t = t[t["item"] == -1]
        # Only rows another row refers to the same item as can repeat it.
        t = t[t.duplicated(["office", "ref_item_no", "ref_title"], keep=False)]
        if t.empty:
            continue
        what = t["body"] if "body" in t else t["leader"]
        dates = t["date"].dt.strftime("%Y%m%d").fillna("")
        parts.append(pd.DataFrame({"src": t["src"], "row": t["row"], "office": t["office"],
                                   "part": name[0] + t["ref_item_no"] + "\x1f" + t["ref_title"] + "\x1f" + what + "\x1f" + dates}))
    if not parts:
        return pd.DataFrame(columns=["src", "row", "office", "key", "item"])
    rows = pd.concat(parts, ignore_index=True)
    rows = rows.groupby(["src", "row", "office"], sort=False)["part"].agg(lambda p: "\x1e".join(sorted(p))).reset_index()
    return rows.rename(columns={"part": "key"}).assign(item=-1)


def set_aside_repeats(ledger: Ledger) -> None:
    """Find repeat sheets and set their repeated rows aside (see the module docstring)."""
    if ledger.sheets["src"].nunique() < 2:
        return
    info = ledger.sheets.set_index("src")
    dropped: list[tuple[int, int, int, tuple | None]] = []  # (src, excel row, item or -1, twin (src, row, item))
    findings: list[dict] = []
    for rows in (_item_rows(ledger.submissions), _reference_rows(ledger)):
        rows = rows[rows["key"] != ""]
        for office, group in rows.groupby("office", sort=False):
            _repeats_in(group, info, dropped, findings)
    repeats = {f["src"]: f for f in findings if f["code"] == "sheet.repeats"}
    _undated_repeats(ledger.submissions, repeats, info, dropped)
    _numbered_repeats(ledger, repeats, dropped, findings)
    if dropped:
        _drop(ledger, dropped, findings)
        _kept_rows_of_repeats(ledger, findings)


def _kept_rows_of_repeats(ledger: Ledger, findings: list[dict]) -> None:
    """A row of a repeat sheet that no other sheet has (a title or author written otherwise in the
    汇总, an item only it records, or a row of a copied 采用台账 that the original lacks) is counted, and
    said at its cell (``repeat.unique``)."""
    repeated = ledger.skipped.loc[ledger.skipped["reason"] == "repeat", "src"].value_counts()
    kept = _own_rows(ledger)
    own = kept["src"].value_counts()
    # Only a sheet that is mostly repeats (a copy), is named a summary (全年汇总) or is in a file named as a
    # copy (报送台账(1).xlsx, saved before rows of the original were corrected or added): one that shares a
    # few items is no summary.
    info = ledger.sheets.set_index("src")
    sheets = {s for s in {f["src"] for f in findings if f["code"] == "sheet.repeats"}
              if repeated.get(s, 0) >= SHARE * (repeated.get(s, 0) + own.get(s, 0)) or _summary_name(info, s)
              or _copy_name(info, s)}
    kept = kept[kept["src"].isin(sheets)]
    if kept.empty:
        return
    column = ledger.column_letter(kept["src"], "title").fillna("")
    rows = pd.DataFrame({"code": "repeat.unique", "src": kept["src"].to_numpy(), "row": kept["row"].to_numpy(),
                         "column": column.to_numpy(), "value": kept["title"].to_numpy(), "detail": ""})
    rows["file"] = rows["src"].map(info["file"])
    rows["sheet"] = rows["src"].map(info["sheet"])
    table = ledger.findings
    ledger.findings = pd.concat([table, rows.reindex(columns=table.columns).astype(table.dtypes.to_dict())], ignore_index=True)


def _own_rows(ledger: Ledger) -> pd.DataFrame:
    """Each Excel row still counted, one per row: (src, row, title) of the items, and of the rows of a separate
    采用/批示/上报台账 (not yet linked: item -1), by the title they name."""
    parts = [ledger.submissions[["src", "row", "title"]]]
    for name in _REFERENCING:
        t = getattr(ledger, name)
        parts.append(t.loc[t["item"] == -1, ["src", "row", "ref_title"]].rename(columns={"ref_title": "title"}))
    return pd.concat(parts, ignore_index=True).drop_duplicates(["src", "row"])


def _repeats_in(group: pd.DataFrame, info: pd.DataFrame, dropped: list, findings: list) -> None:
    """The repeats among one office's sheets of one kind. Only rows whose key stands in two or
    more sheets are looked at row by row: an archive without repeats costs one groupby."""
    totals = group["src"].value_counts()
    if len(totals) < 2:
        return
    spread = group.groupby("key")["src"].nunique()
    shared_keys = spread.index[spread.to_numpy() > 1]
    if not len(shared_keys):
        return
    shared = group[group["key"].isin(set(shared_keys))]
    by_sheet, partners, candidates = _candidates(shared, totals, info)
    set_aside: set[int] = set()
    for s in candidates:
        others = [t for t in by_sheet if t != s and t not in set_aside]
        kept_keys = set().union(*(by_sheet[t] for t in others)) if others else set()
        rows = shared[(shared["src"] == s) & shared["key"].isin(kept_keys)]
        if rows.empty:
            continue
        # Set aside as the repeat: no other sheet's rows are then taken for repeats of its rows.
        set_aside.add(s)
        _set_aside_rows(s, rows, shared[shared["src"].isin(others)], dropped)
        names = {_sheet_name(info, t, s) for t in partners[s]}
        findings.append(dict(code="sheet.repeats", src=s, row=None, column="", value=str(info.at[s, "sheet"]),
                             detail=_repeats_detail(len(rows), names), rows=len(rows), names=names))


def _candidates(shared: pd.DataFrame, totals: pd.Series, info: pd.DataFrame) -> tuple[dict, dict, list]:
    """Each sheet's shared keys, the sheets it shares them with, and the sheets that may be repeats
    (most of their rows shared), the most likely first: hidden, named as a summary, in a file named as a
    copy (报送台账 - 副本.xlsx), repeating most sheets, later."""
    sheets_of_key = shared.groupby("key")["src"].agg(set)
    by_sheet = {s: set(g["key"]) for s, g in shared.groupby("src")}
    partners = {s: set().union(*(sheets_of_key[k] for k in ks)) - {s} for s, ks in by_sheet.items()}
    share = {s: len(shared[shared["src"] == s]) / totals[s] for s in by_sheet}
    candidates = [s for s in by_sheet if share[s] >= SHARE and _repeat_like(s, partners, info)]
    candidates.sort(key=lambda s: (not info.at[s, "hidden"], not _summary_name(info, s), not _copy_name(info, s),
                                   -len(partners[s]), -s))
    return by_sheet, partners, candidates


def _set_aside_rows(s: int, rows: pd.DataFrame, others: pd.DataFrame, dropped: list) -> None:
    """Sheet ``s``'s ``rows`` set aside, each with its twin among the ``others`` (the first with its key)."""
    twins = others[others["key"].isin(set(rows["key"]))].drop_duplicates("key").set_index("key")
    for r, item, key in zip(rows["row"], rows["item"], rows["key"]):
        twin = twins.loc[key]
        dropped.append((s, int(r), int(item), (int(twin["src"]), int(twin["row"]), int(twin["item"]))))


def _sheet_name(info: pd.DataFrame, t: int, s: int) -> str:
    """Sheet ``t`` named from sheet ``s``: by sheet, and by file too when another file holds it
    (台账(1).xlsx!2025年)."""
    same_file = info.at[t, "file"] == info.at[s, "file"]
    return str(info.at[t, "sheet"]) if same_file else f"{ntpath.basename(str(info.at[t, 'file']))}!{info.at[t, 'sheet']}"


def _repeats_detail(n: int, names: set[str]) -> str:
    return f"{n} 行(重复“{'”“'.join(sorted(names))}”中的记录)"


def _undated_repeats(subs: pd.DataFrame, repeats: dict[int, dict], info: pd.DataFrame, dropped: list) -> None:
    """A row of a repeat sheet whose own date could not be read (5日 in a 汇总 that names no month: the
    month's sheet read it as a day of its month) repeats the one row of the other sheets with its
    title and authors: set aside with the sheet's other repeats, its twin named, not an item left out
    for its date. (Two rows there with that title and those authors: no twin; the row stays, said.)"""
    if not repeats:
        return
    on_repeat = subs["src"].isin(set(repeats)).to_numpy()
    undated = subs[on_repeat & (subs["title_key"].to_numpy() != "")]
    # One its twin's date could not be read either (2月30日 in both) was set aside with its key already: once.
    done = {(src, row) for src, row, _, _ in dropped}
    undated = undated[[(int(s), int(r)) not in done for s, r in zip(undated["src"], undated["row"])]]
    if undated.empty:
        return
    others = subs[~on_repeat & subs["title_key"].isin(set(undated["title_key"])).to_numpy()]
    key = lambda t: t["office"] + "\x1f" + t["title_key"] + "\x1f" + t["authors"].map(lambda a: "、".join(sorted(a)))
    twins = others.assign(key=key(others)).drop_duplicates("key", keep=False).set_index("key")
    for src, row, item, date, k in zip(undated["src"], undated["row"], undated["item"], undated["date"], key(undated)):
        if k not in twins.index or not _date_unknown(date, twins.loc[k]):
            continue
        twin = twins.loc[k]
        dropped.append((int(src), int(row), int(item), (int(twin["src"]), int(twin["row"]), int(twin["item"]))))
        said = repeats[src]
        said["rows"] += 1
        said["names"].add(_sheet_name(info, int(twin["src"]), int(src)))
        said["detail"] = _repeats_detail(said["rows"], said["names"])


def _numbered_repeats(ledger: Ledger, repeats: dict[int, dict], dropped: list, findings: list) -> None:
    """A row of a repeat sheet whose 编号 and authors are those of one row of the sheets not set aside, its
    title or its date alone written otherwise (the one copy corrected after the other was saved: a backup
    报送台账(1).xlsx of the quarter), is that row again: set aside with the sheet's other repeats, its twin
    counted, said at the cell that differs (``repeat.written_otherwise``). Title and date both otherwise: kept."""
    subs = ledger.submissions
    if not repeats or subs.empty:
        return
    numbers = subs["item_no"].fillna("").astype(str).str.strip()
    on_repeat = subs["src"].isin(set(repeats)).to_numpy()
    done = {(src, row) for src, row, _, _ in dropped}
    rest = subs[on_repeat & (numbers != "").to_numpy()]
    rest = rest[[(int(s), int(r)) not in done for s, r in zip(rest["src"], rest["row"])]]
    if rest.empty:
        return
    key = lambda t: t["office"] + "\x1f" + numbers[t.index] + "\x1f" + t["authors"].map(lambda a: "、".join(sorted(a)))
    others = subs[~on_repeat & numbers.isin(set(numbers[rest.index])).to_numpy()]
    twins = others.assign(key=key(others)).drop_duplicates("key", keep=False).set_index("key")
    info = ledger.sheets.set_index("src")
    for (_, row), k in zip(rest.iterrows(), key(rest)):
        field = _written_otherwise(row, twins.loc[k]) if k in twins.index else None
        if field is None:
            continue
        twin = twins.loc[k]
        src = int(row["src"])
        dropped.append((src, int(row["row"]), int(row["item"]), (int(twin["src"]), int(twin["row"]), int(twin["item"]))))
        said = repeats[src]
        said["rows"] += 1
        said["names"].add(_sheet_name(info, int(twin["src"]), src))
        said["detail"] = _repeats_detail(said["rows"], said["names"])
        findings.append(_written_otherwise_said(ledger, info, row, twin, field))


def _written_otherwise_said(ledger: Ledger, info: pd.DataFrame, row, twin, field: str) -> dict:
    """``repeat.written_otherwise`` at the cell of ``row`` that differs, naming its twin's cell and text."""
    letter = lambda s: ledger.column_letter(pd.Series([int(s)]), field).iloc[0] or None
    shown = lambda r: str(r["title"]) if field == "title" else _date_shown(r)
    t_src = int(twin["src"])
    where = place(info.at[t_src, "file"], info.at[t_src, "sheet"], int(twin["row"]), letter(t_src))
    return dict(code="repeat.written_otherwise", src=int(row["src"]), row=int(row["row"]), column=letter(row["src"]) or "",
                value=shown(row), detail=f"{where}(写作“{shown(twin)}”)")


def _written_otherwise(row, twin) -> str | None:
    """The one field (``title`` or ``date``) a row of a copy writes otherwise than its twin of the same 编号 and
    authors; None when both or neither differ."""
    title = row["title_key"] != twin["title_key"]
    date = pd.notna(row["date"]) and pd.notna(twin["date"]) and row["date"] != twin["date"]
    if title == date:
        return None
    return "title" if title else "date"


def _date_shown(r) -> str:
    text = r["date_text"]
    return text.strip() if isinstance(text, str) and text.strip() else r["date"].strftime("%Y-%m-%d")


def _date_unknown(date, twin) -> bool:
    """Whether a repeat row's date leaves it the twin's: its own not read, or the twin's not written
    (a month sheet's row with its 日期 blank, taken as the month's; the 汇总 gives its day) and the
    repeat's in that month."""
    if pd.isna(date):
        return True
    text = twin["date_text"]
    unwritten = pd.notna(twin["date"]) and not (isinstance(text, str) and text.strip())
    return unwritten and (date.year, date.month) == (twin["date"].year, twin["date"].month)


def _repeat_like(s: int, partners: dict[int, set[int]], info: pd.DataFrame) -> bool:
    if len(partners[s]) >= 2 or _summary_name(info, s):
        return True
    # One partner: a pair of copies only if the partner repeats nothing else either.
    return len(partners[s]) == 1 and len(partners[next(iter(partners[s]))]) == 1


def _summary_name(info: pd.DataFrame, s: int) -> bool:
    return any(w in str(info.at[s, "sheet"]) for w in SUMMARY_SHEET_WORDS)


def _copy_name(info: pd.DataFrame, s: int) -> bool:
    """Whether sheet ``s`` is in a file whose name says it is a copy (``COPY_FILE_NAME``)."""
    stem = ntpath.basename(str(info.at[s, "file"])).rsplit(".", 1)[0]
    return bool(COPY_FILE_NAME.search(stem))


def _records(ledger: Ledger, items: set[int]) -> dict[int, tuple[list[str], int]]:
    """Per item: the tiers it was adopted at and how many instructions it has."""
    ad = ledger.adoptions[ledger.adoptions["item"].isin(items)]
    tiers = ad.dropna(subset=["tier"]).groupby("item")["tier"].agg(lambda t: sorted(map(str, t)))
    counts = ledger.instructions.loc[ledger.instructions["item"].isin(items), "item"].value_counts()
    return {i: (tiers.get(i, []), int(counts.get(i, 0))) for i in items}


def _fill_twins(ledger: Ledger, twin_of: dict[int, int], records: dict[int, tuple[list[str], int]]) -> dict[int, str]:
    """The copies of one item fill each other's blanks: an adoption a set-aside copy records at a tier its twin
    has none at (its 2025 adoption, written on the row entered again in 2025), and its 批示 when the twin has
    none, are the twin's, counted by their own days and cells. Per set-aside item: what it gave, as said."""
    moved: dict[int, list[str]] = {}
    ad = ledger.adoptions
    lacking = [twin_of.get(i, -1) >= 0 and pd.notna(t) and str(t) not in records[twin_of[i]][0]
               for i, t in zip(ad["item"], ad["tier"])]
    if any(lacking):
        at = pd.Series(lacking, index=ad.index)
        for item, tier in zip(ad.loc[at, "item"], ad.loc[at, "tier"]):
            moved.setdefault(int(item), []).append(f"{tier}采用")
        ad.loc[at, "item"] = ad.loc[at, "item"].map(twin_of)
    ins = ledger.instructions
    lacking = ins["item"].map(lambda i: i in twin_of and records[i][1] > 0 and records[twin_of[i]][1] == 0)
    if lacking.any():
        for item, n in ins.loc[lacking, "item"].value_counts().items():
            moved.setdefault(int(item), []).append(f"批示 {n} 件")
        ins.loc[lacking, "item"] = ins.loc[lacking, "item"].map(twin_of)
    return {item: "、".join(what) for item, what in moved.items()}


def _said_of_copy(mine: tuple[list[str], int], twin: tuple[list[str], int], filled: str | None) -> dict | None:
    """What a set-aside row says beside its twin: what it gave the twin (``repeat.fills``), else how the
    two differ (``repeat.differs``), else nothing."""
    if filled:
        return dict(code="repeat.fills", detail=filled)
    if mine == twin:
        return None
    show = lambda r: f"采用 {'、'.join(r[0]) or '无'},批示 {r[1]} 件"
    return dict(code="repeat.differs", detail=f"本行:{show(mine)};原表:{show(twin)}")


def _carried_over(ledger: Ledger, info: pd.DataFrame, dropped: list[tuple]) -> dict[int, str]:
    """The set-aside items that are last year's carried into this year's book (a row of the 2026 sheet dated
    2025-12-28, its twin on the 2025 sheet: entered again in January to record its 2026 adoption or 批示), each
    with the year it was sent in: the office's way of keeping its items across the year, no copy to remove (a
    sheet named as a 汇总, or in a file named as a copy, is one still). Per item, that year (``repeat.carried_over``)."""
    dates = dict(zip(ledger.submissions["item"], ledger.submissions["date"]))
    year = lambda src: info.at[src, "year"]
    out: dict[int, str] = {}
    for src, _, item, (t_src, _, _) in dropped:
        sent = dates.get(item)
        if item < 0 or pd.isna(sent) or pd.isna(year(src)) or pd.isna(year(t_src)) or _summary_name(info, src) or _copy_name(info, src):
            continue  # a 汇总 or a copied file is a copy, whatever its rows' years
        if sent.year == int(year(t_src)) < int(year(src)):
            out[item] = str(sent.year)
    return out


def _drop(ledger: Ledger, dropped: list[tuple], findings: list[dict]) -> None:
    """Take the set-aside rows (and their records) out; record the skipped rows and findings."""
    info = ledger.sheets.set_index("src")
    items = {item for _, _, item, _ in dropped if item >= 0}
    twin_of = {item: twin[2] for _, _, item, twin in dropped if item >= 0}
    records = _records(ledger, items | set(twin_of.values()))
    filled = _fill_twins(ledger, twin_of, records)
    carried = _carried_over(ledger, info, dropped)
    skipped = []
    for src, row, item, (t_src, t_row, t_item) in dropped:
        where = place(info.at[t_src, "file"], info.at[t_src, "sheet"], t_row)
        skipped.append(dict(src=src, row=row, reason="repeat", detail=where))
        if item in carried:
            gave = filled.get(item)
            findings.append(dict(src=src, row=row, column="", value=where, code="repeat.carried_over",
                                 detail=f"是{carried[item]}年报送、在本年台账中续记的"
                                 + (f",本行记有的{gave}已作为该条信息的记录计入(按本行所写日期)" if gave else "")))
        elif item >= 0 and (said := _said_of_copy(records[item], records[t_item], filled.get(item))):
            findings.append(dict(src=src, row=row, column="", value=where, **said))
    # A sheet whose every set-aside row is carried over is the new year's book, no copy: no sheet.repeats.
    copies = {src for src, _, item, _ in dropped if item not in carried}
    findings[:] = [f for f in findings if f["code"] != "sheet.repeats" or f["src"] in copies]
    for name in ("submissions", "authors", *_REFERENCING):
        table = getattr(ledger, name)
        setattr(ledger, name, table[~table["item"].isin(items)].reset_index(drop=True))
    references = {(src, row) for src, row, item, _ in dropped if item < 0}
    if references:
        for name in _REFERENCING:
            table = getattr(ledger, name)
            at = pd.Series(list(zip(table["src"], table["row"])), index=table.index).isin(references) & (table["item"] == -1)
            setattr(ledger, name, table[~at].reset_index(drop=True))
    for attr, rows in (("skipped", skipped), ("findings", findings)):
        extra = pd.DataFrame(rows)
        extra["file"] = extra["src"].map(info["file"])
        extra["sheet"] = extra["src"].map(info["sheet"])
        table = getattr(ledger, attr)
        setattr(ledger, attr, pd.concat([table, extra.reindex(columns=table.columns).astype(table.dtypes.to_dict())], ignore_index=True))
    counts = ledger.submissions.groupby("src").size()
    ledger.sheets["items"] = ledger.sheets["src"].map(counts).fillna(0).astype("int64")
