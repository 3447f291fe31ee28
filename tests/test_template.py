"""The blank templates: layout, dropdowns via the hidden 列表 sheet, date checks, committed copies in sync."""
from __future__ import annotations

import copy
from datetime import date as dt_date
from pathlib import Path

import openpyxl
import pytest

from sqmy_lib.render.template import (
    ADOPTION_COLUMNS,
    ADOPTION_SHEET,
    HELP_SHEET,
    LEDGER_FILE,
    LEDGER_SHEET,
    LIST_SHEET,
    PEOPLE_SHEET,
    ROSTER_FILE,
    TIER_LABELS,
    UNITS_SHEET,
    write_templates,
)
from sqmy_lib.rules import Rules, load_rules

COMMITTED = Path(__file__).resolve().parents[1] / "workbooks" / "templates"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def generated(tmp_path_factory, rules):
    out = tmp_path_factory.mktemp("templates")
    paths = write_templates(out, rules=rules)
    return {p.name: openpyxl.load_workbook(p) for p in paths}


def validations_by_label(ws, header_row: int) -> dict[str, object]:
    """Map each header label on ``header_row`` to the data validation covering its column."""
    labels = {cell.column_letter: cell.value for cell in ws[header_row] if cell.value}
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            letter = rng.coord.split(":")[0].rstrip("0123456789")
            if letter in labels:
                found[labels[letter]] = dv
    return found


def list_values(wb, formula: str) -> list[str]:
    """The non-blank values of the range a list validation refers to."""
    sheet, rng = formula.lstrip("=").split("!")
    cells = wb[sheet.strip("'")][rng.replace("$", "")]
    if not isinstance(cells, tuple):  # a single cell
        cells = ((cells,),)
    return [row[0].value for row in cells if row[0].value is not None]


def test_returns_both_paths(tmp_path):
    paths = write_templates(tmp_path)
    assert [p.name for p in paths] == [LEDGER_FILE, ROSTER_FILE]
    assert all(p.exists() for p in paths)
    assert not list(tmp_path.glob(".*"))  # no leftover temporary files


def test_ledger_sheets(generated):
    wb = generated[LEDGER_FILE]
    assert wb.sheetnames == [LEDGER_SHEET, ADOPTION_SHEET, HELP_SHEET, LIST_SHEET]
    assert wb[LIST_SHEET].sheet_state == "hidden"
    assert wb.active.title == LEDGER_SHEET
    assert wb[HELP_SHEET].max_row >= 5


def test_combined_ledger_layout(generated):
    ws = generated[LEDGER_FILE][LEDGER_SHEET]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:Q1" in merged and ws["A1"].value == "____年度社情民意信息报送采用登记表"
    assert ws["A2"].value.startswith("填报单位") and "填表日期" in ws["A2"].value
    # Two-level header: group over the four tier columns, others merged vertically.
    assert "I3:L3" in merged and ws["I3"].value == "采用情况"
    assert [ws.cell(4, c).value for c in range(9, 13)] == list(TIER_LABELS)
    assert TIER_LABELS == ("县政协编发", "市政协", "省政协", "全国政协")
    assert "M3:P3" in merged and ws["M3"].value == "领导批示"
    assert {"A3:A4", "D3:D4", "H3:H4", "Q3:Q4"} <= merged
    assert ws["D3"].value == "信息标题"
    # Frozen below the header and right of 信息标题 (column D).
    assert ws.freeze_panes == "E5"
    assert ws.column_dimensions["D"].width >= 40
    assert ws.column_dimensions["C"].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions["B"].number_format == "@"  # 编号 2026-001 stays text


def test_combined_ledger_validations(generated, rules):
    wb = generated[LEDGER_FILE]
    dvs = validations_by_label(wb[LEDGER_SHEET], 3) | validations_by_label(wb[LEDGER_SHEET], 4)
    for label in ["类别", "身份", "单位", *TIER_LABELS]:
        dv = dvs[label]
        assert dv.type == "list", label
        assert LIST_SHEET in dv.formula1, label
        (rng,) = dv.sqref.ranges
        assert (rng.min_row, rng.max_row) == (5, 1004), label  # the 1000 data rows below the header
    assert list_values(wb, dvs["类别"].formula1) == rules.categories
    assert list_values(wb, dvs["身份"].formula1) == rules.roles
    assert list_values(wb, dvs["单位"].formula1) == []  # staff fill it in
    assert dvs["单位"].errorStyle == "warning"
    for label in TIER_LABELS:
        assert list_values(wb, dvs[label].formula1) == ["√"]
        assert dvs[label].errorStyle == "information"  # 第12期 or a date is still accepted
        assert dvs[label].prompt
    assert "、" in dvs["作者"].prompt
    for label in ["收稿日期", "批示日期"]:
        dv = dvs[label]
        assert dv.type == "date" and dv.operator in (None, "between")  # between is the default, often omitted
        assert (dv.formula1, dv.formula2) == ("36526", "73050")  # 2000-01-01 .. 2099-12-31
        assert dv.error


def test_adoption_ledger(generated):
    ws = generated[LEDGER_FILE][ADOPTION_SHEET]
    assert "A1:J1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == [c.label for c in ADOPTION_COLUMNS]
    assert ws.freeze_panes == "C3"
    dvs = validations_by_label(ws, 2)
    assert dvs["采用日期"].type == "date" and dvs["批示日期"].type == "date"
    assert ws.column_dimensions["E"].number_format == "yyyy-mm-dd"


def test_roster(generated, rules):
    wb = generated[ROSTER_FILE]
    assert wb.sheetnames == [PEOPLE_SHEET, UNITS_SHEET, LIST_SHEET]
    assert wb[LIST_SHEET].sheet_state == "hidden"

    people = wb[PEOPLE_SHEET]
    assert [c.value for c in people[2]] == ["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注"]
    assert people.freeze_panes == "B3"
    dvs = validations_by_label(people, 2)
    assert LIST_SHEET in dvs["身份"].formula1
    assert list_values(wb, dvs["身份"].formula1) == rules.roles
    assert dvs["单位"].formula1.startswith(f"{UNITS_SHEET}!")  # drawn from the 单位 sheet
    assert dvs["聘任日期"].type == "date" and dvs["解聘日期"].type == "date"

    units = wb[UNITS_SHEET]
    assert [c.value for c in units[2]] == ["单位名称", "单位类型", "备注"]
    dv = validations_by_label(units, 2)["单位类型"]
    assert LIST_SHEET in dv.formula1
    assert list_values(wb, dv.formula1) == rules.unit_types


def test_long_unit_list_goes_via_hidden_sheet(tmp_path):
    names = [f"第{i:02d}镇街道政协工作委员会" for i in range(60)]
    assert len(",".join(names)) > 255  # too long for an inline Excel list
    ledger_path, roster_path = write_templates(tmp_path, units=names + ["", names[0]])

    wb = openpyxl.load_workbook(ledger_path)
    dv = validations_by_label(wb[LEDGER_SHEET], 3)["单位"]
    assert dv.formula1.startswith(f"{LIST_SHEET}!")
    assert list_values(wb, dv.formula1) == names  # blanks and duplicates dropped

    roster = openpyxl.load_workbook(roster_path)
    assert [roster[UNITS_SHEET].cell(r, 1).value for r in range(3, 63)] == names


def test_rules_drive_dropdowns(tmp_path, rules):
    data = copy.deepcopy(rules.data)
    data["categories"] = {"乡村振兴": [], "营商环境": ["营商"]}
    custom = Rules(data=data)
    ledger_path, _ = write_templates(tmp_path, rules=custom)
    wb = openpyxl.load_workbook(ledger_path)
    dv = validations_by_label(wb[LEDGER_SHEET], 3)["类别"]
    assert list_values(wb, dv.formula1) == ["乡村振兴", "营商环境"]


def test_output_is_deterministic(tmp_path):
    first = write_templates(tmp_path / "a")
    second = write_templates(tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def _snapshot(wb) -> dict:
    """Everything staff see in a workbook: cells, merges, panes, states and validations."""
    snap = {}
    for ws in wb.worksheets:
        snap[ws.title] = {
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "cells": [[c.value for c in row] for row in ws.iter_rows()],
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1, dv.formula2, dv.errorStyle, dv.prompt, dv.error)
                for dv in ws.data_validations.dataValidation
            ),
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        }
    return snap


@pytest.mark.parametrize("name", [LEDGER_FILE, ROSTER_FILE])
def test_committed_copy_in_sync(tmp_path, name):
    # A fresh generation, not the shared fixture: reading ranges through openpyxl creates cells.
    fresh = {p.name: p for p in write_templates(tmp_path)}[name]
    committed = COMMITTED / name
    assert committed.exists(), f"regenerate with: python -m sqmy_lib.render.template {COMMITTED}"
    assert _snapshot(openpyxl.load_workbook(committed)) == _snapshot(openpyxl.load_workbook(fresh)), (
        f"{committed} is stale; regenerate with: python -m sqmy_lib.render.template workbooks/templates"
    )


def _staff_roster(path: Path) -> Path:
    """A roster as an office keeps it: a 委员 sheet without a 身份 column (the sheet name says it), a
    信息员 sheet with 联系电话 and 职务 the template has no column for, dates as text, an end date,
    notes, and a unit sheet with unit types and a 联系人."""
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "委员名册"
    ws.append(["东山县政协委员名册"])
    ws.append(["姓名", "所在单位", "界别", "联系电话", "备注"])
    ws.append(["张三", "民盟县委", "民盟", "13800000001", "主委"])
    ws.append(["李四", "城关镇政协工委", "经济界", "13800000002", None])
    ws = wb.create_sheet("信息员名册")
    ws.append(["姓名", "身份", "单位", "聘任日期", "离任日期", "职务", "联系电话"])
    ws.append(["王五", "特约信息员", "河口镇政协工委", dt.datetime(2024, 3, 1), None, "站长", "13900000001"])
    ws.append(["赵六", "信息员", "民盟县委", "2025.2.10", "2026年6月30日", None, None])
    ws.append(["孙七", "信息员", "城关镇政协工委", "去年春天", None, "=干部", None])
    ws["F4"].data_type = "s"  # typed by staff: text, never a formula
    ws = wb.create_sheet("单位")
    ws.append(["单位名称", "单位类型", "联系人"])
    ws.append(["民盟县委", "民主党派", "钱八"])
    ws.append(["城关镇政协工委", "镇街政协工委", None])
    ws.append(["河口镇政协工委", "镇街政协工委", "周九"])
    wb.save(path)
    return path


def test_roster_template_keeps_every_column_of_the_roster(tmp_path, rules):
    """sqmy template --roster: the roster template holds the given roster whole (unit types, dates,
    notes and the columns the template does not have), and reads back as the same roster."""
    import sqmy_lib as sq
    from conftest import sqmy

    given = _staff_roster(tmp_path / "名册.xlsx")
    result = sqmy("template", "--out", tmp_path / "模板", "--roster", given)
    assert result.returncode == 0, result.stderr
    assert "联系电话、职务、联系人" in result.stdout
    wb = openpyxl.load_workbook(tmp_path / "模板" / ROSTER_FILE)
    people = [dict(zip([c.value for c in wb[PEOPLE_SHEET][2]], [c.value for c in row]))
              for row in wb[PEOPLE_SHEET].iter_rows(min_row=3) if row[0].value]
    assert [c.value for c in wb[PEOPLE_SHEET][2]] == ["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注",
                                                      "联系电话", "职务"]
    assert [p["姓名"] for p in people] == ["张三", "李四", "王五", "赵六", "孙七"]
    assert people[0] == {"姓名": "张三", "身份": "委员", "单位": "民盟县委", "界别": "民盟", "聘任日期": None,
                         "解聘日期": None, "备注": "主委", "联系电话": "13800000001", "职务": None}
    assert people[2]["身份"] == "特约信息员" and people[2]["职务"] == "站长" and people[2]["联系电话"] == "13900000001"
    assert people[3]["聘任日期"].date() == dt_date(2025, 2, 10) and people[3]["解聘日期"].date() == dt_date(2026, 6, 30)
    assert people[4]["聘任日期"] == "去年春天"  # not understood: kept as written, never dropped
    cell = next(r for r in wb[PEOPLE_SHEET].iter_rows(min_row=3) if r[0].value == "孙七")[8]
    assert cell.value == "=干部" and cell.data_type == "s"
    units = [[c.value for c in row] for row in wb[UNITS_SHEET].iter_rows(min_row=2) if row[0].value]
    assert units == [["单位名称", "单位类型", "备注", "联系人"], ["民盟县委", "民主党派", None, "钱八"],
                     ["城关镇政协工委", "镇街政协工委", None, None], ["河口镇政协工委", "镇街政协工委", None, "周九"]]

    # The reader reads the template as the roster it came from (names, roles, units, types, dates).
    before = sq.read_ledgers([], roster=given).roster
    after = sq.read_ledgers([], roster=tmp_path / "模板" / ROSTER_FILE).roster
    cols = ["name", "role", "unit", "sector", "appointed_on", "ended_on"]
    assert after.people[cols].reset_index(drop=True).equals(before.people[cols].reset_index(drop=True))
    assert after.units[["unit", "unit_type"]].reset_index(drop=True).equals(before.units[["unit", "unit_type"]].reset_index(drop=True))
    # and the ledger template offers the roster's units
    ledger = openpyxl.load_workbook(tmp_path / "模板" / LEDGER_FILE)
    dv = validations_by_label(ledger[LEDGER_SHEET], 3)["单位"]
    assert list_values(ledger, dv.formula1) == ["民盟县委", "城关镇政协工委", "河口镇政协工委"]


def test_roster_template_of_a_file_that_is_no_roster(tmp_path):
    from conftest import sqmy

    missing = sqmy("template", "--out", tmp_path / "a", "--roster", tmp_path / "无.xlsx")
    assert missing.returncode == 2 and "名册无法读取" in missing.stderr
    wb = openpyxl.Workbook()
    wb.active.append(["随便", "什么"])
    wb.save(tmp_path / "不是名册.xlsx")
    other = sqmy("template", "--out", tmp_path / "b", "--roster", tmp_path / "不是名册.xlsx")
    assert other.returncode == 2 and "名册中未找到" in other.stderr and not (tmp_path / "b").exists()
