"""An ordinary county office (示例县政协, the shipped rules: 县级 30, 市级 100, 省级 200 yuan; a 批示 ×2) whose
ordinary cells merely look like the words the recent readings look for, worked out by hand.

What came out wrong before:
- a 批示 asked of a leader, written after the item it is about (``该信息已报请县长批示``, ``此件已提请县委书记批示``,
  ``本信息拟请县长批示``, ``该条信息待县长批示``), or the item sent to a post for it (``已报市长批示``), was read as a
  批示 given by a leader ``该信息已报请县长`` and the item paid double: in the 批示 column without a word;
- in the 备注, ``拟请县长批示`` beside an adoption was said to deny the adoption (adoption.note_denies), and
  ``该信息已报请县长批示`` said as a 上报 counted (forward.in_note) and then as one not counted (forward.own_level);
- a 备注 saying the item is to be printed once something is done (``修改后再编发``, ``待县长批示后再编发``) or in the next
  issue (``下期编发``) on a row with no adoption was counted as adopted in the office's own bulletin and paid.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import sqmy_lib as sq

from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

D = dt.date
HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"]


def _ledger(folder, rows):
    folder.mkdir(parents=True, exist_ok=True)
    return write_xlsx(folder / "2026年社情民意信息台账.xlsx",
                      {"一季度": [["示例县政协2026年一季度社情民意信息报送采用台账"], HEADER, *rows]})


# Asked, not given: each item paid at its tier once.
#   1 陈静   县级 (县政协第1期), 批示 column 该信息已报请县长批示 (asked)              30
#   2 陈静   市级 (市政协第3期), 批示 column 此件已提请县委书记批示 (asked)            100
#   3 李明   县级, 备注 本信息拟请县长批示 (asked)                                      30
#   4 李明   县级, 备注 该条信息待县长批示 (awaited)                                    30
#   5 王芳   县级, 批示 column 已报市长批示 (sent to the 市长 for one: asked)          30
#   6 王芳   县级, 批示 column 县长张某某：请县住建局研究办理。 (given: ×2)             60
#   7 欧阳修 (written 欧阳 修: one person) 县级, 备注 该信息报请县长批示后，县长张某某已批示同意:
#            one 批示 (县长张某某's), ×2                                                60
# 陈静 130, 李明 60, 王芳 90, 欧阳修 60 = 340.00; 批示 2 (rows 6 and 7).
ASKED = [
    [1, D(2026, 1, 5), "关于请求加快农村建房审批的建议", "陈静", "农工党县委", "县政协第1期", "该信息已报请县长批示", None],
    [2, D(2026, 1, 12), "群众期待尽快解决城区停车难问题", "陈静", "农工党县委", "市政协第3期", "此件已提请县委书记批示", None],
    [3, D(2026, 2, 3), "关于拟建城南垃圾中转站选址的意见", "李明", "民建县委", "县政协第2期", None, "本信息拟请县长批示"],
    [4, D(2026, 2, 14), "关于待业青年就业帮扶的建议", "李明", "民建县委", "县政协第3期", None, "该条信息待县长批示"],
    [5, D(2026, 3, 2), "关于加快待审批项目落地的建议", "王芳", "民建县委", "县政协第4期", "已报市长批示", None],
    [6, D(2026, 3, 10), "关于落实县长批示精神建设美丽乡村的建议", "王芳", "民建县委", "县政协第5期", "县长张某某：请县住建局研究办理。", None],
    [7, D(2026, 3, 18), "关于提请重视农村留守儿童心理健康的建议", "欧阳 修", "民盟县委", "县政协第6期", None,
     "该信息报请县长批示后，县长张某某已批示同意"],
]
ASKED_PAID = {"陈静": Decimal("130.00"), "李明": Decimal("60.00"), "王芳": Decimal("90.00"), "欧阳修": Decimal("60.00")}


def test_a_instruction_asked_after_the_item_is_not_paid_double(tmp_path):
    ledger = sq.read_ledgers(_ledger(tmp_path / "台账", ASKED), year=2026)
    assert paid(ledger, 2026) == ASKED_PAID
    assert sorted(ledger.instructions["row"]) == [8, 9]
    assert list(ledger.instructions["leader"]) != [] and not any("该信息" in x for x in ledger.instructions["leader"])


def test_a_instruction_asked_then_given_in_the_instruction_column_is_the_givers(tmp_path):
    # Row 7's cell moved to the 批示 column: one 批示, 县长张某某's (the tool named the leader 该信息报请县长), ×2, 60.
    rows = [[*r[:6], r[7], None] if r[0] == 7 else r for r in ASKED]
    ledger = sq.read_ledgers(_ledger(tmp_path / "台账", rows), year=2026)
    assert paid(ledger, 2026) == ASKED_PAID
    assert sorted(zip(ledger.instructions["row"], ledger.instructions["leader"])) == [(8, "县长张某某"), (9, "县长张某某")]


def test_the_command_pays_the_same(tmp_path):
    _ledger(tmp_path / "台账", ASKED)
    ran = sqmy("compute", "rewards", tmp_path / "台账", "--year", "2026", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    assert {r["name"]: Decimal(str(r["amount"])) for r in json.loads(ran.stdout)} == ASKED_PAID
    assert sum(ASKED_PAID.values()) == Decimal("340.00")


def test_a_instruction_asked_in_the_note_says_nothing_against_the_adoption(tmp_path):
    # Rows 3 and 4 (Excel rows 5, 6) are adopted at 县级; their 备注 ask a 批示: no word against the adoption, no
    # 上报 to a 县级 leader. Row 7's 备注 (Excel H9) gives one 批示, said once as written in the 备注.
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path / "台账", ASKED), year=2026)
    for code in ("adoption.note_denies", "forward.in_note", "forward.own_level"):
        assert findings(report, code) == [], code
    assert [f"{i.column}{i.row}" for i in findings(report, "instruction.in_note")] == ["H9"]
    assert ledger.forwards.empty


# Plans in the 备注 of rows with no adoption: none adopted, none paid.
#   1 陈静 修改后再编发 · 2 陈静 待县长批示后再编发 · 3 陈静 作者修改后，下期编发: pending, 0
#   4 李明 县政协第7期 (县级 30), 备注 作者要求稿酬按季度发放 (about money in passing: nothing)
# 李明 30.00; adoptions 1.
PLANS = [
    [1, D(2026, 1, 8), "关于规范营业执照副本管理的建议", "陈静", "农工党县委", None, None, "修改后再编发"],
    [2, D(2026, 1, 9), "关于完善12345热线督办机制的建议", "陈静", "农工党县委", None, None, "待县长批示后再编发"],
    [3, D(2026, 1, 10), "关于群众期待的口袋公园建设的建议", "陈静", "农工党县委", None, None, "作者修改后，下期编发"],
    [4, D(2026, 1, 11), "关于乡村物流的建议", "李明", "民建县委", "县政协第7期", None, "作者要求稿酬按季度发放"],
]


def test_a_note_saying_it_will_be_printed_is_no_adoption(tmp_path):
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path / "台账", PLANS), year=2026)
    assert len(ledger.adoptions) == 1
    assert paid(ledger, 2026) == {"李明": Decimal("30.00")}
    assert findings(report, "adoption.in_note") == []


# A name typed with a space in it and marked 执笔 is one person, the 执笔 (it was 欧阳 and 修, two people, each a share):
#   1 欧阳 修（执笔）          县级 30                                  欧阳修 30
#   2 欧阳 修（执笔）、王芳    市级 100, two authors: 50 each           欧阳修 50, 王芳 50
#   3 王芳 欧阳 修执笔         县级 30, two authors: 15 each            欧阳修 15, 王芳 15
# 欧阳修 95.00, 王芳 65.00; authors 1 + 2 + 2 = 5, 欧阳修 the 执笔 of each.
SCRIBES = [
    [1, D(2026, 1, 6), "关于城区停车难问题的建议", "欧阳 修（执笔）", "民盟县委", "县政协第1期", None, None],
    [2, D(2026, 1, 13), "关于农村饮水安全的建议", "欧阳 修（执笔）、王芳", "民盟县委", "市政协第2期", None, None],
    [3, D(2026, 1, 20), "关于校外培训的建议", "王芳 欧阳 修执笔", "民盟县委", "县政协第2期", None, None],
]


def test_a_spaced_name_marked_as_the_scribe_is_one_person(tmp_path):
    ledger, _ = assert_every_cell_accounted(_ledger(tmp_path / "台账", SCRIBES), year=2026)
    assert paid(ledger, 2026) == {"欧阳修": Decimal("95.00"), "王芳": Decimal("65.00")}
    authors = ledger.authors.sort_values(["item", "position"])
    assert list(zip(authors["name"], authors["scribe"])) == [
        ("欧阳修", True), ("欧阳修", True), ("王芳", False), ("王芳", False), ("欧阳修", True)]
