"""``sqmy circular`` and ``sqmy commend``: reports produced by running their notebooks through papermill.

``sqmy circular`` takes a quarter, a month or a half; with none, the rules' ``periods.circular``
says which, and the last one ended is issued. ``sqmy commend`` writes the candidates for a year
(``--years 2024-2025`` or ``--term`` for a longer span); with ``--confirmed`` the returned
candidates workbook is checked against the ledgers first and the decision made from it.

Both share one path: parameters from the command line, ``run_report`` into the
output folder, one line on failure (the earlier outputs stay, the failed
notebook is kept beside them).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..compute.commendation import ConfirmationError, build_commendation, resolve_years
from ..period import last_ended, number_in
from ..read import read_ledgers
from ..read.confirmed import read_confirmed
from ..rules import load_rules
from ..run import NotebookFailed, run_report
from ..run.notebooks import notebook_path
from ..run.reports import CIRCULAR, COMMENDATION, ReportKind

EVERY_ZH = {"month": "月份", "quarter": "季度", "half": "半年"}


def _add_common(p: argparse.ArgumentParser, year_required: bool = True) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--year", type=int, required=year_required, metavar="Y", help="年度")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件")
    p.add_argument("--office", metavar="NAME", help="发文单位(默认取规则文件 office.name)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")


def register(sub) -> None:
    p = sub.add_parser("circular", help="生成季度(月度、半年)通报(Excel、Word 公文、HTML 与执行过的笔记本)")
    _add_common(p)
    period = p.add_mutually_exclusive_group()
    period.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="季度")
    period.add_argument("--month", type=int, choices=range(1, 13), metavar="M", help="月份(月度通报)")
    period.add_argument("--half", type=int, choices=[1, 2], help="上半年 1、下半年 2(半年通报)")
    p.set_defaults(run=run_circular)

    p = sub.add_parser("commend", help="生成表彰候选名单;按确认的名单生成表彰决定公文与奖励发放表")
    _add_common(p, year_required=False)
    p.add_argument("--years", metavar="Y1-Y2", help="多个年度合并评选(如两年一表彰):2024-2025")
    p.add_argument("--term", action="store_true", help="按届评选(届期见规则文件 commendations.term)")
    p.add_argument("--confirmed", metavar="XLSX", help="经确认的候选名单(在“确认”栏填了“是”)")
    p.set_defaults(run=run_commend)


def run_circular(args) -> int:
    """Without --quarter/--month/--half: the last period of the rules' ``periods.circular`` that has ended."""
    if args.quarter is None and args.month is None and args.half is None:
        every = (load_rules(args.rules, year=args.year).data.get("periods") or {}).get("circular", "quarter")
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
        period = last_ended(args.year, every, today)
        if period is None:
            print(f"sqmy: {args.year}年尚无已结束的{EVERY_ZH[every]},未生成通报", file=sys.stderr)
            return 2
        setattr(args, every, number_in(period, every))
    return produce(CIRCULAR, args, Path(args.out))


def run_commend(args) -> int:
    """Resolve the years; with --confirmed, check the confirmation against the ledgers first, so every
    problem is printed by cell before anything is produced."""
    rules = load_rules(args.rules, year=args.year)
    try:
        args.years_list, args.span = resolve_years(args.year, args.years, args.term, rules)
    except ValueError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    args.year = args.years_list[-1]
    if args.confirmed:
        ledger = read_ledgers(args.paths, roster=args.roster, year=args.year, rules=rules)
        today = dt.date.fromisoformat(args.today) if args.today else None
        try:
            build_commendation(ledger, args.year, rules, today=today, years=args.years_list, term=args.term,
                               confirmed=read_confirmed(args.confirmed))
        except ConfirmationError as exc:
            print(f"sqmy: {exc}", file=sys.stderr)
            return 1
    return produce(COMMENDATION, args, Path(args.out))


def report_parameters(args) -> dict:
    """Notebook parameters from the command line (paths made absolute: the kernel runs elsewhere)."""

    def absolute(p):
        return str(Path(p).resolve()) if p else None

    params = {
        "year": args.year, "ledgers": [absolute(p) for p in args.paths], "roster": absolute(args.roster),
        "rules": absolute(args.rules), "office": args.office, "today": args.today,
    }
    for key in ("quarter", "month", "half"):
        if getattr(args, key, None) is not None:
            params[key] = getattr(args, key)
    if getattr(args, "years_list", None) and len(args.years_list) > 1:
        params["years"] = args.years_list
    if getattr(args, "term", False):
        params["term"] = True
    if getattr(args, "confirmed", None):
        params["confirmed"] = absolute(args.confirmed)
    return params


def produce(kind: ReportKind, args, out_dir: Path) -> int:
    """Run the report's notebook into ``out_dir``; print what was written or the one-line error."""
    stem = kind.stem(args)
    try:
        result = run_report(notebook_path(kind.notebook), report_parameters(args), out_dir, stem,
                            title=stem, timeout=args.timeout)
    except NotebookFailed as exc:
        print(f"sqmy: {kind.name_zh}生成失败:{exc.message}", file=sys.stderr)
        if exc.notebook:
            print(f"sqmy: 出错的笔记本已保存为 {exc.notebook};此前生成的文件未改动", file=sys.stderr)
        return 1
    for path in result.outputs:
        print(f"已生成:{path}")
    return 0
