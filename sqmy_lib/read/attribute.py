"""Who an author is: a person or a unit, and the unit an item counts for.

With a roster, the roster decides. Without one, an author is a unit only when a unit word
of the rules marks the name (``民盟县委``, ``城关镇政协工委``); every other name is a person,
whatever its length or punctuation (``阿不都热合曼·买买提``, ``扎西顿珠``, ``欧阳明月``). A
name that ends like a place or an organisation (``城关镇``) but that no word decides is a
person with an ``author.ambiguous`` finding at its cell, never silently re-classed. The same
name written with different dots (``·``/``•``) is one person, and an ``author.variant``
finding says so.

An item with no 单位 of its own counts for its first unit author, else for the sheet's
填报单位 or a roster unit named in the sheet or file name (one sheet or file per unit), or,
without a roster, a sheet named as a unit (民盟县委); else, with a roster that lists its units (单位
sheet), for the unit its 界别 names (a 界别 or 界别组 column: 经济界 is 经济界别组); else (in
``compute.counted``) for its first author's roster unit, as ``person_units`` matches it to the 单位
sheet. Each of these is said where it matters (``unit.from_sector``, ``author.unit_from_roster``,
``author.unit_unlisted``, ``unit.sector_unlisted``).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from ..records import Ledger, Roster
from ..rules import Rules
from ..zh import simplified
from .authors import looks_like_a_person, name_key, names_apart
from .vocabulary import COAUTHOR_LABEL_WORDS


# A sector's group as written: 经济界别组, 经济界别活动组, 经济界组, 经济界别 (中共界界别组: its 界 twice) are 经济界.
_BRANCH_WORDS = re.compile(r"界?(?:界别(?:活动)?组|界别|界(?:活动)?组)$")
# The short forms a unit's name is written with, longest first (县工商业联合会 is 县工商联).
# The parties' full names first (中国国民党革命委员会示例县委员会 is 民革县委); 委会 as 委 (民革县委会).
_SHORT_FORMS = (("中国国民党革命委员会", "民革"), ("中国民主同盟", "民盟"), ("中国民主建国会", "民建"),
                ("中国民主促进会", "民进"), ("中国农工民主党", "农工"), ("农工党", "农工"), ("中国致公党", "致公"),
                ("致公党", "致公"), ("九三学社", "九三"), ("台湾民主自治同盟", "台盟"),
                ("工商业联合会", "工商联"), ("妇女联合会", "妇联"), ("科学技术协会", "科协"),
                ("工作委员会", "工委"), ("委员会", "委"), ("委会", "委"))
# A party's committee at the office's own level (民革县委 in a county) is the party as the office writes it
# alone (民革, 县民革).
_PARTY_AT_LEVEL = re.compile(r"(民革|民盟|民建|民进|农工|致公|九三|台盟)([县市区旗州盟])委")
# A party's branch below a committee is named with the place alone, no level word (九三学社东山支社, 民盟东山总支,
# 民进东山支部, 民建东山基层委员会): the office's own place so written is no part of the unit's name, as 九三学社支社 writes it.
_BRANCH_OF_A_PARTY = "(?=支社|总支|支部|基层委)"
# What may follow a place written short (义乌 of 义乌市) when it is no short form of the office's place: a level word or a
# town's, a street's or a village's (东山镇, 义乌江), a party's branch (东山总支: said by _BRANCH_OF_A_PARTY).
_AFTER_A_SHORT_PLACE = re.compile(r"[县市区旗州盟省镇乡村江湖山]|街道|社区|支社|总支|支部|基层委|$")


_BRACKET_AFTER = re.compile(r"(?<=.)\([^()]*\)$")
# A town's or a street's 政协工委 (城关镇政协工委, 城南街道工委), as its place alone is written for it; its 政协联络组
# (乡镇政协工作联络组, 联络室, 联络处: what a town's one 政协 unit is called before or after it is renamed) likewise.
_TOWN_COMMITTEE = re.compile(r"^(.{1,6}?(?:镇|乡|街道))(?:政协)?(?:(?:联络)?工委|(?:工作)?联络[组室处])$")
# 政协 before one of the office's committees (县政协提案委, its level word already taken off): 提案委.
_COMMITTEE_OF_THE_CPPCC = re.compile(r"^政协(?=.{1,12}委$)")


# A 政协's formal name (政协扶余市委员会) as its short one (扶余市政协); only a place's (政协提案委员会 is a committee).
_FORMAL_CPPCC = re.compile(r"^(?:中国人民政治协商会议|政协)(.{1,15}?[市县区旗州盟])委员会(?=$|政协|办公室)")
# An autonomous county written in full (长阳土家族自治县政协) as its short name is (长阳县政协).
_AUTONOMOUS_COUNTY = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)+自治(县|旗)")


def unit_key(name: str, places: tuple[str, ...] = (), aliases: tuple[tuple[str, str], ...] = ()) -> str:
    """A unit's name as two spellings of one unit share it: ``教育界别组``, ``教育界别活动组``, ``教育界别`` and
    ``教育界`` → ``教育界``; ``民盟示例县委员会``, ``中国民主同盟示例县委员会``, ``民盟县委会``, ``县民盟`` and
    ``民盟县委`` → ``民盟`` (the office's own place name as its level word, 委员会 as 委, 工作委员会 as 工委,
    工商业联合会 as 工商联, a party's full name as its short one, its committee at the office's own level as
    the party); ``县教育局`` and ``教育局`` → ``教育局`` (the office's own level word before a unit's name);
    ``民革青山縣委`` → as ``民革青山县委`` (traditional characters as simplified)."""
    text = simplified("".join(unicodedata.normalize("NFKC", name).split()))  # 民革青山縣委 is 民革青山县委
    text = _BRACKET_AFTER.sub("", text) or text  # 民革县委(王五), 县工商联(总商会): a note after the name
    for place in places:
        if len(place) > 1 and place[-1] in "县市区旗州盟":
            text = text.replace(place, place[-1])
            # 义乌工商联, 义乌佛堂镇 in 义乌市's ledger: its place written short, without its level word, at the start of a
            # unit's name (not a town, street or party branch of that name: 东山镇, 东山总支)
            if len(place) > 2 and text.startswith(place[:-1]) and not _AFTER_A_SHORT_PLACE.match(text, len(place) - 1):
                text = place[-1] + text[len(place) - 1:]
            if text.startswith(place[-1]) and len(text) >= 3:  # 县教育局 and 教育局: the office's own level word
                text = text[1:]
            if len(place) > 2:  # 九三学社东山支社 and 九三学社支社: the place before a party's branch
                text = re.sub(re.escape(place[:-1]) + _BRANCH_OF_A_PARTY, "", text)
    text = _AUTONOMOUS_COUNTY.sub(r"\1\2", _FORMAL_CPPCC.sub(r"\1政协", text))  # 政协长阳土家族自治县委员会 → 长阳县政协
    text = _short_forms(text)
    for written, meant in aliases:  # the rules' other ways of writing a unit's name (社法委, 总商会, 医卫界)
        text = text.replace(written, meant)
    if (m := _PARTY_AT_LEVEL.fullmatch(text)) and any(p[-1:] == m[2] for p in places):
        text = m[1]
    text = _TOWN_COMMITTEE.sub(r"\1", text)  # 城关镇政协工委, 城关镇政协联络组 and 城关镇: the town's one unit
    text = _COMMITTEE_OF_THE_CPPCC.sub("", text)  # 县政协提案委 and 县提案委: the office's own committee
    return _BRANCH_WORDS.sub("界", text)


def _short_forms(text: str) -> str:
    for long, short in _SHORT_FORMS:
        text = text.replace(long, short)
    return text


def unit_aliases(rules: Rules) -> tuple[tuple[str, str], ...]:
    """The rules' ``unit_aliases`` (meant: [written, …]) as ``unit_key`` replaces them, each as its short forms
    are written (社会和法制委员会 as 社会和法制委), the longest written first."""
    pairs = {(_short_forms(simplified(str(w))), _short_forms(simplified(str(meant))))
             for meant, ws in (rules.data.get("unit_aliases") or {}).items() for w in ws or () if w}
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


# What may stand before a unit's place: a party's name (民革云霄县委), 中共 (中共云霄县委宣传部).
# What a unit's name may open with before its place: 中共临江县委统战部; the formal name of a CPPCC committee
# (政协临江县委员会办公室, 中国人民政治协商会议临江县委员会), whose place is 临江县, not 政协临江县.
_BEFORE_A_PLACE = ("中共", "中国", "中国人民政治协商会议", "政协")
# A place's name holds none of these (铜陵镇县道站: a town's, not a county named 铜陵镇).
_NOT_IN_A_COUNTY = re.compile(r"[镇乡村]|街道|社区")


def place_elsewhere(unit: str, own: tuple[str, ...], below: tuple[str, ...], rules: Rules) -> str:
    """The place a unit's name starts with (after a party's name or 中共) written with the level word that ends the
    office's own place (``own``: 县 of 东山县), when it is none of its places nor of the offices ``below`` it:
    ``民革云霄县委``, ``云霄县教育局`` in 东山县政协's ledger → 云霄县, another county's unit; '' for ``民革县委``,
    ``民革东山县委``, ``县教育局``, ``城关镇政协工委``, ``漳州市民革`` (the city's level, not the office's), and for
    ``东山县政协`` in a city's ledger (a county below the city, at another level than the city's own)."""
    text = simplified("".join(unicodedata.normalize("NFKC", unit).split()))
    levels = {p[-1] for p in own if len(p) > 2 and p[-1] in "县区旗市"}
    places = (*own, *below)
    if not levels or not any(level in text for level in levels):
        return ""
    placement = rules.data.get("placement") or {}
    for word in sorted({*(placement.get("party_words") or ()), *_BEFORE_A_PLACE}, key=len, reverse=True):
        if text.startswith(word):
            text = text[len(word):]
            break
    m = re.match(rf"([\u4e00-\u9fff]{{2,8}}?)(?:自治)?[{''.join(sorted(levels))}]", text)
    if m is None or _NOT_IN_A_COUNTY.search(m[0]):
        return ""
    place = m[0]
    look_alike = [str(w) for w in placement.get("not_level_words") or () if w]  # 超市, 社区
    zones = tuple(str(w) for w in rules.data.get("unit_zone_words") or () if w)  # 经济开发区
    own = {f for p in places for f in (p, *short_place_forms(p))}
    # 金华市婺城区 of 金华市婺城区教育局 in 婺城区's ledger, 浙江省义乌市 in 义乌市's: the office's own place, written after its city
    if place in own or place in with_places_above(places, rules) or place.endswith(zones or ("\0",)) \
            or any(w in place for w in look_alike) or any(o.startswith(m[1]) for o in own):
        return ""
    return place


def short_place_forms(name: str) -> list[str]:
    """``name`` and, when it names an autonomous county whose place is written longer than two characters
    (前郭尔罗斯蒙古族自治县政协), the same with the place's first two (前郭县政协): its name as offices write it short."""
    text = simplified("".join(unicodedata.normalize("NFKC", name).split()))
    m = _AUTONOMOUS_COUNTY.match(_FORMAL_CPPCC.sub(r"\1政协", text))
    return [name, m[1][:2] + m[2] + m.string[m.end():]] if m and len(m[1]) > 2 else [name]


def office_places(rules: Rules) -> tuple[str, ...]:
    """The office's place names (``office.place``), which ``unit_key`` takes as level words, each also as its
    units write it after the city and province it lies in (:func:`with_places_above`)."""
    return with_places_above(_as_names((rules.data.get("office") or {}).get("place")), rules)


def with_places_above(places, rules: Rules) -> tuple[str, ...]:
    """``places`` and each as a unit's name writes it after the city and province it lies in (``office.city``,
    ``office.province``): 金华市婺城区 and 浙江省金华市婺城区 of 婺城区 (金华市婺城区教育局, 民进金华市婺城区总支 are
    婺城区's units, as 婺城区教育局 is), 浙江省义乌市 of 义乌市; the longest first, so the whole is read before the
    place inside it."""
    office = rules.data.get("office") or {}
    cities, provinces = _as_names(office.get("city")), _as_names(office.get("province"))
    above = [(c,) for c in cities] + [(p,) for p in provinces] + [(p, c) for p in provinces for c in cities]
    places = tuple(p for p in places if p)
    written = {"".join(a) + place for place in places for a in above if not place.startswith(a[-1])}
    return (*sorted(written - set(places), key=len, reverse=True), *places)


def _as_names(value) -> list[str]:
    """A rules value naming one place or several, as its names (no empty one)."""
    values = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else ()
    return [str(v) for v in values if isinstance(v, str) and v.strip()]


# 青石县政协办公室, 政协青石县委员会: the office's place, as its ledgers name it (填报单位, file names).
# The places it lies in may come first (金华市婺城区政协办公室, 政协金华市婺城区委员会: 婺城区, not 华市婺城区).
_OFFICE_PLACE = re.compile(r"(?:政协)?(?:[\u4e00-\u9fff]{2,6}?[省市州盟])*([\u4e00-\u9fff]{1,4}?[县区市旗])(?:政协|委员会)")


def places_said(ledger: Ledger) -> dict[str, str]:
    """office → the one place name its ledgers give for it (their 填报单位 line, caption or file name:
    青石县 of 填报单位：青石县政协办公室), where the rules may give another: an office reading with the shipped
    rules still sees 青石县教育局 and 县教育局 as two ways of writing one unit. None for an office whose
    ledgers name several places (a city's folder of its counties' ledgers)."""
    return {office: next(iter(places)) for office, places in places_named(ledger).items() if len(places) == 1}


def places_named(ledger: Ledger) -> dict[str, set[str]]:
    """office → every place name its ledgers give for it (``places_said``)."""
    sheets, subs = ledger.sheets, ledger.submissions
    if sheets.empty or subs.empty:
        return {}
    office_of = dict(zip(subs["src"], subs["office"]))
    found: dict[str, set[str]] = {}
    for src, file, filed_by, caption in zip(sheets["src"], sheets["file"], sheets["filed_by"], sheets["caption"]):
        if src not in office_of:
            continue
        texts = (str(filed_by or ""), str(caption or ""), Path(str(file or "")).stem)
        found.setdefault(office_of[src], set()).update(m[1] for t in texts for m in _OFFICE_PLACE.finditer(t) if len(m[1]) >= 2)
    return found


class ListedUnits:
    """The units a roster's 单位 sheet lists, looked up as ``unit_key`` makes two ways of writing a
    unit one (民进示例县委员会 is 民进县委, 经济界 is 经济界别组). Empty (false) without a 单位 sheet."""

    def __init__(self, roster: Roster | None, rules: Rules):
        self.names = set(roster.units["unit"]) - {""} if roster is not None else set()
        self.places = office_places(rules)
        self.aliases = unit_aliases(rules)
        self.by_key: dict[str, set[str]] = {}
        for u in self.names:
            self.by_key.setdefault(unit_key(u, self.places, self.aliases), set()).add(u)

    def __bool__(self) -> bool:
        return bool(self.names)

    def of(self, written: str) -> str:
        """The listed unit ``written`` is, or '' (none, or two listed units share its key)."""
        if not written or written in self.names:
            return written or ""
        found = _listed(self.by_key, written, self.places, self.aliases)
        return next(iter(found)) if len(found) == 1 else ""


def _listed(by_key: dict[str, set[str]], written: str, places: tuple[str, ...], aliases: tuple) -> set[str]:
    """The listed units ``written`` is as ``unit_key`` reads it, or as its short place name (``short_place_forms``:
    前郭尔罗斯蒙古族自治县政协 is 前郭县政协) when it is written so; empty for none."""
    for form in short_place_forms(written):
        if found := by_key.get(unit_key(form, places, aliases), set()):
            return found
    return set()


def person_units(roster: Roster | None, rules: Rules) -> pd.DataFrame:
    """Per roster person (the first row of a name, as ``compute`` takes a person's unit), indexed by
    name: ``unit`` and ``sector`` as the roster writes them, and ``counts_for``, the unit their items
    with no 单位 count for: with a 单位 sheet, their 单位 as it is listed (民进示例县委员会 → 民进县委),
    else the unit their 界别 names (经济界 → 经济界别组), else their 单位 as written (a unit no list
    ranks: said where it matters, ``author.unit_unlisted``); without one, their 单位 as written.
    ``moves``: the units they left (郑七 城关镇政协工委 to 30 April), oldest first, each a tuple of
    (last day there, unit, sector, counts_for, via): ``person_units_on`` takes them for an item's day.
    ``posts``: for a person whose rows (one per role: 委员 of 民进县委, 信息员 of 城关镇政协工委) count for
    two units or more, each row's (terms, unit, sector, counts_for, via); else empty."""
    if roster is None or roster.people.empty:
        return pd.DataFrame(columns=["unit", "sector", "counts_for", "via", "moves", "posts"],
                            index=pd.Index([], name="name"), dtype=object)
    people = roster.people.drop_duplicates("name").set_index("name")[["unit", "sector", "moves"]]
    listed = ListedUnits(roster, rules)
    found = [_counted_unit(listed, u, s) for u, s in zip(people["unit"], people["sector"])]
    moves = np.empty(len(people), dtype=object)
    moves[:] = [tuple((end, u, s, *_counted_unit(listed, u, s)) for u, s, end in m or ()) for m in people["moves"]]
    posts = np.empty(len(people), dtype=object)
    several = _posts(roster.people, listed, office_places(rules), unit_aliases(rules))
    posts[:] = [several.get(name, ()) for name in people.index]
    return people.assign(counts_for=pd.Series([f[0] for f in found], index=people.index, dtype=object),
                         via=pd.Series([f[1] for f in found], index=people.index, dtype=object),
                         moves=pd.Series(moves, index=people.index, dtype=object),
                         posts=pd.Series(posts, index=people.index, dtype=object))


def _posts(people: pd.DataFrame, listed: ListedUnits, places: tuple[str, ...], aliases: tuple) -> dict[str, tuple]:
    """name → each roster row's (terms, unit, sector, counts_for, via) for the people whose rows count for
    two units or more (one written two ways, 民进县委 and 民进示例县委员会, is one)."""
    out: dict[str, tuple] = {}
    for name, rows in people[people["name"].duplicated(keep=False)].groupby("name", sort=False):
        posts = tuple((terms, u, s, *_counted_unit(listed, u, s)) for terms, u, s in zip(rows["terms"], rows["unit"], rows["sector"]))
        if len({unit_key(p[3], places, aliases) for p in posts if p[3]}) > 1:
            out[name] = posts
    return out


def item_days(submissions: pd.DataFrame, items: pd.Series) -> pd.Series:
    """The 报送 day of each item in ``items``, indexed like it (NaT where the item has none)."""
    days = submissions.drop_duplicates("item").set_index("item")["date"]
    return pd.Series(days.reindex(items.to_numpy()).to_numpy(), index=items.index, dtype=days.dtype)


def person_units_on(units: pd.DataFrame, names: pd.Series, days: pd.Series) -> pd.DataFrame:
    """The ``person_units`` row of each name as of each day, indexed like ``names``: the unit the
    person was in that day — a unit they left later (郑七: 城关镇政协工委 through 30 April) for a day up
    to their last there, else their unit now (also when the day is not known). A person in two units
    (one per role, ``posts``) is in the one of the roles they held that day; in both that day (or in
    neither, or on no known day), in none: ``counts_for`` is empty and ``several`` names the units
    (said at the item, ``author.units_several``). A name the roster does not know: a row of NaN."""
    rows = units.reindex(names.to_numpy())
    rows.index = names.index
    fields = ["unit", "sector", "counts_for", "via"]
    values = rows[fields].to_numpy(dtype=object, copy=True)
    several = np.full(len(rows), "", dtype=object)
    posts = rows["posts"] if "posts" in rows else pd.Series(None, index=rows.index, dtype=object)
    for k, (moves, held, day) in enumerate(zip(rows["moves"], posts, days)):
        if isinstance(moves, tuple) and moves and not pd.isna(day):
            then = next((m for m in moves if m[0] and pd.Timestamp(day) <= pd.Timestamp(m[0])), None)
            values[k] = then[1:] if then else values[k]
        if isinstance(held, tuple) and held:
            values[k], several[k] = _post_on(held, day, values[k])
    return rows.assign(**{f: pd.Series(values[:, n], index=rows.index, dtype=object) for n, f in enumerate(fields)},
                       several=pd.Series(several, index=rows.index, dtype=object))


def _post_on(posts: tuple, day, now) -> tuple:
    """(unit, sector, counts_for, via) and the units named when they are several, of a person in two units
    (``posts``) on ``day``: the one unit of the roles held that day (all roles when none was or the day is
    not known), ``now`` when it is that one."""
    held = [p for p in posts if not pd.isna(day) and _in_terms(p[0], pd.Timestamp(day).date())] or list(posts)
    found = list(dict.fromkeys(p[3] for p in held if p[3]))
    if len(found) > 1:
        return np.array(["", "", "", ""], dtype=object), "、".join(found)
    if now[2] in found:
        return now, ""
    return np.array(next(p for p in held if p[3] == found[0])[1:], dtype=object), ""


def _in_terms(terms, day) -> bool:
    """Whether ``day`` falls in one of ``terms`` ((start, end) dates, None open)."""
    return any((s is None or s <= day) and (e is None or day <= e) for s, e in terms or ((None, None),))


def _counted_unit(listed: ListedUnits, unit: str, sector: str) -> tuple[str, str]:
    """(the unit, from which: 单位 or 界别) a person's items with no 单位 count for (``person_units``)."""
    if not listed:
        return unit, "单位"
    if by_unit := listed.of(unit):
        return by_unit, "单位"
    if by_sector := listed.of(sector):
        return by_sector, "界别"
    return unit, "单位"


def attribute(ledger: Ledger, rules: Rules) -> None:
    """Mark unit authors and unit items, fill missing 单位, and report ambiguous names."""
    roster = ledger.roster
    people = {name_key(n) for n in roster.person_names} if roster else set()
    units = {name_key(n) for n in roster.unit_names} if roster else set()
    if roster:
        _roster_people_as_authors(ledger, people, units, rules)
    findings: list[dict] = _authors_by_sheet_name(ledger, people, units, rules)
    findings += _same_names(ledger, _sheet_units(ledger, units, rules), rules) if roster else []
    findings += _roster_spelling(ledger, rules) if roster else []
    findings += _dots_left_out(ledger, people)  # before _variants, which says the ways of writing a ledger shows
    joined = _names_joined(ledger, people, rules)
    _withdraw_spaced(ledger, joined)
    findings += joined
    authors, subs = ledger.authors, ledger.submissions
    if not authors.empty:
        codes, distinct = pd.factorize(authors["name"].to_numpy(), use_na_sentinel=False)
        kinds = np.array([_kind(n, people, units, rules) for n in distinct], dtype=object)
        is_unit = kinds[codes] == "unit"
        authors["is_unit"] = is_unit
        ambiguous = kinds[codes] == "ambiguous"
        if ambiguous.any():
            findings += _at_author_cells(ledger, authors[ambiguous].drop_duplicates(["item", "name"]), "author.ambiguous")
        findings += _variants(ledger, authors[~is_unit])  # a unit written two ways: unit.read_as, not one person
        findings += _traditional_only(ledger, authors[~is_unit], set(roster.person_names) if roster else set())
        findings += _titled(ledger, authors[~is_unit], rules)
        if is_unit.any():  # 九三学社市委参政议政部: the unit
            findings += _departments(ledger, ListedUnits(roster, rules), rules)
        unit_only = pd.Series(is_unit).groupby(authors["item"].to_numpy()).all()
        subs["is_unit_item"] = subs["item"].map(unit_only).eq(True).to_numpy()
        findings += _columns_swapped(ledger, people, units, rules)
    else:
        subs["is_unit_item"] = False
    findings += _cells_against_sheet(ledger, ListedUnits(roster, rules), units, rules) if roster else []
    findings += _filed_by_against_names(ledger, units, rules) if units else []
    findings += _fill_units(ledger, units, rules)
    if not (roster and ListedUnits(roster, rules)):
        findings += _units_as_sectors_written(ledger)
    findings += _sheets_without_unit(ledger, people)
    findings += _office_of_another_level(ledger, rules)
    if roster:
        listed = ListedUnits(roster, rules)
        findings += _units_by_sector(ledger, listed)
        findings += _units_by_roster(ledger, listed, person_units(roster, rules))
        findings += _units_several(ledger, person_units(roster, rules))
    if findings:
        ledger.findings = pd.concat([ledger.findings, pd.DataFrame(findings).reindex(columns=ledger.findings.columns)],
                                    ignore_index=True)


def _roster_people_as_authors(ledger: Ledger, people: set[str], units: set[str], rules: Rules) -> None:
    """刘红委、张三 with 刘红委 a person of the roster: the reader took the name for the item's unit by its
    ending (rules ``unit_name_suffixes``); the roster decides, so it is an author, in its place in the cell,
    no longer the item's unit nor said as one (``author.with_unit``)."""
    named = {p for p in people - units if rules.author_kind(p) == "unit"}
    subs = ledger.submissions
    if not named or subs.empty:
        return
    maybe = subs["author_text"].str.contains("|".join(map(re.escape, named))).to_numpy()
    rows, said = [], {}
    for i in subs.index[maybe]:
        authors = subs.at[i, "authors"]
        for k, part in enumerate(names_apart(subs.at[i, "author_text"])):
            if (name := name_key(part)) in named and name not in authors:
                at = min(k, len(authors))
                authors = (*authors[:at], name, *authors[at:])
                rows.append(dict(item=subs.at[i, "item"], position=at, name=name, written=part, tag="", role=None,
                                 scribe=False, is_unit=False, office=subs.at[i, "office"]))
                said.setdefault((subs.at[i, "src"], subs.at[i, "row"]), set()).add(name)
                subs.at[i, "unit"] = "" if name_key(subs.at[i, "unit"]) == name else subs.at[i, "unit"]
        subs.at[i, "authors"] = authors
    if rows:
        _put_back(ledger, pd.DataFrame(rows), said)


def _put_back(ledger: Ledger, rows: pd.DataFrame, said: dict) -> None:
    """``_roster_people_as_authors``' authors among the others in their places, and the names taken out of
    the ``author.with_unit`` said at their cells (the finding gone when it said no other unit)."""
    authors = ledger.authors
    for item, position in zip(rows["item"], rows["position"]):  # in the order of the cell: each after the last
        later = (authors["item"] == item) & (authors["position"] >= position)
        authors.loc[later, "position"] += 1
    ledger.authors = (pd.concat([authors, rows.astype(authors.dtypes.to_dict())], ignore_index=True)
                      .sort_values(["item", "position"], kind="stable").reset_index(drop=True))
    f = ledger.findings
    at = f.index[f["code"].isin(["author.with_unit", "author.unit_in_brackets"]).to_numpy()]
    details = {i: [u for u in f.at[i, "detail"].split("、") if name_key(u) not in said.get((f.at[i, "src"], f.at[i, "row"]), ())]
               for i in at}
    for i, left in details.items():
        f.at[i, "detail"] = "、".join(left)
    ledger.findings = f.drop(index=[i for i, left in details.items() if not left]).reset_index(drop=True)


def _authors_by_sheet_name(ledger: Ledger, people: set[str], units: set[str], rules: Rules) -> list[dict]:
    """A sheet with no author column named for a person of the roster (one sheet per 委员: ``张三``,
    ``张三2025年``): its items without an author are that person's, said once per sheet
    (``sheet.author_by_name``). Without a roster a sheet's name is not taken for a person's.

    A sheet with neither an author nor a 单位 column whose unit the sheet says (one sheet per unit:
    its 填报单位, a roster unit in its name, without a roster a sheet named as a unit, ``民革县委``):
    its items were filed in that unit's name, as the catalog's own advice says to write them; said
    once per sheet (``sheet.unit_by_name``). Every one of them was author.missing, left out.

    A sheet named for a person whose only author column holds co-authors (序号 | 信息标题 | 合作者 | …):
    the person is the first author of every item on it, the 合作者 cell's names after them; an empty
    cell is the person's item alone (it was read as the authors: the person dropped, solo items
    author.missing)."""
    sheets, subs = ledger.sheets, ledger.submissions
    if subs.empty:
        return []
    rows, findings = [], []
    for src, file, sheet, kind, columns, also, labels, filed_by, caption in zip(
            sheets["src"], sheets["file"], sheets["sheet"], sheets["kind"], sheets["columns"], sheets["also"],
            sheets["labels"], sheets["filed_by"], sheets["caption"]):
        if kind != "submissions" or not isinstance(columns, dict):
            continue
        coauthors = _coauthor_columns_only(columns, also, labels)
        if "author" in columns and not coauthors:
            continue
        name, code = _sheet_author(file, sheet, filed_by, caption, "unit" in columns, people, units, rules)
        mine = _items_by(subs, src, name, code, coauthors)
        if mine is None or not mine.any():
            continue
        _put_first(ledger, mine, name)
        rows += [dict(item=item, position=0, name=name_key(name), written=name, tag="", role=None, scribe=False,
                      is_unit=False, office=office) for item, office in zip(subs.loc[mine, "item"], subs.loc[mine, "office"])]
        findings.append(dict(code=code, src=src, file=file, sheet=sheet, row=None, column="",
                             value=name, detail=str(int(mine.sum()))))
    if rows:
        ledger.authors = (pd.concat([ledger.authors, pd.DataFrame(rows).astype(ledger.authors.dtypes.to_dict())],
                                    ignore_index=True).sort_values(["item", "position"], kind="stable").reset_index(drop=True))
    return findings


def _coauthor_columns_only(columns: dict, also: dict, labels: dict) -> bool:
    """A sheet has author columns and each names the item's other authors (合作者, 第二作者): none its first."""
    if "author" not in columns:
        return False
    cols = [columns["author"], *(c for c, f in (also or {}).items() if f == "author")]
    return all(any(w in str((labels or {}).get(c, "")).rsplit("/", 1)[-1] for w in COAUTHOR_LABEL_WORDS) for c in cols)


def _items_by(subs: pd.DataFrame, src: int, name: str, code: str, coauthors: bool) -> pd.Series | None:
    """The items of sheet ``src`` that are by the author its name gives: those with no author; on a person's
    sheet of co-authors, every one not naming the person already (a sheet named for no one keeps its co-authors
    as the authors read). None for none."""
    if not name or coauthors and code != "sheet.author_by_name":
        return None
    if coauthors:
        return (subs["src"] == src) & ~subs["authors"].map(lambda a: name_key(name) in a)
    return (subs["src"] == src) & (subs["author_text"] == "")


def _put_first(ledger: Ledger, mine: pd.Series, name: str) -> None:
    """``name`` written before the items' authors (``mine``), the authors read one place later."""
    subs = ledger.submissions
    later = ledger.authors["item"].isin(set(subs.loc[mine, "item"])).to_numpy()
    if later.any():
        ledger.authors.loc[later, "position"] += 1
    subs.loc[mine, "author_text"] = [f"{name}、{t}" if t else name for t in subs.loc[mine, "author_text"]]
    subs.loc[mine, "authors"] = pd.Series([(name_key(name), *a) for a in subs.loc[mine, "authors"]],
                                          index=subs.index[mine], dtype=object)


def _sheet_author(file: str, sheet: str, filed_by: str, caption: str, unit_column: bool, people: set[str],
                  units: set[str], rules: Rules) -> tuple[str, str]:
    """The author a sheet with no author column names, and the finding that says so: a roster person
    by its name; else, with no 单位 column either, the sheet's unit (``_sheet_unit``); else none."""
    person = re.split(r"\d{4}\s*年", (sheet or "").strip())[0].strip(" -_—()（）")
    if people and name_key(person) in people:
        return person, "sheet.author_by_name"
    unit = None if unit_column else _sheet_unit(file, sheet, filed_by, units, rules, caption)
    return (unit, "sheet.unit_by_name") if unit else ("", "")


_TOLD_APART = re.compile(r"^(.+?)\((.+)\)$")


def told_apart(roster: Roster) -> set[str]:
    """The names the roster holds twice or more, told apart (王芳 of 王芳(民革) and 王芳(经济界))."""
    return {name_key(m[1]) for n in roster.person_names if (m := _TOLD_APART.match(n))}


def _same_names(ledger: Ledger, by_sheet: dict[int, str | None], rules: Rules) -> list[dict]:
    """A ledger's 陈静 where the roster names two (陈静(教育界), 陈静(农业界): one 姓名 told apart by
    界别 or 单位, or written so by staff): the one whose 界别 or 单位 the item names (its 单位 or 界别
    column, the bracket after the name, or with no 单位 the unit its sheet is kept for, ``by_sheet``:
    农业界别.xlsx is 农业界别组's); said at the cell when none or both fit. Units are compared as
    ``unit_key`` reads them with the office's place and the rules' aliases: 王芳（民进） is the 王芳 of
    民进江州市委 in 江州市政协's roster, as a 单位 cell 民进 would be."""
    places, aliases = office_places(rules), unit_aliases(rules)

    def key(name: str) -> str:
        return unit_key(name, places, aliases)
    people = ledger.roster.people
    groups: dict[str, dict[str, set[str]]] = {}
    moves = people["moves"] if "moves" in people else pd.Series([()] * len(people), index=people.index)
    for full, unit, sector, moved in zip(people["name"], people["unit"], people["sector"], moves):
        if m := _TOLD_APART.match(full):
            words = groups.setdefault(m[1], {}).setdefault(full, set())
            words |= {m[2], key(m[2]), key(unit), key(sector)} - {""}
            # the units they left (张伟(医卫界) of 县卫生和计划生育局 to June, renamed 县卫生健康局): their items there too
            words |= {key(left) for left, _, _ in (moved if isinstance(moved, tuple) else ())} - {""}
    authors = ledger.authors
    if not groups or authors.empty:
        return []
    hit = authors["name"].isin(groups.keys()).to_numpy()
    if not hit.any():
        return []
    subs = ledger.submissions.set_index("item")
    unit = subs["unit"].where(subs["unit"] != "", subs["src"].map(by_sheet)).fillna("")  # 农业界别.xlsx: 农业界别组
    names = authors["name"].to_numpy(dtype=object).copy()
    unresolved = []
    for k in hit.nonzero()[0]:
        item, base = authors["item"].iat[k], names[k]
        # The words written with the name (王芳(经济界), 王芳（民革）) say which first; the item's 单位 or 界别
        # only when they name neither (王芳(经济界) under 单位 民革县委 is the 经济界 王芳).
        own = {*(key(t) for t in str(authors["tag"].iat[k]).split("、")),
               *(key(t) for t in _bracket_after(str(subs.at[item, "author_text"]), base))} - {""}
        fits = [full for full, words in groups[base].items() if words & own]
        if len(fits) != 1:
            said = own | {key(unit.at[item]), key(subs.at[item, "sector"])} - {""}
            fits = [full for full, words in groups[base].items() if words & said]
        if len(fits) == 1:
            names[k] = fits[0]
        else:
            unresolved.append(k)
    authors["name"] = names
    if not unresolved:
        return []
    rows = authors.iloc[unresolved]
    return _at_author_cells(ledger, rows, "author.same_name", ["、".join(groups[n]) for n in rows["name"]])


def _bracket_after(cell: str, name: str) -> list[str]:
    """What an author cell writes in brackets right after ``name`` (王芳(经济界) → [经济界]), split at 、."""
    m = re.search(rf"{re.escape(name)}\s*[(（]([^()（）]+)[)）]", unicodedata.normalize("NFKC", cell)) if name else None
    return m[1].split("、") if m else []


def _roster_spelling(ledger: Ledger, rules: Rules) -> list[dict]:
    """A unit the ledger writes short or long (民盟县委 for the roster's 民盟安平县委员会, 教育界别 for
    教育界别组): counted as the roster writes it when ``unit_key`` makes it one roster unit and no
    other, said once per way of writing (``unit.read_as``); it was a unit of its own, and the roster
    unit sent nothing in the figures and the circular."""
    roster = ledger.roster
    places, aliases = office_places(rules), unit_aliases(rules)
    # With a 单位 sheet, its units are the ones a unit is counted for (a person's 单位 written the long
    # way, 民进示例县委员会, is 民进县委 there too); without one, the people's 单位 and 界别.
    targets = set(roster.units["unit"]) or {u for u in (*roster.people["unit"], *roster.people["sector"]) if u}
    by_key: dict[str, set[str]] = {}
    for u in targets:
        by_key.setdefault(unit_key(u, places, aliases), set()).add(u)
    # The names a 单位 sheet gives a unit before a 机构改革 (原名称: 县卫生和计划生育局 of 县卫生健康局).
    former: dict[str, set[str]] = {}
    for unit, names in zip(roster.units["unit"], roster.units["former"] if "former" in roster.units else ()):
        for name in names if isinstance(names, tuple) else ():
            former.setdefault(name, set()).add(unit)
    spelled, was = {}, {}
    subs, authors = ledger.submissions, ledger.authors
    for written in set(subs["unit"]) | set(authors["name"]):
        if written and written not in targets and len(former.get(written, ())) == 1:
            spelled[written], was[written] = next(iter(former[written])), True
            continue
        found = _listed(by_key, written, places, aliases) if written and written not in targets else set()
        if len(found) == 1:  # not two (教育界别组 and 教育界 both listed): which one, only staff know
            spelled[written] = next(iter(found))
    if not spelled:
        return []
    code = lambda written: "unit.former_name" if was.get(written) else "unit.read_as"
    findings = []
    at_unit = subs["unit"].isin(spelled.keys())
    said = set(subs.loc[at_unit, "unit"])
    if at_unit.any():
        first = subs[at_unit].drop_duplicates("unit")
        column = ledger.column_letter(first["src"], "unit").fillna("")
        findings += [dict(code=code(unit), src=src, file=file, sheet=sheet, row=row, column=col, value=unit,
                          detail=spelled[unit])
                     for src, file, sheet, row, col, unit in zip(first["src"], first["file"], first["sheet"], first["row"],
                                                                 column, first["unit"])]
        subs.loc[at_unit, "unit"] = subs.loc[at_unit, "unit"].map(spelled)
    as_author = authors["name"].isin(spelled.keys())
    if as_author.any():
        first = authors[as_author & ~authors["name"].isin(said)].drop_duplicates("name")  # each way said once
        for written, group in first.groupby(first["name"].map(code), sort=False):
            findings += _at_author_cells(ledger, group, written, [spelled[n] for n in group["name"]])
        authors.loc[as_author, "name"] = authors.loc[as_author, "name"].map(spelled)
    return findings


def _units_by_sector(ledger: Ledger, listed: ListedUnits) -> list[dict]:
    """An item with no 单位 whose 界别 (a 界别 or 界别组 column) names a listed unit (经济界, 经济界别
    组 → 经济界别组) counts for it: said once per way of writing, at its first 界别 cell
    (``unit.from_sector``)."""
    subs = ledger.submissions
    blank = (subs["unit"] == "") & (subs["sector"] != "") if listed and not subs.empty else None
    if blank is None or not blank.any():
        return []
    sectors = subs.loc[blank, "sector"]
    found = sectors.map({s: listed.of(s) for s in set(sectors)})
    found = found[found != ""]
    if found.empty:
        return []
    subs.loc[found.index, "unit"] = found.to_numpy()
    return _at_sector_cells(ledger, subs.loc[found.index].drop_duplicates("sector"), "unit.from_sector", "unit")


def _units_as_sectors_written(ledger: Ledger) -> list[dict]:
    """With no 单位 sheet to place it (no roster, or one of people only): an item with no 单位 whose 界别 is
    written (a 界别 column beside no 单位 column, or its 单位 cell left blank: 经济界, 民盟县委) counts for
    that 界别 as written, as units rank as the items name them; said once per way of writing, at its first
    界别 cell, with how many items took it (``unit.from_sector_written``). It counted for no unit, unsaid:
    a ledger kept by 界别 had no unit figures at all."""
    subs = ledger.submissions
    if subs.empty:
        return []
    blank = (subs["unit"] == "") & (subs["sector"].fillna("") != "")
    if not blank.any():
        return []
    subs.loc[blank, "unit"] = subs.loc[blank, "sector"].to_numpy()
    took = subs[blank]
    first = took.drop_duplicates("sector").assign(n=took["sector"].map(took["sector"].value_counts()).astype(str))
    return _at_sector_cells(ledger, first, "unit.from_sector_written", "n")


def _units_by_roster(ledger: Ledger, listed: ListedUnits, people: pd.DataFrame) -> list[dict]:
    """Items still with no 单位 count (``compute.counted``) for their first person author's
    ``counts_for`` (``person_units``) on the item's day (``person_units_on``). Said where it matters, once per way of writing: the roster
    writes that unit otherwise than its 单位 sheet (``author.unit_from_roster``), or it is no listed
    unit (``author.unit_unlisted``); an item whose 界别 named no listed unit and that counts for none
    (``unit.sector_unlisted``)."""
    subs, authors = ledger.submissions, ledger.authors
    blank = subs[subs["unit"] == ""] if listed and not authors.empty else subs.iloc[0:0]
    if blank.empty:
        return []
    first = authors[~authors["is_unit"]].sort_values("position", kind="stable").drop_duplicates("item")
    first = first[first["item"].isin(blank["item"]) & first["name"].isin(people.index)]
    days = item_days(subs, first["item"])
    first = pd.concat([first.reset_index(drop=True), person_units_on(people, first["name"], days).reset_index(drop=True)],
                      axis=1)
    findings = _roster_unit_findings(ledger, listed, first)
    counted = set(first.loc[first["counts_for"].isin(listed.names), "item"])
    unlisted = blank[(blank["sector"] != "") & ~blank["item"].isin(counted)].drop_duplicates("sector")
    return findings + _at_sector_cells(ledger, unlisted, "unit.sector_unlisted", "sector")


def _units_several(ledger: Ledger, people: pd.DataFrame) -> list[dict]:
    """Items with no 单位 whose first person author the roster lists in two units on the item's day (委员 of
    民进县委 and 信息员 of 城关镇政协工委: ``person_units_on``'s ``several``): which one sent it only staff know,
    so it counts for none (``compute.counted``), said at its author cell (``author.units_several``)."""
    subs, authors = ledger.submissions, ledger.authors
    if authors.empty or not people["posts"].map(bool).any():
        return []
    first = authors[~authors["is_unit"]].sort_values("position", kind="stable").drop_duplicates("item")
    first = first[first["item"].isin(subs.loc[subs["unit"] == "", "item"]) & first["name"].isin(people.index)]
    several = person_units_on(people, first["name"], item_days(subs, first["item"]))["several"]
    first = first[several.fillna("").ne("").to_numpy()]
    return _at_author_cells(ledger, first, "author.units_several", list(several[several.fillna("") != ""]))


def _roster_unit_findings(ledger: Ledger, listed: ListedUnits, first: pd.DataFrame) -> list[dict]:
    """At the author cell of the first item each way of writing a roster unit reaches (``first``: the
    items' first authors with their ``person_units`` row): ``author.unit_from_roster`` when it is
    written otherwise than listed or is the author's 界别, ``author.unit_unlisted`` when no listed unit is it."""
    written = first["unit"].where(first["via"] == "单位", first["sector"])
    first = first.assign(roster_text=written)
    # By the 界别 (吴志强 of 农业界, his 单位 a 合作社 no list ranks) the item counts for a unit its author does
    # not work in: said even when the roster writes the 界别 as listed.
    read_as = first[((first["counts_for"] != written) | (first["via"] != "单位")) & first["counts_for"].isin(listed.names)]
    read_as = read_as.drop_duplicates(["roster_text", "counts_for"])
    unlisted = first[(first["counts_for"] != "") & ~first["counts_for"].isin(listed.names)].drop_duplicates("counts_for")
    out = _at_author_cells(ledger, read_as, "author.unit_from_roster",
                           [f"{via}“{w}”" + (f"(名册单位表中的“{u}”)" if u != w else "")
                            for via, w, u in zip(read_as["via"], read_as["roster_text"], read_as["counts_for"])])
    return out + _at_author_cells(ledger, unlisted, "author.unit_unlisted", list(unlisted["counts_for"]))


def _at_sector_cells(ledger: Ledger, rows: pd.DataFrame, code: str, detail: str) -> list[dict]:
    """A finding per row at its 界别 cell (the 单位 cell, where the 界别 was written in it), the
    row's ``detail`` column its detail."""
    column = ledger.column_letter(rows["src"], "sector").fillna(ledger.column_letter(rows["src"], "unit")).fillna("")
    return [dict(code=code, src=src, file=file, sheet=sheet, row=row, column=col, value=sector, detail=d)
            for src, file, sheet, row, col, sector, d in zip(rows["src"], rows["file"], rows["sheet"], rows["row"],
                                                             column, rows["sector"], rows[detail])]


def _departments(ledger: Ledger, listed: ListedUnits, rules: Rules) -> list[dict]:
    """九三学社市委参政议政部 as an item's author: a unit's department (rules ``authors.department_words``) is
    the unit, as one sent in the unit's name: the item's own 单位 when the name before the word writes it
    (九三学社市委 beside it), else the roster unit it writes (one the 单位 sheet lists, the department not
    listed as a unit of its own). It was a payee no roster lists while the item counted for the unit; said at
    the author cell (``author.department``)."""
    words = sorted({"".join(str(w).split()) for w in (rules.data.get("authors") or {}).get("department_words") or []} - {""},
                   key=len, reverse=True)
    authors = ledger.authors
    maybe = authors["is_unit"].to_numpy() & authors["name"].str.endswith(tuple(words)).to_numpy() if words else []
    if not np.any(maybe):
        return []
    own = ledger.submissions.drop_duplicates("item").set_index("item")["unit"]
    places = office_places(rules)
    found = {}
    for k in np.flatnonzero(maybe):
        name = authors["name"].iat[k]
        base = name[: -len(next(w for w in words if name.endswith(w)))].rstrip(" -—·:：")
        if len(base) >= 2 and name not in listed.names and (unit := _department_of(base, own.get(authors["item"].iat[k], ""),
                                                                                   listed, places)):
            found[k] = unit
    if not found:
        return []
    at = authors.index[list(found)]
    findings = _at_author_cells(ledger, authors.loc[at], "author.department", list(found.values()))
    authors.loc[at, "name"] = list(found.values())
    return findings


def _department_of(base: str, own: str, listed: ListedUnits, places: tuple[str, ...]) -> str:
    """The unit a department is of, ``base`` the name before its word: the item's own 单位 when ``base`` writes it,
    else the listed unit ``base`` writes, else ''."""
    return own if own and unit_key(base, places) == unit_key(own, places) else listed.of(base)


def _columns_swapped(ledger: Ledger, people: set[str], units: set[str], rules: Rules) -> list[dict]:
    """作者 县卫健局 | 单位 钱七: a unit in the author cell and a person's name in the 单位 cell, the two
    columns written the wrong way round. The item is the unit's (it counts for 县卫健局, not for a unit
    called 钱七), and 钱七 is no author: said at the author cell (``author.columns_swapped``)."""
    subs, authors = ledger.submissions, ledger.authors
    unit_items = subs[subs["is_unit_item"] & subs["unit"].str.len().between(2, 4)]
    swapped = unit_items[[name_key(u) in people or not people and looks_like_a_person(u)
                          and _kind(name_key(u), people, units, rules) == "person" for u in unit_items["unit"]]]
    if swapped.empty:
        return []
    first = authors[authors["item"].isin(swapped["item"])].drop_duplicates("item").set_index("item")["written"]
    written = swapped["item"].map(first)
    findings = _at_author_cells(ledger, swapped.assign(written=written.to_numpy()), "author.columns_swapped", list(swapped["unit"]))
    subs.loc[swapped.index, "unit"] = written.to_numpy()
    return findings


def _kind(name: str, people: set[str], units: set[str], rules: Rules) -> str:
    if name in units:
        return "unit"
    if name in people:
        return "person"
    return rules.author_kind(name)


def _author_cells(ledger: Ledger, items: pd.Series) -> pd.DataFrame:
    """The author cell (src, file, sheet, row, column) of each item."""
    subs = ledger.submissions.set_index("item").loc[items, ["src", "file", "sheet", "row"]]
    column = ledger.column_letter(subs["src"], "author")
    return subs.assign(column=column.fillna("").to_numpy())


def _at_author_cells(ledger: Ledger, rows: pd.DataFrame, code: str, detail=None) -> list[dict]:
    where = _author_cells(ledger, rows["item"])
    details = detail if detail is not None else [""] * len(rows)
    return [
        dict(code=code, src=src, file=file, sheet=sheet, row=row, column=col, value=written, detail=d)
        for (src, file, sheet, row, col), written, d in zip(
            where[["src", "file", "sheet", "row", "column"]].itertuples(index=False), rows["written"], details)
    ]


def _dots_left_out(ledger: Ledger, people: set[str]) -> list[dict]:
    """阿依古丽买买提 beside 阿依古丽·买买提 (in the ledgers or the roster): one person whose name's dot was
    left out, counted under the name with it; it was two people. The other way when the roster writes the
    name without its dot (阿不都热合曼, 阿不都 热合曼), or the ledgers write it with a space only (扎西 顿珠 beside
    扎西顿珠): counted under the name as written there. ``_variants`` says each way of writing the ledgers
    show; a name only the roster writes is said here (``author.variant``). Not when two dotted names lose
    their dots alike (which one, only staff know)."""
    authors = ledger.authors
    names = set(authors["name"])
    plain = _one_form(names, people, _written_spaced(authors))
    if not plain:
        return []
    left_out = authors["name"].isin(plain.keys())
    only_roster = authors[left_out & ~authors["name"].map(plain).isin(names)].drop_duplicates("name")
    findings = _at_author_cells(ledger, only_roster, "author.variant", [f"名册中的“{plain[n]}”" for n in only_roster["name"]])
    authors.loc[left_out, "name"] = authors.loc[left_out, "name"].map(plain)
    subs = ledger.submissions
    items = subs["item"].isin(set(authors.loc[left_out, "item"]))
    subs.loc[items, "authors"] = pd.Series([tuple(plain.get(a, a) for a in t) for t in subs.loc[items, "authors"]],
                                           index=subs.index[items], dtype=object)
    return findings


def _one_form(names: set[str], people: set[str], spaced: set[str]) -> dict[str, str]:
    """name → the name it is counted under, for ``_dots_left_out``: the dotted one, or the one without the dot
    when the roster writes it so or the dotted one is written with a space only (``spaced``)."""
    dotted: dict[str, set[str]] = {}
    for name in names | people:
        if "·" in name:
            dotted.setdefault(name.replace("·", ""), set()).add(name)
    out = {}
    for bare, forms in dotted.items():
        name = next(iter(forms))
        if len(forms) == 1 and name not in people and (bare in people or bare in names and name in spaced):
            out.update({name: bare} if name in names else {})
        elif len(forms) == 1 and bare in names and bare not in people:
            out[bare] = name
    return out


def _written_spaced(authors: pd.DataFrame) -> set[str]:
    """The dotted names the ledgers write only with a space for the dot (阿不都 热合曼: read.authors joined it)."""
    rows = authors[authors["name"].str.contains("·", regex=False)]
    with_space = rows["written"].str.contains(" ", regex=False)
    return set(rows.loc[with_space, "name"]) - set(rows.loc[~with_space, "name"])


def _withdraw_spaced(ledger: Ledger, joined: list[dict]) -> None:
    """A cell the reader read as one spaced name (author.name_spaced: 其木格琳 巴特尔刚) whose halves are two
    authors elsewhere is read as two (author.names_joined): the first finding no longer holds."""
    cells = {(f["src"], f["row"], f["column"]) for f in joined}
    f = ledger.findings
    if not cells or f.empty:
        return
    spaced = (f["code"] == "author.name_spaced").to_numpy()
    gone = [i for i in f.index[spaced] if (f.at[i, "src"], f.at[i, "row"], f.at[i, "column"]) in cells]
    ledger.findings = f.drop(index=gone).reset_index(drop=True)


def _names_joined(ledger: Ledger, people: set[str], rules: Rules) -> list[dict]:
    """王伟李娜 where 王伟 and 李娜 are each an author elsewhere in the ledgers (or on the roster) and 王伟李娜
    is no one the roster names: two people whose names were written with nothing between, each an author
    of the item, said once per way of writing (``author.names_joined``); it was one person 王伟李娜."""
    splits = _joined_names(set(ledger.authors["name"]), people, rules)
    if not splits:
        return []
    authors = ledger.authors
    joined = authors["name"].isin(splits.keys()).to_numpy()
    first = authors[joined].drop_duplicates("name")
    findings = _at_author_cells(ledger, first, "author.names_joined", ["”“".join(splits[n]) for n in first["name"]])
    halves = authors[joined].loc[authors.index[joined].repeat(2)]
    names = [half for name in authors.loc[joined, "name"] for half in splits[name]]
    halves = halves.assign(name=names, written=names, order=np.arange(len(halves)) % 2)
    merged = pd.concat([authors[~joined].assign(order=0), halves]).rename_axis("at").sort_values(["at", "order"], kind="stable")
    items = set(authors.loc[joined, "item"])
    again = merged["item"].isin(items).to_numpy()
    merged.loc[again, "position"] = merged[again].groupby("item").cumcount().to_numpy()
    ledger.authors = merged.drop(columns="order").reset_index(drop=True).astype(authors.dtypes.to_dict())
    subs = ledger.submissions
    at = subs["item"].isin(items)
    subs.loc[at, "authors"] = pd.Series([tuple(h for a in t for h in splits.get(a, (a,))) for t in subs.loc[at, "authors"]],
                                        index=subs.index[at], dtype=object)
    return findings


def _joined_names(names: set[str], people: set[str], rules: Rules) -> dict[str, tuple[str, str]]:
    """Each name of four to six characters that splits one way only into two known people's names
    (``王伟李娜`` → 王伟, 李娜), or a dotted one whose two halves are known people (``陈晓峰·刘丽娟``); a unit's
    name, a roster person's or one that splits two ways is none."""
    known = {n for n in names | people if rules.author_kind(n) == "person"}
    splits = {}
    for name in names - people:
        halves = name.split("·")
        if len(halves) == 2 and halves[0] in known and halves[1] in known:
            splits[name] = (halves[0], halves[1])  # 陈晓峰-刘丽娟, 陈晓峰．刘丽娟: read as one dotted name, two known people
        elif 4 <= len(name) <= 6 and name.isalpha() and rules.author_kind(name) == "person":
            ways = [(name[:k], name[k:]) for k in range(2, len(name) - 1) if name[:k] in known and name[k:] in known]
            if len(ways) == 1:
                splits[name] = ways[0]
    return splits


def _variants(ledger: Ledger, authors: pd.DataFrame) -> list[dict]:
    """A name written two ways (阿依古丽·买买提 / 阿依古丽•买买提): each later way, once, at a cell."""
    forms = authors.drop_duplicates(["name", "written"])
    several = forms[forms.duplicated("name", keep=False)]
    if several.empty:
        return []
    first = several.drop_duplicates("name").set_index("name")["written"]
    later = several[several["written"] != several["name"].map(first)]
    return _at_author_cells(ledger, later, "author.variant", [f"“{first[n]}”" for n in later["name"]])


def _traditional_only(ledger: Ledger, authors: pd.DataFrame, listed: set[str]) -> list[dict]:
    """劉明 where no ledger writes 刘明 (a traditional-character input method): the one way the ledgers write
    the name, read as its simplified form (the roster's 刘明, or the name the figures show), said once at its
    first cell (``author.variant``); a name the ledgers write both ways is ``_variants``'s."""
    forms = authors.drop_duplicates(["name", "written"])
    alone = forms[~forms.duplicated("name", keep=False)]
    folded = alone[(alone["written"] != alone["name"]) & (alone["written"].map(simplified) == alone["name"])]
    return _at_author_cells(ledger, folded, "author.variant",
                            [f"名册中的“{n}”" if n in listed else f"“{n}”" for n in folded["name"]])


def _titled(ledger: Ledger, people: pd.DataFrame, rules: Rules) -> list[dict]:
    """A person's name with a post after it (``李四主任`` beside ``李四``): two people to the figures,
    as the tool cannot know; said once, at the first cell of the longer name."""
    titles = sorted({norm for w in rules.data.get("leader_title_words") or [] if (norm := "".join(str(w).split()))},
                    key=len, reverse=True)
    names = set(people["name"])
    base = {}
    for name in names:
        for w in titles:
            if name.endswith(w) and len(name) - len(w) >= 2 and name[: -len(w)] in names:
                base[name] = name[: -len(w)]
                break
    if not base:
        return []
    first = people[people["name"].isin(base.keys())].drop_duplicates("name")
    return _at_author_cells(ledger, first, "author.titled", [base[n] for n in first["name"]])


def _fill_units(ledger: Ledger, units: set[str], rules: Rules) -> list[dict]:
    """Items with no 单位 take their first unit author's (as written, or as the roster writes it when
    ``_roster_spelling`` read it so: 农业界别组 is 农业界), else their sheet's unit (``_sheet_unit``),
    said once per sheet (``sheet.unit_from_name``)."""
    subs, authors = ledger.submissions, ledger.authors
    if subs.empty:
        return []
    missing = subs["unit"] == ""
    if not missing.any():
        return []
    first = authors[authors["is_unit"]].drop_duplicates("item").set_index("item") if not authors.empty else None
    first_unit = (first["written"].where(first["name"] == first["written"].map(name_key), first["name"])
                  if first is not None else pd.Series(dtype=object))
    fill = subs.loc[missing, "item"].map(first_unit).astype(object)
    sheets, by_sheet = ledger.sheets, _sheet_units(ledger, units, rules)
    from_sheet = subs.loc[missing, "src"].map(by_sheet).where(fill.isna())
    fill = fill.fillna(from_sheet)
    subs.loc[missing, "unit"] = fill.fillna("").to_numpy()
    counts = from_sheet.dropna().groupby(subs.loc[missing, "src"]).size()
    where = sheets.set_index("src")
    return _several_unit_authors(ledger, set(subs.loc[missing, "item"]), first_unit) + [
        dict(code="sheet.unit_from_name", src=src, file=where.at[src, "file"], sheet=where.at[src, "sheet"], row=None,
             column="", value=by_sheet[src], detail=str(int(n))) for src, n in counts.items()]


def _cells_against_sheet(ledger: Ledger, listed: ListedUnits, units: set[str], rules: Rules) -> list[dict]:
    """A sheet kept for one listed unit (one sheet or file per 报送单位 or per 界别组: ``_sheet_unit``) whose
    单位 cell writes another unit. A unit the roster's 单位 sheet does not list (县人民医院 on the 医卫界别 sheet:
    the author's own 所在单位) ranks nowhere: the item counts for the sheet's unit, said once per unit and sheet
    at its first cell (``unit.from_sheet_not_cell``). Another listed unit (民盟县委 on the 县工商联 sheet): which
    sent it only staff know; it counts for the 单位 cell as written, said at each such cell
    (``unit.cell_not_sheet``)."""
    subs = ledger.submissions
    if not listed or subs.empty:
        return []
    by_sheet = {src: unit for src, unit in _sheet_units(ledger, units, rules).items() if unit in listed.names}
    if not by_sheet:
        return []
    sheet_unit = subs["src"].map(lambda src: by_sheet.get(src, ""))
    written = subs["unit"]
    apart = (sheet_unit != "") & (written != "") & (written != sheet_unit)
    if not apart.any():
        return []
    cell_unit = written[apart].map(listed.of)
    other = cell_unit.index[(cell_unit != "") & (cell_unit != sheet_unit[apart])]
    unlisted = cell_unit.index[cell_unit == ""]
    column = ledger.column_letter(subs["src"], "unit").fillna("")
    findings = [dict(code="unit.cell_not_sheet", src=subs.at[i, "src"], file=subs.at[i, "file"], sheet=subs.at[i, "sheet"],
                     row=subs.at[i, "row"], column=column[i], value=written[i], detail=sheet_unit[i]) for i in other]
    first = subs.loc[unlisted].drop_duplicates(["src", "unit"]).index
    findings += [dict(code="unit.from_sheet_not_cell", src=subs.at[i, "src"], file=subs.at[i, "file"],
                      sheet=subs.at[i, "sheet"], row=subs.at[i, "row"], column=column[i], value=written[i],
                      detail=sheet_unit[i]) for i in first]
    subs.loc[unlisted, "unit"] = sheet_unit[unlisted].to_numpy()
    return findings


def _filed_by_against_names(ledger: Ledger, units: set[str], rules: Rules) -> list[dict]:
    """A sheet whose 填报单位 line names one listed unit while its sheet, file or folder name names another (民革县委
    2025年报送表.xlsx with 填报单位：民盟县委, a template copied from another unit): its items count for the 填报单位
    (``_sheet_unit``), which of the two sent them only staff know; said once per sheet (``sheet.filed_by_differs``)."""
    out = []
    for src, file, sheet, filed_by, kind in zip(ledger.sheets["src"], ledger.sheets["file"], ledger.sheets["sheet"],
                                                ledger.sheets["filed_by"], ledger.sheets["kind"]):
        if kind != "submissions" or not filed_by or name_key(filed_by) not in units:
            continue
        named = (_listed_unit_named((sheet, Path(file).stem, Path(file).parent.name), units, rules)
                 or _short_sheet_name(sheet, units, office_places(rules)))
        if named and name_key(named) != name_key(filed_by):
            out.append(dict(code="sheet.filed_by_differs", src=src, file=file, sheet=sheet, row=None, column="",
                            value=filed_by, detail=named))
    return out


def _several_unit_authors(ledger: Ledger, filled: set, first_unit: pd.Series) -> list[dict]:
    """An item with no 单位 whose author cell names several units (民革市委、民盟市委, 民革市委、民盟市委联合课题组):
    it counts for the first (``_fill_units``), each unit an author sharing its 稿酬; said at the author cell as a
    单位 cell naming several is (``unit.several``)."""
    authors = ledger.authors
    units = authors[authors["is_unit"] & authors["item"].isin(filled)].drop_duplicates(["item", "name"])
    several = units[units["item"].duplicated(keep=False)]
    if several.empty:
        return []
    written = several.groupby("item", sort=False)["written"].agg("、".join)
    rows = pd.DataFrame({"item": written.index, "written": written.to_numpy()})
    return _at_author_cells(ledger, rows, "unit.several", list(rows["item"].map(first_unit)))


def _sheet_units(ledger: Ledger, units: set[str], rules: Rules) -> dict[int, str | None]:
    """src → the unit each sheet is kept for (``_sheet_unit``), or None."""
    sheets = ledger.sheets
    return {src: _sheet_unit(file, sheet, filed_by, units, rules, caption)
            for src, file, sheet, filed_by, caption in zip(sheets["src"], sheets["file"], sheets["sheet"],
                                                           sheets["filed_by"], sheets["caption"])}


def _office_of_another_level(ledger: Ledger, rules: Rules) -> list[dict]:
    """A ledger whose title names a 政协 of another level than the rules' own office (示例市政协2025年…
    read with a county office's rules, 利川市政协 with no ``relative: {市: own}``): 本级, 市政协 and the
    like would be placed wrongly without a word; said once per office named (``office.other_level``).
    Not when the ledgers are read as a roll-up's offices (each read as its own office), nor for a 政协
    below the office's level reporting to it (``_reports_here``)."""
    subs, sheets = ledger.submissions, ledger.sheets
    if subs.empty or (subs["office"] != "").any():
        return []
    own, name = rules.own_tier, (rules.data.get("office") or {}).get("name") or ""
    out, said = [], set()
    for src, file, sheet, caption in zip(sheets["src"], sheets["file"], sheets["sheet"], sheets["caption"]):
        named = _office_named(caption or "")
        if not named or named in said:
            continue
        tier = rules.place(named).tier
        if _reports_here(tier, caption, file, rules):
            continue
        said.add(named)
        if tier is not None and tier != own:
            out.append(dict(code="office.other_level", src=src, file=file, sheet=sheet, row=None, column="", value=named,
                            detail=f"{tier}单位,而规则文件中的本单位是“{name}”({own})"))
    return out


_YEAR_WORDS = re.compile(r"\d{4}\s*年度?")
_OFFICE_FULL = re.compile(r"政协([\u4e00-\u9fff]{1,12}?)委员会")  # 政协示例县委员会
_OFFICE_SHORT = re.compile(r"([\u4e00-\u9fff]{1,12}?)政协")  # 示例县政协
_NOT_A_PLACE = re.compile(r"^(?:报送|上报|呈报|报|送|向|被|给|往|对|至|到|关于)")  # 报送市政协…, 向市政协报送…: where items went, not whose ledger


_SENT_TO = re.compile(r"(?:报送|上报|呈报|报|送)(?:至|给|到)?([\u4e00-\u9fff]{0,12}?政协)|向([\u4e00-\u9fff]{0,12}?政协)(?:报送|上报|呈报)")


def _reports_here(tier: str | None, caption: str, file: str, rules: Rules) -> bool:
    """Whether a sheet titled after a 政协 of the lower ``tier`` holds what it reported to this office:
    its title says its items went to a 政协 of the office's level (``青山县政协2025年报送市政协…``), or its
    workbook is named after one (a sheet per 县区 in ``江州市政协2025年社情民意信息台账.xlsx``)."""
    own, tiers = rules.own_tier, rules.tiers
    if tier not in tiers or own not in tiers or tiers.index(tier) >= tiers.index(own):
        return False
    said = (_sent_to(caption), _office_named(Path(file).stem))
    return any(name and rules.place(name).tier == own for name in said)


def _sent_to(caption: str) -> str | None:
    """The 政协 a ledger's title says its items went to (市政协 of ``青山县政协2025年报送市政协…``), or None."""
    m = _SENT_TO.search(caption or "")
    return (m[1] or m[2]) if m else None


def _office_named(caption: str) -> str | None:
    """The 政协 a ledger's title opens with (``示例市政协2025年…``; ``政协示例市委员会办公室…`` as
    ``示例市政协``), or None (a title naming where items were sent: ``2025年报送市政协信息登记表``)."""
    text = _YEAR_WORDS.sub(" ", caption).lstrip(" \t:：、,，()（）【】[]《》")
    m = _OFFICE_FULL.match(text) or _OFFICE_SHORT.match(text)
    return f"{m[1]}政协" if m and not _NOT_A_PLACE.search(m[1]) else None


_PARTY_CHANNEL = "民主党派统战"  # the placement channel whose words name the parties (rules placement.channel_words)


def _sheets_without_unit(ledger: Ledger, people: set[str]) -> list[dict]:
    """In a ledger whose other items have units: a sheet with no 单位 column whose items took no unit
    from its name, title, file name or 填报单位 (nor from a unit author), nor have an author the roster
    lists (``people``: the roster decides their unit), said once with how many (``sheet.no_unit``):
    those items count in no unit's figures while the others do. (A ledger where no item has a unit,
    of 委员 only, counts no units at all: nothing to say.)"""
    subs, sheets, authors = ledger.submissions, ledger.sheets, ledger.authors
    if subs.empty or (subs["unit"] == "").all():
        return []
    listed = set(authors.loc[authors["name"].isin(people), "item"]) if people and not authors.empty else set()
    blank = subs.loc[(subs["unit"] == "") & ~subs["item"].isin(listed), "src"].value_counts()
    return [dict(code="sheet.no_unit", src=src, file=file, sheet=sheet, row=None, column="", value=sheet,
                 detail=str(int(blank[src])))
            for src, file, sheet, columns in zip(sheets["src"], sheets["file"], sheets["sheet"], sheets["columns"])
            if src in blank.index and isinstance(columns, dict) and "unit" not in columns]


# Words of a ledger's own name (政协办公室台账, 信息报送登记表): such a name is no unit's.
_LEDGER_WORDS = ("台账", "登记", "统计", "信息", "汇总", "报送", "采用", "表")
_YEAR = re.compile(r"\d{4}\s*年度?")
_IN_BRACKETS = re.compile(r"[(（【\[]([^()（）【】\[\]]+)[)）】\]]")
_LEDGER_WORD = re.compile("|".join(("社情民意", *_LEDGER_WORDS)))


_FILING_PREFIX = re.compile(r"^[A-Za-z0-9]{1,4}\s*[_\-—.、．]\s*")


def _unit_in_name(name: str | None) -> list[str]:
    """Where a sheet or file name may name its unit: in brackets (台账（县卫健局）), before the year
    (民盟县委2025年台账), after it up to the ledger's own words (2025年县卫健局社情民意信息台账)."""
    name = _FILING_PREFIX.sub("", (name or "").strip())  # C_民盟县委2025年台账, 03-县工商联: a filing mark first
    parts = [m.strip() for m in _IN_BRACKETS.findall(name)]
    outside = _IN_BRACKETS.sub(" ", name)
    parts.append(_YEAR.split(outside, 1)[0].strip(" -_—"))
    if (year := _YEAR.search(outside)) is not None:
        parts.append(_LEDGER_WORD.split(outside[year.end():], 1)[0].strip(" -_—"))
    return parts


def _sheet_unit(file: str, sheet: str, filed_by: str, units: set[str], rules: Rules, caption: str = "") -> str | None:
    """The unit a sheet without a 单位 column belongs to (one file or one sheet per unit): its
    填报单位, else a roster unit named in the sheet name, its title above the header, then the file
    name, then its folder's (民盟县委/2025年.xlsx). Without a roster: the 填报单位, else a sheet, title or file named as a unit is (民盟县委: a
    unit word of the rules, the test authors pass), the name before a year counting (民盟县委2025年台账,
    九三学社县委2025年社情民意信息报送情况); a name that is the office itself (…政协办公室, 信息科) is not a unit."""
    names = (sheet, caption, Path(file).stem, Path(file).parent.name)  # the folder last: 民盟县委/2025年.xlsx
    if units:
        if name_key(filed_by) in units:
            return filed_by
        return _listed_unit_named(names, units, rules) or _short_sheet_name(sheet, units, office_places(rules))
    office = rules.data.get("office", {})
    own = lambda name: name in (office.get("name"), office.get("full_name")) or name.endswith(("办公室", "信息科", "政协"))
    if filed_by:
        return None if own(filed_by) else filed_by
    found = [name for whole in names for name in _unit_in_name(whole) if not own(name) and _names_a_unit(name, rules)]
    # A sheet 民盟 of 民盟县委2025年报送表: the unit written in full where another name writes it whole.
    return max((n for n in found if found[0] in n), key=len) if found else None


def _listed_unit_named(names: tuple[str, ...], units: set[str], rules: Rules) -> str | None:
    """The roster unit the first of ``names`` (sheet, title, file, folder) that names one names: written
    whole in it (民盟县委2025年台账), else written as a 单位 cell would write it (民革, 民革市委会 for
    民革江州市委会, as ``unit_key`` reads them) before or after its year (2025年民革社情民意…), when
    that is one listed unit (not 民革界 beside it: its key is another)."""
    by_length = sorted(units, key=len, reverse=True)
    places, aliases = office_places(rules), unit_aliases(rules)
    by_key: dict[str, set[str]] = {}
    for u in units:
        by_key.setdefault(unit_key(u, places, aliases), set()).add(u)
    for name in names:
        whole = next((u for u in by_length if u and u in name), None)
        keyed = [_listed(by_key, part, places, aliases) for part in _unit_in_name(name) if part]
        if found := whole or next((next(iter(k)) for k in keyed if len(k) == 1), None):
            return found
    return None


# A list number before a sheet's name (1.青山县, 一、东湖区, (2)白沙县, ①市直) and the marks between its parts
# (县区-青山县, 青山县_2025): the unit is one of the parts.
_LIST_NUMBER = re.compile(r"^\s*(?:[(（]?[0-9一二三四五六七八九十]{1,3}[)）]|[0-9一二三四五六七八九十]{1,3}\s*[.、．]|[①-⑳])")
_PART_MARKS = re.compile(r"[-_—－.、．·\s]+")
_COMMITTEE_END = re.compile(r"(?:政协)?委员会$")  # 青山县委员会: the county's 政协 as its full name ends


def _short_sheet_name(sheet: str, units: set[str], own: tuple[str, ...] = ()) -> str | None:
    """The one roster unit a sheet's short name writes in part, its characters in order (民盟 is 民盟县委, 城关
    is 城关镇政协工委, 经济组 is 经济界别组: a sheet per unit as staff name their tabs); None when no unit or
    several (教育: 县教育局 and 教育界别组) are written so. The name's parts are tried each (``_name_parts``:
    青山县 of 1.青山县, 青山县（县区）, 县区-青山县, 青山县报送): the unit when the parts that write one
    write the same one. The office's own place (``own``: 青山县 in 青山县政协's 青山县2025年, 1.青山县) writes
    the office, no unit of it (not 青山县工商联, whose name it starts)."""
    whole = re.sub(r"\d{2,4}\s*年度?|[\s\d_()（）-]+", "", sheet or "")
    if len(whole) >= 2 and whole not in own and len(written := _written_in_order(whole, units)) == 1:
        return written.pop()
    found: set[str] = set()
    for part in _name_parts(sheet):
        if part in own:
            continue
        written = _written_in_order(part, units)
        if len(written) > 1:
            return None
        found |= written
    return found.pop() if len(found) == 1 else None


def _written_in_order(part: str, units: set[str]) -> set[str]:
    """The units that have ``part``'s characters in order (民盟 in 民盟县委)."""
    pattern = re.compile(".*?".join(map(re.escape, part)))
    return {u for u in units if pattern.search(u)}


def _name_parts(sheet: str) -> list[str]:
    """A sheet's name in the parts that may write a unit: the list number left out, each part in or out of
    brackets and between marks, up to the ledger's own words (青山县报送, 青山县信息台账) or a 委员会 ending,
    without years and digits; parts of fewer than two characters are none."""
    name = _LIST_NUMBER.sub("", sheet or "")
    pieces = [*_IN_BRACKETS.findall(name), _IN_BRACKETS.sub(" ", name)]
    parts = []
    for piece in pieces:
        for part in _PART_MARKS.split(re.sub(r"\d{2,4}\s*年度?|[()（）]", " ", piece)):
            part = _COMMITTEE_END.sub("", _LEDGER_WORD.split(part, 1)[0])
            part = re.sub(r"\d+", "", part)
            if len(part) >= 2:
                parts.append(part)
    return parts


def _names_a_unit(name: str, rules: Rules) -> bool:
    """Whether a sheet's, title's or file's name names one unit (民盟县委); not a kind of unit (界别,
    各工委: the items of several units), nor a ledger's own words. A party's short name (民革, 九三: the
    rules' words for the parties' channel) names one unit: a sheet per party."""
    parties = set(((rules.data.get("placement") or {}).get("channel_words") or {}).get(_PARTY_CHANNEL) or ())
    kinds = set(rules.data.get("unit_name_words") or ()) - parties
    return (bool(name) and not any(ch.isdigit() for ch in name) and name not in kinds
            and not any(w in name for w in _LEDGER_WORDS) and not name.startswith("各") and rules.author_kind(name) == "unit")
