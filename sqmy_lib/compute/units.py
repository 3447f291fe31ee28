"""Per unit: counts, points, rank within its peer group, unit quota completion, zero submissions."""
from __future__ import annotations

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period, prepare, quota_for, ratio
from .counted import Counted
from .period import Period

UNGROUPED = "未分组"


def _per_unit(subs: pd.DataFrame, items: pd.Series) -> pd.Series:
    """How many distinct ``items`` each unit has."""
    unit_of = subs.set_index("item")["unit"]
    return items.drop_duplicates().map(unit_of).value_counts()


def item_points(c: Counted, period: Period) -> pd.Series:
    """Points each item earns in the period: adoption by its highest tier, instruction by
    leader level (highest, or summed, as the rules say). Submission points are per unit."""
    pts = c.rules.data["points"]
    by_tier = pd.Series({c.rules.tiers.index(t): v for t, v in pts["adoption_by_tier"].items()})
    by_level = {c.rules.leader_levels.index(lvl): v for lvl, v in pts["instruction_by_level"].items()}
    adopted = in_period(c.adoptions, period).groupby("item")["tier_rank"].max().map(by_tier)
    instr = in_period(c.instructions, period)
    instr = instr.assign(points=instr["level_rank"].map(by_level).fillna(0))
    agg = "sum" if pts.get("instruction_mode") == "sum" else "max"
    instructed = instr.groupby("item")["points"].agg(agg)
    return adopted.add(instructed, fill_value=0)


def units(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """One row per unit. With a roster: every roster unit (those with no submission included);
    without one: every unit named in the ledgers. Rank is within the unit's peer group, by points."""
    c, period = prepare(source, period, rules)
    subs = c.submissions
    in_subs = in_period(subs, period, "date")
    adopted = in_period(c.adoptions, period)
    instructed = in_period(c.instructions, period)
    roster = c.ledger.roster
    if roster is not None and not roster.units.empty:
        out = roster.units[["unit", "unit_type"]].rename(columns={"unit_type": "peer_group"}).copy()
    else:
        names = sorted(u for u in subs["unit"].unique() if u)
        out = pd.DataFrame({"unit": names, "peer_group": UNGROUPED})
    out["peer_group"] = out["peer_group"].replace("", UNGROUPED)
    out["submitted"] = out["unit"].map(in_subs["unit"].value_counts()).fillna(0).astype(int)
    out["adopted"] = out["unit"].map(_per_unit(subs, adopted["item"])).fillna(0).astype(int)
    for tier in c.rules.tiers:
        out[f"adopted_{tier}"] = out["unit"].map(_per_unit(subs, adopted.loc[adopted["tier"] == tier, "item"])).fillna(0).astype(int)
    out["instructed"] = out["unit"].map(_per_unit(subs, instructed["item"])).fillna(0).astype(int)

    per_submission = c.rules.data["points"]["per_submission"]
    points = item_points(c, period)
    unit_of = subs.set_index("item")["unit"]
    earned = points.groupby(points.index.map(unit_of)).sum()
    out["points"] = (out["submitted"] * per_submission + out["unit"].map(earned).fillna(0)).astype(int)
    out["rank"] = out.groupby("peer_group")["points"].rank(method="min", ascending=False).astype(int)

    quotas = c.rules.data.get("quotas", {}).get("units", {})
    min_rank = {t: c.rules.tiers.index(t) for t in c.rules.tiers}
    out["quota"] = [quota_for(quotas.get(g), period, (quotas.get(g) or {}).get("start_month", 1)) for g in out["peer_group"]]
    out["completion"] = [ratio(s, q) for s, q in zip(out["submitted"], out["quota"])]
    high = []
    for unit, group in zip(out["unit"], out["peer_group"]):
        rule = quotas.get(group) or {}
        floor = min_rank.get(rule.get("adopted_min_tier"), 0)
        items = adopted.loc[adopted["tier_rank"] >= floor, "item"]
        high.append(int((items.drop_duplicates().map(unit_of) == unit).sum()) if rule.get("adopted") else 0)
    out["adopted_quota"] = [
        quota_for({"per": (quotas.get(g) or {}).get("per", "month"), "items": (quotas.get(g) or {}).get("adopted", 0)},
                  period, (quotas.get(g) or {}).get("start_month", 1)) if (quotas.get(g) or {}).get("adopted") else None
        for g in out["peer_group"]
    ]
    out["adopted_completion"] = [ratio(h, q) for h, q in zip(high, out["adopted_quota"])]
    out["no_submission"] = out["submitted"] == 0
    return out.sort_values(["peer_group", "rank", "unit"], kind="stable").reset_index(drop=True)
