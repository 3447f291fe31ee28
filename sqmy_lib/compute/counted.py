"""The records computations count: a Ledger less its error rows, with dates to count them by.

Rules of counting (domain.md §5):
- a row with a validation *error* is left out, and ``left_out`` says how many and why;
  adoptions and instructions of a left-out item go with it;
- a submission counts in the period of its submission date; an adoption or an
  instruction in the period of its own date, falling back to the submission
  date (with a note) when it has none.
"""
from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..read.attribute import item_days, person_units, person_units_on
from ..records import Ledger, by_item, place
from ..rules import Rules, load_rules
from ..validate import error_rows

TABLE_ZH = {"submissions": "报送", "adoptions": "采用", "forwards": "上报", "instructions": "批示"}


@dataclass
class Counted:
    """Usable records of one Ledger under one set of rules.

    ``adoptions`` are those of the channels the rules count in the tier statistics (政协 and
    党委政府 by default), each marked ``paid`` and ``scored`` as its channel is;
    ``all_adoptions`` are those of every channel (a party's own products, a 转送 to a
    department), counted apart. ``forwards`` are the items sent upward (上报), not adoptions.
    """

    ledger: Ledger
    rules: Rules
    submissions: pd.DataFrame
    authors: pd.DataFrame
    adoptions: pd.DataFrame
    instructions: pd.DataFrame
    left_out: pd.DataFrame  # table, code, rows
    notes: list[str] = field(default_factory=list)
    all_adoptions: pd.DataFrame | None = None
    forwards: pd.DataFrame | None = None
    # A roll-up's offices and their levels: an item went up (上报) from its own office's tier, a
    # county's item adopted by the city was sent to the city (empty: every item is the office's own).
    office_levels: dict[str, str] = field(default_factory=dict)

    @property
    def left_out_text(self) -> str:
        """``因校验错误未计入统计:报送 2 条(date.unparseable 2);采用 1 条(adoption.no_item 1)``, or ''."""
        if self.left_out.empty:
            return ""
        parts = []
        for table, group in self.left_out.groupby("table", sort=False):
            why = "、".join(f"{c} {n}" for c, n in zip(group["code"], group["rows"]))
            parts.append(f"{TABLE_ZH.get(table, table)} {group['rows'].sum()} 条({why})")
        return "因校验错误未计入统计:" + ";".join(parts)


def counted(ledger: Ledger, rules: Rules | None = None, today: dt.date | None = None) -> Counted:
    """Leave out error rows and attach the dates each record counts by.

    Cached per ledger, rules and day, and worked out again when it would differ: a table of the
    ledger replaced or written into (``Ledger.cache``), or the rules' data edited in place (their
    digest, ``Rules.refresh``)."""
    cache = ledger.cache("counted")
    given = rules or ledger.rules  # the rules the ledger was read with, when it was given some
    # Keyed by the rules object (kept alive in the cache, so its id is not reused; None: the shipped
    # rules of the ledger's year), and good only while their data is what it was.
    key = (id(given) if given is not None else None, today)
    held = cache.get(key)
    if held is not None and held[0].refresh() == held[1]:
        return held[2]
    rules = given or load_rules(year=ledger.year)
    digest = rules.refresh()
    read_with = ledger.__dict__.get("_read_with")
    if rules is ledger.rules and read_with is not None and read_with != rules.reading_digest():
        warnings.warn(READ_RULES_EDITED, stacklevel=2)
    result = _counted(ledger, rules, today)
    cache[key] = (rules, digest, result)
    return result


# Said (a warning) when the rules' parts that reading used were edited after the ledgers were read.
READ_RULES_EDITED = ("读取台账之后改动了规则中读取时使用的部分(层级归属 placement、tiers、各类词表、roles 等):"
                     "已读取的记录(采用层级、身份、类别等)仍按改动前的规则;请用改动后的规则重新读取台账(sq.read_ledgers(..., rules=...))")


def _counted(ledger: Ledger, rules: Rules, today: dt.date | None) -> Counted:
    errors = error_rows(ledger, rules, today)
    left: list[tuple[str, str, int]] = []

    def keep(table: str, df: pd.DataFrame) -> pd.DataFrame:
        codes = errors.get(table)
        if codes is None or codes.empty:
            return df
        for code, n in codes.value_counts(sort=False).items():
            left.append((table, code, int(n)))
        return df[~df.index.isin(codes.index)]

    subs = keep("submissions", ledger.submissions)
    items = set(subs["item"])
    item_date = by_item(subs, "date")
    notes: list[str] = []

    def dated(table: str, df: pd.DataFrame, beside: pd.DataFrame | None = None) -> pd.DataFrame:
        df = keep(table, df)
        orphan = ~df["item"].isin(items)
        if orphan.any():
            # Linked to no item and not said as such (no_item): it names several (link.ambiguous says so).
            unlinked = int((df.loc[orphan, "item"] == -1).sum())
            left.extend((table, code, n) for code, n in (("link.ambiguous", unlinked), ("item.left_out", int(orphan.sum()) - unlinked)) if n)
            df = df[~orphan]
        # to_datetime: a ledger with no instruction (or adoption) at all has an empty, untyped table.
        # Typed even when there is nothing to map from (pandas 3 cannot map through an empty date series).
        fallback_date = (pd.to_datetime(df["item"].map(item_date)) if len(item_date) else
                         pd.Series(pd.NaT, index=df.index)).astype("datetime64[ns]")
        date = pd.to_datetime(df["date"]).astype("datetime64[ns]")
        if beside is not None and date.isna().any():
            # An undated 批示 on a 采用台账 row (or a row of the ledger) that dates its adoption was given
            # on the adopted piece: on that day, not months before on the item's 收稿日期.
            row_day = _row_days(beside, ledger.findings)
            on_row = pd.Series(list(zip(df["src"], df["row"])), index=df.index).map(row_day).astype("datetime64[ns]")
            by_row = date.isna() & on_row.notna()
            if by_row.any():
                notes.append(f"{int(by_row.sum())}条{TABLE_ZH[table]}记录没有{TABLE_ZH[table]}日期，按同一行的采用日期计入期间")
                date = date.fillna(on_row)
        when = date.fillna(fallback_date)
        if fallback := int(date.isna().sum()):
            # By year: a folder of several years read for one names the years the records fall in.
            years = fallback_date[date.isna()].dt.year.value_counts().sort_index()
            said = "、".join(f"{int(y)}年{n}条" for y, n in years.items())
            notes.append(f"{fallback}条{TABLE_ZH[table]}记录没有{TABLE_ZH[table]}日期" + (f"（{said}）" if said else "")
                         + "，按该信息的收稿日期计入期间")
        return df.assign(when=when)

    ranks = {t: k for k, t in enumerate(rules.tiers)}
    all_adoptions = dated("adoptions", ledger.adoptions)
    channel = all_adoptions["channel"].astype(object)
    all_adoptions = all_adoptions.assign(
        tier_rank=all_adoptions["tier"].astype(object).map(ranks).astype("int64"),
        # 不计稿酬 in its 备注 or cell (read.sheet): counted as adopted, not paid.
        paid=channel.map(lambda ch: rules.channel_counts(ch, "paid")).astype(bool) & ~all_adoptions["unpaid"].to_numpy(),
        scored=channel.map(lambda ch: rules.channel_counts(ch, "scored")).astype(bool),
    )
    adoptions = all_adoptions[channel.map(lambda ch: rules.channel_counts(ch, "tiers")).astype(bool).to_numpy()]
    forwards = dated("forwards", ledger.forwards)
    forwards = forwards.assign(tier_rank=forwards["tier"].astype(object).map(ranks).fillna(-1).astype("int64"))
    instructions = dated("instructions", ledger.instructions, ledger.adoptions)
    # 县教育局局长批示: a department's (or a party's) head is no leader whose 批示 counts (instruction.leader_not_counted).
    counts = {leader: rules.leader_counts(leader) for leader in set(instructions["leader"])}
    instructions = instructions[instructions["leader"].map(counts).astype(bool).to_numpy()]
    levels = {lvl: k for k, lvl in enumerate(rules.leader_levels)}
    instructions = instructions.assign(level_rank=instructions["level"].astype(object).map(levels).astype("float").fillna(-1).astype("int64"))
    authors = _people_of(ledger, ledger.authors[ledger.authors["item"].isin(items)], rules)
    subs = _units_from_authors(subs, authors)
    subs = subs.assign(authors_read=_authors_read(subs, authors))
    return Counted(
        ledger, rules, subs, authors, adoptions, instructions,
        pd.DataFrame(left, columns=["table", "code", "rows"]), notes, all_adoptions, forwards,
    )


def _row_days(adoptions: pd.DataFrame, findings: pd.DataFrame) -> dict[tuple, pd.Timestamp]:
    """(src, row) → the first adoption day written on that ledger row. A row whose adoption was dropped as
    written again on another row (``adoption.repeated``: a system's export writes one adoption once per
    批示) wrote it too: the day of the row it was kept on."""
    dated = adoptions[adoptions["date"].notna()]
    if dated.empty:
        return {}
    first = pd.to_datetime(dated["date"]).groupby([dated["src"], dated["row"]]).min()
    days = dict(first.items())
    repeats = findings[findings["code"].to_numpy() == "adoption.repeated"]
    if repeats.empty:
        return days
    # The finding names the kept copy's row as staff read it (台账.xlsx!采用台账!第4行): a file's name alone,
    # so of two files of one name (two offices' 导出.xlsx) the repeat's own is taken, and none when that
    # does not tell (the 批示 is then of its item's 收稿日期, said so).
    kept_at: dict[str, dict[tuple, str]] = {}
    for f, s, r, src in zip(dated["file"], dated["sheet"], dated["row"], dated["src"]):
        kept_at.setdefault(place(f, s, r), {})[src, r] = f
    for src, row, file, kept in zip(repeats["src"], repeats["row"], repeats["file"], repeats["detail"]):
        rows = kept_at.get(kept, {})
        rows = rows if len(rows) == 1 else {at: f for at, f in rows.items() if f == file}
        if len(rows) == 1 and pd.notna(src) and pd.notna(row):
            days.setdefault((src, row), days[next(iter(rows))])
    return days


def _authors_read(subs: pd.DataFrame, authors: pd.DataFrame) -> pd.Series:
    """Each item's authors as read, in the cell's order, for the lists documents print: 张 三, 张三主席
    and 民革县委 张三 are 张三, co-authors joined by 、 (李四，刘五 → 李四、刘五), a roster's same name
    told apart (王芳(民革)); an item no author was read from keeps its 作者 cell as written."""
    if authors.empty:
        return subs["author_text"].astype(object)
    ordered = authors.sort_values(["item", "position"], kind="stable").drop_duplicates(["item", "name"])
    # Each item's names, joined by slicing the sorted column (a groupby with a Python join per item
    # took 1.7 s of a province's roll-up; most items have one author, taken as it is).
    items, names = ordered["item"].to_numpy(), ordered["name"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, items[1:] != items[:-1]]) if len(items) else np.array([], dtype=np.int64)
    ends = np.r_[starts[1:], len(items)]
    joined = pd.Series([names[a] if b - a == 1 else "、".join(names[a:b]) for a, b in zip(starts, ends)],
                       index=items[starts], dtype=object)
    return subs["item"].map(joined).astype(object).fillna(subs["author_text"])


def _units_from_authors(subs: pd.DataFrame, authors: pd.DataFrame) -> pd.DataFrame:
    """An item with no 单位 of its own counts for its first author's unit on the roster on the
    item's day (a person who moved: the unit they were in then), as the
    roster's 单位 sheet lists it (``read.attribute.person_units``: 民进示例县委员会 is 民进县委, a 委员
    with only a 界别 经济界 counts for 经济界别组); the reader said where that mattered."""
    missing = subs["unit"] == ""
    if not missing.any():
        return subs
    first = authors[~authors["is_unit"]].sort_values("position").drop_duplicates("item").set_index("item")["counts_for"]
    fill = subs.loc[missing, "item"].map(first).fillna("")
    subs = subs.copy()
    subs.loc[missing, "unit"] = fill.astype(object)
    return subs


def _people_of(ledger: Ledger, authors: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Authors with their roster role, unit (``roster_unit`` as written, ``counts_for`` as the 单位
    sheet lists it) and appointment (the role written beside a name counts when the roster does
    not know the person and lists no one in that role: 张建国（县政协委员） on a city's ledger whose
    roster lists its 委员 is none of them, and takes no 委员 quota)."""
    roster = ledger.roster
    if roster is not None and not roster.people.empty:
        # A person may hold two roles (one roster row each): the first written is the one shown here;
        # people() gives every role its own row.
        people = roster.people.drop_duplicates("name").set_index("name")
        role = authors["name"].map(people["role"])
        unit = authors["name"].map(people["unit"])
        # The unit each author was in on the item's day (郑七: 城关镇 to 30 April, then 河口镇).
        days = item_days(ledger.submissions, authors["item"])
        counts_for = person_units_on(person_units(roster, rules), authors["name"], days)["counts_for"]
        appointed = authors["name"].map(people["appointed_on"])
        written = authors["role"].where(~authors["role"].isin(set(roster.people["role"])))
    else:
        role = pd.Series(None, index=authors.index, dtype=object)
        unit = counts_for = pd.Series(None, index=authors.index, dtype=object)
        appointed = pd.Series(pd.NaT, index=authors.index, dtype="datetime64[ns]")
        written = authors["role"]
    return authors.assign(
        role=role.where(role.notna() & (role != ""), written),
        roster_unit=unit,
        counts_for=counts_for,
        appointed_on=appointed,
    )
