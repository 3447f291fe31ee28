"""Rosters written the way offices keep them, and the units their ledgers' items count for.

Every workbook here is written by hand in the test, every answer worked out by hand in the test,
and every ledger is checked for the reader's invariant: each non-empty cell is consumed into a
record or named in a finding.
"""
from __future__ import annotations

import datetime as dt

from sqmy_lib.compute import Period, people, units
from conftest import assert_every_cell_accounted, write_xlsx

DONE = dt.date(2026, 1, 10)  # the year over: every quota judged whole


def _read(path, **kw):
    return assert_every_cell_accounted(path, **kw)


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _roles(ledger) -> dict[str, tuple]:
    year = people(ledger, Period.of(2025), today=DONE)
    return {n: (r, q, s) for n, r, q, s in zip(year["name"], year["role"], year["quota"], year["submitted"])}


# ---------------------------------------------------------------- 职务: a post, or a 身份

def test_a_post_column_on_a_members_roster_is_no_role(tmp_path):
    # 委员名册 with 职务 (行长, 教授) and no 身份 column: 职务 was read as the 身份, each 委员's role 行长 or
    # 教授 with no quota, none of them a 委员 (participation 0 of 0), and roster.role_unknown told staff
    # to overwrite their job titles. By hand: both are 委员 (the sheet's name), 2 a year each; 张三 sent 1.
    # The 职务 is said unread with its 2 cells, as 性别 is with its 2.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["序号", "姓名", "性别", "界别", "所在单位", "职务"],
                   [1, "张三", "男", "经济界", "县农商银行", "行长"],
                   [2, "李四", "男", "教育界", "县第一中学", "教授"]],
        "报送单位": [["单位名称", "单位类型"], ["经济界", "界别组"], ["教育界", "界别组"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发"],
                                                        ["A1", "2025-03-08", "关于小微企业信贷的建议", "张三", "经济界", "√"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert _roles(ledger) == {"张三": ("委员", 2, 1), "李四": ("委员", 2, 0)}
    assert not _codes(report, "roster.role_unknown")
    unread = [(i.sheet, i.row, i.column, i.message.split("”")[0]) for i in _codes(report, "roster.column_unread")]
    assert unread == [("委员名册", 1, "C", "名册“性别"), ("委员名册", 1, "F", "名册“职务")]
    assert [i.message.rsplit("该列 ", 1)[1] for i in _codes(report, "roster.column_unread")] == ["2 个单元格未读取"] * 2


def test_a_post_column_naming_some_roles_reads_those(tmp_path):
    # 信息员名册 | 职务: 王五 县政协委员 (a role: he is a 委员, owing 2 a year, as before), 赵六 副局长 (his post:
    # he is a 信息员, as the sheet's name says, owing 12 months; was role 副局长, no quota, roster.role_unknown),
    # 孙七 with no 职务 (a 信息员; was no role at all, silently). The one post is said unread.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"信息员名册": [["序号", "姓名", "职务", "工作单位"],
                                                             [1, "王五", "县政协委员", "民进县委"],
                                                             [2, "赵六", "副局长", "县民政局"],
                                                             [3, "孙七", None, "县卫健局"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者"],
                                                        ["A1", "2025-05-10", "关于一的建议", "赵六"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert _roles(ledger) == {"王五": ("委员", 2, 0), "赵六": ("信息员", 12, 1), "孙七": ("信息员", 12, 0)}
    assert not _codes(report, "roster.role_unknown")
    assert [(i.column, i.message.rsplit("该列 ", 1)[1]) for i in _codes(report, "roster.column_unread")] == [("C", "1 个单元格未读取")]


# ---------------------------------------------------------------- a roster of people only

def _party_rows():
    return [["编号", "收稿日期", "信息标题", "作者", "单位"],
            ["A1", "2025-01-08", "关于一的建议", "张三", "民革县委"],
            ["A2", "2025-02-08", "关于二的建议", "张三", "民革县委"],
            ["A3", "2025-03-08", "关于三的建议", "张三", "民革"],
            ["A4", "2025-04-08", "关于四的建议", "张三", "中国国民党革命委员会示例县委员会"],
            ["A5", "2025-05-08", "关于五的建议", "李四", "县工商联"],
            ["A6", "2025-06-08", "关于六的建议", "李四", "县工商联"],
            ["A7", "2025-07-08", "关于七的建议", "李四", "示例县工商联"]]


def test_unit_spellings_with_a_roster_of_people_only_are_said_as_without_a_roster(tmp_path):
    # A roster with people and no 单位 sheet ranks the units as the items name them, as without a roster:
    # 民革 and 中国国民党革命委员会示例县委员会 beside 民革县委, 示例县工商联 beside 县工商联 each ranked apart.
    # Without a roster each other spelling is said (unit.variant); with people only none was, and each
    # was roster.unknown_unit, "not in the unit figures", while it ranked. By hand: unit.variant at
    # rows 4, 5 and 8 (the spelling written most is the main one), with the roster as without it.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": _party_rows()})
    _, alone = _read(path, year=2025)
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [["姓名", "界别", "单位"], ["张三", "经济界", "县农商银行"],
                                                           ["李四", "经济界", "县建工集团"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    said = [(i.row, i.message.split("”")[0]) for i in _codes(report, "unit.variant")]
    assert said == [(4, "单位“民革"), (5, "单位“中国国民党革命委员会示例县委员会"), (8, "单位“示例县工商联")]
    assert said == [(i.row, i.message.split("”")[0]) for i in _codes(alone, "unit.variant")]
    assert not _codes(report, "roster.unknown_unit")
    sent = units(ledger, Period.of(2025), today=DONE).set_index("unit")["submitted"].to_dict()
    assert sent == {"民革县委": 2, "民革": 1, "中国国民党革命委员会示例县委员会": 1, "县工商联": 2, "示例县工商联": 1}


# ---------------------------------------------------------------- a sheet per unit

def test_a_sheet_named_for_a_party_counts_for_the_party_not_its_sector(tmp_path):
    # The roster lists 民革界 (界别组) and 民革县委 (民主党派); a sheet 民革 titled 2025年民革社情民意信息报送情况,
    # no 单位 column, its item by 冯雪 (界别 民革界, 单位 a law firm no list ranks). The sheet's name was read
    # as no unit (民革 written in part in both), and the item went to 冯雪's 界别 民革界 without a word, while
    # a 单位 cell 民革 on the next sheet is 民革县委 (unit.read_as). By hand: the sheet's name is read as that
    # cell is, 民革县委, said once (sheet.unit_from_name): 民革县委 2 items, 民革界 none.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "界别", "单位"], ["冯雪", "民革界", "县正平律师事务所"], ["张三", "经济界", "县农商银行"]],
        "单位": [["单位名称", "单位类型"], ["民革界", "界别组"], ["民革县委", "民主党派"], ["经济界", "界别组"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {
        "民革": [["2025年民革社情民意信息报送情况"], ["序号", "报送日期", "信息标题", "报送人", "县政协编发"],
               [1, "2025-03-08", "关于加强食品安全监管的建议", "冯雪委员", "√"]],
        "登记表": [["序号", "报送日期", "信息标题", "报送人", "单位", "县政协编发"],
                [1, "2025-04-08", "关于规范律师收费的建议", "冯雪", "民革", "√"]]})
    ledger, report = _read(path, roster=roster, year=2025)
    assert [(i.sheet, "计入单位“民革县委”" in i.message) for i in _codes(report, "sheet.unit_from_name")] == [("民革", True)]
    assert [(i.sheet, i.row) for i in _codes(report, "unit.read_as")] == [("登记表", 2)]
    sent = units(ledger, Period.of(2025), today=DONE).set_index("unit")["submitted"].to_dict()
    assert sent == {"民革界": 0, "民革县委": 2, "经济界": 0}


def test_an_item_counted_for_its_authors_roster_sector_is_said(tmp_path):
    # 吴志强's 单位 cell is blank; the roster gives him 界别 农业界 (a listed unit) and 单位 a 合作社 no list
    # ranks: the item counts for 农业界, his 界别 written as listed, and nothing said it (the finding was
    # made only when the roster wrote the unit otherwise than its 单位 sheet). By hand: said once, at his
    # author cell; 农业界 1 item.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "界别", "单位"], ["吴志强", "农业界", "县绿源农民专业合作社"], ["周晓燕", "农业界", "农业界"]],
        "单位": [["单位名称", "单位类型"], ["农业界", "界别组"]]})
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["编号", "收稿日期", "信息标题", "作者", "单位"],
                                                        ["A1", "2025-07-08", "关于稻渔综合种养的建议", "吴志强", None],
                                                        ["A2", "2025-08-08", "关于家庭农场的建议", "周晓燕", None]]})
    ledger, report = _read(path, roster=roster, year=2025)
    said = [(i.row, i.column, i.message) for i in _codes(report, "author.unit_from_roster")]
    assert said == [(2, "D", "单位栏为空,按作者“吴志强”在名册中的界别“农业界”计入(名册这样写的其他作者同样计入);如不对,请填写单位")]
    sent = units(ledger, Period.of(2025), today=DONE).set_index("unit")["submitted"].to_dict()
    assert sent == {"农业界": 2}
