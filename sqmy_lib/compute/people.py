"""Per person: items submitted, adopted (by tier), instructed; quota and completion; reward."""
from __future__ import annotations

import pandas as pd

from ..records import Ledger, by_item
from ..rules import Rules
from .base import item_flags, prepare, quota_for, ratio
from .counted import Counted
from ..period import Period
from .rewards import reward_lines, yuan

def people_columns(rules: Rules) -> list[str]:
    """The columns of :func:`people`, in order."""
    counts = ["submitted", "adopted", *[f"adopted_{t}" for t in rules.tiers], "instructed", "forwarded", "forwarded_adopted"]
    return ["name", "role", "unit", "appointed_on", *counts, "quota", "completion", "reward"]


def people(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """One row per person: everyone on the roster (even with nothing submitted) and every
    author not on it. ``quota`` counts months from the appointment month when that falls
    in the year; ``completion`` is submitted / quota (None where there is no quota).
    A co-authored item counts once for each of its authors."""
    c, period = prepare(source, period, rules)
    persons = c.authors.loc[~c.authors["is_unit"], ["item", "name", "role"]].drop_duplicates(["item", "name"])
    flags = item_flags(c, period)
    counts = persons[["item", "name"]].join(flags, on="item").groupby("name").sum(numeric_only=True).drop(columns="item")

    roster = c.ledger.roster
    base = (
        roster.people[["name", "role", "unit", "appointed_on"]].copy()
        if roster is not None and not roster.people.empty
        else pd.DataFrame({"name": pd.Series(dtype=object), "role": "", "unit": "", "appointed_on": pd.Series(dtype="datetime64[ns]")})
    )
    # Authors not on the roster: their role from a tag (王五(特邀信息员)), unit from their items.
    others = persons[~persons["name"].isin(base["name"])]
    if not others.empty:
        with_unit = others.assign(unit=others["item"].map(by_item(c.submissions, "unit")))
        usual_unit = with_unit.groupby(["name", "unit"]).size().reset_index().sort_values(0, ascending=False, kind="stable")
        usual_unit = usual_unit.drop_duplicates("name").set_index("name")["unit"]
        role = others.dropna(subset=["role"]).drop_duplicates("name").set_index("name")["role"]
        names = others["name"].drop_duplicates()
        extra = pd.DataFrame({"name": names, "role": names.map(role), "unit": names.map(usual_unit), "appointed_on": pd.NaT})
        base = pd.concat([base, extra], ignore_index=True)
    out = base.reset_index(drop=True)
    out["role"] = out["role"].fillna("")
    columns = ["submitted", "adopted", *[f"adopted_{t}" for t in c.rules.tiers], "instructed", "forwarded", "forwarded_adopted"]
    out = out.join(counts[columns], on="name")
    out[columns] = out[columns].fillna(0).astype(int)

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
    return out[people_columns(c.rules)].sort_values(["submitted", "adopted", "name"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
