"""Benchmark: reading a province-scale archive, side by side in one run.

    python benchmarks/bench_read.py                 # 100 workbooks, ~200,000 items, ~50,000 adoptions
    python benchmarks/bench_read.py --items 20000   # a quicker, smaller run

Each contender runs in its own child process (so peak memory is its own),
interleaved over ``--repeat`` rounds; the median time is reported with the
ratio to the raw python-calamine read of the same files, and the median CPU
time of the timed part (user + system, the contender's worker processes
included), which other load on the machine disturbs less than the wall clock:

    calamine     python-calamine opens every workbook and materialises every sheet (to_python)
    pd-calamine  pandas.read_excel(engine="calamine", sheet_name=None): the same, into DataFrames
    openpyxl     pandas.read_excel(engine="openpyxl", sheet_name=None) on every workbook
    sqmy         sqmy_lib.read_ledgers + validate: safety checks, header finding, records,
                 linking, all checks; files read in parallel, one reader per core (worker
                 processes plus the calling process itself)
    sqmy-1cpu    the same with workers=1
    compute      every computation for the year on the read ledger (the read itself is not timed)

Targets: sqmy within 1.5× calamine, at least 5× faster than openpyxl, peak < 1.5 GiB (issue 2);
compute at most half the time of reading (issue 3).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def archive(out: Path, workbooks: int, items: int, adoptions: int) -> list[Path]:
    """Generate (once, cached by its parameters) the synthetic archive and list its files."""
    from sqmy_lib.read import discover
    from sqmy_lib.synth import write_archive

    stamp = out / "params.json"
    params = {"workbooks": workbooks, "items": items, "adoptions": adoptions, "year": 2025}
    if not (stamp.exists() and json.loads(stamp.read_text()) == params):
        print(f"生成基准数据:{workbooks} 个工作簿,约 {items:,} 条信息,{adoptions:,} 条采用 → {out}", file=sys.stderr)
        t = time.perf_counter()
        # A completed year, so validation of the archive is not dominated by "future date" issues.
        write_archive(out, n_workbooks=workbooks, items=items, adoptions=adoptions, year=2025)
        stamp.write_text(json.dumps(params))
        print(f"  用时 {time.perf_counter() - t:.1f} 秒", file=sys.stderr)
    return discover([out])


# ---------------------------------------------------------------- contenders (run in a child)

def run_calamine(files: list[str]) -> int:
    import python_calamine as pc

    cells = 0
    for f in files:
        wb = pc.CalamineWorkbook.from_path(f)
        for name in wb.sheet_names:
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            cells += sum(len(r) for r in rows)
        wb.close()
    return cells


def run_pandas_calamine(files: list[str]) -> int:
    import pandas as pd

    return sum(sum(len(df) for df in pd.read_excel(f, sheet_name=None, engine="calamine", header=None).values()) for f in files)


def run_openpyxl(files: list[str]) -> int:
    import pandas as pd

    return sum(sum(len(df) for df in pd.read_excel(f, sheet_name=None, engine="openpyxl", header=None).values()) for f in files)


def run_sqmy(files: list[str]) -> int:
    import sqmy_lib as sq

    ledger = sq.read_ledgers(files)
    report = sq.validate(ledger)
    return len(ledger.submissions) * 1_000_000 + len(report.issues)


def run_sqmy_serial(files: list[str]) -> int:
    import sqmy_lib as sq

    ledger = sq.read_ledgers(files, workers=1)
    return len(ledger.submissions) * 1_000_000 + len(sq.validate(ledger).issues)


def run_sqmy_compute(ledger) -> int:
    from sqmy_lib import compute

    year = ledger.year
    frames = [compute.people(ledger, year), compute.units(ledger, year), compute.rewards(ledger, year),
              compute.instructions(ledger, year)]
    s = compute.summary(ledger, year)
    return sum(len(f) for f in frames) + s.submitted


def read_for_compute(files: list[str]):
    import sqmy_lib as sq

    return sq.read_ledgers(files)


# Contenders whose input is prepared before the clock starts: name -> setup.
SETUP = {"compute": read_for_compute}

CONTENDERS = {
    "calamine": run_calamine,
    "pd-calamine": run_pandas_calamine,
    "openpyxl": run_openpyxl,
    "sqmy": run_sqmy,
    "sqmy-1cpu": run_sqmy_serial,
    "compute": run_sqmy_compute,
}


def child(name: str, listing: str) -> None:
    files = Path(listing).read_text(encoding="utf-8").splitlines()
    # Imports are not the read: load each contender's libraries before the clock starts.
    import pandas  # noqa: F401
    import python_calamine  # noqa: F401

    if name.startswith("sqmy") or name in SETUP:
        import sqmy_lib  # noqa: F401
    arg = SETUP[name](files) if name in SETUP else files
    cpu = _cpu_seconds()
    t = time.perf_counter()
    result = CONTENDERS[name](arg)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "cpu": _cpu_seconds() - cpu, "result": result}))


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have ended (worker processes)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_child(script: str, *args: str) -> tuple[dict, float]:
    """Run ``script --child ARGS`` in a fresh process: (the JSON it printed, its peak MiB)."""
    proc = subprocess.Popen([sys.executable, script, "--child", *args], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(args[:1])} failed")
    return json.loads(out), usage.ru_maxrss / 1024


def measure(name: str, listing: Path) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds, peak MiB, result) of one contender in a fresh child process."""
    data, peak = run_child(__file__, name, str(listing))
    return data["seconds"], data["cpu"], peak, data["result"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workbooks", type=int, default=100)
    ap.add_argument("--items", type=int, default=200_000)
    ap.add_argument("--adoptions", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-openpyxl", action="store_true", help="openpyxl takes minutes at full scale")
    ap.add_argument("--data", type=Path, default=HERE / "data" / "archive")
    ap.add_argument("--child", nargs=2, metavar=("NAME", "LISTING"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)

    files = archive(args.data, args.workbooks, args.items, args.adoptions)
    listing = args.data.parent / "files.txt"
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    names = [n for n in CONTENDERS if not (args.skip_openpyxl and n == "openpyxl")]
    times: dict[str, list[float]] = {n: [] for n in names}
    cpus: dict[str, list[float]] = {n: [] for n in names}
    peaks: dict[str, float] = {n: 0.0 for n in names}
    for rnd in range(args.repeat):
        for n in names:
            if n == "openpyxl" and rnd > 0:
                continue  # one round is plenty for the slow path: the ratio is large
            s, cpu, peak, _ = measure(n, listing)
            times[n].append(s)
            cpus[n].append(cpu)
            peaks[n] = max(peaks[n], peak)
            print(f"  第{rnd + 1}轮 {n:12s} {s:7.2f} s  CPU {cpu:6.2f} s  峰值内存 {peak:7.0f} MiB", file=sys.stderr)
    med = {n: statistics.median(v) for n, v in times.items()}
    cpu_med = {n: statistics.median(v) for n, v in cpus.items()}
    base = med["calamine"]
    print(f"\n{len(files)} workbooks, {args.items:,} items, {args.adoptions:,} adoptions; median of {args.repeat} rounds")
    print(f"{'contender':12s} {'seconds':>8s} {'× calamine':>11s} {'CPU s':>7s} {'peak MiB':>9s}")
    for n in names:
        print(f"{n:12s} {med[n]:8.2f} {med[n] / base:11.2f} {cpu_med[n]:7.2f} {peaks[n]:9.0f}")
    if "openpyxl" in med:
        print(f"\nsqmy is {med['openpyxl'] / med['sqmy']:.1f}× faster than the openpyxl path")
    print(f"compute (people, units, rewards, instructions, summary) takes {med['compute'] / med['sqmy']:.2f}× "
          "the time of reading and validating")


if __name__ == "__main__":
    main()
