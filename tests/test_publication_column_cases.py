"""采用刊物 written the way offices write them: a 刊物 is read as a 刊物, never as a leader's 阅 or as the
office's own bulletin by default.

Every workbook here is written by hand in the test, every answer is worked out by hand from the
default rules (``sqmy rules show``: the office is 示例县政协, its own bulletin 《社情民意》 县级; 稿酬 县级
30.00元, 市级 100.00元, 省级 200.00元, 全国 300.00元, the highest tier only), and every workbook is checked
for the reader's invariant: each non-empty cell is consumed into a record or named in a finding.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx, findings as _codes


def _fen(ledger, year=2025) -> dict[str, int]:
    lines = sq.reward_lines(ledger, year)
    return {k: int(v) for k, v in lines.groupby("beneficiary")["amount_fen"].sum().items()}


def _adoptions(ledger) -> list[tuple]:
    """(author, tier, issue, day) per adoption, in table order; a missing value None."""
    ad, subs = ledger.adoptions, ledger.submissions
    author = dict(zip(subs["item"], subs["author_text"]))
    plain = lambda v: None if pd.isna(v) else v
    return [(author[i], plain(t), None if pd.isna(n) else int(n), None if pd.isna(d) else d.date())
            for i, t, n, d in zip(ad["item"], ad["tier"], ad["issue_no"], ad["date"])]


def test_a_canyue_publication_beside_its_body_is_that_body_s_adoption(tmp_path):
    """采用登记 | 采用单位 | 采用刊物 | 期号 | 采用日期: 省政协 beside 领导参阅 (全国政协 beside 要情参阅) is the 省政协's
    (全国政协's) adoption in that 刊物. 参阅 is one of the rules' read_words (a leader's 阅), and 省政协领导参阅
    read as a leader's 阅 lost the body: with a 期号 it was paid as the office's own bulletin (adoption.issue_only,
    本级), without one it was nothing at all (its 采用日期 cell.orphan)."""
    cases = [("甲", "省政协", "领导参阅", "7"), ("乙", "省政协", "领导参阅", None), ("丙", "全国政协", "要情参阅", "5"),
             ("丁", "省政协", "《领导参阅》", "7"), ("戊", "省政协", "内参", "7")]  # 丁, 戊: read right before
    write_xlsx(tmp_path / "2025年报送台账.xlsx", {"2025年": [["序号", "收稿日期", "信息标题", "作者", "报送单位"]] + [
        [k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", c[0], "民革县委"] for k, c in enumerate(cases, 1)]})
    write_xlsx(tmp_path / "2025年采用登记.xlsx", {"采用登记": [["报送序号", "信息标题", "采用单位", "采用刊物", "期号", "采用日期"]] + [
        [k, f"关于第{k}件事的建议", c[1], c[2], c[3], f"2025-04-{k:02d}"] for k, c in enumerate(cases, 1)]})
    ledger, report = assert_every_cell_accounted(tmp_path)
    assert _adoptions(ledger) == [("甲", "省级", 7, dt.date(2025, 4, 1)), ("乙", "省级", None, dt.date(2025, 4, 2)),
                                  ("丙", "全国", 5, dt.date(2025, 4, 3)), ("丁", "省级", 7, dt.date(2025, 4, 4)),
                                  ("戊", "省级", 7, dt.date(2025, 4, 5))]
    assert not _codes(report, "adoption.issue_only") and not _codes(report, "cell.orphan")
    assert not report.errors
    # 省级 200.00元 = 20000 fen each, 全国 300.00元 = 30000 fen.
    assert _fen(ledger) == {"甲": 20000, "乙": 20000, "丙": 30000, "丁": 20000, "戊": 20000}


def test_a_publication_no_rule_places_with_no_body_is_at_no_level(tmp_path):
    """采用单位 blank, 采用刊物 a name the rules cannot place (领导参阅, 江城参阅, 决策参考) with its 期号: an adoption
    in that 刊物 at no level, said once at the 刊物 cell (adoption.unknown_tier), not counted or paid. It was
    the office's own 县级 bulletin by its 期号 (adoption.issue_only, 已按本级编发计入), 决策参考 said as no adoption
    at all beside it (mark.unknown). The office's own bulletin named alone (社情民意, 《社情民意》) stays 县级."""
    cells = [("领导参阅", "3"), ("江城参阅", "第2期"), ("决策参考", "9"), ("社情民意", "24"), ("《社情民意》", "25")]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用单位", "采用刊物", "期号"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", None, *c] for k, c in enumerate(cells, 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert _adoptions(ledger) == [("作者1号", None, 3, None), ("作者2号", None, 2, None), ("作者3号", None, 9, None),
                                  ("作者4号", "县级", 24, None), ("作者5号", "县级", 25, None)]
    said = [(i.row, i.column) for i in _codes(report, "adoption.unknown_tier")]
    assert said == [(2, "F"), (3, "F"), (4, "F")]
    assert all(name in i.message for name, i in zip(("领导参阅", "江城参阅", "决策参考"), _codes(report, "adoption.unknown_tier")))
    assert not _codes(report, "adoption.issue_only") and not _codes(report, "mark.unknown")
    assert [i.code for i in report.issues if i.row in (2, 3, 4)] == ["adoption.unknown_tier"] * 3
    # Only the two own-bulletin items are paid: 县级 30.00元 = 3000 fen.
    assert _fen(ledger) == {"作者4号": 3000, "作者5号": 3000}


def test_a_named_publication_in_adoption_text_is_said_as_a_publication(tmp_path):
    """采用情况 《领导参阅》第4期 names where the item went, a 刊物 the rules cannot place: adoption.unknown_tier (which
    asks staff to register it in placement), as 《临江政协信息》第9期 already was; it was adoption.no_body, "没有写明
    采用单位(刊物)", though the cell names one. Not counted either way; 《社情民意》第3期 is the office's own."""
    texts = ["《领导参阅》第4期", "《江城参阅》第2期", "《临江要参》第11期", "《临江政协信息》第9期", "《社情民意》第3期"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", t] for k, t in enumerate(texts, 1)]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert _adoptions(ledger) == [("作者1号", None, 4, None), ("作者2号", None, 2, None), ("作者3号", None, 11, None),
                                  ("作者4号", None, 9, None), ("作者5号", "县级", 3, None)]
    said = _codes(report, "adoption.unknown_tier")
    assert [(i.row, i.column) for i in said] == [(2, "E"), (3, "E"), (4, "E"), (5, "E")]
    assert all(t in i.message for t, i in zip(texts, said))
    assert not _codes(report, "adoption.no_body")
    assert _fen(ledger) == {"作者5号": 3000}


def test_adopting_bodies_are_named_without_their_bulletin_and_issue(tmp_path):
    """summary.adopted_by_body names the body written in brackets after its bulletin and issue
    (《每日要情》第45期（省委办公厅） → 省委办公厅), not what is left of the text (第45期(省委办公厅), (市住建局))."""
    texts = ["《每日要情》第45期（省委办公厅）", "《决策参考》第9期（市委办）", "《社情民意转送》（市住建局）", "市政协《社情民意》第3期"]
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"]]
    rows += [[k, f"2025-03-{k:02d}", f"关于第{k}件事的建议", f"作者{k}号", t] for k, t in enumerate(texts, 1)]
    ledger, _ = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert _adoptions(ledger) == [("作者1号", "省级", 45, None), ("作者2号", "市级", 9, None), ("作者3号", "市级", None, None),
                                  ("作者4号", "市级", 3, None)]
    by_body = sq.summary(ledger, 2025).adopted_by_body
    assert by_body == {"县级": {}, "市级": {"市委办": 1, "市住建局": 1, "市政协": 1}, "省级": {"省委办公厅": 1}, "全国": {}}
