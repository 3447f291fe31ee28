"""Checking a rules file: every problem named by its dotted key and line, in Chinese.

The rules file is checked against a JSON Schema (``rules_schema``), read through ``configfile``
like every file staff hand in (size, anchors, nesting and numbers guarded; ``yaml.safe_load``
only, nothing evaluated) and translated into Chinese by its one translator. The schema is built
from the file itself where the file defines the names other keys must use (its ``tiers``,
``leader_levels``, ``roles``, ``peer_groups``): a reward for an unknown tier, or a missing one, is
reported by key. Unknown keys are reported with the nearest known one ("是否应为 “rewards”?").
Values with a format of their own (money, word lists, version numbers) are checked by the small
functions in ``CHECKS``, named in the schema by ``x-check``.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .. import configfile
from ..configfile import ConfigError, ConfigFileError, ConfigProblem, shown as _shown

PERIODS = ("month", "quarter", "year")
MODES = ("highest", "sum")
CIRCULAR_PERIODS = ("month", "quarter", "half")
TOP_ITEMS_ORDER = ("highest_tier", "instructions", "adoptions", "earliest_submission")
SPLITS = ("equal_first_author_remainder",)

# What the names in each list are called in a message ("未知层级 “区级”").
NAMED = {"tiers": "层级", "leader_levels": "领导级别", "roles": "身份", "peer_groups": "单位类型"}

RuleProblem = ConfigProblem


class RulesError(ConfigError):
    """A rules file that cannot be used; ``problems`` says exactly why."""

    def __init__(self, problems: list[RuleProblem], source: str = ""):
        super().__init__(problems, source, "规则文件")


class RulesFileError(RulesError):
    """The rules file could not be read at all (missing, a folder, no permission)."""


# ---- value formats: each takes a value and returns a Chinese message or None ----

def _decimal(value) -> Decimal | None:
    """A rules value as a finite Decimal (floats read through ``str``: 0.1 → "0.1"), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def amount(value) -> str | None:
    """Money in yuan: a string or number with at most two decimals, never negative."""
    d = _decimal(value)
    if d is None or d.normalize().as_tuple().exponent < -2:
        return f"应为金额(最多两位小数),实为 {_shown(value)}"
    if d < 0:
        return f"金额不能为负数,实为 {_shown(value)}"
    return None


def positive_number(value) -> str | None:
    d = _decimal(value)
    if d is None or d <= 0:
        return f"应为大于 0 的数,实为 {_shown(value)}"
    return None


def text(value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"应为文字,实为 {_shown(value)}"
    return None


def version(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
        return f"应为版本号,如 “2026.1”,实为 {_shown(value)}"
    return None


def words(value, non_empty: bool = True, distinct: bool = False, choices: tuple = ()) -> str | None:
    """A list of non-empty strings (optionally distinct, optionally from a fixed set)."""
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
    return None


CHECKS = {"amount": amount, "positive_number": positive_number, "text": text, "version": version, "words": words}


# ---- the schema ----

def _names(data: dict, ref: str) -> list | None:
    """The names a key or value must come from (tiers, roles…); None when they cannot be known."""
    value = data.get(ref)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        return list(value)
    return None


def _check(name: str, **args) -> dict:
    return {"x-check": name, "x-args": args} if args else {"x-check": name}


def _integer(low: int = 0, high: int | None = None, empty: bool = False) -> dict:
    want = f" {low} 到 {high} 之间的整数" if high is not None else f"不小于 {low} 的整数"
    schema = {"type": ["integer", "null"] if empty else "integer", "minimum": low, "x-message": f"应为{want},实为 {{value}}"}
    if high is not None:
        schema["maximum"] = high
    return schema


def _obj(properties: dict | None = None, required=(), extra=False, **more) -> dict:
    """A mapping with the given keys (others unknown unless ``extra``)."""
    schema = {"type": "object", "properties": properties or {}, "additionalProperties": extra, **more}
    if required:
        schema["required"] = list(required)
    return schema


def rules_schema(data: dict) -> dict:
    """The JSON Schema of a rules file, with the names this file itself defines."""
    names = {ref: _names(data, ref) for ref in NAMED}

    def one_of_names(ref: str) -> dict:
        if names[ref] is None:
            return {}
        return {"enum": names[ref], "x-message": f"未知{NAMED[ref]} {{value}},应为 {'/'.join(map(str, names[ref]))} 之一"}

    def keyed(ref: str, value: dict, every: bool = False) -> dict:
        """A mapping whose keys are names from ``ref`` (all of them when ``every``)."""
        schema = _obj(extra=value)
        if names[ref] is not None:
            schema["propertyNames"] = {**one_of_names(ref), "x-key": True}
            if every and names[ref]:
                schema["required"] = names[ref]
                schema["x-required-note"] = {n: "(为 0 也请写明)" for n in names[ref]}
        return schema

    quota = _obj({"per": {"enum": list(PERIODS)}, "items": _integer()}, ["per", "items"])
    unit_quota = _obj({"per": {"enum": list(PERIODS)}, "items": _integer(), "adopted": _integer(),
                       "adopted_min_tier": one_of_names("tiers"), "start_month": _integer(1, 12)}, ["per", "items"],
                      **{"if": {"properties": {"adopted": {"type": "integer", "exclusiveMinimum": 0}}, "required": ["adopted"]},
                         "then": {"required": ["adopted_min_tier"],
                                  "x-required-note": {"adopted_min_tier": "(写了 adopted 时必填)"}}})
    word_list = _check("words")
    maybe_words = _check("words", non_empty=False)
    return _obj({
        "version": _check("version"),
        "year": _integer(2000, 2100),
        "office": _obj({"name": _check("text"), "own_tier": one_of_names("tiers")}, ["own_tier"]),
        "tiers": _check("words", distinct=True),
        "tier_words": keyed("tiers", word_list),
        "own_tier_words": maybe_words,
        "leader_levels": _check("words", distinct=True),
        "leader_words": keyed("leader_levels", word_list),
        "categories": _obj(extra=maybe_words),
        "unit_name_words": maybe_words,
        "roles": _obj(extra=maybe_words),
        "quotas": _obj({"people": keyed("roles", quota), "units": keyed("peer_groups", unit_quota),
                        "coauthored_counts_each": {"type": "boolean"}}),
        "rewards": _obj({"by_tier": keyed("tiers", _check("amount"), every=True),
                         "instruction_multiplier": _check("positive_number"), "tier_mode": {"enum": list(MODES)},
                         "split": {"enum": list(SPLITS)}}, ["by_tier", "instruction_multiplier", "tier_mode"]),
        "points": _obj({"per_submission": _integer(), "adoption_by_tier": keyed("tiers", _integer(), every=True),
                        "instruction_by_level": keyed("leader_levels", _integer(), every=True),
                        "instruction_mode": {"enum": list(MODES)}},
                       ["per_submission", "adoption_by_tier", "instruction_by_level", "instruction_mode"]),
        "peer_groups": _obj(extra=_obj({"top_n": _integer()}, ["top_n"])),
        "commendations": _obj({
            "outstanding_informant": _obj({"min_submitted": _integer(), "min_adopted": _integer(),
                                           "max_count": _integer(empty=True)},  # 0 or empty: no limit
                                          ["min_submitted", "min_adopted"]),
            "top_items": _integer(),
            "top_items_order": _check("words", distinct=True, choices=list(TOP_ITEMS_ORDER)),
            "good_item_words": maybe_words,
            "addressee": _check("text"),
        }, ["outstanding_informant", "top_items", "top_items_order"]),
        "periods": _obj({"circular": {"enum": list(CIRCULAR_PERIODS)}}),
        # The circular's closing text belongs to the circular; only its paragraphs are checked.
        "circular": _obj({"next_steps": maybe_words, "addressee": _check("text"), "overdue_days": _integer()}, extra=True),
        "rollup": _obj({"match_window_days": _integer(0, 366), "peer_group_by_level": keyed("tiers", _check("text")),
                        "addressee": _check("text"), "next_steps": maybe_words}),
    }, ["version", "year", "office", "tiers", "tier_words", "leader_levels", "leader_words", "quotas", "rewards",
        "points", "peer_groups", "commendations"])


def check_rules(data: Any, lines: dict[tuple[str, ...], int] | None = None) -> list[RuleProblem]:
    """Every problem in parsed rules ``data``, by dotted key; [] when the rules are usable.

    ``lines`` (key path → line in the file) only adds line numbers to the problems.
    """
    if data is None:
        return [RuleProblem("", "规则文件为空")]
    if not isinstance(data, dict):
        return [RuleProblem("", f"规则文件顶层应为映射(“键: 值”形式),实为 {_shown(data)}")]
    return configfile.schema_problems(data, rules_schema(data), lines, checks=CHECKS)


# ---- reading the file ----

def read_rules_text(path: str | Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else GB18030 as saved by Chinese Windows."""
    try:
        return configfile.read_text(path, "规则文件")
    except ConfigFileError as exc:
        raise RulesFileError(exc.problems, str(path)) from None


def check_text(text: str) -> tuple[Any, list[RuleProblem]]:
    """Parse rules text safely and check it: (data, problems)."""
    data, lines, problems = configfile.parse_yaml(text)
    if problems and data is None:
        return None, problems
    return data, configfile.in_file_order(problems + check_rules(data, lines))


def check_file(path: str | Path) -> tuple[Any, list[RuleProblem]]:
    """Read and check a rules file: (data, problems). Raises RulesFileError when it cannot be read."""
    return check_text(read_rules_text(path))
