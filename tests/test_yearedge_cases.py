"""The year's edges: items sent late in one year and adopted, 编发 or 批示'd in the next, ledgers kept open into
January, a 届 ledger over two years. Each workbook is written here as an office keeps it, each answer worked out by
hand (shipped rules: 县级 ¥30, 市级 ¥100; points 1 a submission, 县级 3, 市级 10).
"""
from __future__ import annotations

import datetime as dt
import types
from decimal import Decimal

import pytest

import sqmy_lib as sq
from conftest import assert_every_cell_accounted, findings, paid, write_xlsx

D = dt.datetime
HEADER = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, "备注"],
          [None, None, None, None, None, "县政协编发", "市政协", "省政协", None]]
MERGES = ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:H2", "I2:I3"]


def _roster(tmp_path):
    return write_xlsx(tmp_path / "名册.xlsx", {
        "人员": [["姓名", "身份", "单位"], ["张三", "委员", "民盟县委"], ["李四", "委员", "民盟县委"],
                 ["王五", "委员", "民盟县委"], ["赵六", "委员", "民盟县委"]],
        "单位": [["单位名称", "单位类型"], ["民盟县委", "民主党派"]]})


# ---------------------------------------------------------------- the own bulletin's numbers start again in January

def test_an_undated_first_issue_on_a_december_item_is_said_as_next_year_s(tmp_path):
    """A 2025 combined ledger writes the own bulletin's issue under 县政协编发 and no 采用日期 (the office's usual way):
    第4期 and 第5期 in March, 第15期 in October, 第16期 on an item of 12月10日, and 第1期 on an item of 12月29日 — the
    2026 bulletin's first issue. Undated, every adoption counts on its item's 收稿日期, so 第1期 was a 2025 adoption
    (县级 ¥30 to 王五 in 2025, 2025's 编发 one item more) and nothing said so: 第1期 cannot be 2025's, published after
    第16期. Now said at its cell (adoption.issue_gone_back), naming 第16期, with the figure as counted (the day is the
    office's to write). 第4期 on an item two days after 第5期's is the order items wait in: not said."""
    rows = [["2025年度社情民意信息报送采用登记表"], *HEADER,
            [1, D(2025, 3, 1), "关于加强农村饮水安全的建议", "张三", "民盟县委", "第5期", None, None, None],
            [2, D(2025, 3, 3), "关于规范校外培训机构的建议", "李四", "民盟县委", "第4期", None, None, None],
            [3, D(2025, 10, 10), "关于加强冬季供暖保障的建议", "赵六", "民盟县委", "第15期", None, None, None],
            [4, D(2025, 12, 10), "关于农村独居老人冬季关爱的建议", "张三", "民盟县委", "第16期", None, None, None],
            [5, D(2025, 12, 29), "关于规范年底农民工工资支付的建议", "王五", "民盟县委", "第1期", None, None, None]]
    path = write_xlsx(tmp_path / "2025年度社情民意信息报送采用登记表.xlsx", {"2025年": rows}, {"2025年": MERGES})
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path), year=2025)
    found = findings(report, "adoption.issue_gone_back")
    assert [(i.sheet, i.row, i.column) for i in found] == [("2025年", 8, "F")]
    assert "第1期" in found[0].message and "第16期" in found[0].message and "第8行" not in found[0].message
    assert "2026年" in found[0].message and found[0].severity == "warning"
    # The figures stay as counted (5 items 县级 in 2025, ¥30 each), the cell saying why they may not be.
    assert paid(ledger, 2025) == {"张三": Decimal("60.00"), "李四": Decimal("30.00"), "赵六": Decimal("30.00"),
                                  "王五": Decimal("30.00")}


def test_a_dated_next_year_issue_and_an_ordinary_year_draw_no_word(tmp_path):
    """The same ledger with the 采用日期 written for 第1期 (2026.1.8 in its cell) is right as it stands: 2025 pays
    张三 ¥60, 李四 ¥30 and 赵六 ¥30, 2026 pays 王五 ¥30; nothing said. Nor is a small office's year whose December
    item went into 第3期 after 第2期 of October (3 is more than half of 2)."""
    rows = [["2025年度社情民意信息报送采用登记表"], *HEADER,
            [1, D(2025, 3, 1), "关于加强农村饮水安全的建议", "张三", "民盟县委", "第5期", None, None, None],
            [2, D(2025, 3, 3), "关于规范校外培训机构的建议", "李四", "民盟县委", "第4期", None, None, None],
            [3, D(2025, 10, 10), "关于加强冬季供暖保障的建议", "赵六", "民盟县委", "第15期", None, None, None],
            [4, D(2025, 12, 10), "关于农村独居老人冬季关爱的建议", "张三", "民盟县委", "第16期", None, None, None],
            [5, D(2025, 12, 29), "关于规范年底农民工工资支付的建议", "王五", "民盟县委", "第1期（2026.1.8）", None, None, None]]
    path = write_xlsx(tmp_path / "2025年度登记表.xlsx", {"2025年": rows}, {"2025年": MERGES})
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path), year=2025)
    assert not findings(report, "adoption.issue_gone_back")
    assert paid(ledger, 2025) == {"张三": Decimal("60.00"), "李四": Decimal("30.00"), "赵六": Decimal("30.00")}
    assert paid(ledger, 2026) == {"王五": Decimal("30.00")}
    small = [["2025年度社情民意信息报送采用登记表"], *HEADER,
             [1, D(2025, 10, 10), "关于加强冬季供暖保障的建议", "赵六", "民盟县委", "第2期", None, None, None],
             [2, D(2025, 12, 10), "关于农村独居老人冬季关爱的建议", "张三", "民盟县委", "第3期", None, None, None]]
    path = write_xlsx(tmp_path / "小台账.xlsx", {"2025年": small}, {"2025年": MERGES})
    _, report = assert_every_cell_accounted(path, roster=_roster(tmp_path), year=2025)
    assert not findings(report, "adoption.issue_gone_back")


def test_a_term_ledger_on_one_sheet_says_the_first_issue_of_its_second_year(tmp_path):
    """One sheet kept through the 届 (title 2025—2026年), days without their year: 3月5日 第3期, 11月20日 第18期 with
    市政协 1月12日, 12月31日 第1期 (undated), 1月5日 市政协 √, 3月2日 第4期. Read: 2025-03-05, 2025-11-20 (市政协
    2026-01-12), 2025-12-31, 2026-01-05, 2026-03-02. The 第1期 of 12月31日 is 2026's: said at F6, naming 第18期."""
    rows = [["政协示例县第十二届委员会社情民意信息报送采用登记表（2025—2026年）"], *HEADER,
            [1, "3月5日", "关于加强农村饮水安全的建议", "张三", "民盟县委", "第3期", None, None, None],
            [2, "11月20日", "关于加强冬季供暖保障的建议", "王五", "民盟县委", "第18期", "1月12日", None, None],
            [3, "12月31日", "关于农村独居老人冬季关爱的建议", "李四", "民盟县委", "第1期", None, None, None],
            [4, "1月5日", "关于春节期间烟花爆竹安全管理的建议", "王五", "民盟县委", None, "√", None, None],
            [5, "3月2日", "关于春季农田水利建设的建议", "张三", "民盟县委", "第4期", None, None, None]]
    path = write_xlsx(tmp_path / "第十二届社情民意信息台账.xlsx", {"十二届": rows}, {"十二届": MERGES})
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path))
    subs = ledger.submissions.sort_values("row")
    assert [d.date() for d in subs["date"]] == [dt.date(2025, 3, 5), dt.date(2025, 11, 20), dt.date(2025, 12, 31),
                                                dt.date(2026, 1, 5), dt.date(2026, 3, 2)]
    found = findings(report, "adoption.issue_gone_back")
    assert [(i.row, i.column) for i in found] == [(6, "F")] and "第18期" in found[0].message
    # 2026: 王五's item 4 市级 ¥100 and item 2's 市级 top-up ¥100 − ¥30 = ¥70; 张三 ¥30 for 第4期.
    assert paid(ledger, 2026) == {"王五": Decimal("170.00"), "张三": Decimal("30.00")}
    assert sq.summary(ledger, 2026) is not None


# ---------------------------------------------------------------- the main job on the day the fourth quarter's is due

def _books_of_two_years(folder):
    """The 2025 book (报送台账, 采用台账 kept open into January) and the 2026 book begun on 1月3日, as an office
    keeps them on 5 January 2026."""
    sent = ["编号", "收稿日期", "信息标题", "作者", "单位"]
    adopted = ["编号", "信息标题", "采用单位", "期号", "采用日期"]
    write_xlsx(folder / "2025年社情民意信息台账.xlsx", {
        "报送台账": [["2025年社情民意信息报送台账"], sent,
                     ["QS2025-001", D(2025, 3, 10), "关于加强农村饮水安全的建议", "张三", "民盟县委"],
                     ["QS2025-010", D(2025, 10, 8), "关于加强冬季供暖保障的建议", "李四", "民盟县委"],
                     ["QS2025-011", D(2025, 11, 20), "关于农村独居老人冬季关爱的建议", "王五", "民盟县委"],
                     ["QS2025-012", "2025/12/31", "关于规范年底农民工工资支付的建议", "赵六", "民盟县委"]],
        "采用台账": [["2025年社情民意信息采用台账"], adopted,
                     ["QS2025-001", "关于加强农村饮水安全的建议", "县政协", "第3期", D(2025, 3, 20)],
                     ["QS2025-010", "关于加强冬季供暖保障的建议", "市政协", None, D(2025, 12, 1)],
                     ["QS2025-012", "关于规范年底农民工工资支付的建议", "县政协", "第1期", "2026年1月4日"]]})
    write_xlsx(folder / "2026年社情民意信息台账.xlsx", {
        "报送台账": [["2026年社情民意信息报送台账"], sent,
                     ["QS2026-001", D(2026, 1, 3), "关于春节期间烟花爆竹安全管理的建议", "张三", "民盟县委"]],
        "采用台账": [["2026年社情民意信息采用台账"], adopted]})


@pytest.mark.whole_command
def test_the_main_job_in_january_writes_last_year_s_fourth_quarter(tmp_path, monkeypatch, capsys):
    """sqmy run on 5 January 2026 over the 2025 book and the 2026 book just begun (two sheets each: the year taken is
    the later, 2026). It said "2026年尚无已结束的季度" and wrote no circular: the one due that day, 2025's fourth
    quarter, was never made by the main job. Now it is, and stderr says why. By hand, 2025年第四季度: received 3
    (10月8日, 11月20日, 12月31日), adopted 1 (QS2025-010, 市政协, 12月1日; QS2025-012's 第1期 is of 2026-01-04)."""
    import docx

    import sqmy_lib.cli.validate as cli_validate
    from sqmy_lib.cli import main

    class January(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2026, 1, 5)

    monkeypatch.setattr(cli_validate, "dt", types.SimpleNamespace(date=January, datetime=dt.datetime, timedelta=dt.timedelta))
    books = tmp_path / "台账"
    books.mkdir()
    _books_of_two_years(books)
    code = main(["run", str(books), "--roster", str(_roster(tmp_path)), "--out", str(tmp_path / "输出")])
    err = capsys.readouterr().err
    assert code in (0, 3), err
    assert "2025年第四季度" in err
    made = list((tmp_path / "输出" / "季度通报").glob("2025年第四季度*.docx"))
    assert len(made) == 1
    text = "\n".join(p.text for p in docx.Document(made[0]).paragraphs)
    assert "2025年第四季度，共收到社情民意信息3条" in text
    assert "共有1条信息被采用" in text


# ---------------------------------------------------------------- last year's item carried into this year's book

def test_last_year_s_item_entered_in_the_new_book_for_its_adoption_is_a_note(tmp_path):
    """The 2025 book holds 李四's item of 2025-12-31, not yet adopted; in January the office writes it again at the
    top of the 2026 book to record its 编发 (第2期（2026.1.8）, 备注 2025年报送，2026年编发), as it keeps items across
    the year. Figures (right before and after): 2025 received 3, 2026 received 1; 李四 ¥30 in 2026 (县级), none in
    2025. It drew two warnings (sheet.repeats: 与其他工作表的记录重复; repeat.fills: 请核对，并在一处登记完整) asking
    staff to undo an honest way of keeping the books; now one note (repeat.carried_over) and no warning."""
    head = [["序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, "备注"],
            [None, None, None, None, None, "县政协编发", "市政协", "省政协", None]]
    y25 = [["2025年度社情民意信息报送采用登记表"], *head,
           [1, D(2025, 10, 10), "关于加强农村饮水安全的建议", "张三", "民盟县委", "第15期", None, None, None],
           [2, D(2025, 12, 31), "关于农村独居老人冬季关爱的建议", "李四", "民盟县委", None, None, None, None],
           [3, D(2025, 12, 29), "关于加强冬季供暖保障的建议", "王五", "民盟县委", None, "2026.1.12", None, None]]
    y26 = [["2026年度社情民意信息报送采用登记表"], *head,
           [1, D(2025, 12, 31), "关于农村独居老人冬季关爱的建议", "李四", "民盟县委", "第2期（2026.1.8）", None, None,
            "2025年报送，2026年编发"],
           [2, D(2026, 1, 5), "关于春节期间烟花爆竹安全管理的建议", "赵六", "民盟县委", None, "√", None, None]]
    paths = [write_xlsx(tmp_path / "2025年度登记表.xlsx", {"2025年": y25}, {"2025年": MERGES}),
             write_xlsx(tmp_path / "2026年度登记表.xlsx", {"2026年": y26}, {"2026年": MERGES})]
    ledger, report = assert_every_cell_accounted(paths, roster=_roster(tmp_path))
    assert sq.summary(ledger, 2025).submitted == 3 and sq.summary(ledger, 2026).submitted == 1
    assert paid(ledger, 2025) == {"张三": Decimal("30.00")}
    assert paid(ledger, 2026) == {"李四": Decimal("30.00"), "王五": Decimal("100.00"), "赵六": Decimal("100.00")}
    carried = findings(report, "repeat.carried_over")
    assert [(i.sheet, i.row, i.severity) for i in carried] == [("2026年", 4, "info")]
    assert "2025年报送" in carried[0].message and "县级采用" in carried[0].message and "2025年!第5行" in carried[0].message
    assert not [i for i in report.issues if i.severity != "info"], [i.code for i in report.issues]


# ---------------------------------------------------------------- a 届 ledger on one sheet with a 年度 column

def test_a_term_sheet_with_a_year_column_dates_adoptions_after_their_items(tmp_path):
    """One sheet through the 届 (title with no year), a 年度 column filled on each year's first row, every day
    without its year, adoptions' days too (第3期（3月20日）, 市政协 1月12日, 1.20). Read with no year (as sqmy run
    reads): each adoption's day is the first on or after its item's 收稿日期, as on any sheet. It was an error at
    each of the six (adoption.date_invalid, 采用未计入) and every adoption was left out of every figure.
    By hand: 2025 — 张三 第3期 2025-03-20 ¥30, 王五 第18期 2025-12-01 ¥30; 2026 — 王五 市政协 2026-01-12 (补差
    ¥100 − ¥30 = ¥70) and 市政协 2026-01-20 ¥100 = ¥170, 李四 县政协编发 2026-01-08 ¥30, 张三 第4期 2026-03-10 ¥30."""
    head = [["年度", "序号", "收稿日期", "信息标题", "作者", "单位", "采用情况", None, None, "备注"],
            [None, None, None, None, None, None, "县政协编发", "市政协", "省政协", None]]
    rows = [["政协示例县第十二届委员会社情民意信息报送采用登记表"], *head,
            ["2025年", 1, "3月5日", "关于加强农村饮水安全的建议", "张三", "民盟县委", "第3期（3月20日）", None, None, None],
            [None, 2, "11月20日", "关于加强冬季供暖保障的建议", "王五", "民盟县委", "第18期（12月1日）", "1月12日", None, None],
            [None, 3, "12月31日", "关于农村独居老人冬季关爱的建议", "李四", "民盟县委", "1月8日", None, None, None],
            ["2026年", 1, "1月5日", "关于春节期间烟花爆竹安全管理的建议", "王五", "民盟县委", None, "1.20", None, None],
            [None, 2, "3月2日", "关于春季农田水利建设的建议", "张三", "民盟县委", "第4期（3月10日）", None, None, None]]
    merges = ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:I2", "J2:J3"]
    path = write_xlsx(tmp_path / "第十二届社情民意信息台账.xlsx", {"十二届": rows}, {"十二届": merges})
    ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path))
    assert not [i for i in report.issues if i.severity == "error"], [(i.code, i.row, i.column) for i in report.issues]
    ad = ledger.adoptions.sort_values(["row", "column"])
    assert [d.date() for d in ad["date"]] == [dt.date(2025, 3, 20), dt.date(2025, 12, 1), dt.date(2026, 1, 12),
                                              dt.date(2026, 1, 8), dt.date(2026, 1, 20), dt.date(2026, 3, 10)]
    assert {(i.row, i.column) for i in findings(report, "date.year_read")} >= {(4, "G"), (5, "G"), (5, "H"), (6, "G"), (7, "H"), (8, "G")}
    assert paid(ledger, 2025) == {"张三": Decimal("30.00"), "王五": Decimal("30.00")}
    assert paid(ledger, 2026) == {"王五": Decimal("170.00"), "李四": Decimal("30.00"), "张三": Decimal("30.00")}
    # Read for one year (sqmy compute --year 2025): the same days, and no date.year_assumed (工作表未写明年度…换一个
    # 年度统计就按那一年读取) — the 年度 column dates the items and the adoptions follow them, whichever year is run.
    for year in (2025, 2026):
        ledger, report = assert_every_cell_accounted(path, roster=_roster(tmp_path), year=year)
        assert not findings(report, "date.year_assumed") and not [i for i in report.issues if i.severity == "error"]
        assert paid(ledger, 2026) == {"王五": Decimal("170.00"), "李四": Decimal("30.00"), "张三": Decimal("30.00")}
