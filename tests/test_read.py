"""Reading real workbooks written to disk, in every shape domain.md §3 describes."""
from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd

import sqmy_lib as sq
from sqmy_lib.read import discover

from conftest import write_xls, write_xlsx

COMBINED_MERGES = ["A1:N1", *(f"{c}3:{c}4" for c in "ABCDEFN"), "G3:J3", "K3:M3", "E6:E8"]


def _by_title(ledger, title):
    subs = ledger.submissions
    return subs[subs["title"] == title].iloc[0]


def test_combined_two_level_ledger(tmp_path, combined_rows):
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"二季度": combined_rows}, {"二季度": COMBINED_MERGES})
    ledger = sq.read_ledgers(path)

    subs = ledger.submissions
    # Title, 填报单位 line, separators, 小计/合计, blank rows and notes are not items.
    assert len(subs) == 5
    assert list(subs["row"]) == [6, 7, 8, 12, 13]
    assert ledger.year == 2026

    first = _by_title(ledger, "关于加强农村饮水安全的建议")
    assert first["authors"] == ("张三", "李四")
    assert first["date"] == pd.Timestamp("2026-04-03")
    assert first["category"] == "社会"
    # The title starting with '=' is data, kept as text.
    assert _by_title(ledger, "=关于电动车充电的建议")["date"] == pd.Timestamp("2026-04-15")
    # 3月5日-style dates take the year from the title row; serials are dates.
    assert _by_title(ledger, "关于规范校外培训的建议")["date"] == pd.Timestamp("2026-04-20")
    assert _by_title(ledger, "关于加快老旧小区改造的建议")["date"] == pd.Timestamp("2026-05-08")
    # Merged 单位 cells down E6:E8 apply to every row they cover.
    assert list(subs["unit"][:3]) == ["民盟县委"] * 3

    adoptions = ledger.adoptions.sort_values(["row", "column"])
    assert list(zip(adoptions["row"], adoptions["column"], adoptions["tier"])) == [
        (6, "G", "县级"), (6, "H", "市级"), (7, "G", "县级"), (12, "G", "县级"), (12, "I", "省级"),
    ]
    assert adoptions["issue_no"].tolist()[1] == 3
    assert adoptions.iloc[4]["date"] == pd.Timestamp("2026-06-01")

    instr = ledger.instructions.sort_values("row")
    assert list(instr["level"]) == ["市级", "省级"]
    assert instr.iloc[0]["date"] == pd.Timestamp("2026-05-10")
    assert instr.iloc[0]["follow_up"].startswith("已落实")
    assert ledger.sheets.iloc[0]["columns"]["title"] == "C"


def test_authors_roles_and_unit_items(tmp_path, combined_rows):
    path = write_xlsx(tmp_path / "台账.xlsx", {"二季度": combined_rows}, {"二季度": COMBINED_MERGES})
    ledger = sq.read_ledgers(path)
    a = ledger.authors
    assert a[a["name"] == "王五"].iloc[0][["tag", "role"]].tolist() == ["特邀信息员", "特邀信息员"]
    assert _by_title(ledger, "关于加快老旧小区改造的建议")["authors"] == ("赵六", "钱七")
    unit_item = _by_title(ledger, "关于规范校外培训的建议")
    assert bool(unit_item["is_unit_item"]) and unit_item["authors"] == ("民盟县委",)
    assert not bool(_by_title(ledger, "关于乡村物流的建议")["is_unit_item"])


def test_wps_xls_with_free_text_adoptions(tmp_path):
    rows = [
        ["民盟县委2026年社情民意信息报送表"],
        ["编号", "报送日期", "题目", "报送人", "采用情况", "领导批示"],
        ["M-01", "2026年3月5日", "关于中小学课后服务的建议", "周一", "省政协《社情民意》2026年第15期", "省长批示"],
        ["M-02", "2026-3-18", "关于农村养老的建议", "吴二、郑三", "县政协编发第3期;市政协采用", ""],
        ["M-03", "3.25", "关于河道治理的建议", "周一", "未采用", ""],
    ]
    path = write_xls(tmp_path / "民盟县委.xls", {"Sheet1": rows}, {"Sheet1": [(0, 0, 0, 5)]})
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    ledger = sq.read_ledgers(path)
    subs = ledger.submissions
    assert list(subs["item_no"]) == ["M-01", "M-02", "M-03"]
    assert list(subs["date"].dt.strftime("%m-%d")) == ["03-05", "03-18", "03-25"]
    ad = ledger.adoptions
    assert sorted(zip(ad["item"], ad["tier"], ad["issue_no"].fillna(0).astype(int))) == [(0, "省级", 15), (1, "县级", 3), (1, "市级", 0)]
    assert ledger.instructions.iloc[0]["level"] == "省级"
    assert ledger.files.iloc[0]["format"] == "xls"


def test_separate_ledgers_linked_by_number_then_title(tmp_path):
    write_xlsx(tmp_path / "报送台账.xlsx", {"报送": [
        ["2026年社情民意信息报送台账"],
        ["编号", "日期", "标题", "作者", "单位"],
        ["2026-001", "2026-01-05", "关于A的建议", "张三", "民盟县委"],
        ["2026-002", "2026-01-06", "关于B的建议", "李四", "民建县委"],
        ["2026-003", "2026-01-07", "关于“C”的建议", "王五", "民进县委"],
    ]})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用": [
        ["2026年社情民意信息采用台账"],
        ["编号", "标题", "采用单位/刊物", "期号", "采用日期", "批示领导", "批示内容", "落实情况"],
        ["2026-001", "关于A的建议", "市政协《社情民意》", "8", "2026-02-01", "市委书记", "请研究", "已落实"],
        [None, "关于 C 的建议", "省政协", "15", "2026-03-01", None, None, None],
        ["2026-099", "关于不存在的建议", "县政协编发", "2", "2026-03-02", None, None, None],
    ]})
    ledger = sq.read_ledgers(tmp_path)
    assert set(ledger.sheets["kind"]) == {"submissions", "adoptions"}
    ad = ledger.adoptions.sort_values("row")
    assert list(ad["item"]) == [0, 2, -1]
    assert list(ad["tier"]) == ["市级", "省级", "县级"]
    assert list(ad["issue_no"]) == [8, 15, 2]
    assert ledger.instructions.iloc[0]["item"] == 0
    codes = {i.code for i in sq.validate(ledger).issues}
    assert "adoption.no_item" in codes


def test_header_found_below_title_rows_with_synonyms(tmp_path):
    rows = [
        [None], ["XX县政协"], ["2026年社情民意信息登记"], ["填报单位:城关镇政协工委"], [None],
        ["信息编号", "来稿日期 ", "题  目", "反映人", "所在单位", "信息分类", "采用单位", "批示情况", "备 注"],
        ["C1", "2026-02-03", "关于集镇停车的建议", "陈七", "城关镇政协工委", "城建", "", "", ""],
    ]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "城关镇.xlsx", {"一季度": rows}))
    assert ledger.sheets.iloc[0]["header_row"] == 6
    assert ledger.sheets.iloc[0]["filed_by"] == "城关镇政协工委"
    row = ledger.submissions.iloc[0]
    assert (row["item_no"], row["title"], row["authors"], row["category"]) == ("C1", "关于集镇停车的建议", ("陈七",), "城建")


def test_dates_in_every_form(tmp_path):
    forms = [dt.date(2026, 3, 5), 46086, "2026.3.5", "2026-3-5", "2026/03/05", "2026年3月5日", "3月5日", "20260305", 3.05]
    rows = [["2026年度社情民意信息台账"], ["日期", "标题", "作者"]]
    rows += [[v, f"标题{i}", "张三"] for i, v in enumerate(forms)]
    rows += [["2026.13.45", "坏日期", "张三"], [3.1, "歧义日期", "张三"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "d.xlsx", {"S": rows}))
    subs = ledger.submissions
    assert (subs["date"][: len(forms)] == pd.Timestamp("2026-03-05")).all()
    assert list(subs["date_status"][len(forms):]) == ["unparseable", "ambiguous"]


def test_date_without_year_context_is_reported_not_guessed(tmp_path):
    rows = [["日期", "标题", "作者"], ["3月5日", "关于X", "张三"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": rows})
    report = sq.validate(sq.read_ledgers(path))
    assert [(i.code, i.cell) for i in report.errors] == [("date.no_year", "台账.xlsx!Sheet1!A2")]
    # The way out named for both: the command's --year and, in Python, year= (as below).
    assert "--year" in report.errors[0].message and "Python 中 year=" in report.errors[0].message
    ledger = sq.read_ledgers(path, year=2026)
    assert ledger.submissions.iloc[0]["date"] == pd.Timestamp("2026-03-05")


def test_one_sheet_per_month_and_roster_sheet_in_the_same_workbook(tmp_path):
    header = ["序号", "日期", "标题", "作者", "单位"]
    sheets = {
        "1月": [header, [1, "2026-01-03", "一月信息", "张三", "民盟县委"]],
        "2月": [header, [1, "2026-02-03", "二月信息", "李四", "民建县委"]],
        "名册": [["姓名", "身份", "单位", "界别", "聘任日期"], ["张三", "委员", "民盟县委", "民盟", None],
                 ["李四", "特邀信息员", "民建县委", "民建", "2026-07-01"]],
        "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"], ["民建县委", "民主党派"]],
    }
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", sheets), year=2026)
    assert list(ledger.submissions["sheet"]) == ["1月", "2月"]
    assert ledger.roster.person_names == {"张三", "李四"}
    people = ledger.roster.people.set_index("name")
    assert people.at["李四", "appointed_on"] == pd.Timestamp("2026-07-01")
    assert ledger.roster.unit_names == {"民盟县委", "民建县委"}


def test_roster_from_its_own_workbook_drives_unit_and_person_checks(tmp_path):
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", "民盟县委"]],
        "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"]],
    })
    ledgers = tmp_path / "ledgers"
    ledgers.mkdir()
    write_xlsx(ledgers / "民盟县委.xlsx", {"S": [
        ["填报单位:民盟县委"],
        ["日期", "标题", "作者"],
        ["2026-01-03", "关于甲", "张三"],
        ["2026-01-04", "关于乙", "路人甲"],
    ]})
    ledger = sq.read_ledgers(ledgers, roster=roster, year=2026)
    # No 单位 column: the sheet's 填报单位, a roster unit, fills it.
    assert list(ledger.submissions["unit"]) == ["民盟县委", "民盟县委"]
    unknown = [i for i in sq.validate(ledger).issues if i.code == "roster.unknown_person"]
    assert [(i.severity, i.cell) for i in unknown] == [("warning", "民盟县委.xlsx!S!C4")]


def test_directory_skips_lock_and_hidden_files(tmp_path, combined_rows):
    good = write_xlsx(tmp_path / "a.xlsx", {"S": combined_rows})
    shutil.copy(good, tmp_path / "~$a.xlsx")
    shutil.copy(good, tmp_path / ".hidden.xlsx")
    (tmp_path / "sub").mkdir()
    shutil.copy(good, tmp_path / "sub" / "b.xlsx")
    (tmp_path / "readme.txt").write_text("x")
    assert [p.name for p in discover([tmp_path])] == ["a.xlsx", "b.xlsx"]


def test_ods_is_read(tmp_path):
    path = tmp_path / "台账.ods"
    df = pd.DataFrame({"日期": ["2026-01-05"], "标题": ["关于ODS的建议"], "作者": ["张三"]})
    df.to_excel(path, engine="odf", index=False)
    ledger = sq.read_ledgers(path)
    assert ledger.submissions.iloc[0]["title"] == "关于ODS的建议"
    assert ledger.files.iloc[0]["format"] == "ods"


def test_source_kept_for_every_record(tmp_path, combined_rows):
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"二季度": combined_rows}, {"二季度": COMBINED_MERGES})
    ledger = sq.read_ledgers(path)
    for table in (ledger.submissions, ledger.adoptions, ledger.instructions):
        assert table[["file", "sheet", "row"]].notna().all().all()
    assert set(ledger.adoptions["column"]) <= set("GHIJ")



def test_tier_columns_named_with_adoption_words(tmp_path):
    """``市政协采用`` under 采用情况, or as a single-level column, is a tier column, not free text."""
    grouped = [
        ["序号", "日期", "题目", "报送人", "采用情况", None, None, None],
        [None, None, None, None, "本级编发", "市政协采用", "省政协采用", "全国政协采用"],
        [1, "2026-01-09", "关于养老服务的建议", "覃波宏", "√", "2026-03-02", None, "是"],
    ]
    single = [
        ["日期", "标题", "作者", "县政协采用", "省级采用"],
        ["2026-01-09", "关于养老服务的建议", "覃波宏", "第3期", "√"],
    ]
    for name, rows, merges in (("g.xlsx", grouped, ["E1:H1", "A1:A2", "B1:B2", "C1:C2", "D1:D2"]), ("s.xlsx", single, [])):
        ledger = sq.read_ledgers(write_xlsx(tmp_path / name, {"S": rows}, {"S": merges}))
        ad = ledger.adoptions
        assert ad["tier"].notna().all(), ad
        assert set(ad["origin"]) == {"tier_column"}
    assert sorted(ad["tier"]) == ["县级", "省级"]


def test_parallel_read_is_identical_to_serial(tmp_path):
    from sqmy_lib.synth import write_archive

    write_archive(tmp_path, n_workbooks=6, items=1200, adoptions=300, year=2025)
    serial = sq.read_ledgers(tmp_path, workers=1)
    parallel = sq.read_ledgers(tmp_path, workers=2)
    assert len(serial.submissions) > 1000 and len(serial.adoptions) > 200
    for table in ("submissions", "authors", "adoptions", "instructions", "sheets", "files", "findings"):
        pd.testing.assert_frame_equal(getattr(serial, table), getattr(parallel, table), obj=table)


def test_hidden_rows_and_columns_are_read_and_xlsm_too(tmp_path):
    import openpyxl

    path = write_xlsx(tmp_path / "台账.xlsx", {"S": [
        ["日期", "标题", "作者", "单位"],
        ["2026-01-05", "关于隐藏行的建议", "张三", "民盟县委"],
        ["2026-01-06", "关于可见行的建议", "李四", "民建县委"],
    ]})
    wb = openpyxl.load_workbook(path)
    wb["S"].row_dimensions[2].hidden = True
    wb["S"].column_dimensions["D"].hidden = True
    wb.save(path)
    ledger = sq.read_ledgers(path)
    assert list(ledger.submissions["title"]) == ["关于隐藏行的建议", "关于可见行的建议"]
    assert list(ledger.submissions["unit"]) == ["民盟县委", "民建县委"]
    xlsm = tmp_path / "台账.xlsm"
    shutil.copy(path, xlsm)
    assert len(sq.read_ledgers(xlsm).submissions) == 2


def test_filled_template_reads_back(tmp_path):
    """The generated template, filled in by staff, is a ledger the reader understands; its hidden
    list sheet and instructions sheet are not mistaken for ledgers."""
    import openpyxl

    from sqmy_lib.render.template import LEDGER_SHEET, write_templates

    ledger_path, _ = write_templates(tmp_path)
    wb = openpyxl.load_workbook(ledger_path)
    ws = wb[LEDGER_SHEET]
    ws["A1"] = "2026年度社情民意信息报送采用登记表"
    header = {ws.cell(r, c).value: c for r in (3, 4) for c in range(1, ws.max_column + 1) if ws.cell(r, c).value}
    values = {"序号": 1, "编号": "T-1", "收稿日期": dt.date(2026, 2, 3), "信息标题": "关于模板的建议", "作者": "张三、李四",
              "身份": "委员", "单位": "民盟县委", "类别": "经济", "市政协": "第4期", "批示领导": "副市长王某"}
    for label, value in values.items():
        ws.cell(5, header[label], value)
    wb.save(ledger_path)
    ledger = sq.read_ledgers(ledger_path)
    assert len(ledger.submissions) == 1
    item = ledger.submissions.iloc[0]
    assert (item["item_no"], item["title"], item["authors"], item["category"]) == ("T-1", "关于模板的建议", ("张三", "李四"), "经济")
    assert ledger.adoptions[["tier", "issue_no"]].values.tolist() == [["市级", 4]]
    assert ledger.instructions.iloc[0]["level"] == "市级"
    assert not [i for i in sq.validate(ledger).errors]


def test_instruction_only_ledger_links_by_title(tmp_path):
    """A 批示台账 (no adoption columns) gives instructions, not body-less adoptions."""
    write_xlsx(tmp_path / "报送.xlsx", {"S": [["日期", "标题", "作者"], ["2026-03-01", "关于X的建议", "张三"]]})
    write_xlsx(tmp_path / "批示.xlsx", {"S": [["标题", "批示领导", "批示内容", "落实情况"],
                                              ["关于X的建议", "县长赵某", "请民政局研究", "已落实"]]})
    ledger = sq.read_ledgers(tmp_path)
    assert ledger.adoptions.empty
    assert ledger.instructions[["item", "level", "follow_up"]].values.tolist() == [[0, "县级", "已落实"]]
    codes = {i.code for i in sq.validate(ledger).issues}
    assert "instruction.no_adoption" in codes


def test_less_common_shapes(tmp_path):
    """Shapes seen in real offices: a 是否采用 flag beside the body column, level-named tier
    columns, spaced-out and line-broken header labels, and a header on the very first row."""
    rows = [
        ["序号", "收稿\n日期", "信 息 标 题", "反映人", "报送单位", "是否采用", "采用单位", "采用期数", "是否批示", "批示领导"],
        [1, "2026年3月5日", "关于甲的建议", "张三 李四", "民盟县委", "是", "市政协", "第4期", "是", "副市长王某"],
        [2, "2026年3月6日", "关于乙的建议", "王五(特约信息员)", "民建县委", "否", None, None, "否", None],
        [3, "2026年3月7日", "关于丙的建议", "赵六", "民进县委", "是", None, None, None, None],
    ]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "a.xlsx", {"S": rows}))
    subs = ledger.submissions
    assert list(subs["authors"]) == [("张三", "李四"), ("王五",), ("赵六",)]
    assert ledger.authors.set_index("name").at["王五", "role"] == "特邀信息员"
    ad = ledger.adoptions
    assert list(ad["item"]) == [0, 2]
    first, flagged = ad.iloc[0], ad.iloc[1]
    assert (first["tier"], first["issue_no"], first["body"]) == ("市级", 4, "市政协")
    # 是否采用 = 是 with no body written: recorded, tier unknown, reported below.
    assert pd.isna(flagged["tier"]) and flagged["body"] == "" and flagged["column"] == "F"
    assert ledger.instructions[["item", "level"]].values.tolist() == [[0, "市级"]]
    codes = {(i.code, i.cell) for i in sq.validate(ledger).issues}
    assert ("adoption.no_body", "a.xlsx!S!F4") in codes

    levels = [["日期", "标题", "作者", "县级采用", "市级采用", "省级采用", "国家级采用"],
              ["2026-01-05", "关于丁的建议", "孙七", None, None, None, "√"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "b.xlsx", {"S": levels}))
    assert ledger.adoptions["tier"].tolist() == ["全国"]


def test_one_file_per_unit_without_a_roster(tmp_path):
    """A unit's own file names the unit only in its 填报单位 line; the office's own ledger does not."""
    write_xlsx(tmp_path / "民盟.xlsx", {"S": [["填报单位:民盟县委"], ["日期", "标题", "作者"], ["2026-01-05", "关于戊的建议", "周八"]]})
    write_xlsx(tmp_path / "办公室.xlsx", {"S": [["填报单位:示例县政协办公室"], ["日期", "标题", "作者"], ["2026-01-06", "关于己的建议", "吴九"]]})
    ledger = sq.read_ledgers(tmp_path)
    assert dict(zip(ledger.submissions["title"], ledger.submissions["unit"])) == {"关于己的建议": "", "关于戊的建议": "民盟县委"}


def test_roster_roles_from_aliases_and_sheet_names(tmp_path):
    """特约信息员 is the rules' 特邀信息员; a 委员名册 sheet without a 身份 column gives its people that role."""
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "委员名册": [["姓名", "性别", "界别", "工作单位"], ["张三", "男", "经济界", "县人民医院"]],
        "信息员": [["姓名", "身份", "单位"], ["李四", "特约信息员", "民盟县委"]],
    })
    ledger = sq.read_ledgers([], roster=roster)
    roles = dict(zip(ledger.roster.people["name"], ledger.roster.people["role"]))
    assert roles == {"张三": "委员", "李四": "特邀信息员"}


def _one_office_with_separate_ledgers(folder, copies=1):
    """A 报送台账 with 编号 and an 采用台账 in the same workbook; 编号 2026-002 is written twice."""
    rows = [
        ["编号", "日期", "标题", "作者", "单位"],
        ["2026-001", "2026-01-05", "关于A的建议", "张三", "民盟县委"],
        ["2026-002", "2026-01-06", "关于B的建议", "李四", "民建县委"],
        ["2026-002", "2026-01-07", "关于B2的建议", "王五", "民进县委"],
    ]
    adoptions = [
        ["编号", "标题", "采用单位", "期号", "采用日期"],
        ["2026-001", "关于A的建议", "市政协", "8", "2026-02-01"],
        ["2026-002", "", "省政协", "9", "2026-02-02"],
        ["2026-002", "关于B2的建议", "县政协编发", "3", "2026-02-03"],
        ["", "关于A的建议", "县政协编发", "4", "2026-02-04"],
    ]
    return [write_xlsx(folder / f"台账{k}.xlsx", {"报送": rows, "采用": adoptions}) for k in range(copies)]


def test_parallel_links_match_serial_even_for_a_file_named_twice(tmp_path):
    files = _one_office_with_separate_ledgers(tmp_path, copies=4)
    for listing in (files, [files[0], *files]):  # the first file named twice: its items twice
        serial = sq.read_ledgers(listing, workers=1)
        parallel = sq.read_ledgers(listing, workers=2)
        for table in ("submissions", "authors", "adoptions", "instructions", "findings"):
            pd.testing.assert_frame_equal(getattr(serial, table), getattr(parallel, table), obj=table)
    one = sq.read_ledgers(files[:1])
    ad = one.adoptions.sort_values("row")
    # by 编号; 编号 written twice and no title: not guessed; 编号 twice, title decides; by title
    assert list(ad["item"]) == [0, -1, 2, 0]
    assert list(one.findings["code"]) == ["link.ambiguous"]
    # The same file named twice is read once.
    twice = sq.read_ledgers([files[0], files[0]], workers=2)
    pd.testing.assert_frame_equal(twice.adoptions, one.adoptions)


def test_a_true_cell_does_not_read_like_the_number_one(tmp_path):
    # TRUE == 1 in Python: cells are read by value once, but a boolean never shares a number's reading.
    rows = [["日期", "标题", "作者"], [1, "关于第一个问题的建议", "张三"], [True, "关于第二个问题的建议", "李四"],
            [1.0, "关于第三个问题的建议", "王五"]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "真假.xlsx", {"2026年": rows}))
    assert list(ledger.submissions["date_text"]) == ["1", "是", "1"]
