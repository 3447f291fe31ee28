"""``sqmy circular`` and ``sqmy commend``: reports produced by running their notebooks through papermill.

Both go through ``produce_report``: parameters from the command line, inputs checked first, the
notebook run into the output folder, one line on failure (the earlier outputs stay, the failed
notebook is kept beside them).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kinds import CIRCULAR, COMMENDATION, ReportKind


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--year", type=int, required=True, metavar="Y", help="年度")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件")
    p.add_argument("--office", metavar="NAME", help="发文单位(默认取规则文件 office.name)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    p.add_argument("--allow-empty", action="store_true", help="本期没有任何报送、采用或批示记录时也生成报告")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录(整个替换为本次生成的报告;其中其他文件保留)")


def register(sub) -> None:
    p = sub.add_parser("circular", help="生成季度通报(Excel、Word 公文、HTML 与执行过的笔记本)")
    _add_common(p)
    p.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="季度")
    p.set_defaults(run=lambda args: produce(CIRCULAR, report_parameters(args), Path(args.out),
                                            timeout=args.timeout, allow_empty=args.allow_empty))

    p = sub.add_parser("commend", help="生成年度表彰名单(表彰决定公文、名单与奖励发放表、HTML 与笔记本)")
    _add_common(p)
    p.set_defaults(run=lambda args: produce(COMMENDATION, report_parameters(args), Path(args.out),
                                            timeout=args.timeout, allow_empty=args.allow_empty))


def report_parameters(args) -> dict:
    """Notebook parameters from the command line."""
    params = {"year": args.year, "ledgers": list(args.paths), "roster": args.roster, "rules": args.rules,
              "office": args.office, "today": args.today}
    if getattr(args, "quarter", None) is not None:
        params["quarter"] = args.quarter
    return params


def report_failed(kind: ReportKind, exc) -> int:
    """Say why a report was not produced (one line, the code, where the failed notebook is); the exit code."""
    print(f"sqmy: {kind.name_zh}生成失败:{exc.message} [{exc.code}]", file=sys.stderr)
    if exc.notebook:
        print(f"sqmy: 出错的笔记本已保存为 {exc.notebook};此前生成的文件未改动", file=sys.stderr)
    return exc.exit_code


def produce(kind: ReportKind, params: dict, out_dir: Path, **options) -> int:
    """Run the report into ``out_dir``; print what was written or the one-line error."""
    from ..run.pipeline import ReportFailed, produce_report

    try:
        result = produce_report(kind, params, out_dir, **options)
    except ReportFailed as exc:
        return report_failed(kind, exc)
    for path in result.outputs:
        print(f"已生成:{path}")
    return 0
