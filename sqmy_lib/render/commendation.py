"""All the files of a commendation, written from one AnnualCommendation: the decision (公文 .docx),
the workbook with every list, the basis and the payout sheet, and the HTML report.

Before the candidates are confirmed: the candidates workbook staff confirm in, and the decision
and the lists as drafts (草稿 in their file names and on every page). After: the decision and the
lists with the payout sheet, from the confirmed lists only. The HTML report keeps the run's own
name (``<stem>.html``, the page the run hands over) and says 草稿 at its top while a draft.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..compute.commendation import AnnualCommendation
from .commendation_xlsx import DRAFT


def commendation_stem(comm: AnnualCommendation) -> str:
    """The file name every output of one commendation shares: ``2025年度社情民意信息工作表彰``."""
    return comm.stem


def write_commendation_outputs(comm: AnnualCommendation, out_dir: str | Path, rules=None,
                               date: dt.date | str | None = None, number: int | str | None = None) -> dict[str, Path]:
    """The decision (``<stem>决定.docx``), the workbook (``<stem>名单.xlsx``) and ``<stem>.html``; while
    the lists are not confirmed, also the candidates workbook (``<stem>候选名单.xlsx``), and the
    decision and workbook named as drafts (``<stem>决定(草稿).docx``).

    ``rules`` are the rules the lists were computed under (issuer, and the basis and decider when
    the commendation carries none; the year's defaults when None), ``date`` the 成文日期 (default
    today), ``number`` the 发文字号's number."""
    from .commendation_docx import commendation_gongwen, commendation_issuing
    from .commendation_xlsx import write_candidates_xlsx, write_commendation_xlsx
    from .gongwen import write_gongwen
    from .html import write_report_html

    if rules is None:
        from ..rules import load_rules

        rules = load_rules(year=comm.year)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    out = Path(out_dir)
    stem = commendation_stem(comm)
    draft = DRAFT if comm.draft else ""
    document = commendation_gongwen(comm, commendation_issuing(comm, rules, date, number), rules)
    outputs = {}
    if comm.draft:
        outputs["candidates"] = write_candidates_xlsx(comm, out / f"{stem}候选名单.xlsx")
    outputs["docx"] = write_gongwen(document, out / f"{stem}决定{draft}.docx")
    outputs["xlsx"] = write_commendation_xlsx(comm, out / f"{stem}名单{draft}.xlsx")
    outputs["html"] = write_report_html(document, out / f"{stem}.html")
    return outputs
