"""A city office (江州市政协) whose ledgers write one person many ways and whose roster holds one name
twice. Every workbook is written by hand in the test, every answer worked out by hand, and every workbook
checked for the reader's invariant (each non-empty cell read or named in a finding).
Rewards (shipped rules, a city office): 市政协编发 (市级) ¥100 an item, 省政协采用 ¥200, shared equally.
"""
from __future__ import annotations

import copy
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

TITLE = "江州市政协2025年社情民意信息报送台账"
HEADER = ["序号", "报送日期", "信息标题", "作者", "报送单位", "市政协编发"]


def _city_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(name="江州市政协", full_name="政协江州市委员会", own_tier="市级", place="江州市", city="",
                          province="江南省")
    return Rules(data=data, source="<测试>")


def _roster(tmp_path, people):
    """A 名册 of 委员 with a 单位 sheet and no 界别 column: the 单位 alone tells two 王芳 apart."""
    return write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], *people],
        "单位": [["单位名称", "单位类型"], ["民进市委", "民主党派"], ["市工商联", "工商联"]]})


def _ledger(tmp_path, cells):
    rows = [[TITLE], HEADER]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", a, u, "√"] for k, (a, u) in enumerate(cells, 1)]
    return write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})


def test_a_same_name_is_told_apart_by_a_party_written_short_beside_it_in_a_city_office(tmp_path):
    # The roster has two 王芳: of 民进市委 and of 市工商联 (no 界别), so it tells them apart as 王芳(民进市委)
    # and 王芳(市工商联). Staff write which one as author.same_name asks, short: 王芳（民进）, 王芳（工商联）.
    # In 江州市政协's ledger 民进 is 民进市委 and 工商联 is 市工商联, as a 单位 cell would read them; the words
    # written with the name decide before the item's 单位 (a 民进 member's item sent by 市工商联 is hers).
    # The base code compared 民进 with 民进市委 as written, matched neither, and fell back to the item's 单位:
    # rows 1 and 2 went to the other 王芳 without a word, row 3 (no 单位) to no one.
    # By hand (each item 市政协编发, ¥100, one author):
    #   row 1 王芳（民进）   单位 市工商联 → 王芳(民进市委)
    #   row 2 王芳（工商联） 单位 民进市委 → 王芳(市工商联)
    #   row 3 王芳（民进）   no 单位       → 王芳(民进市委)
    #   row 4 王芳           单位 市工商联 → 王芳(市工商联) (the 单位 decides)
    #   row 5 王芳（民革）   no 单位       → neither (no 王芳 of 民革): said at D7, paid as 王芳 to be checked
    # 王芳(民进市委) 2 items ¥200; 王芳(市工商联) 2 items ¥200; 王芳 ¥100 (row 5 only).
    roster = _roster(tmp_path, [["张三", "委员", "民进市委"], ["王芳", "委员", "民进市委"], ["王芳", "委员", "市工商联"]])
    path = _ledger(tmp_path, [("王芳（民进）", "市工商联"), ("王芳（工商联）", "民进市委"), ("王芳（民进）", None),
                              ("王芳", "市工商联"), ("王芳（民革）", None)])
    rules = _city_rules()
    ledger, report = assert_every_cell_accounted(path, rules=rules, roster=roster, year=2025)
    assert paid(ledger, 2025) == {"王芳(民进市委)": Decimal("200.00"), "王芳(市工商联)": Decimal("200.00"),
                                  "王芳": Decimal("100.00")}
    by_item = dict(zip(ledger.authors["item"], ledger.authors["name"]))
    assert [by_item[i] for i in sorted(by_item)] == ["王芳(民进市委)", "王芳(市工商联)", "王芳(民进市委)", "王芳(市工商联)", "王芳"]
    assert [(i.row, i.column) for i in findings(report, "author.same_name")] == [(7, "D")]
    people = sq.people(ledger, 2025).set_index("name")
    assert (people.at["王芳(民进市委)", "submitted"], people.at["王芳(市工商联)", "submitted"]) == (2, 2)

