"""Who a 批示's leader is, under the rules' words: two ways of writing one leader are one.

``张某某（副省长）``, ``副省长张某某`` and ``张某某副省长`` write one person; ``王市长`` (a surname and the post)
is ``市长王某某`` where that is the only one it can be. Read by the reader (one 批示 in two ledgers of
an office) and by the roll-up (one 批示 in a county's and the city's ledger), so it lives with the
rules, below both.
"""
from __future__ import annotations

import re
import unicodedata

from ..zh import simplified

# Ranks written with a post (市委常委, 党组成员, 中共中央政治局委员): part of the post, no one's name; the
# longer first, as they are taken out in this order (政治局委员 before 委员 leaves no 政治局 behind).
RANK_WORDS = ("政治局常委", "政治局委员", "书记处书记", "常委", "副书记", "委员", "党组成员", "常务")
# Brackets and separators around a leader's words: no part of who it is.
_NOT_A_LEADERS_OWN = re.compile(r"[\s()（）【】\[\]、,，;；:：·]")


def leader_key(leader: str) -> str:
    """A leader as matched across ledgers: 副市长李某, 李某副市长, 副市长 李某 and 李某(副市长) are one (their
    characters, brackets and separators aside)."""
    return "".join(sorted(_NOT_A_LEADERS_OWN.sub("", simplified(unicodedata.normalize("NFKC", leader or "")))))


def post_words(data: dict) -> tuple[str, ...]:
    """Titles, ranks and organs of the rules (``rules.data``), longest first (副省长 before 省长: 副张三 is
    no one); worked out once by each user of it (the reader's vocabulary, a roll-up)."""
    from .placement import _place_forms

    placement = data.get("placement") or {}
    organs = {w for key in ("channel_words", "level_words") for ws in (placement.get(key) or {}).values() for w in ws or []}
    titles = {str(w) for w in data.get("leader_title_words") or ()}
    norm = lambda w: unicodedata.normalize("NFKC", str(w)).strip()
    # The office's own, city's and province's names (海州市市长刘建国 is 市长刘建国): where, not who.
    office = data.get("office") or {}
    places = {form for key in ("place", "city", "province") for name in _listed(office.get(key))
              for form in _place_forms(norm(name))}
    return tuple(sorted({*map(norm, titles), *RANK_WORDS, *map(norm, organs), *places} - {""}, key=len, reverse=True))


def _listed(value) -> list[str]:
    return [str(v) for v in value if v] if isinstance(value, (list, tuple)) else [str(value)] if value else []


def leader_person(leader: str, words: tuple[str, ...]) -> str:
    """What a leader text writes besides posts, organs and brackets (``words``: :func:`post_words`): the
    person's name (张某某(副省长) → 张某某), a surname alone (王市长 → 王), '' for posts only (市领导)."""
    rest = _NOT_A_LEADERS_OWN.sub("", simplified(unicodedata.normalize("NFKC", leader or "")))
    for w in words:
        rest = rest.replace(w, "")
    return rest


def one_leader(short: str, full: str, words: tuple[str, ...]) -> bool:
    """Whether ``short`` writes the leader ``full`` writes: the same name (its characters), or a surname
    and the same post (王市长, 市长王某某; not 王市长 and 副市长王某)."""
    a, b = leader_person(short, words), leader_person(full, words)
    if not a or not b:
        return False
    if len(a) >= 2:
        return sorted(a) == sorted(b)
    if not b.startswith(a):
        return False
    post = lambda leader, name: _NOT_A_LEADERS_OWN.sub("", simplified(unicodedata.normalize("NFKC", leader))).replace(name, "", 1)
    return bool(post(short, a)) and post(short, a) == post(full, b)


def same_leader(a: str, b: str, words: tuple[str, ...]) -> bool:
    """Whether two leader texts write one leader (either way round)."""
    return leader_key(a) == leader_key(b) or one_leader(a, b, words) or one_leader(b, a, words)


# A post naming no one leader (区领导, 区政府主要领导, 市分管领导): any leader of its level.
_ANY_LEADER = "领导"


def _post(leader: str) -> str:
    return _NOT_A_LEADERS_OWN.sub("", simplified(unicodedata.normalize("NFKC", leader or "")))


def names_no_post(leader: str) -> bool:
    """Whether a leader text names no one post: blank (已批示, √) or a post of no one leader (区领导)."""
    post = _post(leader)
    return not post or post.endswith(_ANY_LEADER)


def post_fits(short: str, full: str, words: tuple[str, ...]) -> bool:
    """Whether ``short``, a leader written by post alone or not at all (区长, 区领导, '' for 已批示 or √), may
    be the leader ``full`` writes by post and name (区长刘志远): no post, a post naming no one leader
    (:func:`names_no_post`: the level is the caller's to compare), or ``full``'s own post (区长, not 副区长)."""
    if leader_person(short, words) or not (person := leader_person(full, words)):
        return False
    return names_no_post(short) or _post(full).replace(person, "", 1) == _post(short)
