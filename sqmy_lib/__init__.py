"""sqmy_lib: 社情民意信息工作台账 — read, validate, compute, render.

Data flows one way::

    read  →  records  →  validate  →  compute  →  render
    (read/)  (records.py) (validate/)  (compute/)  (render/)

In a notebook::

    import sqmy_lib as sq
    ledger = sq.read_ledgers("台账/", roster="名册.xlsx")
    sq.validate(ledger)                       # the issues, cell by cell
    q3 = sq.Period.of(2025, quarter=3)
    sq.summary(ledger, q3)                    # the figures a circular opens with
    sq.people(ledger, q3)                     # per person: submitted, adopted, quota, completion, reward
    sq.units(ledger, q3)                      # per unit: points and rank within its peer group
    sq.rewards(ledger, 2025)                  # payout per person or unit, to the fen
    sq.reward_lines(ledger, 2025)             # one line per (item, beneficiary)
    sq.instructions(ledger, q3)               # instructed items with follow-up status
    sq.quarterly_circular(ledger, 2025, 3)    # everything the 季度通报 shows
    sq.annual_commendation(ledger, 2025)      # 先进集体, 优秀信息员, 十佳信息, 好信息, payout

A city or province office rolling up the offices below it::

    tree = sq.load_tree("各县区台账/")        # a folder per office, or offices.yaml
    ledger = sq.read_offices(tree, rules)
    sq.rollup(ledger, tree, 2025, quarter=4)  # per office, ranked; forwarded items counted once
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

from ._version import __version__

# Public name → (module, attribute), imported on first use: ``import sqmy_lib`` by itself
# loads neither pandas nor the rest, so a process that needs one corner of the library (the
# chart process draws with matplotlib alone) does not pay for all of it.
_LAZY = {
    "Period": (".period", "Period"),
    "instructions": (".compute", "instructions"),
    "people": (".compute", "people"),
    "reward_lines": (".compute", "reward_lines"),
    "rewards": (".compute", "rewards"),
    "summary": (".compute", "summary"),
    "units": (".compute", "units"),
    "QuarterlyCircular": (".compute.circular", "QuarterlyCircular"),
    "quarterly_circular": (".compute.circular", "build_circular"),
    "AnnualCommendation": (".compute.commendation", "AnnualCommendation"),
    "annual_commendation": (".compute.commendation", "build_commendation"),
    "RollupCircular": (".compute.rollup", "RollupCircular"),
    "rollup": (".compute.rollup", "build_rollup"),
    "read_ledgers": (".read", "read_ledgers"),
    "load_tree": (".read.offices", "load_tree"),
    "read_offices": (".read.offices", "read_offices"),
    "Ledger": (".records", "Ledger"),
    "OfficeTree": (".records", "OfficeTree"),
    "Roster": (".records", "Roster"),
    "Rules": (".rules", "Rules"),
    "load_rules": (".rules", "load_rules"),
    "Report": (".validate", "Report"),
    "validate": (".validate", "validate"),
}

if TYPE_CHECKING:  # what the names are, for readers and type checkers
    from . import compute
    from .period import Period
    from .compute import instructions, people, reward_lines, rewards, summary, units
    from .compute.circular import QuarterlyCircular
    from .compute.circular import build_circular as quarterly_circular
    from .compute.commendation import AnnualCommendation
    from .compute.commendation import build_commendation as annual_commendation
    from .compute.rollup import RollupCircular
    from .compute.rollup import build_rollup as rollup
    from .read import read_ledgers
    from .read.offices import load_tree, read_offices
    from .records import Ledger, OfficeTree, Roster
    from .rules import Rules, load_rules
    from .validate import Report, validate


def __getattr__(name: str):
    if name in ("compute", "read", "records", "rules"):  # the subpackages an eager import used to load
        return importlib.import_module(f".{name}", __name__)
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """``sq.validate`` is the function, as it was when everything was imported eagerly: importing
    the ``sqmy_lib.validate`` package would otherwise bind the package to that name."""

    def __setattr__(self, name, value):
        if name == "validate" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "__version__", "read_ledgers", "validate", "load_rules",
    "Period", "summary", "people", "units", "rewards", "reward_lines", "instructions",
    "quarterly_circular", "QuarterlyCircular", "annual_commendation", "AnnualCommendation", "Ledger", "Roster", "Rules", "Report", "compute",
    "load_tree", "read_offices", "rollup", "RollupCircular", "OfficeTree",
]
