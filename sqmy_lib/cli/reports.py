"""``sqmy circular`` and ``sqmy commend``: reports produced by running their notebooks through papermill.

``sqmy circular`` takes a quarter, a month or a half; with none, the rules' ``periods.circular``
says which, and the last one ended is issued. ``sqmy commend`` writes the candidates for a year
(``--years 2024-2025`` or ``--term`` for a longer span); with ``--confirmed`` the returned
candidates workbook is checked against the ledgers first and the decision made from it.

Both go through ``produce_report``: parameters from the command line, inputs checked first, the
notebook run into the output folder, one line on failure (the earlier outputs stay, the failed
notebook is kept beside them).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import warnings
from pathlib import Path

from ..kinds import CIRCULAR, COMMENDATION, ReportKind

EVERY_ZH = {"month": "月份", "quarter": "季度", "half": "半年"}


def _add_common(p: argparse.ArgumentParser, year_required: bool = True) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--year", type=int, required=year_required, metavar="Y", help="年度")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件(默认:PATH 所在工作文件夹的 规则.yaml,否则内置规则)")
    p.set_defaults(office_inputs=True)  # an office folder's 名册.xlsx and 规则.yaml (cli.init.office_inputs)
    p.add_argument("--office", metavar="NAME", help="发文单位(默认取规则文件 office.name)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    add_document_options(p)
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    p.add_argument("--allow-empty", action="store_true", help="本期没有任何报送、采用或批示记录时也生成报告")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录(整个替换为本次生成的报告;其中其他文件保留)")


def add_document_options(p: argparse.ArgumentParser) -> None:
    """成文日期 and 发文字号 of the 公文 a report writes (the statistics cut-off stays --today)."""
    p.add_argument("--date", metavar="YYYY-MM-DD", help="公文的成文日期(默认运行当天)")
    p.add_argument("--number", metavar="N", help="发文字号中的序号(按规则文件 documents 的格式;不填则留空待填)")


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


def _today(args) -> dt.date:
    try:
        return dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise SystemExit(f"sqmy: 参数错误:--today 应为日期,如 2026-01-05,实为 {args.today}") from None


def run_circular(args) -> int:
    """Without --quarter/--month/--half: the last period of the rules' ``periods.circular`` that has ended."""
    from ..period import Period, last_ended, number_in
    from ..rules import load_rules

    if args.quarter is None and args.month is None and args.half is None:
        every = (load_rules(args.rules, year=args.year).data.get("periods") or {}).get("circular", "quarter")
        period = last_ended(args.year, every, _today(args))
        if period is None:
            print(f"sqmy: {args.year}年尚无已结束的{EVERY_ZH[every]},未生成通报", file=sys.stderr)
            return 2
        setattr(args, every, number_in(period, every))
    warn_early_date(args, Period.of(args.year, quarter=args.quarter, month=args.month, half=args.half), "通报")
    return produce(CIRCULAR, report_parameters(args), Path(args.out), timeout=args.timeout, allow_empty=args.allow_empty)


def warn_early_date(args, period, what: str) -> None:
    """Say on stderr when the document's 成文日期 (--date) is not after the period it reports ends
    (``--quarter 4 --date 2025-12-08``): the figures of a period not over are not its figures. The
    document is still produced (a draft may be dated ahead on purpose); a --date that is no date is
    left to the report's own check."""
    try:
        date = dt.date.fromisoformat(args.date) if getattr(args, "date", None) else None
    except ValueError:
        return
    end = period.end.date()
    if date is not None and date <= end:
        print(f"提示:{what}的成文日期(--date {date.isoformat()},{date.year}年{date.month}月{date.day}日)不晚于"
              f"{period.label}的最后一天({end.month}月{end.day}日):所{what}的期间尚未结束,统计可能不全;"
              f"请核对 --date 是否应为{end.month}月{end.day}日之后", file=sys.stderr)


def run_commend(args) -> int:
    """Resolve the years; with --confirmed, check the confirmation against the ledgers first, so every
    problem is printed by cell before anything is produced."""
    from ..compute import LeftOutWarning
    from ..compute.commendation import (ConfirmationError, ConfirmationNote, build_commendation, commendation_stem,
                                        resolve_years)
    from ..read import read_ledgers
    from ..read.confirmed import read_confirmed
    from ..rules import load_rules

    rules = load_rules(args.rules, year=args.year)
    try:
        args.years_list, args.span = resolve_years(args.year, args.years, args.term, rules)
    except ValueError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    args.year = args.years_list[-1]
    if args.confirmed:
        ledger = read_ledgers(args.paths, roster=args.roster, year=args.year, rules=rules)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConfirmationNote)  # said once, below, as staff read it
                # The rows left out are said once by ``produce`` (注意:以下内容因有错误未计入统计), as for a draft: not
                # also as a Python warning with this file's path and source line.
                warnings.simplefilter("ignore", LeftOutWarning)
                comm = build_commendation(ledger, args.year, rules, today=_today(args), years=args.years_list,
                                          term=args.term, confirmed=read_confirmed(args.confirmed))
        except ConfirmationError as exc:
            print(f"sqmy: {exc}", file=sys.stderr)
            return 1
        for note in comm.notes:
            print(f"sqmy: 注意:{note}", file=sys.stderr)
    return produce(COMMENDATION, report_parameters(args), Path(args.out), timeout=args.timeout,
                   allow_empty=args.allow_empty, stem=commendation_stem(args.span))


def report_parameters(args) -> dict:
    """Notebook parameters from the command line."""
    params = {"year": args.year, "ledgers": list(args.paths), "roster": args.roster, "rules": args.rules,
              "office": args.office, "today": args.today,
              "date": getattr(args, "date", None), "number": getattr(args, "number", None)}
    for key in ("quarter", "month", "half"):
        if getattr(args, key, None) is not None:
            params[key] = getattr(args, key)
    if getattr(args, "years_list", None) and len(args.years_list) > 1:
        params["years"] = args.years_list
    if getattr(args, "term", False):
        params["term"] = True
    if getattr(args, "confirmed", None):
        params["confirmed"] = str(Path(args.confirmed).resolve())
    return params


def report_failed(kind: ReportKind, exc) -> int:
    """Say why a report was not produced (one line, the code, where the failed notebook is); the exit code."""
    print(f"sqmy: {kind.name_zh}生成失败:{exc.message} [{exc.code}]", file=sys.stderr)
    if exc.notebook:
        print(f"sqmy: 出错的笔记本已保存为 {exc.notebook};此前生成的文件未改动", file=sys.stderr)
    return exc.exit_code


def produce(kind: ReportKind, params: dict, out_dir: Path, **options) -> int:
    """Run the report into ``out_dir``; print what was written or the one-line error, and what the
    figures leave out (files not read, rows with errors): exit 3 then, as ``sqmy run``.

    The ledgers are read and checked here, once, and handed to the notebook's kernel: what is left out
    is known to the command, not only to the notebook."""
    from ..run.pipeline import ReportFailed, produce_report
    from .validate import EXIT_LEFT_OUT, _left_out

    ledger, report = _read_for(kind, params)
    left_out = _left_out(ledger, params.get("rules"), params.get("year")) if ledger is not None else []
    if left_out:
        print("sqmy: 注意:以下内容因有错误未计入统计(详见 sqmy validate):", file=sys.stderr)
        for line in left_out:
            print(f"sqmy:   {line}", file=sys.stderr)
    if kind is CIRCULAR and ledger is not None:  # its 校验报告 stays among its outputs, read here or not
        params = {**params, "check_report": True}
    try:
        result = produce_report(kind, params, out_dir, ledger=ledger, report=report, **options)
    except ReportFailed as exc:
        return report_failed(kind, exc)
    for path in result.outputs:
        print(f"已生成:{path}")
    return EXIT_LEFT_OUT if left_out else 0


def _read_for(kind: ReportKind, params: dict):
    """The ledgers a report reads, read and validated as its notebook would (``open_inputs``): (ledger,
    report); (None, None) when an input is missing or unusable, for ``produce_report`` to refuse it in
    its own words before any kernel starts."""
    from ..rules import load_rules
    from ..run.pipeline import read_checked

    paths = [params["ledgers"]] if isinstance(params.get("ledgers"), (str, os.PathLike)) else list(params.get("ledgers") or [])
    if not paths or not all(Path(p).exists() for p in [*paths, *(params.get(k) for k in ("roster", "rules") if params.get(k))]):
        return None, None
    try:
        rules = load_rules(params.get("rules"), year=params.get("year"))
    except Exception:  # a broken rules file: produce_report says so, in its words
        return None, None
    for note in rules.notes:
        print(f"提示:{note}", file=sys.stderr)
    try:
        today = dt.date.fromisoformat(params["today"]) if params.get("today") else None
    except ValueError:  # said by produce_report
        return None, None
    return read_checked(paths, roster=params.get("roster"), year=params.get("year"), rules=rules, today=today,
                        label=f"{kind.name_zh}:")
