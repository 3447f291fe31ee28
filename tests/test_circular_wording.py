"""The circular's wording on ordinary ledgers (a 区/县 clerk's report): the office's own level and name
in a 区's circular, the quality sentence only when the upper share is low, every item named when few,
and a peer group's first praised as 先进典型 only when it stands out.

Every workbook is written by hand here, every cell of it accounted for, and every sentence expected
is worked out by hand from its rows.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import docx

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.circular_docx import write_circular_docx
from sqmy_lib.render.circular_text import _feature_higher, _feature_leaders, _problem_quality, circular_gongwen
from sqmy_lib.render.document import Issuing
from sqmy_lib.rules.model import Rules
from conftest import assert_every_cell_accounted, write_xlsx

SIGNED = dt.date(2026, 1, 8)
HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]


def _rules(circular: dict | None = None, **office) -> Rules:
    """The shipped 2025 rules with the office's 【必改】 values set as a clerk sets them, and the
    ``circular`` keys given."""
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["office"].update(office)
    data["circular"].update(circular or {})
    return Rules(data=data, source="<测试>")


DISTRICT = dict(name="南岭区政协", full_name="政协江城市南岭区委员会", place="南岭区", city="江城市", province="华阳省")


def _circular(tmp_path: Path, rows: list[list], quarter: int, rules: Rules | None = None, roster: Path | None = None):
    path = write_xlsx(tmp_path / "台账.xlsx", {"2025年": [HEADER[: len(rows[0])] if rows else HEADER, *rows]})
    rules = rules or _rules()
    read = {"roster": roster} if roster else {}
    ledger, _ = assert_every_cell_accounted(path, rules=rules, year=2025, **read)
    return build_circular(ledger, 2025, quarter, rules=rules, today=SIGNED)


def _docx_lines(circ, path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(write_circular_docx(circ, path, date=SIGNED))).paragraphs if p.text.strip()]


# ---------------------------------------------------------------- 1. the office's own level and name

def _instructed_rows() -> list[list]:
    # Two items, one instructed by the 区长 (the office's own level), one by a 副市长 (its city's).
    return [["序号", "收稿日期", "信息标题", "作者", "单位", "领导批示"],
            [1, "2025-10-09", "关于甲的建议", "张三", "民盟区委", "区长周建新批示：请区教育局研究"],
            [2, "2025-10-20", "关于乙的建议", "李四", "民革区委", "副市长郑国强批示：请市农业农村局阅处"]]


def test_a_district_office_writes_its_own_level_and_its_own_name(tmp_path):
    """A 区政协 set up by ``sqmy init`` (only its 【必改】 values edited) wrote 县级领导批示1件 for its 区长's
    批示, 县级3分 in its 计分办法, and 县政协办公室将像办理政协提案那样… in 四、下一步工作."""
    rules = _rules(**DISTRICT)
    circ = _circular(tmp_path, _instructed_rows(), 4, rules)
    assert circ.statistics_text.endswith("获领导批示2件，涉及信息2条，其中市级领导批示1件、区级领导批示1件。")
    text = circular_gongwen(circ, Issuing.from_rules(rules, "circular", circ.office, 2025, date=SIGNED)).text()
    assert "南岭区政协办公室将像办理政协提案那样跟踪督办领导批示件" in text
    assert "被采用的按最高采用层级计分：区级3分、市级10分、省级20分、全国30分。" in text
    assert "如一季度被区级采用、三季度又被市级采用" in text
    assert "县政协" not in text and "县级" not in text


def test_a_county_office_keeps_its_words(tmp_path):
    """The same ledger for a 县 (县长's 批示) still says 县级, with the county's own name in 下一步工作."""
    rows = [[c.replace("区", "县") if isinstance(c, str) else c for c in row] for row in _instructed_rows()]
    rules = _rules(name="东山县政协", full_name="政协东山县委员会", place="东山县", city="江城市", province="华阳省")
    circ = _circular(tmp_path, rows, 4, rules)
    assert circ.statistics_text.endswith("其中市级领导批示1件、县级领导批示1件。")
    text = circular_gongwen(circ, Issuing.from_rules(rules, "circular", circ.office, 2025, date=SIGNED)).text()
    assert "东山县政协办公室将像办理政协提案那样跟踪督办领导批示件" in text


def test_the_own_level_word_names_no_other_tier():
    """区级 for a 区, 州级 for a 州 at the 市级 tier; a county-level city's 市级 would be its city's
    tier too, so it keeps 县级; other tiers keep their names."""
    district = _rules(**DISTRICT)
    assert [district.tier_word(w) for w in ("县级", "市级", "省级", "全国", "国家级")] == ["区级", "市级", "省级", "全国", "国家级"]
    assert _rules(name="利川市政协", place="利川市", city="恩施州").tier_word("县级") == "县级"
    prefecture = _rules(name="恩施州政协", own_tier="市级", place="恩施州", city="")
    assert (prefecture.tier_word("市级"), prefecture.tier_word("县级")) == ("州级", "县级")


# ---------------------------------------------------------------- 2. the quality sentence

def _quality_rows(second_unit_adopted: str | None) -> list[list]:
    # 民盟区委: two items, both taken up by the 市政协; 民进区委: two items, the first as given.
    return [[1, "2025-07-03", "关于甲的建议", "张三", "民盟区委", "市政协采用"],
            [2, "2025-07-08", "关于乙的建议", "张三", "民盟区委", "市政协采用"],
            [3, "2025-08-04", "关于丙的建议", "李四", "民进区委", second_unit_adopted],
            [4, "2025-08-19", "关于丁的建议", "李四", "民进区委", None]]


def test_half_taken_up_above_is_no_quality_problem(tmp_path):
    """Two of the quarter's four items (50%) adopted upward: it said "被上级采用的仅2条，占50%" because a
    unit had nothing adopted; now only that unit is said."""
    circ = _circular(tmp_path, _quality_rows(None), 3, _rules(**DISTRICT))
    assert circ.summary.submitted == 4 and circ.summary.higher_of_submitted == 2
    assert _problem_quality(circ, {}) == ("信息质量有待提高。", "截至9月底，民进区委本季度报送的信息均未被采用。")


def test_the_low_share_is_the_offices_own(tmp_path):
    """The share below which the sentence is said is the rules' circular.low_upper_share: 0.2 as shipped
    (50% is not low); an office that sets 0.6 hears of its 50%."""
    rows = _quality_rows("区政协编发")  # 民进区委 has one adopted (its own bulletin): no unit with none
    assert sq.load_rules(year=2025).data["circular"]["low_upper_share"] == 0.2
    assert _problem_quality(_circular(tmp_path, rows, 3, _rules(**DISTRICT)), {}) is None
    circ = _circular(tmp_path, rows, 3, _rules({"low_upper_share": 0.6}, **DISTRICT))
    assert _problem_quality(circ, {}) == ("信息质量有待提高。", "截至9月底，本季度报送的4条信息中，被上级采用的仅2条，占50%。")


# ---------------------------------------------------------------- 3. the items taken up above, named

def _higher_rows(bodies: list[str]) -> list[list]:
    """One item a day from 1 February, the k-th by the k-th body (highest first, earliest first)."""
    return [[k, f"2025-02-{k:02d}", f"关于第{k}个问题的建议", f"作者{k}", "民盟区委", body] for k, body in enumerate(bodies, 1)]


def _named(k: int) -> str:
    return f"《关于第{k}个问题的建议》（作者{k}，民盟区委）"


def test_four_items_taken_up_above_are_all_named(tmp_path):
    """Four items: it named three "其中…" and left the reader asking about the fourth."""
    circ = _circular(tmp_path, _higher_rows(["省政协采用", "省政协采用", "市政协采用", "市政协采用"]), 1)
    assert _feature_higher(circ, {}) == ("一批信息被上级采用。", f"本季度共有4条信息被上级采用：{_named(1)}、{_named(2)}被省政协采用；"
                                                    f"{_named(3)}、{_named(4)}被市政协采用。")


def test_many_items_name_the_first_and_say_the_rest(tmp_path):
    """Seven items (more than five): the first three with 其中, a body's unnamed ones as 等N条, a body
    none of the three is from as 另有N条."""
    bodies = ["全国政协采用", "省政协采用", "省政协采用", "省政协采用", "市政协采用", "市政协采用", "市政协采用"]
    circ = _circular(tmp_path, _higher_rows(bodies), 1)
    assert _feature_higher(circ, {}) == ("一批信息被上级采用。", f"本季度共有7条信息被上级采用，其中{_named(1)}被全国政协采用；"
                                                    f"{_named(2)}、{_named(3)}等3条信息被省政协采用；另有3条信息被市政协采用。")


def test_one_item_taken_up_above_is_no_batch(tmp_path):
    """One item: not "一批信息被上级采用。本季度共有1条信息被上级采用，…"."""
    circ = _circular(tmp_path, _higher_rows(["市政协采用"]), 1)
    assert _feature_higher(circ, {}) == ("优质信息获上级采用。", f"本季度{_named(1)}被市政协采用。")


# ---------------------------------------------------------------- 4. the leading units, only when they stand out

def _untasked() -> Rules:
    """The district's rules with no unit 任务: these ledgers of a few items leave every unit behind a
    year's quota, and a unit the circular lists as behind is never its 先进典型."""
    rules = _rules(**DISTRICT)
    rules.data["quotas"]["units"] = {}
    return rules


def _roster(tmp_path: Path) -> Path:
    units = [["单位名称", "单位类型"], ["九三学社区委", "民主党派"], ["民盟区委", "民主党派"], ["民革区委", "民主党派"],
             ["医卫界别组", "界别组"], ["经济界别组", "界别组"]]
    return write_xlsx(tmp_path / "名册.xlsx", {"单位": units})


def test_a_first_with_one_item_and_four_points_is_no_example(tmp_path):
    """九三学社区委 first of the 民主党派 with one item adopted by the 区政协 (1 + 3 = 4 points) was praised
    as 先进典型 beside 医卫界别组 (three items, two adopted: 3 + 3 + 3 = 9 points); now 医卫界别组 alone."""
    rows = [[1, "2025-10-10", "关于甲的建议", "九三学社区委", "九三学社区委", "区政协编发"],
            [2, "2025-10-11", "关于乙的建议", "王五", "医卫界别组", "区政协编发"],
            [3, "2025-10-12", "关于丙的建议", "王五", "医卫界别组", "区政协编发"],
            [4, "2025-10-13", "关于丁的建议", "王五", "医卫界别组", None]]
    circ = _circular(tmp_path, rows, 4, _untasked(), roster=_roster(tmp_path))
    assert _feature_leaders(circ, {}) == ("先进典型示范带动作用明显。",
                                          "医卫界别组全年报送信息3条、被采用2条、得9分，积分居界别组首位。")


def test_one_item_taken_up_by_the_province_stands_out(tmp_path):
    """民革区委's one item taken up by the 省政协 (1 + 20 = 21 points, the rules' min_points 20) is praised;
    医卫界别组's one item in the 区's own bulletin (1 + 3 = 4 points) is not, though first of its group."""
    rows = [[1, "2025-10-10", "关于甲的建议", "民革区委", "民革区委", "省政协采用"],
            [2, "2025-10-11", "关于乙的建议", "民盟区委", "民盟区委", None],
            [3, "2025-10-12", "关于丙的建议", "医卫界别组", "医卫界别组", "区政协编发"]]
    circ = _circular(tmp_path, rows, 4, _untasked(), roster=_roster(tmp_path))
    assert _feature_leaders(circ, {}) == ("先进典型示范带动作用明显。",
                                          "民革区委全年报送信息1条、被采用1条、得21分，积分居民主党派首位。")


def test_no_first_standing_out_leaves_the_paragraph_out(tmp_path):
    """No first stands out: no 先进典型 paragraph, and the next feature is 一是."""
    rows = [[1, "2025-10-10", "关于甲的建议", "九三学社区委", "九三学社区委", "市政协采用"],
            [2, "2025-10-11", "关于乙的建议", "医卫界别组", "医卫界别组", None]]
    circ = _circular(tmp_path, rows, 4, _untasked(), roster=_roster(tmp_path))
    assert _feature_leaders(circ, {}) is None
    lines = _docx_lines(circ, tmp_path / "通报.docx")
    assert not any("先进典型" in line for line in lines)
    features = lines[lines.index("二、主要特点") + 1]
    assert re.match(r"一是优质信息获上级采用。本季度《关于甲的建议》（九三学社区委）被市政协采用。$", features), features
