"""Per person: items submitted, adopted (by tier), instructed; quota and completion; reward."""
from __future__ import annotations

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period, prepare, quota_for, ratio
from .counted import Counted
from .period import Period
from .rewards import reward_lines, yuan

PEOPLE_COLUMNS = ["name", "role", "unit", "appointed_on", "submitted", "adopted", "instructed", "quota", "completion", "reward"]


def _item_counts(authors: pd.DataFrame, items: set) -> pd.Series:
    """Per name, how many of ``items`` they are an author of (a co-author counts once for each)."""
    mine = authors[authors["item"].isin(items)]
    return mine.groupby("name")["item"].nunique()


def people(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """One row per person: everyone on the roster (even with nothing submitted) and every
    author not on it. ``quota`` counts months from the appointment month when that falls
    in the year; ``completion`` is submitted / quota (None where there is no quota)."""
    c, period = prepare(source, period, rules)
    persons = c.authors[~c.authors["is_unit"]]
    submitted_items = set(in_period(c.submissions, period, "date")["item"])
    adopted = in_period(c.adoptions, period)
    instructed_items = set(in_period(c.instructions, period)["item"])

    roster = c.ledger.roster
    base = (
        roster.people[["name", "role", "unit", "appointed_on"]].copy()
        if roster is not None and not roster.people.empty
        else pd.DataFrame(columns=["name", "role", "unit", "appointed_on"])
    )
    # Authors not on the roster: their role from a tag (王五(特邀信息员)), unit from their items.
    others = persons[~persons["name"].isin(base["name"])]
    if not others.empty:
        item_unit = c.submissions.set_index("item")["unit"]
        extra = others.assign(unit=others["item"].map(item_unit)).groupby("name", sort=False).agg(
            role=("role", "first"), unit=("unit", lambda u: u.mode().iat[0] if len(u.mode()) else ""))
        extra = extra.reset_index().assign(appointed_on=pd.NaT)
        base = pd.concat([base, extra], ignore_index=True)
    out = base.reset_index(drop=True)
    out["role"] = out["role"].fillna("")
    out["submitted"] = out["name"].map(_item_counts(persons, submitted_items)).fillna(0).astype(int)
    out["adopted"] = out["name"].map(_item_counts(persons, set(adopted["item"]))).fillna(0).astype(int)
    for tier in c.rules.tiers:
        items = set(adopted.loc[adopted["tier"] == tier, "item"])
        out[f"adopted_{tier}"] = out["name"].map(_item_counts(persons, items)).fillna(0).astype(int)
    out["instructed"] = out["name"].map(_item_counts(persons, instructed_items)).fillna(0).astype(int)

    quotas = c.rules.data.get("quotas", {}).get("people", {})

    def first_month(appointed) -> int:
        if pd.notna(appointed) and appointed.year == period.year:
            return appointed.month
        if pd.notna(appointed) and appointed.year > period.year:
            return 13  # appointed after this year: nothing due yet
        return 1

    out["quota"] = [quota_for(quotas.get(role), period, first_month(a)) for role, a in zip(out["role"], out["appointed_on"])]
    out["completion"] = [ratio(s, q) for s, q in zip(out["submitted"], out["quota"])]
    lines = reward_lines(c, period)
    paid = lines[lines["kind"] == "个人"].groupby("beneficiary")["amount_fen"].sum()
    out["reward"] = out["name"].map(paid).fillna(0).astype(int).map(yuan)
    order = ["name", "role", "unit", "appointed_on", "submitted", "adopted", *[f"adopted_{t}" for t in c.rules.tiers],
             "instructed", "quota", "completion", "reward"]
    return out[order].sort_values(["submitted", "adopted", "name"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
