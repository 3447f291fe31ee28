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
   an instruction at a level) recorded in both is counted once, at the tier that adopted it.
3. ``build_rollup`` counts per office (offices in place of units, ranked within their peer
   group) and builds the circular the quarterly circular's renderers lay out.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from ..records import Ledger, OfficeTree, Roster
from ..rules import Rules
from .circular import QuarterlyCircular, build_circular
from .counted import Counted, counted
from ..kinds import ROLLUP
from ..period import Period

MATCH_COLUMNS = ["lower_office", "lower_item", "higher_office", "higher_item", "how", "days",
                 "title", "lower_place", "higher_place"]
UNCERTAIN_COLUMNS = ["higher_office", "higher_item", "title", "higher_place", "candidates", "reason"]
MISSING_COLUMNS = ["office", "office_level", "peer_group", "read_status", "reason"]
# 东山县-2025-0012, 东山县2025-0012, DS_2025-0012: a prefix without digits, separators, the lower 编号.
_NUMBER_SCHEME = re.compile(r"^(?P<code>\D+?)[\s\-_—–·/:：]*(?P<no>\d.*)$")
BY_NUMBER, BY_TITLE = "编号", "标题+作者+日期"
NO_CANDIDATE = "下级台账中无对应记录"  # a doubt's candidates when the office it names holds no such item


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
    cols = ["item", "item_no", "title", "title_key", "date", "office", "unit", "file", "sheet", "row"]
    subs = subs[cols].assign(office=subs["office"].astype(object), level=subs["office"].astype(object).map(rank))
    if subs.empty or subs["level"].nunique() < 2:
        return pd.DataFrame(columns=MATCH_COLUMNS), pd.DataFrame(columns=UNCERTAIN_COLUMNS)
    certain, uncertain = [], []
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
    below = {alias: o for o in tree.offices for alias in (o.name, o.code) if alias}
    rank = {o.name: c.rules.tiers.index(o.level) for o in tree.offices}
    authors = c.authors.groupby("item")["name"].agg(list)
    rows = []
    for item, unit, office, level in zip(higher["item"], higher["unit"], higher["office"], higher["level"]):
        for name in [unit, *authors.get(item, [])]:
            named = below.get(name) if isinstance(name, str) else None
            if named is not None and named.name != office and rank[named.name] < level:
                rows.append({"higher_item": item, "lower_item": None,
                             "reason": f"单位或作者为{named.name}，但{named.name}台账中没有这条信息（按{office}本级统计）"})
                break
    return pd.DataFrame(rows, columns=["higher_item", "lower_item", "reason"])


def _by_number(lower: pd.DataFrame, higher: pd.DataFrame, tree: OfficeTree) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Higher records whose 编号 is a lower office's code plus one of its 编号."""
    codes = {}
    for o in tree.offices:
        for alias in (o.code, o.name):
            if alias:
                codes.setdefault(alias, o.name)
    parts = higher["item_no"].astype(str).str.extract(_NUMBER_SCHEME)
    found = higher.assign(lower_office=parts["code"].str.strip().map(codes), lower_no=parts["no"])
    found = found[found["lower_office"].notna()]
    pairs = found.merge(lower[["item", "item_no", "title_key", "office", "level", "date"]],
                        left_on=["lower_office", "lower_no"], right_on=["office", "item_no"], suffixes=("", "_l"))
    pairs = pairs[pairs["level_l"] < pairs["level"]]
    pairs = pairs.assign(higher_item=pairs["item"], lower_item=pairs["item_l"], how=BY_NUMBER,
                         days=(pairs["date"] - pairs["date_l"]).dt.days)
    agree = pairs["title_key"] == pairs["title_key_l"]
    doubt = pairs[~agree].assign(reason="编号对应" + pairs["lower_office"] + "的信息，但标题不同")
    return pairs.loc[agree, ["lower_item", "higher_item", "how", "days"]], doubt[["higher_item", "lower_item", "reason"]]


def _by_title(c: Counted, lower: pd.DataFrame, higher: pd.DataFrame, tree: OfficeTree,
              window: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Higher records with the title of a lower office's item, checked on author and date."""
    # Titled alike but for a closing 的建议 (关于规范电动自行车充电管理 / …管理的建议): one title to match by,
    # the author and the dates checked as for any title.
    key = lambda t: t["title_key"].map(_without_closing_words)
    pairs = higher[["item", "title_key", "date", "level", "unit"]].assign(match=key(higher)).merge(
        lower[["item", "date", "level", "office"]].assign(match=key(lower)), on="match", suffixes=("", "_l"))
    pairs = pairs[(pairs["level_l"] < pairs["level"]) & (pairs["match"] != "")].reset_index(drop=True)
    if pairs.empty:
        return pd.DataFrame(columns=["lower_item", "higher_item", "how", "days"]), pd.DataFrame(columns=["higher_item", "lower_item", "reason"])
    pairs["pair"] = pairs.index
    names = c.authors[["item", "name"]]
    common = (pairs[["pair", "item", "item_l"]].merge(names, on="item")
              .merge(names.rename(columns={"item": "item_l"}), on=["item_l", "name"]))
    # A forwarded record often names the lower office itself (东山县政协) as its author or unit.
    office_names = {o.name: {o.name, o.code} for o in tree.offices}
    by_office = pairs[["pair", "item", "office", "unit"]].merge(names, on="item", how="left")
    names_office = [n in office_names.get(o, ()) or u in office_names.get(o, ())
                    for n, u, o in zip(by_office["name"], by_office["unit"], by_office["office"])]
    author_ok = pairs["pair"].isin(common["pair"]) | pairs["pair"].isin(by_office.loc[names_office, "pair"])
    days = (pairs["date"] - pairs["date_l"]).dt.days
    in_window = days.abs() <= window
    pairs = pairs.assign(author_ok=author_ok, days=days, in_window=in_window, full=author_ok & in_window)
    fits = pairs.groupby("item")["full"].transform("sum")
    sure = pairs[pairs["full"] & (fits == 1)]
    certain = sure.rename(columns={"item": "higher_item", "item_l": "lower_item"}).assign(how=BY_TITLE)
    # Doubtful: several full fits, or a title with one of author and date agreeing. A common title
    # by someone else months apart is another item, not a doubt.
    doubt = pairs[~pairs["item"].isin(sure["item"]) & (pairs["full"] | ((fits == 0) & (author_ok | in_window)))]
    reasons = [
        f"标题相同，可能对应{n}条信息" if full else "标题相同，但" + "、".join(
            r for r, bad in (("作者不同", not a_ok), (f"日期相差{abs(int(d))}天" if pd.notna(d) else "日期缺失", not w_ok)) if bad)
        for full, n, a_ok, w_ok, d in zip(doubt["full"], fits[doubt.index], doubt["author_ok"], doubt["in_window"], doubt["days"])
    ]
    doubt = doubt.rename(columns={"item": "higher_item", "item_l": "lower_item"}).assign(reason=reasons)
    return certain[["lower_item", "higher_item", "how", "days"]], doubt[["higher_item", "lower_item", "reason"]]


_CLOSING_WORDS = re.compile(r"(?:的)?(?:建议|意见|思考|对策建议|几点建议|调研报告|报告)$")


def _without_closing_words(key: str) -> str:
    """A title key less a closing 的建议 / 的思考 (when enough is left to be a title)."""
    rest = _CLOSING_WORDS.sub("", key)
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


def merge_forwarded(c: Counted, matches: pd.DataFrame) -> Counted:
    """One item per certain pair, credited to the lower office; an adoption tier or instruction
    level recorded in both ledgers counts once (in every channel's adoptions too, so the bodies,
    channels and 专报/转报/转送 figures count the pair once, as the tiers do)."""
    if matches.empty:
        return c
    to_lower = dict(zip(matches["higher_item"], matches["lower_item"]))

    def repoint(df: pd.DataFrame, *keys: str) -> pd.DataFrame:
        moved = df["item"].isin(to_lower)
        df = df.assign(item=df["item"].map(to_lower).fillna(df["item"]).astype("int64"))
        # The lower office's own records first, so a duplicate from the higher ledger is the one dropped.
        order = moved.to_numpy().argsort(kind="stable")
        df = df.iloc[order]
        keep = ~(df.duplicated(["item", *keys], keep="first") & moved.iloc[order].to_numpy())
        return _dated_by_the_copy(df[keep], df[~keep], ["item", *keys]).sort_index()

    return dataclasses.replace(
        c,
        submissions=c.submissions[~c.submissions["item"].isin(to_lower)],
        authors=c.authors[~c.authors["item"].isin(to_lower)],
        adoptions=repoint(c.adoptions, "tier"),
        # Every channel's adoptions: one per tier and channel (a 市委办 adoption is not the 市政协's).
        all_adoptions=repoint(c.all_adoptions, "tier", "channel") if c.all_adoptions is not None else None,
        forwards=repoint(c.forwards, "tier") if c.forwards is not None else None,
        instructions=repoint(c.instructions, "level"),
    )


def _dated_by_the_copy(kept: pd.DataFrame, dropped: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """A kept record with no day of its own takes the day its dropped copy writes (报市政协，市政协采用第41期
    in the district's row, 采用日期 2025-10-30 in the city's): it was counted on the item's day, a quarter early."""
    if "date" not in kept or dropped.empty or not kept["date"].isna().any():
        return kept
    dated = dropped[dropped["date"].notna()].drop_duplicates(keys)
    if dated.empty:
        return kept
    copies = kept[keys].merge(dated[[*keys, "date"] + (["when"] if "when" in dated else [])], on=keys, how="left")
    fill = kept["date"].isna().to_numpy() & copies["date"].notna().to_numpy()
    if not fill.any():
        return kept
    kept = kept.copy()
    for column in ("date", "when"):
        if column in kept and column in copies:
            kept.loc[fill, column] = copies.loc[fill, column].to_numpy()
    return kept


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
        """全市 / 全省 / 全县 / 全国: the area a roll-up office speaks for."""
        return {"县级": "全县", "市级": "全市", "省级": "全省", "全国": "全国"}.get(self.level, "")

    @property
    def title(self) -> str:
        return f"关于{self.period.label}{self.area}社情民意信息工作情况的通报"

    @property
    def file_stem(self) -> str:
        return rollup_stem(self.period)

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
             "points": int(r["points"]), "rank": int(r["rank"]), "missing": False}
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
    units = pd.DataFrame({"unit": [o.name for o in offices], "unit_type": [o.peer_group for o in offices],
                          "file": "", "sheet": "", "row": 0})
    people = c.ledger.roster.people if c.ledger.roster is not None else Roster().people
    return Roster(people=people, units=units)


def build_rollup(ledger: Ledger, tree: OfficeTree, year: int, quarter: int | None = None, rules: Rules | None = None,
                 today: dt.date | None = None) -> RollupCircular:
    """Everything the roll-up shows for ``year`` (or one quarter of it): per-office figures and ranks,
    the totals with forwarded items counted once, missing offices, certain and uncertain matches."""
    rules = rules.for_level(tree.level) if rules is not None else None
    c = counted(ledger, rules, today)
    rules = c.rules.for_level(tree.level)
    matches, uncertain = match_forwarded(c, tree)
    merged = merge_forwarded(c, matches)
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
    notes = list(circ.notes)
    if len(matches):
        notes.append(f"{len(matches)}条信息同时登记在下级和本级台账中（上报本级），已按一条统计，计入报送的下级政协；"
                     "各层级采用、批示在两处都有记录的只计一次")
    unmatched = int((uncertain["candidates"] == NO_CANDIDATE).sum()) if len(uncertain) else 0
    if len(uncertain) > unmatched:
        notes.append(f"另有{len(uncertain) - unmatched}条疑似重复的记录无法确定是否为同一条信息，未合并，见“疑似重复（未合并）”工作表")
    if unmatched:
        notes.append(f"另有{unmatched}条本级记录的单位或作者为下级政协，但该政协台账中没有对应信息，已按本级统计，"
                     "请核对下级台账，见“疑似重复（未合并）”工作表")
    fields = {f.name: getattr(circ, f.name) for f in dataclasses.fields(QuarterlyCircular)}
    rollup_rules = rules.data.get("rollup", {})
    fields.update(notes=notes, unit_word="地区", problems=_missing_text(missing),
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
