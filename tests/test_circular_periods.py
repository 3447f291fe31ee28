"""Monthly and half-year circulars (issue 13: periods.circular was a dead key): ``sqmy circular
--month/--half``, the rules' periods.circular choosing the last period ended when none is given,
and a monthly schedule — real notebook runs on a small real ledger."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sqmy_lib.period import Period, last_ended
from sqmy_lib.rules.model import DEFAULTS_DIR
from sqmy_lib.run import read_figures
from sqmy_lib.schedule import load_schedule

from conftest import write_xlsx

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]


def sqmy(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "SQMY_RETRY_BASE": "0.01"}
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("periods")
    rows = [["2025年度社情民意信息台账"], HEADER]
    rows += [[f"M{m}", f"2025-{m:02d}-10", f"关于{m}月的建议", "张三", "民盟县委", "县政协编发" if m % 3 == 0 else None]
             for m in range(1, 13)]
    return write_xlsx(tmp / "台账.xlsx", {"2025年": rows})


def _rules(tmp_path: Path, every: str) -> Path:
    text = (DEFAULTS_DIR / "2025.yaml").read_text(encoding="utf-8")
    path = tmp_path / f"{every}.yaml"
    path.write_text(text.replace("  circular: quarter\n", f"  circular: {every}\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("year,every,today,want", [
    (2025, "month", dt.date(2026, 3, 1), Period(2025, 12, 12)),
    (2026, "month", dt.date(2026, 3, 1), Period(2026, 2, 2)),
    (2026, "half", dt.date(2026, 3, 1), None),
    (2026, "quarter", dt.date(2026, 7, 1), Period(2026, 4, 6)),
    (2026, "half", dt.date(2026, 7, 1), Period(2026, 1, 6)),
])
def test_last_ended(year, every, today, want):
    assert last_ended(year, every, today) == want


def test_half_year_circular(ledger, tmp_path):
    result = sqmy("circular", ledger, "--year", 2025, "--half", 1, "--today", "2026-01-10", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    stem = "2025年上半年社情民意信息通报"
    assert (tmp_path / f"{stem}.docx").is_file() and (tmp_path / f"{stem}.xlsx").is_file()
    figures = read_figures(tmp_path / f"{stem}.ipynb")
    assert figures["period"] == "2025年上半年" and figures["submitted"] == 6 and figures["adopted"] == 2


def test_periods_circular_key_chooses_the_period(ledger, tmp_path):
    """The same command without a period: the shipped rules (quarter) give the fourth quarter,
    rules saying ``circular: month`` give December."""
    quarterly = sqmy("circular", ledger, "--year", 2025, "--today", "2026-01-10", "--out", tmp_path / "q")
    assert quarterly.returncode == 0, quarterly.stderr
    assert (tmp_path / "q" / "2025年第四季度社情民意信息通报.docx").is_file()
    monthly = sqmy("circular", ledger, "--year", 2025, "--rules", _rules(tmp_path, "month"), "--today", "2026-01-10",
                   "--out", tmp_path / "m")
    assert monthly.returncode == 0, monthly.stderr
    stem = "2025年12月社情民意信息通报"
    figures = read_figures(tmp_path / "m" / f"{stem}.ipynb")
    assert figures["period"] == "2025年12月" and figures["submitted"] == 1
    none_yet = sqmy("circular", ledger, "--year", 2026, "--rules", _rules(tmp_path, "half"), "--today", "2026-03-01",
                    "--out", tmp_path / "h")
    assert none_yet.returncode == 2 and "2026年尚无已结束的半年" in none_yet.stderr


def test_monthly_schedule(ledger, tmp_path):
    sched = tmp_path / "schedules"
    sched.mkdir()
    (sched / "monthly.yaml").write_text("\n".join([
        "report: quarterly_circular", 'cron: "0 8 5 * *"', "timezone: Asia/Shanghai", "parameters:",
        '  year: "{last_month.year}"', '  month: "{last_month.month}"', f"ledgers: [{ledger}]",
        "output: out/{period}"]) + "\n", encoding="utf-8")
    schedule = load_schedule(sched / "monthly.yaml")
    params, period, _ = schedule.resolve(dt.datetime(2026, 1, 5, 8, tzinfo=schedule.tz))
    assert (params["year"], params["month"], period) == (2025, 12, Period(2025, 12, 12))
    result = sqmy("schedule", "run", "monthly", "--schedules", sched, "--state", tmp_path / "state",
                  "--now", "2025-12-06T09:00")
    assert result.returncode == 0, result.stderr
    out = sched / "out" / "2025年11月"
    assert (out / "2025年11月社情民意信息通报.docx").is_file()
    assert read_figures(out / "2025年11月社情民意信息通报.ipynb")["period"] == "2025年11月"


def test_a_document_dated_before_its_period_ends_is_warned_of(ledger, tmp_path):
    """``--quarter 4 --date 2025-12-08``: a circular dated three weeks before its quarter ends was
    produced without a word. By hand: the fourth quarter ends on 31 December, so 8 December (and 31
    December itself) is warned of on stderr, in Chinese; 8 January is not. The document is still
    produced. The letters (``sqmy feedback``) alike: the third quarter ends on 30 September."""
    early = sqmy("circular", ledger, "--year", 2025, "--quarter", 4, "--date", "2025-12-08", "--today", "2026-01-10",
                 "--out", tmp_path / "early")
    assert early.returncode == 0, early.stderr
    assert ("提示:通报的成文日期(--date 2025-12-08,2025年12月8日)不晚于2025年第四季度的最后一天(12月31日)"
            in early.stderr), early.stderr
    assert (tmp_path / "early" / "2025年第四季度社情民意信息通报.docx").is_file()
    on_time = sqmy("circular", ledger, "--year", 2025, "--quarter", 4, "--date", "2026-01-08", "--today", "2026-01-10",
                   "--out", tmp_path / "on_time")
    assert on_time.returncode == 0 and "成文日期" not in on_time.stderr, on_time.stderr
    letters = sqmy("feedback", ledger, "--year", 2025, "--quarter", 3, "--date", "2025-09-30", "--today", "2026-01-10",
                   "--out", tmp_path / "letters")
    assert letters.returncode == 0, letters.stderr
    assert "提示:反馈的成文日期(--date 2025-09-30,2025年9月30日)不晚于2025年第三季度的最后一天(9月30日)" in letters.stderr
