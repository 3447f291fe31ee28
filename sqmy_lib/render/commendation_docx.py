"""The commendation decision (表彰决定) as a 公文, from an :class:`AnnualCommendation`.

As real decisions are written (domain.md §8): the work of the year (or years, or term) in one
paragraph, then the basis (``commendations.basis``, the office's 办法) and the decider
(``commendations.decided_by``, the 主席会议) and what is conferred, with the counts of every list;
a closing exhortation; the lists themselves as 附件 (先进集体 by peer group, 优秀信息员, 十佳信息,
好信息, 先进工作者 when some are awarded; a grade (奖项等次), when the rules set them, shown
with each name); signed by the committee (``documents.commendation``). An empty list is left out
of the decision; all wording from the ledgers goes in as plain text.

Until the candidates are confirmed the lists are suggestions: the decision is a draft, and says
so in the header of every page (and at the top of the HTML page).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import zh
from ..compute.commendation import COUNT_WORD, INFORMANTS, UNITS, AnnualCommendation
from ..rules.placement import place_of
from . import spec as specs
from .commendation_xlsx import without_empty_grade
from .document import Attachment, Gongwen, Issuing, Para, TableBlock
from .gongwen import write_gongwen

DEFAULT_ADDRESSEE = "各界别组、各镇街政协工委，各民主党派县委，县工商联，各位委员、信息员"

TOP_SPEC = specs.spec(specs.Column("place", "序号", "count"), specs.Column("title", "信息标题", "long"),
                      specs.Column("author_text", "作者"), specs.Column("tier", "最高采用层级"),
                      specs.Column("instructed", "领导批示"), specs.GRADE)
GOOD_SPEC = specs.spec(specs.Column("title", "信息标题", "long"), specs.Column("author_text", "作者"),
                       specs.Column("follow_up", "落实情况", "long"), specs.GRADE)
INFORMANT_SPEC = specs.spec(specs.Column("place", "序号", "count"), specs.Column("name", "姓名"),
                            specs.Column("unit", "单位"), specs.GRADE)


def _numbered(table: pd.DataFrame) -> pd.DataFrame:
    """A list with its 序号 running 1, 2, 3 (the places, tied ones shared, are the candidates workbook's)."""
    return table.assign(place=range(1, len(table) + 1))


def _text(value) -> str:
    """A ledger value as text; blank when missing."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _scope(office: str) -> str:
    """``全县`` for 示例县政协 (``全市``, ``全州``, ``全区`` likewise: zh.area); empty when the office name does not say."""
    return zh.area(place_of(office))


def _who(office: str) -> str:
    """Who did the work: a county's one 政协 and its 参加单位; a city's or province's 各级政协组织."""
    scope = _scope(office)
    if scope in ("全县", "全区", "全旗"):
        return f"{scope}政协各参加单位、各镇（街道）政协工委和广大委员、信息员"
    return f"{scope}各级政协组织和广大委员、信息员"


def _when(comm: AnnualCommendation) -> str:
    """The time the work was done, as the opening names it: 2025年, 2024—2025年, 本届(2022—2026年)以来."""
    years = list(comm.years) or [comm.year]
    if comm.label and not comm.label.endswith("年度"):  # a term
        return f"{comm.label}以来"
    return f"{years[0]}年" if len(years) == 1 else f"{years[0]}—{years[-1]}年"


def _named(names: pd.Series, word: str) -> str:
    """黄敏 for one, 黄敏等3名 (等3个单位) for several: no 等1名."""
    return names.iloc[0] if len(names) == 1 else f"{names.iloc[0]}等{len(names)}{word}"


def _honours(comm: AnnualCommendation) -> list[str]:
    """The clauses conferring each honour, leaving out a list that is empty."""
    span, out = comm.span, []
    units, people = comm.units["unit"].map(_text), comm.informants["name"].map(_text)
    workers = comm.workers["name"].map(_text)
    if len(units):
        out.append(f"授予{_named(units, '个单位')}“{span}社情民意信息工作先进集体”称号")
    if len(people):
        out.append(f"授予{_named(people, '名')}同志“{span}优秀信息员”称号")
    if len(workers):
        out.append(f"授予{_named(workers, '名')}同志“{span}社情民意信息工作先进工作者”称号")
    items = [f"{_named(df['title'].map(lambda t: f'《{_text(t)}》'), '篇信息')}为“{honour}”"
             for df, honour in ((comm.top_items, "十佳信息"), (comm.good_items, "好信息")) if len(df)]
    if items:
        out.append("评选" + "，".join(items))
    return out


def opening(comm: AnnualCommendation) -> str:
    """The work of the period in one paragraph."""
    return (f"{_when(comm)}，{_who(comm.office)}围绕党委政府中心工作，深入基层、贴近群众，积极反映社情民意，"
            "为党委政府科学决策提供了有益参考，社情民意信息工作取得了新的成效。")


def decision(comm: AnnualCommendation, basis: str = "", decided_by: str = "") -> str:
    """What is decided, on what basis and by whom, with the counts of every list."""
    honours = _honours(comm)
    if not honours:
        return f"{comm.span}未评出先进集体和先进个人。"
    under = f"根据{basis}，" if basis else ""
    by = f"经{decided_by}研究" if decided_by else "经研究"
    return f"为表彰先进、激励担当，{under}{by}，决定" + "，".join(honours) + "。"


def closing(comm: AnnualCommendation) -> str:
    """The closing exhortation; the praise of those commended only when someone is."""
    who = _who(comm.office).removeprefix(_scope(comm.office))
    duty = (f"坚持围绕中心、服务大局，知实情、建良言，及时准确反映社情民意，"
            f"为推动{_scope(comm.office)}经济社会高质量发展作出新的更大贡献。")
    if not _honours(comm):
        return f"希望{who}{duty}"
    praised = _praised(comm)
    return (f"希望受表彰的{praised}珍惜荣誉、再接再厉，在今后的工作中继续发挥示范带动作用。"
            f"{who}要以受表彰的{praised}为榜样，{duty}")


def _praised(comm: AnnualCommendation) -> str:
    """Those commended as the closing names them: 先进集体和个人, or 先进集体 when only units are,
    个人 when no unit is (the people commended, or the authors of the items); 单位和个人 (单位) when no
    先进集体 is but a 十佳信息 or 好信息 commended was filed in a unit's name (县工商联), which is no 个人."""
    people = any(len(df) for df in (comm.informants, comm.workers, comm.top_items, comm.good_items))
    if len(comm.units):
        return "先进集体和个人" if people else "先进集体"
    kinds = set(getattr(comm, "item_author_kinds", ()) or ())
    if "单位" in kinds:
        return "单位和个人" if len(comm.informants) or len(comm.workers) or "个人" in kinds else "单位"
    return "个人"


def draft_mark(comm: AnnualCommendation) -> str:
    """What a draft says on every page: the lists are suggestions until the decider confirms them."""
    return f"草稿　候选名单未经{comm.decided_by or '评选机构'}确认，不得印发" if comm.draft else ""


def _unit_lines(units: pd.DataFrame) -> list[str]:
    """``镇街政协工委：青山镇政协工委、城关镇政协工委``, one line per peer group in order; a unit's
    grade, when given, after its name (``青山镇政协工委（一等奖）``)."""
    grade = units["grade"].map(_text) if "grade" in units else pd.Series("", index=units.index)
    named = [f"{_text(u)}（{g}）" if g else _text(u) for u, g in zip(units["unit"], grade)]
    grouped = units.assign(peer_group=units["peer_group"].map(_text), named=named).groupby("peer_group", sort=False)
    return [f"{group or '其他'}：" + "、".join(rows["named"]) for group, rows in grouped]


def _instructed(leaders, count) -> str:
    """The leaders who instructed an item, else how many instructions, else "—"."""
    if _text(leaders):
        return _text(leaders)
    return f"{int(count)}件" if count and not pd.isna(count) else "—"


def _top_table(top: pd.DataFrame) -> pd.DataFrame:
    """十佳信息 with the instructions in words (the tier as the rules name it: 省级, 市级)."""
    return top.assign(tier=top["tier"].map(lambda t: _text(t) or "—"),
                      instructed=[_instructed(lead, n) for lead, n in zip(top["leaders"], top["instructions"])])


def tie_remarks(comm: AnnualCommendation, category: str) -> list[Para]:
    """A draft's note under a list that goes over its limit by a tie, for the decider: 注：镇街政协工委中，
    东乡镇政协工委、北山镇政协工委并列第4名，均列入建议名单，共4个，超过规定名额（3个），请县政协主席会议研究确定。
    None once the lists are confirmed: the decision as issued carries no note (the 奖励发放表 says it)."""
    if not comm.draft:
        return []
    out = []
    for x in (x for x in comm.over_limit if x.category == category):
        word = COUNT_WORD[category]
        among = f"{x.group}中，" if x.group else ""
        out.append(Para(f"注：{among}{x.tied}并列第{x.place}名{_passed_over(comm, x)}，均列入建议名单，共{x.suggested}{word}，"
                        f"超过规定名额（{x.limit}{word}），请{comm.decided_by or '评选机构'}研究确定。"))
    return out


def _passed_over(comm: AnnualCommendation, tie) -> str:
    """Why a tie past the limit's place is suggested at all: those ranked above it not suggested (a unit
    short of its 任务), named: （南岭镇政协工委未达建议条件，名额依次递补）; '' when none."""
    cand = comm.candidates.get(tie.category)
    if cand is None or not len(cand):
        return ""
    above = cand[(cand["place"] < tie.place).to_numpy() & ~cand["suggested"].astype(bool).to_numpy()
                 & ((cand["peer_group"] == tie.group).to_numpy() if tie.group else True)]
    names = above["unit" if tie.category == UNITS else "name"].map(_text)
    return f"（{'、'.join(names)}未达建议条件，名额依次递补）" if len(names) else ""


def _attachments(comm: AnnualCommendation) -> list[Attachment]:
    span, out = comm.span, []
    if len(comm.units):
        out.append(Attachment(f"{span}社情民意信息工作先进集体名单",
                              [*(Para(t) for t in _unit_lines(comm.units)), *tie_remarks(comm, UNITS)]))
    if len(comm.informants):
        out.append(Attachment(f"{span}优秀信息员名单", [TableBlock(without_empty_grade(_numbered(comm.informants)), INFORMANT_SPEC),
                                                       *tie_remarks(comm, INFORMANTS)]))
    if len(comm.top_items):
        out.append(Attachment(f"{span}“十佳信息”", [TableBlock(without_empty_grade(_top_table(_numbered(comm.top_items))), TOP_SPEC)]))
    if len(comm.good_items):
        out.append(Attachment(f"{span}“好信息”", [TableBlock(without_empty_grade(comm.good_items), GOOD_SPEC)]))
    if len(comm.workers):
        out.append(Attachment(f"{span}社情民意信息工作先进工作者名单", [TableBlock(without_empty_grade(_numbered(comm.workers)), INFORMANT_SPEC)]))
    return out


def commendation_issuing(comm: AnnualCommendation, rules=None, date: dt.date | None = None,
                         number: int | str | None = None) -> Issuing:
    """How the decision is issued (``documents.commendation`` of the rules; the year's default rules
    when none are given)."""
    if rules is None:
        from ..rules import load_rules

        rules = load_rules(year=comm.year)
    return Issuing.from_rules(rules, "commendation", comm.office, comm.year, number=number, date=date)


def commendation_gongwen(comm: AnnualCommendation, issuing: Issuing, rules=None) -> Gongwen:
    """The decision as a :class:`Gongwen`: body paragraphs and the lists as 附件; a draft until the
    lists are confirmed. The basis and the decider are the commendation's own (from the rules it
    was computed under), else those of ``rules``."""
    data = getattr(rules, "data", rules) or {}
    rule = data.get("commendations") or {}
    basis, decider = comm.regulation or rule.get("basis", ""), comm.decided_by or rule.get("decided_by", "")
    body = [Para(opening(comm)), Para(decision(comm, basis, decider)), Para(closing(comm))]
    return Gongwen(comm.title, comm.addressee or DEFAULT_ADDRESSEE, body, issuing, _attachments(comm),
                   draft=draft_mark(comm))


def write_commendation_docx(comm: AnnualCommendation, path: str | Path, date: dt.date | None = None,
                            number: int | str | None = None, rules=None) -> Path:
    """Write the commendation decision as a .docx at ``path``: ``date`` is the 成文日期 (default today),
    ``number`` the 发文字号's number, ``rules`` the rules it was computed under (basis, decider, issuer)."""
    if rules is None:
        from ..rules import load_rules

        rules = load_rules(year=comm.year)
    return write_gongwen(commendation_gongwen(comm, commendation_issuing(comm, rules, date, number), rules), path)
