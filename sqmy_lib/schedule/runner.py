"""Run schedules: what is due, catch-up of missed periods, retries, the history, the failure note.

*Due* means: every period whose fire time has passed since the schedule's ``start`` (a key of the
schedule file; by default the day this state folder first saw the schedule) and that has no
successful run in the history. A sweep (``run --due``, what cron calls every half hour) runs them
oldest first, across all schedules, so a machine that was off for a quarter produces the missed
circular on its next sweep, in order. A period that failed (an empty quarter, a missing ledger, a
failing cell) stays due: later sweeps try it again, spaced out (``retry_wait``) so that cron does
not mail the same failure every half hour.

Every period goes through ``run_period``: under the schedule's lock, rows of killed runs are marked
failed and their staging leftovers removed, a ``running`` row is written, the report is produced by
the *runner* (``produce_report``; tests pass a fake one, so the state machine runs in
milliseconds), failing cells are retried with doubling waits, and the row is finished. After the
last failed attempt a short Chinese note, ``运行失败说明.txt``, is written into the output folder.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .._version import __version__
from ..iorw import write_text
from ..period import Period
from ..run.outputs import FAILURE_NOTE, clean_leftovers
from ..zh import shell_word
from .history import FAILED, RUNNING, SKIPPED, SUCCESS, History, Run, now_text, parse_time
from .lock import Busy, schedule_lock
from .spec import Schedule

BUSY, WAITING = "busy", "waiting"
# Failures worth another attempt at once (a cell, a dead kernel, a timeout, a file open in Excel);
# an empty period or a missing ledger waits for the next sweep instead.
RETRY_NOW = ("notebook.failed", "outputs.locked")
FIRST_WAIT = dt.timedelta(minutes=30)
LONGEST_WAIT = dt.timedelta(hours=24)

log = logging.getLogger("sqmy.schedule")
log.addHandler(logging.NullHandler())  # the log file is opened by the command (schedule.log); a library user opts in


@dataclass
class Due:
    """One period of one schedule that has no successful run yet."""

    schedule: Schedule
    fire: dt.datetime
    period: Period
    params: dict
    out_dir: Path
    failures: int = 0  # failed runs of this period so far
    last_failure: dt.datetime | None = None
    last_error: str | None = None

    @property
    def label(self) -> str:
        return self.period.label


@dataclass
class Outcome:
    """What one schedule run did; ``status`` is success / failed / skipped / busy / waiting."""

    schedule: Schedule
    period: str
    status: str
    out_dir: Path
    message: str = ""
    outputs: list[Path] = field(default_factory=list)
    attempts: int = 0
    fire: dt.datetime | None = None
    code: str | None = None
    #: produced, but these rows or files are not in the figures (one Chinese line each; see 校验报告)
    left_out: list[str] = field(default_factory=list)

    @property
    def check_report(self) -> Path | None:
        """The 校验报告 among the outputs (where staff see each row left out and why), if written."""
        from ..render.check_report import REPORT_TXT

        return next((p for p in self.outputs if Path(p).name == REPORT_TXT), None)


def retry_base() -> float:
    """Seconds before the first retry (doubling after that); ``SQMY_RETRY_BASE`` makes it tiny in tests."""
    try:
        return float(os.environ.get("SQMY_RETRY_BASE", "2"))
    except ValueError:
        return 2.0


def default_runner(kind, params, out_dir, **options):
    """The real runner: the library's report pipeline, on the ledgers read and checked here, once (as
    ``sqmy circular`` and ``sqmy run`` do), so what the figures leave out is known to the run and
    said by it (``RunResult.left_out``), not only written in the 校验报告."""
    from ..run.pipeline import ReportFailed, produce_report

    from ..read.isolate import ReadDeadlinePassed, read_deadline

    started, limit = time.monotonic(), options.get("timeout")
    # The schedule's time limit bounds the run, and reading the ledgers here, before the notebook, is
    # part of it (a share of hundreds of ledgers on a slow network drive): the readers are stopped once it
    # passes, and the run failed, tried again.
    try:
        with read_deadline(limit):
            ledger, report, left_out = _read_for_run(kind, params)
    except ReadDeadlinePassed as stopped:
        raise ReportFailed(f"读取台账超时:超过日程设定的时限 {limit} 秒(timeout)时只读完 {stopped.read}/{stopped.total} 个文件",
                           "notebook.failed") from None
    spent = time.monotonic() - started
    if ledger is not None and limit and spent > limit:
        raise ReportFailed(f"读取台账超时:用时 {spent:.0f} 秒,超过日程设定的时限 {limit} 秒(timeout)", "notebook.failed")
    if ledger is not None:
        options.update(ledger=ledger, report=report)
        if kind.name == "quarterly_circular":  # its 校验报告 stays among its outputs
            params = {**params, "check_report": True}
    result = produce_report(kind, params, out_dir, **options)
    result.left_out = left_out
    return result


def _read_for_run(kind, params: dict):
    """(ledger, report, left_out) of one office's ledgers; (None, None, []) for a roll-up (its tree is
    read by its notebook, office by office) or inputs ``produce_report`` refuses in its own words."""
    from ..cli.reports import _read_for
    from ..cli.validate import _left_out

    if kind.name == "rollup_circular":
        return None, None, []
    ledger, report = _read_for(kind, params)
    if ledger is None:
        return None, None, []
    return ledger, report, _left_out(ledger, params.get("rules"), params.get("year"))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _input_digests(params: dict) -> dict[str, str]:
    """SHA-256 of every ledger, the roster and the rules file as they were when the run started."""
    from ..read.ledger import discover

    try:
        paths = discover([p for p in params.get("ledgers", []) if Path(p).exists()])
    except (OSError, ValueError):
        paths = []
    paths += [Path(p) for p in (params.get("roster"), params.get("rules")) if p]
    digests = {}
    for p in dict.fromkeys(paths):
        try:
            if p.is_file():
                digests[str(p)] = sha256(p)
        except OSError:
            continue
    return digests


def _rules_version(params: dict) -> str | None:
    from ..rules import load_rules

    try:
        return load_rules(params.get("rules"), year=int(params["year"])).version
    except Exception:  # an unusable rules file fails the run itself, with its own message; here only no version
        return None


def start_of(schedule: Schedule, history: History, now: dt.datetime, record: bool = True) -> dt.datetime:
    """Where catch-up begins: the schedule's ``start``, else the day this state folder first saw it
    (the install date; recorded the first time a runner or ``install`` asks)."""
    if schedule.start is not None:
        return schedule.start
    today = now.astimezone(schedule.tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return history.start_of(schedule.name, today, record=record)


def due(schedule: Schedule, history: History, now: dt.datetime, record: bool = True) -> list[Due]:
    """Every period of ``schedule`` fired since its start, up to ``now``, with no success; oldest first."""
    runs = history.runs(schedule.name)
    produced = {r.period for r in runs if r.status == SUCCESS}
    out = []
    for fire, period in schedule.periods_between(start_of(schedule, history, now, record), now):
        if period.label in produced:
            continue
        params, period, out_dir = schedule.resolve(fire)
        failed = [r for r in runs if r.period == period.label and r.status == FAILED]
        last = failed[-1] if failed else None
        out.append(Due(schedule, fire, period, params, out_dir, len(failed),
                       parse_time(last.finished) if last else None, last.error if last else None))
    return out


def retry_wait(failures: int) -> dt.timedelta:
    """How long a period that failed ``failures`` times waits before a sweep tries it again."""
    return min(LONGEST_WAIT, FIRST_WAIT * 2 ** max(0, failures - 1))


def ready(item: Due, now: dt.datetime) -> bool:
    """Whether a sweep at ``now`` runs ``item`` (a period that failed waits ``retry_wait``)."""
    return item.last_failure is None or now >= item.last_failure + retry_wait(item.failures)


def due_all(schedules: list[Schedule], history: History, now: dt.datetime, record: bool = True) -> list[Due]:
    """Every due period of every schedule, oldest fire first."""
    return sorted((d for s in schedules for d in due(s, history, now, record)), key=lambda d: d.fire)


def run_due(schedules: list[Schedule], history: History, state: Path, now: dt.datetime,
            runner: Callable = default_runner, sleep: Callable[[float], None] = time.sleep) -> list[Outcome]:
    """A sweep: run every due period that is ready, oldest first; the others are reported as waiting."""
    outcomes = []
    for item in due_all(schedules, history, now):
        if not ready(item, now):
            outcomes.append(Outcome(item.schedule, item.label, WAITING, item.out_dir,
                                    f"上次失败于 {item.last_failure:%Y-%m-%d %H:%M},"
                                    f"{item.last_failure + retry_wait(item.failures):%Y-%m-%d %H:%M} 后再试",
                                    fire=item.fire))
            continue
        outcomes.append(run_period(item, history, state, now, runner=runner, sleep=sleep))
    return outcomes


def latest(schedule: Schedule, history: History, now: dt.datetime) -> Due:
    """The period of the most recent fire at or before ``now`` (what ``schedule run NAME`` runs)."""
    fire = schedule.previous_fire(now)
    params, period, out_dir = schedule.resolve(fire)
    return Due(schedule, fire, period, params, out_dir)


def run_period(item: Due, history: History, state: Path, now: dt.datetime, force: bool = False,
               record_skip: bool = False, runner: Callable = default_runner,
               sleep: Callable[[float], None] = time.sleep, backoff: float | None = None) -> Outcome:
    """Produce one period of one schedule (see the module docstring)."""
    schedule = item.schedule
    offset = _offset(now)
    try:
        with schedule_lock(state, schedule.name):
            for stale in history.interrupted(schedule.name, ",已标记为失败", now_text(schedule.tz, offset)):
                log.warning("%s %s:上次运行(进程 %s)中断,已标记为失败", schedule.name, stale.period, stale.pid)
                if stale.out_dir:
                    clean_leftovers(Path(stale.out_dir).parent)
            if not force and history.succeeded(schedule.name, item.label):
                if record_skip:
                    history.add(Run(schedule.name, item.label, now_text(schedule.tz, offset), SKIPPED,
                                    fire_time=item.fire.isoformat(timespec="seconds"),
                                    finished=now_text(schedule.tz, offset),
                                    library_version=__version__, out_dir=str(item.out_dir)))
                return Outcome(schedule, item.label, SKIPPED, item.out_dir,
                               "已成功生成过,跳过(如需重新生成请加 --force)", fire=item.fire)
            return _attempts(item, history, now, offset, runner, sleep, retry_base() if backoff is None else backoff)
    except Busy:
        return Outcome(schedule, item.label, BUSY, item.out_dir, "已有运行中的任务,本次不运行", fire=item.fire)
    except OSError as exc:  # the lock file cannot be made (a folder of that name, no permission)
        return Outcome(schedule, item.label, FAILED, item.out_dir,
                       f"无法使用锁文件 {Path(state) / (schedule.name + '.lock')}({exc.strerror or exc})",
                       fire=item.fire, code="state.unusable")


def _offset(now: dt.datetime) -> dt.timedelta:
    """How far the run's "now" is from the clock (zero for a real run; a test or ``--now`` moves it), so
    the history's times follow the run's own clock and the retry spacing works in either."""
    shift = now - dt.datetime.now(now.tzinfo)
    return shift if abs(shift) > dt.timedelta(minutes=1) else dt.timedelta(0)


def _attempts(item: Due, history: History, now: dt.datetime, offset: dt.timedelta, runner: Callable,
              sleep: Callable[[float], None], backoff: float) -> Outcome:
    from ..run.pipeline import ReportFailed

    schedule, kind = item.schedule, item.schedule.kind
    params = {k: v for k, v in item.params.items() if v is not None}
    # The run's "today" is the run time, so re-running with --now reproduces the same figures.
    params.setdefault("today", now.astimezone(schedule.tz).date().isoformat())
    run = Run(schedule.name, item.label, now_text(schedule.tz, offset), RUNNING,
              fire_time=item.fire.isoformat(timespec="seconds"), inputs=_input_digests(params),
              rules_version=_rules_version(params), library_version=__version__, out_dir=str(item.out_dir))
    history.begin(run)
    log.info("%s %s:开始(计划时间 %s,进程 %s)", schedule.name, item.label, run.fire_time, run.pid)
    # nbclient takes whole seconds; 0 would mean "no limit", so anything positive is at least 1 s.
    timeout = max(1, math.ceil(schedule.timeout)) if schedule.timeout else None
    attempt = 0
    while True:
        attempt += 1
        run.attempts = attempt
        try:
            result = runner(kind, params, item.out_dir, timeout=timeout, allow_empty=schedule.allow_empty)
        except ReportFailed as exc:
            if exc.code in RETRY_NOW and attempt <= schedule.retries:
                log.info("%s %s:第%d次尝试失败,稍后重试:%s", schedule.name, item.label, attempt, exc.message)
                sleep(backoff * 2 ** (attempt - 1))
                continue
            return _failed(item, history, run, offset, exc.message, exc.code, exc.notebook)
        except Exception as exc:  # never leave a "running" row behind for an error of our own
            return _failed(item, history, run, offset, f"意外错误({type(exc).__name__}):{exc}", "run.error", None)
        break
    # A success supersedes an earlier failure note of the same period.
    (item.out_dir / FAILURE_NOTE).unlink(missing_ok=True)
    run.status, run.finished, run.error, run.code = SUCCESS, now_text(schedule.tz, offset), None, None
    run.outputs = {str(p): sha256(p) for p in result.outputs}
    history.finish(run)
    log.info("%s %s:成功(第%d次尝试),输出 %d 个文件到 %s", schedule.name, item.label, attempt,
             len(result.outputs), item.out_dir)
    left_out = list(getattr(result, "left_out", None) or [])
    for line in left_out:
        log.warning("%s %s:因有错误未计入统计:%s [run.left_out]", schedule.name, item.label, line)
    return Outcome(schedule, item.label, SUCCESS, item.out_dir, f"已生成{item.label}的{kind.name_zh}",
                   list(result.outputs), attempt, item.fire, left_out=left_out)


def _failed(item: Due, history: History, run: Run, offset: dt.timedelta, message: str, code: str,
            notebook: Path | None) -> Outcome:
    schedule, kind = item.schedule, item.schedule.kind
    note = _write_failure_note(item, message, code, notebook, run.attempts, history.folder)
    run.status, run.finished, run.error, run.code = FAILED, now_text(schedule.tz, offset), message, code
    history.finish(run)
    log.error("%s %s:失败(共尝试%d次)[%s] %s", schedule.name, item.label, run.attempts, code, message)
    text = f"{kind.name_zh}生成失败(共尝试{run.attempts}次):{message} [{code}]" + (f";说明见 {note}" if note else "")
    return Outcome(schedule, item.label, FAILED, item.out_dir, text, [note] if note else [], run.attempts, item.fire, code)


def _write_failure_note(item: Due, message: str, code: str, notebook: Path | None, attempts: int,
                        state: Path) -> Path | None:
    """The note staff (and cron's mail) read: what failed, when, why, where to look, what was kept."""
    schedule = item.schedule
    lines = [
        f"{schedule.kind.name_zh}定时生成失败",
        "",
        f"日程:{schedule.name}({schedule.path})",
        f"期间:{item.label}",
        f"计划时间:{item.fire.astimezone(schedule.tz):%Y-%m-%d %H:%M}({schedule.timezone})",
        f"失败时间:{dt.datetime.now(schedule.tz):%Y-%m-%d %H:%M:%S}({schedule.timezone})",
        f"尝试次数:{attempts}",
        f"错误:{message}",
        f"错误代码:{code}",
        f"出错的笔记本:{notebook or '(未生成)'}",
        "",
        "此前生成的文件未改动。修正问题后,下次定时检查会自动重新生成;",
        # The folders the installed job names: run as written, ``sqmy schedule run NAME`` looked in the
        # default folder, and would have made the latest period, not this one.
        "也可以立即手工补跑(重新生成到期而未成功的各期,包括本期):",
        f"  sqmy schedule run --due --schedules {shell_word(str(Path(schedule.path).parent))} --state {shell_word(str(state))}",
    ]
    try:
        return write_text(item.out_dir / FAILURE_NOTE, "\n".join(lines) + "\n")
    except OSError:  # an output folder that cannot be written: the history and the exit code still say it
        return None
