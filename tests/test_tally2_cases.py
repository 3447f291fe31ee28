"""A ledger's own figures, as another office keeps them: 小计 written in Chinese numerals (共三条, 五条), a 合计
under the last month's sheet over the whole workbook, and a 汇总 sheet of units (单位 | 报送 | 采用 | 批示 | 稿酬)
beside the month sheets. Where a figure the tool can tie to a set of items disagrees with what it counts, the
figure is said at its cell with both numbers (``row.tally_differs``, ``sheet.tally_sheet_differs``); the tool's
figures stay the items it counts. A figure it cannot tie (a 汇总 of 上半年, of persons, of units no item names;
采用 counts) is not said."""
from __future__ import annotations

import datetime as dt

from conftest import assert_every_cell_accounted, findings, sqmy, write_xlsx

HEADER = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "备注"]
D = dt.date


def _read(path):
    return assert_every_cell_accounted(path, year=2025)


def _said(report, code):
    return [(i.sheet, i.row, i.column, i.message.split(";")[0]) for i in findings(report, code)]


def _month(title, items, *tallies):
    return [[f"江北区政协2025年社情民意信息报送台账（{title}）"], HEADER, *items, *tallies]


JAN = [[1, D(2025, 1, 6), "关于加强农村饮水安全的建议", "张建国", "民盟区委", "市政协采用", None],
       [2, D(2025, 1, 13), "关于规范校外培训机构的建议", "周强", "民进区委", None, None],
       [3, D(2025, 1, 20), "关于改善老旧小区停车难的建议", "李梅", "九三学社区委", "区政协编发", None]]
FEB = [[4, D(2025, 2, 3), "关于加快乡村物流体系建设的建议", "王芳", "民盟区委", "省政协采用", None],
       [5, D(2025, 2, 17), "关于提升基层医疗服务能力的建议", "赵敏", "民盟区委", None, None]]
MAR = [[6, D(2025, 3, 3), "关于治理城区噪声污染的建议", "孙丽", "民进区委", "区政协编发", None],
       [7, D(2025, 3, 10), "关于完善养老服务体系的建议", "钱伟", "九三学社区委", None, None]]


def test_subtotals_written_in_chinese_numerals_are_compared(tmp_path):
    # 1月: rows 3-5, three items, 小计 共三条 = 3: agrees, not said. 2月: rows 3-4, two items, the 小计 says 五条
    # = 5 (the base read no count in it and said nothing): 5 against 2, said at C5. 3月: two items, 小计 两条 = 2
    # agrees; 合计：二十条 = 20 is neither the sheet's 2 nor the workbook's 3 + 2 + 2 = 7: said at A6 with 2.
    path = write_xlsx(tmp_path / "江北区政协台账.xlsx", {
        "1月": _month("1月", JAN, ["小计", None, "共三条", None, None, "采用2条", None]),
        "2月": _month("2月", FEB, ["小计", None, "五条", None, None, "采用1条", None]),
        "3月": _month("3月", MAR, ["小计", None, "两条", None, None, None, None], ["合计：二十条"])})
    ledger, report = _read(path)
    assert len(ledger.submissions) == 7  # the tool's figure, never the tallies'
    assert _said(report, "row.tally_differs") == [
        ("2月", 5, "C", "“小计 五条”写的是 5 条,第3—4行计入统计的信息是 2 条"),
        ("3月", 6, "A", "“合计：二十条”写的是 20 条,第3—5行计入统计的信息是 2 条")]


def test_a_total_under_the_last_month_over_the_whole_workbook_agrees(tmp_path):
    # 合计：7条 under 3月's items counts the workbook's 3 + 2 + 2 = 7 items (1月, 2月, 3月): it agrees with the
    # ledger; the base code compared it with 3月's 2 alone and said it (a false alarm). 合计：6条 on another copy
    # is neither 2 nor 7: said, with the sheet's 2.
    # Its 采用4条 is the workbook's too: 1月 市政协 and 区政协编发, 2月 省政协, 3月 区政协编发 = 4 items adopted (3月
    # alone: 1): not said either.
    sheets = {"1月": _month("1月", JAN), "2月": _month("2月", FEB),
              "3月": _month("3月", MAR, ["合计：7条", None, None, None, None, "采用4条"])}
    _, report = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _said(report, "row.tally_differs") == _said(report, "row.tally_adopted_differs") == []
    sheets["3月"] = _month("3月", MAR, ["合计：6条"])
    _, report = _read(write_xlsx(tmp_path / "b.xlsx", sheets))
    # (3月: title row 1, header row 2, items rows 3-4, the 合计 row 5.)
    assert _said(report, "row.tally_differs") == [("3月", 5, "A", "“合计：6条”写的是 6 条,第3—4行计入统计的信息是 2 条")]


SUMMARY_HEAD = [["江北区政协2025年一季度社情民意信息报送采用情况汇总"], ["单位", "报送", "采用", "批示", "稿酬"]]


def test_a_summary_sheet_per_unit_against_the_month_sheets(tmp_path):
    # Items counted per unit in 1—3月: 民盟区委 rows 1月3, 2月3, 2月4 = 3; 民进区委 1月4, 3月3 = 2; 九三学社区委
    # 1月5, 3月4 = 2; all 7. The 汇总 writes 民盟 3 (agrees), 民进 3 (said at B4: 3 against 2), 九三 2 (agrees),
    # 合计 8 (said at B6: 8 against 7). Its 采用 column (2, 1, 1, 4: items? adoptions? the 区政协编发?) is not
    # compared, nor 批示 or 稿酬; the sheet is still said as a tally sheet, and the figures stay 7 items.
    path = write_xlsx(tmp_path / "江北区政协台账.xlsx", {
        "1月": _month("1月", JAN), "2月": _month("2月", FEB), "3月": _month("3月", MAR),
        "汇总": [*SUMMARY_HEAD, ["民盟区委", 3, 2, 0, 700], ["民进区委", 3, 1, 0, 100], ["九三学社区委", 2, 1, 0, 100],
               ["合计", 8, 9, 0, 900]]})
    ledger, report = _read(path)
    assert len(ledger.submissions) == 7
    assert [i.sheet for i in findings(report, "sheet.tally_sheet")] == ["汇总"]
    assert _said(report, "sheet.tally_sheet_differs") == [
        ("汇总", 4, "B", "汇总表中“民进区委”的报送条数写的是 3 条,本工作簿各工作表1—3月计入统计的该单位信息是 2 条"),
        ("汇总", 6, "B", "汇总表中“合计”的报送条数写的是 8 条,本工作簿各工作表1—3月计入统计的所列各单位信息共 7 条")]
    ran = sqmy("validate", tmp_path, "--format", "json")
    assert ran.stdout.count("sheet.tally_sheet_differs") == 2 and "Traceback" not in ran.stdout + ran.stderr


def test_a_quarter_summary_counts_its_quarter_only(tmp_path):
    # A 汇总 titled 一季度报送情况统计 (序号 | 单位名称 | 报送信息（条） | 采用信息（条）) beside a sheet of the year:
    # 民盟区委 has items on 1-6 and 4-20, one in 一季度; 民进区委 one (1-13). 1 and 1, 合计 2: agree, nothing said;
    # written 2, 1, 3: 民盟 (C3) and the 合计 (C5) said against 1 and 2.
    items = [JAN[0], JAN[1], [3, D(2025, 4, 20), "关于改善老旧小区停车难的建议", "李梅", "民盟区委", None, None]]
    def book(name, mm, total):
        return write_xlsx(tmp_path / name, {"2025年": [HEADER, *items], "统计": [
            ["一季度报送情况统计"], ["序号", "单位名称", "报送信息（条）", "采用信息（条）"],
            [1, "民盟区委", mm, 1], [2, "民进区委", 1, 0], [None, "合计", total, 1]]})
    _, report = _read(book("a.xlsx", 1, 2))
    assert _said(report, "sheet.tally_sheet_differs") == []
    _, report = _read(book("b.xlsx", 2, 3))
    assert _said(report, "sheet.tally_sheet_differs") == [
        ("统计", 3, "C", "汇总表中“民盟区委”的报送条数写的是 2 条,本工作簿各工作表1—3月计入统计的该单位信息是 1 条"),
        ("统计", 5, "C", "汇总表中“合计”的报送条数写的是 3 条,本工作簿各工作表1—3月计入统计的所列各单位信息共 2 条")]


def test_summaries_that_cannot_be_tied_are_not_said(tmp_path):
    # Items: 民盟区委 2 (1-6, 4-20), 民进区委 1. None of these 汇总 is compared: 上半年 (a part of the year no quarter
    # or month gives), a row per person (姓名 | 单位 | 报送条数: units repeat), 界别 (no 单位 column), a unit no item
    # names (其他: nor then the 合计), units as written differently from the items (民盟, 民进). The control, a
    # 汇总 of the year whose units are the items' (民盟区委 5 against 2), is said.
    items = [JAN[0], JAN[1], [3, D(2025, 4, 20), "关于改善老旧小区停车难的建议", "李梅", "民盟区委", None, None]]
    summaries = {
        "half": [["2025年上半年汇总"], ["单位", "报送", "采用"], ["民盟区委", 5, 1], ["民进区委", 1, 0]],
        "persons": [["姓名", "单位", "报送条数"], ["张建国", "民盟区委", 5], ["李梅", "民盟区委", 1]],
        "sectors": [["界别", "报送", "采用"], ["民盟区委", 7, 1]],
        "other": [["单位", "报送", "采用"], ["民盟区委", 2, 1], ["其他", 4, 0], ["合计", 6, 1]],
        "short": [["单位", "报送", "采用"], ["民盟", 5, 1], ["民进", 1, 0], ["合计", 6, 1]]}
    for name, summary in summaries.items():
        _, report = _read(write_xlsx(tmp_path / f"{name}.xlsx", {"2025年": [HEADER, *items], "汇总": summary}))
        assert _said(report, "sheet.tally_sheet_differs") == [], name
    control = [["2025年汇总"], ["单位", "报送", "采用"], ["民盟区委", 5, 1], ["民进区委", 1, 0]]
    _, report = _read(write_xlsx(tmp_path / "control.xlsx", {"2025年": [HEADER, *items], "汇总": control}))
    assert _said(report, "sheet.tally_sheet_differs") == [
        ("汇总", 3, "B", "汇总表中“民盟区委”的报送条数写的是 5 条,本工作簿各工作表计入统计的该单位信息是 2 条")]


ADOPTED = [[1, D(2025, 5, 6), "关于加强农村饮水安全的建议", "张建国", "民盟区委", "区政协编发；市政协采用", None],
           [2, D(2025, 5, 13), "关于规范校外培训机构的建议", "周强", "民进区委", "省政协采用", None],
           [3, D(2025, 5, 20), "关于改善老旧小区停车难的建议", "李梅", "九三学社区委", None, None],
           [4, D(2025, 5, 27), "关于治理城区噪声污染的建议", "孙丽", "民进区委", "区政协编发", None]]


def test_the_adoptions_a_subtotal_writes(tmp_path):
    # Rows 3-6 of 5月 (title row 1, header row 2): row 3 adopted twice (区政协编发, the office's own tier 县级, and
    # 市政协), row 4 once (省政协), row 5 not, row 6 once at the own tier. What 采用N条 may mean here: the items
    # adopted 3, the adoption records 4, the items adopted above the own tier 2 (rows 3, 4), those records 2.
    # 采用3条, 采用4条, 采用：两条 agree (not said); 采用5条 and 采用 | 1 are none of them: said at the cell of the
    # count (F7, and G7 after the word 采用 in F7), with the items adopted 3, 2 of them above, 4 records.
    # A count of one tier (市政协采用1条) or beyond the sheet (累计采用9条) is not compared.
    said = {}
    for name, tally in {"a": [None, "4条", None, None, None, "采用3条"], "b": [None, "4条", None, None, None, "采用4条"],
                        "c": [None, "4条", None, None, None, "采用：两条"], "d": [None, "4条", None, None, None, "采用5条"],
                        "e": [None, "4条", None, None, None, "采用", 1], "f": [None, "4条", None, None, None, "市政协采用1条"],
                        "g": [None, "4条", None, None, None, "累计采用9条"]}.items():
        path = write_xlsx(tmp_path / f"{name}.xlsx", {"5月": _month("5月", ADOPTED, ["小计", *tally])})
        ledger, report = _read(path)
        assert len(ledger.submissions) == 4 and len(ledger.adoptions) == 4
        said[name] = _said(report, "row.tally_adopted_differs")
    detail = "写的是采用 {} 条,第3—6行计入统计的信息中被采用的是 3 条(其中被上级采用的 2 条,采用记录共 4 次)"
    assert said == {"a": [], "b": [], "c": [], "d": [("5月", 7, "G", "“小计 采用5条”" + detail.format(5))],
                    "e": [("5月", 7, "H", "“采用 1”" + detail.format(1))], "f": [], "g": []}
