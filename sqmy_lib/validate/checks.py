"""The checks, as one table: code, severity, which table, which cell, the Chinese message, the rule.

In the spirit of pandera's checks: each entry is a name and a vectorised
predicate over one record table. A new check is one more entry here. The
message is a template filled from the offending row (``{date_text}``, ``{body}``…).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from ..records import Ledger
from ..rules import Rules


@dataclass
class Context:
    """What a check may look at besides its own table."""

    ledger: Ledger
    rules: Rules
    today: dt.date

    @property
    def roster(self):
        return self.ledger.roster


Predicate = Callable[[pd.DataFrame, Context], pd.Series]


@dataclass(frozen=True)
class Check:
    """One named check over a record table.

    ``field`` names the ledger field whose cell the issue points at (its column
    letter comes from the sheet's layout), or several to try in turn; the row's
    own ``column`` is the fallback.
    """

    code: str
    severity: str
    table: str
    field: str | tuple[str, ...] | None
    message: str
    where: Predicate
    needs_roster: bool = False


def _blank(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose text ``column`` is empty (compared by numpy: the same answer, without pandas'
    per-call overhead on a 200,000-row object column)."""
    return lambda df: pd.Series(df[column].to_numpy() == "", index=df.index)


def _filled(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose text ``column`` is not empty."""
    return lambda df: pd.Series(df[column].to_numpy() != "", index=df.index)


def _status(status: str) -> Predicate:
    return lambda df, ctx: df["date_status"] == status


def _sheet_year(df: pd.DataFrame, ctx: Context) -> pd.Series:
    years = dict(zip(ctx.ledger.sheets["src"], ctx.ledger.sheets["year"]))
    return df["src"].map(years)


def _out_of_year(df: pd.DataFrame, ctx: Context) -> pd.Series:
    year = _sheet_year(df, ctx)
    return df["date"].notna() & year.notna() & (df["date"].dt.year != year)


def _item_dates(df: pd.DataFrame, ctx: Context) -> pd.Series:
    subs = ctx.ledger.submissions
    # A Series over the two columns, not set_index: that would copy the whole table first.
    dates = pd.Series(subs["date"].to_numpy(), index=subs["item"].to_numpy(), name="date")
    return df["item"].map(dates)


def _duplicated(keys: list[str]) -> Predicate:
    """Rows whose (non-empty) keys an earlier row already has."""

    def where(df: pd.DataFrame, ctx: Context) -> pd.Series:
        filled = pd.Series(True, index=df.index)
        for k in keys:
            if k != "file":
                filled &= df[k].astype(bool)
        if filled.all():
            # duplicated(subset=…) factorizes the columns in place; df[keys] would copy them first.
            return df.duplicated(subset=keys, keep="first")
        # A filled row's earlier twin is filled too, so only the filled rows need comparing.
        out = pd.Series(False, index=df.index)
        out[filled] = df.loc[filled, keys].duplicated(keep="first").to_numpy()
        return out

    return where


def _first_of(keys: list[str]) -> Callable[[pd.DataFrame], pd.Series]:
    """For each row, where the first row with the same keys is (for the duplicate message)."""

    def first(df: pd.DataFrame) -> pd.Series:
        dup = df[df[keys].duplicated(keep=False)]  # only rows that share their keys need a place
        where = (
            dup["file"].astype(str).str.rsplit("/", n=1).str[-1] + "!" + dup["sheet"].astype(str)
            + "!第" + dup["row"].astype(str) + "行"
        )
        firsts = where.groupby([dup[k] for k in keys], observed=True, sort=False).transform("first")
        return firsts.reindex(df.index)

    return first


def _not_on_roster(df: pd.DataFrame, ctx: Context) -> pd.Series:
    return ~df["is_unit"] & ~df["name"].isin(ctx.roster.person_names)


def _unit_not_on_roster(df: pd.DataFrame, ctx: Context) -> pd.Series:
    units = ctx.roster.unit_names
    sectors = set(ctx.roster.people["sector"]) | set(ctx.roster.people["unit"])
    return _filled("unit")(df) & ~df["unit"].isin(units | sectors)


def _items_with_adoption(df: pd.DataFrame, ctx: Context) -> pd.Series:
    return df["item"].isin(ctx.ledger.adoptions["item"])


def _finding(code: str) -> Predicate:
    return lambda df, ctx: df["code"] == code


def _file_check(code: str) -> Check:
    return Check(code, "error", "files", None, "{message}", _finding(code))


# Codes of files (or sheets) that could not be read at all: these make the exit code 2.
FILE_CODES = (
    "file.not_found", "file.empty", "file.corrupt", "file.encrypted", "file.not_excel", "file.zip_bomb", "file.unreadable",
    "file.no_ledger", "sheet.too_large", "sheet.corrupt", "roster.not_found",
)

CHECKS: list[Check] = [
    *[_file_check(code) for code in FILE_CODES],
    # -- items
    Check("title.missing", "error", "submissions", "title", "信息标题为空", lambda df, ctx: _blank("title")(df)),
    Check("author.missing", "error", "submissions", "author", "作者(报送人)为空", lambda df, ctx: _blank("author_text")(df)),
    Check("date.missing", "error", "submissions", "date", "收稿日期为空", _status("missing")),
    Check("date.unparseable", "error", "submissions", "date", "无法识别的日期“{date_text}”,请写成 2026-03-05 或 2026年3月5日", _status("unparseable")),
    Check("date.ambiguous", "error", "submissions", "date", "日期“{date_text}”有歧义(如 3.1 可能是3月1日或3月10日、05/03/2026 的日月顺序不明),请写完整日期", _status("ambiguous")),
    Check("date.no_year", "error", "submissions", "date", "日期“{date_text}”没有年份,且表名、工作表名、文件名都未写明年度;请写完整日期或用 --year 指定", _status("no_year")),
    Check("date.future", "error", "submissions", "date", "收稿日期 {date:%Y-%m-%d} 晚于今天", lambda df, ctx: df["date"] > pd.Timestamp(ctx.today)),
    Check("date.out_of_year", "warning", "submissions", "date", "收稿日期 {date:%Y-%m-%d} 不在本表年度内",
          _out_of_year),
    Check("item.duplicate_no", "error", "submissions", "item_no", "编号“{item_no}”在本文件中重复(首次出现在 {first})", _duplicated(["file", "item_no"])),
    Check("item.duplicate", "error", "submissions", "title", "与 {first} 的信息重复(标题和作者相同)", _duplicated(["office", "title_key", "author_text"])),
    Check("category.unknown", "warning", "submissions", "category", "类别“{category_text}”不在规则文件的类别中", lambda df, ctx: _filled("category_text")(df) & df["category"].isna()),
    Check("roster.unknown_unit", "warning", "submissions", "unit", "单位“{unit}”不在名册中", _unit_not_on_roster, needs_roster=True),
    # -- authors (each points at the item's author cell)
    Check("roster.unknown_person", "warning", "authors", "author", "作者“{name}”不在名册中", _not_on_roster, needs_roster=True),
    # -- adoptions
    Check("adoption.no_item", "error", "adoptions", ("item_no", "title"), "采用记录找不到对应的报送信息(编号“{ref_item_no}”,标题“{ref_title}”)", lambda df, ctx: df["item"] == -1),
    Check("adoption.no_body", "error", "adoptions", None, "标注了已采用,但没有写明采用单位(刊物),无法确定层级", lambda df, ctx: df["tier"].isna() & _blank("body")(df)),
    Check("adoption.unknown_tier", "error", "adoptions", None, "采用单位“{body}”无法确定层级(县级/市级/省级/全国),请写明采用单位,如“省政协”", lambda df, ctx: df["tier"].isna() & _filled("body")(df)),
    Check("adoption.date_invalid", "error", "adoptions", "adopted_on", "采用日期“{date_text}”无法识别或有歧义", lambda df, ctx: df["date_status"].isin(["unparseable", "ambiguous", "no_year"])),
    Check("adoption.before_item", "error", "adoptions", "adopted_on", "采用日期 {date:%Y-%m-%d} 早于该信息的收稿日期 {item_date:%Y-%m-%d}", lambda df, ctx: df["date"] < df["item_date"]),
    Check("adoption.future", "error", "adoptions", "adopted_on", "采用日期 {date:%Y-%m-%d} 晚于今天", lambda df, ctx: df["date"] > pd.Timestamp(ctx.today)),
    # -- instructions
    Check("instruction.no_item", "error", "instructions", ("item_no", "title"), "批示记录找不到对应的报送信息(编号“{ref_item_no}”,标题“{ref_title}”)", lambda df, ctx: df["item"] == -1),
    Check("instruction.no_adoption", "warning", "instructions", None, "该信息有领导批示,但没有任何采用记录", lambda df, ctx: (df["item"] != -1) & ~_items_with_adoption(df, ctx)),
    Check("instruction.unknown_level", "warning", "instructions", None, "无法判断批示领导“{leader}”的级别(县级/市级/省级/国家级),请写明职务", lambda df, ctx: df["level"].isna()),
    Check("instruction.date_invalid", "error", "instructions", "instructed_on", "批示日期“{date_text}”无法识别或有歧义", lambda df, ctx: df["date_status"].isin(["unparseable", "ambiguous", "no_year"])),
    # -- what only the reader saw
    Check("formula.no_value", "warning", "findings", None, "公式单元格没有计算结果(文件未经 Excel/WPS 计算保存),无法读取其值;请在 Excel/WPS 中打开后保存", _finding("formula.no_value")),
    Check("link.ambiguous", "error", "findings", None, "按编号或标题可对应多条信息:{detail};请填写唯一的编号", _finding("link.ambiguous")),
    Check("instruction.date_unparseable", "warning", "findings", None, "{detail}无法识别,该项未计入督办跟踪;请写成 2026-03-05 或 2026年3月5日(办理时限也可写“30天”)", _finding("instruction.date_unparseable")),
    Check("instruction.duban_without_instruction", "warning", "findings", None, "填写了承办单位、交办或办复等督办情况,但该行没有领导批示,督办情况未计入", _finding("instruction.duban_without_instruction")),
]

# Extra per-row values some messages need, computed only for the rows that are flagged.
MESSAGE_EXTRAS: dict[str, dict[str, Callable[[pd.DataFrame], pd.Series]]] = {
    "item.duplicate_no": {"first": _first_of(["file", "item_no"])},
    "item.duplicate": {"first": _first_of(["office", "title_key", "author_text"])},
}

# Columns a table gains before its checks run (joins a predicate needs).
TABLE_PREP: dict[str, Callable[[pd.DataFrame, Context], pd.DataFrame]] = {
    "adoptions": lambda df, ctx: df.assign(item_date=_item_dates(df, ctx)),
    "authors": lambda df, ctx: df.merge(
        ctx.ledger.submissions[["item", "src", "file", "sheet", "row"]], on="item", how="left"
    ),
}
