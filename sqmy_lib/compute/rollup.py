"""Roll-up across offices: a city (or province) office's figures over the offices below it.

Three steps, each a function here:

1. ``match_forwarded`` finds items recorded twice: in a lower office's ledger and again in a
   higher one's, where it was forwarded upward (报送上级). A pair is *certain* when
   - the higher record's 编号 is the lower office's code and the lower item's 编号
     (``东山县-2025-0012``, ``东山县2025-0012``) and the titles agree; or
   - the normalised titles agree, an author agrees (or the higher record names the lower
     office itself as author or unit), the dates are within ``rollup.match_window_days``,
     and no other lower item fits as well.
   A 编号 whose title disagrees, a title whose author or date (not both) disagrees, or a title
   that fits several items is *uncertain*: reported with both places, never merged. The same
   title by someone else months apart is a different item on a common topic, not a doubt.
2. ``merge_forwarded`` keeps each certain pair as one item, credited to the lower office that
   sent it, with its adoptions and instructions from both records; an adoption at a tier (or
   a leader's 批示) recorded in both is counted once, with the more specific facts of the two, and
   the higher record is the lower office's 上报 to the higher one.
3. ``build_rollup`` counts per office (offices in place of units, ranked within their peer
   group) and builds the circular the quarterly circular's renderers lay out.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import arguments, zh
from ..read.values import loose_title_key
from ..records import Ledger, OfficeTree, Roster, typed
from ..rules import Rules
from ..rules.leaders import leader_person, post_words, same_leader as same_leader_written
from ..rules.placement import level_in_name, office_of_folder, place_below, place_of
from .circular import QuarterlyCircular, build_circular
from .base import ROLLUP_ORIGIN, counted_from
from .counted import Counted
from ..kinds import ROLLUP
from ..period import Period

MATCH_COLUMNS = ["lower_office", "lower_item", "higher_office", "higher_item", "how", "days",
                 "title", "lower_place", "higher_place"]
UNCERTAIN_COLUMNS = ["higher_office", "higher_item", "title", "higher_place", "candidates", "reason"]
MISSING_COLUMNS = ["office", "office_level", "peer_group", "read_status", "reason"]
# 东山县-2025-0012, 东山县2025-0012, DS_2025-0012: a prefix without digits, separators, the lower 编号.
_NUMBER_SCHEME = re.compile(r"^(?P<code>\D+?)[\s\-_—–·/:：]*(?P<no>\d.*)$")
BY_NUMBER, BY_TITLE = "编号", "标题+作者+日期"
# The titles agree but for a short bracket or a day after one of them (…的建议（2025.3.20）, …的建议 5.15),
# as the reader's references match loosely (link.loose): said apart in 跨级重复（已合并）.
BY_LOOSE_TITLE = "标题（只差括注或日期）+作者+日期"
NO_CANDIDATE = "下级台账中无对应记录"  # a doubt's candidates when the office it names holds no such item
NOT_IN_TREE = "不在本次汇总的下级政协中"  # a doubt's reason when the 政协 it names has no folder in the tree
# A 政协 of a place, as a record's 单位 or author names one (东坪县政协, 高新区政协工委; 政协东坪县委员会 and
# 东坪县政协办公室 as ``office_of_folder`` writes them): two characters of place at least before its level word.
_CPPCC_OF_A_PLACE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:县|区|市|旗|州|盟)政协(?:工作委员会|工委)?")


def _places(subs: pd.DataFrame) -> pd.Series:
    """``东山县政协2025年….xlsx!报送台账!第12行`` for each row."""
    files = subs["file"].astype(str).map(lambda f: f.replace("\\", "/").rsplit("/", 1)[-1])
    return files + "!" + subs["sheet"].astype(str) + "!第" + subs["row"].astype(str) + "行"


def match_forwarded(c: Counted, tree: OfficeTree, window_days: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs of records of one item in a lower and a higher office's ledgers: (certain, uncertain)."""
    tiers = c.rules.tiers
    window = window_days if window_days is not None else int(c.rules.data.get("rollup", {}).get("match_window_days", 30))
    rank = {o.name: tiers.index(o.level) for o in tree.offices}
    subs = c.submissions
    cols = ["item", "item_no", "original_no", "title", "title_key", "date", "office", "unit", "file", "sheet", "row"]
    subs = subs[cols].assign(office=subs["office"].astype(object), level=subs["office"].astype(object).map(rank))
    if subs.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS), pd.DataFrame(columns=UNCERTAIN_COLUMNS)
    # With one level only (every office below 缺报), nothing is matched; a record naming an office below is still said.
    certain, uncertain = [pd.DataFrame(columns=["lower_item", "higher_item", "how", "days"])], []
    merged_away: set[int] = set()
    # Level by level upward, so a province's record of a county item forwarded through the city
    # meets the county's item alone: the city's record of it is already merged away.
    for level in sorted(subs["level"].unique())[1:]:
        higher = subs[subs["level"] == level]
        lower = subs[(subs["level"] < level) & ~subs["item"].isin(merged_away)]
        by_number, number_doubt = _by_number(lower, higher, tree)
        decided = set(by_number["higher_item"]) | set(number_doubt["higher_item"])
        by_title, title_doubt = _by_title(c, lower, higher[~higher["item"].isin(decided)], tree, window)
        certain += [by_number, by_title]
        uncertain += [number_doubt, title_doubt]
        merged_away |= set(by_number["higher_item"]) | set(by_title["higher_item"])
    decided = merged_away | {i for d in uncertain for i in d["higher_item"]}
    uncertain.append(_naming_a_lower_office(c, subs[~subs["item"].isin(decided)], tree))
    return _describe(pd.concat(certain, ignore_index=True), subs), _describe_doubt(pd.concat(uncertain, ignore_index=True), subs)


def _naming_a_lower_office(c: Counted, higher: pd.DataFrame, tree: OfficeTree) -> pd.DataFrame:
    """Records of a higher office, matched to no item below, whose 单位 or author is an office below it
    (临湖区政协, or its code 临湖区): that office's item, most likely, which its own ledger lacks. Counted
    as the higher office's own, and said (a doubt with no candidate), so staff can check both ledgers."""
    below = _offices_by_place(tree)
    rank = {o.name: c.rules.tiers.index(o.level) for o in tree.offices}
    rank_of = c.rules.tier_rank
    # Each distinct name is placed once: a province's 200,000 records name a few thousand people and
    # units (a call per record took 7 s of the roll-up's 10 s of matching; this takes 0.2 s).
    names = pd.unique(pd.concat([higher["unit"].astype(object), c.authors["name"].astype(object)]))
    naming = {n: o for n in names if (o := below.get(_place_in(n, tree))) is not None}
    absent = _offices_not_in_tree(names, naming, c.rules.tiers)
    authors = c.authors[c.authors["name"].isin([*naming, *absent])]
    authors_of: dict = {}
    for item, name in zip(authors["item"], authors["name"]):
        authors_of.setdefault(item, []).append(name)
    read = set(c.ledger.submissions["office"].astype(str))  # offices whose ledgers gave items (not 缺报)
    rows = []
    for item, unit, office, level in zip(higher["item"], higher["unit"], higher["office"], higher["level"]):
        for name in [unit, *authors_of.get(item, ())]:
            named = naming.get(name)
            if named is not None and named.name != office and rank[named.name] < level:
                lacks = "台账中没有这条信息" if named.name in read else "台账未能读取（缺报），无法核对"
                rows.append({"higher_item": item, "lower_item": None,
                             "reason": f"单位或作者为{named.name}，但{named.name}{lacks}（按{office}本级统计）"})
                break
            if name in absent and rank_of(absent[name]) < level:
                rows.append({"higher_item": item, "lower_item": None,
                             "reason": f"单位或作者为{name}，但{name}{NOT_IN_TREE}，无法核对（按{office}本级统计）"})
                break
    return pd.DataFrame(rows, columns=["higher_item", "lower_item", "reason"])


def _offices_not_in_tree(names, naming: dict, tiers: list[str]) -> dict[str, str]:
    """The names among ``names`` that are a 政协 of a place (东坪县政协) no office of the tree is, with the
    level the name says (县级): a county's item the roll-up has no folder for, most likely."""
    found = {}
    for name in names:
        if isinstance(name, str) and name not in naming and _CPPCC_OF_A_PLACE.fullmatch(office_of_folder(name)):
            if (level := level_in_name(office_of_folder(name), tiers)) is not None:
                found[name] = level
    return found


def _offices_by_place(tree: OfficeTree) -> dict:
    """Office by the place its name (or code) is of (``_place_in``: 丙, 丙县, 丙县政协 alike, with the
    roll-up office's place before it or not); a place two offices share (东山县, 东山区) names neither."""
    found: dict = {}
    for o in tree.offices:
        for place in _places_of(o, tree):
            found.setdefault(place, set()).add(o)
    return {place: next(iter(os_)) for place, os_ in found.items() if len(os_) == 1}


def _place_in(name, tree: OfficeTree) -> str:
    """The place a name of an office is of, as every spelling of it shares it: 江州高新区政协工委, 高新区政协工委,
    高新区 under 江州市政协 → 高新 (``place_below``: a county is written with its city's name before it or not)."""
    return place_below(name, tree.office) if isinstance(name, str) else ""


def _places_of(office, tree: OfficeTree) -> set[str]:
    return {_place_in(office.name, tree), _place_in(office.code, tree)} - {""}


def _by_number(lower: pd.DataFrame, higher: pd.DataFrame, tree: OfficeTree) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Higher records whose 原编号 (or else 编号) is a lower office's code plus one of its 编号."""
    codes = {}
    for o in tree.offices:
        for alias in (o.code, o.name):
            if alias:
                codes.setdefault(alias, o.name)
    # The 原编号 a record keeps beside its own 编号 first (白沙区-2025-001 beside JZ-2025-004), then its 编号.
    numbered = [higher.assign(number=higher[column].astype(str)) for column in ("original_no", "item_no")]
    found = pd.concat(numbered, ignore_index=True)
    parts = found["number"].str.extract(_NUMBER_SCHEME)
    found = found.assign(lower_office=parts["code"].str.strip().map(codes), lower_no=parts["no"])
    found = found[found["lower_office"].notna()].drop_duplicates("item")
    pairs = found.merge(lower[["item", "item_no", "title_key", "office", "level", "date"]],
                        left_on=["lower_office", "lower_no"], right_on=["office", "item_no"], suffixes=("", "_l"))
    pairs = pairs[pairs["level_l"] < pairs["level"]]
    pairs = pairs.assign(higher_item=pairs["item"], lower_item=pairs["item_l"], how=BY_NUMBER,
                         days=(pairs["date"] - pairs["date_l"]).dt.days)
    # The titles agree as the title rule matches them: less the 关于 and 的建议 the city's editors drop (a
    # record quoting the county's 编号 matched worse than one that quoted none).
    agree = (pairs["title_key"] == pairs["title_key_l"]) | (
        pairs["title_key"].map(_without_closing_words) == pairs["title_key_l"].map(_without_closing_words))
    doubt = pairs[~agree].assign(reason="编号对应" + pairs["lower_office"] + "的信息，但标题不同")
    return pairs.loc[agree, ["lower_item", "higher_item", "how", "days"]], doubt[["higher_item", "lower_item", "reason"]]


def _by_title(c: Counted, lower: pd.DataFrame, higher: pd.DataFrame, tree: OfficeTree,
              window: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Higher records with the title of a lower office's item, checked on author and date."""
    pairs = _title_pairs(lower, higher)
    if pairs.empty:
        return pd.DataFrame(columns=["lower_item", "higher_item", "how", "days"]), pd.DataFrame(columns=["higher_item", "lower_item", "reason"])
    pairs["pair"] = pairs.index
    names = c.authors[["item", "name"]]
    common = (pairs[["pair", "item", "item_l"]].merge(names, on="item")
              .merge(names.rename(columns={"item": "item_l"}), on=["item_l", "name"]))
    # A forwarded record often names the lower office itself (东山县政协, 东山县, 东山) as its author or unit.
    places = {o.name: _places_of(o, tree) for o in tree.offices}
    by_office = pairs[["pair", "item", "office", "unit"]].merge(names, on="item", how="left")
    names_office = [_place_in(n, tree) in places.get(o, ()) or _place_in(u, tree) in places.get(o, ())
                    for n, u, o in zip(by_office["name"], by_office["unit"], by_office["office"])]
    author_ok = pairs["pair"].isin(common["pair"]) | pairs["pair"].isin(by_office.loc[names_office, "pair"])
    days = (pairs["date"] - pairs["date_l"]).dt.days
    in_window = days.abs() <= window
    pairs = pairs.assign(author_ok=author_ok, days=days, in_window=in_window, full=author_ok & in_window)
    fits = pairs.groupby("item")["full"].transform("sum")
    sure = pairs[pairs["full"] & (fits == 1)]
    certain = sure.rename(columns={"item": "higher_item", "item_l": "lower_item"})
    # Doubtful: several full fits, or a title with one of author and date agreeing. A common title
    # by someone else months apart is another item, not a doubt.
    doubt = pairs[~pairs["item"].isin(sure["item"]) & (pairs["full"] | ((fits == 0) & (author_ok | in_window)))]
    reasons = [
        f"标题相同，可能对应{n}条信息" if full else "标题相同，但" + "、".join(
            r for r, bad in (("作者不同", not a_ok), (f"日期相差{abs(int(d))}天" if pd.notna(d) else "日期缺失", not w_ok)) if bad)
        for full, n, a_ok, w_ok, d in zip(doubt["full"], fits[doubt.index], doubt["author_ok"], doubt["in_window"], doubt["days"])
    ]
    reasons = [r.replace("标题相同", "标题只差括注或日期") if how == BY_LOOSE_TITLE else r for r, how in zip(reasons, doubt["how"])]
    doubt = doubt.rename(columns={"item": "higher_item", "item_l": "lower_item"}).assign(reason=reasons)
    return certain[["lower_item", "higher_item", "how", "days"]], doubt[["higher_item", "lower_item", "reason"]]


def _title_pairs(lower: pd.DataFrame, higher: pd.DataFrame) -> pd.DataFrame:
    """(higher, lower) records titled alike, the lower office below the higher: by the exact title
    (less an opening 关于 and a closing 的建议: 关于规范电动自行车充电管理 / 规范…管理的建议), and for a higher record that
    finds none so, by the loose title (less a short bracket or a day after it, ``loose_title_key``)."""
    exact = _titled_alike(lower, higher, lambda t: t["title_key"]).assign(how=BY_TITLE)
    rest = higher[~higher["item"].isin(exact["item"])]
    loose = _titled_alike(lower, rest, lambda t: t["title"].map(loose_title_key)).assign(how=BY_LOOSE_TITLE)
    return pd.concat([exact, loose], ignore_index=True) if len(loose) else exact.reset_index(drop=True)


def _titled_alike(lower: pd.DataFrame, higher: pd.DataFrame, key) -> pd.DataFrame:
    match = lambda t: key(t).map(_without_closing_words)
    pairs = higher[["item", "title_key", "date", "level", "unit"]].assign(match=match(higher)).merge(
        lower[["item", "date", "level", "office"]].assign(match=match(lower)), on="match", suffixes=("", "_l"))
    return pairs[(pairs["level_l"] < pairs["level"]) & (pairs["match"] != "")]


_CLOSING_WORDS = re.compile(r"(?:的)?(?:建议|意见|思考|对策建议|几点建议|调研报告|报告)$")


def _without_closing_words(key: str) -> str:
    """A title key less an opening 关于 and a closing 的建议 / 的思考 (when enough is left to be a title): the
    city's editors drop them (关于规范电动自行车充电管理的建议 / 规范电动自行车充电管理的建议)."""
    rest = _CLOSING_WORDS.sub("", key.removeprefix("关于"))
    return rest if len(rest) >= 6 else key


def _describe(pairs: pd.DataFrame, subs: pd.DataFrame) -> pd.DataFrame:
    if pairs.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    s = subs[["item", "office", "title"]].set_index("item")
    place = _places(subs).set_axis(subs["item"])
    out = pairs.assign(
        lower_office=pairs["lower_item"].map(s["office"]), higher_office=pairs["higher_item"].map(s["office"]),
        title=pairs["lower_item"].map(s["title"]), lower_place=pairs["lower_item"].map(place),
        higher_place=pairs["higher_item"].map(place), days=pairs["days"].astype("Int64"),
    )
    return out[MATCH_COLUMNS].sort_values(["lower_office", "lower_item"], kind="stable").reset_index(drop=True)


def _describe_doubt(pairs: pd.DataFrame, subs: pd.DataFrame) -> pd.DataFrame:
    """One row per uncertain higher record: its place and every lower item it might be."""
    if pairs.empty:
        return pd.DataFrame(columns=UNCERTAIN_COLUMNS)
    s = subs[["item", "office", "title"]].set_index("item")
    place = _places(subs).set_axis(subs["item"])
    candidate = pairs["lower_item"].map(s["office"]) + " " + pairs["lower_item"].map(place)
    pairs = pairs.assign(candidate=candidate.fillna(NO_CANDIDATE))
    grouped = pairs.groupby("higher_item", sort=True)
    out = pd.DataFrame({
        "higher_item": list(grouped.groups),
        "candidates": grouped["candidate"].agg("；".join).to_numpy(),
        "reason": grouped["reason"].agg(lambda r: "；".join(dict.fromkeys(r))).to_numpy(),
    })
    out = out.assign(higher_office=out["higher_item"].map(s["office"]), title=out["higher_item"].map(s["title"]),
                     higher_place=out["higher_item"].map(place))
    return out[UNCERTAIN_COLUMNS].reset_index(drop=True)


def merge_forwarded(c: Counted, matches: pd.DataFrame, tree: OfficeTree | None = None) -> Counted:
    """One item per certain pair, credited to the lower office; an adoption tier or instruction
    level recorded in both ledgers counts once (in every channel's adoptions too, so the bodies,
    channels and 专报/转报/转送 figures count the pair once, as the tiers do). The higher office's
    record of the item is a 上报 of it to that office, by the lower office. Of the two records of
    one adoption (or 批示, or 上报) the more specific facts are kept: the day, the 期号, the product
    (专报) from whichever writes them, the higher office's where both do and it adopted it itself."""
    levels = tree.levels if tree is not None else {}
    c = dataclasses.replace(c, office_levels={**c.office_levels, **levels})
    if matches.empty:
        return c
    to_lower = dict(zip(matches["higher_item"], matches["lower_item"]))
    ranks = {office: c.rules.tier_rank(level) for office, level in levels.items()}
    forwards = c.forwards if c.forwards is not None else _sent_up(c, matches, levels).iloc[:0]
    return dataclasses.replace(
        c,
        submissions=c.submissions[~c.submissions["item"].isin(to_lower)],
        authors=c.authors[~c.authors["item"].isin(to_lower)],
        adoptions=_merged(c.adoptions, to_lower, ["tier"], ranks),
        # Every channel's adoptions: one per tier and channel (a 市委办 adoption is not the 市政协's).
        all_adoptions=_merged(c.all_adoptions, to_lower, ["tier", "channel"], ranks) if c.all_adoptions is not None else None,
        forwards=_merged(pd.concat([forwards, _sent_up(c, matches, levels)], ignore_index=True), to_lower, ["tier"]),
        instructions=_merged(c.instructions, to_lower, ["level"],
                             pair=functools.partial(_same_instruction, words=post_words(c.rules.data))),
    )


def _sent_up(c: Counted, matches: pd.DataFrame, levels: dict[str, str]) -> pd.DataFrame:
    """A 上报 per higher record of a lower office's item: to the higher office, on the day it recorded it."""
    subs = c.submissions.set_index("item").loc[matches["higher_item"].to_numpy()].reset_index()
    office = subs["office"].astype(object)
    tier = office.map(levels).fillna(c.rules.own_tier)
    columns = list(c.forwards.columns) if c.forwards is not None else []
    rows = pd.DataFrame({
        "forward": -1, "item": subs["item"], "ref_item_no": "", "ref_title": "", "ref_author": "", "body": office, "tier": tier,
        "channel": c.rules.placement.default_channel, "date": subs["date"], "date_text": "", "date_status": "ok",
        "origin": ROLLUP_ORIGIN, "note": "", "src": subs["src"], "file": subs["file"], "sheet": subs["sheet"],
        "row": subs["row"], "column": "", "office": office, "when": subs["date"],
        "tier_rank": tier.map(c.rules.tier_rank).astype("int64")})
    return rows[[col for col in columns if col in rows] or list(rows.columns)]


# Facts of a record a copy of it may write when the record does not (or, from the office that
# did it, better): the day is taken with them.
_FACTS = ("issue_no", "routing", "department", "leader", "text")


def _merged(df: pd.DataFrame, to_lower: dict, keys: list[str], ranks: dict[str, int] | None = None,
            pair=None) -> pd.DataFrame:
    """``df`` with the higher records of merged items repointed to the lower item, each higher record
    of a lower one (the same ``keys``, or as ``pair`` says) dropped, its facts kept in the lower
    record where that lacks them, or where the higher office did it itself (its own tier, ``ranks``)."""
    moved = df["item"].isin(to_lower).to_numpy()
    df = df.assign(item=df["item"].map(to_lower).fillna(df["item"]).astype("int64"))
    pairs = (pair or _same_keys)(df, moved, ["item", *keys])
    if pairs.empty:
        return df
    facts = pairs.drop_duplicates("lower")  # a lower record takes the facts of its first copy
    higher, lower = df.loc[facts["higher"]], df.loc[facts["lower"]]
    if ranks and "tier_rank" in df:
        own = higher["office"].astype(object).map(ranks).to_numpy() == higher["tier_rank"].to_numpy()
    else:
        own = np.zeros(len(facts), dtype=bool)
    return _with_facts(df, lower, higher, own).drop(index=pairs["higher"].to_numpy()).sort_index()


def _same_keys(df: pd.DataFrame, moved, keys: list[str]) -> pd.DataFrame:
    """(higher, lower) row labels: each higher record and the lower office's record with its keys (a
    second higher record with those keys is paired with the first's)."""
    mine = df[~moved].drop_duplicates(keys)
    theirs = df[moved]
    pairs = theirs[keys].reset_index(names="higher").merge(mine[keys].reset_index(names="lower"), on=keys)
    again = theirs[theirs.duplicated(keys) & ~theirs.index.isin(pairs["higher"])]
    first = theirs.drop_duplicates(keys).reset_index(names="lower")[["lower", *keys]]
    repeats = again[keys].reset_index(names="higher").merge(first, on=keys)
    repeats = repeats[repeats["higher"] != repeats["lower"]]
    return pd.concat([pairs[["higher", "lower"]], repeats[["higher", "lower"]]], ignore_index=True)


def _same_instruction(df: pd.DataFrame, moved, keys: list[str], words: tuple[str, ...] = ()) -> pd.DataFrame:
    """(higher, lower) row labels of one 批示 recorded twice: the same item and level, and the same
    leader where both name one, however each ledger writes the leader (陈某副市长 and 副市长陈某, as
    ``rules.leaders`` says; 州委书记王某 and 州长张某 are two 批示 of one level); a record naming none (市领导,
    posts only) is the same as one of its level that names someone."""
    leader = df["leader"].fillna("").astype(str).map(lambda t: t if leader_person(t, words) else "")
    rows = lambda mask: zip(df.index[mask], map(tuple, df.loc[mask, keys].to_numpy().tolist()), leader[mask])
    free: dict[tuple, list] = {}
    for label, k, name in rows(~moved):
        free.setdefault(k, []).append((label, name))
    found: dict = {}
    for same_leader in (True, False):  # a record of the same leader first, then one naming none
        for label, k, name in rows(moved):
            if label in found or (same_leader and not name):
                continue
            fits = [i for i, (_, other) in enumerate(free.get(k, []))
                    if (bool(other) and same_leader_written(other, name, words) if same_leader else not (other and name))]
            if fits:
                found[label] = free[k].pop(fits[0])[0]
    return pd.DataFrame({"higher": list(found), "lower": list(found.values())})


def _with_facts(df: pd.DataFrame, lower: pd.DataFrame, higher: pd.DataFrame, own: np.ndarray) -> pd.DataFrame:
    """``df`` with the lower records given their higher copy's facts where they lack them or ``own``
    (the copy is the office's record of what it did itself)."""
    df = df.copy()
    dated = higher["date"].notna().to_numpy() & (own | lower["date"].isna().to_numpy()) if "date" in df else None
    for column in df.columns:
        if column in _FACTS:
            take = _written(higher[column]) & (own | ~_written(lower[column]))
        elif column in ("date", "when", "date_text", "date_status") and dated is not None:
            take = dated
        else:
            continue
        if take.any():
            df.loc[lower.index[take], column] = pd.Series(higher[column].to_numpy()[take], index=lower.index[take])
    return df


def _written(values: pd.Series) -> np.ndarray:
    return (values.notna() & (values.astype(object).astype(str).str.strip() != "")).to_numpy()


def missing_offices(ledger: Ledger, tree: OfficeTree) -> pd.DataFrame:
    """Offices whose ledgers could not be read, in whole (缺报) or in part, with the reason."""
    files = ledger.files
    by_office = dict(tuple(files.groupby("office", sort=False))) if len(files) and "office" in files else {}
    rows = []
    for o in tree.offices:
        mine = by_office.get(o.name, files.iloc[:0])
        failed = mine[mine["status"] != "ok"]
        absent = [str(p) for p in o.paths if not p.exists()]
        if mine.empty:
            reason = f"路径不存在：{'、'.join(absent)}" if absent else "未找到台账文件（.xlsx/.xls/.ods）"
            rows.append((o.name, o.level, o.peer_group, "缺报", reason))
        elif not failed.empty:
            reason = "；".join(f"{str(f).replace(chr(92), '/').rsplit('/', 1)[-1]}:{m}" for f, m in zip(failed["file"], failed["message"]))
            status = "缺报" if len(failed) == len(mine) else "部分文件未能读取"
            rows.append((o.name, o.level, o.peer_group, status, reason))
    return pd.DataFrame(rows, columns=MISSING_COLUMNS)


@dataclass
class RollupCircular(QuarterlyCircular):
    """A roll-up office's circular: the quarterly circular with offices in place of units, plus
    the offices missing from it and the records matched (or not) across levels."""

    level: str = ""
    offices: pd.DataFrame = field(default_factory=pd.DataFrame)  # per office, the period, with level
    missing: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MISSING_COLUMNS))
    forwarded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MATCH_COLUMNS))
    uncertain: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=UNCERTAIN_COLUMNS))

    @property
    def area(self) -> str:
        """The area a roll-up office speaks for, as its place ends (恩施州政协 → 全州, 某盟 → 全盟; zh.area),
        else as its level (全市 for an unnamed 市级 office)."""
        return zh.area(place_of(self.office)) or {"县级": "全县", "市级": "全市", "省级": "全省", "全国": "全国"}.get(self.level, "")

    @property
    def title(self) -> str:
        return f"关于{self.period.label}{self.area}社情民意信息工作情况的通报"

    @property
    def file_stem(self) -> str:
        return rollup_stem(self.period)

    def compared_units(self) -> list[str]:
        """The offices below: the roll-up office's own items (本级) are no 地区's, weighed against none."""
        return [u for u in self.units["unit"] if u != self.office]

    def submitted_total(self) -> int:
        """The offices' items, 本级 among them, as the table counts each office's."""
        return int(self.units["submitted"].sum())

    def appendix(self) -> dict[str, pd.DataFrame]:
        """Sheets after the circular's own: missing offices and cross-level matches."""
        return {"缺报情况": self.missing, "跨级重复（已合并）": self.forwarded, "疑似重复（未合并）": self.uncertain}

    def office_rows(self) -> list[dict]:
        """Per-office figures as plain values (what ``sqmy rollup --format json`` prints)."""
        tiers = list(self.summary.adopted_by_tier)
        absent = self.missing[self.missing["read_status"] == "缺报"]
        return [
            {"office": r["office"], "level": r["office_level"], "peer_group": r["peer_group"],
             "submitted": int(r["submitted"]), "adopted": int(r["adopted"]),
             "adopted_by_tier": {t: int(r[f"adopted_{t}"]) for t in tiers}, "instructed": int(r["instructed"]),
             "points": int(r["points"]), "rank": None if pd.isna(r["rank"]) else int(r["rank"]), "missing": False}
            for r in self.offices.to_dict("records")
        ] + [
            {"office": o, "level": lv, "peer_group": g, "submitted": None, "adopted": None, "adopted_by_tier": {},
             "instructed": None, "points": None, "rank": None, "missing": True}
            for o, lv, g in zip(absent["office"], absent["office_level"], absent["peer_group"])
        ]

    def figures(self) -> dict:
        out = super().figures()
        out.update(
            level=self.level, offices=self.office_rows(),
            missing=[{"office": o, "status": s, "reason": r}
                     for o, s, r in zip(self.missing["office"], self.missing["read_status"], self.missing["reason"])],
            forwarded=len(self.forwarded),
            forwarded_by=self.forwarded["how"].value_counts().to_dict() if len(self.forwarded) else {},
            uncertain=[{"office": o, "title": t, "place": p, "candidates": c, "reason": r} for o, t, p, c, r in zip(
                self.uncertain["higher_office"], self.uncertain["title"], self.uncertain["higher_place"],
                self.uncertain["candidates"], self.uncertain["reason"])],
        )
        return out


def rollup_stem(period: Period) -> str:
    """File name stem of a roll-up's outputs: ``2025年第四季度社情民意信息汇总通报`` (from the registry of report kinds)."""
    return ROLLUP.stem(period)


def _offices_roster(c: Counted, tree: OfficeTree, absent: set[str]) -> Roster:
    """Offices as the roster's units (peer group as unit type); offices with nothing read are left
    out of the ranking and listed as missing instead."""
    offices = [o for o in tree.offices if o.name not in absent]
    units = typed("units", {"unit": [o.name for o in offices], "unit_type": [o.peer_group for o in offices]})
    people = c.ledger.roster.people if c.ledger.roster is not None else Roster().people
    return Roster(people=people, units=units)


def build_rollup(ledger: Ledger, tree: OfficeTree, year: int, quarter: int | None = None, rules: Rules | None = None,
                 today: dt.date | None = None) -> RollupCircular:
    """Everything the roll-up shows for ``year`` (or one quarter of it): per-office figures and ranks,
    the totals with forwarded items counted once, missing offices, certain and uncertain matches."""
    rules = arguments.rules(rules, arguments.ledger(ledger, counted_too=False).year)
    rules = rules.for_level(tree.level) if rules is not None else None
    c = counted_from(ledger, rules, today)
    rules = c.rules.for_level(tree.level)
    matches, uncertain = match_forwarded(c, tree)
    merged = merge_forwarded(c, matches, tree)
    # Offices in place of units: every row counts for its office; the offices are the "units".
    subs = merged.submissions.assign(unit=merged.submissions["office"].astype(object))
    missing = missing_offices(ledger, tree)
    absent = set(missing.loc[missing["read_status"] == "缺报", "office"])
    by_office = dataclasses.replace(merged, ledger=dataclasses.replace(ledger, roster=_offices_roster(c, tree, absent)),
                                    submissions=subs, rules=rules)
    circ = build_circular(by_office, year, quarter, rules=rules, office=tree.office, today=today, with_people=False)
    levels = tree.levels
    offices = circ.units.rename(columns={"unit": "office"})
    offices.insert(1, "office_level", offices["office"].map(levels))
    notes = [*tree.notes, *circ.notes]  # how the tree was read, where the folders alone said it
    if len(matches):
        notes.append(f"{len(matches)}条信息同时登记在下级和本级台账中（上报本级），已按一条统计，计入报送的下级政协；"
                     "各层级采用、批示在两处都有记录的只计一次")
    unmatched = int((uncertain["candidates"] == NO_CANDIDATE).sum()) if len(uncertain) else 0
    not_in_tree = int(uncertain["reason"].str.contains(NOT_IN_TREE, regex=False).sum()) if len(uncertain) else 0
    if len(uncertain) > unmatched:
        notes.append(f"另有{len(uncertain) - unmatched}条疑似重复的记录无法确定是否为同一条信息，未合并，见“疑似重复（未合并）”工作表")
    if unmatched > not_in_tree:
        notes.append(f"另有{unmatched - not_in_tree}条本级记录的单位或作者为下级政协，但该政协台账中没有对应信息，已按本级统计，"
                     "请核对下级台账，见“疑似重复（未合并）”工作表")
    if not_in_tree:
        notes.append(f"另有{not_in_tree}条本级记录的单位或作者为未列入本次汇总的下级政协，已按本级统计，"
                     "请核对是否漏报该政协的台账，见“疑似重复（未合并）”工作表")
    fields = {f.name: getattr(circ, f.name) for f in dataclasses.fields(QuarterlyCircular)}
    rollup_rules = rules.data.get("rollup", {})
    # The office's own 本级 is no 地区 that sent nothing (三、存在的问题 names the 地区).
    zero = circ.zero_units[circ.zero_units["unit"] != tree.office].reset_index(drop=True)
    fields.update(notes=notes, unit_word="地区", problems=_missing_text(missing), zero_units=zero,
                  addressee=rollup_rules.get("addressee", circ.addressee),
                  next_steps=list(rollup_rules.get("next_steps", circ.next_steps)))
    return RollupCircular(**fields, level=tree.level, offices=offices, missing=missing, forwarded=matches,
                          uncertain=uncertain)


def _missing_text(missing: pd.DataFrame) -> list[str]:
    out = []
    whole = missing[missing["read_status"] == "缺报"]
    if len(whole):
        out.append(f"{'、'.join(whole['office'])}的台账未能读取或未报送，本通报未计入其数据（原因见随文Excel工作簿“缺报情况”工作表）。")
    part = missing[missing["read_status"] != "缺报"]
    if len(part):
        out.append(f"{'、'.join(part['office'])}有部分台账文件未能读取，相关数据未计入。")
    return out
