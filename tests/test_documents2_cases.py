"""The 季度通报 of a quarter in which the office received items and none was adopted, as its secretary
sends it: 基本情况 says none was adopted, 存在的问题 says it once; 附件1 says 无任务 for a unit the rules
give no quota (never a blank read as a missing figure) and gives its 类别 column room for 镇街政协工委
on one line; 附件4 describes only the unit quotas of the unit types the office has (no 专委会)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

import test_documents_cases as base
from conftest import sqmy

D = dt.date
# 第四季度: one item from each unit but 县工商联, none adopted or instructed.
Q4 = [
    (D(2026, 10, 8), "关于县城停车难问题的建议", "张伟", "西埔镇政协工委", None, None, None, None, None, None),
    (D(2026, 10, 20), "关于农村居家养老服务的建议", "林海", "铜陵镇政协工委", None, None, None, None, None, None),
    (D(2026, 11, 3), "关于台胞来东山就业创业的建议", "李娜", base.U1, None, None, None, None, None, None),
    (D(2026, 12, 1), "关于保护民族传统文化的建议", base.A, "少数民族和宗教界别组", None, None, None, None, None, None),
]


@pytest.fixture(scope="module")
def circular(tmp_path_factory) -> docx.document.Document:
    root = tmp_path_factory.mktemp("office")
    mp = pytest.MonkeyPatch()
    mp.setattr(base, "ITEMS", base.ITEMS + Q4)
    try:
        office = base._office(root)
    finally:
        mp.undo()
    assert sqmy("validate", office).returncode == 0
    out = root / "通报"
    ran = sqmy("circular", office, "--year", "2026", "--quarter", "4", "--today", "2027-01-05",
               "--date", "2027-01-10", "--out", out)
    assert ran.returncode == 0, ran.stderr
    assert "Traceback" not in ran.stderr
    (path,) = Path(out).glob("*.docx")
    return docx.Document(str(path))


def test_a_quarter_with_no_adoption_says_so_once(circular):
    # By hand: 第四季度 received 4 items (10月8日, 10月20日, 11月3日, 12月1日), none adopted by 12月31日, no
    # adoption of an earlier item dated in the quarter either. 基本情况 says 4条 and that none was adopted;
    # 存在的问题 says the 4 were not adopted once (every unit that sent is one of them: naming them all
    # again, and 没有被上级采用 beside 均未被采用, says the same thing twice).
    texts = [p.text for p in circular.paragraphs]
    assert "2026年第四季度，共收到社情民意信息4条，没有信息被采用。" in texts
    quality = next(t for t in texts if t.startswith("二是信息质量有待提高"))
    assert quality == "二是信息质量有待提高。截至12月底，本季度报送的4条信息均未被采用。"


def test_no_quota_is_said_and_only_the_office_s_quotas_are_described(circular):
    # By hand: 县工商联 is a 工商联, a type 规则.yaml gives no quota → its 任务 cell says 无任务 (the others:
    # 西埔/铜陵 3×12 = 36, 民革 3×4 = 12, 界别组 2×4 = 8, unchanged). The office's units are 镇街政协工委,
    # 民主党派, 界别组, 工商联: 附件4 describes the first three's quotas and no 专委会's.
    table = circular.tables[0]
    head = [c.text for c in table.rows[1].cells]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[2:]}
    task = head.index("任务")
    assert rows["县工商联"][task] == "无任务"
    assert [rows[u][task] for u in ("西埔镇政协工委", "铜陵镇政协工委", base.U1, "少数民族和宗教界别组")] == ["36", "36", "12", "8"]
    texts = [p.text for p in circular.paragraphs]
    assert not any(t.startswith("专委会") for t in texts)
    assert any(t.startswith("镇街政协工委：每月报送3条") for t in texts)
    assert any(t.startswith("界别组：每季度报送2条") for t in texts)


def test_the_category_column_holds_its_longest_word_on_one_line(circular):
    # 附件1 is set in 五号 (10.5 pt); 镇街政协工委 is 6 characters = 63 pt of text, plus the cell's margins
    # (1 mm each side, 5.67 pt). The two 镇街 rows merge their 类别 cell, which let the column shrink to
    # half (镇街政协|工委 on two lines): it must be at least 63 + 5.67 pt wide.
    table = circular.tables[0]
    head = [c.text for c in table.rows[1].cells]
    width = table.rows[2].cells[head.index("类别")].width
    assert width >= Pt(6 * 10.5 + 5.67)
