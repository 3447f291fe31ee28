"""Benchmark: the quarterly circular end to end, side by side with papermill's floor.

    python benchmarks/bench_circular.py              # demo office, 2025 Q4, 3 rounds

Both run on the same kernel (this interpreter, as every report run does), interleaved, median reported:

    floor     papermill executing an empty notebook (kernel start, one cell, save)
    circular  produce_report on the quarterly circular: inputs checked, read + validate the demo
              office, build the circular, write Excel/Word/charts, HTML export, swap the set into place

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

from sqmy_lib.kinds import CIRCULAR  # noqa: E402
from sqmy_lib.run.kernel import kernel_manager_class, kernel_name  # noqa: E402
from sqmy_lib.run.pipeline import produce_report  # noqa: E402


def floor(tmp: Path) -> float:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": kernel_name(), "display_name": "sqmy (Python 3)", "language": "python"}
    nb.cells[0].metadata["tags"] = ["parameters"]
    src, dst = tmp / "empty.ipynb", tmp / "empty.out.ipynb"
    nbformat.write(nb, src)
    t = time.perf_counter()
    pm.execute_notebook(str(src), str(dst), kernel_name=kernel_name(), kernel_manager_class=kernel_manager_class(),
                        progress_bar=False, parameters={"x": 1})
    return time.perf_counter() - t


def circular(tmp: Path, year: int, quarter: int) -> float:
    params = {"year": year, "quarter": quarter, "ledgers": [str(REPO / "workbooks" / "demo")]}
    t = time.perf_counter()
    produce_report(CIRCULAR, params, tmp / "out")
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
