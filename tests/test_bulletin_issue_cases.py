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
