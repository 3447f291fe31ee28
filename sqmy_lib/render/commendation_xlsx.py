"""The commendation as Excel workbooks: the candidates workbook staff confirm in, and the lists
with the reward payout sheet for finance.

The candidates workbook (:func:`write_candidates_xlsx`, 候选名单): a 说明 sheet (how to confirm,
each category's limit, the 办法 and who decides), then one sheet per category with every
candidate ranked, its 评选依据, whether the figures suggest it (建议), an empty 确认 column (a
是/否 list) and, where the rules define grades, an empty 奖项等次 column; then the 评选依据 of
everyone on the roster. Staff mark 确认 and pass the file back (``sqmy commend --confirmed``).

The lists workbook (:func:`write_commendation_xlsx`), in order (domain.md §6)::

    先进集体  优秀信息员  十佳信息  好信息  先进工作者  评选依据  奖励发放表

Before confirmation it holds the suggested lists and says 草稿 in its titles and file name.

评选依据 states the thresholds and tie-break rules, then gives every person on the roster a
line saying why they are or are not eligible. 奖励发放表 prints on A4 portrait for finance:
one row per person or unit paid, a blank boxed 签字 column, a 合计 row holding the exact
totals as plain numbers (no formula, so it never depends on recalculation; reconciled in fen),
and a 说明 line for what it leaves out or counts beyond the rules (``payout_notes``).

Tables go through the shared :class:`~sqmy_lib.render.xlsx_tables.TableWriter`.
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd

from .. import zh
from ..compute.commendation import COUNT_WORD, AnnualCommendation
from . import spec as specs
from .xlsx_tables import MAX_WIDTH, TableWriter, open_workbook, text_width

DRAFT = "(草稿)"
UNIT_TASKS = {"completion": "任务", "adopted_completion": "采用任务"}  # 先进集体's condition, by units() column
SUGGESTED, RESERVE = "建议表彰", "备选"
CONFIRM_CHOICES = ["是", "否"]
NOTE_COLUMNS = 4  # the 说明 sheet's text spans this many columns
SIGN_WIDTH = 24
SIGN_ROW_HEIGHT = 28  # room to sign by hand
# Room to sign after each label: full-width spaces (ASCII ones between Chinese are taken out by punctuate).
FOOTER_TEXT = "制表：" + "\u3000" * 8 + "审核：" + "\u3000" * 8 + "日期："

# The lists: sheet -> (AnnualCommendation attribute, table spec).
LISTS = {
    "先进集体": ("units", specs.COMMENDED_UNITS),
    "优秀信息员": ("informants", specs.INFORMANTS),
    "十佳信息": ("top_items", specs.TOP_ITEMS),
    "好信息": ("good_items", specs.GOOD_ITEMS),
    "先进工作者": ("workers", specs.WORKERS),
}


def without_empty_grade(table: pd.DataFrame) -> pd.DataFrame:
    """The 奖项等次 column only where a grade was given."""
    if "grade" in table and not table["grade"].fillna("").astype(str).str.strip().any():
        return table.drop(columns="grade")
    return table


def _list(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    attr, spec = LISTS[ws.get_name()]
    w.table(ws, without_empty_grade(getattr(comm, attr)), spec, freeze=0)


def basis_lines(comm: AnnualCommendation) -> list[str]:
    """The rules the lists follow: the 优秀信息员 thresholds, then each list's tie-break rule."""
    t = comm.thresholds
    span = "年度" if t.get("years", 1) == 1 else f"{comm.span}合计"
    return [f"优秀信息员参评条件：{span}报送{t['min_submitted']}条以上且被采用{t['min_adopted']}条以上（委员、信息员同等适用；"
            "符合条件者方可参加评选，由评选确定）",
            *([f"先进集体建议条件：{unit_condition_text(comm)}的单位，在同类单位中按名次建议表彰"
                f"（未达到的列为备选，其名额由同类单位中的下一名递补；没有报送任务的单位不作此要求）"] if comm.thresholds.get("units") else []),
            *(zh.punctuate(f"{name}排序：{rule}") for name, rule in comm.tie_breaks.items())]


def unit_condition_text(comm: AnnualCommendation) -> str:
    """先进集体's condition as the lists say it: 年度任务完成率达到100% (每一年度 over a span, and the
    years the ledgers hold no record in, not judged); '' when none."""
    need, judged = comm.thresholds.get("units") or {}, comm.thresholds.get("unit_years") or []
    each = "每一年度" if len(comm.years) > 1 else "年度"
    text = "、".join(f"{each}{UNIT_TASKS[col]}完成率达到{zh.percent(least)}" for col, least in need.items())
    skipped = [str(y) for y in comm.years if y not in judged]
    if text and skipped and judged:
        text += f"（{'、'.join(skipped)}年所读台账中没有记录，按{'、'.join(map(str, judged))}年度判断）"
    return text


def basis_spec(comm: AnnualCommendation) -> specs.TableSpec:
    """评选依据's columns: 离任日期 only where the roster gives someone one (who left is said in the 说明 too)."""
    tiers = [c.removeprefix("adopted_") for c in comm.basis.columns
             if c.startswith("adopted_") and c not in ("adopted_quota", "adopted_completion")]
    spec = specs.basis(tiers).present(comm.basis)
    left = comm.basis["ended_on"].notna().any() if "ended_on" in comm.basis else False
    return spec if left else spec.without("ended_on")


def _basis(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    spec = basis_spec(comm)
    lines = basis_lines(comm)
    w.table(ws, comm.basis, spec, len(lines) + 1, freeze=1, autofilter=True)
    for r, text in enumerate(lines):  # after the table, now the widths they span are known
        w.paragraph(ws, r, text, len(spec))


def has_prizes(comm: AnnualCommendation) -> bool:
    return "prize" in comm.payout and any(p > 0 for p in comm.payout["prize"])


def payout_table(comm: AnnualCommendation) -> pd.DataFrame:
    """序号, 姓名(单位), 类型, 所在单位, 采用信息(条), [表彰项目, 稿酬, 表彰奖金,] 金额(元) and an empty
    签字 column; the 表彰奖金 columns only when some award carries one."""
    money = ["awards", "reward", "prize", "amount"] if has_prizes(comm) else ["amount"]
    table = comm.payout[["name", "kind", "unit", "items", *money]].reset_index(drop=True)
    table.insert(0, "no", range(1, len(table) + 1))
    return table.assign(sign="")


def _payout(w: TableWriter, ws, comm: AnnualCommendation) -> None:
    table = payout_table(comm)
    span = len(table.columns)
    placed = w.table(ws, table, specs.PAYOUT, 1, freeze=0)
    for r in range(placed.first_row, placed.last_row + 1):
        ws.set_row(r, SIGN_ROW_HEIGHT)
    label_span = list(table.columns).index("items")  # 合计 over 序号 … 所在单位
    sums = {"amount": comm.payout_total}  # the totals reconciled in fen (compute.commendation._reconcile)
    if "prize" in table:
        sums.update(reward=comm.reward_total, prize=comm.prize_total)
    total = w.total_row(ws, placed, "合计", sums, label_span)
    ws.set_row(total, SIGN_ROW_HEIGHT)
    w.widen(ws, placed.columns["sign"], SIGN_WIDTH)
    w.title(ws, 0, f"{comm.span}社情民意信息奖励发放表" + (DRAFT if comm.draft else ""), span)
    # What the sheet leaves out or counts beyond the rules, under the 合计 where finance reads it.
    notes = [f"说明：{note}" for note in comm.payout_notes]
    for r, note in enumerate(notes, total + 2):
        w.paragraph(ws, r, note, span)
    footer = total + 2 + len(notes) + (1 if notes else 0)  # a blank row before 制表/审核
    w.paragraph(ws, footer, FOOTER_TEXT, span, "caption")
    ws.set_footer("&C第 &P 页 共 &N 页")
    ws.center_horizontally()
    ws.print_area(0, 0, footer, span - 1)


def analyst_sheets(comm: AnnualCommendation) -> dict:
    """Every list of the commendation as ``AnnualCommendation.to_excel`` writes it (sheet name → table):
    values as values, the columns and Chinese headers of this workbook's tables (``spec``)."""
    lists = {name: spec.labelled(without_empty_grade(getattr(comm, attr))) for name, (attr, spec) in LISTS.items()}
    return {**lists, "评选依据": basis_spec(comm).labelled(comm.basis), "奖励发放表": specs.PAYOUT.labelled(comm.payout)}


# The sheets in order, and what writes each.
PARTS = {**dict.fromkeys(LISTS, _list), "评选依据": _basis, "奖励发放表": _payout}
SHEETS = list(PARTS)
PORTRAIT = {"奖励发放表"}


def write_commendation_xlsx(comm: AnnualCommendation, path: str | Path, created: dt.datetime | None = None) -> Path:
    """Write the commendation lists and payout to ``path`` (.xlsx) atomically and return the path.

    ``created`` is the document's creation time in its properties (now by default;
    pass a fixed time for byte-stable output).
    """
    properties = {"title": comm.title + (DRAFT if comm.draft else ""), "subject": comm.span, "company": comm.office,
                  "created": created or dt.datetime.now()}
    with open_workbook(path, properties) as w:
        for name, part in PARTS.items():
            part(w, w.sheet(name, landscape=name not in PORTRAIT), comm)
    return Path(path)


def _limit_text(comm: AnnualCommendation, category: str) -> str:
    limit = comm.limits.get(category)
    word = COUNT_WORD[category]
    if isinstance(limit, dict):  # per peer group; 0 is none (the rules' top_n: 0), as in sqmy rules show
        return "、".join(f"{g}最多{n}{word}" if n else f"{g}不评选" for g, n in limit.items()) or "名额不限"
    return "名额不限" if limit is None else f"最多{limit}{word}" if limit else "名额为0,不评选"


def _condition(comm: AnnualCommendation, category: str) -> str:
    """What a category's candidates need to be suggested, beyond their place: 先进集体's condition."""
    condition = unit_condition_text(comm) if category == "先进集体" else ""
    return f";{condition}的方可建议表彰,未达到的列为备选(评选依据中写明)" if condition else ""


def instructions_lines(comm: AnnualCommendation) -> list[str]:
    """The 说明 sheet: what the workbook is, how to confirm, each category's limit and grades."""
    decided = comm.decided_by or "评选机构"
    lines = [
        f"{comm.span}社情民意信息工作表彰候选名单",
        f"评选依据:{comm.regulation}" if comm.regulation else "",
        f"本名单由台账数据计算生成,仅列候选对象及其评选依据;表彰对象由{decided}研究确定。",
        "请在各工作表“确认”栏对确定表彰的对象填写“是”(其余留空或填写“否”;某一类不表彰任何对象的,在该工作表各行填写“否”:确认栏全部空白的工作表视为尚未填写,不予生成),规则设有奖项等次的同时填写“奖项等次”;"
        "“建议”栏:按规则的名额和排序,名额内的为“建议表彰”,其余为“备选”,仅供参考;确认的总数不得超过名额。",
        "确认后用 sqmy commend … --confirmed 本文件 生成表彰决定和奖励发放表。请勿修改候选对象的名称、编号和标题。",
        "各类名额:",
    ]
    for category in LISTS:
        grades = comm.grades.get(category)
        word = COUNT_WORD[category]
        grade_text = ";奖项等次:" + "、".join(f"{g}{n}{word}" for g, n in grades.items()) if grades else ""
        count = len(comm.candidates.get(category, []))
        lines.append(f"{category}:候选{count}{word},{_limit_text(comm, category)}{_condition(comm, category)}{grade_text}。")
    lines += [f"注意:{note}" for note in comm.tie_notes]
    return [line for line in lines if line]


def _fit_rows(w: TableWriter, ws, placed, texts: pd.Series) -> None:
    """A wrapped 评选依据 (…；年度任务完成率12.5%，未达100%，不建议表彰) gets its lines' height: LibreOffice
    keeps a row at the default height Excel would fit it to, the lines written over each other."""
    width = w.widths[ws.get_name()].get(placed.columns["basis_text"], MAX_WIDTH)
    for r, text in enumerate(texts, placed.first_row):
        if text_width(text) > width:
            ws.set_row(r, 15 * math.ceil(text_width(text) / (width - 2)) + 4)


def _candidate_sheet(w: TableWriter, ws, comm: AnnualCommendation, category: str) -> None:
    cand = comm.candidates[category]
    grades = list(comm.grades.get(category) or {})
    table = cand.assign(suggested=[SUGGESTED if x else RESERVE for x in cand["suggested"]] if len(cand) else [],
                        confirm="", **({"grade": ""} if grades else {}))
    spec = specs.CANDIDATES[category].present(table)
    tied = "；并列跨越名额，见说明" if any(n.startswith(category) for n in comm.tie_notes) else ""
    note = f"{category}候选名单（{_limit_text(comm, category)}{tied}；在“确认”栏填“是”）"
    placed = w.table(ws, table, spec, 2, freeze=2)
    w.title(ws, 0, note, len(spec), height=28)
    if table.empty:
        return
    _fit_rows(w, ws, placed, table["basis_text"])
    first, last = placed.first_row, placed.last_row
    confirm = placed.columns["confirm"]
    ws.data_validation(first, confirm, last, confirm, {"validate": "list", "source": CONFIRM_CHOICES,
                                                       "input_title": "确认", "input_message": "确定表彰的填“是”"})
    w.widen(ws, confirm, 8)
    if grades:
        grade = placed.columns["grade"]
        ws.data_validation(first, grade, last, grade, {"validate": "list", "source": grades})
        w.widen(ws, grade, 10)


def write_candidates_xlsx(comm: AnnualCommendation, path: str | Path, created: dt.datetime | None = None) -> Path:
    """Write the candidates workbook (候选名单) to ``path`` atomically and return the path."""
    properties = {"title": f"{comm.span}社情民意信息工作表彰候选名单", "subject": comm.span, "company": comm.office,
                  "created": created or dt.datetime.now()}
    with open_workbook(path, properties) as w:
        ws = w.sheet("说明", landscape=False)
        for c in range(NOTE_COLUMNS):
            w.widen(ws, c, 24)
        lines = instructions_lines(comm)
        w.title(ws, 0, lines[0], NOTE_COLUMNS)
        for r, text in enumerate(lines[1:], 1):
            w.paragraph(ws, r, text, NOTE_COLUMNS)
        for category in LISTS:
            _candidate_sheet(w, w.sheet(category), comm, category)
        _basis(w, w.sheet("评选依据"), comm)
    return Path(path)
