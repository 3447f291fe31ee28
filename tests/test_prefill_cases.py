"""A 采用台账 filled in ahead: staff copy each item's 编号, 标题 and 作者 into it (typed, or as formulas
``=报送!C2``) and write the 采用单位, 期号 and 采用日期 when an adoption comes. A row with every cell of
the adoption blank records nothing: said as such (info), never an adoption "by no body" (an error
that left the row out and told staff it was marked adopted)."""
import datetime as dt

import xlsxwriter

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings

TITLES = ["关于加强农村养老服务的建议", "关于改善城区停车难问题的建议", "关于河道治理的几点建议", "关于规范网约车管理的建议"]


def _ledger(path, fourth_adopted_on=None):
    wb = xlsxwriter.Workbook(str(path))
    items, adopted = wb.add_worksheet("报送"), wb.add_worksheet("采用")
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    items.write_row(0, 0, ["编号", "收稿日期", "信息标题", "作者", "单位"])
    for k, title in enumerate(TITLES, 1):
        items.write(k, 0, f"2025-{k:03d}")
        items.write_datetime(k, 1, dt.datetime(2025, k, 3), day)
        items.write_row(k, 2, [title, "张三", "民革县委"])
    adopted.write_row(0, 0, ["编号", "信息标题", "作者", "采用单位", "期号", "采用日期"])
    for k in (1, 2, 3):  # pulled from the 报送 sheet by formulas, their values stored as Excel stores them
        adopted.write_formula(k, 0, f"=报送!A{k + 1}", None, f"2025-{k:03d}")
        adopted.write_formula(k, 1, f"=报送!C{k + 1}", None, TITLES[k - 1])
        adopted.write_formula(k, 2, f"=报送!D{k + 1}", None, "张三")
    adopted.write_row(4, 0, ["2025-004", TITLES[3], "张三"])  # typed ahead
    adopted.write_row(1, 3, ["市政协", "第3期"])
    adopted.write_datetime(1, 5, dt.datetime(2025, 2, 1), day)
    if fourth_adopted_on:
        adopted.write_datetime(4, 5, fourth_adopted_on, day)
    wb.close()
    return path


def test_rows_filled_in_ahead_record_nothing_and_say_so(tmp_path):
    path = _ledger(tmp_path / "台账.xlsx")
    ledger, report = assert_every_cell_accounted(path, year=2025)
    # By hand: 4 items; one adoption, 市政协 第3期 (市级), of 2025-001; rows 3, 4 and 5 of 采用 record nothing.
    assert len(ledger.submissions) == 4
    assert list(ledger.adoptions["tier"]) == ["市级"] and list(ledger.adoptions["issue_no"]) == [3]
    assert not findings(report, "adoption.no_body")
    said = findings(report, "link.nothing_recorded")
    assert sorted(f.row for f in said) == [3, 4, 5]
    assert not [f for f in report.issues if f.severity == "error"]
    summary = sq.summary(ledger, 2025)
    assert summary.adopted == 1 and summary.submitted == 4


def test_a_row_with_its_adoption_day_but_no_body_is_still_an_adoption_by_no_body(tmp_path):
    # 采用日期 written: adopted, by whom not written — an error at the row, as before.
    path = _ledger(tmp_path / "台账.xlsx", fourth_adopted_on=dt.datetime(2025, 5, 9))
    _, report = assert_every_cell_accounted(path, year=2025)
    assert [f.row for f in findings(report, "adoption.no_body")] == [5]
