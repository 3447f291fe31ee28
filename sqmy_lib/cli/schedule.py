"""``sqmy schedule``: list, run, inspect, install and export the scheduled report runs.

A schedule file that cannot be used is reported (file, key, line; exit 2) and the others still run.
The schedule modules are imported inside the commands: a plain ``sqmy validate`` should not pay for
croniter and SQLite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path


def register(sub) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--schedules", metavar="DIR",
                        help="日程文件夹(默认环境变量 SQMY_SCHEDULES,或用户配置目录下的 sqmy/schedules)")
    common.add_argument("--state", metavar="DIR", help="运行记录、日志与锁文件的目录(默认 SQMY_STATE 或 ~/.local/state/sqmy)")
    when = argparse.ArgumentParser(add_help=False)
    when.add_argument("--now", metavar="DATETIME", help="以此时间为“现在”(ISO 格式,如 2025-10-06T09:00;默认按日程时区)")

    p = sub.add_parser("schedule", help="定时生成通报与表彰:查看、运行、运行记录、安装到 cron/systemd/Windows、导出 Airflow")
    actions = p.add_subparsers(dest="action", parser_class=type(p), metavar="操作")

    a = actions.add_parser("list", parents=[common, when], help="列出日程、下次运行时间和缺漏的期间")
    a.set_defaults(run=run_list)

    a = actions.add_parser("run", parents=[common, when], help="运行日程(--due:所有到期和错过的期间,按时间先后)")
    a.add_argument("name", nargs="?", metavar="NAME", help="日程名称(文件名,不含 .yaml):运行其最近一次到期的期间")
    a.add_argument("--due", action="store_true", help="检查所有日程,补跑所有到期而未成功的期间(供 cron 等调用)")
    a.add_argument("--force", action="store_true", help="即使该期间已成功生成,也重新生成(与 NAME 一起用)")
    a.add_argument("--dry-run", action="store_true", help="只列出将要运行的期间,不运行、不记录")
    a.set_defaults(run=run_run)

    a = actions.add_parser("status", parents=[common, when], help="各日程最近一次运行的结果、输出和缺漏的期间")
    a.set_defaults(run=run_status)

    a = actions.add_parser("history", parents=[common], help="运行记录(每次运行一行)")
    a.add_argument("name", nargs="?", metavar="NAME", help="只看这个日程")
    a.add_argument("--limit", type=int, default=50, metavar="N", help="最多显示最近 N 条(默认50)")
    a.set_defaults(run=run_history)

    a = actions.add_parser("install", parents=[common], help="把定时检查装进 cron(默认)、systemd 或 Windows 任务计划")
    a.add_argument("--every", type=int, default=30, metavar="MINUTES", help="检查间隔分钟数(默认30)")
    _hosts(a, "生成 Windows 任务计划 XML(schtasks /create /xml)", "生成 systemd 的 service 与 timer")
    a.add_argument("--out", metavar="PATH", help="写入此处(Windows:XML 文件;systemd:文件夹),默认只显示")
    a.add_argument("--apply", action="store_true", help="直接安装(cron:改写当前用户的 crontab,先备份)")
    a.set_defaults(run=run_install)

    a = actions.add_parser("uninstall", parents=[common], help="从 cron(或 systemd、Windows 任务计划)中移除本安装的定时检查")
    _hosts(a, "显示删除 Windows 任务的命令", "停用并删除 systemd 的 service 与 timer")
    a.set_defaults(run=run_uninstall)

    a = actions.add_parser("init", help="把示例日程复制到一个文件夹,供本单位修改")
    a.add_argument("folder", nargs="?", metavar="DIR", help="日程文件夹(默认用户配置目录下的 sqmy/schedules)")
    a.add_argument("--ledgers", nargs="+", metavar="PATH", help="本单位台账文件或文件夹(填入季度通报和年度表彰的日程)")
    a.add_argument("--roster", metavar="PATH", help="名册工作簿")
    a.add_argument("--offices", metavar="PATH", help="下级政协台账文件夹或 offices.yaml(填入汇总通报的日程)")
    a.add_argument("--output", metavar="DIR", help="报告的输出文件夹(默认日程文件夹旁的“输出”)")
    a.add_argument("--start", metavar="YYYY-MM-DD", help="从这一天起补跑错过的期间(默认:安装日)")
    a.add_argument("--force", action="store_true", help="覆盖文件夹中已有的同名日程")
    a.set_defaults(run=run_init)

    a = actions.add_parser("export", parents=[common], help="导出为 Airflow DAG 文件(任务调用 sqmy 自己的运行器)")
    a.add_argument("--airflow", action="store_true", required=True, help="导出 Airflow DAG")
    a.add_argument("--out", metavar="FILE", help="写入此文件(默认输出到屏幕)")
    a.set_defaults(run=run_export)

    p.set_defaults(run=lambda args: p.print_help() or 2)


def _hosts(parser, windows: str, systemd: str) -> None:
    """--windows or --systemd (neither: cron)."""
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--windows", action="store_true", help=windows)
    target.add_argument("--systemd", action="store_true", help=systemd)


def _folder(args) -> Path:
    from ..schedule.spec import default_folder

    return Path(args.schedules or os.environ.get("SQMY_SCHEDULES") or default_folder())


def _load(args):
    """(schedules, code): the usable schedules; every unusable file reported on stderr (code 2)."""
    from ..schedule.spec import ScheduleError, load_schedules

    folder = _folder(args)
    if not folder.exists() and not (args.schedules or os.environ.get("SQMY_SCHEDULES")):
        # Nothing set up yet is not an error: say how to start.
        print(f"尚无日程:默认日程文件夹 {folder} 不存在;用 sqmy schedule init 复制示例日程后修改"
              f"(或用 --schedules 指定日程文件夹)", file=sys.stderr)
        return [], 0
    try:
        schedules, errors = load_schedules(folder)
    except ScheduleError as exc:
        print(f"sqmy: {exc.problems[0]}", file=sys.stderr)
        return [], 2
    for error in errors:
        print(f"sqmy: {error}", file=sys.stderr)
    return schedules, 2 if errors else 0


def _now(args, tz) -> dt.datetime:
    """``--now`` (naive means the schedule's timezone) or the current time."""
    if not getattr(args, "now", None):
        return dt.datetime.now(tz)
    try:
        when = dt.datetime.fromisoformat(args.now)
    except ValueError:
        raise SystemExit(f"sqmy: 参数错误:--now 应为 ISO 格式的日期时间(如 2025-10-06T09:00),实为 {args.now}") from None
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def _state(args):
    from ..schedule.history import History, state_dir
    from ..schedule.log import open_log

    state = state_dir(args.state)
    open_log(state)
    return state, History(state)


def _gap_lines(items, now) -> list[str]:
    """One line per due period: never run, or failed (why), or waiting for its retry."""
    from ..schedule.runner import ready, retry_wait

    lines = []
    for d in items:
        fired = f"{d.fire:%Y-%m-%d %H:%M}"
        if not d.failures:
            lines.append(f"  缺:{d.label}(应于 {fired} 生成,尚未运行)")
            continue
        when = "下次检查时重试" if ready(d, now) else f"{d.last_failure + retry_wait(d.failures):%Y-%m-%d %H:%M} 后重试"
        lines.append(f"  缺:{d.label}(应于 {fired} 生成,已失败 {d.failures} 次,{when}):{d.last_error}")
    return lines


def run_list(args) -> int:
    from ..schedule.runner import due, start_of

    schedules, code = _load(args)
    if not schedules and not code and _folder(args).is_dir():
        print(f"{_folder(args)} 中没有日程文件(可用 sqmy schedule init {_folder(args)} 复制示例日程)")
    _, history = _state(args) if schedules else (None, None)
    for s in schedules:
        now = _now(args, s.tz)
        print(f"{s.name}  {s.kind.name_zh}  cron「{s.cron}」({s.timezone})")
        try:
            fire = s.next_fire(now)
            _, period, out_dir = s.resolve(fire)
            print(f"  下次运行:{fire:%Y-%m-%d %H:%M}({s.timezone}),生成{period.label},输出到 {out_dir}")
        except ValueError:
            print("  下次运行:无")
        start = start_of(s, history, now, record=False)
        print(f"  补跑起点:{start:%Y-%m-%d}{'' if s.start else '(安装日)'}  重试:{s.retries}次  "
              f"超时:{s.timeout or '不限'}秒/单元格  日程文件:{s.path}")
        print("\n".join(_gap_lines(due(s, history, now, record=False), now)) or "  无缺漏的期间")
    return code


def _print_outcome(outcome, due_sweep: bool, state=None) -> int:
    from ..schedule.history import FAILED, SUCCESS
    from ..schedule.runner import BUSY, WAITING

    s = outcome.schedule
    if outcome.status == SUCCESS:
        print(f"{s.name}:{outcome.message}(第{outcome.attempts}次尝试)")
        for path in outcome.outputs:
            print(f"  已生成:{path}")
        return _print_left_out(outcome, state)
    elif outcome.status == FAILED:
        print(f"sqmy: {s.name}:{outcome.period}{outcome.message}", file=sys.stderr)
        return 1
    elif outcome.status == WAITING:
        pass  # a sweep says nothing about a failure it is not retrying yet (status shows it)
    elif outcome.status == BUSY or not due_sweep:
        print(f"{s.name}:{outcome.period}{outcome.message}")
    return 0


def _print_left_out(outcome, state=None) -> int:
    """What ``sqmy run`` says of rows left out, for the cron mail / journal / task log: each reason, where
    the 校验报告 is; exit 3 (produced, rows left out), else 0."""
    from .validate import EXIT_LEFT_OUT

    if not outcome.left_out:
        return 0
    print(f"sqmy: 注意:{outcome.schedule.name}:{outcome.period}的{outcome.schedule.kind.name_zh}已生成,"
          f"但以下内容因有错误未计入统计 [run.left_out]:", file=sys.stderr)
    for line in outcome.left_out:
        print(f"sqmy:   {line}", file=sys.stderr)
    from ..zh import shell_word

    where, s = outcome.check_report, outcome.schedule
    again = shell_word(s.name) + f" --force --schedules {shell_word(str(Path(s.path).parent))}"
    again += f" --state {shell_word(str(state))}" if state is not None else ""
    print(f"sqmy:   请打开 {where or '输出文件夹中的校验报告'} 查看每条的位置和原因,改正台账后"
          f"可用 sqmy schedule run {again} 重新生成(本期已记为成功,定时检查不会自动重跑)。", file=sys.stderr)
    return EXIT_LEFT_OUT


# Which exit code wins when a run does several things: unusable input (2), a failed report (1), a
# report produced with rows left out (3), all well (0).
_EXIT_RANK = {0: 0, 3: 1, 1: 2, 2: 3}


def worse(a: int, b: int) -> int:
    """The exit code that says more: 2 over 1 over 3 over 0."""
    return max(a, b, key=lambda c: _EXIT_RANK.get(c, 4))


def run_run(args) -> int:
    from ..schedule.runner import due_all, latest, run_due, run_period

    if bool(args.name) == bool(args.due):
        print("sqmy: 参数错误:请指定一个日程名称,或用 --due 运行所有到期的日程", file=sys.stderr)
        return 2
    schedules, code = _load(args)
    if args.name:
        schedules = [s for s in schedules if s.name == args.name]
        if not schedules:
            if not code:
                print(f"sqmy: 找不到日程 {args.name}(在 {_folder(args)} 中)", file=sys.stderr)
            return 2
    if not schedules:
        return code
    state, history = _state(args)
    now = _now(args, schedules[0].tz)
    if args.dry_run:
        items = due_all(schedules, history, now, record=False) if args.due else [latest(s, history, now) for s in schedules]
        for d in items:
            done = history.succeeded(d.schedule.name, d.label) and not args.force
            print(f"{d.schedule.name}:{d.label}(计划 {d.fire:%Y-%m-%d %H:%M})"
                  f"{'已成功生成过,将跳过' if done else '将运行'} → {d.out_dir}")
        if args.due and not items:
            print("没有到期的期间")
        return code
    if args.due:
        # A sweep every half hour records nothing and prints nothing when there is nothing to do,
        # so the history stays readable and cron mails only when something happened.
        outcomes = run_due(schedules, history, state, now)
    else:
        outcomes = [run_period(latest(s, history, now), history, state, now, force=args.force, record_skip=True)
                    for s in schedules]
    for outcome in outcomes:
        code = worse(code, _print_outcome(outcome, args.due, state))
    return code


def run_status(args) -> int:
    from ..schedule.history import RUNNING, STATUS_ZH, SUCCESS
    from ..schedule.lock import is_running
    from ..schedule.runner import due

    schedules, code = _load(args)
    state, history = _state(args)
    by_name = {s.name: s for s in schedules}
    # Schedules removed from the folder still have a history worth showing.
    names = [*by_name, *(r.schedule for r in history.runs() if r.schedule not in by_name)]
    for name in dict.fromkeys(names):
        last = history.last(name)
        if last is None:
            print(f"{name}:尚未运行")
        else:
            word = STATUS_ZH.get(last.status, last.status)
            if last.status == RUNNING and not is_running(state, name):
                word = "中断(进程已不在;下次运行时标记为失败)"
            print(f"{name}:{last.period} {word}(开始 {last.started},结束 {last.finished or '-'},"
                  f"尝试 {last.attempts} 次{f',进程 {last.pid}' if last.status == RUNNING else ''})")
            if last.error:
                print(f"  错误:{last.error}")
            good = last if last.status == SUCCESS else history.last(name, SUCCESS)
            if good is not None:
                if good is not last:
                    print(f"  最近一次成功:{good.period}(结束 {good.finished})")
                print(f"  输出({good.out_dir}):")
                for path in good.outputs or {}:
                    print(f"    {path}")
        if name in by_name:
            s = by_name[name]
            now = _now(args, s.tz)
            print("\n".join(_gap_lines(due(s, history, now, record=False), now)) or "  无缺漏的期间")
    return code


def run_history(args) -> int:
    from ..schedule.history import STATUS_ZH

    _, history = _state(args)
    runs = history.runs(args.name)[-max(1, args.limit):]
    if not runs:
        print(f"{args.name or ''}尚无运行记录")
        return 0
    for r in runs:
        line = (f"{r.started}  {r.schedule}  {r.period}  {STATUS_ZH.get(r.status, r.status)}"
                f"  尝试{r.attempts}次  结束 {r.finished or '-'}  进程 {r.pid or '-'}")
        print(line)
        if r.error:
            print(f"    {r.error}{f' [{r.code}]' if r.code else ''}")
    return 0


def _record_install_date(args) -> None:
    """The install date is where catch-up starts for schedules without ``start``."""
    from ..schedule.runner import start_of

    schedules, _ = _load(args)
    _, history = _state(args)
    for s in schedules:
        start_of(s, history, dt.datetime.now(s.tz))


def _install_windows(args, state: Path, folder: Path) -> int:
    """The Task Scheduler task: written (and registered with --apply on Windows), or refused when a
    path holds ``%NAME%``, which Task Scheduler would expand."""
    from ..schedule import install

    if expanded := install.windows_expanded(folder, state):
        print(f"sqmy: 未生成 Windows 任务计划:{'、'.join(expanded)} 中含有“%名称%”,任务计划程序会把它当作环境变量"
              f"替换(且无法转义),任务将在另一个文件夹运行;请把日程文件夹、运行记录文件夹(--state)移到路径中"
              f"没有成对 % 的位置后重新安装 [schedule.windows_percent]", file=sys.stderr)
        return 2
    xml = install.windows_task_xml(folder, state, args.every)
    target = Path(args.out or state / f"{install.install_name(state)}.xml")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(xml, encoding="utf-16")  # what schtasks reads (with its byte-order mark)
    command = install.schtasks_command(target, state)
    print(f"已生成 Windows 任务计划:{target}")
    print("在命令提示符中运行以下命令安装(每30分钟检查一次到期的日程,错过的会在开机后补跑):")
    print("  " + subprocess.list2cmdline(command))
    if args.apply and os.name == "nt":
        done = subprocess.run(command, capture_output=True, text=True)
        print(done.stdout.strip() or done.stderr.strip())
        if done.returncode:
            return 2
    _record_install_date(args)
    return 0


def run_install(args) -> int:
    from ..iorw import write_text
    from ..schedule import install
    from ..schedule.history import state_dir

    state, folder = state_dir(args.state), _folder(args)
    if args.windows:
        return _install_windows(args, state, folder)
    if args.systemd:
        units = install.systemd_units(folder, state, args.every)
        out = Path(args.out) if args.out else (install.systemd_user_folder() if args.apply else None)
        if out is None:
            for name, text in units.items():
                print(f"# {name}\n{text}")
            print("# 加 --out DIR 写出这两个文件,或 --apply 装入当前用户的 systemd(~/.config/systemd/user)", file=sys.stderr)
            return 0
        for name, text in units.items():
            print(f"已生成:{write_text(out / name, text)}")
        timer = next(n for n in units if n.endswith(".timer"))
        if args.apply:
            for cmd in (["systemctl", "--user", "daemon-reload"], ["systemctl", "--user", "enable", "--now", timer]):
                done = subprocess.run(cmd, capture_output=True, text=True) if shutil.which("systemctl") else None
                if done is None or done.returncode:
                    print(f"sqmy: 未能执行 {' '.join(cmd)}:{done.stderr.strip() if done else '本机没有 systemctl'}",
                          file=sys.stderr)
                    return 2
        else:
            print(f"启用:systemctl --user daemon-reload && systemctl --user enable --now {timer}")
        _record_install_date(args)
        return 0
    block = install.cron_block(folder, state, args.every)
    if not args.apply:
        print("\n".join(block))
        print("\n# 加 --apply 写入当前用户的 crontab(只改写上面这一段,原 crontab 先备份到运行记录目录);"
              "运行失败时命令以非零状态退出并输出说明,cron 会发邮件。", file=sys.stderr)
        return 0
    if not shutil.which("crontab"):
        print("\n".join(block))
        print("sqmy: 本机没有 crontab 命令,未写入;请把上面几行手工加入定时任务(或用 --systemd、--windows)。", file=sys.stderr)
        return 2
    kept = install.without_block(install.read_crontab(), state)
    try:
        backup = install.write_crontab(kept + block, state)
    except OSError as exc:
        print(f"sqmy: 写入 crontab 失败:{exc}", file=sys.stderr)
        return 2
    _record_install_date(args)
    print("已写入 crontab:\n" + "\n".join(block) + f"\n原 crontab 已备份到 {backup}")
    return 0


def run_uninstall(args) -> int:
    from ..schedule import install
    from ..schedule.history import state_dir

    state = state_dir(args.state)
    if args.windows:
        print("在命令提示符中运行:schtasks /delete /tn " + subprocess.list2cmdline([f"sqmy\\{install.install_name(state)}"]) + " /f")
        return 0
    if args.systemd:
        folder = install.systemd_user_folder()
        names = list(install.systemd_units(_folder(args), state))
        if shutil.which("systemctl"):
            subprocess.run(["systemctl", "--user", "disable", "--now", names[1]], capture_output=True)
        for name in names:
            if (folder / name).exists():
                (folder / name).unlink()
                print(f"已删除:{folder / name}")
        return 0
    if not shutil.which("crontab"):
        print("sqmy: 本机没有 crontab 命令", file=sys.stderr)
        return 2
    current = install.read_crontab()
    kept = install.without_block(current, state)
    if kept == current:
        print("crontab 中没有本安装的定时检查,无需移除")
        return 0
    try:
        backup = install.write_crontab(kept, state)
    except OSError as exc:
        print(f"sqmy: 写入 crontab 失败:{exc}", file=sys.stderr)
        return 2
    print(f"已从 crontab 移除本安装的定时检查;原 crontab 已备份到 {backup}")
    return 0


def run_init(args) -> int:
    from ..schedule.spec import default_folder, examples_folder

    target = Path(args.folder) if args.folder else default_folder()
    target.mkdir(parents=True, exist_ok=True)
    values = {
        "ledgers": [str(Path(p).resolve()) for p in args.ledgers] if args.ledgers else None,
        "roster": str(Path(args.roster).resolve()) if args.roster else None,
        "offices": [str(Path(args.offices).resolve())] if args.offices else None,
        "output": str(Path(args.output).resolve()) if args.output else None,
        "start": args.start,
    }
    if args.start:
        try:
            dt.date.fromisoformat(args.start)
        except ValueError:
            print(f"sqmy: 参数错误:--start 应为日期,如 2026-01-01,实为 {args.start}", file=sys.stderr)
            return 2
    code = 0
    for example in sorted(examples_folder().glob("*.yaml")):
        path = target / example.name
        if path.exists() and not args.force:
            print(f"sqmy: 已有 {path},未覆盖(加 --force 覆盖)", file=sys.stderr)
            code = 1
            continue
        path.write_text(_filled(example.read_text(encoding="utf-8"), values), encoding="utf-8")
        print(f"已生成:{path}")
    print(f"请按本单位情况修改 {target} 中的日程(台账路径、输出文件夹、时间),"
          f"再运行 sqmy schedule list --schedules {target} 检查。")
    return code


def _filled(text: str, values: dict) -> str:
    """The example with the given paths written in, key by key (comments kept; each key is one line)."""
    import json

    rollup = "report: rollup_circular" in text
    out = []
    for line in text.splitlines():
        if line.startswith("# start:") and values["start"]:
            line = f"start: {values['start']}"
        key = line.split(":", 1)[0] if ":" in line and line[:1] not in " #-" else None
        value = None
        if key == "ledgers":
            value = values["offices"] if rollup else values["ledgers"]
        elif key == "roster" and not rollup:
            value = values["roster"]
        elif key == "output" and values["output"]:
            written = line.split(":", 1)[1].split("#")[0].strip().strip("'\"")
            value = str(Path(values["output"], *Path(written).parts[-2:]))
        # JSON is YAML: a path with spaces, colons or Chinese is written safely quoted.
        out.append(f"{key}: {json.dumps(value, ensure_ascii=False)}" if value is not None else line)
    return "\n".join(out) + "\n"


def run_export(args) -> int:
    from ..iorw import write_text
    from ..schedule.airflow import dag_source
    from ..schedule.history import state_dir

    schedules, code = _load(args)
    text = dag_source(schedules, state_dir(args.state))
    if args.out:
        print(f"已生成:{write_text(args.out, text)}")
    else:
        sys.stdout.write(text)
    return code
