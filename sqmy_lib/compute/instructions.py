"""批示件跟踪: every instructed item with its leader, date, follow-up status and days open,
tracked "像办理政协提案那样" (L33)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period, prepare
from .counted import Counted
from ..period import Period, as_of_date

DONE, IN_PROGRESS, NO_REPORT = "已办结", "办理中", "未反馈"


def follow_up_status(text: str, done_words: list[str]) -> str:
    """已办结 when the follow-up says the problem was resolved, 办理中 when it says anything else, 未反馈 when blank."""
    text = (text or "").strip()
    if not text:
        return NO_REPORT
    return DONE if any(w in text for w in done_words) else IN_PROGRESS


def instructions(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
                 today: dt.date | None = None) -> pd.DataFrame:
    """One row per instruction dated in the period, oldest first, with ``days_open`` up to the
    as-of day (the period's end, or today) for those not yet 已办结."""
    c, period = prepare(source, period, rules, today)
    instr = in_period(c.instructions, period)
    subs = c.submissions[["item", "item_no", "title", "author_text", "unit"]].set_index("item")
    done_words = c.rules.data.get("commendations", {}).get("good_item_words", [])
    as_of = as_of_date(period, today)
    status = instr["follow_up"].map(lambda t: follow_up_status(t, done_words))
    days = (as_of - instr["when"]).dt.days.where(status != DONE)
    out = pd.DataFrame({
        "item": instr["item"].to_numpy(),
        "item_no": instr["item"].map(subs["item_no"]).to_numpy(),
        "title": instr["item"].map(subs["title"]).to_numpy(),
        "authors": instr["item"].map(subs["author_text"]).to_numpy(),
        "unit": instr["item"].map(subs["unit"]).to_numpy(),
        "leader": instr["leader"].to_numpy(),
        "level": instr["level"].astype(object).to_numpy(),
        "date": instr["when"].to_numpy(),
        "text": instr["text"].to_numpy(),
        "follow_up": instr["follow_up"].to_numpy(),
        "status": status.to_numpy(),
        "days_open": days.astype("Int64").array,
    })
    return out.sort_values(["date", "item"], kind="stable").reset_index(drop=True)
