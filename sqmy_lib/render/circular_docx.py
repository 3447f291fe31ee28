"""The quarterly circular (季度通报) and the roll-up as a Word 公文, from a :class:`QuarterlyCircular`.

The content is built by :func:`~.circular_text.circular_gongwen` and laid out by
:func:`~.gongwen.write_gongwen`; how it is issued (organ, 发文字号, 成文日期, 抄送) comes from the
rules' ``documents`` section and the run's options. Charts go to the workbook and the HTML
report, not into the 公文.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..compute.circular import QuarterlyCircular
from .circular_text import circular_gongwen
from .document import Issuing
from .gongwen import write_gongwen


def circular_issuing(circ: QuarterlyCircular, date: dt.date | None = None, number: int | str | None = None) -> Issuing:
    """How this circular is issued, from its rules: the office's organ, 发文字号 ``number``, 成文日期 ``date``."""
    return Issuing.from_rules(circ.rules, "circular", circ.office, circ.period.year, number=number, date=date)


def write_circular_docx(circ: QuarterlyCircular, path: str | Path, date: dt.date | None = None,
                        number: int | str | None = None, issuing: Issuing | None = None) -> Path:
    """Write the circular as a .docx at ``path``: ``date`` is the 成文日期 (default today), ``number``
    the 发文字号's number (blank when not given)."""
    return write_gongwen(circular_gongwen(circ, issuing or circular_issuing(circ, date, number)), path)
