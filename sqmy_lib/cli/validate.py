"""``sqmy validate`` and ``sqmy run``: read ledgers, check them, report."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from ..iorw import mark_output_dir
from ..render.check_report import REPORT_JSON, REPORT_TXT, issues_text, summary_text, write_check_report
from ..rules import load_rules

if TYPE_CHECKING:  # ``sqmy --help`` loads no pandas: the validation is imported when it runs
    from ..records import Ledger
    from ..validate import Report


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="台账文件或文件夹(.xlsx/.xlsm/.xls/.ods/.csv)")
    p.add_argument("--roster", metavar="PATH", help="名册工作簿")
    p.add_argument("--year", type=int, metavar="Y", help="年度(表名、工作表名、文件名都未写明时使用)")
    p.add_argument("--rules", metavar="PATH", help="规则文件(默认:PATH 所在工作文件夹的 规则.yaml,否则内置规则)")
    p.set_defaults(office_inputs=True)  # an office folder's 名册.xlsx and 规则.yaml (cli.init.office_inputs)


def register(sub) -> None:
    p = sub.add_parser("validate", help="校验台账,逐单元格指出问题")
    _add_inputs(p)
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument("--annotate", metavar="DIR", help="把标注了问题的台账副本和问题清单写入 DIR")
    p.set_defaults(run=run_validate)

    p = sub.add_parser("run", help="主任务:校验一个办公室的台账(问题标注与汇总),并生成最近一个季度的通报",
                       description="校验台账(校验报告、问题标注副本),并生成最近一个已结束季度的通报;"
                                   "结束时列出生成的每个文件(绝对路径,★ 为应先打开的文件)和未计入的记录。",
                       epilog=RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_inputs(p)
    p.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="通报的季度(默认:该年度最近一个已结束的季度)")
    p.add_argument("--out", metavar="DIR", help="输出目录(PATH 是 sqmy init 建立的文件夹时默认为其中的“输出”)")
    p.add_argument("--allow-empty", action="store_true", help="本季度没有任何报送、采用或批示记录时也生成通报")
    p.set_defaults(run=run_main_job, office_output=True)


def _read_and_check(args) -> tuple[Ledger, Report]:
    from ..run.pipeline import read_checked

    rules = load_rules(args.rules, year=args.year)
    for note in rules.notes:
        print(f"提示:{note}", file=sys.stderr)
    return read_checked(args.paths, roster=args.roster, year=args.year, rules=rules, missing="report")


def _annotate(report: Report, out: str) -> list[Path]:
    from ..render.annotate import write_annotated
    from ..run.progress import stage

    stage(f"写出问题标注副本({len({i.file for i in report.issues if i.file})} 个台账)")
    mark_output_dir(out)  # the annotated copies are never read back as ledgers
    return write_annotated([i for i in report.issues if i.row is not None or i.file], out)


def run_validate(args) -> int:
    ledger, report = _read_and_check(args)
    if args.format == "json":
        print(report.to_json())
    else:
        if report.issues:
            print(issues_text(report, ledger.files["file"]))
        print(summary_text(ledger, report))
    if args.annotate:
        written = _annotate(report, args.annotate)
        if args.format == "text":
            print(f"已写出标注副本 {len(written)} 个:{args.annotate}")
    return report.exit_code


def last_ended_quarter(year: int, today: dt.date) -> int | None:
    """The latest quarter of ``year`` that has ended by ``today`` (None if none has)."""
    if year < today.year:
        return 4
    if year > today.year:
        return None
    return (today.month - 1) // 3 or None  # 0 quarters ended in January–March


def main_job_quarter(ledger: Ledger, year: int, year_given: int | None, quarter_given: int | None,
                     today: dt.date) -> tuple[int, int | None]:
    """The year and quarter of the main job's circular: ``--quarter`` of the year, else the latest quarter
    ended by ``today``. In January–March of the ledgers' year (the new year's book begun beside last year's,
    the year taken being the later of two as many) no quarter of it has ended: with no ``--year``, the latest
    quarter ended is last year's fourth, when the ledgers hold items of last year (said on stderr); never
    "no quarter has ended" and no circular on the day the fourth quarter's is due."""
    quarter = quarter_given or last_ended_quarter(year, today)
    if quarter is None and not year_given and not quarter_given and year == today.year:
        import pandas as pd

        dates = pd.to_datetime(ledger.submissions["date"], errors="coerce")
        if (dates.dt.year == year - 1).any():
            print(f"提示:{year}年尚无已结束的季度,生成最近一个已结束的季度({year - 1}年第四季度)的通报;"
                  f"统计其他季度请用 --year 和 --quarter 指定", file=sys.stderr)
            return year - 1, 4
    return year, quarter


# sqmy run's exit codes: 1 and 2 as every command (a failed report; inputs that cannot be used).
EXIT_OK, EXIT_LEFT_OUT = 0, 3
ANNOTATED_DIR, CIRCULAR_DIR = "问题标注", "季度通报"  # the reader skips both by name too (read.ledger.OUTPUT_FOLDERS)
RUN_EPILOG = """\
退出码:
  0  已生成,台账中的记录全部计入
  3  已生成,但有记录因校验错误(或整个文件无法读取)未计入;原因见屏幕和校验报告
  1  通报未能生成(如本季度没有任何记录、笔记本运行出错);校验报告照常写出
  2  台账、名册或规则文件无法使用,或参数有误

PATH 是 sqmy init 建立的文件夹时,读取其中的 台账/、名册.xlsx 和 规则.yaml,输出到其中的 输出/。
"""


def _out_refused(args) -> str | None:
    """Why ``--out`` cannot be the main job's output folder, or None: a file, or the ledger folder itself
    (or a folder above it), which the output marker would hide from every later read."""
    from ..run.outputs import BadOutputFolder, check_out_dir

    out = Path(args.out).expanduser().resolve()
    if out.exists() and not out.is_dir():
        return f"--out {args.out} 是一个文件,请指定输出文件夹 [output.not_folder]"
    try:
        check_out_dir(out, [Path(p) for p in args.paths if Path(p).exists()])
    except BadOutputFolder as exc:
        return f"{exc} [output.is_input]"
    return None


def run_main_job(args) -> int:
    """The main job on one office: validate (report, annotated copies), then the quarterly circular,
    and a closing summary (``closing_summary``) a secretary can act on.

    The ledgers are read and checked once, here; the circular's notebook is handed them. Exit codes
    (``RUN_EPILOG``): 0 produced with every row counted, 3 produced but rows were left out (errors, or
    whole files that could not be read), 1 the circular could not be produced, 2 nothing usable.
    """
    from ..iorw import clean_temp_files
    from ..kinds import CIRCULAR
    from ..run.pipeline import ReportFailed, produce_report
    from .reports import report_failed

    if args.year and args.year > dt.date.today().year:  # --year 2062 for 2026: no period of it can have ended
        print(f"sqmy: 参数错误:--year {args.year} 晚于今年({dt.date.today().year}年),该年度还没有可生成通报的季度", file=sys.stderr)
        return 2
    absent = [p for p in args.paths if not Path(p).exists()]
    if absent and len(absent) == len(args.paths):  # a typo in the folder's name: say so, not "--out"
        print(f"sqmy: 找不到 {'、'.join(absent)}:既不是 sqmy init 建立的工作文件夹,也不是台账文件或文件夹", file=sys.stderr)
        return 2
    if not args.out:  # an office folder's 输出/ was taken already (cli.init.office_inputs)
        print("sqmy: 参数错误:请用 --out 指定输出目录(或对 sqmy init 建立的文件夹运行 sqmy run)", file=sys.stderr)
        return 2
    if (refused := _out_refused(args)) is not None:
        print(f"sqmy: 参数错误:{refused}", file=sys.stderr)
        return 2
    ledger, report = _read_and_check(args)
    out = mark_output_dir(Path(args.out).expanduser().resolve())  # never read back as ledgers
    clean_temp_files(out)
    written = write_check_report(ledger, report, out)
    if report.issues:
        written += _annotate(report, str(out / ANNOTATED_DIR))
    print(summary_text(ledger, report))
    if ledger.submissions.empty:
        print(closing_summary(written, None, _left_out(ledger, args.rules, args.year),
                              "结果:未读到任何报送记录,未生成通报(退出码 2)。", noted_files(ledger)), end="")
        return 2
    year = args.year or ledger.year
    if year is None:  # no title, sheet or file name says its year, nor --year
        print("sqmy: 无法确定年度(台账的标题、工作表名、文件名都未写明年度),请用 --year 指定", file=sys.stderr)
        print(closing_summary(written, None, _left_out(ledger, args.rules, None),
                              "结果:无法确定年度,未生成通报(退出码 2)。", noted_files(ledger)), end="")
        return 2
    year, quarter = main_job_quarter(ledger, year, args.year, args.quarter, dt.date.today())
    circular, failed = None, None
    if quarter is None:
        print(f"提示:{year}年尚无已结束的季度,未生成季度通报", file=sys.stderr)
    else:
        params = {"year": year, "quarter": quarter, "ledgers": list(args.paths), "roster": args.roster,
                  "rules": args.rules}
        try:
            circular = produce_report(CIRCULAR, params, out / CIRCULAR_DIR, ledger=ledger, report=report,
                                      allow_empty=args.allow_empty).outputs
        except ReportFailed as exc:
            failed = report_failed(CIRCULAR, exc)
    left_out = _left_out(ledger, args.rules, year)
    code = failed if failed is not None else EXIT_LEFT_OUT if left_out else EXIT_OK
    if failed is not None:
        outcome = f"结果:通报未能生成,原因见上(退出码 {code});校验报告已写出。"
    elif circular is None:
        outcome = f"结果:{year}年尚无已结束的季度,只写出了校验报告(退出码 {code})。"
    elif left_out:
        outcome = f"结果:通报已生成,但有记录未计入(退出码 {code})。"
    else:
        outcome = f"结果:通报已生成,台账记录全部计入(退出码 {code})。"
    print(closing_summary(written, circular, left_out, outcome, noted_files(ledger)), end="")
    return code


def unread_files(ledger: Ledger) -> list[str]:
    """The ledger files not read at all, one line each: the file by absolute path (the name staff see) and why."""
    from ..catalog import entry

    return [f"整个文件未读取:{os.path.abspath(row.file)}({row.message or entry(row.code).title})"
            for row in _files_not_read(ledger, errors=True)]


def noted_files(ledger: Ledger) -> list[str]:
    """Files not read for a reason that is a note, not an error (the blank 名册.xlsx ``sqmy init`` wrote:
    ``roster.unfilled`` / ``roster.blank``): nothing in them is left out of a figure, so they are said
    apart from the rows left out, one line each."""
    from ..catalog import entry

    return [f"{os.path.abspath(row.file)}:{row.message or entry(row.code).title}"
            for row in _files_not_read(ledger, errors=False)]


def _files_not_read(ledger: Ledger, errors: bool) -> list:
    """The rows of ``ledger.files`` not read whose reason is an error (``errors``; a reason the catalog
    does not know counts as one) or is not."""
    from ..catalog import CATALOG, ERROR

    if not len(ledger.files):
        return []
    rows = ledger.files[ledger.files["status"] != "ok"].itertuples()
    return [r for r in rows if (getattr(CATALOG.get(r.code), "severity", ERROR) == ERROR) == errors]


# Rows counted as records, not items: an adoption row is one 采用记录 (an item adopted at two tiers
# has two), while the documents' 被采用…条 counts items.
RECORDS_ZH = {"adoptions": "采用记录"}


# Reasons ``compute.counted`` gives that are not catalog findings.
def _left_out(ledger: Ledger, rules_path, year) -> list[str]:
    """Why rows are not in the figures, one line each: files not read, then error rows by table."""
    from ..catalog import entry
    from ..compute.counted import TABLE_ZH, counted

    lines = unread_files(ledger)

    def reason(code: str) -> str:
        return entry(code).title

    left = counted(ledger, load_rules(rules_path, year=year)).left_out
    for table, group in left.groupby("table", sort=False):
        why = "、".join(f"{reason(code)} {n} 条" for code, n in zip(group["code"], group["rows"]))
        lines.append(f"{RECORDS_ZH.get(table, TABLE_ZH.get(table, table))} {int(group['rows'].sum())} 条:{why}")
    return lines


# What each output is, for the closing summary, in the order they are listed: by name, else by suffix.
ROLES = {
    REPORT_TXT: "校验报告(每个问题所在的文件、工作表、单元格和原因)",
    ".docx": "季度通报(Word 公文)",
    ".xlsx": "通报的统计表和图表(Excel)",
    ".html": "通报网页版",
    ".png": "图表图片",
    "annotated": "问题标注副本(有问题的单元格已标色并加批注,打开即见“问题清单”)",
    ".ipynb": "执行过的笔记本(核对计算过程用)",
    REPORT_JSON: "校验报告(JSON,供程序读取)",
}


def closing_summary(written: list[Path], circular: list[Path] | None, left_out: list[str], outcome: str,
                    notes: list[str] = ()) -> str:
    """What the run produced and what to do next, for a secretary: the rows left out and why, then
    every output by absolute path under what it is, the one to open first marked ★ (the 校验报告 when
    rows were left out or no circular was made, else the Word circular), and ``outcome``."""
    checks = [Path(p).resolve() for p in written]
    groups: dict[str, list[Path]] = {}
    for path in [Path(p).resolve() for p in circular or []] + checks:
        key = path.name if path.name in (REPORT_TXT, REPORT_JSON) else "annotated" if path in checks else path.suffix.lower()
        groups.setdefault(key if key in ROLES else "", []).append(path)
    report_txt = groups[REPORT_TXT][0]
    first = REPORT_TXT if left_out or ".docx" not in groups else ".docx"
    lines = [""]
    if left_out:
        lines.append("注意:以下内容因有错误未计入" + ("通报及" if circular else "") + "各项统计:")
        lines += [f"  {line}" for line in left_out]
        lines.append(f"  请打开 {report_txt} 查看每条的位置和原因"
                     + (f"(或打开 {report_txt.parent / ANNOTATED_DIR} 中的标注副本)" if "annotated" in groups else "")
                     + ",改正台账后重新运行。")
        lines.append("")
    if notes:  # files not read for a note, not an error: nothing of them is missing from a figure
        lines.append("提示(不影响统计):")
        lines += [f"  {line}" for line in notes]
        lines.append("")
    lines.append("已生成的文件(★ 请先打开):")
    for key in [first] + [k for k in [*ROLES, ""] if k != first]:
        if key in groups:
            lines.append(("★ " if key == first else "  ") + (ROLES.get(key) or "其他文件"))
            lines += [f"      {path}" for path in groups[key]]
    lines += ["", outcome]
    return "\n".join(lines) + "\n"
