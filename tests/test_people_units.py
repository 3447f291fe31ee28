"""The 单位 of a person the roster names no 单位 for: a roster kept as offices keep it, one sheet per
role — 委员名册 ``序号|姓名|性别|界别|工作单位及职务|联系电话`` (工作单位及职务 is where the 委员 works, not the
unit they submit through) and 信息员名册 ``序号|姓名|性别|所在单位|身份|聘任时间|联系电话``.

What a clerk expects in ``sqmy compute people`` and in the circular's list of people behind their
task: a 委员 whose items all name one unit is of that unit; one with no items is of the unit their
界别 names when the roster's units list has exactly one for it (经济界 → 经济界别组); one whose items
name several units is of their 界别's unit when it is one of them, else of none. Each such unit is
said (the row's 备注; a sentence above the circular's list), never the workplace, and the quotas
stay personal (a 委员's 2 a year whatever the unit).

Every workbook is written by hand here, every answer worked out by hand.
"""
from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl

from conftest import assert_every_cell_accounted, sqmy, write_xlsx

WORKPLACES = {"王建国": "县人民医院副院长", "陈伟": "华兴建材有限公司总经理", "李秀英": "县第一中学教师",
              "杨丽华": "县农商银行行长", "孙敏": "县中医院主任"}
SECTORS = {"王建国": "民革", "陈伟": "工商联", "李秀英": "无党派", "杨丽华": "经济界", "孙敏": "医卫界"}


def _office(tmp_path: Path) -> tuple[Path, Path]:
    members = [["政协示例县第十届委员会委员名册"], ["序号", "姓名", "性别", "界别", "工作单位及职务", "联系电话"]]
    for k, name in enumerate(WORKPLACES, 1):
        members.append([k, name, "女" if name in ("李秀英", "杨丽华", "孙敏") else "男", SECTORS[name],
                        WORKPLACES[name], f"1390000{k:04d}"])
    informants = [["序号", "姓名", "性别", "所在单位", "身份", "聘任时间", "联系电话"],
                  [1, "马晓军", "男", "城关镇政协工委", "信息员", None, "13800000001"]]
    units = [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"], ["县工商联", "工商联"],
             ["经济界别组", "界别组"], ["城关镇政协工委", "镇街政协工委"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员名册": members, "信息员名册": informants, "报送单位": units})
    head = ["序号", "信息标题", "报送单位", "作者", "报送日期", "采用情况"]
    items = [
        ("关于加强农村留守老人关爱服务的建议", "民革县委", "王建国、陈伟", "2025-03-05", "县政协《社情民意》采用"),
        ("关于规范校外培训机构收费行为的建议", "县工商联", "陈伟", "2025-04-08", None),
        ("关于解决城区停车难问题的建议", "县工商联", "陈伟", "2025-06-12", None),
        ("关于加快推进农村生活污水治理的建议", "民盟县委", "李秀英", "2025-05-09", None),
        ("关于提升基层医疗卫生服务能力的建议", "城关镇政协工委", "李秀英", "2025-07-15", None),
        ("关于优化营商环境降低企业融资成本的建议", "城关镇政协工委", "马晓军", "2025-01-20", None),
        ("关于加强中小学生心理健康教育的建议", "城关镇政协工委", "马晓军", "2025-02-11", None),
        ("关于推动茶产业品牌化发展的建议", "城关镇政协工委", "马晓军", "2025-03-18", None),
        ("关于整治电动自行车违规充电隐患的建议", "城关镇政协工委", "马晓军", "2025-10-09", None),
    ]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025": [head, *[[k, *row] for k, row in enumerate(items, 1)]]})
    return ledger, roster


def _people(tmp_path: Path) -> dict[str, dict]:
    ledger, roster = _office(tmp_path)
    ran = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025, "--format", "json")
    assert ran.returncode in (0, 1), ran.stderr
    rows = json.loads(ran.stdout)
    rows = rows["people"] if isinstance(rows, dict) else rows
    return {(r["name"], r["role"]): r for r in rows}


def test_a_member_with_no_unit_on_the_roster_is_of_the_unit_their_items_or_sector_name(tmp_path):
    """By hand (units as the 报送单位 column names them, 2025):
    王建国 (民革): one item, 民革县委 (co-authored with 陈伟) → 民革县委, from his items; 1 of 2.
    陈伟 (工商联): 民革县委 once, 县工商联 twice → several units; his 界别 工商联 is the listed 县工商联,
      one of them → 县工商联, said with both units (most items first); 3 of 2.
    李秀英 (无党派): 民盟县委 and 城关镇政协工委, one each; no listed unit is 无党派 → blank, said; 2 of 2.
    杨丽华 (经济界): no items; 经济界 is the one listed 经济界别组 → 经济界别组, from her 界别; 0 of 2.
    孙敏 (医卫界): no items, no listed unit for 医卫界 → blank, nothing to say; 0 of 2.
    马晓军 (信息员, 城关镇政协工委 on the roster): unchanged, no note; January–March and October, 4 items,
    任务 12.
    No unit is ever a 工作单位及职务."""
    rows = _people(tmp_path)
    ledger, roster = tmp_path / "台账.xlsx", tmp_path / "名册.xlsx"
    assert_every_cell_accounted([ledger, roster], roster=roster, year=2025)  # 工作单位及职务 said unread, not taken
    got = {k: (r["unit"] or "", r["quota"], r["submitted"], r["note"] or "") for k, r in rows.items()}
    assert got == {
        ("王建国", "委员"): ("民革县委", 2.0, 1, "名册未写单位，按其信息的报送单位填写"),
        ("陈伟", "委员"): ("县工商联", 2.0, 3, "名册未写单位，其信息分属县工商联、民革县委，按界别“工商联”填写"),
        ("李秀英", "委员"): ("", 2.0, 2, "名册未写单位，其信息分属民盟县委、城关镇政协工委，单位未填"),
        ("杨丽华", "委员"): ("经济界别组", 2.0, 0, "名册未写单位，按界别“经济界”填写"),
        ("孙敏", "委员"): ("", 2.0, 0, ""),
        ("马晓军", "信息员"): ("城关镇政协工委", 12.0, 4, ""),
    }
    assert not {r["unit"] for r in rows.values()} & set(WORKPLACES.values())
    # The quota is personal: 委员 2 a year each, 王建国 half done, 杨丽华 none, whatever unit shown.
    assert [rows[(n, "委员")]["completion"] for n in ("王建国", "陈伟", "杨丽华")] == [0.5, 1.5, 0.0]


def test_a_sector_two_listed_units_share_names_no_unit(tmp_path):
    """经济界 is both 经济界别组 and 经济界别活动组 on this units list: which one, only staff know —
    杨丽华 (no items) is left blank, with nothing said; 王建国 still takes his items' 民革县委."""
    ledger, roster = _office(tmp_path)
    book = openpyxl.load_workbook(roster)
    book["报送单位"].append(["经济界别活动组", "界别组"])
    book.save(roster)
    ran = sqmy("compute", "people", ledger, "--roster", roster, "--year", 2025, "--format", "json")
    rows = json.loads(ran.stdout)
    rows = {r["name"]: r for r in (rows["people"] if isinstance(rows, dict) else rows)}
    assert (rows["杨丽华"]["unit"] or "", rows["杨丽华"]["note"] or "") == ("", "")
    assert rows["王建国"]["unit"] == "民革县委"


def test_circular_list_of_people_behind_shows_and_says_their_units(tmp_path):
    """The year's circular (as of 10 January 2026), 附件 of the people behind their task. By hand:
    委员 short of 2: 王建国 1 (民革县委, from his items), 杨丽华 0 (经济界别组, from her 界别),
    孙敏 0 (no unit: 未注明单位); 陈伟 3 and 李秀英 2 are done. 信息员 马晓军 4 of 12 months
    (January–March, October), 城关镇政协工委. Above the table one sentence says whose unit came from what;
    the workbook's 未完成任务名单 shows the same units (孙敏's blank) and its 说明 says it of everyone
    (王建国 from his items; 陈伟, by his 界别 among his items' units, and 杨丽华 from their 界别; 李秀英 none)."""
    ledger, roster = _office(tmp_path)
    out = tmp_path / "通报"
    ran = sqmy("circular", ledger, "--roster", roster, "--year", 2025, "--today", "2026-01-10", "--out", out)
    assert ran.returncode in (0, 1), ran.stderr
    doc = docx.Document(str(next(out.glob("*.docx"))))
    texts = [p.text for p in doc.paragraphs]
    title = max(k for k, t in enumerate(texts) if t.startswith("2025年未完成年度任务的") and t.endswith("名单"))
    assert texts[title + 1] == "名册未写单位的人员，王建国按其信息的报送单位填写；杨丽华按界别填写。"
    table = doc.tables[-1]
    head, *rows = [[c.text for c in r.cells] for r in table.rows]
    assert head[:5] == ["姓名", "身份", "单位", "报送", "任务"]
    assert sorted(tuple(r[:5]) for r in rows) == sorted([
        ("王建国", "委员", "民革县委", "1", "2"), ("杨丽华", "委员", "经济界别组", "0", "2"),
        ("孙敏", "委员", "未注明单位", "0", "2"), ("马晓军", "信息员", "城关镇政协工委", "4", "12")])

    book = openpyxl.load_workbook(next(out.glob("*.xlsx")))
    _, head, *sheet = book["未完成任务名单"].iter_rows(values_only=True)  # units on the left, people on the right
    at = head.index("姓名")
    assert head[at:at + 3] == ("姓名", "身份", "单位")
    assert sorted(r[at:at + 3] for r in sheet if r[at]) == sorted([
        ("王建国", "委员", "民革县委"), ("杨丽华", "委员", "经济界别组"), ("孙敏", "委员", None),
        ("马晓军", "信息员", "城关镇政协工委")])
    said = [r[0] for r in book["概况"].iter_rows(values_only=True) if isinstance(r[0], str) and "名册未写单位" in r[0]]
    assert said == ["说明：名册未写单位的人员，王建国按其信息的报送单位填写；陈伟、杨丽华按界别填写；李秀英的信息分属不同单位，单位未填。"]
