"""Finding and understanding a sheet's header: which rows, and what each column holds.

Sheets are recognised by their headers, wherever they stand in the first rows: one, two or
three header rows, merged group cells (``采用情况`` over ``县级 | 市级以上`` over ``市级 | 省级 |
国家级``), synonyms, stray spaces and full-width characters. Every labelled column ends up
in exactly one of four places, so nothing under a header is read past in silence:

- ``fields``   a field of the records (title, date, author, 采用情况, 批示领导, …);
- ``bodies``   a column standing for one body (``市政协``, ``县级``): adoptions, forwardings
               (under ``上报情况``) or instructions (under ``领导批示``) at that body's tier;
- ``ignored``  columns the tool computes itself or has no use for (``稿酬``, ``联系电话``);
- ``unknown``  a label the reader does not understand: reported (``header.unknown``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..rules.placement import ADOPTION_VERBS
from .values import cell_text, norm
from .vocabulary import (
    VAGUE_TITLE_LABELS,
    COUNT_UNITS,
    COUNT_WORDS,
    FIELD_KEYWORDS,
    FILLER_KEYWORDS,
    RESPONDENT_KEYWORDS,
    CONTENT_TITLE_LABELS,
    FIELD_LABELS,
    GROUP_FIELDS,
    GROUP_WORDS,
    IGNORED_KEYWORDS,
    IGNORED_LABELS,
    FILING_WORDS,
    ROSTER_LABELS,
    SCORE_ENDINGS,
    ROSTER_ROLE_FALLBACK,
    ORIGINAL_NO_LABELS,
    SENDER_UNIT_LABELS,
    FOLLOW_UP_STATUS_LABELS,
)

HEADER_SCAN_ROWS = 30
MAX_HEADER_ROWS = 3
MAX_LABEL = 16  # longer text is a title, a note or data, never a header label

_LABEL_NOISE = re.compile(r"[*※:：()（）\[\]【】<>《》\"“”'‘’\-—_·.。、/／\\#＃]")


# An online form's question as its export heads the column (3、请填写信息标题（必填）, Q2. 请选择您所在的单位,
# 第5题：…): the question's number, its request words and its 必填 mark say nothing of the field.
_QUESTION_NUMBER = re.compile(r"^(?:第\d{1,3}题|[QqＱ]\d{1,3}|\d{1,3}(?=[、.．:：)）]))(?=.)")
_QUESTION_WORDS = re.compile(r"^(?:请您?(?:填写|选择|输入|注明|上传|提供)|请问)|(?:必填|选填|单选|多选|单选题|多选题)$")


# 作者（单位）, 作者/单位, 姓名（所在单位）: the authors' column asking for each one's unit too, as 作者及单位
# does; without its bracket it would read as 作者单位, a column of units.
_AUTHOR_WITH_UNIT = re.compile(
    "^({})(?:\\(({})\\)|[/、]({}))$".format(
        "|".join(sorted(map(re.escape, FIELD_LABELS["author"]), key=len, reverse=True)),
        *["|".join(sorted((re.escape(u) for u in FIELD_LABELS["unit"] if u.endswith("单位")), key=len, reverse=True))] * 2))


def norm_label(value) -> str:
    """A header label as compared: NFKC, no spaces, no punctuation or required-field stars, no form
    question's number or request words (3、请填写信息标题（必填） is 信息标题); an author's label with
    its unit in brackets (作者（单位）) as 作者及单位."""
    text = norm(cell_text(value))
    if text[:1].isdigit() or text[:1] in "第QqＱ":
        text = _QUESTION_NUMBER.sub("", text)
    if m := _AUTHOR_WITH_UNIT.match(text):
        text = f"{m[1]}及{m[2] or m[3]}"
    return _QUESTION_WORDS.sub("", _LABEL_NOISE.sub("", text))


_COUNT_LABEL = re.compile("|".join(map(re.escape, COUNT_WORDS))
                          + rf"|[(（]\s*[{''.join(COUNT_UNITS)}]\s*[)）]$")


def is_count_label(value) -> bool:
    """A header cell naming a column of counts (条数, 采用数, 报送信息（条）): a tally's, never an item's."""
    text = norm(cell_text(value)) if type(value) is str else ""
    return 0 < len(text) <= MAX_LABEL and bool(_COUNT_LABEL.search(text))


@dataclass(frozen=True)
class BodyColumn:
    """A column that stands for one body (``市政协``, ``县级``): what its cells record there."""

    col: int
    label: str
    action: str  # adoption | forward | instruction
    issues: bool = False  # its numbers are issue numbers (市政协采用期数): 1 is 第1期, not a yes-mark

    @property
    def body(self) -> str:
        """The body whatever part of its record the column holds: 市政协采用 (its √), 市政协采用期数 and
        市政协采用时间 are all 市政协's (one adoption when they agree)."""
        name = _RECORD_PART.sub("", self.label) or self.label
        return _RECORD_VERB.sub("", name) or name


@dataclass
class Layout:
    """What a sheet is and where everything is (0-based row and column indices)."""

    kind: str  # submissions | adoptions | people | units
    header_top: int
    header_bottom: int
    fields: dict[str, int] = field(default_factory=dict)
    bodies: list[BodyColumn] = field(default_factory=list)
    also: dict[int, str] = field(default_factory=dict)  # more columns of a field (a second 备注): col → field
    ignored: dict[int, str] = field(default_factory=dict)  # col → label
    unknown: dict[int, str] = field(default_factory=dict)  # col → label
    fillers: dict[int, str] = field(default_factory=dict)  # who filled in the row (填报人姓名): col → label
    filler_author: int | None = None  # a filler column read as the authors, for want of an 作者 column
    sender_units: int | None = None  # a 上报单位 column whose cells are the office's own units: read as the 单位
    labels: dict[int, str] = field(default_factory=dict)  # col → the label path as shown (采用情况/市政协)
    # A second (third…) adoption, 批示 or 上报 written in numbered columns (采用单位2 | 期数2,
    # 第二次采用/采用单位, 批示领导2, 上报单位2): per kind, each later record's own columns (field → col), read like the first's.
    later: dict[str, list[dict[str, int]]] = field(default_factory=lambda: {kind: [] for kind in RECORD_FIELDS})

    @property
    def width(self) -> int:
        cols = [*self.fields.values(), *(b.col for b in self.bodies), *self.also, *self.ignored, *self.unknown]
        return max(cols) + 1 if cols else 0


class HeaderWords:
    """The header vocabulary, with an office's own synonyms (rules ``headers:``) added."""

    def __init__(self, extra: dict | None = None, place=None, forwarded_prefixes=(), unit_or_body=None):
        labels = {f: list(ls) for f, ls in FIELD_LABELS.items()}
        for fld, more in (extra or {}).items():
            labels.setdefault(fld, []).extend(more or [])
        self.exact = {norm_label(x): fld for fld, ls in reversed(labels.items()) for x in ls}
        self.ignored = {norm_label(x) for x in IGNORED_LABELS}
        self.place = place or (lambda text: None)
        self.forwarded_prefixes = tuple(forwarded_prefixes)
        self.unit_or_body = unit_or_body or (lambda text: "")  # rules ``unit_or_body``: unit, body or ''
        self._memo: dict[str, str | None] = {}
        self._tiers: dict[str, str | None] = {}

    def field_of(self, label: str) -> str | None:
        """The field a normalised label names (exact, else by keyword), or None."""
        if not label or len(label) > MAX_LABEL:
            return None
        try:
            return self._memo[label]
        except KeyError:
            pass
        fld = self.exact.get(label)
        if fld is None:
            fld = next((f for kw, f in FIELD_KEYWORDS if kw in label), None)
        self._memo[label] = fld
        return fld

    def is_ignored(self, label: str) -> bool:
        return label in self.ignored or self.money_or_score(label)

    def money_or_score(self, label: str) -> bool:
        """A label of money, points, a phone or a reference number by its words (稿费发放, 积分, 采用分,
        领导签批单号): what a group so labelled heads is read past too."""
        return any(k in label for k in IGNORED_KEYWORDS) or label.endswith(SCORE_ENDINGS)

    def body_tier(self, label: str) -> str | None:
        """The tier a label names as a body (``市政协``, ``省级``, ``全国政协``), or None."""
        if not label or len(label) > MAX_LABEL:
            return None
        try:
            return self._tiers[label]
        except KeyError:
            placed = self.place(label)
            tier = self._tiers[label] = placed.tier if placed is not None else None
            return tier

    def group_of(self, label: str) -> str | None:
        """What a label heading a group of sub-columns is about (adoption, instruction, forward,
        submission), or None."""
        if not label or len(label) > MAX_LABEL:
            return None
        for kind, words in GROUP_WORDS.items():
            if any(w in label for w in words):
                return kind
        return None

    def knows(self, label: str) -> bool:
        """Whether a label means anything in a header: a field, a body, a group, an ignored column."""
        return bool(label) and (
            self.field_of(label) is not None or self.is_ignored(label) or self.group_of(label) is not None
            or self.body_tier(label) is not None
        )


# 填报单位：柳溪县政协办公室信息科 (a (盖章) before the colon is part of it): a line saying who filed the sheet.
_FILING_LINE = re.compile(rf"^\s*(?:{'|'.join(sorted(FILING_WORDS, key=len, reverse=True))})\s*(?:[(（][^)）]{{0,6}}[)）])?\s*[:：]\s*\S")


@functools.lru_cache(maxsize=1 << 15)
def _label_of(text: str) -> str:
    """A cell's header label; none for long text or a 填报单位：… line (merged over part of the header's
    width, it heads no columns)."""
    return norm_label(text) if 0 < len(text.strip()) <= 40 and not _FILING_LINE.match(text) else ""


def _only_short_text(row: list) -> bool:
    return all((type(v) is str and len(v) <= 40) or v is None for v in row)


def _labels(row: list, width: int) -> list[str]:
    out = [_label_of(v) if type(v) is str else "" for v in row[:width]]
    return out + [""] * (width - len(out))


def _fill_merges(scan: list[list[str]], merges) -> None:
    """Header cells covered by a merged range carry its label (across and down)."""
    rows = len(scan)
    for (r0, c0), (r1, c1) in merges:
        if r0 >= rows:
            continue
        width = len(scan[r0])
        if c0 >= width:
            continue
        value = scan[r0][c0]
        if not value:
            continue
        for r in range(r0, min(r1, rows - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                if not scan[r][c]:
                    scan[r][c] = value


def _score(labels: list[str], words: HeaderWords) -> int:
    """How many distinct fields a row names, plus one if any column names a body."""
    fields = {words.field_of(l) for l in labels if l}
    fields.discard(None)
    fields.discard("seq")
    bodies = any(l and words.field_of(l) is None and words.body_tier(l) for l in labels)
    return len(fields) + (1 if bodies else 0)


def find_layout(rows: list[list], merges, words: HeaderWords, hint: str = "", by_seq: bool = False,
                roster: bool = False) -> Layout | None:
    """Find the header within the first rows and give every labelled column its place.

    ``hint`` is the sheet and file name: it tells a separate 采用台账 that has an 作者 column
    from a combined ledger that lacks its 收稿日期. ``by_seq``: a table of 采用/批示 naming its
    items by 序号 alone is one too (a second table under or beside the items, whose 序号 it
    repeats). ``roster``: the sheet is of a roster workbook, where a 单位名称 column beside others
    (联系人, 成立时间) is the office's unit list too. Returns None when the sheet has neither a ledger
    nor a roster header.
    """
    width = max((len(r) for r in rows[:HEADER_SCAN_ROWS]), default=0)
    if not width:
        return None
    # A row with a number, a date or long text is a title, a note or data: never a header row.
    scan = [_labels(r, width) if _only_short_text(r) else [""] * width for r in rows[:HEADER_SCAN_ROWS]]
    raw_scan = [list(r) for r in scan]  # before merged labels are spread: what each cell itself says
    _fill_merges(scan, merges)
    scores = [_score(labels, words) for labels in scan]
    best, best_score = None, 1
    for i, score in enumerate(scores):
        if score > best_score:
            best, best_score = i, score
    if best is not None:
        best = _first_table(scores, scan, best, best_score)
        layout = _ledger_layout(scan, raw_scan, best, merges, words, hint, by_seq, rows)
        if layout is not None:
            return layout
    return _roster_layout(raw_scan, roster)


def _first_table(scores: list[int], scan: list[list[str]], best: int, best_score: int) -> int:
    """The header of the sheet's first table: an earlier header nearly as full as the fullest
    (序号|收稿日期|信息标题|作者|市政协 above a second table's that adds 备注), when data rows lie
    between the two; else the fullest (the lower row of a two-row header scores more)."""
    for i in range(best):
        if scores[i] >= max(2, best_score - 1):
            if any(not any(scan[j]) for j in range(i + 1, best)):  # a data or blank row: no header of two rows
                return i
            break
    return best


def next_table(rows: list[list], layout: Layout, words: HeaderWords) -> int | None:
    """The row where a second table starts below this one on the same sheet (二、被上级采用情况 with
    its own 序号|信息标题|报送人|采用单位|采用时间): a row of header labels that puts a field in a
    column other than this header's. A repeated copy of this header (a new page) is not one."""
    ct = layout.fields.get("title")
    for r in range(layout.header_bottom + 1, len(rows)):
        row = rows[r]
        t = row[ct] if ct is not None and ct < len(row) else ""
        if type(t) is str and len(t) > 12:
            continue  # an item's title: most rows
        if not _only_short_text(row):
            continue
        labels = _labels(row, len(row))
        placed = {}
        for c, label in enumerate(labels):
            fld = words.field_of(label) if label else None
            if fld and fld != "seq":
                placed.setdefault(fld, c)
        if len(placed) >= 2 and any(layout.fields.get(f) != c for f, c in placed.items()) and _score(labels, words) >= 2:
            return r
    return None


def _header_like(labels: list[str], words: HeaderWords) -> bool:
    """A row whose every filled cell is a label the header vocabulary knows."""
    filled = [l for l in labels if l]
    return bool(filled) and all(words.knows(l) for l in filled)


def _ledger_layout(scan, raw_scan, best: int, merges, words: HeaderWords, hint: str = "", by_seq: bool = False,
                   rows: list[list] = ()) -> Layout | None:
    top = bottom = best
    # Group rows above (采用情况 over its sub-columns), sub-rows below, three rows at most.
    while top > 0 and bottom - top + 1 < MAX_HEADER_ROWS and _is_group_row(raw_scan[top - 1], scan[top - 1], words, scan[top]):
        top -= 1
    while bottom + 1 < len(scan) and bottom - top + 1 < MAX_HEADER_ROWS and _is_sub_row(raw_scan[bottom + 1], scan, top, bottom + 1, words):
        bottom += 1
    block = [list(scan[r]) for r in range(top, bottom + 1)]
    _carry_groups(block, raw_scan[top: bottom + 1], words)
    layout = Layout("submissions", top, bottom)
    for c in range(len(block[0])):
        path = _path([row[c] for row in block])
        if not path:
            continue
        layout.labels[c] = "/".join(path)
        _place_column(layout, c, path, words)
    _settle_sender_units(layout, rows[bottom + 1:], words)
    _settle_dates(layout, hint)
    _settle_fillers(layout)
    kind = _kind_by_title(layout, _ledger_kind(layout, hint), raw_scan[:top], hint)
    if kind is None and by_seq and "seq" in layout.fields and "title" not in layout.fields:
        kind = _ledger_kind(layout, hint, "seq")
        kind = kind if kind == "adoptions" else None
    if kind is None:
        return None
    layout.kind = kind
    if kind == "adoptions" and "adopted_on" not in layout.fields and "date" in layout.fields:
        # In an adoption ledger a bare 日期 is the adoption date.
        layout.fields["adopted_on"] = layout.fields.pop("date")
    return layout


def _is_group_row(raw: list[str], filled: list[str], words: HeaderWords, below: list[str]) -> bool:
    """A row above the header (``below``) that heads groups of its columns (采用情况, 领导批示):
    labels the vocabulary knows, at least one heading a group or spread over several columns. One
    label spread over the whole width is a title, not a group; so is one that heads both an item's
    own columns and its records (社情民意信息报送情况 typed in A1 over 序号 … 市政协 | 省政协, unmerged
    or merged over part of the width)."""
    if not _header_like(raw, words):
        return False
    labels = [l for l in filled if l]
    if len(set(labels)) == 1 and len(labels) >= len(filled) - 1:
        return False
    if any(_heads_items_and_records(l, _extent(raw, filled, c), below, words) for c, l in enumerate(raw) if l):
        return False
    return any(words.group_of(l) for l in raw if l) or filled != raw


def _extent(raw: list[str], filled: list[str], c: int) -> range:
    """The columns a group label at ``c`` heads: its merged range, else up to the next label."""
    end = c + 1
    if filled != raw and end < len(filled) and filled[end] == filled[c]:
        while end < len(filled) and filled[end] == filled[c]:
            end += 1
        return range(c, end)
    while end < len(raw) and not raw[end] and not (filled[end] and filled[end] != filled[c]):
        end += 1
    return range(c, end)


# An item's own columns (only those no group gives another meaning: 日期, 单位, 编号 under 采用情况 are
# the adoption's), and the columns that record what became of it.
_ITEM_FIELDS = frozenset(("seq", "title"))
_RECORD_FIELDS = frozenset(("adoption", "adopted_flag", "issue_no", "adopted_on", "forward", "forwarded_on",
                            "instruction", "leader", "instruction_text", "instructed_on"))


def _heads_items_and_records(label: str, columns: range, below: list[str], words: HeaderWords) -> bool:
    """Whether a label heads an item's own columns and its records too, or heads an item's own
    columns as if they were records (2025年社情民意信息采用情况表 merged over 序号 … 单位). The columns below
    are read as a group of records reads them: 内容 under 批示 is the 批示's text (批示 over 领导 | 内容), not
    the item's title it names alone."""
    group = words.group_of(label)
    record_group = group in ("adoption", "forward", "instruction")
    fields = {(record_group and _field_in_group(below[k], group, words)[0]) or words.field_of(below[k])
              for k in columns if k < len(below) and below[k]}
    if not fields & _ITEM_FIELDS:
        return False
    bodies = any(k < len(below) and below[k] and words.field_of(below[k]) is None and words.body_tier(below[k])
                 for k in columns)
    return bodies or bool(fields & _RECORD_FIELDS) or words.group_of(label) in ("adoption", "forward", "instruction")


def _spans(row: list[str], c: int) -> bool:
    """Whether the label at ``c`` heads more than its own column (a group, or merged across)."""
    label = row[c]
    return bool(label) and ((c > 0 and row[c - 1] == label) or (c + 1 < len(row) and row[c + 1] == label))


def _is_sub_row(raw: list[str], scan, top: int, r: int, words: HeaderWords) -> bool:
    """A row below the header naming the sub-columns of a group (县级 | 市级以上, 市级 | 省级). A
    label the vocabulary does not know is one too when it stands under a group beside one it
    knows (本级 | 上级): a header to report, never an item."""
    above = scan[r - 1]
    grouped = [bool(l) and bool(words.group_of(above[c]) or _spans(above, c)) for c, l in enumerate(raw)]
    if _header_like(raw, words):
        return any(grouped)
    filled = [c for c, l in enumerate(raw) if l]
    if filled and all(grouped[c] for c in filled) and r + 1 < len(scan) and _header_like(scan[r + 1], words) \
            and any(words.body_tier(l) for l in scan[r + 1] if l):
        return True  # 采用情况 over 政协 | 党委政府 over 全国政协 省政协 … | 市委市政府: a middle row of groups
    return (any(grouped[c] and words.knows(raw[c]) for c in filled)
            and all(grouped[c] or words.knows(raw[c]) for c in filled))


def _carry_groups(block: list[list[str]], raw: list[list[str]], words: HeaderWords) -> None:
    """An unmerged group label carries right over the empty cells beside it, as long as the rows
    below have labels there (采用情况 written once over 县级 | 市级 | 省级); a merged one heads its
    merged range only (``raw``: what each cell itself says)."""
    for k in range(len(block) - 1):
        row, below = block[k], block[k + 1]
        carried = ""
        for c in range(len(row)):
            if row[c]:
                unmerged = raw[k][c] == row[c] and not (c + 1 < len(row) and row[c + 1] == row[c])
                carried = row[c] if unmerged and words.group_of(row[c]) else ""
            elif carried and below[c]:
                row[c] = carried
            else:
                carried = ""


def _path(labels: list[str]) -> list[str]:
    """A column's labels from the top, consecutive repeats (a label merged down) once."""
    out: list[str] = []
    for l in labels:
        if l and (not out or out[-1] != l):
            out.append(l)
    return out


def _place_column(layout: Layout, c: int, path: list[str], words: HeaderWords) -> None:
    leaf = path[-1]
    group, group_label = next(((words.group_of(l), l) for l in reversed(path[:-1]) if words.group_of(l)), (None, ""))
    if group is None and _beside_the_leader(layout, c, leaf):
        group = "instruction"  # 领导 | 职务 | 级别 in a 批示台账: the leader's post and level
    if _set_aside(path, words) and not (group == "instruction" and leaf in _LEADER_POSTS):  # 批示情况 over 领导姓名 | 职务: the leader's post
        layout.ignored[c] = "/".join(path)
        return
    if any(k in leaf for k in FILLER_KEYWORDS):
        layout.fillers[c] = "/".join(path)
        return
    if (under := _under_body(path, group, words)) is not None:
        layout.bodies.append(BodyColumn(c, *under))
        return
    if group == "submission" and words.body_tier(leaf):
        # 报送情况 over 市政协 | 省政协: where the item was sent (上报), not where it was adopted; under
        # 基本信息 a body's column says nothing the reader knows (said, unread).
        if "报" in group_label:
            layout.bodies.append(BodyColumn(c, leaf, "forward"))
        else:
            layout.unknown[c] = "/".join(path)
        return
    fld, action = _field_in_group(leaf, group, words)
    if fld in ("month", "day", "year") and group is not None:
        fld = None  # 月 | 日 under 采用时间 or 批示时间: not the item's date
    if action:
        issues = action == "adoption" and bool(_ISSUE_LABEL.search(leaf))
        layout.bodies.append(BodyColumn(c, leaf, action, issues))
    elif fld is None:
        layout.unknown[c] = "/".join(path)
    elif fld == "adoption" and "adoption" in layout.fields and (second := _second_adoption(
            leaf, layout.labels[layout.fields["adoption"]].rsplit("/", 1)[-1])) and second[0] not in layout.fields:
        # 采用单位 | 采用刊物 (or | 采用级别) side by side: the second is read with the body (市政协 +
        # 社情民意专报), or alone when the body is blank; whichever comes first.
        kind, this_one = second
        if this_one:
            layout.fields[kind] = c
        else:
            layout.fields[kind], layout.fields["adoption"] = layout.fields["adoption"], c
    elif fld == "forward" and "forward" in layout.fields and "forward_flag" not in layout.fields and (
            ("是否" in leaf) != ("是否" in layout.labels[layout.fields["forward"]].rsplit("/", 1)[-1])):
        # 是否上报 | 上报单位 side by side: the body's column is the 上报, the flag read where it is blank.
        if "是否" in leaf:
            layout.fields["forward_flag"] = c
        else:
            layout.fields["forward_flag"], layout.fields["forward"] = layout.fields["forward"], c
    elif fld == "title" and "title" in layout.fields and _content_beside_title(layout, c, leaf):
        pass
    elif fld == "author" and "author" in layout.fields and _unit_beside_author(layout, c, leaf):
        pass
    elif fld == "item_no" and "item_no" in layout.fields and _second_beside(layout, c, leaf, fld, "original_no", _ORIGINAL_NO):
        pass
    elif fld == "department" and "department" in layout.fields and _handler_beside_assigner(layout, c, leaf):
        pass
    elif fld == "follow_up" and "follow_up" in layout.fields and _second_beside(layout, c, leaf, fld, "done_flag", _FOLLOW_UP_STATUS):
        pass
    elif fld == "unit" and "unit" in layout.fields and _sending(leaf) != _sending(layout.labels[layout.fields["unit"]].rsplit("/", 1)[-1]):
        # 工作单位 | 报送单位: the unit that sent the item is the one it counts for; the author's workplace
        # beside it is read past, said (header.ignored), whichever comes first.
        if _sending(leaf):
            layout.ignored[layout.fields["unit"]] = layout.labels[layout.fields["unit"]]
            layout.fields["unit"] = c
        else:
            layout.ignored[c] = "/".join(path)
    elif fld == "date" and "date" in layout.fields and words.exact.get(leaf) == "date" and words.exact.get(
            layout.labels[layout.fields["date"]].rsplit("/", 1)[-1]) != "date":
        # 录入日期 … 收稿日期: the date a label names outright is the item's; the one only its 日期 placed
        # is read past, said (header.ignored).
        layout.ignored[layout.fields["date"]] = layout.labels[layout.fields["date"]]
        layout.fields["date"] = c
    elif fld not in layout.fields:
        layout.fields[fld] = c
    elif (kind := next((k for k, fields in RECORD_FIELDS.items() if fld in fields), None)) and _ORDINAL.search("/".join(path)):
        sets = layout.later[kind]
        target = next((s for s in sets if fld not in s), None)
        if target is None:
            sets.append(target := {})
        target[fld] = c
    else:
        layout.also[c] = fld


_CONTENT_TITLES = frozenset(norm_label(x) for x in CONTENT_TITLE_LABELS)

# The fields an ignored keyword (稿酬, 积分, 单号…) wins over: they say nothing else (采用分 is no adoption,
# 领导签批单号 no 批示).
_OVERRIDDEN = (None, "adoption", "note", "instruction")


def _beside_the_leader(layout: Layout, c: int, leaf: str) -> bool:
    """Whether a column with no group over it is the 批示领导's post or level: labelled so (职务, 级别) and right
    after the leader's column, or after its 职务 (批示领导 | 职务 | 级别)."""
    leader = layout.fields.get("leader")
    if leader is None or leaf not in _LEADER_POSTS | _LEADER_LEVELS:
        return False
    between = [layout.labels.get(k, "").rsplit("/", 1)[-1] for k in range(leader + 1, c)] if c > leader else None
    return between is not None and len(between) <= 1 and all(l in _LEADER_POSTS | _LEADER_LEVELS for l in between)


def _set_aside(path: list[str], words: HeaderWords) -> bool:
    """A column read past on purpose (header.ignored). An ignored label written out (填表日期) wins over
    a field its keyword names (日期); an ignored keyword (稿酬, 积分, 签批单号…) only over a field that
    says nothing else, in the column's own label or a group's over it (积分 over 报送分 | 采用分 | 批示分,
    稿费发放 over 状态 | 金额 | 日期: hand-kept scores and payments, never adoptions or 批示)."""
    leaf = path[-1]
    if (leaf in words.ignored and leaf not in words.exact) or (words.is_ignored(leaf) and words.field_of(leaf) in _OVERRIDDEN):
        return True
    # A group that is only a score or a payment (积分, 稿费发放); not one that names a field too (采用及奖励情况),
    # nor over a column that names an adoption or a 批示 itself (奖励情况 over 采用单位 | 金额).
    return (words.field_of(leaf) not in ("adoption", "instruction")
            and any(words.money_or_score(l) and words.field_of(l) is None for l in path[:-1]))


_ORIGINAL_NO = frozenset(norm_label(x) for x in ORIGINAL_NO_LABELS)
_FOLLOW_UP_STATUS = frozenset(norm_label(x) for x in FOLLOW_UP_STATUS_LABELS)


def _second_beside(layout: Layout, c: int, leaf: str, fld: str, second: str, labels: frozenset) -> bool:
    """Two columns of ``fld`` side by side, one of them named by ``labels``: that one is read as ``second``,
    whichever comes first (编号 | 原编号: a city's own number and the county's it was sent with, 白沙区-2025-001,
    the 原编号 the item's ``original_no``; 落实情况 | 督办状态 with no 是否办结 column: the status read as one,
    ``done_flag``, joined to the 落实情况). False (said as a second column of ``fld``, header.duplicate) when
    neither or both are one, or ``second`` is taken."""
    first = layout.fields[fld]
    if second in layout.fields or (leaf in labels) == (layout.labels[first].rsplit("/", 1)[-1] in labels):
        return False
    if leaf in labels:
        layout.fields[second] = c
    else:
        layout.fields[second], layout.fields[fld] = first, c
    return True


def _handler_beside_assigner(layout: Layout, c: int, leaf: str) -> bool:
    """交办单位 | 承办单位 (either first): the unit a 批示 was assigned to is the 承办单位; the body that
    assigned it (交办单位: 区政府办, 区委办) is read past, said (header.ignored). A 交办单位 column alone is
    the unit it was assigned to, as offices write it. False when neither or both are a 交办 column."""
    first = layout.fields["department"]
    assigning = "交办" in leaf
    if assigning == ("交办" in layout.labels[first].rsplit("/", 1)[-1]):
        return False
    if assigning:
        layout.ignored[c] = layout.labels[c]
    else:
        layout.ignored[first] = layout.labels[first]
        layout.fields["department"] = c
    return True


def _sending(label: str) -> bool:
    """A 单位 column naming the unit that sent the item (报送单位, 推荐单位), not the author's workplace."""
    return any(w in label for w in ("报送", "推荐", "选送", "供稿", "呈报", "上报", "推送"))


def _content_beside_title(layout: Layout, c: int, leaf: str) -> bool:
    """信息内容 beside 信息标题 (before or after it): the content, read past; the 标题 column the title."""
    first = layout.fields["title"]
    first_leaf = layout.labels[first].rsplit("/", 1)[-1]
    if (leaf in _CONTENT_TITLES) == (first_leaf in _CONTENT_TITLES):
        return False
    if leaf in _CONTENT_TITLES:
        layout.ignored[c] = layout.labels[c]
    else:
        layout.ignored[first] = layout.labels[first]
        layout.fields["title"] = c
    return True


def _unit_beside_author(layout: Layout, c: int, leaf: str) -> bool:
    """作者 | 作者（单位） (before or after it), no 单位 column: the one asking for the unit is the authors'
    units; the other the authors."""
    first = layout.fields["author"]
    asks_unit = "单位" in leaf
    if "unit" in layout.fields or asks_unit == ("单位" in layout.labels[first].rsplit("/", 1)[-1]):
        return False
    if asks_unit:
        layout.fields["unit"] = c
    else:
        layout.fields["unit"], layout.fields["author"] = first, c
    return True


def _single_body(label: str, words: HeaderWords) -> bool:
    """Whether a label names one body (市政协, 市政协采用, 省级), not several levels (县/市/省)."""
    return bool(words.body_tier(label)) and len(label) <= 10 and not _SEVERAL_LEVELS.search(label)


def _under_body(path: list[str], group: str | None, words: HeaderWords) -> tuple[str, str, bool] | None:
    """A column under one body's group (市政协 over 报送 | 采用 | 期数 | 时间; 市政协采用 over 期数 |
    日期): (the body's label, what its cells record there, whether they are issue numbers), or None.
    Each body's columns are that body's record, as 市政协采用期数 | 市政协采用时间 are side by side."""
    leaf = path[-1]
    body = next((l for l in reversed(path[:-1]) if _single_body(l, words)), None)
    # 编发日期, 编发期数 name a field (the office's own 编发 word in them names no other body)
    if body is None or words.body_tier(leaf) and words.exact.get(leaf) is None:
        return None
    fld = words.field_of(leaf)
    if group in ("adoption", "forward", "instruction") and (fld in _GROUP_OWN[group] or any(
            kw in leaf for kw, _ in GROUP_FIELDS[group])):
        action = group  # 市政协采用 over 期数 | 日期: the group's own sub-columns
    elif fld in ("forward", "forwarded_on") or leaf.startswith(words.forwarded_prefixes):
        action = "forward"  # 报送, 上报, 是否报送, 报送时间 under 市政协
    elif fld in ("adoption", "adopted_flag", "adopted_on", "issue_no") or (fld == "date" and group in ("adoption", None)):
        action = "adoption"  # 市政协 over 期数 | 日期: the day it was adopted, not a second 收稿日期
    elif fld in ("instruction", "leader"):
        action = "instruction"
    else:
        return None
    if action == "forward" and fld not in ("forward", "forwarded_on", "date", "adopted_flag", None):
        return None
    return body, action, action == "adoption" and bool(_ISSUE_LABEL.search(leaf))


def _field_in_group(leaf: str, group: str | None, words: HeaderWords) -> tuple[str | None, str | None]:
    """(field, None) or (None, body action) for a column's lowest label under its group."""
    exact = words.exact.get(leaf)
    if group == "adoption" and (leaf.startswith(_SENT_WORDS) or _sent_to_body(leaf, words)):
        group = "forward"  # 报送及采用情况 over 报送单位 | 采用单位: where it was sent, then who adopted it
    if group in ("adoption", "forward", "instruction"):
        if exact in _GROUP_OWN[group]:
            return exact, None
        if words.body_tier(leaf):
            return None, group
        for kw, fld in GROUP_FIELDS[group]:
            if kw in leaf:
                return fld, None
        return words.field_of(leaf), None
    if exact is not None:
        return exact, None
    if _LEVEL_LEADER.match(leaf) and words.field_of(leaf) in ("leader", "instruction") and words.body_tier(leaf):
        # 县领导批示 | 市领导批示 side by side: a 批示 column per level, like 县级 | 市级 under 领导批示.
        return None, "instruction"
    if words.body_tier(leaf) and len(leaf) <= 10 and not _SEVERAL_LEVELS.search(leaf):
        # A single-level 省政协采用 / 上报市政协 column.
        if leaf.startswith(words.forwarded_prefixes) or _sent_to_body(leaf, words):
            return None, "forward"
        # 市政协采用时间 | 省政协采用期数: a column per body holding the day it adopted the item
        # or the issue of its bulletin that carried it.
        if words.field_of(leaf) in (None, "adoption", "adopted_flag", "adopted_on", "issue_no"):
            return None, "adoption"
    return words.field_of(leaf), None


def _sent_to_body(leaf: str, words: HeaderWords) -> bool:
    """A body's column saying the item was sent there, with the rules' forwarding words (报中办国办,
    已报全国政协, 是否报送全国政协 under 采用情况): a 上报, not an adoption by that body (上报 is not 采用, L77);
    one that says adopted too (报全国政协采用) is left to its cells."""
    rest = leaf.removeprefix("是否")
    return (bool(words.forwarded_prefixes) and rest.startswith(words.forwarded_prefixes)
            and bool(words.body_tier(rest)) and not any(v in rest for v in ADOPTION_VERBS))


def publication_label(label: str) -> bool:
    """A column naming the publication that carried an item (采用刊物), not the body (采用单位)."""
    return any(w in label for w in ("刊物", "载体", "刊名")) and "单位" not in label


def level_label(label: str) -> bool:
    """A column naming the level an item was adopted at (采用级别, 采用层级, 采用层次), not the body."""
    return any(w in label for w in ("级别", "层级", "层次", "级次")) and "单位" not in label


def _second_adoption(leaf: str, first: str) -> tuple[str, bool] | None:
    """Of two adoption columns, the one read with the other: (its field, whether it is ``leaf``). A
    level column is the level beside a 采用刊物 too (采用级别 | 采用刊物: the 刊物 names the body, the level
    is not glued onto its name as 市级江州市政协)."""
    for kind, test in (("adoption_level", level_label), ("publication", publication_label)):
        if test(leaf) != test(first):
            return kind, test(leaf)
    return None


# The fields of one adoption, 批示 or 上报, and what marks a column as a later record's (采用单位2,
# 期数（二）, 第二次采用, 再次采用, 批示领导2, 上报单位2): written again only with such a mark, a field is a
# duplicate column (said).
RECORD_FIELDS = {
    "adoption": ("adoption", "issue_no", "adopted_on", "publication", "product"),
    "instruction": ("leader", "instruction", "instruction_text", "instructed_on", "follow_up", "done_flag", "reply_flag", "department",
                    "assigned_on", "due_on", "replied_on", "reply", "fed_back_on"),
    "forward": ("forward", "forwarded_on"),
}
_ORDINAL = re.compile(r"(?:[2-9]|[二三四五])$|[(（]\s*(?:[2-9]|[二三四五])\s*[)）]|第[2-9二三四五]次|再次|二次")

# A sub-column about the sending (报送单位, 上报时间) under a group about adoption and sending.
_SENT_WORDS = ("报送", "上报", "呈报")

# What a body's column holds of its record, after the body's name (市政协采用期数, 省政协采用时间).
_RECORD_PART = re.compile(r"(?:采用|编发|刊用|录用|刊发)?(?:期数|期号|期次|刊期|时间|日期)$")

# The verb after a body's name in its own column (市政协采用 | 市政协采用日期: both 市政协's).
_RECORD_VERB = re.compile(r"(?:采用|编发|刊用|录用|刊发)$")

# A label naming several levels (采用情况（县/市/省）, 采用级别（县级、市级、省级）): a column of
# text naming the body in each cell, not one body's column.
# 省市级采用, 县区市政协: several levels in one label; not a place's name ending in 州 before its level
# (江州市政协采用, 贵州省政协: one body).
_SEVERAL_LEVELS = re.compile(r"(?:(?<![\u3400-\u9fff])|(?!州))[县区市州省国](?:级|政协)?[、/,，及和与]?(?:[县区市州省]|国家|全国)")

# A body's column of issue numbers: 市政协采用期数, 省政协（期号）, 市级期 (not 采用日期).
_ISSUE_LABEL = re.compile(r"(?<!日)期(?:号|数|次)?$|刊期")

# A single-level 批示 column of one level of leaders (县领导批示, 市级领导签批, 中央领导批示).
_LEVEL_LEADER = re.compile(r"^(?:县|区|市|州|盟|省|自治区|国家|中央|全国)级?(?:委|政府)?(?:主要)?领导人?")

# Under 批示情况, a 职务 column is the leader's post (周某某 | 副市长): read with the name, it gives the level.
_LEADER_POSTS = frozenset(("职务", "领导职务", "批示领导职务", "职位"))
# ...and a 级别 column the leader's level (王某某 | 市级). Either, with no group over it, right after the 批示领导
# column (a 批示台账's 领导 | 职务 | 级别) is that leader's too, not the author's post nor an unknown column.
_LEADER_LEVELS = frozenset(("级别", "层级", "领导级别", "批示领导级别", "批示级别"))

# The fields a group's sub-columns may name directly.
_GROUP_OWN = {
    "adoption": {"adopted_on", "issue_no", "adoption", "adopted_flag", "product", "instruction", "leader",
                 "instruction_text", "instructed_on", "follow_up", "note"},
    "forward": {"forward", "forwarded_on", "note"},
    "instruction": {"instruction", "leader", "leader_post", "leader_level", "instruction_text", "instructed_on", "follow_up", "done_flag", "reply_flag", "department",
                    "assigned_on", "due_on", "replied_on", "reply", "fed_back_on", "note"},
}


def _settle_fillers(layout: Layout) -> None:
    """Who filled in a row (填报人姓名, 您的姓名) is no author beside an 作者 column: read past, said. With
    no other column of authors, the first respondent's column (填报人, 您的姓名; not a 联系人 or 审核人) is
    the authors (a form each author fills in), said."""
    respondents = [c for c, label in sorted(layout.fillers.items()) if any(k in label for k in RESPONDENT_KEYWORDS)]
    if "author" not in layout.fields and respondents:
        c = respondents[0]
        layout.fields["author"] = layout.filler_author = c
        del layout.fillers[c]
    layout.ignored.update(layout.fillers)
    layout.fillers.clear()


def _settle_dates(layout: Layout, hint: str = "") -> None:
    """上报时间 is the submission date when nothing else is, no column is about forwarding and the
    table is no 上报台账 (``_forward_ledger``); 月 | 日 columns are the date (read together) when no
    column holds it whole."""
    f = layout.fields
    if "month" in f:
        if "date" not in f:
            f["date"] = f.pop("month")  # the 日 column, if any, stays: read with it
        else:
            layout.unknown[f.pop("month")] = "月"
    if "day" in f and "date" not in f:
        layout.unknown[f.pop("day")] = "日"
    # With the units' 上报单位 read as the 单位, its 上报日期 is the day each came in, a 上报情况 beside it or not.
    if "date" not in f and "forwarded_on" in f and (layout.sender_units is not None or (
            "forward" not in f and not any(b.action == "forward" for b in layout.bodies) and not _forward_ledger(layout, hint))):
        f["date"] = f.pop("forwarded_on")
    if "year" in f and "date" not in f:
        c = f.pop("year")  # no date for it to give a year to: said as a column not read
        layout.unknown[c] = layout.labels.get(c, "年度")


_SENDER_UNIT_LABELS = frozenset(norm_label(x) for x in SENDER_UNIT_LABELS)


def _settle_sender_units(layout: Layout, data: list[list], words: HeaderWords) -> None:
    """A 上报单位 column with no 单位 column beside it, every filled cell a unit of the office's own (民盟县委,
    城关镇) and none a body items are sent up to (市政协, 县委办): the units 上报 their items to the office, so
    the column is the 单位 (its 上报日期 the day each came in: ``_settle_dates``), said (header.sender_units).
    Any other cell (市政协, 陈静, 已上报) keeps it the 上报 column, each cell read or said as one."""
    c = layout.fields.get("forward")
    if c is None or "unit" in layout.fields or layout.labels.get(c) not in _SENDER_UNIT_LABELS:
        return
    cells = {cell_text(row[c]).strip() for row in data if c < len(row)} - {""}
    if cells and all(words.unit_or_body(text) == "unit" for text in cells):
        layout.fields["unit"] = layout.sender_units = layout.fields.pop("forward")
        # 上报单位 | 上报情况 (已上报市政协): with the units read off, the 上报情况 is the 上报 column, not a second one.
        if (second := next((k for k, fld in sorted(layout.also.items()) if fld == "forward"), None)) is not None:
            layout.fields["forward"] = second
            del layout.also[second]


def _forward_ledger(layout: Layout, hint: str) -> bool:
    """A 上报台账 (sheet or file named 上报 and not 报送) whose rows record what became of each 上报
    (编号 | 标题 | 上报日期 | 采用情况): its 上报日期 is the 上报's day, its rows refer to the items of the
    报送台账, not items of their own (an office keeping no 报送台账 has them read as items, dated by it:
    read.file ``_references_items``)."""
    records = ("adoption", "adopted_flag", "adopted_on", "issue_no", "leader", "instruction")
    return "上报" in hint and "报送" not in hint and any(k in layout.fields for k in records)


_REFERENCE_NAMES = ("采用", "批示", "上报", "录用", "刊用")


def _kind_by_title(layout: Layout, kind: str | None, above: list[list], hint: str) -> str | None:
    """``kind``, unless a table of items with no 收稿日期 but an 采用/批示 date has a title above its
    header that tells a 采用台账 (2025年社情民意信息采用台账 over 标题 | 作者 | 采用刊物 | 采用时间): its
    rows were items with no date, every one an error."""
    if kind != "submissions" or "date" in layout.fields or not above or not {"adopted_on", "instructed_on"} & layout.fields.keys():
        return kind
    title = " ".join(v for row in above for v in row if type(v) is str and v)
    return _ledger_kind(layout, f"{hint} {title}")


# A title column's label that names no item by itself (内容, 事项): with a date alone, a work log's, not a ledger's.
_VAGUE_TITLES = frozenset(norm_label(x) for x in VAGUE_TITLE_LABELS)


def _ledger_kind(layout: Layout, hint: str = "", key: str = "item_no") -> str | None:
    """What a ledger table is (submissions, adoptions), or None; ``key``: the column that names an
    item when there is no title (编号, or 序号 for a table that repeats the items' own)."""
    f = layout.fields
    if "title" not in f and key not in f:
        return None
    if (("date" not in f or "adopted_on" in f or "instructed_on" in f) and not any(b.action == "adoption" for b in layout.bodies)
            and any(k in f for k in ("adoption", "adopted_on", "issue_no", "leader", "instruction", "forward"))
            and any(w in hint for w in _REFERENCE_NAMES) and "报送" not in hint):
        # A 采用台账 with an 作者 column, or with the 报送时间 beside its own 采用时间: its rows refer to
        # items, they are not items (an office keeping no 报送台账 has them read as items: read.ledger).
        return "adoptions"
    about_records = any(k in f for k in ("adoption", "adopted_flag", "adopted_on", "issue_no", "leader", "instruction",
                                          "instruction_text", "forward", "product"))
    adoption_bodies = any(b.action == "adoption" for b in layout.bodies)
    if "date" in f and not about_records and "author" not in f and "unit" not in f and "title" in f and not layout.bodies:
        # 日期 | 信息标题 (a unit's sheet): items; 日期 | 内容 | 联系人 | 电话 (a work log, a contact record): no ledger.
        return None if norm_label(layout.labels.get(f["title"], "")) in _VAGUE_TITLES else "submissions"
    if not ({"author", "unit", "date"} & f.keys()) and not adoption_bodies and (about_records or layout.bodies):
        return "adoptions"
    if "title" in f and ({"date", "author", "unit"} & f.keys() or adoption_bodies):
        return "submissions"
    return None


_ROLE_FALLBACK = frozenset(norm_label(x) for x in ROSTER_ROLE_FALLBACK)


# A sheet of figures per person (姓名 | 单位 | 报送条数 | 采用条数 | 稿酬): a tally, not a roster.
_FIGURE_COLUMN = re.compile(r"条数|件数|篇数|报送数|采用数|批示数|积分|得分|金额|稿酬|采用率|完成率")


def _units_alone(labels: list[str], found: dict[str, int]) -> bool:
    """A header of 单位名称 alone (with a 序号 or 备注): a list of the units, none of any type."""
    return set(found) <= {"unit_name", "note"} and all(not l or c in found.values() or l in ("序号", "编号")
                                                        for c, l in enumerate(labels))


def _roster_layout(scan: list[list[str]], roster: bool = False) -> Layout | None:
    """The roster header in ``scan``: a people sheet (姓名 with a 身份, 单位, 界别 or 聘任日期) or a unit
    list (单位名称 with its 单位类型, or alone; in a roster workbook, ``roster``, beside any columns, or
    单位 with a 单位类型 and no 姓名)."""
    normed = {fld: {norm_label(x) for x in labels} for fld, labels in ROSTER_LABELS.items()}
    for i, labels in enumerate(scan):
        if sum(bool(_FIGURE_COLUMN.search(l)) for l in labels) >= 2:
            continue
        found: dict[str, int] = {}
        for c, l in enumerate(labels):
            for fld, names in normed.items():
                if l in names and fld not in found:
                    # 类别/类型 mean the role in a people roster, the unit type in a unit roster.
                    found[fld] = c
                    break
        if "role" not in found and (c := next((c for c, l in enumerate(labels) if l in _ROLE_FALLBACK), None)) is not None:
            found["role"] = c  # 职务 holding 县政协委员 / 信息员 when no 身份 column says it
        if "name" in found and ({"role", "unit", "sector", "appointed_on"} & found.keys()):
            return Layout("people", i, i, {k: v for k, v in found.items() if k != "unit_name"})
        if roster and "unit_name" not in found and "unit" in found and {"unit_type", "role"} & found.keys():
            found["unit_name"] = found.pop("unit")  # 单位 | 单位类型 with no 姓名 in a roster workbook: the unit list
        if "unit_name" in found and ({"unit_type", "role"} & found.keys() or _units_alone(labels, found)
                                     or roster and "name" not in found):
            # No 单位类型 (a list of the units alone): each unit counted as listed, of no type (said: read.roster).
            fields = {"unit_name": found["unit_name"]}
            if (typed := found.get("unit_type", found.get("role"))) is not None:
                fields["unit_type"] = typed
            if "note" in found:
                fields["note"] = found["note"]
            return Layout("units", i, i, fields)
    return None
