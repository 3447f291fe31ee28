"""Author cells as staff write them: one or several names, tags, dotted names, 等, 执笔.

``张三、李四``, ``张三,李四``, ``张三 李四`` are two people; ``张  三`` (alignment spaces) is
one. ``王五(特邀信息员)`` carries a role tag; ``民革 许文博``, ``许文博(民盟)`` and
``民进会员 喻晓燕`` an affiliation (a tag, never an author or a unit); ``执笔:X`` or
``X(执笔)`` marks the 执笔人. ``柏志强 等`` and ``柏志强等人`` name one author, and the
dropped ``等`` is noted so staff can write the others out. Names with a middle dot
(``阿不都热合曼·买买提``, typed with ``·``, ``•``, ``．``, ``.``, ``-`` …) stay whole and are
matched in one form (``·``), shown as written.

Nothing here decides whether a name is a person or a unit: that needs the roster (read.ledger).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ..zh import COMMON_SURNAMES, COMPOUND_SURNAMES, numbered_unit_kind, simplified

# Separators between names. White space separates names too (``张三 李四``), except the
# alignment spaces inside a two-character name (``张  三``).
_SEPARATORS = re.compile(r"[、,，;；。/／|｜┋│\\+&\n]+")
_BRACKET = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")
# A cell that holds no name, only a placeholder: a dash, a slash, 无, 略 (typed by staff), or what an
# online form exports for an unanswered question ((空), (跳过), (未填写), 【空】, （ ）) or a
# spreadsheet for no value (N/A, #N/A, null). Read as no author; validate says author.placeholder.
_FILLER_WORDS = r"无|空|略|暂无|不详|待定|待填|未知"
PLACEHOLDER = (rf"[\s/\\\-—–―_·.。…,，、0-9×xX?？]+|{_FILLER_WORDS}"
               rf"|[(（\[【〖]\s*(?:{_FILLER_WORDS}|跳过|未填|未填写|未作答|不填)?\s*[)）\]】〗]"
               r"|(?i:#?N/?A|NULL|NONE|NAN)")
_PLACEHOLDER_CELL = re.compile(PLACEHOLDER)
# An online form's 其他 choice with what was filled in: 其他〖民建示例县委〗 (问卷星), 其他（请注明）:民建示例县委.
_OTHER_FILLED = re.compile(r"其[他它]\s*(?:\(\s*请?(?:注明|填写|说明)\s*\))?\s*(?:[:：]\s*(?P<after>.+)|[〖【\[(]\s*(?P<inside>[^〗】\]()]+?)\s*[〗】\])])")


def _names_no_one(text: str) -> bool:
    """An empty cell, or one that holds only a placeholder (-, 无, (空), (跳过), N/A)."""
    return not text or _PLACEHOLDER_CELL.fullmatch(text) is not None


def unit_written(text: str) -> str:
    """A 所在单位 answer as the unit it names: '' for a placeholder ((空), (跳过), N/A, -), what was
    filled in after an online form's 其他 (``其他〖民建示例县委〗`` → ``民建示例县委``), else the text."""
    t = unicodedata.normalize("NFKC", text).strip()
    if _PLACEHOLDER_CELL.fullmatch(t):
        return ""
    if (m := _OTHER_FILLED.fullmatch(t)) is not None:
        return (m["after"] or m["inside"]).strip()
    return text
# Dots people type inside a transliterated name; between two CJK characters they are one dot.
_NAME_DOTS = "·•．.‧・･∙⋅‐-‑–—"
_DOT_IN_NAME = re.compile(rf"(?<=[\u3400-\u9fff])\s*[{re.escape(_NAME_DOTS)}]+\s*(?=[\u3400-\u9fff])")
_CJK = re.compile(r"[\u3400-\u9fff]")
# 阿不都 · 热合曼: a name's dot typed with spaces round it (the dots only: a dash with spaces may part
# a name from its unit, 张三 - 县教育局).
_SPACED_DOT = re.compile(r"(?<=[\u3400-\u9fff])\s*([·•‧・･∙⋅.])\s*(?=[\u3400-\u9fff])")
_SPACED_DASH = re.compile(r"(?<=[\u3400-\u9fff])\s+([-‐‑–—－]+)\s+(?=[\u3400-\u9fff])")
# 李四 男, 张三 女: a gender written after the name, about it (never a co-author).
GENDER_WORDS = frozenset(("男", "女"))
# More about the person written after a name (张三，女，45岁，汉族，1970年生; an ID number): a tag of the
# name, never a name.
_ABOUT_THE_PERSON = re.compile(r"\d{1,3}岁|[\u4e00-\u9fff]{1,4}族|\d{4}年(?:\d{1,2}月)?(?:生|出生)|(?:身份证号?码?[:：]?)?\d{17}[\dXx]")


_SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")


def _about_the_person(text: str) -> bool:
    """男, 女, 45岁, 汉族, 1970年生, an ID number: what a cell says of the person after a name."""
    return text in GENDER_WORDS or (text[-1:] in "岁族生Xx0123456789" and _ABOUT_THE_PERSON.fullmatch(text) is not None)
# 第一作者张三, 第二作者:李四: the order said before a name; 张三与李四合写: how they wrote it, after.
# A label and a colon before a name (作者：张三, 报送人:李四; 张三、撰稿人:李四) says what the name is.
_ORDER_WORD = re.compile(r"(?:第[一二三四五六七八九十\d]+|通讯|通信)作者[:：]?"
                         r"|(?:^|(?<=[\s,，;；、/]))(?:作者|报送人|撰稿人|撰写人|撰稿|供稿人|提供人|姓名)\s*[:：]")
# A list number before a name (1.张三, 2、李四, (1)张三), in a cell that starts with one; numbers alone between
# names (①王五②赵六, 1王五2赵六 once NFKC) when every name has one.
_LIST_NUMBER = re.compile(r"(?:^|(?<=[\s,，;；、/\u3400-\u9fff]))\(?\d{1,2}[)）.、．:：]\s*(?=[\u3400-\u9fff])")
_NUMBERED_NAMES = re.compile(r"(?:\d{1,2}[\u3400-\u9fff·]{2,4}){2,}")
# What a name did for the item, written after it (李四整理, 赵六 提供, 钱七口述、孙八整理): about the name, as
# (执笔) is; it was a name of its own (李四整理) or a person (提供).
CONTRIBUTIONS = ("整理", "供稿", "提供", "撰写", "撰稿", "采写", "编写", "起草", "口述", "收集", "搜集", "反映")
_CONTRIBUTED = re.compile(rf"(?<=[\u4e00-\u9fff])\s*({'|'.join(CONTRIBUTIONS)})(?=$|[、,，;；/\s])")
_TOGETHER = re.compile(r"\s*(?:合写|合著|合撰|共同撰写|联合撰写|共同执笔)$")
# 张三——县教育局, 张三-县教育局: a person's name, a dash, then the unit.
_NAME_DASH = re.compile(r"([\u3400-\u9fff]{2,4})\s*[-‐‑–—－]+\s*(.+)")
_DASHES = re.compile(r"\s*[-‐‑–—－]+\s*")
_PLAIN = re.compile(r"[\u3400-\u9fff、,，;；。/／|｜\\+&\n ]+")
# What follows a role or party word written before a name with no space (委员马骏, 民革:张伟): a
# name of two to four characters, not an organisation's (民革县委张伟 is a unit and a name).
_NAME_AFTER_WORD = re.compile(r"[:：]?([\u3400-\u9fff·]{2,4})")
# A phone number written beside a name (张三 13800138000, 电话：0571-8888888): the name's contact.
# A telephone number typed right after a name (张三13800138000, 李四电话0717-8123456): a mobile's 11 digits or a
# landline with its area code; a name never holds digits (not after 电话, 手机, 联系方式: already the contact's; nor
# between the 联系 and the 电话 of 联系电话, which would leave 联系 a person).
_GLUED_CONTACT = re.compile(r"([\u3400-\u9fff])(?<![话机式系])((?:电话|手机|联系电话)?[:：]?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d))")
_CONTACT = re.compile(r"(?:电话|手机|联系电话|联系方式|TEL|Tel|tel)?[:：]?\s*[\d\-－—()（）+ ]{7,}")
# What may stand between a unit's name and a person's written after it (城关镇政协工委-刘洋).
_UNIT_NAME_GAP = " -—–·:："
# A member of the unit written between it and the name (民进县委会员赵六, 县作协会员李四, 民盟县委盟员王五).
_MEMBER_WORDS = ("会员", "盟员", "社员", "党员", "团员", "成员")


def _word_cut(before: str, name: str) -> bool:
    """Whether a name's first character ends a word begun before it (县作协会|员李四, 民革县委员|会李四,
    共青团|员李四): no name starts there."""
    return (before[-2:] + name[:1]).endswith((*_MEMBER_WORDS, "委员会"))
# 张三和李四, 张三与李四, 张三及李四: two names joined by a word, each at least two characters
# (李和平, 欧阳和平 stay one name). Split, and said (author.joined), since only the shape tells.
_CONJUNCTIONS = ("和", "与", "及")
# How many after 等 (等3人, 等两位, 等十余人, 等多人): digits or numerals, 余/多 after them, or 多/几 alone.
_HOW_MANY = r"(?:[0-9〇零一二两三四五六七八九十百]+\s*(?:余|多)?|多|几)"
_JOINED = re.compile(r"^([\u3400-\u9fff·]{2,})(和|与|及)([\u3400-\u9fff·]{2,})$")




# Han surnames: the 百家姓's single ones and those the 2020 census counts beyond them (岑, 亓, 仝, 眭, 佟, 逯,
# 邝, 苟, 芦, 隋, 覃…), to tell a space between two Han names (金博文 武静, 岑雪 敖翔: two people) from one inside
# a transliterated name (阿不都 热合曼, 扎西 顿珠). Left out: the characters minority names are often written
# from, though a few Han people bear them too (阿, 巴, 买, 扎, 乌, 伊, 艾, 努, 古, 帕, 依, 吐, 热, 麦, 其, 格,
# 达, 索, 次, 顿, 旦, 尼, 仁, 拉, 措, 斯, 哈, 玉; 边巴, 贡布, 益西, 敖特根, 那仁, 卓玛, 吉克): such a name beside
# another is said (author.name_spaced).
HAN_SURNAMES = COMMON_SURNAMES | frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马"
    "苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪"
    "祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田"
    "樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封"
    "芮羿储靳汲邴糜松井段富巫焦弓牧隗山谷车侯宓蓬全郗班仰秋仲宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟"
    "薄印宿白怀蒲邰从鄂咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏"
    "浦尚农温别庄晏柴瞿阎充慕连茹习宦鱼容向易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍"
    "聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仉督岳帅缑亢况郈有琴商牟佘佴伯"
    "赏墨哈谯笪年爱阳佟亓仝眭邝苟芦隋覃代付闫兰粟揭鄢植禤练冼占晋储卜谌黄练钦韩郇綦圣荣邸冉乔蔡"
    "官钮宓汝铁迟覃钭").difference("阿巴买扎乌伊艾努古帕依吐热麦其格达索次顿旦尼仁拉措斯哈玉边贡益敖那卓吉") | COMMON_SURNAMES


def looks_like_a_person(name: str) -> bool:
    """A name of two or three characters under a common surname (four under a compound one): a person's
    name by its shape, where no rule or roster says."""
    return (2 <= len(name) <= 3 and name[0] in COMMON_SURNAMES or len(name) == 4 and name[:2] in COMPOUND_SURNAMES) \
        and all(_CJK.match(ch) for ch in name)


# 民革市委、民盟市委联合课题组: the units' group, written with the word saying it is theirs together.
_JOINT_GROUP_WORDS = ("联合", "联名", "共同")
# 课题组(张三、李四): a unit with its people's names in brackets.
_UNIT_WITH_NAMES = re.compile(r"([^()（）]+)[(（]([^()（）]+)[)）]")
# A bracket listing several things (张三(县政协委员、民革)): its separators are not the cell's.
_BRACKET_LIST = re.compile(r"[(（][^()（）]*[)）]")
_KEPT_SEPARATOR = "\ue000"
_LATIN = re.compile(r"[A-Za-z][A-Za-z.'\-]*")


# A party's committee written after its name (民盟 县委, 九三学社 市委员会, 民建 县总支).
_COMMITTEE = re.compile(r"[省市县区州旗盟]?(?:委|委员会|基层委员会|总支|支部|支社|工委)")


def _join_unit_name(tokens: list[str], words: "AuthorWords") -> list[str]:
    """``民盟 县委``, ``农工党⏎县委``: a party's name and its committee written apart are one unit (a
    name with a space or a line break in it), not the tag 民盟 on an author called 县委."""
    out: list[str] = []
    for t in tokens:
        if out and out[-1] in words.affiliations and _COMMITTEE.fullmatch(t):
            out[-1] += t
        else:
            out.append(t)
    return out


def _join_latin(tokens: list[str]) -> list[str]:
    """``Mary Smith``: a name in Latin letters written with its space is one name."""
    out: list[str] = []
    for t in tokens:
        if out and _LATIN.fullmatch(t) and _LATIN.fullmatch(out[-1].split()[-1]):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


def _one_name_spaced(tokens: list[str], words: "AuthorWords") -> list[str]:
    """``阿不都 热合曼``, ``扎西 顿珠``: parts of one transliterated name typed with a space (for its dot, or for
    nothing) are one name, kept as written and matched dotted (``author_key``), when each part is a
    ``name_part``; ``张三 李四``, ``阿不都 张三`` stay two. Only the shape tells: said (``author.name_spaced``)."""
    out: list[str] = []
    for t in tokens:
        if out and words.name_part(t) and words.name_part(out[-1].rsplit(" ", 1)[-1]):
            out[-1] += " " + t
        else:
            out.append(t)
    return out


def spaced_han_names(text: str, words: "AuthorWords") -> list[str]:
    """The names a cell holds with spaces between them (``岑雪 敖翔``, ``阙红梅 谯志刚 亓明``: people pasted
    as a list), split where an author cell splits them; [] for one name typed with a space in it (``张 三丰``,
    ``欧阳 明月``, ``阿不都 热合曼``: ``_join_alignment``, ``_one_name_spaced``) or a part that is no Han
    name by its shape (longer, or a word of the rules)."""
    tokens = _one_name_spaced(_join_alignment(unicodedata.normalize("NFKC", text).split()), words)
    return tokens if len(tokens) > 1 and all(_han_name_shaped(t, words) for t in tokens) else []


def _han_name_shaped(token: str, words: "AuthorWords") -> bool:
    """Two or three Han characters (three or four under a compound surname), no word of the rules."""
    longest = 4 if token[:2] in COMPOUND_SURNAMES else 3
    return 2 <= len(token) <= longest and all(_CJK.match(ch) for ch in token) and words.is_person_name(token)


def author_key(name: str) -> str:
    """``name_key``; a name ``_one_name_spaced`` joined at its spaces (阿不都 热合曼) with a dot there
    (阿不都·热合曼), as the name is written elsewhere with its dot."""
    if " " in name and all(_CJK.match(ch) for ch in name.replace(" ", "")):
        return "·".join(map(name_key, name.split(" ")))
    return name_key(name)


def names_apart(text: str) -> list[str]:
    """An author cell's parts between separators and spaces, as written (刘红委、张三 → 刘红委, 张三)."""
    return [p for part in _SEPARATORS.split(unicodedata.normalize("NFKC", text)) for p in part.split()]


def authors_as_set(names, written: str) -> str:
    """An item's authors whatever their order (张建国、周强 is 周强、张建国), as items are matched (the same
    item twice): the names read, sorted, each once; the cell as written when none was read."""
    return "、".join(sorted(set(names))) if isinstance(names, (tuple, list)) and names else written


def name_key(name: str) -> str:
    """A name as matched: NFKC, no white space, every middle-dot variant as ``·``, traditional
    characters as simplified (張三 is 张三: ``simplified``)."""
    if name.isalnum() and unicodedata.is_normalized("NFKC", name):
        return simplified(name)  # most names: nothing else to fold
    text = "".join(unicodedata.normalize("NFKC", name).split())
    return simplified(_DOT_IN_NAME.sub("·", text))


@dataclass(frozen=True)
class Author:
    """One author named in a cell: ``name`` as written (stripped), ``key`` as matched."""

    name: str
    key: str
    tag: str = ""  # a role written beside the name (特邀信息员), or an affiliation (民革)
    scribe: bool = False

    def __post_init__(self):
        # 張三 is matched as 张三 whichever way the cell was read (a plain name's key is the name itself).
        object.__setattr__(self, "key", simplified(self.key))


@dataclass(frozen=True)
class AuthorCell:
    """What an author cell says: its authors in order, and what was set aside (``等``)."""

    authors: tuple[Author, ...]
    et_al: str = ""  # the 等 / 等人 dropped, '' when none
    joined: str = ""  # the 和 / 与 / 及 two names were split at, '' when none
    unit: str = ""  # a unit written with the names (民革县委 张伟, 张伟(民革县委)): their unit, not an author
    source: str = ""  # a source written as the author (群众来信): not an author, said
    collective: str = ""  # the unit as a whole written as the author (集体, 本单位): the unit's item, said
    dated: str = ""  # a year or a date typed after a name (王芳2025, 王芳 2025.3): set aside from the name, said
    honour: str = ""  # an honour written after a name (李小 优秀信息员, 王中2025年度优秀信息员): set aside, said
    place: str = ""  # a place written after a name (刘洋 城关镇, 刘洋（城关镇）): where the person is from, set aside, said

    @property
    def unit_with_names(self) -> str:
        """The unit written with the names (民革县委张伟), '' when the cell names no one but the unit as a
        whole (市工商联课题组: the unit's own item, which author.collective says)."""
        return self.unit if self.authors or not self.collective else ""


@dataclass
class AuthorWords:
    """The words the rules give for reading author cells (rules ``authors:``, ``roles:`` and the
    unit words ``unit_name_words`` / ``unit_name_suffixes`` / ``authors.ambiguous_suffixes``)."""

    affiliations: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ("同志", "先生", "女士")
    scribe: tuple[str, ...] = ("执笔", "执笔人")
    et_al: tuple[str, ...] = ("等人", "等")
    unit_words: tuple[str, ...] = ()
    unit_suffixes: tuple[str, ...] = ()
    place_suffixes: tuple[str, ...] = ()  # endings of a place or an organisation (城关镇, 宣传部)
    sources: tuple[str, ...] = ()  # where an item came from, not who wrote it (群众来信, 12345热线)
    posts: tuple[str, ...] = ()  # a person's post written with the name (副主席, 主委, 局长)
    collective: tuple[str, ...] = ()  # the unit as a whole, not a person (集体, 本单位, 课题组)
    departments: tuple[str, ...] = ()  # a unit's department (参政议政部, 研究室): an organisation's, not a person
    numbered: tuple[str, ...] = ()  # a school's short name's endings after a place and an ordinal (县一中, 城关二小)
    honours: tuple[str, ...] = ()  # an honour written after a name (优秀信息员, 先进个人): not a person, not a role
    places: tuple[str, ...] = ()  # the endings of a place written after a name (城关镇, 湖尾村): not a person
    _et_al_re: re.Pattern | None = field(default=None, repr=False)
    _prefix_re: re.Pattern | None = field(default=None, repr=False)

    @classmethod
    def from_rules(cls, data: dict) -> "AuthorWords":
        a = data.get("authors") or {}
        roles = [alias for name, aliases in (data.get("roles") or {}).items() for alias in [name, *(aliases or [])]]
        by_len = lambda ws: tuple(sorted({"".join(str(w).split()) for w in ws or []} - {""}, key=len, reverse=True))
        return cls(by_len(a.get("affiliation_words")), by_len(roles), by_len(a.get("honorific_words") or cls.honorifics),
                   by_len(a.get("scribe_words") or cls.scribe), by_len(a.get("et_al_words") or cls.et_al),
                   by_len(data.get("unit_name_words")), by_len(data.get("unit_name_suffixes")),
                   by_len(a.get("ambiguous_suffixes")), by_len(a.get("source_words")), by_len(a.get("post_words")),
                   by_len(a.get("collective_words")), by_len(a.get("department_words")),
                   by_len(data.get("unit_name_numbered")), honours=by_len(a.get("honour_words")),
                   places=by_len(a.get("place_words")))

    def is_unit(self, name: str) -> bool:
        """A name a unit word of the rules marks (民革县委, 县教育局), or a school's short name (县一中, 黄石市二中: a
        text of its own beside a name, no name glued before it): the rules' test, as ``Rules.author_kind`` applies
        it to whole author names (which says 黄石市二中 alone, whose 黄石 may be a person's name)."""
        return (bool(self._unit_word_re.search(name)) or name.endswith(self.unit_suffixes or ("\0",))
                or (kind := numbered_unit_kind(name, self.numbered)) == "unit"
                or kind == "ambiguous" and not looks_like_a_person(name))  # 欧阳一中: a person's name by its shape

    @functools.cached_property
    def _unit_word_re(self) -> re.Pattern:
        return re.compile("|".join(map(re.escape, self.unit_words)) or "(?!)")

    def _organised(self, name: str) -> bool:
        """A short text that reads as an organisation's or a place's, not a person's name
        (县委张伟, 宣传部, 内科, 研究室)."""
        return self.is_unit(name) or name.endswith(self.place_suffixes or ("\0",)) or name.endswith(self.departments or ("\0",))

    def is_person_name(self, name: str) -> bool:
        """Two or three characters (four with a compound surname) that are a person's name: not
        an organisation's, not a role, party or honorific word."""
        return ((len(name) <= 3 or name[:2] in COMPOUND_SURNAMES) and not self._organised(name)
                and name not in self.roles and name not in self.affiliations and name not in self.honorifics)

    def name_part(self, token: str) -> bool:
        """A part of a transliterated name (阿不都, 热合曼, 扎西, 顿珠): two to five characters not starting as a
        Han name does (a surname of ``HAN_SURNAMES``), and no word of the rules (a role, a party, a unit, a place, 汉族)."""
        # A part of four or five characters is no Han name but under a compound surname (马合木提, 敖特根巴).
        return (2 <= len(token) <= 5 and (token[0] not in HAN_SURNAMES or len(token) >= 4) and token[:2] not in COMPOUND_SURNAMES
                and all(_CJK.match(ch) for ch in token) and token not in self.tag_words and token not in CONTRIBUTIONS
                and not self._organised(token) and not self.is_source(token) and not self.is_collective(token)
                and not _about_the_person(token) and not token.startswith(self.scribe) and not token.endswith(self.scribe)
                and not self.suffix_tag(token)[1] and not self.prefix_tag(token)[1])

    def role_and_name(self, token: str) -> tuple[str, str] | None:
        """``县政协委员张三``, ``城关镇信息员李四丰`` → (the name, the role as written): a role word
        with its place, then a name; None for anything else."""
        if len(token) < 4 or not self.roles:
            return None
        for n in (2, 3):
            name, role = token[-n:], token[:-n]
            if (role.endswith(self.roles) and all(_CJK.match(ch) for ch in name) and self.is_person_name(name)
                    and not _word_cut(role, name)):
                return name, role
        return None

    def post_and_name(self, token: str) -> tuple[str, str, str] | None:
        """``县政协副主席张三``, ``民革县委主委李四`` → (the unit before the post or '', the post as
        written, the name): a post (rules ``authors.post_words``) with its organisation, then a
        name; None for anything else."""
        if len(token) < 4 or not self.posts:
            return None
        for n in (2, 3):
            name, before = token[-n:], token[:-n]
            post = next((p for p in self.posts if before.endswith(p)), None)
            if post and all(_CJK.match(ch) for ch in name) and self.is_person_name(name):
                unit = before[: -len(post)].rstrip(_UNIT_NAME_GAP)
                return (unit if len(unit) >= 2 and self.is_unit(unit) else ""), before if not unit or not self.is_unit(unit) else post, name
        return None

    def name_and_unit(self, token: str) -> tuple[str, str, str] | None:
        """``张三——县教育局``, ``张三-县教育局`` → (the unit, the name, ''): a person's name, a dash, then
        a unit's name; None for anything else (阿不都-热合曼 is one dotted name)."""
        m = _NAME_DASH.fullmatch(token)
        if not m or not self.is_person_name(m[1]):
            return None
        if self.is_unit(m[2]):
            return m[2], m[1], ""
        unit, _, post = _DASHES.split(m[2], 1)[0], None, _DASHES.split(m[2], 1)[-1]
        if unit != post and self.is_unit(unit) and (post in self.posts or self.suffix_tag("某某" + post)[1]):
            return unit, m[1], post  # 张三—县教育局—副局长: of 县教育局, 副局长 said of him
        return None

    def labelled(self, token: str) -> tuple[str, str, str] | None:
        """``组长:张三``, ``成员:李四``, ``民革县委:张伟`` → (the unit or '', the name, the label or ''): a
        label of a few characters, a colon, then a person's name; None for anything else."""
        label, colon, name = token.partition(":")
        if not colon or not 1 <= len(label) <= 8 or not _CJK.match(label[-1:] or " ") or not self.is_person_name(name) \
                or not all(_CJK.match(ch) for ch in name):
            return None
        return (label, name, "") if self.is_unit(label) else ("", name, label)

    def is_source(self, token: str) -> bool:
        """A source, not an author (群众来信, 网民反映, 12345热线, 匿名): rules ``authors.source_words``."""
        return self._source_re.search(token) is not None

    @functools.cached_property
    def _source_re(self) -> re.Pattern:
        return re.compile("|".join(map(re.escape, self.sources)) or "(?!)")

    def is_collective(self, token: str) -> bool:
        """The unit as a whole written as the author (集体, 集体创作, 本单位, 全体委员): rules
        ``authors.collective_words``, the whole token."""
        return token in self.collective

    def unit_and_collective(self, token: str) -> tuple[str, str] | None:
        """``市工商联课题组``, ``经济界全体委员``, ``民建市委（集体）``, ``民盟市委联合课题组`` → (the unit, the
        collective word as written): the unit as a whole written after the unit's name (in brackets too, or
        with 联合 before it), its item as one sent in the unit's name; None for anything else (课题组 alone,
        张三课题组: no unit before it)."""
        if (m := _UNIT_WITH_NAMES.fullmatch(token)) and self.is_collective(m[2].strip()):
            token = m[1].strip() + m[2].strip()  # 民建市委（集体）: as 民建市委集体 (not a person 集体)
        if not token.endswith(self.collective or ("\0",)):
            return None
        for w in self.collective:  # longest first: 经济界|全体委员, not 经济界全体|委员
            unit = token[: -len(w)].rstrip(_UNIT_NAME_GAP) if token.endswith(w) else ""
            together = next((j for j in _JOINT_GROUP_WORDS if unit.endswith(j) and len(unit) > len(j) + 1), "")
            unit = unit[: len(unit) - len(together)]  # 民盟市委联合|课题组: the unit is 民盟市委
            if len(unit) >= 2 and self._organised(unit):
                return unit, together + w
        return None

    def unit_and_name(self, token: str) -> tuple[str, str, str] | None:
        """``民革县委张伟``, ``城关镇政协工委-刘洋``, ``县教育局王小芳``, ``民进县委会员赵六`` → (the unit,
        the name, the membership word between or ''): a person's name written right after a unit's;
        None for anything else (民革县委, 张伟, 县政协办公室, 民盟县委宣传部)."""
        if len(token) < 4 or not _CJK.match(token[-1]):
            return None
        # 县政府办|公室: a cut inside a unit word the text ends in (办公室) starts no name.
        ending = max((len(w) for w in self.unit_words if token.endswith(w)), default=0) \
            if token.endswith(self.unit_words or ("\0",)) else 0
        for n in (2, 3, 4):  # the shortest name whose unit ends at a unit word: 民革县委|张伟
            name, unit = token[-n:], token[:-n].rstrip(_UNIT_NAME_GAP)
            if _word_cut(unit, name) or ending > n:
                continue
            member = next((w for w in _MEMBER_WORDS if unit.endswith(w) and len(unit) > len(w) + 1), "")
            unit = unit[: len(unit) - len(member)]  # 民进县委会员|赵六, not 民进县委会|员赵六
            # A membership word says the text before it is a body (县作协会员李四), whatever words it has.
            if (len(unit) >= 2 and (member or unit.endswith(self._unit_ends) and self.is_unit(unit))
                    and all(_CJK.match(ch) for ch in name) and self.is_person_name(name)):
                return unit, name, member
        return None

    def unit_before_titled(self, name: str, tag: str) -> tuple[str, str] | None:
        """What was left of ``县政协李明主席``, ``县教育局王局长`` with the post taken off: (the unit, the person),
        the person being the name (李明) or, with a surname alone, the surname and the post as written
        (王局长: no one's full name, said by validation); None when no unit stands before a name."""
        for n in (1, 2, 3):
            person, unit = name[-n:], name[:-n].rstrip(_UNIT_NAME_GAP)
            if (len(unit) < 2 or not all(_CJK.match(ch) for ch in person) or not unit.endswith(self._unit_ends)
                    or not self.is_unit(unit)):
                continue
            if n == 1:
                return unit, person + tag
            if self.is_person_name(person):
                return unit, person
        return None

    @functools.cached_property
    def _unit_ends(self) -> tuple[str, ...]:
        return (*self.unit_words, *self.unit_suffixes, *self.place_suffixes, *self.numbered) or ("\0",)

    def suffix_tag(self, token: str) -> tuple[str, str]:
        """``王五同志``, ``王五委员`` → (``王五``, the word): a role or honorific written after a name of
        two characters or more; anything else → (token, '')."""
        for w in self._tags_ending_in.get(token[-1:], ()):
            if token.endswith(w) and len(token) - len(w) >= 2 and _CJK.match(token[-len(w) - 1]):
                return token[: -len(w)], w
        return token, ""

    @functools.cached_property
    def tag_words(self) -> frozenset[str]:
        """Every word that tags a name rather than being one (affiliations, roles, honorifics, posts)."""
        return frozenset((*self.affiliations, *self.roles, *self.honorifics, *self.posts))

    @functools.cached_property
    def _tags_ending_in(self) -> dict[str, tuple[str, ...]]:
        # The words after a name by their last character, in the order suffix_tag tries them: most
        # names end in none of those characters, and a name is tried against a handful, not all.
        by_last: dict[str, list[str]] = {}
        for w in (*self.roles, *self.honorifics, *self.posts):
            by_last.setdefault(w[-1], []).append(w)
        return {last: tuple(ws) for last, ws in by_last.items()}

    @functools.cached_property
    def posts_ending_in(self) -> dict[str, tuple[str, ...]]:
        """The post words by their last character (most names and units end in none of them)."""
        by_last: dict[str, list[str]] = {}
        for w in self.posts:
            by_last.setdefault(w[-1], []).append(w)
        return {last: tuple(ws) for last, ws in by_last.items()}

    def prefix_tag(self, token: str) -> tuple[str, str]:
        """``委员马骏``, ``信息员:高峰``, ``民革张伟`` → (the name, the word): a role or party word
        written before a name with no space; anything else → (token, '')."""
        if self._prefix_re is None:
            words = sorted({*self.roles, *self.affiliations}, key=len, reverse=True)
            self._prefix_re = re.compile("|".join(map(re.escape, words)) or "(?!)")
        if not (w := self._prefix_re.match(token)):
            return token, ""
        word, end = w[0], w.end()
        if _word_cut(word, token[end:]):  # 共青团员李四: the word is 团员, not 共青团
            word, end = token[: end + 1], end + 1
        if (m := _NAME_AFTER_WORD.fullmatch(token, end)) and not self.is_unit(m[1]):
            return m[1], word
        return token, ""

    def et_al_pattern(self) -> re.Pattern:
        if self._et_al_re is None:
            words = "|".join(map(re.escape, self.et_al)) or "(?!)"
            about = "|".join(map(re.escape, (*self.roles, *self.honorifics, *self.posts))) or "(?!)"
            # 等 / 等人 / 等3人 / 等三人 / 等两位 at the very end, after at least one name character, and
            # the word about them all that may follow (张三、李四等委员, 王五等同志, 褚一等三位委员).
            self._et_al_re = re.compile(rf"(?<=\S)\s*(?:{words})(?:\s*{_HOW_MANY}\s*(?:人|名|位))?"
                                        rf"(?:\s*(?:{about}))?\s*$")
        return self._et_al_re

    @functools.cached_property
    def after_name_re(self) -> re.Pattern:
        """A person's name and what is written after it: in brackets, an honour of the rules glued to it (李小优秀信息员,
        王中2025年度优秀信息员), or a word after a space (read by ``said_after_name``)."""
        honours = "|".join(map(re.escape, self.honours)) or "(?!)"
        return re.compile(rf"(?:^|(?<=[、,;/\s]))([\u3400-\u9fff]{{2,4}})(?:\s*\(\s*([^()]{{2,20}}?)\s*\)"
                          rf"|\s*((?:{_HONOUR_YEAR.pattern[1:]})?(?:{honours}))|\s+([\u3400-\u9fff]{{2,10}}))(?=$|[、,;/\s])")

    def said_after_name(self, text: str) -> tuple[str, str]:
        """What ``text``, written after a person's name (space, bracket or nothing between), is: ("honour", it) for
        an honour of the rules (优秀信息员, 2025年度优秀信息员: its year the honour's), ("place", it) for a place by its
        ending (城关镇, 湖尾村: rules ``authors.place_words``; a unit's name, 城关镇政协工委, is a unit, read apart),
        else ("", '')."""
        if _HONOUR_YEAR.sub("", text, count=1) in self.honours:
            return "honour", text
        if (len(text) >= 3 and all(_CJK.match(ch) for ch in text) and text.endswith(self.places or ("\0",))
                and not self.is_unit(text) and text not in self.tag_words):
            return "place", text
        return "", ""


def _without_list_numbers(text: str) -> str:
    """A numbered list of names (``1.张三 2.李四``, ``1王五2赵六``) as names apart; any other text as it is
    (``12345热线``, ``2组张三``)."""
    if _NUMBERED_NAMES.fullmatch(text):
        return re.sub(r"\d{1,2}", " ", text).strip()
    if _LIST_NUMBER.match(text):
        return _LIST_NUMBER.sub(" ", text).strip() or text
    return text


def _rare_forms(text: str) -> str:
    """阿不都 · 热合曼 → 阿不都·热合曼, 张三 - 县教育局 → 张三-县教育局, 第一作者张三 → 张三, 张三与李四合写 → 张三与李四;
    each looked for only when a character of it is in the cell."""
    if " " in text:
        text = _SPACED_DASH.sub(r"\1", _SPACED_DOT.sub(r"\1", text))
    if "作者" in text or ":" in text:
        text = _ORDER_WORD.sub(" ", text).strip() or text
    if text[-1:] in "写著撰笔":
        text = _TOGETHER.sub("", text).strip() or text
    return text


def split_authors(text: str, words: AuthorWords) -> AuthorCell:
    """Read an author cell into its authors (see the module docstring); a role said of them all at the end
    (张三、李四（均为委员）) is each one's; a year or a date typed after a name (王芳2025) is no part of it."""
    text, said = _without_honours_and_places(text, words) if words.honours or words.places else (text, {})
    text, dated = _without_dates(text) if any(ch.isdigit() for ch in text) else (text, "")
    cell = _split_authors(text, words)
    if dated or said:
        cell = replace(cell, dated=dated, **said)
    if len(cell.authors) > 1 and (m := _ALL_OF_THEM.search(unicodedata.normalize("NFKC", text))):
        tag = m[1].strip()
        said = lambda a: [t for t in a.tag.split("、") if t and not t.startswith(_ALL_WORDS)]
        cell = replace(cell, authors=tuple(replace(a, tag="、".join(dict.fromkeys((*said(a), tag)))) for a in cell.authors))
    return cell


# A year or a date typed right after a person's name (王芳2025, 王芳 2025.3, 王芳20250312, 王芳-2025年3月, 张三，2025), or
# a number written apart after it, at the end of its part (王芳 12, 李四 第2期, 马六 18号): the date the row was
# filled in or the item's number, not part of the name. A number glued to a name that is not a year (作者1号, 王芳1:
# an anonymised ledger's, or two people of one name told apart) is left as written, and so is a numbered list
# (1 张三 2 李四).
# A year's 年度 after it (王芳2025年度) is that year's, as 王芳2025 is.
_DATE_AFTER = (r"(?:19|20)\d{2}(?:[-./]\d{1,2}(?:[-./]\d{1,2})?|(?:0[1-9]|1[0-2])(?:[0-3]\d)?"
               r"|年度|年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:出生|生)?)?")
_NUMBER_AFTER = r"(?:第\s*)?\d{1,4}\s*[号期条]?|No\.?\s*\d{1,4}"
# The same number in brackets (李四（12号）, 王芳(2025)) is no more a part of the name, nor a tag about the person.
_DATED = re.compile(rf"(?:^|(?<=[、,，;；/\s]))([\u3400-\u9fff]{{2,4}})(?:\s*[-—_、,，;；]?\s*({_DATE_AFTER})(?=$|[、,，;；/\s])"
                    rf"|(?:\s+|\s*[、,，;；]\s*)({_NUMBER_AFTER})(?=\s*$|\s*[、,，;；/])"
                    rf"|\s*\(\s*({_NUMBER_AFTER})\s*\)(?=\s*$|\s*[、,，;；/]))")


def _without_dates(text: str) -> tuple[str, str]:
    """``text`` with the years and dates typed after its names taken off, and those taken off (、-joined); a
    numbered list (1、张三 2、李四, ①王五②赵六) as it is, its numbers the list's."""
    text = unicodedata.normalize("NFKC", text)
    if text.lstrip()[:1].isdigit() or text.lstrip()[:1] == "(":
        return text, ""
    taken: list[str] = []

    def off(m: re.Match) -> str:
        if not looks_like_a_person(m[1]):
            return m[0]
        taken.append(m[2] or m[3] or m[4])
        return m[1]
    text = _DATED.sub(off, text)
    return text, "、".join(taken)


# A year before an honour (2025年度优秀信息员, 2024-2025年度先进个人, 2025年优秀委员): the honour's.
_HONOUR_YEAR = re.compile(r"^(?:19|20)\d{2}\s*(?:[-—~至]\s*(?:19|20)?\d{2}\s*)?(?:年度|年|届)?\s*")


def _without_honours_and_places(text: str, words: AuthorWords) -> tuple[str, dict[str, str]]:
    """``text`` with an honour or a place written after a person's name taken off (李小 优秀信息员, 王中2025年度优秀信息员,
    刘洋 城关镇, 刘洋（城关镇）: the words after a name are no second person, no part of the name and no role), and
    those taken off by kind ({"honour": …, "place": …}, 、-joined); any other text as it is (张三 李四: two people)."""
    text = unicodedata.normalize("NFKC", text)
    taken: dict[str, list[str]] = {}
    out, at = [], 0
    while (m := words.after_name_re.search(text, at)) is not None:
        after = m[2] or m[3] or m[4]
        kind, said = words.said_after_name(after.strip()) if looks_like_a_person(m[1]) else ("", "")
        if kind:
            out.append(text[at:m.start()] + m[1])
            taken.setdefault(kind, []).append(said)
            at = m.end()
        else:  # not said after a name: the next name may start at the word after this one (张三 李四 城关镇)
            out.append(text[at:m.start(4) if m[4] else m.end()])
            at = m.start(4) if m[4] else m.end()
    out.append(text[at:])
    return "".join(out), {k: "、".join(v) for k, v in taken.items()}


# 张三、李四（均为委员）, 张三、李四(都是信息员): what is said of every name before it.
_ALL_WORDS = ("均为", "均系", "均是", "都是", "都为")
_ALL_OF_THEM = re.compile(rf"\((?:{'|'.join(_ALL_WORDS)})([^()]+)\)\s*$")


def _split_authors(text: str, words: AuthorWords) -> AuthorCell:
    """Read an author cell into its authors (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).strip().replace("丶", "、")  # 丶: an input method's slip for 、
    if _GLUED_CONTACT.search(text):  # 张三13800138000: the number is the contact beside the name, as in 张三 13800138000
        text = _GLUED_CONTACT.sub(r"\1 \2", text)
    if _names_no_one(text):
        return AuthorCell(())
    if text[:1].isdigit() or text[:1] == "(":  # 1.张三 2.李四, ①王五②赵六 (1王五2赵六 once NFKC): a numbered list
        text = _without_list_numbers(text)
    if not text.isalnum():  # a spaced dot or dash, an order word, 合写: rare (most cells are names and separators)
        text = _rare_forms(text)
    if len(text) > 3:  # 李四整理: a name and what its person did (a bare name is 2 or 3 characters)
        text = _CONTRIBUTED.sub(r"(\1)", text)
    if (text.isalnum() and not any(w[0] in text for w in words.et_al) and not any(c in text for c in _CONJUNCTIONS)
            and not text.endswith(words.scribe) and not text.startswith(words.scribe)):
        if words.is_collective(text):  # 集体, 全体委员: the item is its unit's
            return AuthorCell((), collective=text)
        if group := words.unit_and_collective(text):  # 市工商联课题组, 经济界全体委员 (not a person 全体, 委员)
            return AuthorCell((), unit=group[0], collective=group[1])
        name, tag = words.suffix_tag(text)
        if tag and (titled := words.unit_before_titled(name, tag)):  # 县政协李明主席, 县教育局王局长
            person = titled[1]
            return AuthorCell((Author(person, person, "" if person.endswith(tag) else tag),), unit=titled[0])
        if not tag:
            name, tag = words.prefix_tag(text)  # 委员马骏
        if not tag and (split := words.role_and_name(name)):  # 县政协委员张三
            name, tag = split
        elif not tag and (post := words.post_and_name(name)):  # 县政协副主席张三, 民革县委主委李四
            return AuthorCell((Author(post[2], post[2], post[1]),), unit=post[0])
        elif not tag and (split := words.unit_and_name(name)):  # 民革县委张伟
            return AuthorCell((Author(split[1], split[1], split[2]),), unit=split[0])
        elif not tag and words.is_source(name):  # 群众来信
            return AuthorCell((), source=name)
        return AuthorCell((Author(name, name, tag),))  # one plain name (张三等3人 is alnum too): most cells
    if (m := _UNIT_WITH_NAMES.fullmatch(text)) and words.is_unit(m[1].strip()) and _SEPARATORS.search(m[2]):
        inner = split_authors(m[2], words)  # 课题组(张三、李四): the group's unit, its people the authors
        if inner.authors and all(words.is_person_name(a.key) for a in inner.authors):
            return replace(inner, unit="、".join(filter(None, (m[1].strip(), inner.unit))))
    text = _BRACKET_LIST.sub(lambda b: _SEPARATORS.sub(_KEPT_SEPARATOR, b[0]), text)  # 张三(县政协委员、民革): one part
    et_al = ""
    if m := words.et_al_pattern().search(text):
        et_al, text = m[0].strip(), text[: m.start()].strip()
    joined = ""
    if any(c in text for c in _CONJUNCTIONS):
        parts = [_joined(p.strip(), words) for p in _SEPARATORS.split(text)]
        if any(parts):
            joined = next(m[2] for m in parts if m)
            text = "、".join(f"{m[1]}、{m[3]}" if m else p for m, p in zip(parts, _SEPARATORS.split(text)))
    if joined:
        inner = split_authors(text, words)  # 民革县委与民盟县委联合课题组: its units and group kept too
        return replace(inner, et_al=et_al or inner.et_al, joined=joined)
    if _PLAIN.fullmatch(text) and not any(w in text for w in words.scribe):
        # Names, separators and spaces only: no tag, no 执笔, no affiliation to look for but a word.
        names = [n for part in _SEPARATORS.split(text) for n in _one_name_spaced(_join_alignment(part.split()), words)]
        if not any(n in words.tag_words or _about_the_person(n) or words.suffix_tag(n)[1]
                   or words.prefix_tag(n)[1] or words.unit_and_name(n) or words.role_and_name(n) or words.is_source(n)
                   or words.is_collective(n) or words.unit_and_collective(n)
                   or words.post_and_name(n)
                   or len(names) > 1 and words.is_unit(n) for n in names):
            return AuthorCell(tuple(Author(n, author_key(n)) for n in names), et_al)
    authors: list[Author] = []
    units: list[str] = []
    sources: list[str] = []
    collective: list[str] = []
    groups: list[tuple[int, str]] = []  # (how many authors before it, the unit) of each unit's group (县工商联课题组)
    for part in (p for piece in _SEPARATORS.split(text) for p in _each_bracketed(piece.strip())):
        if _CONTACT.fullmatch(part) or _about_the_person(part):  # 张三，电话：138…, 张三，男，45岁: about the name before it
            if authors:
                authors[-1] = replace(authors[-1], tag="、".join(filter(None, (authors[-1].tag, part))))
            continue
        if words.is_source(part):
            sources.append(part)
            continue
        if words.is_collective(part):
            collective.append(part)
            continue
        if group := words.unit_and_collective(part):  # 市工商联课题组、张三: the group's unit, 张三 its author
            groups.append((len(authors), group[0]))
            collective.append(group[1])
            continue
        found, unit = _part_authors(part, words)
        authors.extend(found)
        if unit and unit not in units:
            units.append(unit)
    if groups and all(words.is_unit(a.name) for a in authors) and len(authors) + len(groups) > 1:
        authors = _groups_as_authors(authors, groups)  # 民革市委、民盟市委联合课题组: as 民革市委、民盟市委
    else:
        units += [u for _, u in groups if u not in units]
    if len(authors) > 1 and any(not words.is_unit(a.name) for a in authors):
        # 张三/民革县委, 县政协办公室、张三: a unit listed with people is their unit, not an author.
        units += [a.name for a in authors if words.is_unit(a.name) and a.name not in units]
        authors = [a for a in authors if not words.is_unit(a.name)]
    return AuthorCell(tuple(authors), et_al, unit="、".join(units), source="、".join(sources),
                      collective="、".join(dict.fromkeys(collective)))


def _joined(part: str, words: AuthorWords) -> re.Match | None:
    """``张三和李四``, ``民革县委与民盟县委`` split at the word joining them; None for one unit's name with 和 in
    it (社会和法制委员会, 县经济和信息化局: the text before 和 neither a unit nor a person's name by its shape)."""
    m = _JOINED.match(part)
    if m and words.is_unit(part) and not words.is_unit(m[1]) and not looks_like_a_person(m[1]):
        return None
    return m


def _groups_as_authors(authors: list[Author], groups: list[tuple[int, str]]) -> list[Author]:
    """A cell of units only, some written with their group (民革市委、民盟市委联合课题组, 民革县委课题组、民盟县委课题组):
    a joint item of those units, each an author in its place, as ``民革市委、民盟市委`` is (no person to credit)."""
    out = list(authors)
    for k, (at, unit) in enumerate(groups):  # each after the authors written before it
        out.insert(at + k, Author(unit, author_key(unit)))
    return out


# 王五(委员)赵六(信息员): names each with its bracket, no separator between them.
_NAME_AND_BRACKET = re.compile(r"[\u3400-\u9fff·]{2,4}\([^()]*\)")


def _each_bracketed(part: str) -> list[str]:
    """A part of names each followed by its own bracket (王五(委员)赵六(信息员)) as one part per name, so that
    what a bracket says is said of the name before it; any other part as it is."""
    if part.count("(") < 2:
        return [part]
    names = _NAME_AND_BRACKET.findall(part)  # 张三(委员) 李四(信息员): a space between them is as none
    return names if len(names) > 1 and "".join(names) == "".join(part.split()) else [part]


def _part_authors(part: str, words: AuthorWords) -> tuple[list[Author], str]:
    """The authors in one separated part (``王五(特邀信息员)``, ``民革 许文博``, ``执笔:X``,
    ``张三 李四``, ``张  三``) and the unit written with them (``民革县委 张伟``, ``民革县委张伟``,
    ``张伟(民革县委)``, ``城关镇政协工委(刘洋)``), '' when none."""
    if not part:
        return [], ""
    scribe = False  # the whole part's one author is the 执笔人; one of several names is in ``scribes``
    scribes: set[str] = set()
    tags: list[str] = []
    part = _scribe_brackets_kept(part, words)
    # 执笔:X / 执笔人 X at the start, X(执笔) or X执笔 at the end, of a part with one name in it (of
    # several, ``王芳 陈刚执笔``, the mark goes with its own name, below).
    for w in words.scribe if " " not in part.strip() else ():
        if part.startswith(w):
            rest = part[len(w):].lstrip(":： ")
            if rest:
                part, scribe = rest, True
                break
    for m in _BRACKET.finditer(part):
        inner, says_scribe = _without_scribe(m[1].replace(_KEPT_SEPARATOR, "、").strip(), words)  # (执笔), (执笔:张三)
        scribe = scribe or says_scribe
        if (did := _CONTRIBUTED.search(inner)) and did.start() > 0:  # 民革县委(张三整理): 张三, who 整理
            inner, tags = inner[: did.start()], [*tags, did[1]]
        tags += [t.strip() for t in inner.split("、") if t.strip()]  # 张三(县政协委员、民革): two tags
    part = _BRACKET.sub(" ", part).strip()
    for w in words.scribe if " " not in part else ():
        if part.endswith(w) and len(part) > len(w) + 1:
            part, scribe = part[: -len(w)].strip(), True
            break
    entries: list[tuple[str, list[str]]] = []  # (name, the tags after it)
    prefix_tags: list[str] = []
    units: list[str] = []
    part = _SPACED_DIGITS.sub("", part)  # 138 0013 8000: one phone number, not three names
    tokens = _one_name_spaced(_join_unit_name(_join_latin(_join_alignment(_scribe_apart(part.split(), words))), words), words)
    pending = False  # a 执笔 written alone before any name: of the name after it
    for k, token in enumerate(tokens):
        token, says_scribe = _without_scribe(token, words)  # 民革县委 执笔:张三, 王芳 陈刚执笔
        if says_scribe and not token:  # 王芳 陈刚 执笔: of the name before it
            scribes.update([entries[-1][0]] if entries else [])
            pending = pending or not entries
            continue
        if _about_the_person(token) and entries:  # 李四 男, 李四 汉族 45岁
            entries[-1][1].append(token)
            continue
        if token in words.honorifics or (token in words.roles or token in words.posts or _placed_role(token, words)) \
                and entries and not prefix_tags:
            if entries:  # 王五 同志, 王五 委员, 李四 副局长: a word after the name, about it
                entries[-1][1].append(token)
                continue
        if (token in words.affiliations or token in words.roles or token in words.posts
                or k + 1 < len(tokens) and _placed_role(token, words)):
            prefix_tags.append(token)  # 民革 许文博, 政协委员 张三, 县政协委员 刘某某: a tag of the name after it
            continue
        if _CONTACT.fullmatch(token):  # 张三 13800138000: the name's contact, not a name
            (entries[-1][1] if entries else prefix_tags).append(token)
            continue
        name, tag = words.suffix_tag(token) if not _DASHES.search(token) else (token, "")  # 王五同志, 王五委员
        if not tag:
            name, tag = words.prefix_tag(token)  # 委员马骏, 信息员:高峰
        if not tag and (split := words.role_and_name(token)):
            name, tag = split  # 县政协委员张三
        elif not tag and (post := words.post_and_name(token)):
            name, tag = post[2], post[1]  # 县政协副主席张三, 民革县委主委李四 (of 民革县委)
            units += [post[0]] if post[0] else []
        elif not tag and (split := words.name_and_unit(token) or words.unit_and_name(token) or words.labelled(token)):
            units += [split[0]] if split[0] else []  # 民革县委张伟, 张伟——民革县委: 张伟 of 民革县委
            name, tag = split[1], split[2]  # 民进县委会员赵六: 会员 is about 赵六; 组长:张三
        entries.append((name, [tag] if tag else []))
        if says_scribe or pending:
            scribes.add(name)
            pending = False
    if not entries:
        # A part that is only a tag (民革) names no author; keep it as what it says.
        entries, prefix_tags = [(t, []) for t in prefix_tags[-1:]], prefix_tags[:-1]
    if len(entries) > 1 and any(not words.is_unit(n) for n, _ in entries):
        # 民革县委 张伟, 张伟 民革县委: a unit written beside people's names is their unit.
        units += [n for n, _ in entries if words.is_unit(n)]
        entries = [e for e in entries if not words.is_unit(e[0])]
    entries, tags = _bracketed(entries, tags, units, words)
    scribe = scribe or bool(scribes) and len(entries) == 1  # 民革县委 执笔:张三: 张三 alone is left
    authors = [Author(n, author_key(n), "、".join([*prefix_tags, *tags, *after]), scribe or n in scribes)
               for n, after in entries]
    return authors, "、".join(units)


def _placed_role(token: str, words: AuthorWords) -> bool:
    """A role with the body or place it is held in (县政协委员, 市政协特邀信息员, 示例县政协委员): as 县政协委员张三
    is written together."""
    for role in words.roles:
        rest = token[: -len(role)] if token.endswith(role) else ""
        if rest and (words.is_unit(rest) or len(rest) <= 4 and rest[-1] in "省市县区州旗盟镇乡"):
            return True
    return False


def _bracketed(entries: list[tuple[str, list[str]]], tags: list[str], units: list[str], words: AuthorWords):
    """What a bracket after the names says of them: about the person (张三(县政协委员), 张三(13800138000)),
    their unit (张伟(民革县委), added to ``units``), a unit and a post (张三(县教育局副局长): of 县教育局, as
    县教育局副局长张三 is), or the person after a unit (城关镇政协工委(刘洋)). Returns (entries, tags)."""
    tags = list(tags)
    for t in list(tags):
        unit, post = words.suffix_tag(t)
        people = all(not words.is_unit(n) for n, _ in entries)
        # 界别召集人 is a post whole, not the unit 界别 and the post 召集人.
        if post in words.posts and t not in words.posts and unit != t and len(unit) >= 2 and words.is_unit(unit) and people:
            units.append(unit)
            tags[tags.index(t)] = post
        elif t in words.roles or t in words.posts or post or _CONTACT.fullmatch(t):  # 副主委: a post, not a unit (…委)
            continue
        elif t not in words.affiliations and words.is_unit(t) and people:
            units.append(t)
            tags.remove(t)
        elif words.is_person_name(t) and t not in CONTRIBUTIONS and all(words.is_unit(n) for n, _ in entries) and entries:
            units += [n for n, _ in entries]
            entries = [(t, [])]
            tags.remove(t)
    return entries, tags


def _scribe_brackets_kept(part: str, words: AuthorWords) -> str:
    """A bracket that says only 执笔 (``王芳 陈刚(执笔)``, ``陈刚（执笔人） 王芳``) written as the word after the
    name it follows (``陈刚执笔``), so that of several names in a part it marks its own, not all of them."""
    def kept(m: re.Match) -> str:
        inner, says_scribe = _without_scribe(m[1].strip(), words)
        return f"{m[1].strip()} " if says_scribe and not inner.strip(":： ") else m[0]
    return _BRACKET.sub(kept, part)


def _scribe_apart(tokens: list[str], words: AuthorWords) -> list[str]:
    """A 执笔 written after a name (``陈刚执笔``, ``陈刚(执笔)`` as ``_scribe_brackets_kept`` leaves it) as a token of its
    own after that name, so that a name typed with a space in it is joined whole first (``欧阳 修执笔``, ``欧阳 修（执笔）``,
    ``张 三丰(执笔)``: 欧阳修 and 张三丰, the 执笔; never 欧阳 and 修)."""
    out: list[str] = []
    for token in tokens:
        w = next((w for w in sorted(words.scribe, key=len, reverse=True) if token.endswith(w) and len(token) > len(w)), "")
        out += [token[: -len(w)], w] if w else [token]
    return out


def _without_scribe(text: str, words: AuthorWords) -> tuple[str, bool]:
    """``执笔:张三``, ``执笔人张三``, ``张三执笔``, ``执笔`` → (the rest, True); any other text → (it, False)."""
    for w in words.scribe:
        if text.startswith(w):
            return text[len(w):].lstrip(":： "), True
        if text.endswith(w):
            return text[: -len(w)].rstrip(":： "), True
    return text, False


def _join_alignment(tokens: list[str]) -> list[str]:
    """Single CJK characters separated by spaces are one name (``张  三``), and so is a compound
    surname with the given name after it (``欧阳 明月``), and one character beside a two-character
    part (``张 三丰``, ``张三 丰``: no name is one character; they were two people, 张 and 三丰)."""
    if len(tokens) <= 1:
        return tokens
    out: list[str] = []
    pending = ""
    for tok in tokens:
        if len(tok) == 1 and _CJK.match(tok):
            pending += tok
            continue
        if ((pending in COMPOUND_SURNAMES or len(pending) == 1 and pending not in GENDER_WORDS)
                and _CJK.match(tok) and len(tok) <= 2):
            out.append(pending + tok)  # 欧 阳 明月, 欧阳 明月, 张 三丰
            pending = ""
            continue
        if tok in COMPOUND_SURNAMES:
            if pending:
                out.append(pending)
            pending = tok
            continue
        if pending:
            out.extend(_lone_joined(out, pending))
            pending = ""
        out.append(tok)
    if pending:
        out.extend(_lone_joined(out, pending))
    return out


def _lone_joined(out: list[str], pending: str) -> list[str]:
    """The names of single characters written apart, a lone one joined to a two-character name just
    before it (``张三 丰`` is 张三丰)."""
    if len(pending) == 1 and pending not in GENDER_WORDS and out and len(out[-1]) == 2 and _CJK.match(out[-1]):
        out[-1] += pending
        return []
    return _spaced_names(pending)


def _spaced_names(run: str) -> list[str]:
    """Single characters written apart: one name of up to three (张 三 丰); four are two names
    (王 伟 李 娜), unless a compound surname starts them (欧 阳 明 月)."""
    if len(run) == 4 and run[:2] not in COMPOUND_SURNAMES:
        return [run[:2], run[2:]]
    return [run]


def is_variant_spelling(a: str, b: str) -> bool:
    """Two ways of writing one name (``·`` against ``•``): same key, different text."""
    return a != b and name_key(a) == name_key(b)
