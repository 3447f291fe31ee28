"""Scheduled and one-off report runs end to end: real papermill runs of the demo office, with the history,
the failure note, the output swap and the kernel checked from outside."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sqmy_lib.kinds import CIRCULAR, COMMENDATION, FEEDBACK, KINDS, ROLLUP
from sqmy_lib.period import Period
from sqmy_lib.run.notebooks import notebook_path
from sqmy_lib.run.outputs import MARKER
from sqmy_lib.run.pipeline import ReportFailed, produce_report
from sqmy_lib.schedule.history import History

from conftest import write_xlsx

pytestmark = pytest.mark.whole_command  # conftest.py says what it means

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "workbooks" / "demo"
Q3, Q4 = "2025年第三季度", "2025年第四季度"


def sqmy(*args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "SQMY_RETRY_BASE": "0.01", **(env or {})}
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)], capture_output=True, text=True,
                          timeout=600, env=env, **kwargs)


def write_schedule(folder: Path, name: str, **extra) -> Path:
    """A circular schedule on the shipped cron, reading the demo office, writing into ``folder/out``."""
    keys = {"report": "quarterly_circular", "cron": '"0 8 5 1,4,7,10 *"', "timezone": "Asia/Shanghai",
            "parameters": '{year: "{last_quarter.year}", quarter: "{last_quarter.quarter}"}',
            "ledgers": f"[{DEMO}]", "output": "out/{period}",  # relative: resolved against the schedule file's folder
            **extra}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text("".join(f"{k}: {v}\n" for k, v in keys.items()), encoding="utf-8")
    return path


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_run_is_idempotent_forced_and_crosses_quarters(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(sched, "circ")
    run = ("schedule", "run", "circ", "--schedules", sched, "--state", state)

    first = sqmy(*run, "--now", "2025-10-06T09:00")
    # 3: produced, but the demo's planted mistakes are left out (said, as by sqmy run); was 0 and silent
    assert first.returncode == 3 and "[run.left_out]" in first.stderr, first.stderr
    out = sched / "out" / Q3
    assert (out / f"{Q3}社情民意信息通报.docx").is_file() and (out / f"{Q3}社情民意信息通报.html").is_file()
    [row] = History(state).runs("circ")
    assert (row.status, row.period, row.attempts) == ("success", Q3, 1)
    assert row.fire_time.startswith("2025-10-05T08:00") and row.pid and row.host
    assert any(p.endswith("2025年社情民意信息报送采用登记表.xlsx") for p in row.inputs)
    assert all(len(h) == 64 for h in [*row.inputs.values(), *row.outputs.values()])
    assert row.rules_version and row.library_version
    for path, digest in row.outputs.items():
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == digest
    log = (state / "sqmy.log").read_text(encoding="utf-8")
    assert f"circ {Q3}:开始" in log and f"circ {Q3}:成功" in log

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
    assert forced.returncode == 3, forced.stderr
    assert [r.status for r in History(state).runs("circ")] == ["success", "skipped", "success"]

    # After the next quarter's fire time the --due sweep produces Q4 in its own folder.
    q4 = sqmy("schedule", "run", "--due", "--schedules", sched, "--state", state, "--now", "2026-01-06T09:00")
    assert q4.returncode == 3, q4.stderr
    assert (sched / "out" / Q4 / f"{Q4}社情民意信息通报.xlsx").is_file()
    assert History(state).last("circ").period == Q4
    status = sqmy("schedule", "status", "--schedules", sched, "--state", state, "--now", "2026-01-06T10:00")
    assert status.returncode == 0 and Q4 in status.stdout and "成功" in status.stdout


def test_failing_cell_is_retried_recorded_and_keeps_good_outputs(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    # A notebook with a cell that fails (a fault injected through SQMY_NOTEBOOKS).
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = json.loads(notebook_path("quarterly_circular.ipynb").read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "fault", "metadata": {}, "outputs": [],
                        "source": ["raise ValueError('注入的故障')"]})
    (notebooks / "quarterly_circular.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    write_schedule(sched, "bad", retries=1)
    out = sched / "out" / Q3
    out.mkdir(parents=True)
    good = out / f"{Q3}社情民意信息通报.docx"
    good.write_bytes(b"an earlier good circular")

    result = sqmy("schedule", "run", "bad", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00",
                  env={"SQMY_NOTEBOOKS": str(notebooks)})
    assert result.returncode == 1
    assert "生成失败" in result.stderr and "Traceback" not in result.stderr and "运行失败(" not in result.stderr
    [row] = History(state).runs("bad")
    assert (row.status, row.attempts, row.code) == ("failed", 2, "notebook.failed")
    assert "单元格出错" in row.error
    note = (out / "运行失败说明.txt").read_text(encoding="utf-8")
    assert "bad" in note and Q3 in note and "失败.ipynb" in note and row.error in note
    assert good.read_bytes() == b"an earlier good circular"
    # Not produced, so it is still due: the next sweep tries again.
    assert not History(state).succeeded("bad", Q3)


def test_missing_ledger_folder_fails_with_a_clear_reason(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    write_schedule(sched, "gone", start="2025-01-01", ledgers=f"[{tmp_path / '台账已删除'}]")
    result = sqmy("schedule", "run", "--due", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00")
    assert result.returncode == 1 and "文件不存在" in result.stderr and "inputs.missing" in result.stderr
    rows = History(state).runs("gone")
    assert [r.period for r in rows] == ["2024年第四季度", "2025年第一季度", "2025年第二季度", Q3]  # oldest first
    assert all(r.status == "failed" and r.code == "inputs.missing" and r.attempts == 1 for r in rows)


def test_timeout_fails_and_is_retried(tmp_path):
    sched, state = tmp_path / "schedules", tmp_path / "state"
    # A share of hundreds of ledgers: reading them takes longer than the cell may. (A FIFO named like a
    # ledger no longer hangs a read: the reader refuses it unopened.)
    hung = tmp_path / "网络盘台账"
    hung.mkdir()
    one = write_xlsx(tmp_path / "one.xlsx", {"S": [["日期", "标题", "作者"], ["2025-07-01", "关于甲的建议", "张三"]]}).read_bytes()
    for k in range(400):
        (hung / f"台账{k:03d}.xlsx").write_bytes(one)
    write_schedule(sched, "slow", timeout=0.01, retries=1, ledgers=f"[{hung}]")
    result = sqmy("schedule", "run", "slow", "--schedules", sched, "--state", state, "--now", "2025-10-06T09:00")
    assert result.returncode != 0
    [row] = History(state).runs("slow")
    assert (row.status, row.attempts) == ("failed", 2)
    # Stopped while reading (the readers killed once the limit passed), not after all 400 files were read.
    assert "读取台账超时" in row.error and "只读完" in row.error and "/400 个文件" in row.error
    assert (sched / "out" / Q3 / "运行失败说明.txt").is_file()


def test_empty_quarter_is_refused_unless_allowed(tmp_path):
    """The demo office has no item dated in 2026: its first quarter is refused, with the reason, exit 1."""
    out = tmp_path / "通报"
    refused = sqmy("circular", DEMO, "--year", 2026, "--quarter", 1, "--out", out)
    assert refused.returncode == 1, refused.stderr
    assert "2026年第一季度没有任何报送、采用或批示记录" in refused.stderr and "[period.empty]" in refused.stderr
    assert "--allow-empty" in refused.stderr and not any(p.suffix == ".docx" for p in out.glob("*"))
    allowed = sqmy("circular", DEMO, "--year", 2026, "--quarter", 1, "--out", out, "--allow-empty")
    assert allowed.returncode == 3, allowed.stderr  # produced; the demo's planted error rows left out, said
    assert (out / "2026年第一季度社情民意信息通报.docx").is_file()


def test_run_does_not_use_a_user_kernelspec(tmp_path):
    """Another environment's ``sqmy`` kernelspec in the user's Jupyter folder (here: one that cannot
    start) is neither used nor rewritten: the run uses this interpreter."""
    data = tmp_path / "jupyter"
    spec = data / "kernels" / "sqmy"
    spec.mkdir(parents=True)
    other = {"argv": ["/nonexistent/other-env/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
             "display_name": "sqmy (another office)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(other), encoding="utf-8")
    before = digests(data)
    result = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", tmp_path / "out",
                  env={"JUPYTER_DATA_DIR": str(data), "JUPYTER_PATH": str(data)})
    assert result.returncode == 3, result.stderr  # produced; the demo's planted error rows left out
    assert digests(data) == before


def test_sqmy_run_hands_its_ledgers_to_the_kernel(tmp_path):
    """``produce_report`` with a ledger already read: the notebook uses it rather than reading the files
    again (the figures are those of the ledger handed in: only the combined ledger)."""
    from sqmy_lib import read_ledgers, summary, validate

    one = DEMO / "2025年社情民意信息报送采用登记表.xlsx"
    ledger = read_ledgers([one], roster=DEMO / "名册.xlsx")
    report = validate(ledger)
    expected = summary(ledger, "2025Q3").submitted
    assert expected < summary(read_ledgers([DEMO], roster=DEMO / "名册.xlsx"), "2025Q3").submitted
    result = produce_report(CIRCULAR, {"year": 2025, "quarter": 3, "ledgers": [DEMO], "roster": DEMO / "名册.xlsx"},
                            tmp_path / "out", ledger=ledger, report=report)
    assert result.figures["submitted"] == expected
    assert not list(tmp_path.glob(".~sqmy-*"))  # the hand-off file is gone


def test_locked_output_fails_cleanly_and_keeps_the_previous_set(tmp_path, monkeypatch):
    """On Windows a file open in WPS/Excel makes its folder impossible to move: the run fails with the
    reason, the previous outputs stay exactly as they were, and a scheduled run records it."""
    from sqmy_lib.schedule.history import History
    from sqmy_lib.schedule.runner import latest, run_period
    from sqmy_lib.schedule.spec import load_schedule

    sched, state = tmp_path / "schedules", tmp_path / "state"
    schedule = load_schedule(write_schedule(sched, "circ"))
    out = sched / "out" / Q3
    (out / "图表").mkdir(parents=True)
    (out / f"{Q3}社情民意信息通报.xlsx").write_bytes(b"open in Excel")
    (out / "图表" / "单位报送采用.png").write_bytes(b"old chart")
    before = digests(out)
    real_replace = os.replace

    def sharing_violation(src, dst):
        if Path(src) == out:
            raise PermissionError(13, "另一个程序正在使用此文件,进程无法访问。")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", sharing_violation)
    import datetime as dt
    from zoneinfo import ZoneInfo

    now = dt.datetime(2025, 10, 6, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    history = History(state)
    outcome = run_period(latest(schedule, history, now), history, state, now)
    assert outcome.status == "failed" and outcome.code == "outputs.locked"
    assert "WPS/Excel" in outcome.message
    after = digests(out)
    assert {k: v for k, v in after.items() if k != "运行失败说明.txt"} == before
    assert "outputs.locked" in (out / "运行失败说明.txt").read_text(encoding="utf-8")
    assert not any(p.name.startswith((".sqmy-staging-", ".sqmy-old-", ".sqmy-lock-")) for p in out.parent.iterdir())
    [row] = history.runs()
    assert row.status == "failed" and row.code == "outputs.locked"


def test_unencodable_console_never_fails(tmp_path):
    """A Chinese Windows console (cp936) and an emoji in a cell: the report is printed (the emoji as ?),
    with the usual exit code, never 2."""
    from conftest import write_xlsx, write_xlsx

    ledger = write_xlsx(tmp_path / "台账.xlsx", {"一季度": [
        ["序号", "收稿日期", "信息标题", "作者", "单位"],
        [1, "3月5日😀", "关于乡村旅游的建议😀", "张三", "民盟县委"],  # the date's issue quotes the cell
        [2, "2026-03-06", "关于停车难的建议", "李四", "民盟县委"],
    ]})
    result = subprocess.run([sys.executable, "-m", "sqmy_lib", "validate", str(ledger), "--year", "2026"],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "cp936"}, timeout=300)
    assert result.returncode in (0, 1), result.stderr.decode("cp936", "replace")
    assert "报送 2 条".encode("cp936") in result.stdout
    assert "无法识别的日期“3月5日?”".encode("cp936") in result.stdout


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_stems_come_from_the_registry(kind):
    """The computations name their files by the registry's stem (one place for a file name)."""
    from sqmy_lib.compute.circular import QuarterlyCircular
    from sqmy_lib.compute.rollup import rollup_stem

    period = Period.of(2025, quarter=3) if kind.within_year else Period.of(2025)
    if kind is CIRCULAR:
        assert QuarterlyCircular.file_stem.fget(type("C", (), {"period": period})()) == kind.stem(period)
    elif kind is ROLLUP:
        assert rollup_stem(period) == kind.stem(period) == "2025年第三季度社情民意信息汇总通报"
    elif kind is FEEDBACK:
        from sqmy_lib.render.feedback import feedback_stem

        assert feedback_stem(type("F", (), {"period": period})()) == kind.stem(period) == "2025年第三季度社情民意信息反馈函"
    else:
        assert kind is COMMENDATION and kind.stem(period) == "2025年度社情民意信息工作表彰"
    assert kind.stem("2025Q3" if kind.within_year else "2025") == kind.stem(period)


def test_report_folder_is_swapped_whole_and_keeps_what_else_it_holds(tmp_path):
    """Q3 then Q4 into one folder: Q4 replaces nothing of Q3's; a file staff put there stays; a
    failure of Q4 afterwards leaves every file as it was."""
    out = tmp_path / "通报"
    first = sqmy("circular", DEMO, "--year", 2025, "--quarter", 3, "--out", out)
    assert first.returncode == 3, first.stderr  # 3: produced, the demo's planted error rows left out
    (out / "说明.txt").write_text("staff's own note", encoding="utf-8")
    second = sqmy("circular", DEMO, "--year", 2025, "--quarter", 4, "--out", out)
    assert second.returncode == 3, second.stderr
    names = {p.name for p in out.iterdir()}
    assert {f"{Q3}社情民意信息通报.docx", f"{Q4}社情民意信息通报.docx", "说明.txt", MARKER} <= names
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert set(marker["sets"]) == {f"{Q3}社情民意信息通报", f"{Q4}社情民意信息通报"}
    assert not any(p.name.startswith(".sqmy-") for p in tmp_path.iterdir())


def test_killed_swap_is_finished_at_the_next_start(tmp_path):
    """What a run killed part-way leaves beside the output folder is finished or removed by the next start:
    killed between the two renames, the complete staged set goes into place; killed while staging
    (no marker yet), the staging folder goes and the output folder is untouched."""
    from sqmy_lib.run.outputs import ASIDE, STAGING, clean_leftovers

    out = tmp_path / "通报"
    staged, aside = tmp_path / f"{STAGING}aaaa", tmp_path / f"{ASIDE}aaaa"
    staged.mkdir()
    (staged / "new.docx").write_text("new")
    (staged / MARKER).write_text(json.dumps({"folder": out.name, "sets": {"stem": {"files": ["new.docx"]}}}))
    aside.mkdir()
    (aside / "old.docx").write_text("old")
    half = tmp_path / f"{STAGING}bbbb"
    half.mkdir()
    (half / "half.docx").write_text("half")
    clean_leftovers(tmp_path)
    assert (out / "new.docx").read_text() == "new" and not (out / "old.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_temp_names_fit_name_max(tmp_path):
    """A legal 255-byte file name: the temporary file beside it must fit too."""
    from sqmy_lib.iorw import write_text

    name = "社" * 80 + "x" * 10 + ".txt"  # 240 + 10 + 4 = 254 bytes
    assert len(name.encode("utf-8")) <= 255
    target = write_text(tmp_path / name, "内容")
    assert target.read_text(encoding="utf-8") == "内容"


def test_report_objects_write_excel(tmp_path):
    """``to_excel`` on the circular, the commendation and a summary: every table a sheet, counts and money
    as numbers, a title that looks like a formula kept as text."""
    import openpyxl

    import sqmy_lib as sq

    ledger = sq.read_ledgers([DEMO], roster=DEMO / "名册.xlsx")
    circular = sq.quarterly_circular(ledger, 2025, 3)
    path = circular.to_excel(tmp_path / "通报.xlsx")
    book = openpyxl.load_workbook(path)
    assert {"概况", "各单位", "个人", "批示跟踪", "逐月"} <= set(book.sheetnames)
    summary = dict(book["概况"].iter_rows(min_row=2, values_only=True))
    assert summary["报送信息（条）"] == circular.summary.submitted and isinstance(summary["报送信息（条）"], int)
    commendation = sq.annual_commendation(ledger, 2025)
    book = openpyxl.load_workbook(commendation.to_excel(tmp_path / "表彰.xlsx"))
    rows = list(book["奖励发放表"].iter_rows(values_only=True))
    amount = rows[0].index("金额（元）")
    assert all(isinstance(r[amount], (int, float)) for r in rows[1:])
    total = sum(round(r[amount] * 100) for r in rows[1:])
    assert total == round(commendation.payout_total * 100)
    book = openpyxl.load_workbook(sq.summary(ledger, "2025Q3").to_excel(tmp_path / "概况.xlsx"))
    assert book.sheetnames == ["2025年第三季度"]
