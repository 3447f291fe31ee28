"""The annual commendation (年度表彰) as data: who is commended, why, and the reward payout.

Rules (domain.md §5, values from the rules file):
- 优秀信息员: at least ``min_submitted`` items submitted and ``min_adopted`` adopted in the year
  (L88: "凡提供信息5条以上,采用3篇以上"), members and informants alike; the eligible are
  ranked by score; everyone on the roster gets a line saying why they are or are not eligible;
- 先进集体: the top N units of each peer group by points (``peer_groups.<type>.top_n``);
- 十佳信息: items ranked by highest tier, then instructions, then adoptions, then earliest submission;
- 好信息: instructed items whose follow-up shows the problem was resolved (L88);
- the payout sheet: one row per person or unit receiving money, the total equal to the sum of
  the reward lines exactly.
Ties are broken by the stated order, finally by name, so a list never depends on row order.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period
from .counted import Counted, counted
from .instructions import DONE, follow_up_status
from .people import people
from ..period import Period
from .rewards import reward_lines, rewards_by_beneficiary, yuan
from .units import item_points, units

UNIT_ORDER = [("points", False), ("adopted", False), ("submitted", False), ("unit", True)]
PERSON_ORDER = [("score", False), ("adopted", False), ("submitted", False), ("name", True)]
ITEM_KEYS = {
    "highest_tier": ("tier_rank", False, "最高采用层级高者在前"),
    "instructions": ("instructions", False, "领导批示多者在前"),
    "adoptions": ("adoptions", False, "采用次数多者在前"),
    "earliest_submission": ("date", True, "报送早者在前"),
}
TIE_BREAKS = {
    "先进集体": "同一类别组内按积分从高到低;积分相同的,依次比较采用条数、报送条数,仍相同的按单位名称排序",
    "优秀信息员": "符合条件者按个人积分从高到低;积分相同的,依次比较采用条数、报送条数,仍相同的按姓名排序",
}


@dataclass
class AnnualCommendation:
    """Everything the annual commendation decision and its workbook show."""

    office: str
    year: int
    units: pd.DataFrame  # 先进集体: peer_group, place, unit, points, submitted, adopted
    informants: pd.DataFrame  # 优秀信息员, ranked
    basis: pd.DataFrame  # 评选依据: one row per person, with the reason
    top_items: pd.DataFrame  # 十佳信息
    good_items: pd.DataFrame  # 好信息
    payout: pd.DataFrame  # 奖励发放表: name, kind, unit, items, amount
    payout_total: Decimal
    lines_total: Decimal  # the sum of the reward lines (equals payout_total)
    tie_breaks: dict[str, str]
    thresholds: dict
    addressee: str = ""  # 主送机关 (rules: commendations.addressee)

    @property
    def title(self) -> str:
        return f"关于表彰{self.year}年度社情民意信息工作先进集体和先进个人的决定"

    def figures(self) -> dict:
        """Key figures recorded in the executed notebook."""
        return {
            "year": self.year, "units": list(self.units["unit"]), "informants": list(self.informants["name"]),
            "top_items": list(self.top_items["title"]), "good_items": list(self.good_items["title"]),
            "payout_total": f"{self.payout_total:.2f}",
        }

    def to_excel(self, path) -> "Path":
        """Every list of the commendation, one sheet each, values as values (for analysts)."""
        from ..iorw import write_tables

        return write_tables(path, {"先进集体": self.units, "优秀信息员": self.informants, "评选依据": self.basis,
                                   "十佳信息": self.top_items, "好信息": self.good_items, "奖励发放表": self.payout})

    def _repr_html_(self) -> str:
        return (f"<h3>{self.title}</h3><p>先进集体 {len(self.units)} 个,优秀信息员 {len(self.informants)} 名,"
                f"十佳信息 {len(self.top_items)} 条,好信息 {len(self.good_items)} 条;奖励合计 {self.payout_total} 元</p>")


def _sorted(df: pd.DataFrame, order: list[tuple[str, bool]]) -> pd.DataFrame:
    return df.sort_values([c for c, _ in order], ascending=[a for _, a in order], kind="stable")


def _person_scores(c: Counted, period: Period) -> pd.Series:
    """Each person's score for the year: a point per item submitted plus the points each of
    their items earned (adoption by highest tier, instruction by level), co-authors alike."""
    per_submission = c.rules.data["points"]["per_submission"]
    points = item_points(c, period)
    items = in_period(c.submissions, period, "date")["item"]
    persons = c.authors.loc[~c.authors["is_unit"], ["item", "name"]].drop_duplicates()
    mine = persons[persons["item"].isin(items)]
    return mine.assign(points=per_submission + mine["item"].map(points).fillna(0)).groupby("name")["points"].sum()


def _reason(submitted: int, adopted: int, need_sub: int, need_ad: int) -> tuple[bool, str]:
    short = []
    if submitted < need_sub:
        short.append(f"报送{submitted}条,未达{need_sub}条")
    if adopted < need_ad:
        short.append(f"采用{adopted}条,未达{need_ad}条")
    if short:
        return False, ";".join(short)
    return True, f"报送{submitted}条、采用{adopted}条,符合条件"


def _commended_units(c: Counted, period: Period) -> pd.DataFrame:
    table = units(c, period)
    groups = c.rules.data.get("peer_groups", {})
    picked = []
    for group, rows in _sorted(table, UNIT_ORDER).groupby("peer_group", sort=False):
        top_n = (groups.get(group) or {}).get("top_n", 0)
        rows = rows[rows["submitted"] > 0].head(top_n)
        picked.append(rows.assign(place=range(1, len(rows) + 1)))
    cols = ["peer_group", "place", "unit", "points", "submitted", "adopted"]
    out = pd.concat(picked, ignore_index=True)[cols] if picked else pd.DataFrame(columns=cols)
    order = {g: k for k, g in enumerate(groups)}
    return out.sort_values(["peer_group", "place"], key=lambda s: s.map(order) if s.name == "peer_group" else s, kind="stable").reset_index(drop=True)


def _items(c: Counted, period: Period) -> pd.DataFrame:
    """Items submitted in the year with what ranks them: highest tier, instructions, adoptions."""
    subs = in_period(c.submissions, period, "date")
    ad = c.adoptions[c.adoptions["item"].isin(subs["item"]) & (c.adoptions["when"] <= period.end)]
    instr = c.instructions[c.instructions["item"].isin(subs["item"]) & (c.instructions["when"] <= period.end)]
    out = subs[["item", "item_no", "title", "author_text", "unit", "date"]].copy()
    out["tier_rank"] = out["item"].map(ad.groupby("item")["tier_rank"].max()).fillna(-1).astype(int)
    out["tier"] = out["tier_rank"].map(dict(enumerate(c.rules.tiers))).fillna("")
    out["adoptions"] = out["item"].map(ad.groupby("item").size()).fillna(0).astype(int)
    out["instructions"] = out["item"].map(instr.groupby("item").size()).fillna(0).astype(int)
    leaders = instr.groupby("item")["leader"].agg(lambda s: "、".join(x for x in s if x))
    out["leaders"] = out["item"].map(leaders).fillna("")
    return out


def build_commendation(ledger: Ledger, year: int, rules: Rules | None = None, office: str | None = None,
                       today: dt.date | None = None) -> AnnualCommendation:
    """Compute the year's commendation lists, their basis and the reward payout."""
    c = counted(ledger, rules, today)
    period = Period.of(year)
    office = office or c.rules.data.get("office", {}).get("name", "")
    rule = c.rules.data["commendations"]
    need_sub, need_ad = rule["outstanding_informant"]["min_submitted"], rule["outstanding_informant"]["min_adopted"]

    basis = people(c, period)
    basis["score"] = basis["name"].map(_person_scores(c, period)).fillna(0).astype(int)
    verdicts = [_reason(s, a, need_sub, need_ad) for s, a in zip(basis["submitted"], basis["adopted"])]
    basis["eligible"] = [v[0] for v in verdicts]
    basis["reason"] = [v[1] for v in verdicts]
    basis = _sorted(basis, [("eligible", False), *PERSON_ORDER]).reset_index(drop=True)
    informants = basis[basis["eligible"]].copy()
    limit = rule["outstanding_informant"].get("max_count")
    if limit:
        informants = informants.head(limit)
    informants.insert(0, "place", range(1, len(informants) + 1))

    items = _items(c, period)
    order = [ITEM_KEYS[k] for k in rule.get("top_items_order", list(ITEM_KEYS))]
    ranked = items[items["adoptions"] > 0].sort_values(
        [k for k, _, _ in order] + ["item"], ascending=[a for _, a, _ in order] + [True], kind="stable")
    top = ranked.head(rule.get("top_items", 10)).copy()
    top.insert(0, "place", range(1, len(top) + 1))

    done_words = rule.get("good_item_words", [])
    instr = in_period(c.instructions, Period(year, 1, 12))
    resolved = instr[instr["follow_up"].map(lambda t: follow_up_status(t, done_words) == DONE)]
    good = items[items["item"].isin(resolved["item"])].copy()
    good["follow_up"] = good["item"].map(resolved.groupby("item")["follow_up"].agg(lambda s: ";".join(dict.fromkeys(s))))

    lines = reward_lines(c, period)
    payout = rewards_by_beneficiary(lines)
    tie_breaks = {**TIE_BREAKS, "十佳信息": ";".join(text for _, _, text in order) + ";仍相同的按登记顺序"}
    return AnnualCommendation(
        office=office, year=year, units=_commended_units(c, period), informants=informants.reset_index(drop=True),
        basis=basis, top_items=top.reset_index(drop=True), good_items=good.reset_index(drop=True), payout=payout,
        payout_total=yuan(int(payout["amount_fen"].sum())) if len(payout) else Decimal("0.00"),
        lines_total=yuan(int(lines["amount_fen"].sum())) if len(lines) else Decimal("0.00"),
        tie_breaks=tie_breaks, thresholds={"min_submitted": need_sub, "min_adopted": need_ad},
        addressee=rule.get("addressee", ""),
    )
