"""A county office (示例县政协, 县级) that keeps an item over several rows: one row per author under a merged
序号/日期/标题, one row per adoption (the second row blank or 同上/〃 under 序号/标题/作者), two 批示 on two rows, and
a separate 采用台账 (.xls) with two adoptions in one cell and a third on the next row under a merged 标题.

What was wrong, worked out by hand below:
- an adoption alone on its row (``省政协采用`` under 采用情况, the rest blank: the item above's second adoption) was
  read as a unit's heading over the items below (row.unit_heading, "0 条信息计入该单位") and the adoption dropped:
  the item paid 100 (市级) instead of 200 (省级), ``全国政协采用`` likewise 100 instead of 300;
- ``〃`` or ``同上`` under 信息标题 (the same item again, to record its next adoption) was an item titled 〃: 黄伟
  counted twice and paid 130 (30 + 100) instead of 100; with the 日期 left blank the row was an item with no date
  (date.missing), left out with its 省政协 adoption: 何敏、徐亮 paid 50 each instead of 100;
- a long title wrapped onto the next line (the second line holding only the rest of the title) was two items: the
  first under half its title (so the 采用台账's whole title found no item: adoption.no_item, 沈洁 unpaid, 100 yuan), the
  second with no date and no author (date.missing, author.missing);
- a 采用情况 merged over an item's two lines (the second line holding its second 批示) was read once for each
  line: one adoption recorded twice (被采用次数 2).

Rules (2026, shipped): highest tier only, 县级 30, 市级 100, 省级 200, 全国 300 yuan, ×2 with any 批示; co-authors share
equally in fen, the remainder to the first; points 1 a submission + 3/10/20/30 by highest tier + 10/20/30 by the
highest 批示 level (a 县级 leader adds none), each co-author the item's whole points.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import xlwt

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

D = dt.date
HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", "领导批示"]


def _read(paths):
    rules = sq.load_rules(year=2025)
    ledger = sq.read_ledgers(paths, rules=rules, year=2025)
    return ledger, sq.validate(ledger, rules)


def _adoptions(ledger) -> list[tuple[str, str]]:
    """(title, tier) of every adoption record, in title order."""
    titles = dict(zip(ledger.submissions["item"], ledger.submissions["title"]))
    return sorted((titles.get(i, "?"), t) for i, t in zip(ledger.adoptions["item"], ledger.adoptions["tier"]))


def test_an_adoption_alone_on_its_row_is_the_item_above_s_not_a_unit_heading(tmp_path):
    # 刘洋's item adopted by 市政协 and 省政协, written on two rows (the second holds only 省政协采用): highest 省级,
    # 200 yuan; 罗娟's by 市政协 and 全国政协: 300 yuan. Two items, four adoption records; no unit heading.
    rows = [["2025年二季度社情民意信息报送台账"], HEADER,
            [1, D(2025, 4, 3), "关于整治城区占道经营的建议", "刘洋", "城关镇政协工委", "市政协采用", None],
            [None, None, None, None, None, "省政协采用", None],
            [2, D(2025, 6, 16), "关于保护传统古村落的建议", "罗娟", "民进县委", "市政协采用", None],
            [None, None, None, None, None, "全国政协采用", None]]
    path = write_xlsx(tmp_path / "二季度.xlsx", {"二季度": rows})
    ledger, report = _read(path)
    assert len(ledger.submissions) == 2 and not findings(report, "row.unit_heading")
    assert _adoptions(ledger) == [("关于保护传统古村落的建议", "全国"), ("关于保护传统古村落的建议", "市级"),
                                  ("关于整治城区占道经营的建议", "市级"), ("关于整治城区占道经营的建议", "省级")]
    assert paid(ledger, 2025) == {"罗娟": Decimal("300.00"), "刘洋": Decimal("200.00")}
    assert [(f.row, f.code) for f in findings(report, "row.continuation")] == [(4, "row.continuation"), (6, "row.continuation")]
    assert_every_cell_accounted(path, ledger, report, year=2025)


def test_a_ditto_under_the_title_is_the_item_above_adopted_again(tmp_path):
    # 黄伟's item: 县政协编发, then 〃 under 日期/标题/作者/单位 and 市政协采用: one item, highest 市级, 100 yuan (not
    # 30 + 100 for two items). 何敏、徐亮's: 市政协采用, then 同上 under 标题/作者/单位 (日期, 序号 blank) and 省政协采用:
    # one item, highest 省级, 200 yuan shared, 100 each. Two items, each author 1 submitted; points 黄伟 1 + 10 = 11,
    # 何敏 and 徐亮 1 + 20 = 21 each.
    rows = [["2025年二季度社情民意信息报送台账"], HEADER,
            [1, D(2025, 4, 12), "关于发展设施农业的建议", "黄伟", "县工商联", "县政协编发", None],
            [None, "〃", "〃", "〃", "〃", "市政协采用", None],
            [2, D(2025, 5, 9), "关于完善农村养老服务的建议", "何敏、徐亮", "民进县委", "市政协采用", None],
            [None, None, "同上", "同上", "同上", "省政协采用", None]]
    path = write_xlsx(tmp_path / "二季度.xlsx", {"二季度": rows})
    ledger, report = _read(path)
    assert list(ledger.submissions["title"]) == ["关于发展设施农业的建议", "关于完善农村养老服务的建议"]
    assert not findings(report, "date.missing")
    assert paid(ledger, 2025) == {"黄伟": Decimal("100.00"), "何敏": Decimal("100.00"), "徐亮": Decimal("100.00")}
    people = sq.people(ledger, 2025).set_index("name")
    assert people.loc[["黄伟", "何敏", "徐亮"], "submitted"].tolist() == [1, 1, 1]
    assert people.loc[["黄伟", "何敏", "徐亮"], "points"].tolist() == [11, 21, 21]
    assert [f.row for f in findings(report, "row.same_item")] == [4, 6]
    assert_every_cell_accounted(path, ledger, report, year=2025)


def test_an_adoption_merged_over_an_item_s_two_instruction_lines_is_one_adoption(tmp_path):
    # 宋佳's item: 序号…采用情况 merged over two lines, 市委书记 on the first 批示 line, 市长 on the second: one
    # adoption (市级), two 批示 (市级): 100 × 2 = 200 yuan; points 1 + 10 + 10 = 21. 彭辉's: 县政协编发 merged the
    # same way over two 县级 批示: one adoption, 30 × 2 = 60 yuan.
    rows = [["2025年三季度社情民意信息报送台账"], HEADER,
            [1, D(2025, 7, 2), "关于解决农民工工资拖欠问题的建议", "宋佳", "县工商联", "市政协采用", "市委书记李某某批示"],
            [None, None, None, None, None, None, "市长王某某批示"],
            [2, D(2025, 9, 25), "关于改善农村公路养护的建议", "彭辉", "民盟县委", "县政协编发", "县委书记孙某某批示"],
            [None, None, None, None, None, None, "县长钱某某批示"]]
    merges = [f"{c}3:{c}4" for c in "ABCDEF"] + [f"{c}5:{c}6" for c in "ABCDEF"]
    path = write_xlsx(tmp_path / "三季度.xlsx", {"三季度": rows}, {"三季度": merges})
    ledger, report = _read(path)
    assert _adoptions(ledger) == [("关于改善农村公路养护的建议", "县级"), ("关于解决农民工工资拖欠问题的建议", "市级")]
    assert sorted(ledger.instructions["leader"]) == sorted(["市委书记李某某", "市长王某某", "县委书记孙某某", "县长钱某某"])
    assert paid(ledger, 2025) == {"宋佳": Decimal("200.00"), "彭辉": Decimal("60.00")}
    assert sq.people(ledger, 2025).set_index("name").loc["宋佳", "points"] == 21
    assert not findings(report, "cell.merged_records")
    assert_every_cell_accounted(path, ledger, report, year=2025)


def _office(folder):
    """The office's year: a 报送台账 (.xlsx, a sheet a quarter in the four shapes) and the fourth quarter's 采用台账 (.xls)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)

    def sheet(name, rows, merges, header=HEADER):
        ws = wb.create_sheet(name)
        ws.append([f"2025年{name}社情民意信息报送台账"])
        ws.append(header)
        for row in rows:
            ws.append(row)
        for cell in (c for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, dt.date)):
            cell.number_format = "yyyy-mm-dd"
        for m in merges:
            ws.merge_cells(m)

    blank = [None] * 5
    sheet("一季度", [  # one row per author, 序号/日期/标题 (and 采用, 批示) merged down
        [1, D(2025, 1, 8), "关于加强农村饮水安全保障的建议", "张建国", "民革县委", "市政协采用", None],
        [None, None, None, "李红", "民革县委", None, None],
        [2, D(2025, 1, 15), "关于规范校外培训机构管理的建议", "王芳", "民盟县委", "县政协编发", None],
        [3, D(2025, 2, 10), "关于破解老旧小区停车难的建议", "赵敏", "民盟县委", "省政协采用", "市委书记刘某某批示"],
        [None, None, None, "钱伟", "民盟县委", None, None],
        [None, None, None, "孙丽", "城关镇政协工委", None, None],
        [4, D(2025, 2, 20), "关于扶持乡村民宿发展的建议", "周强", "县工商联", None, None],
        [5, D(2025, 3, 6), "关于加快电动汽车充电桩建设的建议", "吴刚", "城关镇政协工委", "县政协编发", None],
        [None, None, None, "郑洁", "县工商联", None, None],
        [6, D(2025, 3, 18), "关于加强中小学生近视防控的建议", "陈静", "民盟县委", "市政协采用；省政协采用", None],
        [None, None, None, "林涛", "民盟县委", None, None]],
        [f"{c}3:{c}4" for c in "ABCF"] + [f"{c}6:{c}8" for c in "ABCFG"] + [f"{c}10:{c}11" for c in "ABC"]
        + [f"{c}12:{c}13" for c in "ABCF"])
    sheet("二季度", [  # one row per adoption
        [1, D(2025, 4, 3), "关于整治城区占道经营的建议", "刘洋", "城关镇政协工委", "市政协采用", None],
        [*blank, "省政协采用", None],
        [2, D(2025, 4, 12), "关于发展设施农业的建议", "黄伟", "县工商联", "县政协编发", None],
        [None, "〃", "〃", "〃", "〃", "市政协采用", None],
        [3, D(2025, 5, 9), "关于完善农村养老服务的建议", "何敏、徐亮", "民进县委", "市政协采用", None],
        [None, None, "同上", "同上", "同上", "省政协采用", None],
        [4, D(2025, 5, 20), "关于加强电信诈骗防范宣传的建议", "马丽", "民革县委", "县政协编发", None],
        [5, D(2025, 6, 5), "关于推进城乡垃圾分类的建议", "高峰", "民盟县委", None, None],
        [6, D(2025, 6, 16), "关于保护传统古村落的建议", "罗娟", "民进县委", "市政协采用", None],
        [*blank, "全国政协采用", None]], [])
    sheet("三季度", [  # two 批示 on two rows
        [1, D(2025, 7, 2), "关于解决农民工工资拖欠问题的建议", "宋佳", "县工商联", "市政协采用", "市委书记李某某批示"],
        [*blank, None, "市长王某某批示"],
        [2, D(2025, 7, 15), "关于加强汛期地质灾害防范的建议", "唐明", "城关镇政协工委", "省政协采用", "副省长赵某某批示"],
        [*blank, None, "县长钱某某批示"],
        [3, D(2025, 8, 4), "关于规范殡葬服务收费的建议", "韩冰", "民进县委", "县政协编发", None],
        [4, D(2025, 8, 21), "关于加快县城燃气管道改造的建议", "冯亮", "民革县委", "市政协采用", "县委书记孙某某批示"],
        [5, D(2025, 9, 10), "关于支持返乡青年创业的建议", "曹雪", "县工商联", None, None],
        [6, D(2025, 9, 25), "关于改善农村公路养护的建议", "彭辉", "民盟县委", "县政协编发", "县委书记孙某某批示"],
        [*blank, None, "县长钱某某批示"]],
        [f"{c}3:{c}4" for c in "ABCDEF"] + [f"{c}10:{c}11" for c in "ABCDEF"])
    sheet("四季度", [  # adoptions in the 采用台账; two long titles wrapped onto the next line
        [1, D(2025, 10, 9), "关于进一步加强和改进农村留守儿童关爱服务体系建设", "苏婷", "民进县委"],
        [None, None, "切实解决监护缺失问题的建议", None, None],
        [2, D(2025, 10, 20), "关于规范网约车经营管理的建议", "蒋涛", "城关镇政协工委"],
        [3, D(2025, 11, 3), "关于统筹推进县域医共体建设", "沈洁", "民盟县委"],
        [None, None, "提升基层医疗服务能力的建议", None, None],
        [4, D(2025, 11, 12), "关于加强冬季供暖保障的建议", "韦强", "县工商联"],
        [5, D(2025, 11, 26), "关于治理农村人居环境的建议", "杨帆、朱琳", "民革县委"],
        [6, D(2025, 12, 8), "关于推动县域商业体系建设的建议", "秦岭", "县工商联"],
        [7, D(2025, 12, 19), "关于完善社区嵌入式服务设施的建议", "许诺", "城关镇政协工委"]], [], HEADER[:5])
    wb.save(folder / "2025年社情民意信息报送台账.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    ws, day = book.add_sheet("采用台账"), xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 4, "2025年四季度社情民意信息采用台账")
    for c, h in enumerate(["序号", "信息标题", "作者", "采用情况", "采用日期"]):
        ws.write(1, c, h)
    ws.write_merge(2, 3, 0, 0, 1)
    ws.write_merge(2, 3, 1, 1, "关于规范网约车经营管理的建议")
    ws.write_merge(2, 3, 2, 2, "蒋涛")
    ws.write(2, 3, "市政协第3期；省政协第12期")
    ws.write(2, 4, D(2025, 11, 5), day)
    ws.write(3, 3, "县政协编发第20期")
    ws.write(3, 4, D(2025, 10, 28), day)
    for r, row in enumerate([(2, "关于统筹推进县域医共体建设提升基层医疗服务能力的建议", "沈洁", "市政协采用", D(2025, 11, 20)),
                             (3, "关于加强冬季供暖保障的建议", "韦强", "市政协第5期", D(2025, 12, 10)),
                             (4, "关于治理农村人居环境的建议", "杨帆、朱琳", "县政协编发第22期", D(2025, 12, 5))], 4):
        for c, v in enumerate(row):
            ws.write(r, c, v, day if isinstance(v, dt.date) else xlwt.Style.default_style)
    book.save(str(folder / "2025年社情民意信息采用台账.xls"))
    return folder


# The year by hand (item: authors, highest tier, 批示 → yuan; points):
# 一季度 1 张建国、李红 市 → 100 (50 each; 11) · 2 王芳 县 → 30 (4) · 3 赵敏、钱伟、孙丽 省 + 市级批示 → 400 (133.34,
# 133.33, 133.33; 1+20+10 = 31) · 4 周强 none (1) · 5 吴刚、郑洁 县 → 30 (15 each; 4) · 6 陈静、林涛 市+省 → 200 (100 each; 21)
# 二季度 刘洋 市+省 → 200 (21) · 黄伟 县+市 → 100 (11) · 何敏、徐亮 市+省 → 200 (100 each; 21) · 马丽 县 → 30 (4) ·
# 高峰 none (1) · 罗娟 市+全国 → 300 (31)
# 三季度 宋佳 市 + 两件市级批示 → 200 (21) · 唐明 省 + 省级、县级批示 → 400 (41) · 韩冰 县 → 30 (4) · 冯亮 市 + 县级批示 →
# 200 (11) · 曹雪 none (1) · 彭辉 县 + 两件县级批示 → 60 (4)
# 四季度 苏婷 none (1) · 蒋涛 县+市+省 → 200 (21) · 沈洁 市 → 100 (11) · 韦强 市 → 100 (11) · 杨帆、朱琳 县 → 30 (15 each; 4) ·
# 秦岭 none (1) · 许诺 none (1)
# 25 items, 19 adopted (highest 县 6, 市 6, 省 6, 全国 1); 26 adoption records; 8 批示 (市级 3, 省级 1, 县级 4); 2910.00 yuan.
PAID = {"张建国": "50", "李红": "50", "王芳": "30", "赵敏": "133.34", "钱伟": "133.33", "孙丽": "133.33", "吴刚": "15",
        "郑洁": "15", "陈静": "100", "林涛": "100", "刘洋": "200", "黄伟": "100", "何敏": "100", "徐亮": "100", "马丽": "30",
        "罗娟": "300", "宋佳": "200", "唐明": "400", "韩冰": "30", "冯亮": "200", "彭辉": "60", "蒋涛": "200", "沈洁": "100",
        "韦强": "100", "杨帆": "15", "朱琳": "15"}
POINTS = {"张建国": 11, "李红": 11, "王芳": 4, "赵敏": 31, "钱伟": 31, "孙丽": 31, "周强": 1, "吴刚": 4, "郑洁": 4,
          "陈静": 21, "林涛": 21, "刘洋": 21, "黄伟": 11, "何敏": 21, "徐亮": 21, "马丽": 4, "高峰": 1, "罗娟": 31,
          "宋佳": 21, "唐明": 41, "韩冰": 4, "冯亮": 11, "曹雪": 1, "彭辉": 4, "苏婷": 1, "蒋涛": 21, "沈洁": 11,
          "韦强": 11, "杨帆": 4, "朱琳": 4, "秦岭": 1, "许诺": 1}


def test_the_office_s_year_kept_over_several_rows_an_item(tmp_path):
    folder = _office(tmp_path)
    ledger, report = _read(folder)
    assert not [i for i in report.issues if i.severity == "error"]
    assert len(ledger.submissions) == 25 and len(ledger.adoptions) == 26 and len(ledger.instructions) == 8
    assert paid(ledger, 2025) == {n: Decimal(v).quantize(Decimal("0.01")) for n, v in PAID.items()}
    people = sq.people(ledger, 2025).set_index("name")
    assert people["points"].to_dict() == POINTS and set(people["submitted"]) == {1}
    summary = sq.summary(ledger, 2025)
    assert (summary.submitted, summary.adopted) == (25, 19)
    assert summary.instructions_by_level == {"县级": 4, "市级": 3, "省级": 1, "国家级": 0}
    # units by the item's own 单位 (a co-author's line of another unit is said, not counted apart)
    units = sq.units(ledger, 2025).set_index("unit")
    assert units["points"].to_dict() == {"城关镇政协工委": 88, "民盟县委": 72, "民进县委": 57, "县工商联": 46, "民革县委": 30}
    assert_every_cell_accounted(folder, ledger, report, year=2025)


def test_a_title_wrapped_onto_the_next_line_is_one_title(tmp_path):
    # 沈洁's title runs over two lines, the second holding only its rest; the 采用台账 writes it whole: one item,
    # adopted by 市政协, 100 yuan. Below, 韦强's row and then a lone 关于…的建议 (a new item begun, its date and author
    # not yet written): no line of 韦强's finished title, an item with no date, as before; nor is 以下为补报信息 under
    # an unfinished title (no title's end): an item with no author, as before.
    rows = [["2025年四季度社情民意信息报送台账"], HEADER[:5],
            [1, D(2025, 11, 3), "关于统筹推进县域医共体建设", "沈洁", "民盟县委"],
            [None, None, "提升基层医疗服务能力的建议", None, None],
            [2, D(2025, 11, 12), "关于加强冬季供暖保障的建议", "韦强", "县工商联"],
            [None, None, "关于规范农村集体资产管理的建议", None, None],
            [3, D(2025, 12, 1), "关于加快老旧供水管网改造", "秦岭", "县工商联"],
            [None, None, "以下为补报信息", None, None]]
    adopted = [["序号", "信息标题", "作者", "采用情况", "采用日期"],
               [1, "关于统筹推进县域医共体建设提升基层医疗服务能力的建议", "沈洁", "市政协采用", D(2025, 11, 20)]]
    book = write_xlsx(tmp_path / "四季度.xlsx", {"四季度": rows})
    write_xlsx(tmp_path / "采用台账.xlsx", {"采用台账": adopted})
    ledger, report = _read(tmp_path)
    assert list(ledger.submissions["title"])[:2] == ["关于统筹推进县域医共体建设提升基层医疗服务能力的建议", "关于加强冬季供暖保障的建议"]
    assert [(f.row, f.column) for f in findings(report, "row.title_below")] == [(4, "C")]
    assert not findings(report, "adoption.no_item") and paid(ledger, 2025) == {"沈洁": Decimal("100.00")}
    assert [f.row for f in findings(report, "date.missing")] == [6, 8]
    assert [f.row for f in findings(report, "author.missing")] == [6, 8]
    assert_every_cell_accounted(book, year=2025)
