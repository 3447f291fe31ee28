"""``sqmy rollup``: a city or province office's circular over the offices below it.

The roll-up runs its notebook (notebooks/rollup_circular.ipynb) like the quarterly
circular, so it writes the same outputs (Excel, Word 公文, charts, HTML, the executed
notebook) with offices in place of units, then prints the per-office figures.
Exit 0 when every office was read; 1 when the roll-up completed but some offices'
ledgers could not be read (they are listed as missing); 2 when it could not run.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import zh
from ..kinds import ROLLUP
from ..rules import load_rules
from .reports import add_document_options, report_failed


def register(sub) -> None:
    p = sub.add_parser("rollup", help="汇总下级政协台账:各地报送采用情况与排名、跨级去重、汇总通报")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="下级政协台账:一个文件夹(每个下级政协一个子文件夹)、多个下级政协文件夹,或清单 offices.yaml")
    p.add_argument("--year", type=int, required=True, metavar="Y", help="年度")
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="季度(不指定则为全年)")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")
    p.add_argument("--format", choices=["text", "json"], default="text", help="各地数据的输出格式")
    p.add_argument("--rules", metavar="PATH", help="规则文件")
    p.add_argument("--office", metavar="NAME", help="汇总单位(默认取清单、文件夹名或规则文件)")
    p.add_argument("--level", metavar="LEVEL", help="汇总单位的层级:市级/省级(默认按名称或下级推断)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="单个单元格的超时秒数")
    add_document_options(p)
    p.add_argument("--allow-empty", action="store_true", help="本期没有任何报送、采用或批示记录时也生成报告")
    p.set_defaults(run=run_rollup)


def run_rollup(args) -> int:
    from ..run.pipeline import ReportFailed, produce_report

    params = {"year": args.year, "quarter": args.quarter, "ledgers": list(args.paths), "rules": args.rules,
              "office": args.office, "level": args.level, "today": args.today, "date": args.date, "number": args.number}
    try:
        result = produce_report(ROLLUP, params, Path(args.out), timeout=args.timeout, allow_empty=args.allow_empty)
    except ReportFailed as exc:
        return report_failed(ROLLUP, exc)
    figures = result.figures
    if args.format == "json":
        keep = ["office", "level", "period", "submitted", "published", "issues", "adopted", "adopted_by_tier",
                "instructions", "instructions_by_level", "adoption_rate", "offices", "missing", "forwarded",
                "forwarded_by", "uncertain"]
        print(json.dumps({k: figures.get(k) for k in keep}, ensure_ascii=False, indent=2))
    else:
        print(rollup_text(figures, load_rules(args.rules, year=args.year).tiers))
        for path in result.outputs:
            print(f"已生成:{path}")
    for m in figures.get("missing", []):
        print(f"sqmy: {m['office']}{m['status']}:{m['reason']}", file=sys.stderr)
    return 1 if figures.get("missing") else 0


def rollup_text(f: dict, tiers: list[str]) -> str:
    """The per-office table and the totals, as staff read them on a terminal (tiers in the rules' order)."""
    head = ["政协", "层级", "类别组", "报送", "采用", *[f"{t}采用" for t in tiers], "批示", "积分", "组内排名"]
    rows = [[o["office"], o["level"], o["peer_group"], o["submitted"], o["adopted"],
             *[o["adopted_by_tier"].get(t, 0) for t in tiers], o["instructed"], o["points"], "—" if o["rank"] is None else o["rank"]]
            if not o["missing"] else [o["office"], o["level"], o["peer_group"], *["—"] * (len(tiers) + 4), "缺报"]
            for o in f.get("offices", [])]
    widths = [max(zh.display_width(x) for x in col) for col in zip(head, *rows)]
    lines = [f"{f.get('office', '')}({f.get('level', '')}){f.get('period', '')}汇总:"
             f"报送 {f.get('submitted')} 条,采用 {f.get('adopted')} 条,批示 {f.get('instructions')} 件;"
             f"跨级重复已合并 {f.get('forwarded', 0)} 条,疑似重复 {len(f.get('uncertain', []))} 条(未合并)"]
    for row in [head, *rows]:
        lines.append("  ".join(zh.pad(x, w) for x, w in zip(row, widths)).rstrip())
    for u in f.get("uncertain", []):
        lines.append(f"疑似重复:{u['place']}「{u['title']}」—— {u['reason']}(可能对应:{u['candidates']})")
    return "\n".join(lines)
