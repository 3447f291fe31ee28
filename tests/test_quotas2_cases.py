"""A county office with per-person quotas and ``coauthored_counts_each: false``: an item counts for its
执笔 author only. A cell of several names separated by spaces with the 执笔 mark on one of them
(``王芳 陈刚(执笔)``, ``王芳 陈刚执笔``) marked every name in it as 执笔, so the item went to the first
name, not the one the cell marks, and the informants' months came out wrong with no finding."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
import yaml

from sqmy_lib.read.authors import AuthorWords, split_authors
from sqmy_lib.rules import load_rules

from conftest import sqmy

D = dt.date


def _office(tmp_path):
    rules = load_rules(year=2025).data
    rules["quotas"]["coauthored_counts_each"] = False
    (tmp_path / "规则.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "委员名册"
    for r in [["姓名", "身份", "单位", "任职日期", "离任日期"], ["张明", "委员", "民革县委", D(2022, 1, 1), None],
              ["陈刚", "委员", "经济界别组", D(2022, 1, 1), None]]:
        ws.append(r)
    ws = wb.create_sheet("特邀信息员名册")
    for r in [["姓名", "身份", "单位", "聘任日期", "离任日期"], ["王芳", "特邀信息员", "民盟县委", D(2024, 3, 1), D(2025, 5, 15)],
              ["陈刚", "特邀信息员", "经济界别组", D(2025, 1, 1), None]]:
        ws.append(r)
    ws = wb.create_sheet("单位")
    for r in [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"], ["经济界别组", "界别组"]]:
        ws.append(r)
    wb.save(tmp_path / "名册.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报送登记"
    ws.append(["序号", "报送日期", "信息标题", "作者", "报送单位", "市政协采用"])
    rows = [(D(2025, 1, 10), "关于农村养老服务的建议", "陈刚（执笔）、王芳", "民盟县委"),
            (D(2025, 2, 12), "关于校园周边交通安全的建议", "王芳 陈刚(执笔)", "民盟县委"),
            (D(2025, 3, 5), "关于县域物流降本的建议", "执笔：陈刚；王芳", "经济界别组"),
            (D(2025, 4, 8), "关于农贸市场改造的建议", "王芳 陈刚执笔", "民盟县委"),
            (D(2025, 4, 9), "关于河道保洁的建议", "张明、王芳", "民革县委")]
    for i, r in enumerate(rows, 1):
        ws.append([i, *r])
    (tmp_path / "台账").mkdir()
    wb.save(tmp_path / "台账" / "2025年报送台账.xlsx")


def test_lead_author_marked_among_spaced_names_takes_the_item(tmp_path):
    _office(tmp_path)
    ran = sqmy("compute", "people", tmp_path / "台账", "--roster", tmp_path / "名册.xlsx", "--rules",
               tmp_path / "规则.yaml", "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    rows = {(r["name"], r["role"]): r for r in json.loads(ran.stdout)}
    # By hand, each item counts once, for its 执笔 author, else its first:
    #   1 陈刚（执笔）、王芳 → 陈刚 (Jan); 2 王芳 陈刚(执笔) → 陈刚 (Feb); 3 执笔：陈刚；王芳 → 陈刚 (Mar);
    #   4 王芳 陈刚执笔 → 陈刚 (Apr); 5 张明、王芳 → 张明 (Apr).
    # 陈刚 特邀信息员, in post all 2025: Jan–Apr done, May–Dec missed → 4/12; as 委员 4 of 2.
    # 王芳 特邀信息员, 离任 2025-05-15: in post at the end of Jan–Apr → 4 months owed, none counted.
    # (Before: items 2 and 4 went to 王芳, the first name, as if both were 执笔: 陈刚 missed Feb and Apr.)
    chen = rows[("陈刚", "特邀信息员")]
    assert (chen["submitted"], chen["quota"], chen["missed_months"]) == (4, 12, [5, 6, 7, 8, 9, 10, 11, 12])
    assert chen["completion"] == pytest.approx(4 / 12)
    assert rows[("陈刚", "委员")]["submitted"] == 4
    wang = rows[("王芳", "特邀信息员")]
    assert (wang["submitted"], wang["quota"], wang["missed_months"], wang["completion"]) == (0, 4, [1, 2, 3, 4], 0)
    zhang = rows[("张明", "委员")]
    assert (zhang["submitted"], zhang["quota"], zhang["completion"]) == (1, 2, 0.5)


@pytest.mark.parametrize("cell, marked", [
    ("王芳 陈刚(执笔)", ["陈刚"]), ("王芳 陈刚（执笔）", ["陈刚"]), ("陈刚(执笔) 王芳", ["陈刚"]),
    ("王芳 陈刚执笔", ["陈刚"]), ("王芳 陈刚 执笔", ["陈刚"]), ("执笔： 陈刚 王芳", ["陈刚"]), ("张三执笔 李四", ["张三"]),
    # one name, or names apart: as before
    ("陈刚(执笔)", ["陈刚"]), ("执笔人 张三", ["张三"]), ("张三(执笔)、李四", ["张三"]), ("张三 李四", []),
])
def test_scribe_mark_goes_with_its_own_name(cell, marked):
    words = AuthorWords.from_rules(load_rules(year=2025).data)
    authors = split_authors(cell, words).authors
    assert len(authors) == 2 or cell in ("陈刚(执笔)", "执笔人 张三")
    assert [a.name for a in authors if a.scribe] == marked


# 任职（聘任）时间 was a column not read (提示 only): the informant appointed in July owed January–June too
# and was listed 1月—6月未报送, the 委员 appointed in July owed the whole year's 2.
@pytest.mark.parametrize("label", ["任职(聘任)时间", "聘任（任职）日期", "任职（聘任）日期", "聘任(任职)时间"])
def test_start_date_column_naming_both_roles(tmp_path, label):
    roster = tmp_path / "名册.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "人员"
    for r in [["姓名", "身份", "单位", label, "离任时间"], ["李华", "委员", "民盟县委", "2025年7月10日", None],
              ["赵敏", "特邀信息员", "民盟县委", "2025年7月1日", None]]:
        ws.append(r)
    wb.save(roster)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "报送日期", "信息标题", "作者", "报送单位"])
    for i, (day, author) in enumerate([(D(2025, 8, 5), "李华"), (D(2025, 7, 3), "赵敏"), (D(2025, 9, 3), "赵敏")], 1):
        ws.append([i, day, f"关于第{i}件事的建议", author, "民盟县委"])
    (tmp_path / "台账").mkdir()
    wb.save(tmp_path / "台账" / "2025年报送台账.xlsx")
    ran = sqmy("compute", "people", tmp_path / "台账", "--roster", roster, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    rows = {r["name"]: r for r in json.loads(ran.stdout)}
    # By hand: 李华 委员 from 2025-07-10, 2 a year; in post at the end of July–December, 6 months: the rules
    # (年中任职的，年度任务按在任月数折算，不足整条的进为整条) make it 2 × 6/12 = 1 owed, 1 sent → 100%.
    # 赵敏 特邀信息员 from 2025-07-01: in post at the end of July–December, 6 months; July and September done,
    # August, October, November, December missed → 2/6.
    zhao = rows["赵敏"]
    assert (zhao["quota"], zhao["missed_months"]) == (6, [8, 10, 11, 12])
    assert zhao["completion"] == pytest.approx(2 / 6)
    li = rows["李华"]
    assert (li["appointed_on"], li["quota"], li["completion"]) == ("2025-07-10", 1, 1)
