"""Benchmark: a province-scale roll-up, side by side with the raw calamine read of the same files.

    python benchmarks/bench_rollup.py                 # 100 offices, ~200,000 items, ~50,000 adoptions
    python benchmarks/bench_rollup.py --items 20000   # a quicker, smaller run
    python benchmarks/bench_rollup.py --quarter 3     # one quarter (its year to date is counted too)

The archive is the one ``bench_read.py`` uses (generated once, cached in benchmarks/data/):
one folder per office, which is the roll-up's folder tree. Each contender runs in its own
child process (so its peak memory is its own), interleaved over ``--repeat`` rounds:

    calamine  python-calamine opens every workbook and materialises every sheet (to_python)
    rollup    sqmy_lib: load_tree + read_offices (every office at its own tier, files in
              parallel, validation) + build_rollup for the year (cross-level matching,
              per-office figures and ranks, the whole circular model)

Targets (issue 7): the roll-up within 2× the calamine read, peak memory under 2 GiB.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_read import archive, run_calamine, run_child  # noqa: E402  the same archive, raw read and child runs


def run_rollup(root: str, quarter: int | None = None) -> int:
    import sqmy_lib as sq

    rules = sq.load_rules(year=2025)
    tree = sq.load_tree(root, rules, office="示例省政协", level="省级")
    ledger = sq.read_offices(tree, rules, year=2025)
    circ = sq.rollup(ledger, tree, 2025, quarter, rules=rules)
    return int(circ.summary.submitted)


def child(name: str, root: str, listing: str, quarter: str = "") -> None:
    import pandas  # noqa: F401  imports are not the work: load them before the clock starts
    import python_calamine  # noqa: F401

    if name == "rollup":
        import sqmy_lib  # noqa: F401
    files = Path(listing).read_text(encoding="utf-8").splitlines()
    t = time.perf_counter()
    result = run_rollup(root, int(quarter) if quarter else None) if name == "rollup" else run_calamine(files)
    print(json.dumps({"seconds": time.perf_counter() - t, "result": result}))


def measure(name: str, root: Path, listing: Path, quarter: int | None) -> tuple[float, float, int]:
    """(seconds, peak MiB of the largest of the child and its worker processes, result) of one contender."""
    data, peak = run_child(__file__, name, str(root), str(listing), str(quarter or ""))
    return data["seconds"], peak, data["result"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workbooks", type=int, default=100)
    ap.add_argument("--items", type=int, default=200_000)
    ap.add_argument("--adoptions", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=HERE / "data" / "archive")
    ap.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="roll up one quarter (default: the year)")
    ap.add_argument("--child", nargs=4, metavar=("NAME", "ROOT", "LISTING", "QUARTER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)

    files = archive(args.data, args.workbooks, args.items, args.adoptions)
    listing = args.data.parent / "rollup-files.txt"
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    times: dict[str, list[float]] = {"calamine": [], "rollup": []}
    peaks = dict.fromkeys(times, 0.0)
    for rnd in range(args.repeat):
        for name in times:
            s, peak, _ = measure(name, args.data, listing, args.quarter)
            times[name].append(s)
            peaks[name] = max(peaks[name], peak)
            print(f"  第{rnd + 1}轮 {name:9s} {s:7.2f} s  峰值内存 {peak:7.0f} MiB", file=sys.stderr)
    med = {n: statistics.median(v) for n, v in times.items()}
    print(f"\n{len(files)} offices, {args.items:,} items, {args.adoptions:,} adoptions; median of {args.repeat} rounds")
    print(f"{'contender':10s} {'seconds':>8s} {'× calamine':>11s} {'peak MiB':>9s}")
    for n in times:
        print(f"{n:10s} {med[n]:8.2f} {med[n] / med['calamine']:11.2f} {peaks[n]:9.0f}")
    print(f"\nroll-up / calamine = {med['rollup'] / med['calamine']:.2f}× (target ≤ 2×); "
          f"peak {peaks['rollup']:.0f} MiB (target < 2048 MiB)")


if __name__ == "__main__":
    main()
