"""``sqmy compute {people,rewards,units,summary,instructions,all}``: the computations as tables, JSON, CSV or Excel.

Every format shows the same fields, from one table spec per computation (:mod:`sqmy_lib.render.spec`):
the terminal table and the CSV/xlsx headers are the spec's Chinese labels, the JSON keys its column
names. ``summary`` prints its figures as rows (项目, 数值); its JSON is the whole Summary.

``all`` reads the ledgers once and gives the five together: one workbook with a sheet each, one JSON
object keyed by computation, a CSV file each in the --out folder, or the tables one after another.
"""
from __future__ import annotations

import json
import re
import sys
from decimal import Decimal

from typing import TYPE_CHECKING

from .validate import _add_inputs

if TYPE_CHECKING:  # imported where used: ``sqmy --help`` loads no pandas
    import pandas as pd

    from .. import compute
    from ..render import spec as specs


def table_spec(what: str, rules, period=None, table=None) -> specs.TableSpec:
    """The columns ``sqmy compute WHAT`` shows, in every format; with the ``period`` and the ``table``
    computed, a completion judged over more than the period says so (``compute.base.cumulative_text``)."""
    from ..compute.base import cumulative_text
    from ..render import spec as specs

    def basis(kind: str, column: str, adopted: bool = False) -> str:
        return "" if period is None else cumulative_text(rules, kind, table[column], period, adopted)

    return {
        "people": lambda: specs.people(rules.tiers, basis("people", "role")),
        "units": lambda: specs.units(rules.tiers, basis("units", "peer_group"), basis("units", "peer_group", True)),
        "rewards": lambda: specs.REWARDS,
        "instructions": lambda: specs.INSTRUCTIONS,
    }[what]()


# Each computation's Chinese name: the help text, the sheet of ``all``'s workbook, the file of its CSV.
COMPUTATIONS = {"summary": "概况", "people": "个人完成情况", "units": "单位积分排名", "rewards": "稿酬",
                "instructions": "批示件跟踪"}


def register(sub) -> None:
    p = sub.add_parser("compute", help="统计:" + "、".join(COMPUTATIONS.values()))
    p.add_argument("what", choices=[*COMPUTATIONS, "all"], metavar="统计项目",
                   help=",".join(f"{k} {v}" for k, v in COMPUTATIONS.items()) + ",all 以上全部(台账只读一次)")
    _add_inputs(p)
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="季度(不填为全年)")
    p.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table", help="输出格式")
    p.add_argument("--out", metavar="FILE", help="输出文件(xlsx 必填;其他格式不填则打印;all 的 csv 为输出文件夹)")
    p.add_argument("--allow-empty", action="store_true", help="台账中没有该年度任何记录时也列出(全为0的)统计")
    p.set_defaults(run=run_compute)


_DECIMAL = "__sqmy_decimal__:"


def _json_default(o):
    if isinstance(o, Decimal):
        return f"{_DECIMAL}{o:.2f}"  # replaced by a bare number below
    import pandas as pd

    if isinstance(o, pd.Timestamp):
        return o.strftime("%Y-%m-%d")
    raise TypeError(f"cannot serialise {type(o).__name__}")


def to_json(payload) -> str:
    """JSON with money as numbers carrying exactly two decimals (``150.00``), never floats."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default)
    return re.sub(rf'"{_DECIMAL}(-?\d+\.\d\d)"', r"\1", text)


def summary_rows(result: compute.Summary, rules) -> tuple[pd.DataFrame, specs.TableSpec, list[str]]:
    """A summary as (项目, 数值) rows, the figures a circular states, with each row's kind."""
    from ..render import spec as specs

    figures = specs.summary_figures(rules.tiers, rules.leader_levels, result.to_dict())
    table, _, kinds = specs.figure_table(figures, {"数值": result.to_dict()})
    return table, specs.spec(specs.Column("项目", "项目"), specs.Column("数值", "数值", "count")), kinds


def run_compute(args) -> int:
    from .. import compute
    from .validate import _read_and_check, unread_files

    if args.what == "all" and args.format in ("csv", "xlsx") and not args.out:
        where = "输出文件夹" if args.format == "csv" else "输出文件"
        print(f"sqmy: all 的 {args.format} 需要 --out 指定{where}", file=sys.stderr)
        return 2
    ledger, report = _read_and_check(args)
    for line in unread_files(ledger):  # before any figure: they are short by what these files hold
        print(f"sqmy: {line}", file=sys.stderr)
    for issue in report.issues:
        if issue.code == "input.no_files":
            print(f"sqmy: {issue.message} [{issue.code}]", file=sys.stderr)
    period = compute.Period.of(args.year or ledger.year or 0, quarter=args.quarter)
    if not period.year:
        print("sqmy: 无法确定年度,请用 --year 指定", file=sys.stderr)
        return 2
    if _refused_as_empty(args, ledger, period):
        return 2
    for issue in report.issues:
        if issue.code == "ledger.several_years":  # the figures are of one year: which, said before them
            print(f"提示:{issue.message}", file=sys.stderr)
    c = compute.counted(ledger, ledger.rules)  # the --rules file's quotas, rewards and points
    if c.left_out_text:
        print(f"提示:{c.left_out_text}(详见 sqmy validate)", file=sys.stderr)
    results = {what: _computed(what, c, period) for what in (COMPUTATIONS if args.what == "all" else [args.what])}
    said = {"units": compute.no_unit_list, "people": compute.names_in_several_units, "rewards": compute.names_in_several_units}
    notes = [*c.notes, *dict.fromkeys(said[what](c) for what in results if what in said)]
    for note in dict.fromkeys(notes):
        if note:  # after the figures: computing them may add one (rewards: an earlier year's rules)
            print(f"提示:{note}", file=sys.stderr)
    if args.what == "all":
        _emit_all(args, results)
    else:
        _emit(args, *results[args.what])
    return report.exit_code


def _refused_as_empty(args, ledger, period) -> bool:
    """Whether the period's year holds nothing to compute (said, ``period.empty``): no table of zeros that
    reads as everyone 未报送. A year with adoptions or 批示 but no item (January's adoptions of December's
    items, this year's 报送台账 not read) has 稿酬 and 批示 to compute, not 报送 or quotas."""
    from .. import compute

    empty = compute.empty_period_text(ledger, period)
    figures = args.what in ("rewards", "instructions") and compute.records_only(ledger, period)
    if empty and not args.allow_empty and not figures:
        print(f"sqmy: {empty}(确需列出全为0的统计时加 --allow-empty) [period.empty]", file=sys.stderr)
        return True
    if empty:
        print(f"提示:{empty}", file=sys.stderr)
    return False


def _computed(what: str, c, period) -> tuple:
    """One computation as (table, spec, JSON payload, row kinds)."""
    from .. import compute

    if what == "summary":
        result = compute.summary(c, period)
        table, spec, row_kinds = summary_rows(result, c.rules)
        return table, spec, result.to_dict(), row_kinds
    # The 督办 list carries the 批示 still open when the period began (last year's too), as the circular does.
    fn = {"people": compute.people, "rewards": compute.rewards, "units": compute.units,
          "instructions": lambda c, p: compute.instructions(c, p, carried=True)}[what]
    table = fn(c, period)
    spec = table_spec(what, c.rules, period, table).present(table)
    return table, spec, spec.records(table), None


def _emit_all(args, results: dict) -> None:
    """The five together: a sheet each, one JSON object, a CSV file each, or the tables one after another."""
    from pathlib import Path

    from ..iorw import mark_output_dir, write_text, write_texts_together
    from ..render.tables import csv_text, terminal_text, write_xlsx_sheets

    if args.format == "xlsx":
        write_xlsx_sheets([(COMPUTATIONS[w], t, s, k) for w, (t, s, _, k) in results.items()], args.out)
        return
    if args.format == "csv":
        mark_output_dir(args.out)  # the tables are never read back as ledgers (a folder inside the ledgers')
        # One set: a failure (a CSV open in WPS) keeps every earlier table, not some old and some new.
        write_texts_together({Path(args.out) / f"{COMPUTATIONS[what]}.csv": csv_text(table, spec, kinds)
                              for what, (table, spec, _, kinds) in results.items()}, encoding="utf-8-sig", newline="")
        return
    if args.format == "json":
        text = to_json({what: payload for what, (_, _, payload, _) in results.items()})
    else:
        text = "\n\n".join(f"【{COMPUTATIONS[w]}】\n{terminal_text(t, s, k)}" for w, (t, s, _, k) in results.items())
    if args.out:
        write_text(args.out, text + "\n")
    else:
        print(text)


def _emit(args, table: pd.DataFrame, spec: specs.TableSpec, payload, row_kinds) -> None:
    from ..iorw import write_text
    from ..render.tables import csv_text, terminal_text, write_csv, write_xlsx

    if args.format == "json":
        text = to_json(payload)
    elif args.format == "csv":
        if args.out:
            write_csv(table, spec, args.out, row_kinds)
            return
        text = csv_text(table, spec, row_kinds).rstrip("\n")
    elif args.format == "xlsx":
        if not args.out:
            raise SystemExit("sqmy: --format xlsx 需要 --out 指定输出文件")
        write_xlsx(table, spec, args.out, row_kinds=row_kinds)
        return
    else:
        text = terminal_text(table, spec, row_kinds)
    if args.out:
        write_text(args.out, text + "\n")
    else:
        print(text)
