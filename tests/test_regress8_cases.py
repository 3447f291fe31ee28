"""Today's new readings checked against ordinary ledger cells they could read wrong (false positives).

A 督办 ledger keeps a 督办状态 column (已办结, 督办中, 已反馈) beside its 落实情况 column (区卫健局已于4月10日
书面反馈，问题已解决). Today 督办状态 became a 落实情况 label; with both columns, the first took the
follow-up and the other was set aside as a duplicate (header.duplicate, “请合并为一列”): with 督办状态 first,
the 落实情况 column and the reply days it writes (4月10日, 5月6日) were lost. Now the status column is read as
a 是否办结 column is, into the follow-up with the 落实情况, whichever comes first.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest


from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

D = dt.date
FOLLOW = ["区卫健局已于4月10日书面反馈，问题已解决", "区住建局正在办理", "已于5月6日书面答复"]
STATUS = ["已办结", "督办中", "已反馈"]


@pytest.mark.parametrize("status_first", [True, False])
def test_duban_status_beside_follow_up(tmp_path, status_first):
    pair = ["督办状态", "落实情况"] if status_first else ["落实情况", "督办状态"]
    rows = [["东湖区政协2026年社情民意信息报送采用登记表"],
            ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示日期", *pair, "备注"]]
    for i, (status, follow) in enumerate(zip(STATUS, FOLLOW), 1):
        cells = [status, follow] if status_first else [follow, status]
        rows.append([i, D(2026, 3, i), f"关于第{i}个问题的建议", "张伟", "民建区委", "市政协采用", "区长王某", D(2026, 3, 20), *cells, None])
    path = write_xlsx(tmp_path / "2026年社情民意信息台账.xlsx", {"2026年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    # By hand: three 批示 by 区长王某, each with both cells read; the 落实情况 days are the reply days:
    # row 1 已于4月10日书面反馈 → 2026-04-10; row 2 正在办理, none; row 3 已于5月6日书面答复 → 2026-05-06.
    ins = ledger.instructions.sort_values("row")
    assert list(ins["leader"]) == ["区长王某"] * 3
    assert list(ins["follow_up"]) == [f"{s}；{f}" for s, f in zip(STATUS, FOLLOW)]
    replied = [None if pd_na(x) else x.date() for x in ins["replied_on"]]
    assert replied == [D(2026, 4, 10), None, D(2026, 5, 6)]
    assert not findings(report, "header.duplicate")


def pd_na(x) -> bool:
    import pandas as pd

    return x is None or pd.isna(x)


def test_unpaid_in_one_tiers_money_column(tmp_path):
    """不计稿酬 in a 市级稿酬 column beside a 省级稿酬 column of 200: the 市级 adoption is not paid, the
    省级 one is. Today's reading unpaid the whole row (张伟 0 yuan)."""
    rows = [["2026年社情民意信息报送台账"], ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "市级稿酬", "省级稿酬", "奖励分", "备注"],
            [1, D(2026, 3, 1), "关于甲的建议", "张伟", "民建区委", "市政协采用；省政协采用", "不计稿酬", 200, None, None],
            [2, D(2026, 3, 2), "关于乙的建议", "李娜", "民盟区委", "市政协采用", 0, None, None, None],
            [3, D(2026, 3, 3), "关于丙的建议", "刘洋", "民进区委", "市政协采用", "已发", None, "不计稿酬", None]]
    path = write_xlsx(tmp_path / "2026年社情民意信息台账.xlsx", {"2026年": rows})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    # By hand, shipped rates (市级 100, 省级 200, the highest tier only): 张伟 市级 unpaid, 省级 paid → 200;
    # 李娜 0 in the 稿酬 column is what was paid, not 不计稿酬 → 100; 刘洋 不计稿酬 in a 奖励分 (score)
    # column unpays nothing → 100.
    assert paid(ledger, 2026) == {"张伟": Decimal("200.00"), "李娜": Decimal("100.00"), "刘洋": Decimal("100.00")}
    assert [(i.row, i.column) for i in findings(report, "adoption.unpaid")] == [(3, "G")]
