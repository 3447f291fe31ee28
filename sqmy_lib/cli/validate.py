"""``sqmy validate`` and ``sqmy run``: read ledgers, check them, report."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from ..catalog import SEVERITY_ZH
from ..iorw import mark_output_dir, write_text
from ..rules import load_rules

if TYPE_CHECKING:  # ``sqmy --help`` loads no pandas: the validation is imported when it runs
    from ..records import Ledger
    from ..validate import Report


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹(.xlsx/.xlsm/.xls/.ods)")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--year", type=int, metavar="Y", help="年度(表名、工作表名、文件名都未写明时使用)")
    p.add_argument("--rules", metavar="PATH", help="规则文件(默认用内置规则)")


def register(sub) -> None:
    p = sub.add_parser("validate", help="校验台账,逐单元格指出问题")
    _add_inputs(p)
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument("--annotate", metavar="DIR", help="把标注了问题的台账副本和问题清单写入 DIR")
    p.set_defaults(run=run_validate)

    p = sub.add_parser("run", help="主任务:校验一个办公室的台账(问题标注与汇总),并生成最近一个季度的通报")
    _add_inputs(p)
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="通报的季度(默认:该年度最近一个已结束的季度)")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")
    p.set_defaults(run=run_main_job)


def _read_and_check(args) -> tuple[Ledger, Report]:
    rules = load_rules(args.rules, year=args.year)
    for note in rules.notes:
        print(f"提示:{note}", file=sys.stderr)
    from ..read import read_ledgers
    from ..validate import validate

    ledger = read_ledgers(args.paths, roster=args.roster, year=args.year, rules=rules, missing="report")
    return ledger, validate(ledger, rules)


def summary_text(ledger: Ledger, report: Report) -> str:
    """The short Chinese summary printed after a validation."""
    c = ledger.counts
    ok = int((ledger.files["status"] == "ok").sum()) if len(ledger.files) else 0
    lines = [
        f"读取文件 {len(ledger.files)} 个(成功 {ok} 个),工作表 {len(ledger.sheets)} 张;年度 {ledger.year or '未知'}",
        f"报送 {c['submissions']} 条,采用 {c['adoptions']} 条,批示 {c['instructions']} 件",
        f"错误 {len(report.errors)} 条,警告 {len(report.warnings)} 条",
    ]
    return "\n".join(lines)


def issues_text(report: Report) -> str:
    """One line per issue: severity, cell, code, message."""
    return "\n".join(
        f"{SEVERITY_ZH[i.severity]}  {i.cell}  [{i.code}] {i.message}" for i in report.issues
    )


def _annotate(report: Report, out: str) -> list[Path]:
    from ..render.annotate import write_annotated

    mark_output_dir(out)  # the annotated copies are never read back as ledgers
    return write_annotated([i for i in report.issues if i.row is not None or i.file], out)


def run_validate(args) -> int:
    ledger, report = _read_and_check(args)
    if args.format == "json":
        print(report.to_json())
    else:
        if report.issues:
            print(issues_text(report))
        print(summary_text(ledger, report))
    if args.annotate:
        written = _annotate(report, args.annotate)
        if args.format == "text":
            print(f"已写出标注副本 {len(written)} 个:{args.annotate}")
    return report.exit_code


def last_ended_quarter(year: int, today: dt.date) -> int | None:
    """The latest quarter of ``year`` that has ended by ``today`` (None if none has)."""
    if year < today.year:
        return 4
    if year > today.year:
        return None
    return (today.month - 1) // 3 or None  # 0 quarters ended in January–March


def run_main_job(args) -> int:
    """The main job on one office: validate (report, annotated copies), then the quarterly circular.

    The ledgers are read and checked once, here; the circular's notebook is handed them. It succeeds
    (0) when its outputs are written, even if the ledgers have errors (those are its findings); 2 when
    no ledger could be read at all, 1 when the circular could not be produced.
    """
    from ..iorw import clean_temp_files
    from ..kinds import CIRCULAR
    from .reports import produce

    ledger, report = _read_and_check(args)
    out = mark_output_dir(Path(args.out))  # never read back as ledgers
    clean_temp_files(out)
    write_text(out / "校验报告.json", report.to_json())
    write_text(out / "校验报告.txt", issues_text(report) + "\n\n" + summary_text(ledger, report) + "\n")
    written = _annotate(report, str(out / "问题标注")) if report.issues else []
    print(summary_text(ledger, report))
    print(f"输出:{out / '校验报告.txt'};标注副本 {len(written)} 个在 {out / '问题标注'}")
    if ledger.submissions.empty:
        return 2
    year = args.year or ledger.year
    quarter = args.quarter or last_ended_quarter(year, dt.date.today())
    if quarter is None:
        print(f"提示:{year}年尚无已结束的季度,未生成季度通报", file=sys.stderr)
        return 0
    params = {"year": year, "quarter": quarter, "ledgers": list(args.paths), "roster": args.roster,
              "rules": args.rules}
    return produce(CIRCULAR, params, out / "季度通报", ledger=ledger, report=report)
