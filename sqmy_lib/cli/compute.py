"""``sqmy compute {people,rewards,units,summary,instructions}``: the computations as tables, JSON, CSV or Excel."""
from __future__ import annotations

import json
import re
import sys
from decimal import Decimal

import pandas as pd

from .. import compute
from ..iorw import write_text
from ..render.tables import for_people, write_csv, write_xlsx
from .validate import _add_inputs, _read_and_check

# The JSON shapes other tools depend on: keep them stable.
JSON_FIELDS = {
    "people": ["name", "role", "unit", "submitted", "adopted", "instructed", "quota", "completion", "missed_months"],
    "rewards": ["name", "unit", "items", "amount"],
    "units": ["unit", "peer_group", "submitted", "adopted", "instructed", "points", "rank"],
    "instructions": ["item_no", "title", "authors", "unit", "leader", "level", "date", "follow_up", "department", "assigned",
                     "due", "replied", "status", "overdue", "days_open"],
}


def register(sub) -> None:
    p = sub.add_parser("compute", help="统计:个人完成情况、稿酬、单位积分排名、概况、批示件跟踪")
    p.add_argument("what", choices=["people", "rewards", "units", "summary", "instructions"], help="统计项目")
    _add_inputs(p)
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="季度(不填为全年)")
    p.add_argument("--format", choices=["table", "json", "csv", "xlsx"], default="table", help="输出格式")
    p.add_argument("--out", metavar="FILE", help="输出文件(xlsx 必填;其他格式不填则打印)")
    p.set_defaults(run=run_compute)


_DECIMAL = "__sqmy_decimal__:"


def _json_default(o):
    if isinstance(o, Decimal):
        return f"{_DECIMAL}{o:.2f}"  # replaced by a bare number below
    if isinstance(o, pd.Timestamp):
        return o.strftime("%Y-%m-%d")
    raise TypeError(f"cannot serialise {type(o).__name__}")


def to_json(payload) -> str:
    """JSON with money as numbers carrying exactly two decimals (``150.00``), never floats."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default)
    return re.sub(rf'"{_DECIMAL}(-?\d+\.\d\d)"', r"\1", text)


def _plain(value):
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, Decimal)):
        return value.item()
    return value


def records(df: pd.DataFrame, fields: list[str]) -> list[dict]:
    """Rows as JSON-ready dicts with exactly ``fields``."""
    return [{f: _plain(v) for f, v in zip(fields, row)} for row in df[fields].itertuples(index=False)]


def run_compute(args) -> int:
    ledger, report = _read_and_check(args)
    period = compute.Period.of(args.year or ledger.year or 0, quarter=args.quarter)
    if not period.year:
        print("sqmy: 无法确定年度,请用 --year 指定", file=sys.stderr)
        return 2
    c = compute.counted(ledger)
    if c.left_out_text:
        print(f"提示:{c.left_out_text}(详见 sqmy validate)", file=sys.stderr)
    for note in c.notes:
        print(f"提示:{note}", file=sys.stderr)
    if args.what == "summary":
        result = compute.summary(c, period)
        table, payload = result.to_frame(), result.to_dict()
    else:
        fn = {"people": compute.people, "rewards": compute.rewards, "units": compute.units,
              "instructions": compute.instructions}[args.what]
        table = fn(c, period)
        payload = records(table, JSON_FIELDS[args.what])
    _emit(args, table, payload)
    return report.exit_code


def _emit(args, table: pd.DataFrame, payload) -> None:
    if args.format == "json":
        text = to_json(payload)
    elif args.format == "csv":
        if args.out:
            write_csv(table, args.out)
            return
        text = for_people(table).to_csv(index=False)
    elif args.format == "xlsx":
        if not args.out:
            raise SystemExit("sqmy: --format xlsx 需要 --out 指定输出文件")
        write_xlsx(table, args.out)
        return
    else:
        text = for_people(table).to_string(index=False)
    if args.out:
        write_text(args.out, text + "\n")
    else:
        print(text)
