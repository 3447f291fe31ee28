"""Two leaders' 批示 joined by a comma (县委书记李某某：同意，县长王某某：请教育局落实) cannot be told from one
leader addressing a colleague by post and name after a comma: it stays one 批示, and is said at its cell,
so staff can split it; a colleague addressed by surname (张副县长：) or with 请 is not said.

Workbooks written by hand; answers worked out by hand; every non-empty cell read or named.
"""
from __future__ import annotations

from conftest import assert_every_cell_accounted, write_xlsx

HEADER = ["序号", "信息标题", "作者", "单位", "报送日期", "采用情况", "领导批示"]
CELLS = ["县委书记李某某：同意，县长王某某：请教育局落实",  # two leaders? one 批示, said
         "县长王某某：同意，张副县长：请牵头研究",  # a colleague addressed by surname: not said
         "县委书记李某某：很好，请王县长：阅处",  # addressed with 请: not said
         "县委书记李某某：同意。县长王某某：请教育局落实。"]  # two, a full stop between: not said


def test_a_second_leader_after_a_comma_is_said(tmp_path):
    rows = [["示例县政协2025年社情民意信息报送台账"], HEADER]
    rows += [[k, f"关于第{k}件事的建议", f"作者{k}号", "民革县委", f"2025-03-{k:02d}", "县政协编发", c]
             for k, c in enumerate(CELLS, 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    per_row = ledger.instructions.groupby("row").size().to_dict()
    assert per_row == {3: 1, 4: 1, 5: 1, 6: 2}  # by hand: one 批示 each on rows 3–5, two on row 6
    said = [(i.row, i.column) for i in report.issues if i.code == "instruction.second_after_comma"]
    assert said == [(3, "G")]  # before: nothing said anywhere
    (issue,) = [i for i in report.issues if i.code == "instruction.second_after_comma"]
    assert "县长王某某" in issue.message and "按一件批示计入" in issue.message
