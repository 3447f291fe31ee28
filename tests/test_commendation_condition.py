"""先进集体's condition: a unit that did not complete its year's 任务 is not suggested.

A tester's draft list proposed a peer group's only unit however little it did (县政协文史委, the only
专委会: 1 item of its 8, none adopted, 建议表彰 and counted in the decision's "N个单位"); ``top_n`` is
only a maximum. The source sets no condition for units; by analogy with L88's for people ("凡提供
信息5条以上,采用3篇以上…才可参加…评选") the rules now set one (``commendations.advanced_units``,
office-set): ``min_completion`` 100% of the year's 任务 (``quotas.units``, items submitted, as
``compute units`` judges it); ``min_adopted_completion`` (the 镇街's 采用任务) empty by default. A unit
short of it keeps its place, is not suggested, its 评选依据 says why, and its group's places go to
the next units that completed it; a unit with no 任务 is not judged; over several years every year
the ledgers hold a record in is judged.

Every workbook is written by hand here and every answer worked out by hand (the shipped quotas:
专委会 2 a quarter = 8 a year; 工商联 and 民主党派 3 a quarter = 12; 镇街 3 a month = 36, and 1
adoption at 市级 or above a month = 12; points 1 a submission, 县级 3, 市级 10).
"""
from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys

import docx
import openpyxl
import pytest

import sqmy_lib as sq
from sqmy_lib.compute.commendation import build_commendation
from sqmy_lib.render.commendation import write_commendation_outputs
from sqmy_lib.render.commendation_xlsx import basis_lines, write_candidates_xlsx
from sqmy_lib.rules import Rules, load_rules
from sqmy_lib.rules.check import check_rules
from sqmy_lib.rules.show import rules_text

from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]
TODAY = dt.date(2026, 1, 15)  # the year is over: every month's 任务 is due
UNITS = [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["东城街道政协工委", "镇街政协工委"],
         ["民革县委", "民主党派"], ["民盟县委", "民主党派"], ["民建县委", "民主党派"],
         ["县政协文史委", "专委会"], ["县工商联", "工商联"]]


def _items(unit: str, code: str, n: int, year: int = 2025, county: int = 0, city: int = 0) -> list[list]:
    """``n`` items of ``unit`` in its name, spread over the months (the k-th on day 3 + k // 12 of
    month k % 12 + 1); the first ``city`` adopted by the 市政协, the next ``county`` by the 县政协."""
    return [[f"{code}{k}", f"{year}-{k % 12 + 1:02d}-{3 + k // 12:02d}", f"关于{unit}第{k}号问题的建议", unit, unit,
             "√" if city <= k < city + county else None, "√" if k < city else None] for k in range(n)]


# 城关镇 36 items (3 a month), none adopted: 36 points, 36 of 36 = 100%, 采用任务 0 of 12.
# 东城街道 30: 30 points, 30 of 36 = 83.3%.
# 民革 10, two 市级: 10 + 20 = 30 points, 10 of 12 = 83.3%. 民盟 12, one 县级: 12 + 3 = 15, 100%.
# 民建 13, none: 13 points, 108.3%. 文史委 1 item: 1 point, 1 of 8 = 12.5%. 工商联 1: 1 of 12 = 8.3%.
ROWS = [*_items("城关镇政协工委", "C", 36), *_items("东城街道政协工委", "D", 30), *_items("民革县委", "G", 10, city=2),
        *_items("民盟县委", "M", 12, county=1), *_items("民建县委", "J", 13), *_items("县政协文史委", "W", 1),
        *_items("县工商联", "S", 1)]


def _rules(**advanced) -> Rules:
    data = copy.deepcopy(load_rules(year=2025).data)
    data["commendations"]["advanced_units"] = advanced
    return Rules(data)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("condition")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *ROWS]})
    write_xlsx(tmp / "名册.xlsx", {"单位": UNITS})
    return tmp


@pytest.fixture(scope="module")
def ledger(office):
    return assert_every_cell_accounted(office / "台账.xlsx", roster=office / "名册.xlsx")[0]


def _units(comm) -> list[list]:
    return comm.candidates["先进集体"][["peer_group", "place", "unit", "points", "suggested"]].values.tolist()


def _basis(comm) -> dict[str, str]:
    cand = comm.candidates["先进集体"]
    return dict(zip(cand["unit"], cand["basis_text"]))


def test_a_unit_short_of_its_years_task_is_listed_not_suggested_and_the_next_takes_its_place(ledger):
    comm = build_commendation(ledger, 2025, today=TODAY)
    # Places as compute units ranks (by points); suggested: those that completed their 任务, ranked among
    # themselves within top_n (镇街 3, others 1). 民革 first on points but short: 民盟, the next that
    # completed it, takes the one place; 民建 completed it too, but is second of those. The 专委会's and
    # 工商联's only units are short: none of them.
    assert _units(comm) == [
        ["镇街政协工委", 1, "城关镇政协工委", 36, True], ["镇街政协工委", 2, "东城街道政协工委", 30, False],
        ["民主党派", 1, "民革县委", 30, False], ["民主党派", 2, "民盟县委", 15, True], ["民主党派", 3, "民建县委", 13, False],
        ["专委会", 1, "县政协文史委", 1, False], ["工商联", 1, "县工商联", 1, False]]
    assert _basis(comm) == {
        "城关镇政协工委": "积分36分（报送36条、采用0条），镇街政协工委第1名",
        "东城街道政协工委": "积分30分（报送30条、采用0条），镇街政协工委第2名；年度任务完成率83.3%，未达100%，不建议表彰",
        "民革县委": "积分30分（报送10条、采用2条），民主党派第1名；年度任务完成率83.3%，未达100%，不建议表彰",
        "民盟县委": "积分15分（报送12条、采用1条），民主党派第2名",
        "民建县委": "积分13分（报送13条、采用0条），民主党派第3名",
        "县政协文史委": "积分1分（报送1条、采用0条），专委会第1名；年度任务完成率12.5%，未达100%，不建议表彰",
        "县工商联": "积分1分（报送1条、采用0条），工商联第1名；年度任务完成率8.3%，未达100%，不建议表彰"}
    # The draft's awarded list: 2 units (it was 5: 城关镇, 东城街道, 民革, 文史委, 工商联), each with its
    # candidate's 名次 (民盟 second of the 民主党派, as its 评选依据 and the circular's 排名 say).
    assert comm.units[["peer_group", "place", "unit"]].values.tolist() == [
        ["镇街政协工委", 1, "城关镇政协工委"], ["民主党派", 2, "民盟县委"]]
    assert comm.tie_notes == []


def test_the_adoption_task_counts_only_when_the_rules_say_so(ledger):
    # 城关镇 completed its 36 items but had no 市级 adoption of the 12 its 采用任务 asks: suggested by
    # default (min_adopted_completion empty), not when the office sets 100% for it too.
    comm = build_commendation(ledger, 2025, _rules(min_completion=1.0, min_adopted_completion=1.0), today=TODAY)
    assert [u for u, s in zip(comm.candidates["先进集体"]["unit"], comm.candidates["先进集体"]["suggested"]) if s] == ["民盟县委"]
    assert _basis(comm)["城关镇政协工委"] == (
        "积分36分（报送36条、采用0条），镇街政协工委第1名；年度采用任务完成率0%，未达100%，不建议表彰")
    assert _basis(comm)["东城街道政协工委"] == ("积分30分（报送30条、采用0条），镇街政协工委第2名；年度任务完成率83.3%，"
                                           "未达100%；年度采用任务完成率0%，未达100%，不建议表彰")
    # An office that sets no condition (advanced_units: {} or min_completion empty): the first top_n
    # of each group, as before, however little they did.
    for rules in (_rules(), _rules(min_completion=None)):
        comm = build_commendation(ledger, 2025, rules, today=TODAY)
        assert comm.units["unit"].tolist() == ["城关镇政协工委", "东城街道政协工委", "民革县委", "县政协文史委", "县工商联"]
        assert not any("完成率" in t for t in _basis(comm).values())


def test_a_lower_threshold_is_the_offices(ledger):
    # min_completion 0.8: 东城街道 (83.3%) and 民革 (83.3%) meet it, 文史委 (12.5%) and 工商联 (8.3%) do not.
    comm = build_commendation(ledger, 2025, _rules(min_completion=0.8), today=TODAY)
    assert comm.units["unit"].tolist() == ["城关镇政协工委", "东城街道政协工委", "民革县委"]
    assert _basis(comm)["县工商联"].endswith("；年度任务完成率8.3%，未达80%，不建议表彰")


def test_a_unit_with_no_task_is_not_judged(tmp_path):
    # 老干部联委会's type has a top_n but no 任务 (quotas.units): its one item is enough to be suggested,
    # its 评选依据 says nothing of a 完成率. 文史委 (1 of 8) is short as before.
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *_items("老干部联委会", "L", 1),
                                                   *_items("县政协文史委", "W", 1)]})
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["老干部联委会", "联委会"], ["县政协文史委", "专委会"]]})
    data = copy.deepcopy(load_rules(year=2025).data)
    data["peer_groups"]["联委会"] = {"top_n": 1}
    rules = Rules(data)
    ledger = assert_every_cell_accounted(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx", rules=rules)[0]
    assert sq.units(ledger, 2025, rules, today=TODAY).set_index("unit")["quota"].isna().to_dict() == {
        "老干部联委会": True, "县政协文史委": False}
    comm = build_commendation(ledger, 2025, rules, today=TODAY)
    assert _units(comm) == [["专委会", 1, "县政协文史委", 1, False], ["联委会", 1, "老干部联委会", 1, True]]
    assert _basis(comm)["老干部联委会"] == "积分1分（报送1条、采用0条），联委会第1名"


def test_tied_units_after_a_short_one_share_the_place_it_leaves(tmp_path):
    # 民革 30 points but short (83.3%); 民建 and 民盟 12 items each, none adopted: 12 points, tied on every
    # key, 100%: 并列第2名, both suggested for the one place, said as a tie across the limit.
    rows = [*_items("民革县委", "G", 10, city=2), *_items("民盟县委", "M", 12), *_items("民建县委", "J", 12)]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *rows]})
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [UNITS[0], *UNITS[3:6]]})
    ledger = assert_every_cell_accounted(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx")[0]
    comm = build_commendation(ledger, 2025, today=TODAY)
    assert _units(comm) == [["民主党派", 1, "民革县委", 30, False], ["民主党派", 2, "民建县委", 12, True],
                            ["民主党派", 2, "民盟县委", 12, True]]
    assert _basis(comm)["民建县委"] == "积分12分（报送12条、采用0条），民主党派并列第2名"
    assert comm.tie_notes == ["先进集体民主党派：民建县委、民盟县委并列第2名，并列跨越名额，均列为建议表彰，"
                              "共2个，超过规则规定的1个，请研究确定。"]


def test_over_several_years_each_year_the_ledgers_hold_is_judged(tmp_path):
    # 民盟: 2024 6 items (two 市级), 2025 12: over the span 18 items, 18 + 20 = 38 points, first; but
    # 2024's 任务 was 6 of 12 = 50%. 民建: 12 items each year, 24 points, 100% both years: suggested.
    rows24 = [*_items("民盟县委", "M", 6, year=2024, city=2), *_items("民建县委", "J", 12, year=2024)]
    rows25 = [*_items("民盟县委", "N", 12), *_items("民建县委", "K", 12)]
    write_xlsx(tmp_path / "台账.xlsx", {"2024年": [["2024年度社情民意信息台账"], HEADER, *rows24],
                                        "2025年": [["2025年度社情民意信息台账"], HEADER, *rows25]})
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [UNITS[0], UNITS[4], UNITS[5]]})
    ledger = assert_every_cell_accounted(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx")[0]
    comm = build_commendation(ledger, 2025, years=[2024, 2025], today=TODAY)
    assert _units(comm) == [["民主党派", 1, "民盟县委", 38, False], ["民主党派", 2, "民建县委", 24, True]]
    assert _basis(comm)["民盟县委"] == "积分38分（报送18条、采用2条），民主党派第1名；2024年度任务完成率50%，未达100%，不建议表彰"
    assert "先进集体建议条件：每一年度任务完成率达到100%的单位" in basis_lines(comm)[1]
    # 2023 (a term's first year, say) holds no record in the ledgers read: not judged (its 0% would say
    # what was read, not what a unit did), and said; 2024 and 2025 are.
    comm = build_commendation(ledger, 2025, years=[2023, 2024, 2025], today=TODAY)
    assert _units(comm) == [["民主党派", 1, "民盟县委", 38, False], ["民主党派", 2, "民建县委", 24, True]]
    assert "2023年度" not in _basis(comm)["民盟县委"]
    assert basis_lines(comm)[1].startswith(
        "先进集体建议条件：每一年度任务完成率达到100%（2023年所读台账中没有记录，按2024、2025年度判断）的单位")


def test_the_rules_file_sets_it_checks_it_and_the_rules_text_says_it():
    shipped = load_rules(year=2025)
    assert shipped.data["commendations"]["advanced_units"] == {"min_completion": 1.0, "min_adopted_completion": None}
    assert load_rules(year=2026).data["commendations"]["advanced_units"]["min_completion"] == 1.0
    data = copy.deepcopy(shipped.data)
    data["commendations"]["advanced_units"] = {"min_completion": 1.5, "min_adopted_completion": "全部"}
    said = [p.message for p in check_rules(data)]
    assert sum("应为 0 到 1 之间的数" in m for m in said) == 2, said
    data["commendations"]["advanced_units"] = {"min_completon": 1.0}  # a typo is an unknown key
    assert [(p.key, p.message) for p in check_rules(data)] == [
        ("commendations.advanced_units.min_completon", "未知配置项(是否应为 “min_completion”?)")]
    assert ("(二)先进集体:各类单位分别按总分排序列为候选,镇街政协工委最多3个、民主党派最多1个、界别组最多1个、专委会最多1个、"
            "工商联最多1个;年度任务完成率低于100%的单位不建议表彰,由同类单位中的下一名递补") in rules_text(shipped)
    data["commendations"]["advanced_units"] = {}
    assert "不建议表彰" not in rules_text(Rules(data))


def test_the_candidates_workbook_and_the_draft_decision(office, tmp_path):
    """``sqmy commend`` as the tester ran it: the candidates workbook says why 文史委 is 备选 and the
    draft decision counts the 2 units suggested (城关镇, 民盟), not 5."""
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(office / "台账.xlsx"), "--roster",
                             str(office / "名册.xlsx"), "--year", "2025", "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    stem = "2025年度社情民意信息工作表彰"
    wb = openpyxl.load_workbook(out / f"{stem}候选名单.xlsx")
    ws = wb["先进集体"]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    header = next(k for k, r in enumerate(rows) if "评选依据" in r)
    labels = rows[header]
    by_unit = {r[labels.index("单位")]: r for r in rows[header + 1:] if r[labels.index("单位")]}
    wenshi = by_unit["县政协文史委"]
    assert wenshi[labels.index("建议")] == "备选"
    assert wenshi[labels.index("评选依据")] == "积分1分（报送1条、采用0条），专委会第1名；年度任务完成率12.5%，未达100%，不建议表彰"
    assert [u for u, r in by_unit.items() if r[labels.index("建议")] == "建议表彰"] == ["城关镇政协工委", "民盟县委"]
    said = [c for row in wb["说明"].iter_rows(values_only=True) for c in row if c]
    assert ("先进集体：候选7个，镇街政协工委最多3个、民主党派最多1个、界别组最多1个、专委会最多1个、工商联最多1个；"
            "年度任务完成率达到100%的方可建议表彰，未达到的列为备选（评选依据中写明）。") in said, said
    paragraphs = [p.text for p in docx.Document(str(out / f"{stem}决定(草稿).docx")).paragraphs]
    assert any("授予城关镇政协工委等2个单位“2025年度社情民意信息工作先进集体”称号" in p for p in paragraphs)
    listed = paragraphs.index("2025年度社情民意信息工作先进集体名单")  # 附件1: one line per peer group
    assert paragraphs[listed + 1:listed + 4] == ["镇街政协工委：城关镇政协工委", "民主党派：民盟县委", "附件2"]


def test_the_lists_workbook_states_the_condition(ledger, tmp_path):
    comm = build_commendation(ledger, 2025, today=TODAY)
    book = openpyxl.load_workbook(write_commendation_outputs(comm, tmp_path, date="2026-01-15")["xlsx"])
    said = [c for row in book["评选依据"].iter_rows(values_only=True) for c in row if c]
    assert ("先进集体建议条件：年度任务完成率达到100%的单位，在同类单位中按名次建议表彰（未达到的列为备选，"
            "其名额由同类单位中的下一名递补；没有报送任务的单位不作此要求）") in said
    assert [r[2] for r in book["先进集体"].iter_rows(min_row=2, values_only=True)] == ["城关镇政协工委", "民盟县委"]
    cand = openpyxl.load_workbook(write_candidates_xlsx(comm, tmp_path / "候选.xlsx"))["先进集体"]
    assert "不建议表彰" in "".join(str(c) for row in cand.iter_rows(values_only=True) for c in row if c)
