"""反馈函 and 采用证明 as 公文: each built as a :class:`~.document.Gongwen` and laid out by the one
GB/T 9704 builder (:mod:`.gongwen`), in the 信函格式 a letter takes (the organ's name over a red
line, no 文件 mark, no 版记).

Every sentence with a figure is made from the row of ``compute people`` / ``compute units`` the
letter carries (:mod:`sqmy_lib.compute.feedback`), so the letter says the same numbers as
``sqmy compute``; the table lists the items behind them, each once.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import zh
from ..compute.feedback import Feedback, PersonLetter, UnitLetter, has_quota
from .document import Gongwen, Heading, Issuing, Para, TableBlock
from docx.shared import Pt

from .gongwen import GongwenDocument, _blocks
from .spec import Column, spec, text

ITEMS = spec(
    Column("seq", "序号", "count"), Column("title", "信息标题", "long"), Column("authors", "作者"),
    Column("date", "报送日期", "day"), Column("outcome", "采用及上报情况", "long"),
    Column("instructed_text", "领导批示及落实", "long"),
)
REWARDS = spec(
    Column("title", "信息标题", "long"), Column("tier", "采用层级"), Column("multiplier_text", "批示加倍"),
    Column("share", "份额"), Column("amount", "金额（元）", "money"), Column("note", "说明", "long"),
)
ADOPTIONS = spec(
    Column("body", "采用单位或刊物", "long"), Column("issue_no", "期号", "count"), Column("tier", "层级"), Column("channel", "渠道"),
    Column("routing", "方式"), Column("date", "采用日期", "date"),
)


def letter_issuing(fb: Feedback, date: dt.date | str | None = None, number=None) -> Issuing:
    """The rules' ``documents.feedback`` (issuer, mark) for the office; no 抄送 on a letter."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    issuing = Issuing.from_rules(fb.rules, "feedback", fb.office, fb.period.year, number, date)
    issuing.cc = ""
    return issuing


def _count(x) -> str:
    return text(x, "number") or "0"


def _n(row: dict, key: str) -> int:
    value = row.get(key, 0)
    return 0 if value is None or pd.isna(value) else int(value)


def _tier_text(row: dict, tiers: list[str], word=str) -> str:
    """(其中市级1条、县级1条): the adopted items by the highest tier each reached, highest first, so
    the parts add up to the number adopted (an item adopted at 县级 and 市级 is one 市级 item);
    all at one tier, (市级) or (均为县级). Each tier as ``word`` writes it (``Rules.tier_word``: 金华市级 in
    义乌市's letters, whose rules read 市级 as itself)."""
    counts = [(word(t), _n(row, f"highest_{t}")) for t in reversed(tiers) if _n(row, f"highest_{t}")]
    if len(counts) == 1 and counts[0][1] == _n(row, "adopted"):  # all at one tier: 被采用1条(市级)
        return f"({'' if counts[0][1] == 1 else '均为'}{counts[0][0]})"
    return f"(其中{'、'.join(f'{t}{n}条' for t, n in counts)})" if counts else ""


def figures_sentence(row: dict, tiers: list[str], word=str) -> str:
    """报送N条,被采用M条(其中…),获领导批示K件;向上级报送F条,被上级采用G条 — the row's own numbers.
    A clause whose number is 0 is left out, never written as 0: nothing at all is 未报送社情民意信息;
    no item sent in the period but earlier ones adopted or instructed, 未报送新的…,此前报送的信息被采用…."""
    later = [f"被采用{_n(row, 'adopted')}条{_tier_text(row, tiers, word)}" if _n(row, "adopted") else "",
             f"获领导批示{_n(row, 'instructed')}件" if _n(row, "instructed") else ""]
    later = [x for x in later if x]
    forwarded, up = _n(row, "forwarded"), _n(row, "forwarded_adopted")
    joint = _n(row, "credited_elsewhere")  # co-written, counted for its 执笔 or first author: written all the same
    if _n(row, "submitted"):
        s = ",".join([f"报送社情民意信息{_n(row, 'submitted')}条", *later])
    elif joint:
        s = ",".join([f"与他人联名报送社情民意信息{joint}条,{'均' if joint > 1 else ''}未计入本人", *later])
        joint = 0
    elif later:
        s = "未报送新的社情民意信息,此前报送的信息" + ",".join(later)
    else:
        s = "未报送新的社情民意信息" if forwarded else "未报送社情民意信息"
    if joint:
        s += f";另与他人联名报送{joint}条,未计入本人"
    if forwarded:
        s += f";向上级报送{forwarded}条" + (f",被上级采用{up}条" if up else "")
    return s


def _progress(quota, completion, done: int, label: str, none: str) -> str:
    """任务9条,完成率22.2%; with nothing done, 任务9条,尚未报送 (no 0.0%)."""
    if not done and not completion:
        return f"{label}{_count(quota)}条,{none}"
    return f"{label}{_count(quota)}条,完成率{text(completion, 'pct') or '—'}"


def quota_sentence(row: dict, subject: str = "", adopted_word: str = "", when: str = "",
                   behind_word: str = "尚未完成任务") -> str:
    """任务N条,完成率X% (and the unit's 采用任务); what is short (the row's ``owed``), or that it
    is met. A part owed with nothing done is said once, in the 尚未完成任务 clause, with no 0 in it:
    本期尚未完成任务(任务9条,未报送). ``adopted_word``: what the unit's 采用任务 counts
    (市级及以上采用), for a part not yet due with none. ``when``: the basis said before the figures
    (本期, 本季度, 1—9月累计报送4条,); ``behind_word``: how being short is said (尚未完成年度任务进度
    for the year to date, as the circular lists it)."""
    if not has_quota(row):
        return f"{subject}{when or '本期'}未设报送任务。"
    if not float(row["quota"]):
        return f"{subject}{when or '本期'}尚无到期的报送任务。"
    owed = list(row.get("owed") or [])
    lead = _lead(row, {o.word for o in owed if not o.done}, adopted_word)
    s = subject + when + ";".join(lead)
    if row.get("behind") and owed:
        s += (";" if lead else "") + f"{behind_word}({';'.join(o.text for o in owed)})"
    return s + "。"


def ytd_quota_sentence(fb: Feedback, row: dict, subject: str = "", adopted_word: str = "") -> str:
    """The year-to-date quota as the circular's units table and 未完成任务 lists judge it:
    ``1—9月累计报送4条,任务27条,完成率14.8%;…;尚未完成年度任务进度(…)``; "" when the row has no
    quota due (the period's sentence says so)."""
    if not has_quota(row) or not float(row["quota"]):
        return ""
    sent = _n(row, "submitted")
    done = row.get("quota_done")
    # Sent outside the post's months (before an appointment): counted, but not against the quota.
    counted = f"(计入任务{int(done)}条)" if sent and done is not None and not pd.isna(done) and int(done) != sent else ""
    when = f"{fb.ytd_word}累计" + (f"报送{sent}条{counted}," if sent else "")
    goal = "年度任务" if fb.ytd_word == "全年" else "年度任务进度"
    return quota_sentence(row, subject, adopted_word, when, f"尚未完成{goal}")


JUDGED = ("quota", "completion", "adopted_quota", "adopted_completion", "behind")


def same_judgement(row: dict, ytd: dict | None) -> bool:
    """Whether the period's quota and the year to date's are one and the same (a 委员's 2 a year,
    judged on the year so far in either): then it is said once, as the year to date."""
    def key(r: dict) -> tuple:
        return tuple(None if r.get(k) is None or pd.isna(r.get(k)) else r.get(k) for k in JUDGED)
    return ytd is not None and key(row) == key(ytd)


def quota_paras(fb: Feedback, row: dict, ytd: dict | None, subject: str = "", adopted_word: str = "",
                when: str = "") -> list[str]:
    """The quota sentences of a role or unit: the period's (``when``: its basis, 本季度), then the year
    to date's (``ytd``, a quarter's letter) as the circular judges it; one only when they are the same
    judgement, or when there is no year to date."""
    if ytd is None:
        return [quota_sentence(row, subject, adopted_word, when)]
    ytd_text = ytd_quota_sentence(fb, ytd, "" if not same_judgement(row, ytd) else subject, adopted_word)
    if ytd_text and same_judgement(row, ytd):
        return [ytd_text]
    return [quota_sentence(row, subject, adopted_word, fb.period_word)] + ([ytd_text] if ytd_text else [])


def _lead(row: dict, silent: set[str], adopted_word: str) -> list[str]:
    """The quota's parts with their completion, but those owed with nothing done (``silent``),
    said in the 尚未完成任务 clause only."""
    lead = []
    if "报送" not in silent:
        lead.append(_progress(row["quota"], row.get("completion"), _n(row, "submitted"), "任务", "尚未报送"))
    aq = row.get("adopted_quota")
    if aq is not None and not pd.isna(aq) and float(aq) and not (silent - {"报送"}):
        lead.append(_progress(aq, row.get("adopted_completion"), 0, "采用任务", f"尚无{adopted_word or '符合要求的采用'}"))
    return lead


def _items_block(items: pd.DataFrame) -> list:
    if items.empty:
        return [Para("本期没有报送、采用、上报或领导批示的信息。")]
    table = items.reset_index(drop=True).copy()
    table["seq"] = range(1, len(table) + 1)
    outcome = []
    for a, f, s, later in zip(table["adopted_text"], table["forwarded_text"], table["submitted"], table["later_text"]):
        parts = [x for x in (a, f) if x]
        said = ";".join(parts) if parts else ("暂未采用" if s else "")
        if later:  # adopted after the period: said, counted in the period of its adoption
            said = f"{said or '本期未采用'};其后:{later},计入采用当期统计"
        outcome.append(said)
    table["outcome"] = outcome
    table["instructed_text"] = table["instructed_text"].where(table["instructed_text"] != "", "")
    return [TableBlock(table, ITEMS, small=True)]


def _rewards_block(lines: pd.DataFrame) -> list:
    """The reward lines; a 补差 line (``compute.feedback.top_up_lines``) says in 说明 what the share is
    worth and what was paid before (补差:应发100.00元,此前已按县级发放30.00元), so an amount that is
    not the tier's rate is read as the difference it is. No 说明 column when no line is a 补差."""
    if lines.empty:
        return []
    table = lines.copy()
    table["multiplier_text"] = ["×" + zh.number(m, 2) if m != 1 else "" for m in table["multiplier"]]
    due = table.get("due", pd.Series(None, index=table.index, dtype=object))
    table["note"] = [f"补差:应发{text(d, 'money')}元,此前已按{e}发放{text(b, 'money')}元" if d is not None and not pd.isna(d) else ""
                     for d, b, e in zip(due, table.get("paid_share", due), table.get("earlier", due))]
    return [TableBlock(table, REWARDS if (table["note"] != "").any() else REWARDS.without("note"))]


def unit_gongwen(fb: Feedback, letter: UnitLetter, issuing: Issuing) -> Gongwen:
    """The 反馈函 to one unit: figures, points and place in its peer group (the year to date's, as
    the circular ranks, in a quarter's letter), quota, items, what is missing."""
    row, label = letter.figures, fb.period.label
    adopted_word = _adopted_word(fb, row)
    body = [Para(f"现将{label}{letter.unit}社情民意信息报送、采用和领导批示情况反馈如下。"),
            Heading("基本情况"),
            Para(f"{label},{letter.unit}{figures_sentence(row, fb.tiers, fb.rules.tier_word)}{_points_and_place(fb, letter)}"),
            Heading("任务完成情况"),
            *[Para(t) for t in quota_paras(fb, row, letter.ytd, "", adopted_word, "本期")],
            Heading("信息采用和批示情况"),
            *_items_block(letter.items)]
    if not letter.rewards.empty:
        total = zh.number(sum(letter.rewards["amount"]), 2, keep_zeros=True)
        body += [Para(f"以单位名义报送的信息本期应发稿酬{total}元,明细如下。"), *_rewards_block(letter.rewards)]
    body += [Heading("需要改进的方面"), Para(_missing_unit(fb, row, letter.ytd)), *_notes(letter.notes), Para("特此函告。")]
    return Gongwen(f"关于{label}社情民意信息报送采用情况的反馈函", letter.unit, body, issuing)


def _place(row: dict, peers: int) -> str:
    """,在界别组2个单位中排第1名 (并列第1名 where points tie); "" for a unit alone in its group, or one
    that sent and earned nothing (第1名 of 1, or a place among those that sent nothing, tells it nothing),
    or one of no peer group (no place: ``compute.units``)."""
    if peers < 2 or not (int(row["points"]) or _n(row, "submitted")) or zh.blank(row.get("rank")):
        return ""
    place = row.get("rank_text") or f"第{int(row['rank'])}名"
    return f",在{row['peer_group']}{peers}个单位中{'' if place.startswith('并列') else '排'}{place}"


def _points_and_place(fb: Feedback, letter: UnitLetter) -> str:
    """。按计分办法得16分,在界别组2个单位中排第1名。 — no 得0分. In a quarter's letter the place is the
    year to date's, as the circular's 附件1 ranks, with both bases named:
    。按计分办法本季度得11分;1—9月累计得20分,在镇街政协工委2个单位中排第2名。"""
    row, ytd = letter.figures, letter.ytd
    points = int(row["points"])
    if ytd is None:
        said = f"。按计分办法得{points}分" if points else ""
        return said + _place(row, letter.peers) + "。"
    parts = [f"{fb.period_word}得{points}分"] if points else []
    if int(ytd["points"]):
        parts.append(f"{fb.ytd_word}累计得{int(ytd['points'])}分")
    said = f"。按计分办法{';'.join(parts)}" if parts else ""
    return said + _place(ytd, letter.peers) + "。"


def _adopted_word(fb: Feedback, row: dict) -> str:
    """What a unit's 采用任务 counts (市级及以上采用), from its peer group's quota rule."""
    rule = ((fb.rules.data.get("quotas") or {}).get("units") or {}).get(row.get("peer_group")) or {}
    return f"{rule['adopted_min_tier']}及以上采用" if rule.get("adopted_min_tier") else ""


def _missing_unit(fb: Feedback, row: dict, ytd: dict | None = None) -> str:
    """What the unit should improve: nothing sent in the period; else what it is short of, in the
    period and (a quarter's letter) in the year to date, each with its basis; else that it is met."""
    if row.get("no_submission"):
        return "本期没有报送社情民意信息。请明确专人负责,按任务要求及时报送。"
    short = []
    if row.get("behind") and row.get("owed") and not same_judgement(row, ytd):
        short.append(f"{'本期' if ytd is None else fb.period_word}{';'.join(o.text for o in row['owed'])}")
    if ytd is not None and ytd.get("behind") and ytd.get("owed"):
        short.append(f"{fb.ytd_word}累计{';'.join(o.text for o in ytd['owed'])}")
    if short:
        return "".join(f"{x}。" for x in short) + "请认真查找原因,切实加以改进,确保完成任务。"
    return "本期已完成报送任务。请继续围绕党委政府中心工作和群众关心的热点难点问题,提高信息质量。"


def person_gongwen(fb: Feedback, letter: PersonLetter, issuing: Issuing) -> Gongwen:
    """The 反馈函 to one 委员 or 信息员: figures per role, items, 批示, reward lines, months missed."""
    label = fb.period.label
    first = letter.roles[0]
    roles = [r.get("role") for r in letter.roles]
    addressee = f"{letter.name}委员" if "委员" in roles else f"{letter.name}同志"
    body = [Para(f"感谢您对社情民意信息工作的支持。现将您{label}报送、采用社情民意信息情况反馈如下。"),
            Heading("基本情况"),
            Para(f"{label},您{figures_sentence(first, fb.tiers, fb.rules.tier_word)}。" + _coauthored(fb, letter.items)),
            Heading("任务完成情况")]
    for r in letter.roles:
        subject = f"作为{r['role']}," if r.get("role") else ""
        ytd = letter.ytd_roles.get(r.get("role")) if fb.year_to_date else None
        said = [Para(t) for t in quota_paras(fb, r, ytd, subject)]
        if r.get("missed_months"):  # after the period's own sentence, before the year to date's
            short = list(r.get("short_months") or [])
            joint = sorted({m for o in (r.get("owed") or []) for m in o.joint_months} - set(short))  # co-written only
            none = [m for m in r["missed_months"] if m not in short and m not in joint]
            said.insert(1, Para("本期" + "，".join(([f"{zh.months(none)}没有报送信息"] if none else [])
                                                 + ([f"{zh.months(joint)}只有计入执笔人或第一作者的联名信息"] if joint else [])
                                                 + ([f"{zh.months(short)}报送未达每月任务"] if short else [])) + "。"))
        body += said
    body += [Heading("信息采用和批示情况"), *_items_block(letter.items), Heading("稿酬")]
    reward = next((r["reward"] for r in letter.roles if r.get("reward") is not None and not pd.isna(r["reward"])), None)
    if letter.rewards.empty:
        body.append(Para("本期没有应发的稿酬。"))
    else:
        body += [Para(f"本期应发稿酬{text(reward, 'money')}元,明细如下。"), *_rewards_block(letter.rewards)]
    body += [*_notes(letter.notes), Para("特此函告。")]
    return Gongwen(f"关于{label}社情民意信息报送采用情况的反馈函", addressee, body, issuing)


def _notes(notes: list[str]) -> list:
    """The letter's 说明 (``compute.feedback.LetterNotes``): what its figures rest on, before 特此函告."""
    if not notes:
        return []
    return [Para("说明：" + "".join(f"{n}。" for n in notes) if len(notes) == 1 else
                 "说明：" + "".join(f"{k}. {n}。" for k, n in enumerate(notes, 1)))]


def _coauthored(fb: Feedback, items: pd.DataFrame) -> str:
    """The rules' way of counting a co-written item (every author, or the first only), said when one of
    the person's items is co-written; nothing when none is."""
    from ..rules.show import coauthor_rule

    if "coauthored" not in items or not items["coauthored"].astype(bool).any():
        return ""
    return coauthor_rule(fb.rules)


class LetterBatch:
    """Many letters written one after another (500 for a 500-member office): one document set up
    once and emptied for each letter, and the package parts no letter changes (styles — 800 KB of
    XML in python-docx's template —, fonts, settings, footers, relationships) serialised and
    compressed once; each letter's file takes those compressed bytes as they are, and its own body
    and properties. The parts are checked to be the same every time, else the plain save is used."""

    def __init__(self):
        self.doc = GongwenDocument()
        self._names: list[str] | None = None
        self._static: dict[str, tuple] = {}  # name -> (ZipInfo, compressed bytes)

    def write(self, gongwen: Gongwen, path: str | Path) -> Path:
        write_letter(gongwen, path, self.doc, save=self._save)
        return Path(path)

    def _save(self, path: Path) -> Path:
        import io
        import zipfile

        from ..iorw import atomic_path

        document = self.doc.doc
        package = document.part.package
        changing = {document.part.partname.lstrip("/"): document.part,
                    package._core_properties_part.partname.lstrip("/"): package._core_properties_part}
        if self._names is None:
            buf = io.BytesIO()
            document.save(buf)
            self._names, self._static = _compressed_parts(buf.getvalue(), set(changing))
            self._parts = sorted(str(p.partname) for p in package.iter_parts())
        if sorted(str(p.partname) for p in package.iter_parts()) != self._parts:
            return self.doc.save(path)
        try:
            with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
                for name in self._names:
                    if name in changing:
                        z.writestr(name, changing[name].blob)
                    else:
                        _write_compressed(z, *self._static[name])
        except (AttributeError, TypeError):  # zipfile's internals changed in this Python: the plain save
            return self.doc.save(path)
        return Path(path)


def _compressed_parts(blob: bytes, leave: set) -> tuple[list[str], dict]:
    """The entries of a .docx in order, and for those not in ``leave`` their ZipInfo and their
    compressed bytes exactly as stored (read past each entry's local header)."""
    import io
    import struct
    import zipfile

    out = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        names = z.namelist()
        for info in z.infolist():
            if info.filename in leave:
                continue
            start = info.header_offset
            name_len, extra_len = struct.unpack("<HH", blob[start + 26:start + 30])
            data_at = start + 30 + name_len + extra_len
            out[info.filename] = (info, blob[data_at:data_at + info.compress_size])
    return names, out


def _write_compressed(z, info, raw: bytes) -> None:
    """Append an entry whose bytes are already compressed (zipfile has no public call for it: the
    local header, the bytes, and the entry for the central directory, as ``writestr`` records them)."""
    import zipfile

    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type, entry.CRC = info.compress_type, info.CRC
    entry.compress_size, entry.file_size = info.compress_size, info.file_size
    entry.external_attr = info.external_attr
    entry.header_offset = z.fp.tell()
    z.fp.write(entry.FileHeader(False))
    z.fp.write(raw)
    z.filelist.append(entry)
    z.NameToInfo[entry.filename] = entry
    z.start_dir = z.fp.tell()
    z._didModify = True  # the central directory is written on close


def write_letter(gongwen: Gongwen, path: str | Path, doc: GongwenDocument | None = None, save=None) -> Path:
    """Lay out a letter (信函格式): the organ's name over the red line, title, 主送, body, 署名 and
    date; no 版记. Written atomically. ``doc``: a document to reuse (emptied first), for a batch;
    ``save``: how to write it (:class:`LetterBatch`)."""
    issuing = gongwen.issuing
    if doc is None:
        doc = GongwenDocument()
    else:
        doc.reset()
    if issuing.mark:
        doc.letter_head(issuing.mark, red=issuing.red)
    doc.title(gongwen.title).paragraph_format.space_before = Pt(28)
    if gongwen.addressee:
        doc.addressee(gongwen.addressee)
    _blocks(doc, gongwen.body)
    doc.signature(issuing.organ, issuing.date)
    return save(Path(path)) if save else doc.save(path)


def certificate_gongwen(item: dict, adoptions: pd.DataFrame, instructions: pd.DataFrame, office: str,
                        issuing: Issuing) -> Gongwen:
    """采用证明 of one item: title, authors, where and when it was adopted, 批示."""
    who = item.get("authors") or item.get("unit") or ""
    unit = f"({item['unit']})" if item.get("unit") and item.get("unit") != who else ""
    number = f"(编号{item['item_no']})" if item.get("item_no") else ""
    when = zh.zh_date(item["date"]) if item.get("date") is not None and not pd.isna(item["date"]) else "(日期未登记)"
    body = [Para(f"{who}{unit}撰写的社情民意信息《{item['title']}》{number},于{when}报送{office}。经核对台账,该信息采用情况如下。")]
    if adoptions.empty:  # the CLI refuses it (certificate.not_adopted): there is nothing to certify
        raise ValueError(f"《{item['title']}》尚无采用记录,不能开具采用证明")
    # 方式 and 期号 only when some adoption has one: the 期号 is what the certificate proves.
    unused = [k for k in ("routing", "issue_no") if k not in adoptions or not (adoptions[k].fillna("").astype(str) != "").any()]
    body.append(TableBlock(adoptions, ADOPTIONS.without(*unused)))
    for leader, date, status in zip(instructions.get("leader", []), instructions.get("date", []), instructions.get("status", [])):
        day = f"于{zh.zh_date(date)}" if not pd.isna(date) else ""
        body.append(Para(f"该信息{day}获{leader}批示,落实情况:{status}。"))
    body.append(Para("特此证明。"))
    return Gongwen("社情民意信息采用证明", "", body, issuing)
