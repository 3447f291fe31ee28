"""稿酬/奖励: one line per (adopted item, beneficiary), in integer fen, reconciling exactly.

Rules (domain.md §5, values from the rules file):
- an item adopted in the period is paid by its highest tier (``tier_mode: highest``)
  or by every tier it reached (``sum``);
- an item with at least one leader instruction (批示) up to the period's end is
  paid × ``instruction_multiplier``;
- co-authors share equally in whole fen, the remainder going to the first
  author, so the shares add up exactly to the item's amount;
- an item filed in a unit's name credits the unit, not a person;
- 补差 (``top_up``, office-set, on by default): a later period pays only what an item gained
  since (a higher tier, an instruction), never the full amount again (see ``item_amounts``);
  what was paid in an earlier year is worked out with that year's rules (``rules_of_year``: the
  office's file of that year, else the shipped one, said in a note), never this year's rates.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..records import Ledger, by_item
from ..rules import Rules
from ..rules.model import rules_of_year
from .base import as_of, prepare
from .counted import Counted
from ..period import Period

FEN = Decimal("0.01")
LINE_COLUMNS = [
    "item", "item_no", "title", "beneficiary", "kind", "unit", "tier", "base", "multiplier", "paid_before", "share",
    "amount", "amount_fen", "position",
]


def to_fen(yuan) -> int:
    """Yuan (a rules-file string such as ``"200.00"``, or a Decimal) → integer fen, exactly."""
    return int((Decimal(str(yuan)) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def yuan(fen: int) -> Decimal:
    """Integer fen → Decimal yuan with two places."""
    return (Decimal(int(fen)) / 100).quantize(FEN)


def split_fen(total: int, n: int) -> list[int]:
    """Equal shares of ``total`` fen among ``n`` people; the remainder goes to the first."""
    each, rest = divmod(total, n)
    return [each + rest] + [each] * (n - 1)


def item_values(c: Counted, adoptions: pd.DataFrame, until: pd.Timestamp, rewards: dict | None = None) -> pd.DataFrame:
    """Per item (index) that reached a tier in ``adoptions``: the tier paid, its base, the multiplier
    (an instruction dated by ``until``) and the amount in fen, at the rates of ``rewards`` (a rules
    file's ``rewards``; the counted rules' by default)."""
    rules = c.rules
    rewards = rules.data["rewards"] if rewards is None else rewards
    base_fen = {k: to_fen(rewards["by_tier"].get(t, 0)) for k, t in enumerate(rules.tiers)}
    multiplier = Decimal(str(rewards.get("instruction_multiplier", 1)))
    reached = adoptions[["item", "tier_rank"]].drop_duplicates().sort_values(["item", "tier_rank"])
    if reached.empty:
        return pd.DataFrame({"tier": pd.Series(dtype=object), "base_fen": pd.Series(dtype="int64"),
                             "multiplier": pd.Series(dtype=object), "amount_fen": pd.Series(dtype="int64")},
                            index=pd.Index([], name="item"))
    if rewards.get("tier_mode", "highest") == "sum":
        paid = reached.assign(base=reached["tier_rank"].map(base_fen), label=reached["tier_rank"].map(dict(enumerate(rules.tiers))))
        per_item = paid.groupby("item").agg(base_fen=("base", "sum"), tier=("label", "+".join))
    else:
        top = reached.groupby("item")["tier_rank"].max()
        per_item = pd.DataFrame({"base_fen": top.map(base_fen), "tier": top.map(dict(enumerate(rules.tiers)))})
    instructed = per_item.index.isin(c.instructions.loc[c.instructions["when"] <= until, "item"])
    # Money stays exact: integer fen × a Decimal multiplier, rounded half-up to the fen.
    exact = {b: int((Decimal(int(b)) * multiplier).to_integral_value(rounding=ROUND_HALF_UP)) for b in set(per_item["base_fen"])}
    per_item["amount_fen"] = per_item["base_fen"].where(~instructed, per_item["base_fen"].map(exact)).astype("int64")
    per_item["base_fen"] = per_item["base_fen"].astype("int64")
    per_item["multiplier"] = [multiplier if x else Decimal(1) for x in instructed]
    return per_item


def item_amounts(c: Counted, period: Period) -> pd.DataFrame:
    """One row per item paid in the period: tier paid, base, multiplier, amount (fen) and what was
    paid for it in earlier periods (``paid_before_fen``).

    With ``rewards.top_up`` (补差, the default) an item is worth, at any day, what its tiers and
    instructions up to that day make it worth; a period pays the growth of what was paid for it
    (``paid_by``): an item adopted 县级 in December and 市级 in January is paid 30 in December and 70 in
    January, not 100 again. Across years each year's own rates count: 30 paid under last year's
    rules, 市级 at this year's 120 pays 90. Without it (``top_up: false``) an item is paid once: in
    the period of its first paid adoption, at what it is worth at the end of that adoption's quarter
    (its tiers and instructions up to then); nothing later adds to it. Either way the months add up
    to the quarter and the quarters to the year, per person.
    """
    columns = ["item", "tier", "base_fen", "multiplier", "amount_fen", "paid_before_fen"]
    paid = c.adoptions[c.adoptions["paid"]]  # a party's own products are not paid as 政协 tiers
    if c.rules.data["rewards"].get("top_up", False):
        now = item_values(c, paid[paid["when"] <= period.end], period.end)
        after = paid_by(c, paid, period.end, period.year).reindex(now.index, fill_value=0)
        before = paid_by(c, paid, period.start - pd.Timedelta(days=1), period.year).reindex(now.index, fill_value=0)
        now = now.assign(amount_fen=after - before, paid_before_fen=before)
        now = now[now["amount_fen"] > 0]
        _say_earlier_rules(c, paid, period.year)
    else:
        now = _paid_once(c, paid, period)
    if now.empty:
        return pd.DataFrame({k: pd.Series(dtype="int64" if k.endswith("fen") or k == "item" else object) for k in columns})
    return now.reset_index()[columns].astype({"item": "int64", "base_fen": "int64", "amount_fen": "int64",
                                              "paid_before_fen": "int64"})


def _rewards_of(c: Counted, year: int, current: int) -> dict:
    """The ``rewards`` that paid ``year``: the counted rules' for the period's year ``current``, an
    earlier year's own rules' (``rules_of_year``, kept with its note for ``_say_earlier_rules``)."""
    if year >= current:
        return c.rules.data["rewards"]
    cache = c.__dict__.setdefault("_year_rules", {})
    if year not in cache:
        cache[year] = rules_of_year(c.rules, year)
    return cache[year][0].data["rewards"]


def paid_by(c: Counted, paid: pd.DataFrame, day: pd.Timestamp, current: int) -> pd.Series:
    """Fen paid per item (index) by ``day``: every period's payment up to then, each year at its own
    rates (``_rewards_of``). With 补差 a year pays an item that gained in it (its worth at that year's
    rates went up: a higher tier, an instruction) up to its worth then, less what earlier years paid
    (never below it); an item that gained nothing is not paid again because the rates went up.
    Without it, the items first adopted in the year are paid their worth at that quarter's end."""
    cache = c.__dict__.setdefault("_paid_by", {})
    key = (day, day.year >= current)
    if key in cache:
        return cache[key]
    rewards = _rewards_of(c, day.year, current)
    last_end = pd.Timestamp(day.year - 1, 12, 31)
    upto = paid[paid["when"] <= day]
    earlier = (paid_by(c, paid, last_end, current) if (paid["when"] <= last_end).any()
               else pd.Series(dtype="int64", index=pd.Index([], name="item")))
    if rewards.get("top_up", False):
        worth = item_values(c, upto, day, rewards)["amount_fen"]
        start = item_values(c, paid[paid["when"] <= last_end], last_end, rewards)["amount_fen"]
        gained = worth[worth > start.reindex(worth.index, fill_value=0)]
        out = _stacked(earlier, gained).groupby(level=0).max()
    else:
        first = upto.groupby("item")["when"].min()
        out = _stacked(earlier, _worth_once(c, paid, first[first > last_end], rewards)["amount_fen"]).groupby(level=0).sum()
    cache[key] = out.astype("int64")
    return cache[key]


def _stacked(*parts: pd.Series) -> pd.Series:
    """The fen per item of ``parts`` one after the other; the empty ones left out (pandas 2.2 warns
    that concatenating an empty series will change the result's dtype)."""
    filled = [p for p in parts if len(p)]
    return pd.concat(filled) if filled else pd.Series(dtype="int64", index=pd.Index([], name="item"))


def _say_earlier_rules(c: Counted, paid: pd.DataFrame, year: int) -> None:
    """A note (``c.notes``) when what an earlier year paid for an item topped up in ``year`` was worked
    out with rules the office did not give for that year (the shipped ones): which year, which file,
    its rates, and what each such item is taken to have been paid by the end of the year before. One
    note for the year, whichever of its periods is asked."""
    last_end = pd.Timestamp(year - 1, 12, 31)
    years = c.__dict__.get("_year_rules", {})
    said = [(r, note) for y, (r, note) in sorted(years.items()) if note and y < year]
    if not said or not (paid["when"] <= last_end).any():
        return
    carried = paid_by(c, paid, last_end, year)
    grown = paid_by(c, paid, pd.Timestamp(year, 12, 31), year).reindex(carried.index, fill_value=0)
    stood_in = _paid_in_years(c, paid, [y for y, (_, note) in years.items() if note and y < year], year)
    # Only items a stood-in year paid: one paid in a year of the office's own rules owes them nothing.
    carried = carried[(carried > 0) & (grown > carried) & carried.index.isin(stood_in)]
    if carried.empty:
        return
    titles = by_item(c.submissions, "title")
    amounts = "、".join(f"《{titles.get(i, i)}》{yuan(f)}元" for i, f in carried.items())
    rates = ";".join(f"{note}({_rates_text(r)})" for r, note in said)
    text = f"{rates};{year}年补差时扣除的{year - 1}年底前已付稿酬据此计算:{amounts}"
    if text not in c.notes:
        c.notes.append(text)
    # Per item, the rates its earlier payment was worked out at: a 反馈函 listing its 补差 says them.
    basis = "、".join(f"{y}年的标准({_rates_text(r)})" for y, (r, note) in sorted(years.items()) if note and y < year)
    c.__dict__.setdefault("earlier_rates", {}).update({int(i): basis for i in carried.index})


def _paid_in_years(c: Counted, paid: pd.DataFrame, years: list[int], current: int) -> pd.Index:
    """The items some payment of one of ``years`` went to (what was paid by the year's end grew in it)."""
    out = pd.Index([], name="item")
    for y in years:
        by_end = paid_by(c, paid, pd.Timestamp(y, 12, 31), current)
        last_end = pd.Timestamp(y - 1, 12, 31)  # nothing before: no rules of that year looked up (and said)
        before = (paid_by(c, paid, last_end, current) if (paid["when"] <= last_end).any() else by_end * 0)
        before = before.reindex(by_end.index, fill_value=0)
        out = out.union(by_end.index[by_end > before])
    return out


def _rates_text(rules: Rules) -> str:
    """县级30.00元、市级100.00元……,有批示×2: a rules file's reward rates, as the note says them."""
    rewards = rules.data["rewards"]
    tiers = "、".join(f"{t}{yuan(to_fen(v))}元" for t, v in (rewards.get("by_tier") or {}).items())
    return f"{tiers},有批示×{rewards.get('instruction_multiplier', 1)}"


def _worth_once(c: Counted, paid: pd.DataFrame, first: pd.Series, rewards: dict | None = None) -> pd.DataFrame:
    """``item_values`` of the items first adopted on the days ``first`` (by item), each at the end of the
    quarter of that first adoption (what ``top_up: false`` pays)."""
    quarter_end = first.map(lambda d: Period.of(d.year, quarter=(d.month - 1) // 3 + 1).end)
    parts = [item_values(c, paid[paid["item"].isin(items.index) & (paid["when"] <= end)], end, rewards)
             for end, items in quarter_end.groupby(quarter_end)]
    return pd.concat(parts) if parts else item_values(c, paid.iloc[0:0], pd.Timestamp(0), rewards)


def _paid_once(c: Counted, paid: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Without 补差: the items first adopted (paid channels) in the period, each worth what its tiers
    and instructions make it at the end of the quarter of that first adoption."""
    first = paid.groupby("item")["when"].min()
    return _worth_once(c, paid, first[period.contains(first)]).assign(paid_before_fen=0)


def beneficiaries(c: Counted, items: pd.DataFrame, shown: pd.Series | None = None) -> pd.DataFrame:
    """(item, name, kind, unit, position) for each paid item: its person authors in order, each in the
    unit ``shown`` gives them (``people.units_shown``: one unit a person in every table), else their
    roster unit or the item's; for an item in a unit's name (or with no person author) its unit
    authors, else its 单位."""
    paid = items["item"]
    subs = c.submissions[c.submissions["item"].isin(paid)]
    authors = c.authors[c.authors["item"].isin(paid)].sort_values(["item", "position"])
    unit_items = set(subs.loc[subs["is_unit_item"], "item"])
    persons = authors[~authors["is_unit"] & ~authors["item"].isin(unit_items)]
    units = authors[authors["is_unit"] & ~authors["item"].isin(persons["item"])]
    rest = subs[~subs["item"].isin(persons["item"]) & ~subs["item"].isin(units["item"]) & (subs["unit"] != "")]
    item_unit = by_item(subs, "unit")
    parts = [
        pd.DataFrame({"item": persons["item"], "name": persons["name"], "kind": "个人",
                      "unit": _person_units(persons, item_unit, shown)}),
        pd.DataFrame({"item": units["item"], "name": units["name"], "kind": "单位", "unit": units["name"]}),
        pd.DataFrame({"item": rest["item"], "name": rest["unit"], "kind": "单位", "unit": rest["unit"]}),
    ]
    out = pd.concat(parts, ignore_index=True).drop_duplicates(["item", "name"])
    out = out.sort_values("item", kind="stable")
    out["position"] = out.groupby("item").cumcount()
    return out


def _person_units(persons: pd.DataFrame, item_unit: pd.Series, shown: pd.Series | None) -> pd.Series:
    """Each person author's unit (``beneficiaries``)."""
    unit = persons["roster_unit"].where(persons["roster_unit"].notna() & (persons["roster_unit"] != ""),
                                        persons["item"].map(item_unit))
    if shown is None:
        return unit
    return persons["name"].map(shown).where(persons["name"].isin(shown.index), unit)


def reward_lines(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """One row per (item, beneficiary): tier, base, multiplier, share, amount (Decimal yuan and fen).

    The sum of ``amount_fen`` over all lines equals the sum of the items' amounts exactly.
    """
    c, period = prepare(source, period, rules, records_suffice=True)
    # People and rewards both ask for the same period's lines: worked out once per counted ledger (a
    # new one when the ledger's tables change, ``counted``) and per content of its rules (their money
    # may be edited in ``rules.data``), each caller given its own copy.
    cache = c.__dict__.setdefault("_reward_lines", {})
    key = (period, c.rules.refresh())
    if key not in cache:
        cache[key] = _reward_lines(c, period)
    return cache[key].copy()


def _reward_lines(c: Counted, period: Period) -> pd.DataFrame:
    items = item_amounts(c, period)
    if items.empty:
        return pd.DataFrame(columns=LINE_COLUMNS)
    from .people import units_shown  # here: people takes its 稿酬 from these lines

    lines = beneficiaries(c, items, units_shown(c, as_of(period))).merge(items, on="item", how="inner")
    n = lines.groupby("item")["name"].transform("size")
    first = lines["position"] == 0

    def share(fen: pd.Series) -> pd.Series:
        # Equal shares in whole fen; the first author takes the remainder (split_fen, vectorised).
        return fen // n + (fen % n).where(first, 0)

    # Each one's share of what the item is worth now, less their share of what was paid before: a
    # top-up split again on its own would give the first author the remainder twice (quarters that
    # do not add up to the year's sheet by a fen or more).
    lines["amount_fen"] = (share(lines["amount_fen"] + lines["paid_before_fen"]) - share(lines["paid_before_fen"])).astype("int64")
    lines["share"] = "1/" + n.astype(str)
    yuan_of = {f: yuan(f) for f in set(lines["amount_fen"]) | set(lines["base_fen"]) | set(lines["paid_before_fen"])}
    lines["amount"] = lines["amount_fen"].map(yuan_of)
    lines["base"] = lines["base_fen"].map(yuan_of)
    lines["paid_before"] = lines["paid_before_fen"].map(yuan_of)
    subs = c.submissions[["item", "item_no", "title"]].set_index("item")
    lines["item_no"] = lines["item"].map(subs["item_no"])
    lines["title"] = lines["item"].map(subs["title"])
    lines = lines.rename(columns={"name": "beneficiary"})
    return lines[LINE_COLUMNS].reset_index(drop=True)


def rewards_by_beneficiary(lines: pd.DataFrame) -> pd.DataFrame:
    """Totals per person or unit that receives money: name, kind, unit, items, amount (sums of lines)."""
    if lines.empty:
        return pd.DataFrame(columns=["name", "kind", "unit", "items", "amount", "amount_fen"])
    g = lines.groupby(["beneficiary", "kind"], sort=False)
    out = g.agg(unit=("unit", "first"), items=("item", "nunique"), amount_fen=("amount_fen", "sum")).reset_index()
    out = out.rename(columns={"beneficiary": "name"})
    out["amount"] = out["amount_fen"].map(yuan)
    out = out.sort_values(["amount_fen", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out[["name", "kind", "unit", "items", "amount", "amount_fen"]]


def rewards(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """Reward totals per beneficiary for the period (the 奖励发放表 before signatures)."""
    c, period = prepare(source, period, rules, records_suffice=True)  # here: its warnings at the caller's line
    return rewards_by_beneficiary(reward_lines(c, period))
