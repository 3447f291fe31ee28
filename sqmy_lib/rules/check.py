"""Checking a rules file: every problem named by its dotted key and line, in Chinese.

The schema is a table of ``Spec`` rows (key pattern → check), not an if-chain. ``rules_schema``
turns the table into a JSON Schema (with the names this file itself defines: its tiers, leader
levels, roles, peer groups), ``jsonschema`` checks the file against it, and ``configfile``'s one
translator says each problem in Chinese. A key is known when some row's pattern matches it, so a
typo such as ``reward:`` is reported as an unknown key instead of being silently ignored. Files are
read like every file staff hand in (``configfile``: size, anchors, nesting and numbers guarded,
``yaml.safe_load`` only); nothing in them is evaluated.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from .. import configfile
from ..configfile import ConfigError, ConfigFileError, ConfigProblem

PERIODS = ("month", "quarter", "year")
MODES = ("highest", "sum")
CIRCULAR_PERIODS = ("month", "quarter", "half")
# Which adoption answers a 上报 (the rules' forwarded_adopted): any above the office, or one at or above
# the highest body the item was sent to.
FORWARDED_ADOPTED = ("above_own", "at_highest_sent")
TOP_ITEMS_ORDER = ("highest_tier", "instructions", "adoptions", "earliest_submission")
RANK_KEYS = ("points", "adopted", "submitted", "instructed")  # points.rank_by: what units and people rank on
# The commendation's categories (grades and prizes are keyed by them) and the instruction statuses
# the follow-up vocabulary places a text in.
CATEGORIES = ("先进集体", "优秀信息员", "十佳信息", "好信息", "先进工作者")
STATUSES = ("已办结", "办理中", "未反馈")
SPLITS = ("equal_first_author_remainder",)

# What the names in each list are called in a message ("未知层级 “区级”").
NAMED = {"tiers": "层级", "leader_levels": "领导级别", "roles": "身份", "peer_groups": "单位类型", "channels": "渠道"}


RuleProblem = ConfigProblem  # one problem: the dotted key ("" for the file as a whole), the message, the line


class RulesError(ConfigError):
    """A rules file that cannot be used; ``problems`` says exactly why."""

    def __init__(self, problems: list[RuleProblem], source: str = ""):
        super().__init__(problems, source, "规则文件")


class RulesFileError(RulesError):
    """The rules file could not be read at all (missing, a folder, no permission)."""


# ---- checks: each takes (value, whole data) and returns a Chinese message or None ----

Check = Callable[[Any, dict], "str | None"]


_shown = configfile.shown  # how a value is quoted in a message: “文字”, 空值, 列表…


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _names(data: dict, ref: str) -> list | None:
    """The names a key or value must come from (tiers, roles…); None when they cannot be known."""
    value = (data.get("placement") or {}).get("channels") if ref == "channels" else data.get(ref)
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


def ratio(value, data):
    d = _decimal(value)
    if d is None or not (0 <= d <= 1):
        return f"应为 0 到 1 之间的数(如 0.75 表示 75%),实为 {_shown(value)}"


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
            if "，" in item:  # [作废，撤回] is one word to YAML: each of its words silently never matched
                return f"第{n}项 {_shown(item)} 中有中文逗号“，”,整项被读作一个词;列表各项之间请用英文逗号分隔,如 [甲, 乙]"
            if choices and item not in choices:
                return f"第{n}项应为 {'/'.join(choices)} 之一,实为 {_shown(item)}"
            if distinct and item in seen:
                return f"第{n}项 {_shown(item)} 重复"
            seen.add(item)
    return check


def rank_by(value, data):
    """The keys units and people are ranked on: points first (the ranking is by points), then the
    tie-breaks, each once."""
    message = words(distinct=True, choices=RANK_KEYS)(value, data)
    if message:
        return message
    if value[0] != "points":
        return f"第1项应为 points(按积分排名,其后为积分相同时依次比较的项),实为 {_shown(value[0])}"


def relative_tier(value, data):
    """A tier, or ``own`` (the office's own tier)."""
    names = _names(data, "tiers")
    if value != "own" and (names is None or value not in names):
        return f"应为 own 或 {'/'.join(names or [])} 之一,实为 {_shown(value)}"


def mark_words(value, data):
    """A list of marks as staff write them: text, or a number such as 1 or 0."""
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip() for v in value):
        return f"应为文字列表,如 [√, 是],实为 {_shown(value)}"


def header_fields(value, data):
    """An office's own header synonyms: field name → labels, for the fields the reader knows."""
    from ..read.vocabulary import FIELD_LABELS

    if not isinstance(value, dict):
        return f"应为映射(“字段: [表头, …]”形式),实为 {_shown(value)}"
    unknown = [k for k in value if k not in FIELD_LABELS]
    if unknown:
        return f"未知字段 {_shown(unknown[0])},应为 {'/'.join(FIELD_LABELS)} 之一"


def or_empty(check: Check) -> Check:
    """The check, or nothing written at all ("max_count:" meaning no limit)."""
    def either(value, data):  # city: '' (a city office leaves it empty, as the template says) is nothing too
        return None if value is None or isinstance(value, str) and not value.strip() else check(value, data)
    return either


def lists_apart(*keys: str, with_keys: bool = False) -> Check:
    """A mapping of word lists (``keys``: only these; ``with_keys``: each key is a word of its own list)
    where no word is in two lists: ``X`` both adopted and not adopted, ``市`` both 县级 and 市级, was
    accepted and one of the two silently won."""
    def check(value, data):
        if not isinstance(value, dict):
            return mapping(value, data)
        seen: dict[str, str] = {}
        for name, ws in value.items():
            if keys and name not in keys or not isinstance(ws, list):
                continue
            for w in ([name] if with_keys else []) + ws:
                w = "".join(str(w).split())
                if w in seen and seen[w] != name:
                    return f"“{w}”同时写在 {seen[w]} 和 {name} 中,只能属于其中一个"
                seen.setdefault(w, str(name))
    return check


MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市", "北京", "上海", "天津", "重庆")


def office_rule(value, data):
    """The office: a mapping; a district of a 直辖市 (province 北京市) must say its 市 is 省级
    (``relative: {市: 省级}``): left at the default, 市政协 (北京市政协, 省级) was paid and counted as 市级."""
    if not isinstance(value, dict):
        return mapping(value, data)
    province = str(value.get("province") or "").strip()
    relative = value.get("relative") or {}
    if province in MUNICIPALITIES and isinstance(relative, dict) and relative.get("市") != "省级" \
            and value.get("own_tier") != "省级":
        return (f"province 为直辖市“{province}”:其“市政协、市委、副市长”等是省级,请在 relative 中写明 {{市: 省级}}"
                f"(现为 {relative or '{}'},会把{province}政协的采用按市级计)")
    return None


def quota_rule(value, data):
    """One quota: a mapping, and no key that means nothing beside the others (``adopted_min_tier``
    without ``adopted``, ``every_month`` on a quota per quarter or year): accepted, it was silently ignored."""
    if not isinstance(value, dict):
        return mapping(value, data)
    if value.get("adopted_min_tier") not in (None, "") and value.get("adopted") in (None, ""):
        return "写了 adopted_min_tier(采用的最低层级)却没有写 adopted(须被采用的条数),该层级不起作用;请补写 adopted 或删去 adopted_min_tier"
    if value.get("every_month") is True and value.get("per") not in (None, "month"):
        return f"every_month(每月都要完成)只用于按月的任务(per: month),此处 per 为 {_shown(value.get('per'))};请改为 per: month 或删去 every_month"
    return None


def anything(value, data):
    return None


def keyed_by(choices: tuple[str, ...]) -> Check:
    """A mapping whose keys come from a fixed set (categories, statuses)."""
    def check(value, data):
        if not isinstance(value, dict):
            return f"应为映射(“键: 值”形式),实为 {_shown(value)}"
        for key in value:
            if key not in choices:
                return f"未知项 {_shown(key)},应为 {'/'.join(choices)} 之一"
    return check


def names_from(ref: str) -> Check:
    """A non-empty list of names the file itself defines (roles…)."""
    def check(value, data):
        message = words()(value, data)
        if message:
            return message
        names = _names(data, ref)
        for item in value:
            if names is not None and item not in names:
                return _unknown(ref, item, names)
    return check


def amount_or_grades(value, data):
    """A prize: one amount for the category, or a mapping grade → amount (checked below)."""
    if isinstance(value, dict):
        return None
    return amount(value, data)


def term(value, data):
    if isinstance(value, dict) and _is_int(value.get("first_year")) and _is_int(value.get("last_year")) \
            and value["last_year"] < value["first_year"]:
        return f"last_year({value['last_year']})早于 first_year({value['first_year']})"
    return mapping(value, data)


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
    Spec("office", office_rule, REQ),
    Spec("office.name", text),
    Spec("office.own_tier", value_in("tiers"), REQ),
    Spec("office.full_name", text),
    Spec("office.bulletin", or_empty(text)),  # empty: the shipped name (社情民意)
    Spec("office.place", or_empty(text)),
    Spec("office.city", or_empty(text)),
    Spec("office.province", or_empty(text)),
    Spec("office.below", words(non_empty=False)),
    Spec("office.relative", or_empty(mapping)),
    Spec("office.relative.*", relative_tier),
    Spec("tiers", words(distinct=True), REQ),
    Spec("placement", mapping, REQ),
    Spec("placement.level_words", lists_apart(), REQ),
    Spec("placement.level_words.*", words(), keys="tiers"),
    Spec("placement.not_level_words", words(non_empty=False)),
    Spec("placement.product_words", or_empty(mapping)),
    Spec("placement.product_words.*", or_empty(relative_tier)),
    Spec("placement.own_words", words(non_empty=False)),
    Spec("placement.media_words", words(non_empty=False)),
    Spec("placement.title_prefixes", words(non_empty=False)),
    Spec("placement.party_words", words(non_empty=False)),
    Spec("placement.channel_words", mapping, REQ),
    Spec("placement.channel_words.*", words(), keys="channels"),
    Spec("placement.default_channel", value_in("channels")),
    Spec("placement.routing", or_empty(mapping)),
    Spec("placement.routing.*", mapping),
    Spec("placement.routing.*.words", words()),
    Spec("placement.routing.*.channel", value_in("channels")),
    Spec("placement.channels", mapping, REQ),
    Spec("placement.channels.*", mapping),
    Spec("placement.channels.*.tiers", boolean, REQ),
    Spec("placement.channels.*.paid", boolean, REQ),
    Spec("placement.channels.*.scored", boolean, REQ),
    Spec("placement.leader_level_by_tier", mapping, REQ),
    Spec("placement.leader_level_by_tier.*", value_in("leader_levels"), keys="tiers", every=True),
    Spec("placement.leader_words", or_empty(mapping)),
    Spec("placement.leader_words.*", words(), keys="leader_levels"),
    Spec("marks", lists_apart("adopted", "not_adopted", "pending", "unclear"), REQ),
    Spec("marks.adopted", mark_words, REQ),
    Spec("marks.not_adopted", mark_words, REQ),
    Spec("marks.pending", mark_words, REQ),
    Spec("marks.forwarded", mark_words, REQ),
    Spec("marks.negations", words(non_empty=False)),
    Spec("marks.unclear", words(non_empty=False)),
    Spec("headers", or_empty(header_fields)),
    Spec("headers.*", words()),
    Spec("instruction_words", words()),
    Spec("instruction_words_after_post", words(non_empty=False)),
    Spec("read_words", words(non_empty=False)),
    Spec("instruction_deed_words", words(non_empty=False)),
    Spec("leader_title_words", words(non_empty=False)),
    Spec("not_leader_words", words(non_empty=False)),
    Spec("leader_levels", words(distinct=True), REQ),
    Spec("unit_aliases", mapping),
    Spec("unit_aliases.*", words(non_empty=False)),
    Spec("categories", mapping),
    Spec("categories.*", words(non_empty=False)),
    Spec("unit_name_words", words(non_empty=False)),
    Spec("unit_name_suffixes", words(non_empty=False)),
    Spec("unit_name_numbered", words(non_empty=False)),
    Spec("unit_zone_words", words(non_empty=False)),
    Spec("void_words", words(non_empty=False)),
    Spec("void_kept_words", words(non_empty=False)),
    Spec("unpaid_words", words(non_empty=False)),
    Spec("filing_words", words(non_empty=False)),
    Spec("joint_words", words(non_empty=False)),
    Spec("sample_words", words(non_empty=False)),
    Spec("void_sheet_words", words(non_empty=False)),
    Spec("sample_sheet_words", words(non_empty=False)),
    Spec("colour_legend", mapping),
    Spec("colour_legend.colours", words(non_empty=False)),
    Spec("colour_legend.between", words(non_empty=False)),
    Spec("colour_legend.meanings", words(non_empty=False)),
    Spec("colour_legend.leads", words(non_empty=False)),
    Spec("authors", mapping),
    Spec("authors.affiliation_words", words(non_empty=False)),
    Spec("authors.scribe_words", words(non_empty=False)),
    Spec("authors.et_al_words", words(non_empty=False)),
    Spec("authors.honorific_words", words(non_empty=False)),
    Spec("authors.post_words", words(non_empty=False)),
    Spec("authors.ambiguous_suffixes", words(non_empty=False)),
    Spec("authors.source_words", words(non_empty=False)),
    Spec("authors.collective_words", words(non_empty=False)),
    Spec("authors.department_words", words(non_empty=False)),
    Spec("authors.honour_words", words(non_empty=False)),
    Spec("authors.place_words", words(non_empty=False)),
    Spec("left_sheet_words", words(non_empty=False)),
    Spec("same_name_note_words", words(non_empty=False)),
    Spec("roster_note_change_words", words(non_empty=False)),
    Spec("roles", lists_apart(with_keys=True)),
    Spec("roles.*", words(non_empty=False)),
    Spec("quotas", mapping, REQ),
    Spec("quotas.people", mapping),
    Spec("quotas.people.*", quota_rule, keys="roles"),
    Spec("quotas.people.*.per", one_of(*PERIODS), REQ),
    Spec("quotas.people.*.items", integer(), REQ),
    Spec("quotas.people.*.every_month", boolean),
    Spec("quotas.people.*.prorate", boolean),
    Spec("quotas.units", mapping),
    Spec("quotas.units.*", quota_rule, keys="peer_groups"),
    Spec("quotas.units.*.per", one_of(*PERIODS), REQ),
    Spec("quotas.units.*.items", integer(), REQ),
    Spec("quotas.units.*.adopted", integer()),
    Spec("quotas.units.*.adopted_min_tier", value_in("tiers"), need="adopted"),
    Spec("quotas.units.*.start_month", integer(1, 12)),
    Spec("quotas.units.*.every_month", boolean),
    Spec("quotas.units.*.prorate", boolean),
    Spec("quotas.coauthored_counts_each", boolean),
    Spec("quotas.lead_author_tags", words(non_empty=False)),
    Spec("rewards", mapping, REQ),
    Spec("rewards.by_tier", mapping, REQ),
    Spec("rewards.by_tier.*", amount, keys="tiers", every=True),
    Spec("rewards.instruction_multiplier", positive_number, REQ),
    Spec("rewards.tier_mode", one_of(*MODES), REQ),
    Spec("rewards.split", one_of(*SPLITS)),
    Spec("rewards.top_up", boolean),
    Spec("points", mapping, REQ),
    Spec("points.per_submission", integer(), REQ),
    Spec("points.adoption_by_tier", mapping, REQ),
    Spec("points.adoption_by_tier.*", integer(), keys="tiers", every=True),
    Spec("points.instruction_by_level", mapping, REQ),
    Spec("points.instruction_by_level.*", integer(), keys="leader_levels", every=True),
    Spec("points.instruction_mode", one_of(*MODES), REQ),
    Spec("points.rank_by", rank_by),
    Spec("points.deduction_words", words(non_empty=False)),
    Spec("peer_groups", mapping, REQ),
    Spec("peer_groups.*", mapping),
    Spec("peer_groups.*.top_n", integer(), REQ),
    Spec("commendations", mapping, REQ),
    Spec("commendations.outstanding_informant", mapping, REQ),
    Spec("commendations.outstanding_informant.min_submitted", integer(), REQ),
    Spec("commendations.outstanding_informant.min_adopted", integer(), REQ),
    Spec("commendations.outstanding_informant.max_count", or_empty(integer())),  # 0: none; empty: no limit
    Spec("commendations.advanced_units", or_empty(mapping)),
    Spec("commendations.advanced_units.min_completion", or_empty(ratio)),  # empty: no condition
    Spec("commendations.advanced_units.min_adopted_completion", or_empty(ratio)),
    Spec("commendations.top_items", integer(), REQ),
    Spec("commendations.top_items_order", words(distinct=True, choices=TOP_ITEMS_ORDER), REQ),
    Spec("commendations.addressee", text),
    Spec("commendations.basis", text),
    Spec("commendations.decided_by", text),
    Spec("commendations.good_items", mapping),
    Spec("commendations.good_items.max_count", or_empty(integer())),
    Spec("commendations.advanced_workers", mapping),
    Spec("commendations.advanced_workers.roles", names_from("roles"), REQ),
    Spec("commendations.advanced_workers.max_count", or_empty(integer())),
    Spec("commendations.grades", keyed_by(CATEGORIES)),
    Spec("commendations.grades.*", mapping),
    Spec("commendations.grades.*.*", integer(1)),
    Spec("commendations.prizes", keyed_by(CATEGORIES)),
    Spec("commendations.prizes.*", amount_or_grades),
    Spec("commendations.prizes.*.*", amount),
    Spec("commendations.term", term),
    Spec("commendations.term.name", text, REQ),
    Spec("commendations.term.first_year", integer(2000, 2100), REQ),
    Spec("commendations.term.last_year", integer(2000, 2100), REQ),
    Spec("appraisal", mapping),
    Spec("appraisal.roles", names_from("roles")),
    Spec("appraisal.grades", mapping),
    Spec("appraisal.grades.*", or_empty(mapping)),
    Spec("appraisal.grades.*.min_completion", ratio),
    Spec("appraisal.grades.*.min_adopted", integer()),
    Spec("instructions", mapping),
    Spec("instructions.due_days", integer(1, 3650)),
    Spec("instructions.status_words", keyed_by(STATUSES)),
    Spec("instructions.status_words.*", words()),
    Spec("instructions.negations", words()),
    Spec("instructions.partial_words", words()),
    Spec("instructions.plan_words", words()),
    Spec("instructions.remaining_words", words()),
    Spec("instructions.contrast_words", words()),
    Spec("instructions.subject_words", words()),
    Spec("instructions.reply_words", words()),
    Spec("instructions.manner_words", words()),
    Spec("instructions.author_words", words()),
    Spec("instructions.overdue_words", words()),
    Spec("instructions.directive_words", words()),
    Spec("periods", mapping),
    Spec("periods.circular", one_of(*CIRCULAR_PERIODS)),
    Spec("forwarded_adopted", one_of(*FORWARDED_ADOPTED)),
    # The circular's keys are these; another (adressee, overdue_day) is a typo, refused.
    Spec("circular", mapping),
    Spec("circular.next_steps", words(non_empty=False)),
    Spec("circular.addressee", text),
    Spec("circular.overdue_days", integer()),
    Spec("circular.low_upper_share", ratio),
    Spec("circular.leading_unit", mapping),
    Spec("circular.leading_unit.min_submitted", integer()),
    Spec("circular.leading_unit.min_adopted", integer()),
    Spec("circular.leading_unit.min_points", integer()),
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
    *(Spec(f"documents.{kind}{key}", check) for kind in ("circular", "commendation", "feedback")
      for key, check in (("", mapping), (".issuer", text), (".mark", text), (".number", text))),
)




def _node(parent: dict, part: str) -> dict:
    """The schema of key ``part`` under ``parent`` (``*``: any key), made on first use."""
    if part == "*":
        if not isinstance(parent.get("additionalProperties"), dict):
            parent["additionalProperties"] = {}
        return parent["additionalProperties"]
    return parent.setdefault("properties", {}).setdefault(part, {})


def _close(node: dict) -> None:
    """A mapping the table describes keys of knows no others (unknown keys are reported)."""
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    for child in [*node.get("properties", {}).values(), node.get("additionalProperties")]:
        if isinstance(child, dict):
            _close(child)


_EMPTY = [0, False, None, "", [], {}]


def rules_schema(data: dict) -> tuple[dict, dict]:
    """The JSON Schema ``SPECS`` describe, with the names this file defines; and the checks it names."""
    root: dict = {}
    checks = {}
    for index, spec in enumerate(SPECS):
        *up, last = spec.parts
        parent = root
        for part in up:
            parent = _node(parent, part)
        node = _node(parent, last)
        if spec.check is not anything:
            checks[str(index)] = lambda value, spec=spec: spec.check(value, data)
            node.setdefault("allOf", []).append({configfile.CHECK: str(index)})
        if spec.need is True:
            parent.setdefault("required", []).append(last)
        elif isinstance(spec.need, str):  # required when the parent sets ``need`` (to anything but nothing)
            parent.setdefault("allOf", []).append({
                "if": {"properties": {spec.need: {"not": {"enum": _EMPTY}}}, "required": [spec.need]},
                "then": {"required": [last], "x-required-note": {last: f"(写了 {spec.need} 时必填)"}}})
        names = _names(data, spec.keys) if spec.keys else None
        if names is not None and last == "*":
            listed = "/".join(map(str, names)).replace("{", "{{").replace("}", "}}")
            parent["propertyNames"] = {"enum": names, "x-key": True,
                                       "x-message": f"未知{NAMED[spec.keys]} {{value}},应为 {listed} 之一"}
            if spec.every and names:
                parent.setdefault("required", []).extend(names)
                parent.setdefault("x-required-note", {}).update({n: "(为 0 也请写明)" for n in names})
    _close(root)
    return root, checks


def check_rules(data: Any, lines: dict[tuple[str, ...], int] | None = None) -> list[RuleProblem]:
    """Every problem in parsed rules ``data``, by dotted key; [] when the rules are usable.

    ``lines`` (key path → line in the file) only adds line numbers to the problems.
    """
    if data is None:
        return [RuleProblem("", "规则文件为空")]
    if not isinstance(data, dict):
        return [RuleProblem("", f"规则文件顶层应为映射(“键: 值”形式),实为 {_shown(data)}")]
    schema, checks = rules_schema(data)
    return configfile.schema_problems(data, schema, lines, extra=prize_grades(data) + unit_type_spellings(data),
                                      checks=checks)


def unit_type_spellings(data: dict) -> list[tuple[tuple[str, ...], str]]:
    """Two unit types that are one once read like the roster's 单位类型 (full width folded, spaces
    removed: 镇街 工委 and 镇街工委): the rules would keep one of them only."""
    from .model import unit_type_key

    out: list[tuple[tuple[str, ...], str]] = []
    quotas = data.get("quotas")
    for path, mapping in ((("peer_groups",), data.get("peer_groups")),
                          (("quotas", "units"), quotas.get("units") if isinstance(quotas, dict) else None)):
        seen: dict[str, str] = {}
        for key in mapping if isinstance(mapping, dict) else {}:
            first = seen.setdefault(unit_type_key(key), str(key))
            if first != str(key):
                out.append(((*path, str(key)), f"单位类型 {_shown(key)} 与 {_shown(first)} 只差全角半角或空格,"
                                                "按名册读来是同一类型;请只写一个"))
    return out


def prize_grades(data: dict) -> list[tuple[tuple[str, ...], str]]:
    """A prize per grade names a grade of its category (``commendations.grades``): a grade written
    otherwise (一等 for 一等奖), or grades for a category that has none, was accepted, shown by ``rules
    show``, and paid 0. (key path, message) pairs: the schema cannot compare two keys' names."""
    c = data.get("commendations")
    grades, prizes = (c.get("grades"), c.get("prizes")) if isinstance(c, dict) else (None, None)
    grades = grades if isinstance(grades, dict) else {}
    out: list[tuple[tuple[str, ...], str]] = []
    for category, prize in (prizes if isinstance(prizes, dict) else {}).items():
        if not isinstance(prize, dict):
            continue
        key = ("commendations", "prizes", str(category))
        named = grades.get(category)
        names = [str(g) for g in named] if isinstance(named, dict) else []
        if not names:
            out.append((key, f"按等次写了奖金,但 commendations.grades 中没有{category}的等次,这些奖金不会发放;"
                             f"请改为一个金额(如 {category}: \"200.00\"),或在 grades 中写明{category}的等次"))
            continue
        for grade in prize:
            if str(grade) not in names:
                close = difflib.get_close_matches(str(grade), names, n=1, cutoff=0.5)
                hint = f"(是否应为 “{close[0]}”?)" if close else ""
                out.append(((*key, str(grade)), f"未知等次 {_shown(grade)}{hint},{category}的等次为 {'/'.join(names)};"
                                                "等次名称与 grades 中不一致的奖金不会发放"))
    return out


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


# Word lists an office's own file may leave out (a file written by an earlier version, before the list
# existed): read with the shipped words of its year, and said (rules.model.with_shipped_words). Not the
# office's own texts (its offices below, 抄送, the circular's next steps) nor what it decides (commendations).
_OFFICE_TEXTS = ("office.", "documents.", "circular.", "rollup.", "commendations.")


def word_list_keys() -> tuple[str, ...]:
    """The dotted keys of the optional word lists (vocabularies) of the schema."""
    return tuple(s.pattern for s in SPECS if "*" not in s.pattern and s.need is not True
                 and s.check.__qualname__.startswith("words.") and not s.pattern.startswith(_OFFICE_TEXTS))


def check_file(path: str | Path) -> tuple[Any, list[RuleProblem]]:
    """Read and check a rules file: (data, problems). Raises RulesFileError when it cannot be read."""
    return check_text(read_rules_text(path))
