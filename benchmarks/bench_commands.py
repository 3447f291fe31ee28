"""Benchmark: whole commands as users run them, side by side with a raw read of the same files.

    python benchmarks/bench_commands.py                      # the realistic archive (generated once)
    python benchmarks/bench_commands.py --archive synthetic  # the demo-style archive of bench_read.py
    python benchmarks/bench_commands.py --repeat 5

Every contender is a whole process, from start to exit, timed by the parent, interleaved over
``--repeat`` rounds (median reported), with its CPU (user + system, its worker processes
included) and peak memory from ``wait4``:

    raw         python: python-calamine opens every workbook and materialises every sheet, one process
    validate    sqmy validate ARCHIVE --format json  (output to /dev/null)
    compute     sqmy compute summary|people|units|rewards|instructions ARCHIVE --format json, the five
                commands one after another (each reads the archive: that is how users run them)
    compute-all sqmy compute all ARCHIVE --format json: the five from one read; less validate, what
                the computations add to reading
    rollup      sqmy rollup TREE --year 2025 --office 示例市政协 --level 市级 --out DIR: the same files as
                100 offices (a folder each, made once beside the archive), every output written
                (Word, Excel, HTML, charts; the notebook run by papermill)
    help        sqmy --help
    rules-show  sqmy rules show

Targets (issue 17, 2 cores): validate ≤ 1.5× raw wall and ≤ 3× raw CPU, peak < 1.5 GiB; the
computations ≤ 0.5× of validate (compute-all less validate; in-process, bench_read.py); rollup with its outputs
≤ 3× raw, peak < 2 GiB; ``--help`` and ``rules show`` < 0.3 s.
"""
from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = """
import sys, glob, python_calamine as pc
cells = 0
for f in sorted(glob.glob(sys.argv[1] + "/**/*.xls*", recursive=True)):
    wb = pc.CalamineWorkbook.from_path(f)
    for name in wb.sheet_names:
        cells += sum(map(len, wb.get_sheet_by_name(name).to_python(skip_empty_area=False)))
    wb.close()
print(cells)
"""


def archive(kind: str) -> Path:
    """The archive's folder, generated on first use."""
    if kind == "realistic":
        out = HERE / "data" / "realistic"
        if not any(out.glob("*.xlsx")):
            sys.path.insert(0, str(HERE))
            from realistic import write_realistic

            print(f"生成真实感基准数据 → {out}", file=sys.stderr)
            write_realistic(out)
        return out
    out = HERE / "data" / "archive"
    if not any(out.glob("*.xls*")):
        subprocess.run([sys.executable, str(HERE / "bench_read.py"), "--repeat", "0", "--skip-openpyxl"], check=False)
    return out


def office_tree(folder: Path) -> Path:
    """The archive as a province's roll-up reads it: one folder per office holding its ledger
    (``第001县政协/第001县政协2025年台账.xlsx``), copied once beside the archive."""
    tree = folder.parent / f"{folder.name}_offices"
    if not any(tree.glob("*/*.xls*")):
        for f in sorted(folder.glob("*.xls*")):
            office = f.stem.split("2025")[0] or f.stem
            (tree / office).mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, tree / office / f.name)
    return tree


def run(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of one whole process."""
    if "--out" in argv:  # a fresh output folder each time, as a first run writes it
        shutil.rmtree(argv[argv.index("--out") + 1], ignore_errors=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        _check_outcome(argv, os.waitstatus_to_exitcode(status), out, err)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _check_outcome(argv: list[str], code: int, out, err) -> None:
    """Stop on a run that did not do its work: exit 1 is accepted (the archive has rows with errors, as
    archives do), so the outputs are checked too — a JSON command printed JSON, a report wrote its Word
    document. (A roll-up whose kernel could not import sqmy_lib exits 1 as well, and was once timed.)"""
    out.seek(0)
    err.seek(0)
    problem = None
    if code not in (0, 1):
        problem = f"exit {code}"
    elif "--format" in argv and argv[argv.index("--format") + 1] == "json":
        # Its ends, not a parse: loading the archive's 5 MB report here would grow this process, and the
        # next child forked from it would start with that memory in its peak.
        text = out.read().strip()
        if not (text[:1] in (b"{", b"[") and text[-1:] in (b"}", b"]")):
            problem = "no JSON on stdout"
    elif "--out" in argv and not any(Path(argv[argv.index("--out") + 1]).glob("*.docx")):
        problem = "no Word document written"
    if problem:
        tail = err.read().decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"failed ({problem}): {' '.join(argv)}\n{tail}")


def contenders(folder: Path) -> dict[str, list[list[str]]]:
    sqmy = [sys.executable, "-m", "sqmy_lib"]
    return {
        "raw": [[sys.executable, "-c", RAW, str(folder)]],
        "validate": [[*sqmy, "validate", str(folder), "--format", "json"]],
        "compute": [[*sqmy, "compute", what, str(folder), "--format", "json"]
                    for what in ("summary", "people", "units", "rewards", "instructions")],
        "compute-all": [[*sqmy, "compute", "all", str(folder), "--format", "json"]],
        "rollup": [[*sqmy, "rollup", str(office_tree(folder)), "--year", "2025", "--office", "示例市政协", "--level", "市级",
                    "--out", str(folder.parent / "rollup_out"), "--today", "2026-01-15", "--date", "2026-01-10"]],
        "help": [[*sqmy, "--help"]],
        "rules-show": [[*sqmy, "rules", "show"]],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", choices=["realistic", "synthetic"], default="realistic")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip", nargs="*", default=[], help="contenders to leave out (e.g. compute)")
    args = ap.parse_args()
    folder = archive(args.archive)
    # An installed package has its bytecode compiled at install time; a checkout run with
    # PYTHONDONTWRITEBYTECODE (CI images set it) would compile sqmy_lib afresh in every process.
    compileall.compile_dir(str(HERE.parent / "sqmy_lib"), quiet=1)
    runs = {k: v for k, v in contenders(folder).items() if k not in args.skip}
    walls = {k: [] for k in runs}
    cpus = {k: [] for k in runs}
    peaks = {k: 0.0 for k in runs}
    for rnd in range(args.repeat):
        for name, commands in runs.items():
            measured = [run(c) for c in commands]
            walls[name].append(sum(m[0] for m in measured))
            cpus[name].append(sum(m[1] for m in measured))
            peaks[name] = max(peaks[name], *(m[2] for m in measured))
            print(f"  第{rnd + 1}轮 {name:12s} {walls[name][-1]:7.2f} s  CPU {cpus[name][-1]:6.2f} s  峰值 {peaks[name]:6.0f} MiB",
                  file=sys.stderr)
    wall = {k: statistics.median(v) for k, v in walls.items()}
    cpu = {k: statistics.median(v) for k, v in cpus.items()}
    files = len(list(folder.glob("**/*.xls*")))
    print(f"\n{args.archive} archive: {files} workbooks in {folder}; median of {args.repeat} rounds, {os.cpu_count()} cores")
    print(f"{'command':12s} {'seconds':>8s} {'× raw':>7s} {'CPU s':>7s} {'CPU × raw':>10s} {'peak MiB':>9s}")
    for k in runs:
        ratio = f"{wall[k] / wall['raw']:7.2f}" if "raw" in wall else "      -"
        cratio = f"{cpu[k] / cpu['raw']:10.2f}" if "raw" in cpu else "         -"
        print(f"{k:12s} {wall[k]:8.2f} {ratio} {cpu[k]:7.2f} {cratio} {peaks[k]:9.0f}")
    if {"validate", "compute-all"} <= set(runs):
        added = wall["compute-all"] - wall["validate"]
        print(f"the computations add {added:.2f} s to reading and checking: {added / wall['validate']:.2f}× validate")


if __name__ == "__main__":
    main()
