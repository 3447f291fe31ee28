"""Co-authors as a 界别's office writes them: one workbook per 界别, a sheet per 委员 in some.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook checked for the reader's invariant (each non-empty cell read or named in a finding).
Rules 2025: 市政协 adoption 100.00, 省政协 200.00, shared equally among an item's authors.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

T = "关于加快农村电商物流体系建设的建议"
HEADER = ["序号", "作者", "信息标题", "报送日期", "采用情况", "备注"]


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


def _roster(tmp_path):
    return write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "界别"], ["张建国", "经济界"], ["王磊", "经济界"], ["周强", "农业界"], ["徐芳", "农业界"]],
        "界别组": [["单位名称", "单位类型"], ["经济界别组", "界别组"], ["农业界别组", "界别组"]]})


def _book(path, title, rows, sheet="2025年", header=HEADER):
    return write_xlsx(path, {sheet: [[title], header, *[[k, *r] for k, r in enumerate(rows, 1)]]})


# ---------------------------------------------------------------- the order of co-authors

def test_one_item_in_two_books_is_said_whatever_the_order_of_its_authors(tmp_path):
    # 经济界别 logs it on 3月10日 as 张建国、周强, 农业界别 on 3月12日 with its own member first (周强、张建国): the
    # same title and authors on another date, said at the second book's row as it is when the order is the
    # same (it was no finding at all, 200.00 paid for one item). Counted as written (two items), as the
    # same order is: staff say which is the repeat.
    a = _book(tmp_path / "经济界别.xlsx", "经济界别委员2025年社情民意信息", [["张建国、周强", T, "2025-03-10", "市政协采用", None]])
    b = _book(tmp_path / "农业界别.xlsx", "农业界别委员2025年社情民意信息", [["周强、张建国", T, "2025-03-12", "市政协采用", None]])
    ledger, report = assert_every_cell_accounted([a, b], roster=_roster(tmp_path), year=2025)
    said = _codes(report, "item.possible_duplicate")
    assert [(i.file.rsplit("/", 1)[-1], i.row) for i in said] == [("农业界别.xlsx", 3)]
    assert "经济界别.xlsx" in said[0].message and "第3行" in said[0].message
    assert not _codes(report, "item.same_title")


def test_reversed_co_authors_on_the_same_day_in_one_book_are_a_duplicate(tmp_path):
    # Row 3 张建国、周强 and row 4 周强、张建国, same title and day: the same item written twice (item.duplicate,
    # the second left out), not two items by different authors (item.same_title, both counted: 200.00).
    # A third row, another day with the authors reversed again: the same title and authors (possible duplicate).
    rows = [["张建国、周强", T, "2025-03-10", "市政协采用", None],
            ["周强、张建国", T, "2025-03-10", "市政协采用", None],
            ["周强、张建国", T, "2025-05-20", None, None]]
    book = _book(tmp_path / "经济界别.xlsx", "经济界别委员2025年社情民意信息", rows)
    ledger, report = assert_every_cell_accounted(book, roster=_roster(tmp_path), year=2025)
    assert [i.row for i in _codes(report, "item.duplicate")] == [4]
    assert [i.row for i in _codes(report, "item.possible_duplicate")] == [5]
    assert not _codes(report, "item.same_title")
    # One item paid: 100.00 shared; the row-5 item has no adoption.
    assert _paid(ledger) == {"张建国": Decimal("50.00"), "周强": Decimal("50.00")}


def test_reversed_co_authors_with_joint_words_are_one_item_written_twice(tmp_path):
    # 联合报送 on both rows, the same authors reversed, the same unit: no second author to join (row.joint
    # would read the same people as co-authors of themselves); a duplicate, as in the same order.
    rows = [["张建国、周强", T, "2025-03-10", "市政协采用", "联合报送"],
            ["周强、张建国", T, "2025-03-10", "市政协采用", "联合报送"]]
    book = _book(tmp_path / "经济界别.xlsx", "经济界别委员2025年社情民意信息", rows)
    ledger, report = assert_every_cell_accounted(book, roster=_roster(tmp_path), year=2025)
    assert not _codes(report, "row.joint")
    assert [i.row for i in _codes(report, "item.duplicate")] == [4]
    assert _paid(ledger) == {"张建国": Decimal("50.00"), "周强": Decimal("50.00")}


# ---------------------------------------------------------------- 召集人, a 界别's post

def test_a_conveners_title_is_a_post_of_the_person(tmp_path):
    # 召集人 / 界别召集人 / 经济界别召集人 written with the name, as 县政协副主席张三 is: the person's tag. It
    # was read as a unit author (经济界别召集人张建国 paid, 张建国 not), as the item's unit (界别召集人: out of
    # 经济界别组's figures), as new people (召集人张建国, 张建国召集人). By hand: 张建国 5 items,
    # 100 + 100 + 50 + 50 + 100 = 400.00; 王磊 2 items, 50 + 50 = 100.00; all 5 items 经济界别组's.
    cells = ["经济界别召集人张建国", "张建国（界别召集人）", "召集人张建国、王磊", "张建国召集人、王磊", "张建国(经济界召集人)"]
    rows = [[c, f"关于第{k}项工作的建议", f"2025-0{k}-05", "市政协采用", None] for k, c in enumerate(cells, 1)]
    book = _book(tmp_path / "经济界别.xlsx", "经济界别委员2025年社情民意信息", rows,
                 header=["序号", "委员姓名", "信息标题", "报送时间", "采用情况", "备注"])
    ledger, report = assert_every_cell_accounted(book, roster=_roster(tmp_path), year=2025)
    a = ledger.authors
    assert list(zip(a["item"], a["name"], a["tag"])) == [
        (0, "张建国", "经济界别召集人"), (1, "张建国", "界别召集人"), (2, "张建国", "召集人"), (2, "王磊", ""),
        (3, "张建国", "召集人"), (3, "王磊", ""), (4, "张建国", "经济界召集人")]
    assert not a["is_unit"].any()
    assert list(ledger.submissions["unit"]) == ["经济界别组"] * 5
    for code in ("roster.unknown_person", "roster.unknown_unit", "author.with_unit", "unit.read_as"):
        assert not _codes(report, code), code
    assert _paid(ledger) == {"张建国": Decimal("400.00"), "王磊": Decimal("100.00")}


# ---------------------------------------------------------------- 合作者 on a 委员's own sheet

def test_a_coauthor_column_on_a_members_sheet_adds_to_the_member(tmp_path):
    # 农业界别.xlsx keeps a sheet per 委员 (周强, 徐芳), no 作者 column, a 合作者 column. The sheet's person is
    # each item's first author, the 合作者 cell's names after; empty: the person's item alone. It was read as
    # the 作者 column: 周强 dropped from the shared item, the solo items author.missing and left out.
    header = ["序号", "信息标题", "报送日期", "合作者", "采用情况", "备注"]
    t = "关于高标准农田建设后期管护的建议"
    book = write_xlsx(tmp_path / "农业界别.xlsx", {
        "周强": [["周强委员2025年社情民意信息"], header,
                 [1, t, "2025-04-16", "徐芳", "省政协采用", None],
                 [2, "关于稳定生猪生产的建议", "2025-12-10", None, "市政协采用", None],
                 [3, "关于农机购置补贴的建议", "2025-06-02", "周强、王磊", "市政协采用", None]],
        "徐芳": [["徐芳委员2025年社情民意信息"], header,
                 [1, t, "2025-04-16", "周强", "省政协采用", None],
                 [2, "关于发展林下经济的建议", "2025-08-08", None, "市政协采用", None]],
        # A sheet named for no one: no first author to add, the 合作者 cell's names the authors read, an
        # empty one author.missing as before.
        "其他": [header, [1, "关于甲的建议", "2025-09-16", "王磊", None, None], [2, "关于乙的建议", "2025-09-17", None, None, None]]})
    ledger, report = assert_every_cell_accounted(book, roster=_roster(tmp_path), year=2025)
    a = ledger.authors.sort_values(["item", "position"])
    by_item = a.groupby("item")["name"].agg(list).to_dict()
    titles = dict(zip(ledger.submissions["item"], zip(ledger.submissions["sheet"], ledger.submissions["title"])))
    assert sorted((titles[i], names) for i, names in by_item.items()) == sorted([
        (("周强", t), ["周强", "徐芳"]), (("周强", "关于稳定生猪生产的建议"), ["周强"]),
        (("周强", "关于农机购置补贴的建议"), ["周强", "王磊"]),  # 周强 written in his own 合作者 cell: once
        (("徐芳", t), ["徐芳", "周强"]), (("徐芳", "关于发展林下经济的建议"), ["徐芳"]), (("其他", "关于甲的建议"), ["王磊"])])
    assert [(i.sheet, i.row) for i in _codes(report, "author.missing")] == [("其他", 3)]
    assert [i.sheet for i in _codes(report, "sheet.author_by_name")] == ["周强", "徐芳"]
    # The shared item on both sheets: the same title, day and authors (in another order), a duplicate as
    # it would be written alike: counted once, on 周强's sheet.
    assert [(i.sheet, i.row) for i in _codes(report, "item.duplicate")] == [("徐芳", 3)]
    # By hand: 农田 省级 200.00 shared 100 + 100; 生猪 100.00 周强; 农机 100.00 shared 50 + 50; 林下 100.00 徐芳.
    assert _paid(ledger) == {"周强": Decimal("250.00"), "徐芳": Decimal("200.00"), "王磊": Decimal("50.00")}

