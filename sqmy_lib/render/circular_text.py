"""The quarterly circular (and the roll-up) as a 公文: every sentence made from the circular's data.

The document follows real circulars (domain.md §8, "The circular as sent"): an opening with the
purpose and "现将…通报如下：", 一、基本情况 (each figure once), 二、主要特点 (the leading units and
items by name), 三、存在的问题 (analysis: imbalance with shares, quality, participation, quota,
open instructions), 四、下一步工作 (from the rules), then the 附件 (the units table, the 批示 督办
table, the names behind quota, the counting rules). A list longer than the rules allow in a Word
table (``documents.max_table_rows``) goes to the Excel workbook and the text says where.

Each part is a list of small functions, each giving one sentence (or nothing when the data has
nothing to say): a new figure (上报, 上级采用率, channels) is one more function in a list.
"""
from __future__ import annotations

import re
from typing import Callable

import numpy as np
import pandas as pd

from .. import zh
from ..compute.circular import QuarterlyCircular, adoption_rate_text, compared
from ..compute.people import unit_notes
from ..compute.summary import organ_names
from ..compute.units import UNGROUPED
from ..rules.model import DEFAULT_RANK_BY
from ..rules.placement import organ_name
from ..rules.show import RANK_ZH, tie_break_text
from . import spec as specs
from .document import Attachment, Gongwen, Heading, Issuing, Para, TableBlock, _fill, committee_name

DEFAULT_ADDRESSEE = "各界别组、各镇街政协工委，各民主党派县委，县工商联"
UNKNOWN_UNIT = "未注明单位"
TOP_NAMED = 3  # how many items a sentence names before "等"
# Up to this many items a sentence names them all: a short list is read whole, and naming three of
# four leaves the reader asking about the fourth; more would crowd the paragraph (TOP_NAMED and 等).
NAMED_ALL_UP_TO = 5

# The circular's judgements (the rules' circular.low_upper_share, circular.leading_unit) for a rules
# file written before those keys existed: the shipped values.
CIRCULAR_DEFAULTS = {"low_upper_share": 0.2, "leading_unit": {"min_submitted": 2, "min_adopted": 1, "min_points": 20}}


def _setting(circ: QuarterlyCircular, key: str):
    """The rules' ``circular.<key>`` (a mapping completed from the defaults), else its default."""
    given = ((circ.rules.data.get("circular") or {}) if circ.rules is not None else {}).get(key)
    default = CIRCULAR_DEFAULTS[key]
    if isinstance(default, dict):
        return {**default, **(given or {})}
    return default if given is None else given


def _authors(text) -> str:
    """Authors as prose names them: ``廖强华、薛平`` (commas between names become 、, role tags such
    as "(信息员)" are dropped: the title and unit already say enough in a sentence)."""
    text = re.sub(r"[(（][^()（）]*[)）]", "", str(text or "").strip())
    return re.sub(r"\s*[,，;；]\s*", "、", text)


def _item(title, authors="", unit="") -> str:
    """``《关于…的建议》（徐志佳，东城街道政协工委）``."""
    who = [x for x in (_authors(authors), str(unit or "")) if x and x != "nan"]
    who = who[:1] if len(who) == 2 and who[0] == who[1] else who
    return f"《{title}》" + (f"（{'，'.join(who)}）" if who else "")


def _span(circ: QuarterlyCircular) -> str:
    """截至12月底 / 截至9月底: the statistics' cut-off in words."""
    return f"截至{circ.period.last_month}月底"


# ---------------------------------------------------------------- 一、基本情况

def _basic_period(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    return circ.statistics_text


def _basic_year_to_date(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    if circ.year_to_date == circ.period:
        return None
    s = circ.summary_ytd
    text = f"{circ.period.year}年{circ.ytd_word}累计收到社情民意信息{s.submitted}条"
    if s.change is not None:
        since = "比上年" if circ.whole_year else "比上年同期"
        text += "，" + compared(s.change["submitted"], (s.previous or {}).get("submitted", 0), "条", since)
    text += f"；被采用{s.adopted}条"
    if s.adoption_rate is not None:
        text += adoption_rate_text(s, "本年")
    if s.instructions:
        text += f"；获领导批示{s.instructions}件"
    return text + "。"


def _basic_forwarded(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    """上报 is not 采用 (L77): items sent upward, by target tier, those adopted there, the upper rate."""
    s = circ.summary
    forwarded = {t: n for t, n in (getattr(s, "forwarded", None) or {}).items() if n}
    if not forwarded:
        return None
    word = circ.rules.tier_word if circ.rules is not None else str  # 金华市级 in 义乌市's circular
    to = "、".join(f"{word(t)}{n}条" for t, n in reversed(list(forwarded.items())))
    # "所报信息": of these, not every adoption above the office (an item may be taken up unasked).
    text = f"{circ.period_word}向上级报送信息{sum(forwarded.values())}条（其中{to}），所报信息被上级采用{s.forwarded_adopted}条"
    rate = getattr(s, "upper_adoption_rate", None)
    return text + (f"，上级采用率{zh.percent(rate)}" if rate is not None else "") + "。"


# How each of the office's products besides its bulletin is counted in a sentence (L63 = L261).
ROUTING_WORDS = {"专报": "报送专报{n}条", "转报": "转报党委政府{n}件", "转送": "转送部门研究办理{n}件"}


def _basic_routing(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    """The office's products besides its bulletin: 专报 to leaders, 转报 via the Party and government
    offices, 转送 to a department 研究办理 (``本季度除编发《社情民意》外，还报送专报2条，转送部门研究办理1件。``: the
    bulletin by its name in the rules, ``Rules.bulletin``);
    nothing when none."""
    routing = {k: n for k, n in (getattr(circ.summary, "routing", None) or {}).items() if n}
    if not routing:
        return None
    rules = getattr(circ, "rules", None)  # a circular built without rules (a test's stand-in) names the shipped bulletin
    bulletin = rules.bulletin if rules is not None else "社情民意"
    besides = f"除编发《{bulletin}》外，还" if getattr(circ.summary, "published", 0) else ""
    return (f"{circ.period_word}{besides}" + "，".join(ROUTING_WORDS.get(k, k + "{n}条").format(n=n) for k, n in routing.items())
            + "。")


def _basic_channels(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    """Adoptions by channel (政协, 党委政府, 民主党派统战, 部门), when more than one channel has any."""
    channels = {k: n for k, n in (getattr(circ.summary, "adopted_by_channel", None) or {}).items() if n}
    if len(channels) < 2:
        return None
    return "按采用渠道分，" + "、".join(f"{k}渠道{n}条" for k, n in channels.items()) + "。"


def _basic_participation(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    p = circ.summary.participation
    if not p or not p.get("members"):
        return None
    return f"{circ.period_word}，{_members_sent(p['members'], p['members_with_items'])}，委员参与率{zh.percent(p.get('rate'))}。"


def _members_sent(members: int, sent: int) -> str:
    """How many 委员 sent anything, as it is written: 4名委员中有3名报送了信息; all or none of them (均), one
    alone without 均 or 中有 (4名委员中有0名报送了信息, 1名委员均未报送信息 are no sentences anyone writes)."""
    if sent == 0:
        return f"{members}名委员均未报送信息" if members > 1 else "1名委员未报送信息"
    if sent == members:
        return f"{members}名委员均报送了信息" if members > 1 else "1名委员报送了信息"
    return f"{members}名委员中有{sent}名报送了信息"


def _basic_table(circ: QuarterlyCircular, refs: dict[str, str]) -> str | None:
    return f"各{circ.unit_word}报送、采用和积分排名情况见{refs.get('units', '附件')}。"


# Each part: functions of (circular, how the body refers to each 附件) giving a sentence or None.
Section = Callable[[QuarterlyCircular, "dict[str, str]"], "str | tuple[str, str] | None"]
BASIC: list[Section] = [
    _basic_period, _basic_routing, _basic_forwarded, _basic_channels, _basic_year_to_date, _basic_participation,
    _basic_table]


# ---------------------------------------------------------------- 二、主要特点

def _feature_growth(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    """More items than a year before, when the adoptions grew too: 一、基本情况 has said the submissions'
    change (each figure once), so the point says what it has not, the adoptions' (``比上年同期增加5条、
    增长71.4%``); nothing when only the submissions grew (their growth would be said twice)."""
    c, before = circ.summary.change, circ.summary.previous or {}
    if not c or c["submitted"] <= 0 or not before.get("submitted") or c.get("adopted", 0) <= 0:
        return None
    since = "比上年" if circ.period.months == 12 else "比上年同期"
    return ("报送和采用数量同步增长。", f"在报送量{since}增长的同时，{circ.period_word}被采用信息"
            f"{compared(c['adopted'], before.get('adopted', 0), '条', since)}。")


def _feature_leaders(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    """The first of each peer group (``QuarterlyCircular.leading_units``: by the period's points, by the
    year's in a circular that closes the year; none behind its quota), with those points (a quarter's
    are in no table of the circular) and, when the units table ranks a longer span (附件1: 1—9月), each
    one's points and place there, so the two places are never read as one: ``铜陵镇政协工委本季度报送
    信息1条、被采用2条、得11分，积分居镇街政协工委首位（1—9月累计积分20分，列第2名，见附件1）``."""
    table, word = circ.standing(), "全年" if circ.whole_year else circ.period_word
    leaders = circ.leading_units()
    sizes = table.groupby("peer_group")["unit"].size()
    leaders = leaders[leaders["peer_group"].map(sizes).fillna(0) > 1]  # first of one is no distinction
    plain = leaders.loc[~_stands_out(leaders, _setting(circ, "leading_unit")), "peer_group"]
    leaders = leaders[~leaders["peer_group"].isin(plain)]  # a tie is named whole or not at all
    if leaders.empty:
        return None
    parts = []  # a tie is said as one
    for group, tied in leaders.groupby("peer_group", sort=False):
        group = _group_word(group)
        standing = _ytd_standing(circ, list(tied["unit"]), refs)
        if len(tied) == 1:
            r = next(tied.itertuples())
            ahead = _ahead_on_tie(table, r._asdict(), rank_keys(circ))
            # One of a shared first whose partners are behind their quota: its first place is shared.
            shared = str(getattr(r, "rank_text", "")).startswith("并列")
            place = f"{ahead}，列{group}首位" if ahead else f"积分并列{group}首位" if shared else f"积分居{group}首位"
            parts.append(f"{r.unit}{word}报送信息{r.submitted}条、被采用{r.adopted}条、得{int(r.points)}分，"
                         f"{place}{standing}")
        else:
            parts.append(f"{zh.joined(tied['unit'])}{word}积分均为{int(tied['points'].iloc[0])}分，"
                         f"并列{group}首位{standing}")
    return "先进典型示范带动作用明显。", "；".join(parts) + "。"


def _stands_out(units: pd.DataFrame, rule: dict) -> pd.Series:
    """Whether each first of its peer group is one to hold up to the others (rules: circular.leading_unit):
    it sent ``min_submitted`` items with ``min_adopted`` adopted, or gained ``min_points`` points (one
    item taken up by the 省政协); first with one item and 4 points is no 先进典型."""
    by_items = (units["submitted"] >= rule["min_submitted"]) & (units["adopted"] >= rule["min_adopted"])
    return by_items | (units["points"] >= rule["min_points"])


def _group_word(group: str) -> str:
    """A peer group as the text names it: 镇街政协工委; a roll-up's 县, 区 as 各县 (积分居各县首位); the
    units of no group (no unit list) as 各单位, not 未分组."""
    if group == UNGROUPED:
        return "各单位"
    return f"各{group}" if len(group) == 1 else group


def rank_keys(circ: QuarterlyCircular) -> list[str]:
    """What the circular's units are ranked on (the rules' ``points.rank_by``)."""
    return circ.rules.rank_by if circ.rules is not None else list(DEFAULT_RANK_BY)


def _ahead_on_tie(u: pd.DataFrame, first: dict, keys: list[str]) -> str:
    """``与民革县委积分相同、采用条数较多``: why the first of a peer group in ``u`` is first when others have
    its points (the rules' tie-breaks ``keys`` decided); "" when its points are its own."""
    same = u[(u["peer_group"] == first["peer_group"]) & (u["points"] == first["points"]) & (u["unit"] != first["unit"])]
    if same.empty:
        return ""
    best = same.sort_values(keys, ascending=False, kind="stable").iloc[0]
    key = next((k for k in keys[1:] if first[k] != best[k]), None)
    return f"与{zh.joined(same['unit'])}积分相同、{RANK_ZH[key]}较多" if key else ""


def _ytd_standing(circ: QuarterlyCircular, names: list[str], refs: dict[str, str]) -> str:
    """``（1—9月累计积分20分，列第2名，见附件1）``: the units' points and places in the units table when
    it ranks the year to date and the period is not that; "" when they are the same span, or when the
    units named are the year's firsts (a circular that closes the year: ``QuarterlyCircular.standing``)."""
    if circ.year_to_date == circ.period or circ.whole_year:
        return ""
    ytd = circ.units_ytd.set_index("unit")
    said = []
    for name in names:
        if name not in ytd.index or zh.blank(ytd.at[name, "rank"]):
            continue
        place = ytd.at[name, "rank_text"] if "rank_text" in ytd else f"第{int(ytd.at[name, 'rank'])}名"
        place = place if str(place).startswith("并列") else f"列{place}"
        said.append((name, int(ytd.at[name, "points"]), place))
    if not said:
        return ""
    if len(said) == 1:
        text = f"{circ.ytd_word}累计积分{said[0][1]}分，{said[0][2]}"
    else:
        text = f"{circ.ytd_word}累计积分：" + "；".join(f"{n}{k}分、{pl}" for n, k, pl in said)
    return f"（{text}，见{refs.get('units', '附件')}）"


def _feature_higher(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    """The items adopted above the office, by the body that took each (市委办, 省政协, as the ledger
    names it): every one when few (``NAMED_ALL_UP_TO``), else the first ``TOP_NAMED`` with 其中, a body's
    unnamed ones as 等N条 and the bodies none of them named as 另有."""
    higher = circ.higher_adoptions()
    if higher.empty:
        return None
    names = organ_names(circ.adoptions["body"] if "body" in circ.adoptions else higher["body"], circ.rules)
    organs = higher["body"].map(lambda b: names.get(b) or organ_name(str(b)) if not zh.blank(b) else "").where(lambda o: o != "", higher["tier"])
    shown = higher.index < (len(higher) if len(higher) <= NAMED_ALL_UP_TO else TOP_NAMED)
    said, rest = [], {}
    for organ, rows in higher.groupby(organs.to_numpy(), sort=False):
        named = rows[shown[rows.index]]
        if named.empty:
            rest[organ] = len(rows)
            continue
        more = f"等{len(rows)}条信息" if len(rows) > len(named) else ""
        said.append(f"{zh.joined(_item(r.title, r.authors, r.unit) for r in named.itertuples())}{more}被{organ}采用")
    if len(higher) == 1:
        return "优质信息获上级采用。", f"{circ.period_word}{said[0]}。"
    lead = f"{circ.period_word}共有{len(higher)}条信息被上级采用{_received_before(circ, len(higher))}"
    if shown.all():
        return "一批信息被上级采用。", f"{lead}：" + "；".join(said) + "。"
    if rest:
        said.append(f"另有{sum(rest.values())}条信息被{'、'.join(rest)}采用")
    return "一批信息被上级采用。", f"{lead}，其中" + "；".join(said) + "。"


def _received_before(circ: QuarterlyCircular, higher: int) -> str:
    """``（含本季度报送的3条）``: how many of the period's items taken up above were received in it,
    when some were received before (存在的问题 counts only the period's own: 被上级采用的仅3条)."""
    own = circ.summary.higher_of_submitted
    if own >= higher:
        return ""
    return f"（含{circ.period_word}报送的{own}条）" if own else "（均为此前报送的信息）"


def _feature_instructed(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    ins = circ.instructions
    if ins.empty:
        return None
    levels = list(circ.summary.instructions_by_level)
    ranked = ins.assign(rank=ins["level"].map({lvl: k for k, lvl in enumerate(levels)}).fillna(-1))
    ranked = ranked[circ.period.contains(ranked["date"]).to_numpy()] if "date" in ranked else ranked
    if ranked.empty:
        return None
    ranked = ranked.sort_values(["rank", "date"], ascending=[False, True], kind="stable")
    # Every leader who instructed an item is named with it, the highest first (市长李某某、副市长王某某).
    leaders = ranked.groupby("item", sort=False)["leader"].agg(lambda s: "、".join(dict.fromkeys(x for x in s if x)))
    ranked = ranked.drop_duplicates("item").assign(leaders=lambda d: d["item"].map(leaders))
    named = [f"{_item(r.title, r.authors, r.unit)}获{r.leaders or '领导'}批示" for r in ranked.head(TOP_NAMED).itertuples()]
    return "信息成果转化取得实效。", "，".join(named) + "。"


FEATURES: list[Section] = [
    _feature_growth, _feature_leaders, _feature_higher, _feature_instructed]


# ---------------------------------------------------------------- 三、存在的问题

def _problem_balance(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    top, share = circ.concentration()  # ties never split; none when all that sent sent alike
    zero = circ.zero_units
    concentrated = share is not None and share >= 0.4
    if not concentrated and zero.empty:
        return None
    parts = []
    if concentrated:
        together = "共" if len(top) > 1 else ""
        parts.append(f"{zh.joined(top['unit'])}{circ.period_word}{together}报送{int(top['submitted'].sum())}条，"
                     f"占全部报送量的{zh.percent(share)}")
    if not zero.empty:
        when = "全年" if circ.period.months == 12 else circ.period_word
        parts.append(f"{zh.joined(zero['unit'])}{when}未报送信息")
    return "工作开展不够平衡。", "；".join(parts) + "。"


def _problem_quality(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    s = circ.summary
    if not s.submitted:
        return None
    # Of the period's own items (a share of the period's adoptions would count earlier items too).
    higher = s.higher_of_submitted
    share = higher / s.submitted
    low = share < float(_setting(circ, "low_upper_share"))  # half of them taken up above is no problem
    none = circ.units_without_adoption()
    if not low and none.empty:
        return None
    # Both figures are as of the period's end (an item adopted after it, before the circular is sent,
    # would make 均未被采用 false without the cut-off).
    word, parts = circ.period_word, []
    if not s.adopted_of_submitted:  # every unit that sent is in ``none``: one clause, not the same twice
        parts.append(f"{word}报送的{s.submitted}条信息均未被采用")
    elif low:
        parts.append(f"{word}报送的{s.submitted}条信息中，被上级采用的仅{higher}条，占{zh.percent(share)}" if higher
                     else f"{word}报送的信息没有被上级采用")
    if not none.empty and s.adopted_of_submitted:
        parts.append(f"{zh.joined(none['unit'])}{word}报送的信息均未被采用")
    return "信息质量有待提高。", f"{_span(circ)}，" + "；".join(parts) + "。"


def _problem_participation(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    p = circ.summary.participation
    if not p or not p.get("members") or p.get("rate") is None or p["rate"] >= 0.8:
        return None
    missing = p["members"] - p["members_with_items"]
    who = _members_sent(p["members"], 0) if missing == p["members"] else f"{p['members']}名委员中有{missing}名未报送信息"
    return ("委员参与面还不够广。", f"{circ.period_word}{who}，委员参与率为{zh.percent(p['rate'])}。")


def _problem_quota(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    units, people = circ.behind_units, circ.behind_people if circ.people_section else circ.behind_people.iloc[:0]
    if units.empty and people.empty:
        return None
    goal = "年度任务" if circ.whole_year else "年度任务进度"
    parts = []
    if not units.empty:
        silent = units[units["submitted"] == 0]
        some = units[units["submitted"] > 0]
        if len(some):
            # What each is short of, when the computation says (the quota's shortfall), else the rate.
            why = some["shortfall"] if "shortfall" in some else pd.Series("", index=some.index)
            named = "、".join(f"{u}（{w or '完成' + zh.percent(c)}）" for u, c, w in zip(some["unit"], some["completion"], why))
            parts.append(f"{_span(circ)}，{named}未完成{goal}")
        if len(silent):
            parts.append(f"{zh.joined(silent['unit'])}{'全年' if circ.whole_year else circ.ytd_word}未报送信息")
    if not people.empty:
        # A co-writer whose items count for another author (coauthored_counts_each: false) did send.
        wrote = people["credited_elsewhere"].gt(0) if "credited_elsewhere" in people else pd.Series(False, index=people.index)
        none = int(((people["submitted"] == 0) & ~wrote).sum())
        text = f"{_counted_roles(people)}未完成个人{goal}"
        if none:
            text += f"，其中{none}人{'全年' if circ.whole_year else circ.ytd_word}未报送信息"
        parts.append(text + f"，名单见{refs.get('behind', '附件')}" if _behind_attachment(circ) else text)
    return "任务完成不够均衡。", "；".join(parts) + "。"


def _roles_of(people: pd.DataFrame) -> pd.Series:
    """Each person's role as the circular names it (人员 when the roster gives none)."""
    return people["role"].fillna("").astype(str).replace("", "人员") if "role" in people else pd.Series("人员", index=people.index)


def _counted_roles(people: pd.DataFrame) -> str:
    """``4名信息员``, ``1名委员、3名信息员``: the people by the roles they hold, in the order met."""
    counts = _roles_of(people).value_counts(sort=False)
    return "、".join(f"{n}名{role}" for role, n in counts.items())


def _role_names(people: pd.DataFrame) -> str:
    """``信息员``, ``委员和信息员``: the roles named in a list's title."""
    roles = list(dict.fromkeys(_roles_of(people)))
    return "和".join(["、".join(roles[:-1]), roles[-1]]) if len(roles) > 1 else roles[0] if roles else "人员"


def _problem_instructions(circ: QuarterlyCircular, refs: dict[str, str]) -> tuple[str, str] | None:
    """The open 批示: those past their 办理时限, then those only long open, then those only with no
    落实情况 反馈. Each 批示 is counted once: what else is true of some of a group is said inside it
    (``2件已过办理时限仍未办复（其中1件尚无落实情况反馈），且批示后均已超过60天仍未办结``), so that
    the counts never read as adding up to more 批示 than there are."""
    ins = circ.instructions
    if ins.empty:
        return None
    no_report = (ins["status"] == "未反馈").to_numpy(dtype=bool)
    long_open = (pd.to_numeric(ins["days_open"], errors="coerce") > circ.overdue_days).fillna(False).to_numpy(dtype=bool)
    past = ins["overdue"].fillna(False).to_numpy(dtype=bool) if "overdue" in ins else long_open & False
    if not no_report.any() and not long_open.any() and not past.any():
        return None
    long_words = f"批示后{{all}}已超过{circ.overdue_days}天仍未办结"
    silent_words = "{all}尚无落实情况反馈"
    groups = [(past, "已过办理时限仍未办复", [(long_open, long_words), (no_report, silent_words)]),
              (long_open & ~past, long_words.format(all=""), [(no_report, silent_words)]),
              (no_report & ~past & ~long_open, silent_words.format(all=""), [])]
    parts = []
    for group, words, within in groups:
        if group.any():
            parts.append(("另有" if parts else "") + _counted_within(int(group.sum()), words,
                                                                   [(int((group & m).sum()), w) for m, w in within]))
    return "批示件跟踪落实还需加强。", f"{_tracked_word(circ)}中，" + "；".join(parts) + "。"


def _carried(ins: pd.DataFrame) -> np.ndarray:
    """Which 批示 of the 督办 list are earlier ones still open when the year began (``compute.instructions``:
    ``carried``), not the year's own."""
    return ins["carried"].fillna(False).to_numpy(dtype=bool) if "carried" in ins else np.zeros(len(ins), dtype=bool)


def _tracked_word(circ: QuarterlyCircular) -> str:
    """What the 督办 list holds: ``2026年第一季度的领导批示件``, with ``和以往年度至年初尚未办复的领导批示件``
    when earlier ones are carried into it (never named the period's own)."""
    carried = _carried(circ.instructions)
    own = f"{circ.year_to_date.label}的领导批示件"
    if not carried.any():
        return own
    earlier = "以往年度至年初尚未办复的领导批示件"
    return f"{own}和{earlier}" if not carried.all() else earlier


def _counted_within(n: int, words: str, subsets: list[tuple[int, str]]) -> str:
    """``2件已过办理时限仍未办复（其中1件尚无落实情况反馈），且批示后均已超过60天仍未办结``: ``n`` 批示
    and what is true of some of them (其中, in brackets) or of all (且…均); ``{all}`` in a subset's words
    is where 均 goes."""
    some = [f"{k}件{w.format(all='')}" for k, w in subsets if 0 < k < n]
    every = [w.format(all="均" if n > 1 else "") for k, w in subsets if k == n]
    return (f"{n}件{words}" + (f"（其中{'，'.join(some)}）" if some else "")
            + (f"，且{'，'.join(every)}" if every else ""))


def _past_due(ins: pd.DataFrame) -> int:
    """How many 批示 are past their 办理时限 with no 办复 (``compute.instructions``: ``overdue``)."""
    return int(ins["overdue"].sum()) if "overdue" in ins else 0


PROBLEMS: list[Section] = [
    _problem_balance, _problem_quality, _problem_participation, _problem_quota, _problem_instructions]


# ---------------------------------------------------------------- the attachments

def _behind_attachment(circ: QuarterlyCircular) -> bool:
    return circ.people_section and not circ.behind_people.empty


def _too_long(n: int, issuing: Issuing, stem: str, sheet: str, counted: str) -> Para:
    """A list too long for the 公文, pointed at in its workbook: ``counted`` its measure word (个 units,
    件 批示, 名 people)."""
    return Para(f"共{n}{counted}，篇幅较长，不在此列出，详见随文印发的Excel工作簿《{stem}.xlsx》“{sheet}”工作表。")


def _units_attachment(circ: QuarterlyCircular, issuing: Issuing) -> Attachment:
    from .circular_xlsx import sheet_names

    table = _no_quota_said(circ, circ.units_by_period())
    spec = units_table_spec(circ)
    word = circ.unit_word
    notes = [f"“排名”为同类{word}按{circ.ytd_word}积分排名，{zh.punctuate(tie_break_text(rank_keys(circ)))}"]
    if ties := rank_ties(circ):
        notes.append(ties)
    if any(c.key == ("年度累计", "quota") for c in spec) and (said := _quota_note(circ)):
        notes.append(said)
    blocks: list = [Para("；".join(notes) + "。")]
    if len(table) > issuing.max_rows:
        blocks.append(_too_long(len(table), issuing, circ.file_stem, sheet_names(circ)["各单位情况"], "个单位"))
    else:
        blocks.append(TableBlock(table, spec, small=True))
    return Attachment(f"{circ.period.label}各{word}社情民意信息报送采用情况统计表", blocks)


def _no_quota_said(circ: QuarterlyCircular, table):
    """The units table with 无任务 in the 任务 cell of a unit whose type the rules give no quota (县工商联
    where 工商联 has none), so that a blank there is never read as a figure left out."""
    key = ("年度累计", "quota")
    if key not in table or circ.rules is None:
        return table
    quotas = circ.rules.data.get("quotas", {}).get("units") or {}
    none = table[key].isna() & ~table[("", "peer_group")].map(lambda g: bool((quotas.get(g) or {}).get("items")))
    if none.any():
        table = table.copy()
        table[key] = table[key].astype(object).where(~none, "无任务")
    return table


def _quota_note(circ: QuarterlyCircular) -> str:
    """What the year-to-date 任务 column holds, by the units' quota rules: a year's quota spread to the
    quarter's end (``prorate: true``), the whole year's (due at its end), the months' or quarters' so far;
    each kind named with its unit types when the types differ."""
    m = circ.period.last_month
    kinds = {("year", True): f"年度任务折算至{m}月底的进度任务", ("year", False): "全年任务",
             ("quarter", True): f"季度任务按月折算累计至{m}月底", ("quarter", False): f"各季度任务累计至{m}月底",
             ("month", True): f"每月任务累计至{m}月底", ("month", False): f"每月任务累计至{m}月底"}
    quotas = circ.rules.data.get("quotas", {}).get("units") or {}
    types: dict[str, list[str]] = {}
    for group in dict.fromkeys(circ.units["peer_group"]):
        if isinstance(q := quotas.get(group), dict) and q.get("items"):
            types.setdefault(kinds[(q.get("per"), bool(q.get("prorate")))], []).append(str(group))
    if len(types) == 1:
        return f"“任务”为{next(iter(types))}"
    return ("“任务”：" + "，".join(f"{'、'.join(names)}为{kind}" for kind, names in types.items())) if types else ""


def rank_ties(circ: QuarterlyCircular) -> str:
    """The units table's equal points, said: places shared (民革县委、民盟县委积分、采用条数、报送条数均相同，
    并列民主党派第1名: the column shows 1 and 1, and a 1 read alone is taken for a place held alone), and
    places the tie-breaks decided (民盟县委、民革县委积分相同，按采用条数、报送条数依次比较排定名次: the
    column shows 13 and 13 with 1 and 2); '' when no two units of a group have the same points."""
    u = circ.units_ytd
    if u.empty or "rank" not in u:
        return ""
    u = u[u["rank"].notna()]  # a roll-up's office that sent no ledger has no rank
    keys = rank_keys(circ)
    parts = []
    for (group, _), rows in u[u.duplicated(["peer_group", "points"], keep=False)].groupby(["peer_group", "points"], sort=False):
        parts += _equal_points(rows, _group_word(group), keys)
    return "；".join(parts)


def _equal_points(rows: pd.DataFrame, group: str, keys: list[str]) -> list[str]:
    """What ``rank_ties`` says of one peer group's units with the same points: how their places were
    decided (the tie-breaks), and the places still shared."""
    rest = "、".join(RANK_ZH[k] for k in keys[1:])
    broken = rows["rank"].nunique() > 1
    said = [f"{zh.joined(rows['unit'])}积分相同，按{rest}{'依次比较' if len(keys) > 2 else ''}排定名次"] if broken else []
    for rank, tied in rows.groupby("rank", sort=False):
        if len(tied) < 2:
            continue
        who = zh.joined(tied["unit"])
        same = f"其中{who}的{rest}也相同" if broken else f"{who}积分{f'、{rest}均' if rest else ''}相同"
        said.append(f"{same}，并列{group}第{int(rank)}名")
    return said


def units_table_spec(circ: QuarterlyCircular) -> specs.TableSpec:
    """The units table as the circular shows it (Word, Excel, HTML)."""
    with_quota = bool(circ.units_ytd["quota"].notna().any()) if "quota" in circ.units_ytd else False
    return specs.units_by_period(circ.period_word, circ.unit_word, "全年" if circ.whole_year else "年度累计",
                                 with_quota=with_quota, same=circ.year_to_date == circ.period)


INSTRUCTION_SPEC = specs.spec(
    specs.Column("title", "信息标题（报送单位）", "long"), specs.Column("leader", "批示领导"),
    specs.Column("date", "批示日期", "day"), specs.Column("follow_up", "落实情况", "long"),
    specs.Column("status", "办理状态"))


def instruction_spec(circ: QuarterlyCircular) -> specs.TableSpec:
    """The 批示 督办 table's columns, 办理状态 headed with the day its status and days open are counted
    to (``办理状态（截至9月30日）``: "已117天" is to that day, not to the day the circular is read)."""
    return INSTRUCTION_SPEC.relabel(status=f"办理状态（截至{zh.month_day(circ.as_of_day)}）")


def instruction_rows(circ: QuarterlyCircular) -> pd.DataFrame:
    """The 批示 督办 table: the unit with the title, status with the days open (only when open),
    逾期未办复 when past its 办理时限 with no 办复, and 逾期办复 when the reply came after it."""
    ins = circ.instructions
    units = ins["unit"].map(lambda u: "" if zh.blank(u) else f"（{u}）")
    days = ins["days_open"].map(lambda d: f"，已{int(d)}天" if not zh.blank(d) and int(d) > 0 else "")
    late = ins["late"].map(lambda v: "（逾期办复）" if v else "") if "late" in ins else ""
    overdue = ins["overdue"].map(lambda v: "（逾期未办复）" if v else "") if "overdue" in ins else ""
    return ins.assign(title=ins["title"].astype(str) + units, status=ins["status"].astype(str) + days + overdue + late)


def _instructions_attachment(circ: QuarterlyCircular, issuing: Issuing) -> Attachment | None:
    from .circular_xlsx import sheet_names

    ins = circ.instructions
    if ins.empty:
        return None
    carried = _carried(ins)
    said = [_statuses_text(f"{circ.year_to_date.label}共有{ins.loc[~carried, 'item'].nunique()}条信息获领导批示{int((~carried).sum())}件",
                           ins[~carried])] if (~carried).any() else []
    if carried.any():  # earlier 批示 still open at the year's start: tracked, not counted as the year's
        earlier = f"以往年度领导批示件中至年初尚未办复的{int(carried.sum())}件"
        said.append(_statuses_text(f"另有{earlier}一并列出" if said else earlier, ins[carried]))
    office = issuing.organ
    blocks: list = [Para("。".join(said) + f"。{office}将像办理政协提案那样跟踪督办，及时向报送单位和作者反馈办理结果。")]
    if len(ins) > issuing.max_rows:
        blocks.append(_too_long(len(ins), issuing, circ.file_stem, sheet_names(circ)["批示件跟踪"], "件批示"))
    else:
        blocks.append(TableBlock(instruction_rows(circ), instruction_spec(circ)))
    return Attachment(f"{circ.year_to_date.label}领导批示件办理情况", blocks)


def _statuses_text(lead: str, ins: pd.DataFrame) -> str:
    """``2026年第一季度共有2条信息获领导批示3件，其中已办结1件、办理中2件，1件已过办理时限仍未办复``."""
    status = "、".join(f"{st}{n}件" for st, n in ins["status"].value_counts().items())
    past_due = f"；{n}件已过办理时限仍未办复" if (n := _past_due(ins)) else ""
    return f"{lead}，其中{status}{past_due}"


def _behind_people_attachment(circ: QuarterlyCircular, issuing: Issuing) -> Attachment | None:
    from .circular_xlsx import sheet_names

    if not _behind_attachment(circ):
        return None
    people = circ.behind_people
    goal = "年度任务" if circ.whole_year else "年度任务进度"
    spec = specs.BEHIND_PEOPLE
    if len(people) > issuing.max_rows:
        blocks = [_too_long(len(people), issuing, circ.file_stem, sheet_names(circ)["未完成任务名单"], "名人员")]
    else:
        table = _by_unit(circ, people.assign(unit=people["unit"].fillna("").replace("", UNKNOWN_UNIT)))
        blocks = [TableBlock(table, spec.without("role") if table["role"].eq("").all() else spec)]
    if said := unit_notes(people):  # a 单位 the roster does not write: whose, and from what
        blocks.insert(0, Para(f"{said}。"))
    when = f"{circ.period.year}年" if circ.whole_year else _span(circ)
    return Attachment(f"{when}未完成{goal}的{_role_names(people)}名单", blocks)


def _by_unit(circ: QuarterlyCircular, people: pd.DataFrame) -> pd.DataFrame:
    """People in the order their units stand in 附件1 (the rules' order of unit types, then each unit's
    place, then its name), a unit 附件1 does not list after those (by name); in a unit the furthest
    behind first, then by name."""
    place = {u: k for k, u in enumerate(circ.units_ytd["unit"])}
    keyed = people.assign(_unit_place=people["unit"].map(place).fillna(len(place)))
    return keyed.sort_values(["_unit_place", "unit", "completion", "name"], kind="stable").drop(columns="_unit_place")


def adopted_in_each_period(rules) -> str:
    """How 被采用 adds up over periods, for the 统计口径: it counts the items adopted in the period
    (``summary.adopted``), so an item adopted in two quarters is in both and once in the year, and
    the quarters' 被采用 may add up to more than the year's (points and money count what an item
    gained, and add up). The example from the rules' own first two tiers."""
    tiers = [rules.tier_word(t) for t in list(rules.tiers)[:2]]
    example = f"(如一季度被{tiers[0]}采用、三季度又被{tiers[1]}采用)" if len(tiers) == 2 else ""
    return (f"同一条信息在不同期间被采用的{example},在各该期间的被采用条数中各计1条,在年度累计中只计1条,"
            "因此各季度(各月)的被采用条数相加可能多于年度累计。")


def _rules_attachment(circ: QuarterlyCircular, issuing: Issuing) -> Attachment | None:
    if circ.rules is None:
        return None
    from ..rules.show import _periods, _points, _quotas

    blocks: list = [Heading("统计口径")] + [Para(_clean(t)) for t in [*_periods(circ.rules), adopted_in_each_period(circ.rules)]]
    blocks += [Heading("计分办法")] + [Para(_clean(t)) for t in _points(circ.rules)]
    if circ.people_section:  # the unit types the office has (no 专委会 where it has none)
        has = set(circ.units_ytd["peer_group"]) if "peer_group" in circ.units_ytd else None
        blocks += [Heading("报送任务")] + [Para(_clean(t)) for t in _quotas(circ.rules, has)]
    return Attachment("统计口径和计分办法", blocks)


def _clean(line: str) -> str:
    return zh.punctuate(line.strip())


ATTACHMENTS = {"units": _units_attachment, "instructions": _instructions_attachment,
               "behind": _behind_people_attachment, "rules": _rules_attachment}


# ---------------------------------------------------------------- the whole document

def _numbered(step: str, n: int) -> Para:
    """A next step with its bold lead ("一是进一步提高思想认识。") and the rest."""
    head, sep, rest = step.partition("。")
    return Para(rest, lead=f"{zh.zh_number(n)}是{head}{sep}") if sep and rest else Para(step, lead=f"{zh.zh_number(n)}是")


def _points(found: list[tuple[str, str]]) -> list[Para]:
    return [Para(text, lead=f"{zh.zh_number(n)}是{lead}") for n, (lead, text) in enumerate(found, 1)]


def opening(circ: QuarterlyCircular) -> str:
    """The purpose and "现将…通报如下："."""
    area = getattr(circ, "area", "") or ""
    return (f"为全面掌握{area}社情民意信息工作情况，激励先进、督促后进，推动社情民意信息工作提质增效，"
            f"现将{circ.period.label}{area}社情民意信息工作情况通报如下：")


def next_steps(circ: QuarterlyCircular, issuing: Issuing) -> list[str]:
    """The rules' 下一步工作 with their placeholders filled by name, as the documents' are: {office} the
    office's short name (南岭区政协: a 区's circular must not say 县政协办公室), {full_name} the
    committee's, {issuer} the issuing organ."""
    office_rules = (circ.rules.data.get("office") or {}) if circ.rules is not None else {}
    office = circ.office or office_rules.get("name") or "本会"
    fill = {"office": office, "full_name": committee_name(office, office_rules), "issuer": issuing.organ}
    return [_fill(step, fill) for step in circ.next_steps]


def circular_gongwen(circ: QuarterlyCircular, issuing: Issuing) -> Gongwen:
    """The circular (or roll-up) as a :class:`Gongwen`."""
    made = {key: f(circ, issuing) for key, f in ATTACHMENTS.items()}
    made = {key: a for key, a in made.items() if a}
    refs = {key: f"附件{n}" if len(made) > 1 else "附件" for n, key in enumerate(made, 1)}
    body: list = [Para(opening(circ)), Heading("基本情况")]
    body += [Para(t) for t in (f(circ, refs) for f in BASIC) if t]
    features = [x for x in (f(circ, refs) for f in FEATURES) if x]
    if features:
        body += [Heading("主要特点")] + _points(features)
    problems = [x for x in (f(circ, refs) for f in PROBLEMS) if x] + [("", t) for t in circ.problems]
    if problems:
        body += [Heading("存在的问题")] + _points(problems)
    if circ.next_steps:
        body += [Heading("下一步工作")] + [_numbered(step, n) for n, step in enumerate(next_steps(circ, issuing), 1)]
    return Gongwen(circ.title, circ.addressee or DEFAULT_ADDRESSEE, body, issuing, list(made.values()))
