"""Schedule files: which report, with which parameters, when, since when, and where its outputs go.

A schedule is a small YAML file, read by ``configfile`` (size, anchors, nesting, numbers guarded;
``yaml.safe_load``) and checked against ``SCHEMA``; every problem names the file, the key and the
line in Chinese. Values may contain period placeholders such as ``{last_quarter.year}``; they are
filled in by plain name lookup (see ``fill``), never evaluated. Relative paths are resolved against
the folder of the schedule file, so a schedule works from any working directory.

A schedule fires at its cron times; each fire stands for one period (the quarter or year just
ended). ``periods_between`` lists, oldest first, every period that fired in a span: the catch-up of
the runner is built on it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import CroniterBadDateError, croniter

from .. import configfile
from ..configfile import ConfigError, ConfigProblem
from ..kinds import KINDS, report_kind
from ..period import Period, last_ended, number_in

DEFAULT_TIMEZONE = "Asia/Shanghai"
REPORTS = tuple(KINDS)
# The names a placeholder may use; anything else is an error, never a lookup of arbitrary attributes.
PLACEHOLDERS = ("last_quarter.year", "last_quarter.quarter", "last_month.year", "last_month.month", "last_half.year",
                "last_half.half", "last_year", "year", "period", "name")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
_DATE = r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?$"

_PATH = {"type": "string", "minLength": 1, "maxLength": 4096}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["report", "cron", "ledgers", "output"],
    "x-required-note": {"output": "(应为输出目录,可含 {period},如 out/通报/{period})",
                        "ledgers": "(应为台账文件或文件夹的路径)"},
    "properties": {
        "description": {"type": "string", "maxLength": 500},
        "report": {"enum": list(REPORTS)},
        "cron": {"type": "string", "minLength": 1, "maxLength": 200},
        "timezone": {"type": ["string", "null"], "maxLength": 100},
        "start": {"type": ["string", "null"], "pattern": _DATE,
                  "x-message": "应为日期,如 2026-01-01(从这一天起补跑错过的期间),实为 {value}"},
        "parameters": {
            "type": ["object", "null"], "maxProperties": 20,
            "properties": {
                "year": {"type": ["integer", "string"], "minimum": 2000, "maximum": 2100, "maxLength": 100},
                "quarter": {"type": ["integer", "string", "null"], "minimum": 1, "maximum": 4, "maxLength": 100},
                "month": {"type": ["integer", "string", "null"], "minimum": 1, "maximum": 12, "maxLength": 100},
                "half": {"type": ["integer", "string", "null"], "minimum": 1, "maximum": 2, "maxLength": 100},
                "office": {"type": ["string", "null"], "maxLength": 100},
                "level": {"type": ["string", "null"], "maxLength": 20},
                "today": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$",
                          "x-message": "应为日期,如 2026-01-05(统计截止日),实为 {value}"},
            },
            "additionalProperties": False,
        },
        "ledgers": {"anyOf": [_PATH, {"type": "array", "items": _PATH, "minItems": 1, "maxItems": 1000}],
                    "x-message": "应为台账文件或文件夹的路径(一个或一组),实为 {value}"},
        "roster": {"type": ["string", "null"], "maxLength": 4096},
        "rules": {"type": ["string", "null"], "maxLength": 4096},
        "output": _PATH,
        "timeout": {"type": ["number", "null"], "exclusiveMinimum": 0, "maximum": 86400,
                    "x-message": "应为正数(每个单元格的秒数,至多 86400),实为 {value}"},
        "retries": {"type": "integer", "minimum": 0, "maximum": 10},
        "allow_empty": {"type": "boolean"},
    },
}


class ScheduleError(ConfigError):
    """A schedule file that cannot be used; the message names the file, the key and the line."""

    def __init__(self, problems, source: str = ""):
        super().__init__(problems, source, "日程文件")


@dataclass(frozen=True)
class Schedule:
    """One checked schedule file; paths are absolute, placeholders still unfilled."""

    name: str
    path: Path
    report: str
    cron: str
    timezone: str
    output: str
    ledgers: list[str]
    roster: str | None = None
    rules: str | None = None
    parameters: dict = field(default_factory=dict)
    timeout: float | None = None
    retries: int = 0
    description: str = ""
    start: dt.datetime | None = None  # catch up on periods fired from here on (None: since the install date)
    allow_empty: bool = False

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def kind(self):
        return report_kind(self.report)

    def previous_fire(self, now: dt.datetime) -> dt.datetime:
        """The most recent fire time at or before ``now`` (cron has minute resolution, hence +1 s)."""
        return croniter(self.cron, now.astimezone(self.tz) + dt.timedelta(seconds=1)).get_prev(dt.datetime)

    def next_fire(self, now: dt.datetime) -> dt.datetime:
        return croniter(self.cron, now.astimezone(self.tz)).get_next(dt.datetime)

    def names(self, fire: dt.datetime) -> dict:
        """Placeholder values for a run fired at ``fire``: the quarter and year that had just ended."""
        local = fire.astimezone(self.tz)
        names = {"last_year": local.year - 1, "year": local.year, "name": self.name}
        # The quarter, month and half that had just ended (monthly and half-year circulars: periods.circular).
        for every in ("quarter", "month", "half"):
            ended = last_ended(local.year, every, local.date()) or last_ended(local.year - 1, every, local.date())
            names[f"last_{every}.year"] = ended.year
            names[f"last_{every}.{every}"] = number_in(ended, every)
        params = {k: fill(v, names, self.path, f"parameters.{k}") for k, v in self.parameters.items()}
        names["period"] = self._period(params).label
        return names

    def _period(self, params: dict) -> Period:
        try:
            return self.kind.period(params["year"], params.get("quarter"), params.get("month"), params.get("half"))
        except KeyError:
            raise ScheduleError([ConfigProblem("parameters.year", "缺少必填项")], str(self.path)) from None
        except (TypeError, ValueError) as exc:
            raise ScheduleError([ConfigProblem("parameters", f"year/quarter 不是有效的年度或季度:{exc}")],
                                str(self.path)) from None

    def resolve(self, fire: dt.datetime) -> tuple[dict, Period, Path]:
        """Notebook parameters (the period as ``year``/``quarter``), the period and the output folder
        of the run fired at ``fire``."""
        names = self.names(fire)
        params = {k: fill(v, names, self.path, f"parameters.{k}") for k, v in self.parameters.items()}
        period = self._period(params)
        params.update(self.kind.parameters(period))
        params.update(ledgers=list(self.ledgers), roster=self.roster, rules=self.rules)
        out_dir = _absolute(str(fill(self.output, names, self.path, "output")), self.path)
        return params, period, Path(out_dir)

    def periods_between(self, since: dt.datetime, until: dt.datetime) -> list[tuple[dt.datetime, Period]]:
        """Every period that fired in ``[since, until]``, with its first fire time, oldest first.

        The placeholders depend only on the calendar month of the fire, so every fire in one month
        stands for the same period: one cron step per month, however often the cron fires.
        """
        found: dict[str, tuple[dt.datetime, Period]] = {}
        at = since.astimezone(self.tz)
        until = until.astimezone(self.tz)
        while at <= until:
            fire = croniter(self.cron, at - dt.timedelta(seconds=1)).get_next(dt.datetime)
            if fire > until:
                break
            _, period, _ = self.resolve(fire)
            found.setdefault(period.key, (fire, period))
            # The next month's first day: every fire in one month stands for one period (monthly
            # circulars), and a quarterly one's later fires in its quarter fold into it by its key.
            at = (dt.datetime(fire.year, fire.month, 1, tzinfo=self.tz) + dt.timedelta(days=32)).replace(day=1)
        return sorted(found.values(), key=lambda fp: fp[0])


def fill(value, names: dict, source: Path, key: str):
    """Replace ``{name}`` placeholders with known values; a value that is one placeholder keeps its type."""
    if not isinstance(value, str):
        return value

    def lookup(name: str):
        if name not in names:
            raise ScheduleError([ConfigProblem(key, f"用了未知的占位符 {{{name}}}"
                                                    f"(可用:{'、'.join('{' + n + '}' for n in PLACEHOLDERS)})")],
                                str(source))
        return names[name]

    whole = _PLACEHOLDER.fullmatch(value)
    if whole:
        return lookup(whole.group(1))
    return _PLACEHOLDER.sub(lambda m: str(lookup(m.group(1))), value)


def _absolute(path: str, source: Path) -> str:
    p = Path(path).expanduser()
    return str(p if p.is_absolute() else (source.parent / p).resolve())


def _start(value, tz: ZoneInfo) -> dt.datetime | None:
    if value is None:
        return None
    when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return when.replace(tzinfo=tz) if when.tzinfo is None else when


def _semantic_problems(data: dict) -> list[tuple[tuple[str, ...], str]]:
    """What a schema cannot say: a cron that parses and can fire, a known time zone, the quarter a circular needs."""
    out = []
    cron = data.get("cron")
    if isinstance(cron, str):
        if not croniter.is_valid(cron):
            out.append((("cron",), f"不是有效的 cron 表达式:{configfile.shown(cron)}(如 \"0 8 5 1,4,7,10 *\")"))
        else:
            try:
                croniter(cron, dt.datetime(2000, 1, 1)).get_next(dt.datetime)
            except (CroniterBadDateError, ValueError, OverflowError):
                out.append((("cron",), f"永远不会触发:{configfile.shown(cron)}(如 2 月 30 日)"))
    timezone = data.get("timezone")
    if isinstance(timezone, str):
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            out.append((("timezone",), f"不是已知的时区:{configfile.shown(timezone)}(如 Asia/Shanghai)"))
    params = data.get("parameters") or {}
    if data.get("report") == "quarterly_circular" and isinstance(params, dict) and not {"quarter", "month", "half"} & set(params):
        out.append((("parameters", "quarter"), "缺失:通报需要季度(如 \"{last_quarter.quarter}\")、月份或半年"))
    today = params.get("today") if isinstance(params, dict) else None
    if isinstance(today, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", today):
        try:
            dt.date.fromisoformat(today)
        except ValueError:
            out.append((("parameters", "today"), f"不是有效的日期:{configfile.shown(today)}"))
    if isinstance(params, dict) and "year" not in params:
        out.append((("parameters", "year"), "缺少必填项(如 \"{last_quarter.year}\")"))
    return out


def load_schedule(path: str | Path) -> Schedule:
    """Read and check one schedule file; raises ``ScheduleError`` with every problem."""
    path = Path(path).resolve()
    try:
        text = configfile.read_text(path, "日程文件")
    except ConfigError as exc:
        raise ScheduleError(exc.problems, str(path)) from None
    data, lines, problems = configfile.parse_yaml(text)
    if data is None and not problems:
        problems = [ConfigProblem("", "日程文件为空")]
    if not problems and not isinstance(data, dict):
        problems = [ConfigProblem("", f"日程文件顶层应为键值对(report、cron、parameters……),实为 {configfile.shown(data)}")]
    if not problems:
        if isinstance(data.get("start"), (dt.date, dt.datetime)):
            data["start"] = data["start"].isoformat()
        problems = configfile.schema_problems(data, SCHEMA, lines, extra=_semantic_problems(data))
    if problems:
        raise ScheduleError(problems, str(path))
    timezone = data.get("timezone") or DEFAULT_TIMEZONE
    ledgers = data["ledgers"] if isinstance(data["ledgers"], list) else [data["ledgers"]]
    schedule = Schedule(
        name=path.stem, path=path, report=data["report"], cron=data["cron"], timezone=timezone,
        output=data["output"], ledgers=[_absolute(p, path) for p in ledgers],
        roster=_absolute(data["roster"], path) if data.get("roster") else None,
        rules=_absolute(data["rules"], path) if data.get("rules") else None,
        parameters=dict(data.get("parameters") or {}), timeout=data.get("timeout"), retries=data.get("retries", 0),
        description=str(data.get("description") or ""), start=_start(data.get("start"), ZoneInfo(timezone)),
        allow_empty=bool(data.get("allow_empty", False)),
    )
    # Fill the placeholders once now, so a typo shows up when the file is loaded, not at 8 a.m.
    schedule.resolve(schedule.previous_fire(dt.datetime.now(schedule.tz)))
    return schedule


def examples_folder() -> Path:
    """The example schedules (the repository's ``schedules/``, package data once installed), which
    ``sqmy schedule init`` copies."""
    from ..shipped import SCHEDULES, shipped_folder

    return shipped_folder(SCHEDULES)


def default_folder() -> Path:
    """Where schedules are when ``--schedules`` and ``SQMY_SCHEDULES`` do not say: the user's
    configuration folder (``%APPDATA%\\sqmy\\schedules`` on Windows, ``~/.config/sqmy/schedules`` elsewhere)."""
    if os.name == "nt" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "sqmy" / "schedules"


def load_schedules(folder: str | Path) -> tuple[list[Schedule], list[ScheduleError]]:
    """Every ``*.yaml`` / ``*.yml`` in ``folder``, sorted by name, and the files that could not be used:
    one bad file never stops the others."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ScheduleError([ConfigProblem("", f"找不到日程文件夹 {folder}(可用 sqmy schedule init {folder} 创建)")],
                            str(folder))
    schedules, errors = [], []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            schedules.append(load_schedule(path))
        except ScheduleError as exc:
            errors.append(exc)
    return schedules, errors
