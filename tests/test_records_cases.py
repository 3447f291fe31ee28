"""An office that keeps its 采用/批示/上报 in separate ledgers beside its 报送台账, and one whose 批示 columns
hold what they should not: a 批示内容 naming its leader with no 批示领导 column, a 领导批示 column holding how
the 批示 was handled. Each workbook written as staff keep it, each figure worked out by hand."""
from __future__ import annotations

import sqmy_lib as sq

from conftest import assert_every_cell_accounted, findings, write_xlsx

ITEMS = [
    ["青山县政协2025年社情民意信息报送台账"],
    ["编号", "收稿日期", "信息标题", "作者", "单位"],
    ["2025-001", "2025-03-05", "关于加强农村饮水安全的建议", "张三", "民盟县委"],
    ["2025-002", "2025-03-10", "关于规范校外培训机构的建议", "李四", "民进县委"],
    ["2025-003", "2025-04-02", "关于改善城区停车难的建议", "王五", "县工商联"],
    ["2025-004", "2025-05-12", "关于加快老旧小区改造的建议", "赵六", "民革县委"],
]


def _read(folder):
    rules = sq.load_rules(year=2025)
    ledger = sq.read_ledgers([folder], rules=rules, year=2025)
    return rules, ledger, sq.validate(ledger, rules)


def test_adoption_ledger_rows_saying_not_adopted_are_said_and_count_nothing(tmp_path):
    # By hand: 4 items. The 采用台账 records 001 市政协 第5期 (counted), 002 市政协《社情民意》（退稿）, 003
    # 市政协（未采用）, 004 待定 (none of the three counted), 004 省政协 第2期 (counted): 2 adoptions, 市级 1 and
    # 省级 1. Rows 4, 5 and 6 count nothing; their 编号 and 标题 cells were neither read nor named before:
    # each row is now said once at the cell saying why (C4, C5, C6: link.nothing_recorded).
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": ITEMS})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用": [
        ["青山县政协2025年社情民意信息采用台账"],
        ["编号", "信息标题", "采用单位", "期号", "采用时间"],
        ["2025-001", "关于加强农村饮水安全的建议", "市政协《社情民意》", "第5期", "2025-04-01"],
        ["2025-002", "关于规范校外培训机构的建议", "市政协《社情民意》（退稿）", None, None],
        ["2025-003", "关于改善城区停车难的建议", "市政协（未采用）", None, None],
        ["2025-004", "关于加快老旧小区改造的建议", "待定", None, None],
        ["2025-004", "关于加快老旧小区改造的建议", "省政协", "第2期", "2025-06-01"],
    ]})
    rules, ledger, report = _read(tmp_path)
    assert len(ledger.submissions) == 4
    assert sorted(ledger.adoptions["tier"]) == ["市级", "省级"]
    assert sorted(ledger.adoptions["item"]) == [0, 3]
    said = findings(report, "link.nothing_recorded")
    assert [(i.row, i.column) for i in said] == [(4, "C"), (5, "C"), (6, "C")]
    assert "关于规范校外培训机构的建议" in said[0].message
    assert_every_cell_accounted(tmp_path, ledger, report, rules, year=2025)


def test_instruction_and_forward_ledger_rows_recording_nothing_are_said(tmp_path):
    # By hand: the 批示台账 records one 批示 (001, 县长王某某, 县级); 002 无 and 004 待县长批示 record none, 003
    # 副县长李某某 | 已阅 is read only (instruction.read_only, as before). The 上报台账 records one 上报 (001 市政协);
    # 002 未上报 and 003 不报送 none. Each row recording nothing is said once at its cell; 003's read-only row
    # is said by instruction.read_only alone, not twice.
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": ITEMS})
    write_xlsx(tmp_path / "批示台账.xlsx", {"批示": [
        ["青山县政协2025年领导批示台账"],
        ["编号", "信息标题", "批示领导", "批示内容", "批示时间", "落实情况"],
        ["2025-001", "关于加强农村饮水安全的建议", "县长王某某", "请水利局研究", "2025-04-05", "已办结"],
        ["2025-002", "关于规范校外培训机构的建议", "无", None, None, None],
        ["2025-003", "关于改善城区停车难的建议", "副县长李某某", "已阅", None, None],
        ["2025-004", "关于加快老旧小区改造的建议", "待县长批示", None, None, None],
    ]})
    write_xlsx(tmp_path / "上报台账.xlsx", {"上报": [
        ["青山县政协2025年信息上报台账"],
        ["编号", "信息标题", "上报单位", "上报日期"],
        ["2025-001", "关于加强农村饮水安全的建议", "市政协", "2025-03-20"],
        ["2025-002", "关于规范校外培训机构的建议", "未上报", None],
        ["2025-003", "关于改善城区停车难的建议", "不报送", None],
    ]})
    rules, ledger, report = _read(tmp_path)
    assert list(ledger.instructions["leader"]) == ["县长王某某"]
    assert list(ledger.forwards["item"]) == [0]
    said = {(i.sheet, i.row, i.column) for i in findings(report, "link.nothing_recorded")}
    assert said == {("批示", 4, "C"), ("批示", 6, "C"), ("上报", 4, "C"), ("上报", 5, "C")}
    assert [(i.sheet, i.row) for i in findings(report, "instruction.read_only")] == [("批示", 5)]
    assert_every_cell_accounted(tmp_path, ledger, report, rules, year=2025)


def test_instruction_content_alone_gives_its_leader(tmp_path):
    # By hand: a 批示内容 column and no 批示领导: 县长王某某批示：请县教育局研究 is 县长王某某's 批示 (县级),
    # 市长李某某：同意 市长李某某's (市级), 同意，请县住建局研究 names no one (one 批示 of no level, said). The
    # level came out right before; the leader was left empty.
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["青山县政协2025年社情民意信息报送台账"],
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "批示内容"],
        [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", "县长王某某批示：请县教育局研究"],
        [2, "2025-03-10", "关于规范校外培训机构的建议", "李四", "民进县委", "市政协采用", "市长李某某：同意"],
        [3, "2025-04-02", "关于改善城区停车难的建议", "王五", "县工商联", "县政协编发", "同意，请县住建局研究"],
    ]})
    rules, ledger, report = _read(tmp_path)
    t = ledger.instructions.sort_values("item")
    assert list(t["leader"]) == ["县长王某某", "市长李某某", ""]
    assert list(t["level"].astype(object).fillna("")) == ["县级", "市级", ""]
    assert list(t["text"]) == ["请县教育局研究", "同意", "同意，请县住建局研究"]
    assert [i.row for i in findings(report, "instruction.unknown_level")] == [5]
    assert_every_cell_accounted(tmp_path, ledger, report, rules, year=2025)


def test_follow_up_written_in_the_instruction_column_is_no_instruction_said_once(tmp_path):
    # By hand: 领导批示 超期未办复, 已办结, 正在办理 say how a 批示 was handled and name no leader: no 批示, each
    # said once (instruction.follow_up_only), never as a department head's 批示 (instruction.leader_not_counted)
    # nor a 批示 of no level. 县长王某某：同意 is the one 批示 (县级). 请尽快办结 is a leader's words: one 批示 of
    # no level, and so is 同意，请县民政局研究 (one 批示, not two, and no leader named 请县民政局研究: before, the
    # words were read as the names of leaders, department heads, said as instruction.leader_not_counted).
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["青山县政协2025年社情民意信息报送台账"],
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"],
        [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", "超期未办复"],
        [2, "2025-03-10", "关于规范校外培训机构的建议", "李四", "民进县委", "市政协采用", "已办结"],
        [3, "2025-04-02", "关于改善城区停车难的建议", "王五", "县工商联", "县政协编发", "正在办理"],
        [4, "2025-04-12", "关于加快老旧小区改造的建议", "赵六", "民革县委", "县政协编发", "县长王某某：同意"],
        [5, "2025-04-20", "关于乡村物流的建议", "孙八", "农工党县委", "县政协编发", "请尽快办结"],
        [6, "2025-04-22", "关于农村养老服务的建议", "周九", "九三学社县委", "县政协编发", "同意，请县民政局研究"],
    ]})
    rules, ledger, report = _read(tmp_path)
    t = ledger.instructions.sort_values("item")
    assert list(t["item"]) == [3, 4, 5]
    assert list(t["leader"]) == ["县长王某某", "", ""]
    assert list(t["text"]) == ["同意", "请尽快办结", "同意，请县民政局研究"]
    assert [(i.row, i.column) for i in findings(report, "instruction.follow_up_only")] == [(3, "G"), (4, "G"), (5, "G")]
    assert not findings(report, "instruction.leader_not_counted")
    assert [i.row for i in findings(report, "instruction.unknown_level")] == [7, 8]
    assert_every_cell_accounted(tmp_path, ledger, report, rules, year=2025)


def test_under_instruction_and_follow_up_header_a_status_stays_that_columns_instruction(tmp_path):
    # By hand (README: 领导批示及落实情况 is the 批示 with its follow-up): 已落实 there is one unnamed 批示, as before.
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [
        ["青山县政协2025年社情民意信息报送台账"],
        ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示及落实情况"],
        [1, "2025-03-05", "关于加强农村饮水安全的建议", "张三", "民盟县委", "市政协采用", "已落实"],
    ]})
    rules, ledger, report = _read(tmp_path)
    assert len(ledger.instructions) == 1
    assert not findings(report, "instruction.follow_up_only")


def test_instruction_ledger_rows_with_a_follow_up_or_an_adoption_are_said_once(tmp_path):
    # By hand: the 批示台账 records one 批示 (001 县长王某某). 002 批示领导 已办结 and 004 批示内容 正在办理 say how a
    # 批示 was handled, naming no leader: no 批示, each said once (instruction.follow_up_only, not also
    # link.nothing_recorded); 003 市政协采用 is an adoption in the 批示 column (instruction.is_adoption, as before):
    # no 批示, no adoption. Their 编号 and 标题 cells are accounted by those findings.
    write_xlsx(tmp_path / "报送台账.xlsx", {"2025年": ITEMS})
    write_xlsx(tmp_path / "批示台账.xlsx", {"批示": [
        ["青山县政协2025年领导批示台账"],
        ["编号", "信息标题", "批示领导", "批示内容", "批示时间"],
        ["2025-001", "关于加强农村饮水安全的建议", "县长王某某", "请水利局研究", "2025-04-05"],
        ["2025-002", "关于规范校外培训机构的建议", "已办结", None, None],
        ["2025-003", "关于改善城区停车难的建议", "市政协采用", None, None],
        ["2025-004", "关于加快老旧小区改造的建议", None, "正在办理", None],
    ]})
    rules, ledger, report = _read(tmp_path)
    assert list(ledger.instructions["leader"]) == ["县长王某某"]
    assert ledger.adoptions.empty
    assert [(i.row, i.column) for i in findings(report, "instruction.follow_up_only")] == [(4, "C"), (6, "D")]
    assert [(i.row, i.column) for i in findings(report, "instruction.is_adoption")] == [(5, "C")]
    assert not findings(report, "link.nothing_recorded")
    assert_every_cell_accounted(tmp_path, ledger, report, rules, year=2025)
