"""Commendation as a reviewed decision (issue 13) on the hand-built year of test_commendation: the
candidates workbook, L88's condition making people eligible (not awarded), confirmation read back
and checked cell by cell, grades and prizes paid to the confirmed only, several years or a term,
and every computation on thin ledgers (no adoptions, no instructions, no roster: issue 20)."""
from __future__ import annotations

import copy
import subprocess
import sys
from decimal import Decimal

import docx
import openpyxl
import pytest

import sqmy_lib as sq
from sqmy_lib.compute import Period, instructions, people, rewards, summary, units
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.compute.commendation import ConfirmationError, ConfirmationNote, build_commendation
from sqmy_lib.read.confirmed import read_confirmed
from sqmy_lib.render.commendation import write_commendation_outputs
from sqmy_lib.render.commendation_xlsx import write_candidates_xlsx
from sqmy_lib.rules import Rules, load_rules

from conftest import write_xlsx
from test_commendation import HEADER, ROSTER, ROWS, _item, confirm_all

STAFF = [["庚", "工作人员", "县政协办公室", None], ["辛", "工作人员", "县政协办公室", None]]


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *ROWS]})
    write_xlsx(tmp / "名册.xlsx", {**ROSTER, "人员": [*ROSTER["人员"], *STAFF]})
    return tmp


@pytest.fixture(scope="module")
def ledger(year):
    return sq.read_ledgers(year / "台账.xlsx", roster=year / "名册.xlsx")


def _rules(**commendations) -> Rules:
    data = copy.deepcopy(load_rules(year=2025).data)
    for key, value in commendations.items():
        if key == "max_count":
            data["commendations"]["outstanding_informant"]["max_count"] = value
        else:
            data["commendations"][key] = value
    return Rules(data)


def _candidates(comm, tmp_path, name="候选名单.xlsx"):
    return write_candidates_xlsx(comm, tmp_path / name)


def _rows(ws) -> tuple[list, list[list]]:
    header = next(r for r in range(1, 7) if "确认" in [c.value for c in ws[r]])
    labels = [c.value for c in ws[header]]
    return labels, [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1)]


def _decline_rest(path) -> None:
    """否 on every candidate row of each category sheet left blank: the 主席会议 commends none of
    them (a sheet blank everywhere is refused as not filled in)."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets[1:6]:
        labels, rows = _rows(ws)
        col = labels.index("确认")
        if any(row[col] for row in rows):
            continue
        top = next(r for r in range(1, 7) if ws.cell(r, col + 1).value == "确认")
        for k, row in enumerate(rows):
            if row[0] not in (None, "无"):
                ws.cell(top + 1 + k, col + 1, "否")
    wb.save(path)


def _tables(document) -> list[list[tuple[str, ...]]]:
    """Every table of a .docx as rows of cell texts."""
    return [[tuple(c.text for c in row.cells) for row in table.rows] for table in document.tables]


def test_candidates_workbook(ledger, tmp_path):
    comm = build_commendation(ledger, 2025)
    wb = openpyxl.load_workbook(_candidates(comm, tmp_path))
    assert wb.sheetnames == ["说明", "先进集体", "优秀信息员", "十佳信息", "好信息", "先进工作者", "评选依据"]
    labels, rows = _rows(wb["优秀信息员"])
    assert labels[-3:] == ["评选依据", "建议", "确认"] and "奖项等次" not in labels
    assert [(r[labels.index("姓名")], r[labels.index("建议")], r[-1]) for r in rows] == [
        ("丙", "建议表彰", None), ("甲", "建议表彰", None), ("乙", "建议表彰", None)]
    assert rows[0][labels.index("评选依据")] == "报送5条、采用3条，符合参评条件；积分41分，并列第1名"  # 丙 ties 甲
    labels, rows = _rows(wb["十佳信息"])
    assert len(rows) == 15 and [r[labels.index("建议")] for r in rows] == ["建议表彰"] * 10 + ["备选"] * 5
    assert rows[0][labels.index("评选依据")] == "最高采用层级省级，领导批示1件，被采用2次"
    labels, rows = _rows(wb["先进工作者"])
    assert [(r[labels.index("姓名")], r[labels.index("建议")]) for r in rows] == [("庚", "备选"), ("辛", "备选")]
    validations = wb["优秀信息员"].data_validations.dataValidation
    assert any(v.formula1 == '"是,否"' for v in validations)
    notes = [c.value for c in wb["说明"]["A"] if c.value]
    assert any("县政协主席会议研究确定" in n for n in notes) and any("《示例县政协社情民意信息工作考核奖励办法》" in n for n in notes)


def test_eligible_is_considered_not_awarded(ledger):
    comm = build_commendation(ledger, 2025, _rules(max_count=2))
    assert list(comm.candidates["优秀信息员"]["name"]) == ["丙", "甲", "乙"]  # all three meet L88's condition
    assert list(comm.informants["name"]) == ["丙", "甲"] and comm.draft  # two suggested, nobody decided yet


def test_confirm_a_reserve_instead(ledger, tmp_path):
    rules = _rules(max_count=2)
    comm = build_commendation(ledger, 2025, rules)
    path = _candidates(comm, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["优秀信息员"]
    labels, rows = _rows(ws)
    first = next(r for r in range(1, 7) if ws.cell(r, labels.index("确认") + 1).value == "确认") + 1
    for k, row in enumerate(rows):
        if row[labels.index("姓名")] in ("甲", "乙"):  # the 主席会议 prefers 乙 to 丙
            ws.cell(first + k, labels.index("确认") + 1, "√")
    ws = wb["先进工作者"]
    labels, rows = _rows(ws)
    ws.cell(first + 0, labels.index("确认") + 1, "是")  # 庚
    wb.save(path)
    _decline_rest(path)  # no 先进集体, 十佳信息 or 好信息
    final = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert not final.draft
    # Their candidates' 名次 (丙 first, not confirmed): one numbering in the candidates and the lists.
    assert list(final.informants[["place", "name"]].itertuples(index=False, name=None)) == [(1, "甲"), (3, "乙")]
    assert list(final.workers["name"]) == ["庚"] and final.units.empty and final.top_items.empty
    outputs = write_commendation_outputs(final, tmp_path / "out")
    assert set(outputs) == {"docx", "xlsx", "html"} and outputs["docx"].name == "2025年度社情民意信息工作表彰决定.docx"
    document = docx.Document(str(outputs["docx"]))
    texts = [p.text for p in document.paragraphs]
    # The lists are the decision's 附件: the confirmed informants, and the 先进工作者 as one more.
    decision = next(t for t in texts if "决定授予" in t)
    assert "授予甲等2名同志“2025年度优秀信息员”称号" in decision
    assert "授予庚同志“2025年度社情民意信息工作先进工作者”称号" in decision  # one: no 等1名
    assert "2025年度社情民意信息工作先进工作者名单" in texts
    informants, workers = _tables(document)
    assert informants[1:] == [("1", "甲", "民盟县委"), ("2", "乙", "城关镇政协工委")]
    assert workers[1:] == [("1", "庚", "县政协办公室")]
    assert not any("草稿" in p.text for p in document.sections[0].header.paragraphs)
    assert "草稿" not in outputs["html"].read_text(encoding="utf-8")


def test_draft_outputs_say_so(ledger, tmp_path):
    comm = build_commendation(ledger, 2025)
    outputs = write_commendation_outputs(comm, tmp_path)
    assert [p.name for p in outputs.values()] == ["2025年度社情民意信息工作表彰候选名单.xlsx",
                                                  "2025年度社情民意信息工作表彰决定(草稿).docx",
                                                  "2025年度社情民意信息工作表彰名单(草稿).xlsx",
                                                  "2025年度社情民意信息工作表彰.html"]  # the run's report page
    document = docx.Document(str(outputs["docx"]))
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("草稿") and "县政协主席会议" in header
    assert document.sections[0].even_page_header.paragraphs[0].text == header
    assert f'<p class="draft">{header}</p>' in outputs["html"].read_text(encoding="utf-8")


def _tamper(path, tmp_path):
    """A returned workbook with the mistakes staff make."""
    wb = openpyxl.load_workbook(path)
    ws = wb["优秀信息员"]
    labels, rows = _rows(ws)
    top = next(r for r in range(1, 7) if ws.cell(r, labels.index("确认") + 1).value == "确认")
    col = labels.index("确认") + 1
    ws.cell(top + 1, col, "是")  # 丙
    ws.cell(top + 2, col, "好")  # not a mark
    ws.cell(top + 3, col, "=1")  # a formula
    ws.cell(top + 4, labels.index("姓名") + 1, "张冒")  # a name typed in
    ws.cell(top + 4, col, "是")
    ws.cell(top + 5, labels.index("姓名") + 1, "丙")  # the same person twice
    ws.cell(top + 5, col, "是")
    ws = wb["十佳信息"]
    labels, rows = _rows(ws)
    for k in range(len(rows)):  # all fifteen
        ws.cell(top + 1 + k, labels.index("确认") + 1, "是")
    ws = wb["先进集体"]
    labels, rows = _rows(ws)
    for k, row in enumerate(rows):
        ws.cell(top + 1 + k, labels.index("确认") + 1, "是")  # both 民主党派
    del wb["好信息"]
    out = tmp_path / "已确认.xlsx"
    wb.save(out)
    return out


def test_confirmation_problems_by_cell(ledger, tmp_path):
    comm = build_commendation(ledger, 2025)
    path = _tamper(_candidates(comm, tmp_path), tmp_path)
    with pytest.raises(ConfirmationError) as caught:
        build_commendation(ledger, 2025, confirmed=read_confirmed(path))
    problems = caught.value.problems
    labels = _rows(openpyxl.load_workbook(path)["优秀信息员"])[0]
    col, name = (openpyxl.utils.get_column_letter(labels.index(k) + 1) for k in ("确认", "姓名"))
    # Sheet by sheet as the workbook reads, row by row, each sheet's totals after its rows; a name
    # that is no candidate's at its own cell; 先进工作者 left blank everywhere: not yet filled in.
    assert problems == [
        "已确认.xlsx!先进集体:民主党派确认了2个,超过规则规定的1个",
        f"已确认.xlsx!优秀信息员!{col}5:无法识别的确认标记“好”,请填写“是”或留空",
        f"已确认.xlsx!优秀信息员!{col}6:确认栏是公式“=1”,请直接填写“是”或留空",
        f"已确认.xlsx!优秀信息员!{name}7:“张冒”不在优秀信息员候选名单中(名称有误,或已不符合条件)",
        f"已确认.xlsx!优秀信息员!{col}8:“丙”重复确认",
        "已确认.xlsx!十佳信息:确认了15条,超过规则规定的10条",
        "已确认.xlsx:缺少工作表“好信息”(请使用 sqmy commend 生成的候选名单)",
        "已确认.xlsx!先进工作者:“确认”栏都是空的(没有“是”,也没有“否”),像是尚未填写;请对该类确定表彰的对象填写“是”"
        "(经研究该类不予表彰的,在“确认”栏填写“否”)",
    ]


def test_confirmation_problems_through_the_command(year, ledger, tmp_path):
    path = _tamper(_candidates(build_commendation(ledger, 2025), tmp_path), tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(year / "台账.xlsx"), "--roster",
                             str(year / "名册.xlsx"), "--year", "2025", "--confirmed", str(path), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "候选名单确认有误" in result.stderr and "“张冒”不在优秀信息员候选名单中" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def _mark(path, marks: dict[str, dict[str, str]]) -> None:
    """Write ``marks`` ({sheet: {name or title: mark}}) into the 确认 column, as staff would."""
    wb = openpyxl.load_workbook(path)
    for sheet, wanted in marks.items():
        ws = wb[sheet]
        labels, rows = _rows(ws)
        top = next(r for r in range(1, 7) if ws.cell(r, labels.index("确认") + 1).value == "确认")
        key = labels.index("信息标题" if "信息标题" in labels else "单位" if sheet == "先进集体" else "姓名")
        for k, row in enumerate(rows):
            if row[key] in wanted:
                ws.cell(top + 1 + k, labels.index("确认") + 1, wanted[row[key]])
    wb.save(path)


def test_one_of_a_kind_is_named_without_a_count(ledger, tmp_path):
    path = _candidates(build_commendation(ledger, 2025), tmp_path)
    _mark(path, {"先进集体": {"民盟县委": "是"}, "优秀信息员": {"丙": "是"}, "十佳信息": {"关于J1的建议": "是"},
                 "先进工作者": {"庚": "是"}})
    _decline_rest(path)
    final = build_commendation(ledger, 2025, confirmed=read_confirmed(path))
    document = docx.Document(str(write_commendation_outputs(final, tmp_path / "out")["docx"]))
    decision = next(p.text for p in document.paragraphs if "决定授予" in p.text)
    # one of each: 授予X…, never X等1个单位 / 等1名同志 / 等1篇信息
    assert decision.endswith("决定授予民盟县委“2025年度社情民意信息工作先进集体”称号，授予丙同志“2025年度优秀信息员”称号，"
                             "授予庚同志“2025年度社情民意信息工作先进工作者”称号，评选《关于J1的建议》为“十佳信息”。")


def test_a_confirmation_never_filled_in_is_refused(year, ledger, tmp_path):
    # The candidates workbook returned as written: no 是 and no 否 anywhere. Almost certainly the
    # wrong file, or not yet filled in: refused, nothing produced.
    path = _candidates(build_commendation(ledger, 2025), tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(year / "台账.xlsx"), "--roster",
                             str(year / "名册.xlsx"), "--year", "2025", "--confirmed", str(path), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and not out.exists()
    assert "候选名单.xlsx:各工作表的“确认”栏都是空的(没有“是”,也没有“否”)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_decision_with_nobody_commended_praises_nobody(ledger, tmp_path):
    # 否 everywhere (the 主席会议 decided to commend no one): a decision that says so, with no word
    # of those commended ("受表彰的先进集体和个人").
    path = _candidates(build_commendation(ledger, 2025), tmp_path)
    _decline_rest(path)
    final = build_commendation(ledger, 2025, confirmed=read_confirmed(path))
    texts = [p.text for p in docx.Document(str(write_commendation_outputs(final, tmp_path / "out")["docx"])).paragraphs]
    assert "2025年度未评出先进集体和先进个人。" in texts
    assert not any("受表彰" in t or "榜样" in t for t in texts)
    assert any(t.startswith("希望政协各参加单位") and t.endswith("作出新的更大贡献。") for t in texts)


TWIN_TITLE = "关于乡村旅游发展的建议"


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """Two items with one title and no 编号 column, both adopted by the city: 赵一's and 王芳's."""
    tmp = tmp_path_factory.mktemp("twins")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [
        ["序号", "收稿日期", "信息标题", "报送单位", "作者", "市政协采用"],
        [1, "2025-03-12", TWIN_TITLE, "民革县委", "赵一", "2025.3.30"],
        [2, "2025-09-20", TWIN_TITLE, "河口镇政协工委", "王芳", "2025.9.28"]]})
    return sq.read_ledgers(tmp / "台账.xlsx")


def _confirm_twins(ledger, tmp_path, who: set[str], blank: tuple[str, ...] = ()):
    """Mark 确认 on the 十佳信息 rows whose 作者 is in ``who``; empty the ``blank`` columns of every row."""
    rules = _rules(prizes={"十佳信息": "200.00"})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["十佳信息"]
    labels, rows = _rows(ws)
    top = next(r for r in range(1, 7) if ws.cell(r, labels.index("确认") + 1).value == "确认")
    for k, row in enumerate(rows):
        if row[labels.index("作者")] in who:
            ws.cell(top + 1 + k, labels.index("确认") + 1).value = "是"
        for label in blank:
            ws.cell(top + 1 + k, labels.index(label) + 1).value = None
    wb.save(path)
    _decline_rest(path)
    col = openpyxl.utils.get_column_letter(labels.index("确认") + 1)
    return rules, read_confirmed(path), [f"候选名单.xlsx!十佳信息!{col}{top + 1 + k}" for k in range(len(rows))]


def test_twin_titles_confirmed_by_author_and_unit(twins, tmp_path):
    rules, confirmed, _ = _confirm_twins(twins, tmp_path, {"王芳"})
    comm = build_commendation(twins, 2025, rules, confirmed=confirmed)
    assert list(comm.top_items[["title", "author_text", "unit"]].itertuples(index=False, name=None)) == [
        (TWIN_TITLE, "王芳", "河口镇政协工委")]
    payout = comm.payout.set_index("name")["amount"].to_dict()
    # 市级 稿酬 100.00 each; the 十佳信息 prize 200.00 to the item confirmed, 王芳's: 300.00 and 100.00.
    assert payout == {"王芳": Decimal("300.00"), "赵一": Decimal("100.00")}
    rules, confirmed, _ = _confirm_twins(twins, tmp_path, {"王芳", "赵一"})
    comm = build_commendation(twins, 2025, rules, confirmed=confirmed)  # two items, not one confirmed twice
    assert sorted(comm.top_items["author_text"]) == ["王芳", "赵一"]
    assert comm.payout.set_index("name")["amount"].to_dict() == {"王芳": Decimal("300.00"), "赵一": Decimal("300.00")}


def test_twin_title_without_author_or_unit_is_not_guessed(twins, tmp_path):
    rules, confirmed, cells = _confirm_twins(twins, tmp_path, {"王芳"}, blank=("作者", "报送单位"))
    with pytest.raises(ConfirmationError) as caught:
        build_commendation(twins, 2025, rules, confirmed=confirmed)
    # The 王芳 row is the second candidate (both 市级, ranked in ledger order); with its 作者 and
    # 报送单位 emptied it fits both items.
    assert caught.value.problems == [f"{cells[1]}:“{TWIN_TITLE}”与2条候选相符(同名),无法确定确认的是哪一条;"
                                     "请保留该行的编号、作者、报送单位与候选名单一致"]


GRADES = {"优秀信息员": {"一等奖": 1, "二等奖": 2}}
PRIZES = {"优秀信息员": {"一等奖": "500.00", "二等奖": "300.00"}, "先进集体": "1000.00", "十佳信息": "100.00"}


def _graded(ledger, tmp_path, marks: dict[str, str]):
    # Tests of grades and prizes, 1000.00 to each 先进集体: no condition on the year's 任务 (城关镇 11
    # of 36, 民盟县委 9 of 12 would leave none suggested: test_commendation.test_units_items_and_good_items).
    rules = _rules(grades=GRADES, prizes=PRIZES, advanced_units={})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    confirm_all(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["优秀信息员"]
    labels, rows = _rows(ws)
    top = next(r for r in range(1, 7) if ws.cell(r, labels.index("确认") + 1).value == "确认")
    for k, row in enumerate(rows):
        name = row[labels.index("姓名")]
        ws.cell(top + 1 + k, labels.index("确认") + 1).value = "是" if name in marks else None
        ws.cell(top + 1 + k, labels.index("奖项等次") + 1).value = marks.get(name)
    wb.save(path)
    return rules, read_confirmed(path)


def test_grades_and_prizes_paid_to_the_confirmed(ledger, tmp_path):
    rules, confirmed = _graded(ledger, tmp_path, {"丙": "一等奖", "甲": "二等奖", "乙": "二等奖"})
    comm = build_commendation(ledger, 2025, rules, confirmed=confirmed)
    assert list(comm.informants[["name", "grade"]].itertuples(index=False, name=None)) == [
        ("丙", "一等奖"), ("甲", "二等奖"), ("乙", "二等奖")]
    payout = comm.payout.set_index("name")
    # 稿酬 as before (1190.00); prizes: 丙 500 + B1–B3 in 十佳 (3 × 100); 甲 300 + J1–J3; 乙 300;
    # 丁 D1–D3 300; 戊 W1 100; 1000 to each 先进集体.
    assert payout["amount"].to_dict() == {
        "民盟县委": Decimal("1000.00"), "城关镇政协工委": Decimal("1000.00"), "丙": Decimal("1260.00"),
        "甲": Decimal("1060.00"), "丁": Decimal("420.00"), "乙": Decimal("390.00"), "戊": Decimal("160.00")}
    assert payout.at["丙", "reward"] == Decimal("460.00") and payout.at["丙", "prize"] == Decimal("800.00")
    assert payout.at["丙", "awards"] == "优秀信息员(一等奖)、十佳信息"
    assert comm.payout_total == comm.lines_total == Decimal("5290.00")
    informants = _tables(docx.Document(str(write_commendation_outputs(comm, tmp_path / "out")["docx"])))[0]
    assert informants == [("序号", "姓名", "单位", "奖项等次"), ("1", "丙", "民建县委", "一等奖"),
                          ("2", "甲", "民盟县委", "二等奖"), ("3", "乙", "城关镇政协工委", "二等奖")]


def test_prize_only_for_the_confirmed_and_grade_problems(ledger, tmp_path):
    rules, confirmed = _graded(ledger, tmp_path, {"丙": "一等奖"})
    comm = build_commendation(ledger, 2025, rules, confirmed=confirmed)
    payout = comm.payout.set_index("name")
    assert payout.at["甲", "amount"] == Decimal("760.00")  # 460 稿酬 + J1–J3 十佳: no 优秀信息员 prize
    rules, confirmed = _graded(ledger, tmp_path, {"丙": "一等奖", "甲": "一等奖", "乙": ""})
    with pytest.raises(ConfirmationError) as caught:
        build_commendation(ledger, 2025, rules, confirmed=confirmed)
    text = "\n".join(caught.value.problems)
    assert "“乙”未填写奖项等次(应为一等奖/二等奖之一)" in text
    assert "优秀信息员:一等奖确认了2名,超过规则规定的1名" in text


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """A: 3 submitted and 2 adopted each year (6 and 4: short of 10 and 6 over two years).
    B: 6 and 4 each year (12 and 8)."""
    tmp = tmp_path_factory.mktemp("two")
    header = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
    for y in (2024, 2025):
        rows = [[f"{y}年度社情民意信息台账"], header]
        rows += [[f"A{y}{k}", f"{y}-0{k}-05", f"关于A{y}第{k}条的建议", "阿大", "民盟县委", "县政协编发" if k <= 2 else None] for k in range(1, 4)]
        rows += [[f"B{y}{k}", f"{y}-0{k}-06", f"关于B{y}第{k}条的建议", "阿二", "民建县委", "县政协编发" if k <= 4 else None] for k in range(1, 7)]
        write_xlsx(tmp / f"{y}年台账.xlsx", {f"{y}年": rows})
    return tmp


def test_two_years_together(two_years):
    ledger = sq.read_ledgers([two_years / "2024年台账.xlsx", two_years / "2025年台账.xlsx"])
    comm = build_commendation(ledger, 2025, years=[2024, 2025])
    # No unit is commended (no roster: no 单位类型, no 先进集体), 阿二 is: the title names no 先进集体.
    assert comm.units.empty and comm.title == "关于表彰2024—2025年度社情民意信息工作先进个人和优秀信息的决定"
    assert comm.thresholds["min_submitted"] == 10 and comm.thresholds["min_adopted"] == 6
    basis = comm.basis.set_index("name")
    assert (basis.at["阿大", "submitted"], basis.at["阿大", "reason"]) == (6, "报送6条，未达10条；采用4条，未达6条")
    assert list(comm.informants["name"]) == ["阿二"]
    # 稿酬 over both years: 阿大 4 × 30, 阿二 8 × 30.
    assert comm.payout.set_index("name")["amount"].to_dict() == {"阿二": Decimal("240.00"), "阿大": Decimal("120.00")}
    term = build_commendation(ledger, 2025, _rules(term={"name": "第九届", "first_year": 2024, "last_year": 2025}), term=True)
    assert term.span == "第九届(2024—2025年)" and term.years == (2024, 2025) and list(term.informants["name"]) == ["阿二"]


def test_years_through_the_command(two_years, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(two_years), "--years", "2024-2025",
                             "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (out / "2024—2025年度社情民意信息工作表彰候选名单.xlsx").is_file()
    bad = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(two_years), "--years", "2025-2024",
                          "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "--years 应写成 2024-2025" in bad.stderr


# ---- thin ledgers (issue 20): every computation touched here works on empty tables

@pytest.fixture(scope="module")
def thin(tmp_path_factory):
    """Twelve items from two people, six adopted, no 批示 column at all, no roster; and a ledger
    with nothing adopted."""
    tmp = tmp_path_factory.mktemp("thin")
    header = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
    rows = [["2026年度社情民意信息台账"], header]
    rows += [[f"T{k}", f"2026-{k:02d}-03", f"关于第{k}条的建议", "张三" if k % 2 else "李四", "民盟县委",
              "县政协编发" if k <= 6 else None] for k in range(1, 13)]
    write_xlsx(tmp / "台账.xlsx", {"2026年": rows})
    bare = [["2026年度社情民意信息台账"], header, ["N1", "2026-02-03", "关于无采用的建议", "王五", "民建县委", None]]
    write_xlsx(tmp / "无采用.xlsx", {"2026年": bare})
    write_xlsx(tmp / "空表.xlsx", {"2026年": [["2026年度社情民意信息台账"], header]})  # not one item yet
    return tmp


@pytest.mark.parametrize("name", ["台账.xlsx", "无采用.xlsx", "空表.xlsx"])
def test_every_computation_on_thin_ledgers(thin, name, tmp_path):
    ledger = sq.read_ledgers(thin / name, year=2026)
    assert ledger.instructions.empty and ledger.roster is None
    today = __import__("datetime").date(2027, 1, 10)
    for period in (Period.of(2026), Period.of(2026, quarter=1), Period.of(2026, month=2), Period.of(2026, half=2)):
        authors, unit_count = {"台账.xlsx": (2, 1), "无采用.xlsx": (1, 1), "空表.xlsx": (0, 0)}[name]
        assert len(people(ledger, period, today=today)) == authors
        assert len(units(ledger, period, today=today)) == unit_count
        assert instructions(ledger, period, today=today).empty
        rewards(ledger, period)
        summary(ledger, period)
    build_circular(ledger, 2026, 4, today=today)
    comm = build_commendation(ledger, 2026, today=today)
    assert comm.good_items.empty and comm.workers.empty
    if name == "台账.xlsx":
        assert comm.payout_total == Decimal("180.00") and len(comm.top_items) == 6
        assert list(comm.informants["name"]) == ["张三", "李四"]  # 6 submitted and 3 adopted each; a tie, by name
    else:
        assert comm.payout_total == Decimal("0.00") and comm.top_items.empty and comm.informants.empty
    assert all(p.is_file() for p in write_commendation_outputs(comm, tmp_path).values())


def test_thin_ledger_through_the_command(thin, tmp_path):
    """The case of issue 20: ``sqmy commend LEDGER --year 2026`` on a year with no 批示 at all."""
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(thin / "台账.xlsx"), "--year", "2026",
                             "--today", "2027-01-10", "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (out / "2026年度社情民意信息工作表彰决定(草稿).docx").is_file()


def test_a_limit_of_0_commends_none_and_an_empty_one_no_limit(ledger, tmp_path):
    # top_items: 0: `rules show` said 最多评选0条 while commend read 0 as no limit and suggested all 15
    # items; max_count: 0 likewise. 0 is none now, everywhere (as peer_groups.*.top_n: 0 was);
    # a max_count left empty is no limit.
    from sqmy_lib.render.commendation_xlsx import instructions_lines
    from sqmy_lib.rules import rules_text

    rules = _rules(top_items=0, max_count=0)
    comm = build_commendation(ledger, 2025, rules)
    # By hand: the 15 adopted items and the 3 who meet L88's condition (丙, 甲, 乙) stay candidates,
    # every one 备选; none suggested, none in the draft lists.
    assert len(comm.candidates["十佳信息"]) == 15 and not comm.candidates["十佳信息"]["suggested"].any()
    assert list(comm.candidates["优秀信息员"]["name"]) == ["丙", "甲", "乙"]
    assert not comm.candidates["优秀信息员"]["suggested"].any()
    assert comm.top_items.empty and comm.informants.empty
    # rules show and the candidates workbook's 说明 say the same: none.
    shown = rules_text(rules)
    assert "排序,名额为0,不评选。" in shown and "列为候选,名额为0,不评选。" in shown and "最多评选0条" not in shown
    said = instructions_lines(comm)
    assert "十佳信息:候选15条,名额为0,不评选。" in said and "优秀信息员:候选3名,名额为0,不评选。" in said
    # Confirming any is more than the rules allow.
    path = _candidates(comm, tmp_path)
    confirm_all(path, every=True)
    with pytest.raises(ConfirmationError) as caught:
        build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert f"{path.name}!十佳信息:确认了15条,超过规则规定的0条" in caught.value.problems
    assert f"{path.name}!优秀信息员:确认了3名,超过规则规定的0名" in caught.value.problems
    # Empty: no limit, all three suggested; a peer group with top_n 0 is shown as not commended.
    assert build_commendation(ledger, 2025, _rules(max_count=None)).candidates["优秀信息员"]["suggested"].all()
    data = copy.deepcopy(rules.data)
    data["peer_groups"]["民主党派"]["top_n"] = 0
    assert "民主党派不评选" in rules_text(Rules(data))


# ---------------------------------------------------------------- a returned workbook read as staff left it

def _sheet(wb, name):
    """(worksheet, header row, {label: column number}) of a candidates workbook's sheet."""
    ws = wb[name]
    top = next(r for r in range(1, 7) if "确认" in [c.value for c in ws[r]])
    return ws, top, {c.value: c.column for c in ws[top] if c.value}


def _at(col: dict, label: str, row: int) -> str:
    return f"{openpyxl.utils.get_column_letter(col[label])}{row}"


def _refused(ledger, rules, path) -> list[str]:
    with pytest.raises(ConfirmationError) as caught:
        build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    return caught.value.problems


def test_a_name_column_sorted_alone_is_refused_at_the_name(ledger, tmp_path):
    # 丙 and 甲 tie (报送5、采用3、积分41) but are 民建县委's and 民盟县委's; 乙 is 城关镇政协工委's
    # (信息员, 报送6、采用3、积分15). The 主席会议 confirms 丙 and 甲 (at most 2), 乙 否.
    rules = _rules(max_count=2, prizes={"优秀信息员": "300.00"})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    _mark(path, {"优秀信息员": {"丙": "是", "甲": "是", "乙": "否"},
                 "先进集体": {"城关镇政协工委": "是", "民盟县委": "是", "民建县委": "否"}})
    _decline_rest(path)
    # As marked, by hand: 稿酬 1190.00 (test_payout_to_the_fen) + 300.00 each to 丙 and 甲 = 1790.00.
    comm = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert list(comm.informants["name"]) == ["丙", "甲"] and list(comm.units["unit"]) == ["城关镇政协工委", "民盟县委"]
    assert int(comm.payout["amount_fen"].sum()) == 179000
    # Then only the 姓名 column is sorted (Excel's "do not expand the selection"): 乙, 甲, 丙 from the top.
    # Row 1 keeps 丙's cells and 是: read by name, 乙 would be commended with 丙's 300.00 and 丙 not.
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    for k, name in enumerate(["乙", "甲", "丙"]):
        ws.cell(top + 1 + k, col["姓名"], name)
    wb.save(path)
    first = top + 1
    problems = _refused(ledger, rules, path)
    assert len(problems) == 1  # 甲's row is still 甲's; row 3 (丙 on 乙's cells) is marked 否
    assert problems[0].startswith(f"候选名单.xlsx!优秀信息员!{_at(col, '姓名', first)}:“乙”所在行的身份/单位/报送/积分与候选名单不符(")
    assert f"单位{_at(col, '单位', first)}为“民建县委”,应为“城关镇政协工委”" in problems[0]
    assert f"积分{_at(col, '积分', first)}为“41”,应为“15”" in problems[0] and "),是“丙”的;" in problems[0]
    # 丙 and 甲 swapped alone: their figures are alike, their 单位 are not. 甲 否 and 丙 是 before the swap:
    # read by name, 甲 would be commended in 丙's place (the same 300.00, to the wrong person).
    for k, name in enumerate(["甲", "丙", "乙"]):
        ws.cell(top + 1 + k, col["姓名"], name)
    ws.cell(first, col["确认"], "是")
    ws.cell(first + 1, col["确认"], "否")
    ws.cell(first + 2, col["确认"], "是")
    wb.save(path)
    problems = _refused(ledger, rules, path)
    assert len(problems) == 1 and problems[0].startswith(
        f"候选名单.xlsx!优秀信息员!{_at(col, '姓名', first)}:“甲”所在行的单位与候选名单不符(单位{_at(col, '单位', first)}"
        "为“民建县委”,应为“民盟县委”),是“丙”的;")
    # A unit's name moved alone within its peer group: 民建县委 on 民盟县委's cells (积分57) and 是.
    for k, name in enumerate(["丙", "甲", "乙"]):  # the informants' names back in place
        ws.cell(top + 1 + k, col["姓名"], name)
    ws, top, col = _sheet(wb, "先进集体")
    ws.cell(top + 2, col["单位"], "民建县委")
    ws.cell(top + 3, col["单位"], "民盟县委")
    wb.save(path)
    problems = _refused(ledger, rules, path)
    assert len(problems) == 1 and problems[0].startswith(
        f"候选名单.xlsx!先进集体!{_at(col, '单位', top + 2)}:“民建县委”所在行的积分/报送/采用与候选名单不符(") and "是“民盟县委”的" in problems[0]


def test_a_confirm_cell_merged_over_rows_is_refused(ledger, tmp_path):
    # 确认 merged over the three informants' rows, 是 in it: read cell by cell it was one 是 (丙's)
    # and two blanks; whose decision it is, is not the reader's to guess: refused, naming the range.
    rules = _rules(prizes={"优秀信息员": "300.00"})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    _decline_rest(path)
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    for r in range(top + 1, top + 4):
        ws.cell(r, col["确认"]).value = None
    ws.cell(top + 1, col["确认"], "是")
    ws.merge_cells(f"{_at(col, '确认', top + 1)}:{_at(col, '确认', top + 3)}")
    wb.save(path)
    assert _refused(ledger, rules, path) == [
        f"候选名单.xlsx!优秀信息员!{_at(col, '确认', top + 1)}:{_at(col, '确认', top + 3)}:“确认”栏是合并单元格(跨3行),"
        "无法确定是哪几行的决定;请取消合并,在每一行的“确认”栏分别填写"]
    # Unmerged, one 是 a row: 丙, 甲, 乙 commended, by hand 1190.00 稿酬 + 3 × 300.00 = 2090.00.
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    ws.unmerge_cells(f"{_at(col, '确认', top + 1)}:{_at(col, '确认', top + 3)}")
    for r in range(top + 1, top + 4):
        ws.cell(r, col["确认"], "是")
    wb.save(path)
    comm = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert list(comm.informants["name"]) == ["丙", "甲", "乙"] and int(comm.payout["amount_fen"].sum()) == 209000


def test_a_grade_without_its_confirmation_is_refused(ledger, tmp_path):
    # Grades 一等奖 1 (500.00), 二等奖 2 (300.00) for 优秀信息员. 丙 一等奖 and 甲 二等奖 confirmed; 乙's
    # 二等奖 written but 确认 left blank: read as before, 乙 was dropped with the 300.00. Refused at the
    # grade's cell; so is a 是 typed in 奖项等次 instead of 确认.
    rules, _ = _graded(ledger, tmp_path, {"丙": "一等奖", "甲": "二等奖"})
    path = tmp_path / "候选名单.xlsx"
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    row = top + 3  # 乙
    assert ws.cell(row, col["姓名"]).value == "乙"
    ws.cell(row, col["奖项等次"], "二等奖")
    wb.save(path)
    grade, confirm = _at(col, "奖项等次", row), _at(col, "确认", row)
    assert _refused(ledger, rules, path) == [
        f"候选名单.xlsx!优秀信息员!{grade}:已填奖项等次“二等奖”但未确认(“确认”栏({confirm})为空);"
        "表彰的请在“确认”栏填写“是”,不表彰的请清空奖项等次"]
    ws.cell(row, col["奖项等次"], "是")
    wb.save(path)
    assert _refused(ledger, rules, path) == [
        f"候选名单.xlsx!优秀信息员!{grade}:“是”不是奖项等次,“确认”栏({confirm})却是空的;"
        "确认表彰的请在“确认”栏填写“是”,并在“奖项等次”栏填写规则所列的等次"]
    # Confirmed as meant: by hand 稿酬 1190.00; prizes 丙 500 + 甲 300 + 乙 300 (优秀信息员), 1000 to each
    # of the two 先进集体 (confirm_all), 100 to each of the ten 十佳信息 = 1190 + 1100 + 2000 + 1000 = 5290.00.
    ws.cell(row, col["确认"], "是")
    ws.cell(row, col["奖项等次"], "二等奖")
    wb.save(path)
    comm = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert list(comm.informants[["name", "grade"]].itertuples(index=False, name=None)) == [
        ("丙", "一等奖"), ("甲", "二等奖"), ("乙", "二等奖")]
    assert int(comm.payout["amount_fen"].sum()) == 529000


def test_a_category_left_blank_or_marked_in_the_suggestion_column_is_refused(ledger, tmp_path):
    rules = _rules(prizes={"优秀信息员": "300.00", "先进工作者": "200.00"})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    _mark(path, {"优秀信息员": {"丙": "是", "甲": "是", "乙": "是"}, "十佳信息": {"关于J1的建议": "否"},
                 "好信息": {"关于J1的建议": "否"}})
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "先进集体")  # 是/否 written over 建议表彰/备选, 确认 left blank
    for k, mark in enumerate(["是", "是", "否"]):
        ws.cell(top + 1 + k, col["建议"], mark)
    wb.save(path)
    # 先进工作者 (庚, 辛) never filled in: read as before, nobody and no 200.00, silently.
    cells = "、".join(_at(col, "建议", top + k) for k in (1, 2, 3))
    assert _refused(ledger, rules, path) == [
        f"候选名单.xlsx!先进集体:“建议”栏{cells}填了“是”或“否”,而这些行的“确认”栏是空的;“建议”栏是按名额给出的参考,"
        f"不读取,请把确认填在“确认”栏({openpyxl.utils.get_column_letter(col['确认'])}列)",
        "候选名单.xlsx!先进工作者:“确认”栏都是空的(没有“是”,也没有“否”),像是尚未填写;请对该类确定表彰的对象填写“是”"
        "(经研究该类不予表彰的,在“确认”栏填写“否”)"]
    # Marked where they belong, 庚 是: by hand 稿酬 1190.00 + 3 × 300.00 + 庚 200.00 = 2290.00
    # (先进集体 carry no prize here).
    _mark(path, {"先进集体": {"城关镇政协工委": "是", "民盟县委": "是", "民建县委": "否"}, "先进工作者": {"庚": "是"}})
    comm = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert list(comm.units["unit"]) == ["城关镇政协工委", "民盟县委"] and list(comm.workers["name"]) == ["庚"]
    assert int(comm.payout["amount_fen"].sum()) == 229000


def test_yes_and_no_for_one_candidate_is_refused_at_both_cells(ledger, tmp_path):
    rules = _rules(prizes={"优秀信息员": "300.00"})
    path = _candidates(build_commendation(ledger, 2025, rules), tmp_path)
    _mark(path, {"优秀信息员": {"丙": "是", "甲": "是", "乙": "是"}})
    _decline_rest(path)
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    copy_row = [c.value for c in ws[top + 1]]  # 丙's row copied below, marked 否
    copy_row[col["确认"] - 1] = "否"
    ws.append(copy_row)
    wb.save(path)
    yes, no = _at(col, "确认", top + 1), _at(col, "确认", ws.max_row)
    # Read as before, the 否 row was dropped and 丙 commended.
    assert _refused(ledger, rules, path) == [
        f"候选名单.xlsx!优秀信息员!{yes}:“丙”确认为“是”,但{no}又填了“否”,前后矛盾;请核对后只保留一行",
        f"候选名单.xlsx!优秀信息员!{no}:“丙”填了“否”,但{yes}已确认为“是”,前后矛盾;请核对后只保留一行"]


def test_figures_edited_in_the_workbook_are_said_not_used(year, ledger, tmp_path):
    # 乙's 积分 15 → 40 and 报送 6 → 8, 城关镇政协工委's 积分 26 → 99: the ledgers are the source, so
    # the commendation is made from their figures, and the command says the edits were not used.
    path = _candidates(build_commendation(ledger, 2025), tmp_path)
    confirm_all(path)
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "优秀信息员")
    ws.cell(top + 3, col["积分"], 40)
    ws.cell(top + 3, col["报送"], 8)
    informant = (_at(col, "姓名", top + 3), _at(col, "报送", top + 3), _at(col, "积分", top + 3))
    ws, top, col = _sheet(wb, "先进集体")
    ws.cell(top + 1, col["积分"], 99)
    unit = (_at(col, "单位", top + 1), _at(col, "积分", top + 1))
    wb.save(path)
    with pytest.warns(ConfirmationNote):
        comm = build_commendation(ledger, 2025, confirmed=read_confirmed(path))
    # The default rules carry no prizes: the payout is the 稿酬 alone, 1190.00 (test_payout_to_the_fen).
    assert list(comm.informants["name"]) == ["丙", "甲", "乙"] and int(comm.payout["amount_fen"].sum()) == 119000
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "commend", str(year / "台账.xlsx"), "--roster",
                             str(year / "名册.xlsx"), "--year", "2025", "--confirmed", str(path), "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    tail = ";表彰和奖励按台账计算,候选名单中改动的数字未采用;如台账有误,请改正台账后重新生成候选名单"
    assert (f"sqmy: 注意:候选名单.xlsx!先进集体!{unit[0]}:“城关镇政协工委”所在行的积分与台账计算的不同"
            f"(积分{unit[1]}填为“99”,台账为“26”){tail}") in result.stderr
    assert (f"sqmy: 注意:候选名单.xlsx!优秀信息员!{informant[0]}:“乙”所在行的报送/积分与台账计算的不同"
            f"(报送{informant[1]}填为“8”,台账为“6”、积分{informant[2]}填为“40”,台账为“15”){tail}") in result.stderr
    payout = openpyxl.load_workbook(out / "2025年度社情民意信息工作表彰名单.xlsx")["奖励发放表"]
    assert any(row[0] == "合计" and 1190 in row for row in payout.iter_rows(values_only=True))


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """赵一 and 王芳's P1 (县级, 30.00 稿酬 shared), 丁's P2 (县级): both 十佳信息 candidates."""
    tmp = tmp_path_factory.mktemp("pair")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [HEADER, _item("P1", "2025-03-01", "赵一、王芳", "民盟县委", county=True),
                                            _item("P2", "2025-04-01", "丁", "民盟县委", county=True)]})
    return sq.read_ledgers(tmp / "台账.xlsx")


def test_an_items_authors_retyped_still_match_and_a_wrong_number_is_named(pair, tmp_path):
    rules = _rules(prizes={"十佳信息": "200.00"})
    path = _candidates(build_commendation(pair, 2025, rules), tmp_path)
    _mark(path, {"十佳信息": {"关于P1的建议": "是", "关于P2的建议": "否"}, "先进集体": {"民盟县委": "否"}})
    wb = openpyxl.load_workbook(path)
    ws, top, col = _sheet(wb, "十佳信息")
    assert ws.cell(top + 1, col["作者"]).value == "赵一、王芳"
    ws.cell(top + 1, col["作者"], "王芳，赵一")  # another separator, another order: the same two authors
    wb.save(path)
    # By hand: 稿酬 30.00 for each 县级 item (P1's 15.00 each to 赵一 and 王芳, P2's 30.00 to 丁), and P1's
    # 200.00 prize split 100.00 / 100.00: 赵一 115.00, 王芳 115.00, 丁 30.00, 260.00 in all.
    comm = build_commendation(pair, 2025, rules, confirmed=read_confirmed(path))
    assert list(comm.top_items["title"]) == ["关于P1的建议"]
    assert comm.payout.set_index("name")["amount_fen"].to_dict() == {"赵一": 11500, "王芳": 11500, "丁": 3000}
    assert int(comm.payout["amount_fen"].sum()) == 26000
    ws.cell(top + 1, col["编号"], "P01")  # the 编号 retyped: said at the 编号, not blamed on the title
    wb.save(path)
    assert _refused(pair, rules, path) == [
        f"候选名单.xlsx!十佳信息!{_at(col, '编号', top + 1)}:“关于P1的建议”的编号“P01”与候选名单不符(候选名单中为“P1”);"
        "请按候选名单改回"]
