"""稿酬 as the ledger writes it, against what the rules pay (the check ``money.written_differs``).

A ledger's own 稿酬/稿费/奖金 column is read past: the money is the tool's to compute from the
rules. What it writes for an item (``paid_text``: ``200``, ``200元``, ``200.00``, ``贰佰元``, ``已发50``,
``50（已发）``) is read as an amount in fen and set against what the rules pay for the item: all its
payees together, every tier and 批示 by the end of the year validated (its rules' year), 补差 of
later tiers in it included, each year at its own rates. Where they differ, a warning at that cell names both; the written
amount is checked, never obeyed. A cell that writes no amount (``已发``, ``待发``) is not compared.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pandas as pd

from ..records import Ledger
from ..rules import Rules

# What a 稿酬 cell writes besides its amount: that it was paid (已发, 已发放, 已付, 实发), ¥, 元, 整.
_PAID_WORDS = r"(?:已发放|已发|已付|已支付|已领|实发|发放|已兑现)"
_AMOUNT = re.compile(rf"{_PAID_WORDS}?[:：]?[¥$]?(?P<n>\d+(?:\.\d{{1,2}})?|[零〇壹贰叁肆伍陆柒捌玖拾佰仟一二两三四五六七八九十百千]+)"
                     rf"(?:元整?|元)?(?:\({_PAID_WORDS}\)|{_PAID_WORDS})?")
_DIGITS = {c: k for k, cs in enumerate(("零〇", "壹一", "贰二两", "叁三", "肆四", "伍五", "陆六", "柒七", "捌八", "玖九")) for c in cs}
_UNITS = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}


def written_fen(text: str) -> int | None:
    """The amount a 稿酬 cell writes, in fen (``200`` → 20000, ``已发50`` → 5000, ``贰佰元`` → 20000);
    None when it writes none, or more than one (``张三100 李四100``)."""
    t = re.sub(r"[\s,，]", "", unicodedata.normalize("NFKC", str(text)))
    m = _AMOUNT.fullmatch(t)
    if m is None:
        return None
    n = m["n"]
    if n[0].isdigit():
        return int(Decimal(n) * 100)
    yuan = _chinese_number(n)
    return None if yuan is None else yuan * 100


def _chinese_number(text: str) -> int | None:
    """贰佰伍拾 → 250, 一百 → 100, 五十 → 50, 拾 → 10; None for a text that is no whole number."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def written_differs(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per item row of ``ledger.submissions`` (index) whose 稿酬 cell writes an amount other than what
    the rules pay for the item: both amounts and how the rules come to theirs (the message's detail)."""
    subs = ledger.submissions
    if subs.empty or "paid_text" not in subs or not (subs["paid_text"] != "").any():  # a table made by hand: none
        return pd.Series(dtype=object)
    from ..compute.counted import counted  # here: computing needs the checks' error rows first
    from ..compute.rewards import item_values, paid_by, yuan

    c = counted(ledger, rules, today)
    kept = subs[(subs["paid_text"] != "") & subs["item"].isin(c.submissions["item"])]  # error rows: not paid, said
    year = int(rules.year or ledger.year or today.year)  # the year validated, at its rules: what is owed by its end
    kept = kept[pd.to_datetime(kept["date"]).dt.year <= year]  # a later year's item: checked with its year
    fen = kept["paid_text"].map(written_fen).dropna()
    if fen.empty:
        return pd.Series(dtype=object)
    end, last_end = pd.Timestamp(year, 12, 31), pd.Timestamp(year - 1, 12, 31)
    paid = c.adoptions[c.adoptions["paid"]]
    owed = paid_by(c, paid, end, year) if len(paid) else pd.Series(dtype="int64")
    before = paid_by(c, paid, last_end, year) if (paid["when"] <= last_end).any() else pd.Series(dtype="int64")
    worth = item_values(c, paid[paid["when"] <= end], end)
    out = {}
    for k, written in fen.items():
        item = kept.at[k, "item"]
        due = int(owed.get(item, 0))
        if int(written) == due:
            continue
        basis = _basis(worth, item)
        if 0 < (earlier := int(before.get(item, 0))) < due:  # 50 paid last year, 补差 this year
            basis += f";其中{year - 1}年底前已付{yuan(earlier)}元,{year}年补差{yuan(due - earlier)}元"
        out[k] = f"即{yuan(int(written))}元,按规则本条信息应付{yuan(due)}元({basis})"
    return pd.Series(out, dtype=object)


def _basis(worth: pd.DataFrame, item) -> str:
    """How the rules come to an item's amount: 按市级,有批示×2计; 没有计稿酬的采用 for none."""
    if item not in worth.index:
        return "本条信息没有计稿酬的采用"
    one = worth.loc[item]
    times = f",有批示×{one['multiplier']}" if one["multiplier"] != 1 else ""
    return f"按{one['tier']}{times}计,各作者合计"
