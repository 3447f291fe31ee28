"""The quarterly circular (季度通报) as a Word 公文, from a :class:`QuarterlyCircular`.

Sections follow domain.md §6: the statistics paragraph, 总体情况, each unit's figures,
the instructed items and their follow-up, who is behind quota (by name), next steps,
then the office's signature. All wording from the ledgers goes in as plain text.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..compute.circular import TIER_BODY, QuarterlyCircular
from ..compute.summary import Summary
from .gongwen import SIZE_5, GongwenDocument, zh_number

DEFAULT_ADDRESSEE = "各界别组、各镇街政协工委，各民主党派县委，县工商联："
UNKNOWN_UNIT = "未注明单位"

# The units table: (section of units_by_period, column) → header. Short labels so twelve columns fit.
PERIOD_FIGURES = (("submitted", "报送"), ("adopted", "采用"), ("instructed", "批示"))
YTD_FIGURES = (*PERIOD_FIGURES, ("points", "积分"), ("rank", "排名"), ("quota", "任务"), ("completion", "完成率"))


def unit_columns(circ: QuarterlyCircular) -> dict:
    """(section, column) → (group header, header) for the units table (本季度 is the circular's period word)."""
    return {
        ("", "unit"): (circ.unit_word, ""),
        ("", "peer_group"): ("类别", ""),
        **{(circ.period_word, c): (circ.period_word, h) for c, h in PERIOD_FIGURES},
        **{("年度累计", c): ("年度累计", h) for c, h in YTD_FIGURES},
    }
INSTRUCTION_COLUMNS = {"title": "信息标题（报送单位）", "leader": "批示领导", "date": "批示日期",
                       "follow_up": "落实情况", "status": "办理状态"}


def _pct(x) -> str:
    return "—" if x is None or pd.isna(x) else f"{x:.1%}"


def _change(n: int, unit: str, pct: float | None = None) -> str:
    """``增加32条(增长62.7%)``, ``减少3件``, ``持平``."""
    if n == 0:
        return "持平"
    text = f"{'增加' if n > 0 else '减少'}{abs(n)}{unit}"
    if pct is not None and not pd.isna(pct):
        text += f"（{'增长' if n > 0 else '下降'}{abs(pct):.1%}）"
    return text


def _figures(s: Summary, lead: str) -> list[str]:
    """Sentences on one period's submissions, adoptions and instructions, with the change on a
    year earlier when the summary has it; a rate that cannot be computed is left out."""
    c = s.change
    submitted = f"{lead}收到社情民意信息{s.submitted}条"
    submitted += f"，比上年同期{_change(c['submitted'], '条', c.get('submitted_pct'))}。" if c else "。"
    if s.participation and s.participation.get("members"):
        p = s.participation
        submitted += f"{p['members']}名委员中有{p['members_with_items']}名报送了信息，委员参与率{_pct(p.get('rate'))}。"
    adopted = f"共有{s.adopted}条信息被采用"
    adopted += f"，采用率{_pct(s.adoption_rate)}" if s.adoption_rate is not None else ""
    tiers = "、".join(f"{TIER_BODY.get(t, t)}采用{n}条" for t, n in reversed(list(s.adopted_by_tier.items())) if n)
    adopted += f"；按采用层级分别统计，{tiers}（一条信息被多级采用的分别计算）" if tiers else ""
    adopted += f"；被采用信息比上年同期{_change(c['adopted'], '条')}。" if c else "。"
    instructed = f"获领导批示{s.instructions}件，涉及信息{s.instructed_items}条"
    instructed += f"，比上年同期{_change(c['instructions'], '件')}。" if c else "。"
    return [submitted, adopted, instructed]


def _overview(circ: QuarterlyCircular) -> list[str]:
    """Paragraphs of 总体情况: the quarter's submissions (year on year, participation), adoptions
    (rate, tiers) and instructions; then the year to date, unless the quarter is the first."""
    word = circ.period_word
    submitted, adopted, instructed = _figures(circ.summary, f"{word}共")
    out = [f"从报送情况看，{submitted}", f"从采用情况看，{word}{adopted}", f"从批示情况看，{word}{instructed}"]
    if circ.year_to_date != circ.period:
        out.append("".join(_figures(circ.summary_ytd, f"{circ.year_to_date.label}，累计")))
    return out


def _units_table(circ: QuarterlyCircular) -> pd.DataFrame:
    table = circ.units_by_period()[list(unit_columns(circ))].copy()
    table[("年度累计", "completion")] = table[("年度累计", "completion")].map(_pct)
    return table


def _instructions(circ: QuarterlyCircular) -> tuple[str, pd.DataFrame]:
    """The summary sentence and the table of instructed items (status with days open)."""
    ins = circ.instructions
    label = circ.year_to_date.label
    if ins.empty:
        return f"{label}，暂无获领导批示的信息。", ins
    # Counted from the table itself, highest level first in the rules' order.
    counts = ins["level"].value_counts()
    order = [lvl for lvl in reversed(list(circ.summary_ytd.instructions_by_level)) if lvl in counts]
    levels = "、".join(f"{lvl}{counts[lvl]}件" for lvl in order + [x for x in counts.index if x not in order])
    status = "、".join(f"{st}{n}件" for st, n in ins["status"].value_counts().items())
    text = (f"{label}，共有{ins['item'].nunique()}条信息获领导批示{len(ins)}件（{levels}），"
            f"其中{status}。各{circ.unit_word}要像办理政协提案那样抓好批示件的办理落实，具体情况如下：")
    days = ins["days_open"].map(lambda d: "" if pd.isna(d) else f"（{int(d)}天）")
    # The unit goes with the title, so that five columns fit the page at 小四.
    units = ins["unit"].map(lambda u: "" if pd.isna(u) or not u else f"（{u}）")
    table = ins.assign(title=ins["title"].astype(str) + units, status=ins["status"].astype(str) + days,
                       date=ins["date"].map(lambda d: "" if pd.isna(d) else f"{d.month}月{d.day}日"))
    return text, table


def _names(people: pd.DataFrame) -> str:
    """``熊佳、胡伟、陆文瑞(特邀信息员)``: members by name, other roles marked."""
    return "、".join(n if r in ("委员", "") or pd.isna(r) else f"{n}（{r}）" for n, r in zip(people["name"], people["role"]))


def _problems(circ: QuarterlyCircular) -> list[str]:
    """Paragraphs of 存在的问题: units and people behind quota by name, zero-submission units,
    then what else the circular names (offices missing from a roll-up)."""
    month = circ.period.last_month
    word = circ.unit_word
    out = []
    units = circ.behind_units
    if units.empty:
        if units_have_quota(circ):
            out.append(f"截至{month}月底，各{word}均已完成年度任务进度。")
    else:
        # What each is short of (submissions, adoptions at 市级 or above: the quota's shortfall), else the rate.
        why = units["shortfall"] if "shortfall" in units else pd.Series("", index=units.index)
        named = "、".join(f"{u}（{w or '完成率' + _pct(c)}）" for u, c, w in zip(units["unit"], units["completion"], why))
        out.append(f"截至{month}月底，{named}尚未完成年度任务进度，请抓紧补报。")
    people = circ.behind_people
    if not circ.people_section:
        pass
    elif people.empty:
        out.append(f"截至{month}月底，委员和信息员均已完成个人任务进度。")
    else:
        zero = int((people["submitted"] == 0).sum())
        lead = f"截至{month}月底，以下{len(people)}名委员和信息员尚未完成个人任务进度"
        lead += f"，其中{zero}人尚未报送信息" if zero else ""
        out.append(lead + "（按单位排列）：")
        grouped = people.assign(unit=people["unit"].fillna("").replace("", UNKNOWN_UNIT)).groupby("unit", sort=False)
        out += [f"{unit}：{_names(group)}。" for unit, group in grouped]
    zero_units = circ.zero_units
    if zero_units.empty:
        out.append(f"{circ.period.label}，没有零报送的{word}。")
    else:
        out.append(f"{circ.period.label}，{'、'.join(zero_units['unit'])}零报送。")
    return out + list(circ.problems)


def units_have_quota(circ: QuarterlyCircular) -> bool:
    """Whether any unit has a quota at all (offices rolled up usually have none)."""
    return bool(circ.units_ytd["quota"].notna().any()) if "quota" in circ.units_ytd else False


def _numbered(step: str, n: int) -> tuple[str, str]:
    """Split a next step into a bold lead ("一是进一步提高思想认识。") and the rest."""
    head, sep, rest = step.partition("。")
    return (f"{zh_number(n)}是{head}{sep}", rest) if sep and rest else (f"{zh_number(n)}是", step)


def write_circular_docx(circ: QuarterlyCircular, path: str | Path, charts: list[Path] | None = None,
                        date: dt.date | None = None, addressee: str | None = None) -> Path:
    """Write the circular as a .docx at ``path``; ``charts`` (PNG paths) go under section 二,
    ``date`` is the 成文日期 (default today)."""
    doc = GongwenDocument()
    doc.title(circ.title)
    doc.addressee(addressee or circ.addressee or DEFAULT_ADDRESSEE)
    doc.paragraph(circ.statistics_text)

    doc.heading("总体情况")
    for text in _overview(circ):
        doc.paragraph(text)

    word = circ.unit_word
    doc.heading(f"各{word}报送采用情况")
    span = circ.period.label + ("" if circ.year_to_date == circ.period else f"及1–{circ.period.last_month}月累计")
    doc.paragraph(f"各{word}{span}报送、采用情况见下表。"
                  f"“任务”为年度任务折算至{circ.period.last_month}月底的进度任务，“排名”为同类别{word}按积分排名。")
    doc.note("单位：条、件")
    doc.table(_units_table(circ), unit_columns(circ), size=SIZE_5, merge_runs=[("", "peer_group")])
    for chart in charts or []:
        doc.picture(chart)

    doc.heading("领导批示及落实情况")
    text, table = _instructions(circ)
    doc.paragraph(text)
    if not table.empty:
        doc.table(table, INSTRUCTION_COLUMNS)

    doc.heading("存在的问题")
    for text in _problems(circ):
        doc.paragraph(text)

    if circ.next_steps:
        doc.heading("下一步工作要求")
        for n, step in enumerate(circ.next_steps, 1):
            lead, rest = _numbered(step, n)
            doc.paragraph(rest, lead=lead)

    doc.signature(circ.office, date or dt.date.today())
    return doc.save(path)
