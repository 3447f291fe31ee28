"""A city office (江州市政协) whose ledgers write one person many ways and whose roster holds one name
twice. Every workbook is written by hand in the test, every answer worked out by hand, and every workbook
checked for the reader's invariant (each non-empty cell read or named in a finding).
Rewards (shipped rules, a city office): 市政协编发 (市级) ¥100 an item, 省政协采用 ¥200, shared equally.
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, findings, paid, write_xls, write_xlsx

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



def test_a_roster_note_saying_two_people_share_a_name_keeps_them_apart(tmp_path):
    # The roster lists 王芳, 委员 of 民进市委 (备注 与市工商联王芳重名), and 王芳, 信息员 of 市工商联 (备注 重名，非同一人).
    # One row per role read as one person holding each role (roster.same_person, a 提示 asking staff to tell
    # them apart — which the 备注 already does): the base code paid one 王芳 ¥300 under 民进市委 and counted
    # all three items for both roles. The 备注 says they are two people: told apart by their 单位.
    # By hand (each item 市政协编发 ¥100; 委员 2 a year, 信息员 1 a month = 12):
    #   row 1 王芳 | 民进市委 → 王芳(民进市委); rows 2, 3 王芳 | 市工商联 → 王芳(市工商联)
    #   王芳(民进市委): 委员, 1 item, ¥100, quota 2;  王芳(市工商联): 信息员, 2 items, ¥200, quota 12.
    # A 备注 that says so for two rows nothing tells apart (same 单位, no 界别) is said, not guessed.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "备注"],
                 ["王芳", "委员", "民进市委", "与市工商联王芳重名"],
                 ["王芳", "信息员", "市工商联", "重名，非同一人"],
                 ["李娜", "委员", "民进市委", "同名"],
                 ["李娜", "信息员", "民进市委", None]],
        "单位": [["单位名称", "单位类型"], ["民进市委", "民主党派"], ["市工商联", "工商联"]]})
    path = _ledger(tmp_path, [("王芳", "民进市委"), ("王芳", "市工商联"), ("王芳", "市工商联")])
    ledger, report = assert_every_cell_accounted(path, rules=_city_rules(), roster=roster, year=2025)
    assert paid(ledger, 2025) == {"王芳(民进市委)": Decimal("100.00"), "王芳(市工商联)": Decimal("200.00")}
    people = sq.people(ledger, 2025).set_index("name")
    assert people.loc["王芳(民进市委)", ["role", "submitted", "quota"]].tolist() == ["委员", 1, 2.0]
    assert people.loc["王芳(市工商联)", ["role", "submitted", "quota"]].tolist() == ["信息员", 2, 12.0]
    assert [(i.row, "王芳" in i.message) for i in findings(report, "roster.same_name")] == [(3, True)]
    assert [(i.row, "李娜" in i.message) for i in findings(report, "roster.same_name_merged")] == [(5, True)]
    assert all("王芳" not in i.message for i in findings(report, "roster.same_person"))


def test_a_name_only_in_traditional_characters_is_the_rosters_person_said_at_its_cell(tmp_path):
    # A Hong Kong 委员's copy (.xls, typed with a traditional-character input method) writes 劉明 and 陳大文;
    # the roster and the office's own ledger write 刘明 and 陈大文 is on the roster only. Each is the roster's
    # person, and the reading is said (author.variant), as 張三 beside 张三 is; the base code said nothing
    # when no ledger wrote the simplified form.
    # By hand (市政协編發 ¥100, 省政協採用 ¥200; 劉明、陳大文 share ¥100 = ¥50 each):
    #   刘明: 台账 row 1 ¥100 + 港区 row 1 ¥100 + row 2 ¥50 = ¥250; 陈大文: ¥50 + row 3 ¥200 = ¥250.
    #   Said once each at its first cell: 劉明 D3 (beside 刘明 of the office's ledger: said before too), 陳大文 D4
    #   (written so in no ledger: 名册中的“陈大文”).
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["刘明", "委员", "市工商联"], ["陈大文", "委员", "市工商联"]],
        "单位": [["单位名称", "单位类型"], ["市工商联", "工商联"]]})
    own = _ledger(tmp_path, [("刘明", "市工商联")])
    hk = write_xls(tmp_path / "港区委员.xls", {"2025年": [
        ["江州市政協2025年社情民意信息報送台賬"],
        ["序號", "報送日期", "信息標題", "作者", "報送單位", "市政協編發", "省政協採用"],
        [1, dt.date(2025, 4, 1), "關於改善口岸通關的建議", "劉明", "市工商联", "√", None],
        [2, dt.date(2025, 5, 1), "關於加強跨境物流監管的建議", "劉明、陳大文", "市工商联", "√", None],
        [3, dt.date(2025, 6, 1), "關於港澳青年就業的建議", "陳大文（委員）", "市工商联", None, "√"]]})
    ledger, report = assert_every_cell_accounted([own, hk], rules=_city_rules(), roster=roster, year=2025)
    assert paid(ledger, 2025) == {"刘明": Decimal("250.00"), "陈大文": Decimal("250.00")}
    said = [(i.file.endswith("港区委员.xls"), i.row, i.column, "名册中的" in i.message)
            for i in findings(report, "author.variant")]
    assert said == [(True, 3, "D", False), (True, 4, "D", True)]  # 劉明 beside the ledger's 刘明; 陳大文 the roster's


def test_a_telephone_number_typed_after_a_name_is_the_persons_contact(tmp_path):
    # By hand (市政协编发 ¥100 an item): 张三13800138000, 张三 and 张三0717-8123456 are one person, 张三, 3 items, ¥300
    # (the tool counted 张三13800138000 and 张三0717-8123456 as two more people, nothing said); 王芳 ¥100.
    path = _ledger(tmp_path, [("张三13800138000", "民进市委"), ("张三", "民进市委"), ("张三0717-8123456", "民进市委"),
                              ("王芳", "市工商联")])
    ledger, report = assert_every_cell_accounted(path, rules=_city_rules(), year=2025)
    assert paid(ledger, 2025) == {"张三": Decimal("300.00"), "王芳": Decimal("100.00")}
    assert sorted(ledger.authors.loc[ledger.authors["name"] == "张三", "tag"]) == ["", "0717-8123456", "13800138000"]
