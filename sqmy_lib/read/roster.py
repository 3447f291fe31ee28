"""名册: people (姓名, 身份, 单位, 界别, 聘任日期) and units (单位名称, 单位类型).

A roster is read from its own workbook or from roster sheets found among the
ledgers; sheets are recognised by their headers like ledger sheets are.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..records import PEOPLE_COLUMNS, UNIT_COLUMNS, Roster
from ..rules import Rules
from .headers import Layout
from .sheet import fill_merged_down
from .values import cell_text, norm, norm_spaces, parse_date
from .workbook import SheetGrid


def _rows(grid: SheetGrid, layout: Layout):
    fill_merged_down(grid.rows, grid.merges, layout.header_bottom + 1)
    for r in range(layout.header_bottom + 1, len(grid.rows)):
        row = grid.rows[r]

        def get(fld: str, row=row):
            c = layout.fields.get(fld)
            return row[c] if c is not None and c < len(row) else ""

        yield r + 1, get


def _role_from_names(sheet: str, file: str, rules: Rules) -> str:
    """A roster without a 身份 column often says who is on it in its sheet or file name (委员名册)."""
    text = f"{sheet} {Path(file).stem}"
    for alias in sorted(rules.role_aliases, key=len, reverse=True):  # 特邀信息员 before 信息员
        if alias in text:
            return rules.role_of(alias) or ""
    return ""


def roster_from_sheets(grids: list[tuple[str, SheetGrid, Layout]], rules: Rules) -> Roster:
    """Build a Roster from (file, grid, layout) triples of kind ``people`` or ``units``.
    Roles are given their canonical name from the rules (特约信息员 → 特邀信息员)."""
    people: list[dict] = []
    units: list[dict] = []
    for file, grid, layout in grids:
        default_role = _role_from_names(grid.name, file, rules) if "role" not in layout.fields else ""
        for row_no, get in _rows(grid, layout):
            where = dict(file=file, sheet=grid.name, row=row_no)
            if layout.kind == "people":
                name = norm(cell_text(get("name")))
                if not name:
                    continue
                appointed = parse_date(get("appointed_on")).date
                role = norm(cell_text(get("role"))) or default_role
                people.append(dict(
                    name=name, role=rules.role_of(role) or role, unit=norm_spaces(cell_text(get("unit"))),
                    sector=norm_spaces(cell_text(get("sector"))), appointed_on=appointed, **where,
                ))
            else:
                unit = norm_spaces(cell_text(get("unit_name")))
                if unit:
                    units.append(dict(unit=unit, unit_type=norm(cell_text(get("unit_type"))), **where))
    p = pd.DataFrame(people, columns=PEOPLE_COLUMNS).drop_duplicates("name")
    p["appointed_on"] = pd.to_datetime(p["appointed_on"])
    u = pd.DataFrame(units, columns=UNIT_COLUMNS).drop_duplicates("unit")
    return Roster(people=p.reset_index(drop=True), units=u.reset_index(drop=True))
