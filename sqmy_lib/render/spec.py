"""Table specs: every table sqmy shows, declared once, rendered by every writer.

A :class:`TableSpec` is a list of :class:`Column` (the DataFrame column, its Chinese label, its
kind, an optional group label over it). The Word (:mod:`.gongwen`), Excel (:mod:`.xlsx_tables`),
HTML (:mod:`.html`), CSV and terminal (:mod:`.tables`) writers all read the spec, so a table has
the same columns, headers, rounding and formats wherever it appears, and a new figure is one more
``Column`` line. Values are formatted by kind, never guessed from the data:

=========  =============================  ==============================================
kind       text (Word, HTML, CSV, screen)  Excel
=========  =============================  ==============================================
text       as it is                        string (never a formula or a link)
long       as it is (wraps)                string, wrapped column
count      ``12``                          integer, ``0``
number     ``2.5`` (≤ 2 decimals)          number rounded half up, ``0.##``
money      ``1,200.00``                    number, ``#,##0.00``
pct        ``31.7%`` (round half up)       the same rounded ratio, ``0.0%``
date       ``2025年10月8日`` / ISO in CSV   date, ``yyyy-mm-dd``
day        ``10月8日``                     date, ``m月d日``
bool       ``是`` / ``否``                   string
months     ``5月、11月`` (a list of months)   string; a list of integers in JSON
=========  =============================  ==============================================

Columns a table does not have are left out (:meth:`TableSpec.present`), so the lead's next
figures (上报, 上级采用率, channels) appear as soon as the computation gives them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

from .. import zh

KINDS = ("text", "long", "count", "number", "money", "pct", "date", "day", "bool", "months")
NUMERIC = ("count", "number", "money", "pct")
NONE_TEXT = "无"


@dataclass(frozen=True)
class Column:
    """One column: ``key`` in the DataFrame (a tuple for two-level frames), its ``label``, its
    ``kind`` (see the module table) and the ``group`` label shown over it, if any."""

    key: Any
    label: str
    kind: str = "text"
    group: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"未知的列类型 {self.kind}")

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


def text(value, kind: str, plain: bool = False) -> str:
    """A value as people read it in a document; ``plain`` for CSV and JSON-like text (ISO dates,
    no thousands separators). One rounding rule (half up) for every kind."""
    if zh.blank(value):
        return ""
    if isinstance(value, str):  # a word in a column of figures (无任务) is written as it is
        return value
    if kind == "count":
        return zh.number(value, 0)
    if kind == "number":
        return zh.number(value, 2)
    if kind == "money":
        d = zh.round_half_up(value, 2)
        return f"{d:.2f}" if plain else f"{d:,.2f}"
    if kind == "pct":
        return zh.percent(value, missing="", keep_zeros=True)
    if kind in ("date", "day"):
        if plain:
            return zh.iso_date(value)
        return zh.zh_date(value) if kind == "date" else zh.month_day(value)
    if kind == "bool":
        return "是" if value else "否"
    if kind == "months":
        return zh.months(value)
    return str(value)


def years_of(values) -> int:
    """How many years the dates among ``values`` are of."""
    return len({v.year for v in values if not zh.blank(v) and hasattr(v, "year")})


def excel_value(value, kind: str):
    """The value to store in a cell of this kind: numbers as numbers (rounded as the text shows
    them), dates as dates, text as text; None for a blank cell."""
    if zh.blank(value):
        return None
    if kind == "count":
        return int(zh.round_half_up(value, 0))
    if kind == "number":
        return float(zh.round_half_up(value, 2))
    if kind == "money":
        return float(zh.round_half_up(value, 2))
    if kind == "pct":
        return zh.percent_value(value)
    if kind in ("date", "day"):
        d = value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
        return d if isinstance(d, dt.datetime) else dt.datetime(d.year, d.month, d.day)
    return text(value, kind)  # 是/否, months and text as a document shows them, stored as a string


def json_value(value, kind: str):
    """The value in JSON: counts as integers, money as Decimal (two places), dates ISO, text as text."""
    if zh.blank(value):
        return None
    if kind == "count":
        return int(value)
    if kind == "money":
        return zh.round_half_up(value, 2)
    if kind in ("number", "pct"):
        return float(value)
    if kind in ("date", "day"):
        return zh.iso_date(value)
    if kind == "bool":
        return bool(value)
    if kind == "months":
        return [int(m) for m in value]
    return value.item() if hasattr(value, "item") else value


@dataclass(frozen=True)
class TableSpec:
    """An ordered set of columns, with a note on the units of its counts (``单位:条``)."""

    columns: tuple[Column, ...]
    unit_note: str = ""
    merge_runs: tuple = field(default=())  # keys whose runs of equal values merge (a group column)

    def __iter__(self):
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    @property
    def keys(self) -> list:
        return [c.key for c in self.columns]

    @property
    def two_level(self) -> bool:
        return any(c.group for c in self.columns)

    def column(self, key) -> Column:
        return next(c for c in self.columns if c.key == key)

    def present(self, df) -> "TableSpec":
        """The columns ``df`` has, in the spec's order."""
        have = set(df.columns)
        return replace(self, columns=tuple(c for c in self.columns if c.key in have))

    def without(self, *keys) -> "TableSpec":
        return replace(self, columns=tuple(c for c in self.columns if c.key not in keys))

    def relabel(self, **labels: str) -> "TableSpec":
        """The spec with some labels changed (by key), e.g. ``unit="地区"`` in a roll-up."""
        return replace(self, columns=tuple(replace(c, label=labels.get(c.key, c.label)) for c in self.columns))

    def flat_labels(self) -> list[str]:
        """Each column's header on one row: its label, under a group ``group·label`` (本季度·报送)."""
        return [f"{c.group}·{c.label}" if c.group else c.label for c in self.columns]

    def labelled(self, df):
        """The columns of ``df`` the spec declares, in its order, headed as every output heads them
        (``flat_labels``), values as they are: the tables of an analyst's ``to_excel`` workbook."""
        present = self.present(df)
        out = df[present.keys].copy()
        out.columns = present.flat_labels()
        return out

    def headers(self) -> list[tuple[str, str]]:
        """(group, label) per column; the group is "" for a column that spans both header rows."""
        return [(c.group, c.label) for c in self.columns]

    def kinds(self, n_rows: int, row_kinds: Sequence[str] | None = None) -> list[list[str]]:
        """Each cell's kind: the column's, or for a numeric column the row's when ``row_kinds`` is
        given (a table of figures whose rows are counts or percentages)."""
        return [[row_kinds[i] if row_kinds and c.numeric else c.kind for c in self.columns] for i in range(n_rows)]

    def rows(self, df, plain: bool = False, row_kinds: Sequence[str] | None = None) -> list[list[str]]:
        """Every row of ``df`` as text, column by column (see :func:`text`)."""
        values = [df[c.key].tolist() for c in self.columns]
        kinds = self.kinds(len(df), row_kinds)
        # A day column (12月26日) whose days are of two years: each written with its year (a letter's item
        # of last December beside this year's).
        years = [years_of(values[j]) if c.kind == "day" else 1 for j, c in enumerate(self.columns)]
        return [[text(values[j][i], "date" if years[j] > 1 else kinds[i][j], plain) for j in range(len(self.columns))]
                for i in range(len(df))]

    def records(self, df) -> list[dict]:
        """Rows as dicts keyed by column (JSON values, see :func:`json_value`)."""
        cols = [(str(c.key), df[c.key].tolist(), c.kind) for c in self.columns]
        return [{key: json_value(values[i], kind) for key, values, kind in cols} for i in range(len(df))]


def spec(*columns: Column | Iterable[Column], unit_note: str = "", merge_runs: Sequence = ()) -> TableSpec:
    """A TableSpec from columns and lists of columns (tier columns come as a list)."""
    flat: list[Column] = []
    for c in columns:
        flat.extend([c] if isinstance(c, Column) else c)
    return TableSpec(tuple(flat), unit_note, tuple(merge_runs))


# ---------------------------------------------------------------- the tables

# 上报 is not 采用 (L77): items sent upward, and those adopted at or above their target.
FORWARDED_COLUMNS = (Column("forwarded", "上报", "count"), Column("forwarded_adopted", "上报被采用", "count"))
# A quota judged as it falls due: the months missed, whether behind, and what is short, in words.
BEHIND_COLUMNS = (Column("missed_months", "未完成月份", "months"), Column("behind", "未完成任务", "bool"),
                  Column("shortfall", "未完成情况", "long"))


def tier_columns(tiers: Iterable[str], group: str = "", prefix: str = "adopted_") -> list[Column]:
    """One count column per adoption tier (``adopted_省级`` → 省级采用), in the rules' order."""
    return [Column(f"{prefix}{t}", f"{t}采用", "count", group) for t in tiers]


def quota_columns(cumulative: str = "", adopted_cumulative: str | None = None) -> list[Column]:
    """任务 and 完成率; when a quota is judged over more than the period (``compute.base.cumulative_text``:
    "年度任务按1—6月累计", a 委员's 2 a year in a second quarter), the rate says so in its header and
    计入任务报送 (what it counts: the year to date, not the period's 报送) stands beside it.
    ``adopted_cumulative`` (units): the same for the adoption quota; None: no such columns."""
    def rate(label: str, basis: str) -> str:
        return f"{label}（{basis}）" if basis else label

    columns = [Column("quota", "任务", "number")]
    if cumulative:
        columns.append(Column("quota_done", "计入任务报送", "count"))
    columns.append(Column("completion", rate("完成率", cumulative), "pct"))
    if adopted_cumulative is not None:
        columns += [Column("adopted_quota", "采用任务", "number"),
                    Column("adopted_completion", rate("采用任务完成率", adopted_cumulative), "pct")]
    return columns


def people(tiers: Iterable[str], cumulative: str = "") -> TableSpec:
    """Per person and role (``compute people``, the circular's 个人完成情况); ``cumulative``: see
    :func:`quota_columns`."""
    return spec(
        Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"), Column("appointed_on", "聘任日期", "date"),
        Column("ended_on", "离任日期", "date"), Column("submitted", "报送", "count"), Column("adopted", "采用", "count"),
        tier_columns(tiers), Column("instructed", "获批示", "count"), *FORWARDED_COLUMNS,
        # coauthored_counts_each: false — what a person co-wrote that counts for its 执笔 or first author.
        Column("credited_elsewhere", "联名计入他人", "count"), Column("points", "积分", "count"),
        quota_columns(cumulative), *BEHIND_COLUMNS,
        Column("reward", "稿酬（元）", "money"), Column("note", "备注", "long"), unit_note="单位：条",
    )


def units(tiers: Iterable[str], cumulative: str = "", adopted_cumulative: str = "") -> TableSpec:
    """Per unit (``compute units``); ``cumulative``, ``adopted_cumulative``: see :func:`quota_columns`."""
    return spec(
        Column("unit", "单位"), Column("peer_group", "类别"), Column("submitted", "报送", "count"),
        Column("adopted", "采用", "count"), tier_columns(tiers), Column("instructed", "获批示", "count"),
        *FORWARDED_COLUMNS, Column("points", "积分", "count"), Column("rank", "组内排名", "count"),
        Column("rank_text", "名次"),
        quota_columns(cumulative, adopted_cumulative), *BEHIND_COLUMNS, Column("no_submission", "零报送", "bool"),
        unit_note="单位：条",
    )


REWARDS = spec(Column("name", "姓名（单位）"), Column("kind", "类型"), Column("unit", "所在单位"),
               Column("items", "采用信息（条）", "count"), Column("amount", "金额（元）", "money"))

REWARD_LINES = spec(
    Column("item", "序", "count"), Column("item_no", "编号"), Column("title", "信息标题", "long"),
    Column("beneficiary", "受奖人"), Column("kind", "类型"), Column("tier", "采用层级"), Column("base", "基数（元）", "money"),
    Column("multiplier", "批示倍数", "number"), Column("share", "份额", "number"), Column("amount", "金额（元）", "money"),
)

INSTRUCTIONS = spec(
    Column("item_no", "编号"), Column("title", "信息标题", "long"), Column("authors", "作者"), Column("unit", "报送单位"),
    Column("leader", "批示领导"), Column("level", "领导级别"), Column("date", "批示日期", "date"),
    Column("text", "批示内容", "long"), Column("follow_up", "落实情况", "long"),
    # 督办 like a 提案 (L33): the department it went to, when, by when, its reply and the feedback.
    Column("department", "承办单位"), Column("assigned", "交办日期", "date"), Column("due", "办理时限", "date"),
    Column("replied", "办复日期", "date"), Column("reply", "办复情况", "long"), Column("fed_back", "反馈日期", "date"),
    Column("status", "办理状态"), Column("overdue", "逾期", "bool"), Column("late", "逾期办复", "bool"),
    Column("days_open", "已办天数", "count"),
    # A 批示 of an earlier period still open when this one began (compute.instructions: ``carried``).
    Column("carried", "往期结转", "bool"),
    Column("warning", "提示", "long"),
)

ADOPTIONS = spec(
    Column("item_no", "编号"), Column("title", "信息标题", "long"), Column("authors", "作者"), Column("unit", "报送单位"),
    Column("tier", "采用层级"), Column("body", "采用单位/刊物"), Column("issue_no", "期号", "count"), Column("date", "采用日期", "date"),
)

MONTHLY = spec(Column("month", "月份"), Column("submitted", "报送", "count"),
               Column("adopted", "首次采用", "count"), unit_note="单位：条")

BEHIND_UNITS = spec(Column("unit", "单位"), Column("peer_group", "类别"), Column("submitted", "报送", "count"),
                    Column("quota", "任务", "number"), Column("completion", "完成率", "pct"),
                    Column("adopted_quota", "采用任务", "number"), Column("adopted_completion", "采用完成率", "pct"),
                    Column("shortfall", "未完成情况", "long"))
BEHIND_PEOPLE = spec(Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"),
                     Column("submitted", "报送", "count"), Column("quota", "任务", "number"),
                     Column("completion", "完成率", "pct"), Column("shortfall", "未完成情况", "long"))
ZERO_UNITS = spec(Column("unit", "单位"), Column("peer_group", "类别"))

# The roll-up's own tables.
MISSING = spec(Column("office", "政协"), Column("office_level", "层级"), Column("peer_group", "类别"),
               Column("read_status", "读取情况"), Column("reason", "原因", "long"))
FORWARDED = spec(
    Column("lower_office", "下级政协"), Column("lower_item", "下级序", "count"), Column("higher_office", "本级(上级)政协"),
    Column("higher_item", "本级序", "count"), Column("how", "比对方式"), Column("days", "相差天数", "count"),
    Column("title", "信息标题", "long"), Column("lower_place", "下级台账位置", "long"),
    Column("higher_place", "本级台账位置", "long"),
)
UNCERTAIN = spec(Column("higher_office", "本级(上级)政协"), Column("higher_item", "本级序", "count"),
                 Column("title", "信息标题", "long"), Column("higher_place", "本级台账位置", "long"),
                 Column("candidates", "可能对应的信息", "long"), Column("reason", "原因", "long"))


def units_by_period(period_word: str, unit_word: str, ytd: str = "年度累计", with_quota: bool = True,
                    same: bool = False) -> TableSpec:
    """The circular's units table: the period's and the year-to-date (``ytd``: 年度累计 or 全年) figures
    side by side; only the latter when the period is its own year to date (``same``).

    Keys are the two-level columns of ``QuarterlyCircular.units_by_period()``. The quota columns
    are left out when no unit has a quota (a roll-up of offices without quotas)."""
    figures = [("submitted", "报送"), ("adopted", "采用"), ("instructed", "批示")]
    columns = [Column(("", "unit"), unit_word), Column(("", "peer_group"), "类别")]
    if not same:
        columns += [Column((period_word, k), label, "count", period_word) for k, label in figures]
    columns += [Column(("年度累计", k), label, "count", ytd) for k, label in figures]
    columns += [Column(("年度累计", "forwarded"), "上报", "count", ytd),
                Column(("年度累计", "forwarded_adopted"), "上报被采用", "count", ytd)]
    columns += [Column(("年度累计", "points"), "积分", "count", ytd), Column(("年度累计", "rank"), "排名", "count", ytd)]
    if with_quota:
        columns += [Column(("年度累计", "quota"), "任务", "number", ytd), Column(("年度累计", "completion"), "完成率", "pct", ytd),
                    Column(("年度累计", "adopted_quota"), "采用任务", "number", ytd),
                    Column(("年度累计", "adopted_completion"), "采用完成率", "pct", ytd)]
    return spec(columns, unit_note="单位：条、件", merge_runs=[("", "peer_group")])


# Commendation lists (a grade column only shows where a grade was given: the table then has it).
GRADE = Column("grade", "奖项等次")
COMMENDED_UNITS = spec(Column("peer_group", "类别"), Column("place", "名次", "count"), Column("unit", "单位"),
                       Column("points", "积分", "count"), Column("submitted", "报送", "count"),
                       Column("adopted", "采用", "count"), GRADE, merge_runs=["peer_group"])
INFORMANTS = spec(Column("place", "名次", "count"), Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"),
                  Column("submitted", "报送", "count"), Column("adopted", "采用", "count"), Column("score", "积分", "count"),
                  GRADE)
TOP_ITEMS = spec(Column("place", "名次", "count"), Column("title", "信息标题", "long"), Column("author_text", "作者"),
                 Column("unit", "报送单位"), Column("tier", "最高采用层级"), Column("instructions", "领导批示（件）", "count"),
                 Column("adoptions", "采用次数", "count"), Column("date", "报送日期", "date"), GRADE)
GOOD_ITEMS = spec(Column("title", "信息标题", "long"), Column("author_text", "作者"), Column("unit", "报送单位"),
                  Column("follow_up", "落实情况", "long"), GRADE)
WORKERS = spec(Column("place", "名次", "count"), Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"), GRADE)

# The candidates workbook staff confirm in: per category, the candidate's figures, then its 评选依据,
# whether the figures suggest it, the grade (where the rules define grades) and 确认. The naming
# columns keep the labels ``read.confirmed`` looks for (单位, 姓名, 编号, 信息标题, 确认, 奖项等次).
_CHOICE = (Column("basis_text", "评选依据", "long"), Column("suggested", "建议"), GRADE, Column("confirm", "确认"))
CANDIDATES = {
    "先进集体": spec(*COMMENDED_UNITS.without("grade"), *_CHOICE),
    "优秀信息员": spec(*INFORMANTS.without("grade"), *_CHOICE),
    "十佳信息": spec(Column("place", "名次", "count"), Column("item_no", "编号"), Column("title", "信息标题", "long"),
                     Column("author_text", "作者"), Column("unit", "报送单位"), Column("tier", "最高采用层级"),
                     Column("instructions", "领导批示（件）", "count"), Column("adoptions", "采用次数", "count"), *_CHOICE),
    "好信息": spec(Column("place", "名次", "count"), Column("item_no", "编号"), Column("title", "信息标题", "long"),
                   Column("author_text", "作者"), Column("unit", "报送单位"), Column("leaders", "批示领导"),
                   Column("follow_up", "落实情况", "long"), *_CHOICE),
    "先进工作者": spec(*WORKERS.without("grade"), *_CHOICE),
}


def basis(tiers: Iterable[str]) -> TableSpec:
    """评选依据: every person with the reason they are or are not eligible."""
    return spec(
        Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"), Column("appointed_on", "聘任日期", "date"),
        Column("ended_on", "离任日期", "date"), Column("submitted", "报送", "count"), Column("adopted", "采用", "count"),
        tier_columns(tiers), Column("instructed", "获批示", "count"), Column("score", "积分", "count"),
        Column("eligible", "是否符合", "bool"),
        Column("reason", "说明", "long"),
    )


PAYOUT = spec(Column("no", "序号", "count"), Column("name", "姓名（单位）"), Column("kind", "类型"),
              Column("unit", "所在单位"), Column("items", "采用信息（条）", "count"), Column("awards", "表彰项目"),
              Column("reward", "稿酬（元）", "money"), Column("prize", "表彰奖金（元）", "money"),
              Column("amount", "金额（元）", "money"), Column("sign", "签字"))


# ---------------------------------------------------------------- the figures of a summary

@dataclass(frozen=True)
class Figure:
    """One figure of a :class:`~sqmy_lib.compute.summary.Summary` (a row of 概况 and ``compute summary``):
    its label, its path into ``Summary.to_dict()``, its kind; ``breakdown`` rows are a 其中 of the row above."""

    label: str
    path: tuple
    kind: str = "count"
    breakdown: bool = False

    def of(self, figures: dict | None):
        for key in self.path:
            figures = figures.get(key) if isinstance(figures, dict) else None
        return figures


def summary_figures(tiers: Iterable[str], levels: Iterable[str], figures: dict | None = None) -> list[Figure]:
    """The office's key figures, in the order a circular states them. With ``figures`` (a
    ``Summary.to_dict()``) also the ones it breaks down by name: 上报 by target tier, adoptions by
    channel and the office's products (专报/转报/转送), when the summary has them."""
    figures = figures or {}
    forwarded = list(figures.get("forwarded") or {})
    return [
        Figure("报送信息（条）", ("submitted",)), Figure("本级编发（条）", ("published",)),
        Figure("编发期数（期）", ("issues",)), Figure("被采用信息（条）", ("adopted",)),
        *[Figure(f"{t}采用（条）", ("adopted_by_tier", t), breakdown=True) for t in tiers],
        Figure("采用率", ("adoption_rate",), "pct"),
        Figure("领导批示（件）", ("instructions",)),
        *[Figure(f"{lvl}领导批示（件）", ("instructions_by_level", lvl), breakdown=True) for lvl in levels],
        Figure("获批示信息（条）", ("instructed_items",)),
        Figure("报送信息的委员（人）", ("participation", "members_with_items")),
        Figure("委员总数（人）", ("participation", "members")),
        Figure("委员参与率", ("participation", "rate"), "pct"),
        *([Figure("上报上级信息（条）", ("forwarded_total",))] if forwarded else []),
        *[Figure(f"报送{t}（条）", ("forwarded", t), breakdown=True) for t in forwarded],
        *([Figure("上报被上级采用（条）", ("forwarded_adopted",)), Figure("上级采用率", ("upper_adoption_rate",), "pct")]
          if forwarded else []),
        *[Figure(f"{ch}渠道采用（条）", ("adopted_by_channel", ch)) for ch in figures.get("adopted_by_channel") or {}],
        *[Figure(f"{r}（条）", ("routing", r)) for r in figures.get("routing") or {}],
    ]


def figure_table(figures: list[Figure], periods: dict[str, dict]):
    """(table, spec, row kinds): 项目 | one column per period (name → ``Summary.to_dict()``). A row's
    kind (count or pct) applies to its figures in every period column."""
    import pandas as pd

    periods = {name: {**d, "forwarded_total": sum((d.get("forwarded") or {}).values())} for name, d in periods.items()}
    figures = [f for f in figures if any(f.of(d) is not None for d in periods.values())]  # none in any period: no row
    table = pd.DataFrame({"项目": [f.label for f in figures],
                          **{name: pd.Series([f.of(d) for f in figures], dtype=object) for name, d in periods.items()}})
    return table, spec(Column("项目", "项目"), *[Column(name, name, "count") for name in periods]), [f.kind for f in figures]

