"""Roster 备注 and blanks read right, or said at their cell: a person's 备注 saying they left (调至, 已故,
免职 …), a unit's 备注 and its 成立/撤销时间, a blank 身份 or 单位类型, a rule keyed by a unit's name.

Every workbook here is written by hand in the test and every answer is worked out by hand in it.
"""
from __future__ import annotations

import datetime as dt

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

D = dt.date
LEDGER_HEAD = ["序号", "报送日期", "信息标题", "作者", "单位"]


def _codes(report, code):
    return [(i.sheet, i.row, i.column) for i in report.issues if i.code == code]


def _office(tmp_path, items, people, units, rules=None):
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [LEDGER_HEAD, *items]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": people, "单位": units})
    return assert_every_cell_accounted(ledger, roster=roster, rules=rules, year=2025)


LEFT = ["2025年6月调至县委办工作", "2025年6月已故", "2025年6月免职", "2025年6月停聘", "2025年6月聘期已满",
        "2025年6月因病离世", "2025年6月起不再任信息员", "2025年6月调任县人大", "2025年6月任期届满未连任",
        "2025年6月辞任", "2025年6月解聘", "2025年6月病故"]


def test_a_note_saying_a_person_left_is_said_whatever_its_words(tmp_path):
    # No 离任时间: each is in post all year as read, so the 备注 saying they left must be said at its cell.
    names = [f"{surname}{given}" for surname, given in zip("赵钱孙李周吴郑王冯陈褚卫", "一二三四五六七八九十甲乙")]
    people = [["姓名", "身份", "单位", "任职时间", "离任时间", "备注"]]
    people += [[n, "信息员", "河口镇政协工委", "2024-01-01", None, note] for n, note in zip(names, LEFT)]
    items = [[k, "2025-03-10", f"关于第{k}件事的建议", n, "河口镇政协工委"] for k, n in enumerate(names, 1)]
    _, report = _office(tmp_path, items, people, [["单位名称", "单位类型"], ["河口镇政协工委", "镇街政协工委"]])
    assert _codes(report, "roster.leaving_in_note") == [("人员", r, "F") for r in range(2, len(LEFT) + 2)]


UNITS_HEAD = ["单位名称", "单位类型", "备注"]


def test_every_unit_note_is_said_a_change_as_a_warning(tmp_path):
    units = [UNITS_HEAD,
             ["县政协文化文史和学习委员会", "专委会", "2025年4月新设立"],
             ["县政协提案委员会", "专委会", None],
             ["县科协", "界别组", "2025年9月撤销，并入县科技局"],
             ["县科技局", "界别组", "联系人：王某"],
             ["城关镇政协工委", "镇街政协工委", "2025年5月撤镇设街，更名为城关街道政协工委"]]
    items = [[1, "2025-04-20", "关于非遗传承的建议", "吴芳", "县政协文化文史和学习委员会"]]
    ledger, report = _office(tmp_path, items, [["姓名", "身份", "单位"], ["吴芳", "委员", "县政协文化文史和学习委员会"]], units)
    assert _codes(report, "roster.unit_change_in_note") == [("单位", 2, "C"), ("单位", 4, "C"), ("单位", 6, "C")]
    assert _codes(report, "roster.unit_note") == [("单位", 5, "C")]
    # Not read: every unit owes the full year (专委会 and 界别组 2 a quarter: 8).
    quota = sq.units(ledger, 2025).set_index("unit")["quota"]
    assert quota["县政协文化文史和学习委员会"] == 8 and quota["县科协"] == 8


def test_unit_set_up_and_dissolved_dates_bound_the_quota(tmp_path):
    units = [["单位名称", "单位类型", "成立时间", "撤销时间", "备注"],
             ["县政协文化文史和学习委员会", "专委会", "2025年4月", None, "2025年4月新设立"],
             ["县科协", "界别组", None, "2025-08-31", "并入县科技局"],
             ["县政协提案委员会", "专委会", None, None, None]]
    items = [[1, "2025-04-20", "关于非遗传承的建议", "吴芳", "县政协文化文史和学习委员会"],
             [2, "2025-03-05", "关于科普场馆的建议", "吴芳", "县科协"]]
    ledger, report = _office(tmp_path, items, [["姓名", "身份", "单位"], ["吴芳", "委员", "县政协文化文史和学习委员会"]], units)
    # The dates are read: the notes beside them are said as notes, the columns are not unread.
    assert not _codes(report, "roster.column_unread") and not _codes(report, "roster.unit_change_in_note")
    assert _codes(report, "roster.unit_note") == [("单位", 2, "E"), ("单位", 3, "E")]
    u = sq.units(ledger, 2025).set_index("unit")
    # 文化文史委 from April: Q2–Q4 at 2 a quarter = 6; 县科协 to August: Q1 2 + Q2 2 + Q3 2×2/3 = 5.33,
    # in whole items 6; 提案委 all year: 8.
    assert u.loc["县政协文化文史和学习委员会", "quota"] == 6
    assert u.loc["县科协", "quota"] == 6
    assert u.loc["县政协提案委员会", "quota"] == 8


def test_a_unit_date_not_understood_is_said(tmp_path):
    units = [["单位名称", "单位类型", "成立时间"], ["县科协", "界别组", "今年上半年"]]
    items = [[1, "2025-03-05", "关于科普场馆的建议", "吴芳", "县科协"]]
    ledger, report = _office(tmp_path, items, [["姓名", "身份", "单位"], ["吴芳", "委员", "县科协"]], units)
    assert _codes(report, "roster.date_problem") == [("单位", 2, "C")]  # at its 成立时间 cell
    assert sq.units(ledger, 2025).set_index("unit").loc["县科协", "quota"] == 8


def test_a_blank_unit_type_or_role_is_said(tmp_path):
    people = [["姓名", "身份", "单位"], ["张伟", "委员", "民革东山县委"], ["赵磊", None, "民盟东山县委"]]
    units = [["单位名称", "单位类型"], ["民革东山县委", "民主党派"], ["民盟东山县委", None]]
    items = [[1, "2025-02-08", "关于加装电梯的建议", "张伟", "民革东山县委"],
             [2, "2025-03-08", "关于妇女创业的建议", "赵磊", "民盟东山县委"]]
    _, report = _office(tmp_path, items, people, units)
    assert _codes(report, "roster.role_missing") == [("人员", 3, "B")]
    assert _codes(report, "roster.unit_type_missing") == [("单位", 3, "B")]
    assert "赵磊" in next(i.message for i in report.issues if i.code == "roster.role_missing")


def test_a_blank_role_on_a_sheet_named_for_the_role_is_that_role(tmp_path):
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [["姓名", "身份", "单位"], ["赵磊", None, "民盟东山县委"]]})
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [LEDGER_HEAD, [1, "2025-03-08", "关于妇女创业的建议", "赵磊", "民盟东山县委"]]})
    led, report = assert_every_cell_accounted(ledger, roster=roster, year=2025)
    assert not _codes(report, "roster.role_missing")
    assert led.roster.people["role"].tolist() == ["委员"]


def test_a_unit_rule_keyed_by_a_unit_s_name_is_said(tmp_path):
    rules = sq.load_rules(year=2025)
    rules.data["quotas"]["units"]["县科协"] = {"per": "year", "items": 2}
    rules.data["peer_groups"]["县科协"] = {"top_n": 0}
    units = [["单位名称", "单位类型"], ["县妇联", "工商联"], ["县科协", "工商联"]]
    _, report = _office(tmp_path, [], [["姓名", "身份", "单位"], ["赵磊", "委员", "县妇联"]], units, rules=rules)
    found = [i for i in report.issues if i.code == "roster.rule_names_unit"]
    assert [(i.sheet, i.row, i.column) for i in found] == [("单位", 3, "A")]
    assert "peer_groups、quotas.units" in found[0].message and "县科协" in found[0].message


def test_a_move_of_workplace_staying_on_and_a_founding_year_are_no_alarm(tmp_path):
    """调至县教育局，仍任委员 is a move of workplace, not leaving (it was roster.leaving_in_note); 2025年6月未连任 still
    leaves. A 成立时间 of a year long past (1990年, or 1988 typed as a number) bounds no month of 2025: read as that
    year, no roster.date_problem (it was "无法识别")."""
    people = [["姓名", "身份", "单位", "任职时间", "离任时间", "备注"],
              ["赵一", "委员", "民盟县委", "2022-01-01", None, "2024年由县一中调至县教育局，仍任委员"],
              ["钱二", "委员", "民盟县委", "2022-01-01", None, "2025年6月未连任"]]
    units = [["单位名称", "单位类型", "成立时间"], ["民盟县委", "民主党派", "1990年"], ["民革县委", "民主党派", 1988]]
    items = [[1, "2025-03-10", "关于甲的建议", "赵一", "民盟县委"], [2, "2025-03-11", "关于乙的建议", "钱二", "民革县委"]]
    ledger, report = _office(tmp_path, items, people, units)
    assert _codes(report, "roster.leaving_in_note") == [("人员", 3, "F")]
    assert not _codes(report, "roster.date_problem")
    assert sq.units(ledger, 2025).set_index("unit")["quota"].to_dict() == {"民盟县委": 12, "民革县委": 12}
