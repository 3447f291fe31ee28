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
