"""What an analyst passes the public functions, taken as meant or refused in Chinese.

The one place the public functions (``sq.read_ledgers``, ``sq.validate``, ``sq.people`` … ``sq.rollup``,
``sq.Period``) turn their arguments into what they work on: a year or quarter written as text in a
notebook (``"2025"``, ``"2"``) is that number everywhere; a path where a Ledger is taken, or a table of
one, is a TypeError saying what to pass instead, not an AttributeError from deep inside; a rules file's
path is read wherever rules are taken, as ``read_ledgers`` reads it.

Nothing here imports pandas at module level: ``sq.Period`` (the CLI's ``--help``) takes its numbers here.
"""
from __future__ import annotations

import numbers
import os
from pathlib import Path

# The numbers a period is made of, as the messages name them.
NUMBER_ZH = {"year": "年度", "quarter": "季度", "month": "月份", "half": "半年",
             "first_month": "起始月份", "last_month": "结束月份"}


def whole(value, name: str) -> int:
    """``value`` as an int: a whole number (numpy's included) or its digits as text (``"2025"``, ``" 2 "``);
    else a ValueError in Chinese naming the number (``name``: a key of ``NUMBER_ZH``). True/False are
    refused: a flag passed where a number belongs."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):  # numpy's bool_ is not Integral
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    raise ValueError(f"{NUMBER_ZH.get(name, name)}应为整数,实为 {value!r}")


def optional_whole(value, name: str) -> int | None:
    """``whole``, or None left as None (a quarter, month or year not given)."""
    return None if value is None else whole(value, name)


LEDGER_WANTED = "应传入 sq.read_ledgers 读出的台账(Ledger)"


def ledger(value, counted_too: bool = True):
    """``value`` when it is a Ledger (or, ``counted_too``, the counted records an inner call passes on);
    else a TypeError saying what to pass: a path is to be read first, a table is one part of a ledger."""
    from .records import Ledger

    if isinstance(value, Ledger):
        return value
    if counted_too:
        from .compute.counted import Counted

        if isinstance(value, Counted):
            return value
    if isinstance(value, (str, os.PathLike)):
        raise TypeError(f'{LEDGER_WANTED},而不是路径“{value}”;请先读取:ledger = sq.read_ledgers(r"{value}"),再传入 ledger')
    kind = type(value).__name__
    if kind in ("DataFrame", "Series"):
        raise TypeError(f"{LEDGER_WANTED},而不是表格({kind});台账的一张表(如 ledger.submissions)不能单独统计,请传入整个台账")
    raise TypeError(f"{LEDGER_WANTED},实为 {kind}")


def rules(value, year: int | None = None):
    """``value`` when it is Rules or None (the ledger's own, or the shipped ones, as each function says);
    a rules file's path read as ``read_ledgers`` reads it (``load_rules(path, year)``); else a TypeError."""
    from .rules import Rules

    if value is None or isinstance(value, Rules):
        return value
    if isinstance(value, (str, os.PathLike)):
        return _loaded(Path(value), year)
    raise TypeError(f"规则应为 sq.load_rules 读出的规则(Rules)或规则文件的路径,实为 {type(value).__name__}")


_LOADED: dict[tuple, tuple] = {}


def _loaded(path: Path, year: int | None):
    """A rules file read once while it stays as it is (its time and size) and its Rules are not edited in
    place (their digest): the computations keep what they worked out per rules object, so the same file
    given again is the same Rules, and an edit of either is read afresh."""
    from .rules import load_rules

    try:
        stamp = path.stat()
    except OSError:  # load_rules says it (找不到规则文件), in its words
        return load_rules(path, year=year)
    key = (str(path.resolve()), year, stamp.st_mtime_ns, stamp.st_size)
    held = _LOADED.get(key)
    if held is not None and held[0].refresh() == held[1]:
        return held[0]
    rules = load_rules(path, year=year)
    if len(_LOADED) >= 8:
        _LOADED.clear()
    _LOADED[key] = (rules, rules.refresh())
    return rules
