"""The reports sqmy produces by running a notebook: one registry, used by the CLI, the scheduler and
the Airflow export.

A report kind says which notebook makes it, what staff call it, which period it covers and how the
files of one run are named (the stem, from the period). It sits beside ``period.py``, below
``compute/``, so that the computations, ``run/`` and ``schedule/`` all take the same stem from
here: a stem copied into a second place is how a roll-up once came out named ``…通报`` instead of
``…汇总通报``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .period import Period


@dataclass(frozen=True)
class ReportKind:
    """One report: its name in schedule files, notebook, Chinese name and the file-name stem of a period."""

    name: str
    notebook: str
    name_zh: str
    _stem: Callable[[Period], str]
    within_year: bool = True  # the period may be a quarter, a month or a half (else always a whole year)
    roster: bool = True  # the notebook takes a roster

    def stem(self, period) -> str:
        """The name every output file of one run shares, e.g. ``2025年第三季度社情民意信息通报``."""
        return self._stem(Period.parse(period))

    def period(self, year, quarter=None, month=None, half=None) -> Period:
        """The period a run covers: the ``year``, or (for kinds within a year) one quarter, month or half of it."""
        if not self.within_year:
            return Period.of(int(year))
        as_int = {k: int(v) for k, v in (("quarter", quarter), ("month", month), ("half", half)) if v is not None}
        return Period.of(int(year), **as_int)

    def parameters(self, period: Period) -> dict:
        """The notebook parameters that say the period: ``year``, and ``quarter`` / ``month`` / ``half``."""
        params = {"year": period.year}
        if self.within_year:
            shape, n = period.shape
            params[shape if shape in ("month", "half") else "quarter"] = n if shape in ("quarter", "month", "half") else None
        return params


CIRCULAR = ReportKind("quarterly_circular", "quarterly_circular.ipynb", "季度通报",
                      lambda p: f"{p.label}社情民意信息通报")
COMMENDATION = ReportKind("annual_commendation", "annual_commendation.ipynb", "年度表彰名单",
                          lambda p: f"{p.year}年度社情民意信息工作表彰", within_year=False)
ROLLUP = ReportKind("rollup_circular", "rollup_circular.ipynb", "汇总通报",
                    lambda p: f"{p.label}社情民意信息汇总通报", roster=False)

FEEDBACK = ReportKind("feedback_letters", "feedback_letters.ipynb", "反馈函",
                      lambda p: f"{p.label}社情民意信息反馈函")

KINDS: dict[str, ReportKind] = {k.name: k for k in (CIRCULAR, COMMENDATION, ROLLUP, FEEDBACK)}


def report_kind(name: str) -> ReportKind:
    """The kind called ``name`` (``quarterly_circular``, ``annual_commendation``, ``rollup_circular``,
    ``feedback_letters``)."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"未知的报告类型 {name!r}(可用:{'、'.join(KINDS)})") from None
