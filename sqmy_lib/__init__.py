"""sqmy_lib: 社情民意信息工作台账 — read, validate, compute, render.

Data flows one way::

    read  →  records  →  validate  →  compute  →  render
    (read/)  (records.py) (validate/)  (compute/)  (render/)
"""
from ._version import __version__
from .read import read_ledgers
from .records import Ledger, Roster
from .rules import Rules, load_rules
from .validate import Report, validate

__all__ = ["__version__", "read_ledgers", "Ledger", "Roster", "Rules", "load_rules", "validate", "Report"]
