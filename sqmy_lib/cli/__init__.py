"""The ``sqmy`` command. Each sub-command lives in its own module; this one only dispatches.

Exit codes: 0 fine (warnings allowed), 1 the ledgers have errors, 2 an input
could not be read at all or the command was misused. Staff never see a raw
traceback: unexpected failures are reported in one Chinese line.
"""
from __future__ import annotations

import argparse
import sys

from ..rules import RulesError
from . import compute, files, reports, rollup, rules, schedule, validate


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # misuse: Chinese line, exit 2
        self.print_usage(sys.stderr)
        self.exit(2, f"sqmy: 参数错误:{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sqmy", description="社情民意信息台账:读取、校验、统计、通报与表彰")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")
    for module in (validate, compute, reports, rollup, files, rules, schedule):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sqmy`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except RulesError as exc:  # a bad rules file: say exactly which key is wrong
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sqmy: 已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one readable line, never a traceback
        print(f"sqmy: 运行失败({type(exc).__name__}):{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
