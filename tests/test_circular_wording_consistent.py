"""The circular says no sentence a secretary would have to edit before sending it: no unit praised as
先进典型 and listed as behind its 任务 in the same circular; the three counts of 上级采用 each say
what they count; the year-on-year change of 报送 said once; 均未被采用 with its cut-off.

Every workbook is written by hand here, every cell of it accounted for, and every sentence expected
is worked out by hand from its rows (points: 1 a submission, 县级 3, 市级 10, 省级 20; 民主党派
任务 3 a quarter from January, judged at each quarter's end).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.circular_text import (_feature_growth, _feature_higher, _feature_leaders, _problem_quality,
                                           _problem_quota, circular_gongwen)
from sqmy_lib.render.document import Issuing
from conftest import assert_every_cell_accounted, write_xlsx

PARTIES = [["单位名称", "单位类型"], ["民进县委", "民主党派"], ["民盟县委", "民主党派"], ["民革县委", "民主党派"]]


def _ledger(tmp_path: Path, sheets: dict[str, list[list]], year: int = 2025):
    path = write_xlsx(tmp_path / "台账.xlsx", sheets)
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": PARTIES})
    ledger, _ = assert_every_cell_accounted(path, rules=sq.load_rules(year=year), year=year, roster=roster)
    return ledger


def _text(circ) -> str:
    rules = sq.load_rules(year=2025)
    return circular_gongwen(circ, Issuing.from_rules(rules, "circular", circ.office, 2025, date=dt.date(2026, 1, 8))).text()


# ---------------------------------------------------------------- 1. praised and blamed

def _praise_rows() -> list[list]:
    """民进县委: 3 items a quarter (12, its 任务 met every quarter), one of Q2 taken up by the 市政协:
    1—9月 9 + 10 = 19 points, Q3 3, the year 12 + 10 = 22, Q4 3. 民盟县委: 4 items in Q3, two in the
    县政协's bulletin (Q3 4 + 6 = 10 points), 2 in Q4, both in it (Q4 2 + 6 = 8; the year 6 + 12 = 18):
    4 of 9 by September, 6 of 12 by December, behind both times. 民革县委: nothing (behind too)."""
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]]
    for q, month in enumerate((1, 4, 7, 10)):
        for k in range(3):
            rows.append([f"J{q}{k}", f"2025-{month:02d}-{k + 3:02d}", f"关于民进第{q}{k}号问题的建议", "民进县委", "民进县委",
                         "市政协采用" if (q, k) == (1, 0) else None])
    for k in range(4):
        rows.append([f"M{k}", f"2025-08-{k + 3:02d}", f"关于民盟第{k}号问题的建议", "民盟县委", "民盟县委", "县政协编发" if k < 2 else None])
    for k in range(2):
        rows.append([f"N{k}", f"2025-11-{k + 3:02d}", f"关于民盟第{k + 4}号问题的建议", "民盟县委", "民盟县委", "县政协编发"])
    return rows


def test_a_quarters_first_behind_its_task_is_no_example(tmp_path):
    """Q3: 民盟县委 first of the quarter (10 points to 民进's 3) and 4 of its 9 by September: it was
    praised in 二、主要特点 and listed in 三、存在的问题. Now the 民主党派 have no 先进典型 (their first is
    behind), and the list still names 民盟县委."""
    circ = build_circular(_ledger(tmp_path, {"2025年": _praise_rows()}), 2025, 3, today=dt.date(2025, 10, 9))
    q3 = circ.units.set_index("unit")
    assert (q3.at["民盟县委", "points"], q3.at["民盟县委", "rank"], q3.at["民进县委", "points"]) == (10, 1, 3)
    assert _feature_leaders(circ, {}) is None
    _, quota = _problem_quota(circ, {})
    assert "民盟县委（报送4条，任务9条）" in quota
    assert "先进典型" not in _text(circ)


def test_the_years_circular_praises_the_years_first(tmp_path):
    """Q4: 民盟县委 first of the quarter (8 points to 民进's 3), 6 of its 12 for the year: praised on
    the quarter's points and listed as not finishing its year. The fourth quarter's circular judges
    by the year its 任务 are of: 民进县委 first of the year (22 points to 18), its 12 of 12 done."""
    circ = build_circular(_ledger(tmp_path, {"2025年": _praise_rows()}), 2025, 4, today=dt.date(2026, 1, 8))
    assert circ.units.set_index("unit").at["民盟县委", "rank"] == 1
    assert _feature_leaders(circ, {}) == ("先进典型示范带动作用明显。",
                                          "民进县委全年报送信息12条、被采用1条、得22分，积分居民主党派首位。")
    _, quota = _problem_quota(circ, {})
    assert quota.startswith("截至12月底，民盟县委（报送6条，任务12条）未完成年度任务；")
    text = _text(circ)
    assert "民盟县委本季度报送信息" not in text and text.count("先进典型") == 1


# ---------------------------------------------------------------- 2. three counts of 上级采用

def test_the_counts_of_upper_adoptions_say_what_they_count(tmp_path):
    """Q3, by hand: 甲 (received in June) taken up by the 市政协 on 20 August; 乙 by the 市政协 (20 July)
    and the 省政协 (10 August); 丙 by the 市政协 (25 July); ten more items, none adopted. 基本情况:
    12 received, 3 adopted (2 of them received in Q3: 2 ÷ 12 = 16.7%), 省政协 1 + 市政协 3 = 4 for 3
    items (乙 in both). 主要特点: 3 items above the 县, 2 of them received in Q3. 存在的问题: of the 12,
    2 above (16.7%, below the shipped 20%). It said "采用率16.7%，其中被省政协采用1条、被市政协采用3条",
    "共有3条信息被上级采用" and "被上级采用的仅2条" with nothing saying why 4, 3 and 2."""
    head = ["序号", "收稿日期", "信息标题", "作者", "单位", "市政协", "市政协采用时间", "省政协", "省政协采用时间"]
    rows = [head,
            [1, "2025-06-10", "关于甲的建议", "张三", "民盟县委", "√", "2025-08-20", None, None],
            [2, "2025-07-01", "关于乙的建议", "李四", "民盟县委", "√", "2025-07-20", "√", "2025-08-10"],
            [3, "2025-07-05", "关于丙的建议", "王五", "民进县委", "√", "2025-07-25", None, None]]
    rows += [[k, f"2025-09-{k:02d}", f"关于第{k}个问题的建议", "赵六", "民进县委", None, None, None, None] for k in range(4, 14)]
    circ = build_circular(_ledger(tmp_path, {"2025年": rows}), 2025, 3, today=dt.date(2025, 10, 9))
    assert circ.statistics_text == ("2025年第三季度，共收到社情民意信息12条；共有3条信息被采用（其中本期收到的2条），采用率16.7%；"
                                    "被省政协采用1条、被市政协采用3条，同一条信息被多级采用的在各级分别计算。")
    lead, text = _feature_higher(circ, {})
    assert text.startswith("本季度共有3条信息被上级采用（含本季度报送的2条）：《关于乙的建议》（李四，民盟县委）被省政协采用；")
    assert _problem_quality(circ, {}) == ("信息质量有待提高。", "截至9月底，本季度报送的12条信息中，被上级采用的仅2条，占16.7%。")


# ---------------------------------------------------------------- 3. the year-on-year change said once

def _growth_sheets(adopted_2025: int) -> dict[str, list[list]]:
    """Q3 2024: 2 items, 1 in the 县政协's bulletin (and one in March: 1—9月 3 to 3, 持平). Q3 2025:
    3 items, ``adopted_2025`` in it."""
    head = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
    last = [head, [1, "2024-07-03", "关于去年甲的建议", "张三", "民盟县委", "县政协编发"],
            [2, "2024-08-03", "关于去年乙的建议", "张三", "民盟县委", None],
            [3, "2024-03-03", "关于去年丙的建议", "张三", "民盟县委", None]]
    this = [head] + [[k, f"2025-07-{k + 2:02d}", f"关于今年第{k}个问题的建议", "李四", "民进县委",
                      "县政协编发" if k <= adopted_2025 else None] for k in (1, 2, 3)]
    return {"2024年": last, "2025年": this}


def test_the_growth_of_submissions_is_said_once(tmp_path):
    """3 items to 2 a year before: 基本情况 says 比上年同期增加1条、增长50%; 主要特点 said it again word
    for word (本季度报送信息3条，比上年同期增长50%). Now it says the adoptions' change, which no other
    sentence says (2 to 1: 增加1条、增长100%), and nothing when only the submissions grew."""
    circ = build_circular(_ledger(tmp_path, _growth_sheets(2)), 2025, 3, today=dt.date(2025, 10, 9))
    assert "共收到社情民意信息3条，比上年同期增加1条、增长50%；" in circ.statistics_text
    assert _feature_growth(circ, {}) == ("报送和采用数量同步增长。", "在报送量比上年同期增长的同时，本季度被采用信息比上年同期增加1条、增长100%。")
    assert _text(circ).count("增长50%") == 1
    flat = build_circular(_ledger(tmp_path, _growth_sheets(1)), 2025, 3, today=dt.date(2025, 10, 9))
    assert flat.summary.change["submitted"] == 1 and flat.summary.change["adopted"] == 0
    assert _feature_growth(flat, {}) is None and _text(flat).count("增长50%") == 1


# ---------------------------------------------------------------- 4. 均未被采用 as of the period's end

def test_never_adopted_is_said_as_of_the_periods_end(tmp_path):
    """民革县委's one Q3 item was taken up by the 市政协 on 8 October, the day before the circular:
    "本季度民革县委报送的信息均未被采用" was false when sent. By hand: Q3 2 items, 民盟's taken up by
    the 市政协 in September (1 of 2 above: 50%, no low share), 民革's adopted in no day of Q3."""
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位", "市政协", "市政协采用时间"],
            [1, "2025-09-01", "关于甲的建议", "张三", "民盟县委", "√", "2025-09-20"],
            [2, "2025-09-10", "关于乙的建议", "李四", "民革县委", "√", "2025-10-08"]]
    circ = build_circular(_ledger(tmp_path, {"2025年": rows}), 2025, 3, today=dt.date(2025, 10, 9))
    assert list(circ.units_without_adoption()["unit"]) == ["民革县委"]
    assert _problem_quality(circ, {}) == ("信息质量有待提高。", "截至9月底，民革县委本季度报送的信息均未被采用。")
