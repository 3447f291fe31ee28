"""A county office's 2025 in a year of change (机构改革, 换届, a new template from July): rosters and
ledgers written the way such an office keeps them, every figure worked out by hand.

The office's roster after a 换届 in July lists the committee on two sheets (第十届委员 to 30 June, 第十一届委员
from 1 July), and two members share a name (张伟 of 县医院, 医卫界; 张伟 of 县一中, 教育界), each row's 备注
saying so. Its units were reorganised in June: 县卫生和计划生育局 撤销 (renamed 县卫生健康局, 成立 July).
"""
from __future__ import annotations

import datetime as dt
import json

import sqmy_lib as sq
from conftest import sqmy, write_xlsx

D = dt.date
HEADER = ["姓名", "身份", "单位", "界别", "任职时间", "届满时间", "备注"]


def _roster_after_the_change(tmp_path):
    """第十届 to 30 June 2025, 第十一届 from 1 July: both 张伟 re-elected (a row on each sheet), 李明 not,
    王芳 newly elected."""
    tenth = [HEADER,
             ["张伟", "委员", "县医院", "医卫界", D(2021, 12, 1), D(2025, 6, 30), "与县一中张伟重名"],
             ["张伟", "委员", "县一中", "教育界", D(2021, 12, 1), D(2025, 6, 30), "与县医院张伟重名"],
             ["李明", "委员", "民盟县委", "民盟", D(2021, 12, 1), D(2025, 6, 30), "届满未连任"]]
    eleventh = [HEADER,
                ["张伟", "委员", "县医院", "医卫界", D(2025, 7, 1), None, "与县一中张伟重名"],
                ["张伟", "委员", "县一中", "教育界", D(2025, 7, 1), None, "与县医院张伟重名"],
                ["王芳", "委员", "县卫生健康局", "医卫界", D(2025, 7, 1), None, None]]
    units = [["单位名称", "单位类型"], ["县医院", "界别组"], ["县一中", "界别组"], ["民盟县委", "民主党派"],
             ["县卫生健康局", "界别组"]]
    return write_xlsx(tmp_path / "名册.xlsx", {"第十届委员": tenth, "第十一届委员": eleventh, "单位": units})


def test_two_members_of_one_name_reelected_keep_their_second_term(tmp_path):
    # Both 张伟 served the whole year (to 30 June in the 第十届, from 1 July in the 第十一届). A 委员 owes
    # 2 items a year, pro-rated by months in post: 12 months each, 任务 2. By hand:
    #   张伟(医卫界): 1月, 5月, 11月 (县医院) = 3 items, 3/2 = 150.0%, no 离任 date;
    #   张伟(教育界): 2月, 9月 (县一中) = 2 items, 2/2 = 100.0%, no 离任 date;
    #   李明: 6 months (to 30 June), 任务 1, 1 item, 100.0%, 离任 2025-06-30;
    #   王芳: 6 months (from 1 July), 任务 1, 1 item, 100.0%.
    # Before: the 备注 saying the name is shared told the two 张伟 apart, but each one's 第十一届 row was
    # then dropped as a repeat of the 第十届 one: both shown 离任 2025-06-30 with 任务 1 (150% → 300%,
    # 100% → 200%), and nothing said.
    roster = _roster_after_the_change(tmp_path)
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"],
            [1, D(2025, 1, 8), "关于县域医共体建设的建议", "张伟", "县医院"],
            [2, D(2025, 2, 10), "关于校园周边交通安全的建议", "张伟", "县一中"],
            [3, D(2025, 5, 20), "关于县医院停车难的建议", "张伟", "县医院"],
            [4, D(2025, 6, 3), "关于基层卫生院人才流失的建议", "李明", "民盟县委"],
            [5, D(2025, 8, 6), "关于基层医疗卫生服务的建议", "王芳", "县卫生健康局"],
            [6, D(2025, 9, 9), "关于县一中扩容的建议", "张伟", "县一中"],
            [7, D(2025, 11, 18), "关于县医院急诊扩建的建议", "张伟", "县医院"]]
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": rows})
    ran = sqmy("compute", "people", path, "--roster", roster, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    got = {p["name"]: (p["submitted"], p["quota"], p["completion"], p["ended_on"]) for p in json.loads(ran.stdout)}
    assert got == {"张伟(医卫界)": (3, 2, 1.5, None), "张伟(教育界)": (2, 2, 1.0, None),
                   "李明": (1, 1, 1.0, "2025-06-30"), "王芳": (1, 1, 1.0, None)}
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    terms = dict(zip(ledger.roster.people["name"], ledger.roster.people["terms"]))
    assert terms["张伟(医卫界)"] == terms["张伟(教育界)"] == ((D(2021, 12, 1), None),)
    joined = ledger.roster.findings[ledger.roster.findings["code"] == "roster.terms_joined"]
    assert sorted(joined["value"]) == ["张伟(医卫界)", "张伟(教育界)"]
    assert set(joined["sheet"]) == {"第十一届委员"}
