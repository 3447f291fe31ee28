"""Pre-flight checks on a file before any parser touches it.

A ledger may be empty, truncated, encrypted, an HTML page saved as ``.xls`` (a CSV, under any
name, is read as the one sheet it is),
a zip bomb, or a sheet that declares a billion cells (calamine would try to
allocate them and abort the whole process). Each is refused here with a
stable code and a Chinese message, so one bad file never stops the others.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import csvfile, htmltable, xmlspreadsheet
from ..iorw import OUTPUT_PROPERTY
from ..zh import read_error

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits: far above any real ledger (a province's year is ~10^5 rows), far below harm.
MAX_UNCOMPRESSED = 1 << 30  # 1 GiB for the whole package
MAX_RATIO = 200  # per member, for members over MIN_RATIO_SIZE
MIN_RATIO_SIZE = 32 << 20
MAX_SHEET_CELLS = 20_000_000  # rows × columns of one sheet's extent
MAX_SHEET_XML = 512 << 20


class UnreadableFile(Exception):
    """A file (or one sheet of it) that cannot be read; ``code`` is stable, ``message`` Chinese."""

    def __init__(self, code: str, message: str, sheet: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.sheet = sheet


@dataclass
class SheetFacts:
    """What the raw XML says about one worksheet that calamine does not tell."""

    formula_cells: set[tuple[int, int]] = field(default_factory=set)  # 0-based, no cached value
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based → #N/A, #REF! … (calamine: empty)
    struck_cells: set[tuple[int, int]] = field(default_factory=set)  # 0-based, text with a 删除线 (strikethrough)
    # 0-based → (the text left, the text struck): a cell whose text is struck through in part (its runs)
    partly_struck: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)  # 0-based rows hidden (by hand or by a filter)
    hidden_cols: set[int] = field(default_factory=set)  # 0-based columns hidden
    date1904: bool = False  # the workbook counts days from 1904 (a Mac Excel setting): serials 1462 days on
    comments: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based → a cell's note (批注) text
    picture_cells: set[tuple[int, int]] = field(default_factory=set)  # 0-based, a picture WPS embedded (=DISPIMG)
    # 0-based → why a value shows as a blank (数字格式(;;;), 白色字体): the cell's style hides it (see Blanking)
    format_hidden: dict[tuple[int, int], str] = field(default_factory=dict)
    # 0-based → (formula, its stored value): a formula of today's date (=TODAY(), =NOW()-1), whose
    # stored value is the day it was last calculated, not a day anyone wrote
    volatile_cells: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    merges: list = field(default_factory=list)  # ((r0, c0), (r1, c1)): an .ods's (calamine gives only an .xlsx's)
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based → its fill colour (底纹), as a key
    problem: UnreadableFile | None = None

    def strike(self, at: tuple[int, int], split: tuple[str, str] | None) -> None:
        """A cell whose text runs are struck (``split_struck``): all of it, a struck cell as if its
        format were struck; part of it, read without that part."""
        if split is None:
            return
        if split[0]:
            self.partly_struck[at] = split
        else:
            self.struck_cells.add(at)


def sniff(path: Path) -> str:
    """Return the workbook format (``xlsx``, ``xls``, ``ods``, ``csv``, ``html`` or ``xmlss``: Excel 2003
    XML) or raise UnreadableFile."""
    if not path.exists():
        raise UnreadableFile("file.not_found", "文件不存在,请检查路径")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise UnreadableFile("file.unreadable", f"无法打开文件:{read_error(exc)}") from exc
    if size == 0:
        raise UnreadableFile("file.empty", "文件为空(0 字节),请确认是否保存成功")
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path)
    if htmltable.looks_like_mht(head):
        return "html"  # a page saved as one file (单个文件网页, .mht) under an .xls name: its tables are read
    if csvfile.is_csv(head, path):
        return "csv"  # a CSV, under .csv or under an Excel name (as online systems export it)
    if htmltable.looks_like_html(head):
        return "html"  # a web page's table, under an Excel name (as web systems export it)
    if xmlspreadsheet.looks_like_spreadsheet_ml(head):
        return "xmlss"  # an Excel 2003 XML workbook, under an .xls name (as web systems export it)
    raise UnreadableFile("file.not_excel", f"文件不是 Excel 工作簿(内容为{_describe(head)}),请用 Excel 或 WPS 另存为 .xlsx")


def _describe(head: bytes) -> str:
    low = head.lower().lstrip()
    if low.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in low:
        return "网页 HTML"
    if low.startswith(b"%pdf"):
        return "PDF 文档"
    if low.startswith(b"<?xml"):
        return "XML 文本"
    if low.startswith((b"\xef\xbb\xbf", b"\xff\xfe")) or all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "纯文本/CSV"
    return "无法识别的格式"


def _sniff_ole(path: Path) -> str:
    # An encrypted .xlsx is an OLE container holding EncryptionInfo/EncryptedPackage streams.
    with open(path, "rb") as fh:
        data = fh.read(1 << 16)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise UnreadableFile("file.encrypted", "工作簿设有打开密码,无法读取;请在 Excel/WPS 中取消密码后另存")
    return "xls"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            _check_bomb(infos)
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsx"
            if "content.xml" in names and "mimetype" in names:
                if b"spreadsheet" in zf.read("mimetype"):
                    return "ods"
    except zipfile.BadZipFile as exc:
        raise UnreadableFile("file.corrupt", "文件已损坏或不完整(压缩结构无法解析),请重新获取原文件") from exc
    if "word/document.xml" in names:
        kind = "Word 文档"
    elif "ppt/presentation.xml" in names:
        kind = "PowerPoint 文档"
    else:
        kind = "压缩包"
    raise UnreadableFile("file.not_excel", f"文件不是 Excel 工作簿(内容为{kind})")


def _check_bomb(infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableFile(
            "file.zip_bomb", f"文件解压后达 {total / 2**20:.0f} MB,超过上限 {MAX_UNCOMPRESSED >> 20} MB,疑为压缩炸弹,已拒绝读取"
        )
    for i in infos:
        if i.file_size > MIN_RATIO_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise UnreadableFile(
                "file.zip_bomb", f"文件内 {i.filename} 压缩比异常({i.file_size // max(i.compress_size, 1)}:1),疑为压缩炸弹,已拒绝读取"
            )


# ---------------------------------------------------------------- xlsx sheet facts

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')
_ROW_NUM = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_LONG_COL = re.compile(rb' r="[A-Z]{3}')  # a column past ZZ (702), however many letters: worth a full look
_CELL_REF = re.compile(rb'\sr="([A-Z]+)(\d+)"')


def col_index(letters: str) -> int:
    """0-based column index of Excel letters (``A`` → 0, ``AA`` → 26)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def xlsx_sheet_facts(path: Path) -> dict[str, SheetFacts]:
    """Per worksheet name: formula cells with no cached value, and a size problem if any.

    Streams each worksheet's XML once, decompressing at most MAX_SHEET_XML bytes,
    so a member that lies about its size is caught too.
    """
    facts: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as zf:
        _check_not_an_output(zf)
        _check_shared_strings(zf)
        styles = _styles(zf)
        struck, hiding = _style_indexes(styles)
        filled = _filled_styles(styles)
        struck_strings = _struck_strings(zf)
        parts, date1904, recalc = _xlsx_sheet_parts(zf)
        for name, part in parts.items():
            facts[name] = f = SheetFacts(date1904=date1904)
            try:
                _scan_sheet_xml(zf, part, f, name, struck, struck_strings, recalc, hiding, filled)
            except UnreadableFile as exc:
                f.problem = exc
            f.comments = _xlsx_comments(zf, part)
    return facts


def _xlsx_comments(zf: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """A worksheet's cell notes (批注: staff sometimes write 已被市政协采用 in one), found through the
    sheet's relationships; {} for the many sheets that have none. A threaded comment (Excel 365's
    批注, with its replies) is read from its own part: the note Excel writes beside it for older
    versions holds its text under a notice in the language of the Excel that wrote it."""
    folder, leaf = part.rsplit("/", 1) if "/" in part else ("", part)
    rels_part = f"{folder}/_rels/{leaf}.rels"
    if rels_part not in zf.NameToInfo:
        return {}
    out: dict[tuple[int, int], str] = {}
    threaded: dict[tuple[int, int], str] = {}
    try:
        for rel in _parse_part(zf, rels_part).iter():
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if kind not in ("comments", "threadedComment") or not rel.get("Target"):
                continue
            target = rel.get("Target")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"{folder}/{target}")
            if target in zf.NameToInfo:
                _comment_texts(_parse_part(zf, target), threaded if kind == "threadedComment" else out)
    except Exception:  # noqa: BLE001 - unreadable notes: the cells themselves are read all the same
        pass
    return out | threaded


def _comment_texts(root, out: dict[tuple[int, int], str]) -> None:
    """Each ``<comment ref=…>`` (a note: its runs' ``<t>``) or ``<threadedComment ref=…>`` (its ``<text>``;
    the replies after it, joined) of a comments part, by cell."""
    for el in root.iter():
        tag = _local(el)
        ref = _CELL_REF_TEXT.match(el.get("ref") or "") if tag in ("comment", "threadedComment") else None
        if not ref:
            continue
        inner = "t" if tag == "comment" else "text"
        text = "".join(t.text or "" for t in el.iter() if _local(t) == inner)
        at = (int(ref[2]) - 1, col_index(ref[1]))
        out[at] = "；".join(filter(None, (out.get(at), text))) if tag == "threadedComment" else text


# The notice over a threaded comment's text in the note Excel keeps for older versions ([Threaded
# comment] … Learn more: https://go.microsoft.com/fwlink/?linkid=870924, or the same in another
# language), then a label line (Comment:, Reply:) over each text.
_THREAD_NOTICE = re.compile(r"^.*?go\.microsoft\.com/fwlink/\?linkid=870924[^\n]*", re.S)
_THREAD_LABEL = re.compile(r"\S[^\n]{0,20}[:：]")


def note_text(text: str) -> str:
    """A note's text, or, for the note Excel keeps of a threaded comment (in an .xlsx with no threaded
    part, an .xls or .ods saved from one), the comment and its replies without the notice and the labels."""
    m = _THREAD_NOTICE.match(text)
    if not m:
        return text
    lines = [line.strip() for line in text[m.end():].splitlines() if line.strip() and not _THREAD_LABEL.fullmatch(line)]
    return "；".join(lines)


def _styles(zf: zipfile.ZipFile):
    """The parsed ``xl/styles.xml``, or None when there is none or it cannot be read (calamine reads
    the cells all the same)."""
    if "xl/styles.xml" not in zf.NameToInfo:
        return None
    try:
        return _parse_part(zf, "xl/styles.xml")
    except Exception:  # noqa: BLE001 - unreadable styles: the cells are read all the same
        return None


def _style_indexes(styles) -> tuple[frozenset[bytes], dict[bytes, "Blanking"]]:
    """The cell style indexes (``s="N"``) of ``xl/styles.xml`` that change what a cell says: those whose
    font is struck through (删除线: how staff strike an item out without deleting it), and those that
    show some values as a blank (see Blanking: a value hidden on screen while it stays in the cell).
    Both empty when none (most workbooks) or when there are no styles (``_styles``)."""
    if styles is None:
        return frozenset(), {}
    xfs, fonts = _children(styles, "cellXfs", "xf"), _children(styles, "fonts", "font")
    struck_fonts = {str(k) for k, font in enumerate(fonts) if any(_struck(x) for x in font)}
    formats = {el.get("numFmtId"): el.get("formatCode") or "" for el in styles.iter() if _local(el) == "numFmt"}
    white_fonts = {str(k) for k, font in enumerate(fonts) if any(_local(x) == "color" and _white(x) for x in font)}
    plain_fills = {str(k) for k, fill in enumerate(_children(styles, "fills", "fill")) if _unfilled(fill)}
    return _styles_with(xfs, "fontId", struck_fonts), _blanking_styles(xfs, formats, white_fonts, plain_fills)


def _white(color) -> bool:
    """A ``<color>`` written as white in so many digits (``rgb="FFFFFFFF"``, openpyxl's ``00FFFFFF``);
    a theme colour (``theme="0"``, white in most themes, not all) is left alone."""
    rgb = (color.get("rgb") or "").upper()
    return len(rgb) in (6, 8) and rgb.endswith("FFFFFF")


def _unfilled(fill) -> bool:
    """A ``<fill>`` that leaves the cell white: no pattern, or a solid white one."""
    pattern = next((x for x in fill if _local(x) == "patternFill"), None)
    if pattern is None:
        return False  # a gradient
    kind = pattern.get("patternType", "none")
    colour = next((x for x in pattern if _local(x) == "fgColor"), None)
    return kind == "none" or (kind == "solid" and colour is not None and _white(colour))


@dataclass(frozen=True)
class Blanking:
    """What a cell style shows as a blank: the kinds of value (``text``, and numbers ``+``, ``-``, ``0``
    by sign) and why, as said in ``cell.format_hidden`` (数字格式(;;;), 白色字体)."""

    kinds: frozenset[str]
    why: str

    def hides(self, el) -> bool:
        """Whether a sheet's ``<c>`` element holds a value this style shows as a blank."""
        kind = _value_kind(el)
        return kind in self.kinds or (kind == "bool" and self.kinds >= ALL_KINDS)


ALL_KINDS = frozenset({"text", "+", "-"})  # every kind a style can hide (a zero shown blank is no value hidden)


def _blanking_styles(xfs: list, formats: dict, white_fonts: set, plain_fills: set) -> dict[bytes, Blanking]:
    """Cell style index (as ``s="N"`` bytes) → its Blanking, for the styles that blank some value: a
    number format with an empty section (``;;;``, ``0;-0;0;``: text blank) or a white one (``[White]@``),
    or a white font on no fill (white on white). Built-in formats (id under 164) show every value."""
    out: dict[bytes, Blanking] = {}
    for k, xf in enumerate(xfs):
        code, unfilled = formats.get(xf.get("numFmtId")), xf.get("fillId", "0") in plain_fills
        white_font = unfilled and xf.get("fontId", "0") in white_fonts
        if code is None and not white_font:
            continue
        if blanking := _blanking(code, unfilled, white_font):
            out[str(k).encode()] = blanking
    return out


def _blanking(code: str | None, unfilled: bool, white_font: bool) -> Blanking | None:
    """What a style with number format ``code`` (None: a built-in one), on no fill or not, with a white font
    or not, shows as a blank; None when nothing. A zero shown as nothing (0;-0;;@, #,##0;-#,##0;: the
    format's purpose in a count or 稿酬 column) reads as the blank it shows: no value hidden."""
    kinds = blank_kinds(code or "General", white_ok=not unfilled, white_font=white_font) - {"0"}
    if not kinds:
        return None
    return Blanking(kinds, f"数字格式({code})" if code is not None and blank_kinds(code, not unfilled) else "白色字体")


_FORMAT_TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|;|[^;"\\\[]+|.')
_BRACKET = re.compile(r"\[([^\]]*)\]")
_NOTHING_SHOWN = re.compile(r'"\s*"|_.|\\ |\s')  # an empty literal, a padding (_)), an escaped space, a space


def _sections(code: str) -> list[str]:
    """A number format's sections (split at each ``;`` outside quotes, brackets and escapes)."""
    out = [""]
    for token in _FORMAT_TOKEN.findall(code):
        if token == ";":
            out.append("")
        else:
            out[-1] += token
    return out


def blank_kinds(code: str, white_ok: bool = False, white_font: bool = False) -> frozenset[str]:
    """The kinds of value (``text``; numbers ``+``, ``-``, ``0``) a number format shows as nothing: the
    section that applies is empty or only ``""`` (``;;;``; ``0;-0;0;``: text), or white ([White],
    [Color2]: white in the default palette) unless ``white_ok`` (the cell is filled); with
    ``white_font`` (white on no fill) every section not coloured otherwise. Text takes the fourth
    section (or, with fewer, shows as typed in the first's colour); a number the section of its
    sign, none when a section has a condition (``[>100]``)."""
    sections = _sections(code)
    if not code.strip():
        sections = ["General"]

    def blank(section: str, content: bool = True) -> bool:
        colours = [b.strip().lower() for b in _BRACKET.findall(section) if not b.startswith(("$", "<", ">", "="))]
        shown_colour = colours[-1] if colours else None
        if not white_ok and (shown_colour in ("white", "color2", "color 2") or (white_font and shown_colour is None)):
            return True
        rest = _NOTHING_SHOWN.sub("", _BRACKET.sub("", section))
        return content and not rest and (len(sections) > 1 or '""' in section)

    out = set()
    text = sections[3] if len(sections) >= 4 else sections[0]
    if blank(text, content=len(sections) >= 4):
        out.add("text")
    if not any(b.strip().startswith(("<", ">", "=")) for s in sections for b in _BRACKET.findall(s)):
        by_sign = {"+": 0, "-": 1 if len(sections) > 1 else 0, "0": 2 if len(sections) > 2 else 0}
        out |= {sign for sign, k in by_sign.items() if blank(sections[k])}
    return frozenset(out)


def _value_kind(el) -> str | None:
    """The kind of value a sheet's ``<c>`` holds: ``text``, ``bool``, a number's sign (``+``, ``-``, ``0``;
    a date is a positive number), or None (none, or an error value: said apart)."""
    t = el.get("t")
    if t == "inlineStr":
        return "text" if len(el) else None
    value = next((x.text for x in el if _local(x) == "v"), None)
    if value is None or t == "e":
        return None
    if t in ("s", "str"):
        return "text"
    if t == "b":
        return "bool"
    if t == "d":
        return "+"
    try:
        number = float(value)
    except ValueError:
        return None
    return "+" if number > 0 else "-" if number < 0 else "0"


def _filled_styles(styles) -> dict[str, str]:
    """The cell style indexes of ``xl/styles.xml`` that fill a cell with a colour (底纹: how some offices
    mark an item adopted, with a legend saying so), each → its fill as a key (one colour, one key); white
    and no fill are none. {} when there are no styles."""
    if styles is None:
        return {}
    colours = [_fill_colour(fill) for fill in _children(styles, "fills", "fill")]
    out = {}
    for k, xf in enumerate(_children(styles, "cellXfs", "xf")):
        n = xf.get("fillId", "0")
        if n.isdigit() and int(n) < len(colours) and colours[int(n)]:
            out[str(k)] = colours[int(n)]
    return out


def _fill_colour(fill) -> str:
    """A ``<fill>``'s colour as a key (``solid rgb=FFFF00``), '' for no fill or a white one."""
    for el in fill:
        if _local(el) == "gradientFill":
            return "gradient"
        if _local(el) == "patternFill" and el.get("patternType", "none") != "none":
            fg = next((x for x in el if _local(x) == "fgColor"), None)
            attrs = dict(fg.attrib) if fg is not None else {}
            return "" if _white_fill(attrs) else " ".join([el.get("patternType")] + [f"{k}={v}" for k, v in sorted(attrs.items())])
    return ""


def _white_fill(colour: dict) -> bool:
    """A fill colour's attributes that say white (no colour to mark anything): rgb FFFFFF, indexed 1 or 9,
    the theme's first colour untinted. (A white font is judged by ``_white``, by rgb only: a theme
    font colour is not taken for white text.)"""
    untinted = colour.get("tint", "0") in ("0", "0.0", "")
    return (colour.get("rgb", "").upper()[-6:] == "FFFFFF" or colour.get("indexed") in ("1", "9")
            or colour.get("theme") == "0" and untinted)


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _children(root, group: str, tag: str) -> list:
    """The ``tag`` elements of the ``group`` element(s) under ``root`` (the fonts of ``<fonts>``), in order."""
    return [x for el in root if _local(el) == group for x in el if _local(x) == tag]


def _struck(el) -> bool:
    """A font's ``<strike/>`` (not ``<strike val="0"/>``)."""
    return _local(el) == "strike" and el.get("val", "1") not in ("0", "false")


def _styles_with(xfs: list, attribute: str, values: set) -> frozenset[bytes]:
    """The indexes (as ``s="N"`` bytes) of the cell styles ``xfs`` whose ``attribute`` is one of ``values``."""
    if not values:
        return frozenset()
    default = "0" if attribute == "fontId" else None
    return frozenset(str(k).encode() for k, xf in enumerate(xfs) if xf.get(attribute, default) in values)


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> tuple[dict[str, str], bool, bool]:
    """Worksheet name → its part in the package, from workbook.xml and its relationships, parsed as
    XML (defusedxml: entity declarations refused), so a name written as a character reference
    (``name="&#20013;"``) is the name calamine sees too; whether the workbook's dates count
    from 1904 (``<workbookPr date1904="1"/>``); and whether it asks to be recalculated on opening
    (``<calcPr fullCalcOnLoad="1"/>``: written by a program, xlsxwriter, that stores 0 for every
    formula it does not calculate, so a stored value is no result)."""
    names = set(zf.namelist())
    try:
        wb = _parse_part(zf, "xl/workbook.xml")
        rels = _parse_part(zf, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else None
    except UnreadableFile:
        raise
    except Exception as exc:  # malformed XML: calamine would fail on it as well
        raise UnreadableFile("file.corrupt", "文件已损坏或不完整(工作簿结构无法解析)") from exc
    targets = {}
    for rel in rels.iter() if rels is not None else ():
        if rel.tag.rsplit("}", 1)[-1] == "Relationship" and rel.get("Id") and rel.get("Target"):
            targets[rel.get("Id")] = rel.get("Target")
    parts: dict[str, str] = {}
    flags = {"workbookPr": False, "calcPr": False}
    for sheet in wb.iter():
        tag = sheet.tag.rsplit("}", 1)[-1]
        if tag in flags:
            flags[tag] = sheet.get({"workbookPr": "date1904"}.get(tag, "fullCalcOnLoad"), "0").strip().lower() in ("1", "true")
        if tag != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
        name = sheet.get("name")
        if name is None or rid not in targets:
            continue
        target = targets[rid]
        parts[name] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return parts, flags["workbookPr"], flags["calcPr"]


MAX_PART_XML = 16 << 20  # workbook.xml and its relationships: far above any real workbook


def _parse_part(zf: zipfile.ZipFile, part: str):
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    with zf.open(part) as fh:
        data = fh.read(MAX_PART_XML + 1)
    if len(data) > MAX_PART_XML:
        raise UnreadableFile("file.corrupt", f"文件结构异常({part} 过大),已拒绝读取")
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise UnreadableFile("file.corrupt", "文件内含有不允许的 XML 实体声明,已拒绝读取") from exc


def _check_not_an_output(zf: zipfile.ZipFile) -> None:
    """A workbook sqmy wrote (a circular's workbook, a commendation list, a 问题标注 copy) copied among
    the ledgers: refused, so its 采用明细 or its copy of a ledger's rows is never read back as records."""
    try:
        with zf.open("docProps/custom.xml") as fh:
            head = fh.read(1 << 16)
    except KeyError:
        return
    if OUTPUT_PROPERTY.encode() in head:
        raise UnreadableFile("file.sqmy_output", "这是 sqmy 生成的文件(通报或表彰的 Excel 工作簿、问题标注副本),不作为台账读取;"
                                                 "请把它移出台账文件夹,改正请在原台账中进行")


def _check_shared_strings(zf: zipfile.ZipFile) -> None:
    """A declared string count the part could not hold (``count="4294967295"``): calamine would
    try to allocate room for it and abort the process."""
    part = "xl/sharedStrings.xml"
    try:
        info = zf.getinfo(part)
    except KeyError:
        return
    with zf.open(info) as fh:
        head = fh.read(4096)
    m = _SST_HEAD.search(head)
    if not m:
        return
    attrs = m[1]
    for name in (b"count", b"uniqueCount"):
        n = re.search(rb"\s" + name + rb'="(\d{1,20})"', attrs)
        # Each string takes at least ``<si><t/></si>``, 13 bytes, in the part.
        if n and int(n[1]) > info.file_size // 13 + 16 and int(n[1]) > 100_000:
            raise UnreadableFile("file.corrupt", f"文件声明的字符串数量异常({int(n[1]):,} 个),与内容不符,疑为损坏或恶意文件,已拒绝读取")


_SST_HEAD = re.compile(rb"<(?:\w+:)?sst\b([^>]{0,2000})>")


def _scan_sheet_xml(zf: zipfile.ZipFile, part: str, facts: SheetFacts, sheet: str,
                    struck: frozenset[bytes] = frozenset(), struck_strings: dict | None = None,
                    recalc: bool = False, hiding: dict | None = None, filled: dict | None = None) -> None:
    try:
        info = zf.getinfo(part)
    except KeyError:
        return
    with zf.open(info) as fh:
        _check_declared(fh.read(8192), sheet)
    with zf.open(info) as fh:
        # Read at most one byte past the limit, so a member lying about its size is caught too.
        data = fh.read(MAX_SHEET_XML + 1)
    if len(data) > MAX_SHEET_XML:
        raise UnreadableFile("sheet.too_large", f"工作表“{sheet}”数据量超过上限,已拒绝读取", sheet)
    _check_extent(data, sheet)
    # Each test below is one pass at C speed over the bytes (no str is built); the per-cell
    # regexes run only when a pass finds something worth a full look.
    if _formulas_lack_values(data, recalc):
        facts.formula_cells |= _formula_cells_without_value(data, recalc)
    if b"TODAY(" in data or b"NOW(" in data:
        facts.volatile_cells = {at: found for at, found in _volatile_cells(data, facts.date1904).items()
                                if at not in facts.formula_cells}
    if b't="e"' in data:
        facts.error_cells.update(_error_cells(data))
    _strikes(data, facts, struck, struck_strings or {})
    _scan_hidden(data, facts)
    _scan_cell_kinds(data, facts, hiding or {})
    if filled:
        facts.fills = _filled_cells(data, filled)


def _filled_cells(data: bytes, filled: dict[str, str]) -> dict[tuple[int, int], str]:
    """The sheet's cells (with a value or not) whose style fills them with a colour → its key: each
    ``s="N"`` of a filled style found at C speed, its cell's reference read from its tag (most sheets
    have a few such cells, in the header)."""
    out: dict[tuple[int, int], str] = {}
    for n, colour in filled.items():
        needle = b' s="' + n.encode() + b'"'
        at = data.find(needle)
        while at >= 0:
            start = data.rfind(b"<", 0, at)
            tag = _CELL_TAG.match(data, start, at)
            if tag:
                out[int(tag[2]) - 1, col_index(tag[1].decode())] = colour
            at = data.find(needle, at + len(needle))
    return out


# A cell's tag up to its style: ``<c r="B5"`` (a prefix allowed; not a ``<row s=…>``).
_CELL_TAG = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d+)"')


def _scan_hidden(data: bytes, facts: SheetFacts) -> None:
    """The hidden rows and columns; a row of height 0 shows as nothing: a hidden row, whatever its flag says."""
    if b'hidden="1"' in data or b'hidden="true"' in data:
        facts.hidden_rows = {int(r) - 1 for r in _HIDDEN_ROW.findall(data)}
        facts.hidden_cols = {c - 1 for lo, hi in _HIDDEN_COLS.findall(data) for c in range(int(lo), min(int(hi), 200) + 1)}
    if b' ht="0' in data:
        facts.hidden_rows |= {int(r) - 1 for r in _ZERO_HEIGHT_ROW.findall(data)}


def _scan_cell_kinds(data: bytes, facts: SheetFacts, hiding: dict[bytes, Blanking]) -> None:
    """The cells that hold a picture WPS embedded (``=DISPIMG("ID_…",1)``: calamine gives the formula
    as text) and the cells whose style shows their value as a blank (``;;;``, white on white): a
    full look only when a pass at C speed finds one."""
    pictures = b"DISPIMG(" in data
    hidden = hiding and any(b' s="' + n + b'"' in data for n in hiding)
    if not (pictures or hidden):
        return
    ids = {n.decode(): blanking for n, blanking in hiding.items()}
    for el, at in _cells(data):
        if pictures and _is_picture(el):
            facts.picture_cells.add(at)
        elif el.get("s") in ids and ids[el.get("s")].hides(el):
            facts.format_hidden[at] = ids[el.get("s")].why


def _is_picture(el) -> bool:
    """A cell whose formula or value is a WPS DISPIMG call (a picture placed in the cell)."""
    texts = ("".join(child.itertext()).strip() for child in el)
    return any(t.startswith(("_xlfn.DISPIMG(", "DISPIMG(", "=DISPIMG(")) for t in texts)


# What makes a cell one calamine keeps: a value, an inline string, a formula (plain or namespace-prefixed).
# A cell with none of them (<c r="A1048576" s="3"/>: a whole column formatted) and a row with no cell
# (<row r="1048576" customFormat="1"/>) are not in the range calamine builds.
_FILLED_TAGS = (b"<v>", b"<v ", b":v>", b":v ", b"<is>", b":is>", b"<f>", b"<f ", b":f>", b":f ")


def _last_filled_row(data: bytes) -> int:
    """The number of the last row with a cell calamine keeps (0 when none): the sheet's real extent,
    not a formatted row at the foot of the sheet."""
    at = max(data.rfind(tag) for tag in _FILLED_TAGS)
    if at < 0:
        return 0
    last = max(data.rfind(b"<row ", 0, at), data.rfind(b":row ", 0, at))  # plain or namespace-prefixed
    m = _ROW_NUM.match(data, data.rfind(b"<", 0, last + 1)) if last >= 0 else None
    return int(m[1]) if m else 0


def _check_extent(data: bytes, sheet: str) -> None:
    """Refuse a sheet whose last filled row × widest column passes MAX_SHEET_CELLS (calamine would allocate it)."""
    max_row = _last_filled_row(data)
    max_col = 25
    if _LONG_COL.search(data):
        max_col = max(col_index(letters.decode()) for letters, _ in _CELL_REF.findall(data))
    if max_row * (max_col + 1) > MAX_SHEET_CELLS:
        raise UnreadableFile(
            "sheet.too_large",
            f"工作表“{sheet}”的数据范围异常(约 {max_row} 行 × {max_col + 1} 列),已拒绝读取;请删除表格外的多余内容后另存",
            sheet,
        )


def _strikes(data: bytes, facts: SheetFacts, struck: frozenset[bytes], struck_strings: dict) -> None:
    """The sheet's cells struck through by their style, or by their text's runs (in whole or in part)."""
    if struck and any(b' s="' + n + b'"' in data for n in struck):
        facts.struck_cells |= _struck_cells(data, struck)
    if (struck_strings and b't="s"' in data) or b"strike" in data:
        _struck_runs(data, struck_strings, facts)


# A column range hidden: ``<col min="5" max="6" width="0" hidden="1"/>`` (attributes in any order).
_HIDDEN_COLS = re.compile(rb'<(?:\w+:)?col\b(?=[^>]*\shidden="(?:1|true)")(?=[^>]*\smin="(\d+)")[^>]*?\smax="(\d+)"')
# A row element with hidden="1" (or "true"), its number: ``<row r="7" spans="1:8" hidden="1">``.
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b(?=[^>]*\shidden="(?:1|true)")[^>]*?\sr="(\d+)"')
# A row element of height 0: ``<row r="6" ht="0" customHeight="1">``.
_ZERO_HEIGHT_ROW = re.compile(rb'<(?:\w+:)?row\b(?=[^>]*\sht="0(?:\.0*)?")[^>]*?\sr="(\d+)"')


def _struck_cells(data: bytes, struck: frozenset[bytes]) -> set[tuple[int, int]]:
    """Cells with a value whose style strikes it through."""
    ids = {n.decode() for n in struck}
    # a value (or inline string) to strike, not an empty styled cell
    return {at for el, at in _cells(data) if el.get("s") in ids and len(el)}


# ---------------------------------------------------------------- text struck through in part (runs)

_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # a character Excel writes escaped (_x000D_ is \r)


def split_struck(runs) -> tuple[str, str] | None:
    """``runs``, (text, struck or not) in order, as (the text left, the text struck), or None when
    no visible text is struck (most cells). All the text struck leaves an empty text left."""
    kept = "".join(t for t, st in runs if not st)
    gone = "".join(t for t, st in runs if st)
    if not gone.strip():
        return None
    return ("" if not kept.strip() else kept), gone


def _run_struck(run) -> bool:
    """Whether a rich-text run (``<r>``) is struck: ``<rPr><strike/>`` (``val="0"`` is not)."""
    props = next((x for x in run if _local(x) == "rPr"), None)
    return props is not None and any(_local(x) == "strike" and x.get("val", "1") not in ("0", "false") for x in props)


def _string_runs(si) -> tuple[str, str] | None:
    """A shared or inline string (``<si>``, ``<is>``) split by its struck runs (see split_struck);
    its phonetic guide (``<rPh>``) is no part of its text."""
    runs = []
    for part in si:
        tag = _local(part)
        if tag == "t":
            runs.append((part.text or "", False))
        elif tag == "r":
            text = "".join(t.text or "" for t in part if _local(t) == "t")
            runs.append((text, _run_struck(part)))
    if not any(st for _, st in runs):
        return None
    return split_struck([(_ESCAPED.sub(lambda m: chr(int(m[1], 16)), t), st) for t, st in runs])


def _struck_strings(zf: zipfile.ZipFile) -> dict[int, tuple[str, str]]:
    """Shared string index → (text left, text struck) for each string struck through in part or
    whole by its runs; {} (and no parse) when ``xl/sharedStrings.xml`` holds no strike at all."""
    part = "xl/sharedStrings.xml"
    if part not in zf.NameToInfo or not _holds(zf, part, b"strike"):
        return {}
    from defusedxml.ElementTree import iterparse

    out: dict[int, tuple[str, str]] = {}
    k = 0
    try:
        with zf.open(part) as fh:
            for _, el in iterparse(Capped(fh, "共享字符串"), events=("end",)):
                if _local(el) != "si":
                    continue
                split = _string_runs(el)
                if split is not None:
                    out[k] = split
                k += 1
                el.clear()
    except Exception:  # noqa: BLE001 - malformed or oversized: calamine reads the strings as they are
        return out
    return out


def _holds(zf: zipfile.ZipFile, part: str, needle: bytes) -> bool:
    """Whether ``part`` holds ``needle``, read in chunks (at most MAX_SHEET_XML bytes, a few MB at a time)."""
    tail, total = b"", 0
    with zf.open(part) as fh:
        while total <= MAX_SHEET_XML:
            chunk = fh.read(4 << 20)
            if not chunk:
                return False
            total += len(chunk)
            if needle in tail + chunk[:len(needle)] or needle in chunk:
                return True
            tail = chunk[-len(needle):]
    return False


class Capped:
    """A zip member read through (by a streaming XML parser), refused once past MAX_SHEET_XML (a
    member may lie about its size); ``what`` names it in the refusal."""

    def __init__(self, fh, what: str = "表格内容"):
        self.fh, self.total, self.what = fh, 0, what

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n if n is not None and n >= 0 else MAX_SHEET_XML + 1)
        self.total += len(data)
        if self.total > MAX_SHEET_XML:
            raise UnreadableFile("sheet.too_large", f"{self.what}超过 {MAX_SHEET_XML >> 20} MB 上限,已拒绝读取")
        return data


def _struck_runs(data: bytes, struck_strings: dict[int, tuple[str, str]], facts: SheetFacts) -> None:
    """The sheet's cells whose text (a shared string, or an inline one) is struck through by its runs:
    in whole, a struck cell (as a struck format); in part, the text left and the text struck."""
    for el, at in _cells(data):
        kind = el.get("t")
        split = None
        if kind == "s":
            v = next((x.text for x in el if _local(x) == "v"), None)
            split = struck_strings.get(int(v)) if v and v.strip().isdigit() else None
        elif kind == "inlineStr":
            si = next((x for x in el if _local(x) == "is"), None)
            split = _string_runs(si) if si is not None else None
        if split is not None:
            facts.strike(at, split)


def _cells(data: bytes):
    """Each ``<c>`` element of a sheet's XML with its 0-based (row, column), by one streaming parse
    (linear in the part's size, whatever its markup; entity declarations refused). Malformed XML
    ends the walk: calamine reports what it cannot read."""
    from defusedxml.ElementTree import iterparse

    try:
        for _, el in iterparse(io.BytesIO(data), events=("end",)):
            if el.tag.rsplit("}", 1)[-1] != "c":
                continue
            ref = _CELL_REF_TEXT.match(el.get("r") or "")
            if ref:
                yield el, (int(ref[2]) - 1, col_index(ref[1]))
            el.clear()
    except Exception:  # noqa: BLE001 - malformed XML
        return


def _error_cells(data: bytes) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error value (``t="e"``: #N/A, #REF!, #VALUE!), which python-calamine
    gives as empty, so they can be named."""
    value = lambda el: next((child.text for child in el if child.tag.rsplit("}", 1)[-1] == "v"), "") or ""
    return {at: value(el).strip()[:20] or "#错误" for el, at in _cells(data) if el.get("t") == "e"}


def xls_cell_facts(path: Path) -> dict[str, SheetFacts]:
    """Per sheet of a BIFF ``.xls``: the cells holding an Excel error value (#N/A, #REF!), which
    python-calamine gives as empty, the cells struck through (删除线) and the hidden rows, read with xlrd (its cell
    types and formats say them). {} when xlrd cannot parse the file: calamine has read it, and
    reports what it cannot."""
    import xlrd

    out: dict[str, SheetFacts] = {}
    try:
        # xlrd writes its warnings (a file size not whole sectors, as mail gateways leave it) to
        # stdout, where they would break ``--format json``: they say nothing calamine does not.
        book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=True, logfile=io.StringIO())
    except Exception:  # noqa: BLE001 - a file only calamine reads keeps calamine's reading
        return out
    try:
        struck_xf = {k for k, xf in enumerate(book.xf_list)
                     if xf.font_index < len(book.font_list) and book.font_list[xf.font_index].struck_out}
        blank_xf = _xls_blanking(book)
        uncalculated = _xls_uncalculated(book)
        for k in range(book.nsheets):
            sheet = book.sheet_by_index(k)
            facts = _xls_sheet_facts(book, sheet, struck_xf, blank_xf)
            facts.formula_cells = uncalculated[k] if uncalculated else set()
            if (facts.error_cells or facts.struck_cells or facts.partly_struck or facts.hidden_rows or facts.hidden_cols
                    or facts.date1904 or facts.comments or facts.format_hidden or facts.formula_cells):
                out[sheet.name] = facts
            book.unload_sheet(k)
    except Exception:  # noqa: BLE001 - as above
        pass
    finally:
        book.release_resources()
    return out


_BIFF_FORMULA, _BIFF_STRING, _BIFF_BOF, _BIFF_EOF = 0x0006, 0x0207, 0x0809, 0x000A


def _xls_uncalculated(book) -> list[set[tuple[int, int]]] | None:
    """Per sheet, its formula cells, when not one formula of the workbook holds a result: a file a program
    wrote (xlwt: every result an empty text) and no Excel or WPS ever calculated and saved, so each
    formula's value is unknown (formula.no_value; Excel shows it calculated on opening). None when any
    formula holds one (a cell calculated to "" is then as empty as it shows), or for a BIFF it cannot walk."""
    try:
        cells = [_xls_formula_results(book.mem, book._sh_abs_posn[k]) for k in range(book.nsheets)]
    except Exception:  # noqa: BLE001 - xlrd's layout not as expected: the cells are read all the same
        return None
    return cells if all(found is not None for found in cells) and any(cells) else None


def _xls_formula_results(mem: bytes, pos: int) -> set[tuple[int, int]] | None:
    """The formula cells of the BIFF sheet whose BOF is at ``pos``, each holding an empty result (an
    empty text: ``FFFF`` over type 3, or a type 0 whose STRING record is empty); None as soon as one
    holds a value (a number, a truth value, an error, a text)."""
    out: set[tuple[int, int]] = set()
    depth, pending = 0, None
    while pos + 4 <= len(mem):
        rc, size = int.from_bytes(mem[pos:pos + 2], "little"), int.from_bytes(mem[pos + 2:pos + 4], "little")
        data, pos = mem[pos + 4:pos + 4 + size], pos + 4 + size
        if pending is not None and rc == _BIFF_STRING:
            if int.from_bytes(data[:2], "little"):
                return None
            out.add(pending)
        pending = None
        depth += (rc == _BIFF_BOF) - (rc == _BIFF_EOF)
        if depth <= 0:
            break
        if rc == _BIFF_FORMULA and len(data) >= 14:
            at = (int.from_bytes(data[0:2], "little"), int.from_bytes(data[2:4], "little"))
            if data[12:14] != b"\xff\xff" or data[6] not in (0, 3):
                return None
            if data[6] == 3:
                out.add(at)
            else:
                pending = at
    return out


def _xls_blanking(book) -> dict[int, Blanking]:
    """A BIFF book's cell formats (XF index) that show some value as a blank, as _blanking_styles
    does for an .xlsx: the number format (xlrd's ``format_map``), a white font (its palette colour
    white) on no fill."""
    out: dict[int, Blanking] = {}
    white = lambda k: book.colour_map.get(k) == (255, 255, 255)
    for k, xf in enumerate(book.xf_list):
        fmt = book.format_map.get(xf.format_key)
        code = fmt.format_str if fmt is not None and xf.format_key >= 164 else None
        font = book.font_list[xf.font_index] if xf.font_index < len(book.font_list) else None
        background = xf.background
        unfilled = background.fill_pattern == 0 or (background.fill_pattern == 1 and white(background.pattern_colour_index))
        white_font = unfilled and font is not None and white(font.colour_index)
        if code is None and not white_font:
            continue
        if blanking := _blanking(code, unfilled, white_font):
            out[k] = blanking
    return out


def _xls_sheet_facts(book, sheet, struck_xf: set[int], blank_xf: dict[int, Blanking] | None = None) -> SheetFacts:
    """One BIFF sheet's facts (see xls_cell_facts)."""
    facts = SheetFacts(date1904=book.datemode == 1)
    facts.comments = {at: note.text for at, note in sheet.cell_note_map.items()}
    facts.hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden and r < sheet.nrows}
    facts.hidden_cols = {c for c, info in sheet.colinfo_map.items() if info.hidden and c < sheet.ncols}
    _xls_error_and_struck_cells(sheet, struck_xf, facts)
    if blank_xf:
        _xls_blank_cells(sheet, blank_xf, facts)
    if sheet.rich_text_runlist_map:
        _xls_struck_runs(book, sheet, facts)
    return facts


def _xls_error_and_struck_cells(sheet, struck_xf: set[int], facts: SheetFacts) -> None:
    """A BIFF sheet's cells holding an error value, and its filled cells whose format strikes them through."""
    import xlrd

    for r in range(sheet.nrows):
        types = sheet.row_types(r)
        if xlrd.XL_CELL_ERROR in types:
            facts.error_cells.update({(r, c): xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#错误")
                                      for c, t in enumerate(types) if t == xlrd.XL_CELL_ERROR})
        if struck_xf:
            facts.struck_cells.update((r, c) for c, t in enumerate(types)
                                      if t not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
                                      and sheet.cell_xf_index(r, c) in struck_xf)


def _xls_blank_cells(sheet, blank_xf: dict[int, Blanking], facts: SheetFacts) -> None:
    """A BIFF sheet's filled cells whose format shows their value as a blank (see Blanking)."""
    import xlrd

    for r in range(sheet.nrows):
        for c, t in enumerate(sheet.row_types(r)):
            blanking = blank_xf.get(sheet.cell_xf_index(r, c)) if t not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else None
            if blanking is not None and _xls_kind(t, sheet.cell_value(r, c)) in blanking.kinds | (
                    {"bool"} if blanking.kinds >= ALL_KINDS else set()):
                facts.format_hidden[(r, c)] = blanking.why


def _xls_kind(t: int, value) -> str | None:
    """The kind of a BIFF cell's value, as _value_kind says an .xlsx cell's."""
    import xlrd

    if t == xlrd.XL_CELL_TEXT:
        return "text"
    if t == xlrd.XL_CELL_BOOLEAN:
        return "bool"
    if t in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        return "+" if value > 0 else "-" if value < 0 else "0"
    return None


def _xls_struck_runs(book, sheet, facts: SheetFacts) -> None:
    """A BIFF sheet's text cells struck through by their runs (``rich_text_runlist_map``: from each
    offset on, a font; before the first, the cell's own): in whole a struck cell, in part the text
    left and the text struck."""
    fonts = book.font_list
    struck = lambda k: k < len(fonts) and bool(fonts[k].struck_out)
    for (r, c), runs in sheet.rich_text_runlist_map.items():
        text = sheet.cell_value(r, c)
        if not isinstance(text, str) or not any(struck(k) for _, k in runs):
            continue
        own = book.xf_list[sheet.cell_xf_index(r, c)].font_index
        starts = list(runs) if runs[0][0] == 0 else [(0, own), *runs]
        ends = [off for off, _ in starts[1:]] + [len(text)]
        facts.strike((r, c), split_struck([(text[off:end], struck(k)) for (off, k), end in zip(starts, ends)]))


def _formula_cells_without_value(data: bytes, recalc: bool = False) -> set[tuple[int, int]]:
    """Formula cells with no cached value; with ``recalc`` (the workbook asks to be recalculated on
    opening) also those whose stored value is the 0 a program writes for a formula it did not
    calculate (xlsxwriter: =IF(B3<>"","√","") stored as 0)."""
    out: set[tuple[int, int]] = set()
    for el, at in _cells(data):
        children = {child.tag.rsplit("}", 1)[-1]: child for child in el}
        f, v = children.get("f"), children.get("v")
        value = (v.text or "").strip() if v is not None else None
        # t="str" with an empty <v>: calculated, to an empty text (=IF(F2="","",F2)); not a formula never calculated.
        calculated_empty = v is not None and el.get("t") == "str"
        placeholder = recalc and value == "0" and el.get("t") in (None, "n", "str")
        if f is not None and (not value or placeholder) and "is" not in children and not calculated_empty:
            out.add(at)
    return out


_CELL_REF_TEXT = re.compile(r"([A-Z]+)(\d+)$")
_VOLATILE = re.compile(r"(?<![\w.])(?:TODAY|NOW)\s*\(", re.IGNORECASE)


def _volatile_cells(data: bytes, date1904: bool) -> dict[tuple[int, int], tuple[str, str]]:
    """Formula cells of today's date (=TODAY(), =NOW(), =TODAY()-3; a shared formula's cells by its
    first) with a number stored: that number is the day the file was last calculated, whatever day
    is meant. → (the formula, its stored value as a day when it is one)."""
    shared: dict[str, str] = {}
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for el, at in _cells(data):
        formula = _formula_text(el, shared)
        value = (next((x.text for x in el if _local(x) == "v"), None) or "").strip()
        if formula and value and el.get("t") in (None, "n") and _VOLATILE.search(formula):
            out[at] = (formula, _serial_day(value, date1904))
    return out


def _formula_text(el, shared: dict[str, str]) -> str:
    """A ``<c>``'s formula ('' for none); the cells of a shared formula (``<f t="shared" si="0"/>``)
    take the text of its first cell, kept in ``shared`` as the cells come."""
    f = next((x for x in el if _local(x) == "f"), None)
    if f is None:
        return ""
    si = f.get("si") or ""
    if f.text and f.get("t") == "shared":
        shared[si] = f.text
    return f.text or shared.get(si, "")


def _serial_day(value: str, date1904: bool) -> str:
    """A stored number as the day it is (``45818`` → ``2025-06-10``), or as written when it is none."""
    import datetime as dt

    try:
        serial = float(value)
        if 1 <= serial < 2958466:
            base = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
            return (base + dt.timedelta(days=int(serial))).isoformat()
    except ValueError:
        pass
    return value


# A formula element the full scan looks at is ``<f>…</f>``, ``<f …>…</f>``, ``<f …/>`` or ``<f/>``;
# Excel and WPS write its cached value right after it: ``</f><v>42</v>``, ``<f t="shared" si="0"/><v>42</v>``.
# One pattern for both ends, written to start with the literal ``f`` (rare in sheet XML outside
# formulas), so the regex engine skips from one ``f`` to the next at C speed.
_FORMULA_WITHOUT_VALUE = re.compile(rb"f(?:(?<=</f)>|(?<=<f)(?: [^>]{0,4096})?/>)(?!<v>[^<])")
# The same with the 0 a program stores for a formula it did not calculate: ``</f><v>0</v>``.
_FORMULA_WITH_ZERO = re.compile(rb"f(?:(?<=</f)>|(?<=<f)(?: [^>]{0,4096})?/>)<v>0</v>")
# Namespace-prefixed elements (``<x:f>…</x:f><x:v>1</x:v>``, as the .NET OpenXML SDK writes them),
# looked at only when the sheet has a ``:f``.
_PREFIXED_F_END = rb"(?:</[\w.-]{1,64}:f>|<[\w.-]{1,64}:f(?:\s[^>]{0,4096})?/>)"
_PREFIXED_WITHOUT_VALUE = re.compile(_PREFIXED_F_END + rb"(?!<[\w.-]{1,64}:v>[^<])")
_PREFIXED_WITH_ZERO = re.compile(_PREFIXED_F_END + rb"<([\w.-]{1,64}):v>0</\1:v>")


def _formulas_lack_values(data: bytes, recalc: bool = False) -> bool:
    """Whether any formula cell may lack a cached value: one pass at C speed, no per-cell work.

    A formula never calculated has no ``<v>`` or an empty one after its ``<f>`` (with ``recalc``,
    or a stored 0); any unusual spelling (spaces between the elements, ``<is>`` instead of ``<v>``)
    also answers yes and falls through to the full per-cell scan, which decides. Namespace-prefixed
    ``<x:f>`` elements are looked for only in a sheet that has one.
    """
    if _FORMULA_WITHOUT_VALUE.search(data) or (recalc and _FORMULA_WITH_ZERO.search(data)):
        return True
    if b":f" not in data:
        return False
    return bool(_PREFIXED_WITHOUT_VALUE.search(data) or (recalc and _PREFIXED_WITH_ZERO.search(data)))


def _check_declared(head: bytes, sheet: str) -> None:
    m = _DIMENSION.search(head[:8192])
    if not m or not m[3]:
        return
    rows = int(m[4]) - int(m[2] or 1) + 1
    cols = col_index(m[3].decode()) - col_index((m[1] or b"A").decode()) + 1
    if rows * cols > MAX_SHEET_CELLS:
        ref = m[0].split(b'"')[1].decode()
        raise UnreadableFile(
            "sheet.too_large",
            f"工作表“{sheet}”声明的范围 {ref} 异常(约 {rows * cols:,} 个单元格),已拒绝读取;请删除表格外的多余内容后另存",
            sheet,
        )
