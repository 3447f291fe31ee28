"""What a circular says of a period is of that period: the units whose items of the quarter were none
adopted, a unit not yet set up (or gone) never 未报送, last year compared only where its ledgers reach,
and a 批示 still open when the year began tracked on into it.

Every workbook is written by hand here, every cell of it accounted for, and every figure and sentence
expected is worked out by hand from its rows (rules 2025: 民主党派 任务 3 a quarter, 界别组 2 a quarter;
points 1 a submission, 县级 3)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.compute.instructions import instructions
from sqmy_lib.period import Period
from sqmy_lib.render.circular_text import (_instructions_attachment, _problem_balance, _problem_instructions,
                                           _problem_quality, circular_gongwen)
from sqmy_lib.render.document import Issuing
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

D = dt.date
HEAD = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"]
DUBAN = [*HEAD, "批示领导", "批示日期", "办理时限", "落实情况"]


def _ledger(tmp_path: Path, books: dict[str, dict[str, list[list]]], units: list[list], year: int = 2025):
    paths = [write_xlsx(tmp_path / name, sheets) for name, sheets in books.items()]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型", "成立时间", "撤销时间"], *units]})
    ledger, _ = assert_every_cell_accounted(paths, rules=sq.load_rules(year=year), year=year, roster=roster)
    return ledger


def _issuing(circ) -> Issuing:
    return Issuing.from_rules(sq.load_rules(year=circ.period.year), "circular", circ.office, circ.period.year,
                              date=(circ.period.end + pd.Timedelta(days=8)).date())


# ---------------------------------------------------------------- 1. 均未被采用: the quarter's own items

def test_units_whose_quarter_items_were_none_adopted_are_named(tmp_path):
    """教育界别组 sent 2025-01 on 30 September (in the 县政协's bulletin on 9 October) and 2025-02 on 20
    October, never adopted; 民盟县委 sent 2025-03 in November, never adopted; 民进县委 sent 2025-04 in
    November, in the bulletin in December. Q4 said "民盟县委本季度报送的信息均未被采用" alone: 教育界别组
    had an adoption in Q4 (of its Q3 item). By hand: of Q4's items (02, 03, 04), 教育界别组's and
    民盟县委's were none adopted by 31 December; 民进县委's was. 1 of 3 taken up above the 县: none
    (the bulletin is the 县's own), so the quarter's share is said too."""
    rows = [HEAD,
            ["2025-01", D(2025, 9, 30), "关于国庆假期景区客流管理的建议", "教育界别组", "教育界别组", D(2025, 10, 9)],
            ["2025-02", D(2025, 10, 20), "关于推进老年助餐服务的建议", "教育界别组", "教育界别组", None],
            ["2025-03", D(2025, 11, 3), "关于城市内涝治理的建议", "民盟县委", "民盟县委", None],
            ["2025-04", D(2025, 11, 5), "关于社区养老服务的建议", "民进县委", "民进县委", D(2025, 12, 1)]]
    units = [["民盟县委", "民主党派"], ["民进县委", "民主党派"], ["教育界别组", "界别组"]]
    circ = build_circular(_ledger(tmp_path, {"2025年台账.xlsx": {"2025年": rows}}, units), 2025, 4)
    q4 = circ.units.set_index("unit")
    assert q4.loc["教育界别组", ["submitted", "adopted"]].tolist() == [1, 1]  # the adoption is 2025-01's, of Q3
    assert sorted(circ.units_without_adoption()["unit"]) == ["教育界别组", "民盟县委"]
    lead, text = _problem_quality(circ, {})
    assert lead == "信息质量有待提高。"
    assert text == "截至12月底，本季度报送的信息没有被上级采用；民盟县委、教育界别组本季度报送的信息均未被采用。"


# ---------------------------------------------------------------- 2. a unit not there in the period

def test_a_unit_set_up_later_or_gone_is_not_said_to_have_sent_nothing(tmp_path):
    """九三学社县委 was set up in August (成立时间 2025年8月), 民革县委 was dissolved in March (撤销时间
    2025年3月). Q1 named 九三学社县委 "本季度未报送信息" and marked it 零报送, 名次 未报送, its 任务 0.
    By hand: Q1 民盟县委 sent 2 (第1名), 民革县委 none (未报送: it was there), 九三学社县委 尚未成立;
    Q2 民盟县委 none (未报送), 九三学社县委 尚未成立, 民革县委 已撤销; Q3 九三学社县委 sent 1 (第1名)."""
    rows = [HEAD,
            ["2025-01", D(2025, 2, 20), "关于优化营商环境的建议", "民盟县委", "民盟县委", D(2025, 3, 1)],
            ["2025-02", D(2025, 3, 5), "关于加强校园周边交通安全的建议", "民盟县委", "民盟县委", None],
            ["2025-03", D(2025, 9, 5), "关于促进科技成果转化的建议", "九三学社县委", "九三学社县委", None]]
    units = [["民盟县委", "民主党派"], ["九三学社县委", "民主党派", "2025年8月"], ["民革县委", "民主党派", None, "2025年3月"]]
    ledger = _ledger(tmp_path, {"2025年台账.xlsx": {"2025年": rows}}, units)
    said = {}
    for q in (1, 2, 3):
        table = sq.units(ledger, Period.of(2025, quarter=q)).set_index("unit")
        said[q] = {u: (table.at[u, "rank_text"], bool(table.at[u, "no_submission"])) for u in table.index}
    assert said[1] == {"民盟县委": ("第1名", False), "九三学社县委": ("尚未成立", False), "民革县委": ("未报送", True)}
    assert said[2] == {"民盟县委": ("未报送", True), "九三学社县委": ("尚未成立", False), "民革县委": ("已撤销", False)}
    assert said[3] == {"九三学社县委": ("第1名", False), "民盟县委": ("未报送", True), "民革县委": ("已撤销", False)}
    q1 = build_circular(ledger, 2025, 1)
    assert list(q1.zero_units["unit"]) == ["民革县委"]
    assert _problem_balance(q1, {}) == ("工作开展不够平衡。", "民革县委本季度未报送信息。")
    q2 = build_circular(ledger, 2025, 2)
    assert _problem_balance(q2, {}) == ("工作开展不够平衡。", "民盟县委本季度未报送信息。")
    assert "九三学社县委本季度未报送" not in circular_gongwen(q2, _issuing(q2)).text()


# ---------------------------------------------------------------- 3. 比上年 only where last year's ledgers reach

def _two_years(tmp_path: Path, last_year: dict[str, list[list]]):
    u = "民盟县委"
    this = {"一季度": [HEAD, *[[f"2025-0{k}", day, f"关于今年第{k}个问题的建议", u, u, None]
                               for k, day in enumerate([D(2025, 1, 15), D(2025, 2, 20), D(2025, 3, 5)], 1)]],
            "四季度": [HEAD, ["2025-04", D(2025, 10, 5), "关于冬季取暖安全隐患排查的建议", u, u, None]]}
    return _ledger(tmp_path, {"2024年台账.xlsx": last_year, "2025年台账.xlsx": this}, [[u, "民主党派"]])


def test_last_year_is_compared_only_in_the_months_its_ledger_covers(tmp_path):
    """Last year's book is its 四季度 sheet alone (2 items, November and December). The 2025 Q1 circular
    said "比上年同期增加3条" against a first quarter no ledger holds, the year "增长400%" against two
    months. By hand: Q1 and the year are not compared (no sheet of 2024 covers January to March);
    Q4 is: 1 against 2, 比上年同期减少1条、下降50%."""
    u = "民盟县委"
    last = [HEAD, ["2024-01", D(2024, 11, 5), "关于老旧小区加装电梯的建议", u, u, None],
            ["2024-02", D(2024, 12, 10), "关于农贸市场升级改造的建议", u, u, None]]
    ledger = _two_years(tmp_path, {"四季度": last})
    q1 = build_circular(ledger, 2025, 1)
    assert q1.summary.previous is None and q1.summary.change is None
    assert q1.statistics_text == "2025年第一季度，共收到社情民意信息3条。"
    assert "比上年" not in circular_gongwen(q1, _issuing(q1)).text()
    assert sq.summary(ledger, Period.of(2025)).change is None
    q4 = sq.summary(ledger, Period.of(2025, quarter=4))
    assert (q4.previous["submitted"], q4.change["submitted"]) == (2, -1)
    assert build_circular(ledger, 2025, 4).statistics_text == "2025年第四季度，共收到社情民意信息1条，比上年同期减少1条、下降50%。"
    # The same 2 items on one sheet for the year (2024年): that sheet is the year's ledger, so Q1 is
    # compared (0 a year before: 比上年同期增加3条, no rate from 0), as before.
    (tmp_path / "year").mkdir()
    ledger = _two_years(tmp_path / "year", {"2024年": [["2024年度社情民意信息台账"], *last]})
    assert build_circular(ledger, 2025, 1).statistics_text == "2025年第一季度，共收到社情民意信息3条，比上年同期增加3条。"
