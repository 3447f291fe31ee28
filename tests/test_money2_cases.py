"""A 区 office's 稿酬, second look: a 批示 written with 待, 拟 or 未批 in brackets after it
(``区长批示（待）``, ``县长批示（拟）``, ``市长批示（未批）``) is a 批示 awaited, not given; it was read as given
and the item paid double. Worked out by hand at the shipped rates (市级 100.00 yuan, a 批示 ×2).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import sqmy_lib as sq

from conftest import findings, paid, sqmy, write_xlsx

D = dt.date
HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "稿酬（元）", "备注"]


def _one_sheet(tmp_path, rows):
    write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["2026年社情民意信息报送采用登记表"], HEADER, *rows]})
    return sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)


@pytest.mark.parametrize("awaited", ["区长批示（待）", "县长批示（拟）", "市长批示（未批）", "副市长批示(待批示)", "县委书记批示（报批中）"])
def test_an_instruction_awaited_in_brackets_is_not_paid_double(tmp_path, awaited):
    # 市级 100.00; the 批示 is awaited, not given: ×1 = 100.00, no 批示 counted.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", awaited, None, None]])
    assert ledger.instructions.empty
    assert paid(ledger, 2026) == {"张三": Decimal("100.00")}


def test_an_instruction_awaited_in_the_note(tmp_path):
    # 备注 区长批示（待） → 100.00 (awaited); 备注 区长批示（2026.4.2） → 200.00 (given, its day in brackets).
    ledger = _one_sheet(tmp_path, [
        [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", None, None, "区长批示（待）"],
        [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟县委", "市政协采用（2026.3.5）", None, None, "区长批示（2026.4.2）"],
    ])
    assert paid(ledger, 2026) == {"张三": Decimal("100.00"), "李四": Decimal("200.00")}


@pytest.mark.parametrize("given", ["区长批示（2026.4.2）", "县长批示（同意）", "市长批示（待落实）"])
def test_an_instruction_given_with_brackets_is_still_paid_double(tmp_path, given):
    # A day, what was said, or what is awaited of the follow-up: a 批示 given, 100.00 × 2 = 200.00.
    ledger = _one_sheet(tmp_path, [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", "市政协采用（2026.3.5）", given, None, None]])
    assert len(ledger.instructions) == 1
    assert paid(ledger, 2026) == {"张三": Decimal("200.00")}


# The amount a ledger writes in its own 稿酬（元） column is checked, not obeyed: where it differs from
# what the rules pay for the item (all its payees together), a warning at that cell names both amounts.
# By hand, shipped rates (县级 30.00, 市级 100.00, 省级 200.00; a 批示 ×2; the highest tier only):
#   row 3 张三 市级 → 100.00; writes 150          → differs: 150.00 against 100.00
#   row 4 李四 市级 → 100.00; writes 100          → agrees
#   row 5 王五 市级 → 100.00; writes 已发50        → differs: 50.00 against 100.00
#   row 6 赵六、钱七 市级 + 县长批示 → 200.00 together (100.00 each); writes 200.00 → agrees
#   row 7 孙八 市级 → 100.00; writes 贰佰元        → differs: 200.00 against 100.00
#   row 8 周九 市级 → 100.00; writes 已发 (no amount) → not compared
#   row 9 吴十 only 已报送市政协 (no adoption) → 0; writes 0 → agrees
#   row 10 郑一 only 已报送市政协 → 0; writes 50（已发） → differs: 50.00 against 0.00
#   row 11 冯二 市级 → 100.00; writes 100元        → agrees
#   row 12 冯三 省级 then 市级 → the highest, 200.00; writes 200 → agrees
#   row 13 合计 750: no item, not compared.
# What is paid stays the rules': 张三 100.00 whatever the ledger writes.
ADOPTED = "市政协采用（2026.3.5）"
WRITTEN = [
    [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", ADOPTED, None, 150, None],
    [2, D(2026, 1, 8), "关于乙的建议", "李四", "民盟县委", ADOPTED, None, 100, None],
    [3, D(2026, 1, 8), "关于丙的建议", "王五", "民盟县委", ADOPTED, None, "已发50", None],
    [4, D(2026, 1, 8), "关于丁的建议", "赵六、钱七", "民盟县委", ADOPTED, "县长批示（2026.4.1）", "200.00", None],
    [5, D(2026, 1, 8), "关于戊的建议", "孙八", "民盟县委", ADOPTED, None, "贰佰元", None],
    [6, D(2026, 1, 8), "关于己的建议", "周九", "民盟县委", ADOPTED, None, "已发", None],
    [7, D(2026, 1, 8), "关于庚的建议", "吴十", "民盟县委", "已报送市政协", None, 0, None],
    [8, D(2026, 1, 8), "关于辛的建议", "郑一", "民盟县委", "已报送市政协", None, "50（已发）", None],
    [9, D(2026, 1, 8), "关于壬的建议", "冯二", "民盟县委", ADOPTED, None, "100元", None],
    [10, D(2026, 1, 8), "关于癸的建议", "冯三", "民盟县委", "省政协采用（2026.2.1）；市政协采用（2026.3.5）", None, 200, None],
    [None, None, "合计", None, None, None, None, 750, None],
]


def test_the_amount_written_is_checked_at_its_cell(tmp_path):
    ledger = _one_sheet(tmp_path, WRITTEN)
    said = findings(sq.validate(ledger), "money.written_differs")
    assert [(i.sheet, f"{i.column}{i.row}", i.severity) for i in said] == [
        ("2026年", "H3", "warning"), ("2026年", "H5", "warning"), ("2026年", "H7", "warning"), ("2026年", "H10", "warning")]
    for i, (written, due) in zip(said, [("150.00", "100.00"), ("50.00", "100.00"), ("200.00", "100.00"), ("50.00", "0.00")]):
        assert f"即{written}元" in i.message and f"应付{due}元" in i.message
    assert "“已发50”" in said[1].message and "按市级计" in said[1].message
    assert paid(ledger, 2026)["张三"] == Decimal("100.00")  # checked, not obeyed
    assert paid(ledger, 2026)["冯三"] == Decimal("200.00")
    assert sum(paid(ledger, 2026).values()) == Decimal("1000.00")  # 8 × 100 + 200 (冯三)


def test_the_command_says_it_too(tmp_path):
    # sqmy validate on the folder: the same warning at 台账.xlsx 2026年 H3, in Chinese, no traceback.
    _one_sheet(tmp_path, WRITTEN[:1])
    ran = sqmy("validate", tmp_path / "台账.xlsx", "--year", "2026")
    assert "Traceback" not in ran.stderr
    assert "H3" in ran.stdout and "稿酬栏写的是“150”,即150.00元,按规则本条信息应付100.00元" in ran.stdout


def test_a_top_up_of_last_year_is_named(tmp_path):
    # 2025 item: 县级 12.20.2025 (shipped 2025 rates: 县级 30.00), 市级 1.15.2026 (100.00): 30.00 paid in 2025,
    # 补差 70.00 in 2026, 100.00 in all. The ledger wrote 30 when it paid: 30.00 against 100.00, the 补差 said.
    write_xlsx(tmp_path / "台账.xlsx", {
        "2025年": [["2025年社情民意信息报送采用登记表"], HEADER,
                  [1, D(2025, 11, 20), "关于供暖的建议", "王芳", "民盟县委", "县政协采用（2025.12.20）；市政协采用（2026.1.15）", None, 30, None]],
        "2026年": [["2026年社情民意信息报送采用登记表"], HEADER,
                  [1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟县委", ADOPTED, None, 100, None]]})
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", year=2026)
    assert paid(ledger, 2026) == {"王芳": Decimal("70.00"), "张三": Decimal("100.00")}
    said = findings(sq.validate(ledger), "money.written_differs")
    assert [(i.sheet, f"{i.column}{i.row}") for i in said] == [("2025年", "H3")]
    assert "即30.00元,按规则本条信息应付100.00元" in said[0].message
    assert "2025年底前已付30.00元,2026年补差70.00元" in said[0].message
    # The year 2025 validated (its rules): 30.00 owed by its end, as written: nothing said.
    assert findings(sq.validate(sq.read_ledgers(tmp_path / "台账.xlsx", year=2025)), "money.written_differs") == []


@pytest.mark.parametrize("text, fen", [("200", 20000), ("200元", 20000), ("200.00", 20000), ("¥200", 20000), ("贰佰元", 20000),
                                       ("壹佰伍拾元整", 15000), ("已发50", 5000), ("已发放50元", 5000), ("50（已发）", 5000),
                                       ("1,000", 100000), ("已发", None), ("待发", None), ("张三100、李四100", None)])
def test_what_a_money_cell_writes(text, fen):
    from sqmy_lib.validate.money import written_fen
    assert written_fen(text) == fen
