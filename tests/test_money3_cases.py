"""A 县 office's 稿酬 as its staff write it, third look: the money a 小计/合计 row writes (``合计 | | 1,250.00``
under the 稿酬 column, ``稿酬合计：1250元`` in the 标题 column) was never set against the 稿酬 cells above it nor
against what the rules pay, so a wrong total went unsaid (and ``稿酬合计：1250元`` was read as an item with no
date and no author); and a two-level ``稿费发放`` over ``状态 | 金额 | 日期`` kept only the 状态 (``已发``, no amount):
the 金额 written was never compared with what the rules pay.

Worked out by hand at the shipped rates (县级 30.00 yuan, 市级 100.00, a 批示 ×2, the highest tier only):
  甲 张三   市级                       → 100.00
  乙 李四   县级                       →  30.00
  丙 王五   市级 + 县长批示 (×2)        → 200.00
  丁 赵六   only 已报送市政协 (no adoption) → 0
  the four items' 稿酬: 330.00 yuan = 33000 fen, the same as the cells written (100.00 + 30.00 + 200.00).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq

from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "稿酬（元）", "备注"]
CITY, COUNTY = "市政协采用（2026.3.5）", "县政协采用（2026.2.5）"
ITEMS = [
    [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", CITY, None, "100.00", None],
    [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", COUNTY, None, "30.00", None],
    [3, D(2026, 1, 10), "关于丙的建议", "王五", "民进县委", CITY, "县长批示（2026.4.1）", "200.00", None],
    [4, D(2026, 2, 10), "关于丁的建议", "赵六", "民进县委", "已报送市政协", None, None, None],
]
HAND = {"张三": Decimal("100.00"), "李四": Decimal("30.00"), "王五": Decimal("200.00")}


def _quarter(tmp_path, *tally_rows):
    """The office's 一季度 sheet: title, header, the four items (rows 3–6), then its tally rows (row 7 on)."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"一季度": [["2026年第一季度社情民意信息报送采用登记表"], HEADER, *ITEMS, *tally_rows]})
    ledger = sq.read_ledgers(path, year=2026)
    return path, ledger, sq.validate(ledger, sq.load_rules(year=2026))


def _total(*cells):
    return [None, "合计", None, None, None, None, None, *cells]


@pytest.mark.parametrize("tally, cell, said", [
    # 1,250.00 under 稿酬（元）: 125000 fen against 33000 written and 33000 owed.
    (_total("1,250.00"), "H7", "即1250.00元"),
    # 稿酬合计：1250元 in the 标题 column: the same total, said there.
    ([None, None, "稿酬合计：1250元"], "C7", "即1250.00元"),
    # a whole number 331 under 稿酬（元）: one yuan over, 33100 ≠ 33000.
    (["合计", None, "4条", None, None, None, None, 331], "H7", "即331.00元"),
    # 合计：4条，稿酬1,330元 in one cell: the count agrees (4), the money 133000 ≠ 33000.
    ([None, None, "合计：4条，稿酬1,330元"], "C7", "即1330.00元"),
    # ¥ and a thousands separator after 合计金额: 133000 ≠ 33000.
    ([None, None, "合计金额：￥1,330.00"], "C7", "即1330.00元"),
])
def test_a_wrong_money_total_is_said_at_its_cell(tmp_path, tally, cell, said):
    path, ledger, report = _quarter(tmp_path, tally)
    hits = findings(report, "money.tally_differs")
    assert [h.cell.rsplit("!", 1)[1] for h in hits] == [cell]
    assert said in hits[0].message
    assert "第3—6行各条信息稿酬栏所写共330.00元,按规则这些信息应付330.00元" in hits[0].message
    # the total is no item, and the money paid stays the rules'
    assert len(ledger.submissions) == 4
    assert paid(ledger, 2026) == HAND
    assert not findings(report, "row.tally_differs")
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)


@pytest.mark.parametrize("tally", [
    _total("330.00"), _total(330), _total("¥330.00"), _total("￥330"), _total("330元"), _total("叁佰叁拾元整"),
    # a formula with no value kept: no amount, not compared
    _total("=SUM(H3:H6)"),
    # 1,530.00 of which 1,200.00 carried over from the last quarter, said in its own words: 153000 − 120000 = 33000
    _total("1,530.00（含上季度结转1,200.00元）"),
    # carried over, no figure to take off: not compared
    _total("1,530.00（含上季度结转）"),
    # 1,330.00 and, in the 备注, 其中上年结转1000元: 133000 − 100000 = 33000
    _total("1,330.00", "其中上年结转1000元"),
    [None, None, "合计：4条，稿酬330元"],
    [None, None, "合计金额：￥330.00"],
    ["合计", None, "4条", None, None, None, None, 330],
    # beyond the sheet (全年…累计): not compared, as a count is not
    [None, None, "全年稿酬累计：5000元"],
])
def test_an_honest_money_total_is_not_said(tmp_path, tally):
    path, ledger, report = _quarter(tmp_path, tally)
    assert not findings(report, "money.tally_differs")
    assert len(ledger.submissions) == 4
    assert paid(ledger, 2026) == HAND
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)


def test_the_written_cells_or_the_rules_agree_with_the_total(tmp_path):
    # Staff's cells: 100.00, 30.00, 200.00 and now 50.00 for 丁 (no adoption: the rules pay 0) → 380.00 written,
    # 330.00 owed. A 合计 of 380.00 adds up the column as written (the cell itself is said: money.written_differs);
    # a 合计 of 330.00 is what the rules pay; 400.00 is neither.
    rows = [*ITEMS[:3], [4, D(2026, 2, 10), "关于丁的建议", "赵六", "民进县委", "已报送市政协", None, "50", None]]
    for total, said in (("380.00", False), ("330.00", False), ("400.00", True)):
        folder = tmp_path / total
        folder.mkdir()
        path = write_xlsx(folder / "台账.xlsx", {"一季度": [["2026年第一季度社情民意信息"], HEADER, *rows, _total(total)]})
        ledger = sq.read_ledgers(path, year=2026)
        report = sq.validate(ledger, sq.load_rules(year=2026))
        hits = findings(report, "money.tally_differs")
        assert bool(hits) is said, total
        if said:
            assert "所写共380.00元,按规则这些信息应付330.00元" in hits[0].message
        assert [h.cell.rsplit("!", 1)[1] for h in findings(report, "money.written_differs")] == ["H6"]


def test_month_subtotals_and_the_workbook_total(tmp_path):
    # 1月: 甲 张三 市级 100.00; 乙 李四、王五 县级 30.00 (15.00 each) → 小计 130.00.
    # 2月: 丙 张三 市级 100.00 → 小计 100.00; 合计 under it, over both months: 230.00.
    # The 2月 合计 written 240.00 is neither 100.00 (its sheet) nor 230.00 (the workbook so far): said.
    h = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "稿酬（元）"]
    for total, said in (("230.00", False), ("240.00", True)):
        folder = tmp_path / total
        folder.mkdir()
        path = write_xlsx(folder / "台账.xlsx", {
            "1月": [["2026年1月社情民意信息"], h, [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", CITY, "100.00"],
                   [2, D(2026, 1, 9), "关于乙的建议", "李四、王五", "民盟县委", COUNTY, "30.00"],
                   ["小计", None, "2条", None, None, None, "130.00"]],
            "2月": [["2026年2月社情民意信息"], h, [1, D(2026, 2, 8), "关于丙的建议", "张三", "民盟县委", CITY, "100"],
                   ["小计", None, "1条", None, None, None, "100.00"], ["合计", None, "3条", None, None, None, total]],
        })
        ledger = sq.read_ledgers(path, year=2026)
        report = sq.validate(ledger, sq.load_rules(year=2026))
        assert [h_.cell for h_ in findings(report, "money.tally_differs")] == (["台账.xlsx!2月!G5"] if said else [])
        assert paid(ledger, 2026) == {"张三": Decimal("200.00"), "李四": Decimal("15.00"), "王五": Decimal("15.00")}


def test_the_cli_says_the_wrong_total(tmp_path):
    _quarter(tmp_path, _total("1,250.00"))
    ran = sqmy("validate", tmp_path, "--year", 2026)
    assert "[money.tally_differs]" in ran.stdout and "台账.xlsx!一季度!H7" in ran.stdout
    assert "Traceback" not in ran.stdout + ran.stderr


# 稿费发放 over 状态 | 金额 | 日期 (merged G2:I2): 甲 张三 市级 owed 100.00, written 已发 | 100 → agrees;
# 乙 李四 县级 owed 30.00, written 已发 | 50 → 50.00 against 30.00, said at H5; 丙 王五 市级 owed 100.00,
# 未发 | (none) → nothing to compare. The 状态 (已发) is no amount and no longer hides the 金额 beside it.
PAY_HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "稿费发放", None, None, "备注"]
PAY_SUB = [None] * 6 + ["状态", "金额", "日期", None]


def test_the_amount_under_a_payment_group_is_compared(tmp_path):
    rows = [["2026年社情民意信息报送采用登记表"], PAY_HEADER, PAY_SUB,
            [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", CITY, "已发", 100, D(2026, 4, 10), None],
            [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", COUNTY, "已发", 50, D(2026, 4, 10), None],
            [3, D(2026, 1, 10), "关于丙的建议", "王五", "民进县委", CITY, "未发", None, None, None]]
    merges = ["G2:I2"] + [f"{c}2:{c}3" for c in "ABCDEFJ"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows}, {"2026年": merges})
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger, sq.load_rules(year=2026))
    hits = findings(report, "money.written_differs")
    assert [h.cell for h in hits] == ["台账.xlsx!2026年!H5"]
    assert "即50.00元,按规则本条信息应付30.00元" in hits[0].message
    assert paid(ledger, 2026) == {"张三": Decimal("100.00"), "李四": Decimal("30.00"), "王五": Decimal("100.00")}
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)


def test_a_payment_group_with_its_date_first(tmp_path):
    # 稿费发放 over 日期 | 金额: the date is no amount; 李四's 50 against the 30.00 owed is said at H4.
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "稿费发放", None]
    sub = [None] * 6 + ["发放日期", "金额（元）"]
    rows = [["2026年社情民意信息报送采用登记表"], header, sub,
            [1, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", COUNTY, D(2026, 4, 10), "50.00"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows}, {"2026年": ["G2:H2"] + [f"{c}2:{c}3" for c in "ABCDEF"]})
    ledger = sq.read_ledgers(path, year=2026)
    report = sq.validate(ledger, sq.load_rules(year=2026))
    assert [h.cell for h in findings(report, "money.written_differs")] == ["台账.xlsx!2026年!H4"]


# A 汇总 sheet (单位 | 报送 | 采用 | 批示 | 稿酬（元）) beside the 一季度 sheet: its 报送 was compared with the items
# (sheet.tally_sheet_differs), its 采用, 批示 and 稿酬 never. By hand over the four items above, all dated 1—3月:
#   民盟县委: 甲 (市级), 乙 (县级) → 报送 2, 采用 2 (items and records alike), 批示 0, 稿酬 100.00 + 30.00 = 130.00
#   民进县委: 丙 (市级, 县长批示 4月1日), 丁 (只上报) → 报送 2, 采用 1, 批示 1 (0 by 3月底),
#             稿酬 200.00 by the year's end (100.00 by 3月底: the 批示 came in April)
#   合计: 报送 4, 采用 3, 批示 1, 稿酬 330.00 (230.00 by 3月底)
SUMMARY_HEAD = [["2026年第一季度各单位社情民意信息报送情况汇总"], ["单位", "报送", "采用", "批示", "稿酬（元）"]]


def _with_summary(tmp_path, *unit_rows):
    quarter = [["2026年第一季度社情民意信息报送采用登记表"], HEADER, *ITEMS]
    path = write_xlsx(tmp_path / "台账.xlsx", {"一季度": quarter, "汇总": [*SUMMARY_HEAD, *unit_rows]})
    ledger = sq.read_ledgers(path, year=2026)
    return path, ledger, sq.validate(ledger, sq.load_rules(year=2026))


def test_a_summary_whose_adoptions_are_wrong_is_said(tmp_path):
    # 民进县委 采用 2 (hand: 1), 合计 采用 4 (hand: 3): said at C4 and C5; 报送, 批示, 稿酬 agree.
    path, ledger, report = _with_summary(tmp_path, ["民盟县委", 2, 2, 0, 130], ["民进县委", 2, 2, 1, 200],
                                         ["合计", 4, 4, 1, 330])
    hits = findings(report, "sheet.tally_sheet_figure_differs")
    assert [h.cell for h in hits] == ["台账.xlsx!汇总!C4", "台账.xlsx!汇总!C5"]
    assert "采用写的是 2 条" in hits[0].message and "被采用的是 1 条" in hits[0].message
    assert "采用写的是 4 条" in hits[1].message and "被采用的是 3 条" in hits[1].message
    assert not findings(report, "sheet.tally_sheet_differs")
    assert paid(ledger, 2026) == HAND


def test_a_summary_whose_money_and_instructions_are_wrong_is_said(tmp_path):
    # 民盟县委 稿酬 150.00 (hand: 130.00) at E3; 民进县委 批示 2 (hand: 1, or 0 by 3月底) at D4.
    path, ledger, report = _with_summary(tmp_path, ["民盟县委", 2, 2, 0, "150.00"], ["民进县委", 2, 1, 2, "200.00"],
                                         ["合计", 4, 3, 1, "330.00"])
    hits = findings(report, "sheet.tally_sheet_figure_differs")
    assert [h.cell for h in hits] == ["台账.xlsx!汇总!E3", "台账.xlsx!汇总!D4"]
    assert "稿酬写的是 150.00 元" in hits[0].message and "应付 130.00 元" in hits[0].message
    assert "各工作表稿酬栏所写共 130.00 元" in hits[0].message
    assert "批示写的是 2 件" in hits[1].message


@pytest.mark.parametrize("rows", [
    # as of the year's end
    [["民盟县委", 2, 2, 0, 130], ["民进县委", 2, 1, 1, 200], ["合计", 4, 3, 1, 330]],
    # as of 3月底, when the quarter's 汇总 was written: 丙's 批示 (4月1日) not yet, its 稿酬 100.00
    [["民盟县委", 2, 2, 0, "130.00"], ["民进县委", 2, 1, 0, "¥100.00"], ["合计", 4, 3, 0, "230.00元"]],
    # 稿酬 with thousands separators and 元
    [["民盟县委", 2, 2, 0, "130元"], ["民进县委", 2, 1, 1, "200.00"], ["合计", 4, 3, 1, "￥330.00"]],
])
def test_an_honest_summary_is_not_said(tmp_path, rows):
    path, ledger, report = _with_summary(tmp_path, *rows)
    assert not findings(report, "sheet.tally_sheet_figure_differs")
    assert not findings(report, "sheet.tally_sheet_differs")
    assert_every_cell_accounted(path, ledger=ledger, report=report, year=2026)


def test_a_summary_counting_adoption_records(tmp_path):
    # 甲 adopted twice (县政协 2月5日 and 市政协 3月5日): 民盟县委 has 2 items adopted and 3 adoption records;
    # either is what a 采用 column may mean; 4 is neither: said.
    items = [[*ITEMS[0][:5], f"{COUNTY}；{CITY}", None, "100.00", None], *ITEMS[1:]]
    for written, said in ((2, False), (3, False), (4, True)):
        folder = tmp_path / str(written)
        folder.mkdir()
        quarter = [["2026年第一季度社情民意信息报送采用登记表"], HEADER, *items]
        path = write_xlsx(folder / "台账.xlsx", {"一季度": quarter, "汇总": [*SUMMARY_HEAD, ["民盟县委", 2, written, 0, 130]]})
        ledger = sq.read_ledgers(path, year=2026)
        report = sq.validate(ledger, sq.load_rules(year=2026))
        assert len(findings(report, "sheet.tally_sheet_figure_differs")) == int(said), written
