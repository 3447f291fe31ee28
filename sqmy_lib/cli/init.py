"""``sqmy init DIR``: an office's folder, set up so that ``sqmy run DIR`` works on it.

A newcomer should not have to know where ledgers, roster and rules go, nor write a rules file from
nothing. The folder holds::

    台账/            the ledgers (the blank template to fill in, or the office's own workbooks)
    名册.xlsx         the roster (the blank template, with dropdowns)
    规则.yaml         the shipped rules of the year, the values to set marked 【必改】 / 【可改】
    schedules/       the circular, commendation and feedback-letter schedules, pointing at the folders above
                     (with --offices, a city's or province's roll-up of the offices below too)
    使用说明.txt      what each thing is and what to run, in Chinese
    输出/            made by ``sqmy run DIR``: outside 台账/, so outputs are never read as ledgers

Nothing the folder already holds is overwritten: init can be run again to add what is missing.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

from ..rules.model import MUST_EDIT
from ..zh import shell_word

LEDGERS = "台账"
ROSTER = "名册.xlsx"
# The roster as staff save it again from WPS or LibreOffice (名册.xls): read when 名册.xlsx is not there.
ROSTER_FORMS = (ROSTER, "名册.xls", "名册.xlsm", "名册.ods")
RULES = "规则.yaml"
# A workbook beside 台账/ named so (委员名册.xlsx, 信息员名单.xlsx) is likely the office's roster, not a ledger.
_ROSTER_WORDS = ("名册", "名单")
SCHEDULES = "schedules"
OUTPUT = "输出"
GUIDE = "使用说明.txt"
SCHEDULE_EXAMPLES = ("quarterly_circular.yaml", "annual_commendation.yaml", "quarterly_feedback.yaml")  # one office's own reports
ROLLUP_EXAMPLE = "rollup_circular.yaml"  # a city or province office's roll-up of the offices below (--offices)

MUST_MARK, MAY_MARK = "【必改】", "【可改】"

RULES_HEADER = f"""\
# 本单位规则文件(由 sqmy init 从内置的 {{year}} 年度规则复制)
#
# 标有 {MUST_MARK} 的项:请改为本单位的情况(单位名称、地名、主送机关等)。
# 标有 {MAY_MARK} 的项:讲话原文没有规定、由本单位自定的数值(任务数、稿酬、计分、名额等),可按本单位的办法修改。
# 其余各项一般不必改动。修改后运行下面的命令检查(会指出出错的项和原因):
#     sqmy rules check {RULES}
#
"""

_KEY = re.compile(r"^(?P<indent> *)(?P<key>[^\s#:'\"][^:#]*?):(?:\s|$)")


def register(sub) -> None:
    p = sub.add_parser("init", help="建立本单位的工作文件夹:台账/、名册.xlsx、规则.yaml、定时任务和使用说明")
    p.add_argument("folder", metavar="DIR", help="要建立的文件夹(已有的文件不会被覆盖)")
    p.add_argument("--year", type=int, metavar="Y", help="复制哪一年度的内置规则(默认今年)")
    p.add_argument("--offices", metavar="PATH", help="市、省政协:下级政协台账文件夹或 offices.yaml,另加汇总通报的定时任务")
    p.set_defaults(run=run_init)


def office_folder(path) -> Path | None:
    """``path`` when it is an office folder (it holds ``台账/``), else None."""
    path = Path(path)
    return path if (path / LEDGERS).is_dir() else None


def office_of(path) -> Path | None:
    """The office folder ``path`` is (it holds ``台账/``) or lies in (a path under the ``台账/`` of a
    folder holding 名册.xlsx or 规则.yaml), as written (relative stays relative); None when neither,
    or when ``path`` does not exist."""
    path = Path(path)
    if not path.exists():
        return None
    for form in (path, Path(os.path.abspath(path))):
        if office_folder(form):
            return form
        up = next((p.parent for p in (form, *form.parents) if p.name == LEDGERS), None)
        if up is not None and ((up / RULES).is_file() or office_rosters(up)):
            return up
    return None


def office_rosters(folder: Path) -> list[Path]:
    """The office folder's roster files, the one to read first (名册.xlsx, then 名册.xls and the other forms)."""
    return [folder / name for name in ROSTER_FORMS if (folder / name).is_file()]


def office_inputs(args) -> Path | None:
    """Every command that reads ledgers (validate, run, compute, circular, commend, feedback, export,
    certificate) resolves an office folder here, one way: when its PATHs are one office made by ``sqmy
    init`` (the folder, or paths under its 台账/), the office's 名册.xlsx and 规则.yaml stand for
    --roster and --rules not given (given, they win), and for ``sqmy run`` its 输出/ for --out. An
    office folder named stands for its 台账/. What is used is said on stderr; a 规则.yaml beside the
    ledgers that is not used (paths of several offices, a folder that is no office) is said too: the
    built-in rules never count the money in silence beside an office's own. Returns the office or None."""
    offices = {office_of(p) for p in args.paths}
    args.paths = [str(Path(p) / LEDGERS) if office_folder(p) else p for p in args.paths]
    folder = offices.pop() if len(offices) == 1 else None
    if folder is None:
        _unused_rules(args, offices)
        return None
    rosters = office_rosters(folder)
    if args.roster is None and rosters:
        args.roster = str(rosters[0])
        if len(rosters) > 1:
            print(f"提示:{folder} 中有 {len(rosters)} 份名册,读取 {rosters[0].name},"
                  f"未读取 {'、'.join(p.name for p in rosters[1:])};请只保留一份", file=sys.stderr)
    if args.rules is None and (folder / RULES).is_file():
        args.rules = str(folder / RULES)
    output = getattr(args, "office_output", False)
    if output and args.out is None:
        args.out = str(folder / OUTPUT)
    used = ", ".join([*args.paths, *([args.roster] if args.roster else []), args.rules or "内置规则"])
    print(f"工作文件夹 {folder}:读取 {used}" + (f";输出到 {args.out}" if output else ""), file=sys.stderr)
    _beside_ledgers(folder, args)
    return folder


def _unused_rules(args, offices: set) -> None:
    """No one office: the 规则.yaml of an office among several, or beside a ledger path that is in no
    office, is not used when --rules is not given. Said, with the option that would use it."""
    if args.rules is not None:
        return
    unused = {office / RULES: "所给台账不在同一个工作文件夹中" for office in offices if office is not None}
    for p in map(Path, args.paths):
        if p.exists() and office_of(p) is None:
            unused.setdefault((p if p.is_dir() else p.parent) / RULES, "它所在的文件夹不是 sqmy init 建立的工作文件夹")
    for rules, why in sorted(unused.items()):
        if rules.is_file():
            print(f"提示:{rules} 未使用({why}),按内置规则统计;如要按它统计,请加 --rules {rules}", file=sys.stderr)


def _beside_ledgers(folder: Path, args) -> None:
    """Workbooks in the office folder beside 台账/ are not read (when the folder itself was named): said,
    not left out in silence. Where the files are, not where a shortcut in 台账/ points (a broken one
    was "outside 台账/")."""
    from ..read.ledger import discover

    if not any(os.path.abspath(p) == os.path.abspath(folder / LEDGERS) for p in args.paths):
        return
    ledgers = Path(os.path.abspath(folder / LEDGERS))
    elsewhere = [p for p in discover([folder]) if ledgers not in Path(os.path.abspath(p)).parents
                 and os.path.abspath(p) != os.path.abspath(args.roster or "")]
    rosters = [p for p in elsewhere if any(w in Path(p).stem for w in _ROSTER_WORDS)]
    for p in rosters:
        print(f"提示:{_roster_unread(folder, Path(p), args.roster)}", file=sys.stderr)
    elsewhere = [p for p in elsewhere if p not in rosters]
    if elsewhere:
        print(f"提示:{folder} 中 {LEDGERS}/ 以外的 {len(elsewhere)} 个工作簿未读取(如 {elsewhere[0]});"
              f"台账请放入 {folder / LEDGERS}", file=sys.stderr)


def _roster_unread(folder: Path, path: Path, given: str | None) -> str:
    """Why a roster-like workbook in the office folder was not read, and what would read it: one of the
    office's own rosters (名册.xlsx) passed over for the --roster given (which may not exist: a typo),
    or another file to be named as the roster."""
    if path.name in ROSTER_FORMS:
        said = f"--roster 所给的 {given} 不存在,{folder} 中的 {path.name} 也未读取" if given and not Path(given).exists() \
            else f"{folder} 中的 {path.name} 未读取(已按 --roster 读取 {given})"
        return f"{said};如要读取 {path.name},请去掉 --roster 或改为 --roster {path}"
    instead = f"(替代现有的 {ROSTER})" if (folder / ROSTER).is_file() else ""
    return f"{folder} 中的 {path.name} 未读取,它可能是名册;如是,请将它改名为 {ROSTER}{instead},或加 --roster {path}"


def marked_rules(text: str) -> str:
    """The shipped rules text with the values to set marked (comments only: the data is unchanged)."""
    out, path = [], []
    for line in text.splitlines():
        match = _KEY.match(line)
        if match and not line.lstrip().startswith("-"):
            depth = len(match["indent"]) // 2
            path = path[:depth] + [match["key"].strip()]
            what = MUST_EDIT.get(tuple(path))
            if what:
                value = line.split(" #", 1)[0].rstrip()
                line = f"{value}   # {MUST_MARK}{what}"
                out.append(line)
                continue
        if "office-set" in line and MUST_MARK not in line:
            line = line.replace("office-set", f"office-set {MAY_MARK}", 1)
        out.append(line)
    return "\n".join(out) + "\n"


def rules_text(year: int) -> str:
    """规则.yaml: the shipped rules of ``year`` (or the nearest earlier) with the values to set marked."""
    import yaml

    from ..rules.model import default_rules_path

    path, _ = default_rules_path(year)
    original = path.read_text(encoding="utf-8")
    marked = RULES_HEADER.format(year=path.stem) + marked_rules(original)
    # Only comments were added: should a line ever not parse the same, the plain copy is given.
    return marked if yaml.safe_load(marked) == yaml.safe_load(original) else RULES_HEADER.format(year=path.stem) + original


def schedule_text(example: Path, offices: str | None = None) -> str:
    """An example schedule pointing at the office folder's own 台账/, 名册.xlsx and 规则.yaml (the
    roll-up's at ``offices``, the offices below)."""
    from .schedule import _filled

    text = _filled(example.read_text(encoding="utf-8"), {
        "ledgers": [f"../{LEDGERS}"], "roster": f"../{ROSTER}", "offices": [offices] if offices else None,
        "output": None, "start": None})
    return re.sub(r"(?m)^rules: null.*$", f'rules: "../{RULES}"       # 本单位规则文件', text)


def guide_text(folder: Path, year: int) -> str:
    """使用说明.txt."""
    from ..render.xlsx_tables import text_width

    name = folder.name
    q = lambda *parts: shell_word("/".join((name, *parts)))  # noqa: E731 - a folder path in a command

    def item(label: str) -> str:  # the names in one column, as a Chinese monospaced font shows them
        return "  " + label + " " * max(1, 14 - text_width(label))

    indent = " " * 16
    return f"""\
社情民意信息工作文件夹 使用说明

本文件夹由 sqmy init 建立,各部分的用途:

{item(LEDGERS + "/")}放本单位的台账(.xlsx、.xls、.ods、.csv 均可,可分子文件夹存放)。
{indent}其中的“社情民意信息台账模板.xlsx”是空白台账,可直接填写;已有自己的台账的,放进来即可,不必改格式。
{item(ROSTER)}名册:委员、信息员的姓名、身份、单位、聘任日期,以及各单位的单位类型(任务和排名按单位类型计)。
{item(RULES)}本单位的规则。标有“{MUST_MARK}”的项请改为本单位的情况;标有“{MAY_MARK}”的是可按本单位办法调整的数值。
{indent}改完后运行 sqmy rules check {q(RULES)} 检查。
{item(SCHEDULES + "/")}定时任务:每季度自动生成通报和反馈函、每年生成表彰名单(见下文)。
{item(OUTPUT + "/")}sqmy run 生成的文件都在这里;本文件夹里的文件不会被当作台账读取。

日常使用(在 {name} 所在的文件夹中运行):

  sqmy run {q()}
      读取并校验台账,写出校验报告和问题标注副本,生成最近一个已结束季度的通报。
      结束时屏幕上列出所有生成的文件,标“★”的请先打开;有记录因错误未计入时,会说明条数和原因,
      请打开校验报告(或“问题标注”中的副本)改正台账后重新运行。
      结果:0 表示已生成且全部记录计入;3 表示已生成,但有记录因错误未计入;1 表示通报未能生成;2 表示台账或参数无法使用。

  sqmy run {q()} --quarter 3       指定季度
  sqmy commend {q(LEDGERS)} --roster {q(ROSTER)} --rules {q(RULES)} --year {year} --out {q(OUTPUT, "表彰")}
      生成{year}年度表彰候选名单(年底后运行)

定时生成(可选):

  sqmy schedule list --schedules {q(SCHEDULES)}            查看何时运行、哪些期间尚未生成
  sqmy schedule install --schedules {q(SCHEDULES)} --apply  装入定时检查(Windows 加 --windows,见 README)

更多说明见 README(“Your own office”一节)。
"""


def _write_new(path: Path, text: str, bom: bool = False) -> bool:
    """Write ``text`` to ``path`` unless it exists (staff's own file is never replaced); whether written."""
    from ..iorw import write_text

    if path.exists():
        return False
    if bom:  # a Chinese Windows Notepad before 2019 shows UTF-8 without a BOM, and LF alone, as garbage
        from ..iorw import atomic_path

        with atomic_path(path) as tmp:
            tmp.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
        return True
    write_text(path, text)
    return True


def run_init(args) -> int:
    from ..render.template import write_ledger_template, write_roster_template, LEDGER_FILE
    from ..rules import load_rules
    from ..schedule.spec import examples_folder

    folder = Path(args.folder).expanduser()
    if folder.exists() and not folder.is_dir():
        print(f"sqmy: {folder} 已存在且不是文件夹", file=sys.stderr)
        return 2
    year = args.year or dt.date.today().year
    (folder / LEDGERS).mkdir(parents=True, exist_ok=True)
    (folder / SCHEDULES).mkdir(exist_ok=True)
    rules = load_rules(year=year)
    made, kept = [], []

    def add(path: Path, write) -> None:
        if path.exists():
            kept.append(path)
        else:
            write(path)
            made.append(path)

    add(folder / LEDGERS / LEDGER_FILE, lambda p: write_ledger_template(p, rules))
    add(folder / ROSTER, lambda p: write_roster_template(p, rules))
    add(folder / RULES, lambda p: _write_new(p, rules_text(year)))
    for name in SCHEDULE_EXAMPLES:
        add(folder / SCHEDULES / name, lambda p, name=name: _write_new(p, schedule_text(examples_folder() / name)))
    if args.offices:
        try:  # relative to schedules/ when it can be, so the folder can move with what it holds
            below = os.path.relpath(Path(args.offices).resolve(), (folder / SCHEDULES).resolve())
        except ValueError:  # another drive (Windows)
            below = str(Path(args.offices).resolve())
        add(folder / SCHEDULES / ROLLUP_EXAMPLE,
            lambda p: _write_new(p, schedule_text(examples_folder() / ROLLUP_EXAMPLE, below)))
    add(folder / GUIDE, lambda p: _write_new(p, guide_text(folder, year), bom=True))

    for path in made:
        print(f"已生成:{path.resolve()}")
    for path in kept:
        print(f"已存在,未改动:{path.resolve()}")
    print(f"\n下一步:把台账放进 {(folder / LEDGERS).resolve()},按“{MUST_MARK}”修改 {(folder / RULES).resolve()},"
          f"再运行 sqmy run {shell_word(str(folder))}(详见 {(folder / GUIDE).resolve()})")
    return 0
