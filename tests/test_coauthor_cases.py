"""A co-writer under ``coauthored_counts_each: false``: the item counts for its 执笔 or first author
alone, but the other authors wrote it. They are never told, or listed as, having sent nothing.

One office, 2025, four 委员 with the shipped quota (2 a year, not pro-rated), the rule set to false:
  1. 3月1日 关于加强农村养老服务的建议  张三、李四  (张三 first: his)
  2. 5月1日 关于改善城区停车的建议      张三、李四  县政协编发第3期 (张三's; 30.00 shared: 15.00 each)
  3. 6月1日 关于河道治理的建议          王五
  4. 9月1日 关于校园安全的建议          王五
By hand, for the year: 张三 2 counted (done), 王五 2 (done), 李四 0 counted but 2 written (behind, not
"未报送"), 赵六 nothing at all (behind, 未报送). So one 委员 sent nothing, not two.
"""
import copy
import datetime as dt
from pathlib import Path

import docx
import yaml

import sqmy_lib as sq
from sqmy_lib.compute.circular import build_circular
from sqmy_lib.rules.model import Rules
from sqmy_lib.render.circular_docx import write_circular_docx
from conftest import assert_every_cell_accounted, sqmy, write_xlsx

HEADER = ["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
ROWS = [[1, dt.date(2025, 3, 1), "关于加强农村养老服务的建议", "张三、李四", "民革县委", ""],
        [2, dt.date(2025, 5, 1), "关于改善城区停车的建议", "张三、李四", "民革县委", "县政协编发第3期"],
        [3, dt.date(2025, 6, 1), "关于河道治理的建议", "王五", "民盟县委", ""],
        [4, dt.date(2025, 9, 1), "关于校园安全的建议", "王五", "民盟县委", ""]]


def _rules(each: bool) -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["quotas"]["coauthored_counts_each"] = each
    return Rules(data=data, source="<测试>")


def _office(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "台账").mkdir(parents=True)
    ledger = write_xlsx(tmp_path / "台账" / "报送台账.xlsx", {"2025年": [["东山县政协2025年社情民意信息报送台账"], HEADER, *ROWS]})
    roster = write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位", "界别"], ["张三", "委员", "民革县委", "民革"], ["李四", "委员", "民革县委", "民革"],
                 ["王五", "委员", "民盟县委", "民盟"], ["赵六", "委员", "民盟县委", "民盟"]],
        "单位": [["单位", "单位类型"], ["民革县委", "民主党派"], ["民盟县委", "民主党派"]]})
    return ledger, roster


def _people(tmp_path: Path, each: bool):
    ledger, roster = _office(tmp_path)
    read, _ = assert_every_cell_accounted(ledger, rules=_rules(each), year=2025, roster=roster)
    return sq.people(read, 2025, rules=_rules(each)).set_index("name")


def test_a_co_writer_counted_for_nothing_is_told_what_they_wrote(tmp_path):
    ppl = _people(tmp_path, each=False)
    assert ppl.loc["李四", "submitted"] == 0 and ppl.loc["李四", "credited_elsewhere"] == 2
    assert ppl.loc["李四", "behind"]
    assert "未报送" not in ppl.loc["李四", "shortfall"]
    assert ppl.loc["李四", "shortfall"] == "任务2条，计入本人0条，联名信息2条计入执笔人或第一作者"
    assert ppl.loc["赵六", "shortfall"] == "任务2条，未报送"  # wrote nothing at all
    assert ppl.loc["张三", "submitted"] == 2 and ppl.loc["张三", "credited_elsewhere"] == 0
    # Counted for every author, the table is as it always was: no such column.
    assert "credited_elsewhere" not in _people(tmp_path / "each", each=True)


def test_the_circular_counts_only_those_who_wrote_nothing_as_silent(tmp_path):
    ledger, roster = _office(tmp_path)
    rules = _rules(False)
    read, _ = assert_every_cell_accounted(ledger, rules=rules, year=2025, roster=roster)
    circ = build_circular(read, 2025, 4, rules=rules, today=dt.date(2026, 1, 8))
    path = write_circular_docx(circ, tmp_path / "通报.docx", date=dt.date(2026, 1, 8))
    text = "".join(p.text for p in docx.Document(str(path)).paragraphs)
    # 李四 and 赵六 are behind; only 赵六 sent nothing (by hand, above).
    assert "其中1人全年未报送信息" in text, text
    assert "其中2人" not in text


def test_the_co_writers_letter_lists_the_items_and_never_says_none_was_sent(tmp_path):
    ledger, roster = _office(tmp_path)
    rules_file = tmp_path / "规则.yaml"
    data = copy.deepcopy(sq.load_rules(year=2025).data)
    data["quotas"]["coauthored_counts_each"] = False
    rules_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "反馈"
    ran = sqmy("feedback", str(ledger), "--year", "2025", "--roster", str(roster), "--rules", str(rules_file),
               "--out", str(out))
    assert ran.returncode in (0, 3), ran.stderr
    letter = next(out.rglob("*李四*.docx"))
    doc = docx.Document(str(letter))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "未报送社情民意信息" not in text and "未报送" not in text
    assert "与他人联名报送社情民意信息2条，均未计入本人" in text
    assert "关于加强农村养老服务的建议" in cells and "关于改善城区停车的建议" in cells
    assert "15.00" in cells  # his share of the 30.00 paid for item 2
