"""An office that keeps two books: a 报送登记 of its items and a separate 采用登记 that refers to them.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook checked for the reader's invariant (each non-empty cell read or named in a finding).
The default rules place the office in 示例县 of 示例市 (示例省).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq
from sqmy_lib.rules.placement import organ_name
from conftest import assert_every_cell_accounted, write_xlsx

D = dt.date
ITEMS_TITLE = "示例县政协2025年社情民意信息报送登记表"
ADOPTIONS_TITLE = "示例县政协2025年社情民意信息采用登记表"


def _books(folder, items: list[list], adoptions: list[list]):
    """The two books in ``folder``: 报送登记.xlsx and 采用登记.xlsx, each a title row over its header."""
    folder.mkdir(exist_ok=True)
    write_xlsx(folder / "报送登记.xlsx", {"报送登记": [[ITEMS_TITLE], *items]})
    write_xlsx(folder / "采用登记.xlsx", {"采用登记": [[ADOPTIONS_TITLE], *adoptions]})
    return folder


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _errors(report):
    return [i.code for i in report.issues if i.severity == "error"]


def _adopted(ledger) -> list[tuple]:
    """(item, tier, body without its bulletin and issue) of each adoption, in item order."""
    ad = ledger.adoptions
    return sorted(zip(ad["item"].tolist(), ad["tier"].astype(str), ad["body"].map(organ_name)))


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


# ---------------------------------------------------------------- one adoption, its body written two ways

NUMBERED = ["编号", "标题", "报送单位", "作者", "报送日期"]


def test_one_adoption_written_with_and_without_the_offices_city_is_one(tmp_path):
    """示例市政协 and 市政协 (示例市 is the office's city), one item, one 期号, one day: one adoption, said
    (adoption.repeated), as 示例市政协 written twice is. 南州市政协 is another city's: its own adoption."""
    folder = _books(tmp_path / "台账", [
        NUMBERED,
        [1, "关于规范城区占道经营管理的建议", "城关镇政协工委", "李秀英", D(2025, 1, 20)],
        [2, "民营企业融资难问题亟待破解", "县工商联", "刘晓燕", D(2025, 3, 3)],
        [3, "关于保护古村落传统建筑的建议", "民盟县委", "周红", D(2025, 3, 10)],
    ], [
        ["序号", "编号", "采用单位", "刊物/期号", "采用日期"],
        [1, 1, "示例市政协", "《社情民意》第5期", D(2025, 2, 20)],
        [2, 2, "示例市政协", "《社情民意》第7期", D(2025, 3, 25)],
        [3, 2, "市政协", "《社情民意》第7期", D(2025, 3, 25)],     # row 5: the same adoption again
        [4, 3, "市政协", "《社情民意》第8期", D(2025, 3, 28)],
        [5, 3, "南州市政协", "《社情民意》第8期", D(2025, 3, 28)],  # another city's 政协: another body
    ])
    ledger, report = assert_every_cell_accounted(folder)
    assert _adopted(ledger) == [(0, "市级", "示例市政协"), (1, "市级", "示例市政协"),
                                (2, "市级", "南州市政协"), (2, "市级", "市政协")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.repeated")] == [(5, "C")]
    assert "第4行" in _codes(report, "adoption.repeated")[0].message
    assert _errors(report) == []
    # 刘晓燕's item adopted once at 市级: 100 元 (the 市级 reward), not twice.
    assert _paid(ledger)["刘晓燕"] == Decimal("100.00")


def test_own_bulletin_written_with_and_without_the_county_is_one(tmp_path):
    """县政协 第5期 and 示例县政协《社情民意》第5期 on one day: one adoption by the office's own bulletin."""
    folder = _books(tmp_path / "台账", [
        NUMBERED,
        [1, "关于规范城区占道经营管理的建议", "城关镇政协工委", "李秀英", D(2025, 1, 20)],
        [2, "民营企业融资难问题亟待破解", "县工商联", "刘晓燕", D(2025, 3, 3)],
    ], [
        ["序号", "编号", "采用单位", "刊物/期号", "采用日期"],
        [1, 1, "县政协", "《社情民意》第3期", D(2025, 2, 20)],
        [2, 2, "县政协", "《社情民意》第5期", D(2025, 3, 25)],
        [3, 2, "示例县政协", "《社情民意》第5期", D(2025, 3, 25)],  # row 5
    ])
    ledger, report = assert_every_cell_accounted(folder)
    assert _adopted(ledger) == [(0, "县级", "县政协"), (1, "县级", "县政协")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.repeated")] == [(5, "C")]
    assert _errors(report) == []


# ---------------------------------------------------------------- a reference to the items' 序号

SEQ_ITEMS = [
    ["序号", "标题", "报送单位", "作者", "报送日期"],
    [1, "民营企业融资难问题亟待破解", "县工商联", "刘晓燕", D(2025, 3, 3)],
    [2, "关于保护古村落传统建筑的建议", "民盟县委", "周红", D(2025, 3, 10)],
]


@pytest.mark.parametrize("label", ["报送编号", "报送序号", "原序号"])
def test_a_reference_number_is_the_items_seq_where_they_have_no_number(tmp_path, label):
    """The 报送登记 numbers its items in a 序号 column only; the 采用登记 (with its own 序号) names them
    under 报送编号, 报送序号 or 原序号: 2 is the item of 序号 2 (周红's), adopted by the city."""
    folder = _books(tmp_path / "台账", SEQ_ITEMS, [
        ["序号", label, "采用单位", "期号", "采用日期"],
        [1, 2, "示例市政协", "第7期", D(2025, 3, 25)],
    ])
    ledger, report = assert_every_cell_accounted(folder)
    assert _adopted(ledger) == [(1, "市级", "示例市政协")]
    assert _errors(report) == []
    assert _paid(ledger) == {"周红": Decimal("100.00")}
    # With no title on the row to confirm it, the link by 序号 is said: the 2 may be the sheet's own running number.
    [said] = _codes(report, "link.by_seq")
    assert (said.row, said.column) == (3, "B") and "报送登记.xlsx!报送登记!第4行" in said.message


def test_a_seq_two_books_of_items_share_is_not_guessed(tmp_path):
    """Two 报送登记 in the office's folder, each numbering its items 1, 2: 报送编号 2 names either, said at its
    cell (link.ambiguous), linked to none; left out of the figures as that."""
    folder = _books(tmp_path / "台账", SEQ_ITEMS, [
        ["序号", "报送编号", "采用单位", "期号", "采用日期"],
        [1, 2, "示例市政协", "第7期", D(2025, 3, 25)],
    ])
    write_xlsx(folder / "报送登记(二).xlsx", {"报送登记": [[ITEMS_TITLE], SEQ_ITEMS[0],
                                                         [1, "关于加强农村饮水安全的建议", "民革县委", "张建国", "2025-04-01"],
                                                         [2, "关于规范校外培训机构收费的建议", "民盟县委", "王海峰", "2025-04-08"]]})
    ledger, report = assert_every_cell_accounted(folder)
    assert ledger.adoptions["item"].tolist() == [-1]
    assert [(i.file.endswith("采用登记.xlsx"), i.row, i.column) for i in _codes(report, "link.ambiguous")] == [(True, 3, "B")]
    assert _errors(report) == ["link.ambiguous"]
    assert sq.compute.counted(ledger).left_out.values.tolist() == [["adoptions", "link.ambiguous", 1]]


# ---------------------------------------------------------------- two items of one title

SAME_TITLE = [
    NUMBERED,
    [1, "关于规范校外培训机构收费的建议", "民革县委", "张建国", D(2025, 3, 1)],
    [2, "关于规范校外培训机构收费的建议", "民盟县委", "王海峰", D(2025, 3, 8)],
]


def test_the_author_written_decides_between_items_of_one_title(tmp_path):
    """Two items titled alike, by 张建国 and by 王海峰; the 采用登记 row gives the title and 王海峰: his item."""
    folder = _books(tmp_path / "台账", SAME_TITLE, [
        ["序号", "信息标题", "作者", "采用单位", "期号", "采用日期"],
        [1, "关于规范校外培训机构收费的建议", "王海峰", "示例市政协", "第9期", D(2025, 3, 20)],
    ])
    ledger, report = assert_every_cell_accounted(folder)
    assert _adopted(ledger) == [(1, "市级", "示例市政协")]
    assert _errors(report) == [] and not _codes(report, "link.author_differs")
    assert _paid(ledger) == {"王海峰": Decimal("100.00")}


def test_items_of_one_title_the_author_does_not_tell_apart_are_said_at_the_title(tmp_path):
    """The row names neither author (李四): link.ambiguous at its title's cell (B), not its 采用单位's; the
    adoption left out of the figures as link.ambiguous, not as an item left out."""
    folder = _books(tmp_path / "台账", SAME_TITLE, [
        ["序号", "信息标题", "作者", "采用单位", "期号", "采用日期"],
        [1, "关于规范校外培训机构收费的建议", "李四", "示例市政协", "第9期", D(2025, 3, 20)],
    ])
    ledger, report = assert_every_cell_accounted(folder)
    assert ledger.adoptions["item"].tolist() == [-1]
    assert [(i.row, i.column) for i in _codes(report, "link.ambiguous")] == [(3, "B")]
    counted = sq.compute.counted(ledger)
    assert counted.left_out.values.tolist() == [["adoptions", "link.ambiguous", 1]]
    assert "link.ambiguous 1" in counted.left_out_text and "item.left_out" not in counted.left_out_text


def test_an_item_of_december_adopted_in_january_by_number_and_title_is_no_other_year_alarm(tmp_path):
    """编号 restarting each year: the 2026 采用台账's row names 编号 3 and the very title of 2025's item 3 (sent in
    December, adopted and instructed in January) — the title confirms the link; it was link.other_year twice on the
    row (at its 采用 and its 批示). 编号 7 with no title, of a 2025 item, is still said, once."""
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "2025年报送台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者"],
                                                         ["3", D(2025, 12, 20), "关于冬季供暖的建议", "赵六"],
                                                         ["7", D(2025, 12, 22), "关于春运保障的建议", "钱七"]]})
    write_xlsx(folder / "2026年报送台账.xlsx", {"2026年": [["编号", "收稿日期", "信息标题", "作者"],
                                                         ["1", D(2026, 1, 5), "关于农村饮水安全的建议", "张三"]]})
    write_xlsx(folder / "2026年采用台账.xlsx", {"2026年": [
        ["编号", "信息标题", "采用单位", "采用日期", "批示领导", "批示日期"],
        ["3", "关于冬季供暖的建议", "示例市政协", D(2026, 1, 8), "示例市副市长王某", D(2026, 1, 20)],
        ["7", None, "示例市政协", D(2026, 1, 9), None, None]]})
    ledger, report = assert_every_cell_accounted(folder, year=2026)
    assert [i.row for i in _codes(report, "link.other_year")] == [3]
    assert _paid(ledger, 2026) == {"赵六": Decimal("200.00"), "钱七": Decimal("100.00")}


def test_one_adoption_in_two_numbered_column_groups_of_a_row_is_one(tmp_path):
    """采用单位1 市政协 | 期数1 第6期 | 采用日期1 and 采用单位2 示例市政协 (or 市政协 again) | 第6期 | the same day on 李四's
    row: one adoption, said (adoption.repeated); it was two (十佳 "被采用2次"). Another issue the same day stays two."""
    head = ["序号", "标题", "作者", "收稿日期", "采用单位1", "期数1", "采用日期1", "采用单位2", "期数2", "采用日期2"]
    for second, issue, count in (("示例市政协", "第6期", 1), ("市政协", "第6期", 1), ("示例市政协", "第7期", 2)):
        rows = [[ITEMS_TITLE], head, [1, "关于甲的建议", "李四", D(2025, 3, 5), "市政协", "第6期", D(2025, 4, 10), second, issue, D(2025, 4, 10)]]
        ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / f"{second}{issue}.xlsx", {"登记表": rows}))
        assert len(ledger.adoptions) == count, (second, issue)
        assert [(i.row, i.column) for i in _codes(report, "adoption.repeated")] == ([(3, "H")] if count == 1 else [])


def test_two_products_of_one_body_on_a_row_without_issues_stay_two(tmp_path):
    """市政协《社情民意》 √ and 市政协《信息专报》 √ on one row and day, no issue written: two products (domain.md §4),
    two adoptions, no adoption.repeated (they were merged for a moment, and said to be one)."""
    head = ["序号", "标题", "作者", "收稿日期", "采用单位1", "采用日期1", "采用单位2", "采用日期2"]
    rows = [[ITEMS_TITLE], head, [1, "关于甲的建议", "李四", D(2025, 3, 5), "市政协《社情民意》", D(2025, 3, 12),
                                  "市政协《信息专报》", D(2025, 3, 12)]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"登记表": rows}))
    assert len(ledger.adoptions) == 2 and not _codes(report, "adoption.repeated")
