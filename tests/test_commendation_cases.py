"""The commendation's lists as a secretary reads them (a probe by the clerk of 临川县政协): items sent
outside a person's time in post are counted for L88's condition and said in the 评选依据, with the
离任日期 the roster gives; confirming the candidates tied across a limit, exactly as suggested, is
accepted and said (more than the tie is still refused); the draft decision says the tie to the
主席会议; and the lists number their candidates as the candidates workbook does.

Every figure below is worked out by hand from the rows written here."""
from __future__ import annotations

import copy
from decimal import Decimal

import docx
import openpyxl
import pytest

import sqmy_lib as sq
from sqmy_lib.compute.commendation import ConfirmationError, build_commendation
from sqmy_lib.read.confirmed import read_confirmed
from sqmy_lib.render.commendation import write_commendation_outputs
from sqmy_lib.render.commendation_xlsx import write_candidates_xlsx, write_commendation_xlsx
from sqmy_lib.rules import Rules, load_rules

from conftest import assert_every_cell_accounted, write_xlsx
from test_commendation import HEADER, ROSTER, ROWS, TIE_ROWS, _item, confirm_all

# 周杰, 信息员 from 2025-07-01: one item in March (adopted), then July, August, September (adopted)
# and October. 吴敏, 信息员 2024-01-01 to 2025-09-15: eight items, January to August and one in
# October after leaving; January, March and June adopted. 甲, a 委员 with no dates: five items,
# three adopted, all in post.
TERM_ROWS = [
    _item("Z3", "2025-03-18", "周杰", "东乡镇政协工委", county=True),
    *[_item(f"Z{m}", f"2025-{m:02d}-18", "周杰", "东乡镇政协工委", county=m < 10) for m in (7, 8, 9, 10)],
    *[_item(f"W{m}", f"2025-{m:02d}-22", "吴敏", "东乡镇政协工委", county=m in (1, 3, 6)) for m in (1, 2, 3, 5, 6, 7, 8, 10)],
    *[_item(f"J{k}", f"2025-0{k}-10", "甲", "民盟县委", county=k <= 3) for k in range(1, 6)],
]
TERM_PEOPLE = [["姓名", "身份", "单位", "聘任日期", "解聘日期"],
               ["周杰", "信息员", "东乡镇政协工委", "2025-07-01", None],
               ["吴敏", "信息员", "东乡镇政协工委", "2024-01-01", "2025-09-15"],
               ["甲", "委员", "民盟县委", None, None]]
TERM_UNITS = [["单位名称", "单位类型"], ["东乡镇政协工委", "镇街政协工委"], ["民盟县委", "民主党派"]]


def _rules(max_count=None, top_n=None, prizes=None) -> Rules:
    data = copy.deepcopy(load_rules(year=2025).data)
    data["commendations"]["advanced_units"] = {}  # no 任务 condition: these tests are about other things
    if max_count is not None:
        data["commendations"]["outstanding_informant"]["max_count"] = max_count
    if top_n is not None:
        data["peer_groups"]["镇街政协工委"]["top_n"] = top_n
    if prizes:
        data["commendations"]["prizes"] = prizes
    return Rules(data)


def _mark(path, sheet: str, marks: dict[str, str]) -> None:
    """确认 on one category sheet: 是/否 by name (or title) as given, 否 on every other row."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = next(r for r in range(1, 7) if "确认" in [c.value for c in ws[r]])
    labels = [c.value for c in ws[header]]
    for r in range(header + 1, ws.max_row + 1):
        name = next((ws.cell(r, c + 1).value for c, label in enumerate(labels) if label in ("姓名", "单位")), None)
        if ws.cell(r, 1).value not in (None, "无"):
            ws.cell(r, labels.index("确认") + 1, marks.get(name, "否"))
    wb.save(path)


def _sheet_rows(path, sheet: str) -> tuple[list, list[list]]:
    """The first table of a sheet: its header row (the one naming 名次 or 姓名) and the rows under it."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    top = next(k for k, row in enumerate(rows) if "名次" in row or "姓名" in row)
    return rows[top], [r for r in rows[top + 1:] if any(v is not None for v in r)]


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("terms")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *TERM_ROWS]})
    write_xlsx(tmp / "名册.xlsx", {"人员": TERM_PEOPLE, "单位": TERM_UNITS})
    return tmp


def test_items_sent_outside_the_time_in_post_count_for_the_condition_and_are_said(terms, tmp_path):
    """L88: "凡提供信息5条以上,采用3篇以上" counts every item provided in the year, and README: items sent
    outside the months in post are counted (not against the 任务) and the lists say so. 周杰 reaches
    5 only with his March item (before his appointment): said, with what he has without it (4, short
    of 5). 吴敏 left on 15 September and sent one more in October: said, her condition met without it."""
    ledger = sq.read_ledgers(terms / "台账.xlsx", roster=terms / "名册.xlsx")
    assert_every_cell_accounted(terms / "台账.xlsx", ledger)
    comm = build_commendation(ledger, 2025, _rules())
    basis = comm.basis.set_index("name")
    assert basis.loc[["周杰", "吴敏", "甲"], ["submitted", "adopted", "eligible"]].values.tolist() == [
        [5, 4, True], [8, 3, True], [5, 3, True]]
    assert basis["reason"].to_dict() == {
        "周杰": "报送5条、采用4条，符合参评条件；其中任职期外报送1条、采用1条（2025年7月1日聘任前），如不计入，报送4条，未达5条",
        "吴敏": "报送8条、采用3条，符合参评条件；2025年9月15日离任，其中任职期外报送1条（离任后）",
        "甲": "报送5条、采用3条，符合参评条件"}
    # The candidates sheet's 评选依据 says the same (积分: 周杰 5 + 4×3 = 17; 吴敏 8 + 3×3 = 17, fewer 采用).
    cand = comm.candidates["优秀信息员"].set_index("name")["basis_text"]
    assert cand["周杰"] == ("报送5条、采用4条，符合参评条件；其中任职期外报送1条、采用1条（2025年7月1日聘任前），"
                           "如不计入，报送4条，未达5条；积分17分")
    # The 评选依据 sheet has the roster's 离任日期 beside the 聘任日期.
    header, rows = _sheet_rows(write_commendation_xlsx(comm, tmp_path / "名单.xlsx"), "评选依据")
    assert header[:5] == ["姓名", "身份", "单位", "聘任日期", "离任日期"]
    left = {r[0]: r[4] for r in rows if r[0] in ("周杰", "吴敏", "甲")}
    assert [left["周杰"], left["吴敏"].date().isoformat(), left["甲"]] == [None, "2025-09-15", None]
    # A roster that gives no one a 离任 day: no empty 离任日期 column; 吴敏 is then in post all year, her
    # October item inside it.
    write_xlsx(tmp_path / "名册.xlsx", {"人员": [r[:4] for r in TERM_PEOPLE], "单位": TERM_UNITS})
    comm = build_commendation(sq.read_ledgers(terms / "台账.xlsx", roster=tmp_path / "名册.xlsx"), 2025, _rules())
    header, _ = _sheet_rows(write_commendation_xlsx(comm, tmp_path / "名单2.xlsx"), "评选依据")
    assert "离任日期" not in header and "聘任日期" in header
    assert comm.basis.set_index("name").at["吴敏", "reason"] == "报送8条、采用3条，符合参评条件"


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ties")
    write_xlsx(tmp / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *ROWS]})
    write_xlsx(tmp / "名册.xlsx", ROSTER)
    return tmp


def test_confirming_the_tie_across_the_limit_as_suggested_is_accepted_and_said(year, tmp_path):
    """One 优秀信息员 (max_count 1): 丙 and 甲 tie for first (41 points each, test_commendation), both
    suggested. Confirming exactly them is the decider's choice the 说明 leaves to it: accepted, said
    on stderr (notes) and under the 奖励发放表 (500.00 each, 1000.00 for two). More than the tie is not."""
    rules = _rules(max_count=1, prizes={"优秀信息员": "500.00"})
    ledger = sq.read_ledgers(year / "台账.xlsx", roster=year / "名册.xlsx")
    draft = build_commendation(ledger, 2025, rules)
    assert list(draft.informants["name"]) == ["丙", "甲"]
    path = write_candidates_xlsx(draft, tmp_path / "候选名单.xlsx")
    confirm_all(path)
    final = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    assert list(final.informants[["place", "name"]].itertuples(index=False, name=None)) == [(1, "丙"), (1, "甲")]
    assert "优秀信息员：丙、甲并列第1名，均已确认表彰，共2名，因并列超过规则规定的1名。" in final.notes
    assert final.payout_notes == [
        "优秀信息员：丙、甲并列第1名，均已确认表彰，计2名的表彰奖金共1000.00元（每名500.00元），超过规则规定的1名。"]
    assert final.prize_total == Decimal("1000.00")
    # The tie lets 丙 and 甲 go over the limit of 1 together; 乙 (third) beside them, or in place of 丙,
    # is more than the limit and no tie: refused as before.
    for names in (("丙", "甲", "乙"), ("甲", "乙")):
        _mark(path, "优秀信息员", dict.fromkeys(names, "是"))
        with pytest.raises(ConfirmationError) as err:
            build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
        assert f"候选名单.xlsx!优秀信息员:确认了{len(names)}名,超过规则规定的1名" in err.value.problems


def test_the_draft_decision_tells_the_decider_of_a_tie_across_the_limit(tmp_path):
    """TIE_ROWS: 城关镇 and 东城街道 tie for first among the 镇街 (5 points each), one place (top_n 1):
    the draft decision's 附件1 lists both, and says so under the list for the 主席会议; the decision
    made from the confirmed list carries no such note."""
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *TIE_ROWS]})
    write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["甲", "委员", "城关镇政协工委"], ["乙", "委员", "东城街道政协工委"],
                 ["丙", "委员", "河口镇政协工委"]],
        "单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"], ["东城街道政协工委", "镇街政协工委"],
                 ["河口镇政协工委", "镇街政协工委"]]})
    rules = _rules(top_n=1)
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx")
    draft = build_commendation(ledger, 2025, rules)
    outputs = write_commendation_outputs(draft, tmp_path / "草稿", rules)
    texts = [p.text for p in docx.Document(str(outputs["docx"])).paragraphs]
    assert "镇街政协工委：东城街道政协工委、城关镇政协工委" in texts
    note = ("注：镇街政协工委中，东城街道政协工委、城关镇政协工委并列第1名，均列入建议名单，共2个，"
            "超过规定名额（1个），请县政协主席会议研究确定。")
    assert texts[texts.index("镇街政协工委：东城街道政协工委、城关镇政协工委") + 1] == note
    confirm_all(outputs["candidates"])
    final = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(outputs["candidates"]))
    issued = write_commendation_outputs(final, tmp_path / "确认", rules)
    assert not any(p.text.startswith("注：") for p in docx.Document(str(issued["docx"])).paragraphs)


def test_the_lists_number_their_candidates_as_the_candidates_workbook(tmp_path):
    """TIE_ROWS, top_n 1: the decider commends 河口镇 (third, 1 point) instead of the tied two. The
    lists give it its 名次 3, as the candidates workbook and its 评选依据 (镇街政协工委第3名) do, not 1."""
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *TIE_ROWS]})
    write_xlsx(tmp_path / "名册.xlsx", {"单位": [["单位名称", "单位类型"], ["城关镇政协工委", "镇街政协工委"],
                                                ["东城街道政协工委", "镇街政协工委"], ["河口镇政协工委", "镇街政协工委"]]})
    rules = _rules(top_n=1)
    ledger = sq.read_ledgers(tmp_path / "台账.xlsx", roster=tmp_path / "名册.xlsx")
    path = write_candidates_xlsx(build_commendation(ledger, 2025, rules), tmp_path / "候选名单.xlsx")
    confirm_all(path)
    _mark(path, "先进集体", {"河口镇政协工委": "是"})
    header, rows = _sheet_rows(path, "先进集体")
    assert [(r[header.index("名次")], r[header.index("单位")]) for r in rows] == [
        (1, "东城街道政协工委"), (1, "城关镇政协工委"), (3, "河口镇政协工委")]
    final = build_commendation(ledger, 2025, rules, confirmed=read_confirmed(path))
    header, rows = _sheet_rows(write_commendation_xlsx(final, tmp_path / "名单.xlsx"), "先进集体")
    assert [(r[header.index("名次")], r[header.index("单位")]) for r in rows] == [(3, "河口镇政协工委")]


def test_items_parted_by_the_limit_on_registration_order_alone_are_said(tmp_path):
    """十佳信息, two places (top_items 2): 丙's item of 1 February first (县级, adopted once, earliest);
    甲's and 乙's of 1 March equal on every key (县级, no 批示, adopted once, same day), 甲's registered
    first: 第2名 suggested, 乙's 第3名 备选. Said on both rows and in the 说明, as ties of people and units are."""
    rows = [_item("A1", "2025-03-01", "甲", "民盟县委", county=True), _item("B1", "2025-03-01", "乙", "民建县委", county=True),
            _item("C1", "2025-02-01", "丙", "民盟县委", county=True)]
    write_xlsx(tmp_path / "台账.xlsx", {"2025年": [["2025年度社情民意信息台账"], HEADER, *rows]})
    rules = _rules()
    rules.data["commendations"]["top_items"] = 2
    comm = build_commendation(sq.read_ledgers(tmp_path / "台账.xlsx"), 2025, rules)
    top = comm.candidates["十佳信息"]
    assert top[["place", "title", "suggested"]].values.tolist() == [
        [1, "关于C1的建议", True], [2, "关于A1的建议", True], [3, "关于B1的建议", False]]
    assert list(top["basis_text"]) == [
        "最高采用层级县级，领导批示0件，被采用1次",
        "最高采用层级县级，领导批示0件，被采用1次；与第3名各项排序条件均相同，按登记顺序排定",
        "最高采用层级县级，领导批示0件，被采用1次；与第2名各项排序条件均相同，按登记顺序排定"]
    assert comm.tie_notes == ["十佳信息：《关于A1的建议》《关于B1的建议》各项排序条件均相同，按登记顺序列第2、3名；"
                              "名额为2条，第3名列为备选，请研究确定。"]
