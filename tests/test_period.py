"""``Period.parse``: every form an analyst or a file writes a period in, and what it refuses."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sqmy_lib as sq
from sqmy_lib.period import Period


@pytest.mark.parametrize("value, first, last, label", [
    (pd.Period("2025Q3"), 7, 9, "2025年第三季度"),
    ("2025Q3", 7, 9, "2025年第三季度"),
    ("2025-q1", 1, 3, "2025年第一季度"),
    ("2025-03", 3, 3, "2025年3月"),
    ("2025M3", 3, 3, "2025年3月"),
    (pd.Period("2025-03", "M"), 3, 3, "2025年3月"),
    ("2025", 1, 12, "2025年"),
    (2025, 1, 12, "2025年"),
    (pd.Period("2025", "Y"), 1, 12, "2025年"),
    ("2025H2", 7, 12, "2025年下半年"),
    (Period(2025, 4, 6), 4, 6, "2025年第二季度"),
])
def test_parse(value, first, last, label):
    period = Period.parse(value)
    assert (period.year, period.first_month, period.last_month, period.label) == (2025, first, last, label)
    assert Period.parse(period.key) == period


@pytest.mark.parametrize("value", ["2025Q5", "20253", "2025-13", "三季度", pd.Period("2025-03-01", "D"), True, 2025.0, None])
def test_parse_refuses(value):
    with pytest.raises(ValueError):
        Period.parse(value)


def test_computations_take_any_form():
    ledger = sq.read_ledgers([Path(__file__).resolve().parents[1] / "workbooks/demo/2025年社情民意信息报送采用登记表.xlsx"])
    forms = [sq.summary(ledger, p).submitted for p in (Period.of(2025, quarter=3), "2025Q3", pd.Period("2025Q3"))]
    assert len(set(forms)) == 1


def test_a_year_from_a_table_is_a_period_and_bad_months_are_said_in_chinese(tmp_path):
    import numpy as np

    from conftest import write_xlsx

    # Three items of 2025, one of them in the third quarter: a year taken from the table (a numpy
    # integer) counts all three, like 2025 itself.
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, "2025-02-03", "关于甲的建议", "张三", "民盟县委"],
            [2, "2025-05-06", "关于乙的建议", "张三", "民盟县委"],
            [3, "2025-08-09", "关于丙的建议", "李四", "民盟县委"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": rows}))
    year = ledger.submissions["date"].dt.year.max()
    assert isinstance(year, np.integer)
    assert sq.summary(ledger, year).submitted == 3 and sq.summary(ledger, np.int64(2025)).submitted == 3
    assert Period.parse(np.int64(2025)) == Period(2025) and type(Period(np.int64(2025)).year) is int
    assert sq.summary(ledger, Period(2025, np.int64(7), np.int64(9))).submitted == 1
    # Months out of order or out of 1–12: refused, in Chinese, naming them (9–3 was 2025年9–3月, 0s).
    with pytest.raises(ValueError, match="起始月份9晚于结束月份3"):
        sq.summary(ledger, Period(2025, 9, 3))
    with pytest.raises(ValueError, match="月份应为1–12,实为14"):
        Period(2025, 10, 14)
    with pytest.raises(ValueError, match="实为0、13"):
        Period(2025, 0, 13)
