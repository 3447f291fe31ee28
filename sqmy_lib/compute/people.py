"""Per person and role: items submitted, adopted (by tier), instructed; quota, months missed; reward.

One row per (person, role), as on the roster: a 委员 who is also a 特邀信息员 has a row for each
role, each judged against its own quota (``base.judge_quota``) over the months the person held
it. Authors not on the roster get a row too, with the role tagged beside their name if any (one the
roster lists no one in: ``compute.counted``).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import zh
from ..read.attribute import ListedUnits
from ..records import Ledger, by_item
from ..rules import Rules
from .base import (as_of, count_columns, counts_each, credited_authors, float_column, forwards_recorded, item_flags, judge_quota,
                   joint_authors, month_counts, months_in_post, owed, prepare)
from .counted import Counted
from ..period import Period
from .rewards import reward_lines, yuan
from .units import person_points


def people_columns(rules: Rules, forwarded: bool = True) -> list[str]:
    """The columns of :func:`people`, in order (``forwarded``: whether 上报 is recorded;
    ``credited_elsewhere``, the co-written items counted for another author, only when the rules
    count them so)."""
    counts = count_columns(rules, forwarded) + ([] if counts_each(rules) else ["credited_elsewhere"])
    return ["name", "role", "unit", "appointed_on", "ended_on", *counts, "points", "quota", "quota_done", "completion",
            "missed_months", "short_months", "behind", "shortfall", "owed", "reward", "note"]


def roster_terms(c: Counted) -> dict[tuple[str, str], tuple]:
    """(name, role) → the roster's terms of that person in that role (``records`` people ``terms``)."""
    roster = c.ledger.roster
    if roster is None or roster.people.empty:
        return {}
    return {(n, r): t for n, r, t in zip(roster.people["name"], roster.people["role"], roster.people["terms"])
            if isinstance(t, tuple) and t}


def months_held(year: int, terms: tuple | None, start=None, end=None) -> frozenset[int]:
    """Months of ``year`` in post (on the month's last day) in any of ``terms`` (孙七 January–March and
    from July: nine months), or from ``start`` to ``end`` for a holder with no terms known."""
    if not terms:
        return months_in_post(year, start, end)
    return frozenset().union(*(months_in_post(year, s, e) for s, e in terms))


def held_during(terms: tuple | None, start, end, first: pd.Timestamp, last: pd.Timestamp) -> bool:
    """Whether a role was held on some day from ``first`` to ``last``: in one of its ``terms``, or
    (no terms known) between ``start`` and ``end`` (no date: open)."""
    spans = terms or ((start, end),)
    return any((s is None or pd.isna(s) or pd.Timestamp(s) <= last) and (e is None or pd.isna(e) or pd.Timestamp(e) >= first)
               for s, e in spans)


def _unit_on(unit: str, moves, day: pd.Timestamp) -> str:
    """A person's unit on ``day``: one they left later (``moves``: (unit, 界别, last day there), oldest
    first), else the one they are in now."""
    for left, _, last in moves if isinstance(moves, tuple) else ():
        if last is not None and not pd.isna(last) and day <= pd.Timestamp(last):
            return left
    return unit


# What a person's row says when the roster names no 单位 for them (a 委员名册 of 姓名|界别|工作单位及职务:
# the workplace is no submitting unit) and the unit shown is taken from elsewhere, or left blank.
NO_ROSTER_UNIT = "名册未写单位"
UNIT_FROM_ITEMS = NO_ROSTER_UNIT + "，按其信息的报送单位填写"
UNIT_FROM_SECTOR = NO_ROSTER_UNIT + "，按界别“{sector}”填写"
UNITS_SEVERAL = NO_ROSTER_UNIT + "，其信息分属{units}，单位未填"
UNITS_SEVERAL_SECTOR = NO_ROSTER_UNIT + "，其信息分属{units}，按界别“{sector}”填写"


def _item_units(c: Counted, year: int) -> dict[str, list[str]]:
    """name → the units the person's items of ``year`` count for (as authors, co-authors too), most
    items first: what the rewards table shows beside their name."""
    persons = c.authors.loc[~c.authors["is_unit"].astype(bool), ["item", "name"]].drop_duplicates()
    if persons.empty:
        return {}
    unit = persons["item"].map(by_item(c.submissions, "unit")).fillna("").astype(str)
    when = pd.to_datetime(persons["item"].map(by_item(c.submissions, "date")))
    rows = persons.assign(unit=unit)[(unit != "").to_numpy() & (when.dt.year == year).to_numpy()]
    sizes = rows.groupby(["name", "unit"], sort=False).size().sort_values(ascending=False, kind="stable")
    out: dict[str, list[str]] = {}
    for (name, u), _ in sizes.items():
        out.setdefault(name, []).append(u)
    return out


def _unit_unwritten(items: list[str], sector: str, listed: ListedUnits) -> tuple[str, str]:
    """(unit, note) of a roster row with no 单位: the one unit all the person's items name; else the unit
    their 界别 names when the 单位 sheet lists exactly one for it (经济界 → 经济界别组, as the reader counts
    their items with no 单位, ``read.attribute.person_units``) and it is one of their items' units or
    they have none; else blank. Never the 工作单位及职务 (a workplace), never without a note."""
    by_sector = listed.of(sector)
    if len(items) == 1:
        return items[0], UNIT_FROM_ITEMS
    if not items:
        return (by_sector, UNIT_FROM_SECTOR.format(sector=sector)) if by_sector else ("", "")
    units = "、".join(items)
    if by_sector in items:
        return by_sector, UNITS_SEVERAL_SECTOR.format(units=units, sector=sector)
    return "", UNITS_SEVERAL.format(units=units)


def _fill_units(c: Counted, base: pd.DataFrame, sectors: pd.Series, year: int) -> None:
    """A row whose roster names no 单位 takes one as ``_unit_unwritten`` says, the note saying how."""
    blank = (base["unit"].fillna("") == "").to_numpy()
    if not blank.any():
        return
    items, listed = _item_units(c, year), ListedUnits(c.ledger.roster, c.rules)
    for k in blank.nonzero()[0]:
        unit, said = _unit_unwritten(items.get(base.at[k, "name"], []), str(sectors.iat[k]), listed)
        base.at[k, "unit"] = unit
        base.at[k, "note"] = "；".join(x for x in (base.at[k, "note"], said) if x)


def unit_notes(table: pd.DataFrame) -> str:
    """One sentence for a list of people (the circular's 附件 of those behind) whose 单位 column has
    units the roster does not write (``_unit_unwritten``): who took theirs from their items, who from
    their 界别, who has none for items under several units; '' when none."""
    notes = table["note"].fillna("").astype(str) if "note" in table else pd.Series(dtype=str)
    kinds = [("按其信息的报送单位填写", lambda n: UNIT_FROM_ITEMS in n),
             ("按界别填写", lambda n: NO_ROSTER_UNIT in n and "按界别" in n),
             ("的信息分属不同单位，单位未填", lambda n: NO_ROSTER_UNIT in n and "单位未填" in n)]
    parts = [f"{_few(table['name'][notes.map(test).to_numpy()])}{how}" for how, test in kinds if notes.map(test).any()]
    return f"{NO_ROSTER_UNIT}的人员，{'；'.join(parts)}" if parts else ""


def _few(names: pd.Series) -> str:
    """王建国、李秀英 (up to three names), or 王建国、李秀英、陈伟等5人."""
    names = list(dict.fromkeys(names))
    return "、".join(names) if len(names) <= 3 else f"{'、'.join(names[:3])}等{len(names)}人"


def _roster_rows(c: Counted, day: pd.Timestamp) -> pd.DataFrame:
    """The roster's people, each in the unit they were in on ``day`` (the period's last, or the as-of
    day), as the 单位 sheet writes it; one the roster names no 单位 for, in the unit their items or 界别
    name (``_fill_units``)."""
    roster = c.ledger.roster
    if roster is not None and not roster.people.empty:
        base = roster.people[["name", "role", "unit", "appointed_on", "ended_on", "date_problem"]].copy()
        # The unit as the 单位 sheet writes it (区工商业联合会 on the 信息员 sheet is 区工商联), as the unit figures
        # count the person's items: one unit, one name, in the lists of people and beside the unit table.
        listed = ListedUnits(roster, c.rules)
        base["unit"] = [listed.of(u) or u for u in (_unit_on(u, m, day) for u, m in zip(base["unit"], roster.people["moves"]))]
        # The reader's problems (joined by ";") as a sentence in full-width punctuation; the terms when
        # there are several (the 聘任 and 离任 columns show the first start and the last end).
        notes = [f"{p.replace(';', '；')}，按在任计算任务" if p else "" for p in base["date_problem"]]
        terms = [f"任期{zh.terms(t)}" if isinstance(t, tuple) and len(t) > 1 else "" for t in roster.people["terms"]]
        base["note"] = ["；".join(x for x in pair if x) for pair in zip(terms, notes)]
        base = base.drop(columns="date_problem").reset_index(drop=True)
        sectors = roster.people.reindex(columns=["sector"])["sector"].fillna("").reset_index(drop=True)  # hand-built: none
        _fill_units(c, base, sectors, day.year)
        return base
    return pd.DataFrame({"name": pd.Series(dtype=object), "role": pd.Series(dtype=object),
                         "unit": pd.Series(dtype=object), "appointed_on": pd.Series(dtype="datetime64[ns]"),
                         "ended_on": pd.Series(dtype="datetime64[ns]"), "note": pd.Series(dtype=object)})


def _usual_units(c: Counted, persons: pd.DataFrame) -> pd.Series:
    """name → the unit most of the person's items (``persons``: item, name) count for."""
    with_unit = persons.assign(unit=persons["item"].map(by_item(c.submissions, "unit")))
    usual = with_unit.groupby(["name", "unit"]).size().reset_index().sort_values(0, ascending=False, kind="stable")
    return usual.drop_duplicates("name").set_index("name")["unit"]


def units_shown(c: Counted, day: pd.Timestamp) -> pd.Series:
    """name → the unit :func:`people` shows a person in on ``day`` (a roster person's first row: the
    roster's unit, or the one ``_fill_units`` gives; anyone else's usual unit): the rewards table and
    the payout sheet show the same, not the unit of whichever item of theirs comes first."""
    shown = _roster_rows(c, day).drop_duplicates("name").set_index("name")["unit"]
    every = c.authors.loc[~c.authors["is_unit"].astype(bool), ["item", "name"]]
    for persons in (credited_authors(c), every):  # then the co-authors paid but not credited (执笔 only)
        others = persons[~persons["name"].isin(shown.index)]
        shown = pd.concat([shown, _usual_units(c, others)]) if not others.empty else shown
    return shown


def names_in_several_units(c: Counted) -> str:
    """A note when people the roster does not name (or all, with no roster) have items under two or
    more units of one office (张伟 of 县教育局 and 张伟 of 民革县委): two people of one name, or one who
    moved, counted as one person either way; '' when none has. Said once, with a few names, by the
    circular and ``sqmy compute people``/``rewards`` (a roster tells people apart and moves them)."""
    au = c.authors
    if au.empty:
        return ""
    unit_of = pd.Series(c.submissions["unit"].to_numpy(), index=c.submissions["item"].to_numpy())
    office_of = pd.Series(c.submissions["office"].to_numpy(), index=c.submissions["item"].to_numpy())
    rows = pd.DataFrame({"name": au["name"].to_numpy(), "unit": au["item"].map(unit_of).fillna("").to_numpy(),
                         "office": au["item"].map(office_of).fillna("").to_numpy()})
    keep = ~au["is_unit"].astype(bool).to_numpy() & au["roster_unit"].isna().to_numpy() & (rows["unit"] != "").to_numpy()
    several = rows[keep].groupby(["office", "name"], sort=False)["unit"].nunique()
    names = list(dict.fromkeys(n for (_, n), k in several.items() if k > 1))
    if not names:
        return ""
    who = f"作者{'、'.join(names)}" if len(names) <= 3 else f"{len(names)}位作者（如{'、'.join(names[:3])}）"
    return (f"{who}的信息分属不同单位，已按同一人统计；如有同名的两人，"
            "请将二人分别列入名册（写明各自的单位）")


def people(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
           today: dt.date | None = None) -> pd.DataFrame:
    """One row per (person, role): everyone on the roster (even with nothing submitted) and every
    author not on it. ``quota``, ``completion``, ``missed_months`` and ``behind`` follow the
    role's quota rule (see ``compute.base``; ``quota_done`` is what counted against the quota: for a
    yearly quota not pro-rated, the year to date, not the period's ``submitted``), ``owed`` says what
    is short as data (``base.Owed``) and ``shortfall`` in words; ``adopted_<tier>`` counts the items
    adopted at each tier, ``highest_<tier>`` the same items by the highest tier each reached (they add
    up to ``adopted``); ``reward`` and ``points`` (``units.person_points``: a point per item sent plus
    what their items gained in the period, as the commendation scores them) are the person's, on
    their first row only.
    A co-authored item counts for each of its authors, or for its first (执笔) author alone when the
    rules say ``coauthored_counts_each: false``. The 上报 columns (``forwarded``,
    ``forwarded_adopted``) are there only when the ledgers record any 上报."""
    c, period = prepare(source, period, rules, today)
    persons = credited_authors(c)
    flags = item_flags(c, period)
    counts = persons[["item", "name"]].join(flags, on="item").groupby("name").sum(numeric_only=True)

    base = _roster_rows(c, pd.Timestamp(as_of(period, today)))
    # Authors not on the roster: their role from a tag (王五(特邀信息员)), unit from their items.
    others = persons[~persons["name"].isin(base["name"])]
    if not others.empty:
        role = others.dropna(subset=["role"]).drop_duplicates("name").set_index("name")["role"]
        names = others["name"].drop_duplicates()
        extra = pd.DataFrame({"name": names, "role": names.map(role), "unit": names.map(_usual_units(c, others)),
                              "appointed_on": pd.NaT, "ended_on": pd.NaT, "note": ""})
        base = pd.concat([base, extra], ignore_index=True)
    out = base.reset_index(drop=True)
    out["role"] = out["role"].fillna("")
    for column in ("appointed_on", "ended_on"):
        out[column] = pd.to_datetime(out[column])
    columns = count_columns(c.rules, forwards_recorded(c))  # no 上报 columns when none is recorded
    out = out.join(counts.reindex(columns=columns), on="name")
    out[columns] = out[columns].fillna(0).astype(int)

    quotas = c.rules.data.get("quotas", {}).get("people", {})
    item_dates = by_item(c.submissions, "date")
    monthly = month_counts(persons["name"], pd.to_datetime(persons["item"].map(item_dates)), period)
    joint = joint_authors(c)
    joint_monthly = month_counts(joint["name"], pd.to_datetime(joint["item"].map(item_dates)), period)
    if not counts_each(c.rules):
        in_it = joint[period.contains(pd.to_datetime(joint["item"].map(item_dates)))]
        out["credited_elsewhere"] = out["name"].map(in_it.groupby("name").size()).fillna(0).astype(int)
    day = as_of(period, today)
    terms = roster_terms(c)
    results = [
        judge_quota(quotas.get(role), period, months_held(period.year, terms.get((name, role)), start, end),
                    monthly.get(name, {}), day, joint_monthly.get(name))
        for name, role, start, end in zip(out["name"], out["role"], out["appointed_on"], out["ended_on"])
    ]
    out["quota"] = float_column(r.quota for r in results)
    out["quota_done"] = [r.done for r in results]  # what the completion counts (a yearly quota: the year to date)
    out["completion"] = float_column(r.completion for r in results)
    out["missed_months"] = [r.missed_months for r in results]
    out["short_months"] = [r.short_months for r in results]  # of those, the months with some but too few
    out["behind"] = [r.behind for r in results]
    out["owed"] = [[o] if (o := owed(r, n)) else [] for r, n in zip(results, out["submitted"])]
    out["shortfall"] = [";".join(o.text for o in parts) for parts in out["owed"]]

    lines = reward_lines(c, period)
    paid = lines[lines["kind"] == "个人"].groupby("beneficiary")["amount_fen"].sum()
    reward = out["name"].map(paid).fillna(0).astype(int).map(yuan)
    # A person's money once: on their first row, not again on a second role's.
    out["reward"] = reward.where(~out["name"].duplicated(), None)
    # Points are the person's too (the items credited to them, not their roles'): on their first row only.
    points = out["name"].map(person_points(c, period)).fillna(0).astype(int)
    out["points"] = points.astype(object).where(~out["name"].duplicated(), None)
    return out[people_columns(c.rules, forwards_recorded(c))].sort_values(["submitted", "adopted", "name"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
