"""The annual commendation on a small year worked out by hand (domain.md §5): a full tie broken by
the stated rule, an informant appointed in July, every list and the payout to the fen; and the real
notebook through papermill on the demo office."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import sqmy_lib as sq
from sqmy_lib.run import read_figures

from conftest import write_xlsx

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "省政协", "批示领导", "批示日期", "落实情况"]
ROSTER = {
    "人员": [["姓名", "身份", "单位", "聘任日期"],
             ["甲", "委员", "民盟县委", None], ["丙", "委员", "民建县委", None], ["丁", "委员", "民盟县委", None],
             ["乙", "信息员", "城关镇政协工委", "2025-07-01"], ["戊", "特邀信息员", "城关镇政协工委", "2024-01-01"]],
    "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"], ["民建县委", "民主党派"],
             ["城关镇政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"]],
}


def _item(no, date, author, unit, county=False, province=False, leader=None, follow_up=None):
    return [no, date, f"关于{no}的建议", author, unit, "√" if county else None, "√" if province else None,
            leader, "2025-03-01" if leader else None, follow_up]


ROWS = [
    # 甲 and 丙 are alike in every figure: 5 submitted, 3 adopted, score 5 + (省级 20 + 市级批示 10) + 3 + 3 = 41.
    _item("J1", "2025-02-01", "甲", "民盟县委", county=True, province=True, leader="市长刘某", follow_up="已落实,问题得到解决"),
    _item("J2", "2025-02-10", "甲", "民盟县委", county=True), _item("J3", "2025-03-10", "甲", "民盟县委", county=True),
    _item("J4", "2025-04-10", "甲", "民盟县委"), _item("J5", "2025-05-10", "甲", "民盟县委"),
    _item("B1", "2025-02-03", "丙", "民建县委", county=True, province=True, leader="市长刘某", follow_up="正在办理"),
    _item("B2", "2025-02-12", "丙", "民建县委", county=True), _item("B3", "2025-03-12", "丙", "民建县委", county=True),
    _item("B4", "2025-04-12", "丙", "民建县委"), _item("B5", "2025-05-12", "丙", "民建县委"),
    # 乙, appointed in July: one a month from July, three adopted: eligible, score 6 + 9 = 15.
    *[_item(f"Y{m}", f"2025-{m:02d}-05", "乙", "城关镇政协工委", county=m <= 9) for m in range(7, 13)],
    # 丁: 4 submitted (all adopted) — short of 5. 戊: 5 submitted, 2 adopted — short of 3.
    *[_item(f"D{k}", f"2025-0{k}-15", "丁", "民盟县委", county=True) for k in range(1, 5)],
    _item("W1", "2025-01-20", "戊", "城关镇政协工委", county=True), _item("W2", "2025-06-20", "戊", "城关镇政协工委", county=True),
    *[_item(f"W{k}", f"2025-0{k + 4}-25", "戊", "城关镇政协工委") for k in range(3, 6)],
]


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("commend")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *ROWS]})
    write_xlsx(tmp / "名册.xlsx", ROSTER)
    return tmp


@pytest.fixture(scope="module")
def comm(year):
    ledger = sq.read_ledgers(year / "台账.xlsx", roster=year / "名册.xlsx")
    return sq.annual_commendation(ledger, 2025)


def test_outstanding_informants_with_a_tie_and_an_informant_appointed_in_july(comm):
    # 丙 and 甲 tie on score, adopted and submitted: 并列第1名 (listed by name), 乙 third (1, 1, 3).
    assert comm.informants[["place", "name", "score", "submitted", "adopted"]].values.tolist() == [
        [1, "丙", 41, 5, 3], [1, "甲", 41, 5, 3], [3, "乙", 15, 6, 3]]
    assert "仍相同的并列" in comm.tie_breaks["优秀信息员"]
    basis = comm.basis.set_index("name")
    assert basis.at["丁", "reason"] == "报送4条，未达5条" and not basis.at["丁", "eligible"]
    assert basis.at["戊", "reason"] == "采用2条，未达3条"
    assert basis.at["乙", "quota"] == 6 and basis.at["乙", "completion"] == 1.0
    assert len(comm.basis) == 5


def test_units_items_and_good_items(comm):
    # 民盟县委: 9 items + J1 (20 + 10) + J2, J3, D1–D4 (3 each) = 57; 民建县委 41; one per 民主党派.
    # 城关镇: 11 items + 5 县级 adoptions = 26; 河口镇 submitted nothing and is not a candidate.
    # None completed its year's 任务 (commendations.advanced_units.min_completion 100%; quotas.units):
    # 民主党派 3 a quarter, 12 a year: 民盟 9 of 12 = 75%, 民建 5 of 12 = 41.7%; 镇街 3 a month, 36 a year:
    # 城关镇 11 of 36 = 30.6%. So each keeps its place and none is suggested (before the condition,
    # 城关镇 and 民盟县委 were, the first of their groups); the 采用任务 is not judged by default.
    cand = comm.candidates["先进集体"]
    assert cand[["peer_group", "place", "unit", "points", "suggested"]].values.tolist() == [
        ["镇街政协工委", 1, "城关镇政协工委", 26, False], ["民主党派", 1, "民盟县委", 57, False],
        ["民主党派", 2, "民建县委", 41, False]]
    assert list(cand["basis_text"]) == [
        "积分26分（报送11条、采用5条），镇街政协工委第1名；年度任务完成率30.6%，未达100%，不建议表彰",
        "积分57分（报送9条、采用7条），民主党派第1名；年度任务完成率75%，未达100%，不建议表彰",
        "积分41分（报送5条、采用3条），民主党派第2名；年度任务完成率41.7%，未达100%，不建议表彰"]
    assert comm.units.empty
    assert [t.removeprefix("关于").removesuffix("的建议") for t in comm.top_items["title"]] == [
        "J1", "B1", "D1", "W1", "J2", "B2", "D2", "J3", "B3", "D3"]
    assert list(comm.good_items["title"]) == ["关于J1的建议"]


def test_payout_to_the_fen(comm):
    payout = comm.payout.set_index("name")["amount"].to_dict()
    # 省级 200 × 2 (instruction) + 30 + 30 for 甲 and 丙; 30 per 县级 item otherwise.
    assert payout == {"甲": Decimal("460.00"), "丙": Decimal("460.00"), "丁": Decimal("120.00"),
                      "乙": Decimal("90.00"), "戊": Decimal("60.00")}
    assert comm.payout_total == comm.lines_total == Decimal("1190.00")


def test_to_excel_heads_the_lists_in_chinese_as_the_lists_workbook_does(year, tmp_path):
    # The analyst's workbook: the labels of the lists' workbook (render/spec.py), values as values.
    # Its 先进集体 rows are wanted here, so without 先进集体's condition (no unit of this year completed
    # its 任务: test_units_items_and_good_items).
    ledger = sq.read_ledgers(year / "台账.xlsx", roster=year / "名册.xlsx")
    comm = sq.annual_commendation(ledger, 2025, without_unit_condition())
    book = openpyxl.load_workbook(comm.to_excel(tmp_path / "表彰.xlsx"))
    assert book.sheetnames == ["先进集体", "优秀信息员", "十佳信息", "好信息", "先进工作者", "评选依据", "奖励发放表"]
    units = list(book["先进集体"].iter_rows(values_only=True))
    # By hand (test_units_items_and_good_items): 城关镇 26 points (11 items), 民盟县委 57 (9 items).
    assert units[0] == ("类别", "名次", "单位", "积分", "报送", "采用")
    assert [row[2:5] for row in units[1:]] == [("城关镇政协工委", 26, 11), ("民盟县委", 57, 9)]
    payout = list(book["奖励发放表"].iter_rows(values_only=True))
    assert payout[0][:4] == ("姓名（单位）", "类型", "所在单位", "采用信息（条）") and payout[0][-1] == "金额（元）"
    # 甲 and 丙 460.00 each, 丁 120.00, 乙 90.00, 戊 60.00: 1,190.00 (test_payout_to_the_fen).
    assert sorted(row[-1] for row in payout[1:]) == [60, 90, 120, 460, 460]
    for ws in book:  # no English header left (name, peer_group, amount…)
        assert not [h for h in next(ws.iter_rows(values_only=True)) if h and any("a" <= ch <= "z" for ch in str(h))], ws.title


def without_unit_condition(data: dict | None = None):
    """The rules (the year's defaults, or ``data``) with no 先进集体 condition
    (``commendations.advanced_units: {}``): for a test about something else (ties, prizes, headers,
    the ranking) whose hand-built units are short of their year's 任务."""
    import copy

    from sqmy_lib.rules import Rules, load_rules

    data = copy.deepcopy(data or load_rules(year=2025).data)
    data["commendations"]["advanced_units"] = {}
    return Rules(data)


def confirm_all(path, grades: dict | None = None, every: bool = False) -> None:
    """Mark 确认 on every row proposed for an award (建议表彰; with ``every``, on every row, the
    reserves too) and a grade per category when given, as staff would in Excel; the other rows 否
    (a sheet left blank everywhere is refused as not filled in)."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets[1:]:
        header = next((r for r in range(1, 7) if "确认" in [c.value for c in ws[r]]), None)
        if header is None:
            continue
        labels = [c.value for c in ws[header]]
        for r in range(header + 1, ws.max_row + 1):
            if ws.cell(r, 1).value in (None, "无"):
                continue
            if not every and ws.cell(r, labels.index("建议") + 1).value != "建议表彰":
                ws.cell(r, labels.index("确认") + 1, "否")
                continue
            ws.cell(r, labels.index("确认") + 1, "是")
            if grades and ws.title in grades:
                ws.cell(r, labels.index("奖项等次") + 1, grades[ws.title])
    wb.save(path)


def test_commend_command_candidates_then_confirmed(year, tmp_path):
    """The hand-built year: the first run writes the candidates and drafts; with every candidate
    proposed for an award confirmed, the decision and the payout give the same amounts to the fen."""
    out = tmp_path / "out"
    base = [sys.executable, "-m", "sqmy_lib", "commend", str(year / "台账.xlsx"), "--roster", str(year / "名册.xlsx"),
            "--year", "2025", "--out", str(out)]
    result = subprocess.run(base, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    stem = "2025年度社情民意信息工作表彰"
    names = {p.name for p in out.iterdir()}
    assert {f"{stem}.ipynb", f"{stem}.html", f"{stem}候选名单.xlsx", f"{stem}决定(草稿).docx", f"{stem}名单(草稿).xlsx"} <= names
    assert f"{stem}决定.docx" not in names
    figures = read_figures(out / f"{stem}.ipynb")
    assert figures["draft"] and figures["informants"] == ["丙", "甲", "乙"]

    confirmed = tmp_path / "候选名单(已确认).xlsx"
    confirmed.write_bytes((out / f"{stem}候选名单.xlsx").read_bytes())
    confirm_all(confirmed)
    result = subprocess.run([*base, "--confirmed", str(confirmed)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.iterdir()}
    assert {f"{stem}决定.docx", f"{stem}名单.xlsx"} <= names
    figures = read_figures(out / f"{stem}.ipynb")
    assert not figures["draft"] and figures["informants"] == ["丙", "甲", "乙"] and figures["payout_total"] == "1190.00"
    wb = openpyxl.load_workbook(out / f"{stem}名单.xlsx")
    sheet = wb["奖励发放表"]
    assert sheet["A1"].value == "2025年度社情民意信息奖励发放表"
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert 1190 in values or 1190.0 in values


def test_demo_office_commendation():
    demo = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
    comm = sq.annual_commendation(sq.read_ledgers(demo), 2025)
    assert len(comm.top_items) == 10 and len(comm.informants) > 0 and len(comm.units) > 0
    assert comm.payout_total == comm.lines_total == sum(comm.payout["amount"])
    assert set(comm.basis["name"]) >= set(comm.informants["name"])


def test_an_item_sent_last_year_and_adopted_this_year_counts_in_this_years_commendation(tmp_path):
    # 丁's B0 came in December 2024 and was adopted by 全国政协 in February 2025 with a 副省长 批示 in March:
    # its unit got its points for 2025, but 丁's score left them out and B0 could be 十佳 in no year.
    # By hand, 丁's 2025 score: 1 item sent (B2) + B2 县级 3 + B0 全国 30 + 省级 批示 20 = 54.
    write_xlsx(tmp_path / "2024年台账.xlsx", {"2024年": [HEADER, _item("B0", "2024-12-20", "丁", "民盟县委")]})
    write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": [HEADER, _item("B2", "2025-02-05", "丁", "民盟县委", county=True)]})
    write_xlsx(tmp_path / "2025年采用台账.xlsx", {"采用": [["编号", "信息标题", "采用单位", "采用日期", "批示领导", "批示日期"],
                                                       ["B0", "关于B0的建议", "全国政协", "2025-02-10", "副省长陈某", "2025-03-01"]]})
    roster = write_xlsx(tmp_path.parent / f"{tmp_path.name}_名册.xlsx", ROSTER)
    comm = sq.annual_commendation(sq.read_ledgers(tmp_path, roster=roster, year=2025), 2025)
    assert comm.basis.set_index("name").at["丁", "score"] == 54
    assert [t.removeprefix("关于").removesuffix("的建议") for t in comm.top_items["title"]] == ["B0", "B2"]


SUB_HEAD = ["编号", "收稿日期", "信息标题", "作者", "单位"]
AD_HEAD = ["编号", "信息标题", "采用单位/刊物", "期号", "采用日期"]


def _two_year_office(tmp):
    """甲一 (城关镇政协工委) sends five items in 2024 and five in 2025; three 2024 items are adopted
    by the 县政协 in December 2024 and the same three by the 市政协 in January 2025."""
    for year in (2024, 2025):
        subs = [[f"{year}-{k}", f"{year}-0{k + 1}-03", f"甲一{year}年第{k}条建议", "甲一", "城关镇政协工委"] for k in range(1, 6)]
        write_xlsx(tmp / f"{year}年报送台账.xlsx", {"报送台账": [[f"{year}年社情民意信息报送台账"], SUB_HEAD, *subs]})
        body, day = ("县政协《社情民意》", "2024-12-10") if year == 2024 else ("市政协《社情民意》", "2025-01-15")
        ads = [[f"2024-{k}", f"甲一2024年第{k}条建议", body, "第1期", day] for k in range(1, 4)]
        write_xlsx(tmp / f"{year}年采用台账.xlsx", {"采用台账": [[f"{year}年社情民意信息采用台账"], AD_HEAD, *ads]})
    write_xlsx(tmp / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["甲一", "委员", "城关镇政协工委"]],
                                  "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"]]})


def test_a_two_year_commendation_counts_an_item_adopted_in_both_years_once(tmp_path):
    _two_year_office(tmp_path)
    ledger = sq.read_ledgers(tmp_path, roster=tmp_path / "名册.xlsx")
    comm = sq.annual_commendation(ledger, 2025, years=[2024, 2025])
    # Over 2024—2025: 10 sent, 3 distinct items adopted (not 6: each was adopted in both years), so
    # short of 2 × 3 = 6; points 10 × 1 + 3 items × 10 (市级, each item's highest tier over the span) = 40,
    # not 10 + 3 × 3 + 3 × 10 = 49.
    row = comm.basis.set_index("name").loc["甲一"]
    assert (row["submitted"], row["adopted"], row["score"], row["eligible"], row["reason"]) == (
        10, 3, 40, False, "采用3条，未达6条")
    assert comm.informants.empty
    units_ = comm.candidates["先进集体"]
    assert units_[["unit", "points", "submitted", "adopted"]].values.tolist() == [["城关镇政协工委", 40, 10, 3]]


TIE_ROWS = [  # 城关镇 and 东城街道 alike (2 sent, 1 adopted 县级: 2 + 3 = 5 points); 河口镇 1 sent (1 point).
    ["T1", "2025-02-01", "关于T1的建议", "甲", "城关镇政协工委", "√", None, None, None, None],
    ["T2", "2025-03-01", "关于T2的建议", "甲", "城关镇政协工委", None, None, None, None, None],
    ["T3", "2025-02-01", "关于T3的建议", "乙", "东城街道政协工委", "√", None, None, None, None],
    ["T4", "2025-03-01", "关于T4的建议", "乙", "东城街道政协工委", None, None, None, None, None],
    ["T5", "2025-02-01", "关于T5的建议", "丙", "河口镇政协工委", None, None, None, None, None],
]


def test_tied_units_share_their_place_and_a_tie_across_the_limit_lists_both(tmp_path):
    import yaml

    from sqmy_lib.render.commendation_xlsx import write_candidates_xlsx

    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *TIE_ROWS]})
    write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["甲", "委员", "城关镇政协工委"], ["乙", "委员", "东城街道政协工委"],
                 ["丙", "委员", "河口镇政协工委"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["东城街道政协工委", "镇街政协工委"],
                 ["河口镇政协工委", "镇街政协工委"]]})
    data = yaml.safe_load(Path(sq.__file__).with_name("rules").joinpath("defaults", "2025.yaml").read_text(encoding="utf-8"))
    data["peer_groups"]["镇街政协工委"]["top_n"] = 1  # one 先进集体 among the 镇街
    # A test of ties: no condition on the year's 任务 (2 items of 36, 5.6%, would leave none suggested).
    data["commendations"]["advanced_units"] = {}
    (tmp_path / "规则.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rules = sq.load_rules(path=str(tmp_path / "规则.yaml"))
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", rules=rules)
    comm = sq.annual_commendation(ledger, 2025, rules)
    cand = comm.candidates["先进集体"]
    # Places as sq.units ranks them: 1, 1, 3; both tied units suggested though top_n is 1.
    assert cand[["place", "unit", "points", "suggested"]].values.tolist() == [
        [1, "东城街道政协工委", 5, True], [1, "城关镇政协工委", 5, True], [3, "河口镇政协工委", 1, False]]
    assert list(cand["basis_text"])[:2] == ["积分5分（报送2条、采用1条），镇街政协工委并列第1名"] * 2
    assert comm.units[["place", "unit"]].values.tolist() == [[1, "东城街道政协工委"], [1, "城关镇政协工委"]]
    note = "先进集体镇街政协工委：东城街道政协工委、城关镇政协工委并列第1名，并列跨越名额，均列为建议表彰，共2个，超过规则规定的1个，请研究确定。"
    assert comm.tie_notes == [note]
    wb = openpyxl.load_workbook(write_candidates_xlsx(comm, tmp_path / "候选.xlsx"))
    texts = [c.value for row in wb["说明"].iter_rows() for c in row if c.value]
    # The 说明 sheet says it (in its full-width punctuation).
    assert any("东城街道政协工委、城关镇政协工委并列第1名" in t and "超过规则规定的1个" in t for t in map(str, texts)), texts


def test_the_circular_ranks_units_as_the_commendation_orders_them(tmp_path):
    """Three 民主党派 units with 13 points each: the circular's 附件1 (compute units) said 并列第1名 for
    all three while the commendation broke the tie on 采用 and put one first. One rule now, in the
    rules file (points.rank_by: points, then adopted, then submitted) and shown by rules show.

    By hand (1 a submission, 县级 3, 市级 10): 民革县委 13 items, none adopted: 13 points, 0 采用;
    民盟县委 3 items, one 市政协: 3 + 10 = 13, 1 采用; 民建县委 7 items, two 县政协: 7 + 3 + 3 = 13, 2 采用.
    On 采用: 民建 第1名, 民盟 第2名, 民革 第3名 — in the circular (1—12月) and the commendation alike,
    民建 the one 先进集体 suggested (top_n 1)."""
    from sqmy_lib.compute.circular import build_circular
    from sqmy_lib.render.circular_text import rank_ties

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]]
    rows += [[f"G{k}", f"2025-{k % 12 + 1:02d}-03", f"关于民革第{k}号问题的建议", "民革县委", "民革县委", None, None] for k in range(13)]
    rows += [[f"M{k}", f"2025-{k + 1:02d}-05", f"关于民盟第{k}号问题的建议", "民盟县委", "民盟县委", None, "√" if k == 0 else None]
             for k in range(3)]
    rows += [[f"J{k}", f"2025-{k + 1:02d}-07", f"关于民建第{k}号问题的建议", "民建县委", "民建县委", "√" if k < 2 else None, None]
             for k in range(7)]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"],
                                                ["民建县委", "民主党派"]]})
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", year=2025)
    circ = build_circular(ledger, 2025, 4)
    ytd = circ.units_ytd.set_index("unit")
    assert ytd.loc[["民建县委", "民盟县委", "民革县委"], ["points", "adopted"]].values.tolist() == [[13, 2], [13, 1], [13, 0]]
    assert ytd["rank_text"].to_dict() == {"民建县委": "第1名", "民盟县委": "第2名", "民革县委": "第3名"}
    # A test of the ranking: no condition on the year's 任务 (民建 7 and 民盟 3 of 12 would not be
    # suggested, 民革's 13 would).
    comm = sq.annual_commendation(ledger, 2025, without_unit_condition())
    cand = comm.candidates["先进集体"]
    assert cand[["place", "unit", "suggested"]].values.tolist() == [[1, "民建县委", True], [2, "民盟县委", False],
                                                                     [3, "民革县委", False]]
    assert [ytd.at[u, "rank"] for u in cand["unit"]] == list(cand["place"])  # the two rankings agree
    assert rank_ties(circ) == "民建县委、民盟县委、民革县委积分相同，按采用条数、报送条数依次比较排定名次"
    # The year's circular names its first as first on 采用, not as first on points (its points are not its own),
    # under rules with no unit 任务: with them 民建 (7 of 12) is listed as behind, and so is no 先进典型.
    from sqmy_lib.render.circular_text import _feature_leaders

    untasked = sq.load_rules(year=2025)
    untasked.data["quotas"]["units"] = {}
    assert _feature_leaders(build_circular(ledger, 2025, None, rules=untasked), {})[1] == (
        "民建县委全年报送信息7条、被采用2条、得13分，与民盟县委、民革县委积分相同、采用条数较多，列民主党派首位。")
    assert _feature_leaders(build_circular(ledger, 2025, None), {}) is None
    assert "积分相同的，依次比较采用条数、报送条数，仍相同的并列" in comm.tie_breaks["先进集体"]
    shown = subprocess.run([sys.executable, "-m", "sqmy_lib", "rules", "show"], capture_output=True, text=True, timeout=120)
    assert "各单位在同类单位中按积分排名,积分相同的,依次比较采用条数、报送条数,仍相同的并列" in shown.stdout


def test_a_draft_payout_says_the_prize_it_leaves_out_and_the_tie_it_pays(tmp_path):
    """The draft 奖励发放表 left out 十佳信息's per-grade prize (no grade before confirmation) and paid
    the 先进集体 prize to both units tied across a limit of 1, saying neither.

    By hand (TIE_ROWS; 十佳信息 一等奖 500.00 / 二等奖 200.00, 先进集体 1000.00, 镇街 top_n 1): 稿酬 T1 and
    T3 县级 30.00 each (甲, 乙): 60.00. 先进集体: 城关镇 and 东城街道 tied at 5 points, 1 采用, 2 报送, both
    suggested: 2 × 1000.00 = 2000.00. 十佳信息: T1, T3 suggested, no grade: no prize (said). Total
    6,000 + 200,000 = 206,000 fen = 2060.00, the sheet's 合计 60.00 + 2000.00."""
    import copy

    from sqmy_lib.compute.commendation import PayoutMismatch, _reconcile
    from sqmy_lib.render.commendation import write_commendation_outputs
    from sqmy_lib.rules import Rules, load_rules

    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *TIE_ROWS]})
    write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["甲", "委员", "城关镇政协工委"], ["乙", "委员", "东城街道政协工委"],
                 ["丙", "委员", "河口镇政协工委"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["东城街道政协工委", "镇街政协工委"],
                 ["河口镇政协工委", "镇街政协工委"]]})
    data = copy.deepcopy(load_rules(year=2025).data)
    data["peer_groups"]["镇街政协工委"]["top_n"] = 1
    data["commendations"]["grades"] = {"十佳信息": {"一等奖": 1, "二等奖": 2}}
    data["commendations"]["prizes"] = {"十佳信息": {"一等奖": "500.00", "二等奖": "200.00"}, "先进集体": "1000.00"}
    # A test of prizes and ties: no condition on the year's 任务 (2 items of 36 would leave no 先进集体).
    data["commendations"]["advanced_units"] = {}
    rules = Rules(data)
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", rules=rules)
    comm = sq.annual_commendation(ledger, 2025, rules)
    assert comm.draft and comm.payout.set_index("name")["amount"].to_dict() == {
        "东城街道政协工委": Decimal("1000.00"), "城关镇政协工委": Decimal("1000.00"), "甲": Decimal("30.00"), "乙": Decimal("30.00")}
    assert (comm.reward_total, comm.prize_total, comm.payout_total) == (Decimal("60.00"), Decimal("2000.00"), Decimal("2060.00"))
    assert comm.payout_notes == [
        "十佳信息的表彰奖金按奖项等次计发（一等奖500.00元、二等奖200.00元），建议表彰的2条尚未确定奖项等次，其表彰奖金未列入本表；"
        "确认名单、填写奖项等次后重新生成的奖励发放表列入。",
        "先进集体镇街政协工委：东城街道政协工委、城关镇政协工委并列第1名，均按建议表彰列入本表，计2个的表彰奖金共2000.00元"
        "（每个1000.00元），超过规则规定的1个；以确认名单为准。"]
    book = openpyxl.load_workbook(write_commendation_outputs(comm, tmp_path / "out", rules=rules)["xlsx"])
    sheet = [[c for c in row if c is not None] for row in book["奖励发放表"].iter_rows(values_only=True)]
    total = next(r for r in sheet if r and r[0] == "合计")
    assert total[-3:] == [60, 2000, 2060]
    said = [r[0] for r in sheet if r and str(r[0]).startswith("说明：")]
    assert [s.removeprefix("说明：") for s in said] == comm.payout_notes
    # The totals are checked in fen: a row whose 金额 is not its 稿酬 + 表彰奖金 is refused, never printed.
    bad = comm.payout.copy()
    bad.loc[0, "amount_fen"] += 1
    with pytest.raises(PayoutMismatch, match="各行金额 = 稿酬 \\+ 表彰奖金.*金额合计 = 稿酬 \\+ 表彰奖金"):
        _reconcile(bad, *_lines(comm, ledger, rules))


def _lines(comm, ledger, rules):
    """The reward and prize lines the payout was summed from (as build_commendation makes them)."""
    from sqmy_lib.compute.commendation import _prize_lines
    from sqmy_lib.compute.counted import counted
    from sqmy_lib.compute.rewards import reward_lines

    c = counted(ledger, rules)
    return reward_lines(c, sq.Period.of(2025)), _prize_lines(c, comm.awarded(), rules.data["commendations"]["prizes"])


def test_the_lists_print_the_authors_as_read_not_the_cells(tmp_path):
    # 十佳信息 and the circular's and letters' lists printed the 作者 cell as written: the same 张三 as
    # 张三主席, 民革县委 张三 and 张 三 in one 公文 list, co-authors as 李四，刘五 or 李四/刘五. They print
    # the authors as read now: 张三; 李四、刘五 (a unit's own item keeps its cell: 民革县委).
    cells = ["张三主席", "民革县委 张三", "张  三", "李四，刘五", "李四/刘五", "民革县委"]
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, "民革县委", "市政协采用"] for k, a in enumerate(cells, 1)]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    comm = sq.annual_commendation(ledger, 2025)
    shown = dict(zip(comm.candidates["十佳信息"]["title"], comm.candidates["十佳信息"]["author_text"]))
    assert [shown[f"关于第{k}个问题的建议"] for k in range(1, 7)] == ["张三", "张三", "张三", "李四、刘五", "李四、刘五", "民革县委"]
    details = sq.quarterly_circular(ledger, 2025, 1).adoptions
    assert sorted(set(details["authors"])) == ["张三", "李四、刘五", "民革县委"]


def test_a_name_the_roster_does_not_list_takes_no_part(tmp_path):
    """庚 is on no roster: 5 items, 3 adopted, score 5 + 3×3 = 14, as many as the condition asks of a 委员 or
    信息员 (L88). With a roster he is not eligible, said in his 评选依据 (he was proposed, his prize in the
    draft payout); 乙 (信息员) with the same items is."""
    rows = [*[_item(f"G{k}", f"2025-0{k}-05", "庚", "民盟县委", county=k <= 3) for k in range(1, 6)],
            *[_item(f"Y{k}", f"2025-0{k}-06", "乙", "城关镇政协工委", county=k <= 3) for k in range(1, 6)]]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *rows]})
    write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["乙", "信息员", "城关镇政协工委"]],
                                      "单位": ROSTER["单位"]})
    comm = sq.annual_commendation(sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx"), 2025)
    assert comm.informants["name"].tolist() == ["乙"]
    basis = comm.basis.set_index("name")
    assert not basis.at["庚", "eligible"] and "未列入名册" in basis.at["庚", "reason"]
