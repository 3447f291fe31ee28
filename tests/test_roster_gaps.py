"""Rosters written the way offices write them, where the reader said nothing: a 单位 sheet with no
单位类型 column, a 姓名 cell of several Han names pasted with spaces.

Every workbook here is written by hand in the test, every answer (each unit's 任务, each person's)
worked out by hand, and every workbook is checked for the reader's invariant: each non-empty cell is
consumed into a record or named in a finding.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

# One item a quarter from each unit, under the default rules' types: 民主党派 3 a quarter (12 a year),
# 界别组 2 a quarter (8), 镇街政协工委 3 a month (36), 工商联 3 a quarter (12).
UNITS = [("民革县委", "民主党派"), ("经济界别组", "界别组"), ("城关镇政协工委", "镇街政协工委"), ("县工商联", "工商联")]
ITEMS = [["序号", "收稿日期", "信息标题", "作者", "单位"],
         *[[k, f"2025-0{k}-05", f"关于第{k}个问题的建议", name, unit]
           for k, (name, (unit, _)) in enumerate(zip(("张三", "李四", "王五", "赵六"), UNITS), 1)]]


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _units_json(ledger_path, roster_path) -> dict[str, dict]:
    """The units table of ``sqmy compute all --format json``, by unit."""
    ran = sqmy("compute", "all", ledger_path, "--roster", roster_path, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    return {u["unit"]: u for u in json.loads(ran.stdout)["units"]}


# ---------------------------------------------------------------- a 单位 sheet with no 单位类型 column

@pytest.mark.parametrize("header", [["序号", "单位名称"], ["单位名称", "联系人", "成立时间"]])
def test_a_unit_sheet_without_a_type_column_is_said_once(tmp_path, header):
    # A 单位 sheet listing the units with no 单位类型 column: each unit was 未分组 (no 任务, no 完成率)
    # and nothing said why; with other columns beside 单位名称 (联系人, 成立时间) the sheet was not even read
    # as the office's unit list. Now the sheet is read and said once (not once per unit, as a blank
    # 单位类型 cell is); 联系人 is said as a column not read. Worked by hand: no unit has a 任务.
    rows = [header, *[[k, u] if header[0] == "序号" else [u, f"联系人{k}", "2020-01-01"] for k, (u, _) in enumerate(UNITS, 1)]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "民革县委"]], "单位": rows})
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": ITEMS})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert list(ledger.roster.units["unit"]) == [u for u, _ in UNITS]
    said = _codes(report, "roster.unit_type_no_column")
    assert len(said) == 1 and said[0].sheet == "单位" and said[0].file.endswith("名册.xlsx")
    assert "“单位”" in said[0].message and "单位类型" in said[0].message and "4 个单位" in said[0].message
    assert not _codes(report, "roster.unit_type_missing")
    table = _units_json(path, roster)
    assert {u: (t["peer_group"], t["quota"]) for u, t in table.items()} == {u: ("未分组", None) for u, _ in UNITS}
    unread = [(i.column, i.message) for i in _codes(report, "roster.column_unread") if i.sheet == "单位"]
    assert [c for c, _ in unread] == (["B"] if "联系人" in header else [])


def test_the_same_units_typed_have_their_quotas(tmp_path):
    # The sheet above with its 单位类型 column: nothing said about the column, each unit its type's 任务.
    # Worked by hand (rules 2025): 民主党派 3×4 = 12, 界别组 2×4 = 8, 镇街政协工委 3×12 = 36, 工商联 3×4 = 12;
    # 城关镇政协工委 set up in April (成立时间 2025-04-01): 3×9 = 27.
    rows = [["单位名称", "单位类型", "成立时间"], *[[u, t, "2025-04-01" if u == "城关镇政协工委" else None] for u, t in UNITS]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": rows})
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": ITEMS})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert not _codes(report, "roster.unit_type_no_column")
    table = _units_json(path, roster)
    assert {u: t["quota"] for u, t in table.items()} == {"民革县委": 12, "经济界别组": 8, "城关镇政协工委": 27, "县工商联": 12}
    assert {u: t["peer_group"] for u, t in table.items()} == dict(UNITS)
    # …and without the column, once more, none: the finding is what tells the two apart.
    bare = write_xlsx(tmp_path / "名册2.xlsx", {"单位": [["单位名称", "成立时间"], *[[u, r[2]] for u, r in zip((u for u, _ in UNITS), rows[1:])]]})
    assert {u: t["quota"] for u, t in _units_json(path, bare).items()} == dict.fromkeys(table, None)
    _, report = assert_every_cell_accounted(path, roster=bare, year=2025)
    assert [(i.sheet, i.row) for i in _codes(report, "roster.unit_type_no_column")] == [("单位", 1)]


def test_a_unit_sheet_among_the_ledgers_without_a_type_column_is_said(tmp_path):
    # A 单位名册 sheet kept in the ledger workbook, 单位名称 alone: said once, at its header row.
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": ITEMS, "单位名册": [["序号", "单位名称"], [1, "民革县委"], [2, "经济界别组"]]})
    ledger, report = assert_every_cell_accounted(path, year=2025)
    said = _codes(report, "roster.unit_type_no_column")
    assert [(i.sheet, i.row) for i in said] == [("单位名册", 1)] and "2 个单位" in said[0].message
    quota = dict(zip(sq.units(ledger, 2025)["unit"], sq.units(ledger, 2025)["quota"]))
    assert pd.isna(quota["民革县委"]) and pd.isna(quota["经济界别组"])


# ---------------------------------------------------------------- several Han names in one 姓名 cell

def test_han_names_pasted_with_spaces_in_one_name_cell_are_several_people(tmp_path):
    # 阙红梅 谯志刚 亓明 typed in one 姓名 cell (staff pasting a list): read as a note under the table
    # (not a name: no one), and 岑雪 敖翔 as one person 岑雪敖翔; the ledger's 谯志刚 and 岑雪 were no one
    # of the roster. An author cell reads a space between two Han names as two people; so does the roster
    # now, each with the row's 身份, 单位 and dates, said as 李四、赵敏 in one cell is (roster.names_split).
    # A name typed with a space inside (阿不都 热合曼, 欧阳 明月, 张 三丰, 张  三) stays one person.
    # Worked by hand: 信息员 from 2025-04-01, 1 a month: 9 each; 委员 2 a year.
    people = [["姓名", "身份", "单位", "聘任日期"],
              ["阙红梅 谯志刚 亓明", "信息员", "民革县委", "2025-04-01"],
              ["岑雪 敖翔", "信息员", "经济界别组", "2025-04-01"],
              ["阿不都 热合曼", "委员", "民革县委", None], ["欧阳 明月", "委员", "民革县委", None],
              ["张 三丰", "委员", "民革县委", None], ["张  三", "委员", "民革县委", None]]
    items = [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-05-05", "关于甲的建议", "谯志刚"],
             [2, "2025-06-05", "关于乙的建议", "岑雪 敖翔"], [3, "2025-07-05", "关于丙的建议", "亓明、阙红梅"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": people})
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": items})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    table = ledger.roster.people.set_index("name")
    assert list(table.index) == ["阙红梅", "谯志刚", "亓明", "岑雪", "敖翔", "阿不都热合曼", "欧阳明月", "张三丰", "张三"]
    assert {n: (table.loc[n, "role"], table.loc[n, "unit"]) for n in ("阙红梅", "谯志刚", "亓明")} == dict.fromkeys(
        ("阙红梅", "谯志刚", "亓明"), ("信息员", "民革县委"))
    assert table.loc["敖翔", "unit"] == "经济界别组" and str(table.loc["岑雪", "appointed_on"])[:10] == "2025-04-01"
    split = [(i.row, i.column, i.message) for i in _codes(report, "roster.names_split")]
    assert [(r, c) for r, c, _ in split] == [(2, "A"), (3, "A")]
    assert "阙红梅、谯志刚、亓明" in split[0][2] and "岑雪、敖翔" in split[1][2]
    assert not _codes(report, "roster.not_a_name") and not _codes(report, "roster.unknown_person")
    done = sq.people(ledger, 2025).set_index("name")
    assert {n: (done.loc[n, "quota"], done.loc[n, "submitted"]) for n in ("阙红梅", "谯志刚", "亓明", "岑雪", "敖翔")} == {
        "阙红梅": (9, 1), "谯志刚": (9, 1), "亓明": (9, 1), "岑雪": (9, 1), "敖翔": (9, 1)}
    assert done.loc["张三", "quota"] == 2


def test_a_spaced_name_cell_alone_on_its_row_is_people_not_a_note(tmp_path):
    # A row holding only 阙红梅 谯志刚 亓明 (a list pasted under the table, no 身份): three people of the
    # sheet's role (信息员名册 → 信息员), not a note under the table. Worked by hand: three 信息员, 12 each.
    people = [["姓名", "单位"], ["周八", "民革县委"], ["阙红梅 谯志刚 亓明"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": people})
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账": [["序号", "收稿日期", "信息标题", "作者"], [1, "2025-05-05", "关于甲的建议", "周八"]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert list(ledger.roster.people["name"]) == ["周八", "阙红梅", "谯志刚", "亓明"]
    assert not _codes(report, "roster.not_a_name")
    quota = dict(zip(sq.people(ledger, 2025)["name"], sq.people(ledger, 2025)["quota"]))
    assert [quota[n] for n in ("阙红梅", "谯志刚", "亓明")] == [12, 12, 12]
