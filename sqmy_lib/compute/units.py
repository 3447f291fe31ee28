"""Per unit: counts, points, rank within its peer group, unit quota completion, zero submissions."""
from __future__ import annotations

import pandas as pd

from ..records import Ledger, by_item
from ..rules import Rules
from .base import in_period, item_flags, prepare, quota_for, ratio
from .counted import Counted
from ..period import Period

UNGROUPED = "未分组"


def item_points(c: Counted, period: Period) -> pd.Series:
    """Points each item earns in the period: adoption by its highest tier, instruction by
    leader level (highest, or summed, as the rules say). Submission points are per unit."""
    pts = c.rules.data["points"]
    by_tier = pd.Series({c.rules.tiers.index(t): v for t, v in pts["adoption_by_tier"].items()})
    by_level = {c.rules.leader_levels.index(lvl): v for lvl, v in pts["instruction_by_level"].items()}
    scored = c.adoptions[c.adoptions["scored"]]
    adopted = in_period(scored, period).groupby("item")["tier_rank"].max().map(by_tier)
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
    roster = c.ledger.roster
    if roster is not None and not roster.units.empty:
        out = roster.units[["unit", "unit_type"]].rename(columns={"unit_type": "peer_group"}).copy()
    else:
        names = sorted(u for u in subs["unit"].unique() if u)
        out = pd.DataFrame({"unit": names, "peer_group": UNGROUPED})
    out["peer_group"] = out["peer_group"].replace("", UNGROUPED).reset_index(drop=True)
    out = out.reset_index(drop=True)

    flags = item_flags(c, period)
    quotas = c.rules.data.get("quotas", {}).get("units", {})
    # Adoptions at or above each quota's minimum tier (镇街: 市级 or above), per item.
    adopted = in_period(c.adoptions, period)
    top_rank = adopted.groupby("item")["tier_rank"].max()
    for tier in {q.get("adopted_min_tier") for q in quotas.values() if q.get("adopted")} - {None}:
        flags[f"adopted_from_{tier}"] = flags.index.map(top_rank).fillna(-1).to_numpy() >= c.rules.tiers.index(tier)
    flags["points"] = flags.index.map(item_points(c, period)).fillna(0).to_numpy()
    unit_of = by_item(subs, "unit")
    per_unit = flags.groupby(flags.index.map(unit_of)).sum()
    columns = ["submitted", "adopted", *[f"adopted_{t}" for t in c.rules.tiers], "instructed", "forwarded", "forwarded_adopted"]
    out = out.join(per_unit, on="unit")
    out[columns] = out[columns].fillna(0).astype(int)

    per_submission = c.rules.data["points"]["per_submission"]
    out["points"] = (out["submitted"] * per_submission + out["points"].fillna(0)).astype(int)
    out["rank"] = out.groupby("peer_group")["points"].rank(method="min", ascending=False).astype(int)

    rule = [quotas.get(g) or {} for g in out["peer_group"]]
    out["quota"] = [quota_for(r, period, r.get("start_month", 1)) if r else None for r in rule]
    out["completion"] = [ratio(s, q) for s, q in zip(out["submitted"], out["quota"])]
    out["adopted_quota"] = [
        quota_for({"per": r.get("per", "month"), "items": r["adopted"]}, period, r.get("start_month", 1)) if r.get("adopted") else None
        for r in rule
    ]
    high = [out.at[k, f"adopted_from_{r['adopted_min_tier']}"] if r.get("adopted") else 0 for k, r in enumerate(rule)]
    out["adopted_completion"] = [ratio(h if pd.notna(h) else 0, q) for h, q in zip(high, out["adopted_quota"])]
    out["no_submission"] = out["submitted"] == 0
    keep = ["unit", "peer_group", *columns, "points", "rank", "quota", "completion", "adopted_quota", "adopted_completion", "no_submission"]
    return out[keep].sort_values(["peer_group", "rank", "unit"], kind="stable").reset_index(drop=True)
