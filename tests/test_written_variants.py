"""One unit, person or mark written another way: punctuation typed after it, traditional characters
(a traditional-character IME), a mark typed twice. Each read as the one it writes, or said at its cell.

Every workbook here is written by hand in the test, every answer worked out by hand, and every
workbook checked for the reader's invariant (each non-empty cell read into a record or named in a finding).
"""
from __future__ import annotations

from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "青山县政协2025年社情民意信息登记表"
HEAD = ["序号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"]


def _codes(report, code):
    return [(i.row, i.column) for i in report.issues if i.code == code]


def _ledger(tmp_path, rows, head=HEAD, **read):
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [[TITLE], head, *[[k, *r] for k, r in enumerate(rows, 1)]]})
    return assert_every_cell_accounted(path, **read)


def test_punctuation_after_a_unit_is_no_part_of_it(tmp_path):
    # 民革青山县委。 and 民革青山县委， (a full stop or a comma typed after the name) are 民革青山县委: one
    # unit of three items, none said to be another way of writing it; they were three units.
    rows = [["2025-01-06", "关于加强农村饮水安全管理的建议", "张三", "民革青山县委", "√", None],
            ["2025-03-12", "关于规范农村建房审批的建议", "张三", "民革青山县委。", None, "√"],
            ["2025-04-12", "关于发展特色林果业的建议", "李四", "民革青山县委，", None, "√"]]
    ledger, report = _ledger(tmp_path, rows)
    assert ledger.submissions["unit"].tolist() == ["民革青山县委"] * 3
    assert not _codes(report, "unit.variant")
    units = sq.units(ledger, 2025)
    assert units["unit"].tolist() == ["民革青山县委"] and units["submitted"].tolist() == [3]


def test_a_unit_in_traditional_characters_is_said_without_a_roster(tmp_path):
    # 民革青山縣委 (縣, traditional) beside 民革青山县委, no roster: two spellings of one unit, counted apart
    # as every other variant is and said at the first cell of the other (E3), the README's unit.variant.
    rows = [["2025-01-06", "关于加强农村饮水安全管理的建议", "张三", "民革青山县委", "√", None],
            ["2025-02-10", "关于治理城区噪声扰民的建议", "李四", "民革青山縣委", "√", None],
            ["2025-03-12", "关于规范农村建房审批的建议", "王五", "民革青山县委", None, "√"]]
    ledger, report = _ledger(tmp_path, rows)
    assert _codes(report, "unit.variant") == [(4, "E")]
    assert "民革青山縣委" in next(i.message for i in report.issues if i.code == "unit.variant")


def test_a_unit_in_traditional_characters_is_the_roster_s_unit(tmp_path):
    # With a roster listing 民革青山县委, 民革青山縣委 is that unit: both items count for it (30 + 100 points
    # by the default rules: 县级 4, 市级 11), none for a unit the roster does not list.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革青山县委", "民主党派"]]})
    rows = [["2025-01-06", "关于加强农村饮水安全管理的建议", "张三", "民革青山县委", "√", None],
            ["2025-02-10", "关于治理城区噪声扰民的建议", "李四", "民革青山縣委", None, "√"]]
    ledger, report = _ledger(tmp_path, rows, roster=roster)
    assert not _codes(report, "roster.unknown_unit")
    units = sq.units(ledger, 2025)
    row = units[units["unit"] == "民革青山县委"]
    assert row["submitted"].tolist() == [2] and row["points"].tolist() == [15]


def test_a_name_in_traditional_characters_is_the_same_person(tmp_path):
    # 張三 (張, traditional) and 张三: one person, paid 30 + 30 + 100 = 160.00 元 for three items, said
    # once at the cell written the other way (D4: author.variant). They were two people, with no finding.
    rows = [["2025-01-06", "关于加强农村饮水安全管理的建议", "张三", "民革青山县委", "√", None],
            ["2025-02-10", "关于治理城区噪声扰民的建议", "張三", "民革青山县委", "√", None],
            ["2025-03-12", "关于规范农村建房审批的建议", "张三", "民革青山县委", None, "√"]]
    ledger, report = _ledger(tmp_path, rows)
    assert ledger.authors["name"].tolist() == ["张三"] * 3
    assert ledger.authors["written"].tolist() == ["张三", "張三", "张三"]  # as written, for the record
    assert _codes(report, "author.variant") == [(4, "D")]
    r = sq.rewards(ledger, 2025)
    assert dict(zip(r["name"], r["amount"])) == {"张三": Decimal("160.00")}


def test_a_simplified_character_that_is_also_traditional_stays_as_written():
    # 乾 and 於 are simplified characters too (乾坤, the surname 於): 王乾 is no 王干, 於红 no 于红.
    from sqmy_lib.read.authors import name_key
    from sqmy_lib.zh import simplified

    assert name_key("王乾") == "王乾" and name_key("於红") == "於红"
    # 甯, 昇, 甦, 陞, 脩, 頫 are standard characters in names (通用规范汉字表): 甯静 was counted as 宁静, one person.
    assert [name_key(n) for n in ("甯静", "王昇", "李甦", "赵孟頫")] == ["甯静", "王昇", "李甦", "赵孟頫"]
    assert simplified("民革青山縣委") == "民革青山县委" and simplified("张三") == "张三"


def test_marks_bodies_leaders_and_follow_ups_in_traditional_characters(tmp_path):
    # Each cell read as its simplified form, the text kept as written:
    #   市政協採用 under 县政协编发: an adoption by 市政协 (市级), not a body of an unknown channel;
    #   縣政協編發 under 县政协编发: 县级; 全國政協採用 under 市政协: 全国政协 (全国);
    #   縣委書記王某某批示: a 批示 by a 县级 leader that counts (not a department's head); 已解決: 已办结.
    head = [*HEAD, "领导批示", "落实情况"]
    rows = [["2025-03-01", "关于一的建议", "张三", "民革青山县委", "市政協採用", None, None, None],
            ["2025-03-03", "关于三的建议", "张三", "民革青山县委", "縣政協編發", "全國政協採用", None, None],
            ["2025-03-04", "关于四的建议", "张三", "民革青山县委", "√", None, "縣委書記王某某批示", "已解決"]]
    ledger, report = _ledger(tmp_path, rows, head=head)
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(0, "市级"), (1, "全国"), (1, "县级"), (2, "县级")]
    for code in ("mark.unknown", "adoption.unknown_channel", "instruction.leader_not_counted",
                 "instruction.unknown_level", "instruction.follow_up_unknown"):
        assert not _codes(report, code), code
    instr = ledger.instructions
    assert instr["level"].tolist() == ["县级"] and instr["follow_up"].tolist() == ["已解決"]
    assert sq.instructions(ledger, 2025)["status"].tolist() == ["已办结"]


def test_a_mark_with_punctuation_after_it_or_typed_twice_is_the_mark(tmp_path):
    # √。 是。 √， (punctuation after the mark) and √√ ✓✓ (the sign typed twice) are each one adoption
    # under their column, paid as any √ (an item by its highest tier: 市政协 100.00 元, 县政协编发 30.00 元).
    # They were mark.unknown, and counted for nothing.
    rows = [["2025-03-01", "关于一的建议", "张三", "民革青山县委", "√。", None],
            ["2025-03-02", "关于二的建议", "李四", "民革青山县委", None, "是。"],
            ["2025-03-03", "关于三的建议", "王五", "民革青山县委", "√√", "✓✓"],
            ["2025-03-04", "关于四的建议", "赵六", "民革青山县委", "√，", None]]
    ledger, report = _ledger(tmp_path, rows)
    assert not _codes(report, "mark.unknown")
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"].astype(str))) == [(0, "县级"), (1, "市级"), (2, "县级"), (2, "市级"), (3, "县级")]
    r = sq.rewards(ledger, 2025)
    assert dict(zip(r["name"], r["amount"])) == {"张三": Decimal("30.00"), "李四": Decimal("100.00"),
                                                  "王五": Decimal("100.00"), "赵六": Decimal("30.00")}
