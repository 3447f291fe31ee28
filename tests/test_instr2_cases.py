"""Leaders' 批示 as a district office (青山区政协, 县级; its city 江州市, its province 江南省) writes them: in a
领导批示 column, in 备注 and 采用情况, and in a separate 批示台账 (信息标题 | 领导 | 职务 | 级别 | 批示内容 | 批示日期).

What was wrong, each worked out by hand below:
- ``请李副区长阅处`` alone in a 批示 cell (a leader asked to read it, no 批示 given yet) was a 县级 批示 by a leader
  named "请李副区长阅处", the item paid double, nothing said;
- ``中央驻区企业负责人批示`` (a company's head) was a 县级 批示, counted and paid double, nothing said;
- ``instruction.unknown_level`` said "只写了批示标记" of a cell holding the 批示's own words;
- a flat 批示台账's 职务 column was read past ("无需读取") and its 级别 column unknown, so 副市长王某's 批示 was of
  no level; a 级别 against the post (省级 beside 副市长, 县级 beside 省委书记) was said nowhere.

Rewards (rules 2026): 区政协《社情民意》 (县级) 30 yuan, 市政协 100, 省政协 200; an item with a counted 批示 ×2.
Every workbook is written by hand, read whole, and every non-empty cell read or named.
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.rules import Rules
from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

HEADER = ["序号", "收稿日期", "信息标题", "作者", "采用情况", "领导批示", "备注"]


def _district_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="青山区政协", full_name="政协江州市青山区委员会", own_tier="县级", place="青山区",
                          city="江州市", province="江南省")
    return Rules(data=data, source="<测试>")


def _rows(cells: list[tuple]) -> list[list]:
    """The 2026年 sheet: one item a row (item k on Excel row k + 2), each adopted as written."""
    rows = [["青山区政协2026年社情民意信息报送台账"], HEADER]
    rows += [[k, f"2026-04-{k:02d}", f"关于第{k}件事的建议", f"作者{'甲乙丙丁戊己庚辛'[k % 8]}{k}", adoption, said, note]
             for k, (adoption, said, note) in enumerate(cells, 1)]
    return rows


def _read(tmp_path, sheets: dict[str, list[list]]):
    path = write_xlsx(tmp_path / "报送台账.xlsx", sheets)
    return assert_every_cell_accounted(path, rules=_district_rules(), year=2026)


def _said(ledger) -> dict[int, list[tuple[str, str]]]:
    """Per (sheet, Excel row): (leader, level) of each 批示 read."""
    out: dict = {}
    ins = ledger.instructions
    for sheet, row, leader, level in zip(ins["sheet"], ins["row"], ins["leader"], ins["level"]):
        out.setdefault((sheet, int(row)), []).append((leader if isinstance(leader, str) else "", str(level)))
    return out


def _paid_by_title(ledger) -> dict[str, Decimal]:
    """Each item's 稿酬 for 2026 (one author an item, so the author's amount is the item's)."""
    return {name: Decimal(str(amount)) for name, amount in paid(ledger, 2026).items()}


def test_a_leader_asked_to_read_is_no_instruction_and_no_leader(tmp_path):
    ledger, report = _read(tmp_path, {"2026年": _rows([
        ("区政协《社情民意》第1期", "请李副区长阅处", None),
        ("区政协《社情民意》第2期", "请刘区长阅批", None),
        ("区政协《社情民意》第3期", "区长刘某某：请李副区长阅处", None),
    ])})
    # by hand: rows 3 and 4 ask a leader to read (阅处, 阅批) it: no 批示 was given yet (as 拟请区长批示 is none),
    # and "请李副区长阅处" is no one's name: nothing counted, said at F3 and F4 (it may also be a 批示's words
    # whose leader is not written: the finding says how to write that). Row 5: the 区长's 批示, his words
    # asking the 副区长 to read it: one 县级 批示.
    # Before: row 3 a 县级 批示 by "请李副区长阅处", row 4 by "请刘区长阅批", nothing said, both paid ×2.
    assert _said(ledger) == {("2026年", 5): [("区长刘某某", "县级")]}
    assert [(i.row, i.column) for i in findings(report, "instruction.asked_only")] == [(3, "F"), (4, "F")]
    # 稿酬: items 1 and 2 县级 30 each; item 3 县级 ×2 = 60.
    assert _paid_by_title(ledger) == {"作者乙1": Decimal("30"), "作者丙2": Decimal("30"), "作者丁3": Decimal("60")}


def test_a_company_head_is_no_leader_whose_instruction_counts(tmp_path):
    ledger, report = _read(tmp_path, {"2026年": _rows([
        ("区政协《社情民意》第1期", "中央驻区企业负责人批示", None),
        ("市政协采用", "市城投集团董事长批示", None),
        ("区政协《社情民意》第3期", "区委书记张某某批示", None),
    ])})
    # by hand: the head of a central SOE in the district and a city company's chairman are no Party or
    # government leader (the speeches' 批示 are theirs, L48): neither counted, paid or scored, each said at
    # its cell (instruction.leader_not_counted). The 区委书记's is a 县级 批示.
    # 稿酬: item 1 县级 30; item 2 市级 100 (not doubled); item 3 县级 ×2 = 60.
    # Before: "中央驻区企业负责人" a 县级 批示 (区 its last level word) and "市城投集团董事长" a 市级 one, counted
    # and paid double (60, 200), nothing said.
    assert [(i.row, i.column) for i in findings(report, "instruction.leader_not_counted")] == [(3, "F"), (4, "F")]
    assert _paid_by_title(ledger) == {"作者乙1": Decimal("30"), "作者丙2": Decimal("100"), "作者丁3": Decimal("60")}
    assert list(sq.instructions(ledger, 2026)["leader"]) == ["区委书记张某某"]


def test_unknown_level_says_what_the_cell_holds(tmp_path):
    ledger, report = _read(tmp_path, {"2026年": _rows([
        ("区政协《社情民意》第1期", "同意，请区住建局研究办理", None),
        ("区政协《社情民意》第2期", "√", None),
    ])})
    # by hand: row 3 is a 批示's words whose leader is not written (one 批示, of no level, said); row 4 a mark
    # alone (one 批示, no one named, said). The message of row 3 names its words, not "只写了批示标记".
    said = {i.row: i.message for i in findings(report, "instruction.unknown_level")}
    assert set(said) == {3, 4}
    assert "同意，请区住建局研究办理" in said[3] and "只写了批示标记" not in said[3]
    assert "只写了批示标记" in said[4]


def _instruction_book() -> dict[str, list[list]]:
    items = _rows([("区政协《社情民意》第%d期" % k, None, None) for k in range(1, 5)])
    book = [["青山区政协2026年领导批示台账"], ["信息标题", "领导", "职务", "级别", "批示内容", "批示日期"],
            ["关于第1件事的建议", "王某", "副市长", "省级", "请市卫健委研究", "2026-05-10"],
            ["关于第2件事的建议", "李某", "省委书记", "县级", "请省有关部门研究", "2026-05-12"],
            ["关于第3件事的建议", "赵某", "区长", "区级", "同意", "2026-05-14"],
            ["关于第4件事的建议", "孙某", None, "市级", "请市发改委研究", "2026-05-16"]]
    return {"2026年": items, "批示台账": book}


def test_a_level_column_against_the_leaders_post_is_said_and_the_post_counts(tmp_path):
    ledger, report = _read(tmp_path, _instruction_book())
    # by hand: 领导 | 职务 | 级别 is one leader: 副市长王某 (市级 by his post, though 级别 says 省级), 省委书记李某
    # (省级, though 县级), 区长赵某 (区级 is the 区's 县级: agrees), 孙某 with no post (市级 as 级别 says).
    # The post decides where the two differ, as a 采用单位 does over its 采用级别, and the 级别 cell is said
    # (instruction.level_differs at D3, D4). Before: 职务 read past, 级别 unknown, all four of no level.
    assert _said(ledger) == {("批示台账", 3): [("副市长王某", "市级")], ("批示台账", 4): [("省委书记李某", "省级")],
                             ("批示台账", 5): [("区长赵某", "县级")], ("批示台账", 6): [("市级孙某", "市级")]}
    assert [(i.row, i.column) for i in findings(report, "instruction.level_differs")] == [(3, "D"), (4, "D")]
    assert "省级" in findings(report, "instruction.level_differs")[0].message
    assert not findings(report, "instruction.unknown_level")
    assert not [i for i in report.issues if i.code in ("header.unknown", "header.ignored") and i.sheet == "批示台账"]


# The office's year, written the many ways its staff write 批示 (item k on row k + 2 of 2026年).
_OFFICE = [
    ("区政协《社情民意》第1期", "请李副区长阅处", None),                   # asked: none
    ("区政协《社情民意》第2期", "中央驻区企业负责人批示", None),            # a company's head: not counted
    ("区政协《社情民意》第3期", "同意，请区住建局研究办理", None),          # one, no level
    ("区政协《社情民意》第4期", "区委书记张某某、区长刘某某批示", None),    # two 县级
    ("区政协《社情民意》第5期", "区政协主席陈某某批示：请提案委跟踪", None),  # the office's own 主席: 县级
    ("市政协采用", "市委副书记周某某批示：请市发改委研究", None),          # 市级
    ("区政协《社情民意》第7期", "常务副区长吴某批示", None),                # 县级
    ("区政协《社情民意》第8期", "区委常委、宣传部部长郑某批示", None),      # one person, 县级
    ("区政协《社情民意》第9期", "区长刘某某圈阅", None),                    # 圈阅 is a 批示: 县级
    ("区政协《社情民意》第10期", "阅示", None),                             # read only: none
    ("区政协《社情民意》第11期", "已呈报区委书记", None),                   # sent only: none
    ("区政协《社情民意》第12期", "副区长李某批转区教育局办理", None),       # 批转: 县级
    ("市政协采用", "2026年5月8日市长何某某批示", None),                     # 市级, 5月8日
    ("省政协采用", "副省长冯某某批示（6月3日）", None),                     # 省级
    ("市政协采用", "市长何某某、副市长王某某批示", None),                   # two 市级
    ("市政协采用", None, "获市委书记钱某某批示"),                           # in 备注: 市级
    ("市政协采用并获副市长批示", None, None),                               # in 采用情况: 市级
    ("区政协《社情民意》第18期", "拟请区长批示", None),                     # asked: none
    ("区政协《社情民意》第19期", "区人大常委会主任孙某批示", None),         # 县级
    ("区政协《社情民意》第20期", "常务副县长赵某批示", None),               # 县级
    ("区政协《社情民意》第21期", "县委常委、宣传部部长钱某批示", None),     # 县级
    ("区政协《社情民意》第22期", "区长刘某某：请李副区长阅处", None),       # the 区长's: 县级
    ("区政协《社情民意》第23期", "请区长阅示", None),                       # asked: none
    ("区政协《社情民意》第24期", "请刘区长阅批", None),                     # asked: none
]


def test_the_district_offices_year_of_instructions(tmp_path):
    office = tmp_path / "青山区政协"
    (office / "台账").mkdir(parents=True)
    book = _instruction_book()
    items = _rows(_OFFICE) + [[24 + k, f"2026-04-{24 + k:02d}", f"关于第{24 + k}件事的建议", f"作者{24 + k}",
                               "区政协《社情民意》第%d期" % (24 + k), None, None] for k in range(1, 5)]
    for row, title in zip(book["批示台账"][2:], (f"关于第{k}件事的建议" for k in range(25, 29))):
        row[0] = title
    book["批示台账"][5][1:4] = ["钱某", "市委书记", "市级"]
    book["批示台账"][5][4] = "阅"  # the 市委书记 read it: no 批示
    path = write_xlsx(office / "台账" / "报送台账.xlsx", {"2026年": items, "批示台账": book["批示台账"]})
    rules_file = office / "规则.yaml"
    rules_file.write_text(__import__("yaml").safe_dump(_district_rules().data, allow_unicode=True), encoding="utf-8")
    assert_every_cell_accounted(path, rules=_district_rules(), year=2026)
    # by hand, the counted 批示 (the comments of _OFFICE, then the 批示台账's 25 副市长王某 市级, 26 省委书记李某 省级,
    # 27 区长赵某 县级, 28 阅 none): 县级 items 4 (two), 5, 7, 8, 9, 12, 19, 20, 21, 22, 27 = 12; 市级 6, 13,
    # 15 (two), 16, 17, 25 = 7; 省级 14, 26 = 2; no level 3 = 1: 22 in all.
    ran = sqmy("compute", "instructions", office / "台账", "--rules", rules_file, "--year", 2026, "--format", "json")
    rows = json.loads(ran.stdout)
    levels = {}
    for r in rows:
        levels[r["level"]] = levels.get(r["level"], 0) + 1
    assert levels == {"县级": 12, "市级": 7, "省级": 2, None: 1}
    # 稿酬: instructed 县级 items 3, 4, 5, 7, 8, 9, 12, 19, 20, 21, 22, 25, 26, 27 at 60 = 840; instructed 市级
    # 6, 13, 15, 16, 17 at 200 = 1000; 省级 14 at 400; the rest 县级 at 30: 1, 2, 10, 11, 18, 23, 24, 28 = 240.
    # 2480 in all. Before: 1, 2 and 24 paid 60 (a 批示 by "请李副区长阅处", the company head, "请刘区长阅批"): 2570.
    ran = sqmy("compute", "rewards", office / "台账", "--rules", rules_file, "--year", 2026, "--format", "json")
    assert sum(Decimal(str(r["amount"])) for r in json.loads(ran.stdout)) == Decimal("2480")
