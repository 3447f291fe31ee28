"""A 领导批示 cell naming two leaders, each as ``leader：words`` with no 批示 word: two 批示, each
leader's with its own words (read whole it was one, the second leader's words folded into the first's).

Every workbook is written by hand in the test and every answer worked out by hand; each non-empty cell
is consumed into a record or named in a finding.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "示例县政协2025年社情民意信息报送台账"
HEADER = ["序号", "信息标题", "作者", "单位", "报送日期", "采用情况", "领导批示"]


def _ledger(tmp_path, cells: list[str]):
    rows = [[TITLE], HEADER]
    for k, cell in enumerate(cells, 1):
        rows.append([k, f"关于第{k}件事的建议", f"作者{k}号", "民革县委", f"2025-03-{k:02d}", "县政协编发", cell])
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path)
    return ledger, report


def _said(ledger) -> dict[int, list[tuple[str, str]]]:
    """Each item's 批示 by row (1, 2, …) in cell order as (leader, words), the words without a closing 。."""
    out: dict[int, list[tuple[str, str]]] = {}
    ins = ledger.instructions
    for item, leader, text in zip(ins["item"], ins["leader"], ins["text"]):
        out.setdefault(int(item) + 1, []).append((leader, str(text).rstrip("。")))
    return out


TWO = [("县委书记李某某", "同意"), ("县长王某某", "请教育局落实")]


def test_two_leaders_each_with_a_colon_are_two_instructions(tmp_path):
    cells = ["1.县委书记李某某：同意。2.县长王某某：请教育局落实。",
             "县委书记李某某：同意。县长王某某：请教育局落实。",
             "1、县委书记李某某：同意\n2、县长王某某：请教育局落实",
             "县委书记李某某：同意；县长王某某：请教育局落实"]
    ledger, report = _ledger(tmp_path, cells)
    # by hand: every row names two leaders, each with their words: 4 rows x 2 = 8 批示
    assert _said(ledger) == {1: TWO, 2: TWO, 3: TWO, 4: TWO}
    assert len(ledger.instructions) == 8
    assert sorted(ledger.instructions["leader"].value_counts().items()) == [("县委书记李某某", 4), ("县长王某某", 4)]


def test_a_leader_with_the_word_beside_one_without_is_two(tmp_path):
    ledger, _ = _ledger(tmp_path, ["县委书记李某某：同意。县长王某某批示：请教育局落实",
                                   "2025年3月5日县委书记李某某：同意。2025年3月9日县长：请教育局落实"])
    said = _said(ledger)
    assert said[1] == TWO
    assert said[2] == [("县委书记李某某", "同意"), ("县长", "请教育局落实")]


def test_a_leader_named_in_what_was_said_is_no_second_instruction(tmp_path):
    cells = ["县委书记李某某：请县长王某某牵头办理",
             "县委书记李某某：同意。请县长王某某：牵头办理",
             "县委书记李某某：同意。县教育局：抓紧落实",
             "县委书记李某某：同意。县长王某某：请教育局落实。"]
    ledger, _ = _ledger(tmp_path, cells)
    # by hand: one 批示 each on rows 1-3, by 县委书记 (县长王某某 and 县教育局 are in his words);
    # two on row 4, where a sentence opens with 县长王某某 and a colon
    assert _said(ledger) == {1: [("县委书记李某某", "请县长王某某牵头办理")],
                             2: [("县委书记李某某", "同意。请县长王某某:牵头办理")],
                             3: [("县委书记李某某", "同意。县教育局:抓紧落实")],
                             4: TWO}


def test_the_reward_is_still_doubled_once_per_item(tmp_path):
    ledger, _ = _ledger(tmp_path, ["1.县委书记李某某：同意。2.县长王某某：请教育局落实。", "县委书记李某某：同意", ""])
    # by hand: 县政协编发 is 30 yuan, doubled by a 批示 to 60 however many leaders gave one; row 3 has none.
    # the first row now has two 批示, its reward the same as the second's with one.
    assert len(ledger.instructions) == 3
    paid = dict(zip(*(lambda r: (r["name"], r["amount"]))(sq.rewards(ledger, 2025))))
    assert paid == {"作者1号": Decimal("60"), "作者2号": Decimal("60"), "作者3号": Decimal("30")}


def test_a_leader_addressed_after_a_comma_is_no_second_instruction(tmp_path):
    cells = ["县长王某某批示：同意，请分管副县长：牵头落实",
             "县长王某某：同意，张副县长：请牵头研究",
             "县委书记李某某：很好，请王县长：阅处"]
    ledger, _ = _ledger(tmp_path, cells)
    # by hand: each cell is one leader's 批示, whoever it is addressed to after the comma: 3 批示
    said = _said(ledger)
    assert [[leader for leader, _ in said[k]] for k in (1, 2, 3)] == [["县长王某某"], ["县长王某某"], ["县委书记李某某"]]
    assert len(ledger.instructions) == 3
