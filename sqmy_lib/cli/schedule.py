"""``sqmy schedule``: list, run, inspect, install and export the scheduled report runs.

The schedule modules are imported inside the commands: they import the report
definitions from this package, and a plain ``sqmy validate`` should not pay for
croniter and SQLite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

CRON_MARK = "# sqmy schedule run --due"


def register(sub) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--schedules", metavar="DIR", help="日程文件夹(默认仓库的 schedules/,或环境变量 SQMY_SCHEDULES)")
    common.add_argument("--state", metavar="DIR", help="运行记录与锁文件的目录(默认 SQMY_STATE 或 ~/.local/state/sqmy)")

    p = sub.add_parser("schedule", help="定时生成通报与表彰:查看、运行、运行记录、安装 crontab、导出 Airflow")
    actions = p.add_subparsers(dest="action", parser_class=type(p), metavar="操作")

    a = actions.add_parser("list", parents=[common], help="列出日程及下次运行时间")
    a.add_argument("--now", metavar="DATETIME", help="以此时间为“现在”(ISO 格式,默认按日程时区)")
    a.set_defaults(run=run_list)

    a = actions.add_parser("run", parents=[common], help="运行到期的日程(已成功生成的期间跳过)")
    a.add_argument("name", nargs="?", metavar="NAME", help="日程名称(文件名,不含 .yaml)")
    a.add_argument("--due", action="store_true", help="检查所有日程,运行到期的(供 crontab 调用)")
    a.add_argument("--now", metavar="DATETIME", help="以此时间为“现在”(ISO 格式,如 2025-10-06T09:00)")
    a.add_argument("--force", action="store_true", help="即使该期间已成功生成,也重新生成")
    a.set_defaults(run=run_run)

    a = actions.add_parser("status", parents=[common], help="各日程最近一次运行的结果与输出")
    a.set_defaults(run=run_status)

    a = actions.add_parser("install", parents=[common], help="显示(或用 --apply 写入)调用 run --due 的 crontab 行")
    a.add_argument("--apply", action="store_true", help="写入当前用户的 crontab")
    a.add_argument("--every", type=int, default=30, metavar="MINUTES", help="检查间隔分钟数(默认30)")
    a.set_defaults(run=run_install)

    a = actions.add_parser("export", parents=[common], help="导出为 Airflow DAG 文件")
    a.add_argument("--airflow", action="store_true", required=True, help="导出 Airflow DAG(PapermillOperator)")
    a.add_argument("--out", metavar="FILE", help="写入此文件(默认输出到屏幕)")
    a.set_defaults(run=run_export)

    p.set_defaults(run=lambda args: p.print_help() or 2)


def _folder(args) -> Path:
    from ..schedule.spec import default_folder

    return Path(args.schedules or os.environ.get("SQMY_SCHEDULES") or default_folder())


def _schedules(args):
    from ..schedule import load_schedules

    return load_schedules(_folder(args))


def _now(args, tz) -> dt.datetime:
    """``--now`` (naive means the schedule's timezone) or the current time."""
    if not getattr(args, "now", None):
        return dt.datetime.now(tz)
    try:
        when = dt.datetime.fromisoformat(args.now)
    except ValueError:
        raise ValueError(f"--now 应为 ISO 格式的日期时间(如 2025-10-06T09:00),实为 {args.now}") from None
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def _kind_zh(schedule) -> str:
    from ..schedule.runner import KINDS

    return KINDS[schedule.report].name_zh


def run_list(args) -> int:
    from ..schedule import ScheduleError

    try:
        schedules = _schedules(args)
    except ScheduleError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    if not schedules:
        print(f"{_folder(args)} 中没有日程文件")
    for s in schedules:
        now = _now(args, s.tz)
        print(f"{s.name}  {_kind_zh(s)}  cron「{s.cron}」({s.timezone})")
        fire = s.next_fire(now)
        _, period, out_dir = s.resolve(fire)
        print(f"  下次运行:{fire:%Y-%m-%d %H:%M}({s.timezone}),生成{period.label},输出到 {out_dir}")
        print(f"  重试:{s.retries}次  超时:{s.timeout or '不限'}秒/单元格  日程文件:{s.path}")
    return 0


def run_run(args) -> int:
    from ..schedule import ScheduleError
    from ..schedule.history import FAILED, SUCCESS, History, state_dir
    from ..schedule.runner import BUSY, run_schedule

    if not args.name and not args.due:
        print("sqmy: 参数错误:请指定日程名称,或用 --due 运行所有到期的日程", file=sys.stderr)
        return 2
    try:
        schedules = _schedules(args)
    except ScheduleError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    if args.name:
        schedules = [s for s in schedules if s.name == args.name]
        if not schedules:
            print(f"sqmy: 找不到日程 {args.name}(在 {_folder(args)} 中)", file=sys.stderr)
            return 2
    state = state_dir(args.state)
    history = History(state)
    code = 0
    for s in schedules:
        # A --due sweep every half hour records nothing and prints nothing when there is nothing to do,
        # so the history stays readable and cron mails only when something happened.
        outcome = run_schedule(s, history, state, _now(args, s.tz), force=args.force, record_skip=not args.due)
        if outcome.status == SUCCESS:
            print(f"{s.name}:{outcome.message}(第{outcome.attempts}次尝试)")
            for path in outcome.outputs:
                print(f"  已生成:{path}")
        elif outcome.status == FAILED:
            print(f"sqmy: {s.name}:{outcome.message}", file=sys.stderr)
            code = 1
        elif outcome.status == BUSY or not args.due:
            print(f"{s.name}:{outcome.period}{outcome.message}")
    return code


def run_status(args) -> int:
    from ..schedule import ScheduleError
    from ..schedule.history import STATUS_ZH, SUCCESS, History, state_dir

    history = History(state_dir(args.state))
    try:
        names = [s.name for s in _schedules(args)]
    except ScheduleError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        names = []
    # Schedules removed from the folder still have a history worth showing.
    names += [r.schedule for r in history.runs() if r.schedule not in names]
    for name in dict.fromkeys(names):
        last = history.last(name)
        if last is None:
            print(f"{name}:尚未运行")
            continue
        print(f"{name}:{last.period} {STATUS_ZH.get(last.status, last.status)}"
              f"(开始 {last.started},结束 {last.finished or '-'},尝试 {last.attempts} 次)")
        if last.error:
            print(f"  错误:{last.error}")
        good = last if last.status == SUCCESS else history.last(name, SUCCESS)
        if good is not None:
            if good is not last:
                print(f"  最近一次成功:{good.period}(结束 {good.finished})")
            print(f"  输出({good.out_dir}):")
            for path in good.outputs or {}:
                print(f"    {path}")
    return 0


def cron_lines(args) -> list[str]:
    """The crontab lines: CRON_TZ, then ``sqmy schedule run --due`` every N minutes."""
    from ..schedule.history import state_dir
    from ..schedule.spec import DEFAULT_TIMEZONE

    command = [sys.executable, "-m", "sqmy_lib", "schedule", "run", "--due",
               "--schedules", str(_folder(args).resolve()), "--state", str(state_dir(args.state))]
    every = max(1, min(59, args.every))
    return [CRON_MARK, f"CRON_TZ={DEFAULT_TIMEZONE}", f"*/{every} * * * * {shlex.join(command)}"]


def run_install(args) -> int:
    lines = cron_lines(args)
    if not args.apply:
        print("\n".join(lines))
        print("\n# 加 --apply 写入当前用户的 crontab;运行失败时命令以非零状态退出并输出说明,cron 会发邮件。",
              file=sys.stderr)
        return 0
    if not shutil.which("crontab"):
        print("\n".join(lines))
        print("sqmy: 本机没有 crontab 命令,未写入;请把上面几行手工加入定时任务。", file=sys.stderr)
        return 0
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    kept = current.stdout.splitlines() if current.returncode == 0 else []
    # Replace our earlier lines rather than adding a second copy.
    skip = set(lines[:2])
    kept = [line for line in kept if line not in skip and "schedule run --due" not in line]
    new = "\n".join(kept + lines) + "\n"
    done = subprocess.run(["crontab", "-"], input=new, text=True, capture_output=True)
    if done.returncode != 0:
        print(f"sqmy: 写入 crontab 失败:{done.stderr.strip()}", file=sys.stderr)
        return 2
    print("已写入 crontab:\n" + "\n".join(lines))
    return 0


def run_export(args) -> int:
    from ..iorw import write_text
    from ..schedule import ScheduleError
    from ..schedule.airflow import dag_source

    try:
        text = dag_source(_schedules(args))
    except ScheduleError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    if args.out:
        print(f"已生成:{write_text(args.out, text)}")
    else:
        sys.stdout.write(text)
    return 0
