"""Linking the rows of a separate 采用/批示/上报台账 to their items, in one pass.

A reference row names its item by 编号, failing that by title. Candidates are the items of
the same office only (each office numbers its own items): those of the same file first,
else of the same folder, else any. Several candidates with the reference's title narrow to
those. One candidate links; several is a ``link.ambiguous`` finding naming them, never a
guess. A title that matches no item exactly is tried once more without a list number before it
or a short bracket after it (``1、关于…``, ``关于…（王五）``): a link so made is said
(``link.loose``). None leaves the row unlinked (``item`` -1), which validation reports.

Once linked, one 批示 written on several rows (the same leader and day on each 采用台账 row of
its item, or in the item's row and again in a 批示台账) is one 批示: the later rows are said
(``instruction.repeated``) and not counted again; one cell that names it twice gives two. The
copy kept takes every field it leaves blank from the other (承办单位, 办结时间 of the 批示台账; 落实情况
of the item's row); a leader written by name alone is the one written with post and name of the same
item (and day); follow-up texts that differ are the 批示台账's, said (``instruction.copies_differ``).

An item's 是否采用 is read against the adoptions so linked to it (:func:`flags_against_records`): a yes
confirms them, a no beside them is said.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from typing import Callable

import numpy as np
import pandas as pd

from ..records import Ledger, place
from ..rules.leaders import leader_key, leader_person, names_no_post, one_leader, post_fits
from ..rules.placement import same_organ_key
from ..zh import zh_date
from .values import NO_YEAR, OK, abridges, has_year, loose_title_key, parse_date, title_key, worded_title_key

_REFERENCING = ("adoptions", "forwards", "instructions")
# (file, body) → the organ the body names under the rules its file was read with (``Placement.organ_key``).
OrganKey = Callable[[str, str], str]
# (file, body) → whether the body names a level and no organ (``Placement.says_level_only``).
LevelOnly = Callable[[str, str], bool]


def link_references(ledger: Ledger) -> None:
    """Give every unlinked row of the referencing tables its item (see the module docstring)."""
    refs = []
    for name in _REFERENCING:
        t = getattr(ledger, name)
        open_rows = t.index[t["item"].to_numpy() == -1]
        if len(open_rows):
            part = t.loc[open_rows, ["ref_item_no", "ref_title", "ref_author", "file", "office", "src", "sheet", "row", "column"]].copy()
            part["table"], part["at"] = name, open_rows
            refs.append(part)
    if not refs:
        return
    refs = pd.concat(refs, ignore_index=True)
    refs["ref"] = np.arange(len(refs))
    refs["tkey"] = refs["ref_title"].map(lambda t: title_key(t) if t else "")
    subs = ledger.submissions[["item", "item_no", "seq", "title_key", "file", "office", "sheet", "row", "src"]]

    by_no = _narrow(_pairs(refs[refs["ref_item_no"] != ""], subs[subs["item_no"] != ""], "ref_item_no", "item_no"))
    by_no, said_mismatch, by_title_over_no = _title_over_number(by_no, subs, ledger)
    rest = refs[~refs["ref"].isin(by_no["ref"]) & (refs["tkey"] != "")]
    by_title = _pairs(rest, subs[subs["title_key"] != ""], "tkey", "title_key")
    found = pd.concat([by_no, _narrow(by_title)], ignore_index=True)
    loose = _loose_pairs(refs[~refs["ref"].isin(found["ref"]) & (refs["tkey"] != "")], ledger.submissions)
    found = pd.concat([found, loose], ignore_index=True) if len(loose) else found
    # 编号 written another way (3, 第3号, 2025003 for 2025-003): tried last, and said.
    numbered = _number_form_pairs(refs[~refs["ref"].isin(found["ref"]) & (refs["ref_item_no"] != "")], subs)
    found = pd.concat([found, numbered], ignore_index=True) if len(numbered) else found
    by_seq = _seq_pairs(refs[~refs["ref"].isin(found["ref"]) & (refs["ref_item_no"] != "")], subs)
    found = pd.concat([found, by_seq], ignore_index=True) if len(by_seq) else found
    found = _by_author(found, ledger)
    sizes = found.groupby("ref")["item"].transform("size")
    single = found[sizes == 1]
    linked = pd.Series(single["item"].to_numpy(), index=single["ref"].to_numpy())
    for name in _REFERENCING:
        mine = refs[refs["table"] == name]
        if mine.empty:
            continue
        items = mine["ref"].map(linked).fillna(-1).astype("int64").to_numpy()
        table = getattr(ledger, name)
        values = table["item"].to_numpy().copy()
        values[table.index.get_indexer(mine["at"])] = items
        table["item"] = values
    said = loose[loose["ref"].isin(single["ref"])]
    columns = ledger.column_letter(said["src"], "title").fillna(said["column"])  # at the title it was matched by
    rows = [dict(code=r.how, src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=col,
                 value=r.ref_title, detail=r.title) for r, col in zip(said.itertuples(), columns)]
    rows += said_mismatch
    rows += [dict(code="link.number_form", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                  value=r.ref_item_no, detail=r.item_no) for r in numbered[numbered["ref"].isin(single["ref"])].drop_duplicates(["src", "row"]).itertuples()]
    rows += _linked_by_seq(by_seq[by_seq["ref"].isin(single["ref"]) & (by_seq["tkey"] == "")], ledger)
    rows += _other_years(single[single["ref"].isin(by_no["ref"]) | single["ref"].isin(numbered["ref"]) | single["ref"].isin(by_seq["ref"])],
                         ledger, by_title_over_no)
    rows += _authors_differ(refs, linked, ledger)
    rows += _ambiguous(found[sizes > 1], refs, set(by_no["ref"]) | set(numbered["ref"]) | set(by_seq["ref"]), ledger)
    if rows:
        # Once per cell: a row that records an adoption and two 批示 (县委书记王强、县长李明) links three
        # records by one title or 编号.
        found = pd.DataFrame(rows).drop_duplicates(["code", "src", "row", "column", "value", "detail"])
        ledger.findings = pd.concat([ledger.findings, found.reindex(columns=ledger.findings.columns)], ignore_index=True)


def _ambiguous(several: pd.DataFrame, refs: pd.DataFrame, numbered: set, ledger: Ledger) -> list[dict]:
    """``link.ambiguous`` for each reference with several candidates, at the cell it was matched by: its
    编号 (``numbered``: matched by number), else its title; the record's own cell where the sheet has neither."""
    if several.empty:
        return []
    rows = []
    for ref, group in several.groupby("ref"):
        r = refs.iloc[ref]
        by_number = ref in numbered
        column = ledger.column_letter(pd.Series([r["src"]]), "item_no" if by_number else "title").iloc[0]
        detail = "、".join(place(f, s, row) for f, s, row in zip(group["file_item"], group["sheet_item"], group["row_item"]))
        rows.append(dict(code="link.ambiguous", src=r["src"], file=r["file"], sheet=r["sheet"], row=r["row"],
                         column=column if isinstance(column, str) and column else r["column"],
                         value=r["ref_item_no"] if by_number else r["ref_title"], detail=detail))
    return rows


def _by_author(found: pd.DataFrame, ledger: Ledger) -> pd.DataFrame:
    """A reference with several candidates whose 作者 names exactly one of them (two items titled alike, by
    张三 and by 王五; the 采用台账 row writes 王五): that one. Naming none or several, they stay several."""
    sizes = found.groupby("ref")["item"].transform("size")
    several = found[(sizes > 1) & (found["ref_author"] != "")]
    if several.empty:
        return found
    subs = ledger.submissions.set_index("item")
    names = ledger.authors[ledger.authors["item"].isin(set(several["item"]))].groupby("item")["name"].agg(set)
    named = np.array([_names_author(w, names.get(i, set()), subs.at[i, "author_text"], subs.at[i, "unit"])
                      for w, i in zip(several["ref_author"], several["item"])], dtype=bool)
    hits = several[named]
    chosen = hits[hits.groupby("ref")["item"].transform("size") == 1]
    return pd.concat([found[~found["ref"].isin(chosen["ref"])], chosen], ignore_index=True)


def _names_author(written: str, names: set, text: str, unit: str) -> bool:
    """Whether a reference row's 作者 names an item's author (one of its ``names``, its author cell's
    ``text`` whole) or its ``unit``."""
    from .attribute import unit_key

    written = "".join(unicodedata.normalize("NFKC", written).split())
    return (any(n and n in written for n in names) or bool(text) and "".join(text.split()) in written
            or bool(unit) and unit_key(written) == unit_key(unit))


def _authors_differ(refs: pd.DataFrame, linked: pd.Series, ledger: Ledger) -> list[dict]:
    """A 采用台账 row whose 作者 names none of its item's authors (宋六 for the 报送台账's 宋三), nor its unit:
    linked by its 编号 or title all the same (the item's authors and unit are counted), said once per row —
    the link may be to another item, or one ledger misspells the name."""
    refs = refs[(refs["ref_author"] != "") & refs["ref"].isin(linked.index)].drop_duplicates(["src", "row"])
    if refs.empty:
        return []
    subs = ledger.submissions.set_index("item")
    names = ledger.authors.groupby("item")["name"].agg(set)
    rows = []
    for r, column in zip(refs.itertuples(), ledger.column_letter(refs["src"], "author").fillna(refs["column"])):
        item = int(linked[r.ref])
        text, unit = subs.at[item, "author_text"], subs.at[item, "unit"]
        own = names.get(item, set())
        if not text or _names_author(r.ref_author, own, text, unit):
            continue
        rows.append(dict(code="link.author_differs", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=column,
                         value=r.ref_author, detail=f"{place(subs.at[item, 'file'], subs.at[item, 'sheet'], subs.at[item, 'row'])},作者“{text}”"))
    return rows


def _title_over_number(by_no: pd.DataFrame, subs: pd.DataFrame, ledger: Ledger) -> tuple[pd.DataFrame, list[dict], set]:
    """References whose 编号 names an item of another title (an 采用台账's own running number under
    编号): the item their title names when it names exactly one, else the 编号's; said either way, at
    the 编号. A title that is the 编号's item's title abridged (加快白沙河沿岸生态修复, as the city printed
    it) agrees with it, even where it is another item's whole title (last year's): the 编号 stands.
    Also returns the references moved to their title's item."""
    if by_no.empty:
        return by_no, [], set()
    other = (by_no["tkey"] != "") & (by_no["title_key"] != "") & (by_no["tkey"] != by_no["title_key"])
    mismatched = by_no[other & (by_no.groupby("ref")["item"].transform("size") == 1)]
    mismatched = mismatched[mismatched["tkey"].map(loose_title_key) != mismatched["title_key"].map(loose_title_key)]
    mismatched = mismatched[[not abridges(a, b) for a, b in zip(mismatched["tkey"], mismatched["title_key"])]]
    if mismatched.empty:
        return by_no, [], set()
    refs = mismatched[[c for c in mismatched.columns if not c.endswith("_item")]].drop(
        columns=["item", "item_no", "title_key", "near"], errors="ignore")
    titled = _narrow(_pairs(refs, subs[subs["title_key"] != ""], "tkey", "title_key"))
    by_title = titled[titled.groupby("ref")["item"].transform("size") == 1]
    rows = []
    # Said once per row: a row that records an adoption and two 批示 names its item three times.
    said = mismatched.drop_duplicates(["src", "row"])
    for r, column in zip(said.itertuples(), ledger.column_letter(said["src"], "item_no").fillna(said["column"])):
        t = by_title[by_title["ref"] == r.ref]
        detail = (f"编号对应{place(r.file_item, r.sheet_item, r.row_item)},标题对应{place(t.iloc[0].file_item, t.iloc[0].sheet_item, t.iloc[0].row_item)},已按标题计入"
                  if len(t) else f"编号对应{place(r.file_item, r.sheet_item, r.row_item)}(标题不同),已按编号计入")
        rows.append(dict(code="link.number_mismatch", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=column,
                         value=r.ref_item_no, detail=detail))
    kept = by_no[~by_no["ref"].isin(by_title["ref"])]
    return pd.concat([kept, by_title], ignore_index=True), rows, set(by_title["ref"])


def _number_key(number: str) -> str:
    """An 编号 without the forms around its number: ``2025-003``, ``2025003``, ``第3号``, ``003`` → ``3``."""
    m = _NUMBER_FORM.fullmatch(number)
    return str(int(m[1])) if m else ""


def _number_form_pairs(refs: pd.DataFrame, subs: pd.DataFrame) -> pd.DataFrame:
    """References linked by their 编号 written another way — only where they give no title of their
    own, or the item's (a 采用台账 numbering its own rows 1, 2, 3 with rewritten titles links to nothing)."""
    if refs.empty:
        return refs.iloc[:0]
    refs = refs.assign(nkey=refs["ref_item_no"].map(_number_key))
    subs = subs.assign(nkey=subs["item_no"].map(_number_key))
    pairs = _pairs(refs[refs["nkey"] != ""], subs[subs["nkey"] != ""], "nkey", "nkey")
    if len(pairs):
        pairs = pairs[(pairs["tkey"] == "") | (pairs["tkey"] == pairs["title_key"])]
    return _narrow(pairs) if len(pairs) else pairs


def _seq_pairs(refs: pd.DataFrame, subs: pd.DataFrame) -> pd.DataFrame:
    """References whose number (报送编号 2, 原序号 2) is the 序号 of an item of a sheet with no 编号 column
    (domain.md §3: 序号/编号 name one thing), narrowed as any: two files numbering their items 1, 2, 3 give
    several, said. Only where they give no title of their own, or the item's."""
    numbers = refs["ref_item_no"].map(lambda n: str(int(n)) if n.isdigit() and len(n) <= 4 else "")
    refs = refs.assign(nkey=numbers)[numbers != ""]
    if refs.empty:
        return refs
    pairs = _pairs(refs, subs[subs["seq"] != ""], "nkey", "seq")
    if len(pairs):
        pairs = pairs[(pairs["tkey"] == "") | (pairs["tkey"] == pairs["title_key"])]
    return _narrow(pairs) if len(pairs) else pairs


def _linked_by_seq(linked: pd.DataFrame, ledger: Ledger) -> list[dict]:
    """A reference with no title linked by the 序号 of an item ledger with no 编号 column: said, as the
    number may be the referencing sheet's own running number (a 采用登记 numbering its rows 1, 2, 3)."""
    if linked.empty:
        return []
    columns = ledger.column_letter(linked["src"], "item_no").fillna(linked["column"])
    return [dict(code="link.by_seq", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=col, value=r.ref_item_no,
                 detail=place(r.file_item, r.sheet_item, r.row_item)) for r, col in zip(linked.itertuples(), columns)]


def _other_years(linked: pd.DataFrame, ledger: Ledger, by_title: set) -> list[dict]:
    """Links by 编号 to an item of another year's ledger than the reference's (a 2025 采用台账's 2 linked
    to 2024's 2): kept, and said. So is a link that followed the title over the 编号 (``by_title``: the
    references :func:`_title_over_number` moved) to another year's item."""
    year = pd.Series(ledger.sheets["year"].to_numpy(), index=ledger.sheets["src"].to_numpy())
    if linked.empty or "src_item" not in linked:
        return []
    mine, theirs = linked["src"].map(year), linked["src_item"].map(year)
    # The row's own title naming the item confirms the link (an item of December adopted in January, in
    # the next year's 采用台账), unless its 编号 named another item; said once a row, not for each of its
    # records (采用 and 批示).
    moved = linked["ref"].isin(by_title)
    confirmed = (linked["tkey"] != "") & (linked["tkey"] == linked["title_key"]) & ~moved
    other = linked[mine.notna() & theirs.notna() & (mine != theirs) & ~confirmed].drop_duplicates(["src", "row", "item"])
    return [dict(code="link.other_year", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                 value=r.ref_item_no, detail=_other_year_detail(r, int(year[r.src_item]), r.ref in by_title))
            for r in other.itertuples()]


def _other_year_detail(r, year: int, by_title: bool) -> str:
    """Where the other year's item is; for a link by title over the 编号, that the title named it."""
    where = f"{year}年的信息({place(r.file_item, r.sheet_item, r.row_item)})"
    return f"本年的信息,而标题“{r.ref_title}”对应的是{where}" if by_title else where


_NUMBER_FORM = re.compile(r"(?:第)?(?:(?:19|20)\d{2}\s*[-_./年]?\s*(?=\d{3}))?0*(\d{1,4})(?:号)?")


def _loose_pairs(refs: pd.DataFrame, submissions: pd.DataFrame) -> pd.DataFrame:
    """The references no 编号 or exact title linked, matched by :func:`loose_title_key` against the
    items of their offices, then those still unmatched by :func:`worded_title_key` (关于…的建议 against
    …的几点建议), narrowed as any (each with the item's title and ``how`` it matched: the finding's code)."""
    if refs.empty:
        return refs.iloc[:0]
    subs = submissions[submissions["office"].isin(set(refs["office"]))][["item", "item_no", "file", "office", "sheet", "row", "title"]]
    found = []
    for how, key in (("link.loose", loose_title_key), ("link.wording", worded_title_key)):  # the finding it makes
        rest = refs[~refs["ref"].isin(found[0]["ref"])] if found else refs
        rest = rest.assign(tkey=rest["ref_title"].map(key))
        rest = rest[rest["tkey"] != ""]
        if rest.empty:
            continue
        items = subs.assign(title_key=subs["title"].map(key))
        pairs = _pairs(rest, items[items["title_key"] != ""], "tkey", "title_key")
        if len(pairs):
            found.append(_narrow(pairs).assign(how=how))
    return pd.concat(found, ignore_index=True) if found else refs.iloc[:0]


def _pairs(refs: pd.DataFrame, subs: pd.DataFrame, ref_key: str, item_key: str) -> pd.DataFrame:
    """(reference, candidate item) pairs of one office by one key: in the reference's own file
    where it has any there, else across the office. (编号 restart in every file: joining every
    reference to every 001 of a province would make millions of pairs that ``_narrow`` drops.)"""
    suffixes = ("", "_item")
    in_file = refs.merge(subs, left_on=["office", "file", ref_key], right_on=["office", "file", item_key], suffixes=suffixes)
    in_file["file_item"] = in_file["file"]
    others = refs[~refs["ref"].isin(in_file["ref"])]
    wide = others.merge(subs, left_on=["office", ref_key], right_on=["office", item_key], suffixes=suffixes)
    return pd.concat([in_file, wide], ignore_index=True) if len(in_file) and len(wide) else (wide if len(wide) else in_file)


def dates_from_issues(ledger: Ledger, organ_key: OrganKey | None = None) -> None:
    """An adoption with its issue but no day (县政协编发 第14期, 日期 left blank) whose issue another row dates
    (第14期 2025-10-16): of that day, said at its cell (``date.from_issue``); it was dated by its item's
    收稿日期, the issue counted in two quarters. Only one day for that body's issue, on or after the
    item's 收稿日期 and within half a year of it (an issue number of another year is another issue).
    ``organ_key``: (file, body) → the organ it names (:func:`_organs`)."""
    t = ledger.adoptions
    issued = t["issue_no"].notna().to_numpy() & t["tier"].notna().to_numpy() & (t["item"].to_numpy() != -1)
    undated = issued & t["date"].isna().to_numpy()
    dated = issued & t["date"].notna().to_numpy()
    if not undated.any() or not dated.any():
        return
    rows = t[issued]
    key = rows["tier"].astype(str) + "|" + _organs(rows, organ_key) + "|" + rows["issue_no"].astype("int64").astype(str)
    by = rows[dated[issued]].assign(_k=key[dated[issued]])
    one_day = by.groupby("_k")["date"].nunique()
    by = by[by["_k"].isin(one_day.index[one_day == 1])].drop_duplicates("_k").set_index("_k")
    wanted = rows[undated[issued]].assign(_k=key[undated[issued]])
    wanted = wanted[wanted["_k"].isin(by.index)]
    if wanted.empty:
        return
    day = wanted["_k"].map(by["date"])
    item = wanted["item"].map(ledger.submissions.set_index("item")["date"])
    ok = item.notna() & (day >= item) & (day <= item + pd.Timedelta(days=183))
    wanted, day = wanted[ok], day[ok]
    t.loc[wanted.index, "date"] = day
    t.loc[wanted.index, "date_status"] = "ok"
    found = [dict(code="date.from_issue", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                  value=f"第{int(r.issue_no)}期", detail=f"{place(b.file, b.sheet, b.row)}写明的{zh_date(d)}")
             for r, d, b in zip(wanted.itertuples(), day, by.loc[wanted["_k"]].itertuples())]
    if found:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)],
                                    ignore_index=True)


_DAY_FIELD = {"adoptions": "adopted_on", "forwards": "forwarded_on", "instructions": "instructed_on"}


def _after_item(day: pd.Timestamp, item: pd.Timestamp) -> pd.Timestamp | None:
    """The month and day of ``day`` in the year that puts it on or after ``item`` (a day up to a month before
    it stays in the item's year); None for 29 February in a year without one."""
    try:
        same = day.replace(year=item.year)
        return same if same >= item - pd.Timedelta(days=31) else same.replace(year=item.year + 1)
    except ValueError:
        return None


def _narrow(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per reference, the nearest candidates (same file, else folder, else office), then those
    with its title when several remain; at most five kept for the message."""
    if pairs.empty:
        return pairs
    same_file = pairs["file"].to_numpy() == pairs["file_item"].to_numpy()
    folder = {f: os.path.dirname(f) for f in set(pairs["file"]) | set(pairs["file_item"])}
    same_folder = pairs["file"].map(folder).to_numpy() == pairs["file_item"].map(folder).to_numpy()
    pairs = pairs.assign(near=np.where(same_file, 0, np.where(same_folder, 1, 2)))
    pairs = pairs[pairs["near"] == pairs.groupby("ref")["near"].transform("min")]
    titled = (pairs["tkey"] != "") & (pairs["tkey"] == pairs["title_key"])
    has_titled = titled.groupby(pairs["ref"]).transform("any")
    pairs = pairs[titled | ~has_titled | (pairs.groupby("ref")["item"].transform("size") == 1)]
    return pairs.sort_values(["ref", "item"]).groupby("ref").head(5)


def _days_without_a_year(t: pd.DataFrame, of_item: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """The records' days, and which are bare: for a day written without its year on a sheet that gives none (one sheet kept
    through a 届 with a 年度 column: 采用 1月12日 beside an item of 2025年 11月20日), its month and day in its
    item's year, to be placed after the item and said as any day read in the ledger's year is (it was an
    error, ``adoption.date_invalid``, the adoption left out of every figure)."""
    day = t["date"]
    bare = ((t["date_status"] == NO_YEAR) & day.isna() & of_item.notna()).to_numpy()
    if not bare.any():
        return day, bare
    def in_items_year(text, item) -> pd.Timestamp:
        parsed = parse_date(text, 2000)  # 2000: 2月29日 is a day
        if parsed.status != OK:
            return pd.NaT
        try:
            return pd.Timestamp(parsed.date.replace(year=item.year))
        except ValueError:
            return pd.NaT
    day = day.copy()
    day[bare] = [in_items_year(x, i) for x, i in zip(t.loc[bare, "date_text"], of_item[bare])]
    return day.astype("datetime64[ns]"), bare


def dates_after_their_items(ledger: Ledger) -> None:
    """An adoption, 上报 or 批示 day written without its year (12.30, 1月5日) is the first such day on or after
    its item's 收稿日期 (2024-12-20: 2024-12-30; 2025-12-20: 2026-01-05), said at its cell when that is not
    the year it was read in (``date.year_read``); read in the ledger's year it was a year off, counted and
    paid in the wrong year. A day up to a month before the item (5.30 for an item of 6月3日) stays in the
    item's year, a slip ``adoption.before_item`` says, not eleven months on."""
    subs = ledger.submissions
    if subs.empty:
        return
    item_day = subs.set_index("item")["date"]
    found = []
    for table in ("adoptions", "forwards", "instructions"):
        t = getattr(ledger, table)
        if t.empty:
            continue
        of_item = t["item"].map(item_day)
        day, bare = _days_without_a_year(t, of_item)
        off = (day.notna() & of_item.notna()).to_numpy().copy()
        off[off] = ((day[off].dt.year != of_item[off].dt.year) | (day[off] < of_item[off])).to_numpy()
        off[off] = ~t.loc[off, "date_text"].map(has_year).to_numpy(dtype=bool)
        off |= bare & day.notna().to_numpy()
        if not off.any():
            continue
        placed = pd.Series([_after_item(d, i) for d, i in zip(day[off], of_item[off])], index=t.index[off], dtype="datetime64[ns]")
        moved = placed.notna() & ((placed != day[off]) | pd.Series(bare[off], index=placed.index))
        if not moved.any():
            continue
        rows = t.loc[moved[moved].index]
        t.loc[rows.index, "date"] = placed[moved]
        t.loc[rows.index, "date_status"] = OK  # a day with no year on a sheet that gives none: its item's gives it
        # The day's own cell: the 采用日期 (上报日期, 批示日期) column where the sheet has one, else the record's.
        cells = ledger.column_letter(rows["src"], _DAY_FIELD[table]).fillna(rows["column"])
        found += [dict(code="date.year_read", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=c,
                       value=r.date_text, detail=f"按该信息收稿日期({i.year}年{i.month}月{i.day}日)之后的{m.year}年{m.month}月{m.day}日读取")
                  for r, m, i, c in zip(rows.itertuples(), placed[moved], of_item[rows.index], cells)]
    if found:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)],
                                    ignore_index=True)


def merge_repeated_instructions(ledger: Ledger, words: tuple[str, ...], organ_key: OrganKey | None = None,
                                level_only: LevelOnly | None = None) -> None:
    """One 批示 per (item, leader, day): a repeat on another row is dropped and said (see the module
    docstring); ``words``: the rules' post words (one leader written two ways, ``rules.leaders``);
    ``organ_key``: (file, body) → the organ it names, one adoption's two records (:func:`_organs`);
    ``level_only``: (file, body) → whether it names a level alone (:func:`_merge_level_words`)."""
    _merge_unnamed_copies(ledger, words)
    _merge_undated_copies(ledger, "instructions", "instruction.repeated",
                          lambda t: [t["item"], _leader_keys(t, ["item"], words)], t_ok=lambda t: t["leader"] != "")
    _merge_undated_copies(ledger, "adoptions", "adoption.repeated",
                          lambda t: [t["item"], t["tier"].astype(object), _organs(t, organ_key)],
                          t_ok=lambda t: t["tier"].notna(), same=_same_issue)
    _merge_dated_adoptions(ledger, organ_key)
    if level_only is not None:
        _merge_level_words(ledger, level_only)
    _merge_repeated_forwards(ledger)
    instr = ledger.instructions
    named = instr[(instr["item"].to_numpy() != -1) & (instr["leader"].to_numpy() != "")]
    if len(named) < 2:
        return
    # The copy kept is the one on a row that dates an adoption (a 采用台账 row), when the other gives no day
    # either: an undated 批示 there is of that adoption's day (compute.counted), not of the item's 收稿日期.
    ad = ledger.adoptions
    dated_rows = set(zip(ad.loc[ad["date"].notna(), "src"], ad.loc[ad["date"].notna(), "row"]))
    if dated_rows:
        on_dated_row = pd.Series([(s, r) in dated_rows for s, r in zip(named["src"], named["row"])], index=named.index)
        named = named.loc[on_dated_row.sort_values(ascending=False, kind="stable").index]
    key = [named["item"], _leader_keys(named, ["item", "date"], words), named["date"]]
    # Written again in another cell: a repeat. Twice in one cell (市长李某某批示2次) is two 批示.
    cell = named["src"].astype(str) + ":" + named["row"].astype(str) + ":" + named["column"].astype(str)
    repeated = cell != cell.groupby(key, dropna=False, sort=False).transform("first")
    if not repeated.any():
        return
    keys = pd.Series(list(zip(*key)), index=named.index)
    first_at = pd.Series(named.index[~repeated.to_numpy()], index=keys[~repeated].to_numpy())
    first_at = first_at[~first_at.index.duplicated()]
    rows, kept = [], []
    for at, r in named[repeated].iterrows():
        k = keys[at]
        f = named.loc[first_at[k]] if k in first_at.index else None
        detail = place(f["file"], f["sheet"], f["row"]) if f is not None else ""
        rows.append(dict(code="instruction.repeated", src=r["src"], file=r["file"], sheet=r["sheet"], row=r["row"],
                         column=r["column"], value=r["leader"], detail=detail))
        if f is not None:
            kept.append((first_at[k], at))
    rows += _combine_copies(ledger, instr, kept)
    ledger.instructions = instr.drop(index=named.index[repeated.to_numpy()]).reset_index(drop=True)
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(rows).reindex(columns=ledger.findings.columns)],
                                ignore_index=True)


def _merge_unnamed_copies(ledger: Ledger, words: tuple[str, ...]) -> None:
    """A 批示 on the item's own row that names no one (区长批示, 获区领导批示, 已批示, √) beside one a 批示台账
    (any row naming the item by 编号 or title) records for the item by post and name (区长刘志远 2025-06-10)
    is that one when the post fits (:func:`post_fits`), the levels agree and the days do not differ: one
    批示, the 台账's, said at the row's cell (``instruction.repeated``) and each copy filling the other's
    blanks. Each 台账 批示 is one of the row's at most: a row naming more (获区委书记、区长批示 beside one
    台账 row for 区长) keeps the others. (Counted apart, the row's copy was a second 批示, undated, 未反馈.)"""
    t = ledger.instructions
    linked = t[t["item"].to_numpy() != -1]
    named = linked["leader"].map(lambda leader: bool(leader_person(leader, words)))
    booked, own = linked[_registered(linked) & named], linked[~_registered(linked) & ~named]
    own = own[own["item"].isin(set(booked["item"]))]
    if own.empty:
        return
    # The row's posts pick first, then its 领导 and blanks (区长 before 区领导).
    own = own.assign(_any=own["leader"].map(names_no_post)).sort_values("_any", kind="stable")
    fits = lambda r: [k for k, b in booked[booked["item"] == r["item"]].iterrows() if _same_instruction(r, b, words)]
    pairs = _one_each(own, fits)
    for k, d in pairs:
        if pd.isna(t.at[k, "date"]) and pd.notna(t.at[d, "date"]):
            for fld in ("date", "date_text", "date_status"):
                t.at[k, fld] = t.at[d, fld]
    found = _combine_copies(ledger, t, pairs)
    _drop_copies(ledger, "instructions", "instruction.repeated", pairs, lambda k, d: t.at[d, "leader"] or t.at[k, "leader"], found)


def _registered(t: pd.DataFrame) -> pd.Series:
    """Rows of a separate 采用/批示台账: they name their item by 编号 or title."""
    return (t["ref_item_no"] != "") | (t["ref_title"] != "")


def _one_each(own: pd.DataFrame, fits: Callable[[pd.Series], list]) -> list[tuple]:
    """(booked, own) index pairs: each ``own`` row, in order, with the first booked row that ``fits`` it
    and no earlier own row took."""
    taken: set = set()
    pairs = []
    for d, r in own.iterrows():
        k = next((k for k in fits(r) if k not in taken), None)
        if k is not None:
            taken.add(k)
            pairs.append((k, d))
    return pairs


def _drop_copies(ledger: Ledger, table: str, code: str, pairs: list[tuple], value, found: list[dict] = ()) -> None:
    """Drop each pair's own copy, said at its cell (``code``, naming the booked row; ``value(k, d)``)."""
    if not pairs:
        return
    t = getattr(ledger, table)
    found = [*found, *(dict(code=code, src=t.at[d, "src"], file=t.at[d, "file"], sheet=t.at[d, "sheet"], row=t.at[d, "row"],
                            column=t.at[d, "column"], value=value(k, d), detail=place(t.at[k, "file"], t.at[k, "sheet"], t.at[k, "row"]))
                       for k, d in pairs)]
    setattr(ledger, table, t.drop(index=[d for _, d in pairs]).reset_index(drop=True))
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)], ignore_index=True)


def _same_instruction(own: pd.Series, booked: pd.Series, words: tuple[str, ...]) -> bool:
    """Whether a 批示 naming no one on the item's row may be a 批示台账's of its item (see
    :func:`_merge_unnamed_copies`): the post fits, the levels agree, the days do not differ."""
    if not post_fits(own["leader"], booked["leader"], words):
        return False
    if pd.notna(own["level"]) and pd.notna(booked["level"]) and own["level"] != booked["level"]:
        return False
    return pd.isna(booked["date"]) or bool(_days_agree(own, pd.Series([booked["date"]])).iloc[0])


def _days_agree(own: pd.Series, days: pd.Series) -> pd.Series:
    """Whether a record of the item's row may be of each of ``days``: it gives none, or the same day (the
    same month, when it gives a month or a 旬 only)."""
    if pd.isna(own["date"]):
        return pd.Series(True, index=days.index)
    if own["date_status"] == "ok":
        return days == own["date"]
    return days.dt.to_period("M") == own["date"].to_period("M")


def flags_against_records(ledger: Ledger) -> None:
    """An item's 是否采用 read against the adoptions linked to the item from other rows (a 采用台账 of the
    same or another file): a yes that names no body was read as an adoption whose body is unknown; beside
    them it confirms them, and is not counted again (its cell is theirs). A no (否, 待定) beside them is
    said at the flag (``mark.flag_conflict``); they are counted. A yes with no adoption elsewhere stays
    (``adoption.no_body``: adopted, by whom not written)."""
    t = ledger.adoptions
    linked = t["item"].to_numpy() != -1
    bare_flag = linked & _bare_yes(ledger, t) & (t["body"].to_numpy() == "") & t["tier"].isna().to_numpy()
    recorded = t[linked & ~bare_flag]
    if recorded.empty:
        return
    confirmed = bare_flag & t["item"].isin(set(recorded["item"])).to_numpy()
    if confirmed.any():
        ledger.adoptions = t[~confirmed].reset_index(drop=True)
    subs = ledger.submissions
    denied = subs[(subs["not_adopted_flag"].to_numpy() != "") & subs["item"].isin(set(recorded["item"])).to_numpy()]
    if denied.empty:
        return
    first = recorded.drop_duplicates("item").set_index("item")
    count = recorded.groupby("item").size()
    columns = ledger.column_letter(denied["src"], "adopted_flag")
    found = [dict(code="mark.flag_conflict", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=col,
                  value=r.not_adopted_flag, detail=_records_at(first.loc[r.item], count[r.item]))
             for r, col in zip(denied.itertuples(), columns)]
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)], ignore_index=True)


def notes_against_records(ledger: Ledger, vocab) -> None:
    """An item's 备注 that says it was not adopted (退稿, 未采用) or not yet (待定), on a row recording no
    adoption, read against the adoptions linked to the item from other rows (a 采用台账): they are counted
    as recorded and the contradiction is said at the 备注 (``adoption.note_against_record``), as one beside
    an adoption on its own row is (``adoption.note_denies``). ``vocab``: the rules' ``marks.Vocabulary``."""
    from .marks import NOTHING_NOTED

    t, subs = ledger.adoptions, ledger.submissions
    if t.empty or subs.empty:
        return
    own_row = dict(zip(subs["item"], zip(subs["src"], subs["row"])))
    on_row = [own_row.get(i) == (s, r) for i, s, r in zip(t["item"], t["src"], t["row"])]
    linked = t[(t["item"].to_numpy() != -1) & ~np.array(on_row, dtype=bool)]
    noted = subs[subs["item"].isin(set(linked["item"]) - set(t.loc[on_row, "item"])).to_numpy()
                 & (subs["note"].astype(str).str.strip() != "").to_numpy()]
    found = []
    for r, col in zip(noted.itertuples(), ledger.column_letter(noted["src"], "note")):
        records = linked[linked["item"].to_numpy() == r.item]
        if NOTHING_NOTED.fullmatch(r.note) or not (said := vocab.note_denies(vocab.read_text(r.note), set(records["tier"]))):
            continue
        found.append(dict(code="adoption.note_against_record", src=r.src, file=r.file, sheet=r.sheet, row=r.row,
                          column=col, value=r.note, detail=f"{said},但{_records_at(records.iloc[0], len(records))}记有该信息的采用"))
    if found:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)],
                                    ignore_index=True)


def _bare_yes(ledger: Ledger, t: pd.DataFrame) -> np.ndarray:
    """Which adoptions are a yes alone: a 是否采用 mark, or a 采用情况 cell saying adopted and nothing of
    where, which issue or when (√, 已采用: the same yes under another header). Not a 采用级别 code no
    legend explains (said at it: ``adoption.level_code``)."""
    flag = t["origin"].to_numpy() == "flag"
    text = (t["origin"].to_numpy() == "text_column") & t["issue_no"].isna().to_numpy() & (t["date_status"].to_numpy() == "missing")
    if text.any():
        level_column = ledger.column_letter(t["src"], "adoption_level").to_numpy()
        text &= level_column != t["column"].to_numpy()
    return flag | text


def _records_at(first: pd.Series, n: int) -> str:
    """Where an item's adoptions are written: 台账.xlsx!采用台账!第2行, with 等 3 条 when there are more."""
    where = place(first["file"], first["sheet"], first["row"])
    return where if n == 1 else f"{where} 等 {n} 条"


def _merge_repeated_forwards(ledger: Ledger) -> None:
    """An item sent up to one level and line once (报市政协 in the item's row, 市政协 2025-04-02 in a 上报台账;
    3月5日报市政协 and 4月10日市政协采用 in one 上报及采用情况 cell): one 上报, the earliest dated; the others
    dropped and said (``forward.repeated``). Each was a 上报 in its own quarter, the item sent up twice."""
    t = ledger.forwards
    ok = (t["item"].to_numpy() != -1) & t["tier"].notna().to_numpy()
    rows = t[ok]
    key = ["item", "tier", "channel"]
    rows = rows[rows.astype({"tier": object, "channel": object}).duplicated(key, keep=False)]
    if rows.empty:
        return
    rows = rows.astype({"tier": object, "channel": object}).assign(
        _first=rows["date"].where(rows["date_status"] == "ok").fillna(pd.Timestamp.max))
    rows = rows.sort_values(["_first"], kind="stable")
    later = rows.duplicated(key)
    firsts = rows[~later].set_index(key)
    found = []
    for r in rows[later].itertuples():
        f = firsts.loc[(r.item, r.tier, r.channel)]
        found.append(dict(code="forward.repeated", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                          value=r.body, detail=place(f["file"], f["sheet"], f["row"])))
    ledger.forwards = t.drop(index=rows.index[later.to_numpy()]).reset_index(drop=True)
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)], ignore_index=True)


def _merge_dated_adoptions(ledger: Ledger, organ_key: OrganKey | None) -> None:
    """One adoption per (item, tier, body, day): 省政协 2025.9.18 in the item's row and 省政协 第40期
    2025-09-18 in the 采用台账 are one (it was 采用4次 to the 十佳 ranking, and two lines of a 采用证明);
    a repeat on another row is dropped and said; 市政协 in one row and 江州市政协 (the office's city) in
    another are one body (``organ_key``). Two issues of one day stay two."""
    t = ledger.adoptions
    ok = (t["item"].to_numpy() != -1) & t["tier"].notna().to_numpy() & t["date"].notna().to_numpy()
    rows = t[ok]
    if len(rows) < 2:
        return
    rows = rows[rows.duplicated(["item", "date"], keep=False)]  # most adoptions share no day with another
    if rows.empty:
        return
    key = [rows["item"], rows["tier"].astype(object), _organs(rows, organ_key), rows["date"]]
    first_at = rows.groupby(key, sort=False).cumcount() > 0
    heads = rows.groupby(key, sort=False).transform("first") if first_at.any() else None
    if heads is None:
        return
    # On another row, or in another column of the row with one issue written in both (采用单位1 市政协 第6期 |
    # 采用单位2 示例市政协 第6期): two columns of a row without issues may be two products (《社情民意》, 《信息专报》).
    one_issue = rows["issue_no"].notna() & (rows["issue_no"] == heads["issue_no"])
    elsewhere = (heads["src"] != rows["src"]) | (heads["row"] != rows["row"]) | ((heads["column"] != rows["column"]) & one_issue)
    again = first_at & elsewhere & _same_issue(rows["issue_no"], heads["issue_no"])
    if not again.any():
        return
    found = [dict(code="adoption.repeated", src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                  value=r.body, detail=place(h.file, h.sheet, h.row))
             for r, h in zip(rows[again].itertuples(), heads[again].itertuples())]
    ledger.adoptions = t.drop(index=rows.index[again.to_numpy()]).reset_index(drop=True)
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)], ignore_index=True)


def _merge_level_words(ledger: Ledger, level_only: LevelOnly) -> None:
    """An adoption on the item's own row naming its level alone (市级采用, 区市省三级采用: ``level_only``)
    beside one a 采用台账 (any row naming the item by 编号 or title) records dated at that level and line
    (江州市政协 2025-04-18) is that one when its own day, if any, is the 台账's (or its month): one
    adoption, the 台账's, said at the row's cell (``adoption.repeated``). Each 台账 adoption is one of
    the row's at most. (Counted apart, the row's copy was dated by the item's 收稿日期: the adoption
    counted and paid in that quarter too.)"""
    t = ledger.adoptions
    rows = t[(t["item"].to_numpy() != -1) & t["tier"].notna().to_numpy()]
    booked = rows[_registered(rows) & rows["date"].notna() & (rows["date_status"] == "ok")]
    own = rows[~_registered(rows) & rows["item"].isin(set(booked["item"]))]
    own = own[[level_only(f, b) for f, b in zip(own["file"], own["body"])]]
    if own.empty:
        return

    def fits(r: pd.Series) -> list:
        same = booked[(booked["item"] == r["item"]) & (booked["tier"].astype(object) == r["tier"])
                      & (booked["channel"].astype(object) == r["channel"])]
        return list(same.index[_days_agree(r, same["date"]).to_numpy()])

    _drop_copies(ledger, "adoptions", "adoption.repeated", _one_each(own, fits), lambda k, d: t.at[d, "body"])


def _leader_keys(t: pd.DataFrame, by: list[str], words: tuple[str, ...]) -> pd.Series:
    """``leader_key`` of each row; a leader of a group (same item, or item and day) written
    another way than a fuller one of the same group takes the fuller one's key, when it is the only
    one it can be: 张某某书记 or 张某某 (the same name) as 市委书记张某某, 王市长 (a surname and the post)
    as 市长王某某. One 批示 written both ways, in the ledger's row and on the 督办 sheet, is one.
    ``words``: the rules' post words (``rules.leaders.post_words``)."""
    keys = t["leader"].map(leader_key)
    if len(t) < 2 or keys.nunique() < 2:
        return keys
    rows = t[by].assign(key=keys, leader=t["leader"]).reset_index()
    pairs = rows.merge(rows, on=by, suffixes=("", "_o"))
    fuller = (pairs["leader_o"].str.len() > pairs["leader"].str.len()) | (
        (pairs["leader_o"].str.len() == pairs["leader"].str.len()) & (pairs["key_o"] > pairs["key"]))
    pairs = pairs[(pairs["key"] != pairs["key_o"]) & fuller]
    if pairs.empty:
        return keys
    pairs = pairs[np.array([one_leader(a, b, words) for a, b in zip(pairs["leader"], pairs["leader_o"])], dtype=bool)]
    one = pairs.groupby("index")["key_o"].transform("nunique") == 1
    found = pairs[one].drop_duplicates("index")
    keys.loc[found["index"].to_numpy()] = found["key_o"].to_numpy()
    return keys


# The 督办 fields one copy of a 批示 may give and the other lack; follow-up and reply texts, the
# 承办单位 and the days of 督办 that differ between the copies are taken from the 批示台账 copy and said
# (the one who answers for it, and whether it is overdue, hang on them). The 批示内容 is not compared:
# one copy often abridges it.
_COPY_FIELDS = ("text", "department", "assigned_on", "due_on", "due_text", "due_days", "replied_on", "fed_back_on")
_FOLLOW_FIELDS = ("follow_up", "reply", "department", "assigned_on", "due_on", "replied_on", "fed_back_on")


def _shown(value) -> str:
    """A copy's value as staff wrote it: a day as 2025年2月20日, a text as it is."""
    return zh_date(value) if isinstance(value, (pd.Timestamp, dt.date)) else str(value)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (not isinstance(value, str) and pd.isna(value))


def _combine_copies(ledger: Ledger, t: pd.DataFrame, pairs: list[tuple]) -> list[dict]:
    """The kept copy of each (kept, dropped) pair of rows of one 批示 takes every field it leaves
    blank from the dropped one (in place), its leader and level too when it names the leader alone.
    Follow-up texts that differ: the 批示台账's (the row linked by 编号/标题), said at its cell."""
    found = []
    for k, d in pairs:
        for fld in _COPY_FIELDS:
            if _blank(t.at[k, fld]) and not _blank(t.at[d, fld]):
                t.at[k, fld] = t.at[d, fld]
        if pd.isna(t.at[k, "level"]) and pd.notna(t.at[d, "level"]):
            t.at[k, "leader"], t.at[k, "level"] = t.at[d, "leader"], t.at[d, "level"]
        for fld in _FOLLOW_FIELDS:
            found += _combine_follow_up(ledger, t, k, d, fld)
    return found


def _combine_follow_up(ledger: Ledger, t: pd.DataFrame, k, d, fld: str) -> list[dict]:
    """One follow-up field of a kept and a dropped copy (see :func:`_combine_copies`)."""
    mine, theirs = t.at[k, fld], t.at[d, fld]
    if _blank(theirs) or mine == theirs:
        return []
    if _blank(mine):
        t.at[k, fld] = theirs
        return []
    registered = [i for i in (k, d) if t.at[i, "ref_item_no"] != "" or t.at[i, "ref_title"] != ""]
    chosen = registered[0] if len(registered) == 1 else k
    t.at[k, fld] = t.at[chosen, fld]
    other = d if chosen == k else k
    letters = ledger.column_letter(t.loc[[k, d], "src"], fld).fillna(t.loc[[k, d], "column"])
    cells = {i: place(t.at[i, "file"], t.at[i, "sheet"], t.at[i, "row"], letters[i]) for i in (k, d)}
    by = "批示台账" if len(registered) == 1 else cells[chosen]
    r = t.loc[chosen]
    return [dict(code="instruction.copies_differ", src=r["src"], file=r["file"], sheet=r["sheet"], row=r["row"],
                 column=letters[chosen], value=_shown(theirs if chosen == d else mine),
                 detail=f"{cells[other]}“{_shown(t.at[other, fld] if other == d else mine)}”,{cells[chosen]}“{_shown(t.at[k, fld])}”;按{by}统计")]


def _organs(t: pd.DataFrame, organ_key: OrganKey | None) -> pd.Series:
    """Each row's body as the organ it names: by its file's rules (江州市政协 and 市政协 one organ to an office
    in 江州市), else by its name alone (:func:`same_organ_key`)."""
    if organ_key is None:
        return t["body"].map(same_organ_key)
    organs = {k: organ_key(*k) for k in set(zip(t["file"], t["body"]))}
    return pd.Series([organs[k] for k in zip(t["file"], t["body"])], index=t.index, dtype=object)


def _same_issue(a: pd.Series, b: pd.Series) -> pd.Series:
    """Two adoptions of one tier that may be one: the same issue, or one of them gives none."""
    return a.isna() | b.isna() | (a == b)


def _merge_undated_copies(ledger: Ledger, table: str, code: str, key, t_ok, same=None) -> None:
    """A record written twice, once without its day (or with its month only) and once dated that
    month (市政协第3期 in the item's row, 市政协 第3期 2025-04-10 in the 采用台账; 副市长李某 in the row,
    李某副市长 2025-04-10 in the 批示台账): one record, the dated one; the other is dropped and said.
    (Undated, it was counted in the item's own quarter as well as in the dated one's.)"""
    t = getattr(ledger, table)
    if len(t) < 2:
        return
    ok = (t["item"].to_numpy() != -1) & t_ok(t).to_numpy()
    rows = t[ok]
    is_dated = rows["date"].notna() & (rows["date_status"] == "ok")
    # Only items with both an undated and a dated record are keyed (the key may place body names).
    both = set(rows.loc[is_dated, "item"]) & set(rows.loc[~is_dated, "item"])
    rows, is_dated = rows[rows["item"].isin(both)], is_dated[rows["item"].isin(both)]
    if rows.empty:
        return
    rows = rows.assign(_k=list(zip(*key(rows))))
    dated, vague = rows[is_dated], rows[~is_dated]
    pairs = vague.reset_index().merge(dated.reset_index(), on="_k", suffixes=("", "_d"))
    pairs = pairs[(pairs["src"].astype(str) + ":" + pairs["row"].astype(str)) != (pairs["src_d"].astype(str) + ":" + pairs["row_d"].astype(str))]
    month = pairs["date"].isna() | (pairs["date"].dt.to_period("M") == pairs["date_d"].dt.to_period("M"))
    keep = month & (same(pairs["issue_no"], pairs["issue_no_d"]) if same else True)
    pairs = pairs[keep].drop_duplicates("index")
    if pairs.empty:
        return
    found = [dict(code=code, src=r.src, file=r.file, sheet=r.sheet, row=r.row, column=r.column,
                  value=r.leader if table == "instructions" else r.body, detail=place(r.file_d, r.sheet_d, r.row_d))
             for r in pairs.itertuples()]
    if table == "instructions":
        found += _combine_copies(ledger, t, list(zip(pairs["index_d"], pairs["index"])))
    setattr(ledger, table, t.drop(index=pairs["index"]).reset_index(drop=True))
    ledger.findings = pd.concat([ledger.findings, pd.DataFrame(found).reindex(columns=ledger.findings.columns)], ignore_index=True)
