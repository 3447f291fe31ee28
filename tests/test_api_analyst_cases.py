"""The library as an analyst calls it in a notebook (``import sqmy_lib as sq``): mistakes said in
Chinese, rows left out said by every computation, ranks only where the figures give one.

Every workbook here is written by hand in the test, every answer is worked out by hand in the test,
and every workbook is checked for the reader's invariant (each non-empty cell read or reported).
"""
from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, write_xlsx

TITLE = "2025年度社情民意信息报送采用登记表"
HEADER = ["编号", "收稿日期", "信息标题", "作者", "单位", "采用情况"]
REPO = Path(__file__).resolve().parents[1]


def _office(tmp_path, bad_date: bool = False, units=None) -> tuple[Path, Path]:
    """民盟县委 two items (one 市政协 adopted), 民建县委 one; with ``bad_date`` a third 民盟县委 row whose
    date 2025.13.5 is no date (date.unparseable: left out). The roster lists 张三, 李四 and ``units``
    (default: the two parties as 民主党派 and 县工商联, which sends nothing, alone among 工商联)."""
    rows = [[TITLE], HEADER,
            ["A1", "2025-03-02", "关于农村养老的建议", "张三", "民盟县委", "市政协采用"],
            ["A2", "2025-05-06", "关于停车管理的建议", "张三", "民盟县委", None],
            ["A3", "2025-06-10", "关于河道整治的建议", "李四", "民建县委", None]]
    if bad_date:
        rows.append(["A4", "2025.13.5", "关于城市绿道的建议", "张三", "民盟县委", None])
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"2025年": rows})
    units = units or [["民盟县委", "民主党派"], ["民建县委", "民主党派"], ["县工商联", "工商联"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"人员": [["姓名", "身份", "单位"], ["张三", "委员", "民盟县委"], ["李四", "委员", "民建县委"]],
                                                 "单位": [["单位名称", "单位类型"], *units]})
    return ledger, roster


def _read(tmp_path, **kw):
    ledger, roster = _office(tmp_path, **kw)
    read, report = assert_every_cell_accounted([ledger, roster], year=2025)
    # The roster passed as the roster (its 单位 sheet is the unit list), its cells read as above.
    return sq.read_ledgers(ledger, roster=roster, year=2025), report


# ---------------------------------------------------------------- 1. a roster path that is not there

def test_a_roster_path_that_does_not_exist_is_refused_as_a_ledger_path_is(tmp_path):
    # A misspelt 花名册.xlsx for 名册.xlsx read as no roster at all: no quota, no role, every unit 未分组,
    # nothing raised. The ledger's own path raises FileNotFoundError('台账路径不存在:…'); the roster's alike.
    ledger, _ = _office(tmp_path)
    missing = tmp_path / "花名册.xlsx"
    with pytest.raises(FileNotFoundError, match="名册路径不存在") as raised:
        sq.read_ledgers(ledger, roster=missing, year=2025)
    assert str(missing) in str(raised.value)
    # The command says it as a file not read, in Chinese, and exits non-zero (no traceback).
    ran = subprocess.run([sys.executable, "-m", "sqmy_lib", "validate", str(ledger), "--roster", str(missing), "--year", "2025"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path)
    assert ran.returncode != 0 and "Traceback" not in ran.stderr
    assert "花名册.xlsx" in ran.stdout + ran.stderr and "文件不存在" in ran.stdout + ran.stderr


# ---------------------------------------------------------------- 2. rows left out, said by every computation

def test_every_computation_says_the_rows_it_left_out_once_per_call(tmp_path):
    # A4's date 2025.13.5 is an error: the row is left out of every figure (3 items, not 4). Only
    # sq.summary(...).left_out said so; people, units, rewards said nothing. Each call now warns once:
    # 报送 1 条 (date.unparseable), pointing to sq.validate.
    ledger, _ = _read(tmp_path, bad_date=True)
    calls = {"people": lambda: sq.people(ledger, 2025), "units": lambda: sq.units(ledger, 2025),
             "rewards": lambda: sq.rewards(ledger, 2025), "summary": lambda: sq.summary(ledger, 2025),
             "instructions": lambda: sq.instructions(ledger, 2025),
             "circular": lambda: sq.quarterly_circular(ledger, 2025, 2)}
    for name, call in calls.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        said = [w for w in caught if issubclass(w.category, sq.compute.LeftOutWarning)]
        assert len(said) == 1, (name, [str(w.message) for w in caught])
        assert issubclass(said[0].category, UserWarning)
        text = str(said[0].message)
        assert "报送 1 条" in text and "date.unparseable" in text and "sq.validate" in text, text
        assert said[0].filename == __file__, (name, said[0].filename)  # at the analyst's line, not inside the library
    with pytest.warns(sq.compute.LeftOutWarning):
        assert sq.summary(ledger, 2025).submitted == 3
    # Once validated (the analyst has the report; a report's notebook shows it), no warning line more.
    sq.validate(ledger)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert sq.summary(ledger, 2025).submitted == 3
    assert not [w for w in caught if issubclass(w.category, sq.compute.LeftOutWarning)]
    # A ledger with no error row: no such warning.
    (tmp_path / "clean").mkdir()
    clean, _ = _read(tmp_path / "clean")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sq.people(clean, 2025)
    assert not [w for w in caught if issubclass(w.category, sq.compute.LeftOutWarning)]
    # The command says the rows left out its own way, once, and no Python warning line.
    ledger, roster = _office(tmp_path, bad_date=True)
    ran = subprocess.run([sys.executable, "-m", "sqmy_lib", "compute", "all", str(ledger), "--roster", str(roster), "--year", "2025"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path)
    assert ran.returncode == 1
    assert ran.stderr.count("因校验错误未计入统计:报送 1 条") == 1
    assert "Warning" not in ran.stderr and "warnings.warn" not in ran.stderr


# ---------------------------------------------------------------- 3. ordinary mistakes, in Chinese

def test_a_path_or_a_table_where_a_ledger_belongs_is_said_in_chinese(tmp_path):
    ledger_path, _ = _office(tmp_path)
    ledger, _ = _read(tmp_path)
    for call in (lambda: sq.people(str(ledger_path), 2025), lambda: sq.units(ledger_path, 2025),
                 lambda: sq.validate(str(ledger_path)), lambda: sq.quarterly_circular(str(ledger_path), 2025, 2)):
        with pytest.raises(TypeError, match="read_ledgers") as raised:
            call()
        assert str(ledger_path) in str(raised.value) and "台账" in str(raised.value)
    with pytest.raises(TypeError, match="表格") as raised:
        sq.rewards(ledger.submissions, 2025)
    assert "Ledger" in str(raised.value)


def test_a_rules_path_is_taken_wherever_rules_are(tmp_path):
    # sq.rewards(L, 2025, rules="规则.yaml") raised AttributeError: 'str' object has no attribute 'refresh'.
    # The path is read as read_ledgers reads it: the same figures as the Rules loaded from it. A 县级
    # rules file whose 市级 adoption pays 100.00: A1 (张三) 100.00.
    rules_path = tmp_path / "规则.yaml"
    rules_path.write_text(Path(sq.load_rules(year=2025).source).read_text(encoding="utf-8"), encoding="utf-8")
    ledger, _ = _read(tmp_path)
    by_path = sq.rewards(ledger, 2025, rules=str(rules_path))
    by_rules = sq.rewards(ledger, 2025, rules=sq.load_rules(rules_path, year=2025))
    pd.testing.assert_frame_equal(by_path, by_rules)
    assert by_path["amount_fen"].tolist() == [10000]
    assert sq.validate(ledger, rules=rules_path).exit_code == sq.validate(ledger).exit_code
    with pytest.raises(TypeError, match="规则"):
        sq.people(ledger, 2025, rules={"quotas": {}})


def test_a_year_or_quarter_written_as_digits_is_taken_alike_everywhere(tmp_path):
    # people(L, "2025") worked; Period.of("2025"), quarterly_circular(L, "2025", 2), annual_commendation(L,
    # "2025") refused (年度应为整数); Period.of(2025, quarter="2") and read_ledgers(year="2025") raised
    # TypeError: '<=' not supported between 'int' and 'str'.
    assert sq.Period.of("2025", quarter="2") == sq.Period(2025, 4, 6) == sq.Period.of(2025, quarter=2)
    assert sq.Period.of(2025, month=" 7 ") == sq.Period(2025, 7, 7) and sq.Period("2025") == sq.Period(2025)
    ledger_path, roster = _office(tmp_path)
    ledger = sq.read_ledgers(ledger_path, roster=roster, year="2025")
    assert ledger.year == 2025 and len(ledger.submissions) == 3
    assert sq.quarterly_circular(ledger, "2025", "2").period == sq.Period(2025, 4, 6)
    assert sq.annual_commendation(ledger, "2025").year == 2025
    assert sq.summary(ledger, "2025Q2").submitted == 2  # A2 (May) and A3 (June)
    for bad, words in ((lambda: sq.Period.of(2025, quarter="二"), "季度应为整数"),
                       (lambda: sq.Period.of("2025年"), "年度应为整数"),
                       (lambda: sq.read_ledgers(ledger_path, year="二〇二五"), "年度应为整数"),
                       (lambda: sq.Period.of(2025, quarter="5"), "季度应为1–4")):
        with pytest.raises(ValueError, match=words):
            bad()


# ---------------------------------------------------------------- 4, 5. ranks only where the figures give one

def test_a_unit_of_a_type_the_rules_do_not_know_is_not_ranked_as_its_finding_says(tmp_path):
    # A 市级 office's roster lists its 县区政协; the (shipped) rules' peer groups do not. The finding says
    # 该单位不计任务、不参加同类组排名, yet units ranked them (第1名, 第2名 in a group 县区政协). By hand:
    # 东坪县政协 and 西岭区政协 have no quota and no place (不参加排名); the parties rank as ever.
    units = [["民盟县委", "民主党派"], ["民建县委", "民主党派"], ["东坪县政协", "县区政协"], ["西岭区政协", "县区政协"]]
    ledger_path, roster = _office(tmp_path, units=units)
    rows = [[TITLE], HEADER, ["B1", "2025-04-01", "关于山区道路的建议", "刘洋", "东坪县政协", "市政协采用"],
            ["B2", "2025-04-02", "关于古树保护的建议", "孙敏", "西岭区政协", None]]
    county = write_xlsx(tmp_path / "县区.xlsx", {"2025年": rows})
    assert_every_cell_accounted([ledger_path, county, roster], year=2025)
    ledger = sq.read_ledgers([ledger_path, county], roster=roster, year=2025)
    unknown = sq.validate(ledger).to_frame().query("code == 'roster.unit_type_unknown'")
    assert len(unknown) == 2 and unknown["message"].str.contains("不参加同类组排名").all()
    table = sq.units(ledger, 2025).set_index("unit")
    for county_name in ("东坪县政协", "西岭区政协"):
        assert pd.isna(table.at[county_name, "rank"]) and table.at[county_name, "rank_text"] == "不参加排名"
        assert pd.isna(table.at[county_name, "quota"])
    # 民盟县委: 2 items + 市级 10 = 12 points, 第1名; 民建县委: 1 item, 1 point, 第2名.
    assert table.loc[["民盟县委", "民建县委"], "rank_text"].tolist() == ["第1名", "第2名"]
    circular = sq.quarterly_circular(ledger, 2025, 2)
    assert "东坪县政协" not in set(circular.leading_units()["unit"])


def test_a_unit_that_sent_nothing_has_no_place(tmp_path):
    # 县工商联, alone among 工商联, sent nothing: it was 第1名 (rank_text). By hand: no place, 未报送.
    # In a quarter where 民建县委 sent nothing either (Q1: only A1 of 民盟县委) it is 未报送 too, not 第2名.
    ledger, _ = _read(tmp_path)
    year = sq.units(ledger, 2025).set_index("unit")
    assert pd.isna(year.at["县工商联", "rank"]) and year.at["县工商联", "rank_text"] == "未报送"
    assert bool(year.at["县工商联", "no_submission"])
    assert year.loc[["民盟县委", "民建县委"], "rank"].tolist() == [1, 2]
    q1 = sq.units(ledger, "2025Q1").set_index("unit")
    assert q1.at["民盟县委", "rank_text"] == "第1名" and q1.at["民建县委", "rank_text"] == "未报送"
    # The circular's table of units shows no place for one (its 年度累计 排名 column blank).
    circular = sq.quarterly_circular(ledger, 2025, 1)
    shown = circular.units_by_period().set_index(("", "unit"))
    assert pd.isna(shown.at["县工商联", ("年度累计", "rank")])


# ---------------------------------------------------------------- 6. what is said when nothing was read

def test_an_empty_folder_and_a_mistyped_roster_are_said_for_what_they_are(tmp_path):
    # An empty 台账 folder: the figures' EmptyPeriodWarning advised writing the year in the titles (所读台账中
    # 没有能确定年份的日期), when no file was read at all (input.no_files).
    folder = tmp_path / "空" / "台账"
    folder.mkdir(parents=True)
    ledger = sq.read_ledgers(folder)
    assert ledger.findings["code"].tolist() == ["input.no_files"]
    with pytest.warns(sq.compute.EmptyPeriodWarning) as caught:
        sq.people(ledger, 2025)
    text = str(caught[0].message)
    assert "没有读取到任何台账文件" in text and "写明年度" not in text, text
    # An office folder (sqmy init) given a mistyped --roster: its own 名册.xlsx was said to be renamed to
    # 名册.xlsx (替代现有的 名册.xlsx). By hand: the given file is not there, the office's is not read.
    from conftest import sqmy

    office = tmp_path / "office"
    assert sqmy("init", office).returncode == 0
    _office(office / "台账")
    (office / "台账" / "名册.xlsx").rename(office / "名册.xlsx")
    ran = sqmy("validate", office, "--roster", office / "花名册.xlsx")
    assert "替代现有的" not in ran.stderr
    assert f"--roster 所给的 {office / '花名册.xlsx'} 不存在" in ran.stderr and f"--roster {office / '名册.xlsx'}" in ran.stderr
