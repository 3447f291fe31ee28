"""``sqmy feedback``, ``sqmy export duties|appraisal`` and ``sqmy certificate``: the office's
follow-through work (L89, L263, L342, L88).

``sqmy feedback`` is a report like the circular: its notebook (``feedback_letters.ipynb``) runs
through ``produce_report`` (inputs checked first, staged, a failed notebook kept). The exports and
the certificate are single files written directly (atomically); the ledgers are only read.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..kinds import FEEDBACK
from .reports import _add_common, produce, report_parameters


def register(sub) -> None:
    p = sub.add_parser("feedback", help="生成给每个单位、每位委员和信息员的反馈函(Word)及索引工作簿")
    _add_common(p)
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="季度(不填则为全年)")
    p.set_defaults(run=run_feedback)

    p = sub.add_parser("export", help="导出委员履职档案(duties)或信息员考核表(appraisal),.xlsx 或 .csv")
    what = p.add_subparsers(dest="what", metavar="表", required=True)
    for name, help_ in (("duties", "委员履职档案:每位委员每年一行"), ("appraisal", "信息员考核表:按月报送、采用、批示、稿酬、考核等次")):
        q = what.add_parser(name, help=help_)
        _inputs(q)
        q.add_argument("--year", type=int, required=True, metavar="Y", help="年度")
        q.add_argument("--out", required=True, metavar="FILE", help="输出文件(.xlsx 或 .csv)")
        q.set_defaults(run=run_export)

    p = sub.add_parser("certificate", help="为指定信息开具采用证明(Word,每条一页)")
    _inputs(p)
    p.add_argument("--item", action="append", required=True, metavar="编号或标题", help="信息的编号或标题(可写多个)")
    p.add_argument("--year", type=int, metavar="Y", help="台账年度(文件名、标题没有写明年度时)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="证明的成文日期(默认今天)")
    p.add_argument("--out", required=True, metavar="DIR", help="输出目录")
    p.set_defaults(run=run_certificate)


def _inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--rules", metavar="PATH", help="规则文件(默认:PATH 所在工作文件夹的 规则.yaml,否则内置规则)")
    p.set_defaults(office_inputs=True)  # an office folder's 名册.xlsx and 规则.yaml (cli.init.office_inputs)
    p.add_argument("--today", metavar="YYYY-MM-DD", help="统计截止日(默认今天;用于复现)")


def run_feedback(args) -> int:
    from ..period import Period
    from .reports import warn_early_date

    warn_early_date(args, Period.of(args.year, quarter=args.quarter), "反馈")
    return produce(FEEDBACK, report_parameters(args), Path(args.out), timeout=args.timeout,
                   allow_empty=args.allow_empty)


def _missing(args) -> list[str]:
    named = [("台账", p) for p in args.paths] + [(k, v) for k, v in (("名册", args.roster), ("规则文件", args.rules)) if v]
    return [f"{label} {p}" for label, p in named if not Path(p).exists()]


def _read(args, year):
    from ..read import read_ledgers
    from ..rules import load_rules

    rules = load_rules(args.rules, year=year)
    today = dt.date.fromisoformat(args.today) if getattr(args, "today", None) else None
    return read_ledgers(args.paths, roster=args.roster, year=year, rules=rules), rules, today


def run_export(args) -> int:
    from ..compute.feedback import appraisal, duties
    from ..render.feedback import APPRAISAL, duties_spec, write_table

    missing = _missing(args)
    if missing:
        print(f"sqmy: 文件不存在:{'、'.join(missing)} [inputs.missing]", file=sys.stderr)
        return 2
    if Path(args.out).suffix.lower() not in (".xlsx", ".csv"):
        print(f"sqmy: 输出文件应以 .xlsx 或 .csv 结尾,实为 {args.out}", file=sys.stderr)
        return 2
    ledger, rules, today = _read(args, args.year)
    if args.what == "duties":
        table = duties(ledger, args.year, rules, today=today)
        channels = list((rules.data.get("placement") or {}).get("channels") or [])
        path = write_table(table, duties_spec(rules.tiers, channels, rules.leader_levels), args.out, f"{args.year}年委员履职档案")
    else:
        table = appraisal(ledger, args.year, rules, today=today)
        path = write_table(table, APPRAISAL, args.out, f"{args.year}年信息员考核表")
    print(f"已生成:{Path(path).resolve()}({len(table)} 行)")
    return 0


def find_items(submissions, wanted: str):
    """Rows of ``submissions`` whose 编号 is ``wanted``, else whose title is (spaces ignored)."""
    key = "".join(str(wanted).split())
    by_no = submissions[submissions["item_no"].astype(str).str.replace(r"\s+", "", regex=True) == key]
    if len(by_no):
        return by_no
    titles = submissions["title"].astype(str).str.replace(r"\s+", "", regex=True).str.strip("《》")
    return submissions[titles == key.strip("《》")]


def _certified_items(c, wanted_items: list[str]) -> tuple[list, list[str]]:
    """The submission row of each item asked for, and every problem: an item not found, a title
    shared by several, an item never adopted (nothing to certify: no document, [certificate.not_adopted])."""
    found, problems = [], []
    for wanted in wanted_items:
        rows = find_items(c.submissions, wanted)
        if rows.empty:
            problems.append(f"台账中没有编号或标题为“{wanted}”的信息")
        elif len(rows) > 1:
            where = "、".join(f"{r.file}!{r.sheet}!第{r.row}行" for r in rows.itertuples())
            problems.append(f"“{wanted}”对应 {len(rows)} 条信息({where}),请改用编号")
        elif not (c.all_adoptions["item"] == int(rows.iloc[0]["item"])).any():
            row = rows.iloc[0]
            problems.append(f"《{row['title']}》({row['file']}!{row['sheet']}!第{row['row']}行)台账中没有采用记录,"
                            "不能开具采用证明 [certificate.not_adopted]")
        else:
            found.append(rows.iloc[0])
    return found, problems


def run_certificate(args) -> int:
    import pandas as pd

    from ..compute.counted import counted
    from ..compute.instructions import instructions
    from ..iorw import safe_file_name
    from ..period import Period
    from ..render.document import Issuing
    from ..render.feedback_docx import certificate_gongwen, write_letter

    missing = _missing(args)
    if missing:
        print(f"sqmy: 文件不存在:{'、'.join(missing)} [inputs.missing]", file=sys.stderr)
        return 2
    try:
        date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        print(f"sqmy: 参数错误:--date 应为日期,如 2026-01-05,实为 {args.date}", file=sys.stderr)
        return 2
    ledger, rules, today = _read(args, args.year)
    c = counted(ledger, rules, today)
    found, problems = _certified_items(c, args.item)
    if problems:
        for p in problems:
            print(f"sqmy: {p}", file=sys.stderr)
        return 1
    office = (rules.data.get("office") or {}).get("name", "")
    issuing = Issuing.from_rules(rules, "feedback", office, date.year, None, date)
    issuing.cc = ""
    out, taken = Path(args.out), set()
    for row in found:
        item = int(row["item"])
        ad = c.all_adoptions[c.all_adoptions["item"] == item].sort_values("when", kind="stable")
        adoptions = pd.DataFrame({"body": ad["body"].to_numpy(), "issue_no": ad["issue_no"].astype("Int64").to_numpy(),
                                  "tier": ad["tier"].astype(object).to_numpy(),
                                  "channel": ad["channel"].astype(object).to_numpy(),
                                  "routing": ad["routing"].fillna("").astype(str).to_numpy(),
                                  "date": ad["date"].to_numpy()})  # as recorded: none is not the 收稿日期
        years = sorted({int(y) for y in pd.to_datetime(c.instructions.loc[c.instructions["item"] == item, "when"]).dt.year})
        ins = pd.concat([instructions(c, Period.of(y), rules, today) for y in years]) if years else pd.DataFrame()
        ins = ins[ins["item"] == item] if len(ins) else ins
        info = {"title": row["title"], "authors": row["author_text"], "unit": row["unit"], "item_no": row["item_no"],
                "date": row["date"]}
        document = certificate_gongwen(info, adoptions, ins, office, issuing)
        path = write_letter(document, out / safe_file_name(f"采用证明-{row['title']}", ".docx", taken))
        print(f"已生成:{path.resolve()}")
    return 0
