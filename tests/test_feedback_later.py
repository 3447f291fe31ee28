"""A feedback letter says an item's adoption recorded after its period, not 暂未采用.

The 2025 letters, written on 1 March 2026 from a 台账 that records an item of 22 December 2025 adopted
by the 县政协 on 8 January 2026: the unit used to read 暂未采用 with no word of the adoption."""
import datetime as dt

import sqmy_lib as sq
from sqmy_lib.compute.feedback import build_feedback
from sqmy_lib.render.feedback import write_feedback_outputs

from conftest import write_xlsx
from test_feedback import item_rows, read_letter

HEAD = ["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]


def _letters(tmp_path, today: dt.date):
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"台账": [HEAD,
        ["S1", dt.datetime(2025, 11, 5), "关于农村道路养护的建议", "刘建国", "城关镇政协工委", "2025.11.20", None],
        ["S2", dt.datetime(2025, 12, 22), "关于冬季燃气安全的建议", "刘建国", "城关镇政协工委", "2026.1.8", "2026.3.20"],
        ["S3", dt.datetime(2025, 12, 23), "关于集贸市场消防的建议", "刘建国", "城关镇政协工委", None, None]]})
    fb = build_feedback(sq.read_ledgers(str(ledger), year=2025), 2025, today=today)
    paths = write_feedback_outputs(fb, tmp_path / "out", date=str(today))
    return {k: item_rows(read_letter(v)[1]) for k, v in paths.items() if v.suffix == ".docx"}


def test_an_adoption_after_the_year_is_said_with_its_day(tmp_path):
    rows = {r[1]: r[4] for r in _letters(tmp_path, dt.date(2026, 3, 1))["单位:城关镇政协工委"]}
    # By hand: S1 adopted in the year; S2 adopted on 8 January 2026 (by 1 March; 市政协 on 20 March is
    # after the letter's day, not yet known); S3 never.
    assert rows["关于农村道路养护的建议"] == "县政协编发(11月20日)"
    assert rows["关于冬季燃气安全的建议"] == "暂未采用;其后:县政协编发(2026年1月8日),计入采用当期统计"
    assert rows["关于集贸市场消防的建议"] == "暂未采用"


def test_adoptions_after_the_letters_day_are_not_said(tmp_path):
    rows = {r[1]: r[4] for r in _letters(tmp_path, dt.date(2026, 1, 5))["单位:城关镇政协工委"]}
    assert rows["关于冬季燃气安全的建议"] == "暂未采用"
