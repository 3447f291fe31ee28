"""All the files of an annual commendation, written from one AnnualCommendation: the decision
(公文 .docx), the workbook with every list, the basis and the payout sheet, and the HTML report."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import zh
from ..compute.commendation import AnnualCommendation


def commendation_stem(comm: AnnualCommendation) -> str:
    """The file name every output of one commendation shares: ``2025年度社情民意信息工作表彰``."""
    from ..period import Period

    return zh.report_stem("commendation", Period.of(comm.year))


def write_commendation_outputs(comm: AnnualCommendation, out_dir: str | Path, rules=None,
                               date: dt.date | str | None = None, number: int | str | None = None) -> dict[str, Path]:
    """The decision (``<stem>决定.docx``), the workbook (``<stem>名单.xlsx``) and ``<stem>.html``.

    ``rules`` are the rules the lists were computed under (basis, decider, issuer; the year's
    defaults when None), ``date`` the 成文日期 (default today), ``number`` the 发文字号's number."""
    from .commendation_docx import commendation_gongwen, commendation_issuing
    from .commendation_xlsx import write_commendation_xlsx
    from .gongwen import write_gongwen
    from .html import write_report_html

    if rules is None:
        from ..rules import load_rules

        rules = load_rules(year=comm.year)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    out = Path(out_dir)
    stem = commendation_stem(comm)
    document = commendation_gongwen(comm, commendation_issuing(comm, rules, date, number), rules)
    return {
        "docx": write_gongwen(document, out / f"{stem}决定.docx"),
        "xlsx": write_commendation_xlsx(comm, out / f"{stem}名单.xlsx"),
        "html": write_report_html(document, out / f"{stem}.html"),
    }
