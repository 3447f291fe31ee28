"""A county office (示例县政协) whose staff type author cells as they come: a name with the author's school written
short after it (赵六 县一中), a year typed after a name (王芳2025), a telephone labelled 联系电话 in the cell. Every
workbook is written by hand in the test, every answer worked out by hand.
Rewards (shipped rules, a county office): 县政协《社情民意》采用 (县级) ¥30 an item, 市政协采用 ¥100, highest tier
only, co-authors share equally; an item in a unit's name pays the unit.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

TITLE = "示例县政协2025年社情民意信息报送登记表"
HEADER = ["序号", "信息标题", "报送单位", "报送人", "报送时间", "采用情况", "备注"]
COUNTY = "县政协《社情民意》采用"
CITY = "市政协采用"


def _ledger(folder, rows):
    """rows: (单位, 报送人, adoption or None); one a week from 2025-01-06, titles numbered."""
    folder.mkdir(exist_ok=True)
    out = [[TITLE], HEADER]
    for k, (unit, author, adopted) in enumerate(rows, 1):
        out.append([k, f"关于第{k}个问题的建议", unit, author, dt.datetime(2025, 1, 6) + dt.timedelta(weeks=k - 1),
                    adopted, None])
    return write_xlsx(folder / "示例县政协2025年社情民意台账.xlsx", {"2025年": out})


def _said(report, code):
    """(cell, the message) of each finding of ``code``."""
    return sorted((f"{i.column}{i.row}", i.message) for i in findings(report, code))


def _cells_saying(report, code, said: dict) -> bool:
    """Whether the findings of ``code`` are at exactly these cells, each message naming what ``said`` gives."""
    found = _said(report, code)
    return [c for c, _ in found] == sorted(said) and all(f"“{said[c]}”" in m for c, m in found)


def test_a_school_written_short_after_a_name_is_the_authors_unit_not_a_second_person(tmp_path):
    # Staff write the author's school short: 县一中 (县第一中学), 市二中, 城关二小. The base code read 赵六 县一中 as
    # two people, 赵六 and 县一中, each paid half, with nothing said (县第一中学 in full was read as his unit).
    # By hand (row: cell, adoption → who is paid):
    #   D3 赵六 县一中      县级 ¥30  → 赵六 ¥30 (县一中 his unit, said: author.with_unit)
    #   D4 赵六 市二中      市级 ¥100 → 赵六 ¥100 (市二中 his unit, said)
    #   D5 城关二小 李明    县级 ¥30  → 李明 ¥30 (城关二小 his unit, said)
    #   D6 县三幼           县级 ¥30  → the unit 县三幼 (an item in a school's name), ¥30
    #   D7 张一中           县级 ¥30  → 张一中, a person (one character before the ordinal: a name)
    #   D8 王二小           县级 ¥30  → 王二小, a person
    #   D9 李建中           no adoption
    #   D10 钱七江州市一中   县级 ¥30  → 钱七 of 江州市一中, or a school of a 钱七江州市? Glued, no rule tells: kept
    #                                   whole as a person, said (author.ambiguous), as 城关镇 is
    # 赵六 ¥130, 李明 ¥30, 县三幼 ¥30, 张一中 ¥30, 王二小 ¥30, 钱七江州市一中 ¥30 (said); no 县一中, 市二中 or 城关二小
    # as a person.
    folder = tmp_path / "台账"
    path = _ledger(folder, [("教育界", "赵六 县一中", COUNTY), ("教育界", "赵六 市二中", CITY),
                            ("教育界", "城关二小 李明", COUNTY), ("教育界", "县三幼", COUNTY),
                            ("教育界", "张一中", COUNTY), ("教育界", "王二小", COUNTY), ("教育界", "李建中", None),
                            ("教育界", "钱七江州市一中", COUNTY)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert paid(ledger, 2025) == {"赵六": Decimal("130.00"), "李明": Decimal("30.00"), "县三幼": Decimal("30.00"),
                                  "张一中": Decimal("30.00"), "王二小": Decimal("30.00"), "钱七江州市一中": Decimal("30.00")}
    assert _cells_saying(report, "author.with_unit", {"D3": "县一中", "D4": "市二中", "D5": "城关二小"})
    assert _cells_saying(report, "author.ambiguous", {"D10": "钱七江州市一中"})
    r = json.loads(sqmy("compute", "rewards", folder, "--year", "2025", "--format", "json").stdout)
    kinds = {row["name"]: row["kind"] for row in r}
    assert kinds["县三幼"] == "单位" and kinds["赵六"] == kinds["张一中"] == kinds["王二小"] == "个人"


def test_a_year_typed_after_a_name_is_no_part_of_it_and_said(tmp_path):
    # 王芳2025: the year the row was filled in, typed after the name. The base code kept a person 王芳2025, paid
    # apart from 王芳, and a person "12" of 王芳 12, with nothing said. A number that is not a year stays as written (作者1号: an anonymised
    # ledger's name; 王芳1 likewise), since it may tell two people apart.
    # By hand:
    #   D3 王芳2025       县级 ¥30  → 王芳, said (author.dated, 2025)
    #   D4 王芳           市级 ¥100 → 王芳
    #   D5 王芳 2025.3    none      → 王芳 (submitted), said (2025.3)
    #   D6 作者1号        县级 ¥30  → 作者1号, nothing said
    #   D7 王芳1          none      → 王芳1, nothing said
    #   D8 王芳 12、李四  县级 ¥30  → 王芳 ¥15, 李四 ¥15 (the item's number 12 written apart: no person "12"), said
    #   D9 李四 第2期     县级 ¥30  → 李四 ¥30, said (第2期)
    #   D10 孙七，2025    县级 ¥30  → 孙七 ¥30, said (2025: no person "2025" sharing the item)
    #   D11 1、周八 2、吴十 县级 ¥30 → 周八 ¥15, 吴十 ¥15 (a numbered list: its numbers the list's, nothing said)
    # 王芳: 4 submitted, 3 adopted, ¥145; 作者1号 ¥30; 李四 ¥45; 孙七 ¥30; 周八, 吴十 ¥15.
    folder = tmp_path / "台账"
    path = _ledger(folder, [("医卫界", "王芳2025", COUNTY), ("医卫界", "王芳", CITY), ("医卫界", "王芳 2025.3", None),
                            ("教育界", "作者1号", COUNTY), ("教育界", "王芳1", None), ("医卫界", "王芳 12、李四", COUNTY),
                            ("医卫界", "李四 第2期", COUNTY), ("教育界", "孙七，2025", COUNTY),
                            ("教育界", "1、周八 2、吴十", COUNTY)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert paid(ledger, 2025) == {"王芳": Decimal("145.00"), "作者1号": Decimal("30.00"), "李四": Decimal("45.00"),
                                  "孙七": Decimal("30.00"), "周八": Decimal("15.00"), "吴十": Decimal("15.00")}
    assert _cells_saying(report, "author.dated", {"D3": "2025", "D5": "2025.3", "D8": "12", "D9": "第2期", "D10": "2025"})
    people = {p["name"]: p for p in json.loads(sqmy("compute", "people", folder, "--year", "2025", "--format", "json").stdout)}
    assert (people["王芳"]["submitted"], people["王芳"]["adopted"]) == (4, 3)
    assert "王芳2025" not in people and "王芳1" in people


def test_a_telephone_labelled_联系电话_is_the_authors_contact_not_a_person_联系(tmp_path):
    # 张三 联系电话：13900001111: the base code cut the cell before 电话 (a number glued to a name), leaving 联系 a
    # person with half the reward, nothing said.
    # By hand:
    #   D3 张三 联系电话：13900001111     县级 ¥30  → 张三 ¥30
    #   D4 李四联系电话13800001111        市级 ¥100 → 李四 ¥100
    #   D5 王五，联系电话：0571-88001234  县级 ¥30  → 王五 ¥30
    folder = tmp_path / "台账"
    path = _ledger(folder, [("经济界", "张三 联系电话：13900001111", COUNTY), ("经济界", "李四联系电话13800001111", CITY),
                            ("经济界", "王五，联系电话：0571-88001234", COUNTY)])
    ledger, report = assert_every_cell_accounted(path, year=2025)
    assert paid(ledger, 2025) == {"张三": Decimal("30.00"), "李四": Decimal("100.00"), "王五": Decimal("30.00")}


# The office's year: 44 items, authors as its staff type them (column D; 单位 in C).
OFFICE = [
    ("县政协委员", "张三（县政协委员）", COUNTY), ("县政协委员", "张三 县政协委员", None), ("民革县委", "执笔：李四", CITY),
    ("城关镇政协工委", "王五 等", COUNTY), ("城关镇政协工委", "王五等3人", None), ("民革县委", "张三、李四（民革）", CITY),
    ("民革县委", "民革县委 赵敏", COUNTY), ("民革县委", "赵敏（民革县委）", None), ("民革县委", "民革县委", COUNTY),
    ("县政协委员", "张三 李四", COUNTY), ("教育界", "孙七,周八", COUNTY), ("教育界", "周八 13812345678", None),
    ("教育界", "孙七同志", CITY), ("民盟县委", "钱九主委", COUNTY), ("教育界", "吴十老师", None),
    ("教育界", "赵六 县一中", COUNTY), ("医卫界", "王芳2025", COUNTY), ("医卫界", "王芳", CITY),
    ("医卫界", "王芳 县人民医院", COUNTY), ("医卫界", "王芳（县中医院）", None), ("城关镇政协工委", "刘洋", COUNTY),
    ("农业界", "陈刚", None), ("经济界", "黄磊 县水利局", COUNTY), ("经济界", "黄磊 华星公司", None),
    ("社会福利界", "林红 东门社区", COUNTY), ("教育界", "赵六 市二中", CITY), ("教育界", "赵六 实验中学", COUNTY),
    ("教育界", "赵六", COUNTY), ("教育界", "赵六（县一中）", None), ("民盟县委", "钱九", COUNTY),
    ("民盟县委", "钱九 主委", COUNTY), ("民盟县委", "钱九、吴十", CITY), ("县政协委员", "张三", None),
    ("县政协委员", "张三 联系电话：13900001111", COUNTY), ("民革县委", "李四", COUNTY), ("民革县委", "李四 等", None),
    ("城关镇政协工委", "刘洋", COUNTY), ("城关镇政协工委", "刘洋", CITY), ("城关镇政协工委", "刘洋同志", None),
    ("医卫界", "王芳", COUNTY), ("医卫界", "王芳", None), ("教育界", "周八", COUNTY), ("教育界", "孙七", None),
    ("经济界", "黄磊", COUNTY),
]


def test_the_offices_year_people_and_rewards_as_worked_by_hand(tmp_path):
    # By hand, row by row (¥; 县级 30, 市级 100; shares equal):
    #   张三: 1 (30), 2, 6 (50 of 张三、李四 市级), 10 (15 of 张三 李四), 33, 34 (30)          6 sent, 4 adopted, 125
    #   李四: 3 (100), 6 (50), 10 (15), 35 (30), 36                                        5 sent, 4 adopted, 195
    #   赵六: 16 (30; 县一中 his unit), 26 (100; 市二中), 27 (30), 28 (30), 29              5 sent, 4 adopted, 190
    #   王芳: 17 (30; 王芳2025), 18 (100), 19 (30), 20, 40 (30), 41                        6 sent, 4 adopted, 190
    #   钱九: 14 (30), 30 (30), 31 (30), 32 (50)                                           4 sent, 4 adopted, 140
    #   刘洋: 21 (30), 37 (30), 38 (100), 39                                               4 sent, 3 adopted, 160
    #   孙七 11 (15), 13 (100), 43: 115; 周八 11 (15), 12, 42 (30): 45; 黄磊 23, 24, 44: 60; 吴十 15, 32 (50): 50;
    #   王五 4, 5: 30; 赵敏 7, 8: 30; 林红 25: 30; 陈刚 22: 0; the unit 民革县委 9: 30.
    # No person 县一中, 市二中, 王芳2025 or 联系; 优秀信息员 (≥5 sent, ≥3 adopted): 张三, 李四, 赵六, 王芳.
    folder = tmp_path / "台账"
    _ledger(folder, OFFICE)
    r = json.loads(sqmy("compute", "rewards", folder, "--year", "2025", "--format", "json").stdout)
    assert {row["name"]: Decimal(str(row["amount"])) for row in r} == {
        "张三": Decimal(125), "李四": Decimal(195), "赵六": Decimal(190), "王芳": Decimal(190), "钱九": Decimal(140),
        "刘洋": Decimal(160), "孙七": Decimal(115), "周八": Decimal(45), "黄磊": Decimal(60), "吴十": Decimal(50),
        "王五": Decimal(30), "赵敏": Decimal(30), "林红": Decimal(30), "民革县委": Decimal(30)}
    people = json.loads(sqmy("compute", "people", folder, "--year", "2025", "--format", "json").stdout)
    counts = {p["name"]: (p["submitted"], p["adopted"]) for p in people}
    assert {n: counts[n] for n in ("张三", "李四", "赵六", "王芳", "钱九", "刘洋")} == {
        "张三": (6, 4), "李四": (5, 4), "赵六": (5, 4), "王芳": (6, 4), "钱九": (4, 4), "刘洋": (4, 3)}
    assert not {"县一中", "市二中", "王芳2025", "联系"} & set(counts)
    assert sorted(n for n, (sent, adopted) in counts.items() if sent >= 5 and adopted >= 3) == ["张三", "李四", "王芳", "赵六"]
