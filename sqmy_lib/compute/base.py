"""What every computation starts from: usable records and the period asked for."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .counted import Counted, counted
from ..period import Period


def prepare(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
            today: dt.date | None = None) -> tuple[Counted, Period]:
    """Accept a Ledger (or an already counted one) and a Period (or a bare year)."""
    c = source if isinstance(source, Counted) else counted(source, rules, today)
    p = period if isinstance(period, Period) else Period.of(int(period))
    return c, p


def in_period(df: pd.DataFrame, period: Period, column: str = "when") -> pd.DataFrame:
    """Rows whose counting date falls in the period."""
    return df[period.contains(df[column])]


def ratio(numerator, denominator, places: int = 4):
    """numerator / denominator rounded, or None when the denominator is 0 or missing."""
    if denominator is None or pd.isna(denominator) or denominator == 0:
        return None
    return round(float(numerator) / float(denominator), places)


def quota_for(rule: dict | None, period: Period, first_month: int = 1) -> float | None:
    """Items due in ``period`` under a quota rule ``{per: month|quarter|year, items: n}``,
    counting only months from ``first_month`` (appointment or start month) on."""
    if not rule:
        return None
    months = period.months_from(first_month)
    per_month = {"month": 1, "quarter": 3, "year": 12}[rule["per"]]
    return round(rule["items"] * months / per_month, 2)


def forwarded_items(c, period: Period) -> pd.DataFrame:
    """Items sent upward (上报) in the period: item, the highest level it went to, and whether it
    was adopted at or above that level by the period's end (被上级采用)."""
    fw = in_period(c.forwards, period)
    fw = fw[fw["tier_rank"] >= 0]
    target = fw.groupby("item")["tier_rank"].max()
    reached = c.adoptions[c.adoptions["when"] <= period.end].groupby("item")["tier_rank"].max()
    adopted = target.index.map(reached).to_numpy(dtype=float, na_value=-1) >= target.to_numpy()
    return pd.DataFrame({"item": target.index.to_numpy(), "tier_rank": target.to_numpy(), "adopted": adopted})


def item_flags(c, period: Period) -> pd.DataFrame:
    """Per item (index): submitted / adopted / adopted at each tier / instructed / forwarded upward
    (and adopted there) within the period, as 0/1 columns, so per-person and per-unit counts
    are one groupby-sum."""
    subs = c.submissions
    flags = pd.DataFrame(index=pd.Index(subs["item"], name="item"))
    flags["submitted"] = period.contains(subs["date"]).to_numpy().astype("int64")
    adopted = in_period(c.adoptions, period)
    flags["adopted"] = flags.index.isin(adopted["item"]).astype("int64")
    for tier in c.rules.tiers:
        flags[f"adopted_{tier}"] = flags.index.isin(adopted.loc[adopted["tier"] == tier, "item"]).astype("int64")
    flags["instructed"] = flags.index.isin(in_period(c.instructions, period)["item"]).astype("int64")
    fw = forwarded_items(c, period)
    flags["forwarded"] = flags.index.isin(fw["item"]).astype("int64")
    flags["forwarded_adopted"] = flags.index.isin(fw.loc[fw["adopted"], "item"]).astype("int64")
    return flags
