"""Gaps left by earlier work, each silent or wrong on an office WITHOUT a roster (名册), as 东山县政协's staff keep
their ledger: the words after an author's name (an honour, a place, a number in brackets) taken for a second person
or for part of the name; a 批示 written as a leader and what the leader did (区长刘某某阅处) read as a leader of that
whole name; another county's unit (民革云霄县委) counted as one of the office's with nothing said.

Every workbook is written by hand in the test, every figure worked out by hand in the comments, every workbook
checked for the reader's invariant (each non-empty cell read or named in a finding). The rules are the shipped
2026 ones with the office set to 东山县政协 (漳州市, 福建省): 稿酬 县级 ¥30, 市级 ¥100, doubled with a 批示; co-authors
share equally.
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

TITLE = ["东山县政协2026年社情民意信息报送采用台账"]
HEAD = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况", "领导批示"]  # 作者 D, 报送单位 E, 批示 G


def _rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="东山县政协", full_name="政协东山县委员会", place="东山县", city="漳州市", province="福建省")
    return Rules(data=data, source="<测试>")


def _ledger(tmp_path, rows):
    return write_xlsx(tmp_path / "2026年社情民意台账.xlsx", {"2026年": [TITLE, HEAD, *rows]})


def _read(tmp_path, rows):
    path = _ledger(tmp_path, rows)
    return assert_every_cell_accounted(path, rules=_rules(), year=2026)


def _people(ledger) -> dict[str, tuple[int, object]]:
    p = sq.people(ledger, 2026)
    return {n: (int(s), r if isinstance(r, str) and r else None) for n, s, r in zip(p["name"], p["submitted"], p["role"])}


def test_an_honour_after_a_name_is_no_second_person(tmp_path):
    # D3 李小 优秀信息员 (县级 ¥30): the base code paid 李小 ¥15 and a person 优秀 (role 信息员, with a monthly quota) ¥15.
    # D4 王中2025年度优秀信息员 (市级 ¥100): the base code made one person 王中2025年度优秀 (role 信息员) of it.
    # D5 赵六（十佳信息员） (no adoption): the base code read the honour as the tag, hence role 信息员.
    # D6 张三 李四 (县级 ¥30): two people, ¥15 each, as before (the control: a second name is a second person).
    # By hand: people 李小, 王中, 赵六, 张三, 李四, one item each, no role (an honour is no 身份: an 优秀信息员 may be
    # a 委员); paid 李小 30.00, 王中 100.00, 张三 15.00, 李四 15.00. Each honour said at its cell (author.honour).
    ledger, report = _read(tmp_path, [
        [1, "2026.1.8", "关于海岛渔港升级改造的建议", "李小 优秀信息员", "民革县委", "县政协《社情民意》第1期", None],
        [2, "2026.1.15", "关于芦笋产业品牌建设的建议", "王中2025年度优秀信息员", "民革县委", "市政协采用", None],
        [3, "2026.2.3", "关于海堤加固的建议", "赵六（十佳信息员）", "民进县委", None, None],
        [4, "2026.2.9", "关于渔民养老保险的建议", "张三 李四", "民进县委", "县政协编发", None]])
    assert _people(ledger) == {"李小": (1, None), "王中": (1, None), "赵六": (1, None), "张三": (1, None), "李四": (1, None)}
    assert paid(ledger, 2026) == {"李小": Decimal("30.00"), "王中": Decimal("100.00"), "张三": Decimal("15.00"),
                                  "李四": Decimal("15.00")}
    said = findings(report, "author.honour")
    assert [(i.row, i.column) for i in said] == [(3, "D"), (4, "D"), (5, "D")]
    assert "“2025年度优秀信息员”" in said[1].message and "荣誉称号" in said[1].message
    assert not findings(report, "author.titled")


def test_a_place_after_a_name_is_no_second_person(tmp_path):
    # D3 刘洋 城关镇 (县级 ¥30): the base code said author.ambiguous of 城关镇 and paid 刘洋 ¥15 and a person 城关镇 ¥15.
    # D4 陈七 康美镇 (县级 ¥30; 康美镇, a town of 东山县, is shaped like a person's name): the base code paid 陈七 and 康美镇 ¥15
    # each. D5 林一（铜陵镇） (no adoption): the base code kept 铜陵镇 as 林一's tag, nothing said.
    # D6 张三、王建村 (县级 ¥30): a 、 lists two people, as before (¥15 each; 王建村 said author.ambiguous).
    # By hand: 刘洋 30.00, 陈七 30.00, 张三 15.00, 王建村 15.00; no person 城关镇 or 康美镇; the units as the 报送单位
    # column writes them (城关镇政协工委 2 items, 铜陵镇政协工委 1, 民进县委 1). Each place said at its cell (author.place).
    ledger, report = _read(tmp_path, [
        [1, "2026.2.3", "关于城关镇停车难的建议", "刘洋 城关镇", "城关镇政协工委", "县政协编发", None],
        [2, "2026.2.10", "关于康美镇污水处理的建议", "陈七 康美镇", "城关镇政协工委", "县政协编发", None],
        [3, "2026.2.17", "关于铜陵古城保护的建议", "林一（铜陵镇）", "铜陵镇政协工委", None, None],
        [4, "2026.2.24", "关于湖尾村道路的建议", "张三、王建村", "民进县委", "县政协编发", None]])
    assert paid(ledger, 2026) == {"刘洋": Decimal("30.00"), "陈七": Decimal("30.00"), "张三": Decimal("15.00"),
                                  "王建村": Decimal("15.00")}
    assert set(_people(ledger)) == {"刘洋", "陈七", "林一", "张三", "王建村"}
    units = sq.units(ledger, 2026)
    assert {u: int(n) for u, n in zip(units["unit"], units["submitted"]) if n} == {
        "城关镇政协工委": 2, "铜陵镇政协工委": 1, "民进县委": 1}
    said = findings(report, "author.place")
    assert [(i.row, i.column) for i in said] == [(3, "D"), (4, "D"), (5, "D")]
    assert "“城关镇”" in said[0].message
    assert [(i.row, i.column) for i in findings(report, "author.ambiguous")] == [(6, "D")]


def test_a_number_in_brackets_after_a_name_is_said(tmp_path):
    # D3 李四（12号）: the base code read 李四 and kept 12号 as the tag, nothing said (李四 12号, the number written apart, is
    # said: author.dated). By hand: 李四, one item; the number said at D3 as author.dated.
    ledger, report = _read(tmp_path, [
        [1, "2026.2.20", "关于风动石景区管理的建议", "李四（12号）", "民盟县委", None, None]])
    assert _people(ledger) == {"李四": (1, None)}
    said = findings(report, "author.dated")
    assert [(i.row, i.column) for i in said] == [(3, "D")]
    assert "“12号”" in said[0].message and "李四" in said[0].message


def test_a_leader_and_what_the_leader_did_in_a_instruction_cell(tmp_path):
    # G3 区长刘某某阅处: the base code recorded a 县级 批示 by a leader "区长刘某某阅处". By hand it is 区长刘某某's 批示
    # whose words are 阅处, as 区长刘某某：阅处 reads (G4); 县长王某批阅 (G5) is 县长王某's (the base code: a leader
    # "县长王某批阅"); 县长王某阅办 (G6) is 县长王某's (the base code: a department's head "县长王某阅办", by its 办, not
    # counted, said instruction.leader_not_counted). 副县长王某阅 (G7) is read only, no 批示 (said, as before).
    # Paid: four items adopted 县级 with a 批示 ¥60 each; 周八's (G7, no 批示) ¥30.
    ledger, report = _read(tmp_path, [
        [1, "2026.3.18", "关于海堤加固的建议", "陈七", "民进县委", "县政协编发", "区长刘某某阅处"],
        [2, "2026.3.19", "关于港口扩建的建议", "陈八", "民进县委", "县政协编发", "区长刘某某：阅处"],
        [3, "2026.3.20", "关于旅游码头的建议", "吴九", "民建县委", "县政协编发", "县长王某批阅"],
        [4, "2026.3.21", "关于乡村学校的建议", "郑十", "民建县委", "县政协编发", "县长王某阅办"],
        [5, "2026.3.22", "关于渔民养老保险的建议", "周八", "民进县委", "县政协编发", "副县长王某阅"]])
    ins = ledger.instructions.sort_values("row")
    assert list(zip(ins["row"], ins["leader"], ins["text"].fillna(""))) == [
        (3, "区长刘某某", "阅处"), (4, "区长刘某某", "阅处"), (5, "县长王某", "批阅"), (6, "县长王某", "阅办")]
    assert not findings(report, "instruction.leader_not_counted")
    assert [(i.row, i.column) for i in findings(report, "instruction.read_only")] == [(7, "G")]
    assert paid(ledger, 2026) == {"陈七": Decimal("60.00"), "陈八": Decimal("60.00"), "吴九": Decimal("60.00"),
                                  "郑十": Decimal("60.00"), "周八": Decimal("30.00")}


def test_another_countys_unit_is_said_without_a_roster(tmp_path):
    # 东山县政协's ledger, no roster. E3 民革云霄县委 (云霄县: another county of 漳州市) counted as a unit of the office, 1
    # item, 县级 adoption, 4 points, ranked with the others, nothing said by the base code. By hand it is said at E3
    # (unit.elsewhere, naming 云霄县), counted as written (no roster says which units are the office's); 中共诏安县委宣传部
    # (E4) likewise. 民革县委 (E5), 民革东山县委 (E6, said unit.variant as before), 漳州市民革 (E7, the city's level),
    # 城关镇政协工委 (E8), 县经济开发区管委会 (E9) are the office's or no other county's: nothing said of them.
    rows = [[1, "2026.3.2", "关于跨县就医报销的建议", "张一", "民革云霄县委", "县政协编发", None],
            [2, "2026.3.3", "关于跨县公交的建议", "张二", "中共诏安县委宣传部", None, None],
            [3, "2026.3.4", "关于海岛供水的建议", "张三", "民革县委", None, None],
            [4, "2026.3.5", "关于渔港清淤的建议", "张四", "民革东山县委", None, None],
            [5, "2026.3.6", "关于海上旅游的建议", "张五", "漳州市民革", None, None],
            [6, "2026.3.7", "关于城区停车的建议", "张六", "城关镇政协工委", None, None],
            [7, "2026.3.8", "关于园区用工的建议", "张七", "县经济开发区管委会", None, None]]
    ledger, report = _read(tmp_path, rows)
    said = findings(report, "unit.elsewhere")
    assert [(i.row, i.column) for i in said] == [(3, "E"), (4, "E")]
    assert "“民革云霄县委”" in said[0].message and "“云霄县”" in said[0].message
    assert "“诏安县”" in said[1].message
    units = sq.units(ledger, 2026)
    points = {u: int(p) for u, p, n in zip(units["unit"], units["points"], units["submitted"]) if n}
    assert points["民革云霄县委"] == 4  # 1 item + 县级 3: counted as written, and said


def test_another_countys_unit_through_the_command(tmp_path):
    # The same as a user runs it: an office folder (sqmy init) with its 规则.yaml set to 东山县, its blank 名册.xlsx
    # taken away (no roster), then `sqmy validate` and `sqmy compute units --format json`. By hand: E3 said; 民革云霄县委
    # 1 item, 4 points, as written.
    folder = tmp_path / "东山县政协"
    assert sqmy("init", folder, "--year", "2026").returncode == 0
    rules = folder / "规则.yaml"
    text = rules.read_text(encoding="utf-8")
    for a, b in (("place: 示例县 ", "place: 东山县 "), ("city: 示例市 ", "city: 漳州市 "), ("province: 示例省 ", "province: 福建省 "),
                 ("name: 示例县政协 ", "name: 东山县政协 ")):
        assert a in text
        text = text.replace(a, b)
    rules.write_text(text, encoding="utf-8")
    (folder / "名册.xlsx").unlink()
    for template in (folder / "台账").glob("*.xlsx"):
        template.unlink()
    write_xlsx(folder / "台账" / "2026年社情民意台账.xlsx", {"2026年": [TITLE, HEAD,
        [1, "2026.3.2", "关于跨县就医报销的建议", "张一", "民革云霄县委", "县政协编发", None],
        [2, "2026.3.4", "关于海岛供水的建议", "张三", "民革县委", None, None]]})
    ran = sqmy("validate", folder)
    assert "E3  [unit.elsewhere]" in ran.stdout and "云霄县" in ran.stdout
    assert "E4  [unit" not in ran.stdout
    out = sqmy("compute", "units", folder, "--year", "2026", "--format", "json")
    rows = {r["unit"]: r for r in json.loads(out.stdout)}
    assert (rows["民革云霄县委"]["submitted"], rows["民革云霄县委"]["points"]) == (1, 4)


def test_a_citys_counties_are_not_another_place(tmp_path):
    # 漳州市政协's own ledger (市级 rules, place 漳州市): 东山县政协 and 民革云霄县委 are units below the city (its
    # counties), at another level than the city's own, so nothing is said of them; 民革厦门市委 names another city (E5).
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="漳州市政协", full_name="政协漳州市委员会", own_tier="市级", place="漳州市", city="",
                          province="福建省")
    rows = [[1, "2026.3.2", "关于跨县就医报销的建议", "张一", "东山县政协", None, None],
            [2, "2026.3.3", "关于海岛供水的建议", "张二", "民革云霄县委", None, None],
            [3, "2026.3.4", "关于城市更新的建议", "张三", "民革厦门市委", None, None],
            [4, "2026.3.5", "关于古城保护的建议", "张四", "民盟漳州市委", None, None]]
    path = write_xlsx(tmp_path / "2026年社情民意台账.xlsx", {"2026年": [["漳州市政协2026年社情民意信息台账"], HEAD, *rows]})
    _, report = assert_every_cell_accounted(path, rules=Rules(data=data, source="<测试>"), year=2026)
    said = findings(report, "unit.elsewhere")
    assert [(i.row, i.column) for i in said] == [(5, "E")] and "“厦门市”" in said[0].message


def test_a_folder_naming_several_places_says_no_unit_elsewhere(tmp_path):
    # A city's own ledger and a county's, read together with the shipped county rules (a folder a clerk points
    # `sqmy validate` at): the ledgers name 漳州市 and 东山县, so where the office is is unknown and no unit is said
    # to be elsewhere (东山县政协 in the city's ledger was said as another county's).
    city = [["漳州市政协2026年社情民意信息台账"], HEAD, [1, "2026.3.2", "关于跨县就医报销的建议", "张一", "东山县政协", None, None]]
    county = [TITLE, HEAD, [1, "2026.3.4", "关于海岛供水的建议", "张三", "民革县委", None, None]]
    write_xlsx(tmp_path / "漳州市政协2026年台账.xlsx", {"2026年": city})
    write_xlsx(tmp_path / "东山县政协2026年台账.xlsx", {"2026年": county})
    report = sq.validate(sq.read_ledgers(tmp_path, year=2026))
    assert not findings(report, "unit.elsewhere")
