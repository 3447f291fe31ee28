"""上报 written with what it speaks of or an adverb before the verb (此条已报市政协, 以上三条均已报市政协,
已于7月5日报市政协), and 上报 columns headed 转报情况 / 转报单位 / 是否转报: each a 上报 record, never an adoption.

Every workbook is written by hand, every answer worked out by hand, and every workbook is checked
for the reader's invariant (each non-empty cell read into a record or named in a finding). The
rules are the shipped defaults: a 县级 office, 县级 paid 30, 市级 100, 省级 200; 上报 never paid.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEAD = ["序号", "收稿日期", "信息标题", "作者"]


def _rows(header: list, cells: list) -> list[list]:
    """One item a cell, written under ``header`` (the first four columns the item's own)."""
    return [header] + [[k, f"2025-06-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}号", *c] for k, c in enumerate(cells, 1)]


def _forwards(ledger) -> list[tuple]:
    fw = ledger.forwards
    return sorted(zip(fw["item"], fw["body"], fw["tier"].astype(str)))


def _codes(report, code) -> list[tuple[int, str]]:
    return [(i.row, i.column) for i in report.issues if i.code == code]


def _paid(ledger) -> dict[str, Decimal]:
    r = sq.rewards(ledger, 2025)
    return dict(zip(r["name"], r["amount"]))


def test_forwarding_after_a_subject_or_adverb_in_adoption_text(tmp_path):
    """此条已报市政协 is 已报市政协: a 上报 to 市级, not a 市级 adoption paid 100 (the 市政协 in it made it one)."""
    texts = ["此条已报市政协", "该信息已报市政协", "均已报市政协", "以上三条均已报市政协", "本条上报市政协",
             "该条已报送省政协", "上述2条信息已报市政协", "已于7月5日报市政协", "该条已于2025.7.6报送省政协"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": _rows(HEAD + ["采用情况"], [[t] for t in texts])})
    ledger, report = assert_every_cell_accounted(path)
    assert ledger.adoptions.empty
    assert _forwards(ledger) == [(0, "市政协", "市级"), (1, "市政协", "市级"), (2, "市政协", "市级"), (3, "市政协", "市级"),
                                 (4, "市政协", "市级"), (5, "省政协", "省级"), (6, "市政协", "市级"), (7, "市政协", "市级"),
                                 (8, "省政协", "省级")]
    days = dict(zip(ledger.forwards["item"], pd.to_datetime(ledger.forwards["date"]).dt.date))
    assert days[7] == dt.date(2025, 7, 5) and days[8] == dt.date(2025, 7, 6)  # the day written after 已于
    assert _paid(ledger) == {}
    assert not [i for i in report.issues if i.code.startswith(("mark.", "adoption."))]


def test_subject_before_an_adoption_or_a_forwarding_not_adopted(tmp_path):
    """该条被市政协采用 is an adoption still; 此条已报市政协未采用 a 上报 not adopted (as 已报市政协未采用 is),
    not only a refusal."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": _rows(HEAD + ["采用情况"], [["该条被市政协采用"], ["此条已报市政协未采用"]])})
    ledger, report = assert_every_cell_accounted(path)
    assert list(zip(ledger.adoptions["item"], ledger.adoptions["tier"].astype(str))) == [(0, "市级")]
    assert _forwards(ledger) == [(1, "市政协", "市级")]
    assert _paid(ledger) == {"作者1号": Decimal("100.00")}


def test_forwarding_after_a_subject_in_a_note(tmp_path):
    """备注 均已报市政协, 此条已报市政协: a 上报 each (forward.in_note), as 已报市政协 is; with no adoption
    column on the sheet the row is read for its 备注 all the same."""
    notes = ["均已报市政协", "此条已报市政协", "以上三条均已报市政协", "已报市政协", "该条已于7月5日报市政协"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": _rows(HEAD + ["备注"], [[n] for n in notes])})
    ledger, report = assert_every_cell_accounted(path)
    assert _forwards(ledger) == [(k, "市政协", "市级") for k in range(5)]
    assert _codes(report, "forward.in_note") == [(2, "E"), (3, "E"), (4, "E"), (5, "E"), (6, "E")]
    days = dict(zip(ledger.forwards["item"], pd.to_datetime(ledger.forwards["date"]).dt.date))
    assert days[4] == dt.date(2025, 7, 5)
    assert ledger.adoptions.empty and _paid(ledger) == {}


def test_note_merged_over_three_items_is_each_ones(tmp_path):
    """以上三条均已报市政协 merged down over three rows (and beside 县政协编发 on the first): a 上报 for each."""
    rows = _rows(HEAD + ["采用情况", "备注"], [["县政协编发", "以上三条均已报市政协"], [None, None], [None, None]])
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, merges={"2025年": ["F2:F4"]})
    ledger, report = assert_every_cell_accounted(path)
    assert _forwards(ledger) == [(0, "市政协", "市级"), (1, "市政协", "市级"), (2, "市政协", "市级")]
    assert _codes(report, "forward.in_note") == [(2, "F"), (3, "F"), (4, "F")]
    assert _paid(ledger) == {"作者1号": Decimal("30.00")}  # the 县政协编发 only


def test_zhuanbao_columns_name_the_body(tmp_path):
    """转报情况 / 转报单位 are 上报 columns: the cell names the body (省政协 省级, 全国政协 全国); 县委办 is the
    office's own level, said (forward.own_level), no 上报 to 市级 under the column's name."""
    for header in ("转报情况", "转报单位"):
        cells = [["已报省政协"], ["县委办"], ["全国政协"]]
        path = write_xlsx(tmp_path / f"{header}.xlsx", {"2025年": _rows(HEAD + [header], cells)})
        ledger, report = assert_every_cell_accounted(path)
        assert _forwards(ledger) == [(0, "省政协", "省级"), (2, "全国政协", "全国")], header
        assert _codes(report, "forward.own_level") == [(3, "E")]
        assert not _codes(report, "mark.other_body")
        assert ledger.adoptions.empty and _paid(ledger) == {}


def test_shifou_zhuanbao_yes_is_a_forward_to_the_level_above(tmp_path):
    """是否转报 | 是: a 上报 to the next level up (市级), said (forward.default_level); not a 县级 adoption paid 30.
    否 says none."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": _rows(HEAD + ["采用情况", "是否转报"], [[None, "否"], [None, "是"]])})
    ledger, report = assert_every_cell_accounted(path)
    assert ledger.adoptions.empty and _paid(ledger) == {}
    assert _forwards(ledger) == [(1, "上级", "市级")]
    assert _codes(report, "forward.default_level") == [(3, "F")]
