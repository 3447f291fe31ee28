"""上报 from the units' side, found by playing an office whose units 上报 their items to it (upward).

In such an office a ledger of 编号 | 上报日期 | 信息标题 | 上报人 | 上报单位 | 采用情况 lists the items the units
sent in: 上报日期 the day each came in, 上报人 its author, 上报单位 the unit (民盟县委). It was read as where the
office sent each item up: every item with no date (date.missing), no unit, and forward.own_level at every
上报单位 cell, so the unit figures lost them. Other offices' 上报单位 (市政协) stays the 上报.

A 备注 telling that the papers were filed (原件存档, 已存档) beside an adoption was said to contradict it
(adoption.note_denies: 存档 is a pending word); 稿酬不计入个人考核 (the 稿酬 not counted into the personal
appraisal) left the adoption unpaid (adoption.unpaid: it contains 稿酬不计).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xls, write_xlsx

D = dt.date
HEADER = ["编号", "上报日期", "信息标题", "上报人", "上报单位", "采用情况"]


def _units(ledger) -> dict:
    u = sq.units(ledger, 2025)
    return {name: (int(s), int(a)) for name, s, a in zip(u["unit"], u["submitted"], u["adopted"])}


def test_units_that_report_to_the_office(tmp_path):
    # By hand: five items, each dated by its 上报日期, of the unit in 上报单位:
    #   民盟县委 2 items (张三 市政协采用; 赵六 省政协采用), 民进县委 1 (none), 城关镇 1 (县政协第3期),
    #   农工党县委 1 (市政协采用). No 上报 to a body above at all (the units 上报 to the office).
    #   稿酬 (shipped rates 县级 30, 市级 100, 省级 200): 张三 100, 赵六 200, 王五 30, 钱七 100.
    # The column's reading said once at its header (E2); nothing else to say.
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"2025年": [
        ["2025年社情民意信息收集登记表"],
        HEADER,
        [1, "2025-01-08", "关于农村供水的建议", "张三", "民盟县委", "市政协采用"],
        [2, "2025-02-11", "关于校车安全的建议", "李四", "民进县委", None],
        [3, "2025-03-15", "关于老旧小区改造的建议", "王五", "城关镇", "县政协《社情民意》第3期"],
        [4, "2025-04-02", "关于乡村物流的建议", "赵六", "民盟县委", "省政协采用"],
        [5, "2025-05-20", "关于电动车充电的建议", "钱七", "农工党县委", "市政协采用"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    s = ledger.submissions
    assert list(s["date"].dt.date) == [D(2025, 1, 8), D(2025, 2, 11), D(2025, 3, 15), D(2025, 4, 2), D(2025, 5, 20)]
    assert list(s["unit"]) == ["民盟县委", "民进县委", "城关镇", "民盟县委", "农工党县委"]
    assert ledger.forwards.empty
    assert _units(ledger) == {"民盟县委": (2, 2), "民进县委": (1, 0), "城关镇": (1, 1), "农工党县委": (1, 1)}
    assert paid(ledger, 2025) == {"张三": Decimal("100.00"), "赵六": Decimal("200.00"), "王五": Decimal("30.00"),
                                  "钱七": Decimal("100.00")}
    assert [(f.column, f.row) for f in findings(report, "header.sender_units")] == [("E", 2)]
    assert not [f for f in report.issues if f.code != "header.sender_units"]


def test_units_side_book_beside_a_forwarding_ledger(tmp_path):
    # One office, two sheets: the units' items (上报单位 民盟县委 / 县教育局: the units), and its own 上报台账
    # (上报单位 市政协 / 省政协: where it sent them). By hand: item 1 of 民盟县委 dated 2025-03-01, sent to
    # 市政协 on 2025-03-05 and adopted there; item 2 of 县教育局 dated 2025-03-02, sent to 省政协 on 2025-03-06.
    # Units: 民盟县委 1 item 1 adopted, 县教育局 1 item none. The same in a real .xls.
    for name, write in (("台账.xlsx", write_xlsx), ("台账.xls", write_xls)):
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        write(folder / name, {
            "报送台账": [HEADER,
                     [1, D(2025, 3, 1), "关于甲的建议", "张三", "民盟县委", None],
                     [2, D(2025, 3, 2), "关于乙的建议", "李四", "县教育局", None]],
            "上报台账": [HEADER,
                     [1, D(2025, 3, 5), "关于甲的建议", "张三", "市政协", "市政协采用"],
                     [2, D(2025, 3, 6), "关于乙的建议", "李四", "省政协", None]]})
        ledger, report = assert_every_cell_accounted(folder, year=2025)
        assert list(ledger.submissions["date"].dt.date) == [D(2025, 3, 1), D(2025, 3, 2)]
        assert list(ledger.submissions["unit"]) == ["民盟县委", "县教育局"]
        f = ledger.forwards
        assert list(zip(f["item"], f["body"], f["tier"], f["date"].dt.date)) == [
            (0, "市政协", "市级", D(2025, 3, 5)), (1, "省政协", "省级", D(2025, 3, 6))]
        assert _units(ledger) == {"民盟县委": (1, 1), "县教育局": (1, 0)}
        assert [f.sheet for f in findings(report, "header.sender_units")] == ["报送台账"]
        assert not findings(report, "forward.own_level") and not findings(report, "date.missing")


def test_filed_papers_contradict_no_adoption(tmp_path):
    # 原件存档 / 已存档 / 纸质稿存档备查 beside 市政协采用: the office filed the papers; the adoption stands and
    # nothing contradicts it (by hand: three adoptions at 市级, 100 yuan each, no finding). 存档待定 still
    # says not yet decided (said at F5), and 存档 in the adoption column itself is no adoption (item 5: none).
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025": [
        ["编号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
        [1, "2025-03-01", "关于甲的建议", "张三", "民盟县委", "市政协采用", "原件存档"],
        [2, "2025-03-02", "关于乙的建议", "李四", "民进县委", "市政协采用", "已存档"],
        [3, "2025-03-03", "关于丙的建议", "王五", "民建县委", "市政协采用", "纸质稿存档备查"],
        [4, "2025-03-04", "关于丁的建议", "赵六", "民革县委", "市政协采用", "存档待定"],
        [5, "2025-03-05", "关于戊的建议", "钱七", "农工党县委", "存档", None]]})
    ledger = sq.read_ledgers(path, year=2025)
    report = sq.validate(ledger)
    assert list(ledger.adoptions["item"]) == [0, 1, 2, 3]
    assert [(f.column, f.row) for f in findings(report, "adoption.note_denies")] == [("G", 5)]
    assert paid(ledger, 2025) == {n: Decimal("100.00") for n in ("张三", "李四", "王五", "赵六")}


def test_pay_not_counted_into_the_appraisal_is_still_paid(tmp_path):
    # 稿酬不计入个人考核: the 稿酬 is not counted into the personal appraisal; it does not say no 稿酬 is paid.
    # By hand: 张三 省政协采用 200 yuan, paid; 李四 with 不计稿酬 (no money) unpaid, said at G3.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025": [
        ["编号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"],
        [1, "2025-04-02", "关于乡村物流的建议", "张三", "民盟县委", "省政协采用", "稿酬不计入个人考核"],
        [2, "2025-04-03", "关于校车安全的建议", "李四", "民进县委", "省政协采用", "不计稿酬"]]})
    ledger = sq.read_ledgers(path, year=2025)
    report = sq.validate(ledger)
    assert paid(ledger, 2025) == {"张三": Decimal("200.00")}
    assert [(f.column, f.row) for f in findings(report, "adoption.unpaid")] == [("G", 3)]


def test_units_report_column_beside_a_forwarding_status(tmp_path):
    # 上报单位 holds the units (民盟县委, 民革县委), 上报情况 beside it what the office did with each. By hand:
    #   item 1 民盟县委 2025-03-02, 已上报市政协: one 上报 to 市政协 (市级); item 2 民革县委 2025-03-05, 未上报: none;
    #   item 3 民盟县委 2025-03-09, 尚未上报市政协: none (the tool counted a 上报 to a body "尚未上报市政协", nothing said).
    # Before, 上报情况 was set aside as a second 上报 column (header.duplicate) and the 上报 to 市政协 lost.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["编号", "上报日期", "信息标题", "上报人", "上报单位", "上报情况", "采用情况"],
        [1, "2025-03-02", "关于河道保洁的建议", "张三", "民盟县委", "已上报市政协", "县政协采用"],
        [2, "2025-03-05", "关于夜市管理的建议", "李四", "民革县委", "未上报", "县政协采用"],
        [3, "2025-03-09", "关于乡村道路的建议", "王五", "民盟县委", "尚未上报市政协", None]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert not findings(report, "header.duplicate") and not findings(report, "mark.unknown")
    assert [f"{i.column}{i.row}" for i in findings(report, "header.sender_units")] == ["E1"]
    assert list(ledger.submissions["date"].dt.day) == [2, 5, 9]
    assert list(ledger.submissions["unit"]) == ["民盟县委", "民革县委", "民盟县委"]
    assert [(int(i), b, t) for i, b, t in zip(ledger.forwards["item"], ledger.forwards["body"], ledger.forwards["tier"])] == [(0, "市政协", "市级")]
    assert _units(ledger) == {"民盟县委": (2, 1), "民革县委": (1, 1)}


def test_a_sending_denied_in_an_adoption_cell_or_note_sends_nothing_and_keeps_the_adoption(tmp_path):
    # By hand (shipped rates 县级 30, 市级 100, 省级 200, the highest tier only):
    #   张三 县政协第3期(未报市政协): 县级 30, no 上报 (the tool lost the adoption and counted a 上报 to "市政协)")
    #   李四 市政协采用，未报送省政协: 市级 100 (the tool paid 200: an adoption by a body "未报送省政协", 省级)
    #   王五 县政协采用（未上报）: 县级 30;  赵六 县政协采用, 备注 未上报: 30, nothing to say (not sent up, no more)
    #   钱七 市政协采用, 备注 未上报: 100 counted as recorded; the note contradicts it: said at G6
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "报送日期", "信息标题", "报送人", "单位", "采用情况", "备注"],
        [1, "2025-03-02", "关于河道保洁的建议", "张三", "民盟县委", "县政协第3期(未报市政协)", None],
        [2, "2025-03-05", "关于夜市管理的建议", "李四", "民革县委", "市政协采用，未报送省政协", None],
        [3, "2025-03-09", "关于乡村道路的建议", "王五", "民盟县委", "县政协采用（未上报）", None],
        [4, "2025-03-12", "关于校车安全的建议", "赵六", "民盟县委", "县政协采用", "未上报"],
        [5, "2025-03-16", "关于停车收费的建议", "钱七", "民革县委", "市政协采用", "未上报"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert paid(ledger, 2025) == {"张三": Decimal("30.00"), "李四": Decimal("100.00"), "王五": Decimal("30.00"),
                                  "赵六": Decimal("30.00"), "钱七": Decimal("100.00")}
    assert ledger.forwards.empty
    assert [f"{i.column}{i.row}" for i in findings(report, "adoption.note_denies")] == ["G6"]
