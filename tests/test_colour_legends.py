"""Colour legends: a table that marks items by colour (黄色为市政协采用) is said, never passed over.

The tool reads no colours: a row filled yellow with an empty 采用情况 is no adoption. A legend
saying what a colour means, wherever it is written (a 注 line under the table, a 说明 above the
header, a bracket in a header label, a swatch cell beside its meaning), is named at its cell
(``sheet.colour_legend``) and never read as an item or a unit's heading; the figures stay what
the written cells say. Workbooks are written by hand here, answers worked out by hand, and every
workbook is checked for the reader's invariant (each non-empty cell read or named).
"""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

YELLOW = PatternFill("solid", fgColor="FFFF00")
PINK = PatternFill("solid", fgColor="FF9999")
HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "备注"]
ZHANG = [1, dt.date(2025, 3, 5), "关于农村电网改造的建议", "张伟", "民革县委", "县政协编发第1期", None, None]
WANG = [2, dt.date(2025, 4, 2), "关于老旧小区加装电梯的建议", "王强", "县工商联", None, None, None]
LEGEND_BELOW = "注：黄色底纹为被市政协采用的信息（采用情况栏未另填的以底纹为准）。"


def _styled(path, fills=(), fonts=()):
    """The workbook at ``path`` with cells filled (``fills``: (A1 ref, fill)) or coloured (``fonts``)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for ref, fill in fills:
        ws[ref].fill = fill
    for ref, font in fonts:
        ws[ref].font = font
    wb.save(path)
    return path


def _row(r: int, width: int = 8) -> list[str]:
    return [f"{chr(65 + c)}{r}" for c in range(width)]


def _legends(report):
    return [(i.severity, i.row, i.column, i.message) for i in report.issues if i.code == "sheet.colour_legend"]


def _paid_fen(ledger) -> dict[str, int]:
    r = sq.rewards(ledger, 2025)
    return dict(zip(r["name"], r["amount_fen"]))


def _figures(ledger) -> tuple:
    """(items, [(item, tier)] of the adoptions, 批示 count)."""
    ad = ledger.adoptions
    return len(ledger.submissions), sorted(zip(ad["item"], ad["tier"].astype(str))), len(ledger.instructions)


@pytest.mark.parametrize("where, cell", [("below", (7, "A")), ("above", (2, "A")), ("header", (3, "F"))])
def test_a_colour_legend_is_said_at_its_cell_and_the_figures_stay_as_written(tmp_path, where, cell):
    """The three places a clerk writes a legend (A7 under the table, A2 above the header, F3 in it);
    王强's row 5 is filled yellow, its 采用情况 empty. Read as written: 2 items, one adoption (张伟's 县政协编发第1期, 县级: 30 元 =
    3000 fen), 王强 unpaid; the legend said at its cell, with the row that carries a fill."""
    header = list(HEADER)
    if where == "header":
        header[5] = "采用情况（黄色为市政协采用）"
    rows = [["青河县政协2025年社情民意信息登记表"]]
    rows += [["说明：黄色底纹的信息已被市政协采用"]] if where == "above" else [["填报单位：县政协办公室"]]
    rows += [header, ZHANG, WANG]
    if where == "below":
        rows += [[], [LEGEND_BELOW]]
    path = _styled(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), fills=[(ref, YELLOW) for ref in _row(5)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _figures(ledger) == (2, [(0, "县级")], 0)
    assert _paid_fen(ledger) == {"张伟": 3000}
    legends = _legends(report)
    assert [(s, r, c) for s, r, c, _ in legends] == [("warning", *cell)]
    message = legends[0][3]
    quoted = {"below": LEGEND_BELOW[:60], "above": "说明：黄色底纹的信息已被市政协采用", "header": "采用情况（黄色为市政协采用）"}[where]
    assert f"“{quoted}”" in message and "不读取颜色" in message and "第5行(共 1 行信息)带底色" in message
    assert "采用情况" in message  # where to write it instead
    assert not [i for i in report.issues if i.code == "row.unit_heading"]
    assert [i.code for i in report.issues if i.severity == "error"] == []


def test_a_red_font_legend_is_said_and_the_red_row_still_counted(tmp_path):
    """注：红色字为已撤稿 under the table, 王强's row in red font: the tool reads no font colour, so the row
    stays an item (2 items); the legend is said at A5 (no row carries a fill: no rows named)."""
    rows = [HEADER, ZHANG, WANG, [], ["注：红色字为已撤稿"]]
    path = _styled(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}),
                   fonts=[(ref, Font(color="FF0000")) for ref in _row(3)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _figures(ledger) == (2, [(0, "县级")], 0)
    assert _paid_fen(ledger) == {"张伟": 3000}
    legends = _legends(report)
    assert [(s, r, c) for s, r, c, _ in legends] == [("warning", 5, "A")]
    assert "“注：红色字为已撤稿”" in legends[0][3] and "带底色" not in legends[0][3]


def test_a_swatch_legend_block_is_no_unit_heading_nor_item(tmp_path):
    """A yellow swatch (A5, empty) beside 市政协采用, a pink one (A6) beside 领导批示, a line 黄色为市政协采用
    (A8): a legend, said at B5, B6 and A8; not a unit heading (市政协采用 took 李娜's item) and not an item
    (领导批示 under 收稿日期: 3 errors). Row 3 (李娜) is filled yellow, nothing pink: B5 names row 3, B6 no
    row, A8 (a legend in words: any fill) row 3. Figures as written: 2 items, 张伟's 县级 adoption, 30 元."""
    rows = [HEADER, ZHANG, [2, dt.date(2025, 4, 2), "关于规范网约车管理的建议", "李娜", "民盟县委", None, None, None],
            [], [None, "市政协采用"], [None, "领导批示"], [], ["黄色为市政协采用"]]
    path = _styled(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}),
                   fills=[*((ref, YELLOW) for ref in _row(3)), ("A5", YELLOW), ("A6", PINK)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert _figures(ledger) == (2, [(0, "县级")], 0)
    assert ledger.submissions["unit"].tolist() == ["民革县委", "民盟县委"]
    assert _paid_fen(ledger) == {"张伟": 3000}
    legends = _legends(report)
    assert [(s, r, c) for s, r, c, _ in legends] == [("warning", 5, "B"), ("warning", 6, "B"), ("warning", 8, "A")]
    assert "“市政协采用(旁边单元格的底色)”" in legends[0][3] and "第3行(共 1 行信息)带此底色" in legends[0][3]
    assert "“领导批示(旁边单元格的底色)”" in legends[1][3] and "带此底色" not in legends[1][3]
    assert "“黄色为市政协采用”" in legends[2][3] and "第3行(共 1 行信息)带底色" in legends[2][3]
    assert not [i for i in report.issues if i.code == "row.unit_heading"]
    assert [i for i in report.issues if i.severity == "error"] == []
    assert sorted(zip(ledger.skipped["row"], ledger.skipped["reason"])) == [(5, "legend"), (6, "legend"), (8, "legend")]


def test_a_title_with_a_colour_is_no_legend(tmp_path):
    """关于红色旅游资源保护的建议, 关于发展绿色农业的建议 are items, and so is 停车难问题 (a short title, no 单位:
    three cells) though its author 赵六 stands beside an empty cell filled yellow (E5: how some offices mark the
    row, not a swatch: its date and title stand beside none); only 注：标红表示领导批示 (A7) is a legend,
    naming rows 3 and 5, the two that carry a fill."""
    rows = [HEADER,
            [1, dt.date(2025, 3, 5), "关于红色旅游资源保护的建议", "张伟", "民革县委", "县政协编发第1期", None, None],
            [2, dt.date(2025, 4, 2), "关于发展绿色农业的建议", "王强", "县工商联", None, None, "绿色是发展底色"],
            [3, dt.date(2025, 4, 9), "关于红色文化进校园的建议", "李娜", "民盟县委"],
            [None, dt.date(2025, 5, 6), "停车难问题", "赵六"], [], ["注：标红表示领导批示"]]
    path = _styled(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}),
                   fills=[*((ref, YELLOW) for ref in _row(3)), ("E5", YELLOW)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert ledger.submissions["title"].tolist() == ["关于红色旅游资源保护的建议", "关于发展绿色农业的建议",
                                                    "关于红色文化进校园的建议", "停车难问题"]
    legends = _legends(report)
    assert [(r, c) for _, r, c, _ in legends] == [(7, "A")]
    assert "第3、5行(共 2 行信息)带底色" in legends[0][3]


@pytest.mark.parametrize("text, legend", [
    ("注：黄色底纹为被市政协采用的信息（采用情况栏未另填的以底纹为准）", True),
    ("说明：黄色底纹的信息已被市政协采用", True),
    ("采用情况（黄色为市政协采用）", True),
    ("注：红色字为已撤稿", True),
    ("标红表示领导批示", True),
    ("黄色：市政协采用", True),
    ("注：1.本表中黄色为市采用；2.红色为批示", True),
    ("关于红色旅游资源保护的建议", False),
    ("关于发展绿色农业的建议", False),
    ("绿色农业", False),
    ("关于推广绿色是发展底色的建议", False),
    ("市政协采用", False),
    ("是否标红", False),
])
def test_colour_legend_words(text, legend):
    """A legend: a colour word opening a clause, then (past 底纹, 的, 信息…) a word of its meaning (rules colour_legend)."""
    from sqmy_lib.read.marks import Vocabulary

    rules = sq.load_rules(year=2025)
    assert Vocabulary(rules.data, rules.place).colour_legend(text) is legend
