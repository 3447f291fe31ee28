"""Checking a rules file: every problem named by its dotted key, in Chinese.

The schema is a table of ``Spec`` rows (key pattern → check), not an if-chain:
a key is known when some row's pattern matches it, so a typo such as
``reward:`` is reported as an unknown key instead of being silently ignored.
Files are parsed with ``yaml.safe_load`` only; nothing in them is evaluated.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

import yaml

# Composing (nodes only, for line numbers and duplicate keys) never constructs objects.
_NODE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PERIODS = ("month", "quarter", "year")
MODES = ("highest", "sum")
CIRCULAR_PERIODS = ("month", "quarter", "half")
TOP_ITEMS_ORDER = ("highest_tier", "instructions", "adoptions", "earliest_submission")
SPLITS = ("equal_first_author_remainder",)

# What the names in each list are called in a message ("未知层级 “区级”").
NAMED = {"tiers": "层级", "leader_levels": "领导级别", "roles": "身份", "peer_groups": "单位类型"}


@dataclass(frozen=True)
class RuleProblem:
    """One problem: the dotted key it concerns ("" for the file as a whole) and what is wrong."""

    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"(第{self.line}行)" if self.line and self.key else ""
        return f"{self.key}:{self.message}{where}" if self.key else self.message


class RulesError(ValueError):
    """A rules file that cannot be used; ``problems`` says exactly why."""

    def __init__(self, problems: list[RuleProblem], source: str = ""):
        self.problems = list(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"规则文件有误({self.source}):" if self.source else "规则文件有误:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class RulesFileError(RulesError):
    """The rules file could not be read at all (missing, a folder, no permission)."""


# ---- checks: each takes (value, whole data) and returns a Chinese message or None ----

Check = Callable[[Any, dict], "str | None"]


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    return str(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _names(data: dict, ref: str) -> list | None:
    """The names a key or value must come from (tiers, roles…); None when they cannot be known."""
    value = data.get(ref)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        return list(value)
    return None


def _unknown(ref: str, name: Any, names: list) -> str:
    return f"未知{NAMED[ref]} {_shown(name)},应为 {'/'.join(map(str, names))} 之一"


def mapping(value, data):
    if not isinstance(value, dict):
        return f"应为映射(“键: 值”形式),实为 {_shown(value)}"


def text(value, data):
    if not isinstance(value, str) or not value.strip():
        return f"应为文字,实为 {_shown(value)}"


def version(value, data):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        return f"应为版本号,如 “2026.1”,实为 {_shown(value)}"


def boolean(value, data):
    if not isinstance(value, bool):
        return f"应为 true 或 false,实为 {_shown(value)}"


def integer(low: int = 0, high: int | None = None) -> Check:
    want = f" {low} 到 {high} 之间的整数" if high is not None else f"不小于 {low} 的整数"

    def check(value, data):
        if not _is_int(value) or value < low or (high is not None and value > high):
            return f"应为{want},实为 {_shown(value)}"
    return check


def _decimal(value) -> Decimal | None:
    """A rules value as a finite Decimal (floats read through ``str``: 0.1 → "0.1"), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def amount(value, data):
    """Money in yuan: a string or number with at most two decimals, never negative."""
    d = _decimal(value)
    if d is None or d.normalize().as_tuple().exponent < -2:
        return f"应为金额(最多两位小数),实为 {_shown(value)}"
    if d < 0:
        return f"金额不能为负数,实为 {_shown(value)}"


def positive_number(value, data):
    d = _decimal(value)
    if d is None or d <= 0:
        return f"应为大于 0 的数,实为 {_shown(value)}"


def one_of(*choices: str) -> Check:
    def check(value, data):
        if value not in choices:
            return f"应为 {'/'.join(choices)} 之一,实为 {_shown(value)}"
    return check


def value_in(ref: str) -> Check:
    """The value names one of the tiers (or leader levels…) the file itself defines."""
    def check(value, data):
        names = _names(data, ref)
        if names is not None and value not in names:
            return _unknown(ref, value, names)
    return check


def words(non_empty: bool = True, distinct: bool = False, choices: tuple[str, ...] = ()) -> Check:
    """A list of non-empty strings (optionally distinct, optionally from a fixed set)."""
    def check(value, data):
        if value is None and not non_empty:
            return None  # "经济:" with no aliases
        if not isinstance(value, list) or (non_empty and not value):
            return f"应为{'非空的' if non_empty else ''}文字列表,如 [甲, 乙],实为 {_shown(value)}"
        seen: set[str] = set()
        for n, item in enumerate(value, 1):
            if not isinstance(item, str) or not item.strip():
                return f"第{n}项应为文字,实为 {_shown(item)}"
            if choices and item not in choices:
                return f"第{n}项应为 {'/'.join(choices)} 之一,实为 {_shown(item)}"
            if distinct and item in seen:
                return f"第{n}项 {_shown(item)} 重复"
            seen.add(item)
    return check


def or_empty(check: Check) -> Check:
    """The check, or nothing written at all ("max_count:" meaning no limit)."""
    def either(value, data):
        return None if value is None else check(value, data)
    return either


def anything(value, data):
    return None


@dataclass(frozen=True)
class Spec:
    """One row of the schema.

    ``pattern``: dotted key, ``*`` for any key of a mapping. ``need``: required in its
    parent mapping (True), or required when the parent sets the named key (a str).
    ``keys``: the key itself must name one of ``data[keys]``; ``every``: and all of them
    must be present (so no tier silently pays nothing).
    """

    pattern: str
    check: Check = anything
    need: bool | str = False
    keys: str | None = None
    every: bool = False

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.pattern.split("."))


REQ = True
SPECS: tuple[Spec, ...] = (
    Spec("version", version, REQ),
    Spec("year", integer(2000, 2100), REQ),
    Spec("office", mapping, REQ),
    Spec("office.name", text),
    Spec("office.full_name", text),
    Spec("office.own_tier", value_in("tiers"), REQ),
    Spec("tiers", words(distinct=True), REQ),
    Spec("tier_words", mapping, REQ),
    Spec("tier_words.*", words(), keys="tiers"),
    Spec("own_tier_words", words(non_empty=False)),
    Spec("leader_levels", words(distinct=True), REQ),
    Spec("leader_words", mapping, REQ),
    Spec("leader_words.*", words(), keys="leader_levels"),
    Spec("categories", mapping),
    Spec("categories.*", words(non_empty=False)),
    Spec("unit_name_words", words(non_empty=False)),
    Spec("roles", mapping),
    Spec("roles.*", words(non_empty=False)),
    Spec("quotas", mapping, REQ),
    Spec("quotas.people", mapping),
    Spec("quotas.people.*", mapping, keys="roles"),
    Spec("quotas.people.*.per", one_of(*PERIODS), REQ),
    Spec("quotas.people.*.items", integer(), REQ),
    Spec("quotas.units", mapping),
    Spec("quotas.units.*", mapping, keys="peer_groups"),
    Spec("quotas.units.*.per", one_of(*PERIODS), REQ),
    Spec("quotas.units.*.items", integer(), REQ),
    Spec("quotas.units.*.adopted", integer()),
    Spec("quotas.units.*.adopted_min_tier", value_in("tiers"), need="adopted"),
    Spec("quotas.units.*.start_month", integer(1, 12)),
    Spec("quotas.coauthored_counts_each", boolean),
    Spec("rewards", mapping, REQ),
    Spec("rewards.by_tier", mapping, REQ),
    Spec("rewards.by_tier.*", amount, keys="tiers", every=True),
    Spec("rewards.instruction_multiplier", positive_number, REQ),
    Spec("rewards.tier_mode", one_of(*MODES), REQ),
    Spec("rewards.split", one_of(*SPLITS)),
    Spec("points", mapping, REQ),
    Spec("points.per_submission", integer(), REQ),
    Spec("points.adoption_by_tier", mapping, REQ),
    Spec("points.adoption_by_tier.*", integer(), keys="tiers", every=True),
    Spec("points.instruction_by_level", mapping, REQ),
    Spec("points.instruction_by_level.*", integer(), keys="leader_levels", every=True),
    Spec("points.instruction_mode", one_of(*MODES), REQ),
    Spec("peer_groups", mapping, REQ),
    Spec("peer_groups.*", mapping),
    Spec("peer_groups.*.top_n", integer(), REQ),
    Spec("commendations", mapping, REQ),
    Spec("commendations.outstanding_informant", mapping, REQ),
    Spec("commendations.outstanding_informant.min_submitted", integer(), REQ),
    Spec("commendations.outstanding_informant.min_adopted", integer(), REQ),
    Spec("commendations.outstanding_informant.max_count", or_empty(integer())),  # 0 or empty: no limit
    Spec("commendations.top_items", integer(), REQ),
    Spec("commendations.top_items_order", words(distinct=True, choices=TOP_ITEMS_ORDER), REQ),
    Spec("commendations.good_item_words", words(non_empty=False)),
    Spec("commendations.addressee", text),
    Spec("commendations.basis", text),
    Spec("commendations.decided_by", text),
    Spec("periods", mapping),
    Spec("periods.circular", one_of(*CIRCULAR_PERIODS)),
    # The circular's closing text belongs to the circular; only its paragraphs are checked.
    Spec("circular", mapping),
    Spec("circular.*"),
    Spec("circular.next_steps", words(non_empty=False)),
    Spec("circular.addressee", text),
    Spec("circular.overdue_days", integer()),
    Spec("rollup", mapping),
    Spec("rollup.match_window_days", integer(0, 366)),
    Spec("rollup.peer_group_by_level", mapping),
    Spec("rollup.peer_group_by_level.*", text, keys="tiers"),
    Spec("rollup.addressee", text),
    Spec("rollup.next_steps", words(non_empty=False)),
    Spec("documents", mapping),
    Spec("documents.red_header", boolean),
    Spec("documents.max_table_rows", integer(1, 10000)),
    Spec("documents.cc", words(non_empty=False)),
    Spec("documents.printed_by", text),
    *(Spec(f"documents.{kind}{key}", check) for kind in ("circular", "commendation")
      for key, check in (("", mapping), (".issuer", text), (".mark", text), (".number", text))),
)


def _matches(parts: tuple[str, ...], path: tuple[str, ...]) -> bool:
    return len(parts) == len(path) and all(p in ("*", k) for p, k in zip(parts, path))


def _goes_below(path: tuple[str, ...]) -> bool:
    """Whether the schema describes keys under ``path`` (else its value is a leaf)."""
    n = len(path)
    return any(len(s.parts) > n and _matches(s.parts[:n], path) for s in SPECS)


def _unknown_key(key: str, path: tuple[str, ...]) -> str:
    n = len(path) - 1
    known = {s.parts[n] for s in SPECS if len(s.parts) > n and _matches(s.parts[:n], path[:n])} - {"*"}
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f"未知配置项(是否应为 “{close[0]}”?)" if close else "未知配置项"


def _walk(node: dict, path: tuple[str, ...], data: dict, out: list[tuple[tuple[str, ...], str]]) -> None:
    for key, value in node.items():
        here = (*path, str(key))
        specs = [s for s in SPECS if _matches(s.parts, here)]
        if not specs:
            out.append((here, _unknown_key(str(key), here)))
            continue
        for spec in specs:
            names = _names(data, spec.keys) if spec.keys else None
            if names is not None and key not in names:
                message = _unknown(spec.keys, key, names)  # the key is wrong: its value means nothing
            else:
                message = spec.check(value, data)
            if message:
                out.append((here, message))
        if isinstance(value, dict) and _goes_below(here):
            _walk(value, here, data, out)


def _parents(node: Any, parts: tuple[str, ...], path: tuple[str, ...] = ()):
    """The mappings present at a (possibly wildcard) key pattern, with their concrete paths."""
    if not isinstance(node, dict):
        return
    if not parts:
        yield path, node
        return
    head, rest = parts[0], parts[1:]
    for key, value in node.items():
        if head in ("*", str(key)):
            yield from _parents(value, rest, (*path, str(key)))


def _missing(data: dict, out: list[tuple[tuple[str, ...], str]]) -> None:
    for spec in SPECS:
        *up, last = spec.parts
        for path, parent in _parents(data, tuple(up)):
            if last == "*":
                names = _names(data, spec.keys) if spec.every else None
                wanted = [n for n in names or [] if n not in parent]
                out.extend(((*path, n), "缺少必填项(为 0 也请写明)") for n in wanted)
            elif last not in parent:
                if spec.need is True:
                    out.append(((*path, last), "缺少必填项"))
                elif isinstance(spec.need, str) and parent.get(spec.need):
                    out.append(((*path, last), f"缺少必填项(写了 {spec.need} 时必填)"))


def check_rules(data: Any, lines: dict[tuple[str, ...], int] | None = None) -> list[RuleProblem]:
    """Every problem in parsed rules ``data``, by dotted key; [] when the rules are usable.

    ``lines`` (key path → line in the file) only adds line numbers to the problems.
    """
    if data is None:
        return [RuleProblem("", "规则文件为空")]
    if not isinstance(data, dict):
        return [RuleProblem("", f"规则文件顶层应为映射(“键: 值”形式),实为 {_shown(data)}")]
    found: list[tuple[tuple[str, ...], str]] = []
    _walk(data, (), data, found)
    _missing(data, found)
    lines = lines or {}

    def line_of(path: tuple[str, ...]) -> int | None:
        while path and path not in lines:
            path = path[:-1]  # a missing key: point at its parent
        return lines.get(path)

    return _in_file_order([RuleProblem(".".join(path), message, line_of(path)) for path, message in found])


def _in_file_order(problems: list[RuleProblem]) -> list[RuleProblem]:
    """By line, so the list reads down the file; problems with no line (missing keys) last."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


# ---- reading the file ----

def read_rules_text(path: str | Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else GB18030 as saved by Chinese Windows."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RulesFileError([RuleProblem("", f"找不到规则文件:{path}")], str(path)) from None
    except IsADirectoryError:
        raise RulesFileError([RuleProblem("", f"规则文件路径是文件夹,不是文件:{path}")], str(path)) from None
    except OSError as exc:
        raise RulesFileError([RuleProblem("", f"无法读取规则文件:{path}({exc.strerror or exc})")], str(path)) from None
    if b"\x00" in raw:  # a workbook or other binary passed by mistake
        raise RulesFileError([RuleProblem("", f"规则文件不是文本文件:{path}")], str(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RulesFileError([RuleProblem("", f"规则文件不是文本文件(无法按 UTF-8 或 GBK 解码):{path}")], str(path))


_FULL_WIDTH_KEY = re.compile(r"^\s*[^\s#:：-][^\s#:：]{0,20}：")  # "  县级：30", not prose in a list


def _yaml_problem(exc: yaml.YAMLError, text: str) -> RuleProblem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    where = f"第{line}行第{mark.column + 1}列:" if mark is not None else ""
    problem = str(getattr(exc, "problem", "") or exc)
    if "could not determine a constructor for the tag" in problem:
        tag = problem.split("tag '", 1)[-1].rstrip("'").replace("tag:yaml.org,2002:", "!!")
        message = f"不允许的标签 “{tag}”:规则文件只能写文字、数字、列表和映射"
    elif "'\\t'" in problem:
        message = "含有制表符(Tab),请改用空格缩进"
    else:
        message = f"不是有效的 YAML 格式({problem})"
        # A full-width colon after a key ("县级：30") is the usual cause, often a line or two up.
        before = text.splitlines()[: line or 0]
        suspects = [n for n, row in enumerate(before, 1) if _FULL_WIDTH_KEY.match(row)]
        if suspects:
            message += f";第{suspects[-1]}行用了中文冒号“：”,应为英文冒号加空格“: ”"
    return RuleProblem("", where + message, line)


def _key_lines(text: str) -> tuple[dict[tuple[str, ...], int], list[RuleProblem]]:
    """Line of every mapping key, and the keys written twice (YAML would keep the last silently)."""
    lines: dict[tuple[str, ...], int] = {}
    twice: list[RuleProblem] = []
    seen: set[int] = set()

    def visit(node, path: tuple[str, ...]) -> None:
        if not isinstance(node, yaml.MappingNode) or id(node) in seen:
            return
        seen.add(id(node))
        for key_node, value_node in node.value:
            here = (*path, str(key_node.value))
            line = key_node.start_mark.line + 1
            if here in lines:
                twice.append(RuleProblem(".".join(here), f"重复的配置项:第{lines[here]}行已写过,此处的值会覆盖前者", line))
            else:
                lines[here] = line
            visit(value_node, here)

    visit(yaml.compose(text, Loader=_NODE_LOADER), ())
    return lines, twice


def check_text(text: str) -> tuple[Any, list[RuleProblem]]:
    """Parse rules text safely and check it: (data, problems)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc, text)]
    lines, twice = _key_lines(text)
    return data, _in_file_order(twice + check_rules(data, lines))


def check_file(path: str | Path) -> tuple[Any, list[RuleProblem]]:
    """Read and check a rules file: (data, problems). Raises RulesFileError when it cannot be read."""
    return check_text(read_rules_text(path))
