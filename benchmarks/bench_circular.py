"""Benchmark: the quarterly circular end to end, side by side with papermill's floor.

    python benchmarks/bench_circular.py              # demo office, 2025 Q4, 3 rounds

Both run on the same pinned ``sqmy`` kernel, interleaved, median reported:

    floor     papermill executing an empty notebook (kernel start, one cell, save)
    circular  run_report on notebooks/quarterly_circular.ipynb: read + validate the demo
              office, build the circular, write Excel/Word/charts, HTML export, move into place

Target (issue 4): the circular within 3× the floor.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill as pm

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqmy_lib.run import run_report  # noqa: E402
from sqmy_lib.run.kernel import ensure_kernel  # noqa: E402
from sqmy_lib.run.notebooks import notebook_path  # noqa: E402


def floor(tmp: Path) -> float:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": ensure_kernel(), "display_name": "sqmy (Python 3)", "language": "python"}
    nb.cells[0].metadata["tags"] = ["parameters"]
    src, dst = tmp / "empty.ipynb", tmp / "empty.out.ipynb"
    nbformat.write(nb, src)
    t = time.perf_counter()
    pm.execute_notebook(str(src), str(dst), kernel_name=ensure_kernel(), progress_bar=False, parameters={"x": 1})
    return time.perf_counter() - t


def circular(tmp: Path, year: int, quarter: int) -> float:
    params = {"year": year, "quarter": quarter, "ledgers": [str(REPO / "workbooks" / "demo")],
              "roster": None, "rules": None, "office": None, "today": None}
    t = time.perf_counter()
    run_report(notebook_path("quarterly_circular.ipynb"), params, tmp / "out", "bench", title="bench")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--quarter", type=int, default=4)
    args = ap.parse_args()
    times: dict[str, list[float]] = {"floor": [], "circular": []}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        floor(tmp)  # warm the disk cache and the kernel spec once
        for rnd in range(args.repeat):
            times["floor"].append(floor(tmp))
            times["circular"].append(circular(tmp, args.year, args.quarter))
            print(f"  第{rnd + 1}轮 floor {times['floor'][-1]:.2f} s  circular {times['circular'][-1]:.2f} s", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"median of {args.repeat}: floor {med['floor']:.2f} s, circular {med['circular']:.2f} s, "
          f"ratio {med['circular'] / med['floor']:.2f}× (target ≤ 3×)")


if __name__ == "__main__":
    main()
