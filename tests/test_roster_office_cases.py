"""A district office (青岭区政协) whose 名册 is kept the way offices keep it: a sheet per role (委员 / 信息员),
a title row, 界别 and 单位 columns, a 任务数 column, 备注 such as 2025年3月起 or 届中调整, and a person on
two sheets (a 委员 who is also a unit's 信息员).

Every workbook here is written by hand in the test, every answer worked out by hand in the comments,
and every workbook is checked for the reader's invariant: each non-empty cell is consumed into a record
or named in a finding.
"""
from __future__ import annotations

import datetime as dt

from sqmy_lib.compute import Period, people, units
from sqmy_lib.rules import load_rules
from conftest import assert_every_cell_accounted, findings, write_xlsx

D = dt.date
DONE = dt.date(2026, 1, 10)  # the year over: every quota judged whole
UNITS = [["社情民意信息报送单位"], ["序号", "单位名称", "单位类型"],
         [1, "民进区委", "民主党派"], [2, "城关街道政协工委", "镇街政协工委"], [3, "区工商联", "工商联"]]
HEAD = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况"]


def _rules(tmp_path):
    """The shipped rules with the district's own place (青岭区 of 江州市)."""
    import yaml

    from sqmy_lib.rules.model import default_rules_path

    data = yaml.safe_load(default_rules_path(2025)[0].read_text(encoding="utf-8"))
    data["office"].update(name="青岭区政协", full_name="政协江州市青岭区委员会", place="青岭区", city="江州市")
    path = tmp_path / "规则.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_rules(path)


def _office(tmp_path, informant_terms, rows):
    """名册: 刘洋 委员 of 民进区委 (all year) on the 委员 sheet and 信息员 of 城关街道政协工委 on the 信息员
    sheet with ``informant_terms`` (聘任, 离任); the ledger's ``rows``."""
    start, end = informant_terms
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员": [["政协青岭区第九届委员会委员名册"], ["序号", "姓名", "性别", "界别", "单位", "备注"],
               [1, "刘洋", "男", "中国民主促进会", "民进区委", None],
               [2, "张明华", "男", "中国民主促进会", "民进区委", None]],
        "信息员": [["青岭区政协社情民意信息员名册"], ["序号", "姓名", "单位", "聘任时间", "离任时间"],
                [1, "刘洋", "城关街道政协工委", start, end]],
        "单位": UNITS,
    })
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["青岭区政协2025年社情民意信息报送台账"], HEAD, *rows]})
    return roster, ledger


def _units(ledger) -> dict[str, tuple[int, int, int]]:
    table = units(ledger, Period.of(2025), today=DONE).set_index("unit")
    return {u: (table.at[u, "submitted"], table.at[u, "adopted"], table.at[u, "points"]) for u in table.index}


def test_an_item_with_no_unit_by_a_person_in_two_units_counts_for_neither_and_is_said(tmp_path):
    # 刘洋 is 委员 of 民进区委 and 信息员 of 城关街道政协工委, both all year. Items:
    #   1 2025-02-15 刘洋, 单位 blank, 市政协采用   — which unit sent it only staff know
    #   2 2025-03-15 刘洋, 城关街道政协工委            — 城关
    #   3 2025-04-15 张明华, 民进区委                  — 民进区委
    # Was: item 1 counted for 民进区委 (the first roster row's unit) without a word: 民进区委 2 sent,
    # 1 adopted, 1+1+10 = 12 points. By hand: 民进区委 1 sent, 0 adopted, 1 point; 城关 1 sent, 1 point;
    # item 1 in no unit's figures, said at its 作者 cell D3 naming both units. 刘洋's own figures keep it:
    # he wrote items 1 and 2, so 2 sent, 1 adopted in each role's row.
    rules = _rules(tmp_path)
    roster, path = _office(tmp_path, (D(2025, 1, 1), None), [
        [1, D(2025, 2, 15), "关于中小学课后服务的建议", "刘洋", None, "市政协采用"],
        [2, D(2025, 3, 15), "关于背街小巷整治的建议", "刘洋", "城关街道政协工委", None],
        [3, D(2025, 4, 15), "关于老旧小区加装电梯的建议", "张明华", "民进区委", None],
    ])
    ledger, report = assert_every_cell_accounted([path, roster], rules=rules, roster=roster)
    said = findings(report, "author.units_several")
    assert [(i.sheet, i.cell.split("!")[-1]) for i in said] == [("2025年", "D3")]
    assert "民进区委、城关街道政协工委" in said[0].message and "未计入任何单位" in said[0].message
    assert _units(ledger)["民进区委"] == (1, 0, 1)
    assert _units(ledger)["城关街道政协工委"] == (1, 0, 1)
    year = people(ledger, Period.of(2025), today=DONE)
    assert {(n, r): (s, a) for n, r, s, a in zip(year["name"], year["role"], year["submitted"], year["adopted"])
            if n == "刘洋"} == {("刘洋", "委员"): (2, 1), ("刘洋", "信息员"): (2, 1)}


def test_a_person_in_two_units_counts_for_the_unit_of_the_role_held_that_day(tmp_path):
    # 刘洋 信息员 of 城关街道政协工委 from 2024-03-01 to 2025-04-30, then only 委员 of 民进区委 (all year).
    #   1 2025-02-10 刘洋, 单位 blank — both roles held that day: which unit, only staff know: none, said (D3)
    #   2 2025-07-08 刘洋, 单位 blank, 区政协编发 — only the 委员 role held: 民进区委 (1 sent, 县级 3 points)
    # Was: both counted for 民进区委 without a word (2 sent, 1 adopted, 2+3 = 5 points). By hand: 民进区委
    # 1 sent, 1 adopted, 1+3 = 4 points; 城关 none; one finding, at item 1's 作者 cell.
    rules = _rules(tmp_path)
    roster, path = _office(tmp_path, (D(2024, 3, 1), D(2025, 4, 30)), [
        [1, D(2025, 2, 10), "关于社区养老的建议", "刘洋", None, None],
        [2, D(2025, 7, 8), "关于中小学课后服务的建议", "刘洋", None, "区政协编发"],
    ])
    ledger, report = assert_every_cell_accounted([path, roster], rules=rules, roster=roster)
    assert [i.cell.split("!")[-1] for i in findings(report, "author.units_several")] == ["D3"]
    sent = _units(ledger)
    assert sent["民进区委"] == (1, 1, 4)
    assert sent["城关街道政协工委"][0] == 0


def test_a_note_writing_a_month_or_a_change_in_post_is_said_at_its_cell(tmp_path):
    # 委员 sheet (title row, 任务数 column as offices keep it), 备注 in column G:
    #   孙伟  届中调整          — a change in post, no date: was consumed without a word; said at G3
    #   林峰  2025年3月起       — a month, no 聘任 date: was consumed without a word; said at G4
    #   马丽  界别召集人        — a post, no change: consumed, nothing said
    #   王秀英 2025年6月增补, 聘任时间 2025-06-01 — the date column holds it: nothing said
    # 信息员 sheet (no title row): 许杰 备注 2025年6月 (聘任 2025-01-01): said at F2.
    # The quotas run by the date columns, as before (no guess from the note): 孙伟, 林峰, 马丽 委员 2 a year;
    # 王秀英 委员 from June (7 months of 12 of 2: 1.17, rounded up to 2); 许杰 信息员 12 months.
    rules = _rules(tmp_path)
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员": [["政协青岭区第九届委员会委员名册"], ["序号", "姓名", "界别", "单位", "聘任时间", "任务数", "备注"],
               [1, "孙伟", "中国民主促进会", "民进区委", None, 2, "届中调整"],
               [2, "林峰", "经济界", "区工商联", None, 2, "2025年3月起"],
               [3, "马丽", "经济界", "区工商联", None, 2, "界别召集人"],
               [4, "王秀英", "经济界", "区工商联", D(2025, 6, 1), 2, "2025年6月增补"]],
        "信息员": [["序号", "姓名", "单位", "聘任时间", "任务数", "备注"],
                [1, "许杰", "城关街道政协工委", D(2025, 1, 1), 12, "2025年6月"]],
        "单位": UNITS,
    })
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["青岭区政协2025年社情民意信息报送台账"], HEAD,
                                                       [1, D(2025, 4, 2), "关于夜间经济的建议", "林峰", "区工商联", None]]})
    ledger, report = assert_every_cell_accounted([path, roster], rules=rules, roster=roster)
    said = findings(report, "roster.note_unread")
    assert sorted((i.sheet, i.cell.split("!")[-1]) for i in said) == [("信息员", "F2"), ("委员", "G3"), ("委员", "G4")]
    assert all(f"“{v}”" in i.message for i, v in zip(sorted(said, key=lambda i: i.cell),
                                                      ["2025年6月", "届中调整", "2025年3月起"]))
    assert not findings(report, "roster.joining_in_note")
    year = people(ledger, Period.of(2025), today=DONE)
    assert dict(zip(year["name"], year["quota"])) == {"孙伟": 2, "林峰": 2, "马丽": 2, "王秀英": 2, "许杰": 12}


def test_a_person_is_shown_in_the_unit_as_the_unit_sheet_writes_it(tmp_path):
    # The 信息员 sheet writes 冯晓's unit 区工商业联合会, the 单位 sheet 区工商联 (李建国's on the 委员 sheet).
    # Items: 冯晓 2025-03-20 区工商业联合会 区政协编发 (县级 ¥30); 李建国 2025-03-05 区工商联.
    # The unit figures count both for 区工商联 (2 sent, 1 adopted, 2+3 = 5 points). Was: 冯晓 shown (people,
    # rewards' 所在单位, the circular's list) under 区工商业联合会 beside 李建国 under 区工商联 — one unit under
    # two names in one table. By hand: both under 区工商联.
    rules = _rules(tmp_path)
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员": [["序号", "姓名", "界别", "单位"], [1, "李建国", "工商联", "区工商联"]],
        "特邀信息员": [["序号", "姓名", "单位", "聘任日期"], [1, "冯晓", "区工商业联合会", D(2025, 3, 15)]],
        "单位": UNITS,
    })
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["青岭区政协2025年社情民意信息报送台账"], HEAD,
                                                       [1, D(2025, 3, 5), "关于民营企业融资难的建议", "李建国", "区工商联", None],
                                                       [2, D(2025, 3, 20), "关于个体工商户减负的建议", "冯晓", "区工商业联合会", "区政协编发"]]})
    ledger, _ = assert_every_cell_accounted([path, roster], rules=rules, roster=roster)
    assert _units(ledger)["区工商联"] == (2, 1, 5)
    year = people(ledger, Period.of(2025), today=DONE)
    assert dict(zip(year["name"], year["unit"])) == {"李建国": "区工商联", "冯晓": "区工商联"}
    import sqmy_lib as sq

    paid = sq.rewards(ledger, Period.of(2025))
    assert dict(zip(paid["name"], paid["unit"])) == {"冯晓": "区工商联"}
