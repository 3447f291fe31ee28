"""The Rules object: a validated view of one rules file, with the lookups the library needs."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .check import RulesError, check_file

# Package data, found the same way in every install mode (a checkout, editable, normal, --user, wheel).
DEFAULTS_DIR = Path(str(resources.files("sqmy_lib.rules") / "defaults"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


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


@dataclass
class Rules:
    """One year's rules. ``data`` is the parsed file; the methods are the lookups code needs."""

    data: dict[str, Any]
    source: str = "<默认规则>"
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        d = self.data
        self.tiers: list[str] = list(d["tiers"])
        self.own_tier: str = d["office"]["own_tier"]
        # Highest tier first: "市政协转报省政协" is placed by its highest body.
        self._tier_words = [(tier, [_norm(w) for w in d["tier_words"].get(tier, [])]) for tier in reversed(self.tiers)]
        # A tier's own name ("省级", "全国") places a body too, as in a 采用层级 column.
        self._tier_words = [(tier, [*words, _norm(tier)]) for tier, words in self._tier_words]
        self._own_words = [_norm(w) for w in d.get("own_tier_words", [])]
        self._unit_words = [_norm(w) for w in d.get("unit_name_words", [])]
        self._tier_cache: dict[str, str | None] = {}
        self.leader_levels: list[str] = list(d["leader_levels"])
        self._leader_words = [
            (lvl, [_norm(w) for w in d["leader_words"].get(lvl, [])]) for lvl in reversed(self.leader_levels)
        ]
        self._categories: dict[str, str] = {}
        for name, aliases in (d.get("categories") or {}).items():
            for alias in [name, *(aliases or [])]:
                self._categories[_norm(alias)] = name
        self._roles: dict[str, str] = {}
        for name, aliases in (d.get("roles") or {}).items():
            for alias in [name, *(aliases or [])]:
                self._roles[_norm(alias)] = name

    @property
    def version(self) -> str:
        return str(self.data.get("version", ""))

    @property
    def year(self) -> int | None:
        return self.data.get("year")

    @property
    def categories(self) -> list[str]:
        return list((self.data.get("categories") or {}).keys())

    @property
    def roles(self) -> list[str]:
        return list((self.data.get("roles") or {}).keys())

    @property
    def unit_types(self) -> list[str]:
        return list((self.data.get("peer_groups") or {}).keys())

    def tier_of(self, body: str) -> str | None:
        """The tier a body name maps to, highest first; None when no word places it."""
        try:
            return self._tier_cache[body]
        except KeyError:
            tier = self._tier_cache[body] = self._place(body)
            return tier

    def _place(self, body: str) -> str | None:
        text = _norm(body)
        for tier, words in self._tier_words:
            if any(w in text for w in words):
                return tier
        if any(w in text for w in self._own_words):
            return self.own_tier
        return None

    def for_level(self, level: str) -> "Rules":
        """These rules for an office of another level: its own bulletin (本级编发) is placed at ``level``."""
        if level == self.own_tier:
            return self
        # One object per level: offices of a level share it (pickled once per file, one counted cache).
        cache = self.__dict__.setdefault("_for_level", {})
        if level not in cache:
            data = {**self.data, "office": {**self.data["office"], "own_tier": level}}
            cache[level] = Rules(data=data, source=self.source, notes=list(self.notes))
        return cache[level]

    def tier_rank(self, tier: str | None) -> int:
        """0 for the lowest tier upward; -1 for None."""
        return self.tiers.index(tier) if tier in self.tiers else -1

    def leader_level_of(self, text: str) -> str | None:
        """The level of a leader named in an instruction (国家级/省级/市级/县级), or None."""
        t = _norm(text)
        for lvl, words in self._leader_words:
            if any(w in t for w in words):
                return lvl
        return None

    def looks_like_unit(self, name: str) -> bool:
        """Whether an author name reads as a unit (民盟县委) rather than a person, absent a roster."""
        t = _norm(name)
        return len(t) > 5 or any(w in t for w in self._unit_words)

    def category_of(self, text: str) -> str | None:
        """Canonical category for a 类别 value (aliases allowed), or None when unknown."""
        return self._categories.get(_norm(text))

    @property
    def role_aliases(self) -> list[str]:
        """Every way the rules let a role be written (委员, 政协委员, 特约信息员 …)."""
        return list(self._roles)

    def role_of(self, text: str) -> str | None:
        """Canonical role (委员/特邀信息员/信息员) for a role tag, or None."""
        return self._roles.get(_norm(text))


def load_rules(path: str | Path | None = None, year: int | None = None) -> Rules:
    """Load a rules file (YAML, read safely); with no path, the shipped defaults for ``year``.

    The file is checked first: RulesError (RulesFileError when it cannot be read) lists
    every problem by its dotted key, so a typo never silently falls back to nothing.
    """
    notes: list[str] = []
    if path is None:
        path, note = default_rules_path(year)
        if note:
            notes.append(note)
    path = Path(path)
    data, problems = check_file(path)
    if problems:
        raise RulesError(problems, str(path))
    return Rules(data=data, source=str(path), notes=notes)
