"""All the files of a quarterly circular (or a roll-up), written from one QuarterlyCircular:
the Word 公文, the Excel workbook, the PNG charts and the HTML report."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .charts import FILES, ChartProcess, chart_data, draw_charts

if TYPE_CHECKING:  # imported for annotations only: this module loads before pandas in a notebook
    from ..compute.circular import QuarterlyCircular


def circular_stem(circ: QuarterlyCircular) -> str:
    """The file name every output of one circular shares: ``2025年第三季度社情民意信息通报``."""
    return circ.file_stem


def start_charts() -> ChartProcess:
    """Start the worker that will draw the circular's charts (see :class:`ChartProcess`).

    Called first thing in a notebook, it gets matplotlib and the font ready while the
    ledgers are read and the circular is computed; pass it to :func:`write_circular_outputs`.
    """
    return ChartProcess()


def write_circular_outputs(circ: QuarterlyCircular, out_dir: str | Path, charts: ChartProcess | None = None,
                           date: dt.date | str | None = None, number: int | str | None = None) -> dict[str, Path]:
    """The Word circular (公文), the Excel workbook, the charts (PNG, in ``图表/<stem>/``) and the HTML report.

    ``date`` is the 成文日期 (default today), ``number`` the 发文字号's number. With ``charts``
    (from :func:`start_charts`) the charts are drawn in its worker while the workbook and the
    document are written here; the files are the same either way.
    """
    from .charts import _write
    from .circular_docx import circular_issuing
    from .circular_text import circular_gongwen
    from .circular_xlsx import write_circular_xlsx
    from .gongwen import write_gongwen
    from .html import write_report_html

    out = Path(out_dir)
    stem = circular_stem(circ)
    data = chart_data(circ)
    # A folder of charts per circular: the sets of other periods kept in the same output folder
    # (``sqmy run --quarter 1`` after the fourth quarter's) keep their own charts.
    chart_dir = out / "图表" / stem
    drawing = charts.submit(circ, chart_dir) if charts is not None else None
    try:
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        document = circular_gongwen(circ, circular_issuing(circ, date, number))
        xlsx = write_circular_xlsx(circ, out / f"{stem}.xlsx")
        docx = write_gongwen(document, out / f"{stem}.docx")
        pngs = drawing.pngs() if drawing is not None else draw_charts(data)
    finally:
        if charts is not None:
            charts.close()
    paths = _write(pngs, chart_dir)
    html = write_report_html(document, out / f"{stem}.html", pngs, {k: d["title"] for k, d in data.items()})
    return {"docx": docx, "xlsx": xlsx, "html": html, **{f"chart:{p.stem}": p for p in paths}}


__all__ = ["FILES", "circular_stem", "start_charts", "write_circular_outputs"]
