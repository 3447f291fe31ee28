"""Seeded synthetic ledgers (台账): the demo office and a province-scale archive.

Everything here is deterministic for a given seed (``random.Random`` only, no
set iteration, fixed workbook properties), so the demo files are byte-stable
and tests can compare cell values between two runs.

* :func:`write_demo_office` writes 示例县政协 (a county office) for one year and
  the year before, in every ledger shape of domain.md §3, with a handful of
  deliberate mistakes that validation must catch, listed in the returned dict
  and in the README it writes beside the workbooks.
* :func:`write_archive` writes one workbook per subordinate office for
  benchmarks (about 200,000 items by default), streaming with xlsxwriter's
  ``constant_memory`` mode and one process per CPU.

The ledgers imitate how staff keep them: a merged title row, a 填报单位 line,
one- or two-level headers with merged cells, month separator and 小计 rows,
dates in many forms, several authors in one cell, merged 单位 cells, a 序号
formula with its cached value, and a genuine BIFF8 ``.xls`` from the WPS era.
"""
from __future__ import annotations

import calendar
import contextlib
import itertools
import json
import os
import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator, Sequence

import xlsxwriter
import xlwt
from xlsxwriter.utility import xl_col_to_name

from sqmy_lib.iorw import atomic_path, write_text

__all__ = ["write_demo_office", "write_archive", "MISTAKE_CODES"]

# --------------------------------------------------------------------------- vocabulary

TIERS = ("县级", "市级", "省级", "全国")
QUARTERS = ("一季度", "二季度", "三季度", "四季度")
MONTHS_CN = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
EXCEL_EPOCH = date(1899, 12, 30)
CREATED = datetime(2026, 1, 1)  # fixed workbook property: byte-stable output

MISTAKE_CODES = (
    "date.unparseable", "date.future", "title.missing", "author.missing", "item.duplicate_no",
    "adoption.no_item", "adoption.before_item", "roster.unknown_person", "category.unknown",
)
# Mistakes that make their row an error (left out of every figure); the others are warnings.
ERROR_CODES = ("date.unparseable", "date.future", "title.missing", "author.missing", "item.duplicate_no",
               "adoption.no_item", "adoption.before_item")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜"
            "叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万覃武戴孔汤")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红玲芬燕彬斌建志宏海波鹏辉晓东晨阳雪梅琳丹宁欣怡浩宇佳慧俊峰婷嘉文博瑞睿思雨凯"
UNKNOWN_PERSON = "欧阳晓峰"  # a compound surname the name generator never produces

# Canonical category -> topics (problem statements) for titles.
TOPICS = {
    "经济": ("中小企业融资难", "个体工商户经营困难", "工业园区用地紧张", "企业审批流程繁琐", "民营企业招工难",
             "农村电商物流成本高", "招商项目落地慢", "县域商业网点布局不合理"),
    "政治": ("基层党组织软弱涣散", "村干部队伍老化", "基层负担过重"),
    "文化": ("乡村文化礼堂利用率低", "非遗技艺传承断档", "景区配套设施不足", "古村落保护不力", "公共图书馆开放时间短"),
    "社会": ("农村养老服务短缺", "留守儿童关爱缺位", "老旧小区加装电梯难", "外卖骑手权益保障不足", "独居老人安全隐患",
             "困难群众救助不及时", "社区物业管理混乱"),
    "生态": ("河道垃圾清理不及时", "农村生活污水直排", "秸秆焚烧屡禁不止", "废弃矿山生态修复滞后", "畜禽养殖污染"),
    "教育": ("乡村教师流失", "课后托管服务不足", "学生近视率上升", "职业教育与产业脱节", "校外培训监管不到位", "县城学校大班额"),
    "卫生": ("乡镇卫生院人才短缺", "村卫生室运行困难", "医保异地结算不便", "基层心理健康服务缺乏", "慢性病管理不到位"),
    "三农": ("高标准农田管护缺位", "耕地撂荒", "农村土地流转不规范", "种粮收益偏低", "村级集体经济薄弱", "农机社会化服务不足"),
    "法治": ("电信网络诈骗多发", "农村道路交通安全隐患", "校园周边食品安全", "邻里矛盾纠纷调解难", "未成年人沉迷网络"),
    "城建": ("县城停车难", "农村公路养护不到位", "城区内涝", "公交线路覆盖不足", "背街小巷路面破损", "新能源汽车充电桩不足"),
    "其他": ("政务热线回应不及时", "志愿服务激励不足"),
}
CATEGORY_WEIGHTS = (14, 3, 7, 18, 9, 11, 10, 12, 7, 9, 2)  # in TOPICS order
# Other spellings staff use; every one is an alias in the shipped rules file.
CATEGORY_SPELLINGS = {
    "经济": ("经济建设", "营商环境"), "政治": ("党建",), "文化": ("文旅", "文化建设"),
    "社会": ("民生", "社会治理", "社会民生"), "生态": ("生态环境", "环保"), "教育": ("教育科技",),
    "卫生": ("医疗卫生", "卫生健康"), "三农": ("乡村振兴", "农业农村"), "法治": ("法治建设", "安全"),
    "城建": ("城乡建设", "交通"), "其他": ("其它",),
}
TITLE_TEMPLATES = (
    "关于解决{topic}问题的建议", "关于{topic}的调查与建议", "对{topic}问题的几点建议",
    "{place}{topic}问题亟待重视", "{place}群众反映{topic}问题", "关于{place}{topic}情况的反映",
    "{place}{topic}现象值得关注", "关于进一步解决{place}{topic}问题的建议",
)
PLACES = ("城关镇", "青山镇", "河口镇", "东城街道", "我县", "部分乡镇", "山区村", "城郊结合部", "县城", "老城区",
          "新城区", "库区移民村", "偏远山村", "部分社区", "中心镇", "沿河村庄", "城乡结合部")
GHOST_TITLE = "关于规范城区夜市经营秩序的建议"  # the adoption row that matches no item

# Adopting bodies and their issue numbering, by tier; every body maps to its tier by the rules' words.
BODIES = {
    "县级": (("县政协《社情民意》", "第{n}期"),),
    "市级": (("市政协社情民意信息", "{y}年第{n}期"), ("市政协《社情民意》", "{y}年第{n}期"), ("市委办《每日要情》", "第{n}期")),
    "省级": (("省政协《社情民意》", "{y}年第{n}期"), ("省政协《社情民意专报》", "第{n}期")),
    "全国": (("全国政协《政协信息专报》", ""), ("全国政协办公厅《社情民意信息》", "第{n}期")),
}
ROUTED_BODY = "转送县民政局"  # a 转送 to a department 研究办理 (L63): counted apart, not an adoption tier
PARTY_BODY = "民盟市委《盟讯》"  # a party's own product: its own channel, not paid as a 政协 tier
TIER_CHANNELS = ("政协", "党委政府")  # channels the rules count in the tier statistics
FORWARD_MARKS = ("已报送", "报送", "已上报")
LAG_DAYS = {"县级": (2, 20), "市级": (3, 30), "省级": (7, 45), "全国": (10, 60)}
LEADERS = {
    "县级": ("县委书记王某某", "县长刘某", "副县长陈某某"),
    "市级": ("市委书记周某", "副市长李某", "市长吴某某"),
    "省级": ("省委常委张某", "副省长郑某"),
    "全国": ("省委常委张某", "副省长郑某"),
}
INSTRUCTION_WEIGHT = {"县级": 1, "市级": 4, "省级": 12, "全国": 12}
INSTRUCTION_TEXTS = ("请县民政局研究办理", "请相关部门认真研究,提出解决措施", "反映的问题很重要,请抓紧落实",
                     "请分管领导牵头研究解决", "此件很好,请有关部门参阅")
FOLLOW_UPS = (("已落实,问题得到解决", 4), ("已落实,相关部门已出台整改措施", 2), ("正在办理", 3),
              ("已转县住建局办理", 1), ("", 2))

# Date forms: real dates in three number formats, serial numbers, and text.
REAL_DATE_FORMS = ("date", "date_cn", "date_slash")
DateMix = Sequence[tuple[str, float]]
COMBINED_MIX: DateMix = (("date", 40), ("date_cn", 10), ("date_slash", 5), ("serial", 10), ("dot", 7),
                         ("dash", 7), ("slash", 7), ("cn", 7), ("md", 7))
REGISTER_MIX: DateMix = (("date", 80), ("dash", 10), ("slash", 10))
ADOPTION_MIX: DateMix = (("date", 80), ("cn", 20))
TEXT_MIX: DateMix = (("dot", 30), ("cn", 30), ("slash", 20), ("dash", 20))
PREV_MIX: DateMix = (("date", 60), ("serial", 10), ("dot", 10), ("cn", 10), ("md", 10))
ARCHIVE_MIX: DateMix = (("date", 80), ("date_cn", 5), ("serial", 3), ("dot", 3), ("dash", 3), ("slash", 3),
                        ("cn", 2), ("md", 1))
ARCHIVE_REGISTER_MIX: DateMix = (("date", 85), ("serial", 3), ("dash", 6), ("slash", 6))

# --------------------------------------------------------------------------- demo office

DEMO_OFFICE = "示例县政协"
DEMO_UNITS = (
    ("城关镇政协工委", "镇街政协工委"), ("河口镇政协工委", "镇街政协工委"),
    ("青山镇政协工委", "镇街政协工委"), ("东城街道政协工委", "镇街政协工委"),
    ("民盟县委", "民主党派"), ("民建县委", "民主党派"), ("九三学社县委", "民主党派"),
    ("经济界别组", "界别组"), ("教科卫体界别组", "界别组"), ("县工商联", "工商联"),
)
SILENT_UNIT = "河口镇政协工委"  # no submissions at all in the demo year
# 界别, number of members, unit (None: spread over the township committees).
DEMO_MEMBERS = (
    ("民盟", 5, "民盟县委"), ("民建", 4, "民建县委"), ("九三学社", 3, "九三学社县委"),
    ("经济界", 4, "经济界别组"), ("农业界", 3, "经济界别组"), ("教育界", 3, "教科卫体界别组"),
    ("医卫界", 3, "教科卫体界别组"), ("科技界", 1, "教科卫体界别组"), ("文化艺术界", 2, "教科卫体界别组"),
    ("工商联", 4, "县工商联"), ("中共", 4, None), ("共青团", 1, None), ("无党派人士", 2, None),
    ("社会福利和社会保障界", 1, None),
)
# Unit, role, appointment (years relative to the demo year, month): three are appointed during the year.
DEMO_INFORMANTS = (
    ("城关镇政协工委", "信息员", (-3, 3)), ("城关镇政协工委", "信息员", (-2, 3)), ("城关镇政协工委", "信息员", (-1, 9)),
    ("青山镇政协工委", "信息员", (-2, 3)), ("青山镇政协工委", "信息员", (-1, 3)), ("青山镇政协工委", "信息员", (0, 7)),
    ("东城街道政协工委", "信息员", (-2, 3)), ("东城街道政协工委", "信息员", (-1, 5)), ("东城街道政协工委", "信息员", (0, 4)),
    ("河口镇政协工委", "信息员", (-1, 3)), ("民盟县委", "特邀信息员", (-2, 6)), ("民建县委", "特邀信息员", (0, 7)),
    ("九三学社县委", "特邀信息员", (-3, 6)), ("经济界别组", "特邀信息员", (-1, 6)), ("县工商联", "特邀信息员", (-2, 6)),
)
MEMBER_YEARLY = (0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8)  # 委员: items a year, drawn per member
INFORMANT_MONTHLY = ((0, 1, 2, 3), (12, 55, 26, 7))          # 信息员: items a month, and weights
DEMO_TARGETS = {"县级": 90, "市级": 28, "省级": 10, "全国": 2}
PREV_TARGETS = {"县级": 58, "市级": 18, "省级": 6, "全国": 1}

# Which ledger each unit's items are kept in (the rest: the office's combined ledger).
UNIT_LEDGER = {"民盟县委": "unit", "经济界别组": "register", "教科卫体界别组": "register", "县工商联": "register"}
FILL_DATES = ((4, 3), (7, 3), (10, 9), (12, 31))  # 填表日期 of each quarter sheet
COMBINED_NOTES = (
    "注:1.采用情况栏填“√”、期号或采用日期;2.联名信息请列明全部作者;3.以单位名义报送的,作者栏填单位名称。",
    "填表人:李某某        审核人:王某某",
)


# --------------------------------------------------------------------------- model

@dataclass
class Unit:
    name: str
    kind: str  # unit type: a peer_groups key of the rules


@dataclass
class Person:
    name: str
    role: str  # 委员 / 信息员 / 特邀信息员
    unit: str
    sector: str = ""
    appointed: date | None = None


@dataclass(frozen=True)
class Fault:
    """A deliberate mistake: the cell shows ``value`` instead of the true value."""

    code: str
    value: object
    why: str


@dataclass
class Instruction:
    leader: str
    date: date
    content: str
    follow_up: str


@dataclass
class Adoption:
    tier: str | None
    date: date
    item: Item | None = None
    issue: int = 0
    body: str = ""
    issue_text: str = ""
    ref_no: str | None = None  # 编号 as a 采用台账 writes it; "" links by title only
    ref_title: str | None = None
    note: str = ""
    faults: dict[str, Fault] = field(default_factory=dict)
    routing: str = ""  # 专报 / 转报 / 转送: the office's products besides its bulletin
    channel: str = "政协"  # 政协 / 党委政府 / 民主党派统战 / 部门 (domain.md §8)


@dataclass
class Item:
    date: date
    title: str
    authors: list[str]
    author_text: str  # the 作者 cell as staff wrote it
    unit: str
    category: str  # as written: canonical name or an alias
    by_unit: bool = False
    no: str = ""
    note: str = ""
    quiet: bool = False  # kept free of adoptions (it takes part in a deliberate mistake)
    adoptions: list[Adoption] = field(default_factory=list)  # lowest tier first
    instruction: Instruction | None = None
    faults: dict[str, Fault] = field(default_factory=dict)
    forwards: list[str] = field(default_factory=list)  # tiers it was sent up to (上报) and not adopted at
    instruction_in_note: bool = False  # the 批示 written in 备注 ("获副县长陈某某批示"), not in its columns

    def adoption_at(self, tier: str) -> Adoption | None:
        return next((a for a in self.adoptions if a.tier == tier and a.channel in TIER_CHANNELS), None)


@dataclass(frozen=True)
class Col:
    """One ledger column: a field key, its header label and, for two-level headers, its group."""

    key: str
    label: str
    group: str | None = None
    width: int = 10


@dataclass(frozen=True)
class Formula:
    text: str
    value: object


@dataclass(frozen=True)
class RealDate:
    """A date that is always written as a real Excel date (never as text)."""

    d: date


@dataclass(frozen=True)
class TableStyle:
    month_rows: bool = False  # 一月份 separator row before each month
    subtotals: bool = False  # 小计 after each month, 合计 at the end
    seq_formula: bool = False  # 序号 typed in the first row, then =MAX(A$4:A9)+1 with its cached value
    merge_units: bool = False  # one merged 单位 cell over consecutive rows of one unit
    by_unit: bool = False  # rows grouped by unit within a month, as staff collect them


@dataclass
class Ctx:
    """What a sheet writer needs besides the rows: a random source, a date mix, the mistake log."""

    rng: random.Random
    date_mix: DateMix
    log: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._forms = [form for form, _ in self.date_mix]
        self._cum = list(itertools.accumulate(weight for _, weight in self.date_mix))

    def date_form(self) -> str:
        return self.rng.choices(self._forms, cum_weights=self._cum)[0]


# --------------------------------------------------------------------------- sheet adapters

def excel_serial(d: date) -> int:
    return (d - EXCEL_EPOCH).days


def date_text(d: date, form: str) -> str:
    """A date as staff type it: 2026.3.5, 2026-3-5, 2026/03/05, 2026年3月5日, 3月5日."""
    return {
        "dot": f"{d.year}.{d.month}.{d.day}",
        "dash": f"{d.year}-{d.month}-{d.day}",
        "slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "cn": f"{d.year}年{d.month}月{d.day}日",
        "md": f"{d.month}月{d.day}日",
    }[form]


def _xlsx_formats(wb) -> dict:
    base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
    cell = {**base, "border": 1}
    return {
        "title": wb.add_format({**base, "bold": True, "font_size": 16, "align": "center"}),
        "info": wb.add_format(base),
        "note": wb.add_format(base),
        "header": wb.add_format({**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}),
        "cell": wb.add_format(cell),
        "sep": wb.add_format({**cell, "bold": True, "bg_color": "#F2F2F2"}),
        "sum": wb.add_format({**cell, "bold": True}),
        "date": wb.add_format({**cell, "num_format": "yyyy-mm-dd"}),
        "date_cn": wb.add_format({**cell, "num_format": 'yyyy"年"m"月"d"日"'}),
        "date_slash": wb.add_format({**cell, "num_format": "yyyy/m/d"}),
    }


class XlsxSheet:
    """Writes cells of one xlsxwriter worksheet by style name; safe in ``constant_memory`` mode."""

    def __init__(self, ws, formats: dict, file: str, name: str, constant_memory: bool):
        self.ws, self.formats, self.file, self.name, self.cm = ws, formats, file, name, constant_memory

    def widths(self, cols: Sequence[Col]) -> None:
        for c, col in enumerate(cols):
            self.ws.set_column(c, c, col.width)

    def text(self, r: int, c: int, s: str, style: str = "cell") -> None:
        self.ws.write_string(r, c, s, self.formats[style])

    def number(self, r: int, c: int, x: float, style: str = "cell") -> None:
        self.ws.write_number(r, c, x, self.formats[style])

    def date(self, r: int, c: int, d: date, style: str = "date") -> None:
        self.ws.write_number(r, c, excel_serial(d), self.formats[style])

    def formula(self, r: int, c: int, f: str, value, style: str = "cell") -> None:
        self.ws.write_formula(r, c, f, self.formats[style], value)

    def merge(self, r1: int, c1: int, r2: int, c2: int, value: str, style: str = "cell") -> None:
        if not self.cm:
            self.ws.merge_range(r1, c1, r2, c2, value, self.formats[style])
            return
        # constant_memory: padding cells of later rows would flush the current row,
        # so register the range unformatted and write only its first cell.
        self.ws.merge_range(r1, c1, r2, c2, None)
        self.text(r1, c1, value, style)


class XlsxBook:
    def __init__(self, wb, file: str, constant_memory: bool):
        self.wb, self.file, self.cm = wb, file, constant_memory
        self.formats = _xlsx_formats(wb)

    def sheet(self, name: str) -> XlsxSheet:
        return XlsxSheet(self.wb.add_worksheet(name), self.formats, self.file, name, self.cm)


@contextlib.contextmanager
def xlsx_book(path: str | os.PathLike, constant_memory: bool = False) -> Iterator[XlsxBook]:
    """An xlsxwriter workbook written atomically to ``path``, with fixed properties."""
    path = Path(path)
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": constant_memory})
        wb.set_properties({"created": CREATED})
        yield XlsxBook(wb, path.name, constant_memory)
        wb.close()


def _xls_styles() -> dict:
    font = "font: name 宋体, height 220"
    border = "borders: left thin, right thin, top thin, bottom thin; align: vert center"
    return {
        "title": xlwt.easyxf("font: name 宋体, bold on, height 320; align: horiz center, vert center"),
        "info": xlwt.easyxf(font),
        "note": xlwt.easyxf(font),
        "header": xlwt.easyxf(f"font: name 宋体, bold on, height 220; {border}, horiz center, wrap on"),
        "cell": xlwt.easyxf(f"{font}; {border}"),
        "sep": xlwt.easyxf(f"font: name 宋体, bold on, height 220; {border}"),
        "sum": xlwt.easyxf(f"font: name 宋体, bold on, height 220; {border}"),
        "date": xlwt.easyxf(f"{font}; {border}", num_format_str="YYYY-MM-DD"),
        "date_cn": xlwt.easyxf(f"{font}; {border}", num_format_str='YYYY"年"M"月"D"日"'),
        "date_slash": xlwt.easyxf(f"{font}; {border}", num_format_str="YYYY/M/D"),
    }


class XlsSheet:
    """The same cell API over an xlwt sheet (BIFF8 ``.xls``); formulas keep only their value."""

    def __init__(self, ws, styles: dict, file: str, name: str):
        self.ws, self.styles, self.file, self.name = ws, styles, file, name

    def widths(self, cols: Sequence[Col]) -> None:
        for c, col in enumerate(cols):
            self.ws.col(c).width = 256 * (col.width + 2)

    def text(self, r: int, c: int, s: str, style: str = "cell") -> None:
        self.ws.write(r, c, s, self.styles[style])

    number = text

    def date(self, r: int, c: int, d: date, style: str = "date") -> None:
        self.ws.write(r, c, d, self.styles[style])

    def formula(self, r: int, c: int, f: str, value, style: str = "cell") -> None:
        self.ws.write(r, c, value, self.styles[style])

    def merge(self, r1: int, c1: int, r2: int, c2: int, value: str, style: str = "cell") -> None:
        self.ws.write_merge(r1, r2, c1, c2, value, self.styles[style])


class XlsBook:
    def __init__(self, wb, file: str):
        self.wb, self.file, self.styles = wb, file, _xls_styles()

    def sheet(self, name: str) -> XlsSheet:
        return XlsSheet(self.wb.add_sheet(name), self.styles, self.file, name)


@contextlib.contextmanager
def xls_book(path: str | os.PathLike) -> Iterator[XlsBook]:
    """An xlwt (BIFF8) workbook written atomically to ``path``."""
    path = Path(path)
    with atomic_path(path) as tmp:
        wb = xlwt.Workbook(encoding="utf-8")
        yield XlsBook(wb, path.name)
        wb.save(str(tmp))


# --------------------------------------------------------------------------- sheet writers

def write_header(sh, row: int, cols: Sequence[Col]) -> int:
    """Write a one- or two-level header at ``row``; return the first data row.

    Two levels when any column has a group: grouped columns get a merged group
    cell above their own labels, the others one label merged over both rows.
    """
    if not any(col.group for col in cols):
        for c, col in enumerate(cols):
            sh.text(row, c, col.label, "header")
        return row + 1
    c = 0
    while c < len(cols):
        group = cols[c].group
        if group is None:
            sh.merge(row, c, row + 1, c, cols[c].label, "header")
            c += 1
            continue
        end = c
        while end + 1 < len(cols) and cols[end + 1].group == group:
            end += 1
        if end > c:
            sh.merge(row, c, row, end, group, "header")
        else:
            sh.text(row, c, group, "header")
        c = end + 1
    for c, col in enumerate(cols):
        if col.group:
            sh.text(row + 1, c, col.label, "header")
    return row + 2


def _put(sh, r: int, c: int, value, ctx: Ctx) -> bool:
    """Write one value (text, number, date in a form from the mix, formula); False when blank."""
    if value is None or value == "":
        return False
    if isinstance(value, Formula):
        sh.formula(r, c, value.text, value.value)
    elif isinstance(value, RealDate):
        sh.date(r, c, value.d, "date")
    elif isinstance(value, date):
        form = ctx.date_form()
        if form in REAL_DATE_FORMS:
            sh.date(r, c, value, form)
        elif form == "serial":
            sh.number(r, c, excel_serial(value))
        else:
            sh.text(r, c, date_text(value, form))
    elif isinstance(value, (int, float)):
        sh.number(r, c, value)
    else:
        sh.text(r, c, str(value))
    return True


def _log_fault(sh, r: int, c: int, fault: Fault, ctx: Ctx) -> None:
    cell = f"{xl_col_to_name(c)}{r + 1}"
    value = fault.value.isoformat() if isinstance(fault.value, date) else str(fault.value)
    ctx.log.append({"file": sh.file, "sheet": sh.name, "cell": cell, "ref": f"{sh.file}!{sh.name}!{cell}",
                    "code": fault.code, "value": value, "why": fault.why})


def _tier_mark(rng: random.Random, a: Adoption):
    """What staff put under a tier column: √, ✓, 是, an issue number, or the adoption date."""
    marks = {
        "县级": ((f"第{a.issue}期", "√", RealDate(a.date)), (5, 3, 2)),
        "市级": (("√", "✓", "是", RealDate(a.date)), (4, 2, 2, 2)),
        "省级": (("√", RealDate(a.date), f"第{a.issue}期"), (4, 3, 3)),
        "全国": (("√", RealDate(a.date)), (1, 1)),
    }[a.tier]
    return rng.choices(*marks)[0]


def _adoption_text(rng: random.Random, adoptions: Sequence[Adoption]) -> str:
    """The free-text 采用情况 cell: 县政协编发第3期;市政协采用;省政协《社情民意》2026年第15期."""
    parts = []
    for a in adoptions:
        if a.routing == "专报":
            parts.append(f"县政协《社情民意专报》第{a.issue}期")
        elif a.channel not in TIER_CHANNELS:
            parts.append(a.body + "采用")
        elif a.tier == "县级":
            parts.append(rng.choice((f"县政协编发第{a.issue}期", f"县政协《社情民意》第{a.issue}期")))
        elif a.tier == "市级" and rng.random() < 0.4:
            parts.append("市政协采用")
            a.channel = "政协"  # the channel is what the cell says
        else:
            parts.append(a.body + a.issue_text)
            a.channel = _channel_of(a.body)
    return rng.choice((";", ";")).join(parts)


def _instruction_field(ins: Instruction | None, attr: str):
    return getattr(ins, attr) if ins else ""


_ITEM_FIELDS: dict[str, Callable[[Item, Ctx], object]] = {
    "no": lambda it, ctx: it.no,
    "date": lambda it, ctx: it.date,
    "title": lambda it, ctx: it.title,
    "authors": lambda it, ctx: it.author_text,
    "unit": lambda it, ctx: it.unit,
    "category": lambda it, ctx: it.category,
    "adopted": lambda it, ctx: _adoption_text(ctx.rng, it.adoptions),
    "leader": lambda it, ctx: _instruction_field(_column_instruction(it), "leader"),
    "instr_date": lambda it, ctx: _instruction_field(_column_instruction(it), "date"),
    "follow_up": lambda it, ctx: _instruction_field(_column_instruction(it), "follow_up"),
    "note": lambda it, ctx: f"获{it.instruction.leader}批示" if it.instruction_in_note else it.note,
}


def _column_instruction(it: Item) -> Instruction | None:
    """The instruction the 批示 columns show (none when staff wrote it in 备注)."""
    return None if it.instruction_in_note else it.instruction


def _item_cell(key: str, it: Item, ctx: Ctx):
    """The value of one item field as the ledger shows it."""
    if key.startswith("tier:"):
        a = it.adoption_at(key[5:])
        if a:
            a.channel = "政协"  # under the 市政协 column: what the cell says
            return _tier_mark(ctx.rng, a)
        return ctx.rng.choice(FORWARD_MARKS) if key[5:] in it.forwards else ""
    return _ITEM_FIELDS[key](it, ctx)


def _instruction_of(a: Adoption) -> Instruction | None:
    """A 采用台账 records the instruction on the row of the item's highest adoption."""
    it = a.item
    return it.instruction if it is not None and it.adoptions and a is it.adoptions[-1] else None


def _written_body(a: Adoption) -> str:
    """The 采用单位 cell of a 采用台账 row; its channel is what it says."""
    if a.channel in TIER_CHANNELS:
        a.channel = _channel_of(a.body)
    return a.body


def _channel_of(body: str) -> str:
    """The channel a body written out belongs to: a Party/government office's product, or 政协."""
    return "党委政府" if "市委办" in body else "政协"


_ADOPTION_FIELDS: dict[str, Callable[[Adoption], object]] = {
    "no": lambda a: a.item.no if a.ref_no is None else a.ref_no,
    "title": lambda a: a.item.title if a.ref_title is None else a.ref_title,
    "body": lambda a: _written_body(a),
    "issue": lambda a: a.issue_text,
    "date": lambda a: a.date,
    "leader": lambda a: _instruction_field(_instruction_of(a), "leader"),
    "instr_date": lambda a: _instruction_field(_instruction_of(a), "date"),
    "instr_text": lambda a: _instruction_field(_instruction_of(a), "content"),
    "follow_up": lambda a: _instruction_field(_instruction_of(a), "follow_up"),
    "note": lambda a: a.note,
}


def _adoption_cell(key: str, a: Adoption, ctx: Ctx):
    """The value of one 采用台账 field."""
    return _ADOPTION_FIELDS[key](a)


def _month_blocks(rows: Sequence[Item]) -> list[tuple[int, list[Item]]]:
    blocks: list[tuple[int, list[Item]]] = []
    for it in rows:
        if not blocks or blocks[-1][0] != it.date.month:
            blocks.append((it.date.month, []))
        blocks[-1][1].append(it)
    return blocks


def _runs(values: Sequence[str]) -> list[int]:
    """Run length at the start of each run of equal values, 0 inside a run."""
    runs = [0] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            runs[start] = i - start
            start = i
    return runs


COUNTED_KEYS = ("title", "adopted", "leader")  # columns a 小计 row counts, besides the tier columns


def _total_row(sh, row: int, cols: Sequence[Col], label: str, formulas: dict[int, Formula]) -> int:
    sh.merge(row, 0, row, 1, label, "sum")
    for c in range(2, len(cols)):
        if c in formulas:
            sh.formula(row, c, formulas[c].text, formulas[c].value, "sum")
        else:
            sh.text(row, c, "", "sum")
    return row + 1


def write_rows(sh, cols: Sequence[Col], rows: Sequence, row: int, style: TableStyle, ctx: Ctx,
               cell: Callable = _item_cell, seq: int = 0) -> tuple[int, int]:
    """Write data rows from ``row`` (month rows, merged units, subtotals per ``style``), 序号 continuing after ``seq``.

    Returns the next free row and the last 序号 written.
    """
    n = len(cols)
    counted = [c for c, col in enumerate(cols) if col.key in COUNTED_KEYS or col.key.startswith("tier:")]
    blocks = _month_blocks(rows) if style.month_rows or style.subtotals else [(0, list(rows))]
    anchor = row  # 1-based row of the header's last line: the 序号 formula's fixed start
    typed = seq + 1  # the first 序号 of the sheet is typed, the rest dragged down as a formula
    subtotal_rows: list[int] = []
    sums = {c: 0 for c in counted}
    for month, block in blocks:
        if style.month_rows:
            sh.merge(row, 0, row, n - 1, f"{MONTHS_CN[month - 1]}月份", "sep")
            row += 1
        if style.by_unit:
            block = sorted(block, key=lambda it: (it.unit, it.date))
        runs = _runs([it.unit for it in block]) if style.merge_units else None
        first, counts = row, dict.fromkeys(counted, 0)
        for i, obj in enumerate(block):
            seq += 1
            for c, col in enumerate(cols):
                fault = obj.faults.get(col.key)
                if fault is not None:
                    _log_fault(sh, row, c, fault, ctx)
                    value = RealDate(fault.value) if isinstance(fault.value, date) else fault.value
                elif col.key == "seq":
                    seq_col = xl_col_to_name(c)
                    formula = style.seq_formula and seq > typed
                    value = Formula(f"=MAX({seq_col}${anchor}:{seq_col}{row})+1", seq) if formula else seq
                elif col.key == "unit" and runs is not None and runs[i] != 1:
                    if runs[i] > 1:
                        sh.merge(row, c, row + runs[i] - 1, c, obj.unit)
                    continue
                else:
                    value = cell(col.key, obj, ctx)
                if _put(sh, row, c, value, ctx) and c in counts:
                    counts[c] += 1
            row += 1
        if style.subtotals:
            formulas = {c: Formula(f"=COUNTA({xl_col_to_name(c)}{first + 1}:{xl_col_to_name(c)}{row})", k)
                        for c, k in counts.items()}
            subtotal_rows.append(row + 1)
            row = _total_row(sh, row, cols, "小计", formulas)
            for c, k in counts.items():
                sums[c] += k
            if ctx.rng.random() < 0.3:
                row += 1  # a blank row, as staff leave them
    if style.subtotals and subtotal_rows:
        formulas = {c: Formula("=" + "+".join(f"{xl_col_to_name(c)}{r}" for r in subtotal_rows), k)
                    for c, k in sums.items()}
        row = _total_row(sh, row, cols, "合计", formulas)
    return row, seq


def write_ledger_sheet(sh, cols: Sequence[Col], rows: Sequence, *, title: str, ctx: Ctx, info: str | None = None,
                       style: TableStyle = TableStyle(), notes: Sequence[str] = (), cell: Callable = _item_cell,
                       seq: int = 0) -> int:
    """One ledger sheet: merged title row, optional 填报单位 line, header, rows, notes below.

    序号 continues after ``seq`` (sheets of one ledger number on); returns the last 序号.
    """
    n = len(cols)
    sh.widths(cols)
    sh.merge(0, 0, 0, n - 1, title, "title")
    row = 1
    if info:
        sh.merge(row, 0, row, n - 1, info, "info")
        row += 1
    row = write_header(sh, row, cols)
    row, seq = write_rows(sh, cols, rows, row, style, ctx, cell, seq)
    row += 1
    for line in notes:
        sh.merge(row, 0, row, n - 1, line, "note")
        row += 1
    return seq


# --------------------------------------------------------------------------- column layouts

def combined_cols(date_label="收稿日期", title="信息标题", author="作者", unit="单位", category="类别",
                  tiers=("县政协编发", "市政协", "省政协", "全国政协")) -> list[Col]:
    """The combined ledger: item columns, 采用情况 over the tier columns, 领导批示 over the instruction."""
    return [
        Col("seq", "序号", width=6), Col("date", date_label, width=12), Col("title", title, width=40),
        Col("authors", author, width=18), Col("unit", unit, width=16), Col("category", category, width=8),
        *(Col(f"tier:{t}", label, "采用情况", 10) for t, label in zip(TIERS, tiers)),
        Col("leader", "批示领导", "领导批示", 16), Col("instr_date", "批示日期", "领导批示", 12),
        Col("follow_up", "落实情况", "领导批示", 22), Col("note", "备注", width=14),
    ]


REGISTER_COLS = [
    Col("no", "编号", width=10), Col("date", "报送日期", width=12), Col("title", "题目", width=40),
    Col("authors", "报送人", width=18), Col("unit", "所在单位", width=16), Col("category", "分类", width=8),
    Col("note", "备注", width=14),
]
ADOPTION_COLS = [
    Col("no", "编号", width=10), Col("title", "信息标题", width=40), Col("body", "采用单位/刊物", width=30),
    Col("issue", "期号", width=12), Col("date", "采用日期", width=12), Col("leader", "批示领导", width=16),
    Col("instr_date", "批示日期", width=12), Col("instr_text", "批示内容", width=28),
    Col("follow_up", "落实情况", width=22), Col("note", "备注", width=12),
]
UNIT_FILE_COLS = [
    Col("seq", "序号", width=6), Col("date", "报送日期", "报送信息", 14), Col("title", "信息标题", "报送信息", 40),
    Col("authors", "反映人", "报送信息", 18), Col("category", "类别", "报送信息", 8),
    Col("adopted", "采用情况", width=36), Col("note", "备注", width=12),
]
PREV_COLS = [
    Col("seq", "序号", width=6), Col("date", "日期", width=12), Col("title", "标题", width=40),
    Col("authors", "反映人", width=18), Col("unit", "报送单位", width=16), Col("category", "分类", width=8),
    Col("adopted", "采用情况", width=36), Col("leader", "批示领导", width=16), Col("instr_date", "批示日期", width=12),
    Col("follow_up", "落实情况", width=22), Col("note", "备注", width=12),
]


# --------------------------------------------------------------------------- generating people and items

def _new_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        name = rng.choice(SURNAMES) + given
        if name not in taken and len(set(given)) == len(given):
            taken.add(name)
            return name


def _rand_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def _compose_title(rng: random.Random, category: str) -> str:
    return rng.choice(TITLE_TEMPLATES).format(topic=rng.choice(TOPICS[category]), place=rng.choice(PLACES))


class TitleBank:
    """Draws titles, never the same one twice (an accidental double entry would be a real duplicate)."""

    def __init__(self, reserved: Sequence[str] = ()):
        self.used = set(reserved)

    def draw(self, rng: random.Random, category: str) -> str:
        title = _compose_title(rng, category)
        for _ in range(50):
            if title not in self.used:
                break
            title = _compose_title(rng, category)
        base, n = title, 1
        while title in self.used:  # combinations exhausted: 之二, 之三 as staff number follow-ups
            n += 1
            title = f"{base}(之{n})"
        self.used.add(title)
        return title


def _category(rng: random.Random) -> tuple[str, str]:
    """A canonical category and the spelling a ledger uses for it."""
    canonical = rng.choices(tuple(TOPICS), CATEGORY_WEIGHTS)[0]
    spelled = rng.choice(CATEGORY_SPELLINGS[canonical]) if rng.random() < 0.25 else canonical
    return canonical, spelled


def _author_text(rng: random.Random, persons: Sequence[Person]) -> str:
    """Authors as staff write them: 张三、李四 / 张三,李四 / 张三 李四, informants sometimes tagged 王五(特邀信息员)."""
    parts = []
    for p in persons:
        name = p.name
        if p.role != "委员" and rng.random() < 0.3:
            role = "特约信息员" if p.role == "特邀信息员" and rng.random() < 0.3 else p.role
            name += f"({role})" if rng.random() < 0.5 else f"({role})"
        parts.append(name)
    return rng.choices(("、", ",", ",", " "), (50, 15, 15, 20))[0].join(parts)


def _person_item(rng, p: Person, d: date, colleagues: Sequence[Person], bank: TitleBank) -> Item:
    authors = [p]
    if rng.random() < 0.15:
        others = [q for q in colleagues if q is not p and (q.appointed is None or q.appointed <= d)]
        authors += rng.sample(others, min(len(others), 2 if rng.random() < 0.25 else 1))
    canonical, spelled = _category(rng)
    note = "联名报送" if len(authors) > 1 and rng.random() < 0.3 else ("紧急信息" if rng.random() < 0.03 else "")
    return Item(d, bank.draw(rng, canonical), [a.name for a in authors], _author_text(rng, authors), p.unit,
                spelled, note=note)


def _unit_item(rng, unit: str, d: date, bank: TitleBank) -> Item:
    canonical, spelled = _category(rng)
    note = "以单位名义报送" if rng.random() < 0.4 else ""
    return Item(d, bank.draw(rng, canonical), [unit], unit, unit, spelled, by_unit=True, note=note)


def _demo_people(rng: random.Random, year: int) -> list[Person]:
    taken: set[str] = set()
    towns = [name for name, kind in DEMO_UNITS if kind == "镇街政协工委"]
    people, t = [], 0
    for sector, count, unit in DEMO_MEMBERS:
        for _ in range(count):
            if unit is None:
                unit_of, t = towns[t % len(towns)], t + 1
            else:
                unit_of = unit
            appointed = date(year - 4, 1, 12) if rng.random() < 0.3 else None  # 本届委员; often left blank
            people.append(Person(_new_name(rng, taken), "委员", unit_of, sector, appointed))
    for unit, role, (dy, month) in DEMO_INFORMANTS:
        people.append(Person(_new_name(rng, taken), role, unit, "", date(year + dy, month, 1)))
    return people


def _demo_items(rng, people: Sequence[Person], year: int, bank: TitleBank, *, scale: float,
                silent: Sequence[str]) -> list[Item]:
    """One year of items: informants monthly from their appointment, members a few a year, units in their name."""
    colleagues: dict[str, list[Person]] = {}
    for p in people:
        colleagues.setdefault(p.unit, []).append(p)
    first, last = date(year, 1, 1), date(year, 12, 31)
    items = []
    for p in people:
        start = max(first, p.appointed or first)
        if p.unit in silent or start > last:
            continue
        if p.role == "委员":
            dates = [_rand_date(rng, start, last) for _ in range(rng.choice(MEMBER_YEARLY))]
        else:
            dates = []
            for m in range(start.month, 13):
                lo, hi = max(start, date(year, m, 1)), date(year, m, calendar.monthrange(year, m)[1])
                dates += [_rand_date(rng, lo, hi) for _ in range(rng.choices(*INFORMANT_MONTHLY)[0])]
        items += [_person_item(rng, p, d, colleagues[p.unit], bank) for d in dates if rng.random() < scale]
    for unit, _kind in DEMO_UNITS:
        if unit not in silent:
            items += [_unit_item(rng, unit, _rand_date(rng, first, last), bank)
                      for _ in range(rng.randint(2, 5)) if rng.random() < scale]
    items.sort(key=lambda it: it.date)
    return items


# --------------------------------------------------------------------------- adoptions and instructions

def _number_issues(rng: random.Random, items: Sequence[Item], year: int) -> None:
    """Issue numbers in date order (the own bulletin carries one or two items an issue), bodies by tier."""
    issue = dict.fromkeys(TIERS, 0)
    for a in sorted((a for it in items for a in it.adoptions), key=lambda a: a.date):
        if a.tier != "县级":
            issue[a.tier] += rng.randint(1, 3)
        elif issue["县级"] == 0 or rng.random() < 0.7:
            issue["县级"] += 1
        a.issue = issue[a.tier]
        body, numbering = rng.choice(BODIES[a.tier])
        a.body, a.issue_text = body, numbering.format(n=a.issue, y=year)
        if a.tier in ("省级", "全国") and a.issue_text and rng.random() < 0.5:
            a.body, a.issue_text = a.body + a.issue_text, ""  # 省政协《社情民意》2026年第15期 in one cell


def _instruct(rng: random.Random, candidates: Sequence[Item], n: int, year: int) -> None:
    """Leader instructions on ``n`` adopted items, higher tiers far likelier; leader level follows the tier."""
    keyed = sorted(candidates, key=lambda it: -rng.random() ** (1 / INSTRUCTION_WEIGHT[it.adoptions[-1].tier]))
    texts, weights = zip(*FOLLOW_UPS)
    for it in keyed[:n]:
        top = it.adoptions[-1]
        when = min(top.date + timedelta(days=rng.randint(1, 15)), date(year, 12, 31))
        it.instruction = Instruction(rng.choice(LEADERS[top.tier]), when, rng.choice(INSTRUCTION_TEXTS),
                                     rng.choices(texts, weights)[0])


def assign_adoptions(rng: random.Random, items: Sequence[Item], year: int, targets: dict[str, int],
                     instructions: int, can_instruct: Callable[[Item], bool] = lambda it: True) -> None:
    """Adopt items at each tier (provincial within city, national within provincial), then instruct some."""
    pool = [it for it in items if not it.faults and not it.quiet]
    city = rng.sample(pool, min(targets["市级"], len(pool)))
    prov = rng.sample(city, min(targets["省级"], len(city)))
    nat = rng.sample(prov, min(targets["全国"], len(prov)))
    county = [it for it in city if rng.random() < 0.8]
    in_city = {id(it) for it in city}
    others = [it for it in pool if id(it) not in in_city]
    county += rng.sample(others, max(0, min(targets["县级"] - len(county), len(others))))
    chosen = {tier: {id(it) for it in group} for tier, group in zip(TIERS, (county, city, prov, nat))}
    end = date(year, 12, 31)
    for it in pool:
        when = it.date
        for tier in TIERS:
            if id(it) in chosen[tier]:
                when = min(when + timedelta(days=rng.randint(*LAG_DAYS[tier])), end)
                it.adoptions.append(Adoption(tier, when, item=it))
    _number_issues(rng, pool, year)
    _instruct(rng, [it for it in pool if it.adoptions and can_instruct(it)], instructions, year)


# --------------------------------------------------------------------------- deliberate mistakes

def _pick(rng: random.Random, items: Sequence[Item], pred: Callable[[Item], bool] = lambda it: True) -> Item:
    return rng.choice([it for it in items if not it.faults and not it.quiet and pred(it)])


def _in_quarter(q: int) -> Callable[[Item], bool]:
    return lambda it: (it.date.month - 1) // 3 + 1 == q


def _plant_item_faults(rng: random.Random, combined: list[Item], register: list[Item], unit_items: list[Item],
                       year: int) -> None:
    """Item-level mistakes, one per code; the register items must already be numbered."""

    def single(it: Item) -> bool:
        return len(it.authors) == 1 and not it.by_unit

    _pick(rng, combined, _in_quarter(1)).faults["category"] = Fault(
        "category.unknown", "杂项", "类别“杂项”不在规则的类别表中 / category not in the rules")
    _pick(rng, combined, _in_quarter(2)).faults["date"] = Fault(
        "date.unparseable", f"{year}.13.45", "收稿日期不是有效日期 / not a valid date")
    _pick(rng, combined, _in_quarter(3)).faults["title"] = Fault(
        "title.missing", "", "信息标题为空 / title left blank")
    it = _pick(rng, register, lambda it: it.date.month == 2)
    # The year's last two digits typed the wrong way round (2025 → 2052): a date far in the future.
    typo_year = year // 100 * 100 + (year % 10) * 10 + year // 10 % 10
    it.faults["date"] = Fault("date.future", date(typo_year, it.date.month, min(it.date.day, 28)),
                              "年份数字颠倒,晚于今天 / year digits swapped: a future date")
    _pick(rng, register).faults["authors"] = Fault("author.missing", "", "报送人为空 / author left blank")
    first = _pick(rng, register, lambda it: it.date.month <= 5)
    first.quiet = True  # its 编号 is reused below; keep adoptions off both rows
    _pick(rng, register, lambda it: it.date.month >= 8).faults["no"] = Fault(
        "item.duplicate_no", first.no, f"编号与{first.no}(“{first.title}”)重复 / 编号 used twice")
    _pick(rng, unit_items, single).faults["authors"] = Fault(
        "roster.unknown_person", UNKNOWN_PERSON, "反映人不在名册中 / author not on the roster")


def _adoption_ledger_rows(rng: random.Random, register: list[Item], year: int) -> list[Adoption]:
    """The 采用台账 rows for the register's items, with three rows linked by title only and three mistakes."""
    rows = [a for it in register for a in it.adoptions]
    early = _pick_adoption(rng, rows, lambda a: a is a.item.adoptions[0] and a.item.date.month >= 2)
    early.faults["date"] = Fault("adoption.before_item", early.item.date - timedelta(days=6),
                                 f"采用日期早于报送日期({early.item.date.isoformat()}) / adopted before submitted")
    for a in rng.sample([a for a in rows if not a.faults], 3):
        a.ref_no, a.note = "", "编号待补"
    target = rng.choice([it for it in register if it.adoptions])
    # A 转送 to a department (L63 = L261): a record of the office's own, counted apart.
    rows.append(Adoption("县级", min(target.date + timedelta(days=9), date(year, 12, 31)), item=target,
                         body=ROUTED_BODY, note="研究办理", routing="转送", channel="部门"))
    ghost_no = f"{year}-{len(register) + 17:03d}"
    rows.append(Adoption("市级", date(year, 6, 18), ref_no=ghost_no, ref_title=GHOST_TITLE, body="市政协社情民意信息",
                         issue_text=f"{year}年第21期",
                         faults={"no": Fault("adoption.no_item", ghost_no,
                                             f"编号和标题(“{GHOST_TITLE}”)都对不上任何报送记录 / matches no item")}))
    rows.sort(key=lambda a: a.date)
    return rows


def _plant_flows(rng: random.Random, ledger: dict[str, list[Item]], adoption_rows: list[Adoption], year: int) -> None:
    """What is counted apart from the tiers: items sent up but not adopted there (上报, L77), a
    专报, a party's own product, and one 批示 written in 备注 instead of its columns."""
    usable = lambda it: not it.faults and not it.quiet
    combined = [it for it in ledger["combined"] if usable(it)]
    for it in rng.sample([it for it in combined if not it.adoption_at("市级")], 6):
        it.forwards.append("市级")  # 已报送 under 市政协: sent up, not adopted
    for it in rng.sample([it for it in combined if it.adoption_at("市级") and not it.adoption_at("省级")], 4):
        it.forwards.append("省级")
    # One 采用台账 row: sent to 省政协 and adopted there ("报送省政协,被采用").
    row = rng.choice([a for a in adoption_rows if a.tier == "省级" and a.item is not None and not a.faults])
    row.body, row.issue_text = "报送省政协,被采用", ""
    row.item.forwards.append("省级")
    unit_items = [it for it in ledger["unit"] if usable(it)]
    for it in rng.sample([it for it in unit_items if it.adoption_at("县级")], 2):
        it.adoption_at("县级").routing = "专报"
    party = rng.choice([it for it in unit_items if it.adoptions])
    party.adoptions.append(Adoption("市级", min(party.adoptions[-1].date + timedelta(days=5), date(year, 12, 31)),
                                    item=party, body=PARTY_BODY, channel="民主党派统战"))
    rng.choice([it for it in combined if it.instruction is not None]).instruction_in_note = True


def _pick_adoption(rng, rows: Sequence[Adoption], pred: Callable[[Adoption], bool]) -> Adoption:
    return rng.choice([a for a in rows if not a.faults and pred(a)])


# --------------------------------------------------------------------------- demo files

def _write_roster(path: Path, units: Sequence[Unit], people: Sequence[Person]) -> None:
    person_cols = [Col("name", "姓名", width=10), Col("role", "身份", width=12), Col("unit", "单位", width=18),
                   Col("sector", "界别", width=20), Col("appointed", "聘任日期", width=12)]
    unit_cols = [Col("name", "单位名称", width=20), Col("kind", "单位类型", width=14)]
    with xlsx_book(path) as book:
        sh = book.sheet("人员")
        sh.widths(person_cols)
        row = write_header(sh, 0, person_cols)
        for p in people:
            for c, value in enumerate((p.name, p.role, p.unit, p.sector)):
                if value:
                    sh.text(row, c, value)
            if p.appointed:
                sh.date(row, 4, p.appointed)
            row += 1
        sh = book.sheet("单位")
        sh.widths(unit_cols)
        row = write_header(sh, 0, unit_cols)
        for u in units:
            sh.text(row, 0, u.name)
            sh.text(row, 1, u.kind)
            row += 1


def _quarter_of(it: Item) -> int:
    return (it.date.month - 1) // 3 + 1


def _write_quarter_sheets(book, items: Sequence[Item], year: int, office: str, ctx: Ctx,
                          cols: Callable[[int], list[Col]], style: Callable[[int], TableStyle]) -> None:
    """The combined ledger: 一季度…四季度 sheets, 序号 numbering on from sheet to sheet."""
    seq = 0
    for q, name in enumerate(QUARTERS, 1):
        month, day = FILL_DATES[q - 1]
        seq = write_ledger_sheet(book.sheet(name), cols(q), [it for it in items if _quarter_of(it) == q], ctx=ctx,
                                 seq=seq, title=f"{year}年度社情民意信息报送采用登记表",
                                 info=f"填报单位:{office}办公室    填表日期:{year}年{month}月{day}日",
                                 style=style(q), notes=COMBINED_NOTES)


def _write_combined(path: Path, items: Sequence[Item], year: int, ctx: Ctx) -> None:
    """The office's combined ledger; the first two sheets carry stray spaces in headers, the 1st and 3rd merge 单位."""

    def cols(q: int) -> list[Col]:
        return combined_cols(title="信息标题 ", author="作\u3000者") if q <= 2 else combined_cols()

    def style(q: int) -> TableStyle:
        grouped = q in (1, 3)
        return TableStyle(month_rows=True, subtotals=True, seq_formula=True, merge_units=grouped, by_unit=grouped)

    with xlsx_book(path) as book:
        _write_quarter_sheets(book, items, year, DEMO_OFFICE, ctx, cols, style)


def _write_register(path: Path, items: Sequence[Item], year: int, ctx: Ctx) -> None:
    """The 报送台账 of 专委会 and 界别: one sheet per month, a title row, a single-level header."""
    with xlsx_book(path) as book:
        for m in range(1, 13):
            write_ledger_sheet(book.sheet(f"{m}月"), REGISTER_COLS, [it for it in items if it.date.month == m],
                               ctx=ctx, title=f"{year}年专委会及界别社情民意信息报送台账({m}月)")


def _write_adoptions(path: Path, rows: Sequence[Adoption], year: int, ctx: Ctx) -> None:
    with xlsx_book(path) as book:
        write_ledger_sheet(book.sheet("采用台账"), ADOPTION_COLS, rows, ctx=ctx, cell=_adoption_cell,
                           title=f"{year}年社情民意信息采用台账", notes=("注:上级采用及领导批示情况以收到通知为准。",))


def _write_unit_file(path: Path, unit: str, contact: str, items: Sequence[Item], year: int, ctx: Ctx) -> None:
    """One unit's own file as WPS saves it: BIFF8 .xls, two-level header, dates and 采用情况 as text."""
    with xls_book(path) as book:
        write_ledger_sheet(book.sheet("Sheet1"), UNIT_FILE_COLS, items, ctx=ctx,
                           title=f"{unit}{year}年社情民意信息报送情况",
                           info=f"报送单位:{unit}        联系人:{contact}")


def _write_previous(path: Path, items: Sequence[Item], year: int, ctx: Ctx) -> None:
    """Last year's combined ledger in one sheet, with a free-text 采用情况 column."""
    with xlsx_book(path) as book:
        write_ledger_sheet(book.sheet(f"{year}年"), PREV_COLS, items, ctx=ctx,
                           title=f"{year}年度社情民意信息报送采用登记表",
                           info=f"填报单位:{DEMO_OFFICE}办公室    填表日期:{year}年12月31日",
                           style=TableStyle(month_rows=True, subtotals=True), notes=COMBINED_NOTES)


def _counted(it: Item) -> bool:
    """Whether an item is counted: none of its cells holds a mistake that makes the row an error."""
    return not any(f.code in ERROR_CODES for f in it.faults.values())


def _tier_adoptions(it: Item, counted_only: bool = False) -> list[Adoption]:
    return [a for a in it.adoptions if a.channel in TIER_CHANNELS
            and not (counted_only and any(f.code in ERROR_CODES for f in a.faults.values()))]


def _rewards(items: Sequence[Item], rules: dict) -> dict[str, int]:
    """What each person or unit is paid for the year, in fen, worked out from what was written:
    the item's highest paid tier (rules ``rewards.by_tier``), × ``instruction_multiplier`` when
    it was instructed, shared equally by its authors in whole fen, the first taking the rest;
    an item in a unit's name pays the unit. Rows with mistakes that are errors are not paid."""
    by_tier = {t: int(round(float(v) * 100)) for t, v in rules["rewards"]["by_tier"].items()}
    multiplier = float(rules["rewards"]["instruction_multiplier"])
    paid: dict[str, int] = {}
    for it in items:
        adoptions = _tier_adoptions(it, counted_only=True) if _counted(it) else []
        if not adoptions:
            continue
        amount = max(by_tier[a.tier] for a in adoptions)
        if it.instruction is not None:
            amount = int(round(amount * multiplier))
        fault = it.faults.get("authors")
        names = [fault.value] if fault is not None and fault.value else list(it.authors)
        each, rest = divmod(amount, len(names))
        for k, name in enumerate(names):
            paid[name] = paid.get(name, 0) + each + (rest if k == 0 else 0)
    return dict(sorted(paid.items()))


def _year_totals(items: Sequence[Item], rules: dict, extra_rows: Sequence[Adoption] = ()) -> dict:
    """What the year's ledgers hold, worked out from the generator's own records (never from a
    reading of the files): written totals, and the figures after error rows are left out."""
    counted = [it for it in items if _counted(it)]
    # What is counted: adoptions of counted items, less those whose own row is an error.
    every = [a for it in counted for a in it.adoptions + [r for r in extra_rows if r.item is it]
             if not any(f.code in ERROR_CODES for f in a.faults.values())]
    return {
        "items": len(items),
        "coauthored": sum(len(it.authors) > 1 for it in items),
        "in_unit_name": sum(it.by_unit for it in items),
        "adopted_items": sum(bool(_tier_adoptions(it)) for it in items),
        "adoptions": {t: sum(a.tier == t for it in items for a in _tier_adoptions(it)) for t in TIERS},
        "instructions": sum(it.instruction is not None for it in items),
        "follow_up_resolved": sum(bool(it.instruction and "已落实" in it.instruction.follow_up) for it in items),
        "forwarded": {t: sum(t in it.forwards for it in items) for t in TIERS[1:]},
        "forwarded_adopted": sum(any(a.tier == t for a in _tier_adoptions(it) for t in it.forwards) for it in items),
        # What the 上报 figures count: an item adopted above 县级 went there, 上报 written or not; each
        # item once, at the highest level it was written as sent to, else the highest it was adopted at.
        "forwarded_counted": _forwarded_counted(items),
        "forwarded_counted_adopted": _forwarded_counted(items, adopted=True),
        "adopted_by_channel": {ch: len({a.item.title for a in every if a.channel == ch}) for ch in ("政协", "党委政府", "民主党派统战", "部门")},
        "routing": {r: len({a.item.title for a in every if a.routing == r}) for r in ("专报", "转报", "转送")},
        "counted": {
            "items": len(counted),
            "adoptions": {t: sum(a.tier == t for it in counted for a in _tier_adoptions(it, True)) for t in TIERS},
            "instructions": sum(it.instruction is not None for it in counted),
        },
        "rewards_fen": _rewards(items, rules),
    }


def _forwarded_counted(items: Sequence[Item], adopted: bool = False) -> dict[str, int] | int:
    """Items per level they count as sent up to (see ``_year_totals``), for the written 上报 and the
    adoptions above 县级 of the counted items; ``adopted``: how many of them were adopted above 县级 (the
    shipped rules' ``forwarded_adopted: above_own``: 报省政协、被市政协采用 is adopted above)."""
    out = {t: 0 for t in TIERS[1:]}
    reached = 0
    for it in items:
        tiers = [a.tier for a in _tier_adoptions(it, True)] if _counted(it) else []
        sent = it.forwards or [t for t in tiers if t != TIERS[0]]
        if sent:
            level = max(sent, key=TIERS.index)
            out[level] += 1
            reached += any(t != TIERS[0] for t in tiers)
    return reached if adopted else out


def write_demo_office(out_dir: str | os.PathLike, year: int = 2025, seed: int = 2026) -> dict:
    """Write the demo office 示例县政协 (county, own tier 县级) for ``year`` and ``year - 1`` into ``out_dir``.

    Returns what was written: files, totals per year, units with no submission,
    and the deliberate mistakes (file, sheet, cell, code, value), which are
    also listed in ``README.md`` and ``expected.json`` beside the workbooks.
    """
    out = Path(out_dir)
    rng = random.Random(seed)
    units = [Unit(name, kind) for name, kind in DEMO_UNITS]
    people = _demo_people(rng, year)
    bank = TitleBank(reserved=[GHOST_TITLE])
    items = _demo_items(rng, people, year, bank, scale=1.0, silent=[SILENT_UNIT])
    prev = _demo_items(rng, people, year - 1, bank, scale=0.7, silent=[])

    ledger = {key: [it for it in items if UNIT_LEDGER.get(it.unit, "combined") == key]
              for key in ("combined", "register", "unit")}
    for i, it in enumerate(ledger["register"], 1):
        it.no = f"{year}-{i:03d}"
    _plant_item_faults(rng, ledger["combined"], ledger["register"], ledger["unit"], year)
    assign_adoptions(rng, items, year, DEMO_TARGETS, 18, can_instruct=lambda it: UNIT_LEDGER.get(it.unit) != "unit")
    assign_adoptions(rng, prev, year - 1, PREV_TARGETS, 12)
    adoption_rows = _adoption_ledger_rows(rng, ledger["register"], year)
    _plant_flows(random.Random(f"{seed}/flows"), ledger, adoption_rows, year)

    names = {
        "roster": "名册.xlsx",
        "combined": f"{year}年社情民意信息报送采用登记表.xlsx",
        "register": f"{year}年报送台账(专委会及界别).xlsx",
        "adoptions": f"{year}年采用台账.xlsx",
        "unit": f"民盟县委{year}年社情民意信息.xls",
        "previous": f"{year - 1}年社情民意信息报送采用登记表.xlsx",
    }
    log: list[dict] = []

    def ctx(key: str, mix: DateMix) -> Ctx:
        return Ctx(random.Random(f"{seed}/{key}"), mix, log)

    contact = next(p.name for p in people if p.unit == "民盟县委" and p.role != "委员")
    _write_roster(out / names["roster"], units, people)
    _write_combined(out / names["combined"], ledger["combined"], year, ctx("combined", COMBINED_MIX))
    _write_register(out / names["register"], ledger["register"], year, ctx("register", REGISTER_MIX))
    _write_adoptions(out / names["adoptions"], adoption_rows, year, ctx("adoptions", ADOPTION_MIX))
    _write_unit_file(out / names["unit"], "民盟县委", contact, ledger["unit"], year, ctx("unit", TEXT_MIX))
    _write_previous(out / names["previous"], prev, year - 1, ctx("previous", PREV_MIX))

    active = {it.unit for it in items}
    summary = {
        "office": DEMO_OFFICE, "own_tier": "县级", "year": year, "seed": seed,
        "files": names,
        "people": {"委员": sum(p.role == "委员" for p in people), "信息员": sum(p.role == "信息员" for p in people),
                   "特邀信息员": sum(p.role == "特邀信息员" for p in people)},
        "units": len(units),
        "units_without_submissions": [u.name for u in units if u.name not in active],
        "items_by_file": {names[k]: len(v) for k, v in ledger.items()},
        "totals": {str(year): _year_totals(items, _rules_of(year), adoption_rows),
                   str(year - 1): _year_totals(prev, _rules_of(year - 1))},
        "mistakes": log,
    }
    write_text(out / "README.md", _demo_readme(summary))
    write_text(out / "expected.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return summary


def _rules_of(year: int) -> dict:
    """The shipped rules of ``year`` as data (the YAML file itself, not the library's reading of it)."""
    import yaml

    folder = Path(__file__).parent / "rules" / "defaults"
    years = sorted(int(p.stem) for p in folder.glob("*.yaml") if p.stem.isdigit())
    chosen = max((y for y in years if y <= year), default=years[0])
    return yaml.safe_load((folder / f"{chosen}.yaml").read_text(encoding="utf-8"))


def _demo_readme(s: dict) -> str:
    year, prev = s["year"], s["year"] - 1
    t, p = s["totals"][str(year)], s["totals"][str(year - 1)]
    files = s["files"]
    lines = [
        f"# 示例县政协 演示台账 / Demo office ledgers ({year})",
        "",
        f"本目录是**合成数据**:虚构的县级政协办公室“{s['office']}”(本级层级:县级)"
        f"在{year}年和{prev}年的社情民意信息台账,覆盖工作人员实际使用的各种表格样式,"
        "并故意埋入若干错误,供校验功能检测。请勿手工修改,运行 `python workbooks/demo/generate.py` 重新生成。",
        "",
        f"Synthetic data: ledgers of the fictional county CPPCC office {s['office']} (own tier 县级) for {year} and "
        f"{prev}, in every shape staff really keep (domain.md §3), with deliberate mistakes that validation must "
        "catch. Do not edit by hand; regenerate with `python workbooks/demo/generate.py` (seeded, deterministic).",
        "",
        "## 文件 / Files",
        "",
        "| 文件 | 内容 / content |",
        "| --- | --- |",
        f"| `{files['roster']}` | 名册:`人员`(姓名/身份/单位/界别/聘任日期)、`单位`(单位名称/单位类型) — roster |",
        f"| `{files['combined']}` | 报送采用登记表(合并式),一季度…四季度,两级表头,采用情况按层级分列 — combined ledger |",
        f"| `{files['register']}` | 报送台账(专委会及界别),1月…12月 — submissions register of the sector groups |",
        f"| `{files['adoptions']}` | 采用台账,按编号(少数仅按标题)对应报送台账 — adoptions, linked by 编号 or title |",
        f"| `{files['unit']}` | 民盟县委自报表,WPS 的 .xls(BIFF8),采用情况为文字 — one unit's own file |",
        f"| `{files['previous']}` | {prev}年登记表(同比用)— previous year, for year-on-year change |",
        "| `expected.json` | 生成结果与错误清单(机器可读)— what was written, machine-readable |",
        "",
        "## 统计 / Totals",
        "",
        "| | 条数 items | 联名 co-authored | 县级 | 市级 | 省级 | 全国 | 批示 instructions |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for y, tot in ((year, t), (prev, p)):
        a = tot["adoptions"]
        lines.append(f"| {y} | {tot['items']} | {tot['coauthored']} | {a['县级']} | {a['市级']} | {a['省级']} | "
                     f"{a['全国']} | {tot['instructions']} |")
    lines += [
        "",
        f"全年无报送的单位 / units with no submission in {year}: {'、'.join(s['units_without_submissions'])}。",
        "采用数按“条目×层级”计,只计政协和党委政府渠道;无对应条目的采用记录不计入。"
        f"另有:上报未采用(市级 {t['forwarded']['市级']} 条、省级 {t['forwarded']['省级']} 条,"
        f"其中被上级采用 {t['forwarded_adopted']} 条),专报 {t['routing']['专报']} 条,转送部门 {t['routing']['转送']} 件,"
        f"民主党派自身刊物采用 {t['adopted_by_channel']['民主党派统战']} 条(单独统计,不计稿酬),"
        "一条批示写在“备注”栏中。",
        "Adoptions count item×tier in the 政协 and 党委政府 channels only; the adoption row with no item is not "
        "counted. Also planted: items sent up but not adopted (上报), 专报, a 转送 to a department, a party's own "
        "product (counted apart, not paid) and one 批示 written in the 备注 column.",
        "",
        "## 故意埋入的错误 / Deliberate mistakes",
        "",
        "| 位置 cell | 代码 code | 单元格内容 value | 说明 why |",
        "| --- | --- | --- | --- |",
    ]
    for m in s["mistakes"]:
        value = f"`{m['value']}`" if m["value"] else "(空白 blank)"
        lines.append(f"| `{m['ref']}` | `{m['code']}` | {value} | {m['why']} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- province archive

ARCHIVE_FIRST = "东西南北安平永新长青太宁丰德兴和建临清华"
ARCHIVE_SECOND = "山河阳江宁丰安泉林城源川州平溪乡陵远水田"
TOWN_NAMES = ("城关", "河口", "青山", "东城", "西城", "南湖", "北山", "石桥", "柳林", "桃源", "白沙", "龙泉")
PARTY_NAMES = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社")
GROUP_NAMES = ("经济界别组", "教科卫体界别组", "农业界别组", "社会福利界别组")
COMMITTEE_NAMES = ("提案委员会", "经济委员会", "社会和法制委员会", "文史委员会")
DATE_LABELS = ("收稿日期", "报送日期", "日期")
TITLE_LABELS = ("信息标题", "标题", "题目")
AUTHOR_LABELS = ("作者", "报送人", "反映人")
UNIT_LABELS = ("单位", "报送单位", "所在单位")
CATEGORY_LABELS = ("类别", "分类")
TIER_LABELS = (("县政协编发", "市政协", "省政协", "全国政协"), ("本级编发", "市政协采用", "省政协采用", "全国政协采用"))


def _office_names(rng: random.Random, n: int) -> list[str]:
    names = [a + b for a in ARCHIVE_FIRST for b in ARCHIVE_SECOND if a != b]
    rng.shuffle(names)
    return [names[i % len(names)] + (str(i // len(names) + 1) if i >= len(names) else "") for i in range(n)]


def _split(rng: random.Random, total: int, n: int) -> list[int]:
    """``total`` split into ``n`` uneven non-negative parts that add up exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(n)]
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    for i in sorted(range(n), key=lambda i: parts[i] - weights[i] * scale)[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _archive_roster(rng: random.Random) -> tuple[list[str], list[Person]]:
    units = [f"{t}镇政协工委" for t in rng.sample(TOWN_NAMES, rng.randint(4, 8))]
    units += [f"{p}县委" for p in rng.sample(PARTY_NAMES, rng.randint(2, 4))]
    units += rng.sample(GROUP_NAMES, rng.randint(1, 3)) + rng.sample(COMMITTEE_NAMES, rng.randint(0, 2)) + ["县工商联"]
    taken: set[str] = set()
    roles = ("委员", "委员", "委员", "信息员", "特邀信息员")
    people = [Person(_new_name(rng, taken), rng.choice(roles), rng.choice(units)) for _ in range(rng.randint(40, 120))]
    return units, people


def _archive_items(rng: random.Random, n: int, year: int) -> list[Item]:
    units, people = _archive_roster(rng)
    colleagues: dict[str, list[Person]] = {}
    for p in people:
        colleagues.setdefault(p.unit, []).append(p)
    activity = [rng.paretovariate(1.5) for _ in people]  # a few people write most items
    first, days = date(year, 1, 1), (date(year, 12, 31) - date(year, 1, 1)).days
    bank = TitleBank()
    items = []
    for _ in range(n):
        d = first + timedelta(days=rng.randint(0, days))
        canonical, spelled = _category(rng)
        title = bank.draw(rng, canonical)
        if rng.random() < 0.05:
            unit = rng.choice(units)
            items.append(Item(d, title, [unit], unit, unit, spelled, by_unit=True))
            continue
        p = rng.choices(people, activity)[0]
        authors = [p] + ([rng.choice(colleagues[p.unit])] if rng.random() < 0.1 and len(colleagues[p.unit]) > 1 else [])
        if len(authors) == 2 and authors[1] is p:
            authors.pop()
        items.append(Item(d, title, [a.name for a in authors], _author_text(rng, authors), p.unit, spelled))
    items.sort(key=lambda it: it.date)
    for i, it in enumerate(items, 1):
        it.no = f"{year}-{i:04d}"
    return items


def _office_items(rng: random.Random, n_items: int, n_adoptions: int, year: int) -> list[Item]:
    """One office's items for the year, adopted at every tier and a few instructed."""
    items = _archive_items(rng, n_items, year)
    targets = {"市级": round(n_adoptions * 0.27), "省级": round(n_adoptions * 0.09), "全国": round(n_adoptions * 0.02)}
    targets["县级"] = n_adoptions - sum(targets.values())
    assign_adoptions(rng, items, year, targets, round(n_adoptions * 0.04))
    return items


def _write_office_book(path: Path, office: str, items: Sequence[Item], layout: str, year: int,
                       rng: random.Random, adoptions: Sequence[Adoption] | None = None) -> Path:
    """One office's workbook: the combined layout (quarter sheets, tier columns) or the separate
    one (报送台账 and 采用台账 sheets; ``adoptions`` are its rows, by default every item's)."""
    with xlsx_book(path, constant_memory=True) as book:
        if layout == "combined":
            cols = combined_cols(rng.choice(DATE_LABELS), rng.choice(TITLE_LABELS), rng.choice(AUTHOR_LABELS),
                                 rng.choice(UNIT_LABELS), rng.choice(CATEGORY_LABELS), rng.choice(TIER_LABELS))
            grouped = rng.random() < 0.5
            style = TableStyle(month_rows=True, subtotals=True, seq_formula=rng.random() < 0.5,
                               merge_units=grouped, by_unit=grouped)
            _write_quarter_sheets(book, items, year, office, Ctx(rng, ARCHIVE_MIX), lambda q: cols, lambda q: style)
        else:
            ctx = Ctx(rng, ARCHIVE_REGISTER_MIX)
            write_ledger_sheet(book.sheet("报送台账"), REGISTER_COLS, items, ctx=ctx,
                               title=f"{office}{year}年社情民意信息报送台账")
            if adoptions is None:
                adoptions = [a for it in items for a in it.adoptions]
            write_ledger_sheet(book.sheet("采用台账"), ADOPTION_COLS, sorted(adoptions, key=lambda a: a.date), ctx=ctx,
                               cell=_adoption_cell, title=f"{office}{year}年社情民意信息采用台账")
    return path


def _archive_book(job: tuple) -> Path:
    """Generate and write one office's workbook (runs in a worker process)."""
    path, office, n_items, n_adoptions, layout, year, seed = job
    rng = random.Random(seed)
    items = _office_items(rng, n_items, n_adoptions, year)
    return _write_office_book(path, office, items, layout, year, rng)


def write_archive(out_dir: str | os.PathLike, n_workbooks: int = 100, items: int = 200_000,
                  adoptions: int = 50_000, year: int = 2026, seed: int = 1, workers: int | None = None) -> list[Path]:
    """Write a province-scale archive: one workbook per office, ``items`` submissions and ``adoptions`` in all.

    Each office gets ``<out_dir>/<名称>县政协/<year>年社情民意信息台账.xlsx``, in the
    combined layout (quarter sheets, tier columns) or, for about a third, the
    separate layout (报送台账 and 采用台账 sheets). Workbooks are written in
    parallel over ``workers`` processes (default: all CPUs; 1 runs inline).
    """
    out = Path(out_dir)
    rng = random.Random(seed)
    offices = [f"{name}县政协" for name in _office_names(rng, n_workbooks)]
    item_counts = _split(rng, items, n_workbooks)
    adoption_counts = [min(k, round(adoptions * k / items)) if items else 0 for k in item_counts]
    jobs = [(out / office / f"{year}年社情民意信息台账.xlsx", office, k, a,
             "separate" if rng.random() < 0.3 else "combined", year, rng.getrandbits(64))
            for office, k, a in zip(offices, item_counts, adoption_counts)]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or n_workbooks < 2:
        return [_archive_book(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=min(workers, n_workbooks)) as pool:
        return list(pool.map(_archive_book, jobs, chunksize=1))


# --------------------------------------------------------------------------- city office (roll-up)

CITY_OFFICE = "示例市政协"
# (office, peer group, layout): counties and districts, some keeping 编号 (separate ledgers), some not.
CITY_COUNTIES = (
    ("东山县政协", "县", "separate"), ("西湖县政协", "县", "combined"), ("南岭县政协", "县", "separate"),
    ("北川区政协", "区", "combined"), ("临江区政协", "区", "separate"), ("安平区政协", "区", "combined"),
)
CITY_BROKEN = ("石门县政协", "县")  # its only workbook is truncated: listed as missing
CITY_EMPTY = ("青河区政协", "区")   # its folder holds no workbook: listed as missing
CITY_WINDOW_DAYS = 30  # the shipped rollup.match_window_days


def _forwarded(rng: random.Random, it: Item, county: str, k: int, by_number: bool, year: int) -> Item:
    """The city's own record of a county item forwarded upward: same title (spacing may differ), the
    author or the county itself, received a few days later, with the adoptions at 市级 and above."""
    code = county.removesuffix("政协")
    received = min(it.date + timedelta(days=rng.randint(1, 12)), date(year, 12, 31))
    title = it.title if rng.random() < 0.6 else it.title[:4] + " " + it.title[4:]
    author = (it.author_text, [*it.authors]) if rng.random() < 0.7 else (county, [county])
    copy = Item(received, title, author[1], author[0], county, it.category,
                no=f"{code}-{it.no}" if by_number else f"S{year}-{k:04d}")
    copy.adoptions = [Adoption(a.tier, a.date, item=copy, issue=a.issue, body=a.body, issue_text=a.issue_text)
                      for a in it.adoptions if a.tier != "县级"]
    copy.instruction = it.instruction if it.instruction and it.adoptions[-1].tier != "县级" else None
    return copy


def write_city_office(out_dir: str | os.PathLike, year: int = 2025, seed: int = 7) -> dict:
    """Write the demo city office 示例市政协 for ``year``: one folder per county or district office
    below it, the city's own ledger (with items the counties forwarded upward) and ``offices.yaml``.

    Planted for the roll-up to find: forwarded items matched by 编号 (``东山县-2025-0012``) and by
    title + author + date; two look-alikes that must be reported as uncertain, not merged; one
    office whose workbook is corrupt and one with no workbook (both listed as missing).
    Returns what was written, with those counts.
    """
    out = Path(out_dir)
    rng = random.Random(seed)
    forwarded: list[Item] = []
    by_number = by_title = 0
    county_items: dict[str, list[Item]] = {}
    manifest = [f"office: {CITY_OFFICE}", "level: 市级", "own_ledgers: [市本级]", "offices:"]
    for name, group, layout in CITY_COUNTIES:
        items = _office_items(rng, rng.randint(120, 220), rng.randint(35, 55), year)
        county_items[name] = items
        _write_office_book(out / name / f"{name}{year}年社情民意信息台账.xlsx", name, items, layout, year, rng)
        manifest += [f"  - name: {name}", "    level: 县级", f"    peer_group: {group}", f"    ledgers: [{name}]"]
        for it in items:
            if any(a.tier != "县级" for a in it.adoptions) and not it.by_unit:
                numbered = layout == "separate" and rng.random() < 0.7
                forwarded.append(_forwarded(rng, it, name, len(forwarded) + 1, numbered, year))
                by_number += numbered
                by_title += not numbered
    for name, group in (CITY_BROKEN, CITY_EMPTY):
        (out / name).mkdir(parents=True, exist_ok=True)
        if name == CITY_EMPTY[0]:  # a note, not a ledger: the folder is there, the ledger is not
            write_text(out / name / "说明.txt", f"{name}{year}年台账尚未报送。\n")
        manifest += [f"  - name: {name}", "    level: 县级", f"    peer_group: {group}", f"    ledgers: [{name}]"]
    good = out / CITY_COUNTIES[0][0] / f"{CITY_COUNTIES[0][0]}{year}年社情民意信息台账.xlsx"
    data = good.read_bytes()
    (out / CITY_BROKEN[0] / f"{CITY_BROKEN[0]}{year}年社情民意信息台账.xlsx").write_bytes(data[: len(data) // 3])

    # Look-alikes, each with one thing that disagrees: a county title sent in by someone else within
    # days; the same author's title received long after; a 编号 whose title does not agree.
    quiet = [it for name, _, _ in CITY_COUNTIES for it in county_items[name] if not it.adoptions and it.date.month <= 9]
    other_author, late = quiet[0], quiet[-1]
    lookalikes = [
        Item(other_author.date + timedelta(days=5), other_author.title, ["秦明远"], "秦明远", "市工商联",
             other_author.category, no=f"S{year}-9001"),
        Item(late.date + timedelta(days=CITY_WINDOW_DAYS + 15), late.title, [*late.authors], late.author_text,
             late.unit, late.category, no=f"S{year}-9002"),
    ]
    wrong_src = next(it for it in county_items[CITY_COUNTIES[0][0]] if not it.adoptions)
    lookalikes.append(Item(wrong_src.date + timedelta(days=3), "关于完善城市社区养老服务网络的建议", ["欧阳清"], "欧阳清",
                           "市民建", wrong_src.category, no=f"{CITY_COUNTIES[0][0].removesuffix('政协')}-{wrong_src.no}"))
    own = _office_items(rng, 90, 30, year)
    county_titles = {it.title for items in county_items.values() for it in items}
    bank = TitleBank(reserved=sorted(county_titles))
    for k, it in enumerate(own, 1):
        it.no = f"C{year}-{k:04d}"
        it.adoptions = [a for a in it.adoptions if a.tier != "县级"]  # a city's own items start at 市级
        if it.title in county_titles:  # the city's own items are its own: no title shared by chance
            it.title = bank.draw(rng, _category(rng)[0])
    city_items = sorted([*own, *forwarded, *lookalikes], key=lambda it: it.date)
    _write_office_book(out / "市本级" / f"{CITY_OFFICE}{year}年社情民意信息台账.xlsx", CITY_OFFICE, city_items,
                       "separate", year, rng)
    write_text(out / "offices.yaml", "# 示例市政协的下级政协台账清单(sqmy rollup 读取)\n" + "\n".join(manifest) + "\n")
    summary = {
        "office": CITY_OFFICE, "level": "市级", "year": year, "seed": seed,
        "offices": {name: len(items) for name, items in county_items.items()},
        "own_items": len(own) + len(lookalikes),
        "forwarded": {"by_number": by_number, "by_title": by_title},
        "uncertain": len(lookalikes),
        "missing": [CITY_BROKEN[0], CITY_EMPTY[0]],
        "items_after_dedupe": sum(map(len, county_items.values())) + len(own) + len(lookalikes),
    }
    write_text(out / "expected.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    write_text(out / "README.md", _city_readme(summary))
    return summary


def _city_readme(s: dict) -> str:
    offices = "\n".join(f"| `{name}/` | {n} |" for name, n in s["offices"].items())
    f = s["forwarded"]
    return f"""# 示例市政协 汇总演示台账 / Demo city office for the roll-up ({s['year']})

**合成数据**:虚构的市级政协“{s['office']}”及其下级县(区)政协{s['year']}年的台账,供 `sqmy rollup` 演示和测试。
请勿手工修改,运行 `python workbooks/demo_city/generate.py` 重新生成。

Synthetic data for `sqmy rollup workbooks/demo_city --year {s['year']} --out out/city`: one folder per county or
district office, the city's own ledger in `市本级/`, and `offices.yaml` naming each office's level and peer group.

| 文件夹 folder | 条数 items |
| --- | --- |
{offices}
| `市本级/` | 本级台账:自有信息 {s['own_items'] - s['uncertain']} 条,另有下级上报本级的信息 {f['by_number'] + f['by_title']} 条 |

埋入的情形 / planted cases:
- 下级上报本级、两处都有登记的信息 {f['by_number']} 条按编号(`东山县-2025-0012`)对应,{f['by_title']} 条按标题+作者+日期对应,均应合并为一条;
- {s['uncertain']} 条疑似重复(编号对应但标题不同;标题相同但作者不同;标题相同但日期相差超过30天),应报告而不合并;
- {'、'.join(s['missing'])}:前者台账文件已损坏,后者未报送台账,应列为缺报并说明原因。
"""
