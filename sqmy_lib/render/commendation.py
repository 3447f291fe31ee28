"""All the files of a commendation, written from one AnnualCommendation.

Before the candidates are confirmed: the candidates workbook staff confirm in, and the decision
and the lists as drafts (草稿 in their names and on every page). After: the decision and the
lists with the payout sheet, from the confirmed lists only.
"""
from __future__ import annotations

from pathlib import Path

from ..compute.commendation import AnnualCommendation

DRAFT = "(草稿)"


def commendation_stem(comm: AnnualCommendation) -> str:
    """The file name every output of one commendation shares: ``2025年度社情民意信息工作表彰``."""
    return comm.stem


def write_commendation_outputs(comm: AnnualCommendation, out_dir: str | Path) -> dict[str, Path]:
    """The decision (公文 .docx) and the workbook with every list, the basis and the payout sheet;
    while the lists are not confirmed, also the candidates workbook, and the other two as drafts."""
    from .commendation_docx import write_commendation_docx
    from .commendation_xlsx import write_candidates_xlsx, write_commendation_xlsx

    out = Path(out_dir)
    stem = commendation_stem(comm)
    draft = DRAFT if comm.draft else ""
    outputs = {}
    if comm.draft:
        outputs["candidates"] = write_candidates_xlsx(comm, out / f"{stem}候选名单.xlsx")
    outputs["docx"] = write_commendation_docx(comm, out / f"{stem}决定{draft}.docx")
    outputs["xlsx"] = write_commendation_xlsx(comm, out / f"{stem}名单{draft}.xlsx")
    return outputs
