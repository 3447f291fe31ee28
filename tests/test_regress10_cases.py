"""Ordinary 批示 cells of a county office (东山县政协, 县级; 江州市, 江南省) that merely look like the new
triggers (a department asked to act, as in 请李副区长阅处; words about 企业/银行), read as written.

What was wrong, worked out by hand below:
- ``县长王某阅示，请县金融办研究`` / ``县长王某已阅，请县发改局阅处`` (a leader, then after a comma his words
  asking a department to act) were two 批示: one by 县长王某阅示 and one by a "leader" 请县金融办研究, the latter
  said (instruction.leader_not_counted) as a department's head: a false finding, and a leader named with
  his read word;
- ``请县发改局阅处（县长王某）`` (the words, the leader in brackets after them) was a 批示 by a "leader" of
  the whole text, not counted: the item paid 30 instead of 60, with a finding calling it a department's head.

Rewards (rules 2026): 县政协《社情民意》 (县级) 30 yuan, an item with a counted 批示 ×2.
"""
from __future__ import annotations

import copy
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

HEADER = ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "备注"]
AUTHORS = "甲乙丙丁戊己庚辛"


def _county_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="东山县政协", full_name="政协东山县委员会", own_tier="县级", place="东山县",
                          city="江州市", province="江南省")
    return Rules(data=data, source="<测试>")


def _read(tmp_path, said: list[str]):
    """One item a row (item k on Excel row k + 2), each adopted in the 县政协《社情民意》, its 批示 as written."""
    rows = [["东山县政协2026年社情民意信息报送台账"], HEADER]
    rows += [[k, f"2026-05-{k:02d}", f"关于支持民营企业第{k}项的建议", f"作者{AUTHORS[k - 1]}", f"县政协《社情民意》第{k}期", s, None]
             for k, s in enumerate(said, 1)]
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"2026年": rows})
    return assert_every_cell_accounted(path, rules=_county_rules(), year=2026)


def _leaders(ledger) -> dict[int, list[tuple[str, str]]]:
    ins = ledger.instructions
    out: dict = {}
    for row, leader, level in zip(ins["row"], ins["leader"], ins["level"]):
        out.setdefault(int(row), []).append((leader, str(level)))
    return out


def test_a_leader_then_words_asking_a_department_is_one_instruction(tmp_path):
    ledger, report = _read(tmp_path, ["县长王某阅示，请县金融办研究", "县长王某已阅，请县发改局阅处",
                                      "县长王某批示，请县金融办督促各银行整改"])
    # by hand: each row is one 批示 by 县长王某 (县级), his words asking a department to act; 请县金融办研究 is what
    # he said, not a leader. Before: rows 3 and 4 two 批示 each, one by "请县金融办研究"/"请县发改局阅处", said as a
    # department's head (instruction.leader_not_counted), the other by "县长王某阅示"/"县长王某已阅".
    assert _leaders(ledger) == {3: [("县长王某", "县级")], 4: [("县长王某", "县级")], 5: [("县长王某", "县级")]}
    assert findings(report, "instruction.leader_not_counted") == []
    # 稿酬: each item 县级 30 × 2 = 60.
    assert paid(ledger, 2026) == {f"作者{a}": Decimal("60") for a in "甲乙丙"}


def test_words_then_the_leader_in_brackets_is_that_leaders_instruction(tmp_path):
    ledger, report = _read(tmp_path, ["请县发改局阅处（县长王某）", "请李副县长阅处"])
    # by hand: row 3 is 县长王某's 批示 (县级), his words asking the 县发改局 to read and handle it: the item paid
    # 30 × 2 = 60. Row 4 only asks a leader to read it: no 批示 (instruction.asked_only), 30.
    # Before: row 3 a 批示 by a "leader" 请县发改局阅处(县长王某), not counted, said as a department's head; paid 30.
    assert _leaders(ledger) == {3: [("县长王某", "县级")]}
    assert findings(report, "instruction.leader_not_counted") == []
    assert [(i.row, i.column) for i in findings(report, "instruction.asked_only")] == [(4, "F")]
    assert paid(ledger, 2026) == {"作者甲": Decimal("60"), "作者乙": Decimal("30")}


def test_a_note_saying_no_points_are_taken_off_is_no_deduction(tmp_path):
    rows = [["东山县政协2026年社情民意信息报送台账"], ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "得分", "备注"],
            [1, "2026-06-01", "关于企业用工的建议", "王中", "民革县委", "县政协《社情民意》第1期", 4, "经核实不扣分"],
            [2, "2026-06-02", "关于银行网点的建议", "李小", "民盟县委", None, 1, "无需扣分"],
            [3, "2026-06-03", "关于校车安全的建议", "张一", "民盟县委", None, 1, "未扣分，分两期刊发"],
            [4, "2026-06-04", "关于重复信息的建议", "刘二", "民革县委", None, 1, "与他人雷同，扣1分"]]
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"2026年": rows})
    ledger, report = assert_every_cell_accounted(path, rules=_county_rules(), year=2026)
    # by hand: rows 3–5 say nothing is taken off (不扣分, 无需扣分, 未扣分): no deduction to tell staff of; their
    # 得分 agree with the rules (县级 adoption 1 + 3 = 4; sent only 1). Row 6 takes 1 point off: said at H6, as before.
    # Before: H3, H4 and H5 were each said to take points off (cell.deduction_unapplied).
    assert [(i.row, i.column) for i in findings(report, "cell.deduction_unapplied")] == [(6, "H")]
    assert findings(report, "points.written_differs") == []
    assert paid(ledger, 2026) == {"王中": Decimal("30")}


def test_a_year_and_its_nian_du_after_a_name_is_no_part_of_it(tmp_path):
    rows = [["东山县政协2026年社情民意信息报送台账"], HEADER,
            [1, "2026-06-01", "关于企业用工的建议", "张一2025年度", "县政协《社情民意》第1期", None, None],
            [2, "2026-06-02", "关于银行网点的建议", "张一", "县政协《社情民意》第2期", None, None]]
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"2026年": rows})
    ledger, report = assert_every_cell_accounted(path, rules=_county_rules(), year=2026)
    # by hand: both items are 张一's (2025年度 typed after the name, as 王芳2025 is a year): 县级 30 + 30 = 60, the
    # year said at D3 (author.dated). Before: a person "张一2025年度" paid 30, nothing said.
    assert [(i.row, i.column) for i in findings(report, "author.dated")] == [(3, "D")]
    assert paid(ledger, 2026) == {"张一": Decimal("60")}
