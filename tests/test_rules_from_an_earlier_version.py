"""An office's rules file written by ``sqmy init`` of an earlier version has no word list the later
version added (instructions.manner_words came with the 督办 readings of 2026-12-06). Its ledgers must
read as the shipped rules read them, with a note saying which lists were taken from the shipped file;
a list the office wrote empty (``[]``) stays empty."""
from __future__ import annotations

import datetime as dt

import yaml

import sqmy_lib as sq
from sqmy_lib.compute import Period, instructions
from sqmy_lib.rules import load_rules
from sqmy_lib.rules.model import default_rules_path

from conftest import write_xlsx


def _office_file(tmp_path, drop, empty=()):
    data = yaml.safe_load(default_rules_path(2026)[0].read_text(encoding="utf-8"))
    for dotted in drop:
        *within, last = dotted.split(".")
        parent = data
        for part in within:
            parent = parent[part]
        del parent[last]
    for key in empty:
        data[key] = []
    path = tmp_path / "规则.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_word_list_left_out_is_read_with_the_shipped_words_and_said(tmp_path):
    # 批示 2026-02-20, 交办 02-25, 时限 30天 → due 2026-03-27; "已于3月20日书面反馈" is a reply on 20 March:
    # not overdue as of 30 June. Without manner_words (书面) the text is "无法判断" and the item overdue.
    rules_path = _office_file(tmp_path, ["instructions.manner_words", "same_name_note_words"], empty=["void_words"])
    header = ["序号", "报送日期", "信息标题", "作者", "单位", "采用情况", "批示领导", "批示日期", "交办日期", "办理时限", "落实情况"]
    rows = [["2026年社情民意信息台账"], header,
            [1, "2026-02-01", "关于甲的建议", "张三", "民盟区委", "区政协编发", "区长刘某", "2026-02-20", "2026-02-25", "30天", "已于3月20日书面反馈"]]
    path = write_xlsx(tmp_path / "台账.xlsx", {"2026年": rows})
    rules = load_rules(rules_path)
    said = [n for n in rules.notes if "中没有词表" in n]
    assert len(said) == 1 and "same_name_note_words、instructions.manner_words" in said[0]
    assert rules.data["void_words"] == []  # written empty: the office's choice, kept
    ledger = sq.read_ledgers(path, year=2026, rules=rules)
    table = instructions(ledger, Period.of(2026, half=1), today=dt.date(2026, 7, 10))
    assert table["overdue"].tolist() == [False]
    assert table["replied"].tolist() == [dt.datetime(2026, 3, 20)]


def test_a_complete_office_file_gets_no_note(tmp_path):
    rules = load_rules(_office_file(tmp_path, []))
    assert not [n for n in rules.notes if "中没有词表" in n]
