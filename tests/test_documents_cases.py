"""An office's documents as its secretary sends them: the commendation decision of a year in which no
person is commended (nobody reached 报送5条、采用3条) names no 先进个人 in its title or closing; a title too
long for one 2号 line turns to the next where a word ends (GB/T 9704 7.3.3), never in a word (先进集|体)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import fill_init_roster, sqmy

D = dt.date
U1 = "中国国民党革命委员会东山县委员会机关支部"
A = "阿依古丽·买买提"

# (收稿日期, 标题, 作者, 单位, 县政协编发, 市政协, 省政协, 批示领导, 批示日期, 落实情况)
ITEMS = [
    (D(2026, 1, 8), "关于加强东山岛海岸线生态修复的建议", A, "少数民族和宗教界别组", "第1期", "√", None, "市委书记", D(2026, 2, 20), "已落实"),
    (D(2026, 1, 15), "关于铜陵古城消防通道整治的建议", "林海", "铜陵镇政协工委", "第2期", None, None, None, None, None),
    ("2026.2.3", "关于西埔镇农村污水处理设施运维的建议", "张伟", "西埔镇政协工委", "第3期", None, "√", "副省长", D(2026, 3, 20), "正在办理"),
    ("2026.2.20", "关于破解民营企业融资难问题的建议", "陈静", "县工商联", None, None, None, None, None, None),
    ("2026.3.5", "关于优化台胞台企服务的建议", "李娜", U1, "第4期", None, None, None, None, None),
    (D(2026, 7, 3), "关于西埔镇农贸市场改造的建议", "张伟", "西埔镇政协工委", "第5期", "√", None, "县委书记", D(2026, 8, 2), "已落实"),
    (D(2026, 8, 25), "关于民族村寨特色产业发展的建议", A, "少数民族和宗教界别组", "第9期", None, None, "县委书记", D(2026, 9, 10), "已解决"),
    (D(2026, 9, 10), "关于中小企业用工保障的建议", "陈静", "县工商联", None, None, None, None, None, None),
]


def _office(root: Path) -> Path:
    """东山县政协 as `sqmy init` leaves it, filled in: its rules (工商联 given no 报送任务), its roster and
    one combined ledger with a merged two-level header, 采用 under 县政协编发|市政协|省政协|全国政协 and
    the 批示 under 批示领导|批示日期|落实情况."""
    office = root / "东山县政协"
    assert sqmy("init", office, "--year", "2026").returncode == 0
    rules = office / "规则.yaml"
    text = rules.read_text(encoding="utf-8")
    text = re.sub(r"\n +工商联: \{per: quarter[^\n]*", "", text, count=1)  # a unit type with no quota
    for a, b in (("示例县政协", "东山县政协"), ("政协示例县委员会", "政协东山县委员会"), ("place: 示例县", "place: 东山县"),
                 ("city: 示例市", "city: 漳州市"), ("province: 示例省", "province: 福建省"), ("示政协发", "东政协发")):
        text = text.replace(a, b)
    rules.write_text(text, encoding="utf-8")
    people = [(A, "委员", "少数民族和宗教界别组", "少数民族界", None), ("张伟", "信息员", "西埔镇政协工委", None, D(2026, 1, 1)),
              ("李娜", "特邀信息员", U1, None, D(2026, 1, 1)), ("陈静", "委员", "县工商联", "经济界", None),
              ("林海", "信息员", "铜陵镇政协工委", None, D(2026, 1, 1))]
    units = [(U1, "民主党派"), ("西埔镇政协工委", "镇街政协工委"), ("铜陵镇政协工委", "镇街政协工委"),
             ("少数民族和宗教界别组", "界别组"), ("县工商联", "工商联")]
    fill_init_roster(office, people, units)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026年"
    ws.append(["2026年度社情民意信息报送采用登记表"])
    ws.append(["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, None, "领导批示", None, None, "备注"])
    ws.append([None] * 5 + ["县政协编发", "市政协", "省政协", "全国政协", "批示领导", "批示日期", "落实情况", None])
    for rng in ("A1:M1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "M2:M3", "F2:I2", "J2:L2"):
        ws.merge_cells(rng)
    for n, (day, title, author, unit, county, city, prov, leader, when, follow) in enumerate(ITEMS, 1):
        ws.append([n, day, title, author, unit, county, city, prov, None, leader, when, follow, None])
    wb.save(office / "台账" / "2026年社情民意信息报送采用登记表.xlsx")
    return office


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    office = _office(tmp_path_factory.mktemp("office"))
    assert sqmy("validate", office).returncode == 0
    return office


def _paragraphs(out: Path, pattern: str) -> list[str]:
    (path,) = out.glob(pattern)
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _decision(office: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "表彰"
    ran = sqmy("commend", office, "--year", "2026", "--today", "2027-01-05", "--date", "2027-01-08", "--out", out)
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
    return _paragraphs(out, "*决定*.docx")


def test_a_decision_commending_no_person_names_no_xianjin_geren(office, tmp_path):
    # By hand, 2026: nobody is eligible for 优秀信息员 (张伟 and 阿依古丽·买买提 submitted 2 each, fewer than 5),
    # and no 工作人员 is in the roster, so no person is commended. 先进集体, top 1 per peer group with
    # 100% of the year's quota: 西埔/铜陵 (36 a year, 2 and 1 sent), 民革 (12, 1 sent), the 界别组 (8, 2 sent)
    # fall short; 县工商联 has no quota, so it is the one suggested. Items adopted: 1, 2, 3, 5, 6, 7 →
    # 十佳信息 6 of them; 好信息 (批示 followed by 已落实/已解决): items 1, 6, 7 → 3.
    # So the decision commends a unit and items, no person: its title is …先进集体和优秀信息的决定, and the
    # closing praises 受表彰的先进集体和个人 (the items' authors), never a 先进个人 nobody holds.
    texts = _decision(office, tmp_path)
    assert texts[2].replace("\n", "") == "关于表彰2026年度社情民意信息工作先进集体和优秀信息的决定"
    assert not any("先进个人" in t for t in texts)
    decision = next(t for t in texts if "决定授予" in t)
    assert "授予县工商联“2026年度社情民意信息工作先进集体”称号" in decision
    assert "等6篇信息为“十佳信息”" in decision and "等3篇信息为“好信息”" in decision
    assert "同志" not in decision  # no 优秀信息员, no 先进工作者
    assert any(t.startswith("希望受表彰的先进集体和个人珍惜荣誉") for t in texts)


def test_long_titles_turn_where_a_word_ends(office, tmp_path):
    # A 2号 line of the 156 mm 版心 holds 20 characters (19 kept, for the space Word puts around 2026).
    # By hand: the decision's title is 28 wide (2026 counts 2), LibreOffice broke it 先进集|体; the words
    # end after 工作 (16 | 12); the circular's title (22 wide) after 季度 (9 | 13); 附件1's title (25) after
    # 各单位 (10 | 15); 附件3's (25.5) before 的 (13.5 | 12); 附件2's (15) stays one line.
    texts = _decision(office, tmp_path)
    assert texts[2] == "关于表彰2026年度社情民意信息工作\n先进集体和优秀信息的决定"
    out = tmp_path / "通报"
    ran = sqmy("circular", office, "--year", "2026", "--quarter", "3", "--date", "2026-10-10", "--out", out)
    assert ran.returncode == 0, ran.stderr
    texts = _paragraphs(out, "*.docx")
    assert texts[2] == "关于2026年第三季度\n社情民意信息工作情况的通报"
    assert "2026年第三季度各单位\n社情民意信息报送采用情况统计表" in texts
    assert "2026年1—9月领导批示件办理情况" in texts
    assert "截至9月底未完成年度任务进度\n的特邀信息员和信息员名单" in texts  # 李娜 (民革) listed first
