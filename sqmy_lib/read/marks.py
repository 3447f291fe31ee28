"""What an adoption or instruction cell says, read with the rules' closed vocabularies.

Every value under an adoption column gets exactly one state (rules ``marks:``):

- ``adopted``   at a body (the column's own, or one named in the text), maybe with an issue
               number or a date: the only state that is counted or paid;
- ``forwarded`` upward to a body, not (yet) adopted (``报送市政协``, ``已上报``): kept as a record;
- ``pending``   (``待定``, ``拟采用``, ``留存``) and ``not_adopted`` (``不采用``, ``退稿``, ``×``):
               understood, and nothing more;
- ``unknown``   anything else: a finding at its cell, never an adoption.

A free-text 采用情况 cell is split into parts, one per body (``县政协编发第3期;市政协采用``,
``县级、市级``); a bare mark after a body (``报送市政协,被采用``) belongs to that body.
Leaders in a 批示 cell are split too (``市长张某某、副市长李某某`` is two 件, ``市委常委、常务副
市长刘某某`` one), and a 批示 written in free text (``获市委书记王某某批示``) is found.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from ..rules.leaders import RANK_WORDS, leader_key, leader_person, post_words, same_leader
from ..rules.placement import ADOPTION_VERBS, BULLETIN_TITLES
from .values import (MISSING, NO_YEAR, OK, UNPARSEABLE, WRITTEN_DAY, WRITTEN_MONTH, WRITTEN_MONTH_DAY, cell_text,
                     date_written_in, issue_number, may_hold_a_date, norm, parse_date)

ADOPTED, FORWARDED, PENDING, NOT_ADOPTED, UNKNOWN = "adopted", "forwarded", "pending", "not_adopted", "unknown"
INSTRUCTION = "instruction"  # a part of an adoption text that records a 批示 (read with the instructions)

# The parts of a tier-column cell (第3期,获县长批示), and the tick marks a 批示 may be written after.
_MARK_PARTS = re.compile(r"[,，;；\s]+")
# Punctuation typed after a mark (√。, 是，; NFKC has made ，；！ half-width): no part of it.
_PUNCTUATION_AFTER = re.compile(r"[。.,、;!]+$")
_MARK_SIGNS = " √✓✔☑●○"
# 已, 并, 又 before a forwarding word (已转报省政协, 并报市政协): the forwarding all the same.
_ALREADY = re.compile(r"^(?:已经|已|并|又|再|另)(?=\S)")
# What a clause may write before its verb: the item it speaks of (此条, 该信息, 本条, 以上三条, 上述信息),
# adverbs (均, 都, 也, 同时) and the 于 before a day (已于7月5日报市政协): 此条已报市政协, 以上三条均已报市政协
# say what 已报市政协 says.
_SUBJECT = (r"(?:此|该|本|这)(?:(?:条|篇|则|件|份|项)(?:信息|稿件)?|信息|稿件)"
            r"|(?:以上|上述|前述|上列)(?:\d+|[一二两三四五六七八九十]+)?(?:条|篇|则|件|份|项)?(?:信息|稿件)?")
_LEAD = re.compile(rf"^(?:{_SUBJECT})?[,，:：\s]*(?:均|都|皆|也|亦|一并|同时)*(?:(?:已经|已)?于(?=\s*\d))?(?=\S)")
# The item itself with its adverbs and nothing after (此条, 该信息, 以上三条均): no deed, the subject of the next.
_SUBJECT_ALONE = re.compile(rf"(?:{_SUBJECT})[,，:：\s]*(?:均|都|皆|也|亦|一并)*")
# Bodies one forwarding went to (报市政协和省政协, 报市政协、省政协); not the 和 of 中华人民共和国.
_BODIES_JOINED = re.compile(r"(?<!共)(?:以及|和|及|与|、)")
# Two 政协 written one after the other with no separator (市政协省政协均采用, 省政协全国政协采用).
_BODIES_BACK_TO_BACK = re.compile(r"(?<=政协)(?=(?:全国|省|市|县|区|州|自治区|自治州)政协)")
# Online forms (问卷星, 金山表单, 钉钉) join a multi-select's answers with ┋, | or │; / between
# words too (省政协/县政协), not between digits (2025/3/5).
# A comma inside a bracket is no part's end: 县政协编发（第3期，2025.4.8） is one adoption, its issue and day.
_PARTS = re.compile(r"[;；。\n┋|│]+|(?<!\d)/(?!\d)|[,，、](?!\s*第?\s*\d+\s*期)(?![^()（）]*[)）])|(?<=采用|录用|采纳|刊用)但")
# A list written in one cell, each item after its number: 1. 省政协采用 2. 市政协采用 (one line, as typed
# without Alt+Enter), 1、市政协采用⏎2、省政协采用, (1)…(2)…, ①…②…. A number is one at the text's or a
# line's start or after a space, before its item's first word (not a day: 5.20, 2025.3.5; not an issue: 6、12).
_LIST_NUMBER = re.compile(r"(?:^|(?<=\s))(?:\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|\d{1,2}\s*[.、)]"
                          r"|[一二三四五六七八九十]{1,3}、)\s*(?=[^\s\d.、,;:)])")
_CIRCLED = re.compile(r"[①-⑳⑴-⒇⒈-⒛]\s*")  # NFKC makes ① a 1, ⑴ (1), ⒈ 1.
# ... and the first of such a list, 1 (its mark kept), before the items that follow it with no space (1.省政协采用2.市政协采用).
_FIRST_LIST_NUMBER = re.compile(r"\s*(?:\(1\)|1\s*([.、)]))\s*(?=[^\s\d])")
# 与第3条重复, 同第3行: an item written again; 不计 as the whole 备注 (不计稿酬 is about money only).
# The void words of the rules say the rest.
# A negation right before a void word keeps the item: 不作废, 未撤回, 非重复, 不属于重复登记, 并非重复报送.
_NOT_BEFORE = r"(?<![不未非没])(?<!不属于)(?<!不属)(?<!不是)(?<!不算)(?<!无需)(?<!无须)(?<!不需)(?<!不用)"
# The void words that take an object (删除作者联系方式: the phone number is struck out, not the item), and
# what after them is still the item or the deed (删除本条, 撤回此稿, 删除重复信息, 撤销处理, 撤回后重报).
_VOID_VERBS = ("删除", "撤回", "撤销")
_OBJECT_AFTER = re.compile(r"[\u4e00-\u9fff]{2,}")
_NOT_AN_OBJECT = ("本", "此", "该", "这", "重复", "处理", "作废", "不计", "不予", "后", "了", "并", "再", "已")


def _on_another_object(text: str, m: re.Match) -> bool:
    """Whether the void word ``m`` found in ``text`` acts on something named after it that is not the item
    (已删除作者联系方式, 撤销原标题中的错字): the item stands."""
    if m[0] not in _VOID_VERBS:
        return False
    after = _OBJECT_AFTER.match(text, m.end())
    return after is not None and not after[0].startswith(_NOT_AN_OBJECT)


_SAME_AS = (r"与第?\d+(?:条|行|号)(?:信息)?(?:重复|合并)|同第?\d+(?:条|行|号)|并入第?\d+(?:条|行|号)"
            r"|重复[,，;；:：]?\s*(?:见|同|详见)第?\d+(?:条|行|号)|合并(?:到|至|入|于)第?\d+(?:条|行|号)"
            r"|与第?\d+(?:条|行|号)(?:为|系|是)同一(?:条|篇)?信息"
            r"|^(?:不计入?|重复|重复信息|无效|已?取消)$")


@dataclass(frozen=True)
class Reading:
    """One thing an adoption cell says. ``body`` '' means the column's own body."""

    state: str
    body: str = ""
    issue_no: int | None = None
    date: dt.date | None = None
    text: str = ""  # the part of the cell this came from
    day: tuple[int, int] | None = None  # (month, day) of a date written with no year: the sheet's year dates it
    marked: bool = False  # a body with its own mark (省政协：√): it says its outcome itself
    # The date as the text writes it (2025.10.8 in 2025.10.8市政协采用). With no date or day read
    # from it, only the sheet's year reads it (25.10.8) or it is no day (2025年10月, 10月上旬,
    # 第四季度, 2025.9.31): it is read as a date cell is, with what a date cell of it is told.
    when: str = ""


def _words(data: dict, key: str, upper: bool = False) -> list[str]:
    """A word list of the rules (``data[key]``), each as the reader compares it, longest first."""
    words = {norm(str(w)).upper() if upper else norm(str(w)) for w in data.get(key) or []}
    return sorted(words, key=lambda w: (-len(w), w))


def _legend_pattern(legend: dict) -> re.Pattern:
    """A colour legend's shape (rules ``colour_legend``): at a clause's start (after a lead such as 本表中),
    a colour word, at most four of the words ``between`` (底纹, 的, 信息), then a word of its meaning (为,
    表示, 已): 黄色底纹的信息已被市政协采用; not 关于红色旅游资源保护的建议 (no clause starts at 红色)."""
    alternation = lambda key: "|".join(map(re.escape, _words(legend, key)))
    colours, meanings = alternation("colours"), alternation("meanings")
    if not colours or not meanings:
        return re.compile("(?!)")
    between, leads = alternation("between") or "(?!)", alternation("leads") or "(?!)"
    return re.compile(rf"(?:^|[:;,.。、()\[\]【】/\d])(?:{leads})?(?:{colours})(?:{between}){{0,4}}(?:{meanings})")


# A code and what it stands for, in a legend of a 采用级别 column's codes (1=全国 2=省级, 3：市级, 4-县级).
_CODE_MEANING = re.compile(r"(?<![\d.])(\d{1,2})[=:.、\-—]([^\d=:.、,;()\[\]\-—]+)")

# A clause of a cell: what lies between its stops and commas.
_CLAUSE = re.compile(r"[^;；。\n,，]+")
_PIECES_KEPT = 100_000  # distinct adoption-cell pieces remembered by one reader
# A 刊物's title alone, maybe with its issue (《领导参阅》第4期, 《决策参考》): where the item was carried.
_TITLE_ALONE = re.compile(r"(?:《[^《》]+》|〈[^〈〉]+〉)(?:(?:\d{4}年)?第?\d+期)?")
# A 采用刊物 cell's name, then maybe its issue (决策参考, 领导参阅第7期, 决策参考2025年第9期).
_LIST_SEPARATORS = re.compile(r"([；;、,，\n]+)")
_NAME_BEFORE_ISSUE = re.compile(r"([\u4e00-\u9fff]{2,20}?)((?:\d{4}年)?第?\d+期?)?")
# A part that is an identifier (编号2025-12, 文号:示政协〔2025〕3号): never read as a date or an issue.
_IDENTIFIER = re.compile(r"^\s*(?:编号|文号|序号|流水号|登记号)\s*[:：]?")


def yes_alone(readings: list[Reading]) -> bool:
    """Whether an adoption cell's readings only say adopted (√, 已采用): no body, issue or day."""
    return len(readings) == 1 and readings[0].state == ADOPTED and not readings[0].body and readings[0].issue_no is None \
        and not (readings[0].date or readings[0].day or readings[0].when)


# A 备注 that says nothing (/, —, 无, 空, 略): nothing of an adoption either (× and 否 do).
NOTHING_NOTED = re.compile(r"\s*(?:[/／\\\-—–―_.。…]+|无|空|略|暂无)\s*")


class Vocabulary:
    """The rules' words for adoption marks and instructions, compiled once per Rules."""

    def __init__(self, data: dict, place):
        self.place = place  # rules.place: body name → Placed
        self.own_tier = str((data.get("office") or {}).get("own_tier") or "")
        # A piece of an adoption cell (市政协采用, 报送省政协) → its clauses and their readings: pieces
        # repeat across a ledger's cells even where whole cells do not (a cell lists an issue number).
        self._pieces: dict[str, tuple[tuple[str, Reading], ...]] = {}
        # A whole cell → its readings: cells repeat across the files one reader reads (县政协编发第3期,
        # 报送市政协) even where titles and authors never do.
        self._cells: dict[tuple[type, object], list[Reading]] = {}
        self._marks(data)
        self._legend = _legend_pattern(data.get("colour_legend") or {})
        self._instruction_vocabulary(data)
        self._deeds()

    def _marks(self, data: dict) -> None:
        """The adoption marks (rules ``marks:``) and the 备注 words that strike an item out or leave it unpaid."""
        m = data.get("marks") or {}
        self.adopted = frozenset(_words(m, "adopted", upper=True))
        self.not_adopted = frozenset(_words(m, "not_adopted", upper=True))
        # 备注 that strike an item out (rules ``void_words``), unless negated just before (不作废, 不属于重复登记).
        void = _words(data, "void_words")
        self._void = re.compile(rf"{_NOT_BEFORE}(?:{'|'.join(map(re.escape, void))})|{_SAME_AS}" if void else _SAME_AS)
        # ... and unless the 备注 says the row is the version that stands (原稿已撤回，此为修改稿; 撤回后重新报送).
        self._void_kept = re.compile("|".join(map(re.escape, _words(data, "void_kept_words"))) or "(?!)")
        # 不计稿酬, 稿酬不计; not 稿酬不计入个人考核 (不计入: the 稿酬 not counted into something else, still paid).
        self._unpaid = re.compile(f"(?:{'|'.join(map(re.escape, _words(data, 'unpaid_words')))})(?!入)"
                                  if _words(data, "unpaid_words") else "(?!)")
        self._filing = re.compile("|".join(map(re.escape, _words(data, "filing_words"))) or "(?!)")
        # Points taken off (不实信息，扣5分; 退稿扣2分; 扣分; 减半计分; 积分减半): rules ``points.deduction_words``
        # before a number of 分, or after 积分/计分/得分; not 稿酬减半 (money), 部分减免 (no score), nor negated
        # just before (不扣分, 未扣分, 无需扣分: nothing taken off, as 不作废 strikes nothing out).
        cut = "|".join(map(re.escape, _words(data.get("points") or {}, "deduction_words")))
        self._deduction = re.compile(rf"{_NOT_BEFORE}(?:{cut})\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)?\s*[计记]?积?分|[积计得]分\s*{_NOT_BEFORE}(?:{cut})"
                                     if cut else "(?!)")
        self.pending = frozenset(_words(m, "pending", upper=True))
        self.forwarded = tuple(_words(m, "forwarded", upper=True))
        self.negations = tuple(_words(m, "negations", upper=True))
        # Status words that do not say adopted (已审核, 已归档): a finding, never an adoption.
        self.unclear = frozenset(_words(m, "unclear", upper=True))
        alternation = lambda ws: re.compile("|".join(map(re.escape, sorted((w for w in ws if len(w) > 1), key=len, reverse=True))) or "(?!)")
        self._pending_in = alternation(self.pending)
        self._not_adopted_in = alternation(self.not_adopted)

    def _instruction_vocabulary(self, data: dict) -> None:
        """The 批示 words, the leaders' titles, the organ and level words, and the words that say a
        leader only read the item (rules ``read_words``)."""
        self.instruction_words = tuple(_words(data, "instruction_words"))
        self.title_words = tuple(_words(data, "leader_title_words"))
        self.post_words = post_words(data)  # titles, ranks and organs: what a leader text writes besides a name
        placement = data.get("placement") or {}
        # Organ and level words (市委, 县政府, 省…): a 批示 part with only these and titles names no one.
        organs = {w for key in ("channel_words", "level_words") for ws in (placement.get(key) or {}).values() for w in ws or []}
        self.organ_words = tuple(sorted(map(norm, organs), key=len, reverse=True))
        self.words_after_post = tuple(_words(data, "instruction_words_after_post"))
        words = "|".join(map(re.escape, sorted(self.instruction_words + self.words_after_post, key=len, reverse=True))) or "(?!)"
        # In free text: "<leader> (作出|作了)? (肯定性)? 批示" — the leader is the text before.
        self._in_text = re.compile(rf"([^,，。;；!！?？]*?)(?:作出|做出|作了|给予)?(?:{words})")
        self._negated_tail = re.compile(r"(?:未|无|待|没有|尚未|暂未|暂无|未经|未获)$")
        self._any_instruction = re.compile(words)
        # A whole cell that says no 批示 was given (待批示, 尚未批示, 暂无领导批示), or only planned or asked
        # for one (拟批示, 报送领导, 已呈报县委领导): understood, none.
        # 县长未批示: a leader may be named before the negation; 呈县长阅示, 已送县长审阅: sent to read.
        titles = "|".join(map(re.escape, sorted(self.title_words, key=len, reverse=True))) or "(?!)"
        self._no_instruction = re.compile(
            rf"(?:[^,，;；。()]{{0,16}}?(?<![获经得]))?(?:未|无|待|没有|尚未|尚无|暂未|暂无|未经|未获|未有|未作|拟|拟请|准备|建议|提请)"
            rf"(?:领导|上级|具体|明确)?(?:{words})(?:意见)?"
            r"|(?:已)?(?:报送|呈报|呈送|报|送|转呈)(?:[县市省区州]?(?:委|政府)?(?:主要|分管)?)领导(?:审阅|参阅|阅示)?"
            r"|(?:已)?(?:报送|呈报|呈送|报请|报|送|呈|转呈)(?:(?!批|签|圈)[^,，;；。()]){1,16}?(?:审阅|参阅|阅示|阅批|批阅|审定)"
            # 报县长, 已呈报市委书记王某某: sent to a leader, no more
            rf"|(?:已)?(?:报送|呈报|呈送|报|送|呈|转呈)(?:(?!批|签|圈)[^,，;；。()]){{0,12}}?(?:{titles})(?:[\u4e00-\u9fff]{{2,3}})?"
            # 拟请区长批示, 提请县委书记王某某批示, 待区长批示: a 批示 asked of a leader, not given
            rf"|{self._asked_pattern(titles, words)}")
        self._asked = re.compile(self._asked_pattern(titles, ""))
        self._asked_whole = re.compile(self._asked_pattern(titles, words))
        # 请李副区长阅处, 请刘区长阅批, 呈请区长刘某某阅示: a leader asked to read (or 批) the item; given, it names
        # who gave it (区长刘某某：请李副区长阅处). Never a leader "请李副区长阅处".
        reads = "|".join(map(re.escape, sorted(_words(data, "read_words"), key=len, reverse=True)))
        self._asked_to_read = re.compile(
            rf"(?:呈请|报请|敬请|请)(?:(?!批|签|圈|获|经|得|受|被)[^,，;；。:：()（）]){{0,12}}?(?:{titles})[\u4e00-\u9fff]{{0,3}}?"
            rf"(?:同志)?(?:{reads + '|' if reads else ''}{words})[\u4e00-\u9fff]{{0,2}}")
        # After an adoption, where the office's product went (市政协采用（专报市委、市政府主要领导）, 市政协采用并呈送
        # 市委书记, 县政协以专报形式报县委、县政府): to leaders or organs of the 党委 and 政府, who did not adopt it.
        self._to_leaders = re.compile(
            r"(?P<lead>[,，;；\s]*(?:并|且|同时|后|再)?)(?:以(?P<form>专报|《[^》]{1,12}》)形式)?"
            r"(?P<verb>专报|专送|呈报|呈送|报送|上报|呈|报|送)"
            r"(?P<who>[^,，;；。()（）《》]{1,24}?)(?:同志)?(?:参阅|审阅|阅示)?(?=$|[,，;；。)）])")
        self._leader_or_form = re.compile(rf"形式|{titles}")
        self._leader_last = re.compile(rf"(?:{titles})[\u4e00-\u9fff]{{0,3}}$")  # 市委书记, 市委书记王某某
        # 阅示, 副市长王某某阅, 市长已阅: a leader (maybe named) who read it, no more; not 批阅 or 圈阅.
        reads = _words(data, "read_words")
        self.read_words = tuple(reads)
        # 区长刘某某阅处, 县长王某批阅: what a leader did with the item, written after the name (a 批示 whose words these are).
        self.deed_words = tuple(sorted(_words(data, "instruction_deed_words"), key=len, reverse=True))
        self._read_only = re.compile(rf"[^,，;；。:：]{{0,24}}?(?<![批圈签])(?:{'|'.join(map(re.escape, reads))})(?:过|了)?"
                                     if reads else "(?!)")

    @staticmethod
    def _asked_pattern(titles: str, words: str) -> str:
        """A 批示 asked of (or planned for) a named leader, not yet given: 拟请区长批示, 提请县委书记王某某批示,
        报请副市长批示, 准备报区长批示, 待区长批示 (``words``: the 批示 words after the leader; '' for the
        leader part alone, as free text has it before its 批示 word); sent to a post for its 批示, 已报市长批示,
        呈县委书记批示 (a name after the post, 报县长张某某批示, may be who gave it: read as written). 获, 经,
        被 in between make it given."""
        tail = rf"(?:{words})(?:意见)?" if words else ""
        between = r"(?:(?!批|签|圈|获|经|得|受|被)[^,，;；。()]){0,12}?"
        return (r"(?:已)?(?:(?:拟请|拟报请|拟报|拟呈|拟送|拟|提请|报请|呈请|建议|准备|请|待)(?:报送|呈报|呈送|报|呈|送)?"
                rf"{between}(?:{titles})[\u4e00-\u9fff]{{0,3}}?"
                rf"|(?:报送|呈报|呈送|转呈|报|呈|送){between}(?:{titles})){tail}")

    def _deeds(self) -> None:
        """The patterns of one part that records two deeds (adopted and sent on, sent and adopted)."""
        verbs = "|".join(map(re.escape, (*ADOPTION_VERBS, "用", "予")))
        # 未采用, 未予采用, and with 被/获 between, a body too (未被采用, 未获市政协采用); 采用未果.
        negations = "|".join(map(re.escape, self.negations)) or "(?!)"
        self._negated_verb = re.compile(rf"(?:{negations})(?:再|曾|又|能)?(?:(?:被|获|获得|得到)(?:(?!批示|签批|圈阅)[^,，;；。\s但]){{0,12}}?)?(?:{verbs})"
                                        rf"|(?:{verbs})(?:未果|未成功|未成)")
        # 未上报, 尚未报送市政协, 不上报: not sent, so not adopted either; in brackets after a deed
        # (县政协采用（未上报）, 县政协第3期(未报市政协)) a part of its own, the deed standing.
        not_sent = rf"(?:{negations})(?:{self._sending_verbs()})"
        self._not_sent = re.compile(not_sent)
        self._not_sent_bracketed = re.compile(rf"(?<=\S)\s*[(（]\s*({not_sent}[^()（）]*)[)）]")
        # Forwarding words written after the body (市政协已报送, 市政协推荐); one character is too
        # little to tell there (信息专报 ends in 报).
        self._forwarded_tail = tuple(w for w in self.forwarded if len(w) > 1)
        forwards = "|".join(map(re.escape, self.forwarded)) or "(?!)"
        self._any_forwarding = re.compile(forwards)
        # A forwarding word between two bodies (县政协报市政协, 市政协转报省政协): who sent it, then where.
        # Not after 专/转/日/快 (市政协专报市委 is 市政协's own 专报; 县政协转送县教育局 its 转送; 日报, 快报).
        between = "|".join(map(re.escape, sorted((w for w in self.forwarded if not w.startswith("已")), key=len, reverse=True)))
        self._forwarded_between = re.compile(rf"(?<=[^专转日快])(?:已|并)?(?:{between})" if between else "(?!)")
        adoption_verbs = "|".join(map(re.escape, ADOPTION_VERBS))
        # One part, two deeds: 市政协采用并报省政协, 被市政协采用后报送省政协 (a forwarding after a
        # connective), 上报市政协被采用 (an adoption after a forwarding).
        self._then_forward = re.compile(rf"(?:并|后|又|再|且|同时|随后|之后)(?=(?:已|又|再)?(?:{forwards}))")
        self._then_adopted = re.compile(rf"(?:并|且|后|又)?(?:已|被|均|获)?(?:{adoption_verbs})了?$")
        # 被县委采用报市委, 市政协《社情民意》第3期报省政协: a forwarding right after the adoption verb
        # (or the issue that says it), with no connective. (ADOPTION_VERBS are all two characters: a
        # fixed-width look-behind)
        self._adopted_then_sent = re.compile(rf"(?:(?<={adoption_verbs})|(?<=期))(?=(?:{forwards}))")

    # -- adoption cells

    def says_void(self, text: str) -> bool:
        """Whether a 备注 says the item was struck out: 作废, 已撤回, 重复报送, 与第3条重复; not one whose
        deed has another object (已删除作者联系方式), nor one saying this row is the version that stands
        (rules ``void_kept_words``: 原稿已撤回，此为修改稿; ``void_but_kept``)."""
        t = norm(text)
        return not self._void_kept.search(t) and self._strikes_out(t)

    def void_but_kept(self, text: str) -> bool:
        """Whether a 备注 tells of a deed that strikes an item out and also that this row is the version
        that stands (作者撤回后修改重新报送): counted, said (``row.void_kept``)."""
        t = norm(text)
        return bool(self._void_kept.search(t)) and self._strikes_out(t)

    def _strikes_out(self, t: str) -> bool:
        """Whether a normed 备注 holds a void word acting on the item (not 删除作者联系方式)."""
        return any(not _on_another_object(t, m) for m in self._void.finditer(t))

    def colour_legend(self, text: str) -> bool:
        """Whether a text says what a colour marks (黄色为市政协采用, 注：红色字为已撤稿, 标黄的信息已被采用):
        rules ``colour_legend``; a title that merely has a colour (关于红色旅游资源保护的建议) is none."""
        return bool(self._legend.search(norm(text)))

    def level_codes(self, text: str) -> dict[int, str]:
        """The codes a legend of a 采用级别 column explains (注：采用级别 1=全国 2=省级 3=市级 4=县级), code →
        the level as written, each placed at a tier by the rules (placement); {} for a text that explains no
        two codes so (a title, 第1期:市政协)."""
        pairs = {}
        for code, meaning in _CODE_MEANING.findall(norm(text)):
            if self.place(meaning).tier is not None:
                pairs.setdefault(int(code), meaning)
        return pairs if len(pairs) > 1 else {}

    def says_deduction(self, text: str) -> bool:
        """Whether a cell writes points taken off (扣5分, 退稿扣2分, 扣分): rules ``points.deduction_words``."""
        return bool(self._deduction.search(norm(text)))

    def says_unpaid(self, text: str) -> bool:
        """Whether a 备注 or an adoption cell says no 稿酬 is paid (不计稿酬): rules ``unpaid_words``."""
        return bool(self._unpaid.search(norm(text)))

    def tells_filing(self, text: str) -> bool:
        """Whether a pending text of a 备注 tells only of filing the papers (原件存档, 已存档备查: rules
        ``filing_words``), no other pending word once those are set aside (存档待定 is still pending)."""
        t = norm(text)
        return bool(self._filing.search(t)) and not self._pending_in.search(self._filing.sub("", t))

    def note_denies(self, readings: list[Reading], tiers: set) -> str:
        """What a 备注 says against adoptions at ``tiers`` when every part of it says not adopted
        (``未采用``, ``退稿``: 未采用) or not yet (``拟采用``, ``待定``, ``审核中``: 尚未确定采用); '' when
        it says anything else. A part naming a body of another tier (省政协待定 beside a 市级
        adoption) is about that body; a plan to send it on (拟报省政协, 待上报), a 批示 asked of a leader
        (拟请县长批示, 该信息已报请县长批示) or the papers filed (原件存档, 已存档) denies nothing."""
        states = set()
        for x in readings:
            if x.state == PENDING and self.tells_filing(x.text):
                continue  # 原件存档, 已存档: the papers filed, not the item held back
            if x.state not in (NOT_ADOPTED, PENDING) or self.place(x.body or norm(x.text)).tier not in (None, *tiers):
                return ""
            if x.state == NOT_ADOPTED and self.says_not_sent(x.text) and not (
                    self.place(norm(x.text)).tier is not None or set(tiers) - {self.own_tier}):
                return ""  # 未上报 beside the office's own adoption: the item was not sent up, no more
            if x.state == PENDING and (self.plans_forwarding(x.text) or self.says_no_instruction(x.text)):
                return ""  # 拟报省政协, 待上报; 拟请县长批示: of a 上报 or a 批示 to come, not of the adoption
            states.add(x.state)
        return "" if not states else "未采用" if NOT_ADOPTED in states else "尚未确定采用"

    def says_not_sent(self, text: str) -> bool:
        """Whether a text says the item was not sent on (``未上报``, ``尚未报送市政协``, ``不上报``)."""
        return self._not_sent.match(_LEAD.sub("", norm(text).upper())) is not None

    def plans_forwarding(self, text: str) -> bool:
        """Whether a pending text is a plan to send the item on (``拟报省政协``, ``待上报``: a pending word
        with a forwarding word in it), not an adoption yet to be decided (``拟采用``, ``待定``)."""
        m = self._pending_in.search(norm(text).upper())
        return m is not None and any(w in m[0] for w in self.forwarded)

    def read_mark(self, value) -> Reading | None:
        """A cell under a column that stands for one body (县政协编发 | 市政协 | …), or a
        是否采用 flag. None for an empty cell."""
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return Reading(ADOPTED if value else NOT_ADOPTED, text=cell_text(value))
        if isinstance(value, dt.datetime):
            return Reading(ADOPTED, date=value.date(), text=cell_text(value))
        if isinstance(value, dt.date):
            return Reading(ADOPTED, date=value, text=cell_text(value))
        if isinstance(value, (int, float)):
            return self._number_mark(float(value))
        # A bracket that records a 批示 (√(获副市长王某某批示)) is read with the instructions, not here.
        shown = _BRACKET.sub(lambda m: "" if self._any_instruction.search(m[1]) else m[0],
                             unicodedata.normalize("NFKC", str(value)).translate(_EMOJI_STYLE)).strip() or str(value).strip()
        parts = [p for p in _MARK_PARTS.split(shown) if p]
        if len(parts) > 1 and any(self._any_instruction.search(p) for p in parts):  # 第3期,获县长批示; √ 县长批示
            shown = " ".join(p for p in parts if not self._any_instruction.search(p)) or shown
        text = _one_mark(norm(shown).upper())
        if not text:
            return None
        if text.isdigit() and len(text) <= 5:  # '12' in a cell formatted as text (WPS 文本): as the number 12
            return self._number_mark(float(text))
        return self._text_mark(text, shown)

    def _number_mark(self, v: float) -> Reading:
        shown = cell_text(v)
        if not math.isfinite(v):
            return Reading(UNKNOWN, text=shown)
        if v == 0:
            return Reading(NOT_ADOPTED, text=shown)
        if v == 1:
            return Reading(ADOPTED, text=shown)
        if v.is_integer() and 20000 <= v <= 80000:  # a date typed into a number cell
            return Reading(ADOPTED, date=parse_date(v).date, text=shown)
        if v.is_integer() and 1 < v < 10000:  # an issue number (第12期 typed as 12)
            return Reading(ADOPTED, issue_no=int(v), text=shown)
        if v.is_integer() and 19000101 <= v <= 21001231 and (day := parse_date(int(v)).date) is not None:
            return Reading(ADOPTED, date=day, text=shown)  # 20251008 typed as a number: read as its text is
        return Reading(UNKNOWN, text=shown)

    def _listed(self, text: str, shown: str) -> Reading | None:
        """What the rules' lists say of a text (normalised, upper case): a mark in one of them, a
        negation, a forwarding to a body; None when they say nothing."""
        for state, words in ((NOT_ADOPTED, self.not_adopted), (PENDING, self.pending), (ADOPTED, self.adopted),
                             (UNKNOWN, self.unclear)):
            if text in words:
                return Reading(state, text=shown)
        state = self._negated(text)
        if state and (body := self._forwarded_not_adopted(text)) is not None:
            return Reading(FORWARDED, body=body, text=shown)  # 已上报未采用, 报省政协待采用: the 上报 stands
        if state and (b := _BRACKET.search(text)) and (body := self._forwarded(b[1])) is not None:
            return Reading(FORWARDED, body=body, text=shown)  # 未采用(已报送): sent there, not adopted
        if state:
            return Reading(state, text=shown)
        if (dated := self._dated_forwarding(text, shown)) is not None:
            return dated
        forwarded = self._forwarded(text)
        return Reading(FORWARDED, body=forwarded, text=shown) if forwarded is not None else None

    def _dated_forwarding(self, text: str, shown: str) -> Reading | None:
        """A forwarding with its day before or after it (``2025.4.3报市政协``, ``4月3日报市政协``,
        ``报市政协(4月3日)``, ``已报市政协4月3日``): the 上报 on that day; None for anything else."""
        if not may_hold_a_date(text):
            return None
        text = _LEAD.sub("", text)
        if m := _LEADING_DATE.match(text):
            day, rest = m[1], text[m.end():]
        elif (m := _DAY_AT_END.search(text)) and m.start() > 0:
            day, rest = m[1], text[: m.start()]
        else:
            return None
        forwarded = self._forwarded(rest)
        if forwarded is None:
            return None
        date, md = _dated(day)
        return Reading(FORWARDED, body=forwarded, date=date, text=shown, day=md, when=day)

    def _text_mark(self, text: str, shown: str) -> Reading:
        listed = self._listed(text, shown)
        if listed is not None:
            return listed
        if (dated := self._dated_mark(text, shown)) is not None:
            return dated
        if any(v in text for v in ADOPTION_VERBS) or any(w in text for w in self.adopted if len(w) > 1):
            return Reading(ADOPTED, text=shown)
        if self.place(text).tier is not None:  # a body written in another body's column: the cell says
            return Reading(ADOPTED, body=norm(shown), text=shown)
        return Reading(UNKNOWN, text=shown)

    def _dated_mark(self, text: str, shown: str) -> Reading | None:
        """A mark that gives an issue number or a date (第3期, 2025.4.8, 4月8日 under 市政协采用时间:
        adopted that day); with more than a day written (10月8日采用, 已于10月上旬报送), what the rest
        says, on that day. None for a mark with neither."""
        issue = issue_number(text)
        date, day, when, rest = _date_said(text)
        if issue is not None or date or (day or when) and not rest:
            return Reading(ADOPTED, issue_no=issue, date=date, text=shown, day=day, when=when)
        if not (day or when):
            return None
        said = self._text_mark(rest, shown)
        return replace(said, day=day, when=when) if said.state in (ADOPTED, FORWARDED) and not _dated_part(said) else said

    def _sending_verbs(self) -> str:
        """The forwarding words (rules ``marks.forwarded``) without their 已, as one alternation."""
        sent = {w[1:] if w.startswith("已") else w for w in self.forwarded}
        return "|".join(map(re.escape, sorted(sent, key=len, reverse=True))) or "(?!)"

    def _negated(self, text: str) -> str | None:
        """``暂未采用``, ``尚未刊用``, ``拟采用`` not in the lists: not adopted / pending; a plan or a wait
        before the body (``待省政协采用``, ``争取省政协采用``, ``将报省政协``): pending."""
        if self._pending_in.search(text) or _PLANNED.match(text):
            return PENDING
        if self._not_adopted_in.search(text) or self._negated_verb.search(text) or self.says_not_sent(text):
            return NOT_ADOPTED
        return None

    def before_not_adopted(self, text: str) -> str:
        """What a text writes before its 未采用 (``市政协未采用`` → ``市政协``; '' for none)."""
        m = self._not_adopted_in.search(text) or self._negated_verb.search(text)
        return _OUTCOME_LEAD.sub("", text[: m.start()]).strip() if m else ""

    def _forwarded_not_adopted(self, text: str) -> str | None:
        """The body of a forwarding said before its negated adoption (``报市政协未采用`` → ``市政协``),
        or None when the text is no forwarding."""
        m = self._not_adopted_in.search(text) or self._negated_verb.search(text) or self._pending_in.search(text)
        head = _OUTCOME_LEAD.sub("", text[: m.start()]) if m else ""
        return self._forwarded(head) if head else None

    def _forwarded(self, text: str) -> str | None:
        """The body a forwarding text names ('' for none: the column's own), or None when the
        text is not a forwarding (``报送市政协`` → ``市政协``, ``已转报省政协`` → ``省政协``)."""
        text = _ALREADY.sub("", _LEAD.sub("", text))
        for prefix in self.forwarded:
            if text.startswith(prefix):
                rest = text[len(prefix):].lstrip("至到给:：")
                if not rest:
                    return ""
                if self.place(rest).tier is not None:
                    return rest
        for word in self._forwarded_tail:  # 省政协已报送, 市政协推荐
            if text.endswith(word) and len(text) > len(word):
                rest = text[: -len(word)].rstrip("已并均([【")  # 省政协(已报送: the bracket's opening too
                if rest and self.place(rest).tier is not None:
                    return rest
        sent = self._sent_between(text)
        return sent[1] if sent else None

    def _sent_between(self, text: str) -> tuple[str, str] | None:
        """(sender, target) of a forwarding written between two bodies the rules place (``县政协报市政协``,
        ``市政协转报省政协``, ``市政协推荐省政协``), or None."""
        for m in self._forwarded_between.finditer(text):
            head, tail = text[: m.start()], text[m.end():].lstrip("至到给:：")
            if head and tail and self.place(head).tier is not None and self.place(tail).tier is not None:
                return head, tail
        return None

    def opens_with_forwarding(self, text: str) -> bool:
        """Whether ``text`` (a 备注) starts with a forwarding word, maybe after what it speaks of, an
        adverb or a day (``已报市政协``, ``以上三条均已报市政协``, ``已于7月5日报市政协``): a cheap test
        before ``forwarding_in``."""
        text = _LEAD.sub("", norm(text).upper())
        return _LEADING_DATE.sub("", text).startswith(self.forwarded) if may_hold_a_date(text) else text.startswith(self.forwarded)

    def forwarding_in(self, clause: str) -> Reading | None:
        """The 上报 a clause of a 备注 says (``此条已报市政协``; ``已于7月5日报市政协`` with its day), or None."""
        text = norm(clause).upper()
        if (dated := self._dated_forwarding(text, clause)) is not None:
            return dated
        body = self._forwarded(text)
        return Reading(FORWARDED, body, text=clause) if body is not None else None

    def forwardings_in(self, clause: str) -> list[Reading]:
        """The 上报 a clause of a 备注 says, one a body (``该信息同时报市政协和省政协``, ``已报市政协、省政协``:
        two, each at its level), as ``forwarding_in`` reads it."""
        reading = self.forwarding_in(clause)
        if reading is None:
            return []
        bodies = [b.strip() for b in _BODIES_JOINED.split(reading.body)] if reading.body else []
        if len(bodies) < 2 or not all(self.place(b).tier is not None for b in bodies):
            return [reading]
        return [replace(reading, body=b) for b in bodies]

    def may_forward(self, text: str) -> bool:
        """Whether a forwarding word of the rules is anywhere in ``text`` (a cheap test before ``_forwarded``)."""
        return self._any_forwarding.search(text) is not None

    def forwarded_by(self, text: str) -> str:
        """The body a forwarding text says sent the item on (``市政协报送省政协`` → ``市政协``), or ''."""
        sent = self._sent_between(_ALREADY.sub("", norm(text).upper()))
        return re.sub(r"^(?:经由|经过|经|由|通过)", "", sent[0]) if sent else ""  # 经市政协报省政协: 市政协

    def read_text(self, value) -> list[Reading]:
        """A free-text adoption cell (采用情况/采用单位): one reading per part; a bare mark after a
        body inherits it. Not-adopted and pending parts are kept (they are understood). Worked out
        once per distinct cell (keyed by type too: a TRUE cell is not a 1); the list is shared, not
        to be changed by the caller."""
        key = (type(value), value)
        read = self._cells.get(key)
        if read is None:
            if len(self._cells) >= _PIECES_KEPT:  # a bound on memory over a whole province's archive
                self._cells.clear()
            read = self._cells[key] = self._read_cell(value)
        return read

    def as_title(self, text: str) -> str:
        """A 采用刊物 cell written without 《》 as the title it is (``领导参阅`` → ``《领导参阅》``, ``决策参考第9期`` →
        ``《决策参考》第9期``) when its name, read as free text, says nothing or a leader's 阅 (参阅: rules
        ``read_words``): the column holds a 刊物's name, never a 批示. A body (市政协), a mark (√, 否), a
        status (已审核) or a name the rules place (社情民意专报, 每日要情) stays as written; 刊物 listed
        (领导参阅、决策参考) each alike."""
        pieces = _LIST_SEPARATORS.split(text)
        return "".join(self._titled(p) if k % 2 == 0 else p for k, p in enumerate(pieces))

    def _titled(self, piece: str) -> str:
        m = _NAME_BEFORE_ISSUE.fullmatch(norm(piece))
        if m is None or m[1].upper() in self.unclear:
            return piece
        read = self.read_text(m[1])
        if len(read) != 1 or not (read[0].state == UNKNOWN or read[0].state == INSTRUCTION and self.says_read_only(m[1])):
            return piece
        return f"《{m[1]}》{m[2] or ''}"

    def _read_cell(self, value) -> list[Reading]:
        text = cell_text(value).translate(_EMOJI_STYLE)
        if not text:
            return []
        readings: list[Reading] = []
        last_body = ""
        text = self._leaders_listed(_levels_written_together(self._sent_to_leaders(list_items(text))))
        if any(n in text for n in self.negations):  # a cheap test before the pattern: most cells negate nothing
            text = self._not_sent_bracketed.sub(r"，\1", text)
        parts = [c for p in self._spaced_bodies(_split_parts(text)) for c in self._read_piece(p)]
        for part, reading in parts:
            if readings and self._goes_on(readings[-1], reading, part):
                # 省政协,已采用 / 市政协⏎《社情民意》第3期: the body named, then what it did — one adoption.
                prev = readings[-1]
                readings[-1] = _joined(prev, reading, ADOPTED, prev.issue_no if reading.issue_no is None else reading.issue_no)
                continue
            if reading.state in (ADOPTED, FORWARDED) and not reading.body and last_body and (
                    _is_bare(reading) or _adopted_there(readings[-1], reading)):
                reading = replace(reading, body=last_body, text=part)
                # 报送市政协,被采用: the forwarding stands, and the adoption follows it.
            if reading.body:
                last_body = reading.body
            readings.append(reading)
        readings = self._listed_with_a_forwarding(readings, text)
        return _merge_trailing(_mark_before_body(_bodies_share_the_deed(_bodies_share_the_outcome(readings))))

    def _sent_to_leaders(self, text: str) -> str:
        """The text without where the office's product went after an adoption by a 政协 (``市政协采用
        （专报市委、市政府主要领导）`` → ``市政协采用（专报）``, ``市政协采用并呈送市委书记`` → ``市政协采用``): the
        leaders or organs of the 党委 and 政府 it was sent to (专报, 呈送) did not adopt it, and were read as
        adopting (市政府主要领导) or as the only 上报 (the 政协's adoption lost). Only a list of such
        recipients, each placed at a level and none a 政协, after a 政协's adoption."""
        if not self._leader_or_form.search(text):
            return text  # most cells: no leader, no product form
        for m in reversed(list(self._to_leaders.finditer(text))):
            head = text[: m.start()]
            if not self._adopted_by_a_cppcc(head) or not self._recipients(m["who"], bool(m["form"])):
                continue
            routing = m["form"] or ("专报" if m["verb"] in ("专报", "专送") else "")
            routing = routing if routing not in head else ""
            tail = text[m.end():]
            if head.endswith(("(", "（")) and tail.startswith((")", "）")):  # (专报市委、市政府主要领导): the bracket was all of it
                head, tail = (head, tail) if routing else (head[:-1], tail[1:])
                text = head + routing + tail
            else:
                text = head + (f"({routing})" if routing else "") + tail
        return text

    def _adopted_by_a_cppcc(self, head: str) -> bool:
        """Whether ``head`` (the text before a product's recipients) records a 政协's adoption."""
        clause = _CLAUSE.findall(head.rstrip("(（ "))
        last = clause[-1] if clause else ""
        placed = self.place(norm(last)) if last else None
        return placed is not None and placed.tier is not None and placed.channel == "政协" and not self._negated(norm(last).upper()) \
            and not self._forwarded(norm(last).upper())

    def _recipients(self, who: str, by_form: bool) -> bool:
        """``市委、市政府主要领导``, ``市委书记、市长``, ``县委、县政府`` (after 以专报形式): each a leader's post or
        an organ of the 党委 and 政府, at a level, none a 政协."""
        pieces = [p for p in re.split(r"[、和及与]", who) if p]
        if not pieces or self._any_instruction.search(who) or not (by_form or self._leader_last.search(pieces[-1])):
            return False  # 报县长批示: a 批示, read as one
        for piece in pieces:
            placed = self.place(norm(piece))
            if placed.tier is None or placed.channel not in ("党委政府", None) or "政协" in piece:
                return False
        return True

    def _listed_with_a_forwarding(self, readings: list[Reading], text: str) -> list[Reading]:
        """``报送市政协、省政协（均未采用）``, ``已报送市政协、省政协待采用``: a body listed right after a
        forwarding's, with its outcome, was sent there too (a 上报 not adopted, or not yet), not only
        a body not adopting."""
        out = list(readings)
        for k in range(1, len(out)):
            prev, r = out[k - 1], out[k]
            if not (prev.state == FORWARDED and r.state in (NOT_ADOPTED, PENDING) and not r.body
                    and f"{prev.text}、{r.text}" in text):
                continue
            t = norm(r.text).upper()
            m = self._not_adopted_in.search(t) or self._negated_verb.search(t) or self._pending_in.search(t)
            head = _LIST_OUTCOME_LEAD.sub("", t[: m.start()]) if m else ""
            if head and self.place(head).tier is not None:
                out[k] = Reading(FORWARDED, body=head, text=r.text)
        return out

    def _leaders_listed(self, text: str) -> str:
        """``市委书记王某某、市长李某某分别批示``: leaders listed before one 批示 word are one 批示 clause
        (each leader's 批示 is read from the text), not a body (市委) then a 批示; joined by 和 so the
        clause stays whole. Only when every listed piece names a leader's post and no adoption is said."""
        if "、" not in text or not self._any_instruction.search(text):
            return text

        def whole(m: re.Match) -> str:
            clause = m[0]
            if not self._any_instruction.search(clause) or any(v in clause for v in ADOPTION_VERBS):
                return clause
            leaders = clause.split("、")
            if not all(any(t in piece for t in self.title_words) for piece in leaders):
                return clause
            return "和".join(leaders)
        return _CLAUSE.sub(whole, text)

    def _read_piece(self, piece: str) -> tuple[tuple[str, Reading], ...]:
        """A piece's clauses (``_clauses``), each with its reading (``_part``), worked out once per
        distinct piece (pure functions of the text and the rules)."""
        read = self._pieces.get(piece)
        if read is None:
            if len(self._pieces) >= _PIECES_KEPT:  # a bound on memory over a whole province's archive
                self._pieces.clear()
            read = self._pieces[piece] = tuple((c, self._part(c)) for c in self._clauses(piece))
        return read

    def _goes_on(self, prev: Reading, reading: Reading, part: str) -> bool:
        """Whether a part only says what the body named just before it did (采用, 已采用, 《社情民意》第3期):
        no body or level of its own, after a part that names a body without a verb."""
        if not (prev.state == ADOPTED and reading.state == ADOPTED and prev.body
                and not (prev.issue_no is not None and reading.issue_no is not None)
                and not any(v in prev.text for v in ADOPTION_VERBS)):
            return False  # most parts: the cheap tests decide
        if _is_bare(reading):  # 市政协、编发: the verb alone is the named body's deed
            return True
        # 编发第3期, 本级编发 name the office's own edition (a record of its own); 《社情民意》第3期 only a bulletin.
        own = self.place(BULLETIN_TITLES.sub("", part)).rule.startswith("本级用语")
        return not own and not self.place(part).by_level

    def _clauses(self, part: str) -> list[str]:
        """One part that records two deeds, as two: ``市政协采用并报省政协`` (adopted at 市, sent
        on to 省), ``上报市政协被采用`` (sent to 市, adopted there), ``省政协采用(市政协推荐)``
        (a bracket naming where it was sent), ``被省政协和全国政协采用`` (two bodies, one verb)."""
        if (sent_then_adopted := self._forwarding_then_mark(part)) is not None:
            return sent_then_adopted
        out, part = _merged_with_apart(part)
        for m in _BRACKET.finditer(part):  # 省政协采用(市政协推荐): the bracket is a forwarding
            inner = norm(m[1]).upper()
            # 省政协采用(市政协未采用): another body's outcome, a clause of its own (it negated the cell)
            other = self._negated(inner) and self.place(m[1]).tier is not None and any(v in part.replace(m[0], "") for v in ADOPTION_VERBS)
            if self._forwarded(inner) or other:
                out.append(m[1].strip())
                part = part.replace(m[0], " ", 1).strip()
        instruction, part = self._instruction_beside(part)
        out += instruction
        pieces = [q for p in self._deeds_apart(part) for q in self._adoption_then_forwarding(p)]
        return [c for piece in pieces for c in self._piece_clauses(piece)] + out

    def _piece_clauses(self, piece: str) -> list[str]:
        """One piece of ``_clauses``: ``上报市政协被采用`` → the forwarding and the adoption; bodies
        sharing one verb apart (``_joined_bodies``); a 批示 piece whole."""
        m = self._then_adopted.search(piece)
        if m and m.start() > 0 and not self._negated(norm(piece).upper()) and self._forwarded(norm(piece[: m.start()]).upper()):
            if _ASKED.match(piece) and m[0] in ADOPTION_VERBS:
                return [piece[: m.start()]]  # 推荐全国政协采用: sent up for adoption, a 上报 (not yet adopted)
            return [piece[: m.start()], re.sub(r"^(?:并|且|后|又|均|获)+", "", m[0])]
        if self._any_instruction.search(piece) and not any(v in piece for v in ADOPTION_VERBS):
            return [piece]  # 市委主要领导和市政府主要领导批示: one 批示 part, its leaders read with it
        return self._joined_bodies(piece)

    def _forwarding_then_mark(self, part: str) -> list[str] | None:
        """``报送省政协（采用）``, ``上报市政协：已采用``, ``报省政协（采用第3期）``: a forwarding, then the
        word saying the body adopted it — two deeds, as ``报送省政协,被采用`` is: [the forwarding, the mark]. None
        for any other part (a not-adopted or pending mark: ``_body_with_mark`` keeps the 上报 alone)."""
        if not _MARK_HINT.search(part) or not (m := _BODY_THEN_MARK.match(part)):
            return None
        mark = m["word"] or m["spaced"] or m["bracketed"]  # a bare √ after a forwarding stays as it was read
        if (not mark or not any(v in mark for v in ADOPTION_VERBS) or not self._forwarded(norm(m["body"]).upper())
                or self._part(mark).state != ADOPTED):
            return None
        return [m["body"].strip(), mark.strip()]

    def _deeds_apart(self, part: str) -> list[str]:
        """A part apart where a connective brings a forwarding (``市政协采用并报省政协`` → ``市政协采用``,
        ``报省政协``); not after the item itself (``此条同时报省政协``, ``该信息同时报市政协和省政协``: 此条 is
        what was sent, no deed of its own)."""
        cuts = list(self._then_forward.finditer(part))
        if cuts and _SUBJECT_ALONE.fullmatch(part[: cuts[0].start()].strip()):
            cuts = cuts[1:]
        starts, ends = [0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(part)]
        return [p for a, b in zip(starts, ends) if (p := part[a:b].strip())]

    def _adoption_then_forwarding(self, piece: str) -> list[str]:
        """``被县委采用报市委`` → ``被县委采用``, ``报市委``: split where a forwarding to a body follows
        the adoption verb directly (only when what follows names where it went)."""
        for m in self._adopted_then_sent.finditer(piece):
            head, tail = piece[: m.start()], piece[m.start():]
            if head and self._forwarded(norm(tail).upper()) is not None:
                return [head, tail]
        return [piece]

    def _instruction_beside(self, part: str) -> tuple[list[str], str]:
        """A 批示 written with the adoption in one part (省政协采用并获副省长批示, 市政协采用(获市长批示),
        获市长批示后被市政协采用): ([the 批示 clause], the adoption clause), so the adoption is read
        too; ([], part) when the part is not both."""
        if not self._any_instruction.search(part) or not any(v in part for v in ADOPTION_VERBS):
            return [], part
        for m in _BRACKET.finditer(part):  # 市政协采用(获市长批示)
            if self._any_instruction.search(m[1]) and any(v in part.replace(m[0], "") for v in ADOPTION_VERBS):
                return [m[1].strip()], part.replace(m[0], " ", 1).strip()
        for m in _INSTRUCTION_CLAUSE.finditer(part):
            head, tail = part[: m.start()].strip(" ,，"), part[m.end():].strip(" ,，")
            if m.group("after") is not None and head and any(v in head for v in ADOPTION_VERBS) \
                    and self._any_instruction.search(tail):
                return [tail], head  # 省政协采用并获副省长批示
            if m.group("before") is not None and tail and any(v in tail for v in ADOPTION_VERBS) \
                    and self._any_instruction.search(head):
                return [head + m.group("before")], tail  # 获市长批示后被市政协采用
        return [], part

    def _joined_bodies(self, piece: str) -> list[str]:
        """``被省政协和全国政协采用`` → ``省政协``, ``全国政协采用``: bodies joined by 和/及/与, each
        placed by the rules; anything else stays whole (中华人民共和国 has 和 in it)."""
        bodies = re.split(r"(?<!共)(?:和|及|与)", piece)
        if len(bodies) < 2:
            bodies = _BODIES_BACK_TO_BACK.split(piece)  # 市政协省政协均采用: two bodies, nothing between
        if len(bodies) < 2 or not all(self.place(b).tier is not None for b in bodies):
            return [piece]
        return [re.sub(r"^(?:被|已|由)", "", b).strip() or b for b in bodies]

    def _spaced_bodies(self, parts: list[str]) -> list[str]:
        """Parts written with only a space between bodies (``县政协采用 市政协采用``) split there,
        when every piece names a body the rules place; a body's name with a space in it stays whole."""
        out: list[str] = []
        for part in parts:
            pieces = part.split()
            if len(pieces) > 1 and all(self.place(p).tier is not None for p in pieces):
                out.extend(pieces)
            else:
                out.append(part)
        return out

    def _body_with_mark(self, part: str) -> Reading | None:
        """``省政协：×``, ``省政协 否``, ``省政协√``: a body, then the mark that says what it did (× not
        adopted, √ adopted, 待定 pending), read as that body's outcome; read whole, the body's name made
        it an adoption whatever the mark said. A forwarding before a not-adopted or pending mark
        (``报送省政协（未采用）``, ``报送市政协：未采用``) is a 上报 to that body. None for any other part."""
        if not _MARK_HINT.search(part):  # most parts (市政协采用) have no colon, space, bracket or symbol
            return None
        m = _BODY_THEN_MARK.match(part)
        mark = m and norm(m["word"] or m["spaced"] or m["symbol"] or m["bracketed"]).upper()
        state = self._after_a_body(mark, bool(m["word"])) if mark and self.place(m["body"]).tier is not None else None
        if state is None:
            return None
        body = norm(m["body"])
        sent = self._forwarded(body.upper())  # 报送省政协（未采用）: the body is a forwarding's
        if sent and state != ADOPTED:  # sent there, not (yet) adopted: the 上报 stands
            return Reading(FORWARDED, body=sent, text=part, marked=True)
        # 全国政协《信息专报》第3期（综合）: the issue written with the body is that adoption's
        return Reading(state, body=body, text=part, marked=True, issue_no=issue_number(body) if state == ADOPTED else None)

    def _after_a_body(self, mark: str, after_colon: bool = False) -> str | None:
        """The state a mark written after a body says (√, ×, 待定; 报送中, 已上报: forwarded; 已审核:
        unknown), or None. After a colon (省政协：已驳回, 省政协：待审核) a status the lists do not
        hold is read as a negation or a forwarding says, else unknown: the body's name alone never
        makes it an adoption."""
        for state, words in ((ADOPTED, self.adopted), (NOT_ADOPTED, self.not_adopted), (PENDING, self.pending),
                             (UNKNOWN, self.unclear)):
            if mark in words:
                return state
        if any(mark in (w, w + "中") for w in self.forwarded):
            return FORWARDED
        return self._status_after_colon(mark) if after_colon else None

    def _status_after_colon(self, mark: str) -> str | None:
        """What a status after a body and a colon says when no list holds it whole (``审核不予通过``,
        ``已归档待查``): not adopted or pending by a negation, unknown for a word with no verb, number,
        body, 批示 or void word (作废: adoption.void) in it; None (read as before) for anything else
        (``省政协：第3期``, ``省政协：采用``)."""
        placed = self.place(mark)
        if (re.search(r"\d", mark) or any(v in mark for v in ADOPTION_VERBS) or placed.tier is not None
                or placed.channel is not None or self._any_instruction.search(mark) or self.says_void(mark)):
            return None
        return self._negated(mark) or UNKNOWN

    def _part(self, part: str) -> Reading:
        # 编号2025-12: a number of the record's, not a date or an issue; 与县工商联信息合编: whose item it was
        # merged with, no adoption of theirs. Both said.
        if _IDENTIFIER.match(part) or _WITH_ANOTHER.fullmatch(norm(part)):
            return Reading(UNKNOWN, text=part)
        if (marked := self._body_with_mark(part)) is not None:
            return marked
        text = norm(part).upper()
        listed = self._listed(text, part)
        if listed is not None:
            return listed
        if self.instruction_in_text(part) or self.says_read_only(part):  # 副市长王某某阅: read with the 批示 (said there)
            return Reading(INSTRUCTION, text=part)
        issue = issue_number(part)
        # 市政协4月3日采用: that day (of the ledger's year); the body is what is written without it.
        date, day, when, body = _date_said(norm(part))
        body, part = self._without_route(body), self._without_route(part)
        placed = self.place(body if when else part)
        # 《领导参阅》第4期: a 刊物 named at no level the rules know is still where it went (said), never no body
        if placed.tier is not None or placed.channel is not None or _TITLE_ALONE.fullmatch(body):
            return Reading(ADOPTED, body=body, issue_no=issue, date=date, text=part, day=day, when=when)
        if issue is not None or date or day or when:
            return Reading(ADOPTED, issue_no=issue, date=date, text=part, day=day, when=when)
        if any(v in text for v in ADOPTION_VERBS):
            return Reading(ADOPTED, body=norm(part), text=part)  # a body the rules cannot place: reported
        return Reading(UNKNOWN, text=part)

    def _without_route(self, text: str) -> str:
        """省政协采用（经市政协）, 全国政协采用（省政协第5期）: the body that adopted is the one before the
        bracket; the body in it is the way the item went (placed, it made the adoption 市政协's)."""
        if not text.endswith(")") or (m := _BRACKET_AT_END.search(text)) is None:
            return text
        head = text[: m.start()].strip()
        if not head or not any(v in head for v in ADOPTION_VERBS):
            return text
        adopted, route = self.place(head), self.place(m[1])
        # A body of another level in the bracket (not the head body's own 专报 or issue: 市政协采用（社情民意专报）)
        if adopted.tier is not None and route.by_level and route.tier != adopted.tier:
            return head
        return text

    # -- instructions

    def leaders(self, text: str) -> list[str]:
        """The leaders a 批示 cell names, one per 件: parts split on 、,;/, new lines and 和/与/及
        between leaders (``副省长刘某某和市长李某某``), a part that is only a title (``市委常委``) joined
        to the next (``常务副市长刘某某``); a post with a count (``两位副市长``) is that many leaders of
        that post, levels written together before one post (``省市领导``) one leader a level."""
        text = _LEVELS_SHARE_A_POST.sub(lambda m: "、".join(c + m["post"] for c in m.groups()[:3] if c),
                                        _organs_share_a_post(unicodedata.normalize("NFKC", list_items(text)), "、"))
        # 李某(省委常委、宣传部长): the posts in brackets are one leader's, not a list of leaders.
        text = _BRACKET.sub(lambda b: re.sub(r"[、,，;；/]", _KEPT, b[0]), text)
        parts = [r.replace(_KEPT, "、") for p in re.split(r"[、,，;；/\n┋|│]+", text) for q in self._spaced_leaders(p.strip())
                 for r in self._joined_leaders(q) if r]
        if len(parts) > 1 and all(self._title_only(p) or self._counted(p) for p in parts):
            out = self._posts(parts)
        else:
            out = self._titles_joined(parts)
        return [one for leader in out for one in self._each(leader)]

    def _each(self, leader: str) -> list[str]:
        """A leader, or a post with a count as that many leaders (``两位副市长`` → 副市长, 副市长)."""
        counted = self._counted(leader)
        return [counted[0]] * counted[1] if counted else [leader]

    def _titles_joined(self, parts: list[str]) -> list[str]:
        """Parts that are a title only (``市委常委``) joined to the leader after them (before, at the end)."""
        out: list[str] = []
        pending = ""
        for part in parts:
            if self._title_only(part):
                pending = f"{pending}、{part}" if pending else part
                continue
            out.append(f"{pending}、{part}" if pending else part)
            pending = ""
        if pending:
            if out:
                out[-1] = f"{out[-1]}、{pending}"
            else:
                out.append(pending)
        return out

    def _joined_leaders(self, part: str) -> list[str]:
        """``副省长刘某某和市长李某某`` → two leaders, ``市长及两位副市长`` → ``市长``, ``两位副市长``: split
        on 和/与/及 only when every piece names a post (``市长王和平``, ``副市长和某某`` stay whole)."""
        pieces = re.split(r"(?<!共)(?:以及|和|与|及)", part)
        if len(pieces) > 1 and all(any(w in p for w in self.title_words) for p in pieces):
            return [p.strip() for p in pieces]
        return [part]

    def _counted(self, part: str) -> tuple[str, int] | None:
        """``两位副市长``, ``三位市领导``, ``2名副市长``: (the post, how many), the post only a title;
        None for anything else (``两位副市长王某某、李某某`` names them)."""
        m = _COUNTED_POST.fullmatch(norm(part))
        if not m or not self._title_only(m[2]):
            return None
        n = _count(m[1])
        return (m[2], n) if 0 < n <= 20 else None

    def levels_together(self, text: str) -> bool:
        """Whether a 批示 text writes levels together before one post (``省市领导批示``): one leader a
        level is the least it says; how many there were, only staff know."""
        return bool(_LEVELS_SHARE_A_POST.search(unicodedata.normalize("NFKC", text)))

    def says_read_only(self, text: str) -> bool:
        """Whether a 批示 cell says only that a leader read the item (``阅示``, ``副市长王某某阅``,
        ``市长已阅``: rules ``read_words``), with no 批示 word: not a 批示 (``圈阅`` is one by the rules)."""
        t = unicodedata.normalize("NFKC", text).strip(" 。.")
        if not self._any_instruction.search(t) and self._read_only.fullmatch(t) is not None:
            return True
        # 副市长已阅，无批示; 县长已阅。无具体意见: read, and said to have given none
        clauses = _clauses(t)
        return (len(clauses) > 1 and any(self.says_read_only(c) for c in clauses)
                and all(self.says_read_only(c) or self.says_no_instruction(c) for c in clauses))

    def _posts(self, parts: list[str]) -> list[str]:
        """Posts named without a person (``县委书记、县长``): a leader each, as two posts are two
        people; a rank written before a post (``市委常委、副市长``, ``县委副书记、县长``: one person's
        titles) goes with the post after it. Said at the cell (``instruction.posts_only``)."""
        out: list[str] = []
        pending = ""
        for part in parts:
            rest = norm(part)
            for w in (*RANK_WORDS, *self.organ_words):  # 市委常委: the rank first, then the organ
                rest = rest.replace(w, "")
            if not rest:
                pending = f"{pending}、{part}" if pending else part
                continue
            out.append(f"{pending}、{part}" if pending else part)
            pending = ""
        if pending and out:
            out[-1] = f"{out[-1]}、{pending}"
        elif pending:
            out.append(pending)
        return out

    def names_no_one(self, leader: str) -> bool:
        """A leader written as posts only (``县长``, ``市委常委、副市长``), no person's name."""
        return bool(leader) and all(map(self._title_only, re.split(r"[、,，;；/\n]+", leader)))

    def _spaced_leaders(self, part: str) -> list[str]:
        """``县长张三 副县长李四``: leaders written with only a space between, each a post and a name;
        ``县委书记 李某某`` (a post, then its name) stays one."""
        pieces = part.split()
        if len(pieces) > 1 and all(any(w in p for w in self.title_words) and not self._title_only(p) for p in pieces):
            return pieces
        return [part]

    def _title_only(self, part: str) -> bool:
        """A part that names a post but no person (``市委常委``, ``副市长``, ``市政府党组成员``)."""
        rest = norm(part)
        if not any(w in rest for w in (*self.title_words, *RANK_WORDS)):
            return False
        return not self.leader_person(rest)

    def leader_person(self, leader: str) -> str:
        """What a leader text writes besides posts, organs and brackets (``rules.leaders.leader_person``):
        张某某(副省长), 副省长张某某, 张某某副省长 → 张某某; 王市长 → 王; '' for posts only."""
        return leader_person(leader, self.post_words)

    def same_person(self, leader: str, other: str) -> bool:
        """Whether ``leader`` and ``other`` write one leader, on one row of one item: the same name or a
        surname and the post (:func:`same_leader`), or the post alone (县长 beside 县长张三, either way)."""
        return (same_leader(leader, other, self.post_words) or self._post_of(leader, other)
                or self._post_of(other, leader))

    def _post_of(self, post: str, leader: str) -> bool:
        """Whether ``post`` names no one and is ``leader``'s post (县长, 县长张三)."""
        person = self.leader_person(leader)
        rest = unicodedata.normalize("NFKC", leader).replace(person, "", 1)
        return bool(person) and self.names_no_one(post) and leader_key(post) == leader_key(rest)



    def says_no_instruction(self, text: str) -> bool:
        """A cell that says no 批示 was given (``待批示``, ``尚未批示``, ``暂无领导批示``, ``县长未批示``),
        or only that the item went to a leader to read (``呈县长阅示``, ``已送县长审阅``), with the
        outcome in brackets too (``已呈报县委主要领导（未批示）``, ``报县长（待批示）``)."""
        t = unicodedata.normalize("NFKC", text).strip(" 。.")
        if self._no_instruction.fullmatch(t) or _NO_OPINION.fullmatch(t) or self._asked_after_subject(t, self._asked_whole):
            return True
        if self._awaited_in_brackets(t):  # 区长批示（待）, 县长批示(拟), 市长批示（未批）: not given yet
            return True
        b = _BRACKET.search(t)  # the outcome in brackets, after a head that records no 批示 itself
        if (b is not None and not t[b.end():].strip(" 。.") and self._no_instruction.fullmatch(b[1].strip()) is not None
                and not self._any_instruction.search(t[: b.start()])):
            return True
        clauses = _clauses(t)  # 已送县长，暂未批示: each clause says none
        return len(clauses) > 1 and all(map(self.says_no_instruction, clauses))

    def asks_a_leader_to_read(self, text: str) -> bool:
        """Whether a 批示 cell writes only a leader asked to read or 批 the item (``请李副区长阅处``,
        ``请刘区长阅批``, ``呈请区长刘某某阅示``): no 批示 given yet, nor a leader of that name; a 批示 whose
        words these are names its leader first (``区长刘某某：请李副区长阅处``)."""
        t = unicodedata.normalize("NFKC", text).strip(" 。.")
        return self._asked_to_read.fullmatch(t) is not None

    def _asked_after_subject(self, text: str, asked: re.Pattern) -> bool:
        """Whether ``text`` is a 批示 asked of a leader (``asked``: 拟请区长批示, 待县长批示), alone or after
        the item it is about (该信息已报请县长批示, 此件已提请县委书记批示, 本信息拟请县长批示): asked,
        not given. A head naming a post or a 批示 (县委书记周某某请县长批示), or ending in 获, 经, 得, 被
        or 受 (该信息经…), is more than the item: the text is read as it was."""
        for start in range(len(text)):
            head = text[:start]
            if any(w in head for w in self.title_words) or self._any_instruction.search(head):
                return False
            if not head.endswith(_GIVEN_BY) and asked.fullmatch(text, start):
                return True
        return False

    def _awaited_in_brackets(self, t: str) -> bool:
        """A 批示 written with, in brackets after it, only that it is awaited, planned or not given
        (``区长批示（待）``, ``县长批示（拟）``, ``市长批示（未批）``, ``副市长批示（待批示）``): none given."""
        b = _BRACKET_AT_END.search(t)
        return (b is not None and _AWAITED.fullmatch(b[1].strip(" 。.")) is not None
                and len(self._any_instruction.findall(t[: b.start()])) == 1)

    def without_no_instruction(self, text: str) -> str:
        """A 批示 text without its clauses that say no 批示 was given, when another clause is left
        (市长圈阅，未作批示 → 市长圈阅): a 未 is no leader."""
        clauses = _clauses(unicodedata.normalize("NFKC", text))
        kept = [c for c in clauses if not self.says_no_instruction(c)]
        return "，".join(kept) if kept and len(kept) < len(clauses) else text

    def _from_first_post(self, leader: str) -> str:
        """A leader text listed with 、 from its first piece that names a post (``市政协、市长`` → ``市长``);
        as it is when no piece names one. Organs sharing one post (``市委、市政府主要领导``) are each that post's."""
        pieces = _organs_share_a_post(leader, "、").split("、")
        first = next((k for k, p in enumerate(pieces) if any(t in p for t in self.title_words)), 0)
        return "、".join(pieces[first:])

    def instruction_in_text(self, text: str) -> list[tuple[str, str, str]]:
        """批示 written in free text (备注/说明): ``获市委书记王某某批示`` → [(leader, the sentence, the
        day written with the leader or '')]: ``2025年4月2日市长张某某批示``, ``市长张某某4月2日批示``.
        Negated mentions (``未批示``, ``待批示``, ``无批示``) are none."""
        found: list[tuple[str, str, str]] = []
        if not self._any_instruction.search(text):
            return found
        t = unicodedata.normalize("NFKC", list_items(text))  # 1. 副省长李某某批示 2. 市长周某某批示: no leader "1. 副省长李某某"
        for m in self._in_text.finditer(t):
            before = m[1].strip()
            if (self._negated_tail.search(before) or re.match(r"(?:待|未|无|尚未|暂未|暂无|没有)", before)
                    or self._asked_after_subject(before, self._asked)  # (该信息)拟请区长批示: asked, not given
                    or _AWAITED_AFTER.match(t, m.end())):  # 区长批示（待）: awaited, not given
                continue
            # "该信息获市委书记王某某批示": the leader is what follows the last 获/得到/受到.
            before, day = self.leader_and_day(before)  # 2025.4.3获市长李某某批示: that day's
            leader = re.split(r"获得|获|得到|受到|被|\(", before)[-1].lstrip(_MARK_SIGNS)  # √(副市长批示), √ 县长批示
            # 按县长批注意见已办结, 根据市长批示: the 批示 the sentence follows is that leader's
            leader = re.sub(r"^(?:并|已|均|经|蒙|有|由|被|按照|按|根据|遵照|依照)+", "", leader).strip(" ::、")
            times = 1
            if (n := _TIMES_AFTER_LEADER.search(leader)) and n.start() > 0:  # 获市长两次批示: two
                leader, times = leader[: n.start()], _count(n[1])
            leader = _leader_only(leader)  # 市委书记王某某、市长李某某分别作出批示, 县长作出重要批示
            leader, after = self.leader_and_day(leader)  # 市长李某某4月2日批示
            leader = self._from_first_post(leader)  # 市政协、市长批示: the body before is an adoption's, not a leader
            if m[0].endswith(self.words_after_post) and not any(w in leader for w in self.title_words):
                continue  # 见批注: a cell's note, no leader's
            day = day or after or _day_after_the_word(t, m.end())  # 市长李某某批示(4月2日), 市长李某某批示,4月2日
            found += [(one, m[0].strip(), day) for one in (self.leaders(leader) if leader else [""]) for _ in range(times)]
        return found

    @staticmethod
    def says_what_was_said(text: str, longer_than: int = 0) -> bool:
        """Whether a 批示 cell writes what the leader said after a colon, with no 批示 word
        (``副市长孙立:请市金融办研究(4月10日)``): read as a 批示 is, not as leaders' names. In a 批示领导
        column ``longer_than=4``: ``市长:李某某`` there is the post, then the name."""
        who, said = _said_after_colon(unicodedata.normalize("NFKC", text).strip())
        return bool(said) and (len(said) > longer_than or re.search(_DAY, who) is not None or re.search(_DAY, said) is not None)

    def split_instructions(self, text: str) -> list[tuple[str, str, str]]:
        """The 批示 a cell writes, as (leader part, content, date text): ``市长张某某批示:同意`` is one;
        ``市委书记王某某批示、市长李某某批示`` two, and ``市长批示(3.5);副省长批示(4.2)`` two, each on its
        day; ``市长批示两次`` and ``市长两次批示`` two by that leader; a date before the leader
        (``2025.4.2市长李某某批示``) is that 批示's date, not part of a name, and so is one right after
        the leader or the 批示 word (``批示(2025.4.10):请研究``) or ending what was said (``:请研究(4月10日)``)."""
        t = unicodedata.normalize("NFKC", list_items(text)).strip()
        # In a 批示 column 批注 is the 批示's word as 批示 is (副县长张某某批注).
        words = re.compile("|".join(map(re.escape, self.instruction_words + self.words_after_post)) or "(?!)")
        out: list[tuple[str, str, str]] = []
        for piece in self._said_by_each(self._without_preamble(t, words), words):
            while piece:
                found, piece = self._one_instruction(piece, words)
                out += found
        return out

    def _said_by_each(self, t: str, words: re.Pattern) -> list[str]:
        """A cell that opens with a leader and a colon (``县委书记李某某:同意``) cut where a sentence or
        a line starts with another leader and a colon (``。县长王某某:请教育局落实``, ``;``, a new line):
        each leader's 批示 its own; read whole it was one 批示 with the second leader's words folded in.
        A leader named inside what was said (``县委书记李某某:请县长王某某牵头办理``) cuts nothing."""
        if not self._opens_with_a_leader(t, words):
            return [t]
        cuts = [end.span() for end in _SENTENCE_END.finditer(t) if self._opens_with_a_leader(t[end.end():], words)]
        starts, ends = [0, *(b for _, b in cuts)], [*(a for a, _ in cuts), len(t)]
        return [t[a:b].strip() for a, b in zip(starts, ends) if t[a:b].strip()]

    def _opens_with_a_leader(self, text: str, words: re.Pattern) -> bool:
        """Whether ``text`` starts with a leader (a post and a name, or posts only: rules
        ``leader_title_words``), maybe a 批示 word and a day, then a colon and words: ``县长王某某:``,
        ``2025.4.3县长王某某批示:``, ``王县长:``; not ``请县长王某某:`` nor ``县教育局:``."""
        return self._opening_leader(text, words) is not None

    def _opening_leader(self, text: str, words: re.Pattern) -> str | None:
        """The leader ``text`` opens with before a colon (``_opens_with_a_leader``), or None."""
        if m := _LEADING_DATE.match(text):
            text = text[m.end():]
        head = re.match(rf"([^。;；,，:：\"“”\n]{{2,24}}?)\s*(?:{words.pattern})?\s*{_BRACKETED_DAY}?\s*[:：]\s*\S", text)
        if head is None:
            return None
        who = re.sub(r"[\s()\[\]【】、·]", "", self.leader_and_day(head[1])[0])
        person = self.leader_person(who)
        opens = (any(w in who for w in self.title_words) and len(person) <= 4
                 and (who.startswith(person) or who.endswith(person)))
        return who if opens else None

    def _without_preamble(self, t: str, words: re.Pattern) -> str:
        """A cell whose first clause names no leader, before a post, a full name and a colon
        (``经市政府研究，常务副市长周某某:请…``, ``已批示，副市长王某某:请…``): from that leader on, the clause
        only how the 批示 came (a day in it kept: ``已于3月5日批示，副市长…``); as it is otherwise."""
        comma = re.search(r"[,，]", t)
        if comma is None or self._opens_with_a_leader(t, words):
            return t
        head, rest = t[: comma.start()], t[comma.end():].strip()
        if re.search(r"[:：]", head) or any(w in head for w in self.title_words):
            return t  # 市长李某某批示，…; 市长:同意，…: a leader's own
        if not self._post_and_full_name(self._opening_leader(rest, words)):
            return t  # 同意，张副县长:请…; 同意，请县长王某某:…: words addressed to someone
        day = re.search(rf"{_DAY}|{_MD}", head)
        return f"{day[0]} {rest}" if day else rest

    def _post_and_full_name(self, who: str | None) -> bool:
        """Whether a leader is written as a post, then a full name (副县长王某某), not a surname (张副县长)."""
        person = self.leader_person(who) if who else ""
        return len(person) >= 2 and not who.startswith(person)

    def leader_after_comma(self, text: str) -> str:
        """A 批示 cell opening with a leader and a colon, where after a comma a post and a full name open
        words of their own (``县委书记李某某:同意，县长王某某:请教育局落实``): a second leader's 批示, or
        the first leader addressing a colleague; which, the punctuation does not tell (``同意，张副县长:
        请牵头研究``, a surname, is the first's words). Read as one 批示; returns that clause to be said,
        else ''."""
        t = unicodedata.normalize("NFKC", text).strip()
        if not _COMMA_THEN_COLON.search(t):  # most cells: one leader, no second colon
            return ""
        words = re.compile("|".join(map(re.escape, self.instruction_words + self.words_after_post)) or "(?!)")
        if not self._opens_with_a_leader(t, words):
            return ""
        for comma in re.finditer(r"[,，]\s*", t):
            if self._post_and_full_name(self._opening_leader(t[comma.end():], words)):
                return re.split(r"[,，。;；\n]", t[comma.end():])[0]
        return ""

    def _one_instruction(self, t: str, words: re.Pattern) -> tuple[list[tuple[str, str, str]], str]:
        """The first 批示 of ``t`` (one, or several by one leader: 市长批示两次), and what is left after it."""
        date = ""
        if m := _LEADING_DATE.match(t):
            date, t = m[1], t[m.end():]
        if (listed := self._leaders_after_the_word(t, words, date)) is not None:  # 批示2次（县委书记、县长）
            return listed, ""
        m = next((m for m in words.finditer(t) if m.start() > 0), None)
        if m is not None and (then := self._given_after_asked(t, m, words)) is not None:
            return [], then  # 该信息报请县长批示后，县长张某某已批示同意: the 批示 asked is how the given one came
        if m is None or self._said_before_the_word(t, m.start(), words):  # 副市长王某某:按市长批示抓好落实
            return [self._without_the_word(t, date)], ""
        who, rest, date, times = self._who_before(t[: m.start()], t[m.end():], date)
        if (c := _TIMES_AFTER_WORD.match(rest)) and words.search(rest, c.end()):  # 县长批示1次，副县长批示2次
            times, rest = times * _count(c[1]), rest[c.end():]
        if awaited := _AWAITED_AFTER.match(rest):  # 市长批示(3.5)、区长批示(拟): 区长's is not given
            return [], rest[awaited.end():].lstrip(" 、,，;；。.")
        if (after := self._next_leader(rest, words)) is not None:  # another leader's 批示 follows
            day, rest = after
            return [(who, "", date or day)] * times, rest
        rest, date = _day_before_what_was_said(rest, date)  # 副市长孙立批示(2025.4.10):请研究
        rest = rest.lstrip(" ::,，\n")
        if not who and (b := re.fullmatch(r"\(([^()]+)\)[。.]?", rest)):
            who, rest = b[1], ""  # 已批示(市长)
        if nxt := self._next_instruction(rest, words):  # 。2025年4月9日副市长赵某某批示:…
            said, day = _day_ending(rest[: nxt[0]].strip()) if not date else (rest[: nxt[0]].strip(), date)
            return [(who, said, day)] * times, rest[nxt[1]:]
        return self._last_instruction(who, rest, date, times), ""

    def _given_after_asked(self, t: str, m: re.Match, words: re.Pattern) -> str | None:
        """After a 批示 asked of a leader (``该信息报请县长批示后``, ``经呈请市长批示，``), the clauses from the next
        one that writes a 批示 word (``县长张某某已批示同意``): the 批示 given; None when none follows (asked only,
        ``says_no_instruction``) or the first 批示 was not asked."""
        if not self._asked_after_subject(t[: m.start()], self._asked):
            return None
        for end in _CLAUSE_BREAK.finditer(t, m.end()):
            if words.search(t, end.end()):
                return t[end.end():].lstrip()
            break
        return None

    def _said_before_the_word(self, t: str, word_at: int, words: re.Pattern) -> bool:
        """Whether ``t`` opens with a leader and a colon before its first 批示 word: the word is in what
        was said (``副市长王某某:按市长批示抓好落实``), not that leader's, nor a leader ``副市长王某某:按市长``."""
        colon = re.search(r"[:：]", t)
        return colon is not None and colon.start() < word_at and self._opens_with_a_leader(t, words)

    def _leaders_after_the_word(self, t: str, words: re.Pattern, date: str) -> list[tuple[str, str, str]] | None:
        """``批示（县委书记、县长）``, ``批示2次（县长）``: the word first, then how many and the leaders in
        brackets (a post named there); None for anything else (``批示（2025.4.10）``, ``批示(同意)``)."""
        b = _WORD_THEN_LEADERS.match(t)
        if not (b and words.fullmatch(b["word"]) and any(w in b["who"] for w in self.title_words)):
            return None
        leaders = b["who"].strip()
        times = _count(b["n"]) if b["n"] and len(self.leaders(leaders)) == 1 else 1  # 批示2次（县长）: two
        return [(leaders, "", date)] * times

    def _without_the_word(self, t: str, date: str) -> tuple[str, str, str]:
        """A 批示 written with no 批示 word after a leader: ``批示:同意``, ``县委书记李某某:请…研究``,
        ``县委书记李某某 2025/4/3``; its day after the leader or at the end of what was said."""
        who, said = _said_after_colon(t)
        if not said:  # 县长王某阅示，请县金融办研究
            who, said = self._leader_then_request(who)
        if not said:  # 区长刘某某阅处, 县长王某批阅
            who, said = self._leader_then_deed(who)
        if not date:  # 县委书记李某某 2025/4/3, 县委书记李某某(4月3日), 县委书记李某某(4月3日):请…研究
            who, date = self.leader_and_day(who)
        if not date:  # 县委书记李某某:请…研究(4月3日)
            said, date = _day_ending(said)
        return "" if who in self.instruction_words else who, said, date  # 批示:同意

    def _leader_then_deed(self, t: str) -> tuple[str, str]:
        """A leader then what they did with the item (rules ``instruction_deed_words``: ``区长刘某某阅处``,
        ``县长王某批阅``, ``县长王某某已阅办``): that leader's 批示, the word its content, as ``区长刘某某：阅处`` is (it was
        a leader named ``区长刘某某阅处``, and ``县长王某阅办`` a department's head, by its 办). A text naming no post
        and a person before the word is as it is."""
        if not self.deed_words or not t.endswith(tuple(self.deed_words) + tuple(w + p for w in self.deed_words for p in "。.")):
            return t, ""
        m = re.fullmatch(rf"(.+?)\s*((?:已)?(?:{'|'.join(map(re.escape, self.deed_words))}))[。.]?", t)
        if m is None or not any(w in m[1] for w in self.title_words) or not self.leader_person(m[1]):
            return t, ""
        return m[1], m[2]

    def _leader_then_request(self, t: str) -> tuple[str, str]:
        """A leader (who read it: rules ``read_words``) then, after a comma, words asking a body to act
        (``县长王某阅示，请县金融办研究``, ``县长王某已阅，请县发改局阅处``): that leader's one 批示, the words
        its content. The 请 clause is no leader: it was a second 批示 by a "leader" 请县金融办研究, said as a
        department's head. So are the words with their leader in brackets after them (``请县发改局阅处（县长王某）``:
        it was a leader of that whole text, a department's head, not counted). A text naming no post, or with no
        such clause, is leaders only."""
        if (b := re.fullmatch(r"(请[^()]+?)\s*\(([^()]+)\)[。.]?", t)) and any(w in b[2] for w in self.title_words):
            return b[2].strip(), b[1]
        m = re.fullmatch(r"([^,，;；。]+?)\s*[,，]\s*(请[^,，;；]+.*)", t)
        if m is None or not any(w in m[1] for w in self.title_words):
            return t, ""
        reads = "|".join(map(re.escape, sorted(self.read_words, key=len, reverse=True)))
        head = re.sub(rf"(?:{reads})(?:过|了)?$", "", m[1]) if reads else m[1]
        return (head or m[1]), m[2]

    def _last_instruction(self, who: str, rest: str, date: str, times: int) -> list[tuple[str, str, str]]:
        """The last 批示 of a cell, what follows its word its content: its day at the end (批示:同意。(4月5日),
        批示,10月8日), or how many times (常务副市长批示2次: two 批示 by that leader)."""
        if not date:
            rest, date = _day_ending(rest)
        more = self.count_only(rest.strip("()（） ")) if who and rest else None  # 批示2次, 批示（两次）
        return [(who, "", date)] * (more * times) if more else [(who, rest, date)] * times

    @staticmethod
    def _who_before(who: str, rest: str, date: str) -> tuple[str, str, str, int]:
        """The leader written before a 批示 word, what follows the word, the day and how many times
        (``市长两次批示``): 获, 已, 分别, 作出 and a day written with the leader are not the name."""
        who = who.rstrip(" 作出做出作了::,，")
        if who.endswith("(") and rest.startswith(")"):  # 县委书记(圈阅)
            who, rest = who[:-1], rest[1:]
        times = 1
        if (n := _TIMES_AFTER_LEADER.search(who)) and n.start() > 0:  # 市长两次批示, 市长先后2次批示
            who, times = who[: n.start()], _count(n[1])
        who = _leader_only(who)  # 市委书记王某某、市长李某某分别作出批示, 县长作出重要批示
        who = re.sub(r"^(?:已经|已|获得|获|经|有|均|并|得到|受到|被)+", "", who)  # 已批示, 获市长李某某批示, 被…批示
        if (d := _DAY_AFTER_LEADER.search(who)) and d.start() > 0:
            who, date = who[: d.start()], date or d[1]  # 市长李某某4月5日批示: the day, not the name
        return who, rest, date, times

    def _next_leader(self, rest: str, words: re.Pattern) -> tuple[str, str] | None:
        """What follows a 批示 word when it is only its day (or nothing) and then another leader's 批示
        (``市长批示(3.5);副省长批示``, ``市长批示2025.8.5;副省长批示``, ``批示、市长李某某批示``, on the next
        line too): (that day or '', the text of the next 批示); None when the 批示 goes on."""
        day = ""
        if may_hold_a_date(rest[:16]) and (d := _DAY_BEFORE_THE_NEXT.match(rest)):
            day, rest = d[1] or d[2], rest[d.end():]
        if rest[:1] in "、,，;；" and words.search(rest) or rest[:1] in "\n " and self._leader_next(rest, words):
            return day, rest[1:].strip()
        return None

    def _leader_next(self, rest: str, words: re.Pattern) -> bool:
        """Whether what follows a 批示 after a new line or a space is another leader's 批示
        (``县长某某批示⏎副省长某某批示``), not its content: a post named before the next 批示 word."""
        m = words.search(rest)
        return m is not None and any(w in rest[: m.start()] for w in self.title_words)

    def leader_and_day(self, text: str) -> tuple[str, str]:
        """A cell under one level's 批示 column: (the leaders it names, the day it writes): ``李某某``,
        ``李某某（4月5日）``, ``4月5日 李某某``, ``2025.4.9`` (a day alone: an unnamed leader's)."""
        t = unicodedata.normalize("NFKC", text).strip()
        if m := _LEADING_DATE.match(t):
            return t[m.end():].strip(), m[1]
        if (m := _DAY_AT_END.search(t)) is not None:
            return t[: m.start()].strip(), m[1]
        return t, ""

    @staticmethod
    def _next_instruction(rest: str, words: re.Pattern) -> tuple[int, int] | None:
        """Where a second 批示 starts in the content of a first: after a sentence's end, a day
        or a leader with the 批示 word and a colon (``…”。2025年4月9日副市长赵某某批示:“同意”``)."""
        for end in re.finditer(r"[。;；!！][\"”’」』]*\s*", rest):
            tail = rest[end.end():]
            if not tail:
                return None
            head = re.match(rf"[^。;；,，:：\"“”]{{2,24}}?(?:{words.pattern})\s*{_BRACKETED_DAY}?\s*[:：]", tail)
            if (_LEADING_DATE.match(tail) and words.search(tail[:40])) or head:
                return end.start(), end.end()
        return None

    @staticmethod
    def count_only(text: str) -> int | None:
        """A 批示 cell that gives only how many (``2件``, ``批示两件``): that many, leaders unnamed."""
        m = _COUNT_ONLY.fullmatch(unicodedata.normalize("NFKC", text).strip())
        if not m:
            return None
        n = _count(m[1])
        return n if 0 < n <= 20 else None


# Where a 批示 clause meets an adoption clause in one part: 采用[并/后/，]获…批示 (after), or
# …批示[后/并/，]被…采用 (before).
_INSTRUCTION_CLAUSE = re.compile(
    r"(?P<after>(?:并|后|且|又|同时|[,，])*(?=(?:获得|获|得到|受到)))|(?<=批示|签批|圈阅)(?P<before>(?:后|并|且|又|[,，])+)")

# Where a sentence or a line of a 批示 cell ends (a new leader may start after it).
_COMMA_THEN_COLON = re.compile(r"[:：][^,，]*[,，][^:：]{2,30}[:：]")
_SENTENCE_END = re.compile(r"[。;；!！\n][\"”’」』]*\s*")

# 2件, 批示2件, 获领导批示两次: a count, not a leader.
_COUNT_ONLY = re.compile(r"(?:获|有|共)?(?:领导)?(?:批示|签批|圈阅)?\s*(\d{1,2}|[一二两三四五六七八九十])\s*(?:件|次|条|个)(?:批示)?")
_CN_COUNTS = {c: k for k, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _count(written: str) -> int:
    """A count as written: 2, 两, 三."""
    return int(written) if written.isdigit() else _CN_COUNTS[written]


def _said_after_colon(text: str) -> tuple[str, str]:
    """A 批示 cell without the word 批示: ``县委书记李某某:请…研究`` is the leader, then what was
    said; a text with no colon (``市委书记王某某、市长李某某``) is leaders only."""
    m = re.search(r"[:：]", text)
    if m and 0 < m.start() <= 30 and not re.search(r"[,，。;；]", text[: m.start()]) and text[m.end():].strip():
        return text[: m.start()].strip(), text[m.end():].strip()
    return text, ""


# A day written in a 批示 cell: with its year (2025.4.2, 2025年4月2日, 25.4.2, 20250402) or without
# (4月2日); a month or a part of one (2025年4月, 4月上旬); a quarter (第四季度: no day, reported). 4.2
# only where it cannot be a number: before a name, in brackets, after a comma or a space.
_DAY = rf"(?<![\d.])(?:{WRITTEN_DAY}|{WRITTEN_MONTH})"
_MD = rf"(?<![\d.]){WRITTEN_MONTH_DAY}"
# ... before the leader (2025.4.2市长李某某批示, 4月2日 市长…, 4.2市长…), after the leader's name
# (市长李某某4月2日批示, 市长李某某于4月2日作出批示), or after the 批示 in brackets (市长李某某批示(2025年4月2日),
# 同意。(4月2日)) or on its own (市长李某某批示,10月8日; 请农业局研究。2025.10.8).
# A comma after it too (2025年3月5日，市长李某某：同意): the day's, not a leader "，市长李某某".
_LEADING_DATE = re.compile(rf"^\s*({_DAY}|{_MD}(?=\s*[^\d\s.]))\s*(?:[,，]\s*(?=[^\d\s]))?")
_DAY_AFTER_LEADER = re.compile(rf"\s*(?:于|在)?\s*({_DAY}|{_MD})$")
_DAY_ENDS_CONTENT = re.compile(rf"(?:\s*\(\s*({_DAY}|{_MD})\s*\)|(?:^|(?<=[。;；,，!！\s]))\s*({_DAY}|{_MD}))\s*[。.]?$")
# (4.3) in brackets, or 10.30 after a space or a comma (市委书记杨某某 10.30); not 4.3 run into a name or a number.
_DAY_AT_END = re.compile(rf"\s*\(?\s*(?:于)?\s*({_DAY}|{_MD}(?=\s*\))|(?<=[\s,，]){_MD}(?=$))\s*\)?$")
# 两位副市长, 三位市领导, 2名副市长: a count, then the post.
_COUNTED_POST = re.compile(r"(\d{1,2}|[一二两三四五六七八九十])\s*(?:位|名)(.+)")
# 省市领导, 省、市主要领导 (获省市领导批示): levels written together before one post, one leader a level
# (not 杭州市领导).
_LEVELS_SHARE_A_POST = re.compile(r"(?:(?<![\u3400-\u9fff])|(?<=[获经被由到受]))([省市县])[、和及与]?([省市县])(?:[、和及与]?([省市县]))?"
                                  r"(?:两级|三级|各级)?(?P<post>(?:主要|分管)?领导)")
# 市委、市政府主要领导, 县委县政府分管领导, 市委和市政府负责同志: organs written together before one
# post, that post in each (two leaders: 市委主要领导, 市政府主要领导); the second may leave out the level
# (市委、政府主要领导).
_ORGAN = r"(?:委|政府|人大常委会|人大|政协)"
_ORGANS_SHARE_A_POST = re.compile(rf"([省市县区州旗盟]{_ORGAN})[、和及与]?((?:[省市县区州旗盟])?{_ORGAN})"
                                  r"(?P<post>(?:主要|分管|有关|相关)?(?:领导|负责同志|负责人))")


def _organs_share_a_post(text: str, joiner: str) -> str:
    """``市委、市政府主要领导`` → ``市委主要领导{joiner}市政府主要领导`` (see ``_ORGANS_SHARE_A_POST``)."""
    def each(m: re.Match) -> str:
        first, second = m[1], m[2] if m[2][0] in "省市县区州旗盟" else m[1][0] + m[2]
        return f"{first}{m['post']}{joiner}{second}{m['post']}"
    return _ORGANS_SHARE_A_POST.sub(each, text)


# ... right after the 批示 word, before another leader's 批示: 市长批示(3.5);副省长批示, 市长批示2025.8.5;副省长批示.
_DAY_BEFORE_THE_NEXT = re.compile(rf"[ \t]*(?:\(\s*({_DAY}|{_MD})\s*\)|({_DAY}|{_MD}))(?=[、,，;；\n ])")
# A 批示 word first, then how many and the leaders in brackets: 批示（县委书记、县长）, 批示2次（县长）.
_WORD_THEN_LEADERS = re.compile(r"(?P<word>[^\d()一二两三四五六七八九十]+?)\s*(?:(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*(?:次|件|条))?"
                                r"\s*\((?P<who>[^()]+)\)[。.]?$")
# Words after leaders listed before one 批示 (市委书记王某某、市长李某某分别作出批示, 市长、副市长均有批示).
_TOGETHER_TAIL = re.compile(r"(?:分别|先后|共同|均|都)(?:有|已)?$")
# How a leader gave the 批示, written between the leader and the word: 县长作出重要批示, 县长专门作出批示,
# 县长高度重视并作出批示, 县长对此批示.
_MANNER_TAIL = re.compile(r"(?:在[^,，;；]{1,30}?上|对此事?|对该(?:信息|件|建议)|就此|高度重视并?|专门|亲自|再次|又|也|还|已经|已)*"
                          r"(?:作出了?|做出了?|作了|给予了?|作)?(?:重要|肯定性|明确|专门)?$")


def _leader_only(who: str) -> str:
    """The leader written before a 批示 word without how the 批示 was given (分别作出, 作出重要, 专门)."""
    return _MANNER_TAIL.sub("", _TOGETHER_TAIL.sub("", _MANNER_TAIL.sub("", who))) or who


# How many times a leader instructed, written before the 批示 word: 市长两次批示, 市长先后2次批示.
# ... right after the word, before the next leader's 批示: 县长批示1次，副县长批示2次.
_TIMES_AFTER_WORD = re.compile(r"\s*[(（]?(\d{1,2}|[一二两三四五六七八九十])\s*(?:次|回)[)）]?(?=\s*[、,，;；\n])")
_TIMES_AFTER_LEADER = re.compile(r"(?:先后|共|累计)?(\d{1,2}|[一二两三四五六七八九十])\s*(?:次|回)$")
# ... right after the 批示 word in free text, ending the clause: 市长李某某批示(4月2日), 市长李某某批示,4月2日,
# 市长李某某批示(4月2日):….
# 批示日期2025.5.6, 批示时间:5月6日: the word's day, labelled.
_DAY_AFTER_THE_WORD = re.compile(
    rf"\s*[,，]?\s*(?:(?:日期|时间)\s*[:：]?\s*)?(?:\(\s*({_DAY}|{_MD})\s*\)|({_DAY}|{_MD}))\s*(?=$|[,，。;；):：])")
# ... right after the 批示 word, before what was said: 批示(2025.4.10):请研究, 批示 2025.4.10:请研究, 批示于4月10日,请研究.
_BRACKETED_DAY = rf"(?:\(\s*(?:{_DAY}|{_MD})\s*\))"
_DAY_BEFORE_THE_CONTENT = re.compile(rf"\s*(?:于|在)?\s*(?:\(\s*({_DAY}|{_MD})\s*\)|({_DAY}|{_MD})(?=\s*[:：,，]))")


def _day_ending(content: str) -> tuple[str, str]:
    """A 批示's content without the day written at its end, and that day ('' for none)."""
    d = _DAY_ENDS_CONTENT.search(content) if may_hold_a_date(content) else None
    return (content[: d.start()].strip(), d[1] or d[2]) if d else (content, "")


def _day_before_what_was_said(rest: str, date: str) -> tuple[str, str]:
    """What follows a 批示 word without the day written right after it, before what was said
    (``(2025.4.10):请研究``, ``2025.4.10:请研究``, ``于4月10日,请研究``), and the 批示's day: the day
    written before the leader wins; one after it then stays in the text."""
    m = _DAY_BEFORE_THE_CONTENT.match(rest) if not date and may_hold_a_date(rest[:20]) else None
    return (rest[m.end():], m[1] or m[2]) if m else (rest, date)


def _day_after_the_word(text: str, end: int) -> str:
    """The day written right after a 批示 word that ends at ``end`` ('' for none)."""
    m = _DAY_AFTER_THE_WORD.match(text, end) if may_hold_a_date(text[end:end + 16]) else None
    return (m[1] or m[2]) if m else ""


_DATE_HINT = re.compile(r"\d{1,4}[.\-/年月]\d|[〇○零一二三四五六七八九十]{2,4}年")
# What a date leaves behind in a body's text: 市政协采用() of 市政协采用(2025.10.8), 市政协采用, of 市政协采用,10月8日.
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|【\s*】|〔\s*〕")
_AROUND_A_DATE = " ,，、:：;；.。"


def _dated(written: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """What a date as written says by itself: (its date, None) with its year; (None, (month, day))
    for a day without one (4月8日, 10.8); (None, None) for what only the sheet's year reads or is no
    day (25.10.8, 2025年10月, 10月上旬, 第四季度, 2025.9.31: read as a date cell is)."""
    parsed = parse_date(written)
    if parsed.status == OK:
        return parsed.date, None
    if parsed.status == NO_YEAR and (day := parse_date(written, 2000)).status == OK:  # 2000: 2月29日 is a day
        return None, (day.date.month, day.date.day)
    return None, None


def _date_said(text: str) -> tuple[dt.date | None, tuple[int, int] | None, str, str]:
    """The date an adoption text writes (``2025.10.8市政协采用``, ``市政协采用(10月上旬)``), as (date,
    day, as written, the text without it); (None, None, '', the text) when it writes none. A text
    that is a date alone (``2025-3-5 10:20``, ``3月5日(补报)``, ``4/3``) is read whole (nothing left of it)."""
    whole = parse_date(text).status if _DATE_HINT.search(text) else UNPARSEABLE
    if whole not in (UNPARSEABLE, MISSING):  # 4/3, 2025年10月, 3/5/2025: the text is a date (or no day) alone
        date, day = _dated(text)
        return date, day, "" if whole == OK else text, ""
    found = date_written_in(text)
    if found is None:
        return None, None, "", text
    written, start, end = found
    rest = _EMPTY_BRACKETS.sub("", text[:start] + text[end:]).strip(_AROUND_A_DATE)
    if _A_RANGE.search(text[start:end]):  # 省政协采用（3月28日-4月3日）: no one day (it was the first, across a quarter's end)
        return None, None, text[start:end].strip(), rest
    date, day = _dated(written)
    return date, day, written, rest


# Two days with a dash or 至 between (3月28日-4月3日, 4月2日-4日): a span, not a day.
_A_RANGE = re.compile(r"\d\s*[日号]?\s*[\-—~～至到]\s*\d")


# What stands between a forwarding and its outcome: 报送(未采用), 已报送,但暂未采用, 报送(尚未采用).
_OUTCOME_LEAD = re.compile(r"[,，、;；(（\[【\s但暂尚仍还]+$")
# ... and between a body listed after a forwarding and their shared outcome: 省政协（均未采用）, 省政协都未采用.
_LIST_OUTCOME_LEAD = re.compile(r"[,，、;；(（\[【\s但暂尚仍还均都也]+$")
# The variation selectors a phone types after ✔ (✔️): the mark is the same.
_EMOJI_STYLE = str.maketrans("", "", "\ufe0e\ufe0f")


def _one_mark(text: str) -> str:
    """A mark without the punctuation typed after it (√。, 是。 are √, 是), a sign typed twice as once
    (√√, ✓✓, √ √ are √, ✓: the same yes)."""
    text = _PUNCTUATION_AFTER.sub("", text) or text
    return text[0] if len(text) > 1 and not text.isalnum() and len(set(text)) == 1 else text
# Mark symbols written right after a body (县级√市级√, 省政协×); a part ends after one.
_MARK_SYMBOLS = re.compile(r"[√✓✔×✗✘]")
_AFTER_A_SYMBOL = re.compile(r"(?<=[√✓✔×✗✘])\s*(?=[^\s√✓✔×✗✘)\]】,，;；、。])")
_MARK_HINT = re.compile(r"[:：\s(√✓✔×✗✘]")
# A body, then its mark: after a colon (省政协：×), a space (省政协 否), a symbol (省政协×), in brackets (省政协(×)).
_BODY_THEN_MARK = re.compile(r"^(?P<body>[^:：()]+?)\s*(?:[:：]\s*(?P<word>.+)|\s+(?P<spaced>\S+)|(?P<symbol>[√✓✔×✗✘])"
                             r"|\((?P<bracketed>[^()]+)\))\s*$")


def _merged_with_apart(part: str) -> tuple[list[str], str]:
    """``被省政协综合采用（与县工商联信息合编）`` → (["与县工商联信息合编"], "被省政协综合采用"): whose item it was
    merged with is a clause of its own (said), not a body sharing the verb (与 joins bodies: 被省政协与全国
    政协采用); ([], part) for any other part."""
    if not ("合" in part or "并" in part) or (m := _WITH_ANOTHER.search(norm(part))) is None:
        return [], part
    return [m[0]], re.sub(r"\(\s*\)", "", norm(part).replace(m[0], " ", 1)).strip()


def list_items(text: str) -> str:
    """A cell that lists its items after numbers (``_LIST_NUMBER``): one item a line, the numbers gone. Read
    whole, ``1. 省政协采用 2. 市政协采用`` was one body (the 省政协 adoption lost, unsaid), the 2 of
    ``1、市政协采用⏎2、省政协采用`` a mark no one could read, ``1. 副省长李某某`` a leader's name."""
    listed = unicodedata.normalize("NFKC", _CIRCLED.sub("\n", text))
    if (first := _FIRST_LIST_NUMBER.match(listed)) is not None:
        listed = _numbered_on(listed, first)
    listed = _LIST_NUMBER.sub("\n", listed).strip()
    return text if listed == unicodedata.normalize("NFKC", text) else listed


def _numbered_on(text: str, first: re.Match) -> str:
    """A list begun with 1 (``first``) with a line break before each of 2, 3, … written with the same
    mark, in order, also where one follows an item with no space (``1.省政协采用2.市政协采用``); not a
    number inside another or after 第 (第2、3期)."""
    opened = first[1] is None  # (1): the next is (2)
    pos, k, out = first.end(), 2, [text[: first.end()]]
    while True:
        number = rf"\({k}\)" if opened else rf"{k}\s*{re.escape(first[1])}"
        m = re.compile(rf"(?<![\d第.]){number}(?=\s*[^\s\d])").search(text, pos)
        if m is None:
            return "".join(out) + text[pos:]
        out.append(text[pos: m.start()] + "\n")
        pos, k = m.end(), k + 1


def _split_parts(text: str) -> list[str]:
    text = _DEED_THEN_BODY.sub(lambda m: m[1] + ";", unicodedata.normalize("NFKC", text))
    if "未" in text:
        text = _ADOPTED_UNPUBLISHED.sub(r"\1;\2", text)
    if _MARK_SYMBOLS.search(text):  # 县级√市级√: a part ends after each mark
        text = _AFTER_A_SYMBOL.sub(";", text)
    parts = [p.strip() for p in _PARTS.split(text)]
    return [p for p in parts if p]


# 市政协采用(第3期)省政协采用(第5期), 市政协采用后又被省政协采用: a deed and the next body written
# with no separator between, or only a connective.
_DEED_THEN_BODY = re.compile(r"((?:采用|采纳|录用|刊用|刊发|编发)(?:\([^()]*\)|第?\d+期)?)(?:后又|后|又|再|且|并)?(?:被|由)?"
                             r"(?=[省市县区州](?!场)|全国|中央|国家)")


# 省市两级采用, 省、市两级政协采用: each level said by one character; 县市采用, 被省市录用: the same with
# no 级, right before the verb (at the part's start or after 被/由/经, not inside a place's name).
_LEVELS_TOGETHER = re.compile(r"([省市县区])[、和及与]?([省市县区])(?:[、和及与]?([省市县区]))?(?:两|二|三)级"
                              r"|(?:^|(?<=[被由经已均;；,，\s]))([省市县区])[、和及与]?([省市县区])(?:[、和及与]?([省市县区]))?"
                              r"(?=(?:均|都|分别|各)?(?:采用|录用|采纳|刊用))")
_BRACKET = re.compile(r"\(([^()]*)\)")
_BRACKET_AT_END = re.compile(r"\(([^()]*)\)$")
# A part that starts by saying the deed is awaited, hoped for or planned (待省政协采用, 争取省政协采用, 将报省政协,
# 有望被省政协采用): pending, whatever body follows.
_PLANNED = re.compile(r"(?:待|等待|尚待|正在等待|争取|力争|希望|拟|准备|计划|将要|将于|下步|下一步|有望|可望|可能"
                      r"|将(?=被|由|送|报|推荐|上报))(?:被|由|送|报|报送|推荐|上报)?[\u4e00-\u9fff《]")
# Sending that asks for the deed (推荐全国政协采用, 呈省政协采用, 提请市政协采用): a 上报, not an adoption.
_ASKED = re.compile(r"(?:已)?(?:推荐|呈|呈报|提请|申请|报请|送请)")
# Adopted, not printed (yet): 市政协采用（未刊发）, 市政协已采用未编发 — the adoption stands, the rest is a
# clause of its own (as 市政协采用，暂未刊发 is), not a refusal of the whole part.
_ADOPTED_UNPUBLISHED = re.compile(r"(采用|录用|采纳)\s*\(?\s*((?:未|尚未|暂未|还未)(?:刊发|编发|刊登|印发|刊出|发表|刊印))\s*\)?")
_KEPT = "\ue001"
# 无具体意见, 没有指示: no 批示 said in other words.
# What brackets after a 批示 write when it is not given yet: awaited (待, 待批), planned (拟), not given (未批).
_AWAITED = re.compile(r"(?:待|拟|未|尚未|暂未|还未|暂无|尚无)(?:批|批示|签批|批复|定)?|(?:报批|审批|呈批|签批)中|在批")
# What a 批示 asked of a leader is not when these come right before the asking word: 获, 经… 批示 is given.
_GIVEN_BY = ("获", "经", "得", "被", "受")
_AWAITED_AFTER = re.compile(rf"\s*\(\s*(?:{_AWAITED.pattern})\s*\)")
_NO_OPINION = re.compile(r"(?:无|没有|暂无)(?:具体|明确)?(?:意见|指示|批示意见)")
_CLAUSE_BREAK = re.compile(r"[,，;；。]")


def _clauses(text: str) -> list[str]:
    """A text's clauses (split at commas, semicolons and full stops), stripped, blanks left out."""
    return [c.strip(" 。.") for c in _CLAUSE_BREAK.split(text) if c.strip(" 。.")]  # a separator inside brackets while a cell is split (one leader's posts)
_WITH_ANOTHER = re.compile(r"(?:与|同)[^,;()]{1,20}?(?:信息|稿件|材料|来稿)?(?:合编|合并|合稿|整合|合写|一并编发|一并采用)")


# 省市政协采用, 省、市政协均采用: the levels share one 政协.
# 省市政协, 省州政协: levels written together before one 政协; not a place's name ending in 州 before its
# level (贵州省政协, 杭州市政协: one body).
_LEVELS_SHARE_ONE = re.compile(r"(?:(?<![\u3400-\u9fff])|(?!州))"
                               r"([省市州县])[、和及与]?([省市州县])(?:[、和及与]?([省市州县]))?政协")


def _levels_written_together(text: str) -> str:
    """``省市两级采用`` → ``省级、市级采用``, ``省市政协采用`` → ``省政协、市政协采用``: a part per level,
    the verb after the last."""
    text = _LEVELS_TOGETHER.sub(lambda m: "、".join(f"{c}级" for c in m.groups() if c), unicodedata.normalize("NFKC", text))
    text = _organs_share_a_post(text, "和")  # 市委、市政府主要领导批示: one part, a 批示 (not an adoption at 市委)
    return _LEVELS_SHARE_ONE.sub(lambda m: "、".join(f"{c}政协" for c in m.groups() if c), text)


def _verbless(reading: Reading) -> bool:
    """A part that only names a body (``省政协``): what happened there is what its neighbour says."""
    return (reading.state == ADOPTED and bool(reading.body) and reading.issue_no is None and reading.date is None
            and not reading.marked and not any(v in reading.text for v in ADOPTION_VERBS))


def _bodies_share_the_outcome(readings: list[Reading]) -> list[Reading]:
    """``市政协，未采用``, ``市政协、省政协（未采用）``: a body named alone right before a part that says
    not adopted (or pending) shares that outcome; it keeps its name (in a 上报 column it was sent
    there). After a forwarding (``报市政协、省政协，均未采用``) it was sent there too: left to
    ``_bodies_share_the_deed``, a 上报 not adopted."""
    out = list(readings)
    for k in range(len(out) - 2, -1, -1):
        nxt = out[k + 1]
        if _verbless(out[k]) and nxt.state in (NOT_ADOPTED, PENDING) and not _after_a_forwarding(out, k):
            out[k] = Reading(nxt.state, out[k].body, text=out[k].text)
    return out


def _after_a_forwarding(readings: list[Reading], k: int) -> bool:
    """Whether the nearest part before ``k`` that says a deed says a forwarding."""
    before = [x for x in readings[:k] if x.state in (ADOPTED, FORWARDED) and not _verbless(x)]
    return bool(before) and before[-1].state == FORWARDED


def _bodies_share_the_deed(readings: list[Reading]) -> list[Reading]:
    """``已报市政协、省政协``: a body named alone after (or, first in the cell, before) a forwarding
    was sent to as well, not adopted; after an adoption it stays adopted."""
    out = list(readings)
    for k, r in enumerate(out):
        if not _verbless(r):
            continue
        before = [x for x in out[:k] if x.state in (ADOPTED, FORWARDED) and not _verbless(x)]
        after = [x for x in out[k + 1:] if x.state in (ADOPTED, FORWARDED) and not _verbless(x)]
        near = before[-1] if before else after[0] if after else None
        if near is not None and near.state == FORWARDED:
            out[k] = Reading(FORWARDED, r.body, text=r.text)
    return out


def _is_bare(reading: Reading) -> bool:
    """A part that says adopted (or forwarded) and names nothing else (``被采用``, ``√``); a date
    alone (``2025年10月8日``) is not one: it dates the part before it (``_merge_trailing``)."""
    return not reading.body and reading.issue_no is None and not _date_alone(reading)


def _adopted_there(prev: Reading, reading: Reading) -> bool:
    """``报送省政协，采用第3期``: an adoption naming no body, with its verb and an issue, right after a
    forwarding to a body — adopted where it was sent."""
    return (prev.state == FORWARDED and bool(prev.body) and reading.state == ADOPTED and reading.issue_no is not None
            and any(v in reading.text for v in ADOPTION_VERBS))


def _dated_part(reading: Reading) -> bool:
    return bool(reading.date or reading.day or reading.when)


def _date_alone(reading: Reading) -> bool:
    """A part that writes a date and nothing else (``2025年10月8日``, ``(10.8)``)."""
    return _dated_part(reading) and not reading.body and reading.issue_no is None and not _date_said(norm(reading.text))[3]


def _joined(prev: Reading, r: Reading, state: str, issue_no: int | None) -> Reading:
    """One reading of a body's part and the part after it that says what it did or when."""
    dated = _dated_part(prev)
    return replace(prev, state=state, issue_no=issue_no, date=prev.date if dated else r.date, text=f"{prev.text},{r.text}",
                   day=prev.day if dated else r.day, when=prev.when if dated else r.when)


def _trails(prev: Reading, r: Reading) -> bool:
    """Whether part ``r`` only gives what the part before it lacks: an issue number after a body
    (``县政协编发,第3期``) or a date alone (``市政协采用,2025年10月8日``; after a forwarding its day, after
    a 批示 the 批示's, read with it)."""
    if r.state != ADOPTED or r.body:
        return False
    if _date_alone(r):
        return not _dated_part(prev)
    if prev.state != ADOPTED or not prev.body:
        return False
    issue, dated = r.issue_no is not None, _dated_part(r)
    return (issue or dated) and not (issue and prev.issue_no is not None) and not (dated and _dated_part(prev))


def _mark_before_body(readings: list[Reading]) -> list[Reading]:
    """A bare mark right before the body it is about (``√（市政协）``, ``是，市政协``, ``×（市政协）``): one
    reading, that body's, in the mark's state; read apart, ``√`` was a second adoption with no body (an
    error staff could not fix) and ``×`` was lost beside an adoption by the body. A negative or pending
    mark before a body whose own text says it adopted (``×市政协采用``) contradicts it: unknown, said."""
    readings, out = list(readings), []  # a body's reading is replaced in the copy, never in the caller's list
    for k, r in enumerate(readings):
        body = readings[k + 1] if k + 1 < len(readings) else None
        if body is None or not _a_mark_for(r, body):
            out.append(r)
        elif r.state != ADOPTED:  # the body's reading comes next: it takes the mark's state
            said = any(v in body.text for v in ADOPTION_VERBS)
            readings[k + 1] = replace(body, state=UNKNOWN if said else r.state, text=f"{r.text}{body.text}", marked=True)
    return out


def _a_mark_for(mark: Reading, body: Reading) -> bool:
    """Whether ``mark`` is a bare mark (√, 是, ×, 否, 待定: no body, day or verb of its own) about the body
    whose adoption ``body`` reads; 未被省政协采用但被市政协采用 has its own verb: no such mark."""
    return (body.state == ADOPTED and bool(body.body) and mark.state in (ADOPTED, NOT_ADOPTED, PENDING)
            and _is_bare(mark) and not (mark.date or mark.day or mark.when)
            and (mark.state == ADOPTED or not any(v in mark.text for v in ADOPTION_VERBS)))


def _merge_trailing(readings: list[Reading]) -> list[Reading]:
    """An issue number or date on its own after a body (``县政协编发,第3期``, ``市政协采用,2025年10月8日``)
    belongs to it."""
    out: list[Reading] = []
    for r in readings:
        if out and _trails(out[-1], r):
            prev = out[-1]
            out[-1] = _joined(prev, r, prev.state, r.issue_no if prev.issue_no is None else prev.issue_no)
            continue
        out.append(r)
    return out
