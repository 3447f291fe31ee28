"""Feedback to every unit and person (反馈函), the 委员履职档案 and the 信息员考核表, as data.

The speeches ask the office to tell each member and unit what became of their items (L89 "及时将
反映信息和采用情况向委员反馈", L263), to keep items in the 委员履职档案 (L342) and to appraise
informants (L88 "县政协要进行考核"). Nothing here counts anything a second way: every figure of a
letter is the row of :func:`~.people.people` or :func:`~.units.units` for that person or unit, the
money the lines of :func:`~.rewards.reward_lines`, the 批示 those of
:func:`~.instructions.instructions`. What is added is the list behind the figures: the items a
letter is about, each once, with where it was adopted or forwarded and its 批示 and follow-up.

Which items a letter lists: the items counted for its holder (a unit: the item's 单位; a person: the
items credited to them, ``base.credited_authors``) that were submitted, adopted, forwarded or
instructed in the period, so every figure of the letter has its items beside it. Adoptions,
forwards and 批示 shown are those dated in the period, as the figures count them.

A quarter's letter also carries the year-to-date rows (``UnitLetter.ytd``, ``PersonLetter.ytd_roles``):
the quarterly circular ranks units and judges quotas on January to date (its 附件1 and 未完成任务 lists),
so a letter that said only the quarter's place or quota would say a second, different figure beside
the circular's without the reason. A 补差 line (an item paid for before the period) carries what the
share is worth now, what was paid before and at what tier (``top_up_lines``), so 70.00 for a 市级
item is read as 100.00 less 30.00 paid at 县级.

What the computation had to assume (``Counted.notes``, as ``sqmy compute`` and the circular say them)
is said where a secretary and a reader each look for it. A letter whose own figures rest on one says
it to its reader in a 说明 line (``letter_notes``): an adoption, 上报 or 批示 of its items with no date,
counted in the period by the item's 报送日期; a 补差 whose earlier year's payment was worked out at
rates the office gave no file for (the shipped rules'); a year the ledgers hold nothing of, so every
figure is 0. ``Feedback.notes`` keeps every note whole, as the circular's workbook says it, for the
letters' index (its 说明 sheet), which the secretary reads before the letters go out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from .. import zh
from ..period import Period
from ..records import Ledger, by_item
from ..rules import Rules, load_rules
from .base import (as_of, credited_authors, empty_period_text, item_flags, joint_authors, month_counts, month_end, prepare,
                   ratio, records_only)
from .counted import Counted
from .instructions import instructions as instruction_rows
from .people import held_during, months_held, people, roster_terms
from .rewards import reward_lines, split_fen, to_fen, yuan
from .units import units

ITEM_COLUMNS = ["item", "item_no", "title", "date", "authors", "unit", "adopted_text", "forwarded_text",
                "instructed_text", "routing", "later_text"]
FLAG_COLUMNS = ["submitted", "adopted", "instructed", "forwarded"]


@dataclass
class UnitLetter:
    """One unit's feedback: its row of ``compute units``, its peer group's size, its items, its money."""

    unit: str
    figures: dict  # the unit's row of units()
    peers: int  # units in its peer group
    items: pd.DataFrame  # ITEM_COLUMNS
    rewards: pd.DataFrame  # its reward lines (kind 单位), with ``top_up_lines``' columns
    ytd: dict | None = None  # its row of units() over the year to date, when the period is not that
    notes: list = field(default_factory=list)  # 说明: what its figures rest on (``letter_notes``)


@dataclass
class PersonLetter:
    """One person's feedback: a row of ``compute people`` per role they hold, their items, their money."""

    name: str
    roles: list[dict]  # rows of people(), one per role
    items: pd.DataFrame
    rewards: pd.DataFrame  # reward lines (kind 个人), with ``top_up_lines``' columns
    ytd_roles: dict = field(default_factory=dict)  # role -> its row of people() over the year to date (a quarter's letter)
    notes: list = field(default_factory=list)  # 说明: what its figures rest on (``letter_notes``)

    @property
    def unit(self) -> str:
        return next((r["unit"] for r in self.roles if r.get("unit")), "")

    @property
    def role(self) -> str:
        return "、".join(r["role"] for r in self.roles if r.get("role"))


@dataclass
class Feedback:
    """Every letter of one period, and the office they come from."""

    period: Period
    rules: Rules
    office: str
    tiers: list[str]
    units: list[UnitLetter] = field(default_factory=list)
    people: list[PersonLetter] = field(default_factory=list)
    people_table: pd.DataFrame | None = None  # compute people, as the letters took it
    units_table: pd.DataFrame | None = None  # compute units, as the letters took it
    year_to_date: Period | None = None  # the circular's 年度累计 (1—9月), when the period is not it
    notes: list = field(default_factory=list)  # the computation's notes, whole (Counted.notes; an empty year)

    @property
    def period_word(self) -> str:
        """How a letter names its own period beside the year to date: 本季度, 本月, 本期 (as the circular does)."""
        return {3: "本季度", 1: "本月"}.get(self.period.months, "本期")

    @property
    def ytd_word(self) -> str:
        """The year to date as the circular names it: 全年, or 1—9月."""
        ytd = self.year_to_date or self.period
        return "全年" if ytd.first_month == 1 and ytd.last_month == 12 else f"1—{ytd.last_month}月"


def _when_text(when) -> str:
    return "" if pd.isna(when) else f"{when.month}月{when.day}日"


def issue_text(issue_no, body: str = "") -> str:
    """第11期 for an adoption's issue number; '' for none, or when the body as written says it."""
    if issue_no is None or pd.isna(issue_no) or f"第{int(issue_no)}期" in str(body):
        return ""
    return f"第{int(issue_no)}期"


def item_table(c: Counted, period: Period, today: dt.date | None = None) -> pd.DataFrame:
    """Per item (every submission): its figures in the period (FLAG_COLUMNS, from ``item_flags``) and
    what became of it, as text: adopted where (every channel, with issue and date), forwarded where,
    批示 by whom with the follow-up status (``compute instructions``), routing (专报/转报/转送); whether
    co-written (``coauthored``: two people or more named as its authors)."""
    subs = c.submissions
    flags = item_flags(c, period)[FLAG_COLUMNS]
    table = pd.DataFrame({"item": subs["item"].to_numpy(), "item_no": subs["item_no"].to_numpy(),
                          "title": subs["title"].to_numpy(), "date": pd.to_datetime(subs["date"]).to_numpy(),
                          "authors": subs["authors_read"].to_numpy(), "unit": subs["unit"].to_numpy()})
    table = table.join(flags, on="item")
    ad = c.all_adoptions
    ad = ad[period.contains(ad["when"])].sort_values(["item", "when"], kind="stable")
    if len(ad):
        named = [f"{b}{issue_text(n, b)}" for b, n in zip(ad["body"], ad["issue_no"])]
        texts = [f"{b}（{_when_text(d)}）" if pd.notna(d) else b for b, d in zip(named, ad["date"])]  # as recorded
        adopted = pd.Series(texts, index=ad.index).groupby(ad["item"]).agg("；".join)
        routing = ad["routing"].fillna("").astype(str)
        routes = routing[routing != ""].groupby(ad.loc[routing != "", "item"]).agg(lambda s: "、".join(dict.fromkeys(s)))
    else:
        adopted = routes = pd.Series(dtype=object)
    fw = c.forwards[period.contains(c.forwards["when"])].sort_values(["item", "when"], kind="stable")
    forwarded = (pd.Series([f"上报{b}（{_when_text(d)}）" if pd.notna(d) else f"上报{b}" for b, d in zip(fw["body"], fw["date"])],
                           index=fw.index)
                 .groupby(fw["item"]).agg("；".join) if len(fw) else pd.Series(dtype=object))
    ins = instruction_rows(c, period, today=today)
    instructed = (pd.Series([f"{l}批示（{_when_text(d)}，{s}）" if pd.notna(d) else f"{l}批示（{s}）"
                             for l, d, s in zip(ins["leader"], ins["date"], ins["status"])])
                  .groupby(ins["item"].to_numpy()).agg("；".join) if len(ins) else pd.Series(dtype=object))
    table["adopted_text"] = table["item"].map(adopted).astype(object).fillna("")
    table["forwarded_text"] = table["item"].map(forwarded).astype(object).fillna("")
    table["instructed_text"] = table["item"].map(instructed).astype(object).fillna("")
    table["routing"] = table["item"].map(routes).astype(object).fillna("")
    table["later_text"] = table["item"].map(_adopted_later(c, period, today)).astype(object).fillna("")
    persons = c.authors.loc[~c.authors["is_unit"].astype(bool).to_numpy()].groupby("item")["name"].nunique()
    table["coauthored"] = table["item"].map(persons).fillna(0).astype(int) > 1  # two people or more named
    return table


def _adopted_later(c: Counted, period: Period, today: dt.date | None) -> pd.Series:
    """Per item, its adoptions after the period that the ledgers record by ``today`` (县政协第1期(2026年1月8日),
    as adoptions in the period are written): a letter about 2025 sent in March 2026 does not tell a unit its item is 暂未采用 when the
    same 采用登记 says it was adopted in January (counted in January's period, not this one)."""
    ad = c.all_adoptions
    later = ad["when"] > period.end
    if today is not None:
        later &= ad["when"] <= pd.Timestamp(today)
    ad = ad[later].sort_values(["item", "when"], kind="stable")
    if ad.empty:
        return pd.Series(dtype=object)
    texts = [f"{b}{issue_text(i, b)}（{d.year}年{_when_text(d)}）" for b, i, d in zip(ad["body"], ad["issue_no"], ad["when"])]
    return pd.Series(texts, index=ad.index).groupby(ad["item"]).agg("；".join)


def _active(table: pd.DataFrame) -> pd.DataFrame:
    """Items with anything in the period (a figure, or an adoption in a channel not counted in tiers)."""
    keep = table[FLAG_COLUMNS].sum(axis=1) > 0
    keep |= table["adopted_text"] != ""
    return table[keep].sort_values(["date", "item"], kind="stable")


def has_quota(row) -> bool:
    q = row.get("quota")
    return q is not None and not pd.isna(q)


def held_in(row, period: Period, terms: tuple | None = None) -> bool:
    """Whether the role of a ``people()`` row was held on some day of the period: in one of its roster
    ``terms`` (孙七 to March and from July held none of the second quarter), else from its
    ``appointed_on`` to its ``ended_on`` (no date: open)."""
    return held_during(terms, row.get("appointed_on"), row.get("ended_on"), pd.Timestamp(period.start),
                       pd.Timestamp(period.end))


def held_roles(records: list[dict], period: Period, terms: dict | None = None) -> list[dict]:
    """A person's ``people()`` rows for the roles held in the period: a role left before it (信息员 to
    30 June, in a fourth quarter's letter) is not theirs to be written to or judged as. The
    person's reward, which ``people()`` puts on their first row only, stays with the first kept.
    ``terms``: the roster's terms by (name, role) (``people.roster_terms``)."""
    terms = terms or {}
    kept = [dict(r) for r in records if held_in(r, period, terms.get((r.get("name"), r.get("role"))))]
    reward = next((r["reward"] for r in records if r.get("reward") is not None and not pd.isna(r["reward"])), None)
    if kept and reward is not None:
        kept[0]["reward"] = reward
    return kept


def _no_role(records: list[dict]) -> dict:
    """For a person who held none of their roster roles in the period but had something counted in
    it: their figures (and reward), with no role and no quota to be judged against."""
    reward = next((r["reward"] for r in records if r.get("reward") is not None and not pd.isna(r["reward"])), None)
    return {**records[0], "role": "", "quota": None, "completion": None, "behind": False, "missed_months": [],
            "shortfall": "", "owed": [], "reward": reward}


def build_feedback(source: Ledger | Counted, period, rules: Rules | None = None, office: str | None = None,
                   today: dt.date | None = None) -> Feedback:
    """Every letter for ``period``: one per unit (every unit ``compute units`` lists) and one per person
    who had anything counted in the period or held a role with a quota in it; a person's letter speaks
    of the roles held in the period only (``held_roles``). When the period is not its own year to
    date (a second, third or fourth quarter), each letter also carries its year-to-date rows, the
    figures the circular's units table, ranks and lists of those behind are made of."""
    c, period = prepare(source, period, rules, today)
    rules = c.rules
    office = office or (rules.data.get("office") or {}).get("name", "")
    ppl = people(c, period, today=today)
    uts = units(c, period, today=today)
    ytd = period.year_to_date if period.year_to_date != period else None
    ytd_units = {r["unit"]: r for r in units(c, ytd, today=today).to_dict("records")} if ytd else {}
    ytd_people = ({(r["name"], r["role"]): r for r in people(c, ytd, today=today).to_dict("records")}
                  if ytd else {})
    table = item_table(c, period, today)
    active = _active(table)
    lines = top_up_lines(c, reward_lines(c, period), period)
    out = Feedback(period, rules, office, list(rules.tiers), people_table=ppl, units_table=uts, year_to_date=ytd)

    sizes = uts.groupby("peer_group")["unit"].transform("size")
    by_unit = dict(tuple(active.groupby("unit", sort=False)))
    empty = active.iloc[0:0]
    unit_lines = lines[lines["kind"] == "单位"]
    for row, peers in zip(uts.to_dict("records"), sizes):
        out.units.append(UnitLetter(row["unit"], row, int(peers), by_unit.get(row["unit"], empty),
                                    unit_lines[unit_lines["beneficiary"] == row["unit"]].reset_index(drop=True),
                                    ytd_units.get(row["unit"])))
    _person_letters(c, out, ppl, active, lines[lines["kind"] == "个人"], ytd_people)
    empty = empty_period_text(c.ledger, period)
    said = LetterNotes(period, _undated(c, period), dict(c.__dict__.get("earlier_rates", {})), bool(empty),
                       records_only(c.ledger, period))
    for letter in [*out.units, *out.people]:
        letter.notes = said.of(letter)
    out.notes = [*([empty] if empty else []), *c.notes]  # after every figure: computing them may add one
    return out


def _undated(c: Counted, period: Period) -> dict[int, set[str]]:
    """Per item, what of it was counted in the period with no date of its own (by the item's 报送日期:
    ``counted``): 采用, 上报, 批示."""
    out: dict[int, set[str]] = {}
    for df, kind in ((c.all_adoptions, "采用"), (c.forwards, "上报"), (c.instructions, "批示")):
        rows = df[(df["date"].isna() & period.contains(df["when"])).to_numpy(dtype=bool)]
        for item in rows["item"]:
            out.setdefault(int(item), set()).add(kind)
    return out


@dataclass
class LetterNotes:
    """What a letter's own figures rest on, said to its reader (the 说明 line): its items' undated
    adoptions, 上报 and 批示 (``_undated``), its 补差 lines paid against rates the office gave no file for
    (``rewards``' ``earlier_rates``), a year with nothing in the ledgers (``empty``), or only adoptions and
    批示 of earlier items (``records_only``)."""

    period: Period
    undated: dict
    earlier_rates: dict
    empty: bool
    records_only: bool = False

    def of(self, letter) -> list[str]:
        empty = (f"本函所依据的台账中没有{self.period.year}年的任何报送记录，报送条数和任务完成情况均为0，并不表示未报送"
                 if self.records_only else
                 f"本函所依据的台账中没有{self.period.year}年的任何报送、采用或批示记录，各项统计均为0，并不表示未报送")
        return [*([empty] if self.empty else []), *self._undated(letter.items), *self._topped(letter.rewards)]

    def _topped(self, lines: pd.DataFrame) -> list[str]:
        """A 补差 line whose earlier payment was worked out at rates the office gave no file for."""
        if lines.empty:
            return []
        topped = lines[[float(p or 0) > 0 and int(i) in self.earlier_rates for i, p in zip(lines["item"], lines["paid_before"])]]
        return [f"《{title}》此前已发稿酬按{self.earlier_rates[int(item)]}计算，本期只补发差额"
                for item, title in dict(zip(topped["item"], topped["title"])).items()]

    def _undated(self, items: pd.DataFrame) -> list[str]:
        """One sentence for the letter's items counted in the period by their 报送日期 (no date of
        their own): the item named when one, else how many."""
        hit = [(t, d, self.undated[int(i)]) for i, t, d in zip(items["item"], items["title"], items["date"]) if int(i) in self.undated]
        if not hit:
            return []
        kinds = [k for k in ("采用", "上报", "批示") if any(k in h for _, _, h in hit)]
        if len(hit) == 1:  # all its kinds are its own: 采用、上报; of several items, 采用或上报
            title, date, _ = hit[0]
            kinds = "、".join(kinds)
            return [f"《{title}》的{kinds}情况台账未登记日期，按该信息的报送日期（{zh.zh_date(date) or '未登记'}）计入{self.period.label}"]
        return [f"本函所列信息中有{len(hit)}条的{'或'.join(kinds)}情况台账未登记日期，均按该信息的报送日期计入{self.period.label}"]


def _person_letters(c: Counted, out: Feedback, ppl: pd.DataFrame, active: pd.DataFrame, person_lines: pd.DataFrame,
                    ytd_people: dict) -> None:
    """The people's letters of ``out`` (see ``build_feedback``), each role held with its year-to-date row."""
    period = out.period
    # A person's items: those counted for them, and those they co-wrote that count for another author
    # (coauthored_counts_each: false), listed too (the letter's figures count the first only).
    credited = pd.concat([credited_authors(c)[["item", "name"]], joint_authors(c)])
    credited = credited[credited["item"].isin(active["item"])].drop_duplicates(["item", "name"])
    items_of = credited.groupby("name")["item"].agg(list).to_dict()
    indexed = active.set_index("item", drop=False)
    empty = active.iloc[0:0]
    lines_of = dict(tuple(person_lines.groupby("beneficiary", sort=False)))
    counts = ppl.columns.intersection(["submitted", "adopted", "instructed", "forwarded", "credited_elsewhere"],
                                      sort=False)  # 上报 when recorded; co-written items counted for another
    terms = roster_terms(c)
    for name, rows in ppl.groupby("name", sort=False):
        records = rows.to_dict("records")
        held = held_roles(records, period, terms)
        any_count = bool(rows[counts].to_numpy().sum() > 0)
        if not any_count and not any(has_quota(r) for r in held):
            continue
        mine = indexed.loc[items_of.get(name, [])] if name in items_of else empty
        ytd_roles = {r["role"]: ytd_people[(name, r["role"])] for r in held if (name, r["role"]) in ytd_people}
        out.people.append(PersonLetter(name, held or [_no_role(records)], mine.reset_index(drop=True),
                                       lines_of.get(name, person_lines.iloc[0:0]).reset_index(drop=True), ytd_roles))


TOP_UP_COLUMNS = ["due", "paid_share", "earlier"]


def top_up_lines(c: Counted, lines: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Reward lines (``rewards.reward_lines``) with, for a 补差 (``paid_before`` > 0: the item was paid
    for before the period, and has gained since), what the beneficiary's share of the item is worth
    now (``due``), what of it was paid before (``paid_share``: the same equal split in fen as the
    amount, the remainder to the first author) and at what it was paid (``earlier``: the highest tier
    paid before the period, 有批示 when instructed by then). The line's amount is ``due`` less
    ``paid_share``. Blank (None, "") for a line paid in full in the period."""
    out = lines.copy()
    if out.empty:
        return out.assign(**{k: pd.Series(dtype=object) for k in TOP_UP_COLUMNS})
    n = out.groupby("item")["beneficiary"].transform("size")
    paid_fen = [to_fen(v) for v in out["paid_before"]]  # the item's, in yuan on the line
    before = [split_fen(f, int(k))[int(p)] for f, k, p in zip(paid_fen, n, out["position"])]
    topped = [f > 0 for f in paid_fen]
    out["paid_share"] = [yuan(b) if t else None for b, t in zip(before, topped)]
    out["due"] = [yuan(a + b) if t else None for a, b, t in zip(out["amount_fen"], before, topped)]
    earlier = _paid_at_before(c, period)
    out["earlier"] = [earlier.get(i, "") if t else "" for i, t in zip(out["item"], topped)]
    return out


def _paid_at_before(c: Counted, period: Period) -> dict:
    """{item: 县级, 市级（有批示）}: the highest tier each item was paid at before the period (every tier
    reached, 县级+市级, when the rules pay each: ``rewards.tier_mode: sum``), and whether a 批示 had
    come by then."""
    start = pd.Timestamp(period.start)
    ad = c.adoptions[c.adoptions["paid"] & (c.adoptions["when"] < start)]
    tiers = list(c.rules.tiers)
    reached = ad.groupby("item")["tier_rank"].agg(lambda r: sorted(set(int(x) for x in r)))
    every = c.rules.data["rewards"].get("tier_mode", "highest") == "sum"
    instructed = set(c.instructions.loc[c.instructions["when"] < start, "item"])
    return {item: ("+".join(tiers[k] for k in ranks) if every else tiers[ranks[-1]]) + ("（有批示）" if item in instructed else "")
            for item, ranks in reached.items()}


# ---- 委员履职档案 ----

def duties(source: Ledger | Counted, year: int, rules: Rules | None = None, today: dt.date | None = None,
           role: str = "委员") -> pd.DataFrame:
    """One row per 委员 for ``year`` (the 委员履职档案; README gives the column order as a stable format):
    the figures of ``compute people`` (submitted, adopted, by tier, instructed, reward), adoptions
    by channel, 批示 by leader level, titles of adopted items and a 备注 for 专报/转报 items."""
    c, period = prepare(source, year, rules, today)
    everyone = people(c, period, today=today)
    ppl = everyone[everyone["role"] == role].sort_values("name", kind="stable").reset_index(drop=True)
    ppl["reward"] = ppl["name"].map(_money_of(everyone))
    roster = c.ledger.roster
    sector = (roster.people.drop_duplicates("name").set_index("name")["sector"]
              if roster is not None and not roster.people.empty and "sector" in roster.people else pd.Series(dtype=object))
    credited = credited_authors(c)
    mine = credited[credited["name"].isin(ppl["name"])][["item", "name"]].drop_duplicates()

    ad = c.all_adoptions[period.contains(c.all_adoptions["when"])]
    channels = list((c.rules.data.get("placement") or {}).get("channels") or [])
    out = ppl[["name", "unit", "submitted", "adopted", *[f"adopted_{t}" for t in c.rules.tiers], "instructed", "reward"]].copy()
    out.insert(1, "sector", out["name"].map(sector).fillna("").astype(object))
    for ch in channels:
        items = set(ad.loc[ad["channel"] == ch, "item"])
        out[f"channel_{ch}"] = out["name"].map(mine[mine["item"].isin(items)].groupby("name").size()).fillna(0).astype(int)
    ins = c.instructions[period.contains(c.instructions["when"])]
    for level in c.rules.leader_levels:
        items = ins.loc[ins["level"] == level, "item"]
        pairs = mine.merge(pd.DataFrame({"item": items}), on="item")  # one per 批示 of the person's items
        out[f"level_{level}"] = out["name"].map(pairs.groupby("name").size()).fillna(0).astype(int)
    titles = by_item(c.submissions, "title")
    adopted_items = mine[mine["item"].isin(c.adoptions.loc[period.contains(c.adoptions["when"]), "item"])]
    out["adopted_titles"] = out["name"].map(
        adopted_items.assign(t=adopted_items["item"].map(titles)).groupby("name")["t"].agg(lambda s: ";".join(f"《{t}》" for t in s))
    ).fillna("")
    routed = ad[ad["routing"].fillna("").astype(str).isin(["专报", "转报"])]
    notes = mine.merge(routed[["item", "routing"]].drop_duplicates(), on="item")
    said = pd.Series([f"《{titles.get(i, '')}》{r}" for i, r in zip(notes["item"], notes["routing"])], index=notes.index, dtype=object)
    out["note"] = out["name"].map(said.groupby(notes["name"]).agg(";".join)).astype(object).fillna("")
    out["year"] = period.year
    return out


def _money_of(everyone: pd.DataFrame) -> pd.Series:
    """A person's reward (people() puts it on their first row only), by name, 0.00 for none."""
    paid = everyone.dropna(subset=["reward"]).drop_duplicates("name").set_index("name")["reward"]
    return pd.Series({n: paid.get(n, yuan(0)) for n in everyone["name"].unique()}, dtype=object)


# ---- 信息员考核表 ----

def appraisal_rules(rules: Rules) -> dict:
    """The rules' ``appraisal`` section; when a rules file has none, the shipped rules' of its year."""
    own = rules.data.get("appraisal")
    if own:
        return own
    return load_rules(year=rules.data.get("year")).data.get("appraisal") or {}


def grade(rule: dict, completion, adopted: int) -> str:
    """The first grade (in the rules' order) whose thresholds are all met."""
    grades = rule.get("grades") or {}
    for name, need in grades.items():
        need = need or {}
        done = 0.0 if completion is None or pd.isna(completion) else float(completion)
        if done + 1e-9 < float(need.get("min_completion", 0)):
            continue
        if adopted < int(need.get("min_adopted", 0)):
            continue
        return name
    return ""


NOT_GRADED = "不参加评定"  # 考核等次 of one with no month due: never the last grade (不称职)


def not_graded_note(year: int, start, end, day: pd.Timestamp) -> str:
    """Why one with no month due in ``year`` is not graded: appointed after it (2026年1月5日聘任), term
    ended before it (2024年12月31日离任), or in post on no month's last day of it that is over by the
    day judged at (``day``)."""
    start, end = (pd.Timestamp(d) if d is not None and not pd.isna(d) else None for d in (start, end))
    if start is not None and start.year > year:
        why = f"{zh.zh_date(start)}聘任，{year}年度未在任"
    elif end is not None and end.year < year:
        why = f"{zh.zh_date(end)}离任，{year}年度未在任"
    else:
        held = "、".join(x for x in (f"{zh.zh_date(start)}聘任" if start is not None else "",
                                    f"{zh.zh_date(end)}离任" if end is not None else "") if x)
        why = (f"{held}，" if held else "") + f"截至{zh.zh_date(day)}没有月末在任且已结束的月份"
    return f"应报月数为0（{why}），{NOT_GRADED}"


def appraisal(source: Ledger | Counted, year: int, rules: Rules | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """One row per informant (the rules' ``appraisal.roles``) for ``year``: months due (in post, and
    ended), with and without an item, submitted, adopted, 批示, reward, the 按月完成率 (months with an
    item ÷ months due, the ratio the rules' ``appraisal`` grades on), a 考核等次 by the rules'
    thresholds, and a blank 续聘意见 for staff. One with no month due (appointed after the year, or
    whose term ended before it) is not graded (``NOT_GRADED``, never the last grade: nothing was due
    to be judged), and ``grade_note`` says why."""
    c, period = prepare(source, year, rules, today)
    rule = appraisal_rules(c.rules)
    roles = list(rule.get("roles") or [])
    everyone = people(c, period, today=today)
    ppl = everyone[everyone["role"].isin(roles)].sort_values(["role", "unit", "name"], kind="stable").reset_index(drop=True)
    due, without = _months_due(c, period, ppl, today)
    out = ppl[["name", "role", "unit", "appointed_on", "ended_on"]].copy()
    out["months_due"] = [len(m) for m in due]
    out["months_missed"] = [len(m) for m in without]
    out["months_with"] = out["months_due"] - out["months_missed"]
    out["missed_months"] = pd.Series(without, index=out.index, dtype=object)
    for column in ("submitted", "adopted", "instructed"):
        out[column] = ppl[column].to_numpy()
    # 按月完成率 as the rules state it (rules show: 有信息的月份占应报月份的比例), whatever the role's
    # quota: not the quota's completion (items per quarter, or months with 2 items), which people() gives.
    out["completion"] = [ratio(w, d) for w, d in zip(out["months_with"], out["months_due"])]
    out["reward"] = out["name"].map(_money_of(everyone))
    out["grade"] = [grade(rule, comp, int(a)) if d else NOT_GRADED
                    for comp, a, d in zip(out["completion"], out["adopted"], out["months_due"])]
    day = as_of(period, today)
    out["grade_note"] = [not_graded_note(year, s, e, day) if not d else ""
                         for s, e, d in zip(out["appointed_on"], out["ended_on"], out["months_due"])]
    out["renewal"] = ""
    return out


def _months_due(c: Counted, period: Period, ppl: pd.DataFrame, today) -> tuple[list[list[int]], list[list[int]]]:
    """Per row of ``ppl``: the months due (in post on the month's last day, and ended by the day the
    period is judged at) and those of them with no item sent. Months, whatever the period of the
    role's quota: a quarterly quota's ``missed_months`` is empty, and ``items`` per quarter is not
    a number of months."""
    persons = credited_authors(c)
    dates = pd.to_datetime(persons["item"].map(by_item(c.submissions, "date")))
    monthly = month_counts(persons["name"], dates, period)
    day = as_of(period, today)
    ended = {m for m in range(period.first_month, period.last_month + 1) if month_end(period.year, m) <= day}
    due, without = [], []
    terms = roster_terms(c)
    for name, role, start, end in zip(ppl["name"], ppl["role"], ppl["appointed_on"], ppl["ended_on"]):
        months = sorted(ended & months_held(period.year, terms.get((name, role)), start, end))
        sent = monthly.get(name, {})
        due.append(months)
        without.append([m for m in months if not sent.get(m)])
    return due, without
