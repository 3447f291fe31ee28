"""Schedule files: which report, with which parameters, when, and where its outputs go.

A schedule is a small YAML file read with ``yaml.safe_load``. Values may contain
period placeholders such as ``{last_quarter.year}``; they are filled in by plain
name lookup (see ``fill``), never evaluated. Relative paths are resolved against
the folder of the schedule file, so a schedule works from any working directory.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from croniter import croniter

from ..period import Period, last_ended, number_in

DEFAULT_TIMEZONE = "Asia/Shanghai"
REPORTS = ("quarterly_circular", "annual_commendation", "rollup_circular")
# The names a placeholder may use; anything else is an error, never a lookup of arbitrary attributes.
PLACEHOLDERS = ("last_quarter.year", "last_quarter.quarter", "last_month.year", "last_month.month", "last_half.year",
                "last_half.half", "last_year", "year", "period", "name")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
_KEYS = {"report", "cron", "timezone", "parameters", "ledgers", "roster", "rules", "output", "timeout", "retries",
         "description"}


class ScheduleError(ValueError):
    """A schedule file that cannot be used; the message names the file and the key."""


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

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

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
        names["period"] = period_of(params, self.path).label
        return names

    def resolve(self, fire: dt.datetime) -> tuple[dict, Period, Path]:
        """Notebook parameters, the period and the output folder of the run fired at ``fire``."""
        names = self.names(fire)
        params = {k: fill(v, names, self.path, f"parameters.{k}") for k, v in self.parameters.items()}
        params.update(ledgers=list(self.ledgers), roster=self.roster, rules=self.rules)
        out_dir = _absolute(str(fill(self.output, names, self.path, "output")), self.path)
        return params, period_of(params, self.path), Path(out_dir)


def fill(value, names: dict, source: Path, key: str):
    """Replace ``{name}`` placeholders with known values; a value that is one placeholder keeps its type."""
    if not isinstance(value, str):
        return value

    def lookup(name: str):
        if name not in names:
            raise ScheduleError(f"日程文件 {source} 的 {key} 用了未知的占位符 {{{name}}}"
                                f"(可用:{'、'.join('{' + n + '}' for n in PLACEHOLDERS)})")
        return names[name]

    whole = _PLACEHOLDER.fullmatch(value)
    if whole:
        return lookup(whole.group(1))
    return _PLACEHOLDER.sub(lambda m: str(lookup(m.group(1))), value)


def period_of(params: dict, source: Path) -> Period:
    """The period a run covers, from its filled ``year`` and (for a circular) ``quarter``, ``month`` or ``half``."""
    try:
        year = int(params["year"])
        parts = {k: int(params[k]) for k in ("quarter", "month", "half") if params.get(k) is not None}
        return Period.of(year, **parts)
    except KeyError:
        raise ScheduleError(f"日程文件 {source} 的 parameters 缺少 year") from None
    except (TypeError, ValueError) as exc:
        raise ScheduleError(f"日程文件 {source} 的 parameters.year/quarter 不是有效的年度或季度:{exc}") from None


def _absolute(path: str, source: Path) -> str:
    p = Path(path).expanduser()
    return str(p if p.is_absolute() else (source.parent / p).resolve())


def load_schedule(path: str | Path) -> Schedule:
    """Read and check one schedule file; every problem names the file and the key."""
    path = Path(path).resolve()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScheduleError(f"无法读取日程文件 {path}:{exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ScheduleError(f"日程文件 {path} 不是有效的 YAML:{exc}") from None
    if not isinstance(data, dict):
        raise ScheduleError(f"日程文件 {path} 应为键值对(report、cron、parameters……)")

    def problem(key: str, text: str) -> ScheduleError:
        return ScheduleError(f"日程文件 {path} 的 {key} {text}")

    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        raise problem(unknown[0], f"不是可用的键(可用:{'、'.join(sorted(_KEYS))})")
    report = data.get("report")
    if report not in REPORTS:
        raise problem("report", f"应为 {' 或 '.join(REPORTS)},实为 {report!r}")
    cron = data.get("cron")
    if not isinstance(cron, str) or not croniter.is_valid(cron):
        raise problem("cron", f"不是有效的 cron 表达式:{cron!r}(如 \"0 8 5 1,4,7,10 *\")")
    timezone = data.get("timezone") or DEFAULT_TIMEZONE
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        raise problem("timezone", f"不是已知的时区:{timezone!r}(如 Asia/Shanghai)") from None
    params = data.get("parameters") or {}
    if not isinstance(params, dict):
        raise problem("parameters", "应为键值对(year、quarter……)")
    if report == "quarterly_circular" and not {"quarter", "month", "half"} & set(params):
        raise problem("parameters.quarter", "缺失:通报需要季度、月份或半年(如 \"{last_quarter.quarter}\"、"
                                            "month: \"{last_month.month}\"、half: \"{last_half.half}\")")
    ledgers = data.get("ledgers")
    if isinstance(ledgers, str):
        ledgers = [ledgers]
    if not ledgers or not all(isinstance(p, str) for p in ledgers):
        raise problem("ledgers", "应为台账文件或文件夹的路径(一个或一组)")
    for key in ("roster", "rules", "output"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise problem(key, "应为路径文字")
    if not data.get("output"):
        raise problem("output", "缺失:应为输出目录(可含 {period},如 out/通报/{period})")
    timeout = data.get("timeout")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0):
        raise problem("timeout", f"应为正数(每个单元格的秒数),实为 {timeout!r}")
    retries = data.get("retries", 0)
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise problem("retries", f"应为不小于0的整数,实为 {retries!r}")
    schedule = Schedule(
        name=path.stem, path=path, report=report, cron=cron, timezone=str(timezone),
        output=data["output"], ledgers=[_absolute(p, path) for p in ledgers],
        roster=_absolute(data["roster"], path) if data.get("roster") else None,
        rules=_absolute(data["rules"], path) if data.get("rules") else None,
        parameters=dict(params), timeout=timeout, retries=retries, description=str(data.get("description") or ""),
    )
    # Fill the placeholders once now, so a typo shows up when the file is loaded, not at 8 a.m.
    schedule.resolve(schedule.previous_fire(dt.datetime.now(schedule.tz)))
    return schedule


def default_folder() -> Path:
    """The repo's ``schedules/`` (a checkout); ``SQMY_SCHEDULES`` or ``--schedules`` override."""
    return Path(__file__).resolve().parents[2] / "schedules"


def load_schedules(folder: str | Path) -> list[Schedule]:
    """Every ``*.yaml`` / ``*.yml`` in ``folder``, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ScheduleError(f"找不到日程文件夹 {folder}")
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [load_schedule(p) for p in files]
