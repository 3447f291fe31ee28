"""``sqmy circular``: the quarterly circular, produced by running its notebook through papermill."""
from __future__ import annotations

import sys
from pathlib import Path

from ..run import NotebookFailed, run_report
from ..run.notebooks import notebook_path


def register(sub) -> None:
    p = sub.add_parser("circular", help="生成季度通报(Excel、Word 公文、HTML 与执行过的笔记本)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--year", type=int, required=True, metavar="Y", help="年度")
    p.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="季度")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件")
    p.add_argument("--office", metavar="NAME", help="发文单位(默认取规则文件 office.name)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")
    p.set_defaults(run=run_circular)


def circular_parameters(args) -> dict:
    """Notebook parameters from the command line (paths made absolute: the kernel runs elsewhere)."""
    absolute = lambda p: str(Path(p).resolve()) if p else None  # noqa: E731
    return {
        "year": args.year, "quarter": args.quarter, "ledgers": [absolute(p) for p in args.paths],
        "roster": absolute(args.roster), "rules": absolute(args.rules), "office": args.office, "today": args.today,
    }


def produce_circular(args, out_dir: Path) -> int:
    """Run the circular notebook into ``out_dir``; print what was written or the one-line error."""
    from ..compute.period import Period

    stem = f"{Period.of(args.year, quarter=args.quarter).label}社情民意信息通报"
    try:
        result = run_report(notebook_path("quarterly_circular.ipynb"), circular_parameters(args), out_dir, stem,
                            title=stem, timeout=args.timeout)
    except NotebookFailed as exc:
        print(f"sqmy: 季度通报生成失败:{exc.message}", file=sys.stderr)
        if exc.notebook:
            print(f"sqmy: 出错的笔记本已保存为 {exc.notebook};此前生成的文件未改动", file=sys.stderr)
        return 1
    for path in result.outputs:
        print(f"已生成:{path}")
    return 0


def run_circular(args) -> int:
    return produce_circular(args, Path(args.out))
