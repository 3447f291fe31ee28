"""Points and rankings as a city office keeps them (a probe by the clerk of 南江市政协, a 市级 office that
ranks its units and 委员 by 积分 and commends the best each year).

Its rules (set below as the clerk sets them in 规则.yaml): 1 point per item sent in; adopted by the
highest tier 县级 1, 市级 5, 省级 15, 全国 30; a 批示 by level 市级 10, 省级 20, 国家级 40 (the highest);
ranked in the peer group by points, then 采用条数, then 报送条数 (equal on all: the same place, 1, 1, 3);
优秀信息员 from 3 items sent and 2 adopted, at most 3.

1. A 采用台账 (or a combined ledger) whose 期号 says in words that the item was not taken (退稿, 未采用,
   暂不采用, 待定) records no adoption (domain.md §8: 退稿, 待定 are not adoptions), as the same words
   in the 采用单位 cell (市政协《社情民意》（退稿）) already read. It was counted — 采用, 稿酬 and 积分 — with
   only "期号无法识别,未读取" said, which reads as if the issue number alone were lost.
2. Without a roster, two 委员 of one name in two units (张伟 of 民盟南江市委, 张伟 of 九三学社南江市委) are
   one person (README: "one name under two units counted as one person"), said by compute people and
   the circular but not by the commendation, where the merged figures made "张伟" a suggested
   优秀信息员 that neither of them is. The 评选依据 now says it.
3. The 计分办法 (rules show, the circular's appendix) now says whose a co-written item's points are.
4. A 备注 of the item saying 退稿 or 待定 against the 采用台账 that records its adoption is said at the 备注.

Every figure below is worked out by hand from the rows written here."""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import sqmy_lib as sq
from sqmy_lib.compute.commendation import build_commendation
from sqmy_lib.rules import Rules, load_rules
from sqmy_lib.rules.show import rules_text

from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

D = dt.date
TODAY = D(2027, 1, 10)
MENG, JIN, JIUSAN, JIAN = "民盟南江市委", "民进南江市委", "九三学社南江市委", "民建南江市委"


def _rules() -> Rules:
    data = copy.deepcopy(load_rules(year=2026).data)
    data["office"].update(name="南江市政协", full_name="政协南江市委员会", own_tier="市级", place="南江市",
                          city=None, province="东川省")
    data["points"].update(per_submission=1, adoption_by_tier={"县级": 1, "市级": 5, "省级": 15, "全国": 30},
                          instruction_by_level={"县级": 0, "市级": 10, "省级": 20, "国家级": 40})
    data["commendations"]["outstanding_informant"] = {"min_submitted": 3, "min_adopted": 2, "max_count": 3}
    data["commendations"]["advanced_units"] = {}
    data["peer_groups"]["民主党派"] = {"top_n": 2}
    return Rules(data=data, source="<南江市政协规则>")


ROSTER = {"人员": [["姓名", "身份", "单位"], ["张伟", "委员", MENG], ["李娜", "委员", MENG], ["孙丽", "委员", JIN],
                   ["周强", "委员", JIN], ["郑华", "委员", JIUSAN], ["陈刚", "委员", JIAN]],
          "单位": [["单位名称", "单位类型"], [MENG, "民主党派"], [JIN, "民主党派"], [JIUSAN, "民主党派"], [JIAN, "民主党派"]]}

SENT_HEADER = ["序号", "编号", "报送日期", "信息标题", "作者", "报送单位", "备注"]
SENT = [
    [1, "A01", D(2026, 1, 10), "关于优化城区公交线路的建议", "张伟", MENG, None],
    [2, "A02", D(2026, 2, 15), "关于发展夜间经济的建议", "李娜", MENG, None],
    [3, "B01", D(2026, 1, 12), "关于加强中小学心理健康教育的建议", "孙丽", JIN, None],
    [4, "B02", D(2026, 3, 1), "关于解决城区停车难的建议", "周强", JIN, None],
    [5, "C01", D(2026, 2, 2), "关于保护古树名木的建议", "郑华", JIUSAN, None],
    [6, "J01", D(2026, 2, 20), "关于缓解企业融资难的建议", "陈刚", JIAN, None],
    [7, "J02", D(2026, 3, 3), "关于完善物流园区配套的建议", "陈刚", JIAN, None],
]
ADOPTED_HEADER = ["编号", "信息标题", "采用单位", "期号", "采用日期"]
ADOPTED = [
    ["A01", "关于优化城区公交线路的建议", "省政协《社情民意》", "第3期", D(2026, 2, 20)],
    ["A02", "关于发展夜间经济的建议", "市政协《社情民意》", "退稿", D(2026, 3, 1)],             # row 4: not adopted
    ["B01", "关于加强中小学心理健康教育的建议", "省政协《社情民意》", "第5期", D(2026, 3, 15)],
    ["B02", "关于解决城区停车难的建议", "市政协《社情民意》", "第9期", D(2026, 3, 20)],
    ["C01", "关于保护古树名木的建议", "全国政协《社情民意信息》", "/", D(2026, 3, 10)],       # row 7: no 期号, adopted
    ["J01", "关于缓解企业融资难的建议", "市政协《社情民意》", "暂不采用", D(2026, 3, 25)],      # row 8: not adopted
    ["J02", "关于完善物流园区配套的建议", "市政协《社情民意》", "未采用", D(2026, 3, 30)],      # row 9: not adopted
]


def _office(tmp_path, roster: bool = True):
    led = tmp_path / "台账"
    led.mkdir()
    write_xlsx(led / "2026年报送台账.xlsx", {"2026年": [["南江市政协2026年社情民意信息报送登记表"], SENT_HEADER, *SENT]})
    write_xlsx(led / "2026年采用台账.xlsx", {"采用登记": [["南江市政协2026年社情民意信息采用登记表"], ADOPTED_HEADER, *ADOPTED]})
    if roster:
        write_xlsx(tmp_path / "名册.xlsx", ROSTER)
    return led


def test_an_issue_cell_saying_not_adopted_takes_the_adoption_back(tmp_path):
    """期号 退稿 / 暂不采用 / 未采用 beside 市政协《社情民意》 in the 采用台账: no adoption, said at the
    采用单位 cell; 期号 "/" beside 全国政协 (which numbers none) is no number, the adoption counted.

    By hand (2026, 民主党派):
      民盟: A01, A02 sent (2) + A01 省级 15 (A02 退稿: 0)            = 17, adopted 1
      民进: B01, B02 sent (2) + B01 省级 15 + B02 市级 5              = 22, adopted 2
      九三: C01 sent (1) + C01 全国 30                                = 31, adopted 1
      民建: J01, J02 sent (2) (暂不采用, 未采用: 0)                    =  2, adopted 0
    Places: 九三 1, 民进 2, 民盟 3, 民建 4. The base code counted A02 (市级 5), J01 and J02 (5 each):
    民盟 22 with 2 adopted, tied with 民进 on every key (并列第2名), 民建 12 with 2 adopted.
    稿酬 (by tier 市级 100, 省级 200, 全国 300): 李娜 nothing (A02), 陈刚 nothing (J01, J02)."""
    led = _office(tmp_path)
    rules = _rules()
    ledger, report = assert_every_cell_accounted(led, rules=rules, roster=tmp_path / "名册.xlsx")
    units = sq.units(ledger, 2026, rules=rules, today=TODAY).set_index("unit")
    assert units.loc[[JIUSAN, JIN, MENG, JIAN], ["points", "adopted", "submitted", "rank_text"]].values.tolist() == [
        [31, 1, 1, "第1名"], [22, 2, 2, "第2名"], [17, 1, 2, "第3名"], [2, 0, 2, "第4名"]]
    money = paid(ledger, 2026)
    assert "李娜" not in money and "陈刚" not in money
    assert money["周强"] == Decimal("100.00") and money["郑华"] == Decimal("300.00")
    said = [(i.code, i.row, i.column) for i in findings(report, "issue.not_adopted")]
    assert said == [("issue.not_adopted", 4, "C"), ("issue.not_adopted", 8, "C"), ("issue.not_adopted", 9, "C")]
    assert "“退稿”" in findings(report, "issue.not_adopted")[0].message
    assert "未计入采用条数、稿酬和积分" in findings(report, "issue.not_adopted")[0].message
    # The 采用日期 of a row that records no adoption is said, not read; "/" is no issue number, as before.
    assert sorted(i.row for i in findings(report, "cell.orphan")) == [4, 8, 9]
    assert [(i.row, i.column) for i in findings(report, "issue.unknown")] == [(7, "D")]
    # The commendation's 先进集体 (民主党派 at most 2): 九三 and 民进, not 民盟 (the base code: 九三,
    # then 民盟 and 民进 tied for second, all three suggested).
    comm = build_commendation(ledger, 2026, rules, today=TODAY)
    cand = comm.candidates["先进集体"]
    assert cand.loc[cand["suggested"].astype(bool), "unit"].tolist() == [JIUSAN, JIN]


def test_an_issue_cell_saying_not_adopted_in_a_combined_ledger(tmp_path):
    """A combined ledger (采用情况 over 市政协 | 省政协, then 期号): √ under 市政协 with 期号 退稿 is not
    adopted; √ under both with 期号 待定 — which of the two is 待定 the row does not say — is counted
    as written and said at the 期号.

    By hand: 甲 (民盟) sent 1, 市政协 √ + 期号 第3期: 1 + 5 = 6; 乙 (民进) sent 1, √ + 退稿: 1;
    丙 (九三) sent 1, 市政协 √ + 省政协 √ + 待定: 1 + 15 (highest) = 16."""
    header1 = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况", None, "期号"]
    header2 = [None, None, None, None, None, "市政协", "省政协", None]
    rows = [[1, D(2026, 1, 5), "关于甲的建议", "张伟", MENG, "√", None, "第3期"],
            [2, D(2026, 2, 5), "关于乙的建议", "孙丽", JIN, "√", None, "退稿"],
            [3, D(2026, 3, 5), "关于丙的建议", "郑华", JIUSAN, "√", "√", "待定"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": [["南江市政协2026年社情民意信息登记表"], header1, header2, *rows]},
                      merges={"2026年": ["F2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "H2:H3"]})
    rules = _rules()
    ledger, report = assert_every_cell_accounted(path, rules=rules)
    units = sq.units(ledger, 2026, rules=rules, today=TODAY).set_index("unit")
    assert units.loc[[JIUSAN, MENG, JIN], ["points", "adopted", "rank_text"]].values.tolist() == [
        [16, 1, "第1名"], [6, 1, "第2名"], [1, 0, "第3名"]]
    [gone] = findings(report, "issue.not_adopted")
    assert (gone.row, gone.column) == (5, "F") and gone.message.startswith("本行市政协的采用,期号栏写的是“退稿”")
    which = findings(report, "issue.not_adopted_which")
    assert [(i.row, i.column) for i in which] == [(6, "H")] and "市政协、省政协" in which[0].message


def test_one_name_in_two_units_is_said_in_the_commendation(tmp_path):
    """No roster: 张伟 sends A01 (民盟, 省级) and, with another 张伟 of 九三学社, C01 and C02 are written
    under 九三学社南江市委 (C01 市级, C02 市级). Counted as one person (README), 张伟 has 3 sent and 3
    adopted: a 优秀信息员 candidate (3 and 2 needed), scored 3 + 15 + 5 + 5 = 28 — and neither 张伟
    alone would be (2 sent, or 1). The 评选依据 says the items are under two units and how to tell the
    two apart. With a roster that lists both, they are two people and nothing is said."""
    led = tmp_path / "台账"
    led.mkdir()
    sent = [[1, "A01", D(2026, 1, 10), "关于甲的建议", "张伟", MENG, None],
            [2, "C01", D(2026, 2, 10), "关于乙的建议", "张伟", JIUSAN, None],
            [3, "C02", D(2026, 3, 10), "关于丙的建议", "张伟", JIUSAN, None]]
    adopted = [["A01", "关于甲的建议", "省政协《社情民意》", "第3期", D(2026, 2, 1)],
               ["C01", "关于乙的建议", "市政协《社情民意》", "第7期", D(2026, 3, 1)],
               ["C02", "关于丙的建议", "市政协《社情民意》", "第9期", D(2026, 4, 1)]]
    write_xlsx(led / "报送台账.xlsx", {"2026年": [["南江市政协2026年社情民意信息报送登记表"], SENT_HEADER, *sent]})
    write_xlsx(led / "采用台账.xlsx", {"采用登记": [["南江市政协2026年社情民意信息采用登记表"], ADOPTED_HEADER, *adopted]})
    rules = _rules()
    ledger, _ = assert_every_cell_accounted(led, rules=rules)
    comm = build_commendation(ledger, 2026, rules, today=TODAY)
    cand = comm.candidates["优秀信息员"].set_index("name")
    assert cand.loc["张伟", ["submitted", "adopted", "score"]].tolist() == [3, 3, 28]
    assert cand.at["张伟", "basis_text"] == (
        "报送3条、采用3条，符合参评条件；所报信息分属民盟南江市委1条、九三学社南江市委2条，已按同一人统计；"
        "如系同名的两人，请将二人分别列入名册（写明各自的单位）后重新生成；积分28分")
    # The roster lists the two: 张伟(民盟南江市委) 1 sent, 张伟(九三学社南江市委) 2 sent — no candidate, nothing said.
    write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张伟", "委员", MENG], ["张伟", "委员", JIUSAN]],
                                       "单位": ROSTER["单位"]})
    ledger = sq.read_ledgers(led, rules=rules, roster=tmp_path / "名册.xlsx")
    comm = build_commendation(ledger, 2026, rules, today=TODAY)
    assert comm.candidates["优秀信息员"].empty
    basis = comm.basis.set_index("name")
    assert basis.loc[["张伟(民盟南江市委)", "张伟(九三学社南江市委)"], "submitted"].tolist() == [1, 2]
    assert not basis["reason"].str.contains("分属").any()


def test_rules_show_says_whose_a_co_written_items_points_are(tmp_path):
    """3. The 计分办法 (sqmy rules show, the circular's 统计口径和计分办法) said how an item scores but not
    whose its points are when several wrote it — while the 稿酬 section says the money is shared. The
    commendation gives each author the item's whole points: B01 by 陈刚、刘洋、赵敏, taken up by 全国政协,
    is 1 + 30 = 31 for each of them (赵敏 has nothing else: 31; not 31 / 3). With
    coauthored_counts_each: false only its first author (陈刚) scores it."""
    led = tmp_path / "台账"
    led.mkdir()
    sent = [[1, "B01", D(2026, 1, 12), "关于推进中小企业数字化转型的建议", "陈刚、刘洋、赵敏", JIAN, None]]
    adopted = [["B01", "关于推进中小企业数字化转型的建议", "全国政协《社情民意信息》", "第5期", D(2026, 6, 1)]]
    write_xlsx(led / "报送台账.xlsx", {"2026年": [["南江市政协2026年社情民意信息报送登记表"], SENT_HEADER, *sent]})
    write_xlsx(led / "采用台账.xlsx", {"采用登记": [["南江市政协2026年社情民意信息采用登记表"], ADOPTED_HEADER, *adopted]})
    rules = _rules()
    ledger, _ = assert_every_cell_accounted(led, rules=rules)
    basis = build_commendation(ledger, 2026, rules, today=TODAY).basis.set_index("name")
    assert basis.loc[["陈刚", "刘洋", "赵敏"], "score"].tolist() == [31, 31, 31]
    assert sq.units(ledger, 2026, rules=rules, today=TODAY).set_index("unit").at[JIAN, "points"] == 31
    shown = rules_text(rules)
    assert "联名报送的信息,每位署名作者的个人积分均计该条信息的全部分数(不分摊);单位积分按信息的报送单位计算,以单位名义报送的计入该单位。" in shown
    data = copy.deepcopy(rules.data)
    data["quotas"]["coauthored_counts_each"] = False
    first_only = Rules(data=data, source="<南江市政协规则>")
    basis = build_commendation(sq.read_ledgers(led, rules=first_only), 2026, first_only, today=TODAY).basis.set_index("name")
    assert basis["score"].to_dict() == {"陈刚": 31}  # no roster: the others are no one it counts for
    assert "联名报送的信息,只计入第一作者(注明“执笔、执笔人、主笔”的作者优先)的个人积分;" in rules_text(first_only)


def test_a_note_saying_not_adopted_against_the_adoption_book_is_said(tmp_path):
    """4. The 报送台账's 备注 says 退稿 (or 待定) while the 采用台账 records the item's adoption: one of the two is
    wrong, and the 采用, 稿酬 and 积分 hang on which. Beside an adoption on its own row the 备注 is said
    (adoption.note_denies); against a 采用台账 row it was not, and the adoption was counted in silence.
    Now it is counted as recorded (the book is the record) and said at the 备注.

    By hand (民主党派): 民盟 A01 (备注 退稿; 采用台账: 省政协 第3期) 1 + 15 = 16, A02 (备注 待定, 采用台账
    市政协 第9期) 1 + 5 = 6: 22; 民进 B01 (备注 以党派名义报送, nothing against) 1 + 15 = 16; 九三 C01
    (备注 退稿, no adoption recorded: nothing to say) 1."""
    led = tmp_path / "台账"
    led.mkdir()
    sent = [[1, "A01", D(2026, 1, 10), "关于甲的建议", "张伟", MENG, "退稿"],
            [2, "A02", D(2026, 2, 10), "关于乙的建议", "李娜", MENG, "待定"],
            [3, "B01", D(2026, 3, 10), "关于丙的建议", JIN, JIN, "以党派名义报送"],
            [4, "C01", D(2026, 3, 12), "关于丁的建议", "郑华", JIUSAN, "退稿"]]
    adopted = [["A01", "关于甲的建议", "省政协《社情民意》", "第3期", D(2026, 2, 1)],
               ["A02", "关于乙的建议", "市政协《社情民意》", "第9期", D(2026, 3, 1)],
               ["B01", "关于丙的建议", "省政协《社情民意》", "第5期", D(2026, 4, 1)]]
    write_xlsx(led / "报送台账.xlsx", {"2026年": [["南江市政协2026年社情民意信息报送登记表"], SENT_HEADER, *sent]})
    write_xlsx(led / "采用台账.xlsx", {"采用登记": [["南江市政协2026年社情民意信息采用登记表"], ADOPTED_HEADER, *adopted]})
    rules = _rules()
    ledger, report = assert_every_cell_accounted(led, rules=rules)
    units = sq.units(ledger, 2026, rules=rules, today=TODAY).set_index("unit")
    assert units.loc[[MENG, JIN, JIUSAN], ["points", "rank_text"]].values.tolist() == [[22, "第1名"], [16, "第2名"], [1, "第3名"]]
    said = findings(report, "adoption.note_against_record")
    assert [(i.file.split("/")[-1], i.row, i.column) for i in said] == [("报送台账.xlsx", 3, "G"), ("报送台账.xlsx", 4, "G")]
    assert said[0].message.startswith("备注“退稿”说未采用,但采用台账.xlsx!采用登记!第3行记有该信息的采用,已按采用计入")
    assert said[1].message.startswith("备注“待定”说尚未确定采用,但采用台账.xlsx!采用登记!第4行记有该信息的采用")
