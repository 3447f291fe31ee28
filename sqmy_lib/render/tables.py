"""Plain tables for people: Chinese column headers, CSV for Excel, a simple formatted .xlsx.

Text from a ledger is data: xlsxwriter is told never to turn a string that
starts with ``=`` into a formula.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..iorw import atomic_path

COLUMN_ZH = {
    "name": "姓名", "role": "身份", "unit": "单位", "appointed_on": "聘任日期", "submitted": "报送(条)",
    "adopted": "采用(条)", "instructed": "获批示(条)", "quota": "任务(条)", "completion": "完成率", "reward": "稿酬(元)",
    "peer_group": "类别组", "points": "积分", "rank": "组内排名", "adopted_quota": "采用任务(条)",
    "adopted_completion": "采用任务完成率", "no_submission": "零报送", "kind": "类型", "items": "信息(条)",
    "amount": "金额(元)", "amount_fen": "金额(分)", "item": "序", "item_no": "编号", "title": "信息标题",
    "beneficiary": "受奖人", "tier": "采用层级", "base": "基数(元)", "multiplier": "批示倍数", "share": "份额",
    "position": "署名顺序", "authors": "作者", "leader": "批示领导", "level": "领导级别", "date": "日期",
    "text": "批示内容", "follow_up": "落实情况", "status": "办理状态", "days_open": "已办天数",
    "body": "采用单位/刊物", "issue_no": "期号", "month": "月份",
    # roll-up across offices
    "office": "政协", "office_level": "层级", "lower_office": "下级政协", "higher_office": "本级(上级)政协",
    "lower_item": "下级序", "higher_item": "本级序", "how": "比对方式", "days": "相差天数",
    "lower_place": "下级台账位置", "higher_place": "本级台账位置", "candidates": "可能对应的信息", "reason": "原因",
    "read_status": "读取情况",
    # quotas, 督办 and the reviewed commendation (issue 13)
    "ended_on": "离任日期", "missed_months": "未报送月份", "behind": "未完成任务", "shortfall": "差距", "note": "备注",
    "department": "承办单位", "assigned": "交办日期", "due": "办理时限", "replied": "办复日期", "reply": "办复情况",
    "fed_back": "反馈日期", "overdue": "逾期", "warning": "提示", "paid_before": "此前已发(元)", "grade": "奖项等次",
    "basis_text": "评选依据", "suggested": "建议", "prize": "表彰奖金(元)", "awards": "表彰项目",
}
PERCENT_COLUMNS = {"completion", "adopted_completion"}
MONTH_LIST_COLUMNS = {"missed_months"}


def zh_header(column: str) -> str:
    """The Chinese header of a column (``adopted_省级`` → ``省级采用(条)``)."""
    if column.startswith("adopted_") and column not in COLUMN_ZH:
        return f"{column.removeprefix('adopted_')}采用(条)"
    return COLUMN_ZH.get(column, column)


def for_people(df: pd.DataFrame) -> pd.DataFrame:
    """The table as staff read it: Chinese headers, percentages, dates without times, 是/否."""
    out = df.copy()
    for c in out.columns:
        if c in PERCENT_COLUMNS:
            out[c] = out[c].map(lambda v: "—" if v is None or pd.isna(v) else f"{v:.1%}")
        elif c in MONTH_LIST_COLUMNS:
            out[c] = out[c].map(lambda v: "、".join(f"{m}月" for m in v) if isinstance(v, list) else "")
        elif pd.api.types.is_datetime64_any_dtype(out[c]):
            out[c] = out[c].dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_bool_dtype(out[c]):
            out[c] = out[c].map({True: "是", False: "否"})
    return out.rename(columns=zh_header)


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """CSV with a BOM so Excel opens the Chinese correctly."""
    with atomic_path(path) as tmp:
        for_people(df).to_csv(tmp, index=False, encoding="utf-8-sig")
    return Path(path)


def write_xlsx(df: pd.DataFrame, path: str | Path, sheet: str = "结果") -> Path:
    """A single formatted sheet: bold frozen header, widths, money with two decimals."""
    table = for_people(df)
    with atomic_path(path) as tmp:
        with pd.ExcelWriter(tmp, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False}}) as xw:
            money = {zh_header(c) for c in df.columns if len(df) and isinstance(df[c].iloc[0], Decimal)}
            table = table.assign(**{c: table[c].map(float) for c in money})
            table.to_excel(xw, sheet_name=sheet, index=False)
            ws, book = xw.sheets[sheet], xw.book
            ws.freeze_panes(1, 0)
            money_fmt = book.add_format({"num_format": "#,##0.00"})
            for k, c in enumerate(table.columns):
                width = min(max([len(str(c)) * 2] + [len(str(v)) * 2 for v in table[c].head(200)]) + 2, 60)
                ws.set_column(k, k, width, money_fmt if c in money else None)
    return Path(path)
