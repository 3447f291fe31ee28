"""The checks, as one table: code, severity, which table, which cell, the Chinese message, the rule.

In the spirit of pandera's checks: each entry is a name and a vectorised
predicate over one record table. A new check is one more entry here. The
message is a template filled from the offending row (``{date_text}``, ``{body}``…).
"""
from __future__ import annotations

import calendar
import datetime as dt
import importlib
import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..catalog import UNREADABLE_CODES, entry
from ..records import Ledger, place
from ..read.attribute import office_places, person_units, place_elsewhere, places_named, places_said, told_apart, unit_aliases, unit_key
from ..read.authors import COMPOUND_SURNAMES, PLACEHOLDER, authors_as_set, name_key
from ..read.values import issue_year, month_in_text, sheet_months, year_in_text
from ..rules import Rules
from ..rules.follow_up import Vocabulary
from .. import zh


@dataclass
class Context:
    """What a check may look at besides its own table."""

    ledger: Ledger
    rules: Rules
    today: dt.date
    memo: dict = field(default_factory=dict)  # what a check worked out once for its mask and its message

    @property
    def roster(self):
        return self.ledger.roster


Predicate = Callable[[pd.DataFrame, Context], pd.Series]


@dataclass(frozen=True)
class Check:
    """One named check over a record table: where it looks. Its severity and words are the
    catalog's (sqmy_lib.catalog).

    ``field`` names the ledger field whose cell the issue points at (its column letter comes
    from the sheet's layout), or several to try in turn; the row's own ``column`` is the
    fallback.
    """

    code: str
    table: str
    field: str | tuple[str, ...] | None
    where: Predicate
    needs_roster: bool = False
    column_from: str | None = None  # the record's column keeping the cell's letter (a column read past)

    @property
    def severity(self) -> str:
        return entry(self.code).severity

    @property
    def message(self) -> str:
        return entry(self.code).message


def _blank(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose text ``column`` is empty (compared by numpy: the same answer, without pandas'
    per-call overhead on a 200,000-row object column)."""
    return lambda df: pd.Series(df[column].to_numpy() == "", index=df.index)


# What staff put in a cell to say "nothing here" (/, —, 无, 0): no title, no author.
_PLACEHOLDER = PLACEHOLDER  # -, /, 无, (空), (跳过), N/A: the reader's placeholders (read/authors.py)


def _placeholder(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose text ``column`` holds only a placeholder (/, —, 无, 1)."""
    return lambda df: df[column].astype(str).str.fullmatch(_PLACEHOLDER).fillna(False).astype(bool)


def _body_text(titles: pd.Series) -> pd.Series:
    """Titles that read as the item's text: over 100 characters, or over 60 with a line break (a title
    wrapped with Alt+Enter is shorter)."""
    text = titles.astype(str)
    length = text.str.len()
    return ((length > 100) | ((length > 60) & text.str.contains("\n", regex=False))).fillna(False).astype(bool)


def _filled(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose text ``column`` is not empty."""
    return lambda df: pd.Series(df[column].to_numpy() != "", index=df.index)


def _status(status: str) -> Predicate:
    return lambda df, ctx: df["date_status"] == status


_WEEKDAY_WRITTEN = r"(?:星期|周|礼拜)\s*([一二三四五六日天1-7])"
_WEEKDAY_NUMBER = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6} | {str(i + 1): i for i in range(7)}
WEEKDAY_NAMES = tuple(f"星期{c}" for c in "一二三四五六日")


def _weekday_mismatch(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A date written with its weekday (2025年3月5日(星期一)) whose weekday is another day's: one of
    the two is a slip, and which one no one can tell; the date is counted as written."""
    written = df["date_text"].astype(str).str.extract(_WEEKDAY_WRITTEN, expand=False).map(_WEEKDAY_NUMBER)
    return (df["date_status"] == "ok") & written.notna() & (df["date"].dt.day_of_week != written)


def _issue_year(df: pd.DataFrame) -> pd.Series:
    """The year of the issue an adoption with no day names (a number), or NaN: the reader keeps the
    cell's text as its ``date_text`` then."""
    return pd.to_numeric(df["date_text"].map(issue_year), errors="coerce")


def _issue_of_another_year(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """An adoption with no day of its own, counted on its item's 收稿日期, whose issue is of another
    year (市政协《社情民意》2026年第1期 for an item of 2025-12-26): it is in the wrong year's figures."""
    year = _issue_year(df)
    return (df["date_status"] == "missing") & year.notna() & df["item_date"].notna() & (year != df["item_date"].dt.year)


def _own_issues(df: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """The adoptions in the office's own bulletin (its tier, its own line, no 专报/转报/转送) that write an
    issue number, with the day each is counted on (its own, else its item's 收稿日期)."""
    rules = ctx.rules
    own = ((df["tier"].astype(object) == rules.own_tier) & (df["routing"].fillna("").astype(str) == "")
           & (df["channel"].astype(object) == rules.placement.default_channel) & df["issue_no"].notna())
    ad = df[own]
    counted = ad["date"].where(ad["date_status"] == "ok", ad["item_date"])
    out = pd.DataFrame({"office": ad["office"].astype(str), "issue": ad["issue_no"].astype(int), "counted": counted,
                        "missing": ad["date_status"] == "missing"}, index=ad.index).dropna(subset=["counted"])
    return out.assign(year=out["counted"].dt.year)


def _issues_gone_back(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """For each own-bulletin issue with no day of its own, counted on its item's 收稿日期 in November or
    December, whose number is at most half an issue of the bulletin counted earlier in that year, that issue
    (第15期, and where it is); NaN for the others. The bulletin's numbers start again each year: 第1期 for an
    item of 12月29日, after 第15期 of an item of 10月10日, is next year's issue, counted in the wrong year.
    (Items wait a while, so 第4期 and 第5期 of items days apart may be either way round: not said.) One pass:
    the highest issue of each office's year before each day."""
    if "issue_gone_back" in ctx.memo:
        return ctx.memo["issue_gone_back"].reindex(df.index)
    own = _own_issues(df, ctx)
    found: dict = {}
    late = own[own["missing"] & (own["counted"].dt.month >= 11)]
    if not late.empty:
        late = late[_issue_year(df.loc[late.index]).isna()]  # one naming its year: adoption.issue_of_another_year
    if not late.empty:
        keys = ["office", "year", "counted"]
        top = own.groupby(keys)["issue"].max()
        before = top.groupby(level=[0, 1]).cummax().groupby(level=[0, 1]).shift(1)  # highest before that day
        highest = pd.Series(before.reindex(pd.MultiIndex.from_frame(late[keys])).to_numpy(), index=late.index)
        gone = late.index[(highest >= late["issue"] * 2).fillna(False).to_numpy()]
        # Where that issue is first counted in the year (before this day, as the highest before it was).
        first = own.sort_values("counted", kind="stable").drop_duplicates(["office", "year", "issue"])
        first = pd.Series(first.index, index=pd.MultiIndex.from_frame(first[["office", "year", "issue"]]))
        at = first.reindex(pd.MultiIndex.from_arrays([late.loc[gone, "office"], late.loc[gone, "year"],
                                                      highest[gone].astype(int)])).to_numpy()
        found = {i: f"第{int(highest[i])}期({place(df.at[k, 'file'], df.at[k, 'sheet'], df.at[k, 'row'])})"
                 for i, k in zip(gone, at)}
    ctx.memo["issue_gone_back"] = pd.Series(found, dtype=object)
    return ctx.memo["issue_gone_back"].reindex(df.index)


def _sheet_year(df: pd.DataFrame, ctx: Context) -> pd.Series:
    years = dict(zip(ctx.ledger.sheets["src"], ctx.ledger.sheets["year"]))
    return df["src"].map(years)


def _out_of_year(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A 收稿日期 of another year than its sheet's, unless in the months the sheet's title says it covers
    (2024年12月—2026年1月)."""
    year = _sheet_year(df, ctx)
    outside = df["date"].notna() & year.notna() & (df["date"].dt.year != year)
    spans = dict(zip(ctx.ledger.sheets["src"], ctx.ledger.sheets["months"]))
    if not outside.any() or not any(spans.values()):
        return outside
    span = df["src"].map(spans)
    month = df["date"].dt.year * 12 + df["date"].dt.month - 1
    inside = [bool(s) and s[0] <= m <= s[1] for s, m in zip(span, month)]
    return outside & ~pd.Series(inside, index=df.index, dtype=bool)


def _named_months(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """The months of its year each row's sheet says it holds (``read.values.sheet_months``: 7-9月, 第一季度,
    3月), or None: a sheet of a year, or one whose title states the months it covers (2024年12月—2026年1月)."""
    sheets = ctx.ledger.sheets
    named = {src: None if isinstance(span, (tuple, list)) else sheet_months(str(name), str(caption or ""))
             for src, name, caption, span in zip(sheets["src"], sheets["sheet"], sheets["caption"], sheets["months"])}
    return df["src"].map(named).astype(object)


def _outside_sheet(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A 收稿日期 of its sheet's year in another month than the quarter's or month's its sheet is named for
    (3.5 on 7-9月): counted in the period of the date, while the sheet says another; which of the two is
    the slip no one can tell. Another year's date is ``date.out_of_year``'s."""
    year = _sheet_year(df, ctx)
    inside = df["date"].notna() & year.notna() & (df["date"].dt.year == year)
    if not inside.any():
        return inside
    months = df["date"].dt.month
    return inside & pd.Series([bool(m) and d not in m for m, d in zip(df["named_months"], months)], index=df.index)


_QUARTER_ZH = "一二三四"


def _months_said(months) -> str:
    """第三季度(7—9月) for a quarter's three months, 3月 for one."""
    if not months:
        return ""
    first, last = min(months), max(months)
    return f"{first}月" if first == last else f"第{_QUARTER_ZH[(first - 1) // 3]}季度({first}—{last}月)"


def _counted_in(df: pd.DataFrame) -> pd.Series:
    """The period a flagged date is counted in, as its sheet would name one: 第一季度 or 3月."""
    quarterly = df["named_months"].map(lambda m: bool(m) and len(m) > 1)
    month = df["date"].dt.month
    return pd.Series([f"第{_QUARTER_ZH[(m - 1) // 3]}季度" if q else f"{m}月" for q, m in zip(quarterly, month)],
                     index=df.index, dtype=object)


def _item_dates(df: pd.DataFrame, ctx: Context) -> pd.Series:
    subs = ctx.ledger.submissions
    # A Series over the two columns, not set_index: that would copy the whole table first.
    dates = pd.Series(subs["date"].to_numpy(), index=subs["item"].to_numpy(), name="date")
    if dates.empty:  # an adoptions-only ledger: mapping through nothing would give floats
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    return df["item"].map(dates)


def _before(day: pd.Series, other: pd.Series) -> pd.Series:
    """A 督办 day before ``other``: the first of ``other``'s month may be a month written alone (2025年3月,
    read as its first day), so it is before only when its month is."""
    month_alone = (day.dt.day == 1) & (day.dt.to_period("M") == other.dt.to_period("M"))
    return (day < other) & ~month_alone


def _started(df: pd.DataFrame) -> pd.Series:
    """The day a 批示's 办理时限 runs from: its 交办日期, else its own date."""
    return df["assigned_on"].fillna(df["date"])


def _last_day_written(df: pd.DataFrame) -> pd.Series:
    """The last day a record's date may be, as written: the day itself, or the month's (2025年3月) or
    the 旬's (3月上旬) last day for a date counted from its first. An adoption written 2025年3月 for an
    item received 3月15日 is not before it (it was an error, and the adoption left out)."""
    date = df["date"]
    status = df["date_status"]
    month_end = date + pd.offsets.MonthEnd(0)
    xun_end = (date + pd.Timedelta(days=9)).where(date.dt.day < 21, month_end)
    return date.where(status == "ok", month_end.where(status == "month_only", xun_end.where(status == "part_of_month", date)))


def _duplicated(keys: list[str]) -> Predicate:
    """Rows whose (non-empty) keys an earlier row already has."""

    def where(df: pd.DataFrame, ctx: Context) -> pd.Series:
        filled = pd.Series(True, index=df.index)
        for k in keys:
            if k in ("file", "office"):
                continue
            filled &= df[k].notna() if pd.api.types.is_datetime64_any_dtype(df[k]) else (df[k].to_numpy() != "")
        # A filled row's earlier twin is filled too, so only the filled rows need comparing.
        out = pd.Series(False, index=df.index)
        out[filled] = repeated_rows(df.loc[filled, keys], keys, keep="first").to_numpy()
        return out

    return where


def repeated_rows(df: pd.DataFrame, keys: list[str], keep: str | bool = "first") -> pd.Series:
    """``df.duplicated(keys, keep=keep)``, comparing whole keys only among rows whose every key
    column repeats on its own: in real ledgers titles are unique, so one pass over a column leaves
    a handful of rows to compare."""
    maybe = np.ones(len(df), dtype=bool)
    for k in sorted(keys, key=lambda k: k in ("file", "office")):  # the office says least: last
        if not maybe.any():
            break
        maybe[maybe] = df[k][maybe].duplicated(keep=False).to_numpy()
    out = np.zeros(len(df), dtype=bool)
    if maybe.any():
        out[maybe] = df.loc[maybe, keys].duplicated(keep=keep).to_numpy()
    return pd.Series(out, index=df.index)


def _numbering_scope(df: pd.DataFrame) -> pd.Series:
    """Where an 编号 must be unique: the file, or each sheet of a file whose sheets number their items
    afresh (一季度 001, 002 …; 二季度 001, 002 …: most of a sheet's numbers recur on another sheet).
    A single number written twice across sheets stays a duplicate (-1: the whole file)."""
    scope = pd.Series(-1, index=df.index, dtype="int64")
    filled = df[df["item_no"].to_numpy() != ""][["file", "src", "item_no"]]
    if filled.empty:
        return scope
    per_sheet = filled.drop_duplicates(["file", "src", "item_no"])
    shared = per_sheet[per_sheet.duplicated(["file", "item_no"], keep=False)]
    if shared.empty:
        return scope
    recurring = shared.groupby(["file", "src"]).size()
    sizes = per_sheet.groupby(["file", "src"]).size()
    # a file numbered per sheet: some sheet has at least half of its numbers (and two) on another sheet
    share = (recurring / sizes.reindex(recurring.index))
    files = {f for (f, _), n, sh in zip(recurring.index, recurring, share) if n >= 2 and sh >= 0.5}
    if files:
        in_files = df["file"].isin(files)
        scope[in_files] = df.loc[in_files, "src"].astype("int64")
    return scope


def _first_of(keys: list[str]) -> Callable[[pd.DataFrame], pd.Series]:
    """For each row, where the first row with the same keys is (for the duplicate message)."""

    def first(df: pd.DataFrame) -> pd.Series:
        dup = df[repeated_rows(df[keys], keys, keep=False)]  # only rows that share their keys need a place
        where = pd.Series([place(f, sh, r) for f, sh, r in zip(dup["file"], dup["sheet"], dup["row"])], index=dup.index)
        firsts = where.groupby([dup[k] for k in keys], observed=True, sort=False, dropna=False).transform("first")
        return firsts.reindex(df.index)

    return first


def _not_on_roster(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A person author the roster does not name; not one it names twice (王芳 for 王芳(民革) and
    王芳(经济界): on it, not told apart, said as author.same_name)."""
    names = {name_key(n) for n in ctx.roster.person_names}
    return ~df["is_unit"] & ~df["name"].isin(names | told_apart(ctx.roster))


def _leader_not_counted(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A 批示 by a department's or a party's head (县教育局局长): not counted (``Rules.leader_counts``)."""
    counts = {leader: ctx.rules.leader_counts(leader) for leader in set(df["leader"])}
    return ~df["leader"].map(counts).astype(bool)


def _surname_and_title(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A person author written as a surname and a post or a form of address only (王主席, 李委员,
    刘老师, 欧阳主任): no one's full name (rules ``authors.post_words``, ``honorific_words``, roles)."""
    a = ctx.rules.data.get("authors") or {}
    roles = [w for name, aliases in (ctx.rules.data.get("roles") or {}).items() for w in (name, *(aliases or ()))]
    words = sorted({str(w) for w in (*(a.get("post_words") or ()), *(a.get("honorific_words") or ()), *roles)}, key=len, reverse=True)
    if not words:
        return pd.Series(False, index=df.index)
    surname = "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
    pattern = rf"^(?:{surname}|[\u4e00-\u9fff])(?:{'|'.join(map(re.escape, words))})$"
    # 欧阳主任: the post was read off as a tag, leaving a compound surname alone.
    surname_alone = df["name"].isin(COMPOUND_SURNAMES) & df["tag"].fillna("").astype(str).ne("")
    return ~df["is_unit"] & (df["name"].astype(str).str.match(pattern) | surname_alone)


def _no_item(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A reference row linked to no item, unless it names several (``link.ambiguous`` says that one:
    "no item" beside "several items" would contradict it)."""
    found = ctx.ledger.findings
    several = found[found["code"] == "link.ambiguous"]
    unlinked = df["item"] == -1
    if several.empty or not unlinked.any():
        return unlinked
    said = pd.MultiIndex.from_frame(several[["src", "row"]].astype("int64"))
    return unlinked & ~pd.MultiIndex.from_frame(df[["src", "row"]].astype("int64")).isin(said)


def _city_unclear(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Bodies the rules leave unplaced for want of knowing whether their 市 (扶余市政协 in a city office's ledger)
    is a county-level city below the office or another city (``Placed.city_unclear``)."""
    place = ctx.rules.placement.place
    return pd.Series([place(b).city_unclear if b else False for b in df["body"]], index=df.index, dtype=bool)


def _level_unclear(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Bodies the rules leave unplaced because the level word they start with (区政协 in a 旗 of 内蒙古自治区, 市政协
    in a county-level city with no ``relative``) ends none of the office's places at its tier (``Placed.level_unclear``)."""
    place = ctx.rules.placement.place
    return pd.Series([place(b).level_unclear if b else False for b in df["body"]], index=df.index, dtype=bool)


def _unit_not_on_roster(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A unit the roster's 单位 sheet does not list, once (at its first row): it ranks only the units on
    it, a unit known only as someone's 单位 or 界别 counted for no unit. A roster without a 单位 sheet
    ranks every unit the items name, as without a roster (``compute.units``): nothing to say here,
    its spellings are ``unit.variant``."""
    units = ctx.roster.unit_names - {""}
    if not units:
        return pd.Series(False, index=df.index)
    return _filled("unit")(df) & ~df["unit"].isin(units) & ~df["unit"].duplicated()


def _unit_dates(df: pd.DataFrame, ctx: Context) -> tuple[pd.Series, pd.Series]:
    """Each row's unit's 成立时间 and 撤销时间 as the roster's 单位 sheet gives them (NaT: open, or no such unit)."""
    units = ctx.roster.units if ctx.roster is not None else None
    if units is None or units.empty or "started_on" not in units:
        return pd.Series(pd.NaT, index=df.index), pd.Series(pd.NaT, index=df.index)
    units = units.drop_duplicates("unit")
    start = df["unit"].map(dict(zip(units["unit"], pd.to_datetime(units["started_on"]))))
    end = df["unit"].map(dict(zip(units["unit"], pd.to_datetime(units["ended_on"]))))
    return pd.to_datetime(start), pd.to_datetime(end)


def _unit_outside_its_dates(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """An item sent under a unit the roster says was dissolved by then (撤销时间 before its day) or not yet
    set up (成立时间 after it): a 机构改革's old name written on after the change (县卫生和计划生育局 in August,
    renamed 县卫生健康局 in June), or a new one written back. Counted as written, for that unit (its 报送 and
    积分, not its 任务): whether it is the successor's only staff know, so it is said at the 单位 cell."""
    start, end = _unit_dates(df, ctx)
    return _filled("unit")(df) & ((df["date"] > end) | (df["date"] < start)).fillna(False)


def _unit_dates_said(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """在名册中撤销于2025年6月30日(撤销时间) / 成立于2025年7月1日(成立时间), for the rows ``_unit_outside_its_dates`` flags."""
    start, end = _unit_dates(df, ctx)
    said = [f"在名册中撤销于{zh.zh_date(e)}(撤销时间)" if pd.notna(e) and d > e else f"在名册中成立于{zh.zh_date(s)}(成立时间)"
            for d, s, e in zip(df["date"], start, end)]
    return pd.Series(said, index=df.index, dtype=object)


def _main_units(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Each row's unit as its office writes that unit most often (``unit_key`` groups the ways of
    writing one unit: 教育界 / 教育界别; 民盟示例县委员会 / 民盟县委)."""
    filled = df["unit"].to_numpy() != ""
    main = df["unit"].copy()
    if not filled.any():
        return main
    places, said, aliases = office_places(ctx.rules), places_said(ctx.ledger), unit_aliases(ctx.rules)
    units = df.loc[filled, ["office", "unit"]]
    key_of = {(o, u): unit_key(u, (*places, said[o]) if o in said else places, aliases)
              for o, u in set(zip(units["office"], units["unit"]))}
    counts = units.value_counts().reset_index(name="n").sort_values(["n", "unit"], ascending=[False, True])
    best: dict[tuple[str, str], str] = {}
    for office, unit in zip(counts["office"], counts["unit"]):
        best.setdefault((office, key_of[office, unit]), unit)
    main[filled] = [best[o, key_of[o, u]] for o, u in zip(units["office"], units["unit"])]
    return main


def _unit_variant(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Without a roster's 单位 sheet (no roster, or people only, the units ranked as the items name
    them): the first row of each other way of writing a unit of the office (with one, a unit not on
    it is ``roster.unknown_unit``)."""
    out = pd.Series(False, index=df.index)
    if ctx.roster is not None and ctx.roster.unit_names - {""}:
        return out
    other = df[df["unit"].to_numpy() != df["unit_main"].to_numpy()]
    out[other.index] = ~other.duplicated(["office", "unit"]).to_numpy()
    return out


def _units_elsewhere(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Each row's unit's place when the unit's name starts with a place at the office's own level that is not the
    office's (民革云霄县委 in 东山县政协's ledger: 云霄县), else ''. Without a roster's 单位 sheet only: with one, a unit
    it does not list is ``roster.unknown_unit``."""
    out = pd.Series("", index=df.index, dtype=object)
    if ctx.roster is not None and ctx.roster.unit_names - {""} or not (df["unit"].to_numpy() != "").any():
        return out
    named = places_named(ctx.ledger)
    below = tuple(str(b) for b in ((ctx.rules.data.get("office") or {}).get("below") or ()))
    # The office's place as its ledgers name it (填报单位：示例市政协) where they name one, else the rules'; none
    # said where they name several (a city's own ledger read with its counties' ones: where the office is, unknown).
    found = {(o, u): place_elsewhere(u, tuple(named.get(o) or office_places(ctx.rules)), below, ctx.rules)
             for o, u in set(zip(df["office"], df["unit"])) if u and len(named.get(o, ())) <= 1}
    return pd.Series([found.get((o, u), "") for o, u in zip(df["office"], df["unit"])], index=df.index, dtype=object)


def _unit_elsewhere(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """The first row of each unit of another place of the office's level (``_units_elsewhere``)."""
    return (df["unit_elsewhere"].to_numpy() != "") & ~df.duplicated(["office", "unit"])


def _items_with_adoption(df: pd.DataFrame, ctx: Context) -> pd.Series:
    return df["item"].isin(ctx.ledger.adoptions["item"])


def _unit_blank_below(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Items with no 单位 under items of the same sheet that have one: the 单位 written once where it
    changes (staff fill it down by eye, or think of the rows below as under it). Counted for no unit,
    said with the unit above; not when the roster gives each author a unit (``person_units``: their
    单位, or the listed unit their 界别 names)."""
    sheets = ctx.ledger.sheets
    with_column = set(sheets.loc[sheets["columns"].map(lambda c: isinstance(c, dict) and "unit" in c), "src"])
    flagged = df["unit"].eq("") & _unit_above(df).ne("") & df["src"].isin(with_column)
    findings = ctx.ledger.findings
    # 单位栏 写的是身份, the author, or 个人/无: said so, not blank; an item the office wrote as itself (作者
    # 本办, 我办: author.collective) has the office for its unit
    own = {str(w) for w in (ctx.rules.data.get("placement") or {}).get("own_words") or ()}
    role = findings[findings["code"].isin(("unit.is_role", "unit.is_author", "unit.none_written"))
                    | findings["code"].eq("author.collective") & findings["value"].str.strip().isin(own)]
    if flagged.any() and len(role):
        flagged &= ~pd.MultiIndex.from_frame(df[["src", "row"]]).isin(pd.MultiIndex.from_frame(role[["src", "row"]]))
    roster = ctx.ledger.roster
    if flagged.any() and roster is not None and len(roster.people):
        units = person_units(roster, ctx.rules)["counts_for"]
        placed = set(units.index[units.fillna("") != ""])
        authors = ctx.ledger.authors.groupby("item")["name"].agg(lambda n: all(x in placed for x in n))
        flagged &= ~df["item"].map(authors).fillna(False).astype(bool)
    return flagged


def _unit_above(df: pd.DataFrame) -> pd.Series:
    """For each row: the nearest 单位 written above it on its sheet."""
    order = df.sort_values(["src", "row"], kind="stable")
    return order["unit"].where(order["unit"] != "").groupby(order["src"]).ffill().reindex(df.index).fillna("")


def _finding(code: str) -> Predicate:
    return lambda df, ctx: df["code"] == code


def _author_sets(df: pd.DataFrame) -> pd.Series:
    """Each item's authors in any order (read.authors.authors_as_set): 张建国、周强 in one workbook and
    周强、张建国 in another are the same authors when their items are matched."""
    return pd.Series(list(map(authors_as_set, df["authors"], df["author_text"])), index=df.index, dtype=object)


def _same_title_authors(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Rows whose title and authors (in any order) an earlier row of the same office has, on another date."""
    keyed = _filled("title_key")(df)
    keys = ["title_key", "author_set", "office"]
    rows = df.loc[keyed, [*keys, "date"]]
    again = repeated_rows(rows, keys) & ~repeated_rows(rows, [*keys, "date"])
    return again.reindex(df.index, fill_value=False)


def _same_title_and_day(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Rows whose title and date an earlier row of the same office has, by other authors (or, sent in a
    unit's name, of another unit): two items, or one sent jointly written on a row per unit with no
    联合报送 in its 备注 (read.joint), which would count twice. The same authors: ``item.duplicate``."""
    keyed = _filled("title_key")(df) & df["date"].notna()
    keys = ["title_key", "office", "date"]
    rows = df.loc[keyed, keys].assign(who=df.loc[keyed, "author_set"].where(df.loc[keyed, "author_set"] != "",
                                                                             "\x1f" + df.loc[keyed, "unit"]))
    again = repeated_rows(rows, keys) & ~repeated_rows(rows, [*keys, "who"])
    return again.reindex(df.index, fill_value=False)


def _follow_up_texts(df: pd.DataFrame) -> list[str]:
    """The reply and the follow-up of each instruction, as the computations read them together."""
    return [";".join(t for t in (r, f) if t) for f, r in zip(df["follow_up"], df["reply"])]


def _follow_up_unknown(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Instructions whose follow-up or reply no word of the rules places (counted as 办理中)."""
    vocabulary = Vocabulary.of(ctx.rules)
    texts = _follow_up_texts(df)
    understood = {t: vocabulary.status(t)[1] for t in set(texts)}
    return pd.Series([not understood[t] for t in texts], index=df.index, dtype=bool)


def _reply_to_author(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """Instructions whose follow-up says a reply to the author (已向作者反馈), not the unit's 办复: no reply
    (where no 办复 or 反馈 day is written: a day written is the reply's, as the 督办 table reads it)."""
    vocabulary = Vocabulary.of(ctx.rules)
    said = pd.Series([vocabulary.author_only(t) for t in _follow_up_texts(df)], index=df.index, dtype=bool)
    return said & df["replied_on"].isna() & df["fed_back_on"].isna()


def _written_due(df: pd.DataFrame) -> pd.Series:
    """The 办理时限 day the ledger writes, or works out from the days it writes (60天, 15个工作日, from the
    交办日期, else the 批示's); NaT where it writes none (the rules' default then applies)."""
    from ..compute.instructions import _after  # the 督办 table's own reckoning of the days
    days = pd.to_numeric(df["due_days"], errors="coerce")
    working = df["due_text"].fillna("").astype(str).str.contains("工作日")
    return df["due_on"].fillna(_after(_started(df), days.fillna(0), working).where(days.notna()))


def _overdue_written(df: pd.DataFrame, ctx: Context) -> pd.Series:
    """A follow-up saying 逾期 (or 超期) where the ledger writes no 时限 (overdue reckoned by the rules'
    default), or whose 时限 has not passed today: overdue is worked out from the 时限, not the word."""
    vocabulary = Vocabulary.of(ctx.rules)
    says = pd.Series([vocabulary.says_overdue(t) and vocabulary.status(t)[0] != "已办结" for t in _follow_up_texts(df)],
                     index=df.index, dtype=bool)
    due = _written_due(df)
    return says & (due.isna() | (due >= pd.Timestamp(ctx.today)))


def _overdue_why(df: pd.DataFrame) -> pd.Series:
    due = _written_due(df)
    return pd.Series(["台账未写办理时限,按规则默认时限(规则文件 instructions.due_days)计算" if pd.isna(d)
                      else f"按所写办理时限,到期日为{d:%Y-%m-%d},尚未到期" for d in due], index=df.index, dtype=object)


def _worked_out(ctx: Context, module: str, function: str):
    """What ``validate.<module>.<function>(ledger, rules, today)`` works out, once per validation (kept in
    ``ctx.memo``): every check and message of one figure shares one pass over the ledger."""
    key = f"{module}.{function}"
    if key not in ctx.memo:
        work = getattr(importlib.import_module(f".{module}", __package__), function)
        ctx.memo[key] = work(ctx.ledger, ctx.rules, ctx.today)
    return ctx.memo[key]


def _money_written(ctx: Context) -> pd.Series:
    """Per item row whose 稿酬 cell writes an amount the rules do not pay (validate.money): what it
    writes against what they pay; worked out once per validation."""
    return _worked_out(ctx, "money", "written_differs")


def _points_written(ctx: Context) -> tuple[pd.Series, pd.Series]:
    """Per item row whose 积分 cell writes points the rules do not give the row (validate.points), and
    those whose cell writes none it can read; worked out once per validation."""
    return _worked_out(ctx, "points", "checked")


def _tallies_differ(ctx: Context) -> pd.Series:
    """Per 小计/合计 row (``skipped``) whose count of items is not what the tool counts in its rows
    (validate.tallies): the message's detail; worked out once per validation."""
    return _worked_out(ctx, "tallies", "tallies_differ")


def _sheet_tallies_differ(ctx: Context) -> pd.Series:
    """Per 汇总 figure (``skipped`` of reason ``tally_sheet``) whose count of a unit's items is not what the
    workbook's sheets count (validate.tallies): the message's detail; worked out once per validation."""
    return _worked_out(ctx, "tallies", "sheet_tallies_differ")


def _sheet_figures_differ(ctx: Context) -> pd.Series:
    """Per 汇总 row (``skipped`` of reason ``tally_sheet``) whose 采用, 批示 or 稿酬 is none of what it may mean
    over the unit's items (validate.tallies): (the column, the message's detail); worked out once per validation."""
    return _worked_out(ctx, "tallies", "sheet_figures_differ")


def _money_column(df: pd.DataFrame) -> pd.Series:
    from .money import money_column

    return money_column(df)


def _money_totals(ctx: Context) -> pd.Series:
    """Per 小计/合计 row (``skipped``) whose amount of money is neither the 稿酬 cells of its rows nor what the
    rules pay for their items (validate.money): (its text, the message's detail); worked out once per validation."""
    return _worked_out(ctx, "money", "totals_differ")


def _adopted_column(df: pd.DataFrame) -> pd.Series:
    from .tallies import adopted_column

    return adopted_column(df)


def _adopted_differ(ctx: Context) -> pd.Series:
    """Per 小计/合计 row (``skipped``) whose count of adoptions is none of what it may mean over the items
    counted in its rows (validate.tallies): (its text, the message's detail); worked out once per validation."""
    return _worked_out(ctx, "tallies", "adopted_differ")


def _reader_check(code: str) -> Check:
    """A finding only the reader can see (an unknown header, an unreadable mark…), as a check."""
    return Check(code, "findings", None, _finding(code))


# Codes of files (or sheets) that could not be read at all: these make the exit code 2.
FILE_CODES = UNREADABLE_CODES

# The reader's own findings: every catalog code the reader emits into ``findings``.
READER_CODES = (
    "file.format_unsupported", "file.not_read", "file.backup", "input.no_files", "sheet.unrecognised", "sheet.notes", "sheet.not_ledger", "sheet.void", "sheet.sample", "sheet.repeats", "repeat.unique", "repeat.differs", "repeat.written_otherwise", "sheet.hidden", "sheet.hidden_records", "sheet.hidden_other_year", "sheet.year_conflict", "sheet.year_by_name", "ledger.several_years", "sheet.dated_by_name", "sheet.unit_as_author", "sheet.unit_by_name", "sheet.author_by_name", "sheet.items_from_adoptions", "header.unknown", "header.ignored", "header.checked", "header.checked_empty", "header.filler_as_author", "header.sender_units",
    "header.duplicate", "header.relative_twice", "header.second_author", "header.numbering_restarts", "column.no_header", "formula.no_value", "mark.unknown", "mark.other_body", "adoption.level_differs", "adoption.level_not_adopted", "adoption.level_code", "sheet.level_legend", "mark.flag_conflict", "forward.flag_conflict", "issue.unknown", "issue.which_adoption", "issue.several", "adoption.own_beside_forward", "sheet.quotas", "sheet.tally_sheet", "repeat.fills", "repeat.carried_over", "header.unknown_empty", "header.ignored_empty",
    "adoption.issue_only", "cell.orphan", "cell.merged_across", "cell.merged_records", "row.unit_heading", "row.of_rows_above", "row.body_heading", "cell.error_value", "cell.picture", "cell.format_hidden", "cell.note", "date.year_read", "date.year_column_differs", "date.year_unclear", "date.from_issue", "date.year_assumed", "date.from_sheet", "sheet.appendix", "adoption.void", "adoption.unpaid", "adoption.body_from_forward", "adoption.note_denies", "cell.date_invalid", "instruction.due_unread", "instruction.extended", "instruction.extended_unread", "sheet.no_unit", "office.other_level", "sheet.unit_from_name", "product.unknown", "role.unknown", "role.whose", "instruction.in_note",
    "instruction.in_adoption", "instruction.asked_only", "instruction.level_differs", "instruction.repeated", "instruction.copies_differ", "adoption.repeated", "instruction.posts_only", "instruction.count_assumed", "instruction.read_only", "instruction.follow_up_only", "instruction.is_adoption", "forward.in_note", "adoption.in_note", "adoption.note_no_body", "adoption.in_forward", "forward.default_level", "forward.own_level", "forward.by_another_body", "unit.several", "sheet.filed_by_differs", "unit.cell_not_sheet", "unit.from_sheet_not_cell", "unit.is_role", "unit.none_written", "unit.is_author", "unit.with_person", "title.says_status", "unit.read_as", "unit.former_name", "row.void", "row.void_kept", "row.struck", "row.hidden", "column.hidden", "cell.ditto", "cell.ditto_empty", "cell.struck", "cell.partly_struck", "row.same_item", "row.coauthor_line", "row.continuation", "row.note_below", "row.title_below", "roster.same_name", "roster.transfer", "roster.same_name_merged", "author.same_name", "roster.role_read_as", "roster.role_unknown", "roster.unit_type_read_as", "roster.unit_type_unknown", "roster.unit_type_missing", "roster.unit_type_no_column", "roster.role_missing", "roster.rule_names_unit", "roster.unit_change_in_note", "roster.unit_note", "roster.end_month", "roster.leaving_in_note", "roster.joining_in_note", "roster.note_unread", "roster.no_name", "roster.names_split", "roster.date_problem", "roster.column_unread", "roster.quota_column", "roster.term_column", "roster.term_sheets", "roster.not_a_name", "roster.name_note", "roster.same_person", "roster.terms_joined", "author.et_al", "author.in_note", "author.joined", "author.with_unit", "author.unit_in_brackets", "author.unit_not_column", "author.source", "author.collective", "author.ambiguous", "author.variant", "author.names_joined", "author.name_spaced", "author.titled", "author.unit_from_roster", "author.unit_unlisted", "author.units_several", "author.columns_swapped", "author.repeated", "unit.from_sector", "unit.from_sector_written", "unit.sector_unlisted", "row.adopted_again", "row.sample", "sheet.tally", "instruction.second_after_comma", "instruction.unclear_second", "cell.volatile_date", "row.joint", "roster.row_hidden", "roster.sheet_hidden", "roster.left_no_end", "roster.left_listed", "roster.move_in_note", "roster.move_in_note_unread", "roster.sheet_unread", "roster.from_ledgers", "roster.ledger_list_merged", "roster.ledger_list_differs", "sheet.colour_legend", "author.department", "author.other_unit",
    "unit.with_author",
    "author.dated", "author.honour", "author.place",
    "issue.not_adopted", "issue.not_adopted_which", "adoption.note_against_record", "link.nothing_recorded",
    "row.hidden_records",
    "link.ambiguous", "forward.repeated", "link.author_differs", "link.loose", "link.wording", "link.number_mismatch", "link.number_form", "link.by_seq", "link.other_year", "link.no_seq",
    "office.place_unclear", "office.misfiled", "cell.deduction_unapplied",
)

CHECKS: list[Check] = [
    *[Check(code, "files", None, _finding(code)) for code in FILE_CODES],
    Check("file.sqmy_output", "files", None, _finding("file.sqmy_output")),  # the tool's own file, passed over: said
    Check("roster.blank", "files", None, _finding("roster.blank")),  # a blank roster beside one kept with the ledgers
    Check("roster.unfilled", "files", None, _finding("roster.unfilled")),  # the template sqmy init wrote, not yet filled in
    # -- items
    Check("title.missing", "submissions", "title", lambda df, ctx: _blank("title")(df)),
    Check("author.missing", "submissions", "author", lambda df, ctx: _blank("author_text")(df)),
    Check("title.placeholder", "submissions", "title", lambda df, ctx: _placeholder("title")(df)),
    Check("title.body_text", "submissions", "title", lambda df, ctx: _body_text(df["title"])),
    Check("author.placeholder", "submissions", "author", lambda df, ctx: _placeholder("author_text")(df)),
    Check("date.missing", "submissions", "date", _status("missing")),
    Check("date.unparseable", "submissions", "date", _status("unparseable")),
    Check("date.ambiguous", "submissions", "date", _status("ambiguous")),
    Check("date.no_year", "submissions", "date", _status("no_year")),
    Check("date.month_only", "submissions", "date", _status("month_only")),
    Check("date.part_of_month", "submissions", "date", _status("part_of_month")),
    Check("date.weekday_mismatch", "submissions", "date", _weekday_mismatch),
    Check("date.future", "submissions", "date", lambda df, ctx: df["date"] > pd.Timestamp(ctx.today)),
    Check("date.out_of_year", "submissions", "date", _out_of_year),
    Check("date.outside_sheet", "submissions", "date", _outside_sheet),
    Check("item.duplicate_no", "submissions", "item_no", _duplicated(["file", "no_scope", "item_no"])),
    Check("item.duplicate", "submissions", "title", _duplicated(["office", "title_key", "author_set", "date"])),
    Check("item.possible_duplicate", "submissions", "title", _same_title_authors),
    Check("item.same_title", "submissions", "title", _same_title_and_day),
    Check("category.unknown", "submissions", "category", lambda df, ctx: _filled("category_text")(df) & df["category"].isna()),
    Check("roster.unknown_unit", "submissions", "unit", _unit_not_on_roster, needs_roster=True),
    Check("unit.outside_its_dates", "submissions", "unit", _unit_outside_its_dates, needs_roster=True),
    Check("unit.variant", "submissions", "unit", _unit_variant),
    Check("unit.elsewhere", "submissions", "unit", _unit_elsewhere),
    Check("unit.blank_below", "submissions", "unit", _unit_blank_below),
    # The 稿酬 a ledger writes (read past: the rules decide) against what the rules pay for the item.
    Check("money.written_differs", "submissions", None, lambda df, ctx: pd.Series(df.index.isin(_money_written(ctx).index), index=df.index),
          column_from="paid_column"),
    Check("money.written_unread", "submissions", None,
          lambda df, ctx: pd.Series(df.index.isin(_worked_out(ctx, "money", "written_unread").index), index=df.index),
          column_from="paid_column"),
    # The 积分 a ledger writes (read past: the rules decide) against the points the rules give the row.
    Check("points.written_differs", "submissions", None, lambda df, ctx: pd.Series(df.index.isin(_points_written(ctx)[0].index), index=df.index),
          column_from="points_column"),
    Check("points.written_unread", "submissions", None, lambda df, ctx: pd.Series(df.index.isin(_points_written(ctx)[1].index), index=df.index),
          column_from="points_column"),
    # A ledger's own 小计/合计 of its items against the items counted in the rows it counts.
    Check("row.tally_differs", "skipped", None, lambda df, ctx: pd.Series(df.index.isin(_tallies_differ(ctx).index), index=df.index)),
    # A 小计/合计's count of adoptions (采用2条) against the adoptions of the items counted in its rows.
    Check("row.tally_adopted_differs", "skipped", None,
          lambda df, ctx: pd.Series(df.index.isin(_adopted_differ(ctx).index), index=df.index), column_from="adopted_column"),
    # A 小计/合计's amount of money against the 稿酬 cells above it and what the rules pay for those items.
    Check("money.tally_differs", "skipped", None,
          lambda df, ctx: pd.Series(df.index.isin(_money_totals(ctx).index), index=df.index), column_from="money_column"),
    # A 汇总 sheet's items per unit against the items its workbook's sheets count for the unit.
    Check("sheet.tally_sheet_differs", "skipped", None,
          lambda df, ctx: pd.Series(df.index.isin(_sheet_tallies_differ(ctx).index), index=df.index)),
    # A 汇总 sheet's 采用, 批示 and 稿酬 per unit against the workbook's sheets' for the unit.
    Check("sheet.tally_sheet_figure_differs", "skipped", None,
          lambda df, ctx: pd.Series(df.index.isin(_sheet_figures_differ(ctx).index), index=df.index), column_from="figure_column"),
    # -- authors (each points at the item's author cell)
    Check("roster.unknown_person", "authors", "author", _not_on_roster, needs_roster=True),
    Check("author.surname_only", "authors", "author", _surname_and_title),
    # -- adoptions
    Check("adoption.no_item", "adoptions", ("item_no", "title"), _no_item),
    Check("adoption.no_body", "adoptions", None, lambda df, ctx: df["tier"].isna() & _blank("body")(df)),
    Check("adoption.unknown_tier", "adoptions", None,
          lambda df, ctx: df["tier"].isna() & _filled("body")(df) & ~_city_unclear(df, ctx) & ~_level_unclear(df, ctx)),
    Check("adoption.level_unclear", "adoptions", None, lambda df, ctx: df["tier"].isna() & _filled("body")(df) & _level_unclear(df, ctx)),
    Check("adoption.city_unclear", "adoptions", None, lambda df, ctx: df["tier"].isna() & _filled("body")(df) & _city_unclear(df, ctx)),
    # 市日报, 县电视台, 市总工会: a level, and an owner no channel of the rules lists (not the office's own line).
    Check("adoption.unknown_channel", "adoptions", None, lambda df, ctx: df["tier"].notna() & df["channel"].isna()),
    Check("adoption.date_invalid", "adoptions", "adopted_on", lambda df, ctx: df["date_status"].isin(["unparseable", "ambiguous", "no_year"])),
    # A month or a part of one (2025年10月, 10月上旬), in the 采用时间 column or the 采用情况 text: as a 收稿日期's.
    Check("date.month_only", "adoptions", "adopted_on", _status("month_only")),
    Check("date.part_of_month", "adoptions", "adopted_on", _status("part_of_month")),
    Check("date.weekday_mismatch", "adoptions", "adopted_on", _weekday_mismatch),
    Check("adoption.issue_of_another_year", "adoptions", "adopted_on", _issue_of_another_year),
    Check("adoption.issue_gone_back", "adoptions", "adopted_on", lambda df, ctx: _issues_gone_back(df, ctx).notna()),
    Check("adoption.before_item", "adoptions", "adopted_on", lambda df, ctx: _last_day_written(df) < df["item_date"]),
    Check("adoption.future", "adoptions", "adopted_on", lambda df, ctx: df["date"] > pd.Timestamp(ctx.today)),
    # -- forwardings (上报)
    Check("forward.no_item", "forwards", ("item_no", "title"), _no_item),
    Check("forward.unknown_tier", "forwards", None, lambda df, ctx: df["tier"].isna()),
    # -- instructions
    Check("instruction.no_item", "instructions", ("item_no", "title"), _no_item),
    Check("instruction.no_adoption", "instructions", None, lambda df, ctx: (df["item"] != -1) & ~_items_with_adoption(df, ctx)),
    Check("instruction.unknown_level", "instructions", None, lambda df, ctx: df["level"].isna()),
    Check("instruction.leader_not_counted", "instructions", None, lambda df, ctx: _leader_not_counted(df, ctx)),
    Check("instruction.follow_up_unknown", "instructions", ("follow_up", "reply"), _follow_up_unknown),
    Check("instruction.reply_to_author", "instructions", ("follow_up", "reply"), _reply_to_author),
    Check("instruction.overdue_written", "instructions", ("follow_up", "reply"), _overdue_written),
    Check("instruction.date_invalid", "instructions", "instructed_on", lambda df, ctx: df["date_status"].isin(["unparseable", "ambiguous", "no_year"])),
    Check("instruction.before_item", "instructions", "instructed_on", lambda df, ctx: _last_day_written(df) < df["item_date"]),
    Check("date.month_only", "instructions", "instructed_on", _status("month_only")),
    Check("date.part_of_month", "instructions", "instructed_on", _status("part_of_month")),
    Check("date.weekday_mismatch", "instructions", "instructed_on", _weekday_mismatch),
    Check("instruction.future", "instructions", "instructed_on", lambda df, ctx: df["date"] > pd.Timestamp(ctx.today)),
    # The 督办 dates against the 批示's own: one written before it is a slip (2025-02-01 for 04-01) that
    # would make the item overdue, or answered, from the start.
    Check("instruction.assigned_before_date", "instructions", "assigned_on", lambda df, ctx: _before(df["assigned_on"], df["date"])),
    Check("instruction.due_before_date", "instructions", "due_on", lambda df, ctx: _before(df["due_on"], _started(df))),
    Check("instruction.answered_before_date", "instructions", "replied_on", lambda df, ctx: _before(df["replied_on"], df["date"])),
    Check("instruction.answered_before_date", "instructions", "fed_back_on", lambda df, ctx: _before(df["fed_back_on"], df["date"])),
    # -- what only the reader saw
    *[_reader_check(code) for code in READER_CODES],
]

@dataclass(frozen=True)
class EachRow:
    """A message value worked out from each flagged row alone (``fn(table)`` of the flagged rows
    only); an extra that needs the whole table (where the first of a pair is) is a plain function."""

    fn: Callable[[pd.DataFrame], pd.Series]

    def __call__(self, df: pd.DataFrame) -> pd.Series:
        return self.fn(df)


@dataclass(frozen=True)
class WithContext:
    """A message value worked out for the flagged rows with what the check worked out (``ctx.memo``)."""

    fn: Callable[[pd.DataFrame, Context], pd.Series]

    def __call__(self, df: pd.DataFrame, ctx: Context) -> pd.Series:
        return self.fn(df, ctx)


# Extra per-row values some messages need.
def _reference_named(df: pd.DataFrame) -> pd.Series:
    """How a reference row names its item, as its cells write it: 编号“A12”、标题“关于…”, or only what it gives;
    with what an 编号 of an earlier year than the record's own day tells (``_earlier_year``)."""
    parts = lambda no, title: "、".join(p for p in (f"编号“{no}”" if no else "", f"标题“{title}”" if title else "") if p)
    return pd.Series([(parts(n, t) or "未写编号和标题") + _earlier_year(n, d)
                      for n, t, d in zip(df["ref_item_no"], df["ref_title"], df["date"])], index=df.index, dtype=object)


_YEAR_IN_NO = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _earlier_year(no, day) -> str:
    """An 编号 naming a year before the record's day (LJ2024-098 adopted 2025年1月10日): most likely an item sent
    in that year, adopted or instructed in this one, whose 报送台账 was not read with these. Said, never assumed."""
    found = _YEAR_IN_NO.search(no) if isinstance(no, str) else None
    if found is None or pd.isna(day) or int(found.group(1)) >= day.year:
        return ""
    year = found.group(1)
    return f";编号中的年份是{year}年,早于{day.year}年{day.month}月{day.day}日,可能是{year}年报送的信息,请把{year}年的报送台账一并读入"


def _unknown_leader(leader, text) -> str:
    """Who a 批示 of no level is, as its cell wrote it: the leader written (“王某”); none, the 批示's own words
    (同意，请区住建局研究办理: its leader unwritten, not a mark alone); none and no words, a mark (√, 已批示)."""
    if isinstance(leader, str) and leader:
        return f"“{leader}”"
    if isinstance(text, str) and text.strip():
        words = text.strip()
        return f"(批示内容“{words[:40]}{'…' if len(words) > 40 else ''}”未写明是哪位领导的批示)"
    return "(只写了批示标记,未写明是谁)"


MESSAGE_EXTRAS: dict[str, dict[str, Callable[[pd.DataFrame], pd.Series]]] = {
    "item.duplicate_no": {"first": _first_of(["file", "no_scope", "item_no"])},
    "item.duplicate": {"first": _first_of(["office", "title_key", "author_set", "date"])},
    "item.possible_duplicate": {"first": _first_of(["office", "title_key", "author_set"])},
    "item.same_title": {"first": _first_of(["office", "title_key", "date"])},
    "instruction.unknown_level": {"who": EachRow(lambda df: pd.Series(map(_unknown_leader, df["leader"], df["text"]), index=df.index, dtype=object))},
    "instruction.follow_up_unknown": {"said": EachRow(lambda df: pd.Series(_follow_up_texts(df), index=df.index))},
    "instruction.reply_to_author": {"said": EachRow(lambda df: pd.Series(_follow_up_texts(df), index=df.index))},
    "instruction.overdue_written": {"said": EachRow(lambda df: pd.Series(_follow_up_texts(df), index=df.index)),
                                    "why": EachRow(_overdue_why)},
    "date.unparseable": {"why": EachRow(lambda df: pd.Series(map(_impossible_day, df["date_text"], df["sheet"]), index=df.index, dtype=object))},
    "unit.blank_below": {"above": _unit_above},
    "adoption.issue_of_another_year": {"issue_year": EachRow(lambda df: _issue_year(df).astype("Int64").astype(str)),
                                       "item_year": EachRow(lambda df: df["item_date"].dt.year.astype("Int64").astype(str))},
    "adoption.issue_gone_back": {"detail": WithContext(_issues_gone_back),
                                 "issue": EachRow(lambda df: df["issue_no"].astype("Int64").astype(str)),
                                 "item_year": EachRow(lambda df: df["item_date"].dt.year.astype("Int64").astype(str)),
                                 "next_year": EachRow(lambda df: (df["item_date"].dt.year + 1).astype("Int64").astype(str))},
    "date.outside_sheet": {"named": EachRow(lambda df: df["named_months"].map(_months_said)), "counted": EachRow(_counted_in)},
    "unit.outside_its_dates": {"when": WithContext(_unit_dates_said)},
    "date.weekday_mismatch": {"weekday": EachRow(lambda df: df["date"].dt.day_of_week.map(dict(enumerate(WEEKDAY_NAMES))))},
    **{f"{kind}.no_item": {"named": EachRow(_reference_named)} for kind in ("adoption", "forward", "instruction")},
    "instruction.due_before_date": {"start": EachRow(_started)},
    "row.tally_differs": {"value": EachRow(lambda df: df["detail"]),
                          "detail": WithContext(lambda df, ctx: _tallies_differ(ctx).reindex(df.index))},
    "points.written_differs": {"value": EachRow(lambda df: df["points_text"]),
                               "detail": WithContext(lambda df, ctx: _points_written(ctx)[0].reindex(df.index))},
    "points.written_unread": {"value": EachRow(lambda df: df["points_text"])},
    "row.tally_adopted_differs": {"value": WithContext(lambda df, ctx: _adopted_differ(ctx).reindex(df.index).str[0]),
                                  "detail": WithContext(lambda df, ctx: _adopted_differ(ctx).reindex(df.index).str[1])},
    "sheet.tally_sheet_differs": {"value": EachRow(lambda df: df["detail"]),
                                  "detail": WithContext(lambda df, ctx: _sheet_tallies_differ(ctx).reindex(df.index))},
    "money.tally_differs": {"value": WithContext(lambda df, ctx: _money_totals(ctx).reindex(df.index).str[0]),
                            "detail": WithContext(lambda df, ctx: _money_totals(ctx).reindex(df.index).str[1])},
    "sheet.tally_sheet_figure_differs": {"value": EachRow(lambda df: df["detail"]),
                                         "detail": WithContext(lambda df, ctx: _sheet_figures_differ(ctx).reindex(df.index).str[1])},
    "money.written_unread": {"value": EachRow(lambda df: df["paid_text"])},
    "money.written_differs": {"value": EachRow(lambda df: df["paid_text"]),
                              "detail": WithContext(lambda df, ctx: _money_written(ctx).reindex(df.index))},
}

_DAY_WRITTEN = re.compile(r"(?:(\d{4})\s*[年./\-])?\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$")
_DAY_ALONE = re.compile(r"(\d{1,2})\s*[日号]?")  # 31日, 31号, 31 (read.values.day_in_month's day alone)


def _impossible_day(text, sheet="") -> str:
    """``(9月没有31日)`` for a day its month does not have, written as staff write dates, or a day
    alone (31日) on a month's sheet (4月份: its month, as the reader took it); '' else (the date was
    written in the format the message asks for: the advice alone did not help)."""
    text = str(text).strip()
    m = _DAY_WRITTEN.fullmatch(text)
    if m:
        written, month, day = m[1], int(m[2]), int(m[3])
    elif (alone := _DAY_ALONE.fullmatch(text)) and (month := month_in_text(str(sheet or ""))):
        written, day = year_in_text(str(sheet)), int(alone[1])
        written = str(written) if written else None
    else:
        return ""
    year = int(written or 2000)  # 2000: a leap year, when none is written
    if 1 <= month <= 12 and 1 <= day <= 31 and day > calendar.monthrange(year, month)[1]:
        return f"({written + '年' if written else ''}{month}月没有{day}日)"
    return ""


# Columns a table gains before its checks run (joins a predicate needs).
TABLE_PREP: dict[str, Callable[[pd.DataFrame, Context], pd.DataFrame]] = {
    "submissions": lambda df, ctx: df.assign(no_scope=_numbering_scope(df), unit_main=_main_units(df, ctx),
                                             unit_elsewhere=_units_elsewhere(df, ctx),
                                             author_set=_author_sets(df), named_months=_named_months(df, ctx)),
    "adoptions": lambda df, ctx: df.assign(item_date=_item_dates(df, ctx)),
    "skipped": lambda df, ctx: df.assign(adopted_column=_adopted_column(df), money_column=_money_column(df),
                                         figure_column=_sheet_figures_differ(ctx).reindex(df.index).str[0]),
    "instructions": lambda df, ctx: df.assign(item_date=_item_dates(df, ctx)),
    "authors": lambda df, ctx: df.drop(columns=["office"]).merge(
        ctx.ledger.submissions[["item", "src", "file", "sheet", "row", "office"]], on="item", how="left"
    ),
}
