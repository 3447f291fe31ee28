"""Columns beside the ledger's own that say something else: hand-kept scores (积分 over 报送分 | 采用分 |
批示分), a 批示's file number (领导签批单号), a 填报单位 line merged over part of the header.

Each is read past and said (header.ignored), never taken for the adoptions or the 批示 it names; the
real columns beside it are read. Workbooks written by hand, answers worked out by hand, every cell
accounted for.
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx


def _codes(report, code):
    return [(i.column, i.row) for i in report.issues if i.code == code]


def _tiers(ledger) -> list[tuple]:
    """(the item's Excel row, tier) of each adoption."""
    rows = dict(zip(ledger.submissions["item"], ledger.submissions["row"]))
    return [(rows[i], t) for i, t in zip(ledger.adoptions["item"], ledger.adoptions["tier"].astype(str))]


def _instructions(ledger) -> list[tuple]:
    """(Excel row, leader, level, column) of each 批示."""
    ins = ledger.instructions
    return list(zip(ins["row"], ins["leader"], ins["level"].astype(str), ins["column"]))


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


def test_points_breakdown_before_the_adoption_is_set_aside(tmp_path):
    """积分 merged over 报送分 | 采用分 | 批示分, before 采用情况 | 领导批示: hand-kept scores. 采用分 10 is
    no adoption and 批示分 10 no ten 批示; the real 采用情况 and 领导批示 columns are read."""
    rows = [
        ["序号", "收稿日期", "信息标题", "作者", "单位", "积分", None, None, "采用情况", "领导批示"],
        [None, None, None, None, None, "报送分", "采用分", "批示分", None, None],
        [1, "2025-02-15", "关于缓解校园周边交通拥堵的建议", "吴昊", "民盟县委", 1, 10, 10, "市政协采用", "副市长李明批示"],
        [2, "2025-04-08", "关于推进垃圾分类的建议", "周敏", "民革县委", 1, 3, 0, "县政协编发", None],
        [3, "2025-05-08", "关于加强夏季防溺水工作的建议", "周敏", "民革县委", 1, 0, 0, None, None],
    ]
    merges = [f"{c}1:{c}2" for c in "ABCDEIJ"] + ["F1:H1"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": merges})
    ledger, report = assert_every_cell_accounted(path)
    assert len(ledger.submissions) == 3
    assert _tiers(ledger) == [(3, "市级"), (4, "县级")]
    assert _instructions(ledger) == [(3, "副市长李明", "市级", "J")]
    assert _codes(report, "header.ignored") == [("F", 1), ("G", 1), ("H", 1)]
    assert not _codes(report, "header.duplicate") and not _codes(report, "mark.unknown")
    # 市级 100 doubled for the 批示; 县级 30
    assert _paid(ledger) == {"吴昊": Decimal("200.00"), "周敏": Decimal("30.00")}


def test_score_and_fee_groups_and_scores_alone_are_set_aside(tmp_path):
    """稿费发放 over 状态 | 金额 | 日期 and 积分 over 报送分 | 采用分 | 合计: every sub-column is the office's own
    bookkeeping (its 日期 no second date, its 采用分 no second adoption column); 采用分 | 批示分 standing
    alone, after the real columns, the same."""
    rows = [
        ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "稿费发放", None, None, "积分", None, None, "采用分", "批示分"],
        [None, None, None, None, None, None, "状态", "金额", "日期", "报送分", "采用分", "合计", None, None],
        [1, "2025-02-15", "关于缓解校园周边交通拥堵的建议", "吴昊", "市政协采用", "副市长李明批示", "已发", 200, "2025-04-10",
         1, 20, 21, 20, 10],
        [2, "2025-04-08", "关于推进垃圾分类的建议", "周敏", "县政协编发", None, "未发", None, None, 1, 3, 4, 3, None],
    ]
    merges = [f"{c}1:{c}2" for c in "ABCDEFMN"] + ["G1:I1", "J1:L1"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": merges})
    ledger, report = assert_every_cell_accounted(path)
    assert _tiers(ledger) == [(3, "市级"), (4, "县级")]
    assert _instructions(ledger) == [(3, "副市长李明", "市级", "F")]
    # H (稿费发放/金额) is the item's written 稿酬, checked against what the rules pay (200 = 市级 100, doubled by
    # the 批示: no finding), said as such; the others are read past.
    assert [c for c, _ in _codes(report, "header.ignored")] == list("GIJKLMN")
    assert [c for c, _ in _codes(report, "header.checked")] == ["H"]
    assert [i.code for i in report.issues if i.code.startswith("header.") and i.code not in ("header.ignored", "header.checked")] == []
    assert _paid(ledger) == {"吴昊": Decimal("200.00"), "周敏": Decimal("30.00")}


HEAD = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
ITEM = [1, "2025-02-15", "关于缓解校园周边交通拥堵的建议", "吴昊", "民盟县委", "市政协采用"]


def test_qianpi_number_before_the_instruction_is_no_leader(tmp_path):
    """领导签批单号 | 领导批示: the file number 江政签〔2025〕7号 is no leader; the 批示 column beside it is read."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD + ["领导签批单号", "领导批示"],
                                                          ITEM + ["江政签〔2025〕7号", "副市长李明批示"]]})
    ledger, report = assert_every_cell_accounted(path)
    assert _instructions(ledger) == [(2, "副市长李明", "市级", "H")]
    assert [(i.code, i.column) for i in report.issues] == [("header.ignored", "G")]
    assert _paid(ledger) == {"吴昊": Decimal("200.00")}


def test_qianpi_number_alone_is_no_instruction(tmp_path):
    """A 领导签批单号 column alone holding QP-2025-012: a reference number, said, not one 批示 (the
    reward not doubled)."""
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEAD + ["领导签批单号"], ITEM + ["QP-2025-012"]]})
    ledger, report = assert_every_cell_accounted(path)
    assert ledger.instructions.empty
    assert [(i.code, i.column) for i in report.issues] == [("header.ignored", "G")]
    assert _paid(ledger) == {"吴昊": Decimal("100.00")}


def test_qianpi_number_beside_leader_and_text_is_named(tmp_path):
    """批示领导 | 批示内容 | 领导签批单号 (and a 批示件编号 | 文号 likewise): the numbers are named
    (header.ignored), the 批示 read from its leader and text."""
    head = HEAD + ["批示领导", "批示内容", "领导签批单号", "批示件编号", "文号"]
    rows = [head, ITEM + ["副市长李明", "请市交通运输局研究落实", "江政签〔2025〕7号", "PS-007", "江政办〔2025〕3号"],
            [2, "2025-03-15", "关于推进垃圾分类的建议", "吴昊", "民盟县委", "市政协采用", "副市长李明", "请市城管局研究",
             "江政签〔2025〕9号", "PS-009", None]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    ledger, report = assert_every_cell_accounted(path)
    assert _instructions(ledger) == [(2, "副市长李明", "市级", "G"), (3, "副市长李明", "市级", "G")]
    assert list(ledger.instructions["text"]) == ["请市交通运输局研究落实", "请市城管局研究"]
    assert _codes(report, "header.ignored") == [("I", 1), ("J", 1), ("K", 1)]


def test_filing_line_merged_over_part_of_the_header_is_not_a_header_row(tmp_path):
    """填报单位：… merged over A2:D2 above the header in row 3: the sheet's 填报单位, not a group over 序号 …
    作者; the header's findings are at row 3 and its labels are its own."""
    head = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "联系电话", "是否原创", "字数", "审核人", "是否公开", "积分"]
    rows = [["柳溪县政协2025年社情民意信息报送采用登记表"], ["填报单位：柳溪县政协办公室信息科"], head,
            [1, "2025-02-15", "关于缓解校园周边交通拥堵的建议", "吴昊", "民盟县委", "市政协采用", "13800000001", "是", 1500,
             "刘科长", "是", 11]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}, {"2025年": ["A1:L1", "A2:D2"]})
    ledger, report = assert_every_cell_accounted(path)
    assert _tiers(ledger) == [(4, "市级")]
    sheet = ledger.sheets.iloc[0]
    assert (sheet["header_row"], sheet["header_rows"]) == (3, 1)
    assert sheet["labels"]["G"] == "联系电话" and sheet["labels"]["A"] == "序号"
    assert sheet["filed_by"] == "柳溪县政协办公室信息科"
    header_findings = [(i.code, i.column, i.row) for i in report.issues if i.code.startswith("header.")]
    assert header_findings == [("header.ignored", "G", 3), ("header.unknown", "H", 3), ("header.ignored", "I", 3),
                               ("header.ignored", "J", 3), ("header.unknown", "K", 3), ("header.checked", "L", 3)]


def test_a_group_naming_the_adoption_and_its_reward_keeps_the_adoption(tmp_path):
    """采用及奖励情况 over 采用单位 | 奖励金额, and 奖励情况 over 采用单位 | 金额: the 采用单位 is the adoption's, the
    amounts hand-kept (header.ignored); a group that is only a score or a payment sets its columns aside."""
    for group in ("采用及奖励情况", "奖励情况"):
        rows = [["2026年度社情民意信息报送采用登记表"], ["序号", "收稿日期", "信息标题", "作者", group, None],
                [None, None, None, None, "采用单位", "奖励金额"],
                [1, "2026-03-02", "关于甲的建议", "吴昊", "市政协", 100]]
        merges = {"登记表": ["E2:F2"] + [f"{c}2:{c}3" for c in "ABCD"]}
        ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / f"{group}.xlsx", {"登记表": rows}, merges))
        assert list(ledger.adoptions["tier"].astype(str)) == ["市级"], group
        # the amount is the item's written reward, checked against the rules' (市级 100: no finding)
        assert [i.column for i in report.issues if i.code == "header.checked"] == ["F"], group
        assert not [i for i in report.issues if i.code in ("header.ignored", "money.written_differs")], group
