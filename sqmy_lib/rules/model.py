"""The Rules object: a validated view of one rules file, with the lookups the library needs."""
from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..zh import level_word, numbered_unit_kind, simplified
from .check import RulesError, check_file, word_list_keys
from .placement import Placed, Placement, bulletin_of, place_of

# points.rank_by of a rules file written before the key existed: the order the commendation always had.
DEFAULT_RANK_BY = ["points", "adopted", "submitted"]

# Package data, found the same way in every install mode (a checkout, editable, normal, --user, wheel).
DEFAULTS_DIR = Path(str(resources.files("sqmy_lib.rules") / "defaults"))


def _norm(text: str) -> str:
    """Text as the rules' words are looked up in: NFKC, no spaces, traditional characters as simplified
    (縣委書記 is 县委书记)."""
    return simplified(re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))))


def unit_type_key(text) -> str:
    """A unit type (peer group) as it is compared everywhere: as the roster's 单位类型 is read
    (``read.roster``: NFKC, no spaces), so 乡镇（街道）政协工委 and 乡镇(街道)政协工委 are one type."""
    return _norm(text)


def unit_types_normalised(data: dict) -> dict:
    """``data`` with its unit types (the keys of ``peer_groups`` and ``quotas.units``, the values of
    ``rollup.peer_group_by_level``) written as ``unit_type_key`` reads them, so a type written alike in
    the rules and the roster (or offices.yaml) finds its quota and its 先进集体 places; one spelling
    everywhere after. A new dict (the caller's is left as it was)."""
    def keyed(mapping):
        return {unit_type_key(k): v for k, v in mapping.items()} if isinstance(mapping, dict) else mapping

    new = dict(data)
    if "peer_groups" in data:
        new["peer_groups"] = keyed(data["peer_groups"])
    quotas, rollup = data.get("quotas"), data.get("rollup")
    if isinstance(quotas, dict) and "units" in quotas:
        new["quotas"] = {**quotas, "units": keyed(quotas["units"])}
    by_level = rollup.get("peer_group_by_level") if isinstance(rollup, dict) else None
    if isinstance(by_level, dict):
        new["rollup"] = {**rollup, "peer_group_by_level": {k: unit_type_key(v) for k, v in by_level.items()}}
    return new


def default_rules_path(year: int | None = None) -> tuple[Path, str | None]:
    """The shipped rules file for ``year``: the file of that year, else the nearest earlier one.

    Returns the path and, when it fell back to another year, a Chinese note saying so.
    """
    files = sorted((int(p.stem), p) for p in DEFAULTS_DIR.glob("*.yaml") if p.stem.isdigit())
    if year is None:
        return files[-1][1], None
    earlier = [(y, p) for y, p in files if y <= year]
    chosen_year, path = earlier[-1] if earlier else files[0]
    if chosen_year == year:
        return path, None
    return path, f"未找到{year}年度规则文件,沿用{chosen_year}年度规则({path.name})"


# The sections of a rules file that only computations and documents read, each time they run: edited in
# ``rules.data`` they take effect at the next figure. The others (placement, tiers, vocabularies,
# roles…) are also read as the ledgers are: an edit of them after reading changes nothing already read.
# (Of ``peer_groups`` reading uses the names: the unit types a roster's 单位类型 is read as.)
COMPUTED_SECTIONS = ("version", "quotas", "rewards", "points", "peer_groups", "commendations", "appraisal", "periods",
                     "circular", "documents")


def _as_names(value) -> list:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []


# A 政协 named with its place (扶余市政协, 政协扶余市委员会): the place, at least two characters and its level word.
_CPPCC_OF_A_PLACE = re.compile(r"政协(.{2,15}?[市州盟县区旗])委员会|(.{2,15}?[市州盟县区旗])政协")


def _cppcc_place(unit: str) -> str:
    """The place of a 政协 a roster lists as a unit (扶余市 of 扶余市政协 and 政协扶余市委员会), or ''."""
    m = _CPPCC_OF_A_PLACE.fullmatch(_norm(unit))
    return (m[1] or m[2]) if m else ""


@dataclass
class Rules:
    """One year's rules. ``data`` is the parsed file; the methods are the lookups code needs."""

    data: dict[str, Any]
    source: str = "<默认规则>"
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.data = d = unit_types_normalised(self.data)
        self._built = self.digest()  # the data the look-ups below were built from (``refresh``)
        self.tiers: list[str] = list(d["tiers"])
        self.own_tier: str = d["office"]["own_tier"]
        self.leader_levels: list[str] = list(d["leader_levels"])
        placement = d.get("placement") or {}
        marks = d.get("marks") or {}
        not_places = tuple(_norm(w) for k in ("forwarded", "pending", "not_adopted", "negations") for w in marks.get(k) or ())
        self.placement = Placement(placement, self.tiers, self.own_tier, d["office"], not_places)
        self._leader_by_tier = dict(placement.get("leader_level_by_tier") or {})
        self._leader_words = [(lvl, [_norm(w) for w in ws]) for lvl, ws in (placement.get("leader_words") or {}).items()]
        self._not_leader_words = tuple(w for w in map(_norm, d.get("not_leader_words") or ()) if w)
        self.channel_rules: dict[str, dict] = dict(placement.get("channels") or {})
        self._unit_words = [_norm(w) for w in d.get("unit_name_words", [])]
        self._unit_suffixes = tuple(_norm(w) for w in d.get("unit_name_suffixes", []))
        self._numbered_unit = tuple(_norm(w) for w in d.get("unit_name_numbered") or ())
        self._places = tuple(_norm(d["office"].get(k) or "") for k in ("place", "city", "province") if d["office"].get(k))
        authors = d.get("authors") or {}
        self._ambiguous_suffixes = tuple(_norm(w) for w in authors.get("ambiguous_suffixes", []))
        self._categories: dict[str, str] = {}
        for name, aliases in (d.get("categories") or {}).items():
            for alias in [name, *(aliases or [])]:
                self._categories[_norm(alias)] = name
        self._roles: dict[str, str] = {}
        for name, aliases in (d.get("roles") or {}).items():
            for alias in [name, *(aliases or [])]:
                self._roles[_norm(alias)] = name

    def digest(self, data: dict | None = None) -> str:
        """A digest of ``data`` (the rules' own by default) as it is now: an analyst may edit
        ``rules.data`` in place, and what is worked out under the rules is keyed on this."""
        data = self.data if data is None else data
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()

    def refresh(self) -> str:
        """The look-ups (tiers, channels, roles, placement…) built again when ``data`` was edited
        since they were built; returns the data's digest."""
        digest = self.digest()
        if digest != self.__dict__.get("_built"):
            self.__dict__.pop("_for_office", None)
            self.__post_init__()
        return digest

    def reading_digest(self) -> str:
        """A digest of the sections reading uses (placement, vocabularies, roles…): an edit of them after
        the ledgers were read changes nothing already read, unlike one of ``COMPUTED_SECTIONS``."""
        read = {k: v for k, v in self.data.items() if k not in COMPUTED_SECTIONS}
        read["peer_groups"] = sorted(self.data.get("peer_groups") or {})  # the unit types a roster is read with
        # What a channel counts for (tiers, paid, scored) is looked up as figures are worked out.
        read["placement"] = {k: v for k, v in (self.data.get("placement") or {}).items() if k != "channels"}
        return self.digest(read)

    def __reduce__(self):
        # Pickled as its file's data (sent to reader processes); the compiled look-ups are rebuilt.
        return (Rules, (self.data, self.source, list(self.notes)))

    @property
    def version(self) -> str:
        return str(self.data.get("version", ""))

    @property
    def year(self) -> int | None:
        return self.data.get("year")

    @property
    def bulletin(self) -> str:
        """The name of the office's own bulletin, without 《》, as its documents say it (编发《建言参考》5期):
        ``office.bulletin``, else the shipped rules' (社情民意) for a file written before the key."""
        shipped = _shipped_data(default_rules_path(self.year)[0]).get("office") or {}
        return bulletin_of(self.data.get("office") or {}) or bulletin_of(shipped) or "社情民意"

    @property
    def categories(self) -> list[str]:
        return list((self.data.get("categories") or {}).keys())

    @property
    def roles(self) -> list[str]:
        return list((self.data.get("roles") or {}).keys())

    @property
    def rank_by(self) -> list[str]:
        """What units (in their peer group) and people are ranked on (``points.rank_by``): points, then
        the tie-breaks in turn; a file without the key ranks as the shipped rules do."""
        return list((self.data.get("points") or {}).get("rank_by") or DEFAULT_RANK_BY)

    @property
    def left_sheet_words(self) -> tuple[str, ...]:
        """Words of a roster sheet's name saying its people have left (``left_sheet_words``: 已离任人员,
        往届委员); a file without the key (written before it) reads as the shipped rules do."""
        words = self.data.get("left_sheet_words")
        if words is None:
            words = _shipped_data(default_rules_path(self.year)[0]).get("left_sheet_words") or ()
        return tuple(_norm(str(w)) for w in words if str(w).strip())

    @property
    def same_name_note_words(self) -> tuple[str, ...]:
        """Words of a roster 备注 saying the person shares the name with someone else (``same_name_note_words``:
        重名, 非同一人); a file without the key (written before it) reads as the shipped rules do."""
        words = self.data.get("same_name_note_words")
        if words is None:
            words = _shipped_data(default_rules_path(self.year)[0]).get("same_name_note_words") or ()
        return tuple(_norm(str(w)) for w in words if str(w).strip())

    @property
    def roster_note_change_words(self) -> tuple[str, ...]:
        """Words of a roster 备注 telling of a change in post with no date read (``roster_note_change_words``:
        届中调整, 换届); a file without the key (written before it) reads as the shipped rules do."""
        words = self.data.get("roster_note_change_words")
        if words is None:
            words = _shipped_data(default_rules_path(self.year)[0]).get("roster_note_change_words") or ()
        return tuple(_norm(str(w)) for w in words if str(w).strip())

    @property
    def forwarded_adopted_above_own(self) -> bool:
        """Whether an item sent upward counts as 被上级采用 once any body above the office's own tier adopted
        it (``forwarded_adopted: above_own``), not only one at or above the highest it was sent to; a file
        without the key (written before it) reads as the shipped rules do."""
        value = self.data.get("forwarded_adopted") or _shipped_data(default_rules_path(self.year)[0]).get("forwarded_adopted")
        return value != "at_highest_sent"

    @property
    def due_days(self) -> int:
        """The 办理时限 of a 批示 whose ledger writes no day or span of its own (``instructions.due_days``)."""
        return int((self.data.get("instructions") or {}).get("due_days", 30))

    @property
    def unit_types(self) -> list[str]:
        return list((self.data.get("peer_groups") or {}).keys())

    def place(self, body: str) -> Placed:
        """Tier, channel, routing product and the rule that placed a body name (rules.placement)."""
        return self.placement.place(body)

    def tier_of(self, body: str) -> str | None:
        """The tier a body name is placed at; None when no rule places it."""
        return self.placement.place(body).tier

    def for_office(self, level: str, name: str = "") -> "Rules":
        """These rules for another office (a county read in a city's roll-up): its own bulletin is
        placed at ``level`` and its own name is its own place; the city and province stay."""
        if level == self.own_tier and not name:
            return self
        # One object per office: the files of an office share it (and its placement memo).
        cache = self.__dict__.setdefault("_for_office", {})
        key = (level, name)
        if key not in cache:
            here = self.data["office"]
            # The places of the new office's city (市级) and province (省级): this office's own or its
            # city's and province's, by tier.
            by_tier = {self.tiers[1]: here.get("city"), self.tiers[2]: here.get("province"), self.own_tier: here.get("place")}
            place = place_of(name) if name else here.get("place")
            relative = self._relative_of(level, place) if name else here.get("relative", {})
            office = {**here, "own_tier": level, "place": place, "relative": relative,
                      "city": by_tier.get(self.tiers[1]), "province": by_tier.get(self.tiers[2])}
            if name:
                office["name"] = name
            cache[key] = Rules(data={**self.data, "office": office}, source=self.source, notes=list(self.notes))
        return cache[key]

    def with_offices_below(self, units) -> "Rules":
        """These rules with the places of the 政协 a roster lists among its units (扶余市政协, 政协扶余市委员会:
        扶余市) added to the offices below (``office.below``): a roster lists the units reporting to the office, so a
        政协 of another place on it is one below it, whatever its level word says (扶余市, a county-level city
        under 松原市: its 政协编发 is 县级, not the office's own 市级 bulletin)."""
        here = self.data["office"]
        own = {_norm(str(n)) for k in ("place", "city", "province") for n in _as_names(here.get(k))}
        listed = [_norm(str(n)) for n in _as_names(here.get("below"))]
        found = [p for u in units if isinstance(u, str) and (p := _cppcc_place(u)) and p not in own and p not in listed]
        if not found:
            return self
        office = {**here, "below": [*listed, *dict.fromkeys(found)]}
        return Rules(data={**self.data, "office": office}, source=self.source, notes=list(self.notes))

    def _relative_of(self, level: str, place: str) -> dict:
        """What a bare 市 (市政协编发) means to an office of ``level`` at ``place`` read in a roll-up: to a
        county-level city's office (利川市) its own tier; to a county's or a district's (东山县) its city,
        as by default; to a county-tier office whose place says neither (利川) nothing (None: every
        such body is unplaced, a finding, never a guess)."""
        if level != self.tiers[0]:
            return {}
        if place.endswith("市"):
            return {"市": "own"}
        words = tuple(w for ws in ((self.data.get("placement") or {}).get("level_words") or {}).values() for w in ws)
        return {} if place.endswith(words) else {"市": None}

    def place_unclear(self, level: str, name: str) -> bool:
        """Whether an office below (read in a roll-up) is named so that it cannot be told whether it is a
        county-level city (``利川``: 利川市 or 利川县?), so its bare 市 is placed nowhere."""
        return self._relative_of(level, place_of(name)) == {"市": None}

    @property
    def office_named(self) -> bool:
        """Whether these rules name their office (office.name set, not the shipped 示例 placeholder):
        then its name and own_tier say who rolls up, whatever the folders are called."""
        name = str(self.data["office"].get("name") or "")
        shipped = _at(_shipped_data(default_rules_path(self.year)[0]), ("office", "name"))
        return bool(name) and not (PLACEHOLDER_MARK in name and name == shipped)

    def for_level(self, level: str) -> "Rules":
        """These rules for an office of another level (its own bulletin placed at ``level``)."""
        return self.for_office(level)

    def tier_word(self, word: str) -> str:
        """A tier or a leader level as this office's documents write it: its own (its own tier, and the
        level of its own leaders) by its place (区级 in a 区's circular: 区长周某某's 批示 is not 县级 to
        its readers, though the tier is), unless that word names another tier or level (a county-level
        city's 市级 is its city's too: it keeps 县级); any other as the rules name it."""
        if word not in (self.own_tier, self._leader_by_tier.get(self.own_tier)):
            return self._named_above(word)
        office = self.data.get("office") or {}
        said = level_word(office.get("place") or place_of(str(office.get("name") or "")))
        return said if said and (said == word or said not in {*self.tiers, *self.leader_levels}) else word

    def _named_above(self, word: str) -> str:
        """A tier or leader level above the office (市级) that the office's own reading of its level word (``relative``:
        {市: own} of a county-level city) takes for another, written with the place at that tier (金华市级 in 义乌市's
        documents, where 市级 and 市委书记 are 义乌's own): a word the same office reads back as itself as it is."""
        tier = next((t for t, level in self._leader_by_tier.items() if level == word and t in self.tiers), word)
        if tier not in self.tiers or self.placement.place(word).tier in (tier, None):
            return word
        key = {1: "city", 2: "province"}.get(self.tiers.index(tier))
        names = (self.data.get("office") or {}).get(key) if key else None
        name = names if isinstance(names, str) else next(iter(names), "") if isinstance(names, list) else ""
        return f"{name}级" if name and not name.startswith("示例") else word

    def tier_rank(self, tier: str | None) -> int:
        """0 for the lowest tier upward; -1 for None."""
        return self.tiers.index(tier) if tier in self.tiers else -1

    def leader_level_of(self, text: str) -> str | None:
        """The level of a leader named in an instruction (县级/市级/省级/国家级), or None:
        placed like a body (副市长 → 市级), else by the leader words (总理 → 国家级)."""
        tier = self.placement.place(text).tier
        if tier is not None and tier in self._leader_by_tier:
            return self._leader_by_tier[tier]
        t = _norm(text)
        for lvl, words in self._leader_words:
            if any(w in t for w in words):
                return lvl
        return None

    def leader_counts(self, leader: str) -> bool:
        """Whether a 批示 by ``leader`` counts: not a department's or a party's head (县教育局局长, 民革市委主委:
        placed in a channel that counts in no tier, as their adoptions do not), nor a company's (中央驻区企业负责人:
        rules ``not_leader_words``, whatever organ or level word is in it); a leader of no channel (县长, 副市长)
        or none written counts."""
        if leader and any(w in _norm(leader) for w in self._not_leader_words):
            return False
        channel = self.placement.place(leader).channel if leader else None
        return channel is None or self.channel_counts(channel, "tiers")

    def channel_counts(self, channel: str | None, what: str) -> bool:
        """Whether adoptions of ``channel`` count for ``what`` (tiers, paid, scored)."""
        return bool((self.channel_rules.get(channel or "") or {}).get(what, False))

    def author_kind(self, name: str) -> str:
        """``unit`` when a unit word marks the name (民盟县委, 城关镇政协工委) or it is a school's short name
        (县一中: rules ``unit_name_numbered``), else ``person``; ``ambiguous`` too for a school's short name a
        person's name may be glued before (赵六县一中, 黄石市二中);
        ``ambiguous`` for a person-by-default whose name ends like a place or an organisation
        (城关镇): reported, never re-classed. Never by length or punctuation."""
        t = _norm(name)
        numbered = numbered_unit_kind(t, self._numbered_unit, self._places)  # 县一中; 赵六县一中 ambiguous
        if (any(w in t for w in self._unit_words) or (self._unit_suffixes and t.endswith(self._unit_suffixes))
                or numbered == "unit"):
            return "unit"
        if numbered:
            return "ambiguous"
        if len(t) >= 3 and self._ambiguous_suffixes and t.endswith(self._ambiguous_suffixes) and "·" not in t:
            return "ambiguous"
        return "person"

    def unit_or_body(self, name: str) -> str:
        """``body`` for a body items are sent up to (placed above the office's tier, or in a channel whose
        adoptions count for the tiers: 市政协, 县委办); ``unit`` for a unit of the office's own (a unit word
        marks it and it is no such body: 民盟县委, 县教育局, 城关镇); '' for anything else (陈静, 已上报, √)."""
        placed = self.placement.place(name)
        if placed.tier is not None and (self.tier_rank(placed.tier) > self.tier_rank(self.own_tier)
                                        or self.channel_counts(placed.channel, "tiers")):
            return "body"
        return "unit" if self.author_kind(name) in ("unit", "ambiguous") else ""

    def looks_like_unit(self, name: str) -> bool:
        """Whether an author name reads as a unit, absent a roster (see author_kind)."""
        return self.author_kind(name) == "unit"

    def category_of(self, text: str) -> str | None:
        """Canonical category for a 类别 value (aliases allowed; 经济类, 民生方面 as 经济, 民生), or None when unknown."""
        key = _norm(text)
        found = self._categories.get(key)
        if found is None and key.endswith(("类", "方面", "领域")):
            found = self._categories.get(key.removesuffix("类").removesuffix("方面").removesuffix("领域"))
        return found

    @property
    def role_aliases(self) -> list[str]:
        """Every way the rules let a role be written (委员, 政协委员, 特约信息员 …)."""
        return list(self._roles)

    def role_of(self, text: str) -> str | None:
        """Canonical role (委员/特邀信息员/信息员) for a role tag, or None."""
        return self._roles.get(_norm(text))

    def role_ending(self, text: str) -> str | None:
        """The canonical role a longer 身份 text ends with, by its longest alias (社情民意信息员 →
        信息员, 县政协委员 → 委员), or None."""
        t = _norm(text)
        # Not after another committee (县委常委, 民革县委委员): a member of that, not of the 政协.
        found = max((a for a in self._roles if t.endswith(a) and len(t) > len(a) and t[-len(a) - 1] != "委"),
                    key=len, default=None)
        return self._roles[found] if found else None


# The values every office must set (its name, place, the names in its documents), by key path:
# marked 【必改】 in the rules file ``sqmy init`` writes, and said while they keep the shipped
# placeholder (示例县, 示政协办〔…〕: a circular went out as 示政协办〔2026〕号 from 东山县).
MUST_EDIT = {
    ("office", "name"): "本单位简称,用于正文,如 东山县政协",
    ("office", "full_name"): "本单位全称,用于落款、版头,如 政协东山县委员会",
    ("office", "own_tier"): "本单位《社情民意》的层级:县级、市级或省级",
    ("office", "place"): "本地地名,如 东山县",
    ("office", "city"): "所在市(州、盟、地区)的名称;市级政协不填",
    ("office", "province"): "所在省(自治区、直辖市)的名称;省级政协不填",
    ("commendations", "basis"): "表彰依据的办法名称",
    ("commendations", "decided_by"): "作出表彰决定的会议,如 县政协主席会议",
    ("commendations", "addressee"): "表彰决定的主送机关",
    ("circular", "addressee"): "通报的主送机关",
    ("documents", "circular", "number"): "通报的发文字号,用本单位的机关代字,如 东政协办〔{year}〕{n}号",
    ("documents", "commendation", "number"): "表彰决定的发文字号,用本单位的机关代字,如 东政协发〔{year}〕{n}号",
    ("documents", "cc"): "版记的抄送机关,如 区委办公室、区人民政府办公室",
}
# The 【必改】 texts naming the bodies of a 县 (各民主党派县委, 县工商联, 县委办公室): kept as shipped by an
# office that is no 县 (a 区, a county-level 市), they address bodies it does not have.
_ADDRESSED = (("circular", "addressee"), ("commendations", "addressee"), ("documents", "cc"))
_COUNTY_BODIES = re.compile(r"县委|县工商联|县人民政府|县政府|县政协")
PLACEHOLDER_MARK = "示"  # every shipped placeholder has it (示例县政协, 示政协办〔{year}〕{n}号)


def _at(data, path: tuple[str, ...]):
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


@functools.lru_cache(maxsize=4)
def _shipped_data(path: Path) -> dict:
    """A shipped rules file's data, read once per process (every load of an office's file compares to it)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}


def placeholders_left(data: dict) -> list[str]:
    """The 【必改】 values an office's rules still hold as shipped (示例省, 示政协办〔{year}〕{n}号), one
    Chinese line each; [] when every one was set."""
    shipped = _shipped_data(default_rules_path(data.get("year"))[0])
    left = [(path, value) for path in MUST_EDIT if isinstance(value := _at(data, path), str)
            and value == _at(shipped, path) and PLACEHOLDER_MARK in value]
    said = [f"规则文件中 {'.'.join(path)} 仍是示例值“{value}”,请改为本单位的实际情况(标有【必改】的项)" for path, value in left]
    place = str(_at(data, ("office", "place")) or "")
    if place and not place.endswith("县") and PLACEHOLDER_MARK not in place:
        for path in _ADDRESSED:
            value = _at(data, path)
            text = "、".join(map(str, value)) if isinstance(value, list) else str(value or "")
            if _COUNTY_BODIES.search(text) and value == _at(shipped, path):
                said.append(f"规则文件中 {'.'.join(path)} 仍是示例值“{text}”,写的是县的机关,与本单位({place})不符,"
                            "请改为本单位的实际情况(标有【必改】的项)")
    return said


def with_shipped_words(data: dict) -> tuple[dict, list[str]]:
    """An office's rules with every word list it leaves out (``check.word_list_keys``: one a later version
    added, such as instructions.manner_words) taken from the shipped file of its year, and the keys taken.

    An office file written by ``sqmy init`` of an earlier version would otherwise read none of the words
    the later version knows (已于4月10日书面反馈 unread as a reply), without a word; a list the office
    wants empty is written ``[]`` and kept."""
    shipped = _shipped_data(default_rules_path(data.get("year"))[0])
    data, taken = copy.deepcopy(data), []
    for key in word_list_keys():
        *within, last = key.split(".")
        value = _at(shipped, tuple(key.split(".")))
        parent = data
        for part in within:  # a section the file leaves out whole (authors:) is made for it
            parent = parent.setdefault(part, {}) if isinstance(parent, dict) else None
        if value is None or not isinstance(parent, dict) or last in parent:
            continue
        parent[last] = list(value)
        taken.append(key)
    return data, taken


def load_rules(path: str | Path | None = None, year: int | None = None) -> Rules:
    """Load a rules file (YAML, read safely); with no path, the shipped defaults for ``year``.

    The file is checked first: RulesError (RulesFileError when it cannot be read) lists
    every problem by its dotted key, so a typo never silently falls back to nothing.
    """
    notes: list[str] = []
    given = path is not None
    if path is None:
        path, note = default_rules_path(year)
        if note:
            notes.append(note)
    path = Path(path)
    data, problems = check_file(path)
    if problems:
        raise RulesError(problems, str(path))
    if given and year and data.get("year") and int(data["year"]) != int(year):
        # That year's file kept beside this year's (规则2025.yaml beside 规则.yaml) is that year's rules;
        # else this file is used for it (its amounts and quotas may have changed): said, not refused.
        kept = next(((p, d) for p, d, problems in _year_files(path, year) if not problems), None)
        if kept:
            notes.append(f"统计 {year} 年,按同一文件夹中该年度的规则文件 {kept[0].name}(不是 {path.name} 的 {data['year']} 年度规则)")
            path, data = kept
        else:
            notes.append(f"规则文件 {path.name} 是 {data['year']} 年度的,现按它统计 {year} 年;如该年规则有变,请另备一份"
                         f"(如同一文件夹中的 规则{year}.yaml,其中写 year: {year}){_named_for_year(path, year)}")
    if given and path.resolve() != default_rules_path(data.get("year"))[0].resolve():  # the office's own file
        notes += placeholders_left(data)
        data, taken = with_shipped_words(data)
        if taken:
            shown = "、".join(taken[:6]) + (f" 等 {len(taken)} 项" if len(taken) > 6 else "")
            notes.append(f"规则文件 {path.name} 中没有词表 {shown}(多为本版本新增的写法),已按随附的 {data.get('year')} "
                         "年度规则中的词表读取;如要改动,请把该项写入规则文件(不用时写 []),各项见 sqmy rules show")
    return Rules(data=data, source=str(path), notes=notes)


def is_shipped(rules: Rules) -> bool:
    """Whether ``rules`` are the shipped file of their own year, unchanged (not an office's file, not
    rules built in memory)."""
    path, fell_back = default_rules_path(rules.year)
    source = Path(rules.source)
    return fell_back is None and source.is_file() and source.resolve() == path.resolve()


def _year_files(own: Path, year: int) -> list[tuple[Path, Any, list]]:
    """The rules files beside ``own`` whose ``year`` is ``year`` (规则2024.yaml beside 规则.yaml), a
    name with the year in it first: (path, data, problems)."""
    found = []
    for path in sorted(own.parent.iterdir()):
        if path == own or path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        try:
            data, problems = check_file(path)
        except RulesError:
            continue  # not readable as a rules file (offices.yaml, a schedule): not a year's rules
        if isinstance(data, dict) and str(data.get("year")) == str(year):
            found.append((path, data, problems))
    return sorted(found, key=lambda f: (str(year) not in f[0].stem, f[0].name))


def _named_for_year(own: Path, year: int) -> str:
    """The rules files beside ``own`` named for ``year`` (规则2024.yaml) whose ``year`` says another (a copy
    of this year's file kept under last year's name, its ``year:`` not changed), said: ';规则2024.yaml 中写的是
    year: 2025,…'; '' for none. Such a file is not that year's rules, and the note saying none was found
    must name it, not send staff looking for the file they have."""
    said = []
    for path in sorted(own.parent.iterdir()) if own.is_file() else []:
        if path == own or str(year) not in path.stem or path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        try:
            data, _ = check_file(path)
        except RulesError:
            continue
        if isinstance(data, dict) and data.get("year") is not None and str(data.get("year")) != str(year):
            said.append(f";{path.name} 中写的是 year: {data.get('year')},不是{year}年度的规则,未采用"
                        f"(如它是{year}年的规则,请把其中的 year 改为 {year})")
    return "".join(said)


def rules_of_year(rules: Rules, year: int) -> tuple[Rules, str | None]:
    """The rules of another ``year`` for the office whose rules are ``rules`` (what was paid in an
    earlier year is that year's rules' to say): ``rules`` when they are of that year; else a rules
    file of that year beside ``rules``' own file (``规则2024.yaml`` beside ``规则.yaml``: any name, its
    ``year`` says); else the shipped rules of that year (or the nearest, as ``load_rules`` does).

    The note is None when the office's own rules (or the shipped ones, for shipped rules) of that year
    were found; else it says which file stood in for that year, in Chinese."""
    if rules.year is not None and int(rules.year) == int(year):
        return rules, None
    own = Path(rules.source)
    skipped = []
    if own.is_file() and not is_shipped(rules):
        for path, data, problems in _year_files(own, year):
            if not problems:
                return Rules(data=data, source=str(path)), None
            skipped.append(f"{path.name} 有误({problems[0]}),未采用")
    shipped = load_rules(year=year)
    if is_shipped(rules) and not shipped.notes:
        return shipped, None
    where = f"(如与 {own.name} 放在同一文件夹的 规则{year}.yaml)" if own.is_file() else ""
    used = Path(shipped.source)
    note = (f"未找到本单位{year}年度的规则文件{where}" + "".join(f";{s}" for s in skipped) + _named_for_year(own, year)
            + f",{year}年的稿酬按软件自带的{used.stem}年度规则({used.name})计算")
    return shipped, note
