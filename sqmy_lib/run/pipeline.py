"""The one function every report goes through: ``produce_report(kind, params, out_dir)``.

``sqmy circular``, ``sqmy commend``, ``sqmy rollup``, ``sqmy run``, ``sqmy schedule run`` and the
Airflow task all call it, so they share one behaviour:

- inputs are checked before a kernel starts: a missing ledger, roster or rules file, a bad rules
  file or office tree is a Chinese message with a code, never a pandas error from inside the
  notebook;
- the notebook runs on this environment's kernel, its outputs staged and swapped in as a whole;
- a period with nothing dated in it is refused (``period.empty``) unless ``allow_empty``: an empty
  circular sent out as "0条" is worse than none;
- a caller that has already read and checked the ledgers (``sqmy run``) hands them to the kernel,
  so they are read once.

The kernel side of the same contract is ``open_inputs`` / ``check_period``, which the notebooks call.
"""
from __future__ import annotations

import datetime as dt
import os
import pickle
import tempfile
from pathlib import Path

import pandas as pd

from ..iorw import TEMP_PREFIX, clean_temp_files
from ..kinds import ReportKind, report_kind
from ..period import Period
from .execute import NotebookFailed, RunResult, run_report
from .notebooks import notebook_path
from .outputs import BadOutputFolder, OutputsLocked, check_out_dir

EMPTY = "EmptyPeriod"


class ReportFailed(Exception):
    """A report that was not produced: ``message`` (Chinese, one line), ``code`` (stable, English),
    ``notebook`` (the failed notebook kept beside the outputs, if any)."""

    #: codes that mean an input could not be used (exit 2); the others are failed runs (exit 1)
    INPUT_CODES = ("inputs.missing", "rules.invalid", "out.invalid", "tree.invalid", "tree.not_found",
                   "tree.empty", "tree.mixed", "tree.no_offices", "tree.schema", "period.invalid")

    def __init__(self, message: str, code: str, notebook: Path | None = None):
        super().__init__(message)
        self.message, self.code, self.notebook = message, code, notebook

    @property
    def exit_code(self) -> int:
        return 2 if self.code in self.INPUT_CODES else 1


class EmptyPeriod(Exception):
    """Raised in the kernel: nothing in the ledgers is dated in the report's period."""


def report_period(kind: ReportKind, params: dict) -> Period:
    """The period ``params`` ask for: ``period`` (any form ``Period.parse`` reads), else ``year`` / ``quarter``."""
    try:
        if params.get("period") is not None:
            return Period.parse(params["period"])
        return kind.period(params["year"], params.get("quarter"), params.get("month"), params.get("half"))
    except KeyError:
        raise ReportFailed("未指定年度(year)", "period.invalid") from None
    except (TypeError, ValueError) as exc:
        raise ReportFailed(f"期间无效:{exc}", "period.invalid") from None


def _check_period_over(kind: ReportKind, period: Period, today) -> None:
    """A report of a period not yet over is refused (``period.unfinished``): a circular dated before its
    quarter ends judged quotas "截至12月底" and the year's progress in early December."""
    try:
        as_of = dt.date.fromisoformat(str(today)) if today else dt.date.today()
    except ValueError:
        raise ReportFailed(f"统计截止日“{today}”无法识别,应写成 YYYY-MM-DD", "period.invalid") from None
    end = period.end.date()
    if as_of < end:
        raise ReportFailed(f"{period.label}尚未结束(统计截止日 {as_of.year}年{as_of.month}月{as_of.day}日,期末为"
                           f"{end.year}年{end.month}月{end.day}日),不生成该期{kind.name_zh};请在期末之后再运行", "period.unfinished")


def _absolute(path) -> str | None:
    return str(Path(path).expanduser().resolve()) if path else None


def _check_inputs(kind: ReportKind, params: dict, period: Period) -> None:
    ledgers = params.get("ledgers") or []
    if not ledgers:
        raise ReportFailed("未指定台账文件或文件夹", "inputs.missing")
    named = [("台账", p) for p in ledgers] + [(label, params.get(key)) for key, label in
                                            (("roster", "名册"), ("rules", "规则文件")) if params.get(key)]
    missing = [f"{label} {p}" for label, p in named if not Path(p).exists()]
    if missing:
        raise ReportFailed(f"文件不存在:{'、'.join(missing)}", "inputs.missing")
    from ..rules import RulesError, load_rules

    try:
        rules = load_rules(params.get("rules"), year=period.year)
    except RulesError as exc:
        raise ReportFailed(" ".join(str(exc).split()), "rules.invalid") from None
    if kind.name == "rollup_circular":
        from ..read.offices import TreeError, load_tree

        try:  # the tree is checked here, so a bad manifest is one line, not a failed notebook
            load_tree(ledgers, rules, office=params.get("office"), level=params.get("level"))
        except TreeError as exc:
            raise ReportFailed(exc.message, exc.code) from None


def produce_report(kind: ReportKind | str, params: dict, out_dir: str | os.PathLike, *,
                   timeout: float | None = None, allow_empty: bool = False, ledger=None, report=None,
                   stem: str | None = None) -> RunResult:
    """Produce one report into ``out_dir`` (see the module docstring); raises ``ReportFailed``.

    ``params`` are the notebook's parameters: ``ledgers`` (paths), ``roster``, ``rules``, ``office``,
    ``today``, ``level`` (roll-up), and the period as ``period`` or ``year`` / ``quarter``.
    ``ledger`` / ``report``: the ledgers already read and validated by the caller, handed to the kernel.
    ``stem``: the outputs' file-name stem when the period alone does not say it (a commendation over
    several years); by default the kind's stem of the period.
    """
    kind = report_kind(kind) if isinstance(kind, str) else kind
    period = report_period(kind, params)
    _check_period_over(kind, period, params.get("today"))
    params = {k: v for k, v in params.items() if k != "period"}
    params["ledgers"] = [_absolute(p) for p in ([params["ledgers"]] if isinstance(params.get("ledgers"), (str, os.PathLike))
                                                 else params.get("ledgers") or [])]
    for key in ("roster", "rules"):
        params[key] = _absolute(params.get(key))
    if not kind.roster:
        params.pop("roster", None)
    _check_inputs(kind, params, period)
    out_dir = Path(out_dir).expanduser().resolve()
    try:
        check_out_dir(out_dir, [Path(p) for p in params["ledgers"]])
    except BadOutputFolder as exc:
        raise ReportFailed(str(exc), "out.invalid") from None
    stem = stem or kind.stem(period)
    notebook_params = {k: v for k, v in params.items() if v is not None}
    notebook_params.update(kind.parameters(period), allow_empty=bool(allow_empty))
    handoff = None
    try:
        clean_temp_files(out_dir.parent)
        if ledger is not None:
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            # Our own file, in a folder of ours, read by our own kernel a moment later: never user input.
            fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".handoff", dir=out_dir.parent)
            with os.fdopen(fd, "wb") as f:
                pickle.dump((ledger, report), f, protocol=pickle.HIGHEST_PROTOCOL)
            handoff = Path(name)
            notebook_params["handoff"] = str(handoff)
        return run_report(notebook_path(kind.notebook), notebook_params, out_dir, stem, title=stem,
                          timeout=timeout, kind=kind.name, period=period.key, label=kind.name_zh)
    except NotebookFailed as exc:
        if exc.ename == EMPTY:
            raise ReportFailed(exc.evalue, "period.empty", exc.notebook) from None
        raise ReportFailed(exc.message, "notebook.failed", exc.notebook) from None
    except OutputsLocked as exc:
        raise ReportFailed(str(exc), "outputs.locked") from None
    finally:
        if handoff is not None:
            handoff.unlink(missing_ok=True)


# ---- the kernel side: what the notebooks call ----

def dated_in(ledger, period: Period) -> int:
    """How many submissions, adoptions and instructions are dated inside ``period``."""
    count = 0
    for table in (ledger.submissions, ledger.adoptions, ledger.instructions):
        if len(table) and "date" in table:
            count += int(period.contains(pd.to_datetime(table["date"], errors="coerce")).sum())
    return count


def check_period(ledger, period, allow_empty: bool = False) -> None:
    """Raise ``EmptyPeriod`` (a Chinese message) when nothing in ``ledger`` is dated in ``period``, or
    its year holds adoptions or 批示 but no item (a 2025 ledger's January adoptions of December's items,
    the 2026 ledger not read): a report of it would say everyone 未报送 and 共收到0条,下降100%."""
    from ..compute import empty_period_text, records_only

    period = Period.parse(period)
    if allow_empty:
        return
    if records_only(ledger, period):
        raise EmptyPeriod(f"{empty_period_text(ledger, period)};未生成报告(确需生成时加 --allow-empty)")
    if dated_in(ledger, period):
        return
    files = int((ledger.files["status"] == "ok").sum()) if len(ledger.files) else 0
    raise EmptyPeriod(f"{period.label}没有任何报送、采用或批示记录(读取台账文件 {files} 个,共 {len(ledger.submissions)} 条报送),"
                      f"未生成空报告;请确认本期数据已录入台账、年度和期间无误(确需生成空报告时加 --allow-empty)")


def read_checked(ledgers, roster=None, year=None, rules=None, today=None, missing="raise", label=""):
    """The ledgers read and validated, as ``(ledger, report)``, each step said on the progress line
    (``label`` before it: the report being made)."""
    from ..read import read_ledgers
    from ..read.ledger import discover
    from ..validate import validate
    from .progress import files_text, stage

    paths = list(ledgers) if isinstance(ledgers, (list, tuple)) else [ledgers]
    stage(f"{label}读取台账 {files_text(discover(p for p in paths if Path(p).exists()))}")
    ledger = read_ledgers(paths, roster=roster, year=year, rules=rules, missing=missing)
    stage(f"{label}校验 {len(ledger.submissions)} 条报送、{len(ledger.adoptions)} 条采用、{len(ledger.instructions)} 件批示")
    return ledger, validate(ledger, rules, today=today)


def open_inputs(ledgers, roster=None, year=None, rules=None, today=None, period=None, allow_empty=False,
                handoff=None):
    """The ledgers read and validated, as ``(ledger, report)``: from the caller's hand-off when it
    read them already, else read here; then ``check_period``."""
    from .progress import stage

    if handoff:
        stage("载入已读取、校验的台账")
        with open(handoff, "rb") as f:
            ledger, report = pickle.load(f)
    else:
        ledger, report = read_checked(ledgers, roster=roster, year=year, rules=rules, today=today)
    if period is not None:
        check_period(ledger, period, allow_empty)
    return ledger, report
