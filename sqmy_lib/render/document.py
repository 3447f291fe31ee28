"""A 公文 as data: its parts in GB/T 9704-2012 order, and the body as blocks any writer can lay out.

The circular, the roll-up and the commendation decision are each built as one :class:`Gongwen`
(by :mod:`.circular_text` and :mod:`.commendation_docx`); :func:`~.gongwen.write_gongwen` lays it
out as Word and :mod:`.html` as the HTML report, so both say the same thing in the same order.
How a document is issued (organ, 发文字号, 成文日期, 抄送, 印发) comes from the rules' ``documents``
section and the run's options (:meth:`Issuing.from_rules`), never from code.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from .. import zh
from .spec import TableSpec

DEFAULT_MAX_ROWS = 50  # rows a Word table may have before the list goes to the Excel 附件 instead


@dataclass
class Heading:
    """一、… (level 1) or （一）… (level 2); the numbers are counted by the writer."""

    text: str
    level: int = 1


@dataclass
class Para:
    """A body paragraph; ``lead`` is a run-in bold opening ("一是进一步提高思想认识。")."""

    text: str
    lead: str = ""


@dataclass
class TableBlock:
    """A table (``df`` laid out by ``spec``). ``row_kinds`` types a table of figures row by row."""

    df: Any
    spec: TableSpec
    row_kinds: Sequence[str] | None = None
    small: bool = False  # 五号 for a wide table

    @property
    def note(self) -> str:
        return self.spec.unit_note


@dataclass
class Attachment:
    """One 附件: its title (in the 附件说明 and on its page) and its blocks."""

    title: str
    blocks: list = field(default_factory=list)


@dataclass
class Issuing:
    """How a document is issued: organ, 版头, 发文字号, 成文日期, 版记, table length."""

    organ: str  # 发文机关署名: the full name (政协示例县委员会办公室)
    mark: str  # 发文机关标志 (政协示例县委员会办公室文件)
    number: str  # 发文字号, filled in (示政协办〔2025〕12号); "" leaves the line blank
    date: dt.date  # 成文日期
    red: bool = True  # red 版头; False leaves its room for 红头 paper
    cc: str = ""  # 抄送机关
    printer: str = ""  # 印发机关
    printed: dt.date | None = None  # 印发日期 (default the 成文日期)
    max_rows: int = DEFAULT_MAX_ROWS

    @classmethod
    def from_rules(cls, rules, kind: str, office: str, year: int, number: int | str | None = None,
                   date: dt.date | None = None) -> "Issuing":
        """The ``documents`` rules for ``kind`` (circular or commendation) for ``office``'s document of
        ``year``; ``number`` fills ``{n}`` in the 发文字号 pattern, ``date`` is the 成文日期 (default today)."""
        data = getattr(rules, "data", rules) or {}
        docs = data.get("documents") or {}
        own = docs.get(kind) or {}
        full = committee_name(office, data.get("office") or {})
        fill = {"full_name": full, "office": office, "year": str(year)}
        organ = _fill(own.get("issuer", "{full_name}办公室" if kind != "commendation" else "{full_name}"), fill)
        pattern = own.get("number", "")
        date = date or dt.date.today()
        # The year in a 发文字号 is the year the document is issued (GB/T 9704 7.2.4), so the 2025
        # fourth-quarter circular signed in January 2026 is 〔2026〕.
        number_text = _fill(pattern, {**fill, "year": str(date.year),
                                      "n": str(number) if number not in (None, "") else "\u3000\u3000"}) if pattern else ""
        cc = docs.get("cc") or ""
        return cls(
            organ=organ, mark=_fill(own.get("mark", organ + "文件"), {**fill, "issuer": organ}), number=number_text,
            date=date, red=bool(docs.get("red_header", True)), cc="，".join(cc) if isinstance(cc, list) else str(cc),
            printer=_fill(docs.get("printed_by", "{full_name}办公室"), fill), printed=date,
            max_rows=int(docs.get("max_table_rows", DEFAULT_MAX_ROWS)),
        )


    def imprint_rows(self) -> list[tuple[str, str]]:
        """版记's lines (left, right), as every output writes them: 抄送 (if any), then 印发机关 and 印发日期."""
        rows = [("抄送：" + zh.sentence(zh.punctuate(self.cc).rstrip("。")), "")] if self.cc else []
        return rows + [(self.printer or self.organ, zh.zh_date(self.printed or self.date) + "印发")]


def _fill(pattern: str, values: dict) -> str:
    """Placeholders like ``{year}`` filled by name only, never evaluated; unknown ones stay as written.
    A name that already ends in 办公室 does not get a second one ("{full_name}办公室")."""
    text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), str(pattern))
    return text.replace("办公室办公室", "办公室")


def committee_name(office: str, office_rules: dict) -> str:
    """The committee's full name: the rules' ``office.full_name`` for the rules' own office, else
    made from the short name as offices write it (示例市政协 → 政协示例市委员会)."""
    if office_rules.get("full_name") and office in ("", office_rules.get("name")):
        return office_rules["full_name"]
    name = office or office_rules.get("name", "")
    if name.endswith("政协") and not name.startswith("政协"):
        return f"政协{name[:-2]}委员会"
    return name


@dataclass
class Gongwen:
    """One 公文, in GB/T 9704 order: 版头, 标题, 主送, 正文, 附件说明, 署名, 成文日期, 附件, 版记."""

    title: str
    addressee: str
    body: list
    issuing: Issuing
    attachments: list[Attachment] = field(default_factory=list)
    draft: str = ""  # a draft's mark, in the header of every page ("草稿　候选名单未经…确认，不得印发")

    def blocks(self) -> list:
        """The body's blocks followed by each attachment's (for a writer that shows them all)."""
        out = list(self.body)
        for a in self.attachments:
            out += [Heading(a.title)] + a.blocks
        return out

    def text(self) -> str:
        """Every sentence of the document, for tests and search (tables left out)."""
        parts = [self.title, self.addressee]
        for b in self.blocks():
            if isinstance(b, Heading):
                parts.append(b.text)
            elif isinstance(b, Para):
                parts.append(b.lead + b.text)
        return "\n".join(zh.punctuate(p) for p in parts)
