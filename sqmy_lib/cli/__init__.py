"""The ``sqmy`` command. Each sub-command lives in its own module; this one only dispatches.

Exit codes: 0 fine (warnings allowed), 1 the ledgers have errors, 2 an input
could not be read at all or the command was misused; ``sqmy run`` also 3: its outputs are produced
but rows with errors were left out of them (see ``validate.run_main_job``). Staff never see a raw
traceback: unexpected failures are reported in one Chinese line.

Console output never fails on a character the console cannot show (a Chinese Windows console is
cp936/GBK, and a ledger cell may hold an emoji): such a character is printed as "?".
"""
from __future__ import annotations

import argparse
import errno
import re
import sys

from .._version import __version__
from ..configfile import ConfigError
from ..iorw import OutputOverInput
from ..rules import RulesError
from . import compute, feedback, files, init, reports, rollup, rules, schedule, validate


# argparse's own messages, as staff read them (the rest pass through as argparse words them).
_ARGPARSE_ZH = [
    (re.compile(r"the following arguments are required: (.+)"), "缺少参数 {0}"),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), "{0} 应为整数,实为“{1}”"),
    (re.compile(r"argument (\S+): invalid float value: '(.*)'"), "{0} 应为数字,实为“{1}”"),
    (re.compile(r"argument (\S+): invalid choice: '(.*?)' \(choose from (.*)\)"), "{0} 的值“{1}”无效,可选:{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "{0} 后面需要一个值"),
    (re.compile(r"argument (\S+): expected at least one argument"), "{0} 后面至少需要一个值"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "{0} 不能与 {1} 同时使用"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数 {0}"),
    (re.compile(r"ambiguous option: (\S+) could match (.+)"), "选项 {0} 有歧义,可能是 {1}"),
]


def _in_chinese(message: str) -> str:
    for pattern, text in _ARGPARSE_ZH:
        if m := pattern.fullmatch(message.strip()):
            return text.format(*m.groups())
    return message


class _UsageInChinese:
    """Mixed into a sub-command's help formatter: "用法:" where argparse writes "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法:" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with staff's language: Chinese headings, help line and misuse messages."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        formatter = kwargs.get("formatter_class", argparse.HelpFormatter)
        kwargs["formatter_class"] = type(formatter.__name__, (_UsageInChinese, formatter), {})
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):  # misuse: Chinese line, exit 2
        self.print_usage(sys.stderr)
        self.exit(2, f"sqmy: 参数错误:{_in_chinese(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sqmy", description="社情民意信息台账:读取、校验、统计、通报与表彰")
    parser.add_argument("--version", action="version", version=f"sqmy_lib {__version__}",
                        help="显示版本并退出")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")
    for module in (init, validate, compute, reports, feedback, rollup, files, rules, schedule):
        module.register(sub)
    return parser


def _forgiving_console() -> None:
    """Replace, rather than fail on, characters stdout/stderr cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # not a text stream we own (a test's capture)
            pass


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sqmy`` console script."""
    _forgiving_console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        if getattr(args, "office_inputs", False):  # PATH an office folder (sqmy init): its roster and rules
            init.office_inputs(args)
        return int(args.run(args) or 0)
    except (RulesError, ConfigError) as exc:  # a bad rules, schedule or manifest file: the exact key
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sqmy: 已中断", file=sys.stderr)
        return 130
    except OutputOverInput as exc:  # an output asked onto a ledger just read: refused, the ledger kept
        print(f"sqmy: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a full disk, a read-only folder: the run failed, in words staff act on
        if isinstance(exc, BrokenPipeError):  # sqmy … | head: the reader has what it wanted
            return 1
        return _os_failure(exc)
    except Exception as exc:  # the last line of defence: one readable line, never a traceback
        if (cause := _os_cause(exc)) is not None:  # xlsxwriter's FileCreateError over a full disk: the OS's error
            return _os_failure(cause)
        print(f"sqmy: 运行失败(程序错误):{exc}", file=sys.stderr)  # the last resort, no exception class named
        return 2


def _os_cause(exc: BaseException) -> OSError | None:
    """The OS error a library's own exception wraps (as its argument, cause or context), or None."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError):
            return exc
        exc = next((a for a in exc.args if isinstance(a, OSError)), None) or exc.__cause__ or exc.__context__
    return None


def _os_failure(exc: OSError) -> int:
    """Say an OS error in words staff act on, with its stable code (``[os.ENOSPC]``); exit 1."""
    from ..zh import os_error

    # A rename onto an output staff have open in Excel (Windows refuses it): filename2 is that output,
    # filename only the temporary file beside it.
    said = os_error(exc.errno, exc.filename2 or exc.filename)
    code = f"[os.{errno.errorcode.get(exc.errno or 0, 'error')}]"  # a stable code beside the words: ENOSPC, EACCES
    print(f"sqmy: 运行失败:{said} {code}" if said else f"sqmy: 运行失败(系统错误):{exc.strerror or exc} {code}", file=sys.stderr)
    # A writer left half-open by the failure (a zip file over a full disk) may complain as it is collected
    # at exit: not a traceback staff should see.
    sys.unraisablehook = lambda unraisable: None
    return 1


if __name__ == "__main__":
    sys.exit(main())
