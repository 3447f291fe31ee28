"""Roster sheets and rows that are not what they look like: hidden ones, a sheet of people who left,
a unit list headed 单位, a ledger's lookup list of 姓名 and 单位, a move written only in a 备注.

Every workbook here is written by hand in the test, every answer worked out by hand in the test,
and every ledger is checked for the reader's invariant: each non-empty cell is consumed into a
record or named in a finding.
"""
from __future__ import annotations

import datetime as dt

import openpyxl

from sqmy_lib.compute import Period, people, units
from conftest import assert_every_cell_accounted, write_xlsx

DONE = dt.date(2026, 1, 10)  # the year over: every quota judged whole
D = dt.date
HEAD = ["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期"]


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _people(ledger) -> dict[str, tuple]:
    year = people(ledger, Period.of(2025), today=DONE)
    return {(n, r): (q, s) for n, r, q, s in zip(year["name"], year["role"], year["quota"], year["submitted"])}


def _sent(ledger) -> dict[str, int]:
    return units(ledger, Period.of(2025), today=DONE).set_index("unit")["submitted"].to_dict()


def _hide(path, rows: dict[str, list[int]] = None, sheets: tuple[str, ...] = ()):
    """Hide rows (Excel numbers) and whole sheets of a workbook written by ``write_xlsx``."""
    wb = openpyxl.load_workbook(path)
    for name, numbers in (rows or {}).items():
        for r in numbers:
            wb[name].row_dimensions[r].hidden = True
    for name in sheets:
        wb[name].sheet_state = "hidden"
    wb.save(path)
    return path


# ---------------------------------------------------------------- hidden rows and sheets, people who left

def test_hidden_roster_rows_are_said_and_a_sheet_of_people_who_left_holds_no_one_in_post(tmp_path):
    # 人员: 张伟 and 王强 (row 3 hidden: a member who left, hidden instead of deleted). A hidden sheet 已离任人员:
    # 周涛 信息员 with no 解聘日期, 赵敏 信息员 to 2025-04-30. A visible sheet 往届委员: 李雷, no date. Was: 周涛
    # owing 12 months and 李雷 2 items, 王强 2, nothing said. By hand: 张伟 委员 2, sent 2; 王强 read as
    # written (委员 2, sent 0), said at his hidden row; 周涛 and 李雷 set aside (no one's quota), each said
    # at his row; 赵敏 read with her end: in post Jan–Apr, 4 months, sent 1 (March); the hidden sheet
    # said with the one person read from it.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [HEAD, ["张伟", "委员", "民革县委", "民革", D(2022, 1, 10), None],
               ["王强", "委员", "民革县委", "民革", D(2022, 1, 10), None]],
        "已离任人员": [HEAD, ["周涛", "信息员", "民革县委", "民革", D(2023, 1, 1), None],
                   ["赵敏", "信息员", "民革县委", "民革", D(2023, 1, 1), D(2025, 4, 30)]],
        "往届委员": [HEAD, ["李雷", "委员", "民革县委", "民革", D(2017, 1, 1), None]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"]]})
    _hide(roster, {"人员": [3]}, ("已离任人员",))
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
        [1, D(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委", "市政协采用"],
        [2, D(2025, 5, 5), "关于规范网约车管理的建议", "张伟", "民革县委", None],
        [3, D(2025, 3, 20), "关于老旧小区加装电梯的建议", "赵敏", "民革县委", None]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _people(ledger) == {("张伟", "委员"): (2, 2), ("王强", "委员"): (2, 0), ("赵敏", "信息员"): (4, 1)}
    hidden = [(i.sheet, i.row, i.column, i.message.split(",")[0]) for i in _codes(report, "roster.row_hidden")]
    assert hidden == [("人员", 3, "A", "名册本表第 3 行被隐藏(手动隐藏或筛选后保存)")]
    assert "其中 1人(王强) 已照常读取" in _codes(report, "roster.row_hidden")[0].message
    assert [(i.sheet, i.message.split(",")[0]) for i in _codes(report, "roster.sheet_hidden")] == [
        ("已离任人员", "名册中隐藏的工作表“已离任人员”已照常读取")]
    assert "其中 1人(赵敏)" in _codes(report, "roster.sheet_hidden")[0].message
    left = [(i.sheet, i.row, i.column) for i in _codes(report, "roster.left_no_end")]
    assert left == [("已离任人员", 2, "A"), ("往届委员", 2, "A")]
    assert "“周涛”没有离任时间" in _codes(report, "roster.left_no_end")[0].message


def test_a_left_sheet_among_the_ledgers_is_said_cell_for_cell(tmp_path):
    # The ledger workbook keeps a sheet 已调离人员 (姓名 | 身份 | 单位) of people who left, no dates: was two
    # 信息员 in post, owing 12 months each. By hand: no one read from it, each row said; its cells accounted.
    path = write_xlsx(tmp_path / "台账.xlsx", {
        "2025年": [["序号", "收稿日期", "信息标题", "作者", "单位"],
                  [1, D(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委"]],
        "已调离人员": [["姓名", "身份", "单位"], ["孙立", "信息员", "民革县委"], ["钱多", "信息员", "民盟县委"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert ledger.roster is None or ledger.roster.people.empty
    assert [(i.sheet, i.row) for i in _codes(report, "roster.left_no_end")] == [("已调离人员", 2), ("已调离人员", 3)]


# ---------------------------------------------------------------- a ledger's lookup list beside the roster

def test_a_ledgers_lookup_list_is_the_rosters_people_not_more(tmp_path):
    # The ledger workbook has a sheet 人员 (姓名 | 单位) for its 单位 VLOOKUPs; the office's 名册 lists 张伟, 李娜
    # and 王芳 as 委员. Was: 张伟 and 李娜 twice (once 委员 with 2 a year, once with no 身份, same counts), no
    # finding. By hand: one row each, the roster's: 张伟 2/1, 李娜 2/1, 王芳 2/0. The list agrees for 张伟
    # and 李娜 (said once for the sheet), gives 王芳 another 单位 (民建县委: said at row 4, the roster's kept),
    # and names 赵六, not on the roster (said at row 5, kept as listed: no 身份, no quota).
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [HEAD, ["张伟", "委员", "民革县委", "民革", D(2022, 1, 10), None],
               ["李娜", "委员", "民盟县委", "民盟", D(2022, 1, 10), None],
               ["王芳", "委员", "民进县委", "民进", D(2022, 1, 10), None]],
        "单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"], ["民进县委", "民主党派"]]})
    ledger_dir = tmp_path / "台账"
    ledger_dir.mkdir()
    path = write_xlsx(ledger_dir / "台账.xlsx", {
        "2025年": [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
                  [1, D(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委", "市政协采用"],
                  [2, D(2025, 4, 2), "关于规范网约车管理的建议", "李娜", "民盟县委", None]],
        "人员": [["姓名", "单位"], ["张伟", "民革县委"], ["李娜", "民盟县委"], ["王芳", "民建县委"], ["赵六", "农工县委"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    rows = _people(ledger)
    assert {k: v for k, v in rows.items() if k[1]} == {("张伟", "委员"): (2, 1), ("李娜", "委员"): (2, 1), ("王芳", "委员"): (2, 0)}
    assert [k for k in rows if not k[1]] == [("赵六", "")]
    assert len(ledger.roster.people) == 4
    merged = [(i.sheet, i.message) for i in _codes(report, "roster.ledger_list_merged")]
    assert merged == [("人员", "台账工作表“人员”列出姓名和单位(没有身份,如供公式查找单位),其中 2人(张伟、李娜) 与名册一致,"
                              "按名册计(每人一行,身份和任务按名册)")]
    differ = [(i.sheet, i.row, i.message.split(",")[0]) for i in _codes(report, "roster.ledger_list_differs")]
    assert differ == [("人员", 4, "台账中人员表的“王芳”的单位写作“民建县委”"), ("人员", 5, "台账中人员表的“赵六”不在名册中")]


# ---------------------------------------------------------------- a unit sheet headed 单位

def test_a_roster_unit_sheet_headed_unit_and_type_is_the_unit_list(tmp_path):
    # 名册 单位 sheet headed 单位 | 单位类型 (not 单位名称): was dropped whole, no finding, every unit 未分组 and
    # a 提示 asking for the units that were listed. By hand: three units of their types; 民革县委 (民主党派,
    # 3 a quarter: 12 a year) sent 1, 民盟县委 0 of 12, 城关镇政协工委 (镇街政协工委, 3 a month: 36) 0. A sheet
    # 通讯录 (单位 | 联系人 | 电话, no type) is no list: said with its 6 cells; the template's 列表 sheet is not.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [HEAD, ["张伟", "委员", "民革县委", "民革", D(2022, 1, 10), None]],
        "单位": [["单位", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"], ["城关镇政协工委", "镇街政协工委"]],
        "通讯录": [["单位", "联系人", "电话"], ["民革县委", "张伟", "13800000000"]],
        "列表": [["身份", "单位类型"], ["委员", "民主党派"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
        [1, D(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委", "市政协采用"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    year = units(ledger, Period.of(2025), today=DONE).set_index("unit")
    assert year[["peer_group", "submitted", "quota"]].to_dict("index") == {
        "民革县委": {"peer_group": "民主党派", "submitted": 1, "quota": 12},
        "民盟县委": {"peer_group": "民主党派", "submitted": 0, "quota": 12},
        "城关镇政协工委": {"peer_group": "镇街政协工委", "submitted": 0, "quota": 36}}
    assert not _codes(report, "roster.unit_type_no_column")
    assert [(i.sheet, i.message.rsplit("其中 ", 1)[1].split(" ")[0]) for i in _codes(report, "roster.sheet_unread")] == [
        ("通讯录", "6")]


# ---------------------------------------------------------------- a move written in the 备注

MOVE_HEAD = ["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注"]


def test_a_move_in_a_roster_note_sends_earlier_items_to_the_unit_left(tmp_path):
    # 陈思远's one row: 河口镇政协工委, 备注 2025年7月由城关镇政协工委调入. His 2025-03-18 item with no 报送单位
    # counted for 河口镇 (the two-row form sends it to 城关镇). By hand: as two rows, 城关镇 to 2025-06-30:
    # his March item (blank 单位) counts for 城关镇, his August one (blank) and September one (河口镇) for
    # 河口镇; 刘建国's February one for 城关镇. One person, one row: 委员 2 a year, sent 3. 周宁's 备注
    # 由城关镇政协工委调入 names no month: his blank April item stays with his row's 河口镇, said (was silent).
    # 城关镇 2 (Feb, Mar), 河口镇 3 (Apr, Aug, Sep).
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [MOVE_HEAD,
               ["陈思远", "委员", "河口镇政协工委", "农业界", D(2021, 12, 20), None, "2025年7月由城关镇政协工委调入"],
               ["刘建国", "委员", "城关镇政协工委", "中共", D(2021, 12, 20), None, None],
               ["周宁", "委员", "河口镇政协工委", "中共", D(2021, 12, 20), None, "由城关镇政协工委调入"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送登记": [
        ["序号", "编号", "报送日期", "信息标题", "报送单位", "作者"],
        [1, "SQ2025-001", D(2025, 2, 14), "关于农村道路养护的建议", "城关镇政协工委", "刘建国"],
        [2, "SQ2025-002", D(2025, 3, 18), "关于规范农村宅基地审批流程的建议", None, "陈思远"],
        [3, "SQ2025-003", D(2025, 8, 6), "关于农村客运班线的建议", None, "陈思远"],
        [4, "SQ2025-004", D(2025, 9, 2), "关于老旧管网改造的建议", "河口镇政协工委", "陈思远"],
        [5, "SQ2025-005", D(2025, 4, 9), "关于集镇停车的建议", None, "周宁"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _sent(ledger) == {"城关镇政协工委": 2, "河口镇政协工委": 3}
    assert _people(ledger) == {("陈思远", "委员"): (2, 3), ("刘建国", "委员"): (2, 1), ("周宁", "委员"): (2, 1)}
    moved = [(i.row, i.column, i.message) for i in _codes(report, "roster.move_in_note")]
    assert moved == [(2, "G", "名册备注“2025年7月由城关镇政协工委调入”说明此人由城关镇政协工委(至2025-06-30)调至本行单位"
                              "(自2025-07-01),按名册中调动的两行计:此前报送的信息(单位栏为空的)计入原单位,任务按在任月份连续计算")]
    assert [(i.row, i.column) for i in _codes(report, "roster.move_in_note_unread")] == [(4, "G")]
    assert not _codes(report, "roster.joining_in_note")
