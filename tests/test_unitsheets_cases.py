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


def _unit_book(path, title, filed_by, head, rows):
    return write_xlsx(path, {"Sheet1": [[title], [f"填报单位：{filed_by}", None, None, "填报日期：2026年1月5日"], head, *rows]})


def test_a_summary_file_beside_the_units_own_workbooks_is_set_against_them(tmp_path):
    # A folder of one workbook per unit (each its own title and header) and a 汇总 file of totals per unit typed by
    # staff, its 合计 written in the 序号 column. By hand: 民盟 3 items, 2 adopted (汇总 3 | 2: agrees); 民革 2 items,
    # 1 adopted (汇总 3 | 1: 报送 differs, said at C4); 县工商联 2 items, 1 adopted (2 | 1: agrees); 合计 7 items,
    # 4 adopted (汇总 8 | 4: 报送 differs, said at C6). The base code refused the 汇总 file as no ledger
    # (file.no_ledger, an error: exit 1 on an honest folder) and compared none of its figures.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"], ["王强", "委员", "民盟示例县委"], ["赵敏", "委员", "民盟示例县委"],
                                ["陈刚", "委员", "县工商联"]],
                     [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"], ["县工商联", "工商联"]])
    folder = tmp_path / "台账"
    books = folder / "各单位报送表"
    books.mkdir(parents=True)
    _unit_book(books / "民盟示例县委2025年社情民意信息报送表.xlsx", "民盟示例县委2025年社情民意信息报送表", "民盟示例县委",
               ["序号", "报送时间", "信息题目", "反映人", "采用情况", "备注"],
               [[1, "2025.2.1", "关于加强中小学生近视防控的建议", "王强", "县政协《社情民意》第4期", None],
                [2, "2025.4.12", "关于完善农村养老服务的建议", "赵敏", None, None],
                [3, "2025.10.8", "关于治理城区交通拥堵的建议", "王强", "市政协采用", None]])
    _unit_book(books / "民革示例县委2025年社情民意信息报送表.xlsx", "中国国民党革命委员会示例县委员会2025年社情民意信息报送情况",
               "民革示例县委", ["编号", "日期", "标题", "作者", "采用单位", "批示"],
               [["MG-01", D(2025, 1, 15), "关于加强农村饮水安全保障的建议", "张伟", "县政协编发", None],
                ["MG-02", D(2025, 11, 5), "关于做好冬季取暖保障的建议", "张伟", None, None]])
    _unit_book(books / "县工商联2025年社情民意信息报送表.xlsx", "示例县工商业联合会2025年社情民意信息报送表", "县工商联",
               ["序号", "收稿日期", "信息标题", "报送人", "单位", "采用情况"],
               [[1, "2025年6月1日", "关于优化营商环境的建议", "陈刚", "县工商联", "县政协《社情民意》第9期"],
                [2, "2025年12月1日", "关于支持民营企业融资的建议", "陈刚", None, None]])
    write_xlsx(folder / "2025年各单位报送情况汇总.xlsx", {"汇总": [
        ["2025年各单位社情民意信息报送采用情况汇总表"], ["序号", "单位", "报送（条）", "采用（条）", "备注"],
        [1, "民盟示例县委", 3, 2, None], [2, "民革示例县委", 3, 1, None], [3, "县工商联", 2, 1, None], ["合计", None, 8, 4, None]]})
    ledger, report = assert_every_cell_accounted(folder, roster=roster, year=2025)
    assert not findings(report, "file.no_ledger")
    assert not [i for i in report.issues if i.severity == "error"]
    assert _units(ledger) == {"民革示例县委": (2, 1, 5, False), "民盟示例县委": (3, 2, 16, False), "县工商联": (2, 1, 5, False)}
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.sheet, i.row, i.column) for i in said] == [("汇总", 4, "C"), ("汇总", 6, "C")]
    assert "写的是 3 条" in said[0].message and "是 2 条" in said[0].message
    assert "写的是 8 条" in said[1].message and "共 7 条" in said[1].message
    assert not findings(report, "sheet.tally_sheet_figure_differs")
    # The 汇总 file read alone has nothing to be set against: still the file with no ledger it always was.
    alone = sq.read_ledgers([folder / "2025年各单位报送情况汇总.xlsx"], roster=roster, year=2025)
    assert [i.code for i in sq.validate(alone, sq.load_rules(year=2025)).issues] == ["file.no_ledger"]


UNIT_HEAD = ["序号", "报送日期", "信息标题", "报送人", "单位", "采用情况", "领导批示", "备注"]


def test_a_unit_cell_that_names_another_listed_unit_than_its_sheet_is_said(tmp_path):
    # One sheet per 报送单位, a 单位 column filled on some rows only. On the 县工商联 sheet, 陈刚's second item (row
    # 4) has 单位 民盟示例县委: which of the two sent it, only staff know (陈刚 is 县工商联's in the roster). It counts
    # as the cell writes it: 民盟示例县委 3 + 1 = 4 items, 2 adopted (县级, 市级 with a 市长's 批示: 4 + 3 + 10 + 10 =
    # 27 points); 县工商联 1 item, adopted 县级 (1 + 3 = 4). The base code said nothing at E4: 县工商联's figure
    # fell by one without a word (only the 汇总, where there is one, differed).
    roster = _roster(tmp_path, [["王强", "特邀信息员", "民盟示例县委", None, D(2025, 1, 1)], ["赵敏", "委员", "民盟示例县委"],
                                ["陈刚", "委员", "县工商联"]],
                     [["民盟示例县委", "民主党派"], ["县工商联", "工商联"]])
    path = write_xlsx(tmp_path / "2025年各单位社情民意信息报送台账.xlsx", {
        "民盟": [["民盟示例县委2025年社情民意信息报送情况"], UNIT_HEAD,
                [1, D(2025, 2, 1), "关于加强中小学生近视防控的建议", "王强", None, "县政协《社情民意》第4期", None, None],
                [2, D(2025, 4, 12), "关于完善农村养老服务的建议", "赵敏", None, None, None, None],
                [3, D(2025, 10, 8), "关于治理城区交通拥堵的建议", "王强", None, "市政协《社情民意》第20期", "市长李某某批示", None]],
        "县工商联": [["县工商联2025年社情民意信息报送情况"], UNIT_HEAD,
                  [1, D(2025, 6, 1), "关于优化营商环境的建议", "陈刚", "县工商联", "县政协《社情民意》第9期", None, None],
                  [2, D(2025, 12, 1), "关于支持民营企业融资的建议", "陈刚", "民盟示例县委", None, None, None]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _units(ledger) == {"民盟示例县委": (4, 2, 27, False), "县工商联": (1, 1, 4, False)}
    said = findings(report, "unit.cell_not_sheet")
    assert [(i.sheet, i.row, i.column) for i in said] == [("县工商联", 4, "E")]
    assert "“民盟示例县委”" in said[0].message and "“县工商联”" in said[0].message
    assert not findings(report, "roster.unknown_unit")


SECTOR_HEAD = ["序号", "日期", "题目", "作者", "所在单位", "采用情况", "备注"]


def test_sheets_per_sector_group_with_the_authors_own_units_count_for_the_group(tmp_path):
    # One sheet per 界别组, its 所在单位 column the authors' own work units (县人民医院, 临江一中), which the roster's
    # 单位 sheet does not list: the items are the 界别组's whose sheet they are on. By hand: 医卫界别组 3 items (rows
    # 3-5), adopted 县级 (row 3) and 市级 (row 4): 3 + 3 + 10 = 16 points; 教育界别组 1 item, 县级: 1 + 3 = 4;
    # 农业界别组 1, 省级: 1 + 20 = 21; 提案委 none (零报送). The base code counted every item for no unit
    # (roster.unknown_unit, "请统一写法"), so each 界别组 showed 0 items and was listed as 零报送.
    roster = _roster(tmp_path, [["孙丽", "委员", "县人民医院", "医卫界"], ["郑红", "委员", "县中医院", "医卫界"],
                                ["周涛", "委员", "临江一中", "教育界"], ["吴军", "委员", "县农业农村局", "农业界"]],
                     [["医卫界别组", "界别组"], ["教育界别组", "界别组"], ["农业界别组", "界别组"], ["提案委", "专委会"]])
    path = write_xlsx(tmp_path / "2025年各界别社情民意信息台账.xlsx", {
        "医卫界别": [["医卫界别组2025年社情民意信息"], SECTOR_HEAD,
                 [1, D(2025, 2, 3), "关于基层医疗机构药品配备的建议", "孙丽", "县人民医院", "县政协《社情民意》第3期", None],
                 [2, D(2025, 5, 6), "关于加强家庭医生签约服务的建议", "郑红", "县中医院", "市政协采用", None],
                 [3, D(2025, 9, 9), "关于规范医保定点药店管理的建议", "孙丽、郑红", "县人民医院", None, None]],
        "教育界别": [["教育界别组2025年社情民意信息"], SECTOR_HEAD,
                 [1, D(2025, 3, 3), "关于减轻中小学教师非教学负担的建议", "周涛", "临江一中", "县政协《社情民意》第5期", None]],
        "农业界别": [["农业界别组2025年社情民意信息"], SECTOR_HEAD,
                 [1, D(2025, 10, 10), "关于高标准农田管护的建议", "吴军", "县农业农村局", "省政协采用", None]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _units(ledger) == {"医卫界别组": (3, 2, 16, False), "教育界别组": (1, 1, 4, False),
                              "农业界别组": (1, 1, 21, False), "提案委": (0, 0, 0, True)}
    assert not findings(report, "roster.unknown_unit")
    assert [(i.sheet, i.row, i.column) for i in findings(report, "unit.from_sheet_not_cell")] == [
        ("医卫界别", 3, "E"), ("医卫界别", 4, "E"), ("教育界别", 3, "E"), ("农业界别", 3, "E")]
    # The people keep their roster units; 稿酬 as before: 孙丽 30, 郑红 100, 周涛 30, 吴军 200.
    rewards = sq.rewards(ledger, 2025)
    assert {n: str(a) for n, a in zip(rewards["name"], rewards["amount"])} == {
        "孙丽": "30.00", "郑红": "100.00", "周涛": "30.00", "吴军": "200.00"}


def test_a_unit_workbook_whose_filed_by_line_names_another_unit_is_said(tmp_path):
    # 民革示例县委2025年社情民意信息报送表.xlsx, its 填报单位 line left as 民盟示例县委 (the template copied from 民盟's
    # file), its two items by 张伟 (民革's in the roster). Which unit sent them only staff know: they count for the
    # 填报单位 as before (民盟 2 items, 1 adopted 县级: 2 + 3 = 5 points; 民革 0, 零报送), and that is said once for the
    # sheet. The base code said only the usual note (sheet.unit_from_name) naming 民盟, and 民革 was listed as 零报送.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"]], [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"]])
    path = _unit_book(tmp_path / "民革示例县委2025年社情民意信息报送表.xlsx", "2025年社情民意信息报送表", "民盟示例县委",
                      ["编号", "日期", "标题", "作者", "采用单位"],
                      [["MG-01", D(2025, 1, 15), "关于加强农村饮水安全保障的建议", "张伟", "县政协编发"],
                       ["MG-02", D(2025, 11, 5), "关于做好冬季取暖保障的建议", "张伟", None]])
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _units(ledger) == {"民革示例县委": (0, 0, 0, True), "民盟示例县委": (2, 1, 5, False)}
    said = findings(report, "sheet.filed_by_differs")
    assert [(i.sheet, i.row) for i in said] == [("Sheet1", None)]
    assert "“民盟示例县委”" in said[0].message and "“民革示例县委”" in said[0].message


def test_a_summary_figure_of_a_listed_unit_with_no_rows_is_compared(tmp_path):
    # The roster lists 九三学社示例县委; the workbook has no sheet of it (never added, or deleted), while its 汇总 writes
    # 九三 2. By hand: 九三 0 items (零报送), so its 2 is said at B5 with 0, and the 合计 5 (2 + 1 + 2) at B6 with 3
    # (民革 2 + 民盟 1 + 九三 0). The base code compared no unit that no item names, nor then the 合计: nothing said.
    roster = _roster(tmp_path, [["张伟", "委员", "民革示例县委"], ["赵敏", "委员", "民盟示例县委"]],
                     [["民革示例县委", "民主党派"], ["民盟示例县委", "民主党派"], ["九三学社示例县委", "民主党派"]])
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {
        **_two_unit_sheets(),
        "汇总": [["2025年社情民意信息报送汇总"], ["单位", "报送"], ["民革示例县委", 2], ["民盟示例县委", 1], ["九三学社示例县委", 2],
               ["合计", 5]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2025)
    assert _units(ledger)["九三学社示例县委"] == (0, 0, 0, True)
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.sheet, i.row, i.column) for i in said] == [("汇总", 5, "B"), ("汇总", 6, "B")]
    assert "写的是 2 条" in said[0].message and "是 0 条" in said[0].message
    assert "写的是 5 条" in said[1].message and "共 3 条" in said[1].message
