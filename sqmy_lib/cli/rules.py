"""``sqmy rules check`` and ``sqmy rules show``: validate a rules file, print the rules in force."""
from __future__ import annotations

import sys
from pathlib import Path

from ..rules import load_rules, rules_text
from ..rules.check import RulesError, RulesFileError, check_file
from ..rules.model import placeholders_left
from .init import RULES, office_of


def register(sub) -> None:
    p = sub.add_parser("rules", help="规则文件:校验,或打印现行规则")
    p.set_defaults(run=lambda args: _usage(p))
    rules_sub = p.add_subparsers(dest="rules_command", metavar="子命令")

    q = rules_sub.add_parser("check", help="校验规则文件,逐项指出问题")
    q.add_argument("file", metavar="FILE", help="规则文件(.yaml)")
    q.set_defaults(run=run_check)

    q = rules_sub.add_parser("place", help="按规则认定采用单位(或批示领导)的层级和渠道,并说明依据")
    q.add_argument("bodies", nargs="+", metavar="BODY", help="采用单位、刊物或领导职务,如 省政协信息专报、转送县民政局")
    q.add_argument("--year", type=int, metavar="Y", help="年度(默认用最新规则)")
    q.add_argument("--rules", metavar="FILE", help="规则文件(默认用内置规则)")
    q.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    q.set_defaults(run=run_place)

    q = rules_sub.add_parser("show", help="以附件形式打印现行规则")
    q.add_argument("--year", type=int, metavar="Y", help="年度(无该年度规则时沿用此前最近年度)")
    q.add_argument("--rules", metavar="FILE", help="规则文件(默认用内置规则)")
    q.set_defaults(run=run_show)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_check(args) -> int:
    """0 valid, 1 the file has problems (YAML syntax included), 2 it could not be read at all."""
    try:
        data, problems = check_file(args.file)
    except RulesFileError as exc:
        for problem in exc.problems:
            print(f"sqmy: {problem}", file=sys.stderr)
        return 2
    if problems:
        print(f"规则文件有误:{args.file}(共 {len(problems)} 处)")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"规则文件有效:{args.file}(版本 {data['version']})")
    for line in placeholders_left(data):  # valid, but not yet this office's: said, exit 0
        print(f"提示:{line}")
    return 0


def run_place(args) -> int:
    """Where each body stands under the rules: tier (None when unplaced), channel and the rule that
    placed it. 0 when every body is placed, 1 when one is not (staff then add a word to the rules)."""
    import json

    try:
        rules = load_rules(args.rules, year=args.year)
    except RulesError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, RulesFileError) else 1
    _office_rules_unused(args)
    rows = []
    for body in args.bodies:
        placed = rules.place(body)
        rule = placed.rule or "无规则能认定其层级"
        if placed.routing:
            rule += f";本会的{placed.routing}"
        rows.append({"body": body, "tier": placed.tier, "channel": placed.channel, "rule": rule})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            where = f"{r['tier']}、{r['channel'] or '渠道不明'}" if r["tier"] else "未能认定"
            print(f"{r['body']}:{where}(依据:{r['rule']})")
    return 0 if all(r["tier"] for r in rows) else 1


def run_show(args) -> int:
    """Print the rules in force; like ``check``, 1 for a rules file with problems, 2 for one not readable."""
    try:
        rules = load_rules(args.rules, year=args.year)
    except RulesError as exc:
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, RulesFileError) else 1
    _office_rules_unused(args)
    print(rules_text(rules), end="")
    return 0


def _office_rules_unused(args) -> None:
    """Without --rules these commands show the built-in rules; run in an office folder (or its 台账/), or beside
    a 规则.yaml, the office's own file is not used: said on stderr with the option that would use it. Printed
    as the appendix of a 通知, the built-in rates (市级 100.00元) stood for the office's own (300.00元) unsaid."""
    if args.rules is not None:
        return
    office = office_of(Path("."))
    rules = (office if office is not None else Path(".")) / RULES
    if rules.is_file():
        print(f"提示:以下是软件内置的规则,未使用本单位的 {rules};查看本单位的规则请加 --rules {rules}", file=sys.stderr)
