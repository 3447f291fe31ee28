"""What a 批示's follow-up (落实情况) or reply (办复) says, under the rules' closed vocabulary
(``instructions.status_words``, ``negations``, ``partial_words``, ``subject_words``, ``reply_words``,
``manner_words``, ``author_words``, ``overdue_words``, ``plan_words``, ``remaining_words``, ``contrast_words``):
已办结, 办理中 or 未反馈, whether a word of the rules placed it, and whether it says the 批示 was replied to. Read by the computations (the status) and by validation (a text no
word places is reported at its cell), so it lives with the rules, below both.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..zh import simplified
from .model import Rules

DONE, IN_PROGRESS, NO_REPORT = "已办结", "办理中", "未反馈"
# A text's reading depends on the text and the words alone, and a ledger's follow-up texts are read by several
# lists and checks (the 督办 list twice, the checks of overdue and replies): each distinct text read once per
# vocabulary (in-process on benchmarks/realistic.py's archive, profiled: the 督办 list 1.54 → 0.28 s).
_read_once = functools.lru_cache(maxsize=1 << 16)
STATUSES = (DONE, IN_PROGRESS, NO_REPORT)
# A negation negates a word within this many characters before it, inside one clause:
# 尚未|得到解决, 未|采纳, 不予|采纳.
NEGATION_REACH = 2
_CLAUSE_BREAK = re.compile(r"[,，;；。.!！?？、\n]")


# A share: 已落实30%, 完成70%; 已完成七成.
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
_TENTHS = re.compile(r"[一二三四五六七八九]成")
# Something awaited after the deed (已落实，待省里批复; 已解决，资金待拨付): work remains.
_AWAITED = re.compile(r"待[\u4e00-\u9fff]{0,4}?(?:批复|审批|验收|拨付|落实|解决|办理|完善|评估|审核|到位)")
# A resolution answered no (办结：否, 已办结：否) or yes after its question (是否办结：是).
_ANSWERED = re.compile(r"(?:是否)?(?P<word>[\u4e00-\u9fff]{2,4})\s*[:：]\s*(?P<answer>是|否)$")
# The day written between 已 and its deed (已于3月25日书面反馈, 已于2026.4.10办结): 已 and the deed read together.
_DAY_AFTER_DONE = re.compile(r"已于(?:(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[.\-/．]\d{1,2}[.\-/．]\d{1,2}|\d{1,2}\.\d{1,2})")
# What a deed was done by (按批示要求, 按照计划, 根据部署): no plan of work still to do.
_AS_REQUIRED = re.compile(r"(?:按照|按|根据|依照|依据)[^，,。;；]{0,12}?(?:要求|计划|部署|安排)|(?:已)?(?:列入|纳入)[^，,。;；]{0,8}?计划")


@dataclass(frozen=True)
class Vocabulary:
    """The words that place a follow-up text: resolution, work in progress, negations."""

    done: tuple[str, ...]
    in_progress: tuple[str, ...]
    negations: tuple[str, ...]
    no_report: frozenset[str] = frozenset()  # whole texts that say nothing was reported yet (无, /, 暂未反馈)
    partial: tuple[str, ...] = ()  # 部分采纳, 已解决一半: a resolution in part, work still in progress
    subjects: tuple[str, ...] = ()  # 采纳情况待反馈: after a resolution word, it names a subject, not a deed
    replies: tuple[str, ...] = ()  # 已答复, 已办复: the handling unit replied (the 批示 is answered)
    plans: tuple[str, ...] = ()  # 预计, 拟, 争取: a resolution after them in a clause is a plan, not a deed
    remaining: tuple[str, ...] = ()  # 待验收, 仍需: work said to remain beside a resolution
    contrasts: tuple[str, ...] = ()  # 但, 然而: a negation after one (但资金尚未到位) says what is not done yet
    manners: tuple[str, ...] = ()  # 书面, 电话: how a deed was done (已书面反馈 is 已反馈), read past after 已
    authors: tuple[str, ...] = ()  # 作者, 提供者: a reply to them (已向作者反馈) is the office's 反馈作者, no reply
    overdue: tuple[str, ...] = ()  # 逾期, 超期: the 批示 said past its limit (not done); read past for the rest

    @classmethod
    def of(cls, rules: Rules) -> "Vocabulary":
        d = rules.data.get("instructions") or {}
        words = d.get("status_words") or {}
        no_report = frozenset(re.sub(r"\s+", "", str(w)) for w in words.get(NO_REPORT) or ())
        return cls(tuple(words.get(DONE) or ()), tuple(words.get(IN_PROGRESS) or ()), tuple(d.get("negations") or ()),
                   no_report, tuple(d.get("partial_words") or ()), tuple(d.get("subject_words") or ()),
                   tuple(d.get("reply_words") or ()), tuple(d.get("plan_words") or ()),
                   tuple(d.get("remaining_words") or ()), tuple(d.get("contrast_words") or ()),
                   tuple(sorted(map(str, d.get("manner_words") or ()), key=len, reverse=True)),
                   tuple(map(str, d.get("author_words") or ())),
                   tuple(sorted(map(str, d.get("overdue_words") or ()), key=len, reverse=True)))

    @_read_once
    def says_overdue(self, text: str) -> bool:
        """Whether the text says the 批示 is past its limit (逾期, 已超期), not that it was done after it
        (逾期办结 is still said: the 时限 decides)."""
        text = self._without_overdue(self._deeds(text), denied_only=True)  # 未逾期 says it is not
        return any(w in text for w in self.overdue)

    def _without_overdue(self, text: str, denied_only: bool = False) -> str:
        """The text with its words of being past the limit read past (已逾期未反馈 → 未反馈; 逾期 → ''), a
        denied one (未逾期) too; ``denied_only``: only the denied ones."""
        for w in self.overdue:
            for n in self.negations:
                text = text.replace(n + w, "")
            text = text if denied_only else text.replace(w, "")
        return text.strip("，,;；。、()（）[]【】 ")

    def _deeds(self, text: str) -> str:
        """The text with a day and a manner read past after 已 or a negation (已于3月25日书面反馈 → 已反馈,
        已于3月5日落实 → 已落实, 尚未书面反馈 → 尚未反馈), so the rules' words (已反馈, 已落实, 尚未反馈) are
        found; the day itself is read by the ledger."""
        text = _DAY_AFTER_DONE.sub("已", simplified(re.sub(r"\s+", "", text or "")).replace("已经", "已"))
        for manner in self.manners:
            for before in ("已", *self.negations):
                text = text.replace(before + manner, before)
        return text

    @_read_once
    def to_author(self, text: str) -> bool:
        """Whether the text says a reply was made to the author (已向作者反馈, 已反馈给提供者): the office's
        反馈作者, not the handling unit's reply to the 批示."""
        text = self._deeds(text)
        for word in ("反馈", "答复", "回复", "告知", "通报"):
            for m in re.finditer(word, text):
                clause = _CLAUSE_BREAK.split(text[: m.start()])[-1] + _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
                if any(a in clause for a in self.authors):
                    return True
        return False

    @_read_once
    def author_only(self, text: str) -> bool:
        """Whether the text's only reply is to the author (已向作者反馈): neither resolved nor the unit's reply."""
        return self.to_author(text) and not self.replied(text) and self.status(text)[0] != DONE

    @_read_once
    def replied(self, text: str) -> bool:
        """Whether the text says the 批示 was replied to (已答复, 已于4月10日书面反馈), not denied (尚未答复)."""
        text = self._deeds(text)
        return any(self._plain(text, w) for w in self.replies if w in text)

    @property
    def cores(self) -> tuple[str, ...]:
        """The resolution words without a leading 已 (已落实 → 落实): what a negation denies (未落实)."""
        return tuple(dict.fromkeys(w[1:] if w.startswith("已") and len(w) > 2 else w for w in self.done))

    def _plain(self, text: str, word: str) -> bool:
        """Whether ``word`` is said somewhere as a deed, whole: no negation just before it in its
        clause, no partial word just around it (部分采纳, 已解决一半), no subject word after it
        (采纳情况待反馈)."""
        reach = NEGATION_REACH + max((len(n) for n in (*self.negations, *self.partial)), default=0)
        for m in re.finditer(re.escape(word), text):
            clause = _CLAUSE_BREAK.split(text[: m.start()])[-1]
            before = clause[-reach:]
            after = _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
            if any(n in before and len(before) - (before.rindex(n) + len(n)) <= NEGATION_REACH for n in self.negations):
                continue
            if self._partly(clause, after) or after.startswith(self.subjects or ("\0",)):
                continue
            if self._plan_in(clause):
                continue  # 预计6月底前办结, 争取年底前全部落实: a plan
            if word in self.replies and any(a in clause + after for a in self.authors):
                continue  # 已反馈给提供者: the office's word to the author, not the unit's reply
            return True
        return False

    def _partly(self, before: str, after: str) -> bool:
        """A partial word before a resolution in its clause (部分|采纳, 部分建议已采纳) or right after it
        (解决|一半, 已办结|（部分）); a share below the whole beside it (已落实|30%)."""
        after = after.lstrip("(（[【")
        return (any(p in before for p in self.partial) or after.startswith(self.partial or ("\0",))
                or any(float(m[1]) < 100 for m in _PERCENT.finditer(before + after)) or bool(_TENTHS.search(after)))

    def _partial(self, text: str) -> bool:
        """Whether a resolution word is said in part somewhere (部分采纳, 已完成部分)."""
        for word in (*self.done, *self.cores):
            for m in re.finditer(re.escape(word), text):
                before = _CLAUSE_BREAK.split(text[: m.start()])[-1]
                after = _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
                if self._partly(before, after):
                    return True
        return False

    def _planned(self, text: str) -> bool:
        """Whether a resolution word follows a plan word in its clause (预计|6月底前办结, 拟|采纳)."""
        for word in (*self.done, *self.cores):
            for m in re.finditer(re.escape(word), text):
                if self._plan_in(_CLAUSE_BREAK.split(text[: m.start()])[-1]):
                    return True
        return False

    def _plan_in(self, clause: str) -> bool:
        """Whether a plan word stands in a clause before its resolution word (要求7月底前|整改到位), not as
        what was done by (已按批示要求|落实, 已按计划|完成: a deed)."""
        clause = _AS_REQUIRED.sub("", clause)
        return any(p in clause for p in self.plans)

    def _not_yet_after_a_contrast(self, text: str) -> bool:
        """A negation in the clause after a contrast word (已落实，但资金尚未到位): something is not done yet."""
        for c in self.contrasts:
            for m in re.finditer(re.escape(c), text):
                clause = _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
                if any(n in clause for n in self.negations):
                    return True
        return False

    def _denied(self, text: str) -> bool:
        """Whether a negation stands just before a resolution (尚未|得到解决, 仍未|解决, 不予|采纳)."""
        cores = self.cores
        for n in self.negations:
            for m in re.finditer(re.escape(n), text):
                after = _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
                if any(0 <= after.find(core) <= NEGATION_REACH for core in cores):
                    return True
        return False

    def _going(self, text: str) -> bool:
        """Whether the text says work goes on, is planned or remains (正在制定方案, 预计…办结, 已整改完毕，待验收,
        已落实，但资金尚未到位), beside whatever it says is done; a reply (已答复) or a part done (部分解决:
        已办结,问题部分解决 is closed) is no work going on."""
        if (self._planned(text) or any(w in text for w in self.remaining) or self._not_yet_after_a_contrast(text)
                or _AWAITED.search(text)):
            return True
        return any(self._plain(text, w) for w in self.in_progress
                   if w in text and w not in self.replies and not any(p in w for p in self.partial))

    @_read_once
    def status(self, text: str) -> tuple[str, bool]:
        """(status, understood) of a follow-up text; blank text, or one of the rules' 未反馈 texts
        (无, /, 暂未反馈), is 未反馈. Resolved only when a
        resolution is said, none is denied ("部分已解决,其余仍未解决" is not) and no work is said to go on
        ("已完成调研,正在制定方案" is not)."""
        text = self._deeds(text)  # 已经落实 is 已落实; 已解決 is 已解决; 已于3月5日书面反馈 is 已反馈
        if not text or text in self.no_report:
            return NO_REPORT, True
        if text != (rest := self._without_overdue(text)):  # 逾期, 已逾期未反馈: the rest, 办理中 when nothing else
            return self.status(rest) if rest else (IN_PROGRESS, True)
        if (m := _ANSWERED.match(text)) and any(m["word"] in (w, "已" + w) or w in (m["word"], "已" + m["word"]) for w in self.done):
            return (DONE if m["answer"] == "是" else IN_PROGRESS), True  # 是否办结：是, 办结：否
        denied = self._denied(text)
        going = self._going(text)
        if not denied and not going and any(self._plain(text, w) for w in self.done if w in text):
            return DONE, True
        if denied or going or self._partial(text):
            return IN_PROGRESS, True
        if any(self._plain(text, w) for w in self.in_progress if w in text):
            return IN_PROGRESS, True
        return IN_PROGRESS, self.to_author(text)  # 已向作者反馈: 办理中, said as no reply (instruction.reply_to_author)
