"""The quarterly circular as an .xlsx: sheets, figures, two-level headers, charts the right way round,
numbers rounded as every other output rounds them, text safety, atomic writing."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
import xlsxwriter

import sqmy_lib as sq
from sqmy_lib import zh
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render import spec as specs
from sqmy_lib.render.circular_text import units_table_spec
from sqmy_lib.render.circular_xlsx import SHEETS, write_circular_xlsx

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"


@pytest.fixture(scope="module")
def circ():
    return build_circular(sq.read_ledgers(DEMO), 2025, 3)


@pytest.fixture(scope="module")
def book(circ, tmp_path_factory):
    path = write_circular_xlsx(circ, tmp_path_factory.mktemp("circular") / "通报.xlsx")
    return path, openpyxl.load_workbook(path)


def _labelled(ws) -> dict:
    """Column A label -> the row's values in columns B.., for the 概况 figures table."""
    return {row[0]: row[1:] for row in ws.iter_rows(values_only=True) if isinstance(row[0], str)}


def test_sheets_in_order(book):
    _, wb = book
    assert wb.sheetnames == ["概况", "各单位情况", "个人完成情况", "采用明细", "批示件跟踪", "未完成任务名单", "零报送单位"]
    assert wb.sheetnames == SHEETS


def test_overview_paragraph_and_figures(book, circ):
    _, wb = book
    ws = wb["概况"]
    assert ws["A1"].value == circ.title
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert circ.statistics_text in texts
    assert any(zh.punctuate(circ.left_out) in t for t in texts)
    rows = _labelled(ws)
    assert rows["项目"][:3] == ("本季度", "年度累计", "上年同期")
    s, ytd = circ.summary, circ.summary_ytd
    for label, now, year in [("报送信息（条）", s.submitted, ytd.submitted), ("本级编发（条）", s.published, ytd.published),
                             ("编发期数（期）", s.issues, ytd.issues), ("被采用信息（条）", s.adopted, ytd.adopted),
                             ("领导批示（件）", s.instructions, ytd.instructions)]:
        assert rows[label][:2] == (now, year), label
    assert rows["报送信息（条）"][2] == s.previous["submitted"]
    for tier, n in s.adopted_by_tier.items():
        assert rows[f"{tier}采用（条）"][:2] == (n, ytd.adopted_by_tier[tier])
    # The rate is stored as the rounded ratio the other outputs print (round half up at 0.1%).
    assert rows["采用率"][0] == zh.percent_value(s.adoption_rate)
    rate_cell = next(c for row in ws.iter_rows() for c in row if c.value == "采用率").offset(column=1)
    assert rate_cell.number_format == "0.0%"


def _value(v):
    """A DataFrame value as openpyxl reads it back."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    return v.item() if hasattr(v, "item") else v


def test_units_two_level_header_and_values(book, circ):
    _, wb = book
    ws = wb["各单位情况"]
    spec = units_table_spec(circ).present(circ.units_by_period())
    table = circ.units_by_period()[spec.keys]
    cols = spec.keys
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:A2", "B1:B2"} <= merged
    for group in ("本季度", "年度累计"):
        idx = [j + 1 for j, c in enumerate(spec) if c.group == group]
        rng = f"{openpyxl.utils.get_column_letter(idx[0])}1:{openpyxl.utils.get_column_letter(idx[-1])}1"
        assert rng in merged
        assert ws.cell(1, idx[0]).value == group
        assert [ws.cell(2, j).value for j in idx] == [c.label for c in spec if c.group == group]
    assert ws["A1"].value == "单位" and ws["B1"].value == "类别"

    got = list(ws.iter_rows(min_row=3, max_row=2 + len(table), max_col=len(cols), values_only=True))
    for got_row, (_, want) in zip(got, table.iterrows()):
        for g, w, c in zip(got_row, want, spec):
            w = _value(w)
            if c.kind == "pct" and w is not None:
                assert f"{g * 100:.1f}%" == specs.text(w, "pct")  # the cell holds what the documents print
            elif isinstance(w, float):
                assert g == pytest.approx(w)
            else:
                assert g == w
    completion = cols.index(("年度累计", "completion")) + 1
    assert ws.cell(3, completion).number_format == "0.0%"
    assert ws.freeze_panes == "B3"
    assert ws.auto_filter.ref


def test_freeze_panes_everywhere(book):
    _, wb = book
    for ws in wb:
        assert ws.freeze_panes, ws.title


def test_formats_of_people_and_details(book, circ):
    _, wb = book
    ws = wb["个人完成情况"]
    # Two header rows (the figures under 年度累计, as 各单位情况 heads them): a label on either.
    header = [sub or top for top, sub in zip((c.value for c in ws[1]), (c.value for c in ws[2]))]
    assert header[:4] == ["姓名", "身份", "单位", "聘任日期"]
    first = circ.people_ytd.iloc[0]
    row = {h: c for h, c in zip(header, ws[3])}
    assert row["稿酬（元）"].value == pytest.approx(float(first["reward"]))
    # A number (a whole 100% reads back from the file as the integer 1), never text.
    assert isinstance(row["完成率"].value, (int, float)) and isinstance(row["报送"].value, int)
    assert row["完成率"].value == pytest.approx(float(first["completion"]), abs=0.0005)
    assert row["稿酬（元）"].number_format == "#,##0.00"
    assert row["完成率"].number_format == "0.0%"
    assert row["聘任日期"].number_format == "yyyy-mm-dd"
    # people with no appointment date get a blank cell, not an error
    blanks = circ.people_ytd["appointed_on"].isna()
    if blanks.any():
        assert ws.cell(3 + int(blanks.to_numpy().argmax()), 4).value is None

    ws = wb["采用明细"]
    assert [c.value for c in ws[1]] == ["编号", "信息标题", "作者", "报送单位", "采用层级", "采用单位/刊物", "期号", "采用日期"]
    assert ws.max_row == 1 + len(circ.adoptions)
    # 期号 as whole numbers (56, not the text "56.0"), a blank where the adoption has none
    issues = [c.value for c in ws["G"][1:]]
    expected = [None if pd.isna(v) else int(v) for v in circ.adoptions["issue_no"]]
    assert issues == expected and any(v is not None for v in issues)
    assert all(type(v) is int for v in issues if v is not None)

    ws = wb["批示件跟踪"]
    assert [c.value for c in ws[1]][6] == "批示日期"
    assert ws.conditional_formatting, "overdue / 未反馈 rows are highlighted"


def test_charts_exist(book):
    path, wb = book
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) >= 3
    assert len(wb["概况"]._charts) >= 2
    assert len(wb["各单位情况"]._charts) >= 1


def _axes(xml: str) -> dict[str, str]:
    """Axis kind (catAx, valAx) -> its orientation (minMax, or maxMin when reversed)."""
    return {kind: re.search(r'orientation val="(\w+)"', body).group(1)
            for kind, body in re.findall(r"<c:(catAx|valAx)>(.*?)</c:\1>", xml, re.S)}


def test_charts_drawn_the_right_way_round(book):
    """The points bar chart lists the first unit on top (categories reversed) and its values grow
    left to right (value axis not mirrored); column charts are not reversed at all."""
    path, _ = book
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)]
    bars = [c for c in charts if 'barDir val="bar"' in c]
    assert len(bars) == 1
    assert _axes(bars[0]) == {"catAx": "maxMin", "valAx": "minMax"}
    assert '<c:crosses val="max"/>' in bars[0]  # the value axis sits under the last (bottom) unit
    for column in (c for c in charts if 'barDir val="col"' in c):
        assert _axes(column) == {"catAx": "minMax", "valAx": "minMax"}


def test_no_ascii_punctuation_in_the_workbooks_own_text(book, circ):
    """Titles, paragraphs, captions, notes and headers follow GB/T 15834 (full-width punctuation)."""
    _, wb = book
    own = [c.value for row in wb["概况"].iter_rows(max_col=1) for c in row if isinstance(c.value, str)]
    own += [c.value for ws in wb for c in ws[1] if isinstance(c.value, str) and ws.title != "未完成任务名单"]
    own += [c.value for c in wb["各单位情况"][2] if isinstance(c.value, str)]  # its second header row
    own += [c.value for c in wb["批示件跟踪"]["A"] if isinstance(c.value, str) and c.value.startswith("注")]
    assert own and [t for t in own if re.search(r"[\u4e00-\u9fff]", t) and re.search(r"[,;:()](?!\d)", t)
                    and True] == []


def test_behind_and_zero_lists(book, circ):
    _, wb = book
    ws = wb["未完成任务名单"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert set(circ.behind_units["unit"]) <= set(values)
    assert set(circ.behind_people["name"]) <= set(values)
    ws = wb["零报送单位"]
    assert [ws.cell(r, 1).value for r in range(2, 2 + len(circ.zero_units))] == list(circ.zero_units["unit"])


def test_empty_table_says_none(circ, tmp_path):
    empty = build_circular(sq.read_ledgers(DEMO), 2025, 3)
    empty.adoptions = empty.adoptions.iloc[0:0]
    empty.zero_units = empty.zero_units.iloc[0:0]
    wb = openpyxl.load_workbook(write_circular_xlsx(empty, tmp_path / "empty.xlsx"))
    assert wb["采用明细"]["A2"].value == "无"
    assert wb["零报送单位"]["A2"].value == "无"


def test_formula_like_title_stays_text(circ, tmp_path):
    tricky = build_circular(sq.read_ledgers(DEMO), 2025, 3)
    tricky.adoptions = tricky.adoptions.copy()
    tricky.adoptions.loc[0, "title"] = "=1+1"
    path = write_circular_xlsx(tricky, tmp_path / "tricky.xlsx")
    cell = openpyxl.load_workbook(path)["采用明细"]["B2"]
    assert cell.value == "=1+1"
    assert cell.data_type == "s"
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in s for s in sheets)


def test_writing_is_atomic(circ, tmp_path, monkeypatch):
    target = tmp_path / "通报.xlsx"

    def broken_close(self):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(xlsxwriter.Workbook, "close", broken_close)
        with pytest.raises(OSError):
            write_circular_xlsx(circ, target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []

    write_circular_xlsx(circ, target)
    good = target.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(xlsxwriter.Workbook, "close", broken_close)
        with pytest.raises(OSError):
            write_circular_xlsx(circ, target)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_overview_labels_stay_on_their_rows_without_a_roster(tmp_path):
    # No roster: the three 委员参与 rows are not written and the rows below move up; the indented 其中
    # labels were written where they would have been, 3 rows low ("报送省级（条）" over 上级采用率, 0.778).
    ledger = sq.read_ledgers(DEMO / "2025年社情民意信息报送采用登记表.xlsx", year=2025)
    circ = build_circular(ledger, 2025, 3)
    assert not circ.summary.participation
    ws = openpyxl.load_workbook(write_circular_xlsx(circ, tmp_path / "通报.xlsx"))["概况"]
    rows = _labelled(ws)
    s = circ.summary
    assert rows["报送信息（条）"][0] == s.submitted and rows["被采用信息（条）"][0] == s.adopted
    labels = [row[0] for row in ws.iter_rows(values_only=True) if isinstance(row[0], str)]
    assert len(labels) == len(set(labels))  # no label written twice, none over another row's
    if "上级采用率" in rows:
        assert rows["上级采用率"][0] == pytest.approx(s.upper_adoption_rate, abs=0.0005)


@pytest.fixture(scope="module")
def small_office(tmp_path_factory):
    """A county office's first quarter of 2025 whose ledger writes no 上报 and no 期号 (县政协编发 by
    date only), with a roster: 甲镇政协工委 (3 a month, 1 at 市级 or above a month), 民盟县委 (3 a
    quarter); 张三 信息员, 李四 委员, 王五 委员 with a 聘任日期 that cannot be read."""
    from sqmy_lib.render.circular_docx import write_circular_docx

    from conftest import write_xlsx

    tmp = tmp_path_factory.mktemp("small_office")
    roster = write_xlsx(tmp / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "聘任日期"], ["张三", "信息员", "甲镇政协工委", None],
                 ["李四", "委员", "民盟县委", None], ["王五", "委员", "民盟县委", "2025年13月"]],
        "单位": [["单位名称", "单位类型"], ["甲镇政协工委", "镇街政协工委"], ["民盟县委", "民主党派"]]})
    rows = [["2025年度社情民意信息台账"], ["序号", "收稿日期", "信息标题", "作者", "所在单位", "县政协编发", "市政协"],
            [1, "2025-01-10", "关于甲的建议", "张三", "甲镇政协工委", "2025.1.20", None],
            [2, "2025-02-10", "关于乙的建议", "张三", "甲镇政协工委", None, "2025.2.25"],
            [3, "2025-03-05", "关于丙的建议", "李四", "民盟县委", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    circ = build_circular(ledger, 2025, 1)
    book = openpyxl.load_workbook(write_circular_xlsx(circ, tmp / "通报.xlsx"))
    return ledger, circ, book, docx.Document(str(write_circular_docx(circ, tmp / "通报.docx")))


def test_to_excel_heads_its_tables_in_chinese_as_the_circular_workbook_does(small_office, tmp_path):
    ledger, circ, book, _ = small_office
    mine = openpyxl.load_workbook(circ.to_excel(tmp_path / "分析.xlsx"))
    units = list(mine["各单位"].iter_rows(values_only=True))
    # The first quarter is its own year to date: one group, 年度累计, over each figure (本季度·报送 in
    # a later quarter), as the circular's workbook heads its two header rows.
    head = ["单位", "类别", "年度累计·报送", "年度累计·采用", "年度累计·批示", "年度累计·积分", "年度累计·排名",
            "年度累计·任务", "年度累计·完成率", "年度累计·采用任务", "年度累计·采用完成率"]
    assert list(units[0]) == head
    # There: 单位 and 类别 over both rows, 年度累计 merged over the figures in the first, each label in the second.
    groups, labels = list(book["各单位情况"].iter_rows(min_row=1, max_row=2, values_only=True))
    there, group = [], ""
    for g, x in zip(groups, labels):
        group = g or group
        there.append(g if x is None else f"{group}·{x}")
    assert there[:len(head)] == head
    # By hand: 甲镇 2 items (1 point each) + 县级 3 + 市级 10 = 15, a quota of 3 a month for three months;
    # 民盟县委 1 item, 1 point, 3 a quarter.
    by_unit = {row[0]: dict(zip(head, row)) for row in units[1:]}
    assert [by_unit["甲镇政协工委"][k] for k in ("年度累计·报送", "年度累计·积分", "年度累计·任务")] == [2, 15, 9]
    assert [by_unit["民盟县委"][k] for k in ("年度累计·报送", "年度累计·积分", "年度累计·任务")] == [1, 1, 3]
    people = next(mine["个人"].iter_rows(values_only=True))
    assert people[:3] == ("姓名", "身份", "单位") and "任务" in people and "稿酬（元）" in people
    for ws in mine:  # no English header left (name, peer_group, 本季度 submitted…)
        assert not [h for h in next(ws.iter_rows(values_only=True)) if h and any("a" <= ch <= "z" for ch in str(h))], ws.title


def test_no_forwarding_recorded_no_forwarding_figures(small_office):
    """统计口径: 台账未记录任何上报时，不统计上报. The ledger records none, so no 上报 column or row
    anywhere (they showed 上报 0, 上报被采用 0 and 上报上级信息 0 although 关于乙的建议 went to the
    市政协); the library's tables leave the columns out too."""
    ledger, circ, book, document = small_office
    headers = [c.value for ws in (book["各单位情况"], book["个人完成情况"]) for row in ws.iter_rows(max_row=2)
               for c in row if isinstance(c.value, str)]
    headers += [c.text for table in document.tables for row in table.rows[:2] for c in row.cells]
    assert "报送" in headers and not [h for h in headers if "上报" in h]
    labels = [r[0] for r in book["概况"].iter_rows(values_only=True) if isinstance(r[0], str)]
    assert "报送信息（条）" in labels and not [x for x in labels if "上报" in x or x.startswith("报送市级")]
    assert "上级采用率" not in labels
    for table in (sq.units(ledger, 2025), sq.people(ledger, 2025), circ.units_by_period()):
        assert not [c for c in table.columns if "forwarded" in str(c)]
    s = sq.summary(ledger, 2025)
    assert s.forwarded == {} and s.forwarded_adopted is None and s.upper_adoption_rate is None


def test_no_issue_number_recorded_no_issue_row(small_office, tmp_path):
    """编发期数: the ledger writes 县政协编发 by date only, no 期号: no row (it showed 0). With 期号
    written (第3期, 第3期 again, 第4期 for three items) the row shows the issues by hand: 2."""
    from conftest import write_xlsx

    ledger, circ, book, _ = small_office
    labels = [r[0] for r in book["概况"].iter_rows(values_only=True) if isinstance(r[0], str)]
    assert "本级编发（条）" in labels and "编发期数（期）" not in labels
    assert circ.summary.issues is None and circ.summary.published == 1
    rows = [["序号", "收稿日期", "信息标题", "作者", "县政协编发"],
            [1, "2025-01-10", "关于甲的建议", "张三", "第3期"], [2, "2025-01-11", "关于乙的建议", "张三", "第3期"],
            [3, "2025-02-10", "关于丙的建议", "张三", "第4期"]]
    numbered = build_circular(sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025), 2025, 1)
    rows = _labelled(openpyxl.load_workbook(write_circular_xlsx(numbered, tmp_path / "通报.xlsx"))["概况"])
    assert rows["编发期数（期）"][0] == 2 and rows["本级编发（条）"][0] == 3  # (a ledger naming no unit: it failed there)


def test_explanations_are_full_width_in_the_workbook(small_office):
    """What a unit or person is short of and the 备注, built in compute, were "报送2条,任务9条;…" in the
    workbook (full width only in the Word text). By hand, January–March: 甲镇政协工委 2 of 3×3 = 9,
    1 (关于乙的建议, 市政协) of 1×3 = 3 at 市级 or above; 民盟县委 1 of 3; 王五's date unreadable."""
    _, circ, book, document = small_office
    ws = book["未完成任务名单"]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "报送2条，任务9条；市级及以上采用1条，任务3条" in cells and "报送1条，任务3条" in cells
    notes = [c for row in book["个人完成情况"].iter_rows(values_only=True) for c in row if isinstance(c, str) and "按在任" in c]
    assert notes == ["聘任日期“2025年13月”无法识别，按在任计算任务"]
    every = cells + [c for row in book["个人完成情况"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert [t for t in every if re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", t)] == []
    # The Word text says the same (it was full width there already, through zh.punctuate).
    assert "甲镇政协工委（报送2条，任务9条；市级及以上采用1条，任务3条）" in "".join(p.text for p in document.paragraphs)


def test_people_sheet_is_headed_as_the_year_to_date(tmp_path):
    """个人完成情况 holds January-to-date figures (``people_ytd``) with no header saying so, while
    各单位情况 heads its own 本季度 and 年度累计. By hand: 张三 (信息员) sent P1 in February and P2 in
    August; the third quarter's sheet shows 2 (1—9月), not the quarter's 1, under 年度累计, and 任务
    9 (1 a month, January to September); the fourth quarter's under 全年, 任务 12."""
    from conftest import write_xlsx

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            ["P1", "2025-02-10", "关于甲乡渡口安全的建议", "张三", "民盟县委", None],
            ["P2", "2025-08-05", "关于乙村校车的建议", "张三", "民盟县委", None]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "信息员", "民盟县委"]],
                                                "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"]]})
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), roster=roster, year=2025)
    for quarter, word, quota in ((3, "年度累计", 9), (4, "全年", 12)):
        book = openpyxl.load_workbook(write_circular_xlsx(build_circular(ledger, 2025, quarter), tmp_path / f"{quarter}.xlsx"))
        ws = book["个人完成情况"]
        top, sub = [c.value for c in ws[1]], [c.value for c in ws[2]]
        assert top[:5] == ["姓名", "身份", "单位", "聘任日期", "离任日期"] and sub[:5] == [None] * 5
        at = sub.index("报送")
        assert top[at] == word and sub[at:at + 2] == ["报送", "采用"]
        row = dict(zip([s or t for t, s in zip(top, sub)], [c.value for c in ws[3]]))
        assert (row["姓名"], row["报送"], row["任务"]) == ("张三", 2, quota)
        assert word in [c.value for c in book["各单位情况"][1]]  # the same word as the units sheet's
