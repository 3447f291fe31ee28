"""One unit per 委员, and the roster read as a 县政协 keeps it: a workbook per 界别 (经济界别.xlsx,
农业界别.xlsx), a 委员名册 of 姓名|界别|工作单位及职务 with the 界别组 listed, 身份 written the CPPCC's way.

Every workbook is written by hand in the test, every answer worked out by hand in the test, and
every ledger is checked for the reader's invariant (each non-empty cell read or named in a finding).
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pandas as pd

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

DONE = dt.date(2026, 3, 1)
HEADER = ["序号", "作者", "信息标题", "报送日期", "采用情况", "备注"]
UNITS = [["单位名称", "单位类型"], ["经济界别组", "界别组"], ["教育界别组", "界别组"], ["农业界别组", "界别组"]]
ROSTER = [["姓名", "界别", "工作单位及职务"], ["张建国", "经济界", "商贸公司董事长"], ["李秀英", "经济界", "农商行行长"],
          ["周强", "农业界", "家庭农场负责人"], ["徐芳", "农业界", "茶叶合作社理事长"]]


def _ledger(path, sector, rows):
    """One 界别's workbook: a title, the header, its rows numbered."""
    return write_xlsx(path, {"2025年": [[f"{sector}委员2025年社情民意信息"], HEADER,
                                       *[[k, *row] for k, row in enumerate(rows, 1)]]})


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def test_the_rewards_table_shows_a_member_in_the_unit_people_shows(tmp_path):
    # 张建国 (界别 经济界, no 单位 on the roster) sent two items in 经济界别.xlsx (县级, 30.00 each) and one
    # with 周强 kept in 农业界别.xlsx (市级 100.00, 50.00 each). Before: the rewards table and the payout
    # sheet put him under 农业界别组 (his first line's item), while people and the candidates said
    # 经济界别组. By hand: 经济界别组 everywhere (his 界别's group, one of his items' units), 110.00.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": ROSTER, "界别组": UNITS})
    folder = tmp_path / "台账"
    folder.mkdir()
    _ledger(folder / "经济界别.xlsx", "经济界别", [
        ["张建国", "关于优化县域营商环境的建议", "2025-01-15", "县政协《社情民意》第2期", None],
        ["张建国", "关于县城停车难问题的建议", "2025-07-03", "县政协《社情民意》第15期", None]])
    _ledger(folder / "农业界别.xlsx", "农业界别", [
        ["周强、张建国", "关于加快农村电商物流体系建设的建议", "2025-03-10", "市政协采用", None]])
    ledger, report = assert_every_cell_accounted(folder, roster=roster, year=2025)
    people = sq.people(ledger, 2025, today=DONE).set_index("name")
    assert people.loc["张建国", "unit"] == "经济界别组" and people.loc["张建国", "reward"] == Decimal("110.00")
    rewards = sq.rewards(ledger, 2025).set_index("name")
    assert rewards.loc["张建国", ["unit", "items", "amount"]].tolist() == ["经济界别组", 3, Decimal("110.00")]
    assert rewards.loc["周强", ["unit", "amount"]].tolist() == ["农业界别组", Decimal("50.00")]
    lines = sq.reward_lines(ledger, 2025)
    assert set(lines.loc[lines["beneficiary"] == "张建国", "unit"]) == {"经济界别组"}
    payout = sq.annual_commendation(ledger, 2025, today=DONE).payout.set_index("name")
    assert payout.loc["张建国", "unit"] == "经济界别组" and payout.loc["周强", "unit"] == "农业界别组"


def test_two_members_of_one_name_are_told_apart_by_the_file_s_unit(tmp_path):
    # The roster lists 王磊 twice (界别 经济界 and 农业界; no 单位 column), told apart as 王磊(经济界) and
    # 王磊(农业界). 经济界别.xlsx counts for 经济界别组 (its name), as for everyone else, and that is
    # 经济界: its two 王磊 items are the 经济界 王磊's (县级, 30.00 each), the 农业界别.xlsx one the
    # 农业界 王磊's (市级, 100.00). Before: author.same_name at all three cells, "本条信息的单位、界别未能
    # 对应其中一人", credited to neither (both 未报送). 综合.xlsx names no unit: that 王磊 is said.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [*ROSTER, ["王磊", "经济界", "园区管委会副主任"],
                                                         ["王磊", "农业界", "种子站站长"]], "界别组": UNITS})
    folder = tmp_path / "台账"
    folder.mkdir()
    _ledger(folder / "经济界别.xlsx", "经济界别", [
        ["王磊", "关于发展县域夜间经济的建议", "2025-11-20", "县政协《社情民意》第31期", None],
        ["王磊", "关于盘活闲置厂房的建议", "2025-05-12", "县政协《社情民意》第9期", None]])
    _ledger(folder / "农业界别.xlsx", "农业界别", [["王磊", "关于良种推广的建议", "2025-04-01", "市政协采用", None]])
    _ledger(folder / "综合.xlsx", "各界别", [["王磊", "关于乡村客运的建议", "2025-06-01", None, None]])
    ledger, report = assert_every_cell_accounted(folder, roster=roster, year=2025)
    people = sq.people(ledger, 2025, today=DONE).set_index("name")
    assert people.loc["王磊(经济界)", ["unit", "submitted", "reward"]].tolist() == ["经济界别组", 2, Decimal("60.00")]
    assert people.loc["王磊(农业界)", ["unit", "submitted", "reward"]].tolist() == ["农业界别组", 1, Decimal("100.00")]
    assert [(i.file.split("/")[-1], i.row) for i in _codes(report, "author.same_name")] == [("综合.xlsx", 3)]


def test_special_members_and_a_standing_member_with_a_post_are_members(tmp_path):
    # 特邀委员 and 特约委员 are CPPCC 委员 (rules 2025.9: read quietly, 2 a year); 常委、界别召集人 is a 常委
    # (a 委员) who convenes his 界别: before, roster.role_unknown and no quota. By hand: all four 委员,
    # quota 2; 常委、界别召集人 said once as read (role_read_as, the cell as written), 召集人 alone unknown.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": [
        ["姓名", "身份", "界别"], ["张建国", "常委、界别召集人", "经济界"], ["杨帆", "特邀委员", "教育界"],
        ["刘洋", "特约委员", "教育界"], ["李秀英", "委员", "经济界"], ["周强", "召集人", "农业界"]], "界别组": UNITS})
    folder = tmp_path / "台账"
    folder.mkdir()
    _ledger(folder / "经济界别.xlsx", "经济界别", [["张建国", "关于甲的建议", "2025-03-01", None, None]])
    ledger, report = assert_every_cell_accounted(folder, roster=roster, year=2025)
    people = sq.people(ledger, 2025, today=DONE).set_index("name")
    assert people.loc[["张建国", "杨帆", "刘洋", "李秀英"], "role"].tolist() == ["委员"] * 4
    assert people.loc[["张建国", "杨帆", "刘洋", "李秀英"], "quota"].tolist() == [2] * 4
    assert people.loc["周强", "role"] == "召集人" and pd.isna(people.loc["周强", "quota"])
    said = [(i.code, i.row) for i in report.issues if i.code.startswith("roster.role")]
    assert said == [("roster.role_read_as", 2), ("roster.role_unknown", 6)]


def _office(tmp_path):
    """An office as ``sqmy init`` makes it (its blank 名册.xlsx), with one 界别's ledger."""
    office = tmp_path / "县政协"
    assert sqmy("init", office, "--year", "2025").returncode == 0
    (office / "台账" / "社情民意信息台账模板.xlsx").unlink()
    _ledger(office / "台账" / "经济界别.xlsx", "经济界别", [["张建国", "关于甲的建议", "2025-03-01", None, None]])
    return office


def test_a_roster_kept_with_the_ledgers_beside_the_blank_one_is_no_error(tmp_path):
    # The clerk's 委员名册.xlsx sits in 台账/ and is read as the roster; the blank 名册.xlsx of sqmy init
    # was an ERROR roster.not_found (exit 2) all the same. By hand: read, a note naming 委员名册.xlsx.
    office = _office(tmp_path)
    write_xlsx(office / "台账" / "委员名册.xlsx", {"委员名册": [["姓名", "身份", "界别"], ["张建国", "委员", "经济界"]],
                                                 "界别组": UNITS})
    ran = sqmy("validate", office, "--format", "json")
    issues = json.loads(ran.stdout)["issues"]
    assert ran.returncode == 0 and not [i for i in issues if i["code"] == "roster.not_found"]
    [blank] = [i for i in issues if i["code"] == "roster.blank"]
    assert blank["severity"] == "info" and "委员名册.xlsx" in blank["message"]
    people = json.loads(sqmy("compute", "people", office, "--year", "2025", "--format", "json").stdout)
    assert [(p["name"], p["role"], p["unit"], p["quota"]) for p in people] == [("张建国", "委员", "经济界别组", 2)]


def test_a_roster_beside_the_ledgers_folder_is_named_as_a_roster(tmp_path):
    # 委员名册.xlsx in the office folder itself is not read; the hint said "台账请放入 …/台账" as for a
    # misplaced ledger. By hand: it is named as a likely roster, with what to do.
    office = _office(tmp_path)
    write_xlsx(office / "委员名册.xlsx", {"委员名册": [["姓名", "身份", "界别"], ["张建国", "委员", "经济界"]]})
    ran = sqmy("validate", office)
    assert "委员名册.xlsx 未读取,它可能是名册;如是,请将它改名为 名册.xlsx(替代现有的 名册.xlsx)" in ran.stderr
    assert "以外的" not in ran.stderr
