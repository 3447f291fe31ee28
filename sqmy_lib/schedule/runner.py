"""Run a schedule: find the period that is due, skip it if already produced, retry, record, explain failures.

"Due" means the most recent cron fire time at or before *now*; its period is
run unless a successful run of that period is already in the history (``force``
runs it again). Every attempt goes through ``run_report``, so outputs are staged
and moved into place only on success: a failure never touches the last good
outputs. After the last failed attempt a short Chinese note,
``运行失败说明.txt``, is written into the output folder for whoever opens it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .._version import __version__
from ..period import number_in
from ..run.reports import CIRCULAR, COMMENDATION, ROLLUP
from ..iorw import write_text
from ..run import NotebookFailed, run_report
from ..run.notebooks import notebook_path
from .history import FAILED, SKIPPED, SUCCESS, History, Run
from .lock import Busy, schedule_lock
from .spec import Schedule

FAILURE_NOTE = "运行失败说明.txt"
BUSY = "busy"
KINDS = {"quarterly_circular": CIRCULAR, "annual_commendation": COMMENDATION, "rollup_circular": ROLLUP}


@dataclass
class Outcome:
    """What one schedule run did; ``status`` is success / failed / skipped / busy."""

    schedule: Schedule
    period: str
    status: str
    out_dir: Path
    message: str = ""
    outputs: list[Path] = field(default_factory=list)
    attempts: int = 0


def retry_base() -> float:
    """Seconds before the first retry (doubling after that); ``SQMY_RETRY_BASE`` makes it tiny in tests."""
    try:
        return float(os.environ.get("SQMY_RETRY_BASE", "2"))
    except ValueError:
        return 2.0


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _input_digests(params: dict) -> dict[str, str]:
    """SHA-256 of every ledger, the roster and the rules file as they were when the run started."""
    from ..read.ledger import discover

    paths = discover(params["ledgers"]) + [Path(p) for p in (params.get("roster"), params.get("rules")) if p]
    return {str(p): sha256(p) for p in dict.fromkeys(paths) if p.is_file()}


def _rules_version(params: dict) -> str | None:
    from ..rules import load_rules

    try:
        return load_rules(params.get("rules"), year=int(params["year"])).version
    except Exception:  # an unreadable rules file fails the notebook too; the history just has no version
        return None


def _timestamp(when: dt.datetime | None = None, tz=None) -> str:
    return (when or dt.datetime.now(tz)).isoformat(timespec="seconds")


def _write_failure_note(schedule: Schedule, period: str, fire: dt.datetime, out_dir: Path,
                        exc: NotebookFailed, attempts: int) -> Path:
    """The note staff (and cron's mail) read: what failed, when, why, where to look, what was kept."""
    kind = KINDS[schedule.report]
    lines = [
        f"{kind.name_zh}定时生成失败",
        "",
        f"日程:{schedule.name}({schedule.path})",
        f"期间:{period}",
        f"计划时间:{fire.astimezone(schedule.tz):%Y-%m-%d %H:%M}({schedule.timezone})",
        f"失败时间:{dt.datetime.now(schedule.tz):%Y-%m-%d %H:%M:%S}({schedule.timezone})",
        f"尝试次数:{attempts}",
        f"错误:{exc.message}",
        f"出错的笔记本:{exc.notebook or '(未生成)'}",
        "",
        "此前生成的文件未改动。修正问题后,下次定时检查会自动重新生成;",
        f"也可以立即手工运行:sqmy schedule run {schedule.name}",
    ]
    return write_text(out_dir / FAILURE_NOTE, "\n".join(lines) + "\n")


def run_schedule(schedule: Schedule, history: History, state: Path, now: dt.datetime, force: bool = False,
                 record_skip: bool = True, sleep: Callable[[float], None] = time.sleep,
                 backoff: float | None = None) -> Outcome:
    """Run the period of ``schedule`` due at ``now`` (see the module docstring)."""
    fire = schedule.previous_fire(now)
    params, period, out_dir = schedule.resolve(fire)
    params["year"] = period.year
    every = {1: "month", 6: "half"}.get(period.months, "quarter")  # a monthly or half-year circular too
    if every != "quarter" or schedule.report == "quarterly_circular" or params.get("quarter") is not None:
        params[every] = number_in(period, every)
    # A notebook defaults every parameter it has; one it does not have (a roll-up has no roster) is not passed.
    params = {k: v for k, v in params.items() if v is not None}
    # The run's "today" is the run time, so re-running with --now reproduces the same figures.
    params.setdefault("today", now.astimezone(schedule.tz).date().isoformat())
    label = period.label
    try:
        with schedule_lock(state, schedule.name):
            if not force and history.succeeded(schedule.name, label):
                if record_skip:
                    history.add(Run(schedule.name, label, _timestamp(tz=schedule.tz), SKIPPED, fire_time=_timestamp(fire),
                                    finished=_timestamp(tz=schedule.tz), library_version=__version__,
                                    out_dir=str(out_dir)))
                return Outcome(schedule, label, SKIPPED, out_dir, "已成功生成过,跳过(如需重新生成请加 --force)")
            return _run_with_retries(schedule, history, fire, params, label, out_dir, sleep,
                                     retry_base() if backoff is None else backoff)
    except Busy:
        return Outcome(schedule, label, BUSY, out_dir, "已有运行中的任务,本次不运行")


def _run_with_retries(schedule: Schedule, history: History, fire: dt.datetime, params: dict, label: str,
                      out_dir: Path, sleep: Callable[[float], None], backoff: float) -> Outcome:
    kind = KINDS[schedule.report]
    stem = kind.stem(argparse.Namespace(year=params["year"], **{k: params.get(k) for k in ("quarter", "month", "half")}))
    started = _timestamp(tz=schedule.tz)
    run = Run(schedule.name, label, started, FAILED, fire_time=_timestamp(fire), inputs=_input_digests(params),
              rules_version=_rules_version(params), library_version=__version__, out_dir=str(out_dir))
    # nbclient takes whole seconds; 0 would mean "no limit", so anything positive is at least 1 s.
    timeout = max(1, math.ceil(schedule.timeout)) if schedule.timeout else None
    for attempt in range(1, schedule.retries + 2):
        run.attempts = attempt
        try:
            result = run_report(notebook_path(kind.notebook), params, out_dir, stem, title=stem, timeout=timeout)
        except NotebookFailed as exc:  # a failing cell, a dead kernel or a timeout
            if attempt <= schedule.retries:
                sleep(backoff * 2 ** (attempt - 1))
                continue
            note = _write_failure_note(schedule, label, fire, out_dir, exc, attempt)
            run.finished, run.error = _timestamp(tz=schedule.tz), exc.message
            history.add(run)
            message = f"{kind.name_zh}生成失败(共尝试{attempt}次):{exc.message};说明见 {note}"
            return Outcome(schedule, label, FAILED, out_dir, message, [note], attempt)
        # A success supersedes an earlier failure note of the same period.
        (out_dir / FAILURE_NOTE).unlink(missing_ok=True)
        run.status, run.finished = SUCCESS, _timestamp(tz=schedule.tz)
        run.outputs = {str(p): sha256(p) for p in result.outputs}
        history.add(run)
        return Outcome(schedule, label, SUCCESS, out_dir, f"已生成{label}的{kind.name_zh}", result.outputs, attempt)
    raise AssertionError("unreachable")  # the loop always returns
