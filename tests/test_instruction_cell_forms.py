"""One leader's 批示 in a 领导批示 cell, written the ordinary ways with a comma before ``post+name：``: a day
first (2025年3月5日，市长李某某：…), a clause naming no leader first (经市政府研究，常务副市长周某某：…), or a
批示 word inside what was said (副市长王某某：按市长批示抓好落实). Each is that leader's 批示, at that leader's
level, on the day written; never a leader ``请市水利局研究办理`` or ``副市长王某某:按市长``.

A city office (江州市政协, 市级): its own 市长 and 副市长 are 市级. Workbooks written by hand; answers worked
out by hand; every non-empty cell read or named.
"""
from __future__ import annotations

import copy
import datetime as dt

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "作者单位", "采用情况", "领导批示"]


def _city_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(name="江州市政协", full_name="政协江州市委员会", own_tier="市级", place="江州市", city="",
                          province="江南省")
    return Rules(data=data, source="<测试>")


def _read(tmp_path, cells: list[str]):
    rows = [["江州市政协2025年社情民意信息台账"], HEADER]
    rows += [[k, f"2025-02-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", "民盟市委", f"江州市政协《社情民意》第{k}期", c]
             for k, c in enumerate(cells, 1)]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    return assert_every_cell_accounted(path, rules=_city_rules(), year=2025)


def _said(ledger) -> dict[int, list[tuple]]:
    """Per ledger row: (leader, level, day or None, words) of each 批示, in order."""
    out: dict[int, list[tuple]] = {}
    ins = ledger.instructions
    for row, leader, level, day, text in zip(ins["row"], ins["leader"], ins["level"], ins["date"], ins["text"]):
        out.setdefault(int(row), []).append((leader, str(level), None if pd.isna(day) else day.date(), text))
    return out


def _instruction_codes(report) -> list[tuple[str, int]]:
    return [(i.code, i.row) for i in report.issues if i.code.startswith("instruction.")]


def test_a_day_then_a_comma_before_the_leader_is_that_instructions_day(tmp_path):
    ledger, report = _read(tmp_path, ["2025年3月5日，市长李某某：同意，请市水利局研究办理。",
                                      "3月5日，副市长王某某：请市教育局牵头研究。"])
    # by hand: one 批示 each, by the city's own 市长/副市长 (市级), on 5 March 2025 (3月5日: the ledger's
    # year); the words after the colon, the comma in them no second leader.
    # Before: row 3 two 批示, the second by "请市水利局研究办理。"; row 4 a leader "副市长王某某:请…", not counted.
    assert _said(ledger) == {3: [("市长李某某", "市级", dt.date(2025, 3, 5), "同意,请市水利局研究办理。")],
                             4: [("副市长王某某", "市级", dt.date(2025, 3, 5), "请市教育局牵头研究。")]}
    assert _instruction_codes(report) == []


def test_a_clause_naming_no_leader_before_the_leader_is_not_a_leader(tmp_path):
    ledger, report = _read(tmp_path, ["经市政府研究，常务副市长周某某：请市财政局会同相关部门研究。",
                                      "已批示，副市长王某某：请市住建局研究落实。",
                                      "已于3月5日批示，副市长王某某：请市住建局研究落实。"])
    # by hand: one 批示 each, by the leader after the comma (市级); 经市政府研究 and 已批示 say how it came.
    # The day in 已于3月5日批示 is the 批示's. Before: a counted leader "经市政府研究" and the 常务副市长 not
    # counted; an unnamed leader with words "副市长王某某:请…".
    assert _said(ledger) == {3: [("常务副市长周某某", "市级", None, "请市财政局会同相关部门研究。")],
                             4: [("副市长王某某", "市级", None, "请市住建局研究落实。")],
                             5: [("副市长王某某", "市级", dt.date(2025, 3, 5), "请市住建局研究落实。")]}
    assert _instruction_codes(report) == []


def test_a_leaders_words_holding_the_word_pishi_are_that_leaders(tmp_path):
    ledger, report = _read(tmp_path, ["市长李某某批示（2025.3.8），副市长王某某：按市长批示抓好落实。",
                                      "市长李某某：请按省委批示精神办理"])
    # by hand, row 3: two 批示. 市长李某某批示（2025.3.8） is whole (a leader, the word, a day) and says no
    # words, so what follows the comma is no one addressed in them: 副市长王某某 (post, full name, colon)
    # gives 批示 of his own, 按市长批示抓好落实 (the 市长's named in the third person), undated.
    # Row 4: one, by 市长李某某 (市级); 省委批示 is in his words, no 省级 leader "市长李某某:请按省委".
    assert _said(ledger) == {3: [("市长李某某", "市级", dt.date(2025, 3, 8), ""),
                                 ("副市长王某某", "市级", None, "按市长批示抓好落实。")],
                             4: [("市长李某某", "市级", None, "请按省委批示精神办理")]}
    assert _instruction_codes(report) == []


def test_a_second_leader_with_the_word_after_a_comma_is_still_said(tmp_path):
    ledger, report = _read(tmp_path, ["市长李某某：同意，副市长王某某批示：请落实"])
    # by hand: as 县委书记李某某：同意，县长王某某：请教育局落实 is: one 批示 by the first (his words run on),
    # the second leader said at the cell. Before: two, by "市长李某某:同意" and 副市长王某某, not said.
    assert _said(ledger) == {3: [("市长李某某", "市级", None, "同意,副市长王某某批示:请落实")]}
    assert _instruction_codes(report) == [("instruction.second_after_comma", 3)]
