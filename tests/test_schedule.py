"""Scheduled runs end to end: real papermill runs of the demo office driven by schedule files in a tmp
folder, with the history, the lock, retries, the failure note and the exports checked from outside."""
from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from sqmy_lib.schedule import load_schedule
from sqmy_lib.schedule.history import History
from sqmy_lib.schedule.lock import schedule_lock

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "workbooks" / "demo"
Q3, Q4 = "2025年第三季度", "2025年第四季度"


def sqmy(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "SQMY_RETRY_BASE": "0.01"}
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True,
                          timeout=600, env=env)


def write_schedule(folder: Path, name: str, **extra) -> Path:
    """A circular schedule on the shipped cron, reading the demo office, writing into ``folder/out``."""
    lines = [
        "report: quarterly_circular",
        'cron: "0 8 5 1,4,7,10 *"',
        "timezone: Asia/Shanghai",
        "parameters:",
        '  year: "{last_quarter.year}"',
        '  quarter: "{last_quarter.quarter}"',
        f"ledgers: [{DEMO}]",
        "output: out/{period}",  # relative: resolved against the schedule file's folder
        *(f"{key}: {value}" for key, value in extra.items()),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_run_is_idempotent_forced_and_crosses_quarters(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(sched, "circ")
    run = ("schedule", "run", "circ", "--schedules", sched, "--state", state)

    first = sqmy(*run, "--now", "2025-10-06T09:00")
    assert first.returncode == 0, first.stderr
    out = sched / "out" / Q3
    assert (out / f"{Q3}社情民意信息通报.docx").is_file() and (out / f"{Q3}社情民意信息通报.html").is_file()
    [row] = History(state).runs("circ")
    assert (row.status, row.period, row.attempts) == ("success", Q3, 1)
    assert row.fire_time.startswith("2025-10-05T08:00")
    assert any(p.endswith("2025年社情民意信息报送采用登记表.xlsx") for p in row.inputs)
    assert all(len(h) == 64 for h in [*row.inputs.values(), *row.outputs.values()])
    assert row.rules_version and row.library_version
    for path, digest in row.outputs.items():
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == digest

    # The same call again: the period is already produced, nothing is touched.
    before = digests(out)
    again = sqmy(*run, "--now", "2025-10-06T09:00")
    assert again.returncode == 0 and "跳过" in again.stdout
    assert digests(out) == before
    assert [r.status for r in History(state).runs("circ")] == ["success", "skipped"]
    # A --due sweep with nothing due is silent (cron mails only when something happened) and unrecorded.
    due = sqmy("schedule", "run", "--due", "--schedules", sched, "--state", state, "--now", "2025-10-20T09:00")
    assert due.returncode == 0 and due.stdout == "" and len(History(state).runs("circ")) == 2

    forced = sqmy(*run, "--now", "2025-10-06T09:00", "--force")
    assert forced.returncode == 0, forced.stderr
    assert [r.status for r in History(state).runs("circ")] == ["success", "skipped", "success"]

    # After the next quarter's fire time the --due sweep produces Q4 in its own folder.
    q4 = sqmy("schedule", "run", "--due", "--schedules", sched, "--state", state, "--now", "2026-01-06T09:00")
    assert q4.returncode == 0, q4.stderr
    assert (sched / "out" / Q4 / f"{Q4}社情民意信息通报.xlsx").is_file()
    assert History(state).last("circ").period == Q4
    status = sqmy("schedule", "status", "--schedules", sched, "--state", state)
    assert status.returncode == 0 and Q4 in status.stdout and "成功" in status.stdout


def test_failure_is_retried_recorded_and_keeps_good_outputs(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(sched, "bad", rules="没有这个规则.yaml", retries=1)
    out = sched / "out" / Q3
    out.mkdir(parents=True)
    good = out / f"{Q3}社情民意信息通报.docx"
    good.write_bytes(b"an earlier good circular")
    before = hashlib.sha256(good.read_bytes()).hexdigest()

    result = sqmy("schedule", "run", "bad", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00")
    assert result.returncode != 0
    assert "生成失败" in result.stderr and "Traceback" not in result.stderr.split("sqmy:")[-1]
    [row] = History(state).runs("bad")
    assert (row.status, row.attempts) == ("failed", 2)
    assert "单元格出错" in row.error
    note = (out / "运行失败说明.txt").read_text(encoding="utf-8")
    assert "bad" in note and Q3 in note and "失败.ipynb" in note and row.error in note
    assert hashlib.sha256(good.read_bytes()).hexdigest() == before
    # Not produced, so it is still due: the next sweep tries again.
    assert not History(state).succeeded("bad", Q3)


def test_timeout_fails_and_is_retried(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    # A ledger on a share that hangs: reading it blocks until the cell's time is up.
    hung = tmp_path / "网络盘台账.xlsx"
    os.mkfifo(hung)
    write_schedule(sched, "slow", timeout=0.01, retries=1)
    path = sched / "slow.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"ledgers: [{DEMO}]", f"ledgers: [{hung}]"), encoding="utf-8")
    result = sqmy("schedule", "run", "slow", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00")
    assert result.returncode != 0
    [row] = History(state).runs("slow")
    assert (row.status, row.attempts) == ("failed", 2)
    assert "Timeout" in row.error or "超时" in row.error
    assert (sched / "out" / Q3 / "运行失败说明.txt").is_file()


def test_second_runner_does_not_run_while_locked(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(sched, "circ")
    state.mkdir()
    with schedule_lock(state, "circ"):
        result = sqmy("schedule", "run", "--due", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00")
    assert result.returncode == 0, result.stderr
    assert "已有运行中的任务" in result.stdout
    assert History(state).runs() == []
    assert not (sched / "out").exists()


def test_list_and_airflow_export_of_shipped_schedules(tmp_path):
    listed = sqmy("schedule", "list", "--now", "2025-10-06T09:00")
    assert listed.returncode == 0, listed.stderr
    assert "quarterly_circular" in listed.stdout and "annual_commendation" in listed.stdout
    assert "下次运行:2026-01-05 08:00" in listed.stdout and "下次运行:2026-01-15 09:00" in listed.stdout

    dag = tmp_path / "sqmy_dags.py"
    exported = sqmy("schedule", "export", "--airflow", "--out", dag)
    assert exported.returncode == 0, exported.stderr
    text = dag.read_text(encoding="utf-8")
    ast.parse(text)
    compile(text, str(dag), "exec")
    assert "PapermillOperator" in text and "0 8 5 1,4,7,10 *" in text and "0 9 15 1 *" in text

    for name in ("quarterly_circular", "annual_commendation"):
        schedule = load_schedule(REPO / "schedules" / f"{name}.yaml")
        assert Path(schedule.ledgers[0]) == DEMO and schedule.timezone == "Asia/Shanghai"


def test_bad_schedule_file_names_file_and_key(tmp_path):
    path = write_schedule(tmp_path, "typo", retries="两次")
    result = sqmy("schedule", "list", "--schedules", tmp_path)
    assert result.returncode == 2
    assert str(path) in result.stderr and "retries" in result.stderr
    write_schedule(tmp_path, "typo", output="out/{__class__}")
    result = sqmy("schedule", "list", "--schedules", tmp_path)
    assert result.returncode == 2 and "{__class__}" in result.stderr and "output" in result.stderr


def test_install_prints_cron_line(tmp_path):
    result = sqmy("schedule", "install", "--state", tmp_path)
    assert result.returncode == 0
    assert "CRON_TZ=Asia/Shanghai" in result.stdout
    assert "*/30 * * * *" in result.stdout and "schedule run --due" in result.stdout
