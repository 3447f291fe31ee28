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
from sqmy_lib.compute.commendation import ConfirmationError, build_commendation
from sqmy_lib.read.confirmed import read_confirmed
from sqmy_lib.render.commendation import write_commendation_outputs
from sqmy_lib.render.commendation_xlsx import write_candidates_xlsx
from sqmy_lib.rules import Rules, load_rules

from conftest import write_xlsx
from test_commendation import HEADER, ROSTER, ROWS, confirm_all

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
    final = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert not final.draft
    assert list(final.informants[["place", "name"]].itertuples(index=False, name=None)) == [(1, "甲"), (2, "乙")]
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
    col = openpyxl.utils.get_column_letter(_rows(openpyxl.load_workbook(path)["优秀信息员"])[0].index("确认") + 1)
    # Sheet by sheet as the workbook reads, row by row, each sheet's totals after its rows.
    assert problems == [
        "已确认.xlsx!先进集体:民主党派确认了2个,超过规则规定的1个",
        f"已确认.xlsx!优秀信息员!{col}5:无法识别的确认标记“好”,请填写“是”或留空",
        f"已确认.xlsx!优秀信息员!{col}6:确认栏是公式“=1”,请直接填写“是”或留空",
        f"已确认.xlsx!优秀信息员!{col}7:“张冒”不在优秀信息员候选名单中(名称有误,或已不符合条件)",
        f"已确认.xlsx!优秀信息员!{col}8:“丙”重复确认",
        "已确认.xlsx!十佳信息:确认了15条,超过规则规定的10条",
        "已确认.xlsx:缺少工作表“好信息”(请使用 sqmy commend 生成的候选名单)",
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
    # One 否 (the 主席会议 decided to commend no one): a decision that says so, with no word of
    # those commended ("受表彰的先进集体和个人").
    path = _candidates(build_commendation(ledger, 2025), tmp_path)
    _mark(path, {"先进工作者": {"庚": "否"}})
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
    rules = _rules(grades=GRADES, prizes=PRIZES)
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
    assert comm.title == "关于表彰2024—2025年度社情民意信息工作先进集体和先进个人的决定"
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
