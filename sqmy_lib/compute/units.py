"""Per unit: counts, points, rank within its peer group, unit quota completion, zero submissions."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..records import Ledger, by_item
from ..rules import Rules
from .base import (as_of, by_unit_type, count_columns, credited_authors, float_column, forwards_recorded, in_period,
                   item_flags, judge_quota,
                   month_counts, months_in_post, owed, place_text, prepare,
                   ranked_places)
from .counted import Counted
from ..period import Period, Span

UNGROUPED = "未分组"


def item_points(c: Counted, period: Period | Span) -> pd.Series:
    """Points each item gains in the period (only items that gained any): its worth at the period's
    end less its worth the day before the period began (``item_worth``). An item adopted 县级 in Q1
    and 市级 in Q3 gains 3 in Q1 and 10 − 3 = 7 in Q3, so the months add up to the quarter and the
    quarters to the year (10, its highest tier), as money does with 补差. Submission points are per unit.

    Points follow the growth whatever ``rewards.top_up`` says: that key is how money is paid (once,
    or topped up); a unit's points are its items' worth, and the year's must be that worth by its
    highest tier (domain.md §5), which only the growth adds up to."""
    now = item_worth(c, period.end)
    before = item_worth(c, period.start - pd.Timedelta(days=1))
    gained = now.sub(before, fill_value=0)
    return gained[gained != 0]


def item_worth(c: Counted, day: pd.Timestamp) -> pd.Series:
    """Per item, its points on ``day``: adoption by the highest tier it reached by then, plus
    instruction by leader level (highest, or summed, as the rules say) of the instructions by then."""
    pts = c.rules.data["points"]
    by_tier = pd.Series({c.rules.tiers.index(t): v for t, v in pts["adoption_by_tier"].items()})
    by_level = {c.rules.leader_levels.index(lvl): v for lvl, v in pts["instruction_by_level"].items()}
    scored = c.adoptions[c.adoptions["scored"] & (c.adoptions["when"] <= day)]
    adopted = scored.groupby("item")["tier_rank"].max().map(by_tier).fillna(0)
    instr = c.instructions[c.instructions["when"] <= day]
    instr = instr.assign(points=instr["level_rank"].map(by_level).fillna(0))
    agg = "sum" if pts.get("instruction_mode") == "sum" else "max"
    instructed = instr.groupby("item")["points"].agg(agg)
    return adopted.add(instructed, fill_value=0)


def person_points(c: Counted, period: Period | Span) -> pd.Series:
    """name → the person's points for the period: a point per item submitted in it plus the points
    their items gained in it (``item_points``: an item sent the year before and adopted in this one
    earns here, as it does for its unit); an item counts for the people it is credited to (every
    author, or its 执笔/first author: ``quotas.coauthored_counts_each``), its whole worth for each."""
    per_submission = c.rules.data["points"]["per_submission"]
    points = item_points(c, period)
    items = in_period(c.submissions, period, "date")["item"]
    persons = credited_authors(c)[["item", "name"]]
    sent = persons[persons["item"].isin(items)].groupby("name").size() * per_submission
    earned = persons.assign(points=persons["item"].map(points)).dropna(subset=["points"]).groupby("name")["points"].sum()
    return sent.add(earned, fill_value=0)


def unit_counts(c: Counted, period: Period | Span) -> pd.DataFrame:
    """Per unit named on the items (index): the item counts of ``item_flags`` in the period (or a
    span of years: each item once) and the points, a point per submission plus what its items earned."""
    flags = item_flags(c, period)
    flags["points"] = flags.index.map(item_points(c, period)).fillna(0).to_numpy()
    per_unit = flags.groupby(flags.index.map(by_item(c.submissions, "unit"))).sum()
    per_unit["points"] += per_unit["submitted"] * c.rules.data["points"]["per_submission"]
    return per_unit


def units(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
          today: dt.date | None = None) -> pd.DataFrame:
    """One row per unit. With a roster: every roster unit (those with no submission included);
    without one: every unit named in the ledgers. Rank is within the unit's peer group, by points and
    then the rules' tie-breaks (``points.rank_by``: 采用, 报送), units equal on every key sharing a
    place (1, 1, 3); ``rank_text`` says it as staff do (第1名, 并列第1名).

    A unit type's quota (``quotas.units``) has two parts judged alike (``compute.base``): items
    submitted (``quota``, ``completion``, ``missed_months``) and items adopted at or above a tier
    (镇街: 1 at 市级 or above a month; ``adopted_quota``, ``adopted_completion``). ``behind`` says
    the unit is short of either, ``shortfall`` says how (``owed``: the same as data). The counts are
    those of ``compute people`` (``highest_<tier>`` adds up to ``adopted``); ``forwarded`` and
    ``forwarded_adopted`` (上报) are there only when the ledgers record any 上报 (``base.forwards_recorded``).

    A unit that sent and earned nothing in the period has no place (``rank`` missing, ``rank_text``
    未报送): first of a group alone, or one place among those that sent nothing, would praise it. A
    roster unit whose type is none of the rules' peer groups (``roster.unit_type_unknown``,
    ``roster.unit_type_missing``: 该单位不计任务、不参加同类组排名) has none either (不参加排名), nor
    does one the roster's 成立时间 or 撤销时间 puts outside the period (尚未成立, 已撤销), which is no
    零报送 (``no_submission``) either: its dates bound it as a person's bound them."""
    c, period = prepare(source, period, rules, today)
    out = _unit_rows(c)
    columns = count_columns(c.rules, forwards_recorded(c))  # 上报 only when the ledgers record any
    # Numeric even when nothing was counted (an empty ledger joins an empty, untyped table).
    out = out.join(unit_counts(c, period).reindex(columns=[*columns, "points"]).astype(float), on="unit")
    out[columns] = out[columns].fillna(0).astype(int)
    out["points"] = out["points"].fillna(0).astype(int)
    out["rank"], out["rank_text"] = _places(out, c.rules.rank_by, _absent(out, period))

    quotas = c.rules.data.get("quotas", {}).get("units", {})
    judged, adopted_judged, high = _judge(c, out, period, as_of(period, today), quotas)
    out["quota"] = float_column(j.quota for j in judged)
    out["quota_done"] = [j.done for j in judged]  # what the completion counts (see compute.people)
    out["completion"] = float_column(j.completion for j in judged)
    out["missed_months"] = [j.missed_months for j in judged]
    out["adopted_quota"] = float_column(j.quota if j else None for j in adopted_judged)
    out["adopted_completion"] = float_column(j.completion if j else None for j in adopted_judged)
    out["behind"] = [j.behind or bool(a and a.behind) for j, a in zip(judged, adopted_judged)]
    out["owed"] = _owed(out, judged, adopted_judged, high, quotas, c.rules)
    out["shortfall"] = ["；".join(o.text for o in parts) for parts in out["owed"]]
    # A unit founded after the period (or dissolved before it) sent nothing it could have sent: no 零报送.
    out["no_submission"] = (out["submitted"] == 0) & (_absent(out, period) == "")
    keep = ["unit", "peer_group", *columns, "points", "rank", "rank_text", "quota", "quota_done", "completion", "missed_months",
            "adopted_quota", "adopted_completion", "behind", "shortfall", "owed", "no_submission"]
    # Grouped as the rules list the unit types (镇街政协工委 first), each group by its places.
    return by_unit_type(out[keep], c.rules, ["rank", "unit"]).reset_index(drop=True)


NO_UNIT_LIST = ("没有单位名册（名册中各单位的名称和单位类型），各单位未按类型考核报送任务，也未分同类组排名，"
                "没有报送信息的单位无从列出；如需考核，请在名册中列明各单位及其类型")


def no_unit_list(c: Counted) -> str:
    """``NO_UNIT_LIST`` when the rules set units' quotas but no roster lists the units (no unit's quota
    is judged, and a unit that sent nothing is nowhere: the figures alone would say no unit is behind);
    '' else. Said by the circular and ``sqmy compute units``."""
    roster = c.ledger.roster
    listed = roster is not None and not roster.units.empty
    named = bool((c.submissions["unit"].astype(str) != "").any()) if len(c.submissions) else False
    return NO_UNIT_LIST if c.rules.data.get("quotas", {}).get("units") and named and not listed else ""


NOT_SENT, NOT_RANKED, NOT_FOUNDED, DISSOLVED = "未报送", "不参加排名", "尚未成立", "已撤销"


def _absent(out: pd.DataFrame, period: Period | Span) -> pd.Series:
    """Per unit, 尚未成立 when its 成立时间 is after the period's end, 已撤销 when its 撤销时间 is before
    the period's start, else '' (it existed on some day of the period; no date: open)."""
    started, ended = pd.to_datetime(out["started_on"]), pd.to_datetime(out["ended_on"])
    text = pd.Series("", index=out.index, dtype=object)
    text[(ended < pd.Timestamp(period.start)).to_numpy()] = DISSOLVED
    text[(started > pd.Timestamp(period.end)).to_numpy()] = NOT_FOUNDED
    return text


def _places(out: pd.DataFrame, keys: list[str], absent: pd.Series) -> tuple[pd.Series, list[str]]:
    """Each unit's place in its peer group and its 名次 (第1名, 并列第1名), ranked on ``keys`` (points,
    then the rules' tie-breaks, as the commendation ranks its candidates) among the units that are
    ranked (``ranked``) and sent or earned anything; the others have no place: 未报送, 不参加排名, or
    what ``absent`` says (尚未成立: a unit not there yet sent nothing it could have sent)."""
    idle = out[list(dict.fromkeys(["submitted", *keys]))].eq(0).all(axis=1)
    placed = out[out["ranked"] & ~idle]
    places = ranked_places(placed, keys, "peer_group")
    said = dict(zip(placed.index, place_text(places, placed["peer_group"])))
    text = [said.get(at) or gone or (NOT_SENT if ranked else NOT_RANKED)
            for at, ranked, gone in zip(out.index, out["ranked"], absent)]
    return places.reindex(out.index).astype("Int64"), text


def _unit_rows(c: Counted) -> pd.DataFrame:
    """unit, peer_group, ranked: every roster unit with its type, or without a roster every unit the
    items name (ranked together, 未分组). A roster unit ranks in its group when its type is one of the
    rules' peer groups (what the roster is read against); in a roll-up every office ranks in the group
    its tree gives it."""
    roster = c.ledger.roster
    if roster is not None and not roster.units.empty:
        # A roster built by hand (an analyst's, before units had dates) may lack the dates: open, then.
        out = roster.units.reindex(columns=["unit", "unit_type", "started_on", "ended_on"]).rename(columns={"unit_type": "peer_group"})
        out[["started_on", "ended_on"]] = out[["started_on", "ended_on"]].apply(pd.to_datetime)
        out["ranked"] = True if c.office_levels else out["peer_group"].isin(c.rules.unit_types)
    else:
        names = sorted(u for u in c.submissions["unit"].unique() if u)
        out = pd.DataFrame({"unit": pd.Series(names, dtype=object), "peer_group": UNGROUPED,
                            "started_on": pd.NaT, "ended_on": pd.NaT, "ranked": True})
    out["peer_group"] = out["peer_group"].replace("", UNGROUPED).reset_index(drop=True)
    return out.reset_index(drop=True)


def _judge(c: Counted, out: pd.DataFrame, period: Period, day: pd.Timestamp, quotas: dict) -> tuple[list, list, list]:
    """Per unit of ``out``: its items judged against its type's quota, its adoptions at or above the
    quota's tier against the adoption quota (None without one), and how many such adoptions the
    period has."""
    subs = c.submissions
    submitted = month_counts(subs["unit"], subs["date"], period)
    judged, adopted_judged, high = [], [], []
    for unit, group, start, end in zip(out["unit"], out["peer_group"], out["started_on"], out["ended_on"]):
        rule = quotas.get(group) or {}
        in_post = months_in_post(period.year, start, end, first_month=rule.get("start_month", 1))
        judged.append(judge_quota(rule, period, in_post, submitted.get(unit, {}), day))
        if rule.get("adopted"):
            adopted = _qualifying_adoptions(c, period, rule["adopted_min_tier"])
            months = adopted.get(unit, {})
            adopted_rule = {**rule, "items": rule["adopted"]}
            adopted_judged.append(judge_quota(adopted_rule, period, in_post, months, day))
            high.append(sum(n for m, n in months.items() if period.first_month <= m <= period.last_month))
        else:
            adopted_judged.append(None)
            high.append(0)
    return judged, adopted_judged, high


def _owed(out: pd.DataFrame, judged: list, adopted_judged: list, high: list, quotas: dict, rules: Rules) -> list[list]:
    """Per unit, what it is behind on (``base.Owed``): items submitted, then items adopted at or
    above its quota's tier (市级及以上采用; 金华市级及以上采用 in 义乌市's figures: ``Rules.tier_word``)."""
    tier_word = {g: f"{rules.tier_word(str((quotas.get(g) or {}).get('adopted_min_tier', '')))}及以上采用"
                 for g in set(out["peer_group"])}
    return [[o for o in (owed(j, n), owed(a, h, tier_word[g]) if a else None) if o]
            for j, a, n, h, g in zip(judged, adopted_judged, out["submitted"], high, out["peer_group"])]


def _qualifying_adoptions(c: Counted, period: Period, min_tier: str) -> dict:
    """{unit: {month: items}}: each item counted once, in the month it was first adopted at or above
    ``min_tier`` this year."""
    cache = c.__dict__.setdefault("_qualifying", {})
    key = (period.year, period.last_month, min_tier, c.rules.refresh())  # the tiers may be edited in rules.data
    if key not in cache:
        rank = c.rules.tiers.index(min_tier)
        ad = c.adoptions[c.adoptions["tier_rank"] >= rank]
        first = ad.sort_values("when", kind="stable").drop_duplicates("item")
        units = first["item"].map(by_item(c.submissions, "unit"))
        cache[key] = month_counts(units, first["when"], period)
    return cache[key]
