"""The annual commendation decision as a Word 公文: layout, fonts, counts, lists in order, empty lists."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import sqmy_lib as sq
from sqmy_lib.compute.commendation import build_commendation
from sqmy_lib.render.commendation_docx import write_commendation_docx
from sqmy_lib.render.gongwen import zh_punctuation

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
CJK = re.compile(r"[\u3400-\u9fff]")
SIGNED = dt.date(2026, 1, 15)
HEADINGS = ["一、先进集体", "二、优秀信息员", "三、十佳信息", "四、好信息"]


@pytest.fixture(scope="module")
def comm():
    return build_commendation(sq.read_ledgers(DEMO), 2025)


@pytest.fixture(scope="module")
def doc(comm, tmp_path_factory):
    path = write_commendation_docx(comm, tmp_path_factory.mktemp("commendation") / "决定.docx", date=SIGNED)
    return docx.Document(str(path))


def _runs(document):
    """Every run of the body and the table cells."""
    for p in document.paragraphs:
        yield from p.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


def _attachment(document, title: str) -> list[str]:
    """The paragraph texts of the 附件 with this title, up to the next 附件N label."""
    texts = [p.text for p in document.paragraphs]
    start = texts.index(title)  # its page (the 附件说明 line carries "附件：1. " in front)
    end = next((i for i in range(start + 1, len(texts)) if re.fullmatch(r"附件\d", texts[i])), len(texts))
    return texts[start + 1:end]


def _decision(document) -> str:
    return next(p.text for p in document.paragraphs if "决定授予" in p.text or "未评出" in p.text)


def _counts(opening: str) -> tuple[int, int, int, int]:
    """The numbers of units, informants, top items and good items the opening paragraph names."""
    def n(pattern):
        m = re.search(pattern, opening)
        return int(m.group(1)) if m else 0
    return (n(r"等(\d+)个单位"), n(r"等(\d+)名同志"), n(r"等(\d+)篇信息为“十佳信息”"), n(r"等(\d+)篇信息为“好信息”"))


def test_title_addressee_and_signature(doc, comm):
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["政协示例县委员会文件", "示政协发〔2026〕　　号"]  # signed in 2026; no --number: left blank
    # Two lines, broken where a word ends (GB/T 9704 7.3.3), not 先进集|体.
    assert texts[2] == "关于表彰2025年度社情民意信息工作\n先进集体和先进个人的决定"
    assert texts[2].replace("\n", "") == comm.title
    assert texts[3].startswith("各界别组") and texts[3].endswith("：")
    note = next(i for i, t in enumerate(texts) if t.startswith("附件："))
    assert texts[note + 4:note + 6] == ["政协示例县委员会", "2026年1月15日"]
    assert doc.paragraphs[2].runs[0].font.size.pt == 22


def test_page_is_a4_with_gongwen_margins(doc):
    section = doc.sections[0]
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
                "left_margin": 28, "right_margin": 26}
    for attr, mm in expected.items():
        assert getattr(section, attr).mm == pytest.approx(mm, abs=0.5), attr


def test_every_chinese_run_has_an_east_asian_font(doc):
    runs = [r for r in _runs(doc) if CJK.search(r.text)]
    assert len(runs) > 50
    missing = [r.text for r in runs if r._r.rPr is None or r._r.rPr.rFonts is None
               or not r._r.rPr.rFonts.get(qn("w:eastAsia"))]
    assert missing == []


def test_decision_names_basis_decider_and_counts(doc, comm):
    decision = _decision(doc)
    assert decision.startswith("为表彰先进、激励担当，根据《示例县政协社情民意信息工作考核奖励办法》，经县政协主席会议研究，决定")
    expected = (len(comm.units), len(comm.informants), len(comm.top_items), len(comm.good_items))
    assert all(expected)
    assert _counts(decision) == expected


def test_county_wording(doc):
    text = "".join(p.text for p in doc.paragraphs)
    assert "全县各级政协组织" not in text and "全县政协各参加单位" in text
    assert not re.search(r"（\d+个）：", text)


def test_lists_are_attachments_in_order(doc, comm):
    texts = [p.text for p in doc.paragraphs]
    assert [t for t in texts if re.fullmatch(r"附件\d", t)] == ["附件1", "附件2", "附件3", "附件4"]
    units = _attachment(doc, "2025年度社情民意信息工作先进集体名单")
    for group, rows in comm.units.groupby("peer_group", sort=False):
        assert f"{group}：" + "、".join(rows["unit"]) in units
    informants = doc.tables[0]
    assert [c.text for c in informants.rows[0].cells] == ["序号", "姓名", "单位"]
    assert [r.cells[1].text for r in informants.rows[1:]] == list(comm.informants["name"])


def test_top_items_table(doc, comm):
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["序号", "信息标题", "作者", "最高采用层级", "领导批示"]
    body = table.rows[1:]
    assert len(body) == len(comm.top_items)
    assert [r.cells[1].text for r in body] == [zh_punctuation(t) for t in comm.top_items["title"]]
    assert [r.cells[0].text for r in body] == [str(n) for n in range(1, len(body) + 1)]
    for row, leaders, n in zip(body, comm.top_items["leaders"], comm.top_items["instructions"]):
        assert row.cells[4].text == (leaders or (f"{n}件" if n else "—"))


def test_good_items_table(doc, comm):
    table = doc.tables[2]
    assert [c.text for c in table.rows[0].cells] == ["信息标题", "作者", "落实情况"]
    assert [r.cells[0].text for r in table.rows[1:]] == [zh_punctuation(t) for t in comm.good_items["title"]]


def test_closing_before_the_attachments_note(doc):
    texts = [p.text for p in doc.paragraphs]
    note = next(i for i, t in enumerate(texts) if t.startswith("附件："))
    assert texts[note - 1].startswith("希望受表彰的先进集体和个人珍惜荣誉")


def test_no_good_items_still_renders(comm, tmp_path):
    quiet = dataclasses.replace(comm, good_items=comm.good_items.iloc[0:0])
    doc = docx.Document(str(write_commendation_docx(quiet, tmp_path / "d.docx", date=SIGNED)))
    decision = _decision(doc)
    assert _counts(decision) == (len(comm.units), len(comm.informants), len(comm.top_items), 0)
    assert "好信息" not in decision
    assert [p.text for p in doc.paragraphs if re.fullmatch(r"附件\d", p.text)] == ["附件1", "附件2", "附件3"]
    assert len(doc.tables) == 2


def test_all_lists_empty_still_renders(comm, tmp_path):
    empty = {k: getattr(comm, k).iloc[0:0] for k in ("units", "informants", "top_items", "good_items")}
    doc = docx.Document(str(write_commendation_docx(dataclasses.replace(comm, **empty), tmp_path / "e.docx")))
    assert _decision(doc) == "2025年度未评出先进集体和先进个人。"
    assert not any(p.text.startswith("附件") for p in doc.paragraphs)
    assert len(doc.tables) == 0
    today = dt.date.today()
    assert f"{today.year}年{today.month}月{today.day}日" in [p.text for p in doc.paragraphs]
