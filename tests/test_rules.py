"""Rules files: ``sqmy rules check`` names the exact key and problem; ``sqmy rules show`` prints them.

Exit codes of ``rules check``: 0 valid; 1 the file has problems (invalid YAML syntax,
a forbidden tag, an empty file included: the file was read, its content is wrong);
2 the file could not be read at all (missing, a folder).
"""
from __future__ import annotations

import copy
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sqmy_lib.cli import main
from sqmy_lib.rules import (RuleProblem, RulesError, RulesFileError, check_file, check_rules, load_rules,
                            rules_text)
from sqmy_lib.rules.model import DEFAULTS_DIR

SHIPPED = DEFAULTS_DIR / "2026.yaml"
SHIPPED_DATA = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def sqmy(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sqmy_lib", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd)


def edited(tmp_path: Path, old: str, new: str, name: str = "rules.yaml") -> Path:
    """The shipped file with one textual edit, as an office would make it."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", sorted(DEFAULTS_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_defaults_pass(path):
    data, problems = check_file(path)
    assert problems == []
    result = sqmy("rules", "check", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"规则文件有效:{path}(版本 {data['version']})" in result.stdout


BROKEN = [
    # (old text, new text, key, message)
    ('省级: "200.00"', '省级: "abc"', "rewards.by_tier.省级", "应为金额(最多两位小数),实为 “abc”"),
    ('市级: "100.00"', '市级: "100.125"', "rewards.by_tier.市级", "应为金额(最多两位小数),实为 “100.125”"),
    ('县级: "30.00"', "县级: 0.001", "rewards.by_tier.县级", "应为金额(最多两位小数),实为 0.001"),
    ('县级: "30.00"', '县级: "-5"', "rewards.by_tier.县级", "金额不能为负数,实为 “-5”"),
    ('全国: "300.00"}', '全国: "300.00", 区级: "10.00"}', "rewards.by_tier.区级",
     "未知层级 “区级”,应为 县级/市级/省级/全国 之一"),
    ('省级: "200.00", ', "", "rewards.by_tier.省级", "缺少必填项(为 0 也请写明)"),
    ("tier_mode: highest", "tier_mode: avg", "rewards.tier_mode", "应为 highest/sum 之一,实为 “avg”"),
    ("  tier_mode: highest\n", "", "rewards.tier_mode", "缺少必填项"),
    ("instruction_multiplier: 2", "instruction_multiplier: 0", "rewards.instruction_multiplier", "应为大于 0 的数,实为 0"),
    ("\nrewards:", "\nreward:", "reward", "未知配置项(是否应为 “rewards”?)"),
    ("\nrewards:", "\nreward:", "rewards", "缺少必填项"),
    ("信息员: {per: month, items: 1, every_month: true}", "信息员: {per: week, items: 1, every_month: true}", "quotas.people.信息员.per",
     "应为 month/quarter/year 之一,实为 “week”"),
    ("委员: {per: year, items: 2, prorate: false}", "委员: {per: year, items: -2, prorate: false}", "quotas.people.委员.items", "应为不小于 0 的整数,实为 -2"),
    ("界别组: {per: quarter", "界别: {per: quarter", "quotas.units.界别",
     "未知单位类型 “界别”,应为 镇街政协工委/民主党派/界别组/专委会/工商联 之一"),
    ("adopted_min_tier: 市级", "adopted_min_tier: 区级", "quotas.units.镇街政协工委.adopted_min_tier",
     "未知层级 “区级”,应为 县级/市级/省级/全国 之一"),
    ("adopted_min_tier: 市级, ", "", "quotas.units.镇街政协工委.adopted_min_tier", "缺少必填项(写了 adopted 时必填)"),
    ("adopted_min_tier: 市级, start_month: 1}", "adopted_min_tier: 市级, start_month: 13}",
     "quotas.units.镇街政协工委.start_month", "应为 1 到 12 之间的整数,实为 13"),
    ("own_tier: 县级", "own_tier: 乡级", "office.own_tier", "未知层级 “乡级”,应为 县级/市级/省级/全国 之一"),
    ("tiers: [县级, 市级, 省级, 全国]", "tiers: [县级, 市级, 市级, 全国]", "tiers", "第3项 “市级” 重复"),
    ("    省级: [省, 自治区,", "    省级: []\n    乡级: [省, 自治区,", "placement.level_words.省级", "应为非空的文字列表,如 [甲, 乙],实为 列表"),
    ("    国家级: [总理,", "    部级: [总理,", "placement.leader_words.部级", "未知领导级别 “部级”,应为 县级/市级/省级/国家级 之一"),
    ("    政协: {tiers: true, paid: true, scored: true}", "    政协: {tiers: 1, paid: true, scored: true}",
     "placement.channels.政协.tiers", "应为 true 或 false,实为 1"),
    ("    转送: {words: [转送], channel: 部门}", "    转送: {words: [转送], channel: 政府}", "placement.routing.转送.channel",
     "未知渠道 “政府”,应为 政协/党委政府/民主党派统战/部门 之一"),
    ("  pending: [待定,", "  pending: [[待定],", "marks.pending", "应为文字列表,如 [√, 是],实为 列表"),
    ("per_submission: 1", "per_submission: 1.5", "points.per_submission", "应为不小于 0 的整数,实为 1.5"),
    ("instruction_mode: highest", "instruction_mode: max", "points.instruction_mode", "应为 highest/sum 之一,实为 “max”"),
    ("镇街政协工委: {top_n: 3}", "镇街政协工委: {top_n: three}", "peer_groups.镇街政协工委.top_n", "应为不小于 0 的整数,实为 “three”"),
    ("min_submitted: 5", "min_submited: 5", "commendations.outstanding_informant.min_submited",
     "未知配置项(是否应为 “min_submitted”?)"),
    ("adoptions, earliest_submission]", "adoptions, newest]", "commendations.top_items_order",
     "第4项应为 highest_tier/instructions/adoptions/earliest_submission 之一,实为 “newest”"),
    ("circular: quarter", "circular: weekly", "periods.circular", "应为 month/quarter/half 之一,实为 “weekly”"),
    ("forwarded_adopted: above_own", "forwarded_adopted: highest", "forwarded_adopted",
     "应为 above_own/at_highest_sent 之一,实为 “highest”"),
    ("per_submission: 1", "per_submission: 1\n  per_submission: 2", "points.per_submission", "重复的配置项"),
    # A word in two lists was accepted, and one list silently won (X ticked as adopted read as not).
    ("入选]", "入选, X]", "marks", "“X”同时写在 adopted 和 not_adopted 中,只能属于其中一个"),
    ("    县级: [县, 自治县, 区, 旗, 县级, 区级]", "    县级: [县, 自治县, 区, 旗, 县级, 区级, 市]", "placement.level_words",
     "“市”同时写在 市级 和 县级 中,只能属于其中一个"),
    ("  信息员: [信息员, 联络员]", "  信息员: [信息员, 联络员, 特约信息员]", "roles", "“特约信息员”同时写在 特邀信息员 和 信息员 中,只能属于其中一个"),
    # A typo in the circular's keys kept the default (overdue stayed 60 days).
    ("  overdue_days: 60", "  overdue_day: 30", "circular.overdue_day", "未知配置项(是否应为 “overdue_days”?)"),
    # A key that means nothing beside the others was accepted and silently ignored.
    ("{per: month, items: 3, adopted: 1, adopted_min_tier: 市级, start_month: 1}", "{per: month, items: 3, adopted_min_tier: 市级, start_month: 1}",
     "quotas.units.镇街政协工委", "写了 adopted_min_tier(采用的最低层级)却没有写 adopted"),
    ("信息员: {per: month, items: 1, every_month: true}", "信息员: {per: year, items: 12, every_month: true}", "quotas.people.信息员",
     "every_month(每月都要完成)只用于按月的任务(per: month),此处 per 为 “year”"),
    # A district of a 直辖市 left 市 at 市级: 市政协 (北京市政协, 省级) was paid as 市级.
    ("province: 示例省", "province: 北京市", "office", "province 为直辖市“北京市”:其“市政协、市委、副市长”等是省级,请在 relative 中写明 {市: 省级}"),
    # YAML 1.1 read 010 as octal 8: a quota of 8, not 10.
    ("委员: {per: year, items: 2, prorate: false}", "委员: {per: year, items: 010, prorate: false}", "quotas.people.委员.items",
     "应为不小于 0 的整数,实为 “010”"),
]


@pytest.mark.parametrize("old,new,key,message", BROKEN, ids=[f"{k}-{m[:8]}" for _, _, k, m in BROKEN])
def test_broken_file_names_key_and_problem(tmp_path, capsys, old, new, key, message):
    path = edited(tmp_path, old, new)
    _, problems = check_file(path)
    assert any(p.key == key and p.message.startswith(message) for p in problems), problems
    assert main(["rules", "check", str(path)]) == 1  # in-process: the same code as below, faster
    assert f"  {key}:{message}" in capsys.readouterr().out


def test_broken_files_through_the_command(tmp_path):
    """The cases of the issue, through ``python -m sqmy_lib``: each names its key, exit 1."""
    for n, k in enumerate([0, 1, 4, 6, 7, 9]):
        old, new, key, message = BROKEN[k]
        result = sqmy("rules", "check", edited(tmp_path, old, new, f"r{n}.yaml"))
        assert result.returncode == 1, result.stderr
        assert f"  {key}:{message}" in result.stdout


def test_problem_carries_the_line(tmp_path):
    path = edited(tmp_path, 'tier_mode: highest', 'tier_mode: avg')
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "tier_mode: avg" in row)
    [problem] = check_file(path)[1]
    assert problem.line == line
    assert str(problem) == f"rewards.tier_mode:应为 highest/sum 之一,实为 “avg”(第{line}行)"


def test_invalid_yaml_syntax_is_a_problem_with_a_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text('version: "1"\nrewards:\n  by_tier: [1, 2\n', encoding="utf-8")
    [problem] = check_file(path)[1]
    assert problem.key == "" and problem.line == 4 and "不是有效的 YAML 格式" in problem.message
    result = sqmy("rules", "check", path)
    assert result.returncode == 1  # read, but wrong: a finding, like a broken key
    assert "第4行" in result.stdout


def test_full_width_colon_is_pointed_out(tmp_path):
    path = tmp_path / "colon.yaml"
    path.write_text("rewards:\n  县级：30\n  市级: 100\n", encoding="utf-8")
    [problem] = check_file(path)[1]
    assert "第2行用了中文冒号" in problem.message


def test_a_word_list_typed_with_chinese_commas_is_pointed_out(tmp_path):
    """void_words: [作废，撤回] is one word to YAML, so a row marked 作废 was counted and paid; the rules
    passed ``rules check``. Now the list is a problem at its key and line."""
    text = SHIPPED.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("void_words:"))
    path = tmp_path / "规则.yaml"
    path.write_text(text.replace(line, "void_words: [作废，撤回，撤销]"), encoding="utf-8")
    [problem] = check_file(path)[1]
    assert problem.key == "void_words" and "中有中文逗号“，”" in problem.message
    assert problem.line == text.splitlines().index(line) + 1


@pytest.mark.parametrize("text,message", [
    ("", "规则文件为空"),
    ("- a\n- b\n", "规则文件顶层应为映射(“键: 值”形式),实为 列表"),
    ("a:\n\tb: 1\n", "含有制表符(Tab),请改用空格缩进"),
])
def test_file_level_problems(tmp_path, text, message):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = check_file(path)[1]
    assert problem.key == "" and message in problem.message


def test_missing_file_exits_2(tmp_path):
    result = sqmy("rules", "check", tmp_path / "none.yaml")
    assert result.returncode == 2
    assert "找不到规则文件" in result.stderr
    assert sqmy("rules", "check", tmp_path).returncode == 2  # a folder
    with pytest.raises(RulesFileError):
        load_rules(tmp_path / "none.yaml")


def test_gbk_file_from_windows_notepad_is_read(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(SHIPPED.read_text(encoding="utf-8").encode("gb18030"))
    assert check_file(path)[1] == []
    assert load_rules(path).tier_of("省政协办公厅") == "省级"


def test_load_rules_raises_on_a_broken_file(tmp_path):
    path = edited(tmp_path, 'tier_mode: highest', 'tier_mode: avg')
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert [p.key for p in caught.value.problems] == ["rewards.tier_mode"]
    assert "rewards.tier_mode:应为 highest/sum 之一,实为 “avg”" in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch MARKER"]',
    '!!python/object/apply:subprocess.call [["touch", "MARKER"]]',
    '!!python/object/new:os.system ["touch MARKER"]',
])
def test_python_tags_are_rejected_without_running(tmp_path, tag):
    path = tmp_path / "evil.yaml"
    path.write_text(f"version: {tag}\n", encoding="utf-8")
    result = sqmy("rules", "check", path, cwd=tmp_path)
    assert result.returncode == 1
    assert "不允许的标签 “!!python/object/" in result.stdout
    with pytest.raises(RulesError):
        load_rules(path)
    assert sqmy("rules", "show", "--rules", path, cwd=tmp_path).returncode == 1
    assert not (tmp_path / "MARKER").exists()
    assert not (Path.cwd() / "MARKER").exists()


def test_check_rules_on_data_lists_every_required_key():
    problems = check_rules({"version": "x"})
    missing = {p.key for p in problems if p.message == "缺少必填项"}
    assert missing == {"year", "office", "tiers", "placement", "marks", "leader_levels", "quotas",
                       "rewards", "points", "peer_groups", "commendations"}
    assert check_rules(yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))) == []
    assert RuleProblem("a.b", "x") == RuleProblem("a.b", "x") and str(RuleProblem("a.b", "x")) == "a.b:x"


@given(st.decimals(min_value=0, max_value=10_000, places=4))
def test_amounts_allow_at_most_two_decimals(value):
    data = copy.deepcopy(SHIPPED_DATA)
    data["rewards"]["by_tier"]["县级"] = str(value)
    fen_exact = value == value.quantize(Decimal("0.01"))
    assert (check_rules(data) == []) == fen_exact


def test_show_prints_the_rules_in_chinese():
    result = sqmy("rules", "show")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("附件:2026年度社情民意信息工作规则(版本 2026.9)")
    for title in ("一、采用层级与认定", "二、报送任务", "三、稿酬标准", "四、计分办法", "五、评选表彰", "六、通报周期"):
        assert f"\n{title}\n" in out
    lines = out.splitlines()
    assert "省级 200.00元" in [line.strip() for line in lines]
    assert any("委员" in line and "每年报送2条" in line for line in lines)
    assert any("信息员" in line and "每月报送1条" in line and "列出未完成的月份" in line for line in lines)
    assert any("自聘任(任职)当月起计算" in line and "解聘(离任、届满)" in line for line in lines)
    assert any("委员" in line and "年度结束时考核" in line and "不列入未完成名单" in line for line in lines)
    assert "镇街政协工委:每月报送3条,其中市级及以上采用1条;自1月起计算,按月累计考核。" in out
    assert "稿酬加倍(×2)" in out and "按最高层级计发" in out and "余数归第一作者" in out
    assert "报送5条以上且被采用3条以上" in out and "镇街政协工委最多3个" in out
    assert "按季度统计通报" in out
    assert "说明" not in out


def test_show_missing_year_falls_back_and_says_so():
    result = sqmy("rules", "show", "--year", "2030")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("说明:") and "2030" in first and "沿用2026年度规则" in first
    assert "附件:2026年度" in result.stdout
    exact = sqmy("rules", "show", "--year", "2025").stdout
    assert exact.startswith("附件:2025年度") and "说明" not in exact


def test_show_follows_an_office_file(tmp_path):
    path = edited(tmp_path, 'by_tier: {县级: "30.00"', "by_tier: {县级: 30")
    text = path.read_text(encoding="utf-8")
    text = text.replace("instruction_multiplier: 2", "instruction_multiplier: 1.5")
    text = text.replace("tier_mode: highest", "tier_mode: sum")
    text = text.replace("circular: quarter", "circular: month")
    path.write_text(text, encoding="utf-8")
    out = rules_text(load_rules(path))
    assert "县级 30.00元" in out  # money always with two decimals, even when written as 30
    assert "稿酬按1.5倍计发(×1.5)" in out and "逐级累计计发" in out and "按月统计通报" in out
    result = sqmy("rules", "show", "--rules", path)
    assert result.returncode == 0 and result.stdout == out


def test_optional_outstanding_informant_limit(tmp_path):
    path = edited(tmp_path, "min_adopted: 3, max_count: 10}", "min_adopted: 3, max_count: 20}")
    assert "最多表彰20名" in rules_text(load_rules(path))
    assert check_file(edited(tmp_path, "min_adopted: 3, max_count: 10}", "min_adopted: 3, max_count: }", "empty.yaml"))[1] == []
    [problem] = check_file(edited(tmp_path, "min_adopted: 3, max_count: 10}", "min_adopted: 3, max_count: 二十}", "bad.yaml"))[1]
    assert problem.key == "commendations.outstanding_informant.max_count"


def test_numbers_as_written_a_utf16_file_and_another_years_file(tmp_path):
    # 省级: 050 was octal 40 yuan and 1_000 a thousand; as written they are text, and a money value
    # reads the 50 it says. A file saved as Notepad's "Unicode" (UTF-16) is read (it was "not a text
    # file"). A file of another year used for this one is said (its amounts applied without a word).
    rules = load_rules(edited(tmp_path, '省级: "200.00"', "省级: 050"), year=2026)
    assert rules.data["rewards"]["by_tier"]["省级"] == "050"
    assert Decimal(rules.data["rewards"]["by_tier"]["省级"]) == Decimal("50")
    text = SHIPPED.read_text(encoding="utf-8")
    (tmp_path / "u16.yaml").write_bytes(text.encode("utf-16"))
    assert load_rules(tmp_path / "u16.yaml", year=2026).data == yaml.safe_load(text)
    (tmp_path / "规则.yaml").write_text(text, encoding="utf-8")
    notes = load_rules(tmp_path / "规则.yaml", year=2025).notes
    assert notes and "是 2026 年度的,现按它统计 2025 年" in notes[0]
    assert load_rules(SHIPPED, year=2026).notes == []


@pytest.mark.parametrize("old,new,said", [
    ('by_tier: {县级: "30.00", 市级: "100.00"', 'by_tier: {县级: "30.00"， 市级: "100.00"', "中用了中文逗号“，”"),
    ("  tier_mode: highest", "   tier_mode: highest", "缩进不一致"),
    ("  tier_mode: highest", "\u3000tier_mode: highest", "用全角空格缩进"),
    ("  instruction_multiplier: 2", "  instruction_multiplier： 2", "用了中文冒号“：”"),
])
def test_a_syntax_error_is_said_in_chinese_with_its_likely_cause(tmp_path, old, new, said):
    # The parser's English ("expected ',' or '}', but got '<scalar>'") was all staff got.
    [problem] = check_file(edited(tmp_path, old, new))[1]
    assert said in problem.message and not re.search(r"[A-Za-z]{4,}", problem.message.replace("YAML", "")), problem.message


def test_a_city_left_empty_as_the_template_says_is_accepted(tmp_path):
    # "市级政协不填": city: '' was refused (应为文字,实为“”); a 直辖市 district with {市: 省级} passes.
    path = edited(tmp_path, "city: 示例市", "city: ''")
    assert check_file(path)[1] == []
    text = path.read_text(encoding="utf-8").replace("province: 示例省", "province: 北京市").replace("relative: {}", "relative: {市: 省级}")
    path.write_text(text, encoding="utf-8")
    assert check_file(path)[1] == []


def test_a_prize_per_grade_names_a_grade_of_its_category(tmp_path):
    # grades {十佳信息: 一等奖, 二等奖} with prizes {十佳信息: {一等: 500}}: passed `rules check`, `rules show`
    # said 一等500.00元, and the 一等奖 was paid 0 (no grade 一等). A per-grade prize for 优秀信息员,
    # which has no grades, was paid 0 too. Both refused, by key, the grade suggested.
    def graded(prizes: str, name: str) -> Path:
        path = edited(tmp_path, "  grades: {}", "  grades: {十佳信息: {一等奖: 1, 二等奖: 2}}", name)
        path.write_text(path.read_text(encoding="utf-8").replace("  prizes: {}", f"  prizes: {prizes}", 1), encoding="utf-8")
        return path

    typo = graded('{十佳信息: {一等: "500", 二等奖: "300"}}', "typo.yaml")
    [problem] = check_file(typo)[1]
    assert problem.key == "commendations.prizes.十佳信息.一等"
    assert "未知等次 “一等”(是否应为 “一等奖”?)" in problem.message and "一等奖/二等奖" in problem.message
    result = sqmy("rules", "check", typo)
    assert result.returncode != 0 and "commendations.prizes.十佳信息.一等" in result.stdout + result.stderr
    with pytest.raises(RulesError):
        load_rules(typo)
    no_grades = edited(tmp_path, "  prizes: {}", '  prizes: {优秀信息员: {一等奖: "200"}}', "no_grades.yaml")
    [problem] = check_file(no_grades)[1]
    assert problem.key == "commendations.prizes.优秀信息员" and "没有优秀信息员的等次" in problem.message
    # As meant: the grade names of grades, or one amount for a category without grades.
    fine = graded('{十佳信息: {一等奖: "500", 二等奖: "300"}, 优秀信息员: "200"}', "fine.yaml")
    assert check_file(fine)[1] == []
    assert "十佳信息表彰奖金:一等奖500.00元、二等奖300.00元" in rules_text(load_rules(fine))


def test_the_year_s_own_rules_beside_the_office_s_are_that_year_s(tmp_path):
    """规则.yaml of 2026 with 规则2025.yaml beside it (as README says to keep it): 2025 is counted by 规则2025.yaml,
    said; it was counted at 2026's rates (a note told staff to keep the very file they had kept)."""
    (tmp_path / "规则.yaml").write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    alone = load_rules(tmp_path / "规则.yaml", year=2025)
    assert Path(alone.source).name == "规则.yaml" and any("是 2026 年度的,现按它统计 2025 年" in n for n in alone.notes)
    (tmp_path / "规则2025.yaml").write_text((DEFAULTS_DIR / "2025.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rules = load_rules(tmp_path / "规则.yaml", year=2025)
    assert Path(rules.source).name == "规则2025.yaml" and rules.year == 2025
    assert any("按同一文件夹中该年度的规则文件 规则2025.yaml" in n for n in rules.notes)
    assert Path(load_rules(tmp_path / "规则.yaml", year=2026).source).name == "规则.yaml"
