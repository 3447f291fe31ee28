"""The notes a computation prints about records it dated from their item: a folder of several years read for one
year said "3条采用记录没有采用日期" of adoptions of other years, not saying which."""
from __future__ import annotations

from conftest import sqmy, write_xlsx


def test_undated_adoptions_are_told_by_year(tmp_path):
    head = ["编号", "报送日期", "标题", "作者", "单位", "采用单位", "采用日期"]
    rows = [["东山县政协社情民意信息台账"], head,
            ["A1", "2024-05-01", "关于甲的建议", "张三", "民盟县委", "市政协", None],
            ["A2", "2024-06-01", "关于乙的建议", "李四", "民盟县委", "市政协", None],
            ["A3", "2025-03-01", "关于丙的建议", "王五", "民盟县委", "市政协", None],
            ["A4", "2025-04-01", "关于丁的建议", "赵六", "民盟县委", "市政协", "2025-05-06"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"台账": rows})
    ran = sqmy("compute", "summary", path, "--year", 2025)
    # By hand: three adoptions have no date, two of 2024's items and one of 2025's.
    assert "3条采用记录没有采用日期（2024年2条、2025年1条），按该信息的收稿日期计入期间" in ran.stderr, ran.stderr
