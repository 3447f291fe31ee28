"""``sqmy circular`` and ``sqmy commend``: reports produced by running their notebooks through papermill.

Both share one path: parameters from the command line, ``run_report`` into the
output folder, one line on failure (the earlier outputs stay, the failed
notebook is kept beside them).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..run import NotebookFailed, run_report
from ..run.notebooks import notebook_path
from ..run.reports import CIRCULAR, COMMENDATION, ReportKind


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--year", type=int, required=True, metavar="Y", help="年度")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件")
    p.add_argument("--office", metavar="NAME", help="发文单位(默认取规则文件 office.name)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    add_document_options(p)
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")


def add_document_options(p: argparse.ArgumentParser) -> None:
    """成文日期 and 发文字号 of the 公文 a report writes (the statistics cut-off stays --today)."""
    p.add_argument("--date", metavar="YYYY-MM-DD", help="公文的成文日期(默认运行当天)")
    p.add_argument("--number", metavar="N", help="发文字号中的序号(按规则文件 documents 的格式;不填则留空待填)")


def register(sub) -> None:
    p = sub.add_parser("circular", help="生成季度通报(Excel、Word 公文、HTML 与执行过的笔记本)")
    _add_common(p)
    p.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="季度")
    p.set_defaults(run=lambda args: produce(CIRCULAR, args, Path(args.out)))

    p = sub.add_parser("commend", help="生成年度表彰名单(表彰决定公文、名单与奖励发放表、HTML 与笔记本)")
    _add_common(p)
    p.set_defaults(run=lambda args: produce(COMMENDATION, args, Path(args.out)))


def report_parameters(args) -> dict:
    """Notebook parameters from the command line (paths made absolute: the kernel runs elsewhere)."""

    def absolute(p):
        return str(Path(p).resolve()) if p else None

    params = {
        "year": args.year, "ledgers": [absolute(p) for p in args.paths], "roster": absolute(args.roster),
        "rules": absolute(args.rules), "office": args.office, "today": args.today,
        "date": getattr(args, "date", None), "number": getattr(args, "number", None),
    }
    if getattr(args, "quarter", None) is not None:
        params["quarter"] = args.quarter
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
