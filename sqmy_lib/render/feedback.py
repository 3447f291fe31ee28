"""The feedback set on disk: one Word letter per unit and per person, and the index workbook
listing every letter with its file name (for mail-merge or printing in one go) and its 说明, then a
说明 sheet with every note of the computation (``Feedback.notes``); the 委员履职档案
and 信息员考核表 as .xlsx or .csv; the 采用证明.

File names come from names staff wrote, so they go through :func:`~sqmy_lib.iorw.safe_file_name`
(safe on Windows, under 120 characters, repeats numbered). Workbooks and CSV go through the
table writers (:mod:`.tables`): ledger text is never a formula or a link.
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd

from ..compute.feedback import Feedback
from ..iorw import safe_file_name
from .feedback_docx import LetterBatch, letter_issuing, person_gongwen, unit_gongwen
from .spec import Column, spec
from .tables import write_csv, write_xlsx

INDEX = spec(
    Column("seq", "序号", "count"), Column("kind", "类别"), Column("name", "收函单位或个人"), Column("role", "身份"),
    Column("unit", "单位"), Column("submitted", "报送", "count"), Column("adopted", "采用", "count"),
    Column("instructed", "获批示", "count"), Column("behind", "未完成任务", "bool"), Column("file", "文件名"),
    Column("notes", "说明", "long"),
)
NOTES_SHEET = "说明"  # the computation's notes, whole, after the index (read_excel reads the index)
NOTE_COLUMNS = 4  # the 说明 sheet's text spans this many columns
UNIT_FOLDER, PERSON_FOLDER = "单位", "个人"


def feedback_stem(fb: Feedback) -> str:
    from ..kinds import FEEDBACK

    return FEEDBACK.stem(fb.period)


def write_feedback_outputs(fb: Feedback, out_dir: str | Path, date: dt.date | str | None = None,
                           number=None) -> dict[str, Path]:
    """Every letter (``单位/``, ``个人/``) and ``<stem>索引.xlsx``; returns {what: path}."""
    out = Path(out_dir)
    issuing = letter_issuing(fb, date, number)
    label = fb.period.label
    rows, paths, taken = [], {}, set()
    batch = LetterBatch()  # one document, set up once and emptied for each letter
    for letter in fb.units:
        name = safe_file_name(f"{label}反馈函-{letter.unit}", ".docx", taken)
        path = batch.write(unit_gongwen(fb, letter, issuing), out / UNIT_FOLDER / name)
        r = letter.figures
        rows.append({"kind": "单位", "name": letter.unit, "role": r.get("peer_group", ""), "unit": letter.unit,
                     "submitted": r["submitted"], "adopted": r["adopted"], "instructed": r["instructed"],
                     "behind": bool(r.get("behind")), "file": f"{UNIT_FOLDER}/{name}", "notes": _said(letter.notes)})
        paths[f"单位:{letter.unit}"] = path
    for letter in fb.people:
        name = safe_file_name(f"{label}反馈函-{letter.name}", ".docx", taken)
        path = batch.write(person_gongwen(fb, letter, issuing), out / PERSON_FOLDER / name)
        r = letter.roles[0]
        rows.append({"kind": "个人", "name": letter.name, "role": letter.role, "unit": letter.unit,
                     "submitted": r["submitted"], "adopted": r["adopted"], "instructed": r["instructed"],
                     "behind": any(bool(x.get("behind")) for x in letter.roles), "file": f"{PERSON_FOLDER}/{name}",
                     "notes": _said(letter.notes)})
        paths[f"个人:{letter.name}"] = path
    index = pd.DataFrame(rows, columns=[c.key for c in INDEX if c.key != "seq"])
    index.insert(0, "seq", range(1, len(index) + 1))
    stem = feedback_stem(fb)
    paths["索引"] = write_index_xlsx(fb, index, out / f"{stem}索引.xlsx")
    paths["网页"] = write_index_html(fb, index, issuing, out / f"{stem}.html")
    return paths


def _said(notes: list[str]) -> str:
    return "；".join(notes)


def write_index_xlsx(fb: Feedback, index: pd.DataFrame, path: Path) -> Path:
    """The letters' index (one row per letter, its 说明 when it carries one), then, when the computation
    noted anything (``Feedback.notes``: an earlier year's rules used for 补差, undated records, an empty
    year), a 说明 sheet saying each note whole, for the secretary to read before the letters go out."""
    from .xlsx_tables import MAX_WIDTH, open_workbook, text_width

    with open_workbook(path, {"title": "反馈函索引"}) as w:
        ws = w.sheet("反馈函索引")
        placed = w.table(ws, index, INDEX, freeze=0, autofilter=True)
        width = w.widths[ws.get_name()].get(placed.columns["notes"], MAX_WIDTH)
        for r, note in enumerate(index["notes"], placed.first_row):  # a wrapped 说明 gets its lines' height
            if note:
                ws.set_row(r, 15 * math.ceil(text_width(note) / (width * 0.9)) + 4)
        if fb.notes:
            ws = w.sheet(NOTES_SHEET, landscape=False)
            for c in range(NOTE_COLUMNS):
                w.widen(ws, c, 24)
            w.paragraph(ws, 0, f"{fb.period.label}反馈函统计说明（寄发前请核对；涉及的反馈函已在索引“说明”栏注明）", NOTE_COLUMNS)
            for r, note in enumerate(fb.notes, 1):
                w.paragraph(ws, r, f"{r}. {note}", NOTE_COLUMNS)
    return Path(path)


def write_index_html(fb: Feedback, index: pd.DataFrame, issuing, path: Path) -> Path:
    """The run's HTML page (the report page every notebook report has): what was written, the index."""
    from .document import Gongwen, Para, TableBlock
    from .html import write_report_html

    units = int((index["kind"] == "单位").sum()) if len(index) else 0
    body = [Para(f"共生成反馈函{len(index)}份:单位{units}份,个人{len(index) - units}份。"
                 f"文件在本文件夹的“{UNIT_FOLDER}”“{PERSON_FOLDER}”两个文件夹中,索引工作簿列出每份反馈函的文件名。"),
            *[Para(f"说明：{note}") for note in fb.notes], TableBlock(index, INDEX, small=True)]
    page = Gongwen(f"{fb.period.label}社情民意信息反馈函目录", "", body, issuing)
    return write_report_html(page, path)


def index_frame(path: str | Path) -> pd.DataFrame:
    """The index workbook read back (for tests and mail-merge scripts)."""
    return pd.read_excel(path, dtype=str)


# ---- 委员履职档案 and 信息员考核表 ----

def duties_spec(tiers, channels, levels) -> "TableSpec":  # noqa: F821
    """The 委员履职档案 columns, in the stable order the README documents."""
    return spec(
        Column("year", "年度", "count"), Column("name", "姓名"), Column("sector", "界别"), Column("unit", "单位"),
        Column("submitted", "报送条数", "count"), Column("adopted", "采用条数", "count"),
        [Column(f"adopted_{t}", f"{t}采用", "count") for t in tiers],
        [Column(f"channel_{ch}", f"{ch}渠道采用", "count") for ch in channels],
        Column("instructed", "批示件数", "count"),
        [Column(f"level_{lv}", f"{lv}领导批示", "count") for lv in levels],
        Column("reward", "稿酬（元）", "money"), Column("adopted_titles", "采用信息标题", "long"),
        Column("note", "备注", "long"),
    )


APPRAISAL = spec(
    Column("name", "姓名"), Column("role", "身份"), Column("unit", "单位"), Column("appointed_on", "聘任日期", "date"),
    Column("ended_on", "离任日期", "date"), Column("months_due", "应报月数", "count"),
    Column("months_with", "有信息月数", "count"), Column("months_missed", "无信息月数", "count"),
    Column("missed_months", "无信息月份", "months"), Column("submitted", "报送", "count"), Column("adopted", "采用", "count"),
    Column("instructed", "获批示", "count"), Column("completion", "按月完成率", "pct"), Column("reward", "稿酬（元）", "money"),
    Column("grade", "考核等次"), Column("grade_note", "等次说明", "long"), Column("renewal", "续聘意见", "long"),
)


def write_table(df: pd.DataFrame, table_spec, path: str | Path, sheet: str) -> Path:
    """``.csv`` (neutralised, BOM) or ``.xlsx`` by the suffix of ``path``."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return write_csv(df, table_spec, path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"输出文件应以 .xlsx 或 .csv 结尾,实为 {path.name}")
    return write_xlsx(df, table_spec, path, sheet=sheet)
