"""What a quarterly circular (季度通报) says, as data: figures, tables and the opening paragraph.

Built here, from the computations, so that the notebook stays thin and the
renderers (xlsx, docx, html, charts) only lay it out. domain.md §6 lists what a
circular contains; the opening paragraph follows the source's own wording (L8, L140).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period
from .counted import Counted, counted
from .instructions import instructions
from .people import people, people_columns
from ..period import Period
from .summary import Summary, summary
from .units import units

# How a tier is named in prose: "被省政协采用3条".
TIER_BODY = {"县级": "县政协", "市级": "市政协", "省级": "省政协", "全国": "全国政协"}
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
    instructions: pd.DataFrame  # instructions of the year to date, with follow-up status
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

    @property
    def title(self) -> str:
        return f"关于{self.period.label}社情民意信息工作情况的通报"

    @property
    def file_stem(self) -> str:
        """The name every output file of this circular shares."""
        return f"{self.period.label}社情民意信息通报"

    @property
    def period_word(self) -> str:
        """How the circular names its own period beside the year to date: 本季度, 本月, 本期 or 全年."""
        months = self.period.months
        return {3: "本季度", 1: "本月", 12: "全年"}.get(months, "本期")

    def appendix(self) -> dict[str, pd.DataFrame]:
        """Further tables (sheet name → table) after the circular's own; none for an office's circular."""
        return {}

    def units_by_period(self) -> pd.DataFrame:
        """Units with the quarter's and the year-to-date figures side by side (two-level columns)."""
        left = self.units.set_index("unit")[["peer_group", *UNIT_FIGURES]]
        # The adoption quota (镇街: 1 at 市级 or above a month) shows where some unit has one.
        adoption = ["adopted_quota", "adopted_completion"] if self.units_ytd.get("adopted_quota", pd.Series()).notna().any() else []
        right = self.units_ytd.set_index("unit")[[*UNIT_FIGURES, "quota", "completion", *adoption]]
        table = pd.concat({"": left[["peer_group"]], self.period_word: left[UNIT_FIGURES], "年度累计": right}, axis=1)
        table = table.sort_values([("", "peer_group"), ("年度累计", "rank")], kind="stable")
        table.index = pd.MultiIndex.from_tuples([("", u) for u in table.index]).get_level_values(1).rename(("", "unit"))
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

    def to_excel(self, path) -> "Path":
        """Every table of the circular, one sheet each, values as values (for analysts; the formatted
        report workbook is the renderer's)."""
        from ..iorw import write_tables

        return write_tables(path, {
            "概况": self.summary.to_frame(), "年度累计概况": self.summary_ytd.to_frame(), "各单位": self.units_by_period(),
            "个人": self.people, "个人(年度累计)": self.people_ytd, "采用明细": self.adoptions,
            "批示跟踪": self.instructions, "未完成任务的单位": self.behind_units, "未完成任务的个人": self.behind_people,
            "本期零报送单位": self.zero_units, "逐月": self.monthly, **self.appendix()})


def statistics_text(s: Summary) -> str:
    """The paragraph a circular opens with, from the figures (zero figures are left out)::

        2025年第三季度,共收到社情民意信息83条,同比增长62.7%;编发《社情民意》15期27条;
        被市政协采用8条、省政协采用3条;获领导批示5件,其中省级领导批示1件、市级领导批示2件。
    """
    parts = [f"{s.period},共收到社情民意信息{s.submitted}条"]
    if s.change and s.previous and s.previous.get("submitted"):
        pct = s.change["submitted_pct"]
        word = "增长" if s.change["submitted"] >= 0 else "下降"
        parts[0] += f",同比{word}{abs(pct):.1%}" if pct is not None else ""
    clauses = [parts[0], f"编发《社情民意》{s.issues}期{s.published}条"]
    higher = [f"{TIER_BODY.get(t, t)}采用{n}条" for t, n in reversed(list(s.adopted_by_tier.items())) if n and t != "县级"]
    if higher:
        clauses.append("被" + "、".join(higher))
    if s.instructions:
        levels = [f"{lvl}领导批示{n}件" for lvl, n in reversed(list(s.instructions_by_level.items())) if n]
        clauses.append(f"获领导批示{s.instructions}件" + (",其中" + "、".join(levels) if levels else ""))
    if s.participation:
        p = s.participation
        clauses.append(f"{p['members']}名委员中有{p['members_with_items']}名报送了信息")
    return ";".join(clauses) + "。"


def _adoption_details(c: Counted, period: Period) -> pd.DataFrame:
    ad = in_period(c.adoptions, period)
    subs = c.submissions[["item", "item_no", "title", "author_text", "unit"]].set_index("item")
    return pd.DataFrame({
        "item_no": ad["item"].map(subs["item_no"]).to_numpy(),
        "title": ad["item"].map(subs["title"]).to_numpy(),
        "authors": ad["item"].map(subs["author_text"]).to_numpy(),
        "unit": ad["item"].map(subs["unit"]).to_numpy(),
        "tier": ad["tier"].astype(object).to_numpy(),
        "body": ad["body"].to_numpy(),
        "issue_no": ad["issue_no"].to_numpy(),
        "date": ad["when"].to_numpy(),
    }).sort_values(["date", "tier"], kind="stable").reset_index(drop=True)


def _monthly(c: Counted, period: Period) -> pd.DataFrame:
    months = range(1, period.last_month + 1)
    subs = pd.to_datetime(in_period(c.submissions, period, "date")["date"]).dt.month.value_counts()  # typed when empty
    ad = in_period(c.adoptions, period).drop_duplicates("item")["when"].dt.month.value_counts()
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
    c = ledger if isinstance(ledger, Counted) else counted(ledger, rules, today)
    period = Period.of(year, quarter=quarter, month=month, half=half)
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
        people_q = people_ytd = pd.DataFrame({col: pd.Series(dtype=object) for col in people_columns(c.rules)})
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
        instructions=instructions(c, ytd, today=today),
        behind_units=_behind(unit_ytd),
        behind_people=_behind(people_ytd),
        zero_units=unit_q[unit_q["no_submission"]].reset_index(drop=True),
        monthly=_monthly(c, ytd),
        statistics_text=statistics_text(s),
        next_steps=list(circular_rules.get("next_steps", [])),
        addressee=circular_rules.get("addressee", ""),
        overdue_days=int(circular_rules.get("overdue_days", QuarterlyCircular.overdue_days)),
        left_out=c.left_out_text,
        notes=list(c.notes),
        people_section=with_people,
    )
