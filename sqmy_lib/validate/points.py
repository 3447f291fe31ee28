"""积分 as a ledger's own column writes it, against the points the rules give the row (the checks
``points.written_differs`` and ``points.written_unread``).

A ledger's hand-kept 积分/得分 column is read past: the points are the tool's to compute from the rules.
What it writes for an item (``points_text``: ``11``, ``11分``, ``十一分``) is read as a number of points
and set against the row's points under the rules: its point for being sent (``points.per_submission``)
plus its worth by the end of the year validated (the highest tier it reached and its 批示 by leader
level, ``compute.units.item_worth``), the whole of which each of its authors and its unit are credited
with. Where they differ, a warning at that cell names both; a cell that writes no number it can read
(``待定``, ``见备注``) is said, not compared. The written points are checked, never obeyed.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from ..zh import zh_count

_POINTS = re.compile(r"(?:计|得|积)?(?P<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)(?:分|积分)?")


def written_points(text: str) -> float | None:
    """The points a 积分 cell writes (``11`` → 11, ``11分`` → 11, ``十一分`` → 11, ``10.5`` → 10.5);
    None when it writes none it can read (``待定``, ``11+10``)."""
    t = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(text)))
    m = _POINTS.fullmatch(t)
    if m is None:
        return None
    n = m["n"]
    return float(n) if n[0].isdigit() else zh_count(n)


def checked(ledger: Ledger, rules: Rules, today: dt.date) -> tuple[pd.Series, pd.Series]:
    """(differs, unread): per item row of ``ledger.submissions`` (index) whose 积分 cell writes points
    other than the rules give the row, both numbers and how the rules come to theirs (the message's
    detail); and the rows whose 积分 cell writes no points it can read."""
    subs = ledger.submissions
    none = pd.Series(dtype=object)
    if subs.empty or "points_text" not in subs or not (subs["points_text"] != "").any():  # a table made by hand
        return none, none
    from ..compute.counted import counted  # here: computing needs the checks' error rows first
    from ..compute.units import item_worth

    c = counted(ledger, rules, today)
    kept = subs[(subs["points_text"] != "") & subs["item"].isin(c.submissions["item"])]  # error rows: said
    year = int(rules.year or ledger.year or today.year)
    kept = kept[pd.to_datetime(kept["date"]).dt.year <= year]
    if kept.empty:
        return none, none
    read = kept["points_text"].map(written_points)
    unread = pd.Series("", index=read.index[read.isna()], dtype=object)
    worth = item_worth(c, pd.Timestamp(year, 12, 31))
    per_submission = c.rules.data["points"]["per_submission"]
    out = {}
    for k, written in read.dropna().items():
        earned = worth.get(kept.at[k, "item"], 0)
        due = per_submission + earned
        if float(written) == float(due):
            continue
        out[k] = (f"即{_shown(written)}分,按规则本条信息计{_shown(due)}分"
                  f"(报送{_shown(per_submission)}分,采用和批示{_shown(earned)}分,计至{year}年底)")
    return pd.Series(out, dtype=object), unread


def _shown(n) -> str:
    """11.0 → 11, 10.5 → 10.5."""
    n = float(n)
    return str(int(n)) if n == int(n) else f"{n:g}"
