"""联合 inside other words is no joint item, and a themed call's rows are not joined by one row's note.

A regression probe of the joint-item reading (read/joint.py): 备注 `参考联合国粮农组织报告` and `与县妇联联合
调研形成` merged other units' items of the same title and day into one (张三's 市政协 adoption paid to
王五); five units answering a themed call on its deadline became one item when the first row's 备注 said
联合调研. Answers by hand; every cell accounted for."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

HEAD = ["序号", "信息标题", "作者", "报送日期", "采用情况", "备注"]
D = dt.datetime


def _paid(ledger) -> dict:
    return {n: a for n, a in zip(*sq.rewards(ledger, 2025)[["name", "amount"]].T.values)}


def test_lianhe_inside_other_words_joins_nothing(tmp_path):
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "民革县委.xlsx", {"2025年": [HEAD,
        [1, "关于规范校外培训的建议", "李明", D(2025, 4, 2), None, "与县妇联联合调研形成"],
        [2, "关于保障粮食安全的建议", "张三", D(2025, 5, 6), "县政协编发;市政协采用", "参考联合国粮农组织报告"]]})
    write_xlsx(folder / "民盟县委.xlsx", {"2025年": [HEAD,
        [1, "关于规范校外培训的建议", "赵敏", D(2025, 4, 2), "县政协编发", None],
        [2, "关于保障粮食安全的建议", "王五", D(2025, 5, 6), None, None]]})
    ledger, report = assert_every_cell_accounted(folder)
    # By hand: four items, two per unit; 张三's item adopted 县级 and 市级 is paid its highest tier, 100; 赵敏 30.
    assert len(ledger.submissions) == 4
    assert not [i for i in report.issues if i.code == "row.joint"]
    assert _paid(ledger) == {"张三": Decimal("100.00"), "赵敏": Decimal("30.00")}
    assert sorted(ledger.submissions.groupby("unit").size().items()) == [("民盟县委", 2), ("民革县委", 2)]


def test_a_themed_calls_rows_are_not_joined_by_one_rows_note(tmp_path):
    title = "对“十五五”规划编制的意见建议"
    rows = [[k, title, who, D(2025, 5, 6), None, note] for k, (who, note) in enumerate(
        [("张三", "联合报送"), ("王五", "专题征集"), ("赵六", "专题征集"), ("孙七", None), ("周八", None)], 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD, *rows]}))
    # By hand: five units' answers to one call, one row saying 联合报送 with no second such row: five items.
    assert len(ledger.submissions) == 5
    assert not [i for i in report.issues if i.code == "row.joint"]


def test_a_note_of_lianhe_alone_joins_two_rows_only_when_both_say_it(tmp_path):
    rows = [[1, "关于赣江沿岸垂钓区安全管理的建议", "刘建国", D(2025, 6, 5), "县政协编发", "联合"],
            [2, "关于赣江沿岸垂钓区安全管理的建议", "马俊", D(2025, 6, 5), "县政协编发", "联合"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD, *rows]}))
    # By hand: one item, its 县级 adoption written on both rows once, 30.00 shared.
    assert len(ledger.submissions) == 1 and len(ledger.adoptions) == 1
    assert _paid(ledger) == {"刘建国": Decimal("15.00"), "马俊": Decimal("15.00")}
    # The note on one row only (联名报送 may speak of that row's own co-authors): two items, said.
    rows[0][5] = None
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账2.xlsx", {"2025年": [HEAD, *rows]}))
    assert len(ledger.submissions) == 2 and [i.row for i in report.issues if i.code == "item.same_title"] == [3]
    assert _paid(ledger) == {"刘建国": Decimal("30.00"), "马俊": Decimal("30.00")}


def test_a_rosters_dropdown_sheet_is_not_said_unread(tmp_path):
    """A roster's hidden 下拉选项 sheet (the source of its dropdowns: roles, unit types) is the template's
    kind of 列表, not a sheet of the office's to read (a probe of the roster reading found it said)."""
    from conftest import sqmy

    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", "民革县委"]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"]],
        "下拉选项": [["身份", "单位类型"], ["委员", "民主党派"], ["信息员", "界别组"]]})
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD, [1, "关于规范校外培训的建议", "张三", D(2025, 4, 2), None, None]]})
    ran = sqmy("validate", ledger, "--roster", roster, "--format", "json")
    assert "roster.sheet_unread" not in ran.stdout
