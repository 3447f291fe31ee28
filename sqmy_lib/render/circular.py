"""All the files of a quarterly circular, written from one QuarterlyCircular."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .charts import ChartProcess, write_circular_charts

if TYPE_CHECKING:  # imported for annotations only: this module loads before pandas in a notebook
    from ..compute.circular import QuarterlyCircular


def circular_stem(circ: QuarterlyCircular) -> str:
    """The file name every output of one circular shares: ``2025年第三季度社情民意信息通报``."""
    return circ.file_stem


def start_charts() -> ChartProcess:
    """Start the process that will draw the circular's charts (see :class:`ChartProcess`).

    Called first thing in a notebook, it gets matplotlib and the font ready while the
    ledgers are read and the circular is computed; pass it to :func:`write_circular_outputs`.
    """
    return ChartProcess()


def write_circular_outputs(circ: QuarterlyCircular, out_dir: str | Path,
                           charts: ChartProcess | None = None) -> dict[str, Path]:
    """Charts (PNG), the Word circular (公文) with those charts, and the Excel workbook.

    With ``charts`` (from :func:`start_charts`) the charts are drawn in that process while the
    workbook, and the document up to where the charts go, are written here; the files are the
    same either way.
    """
    out = Path(out_dir)
    stem = circular_stem(circ)
    if charts is None:
        from .circular_docx import write_circular_docx
        from .circular_xlsx import write_circular_xlsx

        pngs = write_circular_charts(circ, out / "图表")
        docx = write_circular_docx(circ, out / f"{stem}.docx", charts=pngs)
        xlsx = write_circular_xlsx(circ, out / f"{stem}.xlsx")
    else:
        drawing = charts.submit(circ, out / "图表")  # drawing starts now, over there
        try:
            from .circular_docx import write_circular_docx
            from .circular_xlsx import write_circular_xlsx

            xlsx = write_circular_xlsx(circ, out / f"{stem}.xlsx")
            # The charts go in after the units table: the document is built up to there meanwhile.
            docx = write_circular_docx(circ, out / f"{stem}.docx", charts=drawing)
            pngs = drawing.result()
        finally:
            drawing.close()  # also after a failure here: nothing is left drawing
    return {"docx": docx, "xlsx": xlsx, **{f"chart:{p.stem}": p for p in pngs}}
