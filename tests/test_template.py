"""The blank templates: layout, dropdowns via the hidden 列表 sheet, date checks, committed copies in sync."""
from __future__ import annotations

import copy
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
    assert [c.value for c in people[2]] == ["姓名", "身份", "单位", "界别", "聘任日期", "备注"]
    assert people.freeze_panes == "B3"
    dvs = validations_by_label(people, 2)
    assert LIST_SHEET in dvs["身份"].formula1
    assert list_values(wb, dvs["身份"].formula1) == rules.roles
    assert dvs["单位"].formula1.startswith(f"{UNITS_SHEET}!")  # drawn from the 单位 sheet
    assert dvs["聘任日期"].type == "date"

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
