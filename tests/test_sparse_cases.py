"""A small county office's sparse ledger: month sheets with two or three items, 本月无信息, a row whose
日期 the clerk left blank on its month sheet and wrote only in the year-end 汇总 that repeats every item."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid

HEAD = ["序号", "日期", "信息标题", "作者", "单位", "采用情况", "备注"]


def _office(tmp_path, may_day=dt.date(2026, 4, 28)):
    ledgers = tmp_path / "台账"
    ledgers.mkdir()
    months = {
        "1月": [[1, "3日", "关于农村饮水安全的建议", "张明", None, None, None],
               [2, None, "关于乡村道路养护的建议", "王芳", None, "县政协编发", None]],
        "2月": [["本月无信息"]],
        "3月": [[3, "6日", "关于春耕农资供应的建议", "李华", None, "市政协采用", None],
               [4, "9日", "关于学校食堂管理的建议", "李华", None, None, None]],
        "4月": [[5, None, "关于汛前检查的建议", "张明", None, None, None]],
        "5月": [],
    }
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in months.items():
        ws = wb.create_sheet(name)
        ws.append(["青川县政协2026年社情民意信息登记表"])
        ws.merge_cells("A1:G1")
        ws.append(HEAD)
        for r in rows:
            ws.append(r)
    ws = wb.create_sheet("汇总")
    ws.append(HEAD)
    ws.append([1, dt.date(2026, 1, 3), "关于农村饮水安全的建议", "张明", None, None, None])
    ws.append([2, dt.date(2026, 1, 20), "关于乡村道路养护的建议", "王芳", None, "县政协编发", None])
    ws.append([3, dt.date(2026, 3, 6), "关于春耕农资供应的建议", "李华", None, "市政协采用", None])
    ws.append([4, dt.date(2026, 3, 9), "关于学校食堂管理的建议", "李华", None, None, None])
    ws.append([5, may_day, "关于汛前检查的建议", "张明", None, None, None])
    wb.save(ledgers / "2026年社情民意信息台账.xlsx")
    rb = openpyxl.Workbook()
    people = rb.active
    people.title = "人员"
    people.append(["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注"])
    people.append(["张明", "委员", "民盟县委", None, None, None, None])
    people.append(["李华", "委员", "城关镇政协工委", None, None, None, None])
    people.append(["王芳", "信息员", "城关镇政协工委", None, None, None, None])
    units = rb.create_sheet("单位")
    units.append(["单位名称", "单位类型", "备注"])
    units.append(["民盟县委", "民主党派", None])
    units.append(["城关镇政协工委", "镇街政协工委", None])
    rb.save(tmp_path / "名册.xlsx")
    return ledgers, tmp_path / "名册.xlsx"


def test_summary_row_giving_the_day_the_month_sheet_left_blank_is_the_same_item(tmp_path):
    # By hand: five items (1月 2, 2月 0, 3月 2, 4月 1, 5月 0; 一季度 4, 二季度 1). The 汇总 repeats all five;
    # 1月!B4 and 4月!B3 are blank (said: date.from_sheet), the 汇总 gives 2026-01-20 and 2026-04-28, in
    # those months: the same items, not new ones. 王芳: 1 item, adopted 县级 once → 30.00 (not 60.00);
    # 李华: 2 items, 市级 once → 100.00; 张明: 2 items, none adopted. Adoptions: 县级 1, 市级 1.
    ledgers, roster = _office(tmp_path)
    rules = sq.load_rules(year=2026)
    ledger = sq.read_ledgers(ledgers, roster=roster, rules=rules, year=2026)
    ledger, report = assert_every_cell_accounted(ledgers, ledger=ledger, rules=rules, year=2026)
    subs = ledger.submissions
    assert len(subs) == 5
    assert set(subs["sheet"]) == {"1月", "3月", "4月"}
    assert sorted(subs["date"].dt.month) == [1, 1, 3, 3, 4]
    assert sorted(map(str, ledger.adoptions["tier"])) == ["县级", "市级"]
    assert not findings(report, "repeat.unique")
    assert not findings(report, "item.possible_duplicate")
    assert [(i.sheet, i.row) for i in findings(report, "date.from_sheet")] == [("1月", 4), ("4月", 3)]
    assert paid(ledger, 2026) == {"王芳": Decimal("30.00"), "李华": Decimal("100.00")}
    people = sq.people(ledger, 2026).set_index("name")
    assert people.loc["王芳", "submitted"] == 1 and people.loc["张明", "submitted"] == 2


def test_summary_day_in_another_month_is_not_taken_for_the_blank_row(tmp_path):
    # The 汇总 dates item 5 in May while it stands on the 4月 sheet undated: which is right is not
    # guessed. As before the fix: the 汇总 row is counted on its own and said (repeat.unique at 汇总!C6).
    ledgers, roster = _office(tmp_path, may_day=dt.date(2026, 5, 2))
    rules = sq.load_rules(year=2026)
    ledger = sq.read_ledgers(ledgers, roster=roster, rules=rules, year=2026)
    ledger, report = assert_every_cell_accounted(ledgers, ledger=ledger, rules=rules, year=2026)
    assert len(ledger.submissions) == 6
    assert [(i.sheet, i.row, i.column) for i in findings(report, "repeat.unique")] == [("汇总", 6, "C")]


def test_a_month_that_says_it_had_no_item_is_no_item(tmp_path):
    # By hand: one item (1月, 张明). Every other sheet says, in the column the clerk happened to use,
    # that the month had none: 本月无信息 under 信息标题 (2月; 4月 beside its 序号 1), in 日期 (3月), in 备注 (6月),
    # 本月未报送社情民意信息 (7月, long enough to pass for a title), 暂无 (8月). No item, no error, every cell
    # accounted (set aside with its words); 张明 1 item. Before: 6 more "items" and 11 errors.
    ledgers = tmp_path / "台账"
    ledgers.mkdir()
    months = {
        "1月": [[1, "3日", "关于农村饮水安全的建议", "张明", None, None, None]],
        "2月": [[None, None, "本月无信息"]],
        "3月": [[None, "本月无信息"]],
        "4月": [[1, None, "本月无信息"]],
        "6月": [[None, None, None, None, None, None, "本月无信息"]],
        "7月": [[1, None, "本月未报送社情民意信息"]],
        "8月": [[None, None, "暂无"]],
    }
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in months.items():
        ws = wb.create_sheet(name)
        ws.append(["青川县政协2026年社情民意信息登记表"])
        ws.append(HEAD)
        for r in rows:
            ws.append(r)
    wb.save(ledgers / "2026年社情民意信息台账.xlsx")
    rules = sq.load_rules(year=2026)
    ledger = sq.read_ledgers(ledgers, rules=rules, year=2026)
    ledger, report = assert_every_cell_accounted(ledgers, ledger=ledger, rules=rules, year=2026)
    assert list(ledger.submissions["title"]) == ["关于农村饮水安全的建议"]
    assert not [i for i in report.issues if i.severity == "error"]
    assert not [i for i in report.issues if i.sheet != "1月" and i.row is not None]
    comments = ledger.skipped[ledger.skipped["reason"] == "comment"]
    assert sorted(comments["sheet"]) == ["2月", "3月", "4月", "6月", "7月", "8月"]


def test_a_title_with_none_in_it_is_still_an_item(tmp_path):
    # 关于无证经营的建议, 无人机 … are titles: one item each, as before.
    ledgers = tmp_path / "台账"
    ledgers.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5月"
    ws.append(HEAD)
    ws.append([1, "6日", "关于无证经营的建议", "张明", "民盟县委", None, None])
    ws.append([2, "9日", "无人机管理", "李华", "民盟县委", None, "无"])
    wb.save(ledgers / "2026年台账.xlsx")
    ledger, report = assert_every_cell_accounted(ledgers, year=2026)
    assert list(ledger.submissions["title"]) == ["关于无证经营的建议", "无人机管理"]
