"""Finding and understanding a sheet's header: which row, which column holds which field.

Sheets are recognised by their headers, never their names. The header is
looked for in the first rows; one or two levels, merged group cells
(``采用情况`` over ``县政协编发 | 市政协 | 省政协 | 全国政协``), synonyms, stray
spaces and full-width characters are all understood.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .values import cell_text, norm

HEADER_SCAN_ROWS = 30

# field -> labels that name it exactly (after normalisation). Order inside a
# list does not matter; the first column that names a field wins.
LEDGER_LABELS: dict[str, tuple[str, ...]] = {
    "item_no": ("编号", "信息编号", "稿件编号", "登记号", "编码", "登记编号", "信息号"),
    "seq": ("序号", "序", "行号", "顺序号"),
    "date": ("收稿日期", "报送日期", "日期", "来稿日期", "收稿时间", "报送时间", "收到日期", "时间", "提交日期", "收稿日"),
    "title": ("信息标题", "标题", "题目", "信息题目", "稿件标题", "信息名称", "稿件题目", "主题", "信息题目标题"),
    "author": ("作者", "报送人", "反映人", "撰稿人", "姓名", "提供人", "撰写人", "报送者", "作者姓名", "报送人姓名", "信息员", "供稿人"),
    "unit": ("单位", "所在单位", "报送单位", "工作单位", "所属单位", "单位界别", "报送单位界别", "单位/界别", "供稿单位"),
    "sector": ("界别", "所属界别", "委员界别"),
    "category": ("类别", "分类", "信息类别", "类型", "信息分类", "内容分类"),
    "role": ("身份", "作者身份", "人员类别", "报送人身份", "人员身份"),
    "adopted_flag": ("是否采用", "采用与否", "是否被采用", "是否录用"),
    "adoption": ("采用情况", "采用单位", "采用刊物", "采用", "采用单位刊物", "采用情况及期数", "采用层级", "采用级别", "采用及刊发情况", "刊发情况"),
    "issue_no": ("期号", "期数", "刊期", "采用期号", "刊发期号"),
    "adopted_on": ("采用日期", "采用时间", "刊发日期", "编发日期", "刊发时间"),
    "instruction": ("批示", "领导批示", "批示情况", "领导批示情况", "批示件", "获批示情况"),
    "leader": ("批示领导", "批示人", "领导", "领导姓名"),
    "instruction_text": ("批示内容", "批示意见"),
    "instructed_on": ("批示日期", "批示时间"),
    "follow_up": ("落实情况", "反馈情况", "办理情况", "落实反馈", "落实", "落实反馈情况", "批示落实情况"),
    # 督办 of an instruction, tracked "像办理政协提案那样" (L33): 承办单位, 交办, 时限, 办复, 反馈作者.
    "department": ("承办单位", "办理单位", "责任单位"),
    "assigned_on": ("交办时间", "交办日期"),
    "due_on": ("办理时限", "办结时限"),
    "replied_on": ("办复日期", "办复时间"),
    "reply": ("办复情况", "办理结果", "办复内容"),
    "fed_back_on": ("反馈日期", "反馈作者日期", "反馈时间"),
    "note": ("备注", "说明"),
}

# When no label matches exactly, the first keyword a label contains decides.
LEDGER_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("交办", "assigned_on"), ("承办", "department"), ("时限", "due_on"), ("办复日期", "replied_on"),
    ("办复时间", "replied_on"), ("办复", "reply"), ("反馈日期", "fed_back_on"), ("反馈时间", "fed_back_on"),
    ("采用日期", "adopted_on"), ("采用时间", "adopted_on"), ("批示日期", "instructed_on"),
    ("批示时间", "instructed_on"), ("批示内容", "instruction_text"), ("批示领导", "leader"),
    ("落实", "follow_up"), ("反馈", "follow_up"), ("批示", "instruction"), ("期号", "issue_no"),
    ("期数", "issue_no"), ("是否", "adopted_flag"), ("采用", "adoption"), ("刊发", "adoption"), ("标题", "title"), ("题目", "title"),
    ("编号", "item_no"), ("序号", "seq"), ("日期", "date"), ("作者", "author"), ("报送人", "author"),
    ("反映人", "author"), ("姓名", "author"), ("单位", "unit"), ("界别", "sector"), ("类别", "category"),
    ("分类", "category"), ("身份", "role"), ("备注", "note"),
)

# Inside a group (``采用情况`` / ``领导批示``) short sub-labels mean the group's fields.
GROUP_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "adoption": (("日期", "adopted_on"), ("时间", "adopted_on"), ("期", "issue_no"),
                 ("单位", "adoption"), ("刊物", "adoption"), ("层级", "adoption"), ("级别", "adoption")),
    # The 督办 sub-labels first: 交办日期 is not the 批示日期, 办理时限 and 办理结果 are not the 落实情况.
    "instruction": (("交办", "assigned_on"), ("承办", "department"), ("责任单位", "department"),
                    ("办理单位", "department"), ("时限", "due_on"), ("办复日期", "replied_on"),
                    ("办复时间", "replied_on"), ("办复", "reply"), ("办理结果", "reply"),
                    ("反馈日期", "fed_back_on"), ("反馈时间", "fed_back_on"), ("反馈作者", "fed_back_on"),
                    ("日期", "instructed_on"), ("时间", "instructed_on"), ("内容", "instruction_text"),
                    ("意见", "instruction_text"), ("落实", "follow_up"), ("反馈", "follow_up"),
                    ("办理", "follow_up"), ("领导", "leader"), ("姓名", "leader"), ("批示人", "leader")),
}

ROSTER_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名", "委员姓名", "信息员姓名"),
    "role": ("身份", "人员类别", "类别", "人员身份", "类型"),
    "unit": ("单位", "所在单位", "工作单位", "所属单位", "报送单位"),
    "sector": ("界别", "所属界别"),
    "appointed_on": ("聘任日期", "聘任时间", "聘用日期", "任职日期", "聘任", "聘任年月", "聘期开始"),
    "unit_name": ("单位名称", "名称", "单位全称"),
    "unit_type": ("单位类型", "类型", "分组", "组别", "单位类别", "类别", "同类组"),
    "note": ("备注", "说明"),
}

_LABEL_NOISE = re.compile(r"[*※:：()（）\[\]【】<>《》\"“”'‘’\-—_·.。、/／\\]")


def norm_label(value) -> str:
    """A header label as compared: NFKC, no spaces, no punctuation or required-field stars."""
    return _LABEL_NOISE.sub("", norm(cell_text(value)))


# The first rows of every sheet repeat the same short texts (labels, names, units): a bounded
# memo of these pure functions saves most of the header search. read_files starts each read
# with them empty (forget_labels), so nothing carries over from one read to the next.
@functools.lru_cache(maxsize=1 << 16)
def ledger_field(label: str) -> str | None:
    """The ledger field a normalised label names, or None."""
    if not label or len(label) > 12:  # long text is data or a note, not a header
        return None
    fld = _LABEL_FIELD.get(label)
    if fld is not None:
        return fld
    for keyword, fld in LEDGER_KEYWORDS:
        if keyword in label:
            return fld
    return None


_LABEL_FIELD = {norm_label(x): fld for fld, labels in reversed(LEDGER_LABELS.items()) for x in labels}
_ROSTER_NORMED = {fld: {norm_label(x) for x in labels} for fld, labels in ROSTER_LABELS.items()}


@dataclass
class TierColumn:
    """A column under the adoption group that stands for one adopting body (``市政协``)."""

    col: int
    label: str
    tier: str | None


@dataclass
class Layout:
    """What a sheet is and where its fields are (0-based row and column indices)."""

    kind: str  # submissions | adoptions | people | units
    header_top: int
    header_bottom: int
    fields: dict[str, int] = field(default_factory=dict)
    tiers: list[TierColumn] = field(default_factory=list)
    extra_columns: dict[int, str] = field(default_factory=dict)  # labelled columns not understood


# Labels of the short texts in the first rows of sheets, each computed once (see ledger_field).
_LABELS: dict[str, str] = {}


def forget_labels() -> None:
    """Empty the label memos (at the start of a read)."""
    _LABELS.clear()
    ledger_field.cache_clear()


def _new_label(text: str) -> str:
    if len(_LABELS) >= 1 << 16:
        _LABELS.clear()
    label = _LABELS[text] = norm_label(text)
    return label


def _row_labels(row: list, width: int) -> list[str]:
    if len(row) != width:
        row = row[:width] if len(row) > width else [*row, *([""] * (width - len(row)))]
    get = _LABELS.get
    # Only short text can be a header label; numbers, dates and long text are data.
    return [(get(v) or _new_label(v)) if type(v) is str and 0 < len(v) <= 24 else "" for v in row]


def _score(labels: list[str], tier_of, beat: int = -1) -> int:
    """Fields named in a header row, plus one if any column names an adopting body (a tier column).

    Only a score above ``beat`` matters to the caller: a row that cannot reach it even with a
    tier column is scored without looking for one.
    """
    fields = {ledger_field(l) for l in labels if l}
    fields.discard(None)
    if len(fields) + 1 <= beat:
        return len(fields)
    # Tier columns add one to the score however many there are: the first one found is enough.
    tiers = any(l and ledger_field(l) is None and tier_of(l) for l in labels)
    return len(fields) + (1 if tiers else 0)


def find_layout(rows: list[list], merges: list[tuple[tuple[int, int], tuple[int, int]]], tier_of) -> Layout | None:
    """Find the header within the first rows and map every column to a field.

    ``tier_of`` maps a body name to its tier (from the rules) so tier columns
    are recognised. Returns None when the sheet has no ledger or roster header.
    """
    width = max((len(r) for r in rows[:HEADER_SCAN_ROWS]), default=0)
    scan = [_row_labels(r, width) for r in rows[:HEADER_SCAN_ROWS]]
    best, best_score = None, 1
    for i, labels in enumerate(scan):
        score = _score(labels, tier_of, best_score)
        if score > best_score:
            best, best_score = i, score
    layout = _ledger_layout(scan, best, merges, tier_of) if best is not None else None
    if layout is not None:
        return layout
    return _roster_layout(scan)


def _groups_in_row(r: int, labels: list[str], merges) -> dict[int, str]:
    """Column → group label for cells merged across several columns in row ``r``."""
    out: dict[int, str] = {}
    for (r0, c0), (r1, c1) in merges:
        if r0 == r and c1 > c0 and labels[c0] if c0 < len(labels) else False:
            for c in range(c0, c1 + 1):
                out[c] = labels[c0]
    return out


def _is_group_label(label: str) -> str | None:
    """``采用情况`` / ``领导批示`` style labels that head a group of sub-columns."""
    if not label or len(label) > 8:  # a title row ("2026年…采用台账") is not a group label
        return None
    if "批示" in label and "日期" not in label and "内容" not in label and "领导" != label:
        return "instruction"
    if "采用" in label or "刊发" in label:
        return "adoption"
    return None


def _sub_field(group: str | None, sub: str, tier_of) -> tuple[str | None, str | None]:
    """(field, tier) for a sub-label under a group label; tier columns give field 'tier'."""
    if group == "adoption":
        if tier := tier_of(sub):  # 市政协采用, 本级编发: a body's own column
            return "tier", tier
        exact = ledger_field(sub)
        if exact in ("adopted_on", "issue_no", "adoption", "instruction", "leader", "follow_up"):
            return exact, None
        for kw, fld in GROUP_FIELDS["adoption"]:
            if kw in sub and not tier_of(sub):
                return fld, None
        return "tier", tier_of(sub)
    if group == "instruction":
        for kw, fld in GROUP_FIELDS["instruction"]:
            if kw in sub:
                return fld, None
    fld = ledger_field(sub)
    if fld is None and tier_of(sub):
        return "tier", tier_of(sub)
    return fld, None


def _looks_like_subheader(labels: list[str], tier_of) -> bool:
    filled = [l for l in labels if l]
    return bool(filled) and all(ledger_field(l) or tier_of(l) for l in filled)


def _ledger_layout(scan: list[list[str]], best: int, merges, tier_of) -> Layout | None:
    width = len(scan[best])
    top, sub = best, None
    groups = _groups_in_row(best, scan[best], merges)
    if best + 1 < len(scan) and _looks_like_subheader(scan[best + 1], tier_of) and (
        groups or any(_is_group_label(l) for l in scan[best])
    ):
        sub = best + 1
    elif best > 0 and any(_is_group_label(l) for l in scan[best - 1]) and _looks_like_subheader(scan[best - 1], tier_of):
        top, sub = best - 1, best
        groups = _groups_in_row(top, scan[top], merges)

    fields: dict[str, int] = {}
    tiers: list[TierColumn] = []
    extra: dict[int, str] = {}
    carried = ""  # an unmerged group label carries right over the empty cells beside it
    for c in range(width):
        t = scan[top][c]
        s = scan[sub][c] if sub is not None else ""
        if t:
            carried = t if _is_group_label(t) else ""
        group_label = groups.get(c) or t or (carried if s else "")
        if s:
            fld, tier = _sub_field(_is_group_label(group_label), s, tier_of)
            label = s
        else:
            fld, tier = ledger_field(t), None
            if fld in (None, "adoption") and t and tier_of(t):  # a single-level 省政协采用 column
                fld, tier = "tier", tier_of(t)
            label = t
        if fld == "tier":
            tiers.append(TierColumn(c, label, tier))
        elif fld and fld not in fields:
            fields[fld] = c
        elif label:
            extra[c] = label

    kind = _ledger_kind(fields, tiers)
    if kind is None:
        return None
    if kind == "adoptions" and "adopted_on" not in fields and "date" in fields:
        # In an adoption ledger a bare 日期 is the adoption date.
        fields["adopted_on"] = fields.pop("date")
    return Layout(kind, top, sub if sub is not None else top, fields, tiers, extra)


def _ledger_kind(fields: dict[str, int], tiers: list[TierColumn]) -> str | None:
    if "title" not in fields and "item_no" not in fields:
        return None
    has_adoption = any(f in fields for f in ("adoption", "adopted_flag", "adopted_on", "issue_no", "leader", "instruction"))
    if "author" not in fields and "unit" not in fields and not tiers and has_adoption:
        return "adoptions"
    if "title" in fields and ({"date", "author", "unit"} & fields.keys()):
        return "submissions"
    return None


def _roster_layout(scan: list[list[str]]) -> Layout | None:
    for i, labels in enumerate(scan):
        found: dict[str, int] = {}
        for c, l in enumerate(labels):
            for fld, names in _ROSTER_NORMED.items():
                if l in names and fld not in found:
                    # 类别/类型 mean the role in a people roster, the unit type in a unit roster.
                    found[fld] = c
                    break
        if "name" in found and ({"role", "unit", "sector", "appointed_on"} & found.keys()):
            return Layout("people", i, i, {k: v for k, v in found.items() if k != "unit_name"})
        if "unit_name" in found and ({"unit_type", "role"} & found.keys()):
            fields = {"unit_name": found["unit_name"], "unit_type": found.get("unit_type", found.get("role"))}
            if "note" in found:
                fields["note"] = found["note"]
            return Layout("units", i, i, fields)
    return None
