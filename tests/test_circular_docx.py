"""The circular as a Word 公文 and its charts: layout, fonts, content, embedded pictures, no missing glyphs."""
from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.charts import FILES, cjk_font, write_circular_charts
from sqmy_lib.render.circular_docx import write_circular_docx
from sqmy_lib.render.gongwen import GongwenDocument, zh_date, zh_number, zh_punctuation

DEMO = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
CJK = re.compile(r"[\u3400-\u9fff]")
SIGNED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def circ():
    return build_circular(sq.read_ledgers(DEMO), 2025, 3)


@pytest.fixture(scope="module")
def rendered(circ, tmp_path_factory):
    """Charts and docx written once; the matplotlib warnings and log records raised while drawing."""
    out = tmp_path_factory.mktemp("circular")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            charts = write_circular_charts(circ, out / "charts")
    finally:
        logger.removeHandler(handler)
    path = write_circular_docx(circ, out / "通报.docx", charts=charts, date=SIGNED)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in records]
    return {"path": path, "charts": charts, "doc": docx.Document(str(path)), "messages": messages}


def _paragraphs(doc):
    """Every paragraph of the body, the table cells and the footers."""
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in doc.sections:
        for footer in (section.footer, section.even_page_footer):
            yield from footer.paragraphs


def _section(doc, heading: str) -> list[str]:
    """Paragraph texts under a 一、… heading, up to the next one."""
    texts = [p.text for p in doc.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.endswith(heading))
    end = next((i for i in range(start + 1, len(texts)) if re.match(r"^[一二三四五六七八九十]+、", texts[i])), len(texts))
    return texts[start + 1:end]


def test_page_is_a4_with_gongwen_margins(rendered):
    section = rendered["doc"].sections[0]
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
                "left_margin": 28, "right_margin": 26}
    for attr, mm in expected.items():
        assert getattr(section, attr).mm == pytest.approx(mm, abs=0.5), attr


def test_title_is_2hao_xiaobiaosong(rendered, circ):
    title = rendered["doc"].paragraphs[0]
    assert title.text == circ.title
    run = title.runs[0]
    assert run.font.size.pt == 22
    east_asia = run._r.rPr.rFonts.get(qn("w:eastAsia"))
    assert "小标宋" in east_asia or "黑体" in east_asia or "SimHei" in east_asia


def test_every_chinese_run_has_an_east_asian_font(rendered):
    runs = [r for p in _paragraphs(rendered["doc"]) for r in p.runs if CJK.search(r.text)]
    assert len(runs) > 50
    missing = [r.text for r in runs if r._r.rPr is None or r._r.rPr.rFonts is None
               or not r._r.rPr.rFonts.get(qn("w:eastAsia"))]
    assert missing == []


def test_default_style_is_chinese_body_font(rendered):
    normal = rendered["doc"].styles["Normal"]
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    defaults = rendered["doc"].styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "仿宋" and rfonts.get(qn("w:eastAsiaTheme")) is None


def test_opening_paragraph_is_the_statistics_text(rendered, circ):
    doc = rendered["doc"]
    assert doc.paragraphs[1].text.endswith("：")  # the addressee
    # Identical but for punctuation, which the 公文 typesets full-width.
    assert doc.paragraphs[2].text == zh_punctuation(circ.statistics_text)
    assert doc.paragraphs[2].runs[0].font.size.pt == 16


def test_sections_in_order(rendered):
    headings = [p.text for p in rendered["doc"].paragraphs if re.match(r"^[一二三四五]、", p.text)]
    assert headings == ["一、总体情况", "二、各单位报送采用情况", "三、领导批示及落实情况", "四、存在的问题", "五、下一步工作要求"]


def test_behind_units_and_people_named_in_section_four(rendered, circ):
    text = "".join(_section(rendered["doc"], "存在的问题"))
    assert not circ.behind_units.empty and not circ.behind_people.empty
    for unit, shortfall in zip(circ.behind_units["unit"], circ.behind_units["shortfall"]):
        assert shortfall and f"{unit}（{zh_punctuation(shortfall)}）" in text  # what it is short of
    for name in circ.behind_people["name"]:
        assert name in text
    for unit in circ.zero_units["unit"]:
        assert f"{unit}零报送" in text


def test_units_table_has_quarter_and_year_to_date(rendered, circ):
    table = rendered["doc"].tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert "本季度" in header and "年度累计" in header and "单位" in header
    assert {c.text for c in table.rows[1].cells} >= {"报送", "采用", "完成率"}
    units = {row.cells[0].text for row in table.rows[2:]}
    assert units == set(circ.units["unit"])


def test_each_instruction_listed(rendered, circ):
    table = rendered["doc"].tables[1]
    titles = [row.cells[0].text for row in table.rows[1:]]
    assert len(titles) == len(circ.instructions)
    for title, unit in zip(circ.instructions["title"], circ.instructions["unit"]):
        assert zh_punctuation(f"{title}({unit})") in titles
    assert [c.text for c in table.rows[0].cells] == ["信息标题（报送单位）", "批示领导", "批示日期", "落实情况", "办理状态"]


def test_next_steps_numbered(rendered, circ):
    steps = _section(rendered["doc"], "下一步工作要求")[:-2]  # the signature follows
    assert len(steps) == len(circ.next_steps)
    for n, (text, step) in enumerate(zip(steps, circ.next_steps), 1):
        assert text == f"{zh_number(n)}是" + zh_punctuation(step)


def test_signature_and_date(rendered, circ):
    texts = [p.text for p in rendered["doc"].paragraphs]
    assert texts[-2:] == [circ.office, "2025年10月8日"]


def test_charts_written_and_embedded(rendered):
    charts = rendered["charts"]
    assert [p.name for p in charts] == list(FILES.values())
    for path in charts:
        with Image.open(path) as im:
            assert im.format == "PNG" and im.size == (1200, 720)
    assert len(rendered["doc"].inline_shapes) == len(charts)


def test_charts_have_no_missing_glyphs(rendered):
    bad = [m for m in rendered["messages"] if "Glyph" in m or "missing from font" in m or "findfont" in m]
    assert bad == []


def test_cjk_font_found():
    assert "CJK" in cjk_font() or cjk_font() in ("SimHei", "Microsoft YaHei", "WenQuanYi Zen Hei")


def test_header_rows_repeat(rendered):
    table = rendered["doc"].tables[0]
    flags = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
    assert flags[:2] == [True, True] and not any(flags[2:])


def test_page_numbers_in_footers(rendered):
    section = rendered["doc"].sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.startswith("— ")


def test_ledger_text_is_plain_text(tmp_path):
    doc = GongwenDocument()
    doc.paragraph("=1+1 <b>粗体</b> & \x0b控制字符")
    path = doc.save(tmp_path / "t.docx")
    assert docx.Document(str(path)).paragraphs[0].text == "=1+1 <b>粗体</b> & 控制字符"


@pytest.mark.parametrize("text, expected", [
    ("本季度,共收到1,000条;其中:", "本季度，共收到1,000条；其中："),
    ("杨浩桂(信息员)", "杨浩桂（信息员）"),
    ("10:30 (a) ok", "10:30 (a) ok"),
    ("完成率44.4%", "完成率44.4%"),
])
def test_zh_punctuation(text, expected):
    assert zh_punctuation(text) == expected


def test_headings_number_themselves():
    doc = GongwenDocument()
    texts = [doc.heading("甲").text, doc.heading("乙", 2).text, doc.heading("丙", 2).text,
             doc.heading("丁").text, doc.heading("戊", 2).text]
    assert texts == ["一、甲", "（一）乙", "（二）丙", "二、丁", "（一）戊"]
    assert [zh_number(n) for n in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]
    assert zh_date(dt.date(2025, 10, 8)) == "2025年10月8日"


def test_table_merges_two_level_header_and_groups(tmp_path):
    import pandas as pd

    df = pd.DataFrame({("", "group"): ["甲组", "甲组", "乙组"], ("数量", "a"): [1, 2, 3], ("数量", "b"): [4.0, 5.0, None]})
    doc = GongwenDocument()
    doc.table(df, {("", "group"): ("组别", ""), ("数量", "a"): ("数量", "甲"), ("数量", "b"): ("数量", "乙")},
              merge_runs=[("", "group")])
    table = docx.Document(str(doc.save(tmp_path / "t.docx"))).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [["组别", "数量", "数量"], ["组别", "甲", "乙"], ["甲组", "1", "4"], ["甲组", "2", "5"], ["乙组", "3", ""]]


def test_nothing_to_report(circ, tmp_path):
    """A quarter with no one behind, no instruction and no next steps still reads as a circular."""
    import dataclasses

    empty = {k: getattr(circ, k).iloc[:0] for k in ("behind_units", "behind_people", "zero_units", "instructions")}
    quiet = dataclasses.replace(circ, **empty, next_steps=[])
    doc = docx.Document(str(write_circular_docx(quiet, tmp_path / "c.docx", date=SIGNED)))
    problems = "".join(_section(doc, "存在的问题"))
    assert "各单位均已完成" in problems and "均已完成个人任务" in problems and "没有零报送的单位" in problems
    assert "暂无获领导批示" in "".join(_section(doc, "领导批示及落实情况"))
    assert not any(p.text.endswith("下一步工作要求") for p in doc.paragraphs)
    assert len(doc.tables) == 1 and len(doc.inline_shapes) == 0


def test_missing_cjk_font_says_how_to_install(monkeypatch):
    from matplotlib import font_manager

    from sqmy_lib.render import charts

    charts.cjk_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    try:
        with pytest.raises(charts.MissingCJKFontError, match="fonts-noto-cjk"):
            charts.cjk_font()
    finally:
        charts.cjk_font.cache_clear()


def test_addressee_and_overdue_threshold_come_from_the_rules(tmp_path):
    """Office-set text and thresholds live in the rules file, not in the renderers."""
    import copy

    import docx as python_docx
    import openpyxl

    import sqmy_lib as sq
    from sqmy_lib.compute.circular import build_circular
    from sqmy_lib.render.circular_docx import write_circular_docx
    from sqmy_lib.render.circular_xlsx import write_circular_xlsx
    from sqmy_lib.rules import Rules, load_rules

    data = copy.deepcopy(load_rules(year=2025).data)
    data["circular"].update(addressee="各乡镇政协联络组", overdue_days=15)
    rules = Rules(data)
    demo = Path(__file__).resolve().parents[1] / "workbooks" / "demo"
    circ = build_circular(sq.read_ledgers(demo, rules=rules), 2025, 3, rules=rules)
    text = "\n".join(p.text for p in python_docx.Document(write_circular_docx(circ, tmp_path / "c.docx")).paragraphs)
    assert "各乡镇政协联络组" in text
    ws = openpyxl.load_workbook(write_circular_xlsx(circ, tmp_path / "c.xlsx"))["批示件跟踪"]
    notes = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("注")]
    assert any("15天" in n for n in notes)
