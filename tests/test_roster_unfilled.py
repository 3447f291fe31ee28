"""The blank 名册.xlsx that ``sqmy init`` writes, before staff fill it in: a warning that it is still to be
filled in (roster.unfilled), not an unreadable input (exit 2) at the office's first run."""
from __future__ import annotations

import subprocess
import sys

from conftest import office_with_one_item


def test_the_roster_sqmy_init_wrote_is_said_unfilled_not_unreadable(tmp_path):
    office = office_with_one_item(tmp_path / "白沙区政协", 2025, ["编号", "收稿日期", "标题", "作者", "单位"],
                                  ["BS2025-010", "2025-06-03", "关于加快白沙河沿岸生态修复的建议", "陈立新", "民盟白沙区委"])
    run = subprocess.run([sys.executable, "-m", "sqmy_lib", "validate", str(office)], capture_output=True, text=True)
    # Before: 错误 [roster.not_found] and exit 2, as if an input could not be read.
    assert run.returncode == 0, run.stdout + run.stderr
    assert "[roster.unfilled]" in run.stdout and "还没有填写人员或单位" in run.stdout
    assert "roster.not_found" not in run.stdout and "错误 0 条" in run.stdout
