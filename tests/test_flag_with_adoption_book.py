"""A 报送台账 whose 是否采用 column says whether each item was adopted, beside a 采用台账 (another sheet,
or another workbook) that records each adoption with its body, issue and day, linked by 编号.

The 是否采用 is read against the 采用台账 once the rows are linked: a yes (是, √, an Excel checkbox
TRUE) confirms the adoption recorded there (no error, nothing left out, counted once); a yes with no
record anywhere is an adoption whose body is unknown (an error at the flag); a no beside a record is said
at the flag. Every workbook is written by hand, every answer worked out by hand, every cell accounted for.
"""
from __future__ import annotations

import datetime as dt

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

HEAD = ["编号", "收稿日期", "信息标题", "报送人", "单位", "是否采用"]
ADOPTION_HEAD = ["编号", "信息标题", "报送人", "采用单位", "期号", "采用日期"]
# QH001 adopted by the office itself (县政协 第2期, 2025-01-20): one 县级 adoption, 30 yuan to 张伟.
QH001_ADOPTED = ["QH001", "关于加强农村电网改造的建议", "张伟", "县政协", "第2期", dt.date(2025, 1, 20)]


def _items(first_flag, second_flag):
    return [HEAD,
            ["QH001", dt.date(2025, 1, 9), "关于加强农村电网改造的建议", "张伟", "民革县委", first_flag],
            ["QH002", dt.date(2025, 2, 9), "关于规范网约车管理的建议", "李娜", "民盟县委", second_flag]]


def _read(path):
    return assert_every_cell_accounted(path, year=2025)


def _fen(ledger) -> dict[str, int]:
    lines = sq.reward_lines(ledger, 2025)
    return {k: int(v) for k, v in lines.groupby("beneficiary")["amount_fen"].sum().items()}


def _found(report) -> list[tuple]:
    return [(i.code, i.sheet, f"{i.column}{i.row}") for i in report.issues]


@pytest.mark.parametrize("yes, no", [("是", "否"), ("√", None), (True, False)])
def test_a_yes_in_the_flag_confirms_the_adoption_its_sheet_records(tmp_path, yes, no):
    # 报送台账 F2 says QH001 was adopted, the 采用台账 of the same workbook says by whom: one adoption,
    # 县级, paid 3000 fen to 张伟; no finding at all (QH002's 否 / FALSE / blank: not adopted, nothing to say).
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": _items(yes, no), "采用台账": [ADOPTION_HEAD, QH001_ADOPTED]})
    ledger, report = _read(path)
    assert _found(report) == []
    assert len(ledger.adoptions) == 1
    assert sq.summary(ledger, 2025).adopted_by_tier == {"县级": 1, "市级": 0, "省级": 0, "全国": 0}
    assert _fen(ledger) == {"张伟": 3000}
    result = sqmy("validate", tmp_path, "--year", "2025")
    assert result.returncode == 0, result.stdout
    assert "adoption.no_body" not in result.stdout
    rewards = sqmy("compute", "rewards", tmp_path, "--year", "2025")
    assert rewards.returncode == 0 and "未计入" not in rewards.stdout + rewards.stderr


def test_a_yes_confirms_the_adoption_another_workbook_records(tmp_path):
    # The 采用台账 kept as a workbook of its own in the same folder: the flag is resolved after linking.
    write_xlsx(tmp_path / "报送台账.xlsx", {"报送台账": _items(True, False)})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用台账": [ADOPTION_HEAD, QH001_ADOPTED]})
    ledger, report = _read(tmp_path)
    assert _found(report) == []
    assert sq.summary(ledger, 2025).adopted_by_tier["县级"] == 1
    assert _fen(ledger) == {"张伟": 3000}
    assert sqmy("validate", tmp_path, "--year", "2025").returncode == 0


def test_a_yes_with_no_record_anywhere_is_still_an_adoption_by_no_one_known(tmp_path):
    # QH002's 是 at F3 has no 采用台账 row (the sheet records QH001 only): adopted, by whom not written: the
    # error stays at its flag, and it is left out (nothing paid for it); QH001 as above, 3000 fen.
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": _items("是", "是"), "采用台账": [ADOPTION_HEAD, QH001_ADOPTED]})
    ledger, report = _read(path)
    assert _found(report) == [("adoption.no_body", "报送台账", "F3")]
    assert sq.summary(ledger, 2025).adopted_by_tier["县级"] == 1
    assert _fen(ledger) == {"张伟": 3000}
    result = sqmy("validate", tmp_path, "--year", "2025")
    assert result.returncode == 1 and "[adoption.no_body]" in result.stdout


@pytest.mark.parametrize("no", ["否", False, "待定"])
def test_a_no_in_the_flag_beside_a_recorded_adoption_is_said_at_the_flag(tmp_path, no):
    # F2 says QH001 was not adopted, the 采用台账's row 2 records its adoption: counted as recorded
    # (县级 1, 3000 fen), the disagreement a warning at F2 naming the row; exit 0 (a warning).
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": _items(no, "否"), "采用台账": [ADOPTION_HEAD, QH001_ADOPTED]})
    ledger, report = _read(path)
    assert _found(report) == [("mark.flag_conflict", "报送台账", "F2")]
    (issue,) = report.issues
    shown = "否" if no is False else no
    assert issue.severity == "warning"
    assert f"“是否采用”填的是“{shown}”" in issue.message and "台账.xlsx!采用台账!第2行" in issue.message
    assert sq.summary(ledger, 2025).adopted_by_tier["县级"] == 1
    assert _fen(ledger) == {"张伟": 3000}
    assert sqmy("validate", tmp_path, "--year", "2025").returncode == 0


def test_a_no_beside_two_recorded_adoptions_names_the_first_and_counts_both(tmp_path):
    # QH001 adopted by 县政协 (第2期, 1月20日) and 市政协 (第5期, 3月3日) in the 采用台账, 否 in its flag: one
    # warning at F2 naming row 2 and the two records; 县级 1 + 市级 1; paid by the item's highest tier
    # (domain.md: rewards tier_mode highest): 市级 ¥100 = 10000 fen to 张伟, not 3000 + 10000.
    city = ["QH001", "关于加强农村电网改造的建议", "张伟", "市政协", "第5期", dt.date(2025, 3, 3)]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": _items("否", "否"), "采用台账": [ADOPTION_HEAD, QH001_ADOPTED, city]})
    ledger, report = _read(path)
    assert _found(report) == [("mark.flag_conflict", "报送台账", "F2")]
    assert "台账.xlsx!采用台账!第2行 等 2 条" in report.issues[0].message
    tiers = sq.summary(ledger, 2025).adopted_by_tier
    assert (tiers["县级"], tiers["市级"]) == (1, 1)
    assert _fen(ledger) == {"张伟": 10000}


def test_the_flag_and_the_record_on_one_row_still_disagree_there(tmp_path):
    # The combined layout (采用单位 beside 是否采用 on the item's row): 否 beside 县政协 第2期 is said as before,
    # now naming the row's own records (本行 1 条); counted, 3000 fen.
    rows = [["编号", "收稿日期", "信息标题", "报送人", "是否采用", "采用单位", "期号"],
            ["QH001", dt.date(2025, 1, 9), "关于加强农村电网改造的建议", "张伟", "否", "县政协", "第2期"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"报送台账": rows})
    ledger, report = _read(path)
    assert _found(report) == [("mark.flag_conflict", "报送台账", "E2")]
    assert "(本行 1 条)" in report.issues[0].message
    assert _fen(ledger) == {"张伟": 3000}
