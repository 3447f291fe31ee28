"""批示件跟踪, "像办理政协提案那样" (L33): every instruction with its 承办单位, 交办 date, 办理时限,
办复 and feedback to the author, its status and whether it is overdue.

Status (domain.md §8: "尚未解决" is not resolved) comes from a closed vocabulary in the rules
(``instructions.status_words``): the follow-up (落实情况) and the reply (办复) are read for a
resolution word (已办结) or a word of work in progress (办理中). A resolution that a negation
(尚未, 暂未, 仍未, 未, 不, 没有…) denies within its clause — 尚未得到解决, 未采纳, 暂未办结, 仍未解决 —
makes the text 办理中, even beside a resolution said elsewhere ("部分已解决,其余仍未解决"). A
text no word places is 办理中 — never 已办结 — and is reported as a warning. Blank: 未反馈.

办理时限: the ledger's date, or its number of days (working days when it says 工作日), or
``instructions.due_days`` (office-set), counted from the 交办 date (the 批示 date when the item was not 交办). An instruction is overdue
when the as-of day is past its 办理时限 and there is no 办复 (no reply date or text, and not 已办结);
a 办复 dated after the as-of day had not come by then. A 办复 dated after the 办理时限 is ``late``
(逾期办复): answered, but not in time. Where no 办复日期 is written, the 反馈日期 (fed back to the
author) is the day of the reply, in each of these.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..catalog import entry
from ..records import Ledger
from ..rules import Rules
from ..rules.follow_up import DONE, IN_PROGRESS, NO_REPORT, STATUSES, Vocabulary  # noqa: F401 (re-exported)
from .base import in_period, prepare
from .counted import Counted
from ..period import Period, as_of_date

def _after(start: pd.Series, days: pd.Series, working: pd.Series) -> pd.Series:
    """The day ``days`` after ``start``: calendar days, or working days (Monday to Friday; public
    holidays and the weekends worked in their place are not known) where the 时限 says 工作日."""
    due = start + pd.to_timedelta(days, unit="D")
    busy = working & start.notna()
    if busy.any():
        offset = np.busday_offset(start[busy].to_numpy().astype("datetime64[D]"), days[busy].astype("int64").to_numpy(),
                                  roll="forward")
        due[busy] = pd.to_datetime(offset)
    return due


COLUMNS = ["item", "item_no", "title", "authors", "unit", "leader", "level", "date", "text", "follow_up", "department",
           "assigned", "due", "replied", "reply", "fed_back", "status", "overdue", "late", "days_open", "warning"]


def follow_up_status(text: str, rules: Rules) -> str:
    """已办结, 办理中 or 未反馈 for one follow-up text, under the rules' vocabulary."""
    return Vocabulary.of(rules).status(text)[0]


def _dates(series: pd.Series) -> pd.Series:
    """A column of dates (datetime.date or None; absent in older tables) as datetime64."""
    return pd.to_datetime(series, errors="coerce") if series is not None else None


def instruction_statuses(instr: pd.DataFrame, rules: Rules, as_of) -> tuple[pd.Series, list[bool], pd.Series, pd.Series]:
    """Each 批示's 已办结/办理中/未反馈 as of a day, whether its follow-up text was placed, the day it was
    answered (办复日期, else 反馈日期) and whether that day is after ``as_of``. The text's word decides, but a
    办复 dated after the day had not come yet (办理中 then, whatever the follow-up says now), and a 办复 day
    recorded with no text at all is 已办结 (the ledger says when), not 未反馈. The one rule for every list
    that says what became of a 批示 (the 督办 list, 好信息)."""
    def col(name: str) -> pd.Series:
        return instr[name] if name in instr else pd.Series(None, index=instr.index, dtype=object)

    vocabulary = Vocabulary.of(rules)
    follow_up, reply = col("follow_up").fillna("").astype(str), col("reply").fillna("").astype(str)
    placed = [vocabulary.status(";".join(t for t in (r, f) if t)) for f, r in zip(follow_up, reply)]
    status = pd.Series([p[0] for p in placed], index=instr.index, dtype=object)
    # A 反馈日期 with no 办复日期 is the day of the reply (the author was told the outcome then).
    answered_on = _dates(col("replied_on")).fillna(_dates(col("fed_back_on")))
    later = answered_on.notna() & (answered_on > pd.Timestamp(as_of))
    status = status.where(~later, IN_PROGRESS)
    status = status.where(~(answered_on.notna() & ~later & (follow_up == "") & (reply == "")), DONE)
    return status, [ok for _, ok in placed], answered_on, later


def instructions(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
                 today: dt.date | None = None, carried: bool = False) -> pd.DataFrame:
    """One row per instruction dated in the period: overdue ones first, then oldest first; with the
    督办 fields, ``status``, ``overdue``, ``days_open`` (to the as-of day, for those not 已办结) and a
    ``warning`` where the follow-up text could not be placed.

    ``carried``: also the 批示 dated before the period (last year's too, in the ledgers read) that had
    no 办复 by the day before it began, tracked until answered like a 提案 (domain.md §8), their status
    as of the period's as-of day; a ``carried`` column, there only when there are any, says which rows
    they are (none of the period's 批示: its figures do not count them)."""
    c, period = prepare(source, period, rules, today, records_suffice=True)
    as_of = as_of_date(period, today)
    instr = in_period(c.instructions, period)
    instr = instr[~(instr["when"] > as_of)]  # as of that day: a 批示 dated later is not given yet
    out = _tracked(c, instr, as_of)
    if carried:
        earlier = c.instructions[c.instructions["when"] < period.start]
        still_open = earlier[~_follow_up(earlier, c.rules, period.start - pd.Timedelta(days=1))["answered"].to_numpy()]
        if len(still_open):
            out = pd.concat([out.assign(carried=False), _tracked(c, still_open, as_of).assign(carried=True)],
                            ignore_index=True)
    return out.sort_values(["overdue", "date", "item"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def _follow_up(instr: pd.DataFrame, rules: Rules, as_of) -> pd.DataFrame:
    """Per 批示 (``instr``'s index), as of a day: ``status``, ``placed`` (its text's word was read),
    ``answered_on``, ``later`` (answered after the day) and ``answered`` (a 办复 by then: dated, or
    written, or 已办结)."""
    def col(name: str) -> pd.Series:
        return instr[name] if name in instr else pd.Series(None, index=instr.index, dtype=object)

    vocabulary = Vocabulary.of(rules)
    follow_up, reply = col("follow_up").fillna("").astype(str), col("reply").fillna("").astype(str)
    status, placed, answered_on, later = instruction_statuses(instr, rules, as_of)
    said_replied = pd.Series([vocabulary.replied(";".join(t for t in (r, f) if t)) for f, r in zip(follow_up, reply)],
                             index=instr.index, dtype=bool)
    answered = (answered_on.notna() & ~later) | (answered_on.isna() & ((reply != "") | (status == DONE) | said_replied))
    return pd.DataFrame({"status": status, "placed": pd.Series(placed, index=instr.index, dtype=bool),
                         "answered_on": answered_on, "later": later, "answered": answered.astype(bool)}, index=instr.index)


def _tracked(c: Counted, instr: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The 督办 rows (``COLUMNS``) of the 批示 ``instr`` as of a day."""
    subs = c.submissions[["item", "item_no", "title", "authors_read", "unit"]].set_index("item")

    def col(name: str) -> pd.Series:
        return instr[name] if name in instr else pd.Series(None, index=instr.index, dtype=object)

    follow_up, reply = col("follow_up").fillna("").astype(str), col("reply").fillna("").astype(str)
    state = _follow_up(instr, c.rules, as_of)
    status, answered_on, later, answered = state["status"], state["answered_on"], state["later"], state["answered"]
    unknown = entry("instruction.follow_up_unknown").message  # the validation report's words
    to_author = entry("instruction.reply_to_author").message
    vocabulary = Vocabulary.of(c.rules)
    said = [";".join(t for t in (r, f) if t) for f, r in zip(follow_up, reply)]
    warning = [unknown.format(said=s) if not ok else to_author.format(said=s) if pd.isna(day) and vocabulary.author_only(s)
               else "" for ok, s, day in zip(state["placed"], said, answered_on)]
    assigned = _dates(col("assigned_on"))
    fed_back = _dates(col("fed_back_on"))
    default_days = c.rules.due_days
    days = pd.to_numeric(col("due_days"), errors="coerce").fillna(default_days)
    start = assigned.fillna(instr["when"])
    due = _dates(col("due_on")).fillna(_after(start, days, col("due_text").fillna("").astype(str).str.contains("工作日")))
    overdue = ~answered & due.notna() & (due < as_of)
    late = answered_on.notna() & ~later & due.notna() & (answered_on > due)
    # Days open and the 批示日期 shown are the recorded day's: a 批示 written without one is counted in
    # its item's period (``when``), but its date is not the item's 收稿日期 (left blank, not made up).
    days_open = (as_of - instr["date"]).dt.days.where(status != DONE)
    out = pd.DataFrame({
        "item": instr["item"].to_numpy(),
        "item_no": instr["item"].map(subs["item_no"]).to_numpy(),
        "title": instr["item"].map(subs["title"]).to_numpy(),
        "authors": instr["item"].map(subs["authors_read"]).to_numpy(),
        "unit": instr["item"].map(subs["unit"]).to_numpy(),
        "leader": instr["leader"].to_numpy(),
        "level": instr["level"].astype(object).to_numpy(),
        "date": instr["date"].to_numpy(),
        "text": instr["text"].to_numpy(),
        "follow_up": follow_up.to_numpy(),
        "department": col("department").fillna("").astype(str).to_numpy(),
        "assigned": assigned.to_numpy(),
        "due": due.to_numpy(),
        "replied": _dates(col("replied_on")).to_numpy(),
        "reply": reply.to_numpy(),
        "fed_back": fed_back.to_numpy(),
        "status": status.to_numpy(),
        "overdue": overdue.astype(bool).to_numpy(),
        "late": late.astype(bool).to_numpy(),
        "days_open": days_open.astype("Int64").array,
        "warning": warning,
    }, columns=COLUMNS)
    for column in ("date", "assigned", "due", "replied", "fed_back"):
        out[column] = pd.to_datetime(out[column])
    out[["overdue", "late"]] = out[["overdue", "late"]].astype(bool)
    return out
