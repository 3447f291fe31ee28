"""Chinese as staff write it: numerals, dates, percentages, punctuation, display width, places.

One module, so every output (Word, Excel, HTML, CSV, the terminal) says a figure, a date or a
place the same way. The rules it follows:

- **One rounding rule**: round half up (四舍五入) on the decimal value, never binary floats'
  round-half-even. 88/278 = 31.65…% is "31.7%" everywhere (:func:`percent`).
- **GB/T 15834-2011 punctuation** in Chinese text: full-width comma, colon, semicolon, question
  and exclamation marks and parentheses; a range takes the 一字线 "—" ("1—9月").
- **Numbers as people write them**: "52.5%", "85%" (no ".0"), whole counts without decimals.
- **Display width**: CJK and full-width characters take two columns (terminal, Excel widths).
- **Places** in a ledger as staff find them: ``报送台账.xlsx!二季度!第17行``.

Pure Python (no pandas): the command line imports it without the data stack.
"""
from __future__ import annotations

import datetime as dt
import errno as _errno
import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import PurePath, PureWindowsPath

_ZH_DIGITS = "零一二三四五六七八九"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
DASH = "—"  # 一字线: ranges of time and place (GB/T 15834 4.13)


# ---------------------------------------------------------------- characters

# Characters the 通用规范汉字表 (2013) keeps as standard in names, though OpenCC folds them: 甯静 is no 宁静,
# 王昇 no 王升, 李甦 no 李苏, 赵孟頫 keeps his 頫.
_STANDARD_IN_NAMES = frozenset("甯昇陞甦脩頫")


@cache
def _traditional() -> dict[int, str]:
    """Each traditional-only character → its simplified form (縣 → 县, 張 → 张, 採 → 采), from OpenCC's
    character table (the ``opencc-python-reimplemented`` package). One that is a simplified character
    too (乾, 於, 瞭: OpenCC lists it among its own forms) is left as written: 王乾 is no 王干."""
    table = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    fold = {}
    for line in table.splitlines():
        char, _, forms = line.partition("\t")
        forms = forms.split()
        if len(char) == 1 and forms and len(forms[0]) == 1 and char not in forms and char not in _STANDARD_IN_NAMES:
            fold[ord(char)] = forms[0]
    return fold


@cache
def _traditional_chars() -> frozenset[str]:
    return frozenset(map(chr, _traditional()))


def simplified(text: str) -> str:
    """``text`` with its traditional characters as their simplified forms (民革青山縣委 → 民革青山县委,
    市政協採用 → 市政协采用): a unit, a person, a mark written with a traditional-character IME is the
    one written in simplified characters. Text with none (nearly all) is returned as it is."""
    chars = _traditional_chars()
    return text if chars.isdisjoint(text) else text.translate(_traditional())


# ---------------------------------------------------------------- numbers

def blank(value) -> bool:
    """Missing: None, NaN, NaT, pandas' NA, or text of spaces only."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN, NaT and pd.NA are not equal to themselves
    except (TypeError, ValueError):  # pd.NA's comparison is NA, whose truth is an error
        return True


def round_half_up(value, places: int = 0) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, via its shortest decimal form (0.3165 → 0.317)."""
    try:
        d = value if isinstance(value, Decimal) else Decimal(repr(float(value)) if isinstance(value, float) else str(value))
    except InvalidOperation:
        raise ValueError(f"不是数字:{value!r}") from None
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value, places: int = 2, keep_zeros: bool = False) -> str:
    """A number as people write it: ``12``, ``2.5``, ``1.33`` (at most ``places`` decimals, trailing zeros
    dropped unless ``keep_zeros``); "" when missing."""
    if blank(value):
        return ""
    d = round_half_up(value, places)
    if keep_zeros:
        return f"{d:.{places}f}"
    text = f"{d:.{places}f}".rstrip("0").rstrip(".") if places else f"{d:.0f}"
    return "0" if text in ("-0", "") else text


def percent_value(ratio, places: int = 1) -> float | None:
    """The ratio rounded as :func:`percent` shows it (0.31655 → 0.317), for a spreadsheet cell that
    must show the same digits; None when missing."""
    if blank(ratio):
        return None
    return float(round_half_up(Decimal(repr(float(ratio))) * 100, places) / 100)


def percent(ratio, places: int = 1, missing: str = "—", keep_zeros: bool = False) -> str:
    """``0.3165`` → ``31.7%``, ``0.85`` → ``85%`` in prose (``85.0%`` with ``keep_zeros``, as a table
    column shows it), ``1.9167`` → ``191.7%``; ``missing`` when blank."""
    if blank(ratio):
        return missing
    return number(Decimal(repr(float(ratio))) * 100, places, keep_zeros) + "%"


def zh_number(n: int) -> str:
    """Chinese numeral for 1–99: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一."""
    if not 1 <= n <= 99:
        raise ValueError(f"只支持1—99的序号,实为{n}")
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _ZH_DIGITS[tens]) + "十" if tens else "") + (_ZH_DIGITS[ones] if ones else "")


# The numerals and their capital forms (大写: 壹贰叁…拾佰仟, as amounts of money are written).
_ZH_VALUES = {ch: k for k, chars in enumerate(("", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"))
              for ch in chars}
_ZH_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def zh_count(text: str) -> int | None:
    """A count written in Chinese numerals as staff write one: 三 → 3, 十二 → 12, 二十 → 20, 两百 → 200,
    一百零五 → 105, 贰佰伍拾 → 250; None for anything else (二三, 十十, 百)."""
    total, digit, above = 0, None, 10_000
    for ch in text:
        if ch in "零〇○":
            if digit is not None:
                return None
            continue
        if ch in _ZH_VALUES:
            if digit is not None:
                return None
            digit = _ZH_VALUES[ch]
            continue
        unit = _ZH_UNITS.get(ch)
        if unit is None or unit >= above or digit is None and (unit != 10 or total):
            return None
        total, digit, above = total + (1 if digit is None else digit) * unit, None, unit
    return total + (digit or 0) if text else None


def ordinal(n: int) -> str:
    """第一, 第二 …: a place in a ranking."""
    return f"第{zh_number(n)}"


def change(n: int, unit: str) -> str:
    """``增加32条``, ``减少3件``, ``持平``."""
    if n == 0:
        return "持平"
    return f"{'增加' if n > 0 else '减少'}{abs(int(n))}{unit}"


# ---------------------------------------------------------------- dates and spans

def as_date(value) -> dt.date | None:
    """A date from a date, datetime or pandas Timestamp; None when missing."""
    if blank(value):
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def zh_date(value) -> str:
    """``2025年10月8日`` (GB/T 9704 成文日期: Arabic numerals, no leading zeros); "" when missing."""
    d = as_date(value)
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def month_day(value) -> str:
    """``10月8日`` (within a year already named); "" when missing."""
    d = as_date(value)
    return f"{d.month}月{d.day}日" if d else ""


def iso_date(value) -> str:
    """``2025-10-08`` for a CSV or a terminal; "" when missing."""
    d = as_date(value)
    return d.isoformat() if d else ""


def terms(spans) -> str:
    """``2025-01-01至2025-03-31、2025-07-01起``: times in post, each (start, end), None open."""
    def one(start, end):
        start, end = iso_date(start), iso_date(end)
        return f"{start}至{end}" if start and end else f"{start}起" if start else f"至{end}" if end else "一直在任"
    return "、".join(one(s, e) for s, e in spans)


def months(numbers) -> str:
    """``5月、11月``: months of one year, listed; "" for none."""
    return "、".join(f"{int(m)}月" for m in numbers)


def month_span(first: int, last: int) -> str:
    """``1—9月``, ``12月``: months of one year, with the 一字线 of GB/T 15834."""
    return f"{first}月" if first == last else f"{first}{DASH}{last}月"


# ---------------------------------------------------------------- punctuation

def punctuate(text: str) -> str:
    """GB/T 15834 punctuation in Chinese text: ASCII , : ; ? ! and () become full width.

    Text without Chinese is left alone; commas and colons between digits (1,000 and 10:30) and
    decimal points stay; parentheses become full width when they enclose or follow Chinese; an
    en dash or a hyphen between two numbers followed by 月/日/年 becomes the 一字线.
    """
    if not _CJK.search(text):
        return text
    text = re.sub(r"(?<!\d),|,(?!\d)", "，", text)
    text = re.sub(r"(?<!\d):|:(?!\d)", "：", text)
    text = text.translate(str.maketrans({";": "；", "?": "？", "!": "！"}))
    text = re.sub(r"([，；：？！]) +", r"\1", text)
    text = re.sub(r"(\d)[–~～](\d+[年月日])", rf"\1{DASH}\2", text)

    def paren(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        return f"（{m.group(1)}）" if _CJK.search(m.group(1) + before) else m.group(0)

    return re.sub(r"\(([^()]*)\)", paren, text)


def sentence(text: str) -> str:
    """``text`` ending in a full stop (。), unless it ends in other closing punctuation already."""
    text = text.rstrip()
    return text if not text or text[-1] in "。！？：；…" else text + "。"


def joined(names, sep: str = "、") -> str:
    """Names listed the Chinese way: ``甲、乙、丙``."""
    return sep.join(str(n) for n in names)


# ---------------------------------------------------------------- width and places

def char_width(ch: str) -> int:
    """Columns a character takes on a terminal or in an Excel column: 2 for wide and full-width."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text) -> int:
    """Columns ``text`` takes (``报送`` is 4, ``12`` is 2)."""
    return sum(char_width(ch) for ch in str(text))


def pad(text, width: int, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` display columns (``align`` left or right)."""
    text = str(text)
    gap = " " * max(0, width - display_width(text))
    return gap + text if align == "right" else text + gap


def column_letter(index: int) -> str:
    """Excel's letters for a 0-based column index: 0 → A, 26 → AA."""
    if index < 0:
        raise ValueError(f"列号不能为负数:{index}")
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def file_name(path) -> str:
    """The file's own name, whether the path was written with / or \\."""
    text = str(path)
    return (PureWindowsPath(text) if "\\" in text else PurePath(text)).name


def place(file, sheet, row) -> str:
    """Where a row is, as staff look it up: ``报送台账.xlsx!二季度!第17行``."""
    parts = [file_name(file)] if not blank(file) else []
    if not blank(sheet):
        parts.append(str(sheet))
    if not blank(row):
        parts.append(f"第{int(row)}行")
    return "!".join(parts)


# How an office's place name ends (the longer ending first: 自治区 before 区), the area it speaks for
# (全区) and the level word of its own leaders and bulletin in its own documents (区级: 区长's 批示 in a
# 区's circular; 地区 offices write their tier's word, 地区级 being no common word).
_AREAS = (("自治区", "全区", "自治区级"), ("地区", "全地区", ""), ("州", "全州", "州级"), ("盟", "全盟", "盟级"),
          ("省", "全省", "省级"), ("市", "全市", "市级"), ("县", "全县", "县级"), ("区", "全区", "区级"), ("旗", "全旗", "旗级"))


def _ending(place: str) -> tuple[str, str, str]:
    text = "".join(str(place or "").split())
    return next((row for row in _AREAS if text.endswith(row[0])), ("", "", ""))


def area(place: str) -> str:
    """The area an office speaks for, from its place: 恩施州 (恩施土家族苗族自治州) → 全州, 锡林郭勒盟 →
    全盟, 大兴安岭地区 → 全地区, 潍坊市 / 利川市 / 北京市 → 全市, 东山县 → 全县, 清江区 → 全区, 巴林右旗 →
    全旗, 湖北省 → 全省, 内蒙古自治区 → 全区; "" when the place does not say."""
    return _ending(place)[1]


def level_word(place: str) -> str:
    """The level word an office's own documents give its own level, from its place: 南岭区 → 区级,
    东山县 → 县级, 恩施州 → 州级, 潍坊市 / 利川市 → 市级; "" when the place does not say (or is a 地区)."""
    return _ending(place)[2]


# ---------------------------------------------------------------- text that must stay text

def neutralised(text: str) -> str:
    """Text a spreadsheet will not run: a value starting ``= + - @``, tab or CR gets a leading
    apostrophe (the OWASP rule for CSV), so ``=HYPERLINK(…)`` pasted into Excel stays text."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def ceil_div(a: int, b: int) -> int:
    """a / b rounded up (pages, lines)."""
    return math.ceil(a / b) if b else 0


# What the operating system said, in words staff act on: the error numbers a run meets writing outputs.
_LOCKED = "没有权限(文件夹只读,或文件正在 Excel/WPS 中打开:请关闭后重新运行)"
_OS_ERRORS = {28: "磁盘空间不足,请清理磁盘后重新运行", 13: _LOCKED, 1: _LOCKED,
              30: "所在磁盘只读", 2: "文件或文件夹不存在", 36: "文件名过长", 122: "磁盘配额已满,请清理后重新运行",
              17: "已有同名文件,无法建立文件夹;请另选输出文件夹", 20: "路径中有一段是文件而不是文件夹;请另选输出位置",
              21: "这是一个文件夹,不能作为输出文件;请写明输出文件名"}


def os_error(errno: int | None, filename=None) -> str | None:
    """An OS error (``errno``) as one Chinese line naming ``filename``; None for an error not listed."""
    said = _OS_ERRORS.get(errno or -1)
    if said is None:
        return None
    return f"{said}({filename})" if filename else said


# What the operating system said opening a ledger to read it, in words staff act on (never its English
# strerror: "Too many levels of symbolic links" tells a clerk nothing).
_READ_ERRORS = {13: "没有读取权限(请检查文件的权限或安全设置,或文件正被其他程序独占打开)", 1: "没有读取权限(请检查文件的权限或安全设置)",
                40: "快捷方式(符号链接)循环指向自身,找不到真正的文件;请删除该链接或改为指向实际的台账",
                2: "快捷方式(符号链接)指向的文件不存在;请删除该链接或改为指向实际的台账",
                5: "磁盘读取出错(磁盘或网络共享故障),请复制到本地后重试", 36: "文件名或路径过长,请缩短后重试",
                16: "文件正被其他程序占用,请关闭后重试", 26: "文件正被其他程序占用,请关闭后重试",
                21: "这是文件夹,不是工作簿文件", 20: "路径中有一段是文件而不是文件夹"}


def read_error(exc: OSError) -> str:
    """Why a file could not be opened for reading, in Chinese: the words for the error's number, else
    its symbolic name (EIO, ESTALE) beside a plain sentence; never the system's English text."""
    said = _READ_ERRORS.get(exc.errno or -1)
    if said is not None:
        return said
    name = _errno.errorcode.get(exc.errno or -1)
    return f"操作系统拒绝打开该文件(错误代码 {name}),请复制到本地文件夹后重试" if name else "操作系统拒绝打开该文件,请复制到本地文件夹后重试"


def shell_word(text: str) -> str:
    """A path as one word of a command staff copy into a terminal (bash, cmd.exe, PowerShell alike):
    in double quotes when it holds a space or a character a shell treats apart (办公室 2026)."""
    return f'"{text}"' if any(c.isspace() or c in "&|;<>()$`'^%!" for c in text) else text


# Compound surnames written apart from the given name (欧阳 明月): one name, not two.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "公孙",
    "端木", "独孤", "南宫", "西门", "申屠", "轩辕", "呼延", "澹台", "公冶", "太史", "闻人", "万俟", "钟离", "赫连",
))


# The commonest single surnames (about 85% of people), to tell a person's name from a short word where no
# rule decides (单位 钱七 beside 作者 县卫健局: the columns swapped; 单位 机关, 县直, 企业: not a person).
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈"
    "钟姜崔谭陆范汪廖石韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃钱戴严欧莫孔向汤康易乔"
    "赖施洪辛柯庄牛葛季池伍温耿关兰殷岳鲁齐翟祝颜倪")


@cache
def _numbered_unit_re(endings: tuple[str, ...]) -> re.Pattern:
    ends = "|".join(map(re.escape, sorted(endings, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"(?P<pre>(?P<before>[\u3400-\u9fff]*?)[省市县区州旗盟镇乡]|[\u3400-\u9fff]{{2,}})"
                      rf"第?[一二三四五六七八九十0-9]{{1,3}}(?:{ends})")


def numbered_unit_kind(name: str, endings: tuple[str, ...], places: tuple[str, ...] = ()) -> str:
    """A school's short name (rules ``unit_name_numbered``: the ``endings``): a place (县, 市, 城关镇) or a name of two
    characters (实验, 城关), an ordinal (一, 第二, 3), then an ending (中, 小, 幼): ``unit`` (县一中, 市第二中, 城关二小,
    实验一小, and the office's own ``places``: 示例县一中); ``ambiguous`` when a person's name may stand glued before
    it, the text before the place or the ordinal starting with a surname (赵六县一中: 赵六 of 县一中, or a school of a
    赵六县? 黄石市二中, 欧阳一中); '' for anything else, one character before the ordinal being a person's name (张一中,
    王二小, 李建中)."""
    m = _numbered_unit_re(endings).fullmatch(name) if endings else None
    if not m:
        return ""
    before = m["before"] if m["before"] is not None else m["pre"]
    if not before or m["pre"] in places:
        return "unit"
    return "ambiguous" if before[0] in COMMON_SURNAMES or before[:2] in COMPOUND_SURNAMES else "unit"
