"""The office tree of a roll-up, and reading every office's ledgers in one go.

A city office rolls up its counties, a province its cities. The tree is given as

- a folder with one sub-folder per office below (the sub-folder's name is the office's
  name; every workbook under it is that office's); workbooks directly in the folder are
  the roll-up office's own ledgers (本级), where items forwarded upward appear again, as do
  those in a sub-folder named ``本级`` or ``市本级``;
- several folders, one per office below;
- a manifest (``offices.yaml``, read safely, never evaluated), which also says each
  office's level, peer group and 编号 prefix. A folder holding ``offices.yaml`` is read
  through it::

      office: 示例市政协
      level: 市级
      own_ledgers: [市本级]          # paths relative to the manifest
      offices:
        - name: 东山县政协
          level: 县级                # default: one tier below the roll-up office
          peer_group: 县             # default: rules rollup.peer_group_by_level
          code: 东山县               # default: the name less 政协
          ledgers: [东山县]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from .. import configfile
from ..configfile import ConfigError
from ..records import Ledger, Office, OfficeTree, typed
from ..rules import Rules
from ..rules.model import unit_type_key
from ..rules.placement import level_in_name, office_of_folder, place_below, place_of
from .ledger import EXCEL_SUFFIXES, add_unsupported, discover, read_files

MANIFEST_NAMES = ("offices.yaml", "offices.yml")
OWN_FOLDER = "本级"  # a sub-folder named 本级 / 市本级 holds the roll-up office's own ledgers


class TreeError(Exception):
    """An office tree that cannot be used; ``message`` is Chinese and names the file."""

    def __init__(self, message: str, code: str = "tree.invalid"):
        super().__init__(message)
        self.message = message
        self.code = code




def office_code(name: str) -> str:
    """The short name an office's items carry when forwarded: ``东山县政协`` → ``东山县``, ``江州高新区政协工委`` →
    ``江州高新区``."""
    for suffix in ("政协工作委员会", "政协工委", "政协委员会", "委员会", "政协"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _below(level: str, tiers: list[str]) -> str:
    k = tiers.index(level) if level in tiers else 0
    return tiers[max(k - 1, 0)]


def _above(level: str, tiers: list[str]) -> str:
    k = tiers.index(level) if level in tiers else 0
    return tiers[min(k + 1, len(tiers) - 1)]


def load_tree(paths: Iterable[str | os.PathLike] | str | os.PathLike, rules: Rules,
              office: str | None = None, level: str | None = None) -> OfficeTree:
    """The office tree from a folder of office folders, several office folders, or a manifest.

    ``office`` and ``level`` name the roll-up office where the tree does not; otherwise the
    folder's name, then the levels of the offices below (one tier up), then the rules say it.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise TreeError("未指定下级政协台账所在的文件夹或清单文件", "tree.empty")
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise TreeError(f"路径不存在:{'、'.join(map(str, missing))}", "tree.not_found")
    manifests = [p for p in paths if p.is_file() and p.suffix.lower() in (".yaml", ".yml")]
    if len(paths) == 1 and paths[0].is_dir():
        inner = next((paths[0] / n for n in MANIFEST_NAMES if (paths[0] / n).is_file()), None)
        if inner is not None:
            manifests = [inner]
    if manifests:
        if len(paths) > 1:
            raise TreeError("使用清单文件(offices.yaml)时只能指定这一个路径", "tree.mixed")
        return _from_manifest(manifests[0], rules, office, level)
    return _from_folders(paths, rules, office, level)


def _from_folders(paths: list[Path], rules: Rules, office: str | None, level: str | None) -> OfficeTree:
    tiers = rules.tiers
    if len(paths) == 1:
        root = paths[0]
        folders, own = _root_contents(root)
        name = _top_name(office, rules, root.resolve().name)
        if not folders:  # the offices' files side by side, each named for its office (东山县政协2025年台账.xlsx)
            folders, own = _files_by_office(own, name)
    else:
        folders = [p for p in paths if p.is_dir()]
        own = [p for p in paths if p.is_file()]
        name = _top_name(office, rules, None)
    if not folders:
        raise TreeError(f"{paths[0]} 下没有下级政协的文件夹(每个下级政协一个文件夹),也没有以下级政协命名的台账文件"
                        "(如“东山县政协2025年台账.xlsx”)", "tree.no_offices")
    names = [p.name if isinstance(p, _NamedFiles) else office_of_folder(p.name) for p in folders]
    named = [level_in_name(n, tiers) for n in names]
    top, notes = _top_level(name, level, rules, named)
    name = name or "本级政协"
    offices = [_office(n, lv, None, None, p.files if isinstance(p, _NamedFiles) else (p,), rules, top)
               for p, n, lv in zip(folders, names, named)]
    if own:
        offices.insert(0, Office(name, top, "本级", tuple(own), office_code(name), own=True))
    return OfficeTree(name, top, offices, source=", ".join(map(str, paths)), notes=notes)


def _root_contents(root: Path) -> tuple[list[Path], list[Path]]:
    """A roll-up folder's office folders, and the roll-up office's own: the workbooks directly in it
    and its 本级 / 市本级 folder."""
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    own = [p for p in sorted(root.iterdir()) if p.is_file() and not p.name.startswith(("~$", "."))
           and p.suffix.lower() in EXCEL_SUFFIXES]
    own += [p for p in folders if p.name.endswith(OWN_FOLDER)]
    return [p for p in folders if not p.name.endswith(OWN_FOLDER)], own


# Words of a folder that holds the offices' ledgers, not of an office (各县市区政协台账, 下级政协台账).
_NOT_OFFICE_WORDS = ("台账", "各", "下级")


def _top_name(office: str | None, rules: Rules, root: str | None) -> str | None:
    """The roll-up office's name: as given, else the rules' office, else the folder's name when it
    reads as an office's (示例市政协, 政协示例市委员会), never a folder of ledgers (下级政协台账)."""
    if office:
        return office
    if rules.office_named:
        return str(rules.data["office"]["name"])
    if root and root.endswith(("政协", "委员会")) and not any(w in root for w in _NOT_OFFICE_WORDS):
        return root
    return None


def _top_level(name: str | None, level: str | None, rules: Rules, named: list[str | None]) -> tuple[str, list[str]]:
    """The roll-up office's level and, when only the folders' names said it, a note saying so: as given,
    else as its name says, else the rules' own_tier (their office's), else one tier above the lowest
    level the folders' names say (the 县级市 among 县 are county-tier), else above the rules' own.
    (``--office`` naming another office than the rules' goes by its name's level.)"""
    tiers = rules.tiers
    if level:
        return level, []
    ours = rules.office_named and name == rules.data["office"].get("name")
    if not ours and name and (said := level_in_name(name, tiers)):
        return said, []
    if rules.office_named:
        return rules.own_tier, []
    below = min((lv for lv in named if lv), key=tiers.index, default=None)
    top = _above(below or rules.own_tier, tiers)
    how = "按下级政协文件夹的名称" if below else "按规则文件的层级"
    return top, [f"规则文件未写明本单位(office.name 仍是示例值),{how}推断本单位为{top};如有误,请在规则文件中写明本单位名称和层级(own_tier),或用 --office、--level 指定"]


@dataclass(frozen=True)
class _NamedFiles:
    """The files of one office found in a folder by their names (in place of its own folder)."""

    name: str
    files: tuple[Path, ...]


# 东山县政协2025年台账, 2025年西湖区政协…, 政协南岭县委员会…: the office a file's name is of.
_OFFICE_IN_NAME = (re.compile(r"政协([\u4e00-\u9fff]{1,12}?[县区市州旗盟])委员会"),
                   re.compile(r"([\u4e00-\u9fff]{1,12}?[县区市州旗盟])政协"))


def office_in_file_name(stem: str) -> str | None:
    """The office a ledger file's name says it is of (``东山县政协2025年台账`` → ``东山县政协``), if any."""
    stem = re.sub(r"^[\d\s_\-.]*(?:年度?)?", "", stem)  # 2025年东山县政协…: the year first
    for pattern in _OFFICE_IN_NAME:
        if m := pattern.search(stem):
            return f"{m[1]}政协"
    return None


def _files_by_office(files: list[Path], own_name: str | None) -> tuple[list[_NamedFiles], list[Path]]:
    """Files in one folder grouped by the office each one's name says; those naming none (or the
    roll-up office itself) are the roll-up office's own."""
    groups: dict[str, list[Path]] = {}
    own = []
    for f in files:
        office = office_in_file_name(f.stem) if f.is_file() else None
        if office is None or office == own_name:
            own.append(f)
        else:
            groups.setdefault(office, []).append(f)
    return [_NamedFiles(n, tuple(fs)) for n, fs in sorted(groups.items())], own


def _office(name: str, named: str | None, level: str | None, peer_group: str | None, paths: tuple[Path, ...],
            rules: Rules, top: str, code: str | None = None) -> Office:
    """An office below ``top``: its level as given, else as its name says if that is below ``top``,
    else one tier below; its peer group as given, else by level from the rules."""
    tiers = rules.tiers
    if level is None:
        level = named if named in tiers and tiers.index(named) < tiers.index(top) else _below(top, tiers)
    groups = rules.data.get("rollup", {}).get("peer_group_by_level", {})
    group = unit_type_key(peer_group) if peer_group else groups.get(level, f"{level}政协")  # as the rules' keys
    return Office(name, level, group, paths, code or office_code(name))


_TEXT = {"type": "string", "minLength": 1, "maxLength": 100}
_PATH = {"type": "string", "minLength": 1, "maxLength": 1024, "pattern": "^[^\\x00]*$"}
_PATHS = {"anyOf": [_PATH, {"type": "array", "items": _PATH, "maxItems": 1000}],
          "x-message": "应为路径(一个或一组,相对清单所在文件夹),实为 {value}"}


def manifest_schema(tiers: list[str]) -> dict:
    """The JSON Schema of ``offices.yaml``, with the tiers of the rules in force."""
    level = {"enum": list(tiers), "x-message": f"应为 {'/'.join(tiers)} 之一,实为 {{value}}"}
    office = {"type": "object", "additionalProperties": False, "required": ["name"],
              "properties": {"name": _TEXT, "level": level, "peer_group": _TEXT, "code": _TEXT, "ledgers": _PATHS}}
    return {"type": "object", "additionalProperties": False, "required": ["offices"],
            "properties": {"office": _TEXT, "level": level, "own_ledgers": _PATHS, "description": {"type": "string"},
                           "offices": {"type": "array", "items": office, "minItems": 1, "maxItems": 10000,
                                       "x-message": "应为下级政协的列表(每项含 name 和 ledgers),实为 {value}"}}}


def _manifest_data(path: Path, rules: Rules) -> dict:
    """The manifest read safely and checked by its schema; every problem names the key and the line."""
    try:
        text = configfile.read_text(path, "清单文件")
    except ConfigError as exc:
        raise TreeError(f"{path.name}:{exc.problems[0]}", "tree.schema") from None
    data, lines, problems = configfile.parse_yaml(text)
    if not problems and not isinstance(data, dict):
        problems = [configfile.ConfigProblem("", f"清单应为键值对(office、level、offices……),实为 {configfile.shown(data)}")]
    if not problems:
        seen: dict[str, int] = {}
        twice = []
        for k, entry in enumerate(data.get("offices") or []):
            name = entry.get("name") if isinstance(entry, dict) else None
            if isinstance(name, str) and name in seen:
                twice.append((("offices", str(k), "name"), f"“{name}”重复(第{seen[name] + 1}项已有)"))
            elif isinstance(name, str):
                seen[name] = k
        problems = configfile.schema_problems(data, manifest_schema(rules.tiers), lines, extra=twice)
    if problems:
        raise TreeError(f"{path.name}有误:" + ";".join(map(str, problems[:5]))
                        + (f";另有 {len(problems) - 5} 处" if len(problems) > 5 else ""), "tree.schema")
    return data


def _from_manifest(path: Path, rules: Rules, office: str | None, level: str | None) -> OfficeTree:
    data = _manifest_data(path, rules)
    tiers = rules.tiers
    name = office or str(data.get("office") or rules.data.get("office", {}).get("name") or "本级政协")
    top = level or data.get("level") or level_in_name(name, tiers)
    if top not in tiers:
        raise TreeError(f"{path.name}:level 应为 {'/'.join(tiers)} 之一,实为“{top}”")
    base = path.parent
    offices: list[Office] = []
    seen: set[str] = set()
    for k, entry in enumerate(data["offices"], 1):
        where = f"{path.name}:offices 第{k}项"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise TreeError(f"{where} 缺少 name")
        entry_name = str(entry["name"])
        if entry_name in seen:
            raise TreeError(f"{where}:“{entry_name}”重复")
        seen.add(entry_name)
        ledgers = entry.get("ledgers") or [entry_name]
        if isinstance(ledgers, str):
            ledgers = [ledgers]
        entry_level = entry.get("level")
        if entry_level is not None and entry_level not in tiers:
            raise TreeError(f"{where}:level 应为 {'/'.join(tiers)} 之一,实为“{entry_level}”")
        offices.append(_office(entry_name, level_in_name(entry_name, tiers), entry_level, entry.get("peer_group"),
                               tuple(base / str(p) for p in ledgers), rules, top, entry.get("code")))
    own = data.get("own_ledgers") or []
    if isinstance(own, str):
        own = [own]
    if own:
        offices.insert(0, Office(name, top, "本级", tuple(base / str(p) for p in own), office_code(name), own=True))
    return OfficeTree(name, top, offices, source=str(path))


def read_offices(tree: OfficeTree, rules: Rules, year: int | None = None, workers: int | None = None) -> Ledger:
    """Read every office's ledgers into one Ledger whose rows carry their ``office``.

    Each office's files are read with its own tier (a county's 本级编发 is 县级, the city's 市级),
    in parallel across all files; an office whose ledgers cannot be read stays in the tree and
    its files' reasons are in ``Ledger.files``.
    """
    files: list[Path] = []
    file_rules: dict[Path, Rules] = {}
    office_of: dict[str, str] = {}
    unsupported: list[Path] = []
    unclear: dict[str, Path] = {}
    for office in tree.offices:
        mine = [f for f in discover((p for p in office.paths if p.exists()), unsupported) if str(f) not in office_of]
        # Each office places bodies from where it stands: its own name is its own tier (a county-level
        # city's 市政协 is itself); a bare 利川 as its own files' names or units name it (利川市).
        name = office.name
        if not office.own and mine and rules.place_unclear(office.level, name):
            name = _place_told(office, mine, rules, year)
            if name is None:
                name, unclear[office.name] = office.name, mine[0]
        office_rules = rules.for_office(office.level, name)
        for f in mine:  # a file named under two offices counts for the first
            files.append(f)
            file_rules[f] = office_rules
            office_of[str(f)] = office.name
    ledger = read_files(files, rules.for_level(tree.level), year=year, workers=workers,
                        file_rules=file_rules, office_of=office_of)
    ledger.files["office"] = ledger.files["file"].map(office_of).fillna("")
    add_unsupported(ledger, list(dict.fromkeys(unsupported)))
    _add_place_unclear(ledger, unclear)
    _add_misfiled(ledger, tree, rules.tiers)
    return ledger


def _add_misfiled(ledger: Ledger, tree: OfficeTree, tiers: list[str]) -> None:
    """A file whose name or title names another office than the one it was filed under (青石县's ledger in
    白沙县政协/, a county's file left in the archive's root among the city's own): counted where it was
    filed, said once per file (``office.misfiled``); it was counted there without a word."""
    from .attribute import _office_named

    sheets = ledger.sheets
    files = ledger.files
    filed = dict(zip(files["file"], files["office"]))
    captions: dict[str, str] = {}
    for file, caption in zip(sheets["file"], sheets["caption"]):
        if file not in captions and (named := _office_named(caption or "")):
            captions[file] = named
    rows = []
    for file, office in filed.items():
        named = office_in_file_name(Path(file).stem) or captions.get(file)
        if not office or not named:
            continue
        if office == tree.office:  # the top office's own: misfiled only when it names an office below it
            below = level_in_name(named, tiers)
            if below not in tiers or tree.level not in tiers or tiers.index(below) >= tiers.index(tree.level):
                continue
        elif _same_office(named, office, tree.office):
            continue
        rows.append(dict(code="office.misfiled", src=None, file=str(file), sheet="", row=None, column="",
                         value=named, detail=office))
    if rows:
        ledger.findings = typed("findings", pd.concat([ledger.findings, pd.DataFrame(rows)], ignore_index=True))


def _same_office(named: str, office: str, above: str = "") -> bool:
    """Whether an office a file names (青石县政协) is the one it is filed under (青石县, 青石县政协办公室; 高新区政协
    in 江州高新区政协工委/ under 江州市政协: the city's name left out), or its place is not told apart (a bare 政协)."""
    a, b = place_of(office_of_folder(named)), place_of(office_of_folder(office))
    if a and b and (a == b or a.startswith(b) or b.startswith(a)):
        return True
    return not a or not b or place_below(named, above) == place_below(office, above)


# A place and the level word after it, as an office's ledger names it (利川市委, 利川县政协).
_PLACE_SUFFIX = "(自治县|县|区|旗|市)"


def _place_told(office: Office, files: list[Path], rules: Rules, year: int | None) -> str | None:
    """The name a bare-named office (利川) goes by, as its files' names (利川市政协2025年台账.xlsx), or
    else the units, authors and 填报单位 its ledgers name (农工党利川市委), say with one level word:
    ``利川市政协``; None when they say none or several."""
    place = place_of(office.name)
    said = {n for f in files if (n := office_in_file_name(f.stem)) and re.fullmatch(f"{re.escape(place)}{_PLACE_SUFFIX}政协", n)}
    if not said:
        ledger = read_files(files, rules.for_office(office.level, office.name), year=year, workers=1)
        subs = ledger.submissions
        text = " ".join(map(str, [*subs["unit"], *subs["author_text"], *subs["filed_by"], *ledger.sheets["filed_by"]]))
        said = {f"{place}{m}政协" for m in re.findall(f"{re.escape(place)}{_PLACE_SUFFIX}", text)}
    return said.pop() if len(said) == 1 else None


def _add_place_unclear(ledger: Ledger, unclear: dict[str, Path]) -> None:
    """One finding per office whose name does not say whether it is a county-level city and whose
    ledgers name a body by a bare 市 (市政协编发), left unplaced."""
    rows = []
    for name, first in unclear.items():
        a = ledger.adoptions
        unplaced = a[(a["office"] == name) & a["tier"].isna() & a["body"].astype(str).str.lstrip().str.startswith("市")]
        if len(unplaced):
            rows.append(dict(code="office.place_unclear", src=None, file=str(first), sheet="", row=None, column="",
                             value=name, detail=f"{len(unplaced)}"))
    if rows:
        ledger.findings = typed("findings", pd.concat([ledger.findings, pd.DataFrame(rows)], ignore_index=True))
