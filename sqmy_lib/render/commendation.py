"""All the files of an annual commendation, written from one AnnualCommendation."""
from __future__ import annotations

from pathlib import Path

from ..compute.commendation import AnnualCommendation


def commendation_stem(comm: AnnualCommendation) -> str:
    """The file name every output of one commendation shares: ``2025年度社情民意信息工作表彰``."""
    return f"{comm.year}年度社情民意信息工作表彰"


def write_commendation_outputs(comm: AnnualCommendation, out_dir: str | Path) -> dict[str, Path]:
    """The decision (公文 .docx) and the workbook with every list, the basis and the payout sheet."""
    from .commendation_docx import write_commendation_docx
    from .commendation_xlsx import write_commendation_xlsx

    out = Path(out_dir)
    stem = commendation_stem(comm)
    return {
        "docx": write_commendation_docx(comm, out / f"{stem}决定.docx"),
        "xlsx": write_commendation_xlsx(comm, out / f"{stem}名单.xlsx"),
    }
