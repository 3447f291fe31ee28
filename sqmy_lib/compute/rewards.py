"""稿酬/奖励: one line per (adopted item, beneficiary), in integer fen, reconciling exactly.

Rules (domain.md §5, values from the rules file):
- an item adopted in the period is paid by its highest tier (``tier_mode: highest``)
  or by every tier it reached (``sum``);
- an item with at least one leader instruction (批示) up to the period's end is
  paid × ``instruction_multiplier``;
- co-authors share equally in whole fen, the remainder going to the first
  author, so the shares add up exactly to the item's amount;
- an item filed in a unit's name credits the unit, not a person.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..records import Ledger
from ..rules import Rules
from .base import in_period, prepare
from .counted import Counted
from .period import Period

FEN = Decimal("0.01")
LINE_COLUMNS = [
    "item", "item_no", "title", "beneficiary", "kind", "unit", "tier", "base", "multiplier", "share",
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


def item_amounts(c: Counted, period: Period) -> pd.DataFrame:
    """One row per item adopted in the period: tier paid, base, multiplier and amount (fen)."""
    rules = c.rules
    rewards = rules.data["rewards"]
    base_fen = {tier: to_fen(v) for tier, v in rewards["by_tier"].items()}
    multiplier = Decimal(str(rewards.get("instruction_multiplier", 1)))
    ad = in_period(c.adoptions, period)
    if ad.empty:
        return pd.DataFrame(columns=["item", "tier", "base_fen", "multiplier", "amount_fen"])
    per_item = ad.groupby("item")["tier_rank"]
    if rewards.get("tier_mode", "highest") == "sum":
        tiers = per_item.apply(lambda ranks: sorted(set(ranks)))
        base = tiers.map(lambda ranks: sum(base_fen.get(rules.tiers[r], 0) for r in ranks))
        tier_label = tiers.map(lambda ranks: "+".join(rules.tiers[r] for r in ranks))
    else:
        top = per_item.max()
        base = top.map(lambda r: base_fen.get(rules.tiers[r], 0))
        tier_label = top.map(lambda r: rules.tiers[r])
    instructed = set(c.instructions.loc[c.instructions["when"] <= period.end, "item"])
    mult = pd.Series([multiplier if i in instructed else Decimal(1) for i in base.index], index=base.index)
    amount = [int((Decimal(b) * m).to_integral_value(rounding=ROUND_HALF_UP)) for b, m in zip(base, mult)]
    return pd.DataFrame({
        "item": base.index.to_numpy(), "tier": tier_label.to_numpy(), "base_fen": base.to_numpy(),
        "multiplier": mult.to_numpy(), "amount_fen": amount,
    })


def reward_lines(source: Ledger | Counted, period: Period | int, rules: Rules | None = None) -> pd.DataFrame:
    """One row per (item, beneficiary): tier, base, multiplier, share, amount (Decimal yuan and fen).

    The sum of ``amount_fen`` over all lines equals the sum of the items' amounts exactly.
    """
    c, period = prepare(source, period, rules)
    items = item_amounts(c, period)
    if items.empty:
        return pd.DataFrame(columns=LINE_COLUMNS)
    paid = set(items["item"])
    subs = c.submissions[c.submissions["item"].isin(paid)]
    info = dict(zip(subs["item"], subs[["item_no", "title", "unit", "is_unit_item"]].itertuples(index=False)))
    authors = c.authors[c.authors["item"].isin(paid)].sort_values(["item", "position"])
    people = authors[~authors["is_unit"]].groupby("item")["name"].agg(list).to_dict()
    unit_authors = authors[authors["is_unit"]].groupby("item")["name"].agg(list).to_dict()
    roster_unit = dict(zip(zip(authors["item"], authors["name"]), authors["roster_unit"]))
    lines = []
    for item, tier, base, mult, amount in items.itertuples(index=False):
        item_no, title, item_unit, unit_item = info[item]
        names = people.get(item, [])
        kind = "个人"
        if not names or unit_item:
            names = unit_authors.get(item) or ([item_unit] if item_unit else [])
            kind = "单位"
        if not names:
            continue  # no beneficiary: validation reports the missing author
        for pos, (name, share_fen) in enumerate(zip(names, split_fen(amount, len(names)))):
            unit = roster_unit.get((item, name)) if kind == "个人" else name
            lines.append((
                item, item_no, title, name, kind, unit if isinstance(unit, str) and unit else item_unit, tier,
                yuan(base), mult, f"1/{len(names)}", yuan(share_fen), share_fen, pos,
            ))
    return pd.DataFrame(lines, columns=LINE_COLUMNS)


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
    return rewards_by_beneficiary(reward_lines(source, period, rules))
