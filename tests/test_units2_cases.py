"""A county office's 单位 column as staff write it over a year, with and without a roster's 单位 sheet: a party's
branch with and without the county's place (九三学社示例支社 / 九三学社支社), a unit written with its author in one cell
(民革县委 张三 beside 作者 张三), a town's 政协联络组 renamed 政协工委 mid-year.

Every workbook is written by hand in the test and checked for the reader's invariant (each non-empty cell read or
named in a finding); every figure is worked out by hand in the comments. The rules are the shipped county's
(示例县; 民主党派 3 items a quarter, 镇街政协工委 3 a month; points: 1 an item, 县级 3, 市级 10).
"""
from __future__ import annotations

import json

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, sqmy, write_xlsx

HEAD = ["序号", "报送时间", "信息标题", "报送单位", "作者", "采用情况"]  # 报送单位 is column D, 作者 column E


def _units(ledger, year=2026) -> dict[str, tuple[int, int, int]]:
    """unit → (报送, 采用, 积分) for the units with an item."""
    units = sq.units(ledger, year)
    return {u: (int(n), int(a), int(p)) for u, n, a, p in
            zip(units["unit"], units["submitted"], units["adopted"], units["points"]) if n}


def _roster(tmp_path, *units):
    return write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型", "备注"], *[list(u) for u in units]]})


def _branch_ledger(tmp_path):
    return write_xlsx(tmp_path / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"],
        HEAD,
        [1, "2026-04-02", "关于芦笋产业升级的建议", "九三学社示例支社", "林一", None],
        [2, "2026-04-09", "关于海岛供水的建议", "九三学社支社", "林二", "市政协采用"]]})


def test_a_party_branch_written_without_the_place_is_said_without_a_roster(tmp_path):
    # 九三学社示例支社 (row 3) and 九三学社支社 (row 4) are one unit written two ways, as 民革示例县委 and 民革县委 are;
    # without a 单位 list they rank apart (1 item each), and that must be said (unit.variant) at the cell of the
    # spelling that is not the main one (equal counts: the first by name, 九三学社支社, is main; so D3). The base
    # code said nothing: two units, the adopted item's 11 points (1 + 市级 10) under a name no roster holds.
    path = _branch_ledger(tmp_path)
    ledger, report = assert_every_cell_accounted(path, year=2026)
    said = findings(report, "unit.variant")
    assert [(i.row, i.column) for i in said] == [(3, "D")]
    assert "“九三学社支社”" in said[0].message and "“九三学社示例支社”" in said[0].message


def test_a_party_branch_written_without_the_place_counts_for_the_listed_unit(tmp_path):
    # The roster lists 九三学社示例支社 (民主党派). By hand: both items are its, 2 报送, 1 采用 (市级), points
    # 1 + 1 + 10 = 12; quota 3 a quarter; it is the only 民主党派 listed, so first. The base code left row 4 out
    # of the unit's figures (roster.unknown_unit "九三学社支社"): 1 报送, 0 采用, 1 point.
    roster = _roster(tmp_path, ("九三学社示例支社", "民主党派", None))
    path = _branch_ledger(tmp_path)
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2026)
    assert _units(ledger) == {"九三学社示例支社": (2, 1, 12)}
    assert not findings(report, "roster.unknown_unit")
    assert [(i.row, i.column) for i in findings(report, "unit.read_as")] == [(4, "D")]


def test_a_unit_written_with_its_author_in_the_unit_cell(tmp_path):
    # The 单位 cell holds the unit and, after a space, a dash or nothing, the author the 作者 cell names. By hand
    # 民革县委 has 4 items (rows 3-6) and 县教育局 1 (row 7: its two authors after the dash); the base code counted
    # "民革县委 张三", "民革县委张三" and "民革县委—王五" as three more units (1 item each) with no word at D4 and
    # D6. Each such cell is said at its 单位 cell (unit.with_author), the author still the item's author.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"],
        HEAD,
        [1, "2026-01-10", "关于加强海岸线保护的建议", "民革县委", "李四", None],
        [2, "2026-02-05", "关于旅游厕所建设的建议", "民革县委 张三", "张三", None],
        [3, "2026-03-05", "关于渔民转产的建议", "民革县委张三", "张三", "县政协《社情民意》第3期采用"],
        [4, "2026-04-05", "关于乡村学校师资的建议", "民革县委—王五", "王五", None],
        [5, "2026-05-05", "关于校园安全的建议", "县教育局—李明、王芳", "李明、王芳", None]]})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    # 民革县委: 4 items, 1 adopted 县级: 4 + 3 = 7 points; 县教育局 1 item, 1 point.
    assert _units(ledger) == {"民革县委": (4, 1, 7), "县教育局": (1, 0, 1)}
    said = findings(report, "unit.with_author")
    assert [(i.row, i.column) for i in said] == [(4, "D"), (5, "D"), (6, "D"), (7, "D")]
    assert "“民革县委 张三”" in said[0].message and "“张三”" in said[0].message
    assert "“李明、王芳”" in said[3].message
    people = sq.people(ledger, 2026)
    assert sorted(people.loc[people["submitted"] > 0, "name"]) == ["张三", "李四", "李明", "王五", "王芳"]


def test_a_unit_that_is_its_authors_unit_cell_ending_is_no_person(tmp_path):
    # 作者 提案委 beside 单位 县政协提案委, 作者 县工商联 beside 示例县工商联: the author is the unit, written short; its
    # name at the end of the 单位 is no person's, the unit stays whole (1 item each), and nothing is said of it.
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"],
        HEAD,
        [1, "2026-01-10", "关于提案办理的建议", "县政协提案委", "提案委", None],
        [2, "2026-02-10", "关于民营企业融资的建议", "示例县工商联", "县工商联", None]]})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert _units(ledger) == {"县政协提案委": (1, 0, 1), "示例县工商联": (1, 0, 1)}
    assert not findings(report, "unit.with_author")


def test_a_department_written_as_the_author_is_no_person_after_the_unit(tmp_path):
    # 作者 组织部 beside 单位 县委组织部 (and 宣传部 beside 县委宣传部, 内科 beside 县人民医院内科): the author is the
    # unit's department, no person's name; the 单位 stays whole, three units of 1 item each (not 县委 with 2).
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"],
        HEAD,
        [1, "2026-01-10", "关于基层党建的建议", "县委组织部", "组织部", None],
        [2, "2026-02-10", "关于文明创建的建议", "县委宣传部", "宣传部", None],
        [3, "2026-03-10", "关于门诊预约的建议", "县人民医院内科", "内科", None]]})
    ledger, report = assert_every_cell_accounted(path, year=2026)
    assert _units(ledger) == {"县委组织部": (1, 0, 1), "县委宣传部": (1, 0, 1), "县人民医院内科": (1, 0, 1)}
    assert not findings(report, "unit.with_author")


def _renamed(tmp_path):
    return write_xlsx(tmp_path / "台账" / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"],
        HEAD,
        [1, "2026-07-01", "关于城区停车的建议", "城关镇政协联络组", "谢一", None],
        [2, "2026-08-10", "关于城关老街改造的建议", "城关镇政协工委", "谢一", "县政协《社情民意》第8期采用"]]})


def test_a_town_unit_renamed_mid_year_is_one_unit_in_the_roster(tmp_path):
    # 城关镇政协联络组 was renamed 城关镇政协工委 in August (the roster lists the new name). By hand both items are
    # the town's: 2 报送, 1 采用 (县级), points 1 + 1 + 3 = 5. The base code counted only August's (1, 1, 4) and
    # said row 3's unit was not on the roster. Checked through the command a user runs, `sqmy compute units`.
    (tmp_path / "台账").mkdir()
    _renamed(tmp_path)
    _roster(tmp_path, ("城关镇政协工委", "镇街政协工委", None), ("西埔镇政协工委", "镇街政协工委", None))
    ran = sqmy("compute", "units", tmp_path / "台账", "--roster", tmp_path / "名册.xlsx", "--year", "2026",
               "--format", "json")
    assert ran.returncode == 0, ran.stderr
    rows = {r["unit"]: r for r in json.loads(ran.stdout)}
    assert (rows["城关镇政协工委"]["submitted"], rows["城关镇政协工委"]["adopted"], rows["城关镇政协工委"]["points"]) == (2, 1, 5)
    assert rows["西埔镇政协工委"]["submitted"] == 0
    assert "城关镇政协联络组" not in rows


def test_a_town_unit_renamed_mid_year_is_said_without_a_roster(tmp_path):
    # Without a roster the two names rank apart (1 item each), which must be said at the 单位 cell of the one that
    # is not the main spelling (once each: the first by name is main). The base code said nothing.
    (tmp_path / "台账").mkdir()
    path = _renamed(tmp_path)
    ledger, report = assert_every_cell_accounted(path, year=2026)
    said = findings(report, "unit.variant")
    assert len(said) == 1 and said[0].column == "D"
    assert "城关镇政协联络组" in said[0].message and "城关镇政协工委" in said[0].message


def test_the_balance_sentence_shares_of_every_item_of_the_quarter(tmp_path):
    # Q3 2026: the roster's 民革示例县委 sent 4, 民盟示例县委, 经济界别组 and 城关镇政协工委 1 each; 县科协 (not on
    # the roster: roster.unknown_unit, no row of the units table) sent 2. The circular says 共收到…9条. By hand the
    # leading group is 民革示例县委 alone (4; the three 1s tie), and its share of 全部报送量 is 4 of 9 = 44.4%. The
    # base code divided by the units table's own sum (7) and wrote 57.1%, with no word that 2 items were outside it.
    from sqmy_lib.compute.circular import build_circular
    from sqmy_lib.render.circular_docx import write_circular_docx
    from docx import Document

    roster = _roster(tmp_path, ("民革示例县委", "民主党派", None), ("民盟示例县委", "民主党派", None),
                     ("经济界别组", "界别组", None), ("城关镇政协工委", "镇街政协工委", None))
    units = ["民革县委"] * 4 + ["民盟县委", "经济界别组", "城关镇政协工委", "县科协", "县科协"]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [
        ["示例县政协2026年社情民意信息报送登记表"], HEAD,
        *[[k, f"2026-07-{k + 1:02d}", f"关于第{k}项工作的建议", u, f"作者{'甲乙丙丁戊己庚辛壬'[k - 1]}", None]
          for k, u in enumerate(units, 1)]]})
    ledger, report = assert_every_cell_accounted(path, roster=roster, year=2026)
    circ = build_circular(ledger, 2026, 3)
    top, share = circ.concentration()
    assert list(top["unit"]) == ["民革示例县委"] and round(share, 3) == 0.444
    doc = Document(write_circular_docx(circ, tmp_path / "通报.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "共收到社情民意信息9条" in text
    assert "民革示例县委本季度报送4条，占全部报送量的44.4%" in text
