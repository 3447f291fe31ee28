"""The circular as a Word 公文 and its charts: layout, fonts, content, embedded pictures, no missing glyphs."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import warnings
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from PIL import Image

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.render.charts import FILES, cjk_font, write_circular_charts
from sqmy_lib.render.circular_docx import write_circular_docx
from sqmy_lib import zh
from sqmy_lib.render import spec as specs
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
    path = write_circular_docx(circ, out / "通报.docx", date=SIGNED, number=12)
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
    title = next(p for p in rendered["doc"].paragraphs if p.text.replace("\n", "") == circ.title)  # broken where a word ends
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


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_letterhead_number_and_red_line(rendered):
    """版头 (GB/T 9704 7.2): 发文机关标志 in red 小标宋, 发文字号 from the rules' pattern, the red line."""
    doc = rendered["doc"]
    mark, number = doc.paragraphs[0], doc.paragraphs[1]
    assert mark.text == "政协示例县委员会办公室文件"
    assert mark.runs[0].font.color.rgb == RGBColor.from_string("C00000")
    assert number.text == "示政协办〔2025〕12号"
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "C00000"


def test_plain_letterhead_leaves_room_for_red_paper(circ, tmp_path):
    """documents.red_header: false — no red mark and no line (the office prints on 红头 paper), the
    发文字号 and everything after it where they were."""
    import copy

    from sqmy_lib.rules import Rules

    data = copy.deepcopy(circ.rules.data)
    data["documents"]["red_header"] = False
    doc = docx.Document(str(write_circular_docx(dataclasses.replace(circ, rules=Rules(data)), tmp_path / "c.docx",
                                                date=SIGNED, number=3)))
    mark, number = doc.paragraphs[0], doc.paragraphs[1]
    assert mark.text == "" and number.text == "示政协办〔2025〕3号"
    assert number._p.pPr.find(qn("w:pBdr")) is None
    assert doc.paragraphs[2].text.replace("\n", "") == circ.title  # broken where a word ends


def test_issuer_of_another_office(circ):
    from sqmy_lib.render.document import Issuing

    city = Issuing.from_rules(circ.rules, "circular", "示例市政协", 2025, number=4, date=SIGNED)
    assert (city.organ, city.mark) == ("政协示例市委员会办公室", "政协示例市委员会办公室文件")
    office = Issuing.from_rules(circ.rules, "circular", "某县政协办公室", 2025)
    assert office.organ == "某县政协办公室"
    decision = Issuing.from_rules(circ.rules, "commendation", circ.office, 2025, number=2, date=SIGNED)
    assert (decision.organ, decision.number) == ("政协示例县委员会", "示政协发〔2025〕2号")
    # the 发文字号 carries the year of signing, not the year reported on (GB/T 9704 7.2.4)
    january = Issuing.from_rules(circ.rules, "circular", circ.office, 2025, number=1, date=dt.date(2026, 1, 8))
    assert january.number == "示政协办〔2026〕1号"


def test_parts_in_gongwen_order(rendered, circ):
    """标题, 主送, "现将…通报如下：", 一、基本情况 … 四、下一步工作, 附件说明, 署名, 成文日期, 附件1…, 版记."""
    texts = _texts(rendered["doc"])
    title = [t.replace("\n", "") for t in texts].index(circ.title)  # broken where a word ends
    assert texts[title + 1].endswith("：")  # the addressee
    assert texts[title + 2].startswith("为") and texts[title + 2].endswith("通报如下：")
    headings = [t for t in texts if re.match(r"^[一二三四五]、", t)]
    assert headings[:4] == ["一、基本情况", "二、主要特点", "三、存在的问题", "四、下一步工作"]
    note = next(i for i, t in enumerate(texts) if t.startswith("附件："))
    assert note > texts.index("四、下一步工作")
    assert texts[note:note + 5] == [
        "附件：1. 2025年第三季度各单位社情民意信息报送采用情况统计表", "2. 2025年1—9月领导批示件办理情况",
        "3. 截至9月底未完成年度任务进度的信息员和特邀信息员名单", "4. 统计口径和计分办法",
        "政协示例县委员会办公室"]
    assert texts[note + 5] == "2025年10月8日"
    paragraphs = rendered["doc"].paragraphs
    assert all(paragraphs[i].paragraph_format.keep_with_next for i in range(note - 1, note + 5))  # one page
    labels = [i for i, t in enumerate(texts) if re.fullmatch(r"附件\d", t)]
    assert [texts[i] for i in labels] == ["附件1", "附件2", "附件3", "附件4"]
    assert all(rendered["doc"].paragraphs[i].paragraph_format.page_break_before for i in labels)
    assert texts[labels[0] + 1].replace("\n", "") == texts[note].removeprefix("附件：1. ")  # title broken where a word ends


def test_imprint_at_the_foot_of_the_last_page(rendered):
    """版记: the last thing in the document, a text box anchored to the bottom of the 版心."""
    body = rendered["doc"].element.body
    anchors = body.findall(".//" + qn("wp:anchor"))
    assert len(anchors) == 1
    anchor = anchors[0]
    assert anchor.find(qn("wp:positionV")).get("relativeFrom") == "margin"
    assert anchor.find(qn("wp:positionV")).find(qn("wp:align")).text == "bottom"
    box = "".join(t.text for t in anchor.iter(qn("w:t")))
    assert box == "抄送：县委办公室，县人民政府办公室，市政协办公室。政协示例县委员会办公室2025年10月8日印发"
    last_paragraph = body.findall(qn("w:p"))[-1]
    assert last_paragraph.find(".//" + qn("wp:anchor")) is anchor


def test_basic_situation_states_each_figure_once(rendered, circ):
    text = "".join(_section(rendered["doc"], "基本情况"))
    s = circ.summary
    assert f"采用率{zh.percent(s.adoption_rate)}" in text
    assert "".join(_texts(rendered["doc"])).count(f"共收到社情民意信息{s.submitted}条") == 1


def test_features_name_the_leading_units_and_items(rendered, circ):
    text = "".join(_section(rendered["doc"], "主要特点"))
    leaders = circ.leading_units()
    groups = circ.units.groupby("peer_group")["unit"].size()
    named = leaders[leaders["peer_group"].map(groups) > 1]
    assert len(named)
    ytd = circ.units_ytd.set_index("unit")
    for r in named.drop_duplicates("peer_group", keep=False).itertuples():  # a tie is one clause of its own
        # The quarter's points, said (no table shows them), and the place in 附件1 (1—9月) beside them.
        place = ytd.at[r.unit, "rank_text"]
        assert (f"{r.unit}本季度报送信息{r.submitted}条、被采用{r.adopted}条、得{r.points}分，积分居{r.peer_group}首位"
                f"（1—9月累计积分{ytd.at[r.unit, 'points']}分，{'' if place.startswith('并列') else '列'}{place}，见附件1）") in text
    for title in circ.higher_adoptions()["title"].head(3):
        assert f"《{zh_punctuation(title)}》" in text


def test_problems_are_analysis_with_shares(rendered, circ):
    text = "".join(_section(rendered["doc"], "存在的问题"))
    top, share = circ.concentration()
    assert f"占全部报送量的{zh.percent(share)}" in text
    for unit in [*circ.zero_units["unit"], *circ.behind_units["unit"]]:
        assert unit in text
    assert not circ.behind_units.empty and not circ.behind_people.empty
    for unit, shortfall, n in zip(circ.behind_units["unit"], circ.behind_units["shortfall"], circ.behind_units["submitted"]):
        assert not n or (shortfall and f"{unit}（{zh_punctuation(shortfall)}）" in text)  # what it is short of
    # Named by the roles they hold (the demo's Q3: no 委员 is behind before the year's end; it read
    # "10名委员和信息员"), counted by hand from the table.
    counts = circ.behind_people["role"].value_counts(sort=False)
    assert "、".join(f"{n}名{r}" for r, n in counts.items()) + "未完成个人年度任务进度" in text and "委员" not in set(counts.index)
    assert not any(name in text for name in circ.behind_people["name"])  # names go to the 附件


def test_units_table_has_quarter_and_year_to_date(rendered, circ):
    table = rendered["doc"].tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert "本季度" in header and "年度累计" in header and "单位" in header
    assert {c.text for c in table.rows[1].cells} >= {"报送", "采用", "完成率"}
    units = {row.cells[0].text for row in table.rows[2:]}
    assert units == set(circ.units["unit"])
    completion = [c.text for c in table.rows[1].cells].index("完成率")
    by_unit = dict(zip(circ.units_ytd["unit"], circ.units_ytd["completion"]))
    for row in table.rows[2:]:
        assert row.cells[completion].text == specs.text(by_unit[row.cells[0].text], "pct")


def test_wide_table_figures_never_wrap(rendered):
    """The units table with every figure main counts (上报, 采用任务 …) is wider than the page at 五号:
    its header labels wrap and its type steps down, but each column of figures is wide enough for
    its longest figure on one line, and each unit's name for itself."""
    from sqmy_lib.render.gongwen import CELL_MARGIN, _em_width

    table = rendered["doc"].tables[0]
    grid = [int(g.get(qn("w:w"))) / 20 for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]  # twips → pt
    size = next(r.font.size.pt for r in table.rows[2].cells[2].paragraphs[0].runs)
    assert len(grid) >= 16 and size <= 10.5
    body = [[c.text for c in row.cells] for row in table.rows[2:]]
    for j, width in enumerate(grid):
        texts = [row[j] for row in body]
        if j == 0 or all(re.fullmatch(r"[\d.%]*", t) for t in texts):
            assert max(_em_width(t, latin=0.7) for t in texts) * size <= width - 2 * CELL_MARGIN.pt, (j, texts)


def test_each_instruction_listed(rendered, circ):
    table = rendered["doc"].tables[1]
    titles = [row.cells[0].text for row in table.rows[1:]]
    assert len(titles) == len(circ.instructions)
    for title, unit in zip(circ.instructions["title"], circ.instructions["unit"]):
        assert zh_punctuation(f"{title}({unit})") in titles
    # 办理状态 says the day its days open count to: the third quarter's end.
    assert [c.text for c in table.rows[0].cells] == ["信息标题（报送单位）", "批示领导", "批示日期", "落实情况", "办理状态（截至9月30日）"]
    statuses = [row.cells[4].text for row in table.rows[1:]]
    assert not any(re.search(r"[（(]0天[)）]|，已0天", s) for s in statuses)


def test_next_steps_numbered(rendered, circ):
    steps = _section(rendered["doc"], "下一步工作")
    steps = steps[:next(i for i, t in enumerate(steps) if t.startswith("附件："))]
    assert len(steps) == len(circ.next_steps)
    for n, (text, step) in enumerate(zip(steps, circ.next_steps), 1):  # {office}: the office's own name
        assert text == f"{zh_number(n)}是" + zh_punctuation(step.replace("{office}", circ.office))


def test_no_table_longer_than_the_rules_allow(circ, tmp_path):
    """A list longer than documents.max_table_rows goes to the workbook, and the text says so."""
    import copy

    from sqmy_lib.rules import Rules

    data = copy.deepcopy(circ.rules.data)
    data["documents"]["max_table_rows"] = 1
    short = dataclasses.replace(circ, rules=Rules(data))
    doc = docx.Document(str(write_circular_docx(short, tmp_path / "c.docx", date=SIGNED)))
    assert len(circ.instructions) > 1 and all(len(t.rows) <= 1 + 2 for t in doc.tables)
    text = "".join(_texts(doc))
    assert f"共{len(circ.instructions)}件批示，篇幅较长" in text and "“批示件跟踪”工作表" in text
    assert f"共{len(circ.units)}个单位，篇幅较长" in text


def test_charts_written_and_kept_out_of_the_gongwen(rendered):
    charts = rendered["charts"]
    assert [p.name for p in charts] == list(FILES.values())
    for path in charts:
        with Image.open(path) as im:
            assert im.format == "PNG" and im.size == (1200, 720)
    assert len(rendered["doc"].inline_shapes) == 0


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
    spec = specs.spec(specs.Column(("", "group"), "组别"), specs.Column(("数量", "a"), "甲", "count", "数量"),
                      specs.Column(("数量", "b"), "乙", "count", "数量"), merge_runs=[("", "group")])
    doc = GongwenDocument()
    doc.table(df, spec)
    table = docx.Document(str(doc.save(tmp_path / "t.docx"))).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [["组别", "数量", "数量"], ["组别", "甲", "乙"], ["甲组", "1", "4"], ["甲组", "2", "5"], ["乙组", "3", ""]]


def test_nothing_to_report(circ, tmp_path):
    """A quarter with no one behind, no instruction and no next steps still reads as a circular:
    the parts with nothing to say are left out, the attachments renumbered."""
    empty = {k: getattr(circ, k).iloc[:0] for k in ("behind_units", "behind_people", "zero_units", "instructions")}
    quiet = dataclasses.replace(circ, **empty, next_steps=[])
    doc = docx.Document(str(write_circular_docx(quiet, tmp_path / "c.docx", date=SIGNED)))
    texts = _texts(doc)
    problems = _section(doc, "存在的问题")
    problems = "".join(problems[:next(i for i, t in enumerate(problems) if t.startswith("附件："))])
    assert "任务完成" not in problems and "零报送" not in problems and "批示" not in problems
    assert not any(t.endswith("下一步工作") for t in texts)
    assert [t for t in texts if re.fullmatch(r"附件\d", t)] == ["附件1", "附件2"]
    assert len(doc.tables) == 1 and len(doc.inline_shapes) == 0


def test_units_tied_on_points_are_said_tied(tmp_path):
    # 民革县委 13 items (13 points, 0 采用, 13 报送); 民盟县委 and 民进县委 3 items each, one 市政协 (3 + 10
    # = 13, 1 采用, 3 报送). The units table's 排名 showed 1, 1, 1 with "积分相同，并列第1名" while the
    # commendation ranked on 采用 too. By hand, on points then 采用 then 报送 (rules points.rank_by):
    # 民盟 1, 民进 1 (equal on every key), 民革 3; said under the table, in Word and Excel, with the rule.
    import openpyxl
    from conftest import write_xlsx
    from sqmy_lib.render.circular_xlsx import write_circular_xlsx

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]]
    rows += [[f"G{k}", f"2025-{k % 12 + 1:02d}-03", f"关于甲单位第{k}号问题的建议", "民革县委", "民革县委", None] for k in range(13)]
    for unit, code in (("民盟县委", "M"), ("民进县委", "J")):
        rows += [[f"{code}{k}", f"2025-{k + 1:02d}-05", f"关于{unit}第{k}号问题的建议", unit, unit, "市政协采用" if k == 0 else None]
                 for k in range(3)]
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    roster = write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"],
                                                        ["民进县委", "民主党派"]]})
    circ = build_circular(sq.read_ledgers(ledger, roster=roster, year=2025), 2025, 4)
    assert circ.units_ytd.set_index("unit")["rank"].to_dict() == {"民盟县委": 1, "民进县委": 1, "民革县委": 3}
    said = ("“排名”为同类单位按全年积分排名，积分相同的，依次比较采用条数、报送条数，仍相同的并列；"
            "民盟县委、民进县委、民革县委积分相同，按采用条数、报送条数依次比较排定名次；"
            "其中民盟县委、民进县委的采用条数、报送条数也相同，并列民主党派第1名")
    doc = docx.Document(str(write_circular_docx(circ, tmp_path / "c.docx", date=SIGNED)))
    assert any(said in t for t in _texts(doc)), [t for t in _texts(doc) if "排名" in t]
    sheet = openpyxl.load_workbook(write_circular_xlsx(circ, tmp_path / "c.xlsx"))["各单位情况"]
    assert any(said[said.index("民盟"):] in str(c.value) for row in sheet.iter_rows() for c in row if c.value)


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


def test_counting_rules_say_an_item_adopted_in_two_quarters_counts_in_each(tmp_path):
    """被采用 counts the items adopted in the period: X1, 县级 in February and 市级 in August, is one of
    the first quarter's and one of the third's, and once in 1—9月 (X2 not adopted): by hand 1 + 1 = 2
    over the quarters against 1 for the year to date. The points and money notes said they add up;
    nothing said this does not, so the 统计口径 (附件) says it."""
    from conftest import write_xlsx

    rows = [["编号", "收稿日期", "信息标题", "作者", "单位", "县政协编发", "市政协"],
            ["X1", "2025-02-10", "关于甲乡渡口安全的建议", "张三", "民盟县委", "2025.2.20", "2025.8.10"],
            ["X2", "2025-08-05", "关于乙村校车的建议", "张三", "民盟县委", None, None]]
    ledger = sq.read_ledgers(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    said = ("同一条信息在不同期间被采用的（如一季度被县级采用、三季度又被市级采用），在各该期间的被采用条数中各计1条，"
            "在年度累计中只计1条，因此各季度（各月）的被采用条数相加可能多于年度累计。")
    texts = {}
    for quarter in (1, 3):
        doc = docx.Document(str(write_circular_docx(build_circular(ledger, 2025, quarter), tmp_path / f"{quarter}.docx", date=SIGNED)))
        texts[quarter] = _texts(doc)
        rules = _section(doc, "统计口径")
        assert said in rules, rules
    assert any(t.startswith("2025年第一季度") and "共有1条信息被采用" in t for t in texts[1])
    assert any(t.startswith("2025年第三季度") and "共有1条信息被采用" in t for t in texts[3])
    assert any(t.startswith("2025年1—9月累计") and "被采用1条" in t for t in texts[3])


def test_no_blank_page_before_an_attachment(tmp_path):
    """The demo's Q4 circular: 附件3's table ends at the foot of its page. The empty paragraph a table
    leaves after itself went onto a page of its own there, a blank page before 附件4. Printed through
    LibreOffice, every page carries text beside its page number; and no empty paragraph stands
    between a table and the next 附件's new page."""
    import shutil
    import subprocess

    from sqmy_lib.render.annotate import libreoffice

    path = write_circular_docx(build_circular(sq.read_ledgers(DEMO), 2025, 4), tmp_path / "通报.docx",
                               date=dt.date(2026, 1, 8), number=1)
    body = [e for e in docx.Document(str(path)).element.body.iterchildren() if e.tag != qn("w:sectPr")]
    for before, spacer, after in zip(body, body[1:], body[2:]):
        if before.tag == qn("w:tbl") and after.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None:
            assert spacer.tag != qn("w:p") or "".join(spacer.itertext()).strip()

    program = libreoffice()
    if not program or not shutil.which("pdftotext"):
        pytest.skip("需要 LibreOffice 和 poppler-utils(pdftotext)")
    subprocess.run([program, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "通报.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert len(pages) > 5
    for n, page in enumerate(pages, 1):
        words = re.sub(r"—\s*\d+\s*—", "", page).split()
        assert words, f"第{n}页是空白页"


def test_the_units_table_says_what_its_task_column_holds(circ):
    """附件1 said "“任务”为年度任务折算至9月底的进度任务" whatever the quotas: the shipped units' quotas are by month
    (镇街政协工委, 3 a month: 27 by September) and by quarter, not pro-rated (民主党派, 3 a quarter: 9); and a yearly quota
    not pro-rated (4 a year) shows the whole 4."""
    import copy

    from sqmy_lib.render.circular_text import _quota_note
    from sqmy_lib.rules import Rules

    # The types in the rules' order (镇街政协工委, 民主党派, 界别组, 专委会, 工商联), as the table groups them.
    assert _quota_note(circ) == "“任务”：镇街政协工委为每月任务累计至9月底，民主党派、界别组、工商联为各季度任务累计至9月底"
    data = copy.deepcopy(circ.rules.data)
    data["quotas"]["units"] = {g: {"per": "year", "items": 4, "prorate": True} for g in data["quotas"]["units"]}
    assert _quota_note(dataclasses.replace(circ, rules=Rules(data))) == "“任务”为年度任务折算至9月底的进度任务"
    data["quotas"]["units"]["工商联"]["prorate"] = False
    assert _quota_note(dataclasses.replace(circ, rules=Rules(data))) == (
        "“任务”：镇街政协工委、民主党派、界别组为年度任务折算至9月底的进度任务，工商联为全年任务")
