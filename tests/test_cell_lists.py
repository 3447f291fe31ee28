"""Cells that list several things: adoptions numbered in one 采用情况 cell (1. 省政协采用 2. 市政协采用), leaders
numbered in one 批示 cell, issues a line each in a 期数 cell beside bodies a line each, and a totals row
written 共5条 under the items.

Every workbook is written by hand in the test, every answer worked out by hand, and every workbook
checked for the reader's invariant: each non-empty cell is read into a record or named in a finding.
"""
from __future__ import annotations



import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx
from test_reader_cases import _adopted

TITLE = "2025年度社情民意信息报送采用登记表"


def _codes(report, prefix: str) -> list[tuple[str, int, str]]:
    return [(i.code, i.row, i.column) for i in report.issues if i.code.startswith(prefix)]


def _paid_fen(ledger, year=2025) -> dict[str, int]:
    return sq.reward_lines(ledger, year).groupby("beneficiary")["amount_fen"].sum().to_dict()


def _tiers(ledger) -> dict[str, int]:
    return ledger.adoptions["tier"].astype(str).value_counts().to_dict()


# ---------------------------------------------------------------- numbered lists in one cell

def test_adoptions_numbered_on_one_line_are_each_read(tmp_path):
    """1. 省政协采用 2. 市政协采用 typed on one line (no Alt+Enter) is two adoptions, as 1.省政协采用 2.市政协采用
    and 1、…；2、… are: read whole it was one body (市政协), the 省政协 adoption lost with no finding and the
    reward 市级's. The same with the items glued (1.省政协采用2.市政协采用) or circled (①…②…), and a 批示
    cell numbered the same way names its leaders without the numbers."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示"],
            [1, "2025-03-02", "关于规范网约车管理的建议", "张三", "1. 省政协采用 2. 市政协采用", None],
            [2, "2025-03-03", "关于加强校园周边交通安全的建议", "李四", "1. 县政协编发 2. 市政协采用",
             "1. 副省长李某某批示 2. 市长周某某批示"],
            [3, "2025-03-04", "关于整治农村人居环境的建议", "王五", "县政协编发 2. 市政协采用", None],
            [4, "2025-03-05", "关于老旧小区加装电梯的建议", "赵六", "1.省政协采用2.市政协采用", None],
            [5, "2025-03-06", "关于规范校外培训机构收费的建议", "孙七", "①县政协编发②省政协采用", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"一季度": rows}))
    assert _adopted(ledger) == [(0, "省级"), (0, "市级"), (1, "县级"), (1, "市级"), (2, "县级"), (2, "市级"),
                                (3, "省级"), (3, "市级"), (4, "县级"), (4, "省级")]
    assert _tiers(ledger) == {"县级": 3, "市级": 4, "省级": 3}
    # Two 批示 on 李四's item, each leader as written after the number.
    assert list(zip(ledger.instructions["item"], ledger.instructions["leader"])) == [(1, "副省长李某某"), (1, "市长周某某")]
    # The highest tier pays (省级 200.00, 市级 100.00); a 批示 doubles it (李四: 100.00 × 2).
    assert _paid_fen(ledger) == {"张三": 20000, "李四": 20000, "王五": 10000, "赵六": 20000, "孙七": 20000}
    assert _codes(report, "mark.") == [] and _codes(report, "adoption.") == [] and _codes(report, "instruction.") == []


def test_list_numbers_on_their_own_lines_are_no_marks(tmp_path):
    """1、市政协采用⏎2、省政协采用: both adoptions were read, but the 2 (and the 3 of a third line) was a mark no
    one could judge (mark.unknown). The numbers are the list's, said by nothing. A 批示领导 cell 1、副省长李某某⏎
    2、市长周某某 names two leaders, not four (1, 副省长李某某, 2, 市长周某某)."""
    rows = [[TITLE], ["序号", "收稿日期", "信息标题", "作者", "采用情况", "批示领导"],
            [1, "2025-04-01", "关于规范网约车管理的建议", "张三", "1、市政协采用\n2、省政协采用", None],
            [2, "2025-04-02", "关于加强校园周边交通安全的建议", "李四", "1、县政协编发\n2、市政协采用\n3、省政协采用",
             "1、副省长李某某\n2、市长周某某"],
            [3, "2025-04-03", "关于整治农村人居环境的建议", "王五", "(1)县政协编发\n(2)市政协采用", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"二季度": rows}))
    assert _adopted(ledger) == [(0, "市级"), (0, "省级"), (1, "县级"), (1, "市级"), (1, "省级"), (2, "县级"), (2, "市级")]
    assert list(ledger.instructions["leader"]) == ["副省长李某某", "市长周某某"]
    # 张三 省级 200.00; 李四 省级 200.00 × 2 (批示); 王五 市级 100.00.
    assert _paid_fen(ledger) == {"张三": 20000, "李四": 40000, "王五": 10000}
    assert _codes(report, "mark.") == []


# ---------------------------------------------------------------- issues a line each

def test_issues_a_line_each_go_to_the_bodies_a_line_each(tmp_path):
    """采用情况 (采用单位 | 期数 | 采用时间) with 县政协⏎市政协 | 6⏎12 | 2025.5.20⏎2025.6.3: issue 6 is the 县政协's and
    12 the 市政协's, as the days are paired (read as one number, 612 was the 县政协's issue, the 市政协's none,
    no finding, and 编发期数 counted an issue 612). 市政协⏎省政协 | 8⏎2: 8 and 2 (was 82, 'kept on 市政协').
    Issues that line up with nothing (6 12 on one line, or two lines beside one adoption) are never
    joined into one number: said (issue.several), unread."""
    rows = [[TITLE],
            ["序号", "收稿日期", "信息标题", "作者", "采用情况", None, None],
            [None, None, None, None, "采用单位", "期数", "采用时间"],
            [1, "2025-05-11", "关于整治农村人居环境的建议", "张三", "县政协\n市政协", "6\n12", "2025.5.20\n2025.6.3"],
            [2, "2025-05-12", "关于规范校外培训机构收费的建议", "李四", "县政协", 6, "2025-05-25"],
            [3, "2025-05-13", "关于老旧小区加装电梯的建议", "王五", "市政协\n省政协", "8\n2", "2025.5.20\n2025.6.3"],
            [4, "2025-05-14", "关于加强农村饮水安全保障的建议", "赵六", "县政协\n市政协", "6 12", "2025.5.21\n2025.6.4"],
            [5, "2025-05-15", "关于规范网约车管理的建议", "孙七", "县政协", "3\n4", "2025-05-26"]]
    merges = {"二季度": ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2"]}
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "登记表.xlsx", {"二季度": rows}, merges))
    assert [(item, tier, issue, str(day)) for item, tier, issue, day in _adopted(ledger, "issue_no", "date")] == [
        (0, "县级", 6, "2025-05-20"), (0, "市级", 12, "2025-06-03"), (1, "县级", 6, "2025-05-25"),
        (2, "市级", 8, "2025-05-20"), (2, "省级", 2, "2025-06-03"),
        (3, "县级", None, "2025-05-21"), (3, "市级", None, "2025-06-04"), (4, "县级", None, "2025-05-26")]
    assert _codes(report, "issue.") == [("issue.several", 7, "F"), ("issue.several", 8, "F")]
    # 编发期数: the county's own issues 6 (张三's and 李四's items); 3 and 4 unread.
    assert sq.summary(ledger, 2025).issues == 1
    # 张三 市级 100.00, 李四 县级 30.00, 王五 省级 200.00, 赵六 市级 100.00, 孙七 县级 30.00.
    assert _paid_fen(ledger) == {"张三": 10000, "李四": 3000, "王五": 20000, "赵六": 10000, "孙七": 3000}


# ---------------------------------------------------------------- totals rows

def test_a_totals_row_written_gong_and_a_count_is_set_aside(tmp_path):
    """共5条 in the title column over the counts under the tier columns (5 | 2) is a totals row, as 合计 is:
    read as an item it was two errors (date.missing, author.missing) and a unit finding. Titles that
    begin with 共 (共建共享…, 共同富裕…, 共享单车乱停放) are items."""
    header = [["序号", "收稿日期", "信息标题", "作者", "采用情况", None], [None, None, None, None, "县政协编发", "市政协"]]
    q1 = [[TITLE], *header,
          [1, "2025-02-03", "共建共享美丽乡村的建议", "张三", "√", "√"],
          [2, "2025-02-04", "共同富裕示范区建设中的几点建议", "李四", "√", "√"],
          [3, "2025-02-05", "共享单车乱停放", "王五", "√", None],
          [4, "2025-02-06", "关于规范网约车管理的建议", "赵六", "√", None],
          [5, "2025-02-07", "关于加强校园周边交通安全的建议", "孙七", "√", None],
          [None, None, "共5条", None, 5, 2]]
    q2 = [[TITLE], *header,
          [1, "2025-05-03", "关于整治农村人居环境的建议", "周八", "√", "√"],
          [2, "2025-05-04", "关于老旧小区加装电梯的建议", "吴九", "√", None],
          [None, None, "共 2 篇", None, 2, 1]]
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "登记表.xlsx", {"一季度": q1, "二季度": q2},
                                                            {"一季度": merges, "二季度": merges}))
    assert list(ledger.submissions["title"]) == ["共建共享美丽乡村的建议", "共同富裕示范区建设中的几点建议", "共享单车乱停放",
                                                 "关于规范网约车管理的建议", "关于加强校园周边交通安全的建议",
                                                 "关于整治农村人居环境的建议", "关于老旧小区加装电梯的建议"]
    assert _tiers(ledger) == {"县级": 7, "市级": 3}
    assert [i for i in report.issues if i.severity == "error"] == []
    assert [i.code for i in report.issues if (i.sheet, i.row) in (("一季度", 9), ("二季度", 6))] == []  # nothing at the totals rows
    # 县级 30.00 each, 市级 100.00 (the highest tier pays).
    assert _paid_fen(ledger) == {"张三": 10000, "李四": 10000, "王五": 3000, "赵六": 3000, "孙七": 3000,
                                 "周八": 10000, "吴九": 3000}
