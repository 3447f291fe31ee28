"""A third 批示 column beside 批示领导 | 批示内容, and the item itself named before a 上报.

An office that added a `领导批示` column to its `批示领导 | 批示内容` later writes a second leader's
批示 there, or the first again; and a 采用情况 or 备注 saying `此条同时报省政协` speaks of the item
itself (此条), no body. Every workbook is written by hand here, every answer worked out by hand, and
every cell is checked to be read or named in a finding.
"""
from __future__ import annotations

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "2025年度社情民意信息报送采用登记表"
HEADER = ["序号", "收稿日期", "信息标题", "作者", "采用情况"]


def _ledger(tmp_path, rows, header=HEADER):
    body = [[k, f"2025-03-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *row] for k, row in enumerate(rows, 1)]
    return assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"一季度": [[TITLE], header, *body]}))


def _found(report, code) -> list[tuple]:
    return [(i.row, i.column) for i in report.issues if i.code == code]


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
