"""A unit, or a group of it, written as an item's author: the item is the unit's, counted and paid to
the unit as the roster writes it, never to a payee of its own or to a person named 全体.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook is checked for the reader's invariant (each non-empty cell read or named in a finding).
The rules are the shipped county's: an adoption under 市政协 is 市级, ¥100.00.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEAD = ["序号", "收稿日期", "信息标题", "作者", "单位", "市政协"]  # 作者 is column D, 单位 column E


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


def _submitted(ledger, year=2025) -> dict[str, int]:
    units = sq.units(ledger, year)
    return {u: int(n) for u, n in zip(units["unit"], units["submitted"]) if n}


def _roster(tmp_path, *units):
    return write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], *[list(u) for u in units]]})


def test_a_units_research_group_is_the_units_item(tmp_path):
    # 县工商联课题组 was an author of its own, a unit no roster lists: paid ¥100.00 apart from 县工商联 (its
    # 反馈函 listed the item, not the money), unsaid. The group is the unit's (课题组 is a collective word):
    # by hand 县工商联 has items 1, 2 and 4 (item 4's unit is written only in its author cell), ¥300.00;
    # 民革县委课题组 is 民革示例县委员会's one item, ¥100.00. No person, no unit author of another name.
    roster = _roster(tmp_path, ("县工商联", "人民团体"), ("民革示例县委员会", "民主党派"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-03-05", "关于民营企业融资难的调研报告", "县工商联课题组", "县工商联", "√"],
        [2, "2025-06-05", "关于民营经济统计监测的建议", "县工商联", "县工商联", "√"],
        [3, "2025-07-05", "关于法律援助的建议", "民革县委课题组", "民革县委", "√"],
        [4, "2025-08-05", "关于商会建设的建议", "县工商联调研组", None, "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert ledger.authors["name"].tolist() == ["县工商联"]  # item 2's; the groups name no one
    assert _paid(ledger) == {"县工商联": Decimal("300.00"), "民革示例县委员会": Decimal("100.00")}
    assert _submitted(ledger) == {"县工商联": 3, "民革示例县委员会": 1}
    said = _codes(report, "author.collective")
    assert [(i.row, i.column) for i in said] == [(2, "D"), (4, "D"), (5, "D")]
    assert "“课题组”" in said[0].message and "“调研组”" in said[2].message
    assert not _codes(report, "author.with_unit") and not _codes(report, "roster.unknown_unit")


def test_all_members_of_a_sector_are_the_sectors_item(tmp_path):
    # 经济界全体委员 was read as 经济界 | 全体 | 委员: a person 全体 (role 委员) with both items, ¥200.00
    # under 经济界. 全体委员 is a collective word: by hand each item is its sector's, 经济界 ¥100.00 (its
    # unit written only in the author cell) and 农业界 ¥100.00, and no one is a person of these items.
    roster = _roster(tmp_path, ("经济界", "界别组"), ("农业界", "界别组"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-02-05", "关于小微企业融资的建议", "经济界全体委员", None, "√"],
        [2, "2025-03-05", "关于农村电商的建议", "农业界全体委员", "农业界", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert ledger.authors.empty
    assert _paid(ledger) == {"经济界": Decimal("100.00"), "农业界": Decimal("100.00")}
    assert _submitted(ledger) == {"经济界": 1, "农业界": 1}
    assert not (sq.people(ledger, 2025)["submitted"] > 0).any()
    said = _codes(report, "author.collective")
    assert [(i.row, i.column) for i in said] == [(2, "D"), (3, "D")] and all("“全体委员”" in i.message for i in said)
    assert not _codes(report, "roster.unknown_person")


def test_a_unit_written_otherwise_in_the_author_cell_counts_as_the_roster_writes_it(tmp_path):
    # 农业界别组 and 县政协经济委 in the author cell, the 单位 cell empty: paid to 农业界 and 县政协经济委员会
    # (unit.read_as at D), but the items counted for 农业界别组 and 县政协经济委, units no roster lists
    # (roster.unknown_unit at the empty E cell): 农业界 had 1 item in the unit table and 2 in the rewards;
    # and 农业界 beside 农业界别组 was "one person written two ways" (author.variant). 经济界别活动组 (a sector's
    # group, as 经济界别组 is) was a payee of its own beside its 单位 经济界. By hand: 农业界 2 items ¥200.00,
    # 县政协经济委员会 1 ¥100.00, 经济界 1 ¥100.00, in the unit table and the rewards alike.
    roster = _roster(tmp_path, ("农业界", "界别组"), ("经济界", "界别组"), ("县政协经济委员会", "专委会"))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-02-05", "关于高标准农田建设的建议", "农业界别组", None, "√"],
        [2, "2025-03-05", "关于科技成果转化的建议", "县政协经济委", None, "√"],
        [3, "2025-04-05", "关于家庭农场的建议", "农业界", None, "√"],
        [4, "2025-05-05", "关于个体工商户的建议", "经济界别活动组", "经济界", "√"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert ledger.submissions["unit"].tolist() == ["农业界", "县政协经济委员会", "农业界", "经济界"]
    assert _submitted(ledger) == {"农业界": 2, "县政协经济委员会": 1, "经济界": 1}
    assert _paid(ledger) == {"农业界": Decimal("200.00"), "县政协经济委员会": Decimal("100.00"), "经济界": Decimal("100.00")}
    assert sorted((i.row, i.column) for i in _codes(report, "unit.read_as")) == [(2, "D"), (3, "D"), (5, "D")]
    assert not _codes(report, "roster.unknown_unit") and not _codes(report, "author.variant")


def test_a_bank_presidents_post_is_not_part_of_the_unit(tmp_path):
    # 张三（县政协委员、县农商银行行长）: 行长 was no post word, so 县农商银行行长 was said to be read as the unit.
    # 行长 is a post (rules post_words): the unit 县农商银行, 行长 said of 张三; the 单位 cell's 经济界 counts.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        HEAD,
        [1, "2025-02-05", "关于普惠金融的建议", "张三（县政协委员、县农商银行行长）", "经济界", "√"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert ledger.authors["name"].tolist() == ["张三"] and "行长" in ledger.authors["tag"].iat[0]
    # The bracket says who 张三 is and where he works, plainly (an info, no longer a warning); the 单位 column's 经济界
    # is his 界别, no other unit to warn of (author.unit_not_column was a false warning too).
    said = _codes(report, "author.unit_in_brackets")
    assert len(said) == 1 and "“县农商银行”读作" in said[0].message and said[0].severity == "info"
    assert not _codes(report, "author.with_unit") and not _codes(report, "author.unit_not_column")
    assert _paid(ledger) == {"张三": Decimal("100.00")}
