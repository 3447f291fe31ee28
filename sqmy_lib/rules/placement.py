"""Where a body (or a leader) stands: its tier and its channel, from the words of its name.

Offices write an adopting body every way there is: ``省政协``, ``宁夏回族自治区政协``,
``北京市西城区政协``, ``省政协信息专报``, ``市委办《每日要情》``, ``XX市人民政府办公室``,
``民盟省委``, ``转送县民政局``. The rules (``placement:`` in the rules file, all office-set)
give the words; this module reads a name with them, in one order that is easy to state:

1. Bulletin titles (``《…》``) and product names (``信息专报``, ``每日要情``) are set aside, and
   so are party names (``民盟``) and words that only look like a level (``市场``, ``社区``).
2. The office's own place names come first (``利川市`` for 利川市's own office: its own tier),
   then the city and province it belongs to.
3. Otherwise the LAST level word left in the name decides: ``北京市西城区政协`` is a district's
   (县级), ``省政协信息专报`` the province's. A level word at the very start of the name, with
   no place before it (``市政协``), means what it means to this office (``relative:``): for a
   county-level city's office ``市`` is its own tier, for a district of a 直辖市 it is 省级.
4. With no level word at all, a product that names a tier (``政协信息专报`` → 全国) or one of
   the office's own words (``本级``, ``编发``, ``社情民意``) places it; else it is unplaced, and
   the caller reports it: never a guess.

The channel does not depend on the order the rules list the channels in (a file re-saved with its
keys sorted means the same). The most specific word decides:

1. A party's name (``party_words``) makes a name that party's, whatever organ follows it
   (``民盟市委`` is 民盟's 市委, not the Party's): the channel that lists the party names wins
   with any of its words (``市委统战部``: the 统战部's own line, domain.md §8).
2. Otherwise the word that starts first names the owner (``市委办公室``: 市委's; ``省政协办公厅``:
   the 政协's; ``XX市人民政府办公室``: the 政府's); of words starting together the longest, and a
   word inside a longer one found (``委`` in ``市委``) does not count.
3. Two channels still tied (the same word listed under both) give no channel, as a name with no
   channel word has none.
4. A name with no channel that says a level and nothing else (``市级``, ``省里采用``, ``示例市``) is
   the office's own line (``default_channel``); one that names an owner no channel lists (``市日报``,
   ``县电视台``, ``市总工会``) keeps no channel: its adoption counts for nothing and is said.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from ..zh import simplified

OWN = "own"
# How a rule names a tier left open (``relative: {市: null}``: an office below not known to be a county-level city).
_SAID = {None: "未定层级(本单位是否县级市不明)"}
_DIGITS = re.compile(r"\d+")
# A bulletin's title as written in a body's name (《社情民意》, 〈每日要情〉): set aside wherever a name is read.
BULLETIN_TITLES = re.compile(r"《[^》]*》|〈[^〉]*〉|<<[^>]*>>")


def norm_name(text: str) -> str:
    """A name as placed: NFKC, no white space, traditional characters as simplified (市政協 is 市政协)."""
    return simplified("".join(unicodedata.normalize("NFKC", str(text)).split()))


def bulletin_of(office: dict) -> str:
    """The name of the office's own bulletin its rules give (``office.bulletin``: 建言参考, written with or
    without 《》), as a name is placed; '' when they give none."""
    value = (office or {}).get("bulletin")
    return norm_name(value).strip("《》〈〉<>") if isinstance(value, str) else ""


@dataclass(frozen=True)
class Placed:
    """What the rules make of a name: tier (or None), channel (or None), routing product, and why."""

    tier: str | None
    channel: str | None
    routing: str = ""
    rule: str = ""
    by_level: bool = False  # placed by a level word or place name it contains (县政协编发), not a product
    # placed only as one of the office's own products (专报, 《信息专报》): no level, place or bulletin of
    # a tier names the body, so under a body's column it is that body's product
    by_product: bool = False
    # not placed for want of knowing whether a 市 (扶余市政协) is a county-level city below the office or another city
    city_unclear: bool = False
    # not placed: a level word at the start (区政协, 市长) that ends none of the office's places at its tier
    # (区政协 in a 旗 of 内蒙古自治区: the 自治区's or a district's; 市政协 in a county-level city), not in ``relative``
    level_unclear: bool = False
    # placed by the office's own reading of a level word at the start (``relative``: 市政协 in 义乌市's ledger is its own)
    relative: bool = False


class Placement:
    """The placement rules of one office, compiled once (see the module docstring)."""

    def __init__(self, data: dict, tiers: list[str], own_tier: str, office: dict, not_places: tuple[str, ...] = ()):
        p = data
        self.tiers = tiers
        self.own_tier = own_tier
        self.level_words = [(w, tier) for tier, ws in (p.get("level_words") or {}).items() for w in ws]
        # Longest first, so 自治区 is seen before 区 and 北京市 before 市.
        self.level_words.sort(key=lambda x: -len(x[0]))
        self.not_level = sorted(p.get("not_level_words") or [], key=len, reverse=True)
        self.products = sorted((p.get("product_words") or {}).items(), key=lambda x: -len(x[0]))
        self.own_words = list(p.get("own_words") or [])
        # The office's bulletin by its own name (office.bulletin: 建言参考) is its own, as 社情民意 is.
        if (bulletin := bulletin_of(office)) and bulletin not in self.own_words:
            self.own_words.append(bulletin)
        self.channels = [(name, list(ws or [])) for name, ws in (p.get("channel_words") or {}).items()]
        self.media_words = list(filter(None, p.get("media_words") or ()))  # an empty word would be in every name
        self.routing = [(name, spec.get("words") or [name], spec.get("channel")) for name, spec in (p.get("routing") or {}).items()]
        self.party_words = sorted(p.get("party_words") or [], key=len, reverse=True)
        self.default_channel = p.get("default_channel")
        self.relative = dict(office.get("relative") or {})
        # The office's own place names, then its city's and province's: (word, tier), longest first.
        places: dict[str, set[str]] = {}
        # ``city`` is the 市级 place (州, 盟, 地区) and ``province`` the 省级 one (自治区, 直辖市) whatever the
        # office's own tier: a city office's province is 省级, not two tiers above it (全国).
        for key, tier in (("place", own_tier), ("city", _absolute(tiers, own_tier, 1)), ("province", _absolute(tiers, own_tier, 2))):
            for name in _as_list(office.get(key)):
                for word in _place_forms(norm_name(name)) if tier else []:
                    places.setdefault(word, set()).add(tier)
        self.below = self._below(office, places)
        # The office's place names with their tiers: a level word at the start of a name (区政协, 市长) of the
        # office's own tier or its city's that ends none of them is not known to mean either.
        self._all_places = _office_places(office, tiers, own_tier)
        self._start_places = {tier for _, tier in self._all_places} & {own_tier, _absolute(tiers, own_tier, 1)}
        self._own_names = frozenset(name for name, _ in self._all_places)
        # A short form two places share (示例 of 示例县 and 示例市) places nothing.
        self.places = sorted(((w, next(iter(t))) for w, t in places.items() if len(t) == 1), key=lambda x: -len(x[0]))
        self.title_prefixes = sorted(p.get("title_prefixes") or [], key=len, reverse=True)
        self._place_level = self._levels_of_places(office)
        # What is no place's name before a level word (报送市政协, 被市政协采用: the marks' words, the verbs).
        self.not_places = tuple(w for w in (*not_places, *ADOPTION_VERBS, *_NOT_IN_A_PLACE) if w)
        # What may stand before a level word that still has no place before it (被市政协采用, 经市政协编发,
        # 报送市政协, 本市政协编发, 我市): the office means its own 市 there, as in 市政协 (``relative``).
        self._no_place = re.compile("(?:%s)*" % "|".join(
            map(re.escape, sorted({*self.not_places, *_OWN_PLACE}, key=len, reverse=True))))
        self._memo = lru_cache(maxsize=1 << 14)(self._place)
        self.organ_key = lru_cache(maxsize=1 << 12)(self._organ_key)

    def _below(self, office: dict, places: dict[str, set[str]]) -> set[str]:
        """The places of the offices below (``office.below``, and the roster's 县区政协 a reading adds) whose own
        level word says the office's tier or above (扶余市 under 松原市: a county-level city), added to
        ``places`` at the tier below the office's: 扶余市政协编发 is a county's bulletin, not the office's own."""
        rank = self.tiers.index(self.own_tier) if self.own_tier in self.tiers else 0
        words: set[str] = set()
        for name in map(norm_name, _as_list(office.get("below")) if rank > 0 else []):
            tier = next((t for w, t in self.level_words if name.endswith(w)), None)
            if tier not in self.tiers or self.tiers.index(tier) < rank:  # 宁江区: its 区 says so already
                continue
            for word in _place_forms(name):
                places.setdefault(word, set()).add(self.tiers[rank - 1])
                words.add(word)
        return words

    def place(self, name: str) -> Placed:
        """Tier, channel, routing and the rule for a name. Digits never place a body (第12期,
        2025年), so names that differ only in them share one answer."""
        return self._memo(_DIGITS.sub("0", name))

    def _levels_of_places(self, office: dict) -> dict[str, str]:
        """Each form of the office's place names and the level word that ends it (江州市, 江州 → 市; 青山县 → 县):
        the organ named without its place (市政协) is the same."""
        levels: dict[str, str] = {}
        for name in (n for key in ("place", "city", "province") for n in _as_list(office.get(key))):
            level = next((w for w, _ in self.level_words if norm_name(name).endswith(w)), "")
            for word in _place_forms(norm_name(name)):
                levels.setdefault(word, level)
        return levels

    def _organ_key(self, body: str) -> str:
        """A body as two records of one adoption name it (:func:`same_organ_key`), the office's own place
        names before it written as their level word (江州市政协, 江州政协 → 市政协; 青山县政协 → 县政协) when the
        rules place both names alike: one adoption written 市政协 in one row and 江州市政协 in another."""
        key = same_organ_key(body)
        rest, level = key, ""
        while word := next((w for w, _ in self.places if rest.startswith(w) and len(rest) > len(w)), None):
            rest, level = rest[len(word):], self._place_level.get(word, "")
        if not level or level + rest == key:
            return key
        short, whole = self.place(level + rest), self.place(key)
        return level + rest if (short.tier, short.channel) == (whole.tier, whole.channel) and short.tier else key

    # -- placing

    def _place(self, name: str) -> Placed:
        placed = self._placed(name)
        if placed.tier is not None and placed.channel is None and self._level_alone(name):  # 市级, 省里采用
            return replace(placed, channel=self.default_channel)
        return placed

    def says_level_only(self, name: str) -> bool:
        """Whether a body names a level and no organ (市级采用, 区市省三级采用's 省级): the office's own line
        at that level, which a record naming the organ (江州市政协) may be the same adoption of."""
        return bool(name) and self.place(name).tier is not None and self._level_alone(name)

    def _level_alone(self, name: str) -> bool:
        """Whether a name says a level and nothing of whose it is (``市级``, ``省里采用``, ``示例市``,
        ``市级《社情民意》第5期``): the office's own line (``default_channel``). ``市日报``, ``县电视台``,
        ``市总工会`` name an owner no channel lists: no channel, said where the record is checked."""
        text = self._core(organ_name(name))
        for word, _ in (*self.places, *self.level_words):  # 示例市 before 市
            text = text.replace(word, "")
        return not _FILLER_OR_VERB.sub("", text)

    def _placed(self, name: str) -> Placed:
        text = norm_name(name)
        if not text:
            return Placed(None, None, "", "")
        channel = self.channel_of(text)
        routing, routing_channel = self._routing(text)
        core = self._core(text)
        found = self._last_level(core)
        place = self._last_place(core)
        # The place or level word that ends last is the most specific (湖北省宜昌市政协: 宜昌市, not 湖北省;
        # 北京市东城区政协: 区); a level word inside the place name itself (利川市委) is the place's.
        # A place below the office, or the office's own, written before a post of its own (临江市市长钱某某, 扶余市副市长;
        # 利川市市长 in 利川市's ledger, 北京市市长 in a district's) is that place's: the level word right after it is the
        # place's, as the 市 of 临江市委 is.
        # The office's own place counts only written whole (利川市, 北京市): 吉林市 in 吉林省 is another city, not 吉林's 市.
        own_post = (place is not None and found is not None
                    and (place[1] in self.below or place[1] in self._own_names)
                    and (_DEPUTY.fullmatch(core[place[0]:found[2]]) is not None  # (place ends where the post starts)
                         # 义乌市委常委、副市长, 义乌市委、市政府 in 义乌市's ledger: the next post or organ of the same place's
                         # level, after a 、, is that place's (its 市 is 义乌's, not 金华's)
                         or place[1].endswith(found[0])
                         and _POST_OF_THE_SAME_PLACE.fullmatch(core[place[0]:found[2]]) is not None))
        if place is not None and (found is None or place[0] >= found[2] + len(found[0]) or own_post):
            _, word, tier = place
            said = f"下级单位所在地名“{word}”" if word in self.below else f"本单位所在地名“{word}”"
            return Placed(tier, routing_channel or channel, routing if tier == self.own_tier else "", said, True)
        if found is not None:
            word, tier, at = found
            rule = f"层级词“{word}”"
            by_relative = False
            # At the very start (市政协), or only that word throughout and first (市委常委、常务副市长刘某某).
            # 市级 (市级领导) is read as its 市 is: in a 直辖市's district both are the province's.
            relative = word if word in self.relative else word[:-1] if word.endswith("级") else ""
            if relative in self.relative and (at == 0 or (core.lstrip().startswith(word)
                                                          and self._last_level(core.replace(word, " ")) is None)):
                tier = self._resolve(self.relative[relative])
                rule = f"名称开头的“{word}”按本单位理解为{_SAID.get(tier, tier)}"
                by_relative = tier is not None
            elif at == 0 and (unclear := self._start_unclear(word, tier)):
                return Placed(None, channel, "", unclear, True, level_unclear=True)
            elif tier == self.own_tier and (other := self._other_place(text)):
                return Placed(None, channel, "", f"“{other}”不是本单位所在地,是本单位下级的县级市还是另一个{word}不明", True,
                              city_unclear=True)
            # The office's own 专报/转报/转送 (县政协转送) go by their routing's channel, as alone.
            own = routing if tier == self.own_tier else ""
            return Placed(tier, (routing_channel or channel) if own else channel, own, rule, True,
                          relative=by_relative)
        for word, tier in self.products:
            if word in text and tier is not None:
                tier = self._resolve(tier)
                return Placed(tier, channel or "政协", routing if tier == self.own_tier else "", f"刊物名“{word}”")
        if routing:
            return Placed(self.own_tier, routing_channel or channel, routing, f"本单位的{routing}", by_product=True)
        for word in self.own_words:
            if word in text:
                return Placed(self.own_tier, channel or "政协", "", f"本级用语“{word}”")
        return Placed(None, channel, routing, "")

    def _start_unclear(self, word: str, tier: str) -> str:
        """Why a level word at the start of a name (no place before it, none in ``relative``) is not known to be
        ``tier``: the office names a place at that tier and the word ends none of them, or it ends one of the
        office's places at another tier (区 for a 旗 in 内蒙古自治区, 市 for 利川市 or 滕州市 under 枣庄市); '' when
        it is (市 for 青山县 in 江州市, 州 in 恩施州, 区 for 西城区). A place's own name (北京市) and 县级 are no such word."""
        base = word[:-1] if word.endswith("级") and word not in self.tiers else word
        if tier not in self._start_places or base not in _PLACE_SUFFIXES:
            return ""
        ends = {t for name, t in self._all_places if _ends_in_level(name, base)}
        # A word of the office's own level that ends none of its places (县政协 in a 区's ledger) is its own, as
        # before; one ending a place at another level (区 of 内蒙古自治区, for a 旗) is not known.
        if ends == {tier} or (tier == self.own_tier and not ends):
            return ""
        names = "、".join(n for n, _ in self._all_places)
        return f"名称开头的“{word}”不是本单位所在地({names})在{tier}的层级用词,是哪一级不明(可在规则文件 office.relative 中写明)"

    def _resolve(self, tier: str) -> str | None:
        return self.own_tier if tier == OWN else tier if tier in self.tiers else None

    def _other_place(self, text: str) -> str:
        """The place (扶余市) whose 政协 a name is (扶余市政协编发, 被扶余市政协采用), written with the level word of
        the office's own tier and not one of the office's places nor of the offices below: another city's, or a
        county-level city's below the office; '' for none (市政协, 报送市政协, 李某某副市长)."""
        m = _PLACE_BEFORE_CPPCC.fullmatch(_FORMAL_CPPCC.sub(r"\1政协", organ_name(text)))
        if not m or any(w in m[1] for w in self.not_places) or self._last_level(m[1]) is not None:
            return ""
        return m[1] + m[2]

    def _core(self, text: str) -> str:
        """The name less bulletin titles, product names, party names and look-alike words."""
        core = BULLETIN_TITLES.sub(" ", text)
        for word, _ in self.products:
            core = core.replace(word, " ")
        for word in self.party_words:
            core = core.replace(word, " ")
        for word in self.not_level:
            core = core.replace(word, " ")
        return core

    def _last_place(self, core: str) -> tuple[int, str, str] | None:
        """The office's own, city's or province's place name that ends last in ``core``: (end, word, tier)."""
        best: tuple[int, int, str, str] | None = None
        for word, tier in self.places:
            start = core.rfind(word)
            if start >= 0 and (best is None or (start + len(word), len(word)) > best[:2]):
                best = (start + len(word), len(word), word, tier)
        return None if best is None else (best[0], best[2], best[3])

    def _last_level(self, core: str) -> tuple[str, str, int] | None:
        """The level word that ends last in ``core`` (the longest of those ending there), with
        its tier and where it starts."""
        best: tuple[int, int, str, str] | None = None  # (end, length, word, tier)
        for word, tier in self.level_words:
            start = core.rfind(word)
            if start < 0:
                continue
            key = (start + len(word), len(word))
            if best is None or key > best[:2]:
                best = (*key, word, tier)
        if best is None:
            return None
        end, length, word, tier = best
        start = end - length
        # "At the start": nothing before it but space (a title set aside) or a title prefix (副市长).
        before = core[:start].strip()
        for prefix in self.title_prefixes:
            if before.endswith(prefix):
                before = before[: -len(prefix)].strip()
        # 本市市长, 我市副市长: 本市 is the office's own 市, as the 市 of 市长 alone is (``relative``).
        if (own := _OWN_LEVEL_BEFORE.search(before)) and word.startswith(own[1]):
            before = before[: own.start()]
        return word, tier, 0 if self._no_place.fullmatch(before.replace(" ", "")) else start

    def _routing(self, text: str) -> tuple[str, str | None]:
        for name, ws, channel in self.routing:
            if any(w in text for w in ws):
                return name, channel
        return "", None

    def channel_of(self, text: str) -> str | None:
        """The channel of the name's most specific word (see the module docstring), or None; None for
        a medium (rules ``media_words``: 市政协网站 publishes, it does not adopt)."""
        if self._is_media(text):
            return None
        found = [(text.find(w), -len(w), name) for name, ws in self.channels for w in ws if w and w in text]
        if not found:
            return None
        party = {name for name, ws in self.channels if set(ws) & set(self.party_words)}
        proper = [f for f in found if f[2] in party]
        best = min(proper or found)
        tied = {name for at, length, name in (proper or found) if (at, length) == best[:2]}
        return best[2] if len(tied) == 1 else None

    def _is_media(self, text: str) -> bool:
        return any(w in text for w in self.media_words)


# What a name may hold besides its level and still say only the level: 级, 里, 上 (省上), 一 (市一级), 地
# (地市级), 部级 (省部级), 层面, 以上, 刊物, an
# issue or a count (第5期, 2篇), punctuation and numbers; and the verbs (ADOPTION_VERBS), or their first
# or last character alone (市采, 省用, 县编: shorthand for 市级采用, 省级采用, 县级编发).
_LEVEL_FILLER = r"[\W\d_]+|部级|级|里|上|一|地|层面|以上|及|各|刊物|期刊|第|期|号|篇|条|采|用|编"


def _as_list(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]


def _absolute(tiers: list[str], own: str, k: int) -> str | None:
    """The ``k``-th tier from the lowest (市级, 省级) when it is above the office's own, else None."""
    if own not in tiers or k >= len(tiers) or k <= tiers.index(own):
        return None
    return tiers[k]


def _office_places(office: dict, tiers: list[str], own_tier: str) -> list[tuple[str, str]]:
    """The office's own place names, its city's and its province's, each with its tier, in that order (those
    still the shipped placeholders left out)."""
    keys = (("place", own_tier), ("city", _absolute(tiers, own_tier, 1)), ("province", _absolute(tiers, own_tier, 2)))
    # The shipped placeholders (示例县, 示例市, 示例省) name no place: the rules say where the office stands once set.
    return [(norm_name(n), tier) for key, tier in keys if tier for n in _as_list(office.get(key)) if not n.startswith("示例")]


def _ends_in_level(name: str, word: str) -> bool:
    """Whether a place name ends in a level word (恩施土家族苗族自治州 in 州, 内蒙古自治区 in 区, 宁蒗彝族自治县 in 县),
    or the word is the place's kind written long (自治州 for 恩施州)."""
    return name.endswith(word) or (word.startswith("自治") and name.endswith(word[-1]))


_PLACE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "特别行政区", "省", "市", "州", "县", "区", "旗", "盟", "地区")


# An office's name less what names the body rather than the place: 政协…委员会, 政协, 委员会, 办公室, and the
# 政协工委 (政协工作委员会) a place with no 政协 of its own has (江州高新区政协工委: 高新区's office).
_OFFICE_WORDS = re.compile(r"(?:政协工作委员会|政协工委|政协)?(?:委员会)?(?:办公室)?$")
_WORKING_COMMITTEE = ("政协工作委员会", "政协工委")
# The place less its level word: 长阳土家族自治县 → 长阳, 东山县 → 东山, 丙县 → 丙.
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)*自治(?:区|州|县|旗)$")
_LEVEL_SUFFIX = re.compile(r"^(.+?)(?:地区|县|区|市|州|旗|盟)$")


@lru_cache(maxsize=4096)
def place_of(office_name: str) -> str:
    """An office's place from its name: 东山县政协 → 东山县, 政协利川市委员会 → 利川市, 利川市政协办公室 → 利川市,
    江州高新区政协工委 → 江州高新区 (a 区's 政协工委 is its office)."""
    name = norm_name(office_name).removesuffix("办公室")
    if (word := next((w for w in _WORKING_COMMITTEE if name.endswith(w) and len(name) > len(w)), None)) is not None:
        return name[: -len(word)]
    if name.startswith("政协") and name.endswith("委员会"):
        return name[2:-3]
    return name.removesuffix("政协")


def office_place(name: str) -> str:
    """The place an office's name is of, as every spelling of that office shares it: 丙县政协, 丙县,
    丙, 政协丙县委员会, 丙县政协办公室 → 丙; 长阳土家族自治县政协, 长阳县 → 长阳 ('' for no name):
    :func:`place_of` less its level word. Two names are of one office when their places agree (a
    roll-up's office folder 丙 and a record's 单位 丙县政协)."""
    text = norm_name(name) if isinstance(name, str) else ""
    if text.startswith("政协") and len(text) > 2:  # 政协丙县委员会
        text = text[2:]
    text = _OFFICE_WORDS.sub("", text) or text
    place = _AUTONOMOUS.match(text) or _LEVEL_SUFFIX.match(text)
    return place[1] if place else text


# What may stand between a place and its own post (临江市常务副市长): nothing else.
_DEPUTY = re.compile(r"(?:常务)?副?")
# What stands between a place and the next post or organ at its level in one list of them (义乌市[委常委、副]市长,
# 义乌市[委、]市政府): the place's first post, a separator, then nothing but a deputy's prefix.
_POST_OF_THE_SAME_PLACE = re.compile(r"[^、，,;；]*[、，,和及与](?:常务)?副?")


# -- an office's name, as a roll-up's folder or a record writes it

# Words that place an office name at a level, highest first ("示例市政协" → 市级).
LEVEL_WORDS = (("全国", ("全国",)), ("省级", ("省", "自治区")), ("市级", ("市", "州", "盟")), ("县级", ("县", "区", "旗")))
# What a folder's name says besides the office (金溪区2026.1.8, 金溪区政协（补报）, 20260108金溪区, 白沙县政协信息科):
# a date stamp, a year, a remark in brackets, the office's own office.
_FOLDER_REMARKS = re.compile(r"(?:[(（【\[][^()（）【】\[\]]*[)）】\]]|[\s_\-]*\d{4}(?:[.\-/年]\d{1,2}(?:[.\-/月]\d{1,2}日?)?)?年?度?)+$")
_FOLDER_DATE_FIRST = re.compile(r"^\d{4}(?:[.\-/]?\d{1,2}){0,2}[\s_\-]*(?=\D)")
_FORMAL = re.compile(r"^(?:中国人民政治协商会议|政协)(.+?)委员会$")
_ITS_OFFICE = re.compile(r"(?<=政协)(?:办公室|办公厅|信息科|信息处|研究室)$|(?<=委员会)(?:办公室|办公厅)$")


def office_of_folder(name: str) -> str:
    """The office a folder of an archive is named for: ``金溪区2026.1.8`` → 金溪区, ``金溪区政协（补报）`` →
    金溪区政协, ``政协红岭县委员会`` → 红岭县政协, ``白沙县政协信息科`` → 白沙县政协; the name as it is when
    nothing is left. Its date or remark made the office's place unclear (its 市长's 批示 lost their level)
    and its code another (红岭县-2025-01 not matched)."""
    text = _FOLDER_DATE_FIRST.sub("", _FOLDER_REMARKS.sub("", name.strip())).strip() or name
    text = _ITS_OFFICE.sub("", text)
    if m := _FORMAL.match(text):
        text = f"{m[1]}政协"
    return text or name


def level_in_name(name: str, tiers: list[str]) -> str | None:
    """The level an office's name says (``东山县政协`` → 县级), if any."""
    core = name.removesuffix("政协").removesuffix("委员会")
    for level, words in LEVEL_WORDS:
        if level in tiers and any(core.endswith(w) or f"{w}政协" in name for w in words):
            return level
    return None


def place_below(name: str, above: str) -> str:
    """:func:`office_place` of an office below the office ``above`` (its name), less the place of ``above``
    it may start with: a city's counties are written with its name or without (江州高新区政协工委, 高新区政协工委
    and 高新区政协 under 江州市政协 → 高新); the place as it is when nothing would be left (江州县 → 江州)."""
    place = office_place(name)
    for form in _place_forms(place_of(above)) if above else ():
        if place.startswith(form) and len(place) - len(form) >= 2:
            return place[len(form):]
    return place


def _place_forms(name: str) -> list[str]:
    """A place name and its short form: ``恩施州`` → [恩施州, 恩施]; ``示例县`` → [示例县, 示例].

    The short form is kept only when it is at least two characters (``X县`` alone is too short
    to mean anything)."""
    if not name:
        return []
    forms = [name]
    for suffix in _PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.append(name[: -len(suffix)])
            break
    return forms


# The verbs that say a body took an item up (市政协采用, 省政协录用, 市委办刊发).
ADOPTION_VERBS = ("采用", "采纳", "录用", "刊用", "刊发", "编发", "刊载", "转发", "选用", "用稿")
# How a body took an item up, before its verb (单篇采用, 综合采用, 摘编采用, 部分采用): still that body's adoption.
ADOPTION_KINDS = "单篇|综合|摘编|全文|部分"
# What follows a body's name in an adoption cell: the bulletin, the issue, the verb and how it was taken up.
_ISSUE_TAIL = re.compile(rf"(?:\d{{4}}年)?第?\d+[期号]$|(?:{ADOPTION_KINDS})?(?:均|都)?(?:已|被|已被)?(?:{'|'.join(ADOPTION_VERBS)})+"
                         r"(?:情况|时间|日期|期号|期数)?$"
                         r"|(?:社情民意信息|社情民意|信息专报|专报|转报|每日要情|要情|信息)$")


_FILLER_OR_VERB = re.compile("|".join((_LEVEL_FILLER, *ADOPTION_VERBS)))


# A place of two to four characters and its level word before 政协 (扶余市政协; not 扶余市委), as
# :meth:`Placement._other_place` looks for it.
_PLACE_BEFORE_CPPCC = re.compile(r"([\u4e00-\u9fff]{2,4}?)(市|州|盟)政协(?:办公室|办公厅|办|信息科|研究室)?")
# Characters of the passive and its subjects before a body (后被市政协采用, 已经市政协): no place has them.
_NOT_IN_A_PLACE = ("被", "经", "获", "已", "由", "此", "该", "均", "都")
# Words before a level word that name the office's own place, not another (本市政协编发, 我县, 本旗).
_OWN_PLACE = ("本", "我")
# 本市, 我县 right before a post of that level (本市市长, 我县副县长): the office's own place named by its level word.
_OWN_LEVEL_BEFORE = re.compile(r"(?:本|我)([\u4e00-\u9fff])$")


_OFFICE_OF_THE_CPPCC = re.compile(r"(?<=政协)(?:办公室|办公厅|办|信息科|信息处|研究室)$")
# The formal name of a 政协 (政协市委员会, 政协青石县委员会, 中国人民政治协商会议全国委员会) as its short one (市政协).
_FORMAL_CPPCC = re.compile(r"^(?:中国人民政治协商会议|政协)(.+?)委员会")


# A bracket of an issue or a day only, or what is left of one (市政协采用（第5期，4月8日）): no part of the name.
_ISSUE_OR_DAY_BRACKET = re.compile(r"\((?:[\d\s年月日号期第总,，.、/-])*\)?$")


# The body written in a bracket after its bulletin and issue only (《每日要情》第45期（省委办公厅）, 《社情民意转送》（市住建局）).
_BODY_IN_BRACKET = re.compile(r"(?:(?:\d{4}年)?第?\d+期)?\(([^()]+)\)")


_FIRST_VERB = re.compile(rf"(?:单篇|综合|摘编|全文|部分)?(?:均|都)?(?:已|被|已被)?(?:{'|'.join(ADOPTION_VERBS)})")


# What a cell writes before the body that adopted: the item as subject (此条, 该信息, 以上三条), an adverb (均),
# a day (已于7月5日), then the passive (被, 经, 已被, 已). 由 and 获 only after such words: 获嘉县, 都匀市, 于都县
# are places, 本级, 本县 no subject.
_SUBJECT_BEFORE = re.compile(
    r"^(?:(?:(?:此|该|本|这)(?:(?:条|篇|件|则|份)(?:信息|稿件)?|信息|稿件)|(?:以上|上述|前述)[\d一二三四五六七八九十两]*(?:条|篇|件)?)"
    r"(?:均|都|也|亦|同时)?|(?:均|都|也|亦|同时)(?=已|被|经|由|获|于\d))?(?:(?:已于|于)\d{1,2}月\d{1,2}日)?"
    r"(?:(?<=[条篇件则份息件均都也亦时日])(?:已被|已经|已获|由|获)|已被|被|经|已)*")


def organ_name(body: str) -> str:
    """A body's name as a sentence names it: without its bulletin's title or issue number
    (``市委办《每日要情》第6期`` → ``市委办``, ``市政协采用`` → ``市政协``, ``《每日要情》第45期（省委办公厅）`` →
    ``省委办公厅``)."""
    name = _ISSUE_OR_DAY_BRACKET.sub("", BULLETIN_TITLES.sub("", norm_name(body)))
    name = _SUBJECT_BEFORE.sub("", name)  # 被市政协…采用, 此条被市政协采用, 均被市政协采用: the body is 市政协
    if (verb := _FIRST_VERB.search(name)) and verb.start() > 0:  # 市政协采用见采用登记, 全国政协采用(省政协第5期)
        name = name[: verb.start()]
    previous = None
    while previous != name:
        previous, name = name, _ISSUE_TAIL.sub("", name)
    bracketed = _BODY_IN_BRACKET.fullmatch(name)  # 《每日要情》第45期（省委办公厅）: 省委办公厅
    return bracketed[1] if bracketed else name


def same_organ_key(body: str) -> str:
    """A body as two records of one adoption name it: its organ (:func:`organ_name`) without the office of
    the 政协 that keeps its records (市政协办公室, 市政协信息科: the 市政协). The circular names bodies by
    ``organ_name``, as the ledgers write them; this only tells two records of one adoption apart."""
    return _OFFICE_OF_THE_CPPCC.sub("", _FORMAL_CPPCC.sub(r"\1政协", organ_name(body)))
