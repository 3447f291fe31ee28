"""The commendation (年度表彰, or two-yearly, or at the end of a term) as a reviewed decision.

The library proposes, people decide (domain.md §8): real decisions name a basis (…办法) and are
taken by a body (主席会议) on a candidate list. So the computation gives, per category, every
**candidate** ranked with its 评选依据, the ones it would **suggest** within the rules' limits,
and — once staff return the candidates workbook with 确认 marked — the **confirmed** lists the
decision and the payout are made from. Without a confirmation everything is a draft (``draft``).

Categories and candidates (values from the rules file):
- 先进集体: every unit with a submission, ranked within its peer group as ``compute units`` ranks
  (``points.rank_by``: points, then 采用, then 报送); at most ``peer_groups.<type>.top_n`` per group,
  among the units that completed their year's 任务 (``advanced_units.min_completion``, by analogy with
  L88's condition for people: the source sets none for units): one short of it keeps its place, not
  suggested, its 评选依据 saying why, and the next unit that completed it takes the place;
- 优秀信息员: the people who meet L88's condition "凡提供信息5条以上,采用3篇以上…才可参加…评选"
  (per year; over N years N times it) — the condition to be considered, not the award — ranked
  by score and the same tie-breaks; at most ``outstanding_informant.max_count``; everyone else on the roster gets a line
  in the 评选依据 saying why they are not eligible;
- 十佳信息: adopted items ranked by highest tier, then instructions, then adoptions, then earliest
  submission; at most ``top_items``;
- 好信息: instructed items whose follow-up is 已办结 (compute/instructions: "尚未解决" is not),
  "可评为" (L88): candidates; at most ``good_items.max_count``;
- 先进工作者: the office's staff (roster roles ``advanced_workers.roles``), in roster order, never
  suggested by the figures; at most ``advanced_workers.max_count``.
Every limit 0 means none of that category (top_n, top_items, max_count alike); a max_count left
empty, no limit. ``grades`` (奖项等次) and ``prizes`` (表彰奖金) per category are office-set and
empty by default.

The payout sheet (奖励发放表): the 稿酬 every adopted item earns by rule (compute/rewards, with
补差), plus the 表彰奖金 of the awarded; its total equals the sum of its lines exactly.
Ties are broken by the stated order, finally by name, so a list never depends on row order.
The sheet says what it leaves out or counts beyond the rules (``payout_notes``): a per-grade prize of
a candidate with no grade yet, every tied candidate across a limit; its totals are checked to
reconcile in integer fen (``_reconcile``).
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .. import arguments, zh
from ..period import Period, Span
from ..read.confirmed import Confirmation, authors_key, key_of
from ..read.values import cell_text
from ..records import Ledger, by_item
from ..rules import Rules
from ..rules.check import CATEGORIES
from ..rules.show import tie_break_text
from .base import as_of, counted_from, credited_authors, item_flags, place_text, ranked_places, ratio, years_held
from .counted import Counted
from .instructions import DONE, instruction_statuses
from .people import people, units_shown
from .rewards import beneficiaries, reward_lines, split_fen, to_fen, yuan
from .units import person_points, unit_counts, units

UNITS, INFORMANTS, TOP_ITEMS, GOOD_ITEMS, WORKERS = CATEGORIES
ITEM_KEYS = {
    "highest_tier": ("tier_rank", False, "最高采用层级高者在前"),
    "instructions": ("instructions", False, "领导批示多者在前"),
    "adoptions": ("adoptions", False, "采用次数多者在前"),
    "earliest_submission": ("date", True, "报送早者在前"),
}
ACROSS_LIMIT = "并列跨越名额的，并列者均列为建议表彰，由评选机构研究确定"
# What one candidate is called in a count ("确认了3名").
COUNT_WORD = {UNITS: "个", INFORMANTS: "名", TOP_ITEMS: "条", GOOD_ITEMS: "条", WORKERS: "名"}
# The columns each awarded list keeps (what the decision and the workbook show).
AWARDED_COLUMNS = {
    UNITS: ["peer_group", "place", "unit", "points", "submitted", "adopted", "grade"],
    INFORMANTS: ["place", "name", "role", "unit", "submitted", "adopted", "score", "grade"],
    TOP_ITEMS: ["place", "item", "item_no", "title", "author_text", "unit", "tier", "instructions", "adoptions", "date",
                "leaders", "grade"],
    GOOD_ITEMS: ["place", "item", "item_no", "title", "author_text", "unit", "leaders", "follow_up", "grade"],
    WORKERS: ["place", "name", "role", "unit", "grade"],
}


class ConfirmationError(ValueError):
    """The returned candidates workbook cannot be used; ``problems`` says where, cell by cell."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("候选名单确认有误:\n" + "\n".join(f"  {p}" for p in self.problems))


@dataclass
class AnnualCommendation:
    """Everything the commendation decision and its workbooks show.

    ``units``, ``informants``, ``top_items``, ``good_items`` and ``workers`` are the awarded lists:
    the confirmed ones, or, while ``draft``, the suggested ones. ``candidates`` holds every
    candidate per category (ranked, with ``basis_text`` and ``suggested``) for the workbook staff
    confirm in."""

    office: str
    year: int  # the last year covered
    units: pd.DataFrame  # 先进集体: peer_group, place, unit, points, submitted, adopted
    informants: pd.DataFrame  # 优秀信息员, ranked
    basis: pd.DataFrame  # 评选依据: one row per person, with the reason
    top_items: pd.DataFrame  # 十佳信息
    good_items: pd.DataFrame  # 好信息
    payout: pd.DataFrame  # 奖励发放表: name, kind, unit, items, reward, prize, amount
    payout_total: Decimal
    lines_total: Decimal  # the sum of the reward and prize lines (equals payout_total: ``_reconcile``)
    tie_breaks: dict[str, str]
    thresholds: dict
    addressee: str = ""  # 主送机关 (rules: commendations.addressee)
    workers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AWARDED_COLUMNS[WORKERS]))
    candidates: dict[str, pd.DataFrame] = field(default_factory=dict)
    years: tuple[int, ...] = ()
    label: str = ""  # 2025年度, 2024—2025年度, 本届(2022—2026年)
    draft: bool = True  # no confirmed list yet: the lists are suggestions
    regulation: str = ""  # 评选依据的办法 (rules: commendations.basis)
    decided_by: str = ""  # who decides (rules: commendations.decided_by)
    limits: dict = field(default_factory=dict)  # category → most awarded (先进集体: per peer group)
    tie_notes: list = field(default_factory=list)  # ties across a limit: every tied one suggested (说明)
    over_limit: list = field(default_factory=list)  # the ties (Crossing) the awarded lists go over a limit by
    grades: dict = field(default_factory=dict)  # category → {grade: how many}
    notes: list = field(default_factory=list)  # what the confirmation said that was not used (ConfirmationNote)
    reward_total: Decimal = Decimal("0.00")  # the 稿酬 column's total (reconciled in fen)
    prize_total: Decimal = Decimal("0.00")  # the 表彰奖金 column's total
    payout_notes: list = field(default_factory=list)  # what the payout sheet leaves out or counts beyond the rules
    # Who wrote the 十佳信息 and 好信息 commended: 个人, 单位 (an item filed in a unit's name, 县工商联), or both;
    # () for a commendation built without it (the items' authors then taken to be people).
    item_author_kinds: tuple = ()

    @property
    def span(self) -> str:
        return self.label or f"{self.year}年度"

    @property
    def honoured(self) -> str:
        """Who the decision commends, as its title names them: 先进集体 when units are, 先进个人 when
        people (优秀信息员, 先进工作者) are, and 优秀信息 (十佳信息, 好信息) when only one of those is; a
        title never names 先进个人 when no one holds such a title. With nothing commended (the decision
        says 未评出…), 先进集体和先进个人."""
        parts = [word for word, df in (("先进集体", [self.units]), ("先进个人", [self.informants, self.workers]))
                 if any(len(d) for d in df)]
        if len(parts) < 2 and (len(self.top_items) or len(self.good_items)):
            parts.append("优秀信息")
        return "和".join(parts or ["先进集体", "先进个人"])

    @property
    def title(self) -> str:
        return f"关于表彰{self.span}社情民意信息工作{self.honoured}的决定"

    @property
    def stem(self) -> str:
        """The name every output of this commendation shares."""
        return commendation_stem(self.span)

    def awarded(self) -> dict[str, pd.DataFrame]:
        """Category → its awarded list."""
        return {UNITS: self.units, INFORMANTS: self.informants, TOP_ITEMS: self.top_items,
                GOOD_ITEMS: self.good_items, WORKERS: self.workers}

    def figures(self) -> dict:
        """Key figures recorded in the executed notebook."""
        return {
            "year": self.year, "years": list(self.years), "draft": self.draft,
            "units": list(self.units["unit"]), "informants": list(self.informants["name"]),
            "top_items": list(self.top_items["title"]), "good_items": list(self.good_items["title"]),
            "workers": list(self.workers["name"]),
            "candidates": {k: len(v) for k, v in self.candidates.items()},
            "payout_total": f"{self.payout_total:.2f}",
        }

    def to_excel(self, path) -> Path:
        """Every list of the commendation, one sheet each, values as values (for analysts), headed in
        Chinese as the lists' workbook heads them."""
        from ..iorw import write_tables
        from ..render.commendation_xlsx import analyst_sheets  # the labels' one place is render/spec.py

        return write_tables(path, analyst_sheets(self))

    def _repr_html_(self) -> str:
        state = "候选(草稿,待确认)" if self.draft else "已确认"
        return (f"<h3>{self.title}</h3><p>{state}:先进集体 {len(self.units)} 个,优秀信息员 {len(self.informants)} 名,"
                f"十佳信息 {len(self.top_items)} 条,好信息 {len(self.good_items)} 条,先进工作者 {len(self.workers)} 名;"
                f"奖励合计 {self.payout_total} 元</p>")


def commendation_stem(span: str) -> str:
    """``2025年度社情民意信息工作表彰``: the file name every output of one commendation shares."""
    return f"{span}社情民意信息工作表彰"


def span_label(years: list[int], term: dict | None = None) -> str:
    """2025年度; 2024—2025年度; 本届(2022—2026年) for a term."""
    if term:
        return f"{term['name']}({term['first_year']}—{term['last_year']}年)"
    return f"{years[0]}年度" if len(years) == 1 else f"{years[0]}—{years[-1]}年度"


def resolve_years(year: int | None, years: str | None, term: bool, rules: Rules) -> tuple[list[int], str]:
    """The years a commendation covers and its label, from ``--year``, ``--years 2024-2025`` or
    ``--term`` (the rules' ``commendations.term``). Raises ValueError with a Chinese message."""
    given = sum(x is not None and x is not False for x in (year, years, term or None))
    if given != 1:
        raise ValueError("请指定 --year、--years 或 --term 中的一个")
    if term:
        t = rules.data["commendations"].get("term")
        if not t:
            raise ValueError("规则文件未设 commendations.term(届名、起止年度),无法按届评选")
        span = list(range(t["first_year"], t["last_year"] + 1))
        return span, span_label(span, t)
    if years is not None:
        parts = str(years).replace("—", "-").replace("–", "-").split("-")
        try:
            first, last = int(parts[0]), int(parts[-1])
        except ValueError:
            raise ValueError(f"--years 应写成 2024-2025,实为“{years}”") from None
        if len(parts) > 2 or last < first or last - first > 10:
            raise ValueError(f"--years 应写成 2024-2025(起年不晚于止年),实为“{years}”")
        span = list(range(first, last + 1))
        return span, span_label(span)
    return [int(year)], span_label([int(year)])


def person_keys(keys: list[str]) -> list[str]:
    """``points.rank_by`` for people: a person's points are their ``score``."""
    return ["score" if k == "points" else k for k in keys]


def _sorted(df: pd.DataFrame, keys: list[str], name: str) -> pd.DataFrame:
    """Ranked on ``keys`` (highest first), those equal on all of them by ``name``: the order the
    places of ``ranked_places`` are in."""
    return df.sort_values([*keys, name], ascending=[False] * len(keys) + [True], kind="stable")


def tie_breaks(keys: list[str]) -> dict[str, str]:
    """How 先进集体 and 优秀信息员 are ordered, by the rules' ``points.rank_by`` (as the circular ranks units)."""
    tie = zh.punctuate(tie_break_text(keys))
    return {UNITS: f"同一类别组内按积分从高到低；{tie}（名次相同，按单位名称排列）；{ACROSS_LIMIT}",
            INFORMANTS: f"符合条件者按个人积分从高到低；{tie}（名次相同，按姓名排列）；{ACROSS_LIMIT}"}


@dataclass(frozen=True)
class Crossing:
    """Tied candidates across a limit: all of them suggested (``suggested`` in all), more than it allows."""

    category: str
    group: str  # the peer group of 先进集体, else ""
    names: tuple[str, ...]  # the tied ones
    place: int
    suggested: int  # how many are suggested (or, once confirmed, confirmed) in all
    limit: int

    @property
    def tied(self) -> str:
        return "、".join(self.names)

    @property
    def who(self) -> str:
        return f"{self.category}{self.group}：{self.tied}并列第{self.place}名"

    def allows(self, confirmed: pd.DataFrame, key: str) -> bool:
        """Whether ``confirmed`` (candidate rows, their ``place``) goes over the limit by this tie only:
        every tied one confirmed, every other one ranked above them, no more than were suggested."""
        tied = confirmed[key].isin(self.names).to_numpy(dtype=bool)
        return (len(confirmed) <= self.suggested and int(tied.sum()) == len(self.names)
                and bool((confirmed.loc[~tied, "place"] < self.place).all()))


def _crossing(rows: pd.DataFrame, key: str, limit, category: str, group: str = "") -> Crossing | None:
    suggested = rows[rows["suggested"].astype(bool).to_numpy()]
    if limit is None or len(suggested) <= limit:
        return None
    last = int(suggested["place"].max())
    return Crossing(category, group, tuple(suggested.loc[suggested["place"] == last, key]), last, len(suggested), limit)


def _tie_note(crossing: Crossing) -> str:
    """The note when tied candidates cross the limit: all of them are suggested, more than it allows."""
    word = COUNT_WORD[crossing.category]
    return (f"{crossing.who}，并列跨越名额，均列为建议表彰，"
            f"共{crossing.suggested}{word}，超过规则规定的{crossing.limit}{word}，请研究确定。")


def _informants(basis: pd.DataFrame, limit, keys: list[str]) -> pd.DataFrame:
    """优秀信息员 candidates: the eligible, ranked on ``keys`` (ties shared), suggested within the limit."""
    informants = basis[basis["eligible"].astype(bool).to_numpy()].copy()  # a mask even when empty (untyped)
    informants.insert(0, "place", ranked_places(informants, keys).to_numpy())
    informants["suggested"] = informants["place"] <= limit if limit is not None else True
    informants["basis_text"] = [f"{r}；积分{s}分" + (f"，{k}" if k.startswith("并列") else "")
                                for r, s, k in zip(informants["reason"], informants["score"], place_text(informants["place"]))]
    return informants


def _crossings(candidates: dict[str, pd.DataFrame], limits: dict) -> list[Crossing]:
    """Ties across a limit (先进集体 per peer group, 优秀信息员): the 说明's lines, and the payout's."""
    units_ = candidates[UNITS]
    found = [_crossing(rows, "unit", limits[UNITS].get(g), UNITS, g) for g, rows in units_.groupby("peer_group", sort=False)]
    found.append(_crossing(candidates[INFORMANTS], "name", limits[INFORMANTS], INFORMANTS))
    return [x for x in found if x]


def _reason(submitted: int, adopted: int, need_sub: int, need_ad: int) -> tuple[bool, str]:
    short = []
    if submitted < need_sub:
        short.append(f"报送{submitted}条，未达{need_sub}条")
    if adopted < need_ad:
        short.append(f"采用{adopted}条，未达{need_ad}条")
    if short:
        return False, "；".join(short)
    return True, f"报送{submitted}条、采用{adopted}条，符合参评条件"


def _person_terms(c: Counted, worker_roles: set[str]) -> dict[str, list[tuple]]:
    """name → the roster's times in post of the person in any role but the staff's (``terms``: (start,
    end), None open), as Timestamps; a name the roster lists with no dates is in post throughout."""
    roster = c.ledger.roster
    if roster is None or roster.people.empty:
        return {}
    out: dict[str, list[tuple]] = {}
    for name, role, terms in zip(roster.people["name"], roster.people["role"], roster.people["terms"]):
        if role in worker_roles:
            continue
        spans = terms if isinstance(terms, tuple) and terms else ((None, None),)
        out.setdefault(name, []).extend((None if s is None or pd.isna(s) else pd.Timestamp(s),
                                         None if e is None or pd.isna(e) else pd.Timestamp(e)) for s, e in spans)
    return out


def _when_outside(day: pd.Timestamp, terms: list[tuple]) -> str:
    """Where ``day`` falls against a person's times in post: "" in post; 2025年7月1日聘任前, 离任后, 两次任职之间."""
    if pd.isna(day) or any((s is None or s <= day) and (e is None or day <= e) for s, e in terms):
        return ""
    starts = [s for s, _ in terms]
    if None not in starts and day < min(starts):
        return f"{zh.zh_date(min(starts))}聘任前"
    ends = [e for _, e in terms]
    if None not in ends and day > max(ends):
        return "离任后"  # the day is said before it (2025年9月15日离任)
    return "两次任职之间"


def _outside_terms(c: Counted, span: Span, flags: pd.DataFrame, terms: dict[str, list[tuple]]) -> pd.DataFrame:
    """name → the span's items the person sent outside their times in post (``outside_submitted``,
    ``outside_adopted``, ``outside_when``: 聘任前, 离任后): counted for the condition as L88 counts every item
    provided, and said, since ``compute people`` counts them apart from the 任务 (任职期外报送1条不计入任务)."""
    persons = credited_authors(c)[["item", "name"]]
    persons = persons[persons["name"].isin(terms)]
    day = pd.to_datetime(persons["item"].map(by_item(c.submissions, "date")))
    when = pd.Series([_when_outside(d, terms[n]) for d, n in zip(day, persons["name"])], index=persons.index, dtype=object)
    out = persons[(when != "").to_numpy()].assign(when=when[when != ""])
    out = out.join(flags[["submitted", "adopted"]], on="item")
    out = out[(out["submitted"] + out["adopted"] > 0).to_numpy()]
    return out.groupby("name").agg(outside_submitted=("submitted", "sum"), outside_adopted=("adopted", "sum"),
                                   outside_when=("when", lambda s: "、".join(dict.fromkeys(s))))


def _units_apart(c: Counted, flags: pd.DataFrame) -> dict[str, str]:
    """name → what the 评选依据 says of a person the roster does not name (or anyone, with no roster) whose
    items counted in the span are under two units or more (张伟 of 民盟市委 and 张伟 of 九三学社市委: two
    people of one name, or one who moved): counted as one person, as ``compute people`` counts them
    (``people.names_in_several_units``), so the figures the condition and the 积分 judge may be two
    people's: 所报信息分属民盟市委2条、九三学社市委1条，已按同一人统计…"""
    au = c.authors
    if au.empty:
        return {}
    unlisted = au.loc[~au["is_unit"].astype(bool) & au["roster_unit"].isna(), ["item", "name"]]
    counted = flags.index[(flags["submitted"] + flags["adopted"] > 0).to_numpy()]
    persons = credited_authors(c)[["item", "name"]].merge(unlisted.drop_duplicates(), on=["item", "name"])
    persons = persons[persons["item"].isin(counted)]
    persons = persons.assign(unit=persons["item"].map(by_item(c.submissions, "unit")).fillna("").astype(str))
    per_unit = persons[persons["unit"] != ""].groupby(["name", "unit"], sort=False).size()
    out = {}
    for name, units_ in per_unit.groupby(level="name", sort=False):
        if len(units_) > 1:
            listed = "、".join(f"{unit}{n}条" for (_, unit), n in units_.items())
            out[name] = (f"所报信息分属{listed}，已按同一人统计；如系同名的两人，"
                         "请将二人分别列入名册（写明各自的单位）后重新生成")
    return out


def _last_day(terms: list[tuple] | None) -> pd.Timestamp | None:
    """The roster's 离任 day of a person: the end of their last time in post, when every one ends."""
    ends = [e for _, e in terms or []]
    return max(ends) if ends and None not in ends else None


def _term_text(row, need_sub: int, need_ad: int, end: pd.Timestamp) -> str:
    """What the 评选依据 adds for a person who left by the span's ``end``, or sent items outside their
    times in post: 2025年9月15日离任; 其中任职期外报送1条、采用1条（2025年7月1日聘任前），如不计入，报送4条，未达5条."""
    parts = [f"{zh.zh_date(row.ended_on)}离任"] if not pd.isna(row.ended_on) and row.ended_on <= end else []
    sent, adopted = int(row.outside_submitted), int(row.outside_adopted)
    if sent or adopted:
        counts = "、".join(f"{w}{n}条" for w, n in (("报送", sent), ("采用", adopted)) if n)
        without = [f"{w}{n}条，未达{least}条" for w, n, least in (("报送", row.submitted - sent, need_sub),
                                                               ("采用", row.adopted - adopted, need_ad)) if n < least]
        decisive = f"，如不计入，{'；'.join(without)}" if row.eligible and without else ""
        parts.append(f"其中任职期外{counts}（{row.outside_when}）{decisive}")
    return "，".join(parts)


def _with_terms(c: Counted, out: pd.DataFrame, span: Span, flags: pd.DataFrame, terms: dict[str, list[tuple]],
                need: tuple[int, int]) -> pd.DataFrame:
    """The 评选依据 with each person's 离任 day (``ended_on``) and the items they sent outside their times
    in post (``outside_submitted``, ``outside_adopted``): counted (L88: every item provided), said in
    the ``reason``, as is leaving."""
    out = out.assign(ended_on=pd.to_datetime(pd.Series([_last_day(terms.get(n)) for n in out["name"]], index=out.index,
                                                       dtype=object)))
    outside = _outside_terms(c, span, flags, terms)
    for col in ("outside_submitted", "outside_adopted"):
        out[col] = out["name"].map(outside[col]).fillna(0).astype(int)
    out["outside_when"] = out["name"].map(outside["outside_when"]).astype(object).fillna("")  # empty: float NaN
    out["reason"] = [f"{r}；{t}" if (t := _term_text(row, *need, span.end)) else r
                     for r, row in zip(out["reason"], out.itertuples(index=False))]
    return out.drop(columns=["outside_when"])


def _basis(c: Counted, periods: list[Period], need_sub: int, need_ad: int, worker_roles: set[str],
           today: dt.date | None) -> pd.DataFrame:
    """One row per person (roles joined) with the span's figures, score and eligibility."""
    per_year = []
    for p in periods:
        table = people(c, p, today=today)
        table = table[~table["role"].isin(worker_roles)]
        per_year.append(table.assign(year=p.year))
    rows = pd.concat(per_year, ignore_index=True)
    roles = rows.groupby("name", sort=False)["role"].agg(lambda s: "、".join(x for x in dict.fromkeys(s) if x))
    # A person's counts are the same on each of their role rows: one row per person and year.
    yearly = rows.drop_duplicates(["name", "year"])
    out = yearly.groupby("name", sort=False).agg(
        unit=("unit", "first"), appointed_on=("appointed_on", "first"), quota=("quota", "sum")).reset_index()
    out.insert(1, "role", out["name"].map(roles).fillna(""))
    # The figures are the span's, each item once: one adopted in both years is one item adopted,
    # scored at its highest tier (and 批示 level) over the span, not once a year.
    span = Span(periods[0].year, periods[-1].year)
    counts = ["submitted", "adopted", *[f"adopted_{t}" for t in c.rules.tiers], "instructed"]
    persons = credited_authors(c)[["item", "name"]]
    flags = item_flags(c, span)
    per_person = persons.join(flags[counts], on="item").groupby("name")[counts].sum()
    for col in counts:
        out[col] = out["name"].map(per_person[col]).fillna(0).astype(int)
    out["score"] = out["name"].map(person_points(c, span)).fillna(0).astype(int)
    if len(periods) == 1:  # one year: completion as the quota rule judges it (every month, or cumulative)
        out["completion"] = out["name"].map(yearly.set_index("name")["completion"])
    else:
        out["completion"] = [ratio(s, q) if q else None for s, q in zip(out["submitted"], out["quota"])]
    out["quota"] = out["quota"].where(out["quota"] > 0)
    # With a roster, the condition is a 委员's or 信息员's (L88): a name it does not list takes no part, said.
    listed = c.ledger.roster is not None and not c.ledger.roster.people.empty
    verdicts = [(False, "未列入名册(不是委员或信息员),不参加评选") if listed and not r else _reason(s, a, need_sub, need_ad)
                for s, a, r in zip(out["submitted"], out["adopted"], out["role"])]
    out["eligible"] = [v[0] for v in verdicts]
    out["reason"] = [v[1] for v in verdicts]
    out = _with_terms(c, out, span, flags, _person_terms(c, worker_roles), (need_sub, need_ad))
    apart = _units_apart(c, flags)
    out["reason"] = [f"{r}；{apart[n]}" if n in apart else r for r, n in zip(out["reason"], out["name"])]
    return _sorted(out, ["eligible", *person_keys(c.rules.rank_by)], "name").reset_index(drop=True)


# 先进集体's condition (commendations.advanced_units): rules key -> units() column, what it is called.
UNIT_CONDITIONS = (("min_completion", "completion", "任务"), ("min_adopted_completion", "adopted_completion", "采用任务"))


def _least(value) -> float | None:
    """A condition's threshold from the rules; None when left empty (no condition)."""
    return None if value is None or isinstance(value, str) and not value.strip() else float(value)


def unit_condition(rule: dict) -> dict[str, float]:
    """units() column -> the least completion a 先进集体 needs (``commendations.advanced_units``): none
    when the key is left out or empty (a rules file written before it)."""
    need = rule.get("advanced_units") or {}
    return {col: least for key, col, _ in UNIT_CONDITIONS if (least := _least(need.get(key))) is not None}


def judged_years(c: Counted, years: list[int]) -> list[int]:
    """The years whose 任务 先进集体's condition judges: every year of the span the ledgers hold a
    record in. A year they hold none in (a term's early years whose ledgers were not read) is not
    judged: its 0% would say what was read, not what a unit did (``period.empty``)."""
    held = set(years_held(c.ledger))
    return [y for y in years if y in held]


def _short_of_task(c: Counted, periods: list[Period], need: dict[str, float], today: dt.date | None) -> dict[str, list[str]]:
    """Unit -> why it is not suggested as 先进集体: each year (every judged year of a span alike: its
    任务 is annual) whose 任务 — or 采用任务, when the rules set that condition too — it completed
    less than ``need``, as ``compute units`` judges it. A unit with no 任务 that year (未分组, a type
    with no quota, not in post) is not judged."""
    short: dict[str, list[str]] = {}
    words = {col: word for _, col, word in UNIT_CONDITIONS}
    judged = judged_years(c, [p.year for p in periods]) if need else []
    for p in (p for p in periods if p.year in judged):
        table = units(c, p, today=today)
        year = f"{p.year}年度" if len(periods) > 1 else "年度"
        for col, least in need.items():
            below = table[(table[col] < least).to_numpy(dtype=bool)]  # NaN (no 任务) is never below
            for unit, done in zip(below["unit"], below[col]):
                short.setdefault(unit, []).append(f"{year}{words[col]}完成率{zh.percent(done)}，未达{zh.percent(least)}")
    return short


def _unit_basis(rows: pd.DataFrame, group: str, short: dict[str, list[str]], dated: dict[str, str] | None = None) -> list[str]:
    """积分36分（报送36条、采用0条），镇街政协工委第1名, the days a unit set up or dissolved in the span was there
    (``dated``: 2025年7月1日成立，任务按成立后的月份计), then why a unit short of its 任务 is not suggested."""
    dated = dated or {}
    return [f"积分{p}分（报送{s}条、采用{a}条），{group}{k}" + (f"；{dated[u]}" if u in dated else "")
            + "".join(f"；{x}" for x in short.get(u, [])) + ("，不建议表彰" if u in short else "")
            for u, p, s, a, k in zip(rows["unit"], rows["points"], rows["submitted"], rows["adopted"], place_text(rows["place"]))]


def _units_dated(c: Counted, periods: list[Period]) -> dict[str, str]:
    """Unit -> its 成立 or 撤销 day inside the span, as the roster's 单位 sheet gives it, and that its 任务 ran
    only then: a 先进集体 judged on part of the span (a 机构改革's new unit, 100% of July to December)."""
    roster = c.ledger.roster
    if roster is None or roster.units.empty or "started_on" not in roster.units:
        return {}
    first, last = pd.Timestamp(periods[0].start), pd.Timestamp(periods[-1].end)
    out = {}
    for unit, start, end in zip(roster.units["unit"], pd.to_datetime(roster.units["started_on"]),
                                pd.to_datetime(roster.units["ended_on"])):
        said = [f"{zh.zh_date(start)}成立" if pd.notna(start) and first < start <= last else "",
                f"{zh.zh_date(end)}撤销" if pd.notna(end) and first <= end < last else ""]
        if any(said):
            out[unit] = "、".join(x for x in said if x) + "，任务按" + ("成立后" if not said[1] else "撤销前" if not said[0]
                                                                       else "存续期间") + "的月份计"
    return out


def _units(c: Counted, periods: list[Period], groups: dict, need: dict[str, float], today: dt.date | None) -> pd.DataFrame:
    """先进集体 candidates: units with a submission in the span, ranked within their peer group; a unit
    short of its year's 任务 (``need``, ``_short_of_task``) keeps its place but is not suggested, its
    评选依据 saying why, and the group's places go to the next units that are not: those ranked
    among themselves within ``top_n``."""
    # Each item once over the span (at its highest tier), as for a person.
    counts = unit_counts(c, Span(periods[0].year, periods[-1].year))
    table = units(c, periods[-1], today=today)[["unit", "peer_group"]]
    keys = c.rules.rank_by  # as compute units ranks (the circular's 排名)
    for col in dict.fromkeys(["points", "submitted", "adopted", *keys]):
        table[col] = table["unit"].map(counts[col]).fillna(0).astype(int)
    table = table[table["submitted"] > 0]
    short = _short_of_task(c, periods, need, today)
    dated = _units_dated(c, periods)
    order = {g: k for k, g in enumerate(groups)}
    picked = []
    for group, rows in _sorted(table, keys, "unit").groupby("peer_group", sort=False):
        top_n = (groups.get(group) or {}).get("top_n", 0)
        rows = rows.assign(place=ranked_places(rows, keys))
        qualified = ~rows["unit"].isin(short)
        rows["suggested"] = (ranked_places(rows[qualified], keys) <= top_n).reindex(rows.index, fill_value=False)
        rows["basis_text"] = _unit_basis(rows, group, short, dated)
        picked.append(rows)
    cols = ["peer_group", "place", "unit", "points", "submitted", "adopted", "basis_text", "suggested"]
    if not picked:
        return pd.DataFrame({k: pd.Series(dtype=object) for k in cols})
    out = pd.concat(picked, ignore_index=True)[cols]
    return out.sort_values(["peer_group", "place"], key=lambda s: s.map(lambda g: order.get(g, len(order))) if s.name == "peer_group" else s,
                           kind="stable").reset_index(drop=True)


def _items(c: Counted, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Items submitted in the span, and items sent before it that were adopted or instructed in it (a
    December item adopted nationally in February is the new year's), with what ranks them: highest
    tier, instructions, adoptions."""
    def dated_in(t: pd.DataFrame) -> pd.Series:
        return t.loc[((t["when"] >= start) & (t["when"] <= end)).to_numpy(dtype=bool), "item"]

    later = set(dated_in(c.adoptions)) | set(dated_in(c.instructions))
    subs = c.submissions[(((c.submissions["date"] >= start) & (c.submissions["date"] <= end))
                          | ((c.submissions["date"] < start) & c.submissions["item"].isin(later))).to_numpy(dtype=bool)]
    ad = c.adoptions[(c.adoptions["item"].isin(subs["item"]) & (c.adoptions["when"] <= end)).to_numpy(dtype=bool)]
    instr = c.instructions[(c.instructions["item"].isin(subs["item"]) & (c.instructions["when"] <= end)).to_numpy(dtype=bool)]
    # 作者 as read (张三主席 is 张三), under the column the candidates workbook and its confirmation share.
    out = subs[["item", "item_no", "title", "authors_read", "unit", "date"]].rename(columns={"authors_read": "author_text"})
    out["tier_rank"] = out["item"].map(ad.groupby("item")["tier_rank"].max()).fillna(-1).astype(int)
    out["tier"] = out["tier_rank"].map(dict(enumerate(c.rules.tiers))).astype(object).fillna("")
    out["adoptions"] = out["item"].map(ad.groupby("item").size()).fillna(0).astype(int)
    out["instructions"] = out["item"].map(instr.groupby("item").size()).fillna(0).astype(int)
    leaders = instr.groupby("item")["leader"].agg(lambda s: "、".join(dict.fromkeys(x for x in s if x)))
    out["leaders"] = out["item"].map(leaders).astype(object).fillna("")  # object even when no item has a 批示
    return out


def _ranked_items(items: pd.DataFrame, order: list[tuple[str, bool, str]], limit: int | None) -> pd.DataFrame:
    ranked = items.sort_values([k for k, _, _ in order] + ["item"], ascending=[a for _, a, _ in order] + [True],
                               kind="stable").copy()
    ranked.insert(0, "place", range(1, len(ranked) + 1))
    ranked["suggested"] = ranked["place"] <= limit if limit is not None else True
    ranked = ranked.reset_index(drop=True)
    ranked["same_as"] = _by_registration(ranked, order, limit)
    return ranked


def _by_registration(ranked: pd.DataFrame, order: list[tuple[str, bool, str]], limit: int | None) -> pd.Series:
    """Per item, the places of the others equal to it on every ranking key (``top_items_order``) when
    the limit parts them, placed by 登记顺序 alone (第4名 suggested, 第5名 not): "第5名"; "" elsewhere."""
    out = pd.Series("", index=ranked.index, dtype=object)
    if limit is None or not 0 < limit < len(ranked):
        return out
    keys = [k for k, _, _ in order]
    same = ranked[keys].eq(ranked[keys].iloc[limit - 1]).all(axis=1).to_numpy(dtype=bool)  # NaT equals nothing
    if same[limit]:
        places = list(ranked["place"][same])
        out[same] = ["、".join(f"第{p}名" for p in places if p != own) for own in places]
    return out


def _registration_note(category: str, cand: pd.DataFrame, limit) -> list[str]:
    """The 说明's note when items equal on every ranking key are parted by the limit on 登记顺序 alone."""
    tied = cand[(cand["same_as"] != "").to_numpy(dtype=bool)] if "same_as" in cand else cand.iloc[:0]
    if tied.empty:
        return []
    word, reserve = COUNT_WORD[category], tied[~tied["suggested"].astype(bool).to_numpy()]
    return [f"{category}：{''.join(f'《{t}》' for t in tied['title'])}各项排序条件均相同，按登记顺序列第"
            f"{'、'.join(map(str, tied['place']))}名；名额为{limit}{word}，"
            f"{'、'.join(f'第{p}名' for p in reserve['place'])}列为备选，请研究确定。"]


def _good_items(c: Counted, items: pd.DataFrame, start, end, order, limit) -> pd.DataFrame:
    """好信息 candidates: items with an instruction in the span whose follow-up is 已办结."""
    instr = c.instructions[((c.instructions["when"] >= start) & (c.instructions["when"] <= end)).to_numpy(dtype=bool)]
    # 已办结 as the 督办 list judges it at the span's end (a 办复日期 with no text is 已办结 too)
    resolved = instr[(instruction_statuses(instr, c.rules, end)[0] == DONE).to_numpy(dtype=bool)] if len(instr) else instr
    good = items[items["item"].isin(resolved["item"])].copy()
    follow = resolved.groupby("item")["follow_up"].agg(lambda s: ";".join(dict.fromkeys(x for x in s if x)))
    good["follow_up"] = good["item"].map(follow).fillna("")
    good = _ranked_items(good, order, limit)
    good["basis_text"] = [f"{lead or '领导'}批示，落实情况：{f}" + _same_text(same)
                          for lead, f, same in zip(good["leaders"], good["follow_up"], good["same_as"])]
    return good


def _workers(c: Counted, roles: set[str], limit) -> pd.DataFrame:
    roster = c.ledger.roster
    cols = ["place", "name", "role", "unit", "basis_text", "suggested"]
    if roster is None or roster.people.empty:
        return pd.DataFrame({k: pd.Series(dtype=object) for k in cols})
    staff = roster.people[roster.people["role"].isin(roles)].drop_duplicates("name")
    out = staff[["name", "role", "unit"]].reset_index(drop=True)
    out.insert(0, "place", range(1, len(out) + 1))
    out["basis_text"] = [f"名册所列{r}（{u}）" if u else f"名册所列{r}" for r, u in zip(out["role"], out["unit"])]
    out["suggested"] = False  # no figure chooses among the staff: people do
    return out[cols]


def _awarded_from(candidates: dict[str, pd.DataFrame], chosen: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The awarded lists, each row with its candidate's 名次 (ties shared): one numbering in the
    candidates workbook, its notes (并列第4名), the lists and the 奖励发放表's 说明 alike; the
    decision's tables number their rows 1, 2, 3 (序号)."""
    out = {}
    for category, cols in AWARDED_COLUMNS.items():
        df = chosen[category].reset_index(drop=True)
        if "grade" not in df:
            df = df.assign(grade="")
        out[category] = df[[c for c in cols if c in df.columns]]
    return out


def _candidate_key(category: str) -> str:
    return {UNITS: "unit", INFORMANTS: "name", WORKERS: "name"}.get(category, "title")


# What a confirmed row is matched on, besides its name or title: an item's 编号, 作者 and 报送单位
# (ConfirmedRow field -> candidate column), each only where the row has it written.
ITEM_MATCH = {"item_no": "item_no", "authors": "author_text", "unit": "unit"}
MATCH_LABELS = {"item_no": "编号", "authors": "作者", "unit": "报送单位"}  # their columns in the workbook
# The other cells of a row, checked against the candidate it names (workbook label -> candidate
# column). The ledgers are the source: a figure edited by hand is said and not used. A 单位 or 类别
# that is not the candidate's, or a person's or unit's row whose figures are all another candidate's,
# is a row moved apart from its name (Excel's sort of one column, "do not expand the selection"):
# refused, since the 确认 beside it may be meant for another.
ROW_DETAILS = {
    UNITS: {"类别": "peer_group", "积分": "points", "报送": "submitted", "采用": "adopted"},
    INFORMANTS: {"身份": "role", "单位": "unit", "报送": "submitted", "采用": "adopted", "积分": "score"},
    TOP_ITEMS: {"最高采用层级": "tier", "领导批示（件）": "instructions", "采用次数": "adoptions"},
    GOOD_ITEMS: {"批示领导": "leaders"},
    WORKERS: {"身份": "role", "单位": "unit"},
}
IDENTITY = {"单位", "类别"}
NAMED_ONLY = (UNITS, INFORMANTS, WORKERS)  # matched on the name alone: their figures tell whose row it is


class ConfirmationNote(UserWarning):
    """What a returned candidates workbook says that was not used (figures edited by hand: the
    ledgers' are); the commendation is made, the note is said (``AnnualCommendation.notes``)."""


def _match_columns(cand: pd.DataFrame, key: str) -> dict[str, pd.Series]:
    """The candidates' name (or title) and, for items, 编号/作者/报送单位, as compared with a row."""
    if not len(cand):
        return {}
    fields = {"name": key, **{f: c for f, c in ITEM_MATCH.items() if c in cand and key == "title"}}
    return {f: cand[c].map(authors_key if f == "authors" else key_of) for f, c in fields.items()}


def _matching(cand: pd.DataFrame, columns: dict[str, pd.Series], row) -> list:
    """The candidates a confirmed row names: same name or title, and for an item the same 编号,
    作者 and 报送单位 wherever the row gives them (two items may share a title and have no 编号)."""
    if not columns:
        return []
    match = columns["name"] == row.name
    for f, values in columns.items():
        if f != "name" and getattr(row, f):
            match &= values == getattr(row, f)
    return list(cand.index[match.to_numpy(dtype=bool)])


def _shown(values) -> str:
    return "”“".join(dict.fromkeys(cell_text(v) for v in values))


def _unmatched(category: str, cand: pd.DataFrame, columns: dict[str, pd.Series], row) -> str:
    """Why a row fits no candidate, said at the cell that differs: its 编号, 作者 or 报送单位 when its
    title is a candidate's; its title when its 编号 is; else its name, at the name's cell."""
    if columns:
        same = (columns["name"] == row.name).to_numpy(dtype=bool)
        for f in ("item_no", "authors", "unit"):
            cell = row.cell(MATCH_LABELS[f])
            if same.any() and f in columns and cell and not (columns[f][same] == getattr(row, f)).any():
                return (f"{cell.place}:“{row.name}”的{cell.label}“{cell.text}”与候选名单不符(候选名单中为"
                        f"“{_shown(cand[ITEM_MATCH[f]][same])}”);请按候选名单改回")
        by_no = columns["item_no"] == row.item_no if row.item_no and "item_no" in columns else None
        if by_no is not None and by_no.any():
            by_no = by_no.to_numpy(dtype=bool)
            return (f"{row.key_place}:编号“{row.item_no}”的信息标题与候选名单不符(候选名单中为“{_shown(cand['title'][by_no])}”);"
                    "请按候选名单改回")
    return f"{row.key_place}:“{row.name}”不在{category}候选名单中(名称有误,或已不符合条件)"


def _another(category: str, cand: pd.DataFrame, at, checked: list) -> str:
    """The other candidate whose figures (and 单位/身份) are all the row's, or ""."""
    if category not in NAMED_ONLY or not checked:
        return ""
    same = pd.Series(cand.index != at, index=cand.index)
    for cell, col in checked:
        same &= cand[col].map(key_of) == key_of(cell.text)
    hits = cand.index[same.to_numpy(dtype=bool)]
    return cell_text(cand.at[hits[0], _candidate_key(category)]) if len(hits) else ""


def _row_details(category: str, cand: pd.DataFrame, at, row) -> tuple[str, str]:
    """(problem, note) of a row's other cells against the candidate it names: a row of another
    candidate (or another 单位/类别) is a problem; figures edited by hand, a note."""
    checked = [(cell, col) for label, col in ROW_DETAILS[category].items()
               if col in cand and (cell := row.cell(key_of(label)))]
    differ = [(cell, cand.at[at, col]) for cell, col in checked if key_of(cell.text) != key_of(cand.at[at, col])]
    if not differ:
        return "", ""
    labels = "/".join(c.label for c, _ in differ)
    other = _another(category, cand, at, checked)
    if other or any(c.label in IDENTITY for c, _ in differ):
        shown = "、".join(f"{c.label}{c.ref}为“{c.text}”,应为“{cell_text(v)}”" for c, v in differ)
        return (f"{row.key_place}:“{row.name}”所在行的{labels}与候选名单不符({shown})" + (f",是“{other}”的" if other else "")
                + ";像是只对一列排了序(排序时未扩展选定区域)或行被错开,确认栏的“是”可能是给另一候选的;"
                "请恢复为 sqmy commend 生成的候选名单后重新确认"), ""
    shown = "、".join(f"{c.label}{c.ref}填为“{c.text}”,台账为“{cell_text(v)}”" for c, v in differ)
    return "", (f"{row.key_place}:“{row.name}”所在行的{labels}与台账计算的不同({shown});表彰和奖励按台账计算,"
                "候选名单中改动的数字未采用;如台账有误,请改正台账后重新生成候选名单")


def _hit_problem(category: str, cand: pd.DataFrame, columns: dict, row, hits: list, picked: dict) -> str:
    word = COUNT_WORD[category]
    if not hits:
        return _unmatched(category, cand, columns, row)
    if len(hits) > 1:
        return (f"{row.place}:“{row.name}”与{len(hits)}{word}候选相符(同名),无法确定确认的是哪一{word};"
                "请保留该行的编号、作者、报送单位与候选名单一致")
    if hits[0] in picked:
        return f"{row.place}:“{row.name}”重复确认"
    return ""


def _grade_problem(category: str, row, allowed: dict) -> str:
    if allowed and row.grade not in allowed:
        wanted = "/".join(allowed)
        return f"{row.place}:“{row.name}”" + (f"的奖项等次“{row.grade}”不在规则所列之中({wanted})"
                                             if row.grade else f"未填写奖项等次(应为{wanted}之一)")
    if not allowed and row.grade:
        return f"{row.place}:规则未设{category}的奖项等次,请清空“{row.grade}”"
    return ""


def _contradictions(cand: pd.DataFrame, columns: dict, declined: list, picked: dict) -> list[str]:
    """A candidate confirmed on one row and marked 否 on another: said at both cells."""
    out = []
    for no in declined:
        hits = _matching(cand, columns, no)
        yes = picked.get(hits[0]) if len(hits) == 1 else None
        if yes is not None:
            out += [f"{yes.place}:“{yes.name}”确认为“是”,但{no.place.rsplit('!', 1)[-1]}又填了“否”,前后矛盾;请核对后只保留一行",
                    f"{no.place}:“{no.name}”填了“否”,但{yes.place.rsplit('!', 1)[-1]}已确认为“是”,前后矛盾;请核对后只保留一行"]
    return out


def _pick(category: str, cand: pd.DataFrame, confirmation: Confirmation, allowed: dict) -> tuple[dict, list, list]:
    """The candidates a category's confirmed rows name (index -> row), the problems and the notes."""
    columns = _match_columns(cand, _candidate_key(category))
    picked: dict = {}
    problems: list[str] = []
    notes: list[str] = []
    for row in confirmation.of(category):
        hits = _matching(cand, columns, row)
        problem, note = _hit_problem(category, cand, columns, row, hits, picked), ""
        if not problem:
            problem, note = _row_details(category, cand, hits[0], row)
        problem = problem or _grade_problem(category, row, allowed)
        if problem:
            problems.append(problem)
            continue
        notes += [note] if note else []
        picked[hits[0]] = row
    for row in confirmation.declined_of(category):  # figures edited on a row marked 否 are said too
        hits = _matching(cand, columns, row)
        notes += [n for n in [_row_details(category, cand, hits[0], row)[1]] if n] if len(hits) == 1 else []
    return picked, problems + _contradictions(cand, columns, confirmation.declined_of(category), picked), notes


def _tie_over(category: str, rows: pd.DataFrame, crossings: dict, group: str = "") -> Crossing | None:
    """The tie across the limit that ``rows`` (confirmed, more than the limit) go over it by, if they
    go over by it alone (``Crossing.allows``): the tied ones the candidates list as 建议表彰 may all be
    confirmed, as the 说明 says (由评选机构研究确定)."""
    tie = crossings.get((category, group))
    return replace(tie, suggested=len(rows)) if tie and tie.allows(rows, _candidate_key(category)) else None


def _over_limit(category: str, df: pd.DataFrame, limit, allowed: dict, book: str,
                crossings: dict) -> tuple[list[str], list[Crossing]]:
    """More confirmed than the rules allow: per category, per peer group (先进集体), per grade; and the
    ties across a limit the confirmed go over it by (not a problem: said)."""
    word = COUNT_WORD[category]
    problems, ties = [], []
    if category == UNITS and isinstance(limit, dict):
        for group, rows in df.groupby("peer_group", sort=False):
            n = limit.get(group, 0)
            if len(rows) > n and (tie := _tie_over(category, rows, crossings, group)):
                ties.append(tie)
            elif len(rows) > n:
                problems.append(f"{book}!{category}:{group}确认了{len(rows)}{word},超过规则规定的{n}{word}")
    elif limit is not None and len(df) > limit and (tie := _tie_over(category, df, crossings)):
        ties.append(tie)
    elif limit is not None and len(df) > limit:
        problems.append(f"{book}!{category}:确认了{len(df)}{word},超过规则规定的{limit}{word}")
    for grade, n in allowed.items():
        got = int((df["grade"] == grade).sum())
        if got > n:
            problems.append(f"{book}!{category}:{grade}确认了{got}{word},超过规则规定的{n}{word}")
    return problems, ties


def confirmed_tie_note(tie: Crossing) -> str:
    """What is said when the confirmed go over a limit by a tie across it."""
    word = COUNT_WORD[tie.category]
    return f"{tie.who}，均已确认表彰，共{tie.suggested}{word}，因并列超过规则规定的{tie.limit}{word}。"


def apply_confirmation(candidates: dict[str, pd.DataFrame], confirmation: Confirmation, limits: dict,
                       grades: dict) -> tuple[dict[str, pd.DataFrame], list[str], list[str], list[Crossing]]:
    """The confirmed rows of each category (in candidate order, with their grade), every problem,
    the notes and the ties across a limit the confirmed go over it by. Problems: a name that is not a
    candidate (said at the column that differs), a row that fits several (a shared title), a double
    mark, a 是 and a 否 for one candidate, a row whose 单位 or figures are not the named candidate's, a
    missing or unknown grade, more than the rules allow (per category, per peer group, per grade) but
    for the tied candidates across a limit (``Crossing.allows``). Notes: figures edited by hand (not
    used), a limit gone over by a tie."""
    problems = list(confirmation.problems)
    notes: list[str] = []
    ties: list[Crossing] = []
    crossings = {(x.category, x.group): x for x in _crossings(candidates, limits)}
    chosen: dict[str, pd.DataFrame] = {}
    for category in CATEGORIES:
        cand = candidates[category]
        allowed = grades.get(category) or {}
        picked, found, said = _pick(category, cand, confirmation, allowed)
        keys = sorted(picked)
        chosen[category] = df = cand.loc[keys].assign(grade=[picked[k].grade for k in keys])
        over, tied = _over_limit(category, df, limits.get(category), allowed, confirmation.path.name, crossings)
        problems += found + over
        notes += said + [confirmed_tie_note(x) for x in tied]
        ties += tied
    return (_awarded_from(candidates, chosen), sorted(problems, key=_problem_order), sorted(notes, key=_problem_order),
            ties)


_CELL = re.compile(r"!([A-Z]+)(\d+):")


def _problem_order(text: str) -> tuple[int, int]:
    """Problems as staff read the workbook: sheet by sheet, row by row, a sheet's totals last."""
    sheet = next((k for k, c in enumerate(CATEGORIES) if c in text), len(CATEGORIES))
    cell = _CELL.search(text)
    return sheet, int(cell.group(2)) if cell else 1 << 30


def _prize_fen(prizes: dict, category: str, grade: str) -> int:
    rule = prizes.get(category)
    if isinstance(rule, dict):
        return to_fen(rule[grade]) if grade in rule else 0
    return to_fen(rule) if rule is not None else 0


def _prize_lines(c: Counted, awarded: dict[str, pd.DataFrame], prizes: dict,
                 shown: pd.Series | None = None) -> pd.DataFrame:
    """One row per (award, beneficiary) of the 表彰奖金: units and people get theirs; an item's is
    shared by its authors like its 稿酬 (equal whole fen, the remainder to the first author), each
    in the unit ``shown`` gives them (``people.units_shown``)."""
    cols = ["beneficiary", "kind", "unit", "award", "amount_fen"]
    rows: list[dict] = []
    for category, df in awarded.items():
        for rec in df.to_dict("records"):
            fen = _prize_fen(prizes, category, rec.get("grade", ""))
            if not fen:
                continue
            award = f"{category}({rec['grade']})" if rec.get("grade") else category
            if category == UNITS:
                rows.append(dict(beneficiary=rec["unit"], kind="单位", unit=rec["unit"], award=award, amount_fen=fen))
            elif category in (INFORMANTS, WORKERS):
                rows.append(dict(beneficiary=rec["name"], kind="个人", unit=rec["unit"], award=award, amount_fen=fen))
            else:
                who = beneficiaries(c, pd.DataFrame({"item": [rec["item"]]}), shown)
                for (_, b), share in zip(who.iterrows(), split_fen(fen, max(len(who), 1))):
                    rows.append(dict(beneficiary=b["name"], kind=b["kind"], unit=b["unit"], award=award, amount_fen=share))
    return pd.DataFrame(rows, columns=cols)


def _payout(reward: pd.DataFrame, prize: pd.DataFrame) -> pd.DataFrame:
    """Per person or unit paid: 稿酬 (reward), 表彰奖金 (prize) and the amount, all sums of lines."""
    cols = ["name", "kind", "unit", "items", "awards", "reward", "prize", "amount", "amount_fen"]
    lines = pd.concat([
        reward.assign(source="reward")[["beneficiary", "kind", "unit", "item", "amount_fen", "source"]],
        prize.assign(item=pd.NA, source="prize")[["beneficiary", "kind", "unit", "item", "amount_fen", "source", "award"]],
    ], ignore_index=True)
    if lines.empty:
        return pd.DataFrame({k: pd.Series(dtype=object) for k in cols})
    lines["amount_fen"] = lines["amount_fen"].astype("int64")
    g = lines.groupby(["beneficiary", "kind"], sort=False)
    out = g.agg(unit=("unit", "first"), items=("item", "nunique")).reset_index().rename(columns={"beneficiary": "name"})
    by = lines.pivot_table(index=["beneficiary", "kind"], columns="source", values="amount_fen", aggfunc="sum", fill_value=0)
    keys = list(zip(out["name"], out["kind"]))
    reward_fen = [int(by.at[k, "reward"]) if "reward" in by else 0 for k in keys]
    prize_fen = [int(by.at[k, "prize"]) if "prize" in by else 0 for k in keys]
    awards = prize.groupby(["beneficiary", "kind"])["award"].agg(lambda s: "、".join(dict.fromkeys(s))) if len(prize) else {}
    out["awards"] = [awards.get(k, "") if len(prize) else "" for k in keys]
    out["reward"] = [yuan(f) for f in reward_fen]
    out["prize"] = [yuan(f) for f in prize_fen]
    out["amount_fen"] = [r + p for r, p in zip(reward_fen, prize_fen)]
    out["amount"] = out["amount_fen"].map(yuan)
    out = out.sort_values(["amount_fen", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out[cols]


def _payout_notes(awarded: dict[str, pd.DataFrame], prizes: dict, over: list[Crossing], draft: bool) -> list[str]:
    """What the payout sheet leaves out or counts beyond the rules, said on it: a prize by grade (十佳信息
    一等奖 500.00元…) of the awarded with no grade yet (a draft's suggested lists have none) is not in
    it; a flat prize paid to every candidate tied across a limit (``over``: a draft's suggested, or the
    confirmed), more than the rules allow."""
    notes = []
    for category, df in awarded.items():
        rule = prizes.get(category)
        ungraded = int((df["grade"].fillna("").astype(str).str.strip() == "").sum()) if isinstance(rule, dict) else 0
        if ungraded:
            amounts = "、".join(f"{g}{yuan(to_fen(v))}元" for g, v in rule.items())
            notes.append(f"{category}的表彰奖金按奖项等次计发（{amounts}），{'建议表彰' if draft else '确认'}的{ungraded}"
                         f"{COUNT_WORD[category]}尚未确定奖项等次，其表彰奖金未列入本表；确认名单、填写奖项等次后重新生成的奖励发放表列入。")
    for x in over:
        rule = prizes.get(x.category)
        if rule is not None and not isinstance(rule, dict) and to_fen(rule):
            word, fen = COUNT_WORD[x.category], to_fen(rule)
            how, then = ("均按建议表彰列入本表", "；以确认名单为准") if draft else ("均已确认表彰", "")
            notes.append(f"{x.who}，{how}，计{x.suggested}{word}的表彰奖金共{yuan(fen * x.suggested)}元"
                         f"（每{word}{yuan(fen)}元），超过规则规定的{x.limit}{word}{then}。")
    return notes


class PayoutMismatch(AssertionError):
    """The payout sheet's figures do not add up in integer fen: a bug, never a sheet to pay from."""


def _reconcile(payout: pd.DataFrame, reward: pd.DataFrame, prize: pd.DataFrame) -> tuple[int, int]:
    """The payout's totals checked in integer fen, and returned (稿酬, 表彰奖金): each row's 金额 is its
    稿酬 plus its 表彰奖金; the 稿酬 column adds up to the reward lines, the 表彰奖金 column to the prize
    lines, the 金额 column to both. Raises PayoutMismatch, naming what differs."""
    reward_fen, prize_fen = int(reward["amount_fen"].sum()), int(prize["amount_fen"].sum())
    rows_reward = [to_fen(v) for v in payout["reward"]]
    rows_prize = [to_fen(v) for v in payout["prize"]]
    checks = {
        "各行金额 = 稿酬 + 表彰奖金": [r + p for r, p in zip(rows_reward, rows_prize)] == [int(f) for f in payout["amount_fen"]],
        "稿酬合计 = 稿酬明细之和": sum(rows_reward) == reward_fen,
        "表彰奖金合计 = 奖金明细之和": sum(rows_prize) == prize_fen,
        "金额合计 = 稿酬 + 表彰奖金": sum(int(f) for f in payout["amount_fen"]) == reward_fen + prize_fen,
    }
    failed = [k for k, ok in checks.items() if not ok]
    if failed:
        raise PayoutMismatch("奖励发放表合计不符（以分计）：" + "；".join(failed))
    return reward_fen, prize_fen


def _limit(value) -> int | None:
    """How many a category commends at most: a number, 0 meaning none (as ``peer_groups.*.top_n: 0``);
    None (the key left empty or out) meaning no limit."""
    return None if value is None or isinstance(value, str) and not value.strip() else int(value)


def _span_years(rule: dict, year: int, years: list[int] | None, term: bool) -> tuple[list[int], dict | None]:
    """The years covered (the term's in the rules, when asked for one) and the term rule."""
    term_rule = rule.get("term") if term else None
    if term_rule:
        years = list(range(term_rule["first_year"], term_rule["last_year"] + 1))
    return sorted(set(years or [year])), term_rule


def _top_items(items: pd.DataFrame, order: list, limit) -> pd.DataFrame:
    """十佳信息 candidates: the adopted items, ranked, with their 评选依据."""
    top = _ranked_items(items[items["adoptions"] > 0], order, limit)
    top["basis_text"] = [f"最高采用层级{t}，领导批示{i}件，被采用{a}次" + _same_text(same)
                         for t, i, a, same in zip(top["tier"], top["instructions"], top["adoptions"], top["same_as"])]
    return top


def _same_text(same: str) -> str:
    return f"；与{same}各项排序条件均相同，按登记顺序排定" if same else ""


def _limits(rule: dict, groups: dict) -> dict:
    """How many each category commends at most (先进集体: per peer group), from the rules."""
    return {UNITS: {g: (v or {}).get("top_n", 0) for g, v in groups.items()},
            INFORMANTS: _limit(rule["outstanding_informant"].get("max_count")), TOP_ITEMS: _limit(rule.get("top_items", 10)),
            GOOD_ITEMS: _limit((rule.get("good_items") or {}).get("max_count")),
            WORKERS: _limit((rule.get("advanced_workers") or {}).get("max_count"))}


def _decided(candidates: dict[str, pd.DataFrame], confirmed: Confirmation | None, limits: dict,
             grades: dict) -> tuple[dict[str, pd.DataFrame], list[str], list[Crossing]]:
    """The awarded lists, the confirmation's notes and the ties across a limit the lists go over it
    by: without a confirmation the suggested ones (a draft: every tie across a limit); with one, the
    confirmed ones, or ConfirmationError naming every problem. Each note is also warned
    (ConfirmationNote), so a caller in Python sees it."""
    if confirmed is None:
        suggested = {k: v[v["suggested"].astype(bool).to_numpy()] for k, v in candidates.items()}
        return _awarded_from(candidates, suggested), [], _crossings(candidates, limits)
    awarded, problems, notes, ties = apply_confirmation(candidates, confirmed, limits, grades)
    if problems:
        raise ConfirmationError(problems)
    for note in notes:
        warnings.warn(note, ConfirmationNote, stacklevel=3)
    return awarded, notes, ties


def build_commendation(ledger: Ledger | Counted, year: int, rules: Rules | None = None, office: str | None = None,
                       today: dt.date | None = None, *, years: list[int] | None = None, term: bool = False,
                       confirmed: Confirmation | None = None) -> AnnualCommendation:
    """The commendation for ``year`` (or the ``years`` given, or the term in the rules): every
    category's candidates and, from ``confirmed`` (the returned candidates workbook, read with
    ``read.confirmed.read_confirmed``) the awarded lists; without it, a draft of the suggested ones.
    Raises ConfirmationError, naming every problem by cell, when the confirmation cannot be used."""
    c = counted_from(ledger, rules, today)
    year = arguments.optional_whole(year, "year")
    rule = c.rules.data["commendations"]
    years, term_rule = _span_years(rule, year, years, term)
    periods = [Period.of(y) for y in years]
    start, end = periods[0].start, periods[-1].end
    office = office or c.rules.data.get("office", {}).get("name", "")
    oi = rule["outstanding_informant"]
    need_sub, need_ad = oi["min_submitted"] * len(years), oi["min_adopted"] * len(years)
    worker_rule = rule.get("advanced_workers") or {}
    worker_roles = set(worker_rule.get("roles") or [])
    groups = c.rules.data.get("peer_groups", {})
    limits = _limits(rule, groups)
    grades = {k: dict(v) for k, v in (rule.get("grades") or {}).items()}

    basis = _basis(c, periods, need_sub, need_ad, worker_roles, today)
    informants = _informants(basis, limits[INFORMANTS], person_keys(c.rules.rank_by))

    order = [ITEM_KEYS[k] for k in rule.get("top_items_order", list(ITEM_KEYS))]
    items = _items(c, start, end)
    candidates = {
        UNITS: _units(c, periods, groups, unit_condition(rule), today),
        INFORMANTS: informants.reset_index(drop=True),
        TOP_ITEMS: _top_items(items, order, limits[TOP_ITEMS]),
        GOOD_ITEMS: _good_items(c, items, start, end, order, limits[GOOD_ITEMS]),
        WORKERS: _workers(c, worker_roles, limits[WORKERS]),
    }
    awarded, notes, over = _decided(candidates, confirmed, limits, grades)

    reward = pd.concat([reward_lines(c, p) for p in periods], ignore_index=True)
    prize = _prize_lines(c, awarded, rule.get("prizes") or {}, units_shown(c, as_of(periods[-1], today)))
    payout = _payout(reward, prize)
    reward_fen, prize_fen = _reconcile(payout, reward, prize)
    crossings = _crossings(candidates, limits)
    breaks = {**tie_breaks(c.rules.rank_by), TOP_ITEMS: "；".join(text for _, _, text in order) + "；仍相同的按登记顺序",
                  GOOD_ITEMS: "落实情况为已办结的批示件，排序同十佳信息"}
    return AnnualCommendation(
        office=office, year=years[-1], units=awarded[UNITS], informants=awarded[INFORMANTS], basis=basis,
        top_items=awarded[TOP_ITEMS], good_items=awarded[GOOD_ITEMS], workers=awarded[WORKERS], payout=payout,
        payout_total=yuan(int(payout["amount_fen"].sum())) if len(payout) else Decimal("0.00"),
        lines_total=yuan(reward_fen + prize_fen), reward_total=yuan(reward_fen), prize_total=yuan(prize_fen),
        payout_notes=_payout_notes(awarded, rule.get("prizes") or {}, over, confirmed is None), tie_breaks=breaks,
        thresholds={"min_submitted": need_sub, "min_adopted": need_ad, "years": len(years),
                    "units": unit_condition(rule), "unit_years": judged_years(c, years)},
        addressee=rule.get("addressee", ""), candidates=candidates, years=tuple(years),
        label=span_label(years, term_rule), draft=confirmed is None, regulation=rule.get("basis", ""),
        decided_by=rule.get("decided_by", ""), limits=limits, grades=grades,
        tie_notes=[_tie_note(x) for x in crossings] + [note for cat in (TOP_ITEMS, GOOD_ITEMS)
                                                      for note in _registration_note(cat, candidates[cat], limits[cat])],
        notes=notes, over_limit=over, item_author_kinds=_author_kinds(c, awarded),
    )


def _author_kinds(c: Counted, awarded: dict[str, pd.DataFrame]) -> tuple[str, ...]:
    """个人 and/or 单位: who the items commended are credited to (``beneficiaries``, as their 稿酬 is paid)."""
    items = pd.concat([awarded[TOP_ITEMS][["item"]], awarded[GOOD_ITEMS][["item"]]], ignore_index=True).drop_duplicates()
    if items.empty:
        return ()
    return tuple(k for k in ("个人", "单位") if k in set(beneficiaries(c, items)["kind"]))
