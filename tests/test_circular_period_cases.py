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
    assert q1.statistics_text == "2025年第一季度，共收到社情民意信息3条，没有信息被采用。"
    assert "比上年" not in circular_gongwen(q1, _issuing(q1)).text()
    assert sq.summary(ledger, Period.of(2025)).change is None
    q4 = sq.summary(ledger, Period.of(2025, quarter=4))
    assert (q4.previous["submitted"], q4.change["submitted"]) == (2, -1)
    assert build_circular(ledger, 2025, 4).statistics_text == "2025年第四季度，共收到社情民意信息1条，比上年同期减少1条、下降50%，没有信息被采用。"
    # The same 2 items on one sheet for the year (2024年): that sheet is the year's ledger, so Q1 is
    # compared (0 a year before: 比上年同期增加3条, no rate from 0), as before.
    (tmp_path / "year").mkdir()
    ledger = _two_years(tmp_path / "year", {"2024年": [["2024年度社情民意信息台账"], *last]})
    assert build_circular(ledger, 2025, 1).statistics_text == "2025年第一季度，共收到社情民意信息3条，比上年同期增加3条，没有信息被采用。"


# ---------------------------------------------------------------- 4. 批示 open when the year began

def _instructed(tmp_path: Path):
    """2025: 2025-01 批示 by 副县长王某某 on 10 May, 时限 15 July, no 落实情况; 2025-02 by 县委书记钱某某 on
    12 October, 时限 2026年1月15日前, 正在推进; 2025-03 by 县长李某某 on 5 August, 已办结. 2026: 2026-01 by
    副县长赵某某 on 10 February, 已办结."""
    u = "民盟县委"
    last = [DUBAN,
            ["2025-01", D(2025, 5, 6), "关于规范校外培训的建议", u, u, None, "副县长王某某", D(2025, 5, 10), D(2025, 7, 15), None],
            ["2025-02", D(2025, 9, 30), "关于国庆假期景区客流管理的建议", u, u, D(2025, 10, 9), "县委书记钱某某",
             D(2025, 10, 12), "2026年1月15日前", "正在推进"],
            ["2025-03", D(2025, 8, 1), "关于农村饮水安全的建议", u, u, None, "县长李某某", D(2025, 8, 5), None, "已办结"]]
    this = [DUBAN, ["2026-01", D(2026, 1, 5), "关于开学季校园食品安全的建议", u, u, D(2026, 1, 20), "副县长赵某某",
                    D(2026, 2, 10), None, "已办结"]]
    return _ledger(tmp_path, {"2025年台账.xlsx": {"2025年": last}, "2026年台账.xlsx": {"2026年": this}},
                   [[u, "民主党派"]], year=2026)


def test_an_instruction_open_when_the_year_began_is_tracked_into_it(tmp_path):
    """The 2026 Q1 circular had no word of 2025-01 (overdue since 15 July) nor 2025-02 (past its 时限 of 15
    January by 31 March), and `compute instructions --year 2026 --quarter 1` listed 2026-01 alone. By
    hand: both are carried into the 督办 list, overdue, 325 and 170 days open at 31 March; 2025-03 was
    answered before the year (not carried); the quarter's 批示 are still 1件 (2026-01's)."""
    ledger = _instructed(tmp_path)
    q1 = Period.of(2026, quarter=1)
    assert list(instructions(ledger, q1)["item_no"]) == ["2026-01"]  # the period's own, as before
    tracked = instructions(ledger, q1, carried=True)
    assert tracked[["item_no", "status", "overdue", "carried"]].values.tolist() == [
        ["2025-01", "未反馈", True, True], ["2025-02", "办理中", True, True], ["2026-01", "已办结", False, False]]
    assert tracked["days_open"].tolist()[:2] == [325, 170]
    circ = build_circular(ledger, 2026, 1)
    assert circ.summary.instructions == 1
    lead, text = _problem_instructions(circ, {})
    assert text == ("2026年第一季度的领导批示件和以往年度至年初尚未办复的领导批示件中，2件已过办理时限仍未办复"
                    "（其中1件尚无落实情况反馈），且批示后均已超过60天仍未办结。")
    said = _instructions_attachment(circ, _issuing(circ)).blocks[0].text
    assert said.startswith("2026年第一季度共有1条信息获领导批示1件，其中已办结1件。另有以往年度领导批示件中至年初尚未办复的"
                           "2件一并列出，其中未反馈1件、办理中1件；2件已过办理时限仍未办复。")
    shown = sqmy("compute", "instructions", tmp_path, "--year", 2026, "--quarter", 1, "--format", "json")
    assert [(r["item_no"], r["carried"]) for r in json.loads(shown.stdout)] == [
        ("2025-01", True), ("2025-02", True), ("2026-01", False)]
