"""The circular's tables and sentences as a secretary sends them: a task in whole items, open 批示
counted once, units grouped in the rules' order of unit types, the HTML's 版记, and a finding at a cell
naming two leaders said once.

Every ledger and roster is written here by hand, and every answer is worked out by hand below.
"""
from __future__ import annotations

import datetime as dt

import docx
import openpyxl
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.circular_docx import circular_issuing, write_circular_docx
from sqmy_lib.render.circular_text import circular_gongwen
from sqmy_lib.render.circular_xlsx import write_circular_xlsx
from sqmy_lib.render.html import report_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = ["序号", "编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协", "批示领导", "批示日期", "落实情况"]
Q3_DAY, Q4_DAY = dt.date(2025, 10, 9), dt.date(2026, 1, 8)
SIGNED = dt.date(2026, 1, 8)

# Units and their types (the default rules list the types 镇街政协工委, 民主党派, 界别组, 专委会, 工商联).
UNITS = [["单位名称", "单位类型"], ["县工商联", "工商联"], ["县政协提案委员会", "专委会"], ["城关镇政协工委", "镇街政协工委"],
         ["教育界别组", "界别组"], ["民建县委", "民主党派"], ["民盟县委", "民主党派"]]
PEOPLE = [["姓名", "身份", "单位", "聘任日期"],
          ["马俊", "信息员", "城关镇政协工委", "2024-03-01"],
          ["高峰", "特邀信息员", "县工商联", "2024-01-01"],
          ["冯涛", "委员", "民建县委", "2025-04-01"]]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """马俊 (信息员, 城关镇) sends one item a month but May; 高峰 (特邀信息员, 县工商联) one a month but
    February and August; 冯涛 (委员, 民建县委 from 1 April) one, in November; 民盟县委 two of its own.
    Two items are instructed and not answered by 30 September: 高峰's June item (副市长, 5 June,
    正在办理) and 马俊's July item (县委书记, 20 July, nothing written)."""
    tmp = tmp_path_factory.mktemp("office")
    rows, n = [["青石县政协2025年社情民意信息报送采用登记表"], HEADER], 0

    def item(day, author, unit, issue=None, leader=None, on=None, follow_up=None):
        nonlocal n
        n += 1
        rows.append([n, f"QS2025-{n:03d}", day, f"关于第{n}个问题的建议", author, unit, issue, None, leader, on, follow_up])

    for m in range(1, 13):
        if m != 5:
            item(dt.date(2025, m, 2), "马俊", "城关镇政协工委", *(("第1期", "县委书记张某某", dt.date(2025, 7, 20)) if m == 7 else ()))
        if m not in (2, 8):
            item(dt.date(2025, m, 3), "高峰", "县工商联",
                 *(("第2期", "副市长李某某", dt.date(2025, 6, 5), "正在办理") if m == 6 else ()))
    item(dt.date(2025, 11, 5), "冯涛", "民建县委")
    item(dt.date(2025, 3, 4), "民盟县委", "民盟县委")
    item(dt.date(2025, 9, 4), "民盟县委", "民盟县委")
    ledger_path = write_xlsx(tmp / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp / "名册.xlsx", {"人员": PEOPLE, "单位": UNITS})
    ledger, _ = assert_every_cell_accounted(ledger_path, roster=str(roster), year=2025)
    return ledger


def _tables(path) -> list[list[list[str]]]:
    """Each table of a .docx as rows of cell texts, as written (a merged cell's continuation is '')."""
    doc = docx.Document(str(path))
    return [[["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.iter(W + "tc")] for tr in tbl.iter(W + "tr")]
            for tbl in doc.element.body.iter(W + "tbl")]


def _paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _rendered(circ, tmp_path):
    path = write_circular_docx(circ, tmp_path / "通报.docx", date=SIGNED, number=3)
    page = report_html(circular_gongwen(circ, circular_issuing(circ, SIGNED, 3)))
    return _tables(path), _paragraphs(path), page


def test_a_prorated_task_is_shown_in_whole_items_with_its_rate(office, tmp_path):
    # 冯涛, 委员 from 1 April: in post April–December, 2 a year × 9/12 = 1.5 items; items being whole,
    # 任务2条 (附件4: 不足整条的进为整条), and the rate of that same 2: 1 of 2, 50.0% (it read 1.5 and 66.7%
    # beside 报送1条，任务2条).
    circ = build_circular(office, 2025, 4, today=Q4_DAY)
    tables, paragraphs, page = _rendered(circ, tmp_path)
    behind = tables[2]
    assert behind[0] == ["姓名", "身份", "单位", "报送", "任务", "完成率", "未完成情况"]
    assert ["冯涛", "委员", "民建县委", "1", "2", "50.0%", "报送1条，任务2条"] in behind
    assert "<td>冯涛</td><td>委员</td><td>民建县委</td><td class=\"num\">1</td><td class=\"num\">2</td>" \
           "<td class=\"num\">50.0%</td>" in page
    # The same figure as `sqmy compute people`, and 附件4 says how it is taken.
    people = sq.people(office, 2025, today=Q4_DAY).set_index("name")
    assert (people.at["冯涛", "quota"], people.at["冯涛", "completion"]) == (2, 0.5)
    assert any("不足整条的进为整条（如折算为1.5条的计为任务2条），完成率按整条任务计算" in p for p in paragraphs)


def test_open_instructions_are_counted_once_and_their_days_to_the_period_end(office, tmp_path):
    # As of 30 September (the third quarter's end; the circular is made on 9 October): 副市长李某某's
    # 批示 of 5 June, 正在办理, due 30 days after (5 July): past due, open 117 days (25 + 31 + 31 + 30);
    # 县委书记张某某's of 20 July, nothing written (未反馈), due 19 August: past due, open 72 days. Two 批示,
    # both past due and over 60 days, one of them with no 反馈: said as two, not 1 + 2.
    circ = build_circular(office, 2025, 3, today=Q3_DAY)
    tables, paragraphs, page = _rendered(circ, tmp_path)
    said = next(p for p in paragraphs if p.startswith("五是批示件跟踪落实还需加强。"))
    assert said == ("五是批示件跟踪落实还需加强。2025年1—9月的领导批示件中，2件已过办理时限仍未办复（其中1件尚无落实情况反馈），"
                    "且批示后均已超过60天仍未办结。")
    listed = tables[1]
    assert listed[0] == ["信息标题（报送单位）", "批示领导", "批示日期", "落实情况", "办理状态（截至9月30日）"]
    assert [row[1:] for row in listed[1:]] == [["副市长李某某", "6月5日", "正在办理", "办理中，已117天（逾期未办复）"],
                                               ["县委书记张某某", "7月20日", "", "未反馈，已72天（逾期未办复）"]]
    assert "办理状态（截至9月30日）" in page
    book = write_circular_xlsx(circ, tmp_path / "通报.xlsx")
    head = [c.value for c in next(openpyxl.load_workbook(book)["批示件跟踪"].iter_rows(max_row=1))]
    assert {"办理状态（截至9月30日）", "已办天数（截至9月30日）"} <= set(head)


def test_units_and_people_are_grouped_in_the_rules_order_of_unit_types(office, tmp_path):
    # The rules list the types 镇街政协工委, 民主党派, 界别组, 专委会, 工商联 (they read 专委会, 工商联, 民主党派,
    # 界别组, 镇街政协工委 by character code). 民主党派: 民盟县委 2 items (2 points) ranks before 民建县委 1.
    circ = build_circular(office, 2025, 4, today=Q4_DAY)
    tables, paragraphs, page = _rendered(circ, tmp_path)
    order = ["城关镇政协工委", "民盟县委", "民建县委", "教育界别组", "县政协提案委员会", "县工商联"]
    units = tables[0][2:]
    assert [row[0] for row in units] == order
    assert [row[1] for row in units] == ["镇街政协工委", "民主党派", "", "界别组", "专委会", "工商联"]
    assert [page.index(f"<td>{u}</td>") for u in order] == sorted(page.index(f"<td>{u}</td>") for u in order)
    assert list(sq.units(office, 2025, today=Q4_DAY)["unit"]) == order  # `sqmy compute units` alike
    book = write_circular_xlsx(circ, tmp_path / "通报.xlsx")
    sheet = openpyxl.load_workbook(book)["各单位情况"]
    assert [r[0] for r in sheet.iter_rows(min_row=3, max_row=8, max_col=1, values_only=True)] == order
    # 附件3 by the units' order in 附件1: 马俊 (城关镇, 5月 missed: 11 of 12), 冯涛 (民建县委, 1 of 2),
    # 高峰 (县工商联, 2月 and 8月 missed: 10 of 12); by unit name it read 高峰, 马俊, 冯涛.
    behind = tables[2][1:]
    assert [row[0] for row in behind] == ["马俊", "冯涛", "高峰"]
    assert [row[5:] for row in behind] == [["91.7%", "5月未报送"], ["50.0%", "报送1条，任务2条"], ["83.3%", "2月、8月未报送"]]


def test_the_html_circular_ends_with_its_imprint_as_the_word_one(office, tmp_path):
    # 版记 from the rules' documents: 抄送 县委办公室, 县人民政府办公室, 市政协办公室; 印发 by 政协示例县委员会办公室
    # on the 成文日期, 8 January 2026. The Word one has it; the HTML had none.
    circ = build_circular(office, 2025, 4, today=Q4_DAY)
    _, _, page = _rendered(circ, tmp_path)
    imprint = ('<footer class="imprint"><p><span>抄送：县委办公室，县人民政府办公室，市政协办公室。</span><span></span></p>'
               "<p><span>政协示例县委员会办公室</span><span>2026年1月8日印发</span></p></footer>")
    assert imprint in page
    assert page.index(imprint) > page.rindex('<section class="attachment">')  # after the last 附件, as in Word


def test_a_finding_at_a_cell_naming_two_leaders_is_said_once(tmp_path):
    # One 批示领导 cell naming two leaders is two 批示 records; the item has no adoption: the warning is of
    # the cell, said once (it was said twice, word for word). Its unreadable 批示日期 is said once too; the
    # two leaders' levels are known, so nothing else.
    rows = [["青石县政协2025年社情民意信息报送采用登记表"], HEADER,
            [1, "QS2025-092", "2025-11-23", "关于加强县城公厕改造的几点建议", "王志强", "民建县委", None, None,
             "县长王某某、副县长陈某某", "2025-12-02", "问题已得到解决"],
            [2, "QS2025-093", "2025-11-24", "校园欺凌防治工作存在的问题及对策", "林芳", "民盟县委", "第44期", None,
             "县长王某某、副县长陈某某", "2025-02-30", "问题已得到解决"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"四季度": rows}), year=2025)
    assert len(ledger.instructions) == 4
    said = [(i.code, i.row, i.column) for i in report.issues if i.code.startswith("instruction.")]
    assert said == [("instruction.no_adoption", 3, "I"), ("instruction.date_invalid", 4, "J")]
