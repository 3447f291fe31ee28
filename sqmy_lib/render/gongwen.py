"""A small builder for 公文 (official documents) in the GB/T 9704-2012 layout, as .docx.

Used by the quarterly circular, the roll-up and the annual commendation decision, through
:func:`write_gongwen`, which lays out a :class:`Gongwen` (its parts, in GB/T 9704 order)::

    版头 (发文机关标志, 发文字号, red line) → 标题 → 主送机关 → 正文 → 附件说明 → 发文机关署名
    → 成文日期 → 附件 pages (附件1, 附件2 …) → 版记 (抄送, 印发机关和印发日期) at the foot of the last page

The lower-level pieces are methods of :class:`GongwenDocument`::

    doc = GongwenDocument()
    doc.title("关于2025年第三季度社情民意信息工作情况的通报")
    doc.heading("基本情况")                 # 一、基本情况 (黑体)
    doc.table(df, spec)                     # a TableSpec: labels, groups, number formats

Layout: A4, margins 37/35/28/26 mm, title 2号 小标宋, body 3号 仿宋 on a fixed 28.95 pt
line (22 lines a page), headings 黑体 then 楷体, page numbers "— 1 —" in 4号 宋体, odd
pages right and even pages left. Every run gets its Chinese font through ``w:eastAsia``
(:func:`set_font`): python-docx's ``font.name`` alone sets only the Latin fonts, and
Chinese text would fall back to the template's theme font.

Text is inserted as plain text, never interpreted (no field, no hyperlink). By default ASCII
punctuation in Chinese text is typeset full-width (``,`` → ``，``), as GB/T 15834 asks
(:func:`sqmy_lib.zh.punctuate`).
"""
from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from xml.sax.saxutils import escape
from docx.shared import Emu, Length, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from .. import zh
from ..iorw import atomic_path
from .spec import TableSpec

# Chinese type sizes (字号) in points.
SIZE_2 = Pt(22)  # 二号: title
SIZE_3 = Pt(16)  # 三号: body and headings
SIZE_4 = Pt(14)  # 四号: page numbers
SIZE_SMALL_4 = Pt(12)  # 小四: tables
SIZE_5 = Pt(10.5)  # 五号: wide tables
SIZE_SMALL_5 = Pt(9)  # 小五: a table still too wide for the page in 五号

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGINS["left"] - MARGINS["right"])  # 156 mm, the 版心 width
# The 225 mm 版心 holds 22 lines: 225 mm / 22 = 28.99 pt; 28.95 keeps 22 lines after rounding to twips.
LINE = Pt(28.95)
TITLE_LINE = Pt(35)  # a 2号 title would crowd on the body line
# The page number's dash sits 7 mm below the 版心 (35 mm margin); a 4号 line is about 6 mm tall.
FOOTER_DISTANCE = Mm(22)
CELL_MARGIN = Mm(1)  # narrow cell padding so numeric columns fit

RED = "C00000"  # 版头's red (GB/T 9704 7.2.2: 发文机关标志 and the red line)
SIZE_MARK = Pt(42)  # 发文机关标志: large, shrunk to fit the 版心 width
MARK_TOP = Mm(35)  # its top edge 35 mm below the 版心's (7.2.2)
# Characters XML 1.0 cannot hold (a ledger cell may contain them); lxml would refuse the document.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Face:
    """A font as Word names it, with the names to try when it is not installed.

    The fallbacks go into the document's font table as ``w:altName``, the OOXML way of
    naming alternatives; Word and LibreOffice use them when substituting a missing font.
    """

    name: str
    fallbacks: tuple[str, ...] = ()


@dataclass(frozen=True)
class GongwenFonts:
    """The faces a 公文 uses. 方正小标宋简体 is what offices install for titles; the rest ship with Windows."""

    title: Face = Face("方正小标宋简体", ("黑体", "SimHei"))
    heading1: Face = Face("黑体", ("SimHei",))
    heading2: Face = Face("楷体", ("KaiTi", "楷体_GB2312"))
    body: Face = Face("仿宋", ("FangSong", "仿宋_GB2312"))
    page_number: Face = Face("宋体", ("SimSun",))

    def all(self) -> list[Face]:
        return [self.title, self.heading1, self.heading2, self.body, self.page_number]


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Re-exported for callers that typeset text themselves.
zh_number, zh_date, zh_punctuation = zh.zh_number, zh.zh_date, zh.punctuate


def _em_width(text: str, latin: float = 0.5) -> float:
    """Width in em: Chinese and full-width characters 1, others (digits, Latin) ``latin``."""
    # Ambiguous-width characters (—, “”, …) are full width in a Chinese font.
    return sum(1 if unicodedata.east_asian_width(ch) in "WFA" else latin for ch in text)


# A 2号 line of the 156 mm 版心 holds 20 characters; one is kept for Word's space between Chinese and
# digits (2026年) and a font's wider digits, so a line the title is broken into is never wrapped again.
TITLE_EMS = 19
# Where a title may turn to its next line with every word whole (GB/T 9704 7.3.3: 标题回行时，要做到词意
# 完整): after these words of the documents' titles, before 的 (…情况 / 的通报) or a joining 和/及/与, after 、;
# never before a character that ends the word (9月底, 工作人员, 先进工作者), never inside 《》 or “”.
_TITLE_WORD_ENDS = ("关于", "表彰", "年度", "季度", "月", "各单位", "各地区", "工作", "情况", "先进集体", "先进个人",
                    "任务进度", "未完成", "信息员")
_TITLE_BEFORE = "的和及与"
_TITLE_NOT_BEFORE = "底份末者人员、，。：；）》”"
_TITLE_OPEN, _TITLE_CLOSE = "《“（", "》”）"


def _title_cut(text: str, i: int) -> bool:
    """Whether a title may turn to its next line before ``text[i]``."""
    head = text[:i]
    if text[i] in _TITLE_NOT_BEFORE or sum(head.count(c) for c in _TITLE_OPEN) > sum(head.count(c) for c in _TITLE_CLOSE):
        return False
    return text[i] in _TITLE_BEFORE or head.endswith("、") or head.endswith(_TITLE_WORD_ENDS)


def title_lines(text: str, ems: float = TITLE_EMS) -> list[str]:
    """A title too long for one line as the fewest lines of at most ``ems``, each ending where a word
    does and the longest as short as it can be (排列对称); as it is when it fits, or when no such cut fits
    (then Word wraps it)."""
    if _em_width(text) <= ems:
        return [text]
    cuts = [0] + [i for i in range(1, len(text)) if _title_cut(text, i)] + [len(text)]
    # best[j]: (lines, longest, the cut before) for the text up to cuts[j], every line fitting
    best: list[tuple[int, float, int] | None] = [(0, 0.0, -1)] + [None] * (len(cuts) - 1)
    for j in range(1, len(cuts)):
        for i in range(j):
            width = _em_width(text[cuts[i]:cuts[j]])
            if best[i] is None or width > ems:
                continue
            option = (best[i][0] + 1, max(best[i][1], width), i)
            if best[j] is None or option[:2] < best[j][:2]:
                best[j] = option
    if best[-1] is None:
        return [text]
    lines, j = [], len(cuts) - 1
    while j > 0:
        i = best[j][2]
        lines.append(text[cuts[i]:cuts[j]])
        j = i
    return lines[::-1]


# ---------------------------------------------------------------------------
# Fonts: the one place rFonts are written
# ---------------------------------------------------------------------------

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_rfonts(rfonts, name: str) -> None:
    # A *Theme attribute outranks the explicit name on the same element, so drop them.
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def set_font(target, face: Face, size: Length | None = None, bold: bool | None = None) -> None:
    """Set ``face`` on a run or style (anything with ``.font`` and ``.element``) for Latin
    *and* Chinese text, plus size and weight when given."""
    target.font.name = face.name
    _set_rfonts(target.element.get_or_add_rPr().get_or_add_rFonts(), face.name)
    if size is not None:
        target.font.size = size
    if bold is not None:
        target.font.bold = bold


def _default_fonts(doc, face: Face, size: Length) -> None:
    """Make ``face`` the document default (docDefaults and Normal) and mark the language
    Chinese, so text added by hand later in Word starts in the body font."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    _set_rfonts(rfonts, face.name)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = doc.styles["Normal"]
    set_font(normal, face, size)
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    pf.widow_control = False  # 公文 fill every line of a page
    # No extra space between Chinese and digits or Latin ("2025年" not "2025 年"): keeps the
    # 28-character line and the widths computed here; 公文 templates switch it off too.
    ppr = normal.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        ppr.insert_element_before(el, "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc")


def _mark_size(paragraph: Paragraph, size: Length) -> None:
    """The paragraph mark's size: an empty table cell is as tall as its mark, which is otherwise the
    body's 3号 (a row of blanks stood taller than the rows of figures beside it)."""
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(round(size.pt * 2)))
        rpr.append(el)
    paragraph._p.get_or_add_pPr().append(rpr)


def _register_fallbacks(doc, faces: Sequence[Face]) -> None:
    """Name each face's fallbacks in the font table (``w:altName``), with the GB2312 charset
    so a substitute is at least a Chinese font."""
    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    # python-docx keeps the font table as raw bytes (a plain Part); should it ever parse it, edit the tree.
    parsed = hasattr(part, "_element")
    root = part._element if parsed else etree.fromstring(part.blob)
    for face in {f.name: f for f in faces}.values():
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == face.name:
                root.remove(old)
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): face.name})
        if face.fallbacks:
            etree.SubElement(font, qn("w:altName"), {qn("w:val"): ",".join(face.fallbacks)})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "auto"})
    if not parsed:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------------------
# Low-level XML bits python-docx does not expose
# ---------------------------------------------------------------------------

def _indent_chars(paragraph: Paragraph, first_line: float = 0, left: float = 0, right: float = 0,
                  size: Length = SIZE_3) -> None:
    """Indents in characters (``w:firstLineChars`` etc., which follow the font size in Word),
    with the equivalent absolute values for readers that ignore the *Chars attributes."""
    pf = paragraph.paragraph_format
    pf.first_line_indent = Pt(size.pt * first_line) if first_line else None
    pf.left_indent = Pt(size.pt * left) if left else None
    pf.right_indent = Pt(size.pt * right) if right else None
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        first = ("w:hangingChars", -first_line) if first_line < 0 else ("w:firstLineChars", first_line)
        for attr, chars in (first, ("w:leftChars", left), ("w:rightChars", right)):
            if chars:
                ind.set(qn(attr), str(round(chars * 100)))


def _table_borders(table: Table, size_eighths: int = 4) -> None:
    """Single lines round and inside every cell (½ pt), independent of the template's styles."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for k, v in (("val", "single"), ("sz", str(size_eighths)), ("space", "0"), ("color", "000000")):
            el.set(qn(f"w:{k}"), v)
        borders.append(el)
    # Word rejects tblPr children out of schema order, so insert rather than append.
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription", "w:tblPrChange")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(CELL_MARGIN.twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _paragraph_border(paragraph: Paragraph, edge: str, color: str, eighths: int, space_pt: int) -> None:
    """A line along one edge of a paragraph, as wide as the 版心 (``space_pt`` from the text, ≤ 31)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    el = OxmlElement(f"w:{edge}")
    for k, v in (("val", "single"), ("sz", str(eighths)), ("space", str(space_pt)), ("color", color)):
        el.set(qn(f"w:{k}"), v)
    borders.append(el)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc")


_TEXT_BOX = """<w:r {ns} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
<wp:docPr id="9704" name="版记"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""


def _imprint_row(left: str, right: str, face: Face, first: bool, last: bool, line: Length) -> str:
    """One 版记 line as WordprocessingML: its rule above (thick on the first) and below (thick on the
    last), the organ 左空一字 and the date 右空一字 on a right tab."""
    def rule(edge: str, eighths: int) -> str:
        return f'<w:{edge} w:val="single" w:sz="{eighths}" w:space="1" w:color="000000"/>'

    def run(text: str) -> str:
        fonts = "".join(f' w:{a}="{escape(face.name)}"' for a in ("ascii", "hAnsi", "eastAsia", "cs"))
        return (f'<w:r><w:rPr><w:rFonts{fonts}/><w:sz w:val="{int(SIZE_4.pt * 2)}"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(_XML_INVALID.sub("", text))}</w:t></w:r>')

    one = int(SIZE_4.twips)  # 一字 in twips
    borders = rule("top", 8 if first else 4) + (rule("bottom", 8) if last else "")
    tab = f'<w:tabs><w:tab w:val="right" w:pos="{int(TEXT_WIDTH.twips) - 2 * one}"/></w:tabs>' if right else ""
    body = run(left) + ('<w:r><w:tab/></w:r>' + run(right) if right else "")
    return (f'<w:p><w:pPr><w:pBdr>{borders}</w:pBdr>{tab}<w:spacing w:before="0" w:after="0" '
            f'w:line="{int(line.twips)}" w:lineRule="exact"/><w:ind w:left="{one}" w:right="{one}"/></w:pPr>{body}</w:p>')


def _row_flags(row, header: bool) -> None:
    """Rows never split across pages; header rows repeat at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _field(paragraph: Paragraph, instruction: str, face: Face, size: Length) -> None:
    """A Word field (``PAGE``) as begin / instruction / separate / placeholder / end runs."""
    def run_with(tag: str, **attrs):
        run = paragraph.add_run()
        set_font(run, face, size)
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        run._r.append(el)
        return run, el

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    _, instr = run_with("w:instrText", **{"xml:space": "preserve"})
    instr.text = f" {instruction} "
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    placeholder = paragraph.add_run("1")
    set_font(placeholder, face, size)
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def _header_layout(headers: list[tuple[str, ...]]) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The header rows' texts and merged spans (row1, col1, row2, col2) for one- or two-level headers.

    A two-level column with an empty or repeated level spans both rows; neighbouring columns
    with the same upper label share one merged upper cell.
    """
    depth = len(headers[0])
    if depth == 1:
        return [[h[0] for h in headers]], []
    if depth != 2:
        raise ValueError("表头最多两层")
    grid = [["", ""] for _ in headers]
    spans, j = [], 0
    while j < len(headers):
        top, sub = headers[j]
        if not top or not sub or top == sub:
            grid[j][0] = top or sub
            spans.append((0, j, 1, j))
            j += 1
            continue
        end = j
        while end + 1 < len(headers) and headers[end + 1][0] == top and headers[end + 1][1] not in ("", top):
            end += 1
        grid[j][0] = top
        for k in range(j, end + 1):
            grid[k][1] = headers[k][1]
        if end > j:
            spans.append((0, j, 0, end))
        j = end + 1
    return [[grid[c][r] for c in range(len(headers))] for r in range(2)], spans


def _run_spans(texts: list[str], column: int, first_row: int) -> list[tuple[int, int, int, int]]:
    """Vertical spans over runs of equal, non-empty texts in one body column."""
    spans, start = [], 0
    for i in range(1, len(texts) + 1):
        if i == len(texts) or texts[i] != texts[start]:
            if i - start > 1 and texts[start]:
                spans.append((first_row + start, column, first_row + i - 1, column))
            start = i
    return spans


def _column_ems(rows: list[list[str]], spans: list[tuple[int, int, int, int]], n_head: int,
                header_lines: int = 1) -> list[float]:
    """Each column's natural width in em. A header label spread over several columns does not
    count; a merged cell in the body may wrap over the rows it spans; a header label may wrap
    over ``header_lines`` lines (a wide table: "上报被\n采用" rather than "191.\n7%")."""
    hidden, lines = set(), {(r, c): header_lines for r in range(n_head) for c in range(len(rows[0]))}
    for r1, c1, r2, c2 in spans:
        hidden |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        if c1 == c2:
            hidden.discard((r1, c1))
            lines[r1, c1] = r2 - r1 + 1 if r1 >= n_head else header_lines
    # Digits count 0.7 em: 仿宋's are half an em, but a substitute font's (DejaVu Sans) run wider.
    return [max([_em_width(row[j], latin=0.7) / lines.get((i, j), 1)
                 for i, row in enumerate(rows) if (i, j) not in hidden] + [1])
            for j in range(len(rows[0]))]


def _fitted(rows: list[list[str]], spans: list[tuple[int, int, int, int]], n_head: int, size: Length,
            short: float = 6) -> tuple[list[float], Length]:
    """Natural widths (em) and type size for a table, so that no figure has to wrap: as given when
    the short columns (figures, names) fit the page beside ``short`` em for each long text column;
    else with header labels on two lines ("上报被\n采用"); else, as well, in 小五."""
    for header_lines, pt in ((1, size), (2, size), (2, min(size, SIZE_SMALL_5, key=lambda s: s.pt))):
        pad = 2 * CELL_MARGIN.pt + 0.2 * pt.pt
        ems = _column_ems(rows, spans, n_head, header_lines)
        needed = sum(min(em, short) * pt.pt + pad for em in ems)
        if needed <= TEXT_WIDTH.pt:
            break
    return ems, pt


def _column_widths(ems: list[float], size: Length, total: Length = TEXT_WIDTH,
                   short: float = 6, cap: float = 16) -> list[int]:
    """Column widths (EMU) filling the text width, from natural widths in em.

    Short columns (numbers, names: at most ``short`` em) get their natural width so they
    never wrap; long text columns share the rest in proportion to their length (capped at
    ``cap`` em, so one long title does not squeeze the others). If that leaves the long
    columns too little room, or there are none, every column scales alike.
    """
    pad = 2 * CELL_MARGIN.pt + 0.2 * size.pt  # cell padding, and a little slack against wrapping
    natural = [em * size.pt + pad for em in ems]
    is_short = [em <= short for em in ems]
    long_natural = [0 if s else min(w, cap * size.pt + pad) for w, s in zip(natural, is_short)]
    room = total.pt - sum(w for w, s in zip(natural, is_short) if s)
    if any(long_natural) and room >= sum(2 * size.pt + pad for w in long_natural if w):
        widths = [w if s else lw * room / sum(long_natural) for w, s, lw in zip(natural, is_short, long_natural)]
    else:
        widths = [min(w, cap * size.pt + pad) for w in natural]
        widths = [w * total.pt / sum(widths) for w in widths]
    return [int(Pt(w)) for w in widths]


def _word_ems(body: list[list[str]], spec: TableSpec, short: float = 8, labels: bool = False) -> list[float]:
    """Each column's widest word in em: a short text (a 类别 such as 镇街政协工委, a name, a figure)
    is one word, never broken over two lines even in a cell merged over several rows; long text
    (titles) may wrap anywhere; a header label, on at most two lines (采用|任务), never on more."""
    return [max(-(-_em_width(c.label) // 2) if labels else 0, 0 if c.kind == "long" else
                max([w for r in body if (w := _em_width(r[j], latin=0.7)) <= short] + [0]))
            for j, c in enumerate(spec)]


def _floored(widths: list[int], words: list[float], labelled: list[float], size: Length) -> list[int]:
    """``widths`` with each column at least as wide as its widest word (``words``), the room taken
    from the columns wider than that in proportion to what they have to spare, sparing first what
    keeps their labels on two lines (``labelled``); then the labels too if room is left. Unchanged
    when no column has room to spare."""
    pad = 2 * CELL_MARGIN.pt + 0.2 * size.pt
    need = [int(Pt(em * size.pt + pad)) if em else 0 for em in words]
    keep = [max(n, int(Pt(em * size.pt + pad))) for n, em in zip(need, labelled)]
    for floors, kept in ((need, keep), (need, need), (keep, keep)):
        short = sum(max(f - w, 0) for w, f in zip(widths, floors))
        spare = [max(w - k, 0) for w, k in zip(widths, kept)]
        if short and sum(spare) >= short:
            widths = [f if w < f else int(w - short * s / sum(spare)) for w, f, s in zip(widths, floors, spare)]
    return widths


# ---------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------

@dataclass
class GongwenDocument:
    """A 公文 being built, top to bottom. Each method appends and returns what it added."""

    fonts: GongwenFonts = field(default_factory=GongwenFonts)
    punctuation: bool = True  # typeset ASCII punctuation in Chinese text full-width

    def __post_init__(self) -> None:
        self.doc = Document()
        self._numbers = [0, 0, 0, 0]  # heading counters per level
        self._runs: dict = {}  # (face, size, bold) -> a styled run to copy
        self._page_setup()
        _default_fonts(self.doc, self.fonts.body, SIZE_3)
        _register_fallbacks(self.doc, self.fonts.all())
        self.doc.core_properties.author = self.doc.core_properties.last_modified_by = ""
        self.doc.core_properties.created = self.doc.core_properties.modified = dt.datetime.now().replace(microsecond=0)

    def reset(self) -> None:
        """Empty the body for the next document of a batch (one letter per unit and person): the page
        setup, fonts, footer and styled runs stay, so a batch opens and sets up one document, not one each."""
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self._numbers = [0, 0, 0, 0]
        self._after_letterhead = False

    # -- page ---------------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
        section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
        section.footer_distance = FOOTER_DISTANCE
        # GB/T 9704 7.5: 单页码居右空一字, 双页码居左空一字.
        self.doc.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT, right=1)
        self._page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT, left=1)

    def _page_number(self, paragraph: Paragraph, align, left: float = 0, right: float = 0) -> None:
        face = self.fonts.page_number
        paragraph.alignment = align
        pf = paragraph.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _indent_chars(paragraph, left=left, right=right, size=SIZE_4)
        self._text(paragraph, "— ", face, SIZE_4)
        _field(paragraph, "PAGE", face, SIZE_4)
        self._text(paragraph, " —", face, SIZE_4)

    def page_header(self, text: str) -> None:
        """``text`` in the header of every page, odd and even (a draft's mark: 草稿…), 3号黑体."""
        section = self.doc.sections[0]
        for header in (section.header, section.even_page_header):
            paragraph = header.paragraphs[0]
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            self._text(paragraph, text, self.fonts.heading1, SIZE_3)

    # -- text ---------------------------------------------------------------

    def _text(self, paragraph: Paragraph, text: str, face: Face, size: Length, bold: bool | None = None):
        """Append a run: the only way text enters the document, so every run has its fonts set.

        Each (face, size, weight) is styled once through python-docx; later runs copy that run's
        element (its rPr) and get their own text, which is several times faster in long tables."""
        text = _XML_INVALID.sub("", str(text))
        text = zh_punctuation(text) if self.punctuation else text
        key = (face.name, int(size), bold)
        template = self._runs.get(key)
        if template is None or "\t" in text or "\n" in text:  # tabs and breaks: python-docx's own runs
            run = paragraph.add_run(text)
            set_font(run, face, size, bold)
            if len(run._r) == 2 and run._r[1].tag == qn("w:t"):  # rPr and one w:t: a template to copy
                self._runs.setdefault(key, copy.deepcopy(run._r))
            return run
        r = copy.deepcopy(template)
        t = r.find(qn("w:t"))
        t.text = text
        t.set(qn("xml:space"), "preserve")
        paragraph._p.append(r)
        return Run(r, paragraph)

    def _paragraph(self, align=WD_ALIGN_PARAGRAPH.JUSTIFY, line: Length | None = LINE) -> Paragraph:
        p = self.doc.add_paragraph()
        p.alignment = align
        if line is None:
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            p.paragraph_format.line_spacing_rule, p.paragraph_format.line_spacing = WD_LINE_SPACING.EXACTLY, line
        return p

    def title(self, text: str) -> Paragraph:
        """The title (标题): 2号 小标宋, centred, one blank line below. Also the file's title property."""
        p = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, TITLE_LINE)
        if getattr(self, "_after_letterhead", False):
            p.paragraph_format.space_before = Pt(LINE.pt * 2)  # 红色分隔线下空二行 (7.3.1)
        p.paragraph_format.space_after = LINE
        self._text(p, "\n".join(title_lines(text)), self.fonts.title, SIZE_2)
        self.doc.core_properties.title = text
        return p

    def addressee(self, text: str) -> Paragraph:
        """主送机关: flush left, ending in a full-width colon."""
        text = text.rstrip()
        if not text.endswith((":", "：")):
            text += "："
        p = self._paragraph(WD_ALIGN_PARAGRAPH.LEFT)
        self._text(p, text, self.fonts.body, SIZE_3)
        return p

    def heading(self, text: str, level: int = 1, numbered: bool = True) -> Paragraph:
        """A heading: level 1 黑体 "一、", 2 楷体 "（一）", 3 仿宋 "1.", 4 仿宋 "（1）".

        Numbers count on by level and restart under a new higher heading; ``numbered=False``
        takes ``text`` as it is.
        """
        if level not in (1, 2, 3, 4):
            raise ValueError(f"标题层级应为1–4,实为{level}")
        self._numbers[level - 1] += 1
        self._numbers[level:] = [0] * (4 - level)
        n = self._numbers[level - 1]
        prefix = {1: f"{zh_number(n)}、", 2: f"（{zh_number(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]
        face = {1: self.fonts.heading1, 2: self.fonts.heading2}.get(level, self.fonts.body)
        p = self._paragraph()
        _indent_chars(p, first_line=2)
        p.paragraph_format.keep_with_next = True
        self._text(p, (prefix if numbered else "") + text, face, SIZE_3)
        return p

    def paragraph(self, text: str, lead: str | None = None) -> Paragraph:
        """A body paragraph: 3号 仿宋, first line indented two characters, justified.
        ``lead`` is a run-in opening in bold (e.g. "一是加强领导。")."""
        p = self._paragraph()
        _indent_chars(p, first_line=2)
        if lead:
            self._text(p, lead, self.fonts.body, SIZE_3, bold=True)
        self._text(p, text, self.fonts.body, SIZE_3)
        return p

    def note(self, text: str, align=WD_ALIGN_PARAGRAPH.RIGHT, size: Length = SIZE_SMALL_4) -> Paragraph:
        """A small line beside a table or figure (e.g. "单位：条"), single-spaced."""
        p = self._paragraph(align, line=None)
        self._text(p, text, self.fonts.body, size)
        return p

    def table(self, df: pd.DataFrame, spec: TableSpec, *, size: Length = SIZE_SMALL_4,
              row_kinds: Sequence[str] | None = None) -> Table:
        """A bordered table of ``df`` as ``spec`` declares it: bold header repeated on every page,
        cells centred (left-aligned where the text is long), values formatted by kind.

        A spec with groups gets a two-level header (equal group labels merge); the spec's
        ``merge_runs`` columns merge runs of equal values vertically (e.g. a peer group).
        """
        spec = spec.present(df)
        keys = spec.keys
        headers = [(c.group, c.label) if spec.two_level else (c.label,) for c in spec]
        head, spans = _header_layout(headers)
        body = spec.rows(df, row_kinds=row_kinds)
        for key in spec.merge_runs:
            if key in keys:
                j = keys.index(key)
                spans += _run_spans([r[j] for r in body], j, len(head))

        table = self.doc.add_table(rows=len(head) + len(body), cols=len(keys))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _table_borders(table)
        # Widths go on before merging: python-docx adds merged cells' widths together.
        ems, size = _fitted(head + body, spans, len(head), size)
        widths = _floored(_column_widths(ems, size), _word_ems(body, spec), _word_ems(body, spec, labels=True), size)
        for j, width in enumerate(widths):
            table.columns[j].width = width
        # Row by row: python-docx's table.cell()/column.cells rebuild the whole grid on every call.
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
        covered = set()
        for r1, c1, r2, c2 in spans:
            table.cell(r1, c1).merge(table.cell(r2, c2))
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        long_text = [c.kind == "long" or (not c.numeric and max((_em_width(r[j]) for r in body), default=0) > 8)
                     for j, c in enumerate(spec)]
        for i, (texts, row) in enumerate(zip(head + body, table.rows)):
            is_header = i < len(head)
            _row_flags(row, is_header)
            row_cells = row.cells
            for j, text in enumerate(texts):
                if (i, j) in covered:
                    continue
                cell = row_cells[j]
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                _mark_size(p, size)
                left = long_text[j] and not is_header
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
                if text:
                    self._text(p, text, self.fonts.body, size, bold=is_header)
        self.doc.add_paragraph()  # Word needs a paragraph between a table and what follows
        return table

    def picture(self, path: str | Path, width: Length = Mm(140), caption: str | None = None) -> Paragraph:
        """A centred picture; single line spacing, since a fixed line height would clip it."""
        p = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, line=None)
        p.add_run().add_picture(str(path), width=width)
        if caption:
            self.note(caption, WD_ALIGN_PARAGRAPH.CENTER)
        return p

    def signature(self, org: str, date: dt.date, blank_lines: int = 1) -> tuple[Paragraph, Paragraph]:
        """发文机关署名 and 成文日期 (GB/T 9704 7.3.5.2): the name 右空二字 after a blank line,
        the date on the next line starting two characters right of the name; when the date
        is the longer, the date keeps 右空二字 and the name moves left."""
        # GB/T 9704 7.3.5.4: the signature never stands alone on a page — it keeps the
        # last body paragraph with it.
        last = self.doc.paragraphs[-1] if self.doc.paragraphs else None
        if last is not None:
            last.paragraph_format.keep_with_next = True
        date_text = zh_date(date)
        w_org, w_date = _em_width(org), _em_width(date_text)
        right_date = w_org - w_date
        right_org = 2.0
        if right_date < 2:
            right_date, right_org = 2.0, w_date + 4 - w_org
        name = self._paragraph(WD_ALIGN_PARAGRAPH.RIGHT)
        name.paragraph_format.space_before = Pt(LINE.pt * blank_lines)
        name.paragraph_format.keep_with_next = True
        _indent_chars(name, right=right_org)
        self._text(name, org, self.fonts.body, SIZE_3)
        when = self._paragraph(WD_ALIGN_PARAGRAPH.RIGHT)
        _indent_chars(when, right=right_date)
        self._text(when, date_text, self.fonts.body, SIZE_3)
        return name, when

    # -- the parts around the body (GB/T 9704 7.2, 7.3.4, 7.3.7, 7.4) -------------------------

    def letterhead(self, mark: str, number: str, red: bool = True) -> Paragraph:
        """版头: 发文机关标志 (小标宋, centred, its top 35 mm below the 版心's, shrunk to fit one line),
        发文字号 two lines below it (centred), and the red line 4 mm below the number across the 版心.

        ``red=False`` leaves the mark and the line out but keeps their room, for paper with a
        printed 红头. The title then goes two lines below the line (7.3.1)."""
        size = Pt(min(SIZE_MARK.pt, TEXT_WIDTH.pt * 0.96 / max(_em_width(mark, latin=0.6), 1)))
        head = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, line=Pt(size.pt * 1.2))
        head.paragraph_format.space_before = Pt(MARK_TOP.pt - LINE.pt)  # the page's first line is a line of its own
        run = self._text(head, mark if red else "", self.fonts.title, size)
        if red:
            run.font.color.rgb = RGBColor.from_string(RED)
        num = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
        num.paragraph_format.space_before = Pt(LINE.pt * 2)
        self._text(num, number, self.fonts.body, SIZE_3)
        if red:
            _paragraph_border(num, "bottom", RED, eighths=12, space_pt=11)
        self._after_letterhead = True
        return head

    def letter_head(self, mark: str, red: bool = True) -> Paragraph:
        """信函格式的版头 (GB/T 9704 10.1): the organ's name centred at the top of the 版心 and a red
        line 4 mm below it across the 版心; no 发文字号 line (a letter's number, if any, is written
        in the body). The title follows one line below."""
        size = Pt(min(SIZE_MARK.pt * 0.75, TEXT_WIDTH.pt * 0.96 / max(_em_width(mark, latin=0.6), 1)))
        head = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, line=Pt(size.pt * 1.2))
        head.paragraph_format.space_before = Pt(0)
        run = self._text(head, mark if red else "", self.fonts.title, size)
        if red:
            run.font.color.rgb = RGBColor.from_string(RED)
            _paragraph_border(head, "bottom", RED, eighths=12, space_pt=11)
        self._after_letterhead = False
        return head

    def attachments_note(self, titles: Sequence[str]) -> list[Paragraph]:
        """附件说明 (7.3.4): one blank line below the body, 右空 nothing, 左空二字 "附件：" and the names,
        numbered "1." when there are several, the later lines aligned under the first name; no
        punctuation after a name."""
        out = []
        several = len(titles) > 1
        number = 1.5 if several else 0  # "1. " is about one and a half characters wide
        # The note, the signature and the last body paragraph stay on one page (7.3.5.4).
        if self.doc.paragraphs:
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        for n, title in enumerate(titles, 1):
            p = self._paragraph(WD_ALIGN_PARAGRAPH.LEFT)
            text = (f"{n}. " if several else "") + title
            # A wrapped name continues under its own first character (回行时与上一行附件名称首字对齐).
            if n == 1:
                p.paragraph_format.space_before = LINE
                _indent_chars(p, first_line=-3 - number, left=5 + number)
                text = "附件：" + text
            else:
                _indent_chars(p, first_line=-number, left=5 + number)
            self._text(p, text.rstrip("。；，"), self.fonts.body, SIZE_3)
            p.paragraph_format.keep_with_next = True
            out.append(p)
        return out

    def attachment_page(self, n: int | None, title: str) -> Paragraph:
        """An attachment's first page (7.3.7): a new page, "附件N" in 3号黑体 at the top left, the
        title centred on the third line (2号小标宋)."""
        self._drop_spacer_after_table()
        label = self._paragraph(WD_ALIGN_PARAGRAPH.LEFT)
        label.paragraph_format.page_break_before = True
        self._text(label, "附件" + (str(n) if n else ""), self.fonts.heading1, SIZE_3)
        p = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER, TITLE_LINE)
        p.paragraph_format.space_before = LINE
        p.paragraph_format.space_after = Pt(LINE.pt / 2)
        self._text(p, "\n".join(title_lines(title)), self.fonts.title, SIZE_2)
        return p

    def _drop_spacer_after_table(self) -> None:
        """The empty paragraph a table leaves after itself, taken out before a new page starts: a
        table that ends at the foot of a page would push it onto a page of its own, a blank page
        before the next 附件."""
        body = self.doc.element.body
        blocks = [e for e in body.iterchildren() if e.tag != qn("w:sectPr")]
        if (len(blocks) >= 2 and blocks[-2].tag == qn("w:tbl") and blocks[-1].tag == qn("w:p")
                and not "".join(blocks[-1].itertext()).strip()):
            body.remove(blocks[-1])

    def imprint(self, rows: Sequence[tuple[str, str]]) -> Paragraph:
        """版记 (7.4) at the foot of the last page: its ``rows`` (``Issuing.imprint_rows``: 抄送 if any,
        then 印发机关 and 印发日期), 4号仿宋,
        左右各空一字, under a thick first line, thin lines between, and a thick last line on the
        版心's bottom edge.

        Drawn as a text box anchored to the bottom of the 版心 (DrawingML), which Word and
        LibreOffice both keep at the foot of the page however much text comes before it."""
        face = self.fonts.body
        line = Pt(24)
        content = "".join(_imprint_row(left, right, face, first=(i == 0), last=(i == len(rows) - 1), line=line)
                          for i, (left, right) in enumerate(rows))
        width, height = int(TEXT_WIDTH), int(Pt(line.pt * len(rows) + 4))
        p = self._paragraph(WD_ALIGN_PARAGRAPH.LEFT, line=Pt(1))
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
        p._p.append(parse_xml(_TEXT_BOX.format(width=width, height=height, content=content,
                                               ns=nsdecls("w", "wp", "a"))))
        return p

    def save(self, path: str | Path) -> Path:
        """Write the .docx atomically."""
        with atomic_path(path) as tmp:
            self.doc.save(str(tmp))
        return Path(path)


# ---------------------------------------------------------------------------
# A whole 公文 from its parts
# ---------------------------------------------------------------------------

def _blocks(doc: GongwenDocument, blocks: Sequence) -> None:
    from .document import Heading, Para, TableBlock

    for block in blocks:
        if isinstance(block, Heading):
            doc.heading(block.text, block.level)
        elif isinstance(block, Para):
            doc.paragraph(block.text, lead=block.lead or None)
        elif isinstance(block, TableBlock):
            if block.note:
                doc.note(block.note)
            doc.table(block.df, block.spec, size=SIZE_5 if block.small else SIZE_SMALL_4, row_kinds=block.row_kinds)
        else:
            raise TypeError(f"未知的公文内容:{type(block).__name__}")


def write_gongwen(gongwen, path: str | Path) -> Path:
    """Lay out a :class:`~.document.Gongwen` as a .docx at ``path`` (written atomically)."""
    issuing = gongwen.issuing
    doc = GongwenDocument()
    if gongwen.draft:
        doc.page_header(gongwen.draft)
    if issuing.mark or issuing.number:
        doc.letterhead(issuing.mark, issuing.number, red=issuing.red)
    doc.title(gongwen.title)
    doc.addressee(gongwen.addressee)
    _blocks(doc, gongwen.body)
    if gongwen.attachments:
        doc.attachments_note([a.title for a in gongwen.attachments])
    doc.signature(issuing.organ, issuing.date)
    several = len(gongwen.attachments) > 1
    for n, attachment in enumerate(gongwen.attachments, 1):
        doc._numbers = [0, 0, 0, 0]
        doc.attachment_page(n if several else None, attachment.title)
        _blocks(doc, attachment.blocks)
    doc.imprint(issuing.imprint_rows())
    return doc.save(path)
