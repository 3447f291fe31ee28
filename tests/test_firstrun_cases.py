"""A new staff member sets up on a machine whose folders have spaces, Chinese, ``%``, ``$`` and quotes
in their names (as Windows-like "My Docs/2026年 社情民意/..." folders do) and installs the schedule the
way the README says. The command lines the hosts are given must run what ``sweep_command`` says,
word for word, once the host (cron, systemd) has done its own processing of the line."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from sqmy_lib.schedule import install

WEIRD = "My Docs/2026年 社情民意/完成率 100% 'A'/东山县政协"


def _cron_field(line: str) -> str:
    """The command field of a crontab line (after the five time fields)."""
    return line.split(None, 5)[5]


def _as_cron_runs_it(field: str) -> tuple[str, str | None]:
    """What cron (Vixie/cronie ``do_command.c``) hands to ``/bin/sh -c``, and the stdin it feeds.

    An unescaped ``%`` ends the command (the rest, with ``%`` as newlines, is the stdin); ``\\%`` is a
    literal ``%`` (the backslash removed); any other backslash is left for the shell."""
    out, escaped = [], False
    for i, ch in enumerate(field):
        if escaped:
            if ch == "%":
                out[-1] = "%"
            else:
                out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            out.append(ch)
            continue
        if ch == "%":
            return "".join(out), field[i + 1:].replace("%", "\n")
        out.append(ch)
    return "".join(out), None


def test_cron_line_with_percent_in_the_folder_runs_the_sweep(tmp_path):
    # The office's schedules and the state folder sit under "完成率 100% 'A'".  The cron line printed by
    # `sqmy schedule install` (and written by --apply) must reach /bin/sh whole: the hand answer is
    # that the shell's argv is exactly sweep_command(...) and cron feeds no stdin.  On the base code
    # the unescaped % cut the line at "100" (sh: Unterminated quoted string).
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录 $HOME"
    schedules.mkdir(parents=True)
    state.mkdir(parents=True)
    line = install.cron_block(schedules, state)[1]
    command, stdin = _as_cron_runs_it(_cron_field(line))
    assert stdin is None
    # the shell's words, printed one per NUL by printf in front of the command
    shown = subprocess.run(["/bin/sh", "-c", "printf '%s\\0' " + command], capture_output=True, check=True)
    assert shown.stdout.decode("utf-8").split("\0")[:-1] == install.sweep_command(schedules, state)


def test_cron_line_with_percent_runs_the_real_sweep(tmp_path):
    # The whole command, run as cron would (after its % processing) with --dry-run added: exit 0,
    # "没有到期的期间" (an empty schedules folder: nothing is due), and the history made in the state
    # folder named on the line, "100% 'A'" and all.
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录"
    schedules.mkdir(parents=True)
    (schedules / "quarterly_circular.yaml").write_text(
        'report: quarterly_circular\ncron: "0 8 5 1,4,7,10 *"\ntimezone: Asia/Shanghai\n'
        'parameters: {year: "{last_quarter.year}", quarter: "{last_quarter.quarter}"}\n'
        'ledgers: ["../台账"]\noutput: ../输出/通报/{period}\n', encoding="utf-8")
    command, stdin = _as_cron_runs_it(_cron_field(install.cron_block(schedules, state)[1]))
    assert stdin is None
    env = {**os.environ, "PYTHONPATH": str(Path(install.__file__).parents[2])}
    done = subprocess.run(["/bin/sh", "-c", command + " --dry-run"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "没有到期的期间" in done.stdout
    assert (state / "history.sqlite").exists()


def _systemd_words(exec_start: str) -> list[str]:
    """ExecStart= split as systemd does: double-quoted words with C escapes, then ``%%`` → ``%`` and
    ``$$`` → ``$``; a lone ``%`` is a specifier and a lone ``$`` a variable (both refused here: they
    would be replaced by systemd, not passed on)."""
    words = re.findall(r'"((?:[^"\\]|\\.)*)"', exec_start.split("=", 1)[1])
    result = []
    for word in words:
        word = re.sub(r"\\(.)", r"\1", word)
        for sign in "%$":
            assert not re.search(rf"(?<!\{sign})\{sign}(?!\{sign})", word.replace(sign * 2, "")), (sign, word)
        result.append(word.replace("%%", "%").replace("$$", "$"))
    return result


def test_systemd_execstart_keeps_dollar_and_percent_literal(tmp_path):
    # A state folder "运行记录 ${HOME}" (or any "$" in a path): systemd expands ${HOME} in ExecStart even
    # inside quotes, so the service would write its history somewhere else; "$$" is the literal sign.
    # Hand answer: the words systemd passes are exactly sweep_command(...).
    schedules = tmp_path / WEIRD / "schedules"
    state = tmp_path / WEIRD / "运行记录 ${HOME} $USER"
    service = next(text for name, text in install.systemd_units(schedules, state).items() if name.endswith(".service"))
    exec_start = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    assert _systemd_words(exec_start) == install.sweep_command(schedules, state)


def _write_ledger(folder: Path) -> Path:
    """A small county ledger as staff keep it: a title row, one header row, one row per item."""
    import datetime as dt

    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年"
    ws.append(["东山县政协2025年社情民意信息报送台账"])
    ws.append(["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"])
    rows = [(dt.date(2025, 7, 3), "关于农村饮水安全的建议", "张三", "民盟县委", "县政协编发"),
            (dt.date(2025, 8, 12), "关于电动车充电桩建设的建议", "李四", "农工党县委", None),
            (dt.date(2025, 10, 9), "关于老旧小区加装电梯的建议", "王五", "民盟县委", "市政协采用"),
            (dt.date(2025, 11, 20), "关于校外培训规范的建议", "赵六", "九三学社县委", None),
            (dt.date(2025, 12, 1), "关于冬季供暖保障的建议", "钱七", "九三学社县委", "县政协编发")]
    for i, row in enumerate(rows, 1):
        ws.append([i, *row])
    path = folder / "2025年社情民意信息台账.xlsx"
    wb.save(path)
    return path


def test_two_quarters_in_one_output_folder_keep_their_own_charts(tmp_path):
    # A secretary runs the third quarter's circular, then the fourth's, into the same folder (as
    # `sqmy run 东山县政协 --quarter N` does: 输出/季度通报).  The README: "the sets of other periods
    # written into the same folder ... are carried into the new folder".  Hand answer: after the Q4
    # run, every file of the Q3 set (Q3: 2 items, 民盟县委 and 农工党县委; Q4: 3 items, 民盟县委 and
    # 九三学社县委 -- different charts) is byte for byte what the Q3 run wrote, and the Q4 set's charts
    # are other files.  On the base code both sets wrote 图表/单位报送采用.png etc.: Q3's charts were
    # silently replaced by Q4's while the Q3 set still listed them as its own.
    import hashlib
    import json

    ledgers = tmp_path / "My Docs" / "东山县政协" / "台账"
    _write_ledger(ledgers)
    out = tmp_path / "My Docs" / "东山县政协" / "输出" / "季度通报"

    def run(quarter: int) -> None:
        done = subprocess.run([sys.executable, "-m", "sqmy_lib", "circular", str(ledgers), "--year", "2025",
                               "--quarter", str(quarter), "--out", str(out)], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr

    def files_of(stem: str) -> dict[str, str]:
        sets = json.loads((out / ".sqmy-report.json").read_text(encoding="utf-8"))["sets"]
        # the circular's own files (the 校验报告 beside them is the latest read's, shared by both sets)
        return {rel: hashlib.sha256((out / rel).read_bytes()).hexdigest() for rel in sets[stem]["files"]
                if not rel.startswith("校验报告")}

    q3, q4 = "2025年第三季度社情民意信息通报", "2025年第四季度社情民意信息通报"
    run(3)
    before = files_of(q3)
    assert sum(rel.endswith(".png") for rel in before) == 3
    run(4)
    assert files_of(q3) == before
    assert not set(files_of(q4)) & set(before)


def _dags_airflow_would_load(dag_file: Path) -> dict[str, str]:
    """Run the exported DAG file against stand-ins for the Airflow names it imports; the DAGs Airflow
    would keep, as {dag_id: schedule file}: one per dag_id, the last one defined winning (as a
    DagBag keeps the last DAG of an id within one file)."""
    import types

    kept: dict[str, str] = {}

    current = []

    class DAG:  # the `with DAG(dag_id=...)` block: the operator made inside belongs to it
        def __init__(self, dag_id, **_):
            self.dag_id = dag_id

        def __enter__(self):
            current.append(self.dag_id)
            return self

        def __exit__(self, *exc):
            return False

    def operator(**kw):
        kept[current[-1]] = kw["op_kwargs"]["schedule"]

    fakes = {"pendulum": types.SimpleNamespace(datetime=lambda *a, **k: None),
             "airflow.providers.standard.operators.python": types.SimpleNamespace(PythonOperator=operator),
             "airflow.sdk": types.SimpleNamespace(DAG=DAG),
             "airflow.timetables.trigger": types.SimpleNamespace(CronTriggerTimetable=lambda *a, **k: None),
             "sqmy_lib.schedule.airflow": types.SimpleNamespace(run_task=None)}
    source = dag_file.read_text(encoding="utf-8")
    for module, fake in fakes.items():
        source = source.replace(f"import {module}\n", "").replace(f"from {module} import", f"# from {module} import")
    namespace = {name: getattr(fake, name) for fake in fakes.values() for name in vars(fake)}
    namespace["pendulum"] = fakes["pendulum"]
    exec(compile(source, str(dag_file), "exec"), namespace)
    return kept


def test_airflow_export_of_schedules_named_in_chinese_keeps_every_schedule(tmp_path):
    # Staff copy the examples under Chinese names: 季度通报.yaml and 年度表彰.yaml (and a second
    # quarterly circular for the 联络组, 季度通报-联络组.yaml).  Hand answer: the exported file
    # gives Airflow three DAGs, one per schedule file.  On the base code every Chinese character became
    # "_": 季度通报 and 年度表彰 were both dag_id 'sqmy_____', and Airflow kept only the last one --
    # the quarterly circular would never run, with no word said.
    from sqmy_lib.cli import main

    examples = tmp_path / "examples"
    assert main(["schedule", "init", str(examples)]) == 0
    folder = tmp_path / "My Docs" / "东山县政协" / "schedules"
    folder.mkdir(parents=True)
    for source, name in (("quarterly_circular", "季度通报"), ("annual_commendation", "年度表彰"),
                         ("quarterly_circular", "季度通报-联络组")):
        (folder / f"{name}.yaml").write_text((examples / f"{source}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    dag = tmp_path / "dags" / "sqmy.py"
    assert main(["schedule", "export", "--airflow", "--out", str(dag), "--schedules", str(folder),
                 "--state", str(tmp_path / "state")]) == 0
    kept = _dags_airflow_would_load(dag)
    assert sorted(kept.values()) == sorted(str(folder / f"{n}.yaml") for n in ("季度通报", "年度表彰", "季度通报-联络组"))
    assert all(re.fullmatch(r"sqmy_[A-Za-z0-9_]+", dag_id) for dag_id in kept)
