"""A joint item written on a row per unit, a year asked of last year's books, a link said once per cell.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook is checked for the reader's invariant (each non-empty cell read or named in a finding).
"""
from __future__ import annotations

import datetime as dt
import json
import warnings
from decimal import Decimal

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

TITLE = "青山县政协2025年社情民意信息报送登记表"
ITEM_HEAD = ["序号", "编号", "报送日期", "信息标题", "报送单位", "作者", "备注"]
USE_HEAD = ["序号", "编号", "信息标题", "采用单位", "期号", "采用日期", "批示领导", "批示日期", "落实情况"]
T = "关于赣江沿岸垂钓区安全管理的建议"
D = dt.datetime


def _roster(tmp_path, people=(("刘建国", "委员"), ("马俊", "委员"))):
    units = {"刘建国": "城关镇政协工委", "马俊": "河口镇政协工委"}
    return write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "聘任日期"], *[[n, role, units[n], D(2021, 12, 20) if role == "委员" else D(2024, 1, 1)]
                                                      for n, role in people]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"]]})


def _ledger(path, items, adoptions):
    """items: (编号, 报送日期, 标题, 报送单位, 作者, 备注); adoptions: the 采用登记's rows after its 序号."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(path, {"报送登记": [[TITLE], ITEM_HEAD, *[[n, *it] for n, it in enumerate(items, 1)]],
                             "采用登记": [USE_HEAD, *[[n, *a] for n, a in enumerate(adoptions, 1)]]})


def _said(report, severity=None):
    return [(i.code, i.row, i.column) for i in report.issues if severity is None or i.severity == severity]


def _figures(ledger, year=2025, quarter=2):
    units = sq.units(ledger, sq.Period.of(year, quarter=quarter)).set_index("unit")
    unit = {u: (int(r["submitted"]), int(r["adopted"]), int(r["points"])) for u, r in units.iterrows()}
    paid = {n: a for n, a in zip(*sq.rewards(ledger, year)[["name", "amount"]].T.values)}
    return int(sq.summary(ledger, year).submitted), unit, paid


# ---------------------------------------------------------------- 1. a joint item on two rows

JOINT_ROWS = [("SQ2025-001", D(2025, 6, 5), T, "城关镇政协工委", "刘建国", "联合报送"),
              (None, D(2025, 6, 5), T, "河口镇政协工委", "马俊", "联合报送")]


@pytest.mark.parametrize("named_by", ["编号", "title"])
def test_a_joint_item_on_a_row_per_unit_counts_as_the_single_row_form(tmp_path, named_by):
    # 刘建国 (城关镇) and 马俊 (河口镇) sent one item jointly, written on two rows as unit.several advised,
    # each 备注 联合报送; the 采用登记 names it by 编号 (with the title) or by title only. One item, as the
    # single-row form 城关镇政协工委、河口镇政协工委 | 刘建国、马俊 is: 报送 1 in the office's figures; counted for
    # the first row's unit, 城关镇 (1 报送 + 县级 3 = 4 points), 河口镇 0; both authors credited with the
    # item and its adoption, the 县级 30.00 shared 15.00 / 15.00. Before: 报送 2, the adoption and 30.00
    # only 刘建国's, no finding (by 编号), or link.ambiguous (by title).
    use = ("SQ2025-001" if named_by == "编号" else None, T, "县政协《社情民意》", "第11期", D(2025, 6, 20))
    path = _ledger(tmp_path / "2025年社情民意信息报送登记表.xlsx", JOINT_ROWS, [use])
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path))
    assert ledger.submissions[["item_no", "author_text", "unit"]].values.tolist() == [["SQ2025-001", "刘建国、马俊", "城关镇政协工委"]]
    assert ledger.authors["name"].tolist() == ["刘建国", "马俊"] and ledger.adoptions["item"].tolist() == [0]
    # The second row said at its title (D4): counted with row 3, its unit not counted apart.
    assert _said(report) == [("row.joint", 4, "D")]
    [joint] = report.issues
    assert "第3行那条信息的合作作者" in joint.message and "“马俊”" in joint.message
    assert "本行单位“河口镇政协工委”未单独计入,该信息按“城关镇政协工委”统计" in joint.message
    submitted, units, paid = _figures(ledger)
    assert submitted == 1
    assert units == {"城关镇政协工委": (1, 1, 4), "河口镇政协工委": (0, 0, 0)}
    assert paid == {"刘建国": Decimal("15.00"), "马俊": Decimal("15.00")}
    people = sq.people(ledger, sq.Period.of(2025, quarter=2)).set_index("name")
    assert people.loc[["刘建国", "马俊"], ["submitted", "adopted"]].values.tolist() == [[1, 1], [1, 1]]

    # The single-row form of the same item: the same figures.
    one = _ledger(tmp_path / "一行" / "台账.xlsx", [("SQ2025-001", D(2025, 6, 5), T, "城关镇政协工委、河口镇政协工委", "刘建国、马俊", "联合报送")], [use])
    single, said = assert_every_cell_accounted(one, roster=_roster(tmp_path))
    assert _figures(single) == (submitted, units, paid)
    # Its unit.several no longer tells staff to write the item on two rows to count it for both units.
    [several] = [i for i in said.issues if i.code == "unit.several"]
    assert "分行登记会算作两条信息" in several.message and "联合报送" in several.message and "如应分别计入,请分行登记" not in several.message


def test_rows_alike_without_a_joint_note_stay_two_items_and_are_said(tmp_path):
    # The same two rows with no 备注: two items (who can tell two items titled alike from one sent jointly?),
    # said at the second (item.same_title, a warning naming row 3); 报送 2, 城关镇 1 + 3 = 4 points, 河口镇 1.
    # A 备注 naming 县工商业联合会 is no 联合报送. The 采用登记 names the item by title only, with an
    # adoption and two 批示 in one row: link.ambiguous once at its title (C2), not once per record; the
    # row is left out (an error), nothing paid.
    rows = [(*JOINT_ROWS[0][:5], "县工商业联合会推荐"), (*JOINT_ROWS[1][:5], None)]
    use = (None, T, "县政协《社情民意》", "第11期", D(2025, 6, 20), "县委书记王强、县长李明", D(2025, 6, 25), "已办结")
    path = _ledger(tmp_path / "台账.xlsx", rows, [use])
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path))
    assert len(ledger.submissions) == 2
    assert _said(report, "warning") == [("item.same_title", 4, "D")]
    [same] = [i for i in report.issues if i.code == "item.same_title"]
    assert "报送登记!第3行" in same.message and "联合报送" in same.message
    assert [(c, r, col) for c, r, col in _said(report, "error") if c.startswith("link.")] == [("link.ambiguous", 2, "C")]
    units = sq.units(ledger, sq.Period.of(2025, quarter=2)).set_index("unit")
    assert units.loc[["城关镇政协工委", "河口镇政协工委"], ["submitted", "points"]].values.tolist() == [[1, 1], [1, 1]]
    assert sq.rewards(ledger, 2025).empty


def test_joint_rows_in_a_file_per_unit_with_the_note_on_each_row(tmp_path):
    # One file per unit, each with its own adoption mark in a combined ledger: 城关镇's row 县政协编发 √,
    # 河口镇's the same item, each 备注 联合 (a note on one row alone joins nothing: test_joint_words). One
    # item, 城关镇's (read first: its file sorts first); the adoption written on both rows is one, 30.00
    # shared; 河口镇's row said with the place of 城关镇's and the adoption not counted again.
    head = ["序号", "报送日期", "信息标题", "报送单位", "作者", "县政协编发", "备注"]
    (tmp_path / "台账").mkdir()
    a = write_xlsx(tmp_path / "台账" / "1城关镇.xlsx", {"报送": [[TITLE], head, [1, "2025-06-05", T, "城关镇政协工委", "刘建国", "√", "联合"]]})
    write_xlsx(tmp_path / "台账" / "2河口镇.xlsx", {"报送": [[TITLE], head, [1, "2025-06-05", T, "河口镇政协工委", "马俊", "√", "联合"]]})
    ledger, report = assert_every_cell_accounted(tmp_path / "台账", roster=_roster(tmp_path))
    assert len(ledger.submissions) == 1 and ledger.submissions["file"].tolist() == [str(a)]
    assert len(ledger.adoptions) == 1
    joint = [i for i in report.issues if i.code == "row.joint"]
    assert [(i.row, i.column) for i in joint] == [(3, "C")] and "1城关镇.xlsx!报送!第3行那条信息" in joint[0].message
    assert "本行所记与之相同的采用、上报或批示1条不重复计入" in joint[0].message
    submitted, units, paid = _figures(ledger)
    assert submitted == 1 and units == {"城关镇政协工委": (1, 1, 4), "河口镇政协工委": (0, 0, 0)}
    assert paid == {"刘建国": Decimal("15.00"), "马俊": Decimal("15.00")}


def test_a_joint_row_with_an_item_number_of_its_own_stays_an_item(tmp_path):
    # Both rows numbered (SQ2025-001, SQ2025-002): a 采用登记 may name either, so each stays an item; said
    # as rows alike are (item.same_title), the 联合报送 in their 备注 notwithstanding.
    rows = [JOINT_ROWS[0], ("SQ2025-002", *JOINT_ROWS[1][1:])]
    ledger, report = assert_every_cell_accounted(_ledger(tmp_path / "台账.xlsx", rows, []), roster=_roster(tmp_path))
    assert ledger.submissions["item_no"].tolist() == ["SQ2025-001", "SQ2025-002"]
    assert _said(report) == [("item.same_title", 4, "D")]


# ---------------------------------------------------------------- 2. next year asked of last year's books

@pytest.fixture
def books_2025(tmp_path):
    """2025's ledger only; its 采用登记 records two January 2026 adoptions of December 2025 items."""
    path = _ledger(tmp_path / "台账" / "2025年社情民意信息报送登记表.xlsx", [
        ("SQ2025-001", D(2025, 11, 5), "关于农村道路养护的建议", "城关镇政协工委", "刘建国", None),
        ("SQ2025-002", D(2025, 12, 22), "关于冬季燃气安全的建议", "城关镇政协工委", "刘建国", None),
        ("SQ2025-003", D(2025, 12, 28), "关于烟花爆竹禁放宣传的建议", "河口镇政协工委", "马俊", None)], [
        ("SQ2025-001", "关于农村道路养护的建议", "县政协《社情民意》", "第30期", D(2025, 11, 20)),
        ("SQ2025-002", "关于冬季燃气安全的建议", "县政协《社情民意》", "2026年第1期", D(2026, 1, 8)),
        ("SQ2025-003", "关于烟花爆竹禁放宣传的建议", "县政协《社情民意》", "2026年第2期", D(2026, 1, 12))])
    return path.parent, _roster(tmp_path, (("刘建国", "委员"), ("马俊", "信息员")))


NO_ITEMS = "2026年第一季度没有任何报送记录(所读台账的报送都在2025年,2026年只有此前报送信息的采用或批示记录)"


def test_a_year_with_only_carried_over_adoptions_is_refused_for_its_items_and_quotas(books_2025):
    ledgers, roster = books_2025
    # 2026 Q1: no 2026 报送 ledger was read; a table would say 任务9条，未报送 of every unit and 1月、2月、3月未报送
    # of 马俊. Refused as a year with no record at all is, the line saying what the year does hold: exit 2.
    for what in ("units", "people", "summary", "all"):
        result = sqmy("compute", what, ledgers, "--roster", roster, "--year", 2026, "--quarter", 1, "--format", "json")
        assert result.returncode == 2 and result.stdout == "", (what, result.stderr)
        assert NO_ITEMS in result.stderr and "[period.empty]" in result.stderr and "--allow-empty" in result.stderr
    # Its 稿酬 are figures: the two January adoptions, 县级 30.00 each (刘建国's SQ2025-002, 马俊's SQ2025-003), with the line a 提示.
    paid = sqmy("compute", "rewards", ledgers, "--roster", roster, "--year", 2026, "--quarter", 1, "--format", "json")
    assert paid.returncode == 0 and f"提示:{NO_ITEMS}" in paid.stderr, paid.stderr
    assert {r["name"]: r["amount"] for r in json.loads(paid.stdout)} == {"刘建国": 30.0, "马俊": 30.0}
    # --allow-empty lists the zeros anyway.
    allowed = sqmy("compute", "units", ledgers, "--roster", roster, "--year", 2026, "--quarter", 1, "--allow-empty", "--format", "json")
    assert allowed.returncode == 0 and {r["unit"]: r["submitted"] for r in json.loads(allowed.stdout)} == {
        "城关镇政协工委": 0, "河口镇政协工委": 0}
    # 2025's fourth quarter is computed as ever: 城关镇 1 报送 (SQ2025-002), 河口镇 1 (SQ2025-003).
    q4 = sqmy("compute", "units", ledgers, "--roster", roster, "--year", 2025, "--quarter", 4, "--format", "json")
    assert q4.returncode == 0 and "period.empty" not in q4.stderr
    assert {r["unit"]: r["submitted"] for r in json.loads(q4.stdout)} == {"城关镇政协工委": 2, "河口镇政协工委": 1}
    # In Python the figures come with the warning.
    ledger = sq.read_ledgers(ledgers, roster=roster)
    with pytest.warns(sq.compute.EmptyPeriodWarning, match=r"2026年第一季度没有任何报送记录"):
        sq.people(ledger, "2026Q1")
    with warnings.catch_warnings():  # a quarter of 2025, and the 稿酬 of January's adoptions: no warning
        warnings.simplefilter("error")
        sq.people(ledger, "2025Q4")
        paid = sq.rewards(ledger, "2026Q1")
    assert dict(zip(paid["name"], paid["amount"])) == {"刘建国": Decimal("30.00"), "马俊": Decimal("30.00")}


def test_a_report_of_a_year_with_only_carried_over_adoptions_is_refused(books_2025, tmp_path):
    # The circular of 2026 Q1 would say 共收到社情民意信息0条 … 下降100% and list every unit 未报送: refused,
    # exit 1, no .docx, as a quarter with nothing dated in it is.
    from sqmy_lib.run.pipeline import EmptyPeriod, check_period

    ledgers, roster = books_2025
    ledger = sq.read_ledgers(ledgers, roster=roster)
    with pytest.raises(EmptyPeriod, match=r"2026年第一季度没有任何报送记录"):
        check_period(ledger, sq.Period.of(2026, quarter=1))
    check_period(ledger, sq.Period.of(2026, quarter=1), allow_empty=True)
    check_period(ledger, sq.Period.of(2025, quarter=4))
    out = tmp_path / "通报"
    refused = sqmy("circular", ledgers, "--roster", roster, "--year", 2026, "--quarter", 1, "--out", out, "--today", "2026-04-10")
    assert refused.returncode == 1 and NO_ITEMS in refused.stderr and "[period.empty]" in refused.stderr, refused.stderr
    assert not list(out.glob("*.docx"))


# ---------------------------------------------------------------- 3. a link said once per cell

def test_a_loose_link_is_said_once_for_a_row_of_three_records(tmp_path):
    # One 采用登记 row: no 编号, the title with （修改稿）, an adoption and two leaders' 批示 in one cell. Three
    # records linked by one title cell: link.loose once at C2 (was three times), all three the item's.
    t = "关于规范共享单车停放秩序的建议"
    path = _ledger(tmp_path / "台账.xlsx", [("SQ2025-001", D(2025, 7, 21), t, "河口镇政协工委", "马俊", None)],
                   [(None, t + "（修改稿）", "县政协《社情民意》", "第14期", D(2025, 8, 5), "县委书记王强、县长李明", D(2025, 8, 20), "已办结")])
    ledger, report = assert_every_cell_accounted(path)
    assert _said(report) == [("link.loose", 2, "C")]
    assert ledger.adoptions["item"].tolist() == [0] and ledger.instructions["item"].tolist() == [0, 0]


def test_a_number_naming_another_title_is_said_once_for_a_row_of_three_records(tmp_path):
    # 编号 SQ2025-001 with another item's title that names none: linked by the 编号, said once (was once per record).
    path = _ledger(tmp_path / "台账.xlsx", [("SQ2025-001", D(2025, 7, 21), "关于甲的建议", "河口镇政协工委", "马俊", None)],
                   [("SQ2025-001", "关于完全不同的建议", "县政协《社情民意》", "第14期", D(2025, 8, 5), "县委书记王强、县长李明", D(2025, 8, 20), "已办结")])
    ledger, report = assert_every_cell_accounted(path)
    assert [c for c, _, _ in _said(report)] == ["link.number_mismatch"]
    assert ledger.adoptions["item"].tolist() == [0] and ledger.instructions["item"].tolist() == [0, 0]
