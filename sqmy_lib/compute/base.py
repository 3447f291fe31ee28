"""What every computation starts from: usable records and the period asked for."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .counted import Counted, counted
from ..period import Period


def prepare(source: Ledger | Counted, period, rules: Rules | None = None,
            today: dt.date | None = None) -> tuple[Counted, Period]:
    """Accept a Ledger (or an already counted one) and a period in any form ``Period.parse`` reads
    (a Period, a year, ``"2025Q3"``, ``"2025-03"``, ``pd.Period("2025Q3")``)."""
    c = source if isinstance(source, Counted) else counted(source, rules, today)
    p = Period.parse(period)
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


def item_flags(c, period: Period) -> pd.DataFrame:
    """Per item (index): submitted / adopted / adopted at each tier / instructed within the period,
    as 0/1 columns, so per-person and per-unit counts are one groupby-sum."""
    subs = c.submissions
    flags = pd.DataFrame(index=pd.Index(subs["item"], name="item"))
    flags["submitted"] = period.contains(subs["date"]).to_numpy().astype("int64")
    adopted = in_period(c.adoptions, period)
    flags["adopted"] = flags.index.isin(adopted["item"]).astype("int64")
    for tier in c.rules.tiers:
        flags[f"adopted_{tier}"] = flags.index.isin(adopted.loc[adopted["tier"] == tier, "item"]).astype("int64")
    flags["instructed"] = flags.index.isin(in_period(c.instructions, period)["item"]).astype("int64")
    return flags
