"""Workbooks and folders that hold more than the ledger, as other offices keep them: a 作废 sheet of items struck
out, a 样表 of the template's sample rows, last year's sheet kept as 上年 with dates written without a year, an
old version of the ledger saved as 报送台账（作废）.xlsx, a folder 已删除/; and the honest extra sheets that must
stay as they are (a ledger sheet named 台账（请勿删除）, one named after the office 示例县政协).

Every workbook is written in the test, every figure worked out by hand in the comments, every workbook checked for
the reader's invariant (each non-empty cell read or named in a finding). Rules: the shipped 2025 ones (示例县政协;
稿酬 县级 ¥30, 市级 ¥100, 省级 ¥200, doubled with a 批示)."""
from __future__ import annotations

import json
from decimal import Decimal

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, sqmy, write_xlsx

TITLE = ["示例县政协2025年社情民意信息报送采用台账"]
HEAD = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况", "领导批示"]  # 作者 D, 报送单位 E, 采用 F
LEDGER = [TITLE, HEAD,
          [1, "2025.1.8", "关于海岛渔港升级改造的建议", "李小", "民革县委", "县政协《社情民意》第1期", None],
          [2, "2025.2.15", "关于芦笋产业品牌建设的建议", "王中", "民进县委", "市政协采用", None]]


def _read(paths):
    return assert_every_cell_accounted(paths, year=2025)


def _items(ledger) -> dict[str, int]:
    """Items per person in 2025."""
    p = sq.people(ledger, 2025)
    return {n: int(s) for n, s in zip(p["name"], p["submitted"]) if s}


def test_a_sheet_named_void_counts_nothing(tmp_path):
    # 作废 (same header): 李小's 关于重复报送的建议 (2025.5.8, 县政协编发 ¥30) and 周九's 关于旧标题的建议 (市政协采用 ¥100,
    # 县长批示). The base code counted both: 李小 2 items ¥60, 周九 1 item ¥200 (¥100 doubled), nothing said.
    # By hand: the sheet's 2 rows are no item: 李小 1 item ¥30, 王中 1 item ¥100, 周九 nothing; said once for the
    # sheet (sheet.void, 2 rows).
    path = write_xlsx(tmp_path / "2025年社情民意信息台账.xlsx", {"2025年": LEDGER, "作废": [HEAD,
        [1, "2025.5.8", "关于重复报送的建议", "李小", "民革县委", "县政协编发", None],
        [2, "2025.6.3", "关于旧标题的建议", "周九", "民盟县委", "市政协采用", "县长刘某批示"]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert len(sq.instructions(ledger, 2025)) == 0
    said = findings(report, "sheet.void")
    assert [(i.sheet, i.severity) for i in said] == [("作废", "warning")]
    assert "“作废”" in said[0].message and "2 行未计入" in said[0].message


def test_a_sample_sheet_counts_nothing_even_without_the_word_in_its_rows(tmp_path):
    # 样表 of the city's template: 张三 | 关于XX问题的建议 | XX单位 | 县政协编发, no 示例 in any cell (so no row.sample).
    # The base code counted it: 张三 1 item ¥30, a unit XX单位, nothing said. By hand: no item; 李小 ¥30, 王中 ¥100;
    # said once (sheet.sample). The 填表说明 sheet stays the info it was (sheet.notes).
    path = write_xlsx(tmp_path / "报送台账.xlsx", {"台账": LEDGER, "填表样表": [HEAD,
        [1, "2025.1.1", "关于XX问题的建议", "张三", "XX单位", "县政协编发", None]],
        "填表说明": [["1.收稿日期填写年月日"], ["2.采用情况填写采用单位及期号"]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert "XX单位" not in set(sq.units(ledger, 2025)["unit"])
    assert [i.sheet for i in findings(report, "sheet.sample")] == ["填表样表"]
    assert [i.sheet for i in findings(report, "sheet.notes")] == ["填表说明"]


def test_last_years_sheet_named_by_word_is_last_year(tmp_path):
    # 2025年台账.xlsx: 2025年 (3月8日 李小 县政协编发 ¥30; 5月15日 王中 市政协采用 ¥100), 上年 (11月8日 李小 市政协采用;
    # 12月5日 孙八 县政协编发) and 去年台账 (10月8日 钱七 省政协采用): dates without a year. The base code read every
    # one in 2025: 李小 2 items ¥130, 孙八 ¥30, 钱七 ¥200 for 2025, and nothing said. By hand: 上年 and 去年台账 are
    # 2024 (the file's 2025 less one): for 2025 李小 1 item ¥30, 王中 1 item ¥100, nothing for 孙八 or 钱七.
    rows = [["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况"]]
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {
        "2025年": [*rows, [1, "3月8日", "关于海岛渔港升级改造的建议", "李小", "民革县委", "县政协编发"],
                  [2, "5月15日", "关于芦笋产业品牌建设的建议", "王中", "民进县委", "市政协采用"]],
        "上年": [*rows, [1, "11月8日", "关于冬季供暖的建议", "李小", "民革县委", "市政协采用"],
                [2, "12月5日", "关于年货市场的建议", "孙八", "民建县委", "县政协编发"]],
        "去年台账": [*rows, [1, "10月8日", "关于秋粮收购的建议", "钱七", "民建县委", "省政协采用"]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    dates = dict(zip(ledger.submissions["title"], ledger.submissions["date"].dt.strftime("%Y-%m-%d")))
    assert dates["关于冬季供暖的建议"] == "2024-11-08" and dates["关于秋粮收购的建议"] == "2024-10-08"
    # 2024 by itself: 李小 ¥100, 孙八 ¥30, 钱七 ¥200.
    assert paid(ledger, 2024) == {"李小": Decimal("100.00"), "孙八": Decimal("30.00"), "钱七": Decimal("200.00")}
    said = [(i.sheet, i.severity, "按名称是 2024 年" in i.message) for i in findings(report, "sheet.year_by_name")]
    assert said == [("上年", "info", True), ("去年台账", "info", True)]
    # Read with no year, the ledgers are 2025's (2025年台账.xlsx), not 2024's for two sheets of last year against one.
    assert sq.read_ledgers(path).year == 2025


def test_an_old_version_saved_as_void_and_a_deleted_folder(tmp_path):
    # 台账/2025年报送台账.xlsx: 李小 (县政协编发 ¥30), 王中 (市政协采用 ¥100). 台账/2025年报送台账（作废）.xlsx: 李小's row
    # again and 王中's 关于旧版标题的建议 (市政协采用). 台账/已删除/民盟县委2025.xlsx: 周九 省政协采用. The base code set
    # 李小's row aside as a repeat but counted 王中's old row (王中 2 items ¥200) and 周九 (¥200), only the repeat said.
    # By hand: 李小 ¥30, 王中 ¥100; each of the two files said (sheet.void, naming the file's and the folder's name).
    folder = tmp_path / "台账"
    (folder / "已删除").mkdir(parents=True)
    write_xlsx(folder / "2025年报送台账.xlsx", {"台账": LEDGER})
    write_xlsx(folder / "2025年报送台账（作废）.xlsx", {"台账": [HEAD,
        [1, "2025.1.8", "关于海岛渔港升级改造的建议", "李小", "民革县委", "县政协《社情民意》第1期", None],
        [2, "2025.4.1", "关于旧版标题的建议", "王中", "民进县委", "市政协采用", None]]})
    write_xlsx(folder / "已删除" / "民盟县委2025.xlsx", {"Sheet1": [HEAD,
        [1, "2025.6.1", "关于删掉的建议", "周九", "民盟县委", "省政协采用", None]]})
    ledger, report = _read(folder)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    said = sorted((i.file.rsplit("/", 1)[-1], i.message.split("表明")[0]) for i in findings(report, "sheet.void"))
    assert said == [("2025年报送台账（作废）.xlsx", "名称“2025年报送台账（作废）.xlsx”"), ("民盟县委2025.xlsx", "名称“已删除/”")]


def test_honest_sheets_named_with_a_negation_or_the_office_stay_counted(tmp_path):
    # 台账（请勿删除） is the ledger (请勿删除 says keep it), 示例县政协 a sheet named after the office, 列表（勿删） a
    # drop-down list: by hand 李小 ¥30, 王中 ¥100 (台账（请勿删除）), 赵六 1 item no adoption (示例县政协); no sheet.void,
    # no sheet.sample.
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"台账（请勿删除）": LEDGER, "示例县政协": [HEAD,
        [1, "2025.3.3", "关于海堤加固的建议", "赵六", "民进县委", None, None]], "列表（勿删）": [["县政协编发"], ["市政协采用"]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1, "赵六": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert not findings(report, "sheet.void") and not findings(report, "sheet.sample")
    # A ledger cleaned of its repeats, named so: 2025年报送台账（已删除重复项）.xlsx with a sheet 汇总（删除重复后）: by hand
    # its items count (李小 ¥30, 王中 ¥100); nothing said of it as struck out.
    (tmp_path / "b").mkdir()
    cleaned = write_xlsx(tmp_path / "b" / "2025年报送台账（已删除重复项）.xlsx", {"汇总（删除重复后）": LEDGER})
    ledger, report = _read(cleaned)
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert not findings(report, "sheet.void")
    # A sheet named for holding the withdrawn rows among the others (2025年（含已撤回）): its items count as written.
    (tmp_path / "c").mkdir()
    ledger, report = _read(write_xlsx(tmp_path / "c" / "2025年台账.xlsx", {"2025年（含已撤回）": LEDGER}))
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert not findings(report, "sheet.void")


def test_the_commands_on_a_folder_of_extra_sheets(tmp_path):
    # The whole folder as staff hand it in: the ledger, a 作废 sheet (李小 again), a 样表 (张三), a 2024年 sheet
    # (孙八, 2024.12.5), a 统计 sheet of formulas; and beside it a lock file, a .docx of the last circular and a .zip.
    # By hand for 2025: 2 items, 李小 ¥30 and 王中 ¥100 (the base code: 4 items, 李小 ¥60, 张三 ¥30), exit 0 (no error).
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "2025年社情民意信息台账.xlsx", {"2025年": LEDGER,
        "作废": [HEAD, [1, "2025.5.8", "关于重复报送的建议", "李小", "民革县委", "县政协编发", None]],
        "样表": [HEAD, [1, "2025.1.1", "关于XX问题的建议", "张三", "XX单位", "县政协编发", None]],
        "2024年": [HEAD, [1, "2024.12.5", "关于年货市场的建议", "孙八", "民建县委", "县政协编发", None]],
        "统计": [["单位", "报送条数"], ["民革县委", 1], ["民进县委", 1]]})
    (folder / "~$2025年社情民意信息台账.xlsx").write_bytes(b"\x05owner" + b"\x00" * 160)
    (folder / "2025年第三季度通报.docx").write_bytes(b"PK\x03\x04")
    (folder / "备份.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    ran = sqmy("compute", "all", folder, "--year", "2025", "--format", "json")
    assert ran.returncode == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert {r["name"]: Decimal(str(r["amount"])) for r in out["rewards"]} == {"李小": Decimal("30"), "王中": Decimal("100")}
    assert {r["name"]: r["submitted"] for r in out["people"] if r["submitted"]} == {"李小": 1, "王中": 1}
    ran = sqmy("validate", folder)
    for code in ("sheet.void", "sheet.sample", "sheet.tally_sheet"):
        assert f"[{code}]" in ran.stdout
    assert ran.stdout.count("[file.not_read]") == 2 and "~$" not in ran.stdout


def test_a_template_sheet_beside_the_ledger_holds_samples_and_alone_is_the_ledger(tmp_path):
    # 2025年台账.xlsx: the ledger sheet 2025年 and a 模板 sheet left from the city's template: 张三 | 关于×××的建议 |
    # ××× | 县政协编发. The base code counted it: 张三 1 item ¥30 (the ××× unit read as none, an info). By hand: the
    # 模板 beside a ledger sheet is samples: 李小 ¥30, 王中 ¥100, no 张三; said (sheet.sample).
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": LEDGER, "模板": [HEAD,
        [1, "2025.1.1", "关于×××的建议", "张三", "×××", "县政协编发", None]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert [i.sheet for i in findings(report, "sheet.sample")] == ["模板"]
    # Offices that filled in the form they were sent, its names kept: 社情民意信息台账.xlsx whose one ledger sheet is
    # 模板, and 社情民意信息报送样表.xlsx whose one sheet is 样表. Each is the ledger, read: by hand 李小 ¥30, 王中 ¥100
    # in each, nothing said as samples.
    for folder, name, sheet in (("a", "社情民意信息台账.xlsx", "模板"), ("b", "社情民意信息报送样表.xlsx", "样表")):
        (tmp_path / folder).mkdir()
        alone = write_xlsx(tmp_path / folder / name, {sheet: LEDGER, "填表说明": [["1.收稿日期填写年月日"]]})
        ledger, report = _read(alone)
        assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
        assert not findings(report, "sheet.sample")


def test_a_work_log_of_dates_and_what_was_done_is_no_ledger(tmp_path):
    # 工作记录: 日期 | 内容 | 联系人 | 电话 (催报一季度信息, 召开信息员培训会). The base code read its 2 rows as items with no
    # author: 2 errors author.missing (exit 1) on an honest sheet. By hand: no item, no error; its 12 cells named
    # once (sheet.unrecognised); the ledger's figures as they are (李小 ¥30, 王中 ¥100). A unit's sheet of 报送日期 |
    # 信息标题 alone stays a sheet of items (民盟县委: its one item counted for 民盟县委 by the sheet's name).
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": LEDGER,
        "工作记录": [["日期", "内容", "联系人", "电话"], ["2025.3.1", "催报一季度信息", "李小", "13800000001"],
                 ["2025.4.2", "召开信息员培训会", "王中", "13800000002"]],
        "民盟县委": [["报送日期", "信息标题"], ["2025.6.1", "关于城区停车难的建议"]]})
    ledger, report = _read(path)
    assert not [i for i in report.issues if i.severity == "error"]
    assert [(i.sheet, i.message.split("个非空")[0].strip()) for i in findings(report, "sheet.unrecognised")] == [("工作记录", "工作表中有 12")]
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    units = sq.units(ledger, 2025)
    assert dict(zip(units["unit"], units["submitted"]))["民盟县委"] == 1


def test_a_backup_beside_the_ledger_is_named_not_read(tmp_path):
    # 台账/报送台账.xlsx (李小 ¥30, 王中 ¥100) and 报送台账.xlsx.bak, a copy WPS saved with one more row (周九). The base
    # code passed the .bak over without a word (where a .docx or .zip beside it is named, file.not_read). By hand: the
    # figures are the ledger's (李小 ¥30, 王中 ¥100), the backup named once (file.backup, 提示), not as a file no table.
    folder = tmp_path / "台账"
    folder.mkdir()
    write_xlsx(folder / "报送台账.xlsx", {"台账": LEDGER})
    write_xlsx(tmp_path / "备份.xlsx", {"台账": [*LEDGER, [3, "2025.6.1", "关于城区停车难的建议", "周九", "民盟县委", None, None]]})
    (tmp_path / "备份.xlsx").rename(folder / "报送台账.xlsx.bak")
    ledger = sq.read_ledgers(folder, year=2025)
    report = sq.validate(ledger, sq.load_rules(year=2025))
    assert_every_cell_accounted(folder / "报送台账.xlsx", ledger=ledger, report=report, year=2025)
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    said = findings(report, "file.backup")
    assert [(i.file.rsplit("/", 1)[-1], i.severity) for i in said] == [("报送台账.xlsx.bak", "info")]
    assert not findings(report, "file.not_read") and not findings(report, "input.no_files")


def test_a_tally_sheet_beside_last_years_sheet_counts_this_years(tmp_path):
    # 2025年台账.xlsx: 2025年 (李小 民革县委, 王中 民进县委), 2024年 kept in it (李小 民革县委, 2024.11.8), 统计 typed by
    # the clerk for the year: 民革县委 1, 民进县委 1, 民盟县委 3. By hand the 2025 items: 民革县委 1, 民进县委 1, 民盟县委
    # none written (not compared). The base code set 统计 against every sheet of the workbook: 民革县委 "写的是 1 条 …
    # 是 2 条", a false warning. Now only 2025's sheets: 民革 and 民进 agree, nothing said.
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": LEDGER,
        "2024年": [HEAD, [1, "2024.11.8", "关于冬季供暖的建议", "李小", "民革县委", None, None]],
        "统计": [["单位", "报送条数"], ["民革县委", 1], ["民进县委", 1], ["民盟县委", 3]]})
    ledger, report = _read(path)
    assert not findings(report, "sheet.tally_sheet_differs")
    # The same 统计 writing 民进县委 3 (by hand 1 in 2025): said at its cell B3, as before.
    (tmp_path / "b").mkdir()
    other = write_xlsx(tmp_path / "b" / "2025年台账.xlsx", {"2025年": LEDGER,
        "2024年": [HEAD, [1, "2024.11.8", "关于冬季供暖的建议", "李小", "民革县委", None, None]],
        "统计": [["单位", "报送条数"], ["民革县委", 1], ["民进县委", 3]]})
    ledger, report = _read(other)
    said = findings(report, "sheet.tally_sheet_differs")
    assert [(i.row, i.column) for i in said] == [(3, "B")] and "写的是 3 条" in said[0].message and "是 1 条" in said[0].message


def test_a_contact_list_and_the_years_requirements_are_said_as_no_ledger(tmp_path):
    # Beside the ledger (李小 ¥30, 王中 ¥100): 单位通讯录 (序号 | 单位 | 联系人 | 联系电话 | 邮箱), 报送要求 (text and a table
    # of 主题 | 截止日期), 选题参考 (选题 | 责任单位). None is a ledger or a roster: by hand no item and no person from
    # them, the figures the ledger's. The base code said each as a ledger whose header it could not find (warning,
    # "如是台账,请补齐表头"); now each is named as no ledger (sheet.not_ledger, 提示) with its cells.
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": LEDGER,
        "单位通讯录": [["序号", "单位", "联系人", "联系电话", "邮箱"], [1, "民革县委", "李小", "13800000001", "a@b.cn"]],
        "报送要求": [["2025年社情民意信息报送要求"], ["一、报送内容：围绕县委中心工作"], ["序号", "主题", "截止日期"],
                 [1, "乡村振兴", "2025.6.30"]],
        "选题参考": [["序号", "选题", "责任单位"], [1, "关于加强农村养老服务的建议", "民革县委"]]})
    ledger, report = _read(path)
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    assert _items(ledger) == {"李小": 1, "王中": 1}
    said = [(i.sheet, i.severity) for i in findings(report, "sheet.not_ledger")]
    assert said == [("单位通讯录", "info"), ("报送要求", "info"), ("选题参考", "info")]
    assert not findings(report, "sheet.unrecognised")


def test_a_void_sheet_of_adoptions_pays_nothing(tmp_path):
    # 报送台账 (2025-001 李小, 2025-002 王中), 采用台账 (2025-001 市政协 第3期: 李小 ¥100) and 采用台账（作废） (2025-002 省政协
    # 第5期). The base code paid 王中 ¥200 for the struck-out adoption. By hand: 李小 ¥100, 王中 1 item, nothing paid;
    # one adoption record; the sheet said (sheet.void, 1 row).
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {
        "报送台账": [["编号", "报送日期", "信息标题", "作者", "单位"],
                 ["2025-001", "2025.1.8", "关于海岛渔港升级改造的建议", "李小", "民革县委"],
                 ["2025-002", "2025.2.15", "关于芦笋产业品牌建设的建议", "王中", "民进县委"]],
        "采用台账": [["编号", "信息标题", "采用单位", "期号", "采用日期"],
                 ["2025-001", "关于海岛渔港升级改造的建议", "市政协", "第3期", "2025.3.1"]],
        "采用台账（作废）": [["编号", "信息标题", "采用单位", "期号", "采用日期"],
                     ["2025-002", "关于芦笋产业品牌建设的建议", "省政协", "第5期", "2025.4.1"]]})
    ledger, report = _read(path)
    assert paid(ledger, 2025) == {"李小": Decimal("100.00")}
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert len(ledger.adoptions) == 1
    assert [(i.sheet, i.message.split("表明")[0]) for i in findings(report, "sheet.void")] == [("采用台账（作废）", "名称“采用台账（作废）”")]


def test_last_years_file_named_by_word_is_last_year(tmp_path):
    # 台账/报送台账.xlsx (Sheet1: 3月8日 李小 县政协编发 ¥30) and 台账/去年台账.xlsx (Sheet1: 11月8日 孙八 市政协采用), no year
    # in any name, run for 2025. The base code read both in 2025: 孙八 ¥100 in 2025, nothing said. By hand 去年台账 is
    # 2024's: for 2025 李小 ¥30 alone; said once (sheet.year_by_name, naming the file).
    folder = tmp_path / "台账"
    folder.mkdir()
    head = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况"]
    write_xlsx(folder / "报送台账.xlsx", {"Sheet1": [head, [1, "3月8日", "关于海岛渔港升级改造的建议", "李小", "民革县委", "县政协编发"]]})
    write_xlsx(folder / "去年台账.xlsx", {"Sheet1": [head, [1, "11月8日", "关于冬季供暖的建议", "孙八", "民建县委", "市政协采用"]]})
    ledger, report = _read(folder)
    assert paid(ledger, 2025) == {"李小": Decimal("30.00")}
    assert paid(ledger, 2024) == {"孙八": Decimal("100.00")}
    said = findings(report, "sheet.year_by_name")
    assert [i.message.split("按名称")[0] for i in said] == ["“去年台账.xlsx”"]


def test_a_contact_list_read_as_the_roster_is_said(tmp_path):
    # No 名册 given; beside the ledger (李小, 王中) a sheet 信息员通讯录: 姓名 | 单位 | 联系电话 (李小, 王中, 钱七). It is read
    # as the roster (the base code did too): 钱七 listed with no item, and every author not on it said as not on the
    # roster. The base code said nothing of where that roster came from. By hand: the figures are the ledger's (李小
    # ¥30, 王中 ¥100, no item from the list), and the sheet is named once as read for the roster (3 人).
    path = write_xlsx(tmp_path / "2025年台账.xlsx", {"2025年": LEDGER, "信息员通讯录": [["姓名", "单位", "联系电话"],
        ["李小", "民革县委", "13800000001"], ["王中", "民进县委", "13800000002"], ["钱七", "民建县委", "13800000003"]]})
    ledger, report = _read(path)
    assert _items(ledger) == {"李小": 1, "王中": 1}
    assert paid(ledger, 2025) == {"李小": Decimal("30.00"), "王中": Decimal("100.00")}
    said = findings(report, "roster.from_ledgers")
    assert [(i.sheet, i.severity) for i in said] == [("信息员通讯录", "info")] and "(3 人)" in said[0].message
    # A 名册.xlsx of its own among the ledgers is the office's roster as kept: nothing said of it.
    (tmp_path / "b").mkdir()
    write_xlsx(tmp_path / "b" / "2025年台账.xlsx", {"2025年": LEDGER})
    write_xlsx(tmp_path / "b" / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["李小", "信息员", "民革县委"]]})
    ledger, report = _read(tmp_path / "b")
    assert not findings(report, "roster.from_ledgers")
