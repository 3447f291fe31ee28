"""read_ledgers: files and folders in, one Ledger of record tables out.

1. ``discover`` lists the workbooks (never the tool's own outputs, never a FIFO or device);
2. each file is read where a crash costs that file only (read.isolate → read.file);
3. the files' tables are concatenated, ids made global (``merge``);
4. rows that repeat another sheet's (a 全年汇总 over the month sheets) are set aside, once,
   with a finding (read.repeats);
   an item written on a row per unit, each row's 备注 saying 联合报送, is one item (read.joint);
5. rows of a separate 采用/批示/上报台账 are linked to their items, in one pass (read.link);
6. authors are judged person or unit, by the roster first (read.attribute).
"""
from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

from .. import arguments
from ..iorw import is_output_folder, note_inputs, output_files_in
from ..records import RECORD_TABLES, SCHEMAS, Ledger, Roster, typed
from ..rules import Rules, load_rules
from ..rules.leaders import post_words
from ..zh import read_error
from .attribute import attribute
from .file import FileResult, failed_row, names_items
from .headers import find_layout
from .isolate import read_isolated
from .joint import join_joint_rows
from .link import (dates_after_their_items, dates_from_issues, flags_against_records, link_references, merge_repeated_instructions,
                   notes_against_records)
from .marks import Vocabulary
from .repeats import set_aside_repeats
from .roster import merge_rosters, roster_from_sheets
from .safety import UnreadableFile
from .sheet import years_back
from .workbook import open_workbook

# What a ledger folder's ledgers are saved as: workbooks, and CSV exported from an online system.
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
# Spreadsheets in a ledger folder in a format the tool does not read (WPS .et, .xlsb, templates): said
# (file.format_unsupported), never passed over in silence: their items would be missing from every figure.
UNSUPPORTED_SUFFIXES = (".et", ".ett", ".xlsb", ".xlt", ".xltx", ".xltm", ".numbers")
# Files a ledger may be saved as that a folder's reading passes over (a web page, Unicode text, Excel 2003
# XML, a Word 登记表, a zip): named, as 提示 (``file.not_read``), so items kept only there are not missed unsaid.
NOT_READ_SUFFIXES = (".htm", ".html", ".mht", ".mhtml", ".xml", ".txt", ".tsv", ".doc", ".docx", ".wps", ".zip", ".rar", ".7z", ".pdf")
# Backups beside the ledgers (报送台账.xlsx.bak, Excel's “Backup of 报送台账.xlk”): named, as 提示 (``file.backup``),
# not read (the ledger they back up is), so rows kept only in a backup are not missed unsaid.
BACKUP_SUFFIXES = (".bak", ".xlk", ".backup")
# Folders the tool writes its own outputs into, skipped even without the marker file.
OUTPUT_FOLDERS = ("问题标注", "季度通报", "年度表彰", "汇总通报", "反馈函")


def discover(paths: Iterable[str | os.PathLike], unsupported: list[Path] | None = None) -> list[Path]:
    """Expand folders recursively into workbook files.

    Skipped: lock files (``~$…``), hidden files and folders, and the tool's own outputs (a
    folder holding the output marker, or named as an output folder), so nothing the tool
    wrote is ever read back as a ledger. A path named explicitly is kept whatever it is, so
    a wrong file is reported, not ignored. Spreadsheets in a folder in a format the tool does
    not read are added to ``unsupported`` when it is given (see ``unsupported_findings``).
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(_workbooks_in(p, unsupported))
        else:
            out.append(p)
    # A file named twice (or inside two folders named) is read once.
    seen: set[str] = set()
    unique = []
    for path in out:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _workbooks_in(folder: Path, unsupported: list[Path] | None) -> Iterator[Path]:
    """The workbooks under ``folder`` (see :func:`discover`), in name order."""
    for root, dirs, files in os.walk(folder):
        if is_output_folder(files) and Path(root) != folder:
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in OUTPUT_FOLDERS)
        if is_output_folder(files):
            continue  # the folder named is itself an output folder: its sub-folders may be ledgers
        written = output_files_in(root, files)  # CSV tables the tool wrote here (sqmy export … --out 台账/履职.csv)
        for name in sorted(files):
            if name.startswith(("~$", ".")) or name in written:
                continue
            if name.lower().endswith(EXCEL_SUFFIXES):
                yield Path(root) / name
            elif unsupported is not None and name.lower().endswith(UNSUPPORTED_SUFFIXES + NOT_READ_SUFFIXES + BACKUP_SUFFIXES):
                unsupported.append(Path(root) / name)


def _not_readable(path: Path) -> UnreadableFile | None:
    """A path that must not be opened: missing, or not a regular file (a FIFO would hang)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        if path.is_symlink():  # a link left behind in the folder: the file is listed, what it points at is gone
            return UnreadableFile("file.unreadable", f"无法打开文件:{read_error(exc)}")
        return UnreadableFile("file.not_found", "文件不存在,请检查路径")
    except OSError as exc:
        return UnreadableFile("file.unreadable", f"无法打开文件:{read_error(exc)}")
    if stat.S_ISDIR(mode):
        return UnreadableFile("file.not_regular", "这是文件夹,不是工作簿文件")
    if not stat.S_ISREG(mode):
        return UnreadableFile("file.not_regular", "不是普通文件(管道、设备或套接字),已拒绝读取")
    return None


def _progress(total: int):
    """A tqdm bar (its update) on a terminal; None under cron and CI."""
    if total > 1 and sys.stderr.isatty() and not os.environ.get("CI"):
        from tqdm import tqdm

        return tqdm(total=total, desc="读取台账", unit="个文件", leave=False)
    return None


def read_ledgers(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    roster: str | os.PathLike | Roster | None = None,
    year: int | None = None,
    rules: Rules | str | os.PathLike | None = None,
    workers: int | None = None,
    missing: str = "raise",
) -> Ledger:
    """Read ledgers (files or folders; .xlsx/.xlsm/.xls/.ods/.csv) into a :class:`Ledger`.

    ``roster`` is a 名册 workbook (or a Roster already read); roster sheets found among the
    ledgers are used too. ``year`` is the ledgers' year where titles, sheet and file names do
    not say it. ``workers`` reader processes (default: as many as pay). A path (ledger or roster)
    that does not exist raises FileNotFoundError (``missing="report"``: it is one ``files`` row instead).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    year = arguments.optional_whole(year, "year")
    if missing == "raise":
        absent = [str(p) for p in paths if not Path(p).exists()]
        if absent:
            raise FileNotFoundError(f"台账路径不存在:{'、'.join(absent)}")
        # A roster named and not there would leave every quota and role out of the figures, unsaid.
        if isinstance(roster, (str, os.PathLike)) and not Path(roster).exists():
            raise FileNotFoundError(f"名册路径不存在:{roster}")
    given = rules is not None
    rules = arguments.rules(rules, year) or load_rules(year=year)
    unsupported: list[Path] = []
    files = discover(paths, unsupported)
    note_inputs([*files, *([roster] if isinstance(roster, (str, os.PathLike)) else [])])
    ledger = read_files(files, rules, roster=roster, year=year, workers=workers)
    _say_folders_without_ledgers(ledger, paths, files, unsupported)
    add_unsupported(ledger, unsupported)
    if given:  # the office's rules go with its ledger: sq.rewards(ledger, 2025) pays by them
        ledger.rules = rules
        # What reading took from them (placement, vocabularies): an edit of it later is said (compute.counted).
        ledger.__dict__["_read_with"] = rules.reading_digest()
    return ledger


def _say_folders_without_ledgers(ledger: Ledger, paths: list, files: list[Path], unsupported: list[Path]) -> None:
    """A folder named that holds no ledger the tool reads (``input.no_files``): an empty folder, the
    wrong one, or one of the tool's own output folders. It read as 0 files and no errors."""
    found = [os.path.abspath(f) for f in [*files, *unsupported] if not f.name.lower().endswith(NOT_READ_SUFFIXES + BACKUP_SUFFIXES)]
    rows = []
    for p in map(Path, paths):
        if not p.is_dir() or any(f.startswith(os.path.abspath(p) + os.sep) for f in found):
            continue
        marked = is_output_folder(os.listdir(p))
        rows.append(dict(code="input.no_files", src=None, file=str(p), sheet="", row=None, column="", value=str(p),
                         detail=",该文件夹是 sqmy 的输出文件夹(其中有 .sqmy-output 标记),其中的文件不作为台账读取" if marked else ""))
    if rows:
        ledger.findings = typed("findings", pd.concat([ledger.findings, pd.DataFrame(rows)], ignore_index=True))


def _unread_code(name: str) -> str:
    """The finding of a file in a ledger folder that is not read, by its name (lower case)."""
    if name.endswith(UNSUPPORTED_SUFFIXES):
        return "file.format_unsupported"
    return "file.backup" if name.endswith(BACKUP_SUFFIXES) else "file.not_read"


def add_unsupported(ledger: Ledger, files: list[Path], office_of: dict[str, str] | None = None) -> None:
    """One finding per spreadsheet in a ledger folder that the tool cannot read (``discover``)."""
    if not files:
        return
    rows = pd.DataFrame([dict(code=_unread_code(f.name.lower()), src=None, file=str(f), sheet="", row=None, column="",
                              value=f.suffix.lower(), detail=(office_of or {}).get(str(f), "")) for f in files])
    ledger.findings = typed("findings", pd.concat([ledger.findings, rows], ignore_index=True))


def read_files(
    files: list[Path],
    rules: Rules,
    roster: str | os.PathLike | Roster | None = None,
    year: int | None = None,
    workers: int | None = None,
    file_rules: dict[Path, Rules] | None = None,
    office_of: dict[str, str] | None = None,
) -> Ledger:
    """Read the given workbook files into one :class:`Ledger` (what ``read_ledgers`` does after discovery).

    ``file_rules`` gives a file its own rules (an office's own tier and place, when offices of
    several levels are read together); ``office_of`` names the office each file belongs to,
    filling the tables' ``office`` column and keeping links and repeats inside one office.
    """
    roster, file_rows, rules, file_rules = _with_roster(roster, rules, file_rules)
    office_of = office_of or {}
    jobs = [(k, path, (file_rules or {}).get(path, rules)) for k, path in enumerate(files)]
    results: list[FileResult | None] = [None] * len(files)
    for k, path, _ in jobs:
        if (refused := _not_readable(path)) is not None:
            results[k] = FileResult(files=[failed_row(path, path.suffix.lstrip("."), refused)])
    jobs = [job for job in jobs if results[job[0]] is None]
    _read_jobs(jobs, results, year, workers, progress=True)
    ledger = merge(results, rules, office_of, list(file_rows))
    redo = _adoption_ledgers_only(ledger, office_of)
    if redo:
        # An office that keeps only a 采用台账 (its rows name each item): read its rows as its items.
        _read_jobs([job for job in jobs if str(job[1]) in redo], results, year, workers, as_items=True)
        ledger = merge(results, rules, office_of, list(file_rows))
    _tallies_alone(ledger)
    _add_roster(ledger, roster, rules)
    _blank_roster(ledger, roster)
    _after_reading(ledger, rules, file_rules, year)
    return ledger


def _tallies_alone(ledger: Ledger) -> None:
    """A 汇总 file (read.file: a workbook of tally sheets only, its figures set against the ledgers of its folder)
    read with no ledger of items beside it: nothing to set them against, so it is the file with no ledger it was
    (``file.no_ledger``), its sheets' findings and figures dropped as for any such file."""
    if not ledger.submissions.empty or ledger.files.empty or ledger.skipped.empty:
        return
    tally_files = set(ledger.skipped.loc[ledger.skipped["reason"] == "tally_sheet", "file"])
    ok = ledger.files["status"] == "ok"
    alone = ok & ledger.files["file"].isin(tally_files) & ~ledger.files["file"].isin(set(ledger.sheets.loc[
        ledger.sheets["kind"] != "unrecognised", "file"]))
    if not alone.any():
        return
    names = ledger.sheets.groupby("file")["sheet"].agg("、".join)
    ledger.files.loc[alone, "status"] = "failed"
    ledger.files.loc[alone, "code"] = "file.no_ledger"
    ledger.files.loc[alone, "message"] = [f"未找到可识别的台账工作表(工作表:{names.get(f, '无')});只有汇总统计表,没有可与之核对的台账"
                                          for f in ledger.files.loc[alone, "file"]]
    gone = set(ledger.files.loc[alone, "file"])
    ledger.findings = ledger.findings[~ledger.findings["file"].isin(gone)].reset_index(drop=True)
    ledger.skipped = ledger.skipped[~ledger.skipped["file"].isin(gone)].reset_index(drop=True)
    ledger.sheets = ledger.sheets[~ledger.sheets["file"].isin(gone)].reset_index(drop=True)


def _with_roster(roster, rules: Rules, file_rules: dict[Path, Rules] | None):
    """(the roster read, its files rows, the rules and the files' rules with the 政协 it lists as offices
    below: 扶余市政协编发 is a county's, ``Rules.with_offices_below``)."""
    file_rows: list[dict] = []
    if roster is not None and not isinstance(roster, Roster):
        roster, roster_failures = _read_roster_file(Path(roster), rules)
        file_rows.extend(roster_failures)
    if roster:
        units = list(roster.units["unit"])
        rules = rules.with_offices_below(units)
        file_rules = {p: r.with_offices_below(units) for p, r in (file_rules or {}).items()}
    return roster, file_rows, rules, file_rules


def _after_reading(ledger: Ledger, rules: Rules, file_rules: dict[Path, Rules] | None, year: int | None) -> None:
    """What is worked out over the whole office once its files are merged: the year, repeats, joint rows,
    links between books, dates, repeated 批示, and who each item is for."""
    ledger.year = year or _common_year(ledger.sheets)
    if year is None:
        _say_several_years(ledger)
    set_aside_repeats(ledger)
    join_joint_rows(ledger, rules)
    link_references(ledger)
    dates_after_their_items(ledger)
    organ_key = _organ_keys(rules, file_rules)
    merge_repeated_instructions(ledger, post_words(rules.data), organ_key, _level_only(rules, file_rules))
    flags_against_records(ledger)
    notes_against_records(ledger, Vocabulary(rules.data, rules.place))
    dates_from_issues(ledger, organ_key)
    attribute(ledger, rules)
    _say_hidden_sheets_of_other_years(ledger)


def _organ_keys(rules: Rules, file_rules: dict[Path, Rules] | None):
    """(file, body) → the organ the body names under the rules its file was read with
    (``Placement.organ_key``: 江州市政协 is 市政协 to an office in 江州市, not to one elsewhere)."""
    by_file = {str(p): r for p, r in (file_rules or {}).items()}
    return lambda file, body: by_file.get(file, rules).placement.organ_key(body)


def _level_only(rules: Rules, file_rules: dict[Path, Rules] | None):
    """(file, body) → whether the body names a level and no organ (市级采用) under its file's rules
    (``Placement.says_level_only``)."""
    by_file = {str(p): r for p, r in (file_rules or {}).items()}
    return lambda file, body: by_file.get(file, rules).placement.says_level_only(body)


def _add_roster(ledger: Ledger, roster: Roster | None, rules: Rules) -> None:
    """The roster given beside the roster sheets of the ledgers, and its findings among the ledger's."""
    if roster:
        ledger.roster = merge_rosters(roster, ledger.roster, rules)
    elif roster is not None and len(roster.findings):  # nothing read from it: why, row by row
        ledger.findings = typed("findings", pd.concat([ledger.findings, roster.findings], ignore_index=True))
    elif roster is None and ledger.roster:
        _say_roster_from_ledgers(ledger)
    if ledger.roster is not None and len(ledger.roster.findings):
        ledger.findings = typed("findings", pd.concat([ledger.findings, ledger.roster.findings], ignore_index=True))


def _say_roster_from_ledgers(ledger: Ledger) -> None:
    """No roster given, a sheet of a ledger's workbook read as one (信息员通讯录: 姓名 | 单位 | 联系电话 beside the
    台账's sheets): said once per sheet with how many people (or units) it gave (``roster.from_ledgers``), since who
    is on it decides each one's 身份, quota and unit, and every author not on it is said as not on the roster. A
    roster workbook among the ledgers (名册.xlsx in 台账/) is the roster as the office keeps it: not said."""
    sheets = ledger.sheets
    books = set(sheets.loc[sheets["kind"].isin(("submissions", "adoptions")), "file"])
    rows = []
    for table, what in ((ledger.roster.people, "人"), (ledger.roster.units, "个单位")):
        for (file, sheet), n in table[table["file"].isin(books)].groupby(["file", "sheet"], sort=False).size().items():
            rows.append(dict(code="roster.from_ledgers", src=None, file=file, sheet=sheet, row=None, column="",
                             value=sheet, detail=f"{n} {what}"))
    if rows:
        ledger.findings = typed("findings", pd.concat([ledger.findings, pd.DataFrame(rows)], ignore_index=True))


def _blank_roster(ledger: Ledger, given: Roster | None) -> None:
    """A roster file with nothing under its headers (the blank 名册.xlsx ``sqmy init`` writes) while a
    roster kept with the ledgers (委员名册.xlsx in 台账/) is read: no error, a note naming that one
    (``roster.blank``); with no other roster, a warning that it is still to be filled in (``roster.unfilled``),
    not an unreadable input."""
    if given is None or given or len(given.findings) or ledger.files.empty:
        return
    files = ledger.files
    for k in files.index[(files["code"] == "roster.not_found").to_numpy()]:
        name = Path(files.at[k, "file"]).name
        if ledger.roster:
            kept = ledger.roster.people["file"].tolist() + ledger.roster.units["file"].tolist()
            names = "、".join(dict.fromkeys(Path(f).name for f in kept if f))
            files.at[k, "code"] = "roster.blank"
            files.at[k, "message"] = f"名册 {name} 的表头下没有填写人员或单位,已按台账中的名册 {names} 计算任务和单位"
        else:  # the template as sqmy init wrote it: not yet filled in, no unreadable input
            files.at[k, "code"] = "roster.unfilled"
            files.at[k, "message"] = (f"名册 {name} 的表头下还没有填写人员或单位,本次未按名册计算任务、未列出未报送的人员和单位;"
                                      "请按表头填写名册后重新运行")


def _read_jobs(jobs: list[tuple[int, Path, Rules]], results: list, year: int | None, workers: int | None,
               progress: bool = False, as_items: bool = False) -> None:
    """Read each job's file (each in a process of its own) into its place in ``results``, with a
    progress bar on a terminal when ``progress``."""
    bar = _progress(len(jobs)) if progress else None

    def advance(path: Path) -> None:
        bar.set_postfix_str(path.name, refresh=False)
        bar.update()

    read = read_isolated([(p, r) for _, p, r in jobs], year, workers, advance if bar else None, as_items=as_items)
    if bar:
        bar.close()
    for (k, _, _), result in zip(jobs, read):
        results[k] = result


def _adoption_ledgers_only(ledger: Ledger, office_of: dict[str, str]) -> set[str]:
    """The files of offices with no 报送台账 at all whose 采用台账 name each item's title and author (a
    上报台账 its title and 报送单位: read.file ``names_items``):
    the office keeps only that ledger, so its rows are its items (not references to none)."""
    sheets = ledger.sheets
    if sheets.empty:
        return set()
    office = sheets["file"].map(lambda f: office_of.get(f, ""))
    with_items = set(office[sheets["kind"] == "submissions"])
    naming = sheets["columns"].map(lambda c: isinstance(c, dict) and names_items(c))
    pick = (sheets["kind"] == "adoptions") & naming & ~office.isin(with_items)
    return set(sheets.loc[pick, "file"])


def merge(results: list[FileResult], rules: Rules, office_of: dict[str, str], file_rows: list[dict]) -> Ledger:
    """The files' results as one Ledger: sheet and item ids made global, each row placed (file,
    sheet, office), tiers and levels made categories."""
    sheets: list[dict] = []
    frames: dict[str, list[tuple[dict, int, int]]] = {}  # table → (its column arrays, sheet and item id bases)
    roster_grids = []
    items = 0
    for res in results:
        file_rows.extend(res.files)
        roster_grids.extend(res.roster_grids)
        src_base = len(sheets)
        sheets.extend({**row, "src": row["src"] + src_base} for row in res.sheets)
        for table, frame in res.tables.items():
            frames.setdefault(table, []).append((frame, src_base, items))
        items += len(res.tables["submissions"]["item"]) if "submissions" in res.tables else 0
    sheet_frame = typed("sheets", {k: [s[k] for s in sheets] for k in sheets[0]} if sheets else None)
    tables = {table: _placed(frames.get(table), table, sheet_frame, office_of)
              for table in (*RECORD_TABLES, "findings", "skipped")}
    _authors_of_items(tables)
    _id_columns(tables)
    _categoricals(tables, rules)
    roster = roster_from_sheets(roster_grids, rules) if roster_grids else None
    return Ledger(
        submissions=tables["submissions"], authors=tables["authors"], adoptions=tables["adoptions"],
        instructions=tables["instructions"], forwards=tables["forwards"], sheets=sheet_frame,
        files=typed("files", {k: [r.get(k) for r in file_rows] for k in ("file", "format", "status", "code", "message", "sheet")} if file_rows else None),
        findings=tables["findings"], skipped=tables["skipped"], roster=roster,
    )


def _placed(parts: list[tuple[dict, int, int]] | None, table: str, sheets: pd.DataFrame,
            office_of: dict[str, str]) -> pd.DataFrame:
    """The files' column arrays of one table as one typed frame, sheet and item ids made global (a
    reference row's item -1 stays), each row given its file, sheet and office."""
    if not parts:
        return typed(table)
    data = {c: np.concatenate([p[c] for p, _, _ in parts]) for c in parts[0][0]}
    sizes = [len(next(iter(p.values()))) for p, _, _ in parts]
    if "src" in data:
        src_base = np.repeat(np.array([b for _, b, _ in parts], dtype=np.int64), sizes)
        if data["src"].dtype == object:  # findings: a file's own finding has no sheet
            data["src"] = np.array([None if v is None else v + b for v, b in zip(data["src"], src_base.tolist())], dtype=object)
        else:
            data["src"] = data["src"] + src_base
    if "item" in data:
        item = data["item"]
        data["item"] = np.where(item >= 0, item + np.repeat(np.array([b for _, _, b in parts], dtype=np.int64), sizes), item)
    if "file" in SCHEMAS[table]:
        where = pd.Series(data["src"]).astype(object)
        for column in ("file", "sheet"):
            data[column] = where.map(pd.Series(sheets[column].to_numpy(), index=sheets["src"].to_numpy())).fillna("").to_numpy(dtype=object)
        if office_of:
            data["office"] = pd.Series(data["file"]).map(office_of).fillna("").to_numpy(dtype=object)
    return typed(table, data)


def _authors_of_items(tables: dict[str, pd.DataFrame]) -> None:
    """Each author row gets its item's office."""
    subs, authors = tables["submissions"], tables["authors"]
    if len(authors):
        office = pd.Series(subs["office"].to_numpy(), index=subs["item"].to_numpy())
        authors["office"] = authors["item"].map(office).fillna("").to_numpy()


def _id_columns(tables: dict[str, pd.DataFrame]) -> None:
    for table, id_col in (("adoptions", "adoption"), ("forwards", "forward"), ("instructions", "instruction")):
        tables[table][id_col] = np.arange(len(tables[table]), dtype=np.int64)


def _categoricals(tables: dict[str, pd.DataFrame], rules: Rules) -> None:
    """Tiers and leader levels as ordered categoricals (lowest first): they sort as they rank."""
    tier_type = pd.CategoricalDtype(rules.tiers, ordered=True)
    for table in ("adoptions", "forwards"):
        tables[table]["tier"] = tables[table]["tier"].astype(object).astype(tier_type)
    tables["instructions"]["level"] = tables["instructions"]["level"].astype(object).astype(
        pd.CategoricalDtype(rules.leader_levels, ordered=True))


def _sheet_years(sheets: pd.DataFrame) -> Counter:
    """How many submission sheets say they are of each year. A sheet covering months of several years (a
    title's 2023—2025, a 年度 column naming 2023 to 2025) is of each year it holds half a year or more of,
    not of the first alone: one running sheet of 2023—2025 read with no year is counted for 2025, said
    (``ledger.several_years``), never 2023's figures given as the ledger's without a word; one of 2024年12月—
    2026年1月 is 2025's (a month of a year at either end is not that year's ledger). Last year's kept
    beside the year's (a sheet 上年, 去年台账, a file 上年台账.xlsx: a year before) says nothing of which year the
    ledgers are."""
    out: Counter = Counter()
    for kind, year, span, name, file in zip(sheets["kind"], sheets["year"], sheets["months"], sheets["sheet"], sheets["file"]):
        if kind != "submissions" or years_back(name) or years_back(Path(file).stem):
            continue
        covered = Counter(m // 12 for m in range(span[0], span[1] + 1)) if isinstance(span, (tuple, list)) else {}
        held = [y for y, n in covered.items() if n >= 6]  # 2024年12月—2026年1月: 2025 (a month either side)
        out.update(held or ([int(year)] if year else []))
    return out


def _common_year(sheets: pd.DataFrame) -> int | None:
    """The year most submission sheets say they are of (the later of two as many)."""
    years = _sheet_years(sheets)
    return max(years, key=lambda y: (years[y], y)) if years else None


def _say_several_years(ledger: Ledger) -> None:
    """Ledgers of several years read with no year given: the year taken is said, and the others."""
    years = sorted(_sheet_years(ledger.sheets))
    if len(years) < 2 or ledger.year is None:
        return
    row = dict(code="ledger.several_years", src=None, file="", sheet="", row=None, column="",
               value=str(ledger.year), detail="、".join(map(str, years)))
    # Both sides typed alike, so pandas has no all-NA column to decide a dtype from (its FutureWarning).
    ledger.findings = pd.concat([ledger.findings, typed("findings", pd.DataFrame([row]))], ignore_index=True)


def _say_hidden_sheets_of_other_years(ledger: Ledger) -> None:
    """A hidden sheet whose records are all dated outside the ledger's year (last year's sheet kept
    hidden as its archive) counts nothing in this year's figures: said as such (sheet.hidden_other_year,
    with its items' years), not as counted (sheet.hidden), and never with a call to delete it."""
    found = ledger.findings
    hidden = found.index[found["code"] == "sheet.hidden"]
    if ledger.year is None or not len(hidden):
        return
    for k in hidden:
        where = {"file": found.at[k, "file"], "sheet": found.at[k, "sheet"]}
        items = _rows_of(ledger.submissions, where)
        others = [_rows_of(getattr(ledger, t), where)["date"] for t in ("adoptions", "forwards", "instructions")]
        if not len(items) or items["date"].isna().any() or any((d.dt.year == ledger.year).any() for d in [items["date"], *others]):
            continue
        years = Counter(int(y) for y in items["date"].dt.year)
        found.at[k, "code"] = "sheet.hidden_other_year"
        found.at[k, "detail"] = "、".join(f"{y} 年 {n} 条" for y, n in sorted(years.items()))


def _rows_of(table: pd.DataFrame, where: dict[str, str]) -> pd.DataFrame:
    """The rows of a record table read from one file's sheet."""
    return table[(table["file"] == where["file"]) & (table["sheet"] == where["sheet"])]


def _read_roster_file(path: Path, rules: Rules) -> tuple[Roster | None, list[dict]]:
    refused = _not_readable(path)
    if refused is not None:
        return None, [failed_row(path, path.suffix.lstrip("."), refused)]
    try:
        wb = open_workbook(path)
    except UnreadableFile as exc:
        return None, [failed_row(path, path.suffix.lstrip("."), exc)]
    from .headers import HeaderWords

    words = HeaderWords(rules.data.get("headers"), rules.place)
    grids, unread = [], []
    for grid in wb.sheets:
        layout = find_layout(grid.rows, grid.merges, words, grid.name, roster=True)
        if layout is not None and layout.kind in ("people", "units"):
            grids.append((str(path), grid, layout))
        else:
            unread.append((str(path), grid))  # said when it holds anything (read.roster)
    if not grids:
        return None, [failed_row(path, wb.format, UnreadableFile("roster.not_found", "名册中未找到“姓名/身份”或“单位名称/单位类型”表头"))]
    roster = roster_from_sheets(grids, rules, unread)
    if not roster:  # a header with no one read under it: said here, and each row's reason with the findings
        return roster, [failed_row(path, wb.format, UnreadableFile("roster.not_found", "名册表头下没有读到任何人员或单位,未按名册计算任务和单位;请检查姓名栏"))]
    return roster, []
