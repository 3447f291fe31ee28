"""A 采用台账 row whose title varies the 报送台账's only in the words around it (关于…的建议 in one, …的几点建议 or
…的意见 in the other): the same item, linked and said (``link.wording``), not an adoption left out as ``adoption.no_item``
with its 稿酬 unpaid. Two items the varied title could both be are not guessed between (``link.ambiguous``)."""
from __future__ import annotations

from decimal import Decimal

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

SENT = [["临江县政协2025年社情民意信息报送台账"], ["序号", "报送日期", "信息标题", "报送人", "单位"],
        [1, "2025-01-10", "关于加强农村留守儿童关爱工作的建议", "张三", "民盟临江县委"],
        [2, "2025-03-12", "关于推进县域医共体建设的几点建议", "王五", "农工党临江县委"],
        [3, "2025-04-13", "关于完善社区养老服务的建议", "赵六", "民建临江县委"],
        [4, "2025-04-20", "关于完善社区养老服务的意见", "钱七", "民进临江县委"]]
ADOPTED_HEAD = [["临江县政协2025年社情民意信息采用台账"], ["序号", "信息标题", "作者", "采用刊物", "期数", "采用时间"]]


def _read(tmp_path, adopted_rows):
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "报送台账.xlsx", {"报送": SENT})
    write_xlsx(tmp_path / "台账" / "采用台账.xlsx", {"采用": ADOPTED_HEAD + adopted_rows})
    return assert_every_cell_accounted(tmp_path / "台账", year=2025)


def test_a_title_written_with_other_closing_words_is_the_same_item(tmp_path):
    ledger, report = _read(tmp_path, [
        [1, "《关于加强农村留守儿童关爱工作的建议》", "张三", "市政协《社情民意》", "第5期", "2025-02-01"],
        [2, "关于推进县域医共体建设的建议", "王五", "市政协《社情民意》", "第11期", "2025-04-25"],
        [3, "关于发展林下经济的建议", "孙八", "市政协《社情民意》", "第15期", "2025-06-02"]])
    # By hand: 张三's title differs only by its 《》 (linked as before); 王五's adopted title drops 的几点: the same
    # item, 市政协 ¥100; 孙八's names no item sent (left out, said).
    assert paid(ledger, 2025) == {"张三": Decimal("100.00"), "王五": Decimal("100.00")}
    said = findings(report, "link.wording")
    assert [(i.row, i.column, i.severity) for i in said] == [(4, "B", "warning")]
    assert "关于推进县域医共体建设的几点建议" in said[0].message
    assert [i.row for i in findings(report, "adoption.no_item")] == [5]


def test_a_varied_title_two_items_could_be_is_not_guessed(tmp_path):
    ledger, report = _read(tmp_path, [
        [1, "关于完善社区养老服务的几点建议", "", "市政协《社情民意》", "第8期", "2025-05-10"]])
    # By hand: 赵六's …的建议 and 钱七's …的意见 are both 完善社区养老服务: no author to tell them apart, so neither is
    # paid and the row is said as naming two items.
    assert paid(ledger, 2025) == {}
    assert not findings(report, "link.wording")
    assert [i.row for i in findings(report, "link.ambiguous")] == [3]
