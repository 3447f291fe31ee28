"""What every computation starts from: usable records, the period asked for, and how a quota is judged.

Quotas (domain.md §8, the rules' ``quotas``):
- a quota runs only while its holder is in post: a month counts when the person is in post on its
  last day (from 聘任/任职 to 解聘/离任/届满), or, for a unit, from its 成立时间 to its 撤销时间 and
  from the rule's ``start_month``;
- only months that have ended by the as-of day are due (a circular for a month still running does
  not count it against anyone);
- ``per: month`` with ``every_month: true`` (L88 "每月都要") is met month by month: the months
  missed are listed and completion is the share of due months met;
- ``per: quarter|year`` with ``prorate: false`` is due at the end of its quarter or year: before
  then the figures show progress and ``behind`` stays False (L31 "每年至少应反映两条" is a yearly
  expectation); with ``prorate: true`` it is spread over the months, as a cumulative target;
- otherwise the quota is cumulative: items in the period against items due.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import arguments
from ..records import Ledger, by_item
from ..rules import Rules
from .counted import Counted, counted
from ..period import Period, as_of_date

SPAN_MONTHS = {"month": 1, "quarter": 3, "year": 12}
# The origin of a 上报 a roll-up reads from a higher office's own record of a lower office's item
# (the city's ledger holds the county's item: the county sent it there), not one a ledger wrote.
ROLLUP_ORIGIN = "rollup"


def prepare(source: Ledger | Counted, period, rules: Rules | None = None,
            today: dt.date | None = None, records_suffice: bool = False) -> tuple[Counted, Period]:
    """Accept a Ledger (or an already counted one) and a period in any form ``Period.parse`` reads
    (a Period, a year, ``"2025Q3"``, ``"2025-03"``, ``pd.Period("2025Q3")``). ``records_suffice``: the
    figures are of adoptions or 批示 alone (稿酬, 批示 tracking), computed without a warning for a year
    that holds those but no item (:func:`records_only`)."""
    c = counted_from(source, rules, today, stacklevel=3)
    p = Period.parse(period)
    if not isinstance(source, Counted):  # called on a Ledger: the caller's own call (inner ones pass a Counted)
        if not (records_suffice and records_only(source, p)):
            warn_if_empty(source, p, stacklevel=4)
    return c, p


def counted_from(source, rules=None, today: dt.date | None = None, stacklevel: int = 2) -> Counted:
    """The counted records every public computation starts from (``arguments``: a path or a table where
    the Ledger belongs is refused, a rules file's path is read). Called on a Ledger (the caller's own
    call) it says the rows left out, once, unless ``validate`` has said them (``LeftOutWarning``; ``stacklevel``: the caller's frame as seen
    from the public function); a Counted is an inner call's, said by its caller."""
    source = arguments.ledger(source)
    if isinstance(source, Counted):
        return source
    c = counted(source, arguments.rules(rules, source.year), today)
    # Not once the ledger has been validated (its error rows kept: a report's notebook, an analyst who
    # ran sq.validate): its report says each error already, and a notebook would keep a raw warning line.
    if c.left_out_text and not source.cache("validated"):
        warnings.warn(f"{c.left_out_text};这些行未计入本次统计,请用 sq.validate(ledger) 查看每处错误的位置和原因",
                      LeftOutWarning, stacklevel=stacklevel + 1)
    return c


class EmptyPeriodWarning(UserWarning):
    """The year of the period asked for holds no record at all in the ledgers read (``period.empty``):
    the figures are all 0 and say nothing about who did not submit."""


class LeftOutWarning(UserWarning):
    """Rows with validation errors were left out of the figures (``Counted.left_out``: how many, why):
    the figures are of the rest, and ``sq.validate`` says where each error is."""


def years_held(ledger: Ledger, tables: tuple[str, ...] = ("submissions", "adoptions", "forwards", "instructions")) -> list[int]:
    """The years the ledger's records (报送, 采用, 上报, 批示; error rows too) are dated in; ``tables``:
    of those only (``("submissions",)``: the years items were sent in)."""
    years: set[int] = set()
    for table in (getattr(ledger, name) for name in tables):
        if len(table) and "date" in table:
            dates = pd.to_datetime(table["date"], errors="coerce").dropna()
            years.update(int(y) for y in dates.dt.year.unique())
    return sorted(years)


def empty_period_text(ledger: Ledger, period: Period) -> str:
    """The Chinese line saying that ``period``'s year holds no item in the ledgers (which years they
    hold), or "" when it holds any. A period of a year the ledgers hold items of with nothing in it is a
    true 未报送 and says nothing here. A year with adoptions or 批示 but no item (a 2025 ledger's January
    adoptions of December's items, the 2026 ledger not read) is said too: its 报送 and quotas would read
    as everyone 未报送 (:func:`records_only`: its adoptions and 批示 are figures of their own)."""
    held = years_held(ledger)
    items = years_held(ledger, ("submissions",))
    if period.year in items:
        return ""
    if period.year in held:
        where = f"所读台账的报送都在{'、'.join(map(str, items))}年" if items else "所读台账的报送都没有能确定年份的日期"
        return (f"{period.label}没有任何报送记录({where},{period.year}年只有此前报送信息的采用或批示记录),报送条数和任务完成情况均为0,并不表示未报送;"
                f"请确认统计年度是否正确,或一并读取{period.year}年的报送台账")
    if held:
        where, check = f"所读台账的记录都在{'、'.join(map(str, held))}年", "请确认统计年度是否正确"
    elif not _any_file_read(ledger):  # an empty folder, the wrong one (input.no_files): no year to write
        where, check = "没有读取到任何台账文件", "请检查所给的台账路径(sq.validate 会列出没有台账的文件夹和未能读取的文件)"
    else:
        where, check = "所读台账中没有能确定年份的日期", "请在台账标题、工作表名或文件名中写明年度,或读取时指定年度"
    return f"{period.label}没有任何报送、采用或批示记录({where}),各项统计均为0,并不表示未报送;{check}"


def _any_file_read(ledger: Ledger) -> bool:
    """Whether any workbook was read (its status ok), whatever it held."""
    return bool(len(ledger.files) and (ledger.files["status"] == "ok").any())


def records_only(ledger: Ledger, period: Period) -> bool:
    """Whether ``period``'s year holds adoptions, 上报 or 批示 but no item: its 稿酬 and 批示 can be
    computed (January's adoptions of December's items), its 报送 and quotas cannot."""
    return period.year in years_held(ledger) and period.year not in years_held(ledger, ("submissions",))


def warn_if_empty(ledger: Ledger, period: Period, stacklevel: int = 3) -> None:
    """An ``EmptyPeriodWarning`` with :func:`empty_period_text` when the period's year holds nothing;
    the figures are still returned."""
    text = empty_period_text(ledger, period)
    if text:
        warnings.warn(f"{text} [period.empty]", EmptyPeriodWarning, stacklevel=stacklevel)


def in_period(df: pd.DataFrame, period: Period, column: str = "when") -> pd.DataFrame:
    """Rows whose counting date falls in the period."""
    return df[period.contains(df[column])]


def ratio(numerator, denominator, places: int = 10):
    """numerator / denominator, or None when the denominator is 0 or missing. Kept to 10 places, so
    that a percentage shown from it is rounded once: 12 of 22 is 54.5%, not 54.6% by way of 0.5455."""
    if denominator is None or pd.isna(denominator) or denominator == 0:
        return None
    return round(float(numerator) / float(denominator), places)


@functools.lru_cache(maxsize=1024)
def month_end(year: int, month: int) -> pd.Timestamp:
    """The last day of a month (looked up for every holder of a quota: kept)."""
    return (pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)).normalize()


def months_in_post(year: int, start=None, end=None, first_month: int = 1) -> frozenset[int]:
    """Months of ``year`` whose last day falls within [start, end] (either may be missing: open),
    from ``first_month`` on."""
    start = None if start is None or pd.isna(start) else pd.Timestamp(start).date()
    end = None if end is None or pd.isna(end) else pd.Timestamp(end).date()
    return _months_in_post(year, start, end, first_month)


@functools.lru_cache(maxsize=4096)  # most holders share their dates (none, or an appointment day)
def _months_in_post(year: int, start: dt.date | None, end: dt.date | None, first_month: int) -> frozenset[int]:
    out = []
    for m in range(max(1, first_month), 13):
        last = month_end(year, m).date()
        if (start is None or start <= last) and (end is None or end >= last):
            out.append(m)
    return frozenset(out)


@dataclass
class QuotaResult:
    """How one holder stands against one quota rule in one period."""

    quota: float | None = None  # items due (or, before a yearly quota falls due, the year's target)
    completion: float | None = None
    behind: bool = False  # short of a quota that has fallen due
    missed_months: list[int] = field(default_factory=list)  # every_month quotas: due months with too few
    done: int | None = None  # what counted against it (in post; a whole span's so far for a yearly target)
    short_months: list[int] = field(default_factory=list)  # of the missed months, those with some but too few
    month_items: int | None = None  # every_month quotas: the items each month asks
    # Co-written items credited to another author (coauthored_counts_each: false) over the months
    # ``done`` counts, and the missed months that have one: the holder wrote, though nothing counted.
    joint: int = 0
    joint_months: list[int] = field(default_factory=list)


def judge_quota(rule: dict | None, period: Period, in_post: frozenset[int], by_month: dict[int, int],
                as_of: pd.Timestamp, joint_by_month: dict[int, int] | None = None) -> QuotaResult:
    """Judge ``by_month`` (items per month of the period's year) against a quota rule
    ``{per, items, every_month?, prorate?}`` for a holder in post in the months ``in_post``.
    ``joint_by_month``: the holder's co-written items credited to another author, per month: never
    counted, only told (``QuotaResult.joint``)."""
    if not rule:
        return QuotaResult()
    joint_by_month = joint_by_month or {}
    result = _judged(rule, period, in_post, by_month, as_of)
    # What the holder co-wrote over the months ``done`` counts: the period, or a whole span so far.
    spanned = _counted_months(rule, period)
    result.joint = sum(n for m, n in joint_by_month.items() if m in spanned and m in in_post)
    result.joint_months = [m for m in result.missed_months if joint_by_month.get(m, 0)]
    return result


def _counted_months(rule: dict, period: Period) -> set[int]:
    """The months whose items ``_judged`` counts as ``done``: the period's, or for a span not pro-rated
    (委员 2 a year) every month of its spans so far."""
    in_period = set(range(period.first_month, period.last_month + 1))
    if rule["per"] == "month" or rule.get("prorate"):
        return in_period
    span = SPAN_MONTHS[rule["per"]]
    return {m for first in range(1, 13, span) for m in range(first, first + span)
            if set(range(first, first + span)) & in_period and m <= period.last_month}


def _judged(rule: dict, period: Period, in_post: frozenset[int], by_month: dict[int, int],
            as_of: pd.Timestamp) -> QuotaResult:
    items, per = rule["items"], rule["per"]
    in_period = set(range(period.first_month, period.last_month + 1))
    ended = {m for m in in_period if month_end(period.year, m) <= as_of}
    # Only what was sent while in post counts against a quota that runs with the post.
    count = lambda months: sum(n for m, n in by_month.items() if m in months and m in in_post)
    if per == "month":
        due = sorted(ended & in_post)
        quota, done = float(items * len(due)), count(in_period)
        if rule.get("every_month"):
            missed = [m for m in due if by_month.get(m, 0) < items]
            short = [m for m in missed if by_month.get(m, 0) > 0]  # 1 sent of 2: short, not 未报送
            return QuotaResult(quota, ratio(len(due) - len(missed), len(due)), bool(missed), missed, done, short, items)
        return QuotaResult(quota, ratio(done, quota), quota > 0 and done < quota, done=done)
    span = SPAN_MONTHS[per]
    quota, quota_due, done = 0.0, 0.0, 0
    for first in range(1, 13, span):
        months = set(range(first, first + span))
        if not months & in_period:
            continue
        served = months & in_post
        if rule.get("prorate"):
            quota += items * len(served & ended & in_period) / span
            quota_due = quota
            done += count(months & in_period)
        else:
            target = items * len(served) / span  # a holder in post for part of the span owes part of it
            quota += target
            # The span's target is judged on all the span has given so far (委员 2 a year: a fourth
            # quarter's circular counts the year's items, not the quarter's).
            done += count({m for m in months if m <= period.last_month})
            if max(months) <= period.last_month and max(months) in ended:
                quota_due += target
    # Items are whole: a quota prorated for months in post (2 a year for 9 months, 1.5) is 任务2条, and
    # the rate is of that (1 of 2, 50.0%), as every table and sentence says it. Rounding up judges as
    # the fraction does: a whole count is short of 1.5 exactly when it is short of 2.
    quota = whole_items(quota)
    return QuotaResult(quota, ratio(done, quota), quota_due > 0 and done < round(quota_due, 9), done=done)


def cumulative_text(rules: Rules, kind: str, names, period: Period, adopted: bool = False) -> str:
    """What a completion over ``period`` counts when some quota of the holders ``names`` (roles, for
    ``kind`` "people"; unit types for "units") runs over a longer span and is not pro-rated: "年度任务按
    1—6月累计" (a 委员's 2 a year in a second quarter is judged on January to June, not on the quarter's
    报送). "" when every quota is judged inside the period. ``adopted``: the units' adoption quotas only."""
    quotas = rules.data.get("quotas", {}).get(kind) or {}
    chosen = [q for q in (quotas.get(n) for n in set(names))
              if q and not q.get("prorate") and (q.get("adopted") or not adopted)]
    parts = []
    for per, word in (("year", "年度"), ("quarter", "季度")):
        span = SPAN_MONTHS[per]
        first = (period.last_month - 1) // span * span + 1  # the span's first month
        if first < period.first_month and any(q.get("per") == per for q in chosen):
            parts.append(f"{word}任务按{first}—{period.last_month}月累计")
    return "，".join(parts)


def float_column(values) -> np.ndarray:
    """Quotas and completions, None where a row has none, as one float column (NaN for none): the same
    dtype whether or not any row has one (no roster, no quota rule: all None would make an object column).
    Not Int64: a completion is a fraction, and the two share the writers' number kinds."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype="float64")


def as_of(period: Period, today: dt.date | None = None) -> pd.Timestamp:
    """The day quotas are judged at: the period's end, or today if the period is not over."""
    return as_of_date(period, today)


def credited_authors(c: Counted) -> pd.DataFrame:
    """(item, name, role) of the people an item counts for: every named person, or — when the rules
    say ``coauthored_counts_each: false`` — its 执笔 author when one is tagged, else its first."""
    persons = c.authors.loc[~c.authors["is_unit"], ["item", "name", "role", "position", "tag", "scribe"]]
    persons = persons.drop_duplicates(["item", "name"])
    quotas = c.rules.data.get("quotas", {})
    if counts_each(c.rules) or persons.empty:
        return persons[["item", "name", "role"]]
    lead_tags = set(quotas.get("lead_author_tags") or [])
    # The reader marks the 执笔人 (执笔:X, X(执笔)); a tag the rules name marks a lead author too.
    lead = (persons["scribe"].astype(bool) | persons["tag"].isin(lead_tags)).astype(int)
    first = persons.assign(lead=lead).sort_values(["item", "lead", "position"], ascending=[True, False, True], kind="stable")
    return first.drop_duplicates("item")[["item", "name", "role"]]


def joint_authors(c: Counted) -> pd.DataFrame:
    """(item, name) of the people named on an item it does not count for: its other authors when the
    rules say ``coauthored_counts_each: false`` (empty otherwise). They wrote it, and are never told
    they sent nothing."""
    named = c.authors.loc[~c.authors["is_unit"], ["item", "name"]].drop_duplicates()
    if counts_each(c.rules) or named.empty:
        return named.iloc[0:0]
    credited = credited_authors(c)[["item", "name"]]
    both = named.merge(credited, on=["item", "name"], how="left", indicator=True)
    return both.loc[both["_merge"] == "left_only", ["item", "name"]].reset_index(drop=True)


def counts_each(rules: Rules) -> bool:
    """Whether a co-written item counts for each of its authors (``quotas.coauthored_counts_each``)."""
    return bool(rules.data.get("quotas", {}).get("coauthored_counts_each", True))


def forwards_recorded(c) -> bool:
    """Whether the ledgers read record any 上报 at all. Ledgers that record none say nothing of what
    went up (统计口径: 台账未记录任何上报时，不统计上报): no 上报 figure, column or row is shown then,
    not a 0 (``units``, ``people`` leave their ``forwarded`` columns out; ``summary`` has no
    ``forwarded`` tiers)."""
    return c.forwards is not None and len(c.forwards) > 0


def count_columns(rules: Rules, forwarded: bool = True) -> list[str]:
    """The counts a person's or a unit's row sums from :func:`item_flags`, in order: submitted,
    adopted (by tier, and by each item's highest tier), instructed; the 上报 ones only when
    ``forwarded`` (:func:`forwards_recorded`)."""
    return ["submitted", "adopted", *[f"adopted_{t}" for t in rules.tiers], *[f"highest_{t}" for t in rules.tiers],
            "instructed", *(["forwarded", "forwarded_adopted"] if forwarded else [])]


def forwarded_items(c, period: Period) -> pd.DataFrame:
    """Items sent upward (上报) in the period: item, the highest level it went to, and whether it
    was adopted above (被上级采用) by the period's end: by any body above the office's own tier, or with
    the rules' ``forwarded_adopted: at_highest_sent`` only at or above the highest level it went to.

    An item adopted above the office's own level went there, 上报 written or not (L77 "上报省、市级
    信息153条" counts what was adopted too): when the ledgers record 上报 at all, such an item with
    no 上报 of its own counts as sent where it was adopted, in the period of that adoption. Ledgers
    that record no 上报 say nothing of what went up and was not adopted: no 上报 figures then.
    In a roll-up each item is above its own office's tier (``Counted.office_levels``): a county's
    item the city adopted went to the city; a record of it in the city's ledger (``ROLLUP_ORIGIN``)
    says it went there and is no 上报 the county wrote. Those records alone do not make the
    adoptions above count as 上报: what the offices sent up and was not adopted is not known then
    (every 上报 would read as adopted, a 上级采用率 of 100%)."""
    fw = in_period(c.forwards, period)
    fw = fw.loc[fw["tier_rank"] >= 0, ["item", "tier_rank"]]
    written = c.forwards.loc[c.forwards["origin"] != ROLLUP_ORIGIN, "item"] if forwards_recorded(c) else ()
    if len(written):  # only a ledger's own 上报 says the office records what it sends (a roll-up's do not)
        up = in_period(c.adoptions, period)
        up = up.loc[(up["tier_rank"] > _own_tier_rank(c, up["item"])) & ~up["item"].isin(written), ["item", "tier_rank"]]
        fw = pd.concat([fw, up], ignore_index=True)
    target = fw.groupby("item")["tier_rank"].max()
    reached = c.adoptions[c.adoptions["when"] <= period.end].groupby("item")["tier_rank"].max()
    highest = target.index.map(reached).to_numpy(dtype=float, na_value=-1)
    if c.rules.forwarded_adopted_above_own:  # adopted by any body above the office (报全国、被市政协采用)
        adopted = highest > _own_tier_rank(c, target.index.to_series())
    else:  # adopted where it was sent, or higher
        adopted = highest >= target.to_numpy()
    return pd.DataFrame({"item": target.index.to_numpy(), "tier_rank": target.to_numpy(), "adopted": adopted})


def _own_tier_rank(c, items: pd.Series):
    """The rank of the tier the items' office publishes at: the rules' own tier, or in a roll-up
    each item's office's level."""
    own = c.rules.tier_rank(c.rules.own_tier)
    levels = getattr(c, "office_levels", None)
    if not levels or items.empty:
        return own
    ranks = {office: c.rules.tier_rank(level) for office, level in levels.items() if level in c.rules.tiers}
    office = items.map(by_item(c.submissions, "office").astype(object))
    return office.map(ranks).fillna(own).to_numpy()


def item_flags(c, period: Period) -> pd.DataFrame:
    """Per item (index): submitted / adopted / adopted at each tier / adopted with that tier its
    highest (``highest_<tier>``) / forwarded upward (and adopted there) within the period, as 0/1
    columns, and ``instructed``, its 批示 (件) given in the period, so per-person and per-unit counts
    are one groupby-sum. (The forwarded
    columns are 0 when no 上报 is recorded: the tables built from them leave them out then,
    :func:`forwards_recorded`.)"""
    subs = c.submissions
    flags = pd.DataFrame(index=pd.Index(subs["item"], name="item"))
    flags["submitted"] = period.contains(subs["date"]).to_numpy().astype("int64")
    adopted = in_period(c.adoptions, period)
    flags["adopted"] = flags.index.isin(adopted["item"]).astype("int64")
    for tier in c.rules.tiers:
        flags[f"adopted_{tier}"] = flags.index.isin(adopted.loc[adopted["tier"] == tier, "item"]).astype("int64")
    # The same items split by the highest tier each reached in the period: a split of ``adopted``
    # (an item adopted at 县级 and at 市级 is one 市级 item), where ``adopted_<tier>`` counts it twice.
    top = adopted.loc[adopted["tier_rank"] >= 0].groupby("item")["tier_rank"].max()
    reached = flags.index.map(top)
    for rank, tier in enumerate(c.rules.tiers):
        flags[f"highest_{tier}"] = (reached == rank).astype("int64")
    # 件, as the circulars count 批示 (an item with two leaders' 批示 is two), not items instructed.
    given = in_period(c.instructions, period)["item"].value_counts()
    flags["instructed"] = flags.index.map(given).fillna(0).astype("int64")
    fw = forwarded_items(c, period)
    flags["forwarded"] = flags.index.isin(fw["item"]).astype("int64")
    flags["forwarded_adopted"] = flags.index.isin(fw.loc[fw["adopted"], "item"]).astype("int64")
    return flags


def month_counts(keys: pd.Series, dates: pd.Series, period: Period) -> dict:
    """{key: {month: n}} for the dates inside the period's year up to its last month."""
    year = Period(period.year, 1, period.last_month)
    inside = year.contains(dates)
    if not inside.any():
        return {}
    table = pd.DataFrame({"key": keys[inside].to_numpy(), "month": dates[inside].dt.month.to_numpy()})
    counts = table.groupby(["key", "month"]).size()
    out: dict = {}
    for (key, month), n in counts.items():
        out.setdefault(key, {})[int(month)] = int(n)
    return out


def unit_type_order(rules: Rules) -> list[str]:
    """The unit types in the order the rules list them (``peer_groups``, then ``quotas.units``, then a
    roll-up's ``peer_group_by_level``): the order a circular's tables group units in (镇街政协工委, 民主党派,
    界别组, 专委会, 工商联), not their names' character codes."""
    data = rules.data
    quotas = (data.get("quotas") or {}).get("units") or {}
    levels = ((data.get("rollup") or {}).get("peer_group_by_level") or {}).values()
    return list(dict.fromkeys([*rules.unit_types, *quotas, *levels]))


def by_unit_type(df: pd.DataFrame, rules: Rules, then: list[str], group: str = "peer_group") -> pd.DataFrame:
    """``df`` sorted by its unit type (``group``) in the rules' order (``unit_type_order``; a type the
    rules do not list after those, by name), then by the columns ``then`` (ascending)."""
    order = {t: k for k, t in enumerate(unit_type_order(rules))}
    place = df[group].map(lambda t: order.get(t, len(order))).to_numpy(dtype="int64")
    keyed = df.assign(_type_place=place)
    return keyed.sort_values(["_type_place", group, *then], kind="stable").drop(columns="_type_place")


def ranked_places(df: pd.DataFrame, keys: list[str], group: str | None = None) -> pd.Series:
    """Each row's place (index of ``df``), within its ``group``: ranked on ``keys`` in turn, highest
    first (the rules' ``points.rank_by``: points, then 采用, then 报送); a row equal to the one above
    on every key shares its place (1, 1, 3). The one ranking of units (``compute units``, the
    circular) and of the commendation's candidates."""
    groups = [group] if group else []
    ordered = df.sort_values([*groups, *keys], ascending=[True] * len(groups) + [False] * len(keys), kind="stable")
    places: dict = {}
    last, place, k = None, 0, 0
    for at, g, values in zip(ordered.index, ordered[group] if group else [None] * len(ordered),
                             zip(*(ordered[c] for c in keys))):
        k = 1 if last is None or g != last[0] else k + 1
        if last is None or (g, values) != last:
            place = k
        last = (g, values)
        places[at] = place
    return pd.Series(places, dtype="int64").reindex(df.index)


def place_text(places: pd.Series, groups: pd.Series | None = None) -> list[str]:
    """第2名, or 并列第2名 when another row (of the same group) shares the place: places as ranked
    with ties shared (1, 1, 3), a unit's rank in its peer group or a commendation's place."""
    keys = pd.DataFrame({"group": groups.to_numpy() if groups is not None else 0, "place": places.to_numpy()})
    shared = keys.duplicated(keep=False).to_numpy()
    return [f"{'并列' if s else ''}第{int(p)}名" for p, s in zip(places, shared)]


MONTH_ZH = "{}月"


def months_text(months: list[int]) -> str:
    """[5, 11, 12] → "5月、11月、12月"."""
    return "、".join(MONTH_ZH.format(m) for m in months)


@dataclass(frozen=True)
class Owed:
    """One quota a holder is behind on, as data: what is owed (``word``: 报送, 市级及以上采用), what
    counted against it, the quota, the months missed."""

    word: str
    done: int
    quota: float
    months: tuple[int, ...] = ()
    short: tuple[int, ...] = ()  # of ``months``, those with some items but fewer than ``month_items``
    month_items: int | None = None
    sent: int | None = None  # all sent in the period, when more than ``done`` (some outside the post's months)
    joint: int = 0  # co-written items credited to another author (QuotaResult.joint)
    joint_months: tuple[int, ...] = ()  # of ``months``, those with such an item

    @property
    def text(self) -> str:
        """For the lists and letters that name them: "5月、11月未报送", "2月报送不足2条", "报送1条，任务2条",
        "任务2条，未报送" or "采用任务3条，尚无市级及以上采用" (never a 0)."""
        # A co-writer whose items count for their 执笔 or first author (coauthored_counts_each: false)
        # did write: never "未报送" of them, and what they wrote is said.
        joint = f"联名信息{self.joint}条计入执笔人或第一作者" if self.joint else ""
        if not self.done and not self.joint_months:  # nothing counted against it: no "报送0条" in a circular's list or a letter
            if self.word == "报送":
                return f"任务{_items(self.quota)}条，计入本人0条，{joint}" if joint else f"任务{_items(self.quota)}条，未报送"
            return f"采用任务{_items(self.quota)}条，尚无{self.word}"
        if self.months:
            none = [m for m in self.months if m not in self.short and m not in self.joint_months]
            joint_only = [m for m in self.months if m not in self.short and m in self.joint_months]
            outside = self.sent - self.done if self.sent is not None and self.sent > self.done else 0
            return "，".join(([f"{months_text(none)}未{self.word}"] if none else [])
                            + ([f"{months_text(joint_only)}只有计入执笔人或第一作者的联名信息"] if joint_only else [])
                            + ([f"{months_text(list(self.short))}{self.word}不足{self.month_items}条"] if self.short else [])
                            + ([f"任职期外{self.word}{outside}条不计入任务"] if outside else []))  # 报送7, 任务9: 6 count
        if self.sent is not None and self.sent != self.done:  # 报送2条, one before the appointment
            return f"计入任务的{self.word}{self.done}条，任务{_items(self.quota)}条" + (f"，另有{joint}" if joint else "")
        return f"{self.word}{self.done}条，任务{_items(self.quota)}条" + (f"，另有{joint}" if joint else "")


def owed(result: QuotaResult, done: int, word: str = "报送") -> Owed | None:
    """What a holder is behind on under one quota, or None when not behind."""
    if not result.behind:
        return None
    return Owed(word, done if result.done is None else result.done, result.quota, tuple(result.missed_months),
                tuple(result.short_months), result.month_items, done if result.done is not None else None,
                result.joint, tuple(result.joint_months))


def shortfall_text(result: QuotaResult, done: int, word: str = "报送") -> str:
    """Why a holder is behind, for the lists that name them: "5月、11月未报送" or "报送1条，任务2条"
    (full-width punctuation here, its one source: the Word, Excel and HTML outputs show it as it is)."""
    o = owed(result, done, word)
    return o.text if o else ""


def whole_items(quota: float) -> float:
    """A quota as staff write it, in whole items: one prorated for months in post (2 a year for
    two months, 0.33) is rounded up (任务1条). Items are whole, and a holder behind a prorated quota
    is behind its rounding up too (0 of 0.33 is 0 of 1, 1 of 1.33 is 1 of 2), so the figure says
    what ``behind`` judged (rules show: 不足整条的进为整条)."""
    return float(math.ceil(round(float(quota), 6)))


def _items(quota) -> str:
    """``2``: a quota (already whole, ``whole_items``) in a sentence."""
    return str(int(whole_items(quota)))
