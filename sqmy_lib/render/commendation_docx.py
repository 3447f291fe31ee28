"""The annual commendation decision (表彰决定) as a Word 公文, from an :class:`AnnualCommendation`.

The decision (domain.md §5–6): an opening paragraph naming how many units, informants and
items are commended, then 一、先进集体 by peer group, 二、优秀信息员 in rank order, 三、十佳信息
and 四、好信息 as tables, a closing exhortation and the office's signature. An empty list reads
"无"; all wording from the ledgers goes in as plain text.

A draft (the candidates not yet confirmed) says so on every page, in the header. 先进工作者 are
listed when some are confirmed; a grade (奖项等次), when the rules set them, groups its list.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..compute.circular import TIER_BODY
from ..compute.commendation import AnnualCommendation
from .gongwen import SIZE_3, GongwenDocument, set_font

DEFAULT_ADDRESSEE = "各界别组、各镇街政协工委，各民主党派县委，县工商联，各位委员、信息员："
NONE = "无。"

TOP_COLUMNS = {"place": "序号", "title": "信息标题", "author_text": "作者", "tier": "最高采用层级",
               "instructed": "领导批示"}
GOOD_COLUMNS = {"title": "信息标题", "author_text": "作者", "follow_up": "落实情况"}


def _text(value) -> str:
    """A ledger value as text; blank when missing."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _scope(office: str) -> str:
    """``全县`` for 示例县政协 (``全市``, ``全区`` likewise); empty when the office name does not say."""
    for level in ("县", "市", "区", "旗"):
        if office.endswith((f"{level}政协", f"{level}委员会")):
            return f"全{level}"
    return ""


def _honours(comm: AnnualCommendation) -> list[str]:
    """The clauses conferring each honour, leaving out a list that is empty."""
    year, out = comm.year, []
    units, people = comm.units["unit"].map(_text), comm.informants["name"].map(_text)
    if len(units):
        out.append(f"授予{units.iloc[0]}等{len(units)}个单位“{year}年度社情民意信息工作先进集体”称号")
    if len(people):
        out.append(f"授予{people.iloc[0]}等{len(people)}名同志“{year}年度优秀信息员”称号")
    items = [f"《{_text(df['title'].iloc[0])}》等{len(df)}篇信息为“{honour}”"
             for df, honour in ((comm.top_items, "十佳信息"), (comm.good_items, "好信息")) if len(df)]
    if items:
        out.append("评选" + "，".join(items))
    return out


def opening(comm: AnnualCommendation) -> str:
    """The decision's first paragraph, with the counts of every list."""
    text = (f"{comm.year}年，{_scope(comm.office)}各级政协组织和广大委员、信息员围绕党委政府中心工作，"
            "深入基层、贴近群众，积极反映社情民意，为党委政府科学决策提供了有益参考，"
            "社情民意信息工作取得了新的成效。")
    honours = _honours(comm)
    if honours:
        text += "为表彰先进、激励担当，经研究，决定" + "，".join(honours) + "。"
    return text


def closing(comm: AnnualCommendation) -> str:
    """The closing exhortation."""
    return ("希望受表彰的先进集体和个人珍惜荣誉、再接再厉，在今后的工作中继续发挥示范带动作用。"
            "各级政协组织和广大委员、信息员要以受表彰的先进集体和个人为榜样，坚持围绕中心、服务大局，"
            "知实情、建良言，及时准确反映社情民意，"
            f"为推动{_scope(comm.office)}经济社会高质量发展作出新的更大贡献。")


def _unit_lines(units: pd.DataFrame) -> list[str]:
    """``镇街政协工委（3个）：青山镇政协工委、城关镇政协工委``, one line per peer group in order."""
    grouped = units.assign(peer_group=units["peer_group"].map(_text)).groupby("peer_group", sort=False)
    return [f"{group or '其他'}（{len(rows)}个）：" + "、".join(rows["unit"].map(_text)) for group, rows in grouped]


def _informant_line(informants: pd.DataFrame) -> str:
    """``徐志佳（东城街道政协工委）、范红艳（九三学社县委）``, in rank order."""
    return "、".join(f"{_text(n)}（{_text(u)}）" if _text(u) else _text(n)
                    for n, u in zip(informants["name"], informants["unit"]))


def _people_lines(people: pd.DataFrame) -> list[str]:
    """One line of names, or, when grades were given, ``一等奖：…`` a line per grade."""
    if "grade" not in people or not people["grade"].map(_text).any():
        line = _informant_line(people)
        return [line] if line else []
    return [f"{grade}：{_informant_line(rows)}" for grade, rows in people.groupby(people["grade"].map(_text), sort=False)]


def _draft_mark(doc: GongwenDocument, comm: AnnualCommendation) -> None:
    """草稿 in the header of every page: the lists are suggestions until confirmed."""
    who = comm.decided_by or "评选机构"
    text = f"草稿　候选名单未经{who}确认，不得印发"
    section = doc.doc.sections[0]
    for header in (section.header, section.even_page_header):
        paragraph = header.paragraphs[0]
        set_font(paragraph.add_run(text), doc.fonts.heading1, SIZE_3)


def _instructed(leaders, count) -> str:
    """The leaders who instructed an item, else how many instructions, else "—"."""
    if _text(leaders):
        return _text(leaders)
    return f"{int(count)}件" if count and not pd.isna(count) else "—"


def _top_table(top: pd.DataFrame) -> pd.DataFrame:
    """十佳信息 with the tier as the adopting body (全国政协) and the instructions in words."""
    return top.assign(tier=top["tier"].map(lambda t: TIER_BODY.get(_text(t), _text(t)) or "—"),
                      instructed=[_instructed(lead, n) for lead, n in zip(top["leaders"], top["instructions"])])


def write_commendation_docx(comm: AnnualCommendation, path: str | Path, date: dt.date | None = None,
                            addressee: str | None = None) -> Path:
    """Write the commendation decision as a .docx at ``path``; ``date`` is the 成文日期 (default today)."""
    doc = GongwenDocument()
    if comm.draft:
        _draft_mark(doc, comm)
    doc.title(comm.title)
    doc.addressee(addressee or comm.addressee or DEFAULT_ADDRESSEE)
    doc.paragraph(opening(comm))

    doc.heading("先进集体")
    for line in _unit_lines(comm.units) or [NONE]:
        doc.paragraph(line)

    doc.heading("优秀信息员")
    for line in _people_lines(comm.informants) or [NONE]:
        doc.paragraph(line)

    doc.heading("十佳信息")
    if comm.top_items.empty:
        doc.paragraph(NONE)
    else:
        doc.table(_top_table(comm.top_items), TOP_COLUMNS)

    doc.heading("好信息")
    if comm.good_items.empty:
        doc.paragraph(NONE)
    else:
        doc.table(comm.good_items, GOOD_COLUMNS)

    if len(comm.workers):
        doc.heading("先进工作者")
        for line in _people_lines(comm.workers):
            doc.paragraph(line)

    # The signature must not stand alone on a page (GB/T 9704 7.3.5.4): the closing goes with it.
    doc.paragraph(closing(comm))
    doc.signature(comm.office, date or dt.date.today())
    return doc.save(path)
