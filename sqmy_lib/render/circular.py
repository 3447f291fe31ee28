"""All the files of a quarterly circular, written from one QuarterlyCircular."""
from __future__ import annotations

from pathlib import Path

from ..compute.circular import QuarterlyCircular


def circular_stem(circ: QuarterlyCircular) -> str:
    """The file name every output of one circular shares: ``2025年第三季度社情民意信息通报``."""
    return circ.file_stem


def write_circular_outputs(circ: QuarterlyCircular, out_dir: str | Path) -> dict[str, Path]:
    """Charts (PNG), the Word circular (公文) with those charts, and the Excel workbook."""
    from .charts import write_circular_charts
    from .circular_docx import write_circular_docx
    from .circular_xlsx import write_circular_xlsx

    out = Path(out_dir)
    stem = circular_stem(circ)
    charts = write_circular_charts(circ, out / "图表")
    return {
        "docx": write_circular_docx(circ, out / f"{stem}.docx", charts=charts),
        "xlsx": write_circular_xlsx(circ, out / f"{stem}.xlsx"),
        **{f"chart:{p.stem}": p for p in charts},
    }
