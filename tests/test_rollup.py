"""Roll-up across offices: the office tree (folders or offices.yaml), reading each office with its
own tier, forwarded items counted once, uncertain matches reported, missing offices listed, and
``sqmy rollup`` end to end through its notebook."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

import sqmy_lib as sq
from sqmy_lib.compute.rollup import BY_NUMBER, BY_TITLE, build_rollup, match_forwarded
from sqmy_lib.compute.counted import counted
from sqmy_lib.read.offices import TreeError, load_tree, office_of_folder, read_offices
from sqmy_lib.synth import write_city_office

from conftest import write_xlsx

RULES = sq.load_rules(year=2025)


def sqmy(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("city")
    return root, write_city_office(root)


@pytest.fixture(scope="module")
def city_rollup(city):
    root, expected = city
    tree = load_tree(root, RULES)
    ledger = read_offices(tree, RULES, year=2025)
    return tree, ledger, build_rollup(ledger, tree, 2025, rules=RULES)


# ------------------------------------------------------------------ the tree

def test_manifest_gives_levels_peer_groups_and_own_ledgers(city):
    root, expected = city
    tree = load_tree(root, RULES)  # the folder holds offices.yaml, so it is read through it
    assert (tree.office, tree.level) == ("示例市政协", "市级")
    own = [o for o in tree.offices if o.own]
    assert [o.name for o in own] == ["示例市政协"] and own[0].paths == (root / "市本级",)
    below = {o.name: (o.level, o.peer_group, o.code) for o in tree.offices if not o.own}
    assert below["东山县政协"] == ("县级", "县", "东山县")
    assert below["临江区政协"] == ("县级", "区", "临江区")
    assert set(below) == set(expected["offices"]) | set(expected["missing"])


def test_folder_tree_without_manifest(city, tmp_path):
    root, _ = city
    copy = tmp_path / "示例市政协"
    shutil.copytree(root, copy)
    (copy / "offices.yaml").unlink()
    tree = load_tree(copy, RULES)
    assert (tree.office, tree.level) == ("示例市政协", "市级")  # from the folder's name
    assert [o.name for o in tree.offices if o.own] == ["示例市政协"]  # 市本级/ holds the office's own ledgers
    groups = {o.peer_group for o in tree.offices if not o.own}
    assert groups == {RULES.data["rollup"]["peer_group_by_level"]["县级"]}  # by level, from the rules


def test_several_office_folders_and_an_unnamed_root(tmp_path):
    for name in ("甲县政协", "乙区政协"):
        (tmp_path / "archive" / name).mkdir(parents=True)
    tree = load_tree([tmp_path / "archive" / "甲县政协", tmp_path / "archive" / "乙区政协"], RULES, office="某市政协")
    assert tree.level == "市级" and [o.name for o in tree.offices] == ["甲县政协", "乙区政协"]
    tree = load_tree(tmp_path / "archive", RULES)
    assert tree.level == "市级"  # one tier above the offices it holds


def test_offices_files_side_by_side_are_grouped_by_the_office_their_names_say(tmp_path):
    # A city office saves each county's emailed ledger in one folder: 东山县政协2025年台账.xlsx,
    # 2025年东山县政协补报.xlsx, 政协南岭县委员会….xlsx; a file naming no office below is its own.
    root = tmp_path / "示例市政协"
    root.mkdir()
    header = ["序号", "报送日期", "信息标题", "作者", "县政协编发", "市政协采用"]
    files = {"东山县政协2025年社情民意信息台账.xlsx": [[1, "2025-03-01", "东山甲", "甲", "√", "√"], [2, "2025-04-01", "东山乙", "乙", "√", ""]],
             "2025年东山县政协补报.xlsx": [[1, "2025-05-01", "东山丙", "丙", "√", "√"]],
             "政协南岭县委员会2025年台账.xlsx": [[1, "2025-03-02", "南岭甲", "丁", "√", ""]]}
    for name, rows in files.items():
        write_xlsx(root / name, {"全年": [header, *[[n, d, f"关于{t}的建议", a, b, c] for n, d, t, a, b, c in rows]]})
    write_xlsx(root / "本级台账2025.xlsx", {"全年": [["序号", "报送日期", "信息标题", "作者", "市政协编发"],
                                                   [1, "2025-05-02", "关于本级的建议", "戊", "√"]]})
    tree = load_tree(root, RULES)
    assert [(o.name, o.level, sorted(p.name for p in o.paths), o.own) for o in tree.offices] == [
        ("示例市政协", "市级", ["本级台账2025.xlsx"], True),
        ("东山县政协", "县级", ["2025年东山县政协补报.xlsx", "东山县政协2025年社情民意信息台账.xlsx"], False),
        ("南岭县政协", "县级", ["政协南岭县委员会2025年台账.xlsx"], False)]
    figures = json.loads(sqmy("rollup", root, "--year", 2025, "--out", tmp_path / "out", "--format", "json").stdout)
    got = {o["office"]: (o["submitted"], o["adopted_by_tier"]["市级"]) for o in figures["offices"]}
    assert got == {"东山县政协": (3, 2), "南岭县政协": (1, 0), "示例市政协": (1, 1)}  # 市政协编发: its own 市级


@pytest.mark.parametrize("text, fragment", [
    ("offices: []\n", "offices:应为下级政协的列表"),
    ("office: 某市政协\nlevel: 地级\noffices:\n  - name: 甲县政协\n", "level:应为 县级/市级/省级/全国 之一,实为 “地级”(第2行)"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - name: 甲县政协\n  - name: 甲县政协\n", "重复"),
    ("office: 某市政协\nlevel: 市级\noffices:\n  - {level: 县级}\n", "offices.0.name:缺少必填项"),
    ("offices: [\n", "不是有效的 YAML 格式"),
    ("!!python/object/apply:os.system [echo hi]\n", "不允许的标签"),  # read safely, never evaluated
])
def test_bad_manifest_is_one_clear_message(tmp_path, text, fragment):
    manifest = tmp_path / "offices.yaml"
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(TreeError) as err:
        load_tree(manifest, RULES)
    assert fragment in err.value.message and "offices.yaml" in err.value.message


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(TreeError, match="路径不存在"):
        load_tree(tmp_path / "nowhere", RULES)


# ------------------------------------------------------------------ reading

def _ledger_rows(tier_label: str, title: str) -> list[list]:
    return [
        ["2025年社情民意信息登记表"],
        ["序号", "收稿日期", "信息标题", "作者", "采用情况", None],
        [None, None, None, None, tier_label, "省政协"],
        [1, dt.date(2025, 3, 5), title, "张三", "√", None],
    ]


def test_each_office_reads_its_own_bulletin_at_its_own_tier(tmp_path):
    """本级编发 in a county's ledger is 县级; in the city's own ledger it is 市级."""
    merges = {"登记": ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"]}
    (tmp_path / "甲县政协").mkdir()
    (tmp_path / "本级").mkdir()
    write_xlsx(tmp_path / "甲县政协" / "台账.xlsx", {"登记": _ledger_rows("本级编发", "关于县城停车难的建议")}, merges)
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"登记": _ledger_rows("本级编发", "关于全市公交线网优化的建议")}, merges)
    tree = load_tree(tmp_path, RULES, office="某市政协")
    ledger = read_offices(tree, RULES, year=2025)
    tiers = dict(zip(ledger.adoptions["office"].astype(str), ledger.adoptions["tier"].astype(str)))
    assert tiers == {"甲县政协": "县级", "某市政协": "市级"}


def test_parallel_read_is_identical_to_serial(city):
    root, _ = city
    tree = load_tree(root, RULES)
    serial, parallel = read_offices(tree, RULES, 2025, workers=1), read_offices(tree, RULES, 2025, workers=2)
    for name in ("submissions", "authors", "adoptions", "instructions", "files", "findings"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))


def test_links_and_duplicates_stay_inside_one_office(city_rollup):
    tree, ledger, _ = city_rollup
    linked = ledger.adoptions[ledger.adoptions["item"] >= 0]
    office_of_item = ledger.submissions.set_index("item")["office"].astype(str)
    assert (linked["item"].map(office_of_item) == linked["office"].astype(str)).all()
    report = sq.validate(ledger, RULES)
    # The same item in a county's and the city's ledgers is the roll-up's to match, not a duplicate error.
    assert not [i for i in report.issues if i.code == "item.duplicate"]


# ------------------------------------------------------------------ matching and counting

def test_forwarded_items_are_matched_as_planted(city, city_rollup):
    _, expected = city
    _, _, r = city_rollup
    how = r.forwarded["how"].value_counts().to_dict()
    assert how == {BY_NUMBER: expected["forwarded"]["by_number"], BY_TITLE: expected["forwarded"]["by_title"]}
    assert (r.forwarded["higher_office"] == "示例市政协").all()
    assert (r.forwarded["days"].abs() <= RULES.data["rollup"]["match_window_days"]).all()


def test_uncertain_matches_are_reported_not_merged(city, city_rollup):
    _, expected = city
    _, ledger, r = city_rollup
    assert len(r.uncertain) == expected["uncertain"]
    reasons = " ".join(r.uncertain["reason"])
    assert "编号对应东山县政协的信息，但标题不同" in reasons
    assert "作者不同" in reasons and "日期相差45天" in reasons
    assert r.uncertain["higher_place"].str.contains(r"\.xlsx!报送台账!第\d+行").all()
    # Not merged: every uncertain record is still counted in the city's own figures.
    assert r.summary_ytd.submitted == expected["items_after_dedupe"]


def test_totals_count_each_item_and_each_adoption_tier_once(city, city_rollup):
    _, expected = city
    tree, ledger, r = city_rollup
    c = counted(ledger, RULES.for_level("市级"))
    assert r.summary.submitted == len(c.submissions) - len(r.forwarded) == expected["items_after_dedupe"]
    # Every adoption tier an item reached, in either record, counts once for the item.
    lower_of = dict(zip(r.forwarded["higher_item"], r.forwarded["lower_item"]))
    ad = c.adoptions.assign(item=c.adoptions["item"].map(lambda i: lower_of.get(i, i)))
    distinct = ad.drop_duplicates(["item", "tier"]).groupby("tier", observed=True).size()
    for tier, n in distinct.items():
        assert r.summary.adopted_by_tier[tier] == n
    # So does every channel's (the bodies named in the circular, 专报/转报/转送): a pair once.
    every = c.all_adoptions.assign(item=c.all_adoptions["item"].map(lambda i: lower_of.get(i, i)))
    assert r.summary.adopted_by_channel == {
        ch: every.loc[every["channel"] == ch, "item"].nunique() for ch in r.summary.adopted_by_channel}
    for tier, bodies in r.summary.adopted_by_body.items():
        assert all(n <= every.loc[every["tier"] == tier, "item"].nunique() for n in bodies.values()), tier
    # The offices add up to the totals.
    assert r.offices["submitted"].sum() == r.summary.submitted


def test_forwarded_items_count_for_the_office_that_sent_them(city_rollup):
    _, ledger, r = city_rollup
    c = counted(ledger, RULES.for_level("市级"))
    own = c.submissions[c.submissions["office"] == "示例市政协"]
    city_row = r.offices.set_index("office").loc["示例市政协"]
    assert city_row["submitted"] == len(own) - len(r.forwarded)
    county = r.offices.set_index("office").loc["东山县政协"]
    assert county["submitted"] == int((c.submissions["office"] == "东山县政协").sum())


def test_the_roll_ups_own_forwarding_is_above_it(tmp_path):
    # 甲县 sent two items to the city (one adopted there), the city one to the province: the roll-up said
    # "向上级报送信息1条（其中省级1条），所报信息被上级采用1条，上级采用率50%" (the county's 上报 to the city in
    # the adopted count and the rate, not in the count). By hand: 1 sent above the city, 0 adopted, 0%.
    rows = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
            [1, "2025-10-09", "关于甲的建议", "张三", "报市政协，市政协采用第41期"], [2, "2025-10-19", "关于乙的建议", "李四", "报市政协"]]
    own = [["序号", "收稿日期", "信息标题", "作者", "采用情况"], [1, "2025-10-08", "关于丙的建议", "王五", "报省政协"]]
    (tmp_path / "甲县政协").mkdir()
    (tmp_path / "本级").mkdir()
    write_xlsx(tmp_path / "甲县政协" / "台账.xlsx", {"2025年": rows})
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"2025年": own})
    tree = load_tree(tmp_path, RULES, office="某市政协")
    s = build_rollup(read_offices(tree, RULES, year=2025), tree, 2025, quarter=4, rules=RULES).summary
    assert (sum(s.forwarded.values()), s.forwarded["省级"], s.forwarded_adopted, s.upper_adoption_rate) == (1, 1, 0, 0.0)


def test_offices_ranked_within_peer_group(city_rollup):
    _, _, r = city_rollup
    for _, group in r.offices[r.offices["office_level"] == "县级"].groupby("peer_group"):
        ranked = group.sort_values("rank")
        assert list(ranked["rank"]) == sorted(ranked["rank"])
        assert ranked["points"].is_monotonic_decreasing
    assert set(r.offices["peer_group"]) == {"县", "区", "本级"}


def test_missing_offices_listed_with_reason(city, city_rollup):
    _, expected = city
    _, _, r = city_rollup
    missing = r.missing.set_index("office")
    assert set(missing.index) == set(expected["missing"])
    assert "损坏" in missing.loc["石门县政协", "reason"] and "石门县政协2025年" in missing.loc["石门县政协", "reason"]
    assert "未找到台账文件" in missing.loc["青河区政协", "reason"]
    assert not set(expected["missing"]) & set(r.offices["office"])  # not ranked with zero
    assert any("石门县政协" in p for p in r.problems)


def test_a_window_of_zero_days_turns_title_matches_into_doubts(city_rollup):
    tree, ledger, _ = city_rollup
    c = counted(ledger, RULES.for_level("市级"))
    certain, uncertain = match_forwarded(c, tree, window_days=0)
    assert set(certain["how"]) <= {BY_NUMBER, BY_TITLE}
    assert (certain.loc[certain["how"] == BY_TITLE, "days"] == 0).all()
    assert len(uncertain) > 3  # forwarded a few days later: author agrees, date does not


# ------------------------------------------------------------------ sqmy rollup end to end

@pytest.fixture(scope="module")
def rollup_run(city, tmp_path_factory):
    root, _ = city
    out = tmp_path_factory.mktemp("rollup")
    result = sqmy("rollup", root, "--year", 2025, "--quarter", 4, "--out", out, "--format", "json")
    return out, result


def test_cli_completes_and_exits_1_for_missing_offices(rollup_run):
    out, result = rollup_run
    assert result.returncode == 1, result.stderr
    assert "石门县政协缺报" in result.stderr and "青河区政协缺报" in result.stderr
    stem = "2025年第四季度社情民意信息汇总通报"
    for suffix in (".xlsx", ".docx", ".html", ".ipynb"):
        assert (out / f"{stem}{suffix}").is_file()


def test_cli_json_matches_the_library(rollup_run, city):
    root, expected = city
    _, result = rollup_run
    data = json.loads(result.stdout)
    tree = load_tree(root, RULES)
    r = build_rollup(read_offices(tree, RULES, 2025), tree, 2025, 4, rules=RULES)
    assert data["submitted"] == r.summary.submitted and data["adopted_by_tier"] == r.summary.adopted_by_tier
    rows = {o["office"]: o for o in data["offices"]}
    assert rows["石门县政协"]["missing"] and rows["石门县政协"]["rank"] is None
    for row in r.offices.itertuples():
        assert (rows[row.office]["submitted"], rows[row.office]["rank"]) == (row.submitted, row.rank)
    assert data["forwarded"] == len(r.forwarded) and len(data["uncertain"]) == expected["uncertain"]


def test_outputs_show_offices_in_place_of_units(rollup_run):
    out, _ = rollup_run
    stem = "2025年第四季度社情民意信息汇总通报"
    wb = openpyxl.load_workbook(out / f"{stem}.xlsx")
    assert wb.sheetnames == ["概况", "各地区情况", "采用明细", "批示件跟踪", "未完成任务名单", "零报送地区",
                             "缺报情况", "跨级重复（已合并）", "疑似重复（未合并）"]
    offices = [row[0] for row in wb["各地区情况"].iter_rows(min_row=3, values_only=True) if row[0]]
    assert "东山县政协" in offices and "石门县政协" not in offices
    missing = [row for row in wb["缺报情况"].iter_rows(min_row=2, values_only=True)]
    assert {row[0] for row in missing} == {"石门县政协", "青河区政协"}
    text = "\n".join(p.text for p in docx.Document(out / f"{stem}.docx").paragraphs)
    assert "关于2025年第四季度\n全市社情民意信息工作情况的通报" in text  # the title broken where a word ends
    assert "各地区社情民意信息报送采用情况统计表" in text and "石门县政协、青河区政协的台账未能读取" in text
    assert "附件" in text and "“缺报情况”工作表" in text
    assert "委员和信息员" not in text  # a roll-up reports on offices, not people
    # The manifest's peer groups are 县 and 区: the first of each "积分居各县首位", not "居县首位".
    assert "积分居各县首位" in text and "积分居县首位" not in text and "积分居区首位" not in text
    # 全国政协 and 全国政协办公厅 (the organ's own office, Placement.organ_key) are one body taking the 全国 tier's
    # items: 被全国政协采用3条, never 全国级 (the tier said as a level, 被国家级采用, is test_documents' adopted_at).
    assert "全国级" not in text and "被全国政协采用3条" in text


def test_bad_manifest_exits_2_with_one_line(tmp_path):
    (tmp_path / "offices.yaml").write_text("offices: []\n", encoding="utf-8")
    result = sqmy("rollup", tmp_path, "--year", 2025, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "offices.yaml" in result.stderr


def test_an_item_forwarded_through_two_levels_is_one_item(tmp_path):
    """County → city → province: the province's and the city's records both fold into the county's item."""
    title = "关于农村客运班线停运问题的建议"
    for folder, day in (("乙县", 5), ("甲市", 8), ("省本级", 12)):
        (tmp_path / folder).mkdir()
        write_xlsx(tmp_path / folder / "台账.xlsx", {"台账": [
            ["序号", "收稿日期", "信息标题", "作者"],
            [1, dt.date(2025, 3, day), title, "张三"],
            [2, dt.date(2025, 3, day), f"{folder}自己的信息", "李四"],
        ]})
    (tmp_path / "offices.yaml").write_text(
        "office: 某省政协\nlevel: 省级\nown_ledgers: [省本级]\noffices:\n"
        "  - {name: 甲市政协, level: 市级, ledgers: [甲市]}\n  - {name: 乙县政协, level: 县级, ledgers: [乙县]}\n",
        encoding="utf-8")
    tree = load_tree(tmp_path, RULES)
    r = build_rollup(read_offices(tree, RULES, 2025), tree, 2025, rules=RULES)
    assert len(r.forwarded) == 2 and set(r.forwarded["lower_office"]) == {"乙县政协"}
    assert r.uncertain.empty
    assert r.summary.submitted == 4  # the one forwarded item, and each office's own
    assert r.offices.set_index("office")["submitted"].to_dict() == {"某省政协": 1, "甲市政协": 1, "乙县政协": 2}


def test_archive_of_office_folders_rolls_up_without_a_manifest(tmp_path):
    from sqmy_lib.synth import write_archive

    write_archive(tmp_path / "各县台账", n_workbooks=4, items=600, adoptions=150, year=2025, workers=1)
    tree = load_tree(tmp_path / "各县台账", RULES, office="示例市政协")
    assert tree.level == "市级" and len(tree.offices) == 4 and not any(o.own for o in tree.offices)
    ledger = read_offices(tree, RULES, 2025)
    r = build_rollup(ledger, tree, 2025, rules=RULES)
    assert r.forwarded.empty and r.uncertain.empty and r.missing.empty
    assert r.offices["submitted"].sum() == r.summary.submitted == len(counted(ledger, RULES.for_level("市级")).submissions)
    assert sorted(r.offices["rank"]) == [1, 2, 3, 4]
    assert set(r.offices["peer_group"]) == {RULES.data["rollup"]["peer_group_by_level"]["县级"]}


def test_rollup_runs_on_a_schedule(city, tmp_path):
    from sqmy_lib.schedule.history import History

    root, _ = city
    sched = tmp_path / "schedules"
    sched.mkdir()
    (sched / "city.yaml").write_text(
        "report: rollup_circular\ncron: \"0 9 10 1,4,7,10 *\"\n"
        "parameters: {year: \"{last_quarter.year}\", quarter: \"{last_quarter.quarter}\"}\n"
        f"ledgers: [{root}]\noutput: out/{{period}}\n", encoding="utf-8")
    result = sqmy("schedule", "run", "city", "--schedules", sched, "--state", tmp_path / "state", "--now", "2026-01-10T10:00")
    assert result.returncode == 0, result.stderr + result.stdout
    out = sched / "out" / "2025年第四季度"
    assert (out / "2025年第四季度社情民意信息汇总通报.docx").is_file()
    runs = History(tmp_path / "state").runs()
    assert [r.status for r in runs] == ["success"] and runs[0].period == "2025年第四季度"


def test_a_title_the_city_closes_with_de_jianyi_is_the_countys_item(tmp_path):
    # 关于规范电动自行车集中充电管理 (the district's) and …管理的建议 (the city's record of it, same author, 9
    # days later): two items and two 市级 adoptions, one credited to the city, with no doubt said.
    county = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
              [1, "2025-11-03", "关于规范电动自行车集中充电管理", "赵磊", "区政协编发第25期；报市政协，市政协采用第47期"]]
    city = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
            [1, "2025-11-12", "关于规范电动自行车集中充电管理的建议", "赵磊", "临湖区政协", "第47期"]]
    (tmp_path / "临湖区政协").mkdir()
    (tmp_path / "本级").mkdir()
    write_xlsx(tmp_path / "临湖区政协" / "台账.xlsx", {"2025年": county})
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"2025年": city})
    tree = load_tree(tmp_path, RULES, office="江州市政协")
    r = build_rollup(read_offices(tree, RULES, year=2025), tree, 2025, quarter=4, rules=RULES)
    assert (r.summary.submitted, r.summary.adopted_by_tier["市级"], len(r.forwarded)) == (1, 1, 1)


def test_a_merged_adoption_takes_the_day_its_copy_writes(tmp_path):
    # The district's row says 报市政协，市政协采用第41期 (no day); the city's record of the item says 第41期,
    # 2025-10-30. Merged, the district's undated record was kept and counted on the item's day (Q3).
    # By hand: adopted in Q4 (10 points there), the 报送 in Q3.
    county = [["序号", "收稿日期", "信息标题", "作者", "采用情况"],
              [1, "2025-09-20", "关于加快老旧小区改造的建议", "赵磊", "报市政协，市政协采用第41期"]]
    city = [["序号", "收稿日期", "信息标题", "作者", "单位", "市政协", "采用日期"],
            [1, "2025-09-24", "关于加快老旧小区改造的建议", "赵磊", "临湖区政协", "第41期", "2025-10-30"]]
    (tmp_path / "临湖区政协").mkdir()
    (tmp_path / "本级").mkdir()
    write_xlsx(tmp_path / "临湖区政协" / "台账.xlsx", {"2025年": county})
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"2025年": city})
    tree = load_tree(tmp_path, RULES, office="江州市政协")
    ledger = read_offices(tree, RULES, year=2025)
    q3, q4 = (build_rollup(ledger, tree, 2025, quarter=q, rules=RULES).summary for q in (3, 4))
    assert (q3.submitted, q3.adopted, q4.submitted, q4.adopted, q4.adopted_by_tier["市级"]) == (1, 0, 0, 1, 1)


def test_the_rollup_writes_the_check_report_its_circular_points_to(tmp_path):
    # 乙县's second row has no author (an error: left out of the figures); the circular says so and
    # "详见校验报告": the roll-up's outputs hold that report, naming 乙县's file and the cell.
    for folder, rows in (("甲县", [[1, dt.date(2025, 2, 3), "关于农村饮水安全的建议", "张三"]]),
                         ("乙县", [[1, dt.date(2025, 2, 4), "关于校车接送的建议", "李四"],
                                   [2, dt.date(2025, 2, 5), "关于菜市场改造的建议", None]])):
        (tmp_path / "各县" / folder).mkdir(parents=True)
        write_xlsx(tmp_path / "各县" / folder / "台账.xlsx", {"台账": [["序号", "收稿日期", "信息标题", "作者"], *rows]})
    out = tmp_path / "out"
    result = sqmy("rollup", tmp_path / "各县", "--year", 2025, "--quarter", 1, "--office", "示例市政协", "--out", out)
    assert result.returncode == 0, result.stderr
    stem = "2025年第一季度社情民意信息汇总通报"
    notes = [c for row in openpyxl.load_workbook(out / f"{stem}.xlsx")["概况"].iter_rows(values_only=True) for c in row if c]
    assert "说明：因校验错误，有1条报送记录未计入统计，详见校验报告。" in notes
    report = (out / "校验报告.txt").read_text(encoding="utf-8")
    # 甲县 holds a 台账.xlsx too: the file name alone would not say whose, so the folder is shown.
    assert "错误  乙县/台账.xlsx!台账!D3  [author.missing]" in report
    assert json.loads((out / "校验报告.json").read_text(encoding="utf-8"))["issues"][0]["file"].endswith("乙县/台账.xlsx")
    assert "报送 3 条" in report  # the rows read, the one with the error among them
    # Rows as each ledger records them: an item in a county's and the city's ledger counts twice here (said).
    assert "同一信息在下级和本级台账都有登记的,这里各计一次" in report
    assert f"已生成:{out / '校验报告.txt'}" in result.stdout


def test_a_file_name_two_offices_share_is_shown_with_its_folder():
    from sqmy_lib.render.check_report import issues_text
    from sqmy_lib.validate import Issue, Report

    issues = [Issue("author.missing", "error", "作者为空", "/x/甲县/台账.xlsx", "台账", 3, "D"),
              Issue("author.missing", "error", "作者为空", "/x/乙县/台账.xlsx", "台账", 5, "D"),
              Issue("title.missing", "error", "标题为空", "/x/丙县/丙县台账.xlsx", "台账", 2, "C")]
    assert issues_text(Report(issues=issues)).splitlines() == [
        "错误  甲县/台账.xlsx!台账!D3  [author.missing] 作者为空",
        "错误  乙县/台账.xlsx!台账!D5  [author.missing] 作者为空",
        "错误  丙县台账.xlsx!台账!C2  [title.missing] 标题为空"]


def test_a_city_record_of_a_county_the_county_ledger_lacks_is_said(tmp_path):
    # The city's own ledger records an item with 单位 临湖区政协 that 临湖区's ledger does not hold (it
    # forgot to enter it): counted once, as the city's own (no county item to credit), and listed
    # among the doubts with no candidate, so staff check the county's ledger.
    (tmp_path / "本级").mkdir()
    (tmp_path / "临湖区政协").mkdir()
    write_xlsx(tmp_path / "临湖区政协" / "台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, dt.date(2025, 4, 2), "关于老旧小区加装电梯的建议", "张三", "民盟临湖区委"]]})
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, dt.date(2025, 4, 9), "关于老旧小区加装电梯的建议", "张三", "临湖区政协"],  # the county's, forwarded
        [2, dt.date(2025, 5, 6), "关于社区食堂运营补贴的建议", "李四", "临湖区政协"],  # not in 临湖区's ledger
        [3, dt.date(2025, 5, 8), "关于城市内涝治理的建议", "王五", "市政协经济委"]]})
    tree = load_tree(tmp_path, RULES, office="示例市政协")
    r = build_rollup(read_offices(tree, RULES, 2025), tree, 2025, 2, rules=RULES)
    assert len(r.forwarded) == 1 and r.summary.submitted == 3
    assert r.offices.set_index("office")["submitted"].to_dict() == {"示例市政协": 2, "临湖区政协": 1}
    assert r.uncertain["title"].tolist() == ["关于社区食堂运营补贴的建议"]
    doubt = r.uncertain.iloc[0]
    assert doubt["candidates"] == "下级台账中无对应记录" and "临湖区政协台账中没有这条信息" in doubt["reason"]
    assert r.notes[-1].startswith("另有1条本级记录的单位或作者为下级政协") and not any("疑似重复的记录" in n for n in r.notes)


def _county_and_city(tmp_path, county: list[list], city: list[list], folder: str = "甲县政协"):
    """One county's ledger (in ``folder``) and the city's own (本级); the roll-up of 恩施州政协 for 2025."""
    header = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "采用日期", "批示情况"]
    for where, rows in ((folder, county), ("本级", city)):
        (tmp_path / where).mkdir()
        write_xlsx(tmp_path / where / "台账.xlsx", {"台账": [header, *rows]})
    return _city_rollup(tmp_path)


def _city_rollup(root: Path, quarter: int | None = None):
    tree = load_tree(root, RULES, office="恩施州政协")
    return build_rollup(read_offices(tree, RULES, 2025), tree, 2025, quarter, rules=RULES)


def test_a_county_item_the_city_ledger_records_was_sent_up_to_the_city(tmp_path):
    # No ledger writes 上报. 甲县's items A, B, C; the city's ledger records A (adopted: 第4期) and B
    # (not adopted): the county sent A and B up. By hand, 甲县: 上报 2, 被采用 1 (A). The city sent
    # nothing above itself: its own 上报 figures stay 0.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 2), "关于整治农村人居环境的建议", "张伟", "农业界", None, None, None],
        [2, d(2025, 3, 5), "关于完善医保异地结算的建议", "王五", "医卫界", None, None, None],
        [3, d(2025, 3, 9), "关于发展林下经济的建议", "覃华", "农业界", None, None, None]], [
        [1, d(2025, 3, 10), "关于整治农村人居环境的建议", "张伟", "甲县政协", "州政协《社情民意》第4期", d(2025, 3, 28), None],
        [2, d(2025, 3, 15), "关于完善医保异地结算的建议", "王五", "甲县政协", None, None, None]])
    county = r.units_ytd.set_index("unit").loc["甲县政协"]
    assert (county["submitted"], county["forwarded"], county["forwarded_adopted"]) == (3, 2, 1)
    assert sum(r.summary.forwarded.values()) == 0


def test_records_of_the_citys_own_do_not_make_adoptions_above_read_as_all_sent_up(tmp_path):
    # No ledger writes 上报. The city's ledger records 甲县's A (adopted by the 州: sent up, adopted); the
    # city's own C was adopted by 省政协, and 甲县's B too. What else went up to the province and was not
    # adopted nobody wrote: by hand 甲县 上报 1 (A, adopted), and no 上报 to the province is counted (it
    # would read as a 上级采用率 of 100%).
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 2), "关于整治农村人居环境的建议", "张伟", "农业界", None, None, None],
        [2, d(2025, 3, 5), "关于完善医保异地结算的建议", "王五", "医卫界", "省政协采用", d(2025, 3, 30), None]], [
        [1, d(2025, 3, 10), "关于整治农村人居环境的建议", "张伟", "甲县政协", "州政协《社情民意》第4期", d(2025, 3, 28), None],
        [2, d(2025, 3, 18), "关于提升州城公共交通服务水平的建议", "谭明", "民盟恩施州委", "省政协采用", d(2025, 3, 30), None]])
    county = r.units_ytd.set_index("unit").loc["甲县政协"]
    assert (county["forwarded"], county["forwarded_adopted"]) == (1, 1)
    assert r.summary_ytd.adopted_by_tier["省级"] == 2
    assert r.summary_ytd.forwarded.get("省级", 0) == 0


def test_two_leaders_of_one_level_in_both_ledgers_are_two_instructions(tmp_path):
    # 甲县 wrote 州委书记王某批示; the city 州委书记王某批示；州长张某批示 for the same item. By hand: two
    # 批示 (two leaders of one level), the 州委书记's written twice counted once.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 20), "关于加快农产品冷链建设的建议", "赵六", "经济界", "州政协采用", None, "州委书记王某批示"]], [
        [1, d(2025, 3, 25), "关于加快农产品冷链建设的建议", "赵六", "甲县政协", "州政协《社情民意》第5期", d(2025, 4, 10),
         "州委书记王某批示；州长张某批示"]])
    assert len(r.forwarded) == 1
    assert (r.summary_ytd.instructions, r.summary_ytd.instructions_by_level["市级"]) == (2, 2)


@pytest.mark.parametrize("county_leader", ["陈某副州长批示", "陈某（副州长）批示", "州领导批示"])
def test_one_instruction_the_county_and_the_city_write_two_ways_is_one(tmp_path, county_leader):
    # 甲县 wrote 陈某副州长 (or 陈某（副州长）, or only 州领导, naming no one), the city 副州长陈某, for one item and
    # level: one 批示. It was two: the leaders compared as written. By hand: 1 批示, 市级.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 20), "关于加快农产品冷链建设的建议", "赵六", "经济界", "州政协采用", None, county_leader]], [
        [1, d(2025, 3, 25), "关于加快农产品冷链建设的建议", "赵六", "甲县政协", "州政协《社情民意》第5期", d(2025, 4, 10),
         "副州长陈某批示"]])
    assert len(r.forwarded) == 1
    assert (r.summary_ytd.instructions, r.summary_ytd.instructions_by_level["市级"]) == (1, 1)


def test_a_city_title_without_its_opening_guanyu_is_the_countys_item(tmp_path):
    # The city's editor drops 关于: 规范电动自行车充电管理的建议, two days after the county's 关于规范…的建议 by the
    # same author. It was not matched: counted twice (the county's and the city's own) and said as "the county's
    # ledger has no such item", which it has. By hand: 1 item, 甲县's, adopted at 市级, no doubt.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 12, 1), "关于规范电动自行车充电管理的建议", "黄丽", "工商联", "上报州政协", None, None]], [
        [1, d(2025, 12, 3), "规范电动自行车充电管理的建议", "黄丽", "甲县政协", "州政协《社情民意》第36期", d(2025, 12, 10), None]])
    assert len(r.forwarded) == 1 and r.uncertain.empty
    assert r.summary_ytd.submitted == 1 and r.summary_ytd.adopted_by_tier["市级"] == 1


def test_a_city_record_naming_a_county_whose_ledger_was_not_read(tmp_path):
    # 甲县政协's folder holds no ledger (缺报); the city's record names 甲县政协. The doubt said "甲县政协台账中没有
    # 这条信息", as if its ledger had been read; it says the ledger could not be read.
    (tmp_path / "甲县政协").mkdir()
    (tmp_path / "本级").mkdir()
    write_xlsx(tmp_path / "本级" / "台账.xlsx", {"台账": [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"],
                                                     [1, dt.date(2025, 3, 10), "关于整治农村人居环境的建议", "张伟", "甲县政协", "第4期"]]})
    r = _city_rollup(tmp_path)
    assert list(r.missing["office"]) == ["甲县政协"]
    assert "甲县政协台账未能读取（缺报），无法核对" in r.uncertain.iloc[0]["reason"]


def test_the_citys_own_record_of_an_adoption_keeps_its_product_and_issue(tmp_path):
    # 甲县 wrote 州政协采用 (no product, no 期号) for A and B; the city wrote 《社情民意专报》第2期 for A and
    # 《社情民意》第5期 for B, and 第4期 for its own item C. By hand: 专报 1 (A); 本级编发 2 (B, C), in
    # 2 issues (5, 4); A adopted on the city's day (4月10日: the second quarter).
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 20), "关于加快农产品冷链建设的建议", "赵六", "经济界", "州政协采用", None, None],
        [2, d(2025, 3, 5), "关于完善医保异地结算的建议", "王五", "医卫界", "州政协采用", None, None]], [
        [1, d(2025, 3, 25), "关于加快农产品冷链建设的建议", "赵六", "甲县政协", "州政协《社情民意专报》第2期", d(2025, 4, 10), None],
        [2, d(2025, 3, 15), "关于完善医保异地结算的建议", "王五", "甲县政协", "州政协《社情民意》第5期", d(2025, 3, 28), None],
        [3, d(2025, 3, 18), "关于提升州城公共交通服务水平的建议", "谭明", "民盟恩施州委", "州政协《社情民意》第4期", d(2025, 3, 30), None]])
    s = r.summary_ytd
    assert len(r.forwarded) == 2
    assert (s.routing["专报"], s.published, s.issues, s.adopted_by_tier["市级"]) == (1, 2, 2, 3)
    q1 = _city_rollup(tmp_path, 1).summary
    assert (q1.adopted, q1.routing["专报"]) == (2, 0)  # B and C in the first quarter; A in the second


def test_a_city_record_naming_a_county_in_another_form_is_that_countys(tmp_path):
    # The county's folder is 丙; the city writes 丙县政协. A (in both, the city's author 丙县政协) is 丙's
    # item, merged; B (the city's only) is said as 丙's item its ledger lacks. By hand: 2 items, 丙 1,
    # the city 1, one doubt naming 丙.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 2, 1), "关于规范物业服务收费的建议", "孙七", "工商联", None, None, None]], [
        [1, d(2025, 2, 10), "关于规范物业服务收费的建议", "丙县政协", "丙县政协", "第2期", None, None],
        [2, d(2025, 5, 10), "关于加强校园周边交通安全的建议", "丙县政协", "丙县政协", "第9期", None, None]], folder="丙")
    assert r.offices.set_index("office")["submitted"].to_dict() == {"恩施州政协": 1, "丙": 1}
    assert len(r.forwarded) == 1 and r.uncertain["title"].tolist() == ["关于加强校园周边交通安全的建议"]
    assert "丙台账中没有这条信息" in r.uncertain.iloc[0]["reason"]


def test_a_city_title_with_a_day_after_it_is_the_countys_item(tmp_path):
    # The city adds the day to the county's titles: …的建议（2025.3.20） and …的建议 5.15. By hand: both
    # the county's items (same author, days apart within the window), matched by the loose title, no doubt.
    d = dt.date
    r = _county_and_city(tmp_path, [
        [1, d(2025, 3, 12), "关于推进茶产业品牌建设的建议", "刘芳", "农业界", None, None, None],
        [2, d(2025, 5, 12), "关于城区内涝治理的建议", "吴军", "九三学社", None, None, None]], [
        [1, d(2025, 3, 20), "关于推进茶产业品牌建设的建议（2025.3.20）", "刘芳", "甲县政协", "第3期", None, None],
        [2, d(2025, 5, 15), "关于城区内涝治理的建议 5.15", "吴军", "甲县政协", "第12期", None, None]])
    assert r.uncertain.empty and r.summary_ytd.submitted == 2
    assert r.forwarded["how"].tolist() == ["标题（只差括注或日期）+作者+日期"] * 2


def test_a_file_name_two_offices_hold_is_shown_with_its_folder_when_one_has_issues():
    # 长阳 and 鹤峰 both hold 台账.xlsx; only 鹤峰's is corrupt. The line names the folder all the same.
    from sqmy_lib.render.check_report import issues_text
    from sqmy_lib.validate import Issue, Report

    issues = [Issue("file.corrupt", "error", "文件已损坏", "/x/鹤峰区政协/台账.xlsx", None, None, None)]
    files = ["/x/长阳县政协/台账.xlsx", "/x/鹤峰区政协/台账.xlsx", "/x/本级/州台账.xlsx"]
    assert issues_text(Report(issues=issues), files) == "错误  鹤峰区政协/台账.xlsx  [file.corrupt] 文件已损坏"


# ------------------------------------------------------------------ the rules' office rolls up

def _office_rules(path: Path, name: str, tier: str, place: str, city: str = "", province: str = "湖北省") -> sq.Rules:
    """The shipped rules with this office's own 【必改】 values, written to ``path`` and loaded as an office's file."""
    import yaml

    data = yaml.safe_load(sq.rules.model.default_rules_path(2025)[0].read_text(encoding="utf-8"))
    data["office"].update(name=name, full_name=f"政协{place}委员会", own_tier=tier, place=place, city=city, province=province)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return sq.load_rules(path, year=2025)


def _county_ledger(path: Path, rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, {"台账": [["序号", "日期", "信息标题", "作者", "单位", "采用情况"],
                               *[[k, d, t, a, u, b] for k, (d, t, a, u, b) in enumerate(rows, 1)]]})


def test_the_rules_office_rolls_up_its_county_level_cities_as_the_county_tier(tmp_path):
    # 潍坊市政协 (rules: own_tier 市级) rolls up 3 县级市, 1 县, 1 区: the folders' names (mostly 市) once made
    # it 省级 and the 县级市 市级 (their 市政协编发 counted 市级, 32/22 points). By hand, each office below
    # is 县级: 市政协编发 / 本级编发 is its own bulletin (县级, 3 points), 潍坊市政协采用 市级 (10), two items
    # (1 each): 15 points each; the city's own item adopted by the province: 1 + 20 = 21.
    rules = _office_rules(tmp_path / "规则.yaml", "潍坊市政协", "市级", "潍坊市", province="山东省")
    root = tmp_path / "下级台账"
    for name in ("青州市政协", "诸城市政协", "寿光市政协", "临朐县政协", "奎文区政协"):
        own = "市政协编发第3期" if "市" in name else "本级编发第3期"
        _county_ledger(root / name / "台账.xlsx", [(dt.date(2025, 3, 3), f"关于{name[:2]}道路养护的建议", "甲", "农业界", own),
                                                 (dt.date(2025, 4, 9), f"关于{name[:2]}社区养老的建议", "乙", "社会福利界", "潍坊市政协采用")])
    _county_ledger(root / "市本级" / "台账.xlsx", [(dt.date(2025, 5, 2), "关于加强城市防汛的建议", "丙", "民盟潍坊市委", "省政协采用")])
    tree = load_tree(root, rules)
    assert (tree.office, tree.level, tree.notes) == ("潍坊市政协", "市级", [])
    assert {o.level for o in tree.offices if not o.own} == {"县级"}
    r = build_rollup(read_offices(tree, rules, year=2025), tree, 2025, rules=rules)
    assert r.offices.set_index("office")["points"].to_dict() == {
        "青州市政协": 15, "诸城市政协": 15, "寿光市政协": 15, "临朐县政协": 15, "奎文区政协": 15, "潍坊市政协": 21}
    assert r.title == "关于2025年全市社情民意信息工作情况的通报"


def test_only_the_folders_names_guess_the_office_and_then_it_is_said(tmp_path):
    # Without the rules' office (shipped 示例 values) the folders' lowest level says it: 2 县级市 and
    # 1 县 are the county tier, so the office is 市级 (not 省级 by the majority), and a note says so.
    root = tmp_path / "下级台账"
    for name in ("青州市政协", "诸城市政协", "临朐县政协"):
        (root / name).mkdir(parents=True)
    tree = load_tree(root, RULES)
    assert (tree.office, tree.level) == ("本级政协", "市级")
    assert {o.level for o in tree.offices} == {"县级"}
    assert tree.notes and "推断本单位为市级" in tree.notes[0]


@pytest.mark.parametrize("folder", ["各县市区政协台账", "下级政协台账"])
def test_a_folder_of_ledgers_named_with_zhengxie_is_not_the_office(tmp_path, folder):
    # The folder's name held 政协, so the roll-up was 各县市区政协台账 at 县级 (版头 “各县市区政协台账办公室文件”).
    # By hand: the rules' office, 恩施州政协 at 市级; with no office in the rules, not the folder's name either.
    rules = _office_rules(tmp_path / "规则.yaml", "恩施州政协", "市级", "恩施州")
    (tmp_path / folder / "东山县政协").mkdir(parents=True)
    assert (load_tree(tmp_path / folder, rules).office, load_tree(tmp_path / folder, rules).level) == ("恩施州政协", "市级")
    assert load_tree(tmp_path / folder, RULES).office == "本级政协"


LICHUAN = [(dt.date(2025, 1, 20), "关于加强农村饮水安全保障的建议", "陈刚", "农工党利川市委", "市政协《社情民意》2025年第2期"),
           (dt.date(2025, 3, 12), "关于推进茶产业品牌建设的建议", "刘芳", "农业界", "州政协采用"),
           (dt.date(2025, 6, 18), "关于城区停车难的建议", "周杰", "经济界", "市政协编发第9期"),
           (dt.date(2025, 9, 5), "关于加快冷链物流体系建设的建议", "刘芳", "农业界", "省政协采用")]


@pytest.mark.parametrize("folder, file, units", [
    ("利川市政协", "台账.xlsx", True), ("利川市政协办公室", "台账.xlsx", True), ("政协利川市委员会", "台账.xlsx", True),
    ("利川", "台账.xlsx", True),  # its ledger's units (农工党利川市委) say 利川市
    ("利川", "利川市政协2025年台账.xlsx", False),  # its file's name says it
    # a date stamp or a remark after the name (the office's place was unclear, its 批示 without a level)
    ("利川市政协（补报）", "台账.xlsx", True), ("利川市2026.1.8", "台账.xlsx", True), ("20260108利川市政协", "台账.xlsx", True),
])
def test_a_county_level_citys_own_bulletin_is_the_county_tier_whatever_its_folder(tmp_path, folder, file, units):
    # 利川市 in 恩施州's roll-up: its 市政协《社情民意》 and 市政协编发 are its own (县级), 州政协 市级, 省政协 省级.
    # Folders 利川 or 利川市政协办公室 once gave 县级 0, 市级 3. By hand: 县级 2, 市级 1, 省级 1.
    rules = _office_rules(tmp_path / "规则.yaml", "恩施州政协", "市级", "恩施州")
    rows = [(d, t, a, u if units else "农业界", b) for d, t, a, u, b in LICHUAN]
    _county_ledger(tmp_path / "各县" / folder / file, rows)
    tree = load_tree(tmp_path / "各县", rules)
    ledger = read_offices(tree, rules, year=2025)
    r = build_rollup(ledger, tree, 2025, rules=rules)
    got = {o["office"]: o["adopted_by_tier"] for o in r.office_rows()}[office_of_folder(folder)]
    assert (got["县级"], got["市级"], got["省级"]) == (2, 1, 1)
    assert "office.place_unclear" not in set(ledger.findings["code"])
    assert r.title == "关于2025年全州社情民意信息工作情况的通报"  # 恩施州: 全州, not 全市


def test_a_bare_named_office_nothing_says_is_a_county_level_city_is_said_not_guessed(tmp_path):
    # Folder 利川, file 台账.xlsx, no unit naming 利川市/利川县: its two bare 市 bodies are its own (县级) or
    # its 州's (市级)? Not guessed 市级: by hand 县级 0, 市级 1 (州政协), 省级 1, and one finding for the 2 left out.
    rules = _office_rules(tmp_path / "规则.yaml", "恩施州政协", "市级", "恩施州")
    _county_ledger(tmp_path / "各县" / "利川" / "台账.xlsx", [(d, t, a, "农业界", b) for d, t, a, _, b in LICHUAN])
    tree = load_tree(tmp_path / "各县", rules)
    ledger = read_offices(tree, rules, year=2025)
    got = {o["office"]: o["adopted_by_tier"] for o in build_rollup(ledger, tree, 2025, rules=rules).office_rows()}["利川"]
    assert (got["县级"], got["市级"], got["省级"]) == (0, 1, 1)
    issues = [i for i in sq.validate(ledger, rules).issues if i.code == "office.place_unclear"]
    assert len(issues) == 1 and "“利川”" in issues[0].message and "2条采用" in issues[0].message


@pytest.mark.parametrize("place, area", [
    ("恩施州", "全州"), ("恩施土家族苗族自治州", "全州"), ("锡林郭勒盟", "全盟"), ("大兴安岭地区", "全地区"), ("潍坊市", "全市"),
    ("东山县", "全县"), ("清江区", "全区"), ("巴林右旗", "全旗"), ("利川市", "全市"), ("湖北省", "全省"),
    ("内蒙古自治区", "全区"), ("北京市", "全市"), ("本级", ""),
])
def test_the_area_an_office_speaks_for_is_its_places(place, area):
    from sqmy_lib import zh
    from sqmy_lib.render.commendation_docx import _scope

    assert zh.area(place) == area
    assert _scope(f"{place}政协") == area  # the commendation's 全县/全州 by the same one rule


def test_a_peer_group_with_full_width_brackets_is_the_rules_type(tmp_path):
    # The rules read their unit types as the roster's 单位类型 is read (NFKC, no spaces: 县（市） is
    # 县(市)); offices.yaml's peer_group and rollup.peer_group_by_level are read the same way, so a
    # group written alike in the rules and the manifest stays one group with its quota.
    import copy

    data = copy.deepcopy(RULES.data)
    data["peer_groups"]["县（市）"] = {"top_n": 1}
    data["quotas"]["units"]["县（市）"] = {"per": "quarter", "items": 5}
    data["rollup"]["peer_group_by_level"]["县级"] = "县 （市、区）"
    rules = sq.Rules(data)
    (tmp_path / "东山县").mkdir()
    (tmp_path / "西山县").mkdir()
    manifest = tmp_path / "offices.yaml"
    manifest.write_text("office: 示例市政协\nlevel: 市级\noffices:\n"
                        "  - {name: 东山县政协, peer_group: 县（市）, ledgers: [东山县]}\n"
                        "  - {name: 西山县政协, ledgers: [西山县]}\n", encoding="utf-8")
    tree = load_tree(manifest, rules)
    groups = {o.name: o.peer_group for o in tree.offices}
    # By hand: 县（市） → 县(市), a key of the rules' peer_groups and quotas; the by-level default 县(市、区).
    assert groups == {"东山县政协": "县(市)", "西山县政协": "县(市、区)"}
    assert groups["东山县政协"] in rules.data["peer_groups"] and groups["东山县政协"] in rules.data["quotas"]["units"]


@pytest.mark.parametrize("folder, office", [("金溪区2026.1.8", "金溪区"), ("金溪区政协（补报）", "金溪区政协"),
                                            ("政协红岭县委员会", "红岭县政协"), ("白沙县政协信息科", "白沙县政协"),
                                            ("20260108青石县", "青石县"), ("民盟县委", "民盟县委")])
def test_the_office_a_folder_is_named_for(folder, office):
    assert office_of_folder(folder) == office


def test_a_ledger_filed_under_another_office_or_left_in_the_root_is_said(tmp_path):
    """青石县政协's ledger (its title says so) saved in 白沙县政协/, and another county's file left in the archive's
    root among the city's own: each counted where it was filed, and said (office.misfiled); both were silent."""
    rules = _office_rules(tmp_path / "规则.yaml", "云州市政协", "市级", "云州市")
    root = tmp_path / "下级台账"
    (root / "白沙县政协").mkdir(parents=True)
    write_xlsx(root / "白沙县政协" / "2025年社情民意台账.xlsx", {"台账": [
        ["青石县政协2025年社情民意信息台账"], ["序号", "日期", "信息标题", "作者", "单位", "采用情况"],
        [1, dt.date(2025, 3, 3), "关于农村饮水的建议", "甲", "民盟青石县委", "县政协编发"]]})
    _county_ledger(root / "红岭县政协" / "台账.xlsx", [(dt.date(2025, 4, 9), "关于社区养老的建议", "乙", "农业界", "县政协编发")])
    _county_ledger(root / "红岭县政协2025年台账(1).xlsx", [(dt.date(2025, 5, 9), "关于道路养护的建议", "丙", "农业界", "县政协编发")])
    _county_ledger(root / "云州市政协2025年台账.xlsx", [(dt.date(2025, 6, 9), "关于防汛的建议", "丁", "民盟云州市委", "省政协采用")])
    tree = load_tree(root, rules)
    ledger = read_offices(tree, rules, year=2025)
    said = ledger.findings[ledger.findings["code"] == "office.misfiled"]
    assert sorted(zip(said["file"].map(lambda f: Path(f).name), said["value"], said["detail"])) == [
        ("2025年社情民意台账.xlsx", "青石县政协", "白沙县政协"), ("红岭县政协2025年台账(1).xlsx", "红岭县政协", "云州市政协")]


def test_a_city_record_quoting_the_countys_number_and_its_title_less_its_opening_words(tmp_path):
    """The city's record 甲县-1, 加强农村饮用水安全管理的建议 (no 关于), of 甲县's item 1, 关于加强农村饮用水安全管理的建议: one
    item, merged by its 编号. Quoting the 编号 made it 疑似重复 ("编号对应…但标题不同"), counted twice; without the
    编号 it merged by title."""
    d = dt.date
    header = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "采用日期"]
    for where, row in (("甲县政协", ["1", d(2025, 3, 2), "关于加强农村饮用水安全管理的建议", "张伟", "农业界", None, None]),
                       ("本级", ["甲县-1", d(2025, 6, 10), "加强农村饮用水安全管理的建议", "张伟", "甲县政协",
                                 "州政协《社情民意》第4期", d(2025, 6, 28)])):
        (tmp_path / where).mkdir()
        write_xlsx(tmp_path / where / "台账.xlsx", {"台账": [header, row]})
    r = _city_rollup(tmp_path)
    assert r.uncertain.empty
    assert r.forwarded["how"].tolist() == [BY_NUMBER]
    assert r.summary_ytd.submitted == 1

