"""Periods a circular or a computation covers: a year, a half, a quarter or a month."""
from __future__ import annotations

import datetime as dt
import numbers
import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from .arguments import optional_whole, whole

if TYPE_CHECKING:  # pandas is imported where a period meets dates: the CLI's --help needs none
    import pandas as pd

_QUARTER_ZH = "一二三四"
_HALF_ZH = ("上半年", "下半年")
# The written forms ``Period.parse`` takes: 2025, 2025Q3 / 2025-Q3, 2025H1 / 2025-H1, 2025-03 / 2025M3.
_WRITTEN = re.compile(r"(?P<year>\d{4})(?:-?[Qq](?P<quarter>[1-4])|-?[Hh](?P<half>[12])"
                      r"|(?:-[Mm]?|[Mm])(?P<month>0?[1-9]|1[0-2]))?")


@dataclass(frozen=True)
class Period:
    """A closed span of whole months within one year: ``Period(2025, 7, 9)`` is 2025年第三季度."""

    year: int
    first_month: int = 1
    last_month: int = 12

    def __post_init__(self) -> None:
        # Whole numbers (a year from a DataFrame is a numpy integer) kept as ints; months 1–12, in order.
        for name in ("year", "first_month", "last_month"):
            object.__setattr__(self, name, whole(getattr(self, name), name))
        bad = [m for m in (self.first_month, self.last_month) if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"月份应为1–12,实为{'、'.join(map(str, bad))}(期间 {self.first_month}–{self.last_month}月)")
        if self.first_month > self.last_month:
            raise ValueError(f"起始月份{self.first_month}晚于结束月份{self.last_month}:期间应为一年之内从前到后的整月")

    @classmethod
    def of(cls, year: int, quarter: int | None = None, month: int | None = None, half: int | None = None) -> "Period":
        """The year, or one quarter (1–4), month (1–12) or half (1–2) of it (each a whole number, or its
        digits as text: ``Period.of("2025", quarter="2")``)."""
        year = whole(year, "year")
        quarter, month, half = (optional_whole(v, k) for k, v in (("quarter", quarter), ("month", month), ("half", half)))
        given = [x for x in (quarter, month, half) if x is not None]
        if len(given) > 1:
            raise ValueError("只能指定季度、月份、半年中的一个")
        if quarter is not None:
            if not 1 <= quarter <= 4:
                raise ValueError(f"季度应为1–4,实为{quarter}")
            return cls(year, 3 * quarter - 2, 3 * quarter)
        if month is not None:
            if not 1 <= month <= 12:
                raise ValueError(f"月份应为1–12,实为{month}")
            return cls(year, month, month)
        if half is not None:
            if half not in (1, 2):
                raise ValueError(f"半年应为1或2,实为{half}")
            return cls(year, 6 * half - 5, 6 * half)
        return cls(year)

    @classmethod
    def parse(cls, value: "Period | pd.Period | str | int") -> "Period":
        """A Period from what an analyst or a file writes: a ``Period``, a ``pd.Period`` (year, quarter,
        month), a year (``2025``, ``"2025"``), ``"2025Q3"``, ``"2025-03"`` or ``"2025H1"``."""
        if isinstance(value, Period):
            return value
        import pandas as pd

        if isinstance(value, pd.Period):
            start, end = value.start_time, value.end_time
            if start.year != end.year or start.day != 1 or end.normalize() != (end + pd.offsets.MonthEnd(0)).normalize():
                raise ValueError(f"期间应为一年之内的整月(年、季度、月),实为 {value}")
            return cls(start.year, start.month, end.month)
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return cls.of(int(value))  # a year, numpy's too (np.int64 from a DataFrame)
        if isinstance(value, str):
            m = _WRITTEN.fullmatch(value.strip())
            if m:
                year = int(m["year"])
                if m["quarter"]:
                    return cls.of(year, quarter=int(m["quarter"]))
                if m["half"]:
                    return cls.of(year, half=int(m["half"]))
                if m["month"]:
                    return cls.of(year, month=int(m["month"]))
                return cls.of(year)
        raise ValueError(f"无法识别的期间 {value!r}(可写 2025、2025Q3、2025-03、2025H1 或 pd.Period)")

    @property
    def shape(self) -> tuple[str, int]:
        """What the span is: ("year", 0), ("quarter", 1–4), ("half", 1–2), ("month", 1–12) or ("months", 0)."""
        if (self.first_month, self.last_month) == (1, 12):
            return "year", 0
        if self.months == 3 and self.first_month % 3 == 1:
            return "quarter", self.last_month // 3
        if self.months == 6 and self.first_month in (1, 7):
            return "half", self.first_month // 6 + 1
        if self.months == 1:
            return "month", self.first_month
        return "months", 0

    @property
    def key(self) -> str:
        """The short written form: ``2025``, ``2025Q3``, ``2025H1``, ``2025-07`` (all read back by ``parse``),
        or ``2025-01..09`` for another span of months."""
        kind, n = self.shape
        if kind == "year":
            return f"{self.year}"
        if kind in ("quarter", "half"):
            return f"{self.year}{kind[0].upper()}{n}"
        if kind == "month":
            return f"{self.year}-{n:02d}"
        return f"{self.year}-{self.first_month:02d}..{self.last_month:02d}"

    @property
    def quarter(self) -> int | None:
        """1–4 when the period is one quarter, else None."""
        kind, n = self.shape
        return n if kind == "quarter" else None

    @property
    def start(self) -> pd.Timestamp:
        import pandas as pd

        return pd.Timestamp(self.year, self.first_month, 1)

    @property
    def end(self) -> pd.Timestamp:
        """The last day of the period (inclusive)."""
        import pandas as pd

        return (pd.Timestamp(self.year, self.last_month, 1) + pd.offsets.MonthEnd(0)).normalize()

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def year_to_date(self) -> "Period":
        """From January to the end of this period (年度累计)."""
        return Period(self.year, 1, self.last_month)

    @property
    def previous_year(self) -> "Period":
        """The same months a year earlier (同比)."""
        return Period(self.year - 1, self.first_month, self.last_month)

    @property
    def label(self) -> str:
        """``2025年``, ``2025年第三季度``, ``2025年上半年``, ``2025年7月``, ``2025年1–9月``."""
        kind, n = self.shape
        if kind == "year":
            return f"{self.year}年"
        if kind == "quarter":
            return f"{self.year}年第{_QUARTER_ZH[n - 1]}季度"
        if kind == "half":
            return f"{self.year}年{_HALF_ZH[n - 1]}"
        if kind == "month":
            return f"{self.year}年{n}月"
        return f"{self.year}年{self.first_month}–{self.last_month}月"

    def contains(self, dates: pd.Series) -> pd.Series:
        """Which dates fall inside the period (NaT never does)."""
        return (dates >= self.start) & (dates <= self.end)

    def months_from(self, first_month: int) -> int:
        """How many of the period's months fall in or after ``first_month`` of the same year."""
        return max(0, self.last_month - max(self.first_month, first_month) + 1)

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Span:
    """Whole years, ``first_year`` to ``last_year`` (a commendation over 2024—2025): counted as one
    period, so an item is counted once in it (adopted in both years: one item, at its highest tier)."""

    first_year: int
    last_year: int

    @property
    def start(self) -> pd.Timestamp:
        return Period.of(self.first_year).start

    @property
    def end(self) -> pd.Timestamp:
        return Period.of(self.last_year).end

    def contains(self, dates: pd.Series) -> pd.Series:
        """Which dates fall inside the span (NaT never does)."""
        return (dates >= self.start) & (dates <= self.end)


def as_of_date(period: Period, today: dt.date | None = None) -> pd.Timestamp:
    """The day figures are taken at: the period's end, or today if the period is not over."""
    import pandas as pd

    today_ts = pd.Timestamp(today or dt.date.today())
    return min(period.end, today_ts)


EVERY_MONTHS = {"month": 1, "quarter": 3, "half": 6}


def number_in(period: Period, every: str) -> int:
    """Which month, quarter or half (``every``) of its year the period is: 11, 4, 2."""
    return period.last_month // EVERY_MONTHS[every]


def last_ended(year: int, every: str, today: dt.date) -> Period | None:
    """The latest month, quarter or half (``every``) of ``year`` that has ended by ``today``; None if none has."""
    span = EVERY_MONTHS[every]
    done = 12 if year < today.year else (today.month - 1 if year == today.year else 0)
    n = done // span
    if n == 0:
        return None
    return Period(year, span * (n - 1) + 1, span * n)
