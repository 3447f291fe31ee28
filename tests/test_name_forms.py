"""Names written in more than one form: a transliterated name typed with a space for its dot, a roster
that leaves the dot out, a roster person whose name ends like a unit's (刘红委, 王志界).

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook checked for the reader's invariant (each non-empty cell read or named in a finding).
Rewards (shipped rules): 县级 30.00, 市级 100.00 an item, shared equally by its authors.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "青山县政协2025年社情民意信息登记表"
HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _paid(ledger) -> dict[str, Decimal]:
    r = sq.rewards(ledger, 2025)
    return dict(zip(r["name"], r["amount"]))


def _roster(path, people: list[tuple[str, str]], unit: str):
    """A 名册 of 委员 (name, unit) with its 单位 sheet listing ``unit``."""
    return write_xlsx(path, {
        "人员": [["姓名", "身份", "单位", "界别", "聘任日期", "解聘日期", "备注"],
                 *[[n, "委员", u, None, None, None, None] for n, u in people]],
        "单位": [["单位名称", "单位类型", "备注"], [unit, "界别组" if "界别" in unit else "民主党派", None]]})


def test_a_name_typed_with_a_space_for_its_dot_is_one_person_said_at_its_cell(tmp_path):
    rows = [[TITLE], HEADER,
            [1, "2025-03-12", "关于发展特色林果业的建议", "阿不都·热合曼", "经济界别组", None, "√"],
            [2, "2025-05-20", "关于加强牧区医疗保障的建议", "阿不都 热合曼", "经济界别组", "√", None],
            [3, "2025-06-02", "关于高原农产品品牌建设的建议", "扎西顿珠", "城关镇政协工委", "√", None],
            [4, "2025-07-15", "关于推进垃圾分类的建议", "扎西 顿珠", "城关镇政协工委", None, "√"],
            [5, "2025-08-15", "关于加强冬季供暖保障的建议", "买买提 吐尔逊", "城关镇政协工委", None, "√"],
            [6, "2025-09-01", "关于规范停车收费的建议", "张三 李四", "城关镇政协工委", "√", None],
            [7, "2025-09-02", "关于甲的建议", "政协委员 阿旺", "城关镇政协工委", "√", None],
            [8, "2025-09-03", "关于乙的建议", "民革 次仁", "城关镇政协工委", "√", None],
            [9, "2025-09-04", "关于丙的建议", "阿旺 张伟", "城关镇政协工委", "√", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    # No one called 阿不都, 热合曼, 扎西, 顿珠, 买买提 or 吐尔逊; 张三 李四 (each starts with a surname) are two.
    # 阿不都·热合曼 100 + 30; 扎西顿珠 30 + 100 (written so elsewhere, the spaced form counts under it);
    # 买买提·吐尔逊 100 (dotted where the space was); 张三, 李四 30 / 2 each. A role or a party before a
    # name is its tag (阿旺 30 + 30 / 2, 次仁 30), and 阿旺 张伟 are two (张伟 starts with a surname).
    assert _paid(ledger) == {"阿不都·热合曼": Decimal("130.00"), "扎西顿珠": Decimal("130.00"),
                             "买买提·吐尔逊": Decimal("100.00"), "张三": Decimal("15.00"), "李四": Decimal("15.00"),
                             "阿旺": Decimal("45.00"), "次仁": Decimal("30.00"), "张伟": Decimal("15.00")}
    a = ledger.authors
    assert list(zip(a["name"], a["tag"]))[-4:] == [("阿旺", "政协委员"), ("次仁", "民革"), ("阿旺", ""), ("张伟", "")]
    spaced = _codes(report, "author.name_spaced")
    assert [(i.row, i.column) for i in spaced] == [(4, "D"), (6, "D"), (7, "D")]
    assert "阿不都·热合曼" in spaced[0].message and "“、”" in spaced[0].message
    assert not _codes(report, "author.names_joined")
    variants = _codes(report, "author.variant")
    assert [(i.row, i.message.split("”")[0]) for i in variants] == [(4, "“阿不都 热合曼"), (6, "“扎西 顿珠")]


@pytest.mark.parametrize("written", ["阿不都热合曼", "阿不都 热合曼"])
def test_a_roster_that_leaves_the_dot_out_matches_the_dotted_name(tmp_path, written):
    rows = [[TITLE], HEADER,
            [1, "2025-03-12", "关于发展特色林果业的建议", "阿不都·热合曼", "经济界别组", None, "√"],
            [2, "2025-05-20", "关于加强牧区医疗保障的建议", "阿不都·热合曼", "经济界别组", "√", None]]
    ledger_path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = _roster(tmp_path / "名册.xlsx", [(written, "经济界别组")], "经济界别组")
    ledger, report = assert_every_cell_accounted(ledger_path, roster=roster)
    people = sq.people(ledger, 2025).set_index("name")
    # One person, the roster's: 2 items (100 + 30), a 委员 with quota 2 met.
    assert list(people.index) == ["阿不都热合曼"]
    one = people.loc["阿不都热合曼"]
    assert (one["role"], one["submitted"], one["reward"], one["quota"]) == ("委员", 2, Decimal("130.00"), 2)
    assert not one["behind"]
    assert not _codes(report, "roster.unknown_person")
    variant = _codes(report, "author.variant")
    assert [(i.row, i.column) for i in variant] == [(3, "D")] and "名册中的“阿不都热合曼”" in variant[0].message


def test_a_roster_person_whose_name_ends_like_a_unit_is_an_author_with_others(tmp_path):
    rows = [[TITLE], HEADER,
            [1, "2025-03-12", "关于发展特色林果业的建议", "刘红委、张三", "民革青山县委", None, "√"],
            [2, "2025-04-12", "关于加强牧区医疗保障的建议", "刘红委", "民革青山县委", "√", None],
            [3, "2025-05-12", "关于规范校外培训机构的建议", "王志界、张三", "民革青山县委", "√", None],
            [4, "2025-06-12", "关于规范停车收费的建议", "张三、刘红委", None, "√", None]]
    ledger_path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = _roster(tmp_path / "名册.xlsx", [(n, "民革青山县委") for n in ("刘红委", "张三", "王志界")], "民革青山县委")
    ledger, report = assert_every_cell_accounted(ledger_path, roster=roster)
    a = ledger.authors
    assert list(zip(a["item"], a["position"], a["name"])) == [
        (0, 0, "刘红委"), (0, 1, "张三"), (1, 0, "刘红委"), (2, 0, "王志界"), (2, 1, "张三"), (3, 0, "张三"), (3, 1, "刘红委")]
    # Item 3 has no 单位: not 刘红委 (a person), its authors' roster unit.
    assert ledger.submissions["unit"].tolist()[3] != "刘红委"
    assert not _codes(report, "author.with_unit")
    # 刘红委 100/2 + 30 + 30/2 = 95; 张三 100/2 + 30/2 + 30/2 = 80; 王志界 30/2 = 15.
    assert _paid(ledger) == {"刘红委": Decimal("95.00"), "张三": Decimal("80.00"), "王志界": Decimal("15.00")}
    people = sq.people(ledger, 2025).set_index("name")
    assert people.loc[["刘红委", "张三", "王志界"], "submitted"].tolist() == [3, 3, 1]
    # Without the roster only the rules speak: 刘红委 beside 张三 reads as their unit, said (rows 3, 5, 6).
    ledger, report = assert_every_cell_accounted(ledger_path)
    assert "刘红委" not in set(ledger.authors["name"][ledger.authors["item"] != 1])
    assert [i.row for i in _codes(report, "author.with_unit")] == [3, 5, 6]


def test_two_han_names_of_rarer_surnames_and_two_known_names_stay_two(tmp_path):
    """金博文 武静: 金 and 武 are Han surnames (among the census' hundred commonest), so two people, as 张三 李四; it was
    one person 金博文·武静, said. 其木格琳 巴特尔刚, each an author alone on other rows: two people (author.names_joined),
    and the reader's first reading (author.name_spaced, one person) is withdrawn, not said beside it."""
    rows = [[TITLE], HEADER,
            [1, "2025-03-12", "关于甲的建议", "金博文 武静", "经济界别组", "√", None],
            [2, "2025-03-13", "关于乙的建议", "其木格琳 巴特尔刚", "经济界别组", "√", None],
            [3, "2025-03-14", "关于丙的建议", "其木格琳", "经济界别组", "√", None],
            [4, "2025-03-15", "关于丁的建议", "巴特尔刚", "经济界别组", "√", None],
            [5, "2025-03-16", "关于戊的建议", "岑雪 敖翔", "经济界别组", "√", None],  # the census' rarer surnames
            [6, "2025-03-17", "关于己的建议", "阙红梅 谯志刚", "经济界别组", "√", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert not _codes(report, "author.name_spaced")
    assert [(i.row, i.column) for i in _codes(report, "author.names_joined")] == [(4, "D")]
    # 县级 30.00 an item, shared: 金博文 15, 武静 15; 其木格琳 15 + 30, 巴特尔刚 15 + 30.
    assert _paid(ledger) == {"金博文": Decimal("15.00"), "武静": Decimal("15.00"),
                             "其木格琳": Decimal("45.00"), "巴特尔刚": Decimal("45.00"),
                             "岑雪": Decimal("15.00"), "敖翔": Decimal("15.00"),
                             "阙红梅": Decimal("15.00"), "谯志刚": Decimal("15.00")}


@pytest.mark.parametrize("cell", ["边巴 次仁", "贡布 扎西", "益西 拉姆", "敖特根 巴雅尔", "那仁 格日勒", "达瓦 卓玛", "马合木提 吐尔逊"])
def test_tibetan_mongolian_and_uyghur_names_typed_with_a_space_are_one_person_said(tmp_path, cell):
    """Parts that begin as Tibetan, Mongolian or Uyghur names do (边巴, 贡布, 益西, 敖特根, 那仁, 卓玛), or of four
    characters (马合木提): one person, said (author.name_spaced); they were two people, silently, after the surname
    list took in 边, 贡, 益, 敖, 那, 卓."""
    rows = [[TITLE], HEADER, [1, "2025-03-12", "关于甲的建议", cell, "经济界别组", "√", None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}))
    assert list(ledger.authors["name"]) == [cell.replace(" ", "·")]
    assert [(i.row, i.column) for i in _codes(report, "author.name_spaced")] == [(3, "D")]
