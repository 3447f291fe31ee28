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
from sqmy_lib.rules.model import DEFAULTS_DIR

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
    # then dropped as a repeat of the 第十届 one: both shown 离任 2025-06-30 with 任务 1, their items after
    # June not counted against it (张伟(医卫界) 2 of 1, 200.0%; 张伟(教育界) 1 of 1), and nothing said.
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


def test_an_item_under_a_unit_after_its_dissolution_is_said_at_its_cell(tmp_path):
    # 机构改革 in June: 县卫生和计划生育局 撤销 2025年6月, 县卫生健康局 成立 2025年7月 (the roster's 单位 sheet
    # lists both, with those dates). The ledger kept from July on a new template (单位 and 作者 apart) writes
    # the old name once more in August. By hand, as written: 县卫生和计划生育局 报送 2 (April, August), 积分 2,
    # its 任务 1 a quarter for Q1–Q2 = 2, of which the April item counts (the August one falls after its
    # 撤销): 计入任务 1 of 2; 县卫生健康局 报送 1 (December), 任务 2 (Q3, Q4), 50.0%. Whether the August item
    # is 县卫生健康局's (报送 2, 100.0%) only the office knows. Before, nothing was said: the August item
    # counted for a unit the roster says no longer existed, in its 报送, 积分 and the ranking.
    rules = tmp_path / "规则.yaml"
    shipped = (DEFAULTS_DIR / "2025.yaml").read_text(encoding="utf-8")
    rules.write_text(shipped.replace("    工商联: {per: quarter, items: 3, start_month: 1}",
                                     "    工商联: {per: quarter, items: 3, start_month: 1}\n"
                                     "    部门: {per: quarter, items: 1, start_month: 1}", 1)
                     .replace("  工商联: {top_n: 1}", "  工商联: {top_n: 1}\n  部门: {top_n: 1}", 1), encoding="utf-8")
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "聘任日期"], ["王芳", "信息员", "县卫生健康局", D(2025, 1, 1)]],
        "单位": [["单位名称", "单位类型", "成立时间", "撤销时间", "备注"],
                 ["县卫生和计划生育局", "部门", None, "2025年6月", None],
                 ["县卫生健康局", "部门", "2025年7月", None, None]]})
    first = write_xlsx(tmp_path / "2025年台账（1-6月）.xlsx", {"4月": [
        ["2025年4月社情民意信息登记表"], ["序号", "收稿日期", "信息标题", "作者", "报送单位", "采用情况"],
        [1, D(2025, 4, 25), "关于计划免疫接种点设置的建议", "王芳", "县卫生和计划生育局", None]]})
    second = write_xlsx(tmp_path / "2025年台账（7-12月）.xlsx", {"7-12月": [
        ["2025年7-12月社情民意信息报送采用登记表"], ["编号", "信息标题", "单位", "作者", "报送日期", "采用级别"],
        ["2025-08-01", "关于家庭医生签约的建议", "县卫生和计划生育局", "王芳", D(2025, 8, 25), None],
        ["2025-12-01", "关于公共卫生应急的建议", "县卫生健康局", "王芳", D(2025, 12, 12), None]]})
    ledger = sq.read_ledgers([first, second], roster=roster, year=2025)
    report = sq.validate(ledger, sq.load_rules(rules))
    said = [i for i in report.issues if i.code == "unit.outside_its_dates"]
    assert [(i.file.split("/")[-1], i.sheet, i.row, i.column) for i in said] == [("2025年台账（7-12月）.xlsx", "7-12月", 3, "C")]
    assert "县卫生和计划生育局" in said[0].message and "2025年6月30日" in said[0].message and "2025-08-25" in said[0].message
    assert said[0].severity == "warning"
    books = tmp_path / "台账"
    books.mkdir()
    for book in (first, second):
        book.rename(books / book.name)
    ran = sqmy("compute", "units", books,
               "--roster", roster, "--rules", rules, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    units = {u["unit"]: (u["submitted"], u["points"], u["quota"], u["completion"]) for u in json.loads(ran.stdout)}
    assert units == {"县卫生和计划生育局": (2, 2, 2, 0.5), "县卫生健康局": (1, 1, 2, 0.5)}


def test_a_member_of_a_shared_name_whose_unit_was_renamed_stays_one_person(tmp_path):
    # The 名册 writes 张伟 of 医卫界 twice, his unit renamed in June (县卫生和计划生育局 to 30 June, 县卫生健康局
    # from 1 July), and the 县一中 张伟 of 教育界 once; every row's 备注 says the name is shared. By hand: two
    # 委员, each in post the whole year, 任务 2 each: 张伟(医卫界) 2 items (April under the old name, August
    # under the new), 100.0%; 张伟(教育界) 2 items, 100.0%. Before: the 医卫界 张伟 was read as two people,
    # 张伟(县卫生和计划生育局) and 张伟(县卫生健康局), half a year and 任务 1 each, and the roster said he was
    # “已区分” from himself.
    rows = [["姓名", "身份", "单位", "界别", "任职时间", "离任时间", "备注"],
            ["张伟", "委员", "县卫生和计划生育局", "医卫界", D(2021, 12, 1), D(2025, 6, 30), "与县一中张伟重名"],
            ["张伟", "委员", "县卫生健康局", "医卫界", D(2025, 7, 1), None, "与县一中张伟重名"],
            ["张伟", "委员", "县一中", "教育界", D(2021, 12, 1), None, "与县卫健局张伟重名"]]
    units = [["单位名称", "单位类型", "成立时间", "撤销时间"], ["县卫生和计划生育局", "界别组", None, "2025年6月"],
             ["县卫生健康局", "界别组", "2025年7月", None], ["县一中", "界别组", None, None]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员": rows, "单位": units})
    items = [["序号", "收稿日期", "信息标题", "作者", "单位"],
             [1, D(2025, 2, 10), "关于校园周边交通安全的建议", "张伟", "县一中"],
             [2, D(2025, 4, 25), "关于计划免疫接种点设置的建议", "张伟", "县卫生和计划生育局"],
             [3, D(2025, 8, 6), "关于基层医疗卫生服务的建议", "张伟", "县卫生健康局"],
             [4, D(2025, 9, 9), "关于县一中扩容的建议", "张伟", "县一中"]]
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": items})
    ran = sqmy("compute", "people", path, "--roster", roster, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    got = {p["name"]: (p["unit"], p["submitted"], p["quota"], p["completion"]) for p in json.loads(ran.stdout)}
    assert got == {"张伟(医卫界)": ("县卫生健康局", 2, 2, 1.0), "张伟(教育界)": ("县一中", 2, 2, 1.0)}
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    report = sq.validate(ledger)
    assert not [i for i in report.issues if i.code in ("author.same_name", "roster.same_name_merged")]
    moved = [i for i in report.issues if i.code == "roster.transfer"]
    assert len(moved) == 1 and "县卫生和计划生育局" in moved[0].message and "县卫生健康局" in moved[0].message


def test_a_roster_of_two_terms_in_a_column_with_no_dates_is_a_warning(tmp_path):
    # A 委员名册 kept across a 换届 with a 届次 column (第十届 / 第十一届) and no 任职 or 届满 dates: 李明 sat only
    # in the 第十届, 王芳 only in the 第十一届, 张伟 in both. By hand the quotas hang on the 换届's date, which the
    # roster does not give: the tool counts everyone in post all year (任务 2 each: 李明 1 of 2, 50.0%), and
    # that must be said as a warning at the column. Before: only a 提示 that the column was not read.
    roster = write_xlsx(tmp_path / "名册.xlsx", {"委员": [
        ["姓名", "届次", "界别", "单位"],
        ["张伟", "第十届", "医卫界", "县医院"], ["李明", "第十届", "民盟", "民盟县委"],
        ["张伟", "第十一届", "医卫界", "县医院"], ["王芳", "第十一届", "医卫界", "县卫生健康局"]]})
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, D(2025, 2, 1), "关于基层卫生院人才流失的建议", "李明", "民盟县委"],
        [2, D(2025, 8, 1), "关于基层医疗卫生服务的建议", "王芳", "县卫生健康局"]]})
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    report = sq.validate(ledger)
    said = [i for i in report.issues if i.code == "roster.term_column"]
    assert [(i.sheet, i.column, i.severity) for i in said] == [("委员", "B", "warning")]
    assert "第十届、第十一届" in said[0].message and "离任时间" in said[0].message
    assert not [i for i in report.issues if i.code == "roster.column_unread"]
    got = {p.name: (p.quota, p.completion) for p in sq.people(ledger, 2025).itertuples()}
    assert got == {"张伟": (2, 0.0), "李明": (2, 0.5), "王芳": (2, 0.5)}


def test_one_term_in_the_column_or_dated_rows_stay_a_note(tmp_path):
    # One 届 only (第十一届 all year), or two with every row dated: nothing the quotas miss; a 提示 as before.
    for name, rows in {"one": [["张伟", "第十一届", "医卫界", "县医院", None, None]],
                       "dated": [["李明", "第十届", "民盟", "民盟县委", None, D(2025, 6, 30)],
                                 ["王芳", "第十一届", "医卫界", "县卫生健康局", D(2025, 7, 1), None]]}.items():
        folder = tmp_path / name
        folder.mkdir()
        roster = write_xlsx(folder / "名册.xlsx", {"委员": [["姓名", "届次", "界别", "单位", "任职时间", "离任时间"], *rows]})
        path = write_xlsx(folder / "2025年台账.xlsx", {"台账": [["序号", "收稿日期", "信息标题", "作者"],
                                                               [1, D(2025, 2, 1), "关于甲的建议", rows[0][0]]]})
        report = sq.validate(sq.read_ledgers(path, roster=roster, year=2025))
        assert [i.code for i in report.issues if i.code.startswith("roster.") and i.column == "B"] == ["roster.column_unread"], name


def test_a_roster_of_two_term_sheets_with_no_dates_is_a_warning(tmp_path):
    # The same 换届 kept as a sheet per term (第十届委员, 第十一届委员), no dates: everyone counted in post all
    # year (李明 of the 第十届 only: 任务 2, 1 item, 50.0%), said once at the later sheet. Before: nothing.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "第十届委员": [["姓名", "界别", "单位"], ["张伟", "医卫界", "县医院"], ["李明", "民盟", "民盟县委"]],
        "第十一届委员": [["姓名", "界别", "单位"], ["张伟", "医卫界", "县医院"], ["王芳", "医卫界", "县卫生健康局"]]})
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, D(2025, 2, 1), "关于基层卫生院人才流失的建议", "李明", "民盟县委"]]})
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    said = [i for i in sq.validate(ledger).issues if i.code == "roster.term_sheets"]
    assert [(i.sheet, i.severity) for i in said] == [("第十一届委员", "warning")]
    assert "“第十届委员”" in said[0].message
    got = {p.name: (p.quota, p.completion) for p in sq.people(ledger, 2025).itertuples()}
    assert got == {"张伟": (2, 0.0), "李明": (2, 0.5), "王芳": (2, 0.0)}
    # Dated, as the roster of the first test is: nothing to say.
    dated = _roster_after_the_change(tmp_path)
    assert not [i for i in sq.validate(sq.read_ledgers(path, roster=dated, year=2025)).issues if i.code == "roster.term_sheets"]


def test_a_member_added_or_resigned_by_the_roster_s_own_date_columns(tmp_path):
    # A 委员名册 keeps the year's changes in columns named for them: 增补时间 (王芳, added 2025-07-15) and
    # 辞去时间 (李明, resigned 2025-06-30); another office writes 当选时间 / 辞职时间. By hand (a month counts when
    # in post on its last day; 2 a year pro-rated): 李明 Jan–Jun, 任务 1, 1 item, 100.0%; 王芳 Jul–Dec, 任务 1,
    # 1 item, 100.0%; 张伟 all year, 任务 2, 0.0%. Before: the columns were a 提示 “未读取” and both owed 2 (50.0%).
    items = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, D(2025, 2, 1), "关于基层卫生院人才流失的建议", "李明", "民盟县委"],
        [2, D(2025, 8, 1), "关于基层医疗卫生服务的建议", "王芳", "县卫生健康局"]]})
    for start, end in (("增补时间", "辞去时间"), ("当选时间", "辞职时间")):
        roster = write_xlsx(tmp_path / f"名册{start}.xlsx", {"委员": [
            ["姓名", "界别", "单位", start, end, "备注"],
            ["张伟", "医卫界", "县医院", None, None, None],
            ["李明", "民盟", "民盟县委", None, D(2025, 6, 30), "辞去委员"],
            ["王芳", "医卫界", "县卫生健康局", D(2025, 7, 15), None, "增补委员"]]})
        ledger = sq.read_ledgers(items, roster=roster, year=2025)
        got = {p.name: (p.quota, p.completion) for p in sq.people(ledger, 2025).itertuples()}
        assert got == {"张伟": (2, 0.0), "李明": (1, 1.0), "王芳": (1, 1.0)}, start
        codes = {i.code for i in sq.validate(ledger).issues}
        assert not codes & {"roster.column_unread", "roster.joining_in_note", "roster.leaving_in_note"}, start


def test_a_unit_s_former_names_in_the_roster_count_for_it(tmp_path):
    # The 单位 sheet keeps each reorganised unit's 原名称: 县卫生健康局 was 县卫生和计划生育局; 河口镇政协工委 is the
    # merger of 东河乡政协工委 and 西河乡政协工委 (one cell, 、). The ledger kept before the change writes the old
    # names. By hand: 县卫生健康局 报送 2 (Feb, Aug), 界别组 2 a quarter → 任务 8, 25.0%; 河口镇政协工委 报送 3 (Jan
    # 东河乡, Mar 西河乡 as the author unit, Jul), 镇街 3 a month → 任务 36, 8.3%, 积分 3. Before: the old names were
    # “不在名册的单位中” (the roster names them), not counted: 县卫生健康局 1 (12.5%), 河口镇政协工委 1 (2.8%).
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["王芳", "信息员", "县卫生健康局"], ["孙强", "信息员", "河口镇政协工委"]],
        "单位": [["单位名称", "单位类型", "原名称"], ["县卫生健康局", "界别组", "县卫生和计划生育局"],
                 ["河口镇政协工委", "镇街政协工委", "东河乡政协工委、西河乡政协工委"]]})
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, D(2025, 1, 20), "关于规范农村宴席的建议", "孙强", "东河乡政协工委"],
        [2, D(2025, 2, 10), "关于计划免疫接种点设置的建议", "王芳", "县卫生和计划生育局"],
        [3, D(2025, 3, 22), "关于集镇污水处理的建议", "西河乡政协工委", "西河乡政协工委"],
        [4, D(2025, 7, 28), "关于河口镇集镇规划的建议", "孙强", "河口镇政协工委"],
        [5, D(2025, 8, 6), "关于基层医疗卫生服务的建议", "王芳", "县卫生健康局"]]})
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    report = sq.validate(ledger)
    assert not [i for i in report.issues if i.code == "roster.unknown_unit"]
    former = sorted((i.row, i.column) for i in report.issues if i.code == "unit.former_name")
    assert former == [(2, "E"), (3, "E"), (4, "E")]
    assert not [i for i in report.issues if i.code == "roster.column_unread"]
    units = {u.unit: (u.submitted, u.quota, round(u.completion, 3), u.points) for u in sq.units(ledger, 2025).itertuples()}
    assert units == {"县卫生健康局": (2, 8, 0.25, 2), "河口镇政协工委": (3, 36, 0.083, 3)}


def test_a_person_s_unit_written_as_its_former_name_is_the_unit(tmp_path):
    # The 人员 sheet still writes 王芳's unit by its old name; the 单位 sheet lists 县卫生健康局 with that 原名称.
    # The ledger has no 单位 column (the unit is the author's roster unit). By hand: 县卫生健康局 报送 2, 任务 8
    # (界别组 2 a quarter), 25.0%; 王芳 in 县卫生健康局, 2 months of 12, 16.7%. Before: the unit 未报送 (0.0%),
    # 王芳 shown in 县卫生和计划生育局, said “不在名册的单位表中” though the 单位 sheet names it.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["王芳", "信息员", "县卫生和计划生育局"]],
        "单位": [["单位名称", "单位类型", "原名称"], ["县卫生健康局", "界别组", "县卫生和计划生育局"]]})
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": [
        ["序号", "收稿日期", "信息标题", "作者"],
        [1, D(2025, 2, 10), "关于计划免疫接种点设置的建议", "王芳"],
        [2, D(2025, 8, 6), "关于基层医疗卫生服务的建议", "王芳"]]})
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    report = sq.validate(ledger)
    assert not [i for i in report.issues if i.severity != "info"]
    said = [i for i in report.issues if i.code == "unit.former_name"]
    assert [(i.sheet, i.row) for i in said] == [("人员", 2)]
    units = {u.unit: (u.submitted, u.quota, u.completion) for u in sq.units(ledger, 2025).itertuples()}
    assert units == {"县卫生健康局": (2, 8, 0.25)}
    people = {p.name: (p.unit, round(p.completion, 3)) for p in sq.people(ledger, 2025).itertuples()}
    assert people == {"王芳": ("县卫生健康局", 0.167)}


def test_a_unit_set_up_in_the_year_is_commended_on_its_months_and_the_basis_says_so(tmp_path):
    # 县卫生健康局 成立 2025年7月 (its 任务, 界别组 2 a quarter, runs Q3–Q4: 4); 县一中 all year (8). Items by hand:
    # 县卫生健康局 4 (Aug, Sep, Nov, Dec) → 100.0%, 积分 4; 县一中 5 → 62.5%, 积分 5. 界别组 top_n 1: 县一中 ranks
    # first but is short of its 任务, so the place goes to 县卫生健康局 (suggested) — on half a year's 任务, which
    # the 评选依据 must say for the 主席会议 to weigh. Before: “积分4分（报送4条、采用0条），界别组第2名” only.
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["王芳", "委员", "县卫生健康局"], ["张伟", "委员", "县一中"]],
        "单位": [["单位名称", "单位类型", "成立时间"], ["县卫生健康局", "界别组", "2025年7月"], ["县一中", "界别组", None]]})
    days = {"王芳": [D(2025, 8, 6), D(2025, 9, 9), D(2025, 11, 5), D(2025, 12, 8)],
            "张伟": [D(2025, 1, 8), D(2025, 2, 10), D(2025, 5, 20), D(2025, 9, 9), D(2025, 11, 18)]}
    units = {"王芳": "县卫生健康局", "张伟": "县一中"}
    rows = [["序号", "收稿日期", "信息标题", "作者", "单位"]]
    for who, dates in days.items():
        rows += [[len(rows), d, f"关于{units[who]}第{k}个问题的建议", who, units[who]] for k, d in enumerate(dates, 1)]
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"台账": rows})
    ledger = sq.read_ledgers(path, roster=roster, year=2025)
    table = {u.unit: (u.submitted, u.quota, u.completion) for u in sq.units(ledger, 2025).itertuples()}
    assert table == {"县卫生健康局": (4, 4, 1.0), "县一中": (5, 8, 0.625)}
    found = sq.annual_commendation(ledger, 2025).candidates["先进集体"]
    basis = dict(zip(found["unit"], zip(found["basis_text"], found["suggested"])))
    assert basis["县卫生健康局"] == ("积分4分（报送4条、采用0条），界别组第2名；2025年7月1日成立，任务按成立后的月份计", True)
    assert basis["县一中"] == ("积分5分（报送5条、采用0条），界别组第1名；年度任务完成率62.5%，未达100%，不建议表彰", False)
