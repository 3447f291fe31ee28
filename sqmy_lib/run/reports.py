"""The reports sqmy produces by running a notebook: which notebook, what it is called, how its files are named."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Callable

from ..period import Period
from ..compute.commendation import commendation_stem
from ..compute.rollup import rollup_stem


@dataclass(frozen=True)
class ReportKind:
    """One report: its notebook, what it is called in messages, and the file-name stem of a run."""

    notebook: str
    name_zh: str
    stem: Callable[[argparse.Namespace], str]


CIRCULAR = ReportKind("quarterly_circular.ipynb", "通报",
                      lambda a: f"{Period.of(a.year, **{k: getattr(a, k, None) for k in ('quarter', 'month', 'half')}).label}社情民意信息通报")
COMMENDATION = ReportKind("annual_commendation.ipynb", "表彰名单",
                          lambda a: commendation_stem(getattr(a, "span", None) or f"{a.year}年度"))
ROLLUP = ReportKind("rollup_circular.ipynb", "汇总通报",
                    lambda a: rollup_stem(Period.of(a.year, quarter=a.quarter)))
