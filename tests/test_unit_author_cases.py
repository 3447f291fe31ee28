"""A unit written as an item's author the ways a city's parties and committees write it: its department
(九三学社县委参政议政部), its group in brackets (民建县委（集体）), two units' joint group (民革县委、民盟县委联合课题组),
another unit's group beside a 单位 (民革县委 | 民盟县委课题组), a unit's name with 和 in it (社会和法制委员会).

Every workbook here is written by hand in the test, every answer worked out by hand, and every workbook is
checked for the reader's invariant (each non-empty cell read or named in a finding). The rules are the
shipped county's: an adoption under 市政协 is 市级, ¥100.00.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx, findings as _codes, paid

HEAD = ["序号", "收稿日期", "信息标题", "单位", "作者", "市政协"]  # 单位 is column D, 作者 column E


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    return paid(ledger, year)


def _submitted(ledger, year=2025) -> dict[str, int]:
    units = sq.units(ledger, year)
    return {u: int(n) for u, n in zip(units["unit"], units["submitted"]) if n}


def _people(ledger, year=2025) -> list[str]:
    people = sq.people(ledger, year)
    return sorted(people.loc[people["submitted"] > 0, "name"])


def _roster(tmp_path, *units):
    return write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], *[list(u) for u in units]]})


def test_a_units_department_written_as_author_is_the_unit(tmp_path):
    # 九三学社县委参政议政部 beside 单位 九三学社县委 was paid ¥100.00 as a payee of its own, no roster unit, while the
    # item counted for 九三学社示例县委员会; unsaid. A department (rules authors.department_words) is its unit's:
    # by hand item 1 is 九三学社示例县委员会's (its 单位 names it), item 2's 单位 is empty and 民革县委 before 研究室
    # is the roster's 民革示例县委员会: ¥100.00 each, one item each, said at the author cells (E2, E3).
    roster = _roster(tmp_path, ("九三学社示例县委员会", "民主党派"), ("民革示例县委员会", "民主党派"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-01-15", "关于装备制造业转型的建议", "九三学社县委", "九三学社县委参政议政部", "√"],
        [2, "2025-02-15", "关于营商环境的建议", None, "民革县委研究室", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _paid(ledger) == {"九三学社示例县委员会": Decimal("100.00"), "民革示例县委员会": Decimal("100.00")}
    assert _submitted(ledger) == {"九三学社示例县委员会": 1, "民革示例县委员会": 1}
    said = _codes(report, "author.department")
    assert [(i.row, i.column) for i in said] == [(2, "E"), (3, "E")]
    assert "“九三学社县委参政议政部”" in said[0].message and "“九三学社示例县委员会”" in said[0].message
    assert not _codes(report, "roster.unknown_unit")


def test_a_department_beside_its_units_own_name_without_a_roster(tmp_path):
    # Without a roster the 单位 cell alone says whose department it is: 九三学社县委, ¥100.00 (it was paid to
    # 九三学社县委参政议政部). A department whose unit no 单位 names and no roster lists stays as written.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-01-15", "关于装备制造业转型的建议", "九三学社县委", "九三学社县委参政议政部", "√"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _paid(ledger) == {"九三学社县委": Decimal("100.00")}
    assert [(i.row, i.column) for i in _codes(report, "author.department")] == [(2, "E")]


def test_two_units_written_in_the_author_cell_are_a_joint_item_said(tmp_path):
    # 单位 empty. 民革县委、民盟县委: counted for 民革 (the first), ¥50.00 each (co-authors share), and no
    # unit.several said. 民革县委、民盟县委联合课题组: an unknown unit 民盟县委联合 at the empty D cell, the item in no
    # unit's figures and ¥100.00 paid to 民革. Both are now one reading (a joint item of the two units, 联合课题组
    # their group): by hand 民革 has items 1, 2 and 3 in the unit figures; each item ¥50.00 to each unit, so
    # ¥150.00 each; unit.several said at each author cell (E), author.collective at E3 and E4.
    roster = _roster(tmp_path, ("民革示例县委员会", "民主党派"), ("民盟示例县委员会", "民主党派"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-02-10", "关于沿江生态修复的建议", None, "民革县委、民盟县委", "√"],
        [2, "2025-02-11", "关于盐碱地改良利用的建议", None, "民革县委、民盟县委联合课题组", "√"],
        [3, "2025-02-12", "关于湿地保护的建议", None, "民革县委与民盟县委联合课题组", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _submitted(ledger) == {"民革示例县委员会": 3}
    assert _paid(ledger) == {"民革示例县委员会": Decimal("150.00"), "民盟示例县委员会": Decimal("150.00")}
    several = _codes(report, "unit.several")
    assert [(i.row, i.column) for i in several] == [(2, "E"), (3, "E"), (4, "E")]
    assert all("“民革示例县委员会”" in i.message for i in several)
    assert [(i.row, i.column) for i in _codes(report, "author.collective")] == [(3, "E"), (4, "E")]
    assert not _codes(report, "roster.unknown_unit") and not _codes(report, "author.with_unit")
    assert not _people(ledger)


def test_another_units_group_beside_a_unit_is_said(tmp_path):
    # 单位 民革县委, 作者 民盟县委课题组: ¥100.00 to 民革 with only author.collective said. The item counts and is
    # paid for its 单位 (README: the 单位 cell first), and that the author cell names another unit is said at E2.
    roster = _roster(tmp_path, ("民革示例县委员会", "民主党派"), ("民盟示例县委员会", "民主党派"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-01-08", "关于养老服务的建议", "民革县委", "民盟县委课题组", "√"],
        [2, "2025-01-09", "关于托育服务的建议", "民革县委", "民革县委课题组", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _paid(ledger) == {"民革示例县委员会": Decimal("200.00")}
    said = _codes(report, "author.other_unit")
    assert [(i.row, i.column) for i in said] == [(2, "E")]
    assert "“民盟县委”" in said[0].message and "“民革县委”" in said[0].message


def test_a_units_collective_in_brackets_is_the_units_item(tmp_path):
    # 民建县委（集体）, 民建县委(集体): a person 集体 paid ¥100.00 each (and listed in compute people). 集体 is a
    # collective word, in brackets after the unit as well: by hand 民建示例县委员会 has the three items, ¥300.00.
    roster = _roster(tmp_path, ("民建示例县委员会", "民主党派"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-02-18", "关于审批流程的建议", None, "民建县委（集体）", "√"],
        [2, "2025-02-19", "关于民营经济的建议", None, "民建县委(集体)", "√"],
        [3, "2025-02-20", "关于中小企业的建议", None, "民建县委(集体创作)", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _paid(ledger) == {"民建示例县委员会": Decimal("300.00")}
    assert _submitted(ledger) == {"民建示例县委员会": 3}
    assert not _people(ledger) and ledger.authors.empty
    said = _codes(report, "author.collective")
    assert [(i.row, i.column) for i in said] == [(2, "E"), (3, "E"), (4, "E")]
    assert not _codes(report, "roster.unknown_person")


def test_a_units_name_with_he_is_not_two_authors(tmp_path):
    # 社会和法制委员会 was split at 和: a person 社会 paid ¥100.00, 法制委员会 dropped unsaid (author.joined named
    # 社会 alone); 县经济和信息化局 likewise (a person 县经济). A unit's name is not split at 和 (the text before it
    # is neither a unit nor a person's name): by hand each is its unit's item, ¥100.00; 张三和李四 stay two people.
    roster = _roster(tmp_path, ("县政协社会和法制委员会", "专委会"), ("县经济和信息化局", "部门"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-01-12", "关于社区矫正工作的建议", "社会和法制委员会", "社会和法制委员会", "√"],
        [2, "2025-01-13", "关于数字经济的建议", None, "县经济和信息化局", "√"],
        [3, "2025-01-14", "关于电商物流的建议", "县经济和信息化局", "张三和李四", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _paid(ledger) == {"县政协社会和法制委员会": Decimal("100.00"), "县经济和信息化局": Decimal("100.00"),
                             "张三": Decimal("50.00"), "李四": Decimal("50.00")}
    assert _people(ledger) == ["张三", "李四"]
    assert [(i.row, i.column) for i in _codes(report, "author.joined")] == [(4, "E")]
