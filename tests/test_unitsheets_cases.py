"""Ledgers kept per submitter: one sheet per 报送单位 (the unit in the sheet's name only, or a 单位 column with
cells left blank), one sheet per 界别组 whose 所在单位 column holds the authors' own work units, one workbook per
unit gathered in a folder with a 汇总 file of totals per unit typed by staff. Each figure below is worked out by
hand from the rules shipped for 2025 (示例县政协: 民主党派 3 items a quarter, 界别组 2; points 1 a submission,
县级 3, 市级 10, 省级 20; 稿酬 县级 30, 市级 100, 省级 200 yuan)."""
from __future__ import annotations

import datetime as dt

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, write_xlsx

D = dt.date


def _units(ledger, year=2025) -> dict[str, tuple[int, int, int, bool]]:
    """unit → (报送, 采用, 积分, 零报送) for every unit listed."""
    units = sq.units(ledger, year)
    return {u: (int(n), int(a), int(p), bool(z)) for u, n, a, p, z in
            zip(units["unit"], units["submitted"], units["adopted"], units["points"], units["no_submission"])}


def _roster(tmp_path, people, units):
    return write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期"], *people],
        "单位": [["单位名称", "单位类型", "备注"], *units]})


def _two_unit_sheets():
    head = ["序号", "报送日期", "信息标题", "报送人", "采用情况"]
    return {"民革": [["民革示例县委2025年社情民意信息"], head,
                   [1, D(2025, 1, 15), "关于加强农村饮水安全保障的建议", "张伟", None],
                   [2, D(2025, 3, 10), "关于规范校外培训机构收费的建议", "张伟", None]],
            "民盟": [["民盟示例县委2025年社情民意信息"], head, [1, D(2025, 2, 1), "关于完善农村养老服务的建议", "赵敏", None]]}


def test_a_summary_sheet_with_a_number_column_and_its_total_there_is_compared(tmp_path):
    # A 汇总 sheet beside the unit sheets (序号 | 单位 | 报送 | 备注 under the title 2025年各单位报送情况汇总), its 合计
    # in the 序号 column (A5:B5 merged). Items: 民革 2, 民盟 1 = 3; the 汇总 writes 民革 2, 民盟 1 (agree) and 合计 4:
    # said at C5 with 3. The base code took the sheet for no tally (the 序号 numbers before each unit's name) and
    # warned it was an unrecognised ledger (sheet.unrecognised: "如是台账,请补齐表头"), comparing nothing.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"], ["赵敏", "委员", "民盟示例县委"]],
                     [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"]])
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {
        **_two_unit_sheets(),
        "汇总": [["2025年各单位报送情况汇总"], ["序号", "单位", "报送", "备注"], [1, "民革示例县委", 2, None],
               [2, "民盟示例县委", 1, None], ["合计", None, 4, None]]},
        merges={"汇总": ["A5:B5"]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.sheet, i.row, i.column) for i in said] == [("汇总", 5, "C")]
    assert "写的是 4 条" in said[0].message and "共 3 条" in said[0].message
    assert not findings(report, "sheet.unrecognised")


def test_a_summary_sheet_under_a_title_naming_its_units_is_compared(tmp_path):
    # 单位 | 报送 under the title 各单位报送情况汇总 (a title the header words read as a 单位 label). The 汇总 writes
    # 民革 3 where the 民革 sheet has 2 items: said at B3 with 2. The base code took the title for the labels (a
    # 单位 label, no 报送 one) and compared nothing.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"], ["赵敏", "委员", "民盟示例县委"]],
                     [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"]])
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {
        **_two_unit_sheets(),
        "汇总": [["2025年各单位报送情况汇总"], ["单位", "报送"], ["民革示例县委", 3], ["民盟示例县委", 1]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.sheet, i.row, i.column) for i in said] == [("汇总", 3, "B")]
    assert "写的是 3 条" in said[0].message and "是 2 条" in said[0].message


def test_a_summary_per_unit_and_quarter_is_set_against_the_rows_by_its_year_total(tmp_path):
    # 序号 | 单位 | 一季度 | 二季度 | 三季度 | 四季度 | 全年合计 | 采用, no column labelled 报送. Items: 民革 2 (1月, 3月),
    # 民盟 1 (2月) = 3. Its 全年合计 writes 民革 2 (agrees), 民盟 2 (said at G4 with 1), 合计 4 (said at G5 with 3).
    # The base code found no 报送 column and compared nothing.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"], ["赵敏", "委员", "民盟示例县委"]],
                     [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"]])
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {
        **_two_unit_sheets(),
        "汇总": [["2025年各单位社情民意信息报送情况汇总"], ["序号", "单位", "一季度", "二季度", "三季度", "四季度", "全年合计", "采用"],
               [1, "民革示例县委", 2, 0, 0, 0, 2, 0], [2, "民盟示例县委", 2, 0, 0, 0, 2, 0], ["合计", None, 4, 0, 0, 0, 4, 0]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.sheet, i.row, i.column) for i in said] == [("汇总", 4, "G"), ("汇总", 5, "G")]
    assert "写的是 2 条" in said[0].message and "是 1 条" in said[0].message
    assert "写的是 4 条" in said[1].message and "共 3 条" in said[1].message
    # The same 汇总 titled as one of adoptions (各单位信息采用情况汇总): its totals may count adoptions; not compared.
    path = write_xlsx(tmp_path / "b.xlsx", {
        **_two_unit_sheets(),
        "汇总": [["2025年各单位信息采用情况汇总"], ["单位", "一季度", "二季度", "三季度", "四季度", "合计"],
               ["民革示例县委", 0, 0, 0, 0, 0], ["民盟示例县委", 0, 0, 0, 0, 0]]})
    _, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert not findings(report, "sheet.tally_sheet_differs")
