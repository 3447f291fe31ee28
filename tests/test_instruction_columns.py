"""A third 批示 column beside 批示领导 | 批示内容, and the item itself named before a 上报.

An office that added a `领导批示` column to its `批示领导 | 批示内容` later writes a second leader's
批示 there, or the first again; and a 采用情况 or 备注 saying `此条同时报省政协` speaks of the item
itself (此条), no body. Every workbook is written by hand here, every answer worked out by hand, and
every cell is checked to be read or named in a finding.
"""
from __future__ import annotations

from collections import Counter

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "2025年度社情民意信息报送采用登记表"
HEADER = ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示领导", "批示内容", "领导批示"]


def _ledger(tmp_path, rows, header=HEADER):
    body = [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *row] for k, row in enumerate(rows, 1)]
    return assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"一季度": [[TITLE], header, *body]}))


def _instructions(ledger) -> list[tuple]:
    """(Excel row, column, leader, text) of each 批示, in table order."""
    i = ledger.instructions
    return list(zip(i["row"].astype(int), i["column"], i["leader"], i["text"]))


def _found(report, code) -> list[tuple]:
    return [(i.row, i.column) for i in report.issues if i.code == code]


def test_a_third_instruction_column_naming_its_leader_is_a_second_instruction(tmp_path):
    ledger, report = _ledger(tmp_path, [
        ["县政协编发第1期", "县长张三", "请县农业局研究落实", "县委书记李四:同意"],  # row 3: two 批示
        ["县政协编发第2期", None, None, "县委书记李四:同意"],  # row 4: the third column alone, one
        ["县政协编发第3期", "县长张三", "请县农业局研究落实", "县长张三:请县农业局研究落实"],  # row 5: written twice, one
        ["县政协编发第4期", "县长张三", None, "县委书记李四批示：同意"],  # row 6: no 批示内容, two
        ["县政协编发第5期", "县长张三", "请研究", "已批示"],  # rows 7-9: that 批示, one each
        ["县政协编发第6期", "县长张三", "请研究", "√"],
        ["县政协编发第7期", "县长张三", None, "请研究"],  # the third column its words
    ])
    assert _instructions(ledger) == [
        (3, "F", "县长张三", "请县农业局研究落实"), (3, "H", "县委书记李四", "同意"),
        (4, "H", "县委书记李四", "同意"),
        (5, "F", "县长张三", "请县农业局研究落实"),
        (6, "F", "县长张三", ""), (6, "H", "县委书记李四", "同意"),
        (7, "F", "县长张三", "请研究"), (8, "F", "县长张三", "请研究"), (9, "F", "县长张三", "请研究"),
    ]
    assert Counter(ledger.instructions["leader"]) == {"县长张三": 6, "县委书记李四": 3}
    assert set(ledger.instructions["level"].astype(str)) == {"县级"}
    # The same leader again is one 批示, said as the reader says a 批示 written twice.
    assert _found(report, "instruction.repeated") == [(5, "H")]
    assert "F5" in next(i.message for i in report.issues if i.code == "instruction.repeated")
    assert not _found(report, "instruction.unclear_second")
    summary = sq.summary(ledger, 2025)
    assert summary.instructions == 9 and summary.instructions_by_level["县级"] == 9
    # 县级 adoption 30元, doubled for an item with a 批示 (one or two): 60元 each, as before the second was read.
    r = sq.rewards(ledger, 2025)
    assert dict(zip(r["name"], r["amount_fen"])) == {f"作者{k}号": 6000 for k in range(1, 8)}


@pytest.mark.parametrize("third, day", [
    ("张三", None),  # the name alone
    ("县长", None),  # the post alone
    ("县长张三（4月5日）", "2025-04-05"),  # with its day: the 批示's
    ("2025.4.5", "2025-04-05"),  # a day alone: the 批示's, no leader again
])
def test_the_row_leader_again_in_the_third_column_is_one_instruction(tmp_path, third, day):
    ledger, report = _ledger(tmp_path, [["县政协编发第1期", "县长张三", "请研究", third]])
    assert _instructions(ledger) == [(3, "F", "县长张三", "请研究")]
    dates = ledger.instructions["date"]
    assert (str(dates.iloc[0].date()) if dates.notna().iloc[0] else None) == day
    assert _found(report, "instruction.repeated") == ([] if third == "2025.4.5" else [(3, "H")])
    assert not _found(report, "instruction.unclear_second") and not _found(report, "mark.unknown")


def test_a_post_alone_beside_the_third_column_takes_its_name(tmp_path):
    ledger, report = _ledger(tmp_path, [["县政协编发第1期", "县长", "请研究", "县长张三:同意"]])
    assert _instructions(ledger) == [(3, "F", "县长张三", "请研究")]
    assert _found(report, "instruction.repeated") == [(3, "H")]


@pytest.mark.parametrize("third", ["同意", "李四"])
def test_words_naming_no_leader_beside_another_instruction_text_are_said(tmp_path, third):
    # 同意 may be 县长张三's words or another leader's; 李四 a second leader or 张三's clerk: neither read, said.
    ledger, report = _ledger(tmp_path, [["县政协编发第1期", "县长张三", "请县农业局研究落实", third]])
    assert _instructions(ledger) == [(3, "F", "县长张三", "请县农业局研究落实")]
    unclear = [i for i in report.issues if i.code == "instruction.unclear_second"]
    assert [(i.row, i.column) for i in unclear] == [(3, "H")]
    assert third in unclear[0].message and "县长张三" in unclear[0].message


SUBJECTS = [
    ("此条同时报省政协", [("省政协", "省级")]),
    ("此条已报市政协", [("市政协", "市级")]),
    ("此条同时报送省政协", [("省政协", "省级")]),
    ("本条同时报省政协", [("省政协", "省级")]),
    ("该条信息同时上报省政协", [("省政协", "省级")]),
    ("以上三条均同时报省政协", [("省政协", "省级")]),
    ("该信息同时报市政协和省政协", [("市政协", "市级"), ("省政协", "省级")]),
]


@pytest.mark.parametrize("header", ["采用情况", "采用单位", "上报情况"])
def test_the_item_itself_before_a_forwarding_is_no_body(tmp_path, header):
    head = ["序号", "收稿日期", "信息标题", "作者", header]
    ledger, report = _ledger(tmp_path, [[text] for text, _ in SUBJECTS], head)
    fw = ledger.forwards
    got = sorted(zip(fw["row"].astype(int), fw["body"], fw["tier"].astype(str)))
    assert got == sorted((k, body, tier) for k, (_, sent) in enumerate(SUBJECTS, 3) for body, tier in sent)
    assert ledger.adoptions.empty
    assert not _found(report, "mark.unknown")
    assert sq.rewards(ledger, 2025).empty  # a 上报 is no adoption: nothing paid


def test_a_note_forwarding_to_two_bodies_is_two_forwardings(tmp_path):
    head = ["序号", "收稿日期", "信息标题", "作者", "采用情况", "备注"]
    ledger, report = _ledger(tmp_path, [["县政协编发第1期", text] for text, _ in SUBJECTS]
                             + [["县政协编发第8期", "已报市政协、省政协"]], head)
    fw = ledger.forwards
    got = sorted(zip(fw["row"].astype(int), fw["body"], fw["tier"].astype(str)))
    expected = [(k, body, tier) for k, (_, sent) in enumerate(SUBJECTS, 3) for body, tier in sent]
    assert got == sorted(expected + [(10, "市政协", "市级"), (10, "省政协", "省级")])
    assert not _found(report, "mark.unknown")
    assert _found(report, "forward.in_note") == [(k, "F") for k in range(3, 11)]
    # each item adopted once at 县级 (30元), the 上报 paid nothing
    r = sq.rewards(ledger, 2025)
    assert dict(zip(r["name"], r["amount_fen"])) == {f"作者{k}号": 3000 for k in range(1, 9)}
