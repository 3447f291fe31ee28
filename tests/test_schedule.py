"""The scheduler's state machine (due, skip, force, retry, catch-up), its files and its commands, with a
fake runner in place of the notebooks so a year of sweeps takes milliseconds. Real notebook runs of
schedules are in test_schedule_runs.py."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sqmy_lib.cli import main
from sqmy_lib.run.execute import RunResult
from sqmy_lib.run.pipeline import ReportFailed
from sqmy_lib.schedule import install
from sqmy_lib.schedule.history import FAILED, RUNNING, SUCCESS, History, Run
from sqmy_lib.schedule.lock import schedule_lock
from sqmy_lib.schedule.runner import BUSY, SKIPPED, WAITING, due, latest, run_due, run_period
from sqmy_lib.schedule.spec import ScheduleError, load_schedule, load_schedules

TZ = ZoneInfo("Asia/Shanghai")
REPO = Path(__file__).resolve().parents[1]
QUARTERLY = {"report": "quarterly_circular", "cron": '"0 8 5 1,4,7,10 *"',
             "parameters": '{year: "{last_quarter.year}", quarter: "{last_quarter.quarter}"}'}
ANNUAL = {"report": "annual_commendation", "cron": '"0 9 15 1 *"', "parameters": '{year: "{last_year}"}'}


def _env() -> dict:
    """The environment for a child Python: as this one (the sqmy_lib under test is the one installed, or on
    PYTHONPATH; never the checkout behind it, so a wheel's tests test the wheel)."""
    return dict(os.environ)


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TZ)


def write_schedule(folder: Path, name: str, base: dict = QUARTERLY, **keys) -> Path:
    values = {**base, "ledgers": "[台账]", "output": "out/{period}", **keys}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in values.items() if v is not None), encoding="utf-8")
    return path


class FakeRunner:
    """Stands in for produce_report: records each call; ``fail`` maps a period key to a ReportFailed."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self.fail: dict[str, ReportFailed] = {}

    def __call__(self, kind, params, out_dir, **options):
        key = f"{params['year']}Q{params['quarter']}" if params.get("quarter") else str(params["year"])
        self.calls.append((kind.name, key))
        if key in self.fail:
            raise self.fail[key]
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "report.txt").write_text(key, encoding="utf-8")
        return RunResult(out_dir / "report.ipynb", [out_dir / "report.txt"], {})


def sweep(schedules, history, state, runner, start, end, every=dt.timedelta(hours=6), off=None, on_sweep=None):
    """Sweeps every ``every`` from ``start`` to ``end``; none while the machine is ``off`` (a span)."""
    t = start
    while t < end:
        if not (off and off[0] <= t < off[1]):
            if on_sweep:
                on_sweep(t)
            run_due(schedules, history, state, t, runner=runner, sleep=lambda s: None)
        t += every


def test_a_year_with_the_machine_off_for_a_quarter(tmp_path):
    """Every period is produced once, in order; the quarter the machine was off for is caught up; an
    empty quarter fails, stays due and is produced once its data is in."""
    folder, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(folder, "circular", start="2025-01-01")
    write_schedule(folder, "commendation", ANNUAL, start="2025-01-01")
    schedules, errors = load_schedules(folder)
    assert errors == []
    history, runner = History(state), FakeRunner()
    empty = ReportFailed("2025年第一季度没有任何报送、采用或批示记录", "period.empty")

    def data_arrives(t):  # staff enter the first quarter's items on 1 May
        if t < at(2025, 5, 1):
            runner.fail["2025Q1"] = empty
        else:
            runner.fail.pop("2025Q1", None)

    sweep(schedules, history, state, runner, at(2025, 1, 1), at(2026, 2, 1),
          off=(at(2025, 6, 20), at(2025, 10, 10)), on_sweep=data_arrives)

    produced = [(r.schedule, r.period) for r in history.runs() if r.status == SUCCESS]
    assert produced == [("circular", "2024年第四季度"), ("commendation", "2024年"), ("circular", "2025年第一季度"),
                        ("circular", "2025年第二季度"), ("circular", "2025年第三季度"), ("circular", "2025年第四季度"),
                        ("commendation", "2025年")]
    # Q2 (fired 5 July) and Q3 (fired 5 October) were both missed: the first sweep after power-on ran them, in order.
    q2, q3 = (next(r for r in history.runs("circular") if r.period == p and r.status == SUCCESS)
              for p in ("2025年第二季度", "2025年第三季度"))
    assert q2.started.startswith("2025-10-10T00:00") and q3.started.startswith("2025-10-10T00:00") and q2.id < q3.id
    failed_q1 = [r for r in history.runs("circular") if r.period == "2025年第一季度" and r.status == FAILED]
    assert len(failed_q1) >= 3 and all(r.code == "period.empty" and "没有任何" in r.error for r in failed_q1)
    # Retries of the failed quarter are spaced out (30 min, then doubling up to a day), not every sweep.
    starts = [dt.datetime.fromisoformat(r.started) for r in failed_q1]
    assert all(later - earlier >= dt.timedelta(hours=6) for earlier, later in zip(starts, starts[1:]))
    assert not any(r.status == RUNNING for r in history.runs())
    # Nothing is produced twice.
    assert len(produced) == len(set(produced))


def test_catch_up_starts_at_the_install_date(tmp_path):
    """Without ``start``, periods fired before the state folder first saw the schedule are not produced late."""
    folder, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(folder, "circular")
    write_schedule(folder, "commendation", ANNUAL)
    schedules, _ = load_schedules(folder)
    history, runner = History(state), FakeRunner()
    run_due(schedules, history, state, at(2025, 10, 20, 9), runner=runner)
    assert runner.calls == []  # not the 2024 commendation (fired January), not Q3 (fired 5 October)
    run_due(schedules, history, state, at(2026, 1, 16, 9), runner=runner)
    assert runner.calls == [("quarterly_circular", "2025Q4"), ("annual_commendation", "2025")]


def test_named_run_skips_forces_and_records(tmp_path):
    folder, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(folder, "circular"))
    history, runner = History(state), FakeRunner()
    now = at(2025, 10, 6, 9)
    item = latest(schedule, history, now)
    assert (item.label, item.fire) == ("2025年第三季度", at(2025, 10, 5, 8))
    assert run_period(item, history, state, now, runner=runner).status == SUCCESS
    again = run_period(latest(schedule, history, now), history, state, now, runner=runner, record_skip=True)
    assert again.status == SKIPPED and runner.calls == [("quarterly_circular", "2025Q3")]
    forced = run_period(latest(schedule, history, now), history, state, now, force=True, runner=runner)
    assert forced.status == SUCCESS and len(runner.calls) == 2
    assert [r.status for r in history.runs()] == [SUCCESS, "skipped", SUCCESS]
    row = history.runs()[0]
    assert row.pid == os.getpid() and row.host and row.fire_time.startswith("2025-10-05T08:00")


def test_failing_cell_is_retried_at_once_an_empty_period_is_not(tmp_path):
    folder, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(folder, "circular", retries=2))
    history, runner = History(state), FakeRunner()
    now = at(2025, 10, 6, 9)
    runner.fail["2025Q3"] = ReportFailed("第3个单元格出错:ValueError: x", "notebook.failed")
    waits = []
    outcome = run_period(latest(schedule, history, now), history, state, now, runner=runner, sleep=waits.append, backoff=1)
    assert outcome.status == FAILED and outcome.attempts == 3 and waits == [1, 2]
    note = (folder / "out" / "2025年第三季度" / "运行失败说明.txt").read_text(encoding="utf-8")
    assert "第3个单元格出错" in note and "notebook.failed" in note
    # The manual rerun names the folders the installed job uses (as written before, it looked elsewhere).
    assert f"sqmy schedule run --due --schedules {folder} --state {state}" in note
    runner.fail["2025Q3"] = ReportFailed("文件不存在:台账 /x", "inputs.missing")
    outcome = run_period(latest(schedule, history, now), history, state, now, runner=runner, sleep=waits.append)
    assert outcome.status == FAILED and outcome.attempts == 1 and outcome.code == "inputs.missing"
    # A success later removes the failure note.
    runner.fail.clear()
    assert run_period(latest(schedule, history, now), history, state, now, runner=runner).status == SUCCESS
    assert not (folder / "out" / "2025年第三季度" / "运行失败说明.txt").exists()


def test_an_error_of_our_own_is_recorded_never_left_running(tmp_path):
    folder, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(folder, "circular"))
    history = History(state)

    def broken(*args, **kwargs):
        raise KeyError("oops")

    outcome = run_period(latest(schedule, history, at(2025, 10, 6)), history, state, at(2025, 10, 6), runner=broken)
    assert outcome.status == FAILED and outcome.code == "run.error"
    [row] = history.runs()
    assert row.status == FAILED and "KeyError" in row.error


def test_second_runner_is_busy(tmp_path):
    folder, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(folder, "circular"))
    history, runner = History(state), FakeRunner()
    with schedule_lock(state, "circular"):
        outcome = run_period(latest(schedule, history, at(2025, 10, 6)), history, state, at(2025, 10, 6), runner=runner)
    assert outcome.status == BUSY and runner.calls == [] and history.runs() == []


def test_a_killed_run_is_marked_failed_and_its_leftovers_removed(tmp_path):
    """A runner killed with SIGKILL mid-run leaves a ``running`` row and a staging folder; the next
    runner of that schedule marks the row failed and removes the leftovers."""
    folder, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(folder, "circular"))
    script = f"""
import datetime as dt, sys, time
from zoneinfo import ZoneInfo
from sqmy_lib.run.outputs import StagedOutputs
from sqmy_lib.schedule.history import History
from sqmy_lib.schedule.runner import latest, run_period
from sqmy_lib.schedule.spec import load_schedule

def hang(kind, params, out_dir, **options):
    with StagedOutputs(out_dir, "stem") as staging:
        (staging / "half.docx").write_text("half")
        print("staged", flush=True)
        time.sleep(600)

now = dt.datetime(2025, 10, 6, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
s = load_schedule({str(schedule.path)!r})
h = History({str(state)!r})
run_period(latest(s, h, now), h, {str(state)!r}, now, runner=hang)
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=_env())
    try:
        assert child.stdout.readline().strip() == "staged"
    finally:
        child.kill()
        child.wait()
    history = History(state)
    [row] = history.runs()
    assert row.status == RUNNING and row.pid == child.pid
    out = folder / "out"
    assert any(p.name.startswith(".sqmy-staging-") for p in out.iterdir())
    status = subprocess.run([sys.executable, "-m", "sqmy_lib", "schedule", "status", "--schedules", folder,
                             "--state", state, "--now", "2025-10-06T10:00"], capture_output=True, text=True)
    assert "中断" in status.stdout
    runner = FakeRunner()
    outcome = run_period(latest(schedule, history, at(2025, 10, 6, 10)), history, state, at(2025, 10, 6, 10), runner=runner)
    assert outcome.status == SUCCESS
    first, second = history.runs()
    assert first.status == FAILED and first.code == "run.interrupted" and str(child.pid) in first.error
    assert not any(p.name.startswith((".sqmy-staging-", ".sqmy-lock-")) for p in out.iterdir())


def test_corrupt_history_is_moved_aside_and_the_run_recorded(tmp_path, capsys):
    state = tmp_path / "state"
    state.mkdir()
    (state / "history.sqlite").write_bytes(b"this is not a database" * 100)
    history = History(state)
    history.add(Run("x", "2025年", "2025-10-06T09:00:00+08:00", SUCCESS))
    assert [r.schedule for r in History(state).runs()] == ["x"]
    aside = [p for p in state.iterdir() if p.name.startswith("history.sqlite.无法使用-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert "无法使用" in capsys.readouterr().err


def test_locked_history_is_set_aside_after_its_timeout(tmp_path, monkeypatch, capsys):
    import sqmy_lib.schedule.history as history_module

    state = tmp_path / "state"
    History(state)
    monkeypatch.setattr(history_module, "TIMEOUT", 0.2)
    holder = sqlite3.connect(state / "history.sqlite")
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        history = History(state)
        run_id = history.begin(Run("x", "2025年", "2025-10-06T09:00:00+08:00", RUNNING))
        assert run_id and history.runs()[0].status == RUNNING
    finally:
        holder.close()
    assert "无法使用" in capsys.readouterr().err


def test_unwritable_history_falls_back_and_still_records(tmp_path, monkeypatch, capsys):
    """A read-only history file in a read-only folder (faked: this test runs as root): the run is
    recorded in a new file, and the warning names it."""
    state = tmp_path / "state"
    history = History(state)
    real_connect, real_replace = sqlite3.connect, os.replace

    def read_only(path, *args, **kwargs):
        if Path(path) == state / "history.sqlite":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_connect(path, *args, **kwargs)

    def cannot_move(src, dst):
        if Path(src) == state / "history.sqlite":
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    monkeypatch.setattr(os, "replace", cannot_move)
    history.add(Run("x", "2025年", "2025-10-06T09:00:00+08:00", SUCCESS))
    assert history.path != state / "history.sqlite" and [r.schedule for r in history.runs()] == ["x"]
    assert str(history.path) in capsys.readouterr().err


# ---- schedule files ----

@pytest.mark.parametrize("keys, key, fragment", [
    ({"retries": '"两次"'}, "retries", "应为整数,实为 “两次”"),
    ({"timeout": ".inf"}, "timeout", "应为有限的数"),
    ({"timeout": "-1"}, "timeout", "应为正数"),
    ({"timeout": "[1, 2]"}, "timeout", "应为正数"),
    ({"retries": "9" * 40}, "", "数字过长"),
    ({"cron": '"0 0 30 2 *"'}, "cron", "永远不会触发"),
    ({"cron": '"every day"'}, "cron", "不是有效的 cron 表达式"),
    ({"timezone": "Mars/Olympus"}, "timezone", "不是已知的时区"),
    ({"report": "weekly"}, "report", "应为 quarterly_circular/annual_commendation/rollup_circular/feedback_letters 之一"),
    ({"ledgers": "42"}, "ledgers", "应为台账文件或文件夹的路径"),
    ({"output": "out/{__class__}"}, "output", "未知的占位符 {__class__}"),
    ({"outptu": "x"}, "outptu", "未知配置项(是否应为 “output”?)"),
    ({"start": "明年"}, "start", "应为日期"),
    ({"parameters": '{year: 2025, quarter: 3, today: "昨天"}'}, "parameters.today", "应为日期"),
    ({"parameters": '{year: 2025, quarter: 3, today: "2025-02-30"}'}, "parameters.today", "不是有效的日期"),
    ({"parameters": '{year: 2025, quarter: 3, roster: x}'}, "parameters.roster", "未知配置项"),
    ({"description": "&a x", "rules": "*a"}, "", "锚点或别名"),
    ({"parameters": "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"}, "", "嵌套过深"),
])
def test_bad_schedule_is_reported_alone(tmp_path, capsys, keys, key, fragment):
    """Each bad file gives a Chinese message naming the file and key, exit 2, and never stops the others."""
    folder = tmp_path / "schedules"
    write_schedule(folder, "good")
    bad = write_schedule(folder, "bad", **keys)
    schedules, errors = load_schedules(folder)
    assert [s.name for s in schedules] == ["good"]
    [error] = errors
    assert isinstance(error, ScheduleError) and error.source == str(bad)
    assert any(p.key == key and fragment in p.message for p in error.problems), error.problems
    assert main(["schedule", "list", "--schedules", str(folder), "--state", str(tmp_path / "state"),
                 "--now", "2025-10-06T09:00"]) == 2
    out, err = capsys.readouterr()
    assert "good  季度通报" in out and str(bad) in err and "运行失败" not in err


def test_huge_and_binary_schedule_files_are_refused(tmp_path):
    folder = tmp_path / "schedules"
    folder.mkdir()
    (folder / "big.yaml").write_text("description: " + "x" * (2 << 20), encoding="utf-8")
    (folder / "binary.yaml").write_bytes(b"PK\x03\x04\x00\x00")
    (folder / "laughs.yaml").write_text("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                                        "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n", encoding="utf-8")
    _, errors = load_schedules(folder)
    messages = {Path(e.source).name: str(e) for e in errors}
    assert "过大" in messages["big.yaml"] and "不是文本文件" in messages["binary.yaml"]
    assert "锚点或别名" in messages["laughs.yaml"]


def test_shipped_examples_load_and_init_fills_paths(tmp_path, capsys):
    folder = tmp_path / "日程"
    demo = REPO / "workbooks" / "demo"
    assert main(["schedule", "init", str(folder), "--ledgers", str(demo), "--roster", str(demo / "名册.xlsx"),
                 "--offices", str(REPO / "workbooks" / "demo_city")]) == 0
    schedules, errors = load_schedules(folder)
    assert errors == [] and sorted(s.report for s in schedules) == ["annual_commendation", "feedback_letters",
                                                                    "quarterly_circular", "rollup_circular"]
    by_report = {s.report: s for s in schedules}
    assert by_report["quarterly_circular"].ledgers == [str(demo)]
    assert by_report["quarterly_circular"].roster == str(demo / "名册.xlsx")
    assert by_report["rollup_circular"].ledgers == [str(REPO / "workbooks" / "demo_city")]
    assert main(["schedule", "init", str(folder)]) == 1  # never overwrites an office's edits silently
    assert "未覆盖" in capsys.readouterr().err


def test_list_and_status_show_gaps_and_dry_run_says_what_would_run(tmp_path, capsys):
    folder, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(folder, "circular", start="2025-01-01")
    history = History(state)
    history.add(Run("circular", "2024年第四季度", "2025-01-05T08:00:00+08:00", SUCCESS))
    history.add(Run("circular", "2025年第一季度", "2025-04-05T08:00:00+08:00", FAILED, error="2025年第一季度没有任何记录",
                    finished="2025-04-05T08:01:00+08:00"))
    common = ["--schedules", str(folder), "--state", str(state), "--now", "2025-10-06T09:00"]
    assert main(["schedule", "list", *common]) == 0
    out = capsys.readouterr().out
    assert "下次运行:2026-01-05 08:00" in out
    assert "缺:2025年第一季度(应于 2025-04-05 08:00 生成,已失败 1 次" in out and "没有任何记录" in out
    assert "缺:2025年第二季度(应于 2025-07-05 08:00 生成,尚未运行)" in out and "缺:2025年第三季度" in out
    assert main(["schedule", "status", *common]) == 0
    assert "缺:2025年第二季度" in capsys.readouterr().out
    assert main(["schedule", "run", "--due", "--dry-run", *common]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("(")[0] for line in lines] == ["circular:2025年第一季度", "circular:2025年第二季度",
                                                      "circular:2025年第三季度"]
    assert len(history.runs()) == 2 and not (folder / "out").exists()  # a dry run runs and records nothing
    assert main(["schedule", "history", "circular", "--state", str(state)]) == 0
    assert "2025年第一季度  失败" in capsys.readouterr().out


# ---- installing into the host's scheduler ----

@pytest.fixture
def fake_crontab(tmp_path, monkeypatch):
    """A ``crontab`` command on PATH that keeps the table in a file."""
    bin_dir, table = tmp_path / "bin", tmp_path / "crontab.txt"
    bin_dir.mkdir()
    script = bin_dir / "crontab"
    script.write_text(f"""#!/bin/sh
if [ "$1" = "-l" ]; then [ -f "{table}" ] && cat "{table}" || exit 1; else cat > "{table}"; fi
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return table


def test_cron_install_edits_only_its_own_block_keeps_a_backup_and_uninstalls(tmp_path, fake_crontab, capsys):
    other = install.cron_block(tmp_path / "其他日程", tmp_path / "其他状态")
    fake_crontab.write_text("MAILTO=office@example.org\n0 1 * * * /usr/bin/backup\n"
                            "*/5 * * * * other-tool schedule run --due\n" + "\n".join(other) + "\n", encoding="utf-8")
    before = fake_crontab.read_text(encoding="utf-8")
    state, folder = tmp_path / "state", tmp_path / "schedules"
    folder.mkdir()
    args = ["--schedules", str(folder), "--state", str(state)]
    assert main(["schedule", "install", "--apply", *args]) == 0
    assert main(["schedule", "install", "--apply", "--every", "15", *args]) == 0  # replaces its block, no second copy
    table = fake_crontab.read_text(encoding="utf-8")
    assert before.rstrip("\n") in table  # every other line and the other install's block kept as they were
    assert table.count("# >>> sqmy schedule") == 2 and "*/15 * * * *" in table and "*/30 * * * *" not in table.split(other[-1])[1]
    backups = sorted(state.glob("crontab.备份-*"))
    assert backups and backups[0].read_text(encoding="utf-8") == before
    assert main(["schedule", "uninstall", *args]) == 0
    assert fake_crontab.read_text(encoding="utf-8") == before


def test_windows_task_xml(tmp_path, capsys):
    state, folder, out = tmp_path / "state", tmp_path / "schedules", tmp_path / "task.xml"
    folder.mkdir()
    assert main(["schedule", "install", "--windows", "--out", str(out), "--schedules", str(folder), "--state", str(state)]) == 0
    raw = out.read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with its byte-order mark, as schtasks wants
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.fromstring(raw.decode("utf-16").split("?>", 1)[1])
    assert root.find("t:Triggers/t:TimeTrigger/t:Repetition/t:Interval", ns).text == "PT30M"
    assert root.find("t:Settings/t:StartWhenAvailable", ns).text == "true"
    assert root.find("t:Settings/t:MultipleInstancesPolicy", ns).text == "IgnoreNew"
    assert root.find("t:Actions/t:Exec/t:Command", ns).text == sys.executable
    arguments = root.find("t:Actions/t:Exec/t:Arguments", ns).text
    assert "schedule run --due" in arguments and str(folder.resolve()) in arguments
    assert "schtasks /create /tn sqmy\\sqmy-schedule-" in capsys.readouterr().out


def test_systemd_units(tmp_path, capsys):
    state, folder, out = tmp_path / "state", tmp_path / "日程 50%", tmp_path / "units"
    folder.mkdir()
    assert main(["schedule", "install", "--systemd", "--out", str(out), "--schedules", str(folder), "--state", str(state)]) == 0
    [service] = out.glob("*.service")
    [timer] = out.glob("*.timer")
    assert timer.stem == service.stem
    assert "OnCalendar=*:0/30" in timer.read_text() and "Persistent=true" in timer.read_text()
    exec_start = next(line for line in service.read_text().splitlines() if line.startswith("ExecStart="))
    assert '"--due"' in exec_start and "日程 50%%" in exec_start  # quoted, % escaped for systemd


def test_airflow_export_calls_the_runner(tmp_path, capsys):
    folder = tmp_path / "schedules"
    main(["schedule", "init", str(folder)])
    dag = tmp_path / "dags" / "sqmy_dags.py"
    assert main(["schedule", "export", "--airflow", "--out", str(dag), "--schedules", str(folder),
                 "--state", str(tmp_path / "state")]) == 0
    text = dag.read_text(encoding="utf-8")
    compile(text, str(dag), "exec")
    assert text.count("python_callable=run_task") == 4 and "PapermillOperator" not in text
    for name in ("quarterly_circular", "annual_commendation", "rollup_circular"):
        assert f"dag_id='sqmy_{name}'" in text and str(folder / f"{name}.yaml") in text
    assert "dag_id='sqmy_quarterly_feedback'" in text
    assert "CronTriggerTimetable('0 8 5 1,4,7,10 *', timezone='Asia/Shanghai')" in text


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("sqmy_lib ")


def test_scheduler_imports_no_computations():
    """run/ and schedule/ take periods and report kinds from below compute/, never from it."""
    code = ("import sys, sqmy_lib.schedule.runner, sqmy_lib.schedule.airflow, sqmy_lib.schedule.install, sqmy_lib.run.pipeline;"
            "print(sorted(m for m in sys.modules if m.startswith('sqmy_lib.compute')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env())
    assert result.stdout.strip() == "[]", result.stderr
