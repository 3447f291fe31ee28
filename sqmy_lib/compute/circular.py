"""What a quarterly circular (季度通报) says, as data: figures, tables and the opening paragraph.

Built here, from the computations, so that the notebook stays thin and the
renderers (xlsx, docx, html, charts) only lay it out. domain.md §6 lists what a
circular contains; the opening paragraph follows the source's own wording (L8, L140).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import zh
from ..kinds import CIRCULAR
from ..records import Ledger
from ..rules import Rules
from .base import counted_from, forwards_recorded, in_period, warn_if_empty
from .counted import Counted
from .instructions import instructions
from .people import names_in_several_units, people, people_columns, unit_notes
from ..period import Period, as_of_date
from .summary import Summary, summary
from .units import no_unit_list, units

UNIT_FIGURES = ["submitted", "adopted", "instructed", "points", "rank"]


@dataclass
class QuarterlyCircular:
    """Everything one quarter's circular shows. Tables are DataFrames with English columns;
    ``units_by_period`` has two-level columns (本季度 / 年度累计; the first is ``period_word``)."""

    office: str
    period: Period
    year_to_date: Period
    summary: Summary
    summary_ytd: Summary
    units: pd.DataFrame  # the quarter, one row per unit
    units_ytd: pd.DataFrame
    people: pd.DataFrame
    people_ytd: pd.DataFrame
    adoptions: pd.DataFrame  # adoption details in the quarter
    instructions: pd.DataFrame  # instructions of the year to date (and earlier ones open at its start: ``carried``), with follow-up status
    behind_units: pd.DataFrame  # units below their year-to-date quota
    behind_people: pd.DataFrame  # people below their year-to-date quota
    zero_units: pd.DataFrame  # units with no submission in the quarter
    monthly: pd.DataFrame  # submissions and adoptions per month of the year to date
    statistics_text: str
    next_steps: list[str] = field(default_factory=list)
    addressee: str = ""  # 主送机关 (rules: circular.addressee)
    overdue_days: int = 60  # open instructions older than this are flagged (rules: circular.overdue_days)
    left_out: str = ""
    notes: list[str] = field(default_factory=list)
    unit_word: str = "单位"  # what the ranked rows are: 单位, or 地区 when offices are rolled up
    people_section: bool = True  # whether the circular reports on people (a roll-up does not)
    problems: list[str] = field(default_factory=list)  # further 存在的问题 paragraphs
    rules: Rules | None = None  # the rules the figures were computed under (the document's settings too)
    as_of: pd.Timestamp | None = None  # the day the figures are taken at (the period's end, or today if sooner)
    # Units that sent items in the period and had none of them adopted by its end (None: ``units``' own
    # figures, for a circular built by hand).
    unadopted_units: pd.DataFrame | None = None

    @property
    def as_of_day(self) -> pd.Timestamp:
        """The day the 批示's days open and statuses are counted to (``as_of``, else the period's end)."""
        return self.as_of if self.as_of is not None else self.period.end

    @property
    def title(self) -> str:
        return f"关于{self.period.label}社情民意信息工作情况的通报"

    @property
    def file_stem(self) -> str:
        """The name every output file of this circular shares."""
        return CIRCULAR.stem(self.period)

    @property
    def period_word(self) -> str:
        """How the circular names its own period beside the year to date: 本季度, 本月, 本期 or 全年."""
        months = self.period.months
        return {3: "本季度", 1: "本月", 12: "全年"}.get(months, "本期")

    def appendix(self) -> dict[str, pd.DataFrame]:
        """Further tables (sheet name → table) after the circular's own; none for an office's circular."""
        return {}

    @property
    def whole_year(self) -> bool:
        """Whether the year to date is the whole year (a fourth quarter, a second half, a year)."""
        return self.year_to_date.last_month == 12

    @property
    def ytd_word(self) -> str:
        """How the year to date is named in prose: 全年, or 1—9月."""
        return "全年" if self.whole_year else f"1—{self.year_to_date.last_month}月"

    @property
    def own_tier_rank(self) -> int:
        """The index of the office's own tier among the rules' tiers (adoptions above it are 上级采用)."""
        tiers = list(self.summary.adopted_by_tier)
        own = self.rules.own_tier if self.rules is not None else tiers[0]
        return tiers.index(own) if own in tiers else 0

    def standing(self) -> pd.DataFrame:
        """The units table whose places the circular praises: the period's, or the year's in a circular
        that closes the year (a fourth quarter's first is judged by the year its 任务 are of)."""
        return self.units_ytd if self.whole_year else self.units

    def leading_units(self) -> pd.DataFrame:
        """The first of each peer group in ``standing`` (by points), among units that submitted anything,
        but none the circular lists as behind its quota or as having sent nothing in its period (a fourth
        quarter's first is the year's: one with no item in October–December is said under 存在的问题 as
        本季度未报送信息): it would praise and blame one unit. A group whose first is either has none."""
        table = self.standing()
        first = table["rank"].eq(1).fillna(False).astype(bool)  # a unit of no place (compute.units) is no first
        blamed = set(self.behind_units["unit"]) | set(self.zero_units["unit"])
        u = table[(table["submitted"] > 0) & first & ~table["unit"].isin(blamed)]
        return u.sort_values(["points", "submitted"], ascending=False, kind="stable").reset_index(drop=True)

    def higher_adoptions(self) -> pd.DataFrame:
        """The period's adoptions above the office's own tier, one row per item at its highest tier,
        highest first (the items a circular names as the period's best)."""
        tiers = list(self.summary.adopted_by_tier)
        ad = self.adoptions.assign(tier_rank=self.adoptions["tier"].map({t: k for k, t in enumerate(tiers)}))
        ad = ad[ad["tier_rank"] > self.own_tier_rank]
        ad = ad.sort_values(["tier_rank", "date"], ascending=[False, True], kind="stable")
        return ad.drop_duplicates("item").reset_index(drop=True)

    def compared_units(self) -> list[str]:
        """The units the circular weighs against one another (how balanced the work is): all of them."""
        return list(self.units["unit"])

    def concentration(self, n: int = 3) -> tuple[pd.DataFrame, float | None]:
        """The units that submitted most in the period and their share of all submissions.

        Ties are never split: the units named are the largest leading group of at most ``n`` whose
        boundary cuts no tie (units with the same count go in together or not at all). None are
        named (share None) when that group is empty or when every unit that submitted sent as many
        as the others (nothing is unbalanced). A group that sent every item of the period (the three
        units that sent anything, 占全部报送量的100%) says nothing the zero list does not: the group is
        made smaller, ties still whole (2, 1, 1 of 4 items: the first alone, 50%)."""
        peers = self.units[self.units["unit"].isin(self.compared_units())]
        sent = peers[peers["submitted"] > 0].sort_values("submitted", ascending=False, kind="stable")
        counts = sent["submitted"].tolist()
        total = self.submitted_total()
        k = min(n, len(counts))
        while True:
            while 0 < k < len(counts) and counts[k - 1] == counts[k]:  # the boundary would cut a tie
                k -= 1
            if not (k and sum(counts[:k]) >= total):
                break
            k -= 1  # the group's items are all the period's: one fewer, then cut no tie
        if len(set(counts)) < 2:
            k = 0
        top = sent.head(k).reset_index(drop=True)
        return top, (int(top["submitted"].sum()) / total if k and total else None)

    def submitted_total(self) -> int:
        """全部报送量, what ``concentration``'s share is of: every item of the period (共收到N条), also those
        that count for no unit of the table (a unit the roster does not list, an item with no unit)."""
        return int(self.summary.submitted)

    def units_without_adoption(self) -> pd.DataFrame:
        """Units that submitted in the period and had none of those items adopted by its end (what
        本季度报送的信息均未被采用 says, as the 采用率 is of the period's items): an earlier item
        adopted in the period does not take a unit off it."""
        if self.unadopted_units is not None:
            return self.unadopted_units
        return self.units[(self.units["submitted"] > 0) & (self.units["adopted"] == 0)].reset_index(drop=True)

    def units_by_period(self) -> pd.DataFrame:
        """Units with the quarter's and the year-to-date figures side by side (two-level columns)."""
        # 上报, when the ledgers record any (else ``units`` has no such columns: none shown, not 0).
        forwarded = [c for c in ("forwarded", "forwarded_adopted") if c in self.units_ytd]
        left = self.units.set_index("unit")[["peer_group", *UNIT_FIGURES]]
        # The adoption quota (镇街: 1 at 市级 or above a month) shows where some unit has one.
        adoption = ["adopted_quota", "adopted_completion"] if self.units_ytd.get("adopted_quota", pd.Series()).notna().any() else []
        right = self.units_ytd.set_index("unit")[[*UNIT_FIGURES, *forwarded, "quota", "completion", *adoption]]
        table = pd.concat({"": left[["peer_group"]], self.period_word: left[UNIT_FIGURES], "年度累计": right}, axis=1)
        # In the order of ``units_ytd`` (``compute units``): the rules' order of unit types, then places, then names.
        ranked = list(self.units_ytd["unit"])
        listed = set(ranked)
        table = table.loc[[u for u in ranked if u in table.index] + [u for u in table.index if u not in listed]]
        table.index = table.index.copy()
        table.index.name = ("", "unit")  # (a ledger naming no unit at all has none: an empty table)
        return table.reset_index()

    def figures(self) -> dict:
        """The key figures, as recorded in the executed notebook and checked against ``sqmy compute summary``."""
        s = self.summary.to_dict()
        keep = ["submitted", "published", "issues", "adopted", "adopted_by_tier", "instructions",
                "instructions_by_level", "participation", "adoption_rate", "change"]
        return {"period": self.period.label, "office": self.office, **{k: s[k] for k in keep},
                "year_to_date": {k: self.summary_ytd.to_dict()[k] for k in keep[:6]}}

    def _repr_html_(self) -> str:
        return f"<h3>{self.title}</h3><p>{self.statistics_text}</p>" + self.summary.to_frame().to_html(index=False)

    def to_excel(self, path) -> Path:
        """Every table of the circular, one sheet each, values as values (for analysts; the formatted
        report workbook is the renderer's), headed in Chinese as the report's workbook heads them."""
        from ..iorw import write_tables
        from ..render.circular_xlsx import analyst_sheets  # the labels' one place is render/spec.py

        return write_tables(path, analyst_sheets(self))


def compared(n: int, previous: int, unit: str, since: str) -> str:
    """``比上年同期增加32条、增长62.7%``, ``比上年减少3件``, ``与上年同期持平`` (percent only with a base)."""
    if n == 0:
        return f"与{since.removeprefix('比')}持平"
    text = f"{since}{zh.change(n, unit)}"
    if previous:
        text += f"、{'增长' if n > 0 else '下降'}{zh.percent(abs(n) / previous)}"
    return text


def tier_bodies(s: Summary, rules: Rules) -> dict[str, dict[str, int]]:
    """Per tier above the office's own, the adopting bodies by name (``Summary.adopted_by_body``) of
    the channels the tier figures count (政协, 党委政府 by default): a party's own products are
    counted apart, not named among a tier's adoptions. (Below its own tier, in a roll-up, the bodies
    are the lower offices' own bulletins, "本级" to each: not named.)"""
    own = rules.tier_rank(rules.own_tier)
    return {tier: {body: n for body, n in bodies.items() if rules.channel_counts(rules.place(body).channel, "tiers")}
            for tier, bodies in (s.adopted_by_body or {}).items() if rules.tier_rank(tier) > own}


NATIONAL_LEVEL = "国家级"  # the 全国 tier named as a level: 被国家级采用3条 (全国级 is not a word)


def adopted_at(tier: str, n: int, bodies: dict[str, int] | None = None) -> str:
    """A tier's adoptions named from the data, never a tier turned into a body: ``被省政协采用10条``
    (one body took them all), ``被市级采用6条（市政协4条、市委办2条）``, ``被市级采用6条`` (no names)."""
    bodies = {b: k for b, k in (bodies or {}).items() if k}
    if len(bodies) == 1 and next(iter(bodies.values())) == n:
        return f"被{next(iter(bodies))}采用{n}条"
    level = tier if tier.endswith("级") else NATIONAL_LEVEL if tier == "全国" else f"{tier}级"
    named = "、".join(f"{b}{k}条" for b, k in bodies.items())
    return f"被{level}采用{n}条" + (f"（{named}）" if named else "")


def statistics_text(s: Summary, whole_year: bool = False, own_tier: str | None = None,
                    bodies: dict[str, dict[str, int]] | None = None, word: Callable[[str], str] = str,
                    tiered_items: int | None = None, bulletin: str = "社情民意") -> str:
    """The office's figures for one period, each stated once (zero figures left out)::

        2025年第三季度，共收到社情民意信息83条，比上年同期增加32条、增长62.7%；编发《社情民意》15期27条；
        共有30条信息被采用，采用率36.1%；被省政协采用3条、被市级采用8条（市政协6条、市委办2条）；
        获领导批示5件，涉及信息4条，其中省级领导批示1件、市级领导批示2件。

    ``whole_year`` says 比上年 instead of 比上年同期; ``own_tier`` is the tier of the office's own
    bulletin (its adoptions are the 编发 figure, not named again among the higher bodies); ``bodies``
    names each tier's adopting bodies (:func:`tier_bodies`); ``word`` writes a leader level as the
    office does (``Rules.tier_word``: 区级领导批示 in a 区's circular); ``tiered_items``, the distinct
    items adopted at the tiers named, says when an item is in two tiers' counts (:func:`tiers_text`);
    ``bulletin`` is the name of the office's own bulletin (``Rules.bulletin``: 编发《建言参考》5期5条).
    """
    since = "比上年" if whole_year else "比上年同期"
    before = s.previous or {}
    first = f"{s.period}，共收到社情民意信息{s.submitted}条"
    if s.change is not None:
        first += "，" + compared(s.change["submitted"], before.get("submitted", 0), "条", since)
    clauses = [first]
    if s.published:
        clauses.append(f"编发《{bulletin}》{s.issues}期{s.published}条" if s.issues else f"编发《{bulletin}》{s.published}条")
    if s.adopted:
        adopted = f"共有{s.adopted}条信息被采用"
        if s.adoption_rate is not None:
            adopted += adoption_rate_text(s, "本年" if whole_year else "本期")
        elif not s.submitted:  # nothing received in the period: every item adopted in it came before
            adopted += "（均为此前收到的信息）"
        clauses.append(adopted + tiers_text(s, own_tier, bodies, tiered_items))
    elif s.submitted:  # said once, here: 共收到4条 alone leaves the reader asking about adoptions
        clauses[-1] += "，没有信息被采用"
    if s.instructions:
        levels = [f"{word(lvl)}领导批示{n}件" for lvl, n in reversed(list(s.instructions_by_level.items())) if n]
        unplaced = s.instructions - sum(s.instructions_by_level.values())  # a leader no post places (张某某批示)
        if unplaced > 0 and levels:
            levels.append(f"领导级别未写明的{unplaced}件")
        text = f"获领导批示{s.instructions}件，涉及信息{s.instructed_items}条"
        clauses.append(text + ("，其中" + "、".join(levels) if len(levels) > 1 else ""))
    return "；".join(clauses) + "。"


def tiers_text(s: Summary, own_tier: str | None, bodies: dict[str, dict[str, int]] | None,
               tiered_items: int | None) -> str:
    """``；被省政协采用1条、被市政协采用5条，同一条信息被多级采用的在各级分别计算``: the tiers but the
    office's own, highest first, a clause of their own after the rate (after "，其中" they read as a
    breakdown of it; with no rate, ``，其中…``); the note when ``tiered_items``, the distinct items
    adopted at them, is fewer than the tiers' counts add up to. "" when none."""
    tiers = [t for t in s.adopted_by_tier if t != own_tier]
    named = [adopted_at(t, s.adopted_by_tier[t], (bodies or {}).get(t)) for t in reversed(tiers) if s.adopted_by_tier[t]]
    if not named:
        return ""
    several = tiered_items is not None and sum(s.adopted_by_tier[t] for t in tiers) > tiered_items
    return (("；" if s.adoption_rate is not None else "，其中") + "、".join(named)
            + ("，同一条信息被多级采用的在各级分别计算" if several else ""))


def adoption_rate_text(s: Summary, received: str) -> str:
    """``，采用率36.1%``, or — when the adoptions counted include items received before the period, so
    that the rate is not adopted ÷ received — ``（其中本期收到的12条），采用率14.5%``."""
    rate = f"，采用率{zh.percent(s.adoption_rate)}"
    if s.adopted_of_submitted == s.adopted:
        return rate
    return f"（其中{received}收到的{s.adopted_of_submitted}条）{rate}"


def left_out_text(c: Counted) -> str:
    """Rows left out for errors, in words staff read (the reasons, cell by cell, are in the validation
    report): ``因校验错误，有5条报送记录、3条采用记录未计入统计，详见校验报告``; "" when none."""
    if c.left_out.empty:
        return ""
    from .counted import TABLE_ZH

    rows = c.left_out.groupby("table", sort=False)["rows"].sum()
    counts = "、".join(f"{int(n)}条{TABLE_ZH.get(t, '')}记录" for t, n in rows.items())
    return f"因校验错误，有{counts}未计入统计，详见校验报告"


def _adoption_details(c: Counted, period: Period) -> pd.DataFrame:
    ad = in_period(c.adoptions, period)
    subs = c.submissions[["item", "item_no", "title", "authors_read", "unit"]].set_index("item")
    return pd.DataFrame({
        "item": ad["item"].to_numpy(),
        "item_no": ad["item"].map(subs["item_no"]).to_numpy(),
        "title": ad["item"].map(subs["title"]).to_numpy(),
        "authors": ad["item"].map(subs["authors_read"]).to_numpy(),
        "unit": ad["item"].map(subs["unit"]).to_numpy(),
        "tier": ad["tier"].astype(object).to_numpy(),
        "body": ad["body"].to_numpy(),
        "issue_no": ad["issue_no"].to_numpy(),
        "date": ad["when"].to_numpy(),
    }).sort_values(["date", "tier"], kind="stable").reset_index(drop=True)


def _tiered_items(c: Counted, period: Period) -> int:
    """The distinct items the period's tier figures name, all tiers but the office's own (an item
    taken up by the 市政协 and the 省政协 is one here, one in each tier's figure)."""
    ad = in_period(c.adoptions, period)
    return int(ad.loc[ad["tier"].astype(object) != c.rules.own_tier, "item"].nunique())


def _unadopted(c: Counted, period: Period, table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``table`` (units) that sent items in the period none of which was adopted by its
    end (the 采用率's items, ``summary``: an adoption in the period of an earlier item is not theirs)."""
    subs = in_period(c.submissions, period, "date")
    taken = c.adoptions[(c.adoptions["when"] <= period.end) & c.adoptions["item"].isin(subs["item"])]
    adopted_units = set(subs.loc[subs["item"].isin(taken["item"]), "unit"])
    sent = table[(table["submitted"] > 0) & ~table["unit"].isin(adopted_units)]
    return sent.reset_index(drop=True)


def _monthly(c: Counted, period: Period) -> pd.DataFrame:
    months = range(1, period.last_month + 1)
    subs = pd.to_datetime(in_period(c.submissions, period, "date")["date"]).dt.month.value_counts()  # typed when empty
    # Each item in the month it was first adopted, so the months add up to the period's adopted items.
    ad = in_period(c.adoptions, period).sort_values("when", kind="stable").drop_duplicates("item")["when"].dt.month.value_counts()
    return pd.DataFrame({"month": list(months), "submitted": [int(subs.get(m, 0)) for m in months],
                         "adopted": [int(ad.get(m, 0)) for m in months]})


def _behind(table: pd.DataFrame) -> pd.DataFrame:
    """Rows short of a quota that has fallen due (``behind``: months missed, a yearly quota only at
    the year's end, a unit's adoption quota too), the furthest behind first; ``shortfall`` says how."""
    behind = table[table["behind"].astype(bool).to_numpy()] if "behind" in table else table.iloc[0:0]
    return behind.sort_values(["completion", "submitted"], kind="stable", na_position="first").reset_index(drop=True)


def build_circular(ledger: Ledger | Counted, year: int, quarter: int | None, rules: Rules | None = None,
                   office: str | None = None, today: dt.date | None = None, with_people: bool = True,
                   month: int | None = None, half: int | None = None) -> QuarterlyCircular:
    """Compute everything the circular for ``year`` Q``quarter`` (or ``month``, or ``half``; the whole
    year when none is given) shows. ``with_people=False`` leaves the per-person tables empty."""
    c = counted_from(ledger, rules, today)
    period = Period.of(year, quarter=quarter, month=month, half=half)
    if not isinstance(ledger, Counted):
        warn_if_empty(ledger, period)
    ytd = period.year_to_date
    office = office or c.rules.data.get("office", {}).get("name", "")
    same = ytd == period  # a fourth quarter's or a whole year's figures are its year to date: count once
    s = summary(c, period)
    s_ytd = s if same else summary(c, ytd)
    circular_rules = c.rules.data.get("circular", {})
    unit_q = units(c, period, today=today)
    unit_ytd = unit_q if same else units(c, ytd, today=today)
    if with_people:
        people_q = people(c, period, today=today)
        people_ytd = people_q if same else people(c, ytd, today=today)
    else:
        people_q = people_ytd = pd.DataFrame({col: pd.Series(dtype=object) for col in people_columns(c.rules, forwards_recorded(c))})
    return QuarterlyCircular(
        office=office,
        period=period,
        year_to_date=ytd,
        summary=s,
        summary_ytd=s_ytd,
        units=unit_q,
        units_ytd=unit_ytd,
        people=people_q,
        people_ytd=people_ytd,
        adoptions=_adoption_details(c, period),
        instructions=instructions(c, ytd, today=today, carried=True),
        behind_units=_behind(unit_ytd),
        behind_people=_behind(people_ytd),
        zero_units=unit_q[unit_q["no_submission"]].reset_index(drop=True),
        unadopted_units=_unadopted(c, period, unit_q),
        monthly=_monthly(c, ytd),
        statistics_text=statistics_text(s, whole_year=period.months == 12, own_tier=c.rules.own_tier,
                                        bodies=tier_bodies(s, c.rules), word=c.rules.tier_word,
                                        tiered_items=_tiered_items(c, period), bulletin=c.rules.bulletin),
        next_steps=list(circular_rules.get("next_steps", [])),
        addressee=circular_rules.get("addressee", ""),
        overdue_days=int(circular_rules.get("overdue_days", QuarterlyCircular.overdue_days)),
        left_out=left_out_text(c),
        notes=[*c.notes, *filter(None, [no_unit_list(c), names_in_several_units(c) if with_people else "",
                                          unit_notes(people_ytd) if with_people else ""])],
        people_section=with_people,
        rules=c.rules,
        as_of=as_of_date(ytd, today),
    )
