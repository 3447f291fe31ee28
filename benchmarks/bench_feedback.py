"""Benchmark: the feedback letters of a 500-member office beside its quarterly circular.

    python benchmarks/bench_feedback.py              # 500 people, 30 units, 2,000 items; 2025 Q4; 3 rounds

A seeded office is written first (a roster of 400 委员, 80 信息员 and 20 特邀信息员 in 30 units,
and one combined ledger of the year: 2,000 items, about a third adopted, some at 市级, some with a
批示). Then, interleaved and on the same kernel as every report run:

    circular  produce_report on the quarterly circular (read, check, compute, Word/Excel/charts/HTML)
    feedback  produce_report on the feedback letters (read, check, compute, one Word letter per unit
              and per person with a quota, the index workbook and page)

The median of each and their ratio are printed. Target (issue 15): feedback < 3× the circular.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import xlsxwriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqmy_lib.kinds import CIRCULAR, FEEDBACK  # noqa: E402
from sqmy_lib.run.pipeline import produce_report  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红玲芬燕彬斌建志宏海波鹏辉晓东晨阳雪梅琳丹宁欣怡浩宇佳"
SUBJECTS = ("养老服务", "留守儿童", "老旧小区", "河道治理", "乡村教师", "医保结算", "交通安全", "食品安全", "停车管理", "充电桩")
UNIT_TYPES = (("镇街政协工委", 12, "{}镇政协工委"), ("民主党派", 8, "民主党派{}县委"), ("界别组", 8, "第{}界别组"),
              ("专委会", 1, "提案委{}"), ("工商联", 1, "县工商联{}"))


def write_office(folder: Path, people: int = 500, items: int = 2000, year: int = 2025, seed: int = 15) -> tuple[Path, Path]:
    rng = random.Random(seed)
    units = [(pattern.format(k + 1), kind) for kind, n, pattern in UNIT_TYPES for k in range(n)]
    names: list[str] = []
    taken: set[str] = set()
    while len(names) < people:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in taken:
            taken.add(name)
            names.append(name)
    roles = ["委员"] * int(people * 0.8) + ["信息员"] * int(people * 0.16)
    roles += ["特邀信息员"] * (people - len(roles))
    person_unit = {n: rng.choice(units)[0] for n in names}
    roster = folder / "名册.xlsx"
    wb = xlsxwriter.Workbook(str(roster))
    ws = wb.add_worksheet("人员")
    ws.write_row(0, 0, ["姓名", "身份", "单位", "界别", "聘任日期"])
    for r, (n, role) in enumerate(zip(names, roles), 1):
        ws.write_row(r, 0, [n, role, person_unit[n], "经济界", "2024-01-01"])
    ws = wb.add_worksheet("单位")
    ws.write_row(0, 0, ["单位名称", "单位类型"])
    for r, (u, kind) in enumerate(units, 1):
        ws.write_row(r, 0, [u, kind])
    wb.close()
    ledgers = folder / "台账"
    ledgers.mkdir()
    wb = xlsxwriter.Workbook(str(ledgers / f"{year}年社情民意信息报送采用登记表.xlsx"))
    ws = wb.add_worksheet("全年")
    ws.write_row(0, 0, [f"{year}年度社情民意信息报送采用登记表"])
    ws.write_row(1, 0, ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示", "批示日期", "落实情况"])
    issue = 0
    start = date(year, 1, 1)
    for k in range(items):
        day = start + timedelta(days=int(k * 365 / items))
        author = rng.choice(names)
        authors = author if rng.random() > 0.15 else f"{author}、{rng.choice(names)}"
        title = f"关于{rng.choice(SUBJECTS)}问题的调查与建议(第{k + 1}号)"
        adopted, instruction, when, follow = "", "", "", ""
        if rng.random() < 0.33:
            issue += 1
            adopted = f"县政协编发第{issue}期" + (";市政协采用" if rng.random() < 0.25 else "")
            if rng.random() < 0.06:
                instruction, when = "县委书记王某批示", (day + timedelta(days=7)).isoformat()
                follow = rng.choice(("已解决", "正在办理", ""))
        ws.write_row(k + 2, 0, [f"{year}-{k + 1:04d}", day.isoformat(), title, authors, person_unit[author], adopted,
                                instruction, when, follow])
    wb.close()
    return ledgers, roster


def run(kind, ledgers: Path, roster: Path, out: Path, year: int, quarter: int) -> float:
    params = {"year": year, "quarter": quarter, "ledgers": [str(ledgers)], "roster": str(roster)}
    t = time.perf_counter()
    produce_report(kind, params, out)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--people", type=int, default=500)
    ap.add_argument("--items", type=int, default=2000)
    args = ap.parse_args()
    times: dict[str, list[float]] = {"circular": [], "feedback": []}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ledgers, roster = write_office(tmp, args.people, args.items)
        letters = 0
        for rnd in range(args.repeat):
            times["circular"].append(run(CIRCULAR, ledgers, roster, tmp / "通报", 2025, 4))
            times["feedback"].append(run(FEEDBACK, ledgers, roster, tmp / "反馈函", 2025, 4))
            letters = sum(1 for _ in (tmp / "反馈函").rglob("*.docx"))
            print(f"  第{rnd + 1}轮 circular {times['circular'][-1]:.2f} s  feedback {times['feedback'][-1]:.2f} s"
                  f" ({letters} letters)", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"median of {args.repeat}: circular {med['circular']:.2f} s, feedback {med['feedback']:.2f} s "
          f"({letters} letters), ratio {med['feedback'] / med['circular']:.2f}× (target < 3×)")


if __name__ == "__main__":
    main()
