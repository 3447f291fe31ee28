"""A 采用级别 column as an online 社情民意 system exports it: codes explained by a legend under the table
(注：采用级别 1=全国 2=省级 3=市级 4=县级), a 采用刊物 beside it that names no level (《社情民意》 is the
county's bulletin and the city's), a 采用状态 before it.

Every workbook is written by hand in the test, every answer worked out by hand (rewards by the
shipped rules: 县级 ¥30, 市级 ¥100, 省级 ¥200, 全国 ¥300), and every workbook is checked for the reader's
invariant: each non-empty cell is read into a record or named in a finding.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xls, write_xlsx

HEAD = ["序号", "信息编号", "标题", "报送单位", "报送人", "报送时间", "采用级别", "采用刊物", "采用时间"]
LEGEND = "注：采用级别 1=全国 2=省级 3=市级 4=县级"


def _codes(report, code):
    return [i for i in report.issues if i.code == code]


def _paid(ledger, year=2025) -> dict[str, Decimal]:
    r = sq.rewards(ledger, year)
    return dict(zip(r["name"], r["amount"]))


def _tiers(ledger) -> list:
    ad = ledger.adoptions
    return [(int(i), None if pd.isna(t) else str(t)) for i, t in zip(ad["item"], ad["tier"])]


def _export(rows, legend: str | None = LEGEND) -> list[list]:
    """A system's export: a line of when it was exported, the count, the header, the rows, then (after
    a blank line) the legend of the level codes."""
    out = [["导出时间：2025-12-31 16:22:45"], [f"共 {len(rows)} 条记录"], HEAD]
    out += [[k, f"SQMY2025-{k:04d}", *r] for k, r in enumerate(rows, 1)]
    return out + ([[], [legend]] if legend else [])


ITEMS = [  # 采用级别 codes beside 刊物 naming no level, naming their body, and a code alone
    ["关于推进农产品冷链物流建设的建议", "县工商联", "王强", "2025-07-03", 3, "《社情民意》2025年第21期", "2025-08-01"],
    ["关于解决农村留守儿童托管难的建议", "民革县委", "张伟", "2025-08-09", 2, "《社情民意信息专报》2025年第30期", "2025-10-20"],
    ["关于进一步优化营商环境的建议", "民盟县委", "刘洋", "2025-09-12", 1, None, "2025-10-20"],
    ["关于加强河道垃圾治理的建议", "城关镇政协工委", "李娜", "2025-10-08", 3, "示例省政协《社情民意信息专报》2025年第33期", "2025-11-05"],
]


@pytest.mark.parametrize("writer,name", [(write_xls, "导出.xls"), (write_xlsx, "导出.xlsx")])
def test_level_codes_are_read_by_the_legend_under_the_table(tmp_path, writer, name):
    # Before: the codes were glued onto the 刊物 (3《社情民意》…) and placed as the office's own bulletin:
    # 县级 ¥30 each, unsaid. By the legend: 3 is 市级 (王强 ¥100), 2 is 省级 (张伟 ¥200), 1 alone is 全国
    # (刘洋 ¥300); 3 beside 示例省政协's 刊物 contradicts it, said as a text level is, the body counts
    # (李娜 省级 ¥200). The legend is said once, at its cell (A9), with the codes it read.
    ledger, report = assert_every_cell_accounted(writer(tmp_path / name, {"Sheet1": _export(ITEMS)}), year=2025)
    assert _tiers(ledger) == [(0, "市级"), (1, "省级"), (2, "全国"), (3, "省级")]
    assert ledger.adoptions["issue_no"].tolist()[:2] == [21, 30]
    assert _paid(ledger) == {"王强": Decimal("100.00"), "张伟": Decimal("200.00"), "刘洋": Decimal("300.00"),
                             "李娜": Decimal("200.00")}
    legend = _codes(report, "sheet.level_legend")
    assert [(i.row, i.column, i.severity) for i in legend] == [(9, "A", "info")]
    assert LEGEND in legend[0].message and "1=全国 1 格" in legend[0].message and "3=市级 2 格" in legend[0].message
    differs = _codes(report, "adoption.level_differs")
    assert [(i.row, i.column) for i in differs] == [(7, "G")]
    assert "“3(市级)”" in differs[0].message and "示例省政协《社情民意信息专报》2025年第33期" in differs[0].message
    assert not _codes(report, "adoption.level_code") and not _codes(report, "mark.unknown")


def test_a_code_with_no_legend_is_not_guessed(tmp_path):
    # The same export with no legend: what 3 means the sheet does not say. Before: 3《社情民意》 was 县级
    # ¥30 (and 3 beside 示例省政协 was glued into its name), unsaid. Now each code is said at its cell; the
    # 刊物 naming no level leaves its adoption at no level (an error: not counted, nothing paid), the code
    # alone likewise; the 刊物 naming 示例省政协 counts at 省级 (李娜 ¥200), its body alone.
    ledger, report = assert_every_cell_accounted(write_xls(tmp_path / "导出.xls", {"Sheet1": _export(ITEMS, None)}), year=2025)
    assert _tiers(ledger) == [(0, None), (1, None), (2, None), (3, "省级")]
    assert ledger.adoptions["body"].tolist()[3] == "示例省政协《社情民意信息专报》2025年第33期"
    codes = _codes(report, "adoption.level_code")
    assert [(i.row, i.column, i.severity) for i in codes] == [(4, "G", "warning"), (5, "G", "warning"), (6, "G", "warning"),
                                                              (7, "G", "warning")]
    assert "采用级别“3”是代码" in codes[0].message and "未计入" in codes[0].message and "已按采用单位" in codes[3].message
    assert [(i.row, i.column) for i in _codes(report, "adoption.unknown_tier")] == [(4, "H"), (5, "H")]
    assert [(i.row, i.column) for i in _codes(report, "adoption.no_body")] == [(6, "G")]
    assert _paid(ledger) == {"李娜": Decimal("200.00")}
    assert not _codes(report, "sheet.level_legend")


@pytest.mark.parametrize("head", [["采用级别", "采用刊物"], ["采用刊物", "采用级别"]])
def test_the_level_is_not_glued_onto_the_body(tmp_path, head):
    # 采用级别 | 采用刊物 (either order): the 刊物 names the body, the level is the level. Before, the two
    # were read as one text: the circular said 被1全国政协采用, 被省级示例省政协采用 and 被3示例市政协采用.
    # A 刊物 naming no level is at the level beside it (市级《社情民意》: 市级 ¥100).
    cells = [("省级", "示例省政协《社情民意信息专报》第12期"), (1, "全国政协《社情民意信息》2025年第301期"),
             (3, "示例市政协《社情民意》2025年第40期"), ("市级", "《社情民意》2025年第21期")]
    rows = [["序号", "标题", "报送人", "报送时间", *head]]
    for k, (level, publication) in enumerate(cells, 1):
        pair = [level, publication] if head[0] == "采用级别" else [publication, level]
        rows.append([k, f"关于第{k}个问题的建议", f"作者{k}号", f"2025-03-{k:02d}", *pair])
    rows += [[], [LEGEND]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows}), year=2025)
    assert _tiers(ledger) == [(0, "省级"), (1, "全国"), (2, "市级"), (3, "市级")]
    assert ledger.adoptions["body"].tolist()[:3] == [c[1] for c in cells[:3]]
    bodies = sq.summary(ledger, 2025).adopted_by_body
    assert (bodies["省级"], bodies["全国"]) == ({"示例省政协": 1}, {"全国政协": 1})
    assert bodies["市级"] == {"示例市政协": 1, "市级": 1}
    assert not _codes(report, "adoption.level_differs")
    assert _paid(ledger) == {"作者1号": Decimal("200.00"), "作者2号": Decimal("300.00"), "作者3号": Decimal("100.00"),
                             "作者4号": Decimal("100.00")}


def test_a_status_before_the_level_is_no_body(tmp_path):
    # 采用状态 | 采用级别 | 采用刊物: 已采用 says adopted. Before, it was read as the 采用单位: 采用级别“市级”与采用
    # 单位“已采用”的层级不一致, and 《社情民意》 placed the adoption at 县级 (¥30 each). The level places a
    # 刊物 naming none (王强 市级 ¥100, 张伟 省级 ¥200); one naming another level is said against the 刊物
    # (刘洋: 市级 beside 示例省政协's, counted 省级 ¥200); 未采用 records nothing.
    rows = [["序号", "标题", "报送人", "报送时间", "采用状态", "采用级别", "采用刊物"],
            [1, "关于推进农产品冷链物流建设的建议", "王强", "2025-07-03", "已采用", "市级", "《社情民意》2025年第21期"],
            [2, "关于解决农村留守儿童托管难的建议", "张伟", "2025-08-09", "已采用", "省级", "《社情民意》2025年第30期"],
            [3, "关于进一步优化营商环境的建议", "刘洋", "2025-09-12", "已采用", "市级", "示例省政协《社情民意信息专报》2025年第33期"],
            [4, "关于加强中小学生近视防控的建议", "赵磊", "2025-11-20", "未采用", None, None]]
    ledger, report = assert_every_cell_accounted(write_xlsx(tmp_path / "导出.xlsx", {"信息列表": rows}), year=2025)
    assert _tiers(ledger) == [(0, "市级"), (1, "省级"), (2, "省级")]
    assert ledger.adoptions["issue_no"].tolist() == [21, 30, 33]
    differs = _codes(report, "adoption.level_differs")
    assert [(i.row, i.column) for i in differs] == [(4, "F")]
    assert "已采用" not in differs[0].message and "示例省政协《社情民意信息专报》2025年第33期" in differs[0].message
    assert _paid(ledger) == {"王强": Decimal("100.00"), "张伟": Decimal("200.00"), "刘洋": Decimal("200.00")}
    assert sq.summary(ledger, 2025).adopted_by_body["省级"] == {"省级": 1, "示例省政协": 1}
