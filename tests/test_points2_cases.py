"""A city office that ranks by points over a year (江州市政协, own tier 市级), keeping its own 积分 column
and writing deductions (扣分) in its 备注. Worked out by hand at the shipped points (1 a submission;
adoption by highest tier 县级 3, 市级 10, 省级 20, 全国 30; a 批示 by leader level 市级 +10, 省级 +20,
国家级 +30, the highest only; a co-written item's whole points for each author).

Found: a hand-kept 积分 column was only said as a column read past (a wrong 15 for an item worth 21
passed without a word); deductions written in the 备注 (不实信息，扣5分) or a 扣分 column passed silently
while the tool's points and ranks took nothing off; ``sqmy compute people`` had no points.
"""
from __future__ import annotations

import datetime as dt
import json

import sqmy_lib as sq

from conftest import findings, sqmy, write_xlsx

D = dt.date


def _city_rules() -> str:
    """The shipped rules of 2026 with the office a city's (江州市政协, own tier 市级), as staff fill in 规则.yaml."""
    from sqmy_lib.rules.model import default_rules_path

    text = default_rules_path(2026)[0].read_text(encoding="utf-8")
    for old, new in (("name: 示例县政协", "name: 江州市政协"), ("full_name: 政协示例县委员会", "full_name: 政协江州市委员会"),
                     ("own_tier: 县级", "own_tier: 市级"), ("place: 示例县", "place: 江州市"), ("city: 示例市", 'city: ""'),
                     ("province: 示例省", "province: 江南省")):
        assert old in text
        text = text.replace(old, new, 1)
    return text


HEADER = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况", "领导批示", "积分", "备注"]

# By hand, each row's points: 1 for being sent + its highest tier + its 批示 (市政协 is the office's own: 市级).
#   row 3  张三 民盟市委  市政协《社情民意》第3期采用            1 + 10           = 11; writes 11      agrees
#   row 4  李四 民进市委  省政协采用                              1 + 20           = 21; writes 21分    agrees
#   row 5  王五 民盟市委  市政协采用 + 副市长周某某批示(市级)     1 + 10 + 10      = 21; writes 15      differs (15 against 21)
#   row 6  赵六、钱七 九三学社市委 全国政协采用                   1 + 30           = 31; writes 31      agrees
#   row 7  孙八 民进市委  not adopted                            1                = 1;  writes 1       agrees; 备注 不实信息，扣5分: said
#   row 8  张三 民盟市委  not adopted                            1                = 1;  writes 待定    unread, said; 备注 退稿扣2分: said
#   row 9  李四 民进市委  市政协采用                              1 + 10           = 11; writes 十一分  agrees
#   row 10 周九 九三学社市委 省政协采用 + 省长批示(省级)            1 + 20 + 20      = 41; writes 31      differs (31 against 41)
ROWS = [
    [1, D(2026, 1, 8), "关于老旧小区加装电梯的建议", "张三", "民盟市委", "市政协《社情民意》第3期采用", None, 11, None],
    [2, D(2026, 2, 10), "关于农村饮水安全的建议", "李四", "民进市委", "省政协采用（2026.3.5）", None, "21分", None],
    [3, D(2026, 3, 2), "关于校外培训的建议", "王五", "民盟市委", "市政协采用", "副市长周某某批示（2026.4.2）", 15, None],
    [4, D(2026, 4, 12), "关于电动车充电的建议", "赵六、钱七", "九三学社市委", "全国政协采用（2026.5.20）", None, "31", None],
    [5, D(2026, 5, 6), "关于养老服务的建议", "孙八", "民进市委", None, None, 1, "不实信息，扣5分"],
    [6, D(2026, 6, 6), "关于停车难的建议", "张三", "民盟市委", None, None, "待定", "退稿扣2分"],
    [7, D(2026, 7, 6), "关于物业管理的建议", "李四", "民进市委", "市政协采用", None, "十一分", None],
    [8, D(2026, 9, 1), "关于冬季供暖的建议", "周九", "九三学社市委", "省政协采用（2026.10.8）", "省长王某某批示（2026.11.2）", 31, None],
]


def _office(tmp_path, rows=ROWS, header=HEADER):
    (tmp_path / "台账").mkdir()
    write_xlsx(tmp_path / "台账" / "2026年台账.xlsx",
               {"2026年": [["江州市政协2026年社情民意信息报送采用及积分登记表"], header, *rows]})
    (tmp_path / "规则.yaml").write_text(_city_rules(), encoding="utf-8")
    return tmp_path


def _ledger(tmp_path):
    folder = _office(tmp_path)
    return sq.read_ledgers(folder / "台账", year=2026, rules=sq.load_rules(folder / "规则.yaml"))


def test_a_hand_kept_points_column_is_checked_at_its_cell(tmp_path):
    report = sq.validate(_ledger(tmp_path))
    differs = findings(report, "points.written_differs")
    assert [f"{i.column}{i.row}" for i in differs] == ["H5", "H10"]
    assert "即15分,按规则本条信息计21分" in differs[0].message
    assert "即31分,按规则本条信息计41分" in differs[1].message
    unread = findings(report, "points.written_unread")
    assert [f"{i.column}{i.row}" for i in unread] == ["H8"] and "“待定”" in unread[0].message


def test_deductions_written_are_said_at_their_cell(tmp_path):
    said = findings(sq.validate(_ledger(tmp_path)), "cell.deduction_unapplied")
    assert [(f"{i.column}{i.row}", i.severity) for i in said] == [("I7", "warning"), ("I8", "warning")]
    assert "不实信息，扣5分" in said[0].message and "未扣减" in said[0].message


def test_a_deduction_column_is_said_cell_by_cell(tmp_path):
    # A 扣分 column beside 得分: its 5 and -2 are said at their cells (not a whole column "无法识别"); its 0 is no deduction.
    header = ["序号", "报送日期", "信息标题", "作者", "报送单位", "采用情况", "得分", "扣分", "备注"]
    rows = [[1, D(2026, 1, 8), "关于甲的建议", "张三", "民盟市委", "市政协采用", 11, 0, None],
            [2, D(2026, 1, 9), "关于乙的建议", "李四", "民盟市委", None, 1, 5, "不实信息"],
            [3, D(2026, 1, 10), "关于丙的建议", "王五", "民盟市委", None, 1, "-2", None],
            [4, D(2026, 1, 11), "关于丁的建议", "赵六", "民盟市委", None, 0, None, None]]
    folder = _office(tmp_path, rows, header)
    report = sq.validate(sq.read_ledgers(folder / "台账", year=2026, rules=sq.load_rules(folder / "规则.yaml")))
    assert [f"{i.column}{i.row}" for i in findings(report, "cell.deduction_unapplied")] == ["H4", "H5"]
    assert findings(report, "header.unknown") == []
    # 11 and 1 as the rules give; 0 for an item sent (1 point): differs, said, not read as "nothing written".
    said = findings(report, "points.written_differs")
    assert [f"{i.column}{i.row}" for i in said] == ["G6"] and "即0分,按规则本条信息计1分" in said[0].message


def test_people_have_their_points_and_units_rank_by_theirs(tmp_path):
    # By hand, people's year (each author the item's whole points):
    #   李四 21 + 11 = 32; 张三 11 + 1 = 12; 王五 21; 赵六 31; 钱七 31; 孙八 1; 周九 41.
    # Units: 民盟市委 11 + 21 + 1 = 33; 民进市委 21 + 1 + 11 = 33; 九三学社市委 31 + 41 = 72 (one item of 赵六、钱七, once).
    # Ranked by points, then 采用条数: 九三 72 第1名; 民盟 and 民进 33, 采用 2 each, 报送 3 each: 并列第2名.
    folder = _office(tmp_path)
    ran = sqmy("compute", "people", folder, "--year", "2026", "--format", "json")
    assert "Traceback" not in ran.stderr
    points = {r["name"]: r["points"] for r in json.loads(ran.stdout)}
    assert points == {"李四": 32, "张三": 12, "王五": 21, "赵六": 31, "钱七": 31, "孙八": 1, "周九": 41}
    ran = sqmy("compute", "units", folder, "--year", "2026", "--format", "json")
    units = {r["unit"]: (r["points"], r["rank_text"]) for r in json.loads(ran.stdout)}
    assert units == {"九三学社市委": (72, "第1名"), "民盟市委": (33, "并列第2名"), "民进市委": (33, "并列第2名")}
    # A quarter: Q4 gains 周九's item only (sent 9.1 in Q3: 1 in Q3; adopted 10.8 and 批示 11.2: 40 in Q4).
    ran = sqmy("compute", "people", folder, "--year", "2026", "--quarter", "4", "--format", "json")
    assert {r["name"]: r["points"] for r in json.loads(ran.stdout)}["周九"] == 40


def test_the_people_table_heads_points(tmp_path):
    folder = _office(tmp_path)
    ran = sqmy("compute", "people", folder, "--year", "2026", "--format", "csv")
    assert "积分" in ran.stdout.splitlines()[0]


def test_which_notes_take_points_off(tmp_path):
    # 备注 in column I: 减半计分 and 积分减半 take points off (said); 稿酬减半 is money, 部分减免 no score,
    # 扣除稿酬 money: none said.
    notes = ["减半计分", "积分减半", "稿酬减半", "涉及部分减免政策", "扣除稿酬"]
    rows = [[k, D(2026, 3, k), f"关于第{k}件事的建议", "张三", "民盟市委", None, None, None, note] for k, note in enumerate(notes, 1)]
    folder = _office(tmp_path, rows)
    report = sq.validate(sq.read_ledgers(folder / "台账", year=2026, rules=sq.load_rules(folder / "规则.yaml")))
    assert [f"{i.column}{i.row}" for i in findings(report, "cell.deduction_unapplied")] == ["I3", "I4"]
