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
from . import compute
from ._version import __version__
from .compute import Period, instructions, people, reward_lines, rewards, summary, units
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

__all__ = [
    "__version__", "read_ledgers", "validate", "load_rules",
    "Period", "summary", "people", "units", "rewards", "reward_lines", "instructions",
    "quarterly_circular", "QuarterlyCircular", "annual_commendation", "AnnualCommendation", "Ledger", "Roster", "Rules", "Report", "compute",
    "load_tree", "read_offices", "rollup", "RollupCircular", "OfficeTree",
]
