"""稿酬 as the ledger writes it, against what the rules pay (the check ``money.written_differs``).

A ledger's own 稿酬/稿费/奖金 column is read past: the money is the tool's to compute from the
rules. What it writes for an item (``paid_text``: ``200``, ``200元``, ``200.00``, ``贰佰元``, ``已发50``,
``50（已发）``) is read as an amount in fen and set against what the rules pay for the item: all its
payees together, every tier and 批示 by the end of the year validated (its rules' year), 补差 of
later tiers in it included, each year at its own rates. Where they differ, a warning at that cell names both; the written
amount is checked, never obeyed. A cell that writes no amount (``已发``, ``待发``) is not compared.

A 小计/合计 row's amount (``合计 | | 1,250.00`` under the 稿酬 column, ``稿酬合计：1250元``: read.tallies.written_money)
is set, to the fen, against the 稿酬 cells written in the rows it totals and against what the rules pay for
those items (the check ``money.tally_differs``): the rows since the tally above it or the table's, for a 合计
the workbook's sheets before it too; an amount it says was carried over from before (含上季度结转200元) is
taken off first. Where it is neither, a warning at its cell names what it writes and both sums.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..read.values import written_fen
from ..records import Ledger
from ..rules import Rules


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
    paid, owed = _owed(c, year)
    before = paid_by(c, paid, last_end, year) if (paid["when"] <= last_end).any() else pd.Series(dtype="int64")
    worth = item_values(c, paid[paid["when"] <= end], end)
    # An item the ledger records adopted again after the year (a 2025 item 市政协采用 2026.1.10): the clerk may write
    # what it is paid then too; that is no amount other than the rules'.
    later = paid.loc[paid["when"] > end, "when"]
    owed_later = _owed(c, int(later.max().year))[1] if len(later) else pd.Series(dtype="int64")
    out = {}
    for k, written in fen.items():
        item = kept.at[k, "item"]
        due = int(owed.get(item, 0))
        if int(written) == due or (item in owed_later.index and int(written) == int(owed_later[item])):
            continue
        basis = _basis(worth, item)
        if item in owed_later.index and int(owed_later[item]) != due:
            basis += f";计入{year}年以后的采用,共应付{yuan(int(owed_later[item]))}元"
        if 0 < (earlier := int(before.get(item, 0))) < due:  # 50 paid last year, 补差 this year
            basis += f";其中{year - 1}年底前已付{yuan(earlier)}元,{year}年补差{yuan(due - earlier)}元"
        out[k] = f"即{yuan(int(written))}元,按规则本条信息应付{yuan(due)}元({basis})"
    return pd.Series(out, dtype=object)


def written_unread(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per item row whose 稿酬 cell writes figures that are no one amount (``30+70``, ``补差70``, ``70（补差）``):
    not compared, so said (``money.written_unread``), never passed over as if checked. A cell with no figure
    (``已发``, ``不计稿酬``) says nothing to compare."""
    subs = ledger.submissions
    if subs.empty or "paid_text" not in subs:
        return pd.Series(dtype=object)
    texts = subs["paid_text"]
    texts = texts[(texts != "") & texts.str.contains(r"\d", regex=True)]
    unread = texts[texts.map(written_fen).isna()]
    return pd.Series(unread.to_numpy(), index=unread.index, dtype=object)


def _owed(c, year: int) -> tuple[pd.DataFrame, pd.Series]:
    """The adoptions paid, and the fen the rules pay per item (index) by the end of ``year``."""
    from ..compute.rewards import paid_by

    paid = c.adoptions[c.adoptions["paid"]]
    return paid, paid_by(c, paid, pd.Timestamp(year, 12, 31), year) if len(paid) else pd.Series(dtype="int64")


def money_tallies(skipped: pd.DataFrame) -> pd.DataFrame:
    """The 小计/合计 rows that write an amount of money (合计 | 1,250.00; 稿酬合计：1250元)."""
    if skipped.empty or "tally" not in skipped:
        return skipped.iloc[:0]
    return skipped[(skipped["reason"] != "tally_sheet") & skipped["tally"].map(lambda t: isinstance(t, tuple) and len(t) > 5)]


def money_column(skipped: pd.DataFrame) -> pd.Series:
    """Per ``skipped`` row, the column of the amount of money its tally writes (None for none)."""
    return skipped["tally"].map(lambda t: t[5][0] if isinstance(t, tuple) and len(t) > 5 else None) \
        if "tally" in skipped else pd.Series(None, index=skipped.index, dtype=object)


def totals_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row of a 小计/合计 whose amount of money (less what it says was carried over) is
    neither the 稿酬 cells written in the rows it totals nor what the rules pay for those items, to the
    fen: (its text, the message's detail)."""
    tallies = money_tallies(ledger.skipped)
    if tallies.empty:
        return pd.Series(dtype=object)
    from ..compute.counted import counted
    from ..compute.rewards import yuan

    c = counted(ledger, rules, today)
    _, owed = _owed(c, int(rules.year or ledger.year or today.year))
    subs = ledger.submissions
    rows = pd.DataFrame({"src": subs["src"], "row": subs["row"], "file": subs["file"],
                         "written": subs["paid_text"].map(written_fen).fillna(0).astype("int64"),
                         "item": subs["item"].where(subs["item"].isin(c.submissions["item"]))})
    out = {}
    for k, file, src, row, (_, since, first, part, _, (_, fen, carried, text)) in zip(
            tallies.index, tallies["file"], tallies["src"], tallies["row"], tallies["tally"]):
        spans = _spans(rows, (file, src), row, (since, first), part)
        sums = {(int(s["written"].sum()), _rules_sum(s, owed)) for s in spans}
        if not {fen, fen - carried} & {x for pair in sums for x in pair}:
            span = spans[0 if part else 1]
            written, due = int(span["written"].sum()), _rules_sum(span, owed)
            lo = since if part else first
            where = f"第{lo}—{row - 1}行" if row - 1 > lo else f"第{lo}行"
            less = f"(已减去所写结转的{yuan(carried)}元)" if carried else ""
            out[k] = (text, f"即{yuan(fen - carried)}元{less},{where}各条信息稿酬栏所写共{yuan(written)}元,"
                            f"按规则这些信息应付{yuan(due)}元")
    return pd.Series(out, dtype=object)


def _spans(rows: pd.DataFrame, where: tuple, row: int, starts: tuple[int, int], part: bool) -> list[pd.DataFrame]:
    """The item rows a tally on sheet ``where`` (file, src) may total: those since the tally above it, the
    table's, and for a 合计 (under the last month's sheet) the workbook's sheets before it with the table's."""
    file, src = where
    mine = rows[rows["src"] == src]
    spans = [mine[(mine["row"] >= lo) & (mine["row"] < row)] for lo in starts]
    if not part:
        spans.append(pd.concat([rows[(rows["file"] == file) & (rows["src"] < src)], spans[1]]))
    return spans


def _rules_sum(span: pd.DataFrame, owed: pd.Series) -> int:
    """The fen the rules pay for the items of ``span`` (each once; rows left out for an error pay none)."""
    return int(sum(int(owed.get(item, 0)) for item in span["item"].dropna().unique()))


def _basis(worth: pd.DataFrame, item) -> str:
    """How the rules come to an item's amount: 按市级,有批示×2计; 没有计稿酬的采用 for none."""
    if item not in worth.index:
        return "本条信息没有计稿酬的采用"
    one = worth.loc[item]
    times = f",有批示×{one['multiplier']}" if one["multiplier"] != 1 else ""
    return f"按{one['tier']}{times}计,各作者合计"
