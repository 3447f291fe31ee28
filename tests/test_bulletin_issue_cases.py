"""A 专报 written under the own bulletin's 期号 column (县政协编发期号 | 专报第7期) is the office's 专报, counted apart
from its bulletin: it was counted as 《社情民意》第7期 (编发期数 one too many, 本级编发 one too many), unsaid."""
from __future__ import annotations

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx


def test_a_zhuanbao_under_the_bulletin_s_issue_column_is_a_zhuanbao(tmp_path):
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "县政协编发期号", "采用情况"],
            [1, "2025-01-05", "关于甲的建议", "张三", "民盟临江县委", "第1期", ""],
            [2, "2025-02-07", "关于乙的建议", "王五", "县卫健局", "第2期", ""],
            [3, "2025-05-11", "关于丙的建议", "周九", "县教育局", "专报第7期", ""],
            [4, "2025-05-12", "关于丁的建议", "吴十", "县教育局", "", "县政协专报第8期"],
            [5, "2025-05-13", "关于戊的建议", "郑一", "县教育局", "", "县政协《社情民意》第3期"]]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    s = sq.summary(ledger, 2025)
    # By hand: the bulletin 《社情民意》 carried 甲 (第1期), 乙 (第2期), 戊 (第3期): 3 items in 3 issues; 丙 and 丁
    # went as the office's 专报 (第7期, 第8期 of the 专报): 专报 2.
    assert (s.published, s.issues) == (3, 3)
    assert s.routing["专报"] == 2


def test_issues_written_with_their_year_under_an_issue_column(tmp_path):
    # 〔2025〕3号 (the bulletin numbered as a 文号) was mark.unknown, the adoption not counted (¥30 unpaid); 2025-4
    # under the same 期号 column was read as April (date.month_only, "请补写日"). By hand: issues 3, 3, 4, 5 of the
    # own bulletin — 4 items published in 3 issues, each author ¥30, nothing to say.
    rows = [["序号", "报送日期", "信息标题", "作者", "单位", "县政协编发期号"],
            [1, "2025-03-01", "关于甲的建议", "张三", "县教育局", "〔2025〕3"],
            [2, "2025-03-02", "关于乙的建议", "李四", "县教育局", "〔2025〕3号"],
            [3, "2025-04-03", "关于丙的建议", "王五", "县教育局", "2025-4"],
            [4, "2025-05-04", "关于丁的建议", "赵六", "县教育局", "（2025）5号"]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    s = sq.summary(ledger, 2025)
    assert (s.published, s.issues) == (4, 3)
    assert sorted(ledger.adoptions["issue_no"].astype(int)) == [3, 3, 4, 5]
    assert {i.code for i in report.issues} & {"mark.unknown", "date.month_only", "issue.unknown"} == set()
