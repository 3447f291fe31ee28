"""A ledger's own 小计/合计 of its items against the items the tool counts (the check ``row.tally_differs``).

The reader keeps each 小计/合计 row that writes a count of the items on its ``skipped`` row (read.tallies):
the count, the first row it counts as a 小计 (the row after the tally above it) and the table's first row.
The items it counts are those of the sheet in those rows the tool counts: read and free of errors, or
set aside as repeating another sheet (counted there). A 小计 (or 合计) whose count is the items of neither
span, nor those rows with the rows left out for an error or struck out (=COUNTA of the titles written), is said at its cell, with the rows struck out (作废, 删除线, 示例) and left out for an error in its span;
the tool's figures stay the items it counts, never the ledger's count.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

import pandas as pd

from ..records import Ledger
from ..rules import Rules

_STRUCK = ("void", "struck", "sample")


def tallies_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row (index) of a tally whose count is not the items counted in its span: the
    message's detail (写的是 4 条,第3—6行计入的信息是 2 条…)."""
    skipped = ledger.skipped
    if skipped.empty or "tally" not in skipped or not skipped["tally"].notna().any():
        return pd.Series(dtype=object)
    tallies = skipped[skipped["tally"].notna() & (skipped["reason"] != "tally_sheet")]
    subs = ledger.submissions
    bad = _error_mask(ledger, rules, today)
    rows = {"counted": _rows_by_sheet(subs[~bad]), "error": _rows_by_sheet(subs[bad]),
            "repeat": _rows_by_sheet(skipped[skipped["reason"] == "repeat"]),
            "struck": _rows_by_sheet(skipped[skipped["reason"].isin(_STRUCK)])}
    before, out = _sheets_before(ledger.sheets, rows), {}
    for k, src, row, (n, since, first, part, *_) in zip(tallies.index, tallies["src"], tallies["row"], tallies["tally"]):
        if n is None:  # a count of adoptions alone (采用 | 2): adopted_differ
            continue
        inside = lambda kind, lo: sum(lo <= r < row for r in rows[kind].get(src, ()))
        block, whole = (inside("counted", lo) + inside("repeat", lo) for lo in (since, first))
        # The rows as written, those left out for an error or struck out among them (=COUNTA over the
        # titles): the ledger's count agrees with the ledger; each row left out is said at its own cell.
        written = [n_ + inside("error", lo) + inside("struck", lo) for n_, lo in ((block, since), (whole, first))]
        # A 合计 under the last month's sheet over the workbook's month sheets: its sheets before this one too.
        so_far = () if part else (whole + before.get(src, (0, 0))[0], written[1] + before.get(src, (0, 0))[1])
        if n in (block, whole, *written, *so_far):
            continue
        lo = since if part else first
        out[k] = _detail(n, lo, row, block if part else whole, inside("struck", lo), inside("error", lo))
    return pd.Series(out, dtype=object)


def _adopted_tallies(skipped: pd.DataFrame) -> pd.DataFrame:
    """The 小计/合计 rows that write a count of adoptions (采用2条)."""
    if skipped.empty or "tally" not in skipped:
        return skipped.iloc[:0]
    return skipped[(skipped["reason"] != "tally_sheet")
                   & skipped["tally"].map(lambda t: isinstance(t, tuple) and len(t) > 4 and t[4] is not None)]


def adopted_column(skipped: pd.DataFrame) -> pd.Series:
    """Per ``skipped`` row, the column of the count of adoptions its tally writes (None for none)."""
    return skipped["tally"].map(lambda t: t[4][0] if isinstance(t, tuple) and len(t) > 4 and t[4] else None) \
        if "tally" in skipped else pd.Series(None, index=skipped.index, dtype=object)


def adopted_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row of a 小计/合计 whose count of adoptions (``采用2条``, ``采用 | 2``) is none of what
    that count may mean over the items counted in its span (as ``tallies_differ`` takes them: those since the
    tally above, or the table's): the items adopted, or the adoption records, each with or without the
    office's own tier (本级编发), of the items counted or of those with the rows left out for an error: the
    message's value and detail. A span with rows set aside as repeating another sheet is not compared."""
    tallies = _adopted_tallies(ledger.skipped)
    if tallies.empty:
        return pd.Series(dtype=object)
    from .engine import error_rows

    subs, bad = ledger.submissions, _error_mask(ledger, rules, today)
    adoptions = ledger.adoptions
    errors = error_rows(ledger, rules, today).get("adoptions")
    if errors is not None:
        adoptions = adoptions[~adoptions.index.isin(errors.index)]
    tiers = adoptions[adoptions["tier"].notna()].groupby("item")["tier"].agg(list).to_dict()
    at = {(s, r): (item, b) for s, r, item, b in zip(subs["src"], subs["row"], subs["item"], bad)}
    repeats = set(zip(ledger.skipped.loc[ledger.skipped["reason"] == "repeat", "src"],
                      ledger.skipped.loc[ledger.skipped["reason"] == "repeat", "row"]))
    before, out = _items_before(ledger.sheets, subs, bad), {}
    for k, src, row, (_, since, first, part, (_, n, text)) in zip(tallies.index, tallies["src"], tallies["row"], tallies["tally"]):
        spans = {lo: [at[src, r] for r in range(lo, row) if (src, r) in at] for lo in (since, first)}
        if any((src, r) in repeats for r in range(min(since, first), row)):
            continue
        # A 合计 under the last month's sheet over the workbook's month sheets: its sheets before this one too.
        counts = [*spans.values()] + ([] if part else [before.get(src, []) + spans[first]])
        readings = {x for items in counts for x in (*_adoption_readings(items, tiers, rules.own_tier, False),
                                                    *_adoption_readings(items, tiers, rules.own_tier, True))}
        if n not in readings:
            lo = since if part else first
            out[k] = (text, _adopted_detail(n, lo, row, *_adoption_readings(spans[lo], tiers, rules.own_tier, False)[:3]))
    return pd.Series(out, dtype=object)


def _items_before(sheets: pd.DataFrame, subs: pd.DataFrame, bad) -> dict[int, list]:
    """Sheet (src) → the (item, left out for an error) pairs of the sheets before it in its workbook."""
    by_src: dict[int, list] = {}
    for s, item, b in zip(subs["src"], subs["item"], bad):
        by_src.setdefault(int(s), []).append((item, b))
    out = {}
    for _, srcs in sheets.groupby("file")["src"]:
        so_far: list = []
        for src in sorted(srcs):
            out[int(src)] = so_far
            so_far = so_far + by_src.get(int(src), [])
    return out


def _adoption_readings(items: list, tiers: dict, own: str, with_errors: bool) -> tuple[int, int, int, int]:
    """Over ``items`` ((item, left out for an error) pairs): the items adopted, the adoption records,
    the items adopted above the office's own tier, the records above it."""
    lists = [tiers.get(item, []) for item, bad in items if with_errors or not bad]
    above = [[t for t in ts if t != own] for ts in lists]
    return (sum(map(bool, lists)), sum(map(len, lists)), sum(map(bool, above)), sum(map(len, above)))


def _adopted_detail(n: int, lo: int, row: int, adopted: int, records: int, above: int) -> str:
    span = f"第{lo}—{row - 1}行" if row - 1 > lo else f"第{lo}行"
    return (f"写的是采用 {n} 条,{span}计入统计的信息中被采用的是 {adopted} 条(其中被上级采用的 {above} 条,"
            f"采用记录共 {records} 次)")


def _sheets_before(sheets: pd.DataFrame, rows: dict) -> dict[int, tuple[int, int]]:
    """Sheet (src) → the items counted (with those repeated elsewhere) on the sheets before it in its
    workbook, and the rows written there (with those struck out or left out for an error)."""
    out = {}
    for _, srcs in sheets.groupby("file")["src"]:
        counted = written = 0
        for src in sorted(srcs):
            out[int(src)] = (counted, written)
            n = {kind: len(by_sheet.get(int(src), ())) for kind, by_sheet in rows.items()}
            counted, written = counted + n["counted"] + n["repeat"], written + sum(n.values())
    return out


def _error_mask(ledger: Ledger, rules: Rules, today: dt.date):
    """Which items are left out for an error (an array over ``submissions``)."""
    from .engine import error_rows

    subs = ledger.submissions
    errors = error_rows(ledger, rules, today).get("submissions")
    return subs.index.isin(errors.index) if errors is not None else pd.Series(False, index=subs.index).to_numpy()


def sheet_tallies_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row of a 汇总 sheet's figure (read.tallies.sheet_figures: 民进区委 | 3, 合计 | 8) whose
    count is not the items its workbook's sheets count for that unit in the year and months its title or
    name says (by their dates; all the workbook's when it says none), nor those with the rows left out for an error (the rows as
    written): the message's detail. A unit no item of the workbook names (民盟 where the items say 民盟区委
    is tied by ``unit_key``; 其他 is not) is not compared, nor then the 合计 (it counts units not tied)."""
    skipped = ledger.skipped
    if skipped.empty or not (skipped["reason"] == "tally_sheet").any() or ledger.submissions.empty:
        return pd.Series(dtype=object)  # no items (a 汇总 file read alone): nothing to set its figures against
    from ..read.attribute import office_places, unit_aliases, unit_key

    subs = ledger.submissions.assign(error=_error_mask(ledger, rules, today))
    places, aliases = office_places(rules), unit_aliases(rules)
    key = lambda u: unit_key(u, places, aliases) if u else ""
    # A unit the roster lists that no item names (its workbook not put in the folder, its sheet deleted): its count
    # is 0, set against the 汇总's as any unit's is.
    listed = {k: 0 for k in map(key, ledger.roster.unit_names if ledger.roster is not None else ()) if k}
    out = {}
    for (file, _), figures in skipped[skipped["reason"] == "tally_sheet"].groupby(["file", "src"]):
        year, months = figures["tally"].iloc[0][2]
        items, where = _tally_items(subs, file)
        mine = _in_period(items, year, months, _workbook_year(ledger, file, year))
        counted = mine.loc[~mine["error"], "unit"].map(key).value_counts().to_dict()
        written = listed | mine["unit"].map(key).value_counts().to_dict()
        out.update(_figures_differ(figures, key, counted, written, _months_said(months), where))
    return pd.Series(out, dtype=object)


def _workbook_year(ledger: Ledger, file: str, said) -> tuple[int, dict] | None:
    """For a 汇总 that says no year: the year its workbook is of (the one its file name says, else the ledger's)
    and the year of each of its sheets (src → year), so a sheet of another year kept in it (2024年, 上年) is
    no part of what it counts; None when the 汇总 says a year, or the file name several (2023—2025年台账)."""
    from ..read.values import year_in_text

    stem = file.replace("\\", "/").rsplit("/", 1)[-1]
    if said or len(set(re.findall(r"20\d{2}", stem))) > 1:
        return None
    year = year_in_text(stem) or ledger.year
    sheets = ledger.sheets[ledger.sheets["file"] == file]
    return (int(year), dict(zip(sheets["src"], sheets["year"]))) if year else None


def _in_period(mine: pd.DataFrame, year, months, workbook: tuple[int, dict] | None = None) -> pd.DataFrame:
    """The items of a 汇总's workbook (with their ``error``) dated in the year and months it says (all when it
    says none; ``workbook``: all but those of a sheet of another year than the workbook's, dated in that year
    too: a 2024年 sheet kept in 2025年台账.xlsx); a row left out for an error with no date is kept among those
    written."""
    if workbook is not None and len(mine):
        own, years = workbook
        sheet_year = mine["src"].map(years)
        mine = mine[~(sheet_year.notna() & (sheet_year != own) & (mine["date"].dt.year != own))]
    if len(mine) and (year or months):
        inside = (mine["date"].dt.year == year) if year else pd.Series(True, index=mine.index)
        inside &= mine["date"].dt.month.isin(months) if months else True
        mine = mine[inside | (mine["error"] & mine["date"].isna())]
    return mine


def sheet_figures_differ(ledger: Ledger, rules: Rules, today: dt.date) -> pd.Series:
    """Per ``skipped`` row of a 汇总's unit (or 合计) whose 采用, 批示 or 稿酬 is none of what it may mean over the
    items its workbook's sheets count for the unit in the period its title or name says (as
    ``sheet_tallies_differ`` takes them): (the column of the first that differs, the message's detail).
    采用: the items adopted or the adoption records, with or without the office's own tier; 批示: the items
    instructed or the 批示; 稿酬: the fen the rules pay for the items or the 稿酬 cells written for them."""
    skipped = ledger.skipped
    figures = skipped[(skipped["reason"] == "tally_sheet")
                      & skipped["tally"].map(lambda t: isinstance(t, tuple) and len(t) > 3 and bool(t[3]))]
    if figures.empty or ledger.submissions.empty:
        return pd.Series(dtype=object)
    from ..read.attribute import office_places, unit_aliases, unit_key

    places, aliases = office_places(rules), unit_aliases(rules)
    key = lambda u: unit_key(u, places, aliases) if u else ""
    subs = ledger.submissions.assign(error=_error_mask(ledger, rules, today))
    subs = subs.assign(unit_key=subs["unit"].map(key))
    readings = _FigureReadings(ledger, rules, today)
    out = {}
    for (file, _), group in figures.groupby(["file", "src"]):
        year, months = group["tally"].iloc[0][2]
        items, where = _tally_items(subs, file)
        mine = _in_period(items, year, months, _workbook_year(ledger, file, year))
        end = _period_end(year or int(rules.year or ledger.year or today.year), months)
        out.update(_sheet_rows_differ(group, mine, key, lambda items, said: readings.differ(items, said, months, end, where)))
    return pd.Series(out, dtype=object)


def _sheet_rows_differ(group: pd.DataFrame, mine: pd.DataFrame, key, differ) -> dict:
    """A 汇总's rows whose figures ``differ`` over their unit's items (a 合计: the listed units', or every
    unit's of the workbook); none for a unit no item names, nor then the 合计."""
    written = set(mine["unit_key"])
    listed = {key(label) for label, t in zip(group["detail"], group["tally"]) if t[0] == "unit"}
    out = {}
    for k, label, (kind, _, _, said) in zip(group.index, group["detail"], group["tally"]):
        units = {key(label)} if kind == "unit" else listed if listed <= written else set()
        if not units or not units <= written:
            continue
        got = differ(mine[mine["unit_key"].isin(units)], said)
        if got and (kind == "unit" or differ(mine, said)):
            out[k] = got
    return out


class _FigureReadings:
    """What a 汇总's 采用, 批示 and 稿酬 may mean over some items of the ledger: each figure as of the year's
    end or of the end of the months it says (a quarter's 汇总 written then: a later adoption or 批示 not yet)."""

    def __init__(self, ledger: Ledger, rules: Rules, today: dt.date):
        from ..compute.counted import counted
        from .engine import error_rows
        from .money import _owed

        errors = error_rows(ledger, rules, today)
        adoptions, instructions = (_without(getattr(ledger, t), errors.get(t)) for t in ("adoptions", "instructions"))
        self.adoptions = adoptions[adoptions["tier"].notna()][["item", "tier", "date"]]
        self.instructions = instructions[["item", "date"]]
        self.own = rules.own_tier
        self.c, self.year = counted(ledger, rules, today), int(rules.year or ledger.year or today.year)
        self.paid, self.owed = _owed(self.c, self.year)

    def differ(self, items: pd.DataFrame, said: dict, months, end: pd.Timestamp, where: str = "") -> tuple[str, str] | None:
        """(the column letter of the first figure that differs, the message's detail), or None."""
        from ..compute.rewards import yuan
        from ..zh import column_letter

        checks = {"adopted": self._adopted, "instructed": self._instructed, "money": self._money}
        bad = []
        for what, (c, n, _) in said.items():
            accepted, detail = checks[what](items, end, _months_said(months))
            if n not in accepted:
                bad.append((c, detail.format(n=yuan(n) if what == "money" else n).replace(_OWN, where or _OWN)))
        return (column_letter(bad[0][0]), ";".join(d for _, d in bad)) if bad else None

    def _adopted(self, items: pd.DataFrame, end: pd.Timestamp, months: str) -> tuple[set, str]:
        """The items adopted or the adoption records, with or without the office's own tier and the rows left
        out for an error, by the year's end or by ``end``."""
        pairs = list(zip(items["item"], items["error"]))
        accepted = set()
        for adoptions in (self.adoptions, self.adoptions[~(self.adoptions["date"] > end)]):
            tiers = adoptions.groupby("item")["tier"].agg(list).to_dict()
            accepted |= {x for e in (False, True) for x in _adoption_readings(pairs, tiers, self.own, e)}
        adopted, records, *_ = _adoption_readings(pairs, self.adoptions.groupby("item")["tier"].agg(list).to_dict(), self.own, False)
        return accepted, (f"采用写的是 {{n}} 条,本工作簿各工作表{months}计入统计的信息中被采用的是 {adopted} 条"
                          f"(采用记录 {records} 次)")

    def _instructed(self, items: pd.DataFrame, end: pd.Timestamp, months: str) -> tuple[set, str]:
        """The items instructed or the 批示, by the year's end or by ``end``."""
        given = self.instructions[self.instructions["item"].isin(set(items.loc[~items["error"], "item"]))]
        by_end = given[~(given["date"] > end)]
        accepted = {given["item"].nunique(), len(given), by_end["item"].nunique(), len(by_end)}
        return accepted, (f"批示写的是 {{n}} 件,本工作簿各工作表{months}计入统计的信息中有批示的是 {given['item'].nunique()} 条"
                          f"(批示 {len(given)} 件)")

    def _money(self, items: pd.DataFrame, end: pd.Timestamp, months: str) -> tuple[set, str]:
        """The fen the rules pay for the items by the year's end or by ``end``, or the 稿酬 cells written for them."""
        from ..compute.rewards import paid_by, yuan
        from ..read.values import written_fen

        kept = list(set(items.loc[~items["error"], "item"]))
        due = sum(int(self.owed.get(item, 0)) for item in kept)
        by_end = paid_by(self.c, self.paid, end, self.year) if len(self.paid) else pd.Series(dtype="int64")
        due_then = int(by_end.reindex(kept).fillna(0).sum())
        fen = items["paid_text"].map(written_fen)
        cells = int(fen.fillna(0).sum())
        then = f"(至{end.month}月底 {yuan(due_then)} 元)" if due_then != due else ""
        also = f"(各工作表稿酬栏所写共 {yuan(cells)} 元)" if fen.notna().any() else ""
        return {due, due_then, cells}, f"稿酬写的是 {{n}} 元,{months}这些信息按规则应付 {yuan(due)} 元{then}{also}"


def _period_end(year: int, months) -> pd.Timestamp:
    """The last day of the months a 汇总 says (of its year when it says none)."""
    return pd.Timestamp(year, max(months), 1) + pd.offsets.MonthEnd(0) if months else pd.Timestamp(year, 12, 31)


def _without(table: pd.DataFrame, errors) -> pd.DataFrame:
    """A table's records but those left out for an error."""
    return table if errors is None else table[~table.index.isin(errors.index)]


_OWN = "本工作簿各工作表"  # what a 汇总 sheet is set against: its workbook's sheets, or (a 汇总 file alone) its folder's ledgers
_FOLDER = "同一文件夹(含子文件夹)中各台账"


def _tally_items(subs: pd.DataFrame, file: str) -> tuple[pd.DataFrame, str]:
    """The items a 汇总 of ``file`` counts, and how the message says them: its own workbook's; for a 汇总 file
    with no items of its own (各单位报送情况汇总.xlsx beside the units' own workbooks), those of every ledger in
    its folder and the folders below."""
    mine = subs[subs["file"] == file]
    if len(mine):
        return mine, _OWN
    folder = PurePath(file).parent
    return subs[subs["file"].map(lambda f: PurePath(f).is_relative_to(folder))], _FOLDER


def _figures_differ(figures: pd.DataFrame, key, counted: dict, written: dict, said: str, where: str = _OWN) -> dict:
    """A 汇总's rows whose count is neither the items counted for its unit (or the units it lists, for
    its 合计) nor the rows written for them; none for a unit no item names, nor then the 合计."""
    out, listed, tied = {}, set(), True
    for k, label, (kind, n, *_) in zip(figures.index, figures["detail"], figures["tally"]):
        if kind == "unit":
            unit = key(label)
            listed.add(unit)
            tied &= unit in written
            if unit in written and n not in (counted.get(unit, 0), written[unit]):
                out[k] = f"写的是 {n} 条,{where}{said}计入统计的该单位信息是 {counted.get(unit, 0)} 条"
    for k, label, (kind, n, *_) in zip(figures.index, figures["detail"], figures["tally"]):
        if kind == "total" and tied and listed:
            sums = [sum(d.get(u, 0) for u in listed) for d in (counted, written)] + [sum(counted.values()), sum(written.values())]
            if n not in sums:
                out[k] = f"写的是 {n} 条,{where}{said}计入统计的所列各单位信息共 {sums[0]} 条"
    return out


def _months_said(months) -> str:
    """(1—3月) for a 汇总 of some months; '' for one of the year."""
    if not months:
        return ""
    lo, hi = min(months), max(months)
    return f"{lo}月" if lo == hi else f"{lo}—{hi}月"


def _rows_by_sheet(df: pd.DataFrame) -> dict[int, list[int]]:
    """Sheet (src) → the Excel rows of ``df``."""
    return {int(s): g.tolist() for s, g in df.groupby("src")["row"]} if len(df) else {}


def _detail(n: int, lo: int, row: int, count: int, struck: int, errors: int) -> str:
    span = f"第{lo}—{row - 1}行" if row - 1 > lo else f"第{lo}行"
    left = [f"作废、删除线或示例行 {struck} 行未计入" if struck else "", f"因校验错误未计入的 {errors} 条" if errors else ""]
    extra = "、".join(p for p in left if p)
    return f"写的是 {n} 条,{span}计入统计的信息是 {count} 条" + (f"(另有{extra})" if extra else "")
