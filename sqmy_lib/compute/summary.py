"""The office's figures for a period, as a circular opens with them (domain.md §6, L8):
"今年共收集社情民意信息210条,编发《社情民意》信息42期,被省政协采用10条,市委市政府领导批示19件"."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .. import zh
from ..records import Ledger
from ..rules import Rules
from ..rules.placement import organ_name
from .base import forwarded_items, forwards_recorded, in_period, prepare, ratio
from .counted import Counted, counted
from .people import held_during
from ..period import Period
from ..read.values import sheet_months


@dataclass
class Summary:
    """Key figures of one period; ``previous`` is the same period a year earlier, when its ledgers were given."""

    period: str
    submitted: int
    published: int  # items the office carried in its own bulletin (本级编发)
    issues: int | None  # distinct issues (期) of the own bulletin they were in; None when the year's ledgers write no 期号
    adopted: int  # distinct items adopted at any tier in the period (by the adoption's date)
    adopted_by_tier: dict[str, int]
    instructions: int  # instructions (件), each leader's counted
    instructions_by_level: dict[str, int]
    instructed_items: int
    participation: dict = field(default_factory=dict)
    # 采用率: of the items received in the period, the share adopted by its end (never over 100%: the
    # period's adoptions include items received before it).
    adoption_rate: float | None = None
    adopted_of_submitted: int = 0
    higher_of_submitted: int = 0  # of the items received in the period, those adopted above the office's tier by its end
    previous: dict | None = None
    change: dict | None = None
    left_out: str = ""
    notes: list[str] = field(default_factory=list)
    # 上报 is not 采用 (L77): items sent upward by target level, and those adopted there or higher.
    # Ledgers that record no 上报 at all give none: ``forwarded`` is {} and the other two None.
    forwarded: dict[str, int] = field(default_factory=dict)
    forwarded_adopted: int | None = 0
    upper_adoption_rate: float | None = None
    # Every channel counted apart (政协, 党委政府, 民主党派统战, 部门), the office's products besides
    # its bulletin (专报/转报/转送), and, per tier, the bodies by name (市政协 4, 市委办 2).
    adopted_by_channel: dict[str, int] = field(default_factory=dict)
    routing: dict[str, int] = field(default_factory=dict)
    adopted_by_body: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_frame(self) -> pd.DataFrame:
        """The figures as a two-column table (项目, 数值) for display, rounded as every output rounds
        them (:func:`sqmy_lib.zh.percent`)."""
        rows = [("报送信息（条）", self.submitted), ("本级编发（条）", self.published),
                *([("编发期数（期）", self.issues)] if self.issues is not None else []), ("被采用信息（条）", self.adopted)]
        rows += [(f"{t}采用（条）", n) for t, n in self.adopted_by_tier.items()]
        rows += [("领导批示（件）", self.instructions)]
        rows += [(f"{lvl}领导批示（件）", n) for lvl, n in self.instructions_by_level.items()]
        p = self.participation
        if p:
            rows.append(("委员参与", f"{p['members_with_items']}/{p['members']}"))
        rows.append(("采用率", zh.percent(self.adoption_rate)))
        if self.change:
            rows.append(("报送同比", f"{zh.change(self.change['submitted'], '条')}"))
        return pd.DataFrame(rows, columns=["项目", "数值"])

    def _repr_html_(self) -> str:
        return f"<p><b>{self.period}</b></p>" + self.to_frame().to_html(index=False)

    def to_excel(self, path) -> Path:
        """The figures (项目, 数值) as a workbook, for analysts."""
        from ..iorw import write_tables

        return write_tables(path, {self.period: self.to_frame()})


def _figures(c: Counted, period: Period) -> dict:
    rules = c.rules
    subs = in_period(c.submissions, period, "date")
    ad = in_period(c.adoptions, period)
    every = in_period(c.all_adoptions, period)
    organs = organ_names(every["body"], rules)
    instr = in_period(c.instructions, period)
    own = _own_bulletin(ad, rules)
    above = rules.tiers[rules.tier_rank(rules.own_tier) + 1:]
    # The period's items as adopted by its end (采用率 is of them, never of the period's adoptions).
    cohort = c.adoptions[(c.adoptions["when"] <= period.end) & c.adoptions["item"].isin(subs["item"])]
    channels = list((rules.data.get("placement") or {}).get("channel_words") or {})
    routings = list((rules.data.get("placement") or {}).get("routing") or {})
    return dict(
        submitted=len(subs),
        published=own["item"].nunique(),
        issues=_issues(c, period, own),
        adopted=ad["item"].nunique(),
        adopted_of_submitted=int(cohort["item"].nunique()),
        higher_of_submitted=int(cohort.loc[cohort["tier"].isin(above), "item"].nunique()),
        adopted_by_tier={t: int(ad.loc[ad["tier"] == t, "item"].nunique()) for t in rules.tiers},
        instructions=len(instr),
        instructions_by_level={lvl: int((instr["level"] == lvl).sum()) for lvl in rules.leader_levels},
        instructed_items=instr["item"].nunique(),
        **_forwarded(c, period, above),
        adopted_by_channel={ch: int(every.loc[every["channel"] == ch, "item"].nunique()) for ch in channels},
        routing={r: int(every.loc[every["routing"] == r, "item"].nunique()) for r in routings},
        adopted_by_body={t: _by_body(every[every["tier"] == t], organs) for t in rules.tiers},
    )


def _forwarded(c: Counted, period: Period, above: list[str]) -> dict:
    """上报 above this office (a roll-up's offices sent theirs to it: theirs, not its own 上报 upward),
    by target tier, those adopted there and the upper rate; none at all (not 0) when the ledgers
    record no 上报 (统计口径: 台账未记录任何上报时，不统计上报)."""
    if not forwards_recorded(c):
        return dict(forwarded={}, forwarded_adopted=None, upper_adoption_rate=None)
    fw = forwarded_items(c, period)
    fw = fw[fw["tier_rank"] > c.rules.tier_rank(c.rules.own_tier)]
    return dict(forwarded={t: int((fw["tier_rank"] == c.rules.tier_rank(t)).sum()) for t in above},
                forwarded_adopted=int(fw["adopted"].sum()), upper_adoption_rate=ratio(int(fw["adopted"].sum()), len(fw)))


def _covers(c: Counted, period: Period) -> bool:
    """Whether the ledgers read have sheets of ``period``'s year, with items on them, that cover every
    month of it: a sheet covers the months its title says (2024年10月—12月), else the quarter or the
    month its name (or its title) says (四季度, 11月), else its whole year. Last year's book kept as a
    四季度 sheet alone says nothing of its first quarter: 比上年同期 against it would be against nothing."""
    sheets = c.ledger.sheets
    sheets = sheets[(pd.to_numeric(sheets["year"], errors="coerce") == period.year) & (sheets["items"] > 0)]
    covered: set[int] = set()
    for name, caption, span in zip(sheets["sheet"], sheets["caption"], sheets["months"]):
        covered |= _sheet_months(period.year, name, caption, span)
    return set(range(period.first_month, period.last_month + 1)) <= covered


def _sheet_months(year: int, name: str, caption: str, span) -> set[int]:
    """The months of ``year`` one sheet covers (``_covers``)."""
    if isinstance(span, (tuple, list)):
        return {k % 12 + 1 for k in range(span[0], span[1] + 1) if k // 12 == year}
    return sheet_months(name, caption) or set(range(1, 13))


def _reaches_back(c: Counted, period: Period) -> bool:
    """Whether the ledgers' items go back to the first month of ``period``: a few items of last
    December registered late in this year's ledger (or a running sheet begun in December) are no
    ledger of last year, and 比上年增长700% from them would be false."""
    first = pd.to_datetime(c.submissions["date"], errors="coerce").min()
    return pd.notna(first) and first <= pd.Timestamp(period.start) + pd.offsets.MonthEnd(0)


def _own_bulletin(ad: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """本级编发: the office's own bulletin (its tier, its own channel), not another body of its tier
    (县委办《信息快报》) nor its 专报/转报/转送, which are counted apart."""
    return ad[(ad["tier"] == rules.own_tier) & (ad["routing"].fillna("").astype(str) == "")
              & (ad["channel"].astype(object) == rules.placement.default_channel)]


def _issues(c: Counted, period: Period, own: pd.DataFrame) -> int | None:
    """The distinct issues (期) of the own bulletin the period's items were in, or None when the
    year's ledgers write no 期号 of it at all: they do not say how many issues there were (编发期数
    left out, not 0)."""
    year = _own_bulletin(in_period(c.adoptions, Period.of(period.year)), c.rules)
    if not year["issue_no"].notna().any():
        return None
    return int(own["issue_no"].dropna().nunique())


def _by_body(ad: pd.DataFrame, organs: dict[str, str]) -> dict[str, int]:
    """Items per adopting body, by the body's name without its bulletin (市委办, 市政协), most first; the
    names of one organ (``organs``: 丽水市政协 and 市政协 to an office in 丽水市) as one."""
    names = ad["body"].map(lambda b: organs.get(b) or organ_name(b))
    counts = ad.assign(organ=names).groupby("organ")["item"].nunique().sort_values(ascending=False, kind="stable")
    return {k: int(v) for k, v in counts.items() if k}


def organ_names(bodies: pd.Series, rules: Rules | None) -> dict[str, str]:
    """Each adopting body written in ``bodies`` → the organ a sentence names it by (:func:`organ_name`, 市政协
    of 市政协《社情民意》第20期采用), one name for one organ: the forms the ledgers write of it relative to the
    office (丽水市政协 and 市政协, 浙江省政协 and 省政协 to an office in 丽水市, 浙江省: ``Placement.organ_key``)
    named as most of the records write it (the first written on a tie), so 被市级采用3条 is never split into
    （丽水市政协2条、市政协1条）as though they were two bodies."""
    written = Counter(b for b in bodies.dropna().tolist() if isinstance(b, str) and b)  # first written first
    if rules is None:
        return {b: organ_name(b) for b in written}
    key = rules.placement.organ_key
    counts: dict[str, dict[str, int]] = {}  # organ → its names as written, how often
    for b, n in written.items():
        names = counts.setdefault(key(b), {})
        names[organ_name(b)] = names.get(organ_name(b), 0) + n
    shown = {k: max(names, key=names.get) for k, names in counts.items()}
    return {b: shown[key(b)] for b in written}


def summary(source: Ledger | Counted, period: Period | int, rules: Rules | None = None,
            previous: Ledger | Counted | None = None) -> Summary:
    """Key figures for ``period``; with ``previous`` (or when the same ledgers hold the year before)
    also the same period a year earlier and the change."""
    c, period = prepare(source, period, rules)
    figures = _figures(c, period)
    roster = c.ledger.roster
    participation = {}
    if roster is not None and not roster.people.empty:
        # The 委员 in post at some time in the period (in one of their terms: 聘任 before its end,
        # 解聘 after its start).
        p = roster.people[roster.people["role"] == "委员"]
        start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
        members = {n for n, t, a, e in zip(p["name"], p["terms"], p["appointed_on"], p["ended_on"])
                   if held_during(t if isinstance(t, tuple) else None, a, e, start, end)}
        items = set(in_period(c.submissions, period, "date")["item"])
        active = set(c.authors.loc[c.authors["item"].isin(items), "name"]) & members
        participation = {"members_with_items": len(active), "members": len(members), "rate": ratio(len(active), len(members))}
    # The year before's own ledger, if given: counted under these rules (its year is not this period's).
    prev_c = c if previous is None else previous if isinstance(previous, Counted) else counted(previous, c.rules)
    before = _figures(prev_c, period.previous_year)
    # A year earlier is compared when the ledgers' sheets of that year cover its months, even with
    # nothing in them (比上年同期增加14条, no rate from 0); with no ledger of them there is nothing to compare.
    last = period.previous_year
    has_previous = _covers(prev_c, last) or before["submitted"] > 0 and _reaches_back(prev_c, last)
    change = None
    if has_previous:
        change = {
            "submitted": figures["submitted"] - before["submitted"],
            "submitted_pct": ratio(figures["submitted"] - before["submitted"], before["submitted"]),
            "adopted": figures["adopted"] - before["adopted"],
            "instructions": figures["instructions"] - before["instructions"],
        }
    before = {k: before[k] for k in ("submitted", "published", "issues", "adopted", "adopted_by_tier", "instructions",
                                      "instructions_by_level", "instructed_items")}
    return Summary(
        period=period.label, participation=participation, adoption_rate=ratio(figures["adopted_of_submitted"], figures["submitted"]),
        previous=before if has_previous else None, change=change, left_out=c.left_out_text, notes=list(c.notes),
        **figures,
    )
