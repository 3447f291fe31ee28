"""Items sent in jointly, written on a row per unit or author (备注 联合报送 on each row).

Staff told that a 单位 cell naming several units counts for the first (``unit.several``) write
a joint item again on a row per unit, with the same title and 收稿日期. Counted as they stand,
the office's 报送 would count it twice, and a 采用台账 row naming it by 编号 would credit the
adoption to one row's author only (by title alone: ``link.ambiguous``). Such rows are one item
when a 备注 of theirs says it was sent jointly (rules ``joint_words``: 联合报送, 联名): the first
row's, the later rows' authors its co-authors (each credited, the 稿酬 shared), their adoptions,
上报 and 批示 its own; counted for the first row's unit, as a 单位 cell naming several units is.
Each later row is said (``row.joint``), with the unit not counted apart. Only rows whose own 备注 says so
are joined (联名报送 on one row may speak of its own co-authors; a themed call's title is sent by several
units on its day). A later row with an 编号
of its own stays an item (a 采用台账 may name it by that 编号); so does one without the 备注,
which validation says (``item.same_title``).
"""
from __future__ import annotations

import re

import pandas as pd

from ..records import Ledger, place
from ..rules import Rules
from .authors import authors_as_set
from .values import norm


def joint_pattern(rules: Rules) -> re.Pattern:
    """The rules' ``joint_words`` as one pattern: not negated (非联合报送), not 联合会 (县工商业联合会). A
    word of two characters (联合, 联名) says it only as the whole 备注: inside one it is other words
    (联合国粮农组织, 与县妇联联合调研 — research done with a body, not an item sent in twice)."""
    words = sorted({norm(str(w)) for w in rules.data.get("joint_words") or [] if str(w).strip()}, key=lambda w: (-len(w), w))
    if not words:
        return re.compile("(?!)")
    inside = "|".join(re.escape(w) for w in words if len(w) > 2) or "(?!)"
    whole = "|".join(re.escape(w) for w in words if len(w) <= 2) or "(?!)"
    return re.compile(rf"(?<![不未非没])(?:{inside})(?!会)|^\W*(?:{whole})\W*$")


def join_joint_rows(ledger: Ledger, rules: Rules) -> None:
    """Make each item written on several rows with 联合报送 one item (see the module docstring)."""
    subs = ledger.submissions
    if len(subs) < 2:
        return
    key = ["office", "title_key", "date"]
    rows = subs[(subs["title_key"].to_numpy() != "") & subs["date"].notna().to_numpy()]
    rows = rows[rows.duplicated(key, keep=False)]  # most titles stand once
    if rows.empty:
        return
    says = joint_pattern(rules)
    notes = {n: bool(says.search(norm(n))) for n in set(rows["note"])}
    # Only titles of a day with a 联合报送 row; the others are two items titled alike, or one written
    # twice: validation says which.
    rows = rows[rows["note"].map(notes).groupby([rows[k] for k in key]).transform("any").to_numpy(dtype=bool)]
    joins: list[tuple[int, int]] = []  # (the first row's item, a later row's item)
    for _, group in rows.sort_values("item").groupby(key, sort=False):
        # Only rows whose own 备注 says so: 联名报送 on one row may speak of its own co-authors (张三、李四), and
        # a themed call's title is sent by several units on its day; rows alike without it are said apart.
        group = group[group["note"].map(notes).to_numpy(dtype=bool)]
        joins += _joined_in(group) if len(group) > 1 else []
    if joins:
        _join(ledger, joins)


def _joined_in(group: pd.DataFrame) -> list[tuple[int, int]]:
    """(first item, later item) of one title and day: each later row by other authors or of another
    unit, with no 编号 of its own but the first's. One by the same authors (in any order) and unit is a duplicate."""
    first = group.iloc[0]
    seen = {(authors_as_set(first["authors"], first["author_text"]), first["unit"])}
    out = []
    for later in group.iloc[1:].itertuples():
        who = (authors_as_set(later.authors, later.author_text), later.unit)
        if who in seen or later.item_no not in ("", first["item_no"]):
            continue
        seen.add(who)
        out.append((int(first["item"]), int(later.item)))
    return out


def _join(ledger: Ledger, joins: list[tuple[int, int]]) -> None:
    """Each later item's authors and records given to its first item; the later rows set aside and said."""
    subs = ledger.submissions.set_index("item", drop=False)
    into = {later: first for first, later in joins}
    _join_authors(ledger, into)
    again = _join_records(ledger, into)
    names = ledger.authors.groupby("item", sort=False)["name"].agg(tuple)
    findings, skipped = [], []
    for first, later in joins:
        f, l = subs.loc[first], subs.loc[later]
        _merge_fields(ledger.submissions, first, l, names.get(first, ()))
        where = f"第{int(f['row'])}行" if (f["src"], f["file"]) == (l["src"], l["file"]) else place(f["file"], f["sheet"], f["row"])
        findings.append(dict(code="row.joint", src=l["src"], file=l["file"], sheet=l["sheet"], row=l["row"],
                             column=_title_column(ledger, l["src"]), value=l["author_text"] or l["unit"],
                             detail=_joint_detail(where, f["unit"], l["unit"], again.get(later, 0))))
        skipped.append(dict(src=l["src"], file=l["file"], sheet=l["sheet"], row=l["row"], reason="joint", detail=where))
    ledger.submissions = ledger.submissions[~ledger.submissions["item"].isin(set(into))].reset_index(drop=True)
    for attr, extra in (("findings", findings), ("skipped", skipped)):
        table = getattr(ledger, attr)
        setattr(ledger, attr, pd.concat([table, pd.DataFrame(extra).reindex(columns=table.columns).astype(table.dtypes.to_dict())],
                                        ignore_index=True))
    counts = ledger.submissions.groupby("src").size()
    ledger.sheets["items"] = ledger.sheets["src"].map(counts).fillna(0).astype("int64")


def _join_authors(ledger: Ledger, into: dict[int, int]) -> None:
    """The later items' authors the first item's, after its own and in turn; a name written on two rows once."""
    authors = ledger.authors.assign(_from=ledger.authors["item"])
    moved = authors["item"].isin(set(into)).to_numpy()
    authors.loc[moved, "item"] = authors.loc[moved, "item"].map(into).astype("int64")
    authors = authors.sort_values(["item", "_from", "position"], kind="stable")
    again = authors.duplicated(["item", "name"]) & authors["item"].isin(set(into.values()))
    authors = authors[~again].drop(columns="_from")
    authors["position"] = authors.groupby("item").cumcount().astype("int64") if len(authors) else authors["position"]
    ledger.authors = authors.reset_index(drop=True)


# What makes two records of one item the same one written on each row of a joint item (县政协编发 √ on both).
_SAME_RECORD = {"adoptions": ["tier", "body", "issue_no", "date"], "forwards": ["tier", "body", "date"],
                "instructions": ["leader", "date"]}


def _join_records(ledger: Ledger, into: dict[int, int]) -> dict[int, int]:
    """The later items' adoptions, 上报 and 批示 the first item's; one the first item (or an earlier row)
    already has, the same written on each row, dropped. Returns how many were dropped per later item."""
    again: dict[int, int] = {}
    for name, key in _SAME_RECORD.items():
        table = getattr(ledger, name)
        at = table["item"].isin(set(into)).to_numpy()
        if not at.any():
            continue
        origin = table["item"].where(at)  # the later item a record came from, NaN for the others
        table.loc[at, "item"] = table.loc[at, "item"].map(into).astype("int64")
        mine = table["item"].isin(set(into.values()))
        moved = origin[mine].notna()
        keys = table.loc[mine, ["item", *key]].astype(str).loc[moved.sort_values(kind="stable").index]  # the first's own first
        repeated = keys.duplicated() & moved[keys.index]
        for item in origin[keys.index[repeated.to_numpy()]]:
            again[int(item)] = again.get(int(item), 0) + 1
        setattr(ledger, name, table.drop(index=keys.index[repeated.to_numpy()]).reset_index(drop=True))
    return again


def _merge_fields(subs: pd.DataFrame, first: int, later: pd.Series, names: tuple) -> None:
    """The first item's authors (``names``, every row's), author text, 编号 and 备注 with the later row's."""
    at = subs.index[subs["item"].to_numpy() == first][0]
    texts = [t for t in (subs.at[at, "author_text"], later["author_text"]) if t]
    subs.at[at, "authors"] = tuple(names)
    subs.at[at, "author_text"] = "、".join(dict.fromkeys(texts))
    if not subs.at[at, "item_no"]:
        subs.at[at, "item_no"] = later["item_no"]
    if later["note"] and later["note"] != subs.at[at, "note"]:
        subs.at[at, "note"] = ";".join(t for t in (subs.at[at, "note"], later["note"]) if t)


def _title_column(ledger: Ledger, src: int) -> str:
    column = ledger.column_letter(pd.Series([src]), "title").iloc[0]
    return column if isinstance(column, str) else ""


def _joint_detail(where: str, unit: str, own: str, again: int) -> str:
    said = f"计为{where}那条信息的合作作者(不另计一条信息,稿酬由作者平分)"
    if again:
        said += f";本行所记与之相同的采用、上报或批示{again}条不重复计入"
    if own and norm(own) != norm(unit):
        said += f";本行单位“{own}”未单独计入,该信息按“{unit or '未写明单位'}”统计(一条信息只计入一个单位)"
    return said
