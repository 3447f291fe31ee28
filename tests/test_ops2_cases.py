"""A scheduled run (cron mail, systemd journal, Airflow task log) says what `sqmy run` says of rows left
out, with the 校验报告's place and exit 3; the blank 名册.xlsx of `sqmy init` is a note, not a file left out."""
from __future__ import annotations


from conftest import office_with_one_item, sqmy, write_xlsx

HEAD = ["编号", "收稿日期", "标题", "作者", "单位"]


def _ledger(folder):
    folder.mkdir(parents=True, exist_ok=True)
    # Three items of 2025 Q4; the third's 收稿日期 "2025.13.40" is no date: it is left out of the figures.
    # Hand answer: 报送 1 条 left out, reason 日期无法识别 1 条; exit 3 (produced, rows left out).
    return write_xlsx(folder / "报送台账.xlsx", {"2025年": [
        ["白沙区政协2025年社情民意信息报送台账"], HEAD,
        ["BS2025-101", "2025-10-09", "关于加快白沙河沿岸生态修复的建议", "陈立新", "民盟白沙区委"],
        ["BS2025-102", "2025-11-12", "关于完善社区养老服务的建议", "王丽", "农工党白沙区委"],
        ["BS2025-103", "2025.13.40", "关于规范校外培训收费的建议", "刘强", "九三学社白沙区支社"]]})


def _schedule(folder, ledgers):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "circ.yaml").write_text(
        'report: quarterly_circular\ncron: "0 8 5 1,4,7,10 *"\ntimezone: Asia/Shanghai\nstart: 2025-12-01\n'
        'parameters: {year: "{last_quarter.year}", quarter: "{last_quarter.quarter}"}\n'
        f'ledgers: ["{ledgers}"]\noutput: out/{{period}}\n', encoding="utf-8")


def test_scheduled_sweep_says_rows_left_out_and_where_the_check_report_is(tmp_path, monkeypatch):
    from sqmy_lib.schedule.history import History

    monkeypatch.setenv("SQMY_RETRY_BASE", "0.01")
    _ledger(tmp_path / "台账")
    _schedule(tmp_path / "日程", tmp_path / "台账")
    ran = sqmy("schedule", "run", "--due", "--now", "2026-01-06T09:00",
               "--schedules", tmp_path / "日程", "--state", tmp_path / "state")
    # Before: exit 0, only 已生成…: nothing in the cron mail said a row was left out.
    assert ran.returncode == 3, ran.stdout + ran.stderr
    assert "已生成2025年第四季度的季度通报" in ran.stdout
    assert "因有错误未计入统计 [run.left_out]" in ran.stderr
    assert "报送 1 条:日期无法识别 1 条" in ran.stderr
    report = tmp_path / "日程" / "out" / "2025年第四季度" / "校验报告.txt"
    assert report.is_file() and f"请打开 {report.resolve()}" in ran.stderr
    assert "Traceback" not in ran.stderr
    [row] = History(tmp_path / "state").runs("circ")
    assert row.status == "success"  # produced: a later sweep does not make it again
    assert "[run.left_out]" in (tmp_path / "state" / "sqmy.log").read_text(encoding="utf-8")


def test_blank_roster_of_sqmy_init_is_a_note_not_a_file_left_out(tmp_path):
    from sqmy_lib import read_ledgers
    from sqmy_lib.cli.validate import _left_out

    office = office_with_one_item(tmp_path / "白沙区政协", 2025, HEAD,
                                  ["BS2025-101", "2025-10-09", "关于加快白沙河沿岸生态修复的建议", "陈立新", "民盟白沙区委"])
    ledger = read_ledgers([office / "台账"], roster=office / "名册.xlsx", year=2025)
    # Hand answer: the one row is counted; the blank roster holds no row, so nothing is left out (exit 0),
    # and the roster is said as a note. Before: "整个文件未读取:…名册.xlsx" under 因有错误未计入, exit 3.
    assert _left_out(ledger, None, 2025) == []
    from sqmy_lib.cli.validate import closing_summary, noted_files

    [note] = noted_files(ledger)
    assert "名册.xlsx" in note and "还没有填写人员或单位" in note
    report = office / "输出" / "校验报告.txt"
    text = closing_summary([report], None, [], "结果", [note])
    assert "未计入" not in text and "提示(不影响统计):" in text and note in text


def test_systemd_unit_counts_produced_with_rows_left_out_as_done(tmp_path):
    from sqmy_lib.schedule.install import systemd_units

    service = next(t for n, t in systemd_units(tmp_path / "日程", tmp_path / "state").items() if n.endswith(".service"))
    # exit 3 is "produced, rows left out": said in the journal, not a failed unit
    assert "SuccessExitStatus=3" in service


def test_windows_install_refuses_a_folder_task_scheduler_would_expand(tmp_path):
    # Task Scheduler replaces %USERNAME% in <Arguments> by the user's name and has no escape for it:
    # the task would sweep /…/张三通报, not the folder the office named. Hand answer: refused, exit 2, no XML.
    folder, out = tmp_path / "%USERNAME%通报" / "日程", tmp_path / "task.xml"
    folder.mkdir(parents=True)
    ran = sqmy("schedule", "install", "--windows", "--schedules", folder, "--state", tmp_path / "state", "--out", out)
    assert ran.returncode == 2, ran.stdout + ran.stderr
    assert "[schedule.windows_percent]" in ran.stderr and "%USERNAME%" in ran.stderr
    assert not out.exists()
    # a lone % (100%完成) is not expanded: the task is written, its path as given
    plain = tmp_path / "100%完成" / "日程"
    plain.mkdir(parents=True)
    ran = sqmy("schedule", "install", "--windows", "--schedules", plain, "--state", tmp_path / "state", "--out", out)
    assert ran.returncode == 0, ran.stderr
    assert str(plain) in out.read_text(encoding="utf-16")


def test_state_folder_that_is_a_file_is_said_in_chinese_with_a_code(tmp_path):
    # --state naming a file: before, "无法使用运行记录目录 …(File exists)" — English OS text, no code.
    _schedule(tmp_path / "日程", tmp_path / "台账")
    (tmp_path / "state").write_text("", encoding="utf-8")
    ran = sqmy("schedule", "run", "circ", "--now", "2026-01-06T09:00",
               "--schedules", tmp_path / "日程", "--state", tmp_path / "state")
    assert ran.returncode == 2
    assert "已有同名文件" in ran.stderr and "[state.unusable]" in ran.stderr
    assert "File exists" not in ran.stderr and "Traceback" not in ran.stderr
